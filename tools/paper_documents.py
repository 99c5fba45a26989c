"""Print every report and letter as an office would and turn the pages into pictures: out/documents/.

Usage: .venv/bin/python tools/paper_documents.py [--cases N] [--only NAME ...]

Fills a training database (in out/documents/work/) with demo cases, issues one letter of every
template, then writes the registers, the kinerja report, the monitoring sheet and the agenda
surat keluar as .xlsx and PDF. Each .xlsx is printed to PDF through LibreOffice
(`soffice --headless --convert-to pdf`) as a superior would print it, and every PDF page becomes
a PNG (`pdftoppm -r 70`) to look at. Needs poppler-utils and LibreOffice Calc on PATH
(`apt-get install -y poppler-utils libreoffice-calc-nogui`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

OUT = ROOT / "out" / "documents"
NOW = dt.datetime(2026, 12, 4, 10, 0)


def _office(services) -> None:
    """An office profile, numbering and a report signer like a real Kanwil's."""
    from sop_desktop.letters import numbering
    from sop_desktop.services import office
    from sop_desktop.settings import REPORT_SIGNER
    from sop_desktop.storage import db as dbm

    office.save(office.load().with_changes({
        "kementerian": "Kementerian Hukum dan Hak Asasi Manusia Republik Indonesia",
        "kantor": "Kantor Wilayah Sumatera Selatan", "unit": "Bidang Hak Asasi Manusia",
        "alamat": "Jalan Jenderal Sudirman No. 1", "kota": "Palembang",
        "telepon": "(0711) 123456", "laman": "sumsel.contoh.go.id",
        "email": "kanwil@contoh.go.id"}))
    numbering.save_config(numbering.NumberingConfig(kode_kantor="W.6"))
    dbm.write_setting(REPORT_SIGNER, {"jabatan": "Kepala Kantor Wilayah",
                                      "nama": "Dr. Budi Santoso, S.H., M.H.",
                                      "nip": "196811071994031001"})


def _letters(services, out: Path) -> list[Path]:
    """One letter of every template, each for a demo case of an SOP the template serves."""
    from sop_desktop.letters.service import LetterService
    from sop_desktop.storage import db as dbm

    letters = LetterService.from_services(services)
    actor = dbm.User.get(dbm.User.username == "operator")
    if not (actor.jabatan or "").strip():
        actor.jabatan = "Pengadministrasi Umum"
        actor.nip = "199001012015032001"
        actor.save()
    typed = {"nota-dinas": {"tujuan_nota": "Kepala Bidang Pelayanan Hukum dan Hak Asasi Manusia",
                            "isi_nota": "Mohon arahan atas penanganan berkas tersebut."},
             "berita-acara-hak-akses": {"nama_akun": "pemohon.baru"}}
    written = []
    cases = list(dbm.Case.select().where(dbm.Case.status == "selesai").order_by(dbm.Case.id))
    for tpl in letters.templates().values():
        tried, last_error = 0, ""
        for case in cases:
            defn = services.cases.definition(case)
            if not tpl.serves(defn.code, _haystack(defn)):
                continue
            tried += 1
            if tried > 8:
                print(f"  {tpl.id}: tidak tercetak ({last_error})")
                break
            path = out / f"surat-{tpl.id}.pdf"
            try:
                letters.issue(case.number, tpl.id, actor, out=path, fields=typed.get(tpl.id),
                              signer=SIGNERS.get(tpl.id),
                              confirm={"tanpa_nip", "lagi", "tahun_lain"})
            except Exception as exc:  # noqa: BLE001 (a tool: say it and try the next case)
                last_error = f"{case.number}: {exc}"
                continue
            written.append(path)
            break
        else:
            print(f"  {tpl.id}: tidak tercetak ({last_error or 'tidak ada kasus'})")
    return written


SIGNERS = {"nota-dinas": "operator", "lembar-disposisi": "operator"}


def _haystack(defn) -> str:
    from sop_desktop.letters import templates

    return templates.sop_haystack(defn)


def _reports(services, out: Path) -> list[Path]:
    """Registers, kinerja, monitoring and agenda as .xlsx and PDF."""
    from sop_desktop.letters.register import export_outgoing_pdf, export_outgoing_xlsx
    from sop_desktop.reports import (
        RegisterFilters,
        build_kinerja,
        build_register,
        parse_period,
        write_kinerja_pdf,
        write_kinerja_xlsx,
        write_monitoring_pdf,
        write_register_pdf,
        write_register_xlsx,
    )
    from sop_desktop.reports.kinerja import write_monitoring_xlsx

    year = parse_period("2026")
    files = []
    month = parse_period("2026-11")
    for name, sop, period in (("register-aduan", "aduan", year),
                              ("register-magang", "SIGAP-MAGANG", year),
                              ("register-semua", None, month)):
        data = build_register(services, RegisterFilters(sop=sop, period=period), now=NOW)
        files += [write_register_xlsx(data, out / f"{name}.xlsx"),
                  write_register_pdf(data, out / f"{name}.pdf")]
    small = build_register(services, RegisterFilters(sop="SKP", period=parse_period("2026-11")),
                           now=NOW)
    files.append(write_register_pdf(small, out / "register-kecil.pdf"))
    for name, sop in (("kinerja-semua", None), ("kinerja-yankomas", "YANKOMAS-KANWIL")):
        data = build_kinerja(services, period=year, sop=sop, now=NOW)
        files += [write_kinerja_xlsx(data, out / f"{name}.xlsx"),
                  write_kinerja_pdf(data, out / f"{name}.pdf")]
    data = build_kinerja(services, period=year, now=NOW)
    files += [write_monitoring_pdf(data, out / "monitoring.pdf"),
              write_monitoring_xlsx(data, out / "monitoring.xlsx")]
    files += [export_outgoing_pdf(out / "agenda.pdf", now=NOW),
              export_outgoing_xlsx(out / "agenda.xlsx", office_name="Kanwil Sumatera Selatan")]
    return files


def _pictures(files: list[Path], out: Path) -> None:
    """xlsx -> PDF through LibreOffice, every PDF -> PNG pages."""
    printed = out / "printed"
    printed.mkdir(exist_ok=True)
    xlsx = [f for f in files if f.suffix == ".xlsx"]
    if xlsx and shutil.which("soffice"):
        profile = (out / "work" / "lo-profile").resolve()
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                        "--convert-to", "pdf", "--outdir", str(printed), *map(str, xlsx)],
                       check=True, capture_output=True, timeout=600)
    pdfs = [f for f in files if f.suffix == ".pdf"] + sorted(printed.glob("*.pdf"))
    pngs = out / "png"
    pngs.mkdir(exist_ok=True)
    for pdf in pdfs:
        stem = ("cetak-" if pdf.parent == printed else "") + pdf.stem
        subprocess.run(["pdftoppm", "-r", "70", "-png", str(pdf), str(pngs / stem)], check=True)
    print(f"{len(pdfs)} PDF, {len(list(pngs.glob('*.png')))} gambar di {pngs}")


def main(argv: list[str]) -> int:
    """Build the training database, write every document and its pictures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=3000)
    parser.add_argument("--only", nargs="*", default=None,
                        help="keep only files whose name contains one of these words")
    args = parser.parse_args(argv)
    if OUT.exists():
        shutil.rmtree(OUT)
    work = OUT / "work"
    work.mkdir(parents=True)
    os.environ["SOP_DESKTOP_HOME"] = str(work / "home")
    from sop_desktop.ops import demo
    from sop_desktop.services.container import Services

    services = Services(str(work / "pelatihan.sqlite3"), clock=lambda: NOW)
    try:
        demo.fill(services, args.cases, seed=7, now=NOW, password="pelatihan-saja")
        _office(services)
        files = _letters(services, OUT)
        files += _reports(services, OUT)
    finally:
        services.close()
    if args.only:
        files = [f for f in files if any(w in f.name for w in args.only)]
    _pictures(files, OUT)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
