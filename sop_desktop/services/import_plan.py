"""The one import policy of the window and the CLI (issue 14): where each SOP read from a file
goes (a new SOP, or a new version of a stored one), what the matching could not decide, and the
saving of that plan.

The SOPs of one file never become versions of one SOP: a second SOP matching the same stored SOP
is planned as a new SOP, with a note. Saving keeps what both front ends did before: one
transaction per SOP (`SopService.save_import`), so an SOP refused halfway through a file leaves
the SOPs saved before it stored.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sop_desktop.domain.model import SopDefinition
from sop_desktop.services.changes import Changes, Outcome
from sop_desktop.services.sops import SavedSop, SopService, match_existing


def twin_note(code: str) -> str:
    """The note of an SOP that would revise what another SOP of its file already revises."""
    return (f"mirip SOP {code}, tetapi SOP lain dalam berkas ini sudah menjadi versi barunya; "
            "disimpan sebagai SOP baru")


@dataclass
class PlannedSop:
    """One SOP read from a file and where it goes; `target` may be changed by a person."""

    definition: SopDefinition
    target: str | None  # the stored SOP's code this becomes a version of; None: a new SOP
    proposed: str | None  # the policy's own target (before a person's choice)
    reason: str = ""  # why it matched a stored SOP
    notes: list[str] = field(default_factory=list)  # what the matching could not decide
    keep_code: bool = True  # a new SOP keeps the code its library file names, when still free

    @property
    def chosen_by_policy(self) -> bool:
        """True while the target is the policy's own (its notes then still hold)."""
        return self.target == self.proposed


@dataclass
class ImportPlan:
    """The plan of one file: one `PlannedSop` per SOP read, in the file's order."""

    items: list[PlannedSop] = field(default_factory=list)

    def choose(self, index: int, target: str | None) -> None:
        """A person's choice for SOP `index`: a version of `target`, or None for a new SOP."""
        self.items[index].target = target or None


def plan_import(service: SopService, sops: list[SopDefinition], *, code: str | None = None,
                new: bool = False) -> ImportPlan:
    """Where each SOP of one file goes. `code`: every SOP becomes a version of that SOP (the
    caller allows it for a one-SOP file); `new`: every SOP is a new SOP; otherwise a library
    file's own code (a version of that SOP, or a new SOP under that code), else the matching
    (`match_existing`); never two SOPs onto one."""
    stored = set(service.codes())
    library = service.latest_all() if not (code or new) else []
    plan = ImportPlan()
    taken: set[str] = set()
    for defn in sops:
        target: str | None = None
        reason, notes = "", []
        if code:
            target, reason = code, "dipilih"
        elif new:
            target = None
        elif defn.code:  # a library file names its SOP: a version of it, or a new SOP
            target = defn.code if defn.code in stored else None
            reason = "kode SOP dalam berkas"
        else:
            found = match_existing(defn, library)
            target, reason, notes = found.code, found.reason, list(found.warnings)
        if target is not None and target in taken and not code:
            notes.append(twin_note(target))
            target, reason = None, ""
        if target is not None:
            taken.add(target)
        plan.items.append(PlannedSop(defn, target, target, reason, notes, keep_code=not new))
    return plan


def save_planned(service: SopService, item: PlannedSop) -> Outcome[SavedSop]:
    """Store one planned SOP (its own transaction). The plan's notes join the SOP's warnings
    while the policy's choice stands; a new SOP keeps its library file's code when free."""
    defn = item.definition
    if item.chosen_by_policy:
        defn.warnings.extend(n for n in item.notes if n not in defn.warnings)
    if item.target is not None:
        return service.save_import(defn, item.target)
    if item.keep_code and defn.code and defn.code not in service.codes():
        return service.save_import(defn, defn.code)
    return service.save_import(defn, new=True)


def save_plan(service: SopService, plan: ImportPlan,
              chosen: list[bool] | None = None) -> Outcome[list[SavedSop]]:
    """Store the planned SOPs (those `chosen`, default all), one transaction per SOP, in the
    file's order; the value is each stored SOP, the changes those of them all."""
    saved: list[SavedSop] = []
    changes = Changes()
    for i, item in enumerate(plan.items):
        if chosen is not None and not chosen[i]:
            continue
        outcome = save_planned(service, item)
        saved.append(outcome.value)
        changes = changes.merge(outcome.changes)
    return Outcome(saved, changes)
