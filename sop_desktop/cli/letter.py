"""`sop-desktop letter ...`: letter templates, issuing a letter for a case, the outgoing register.

One group with positional words (a case number never collides with the words below):
  letter templates [--json]                       templates and the SOPs each serves
  letter NUMBER TEMPLATE --as USER -o FILE.pdf     issue a letter; prints its number alone
         [--signer USERNAME] [--plt|--plh] [--field key=value ...] [--tanggal YYYY-MM-DD]
         [--kertas A4|F4] [--lagi] [--tahun-lain]
  letter register [--period 2026-11] [-o FILE.xlsx|FILE.pdf] [--json]   agenda surat keluar
  letter office [--set key=value ...] [--json]     the office profile (kop surat)
  letter numbering [--kode-kantor W.6] [--pola P] [--per-klasifikasi ya|tidak]
                   [--template ID [--klasifikasi K] [--pola P]]
(changing the office profile or the numbering needs --as an administrator)
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import TYPE_CHECKING, Any

from sop_desktop.cli import Context, Subparsers, add_option, print_json
from sop_desktop.cli.export import warn_if_profile_unset
from sop_desktop.cli.user import acting_user
from sop_desktop.errors import PermissionDenied, ValidationError
from sop_desktop.services import office
from sop_desktop.services.users import log_refusal
from sop_desktop.storage import db as dbm

if TYPE_CHECKING:  # the letters machinery is imported where used: it pulls in reportlab
    from sop_desktop.letters.service import IssuedLetter, LetterService

SUBWORDS = ("templates", "register", "office", "numbering")


def register(sub: Subparsers) -> None:
    p = sub.add_parser(
        "letter", help="surat: templat, terbitkan surat untuk kasus, agenda surat keluar",
        description="letter templates | letter NOMOR_KASUS TEMPLAT --as PENGGUNA -o BERKAS.pdf | "
                    "letter register | letter office | letter numbering")
    p.add_argument("words", nargs="*", metavar="NOMOR_KASUS TEMPLAT",
                   help="'templates', 'register', 'office', 'numbering', atau nomor kasus dan id templat")
    p.add_argument("--as", dest="as_user", metavar="PENGGUNA",
                   help="pengguna yang bertindak (kata sandi dari SOP_DESKTOP_PASSWORD)")
    p.add_argument("-o", "--output", metavar="BERKAS", help="berkas PDF (surat) atau .xlsx (register)")
    p.add_argument("--signer", metavar="PENGGUNA", help="penanda tangan (nama pengguna)")
    acting = p.add_mutually_exclusive_group()
    acting.add_argument("--plt", action="store_const", const="plt", dest="acting",
                        help="penanda tangan sebagai Pelaksana Tugas (Plt.)")
    acting.add_argument("--plh", action="store_const", const="plh", dest="acting",
                        help="penanda tangan sebagai Pelaksana Harian (Plh.)")
    p.add_argument("--field", action="append", default=[], metavar="KUNCI=NILAI",
                   help="isian surat (boleh diulang)")
    add_option(p, "--date", earlier="--tanggal", dest="tanggal", metavar="YYYY-MM-DD",
               help="tanggal surat (bawaan: hari ini)")
    add_option(p, "--paper", earlier="--kertas", dest="kertas", choices=["A4", "F4"], default=None,
               help="ukuran kertas surat (bawaan: kertas templat)")
    add_option(p, "--again", earlier="--lagi", dest="lagi", action="store_true",
               help="terbitkan lagi templat yang sudah pernah terbit untuk kasus ini")
    add_option(p, "--other-year", earlier="--tahun-lain", dest="tahun_lain", action="store_true",
               help="tanggal surat di luar tahun berjalan memang dikehendaki")
    p.add_argument("--json", action="store_true")
    p.add_argument("--period", metavar="PERIODE", help="register: 2026, 2026-11, 2026-Q3 ...")
    p.add_argument("--set", action="append", default=[], metavar="KUNCI=NILAI",
                   help="office: ubah isian profil kantor")
    add_option(p, "--office-code", earlier="--kode-kantor", dest="kode_kantor",
               help="numbering: kode kantor, mis. W.6")
    add_option(p, "--pattern", earlier="--pola", dest="pola",
               help="numbering: pola nomor, mis. {kode_kantor}-{klasifikasi}-{nomor}")
    p.add_argument("--template", dest="template_id", help="numbering: id templat yang diatur")
    add_option(p, "--classification", earlier="--klasifikasi", dest="klasifikasi",
               help="numbering: kode klasifikasi templat, mis. HM.02.01")
    add_option(p, "--per-classification", earlier="--per-klasifikasi", dest="per_klasifikasi",
               choices=["ya", "tidak"],
               help="numbering: nomor urut sendiri per kode klasifikasi (bawaan tidak: satu "
                    "nomor urut per unit per tahun, Tata Naskah Dinas)")
    p.set_defaults(func=run)


def _pairs(items: list[str], what: str) -> dict[str, str]:
    out = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise ValidationError(f"{what} '{item}' harus berbentuk KUNCI=NILAI")
        # "\n" typed on a command line means a line break (tembusan, multi-line fields)
        out[key.strip()] = value.replace("\\n", "\n")
    return out


def run(args: argparse.Namespace, ctx: Context) -> int:
    words = list(args.words)
    if not words:
        raise ValidationError("Sebutkan 'templates', 'register', 'office', 'numbering', atau "
                              "NOMOR_KASUS TEMPLAT (lihat sop-desktop letter --help)")
    if words[0] in SUBWORDS and len(words) == 1:
        return {"templates": cmd_templates, "register": cmd_register, "office": cmd_office,
                "numbering": cmd_numbering}[words[0]](args, ctx)
    if len(words) != 2:
        raise ValidationError("Untuk menerbitkan surat: sop-desktop letter NOMOR_KASUS TEMPLAT "
                              "--as PENGGUNA -o BERKAS.pdf")
    return cmd_issue(args, ctx, words[0], words[1])


def _require_admin(args: argparse.Namespace, ctx: Context, what: str) -> None:
    """Office settings are changed by an administrator only (signed in with --as)."""
    actor = acting_user(args, ctx.services)
    if actor.role != "administrator":
        log_refusal(actor, what, "bukan administrator")
        raise PermissionDenied(f"Hanya administrator yang dapat mengubah {what}")


def _letters(ctx: Context) -> LetterService:
    """The letter service of the command's services."""
    return ctx.services.letters  # the one LetterService of Services


def cmd_templates(args: argparse.Namespace, ctx: Context) -> int:
    items = _letters(ctx).listing()
    if args.json:
        print_json([{"id": t["id"], "name": t["name"], "sops": t["sop_codes"], "kind": t["kind"],
                     "paper": t["paper"], "numbered": t["numbered"], "bundled": t["bundled"],
                     "file": t["file"], "fields": t["fields"]} for t in items])
        return 0
    for t in items:
        codes = t["sop_codes"]
        sops = (", ".join(str(c) for c in codes) if isinstance(codes, list) else "") or "-"
        print(f"{t['id']:<30} {t['name']}\n{'':<30} SOP: {sops}")
    return 0


def cmd_issue(args: argparse.Namespace, ctx: Context, case_number: str, template_id: str) -> int:
    if not args.output:
        raise ValidationError("Sebutkan berkas PDF keluaran dengan -o BERKAS.pdf")
    when = None
    if args.tanggal:
        try:
            when = dt.date.fromisoformat(args.tanggal)
        except ValueError:
            raise ValidationError(f"Tanggal '{args.tanggal}' tidak valid (contoh 2026-11-21)") from None
    services = ctx.services
    actor = acting_user(args, services)
    warn_if_profile_unset(office.load())
    issued = _issue_confirmed(_letters(ctx), args, case_number, template_id, actor, when)
    if args.json:
        print_json({"number": issued.number, "template": issued.template_id,
                    "file": str(issued.path), "sha256": issued.sha256})
    else:
        sys.stdout.write(f"{issued.number}\n")
    return 0


def _issue_confirmed(letters: LetterService, args: argparse.Namespace, case_number: str,
                     template_id: str, actor: dbm.User, when: dt.date | None) -> IssuedLetter:
    """Issue, saying yes to what the flags confirm; a missing NIP is only warned about."""
    from sop_desktop.letters.service import (  # deferred: reportlab, for start-up
        CLI_FLAGS,
        CONFIRM_AGAIN,
        CONFIRM_NO_NIP,
        CONFIRM_OTHER_YEAR,
        NeedsConfirmation,
    )

    confirm = {CONFIRM_NO_NIP}
    if args.lagi:
        confirm.add(CONFIRM_AGAIN)
    if args.tahun_lain:
        confirm.add(CONFIRM_OTHER_YEAR)
    common: dict[str, Any] = dict(signer=args.signer, acting=args.acting, when=when,
                                  fields=_pairs(args.field, "--field"), paper=args.kertas)
    try:
        questions = letters.questions(case_number, template_id, actor, **common)
        issued = letters.issue(case_number, template_id, actor, out=args.output, confirm=confirm,
                               **common)
    except NeedsConfirmation as exc:
        raise ValidationError(" ".join(
            f"{q.text} Tambahkan {CLI_FLAGS[q.key]} untuk tetap menerbitkan."
            for q in exc.questions)) from None
    for q in questions:
        if q.key == CONFIRM_NO_NIP:
            sys.stderr.write(f"Peringatan: {q.text}\n")
    return issued


def cmd_register(args: argparse.Namespace, ctx: Context) -> int:
    # deferred for start-up: the register writers (reportlab, the xlsx writer) and the periods
    from sop_desktop.letters.register import rows_outgoing
    from sop_desktop.ops.report_dispatch import KIND_AGENDA, ReportRequest, write_report
    from sop_desktop.reports.periods import parse_period

    services = ctx.services  # open the database
    period = parse_period(args.period) if args.period else None
    if args.output:  # the window's Laporan dialog writes the agenda through the same dispatcher
        write_report(services, ReportRequest(KIND_AGENDA, period), args.output)
        sys.stderr.write(f"Agenda surat keluar ditulis ke {args.output}\n")
        return 0
    rows = rows_outgoing(period)
    if args.json:
        print_json(rows)
        return 0
    for r in rows:
        print(f"{r['no']:>4}. {r['number']:<28} {r['issued_at']:%d/%m/%Y}  {r['subject']}")
    return 0


def cmd_office(args: argparse.Namespace, ctx: Context) -> int:
    ctx.services  # noqa: B018
    profile = office.load()
    if args.set:
        profile = profile.with_changes(_pairs(args.set, "--set"))
        _require_admin(args, ctx, "profil kantor")
        office.save(profile)
    if args.json:
        print_json(profile.to_dict())
        return 0
    for key, label in office.LABELS.items():
        print(f"{label:<38} {getattr(profile, key) or '-'}")
    return 0


def cmd_numbering(args: argparse.Namespace, ctx: Context) -> int:
    from sop_desktop.letters import numbering  # deferred: the letters package, for start-up

    ctx.services  # noqa: B018
    config = numbering.load_config()
    changed = False
    if args.kode_kantor is not None:
        config.kode_kantor, changed = args.kode_kantor.strip(), True
    if args.template_id:
        _letters(ctx).template(args.template_id)  # must exist
        own = config.templates.setdefault(args.template_id, {})
        if args.klasifikasi is not None:
            own["klasifikasi"], changed = args.klasifikasi.strip(), True
        if args.pola is not None:
            own["pola"], changed = args.pola.strip(), True
    elif args.pola is not None:
        config.pola, changed = args.pola.strip(), True
    elif args.klasifikasi is not None:
        raise ValidationError("--klasifikasi berlaku untuk satu templat: tambahkan --template ID")
    if args.per_klasifikasi is not None:
        config.per_klasifikasi, changed = args.per_klasifikasi == "ya", True
    if changed:
        _require_admin(args, ctx, "penomoran surat")
        numbering.save_config(config)
    if args.json:
        print_json(config.to_dict())
        return 0
    print(f"Kode kantor : {config.kode_kantor or '-'}")
    print(f"Pola nomor  : {config.pola}")
    print("Nomor urut  : " + ("per kode klasifikasi per tahun" if config.per_klasifikasi
                              else "per unit per tahun, lintas kode klasifikasi"))
    for tid, own in sorted(config.templates.items()):
        print(f"  {tid}: " + ", ".join(f"{k}={v}" for k, v in own.items()))
    return 0
