"""A small sample SOP and an office to run it: the case-engine helpers many core tests share.

Imported by the tests; fixtures live in the conftest.py files (cheap password hashing is the
suite-wide autouse fixture `fast_scrypt` in tests/conftest.py).
"""

from __future__ import annotations

from sop_desktop.domain.model import IntakeField, Lane, SopDefinition, Step
from sop_desktop.domain.waktu import parse_waktu
from sop_desktop.storage import db as dbm

PASSWORD = "sandi-rahasia-1"


def sample_sop(code: str = "CONTOH") -> SopDefinition:
    """A small SOP: public submits, staff checks (Tidak: back to the public), head approves."""
    defn = SopDefinition(
        name="Pelayanan Contoh Uji", code=code,
        lanes=[Lane("Pemohon Uji"), Lane("Petugas Uji"), Lane("Kepala Uji")],
        fields=[IntakeField("pemohon", "Nama Pemohon", "text", True),
                IntakeField("nik", "NIK Pemohon", "nik", True),
                IntakeField("telepon", "Nomor Telepon", "phone"),
                IntakeField("surel", "Surel", "email"),
                IntakeField("tanggal", "Tanggal Surat", "date"),
                IntakeField("jumlah", "Jumlah Berkas", "integer"),
                IntakeField("media", "Media", "choice", choices=["Surat", "Datang langsung"]),
                IntakeField("nip", "NIP Petugas", "nip")])
    defn.identity.nomor = "UJI-01"
    defn.steps = [
        Step(1, "Menyampaikan permohonan", "Pemohon Uji", kind="start", waktu=parse_waktu("10 menit")),
        Step(2, "Memeriksa kelengkapan", "Petugas Uji", kind="decision", yes=3, no=1,
             waktu=parse_waktu("2 hari")),
        Step(3, "Menyetujui permohonan", "Kepala Uji", waktu=parse_waktu("1 jam")),
        Step(4, "Menyerahkan hasil", "Petugas Uji", kind="end", waktu=parse_waktu("30 menit")),
    ]
    return defn


def install_sample(services, code: str = "CONTOH") -> SopDefinition:
    """The sample SOP saved with its three positions (the public's one outside the office)."""
    services.positions.save("Pemohon Uji", [], external=True)
    services.positions.save("Petugas Uji", [])
    services.positions.save("Kepala Uji", [])
    defn, _ = services.sops.save_import(sample_sop(code), code).value
    return defn


def field_values(defn: SopDefinition) -> dict:
    """Valid intake values for every field of an SOP."""
    samples = {"text": "Budi Santoso", "textarea": "Uraian singkat", "nik": "3171234567890123",
               "nip": "198001012005011001", "phone": "081234567890", "email": "budi@contoh.id",
               "date": "2026-03-02", "integer": "2026"}
    out = {}
    for f in defn.fields:
        out[f.key] = f.choices[0] if f.type == "choice" else samples[f.type]
    return out


class Office:
    """Users for an office: an administrator, an operator and one pejabat per internal position."""

    def __init__(self, services):
        self.services = services
        users = services.users
        self.admin = users.create("admin", "Admin Kantor", PASSWORD, "administrator")
        self.operator = users.create("operator", "Operator Kantor", PASSWORD, "operator")
        self.holders: dict[int, dbm.User] = {}
        for i, pos in enumerate(services.positions.all()):
            if not pos.external:
                self.holders[pos.id] = users.create(f"pejabat{i}", f"Pejabat {pos.name}",
                                                    PASSWORD, "pejabat", positions=[pos.name])

    def actor(self, case):
        """Who acts on the case's current step: its holder, or the operator for outside lanes."""
        pos = case.current_position
        if pos is None or pos.external:
            return self.operator
        return self.holders[pos.id]


def walk(services, office, number, answers=None, limit=200):
    """Advance a case until it leaves 'berjalan'; decisions answered from `answers` (else Ya)."""
    answers = answers or {}
    for _ in range(limit):
        case = services.cases.get(number)
        if case.status != "berjalan":
            return case
        step = services.cases.definition(case).step(case.current_step)
        user = office.actor(case)
        if step.kind == "decision":
            services.cases.decide(number, user, answers.get(step.number, "ya"))
        else:
            services.cases.advance(number, user, note=f"langkah {step.number} selesai")
    raise AssertionError(f"kasus {number} tidak selesai dalam {limit} langkah")


def open_case(services, office, code, **kw):
    """A case waiting on its first step: these engine tests start on the public's own step 1
    (a new case otherwise has it done at intake: see tests/core/test_disposisi.py)."""
    defn = services.sops.get(code)
    kw.setdefault("intake_done", False)
    return services.cases.open_case(code, office.operator, field_values(defn), **kw).numbers[0]
