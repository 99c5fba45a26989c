"""Anchors: the head of the global history chain kept OUTSIDE the database.

An anchor is (number and hash of the newest chain entry, counts of events, cases and users,
the database's ledger id and location, when and why it was taken). It is appended as one
JSON line to the anchor log at each backup, each report and each closing of the app (the
window, and every CLI command whose process wrote to the chain), and printed on reports as
`NUMBER-HASH`. The log is `jangkar-riwayat.jsonl` in the backup folder and, when configured
(`sop-desktop check --set-anchor-log PATH`, e.g. a USB disk), a second copy there.

A new anchor is written only when the chain still starts with the newest anchor already in
the log: a chain that was cut short or re-hashed is never anchored (the app log says why),
so closing the app on a tampered database does not hide the tampering from the next check.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
import sqlite3
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import peewee as pw

from sop_desktop import __version__
from sop_desktop.errors import ValidationError
from sop_desktop.paths import data_dir
from sop_desktop.storage import db as dbm
from sop_desktop.storage import ledger
from sop_desktop.storage.backup_names import backup_folder, known_backup_folders

log = logging.getLogger(__name__)

LOG_NAME = "jangkar-riwayat.jsonl"
CONFIG_NAME = "jangkar-riwayat.json"  # in the data folder: {"log": path}
_TEXT = re.compile(r"(?<![0-9A-Za-z])(?:(\d+)-)?([0-9a-fA-F]{64})(?![0-9A-Za-z])")
_TAIL = 64 * 1024


@dataclass
class Anchor:
    """One anchor; `text` is what reports print and `check --anchor` accepts."""

    seq: int
    head: str
    events: int | None = None
    cases: int | None = None
    users: int | None = None
    made_at: str | None = None
    reason: str = ""
    ledger_id: str | None = None
    location: str | None = None
    app: str | None = None
    source: str = ""
    reset: bool = False  # a restore marker: older anchors of its location no longer apply

    @property
    def text(self) -> str:
        return f"{self.seq}-{self.head}" if self.seq else self.head

    def describe(self) -> str:
        bits = [b for b in (self.reason, (self.made_at or "").replace("T", " ")) if b]
        where = f" dari {self.source}" if self.source else ""
        return f"{self.text[:24]}…" + (f" ({', '.join(bits)})" if bits else "") + where

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out.pop("source")
        if not self.reset:
            out.pop("reset")
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any], source: str = "") -> Anchor | None:
        if data.get("reset") is True:
            return cls(0, "", made_at=data.get("made_at"), reason=str(data.get("reason") or ""),
                       location=data.get("location"), source=source, reset=True)
        try:
            head = str(data["head"]).lower()
            if not re.fullmatch(r"[0-9a-f]{64}", head):
                return None
            return cls(seq=int(data.get("seq") or 0), head=head, events=data.get("events"),
                       cases=data.get("cases"), users=data.get("users"),
                       made_at=data.get("made_at"), reason=str(data.get("reason") or ""),
                       ledger_id=data.get("ledger_id"), location=data.get("location"),
                       app=data.get("app"), source=source)
        except (KeyError, TypeError, ValueError):
            return None


def location_of(database: pw.Database) -> str:
    """Where the database is: a SQLite file's full path, or host/port/name (no password)."""
    if dbm.is_sqlite(database):
        return str(Path(database.database).expanduser().resolve())
    params = getattr(database, "connect_params", {}) or {}
    return (f"postgresql://{params.get('host', '')}:{params.get('port', '')}/"
            f"{database.database}")


def current_anchor(database: pw.Database | None = None, reason: str = "") -> Anchor | None:
    """The anchor of the database now; None without a chain (or before its first entry)."""
    database = database or dbm.database.obj
    if database is None or not ledger.has_ledger(database):
        return None
    seq, head = ledger.head(database)
    if not seq or head is None:
        return None
    events, cases, users = database.execute_sql(
        'SELECT (SELECT COUNT(*) FROM "history"), (SELECT COUNT(*) FROM "cases"), '
        '(SELECT COUNT(*) FROM "user")').fetchone()
    return Anchor(seq, head, int(events), int(cases), int(users),
                  dt.datetime.now().replace(microsecond=0).isoformat(), reason,
                  ledger.ledger_id(database), location_of(database), __version__)


# -- the anchor log ------------------------------------------------------------------------------

def configured_log() -> Path | None:
    """The extra anchor log chosen by the office (e.g. on a USB disk), if any."""
    try:
        data = json.loads((data_dir() / CONFIG_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    value = data.get("log") if isinstance(data, dict) else None
    return Path(value).expanduser() if value else None


def set_anchor_log(path: str | Path | None) -> Path | None:
    """Choose the extra anchor log (a file, or a folder to hold jangkar-riwayat.jsonl); None
    or "-" for none. Kept in the data folder, outside the database."""
    target = None
    if path and str(path) != "-":
        target = Path(path).expanduser()
        if target.is_dir() or str(path).endswith(("/", "\\")):
            target = target / LOG_NAME
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            with open(target, "a", encoding="utf-8"):
                pass
        except OSError as exc:
            raise ValidationError(f"Log jangkar {target} tidak dapat ditulis "
                                  f"({exc.strerror or exc}); periksa disk USB atau foldernya."
                                  ) from None
    config = data_dir() / CONFIG_NAME
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(json.dumps({"log": str(target) if target else None}), encoding="utf-8")
    return target


def log_paths() -> list[Path]:
    """Where anchors are written: the backup folder's log, and the configured one."""
    paths = [backup_folder() / LOG_NAME]
    extra = configured_log()
    if extra is not None and extra not in paths:
        paths.append(extra)
    return paths


def _read_paths() -> list[Path]:
    paths = log_paths()
    for folder in known_backup_folders():
        if folder / LOG_NAME not in paths:
            paths.append(folder / LOG_NAME)
    return paths


def read_log(path: Path, tail: bool = False) -> list[Anchor]:
    """The anchors in a log file, oldest first (unreadable lines are skipped); `tail`: only
    those in its last 64 KiB."""
    try:
        with open(path, "rb") as fh:
            if tail:
                fh.seek(0, os.SEEK_END)
                fh.seek(max(fh.tell() - _TAIL, 0))
            data = fh.read().decode("utf-8", "replace")
    except OSError:
        return []
    out: list[Anchor] = []
    for line in data.splitlines():
        try:
            item = json.loads(line)
        except ValueError:
            continue
        anchor = Anchor.from_json(item, str(path)) if isinstance(item, dict) else None
        if anchor is not None:
            out.append(anchor)
    return out


def newest_anchor(database: pw.Database | None = None) -> tuple[Anchor | None, list[str]]:
    """The newest anchor of this database in any anchor log (None also when a restore of
    this location came after it), and notes (e.g. anchors of this location under another
    ledger id: a chain made anew)."""
    database = database or dbm.database.obj
    this_id = ledger.ledger_id(database) if ledger.has_ledger(database) else None
    here = location_of(database)
    best: Anchor | None = None
    others: list[Anchor] = []

    def mine(a: Anchor) -> bool:
        return (a.ledger_id == this_id and not a.reset) or (a.reset and a.location == here)

    for path in _read_paths():
        found = [a for a in read_log(path, tail=True) if mine(a)]
        if not found:
            everything = read_log(path)
            found = [a for a in everything if mine(a)]
            others += [a for a in everything if a.location == here and not a.reset
                       and a.ledger_id != this_id]
        if found and (best is None or (found[-1].made_at or "") >= (best.made_at or "")):
            best = found[-1]
    if best is not None and best.reset:
        others = [a for a in others if (a.made_at or "") > (best.made_at or "")]
        best = None
    notes: list[str] = []
    if best is None and others and this_id:
        newest = max(others, key=lambda a: a.made_at or "")
        notes.append(f"log jangkar memuat jangkar basis data di lokasi ini dengan id lain "
                     f"({newest.ledger_id}, {newest.seq} entri, {newest.made_at}): rantai global "
                     "dibuat ulang atau basis datanya diganti")
    return best, notes


def _extends(database: pw.Database, anchor: Anchor) -> bool:
    """True when the chain's entry number `anchor.seq` still has the anchored hash."""
    row = database.execute_sql(f'SELECT "hash" FROM "ledger" WHERE "seq" = {database.param}',
                               (anchor.seq,)).fetchone()
    return bool(row) and row[0] == anchor.head


def write_anchor(reason: str, database: pw.Database | None = None) -> Anchor | None:
    """Append the database's anchor to the anchor log(s); returns it (None: no chain yet, or
    the chain no longer starts with the newest anchor: see note_restore). Never raises for an
    unwritable log (a USB disk pulled out): the app log says so."""
    database = database or dbm.database.obj
    try:
        if database is None or not ledger.has_ledger(database):
            return None
        previous, _ = newest_anchor(database)
        if previous is not None:
            if ledger.head(database) == (previous.seq, previous.head):
                return previous  # nothing new since
            if not _extends(database, previous):
                log.warning("jangkar baru tidak ditulis: rantai global tidak lagi diawali "
                            "jangkar %s (jalankan sop-desktop check)", previous.text)
                return None
        anchor = current_anchor(database, reason)
        if anchor is None:
            return None
    except Exception as exc:  # noqa: BLE001 - an anchor must never stop a backup or report
        log.warning("jangkar riwayat tidak dapat dibaca: %s", exc)
        return None
    _append_line(json.dumps(anchor.to_json(), ensure_ascii=False) + "\n")
    return anchor


def note_restore(location: str, reason: str = "pemulihan") -> None:
    """Say in the anchor log(s) that the database at `location` was replaced by a restore:
    the anchors before this line no longer apply to it; the next backup, report or closing
    anchors the restored history."""
    _append_line(json.dumps({"reset": True, "location": location, "reason": reason,
                             "made_at": dt.datetime.now().replace(microsecond=0).isoformat(),
                             "app": __version__}, ensure_ascii=False) + "\n")


def _append_line(line: str) -> None:
    """One line onto every anchor log, flushed to the disk; an unwritable log is logged."""
    for path in log_paths():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "a", encoding="utf-8") as fh:
                fh.write(line)
                fh.flush()
                os.fsync(fh.fileno())
        except OSError as exc:
            log.warning("log jangkar %s tidak dapat ditulis: %s", path, exc.strerror or exc)


def report_anchor() -> str | None:
    """The anchor printed on a register or report (NUMBER-HASH), also written to the log."""
    database = dbm.database.obj
    if database is None:
        return None
    anchor = write_anchor("laporan", database) or current_anchor(database)
    return anchor.text if anchor else None


# -- an anchor given to `check --anchor` ---------------------------------------------------------

def parse_anchor(value: str, database: pw.Database | None = None) -> Anchor:
    """An anchor from `check --anchor`: NUMBER-HASH or HASH as printed, or a file holding one
    (an anchor log, a SQLite backup, a .sopdump, an exported .xlsx/.pdf, or any text)."""
    text = (value or "").strip()
    path = Path(text).expanduser()
    if text and path.is_file():
        return anchor_from_file(path, database)
    match = _TEXT.fullmatch(text)
    if not match:
        raise ValidationError(f"'{value}' bukan jangkar (NOMOR-HASH atau 64 angka heksadesimal, "
                              "seperti tercetak di laporan) dan bukan berkas yang ada")
    return Anchor(int(match.group(1) or 0), match.group(2).lower(), source="argumen --anchor")


def anchor_from_file(path: Path, database: pw.Database | None = None) -> Anchor:
    """The anchor a file holds (the newest one for this database in a log)."""
    with open(path, "rb") as fh:
        start = fh.read(16)
    if start == b"SQLite format 3\x00":
        return _from_sqlite(path)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        text = _xlsx_text(path)
    elif suffix == ".pdf":
        text = _pdf_text(path)
    else:
        text = path.read_text(encoding="utf-8", errors="replace")
        first = text.split("\n", 1)[0]
        if '"sop-desktop-dump"' in first:
            return _from_dump(path)
        logged = read_log(path)
        if logged:
            this_id = (ledger.ledger_id(database) if database is not None
                       and ledger.has_ledger(database) else None)
            mine = [a for a in logged if a.ledger_id == this_id] or logged
            return mine[-1]
    found = list(_TEXT.finditer(text))
    if not found:
        raise ValidationError(f"Berkas {path} tidak memuat jangkar riwayat")
    match = found[-1]
    return Anchor(int(match.group(1) or 0), match.group(2).lower(), source=str(path))


def _from_sqlite(path: Path) -> Anchor:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        row = conn.execute('SELECT "seq", "hash" FROM "ledger" ORDER BY "seq" DESC LIMIT 1'
                           ).fetchone()
        meta = conn.execute('SELECT "value" FROM "meta" WHERE "key" = ?',
                            (ledger.LEDGER_ID_KEY,)).fetchone()
    except sqlite3.Error:
        row = meta = None
    finally:
        conn.close()
    if not row:
        raise ValidationError(f"Berkas {path} tidak memuat rantai global (cadangan lama?)")
    return Anchor(int(row[0]), row[1], reason="cadangan", ledger_id=meta[0] if meta else None,
                  source=str(path))


def _from_dump(path: Path) -> Anchor:
    best: dict[str, Any] | None = None
    columns: list[str] = []
    in_ledger = False
    with open(path, encoding="utf-8") as fh:
        fh.readline()
        for line in fh:
            item = json.loads(line)
            if isinstance(item, dict):
                in_ledger, columns = item.get("table") == "ledger", item.get("columns") or []
            elif in_ledger:
                row = dict(zip(columns, item, strict=False))
                if best is None or row["seq"] > best["seq"]:
                    best = row
    if best is None:
        raise ValidationError(f"Berkas {path} tidak memuat rantai global (cadangan lama?)")
    return Anchor(int(best["seq"]), best["hash"], reason="cadangan", source=str(path))


def _xlsx_text(path: Path) -> str:
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True)
    try:
        custom = getattr(wb, "custom_doc_props", None)  # absent in a read-only workbook of old openpyxl
        props = [p.value for p in custom.props if isinstance(p.value, str)] if custom is not None else []
        return "\n".join(props + [wb.properties.keywords or "", wb.properties.description or ""])
    finally:
        wb.close()


def _pdf_text(path: Path) -> str:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        page = pdf[len(pdf) - 1]
        return page.get_textpage().get_text_range()
    finally:
        pdf.close()
