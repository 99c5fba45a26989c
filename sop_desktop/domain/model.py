"""The SOP model: identity page, lanes (pelaksana), steps with mutu baku, intake fields.

Plain dataclasses with a JSON-shaped dict form (`to_dict` / `from_dict`) used by the CLI,
the bundled TOML files and the database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sop_desktop.domain.waktu import Waktu

STEP_KINDS = ("start", "process", "decision", "end")
FIELD_TYPES = ("text", "textarea", "nik", "nip", "phone", "email", "date", "integer", "choice")

IDENTITY_LISTS = (
    "dasar_hukum",
    "kualifikasi_pelaksana",
    "keterkaitan",
    "peralatan_perlengkapan",
    "peringatan",
    "pencatatan_pendataan",
)
IDENTITY_LABELS = {
    "nomor": "NOMOR SOP",
    "tanggal_pembuatan": "TGL. PEMBUATAN",
    "tanggal_revisi": "TGL. REVISI",
    "tanggal_efektif": "TGL. EFEKTIF",
    "disahkan_oleh": "DISAHKAN OLEH",
    "nama": "NAMA SOP",
    "dasar_hukum": "DASAR HUKUM",
    "kualifikasi_pelaksana": "KUALIFIKASI PELAKSANA",
    "keterkaitan": "KETERKAITAN",
    "peralatan_perlengkapan": "PERALATAN/PERLENGKAPAN",
    "peringatan": "PERINGATAN",
    "pencatatan_pendataan": "PENCATATAN DAN PENDATAAN",
}


@dataclass
class Identity:
    """The identity page (identitas SOP)."""

    nomor: str = ""
    tanggal_pembuatan: str = ""
    tanggal_revisi: str = ""
    tanggal_efektif: str = ""
    disahkan_jabatan: str = ""
    disahkan_nama: str = ""
    disahkan_nip: str = ""
    hierarchy: list[str] = field(default_factory=list)  # kementerian, kanwil, divisi, bagian...
    dasar_hukum: list[str] = field(default_factory=list)
    kualifikasi_pelaksana: list[str] = field(default_factory=list)
    keterkaitan: list[str] = field(default_factory=list)
    peralatan_perlengkapan: list[str] = field(default_factory=list)
    peringatan: list[str] = field(default_factory=list)
    pencatatan_pendataan: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {k: (list(v) if isinstance(v, list) else v) for k, v in self.__dict__.items()}

    @classmethod
    def from_dict(cls, data: dict | None) -> Identity:
        data = data or {}
        known = {k: data[k] for k in cls.__dataclass_fields__ if k in data}
        return cls(**known)


@dataclass
class Lane:
    """One pelaksana column; `position` names the office position it maps to (or None)."""

    name: str
    position: str | None = None

    def to_dict(self) -> dict:
        return {"name": self.name, "position": self.position}


@dataclass
class Step:
    """One kegiatan row. `number` is the number printed in the table."""

    number: int
    kegiatan: str
    lane: str | None = None
    co_lanes: list[str] = field(default_factory=list)
    kind: str = "process"
    kelengkapan: str = ""
    waktu: Waktu | None = None
    output: str = ""
    keterangan: str = ""
    yes: int | None = None  # decision: the step reached on Ya
    no: int | None = None  # decision: the step reached on Tidak
    note: str = ""  # curation note: how lane / decision were chosen when the text is not evident
    flags: list[str] = field(default_factory=list)  # e.g. "lane_unassigned"

    def to_dict(self) -> dict:
        return {
            "number": self.number,
            "kegiatan": self.kegiatan,
            "lane": self.lane,
            "co_lanes": list(self.co_lanes),
            "kind": self.kind,
            "kelengkapan": self.kelengkapan,
            "waktu": self.waktu.to_dict() if self.waktu else None,
            "output": self.output,
            "keterangan": self.keterangan,
            "yes": self.yes,
            "no": self.no,
            "note": self.note,
            "flags": list(self.flags),
        }

    @classmethod
    def from_dict(cls, data: dict) -> Step:
        return cls(
            number=int(data["number"]),
            kegiatan=str(data.get("kegiatan", "")),
            lane=data.get("lane") or None,
            co_lanes=list(data.get("co_lanes") or []),
            kind=str(data.get("kind") or "process"),
            kelengkapan=str(data.get("kelengkapan") or ""),
            waktu=Waktu.from_dict(data.get("waktu")),
            output=str(data.get("output") or ""),
            keterangan=str(data.get("keterangan") or ""),
            yes=_opt_int(data.get("yes")),
            no=_opt_int(data.get("no")),
            note=str(data.get("note") or ""),
            flags=list(data.get("flags") or []),
        )


@dataclass
class IntakeField:
    """What a clerk records when a case starts."""

    key: str
    label: str
    type: str = "text"
    required: bool = False
    choices: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        out = {"key": self.key, "label": self.label, "type": self.type, "required": self.required}
        if self.choices:
            out["choices"] = list(self.choices)
        return out

    @classmethod
    def from_dict(cls, data: dict) -> IntakeField:
        return cls(
            key=str(data["key"]),
            label=str(data.get("label") or data["key"]),
            type=str(data.get("type") or "text"),
            required=bool(data.get("required", False)),
            choices=list(data.get("choices") or []),
        )


DEFAULT_FIELDS = (
    IntakeField("perihal", "Perihal", "text", True),
    IntakeField("tahun", "Tahun", "integer", True),
)


@dataclass
class SopDefinition:
    """A whole SOP: identity, lanes in table order, steps in table order, intake fields."""

    name: str
    identity: Identity = field(default_factory=Identity)
    lanes: list[Lane] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)
    fields: list[IntakeField] = field(default_factory=list)
    code: str = ""
    version: int = 1
    incomplete: bool = False  # a fragment (e.g. its first page lost)
    warnings: list[str] = field(default_factory=list)
    source: str = ""  # file (and line) it came from
    notes: str = ""  # curation notes for the whole SOP

    @property
    def nomor(self) -> str:
        return self.identity.nomor

    @property
    def lane_names(self) -> list[str]:
        return [lane.name for lane in self.lanes]

    def step(self, number: int) -> Step:
        for step in self.steps:
            if step.number == number:
                return step
        raise KeyError(number)

    def step_index(self, number: int) -> int:
        for i, step in enumerate(self.steps):
            if step.number == number:
                return i
        raise KeyError(number)

    def next_step(self, number: int) -> Step | None:
        """The step after `number` in table order (the flow of a process step)."""
        i = self.step_index(number)
        return self.steps[i + 1] if i + 1 < len(self.steps) else None

    def successors(self, step: Step) -> list[int]:
        """Where the flow may go from `step`: Ya/Tidak for a decision, else the next row."""
        if step.kind == "decision":
            return [n for n in (step.yes, step.no) if n is not None]
        if step.kind == "end":
            return []
        nxt = self.next_step(step.number)
        return [nxt.number] if nxt else []

    def lane_of(self, name: str | None) -> Lane | None:
        for lane in self.lanes:
            if lane.name == name:
                return lane
        return None

    def to_dict(self) -> dict:
        return {
            "code": self.code,
            "version": self.version,
            "name": self.name,
            "nomor": self.identity.nomor,
            "identity": self.identity.to_dict(),
            "lanes": self.lane_names,
            "lane_positions": {lane.name: lane.position for lane in self.lanes},
            "steps": [s.to_dict() for s in self.steps],
            "fields": [f.to_dict() for f in self.fields],
            "incomplete": self.incomplete,
            "warnings": list(self.warnings),
            "source": self.source,
            "notes": self.notes,
        }

    @classmethod
    def from_dict(cls, data: dict) -> SopDefinition:
        positions = data.get("lane_positions") or {}
        lanes = []
        for item in data.get("lanes") or []:
            if isinstance(item, dict):
                lanes.append(Lane(str(item["name"]), item.get("position") or None))
            else:
                lanes.append(Lane(str(item), positions.get(item) or None))
        identity = Identity.from_dict(data.get("identity"))
        if data.get("nomor") and not identity.nomor:
            identity.nomor = str(data["nomor"])
        return cls(
            name=str(data.get("name") or ""),
            identity=identity,
            lanes=lanes,
            steps=[Step.from_dict(s) for s in data.get("steps") or []],
            fields=[IntakeField.from_dict(f) for f in data.get("fields") or []],
            code=str(data.get("code") or ""),
            version=int(data.get("version") or 1),
            incomplete=bool(data.get("incomplete", False)),
            warnings=list(data.get("warnings") or []),
            source=str(data.get("source") or ""),
            notes=str(data.get("notes") or ""),
        )


def _opt_int(value: Any) -> int | None:
    if value is None or value == "":
        return None
    return int(value)
