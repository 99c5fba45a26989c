"""`sop-desktop user ...`: users, their roles and positions; `--as` sign-in for other commands."""

from __future__ import annotations

import getpass
import os
import sys

from sop_desktop.cli import print_json
from sop_desktop.errors import PermissionDenied, ValidationError
from sop_desktop.users import ROLES

PASSWORD_ENV = "SOP_DESKTOP_PASSWORD"


def register(sub) -> None:
    group = sub.add_parser("user", help="pengguna, peran dan jabatannya")
    cmds = group.add_subparsers(dest="user_command", metavar="PERINTAH", required=True)

    p = cmds.add_parser("add", help="tambah pengguna (kata sandi dibaca dari masukan standar)")
    p.add_argument("username")
    p.add_argument("--name", required=True, help="nama lengkap")
    p.add_argument("--role", required=True, choices=ROLES)
    p.add_argument("--nip", default="")
    p.add_argument("--jabatan", default="")
    p.add_argument("--position", action="append", default=[], metavar="JABATAN",
                   help="jabatan yang dipegang (boleh diulang)")
    p.set_defaults(func=cmd_add)

    p = cmds.add_parser("list", help="daftar pengguna")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_list)

    p = cmds.add_parser("set-positions", help="ganti jabatan yang dipegang pengguna")
    p.add_argument("username")
    p.add_argument("--position", action="append", default=[], metavar="JABATAN")
    p.set_defaults(func=cmd_set_positions)


def read_password_stdin() -> str:
    if sys.stdin is None:
        raise ValidationError("Kata sandi harus diberikan lewat masukan standar")
    line = sys.stdin.readline()
    password = line.rstrip("\r\n")
    if not password:
        raise ValidationError("Kata sandi kosong: berikan kata sandi lewat masukan standar")
    return password


def acting_user(args, services):
    """The user named by --as, signed in with SOP_DESKTOP_PASSWORD or a password prompt."""
    username = getattr(args, "as_user", None)
    if not username:
        raise PermissionDenied("Sebutkan pengguna yang bertindak dengan --as NAMA_PENGGUNA")
    password = os.environ.get(PASSWORD_ENV)
    if password is None:
        if not sys.stdin or not sys.stdin.isatty():
            raise PermissionDenied(f"Kata sandi untuk {username} tidak diberikan (isi variabel "
                                   f"{PASSWORD_ENV} atau jalankan di terminal)")
        password = getpass.getpass(f"Kata sandi {username}: ")
    return services.users.authenticate(username, password)


def add_as_argument(parser) -> None:
    parser.add_argument("--as", dest="as_user", required=True, metavar="PENGGUNA",
                        help=f"pengguna yang bertindak (kata sandi dari {PASSWORD_ENV} atau prompt)")


def cmd_add(args, ctx) -> int:
    password = read_password_stdin()
    services = ctx.services
    user = services.users.create(args.username, args.name, password, args.role, nip=args.nip,
                                 jabatan=args.jabatan, positions=args.position)
    sys.stderr.write(f"Pengguna {user.username} ditambahkan.\n")
    return 0


def cmd_list(args, ctx) -> int:
    users = ctx.services.users
    rows = [users.to_dict(u) for u in users.list()]
    if args.json:
        print_json(rows)
        return 0
    for r in rows:
        print(f"{r['username']:<20} {r['role']:<14} {r['name']}  [{', '.join(r['positions']) or '-'}]")
    return 0


def cmd_set_positions(args, ctx) -> int:
    users = ctx.services.users
    names = users.set_positions(users.get(args.username), args.position)
    print(", ".join(names))
    return 0
