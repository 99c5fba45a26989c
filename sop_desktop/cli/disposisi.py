"""`sop-desktop disposisi NOMOR --to USER[,USER] --instruksi ... --catatan ...`: pass a case on
to named people with the Lembar Disposisi's instruction."""

from __future__ import annotations

import argparse
import sys

from sop_desktop.cli import Context, Subparsers, add_option, print_json
from sop_desktop.cli.user import acting_user, add_as_argument
from sop_desktop.services.container import Services
from sop_desktop.services.disposisi import INSTRUKSI
from sop_desktop.services.workflow import CaseChange


def register(sub: Subparsers) -> None:
    p = sub.add_parser("disposisi", help="teruskan kasus kepada orang tertentu dengan instruksi")
    p.add_argument("number", metavar="NOMOR")
    p.add_argument("--to", required=True, metavar="PENGGUNA[,PENGGUNA]",
                   help="penerima: pemegang jabatan langkah ini atau langkah berikutnya")
    add_option(p, "--instruction", earlier="--instruksi", dest="instruksi", action="append",
               default=[], metavar="INSTRUKSI",
               help="dengan hormat harap: " + ", ".join(INSTRUKSI) + " (boleh diulang atau "
                    "dipisah koma)")
    add_option(p, "--note", earlier="--catatan", dest="catatan", default="", metavar="TEKS")
    p.add_argument("--step", type=int, default=None, metavar="N",
                   help="langkah yang dimaksud; ditolak bila kasus sudah berpindah")
    p.add_argument("--json", action="store_true")
    add_as_argument(p)
    p.set_defaults(func=cmd_disposisi)


def cmd_disposisi(args: argparse.Namespace, ctx: Context) -> int:
    services = ctx.services
    user = acting_user(args, services)
    change = services.disposisi.disposisi(args.number, user, args.to, args.instruksi,
                                          args.catatan, on_step=args.step)
    report_holder(services, change)
    if args.json:
        print_json(services.disposisi.current(change.case_ids[0]))
    return 0


def report_holder(services: Services, change: CaseChange) -> None:
    """One line on stderr: where the case is and who holds it."""
    case = services.cases.get(change.case_ids[0])
    where = f"langkah {case.current_step}" + (
        f" ({case.current_position.name})" if case.current_position is not None else "")
    holder = f", diambil oleh {case.holder.name}" if case.holder is not None else ""
    sys.stderr.write(f"{case.number}: sekarang pada {where}{holder}\n")
