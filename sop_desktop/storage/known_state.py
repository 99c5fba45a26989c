"""What the data folder remembers about each SQLite database: its case and event counts and
the head of its history chain after the last good session or backup.

An empty database where a non-empty one was (a 0-byte file with a leftover -wal, a file
replaced by an empty one) is then refused by the start-up check instead of being accepted as
a new, empty office. The file lives outside the database (data folder, `database-state.json`),
one entry per database path; it is written atomically and a failed write changes nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from sop_desktop.paths import data_dir

STATE_FILE = "database-state.json"


def _state_path() -> Path:
    return data_dir() / STATE_FILE


def _key(db_path: str | Path) -> str:
    return str(Path(db_path).expanduser().resolve())


def _load() -> dict:
    try:
        data = json.loads(_state_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def remembered(db_path: str | Path) -> dict | None:
    """The last known {"cases", "events", "anchor", "at"} of this database file, or None."""
    entry = _load().get(_key(db_path))
    return entry if isinstance(entry, dict) else None


def counts(conn: sqlite3.Connection) -> dict[str, Any]:
    """{"cases", "events", "anchor"} of an open sqlite3 (or DB-API) connection; zeros when
    the tables are not there. `anchor` is the hash of the newest history event."""
    def scalar(sql: str) -> Any:
        try:
            row = conn.execute(sql).fetchone()
        except sqlite3.Error:
            return None
        return row[0] if row else None

    cases = scalar('SELECT count(*) FROM "cases"') or 0
    events = scalar('SELECT MAX("id") FROM "history"') or 0
    anchor = scalar('SELECT "hash" FROM "history" ORDER BY "id" DESC LIMIT 1') if events else None
    return {"cases": int(cases), "events": int(events), "anchor": anchor}


def remember(db_path: str | Path, facts: dict) -> None:
    """Store the facts of a good session or backup (ignored when they say nothing: an empty
    database never overwrites a non-empty one's memory; failures to write are ignored)."""
    state = _load()
    key = _key(db_path)
    old = state.get(key) or {}
    if not facts.get("cases") and old.get("cases"):
        return
    state[key] = {"cases": int(facts.get("cases") or 0), "events": int(facts.get("events") or 0),
                  "anchor": facts.get("anchor"),
                  "at": dt.datetime.now().replace(microsecond=0).isoformat()}
    _write(state)


def forget(db_path: str | Path) -> None:
    """Drop the memory of a database (after it was deliberately replaced by a restore)."""
    state = _load()
    if state.pop(_key(db_path), None) is not None:
        _write(state)


def remember_file(db_path: str | Path) -> None:
    """Read the counts of a SQLite file (read-only) and remember them."""
    try:
        uri = Path(db_path).resolve().as_uri() + "?mode=ro"
        conn = sqlite3.connect(uri, uri=True, timeout=30)
        try:
            facts = counts(conn)
        finally:
            conn.close()
    except sqlite3.Error:
        return
    forget(db_path)
    remember(db_path, facts)


def _write(state: dict) -> None:
    path = _state_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".state-")
    except OSError:
        return
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(state, fh, ensure_ascii=False, indent=1)
        os.replace(tmp, path)
    except OSError:  # a full disk: keep the old memory rather than a half-written one
        try:
            os.unlink(tmp)
        except OSError:
            pass


def emptied_problem(db_path: str | Path, now: dict) -> str | None:
    """One Indonesian sentence when the file now holds no case while the data folder
    remembers cases in it; None otherwise."""
    before = remembered(db_path)
    if not before or not before.get("cases") or now.get("cases"):
        return None
    when = before.get("at") or "-"
    return (f"Basis data {db_path} kosong (0 kasus), padahal terakhir berisi {before['cases']} "
            f"kasus dan {before.get('events') or 0} peristiwa riwayat ({when}): isinya hilang.")
