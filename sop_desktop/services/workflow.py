"""The case engine: open a case on one SOP version and move it through its steps.

Every action is one write transaction (BEGIN IMMEDIATE on SQLite): the case row and its
append-only history event commit together or not at all. Permission is checked here, in the
core (deny by default; every refusal is logged). Operations return a `CaseChange` saying what
changed, so a window can refresh only the inboxes affected. Its vocabulary (services.case_states),
the checks of user input (case_fields), events that do not move a case (case_events) and the
read side (case_views) live in their own modules.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import peewee as pw

from sop_desktop.domain.sifat import sifat_code
from sop_desktop.errors import NotFound, PermissionDenied, SopError, ValidationError, storage_error
from sop_desktop.services import numbering
from sop_desktop.services.attachments import AttachmentService, StoredFile
from sop_desktop.services.case_events import (
    CaseRef,
    check_time,
    drop_head,
    head_of,
    held_by_other,
    locked_case,
    mark_moved,
    open_case_row,
    read_case,
    record_event,
    save_moved,
)
from sop_desktop.services.case_fields import decision_value, validate_fields
from sop_desktop.services.case_lookups import Lookups

# The engine's vocabulary, imported as workflow.X across the tree (the window, the CLI, the
# services on top of the engine): kept importable from here.
from sop_desktop.services.case_states import (  # noqa: F401
    ACTION_ATTACH,
    ACTION_COMPLETE,
    ACTION_DECIDE,
    ACTION_DISPOSISI,
    ACTION_LABELS,
    ACTION_LETTER,
    ACTION_OPEN,
    ACTION_RELEASE,
    ACTION_REOPEN,
    ACTION_RETURN,
    ACTION_SIFAT,
    ACTION_STOP,
    ACTION_TAKE,
    DEFAULT_DUE_SOON_HOURS,
    DUE_SOON_KEY,
    STATUS_DONE,
    STATUS_LABELS,
    STATUS_OPEN,
    STATUS_STOPPED,
    CaseChange,
)
from sop_desktop.services.case_views import CaseViews, current_step
from sop_desktop.services.changes import Changes, Outcome
from sop_desktop.services.positions import PositionService
from sop_desktop.services.sops import SopService
from sop_desktop.services.stale import check_not_moved
from sop_desktop.services.users import UserService, is_staff, log_refusal
from sop_desktop.storage import db as dbm
from sop_desktop.storage.watch import notify_cases

if TYPE_CHECKING:  # the SOP model: imported where a definition is built (start-up, issue 19)
    from sop_desktop.domain.model import SopDefinition

log = logging.getLogger(__name__)
_T = TypeVar("_T")
# what an action's checks return: its commit, given the files copied into the store
Commit = Callable[[Sequence[StoredFile]], CaseChange]


class CaseService(CaseViews):
    """Open cases and run them through their SOP's steps."""

    def __init__(self, sops: SopService, positions: PositionService, users: UserService,
                 attachments: AttachmentService | None = None,
                 clock: Callable[[], dt.datetime] | None = None) -> None:
        self.sops = sops
        self.positions = positions
        self.users = users
        self.attachments = attachments
        self.clock = clock or dbm.now_local
        self._defs: dict[int, SopDefinition] = {}
        self._calendar = None
        # positions, holders and the calendar, kept between actions while unchanged (issue 19)
        self._lookups = Lookups(positions, users, self.calendar)

    # -- lookups ---------------------------------------------------------------------------------
    def get(self, number: CaseRef) -> dbm.Case:
        """A case by agenda number (or by id when given an int)."""
        if isinstance(number, dbm.Case):
            return number
        case = read_case(number)
        if case is None:
            raise NotFound(f"Kasus '{number}' tidak ditemukan")
        return case

    def definition(self, case: dbm.Case) -> SopDefinition:
        """The SOP version the case started on (it keeps it when the SOP is revised)."""
        vid = case.sop_version_id
        if vid not in self._defs:
            row = dbm.SopVersion.get_by_id(vid)
            from sop_desktop.domain.model import SopDefinition  # deferred: start-up, issue 19

            defn = SopDefinition.from_dict(row.definition)
            defn.code, defn.version = row.code, row.version
            self._defs[vid] = defn
        return self._defs[vid]


    # -- permission ------------------------------------------------------------------------------
    def _step_position(self, case: dbm.Case, defn: SopDefinition) -> dbm.Position | None:
        """The position the case's current step waits on (None: no position maps its lane)."""
        if case.current_position_id is not None:
            # from the kept positions, kept on the case for _transition (issue 19)
            pos = self._lookups.position(case.current_position_id)
            if pos is None:
                return case.current_position
            case.current_position = pos
            return pos
        step = current_step(case, defn)
        return self._lookups.for_lane(defn, step.lane)

    def _authorize_step(self, case: dbm.Case, defn: SopDefinition, user: dbm.User,
                        on_behalf_of: dbm.User | None = None
                        ) -> tuple[dbm.Position | None, dbm.User | None]:
        """(position acted in, official on whose behalf) or PermissionDenied."""
        held = held_by_other(case, on_behalf_of or user)
        if held:
            raise PermissionDenied(held)
        step = current_step(case, defn)
        pos = self._step_position(case, defn)
        pos_name = pos.name if pos is not None else (step.lane or "(tanpa pelaksana)")
        where = f"langkah {step.number} ({pos_name})"
        if on_behalf_of is not None:
            if not is_staff(user):
                raise PermissionDenied("Hanya operator atau administrator yang dapat mencatat "
                                       "langkah atas nama pejabat lain")
            if pos is None or pos.id not in self._lookups.holds(on_behalf_of):
                raise PermissionDenied(f"{on_behalf_of.name} ({on_behalf_of.username}) tidak "
                                       f"memegang jabatan {pos_name} untuk {where}")
            if not on_behalf_of.active:
                raise PermissionDenied(f"Pengguna {on_behalf_of.username} sudah dinonaktifkan")
            return pos, on_behalf_of
        if pos is not None and pos.id in self._lookups.holds(user):
            return pos, None
        if is_staff(user) and (pos is None or pos.external):
            # steps of the public or of outside institutions are recorded by staff
            return pos, None
        if is_staff(user):
            raise PermissionDenied(f"{where} dilaksanakan oleh {pos_name}: sebutkan atas nama "
                                   "siapa langkah ini dicatat (--on-behalf-of)")
        raise PermissionDenied(f"Anda ({user.username}) tidak memegang jabatan {pos_name} "
                               f"untuk {where} kasus {case.number}")

    def can_act(self, case: CaseRef, user: dbm.User, on_behalf_of: dbm.User | None = None) -> bool:
        """True when `user` (for `on_behalf_of`) may act on the case's current step now."""
        case = self.get(case)
        if case.status != STATUS_OPEN or case.current_step is None:
            return False
        try:
            self._authorize_step(case, self.definition(case), user, on_behalf_of)
        except PermissionDenied:
            return False
        return True

    def allowed_actions(self, case: CaseRef, user: dbm.User) -> list[str]:
        """The actions `user` may take on the case now (staff may need an on-behalf official)."""
        case = self.get(case)
        if case.status == STATUS_STOPPED:
            return [ACTION_REOPEN] if user.role == "administrator" else []
        if case.status != STATUS_OPEN or case.current_step is None:
            return []
        defn = self.definition(case)
        pos = self._step_position(case, defn)
        holds = pos is not None and pos.id in self.users.position_ids(user)
        if not (holds or is_staff(user)):
            return []
        step = current_step(case, defn)
        actions = [ACTION_DECIDE if step.kind == "decision" else ACTION_COMPLETE]
        if self.return_targets(case):
            actions.append(ACTION_RETURN)
        actions.append(ACTION_STOP)
        return actions

    def action_states(self, case: CaseRef, user: dbm.User) -> dict[str, str]:
        """Each action a window offers on the case ("lanjut", "keputusan", "kembali",
        "hentikan", "buka_kembali", "lampiran") mapped to "" when `user` may take it now, else
        the reason why not (said to the user beside the disabled button)."""
        case = self.get(case)
        keys = (ACTION_COMPLETE, ACTION_DECIDE, ACTION_RETURN, ACTION_STOP, ACTION_REOPEN)
        if case.status != STATUS_OPEN or case.current_step is None:
            why = f"Kasus {case.number} sudah {STATUS_LABELS.get(case.status, case.status).lower()}"
            out = {k: why for k in keys}
            if case.status == STATUS_STOPPED:
                out[ACTION_REOPEN] = ("" if user.role == "administrator" else
                                      "Hanya administrator yang dapat membuka kembali kasus "
                                      "yang dihentikan")
            out[ACTION_ATTACH] = ""
            return out
        defn = self.definition(case)
        step = current_step(case, defn)
        pos = self._step_position(case, defn)
        holds = pos is not None and pos.id in self.users.position_ids(user)
        pos_name = pos.name if pos is not None else (step.lane or "(tanpa pelaksana)")
        refused = "" if (holds or is_staff(user)) else (
            f"Langkah {step.number} dikerjakan oleh {pos_name}; Anda tidak memegang jabatan itu")
        refused = refused or held_by_other(case, user)
        decision = step.kind == "decision"
        out = {
            ACTION_COMPLETE: refused or ("Langkah ini keputusan: jawab Ya atau Tidak" if decision
                                         else ""),
            ACTION_DECIDE: refused or ("" if decision else "Langkah ini bukan keputusan"),
            ACTION_RETURN: refused or ("" if self.return_targets(case) else
                                       "Tidak ada langkah sebelumnya untuk dituju"),
            ACTION_STOP: "" if user.role == "administrator" else refused,
            ACTION_REOPEN: f"Kasus {case.number} sedang berjalan",
            ACTION_ATTACH: "",
        }
        return out

    def holders_for(self, case: CaseRef) -> list[dbm.User]:
        """Who holds the position of the case's current step (the on-behalf candidates)."""
        case = self.get(case)
        if case.current_position_id is None:
            return []
        return self.users.holders(case.current_position_id)

    def on_behalf_choices(self, case: CaseRef, user: dbm.User) -> list[dbm.User] | None:
        """The officials staff choose from to record the current step for them; None when
        `user` records it in their own name (holds the position, or an outside lane)."""
        case = self.get(case)
        if case.status != STATUS_OPEN or case.current_position_id is None or not is_staff(user):
            return None
        position = case.current_position
        if position is None or position.external or position.id in self.users.position_ids(user):
            return None
        return self.holders_for(case)

    def return_targets(self, case: CaseRef) -> list[int]:
        """Earlier steps a case may be returned to: those before the current one in the table."""
        case = self.get(case)
        if case.current_step is None:
            return []
        defn = self.definition(case)
        i = defn.step_index(case.current_step)
        return [s.number for s in defn.steps[:i]]

    # -- time ------------------------------------------------------------------------------------
    def _when(self, case: dbm.Case | None, at: dt.datetime | None) -> dt.datetime:
        """The event's real time, checked against the case and the office (check_time)."""
        return check_time(case, at, self.clock(), head_of(case))

    # -- actions ---------------------------------------------------------------------------------
    def _guard(self, action: str, user: dbm.User | None, case: CaseRef | None,
               fn: Callable[[], _T], *, write: bool = True) -> _T:
        """Run one action in its own write transaction; log and re-raise refusals.
        `write=False`: only its checks, read outside a transaction (before files are copied)."""
        try:
            if not write:
                return fn()
            # positions, holders and calendar read once, kept while unchanged (not inside a
            # caller's transaction: it may still roll back)
            keep = not dbm.database.in_transaction()
            with dbm.database.atomic(), self._lookups.action(keep):  # positions pinned too
                result = fn()
                if isinstance(result, CaseChange) and not result.notified:
                    notify_cases(result.case_ids)  # delivered to other PCs on commit
                return result
        except PermissionDenied as exc:
            # `case` may be the agenda number: read only for a refusal's log (issue 19)
            log_refusal(user, action, str(exc),
                        self._case_or_none(case) if case is not None else None)
            raise
        except (pw.OperationalError, pw.InternalError, OSError) as exc:
            known = storage_error(exc)  # a full disk: say so; the transaction applied nothing
            if known is None:
                raise
            raise known from exc

    def open_case(self, sop_code: str, user: dbm.User, fields: Mapping[str, Any] | None = None,
                  *, at: dt.datetime | None = None, note: str = "",
                  on_behalf_of: dbm.User | None = None, version: int | None = None,
                  intake_done: bool = True, sifat: str | int | None = None) -> CaseChange:
        """Open a case on the newest version of an SOP (or `version`); the agenda number is new.

        `intake_done` (the default, in the window and the CLI alike): when the first step is an
        outside party's (the public hands something in), recording the case completes that step
        and the case waits on the next one. `sifat`: biasa (default), segera, sangat segera or
        rahasia (sop_desktop.domain.sifat)."""
        sifat_value = sifat_code(sifat)
        defn = self.sops.get(sop_code, version)
        if defn.incomplete:
            raise ValidationError(f"SOP {defn.code} tidak lengkap (sebagian halamannya hilang) "
                                  "sehingga belum dapat dijalankan sebagai kasus")
        if not defn.steps:
            raise ValidationError(f"SOP {defn.code} tidak memiliki langkah")
        clean = validate_fields(defn, fields or {})
        first = defn.steps[0]

        def body() -> CaseChange:
            when = self._when(None, at)
            index = self.positions._index()
            pos = self.positions.position_for_lane(defn, first.lane, index)
            holds = pos is not None and pos.id in self.users.position_ids(user)
            if not (holds or is_staff(user)):
                raise PermissionDenied(
                    f"Kasus {defn.code} dibuka oleh operator atau pemegang jabatan "
                    f"{pos.name if pos else first.lane} (langkah pertama); {user.username} bukan "
                    "keduanya")
            if on_behalf_of is not None and not is_staff(user):
                raise PermissionDenied("Hanya operator yang dapat mencatat atas nama orang lain")
            row = dbm.SopVersion.get((dbm.SopVersion.code == defn.code)
                                     & (dbm.SopVersion.version == defn.version))
            number, seq = numbering.next_agenda_number(defn.code, when)
            now = self.clock()
            case = dbm.Case(number=number, sop_version=row.id, sop_code=defn.code, year=when.year,
                            seq=seq, status=STATUS_OPEN, fields=clean, created_by=user.id,
                            created_at=when, recorded_at=now, updated_at=now,
                            sifat=sifat_value or None)
            self._place(case, defn, first.number, when, index)
            case.save()
            mark_moved(case, user, now)
            # deferred on purpose: the history chain's modules (integrity, ledger, event_canon) are
            # for writing, which the first screen never does (issue 19, start-up)
            from sop_desktop.storage.integrity import append_event  # chained to the case's last event
            event = append_event(
                case=case, action=ACTION_OPEN, from_step=None, to_step=first.number,
                user=user.id, position=pos.id if holds and pos else None,
                on_behalf_of=on_behalf_of.id if on_behalf_of else None, at=when,
                recorded_at=now, note=note or "")
            nxt = defn.successors(first)
            if intake_done and pos is not None and pos.external and first.kind != "decision" \
                    and nxt:
                # the public (or an outside office) handed it in: recording it is that step done
                done = self._transition(case, defn, user, ACTION_COMPLETE, nxt[0], at=when,
                                        note="", position=pos)
                return CaseChange(ACTION_OPEN, [case.id], [case.number], done.positions,
                                  done.event_id, STATUS_OPEN, None, nxt[0])
            return CaseChange(ACTION_OPEN, [case.id], [case.number],
                              [case.current_position.name] if case.current_position is not None else [],
                              event.id, STATUS_OPEN, None, first.number)

        return self._guard(ACTION_OPEN, user, None, body)

    def _place(self, case: dbm.Case, defn: SopDefinition, number: int, start: dt.datetime,
               index: dict[str, dbm.Position] | None = None) -> None:
        """Put the case on a step: lane, position and due time stored for the inbox queries."""
        step = defn.step(number)
        pos = (self.positions.position_for_lane(defn, step.lane, index) if index is not None
               else self._lookups.for_lane(defn, step.lane))
        case.current_step = step.number
        case.current_lane = step.lane
        case.current_position = pos  # the row itself (or None): its name is asked next
        case.step_started_at = start
        case.current_due = self._lookups.calendar().due(start, step.waktu) if step.waktu else None

    def _act(self, action: str, user: dbm.User, number: CaseRef, check: Callable[[], Commit],
             files: Sequence[str | Path] = ()) -> CaseChange:
        """Run an action whose `check()` refuses it or returns its commit(stored files).

        With files, the checks (rights, a moved case, the time) run first and only then are
        the files copied into the store; the commit re-checks inside the write transaction,
        and a refused or failed commit takes the files it brought in away again."""
        case = number  # read by _guard only when it logs a refusal
        if not files:
            return self._guard(action, user, case, lambda: check()(()))
        if self.attachments is None:
            raise SopError("Penyimpanan lampiran tidak tersedia")
        self._guard(action, user, case, check, write=False)
        with self.attachments.staged(files) as stored:
            return self._guard(action, user, case, lambda: check()(stored))

    def _transition(self, case: dbm.Case, defn: SopDefinition, user: dbm.User, action: str,
                    to_step: int | None, *, at: dt.datetime, note: str,
                    position: dbm.Position | None = None, on_behalf_of: dbm.User | None = None,
                    decision: str | None = None, stored: Sequence[StoredFile] = (),
                    status: str = STATUS_OPEN) -> CaseChange:
        """Move the case (to `to_step`, or closed by `status`) and append its event."""
        now = self.clock()
        head = drop_head(case)  # read with the case row in this transaction: the chain's end
        was = case.current_position
        old_position = was.name if was is not None else None
        from_step = case.current_step
        due = case.current_due
        started = case.step_started_at
        seconds = ((at - started).total_seconds()
                   if started is not None and action != ACTION_REOPEN else None)
        on_time = (at <= due) if (due is not None and action != ACTION_REOPEN) else None
        if status == STATUS_OPEN and to_step is not None:
            self._place(case, defn, to_step, at)
        elif status == STATUS_DONE:
            case.current_step = case.current_lane = case.current_position = None
            case.current_due = None
            case.closed_at = at
        elif status == STATUS_STOPPED:
            case.current_due = None
            case.closed_at = at
        if status == STATUS_OPEN:
            case.closed_at = None
        case.status = status
        case.updated_at = now
        case.holder = case.held_at = None  # a case taken at a step is free again once it moves
        row = save_moved(case, user, now)  # case.save(), read markers, notify: one trip (issue 19)
        # deferred on purpose: the history chain's modules (integrity, ledger, event_canon) are
        # for writing, which the first screen never does (issue 19, start-up)
        from sop_desktop.storage.integrity import UNREAD, append_event  # chained to the case's last event
        event = append_event(  # the case row is locked (_open_case_row) or new in this transaction
            case_locked=True, case_row=row, previous=UNREAD if head is None else head.last_hash,
            case=case, action=action, from_step=from_step,
            to_step=to_step, decision=decision,
            user=user.id, position=position.id if position is not None else None,
            on_behalf_of=on_behalf_of.id if on_behalf_of is not None else None, at=at,
            recorded_at=now, note=note or "", attachments=[f.to_dict() for f in stored],
            seconds_taken=seconds, due=due, on_time=on_time)
        for f in stored:
            dbm.Attachment.create(case=case, history=event, sha256=f.sha256, name=f.name,
                                  size=f.size, added_by=user.id, added_at=now)
        now_at = case.current_position
        positions = [p for p in dict.fromkeys(
            [old_position, now_at.name if now_at is not None else None]) if p]
        return CaseChange(action, [case.id], [case.number], positions, event.id, case.status,
                          from_step, to_step, notified=True)

    def advance(self, number: CaseRef, user: dbm.User, *, note: str = "",
                attachments: Sequence[str | Path] = (), on_behalf_of: dbm.User | None = None,
                at: dt.datetime | None = None, decision: str | None = None,
                on_step: int | None = None, on_event: int | None = None) -> CaseChange:
        """Complete the current step (or answer it, for a decision step).

        `on_step` / `on_event`: the step and the last moving event the caller saw (see
        sop_desktop.services.stale); when the case has moved on since, the action is refused."""
        if decision is not None:
            return self.decide(number, user, decision, note=note, attachments=attachments,
                               on_behalf_of=on_behalf_of, at=at, on_step=on_step,
                               on_event=on_event)

        def check() -> Commit:
            case = self._open_case_row(number, on_step, on_event)
            defn = self.definition(case)
            step = current_step(case, defn)
            position, behalf = self._authorize_step(case, defn, user, on_behalf_of)
            if step.kind == "decision":
                raise ValidationError(f"Langkah {step.number} adalah keputusan: jawab ya atau "
                                      "tidak (--decision ya|tidak)")
            when = self._when(case, at)
            nxt = defn.successors(step)
            if nxt:
                return lambda stored: self._transition(
                    case, defn, user, ACTION_COMPLETE, nxt[0], at=when, note=note,
                    position=position, on_behalf_of=behalf, stored=stored)
            return lambda stored: self._transition(
                case, defn, user, ACTION_COMPLETE, None, at=when, note=note, position=position,
                on_behalf_of=behalf, stored=stored, status=STATUS_DONE)

        return self._act(ACTION_COMPLETE, user, number, check, attachments)

    def decide(self, number: CaseRef, user: dbm.User, decision: str, *, note: str = "",
               attachments: Sequence[str | Path] = (),
               on_behalf_of: dbm.User | None = None, at: dt.datetime | None = None, on_step: int | None = None,
               on_event: int | None = None) -> CaseChange:
        """Answer a decision step: Ya or Tidak, each going where the SOP says."""
        answer = decision_value(decision)

        def check() -> Commit:
            case = self._open_case_row(number, on_step, on_event)
            defn = self.definition(case)
            step = current_step(case, defn)
            position, behalf = self._authorize_step(case, defn, user, on_behalf_of)
            if step.kind != "decision":
                raise ValidationError(f"Langkah {step.number} bukan keputusan: selesaikan tanpa "
                                      "--decision")
            when = self._when(case, at)
            target = step.yes if answer == "ya" else step.no
            if target is None:
                raise ValidationError(f"SOP tidak menyebut ke mana cabang {answer.title()} "
                                      f"langkah {step.number} menuju")
            return lambda stored: self._transition(
                case, defn, user, ACTION_DECIDE, target, at=when, note=note, position=position,
                on_behalf_of=behalf, decision=answer, stored=stored)

        return self._act(ACTION_DECIDE, user, number, check, attachments)

    def return_to(self, number: CaseRef, user: dbm.User, to_step: int, reason: str, *,
                  on_behalf_of: dbm.User | None = None,
                  at: dt.datetime | None = None, on_step: int | None = None,
                  on_event: int | None = None) -> CaseChange:
        """Send the case back to an earlier step, with a reason."""
        if not (reason or "").strip():
            raise ValidationError("Alasan pengembalian wajib diisi")

        def body() -> CaseChange:
            case = self._open_case_row(number, on_step, on_event)
            defn = self.definition(case)
            position, behalf = self._authorize_step(case, defn, user, on_behalf_of)
            targets = self.return_targets(case)
            if int(to_step) not in targets:
                raise ValidationError(
                    f"Kasus {case.number} hanya dapat dikembalikan ke langkah sebelumnya "
                    f"({', '.join(map(str, targets)) or 'tidak ada'}), bukan {to_step}")
            when = self._when(case, at)
            return self._transition(case, defn, user, ACTION_RETURN, int(to_step), at=when,
                                    note=reason.strip(), position=position, on_behalf_of=behalf)

        return self._guard(ACTION_RETURN, user, number, body)

    def stop(self, number: CaseRef, user: dbm.User, reason: str, *,
             on_behalf_of: dbm.User | None = None,
             at: dt.datetime | None = None, on_step: int | None = None,
             on_event: int | None = None) -> CaseChange:
        """Stop a running case (it stays on its step, status dihentikan)."""
        if not (reason or "").strip():
            raise ValidationError("Alasan penghentian wajib diisi")

        def body() -> CaseChange:
            case = self._open_case_row(number, on_step, on_event)
            defn = self.definition(case)
            position: dbm.Position | None
            behalf: dbm.User | None
            if user.role == "administrator" and on_behalf_of is None:
                position, behalf = self._step_position(case, defn), None
            else:
                position, behalf = self._authorize_step(case, defn, user, on_behalf_of)
            when = self._when(case, at)
            return self._transition(case, defn, user, ACTION_STOP, case.current_step, at=when,
                                    note=reason.strip(), position=position, on_behalf_of=behalf,
                                    status=STATUS_STOPPED)

        return self._guard(ACTION_STOP, user, number, body)

    def reopen(self, number: CaseRef, user: dbm.User, reason: str, *, at: dt.datetime | None = None,
               on_event: int | None = None) -> CaseChange:
        """Reopen a stopped case on the step where it stopped (administrator only)."""
        if not (reason or "").strip():
            raise ValidationError("Alasan membuka kembali wajib diisi")

        def body() -> CaseChange:
            case = self._locked(number)
            check_not_moved(case, None, on_event)
            if user.role != "administrator":
                raise PermissionDenied("Hanya administrator yang dapat membuka kembali kasus "
                                       "yang dihentikan")
            if case.status != STATUS_STOPPED:
                raise ValidationError(f"Kasus {case.number} tidak sedang dihentikan "
                                      f"(status: {case.status})")
            defn = self.definition(case)
            when = self._when(case, at)
            return self._transition(case, defn, user, ACTION_REOPEN, case.current_step, at=when,
                                    note=reason.strip())

        return self._guard(ACTION_REOPEN, user, number, body)

    def record_event(self, case: CaseRef, user: dbm.User, action: str, note: str = "", *,
                     at: dt.datetime | None = None,
                     attachments: Sequence[StoredFile | Mapping[str, Any]] = (),
                     position: dbm.Position | int | None = None) -> dbm.History:
        """See the module-level record_event (this one uses the engine's clock)."""
        return record_event(self.get(case), user, action, note, at=at, attachments=attachments,
                            position=position, clock=self.clock)

    def attach(self, number: CaseRef, user: dbm.User, files: Sequence[str | Path],
               note: str = "") -> Outcome[dbm.History]:
        """Add files to a case without moving it (one "lampiran" event, with its Changes); a
        failed write leaves no copied file behind in the store."""
        case = self.get(number)
        if self.attachments is None:
            raise SopError("Penyimpanan lampiran tidak tersedia")
        with self.attachments.staged(files) as stored:
            names = ", ".join(f.name for f in stored)
            event = self._guard(ACTION_ATTACH, user, case, lambda: record_event(
                case, user, ACTION_ATTACH, note or f"Lampiran: {names}", attachments=stored,
                clock=self.clock))
        return Outcome(event, Changes(cases=(case.id,), attachments=True, action=ACTION_ATTACH))

    def _case_or_none(self, number: CaseRef) -> dbm.Case | None:
        """The case, or None when there is no such case."""
        try:
            return self.get(number)
        except NotFound:
            return None

    def _locked(self, number: CaseRef, moves: bool = False) -> dbm.Case:
        """The case re-read inside the running write transaction (case_events.locked_case)."""
        return locked_case(number, moves)

    def _open_case_row(self, number: CaseRef, on_step: int | None = None,
                       on_event: int | None = None) -> dbm.Case:
        """The running case, locked for this transaction (case_events.open_case_row)."""
        return open_case_row(number, on_step, on_event)
