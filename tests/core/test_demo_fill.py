"""The demo fill's chains (issue 19): the history hashes and the global chain's entries are
computed from the rows the fill holds, and must be exactly what the checker recomputes."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3

from sop_desktop.ops.demo import fill
from sop_desktop.storage import db as dbm
from sop_desktop.storage import integrity, ledger

NOW = dt.datetime(2026, 12, 7, 10, 0)


def _findings(services) -> dict[str, object]:
    return {f.check: f for f in integrity.run_checks(services, anchor=None)}


def test_a_filled_database_passes_the_full_check_and_its_chains_verify(services):
    # 1,200 cases: enough for the fill's bulk path (indexes dropped and rebuilt)
    index_sql = "SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name"
    indexes = services.db.execute_sql(index_sql).fetchall()
    result = fill(services, 1200, seed=7, now=NOW)
    assert services.db.execute_sql(index_sql).fetchall() == indexes  # every one back
    findings = _findings(services)
    assert all(f.ok for f in findings.values()), [
        (f.check, f.problems[:3]) for f in findings.values() if not f.ok]
    assert str(result.events) in findings["history"].message
    db = services.db
    # one global chain entry per case, with the case's last event and that event's hash
    entries = db.execute_sql('SELECT "ref", "event", "state" FROM "ledger" WHERE "kind" = ? '
                             'ORDER BY "seq"', (ledger.KIND_CASE,)).fetchall()
    last = dict(db.execute_sql('SELECT "case_id", MAX("id") FROM "history" '
                               'GROUP BY "case_id"').fetchall())
    assert [e[0] for e in entries] == sorted(last) and len(entries) == result.cases
    assert all(event == last[ref] for ref, event, _ in entries)
    # every user came before the cases, each with one entry
    kinds = [k for (k,) in db.execute_sql('SELECT "kind" FROM "ledger" ORDER BY "seq"')]
    assert kinds == [ledger.KIND_USER] * (len(kinds) - result.cases) + [ledger.KIND_CASE] * \
        result.cases
    assert len(kinds) - result.cases == dbm.User.select().count()
    # the events' ids were given by the fill: a new event still gets the next id
    assert db.execute_sql('SELECT MAX("id") FROM "history"').fetchone()[0] == max(last.values())


def test_the_same_seed_and_time_give_the_same_cases(services, tmp_path):
    from sop_desktop.services.container import Services

    fill(services, 150, seed=3, now=NOW, password="rahasia-demo-1")
    first = services.db.execute_sql('SELECT * FROM "cases" ORDER BY "id"').fetchall()
    events = services.db.execute_sql(
        'SELECT "case_id", "action", "to_step", "at", "due", "hash" FROM "history" '
        'ORDER BY "id"').fetchall()
    services.close()
    with Services(str(tmp_path / "kedua.sqlite3")) as other:
        fill(other, 150, seed=3, now=NOW, password="rahasia-demo-1")
        assert other.db.execute_sql('SELECT * FROM "cases" ORDER BY "id"').fetchall() == first
        assert other.db.execute_sql(
            'SELECT "case_id", "action", "to_step", "at", "due", "hash" FROM "history" '
            'ORDER BY "id"').fetchall() == events


def test_an_edited_case_row_of_a_filled_database_is_found(services, db_path):
    fill(services, 80, seed=2, now=NOW)
    case_id, fields = services.db.execute_sql(
        'SELECT "id", "fields" FROM "cases" ORDER BY "id" DESC LIMIT 1').fetchone()
    services.close()
    values = json.loads(fields)
    values[next(iter(values))] = "diubah di luar aplikasi"
    con = sqlite3.connect(str(db_path))
    con.execute('UPDATE "cases" SET "fields" = ? WHERE "id" = ?',
                (json.dumps(values, ensure_ascii=False), case_id))
    con.commit()
    con.close()
    from sop_desktop.services.container import Services

    with Services(str(db_path), seed=False) as svc:
        found = _findings(svc)
        assert not found["ledger"].ok
        assert any("berubah" in p for p in found["ledger"].problems)
        assert found["history"].ok  # the events themselves were not touched


def test_state_digests_in_bulk_equal_one_row_at_a_time():
    when = dt.datetime(2026, 3, 2, 8, 30, 15, 250)
    rows = [
        (1, "001/A/2026", 3, "SOP-A", 2026, 1, "berjalan", 2, "Kasubbag", 4, when, when,
         '{"nama": "Siti", "umur": 3}', 2, "2026-03-02 08:30:15.000250", "2026-03-02T08:30:00",
         None),
        (2, "002/A/2026", "3", "SOP-A", 2026.0, True, "selesai", None, None, None,
         "2026-03-02 09:00:00", None, '{"umur": 3, "nama": "Siti"}', 2, dt.date(2026, 3, 2),
         when, "bukan waktu"),
        (3, "003/Ä/2026", 3, 'kutip "x"', 2026, 1, "berhenti", 5, "Kepala\nSeksi", 4, when,
         None, "bukan json", 2, when, when, when),
    ]
    assert ledger.state_digests(ledger.KIND_CASE, rows) == [
        ledger.state_digest(ledger.KIND_CASE, row) for row in rows]
    users = [(1, "admin", "Admin", "", None, "administrator", 1),
             (2, "siti", "Siti Ä", "1985", "Kasubbag", "pejabat", False)]
    assert ledger.state_digests(ledger.KIND_USER, users) == [
        ledger.state_digest(ledger.KIND_USER, row) for row in users]
    assert ledger.state_digests(ledger.KIND_CASE, []) == []


def test_bulk_event_hashes_with_times_shared_across_columns():
    columns = ("case_id", "action", "from_step", "to_step", "decision", "user_id",
               "position_id", "on_behalf_of_id", "at", "recorded_at", "note", "attachments",
               "seconds_taken", "due", "on_time")
    moment = dt.datetime(2026, 4, 6, 9, 10)
    text = moment.isoformat(" ")
    rows = [(1, "buka", None, 1, None, 2, None, None, text, text, "", "[]", None, None, None),
            (1, "lanjut", 1, 2, None, 2, 1, None, moment, text, "1", "[]", 60, text, True),
            (2, "lanjut", 1, 2, None, 1, 2, 1, text, moment, "Lengkap", [], 60.0, moment, 1),
            (2, "keputusan", 2, 3, "ya", 1, 2, None, "2026-04-06T09:10:00", text, "", "[]",
             0, "2026-04-06", False)]
    hashes = integrity.chain_hashes(columns, rows, previous={})
    previous: dict[int, str] = {}
    for row, digest in zip(rows, hashes, strict=True):
        expected = integrity.event_hash(previous.get(row[0]), dict(zip(columns, row, strict=True)))
        assert digest == expected
        previous[row[0]] = digest


def test_ledger_entry_text_is_the_json_of_the_entry():
    for entry in [(1, "kasus", 5, 9, "ab" * 32, "cd" * 32), (2, "pengguna", 7, None, None, "e"),
                  (3, "kasus", 8, 10, 'é "kutip"\n', "Ä"), (4, "kasus", True, 2.0, None, "x")]:
        assert ledger._entry_text(*entry) == json.dumps(list(entry), separators=(",", ":"))
    expected = hashlib.sha256(("f" * 64 + json.dumps([1, "kasus", 5, None, None, "s"],
                                                     separators=(",", ":"))).encode()).hexdigest()
    assert ledger.entry_hash("f" * 64, 1, "kasus", 5, None, None, "s") == expected


def test_due_times_counted_from_the_next_opening_and_memoised_working_days():
    from sop_desktop.domain.calendar import CalendarSettings, WorkCalendar
    from sop_desktop.domain.waktu import Waktu

    standards = [Waktu("t", 0, m, u) for u, m in (("menit", 45), ("jam", 9), ("hari", 1),
                                                     ("hari", 2.5), ("hari_kerja", 3),
                                                     ("detik", 90))]
    # a week around Christmas (a holiday) at every hour, office time and nights alike
    starts = [dt.datetime(2026, 12, 21) + dt.timedelta(minutes=50 * i) for i in range(300)]
    for settings in (CalendarSettings(), CalendarSettings(plain_hari_mode="kalender")):
        cal = WorkCalendar(settings)
        for start in starts:
            for waktu in standards:
                counted = cal.counted_from(start, waktu)
                assert cal.due(counted, waktu) == cal.due(start, waktu), (start, waktu)
                assert counted == start or counted == cal.next_opening(start)
    cal = WorkCalendar()
    assert cal.working_day_after(dt.date(2026, 12, 24), 0) == dt.date(2026, 12, 24)
    assert cal.working_day_after(dt.date(2026, 12, 24), 1) == cal.next_working_day(
        dt.date(2026, 12, 24))
    day = dt.date(2026, 12, 18)  # a Friday: the next working days skip the weekend and holidays
    expected = [day]
    for _ in range(6):
        expected.append(cal.next_working_day(expected[-1]))
    assert [cal.working_day_after(day, n) for n in range(7)] == expected
    assert [cal.working_day_after(day, n) for n in range(7)] == expected  # memoised alike
    assert dt.date(2026, 12, 25) not in expected and dt.date(2026, 12, 19) not in expected


def test_users_made_while_their_scrypt_still_runs_get_the_real_hash(services, monkeypatch):
    """The fill creates its users before the password's scrypt ends (the hash is set before
    the fill commits): every demo user signs in with the password, none keeps the placeholder."""
    import threading
    import time

    from sop_desktop.ops import demo

    real, ready = demo.hash_password, threading.Event()

    def slow(password: str) -> str:
        ready.wait(5)  # done only once the users exist
        time.sleep(0.05)
        return real(password)

    made: list[demo.DemoPeople] = []
    ensure = demo.ensure_users

    def ensure_then_release(*args, **kwargs):
        made.append(ensure(*args, **kwargs))
        ready.set()
        return made[-1]

    monkeypatch.setattr(demo, "hash_password", slow)
    monkeypatch.setattr(demo, "ensure_users", ensure_then_release)
    result = demo.fill(services, 30, seed=4, now=NOW, password="pelatihan-lambat")
    assert made[0]["pending"] and len(made[0]["pending"]) == result.users
    hashes = {u.password_hash for u in dbm.User.select()}
    assert len(hashes) == 1 and demo._PENDING_HASH not in hashes
    for user in dbm.User.select():
        assert services.users.authenticate(user.username, "pelatihan-lambat").id == user.id
