"""Tampering in tests: the office whose database the tamper and anchor tests attack, the
attacker's tools (plain SQL with the append-only triggers dropped, the twenty KINDS of
tampering), `sop-desktop check` run in-process, and the anchor log's entries.

The office: four cases of the sample SOP (one at step 2, one at step 4, one stopped, one done)
written by the real case engine.
"""

from __future__ import annotations

import contextlib
import io
import json
import sqlite3
from pathlib import Path

from sop_desktop.cli import main
from sop_desktop.services.container import Services
from sop_desktop.storage import anchors, integrity, ledger
from tests.core.office_support import Office, field_values, install_sample

TRIGGERS = ("history_no_update", "history_no_delete", "ledger_no_update", "ledger_no_delete")


def build_office(path) -> dict:
    """The four cases in a new SQLite file; returns their agenda numbers by letter."""
    with Services(str(path)) as svc:
        return build_cases(svc)


def build_cases(svc) -> dict:
    """Case A at step 2, B at step 4, C stopped, D done (the real engine, real users)."""
    install_sample(svc)
    office = Office(svc)
    values = field_values(svc.sops.get("CONTOH"))
    op = office.operator
    numbers = {k: svc.cases.open_case("CONTOH", op, values, intake_done=False).numbers[0]
               for k in "ABCD"}
    petugas = next(u for u in office.holders.values()
                   if svc.users.position_names(u) == ["Petugas Uji"])
    kepala = next(u for u in office.holders.values()
                  if svc.users.position_names(u) == ["Kepala Uji"])
    for key in "ABD":
        svc.cases.advance(numbers[key], op)  # 1 -> 2
    for key in "BD":
        svc.cases.decide(numbers[key], petugas, "ya")  # 2 -> 3
        svc.cases.advance(numbers[key], kepala)  # 3 -> 4
    svc.cases.advance(numbers["D"], petugas)  # 4 -> done
    svc.cases.stop(numbers["C"], office.admin, "berkas ditarik pemohon")
    return numbers


def run_check(path, *args) -> tuple[int, str]:
    """`sop-desktop --db PATH ARGS` (default `check --json`) in this process: (exit code, output)."""
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        rc = main(["--db", str(path), *(args or ("check", "--json"))])
    return rc, buffer.getvalue()


def check_json(path, *extra) -> tuple[int, dict]:
    """`sop-desktop check --json` on the file: (exit code, the parsed report)."""
    rc, out = run_check(path, "check", "--json", *extra)
    return rc, json.loads(out)


# -- the attacker's tools: plain SQL on the file, triggers dropped first -------------------------

def sql(path, *statements) -> None:
    con = sqlite3.connect(path)
    with con:
        for name in TRIGGERS:
            con.execute(f"DROP TRIGGER IF EXISTS {name}")
        for statement in statements:
            if isinstance(statement, tuple):
                con.execute(*statement)
            else:
                con.execute(statement)
    con.close()


def one(path, query, params=()):
    con = sqlite3.connect(path)
    try:
        return con.execute(query, params).fetchone()
    finally:
        con.close()


def case_id(path, number) -> int:
    return one(path, 'SELECT id FROM cases WHERE number = ?', (number,))[0]


def events(path, number) -> list[int]:
    con = sqlite3.connect(path)
    try:
        return [r[0] for r in con.execute(
            'SELECT id FROM history WHERE case_id = (SELECT id FROM cases WHERE number = ?) '
            'ORDER BY id', (number,))]
    finally:
        con.close()


def rehash_case_chain(path, number) -> None:
    """The app's own hash function over one case's events (after the attacker's edit)."""
    cid = case_id(path, number)
    sql(path, ('UPDATE history SET hash = NULL WHERE case_id = ?', (cid,)))
    with Services(str(path), seed=False) as svc, svc.db.atomic():
        for name in TRIGGERS:
            svc.db.execute_sql(f"DROP TRIGGER IF EXISTS {name}")
        integrity.fill_missing_hashes(svc.db)


def reforge_ledger(path) -> None:
    """The strongest attacker: the whole global chain thrown away and built again with the
    app's own code from what the tables now hold (internally consistent again)."""
    sql(path, "DELETE FROM ledger")
    with Services(str(path), seed=False) as svc, svc.db.atomic():
        ledger.record_unledgered(svc.db)


def _forge_event(path, number) -> None:
    """A new event at the end of a case with a correctly computed per-case hash, and the case
    row moved to match it."""
    con = sqlite3.connect(path)
    con.row_factory = sqlite3.Row
    last = dict(con.execute('SELECT * FROM history WHERE case_id = ? ORDER BY id DESC LIMIT 1',
                            (case_id(path, number),)).fetchone())
    con.close()
    row = dict(last, id=None, action="lanjut", from_step=last["to_step"], to_step=3,
               decision=None, note="disetujui", attachments="[]")
    row["case"], row["user"] = row.pop("case_id"), row.pop("user_id")
    row["position"], row["on_behalf_of"] = row.pop("position_id"), row.pop("on_behalf_of_id")
    digest = integrity.event_hash(last["hash"], row)
    sql(path, ('INSERT INTO history (case_id, action, from_step, to_step, decision, user_id, '
               'position_id, on_behalf_of_id, at, recorded_at, note, attachments, '
               'seconds_taken, due, on_time, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '
               '?, ?, ?, ?)',
               (row["case"], row["action"], row["from_step"], row["to_step"], None, row["user"],
                row["position"], row["on_behalf_of"], row["at"], row["recorded_at"], row["note"],
                "[]", row["seconds_taken"], row["due"], row["on_time"], digest)),
        ('UPDATE cases SET current_step = 3 WHERE id = ?', (row["case"],)))


def _delete_last(path, number, fix_case: bool) -> None:
    ids = events(path, number)
    statements = [('DELETE FROM history WHERE id = ?', (ids[-1],))]
    if fix_case:  # the case row put back to what the event before said
        prev = one(path, 'SELECT to_step, at FROM history WHERE id = ?', (ids[-2],))
        statements.append(('UPDATE cases SET current_step = ?, step_started_at = ? '
                           'WHERE number = ?', (prev[0], prev[1], number)))
    sql(path, *statements)


def _swap(path, number) -> None:
    ids = events(path, number)
    top = one(path, "SELECT MAX(id) FROM history")[0]
    sql(path, ('UPDATE history SET id = ? WHERE id = ?', (top + 1, ids[1])))


KINDS = {
    # the 8 kinds `check` caught before the global chain (plus one more of the same family)
    "event note edited": lambda p, n: sql(p, ('UPDATE history SET note = ? WHERE id = ?',
                                              ("diubah", events(p, n["B"])[1]))),
    "event time edited": lambda p, n: sql(p, ('UPDATE history SET at = ? WHERE id = ?',
                                              ("2020-01-01 08:00:00", events(p, n["B"])[1]))),
    "event's acting user changed": lambda p, n: sql(p, (
        'UPDATE history SET user_id = (SELECT id FROM user WHERE username = ?) WHERE id = ?',
        ("admin", events(p, n["B"])[1]))),
    "decision flipped": lambda p, n: sql(p, ('UPDATE history SET decision = ? WHERE id = ?',
                                             ("tidak", events(p, n["B"])[2]))),
    "middle event deleted": lambda p, n: sql(p, ('DELETE FROM history WHERE id = ?',
                                                 (events(p, n["B"])[1],))),
    "events reordered": lambda p, n: _swap(p, n["B"]),
    "event hash cleared": lambda p, n: sql(p, ('UPDATE history SET hash = NULL WHERE id = ?',
                                               (events(p, n["B"])[1],))),
    "case status edited": lambda p, n: sql(p, ('UPDATE cases SET status = ? WHERE number = ?',
                                               ("selesai", n["A"]))),
    "case step edited": lambda p, n: sql(p, ('UPDATE cases SET current_step = 3 WHERE number = ?',
                                             (n["A"],))),
    # the 12 kinds it missed
    "last event deleted": lambda p, n: _delete_last(p, n["B"], fix_case=False),
    "last event deleted, case row adjusted": lambda p, n: _delete_last(p, n["B"], fix_case=True),
    "stop event deleted, case running again": lambda p, n: sql(
        p, ('DELETE FROM history WHERE id = ?', (events(p, n["C"])[-1],)),
        ('UPDATE cases SET status = ?, closed_at = NULL WHERE number = ?', ("berjalan", n["C"]))),
    "whole case deleted": lambda p, n: sql(
        p, ('DELETE FROM attachment WHERE case_id = ?', (case_id(p, n["D"]),)),
        ('DELETE FROM history WHERE case_id = ?', (case_id(p, n["D"]),)),
        ('DELETE FROM cases WHERE number = ?', (n["D"],))),
    "forged event appended with a correct hash": lambda p, n: _forge_event(p, n["A"]),
    "case chain rewritten with the app's hash function": lambda p, n: (
        sql(p, ('UPDATE history SET note = ? WHERE id = ?', ("dipalsukan", events(p, n["B"])[0]))),
        rehash_case_chain(p, n["B"])),
    "intake field edited": lambda p, n: sql(p, (
        'UPDATE cases SET fields = json_set(fields, ?, ?) WHERE number = ?',
        ("$.pemohon", "Orang Lain", n["A"]))),
    "created_at edited": lambda p, n: sql(p, ('UPDATE cases SET created_at = ? WHERE number = ?',
                                              ("2026-01-02 08:00:00", n["A"]))),
    "due time edited": lambda p, n: sql(p, ('UPDATE cases SET current_due = ? WHERE number = ?',
                                            ("2030-12-31 16:00:00", n["A"]))),
    "acting user renamed": lambda p, n: sql(p, ('UPDATE user SET name = ? WHERE username = ?',
                                                ("Orang Lain", "operator"))),
    "append-only triggers dropped": lambda p, n: sql(p),
}


def failing(data) -> set[str]:
    """The names of the checks that failed in a `check --json` result."""
    return {c["check"] for c in data["checks"] if not c["ok"]}


def log_lines(home: Path) -> list[dict]:
    """The entries of the anchor log in the data folder `home`."""
    path = home / "backups" / anchors.LOG_NAME
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
