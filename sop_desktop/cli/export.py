"""`sop-desktop export ...`: registers and performance reports to Excel (.xlsx) or PDF."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sop_desktop.cli import Context, Subparsers, add_option
from sop_desktop.errors import ValidationError
from sop_desktop.services.office import OfficeProfile

FORMATS = (".xlsx", ".pdf")


def register(sub: Subparsers) -> None:
    group = sub.add_parser("export", help="register dan laporan kinerja ke Excel atau PDF")
    cmds = group.add_subparsers(dest="export_command", metavar="PERINTAH", required=True)

    reg = cmds.add_parser(
        "register", help="buku register: satu SOP (KODE), semua SOP pengaduan (aduan) atau semua SOP",
        description="Buku register kasus. KODE: kode SOP; 'aduan': Buku Register Aduan dari semua "
                    "SOP pengaduan; tanpa KODE: semua SOP.")
    reg.add_argument("sop", nargs="?", metavar="KODE|aduan", default=None)
    _period_args(reg)
    reg.add_argument("--status", help="berjalan, selesai, dihentikan atau terlambat")
    reg.add_argument("--position", metavar="JABATAN",
                     help="hanya kasus yang sedang di, atau pernah dikerjakan oleh, jabatan ini")
    _common_args(reg)
    reg.set_defaults(func=cmd_register)

    kin = cmds.add_parser("kinerja", help="laporan kinerja per SOP untuk satu periode",
                          description="Laporan kinerja: diterima, selesai, dalam proses, waktu per "
                                      "langkah, tunggakan per jabatan, dan formulir monitoring SOP.")
    kin.add_argument("sop", nargs="?", metavar="KODE", default=None,
                     help="kode SOP (bawaan: semua SOP yang memiliki kasus pada periode itu)")
    _period_args(kin)
    add_option(kin, "--category", earlier="--kategori", dest="kategori", metavar="ISIAN",
               help="isian permohonan untuk rincian kategori (bawaan: hak yang diduga "
                    "dilanggar, atau isian pilihan pertama)")
    _common_args(kin)
    kin.set_defaults(func=cmd_kinerja)


def _period_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--period", metavar="PERIODE",
                        help="2026 (tahun), 2026-11 (bulan), 2026-Q3 (triwulan), 2026-S1 (semester)")
    parser.add_argument("--from", dest="date_from", metavar="TANGGAL", help="tanggal awal (2026-07-01)")
    parser.add_argument("--to", dest="date_to", metavar="TANGGAL", help="tanggal akhir, ikut dihitung")


def _common_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", required=True, metavar="BERKAS",
                        help="berkas keluaran .xlsx atau .pdf")
    add_option(parser, "--paper", earlier="--kertas", dest="kertas", default=None,
               choices=["A4", "F4", "A3"],
               help="ukuran kertas PDF, mendatar (bawaan: F4 untuk register, A4 untuk "
                    "laporan kinerja)")
    add_option(parser, "--signer-title", earlier="--ttd-jabatan", dest="ttd_jabatan",
               help="jabatan penanda tangan (PDF)")
    add_option(parser, "--signer-name", earlier="--ttd-nama", dest="ttd_nama",
               help="nama penanda tangan (PDF)")
    add_option(parser, "--signer-nip", earlier="--ttd-nip", dest="ttd_nip",
               help="NIP penanda tangan (PDF)")


def _output(args: argparse.Namespace) -> Path:
    """The -o file, refused unless .xlsx or .pdf and not a folder."""
    path = Path(args.output).expanduser()
    if path.suffix.lower() not in FORMATS:
        raise ValidationError(f"Berkas keluaran '{args.output}' harus berakhiran .xlsx atau .pdf")
    if path.is_dir():
        raise ValidationError(f"'{args.output}' adalah folder; sebutkan nama berkasnya")
    return path


def _signer(args: argparse.Namespace) -> tuple[str, str, str] | None:
    """The signature block from --signer-* as (jabatan, nama, NIP), None when none is given."""
    if not (args.ttd_jabatan or args.ttd_nama or args.ttd_nip):
        return None
    return args.ttd_jabatan or "", args.ttd_nama or "", args.ttd_nip or ""


UNSET_PROFILE_HINT = ("Catatan: profil kantor belum diisi, kop surat memakai teks contoh. Isi dengan: "
                      "sop-desktop letter office --as ADMIN --set kantor=\"...\" --set "
                      "kementerian=\"...\" --set kota=...\n")


def warn_if_profile_unset(office: OfficeProfile) -> None:
    """A hint on stderr when a printed file will carry the placeholder kop."""
    if office.is_unset():
        sys.stderr.write(UNSET_PROFILE_HINT)


def cmd_register(args: argparse.Namespace, ctx: Context) -> int:
    # deferred for start-up: the report writers (reportlab, the xlsx writer)
    from sop_desktop.ops.report_dispatch import KIND_REGISTER, ReportRequest, build_report, write_built
    from sop_desktop.reports.periods import resolve_period
    from sop_desktop.reports.registers import RegisterData, parse_status

    path = _output(args)
    period = resolve_period(args.period, args.date_from, args.date_to)
    request = ReportRequest(KIND_REGISTER, period, args.sop, parse_status(args.status),
                            args.position, paper=args.kertas, signer=_signer(args))
    data = build_report(ctx.services, request)
    assert isinstance(data, RegisterData)
    if path.suffix.lower() == ".pdf":
        warn_if_profile_unset(data.office)
    write_built(request, data, path)
    print(f"{data.title.capitalize()} ditulis ke {path} ({len(data.rows)} kasus)")
    return 0


def cmd_kinerja(args: argparse.Namespace, ctx: Context) -> int:
    # deferred for start-up: the report writers (reportlab, the xlsx writer)
    from sop_desktop.ops.report_dispatch import KIND_KINERJA, ReportRequest, build_report, write_built
    from sop_desktop.reports.kinerja import KinerjaData
    from sop_desktop.reports.periods import resolve_period

    path = _output(args)
    period = resolve_period(args.period, args.date_from, args.date_to)
    if period is None:
        raise ValidationError("Sebutkan periodenya: --period 2026-Q3 (atau 2026-11, 2026), "
                              "atau --from/--to")
    request = ReportRequest(KIND_KINERJA, period, args.sop, paper=args.kertas,
                            signer=_signer(args), category=args.kategori)
    data = build_report(ctx.services, request)
    assert isinstance(data, KinerjaData)
    if path.suffix.lower() == ".pdf":
        warn_if_profile_unset(data.office)
    write_built(request, data, path)
    print(f"Laporan kinerja {period.label} ditulis ke {path} ({len(data.sops)} SOP)")
    return 0
