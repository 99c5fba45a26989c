"""The attachment store against the database: missing, altered and orphan files.

Part of `sop-desktop check` (sop_desktop.storage.integrity.run_checks): each stored file is named by
its SHA-256 and must still hash to it; every file a row refers to must be there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from sop_desktop.paths import store_dir_for
from sop_desktop.storage import db as dbm
from sop_desktop.storage.hashing import file_sha256

_HEX64 = re.compile(r"^[0-9a-f]{64}$")


def stored_files(store_dir: Path) -> dict[str, Path]:
    """Files of the attachment store keyed by the SHA-256 in their name (name or stem)."""
    found: dict[str, Path] = {}
    if store_dir.is_dir():
        for path in store_dir.rglob("*"):
            if path.is_file():
                key = path.name.split(".", 1)[0].lower()
                if _HEX64.match(key):
                    found[key] = path
    return found


def check_attachments(rows: Iterable[Mapping[str, Any]], store_dir: Path,
                      also_known: Iterable[str | None] = ()) -> list[str]:
    """Missing files (a row without its file), altered files (content no longer matches its
    SHA-256) and orphan files (a stored file nothing refers to). `rows` have 'sha256' and
    'name'; `also_known` are hashes referred to elsewhere that need not be in the store."""
    files = stored_files(store_dir)
    problems: list[str] = []
    wanted: dict[str, Mapping[str, Any]] = {}
    for row in rows:
        wanted.setdefault(str(row["sha256"]).lower(), row)
    for sha, row in sorted(wanted.items()):
        path = files.get(sha)
        if path is None:
            problems.append(f"berkas lampiran hilang: {row.get('name') or sha} ({sha[:12]}…)")
        elif file_sha256(path) != sha:
            problems.append(f"berkas lampiran berubah: {row.get('name') or sha} ({path})")
    known = set(wanted) | {str(h).lower() for h in also_known if h}
    for sha, path in sorted(files.items()):
        if sha not in known:
            problems.append(f"berkas yatim (tanpa catatan di basis data): {path}")
        elif sha not in wanted and file_sha256(path) != sha:
            problems.append(f"berkas berubah: {path}")
    return problems


def attachment_dir_of(services: dbm.ServicesLike) -> Path:
    """The services' attachment store folder (beside the database), else <data>/lampiran."""
    store = getattr(getattr(services, "attachments", None), "store", None)
    if store is not None and getattr(store, "root", None) is not None:
        return Path(store.root)
    return store_dir_for(services.target)


def attachment_references() -> tuple[list[dict[str, Any]], list[str]]:
    """(rows that need their file, other hashes that may have one) from the case tables."""
    rows: list[dict[str, Any]] = []
    others: list[str] = []
    attachment = getattr(dbm, "Attachment", None)
    if attachment is not None and attachment.table_exists():
        rows += list(dbm.dicts_of(attachment.select(attachment.sha256, attachment.name)))
    history = getattr(dbm, "History", None)
    if history is not None and history.table_exists() and "attachments" in history._meta.fields:
        for (items,) in dbm.tuples_of(history.select(history.attachments)):
            rows += [{"sha256": i["sha256"], "name": i.get("name", "")} for i in items or []
                     if isinstance(i, dict) and i.get("sha256")]
    letter = getattr(dbm, "OutgoingLetter", None)
    if letter is not None and letter.table_exists() and "file_sha256" in letter._meta.fields:
        others += [h for (h,) in dbm.tuples_of(letter.select(letter.file_sha256)) if h]
    return rows, others
