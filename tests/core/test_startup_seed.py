"""Start-up: the bundled SOPs already stored are not parsed again (their code is read from the
file's top-level `code = "..."` line); what the peek cannot tell is loaded as before."""

from __future__ import annotations

from sop_desktop.importers.library import bundled_files, bundled_sop_dir, load
from sop_desktop.services.container import Services
from sop_desktop.storage import db as dbm


def test_the_peeked_code_of_every_bundled_file_is_the_code_it_loads_with():
    files = bundled_files()
    assert len(files) == len(list(bundled_sop_dir().glob("*.toml"))) > 0
    for path, code in files:
        assert code is not None, path
        assert load(path).code == code


def test_a_code_the_peek_cannot_be_sure_of_is_none(tmp_path):
    (tmp_path / "a.toml").write_text('# code = "KOMENTAR"\ncode = "SATU"  # kode\nname = "x"\n',
                                     encoding="utf-8")
    (tmp_path / "b.toml").write_text('name = "x"\n[identity]\ncode = "DI-TABEL"\n',
                                     encoding="utf-8")
    (tmp_path / "c.toml").write_text('code = "DUA"\ncode = "TIGA"\n', encoding="utf-8")
    (tmp_path / "d.toml").write_bytes(b'code = "\xff\xfe"\n')  # not UTF-8: load() says so
    (tmp_path / "e.toml").write_text("code = 'PETIK-TUNGGAL'\n", encoding="utf-8")
    assert [(p.name, c) for p, c in bundled_files(tmp_path)] == [
        ("a.toml", "SATU"), ("b.toml", None), ("c.toml", None), ("d.toml", None),
        ("e.toml", None)]


def test_seeding_stores_each_bundled_sop_once(db_path):
    svc = Services(str(db_path))
    codes = sorted(c for _p, c in bundled_files())
    assert svc.sops.codes() == codes
    assert svc.sops.seed_bundled() == 0  # every code is stored: nothing parsed or added
    dbm.SopVersion.delete().where(dbm.SopVersion.code == codes[0]).execute()
    assert svc.sops.seed_bundled() == 1  # a missing one is loaded and stored again
    assert svc.sops.codes() == codes
    assert svc.sops.get(codes[0]).to_dict() == {**load(next(
        p for p, c in bundled_files() if c == codes[0])).to_dict(), "version": 1}
    svc.close()
