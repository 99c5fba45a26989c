"""Attachments: stored beside the database by SHA-256, checked on read, exported safely."""

from __future__ import annotations

import hashlib

import pytest

from sop_desktop.services.attachments import AttachmentCorrupt, AttachmentStore, safe_file_name, store_dir_for
from tests.core.office_support import Office, field_values, install_sample


def test_store_lives_beside_the_database(services, db_path):
    assert services.attachments.store.root == db_path.parent / "sop-lampiran"
    assert store_dir_for("postgresql://u@h/db").name == "lampiran"


def test_add_names_by_hash_and_reads_back_checked(tmp_path):
    store = AttachmentStore(tmp_path / "lampiran")
    src = tmp_path / "Surat Aduan.pdf"
    src.write_bytes(b"%PDF isi surat")
    stored = store.add(src)
    sha = hashlib.sha256(b"%PDF isi surat").hexdigest()
    assert stored.sha256 == sha and stored.name == "Surat Aduan.pdf" and stored.size == 14
    assert store.path_of(sha) == tmp_path / "lampiran" / sha[:2] / sha
    assert store.read(sha) == b"%PDF isi surat"
    assert store.add(src).sha256 == sha  # the same content is stored once
    store.path_of(sha).write_bytes(b"diubah diam-diam")
    with pytest.raises(AttachmentCorrupt):
        store.read(sha)


@pytest.mark.parametrize("name,expected", [
    ("../../etc/passwd", "passwd"),
    ("..\\..\\Windows\\system.ini", "system.ini"),
    ("CON.txt", "_CON.txt"),
    ("lpt1", "_lpt1"),
    ('a<b>c:"d|e?f*.pdf', "a_b_c__d_e_f_.pdf"),
    ("..", "lampiran"),
    ("  surat.  ", "surat"),
])
def test_safe_file_names(name, expected):
    assert safe_file_name(name) == expected


def test_export_stays_inside_the_folder_and_never_overwrites(tmp_path):
    store = AttachmentStore(tmp_path / "lampiran")
    stored = store.add_bytes(b"isi", "../../keluar.txt")
    out = tmp_path / "ekspor"
    out.mkdir()
    first = store.export(stored.sha256, "../../keluar.txt", out)
    second = store.export(stored.sha256, "../../keluar.txt", out)
    assert first == out / "keluar.txt" and second == out / "keluar (2).txt"
    assert first.read_bytes() == b"isi"
    assert not (tmp_path / "keluar.txt").exists()


def test_attachments_of_a_step_are_kept_with_the_history(services, tmp_path):
    install_sample(services)
    office = Office(services)
    number = services.cases.open_case("CONTOH", office.operator,
                                      field_values(services.sops.get("CONTOH")),
                                      intake_done=False).numbers[0]
    src = tmp_path / "formulir.pdf"
    src.write_bytes(b"formulir isian")
    services.cases.advance(number, office.operator, note="berkas diterima", attachments=[src])
    case = services.cases.get(number)
    event = services.cases.last_event(case)
    assert event.attachments == [{"sha256": hashlib.sha256(b"formulir isian").hexdigest(),
                                  "name": "formulir.pdf", "size": 14}]
    rows = services.attachments.for_case(case)
    assert [(r.name, r.history_id) for r in rows] == [("formulir.pdf", event.id)]
    out = tmp_path / "keluar"
    out.mkdir()
    assert services.attachments.export(rows[0], out).read_bytes() == b"formulir isian"
    with pytest.raises(Exception, match="tidak ditemukan"):  # by one who may act: rights come first
        services.cases.decide(number, office.actor(case), "ya",
                              attachments=[tmp_path / "hilang.pdf"])
