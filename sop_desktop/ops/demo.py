"""Demo data: realistic cases over every bundled SOP, for training and for benchmarks.

Cases start at random office times over the past year and are walked through their SOP's
steps with plausible durations (mostly within the mutu baku, some late, a few stuck), so the
database holds cases at every step, finished, stopped and overdue ones, each with a history
consistent with its state. Rows are written with executemany inside one transaction; history
rows carry their hash chain like events written by the case engine, and each case its global
chain entry, both computed from the rows held in memory (nothing is read back).

Demo data goes only into a new database (no users, no cases) or one an earlier fill marked as
a training database; the demo users get a random password, shown once to the caller.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import json
import operator
import random
import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypedDict

import peewee as pw

from sop_desktop.domain.calendar import WorkCalendar
from sop_desktop.domain.model import IntakeField, SopDefinition
from sop_desktop.domain.waktu import Waktu
from sop_desktop.errors import ValidationError
from sop_desktop.services import numbering
from sop_desktop.services.container import Services
from sop_desktop.services.positions import normalize_name
from sop_desktop.services.users import hash_password
from sop_desktop.services.workflow import (
    ACTION_COMPLETE,
    ACTION_DECIDE,
    ACTION_OPEN,
    ACTION_STOP,
    STATUS_DONE,
    STATUS_OPEN,
    STATUS_STOPPED,
)
from sop_desktop.settings import DEMO_TRAINING
from sop_desktop.storage import db as dbm
from sop_desktop.storage import ledger
from sop_desktop.storage.integrity import chain_hashes

FLUSH_CASES = 5000  # cases generated before they are written (bounds the memory of a big fill)
_FIRST = ("Budi", "Siti", "Agus", "Dewi", "Rina", "Andi", "Sri", "Hendra", "Putri", "Yusuf",
          "Wahyu", "Ratna", "Fajar", "Lestari", "Bambang", "Nur", "Eko", "Indah", "Rizki", "Maya")
_LAST = ("Santoso", "Rahayu", "Wijaya", "Lestari", "Hidayat", "Saputra", "Kurniawan", "Pratama",
         "Nasution", "Siregar", "Harahap", "Simanjuntak", "Utami", "Setiawan", "Gunawan")
_PERIHAL = ("Permohonan informasi", "Pengaduan pelayanan", "Permohonan izin penelitian",
            "Permohonan data kinerja", "Laporan kegiatan", "Usulan anggaran",
            "Permohonan rekomendasi", "Penyampaian dokumen", "Permintaan klarifikasi")
# one step of a plan: (number, decision?, waktu, waktu key, lane, position id, holder ids,
# next step, Ya step, Tidak step); tuples: the fill reads them millions of times
StepPlan = tuple[int, bool, Waktu | None, tuple[str, float] | None, str | None, int | None,
                 list[int], int | None, int | None, int | None]
# one SOP's plan: (definition, its steps by number, first step, version id, agenda kode)
Plan = tuple[SopDefinition, dict[int, StepPlan], int, int, str]


class DemoPeople(TypedDict):
    """The demo's users (ensure_users): new ones share the demo password."""

    admin: dbm.User
    operators: list[dbm.User]
    holders: dict[int, list[dbm.User]]  # position id -> its holders
    created: int


_NOTES = ("Sudah diperiksa", "Lengkap", "Diteruskan", "Sesuai", "Mohon ditindaklanjuti", "")


@dataclass
class DemoResult:
    """What a fill added (and the demo users' password when it made them)."""

    cases: int
    events: int
    users: int
    open: int
    overdue: int
    password: str = ""  # the demo users' password (random), when users were created


def is_training_database() -> bool:
    """True when an earlier demo fill marked this database as a training database."""
    return bool(dbm.read_setting(DEMO_TRAINING))


def check_demo_target() -> None:
    """Refuse demo data on a database with real users or cases (an office's own data)."""
    if is_training_database():
        return
    users = dbm.User.select().count()
    cases = dbm.Case.select().count()
    if users or cases:
        raise ValidationError(
            f"Basis data ini berisi {cases} kasus dan {users} pengguna: data demo hanya untuk "
            "basis data baru atau basis data pelatihan. Buat basis data pelatihan tersendiri, "
            "misalnya: sop-desktop --db pelatihan.sqlite3 demo")


def new_password() -> str:
    """A random password for the demo users (never a published one)."""
    return secrets.token_urlsafe(12)


_KOTA = ("Palembang", "Prabumulih", "Lubuklinggau", "Pagar Alam", "Baturaja", "Kayuagung",
         "Sekayu", "Muara Enim", "Lahat", "Martapura")
_JALAN = ("Jl. Jenderal Sudirman", "Jl. Merdeka", "Jl. Kapten Rivai", "Jl. Demang Lebar Daun",
          "Jl. Angkatan 45", "Jl. Veteran", "Jl. Basuki Rahmat", "Jl. Kolonel Atmo")
_TERADU = ("Dinas Kependudukan dan Pencatatan Sipil", "Rumah Sakit Umum Daerah",
           "Kepolisian Sektor", "PT Perkebunan Nusantara", "Pemerintah Desa", "Dinas Pendidikan",
           "Badan Pertanahan Nasional", "Lembaga Pemasyarakatan", "Dinas Sosial")
_ADUAN = ("Pengaduan atas penggusuran lahan tanpa ganti rugi yang layak",
          "Pengaduan atas penolakan layanan kesehatan bagi peserta BPJS",
          "Pengaduan atas penahanan yang melebihi batas waktu",
          "Pengaduan atas pemutusan hubungan kerja sepihak",
          "Pengaduan atas penolakan pencatatan kelahiran anak",
          "Pengaduan atas intimidasi dalam sengketa tanah adat",
          "Pengaduan atas diskriminasi penerimaan siswa baru")
_KAMPUS = ("Universitas Sriwijaya", "Universitas Muhammadiyah Palembang", "UIN Raden Fatah",
           "Politeknik Negeri Sriwijaya", "Universitas PGRI Palembang", "SMK Negeri 2 Palembang",
           "Universitas Bina Darma", "Politeknik Ilmu Pemasyarakatan")
_JUDUL = ("Efektivitas layanan komunikasi masyarakat di bidang HAM",
          "Implementasi kebijakan kabupaten/kota peduli HAM",
          "Peran kantor wilayah dalam harmonisasi peraturan daerah",
          "Pelayanan publik berbasis HAM di tingkat daerah",
          "Tata kelola kearsipan dinamis di instansi vertikal")
_UNIT = ("Bagian Umum", "Bagian Program dan Humas", "Divisi Pelayanan Hukum dan HAM",
         "Bidang Hak Asasi Manusia", "Subbagian Kepegawaian", "Subbagian Keuangan")
_APLIKASI = ("SIMPEG", "e-Office", "SIMAK BMN", "SAKTI", "e-Kinerja", "SIPKUMHAM")
_HAK = ("Operator", "Verifikator", "Administrator unit", "Pengguna baca saja")
_MAIL_DOMAINS = ("gmail.com", "yahoo.co.id", "student.unsri.ac.id", "mail.contoh.id")
_BULAN = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
          "September", "Oktober", "November", "Desember")
_ROMAWI = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def _person(rng: random.Random) -> str:
    """A made-up Indonesian name."""
    return f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"


def _field_value(f: IntakeField, rng: random.Random, when: dt.datetime) -> str | int:
    """A plausible value for an intake field, by its type and then by what its key means."""
    if f.type == "nik":
        return "".join(rng.choice("0123456789") for _ in range(16))
    if f.type == "nip":
        return "19" + "".join(rng.choice("0123456789") for _ in range(16))
    if f.type == "phone":
        return "08" + "".join(rng.choice("0123456789") for _ in range(rng.randint(9, 11)))
    if f.type == "email":
        return f"{rng.choice(_FIRST)}.{rng.choice(_LAST)}".lower() + "@contoh.id"
    if f.type == "date":
        return (when.date() - dt.timedelta(days=rng.randint(0, 30))).isoformat()
    if f.type == "integer":
        return when.year if "tahun" in f.key.lower() else rng.randint(1, 12)
    if f.type == "choice":
        return rng.choice(f.choices) if f.choices else ""
    key = f"{f.key} {f.label}".lower()
    if "alamat" in key:
        return f"{rng.choice(_JALAN)} No. {rng.randint(1, 250)}, {rng.choice(_KOTA)}"
    if "teradu" in key:
        return f"{rng.choice(_TERADU)} {rng.choice(_KOTA)}"
    if "pokok" in key or "aduan" in key or "uraian" in key:
        return f"{rng.choice(_ADUAN)} di {rng.choice(_KOTA)}."
    if "nomor_surat" in key or "nomor surat" in key:
        return (f"{rng.randint(1, 999):03d}/{rng.choice(('UND', 'SK', 'B', 'PH'))}/"
                f"{_ROMAWI[when.month - 1]}/{when.year}")
    if "paspor" in key:
        return rng.choice("ABCEX") + "".join(rng.choice("0123456789") for _ in range(7))
    if "warga" in key:
        return rng.choice(("Malaysia", "Singapura", "Tiongkok", "Australia", "Belanda"))
    if "instansi" in key or "perguruan" in key or "sekolah" in key:
        return rng.choice(_KAMPUS)
    if "judul" in key:
        return rng.choice(_JUDUL)
    if "aplikasi" in key:
        return rng.choice(_APLIKASI)
    if "hak_akses" in key or "hak akses" in key:
        return rng.choice(_HAK)
    if "unit" in key or "bagian" in key:
        return rng.choice(_UNIT)
    if "periode" in key:
        start = rng.randint(0, 11)
        return f"{_BULAN[start]} – {_BULAN[(start + rng.randint(1, 3)) % 12]} {when.year}"
    if any(w in key for w in ("nama", "pemohon", "pengadu", "pelapor", "peserta")):
        return _person(rng)
    if f.type == "textarea":
        return f"{rng.choice(_PERIHAL)} atas nama {_person(rng)}."
    return rng.choice(_PERIHAL)


def _email_of(name: str, rng: random.Random) -> str:
    """An e-mail address made from a person's name: 'Siti Aminah' -> siti.aminah@..."""
    local = ".".join(re.sub(r"[^a-z]", "", part) for part in name.lower().split()[:2])
    return f"{local.strip('.') or 'pemohon'}{rng.choice(('', '', str(rng.randint(1, 99))))}@" \
           f"{rng.choice(_MAIL_DOMAINS)}"


def _period_after(rng: random.Random, when: dt.datetime) -> str:
    """An internship or research period that starts one to three months after the request
    and lasts one to three months: 'Januari – Maret 2027' (years named when they differ)."""
    first = when.year * 12 + when.month - 1 + rng.randint(1, 3)
    last = first + rng.randint(1, 3)
    (y1, m1), (y2, m2) = divmod(first, 12), divmod(last, 12)
    if y1 == y2:
        return f"{_BULAN[m1]} – {_BULAN[m2]} {y2}"
    return f"{_BULAN[m1]} {y1} – {_BULAN[m2]} {y2}"


def _record(fields: Sequence[IntakeField], rng: random.Random,
            when: dt.datetime) -> dict[str, str | int]:
    """One case's intake values that agree with each other: the e-mail is made from the
    applicant's name, a requested period lies after the request date."""
    values = {f.key: _field_value(f, rng, when) for f in fields}
    person = next((str(values[f.key]) for f in fields if f.type not in ("email", "textarea")
                   and isinstance(values.get(f.key), str) and _is_person(f)), None)
    for f in fields:
        if f.type == "email":
            values[f.key] = _email_of(person or _person(rng), rng)
        elif f.type == "text" and "periode" in f"{f.key} {f.label}".lower():
            values[f.key] = _period_after(rng, when)
    return values


def _is_person(f: IntakeField) -> bool:
    """True for a field that names a person (the applicant), not an institution."""
    key = f"{f.key} {f.label}".lower()
    return any(w in key for w in ("nama", "pemohon", "pengadu", "pelapor", "peserta")) and \
        not any(w in key for w in ("instansi", "unit", "aplikasi", "akun", "teradu"))


def ensure_users(services: Services, rng: random.Random, password: str) -> DemoPeople:
    """An administrator, two operators and one pejabat for every internal position.

    New demo users share `password`; its scrypt hash is computed once.
    Returns {"admin": User, "operators": [User], "holders": {position_id: [User]}}.
    """
    shared_hash: str | None = None
    created = 0

    def make(username: str, name: str, role: str, positions: Sequence[str] = ()) -> dbm.User:
        nonlocal shared_hash, created
        user = dbm.User.get_or_none(dbm.User.username == username)
        if user is None:
            if shared_hash is None:
                shared_hash = hash_password(password)
            user = services.users.create(username, name, "", role, positions=list(positions),
                                         password_hash=shared_hash)
            created += 1
        return user

    admin = make("admin", "Administrator Demo", "administrator")
    operators = [make("operator", "Operator Demo", "operator"),
                 make("operator2", "Operator Demo Dua", "operator")]
    holders: dict[int, list[dbm.User]] = {}
    taken: set[str] = set()
    for pos in services.positions.all():
        if pos.external:
            continue
        base = (normalize_name(pos.name) or "jabatan")[:24]
        username = base
        n = 2
        while username in taken:
            username, n = f"{base}{n}", n + 1
        taken.add(username)
        first, last = rng.choice(_FIRST), rng.choice(_LAST)
        user = make(username, f"{first} {last}", "pejabat", [pos.name])
        holders.setdefault(pos.id, []).append(user)
    return {"admin": admin, "operators": operators, "holders": holders, "created": created}


def fill(services: Services, cases: int, seed: int = 1, now: dt.datetime | None = None, *,
         password: str | None = None) -> DemoResult:
    """Add `cases` demo cases (and the users they need) to a new or training database.

    New demo users get `password` (default: a random one, returned in the result)."""
    if cases < 0:
        raise ValidationError("Jumlah kasus demo tidak boleh negatif")
    check_demo_target()
    password = password or new_password()
    rng = random.Random(seed)
    now = (now or services.cases.clock()).replace(microsecond=0)
    defs = [d for d in services.sops.latest_all() if not d.incomplete and d.steps]
    if not defs:
        raise ValidationError("Pustaka SOP kosong: tidak ada SOP untuk kasus demo")
    # marked first: a fill cut short leaves a training database that a new fill may complete
    dbm.write_setting(DEMO_TRAINING, {"since": now.isoformat()})
    people = ensure_users(services, rng, password)
    cal = _memoised_calendar(services.cases.calendar())
    plans = _plans(services, defs, people["holders"])
    starts = _start_times(rng, cal, now, cases, len(plans))
    run = _DemoRun(services.db, rng, cal, now, plans, [u.id for u in people["operators"]])
    with services.db.atomic():
        first_id = (dbm.database.execute_sql('SELECT COALESCE(MAX("id"), 0) FROM "cases"')
                    .fetchone()[0]) + 1
        run.next_event = (dbm.database.execute_sql(  # ids given here: no read-back for the chain
            'SELECT COALESCE(MAX("id"), 0) FROM "history"').fetchone()[0]) + 1
        # the global chain: users first, then one entry per new case as each batch is written
        ledger.record_unledgered_users(services.db)
        rebuilt = _drop_indexes_for_bulk(services.db, len(starts)) if run.sqlite else []
        for i, (start, plan_no) in enumerate(starts):
            run.add_case(first_id + i, start, plan_no)
            if len(run.case_rows) >= FLUSH_CASES:
                run.flush()
        run.flush()
        for sql in rebuilt:  # building an index once is faster than growing it row by row
            services.db.execute_sql(sql)
        for (code, year), value in run.seqs.items():
            numbering.raise_to(numbering.agenda_key(code), year, value)
    return DemoResult(run.n_cases, run.n_events, people["created"], run.n_open, run.n_overdue,
                      password if people["created"] else "")


def _memoised_calendar(cal: WorkCalendar) -> WorkCalendar:
    """A copy of the working calendar with its day questions memoised: the same few hundred
    days (and, times being rounded, the same moments) are asked about again and again (its
    settings do not change during the fill). A copy: the services' own calendar keeps no memo."""
    cal = copy.copy(cal)  # shares the settings and the holiday tables per year
    for name in ("is_working_day", "next_working_day", "office_hours", "next_opening"):
        setattr(cal, name, functools.lru_cache(maxsize=None)(getattr(cal, name)))
    return cal


def _plans(services: Services, defs: list[SopDefinition],
           holders: dict[int, list[dbm.User]]) -> list[Plan]:
    """Per SOP: (definition, its steps as tuples by number, first step, version id, kode)."""
    index = services.positions._index()
    version_ids = {(r.code, r.version): r.id for r in dbm.SopVersion.select(
        dbm.SopVersion.id, dbm.SopVersion.code, dbm.SopVersion.version)}
    external = {p.id for p in dbm.Position.select() if p.external}
    plans: list[Plan] = []
    for d in defs:
        steps: dict[int, StepPlan] = {}
        for step in d.steps:
            pos = services.positions.position_for_lane(d, step.lane, index)
            pos_id = pos.id if pos is not None else None
            staff_only = pos_id is None or pos_id in external or pos_id not in holders
            holder_ids = [] if staff_only or pos_id is None else [u.id for u in holders[pos_id]]
            nxt = d.successors(step)
            wkey = (step.waktu.unit, step.waktu.max) if step.waktu else None
            steps[step.number] = (step.number, step.kind == "decision", step.waktu, wkey,
                                  step.lane, pos_id, holder_ids, nxt[0] if nxt else None,
                                  step.yes, step.no)
        plans.append((d, steps, d.steps[0].number, version_ids[(d.code, d.version)],
                      numbering.sop_kode(d.code)))
    return plans


def _start_times(rng: random.Random, cal: WorkCalendar, now: dt.datetime, cases: int,
                 n_plans: int) -> list[tuple[dt.datetime, int]]:
    """Case start times: random office moments over the past year (with the plan each
    follows), in time order, so agenda numbers follow time."""
    starts: list[tuple[dt.datetime, int]] = []
    year_seconds = 365 * 86400
    for _ in range(cases):
        moment = now - dt.timedelta(seconds=int(rng.random() * year_seconds))
        moment = cal.next_opening(moment.replace(minute=moment.minute - moment.minute % 10,
                                                 second=0))
        if moment > now:
            moment = now - dt.timedelta(minutes=rng.randint(1, 600))
        starts.append((moment, rng.randrange(n_plans)))
    starts.sort()
    return starts


_HISTORY_COLUMNS = ("case_id", "action", "from_step", "to_step", "decision", "user_id",
                    "position_id", "on_behalf_of_id", "at", "recorded_at", "note",
                    "attachments", "seconds_taken", "due", "on_time")
_CASE_COLUMNS = ("id", "number", "sop_version_id", "sop_code", "year", "seq", "status",
                 "current_step", "current_lane", "current_position_id", "step_started_at",
                 "current_due", "closed_at", "fields", "created_by_id", "created_at",
                 "recorded_at", "updated_at")
# a case row (_CASE_COLUMNS) in the global chain's column order (ledger.CASE_COLUMNS)
_LEDGER_ORDER = operator.itemgetter(*(_CASE_COLUMNS.index(c) for c in ledger.CASE_COLUMNS))
_TEN = dt.timedelta(minutes=10)
_MIDNIGHT = dt.datetime(2000, 1, 1)
_FIVE = dt.timedelta(minutes=5)


class _DemoRun:
    """One fill's generator: walks each case through its plan and buffers the rows to write."""

    def __init__(self, db: pw.Database, rng: random.Random, cal: WorkCalendar, now: dt.datetime,
                 plans: list[Plan], op_ids: list[int]) -> None:
        self.db, self.rng, self.cal, self.now = db, rng, cal, now
        self.plans, self.op_ids = plans, op_ids
        self.random_ = rng.random
        self.pattern = numbering.agenda_pattern()
        self.sqlite = dbm.is_sqlite()
        self.stamps: dict[dt.datetime, str | dt.datetime] = {}
        self.due_cache: dict[tuple[dt.datetime, Any], tuple[dt.datetime, str | dt.datetime]] = {}
        self.seqs: dict[tuple[str, int], int] = {}
        self.pools: dict[tuple[int, int, int], list[str]] = {}
        self.case_rows: list[tuple[Any, ...]] = []
        self.event_rows: list[tuple[Any, ...]] = []
        self.last_events: list[int] = []  # per case row: the index of its last event row
        self.next_event = 1  # the id of the next event written (fill sets it)
        self.n_open = self.n_overdue = self.n_cases = self.n_events = 0

    def fmt(self, value: dt.datetime) -> str | dt.datetime:
        """A time as the driver stores it (text for SQLite), from a cache."""
        # times are rounded to ten minutes, so the same few thousand strings repeat
        text = self.stamps.get(value)
        if text is None:
            text = self.stamps[value] = value.isoformat(" ") if self.sqlite else value
        return text

    def due_of(self, start: dt.datetime, waktu: Waktu,
               wkey: Any) -> tuple[dt.datetime, str | dt.datetime]:
        """A step's due time from `start`, and as stored."""
        # memoised by start and by the moment counted from (steps ending after hours share it)
        hit = self.due_cache.get((start, wkey))
        if hit is None:
            counted = self.cal.counted_from(start, waktu)
            hit = self.due_cache.get((counted, wkey))
            if hit is None:
                due = self.cal.due(counted, waktu)
                hit = self.due_cache[(counted, wkey)] = (due, self.fmt(due))
            self.due_cache[(start, wkey)] = hit
        return hit

    def flush(self) -> None:
        """Write the cases generated so far with their history and their global chain
        entries (whole cases, so each chain is complete in one batch), keeping memory small
        on a 4 GB office PC. The entries come from the rows held here: nothing is read back."""
        _insert(self.db, self.sqlite, "cases", _CASE_COLUMNS, self.case_rows)
        # every case is new (ids above the highest one), so each chain starts empty
        hashes = chain_hashes(_HISTORY_COLUMNS, self.event_rows, previous={})
        first = self.next_event
        _insert(self.db, self.sqlite, "history", ("id",) + _HISTORY_COLUMNS + ("hash",),
                [(first + i,) + row + (digest,)
                 for i, (row, digest) in enumerate(zip(self.event_rows, hashes, strict=True))])
        # one entry per case: its row as written, with its last event (ids follow case order)
        states = ledger.state_digests(ledger.KIND_CASE, list(map(_LEDGER_ORDER, self.case_rows)))
        ledger.append(self.db, [
            (ledger.KIND_CASE, row[0], first + last, hashes[last], state)
            for row, last, state in zip(self.case_rows, self.last_events, states, strict=True)])
        self.next_event += len(self.event_rows)
        self.n_cases += len(self.case_rows)
        self.n_events += len(self.event_rows)
        self.case_rows, self.event_rows, self.last_events = [], [], []

    def _number(self, defn: SopDefinition, kode: str, start: dt.datetime) -> tuple[int, str]:
        """The case's agenda sequence and number, counted here during the fill."""
        key = (defn.code, start.year)
        if key not in self.seqs:
            self.seqs[key] = numbering.peek(numbering.agenda_key(defn.code), start.year)
        self.seqs[key] += 1
        seq = self.seqs[key]
        return seq, numbering.format_number(self.pattern, seq, kode, start, sop=defn.code)

    def _fields(self, plan_no: int, defn: SopDefinition, start: dt.datetime) -> str:
        """A case's intake values as stored JSON, from a small pool per SOP and month."""
        pool_key = (plan_no, start.year, start.month)
        pool = self.pools.get(pool_key)
        if pool is None:  # a few hundred intake records per SOP and month, reused
            pool = self.pools[pool_key] = [
                json.dumps(_record(defn.fields, self.rng, start),
                           ensure_ascii=False, sort_keys=True) for _ in range(50)]
        return pool[int(self.random_() * len(pool))]

    def add_case(self, case_id: int, start: dt.datetime, plan_no: int) -> None:
        """Generate one case from its start: its events, then its row in its final state."""
        defn, steps, first, vid, kode = self.plans[plan_no]
        seq, number = self._number(defn, kode, start)
        fields = self._fields(plan_no, defn, start)
        op_ids = self.op_ids
        opener = op_ids[int(self.random_() * len(op_ids))]
        start_s = self.fmt(start)
        self.event_rows.append((case_id, ACTION_OPEN, None, first, None, opener, None, None,
                                start_s, start_s, "", "[]", None, None, None))
        status, t, step, due, due_s = self._walk(case_id, start, steps[first], steps)
        t_s = self.fmt(t)
        row: tuple[Any, ...]
        if status == STATUS_OPEN:
            self.n_open += 1
            self.n_overdue += due is not None and due < self.now
            row = (case_id, number, vid, defn.code, start.year, seq, status, step[0],
                   step[4], step[5], t_s, due_s, None)
        elif status == STATUS_DONE:
            row = (case_id, number, vid, defn.code, start.year, seq, status, None, None, None,
                   t_s, None, t_s)
        else:
            row = (case_id, number, vid, defn.code, start.year, seq, status, step[0],
                   step[4], step[5], t_s, None, t_s)
        self.case_rows.append(row + (fields, opener, start_s, start_s, t_s))
        self.last_events.append(len(self.event_rows) - 1)

    def _walk(self, case_id: int, t: dt.datetime, step: StepPlan, steps: dict[int, StepPlan]
              ) -> tuple[str, dt.datetime, StepPlan, dt.datetime | None, str | dt.datetime | None]:
        """Move the case on from `step` until now, it ends or it is stopped; returns
        (status, time of its last move, its step, that step's due and due as stored)."""
        random_, op_ids, now = self.random_, self.op_ids, self.now
        # the caches looked up here directly: this loop runs once per event of a fill
        stamps, due_cache, add = self.stamps, self.due_cache, self.event_rows.append
        due: dt.datetime | None
        due_s: str | dt.datetime | None
        due, due_s = self.due_of(t, step[2], step[3]) if step[2] else (None, None)
        budget = len(steps) * 3
        while True:
            # how long this step takes: mostly inside the standard, sometimes late, rarely stuck
            roll = random_()
            span = (due - t) if due is not None else dt.timedelta(minutes=5 + 235 * random_())
            if span < _FIVE:
                span = _FIVE
            # uniform(a, b) written out (a + (b - a) * random()): the same numbers, no call
            factor = (0.2 + 0.8 * random_() if roll < 0.8 else 1.0 + 2.0 * random_()
                      if roll < 0.97 else 10 + 50 * random_())
            # to the ten minutes (down, plus ten): plausible for clerks, due times repeat
            done_at = _MIDNIGHT + (t + span * factor - _MIDNIGHT) // _TEN * _TEN + _TEN
            budget -= 1
            if done_at > now or budget <= 0:
                return STATUS_OPEN, t, step, due, due_s  # still on this step
            pos_id, holder_ids = step[5], step[6]
            actor, behalf = self._actor(holder_ids, op_ids)
            seconds = (done_at - t).total_seconds()
            on_time = (done_at <= due) if due is not None else None
            done_s = stamps.get(done_at) or self.fmt(done_at)
            if random_() < 0.01:
                add((case_id, ACTION_STOP, step[0], step[0], None, actor, pos_id, behalf, done_s,
                     done_s, "Pemohon mencabut permohonan", "[]", seconds, due_s, on_time))
                return STATUS_STOPPED, done_at, step, due, due_s
            if step[1]:
                answer = "ya" if random_() < 0.85 else "tidak"
                target = step[8] if answer == "ya" else step[9]
                action = ACTION_DECIDE
            else:
                answer, target, action = None, step[7], ACTION_COMPLETE
            add((case_id, action, step[0], target, answer, actor, pos_id, behalf, done_s, done_s,
                 _NOTES[int(random_() * len(_NOTES))], "[]", seconds, due_s, on_time))
            t = done_at
            if target is None:
                return STATUS_DONE, t, step, due, due_s
            step = steps[target]
            if step[2] is None:
                due, due_s = None, None
            else:
                due, due_s = due_cache.get((t, step[3])) or self.due_of(t, step[2], step[3])

    def _actor(self, holder_ids: list[int], op_ids: list[int]) -> tuple[int, int | None]:
        """Who records the step: a holder of its position, or an operator (on a holder's
        behalf one time in five; always for the public's and outside offices' steps)."""
        random_ = self.random_
        if not holder_ids:
            return op_ids[int(random_() * len(op_ids))], None
        if random_() < 0.2:
            actor = op_ids[int(random_() * len(op_ids))]
            return actor, holder_ids[int(random_() * len(holder_ids))]
        return holder_ids[int(random_() * len(holder_ids))], None


def _drop_indexes_for_bulk(db: pw.Database, adding: int) -> list[str]:
    """Drop the indexes of cases and history when the fill at least doubles them; returns
    the statements that recreate them (same transaction, so a failure restores them)."""
    existing = db.execute_sql('SELECT COUNT(*) FROM "cases"').fetchone()[0]
    if adding < max(existing, 1000):
        return []
    rows = db.execute_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        "AND tbl_name IN ('cases', 'history')").fetchall()
    for name, _ in rows:
        db.execute_sql(f'DROP INDEX "{name}"')
    return [sql for _, sql in rows]


def _insert(db: pw.Database, sqlite: bool, table: str, columns: tuple[str, ...],
            rows: list[tuple[Any, ...]]) -> None:
    """Bulk insert with the driver's executemany (psycopg2: execute_values)."""
    if not rows:
        return
    cols = ", ".join(f'"{c}"' for c in columns)
    if sqlite:
        sql = f'INSERT INTO "{table}" ({cols}) VALUES ({", ".join("?" * len(columns))})'
        cursor = db.cursor()
        # a bigger page cache for this connection while index b-trees grow
        old = cursor.execute("PRAGMA cache_size").fetchone()[0]
        cursor.execute("PRAGMA cache_size = -262144")
        try:
            cursor.executemany(sql, rows)
        finally:
            cursor.execute(f"PRAGMA cache_size = {int(old)}")
        return
    from psycopg2.extras import execute_values

    cursor = db.cursor()
    execute_values(cursor, f'INSERT INTO "{table}" ({cols}) VALUES %s', rows, page_size=2000)
    if table in ("cases", "history"):  # explicit ids: move the sequence past them
        db.execute_sql(f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
                       f"(SELECT MAX(\"id\") FROM \"{table}\"))")
