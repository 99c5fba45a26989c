"""`sop-desktop sop ...`: list, show, import and validate SOPs."""

from __future__ import annotations

import argparse
from typing import Any

from sop_desktop.cli import Context, Subparsers, print_json, sop_export
from sop_desktop.cli.user import admin_actor
from sop_desktop.domain.model import SopDefinition
from sop_desktop.domain.validate import problems
from sop_desktop.errors import NotFound, ValidationError
from sop_desktop.importers import read_sop_file
from sop_desktop.services.import_plan import plan_import, save_plan
from sop_desktop.services.users import log_admin_action


def register(sub: Subparsers) -> None:
    group = sub.add_parser("sop", help="pustaka SOP")
    cmds = group.add_subparsers(dest="sop_command", metavar="PERINTAH", required=True)

    p = cmds.add_parser("list", help="daftar SOP")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_list)

    p = cmds.add_parser("show", help="definisi lengkap satu SOP")
    p.add_argument("code")
    p.add_argument("--version", type=int, default=None, dest="sop_version")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_show)

    p = cmds.add_parser("import", help="impor SOP dari berkas teks, .xlsx atau .toml")
    p.add_argument("file")
    p.add_argument("--dry-run", action="store_true", help="baca dan tampilkan saja, tanpa menyimpan")
    p.add_argument("--code", default=None,
                   help="simpan sebagai versi baru SOP berkode ini (berkas berisi satu SOP)")
    p.add_argument("--new", action="store_true", dest="as_new",
                   help="simpan sebagai SOP baru walaupun mirip SOP yang ada")
    p.add_argument("--as", dest="as_user", default=None, metavar="ADMIN",
                   help="administrator yang mengimpor (wajib bila sudah ada administrator, "
                        "kecuali --dry-run; kata sandinya dari SOP_DESKTOP_PASSWORD atau prompt)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_import)

    p = cmds.add_parser("versions", help="daftar versi satu SOP")
    p.add_argument("code")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_versions)

    p = cmds.add_parser("validate", help="periksa berkas SOP tanpa menyimpan")
    p.add_argument("file")
    p.set_defaults(func=cmd_validate)

    sop_export.register(cmds)  # the flowchart exports (export-pdf, export-image)


def summary(defn: SopDefinition) -> dict[str, Any]:
    """One SOP as a line of `sop list --json`."""
    return {"code": defn.code, "name": defn.name, "nomor": defn.nomor, "version": defn.version,
            "lanes": defn.lane_names, "step_count": len(defn.steps), "incomplete": defn.incomplete,
            "warnings": list(defn.warnings)}


def cmd_list(args: argparse.Namespace, ctx: Context) -> int:
    sops = ctx.services.sops.latest_all()
    if args.json:
        print_json([summary(d) for d in sops])
        return 0
    for d in sops:
        mark = " (tidak lengkap)" if d.incomplete else ""
        print(f"{d.code:<32} v{d.version}  {len(d.steps):>2} langkah  {d.name}{mark}")
    return 0


def cmd_show(args: argparse.Namespace, ctx: Context) -> int:
    defn = ctx.services.sops.get(args.code, args.sop_version)
    if args.json:
        print_json(defn.to_dict())
        return 0
    print(f"{defn.code} versi {defn.version}: {defn.name}")
    print(f"Nomor: {defn.nomor or '-'}")
    print("Pelaksana: " + ", ".join(defn.lane_names))
    for s in defn.steps:
        waktu = s.waktu.text if s.waktu else "-"
        branch = f" [Ya→{s.yes}, Tidak→{s.no}]" if s.kind == "decision" else ""
        print(f"{s.number:>3}. [{s.lane or '?'}] {s.kegiatan} ({waktu}){branch}")
    return 0


def read_file(path: str) -> tuple[list[SopDefinition], list[str]]:
    """Import a text, .xlsx, PDF or .toml SOP file -> (definitions, warnings)."""
    result = read_sop_file(path)
    return result.sops, result.warnings


def cmd_import(args: argparse.Namespace, ctx: Context) -> int:
    actor = None
    if not args.dry_run:  # storing SOPs is an administrator's action (checked in the core)
        actor = admin_actor(args, ctx.services, "impor_sop")
    sops, warnings = read_file(args.file)
    if args.code and args.as_new:
        raise ValidationError("--code dan --new tidak dapat dipakai bersamaan")
    if args.code and len(sops) != 1:
        raise ValidationError(f"{args.file} berisi {len(sops)} SOP; --code hanya untuk berkas "
                              "berisi satu SOP")
    if args.code and args.code not in ctx.services.sops.codes():
        raise NotFound(f"SOP '{args.code}' tidak ditemukan (lihat: sop-desktop sop list)")
    stored = []
    if not args.dry_run:  # the window's import dialog follows the same plan (issue 14)
        plan = plan_import(ctx.services.sops, sops, code=args.code, new=args.as_new)
        saved = save_plan(ctx.services.sops, plan).value  # one transaction per SOP
        stored = [{"code": s.definition.code, "version": s.definition.version,
                   "created": s.created} for s in saved]
        log_admin_action(actor, "impor_sop", f"{args.file}: " + ", ".join(
            f"{s['code']} v{s['version']}" for s in stored))
    if args.json:
        out = {"sops": [d.to_dict() for d in sops], "warnings": warnings}
        if not args.dry_run:
            out["stored"] = stored
        print_json(out)
        return 0
    for i, defn in enumerate(sops):
        state = ""
        if stored:
            s = stored[i]
            state = f" -> {s['code']} versi {s['version']}" + ("" if s["created"] else " (tidak berubah)")
        print(f"{defn.name}: {len(defn.steps)} langkah, {len(defn.lanes)} pelaksana{state}")
        for w in defn.warnings:
            print(f"  peringatan: {w}")
    for w in warnings:
        print(f"peringatan: {w}")
    return 0


def cmd_versions(args: argparse.Namespace, ctx: Context) -> int:
    service = ctx.services.sops
    numbers = service.versions(args.code)
    if not numbers:
        service.get(args.code)  # raises the "tidak ditemukan" error
    rows = []
    for number in numbers:
        defn = service.get(args.code, number)
        rows.append({"version": number, "name": defn.name, "nomor": defn.nomor,
                     "step_count": len(defn.steps), "source": defn.source})
    if args.json:
        print_json(rows)
        return 0
    for row in rows:
        print(f"versi {row['version']}: {row['name']} ({row['step_count']} langkah) "
              f"{row['source']}".rstrip())
    return 0


def cmd_validate(args: argparse.Namespace, ctx: Context) -> int:
    sops, _ = read_file(args.file)
    bad = 0
    for defn in sops:
        found = problems(defn)
        if found:
            bad += 1
            for p in found:
                print(f"{args.file}: SOP '{defn.name}': {p}")
        else:
            print(f"{args.file}: SOP '{defn.name}': valid ({len(defn.steps)} langkah)")
    if bad:
        raise ValidationError(f"{bad} dari {len(sops)} SOP dalam {args.file} belum valid")
    return 0
