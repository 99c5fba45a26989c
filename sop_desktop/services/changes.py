"""What a mutation changed, in one typed value the window's views route on (issue 14).

Every write the window runs (a case action, a disposisi, a letter, an attachment, an
administration save, an import) ends in one `Changes`; the case engine's own result,
`CaseChange` (sop_desktop.services.case_states), converts to it without loss (`of_case`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Generic, TypeVar

from sop_desktop.domain.record import FrozenRecord

if TYPE_CHECKING:  # the engine's result only appears in annotations here
    from sop_desktop.services.case_states import CaseChange

T = TypeVar("T")


class Changes(FrozenRecord):
    """What changed: cases (by id, or all of them), inboxes, the SOP library, administration
    data and the parts of a case; views refresh only what a field names. Immutable, compared
    without `case_changes` (a plain class, not a dataclass: start-up, issue 19)."""

    __slots__ = ("cases", "all_cases", "positions", "action", "created", "moved", "sops", "users",
                 "position_list", "office", "calendar", "numbering", "letters", "attachments",
                 "case_changes")
    _uncompared = frozenset({"case_changes"})

    cases: tuple[int, ...]  # cases whose row, pane or history changed
    all_cases: bool  # any case may have changed (reload, calendar, positions)
    positions: tuple[str, ...]  # positions (by name) whose inboxes need a refresh
    action: str | None  # the history action that made the change, if one did
    created: int | None  # the id of a case just opened
    moved: bool  # the case moved on elsewhere first (a refused stale action)
    sops: bool  # the SOP library (an import, a reload)
    users: bool  # user accounts or who holds which position
    position_list: bool  # positions and their aliases (Administrasi)
    office: bool  # the office profile (kop surat, the window title)
    calendar: bool  # office hours and holidays: due times move
    numbering: bool  # numbering patterns
    letters: bool  # letters issued for `cases`
    attachments: bool  # files attached to `cases`
    case_changes: tuple[CaseChange, ...]  # the engine's detail (not compared)

    def __init__(self, cases: tuple[int, ...] = (), all_cases: bool = False,
                 positions: tuple[str, ...] = (), action: str | None = None,
                 created: int | None = None, moved: bool = False, sops: bool = False,
                 users: bool = False, position_list: bool = False, office: bool = False,
                 calendar: bool = False, numbering: bool = False, letters: bool = False,
                 attachments: bool = False, case_changes: tuple[CaseChange, ...] = ()) -> None:
        self._fill(cases, all_cases, positions, action, created, moved, sops, users,
                   position_list, office, calendar, numbering, letters, attachments, case_changes)

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
        for name in self.field_names():
            mine, theirs = getattr(self, name), getattr(other, name)
            if name == "case_changes":  # the engine's results, each kept (not hashable)
                values[name] = mine + theirs
            elif isinstance(mine, tuple):
                values[name] = tuple(dict.fromkeys(mine + theirs))
            elif isinstance(mine, bool):
                values[name] = mine or theirs
            else:
                values[name] = theirs if theirs is not None else mine
        return self.replaced(**values)

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


class Outcome(FrozenRecord, Generic[T]):
    """A mutating service's result (the saved record) together with the `Changes` it made."""

    __slots__ = ("value", "changes")
    value: T
    changes: Changes

    def __init__(self, value: T, changes: Changes) -> None:
        self._fill(value, changes)


class Bulk(FrozenRecord):
    """One action on several cases: what each case that went through gave (its number, or the
    file written), the refusals (one Indonesian line each) and the `Changes` of them all."""

    __slots__ = ("done", "refused", "changes")
    done: tuple[str, ...]
    refused: tuple[str, ...]
    changes: Changes

    def __init__(self, done: tuple[str, ...] = (), refused: tuple[str, ...] = (),
                 changes: Changes | None = None) -> None:
        self._fill(done, refused, changes if changes is not None else Changes())
