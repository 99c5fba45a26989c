"""A person's corrections of what an import read, checked by the core before they are applied.

The import review screen lets a person fix a step's kegiatan, waktu and output and the SOP's
name before Simpan. Each correction is checked here (the waktu by the same parser the rest of
the product uses); a bad value raises ValidationError with an Indonesian sentence and leaves
the definition as it was. Nothing here stores anything.
"""

from __future__ import annotations

import copy

from sop_desktop.domain.model import SopDefinition, Step
from sop_desktop.domain.waktu import parse_waktu
from sop_desktop.errors import ValidationError

TEXT_FIELDS = ("kegiatan", "waktu", "output")
WAKTU_UNREADABLE = "waktu_unreadable"  # the importer's flag on a step whose waktu it could not read


def step_text(step: Step, name: str) -> str:
    """The text a person edits for one of TEXT_FIELDS of a step."""
    if name == "waktu":
        return step.waktu.text if step.waktu is not None else ""
    return str(getattr(step, name))


def correct_step(step: Step, name: str, text: str) -> None:
    """Set field `name` (one of TEXT_FIELDS) of `step` from what a person typed; raise
    ValidationError (the step unchanged) when the value is not valid."""
    where = f"langkah {step.number}"
    if name == "kegiatan":
        clean = text.strip()
        if not clean:
            raise ValidationError(f"{where}: kegiatan tidak boleh kosong")
        step.kegiatan = clean
    elif name == "waktu":
        step.waktu = parse_waktu(text, where=where)
        if WAKTU_UNREADABLE in step.flags:
            step.flags.remove(WAKTU_UNREADABLE)  # a person has written a readable standard
    elif name == "output":
        step.output = text.strip()
    else:
        raise ValueError(f"unknown step field {name!r}")


def check_step(step: Step, name: str, text: str) -> None:
    """Raise ValidationError when correct_step would refuse `text`; `step` is not changed."""
    correct_step(copy.deepcopy(step), name, text)


def rename_sop(defn: SopDefinition, text: str) -> None:
    """Set the SOP's name from what a person typed; ValidationError when it is empty."""
    clean = " ".join(text.split())
    if not clean:
        raise ValidationError("nama SOP tidak boleh kosong")
    defn.name = clean


__all__ = ["TEXT_FIELDS", "WAKTU_UNREADABLE", "check_step", "correct_step", "rename_sop",
           "step_text"]
