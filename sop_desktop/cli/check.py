"""`sop-desktop check`: integrity, foreign keys, attachment files, the history chain, the global
chain and its anchor (the newest in the anchor log, or `--anchor HASH|FILE`)."""

from __future__ import annotations

import argparse

from sop_desktop.cli import Context, Subparsers, print_json
from sop_desktop.cli.backup import _sqlite_file
from sop_desktop.storage import backup as bk
from sop_desktop.storage.anchors import Anchor, current_anchor, parse_anchor, set_anchor_log
from sop_desktop.storage.integrity import latest_chain_hash, run_checks


def register(sub: Subparsers) -> None:
    p = sub.add_parser("check", help="periksa keutuhan basis data, lampiran dan riwayat")
    p.add_argument("--json", action="store_true")
    p.add_argument("--anchor", metavar="HASH|FILE",
                   help="periksa riwayat terhadap jangkar ini (NOMOR-HASH atau HASH seperti "
                        "tercetak di laporan, atau berkas: log jangkar, cadangan, laporan "
                        ".xlsx/.pdf); bawaan: jangkar terbaru di log jangkar")
    p.add_argument("--set-anchor-log", metavar="PATH",
                   help="simpan salinan log jangkar juga di PATH (mis. disk USB; '-' untuk "
                        "tidak ada), lalu keluar")
    p.set_defaults(func=cmd_check)


def _anchor_choice(args: argparse.Namespace, ctx: Context) -> Anchor | str:
    """The anchor to check against: --anchor, else the newest in the anchor log."""
    if not getattr(args, "anchor", None):
        return "newest"
    return parse_anchor(args.anchor, ctx.services.db)


def _set_anchor_log(args: argparse.Namespace) -> int:
    """Keep a copy of the anchor log also at the given path ('-': none)."""
    target = set_anchor_log(args.set_anchor_log)
    print(f"Log jangkar tambahan: {target}" if target else "Log jangkar tambahan: tidak ada")
    return 0


def cmd_check(args: argparse.Namespace, ctx: Context) -> int:
    if getattr(args, "set_anchor_log", None):
        return _set_anchor_log(args)
    path = _sqlite_file(args)
    if path is not None:
        # quick_check on the file itself before anything (migrations) writes to it
        first = bk.startup_check(path)
        if not first.ok:
            if args.json:
                print_json({"ok": False, "startup": first.to_dict(), "checks": []})
            else:
                print(f"MASALAH  {first.message}")
            return 1
    findings = run_checks(ctx.services, anchor=_anchor_choice(args, ctx))
    ok = all(f.ok for f in findings)
    ctx.anchor_on_close = ok  # never anchor a state the check found wrong
    now = current_anchor(ctx.services.db)
    if args.json:
        history = next((f for f in findings if f.check == "history"), None)
        print_json({"ok": ok, "checks": [f.to_dict() for f in findings],
                    # the first event where the hash chain breaks (null: intact)
                    "first_broken": history.first_broken if history else None,
                    "latest_chain_hash": latest_chain_hash(),
                    # the global chain's head now, as reports print it (NUMBER-HASH)
                    "anchor": now.text if now else None})
        return 0 if ok else 1
    for f in findings:
        mark = "-" if f.skipped else ("OK" if f.ok else "MASALAH")
        print(f"{mark:<8} {f.message}")
        for problem in f.problems:
            print(f"         - {problem}")
    print(f"Jangkar riwayat sekarang: {now.text if now else '-'}")
    print("Semua pemeriksaan lulus." if ok else "Ada masalah: lihat di atas.")
    return 0 if ok else 1
