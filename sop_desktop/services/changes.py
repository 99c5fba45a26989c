"""What a mutation changed, in one typed value the window's views route on (issue 14).

Every write the window runs (a case action, a disposisi, a letter, an attachment, an
administration save, an import) ends in one `Changes`; the case engine's own result,
`CaseChange` (sop_desktop.services.case_states), converts to it without loss (`of_case`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields, replace
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:  # the engine's result only appears in annotations here
    from sop_desktop.services.case_states import CaseChange

T = TypeVar("T")


@dataclass(frozen=True)
class Changes:
    """What changed: cases (by id, or all of them), inboxes, the SOP library, administration
    data and the parts of a case; views refresh only what a field names."""

    cases: tuple[int, ...] = ()  # cases whose row, pane or history changed
    all_cases: bool = False  # any case may have changed (reload, calendar, positions)
    positions: tuple[str, ...] = ()  # positions (by name) whose inboxes need a refresh
    action: str | None = None  # the history action that made the change, if one did
    created: int | None = None  # the id of a case just opened
    moved: bool = False  # the case moved on elsewhere first (a refused stale action)
    sops: bool = False  # the SOP library (an import, a reload)
    users: bool = False  # user accounts or who holds which position
    position_list: bool = False  # positions and their aliases (Administrasi)
    office: bool = False  # the office profile (kop surat, the window title)
    calendar: bool = False  # office hours and holidays: due times move
    numbering: bool = False  # numbering patterns
    letters: bool = False  # letters issued for `cases`
    attachments: bool = False  # files attached to `cases`
    case_changes: tuple[CaseChange, ...] = field(default=(), compare=False)  # the engine's detail

    @classmethod
    def of_case(cls, change: CaseChange) -> Changes:
        """The Changes of one case-engine result, keeping the result itself."""
        return cls(cases=tuple(change.case_ids), positions=tuple(change.positions),
                   action=change.action, case_changes=(change,))

    @classmethod
    def of_cases(cls, case_ids: Iterable[int], *, letters: bool = False,
                 attachments: bool = False, moved: bool = False) -> Changes:
        """Changes to the given cases (each once), with what changed in them."""
        return cls(cases=tuple(dict.fromkeys(int(c) for c in case_ids)), letters=letters,
                   attachments=attachments, moved=moved)

    @classmethod
    def everything(cls) -> Changes:
        """Every case and the SOP library (a manual reload)."""
        return cls(all_cases=True, sops=True)

    def merge(self, other: Changes) -> Changes:
        """Both changes in one value (case ids and positions kept in order, without repeats)."""
        values: dict[str, object] = {}
        for f in fields(self):
            mine, theirs = getattr(self, f.name), getattr(other, f.name)
            if f.name == "case_changes":  # the engine's results, each kept (not hashable)
                values[f.name] = mine + theirs
            elif isinstance(mine, tuple):
                values[f.name] = tuple(dict.fromkeys(mine + theirs))
            elif isinstance(mine, bool):
                values[f.name] = mine or theirs
            else:
                values[f.name] = theirs if theirs is not None else mine
        return replace(self, **values)  # type: ignore[arg-type]

    def touches_inbox(self) -> bool:
        """True when an inbox (its counts, rows or the open case) may need a refresh."""
        return bool(self.cases or self.all_cases or self.positions or self.users
                    or self.position_list or self.calendar)

    def touches(self, case_id: int | None) -> bool:
        """True when the case `case_id` may have changed."""
        return case_id is not None and (self.all_cases or case_id in self.cases)

    @property
    def numbers(self) -> tuple[str, ...]:
        """The agenda numbers the case engine reported (empty for other changes)."""
        return tuple(n for c in self.case_changes for n in c.numbers)


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """A mutating service's result (the saved record) together with the `Changes` it made."""

    value: T
    changes: Changes


@dataclass(frozen=True)
class Bulk:
    """One action on several cases: what each case that went through gave (its number, or the
    file written), the refusals (one Indonesian line each) and the `Changes` of them all."""

    done: tuple[str, ...] = ()
    refused: tuple[str, ...] = ()
    changes: Changes = field(default_factory=Changes)
