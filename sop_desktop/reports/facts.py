"""Plain facts about cases, read once from the database, that registers and reports compute on.

Everything in reports is computed by pure functions over these objects, so the figures can be
checked without a database and the database is read in a few bulk queries.
"""

from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import dataclass, field

from sop_desktop.domain.model import SopDefinition

STATUS_LABELS = {"berjalan": "Dalam proses", "selesai": "Selesai", "dihentikan": "Dihentikan"}
# The actions of sop_desktop.services.workflow (kept as strings: facts stay free of the engine).
ACTION_OPEN = "buka"
ACTION_STOP = "hentikan"
ACTION_REOPEN = "buka_kembali"
# History actions that send a case back (besides a Tidak branch to an earlier step).
RETURN_ACTIONS = frozenset({"kembali"})
# History actions that are an explicit disposition / forward of the case.
FORWARD_ACTIONS = frozenset({"disposisi", "teruskan"})
# History actions that never end a stay in a step (they record something about it).
NON_MOVING_ACTIONS = frozenset({ACTION_OPEN, ACTION_STOP, ACTION_REOPEN, "surat", "catatan",
                                "lampiran"})


@dataclass
class EventFacts:
    """One history event: what happened, when, from which step to which, by which position."""

    action: str
    at: dt.datetime
    from_step: int | None = None
    to_step: int | None = None
    decision: str | None = None
    position: str = ""  # the position acted in
    note: str = ""
    user: str = ""


@dataclass
class CaseFacts:
    """One case with its SOP version, intake fields, history and outgoing letters."""

    id: int
    number: str
    sop: SopDefinition
    status: str
    created_at: dt.datetime
    closed_at: dt.datetime | None = None
    current_step: int | None = None
    current_position: str = ""
    current_due: dt.datetime | None = None
    step_started_at: dt.datetime | None = None
    fields: dict = field(default_factory=dict)
    events: list[EventFacts] = field(default_factory=list)
    letters: list[str] = field(default_factory=list)
    step_positions: dict[int, str] = field(default_factory=dict)  # step -> position (or lane)

    @property
    def sop_code(self) -> str:
        return self.sop.code

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)

    def moves(self) -> list[EventFacts]:
        """The events that move the case out of a step (ordered by time)."""
        return [e for e in self.events if is_move(e)]


def is_move(event: EventFacts) -> bool:
    """True for an event that ends the case's stay in `from_step`."""
    if event.from_step is None or event.action in NON_MOVING_ACTIONS:
        return False
    return event.to_step != event.from_step or event.action in RETURN_ACTIONS


@dataclass
class StepStay:
    """A case's stay in one step: entered and left (None while it is still there).

    `ended` says how it ended: "move" (completed, decided or returned: the stay counts in
    step times), "stop" (the case was stopped there) or "" (still there)."""

    step: int
    entered: dt.datetime
    left: dt.datetime | None
    event: EventFacts | None = None  # the event that ended the stay
    ended: str = ""


def step_stays(case: CaseFacts) -> list[StepStay]:
    """The stays of a case in its steps, in order, reconstructed from the history (or, when
    the history was not read, the current stay only)."""
    stays: list[StepStay] = []
    current = case.sop.steps[0].number if case.sop.steps else None
    entered = case.created_at
    for event in case.events:
        if event.action in (ACTION_OPEN, ACTION_REOPEN):
            current, entered = event.to_step, event.at
        elif event.action == ACTION_STOP:
            if current is not None:
                stays.append(StepStay(current, entered, event.at, event, "stop"))
            current = None
        elif event.from_step is not None and is_move(event):
            stays.append(StepStay(event.from_step, entered, event.at, event, "move"))
            current, entered = event.to_step, event.at
    if case.status == "berjalan" and case.current_step is not None:
        start = case.step_started_at or entered
        if stays and stays[-1].left is not None and start < stays[-1].left:
            start = stays[-1].left
        stays.append(StepStay(case.current_step, start, None, None, ""))
    return stays


def stay_at(stays: list[StepStay], moment: dt.datetime) -> StepStay | None:
    """The stay the case was in at `moment` (None: not yet received, finished or stopped)."""
    for stay in stays:
        if stay.entered <= moment and (stay.left is None or moment < stay.left):
            return stay
    return None


def is_return(case: CaseFacts, event: EventFacts) -> bool:
    """A move that sends the case back: a return action, or a Tidak branch to an earlier step
    (or to the same step)."""
    if event.action in RETURN_ACTIONS:
        return True
    if (event.decision or "").lower() not in ("tidak", "t", "no"):
        return False
    if event.to_step is None or event.from_step is None:
        return False
    try:
        return case.sop.step_index(event.to_step) <= case.sop.step_index(event.from_step)
    except KeyError:
        return event.to_step <= event.from_step


def percentile(values: list[float], q: float) -> float | None:
    """The q-th percentile (0..100) with linear interpolation between closest ranks
    (Excel's PERCENTILE.INC, numpy's default)."""
    if not values:
        return None
    data = sorted(values)
    if len(data) == 1:
        return float(data[0])
    pos = (len(data) - 1) * q / 100.0
    low = int(pos)
    high = min(low + 1, len(data) - 1)
    return float(data[low] + (data[high] - data[low]) * (pos - low))


def mean(values: list[float]) -> float | None:
    return float(statistics.fmean(values)) if values else None


def median(values: list[float]) -> float | None:
    return float(statistics.median(values)) if values else None
