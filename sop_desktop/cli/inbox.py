"""`sop-desktop inbox ...`: the cases waiting on a position or a user, and counts per position."""

from __future__ import annotations

import argparse
from typing import Any

from sop_desktop.cli import Context, Subparsers, print_json
from sop_desktop.cli.case import parse_date
from sop_desktop.domain.sifat import SIFAT, sifat_code, sifat_label
from sop_desktop.errors import ValidationError
from sop_desktop.services.inbox import SCOPE_MINE, InboxFilter, InboxQuery
from sop_desktop.services.inbox_query import SORT_KEYS


def register(sub: Subparsers) -> None:
    p = sub.add_parser("inbox", help="kotak masuk per jabatan atau per pengguna")
    who = p.add_mutually_exclusive_group()
    who.add_argument("--position", default=None, metavar="JABATAN")
    who.add_argument("--user", default=None, metavar="PENGGUNA")
    who.add_argument("--counts", action="store_true", help="jumlah kasus terbuka dan terlambat per jabatan")
    p.add_argument("--unread", action="store_true",
                   help="hanya kasus baru yang belum dibuka pengguna (dengan --user)")
    p.add_argument("--mine", action="store_true",
                   help="hanya kasus yang didisposisikan kepada pengguna (dengan --user)")
    p.add_argument("--due-soon", action="store_true", help="hanya yang hampir jatuh tempo")
    p.add_argument("--overdue", action="store_true", help="hanya yang terlambat")
    p.add_argument("--from", dest="date_from", default=None, metavar="TANGGAL",
                   help="diterima sejak tanggal (TTTT-BB-HH)")
    p.add_argument("--to", dest="date_to", default=None, metavar="TANGGAL",
                   help="diterima sampai tanggal (TTTT-BB-HH)")
    p.add_argument("--sifat", default=None, metavar="SIFAT", help=", ".join(SIFAT))
    p.add_argument("--sop", default=None, metavar="KODE", help="hanya kasus SOP ini")
    p.add_argument("--search", default="", metavar="TEKS",
                   help="cari nomor agenda, kode SOP atau isian kasus (pemohon, perihal...)")
    p.add_argument("--sort", default="due", choices=SORT_KEYS,
                   help="urutan (bawaan: due, tenggat terdekat dulu)")
    p.add_argument("--desc", action="store_true", help="urutan terbalik")
    p.add_argument("--limit", type=int, default=None, help="banyaknya baris (bawaan: semua)")
    p.add_argument("--offset", type=int, default=0)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_inbox)


def _filter(args: argparse.Namespace) -> InboxFilter:
    if (args.unread or args.mine) and not args.user:
        raise ValidationError("--unread dan --mine hanya bersama --user PENGGUNA")
    if args.sifat:
        sifat_code(args.sifat)  # an unknown sifat is said before anything is read
    return InboxFilter(unread=args.unread, due_soon=args.due_soon, overdue=args.overdue,
                       date_from=parse_date(args.date_from, "--from"),
                       date_to=parse_date(args.date_to, "--to"), sifat=args.sifat,
                       mine=args.mine)


def cmd_inbox(args: argparse.Namespace, ctx: Context) -> int:
    inbox = ctx.services.inbox
    if args.counts:
        rows = [c.to_dict() for c in inbox.counts()]
        if args.json:
            print_json(rows)
        else:
            for r in rows:
                print(f"{r['position']:<50} {r['open']:>6} terbuka {r['overdue']:>6} terlambat")
        return 0
    flt = _filter(args)
    unread = None
    shape: dict[str, Any] = {"sop": args.sop or None, "search": args.search or "", "sort": args.sort,
             "descending": args.desc, "more": flt}
    if args.position:
        query = InboxQuery([ctx.services.positions.get(args.position).id], **shape)
    elif args.user:
        user = ctx.services.users.get(args.user)
        query = inbox.scope_query(user, SCOPE_MINE, **shape)
        unread = inbox.unread_count(user)
    else:
        raise ValidationError("Pilih --position JABATAN, --user PENGGUNA atau --counts")
    if (args.limit is not None and args.limit < 0) or args.offset < 0:
        raise ValidationError("--limit dan --offset tidak boleh negatif")
    # the window's engine: the same query, count and page as its inbox table
    snap = inbox.snapshot(query)
    rows = [i.to_dict() for i in inbox.page_of(snap.query, args.offset, args.limit)]
    if args.json:
        print_json(rows)
        return 0
    for r in rows:
        print(_line(r))
    print(f"({snap.total} kasus" + (f", {unread} baru" if unread is not None else "") + ")")
    return 0


def _line(r: dict) -> str:
    """One inbox row as a line: new mark, number, SOP, step, due, late, sifat, holder, order."""
    new = "BARU " if r["unread"] else ""
    late = f" TERLAMBAT {r['days_overdue']} hari" if r["overdue"] else ""
    sifat = f" [{sifat_label(SIFAT.index(r['sifat']))}]" if r["sifat"] != "biasa" else ""
    held = f" diambil: {r['holder_name']}" if r["holder"] else ""
    told = ""
    if r["disposisi"]:
        d = r["disposisi"]
        told = f" disposisi {d['from_name']}: {d['instruksi_text'] or 'ditugaskan'}" + (
            f" ({d['catatan']})" if d["catatan"] else "")
    return (f"{new}{r['number']:<28} {r['sop']:<24} langkah {r['step']:<3} "
            f"tenggat {r['due'] or '-'}{late}{sifat}{held}{told}")
