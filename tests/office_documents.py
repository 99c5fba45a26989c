"""The Word/Excel fixture documents (tests/fixtures/documents, made by make_documents.py) and
the check of an import against a document's key."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import ROOT

DOCUMENTS = ROOT / "tests" / "fixtures" / "documents"


def keys(suffix: str, several: bool = False) -> list[dict]:
    """The keys of the documents of one kind (".docx", ".xlsx"), by file name: those of one
    SOP, or with `several` those of documents holding several SOPs (key["sops"])."""
    out = []
    for path in sorted(DOCUMENTS.glob("*.json")):
        key = json.loads(path.read_text(encoding="utf-8"))
        if key["document"].endswith(suffix) and ("sops" in key) == several:
            out.append(key)
    return out


def key_named(name: str) -> dict:
    """The key of one fixture document by its file name (e.g. "monev.docx")."""
    path = DOCUMENTS / (Path(name).stem + ".json")
    key = json.loads(path.read_text(encoding="utf-8"))
    assert key["document"] == name, (name, key["document"])
    return key


def document(key: dict, suffix: str | None = None) -> Path:
    name = key["document"] if suffix is None else Path(key["document"]).stem + suffix
    return DOCUMENTS / name


def mismatches(result, key: dict) -> list[str]:
    """Every way an import differs from the key (empty when it matches); a key with "sops"
    is checked SOP by SOP, in document order."""
    wanted = key.get("sops", [key])
    if len(result.sops) != len(wanted):
        return [f"{len(result.sops)} SOP terbaca, bukan {len(wanted)}"]
    return [f"SOP {n}: {m}" if len(wanted) > 1 else m
            for n, (defn, want) in enumerate(zip(result.sops, wanted, strict=True), 1)
            for m in _sop_mismatches(defn, want)]


def _sop_mismatches(defn, key: dict) -> list[str]:
    """Every way one imported SOP differs from its key."""
    out = []
    if defn.name != key["name"]:
        out.append(f"nama {defn.name!r} != {key['name']!r}")
    if defn.identity.nomor != key["nomor"]:
        out.append(f"nomor {defn.identity.nomor!r} != {key['nomor']!r}")
    if defn.lane_names != key["lanes"]:
        out.append(f"pelaksana {defn.lane_names} != {key['lanes']}")
    numbers = [s.number for s in defn.steps]
    if numbers != [s["number"] for s in key["steps"]]:
        out.append(f"langkah {numbers}")
    got = {s.number: s for s in defn.steps}
    for want in key["steps"]:
        step = got.get(want["number"])
        if step is None:
            continue
        seen = {"lane": step.lane, "co_lanes": step.co_lanes, "kind": step.kind,
                "yes": step.yes, "no": step.no, "output": step.output,
                "waktu": step.waktu.text if step.waktu else None}
        for field, value in seen.items():
            if value != want[field]:
                out.append(f"langkah {want['number']} {field}: {value!r} != {want[field]!r}")
    return out
