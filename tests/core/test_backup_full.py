"""A backup is one file holding the database, the attachment store and the PDFs of issued
letters; a restore (on this PC or another data folder) brings all of it back and `check`
passes afterwards. Old database-only backups stay restorable."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from sop_desktop.storage import backup as bk
from sop_desktop.storage import backup_files
from sop_desktop.storage import db as dbm
from sop_desktop.storage.integrity import run_checks
from tests.conftest import run_cli
from tests.core.letters_support import open_case as letter_case
from tests.core.letters_support import setup_office
from tests.core.office_support import Office, install_sample
from tests.core.office_support import open_case as sample_case


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _move(services, office, number, files):
    case = services.cases.get(number)
    step = services.cases.definition(case).step(case.current_step)
    if step.kind == "decision":
        services.cases.decide(number, office.actor(case), "tidak", attachments=files)
    else:
        services.cases.advance(number, office.actor(case), attachments=files)


def _office_with_files(services, tmp_path: Path) -> dict:
    """Ten real attachments on a case and one issued letter (its PDF in the store)."""
    install_sample(services)
    office = Office(services)
    number = sample_case(services, office, "CONTOH")
    wanted = {}
    for i in range(10):
        path = tmp_path / "masuk" / f"scan-{i}.pdf"
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(b"%PDF-1.4 lampiran " + str(i).encode() * (1000 + i * 700))
        wanted[_sha(path.read_bytes())] = path.read_bytes()
    paths = sorted((tmp_path / "masuk").iterdir())
    for start in range(0, 10, 2):
        _move(services, office, number, paths[start:start + 2])
    setup = setup_office(services)
    letter = letter_case(services, setup["op"], "YANKOMAS-KANWIL", reach="surat-rekomendasi")
    setup["letters"].issue(letter, "surat-rekomendasi", setup["op"], signer="kakanwil",
                           out=tmp_path / "rekomendasi.pdf")
    pdf = (tmp_path / "rekomendasi.pdf").read_bytes()
    assert dbm.OutgoingLetter.get().file_sha256 == _sha(pdf)
    wanted[_sha(pdf)] = pdf
    return {"files": wanted, "letter_pdf": _sha(pdf), "case": number}


def _store_files(store: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in store.glob("??/*") if p.is_file()}


def test_backup_restored_on_another_pc_brings_back_attachments_and_letters(services, tmp_path):
    made = _office_with_files(services, tmp_path)
    full = bk.create_backup(services, tmp_path / "usb" / "kantor-penuh.sqlite3")
    services.close()
    conn = sqlite3.connect(full)
    assert backup_files.files_size(conn) == sum(len(d) for d in made["files"].values())
    conn.close()

    other = tmp_path / "pc2"
    env = {"SOP_DESKTOP_HOME": str(other / "home")}
    db2 = other / "data" / "kantor.sqlite3"
    restored = run_cli("--db", str(db2), "restore", str(full), "--json", env=env)
    assert restored.returncode == 0, restored.stderr
    from sop_desktop.services.attachments import store_dir_for

    store2 = store_dir_for(str(db2))
    got = _store_files(store2)
    assert set(made["files"]) <= set(got)
    for sha, data in made["files"].items():
        assert got[sha] == data
    assert made["letter_pdf"] in got  # the issued letter's PDF, byte for byte
    checked = run_cli("--db", str(db2), "check", "--json", env=env)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    attachments = [c for c in json.loads(checked.stdout)["checks"] if c["check"] == "attachments"]
    assert attachments and attachments[0]["ok"]
    # the restored database carries no packed files any more (VACUUM gave the room back)
    conn = sqlite3.connect(db2)
    assert not backup_files.carries_files(conn)
    conn.close()
    assert db2.stat().st_size < full.stat().st_size


def test_restore_over_this_pc_sets_newer_files_aside_and_check_passes(services, tmp_path):
    made = _office_with_files(services, tmp_path)
    full = bk.create_backup(services, tmp_path / "usb" / "kantor-penuh.sqlite3")
    store = Path(services.attachments.store.root)
    later = tmp_path / "masuk" / "sesudah-cadangan.pdf"
    later.write_bytes(b"%PDF-1.4 ditambahkan sesudah cadangan")
    office = Office.__new__(Office)  # the same users, looked up again
    office.services, office.operator = services, services.users.get("operator")
    office.holders = {p.id: h[0] for p in services.positions.all()
                      if (h := services.users.holders(p))}
    _move(services, office, made["case"], [later])
    assert _sha(later.read_bytes()) in _store_files(store)

    before = bk.restore(services, full)

    files = _store_files(store)
    assert set(files) == set(made["files"]) and _sha(later.read_bytes()) not in files
    aside = list(store.parent.glob(store.name + ".sebelum-pemulihan-*"))
    assert len(aside) == 1 and (aside[0] / _sha(later.read_bytes())[:2]).is_dir()
    assert all(f.ok for f in run_checks(services)), [f.to_dict() for f in run_checks(services)]
    conn = sqlite3.connect(before)  # the pre-restore backup holds the newer file too
    assert _sha(later.read_bytes()) in backup_files.referenced_files(conn)
    assert backup_files.files_size(conn) > backup_files.files_size(sqlite3.connect(full))
    conn.close()


def test_a_damaged_packed_file_stops_the_restore_before_anything_changes(services, tmp_path):
    made = _office_with_files(services, tmp_path)
    full = bk.create_backup(services, tmp_path / "usb" / "kantor-penuh.sqlite3")
    conn = sqlite3.connect(full)
    with conn:
        conn.execute(f'UPDATE "{backup_files.CHUNKS}" SET data = ? WHERE rowid = '
                     f'(SELECT MIN(rowid) FROM "{backup_files.CHUNKS}")', (b"diubah",))
    conn.close()
    other = tmp_path / "pc2" / "kantor.sqlite3"
    with pytest.raises(bk.BackupError) as err:
        bk.recover_damaged(other, full)
    assert "rusak" in str(err.value)
    assert not other.exists()
    assert len(made["files"]) == 11


def test_an_old_database_only_backup_still_restores(services, tmp_path):
    _office_with_files(services, tmp_path)
    cases = dbm.Case.select().count()
    old = bk.sqlite_backup(services.db.database, tmp_path / "lama.sqlite3")
    conn = sqlite3.connect(old)  # what a backup made before this change holds: no files
    with conn:
        conn.execute(f'DROP TABLE "{backup_files.CHUNKS}"')
        conn.execute(f'DROP TABLE "{backup_files.FILES}"')
    conn.execute("VACUUM")
    conn.close()
    services.close()
    other = tmp_path / "pc3"
    env = {"SOP_DESKTOP_HOME": str(other / "home")}
    db3 = other / "kantor.sqlite3"
    restored = run_cli("--db", str(db3), "restore", str(old), env=env)
    assert restored.returncode == 0, restored.stderr
    conn = sqlite3.connect(db3)
    assert conn.execute('SELECT count(*) FROM "cases"').fetchone()[0] == cases
    conn.close()
    checked = run_cli("--db", str(db3), "check", env=env)
    assert checked.returncode == 1 and "berkas lampiran hilang" in checked.stdout  # said plainly


def test_postgresql_dump_carries_the_files_too(pg_services, tmp_path):
    import shutil

    made = _office_with_files(pg_services, tmp_path)
    store = Path(pg_services.attachments.store.root)
    dump = bk.create_backup(pg_services, tmp_path / "usb" / "kantor.sopdump")
    shutil.rmtree(store)  # another PC: its own, empty attachment store
    bk.restore(pg_services, dump)
    files = _store_files(store)
    assert set(files) == set(made["files"])
    assert all(files[sha] == data for sha, data in made["files"].items())
    findings = run_checks(pg_services)
    assert all(f.ok for f in findings), [f.to_dict() for f in findings if not f.ok]
