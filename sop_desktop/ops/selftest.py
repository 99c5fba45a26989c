"""`sop-desktop --self-test`: prove an installed copy works, on a throw-away database.

Run on an office PC after installing, and by installers/build.py on every freshly built bundle.
Everything happens in a temporary folder (database, data folder, exported files), never in the
user's data: the bundled SOP library is loaded and validated, users are made for the positions
an SOP needs, a case of an SOP that has a letter template runs through the real case engine
from its first step to its end, a register is exported to .xlsx and .pdf and read back, a
letter is issued to .pdf and read back, the flowchart is drawn to PDF and PNG, and the main
window is built offscreen. One line per check, "OK  ..." or "GAGAL ..."; exit 0 only when every
check passed, 1 otherwise, and never a traceback (details of a failure go to a log file in the
system's temporary folder).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from sop_desktop import APP_NAME, __version__

if TYPE_CHECKING:  # the checks import what they check themselves (see SelfTest)
    from sop_desktop.domain.model import SopDefinition
    from sop_desktop.letters.templates import Template
    from sop_desktop.reports.registers import RegisterData
    from sop_desktop.services.container import Services

QM_MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")  # Qt's compiled-translation header
RESOURCE_PARTS = ("sops", "letters", "fonts", "logo", "i18n", "positions.toml")
MAX_STEPS_FACTOR = 4  # a case may loop back (Tidak), but never more than this many times its steps
LOG_NAME = "sop-desktop-self-test.log"
CORE_COMMANDS = ("sop", "case", "inbox", "export", "letter", "backup")


class CheckFailed(Exception):
    """A check found something wrong; the message is the Indonesian reason shown after GAGAL."""


class SelfTest:
    """The checks, run in order; a check whose prerequisite failed is reported and skipped.

    Each check imports the modules it checks inside itself, on purpose: a module missing from
    an installed bundle is then one GAGAL line naming the check, not a crash of the test."""

    def __init__(self, work: Path, out: TextIO | None = None, *,
                 parser_factory: Callable[[], argparse.ArgumentParser] | None = None,
                 window_check: Callable[..., str] | None = None) -> None:
        self.work = work
        self.out = out
        self.parser_factory = parser_factory  # the CLI's build_parser (the CLI sits above ops)
        self.window_check = window_check  # ui.selftest_window.check_main_window, from the launcher
        self.passed: list[str] = []
        self.failed: list[str] = []
        self.labels: dict[str, str] = {}
        self.details: list[str] = []
        self.state: dict[str, Any] = {}
        self.services: Services | None = None

    # -- reporting -------------------------------------------------------------------------------
    def say(self, line: str) -> None:
        """One line of the report (nowhere when there is no console)."""
        out = self.out if self.out is not None else sys.stdout
        if out is None:  # a windowed program on Windows has no console
            return
        try:
            out.write(line + "\n")
            out.flush()
        except (OSError, ValueError):
            pass

    def run(self, name: str, label: str, fn: Callable[[], str], needs: tuple[str, ...] = ()) -> None:
        """Run one check: `fn` returns the detail shown after OK or raises."""
        self.labels[name] = label
        missing = [self.labels.get(n, n) for n in needs if n not in self.passed]
        if missing:
            self.failed.append(name)
            self.say(f"GAGAL {label}: tidak dijalankan karena pemeriksaan "
                     f"'{', '.join(missing)}' gagal")
            return
        try:
            detail = fn()
        except CheckFailed as exc:
            self.failed.append(name)
            self.say(f"GAGAL {label}: {exc}")
            return
        except Exception as exc:  # any other error is a failure too, shown as one line
            self.failed.append(name)
            self.details.append(f"== {label}\n{traceback.format_exc()}")
            self.say(f"GAGAL {label}: {exc.__class__.__name__}: {exc}")
            return
        self.passed.append(name)
        self.say(f"OK  {label}" + (f": {detail}" if detail else ""))

    # -- the checks ------------------------------------------------------------------------------
    def check_resources(self) -> str:
        from sop_desktop.paths import resources_dir  # deferred: fails this check as one line

        root = resources_dir()
        absent = [part for part in RESOURCE_PARTS if not (root / part).exists()]
        if absent:
            raise CheckFailed(f"tidak ada di {root}: {', '.join(absent)}")
        return str(root)

    def check_commands(self) -> str:
        """Every command group imports (in a bundle they load by name, so PyInstaller must
        have been told about them)."""
        if self.parser_factory is None:
            raise CheckFailed("pemeriksaan perintah tidak diberikan oleh pemanggil")
        parser = self.parser_factory()
        groups = next((a.choices for a in parser._actions  # argparse keeps subparsers here
                       if isinstance(a, argparse._SubParsersAction)), {})
        missing = [name for name in CORE_COMMANDS if name not in groups]
        if missing:
            raise CheckFailed(f"perintah tidak dimuat: {', '.join(missing)}")
        return f"{len(groups)} perintah ({', '.join(sorted(groups))})"

    def check_fonts(self) -> str:
        from reportlab.pdfbase import pdfmetrics

        from sop_desktop.output import fonts  # deferred: fails this check as one line
        from sop_desktop.paths import resources_dir

        folder = resources_dir() / "fonts"
        absent = [f for f in fonts._FILES.values() if not (folder / f).is_file()]
        if absent:
            raise CheckFailed(f"berkas huruf tidak ada di {folder}: {', '.join(absent)}")
        fonts.register_fonts()
        names = [fonts.SANS, fonts.SANS_BOLD, fonts.SERIF, fonts.SERIF_BOLD]
        for name in names:
            pdfmetrics.getFont(name)
        return ", ".join(names)

    def check_library(self) -> str:
        from sop_desktop.importers import library  # deferred: fails this check as one line

        files = sorted(library.bundled_sop_dir().glob("*.toml"))
        if not files:
            raise CheckFailed(f"tidak ada berkas SOP di {library.bundled_sop_dir()}")
        bad = []
        defs = []
        for path in files:
            try:
                defs.append(library.load(path))  # load() validates every rule
            except Exception as exc:  # one bad file must not hide the others
                bad.append(f"{path.name} ({exc})")
        if bad:
            raise CheckFailed(f"{len(bad)} dari {len(files)} berkas tidak valid: " + "; ".join(bad))
        codes = [d.code for d in defs]
        if len(set(codes)) != len(codes):
            raise CheckFailed("kode SOP ganda di pustaka bawaan")
        self.state["bundled"] = defs
        return f"{len(defs)} SOP dimuat dan valid"

    def check_templates(self) -> str:
        from sop_desktop.letters import templates  # deferred: fails this check as one line

        found = templates.load_all(office_folder=self.work / "letters-kantor")
        if not found:
            raise CheckFailed(f"tidak ada templat surat di {templates.bundled_dir()}")
        return f"{len(found)} templat surat"

    def check_dates(self) -> str:
        from babel.dates import format_date  # letters and reports write months through Babel

        from sop_desktop.domain.calendar import WorkCalendar

        text = format_date(dt.date(2026, 8, 17), format="d MMMM y", locale="id")
        if "Agustus" not in text:  # Babel's Indonesian locale data must be there
            raise CheckFailed(f"tanggal tidak berbahasa Indonesia ('{text}'): data Babel hilang")
        year = dt.date.today().year
        days = WorkCalendar().holidays_in(year)
        independence = days.get(dt.date(year, 8, 17), "")
        if "Kemerdekaan" not in independence:  # holidays' Indonesian names (gettext .mo files)
            raise CheckFailed(f"hari libur {year} tanpa nama Indonesia (17 Agustus: "
                              f"'{independence or '-'}')")
        return f"{text}; {len(days)} hari libur nasional dan cuti bersama {year}"

    def check_translations(self) -> str:
        from sop_desktop.paths import resources_dir  # deferred: fails this check as one line

        folder = resources_dir() / "i18n"
        sources = sorted(folder.glob("*.ts"))
        compiled = sorted(folder.glob("*.qm"))
        for qm in compiled:
            with open(qm, "rb") as fh:
                if fh.read(len(QM_MAGIC)) != QM_MAGIC:
                    raise CheckFailed(f"{qm.name} bukan berkas terjemahan Qt")
        if getattr(sys, "frozen", False) and not compiled:
            raise CheckFailed(f"tidak ada berkas .qm di {folder}")
        built = {p.stem for p in compiled}
        pending = [p.name for p in sources if p.stem not in built]
        if not compiled and not sources:
            raise CheckFailed(f"tidak ada berkas terjemahan di {folder}")
        note = ", ".join(p.name for p in compiled) or "-"
        if pending:  # a source checkout before `python -m ui.build_translations` (./dev runs it)
            note += f" (belum dibangun: {', '.join(pending)})"
        return note

    def check_database(self) -> str:
        from sop_desktop.services.container import Services  # deferred: fails this check as one line

        self.services = services = Services(str(self.work / "uji-mandiri.sqlite3"))
        stored = services.sops.latest_all()
        bundled = self.state["bundled"]
        if len(stored) != len(bundled):
            raise CheckFailed(f"{len(stored)} SOP di basis data, {len(bundled)} di pustaka bawaan")
        positions = services.positions.all()
        if not positions:
            raise CheckFailed("daftar jabatan bawaan (positions.toml) kosong")
        return f"SQLite sementara, {len(stored)} SOP, {len(positions)} jabatan"

    def _svc(self) -> Services:
        """The services of the temporary database (opened by check_database)."""
        if self.services is None:
            raise CheckFailed("basis data sementara belum dibuka")
        return self.services

    def choose_sop(self) -> tuple[SopDefinition, Template]:
        """The SOP to run: one with its own letter template; a complaint SOP (its register has
        the most columns) and then the most decision steps first."""
        from sop_desktop.letters import templates  # deferred: fails this check as one line
        from sop_desktop.reports import is_complaint_sop

        loaded = templates.load_all(office_folder=self.work / "letters-kantor")
        best: tuple[tuple[bool, int, int], SopDefinition, Template] | None = None
        for defn in self._svc().sops.latest_all():
            if defn.incomplete or not defn.steps:
                continue
            own = [t for t in templates.for_sop(defn, loaded) if "*" not in t.sops
                   and t.kind != "disposisi" and t.numbered]
            if not own:
                continue
            decisions = sum(1 for s in defn.steps if s.kind == "decision")
            key = (is_complaint_sop(defn), decisions, len(defn.steps))
            if best is None or key > best[0]:
                best = (key, defn, own[0])
        if best is None:
            raise CheckFailed("tidak ada SOP bawaan yang memiliki templat surat sendiri")
        return best[1], best[2]

    def check_users(self) -> str:
        from sop_desktop.letters import numbering  # deferred: fails this check as one line
        from sop_desktop.services import office
        from sop_desktop.services.users import hash_password

        svc = self._svc()
        defn, tpl = self.choose_sop()
        self.state.update(defn=defn, template=tpl)
        # one hash for every test user: this is a check of the install, not of scrypt
        shared = hash_password("uji-mandiri-" + os.urandom(8).hex())
        operator = svc.users.create("uji-operator", "Operator Uji Mandiri", "", "operator",
                                    password_hash=shared)
        names: list[str] = []
        for step in defn.steps:
            pos = svc.positions.position_for_lane(defn, step.lane)
            if pos is not None and not pos.external and pos.name not in names:
                names.append(pos.name)
        signer = (tpl.texts.get("penandatangan") or "").strip()
        if signer:
            try:
                pos = svc.positions.get(signer)
            except Exception:  # the signer is not an office position: the operator signs
                pos = None
            if pos is not None and not pos.external and pos.name not in names:
                names.append(pos.name)
        holders: dict[int, Any] = {}
        for i, name in enumerate(names, start=1):
            user = svc.users.create(f"uji-pejabat-{i}", f"Pejabat Uji {i}", "", "pejabat",
                                    nip=f"19800101200501{i:04d}", jabatan=name, positions=[name],
                                    password_hash=shared)
            holders[svc.positions.get(name).id] = user
        office.save(office.load().with_changes({
            "kementerian": "Kementerian Uji Mandiri", "kantor": "Kantor Uji Mandiri",
            "alamat": "Jalan Contoh No. 1", "kota": "Jakarta"}))
        numbering.save_config(numbering.NumberingConfig(kode_kantor="UJI"))
        self.state.update(operator=operator, holders=holders)
        return f"1 operator dan {len(holders)} pejabat untuk SOP {defn.code}"

    def check_case(self) -> str:
        from sop_desktop.services.workflow import STATUS_DONE, STATUS_OPEN  # deferred: fails this check as one line

        svc = self._svc()
        defn = self.state["defn"]
        operator, holders = self.state["operator"], self.state["holders"]
        change = svc.cases.open_case(defn.code, operator, intake_values(defn),
                                     note="uji mandiri", intake_done=False)  # from step 1
        number = change.numbers[0]
        visited: list[int] = []
        answers = {"ya": 0, "tidak": 0}
        said_no: set[int] = set()
        limit = len(defn.steps) * MAX_STEPS_FACTOR
        while True:
            case = svc.cases.get(number)
            if case.status != STATUS_OPEN:
                break
            if len(visited) >= limit:
                raise CheckFailed(f"kasus {number} belum selesai setelah {limit} langkah")
            step = defn.step(case.current_step)
            visited.append(step.number)
            holder = holders.get(case.current_position_id)
            if holder is not None:
                box = svc.inbox.for_user(holder, limit=None)
                if number not in {item.number for item in box.items}:
                    raise CheckFailed(f"kasus {number} tidak ada di kotak masuk "
                                      f"{holder.jabatan} pada langkah {step.number}")
            actor = holder or operator  # outside parties' steps are recorded by the operator
            if step.kind == "decision":
                # Tidak once where it leads back to an earlier step (the loop must work too),
                # Ya everywhere else
                answer = "ya"
                if step.no is not None and step.number not in said_no and not answers["tidak"] \
                        and defn.step_index(step.no) < defn.step_index(step.number):
                    answer = "tidak"
                    said_no.add(step.number)
                svc.cases.decide(number, actor, answer, note=f"uji mandiri: {answer}")
                answers[answer] += 1
            else:
                svc.cases.advance(number, actor, note="uji mandiri")
        case = svc.cases.get(number)
        if case.status != STATUS_DONE:
            raise CheckFailed(f"kasus {number} berakhir dengan status {case.status}, "
                              "bukan selesai")
        last = defn.steps[-1].number
        if visited[-1] != last:
            raise CheckFailed(f"kasus {number} selesai di langkah {visited[-1]}, bukan {last}")
        events = svc.cases.history(case)
        if len(events) != len(visited) + 1:  # the opening plus one event per step done
            raise CheckFailed(f"riwayat kasus {number} berisi {len(events)} catatan, "
                              f"seharusnya {len(visited) + 1}")
        self.state.update(number=number, case=case)
        return (f"{defn.code} kasus {number}: {len(visited)} langkah sampai selesai, "
                f"keputusan Ya {answers['ya']}×, Tidak {answers['tidak']}×")

    def check_register_xlsx(self) -> str:
        from openpyxl import load_workbook

        from sop_desktop.reports import write_register_xlsx  # deferred: fails this check as one line

        path = self.work / "register.xlsx"
        write_register_xlsx(self._register(), path)
        wb = load_workbook(path, read_only=True)
        try:
            sheet = wb.active
            if sheet is None:
                raise CheckFailed(f"{path.name} tidak memiliki lembar kerja")
            cells = [str(v) for row in sheet.iter_rows(values_only=True) for v in row
                     if v is not None]
            creator = wb.properties.creator or ""
        finally:
            wb.close()
        number = self.state["number"]
        if number not in cells:
            raise CheckFailed(f"nomor kasus {number} tidak terbaca di {path.name}")
        if __version__ not in creator:
            raise CheckFailed(f"metadata {path.name} tidak memuat versi {__version__} "
                              f"(pembuat: '{creator}')")
        return f"{path.name} ({path.stat().st_size} bita) memuat kasus {number}; dibuat {creator}"

    def check_register_pdf(self) -> str:
        from sop_desktop.reports import write_register_pdf  # deferred: fails this check as one line

        path = self.work / "register.pdf"
        write_register_pdf(self._register(), path)
        pages, text = read_pdf(path)
        number = self.state["number"]
        if squash(number) not in squash(text):
            raise CheckFailed(f"nomor kasus {number} tidak terbaca di {path.name}")
        return f"{path.name}: {pages} halaman, memuat kasus {number}"

    def _register(self) -> RegisterData:
        """The register of the test case's SOP, built once."""
        from sop_desktop.reports import RegisterFilters, build_register  # deferred: fails this check as one line

        if "register" not in self.state:
            self.state["register"] = build_register(
                self._svc(), RegisterFilters(sop=self.state["defn"].code))
        data = self.state["register"]
        if not data.rows:
            raise CheckFailed("register kosong")
        return data

    def check_letter(self) -> str:
        from sop_desktop.letters.service import LetterService  # deferred: fails this check as one line

        tpl = self.state["template"]
        svc = self._svc()
        letters = LetterService(svc.cases, svc.users, svc.positions, svc.attachments,
                                office_folder=self.work / "letters-kantor")
        path = self.work / "surat.pdf"
        issued = letters.issue(self.state["number"], tpl.id, self.state["operator"], out=path)
        if not issued.number:
            raise CheckFailed(f"surat {tpl.id} tidak mendapat nomor")
        pages, text = read_pdf(path)
        if squash(issued.number) not in squash(text):
            raise CheckFailed(f"nomor surat {issued.number} tidak terbaca di {path.name}")
        return f"{tpl.id} nomor {issued.number}: {pages} halaman"

    def check_flowchart(self) -> str:
        from sop_desktop.flowchart import layout_sop  # deferred: fails this check as one line
        from sop_desktop.flowchart.image import flowchart_png_bytes
        from sop_desktop.flowchart.pdf import write_sop_pdf

        defn = self.state["defn"]
        path = self.work / "diagram-alir.pdf"
        write_sop_pdf(defn, path)
        pages, _text = read_pdf(path)
        png = flowchart_png_bytes(layout_sop(defn), dpi=50)
        if not png.startswith(b"\x89PNG"):
            raise CheckFailed("gambar PNG diagram alir tidak terbentuk")
        return f"PDF {pages} halaman, PNG {len(png)} bita (pypdfium2)"

    def check_scan(self) -> str:
        """OCR of scanned SOPs: the engine and its models in the install read a page."""
        from sop_desktop.errors import ImportFailed  # deferred: fails this check as one line
        from sop_desktop.flowchart.pdf import sop_pdf_bytes
        from sop_desktop.importers.scan import self_check

        defn = min(self.state["bundled"], key=lambda d: (len(d.steps), d.code))
        try:
            return self_check(sop_pdf_bytes(defn, "A4", True), len(defn.steps))
        except ImportFailed as exc:
            raise CheckFailed(str(exc)) from None

    def check_window(self) -> str:
        """The Qt layer of the install: plugins, translations and the main window, offscreen
        (ui.selftest_window.check_main_window, passed in by the launcher: the core never imports
        Qt)."""
        if self.window_check is None:
            raise CheckFailed("jendela tidak diperiksa: jalankan uji mandiri dari sop-desktop")
        user = self.state["holders"].get(self.state["case"].current_position_id) \
            or self.state["operator"]
        try:
            return self.window_check(self._svc(), user, self.work / "ui-settings.ini",
                                     __version__)
        except ValueError as exc:
            raise CheckFailed(str(exc)) from None

    # -- all of it -------------------------------------------------------------------------------
    def run_all(self) -> None:
        """Every check, in order (a check runs only when those it needs passed)."""
        self.run("resources", "folder sumber daya", self.check_resources)
        self.run("commands", "perintah baris perintah", self.check_commands)
        # the resource checks run on their own, so one missing part names itself
        self.run("fonts", "huruf DejaVu untuk PDF", self.check_fonts)
        self.run("library", "pustaka SOP bawaan", self.check_library)
        self.run("templates", "templat surat", self.check_templates)
        self.run("dates", "tanggal dan hari libur Indonesia", self.check_dates)
        self.run("translations", "berkas terjemahan", self.check_translations)
        self.run("database", "basis data sementara", self.check_database, ("library",))
        self.run("users", "pengguna uji", self.check_users, ("database", "templates"))
        self.run("case", "kasus dari langkah pertama sampai selesai", self.check_case,
                 ("users",))
        self.run("xlsx", "register ke Excel", self.check_register_xlsx, ("case",))
        self.run("pdf", "register ke PDF", self.check_register_pdf, ("case", "fonts"))
        self.run("letter", "surat ke PDF", self.check_letter, ("case", "fonts"))
        self.run("flowchart", "diagram alir ke PDF dan PNG", self.check_flowchart,
                 ("case", "fonts"))
        self.run("scan", "impor SOP hasil pindai (OCR)", self.check_scan, ("library", "fonts"))
        self.run("window", "jendela utama (Qt)", self.check_window, ("case",))

    def close(self) -> None:
        """Close the temporary database, whatever state it is in."""
        if self.services is not None:
            try:
                self.services.close()
            except Exception:  # closing a broken database must not hide the results
                pass


def intake_values(defn: SopDefinition) -> dict[str, str]:
    """A valid value for every intake field of an SOP, by the field's type."""
    samples = {"nik": "3171010101900001", "nip": "198001012005011001", "phone": "081234567890",
               "email": "uji.mandiri@contoh.go.id", "date": dt.date.today().isoformat(),
               "integer": "1"}
    out = {}
    for f in defn.fields:
        if f.type == "choice":
            if f.choices:
                out[f.key] = f.choices[0]
        elif f.type in samples:
            out[f.key] = samples[f.type]
        else:
            out[f.key] = f"{f.label} (uji mandiri)"
    return out


def read_pdf(path: Path, *, versioned: bool = True) -> tuple[int, str]:
    """(pages, text) of a PDF written by the app; CheckFailed when it is not a readable PDF or
    (`versioned`) its metadata does not name the app's version."""
    import pypdfium2

    data = Path(path).read_bytes()
    if not data.startswith(b"%PDF-"):
        raise CheckFailed(f"{Path(path).name} bukan berkas PDF")
    pdf = pypdfium2.PdfDocument(data)
    try:
        meta = pdf.get_metadata_dict()
        made_by = f"{meta.get('Creator', '')} {meta.get('Producer', '')}"
        if versioned and __version__ not in made_by:
            raise CheckFailed(f"metadata {Path(path).name} tidak memuat versi {__version__} "
                              f"(pembuat: '{made_by.strip()}')")
        pages = len(pdf)
        parts = []
        for i in range(pages):
            page = pdf[i]
            textpage = page.get_textpage()
            parts.append(textpage.get_text_range())
            textpage.close()
            page.close()
    finally:
        pdf.close()
    if pages < 1:
        raise CheckFailed(f"{Path(path).name} tidak memiliki halaman")
    return pages, "\n".join(parts)


_HYPHENS = str.maketrans({"\ufffe": "-", "\u00ad": "-", "\u2010": "-", "\u2011": "-"})


def squash(text: str) -> str:
    """Text without whitespace, hyphens made plain: a number wrapped over two lines of a table
    cell still matches (pdfium reports a hyphen at a line end as U+FFFE)."""
    return "".join(str(text).translate(_HYPHENS).split())


def run_self_test(out: TextIO | None = None, *,
                  parser_factory: Callable[[], argparse.ArgumentParser] | None = None,
                  window_check: Callable[..., str] | None = None) -> int:
    """Run every check on a temporary database; 0 when all passed, 1 otherwise.

    The CLI passes its parser factory and the launcher (ui.launch) the window check, so this
    module imports neither layer above it."""
    started = time.monotonic()
    frozen = "bundel" if getattr(sys, "frozen", False) else "sumber"
    saved = {key: os.environ.get(key)
             for key in ("SOP_DESKTOP_HOME", "SOP_DESKTOP_DB", "QT_QPA_PLATFORM")}
    test = None
    try:
        with tempfile.TemporaryDirectory(prefix="sop-desktop-uji-",
                                         ignore_cleanup_errors=True) as tmp:
            work = Path(tmp)
            # the user's data folder (office templates, settings, logs) is never read or written
            home = work / "data"
            home.mkdir()
            os.environ["SOP_DESKTOP_HOME"] = str(home)
            os.environ.pop("SOP_DESKTOP_DB", None)
            test = SelfTest(work, out, parser_factory=parser_factory, window_check=window_check)
            test.say(f"Uji mandiri {APP_NAME} {__version__} ({frozen}, Python "
                     f"{platform.python_version()}, {platform.system()} {platform.machine()})")
            try:
                test.run_all()
            finally:
                test.close()
    except Exception as exc:  # e.g. no temporary folder: still one line, never a traceback
        if test is None:
            test = SelfTest(Path("."), out)
        test.failed.append("setup")
        test.details.append(traceback.format_exc())
        test.say(f"GAGAL persiapan uji mandiri: {exc.__class__.__name__}: {exc}")
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    seconds = time.monotonic() - started
    total = len(test.passed) + len(test.failed)
    if test.failed:
        log = _write_log(test.details)
        test.say(f"Uji mandiri GAGAL: {len(test.failed)} dari {total} pemeriksaan gagal "
                 f"({seconds:.1f} detik)." + (f" Rincian: {log}" if log else ""))
        return 1
    test.say(f"Uji mandiri lulus: {total} pemeriksaan OK ({seconds:.1f} detik).")
    return 0


def _write_log(details: list[str]) -> str:
    """The failures' tracebacks in the temporary folder; its path, or "" when none."""
    if not details:
        return ""
    try:
        path = Path(tempfile.gettempdir()) / LOG_NAME
        path.write_text("\n".join(details), encoding="utf-8")
        return str(path)
    except OSError:
        return ""
