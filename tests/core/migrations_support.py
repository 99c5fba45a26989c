"""Old schema versions in tests: a database file written as an earlier version of the app
wrote it, for the migration and restore tests."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from sop_desktop.storage import migrations
from tests.core.office_support import sample_sop


def seed_rows(con: sqlite3.Connection) -> None:
    """The rows every old-version database of these tests starts with: three positions, the
    sample SOP stored as CONTOH version 1, and an operator."""
    defn = sample_sop()
    defn.version = 1
    con.execute("INSERT INTO position (id, name, aliases, external) VALUES "
                "(1, 'Pemohon Uji', '[]', 1), (2, 'Petugas Uji', '[]', 0), (3, 'Kepala Uji', '[]', 0)")
    con.execute("INSERT INTO sop_version (id, code, version, name, definition, created_at, source) "
                "VALUES (1, 'CONTOH', 1, ?, ?, '2026-01-05 08:00:00', '')",
                (defn.name, json.dumps(defn.to_dict())))
    con.execute("INSERT INTO user (id, username, name, nip, jabatan, password_hash, role, active, "
                "failed_logins, created_at) VALUES (1, 'operator', 'Operator', '', '', 'x', "
                "'operator', 1, 0, '2026-01-05 08:00:00')")


def populate_v2(path: Path | str) -> None:
    """A version-2 database (no history.hash) with two cases whose events interleave: case 1
    open at step 2, case 2 walked to the end, one event with an attachment list and a note."""
    migrations.create_v2_database(str(path))
    con = sqlite3.connect(str(path))
    with con:
        seed_rows(con)
        con.executemany(
            "INSERT INTO cases (id, number, sop_version_id, sop_code, year, seq, status, current_step, "
            "current_lane, current_position_id, step_started_at, current_due, fields, created_by_id, "
            "created_at, recorded_at, closed_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [(1, "0001/CONTOH/III/2026", 1, "CONTOH", 2026, 1, "berjalan", 2, "Petugas Uji", 2,
              "2026-03-17 10:00:00", "2026-03-26 10:00:00", "{}", 1, "2026-03-17 09:00:00",
              "2026-03-17 09:00:00", None, "2026-03-17 10:00:00"),
             (2, "0002/CONTOH/III/2026", 1, "CONTOH", 2026, 2, "selesai", None, None, None,
              "2026-03-18 10:00:00", None, "{}", 1, "2026-03-02 09:00:00", "2026-03-02 09:00:00",
              "2026-03-18 10:00:00", "2026-03-18 10:00:00")])
        con.executemany(
            "INSERT INTO history (case_id, action, from_step, to_step, decision, user_id, "
            "position_id, at, recorded_at, note, attachments, seconds_taken, due, on_time) "
            "VALUES (?,?,?,?,?,1,?,?,?,?,?,?,?,?)",
            [(2, "buka", None, 1, None, None, "2026-03-02 09:00:00", "2026-03-02 09:00:00", "",
              "[]", None, None, None),
             (1, "buka", None, 1, None, None, "2026-03-17 09:00:00", "2026-03-17 09:00:00", "",
              "[]", None, None, None),
             (2, "lanjut", 1, 2, None, 1, "2026-03-02 10:00:00", "2026-03-02 10:00:00",
              "berkas masuk", '[{"name": "surat.pdf", "sha256": "' + "ab" * 32 + '", "size": 10}]',
              3600.0, "2026-03-02 09:10:00", 0),
             (1, "lanjut", 1, 2, None, 1, "2026-03-17 10:00:00", "2026-03-17 10:00:00", "", "[]",
              3600.0, "2026-03-17 09:10:00", 0),
             (2, "keputusan", 2, 3, "ya", 2, "2026-03-03 10:00:00", "2026-03-03 10:00:00",
              "lengkap", "[]", 86400.0, "2026-03-04 10:00:00", 1),
             (2, "lanjut", 3, 4, None, 3, "2026-03-03 11:00:00", "2026-03-03 11:00:00", "", "[]",
              3600.0, "2026-03-03 11:00:00", 1),
             (2, "lanjut", 4, None, None, 2, "2026-03-18 10:00:00", "2026-03-18 10:00:00",
              "diserahkan", "[]", 1292400.0, "2026-03-03 11:30:00", 0)])
        con.execute("INSERT INTO counter (key, year, value) VALUES ('agenda:CONTOH', 2026, 2)")
    con.close()
