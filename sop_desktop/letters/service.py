"""Issuing letters for a case: fill a template from the case, number it, record it, print it.

The letter number, the agenda surat keluar row (OutgoingLetter) and the case-history event
"surat" commit in ONE write transaction, and the PDF is written before that transaction
commits: a failure anywhere leaves no number used and no half-recorded letter.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import io
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from babel.dates import format_date

from sop_desktop.domain.dates import tanggal
from sop_desktop.errors import (
    NotFound,
    PermissionDenied,
    SopError,
    StorageError,
    ValidationError,
    storage_error,
)
from sop_desktop.letters import numbering, templates
from sop_desktop.letters.render import HEADER_TEXT_KEYS, PAPER_SIZES, FilledLetter, fill, render_pdf
from sop_desktop.letters.templates import STANDARD_FIELDS, Template, TemplateError
from sop_desktop.output.atomic import atomic_output
from sop_desktop.output.signature import ACTING, Signer, acting_jabatan, format_nip
from sop_desktop.services import numbering as counters
from sop_desktop.services import office
from sop_desktop.services.attachments import AttachmentService, AttachmentStore, StoredFile
from sop_desktop.services.case_events import CaseRef
from sop_desktop.services.disposisi import letter_values
from sop_desktop.services.positions import PositionService
from sop_desktop.services.users import UserService, is_staff, log_refusal
from sop_desktop.services.workflow import STATUS_STOPPED, CaseService
from sop_desktop.storage import db as dbm

if TYPE_CHECKING:
    from sop_desktop.services.container import Services

Fields = Mapping[str, str | None]  # values typed by the person, by field key

ACTION_LETTER = "surat"  # the history action (workflow.ACTION_LETTER)
# Values a user may type with --field besides the template's own fields.
OVERRIDABLE = set(HEADER_TEXT_KEYS) | {"tembusan", "perihal", "penandatangan"}


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", str(text).casefold()).strip("_")


@dataclass
class Question:
    """Something the person must confirm before a letter is issued (the UI asks; the CLI
    needs `flag`). `key` is what issue(confirm=...) takes to say yes."""

    key: str
    text: str  # what is the matter (a statement)
    ask: str  # the question the window puts after it
    flag: str = ""


CONFIRM_OTHER_YEAR = "tahun_lain"  # the letter date lies outside the current year
CONFIRM_AGAIN = "terbit_lagi"  # this template was already issued for this case
CONFIRM_NO_NIP = "tanpa_nip"  # a numbered letter signed by someone without a NIP
# the CLI flag that says yes to each question (a missing NIP is a warning there, no flag)
CLI_FLAGS = {CONFIRM_OTHER_YEAR: "--tahun-lain", CONFIRM_AGAIN: "--lagi", CONFIRM_NO_NIP: ""}


class NeedsConfirmation(ValidationError):
    """Issuing waits for the person's yes on each of `questions` (nothing was used up)."""

    def __init__(self, questions: list[Question]) -> None:
        self.questions = list(questions)
        super().__init__(" ".join(q.text for q in self.questions))


@dataclass
class IssuedLetter:
    """What issuing produced: the number (empty for an unnumbered form) and where it went."""

    number: str
    template_id: str
    path: Path | None
    sha256: str
    outgoing_id: int | None
    event_id: int | None
    letter: FilledLetter | None = field(default=None, repr=False)


class LetterService:
    """Templates for a case's SOP, the values a letter is filled with, and issuing letters."""

    def __init__(self, cases: CaseService, users: UserService, positions: PositionService,
                 attachments: AttachmentService | None = None, *, office_folder: Path | None = None,
                 clock: Callable[[], dt.datetime] | None = None) -> None:
        self.cases = cases
        self.users = users
        self.positions = positions
        self.attachments = attachments
        self.office_folder = office_folder
        self.clock = clock or dbm.now_local

    @classmethod
    def from_services(cls, services: Services) -> LetterService:
        return cls(services.cases, services.users, services.positions,
                   getattr(services, "attachments", None))

    # -- templates ---------------------------------------------------------------------------
    def templates(self) -> dict[str, Template]:
        return templates.load_all(office_folder=self.office_folder)

    def template(self, template_id: str) -> Template:
        return templates.get(template_id, office_folder=self.office_folder)

    def template_on(self, template_id: str, paper: str | None = None) -> Template:
        """The template, printed on `paper` instead of its own paper when given."""
        tpl = self.template(template_id)
        if not paper or paper == tpl.paper:
            return tpl
        if paper not in PAPER_SIZES:
            raise ValidationError(f"Ukuran kertas '{paper}' tidak dikenal (pilih: "
                                  f"{', '.join(PAPER_SIZES)})")
        return dataclasses.replace(tpl, paper=paper)

    def templates_for_case(self, case: CaseRef) -> list[Template]:
        case = self.cases.get(case)
        return templates.for_sop(self.cases.definition(case), self.templates())

    def listing(self) -> list[dict[str, object]]:
        """Each template with the SOPs (codes) it serves, for `letter templates --json`."""
        defs = self.cases.sops.latest_all()
        out = []
        for tpl in self.templates().values():
            item = tpl.summary()
            item["sop_codes"] = [d.code for d in defs
                                 if tpl.serves(d.code, templates.sop_haystack(d))]
            out.append(item)
        return out

    # -- values ------------------------------------------------------------------------------
    def resolve_signer(self, tpl: Template, actor: dbm.User, *, signer: str | None = None,
                       acting: str | None = None, fields: Fields | None = None) -> Signer:
        """The signer: --signer, else the one holder of the template's signing position, else
        the acting user. Plt./Plh. prints before the jabatan of the office signed for."""
        fields = fields or {}
        official = (fields.get("penandatangan") or tpl.texts.get("penandatangan") or "").strip()
        if acting is not None and acting not in ACTING:
            raise ValidationError(f"Tanda tangan '{acting}' tidak dikenal: pilih plt atau plh")
        if signer:
            user = self.users.get(signer)
            if not user.active:
                raise ValidationError(f"Penanda tangan {user.username} sudah dinonaktifkan")
        elif acting:
            raise ValidationError("Tanda tangan Plt./Plh.: sebutkan siapa yang menandatangani "
                                  "(--signer NAMA_PENGGUNA)")
        else:
            user = self._holder_of(official, tpl) or actor
        own = (user.jabatan or "").strip() or next(iter(self.users.position_names(user)), "")
        if acting:
            if not official:
                raise ValidationError(f"Templat {tpl.id} tidak menyebut jabatan penanda tangan; "
                                      "isi --field penandatangan=JABATAN untuk Plt./Plh.")
            jabatan = acting_jabatan(acting, official)
        else:
            jabatan = own or official
        if not jabatan.strip() and tpl.kind != "disposisi":
            raise ValidationError(
                f"{user.name} ({user.username}) tidak memiliki jabatan untuk dicetak di bawah tanda "
                f"tangan {tpl.name}: sebutkan penanda tangan dengan --signer NAMA_PENGGUNA, atau isi "
                "--field penandatangan=JABATAN")
        return Signer(jabatan=jabatan, nama=user.name, nip=format_nip(user.nip),
                      username=user.username, acting=ACTING.get(acting or "", ""))

    def _holder_of(self, jabatan: str, tpl: Template) -> dbm.User | None:
        """The single active user holding the office position `jabatan` signs for it.

        None (the acting user signs, e.g. "Petugas Penerima") when `jabatan` is not an office
        position; an error when it is one but nobody, or several people, hold it.
        """
        if not jabatan:
            return None
        try:
            pos = self.positions.get(jabatan)
        except NotFound:
            return None
        if pos.external:
            return None
        holders = self.users.holders(pos)
        if len(holders) == 1:
            return holders[0]
        who = ("belum dipegang pengguna mana pun" if not holders
               else f"dipegang {len(holders)} pengguna ({', '.join(u.username for u in holders)})")
        raise ValidationError(f"Surat {tpl.id} ditandatangani {pos.name}, yang {who}: sebutkan "
                              "penanda tangan dengan --signer NAMA_PENGGUNA")

    def values_for(self, case: CaseRef, tpl: Template, actor: dbm.User, signer: Signer, *,
                   fields: Fields | None = None,
                   when: dt.date | None = None, number: str = "") -> dict[str, str]:
        """Every value the template needs, from the office profile, the case and `fields`.

        A declared field is read from `fields` (typed by the user), else from the case's
        intake values (its `from` keys, matched on key or on the SOP field's label), else its
        default; what is still missing is one error listing every missing field.
        """
        case = self.cases.get(case)
        defn = self.cases.definition(case)
        given = {k: "" if v is None else str(v) for k, v in (fields or {}).items()}
        unknown = sorted(k for k in given if k not in tpl.fields and k not in OVERRIDABLE)
        if unknown:
            raise ValidationError(
                f"Isian {', '.join(unknown)} tidak dipakai templat {tpl.id}; isian templat ini: "
                + ", ".join(sorted(set(tpl.fields) | OVERRIDABLE)))
        when = when or self.clock().date()
        prof = office.load()
        case_fields = {str(k): v for k, v in (case.fields or {}).items()}
        by_name: dict[str, str] = {}
        for key, value in case_fields.items():
            by_name.setdefault(_norm(key), _as_text(value))
        labels = {f.key: f.label for f in defn.fields}
        for key, label in labels.items():
            if key in case_fields:
                by_name.setdefault(_norm(label), _as_text(case_fields[key]))
        if tpl.kind == "disposisi":  # the case's newest disposisi and its sifat fill the form
            by_name.update({_norm(k): v for k, v in letter_values(case).items()})
        created = case.created_at
        values = {
            "nomor": number, "tanggal": tanggal(when), "tahun": str(when.year),
            "bulan": format_date(when, format="MMMM", locale="id"),
            "kota": prof.kota, "kementerian": prof.kementerian, "kantor": prof.kantor,
            "unit": prof.unit, "alamat": prof.alamat, "telepon": prof.telepon, "laman": prof.laman,
            "email": prof.email,
            "nomor_agenda": case.number,
            "tanggal_diterima": tanggal(created) if created else "",
            # an SOP without a "perihal" intake field: the SOP's name says what the case is about
            "perihal": given.get("perihal") or _as_text(case_fields.get("perihal", "")) or defn.name,
            "sop_nama": defn.name, "sop_nomor": defn.nomor,
            "penandatangan_jabatan": signer.jabatan, "penandatangan_nama": signer.nama,
            "penandatangan_nip": signer.nip,
            "petugas_nama": actor.name,
            "petugas_jabatan": (actor.jabatan or "").strip()
            or next(iter(self.users.position_names(actor)), ""),
        }
        missing = []
        for key, spec in tpl.fields.items():
            value = given.get(key, "")
            if not value.strip():
                for src in spec.sources:
                    value = by_name.get(_norm(src), "")
                    if value.strip():
                        break
            if not value.strip():
                if spec.default is None:
                    missing.append(f"{key} ({spec.label})")
                    continue
                value = spec.default
            values[key] = value
        if missing:
            raise ValidationError(
                f"Isian surat {tpl.id} untuk kasus {case.number} belum lengkap: {'; '.join(missing)}. "
                "Isi dengan --field NAMA=NILAI")
        for key in HEADER_TEXT_KEYS + ("tembusan",):
            if key in given:
                values[key] = given[key]
        return values

    def prepare(self, case: CaseRef, template_id: str, actor: dbm.User, *, signer: str | None = None,
                acting: str | None = None, fields: Fields | None = None,
                when: dt.date | None = None, paper: str | None = None) -> FilledLetter:
        """The letter filled but not numbered or recorded (the print preview)."""
        tpl = self.template_on(template_id, paper)
        who = self.resolve_signer(tpl, actor, signer=signer, acting=acting, fields=fields)
        number = "…" if tpl.numbered else ""
        return fill(tpl, self.values_for(case, tpl, actor, who, fields=fields, when=when,
                                         number=number))

    # -- issuing -----------------------------------------------------------------------------
    def check_case_allows(self, case: dbm.Case, tpl: Template) -> None:
        """A letter is issued on a running or finished case, at or after the step it belongs
        to (the template's `setelah`); never on a stopped case."""
        if case.status == STATUS_STOPPED:
            raise ValidationError(f"Kasus {case.number} sudah dihentikan: {tpl.name} tidak dapat "
                                  "diterbitkan (buka kembali kasusnya bila perlu)")
        step = tpl.step_of(self.cases.definition(case))
        if step is None:
            return
        reached = (case.current_step == step.number or dbm.History.select().where(
            (dbm.History.case == case.id) & (dbm.History.to_step == step.number)).exists())
        if not reached:
            raise ValidationError(
                f"{tpl.name} baru dapat diterbitkan pada atau setelah langkah {step.number} "
                f"({_short(step.kegiatan)}); kasus {case.number} masih di langkah "
                f"{case.current_step}")

    def earlier_issues(self, case: dbm.Case, tpl: Template) -> list[dbm.OutgoingLetter]:
        """The letters of this template already issued for this case (oldest first)."""
        OL = dbm.OutgoingLetter
        return list(OL.select().where((OL.case == case.id) & (OL.template == tpl.id))
                    .order_by(OL.issued_at, OL.id))

    def _questions(self, case: dbm.Case, tpl: Template, who: Signer, when: dt.date) -> list[Question]:
        """The questions issuing this letter now would raise (see questions())."""
        out = []
        today = self.clock().date()
        if tpl.numbered and when.year != today.year:
            out.append(Question(CONFIRM_OTHER_YEAR, (
                f"Tanggal surat {tanggal(when)} di luar tahun berjalan ({today.year}): nomornya "
                f"diambil dari urutan tahun {when.year}."), "Terbitkan dengan tanggal ini?",
                CLI_FLAGS[CONFIRM_OTHER_YEAR]))
        earlier = self.earlier_issues(case, tpl) if tpl.numbered else []
        if earlier:
            listed = "; ".join(f"nomor {r.number} tanggal {tanggal(_as_date(r.issued_at))}"
                               for r in earlier[-3:])
            out.append(Question(CONFIRM_AGAIN, (
                f"{tpl.name} sudah pernah diterbitkan untuk kasus {case.number} ({listed})."),
                "Terbitkan lagi dengan nomor baru?", CLI_FLAGS[CONFIRM_AGAIN]))
        if tpl.numbered and tpl.kind != "disposisi" and not (who.nip or "").strip():
            out.append(Question(CONFIRM_NO_NIP, (
                f"Penanda tangan {who.nama} tidak memiliki NIP: surat bernomor ini dicetak "
                "tanpa NIP."), "Terbitkan tanpa NIP?", CLI_FLAGS[CONFIRM_NO_NIP]))
        return out

    def questions(self, case: CaseRef, template_id: str, actor: dbm.User, *, signer: str | None = None,
                  acting: str | None = None, fields: Fields | None = None,
                  when: dt.date | None = None, paper: str | None = None) -> list[Question]:
        """What the person must confirm before issue() goes ahead (empty: nothing).

        Also raises what issue() would refuse outright (stopped case, step not reached,
        a date outside the office's bounds), so the UI can say it before asking."""
        case = self.cases.get(case)
        tpl = self.template_on(template_id, paper)
        who = self.resolve_signer(tpl, actor, signer=signer, acting=acting, fields=fields)
        when = when or self.clock().date()
        self.check_case_allows(case, tpl)
        office.check_event_time(when, self.clock(), what="Tanggal surat")
        return self._questions(case, tpl, who, when)

    def check_may_issue(self, case: dbm.Case, actor: dbm.User, signer: Signer | None = None) -> None:
        """Staff, the holder of the case's current step, or the signer may issue its letters."""
        if is_staff(actor):
            return
        if signer is not None and signer.username == actor.username:
            return
        if case.current_position_id is not None and \
                case.current_position_id in self.users.position_ids(actor):
            return
        reason = (f"{actor.username} bukan operator, bukan pemegang langkah kasus {case.number} "
                  "saat ini, dan bukan penanda tangan surat")
        log_refusal(actor, "terbitkan surat", reason, case)
        raise PermissionDenied(reason)

    def issue(self, case: CaseRef, template_id: str, actor: dbm.User, *,
              out: str | Path | None = None, signer: str | None = None, acting: str | None = None,
              fields: Fields | None = None, when: dt.date | None = None, paper: str | None = None,
              confirm: Iterable[str] = ()) -> IssuedLetter:
        """Number, record and print a letter for a case; returns the number used.

        `paper` (A4, F4...) prints on another paper than the template's own. `confirm`: the
        keys of the questions (see questions()) already answered yes; any other open question
        raises NeedsConfirmation before anything is used up."""
        case = self.cases.get(case)
        tpl = self.template_on(template_id, paper)
        who = self.resolve_signer(tpl, actor, signer=signer, acting=acting, fields=fields)
        self.check_may_issue(case, actor, who)
        self.check_case_allows(case, tpl)
        when = when or self.clock().date()
        office.check_event_time(when, self.clock(), what="Tanggal surat")
        open_questions = [q for q in self._questions(case, tpl, who, when)
                          if q.key not in set(confirm)]
        if open_questions:
            raise NeedsConfirmation(open_questions)
        # fill once before taking a number: a missing field must not use up a number
        fill(tpl, self.values_for(case, tpl, actor, who, fields=fields, when=when, number="…"))
        out_path = Path(out) if out is not None else None
        if out_path is not None and not out_path.parent.is_dir():
            raise ValidationError(f"Folder {out_path.parent} tidak ada")
        with dbm.database.atomic():
            number = ""
            if tpl.numbered:
                number = self.next_letter_number(tpl, when)
            letter = fill(tpl, self.values_for(case, tpl, actor, who, fields=fields, when=when,
                                               number=number))
            buf = io.BytesIO()
            render_pdf(letter, office.load(), buf)
            data = buf.getvalue()
            sha = hashlib.sha256(data).hexdigest()
            outgoing_id = None
            if tpl.numbered:
                row = dbm.OutgoingLetter.create(
                    case=case.id, template=tpl.id, number=number,
                    # a naskah (tanda terima, berita acara) has no "hal": its title says what it is
                    subject=letter.texts.get("hal") or letter.texts.get("judul") or tpl.name,
                    addressee=letter.texts.get("kepada", ""),
                    issued_at=dt.datetime.combine(when, self.clock().time()),
                    issued_by=actor.id, signer=who.label(), file_sha256=sha)
                outgoing_id = row.id
            stored = []
            if self.attachments is not None and getattr(self.attachments, "store", None) is not None:
                stored = [_store_pdf(self.attachments.store, data, _file_name(tpl, number, case),
                                     tpl, number)]
            if tpl.kind == "disposisi":  # a form, not a signed letter
                note = f"{tpl.name} dicetak"
            else:
                note = (f"{tpl.name}" + (f" nomor {number}" if number else "")
                        + f", ditandatangani {who.label()}")
            event = self.cases.record_event(case, actor, ACTION_LETTER, note, attachments=stored)
            if out_path is not None:
                _write_file(out_path, data, tpl, number)
        return IssuedLetter(number, tpl.id, out_path, sha, outgoing_id, getattr(event, "id", None),
                            letter)

    def next_letter_number(self, tpl: Template, when: dt.date) -> str:
        """Draw the next number of the template's pattern (inside the caller's transaction).

        The counter is the office's (per unit per year across classification codes, or per
        code when the office chose so); a number already in the agenda (issued under an older
        setting) is skipped, so no number is ever issued twice."""
        config = numbering.load_config()
        pattern, klasifikasi = config.pattern_for(tpl)
        key, year = numbering.counter_scope(config, pattern, klasifikasi, when)
        for _ in range(100_000):
            seq = counters.next_number(key, year)
            number = numbering.format_number(pattern, seq, when, kode_kantor=config.kode_kantor,
                                             klasifikasi=klasifikasi)
            if not numbering.number_used(number, pattern, when):
                return number
        raise ValidationError(f"Pola nomor surat '{pattern}' tidak menghasilkan nomor baru")


def _as_text(value: object) -> str:
    """An intake value as a letter prints it (an ISO date as '6 Desember 2026')."""
    if value is None:
        return ""
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return tanggal(dt.date.fromisoformat(value))  # intake dates are stored as ISO text
    return str(value)


def _file_name(tpl: Template, number: str, case: dbm.Case) -> str:
    """The letter's PDF file name: template id and number (or the case number)."""
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", f"{tpl.id}-{number or case.number}").strip("-")
    return f"{stem}.pdf"


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(str(text or "").split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _as_date(value: dt.date | str) -> dt.date:
    """An agenda row's issued_at (text on a database that returns it so) as a date."""
    parsed = dbm.OutgoingLetter.issued_at.python_value(value) if isinstance(value, str) else value
    return parsed.date() if isinstance(parsed, dt.datetime) else parsed


def _what(tpl: Template, number: str) -> str:
    """How the person knows this letter: 'PDF Surat Rekomendasi nomor W.6-...'."""
    return f"PDF {tpl.name}" + (f" nomor {number}" if number else "")


def _save_failed(exc: BaseException, what: str, where: str) -> SopError:
    """A clear message naming what was being saved (never an internal temporary name)."""
    known = storage_error(exc)
    cause = "disk penyimpanan penuh" if known is not None else (
        getattr(exc, "strerror", None) or str(exc).split(": ", 1)[-1] or exc.__class__.__name__)
    return StorageError(f"{what} tidak dapat disimpan ke {where}: {cause}. Surat tidak diterbitkan "
                        "dan nomornya tidak terpakai; kosongkan ruang disk lalu ulangi.")


def _store_pdf(store: AttachmentStore, data: bytes, name: str, tpl: Template, number: str
               ) -> StoredFile:
    """The letter's PDF into the attachment store, under its user-visible name."""
    try:
        return store.add_bytes(data, name)
    except (OSError, SopError) as exc:
        cause = exc.__cause__ or exc.__context__ or exc
        raise _save_failed(cause if isinstance(cause, OSError) else exc,
                           f"{_what(tpl, number)} ('{name}')", "folder lampiran") from None


def _write_file(path: Path, data: bytes, tpl: Template, number: str) -> None:
    """The letter's PDF written atomically to `path` (a clear message when it cannot be)."""
    try:
        with atomic_output(path) as fh:
            fh.write(data)
    except OSError as exc:
        raise _save_failed(exc, _what(tpl, number), str(path)) from None


__all__ = ["LetterService", "IssuedLetter", "Question", "NeedsConfirmation", "Signer",
           "STANDARD_FIELDS", "TemplateError", "format_nip", "ACTING"]
