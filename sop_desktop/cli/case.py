"""`sop-desktop case ...`: open cases and move them through their SOP's steps."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from typing import Any

from sop_desktop.cli import Context, Subparsers, print_json
from sop_desktop.cli.user import acting_user, add_as_argument
from sop_desktop.domain.sifat import sifat_code, sifat_label
from sop_desktop.errors import ValidationError
from sop_desktop.services.case_fields import iso, parse_at
from sop_desktop.services.case_states import STATUS_LABELS, CaseChange
from sop_desktop.services.container import Services
from sop_desktop.storage import db as dbm

# a command: run(args, ctx) -> exit status
Command = Callable[[argparse.Namespace, Context], int]
# one option of a command: (flags, add_argument keywords)
Option = tuple[tuple[str, ...], dict[str, Any]]


def register(sub: Subparsers) -> None:
    group = sub.add_parser("case", help="kasus: buka, lanjutkan, kembalikan, hentikan, lihat")
    cmds = group.add_subparsers(dest="case_command", metavar="PERINTAH", required=True)

    def action(name: str, help_text: str, func: Command, *, behalf: bool = True,
               **extra: Any) -> None:
        """A case command that acts as a user: NUMBER (or CODE), --at, --as and its own options."""
        p = cmds.add_parser(name, help=help_text)
        p.add_argument(*extra.pop("positional", ("number",)))
        for flags, kwargs in extra.pop("options", ()):
            p.add_argument(*flags, **kwargs)
        if behalf:
            p.add_argument("--on-behalf-of", default=None, metavar="PENGGUNA")
        p.add_argument("--at", default=None, metavar="WAKTU_ISO",
                       help="waktu sebenarnya (bawaan: sekarang)")
        add_as_argument(p)
        p.set_defaults(func=func)

    note: Option = (("--note",), {"default": ""})
    reason: Option = (("--reason",), {"required": True})
    # the step the command is meant for: refused when the case has moved on meanwhile
    step: Option = (("--step",), {"type": int, "default": None, "metavar": "N",
                          "help": "langkah yang dimaksud; ditolak bila kasus sudah berpindah"})
    action("new", "buka kasus baru; mencetak nomor agendanya", cmd_new, behalf=False,
           positional=("code",),
           options=[(("--field",), {"action": "append", "default": [], "metavar": "KUNCI=NILAI"}),
                    note, (("--sifat",), {"default": None, "metavar": "SIFAT",
                                          "help": "biasa (bawaan), segera, sangat-segera, rahasia"})])
    action("advance", "selesaikan langkah saat ini (atau jawab keputusan)", cmd_advance,
           options=[(("--decision",), {"choices": ("ya", "tidak"), "default": None}), note,
                    (("--attach",), {"action": "append", "default": [], "metavar": "BERKAS"}),
                    step])
    action("return", "kembalikan kasus ke langkah sebelumnya", cmd_return,
           options=[(("--to",), {"required": True, "type": int, "metavar": "LANGKAH"}), reason,
                    step])
    action("stop", "hentikan kasus", cmd_stop, options=[reason, step])
    action("reopen", "buka kembali kasus yang dihentikan (administrator)", cmd_reopen,
           behalf=False, options=[reason])
    _register_holding(cmds, step)

    p = cmds.add_parser("show", help="rincian dan riwayat satu kasus")
    p.add_argument("number")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_show)

    p = cmds.add_parser("list", help="daftar kasus")
    p.add_argument("--sop", default=None, metavar="KODE")
    p.add_argument("--status", default=None, choices=tuple(STATUS_LABELS))
    p.add_argument("--from", dest="date_from", default=None, metavar="TANGGAL")
    p.add_argument("--to", dest="date_to", default=None, metavar="TANGGAL")
    p.add_argument("--limit", type=int, default=None)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_list)


def _register_holding(cmds: Subparsers, step: Option) -> None:
    """take / release / assign / sifat: who works on a case and how urgent it is."""
    holding: tuple[tuple[str, str, Command, list[Option]], ...] = (
            ("take", "ambil kasus agar rekan sejabatan tidak mengerjakannya dua kali", cmd_take,
             [step]),
            ("release", "lepas kasus yang diambil (pemegangnya atau administrator)", cmd_release,
             []),
            ("assign", "tugaskan kasus kepada satu orang (disposisi tanpa instruksi)", cmd_assign,
             [(("--to",), {"required": True, "metavar": "PENGGUNA"}), step]),
            ("sifat", "ubah sifat kasus: biasa, segera, sangat-segera, rahasia", cmd_sifat,
             [(("sifat",), {"metavar": "SIFAT"})]))
    for name, help_text, func, options in holding:
        p = cmds.add_parser(name, help=help_text)
        p.add_argument("number", metavar="NOMOR")
        for flags, kwargs in options:
            p.add_argument(*flags, **kwargs)
        add_as_argument(p)
        p.set_defaults(func=func)


def parse_fields(items: list[str]) -> dict[str, str]:
    """--field KEY=VALUE items as a dict."""
    out = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise ValidationError(f"--field '{item}' harus berbentuk kunci=nilai")
        out[key.strip()] = value
    return out


def parse_date(text: str | None, option: str) -> dt.date | None:
    """The day an option names (TTTT-BB-HH), None when not given."""
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(f"{option} '{text}' bukan tanggal (tulis TTTT-BB-HH)") from None


def _behalf(args: argparse.Namespace, services: Services) -> dbm.User | None:
    """The official named by --on-behalf-of, if any."""
    name = getattr(args, "on_behalf_of", None)
    return services.users.get(name) if name else None


def cmd_new(args: argparse.Namespace, ctx: Context) -> int:
    services = ctx.services
    user = acting_user(args, services)
    change = services.cases.open_case(args.code, user, parse_fields(args.field),
                                      at=parse_at(args.at), note=args.note, sifat=args.sifat)
    print(change.numbers[0])
    return 0


def _report(services: Services, change: CaseChange) -> None:
    """One line on stderr: where the case is now and its due time."""
    case = services.cases.get(change.case_ids[0])
    if case.status == "berjalan":
        where = f"langkah {case.current_step}" + (
            f" ({case.current_position.name})" if case.current_position is not None else "")
        sys.stderr.write(f"{case.number}: sekarang pada {where}, tenggat {iso(case.current_due) or '-'}\n")
    else:
        sys.stderr.write(f"{case.number}: {STATUS_LABELS.get(case.status, case.status).lower()}\n")


def cmd_advance(args: argparse.Namespace, ctx: Context) -> int:
    services = ctx.services
    user = acting_user(args, services)
    change = services.cases.advance(args.number, user, note=args.note, attachments=args.attach,
                                    on_behalf_of=_behalf(args, services), at=parse_at(args.at),
                                    decision=args.decision, on_step=args.step)
    _report(services, change)
    return 0


def cmd_return(args: argparse.Namespace, ctx: Context) -> int:
    services = ctx.services
    user = acting_user(args, services)
    change = services.cases.return_to(args.number, user, args.to, args.reason,
                                      on_behalf_of=_behalf(args, services), at=parse_at(args.at),
                                      on_step=args.step)
    _report(services, change)
    return 0


def cmd_stop(args: argparse.Namespace, ctx: Context) -> int:
    services = ctx.services
    user = acting_user(args, services)
    change = services.cases.stop(args.number, user, args.reason,
                                 on_behalf_of=_behalf(args, services), at=parse_at(args.at),
                                 on_step=args.step)
    _report(services, change)
    return 0


def cmd_reopen(args: argparse.Namespace, ctx: Context) -> int:
    services = ctx.services
    user = acting_user(args, services)
    change = services.cases.reopen(args.number, user, args.reason, at=parse_at(args.at))
    _report(services, change)
    return 0


def _holding_report(services: Services, change: CaseChange) -> None:
    """One line on stderr: the case's step and who holds it."""
    case = services.cases.get(change.case_ids[0])
    who = f"diambil oleh {case.holder.name} ({case.holder.username})" if case.holder is not None else \
        "tidak diambil siapa pun"
    sys.stderr.write(f"{case.number}: langkah {case.current_step}, {who}\n")


def cmd_take(args: argparse.Namespace, ctx: Context) -> int:
    services = ctx.services
    change = services.disposisi.take(args.number, acting_user(args, services), on_step=args.step)
    _holding_report(services, change)
    return 0


def cmd_release(args: argparse.Namespace, ctx: Context) -> int:
    services = ctx.services
    change = services.disposisi.release(args.number, acting_user(args, services))
    _holding_report(services, change)
    return 0


def cmd_assign(args: argparse.Namespace, ctx: Context) -> int:
    services = ctx.services
    change = services.disposisi.assign(args.number, acting_user(args, services), args.to,
                                       on_step=args.step)
    _holding_report(services, change)
    return 0


def cmd_sifat(args: argparse.Namespace, ctx: Context) -> int:
    services = ctx.services
    change = services.disposisi.set_sifat(args.number, acting_user(args, services), args.sifat)
    case = services.cases.get(change.case_ids[0])
    sys.stderr.write(f"{case.number}: sifat {services.cases.describe(case, with_history=False)['sifat']}\n")
    return 0


def cmd_show(args: argparse.Namespace, ctx: Context) -> int:
    data = ctx.services.cases.describe(args.number)
    data["disposisi"] = ctx.services.disposisi.all(args.number)
    if args.json:
        print_json(data)
        return 0
    print(f"{data['number']}  [{data['sop']} v{data['sop_version']}] {data['sop_name']}")
    print(f"Status: {STATUS_LABELS.get(data['status'], data['status'])}; sifat: "
          f"{sifat_label(sifat_code(data['sifat']))}")
    if data["holder"]:
        print(f"Diambil oleh: {data['holder_name']} ({data['holder']}) sejak {data['held_at']}")
    for d in data["disposisi"]:
        if d["step"] == data["current_step"] and data["status"] == "berjalan":
            harap = f"; harap: {d['instruksi_text']}" if d["instruksi"] else ""
            note = f"; catatan: {d['catatan']}" if d["catatan"] else ""
            print(f"Disposisi {d['from_name']} → {d['to_name']}{harap}{note}")
    if data["current_step"] is not None:
        late = " (TERLAMBAT)" if data["overdue"] else ""
        print(f"Langkah {data['current_step']}: {data['step']} — {data['position'] or data['lane']}")
        print(f"Tenggat: {data['due'] or '-'}{late}; perkiraan selesai: {data['expected_finish'] or '-'}")
    for key, value in data["fields"].items():
        print(f"  {key}: {value}")
    print("Riwayat:")
    for e in data["history"]:
        who = e["user"] + (f" a.n. {e['on_behalf_of']}" if e["on_behalf_of"] else "")
        steps = f"{e['from_step'] if e['from_step'] is not None else '-'}→" \
                f"{e['to_step'] if e['to_step'] is not None else '-'}"
        note = f": {e['note']}" if e["note"] else ""
        print(f"  {e['at']}  {e['label']:<20} {steps:<8} {who}{note}")
    return 0


def cmd_list(args: argparse.Namespace, ctx: Context) -> int:
    cases = ctx.services.cases
    rows = cases.list(sop=args.sop, status=args.status,
                      date_from=parse_date(args.date_from, "--from"),
                      date_to=parse_date(args.date_to, "--to"), limit=args.limit)
    now = cases.clock()
    data = [{"number": c.number, "sop": c.sop_code, "status": c.status,
             "current_step": c.current_step, "lane": c.current_lane,
             "position": c.current_position.name if c.current_position is not None else None,
             "due": iso(c.current_due), "overdue": cases.is_overdue(c, now),
             "created_at": iso(c.created_at), "fields": dict(c.fields or {})} for c in rows]
    if args.json:
        print_json(data)
        return 0
    for d in data:
        late = " TERLAMBAT" if d["overdue"] else ""
        print(f"{d['number']:<28} {d['status']:<11} langkah {d['current_step'] or '-':<3} "
              f"{d['position'] or '-'}{late}")
    return 0
