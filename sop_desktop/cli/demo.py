"""`sop-desktop --db PELATIHAN demo --cases N`: fill a new or training database with demo data."""

from __future__ import annotations

import argparse
import os
import sys
import time

from sop_desktop.cli import Context, Subparsers, print_json
from sop_desktop.cli.user import admin_actor
from sop_desktop.errors import ValidationError
from sop_desktop.ops.demo import check_demo_target, fill
from sop_desktop.services.users import log_admin_action


def register(sub: Subparsers) -> None:
    p = sub.add_parser("demo", help="isi basis data pelatihan (baru) dengan kasus contoh "
                                    "(pelatihan, uji kecepatan)")
    p.add_argument("--cases", type=int, default=1000, metavar="N")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--as", dest="as_user", default=None, metavar="ADMIN",
                   help="administrator basis data pelatihan (wajib bila sudah ada administrator; "
                        "kata sandinya dari SOP_DESKTOP_PASSWORD atau prompt)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_demo)


def cmd_demo(args: argparse.Namespace, ctx: Context) -> int:
    if args.db is None and not os.environ.get("SOP_DESKTOP_DB"):
        raise ValidationError("Data demo hanya untuk basis data pelatihan: sebutkan berkasnya "
                              "dengan --db, misalnya sop-desktop --db pelatihan.sqlite3 demo")
    services = ctx.services
    check_demo_target()  # before any password is asked: a real office database is refused
    actor = admin_actor(args, services, "demo")
    started = time.perf_counter()
    result = fill(services, args.cases, seed=args.seed)
    seconds = time.perf_counter() - started
    log_admin_action(actor, "demo", f"{result.cases} kasus, {result.users} pengguna baru")
    if args.json:  # the password (when users were made) is in the JSON, shown this once
        print_json(result.__dict__ | {"seconds": round(seconds, 2)})
        return 0
    print(f"{result.cases} kasus ({result.open} berjalan, {result.overdue} terlambat), "
          f"{result.events} riwayat, {result.users} pengguna baru dalam {seconds:.1f} detik")
    if result.password:
        sys.stderr.write(f"Kata sandi semua pengguna demo (admin, operator, ...): "
                         f"{result.password}\nCatat sekarang: kata sandi ini tidak ditampilkan "
                         "lagi.\n")
    return 0
