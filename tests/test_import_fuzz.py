"""Mutated seed text and random bytes end in ImportFailed/SopError or a valid SopDefinition.

Seeded and bounded: the same few hundred inputs on every run.
"""

from __future__ import annotations

import random

from sop_desktop.errors import SopError
from sop_desktop.importers import import_file, import_text
from sop_desktop.model import STEP_KINDS, SopDefinition
from tests.conftest import SEEDS

SEED_FILES = ["000_8efce2505d78da7b.txt", "001_cf2c3cfdffebc010.txt", "003_859cd7a664e7f978.txt",
              "004_344aa2d2252aadda.txt"]
NOISE = ["\t", "\t\t", " ", "1.", "12", "MULAI", "Y", "T", "[Red Box]", "No", "Kegiatan",
         "MUTU BAKU", "Waktu", "Output", "DASAR HUKUM :", "<ol>", "<li>", "**", "*", ":", "-",
         "5 menit", "1-2 hari", "\u00a0", "é", "\u200b", "NIP. 1965", "apabila tidak", "kepada"]


def _mutate(rng: random.Random, text: str) -> str:
    lines = text.split("\n")
    for _ in range(rng.randint(1, 6)):
        if not lines:
            lines = [""]
        op = rng.randrange(7)
        i = rng.randrange(len(lines))
        if op == 0:
            del lines[i]
        elif op == 1:
            lines.insert(i, lines[rng.randrange(len(lines))])
        elif op == 2:
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == 3 and lines[i]:
            k = rng.randrange(len(lines[i]) + 1)
            lines[i] = lines[i][:k] + rng.choice(NOISE) + lines[i][k:]
        elif op == 4:
            cells = lines[i].split("\t")
            rng.shuffle(cells)
            lines[i] = "\t".join(cells)
        elif op == 5 and lines[i]:
            k = rng.randrange(len(lines[i]))
            lines[i] = lines[i][:k]
        else:
            lines = lines[: rng.randrange(len(lines) + 1)]
    return "\n".join(lines)


def _check(result) -> None:
    for defn in result.sops:
        assert isinstance(defn, SopDefinition)
        again = SopDefinition.from_dict(defn.to_dict())
        assert again.to_dict() == defn.to_dict()
        assert defn.steps and defn.lanes
        names = set(defn.lane_names)
        assert len(names) == len(defn.lanes)
        numbers = {s.number for s in defn.steps}
        for step in defn.steps:
            assert step.kind in STEP_KINDS
            assert step.lane is None or step.lane in names
            assert all(c in names for c in step.co_lanes)
            if step.kind == "decision":
                assert step.yes in numbers and step.no in numbers
    assert all(isinstance(w, str) for w in result.warnings)


def test_mutated_seed_text_never_crashes():
    rng = random.Random(20240611)
    texts = [(SEEDS / name).read_text(encoding="utf-8") for name in SEED_FILES]
    outcomes = {"ok": 0, "refused": 0}
    for n in range(300):
        text = _mutate(rng, rng.choice(texts))
        try:
            result = import_text(text, source=f"fuzz{n}.txt")
        except SopError as exc:
            message = str(exc)
            assert message and "\n" not in message and "Traceback" not in message
            outcomes["refused"] += 1
            continue
        _check(result)
        outcomes["ok"] += 1
    # the mutations are mild enough that most inputs still import, and some are refused
    assert outcomes["ok"] > 100 and outcomes["refused"] > 0


def test_random_bytes_never_crash(tmp_path):
    rng = random.Random(7)
    for n in range(120):
        size = rng.randint(0, 3000)
        kind = n % 4
        if kind == 0:
            data = bytes(rng.randrange(256) for _ in range(size))
        elif kind == 1:  # printable junk with tabs and newlines
            data = "".join(rng.choice("ab1. \t\nNoKegiatanMULAIY") for _ in range(size)).encode()
        elif kind == 2:  # a zip header followed by junk
            data = b"PK\x03\x04" + bytes(rng.randrange(256) for _ in range(size))
        else:  # a real seed with random bytes spliced in
            seed = (SEEDS / rng.choice(SEED_FILES)).read_bytes()
            k = rng.randrange(len(seed))
            junk = bytes(rng.randrange(256) for _ in range(rng.randint(1, 40)))
            data = seed[:k] + junk + seed[k:]
        path = tmp_path / f"acak{n}{'.xlsx' if kind == 2 and n % 8 == 2 else '.txt'}"
        path.write_bytes(data)
        try:
            result = import_file(path)
        except SopError as exc:
            assert str(exc) and "\n" not in str(exc)
            continue
        _check(result)


def test_damaged_workbooks_never_crash(tmp_path):
    import io

    from openpyxl import Workbook

    wb = Workbook()
    for line in (SEEDS / "004_344aa2d2252aadda.txt").read_text(encoding="utf-8").splitlines():
        wb.active.append(line.split("\t") if line.strip() else [])
    buf = io.BytesIO()
    wb.save(buf)
    good = buf.getvalue()
    path = tmp_path / "rusak.xlsx"
    path.write_bytes(good)
    _check(import_file(path))
    rng = random.Random(11)
    for _ in range(60):
        data = bytearray(good)
        for _ in range(rng.randint(1, 10)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        path.write_bytes(bytes(data))
        try:
            result = import_file(path)
        except SopError as exc:
            assert str(exc).startswith("rusak.xlsx") and "\n" not in str(exc)
            continue
        _check(result)
