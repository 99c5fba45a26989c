"""The SOP library files: one human-readable TOML file per SOP, validated on load.

The bundled library lives in resources/sops/; an office administrator may edit those files
in a text editor. Waktu is written as its text ("15 menit") and parsed on load.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sop_desktop.domain.model import SopDefinition
from sop_desktop.domain.validate import problems
from sop_desktop.domain.waktu import parse_waktu
from sop_desktop.errors import ValidationError
from sop_desktop.importers.bundled import bundled_files as bundled_files  # (light: issue 19)
from sop_desktop.importers.bundled import bundled_sop_dir as bundled_sop_dir

_STEP_ORDER = ("number", "kegiatan", "lane", "co_lanes", "kind", "yes", "no", "kelengkapan",
               "waktu", "output", "keterangan", "note", "flags")


def to_toml_dict(defn: SopDefinition) -> dict:
    """The file form of a definition: waktu as text, no empty optional keys."""
    doc: dict = {"code": defn.code, "name": defn.name}
    if defn.incomplete:
        doc["incomplete"] = True
    if defn.notes:
        doc["notes"] = defn.notes
    if defn.source:
        doc["source"] = defn.source
    if defn.warnings:
        doc["warnings"] = list(defn.warnings)
    doc["identity"] = defn.identity.to_dict()
    doc["lanes"] = [{k: v for k, v in lane.to_dict().items() if v is not None} for lane in defn.lanes]
    doc["fields"] = [f.to_dict() for f in defn.fields]
    steps = []
    for step in defn.steps:
        raw = step.to_dict()
        raw["waktu"] = step.waktu.text if step.waktu else ""
        item = {}
        for key in _STEP_ORDER:
            value = raw.get(key)
            if value is None or value == [] or (value == "" and key in ("note",)):
                continue
            item[key] = value
        steps.append(item)
    doc["steps"] = steps
    return doc


def dumps(defn: SopDefinition) -> str:
    """The TOML text of a definition (its file form)."""
    import tomli_w  # deferred on purpose: start-up reads the bundled codes without TOML (issue 19)

    return tomli_w.dumps(to_toml_dict(defn), multiline_strings=True)


def save(defn: SopDefinition, path: Path) -> None:
    """Write atomically: a crash never leaves half a file."""
    path = Path(path)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(dumps(defn), encoding="utf-8")
    tmp.replace(path)


def loads(text: str, *, source: str = "<teks>", validate: bool = True) -> SopDefinition:
    """Parse and validate one SOP file; every error names the file and the field."""
    import tomllib  # deferred on purpose: start-up reads the bundled codes without TOML (issue 19)

    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ValidationError(f"{source}: berkas TOML tidak valid ({exc})") from None
    if not isinstance(doc.get("steps"), list) or not doc.get("name"):
        raise ValidationError(f"{source}: bukan berkas SOP (harus memiliki 'name' dan [[steps]])")
    name = doc.get("name")
    steps = []
    for i, raw in enumerate(doc["steps"]):
        if not isinstance(raw, dict) or "number" not in raw:
            raise ValidationError(f"{source}: steps[{i}]: 'number' wajib diisi")
        raw = dict(raw)
        raw["waktu"] = _waktu_dict(raw.get("waktu"), f"{source}: SOP '{name}', langkah {raw['number']}")
        steps.append(raw)
    doc = dict(doc, steps=steps)
    try:
        defn = SopDefinition.from_dict(doc)
    except (TypeError, ValueError, KeyError) as exc:
        raise ValidationError(f"{source}: isi tidak valid ({exc})") from None
    if not defn.source:
        defn.source = source
    if validate:
        found = problems(defn)
        if found:
            raise ValidationError(f"{source}: " + "; ".join(found))
    return defn


def _waktu_dict(value: object, where: str) -> dict[str, Any] | None:
    """A step's waktu as the dict the model reads: typed text parsed, a table kept as it is."""
    if value is None or value == "":
        return None
    if isinstance(value, dict):
        return value
    parsed = parse_waktu(str(value), where=where)
    return parsed.to_dict() if parsed else None


def load(path: Path, *, validate: bool = True) -> SopDefinition:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValidationError(f"{path}: tidak dapat dibaca ({exc})") from None
    return loads(text, source=str(path), validate=validate)


def load_bundled(directory: Path | None = None) -> list[SopDefinition]:
    """All bundled SOPs, sorted by code."""
    directory = directory or bundled_sop_dir()
    return [load(p) for p in sorted(Path(directory).glob("*.toml"))]
