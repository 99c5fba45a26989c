"""Letters in tests: an office with a signer, a Plh. and an outsider, cases of the bundled SOPs
opened with plausible intake values and walked to the step a letter template belongs to, and
the text of a printed PDF."""

from __future__ import annotations

import pypdf

from sop_desktop.letters import numbering, templates
from sop_desktop.letters.service import LetterService
from sop_desktop.services import office
from sop_desktop.services.users import hash_password

PASSWORD = "rahasia-uji-123"


def pdf_text(path) -> str:
    """The text of every page of a PDF, whitespace folded to single spaces."""
    reader = pypdf.PdfReader(str(path))
    return " ".join(" ".join(p.extract_text() for p in reader.pages).split())


def setup_office(services) -> dict:
    """Users (operator, officials), the office profile and the office code, on `services`."""
    quick = hash_password(PASSWORD, n=2 ** 10)  # fast hashing: these tests are not about scrypt
    op = services.users.create("op", "Siti Aminah", "", "operator", jabatan="Pengadministrasi Umum",
                               nip="199001012015032001", password_hash=quick)
    kk = services.users.create("kakanwil", "Dr. Budi Santoso, S.H., M.H.", "", "pejabat",
                               nip="197001011990031001", jabatan="Kepala Kantor Wilayah",
                               positions=["Kepala Kantor Wilayah"], password_hash=quick)
    plh = services.users.create("kadiv", "Rina Wulandari, S.H.", "", "pejabat",
                                nip="198002022005012002", jabatan="Kepala Divisi Administrasi",
                                password_hash=quick)
    outsider = services.users.create("tamu", "Pejabat Lain", "", "pejabat", password_hash=quick)
    services.users.create("ketua", "Dewi Lestari, S.Kom.", "", "pejabat", nip="198703032010122003",
                          jabatan="Ketua Tim Kerja Pengelolaan Sistem Informasi",
                          positions=["Ketua Tim Kerja Pengelolaan Sistem Informasi"],
                          password_hash=quick)
    office.save(office.load().with_changes({
        "kementerian": "Kementerian Hukum dan Hak Asasi Manusia Republik Indonesia",
        "kantor": "Kantor Wilayah Sumatera Selatan", "alamat": "Jalan Jenderal Sudirman No. 1",
        "kota": "Palembang", "telepon": "(0711) 123456", "laman": "sumsel.contoh.go.id",
        "email": "kanwil@contoh.go.id"}))
    numbering.save_config(numbering.NumberingConfig(kode_kantor="W.6"))
    return {"op": op, "kakanwil": kk, "kadiv": plh, "tamu": outsider,
            "letters": LetterService.from_services(services)}


def intake_values(defn, **given) -> dict:
    """A plausible value for every intake field of an SOP (by its type)."""
    samples = {"nik": "1671010101010001", "nip": "198501012010011001", "phone": "081234567890",
               "email": "pemohon@contoh.ac.id", "date": "2026-11-02", "integer": "3"}
    out = {}
    for f in defn.fields:
        if f.type == "choice" and f.choices:
            out[f.key] = f.choices[0]
        else:
            out[f.key] = samples.get(f.type, f"{f.label} contoh")
    out.update({k: v for k, v in given.items() if k in out})
    return out


def open_case(services, op, code, *, reach: str | None = None, **given):
    """A new case of SOP `code`; `reach`: walked (by the operator) to the step the template
    with that id belongs to, so its letter may be issued."""
    defn = services.sops.get(code)
    change = services.cases.open_case(code, op, intake_values(defn, **given))
    number = change.numbers[0]
    if reach is not None:
        walk_to(services, op, number, reach)
    return number


def walk_to(services, op, number: str, template_id: str) -> None:
    """Advance a case (Ya at decisions) until it reaches the step of the template."""
    target = templates.get(template_id).step_of(services.sops.get(services.cases.get(number).sop_code))
    for _ in range(40):
        case = services.cases.get(number)
        if target is None or case.current_step == target.number:
            return
        defn = services.cases.definition(case)
        step = defn.step(case.current_step)
        pos = services.cases._step_position(case, defn)
        official = None
        if pos is not None and not pos.external:  # the operator records it for the official
            holders = services.users.holders(pos) or [services.users.create(
                f"pejabat{pos.id}", f"Pejabat {pos.name}", "", "pejabat", positions=[pos.name],
                password_hash=hash_password(PASSWORD, n=2 ** 10))]
            official = holders[0]
        if step.kind == "decision":
            services.cases.decide(number, op, "ya", on_behalf_of=official)
        else:
            services.cases.advance(number, op, on_behalf_of=official)
    raise AssertionError(f"kasus {number} tidak sampai ke langkah {target.number}")
