"""Benchmarks of registers: 100,000 cases to .xlsx and 10,000 rows to PDF, each next to the
floor of the library writing the same rows bare in the same run.

Each bench_* function returns a list of (name, seconds). Run: python benchmarks/bench_reports.py
[--cases N] [--pdf-rows N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sop_desktop.domain.model import IntakeField, Lane, SopDefinition, Step  # noqa: E402
from sop_desktop.domain.waktu import parse_waktu  # noqa: E402

HAK = ["Hak atas kesejahteraan", "Hak memperoleh keadilan", "Hak atas rasa aman",
       "Hak atas kebebasan pribadi", "Hak turut serta dalam pemerintahan"]
WORDS = ("tanah sengketa warga dinas laporan petugas pelayanan desa kepolisian rumah sakit "
         "sekolah bantuan hukum pengadilan").split()


def _sop() -> SopDefinition:
    w = parse_waktu
    steps = [Step(1, "Pengadu menyampaikan aduan", "Masyarakat", kind="start", waktu=w("15 menit")),
             Step(2, "Petugas mencatat aduan", "Tim Yankomas", waktu=w("15 menit")),
             Step(3, "Petugas menyampaikan isi aduan ke pejabat berwenang", "Tim Yankomas",
                  waktu=w("15 menit"), output="Disposisi"),
             Step(4, "Telaahan isi aduan", "Kabid HAM", waktu=w("2 hari")),
             Step(5, "Koordinasi / audiensi", "Kabid HAM", waktu=w("3 hari")),
             Step(6, "Surat rekomendasi", "Kadiv Yankum", waktu=w("2 hari")),
             Step(7, "Pemantauan pelaksanaan rekomendasi", "Kabid HAM", kind="end",
                  waktu=w("22 hari"))]
    fields = [IntakeField("nama_pengadu", "Nama Pengadu"), IntakeField("nik_pengadu", "NIK", "nik"),
              IntakeField("alamat", "Alamat", "textarea"), IntakeField("telepon", "Telepon", "phone"),
              IntakeField("media", "Media", "choice", choices=["Langsung", "Surat", "Surel"]),
              IntakeField("pihak_teradu", "Pihak Teradu"),
              IntakeField("pokok_aduan", "Pokok Aduan", "textarea"),
              IntakeField("hak_dilanggar", "Hak yang Diduga Dilanggar", "choice", choices=HAK)]
    lanes = [Lane("Masyarakat"), Lane("Tim Yankomas"), Lane("Kabid HAM"), Lane("Kadiv Yankum")]
    return SopDefinition("Pelayanan Komunikasi Masyarakat (bench)", lanes=lanes, steps=steps,
                         fields=fields, code="BENCH")


def make_facts(n: int, seed: int = 7):
    """n complaint cases over 2026 with a full history each (plain facts, no database)."""
    from sop_desktop.reports.facts import CaseFacts, EventFacts

    rnd = random.Random(seed)
    defn = _sop()
    positions = {1: "Masyarakat / Pemohon", 2: "Petugas Yankomas", 3: "Petugas Yankomas",
                 4: "Kepala Bidang Hak Asasi Manusia", 5: "Kepala Bidang Hak Asasi Manusia",
                 6: "Kepala Divisi Pelayanan Hukum dan HAM", 7: "Kepala Bidang Hak Asasi Manusia"}
    start = dt.datetime(2026, 1, 2, 8, 0)
    out = []
    for i in range(n):
        opened = start + dt.timedelta(minutes=rnd.randrange(0, 300 * 24 * 60))
        events = [EventFacts("buka", opened, None, 1)]
        at = opened
        last = rnd.choice([3, 5, 7, 7, 7])
        for step in range(1, last + 1):
            at += dt.timedelta(hours=rnd.uniform(0.1, 60))
            to = step + 1 if step < 7 else None
            events.append(EventFacts("lanjut", at, step, to, note="ditindaklanjuti" if step == 6 else ""))
        done = last == 7
        words = " ".join(rnd.choice(WORDS) for _ in range(rnd.randrange(4, 14)))
        out.append(CaseFacts(
            id=i + 1, number=f"{i + 1:06d}/YANKOMAS/{opened.month}/2026", sop=defn,
            status="selesai" if done else "berjalan", created_at=opened,
            closed_at=at if done else None, current_step=None if done else last + 1,
            current_position="" if done else positions[last + 1],
            step_started_at=None if done else at,
            fields={"nama_pengadu": f"Pengadu {i}", "nik_pengadu": f"{3201000000000000 + i}",
                    "alamat": f"Jl. Contoh No. {i % 200}, Kota", "telepon": f"0812{i:08d}",
                    "media": rnd.choice(["Langsung", "Surat", "Surel"]),
                    "pihak_teradu": rnd.choice(["Dinas A", "PT B", "Polsek C", "Desa D"]),
                    "pokok_aduan": words.capitalize(), "hak_dilanggar": rnd.choice(HAK)},
            events=events, letters=[f"W8.HAM-{i}"] if done else [], step_positions=positions))
    return out


def _register(n: int):
    from sop_desktop.domain.calendar import WorkCalendar
    from sop_desktop.reports.registers import RegisterFilters, register_from_facts
    from sop_desktop.services.office import OfficeProfile

    facts = make_facts(n)
    t0 = time.perf_counter()
    data = register_from_facts(facts, kind="aduan", filters=RegisterFilters("aduan"),
                               calendar=WorkCalendar(), as_of=dt.datetime(2026, 11, 20, 10, 0),
                               office=OfficeProfile(kantor="Kantor Wilayah Bench", kota="Bengkulu"),
                               sops=[facts[0].sop])
    return data, time.perf_counter() - t0


def bench_register_xlsx(n: int = 100_000) -> list[tuple[str, float]]:
    """Register rows computed from n cases, then written styled (write_only) and bare."""
    from openpyxl import Workbook

    from sop_desktop.reports.registers import write_register_xlsx

    data, build = _register(n)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "register.xlsx"
        t0 = time.perf_counter()
        write_register_xlsx(data, path)
        ours = time.perf_counter() - t0
        keys = [c.key for c in data.table.columns]
        t0 = time.perf_counter()
        wb = Workbook(write_only=True)
        ws = wb.create_sheet("Register")
        ws.append([c.label for c in data.table.columns])
        for row in data.rows:
            ws.append([row.get(k) for k in keys])
        wb.save(Path(folder) / "bare.xlsx")
        floor = time.perf_counter() - t0
        fastest = _xlsxwriter_bare(Path(folder) / "bare-xw.xlsx", data.table.columns, keys,
                                   data.rows)
    return [(f"register rows from {n:,} cases (timing vs mutu baku)", build),
            (f"register {n:,} rows -> xlsx (styled, write_only)", ours),
            (f"floor: openpyxl write_only, same {n:,} rows bare", floor),
            (f"floor: xlsxwriter constant_memory, same {n:,} rows bare", fastest)]


def _xlsxwriter_bare(path: Path, columns, keys, rows) -> float:
    """Seconds xlsxwriter (constant_memory) takes to write the rows bare: the fastest floor."""
    import xlsxwriter

    t0 = time.perf_counter()
    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True,
                                         "default_date_format": "dd-mm-yyyy hh:mm"})
    ws = wb.add_worksheet("Register")
    ws.write_row(0, 0, [c.label for c in columns])
    for i, row in enumerate(rows, start=1):
        ws.write_row(i, 0, [_plain(row.get(k)) for k in keys])
    wb.close()
    return time.perf_counter() - t0


def _plain(value):
    """A cell value xlsxwriter's write() takes as openpyxl would (lists joined as text)."""
    if isinstance(value, (list, tuple)):
        return ", ".join(map(str, value))
    return value


def bench_register_pdf(n: int = 10_000) -> list[tuple[str, float]]:
    """n register rows to PDF, next to reportlab laying out the same rows as bare tables."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.platypus import SimpleDocTemplate, Table

    from sop_desktop.output.table import display_value
    from sop_desktop.reports.registers import write_register_pdf

    data, _ = _register(n)
    with tempfile.TemporaryDirectory() as folder:
        t0 = time.perf_counter()
        write_register_pdf(data, Path(folder) / "register.pdf")
        ours = time.perf_counter() - t0
        cols = data.table.columns
        header = [c.label for c in cols]
        rows = [[display_value(r.get(c.key), c.kind)[:20] for c in cols] for r in data.rows]
        t0 = time.perf_counter()
        doc = SimpleDocTemplate(str(Path(folder) / "bare.pdf"), pagesize=landscape(A4))
        story = [Table([header] + rows[i:i + 100], repeatRows=1) for i in range(0, len(rows), 100)]
        doc.build(story)
        floor = time.perf_counter() - t0
    return [(f"register {n:,} rows -> PDF (kop, wrapped cells, page x of y)", ours),
            (f"floor: reportlab bare tables of 100 rows, same {n:,} rows", floor)]


BENCHMARKS = (bench_register_xlsx, bench_register_pdf)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--pdf-rows", type=int, default=10_000)
    args = parser.parse_args(argv)
    os.environ.setdefault("SOP_DESKTOP_HOME", tempfile.mkdtemp(prefix="sop-bench-"))
    results = bench_register_xlsx(args.cases) + bench_register_pdf(args.pdf_rows)
    for name, seconds in results:
        print(f"{seconds:9.2f} s  {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
