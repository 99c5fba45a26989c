"""`sop-desktop check`: is everything still there and unchanged?

Database integrity and foreign keys, attachment files against their SHA-256, and the hash
chain of case history (each event's hash = sha256(previous hash + canonical JSON of the event)).
The chain and attachment checks are plain functions over rows so they can be tested alone.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import peewee as pw

from sop_desktop import db as dbm
from sop_desktop.paths import data_dir

HASH_FIELD = "hash"
# not hashed: the hash itself, and the id, which the writer only learns after the insert
NOT_HASHED = frozenset({HASH_FIELD, "id"})
_HEX64 = re.compile(r"^[0-9a-f]{64}$")


@dataclass
class Finding:
    """The result of one check: ok, a one-line Indonesian summary and the problems found."""

    check: str
    ok: bool
    message: str
    problems: list[str] = field(default_factory=list)
    skipped: bool = False

    def to_dict(self) -> dict:
        return {"check": self.check, "ok": self.ok, "skipped": self.skipped,
                "message": self.message, "problems": self.problems}


# -- history hash chain ----------------------------------------------------------------------

def _canonical_value(value):
    if isinstance(value, pw.Model):  # a foreign key given as a row: hash its id, as read back
        return value.get_id()
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value).hex()
    return value


def canonical_json(event: dict) -> str:
    """The event as compact JSON with sorted keys: field names as in peewee's .dicts() (foreign
    keys by id), datetimes as ISO text; the id and the hash left out."""
    clean = {k: _canonical_value(v) for k, v in event.items() if k not in NOT_HASHED}
    return json.dumps(clean, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                      default=str)


def event_hash(previous_hash: str | None, event: dict) -> str:
    """sha256(previous hash + canonical JSON of the event), hex; the first event has ''."""
    return hashlib.sha256(((previous_hash or "") + canonical_json(event)).encode("utf-8")).hexdigest()


def verify_history_chain(rows, group_field: str = "case", order_field: str = "id") -> list[str]:
    """Problems in the history chains (one chain per case, in id order): an event whose stored
    hash does not match (changed, or an earlier event removed or inserted)."""
    problems = []
    previous: dict = {}
    for row in sorted(rows, key=lambda r: (str(r.get(group_field)), r.get(order_field) or 0)):
        group = row.get(group_field)
        expected = event_hash(previous.get(group), row)
        stored = row.get(HASH_FIELD)
        if not stored:
            problems.append(f"peristiwa {row.get(order_field)} (kasus {group}) tidak memiliki hash")
        elif stored != expected:
            problems.append(f"peristiwa {row.get(order_field)} (kasus {group}) tidak cocok dengan "
                            "rantai hash: riwayat diubah atau ada peristiwa yang dihapus")
        # continue from the stored hash so one changed event is reported once, not for every
        # later event of the case
        previous[group] = stored or expected
    return problems


# -- attachment files ------------------------------------------------------------------------

def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def stored_files(store_dir: Path) -> dict[str, Path]:
    """Files of the attachment store keyed by the SHA-256 in their name (name or stem)."""
    found = {}
    if store_dir.is_dir():
        for path in store_dir.rglob("*"):
            if path.is_file():
                key = path.name.split(".", 1)[0].lower()
                if _HEX64.match(key):
                    found[key] = path
    return found


def check_attachments(rows, store_dir: Path, also_known=()) -> list[str]:
    """Missing files (a row without its file), altered files (content no longer matches its
    SHA-256) and orphan files (a stored file nothing refers to). `rows` have 'sha256' and
    'name'; `also_known` are hashes referred to elsewhere that need not be in the store."""
    files = stored_files(store_dir)
    problems = []
    wanted = {}
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


def attachment_dir_of(services) -> Path:
    """The services' attachment store folder (beside the database), else <data>/lampiran."""
    store = getattr(getattr(services, "attachments", None), "store", None)
    if store is not None and getattr(store, "root", None) is not None:
        return Path(store.root)
    try:
        from sop_desktop.attachments import store_dir_for
    except ImportError:
        return data_dir() / "lampiran"
    return store_dir_for(services.target)


def _attachment_references():
    """(rows that need their file, other hashes that may have one) from the case tables."""
    rows, others = [], []
    attachment = getattr(dbm, "Attachment", None)
    if attachment is not None and attachment.table_exists():
        rows += list(attachment.select(attachment.sha256, attachment.name).dicts())
    history = getattr(dbm, "History", None)
    if history is not None and history.table_exists() and "attachments" in history._meta.fields:
        for (items,) in history.select(history.attachments).tuples():
            rows += [{"sha256": i["sha256"], "name": i.get("name", "")} for i in items or []
                     if isinstance(i, dict) and i.get("sha256")]
    letter = getattr(dbm, "OutgoingLetter", None)
    if letter is not None and letter.table_exists() and "file_sha256" in letter._meta.fields:
        others += [h for (h,) in letter.select(letter.file_sha256).tuples() if h]
    return rows, others


# -- running everything ----------------------------------------------------------------------

def check_sqlite_integrity(database) -> Finding:
    rows = [r[0] for r in database.execute_sql("PRAGMA integrity_check").fetchall()]
    if rows == ["ok"]:
        return Finding("integrity", True, "Integritas basis data: baik.")
    return Finding("integrity", False, "Integritas basis data: RUSAK.", rows[:50])


def check_foreign_keys(database) -> Finding:
    rows = database.execute_sql("PRAGMA foreign_key_check").fetchall()
    if not rows:
        return Finding("foreign_keys", True, "Rujukan antar tabel: baik.")
    problems = [f"tabel {table} baris {rowid} merujuk ke {parent} yang tidak ada"
                for table, rowid, parent, _ in rows[:200]]
    return Finding("foreign_keys", False, f"Rujukan antar tabel: {len(rows)} rujukan putus.", problems)


def run_checks(services, attachment_dir: Path | None = None) -> list[Finding]:
    """Every check over the services' database; checks whose tables are missing are skipped."""
    database = services.db
    findings = []
    if dbm.is_sqlite(database):
        findings.append(check_sqlite_integrity(database))
        findings.append(check_foreign_keys(database))
    else:
        findings.append(Finding("integrity", True, "Integritas: dijaga oleh server PostgreSQL.",
                                skipped=True))
    attachment_model = getattr(dbm, "Attachment", None)
    if attachment_model is not None and attachment_model.table_exists():
        store = attachment_dir or attachment_dir_of(services)
        rows, others = _attachment_references()
        problems = check_attachments(rows, store, others)
        count = len({str(r["sha256"]).lower() for r in rows})
        findings.append(Finding(
            "attachments", not problems,
            f"Berkas lampiran: {count} berkas tercatat, " + ("semua utuh." if not problems
                                                              else f"{len(problems)} masalah."),
            problems))
    history_model = getattr(dbm, "History", None)
    if history_model is not None and history_model.table_exists():
        if HASH_FIELD not in history_model._meta.fields:
            findings.append(Finding("history", True,
                                    "Rantai riwayat: belum tersedia (kolom hash belum ada).",
                                    skipped=True))
        else:
            rows = list(history_model.select().order_by(history_model.id).dicts())
            problems = verify_history_chain(rows)
            findings.append(Finding(
                "history", not problems,
                f"Rantai riwayat: {len(rows)} peristiwa, " + ("utuh." if not problems
                                                              else f"{len(problems)} masalah."),
                problems))
    return findings
