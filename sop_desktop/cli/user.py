"""`sop-desktop user ...`: users, their roles and positions; `--as` sign-in for other commands."""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from sop_desktop.cli import Context, Subparsers, print_json
from sop_desktop.errors import PermissionDenied, ValidationError
from sop_desktop.services.container import Services
from sop_desktop.services.users import ROLES, log_admin_action, require_admin
from sop_desktop.storage import db as dbm

PASSWORD_ENV = "SOP_DESKTOP_PASSWORD"


def register(sub: Subparsers) -> None:
    group = sub.add_parser("user", help="pengguna, peran dan jabatannya")
    cmds = group.add_subparsers(dest="user_command", metavar="PERINTAH", required=True)

    p = cmds.add_parser("add", help="tambah pengguna (kata sandi dibaca dari masukan standar)")
    p.add_argument("username")
    p.add_argument("--as", dest="as_user", default=None, metavar="ADMIN",
                   help="administrator yang menambah (wajib bila sudah ada administrator; "
                        f"kata sandinya dari {PASSWORD_ENV} atau prompt)")
    p.add_argument("--name", required=True, help="nama lengkap")
    p.add_argument("--role", required=True, choices=ROLES)
    p.add_argument("--nip", default="")
    p.add_argument("--title", dest="jabatan", default="")
    p.add_argument("--jabatan", dest="jabatan", default=argparse.SUPPRESS,
                   help=argparse.SUPPRESS)  # earlier spelling
    p.add_argument("--position", action="append", default=[], metavar="JABATAN",
                   help="jabatan yang dipegang (boleh diulang)")
    p.set_defaults(func=cmd_add)

    p = cmds.add_parser("list", help="daftar pengguna")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_list)

    p = cmds.add_parser("set-positions", help="ganti jabatan yang dipegang pengguna")
    p.add_argument("username")
    p.add_argument("--as", dest="as_user", default=None, metavar="ADMIN",
                   help="administrator yang mengubah (wajib bila sudah ada administrator)")
    p.add_argument("--position", action="append", default=[], metavar="JABATAN")
    p.set_defaults(func=cmd_set_positions)

    p = cmds.add_parser("passwd", help="ganti kata sandi sendiri (sandi lama dari "
                                       f"{PASSWORD_ENV} atau prompt, sandi baru dari masukan standar)")
    add_as_argument(p)
    p.set_defaults(func=cmd_passwd)

    p = cmds.add_parser("reset-password", help="administrator mengatur ulang kata sandi pengguna "
                                               "(sandi baru dari masukan standar)")
    p.add_argument("username")
    add_as_argument(p)
    p.set_defaults(func=cmd_reset_password)


def read_password_stdin() -> str:
    if sys.stdin is None:
        raise ValidationError("Kata sandi harus diberikan lewat masukan standar")
    line = sys.stdin.readline()
    password = line.rstrip("\r\n")
    if not password:
        raise ValidationError("Kata sandi kosong: berikan kata sandi lewat masukan standar")
    return password


def read_new_password() -> str:
    """A new password: asked twice (hidden) on a terminal, else one line of standard input."""
    if sys.stdin is not None and sys.stdin.isatty():
        first = getpass.getpass("Kata sandi baru: ")
        if getpass.getpass("Ulangi kata sandi baru: ") != first:
            raise ValidationError("Kedua kata sandi baru tidak sama")
        if not first:
            raise ValidationError("Kata sandi baru kosong")
        return first
    return read_password_stdin()


def acting_user(args: argparse.Namespace, services: Services) -> dbm.User:
    """The user named by --as, signed in with SOP_DESKTOP_PASSWORD or a password prompt."""
    username = getattr(args, "as_user", None)
    if not username:
        raise PermissionDenied("Sebutkan pengguna yang bertindak dengan --as NAMA_PENGGUNA")
    return services.users.authenticate(username, _acting_password(username))


def admin_actor(args: argparse.Namespace, services: Services, action: str) -> dbm.User | None:
    """The administrator named by --as (signed in), for an administrator-only command.

    Without --as: allowed only on a database with no administrator yet (a new one), then
    None. The check itself is the core's (sop_desktop.services.users.require_admin)."""
    actor = acting_user(args, services) if getattr(args, "as_user", None) else None
    require_admin(actor, action, first_run_ok=True)
    return actor


def _acting_password(username: str) -> str:
    """The acting user's password: SOP_DESKTOP_PASSWORD, else a prompt on a terminal."""
    password = os.environ.get(PASSWORD_ENV)
    if password is None:
        if not sys.stdin or not sys.stdin.isatty():
            raise PermissionDenied(f"Kata sandi untuk {username} tidak diberikan (isi variabel "
                                   f"{PASSWORD_ENV} atau jalankan di terminal)")
        password = getpass.getpass(f"Kata sandi {username}: ")
    return password


def add_as_argument(parser: argparse.ArgumentParser) -> None:
    """The required --as PENGGUNA of a command that acts as a user."""
    parser.add_argument("--as", dest="as_user", required=True, metavar="PENGGUNA",
                        help=f"pengguna yang bertindak (kata sandi dari {PASSWORD_ENV} atau prompt)")


def cmd_add(args: argparse.Namespace, ctx: Context) -> int:
    services = ctx.services
    # the acting administrator signs in first, so a refused add never reads the new password
    actor = acting_user(args, services) if args.as_user else None
    if actor is None:
        _require_admin_flag(services, "tambah pengguna", "menambah pengguna")
    password = read_password_stdin()
    user = services.users.create(args.username, args.name, password, args.role, nip=args.nip,
                                 jabatan=args.jabatan, positions=args.position, by=actor)
    sys.stderr.write(f"Pengguna {user.username} ditambahkan.\n")
    return 0


def _require_admin_flag(services: Services, action: str, doing: str) -> None:
    """Without --as: allowed only while no administrator exists (the refusal is logged)."""
    try:
        services.users.check_may_add(None, action, doing)
    except PermissionDenied:
        raise PermissionDenied(f"Sudah ada administrator: hanya administrator yang dapat {doing} "
                               "(tambahkan --as NAMA_ADMINISTRATOR)") from None


def cmd_list(args: argparse.Namespace, ctx: Context) -> int:
    users = ctx.services.users
    rows = [users.to_dict(u) for u in users.list()]
    if args.json:
        print_json(rows)
        return 0
    for r in rows:
        print(f"{r['username']:<20} {r['role']:<14} {r['name']}  [{', '.join(r['positions']) or '-'}]")
    return 0


def cmd_set_positions(args: argparse.Namespace, ctx: Context) -> int:
    users = ctx.services.users
    actor = acting_user(args, ctx.services) if args.as_user else None
    # the same rule as adding: administrators, once one exists
    if actor is None:
        _require_admin_flag(ctx.services, "ubah jabatan pengguna", "mengubah jabatan pengguna")
    users.check_may_add(actor, "ubah jabatan pengguna", "mengubah jabatan pengguna")
    names = users.set_positions(users.get(args.username), args.position)
    log_admin_action(actor, "kelola_pengguna",
                     f"jabatan {args.username}: {', '.join(names) or '-'}")
    print(", ".join(names))
    return 0


def cmd_passwd(args: argparse.Namespace, ctx: Context) -> int:
    """The acting user (signed in with the old password) sets a new one read from stdin."""
    services = ctx.services
    old = _acting_password(args.as_user)
    user = services.users.authenticate(args.as_user, old)  # one message for name or password
    new = read_new_password()
    services.users.change_password(user, old, new)
    sys.stderr.write(f"Kata sandi {user.username} diganti.\n")
    return 0


def cmd_reset_password(args: argparse.Namespace, ctx: Context) -> int:
    services = ctx.services
    admin = acting_user(args, services)
    target = services.users.get(args.username)
    if admin.role != "administrator":
        services.users.reset_password(admin, target, "")  # logs the refusal, raises
    new = read_new_password()
    services.users.reset_password(admin, target, new)
    sys.stderr.write(f"Kata sandi {target.username} diatur ulang.\n")
    return 0
