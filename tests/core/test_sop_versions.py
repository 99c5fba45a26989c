"""SOPs are versioned data: a revised import is a new version, earlier versions stay readable."""

import copy

from sop_desktop.domain.model import IntakeField, Lane, SopDefinition, Step
from sop_desktop.domain.waktu import parse_waktu
from sop_desktop.importers import library


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
    first, created = services.sops.save_import(_sop()).value
    assert created and first.version == 1 and first.code
    same, created = services.sops.save_import(_sop()).value
    assert not created and same.version == 1

    revised = _sop()
    revised.steps[1].waktu = parse_waktu("2 hari")
    second, created = services.sops.save_import(revised).value
    assert created and second.code == first.code and second.version == 2
    assert services.sops.versions(first.code) == [1, 2]
    assert services.sops.get(first.code, 1).steps[1].waktu.text == "1 hari"
    assert services.sops.get(first.code).steps[1].waktu.text == "2 hari"


def test_same_name_other_nomor_is_another_sop(services):
    a, _ = services.sops.save_import(_sop(nomor="A-1")).value
    b, _ = services.sops.save_import(_sop(nomor="B-2")).value
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


# -- matching an import to the SOP it revises ------------------------------------------------------

import json  # noqa: E402

import pytest  # noqa: E402

from sop_desktop.importers import import_file  # noqa: E402
from sop_desktop.services.sops import match_existing, name_similarity  # noqa: E402
from tests.conftest import SEEDS, run_cli  # noqa: E402
from tests.core.office_support import Office, field_values, install_sample, walk  # noqa: E402


def test_every_seed_sop_matches_its_curated_sop(services, seeds_dir):
    """The printed NAMA SOP differs from the curated name in five SOPs ("DI LINGKUNGAN ...",
    "(Yankomas)", "HAK ASASI MANUSIA" / "HAM"), two SOPs share one nomor, and two offices both
    have a "Pelayanan Komunikasi Masyarakat": each seed SOP still finds its own curated SOP."""
    library = services.sops.latest_all()
    by_steps = {tuple(s.kegiatan for s in d.steps): d.code for d in library}
    renamed = 0
    for file in sorted(seeds_dir.glob("*.txt")):
        for defn in import_file(file).sops:
            want = by_steps[tuple(s.kegiatan for s in defn.steps)]
            found = match_existing(defn, library)
            assert found.code == want, (defn.name, found)
            assert not found.warnings
            renamed += services.sops.get(want).name.lower() != defn.name.lower()
    assert renamed == 5


def test_name_similarity_reads_office_suffixes_and_abbreviations():
    assert name_similarity("PERMOHONAN IZIN MAGANG DAN PENELITIAN DI LINGKUNGAN KANTOR WILAYAH X",
                           "Permohonan Izin Magang dan Penelitian") == 1.0
    assert name_similarity("KEGIATAN DISEMINASI HAK ASASI MANUSIA", "Diseminasi HAM") == 1.0
    assert name_similarity("Penyusunan Rencana Strategis", "Penyusunan Rencana Kerja Tahunan") < 0.8


def _revised(defn):
    revised = copy.deepcopy(defn)
    revised.code, revised.version = "", 1
    revised.steps[0].kegiatan += " (revisi)"
    return revised


def test_look_alikes_are_never_merged_silently(services):
    bengkulu = services.sops.get("YANKOMAS-BENGKULU")
    # another office's SOP of the same name, no nomor, other steps: which one is not evident
    other = _revised(bengkulu)
    other.identity.nomor = ""
    other.identity.hierarchy = []
    other.steps = [Step(1, "Menerima pengunjung di ruang layanan", kind="start"),
                   Step(2, "Mengarahkan pengunjung ke loket terkait", kind="end")]
    stored, created = services.sops.save_import(other).value
    assert created and stored.version == 1
    assert stored.code not in ("YANKOMAS-BENGKULU", "YANKOMAS-KANWIL")
    assert any("nama mirip beberapa SOP" in w for w in stored.warnings)
    # same name, another nomor: a new SOP too, with the look-alike named
    other = _revised(bengkulu)
    other.identity.nomor = "W.9.OT.02.01-10"
    stored, created = services.sops.save_import(other).value
    assert stored.code != "YANKOMAS-BENGKULU" and stored.version == 1
    assert any("--code YANKOMAS-BENGKULU" in w for w in stored.warnings)
    # the same nomor with a plainly different name is not a revision either
    other = _revised(bengkulu)
    other.name = "Pengelolaan Barang Milik Negara"
    assert match_existing(other, services.sops.latest_all()).code is None


def test_revision_without_nomor_follows_its_steps(services):
    kanwil = services.sops.get("YANKOMAS-KANWIL")
    revised = _revised(kanwil)
    revised.name = "PELAYANAN KOMUNIKASI MASYARAKAT"  # Bengkulu's name, Kanwil's steps
    stored, created = services.sops.save_import(revised).value
    assert created and (stored.code, stored.version) == ("YANKOMAS-KANWIL", 2)


def test_a_running_case_keeps_its_version(services):
    defn = install_sample(services)
    office = Office(services)
    started = services.cases.open_case(defn.code, office.operator, field_values(defn)).numbers[0]
    revised = copy.deepcopy(services.sops.get(defn.code))
    revised.steps[2].kegiatan = "Menyetujui permohonan dan menandatangani surat"
    revised.steps[2].waktu = parse_waktu("2 jam")
    stored, created = services.sops.save_import(revised).value
    assert created and stored.version == 2 and stored.code == defn.code
    case = services.cases.get(started)
    assert services.cases.definition(case).version == 1
    assert services.cases.definition(case).step(3).kegiatan == "Menyetujui permohonan"
    later = services.cases.open_case(defn.code, office.operator, field_values(defn)).numbers[0]
    assert services.cases.definition(services.cases.get(later)).version == 2
    assert walk(services, office, started).status == "selesai"
    assert services.cases.definition(services.cases.get(started)).version == 1


def _cli(db, *args):
    proc = run_cli("--db", str(db), *args)
    return proc.returncode, proc.stdout, proc.stderr


@pytest.mark.slow
def test_cli_import_stores_versions_and_shows_each(tmp_path):
    db = tmp_path / "sop.db"
    seed = SEEDS / "004_344aa2d2252aadda.txt"
    code, out, err = _cli(db, "sop", "import", str(seed), "--json")
    assert code == 0, err
    assert json.loads(out)["stored"] == [{"code": "YANKOMAS-BENGKULU", "version": 2,
                                          "created": True}]
    code, out, err = _cli(db, "sop", "import", str(seed), "--json")  # same again: no new version
    assert json.loads(out)["stored"][0] == {"code": "YANKOMAS-BENGKULU", "version": 2,
                                            "created": False}
    revised = tmp_path / "bengkulu-revisi.txt"
    revised.write_text(seed.read_text(encoding="utf-8").replace("22 hari", "20 hari"),
                       encoding="utf-8")
    code, out, err = _cli(db, "sop", "import", str(revised))
    assert code == 0 and "YANKOMAS-BENGKULU versi 3" in out, err
    code, out, err = _cli(db, "sop", "show", "YANKOMAS-BENGKULU", "--json")
    latest = json.loads(out)
    assert latest["version"] == 3 and latest["steps"][-1]["waktu"]["text"] == "20 hari"
    code, out, err = _cli(db, "sop", "show", "YANKOMAS-BENGKULU", "--version", "1", "--json")
    first = json.loads(out)
    assert first["version"] == 1 and first["steps"][-1]["waktu"]["text"] == "22 hari"
    assert first["steps"][0]["lane"] == "Masyarakat" and first["notes"]  # the curated one
    code, out, err = _cli(db, "sop", "versions", "YANKOMAS-BENGKULU", "--json")
    assert [v["version"] for v in json.loads(out)] == [1, 2, 3]
    code, out, err = _cli(db, "sop", "show", "YANKOMAS-BENGKULU", "--version", "9")
    assert code == 1 and err.strip() == ("Kesalahan: SOP 'YANKOMAS-BENGKULU' versi 9 tidak "
                                         "ditemukan (lihat: sop-desktop sop list)")
    # forcing: --new makes another SOP, --code a version of the named one
    code, out, err = _cli(db, "sop", "import", str(revised), "--new", "--json")
    assert json.loads(out)["stored"][0]["version"] == 1
    assert json.loads(out)["stored"][0]["code"] != "YANKOMAS-BENGKULU"
    code, out, err = _cli(db, "sop", "import", str(revised), "--code", "TIDAK-ADA")
    assert code == 1 and "TIDAK-ADA" in err and "Traceback" not in err


def test_two_sops_of_one_file_never_become_one(tmp_path, capsys, seeds_dir):
    from sop_desktop.cli import main

    text = (seeds_dir / "004_344aa2d2252aadda.txt").read_text(encoding="utf-8")
    both = tmp_path / "dua.txt"
    both.write_text(text + "\n\n" + text.replace("22 hari", "21 hari"), encoding="utf-8")
    assert main(["--db", str(tmp_path / "sop.db"), "sop", "import", str(both), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    first, second = out["stored"]
    assert (first["code"], first["version"]) == ("YANKOMAS-BENGKULU", 2)
    assert second["code"] != "YANKOMAS-BENGKULU" and second["version"] == 1
    assert any("sudah menjadi versi barunya" in w for w in out["sops"][1]["warnings"])
