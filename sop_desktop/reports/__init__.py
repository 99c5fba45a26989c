"""Registers and performance reports to Excel and PDF (headless).

The API the window's Laporan menu uses (each writer takes an optional progress(done, total)
callback and may run off the UI thread; files are written whole or not at all):

    data = build_register(services, RegisterFilters(sop="aduan", period=parse_period("2026-Q3")))
    write_register_xlsx(data, path, progress=None) / write_register_pdf(data, path, progress=None)
    data = build_kinerja(services, period=parse_period("2026"), sop=None)
    write_kinerja_xlsx(data, path, progress=None) / write_kinerja_pdf(data, path, progress=None)
    write_monitoring_pdf(data, path, progress=None, paper="A4")  # the monitoring sheet alone

Registers default to F4 (folio) landscape in PDF (`paper=None`); every file carries the app
and version in its properties and the latest history chain hash (see reports.docmeta).
"""

from sop_desktop.output.atomic import ExportError
from sop_desktop.reports.kinerja import (
                                         KinerjaData,
                                         build_kinerja,
                                         compute_kinerja,
                                         write_kinerja_pdf,
                                         write_kinerja_xlsx,
                                         write_monitoring_pdf,
)
from sop_desktop.reports.periods import Period, parse_date, parse_period, resolve_period
from sop_desktop.reports.registers import (
                                         RegisterData,
                                         RegisterFilters,
                                         build_register,
                                         is_complaint_sop,
                                         parse_status,
                                         register_from_facts,
                                         write_register_pdf,
                                         write_register_xlsx,
)

__all__ = [
    "ExportError", "KinerjaData", "Period", "RegisterData", "RegisterFilters", "build_kinerja",
    "build_register", "compute_kinerja", "is_complaint_sop", "parse_date", "parse_period",
    "parse_status", "register_from_facts", "resolve_period", "write_kinerja_pdf",
    "write_kinerja_xlsx", "write_monitoring_pdf", "write_register_pdf", "write_register_xlsx",
]
