"""Verifying the global history chain (sop_desktop.storage.ledger) and its anchor.

Three findings for `sop-desktop check`:
- guards: the append-only triggers of history and the chain; missing or disabled ones are
  named and installed again;
- ledger: every entry re-hashed from the start (with the per-case hash of the event it names,
  read from history now), numbers without gaps, each case's entries naming ever newer events,
  and every case, user and newest event agreeing with its latest entry;
- anchor: the chain as it stood when an anchor left the database (the newest one in the anchor
  log, or one given with `check --anchor`) is still the start of the chain now.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import peewee as pw

from sop_desktop.storage import anchors, ledger
from sop_desktop.storage import db as dbm
from sop_desktop.storage.anchors import Anchor
from sop_desktop.storage.findings import Finding

_BATCH = 5000
_SHOW = 200


def check_guards(database: pw.Database) -> Finding:
    """The append-only triggers: report the missing ones and install them again."""
    missing = ledger.missing_guards(database)
    if not missing:
        return Finding("guards", True, "Pemicu hanya-tambah (riwayat dan rantai global): lengkap.")
    ledger.install_guards(database)
    still = ledger.missing_guards(database)
    done = "sudah dipasang kembali" if not still else f"GAGAL dipasang kembali: {', '.join(still)}"
    return Finding("guards", False,
                   f"Pemicu hanya-tambah hilang atau dimatikan: {', '.join(missing)} ({done}). "
                   "Seseorang mengubah basis data di luar aplikasi: periksa temuan lain.",
                   [f"pemicu {name} hilang atau dimatikan" for name in missing])


@dataclass
class _Walk:
    """What walking the chain learnt: problems, each case's and user's latest entry, and the
    true chain value (re-hashed from the start, never from a stored hash) at each number."""

    problems: list[str] = field(default_factory=list)
    count: int = 0
    last_seq: int = 0
    cases: dict[int, tuple[int, int | None, str]] = field(default_factory=dict)  # case id -> (seq, event id, state)
    users: dict[int, tuple[int, str]] = field(default_factory=dict)  # user id -> (seq, state)
    true_at: dict[int, str] = field(default_factory=dict)  # wanted seq -> true chain hash there
    found_head: int | None = None  # the seq whose true hash equals a bare anchor hash


def _walk(database: pw.Database, wanted_seq: int | None, bare_head: str | None) -> _Walk:
    walk = _Walk()
    ledger_id = ledger.ledger_id(database)
    if ledger_id is None:
        walk.problems.append("rantai global tidak memiliki id (meta ledger.id dihapus)")
        ledger_id = ""
    stored_prev = true_prev = ledger.genesis(ledger_id)
    p = database.param
    last = 0
    while True:
        rows = database.execute_sql(
            'SELECT l."seq", l."kind", l."ref", l."event", l."state", l."hash", h."case_id", '
            f'h."hash" FROM "ledger" l LEFT JOIN "history" h ON h."id" = l."event" '
            f'WHERE l."seq" > {p} ORDER BY l."seq" LIMIT {_BATCH}', (last,)).fetchall()
        if not rows:
            return walk
        for seq, kind, ref, event, state, stored, event_case, event_hash in rows:
            if seq != walk.last_seq + 1:
                walk.problems.append(f"entri {walk.last_seq + 1}–{seq - 1} rantai global "
                                     "dihapus")
            walk.last_seq = seq
            walk.count += 1
            _entry(walk, seq, kind, ref, event, state, event_case)
            expected = ledger.entry_hash(stored_prev, seq, kind, ref, event, event_hash, state)
            true_prev = ledger.entry_hash(true_prev, seq, kind, ref, event, event_hash, state)
            if stored != expected and not (event is not None and event_case is None):
                walk.problems.append(_mismatch(seq, kind, ref, event))
            stored_prev = stored or ""
            if seq == wanted_seq:
                walk.true_at[seq] = true_prev
            if bare_head and walk.found_head is None and true_prev == bare_head:
                walk.found_head = seq
        last = rows[-1][0]


def _mismatch(seq: int, kind: str, ref: int, event: int | None) -> str:
    if kind == ledger.KIND_CASE:
        return (f"entri {seq} (kasus id {ref}, peristiwa {event}): tidak cocok dengan hash-nya: "
                "riwayat kasus itu ditulis ulang, atau entri ini diubah")
    return f"entri {seq} ({kind} id {ref}): diubah sesudah dicatat"


def _entry(walk: _Walk, seq: int, kind: str, ref: int, event: int | None, state: str,
           event_case: int | None) -> None:
    if kind == ledger.KIND_CASE:
        before = walk.cases.get(ref)
        if event is not None and event_case is None:
            walk.problems.append(f"entri {seq}: peristiwa {event} (kasus id {ref}) sudah tidak "
                                 "ada: peristiwa itu dihapus")
        elif event is not None and event_case != ref:
            walk.problems.append(f"entri {seq}: peristiwa {event} kini milik kasus id "
                                 f"{event_case}, bukan kasus id {ref}")
        elif before is not None and event is not None and before[1] is not None \
                and event <= before[1]:
            walk.problems.append(f"entri {seq}: kasus id {ref} dicatat lagi tanpa peristiwa "
                                 f"baru (peristiwa {event})")
        walk.cases[ref] = (seq, event, state)
    elif kind == ledger.KIND_USER:
        walk.users[ref] = (seq, state)
    else:
        walk.problems.append(f"entri {seq}: jenis '{kind}' tidak dikenal")


def _case_rows(database: pw.Database, walk: _Walk) -> list[str]:
    """Every case against its latest entry: row digest, newest event, deleted cases."""
    problems: list[str] = []
    newest = dict(database.execute_sql(
        'SELECT "case_id", MAX("id") FROM "history" GROUP BY "case_id"').fetchall())
    cols = ", ".join(f'"{c}"' for c in ledger.CASE_COLUMNS)
    seen = set()
    p = database.param
    last = 0
    while True:
        rows = database.execute_sql(f'SELECT {cols} FROM "cases" WHERE "id" > {p} ORDER BY "id" '
                                    f"LIMIT {_BATCH}", (last,)).fetchall()
        if not rows:
            break
        for row in rows:
            case_id, number = row[0], row[1]
            seen.add(case_id)
            entry = walk.cases.get(case_id)
            if entry is None:
                problems.append(f"kasus {number}: tidak tercatat di rantai global (dibuat di "
                                "luar aplikasi)")
                continue
            seq, event, state = entry
            if ledger.state_digest(ledger.KIND_CASE, row) != state:
                problems.append(f"kasus {number}: data kasus (isian, tanggal dibuat, batas "
                                "waktu, status atau langkah) berubah sesudah peristiwa "
                                f"terakhirnya dicatat (entri {seq})")
            if newest.get(case_id) is not None and event is not None \
                    and newest[case_id] > event:
                problems.append(f"kasus {number}: peristiwa {newest[case_id]} tidak tercatat "
                                "di rantai global (ditambahkan di luar aplikasi)")
        last = rows[-1][0]
    for case_id, (seq, event, _) in sorted(walk.cases.items()):  # noqa: B007
        if case_id not in seen:
            problems.append(f"kasus id {case_id}: dihapus (tercatat di rantai global sampai "
                            f"entri {seq})")
    return problems


def _user_rows(database: pw.Database, walk: _Walk) -> list[str]:
    problems: list[str] = []
    cols = ", ".join(f'"{c}"' for c in ledger.USER_COLUMNS)
    seen: set[int] = set()
    for row in database.execute_sql(f'SELECT {cols} FROM "user" ORDER BY "id"').fetchall():
        seen.add(row[0])
        entry = walk.users.get(row[0])
        if entry is None:
            problems.append(f"pengguna {row[1]}: tidak tercatat di rantai global (dibuat di "
                            "luar aplikasi)")
        elif ledger.state_digest(ledger.KIND_USER, row) != entry[1]:
            problems.append(f"pengguna {row[1]}: nama, nama pengguna, NIP, jabatan, peran atau "
                            f"status aktifnya diubah di luar aplikasi (entri {entry[0]})")
    for user_id, (seq, _) in sorted(walk.users.items()):
        if user_id not in seen:
            problems.append(f"pengguna id {user_id}: dihapus (entri {seq})")
    return problems


def check_ledger(database: pw.Database, anchor: Anchor | None = None) -> tuple[Finding, Finding]:
    """(ledger finding, anchor finding) for the database, against `anchor` (an
    anchors.Anchor, or None: the anchor finding is then skipped)."""
    if not ledger.has_ledger(database):
        skipped = Finding("ledger", True, "Rantai global: belum ada (skema lama).", skipped=True)
        return skipped, Finding("anchor", True, "Jangkar: -", skipped=True)
    wanted = anchor.seq if anchor is not None and anchor.seq else None
    bare = anchor.head if anchor is not None and not anchor.seq else None
    walk = _walk(database, wanted, bare)
    problems = walk.problems + _case_rows(database, walk) + _user_rows(database, walk)
    shown = problems[:_SHOW] + ([f"… dan {len(problems) - _SHOW} masalah lain"]
                                if len(problems) > _SHOW else [])
    if problems:
        message = (f"Rantai global: {walk.count} entri, {len(problems)} masalah; pertama: "
                   f"{problems[0]}.")
    else:
        message = (f"Rantai global: {walk.count} entri, utuh; {len(walk.cases)} kasus dan "
                   f"{len(walk.users)} pengguna sesuai dengan entri terakhirnya.")
    found = Finding("ledger", not problems, message, shown)
    return found, _anchor_finding(database, anchor, walk)


def _anchor_finding(database: pw.Database, anchor: Anchor | None, walk: _Walk) -> Finding:
    if anchor is None:
        return Finding("anchor", True, "Jangkar: tidak ada jangkar di luar basis data untuk "
                       "dibandingkan (lihat log jangkar, atau check --anchor).", skipped=True)
    what = anchor.describe()
    this_id = ledger.ledger_id(database)
    if anchor.ledger_id and this_id and anchor.ledger_id != this_id:
        ids = f"id {anchor.ledger_id[:8]}…, basis data ini {this_id[:8]}…"
        return Finding("anchor", False, f"Jangkar {what} milik basis data lain ({ids}): rantai "
                       "global basis data ini dibuat ulang, atau jangkar yang salah dipilih.",
                       [anchor.text])
    seq = anchor.seq or walk.found_head
    if seq is None:
        return Finding("anchor", False, f"Jangkar {what}: hash ini tidak ada di rantai global "
                       "basis data ini: riwayat sebelum jangkar itu diubah atau dihapus.",
                       [anchor.text])
    if walk.last_seq < seq:
        return Finding("anchor", False, f"Jangkar {what} mencakup {seq} entri, basis data kini "
                       f"hanya {walk.last_seq}: entri (peristiwa, kasus atau pengguna) sebelum "
                       "jangkar itu dihapus.", [anchor.text])
    if anchor.seq and walk.true_at.get(seq) != anchor.head:
        return Finding("anchor", False, f"Jangkar {what} tidak cocok: rantai global sampai "
                       f"entri {seq} tidak lagi sama (riwayat, data kasus atau nama pengguna "
                       "sebelum jangkar itu diubah, lalu hash-nya dihitung ulang).", [anchor.text])
    after = walk.last_seq - seq
    tail = (f"; {after} entri sesudahnya belum dijangkar (hanya sebaik basis data itu sendiri)"
            if after else "")
    return Finding("anchor", True, f"Jangkar {what}: cocok dengan entri {seq}{tail}.")


@contextmanager
def _snapshot(database: pw.Database) -> Iterator[None]:
    """One consistent view of every table for the whole walk, while other PCs and windows go
    on writing (SQLite: a deferred read transaction in WAL; PostgreSQL: repeatable read)."""
    if dbm.is_sqlite(database):
        with database.atomic("DEFERRED"):
            yield
    else:
        with database.atomic():
            database.execute_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            yield


def run_ledger_checks(database: pw.Database, anchor: Anchor | str | None = "newest") -> list[Finding]:
    """The guards, the global chain and the anchor findings, in that order. `anchor`: an
    anchors.Anchor, "newest" (the newest in the anchor log) or None."""
    notes: list[str] = []
    chosen = anchor if isinstance(anchor, Anchor) or anchor is None else None
    if anchor == "newest":
        chosen, notes = anchors.newest_anchor(database)
    guards = check_guards(database)  # (it may write: the triggers go back in)
    with _snapshot(database):
        found, anchored = check_ledger(database, chosen)
    if notes and chosen is None:
        anchored = Finding("anchor", False, f"Jangkar: {notes[0]}.", notes)
    return [guards, found, anchored]
