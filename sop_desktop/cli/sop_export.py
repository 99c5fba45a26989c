"""`sop-desktop sop export-pdf` and `sop export-image`: the SOP document and its flowchart as files.

Never loads Qt: the layout is measured with reportlab and rendered with reportlab/pypdfium2.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from sop_desktop.cli import Context, Subparsers
from sop_desktop.domain.model import SopDefinition
from sop_desktop.errors import SopError, ValidationError


def register(cmds: Subparsers) -> None:
    """export-pdf and export-image under `sop` (cmds: the sop group's subcommands)."""
    p = cmds.add_parser("export-pdf", help="dokumen SOP lengkap (identitas + diagram alir) sebagai PDF")
    p.add_argument("code", nargs="?", help="kode SOP (lihat: sop-desktop sop list)")
    p.add_argument("--all", action="store_true", dest="all_sops",
                   help="semua SOP, satu berkas PDF per SOP ke dalam folder -o")
    p.add_argument("-o", "--output", required=True, help="berkas .pdf (atau folder dengan --all)")
    p.add_argument("--version", type=int, default=None, dest="sop_version",
                   help="nomor versi SOP (bawaan: versi terbaru)")
    _paper_args(p)
    p.set_defaults(func=cmd_export_pdf)

    p = cmds.add_parser("export-image", help="diagram alir SOP sebagai gambar .png atau .svg")
    p.add_argument("code", help="kode SOP (lihat: sop-desktop sop list)")
    p.add_argument("-o", "--output", required=True, help="berkas .png atau .svg")
    p.add_argument("--version", type=int, default=None, dest="sop_version",
                   help="nomor versi SOP (bawaan: versi terbaru)")
    p.add_argument("--dpi", type=int, default=150, help="resolusi PNG (bawaan 150)")
    _paper_args(p)
    p.set_defaults(func=cmd_export_image)


def _paper_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--paper", type=str.upper, choices=("A4", "F4"), default="A4",
                   help="ukuran kertas (bawaan A4; F4 = 21,5 x 33 cm)")
    p.add_argument("--portrait", action="store_true", help="tegak (bawaan: mendatar/landscape)")


def _warn(message: str) -> None:
    """A warning about the printed document (e.g. an over-long word cut), on stderr."""
    print(f"peringatan: {message}", file=sys.stderr)


def _file_name(defn: SopDefinition) -> str:
    """A safe PDF file name from the SOP's code (or name)."""
    base = re.sub(r"[^A-Za-z0-9._-]+", "_", defn.code or defn.name).strip("._") or "SOP"
    return f"{base}.pdf"


def cmd_export_pdf(args: argparse.Namespace, ctx: Context) -> int:
    from sop_desktop.flowchart.pdf import write_sop_pdf  # deferred: reportlab, for start-up

    landscape = not args.portrait
    if args.all_sops:
        if args.code:
            raise ValidationError("gunakan kode SOP atau --all, bukan keduanya")
        folder = Path(args.output)
        if folder.exists() and not folder.is_dir():
            raise ValidationError(f"'{folder}' bukan folder (dengan --all, -o adalah folder)")
        folder.mkdir(parents=True, exist_ok=True)
        sops = ctx.services.sops.latest_all()
        for defn in sops:
            path = write_sop_pdf(defn, folder / _file_name(defn), args.paper, landscape, warn=_warn)
            print(f"{path}")
        print(f"{len(sops)} SOP diekspor ke {folder}")
        return 0
    if not args.code:
        raise ValidationError("sebutkan kode SOP, atau --all untuk semua SOP")
    if Path(args.output).suffix.lower() != ".pdf":
        raise ValidationError(f"nama berkas keluaran harus berakhiran .pdf: {args.output}")
    defn = ctx.services.sops.get(args.code, args.sop_version)
    path = write_sop_pdf(defn, args.output, args.paper, landscape, warn=_warn)
    print(f"{path}")
    return 0


def cmd_export_image(args: argparse.Namespace, ctx: Context) -> int:
    # deferred: reportlab and pypdfium2, for start-up (the window builds this parser too)
    from sop_desktop.flowchart.image import image_format, write_flowchart_image

    image_format(args.output)  # a wrong suffix fails before the database is opened
    if not 36 <= args.dpi <= 600:
        raise SopError("--dpi harus antara 36 dan 600")
    defn = ctx.services.sops.get(args.code, args.sop_version)
    path = write_flowchart_image(defn, args.output, args.paper, not args.portrait, args.dpi,
                                 warn=_warn)
    print(f"{path}")
    return 0
