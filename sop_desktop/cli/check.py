"""`sop-desktop check`: integrity, foreign keys, attachment files and the history chain."""

from __future__ import annotations

from sop_desktop import backup as bk
from sop_desktop.cli import print_json
from sop_desktop.cli.backup import _sqlite_file


def register(sub) -> None:
    p = sub.add_parser("check", help="periksa keutuhan basis data, lampiran dan riwayat")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_check)


def cmd_check(args, ctx) -> int:
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
    from sop_desktop.integrity import run_checks

    findings = run_checks(ctx.services)
    ok = all(f.ok for f in findings)
    if args.json:
        from sop_desktop.integrity import latest_chain_hash

        history = next((f for f in findings if f.check == "history"), None)
        print_json({"ok": ok, "checks": [f.to_dict() for f in findings],
                    # the first event where the hash chain breaks (null: intact)
                    "first_broken": history.first_broken if history else None,
                    "latest_chain_hash": latest_chain_hash()})
        return 0 if ok else 1
    for f in findings:
        mark = "-" if f.skipped else ("OK" if f.ok else "MASALAH")
        print(f"{mark:<8} {f.message}")
        for problem in f.problems:
            print(f"         - {problem}")
    from sop_desktop.integrity import latest_chain_hash

    print(f"Hash rantai riwayat terakhir: {latest_chain_hash() or '-'}")
    print("Semua pemeriksaan lulus." if ok else "Ada masalah: lihat di atas.")
    return 0 if ok else 1
