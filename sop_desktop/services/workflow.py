"""The case engine: open a case on one SOP version and move it through its steps.

Every action is one write transaction (BEGIN IMMEDIATE on SQLite): the case row and its
append-only history event commit together or not at all. Permission is checked here, in the
core (deny by default; every refusal is logged). Operations return a `CaseChange` saying what
changed, so a window can refresh only the inboxes affected.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass, field

import peewee as pw

from sop_desktop.domain.model import IntakeField, SopDefinition, Step
from sop_desktop.domain.sifat import sifat_code, sifat_key
from sop_desktop.errors import NotFound, PermissionDenied, SopError, ValidationError, storage_error
from sop_desktop.services import numbering
from sop_desktop.services.stale import check_not_moved, last_move_id
from sop_desktop.services.users import is_staff, log_refusal
from sop_desktop.storage import db as dbm
from sop_desktop.storage.integrity import append_event  # every event is chained to the case's last one
from sop_desktop.storage.watch import notify_cases

log = logging.getLogger(__name__)

ACTION_OPEN = "buka"
ACTION_COMPLETE = "lanjut"
ACTION_DECIDE = "keputusan"
ACTION_RETURN = "kembali"
ACTION_STOP = "hentikan"
ACTION_REOPEN = "buka_kembali"
ACTION_LETTER = "surat"
ACTION_ATTACH = "lampiran"  # files added to a case without moving it (record_event)
# sop_desktop.services.disposisi: events that do not move the case either
ACTION_DISPOSISI = "disposisi"
ACTION_TAKE = "ambil"
ACTION_RELEASE = "lepas"
ACTION_SIFAT = "sifat"
ACTION_LABELS = {
    ACTION_DISPOSISI: "Disposisi",
    ACTION_TAKE: "Diambil",
    ACTION_RELEASE: "Dilepas",
    ACTION_SIFAT: "Sifat diubah",
    ACTION_OPEN: "Kasus dibuka",
    ACTION_COMPLETE: "Langkah diselesaikan",
    ACTION_DECIDE: "Keputusan",
    ACTION_RETURN: "Dikembalikan",
    ACTION_STOP: "Dihentikan",
    ACTION_REOPEN: "Dibuka kembali",
    ACTION_LETTER: "Surat diterbitkan",
    ACTION_ATTACH: "Lampiran ditambahkan",
}
STATUS_OPEN, STATUS_DONE, STATUS_STOPPED = dbm.CASE_STATUSES
STATUS_LABELS = {STATUS_OPEN: "Berjalan", STATUS_DONE: "Selesai", STATUS_STOPPED: "Dihentikan"}
DUE_SOON_KEY = "inbox.due_soon_hours"
DEFAULT_DUE_SOON_HOURS = 24
# Allowed clock difference between PCs when a time is given as "now".
_FUTURE_SLACK = dt.timedelta(minutes=2)

_PHONE = re.compile(r"^(?:\+62|62|0)\d{8,13}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass
class CaseChange:
    """What an operation changed: the cases and the positions whose inboxes need a refresh."""

    action: str
    case_ids: list[int]
    numbers: list[str]
    positions: list[str] = field(default_factory=list)
    event_id: int | None = None
    status: str | None = None
    from_step: int | None = None
    to_step: int | None = None


def parse_at(text: str | None) -> dt.datetime | None:
    """An ISO time from the user ("2026-03-17T09:30", "2026-03-17 09:30", "2026-03-17").

    A time with a UTC offset is converted to the PC's local time; stored times are naive local.
    """
    if text is None or str(text).strip() == "":
        return None
    raw = str(text).strip()
    try:
        value = dt.datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        raise ValidationError(
            f"Waktu '{raw}' tidak dapat dibaca (contoh: 2026-03-17T09:30)") from None
    if value.tzinfo is not None:
        value = value.astimezone().replace(tzinfo=None)
    return value.replace(microsecond=0)


def iso(value: dt.datetime | None) -> str | None:
    return None if value is None else value.replace(microsecond=0).isoformat()


def validate_fields(defn: SopDefinition, values: dict) -> dict:
    """Intake values checked against the SOP's fields; returns them cleaned (ints, ISO dates).

    Every message is Indonesian and names the field by its label.
    """
    fields = {f.key: f for f in defn.fields}
    unknown = [k for k in values if k not in fields]
    if unknown:
        known = ", ".join(fields) or "-"
        raise ValidationError(f"Isian '{unknown[0]}' tidak dikenal untuk SOP {defn.code} "
                              f"(isian yang ada: {known})")
    out: dict = {}
    for f in defn.fields:
        raw = values.get(f.key)
        text = "" if raw is None else str(raw).strip()
        if not text:
            if f.required:
                raise ValidationError(f"Isian '{f.label}' wajib diisi")
            continue
        out[f.key] = _clean_field(f, raw, text)
    return out


def _clean_field(f: IntakeField, raw, text: str):
    label = f.label
    if f.type == "nik":
        digits = re.sub(r"[\s.-]", "", text)
        if not re.fullmatch(r"\d{16}", digits):
            raise ValidationError(f"Isian '{label}': NIK harus 16 angka (tertulis '{text}')")
        return digits
    if f.type == "nip":
        digits = re.sub(r"[\s.-]", "", text)
        if not re.fullmatch(r"\d{18}", digits):
            raise ValidationError(f"Isian '{label}': NIP harus 18 angka (tertulis '{text}')")
        return digits
    if f.type == "phone":
        number = re.sub(r"[\s().-]", "", text)
        if not _PHONE.match(number):
            raise ValidationError(
                f"Isian '{label}': nomor telepon '{text}' tidak valid (awali +62, 62 atau 0, "
                "lalu 8–13 angka)")
        return number
    if f.type == "email":
        if not _EMAIL.match(text):
            raise ValidationError(f"Isian '{label}': alamat surel '{text}' tidak valid")
        return text
    if f.type == "date":
        if isinstance(raw, dt.date):
            return raw.isoformat()
        try:
            return dt.date.fromisoformat(text).isoformat()
        except ValueError:
            raise ValidationError(
                f"Isian '{label}': tanggal '{text}' tidak valid (tulis TTTT-BB-HH, "
                "mis. 2026-03-17)") from None
    if f.type == "integer":
        try:
            return int(text)
        except ValueError:
            raise ValidationError(f"Isian '{label}' harus bilangan bulat (tertulis '{text}')") from None
    if f.type == "choice":
        for choice in f.choices:
            if choice.casefold() == text.casefold():
                return choice
        raise ValidationError(f"Isian '{label}': '{text}' bukan pilihan yang ada "
                              f"({', '.join(f.choices)})")
    return text


def clean_field(f: IntakeField, value):
    """One intake value checked and cleaned (the rule validate_fields applies per field);
    raises ValidationError naming the field. Blank values are the caller's concern."""
    return _clean_field(f, value, "" if value is None else str(value).strip())


def _decision_value(value: str) -> str:
    text = str(value or "").strip().lower()
    if text in ("ya", "y", "yes"):
        return "ya"
    if text in ("tidak", "t", "no", "tdk"):
        return "tidak"
    raise ValidationError(f"Keputusan '{value}' tidak dikenal: pilih ya atau tidak")


def record_event(case, user, action: str, note: str = "", *, at: dt.datetime | None = None,
                 attachments=(), position=None, clock=None) -> dbm.History:
    """Append an event that does not move the case (e.g. "surat": a letter was issued).

    Meant to be called inside the caller's transaction, so the event commits with the
    caller's own rows (the outgoing letter) or not at all; runs its own transaction otherwise.
    `attachments` are StoredFile objects or dicts with sha256, name and size. The caller
    checks permission. `at` may not lie in the future nor before the case's last event.
    """
    clock = clock or dbm.now_local
    with dbm.database.atomic():
        now = clock()
        when = _check_time(case, at, now)
        files = [f.to_dict() if hasattr(f, "to_dict") else dict(f) for f in attachments]
        event = append_event(
            case=case, action=action, from_step=case.current_step, to_step=case.current_step,
            user=user.id, position=getattr(position, "id", position), at=when, recorded_at=now,
            note=note or "", attachments=files)
        for data in files:
            dbm.Attachment.create(case=case, history=event, sha256=data["sha256"],
                                  name=data["name"], size=data["size"], added_by=user.id,
                                  added_at=now)
        notify_cases([case.id])  # other PCs' windows learn of it when this commits
    return event


def _check_time(case, at: dt.datetime | None, now: dt.datetime) -> dt.datetime:
    """The real time of an event: not in the future, not before the case's previous event."""
    given = at is not None
    if at is None:
        at = now
    if at.tzinfo is not None:
        at = at.astimezone().replace(tzinfo=None)
    at = at.replace(microsecond=0)
    if given:  # the office's bounds: not before its start date, not beyond the clock allowance
        from sop_desktop.services.office import check_event_time

        check_event_time(at, now)
    if case is not None:
        last = dbm.database.execute_sql(  # prepared, not a peewee query (issue 19)
            f'SELECT MAX("at") FROM "history" WHERE "case_id" = {dbm.database.param}',
            (getattr(case, "id", case),)).fetchone()[0]
        if isinstance(last, str):
            last = dbm.History.at.python_value(last)
        if last is not None and at < last:
            raise ValidationError(f"Waktu kejadian {iso(at)} tidak boleh sebelum kejadian "
                                  f"sebelumnya pada kasus ini ({iso(last)})")
    return at


def held_by_other(case, user) -> str:
    """Why `user` may not act on a case someone else took ("Ambil"), or "" when they may."""
    if case.holder_id is None or user is None or case.holder_id == user.id:
        return ""
    holder = dbm.User.get_or_none(dbm.User.id == case.holder_id)
    name = f"{holder.name} ({holder.username})" if holder else "pengguna lain"
    return (f"Kasus {case.number} sedang diambil oleh {name}; minta ia melepasnya (Lepas) "
            "atau minta administrator")


def mark_moved(case, user, now: dt.datetime) -> None:
    """The case moved: it is "baru" again for everyone except the one who moved it."""
    p = dbm.database.param  # prepared statements: every action runs these (issue 19)
    dbm.database.execute_sql(f'DELETE FROM "case_read" WHERE "case_id" = {p}', (case.id,))
    dbm.database.execute_sql(
        f'INSERT INTO "case_read" ("user_id", "case_id", "read_at") VALUES ({p}, {p}, {p})',
        (user.id, case.id, dbm.CaseRead.read_at.db_value(now)))


def _read_case(key, *, lock: bool = False) -> dbm.Case | None:
    """The case by id (an int) or agenda number, as a model, through one raw statement (a
    peewee query cost four times as much to build as to run; every action reads its case);
    `lock`: SELECT ... FOR UPDATE (PostgreSQL)."""
    column, value = ("id", key) if isinstance(key, int) else ("number", str(key).strip())
    columns = ", ".join(f'"{f.column_name}"' for f in dbm.Case._meta.sorted_fields)
    sql = (f'SELECT {columns} FROM "cases" WHERE "{column}" = {dbm.database.param}'
           + (" FOR UPDATE" if lock else ""))
    return next(iter(dbm.Case.raw(sql, value)), None)


class CaseService:
    """Open cases and run them through their SOP's steps."""

    def __init__(self, sops, positions, users, attachments=None, clock=None):
        self.sops = sops
        self.positions = positions
        self.users = users
        self.attachments = attachments
        self.clock = clock or dbm.now_local
        self._defs: dict[int, SopDefinition] = {}
        self._calendar = None

    # -- lookups ---------------------------------------------------------------------------------
    def get(self, number) -> dbm.Case:
        """A case by agenda number (or by id when given an int)."""
        if isinstance(number, dbm.Case):
            return number
        case = _read_case(number)
        if case is None:
            raise NotFound(f"Kasus '{number}' tidak ditemukan")
        return case

    def definition(self, case) -> SopDefinition:
        """The SOP version the case started on (it keeps it when the SOP is revised)."""
        vid = case.sop_version_id
        if vid not in self._defs:
            row = dbm.SopVersion.get_by_id(vid)
            defn = SopDefinition.from_dict(row.definition)
            defn.code, defn.version = row.code, row.version
            self._defs[vid] = defn
        return self._defs[vid]

    def list(self, *, sop: str | None = None, status: str | None = None,
             date_from: dt.date | None = None, date_to: dt.date | None = None,
             limit: int | None = None, offset: int = 0) -> list[dbm.Case]:
        """Cases by SOP, status and the date they started (inclusive), newest first."""
        query = self._list_query(sop, status, date_from, date_to).order_by(
            dbm.Case.created_at.desc(), dbm.Case.id.desc())
        if limit is not None:
            query = query.limit(limit).offset(offset)
        return list(query)

    def count(self, *, sop=None, status=None, date_from=None, date_to=None) -> int:
        return self._list_query(sop, status, date_from, date_to).count()

    def _list_query(self, sop, status, date_from, date_to):
        query = dbm.Case.select()
        if sop:
            query = query.where(dbm.Case.sop_code == sop)
        if status:
            if status not in dbm.CASE_STATUSES:
                raise ValidationError(f"Status '{status}' tidak dikenal (pilih: "
                                      f"{', '.join(dbm.CASE_STATUSES)})")
            query = query.where(dbm.Case.status == status)
        if date_from:
            query = query.where(dbm.Case.created_at >= dt.datetime.combine(date_from, dt.time()))
        if date_to:
            query = query.where(dbm.Case.created_at < dt.datetime.combine(
                date_to + dt.timedelta(days=1), dt.time()))
        return query

    def history(self, case) -> list[dbm.History]:
        case = self.get(case)
        return list(dbm.History.select().where(dbm.History.case == case)
                    .order_by(dbm.History.id))

    def last_event(self, case) -> dbm.History | None:
        return (dbm.History.select().where(dbm.History.case == case)
                .order_by(dbm.History.id.desc()).first())

    # -- calendar --------------------------------------------------------------------------------
    def calendar(self):
        """The working calendar; rebuilt only when its stored settings change (the holiday
        tables it computes per year are worth keeping between transitions)."""
        from sop_desktop.domain.calendar import SETTING_KEY, CalendarSettings, WorkCalendar

        raw = dbm.get_setting(SETTING_KEY)
        if self._calendar is None or self._calendar[0] != raw:
            self._calendar = (raw, WorkCalendar(CalendarSettings.from_dict(raw)))
        return self._calendar[1]

    def due_soon_window(self) -> dt.timedelta:
        hours = dbm.get_setting(DUE_SOON_KEY, DEFAULT_DUE_SOON_HOURS)
        return dt.timedelta(hours=float(hours))

    def is_overdue(self, case, now: dt.datetime | None = None) -> bool:
        now = now or self.clock()
        return case.status == STATUS_OPEN and case.current_due is not None and case.current_due < now

    def is_due_soon(self, case, now: dt.datetime | None = None) -> bool:
        now = now or self.clock()
        return (case.status == STATUS_OPEN and case.current_due is not None
                and now <= case.current_due < now + self.due_soon_window())

    def remaining_path(self, defn: SopDefinition, number: int | None) -> list[Step]:
        """The steps from `number` to the end along the main flow (Ya at each decision)."""
        out: list[Step] = []
        seen: set[int] = set()
        while number is not None and number not in seen:
            seen.add(number)
            try:
                step = defn.step(number)
            except KeyError:
                break
            out.append(step)
            nxt = defn.successors(step)
            number = nxt[0] if nxt else None
        return out

    def expected_finish(self, case, cal=None) -> dt.datetime | None:
        """When the case should end if every remaining step takes its full standard."""
        if case.status == STATUS_DONE:
            return case.closed_at
        if case.status != STATUS_OPEN or case.current_step is None:
            return None
        defn = self.definition(case)
        path = self.remaining_path(defn, case.current_step)
        cal = cal or self.calendar()
        start = case.current_due or case.step_started_at or case.created_at
        start = max(start, self.clock())  # what is late is late: the rest starts from now
        return cal.expected_finish(start, [s.waktu for s in path[1:]])

    # -- permission ------------------------------------------------------------------------------
    def _step_position(self, case, defn: SopDefinition):
        if case.current_position_id is not None:
            # from the positions' cached read, kept on the case for _transition (issue 19)
            pos = self.positions.by_id(case.current_position_id)
            if pos is None:
                return case.current_position
            case.current_position = pos
            return pos
        step = defn.step(case.current_step)
        return self.positions.position_for_lane(defn, step.lane)

    def _authorize_step(self, case, defn, user, on_behalf_of=None):
        """(position acted in, official on whose behalf) or PermissionDenied."""
        held = held_by_other(case, on_behalf_of or user)
        if held:
            raise PermissionDenied(held)
        step = defn.step(case.current_step)
        pos = self._step_position(case, defn)
        pos_name = pos.name if pos is not None else (step.lane or "(tanpa pelaksana)")
        where = f"langkah {step.number} ({pos_name})"
        if on_behalf_of is not None:
            if not is_staff(user):
                raise PermissionDenied("Hanya operator atau administrator yang dapat mencatat "
                                       "langkah atas nama pejabat lain")
            if pos is None or pos.id not in self.users.position_ids(on_behalf_of):
                raise PermissionDenied(f"{on_behalf_of.name} ({on_behalf_of.username}) tidak "
                                       f"memegang jabatan {pos_name} untuk {where}")
            if not on_behalf_of.active:
                raise PermissionDenied(f"Pengguna {on_behalf_of.username} sudah dinonaktifkan")
            return pos, on_behalf_of
        if pos is not None and pos.id in self.users.position_ids(user):
            return pos, None
        if is_staff(user) and (pos is None or pos.external):
            # steps of the public or of outside institutions are recorded by staff
            return pos, None
        if is_staff(user):
            raise PermissionDenied(f"{where} dilaksanakan oleh {pos_name}: sebutkan atas nama "
                                   "siapa langkah ini dicatat (--on-behalf-of)")
        raise PermissionDenied(f"Anda ({user.username}) tidak memegang jabatan {pos_name} "
                               f"untuk {where} kasus {case.number}")

    def can_act(self, case, user, on_behalf_of=None) -> bool:
        case = self.get(case)
        if case.status != STATUS_OPEN or case.current_step is None:
            return False
        try:
            self._authorize_step(case, self.definition(case), user, on_behalf_of)
        except PermissionDenied:
            return False
        return True

    def allowed_actions(self, case, user) -> list[str]:
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
        step = defn.step(case.current_step)
        actions = [ACTION_DECIDE if step.kind == "decision" else ACTION_COMPLETE]
        if self.return_targets(case):
            actions.append(ACTION_RETURN)
        actions.append(ACTION_STOP)
        return actions

    def action_states(self, case, user) -> dict[str, str]:
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
        step = defn.step(case.current_step)
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

    def holders_for(self, case) -> list[dbm.User]:
        """Who holds the position of the case's current step (the on-behalf candidates)."""
        case = self.get(case)
        if case.current_position_id is None:
            return []
        return self.users.holders(case.current_position_id)

    def return_targets(self, case) -> list[int]:
        """Earlier steps a case may be returned to: those before the current one in the table."""
        case = self.get(case)
        if case.current_step is None:
            return []
        defn = self.definition(case)
        i = defn.step_index(case.current_step)
        return [s.number for s in defn.steps[:i]]

    # -- time ------------------------------------------------------------------------------------
    def _when(self, case, at: dt.datetime | None) -> dt.datetime:
        return _check_time(case, at, self.clock())

    # -- actions ---------------------------------------------------------------------------------
    def _guard(self, action: str, user, case, fn, *, write: bool = True):
        """Run one action in its own write transaction; log and re-raise refusals.
        `write=False`: only its checks, read outside a transaction (before files are copied)."""
        try:
            if not write:
                return fn()
            with dbm.database.atomic():
                result = fn()
                if isinstance(result, CaseChange):
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

    def open_case(self, sop_code: str, user, fields: dict | None = None, *,
                  at: dt.datetime | None = None, note: str = "", on_behalf_of=None,
                  version: int | None = None, intake_done: bool = True,
                  sifat=None) -> CaseChange:
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

        def body():
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
                              [case.current_position.name] if case.current_position_id else [],
                              event.id, STATUS_OPEN, None, first.number)

        return self._guard(ACTION_OPEN, user, None, body)

    def _place(self, case, defn: SopDefinition, number: int, start: dt.datetime, index=None) -> None:
        """Put the case on a step: lane, position and due time stored for the inbox queries."""
        step = defn.step(number)
        pos = self.positions.position_for_lane(defn, step.lane, index)
        case.current_step = step.number
        case.current_lane = step.lane
        case.current_position = pos  # the row itself (or None): its name is asked next
        case.step_started_at = start
        case.current_due = self.calendar().due(start, step.waktu) if step.waktu else None

    def _act(self, action: str, user, number, check, files=()) -> CaseChange:
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

    def _transition(self, case, defn, user, action: str, to_step: int | None, *, at, note: str,
                    position=None, on_behalf_of=None, decision: str | None = None,
                    stored=(), status: str = STATUS_OPEN) -> CaseChange:
        now = self.clock()
        old_position = case.current_position.name if case.current_position_id else None
        from_step = case.current_step
        due = case.current_due
        seconds = ((at - case.step_started_at).total_seconds()
                   if case.step_started_at is not None and action != ACTION_REOPEN else None)
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
        dbm.update_row(case)  # = case.save(), one prepared UPDATE (issue 19)
        mark_moved(case, user, now)
        event = append_event(
            case=case, action=action, from_step=from_step, to_step=to_step, decision=decision,
            user=user.id, position=position.id if position is not None else None,
            on_behalf_of=on_behalf_of.id if on_behalf_of is not None else None, at=at,
            recorded_at=now, note=note or "", attachments=[f.to_dict() for f in stored],
            seconds_taken=seconds, due=due, on_time=on_time)
        for f in stored:
            dbm.Attachment.create(case=case, history=event, sha256=f.sha256, name=f.name,
                                  size=f.size, added_by=user.id, added_at=now)
        positions = [p for p in dict.fromkeys(
            [old_position, case.current_position.name if case.current_position_id else None]) if p]
        return CaseChange(action, [case.id], [case.number], positions, event.id, case.status,
                          from_step, to_step)

    def advance(self, number, user, *, note: str = "", attachments=(), on_behalf_of=None,
                at: dt.datetime | None = None, decision: str | None = None,
                on_step: int | None = None, on_event: int | None = None) -> CaseChange:
        """Complete the current step (or answer it, for a decision step).

        `on_step` / `on_event`: the step and the last moving event the caller saw (see
        sop_desktop.services.stale); when the case has moved on since, the action is refused."""
        if decision is not None:
            return self.decide(number, user, decision, note=note, attachments=attachments,
                               on_behalf_of=on_behalf_of, at=at, on_step=on_step,
                               on_event=on_event)

        def check():
            case = self._open_case_row(number, on_step, on_event)
            defn = self.definition(case)
            step = defn.step(case.current_step)
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

    def decide(self, number, user, decision: str, *, note: str = "", attachments=(),
               on_behalf_of=None, at: dt.datetime | None = None, on_step: int | None = None,
               on_event: int | None = None) -> CaseChange:
        """Answer a decision step: Ya or Tidak, each going where the SOP says."""
        answer = _decision_value(decision)

        def check():
            case = self._open_case_row(number, on_step, on_event)
            defn = self.definition(case)
            step = defn.step(case.current_step)
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

    def return_to(self, number, user, to_step: int, reason: str, *, on_behalf_of=None,
                  at: dt.datetime | None = None, on_step: int | None = None,
                  on_event: int | None = None) -> CaseChange:
        """Send the case back to an earlier step, with a reason."""
        if not (reason or "").strip():
            raise ValidationError("Alasan pengembalian wajib diisi")

        def body():
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

    def stop(self, number, user, reason: str, *, on_behalf_of=None,
             at: dt.datetime | None = None, on_step: int | None = None,
             on_event: int | None = None) -> CaseChange:
        """Stop a running case (it stays on its step, status dihentikan)."""
        if not (reason or "").strip():
            raise ValidationError("Alasan penghentian wajib diisi")

        def body():
            case = self._open_case_row(number, on_step, on_event)
            defn = self.definition(case)
            if user.role == "administrator" and on_behalf_of is None:
                position, behalf = self._step_position(case, defn), None
            else:
                position, behalf = self._authorize_step(case, defn, user, on_behalf_of)
            when = self._when(case, at)
            return self._transition(case, defn, user, ACTION_STOP, case.current_step, at=when,
                                    note=reason.strip(), position=position, on_behalf_of=behalf,
                                    status=STATUS_STOPPED)

        return self._guard(ACTION_STOP, user, number, body)

    def reopen(self, number, user, reason: str, *, at: dt.datetime | None = None,
               on_event: int | None = None) -> CaseChange:
        """Reopen a stopped case on the step where it stopped (administrator only)."""
        if not (reason or "").strip():
            raise ValidationError("Alasan membuka kembali wajib diisi")

        def body():
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

    def record_event(self, case, user, action: str, note: str = "", *,
                     at: dt.datetime | None = None, attachments=(), position=None) -> dbm.History:
        """See the module-level record_event (this one uses the engine's clock)."""
        return record_event(self.get(case), user, action, note, at=at, attachments=attachments,
                            position=position, clock=self.clock)

    def attach(self, number, user, files, note: str = "") -> dbm.History:
        """Add files to a case without moving it (one "lampiran" event); a failed write
        leaves no copied file behind in the store."""
        case = self.get(number)
        if self.attachments is None:
            raise SopError("Penyimpanan lampiran tidak tersedia")
        with self.attachments.staged(files) as stored:
            names = ", ".join(f.name for f in stored)
            return self._guard(ACTION_ATTACH, user, case, lambda: record_event(
                case, user, ACTION_ATTACH, note or f"Lampiran: {names}", attachments=stored,
                clock=self.clock))

    def _case_or_none(self, number):
        try:
            return self.get(number)
        except NotFound:
            return None

    def _locked(self, number) -> dbm.Case:
        """The case re-read inside the running write transaction.

        SQLite's BEGIN IMMEDIATE already serialises writers; PostgreSQL needs the row lock
        (SELECT ... FOR UPDATE) so two PCs cannot move the same case at once.
        """
        key = number.id if isinstance(number, dbm.Case) else number
        case = _read_case(key, lock=not dbm.is_sqlite())
        if case is None:
            raise NotFound(f"Kasus '{key}' tidak ditemukan")
        return case

    def _open_case_row(self, number, on_step: int | None = None,
                       on_event: int | None = None) -> dbm.Case:
        """The running case, locked for this transaction; refused first when it moved on
        since the view the action was taken on (so the later of two people hears that, not
        "tidak memegang jabatan")."""
        case = self._locked(number)
        check_not_moved(case, on_step, on_event)
        if case.status != STATUS_OPEN or case.current_step is None:
            label = STATUS_LABELS.get(case.status, case.status).lower()
            raise ValidationError(f"Kasus {case.number} sudah {label}: tidak ada langkah yang "
                                  "dapat dikerjakan")
        return case

    # -- views -----------------------------------------------------------------------------------
    def describe(self, case, *, with_history: bool = True, now: dt.datetime | None = None) -> dict:
        """The case as plain data (the CLI's `case show --json`, the UI's case page)."""
        case = self.get(case)
        now = now or self.clock()
        defn = self.definition(case)
        step = None
        if case.current_step is not None:
            try:
                step = defn.step(case.current_step)
            except KeyError:
                step = None
        out = {
            "number": case.number,
            "sop": case.sop_code,
            "sop_version": defn.version,
            "sop_name": defn.name,
            "status": case.status,
            "current_step": case.current_step,
            "step": step.kegiatan if step else None,
            "lane": case.current_lane,
            "position": case.current_position.name if case.current_position_id else None,
            "due": iso(case.current_due),
            "expected_finish": iso(self.expected_finish(case)),
            "overdue": self.is_overdue(case, now),
            "due_soon": self.is_due_soon(case, now),
            "created_at": iso(case.created_at),
            "created_by": case.created_by.username,
            "closed_at": iso(case.closed_at),
            "fields": dict(case.fields or {}),
            # the view's token: actions name it (on_event) and are refused once it is stale
            "last_move_event": last_move_id(case),
            "sifat": sifat_key(case.sifat),
            "holder": case.holder.username if case.holder_id else None,
            "holder_name": case.holder.name if case.holder_id else None,
            "held_at": iso(case.held_at),
        }
        if with_history:
            out["history"] = [self.event_dict(e) for e in self.history(case)]
        return out

    @staticmethod
    def event_dict(event: dbm.History) -> dict:
        return {
            "action": event.action,
            "label": ACTION_LABELS.get(event.action, event.action),
            "from_step": event.from_step,
            "to_step": event.to_step,
            "decision": event.decision,
            "user": event.user.username,
            "user_name": event.user.name,
            "position": event.position.name if event.position_id else None,
            "on_behalf_of": event.on_behalf_of.username if event.on_behalf_of_id else None,
            "on_behalf_of_name": event.on_behalf_of.name if event.on_behalf_of_id else None,
            "at": iso(event.at),
            "recorded_at": iso(event.recorded_at),
            "note": event.note,
            "attachments": list(event.attachments or []),
            "seconds_taken": event.seconds_taken,
            "due": iso(event.due),
            "on_time": event.on_time,
        }
