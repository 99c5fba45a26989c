"""Shared set-up for the report tests: two SOPs of our own and cases run through CaseService
with explicit `at` times (imported by the test_reports_* modules; holds no tests itself)."""

from __future__ import annotations

import datetime as dt

from sop_desktop.domain.model import IntakeField, Lane, SopDefinition, Step
from sop_desktop.domain.waktu import parse_waktu

NOW = dt.datetime(2026, 11, 20, 10, 0)
T = dt.datetime


def complaint_sop() -> SopDefinition:
    """A complaint SOP (not a seed): intake asks for the complainant and the complaint."""
    w = parse_waktu
    steps = [
        Step(1, "Pengadu menyampaikan aduan", "Masyarakat", kind="start", waktu=w("15 menit")),
        Step(2, "Petugas mencatat aduan di buku register", "Tim Yankomas", waktu=w("30 menit"),
             output="Register aduan"),
        Step(3, "Kakanwil memberikan disposisi", "Kakanwil", waktu=w("1 hari"), output="Disposisi"),
        Step(4, "Kabid HAM menelaah aduan: lengkap?", "Kabid HAM", kind="decision",
             waktu=w("2 hari"), yes=5, no=2),
        Step(5, "Petugas menyusun surat rekomendasi", "Tim Yankomas", waktu=w("2 hari"),
             output="Surat rekomendasi"),
        Step(6, "Kabid HAM memantau tindak lanjut", "Kabid HAM", kind="end", waktu=w("1 hari")),
    ]
    fields = [
        IntakeField("nama_pengadu", "Nama Pengadu", "text", True),
        IntakeField("nik_pengadu", "NIK Pengadu", "nik"),
        IntakeField("alamat_pengadu", "Alamat", "textarea"),
        IntakeField("telepon", "Telepon", "phone"),
        IntakeField("media", "Media Aduan", "choice", choices=["Langsung", "Surat", "Surel"]),
        IntakeField("pihak_teradu", "Pihak Teradu", "text"),
        IntakeField("pokok_aduan", "Pokok Aduan", "textarea", True),
        IntakeField("hak_dilanggar", "Hak yang Diduga Dilanggar", "choice",
                    choices=["Hak atas kesejahteraan", "Hak memperoleh keadilan",
                             "Hak atas rasa aman"]),
        IntakeField("tanggal_surat", "Tanggal Surat", "date"),
    ]
    lanes = [Lane("Masyarakat"), Lane("Tim Yankomas"), Lane("Kakanwil"), Lane("Kabid HAM")]
    return SopDefinition("Layanan Pengaduan Uji", lanes=lanes, steps=steps, fields=fields,
                         code="ADUAN-UJI")


def plain_sop() -> SopDefinition:
    """A non-complaint SOP with clock standards only."""
    w = parse_waktu
    steps = [
        Step(1, "JFU menyiapkan konsep", "JFU/JFT", kind="start", waktu=w("60 menit")),
        Step(2, "Kasubbag memeriksa", "Kasubbag Program dan Pelaporan", waktu=w("2 jam")),
        Step(3, "Kabag menyetujui", "Kabag Program dan Humas", kind="end", waktu=w("1 hari")),
    ]
    fields = [IntakeField("perihal", "Perihal", "text", True),
              IntakeField("tahun", "Tahun", "integer", True)]
    lanes = [Lane("JFU/JFT"), Lane("Kasubbag Program dan Pelaporan"),
             Lane("Kabag Program dan Humas")]
    return SopDefinition("Penyusunan Laporan Uji", lanes=lanes, steps=steps, fields=fields,
                         code="LAPORAN-UJI")


class World:
    """Services with a fixed clock, the two SOPs, users for every lane, and helpers."""

    def __init__(self, path: str):
        from sop_desktop.services.container import Services

        self.svc = Services(path, clock=lambda: NOW)
        self.svc.sops.save_import(complaint_sop())
        self.svc.sops.save_import(plain_sop())
        users = self.svc.users
        pw_hash = "x"
        self.op = users.create("op", "Operator Satu", "", "operator", password_hash=pw_hash,
                               positions=["Petugas Yankomas"])
        self.kakanwil = users.create("kakanwil", "Kepala Kanwil", "", password_hash=pw_hash,
                                     positions=["Kepala Kantor Wilayah"])
        self.kabid = users.create("kabid", "Kabid HAM", "", password_hash=pw_hash,
                                  positions=["Kepala Bidang Hak Asasi Manusia"])
        self.jfu = users.create("jfu", "Staf JFU", "", password_hash=pw_hash,
                                positions=["Pelaksana Subbagian Program dan Pelaporan (JFU/JFT)"])
        self.kasubbag = users.create("kasubbag", "Kasubbag", "", password_hash=pw_hash,
                                     positions=["Kepala Subbagian Program dan Pelaporan"])
        self.kabag = users.create("kabag", "Kabag", "", password_hash=pw_hash,
                                  positions=["Kepala Bagian Program dan Hubungan Masyarakat"])
        self.actor = {1: self.op, 2: self.op, 3: self.kakanwil, 4: self.kabid, 5: self.op,
                      6: self.kabid}
        self.plain_actor = {1: self.jfu, 2: self.kasubbag, 3: self.kabag}

    @property
    def cases(self):
        return self.svc.cases

    def complaint(self, at: dt.datetime, **fields) -> str:
        values = {"nama_pengadu": "Budi", "pokok_aduan": "Tanah diserobot",
                  "hak_dilanggar": "Hak atas kesejahteraan", "media": "Langsung"}
        values.update(fields)
        # the scenario times the public's step 1 too: it is not done at intake here
        change = self.cases.open_case("ADUAN-UJI", self.op, values, at=at, intake_done=False)
        return change.numbers[0]

    def step(self, number: str, at: dt.datetime, *, decision: str | None = None, note: str = ""):
        case = self.cases.get(number)
        user = self.actor[case.current_step] if case.sop_code == "ADUAN-UJI" else \
            self.plain_actor[case.current_step]
        return self.cases.advance(number, user, at=at, decision=decision, note=note)

    def close(self):
        self.svc.close()


# -- a known set of cases -----------------------------------------------------------------------
# Each case: SOP, when opened, intake values, the moves as (step left, at, decision), and how it
# ends: "selesai" (the last move finishes it), ("hentikan", at, reason), or None (still open).
# The tests derive every expected figure from these lists, not from the report code.

SCENARIO = {
    "A": dict(sop="ADUAN-UJI", open=T(2026, 6, 29, 9, 0),
              fields=dict(nama_pengadu="Ani", hak_dilanggar="Hak atas rasa aman"),
              moves=[(1, T(2026, 6, 29, 9, 10), None), (2, T(2026, 6, 29, 9, 40), None),
                     (3, T(2026, 6, 30, 10, 0), None), (4, T(2026, 7, 2, 10, 0), "ya"),
                     (5, T(2026, 7, 6, 10, 0), None), (6, T(2026, 7, 8, 9, 0), None)]),
    "B": dict(sop="ADUAN-UJI", open=T(2026, 7, 1, 8, 0),
              fields=dict(nama_pengadu="Bambang", hak_dilanggar="Hak atas rasa aman",
                          nik_pengadu="3201234567890123", telepon="081234567890",
                          alamat_pengadu="Jl. Mawar 1, Bengkulu", pihak_teradu="PT Contoh",
                          media="Surat", tanggal_surat="2026-06-30"),
              moves=[(1, T(2026, 7, 1, 8, 10), None), (2, T(2026, 7, 1, 8, 30), None),
                     (3, T(2026, 7, 1, 14, 0), None), (4, T(2026, 7, 2, 9, 0), "ya"),
                     (5, T(2026, 7, 3, 10, 0), None), (6, T(2026, 7, 6, 9, 0), None)]),
    "C": dict(sop="ADUAN-UJI", open=T(2026, 7, 6, 9, 0),
              fields=dict(nama_pengadu="Citra", hak_dilanggar="Hak memperoleh keadilan",
                          pokok_aduan='=HYPERLINK("http://contoh.test","klik")',
                          pihak_teradu="@Dinas X", alamat_pengadu="-Jl. Melati\nRT 01"),
              moves=[(1, T(2026, 7, 6, 9, 20), None), (2, T(2026, 7, 6, 10, 20), None),
                     (3, T(2026, 7, 7, 10, 0), None), (4, T(2026, 7, 8, 10, 0), "tidak"),
                     (2, T(2026, 7, 8, 11, 0), None), (3, T(2026, 7, 10, 10, 0), None),
                     (4, T(2026, 7, 15, 10, 0), "ya"), (5, T(2026, 7, 27, 10, 0), None),
                     (6, T(2026, 7, 31, 10, 0), None)]),
    "D": dict(sop="ADUAN-UJI", open=T(2026, 8, 3, 9, 0),
              fields=dict(nama_pengadu="Dodi", hak_dilanggar="Hak atas rasa aman"),
              moves=[(1, T(2026, 8, 3, 9, 15), None), (2, T(2026, 8, 3, 9, 45), None)],
              end=("hentikan", T(2026, 8, 10, 10, 0), "Pengadu mencabut aduan")),
    "E": dict(sop="ADUAN-UJI", open=T(2026, 9, 30, 23, 59),
              fields=dict(nama_pengadu="Endang", hak_dilanggar=None), moves=[]),
    "F": dict(sop="ADUAN-UJI", open=T(2026, 10, 1, 0, 0),
              fields=dict(nama_pengadu="Fajar", hak_dilanggar="Hak atas rasa aman"),
              moves=[(1, T(2026, 10, 1, 8, 0), None)]),
    "G": dict(sop="ADUAN-UJI", open=T(2026, 8, 18, 9, 0),
              fields=dict(nama_pengadu="Gita", hak_dilanggar="Hak memperoleh keadilan"),
              moves=[(1, T(2026, 8, 18, 9, 10), None), (2, T(2026, 8, 18, 10, 0), None)]),
    "I": dict(sop="ADUAN-UJI", open=T(2026, 9, 28, 9, 0),
              fields=dict(nama_pengadu="Indra", hak_dilanggar="Hak atas kesejahteraan"),
              moves=[(1, T(2026, 9, 28, 9, 10), None), (2, T(2026, 9, 28, 9, 30), None),
                     (3, T(2026, 9, 29, 9, 0), None), (4, T(2026, 10, 2, 10, 0), "ya"),
                     (5, T(2026, 10, 5, 10, 0), None), (6, T(2026, 10, 6, 10, 0), None)]),
    "H": dict(sop="LAPORAN-UJI", open=T(2026, 9, 1, 8, 0),
              fields=dict(perihal="Laporan Agustus", tahun=2026),
              moves=[(1, T(2026, 9, 1, 9, 30), None)]),
    "J": dict(sop="LAPORAN-UJI", open=T(2026, 7, 15, 8, 0),
              fields=dict(perihal="Laporan Juni", tahun=2026),
              moves=[(1, T(2026, 7, 15, 8, 50), None), (2, T(2026, 7, 15, 10, 0), None),
                     (3, T(2026, 7, 15, 15, 0), None)]),
}
LAST_STEP = {"ADUAN-UJI": 6, "LAPORAN-UJI": 3}


def run_scenario(world: World) -> dict[str, str]:
    """Create every SCENARIO case through CaseService; returns name -> agenda number."""
    numbers = {}
    for name, spec in sorted(SCENARIO.items(), key=lambda kv: kv[1]["open"]):
        fields = {k: v for k, v in spec["fields"].items() if v is not None}
        if spec["sop"] == "ADUAN-UJI":
            fields.setdefault("pokok_aduan", f"Aduan {spec['fields']['nama_pengadu']}")
            number = world.cases.open_case("ADUAN-UJI", world.op, fields, at=spec["open"],
                                           intake_done=False).numbers[0]
        else:
            number = world.cases.open_case(spec["sop"], world.jfu, fields, at=spec["open"]).numbers[0]
        for step, at, decision in spec["moves"]:
            assert world.cases.get(number).current_step == step
            world.step(number, at, decision=decision, note="")
        end = spec.get("end")
        if end and end[0] == "hentikan":
            case = world.cases.get(number)
            world.cases.stop(number, world.actor[case.current_step], end[2], at=end[1])
        numbers[name] = number
    return numbers


def stays_of(spec: dict) -> list[tuple[int, T, T]]:
    """(step, entered, left) of every completed stay of a SCENARIO case."""
    out, entered = [], spec["open"]
    for step, at, _ in spec["moves"]:
        out.append((step, entered, at))
        entered = at
    return out


def current_step_of(spec: dict) -> tuple[int | None, T]:
    """The step a SCENARIO case waits in (None when finished) and since when."""
    sop_next = {("ADUAN-UJI", 4, "ya"): 5, ("ADUAN-UJI", 4, "tidak"): 2}
    if not spec["moves"]:
        return 1, spec["open"]
    step, at, decision = spec["moves"][-1]
    if step == LAST_STEP[spec["sop"]]:
        return None, at
    return sop_next.get((spec["sop"], step, decision), step + 1), at


def status_of(spec: dict) -> str:
    if spec.get("end"):
        return "dihentikan"
    return "selesai" if current_step_of(spec)[0] is None else "berjalan"


def closed_at(spec: dict) -> T | None:
    if spec.get("end"):
        return spec["end"][1]
    step, at = current_step_of(spec)
    return at if step is None else None
