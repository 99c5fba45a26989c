"""`sop-desktop inbox ...`: the cases waiting on a position or a user, and counts per position."""

from __future__ import annotations

from sop_desktop.cli import print_json
from sop_desktop.errors import ValidationError


def register(sub) -> None:
    p = sub.add_parser("inbox", help="kotak masuk per jabatan atau per pengguna")
    who = p.add_mutually_exclusive_group()
    who.add_argument("--position", default=None, metavar="JABATAN")
    who.add_argument("--user", default=None, metavar="PENGGUNA")
    who.add_argument("--counts", action="store_true", help="jumlah kasus terbuka dan terlambat per jabatan")
    p.add_argument("--limit", type=int, default=None, help="banyaknya baris (bawaan: semua)")
    p.add_argument("--offset", type=int, default=0)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_inbox)


def cmd_inbox(args, ctx) -> int:
    inbox = ctx.services.inbox
    if args.counts:
        rows = [c.to_dict() for c in inbox.counts()]
        if args.json:
            print_json(rows)
        else:
            for r in rows:
                print(f"{r['position']:<50} {r['open']:>6} terbuka {r['overdue']:>6} terlambat")
        return 0
    if args.position:
        page = inbox.for_position(args.position, limit=args.limit, offset=args.offset)
    elif args.user:
        page = inbox.for_user(ctx.services.users.get(args.user), limit=args.limit,
                              offset=args.offset)
    else:
        raise ValidationError("Pilih --position JABATAN, --user PENGGUNA atau --counts")
    rows = [i.to_dict() for i in page.items]
    if args.json:
        print_json(rows)
        return 0
    for r in rows:
        late = " TERLAMBAT" if r["overdue"] else ""
        print(f"{r['number']:<28} {r['sop']:<24} langkah {r['step']:<3} tenggat {r['due'] or '-'}{late}")
    print(f"({page.total} kasus)")
    return 0
