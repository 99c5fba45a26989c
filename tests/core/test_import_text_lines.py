"""The text and TOML importers keep where each step was read (its lines, quoted) and whether
its lane was only inferred from the narrative, for the import review (issue 15)."""

from __future__ import annotations

from pathlib import Path

from sop_desktop.importers import import_text, read_sop_file
from sop_desktop.importers.library import bundled_sop_dir, dumps, load
from sop_desktop.importers.text_source import MAX_QUOTED, SourceLines, quote, toml_origins
from tests.conftest import SEEDS

FIXTURES = Path(__file__).parent.parent / "fixtures" / "import"


def _origins(path: Path) -> tuple[list, list[list[SourceLines | None]]]:
    result = read_sop_file(path)
    assert result.text_origins is not None
    return result.sops, result.text_origins


def test_each_step_quotes_its_own_row_and_says_whether_its_lane_was_a_guess():
    [defn], [origins] = _origins(FIXTURES / "informasi_publik.txt")
    lines = (FIXTURES / "informasi_publik.txt").read_text(encoding="utf-8").splitlines()
    assert len(origins) == len(defn.steps)
    for step, origin in zip(defn.steps, origins, strict=True):
        assert origin is not None
        assert origin.text == "\n".join(lines[origin.first - 1:origin.last])
        assert origin.text.split("\t")[0] == str(step.number)
        assert step.kegiatan[:30] in origin.text
    guessed = {s.number for s, o in zip(defn.steps, origins, strict=True) if o.lane_guessed}
    # 1 and 9 have MULAI / SELESAI in their lane's column; 6 has no lane at all (marked as
    # missing, not as a guess); the others' lanes come from their sentences (step 5's Y and
    # T only mark the branches)
    assert guessed == {2, 3, 4, 5, 7, 8}
    assert defn.step(6).lane is None


def test_a_row_with_lines_under_it_quotes_them_too():
    [defn], [origins] = _origins(FIXTURES / "robust_romawi_dua_baris.txt")
    spans = [(o.first, o.last) for o in origins]
    assert spans == [(7, 7), (8, 9), (10, 10), (11, 11)]  # step 2's Y/T labels a line below
    assert origins[1].text.splitlines()[1].split() == ["T", "Y"]
    assert not any(o.lane_guessed for o in origins)  # every lane has its X


def test_several_sops_in_one_file_each_get_their_own_lines():
    sops, origins = _origins(SEEDS / "001_cf2c3cfdffebc010.txt")
    assert len(origins) == len(sops) >= 2
    firsts = []
    for defn, rows in zip(sops, origins, strict=True):
        assert len(rows) == len(defn.steps)
        firsts.append([o.first for o in rows])
        assert firsts[-1] == sorted(firsts[-1])
    assert firsts[1][0] > firsts[0][-1]  # the second SOP starts below the first one's rows


def test_blank_lines_and_the_text_after_the_table_are_not_quoted():
    text = ("STANDAR OPERASIONAL PROSEDUR\nPENGARSIPAN SURAT\n\n"
            "No\tKegiatan\tPelaksana\t\tMutu Baku\t\t\n"
            "\t\tSekretaris\tKepala Dinas\tKelengkapan\tWaktu\tOutput\n"
            "1\tSekretaris menerima surat\tMulai\t\tSurat\t10 menit\tSurat\n"
            "\tdan mencatatnya di buku agenda\t\t\t\t\t\n\n"
            "2\tKepala Dinas memberi disposisi\t\tSelesai\tSurat\t1 hari\tDisposisi\n\n\n"
            "Ditetapkan di Palembang\n")
    result = import_text(text, "pengarsipan.txt")
    [origins] = result.text_origins
    assert [(o.first, o.last) for o in origins] == [(6, 7), (9, 9)]
    assert origins[0].text.endswith("dan mencatatnya di buku agenda\t\t\t\t\t")


def test_a_toml_step_is_its_steps_block(tmp_path):
    want = load(bundled_sop_dir() / "rkt.toml")
    path = tmp_path / "rkt.toml"
    path.write_text(dumps(want), encoding="utf-8")
    [defn], [origins] = _origins(path)
    assert len(origins) == len(defn.steps)
    for step, origin in zip(defn.steps, origins, strict=True):
        assert origin is not None and not origin.lane_guessed
        block = origin.text.splitlines()
        assert block[0] == "[[steps]]" and f"number = {step.number}" in block
        assert block[-1].strip()  # no trailing blank line


def test_a_toml_file_with_inline_steps_has_no_lines_to_quote():
    defn = load(bundled_sop_dir() / "rkt.toml")
    text = 'name = "x"\nsteps = [{ number = 1, kegiatan = "a" }]\n'
    assert toml_origins(text, defn) == [[None] * len(defn.steps)]


def test_a_runaway_row_is_quoted_only_up_to_the_limit():
    text = "\n".join(f"baris {i}" for i in range(1, 200))
    [[origin, outside]] = quote(text, [[SourceLines(3, 150, lane_guessed=True),
                                        SourceLines(500, 501)]])
    assert origin is not None and origin.lane_guessed
    assert (origin.first, origin.last) == (3, 3 + MAX_QUOTED - 1)
    assert origin.text.splitlines()[0] == "baris 3" and outside is None
