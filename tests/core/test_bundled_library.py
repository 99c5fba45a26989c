"""The curated bundled SOP library: 18 SOPs of the seeds, each valid, every step with its lane."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest
import tomli_w

from sop_desktop.domain.model import FIELD_TYPES, IDENTITY_LISTS
from sop_desktop.domain.waktu import parse_waktu
from sop_desktop.errors import ValidationError
from sop_desktop.importers import library
from tests.conftest import run_cli

# The step counts of shared/seeds/README.md ("SOP (NAMA SOP)" -> "steps"); the fragment keeps 2.
README_STEPS = {
    "Inovasi SI PAHAM (Sistem Pelaporan Aksi HAM)": 9,
    "Kegiatan Pelayanan Komunikasi Masyarakat (Yankomas)": 12,
    "Kegiatan Diseminasi Hak Asasi Manusia": 8,
    "Kegiatan Penilaian Kabupaten/Kota Peduli HAM": 2,
    "Kegiatan Capaian Aksi HAM Pemerintah Daerah": 6,
    "Percepatan Pelayanan Research and Work Internship melalui SIGAP-SUMSEL": 8,
    "Penyusunan Pagu Anggaran": 9,
    "Pelaksanaan Monev (SMART DJA, e-Monev Bappenas, TARJA, e-Performance)": 9,
    "Pengumpulan Data Capaian Kinerja": 9,
    "Penyusunan Perjanjian Kinerja": 9,
    "Penyusunan Rencana Strategis (Renstra)": 10,
    "Penyusunan Rencana Kerja Tahunan": 9,
    "Penyusunan Sasaran Kinerja Pegawai (SKP)": 10,
    "Layanan Keimigrasian Warga Negara Asing melalui Pesan Elektronik": 18,
    "Permohonan Izin Magang dan Penelitian": 6,
    "Permohonan Surat Keterangan Selesai Penelitian dan Sertifikat Magang": 6,
    "Pemberian Hak Akses Sistem Aplikasi": 8,
    "Pelayanan Komunikasi Masyarakat": 7,
}


@pytest.fixture(scope="module")
def bundled():
    return library.load_bundled()


def _by_code(bundled, code):
    return next(d for d in bundled if d.code == code)


def test_eighteen_valid_sops_with_the_readme_step_counts(bundled):
    assert {d.name: len(d.steps) for d in bundled} == README_STEPS
    codes = [d.code for d in bundled]
    assert len(set(codes)) == 18
    for defn in bundled:
        assert re.fullmatch(r"[A-Z0-9]+(-[A-Z0-9]+)*", defn.code)
        assert (library.bundled_sop_dir() / f"{defn.code.lower()}.toml").is_file()


def test_readme_table_matches_the_library(bundled, seeds_dir):
    """The seeds README is the spec: every row's name and step count is in the library."""
    rows = [line.split("|") for line in (seeds_dir / "README.md").read_text(encoding="utf-8").splitlines()
            if line.startswith("| 00")]
    table = {}
    for cells in rows:
        name, steps = cells[2].strip(), cells[5].strip()
        match = re.match(r"\d+", steps)
        table[name] = int(match.group()) if match else None  # the fragment row has no count
    assert len(table) == 18
    have = {d.name: d for d in bundled}
    for name, count in table.items():
        assert name in have, name
        if count is None:
            assert have[name].incomplete
        else:
            assert len(have[name].steps) == count, name


def test_every_step_has_a_lane_and_every_decision_both_branches(bundled):
    for defn in bundled:
        lanes = set(defn.lane_names)
        numbers = {s.number for s in defn.steps}
        assert defn.steps[0].kind == "start" and defn.steps[-1].kind == "end", defn.code
        for step in defn.steps:
            assert step.lane in lanes, (defn.code, step.number)
            assert set(step.co_lanes) <= lanes and step.lane not in step.co_lanes, (defn.code, step.number)
            if step.kind == "decision":
                assert step.yes in numbers and step.no in numbers and step.yes != step.no
                assert step.note, f"{defn.code} langkah {step.number}: keputusan tanpa catatan"
            else:
                assert step.yes is None and step.no is None
        # every lane of the table does something (as the lane or a co-lane of some step)
        acting = {s.lane for s in defn.steps} | {c for s in defn.steps for c in s.co_lanes}
        if not defn.incomplete:
            assert acting == lanes, (defn.code, lanes - acting)


def test_decisions_follow_the_text(bundled):
    """Branches read from the seeds: 'dikembalikan kepada X', Y/T marks, 'menyetujui / tidak'."""
    sigap = _by_code(bundled, "SIGAP-MAGANG")
    step2 = sigap.step(2)
    assert step2.kind == "decision" and "dikembalikan kepada Admin User" in step2.kegiatan
    assert sigap.step(step2.no).lane == "Admin User"
    step3 = sigap.step(3)
    assert step3.kind == "decision" and sigap.step(step3.no).lane == "Admin Kanwil"

    yankomas = _by_code(bundled, "YANKOMAS-KANWIL")
    for step in yankomas.steps:
        if "tidak menyetujui" in step.kegiatan:
            assert step.kind == "decision" and step.no < step.number

    monev = _by_code(bundled, "MONEV")
    assert [s.number for s in monev.steps if s.kind == "decision"] == [2, 8]


def test_exactly_one_fragment(bundled):
    fragments = [d for d in bundled if d.incomplete]
    assert len(fragments) == 1
    fragment = fragments[0]
    assert [s.number for s in fragment.steps] == [12, 13]
    assert "PENGGALAN" in fragment.notes


def test_step_numbers_are_kept_as_printed(bundled):
    for code in ("IZIN-MAGANG", "SELESAI-PENELITIAN"):
        assert [s.number for s in _by_code(bundled, code).steps] == [1, 2, 3, 4, 5, 7]


def test_every_waktu_parses_and_is_kept_as_written(bundled):
    empty = []
    for defn in bundled:
        for step in defn.steps:
            if step.waktu is None:
                empty.append(defn.code)
                continue
            assert parse_waktu(step.waktu.text) == step.waktu
    # only the SI PAHAM table has empty waktu cells
    assert set(empty) == {"SIPAHAM-BALANGAN"}
    texts = {s.waktu.text for d in bundled for s in d.steps if s.waktu}
    # spellings of the seeds stay as printed
    assert {"5 Hari Kerja", "480 Menit", "30 detik", "1-4 hari", "60-120 menit"} <= texts


def test_identity_pages_are_copied(bundled):
    for defn in bundled:
        ident = defn.identity
        if ident.disahkan_nip:
            assert re.fullmatch(r"\d{18}", ident.disahkan_nip), defn.code
        for key in IDENTITY_LISTS:
            for item in getattr(ident, key):
                assert item.strip() and "<" not in item and not re.match(r"^(\d+\.?|-|[a-g]\.)\s", item)
    skp = _by_code(bundled, "SKP")
    assert skp.identity.nomor == "W.6-0028.OT.02.02 TAHUN 2022"
    assert len(skp.identity.dasar_hukum) == 8 and skp.identity.hierarchy[-1] == "KANTOR WILAYAH SUMATERA SELATAN"
    rkt = _by_code(bundled, "RKT")
    assert len(rkt.identity.dasar_hukum) == 9  # a run-together <ol> list split into its items
    # two different SOPs share one number; the code, not the number, is the key
    shared = [d.code for d in bundled if d.nomor == "W.6.OT.02.02-0136"]
    assert sorted(shared) == ["IZIN-MAGANG", "SIGAP-MAGANG"]


def test_kegiatan_text_is_the_seed_text(bundled, seeds_dir):
    """Each step's kegiatan and waktu occur on one row of the seed file it names."""
    for defn in bundled:
        name = re.search(r"seeds/(\S+\.txt)", defn.source).group(1)
        text = (seeds_dir / name).read_text(encoding="utf-8")
        rows = [re.sub(r"</?[a-z][^>]*>", "", line) for line in text.splitlines()]
        for step in defn.steps:
            hits = [r for r in rows if re.match(rf"{step.number}\.?\t", r) and step.kegiatan in " ".join(r.split())]
            assert hits, (defn.code, step.number)
            if step.waktu:
                assert f"\t{step.waktu.text}\t" in hits[0] + "\t", (defn.code, step.number)


def test_intake_fields(bundled):
    for defn in bundled:
        keys = [f.key for f in defn.fields]
        assert keys and len(keys) == len(set(keys)) and all(f.type in FIELD_TYPES for f in defn.fields)
        for f in defn.fields:
            assert (f.type == "choice") == bool(f.choices), (defn.code, f.key)
    for code in ("YANKOMAS-KANWIL", "YANKOMAS-BENGKULU"):
        fields = {f.key: f for f in _by_code(bundled, code).fields}
        assert fields["nama_pengadu"].required and fields["pokok_aduan"].required
        assert fields["nik"].type == "nik" and fields["telepon"].type == "phone"
        assert len(fields["hak_dilanggar"].choices) == 10 and fields["tanggal_surat_masuk"].type == "date"
    for code in ("PAGU-ANGGARAN", "MONEV", "SKP", "RKT"):
        fields = {f.key: f for f in _by_code(bundled, code).fields}
        assert fields["perihal"].required and fields["tahun"].type == "integer" and fields["tahun"].required
    magang = {f.key: f for f in _by_code(bundled, "IZIN-MAGANG").fields}
    assert magang["instansi"].label == "Instansi / Perguruan Tinggi" and magang["jumlah_peserta"].type == "integer"
    akses = {f.key: f for f in _by_code(bundled, "HAK-AKSES-APLIKASI").fields}
    assert akses["aplikasi"].required and akses["pemohon"].required


def test_every_bundled_file_round_trips(bundled, tmp_path):
    for defn in bundled:
        path = tmp_path / f"{defn.code.lower()}.toml"
        library.save(defn, path)
        again = library.load(path)
        assert again.to_dict() | {"source": ""} == defn.to_dict() | {"source": ""}


def test_cli_lists_the_bundled_library(tmp_path):
    db = tmp_path / "baru.sqlite3"
    result = run_cli("--db", str(db), "sop", "list", "--json")
    assert result.returncode == 0, result.stderr
    listing = json.loads(result.stdout)
    assert {item["name"]: item["step_count"] for item in listing} == README_STEPS
    assert [item["code"] for item in listing if item["incomplete"]] == ["KABKOTA-PEDULI-HAM"]


# ---------------------------------------------------------------- broken copies


def _broken_copy(tmp_path: Path, code: str, change) -> Path:
    source = library.bundled_sop_dir() / f"{code.lower()}.toml"
    doc = tomllib.loads(source.read_text(encoding="utf-8"))
    change(doc)
    path = tmp_path / f"rusak-{code.lower()}.toml"
    path.write_text(tomli_w.dumps(doc, multiline_strings=True), encoding="utf-8")
    return path


def _step(doc, number):
    return next(s for s in doc["steps"] if s["number"] == number)


def _load_error(path: Path) -> str:
    with pytest.raises(ValidationError) as info:
        library.load(path)
    return str(info.value)


def test_unknown_lane_names_file_and_field(tmp_path):
    path = _broken_copy(tmp_path, "YANKOMAS-KANWIL", lambda d: _step(d, 3).update(lane="Kabid Hukum"))
    message = _load_error(path)
    assert str(path) in message and "steps[3].lane" in message and "Kabid Hukum" in message


def test_unknown_co_lane_names_file_and_field(tmp_path):
    path = _broken_copy(tmp_path, "SKP", lambda d: _step(d, 5).update(co_lanes=["JFU", "Staf"]))
    message = _load_error(path)
    assert path.name in message and "steps[5].co_lanes" in message and "Staf" in message


def test_missing_target_step_names_file_and_field(tmp_path):
    path = _broken_copy(tmp_path, "YANKOMAS-KANWIL", lambda d: _step(d, 6).update(no=99))
    message = _load_error(path)
    assert path.name in message and "steps[6].no" in message and "99" in message


def test_decision_without_both_branches(tmp_path):
    path = _broken_copy(tmp_path, "SIGAP-MAGANG", lambda d: _step(d, 3).pop("no"))
    message = _load_error(path)
    assert path.name in message and "steps[3].no" in message and "Ya dan Tidak" in message


def test_loop_with_no_way_to_the_end(tmp_path):
    # the approval of the recommendation letter sends both answers back to its drafting
    path = _broken_copy(tmp_path, "YANKOMAS-KANWIL", lambda d: _step(d, 9).update(yes=8, no=8))
    message = _load_error(path)
    assert path.name in message and "tanpa jalan menuju" in message
    stuck = re.search(r"steps\[([\d, ]+)\]: alur berputar", message).group(1)
    assert [int(n) for n in stuck.split(",")] == list(range(1, 10))


def test_unreadable_waktu_names_file_and_step(tmp_path):
    path = _broken_copy(tmp_path, "PAGU-ANGGARAN", lambda d: _step(d, 5).update(waktu="tiga hari"))
    message = _load_error(path)
    assert path.name in message and "langkah 5" in message and "tiga hari" in message
