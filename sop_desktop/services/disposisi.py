"""Disposisi to named people, taking ("Ambil") and releasing ("Lepas") a case, its sifat and
the per-user read markers: what SRIKANDI users expect of an inbox, over the case engine.

A disposisi passes a case on to one or more named staff with the Lembar Disposisi's
instruction ("Dengan hormat harap": tanggapan dan saran, proses lebih lanjut, ...) and a note.
The named people hold the position the case waits on, or that of the next step: then the
official's own step is completed by the same action. One history event (hash-chained like
every event) says it; one `disposisi` row per recipient lets their inbox show it. A disposisi
to one person (and `assign`) also takes the case for them.

Every change is one write transaction through the engine's guard (refusals are logged).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, TypedDict

import peewee as pw

from sop_desktop.domain.record import Record
from sop_desktop.domain.sifat import sifat_code, sifat_label
from sop_desktop.errors import PermissionDenied, SopError, ValidationError
from sop_desktop.services.case_events import CaseRef
from sop_desktop.services.case_fields import iso
from sop_desktop.services.case_views import current_step
from sop_desktop.services.changes import Bulk, Changes
from sop_desktop.services.stale import last_move
from sop_desktop.services.users import UserService, is_staff
from sop_desktop.services.workflow import (
    ACTION_COMPLETE,
    ACTION_DISPOSISI,
    ACTION_RELEASE,
    ACTION_SIFAT,
    ACTION_TAKE,
    STATUS_OPEN,
    CaseChange,
    CaseService,
    held_by_other,
    record_event,
)
from sop_desktop.storage import db as dbm

if TYPE_CHECKING:  # annotations only: the SOP model loads where a definition is built (issue 19)
    from sop_desktop.domain.model import SopDefinition, Step

# The Lembar Disposisi's "Dengan hormat harap" choices: key -> the words on the form.
INSTRUKSI = {
    "tanggapan": "Tanggapan dan Saran",
    "proses": "Proses lebih lanjut",
    "koordinasikan": "Koordinasikan/konfirmasikan",
    "diketahui": "Untuk diketahui",
    "selesaikan": "Untuk diselesaikan",
    "jawab": "Untuk dijawab",
    "hadiri": "Hadiri/wakili",
    "arsipkan": "Simpan/arsipkan",
}

# the instructions the printed Lembar Disposisi has a box for (sop_desktop.letters.render)
FORM_BOXES = ("tanggapan", "proses", "koordinasikan")


def parse_instruksi(values: str | Iterable[str] | None) -> list[str]:
    """Instruction keys from keys or the form's words, comma separated or a list (order kept,
    repeats dropped); an Indonesian ValidationError names an unknown one."""
    if isinstance(values, str):
        values = [values]
    out: list[str] = []
    for value in values or ():
        for part in str(value).split(","):
            text = part.strip().casefold()
            if not text:
                continue
            key = next((k for k, label in INSTRUKSI.items()
                        if text in (k, label.casefold()) or label.casefold().startswith(text)
                        or label.casefold().split("/")[0] == text), None)
            if key is None:
                raise ValidationError(f"Instruksi '{part.strip()}' tidak dikenal (pilih: "
                                      f"{', '.join(INSTRUKSI)})")
            if key not in out:
                out.append(key)
    return out


def instruksi_text(keys: Iterable[str] | None) -> str:
    """The instructions in the form's words, joined by "; "."""
    return "; ".join(INSTRUKSI.get(k, k) for k in keys or ())


# One recipient's disposisi as plain data (disposisi_dict; "from" is a keyword, hence this form).
DisposisiRow = TypedDict("DisposisiRow", {
    "event": int, "from": str, "from_name": str, "to": str, "to_name": str,
    "position": str | None, "step": int | None, "instruksi": list[str],
    "instruksi_text": str, "catatan": str, "at": str | None})


class Recipient(Record):
    """Someone a case may be passed on to: a holder of the position it waits on ("here") or
    of its next step's position ("next")."""

    __slots__ = ("user", "position", "step", "where")
    user: dbm.User
    position: dbm.Position
    step: int
    where: str  # "here" | "next"

    def __init__(self, user: dbm.User, position: dbm.Position, step: int, where: str) -> None:
        self.user, self.position, self.step, self.where = user, position, step, where


class DisposisiService:
    """Disposisi, Ambil/Lepas, sifat and read markers over the case engine (CaseService)."""

    def __init__(self, cases: CaseService, users: UserService) -> None:
        self.cases = cases
        self.users = users

    # -- who may receive it ----------------------------------------------------------------------
    def _next_step(self, case: dbm.Case, defn: SopDefinition) -> Step | None:
        """The step after the current one when it is not a decision (else None)."""
        step = current_step(case, defn)
        nxt = defn.successors(step)
        return defn.step(nxt[0]) if step.kind != "decision" and nxt else None

    def recipients(self, case: CaseRef) -> list[Recipient]:
        """Active holders of the position the case waits on, then of its next step's."""
        case = self.cases.get(case)
        if case.status != STATUS_OPEN or case.current_step is None:
            return []
        defn = self.cases.definition(case)
        out: list[Recipient] = []
        here = self.cases._step_position(case, defn)
        if here is not None and not here.external:
            out += [Recipient(u, here, case.current_step, "here") for u in self.users.holders(here)]
        nxt = self._next_step(case, defn)
        if nxt is not None:
            pos = self.cases.positions.position_for_lane(defn, nxt.lane)
            if pos is not None and not pos.external and (here is None or pos.id != here.id):
                out += [Recipient(u, pos, nxt.number, "next") for u in self.users.holders(pos)]
        return out

    def _resolve(self, to: str | Iterable[str | dbm.User] | None) -> list[dbm.User]:
        """The named people as active users, each once; a refusal when nobody is named."""
        names = to.split(",") if isinstance(to, str) else list(to or ())
        people: list[dbm.User] = []
        for item in names:
            if isinstance(item, str):
                if not item.strip():
                    continue
                item = self.users.get(item.strip())
            if not item.active:
                raise ValidationError(f"Pengguna {item.username} sudah dinonaktifkan")
            if item.id not in {p.id for p in people}:
                people.append(item)
        if not people:
            raise ValidationError("Sebutkan kepada siapa kasus ini didisposisikan (--to)")
        return people

    # -- disposisi -------------------------------------------------------------------------------
    def disposisi(self, number: CaseRef, user: dbm.User, to: str | Iterable[str | dbm.User],
                  instruksi: str | Iterable[str] = (), catatan: str = "", *,
                  on_step: int | None = None, on_event: int | None = None) -> CaseChange:
        """Pass the case on to named people with an instruction (see the module's docstring).

        `to`: users or usernames (a comma-separated string too). Without an instruction it is
        an assignment ("Ditugaskan kepada")."""
        people = self._resolve(to)
        keys = parse_instruksi(instruksi)
        note = (catatan or "").strip()

        def body() -> CaseChange:
            case = self.cases._open_case_row(number, on_step, on_event)
            defn = self.cases.definition(case)
            target = self._target(case, defn, people)
            change = None
            if target.where == "here":
                self._may_pass_on(case, defn, user)
            else:
                position, behalf = self.cases._authorize_step(case, defn, user)
                change = self.cases._transition(
                    case, defn, user, ACTION_COMPLETE, target.step, at=self.cases._when(case, None),
                    note=note, position=position, on_behalf_of=behalf)
            return self._record(case, user, people, target, keys, note, change)

        return self.cases._guard(ACTION_DISPOSISI, user, self.cases._case_or_none(number), body)

    def assign(self, number: CaseRef, user: dbm.User, to: str | Iterable[str | dbm.User], *,
               on_step: int | None = None) -> CaseChange:
        """Assign the case to one named person (a disposisi without instruction)."""
        return self.disposisi(number, user, to, on_step=on_step)

    def _target(self, case: dbm.Case, defn: SopDefinition, people: list[dbm.User]) -> Recipient:
        """Where the named people receive the case: its position now, or its next step's."""
        here = self.cases._step_position(case, defn)
        nxt = self._next_step(case, defn)
        nxt_pos = (self.cases.positions.position_for_lane(defn, nxt.lane)
                   if nxt is not None else None)
        candidates = [(here, current_step(case, defn).number, "here")]
        if nxt is not None:
            candidates.append((nxt_pos, nxt.number, "next"))
        for pos, step, where in candidates:
            if pos is None or pos.external:
                continue
            if all(pos.id in self.users.position_ids(p) for p in people):
                return Recipient(people[0], pos, step, where)
        names = ", ".join(p.name for p in people)
        where = here.name if here is not None else (case.current_lane or "-")
        also = (f" maupun {nxt_pos.name} (langkah {nxt.number})"
                if nxt_pos is not None and nxt is not None else "")
        raise ValidationError(f"{names} tidak memegang jabatan {where} (langkah "
                              f"{case.current_step}){also}: disposisi hanya kepada pemegang "
                              "jabatan langkah ini atau langkah berikutnya")

    def _may_pass_on(self, case: dbm.Case, defn: SopDefinition, user: dbm.User) -> None:
        """Passing on within the position: an operator or administrator (the clerks share out
        the work), whoever may act on the step, or the one who brought the case here (to the
        next step: whoever may act on this one)."""
        if is_staff(user):
            return
        held = held_by_other(case, user)
        if held:
            raise PermissionDenied(held)
        try:
            self.cases._authorize_step(case, defn, user)
        except PermissionDenied:
            moved = last_move(case)
            if moved is None or moved.user_id != user.id:
                raise

    def _record(self, case: dbm.Case, user: dbm.User, people: list[dbm.User], target: Recipient,
                keys: list[str], note: str,
                change: CaseChange | None) -> CaseChange:
        now = self.cases.clock()
        names = ", ".join(p.name for p in people)
        text = (f"Disposisi kepada {names}" if keys else f"Ditugaskan kepada {names}")
        if keys:
            text += f". Harap: {instruksi_text(keys)}"
        if note:
            text += f". Catatan: {note}"
        event = record_event(case, user, ACTION_DISPOSISI, text, position=target.position,
                             clock=self.cases.clock)
        for person in people:
            dbm.Disposisi.create(case=case.id, history=event.id, from_user=user.id,
                                 to_user=person.id, position=target.position.id,
                                 step=case.current_step, instruksi=keys, catatan=note, at=now)
        dbm.CaseRead.delete().where((dbm.CaseRead.case == case.id)
                                    & dbm.CaseRead.user.in_([p.id for p in people])).execute()
        case.holder = people[0] if len(people) == 1 else None
        case.held_at = now if len(people) == 1 else None
        case.save(only=[dbm.Case.holder, dbm.Case.held_at])
        positions = list(change.positions) if change else [target.position.name]
        return CaseChange(ACTION_DISPOSISI, [case.id], [case.number], positions, event.id,
                          case.status, change.from_step if change else case.current_step,
                          case.current_step)

    # -- take and release ------------------------------------------------------------------------
    def take(self, number: CaseRef, user: dbm.User, *, on_step: int | None = None) -> CaseChange:
        """Take the case at its step ("Ambil"): colleagues of the position see who holds it
        and the engine refuses them any action on it until it is released or moves on."""
        def body() -> CaseChange:
            case = self.cases._open_case_row(number, on_step)
            if case.holder_id == user.id:
                raise ValidationError(f"Kasus {case.number} sudah Anda ambil")
            position, _ = self.cases._authorize_step(case, self.cases.definition(case), user)
            case.holder, case.held_at = user, self.cases.clock()
            case.save(only=[dbm.Case.holder, dbm.Case.held_at])
            event = record_event(case, user, ACTION_TAKE, f"Diambil oleh {user.name}",
                                 position=position, clock=self.cases.clock)
            return self._change(ACTION_TAKE, case, event)

        return self.cases._guard(ACTION_TAKE, user, self.cases._case_or_none(number), body)

    def release(self, number: CaseRef, user: dbm.User) -> CaseChange:
        """Release a taken case ("Lepas"): its holder, or an administrator for anyone."""
        def body() -> CaseChange:
            case = self.cases._locked(number)
            if case.holder_id is None:
                raise ValidationError(f"Kasus {case.number} tidak sedang diambil siapa pun")
            holder = dbm.User.get_by_id(case.holder_id)
            if holder.id != user.id and user.role != "administrator":
                raise PermissionDenied(f"Kasus {case.number} diambil oleh {holder.name}; hanya ia "
                                       "atau administrator yang dapat melepasnya")
            note = f"Dilepas oleh {user.name}" + (
                f" (sebelumnya diambil oleh {holder.name})" if holder.id != user.id else "")
            case.holder = case.held_at = None
            case.save(only=[dbm.Case.holder, dbm.Case.held_at])
            event = record_event(case, user, ACTION_RELEASE, note, clock=self.cases.clock)
            return self._change(ACTION_RELEASE, case, event)

        return self.cases._guard(ACTION_RELEASE, user, self.cases._case_or_none(number), body)

    def take_many(self, case_ids: Iterable[int], user: dbm.User) -> Bulk:
        """Ambil on several cases, each in its own transaction; a refusal leaves the others."""
        return _each(case_ids, lambda case_id: self.take(case_id, user))

    def release_many(self, case_ids: Iterable[int], user: dbm.User) -> Bulk:
        """Lepas on several cases, each in its own transaction; a refusal leaves the others."""
        return _each(case_ids, lambda case_id: self.release(case_id, user))

    def take_states(self, case: CaseRef, user: dbm.User) -> dict[str, str]:
        """{"ambil": why not or "", "lepas": why not or ""} for the window's buttons."""
        case = self.cases.get(case)
        out = {ACTION_TAKE: "", ACTION_RELEASE: ""}
        if case.status != STATUS_OPEN or case.current_step is None:
            out[ACTION_TAKE] = out[ACTION_RELEASE] = f"Kasus {case.number} tidak sedang berjalan"
            return out
        if case.holder_id is None:
            out[ACTION_RELEASE] = "Kasus ini tidak sedang diambil siapa pun"
        elif case.holder_id != user.id and user.role != "administrator":
            out[ACTION_RELEASE] = held_by_other(case, user)
        if case.holder_id == user.id:
            out[ACTION_TAKE] = "Kasus ini sudah Anda ambil"
        else:
            try:
                self.cases._authorize_step(case, self.cases.definition(case), user)
            except PermissionDenied as exc:
                out[ACTION_TAKE] = str(exc)
        return out

    @staticmethod
    def _change(action: str, case: dbm.Case, event: dbm.History) -> CaseChange:
        """The result of an action that does not move the case."""
        positions = [case.current_position.name] if case.current_position is not None else []
        return CaseChange(action, [case.id], [case.number], positions, event.id, case.status,
                          case.current_step, case.current_step)

    # -- sifat -----------------------------------------------------------------------------------
    def set_sifat(self, number: CaseRef, user: dbm.User, sifat: str | int | None) -> CaseChange:
        """Change the case's sifat (whoever may act on its step, or an administrator)."""
        code = sifat_code(sifat)

        def body() -> CaseChange:
            case = self.cases._open_case_row(number)
            if user.role != "administrator":
                self.cases._authorize_step(case, self.cases.definition(case), user)
            old = case.sifat or 0
            if old == code:
                raise ValidationError(f"Sifat kasus {case.number} sudah {sifat_label(code)}")
            case.sifat = code or None
            case.save(only=[dbm.Case.sifat])
            event = record_event(case, user, ACTION_SIFAT,
                                 f"Sifat: {sifat_label(old)} → {sifat_label(code)}",
                                 clock=self.cases.clock)
            return self._change(ACTION_SIFAT, case, event)

        return self.cases._guard(ACTION_SIFAT, user, self.cases._case_or_none(number), body)

    # -- read markers ----------------------------------------------------------------------------
    def mark_read(self, case: CaseRef, user: dbm.User) -> bool:
        """`user` opened the case: it is no longer "baru" for them (until it moves again).
        Writes only when it was new (opening a case again costs one read, and other
        windows are not woken by a commit); True when it was new."""
        case_id = case if isinstance(case, int) else self.cases.get(case).id
        R = dbm.CaseRead
        if R.select().where((R.case == case_id) & (R.user == user.id)).exists():
            return False
        with dbm.database.atomic():
            (R.insert(user=user.id, case=case_id, read_at=self.cases.clock())
             .on_conflict_ignore().execute())
        return True

    def is_unread(self, case: CaseRef, user: dbm.User) -> bool:
        """True while `user` has not opened the case since it last moved ("baru")."""
        case = self.cases.get(case)
        return not dbm.CaseRead.select().where((dbm.CaseRead.case == case.id)
                                               & (dbm.CaseRead.user == user.id)).exists()

    # -- reading ---------------------------------------------------------------------------------
    def current(self, case: CaseRef) -> list[DisposisiRow]:
        """The disposisi given on the case's current step, newest first."""
        case = self.cases.get(case)
        D = dbm.Disposisi
        rows = (D.select().where((D.case == case.id) & (D.step == case.current_step))
                .order_by(D.id.desc()))
        return [disposisi_dict(r) for r in rows] if case.status == STATUS_OPEN else []

    def all(self, case: CaseRef) -> list[DisposisiRow]:
        """Every disposisi of the case, oldest first."""
        case = self.cases.get(case)
        return [disposisi_dict(r) for r in dbm.Disposisi.select()
                .where(dbm.Disposisi.case == case.id).order_by(dbm.Disposisi.id)]

    def letter_values(self, case: CaseRef) -> dict[str, str]:
        """See the module-level letter_values."""
        return letter_values(self.cases.get(case))


def _each(case_ids: Iterable[int], act: Callable[[int], CaseChange]) -> Bulk:
    """Run `act` on every case; the numbers done, the refusals said, the Changes merged."""
    done: list[str] = []
    refused: list[str] = []
    changes = Changes()
    for case_id in case_ids:
        try:
            change = act(case_id)
        except SopError as exc:
            refused.append(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
            continue
        done += change.numbers
        changes = changes.merge(change.changes())
    return Bulk(tuple(done), tuple(refused), changes)


def letter_values(case: dbm.Case) -> dict[str, str]:
    """The newest disposisi of a case as the Lembar Disposisi's values (diteruskan_kepada,
    harap, catatan_disposisi) and its sifat (sifat_disposisi): what the printed form shows."""
    out = {"sifat_disposisi": sifat_label(case.sifat)} if case.sifat else {}
    D = dbm.Disposisi
    newest = D.select(pw.fn.MAX(D.history)).where(D.case == case.id).scalar()
    if newest is None:
        return out
    rows = [disposisi_dict(r) for r in D.select().where((D.case == case.id)
                                                       & (D.history == newest)).order_by(D.id)]
    keys = rows[0]["instruksi"]
    # the form has boxes for three instructions; any other is written into the Catatan box
    others = "; ".join(INSTRUKSI.get(k, k) for k in keys if k not in FORM_BOXES)
    note = " ".join(x for x in (f"{others}." if others else "", rows[0]["catatan"]) if x)
    out.update({"diteruskan_kepada": "\n".join(r["to_name"] for r in rows),
                "harap": ", ".join(INSTRUKSI[k] for k in keys if k in FORM_BOXES),
                "catatan_disposisi": note})
    return out


def disposisi_dict(row: dbm.Disposisi) -> DisposisiRow:
    """One recipient's disposisi as plain data (CLI JSON, the case view)."""
    return {"event": row.history_id, "from": row.from_user.username,
            "from_name": row.from_user.name, "to": row.to_user.username,
            "to_name": row.to_user.name,
            "position": row.position.name if row.position is not None else None, "step": row.step,
            "instruksi": list(row.instruksi or []),
            "instruksi_text": instruksi_text(row.instruksi), "catatan": row.catatan,
            "at": iso(row.at)}


def instructions_for(user_id: int, case_ids: Iterable[int]) -> dict[int, DisposisiRow]:
    """{case id: the newest disposisi addressed to the user on the case's current step}."""
    ids = list(case_ids)
    if not ids:
        return {}
    D, C = dbm.Disposisi, dbm.Case
    rows = (D.select(D).join(C, on=(D.case == C.id))
            .where((D.to_user == user_id) & D.case.in_(ids) & (D.step == C.current_step))
            .order_by(D.id))
    out: dict[int, DisposisiRow] = {}
    for row in rows:
        out[row.__data__["case"]] = disposisi_dict(row)
    return out


def addressed_condition(user_id: int) -> pw.ColumnBase:
    """Cases whose current step was passed on to the user by name (for "untuk saya")."""
    D, C = dbm.Disposisi, dbm.Case
    return pw.fn.EXISTS(D.select(D.id).where((D.case == C.id) & (D.to_user == user_id)
                                             & (D.step == C.current_step)))


def unread_condition(user_id: int) -> pw.ColumnBase:
    """Cases the user has not opened since they last moved ("baru")."""
    R, C = dbm.CaseRead, dbm.Case
    return ~pw.fn.EXISTS(R.select(R.id).where((R.case == C.id) & (R.user == user_id)))


def due_soon_condition(now: dt.datetime, window: dt.timedelta) -> pw.ColumnBase:
    """Open cases due within the window from now, not yet overdue ("hampir jatuh tempo")."""
    C = dbm.Case
    return (C.current_due >= now) & (C.current_due < now + window)


def received_condition(date_from: dt.date | None, date_to: dt.date | None) -> pw.ColumnBase | bool:
    """Cases received (opened) between two days, inclusive; True without bounds."""
    C = dbm.Case
    cond: pw.ColumnBase | bool = True
    if date_from:
        cond = cond & (C.created_at >= dt.datetime.combine(date_from, dt.time()))
    if date_to:
        cond = cond & (C.created_at < dt.datetime.combine(date_to + dt.timedelta(days=1),
                                                          dt.time()))
    return cond


def days_overdue(due: dt.datetime | None, now: dt.datetime) -> int:
    """Whole calendar days past the due time (0 when not overdue; 1 from the first late day)."""
    if due is None or due >= now:
        return 0
    return max(1, (now.date() - due.date()).days)
