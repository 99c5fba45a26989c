"""SOPs are versioned data: a revised import is a new version, earlier versions stay readable."""

import copy

from sop_desktop import library
from sop_desktop.model import IntakeField, Lane, SopDefinition, Step
from sop_desktop.waktu import parse_waktu


def _sop(name="Pelayanan Contoh", nomor="X.1-01") -> SopDefinition:
    defn = SopDefinition(name=name, lanes=[Lane("Pemohon"), Lane("Petugas")],
                         fields=[IntakeField("pemohon", "Pemohon", "text", True)])
    defn.identity.nomor = nomor
    defn.steps = [
        Step(1, "Menyampaikan permohonan", "Pemohon", kind="start", waktu=parse_waktu("10 menit")),
        Step(2, "Memeriksa permohonan", "Petugas", kind="decision", yes=3, no=1,
             waktu=parse_waktu("1 hari")),
        Step(3, "Menyerahkan hasil", "Petugas", kind="end"),
    ]
    return defn


def test_import_creates_versions_and_keeps_old_ones(services):
    first, created = services.sops.save_import(_sop())
    assert created and first.version == 1 and first.code
    same, created = services.sops.save_import(_sop())
    assert not created and same.version == 1

    revised = _sop()
    revised.steps[1].waktu = parse_waktu("2 hari")
    second, created = services.sops.save_import(revised)
    assert created and second.code == first.code and second.version == 2
    assert services.sops.versions(first.code) == [1, 2]
    assert services.sops.get(first.code, 1).steps[1].waktu.text == "1 hari"
    assert services.sops.get(first.code).steps[1].waktu.text == "2 hari"


def test_same_name_other_nomor_is_another_sop(services):
    a, _ = services.sops.save_import(_sop(nomor="A-1"))
    b, _ = services.sops.save_import(_sop(nomor="B-2"))
    assert a.code != b.code


def test_toml_round_trip(tmp_path):
    defn = _sop()
    defn.code = "CONTOH"
    defn.steps[1].note = "Tidak: kembali ke pemohon (teks: 'dikembalikan')"
    path = tmp_path / "contoh.toml"
    library.save(defn, path)
    text = path.read_text(encoding="utf-8")
    assert 'waktu = "1 hari"' in text and "[[steps]]" in text
    loaded = library.load(path)
    assert loaded.to_dict() | {"source": ""} == defn.to_dict() | {"source": ""}


def test_toml_errors_name_file_and_field(tmp_path):
    defn = _sop()
    defn.code = "CONTOH"
    path = tmp_path / "rusak.toml"
    bad = copy.deepcopy(defn)
    bad.steps[2].lane = "Tidak Ada"
    library.save(bad, path)
    try:
        library.load(path)
    except Exception as exc:  # noqa: BLE001 - asserting the message below
        assert "rusak.toml" in str(exc) and "steps[3].lane" in str(exc)
    else:
        raise AssertionError("unknown lane accepted")
    path.write_text(path.read_text().replace('waktu = "1 hari"', 'waktu = "sebentar"'))
    try:
        library.load(path)
    except Exception as exc:  # noqa: BLE001
        assert "rusak.toml" in str(exc) and "sebentar" in str(exc) and "langkah 2" in str(exc)
    else:
        raise AssertionError("bad waktu accepted")
