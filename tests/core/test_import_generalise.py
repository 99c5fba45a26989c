"""Lane and decision inference on SOP tables of offices the seeds do not come from.

The fixtures in tests/fixtures/import/ are synthetic tables in the extracted text layout, each
with its own lane names and abbreviations (Kasubbag Umpeg, Ka. Badan, PPK / Pejabat Pembuat
Komitmen, PPID, Sekcam / Sekretaris Kecamatan...), passive sentences, hand-offs, Y/T/X marks and
decisions written as text ("Apakah ...? Ya: ...; Tidak: ...", "kembali ke langkah 4").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sop_desktop.domain.validate import problems
from sop_desktop.importers import import_file
from tests.conftest import run_cli

FIXTURES = Path(__file__).parent.parent / "fixtures" / "import"

CASES = {
    "cuti_pegawai.txt": {
        "name": "PELAYANAN PERMOHONAN CUTI PEGAWAI",
        "nomor": "800/045/BKD/2024",
        "lanes": ["Pegawai Pemohon", "Pengelola Kepegawaian", "Pengelola Kepegawaian",
                  "Pengelola Kepegawaian", "Kasubbag Umpeg", "Sekretaris", "Ka. Badan",
                  "Pengelola Kepegawaian", "Pegawai Pemohon"],
        # 3: "apabila tidak memenuhi syarat ... dikembalikan kepada pegawai";
        # 6: "menyetujui / tidak menyetujui konsep": back to the drafting step 4
        "decisions": {3: (4, 1), 6: (7, 4)},
    },
    "pengadaan_barang.txt": {
        "name": "PENGADAAN BARANG MELALUI PENGADAAN LANGSUNG",
        "nomor": "027/11/PBJ/2023",
        "lanes": ["Unit Kerja Pengusul", "PPK", "PPK", "Pejabat Pengadaan", "Penyedia",
                  "Pejabat Pengadaan", "PPK", "Penyedia", "PPHP", "Unit Kerja Pengusul"],
        # 6: "Jika penawaran tidak memenuhi syarat, kembali ke langkah 4" (and Y/T marks)
        "decisions": {2: (3, 1), 6: (7, 4)},
    },
    "informasi_publik.txt": {
        "name": "PELAYANAN PERMOHONAN INFORMASI PUBLIK",
        "nomor": "",
        # 6 ("Menyiapkan salinan informasi" right after a decision) names no actor: flagged
        "lanes": ["Pemohon Informasi", "Petugas Meja Layanan", "Petugas Meja Layanan",
                  "Petugas Meja Layanan", "PPID Pelaksana", None, "Atasan PPID",
                  "Petugas Meja Layanan", "Pemohon Informasi"],
        # 2: "Apakah persyaratan lengkap? Ya: lanjut ke langkah 3; Tidak: ... dikembalikan";
        # 5: "Jika ya, lanjut ke langkah 6; jika tidak, ... (langkah 8)"
        "decisions": {2: (3, 1), 5: (6, 8), 7: (8, 6)},
    },
    "surat_masuk_kecamatan.txt": {
        "name": "PENGELOLAAN SURAT MASUK",
        "nomor": "045.2/07/KEC/2022",
        "lanes": ["Pengadministrasi Umum", "Pengadministrasi Umum", "Kasubbag Umpeg", "Sekcam",
                  "Camat", "Kasi Teknis", "Kasi Teknis", "Camat", "Pengadministrasi Umum"],
        "decisions": {},
    },
}


@pytest.mark.parametrize("file", sorted(CASES))
def test_lanes_and_decisions_of_unseen_tables(file):
    want = CASES[file]
    result = import_file(FIXTURES / file)
    [defn] = result.sops
    assert defn.name == want["name"] and defn.nomor == want["nomor"]
    assert [s.lane for s in defn.steps] == want["lanes"]
    decisions = {s.number: (s.yes, s.no) for s in defn.steps if s.kind == "decision"}
    assert decisions == want["decisions"]
    assert defn.steps[0].kind == "start" and defn.steps[-1].kind == "end"
    for step in defn.steps:
        if step.lane is None:
            assert "lane_unassigned" in step.flags
            assert any(w.startswith(f"langkah {step.number}: pelaksana tidak dapat") for w in
                       defn.warnings)
        else:
            assert step.note, f"langkah {step.number}: alasan pilihan pelaksana tidak dicatat"
    # once the flagged lanes are filled in, the definition is a valid SOP
    for step in defn.steps:
        step.lane = step.lane or defn.lane_names[0]
    assert problems(defn) == []


def test_why_each_lane_was_chosen_is_told():
    [defn] = import_file(FIXTURES / "cuti_pegawai.txt").sops
    assert "pasif" in defn.step(2).note  # "diterima oleh Pengelola Kepegawaian"
    assert "langkah 2" in defn.step(3).note  # goes on with what it received
    assert "menyerahkan kepada 'Kasubbag Umpeg'" in defn.step(4).note
    assert "permohonannya pada langkah 2" in defn.step(8).note  # the desk that took it
    [defn] = import_file(FIXTURES / "surat_masuk_kecamatan.txt").sops
    assert "pemberi perintah pada langkah 5" in defn.step(8).note


def test_fixture_imports_through_the_cli():
    import json

    proc = run_cli("sop", "import", str(FIXTURES / "informasi_publik.txt"), "--dry-run", "--json")
    assert proc.returncode == 0, proc.stderr
    [sop] = json.loads(proc.stdout)["sops"]
    assert [s["lane"] for s in sop["steps"]] == CASES["informasi_publik.txt"]["lanes"]
    assert {s["number"]: (s["yes"], s["no"]) for s in sop["steps"] if s["kind"] == "decision"} \
        == CASES["informasi_publik.txt"]["decisions"]


def test_seed_lanes_against_the_curated_library(seeds_dir):
    """Measured against the curated library (the right lane of every seed step): a wrong lane
    is worse than a flagged one, so precision must stay high while recall grows."""
    from sop_desktop.importers.library import load_bundled

    curated = {tuple(s.kegiatan for s in d.steps): d for d in load_bundled()}
    total = assigned = correct = 0
    for file in sorted(seeds_dir.glob("*.txt")):
        for defn in import_file(file).sops:
            truth = curated[tuple(s.kegiatan for s in defn.steps)]
            # lanes in table order: the imported name of a lane -> the curated name
            names = dict(zip(defn.lane_names, truth.lane_names, strict=False))
            for step, right in zip(defn.steps, truth.steps, strict=False):
                total += 1
                if step.lane is not None:
                    assigned += 1
                    correct += names[step.lane] == right.lane
    assert total == 155
    precision, recall = correct / assigned, correct / total
    assert precision >= 0.9, (correct, assigned)
    assert recall >= 0.75, (correct, total)
