"""Importers in tests: what every import must end in, a consistent result or one clear
refusal (shared by the fuzz tests of every reader)."""

from __future__ import annotations

import json
from collections.abc import Callable
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from sop_desktop.domain.model import STEP_KINDS, SopDefinition
from sop_desktop.domain.validate import problems
from sop_desktop.errors import SopError


def check_result(result) -> None:
    """An import that succeeded gave consistent SOPs."""
    assert result.sops
    for defn in result.sops:
        assert isinstance(defn, SopDefinition)
        again = SopDefinition.from_dict(defn.to_dict())
        assert again.to_dict() == defn.to_dict()
        assert defn.name and defn.steps and defn.lanes
        names = set(defn.lane_names)
        assert len(names) == len(defn.lanes)
        numbers = {s.number for s in defn.steps}
        for step in defn.steps:
            assert step.kind in STEP_KINDS
            assert step.lane is None or step.lane in names
            assert all(c in names for c in step.co_lanes)
            assert (step.lane is None) == ("lane_unassigned" in step.flags)
            if step.kind == "decision":
                assert step.yes in numbers and step.no in numbers
        if len(numbers) == len(defn.steps):  # repeated numbers are kept, with a warning
            assert problems(defn, require_lanes=False) == [], defn.name
        assert all(isinstance(w, str) and w for w in defn.warnings)
    assert all(isinstance(w, str) for w in result.warnings)


def check_refusal(exc: SopError) -> None:
    """A refusal is one short line, never a traceback."""
    message = str(exc)
    assert message and "\n" not in message and "Traceback" not in message
    assert len(message) < 2000


def run_one(fn: Callable[..., Any], *args: Any) -> str:
    """-> "ok" or "refused"; any other exception fails the test."""
    try:
        result = fn(*args)
    except SopError as exc:
        check_refusal(exc)
        return "refused"
    check_result(result)
    return "ok"


def chars_found(a: str, b: str) -> tuple[int, int]:
    """(characters of `a`, of them found in order in `b`), spaces collapsed."""
    a, b = " ".join(a.split()), " ".join(b.split())
    return len(a), sum(m.size for m in SequenceMatcher(None, a, b, autojunk=False)
                       .get_matching_blocks())


def char_accuracy(expected: list[str], got: list[str]) -> float:
    """Share of the expected characters (spaces collapsed) found in order in what was read
    (the measure the scan tests assert and benchmarks/bench_scan.py reports)."""
    total = matched = 0
    for a, b in zip(expected, got, strict=False):
        n, m = chars_found(a, b)
        total, matched = total + n, matched + m
    total += sum(len(a) for a in expected[len(got):])
    return matched / max(1, total)


def document_key(source: str) -> dict:
    """The hand key of a fixture document: tests/fixtures/documents/<source> as .json."""
    path = (Path(__file__).parent.parent / "fixtures" / "documents" / source).with_suffix(".json")
    return json.loads(path.read_text(encoding="utf-8"))


def reads_as_bundled(result, stem: str) -> None:
    """Assert that an import reads one SOP with the lanes, and the steps' numbers, lanes and
    kinds, of the bundled SOP `stem` (resources/sops/STEM.toml)."""
    from sop_desktop.importers.library import bundled_sop_dir, load

    defn = load(bundled_sop_dir() / f"{stem}.toml")
    assert len(result.sops) == 1
    read = result.sops[0]
    assert read.lane_names == [lane.name for lane in defn.lanes]
    assert [(s.number, s.lane, s.kind) for s in read.steps] == \
        [(s.number, s.lane, s.kind) for s in defn.steps]


def key_misses(result, key: dict) -> list[str]:
    """How an import result differs from a hand key (tests/fixtures/import/unseen/<name>.json):
    identity, lanes in order, step numbers and per step kegiatan, lanes, kind, Ya/Tidak
    targets, output and waktu. [] when it reads to its key."""
    from sop_desktop.domain.waktu import read_waktu

    def waktu(text: str | None) -> tuple | None:
        reading = read_waktu(text) if text else None
        if reading is None or reading.waktu is None:
            return None
        return reading.waktu.min, reading.waktu.max, reading.waktu.unit

    if len(result.sops) != 1:
        return [f"{len(result.sops)} SOP terbaca"]
    defn = result.sops[0]
    out = []
    if (defn.name, defn.identity.nomor) != (key["name"], key["nomor"]):
        out.append(f"identitas {defn.name!r} {defn.identity.nomor!r}")
    if defn.lane_names != key["lanes"]:
        out.append(f"pelaksana {defn.lane_names}")
    if [s.number for s in defn.steps] != [s["number"] for s in key["steps"]]:
        return out + [f"langkah {[s.number for s in defn.steps]}"]
    for step, want in zip(defn.steps, key["steps"], strict=True):
        got = {"kegiatan": " ".join(step.kegiatan.split()), "lane": step.lane,
               "co_lanes": step.co_lanes, "kind": step.kind, "yes": step.yes, "no": step.no,
               "output": " ".join(step.output.split()),
               "waktu": (step.waktu.min, step.waktu.max, step.waktu.unit) if step.waktu
               else None}
        expected = dict(want, waktu=waktu(want["waktu"]))
        out += [f"langkah {step.number} {field}: {value!r} != {expected[field]!r}"
                for field, value in got.items() if value != expected[field]]
    return out
