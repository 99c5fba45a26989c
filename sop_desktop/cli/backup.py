"""`sop-desktop backup` and `sop-desktop restore`: make, list and restore backups."""

from __future__ import annotations

import argparse
from pathlib import Path

from sop_desktop.cli import Context, Subparsers, print_json
from sop_desktop.cli.user import admin_actor
from sop_desktop.paths import database_target
from sop_desktop.services.users import log_admin_action
from sop_desktop.storage import backup as bk
from sop_desktop.storage import db as dbm
from sop_desktop.storage.diskspace import WORK_ROOM, DiskFull


def register(sub: Subparsers) -> None:
    p = sub.add_parser("backup", help="buat cadangan basis data (API backup SQLite)")
    p.add_argument("-o", "--output", metavar="BERKAS", default=None,
                   help="berkas tujuan (bawaan: folder cadangan, sop-desktop-TANGGAL-JAM.sqlite3)")
    p.add_argument("--list", action="store_true", help="tampilkan cadangan yang ada")
    p.add_argument("--prune", action="store_true",
                   help="hapus cadangan lama (simpan 7 harian, 4 mingguan, 12 bulanan)")
    p.add_argument("--set-folder", metavar="FOLDER", default=None,
                   help="atur folder cadangan (misalnya disk USB); '-' kembali ke bawaan")
    p.add_argument("--as", dest="as_user", default=None, metavar="ADMIN",
                   help="administrator yang mengganti folder cadangan (wajib untuk --set-folder "
                        "bila sudah ada administrator)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_backup)

    # `restore` lives here too: backup and restore are one feature
    p = sub.add_parser("restore", help="pulihkan basis data dari berkas cadangan")
    p.add_argument("file", help="berkas cadangan (.sqlite3, atau .sopdump untuk PostgreSQL)")
    p.add_argument("--force", action="store_true",
                   help="pindahkan juga basis data yang lulus pemeriksaan integritas dan berisi kasus")
    p.add_argument("--as", dest="as_user", default=None, metavar="ADMIN",
                   help="administrator yang memulihkan (wajib bila sudah ada administrator; "
                        "kata sandinya dari SOP_DESKTOP_PASSWORD atau prompt)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_restore)


def _sqlite_file(args: argparse.Namespace) -> Path | None:
    return bk.sqlite_file_of(database_target(args.db))


def _refuse_if_damaged(args: argparse.Namespace) -> None:
    bk.check_before_open(database_target(args.db))


def _admin(args: argparse.Namespace, ctx: Context, action: str) -> dbm.User | None:
    """The administrator (--as) an administrator-only action needs (the core's check)."""
    return admin_actor(args, ctx.services, action)


def cmd_backup(args: argparse.Namespace, ctx: Context) -> int:
    if args.set_folder is not None:
        _refuse_if_damaged(args)
        folder = None if args.set_folder == "-" else Path(args.set_folder).expanduser().resolve()
        _ = ctx.services  # open (and migrate) the database before writing the setting
        actor = _admin(args, ctx, "folder_cadangan")
        bk.set_backup_folder(folder)
        log_admin_action(actor, "folder_cadangan", str(bk.backup_folder()))
        shown = bk.backup_folder()
        if args.json:
            print_json({"folder": str(shown)})
        else:
            print(f"Folder cadangan: {shown}")
        return 0
    if args.list or args.prune:
        _refuse_if_damaged(args)
        _ = ctx.services  # the folder setting lives in the database
        folder = bk.backup_folder()
        deleted = bk.prune_backups(folder) if args.prune else []
        items = bk.list_backups(folder)
        if args.json:
            print_json({"folder": str(folder), "deleted": [str(p) for p in deleted],
                        "backups": [{"path": str(b.path), "when": b.when.isoformat(),
                                     "reason": b.reason, "size": b.path.stat().st_size,
                                     "chain_hash": bk.backup_info(b.path)["chain_hash"]}
                                    for b in items]})
            return 0
        print(f"Folder cadangan: {folder}")
        for path in deleted:
            print(f"dihapus: {path.name}")
        for b in items:
            print(f"{b.when:%Y-%m-%d %H:%M:%S}  {b.reason:<13} {b.path.name}")
        if not items:
            print("Belum ada cadangan.")
        return 0
    _refuse_if_damaged(args)
    path = bk.create_backup(ctx.services, args.output)
    warning = bk.shrink_warning(path)
    if args.output is None:
        bk.prune_backups(path.parent)
    info = bk.backup_info(path)
    if args.json:
        print_json({"backup": str(path), "size": path.stat().st_size,
                    "chain_hash": info["chain_hash"], "chain_event_id": info["event_id"],
                    "warning": warning})
    else:
        print(f"Cadangan dibuat: {path}")
        if warning:
            print(warning)
        # the head of the history chain as this backup holds it: note it (or print it) to
        # prove later that the history up to here was not rewritten
        print(f"Hash rantai riwayat terakhir: {info['chain_hash'] or '-'}"
              + (f" (peristiwa {info['event_id']})" if info["event_id"] else ""))
    return 0


def cmd_restore(args: argparse.Namespace, ctx: Context) -> int:
    file = Path(args.file).expanduser()
    path = _sqlite_file(args)
    result = {"restored_from": str(file)}
    if path is not None:
        holder = bk.InstanceLock(path).holder()
        if holder is not None:
            raise bk.BackupError(
                f"Basis data sedang dibuka oleh SOP Desktop lain (komputer {holder.get('host')}, "
                f"proses {holder.get('pid')}); tutup dulu aplikasi itu sebelum memulihkan.")
        check = bk.startup_check(path)
        if check.kind == "disk_full":  # a full disk is not damage: change nothing
            raise DiskFull(path.parent, WORK_ROOM)
        if not check.ok:
            # the current file cannot be opened safely: keep it aside untouched, rebuild from
            # the backup (verified inside; refused without room on the disk, and for a file
            # that passes integrity_check with cases unless --force), then migrate it
            aside = bk.recover_damaged(path, file, confirmed=args.force)
            result["damaged_kept_as"] = str(aside)
            _ = ctx.services  # open it once so migrations bring an older backup up to date
            # a damaged file cannot say who its administrators are; it is kept aside untouched
            log_admin_action(None, "pulihkan", f"basis data rusak, dari {file}")
        else:
            actor = _admin(args, ctx, "pulihkan")
            result["backup_before_restore"] = str(bk.restore(ctx.services, file) or "")
            log_admin_action(actor, "pulihkan", f"dari {file}")
    else:
        actor = _admin(args, ctx, "pulihkan")
        result["backup_before_restore"] = str(bk.restore(ctx.services, file) or "")
        log_admin_action(actor, "pulihkan", f"dari {file}")
    if args.json:
        print_json(result)
        return 0
    print(f"Basis data dipulihkan dari {file}.")
    if result.get("backup_before_restore"):
        print(f"Isi sebelumnya dicadangkan ke {result['backup_before_restore']}.")
    if result.get("damaged_kept_as"):
        print(f"Berkas yang rusak disimpan tanpa diubah sebagai {result['damaged_kept_as']}.")
    return 0
