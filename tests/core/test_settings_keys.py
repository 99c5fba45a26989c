"""Every office setting declared once (sop_desktop.settings), and schema 7 moving the rows of
the keys renamed to the one dotted style."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

from sop_desktop import settings
from sop_desktop.services import numbering, office
from sop_desktop.storage import db as dbm
from sop_desktop.storage import migrations
from sop_desktop.storage.calendar_settings import load_calendar_settings

ROOT = Path(__file__).resolve().parent.parent.parent


def test_every_key_is_declared_once_in_the_dotted_style():
    keys = [s.key for s in settings.ALL]
    assert len(keys) == len(set(keys))
    assert all(re.fullmatch(r"[a-z]+\.[a-z_]+", k) for k in keys), keys
    assert set(settings.RENAMED.values()) <= set(keys)
    assert not set(settings.RENAMED) & set(keys)


def test_no_module_reads_a_setting_by_a_string_of_its_own():
    """get_setting/set_setting with a literal key anywhere in the core or the window is a key
    declared outside sop_desktop.settings."""
    literal = re.compile(r"(get_setting|set_setting)\(\s*['\"]")
    found = [f"{p.relative_to(ROOT)}" for folder in ("sop_desktop", "ui")
             for p in (ROOT / folder).rglob("*.py") if literal.search(p.read_text(encoding="utf-8"))]
    assert found == []


def test_read_gives_a_fresh_default_and_write_round_trips(services):
    codes = dbm.read_setting(settings.AGENDA_CODES)
    codes["X"] = "changed"  # a caller changing the default it got changes nothing else
    assert dbm.read_setting(settings.AGENDA_CODES) == {}
    assert dbm.read_setting(settings.DUE_SOON_HOURS) == 24
    assert numbering.agenda_pattern() == settings.AGENDA_PATTERN.default
    dbm.write_setting(settings.DUE_SOON_HOURS, 6.5)
    assert dbm.read_setting(settings.DUE_SOON_HOURS) == 6.5
    assert services.cases.due_soon_window().total_seconds() == 6.5 * 3600


def _v6_with_old_keys(path: Path) -> None:
    """A schema-6 file whose settings were written under the former key names."""
    from sop_desktop.services.container import Services

    with Services(str(path), seed=False) as svc:
        svc.db.execute_sql('DELETE FROM "setting"')
        svc.db.execute_sql("UPDATE meta SET value='6' WHERE key='schema_version'")
    con = sqlite3.connect(str(path))
    with con:
        con.executemany('INSERT INTO "setting" ("key", "value") VALUES (?, ?)', [
            ("office_profile", json.dumps({"kantor": "Kantor Wilayah Uji", "kota": "Bengkulu"})),
            ("calendar", json.dumps({"plain_hari_mode": "kalender"})),
            ("report_signer", json.dumps({"jabatan": "Kepala", "nama": "Ibu Uji", "nip": ""})),
            ("letter_numbering", json.dumps({"kode_kantor": "W.7"})),
            ("reports.signer", json.dumps({"jabatan": "Kepala Baru", "nama": "", "nip": ""})),
        ])
    con.close()


def test_schema_7_moves_the_former_keys_and_the_office_keeps_its_settings(tmp_path):
    from sop_desktop.letters import numbering as letter_numbers
    from sop_desktop.services.container import Services

    path = tmp_path / "lama.sqlite3"
    _v6_with_old_keys(path)
    with Services(str(path), seed=False) as svc:
        assert migrations.current_version(svc.db) == migrations.SCHEMA_VERSION >= 7
        stored = {r[0] for r in svc.db.execute_sql('SELECT "key" FROM "setting"').fetchall()}
        assert stored == {"office.profile", "office.calendar", "reports.signer", "letters.numbering"}
        assert office.load().kantor == "Kantor Wilayah Uji"
        assert load_calendar_settings().plain_hari_mode == "kalender"
        assert letter_numbers.load_config().kode_kantor == "W.7"
        # a row already under the new key wins over the former one
        assert dbm.read_setting(settings.REPORT_SIGNER)["jabatan"] == "Kepala Baru"


def test_schema_7_on_postgresql(pg_services):
    from sop_desktop.services.container import Services

    db = pg_services.db
    db.execute_sql('DELETE FROM "setting"')
    db.execute_sql("UPDATE meta SET value='6' WHERE key='schema_version'")
    db.execute_sql('INSERT INTO "setting" ("key", "value") VALUES (%s, %s), (%s, %s)',
                   ("office_profile", json.dumps({"kantor": "Kantor Wilayah Uji"}),
                    "calendar", json.dumps({"plain_hari_mode": "kalender"})))
    pg_services.close()
    with Services(pg_services.target, seed=False) as svc:
        assert migrations.current_version(svc.db) == migrations.SCHEMA_VERSION >= 7
        stored = {r[0] for r in svc.db.execute_sql('SELECT "key" FROM "setting"').fetchall()}
        assert stored == {"office.profile", "office.calendar"}
        assert office.load().kantor == "Kantor Wilayah Uji"
