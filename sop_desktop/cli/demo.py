"""`sop-desktop demo --cases N`: fill a database with realistic demo cases and users."""

from __future__ import annotations

import sys
import time

from sop_desktop.cli import print_json


def register(sub) -> None:
    p = sub.add_parser("demo", help="isi basis data dengan kasus contoh (pelatihan, uji kecepatan)")
    p.add_argument("--cases", type=int, default=1000, metavar="N")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_demo)


def cmd_demo(args, ctx) -> int:
    from sop_desktop.demo import DEMO_PASSWORD, fill

    started = time.perf_counter()
    result = fill(ctx.services, args.cases, seed=args.seed)
    seconds = time.perf_counter() - started
    if args.json:
        print_json(result.__dict__ | {"seconds": round(seconds, 2)})
    else:
        print(f"{result.cases} kasus ({result.open} berjalan, {result.overdue} terlambat), "
              f"{result.events} riwayat, {result.users} pengguna baru dalam {seconds:.1f} detik")
    if result.users:
        sys.stderr.write(f"Kata sandi semua pengguna demo: {DEMO_PASSWORD}\n")
    return 0
