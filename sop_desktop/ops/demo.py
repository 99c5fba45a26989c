"""Demo data: realistic cases over every bundled SOP, for training and for benchmarks.

Cases start at random office times over the past year and are walked through their SOP's
steps with plausible durations (mostly within the mutu baku, some late, a few stuck), so the
database holds cases at every step, finished, stopped and overdue ones, each with a history
consistent with its state. Rows are written with executemany inside one transaction; history
rows carry their hash chain like events written by the case engine.

Demo data goes only into a new database (no users, no cases) or one an earlier fill marked as
a training database; the demo users get a random password, shown once to the caller.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import random
import re
import secrets
from dataclasses import dataclass

from sop_desktop.errors import ValidationError
from sop_desktop.services import numbering
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
from sop_desktop.storage import db as dbm
from sop_desktop.storage import ledger
from sop_desktop.storage.integrity import chain_hashes

TRAINING_KEY = "demo.training"  # Setting: this database holds demo data (a training database)
FLUSH_CASES = 5000  # cases generated before they are written (bounds the memory of a big fill)
_FIRST = ("Budi", "Siti", "Agus", "Dewi", "Rina", "Andi", "Sri", "Hendra", "Putri", "Yusuf",
          "Wahyu", "Ratna", "Fajar", "Lestari", "Bambang", "Nur", "Eko", "Indah", "Rizki", "Maya")
_LAST = ("Santoso", "Rahayu", "Wijaya", "Lestari", "Hidayat", "Saputra", "Kurniawan", "Pratama",
         "Nasution", "Siregar", "Harahap", "Simanjuntak", "Utami", "Setiawan", "Gunawan")
_PERIHAL = ("Permohonan informasi", "Pengaduan pelayanan", "Permohonan izin penelitian",
            "Permohonan data kinerja", "Laporan kegiatan", "Usulan anggaran",
            "Permohonan rekomendasi", "Penyampaian dokumen", "Permintaan klarifikasi")
_NOTES = ("Sudah diperiksa", "Lengkap", "Diteruskan", "Sesuai", "Mohon ditindaklanjuti", "")


@dataclass
class DemoResult:
    cases: int
    events: int
    users: int
    open: int
    overdue: int
    password: str = ""  # the demo users' password (random), when users were created


def is_training_database() -> bool:
    """True when an earlier demo fill marked this database as a training database."""
    return bool(dbm.get_setting(TRAINING_KEY))


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
    return f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"


def _field_value(f, rng: random.Random, when: dt.datetime):
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


def _record(fields, rng: random.Random, when: dt.datetime) -> dict:
    """One case's intake values that agree with each other: the e-mail is made from the
    applicant's name, a requested period lies after the request date."""
    values = {f.key: _field_value(f, rng, when) for f in fields}
    person = next((values[f.key] for f in fields if f.type not in ("email", "textarea")
                   and isinstance(values.get(f.key), str) and _is_person(f)), None)
    for f in fields:
        if f.type == "email":
            values[f.key] = _email_of(person or _person(rng), rng)
        elif f.type == "text" and "periode" in f"{f.key} {f.label}".lower():
            values[f.key] = _period_after(rng, when)
    return values


def _is_person(f) -> bool:
    key = f"{f.key} {f.label}".lower()
    return any(w in key for w in ("nama", "pemohon", "pengadu", "pelapor", "peserta")) and \
        not any(w in key for w in ("instansi", "unit", "aplikasi", "akun", "teradu"))


def ensure_users(services, rng: random.Random, password: str) -> dict:
    """An administrator, two operators and one pejabat for every internal position.

    New demo users share `password`; its scrypt hash is computed once.
    Returns {"admin": User, "operators": [User], "holders": {position_id: [User]}}.
    """
    shared_hash = None
    created = 0

    def make(username, name, role, positions=()):
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
    holders: dict[int, list] = {}
    taken = set()
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


def fill(services, cases: int, seed: int = 1, now: dt.datetime | None = None, *,
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
    dbm.set_setting(TRAINING_KEY, {"since": now.isoformat()})
    people = ensure_users(services, rng, password)
    cal = _memoised_calendar(services.cases.calendar())
    plans = _plans(services, defs, people["holders"])
    starts = _start_times(rng, cal, now, cases, len(plans))
    run = _DemoRun(services.db, rng, cal, now, plans, [u.id for u in people["operators"]])
    with services.db.atomic():
        first_id = (dbm.database.execute_sql('SELECT COALESCE(MAX("id"), 0) FROM "cases"')
                    .fetchone()[0]) + 1
        rebuilt = _drop_indexes_for_bulk(services.db, len(starts)) if run.sqlite else []
        for i, (start, plan_no) in enumerate(starts):
            run.add_case(first_id + i, start, plan_no)
            if len(run.case_rows) >= FLUSH_CASES:
                run.flush()
        run.flush()
        for sql in rebuilt:  # building an index once is faster than growing it row by row
            services.db.execute_sql(sql)
        # the global chain: one entry per new case (its whole history chains to its last event)
        ledger.record_unledgered(services.db, cases_from=first_id)
        for (code, year), value in run.seqs.items():
            numbering.raise_to(numbering.agenda_key(code), year, value)
    return DemoResult(run.n_cases, run.n_events, people["created"], run.n_open, run.n_overdue,
                      password if people["created"] else "")


def _memoised_calendar(cal):
    """The working calendar with its day questions memoised: the same few hundred days are
    asked about again and again (its settings do not change during the fill)."""
    for name in ("is_working_day", "next_working_day", "office_hours"):
        setattr(cal, name, functools.lru_cache(maxsize=None)(getattr(cal, name)))
    return cal


def _plans(services, defs, holders: dict) -> list[tuple]:
    """Per SOP: (definition, its steps as tuples by number, first step, version id, kode)."""
    index = services.positions._index()
    version_ids = {(r.code, r.version): r.id for r in dbm.SopVersion.select(
        dbm.SopVersion.id, dbm.SopVersion.code, dbm.SopVersion.version)}
    external = {p.id for p in dbm.Position.select() if p.external}
    plans = []
    for d in defs:
        steps = {}
        for step in d.steps:
            pos = services.positions.position_for_lane(d, step.lane, index)
            pos_id = pos.id if pos is not None else None
            staff_only = pos_id is None or pos_id in external or pos_id not in holders
            holder_ids = [] if staff_only else [u.id for u in holders[pos_id]]
            nxt = d.successors(step)
            wkey = (step.waktu.unit, step.waktu.max) if step.waktu else None
            steps[step.number] = (step.number, step.kind == "decision", step.waktu, wkey,
                                  step.lane, pos_id, holder_ids, nxt[0] if nxt else None,
                                  step.yes, step.no)
        plans.append((d, steps, d.steps[0].number, version_ids[(d.code, d.version)],
                      numbering.sop_kode(d.code)))
    return plans


def _start_times(rng, cal, now: dt.datetime, cases: int, n_plans: int) -> list[tuple]:
    """Case start times: random office moments over the past year (with the plan each
    follows), in time order, so agenda numbers follow time."""
    starts = []
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
_TEN = dt.timedelta(minutes=10)
_FIVE = dt.timedelta(minutes=5)


class _DemoRun:
    """One fill's generator: walks each case through its plan and buffers the rows to write."""

    def __init__(self, db, rng, cal, now: dt.datetime, plans: list, op_ids: list[int]):
        self.db, self.rng, self.cal, self.now = db, rng, cal, now
        self.plans, self.op_ids = plans, op_ids
        self.random_, self.uniform = rng.random, rng.uniform
        self.pattern = numbering.agenda_pattern()
        self.sqlite = dbm.is_sqlite()
        self.stamps: dict = {}
        self.due_cache: dict = {}
        self.seqs: dict[tuple[str, int], int] = {}
        self.pools: dict[tuple, list[str]] = {}
        self.case_rows: list = []
        self.event_rows: list = []
        self.n_open = self.n_overdue = self.n_cases = self.n_events = 0

    def fmt(self, value):
        # times are rounded to ten minutes, so the same few thousand strings repeat
        text = self.stamps.get(value)
        if text is None:
            text = self.stamps[value] = value.isoformat(" ") if self.sqlite else value
        return text

    def due_of(self, start, waktu, wkey):
        # (due, due as stored); calendars repeat a lot once times are rounded
        key = (start, wkey)
        hit = self.due_cache.get(key)
        if hit is None:
            due = self.cal.due(start, waktu)
            hit = self.due_cache[key] = (due, self.fmt(due))
        return hit

    def flush(self) -> None:
        """Write the cases generated so far with their history (whole cases, so each chain
        is complete in one batch), keeping memory small on a 4 GB office PC."""
        _insert(self.db, self.sqlite, "cases", _CASE_COLUMNS, self.case_rows)
        # every case is new (ids above the highest one), so each chain starts empty
        hashes = chain_hashes(_HISTORY_COLUMNS, self.event_rows, previous={})
        _insert(self.db, self.sqlite, "history", _HISTORY_COLUMNS + ("hash",),
                [row + (digest,) for row, digest in zip(self.event_rows, hashes, strict=False)])
        self.n_cases += len(self.case_rows)
        self.n_events += len(self.event_rows)
        self.case_rows, self.event_rows = [], []

    def _number(self, defn, kode: str, start: dt.datetime) -> tuple[int, str]:
        key = (defn.code, start.year)
        if key not in self.seqs:
            self.seqs[key] = numbering.peek(numbering.agenda_key(defn.code), start.year)
        self.seqs[key] += 1
        seq = self.seqs[key]
        return seq, numbering.format_number(self.pattern, seq, kode, start, sop=defn.code)

    def _fields(self, plan_no: int, defn, start: dt.datetime) -> str:
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

    def _walk(self, case_id: int, t: dt.datetime, step: tuple, steps: dict) -> tuple:
        """Move the case on from `step` until now, it ends or it is stopped; returns
        (status, time of its last move, its step, that step's due and due as stored)."""
        random_, uniform, op_ids = self.random_, self.uniform, self.op_ids
        due, due_s = self.due_of(t, step[2], step[3]) if step[2] else (None, None)
        budget = len(steps) * 3
        while True:
            # how long this step takes: mostly inside the standard, sometimes late, rarely stuck
            roll = random_()
            span = (due - t) if due is not None else dt.timedelta(minutes=5 + 235 * random_())
            if span < _FIVE:
                span = _FIVE
            factor = (uniform(0.2, 1.0) if roll < 0.8 else uniform(1.0, 3.0)
                      if roll < 0.97 else uniform(10, 60))
            done_at = t + span * factor
            # recorded to the ten minutes: plausible for clerks, and due times repeat (cache)
            done_at = done_at.replace(minute=done_at.minute - done_at.minute % 10, second=0,
                                      microsecond=0) + _TEN
            budget -= 1
            if done_at > self.now or budget <= 0:
                return STATUS_OPEN, t, step, due, due_s  # still on this step
            pos_id, holder_ids = step[5], step[6]
            actor, behalf = self._actor(holder_ids, op_ids)
            seconds = (done_at - t).total_seconds()
            on_time = (done_at <= due) if due is not None else None
            done_s = self.fmt(done_at)
            if random_() < 0.01:
                self.event_rows.append((case_id, ACTION_STOP, step[0], step[0], None, actor,
                                        pos_id, behalf, done_s, done_s,
                                        "Pemohon mencabut permohonan", "[]", seconds, due_s,
                                        on_time))
                return STATUS_STOPPED, done_at, step, due, due_s
            if step[1]:
                answer = "ya" if random_() < 0.85 else "tidak"
                target = step[8] if answer == "ya" else step[9]
                action = ACTION_DECIDE
            else:
                answer, target, action = None, step[7], ACTION_COMPLETE
            self.event_rows.append((case_id, action, step[0], target, answer, actor, pos_id,
                                    behalf, done_s, done_s, _NOTES[int(random_() * len(_NOTES))],
                                    "[]", seconds, due_s, on_time))
            t = done_at
            if target is None:
                return STATUS_DONE, t, step, due, due_s
            step = steps[target]
            due, due_s = self.due_of(t, step[2], step[3]) if step[2] else (None, None)

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


def _drop_indexes_for_bulk(db, adding: int) -> list[str]:
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


def _insert(db, sqlite: bool, table: str, columns: tuple, rows: list) -> None:
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
    if table == "cases":  # explicit ids: move the sequence past them
        db.execute_sql("SELECT setval(pg_get_serial_sequence('\"cases\"', 'id'), "
                       "(SELECT MAX(\"id\") FROM \"cases\"))")
