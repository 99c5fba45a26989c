"""The Laporan menu through the window: registers, laporan kinerja, the monitoring sheet and the
agenda surat keluar, each previewed, saved to Excel and PDF (read back) and printed."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from sop_desktop.services.changes import Changes
from tests.ui.support import YANKOMAS, make_user, mnemonics

NAMES = ("Rahmat Hidayat", "Sari Wulandari", "Budi Santoso")


@pytest.fixture
def window(qtbot, ui_services, app_settings):
    from ui.main_window import MainWindow

    ani = make_user(ui_services, "ani", "administrator", ["Petugas Yankomas"], "Ani Petugas")
    for i, name in enumerate(NAMES):
        # one complaint types a formula: it must stay text in the workbook
        pokok = "=SUM(A1:A2) minta tolong" if i == 0 else f"Aduan tentang layanan {i}"
        ui_services.cases.open_case(YANKOMAS, ani, {"nama_pengadu": name, "pokok_aduan": pokok})
    win = MainWindow(ui_services, app_settings, ani)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.shutdown()


def open_dialog(qtbot, window, action):
    """Trigger a Laporan menu action; returns its dialog once the first preview is drawn."""
    from ui.dialogs.report import ReportDialog

    action.trigger()
    dialog = window.dialogs[-1]
    assert isinstance(dialog, ReportDialog) and dialog.isVisible()
    wait_preview(qtbot, dialog)
    return dialog


def wait_preview(qtbot, dialog) -> None:
    qtbot.waitUntil(lambda: not dialog.preview_timer.isActive() and not dialog.preview_running
                    and bool(dialog.preview.page_labels), timeout=30000)


def save(qtbot, window, dialog, button, path) -> None:
    """Click a save button, pick `path` in its file dialog, wait for the file."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    file_dialog = dialog.file_dialog
    assert file_dialog is not None and file_dialog.isVisible()
    file_dialog.fileSelected.emit(str(path))
    file_dialog.close()
    qtbot.waitUntil(lambda: dialog.last_saved == path, timeout=30000)
    assert window.runner.wait()
    assert f"Laporan disimpan: {path}" == window.statusBar().currentMessage()


def choose_pdf_printer(print_dialog, path) -> None:
    """Without a printer installed (CI, offscreen), the print dialog prints to a PDF file: type
    its name in the dialog's file field, as a user would."""
    printer = print_dialog.printer()
    assert printer.outputFormat() == QPrinter.OutputFormat.PdfFormat, "a real printer is set up"
    print_dialog.findChild(QLineEdit, "filename").setText(str(path))


def pdf_text(path) -> str:
    reader = pypdf.PdfReader(str(path))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def sheet_rows(path, sheet=None) -> list[tuple]:
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet] if sheet else wb.active
    rows = [tuple(c.value for c in row) for row in ws.iter_rows()]
    types = {(r, c.column): c.data_type for r, row in enumerate(ws.iter_rows()) for c in row}
    wb.close()
    return rows, types


def header_index(rows, first_label) -> int:
    return next(i for i, row in enumerate(rows) if row and row[0] == first_label)


def test_register_aduan_preview_excel_and_pdf(qtbot, window, tmp_path):
    dialog = open_dialog(qtbot, window, window.act_report_register)
    assert dialog.pages_label.text() == "Pratinjau: 1 halaman"
    dialog.register_kind.setCurrentIndex(dialog.register_kind.findData("aduan"))
    assert dialog.sop.currentData() == "aduan"
    assert dialog.sop.findData(YANKOMAS) > 0  # the complaint SOP is offered alone
    wait_preview(qtbot, dialog)
    out = tmp_path / "register-aduan.xlsx"
    save(qtbot, window, dialog, dialog.save_xlsx_button, out)
    rows, types = sheet_rows(out)
    assert rows[0][0] == "BUKU REGISTER ADUAN"
    head = header_index(rows, "No")
    header = rows[head]
    assert "Nama Pengadu" in header and "Tanggal Terima" in header and "Pokok Masalah" in header
    body = [r for r in rows[head + 1:] if isinstance(r[0], int)]
    names = [r[header.index("Nama Pengadu")] for r in body]
    assert names == list(NAMES)
    assert [r[0] for r in body] == [1, 2, 3]  # numbers as numbers
    received = body[0][header.index("Tanggal Terima")]
    assert isinstance(received, dt.datetime)  # a real date cell
    assert received.date() == window.services.cases.clock().date()
    pokok_col = header.index("Pokok Masalah")
    assert body[0][pokok_col] == "=SUM(A1:A2) minta tolong"
    assert types[(head + 1, pokok_col + 1)] == "s"  # text, never a formula

    signer = dialog.signer_edits
    qtbot.keyClicks(signer["jabatan"], "Kepala Bidang Hak Asasi Manusia")
    qtbot.keyClicks(signer["nama"], "Dra. Sri Rahayu")
    qtbot.keyClicks(signer["nip"], "197001011990032001")
    pdf = tmp_path / "register-aduan.pdf"
    save(qtbot, window, dialog, dialog.save_pdf_button, pdf)
    text = pdf_text(pdf)
    assert "BUKU REGISTER ADUAN" in text and "Halaman 1 dari 1" in text
    assert "Dra. Sri Rahayu" in text and "19700101 199003 2 001" in text
    assert "Kepala Bidang Hak Asasi Manusia" in text
    for name in NAMES:
        assert name in text
    wait_preview(qtbot, dialog)  # typing the signer refreshed it
    assert dialog.preview_pdf is not None  # the preview is the same kind of PDF, in memory
    assert len(pypdf.PdfReader(pdf).pages) == len(dialog.preview.page_labels)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Esc closes the dialog
    assert not dialog.isVisible()


def test_register_period_and_status_filters(qtbot, window, tmp_path):
    dialog = open_dialog(qtbot, window, window.act_report_register)
    dialog.set_sop(YANKOMAS)
    picker = dialog.period
    picker.set_kind("rentang")
    assert picker.date_from.isVisible() and not picker.year.isVisible()
    # a range that ends before the cases were received excludes them all
    today = window.services.cases.clock().date()
    picker.date_from.setDate(today - dt.timedelta(days=40))
    picker.date_to.setDate(today - dt.timedelta(days=1))
    out = tmp_path / "kosong.xlsx"
    save(qtbot, window, dialog, dialog.save_xlsx_button, out)
    rows, _ = sheet_rows(out)
    head = header_index(rows, "No")
    assert [r for r in rows[head + 1:] if isinstance(r[0], int)] == []
    assert any("0 kasus" in str(r[0]) for r in rows[:head])
    # a range ending today includes them; status "selesai" excludes the running ones
    picker.date_to.setDate(today)
    out = tmp_path / "isi.xlsx"
    save(qtbot, window, dialog, dialog.save_xlsx_button, out)
    rows, _ = sheet_rows(out)
    head = header_index(rows, "No")
    assert len([r for r in rows[head + 1:] if isinstance(r[0], int)]) == 3
    dialog.status.setCurrentIndex(dialog.status.findData("selesai"))
    out = tmp_path / "selesai.xlsx"
    save(qtbot, window, dialog, dialog.save_xlsx_button, out)
    rows, _ = sheet_rows(out)
    head = header_index(rows, "No")
    assert [r for r in rows[head + 1:] if isinstance(r[0], int)] == []
    # a wrong range is refused next to the choices, nothing is written
    picker.date_to.setDate(today - dt.timedelta(days=50))
    qtbot.mouseClick(dialog.save_pdf_button, Qt.MouseButton.LeftButton)
    assert "lebih awal" in dialog.error.text()
    dialog.close()


def test_kinerja_and_monitoring(qtbot, window, tmp_path):
    svc = window.services
    ani = window.user
    from sop_desktop.storage import db as dbm

    number = dbm.Case.select().order_by(dbm.Case.id).first().number
    svc.cases.stop(number, ani, "Pengadu mencabut aduannya")
    window.data_changed.emit(Changes(all_cases=True))
    dialog = open_dialog(qtbot, window, window.act_report_kinerja)
    assert dialog.period.kind.findData("semua") == -1  # a report needs a period
    dialog.set_sop(YANKOMAS)
    dialog.period.set_kind("tahun")
    out = tmp_path / "kinerja.xlsx"
    save(qtbot, window, dialog, dialog.save_xlsx_button, out)
    wb = openpyxl.load_workbook(out)
    assert "Ringkasan" in wb.sheetnames and "Monitoring SOP" in wb.sheetnames
    ws = wb["Ringkasan"]
    rows = [tuple(c.value for c in row) for row in ws.iter_rows()]
    wb.close()
    head = header_index(rows, "No")
    header = rows[head]
    row = rows[head + 1]
    assert row[header.index("Diterima")] == 3
    assert row[header.index("Dihentikan")] == 1
    pdf = tmp_path / "kinerja.pdf"
    save(qtbot, window, dialog, dialog.save_pdf_button, pdf)
    text = pdf_text(pdf)
    assert "LAPORAN KINERJA PELAKSANAAN SOP" in text and "Formulir Monitoring" in text
    dialog.close()

    dialog = open_dialog(qtbot, window, window.act_report_monitoring)
    dialog.set_sop(YANKOMAS)
    dialog.paper.setCurrentIndex(dialog.paper.findData("F4"))
    pdf = tmp_path / "monitoring.pdf"
    save(qtbot, window, dialog, dialog.save_pdf_button, pdf)
    reader = pypdf.PdfReader(str(pdf))
    width_mm = float(reader.pages[0].mediabox.width) / 72 * 25.4
    assert round(width_mm) == 330  # F4 landscape
    text = pdf_text(pdf)
    assert "FORMULIR MONITORING PELAKSANAAN SOP" in text
    assert svc.sops.get(YANKOMAS).name.split()[0] in text
    assert "LAPORAN KINERJA" not in text  # the sheet alone
    out = tmp_path / "monitoring.xlsx"
    save(qtbot, window, dialog, dialog.save_xlsx_button, out)
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Monitoring SOP"]
    labels = [c.value for row in wb.active.iter_rows() for c in row if c.value]
    wb.close()
    assert "Berjalan dengan Baik" in labels and "Tindakan yang Harus Diambil" in labels
    dialog.close()


def test_agenda_surat_keluar_lists_issued_letters(qtbot, window, tmp_path):
    from sop_desktop.letters.service import LetterService
    from sop_desktop.storage import db as dbm

    case = dbm.Case.select().order_by(dbm.Case.id).first()
    issued = LetterService.from_services(window.services).issue(
        case.number, "tanda-terima", window.user, confirm={"tanpa_nip"})  # the clerk has no NIP
    assert issued.number
    dialog = open_dialog(qtbot, window, window.act_report_agenda)
    assert dialog.sop is None and dialog.status is None  # period only
    dialog.period.set_kind("semua")
    out = tmp_path / "agenda.xlsx"
    save(qtbot, window, dialog, dialog.save_xlsx_button, out)
    wb = openpyxl.load_workbook(out)
    values = [c.value for row in wb.active.iter_rows() for c in row]
    wb.close()
    assert issued.number in values and case.number in values
    pdf = tmp_path / "agenda.pdf"
    save(qtbot, window, dialog, dialog.save_pdf_button, pdf)
    text = pdf_text(pdf)
    assert "AGENDA SURAT KELUAR" in text and issued.number in text and "1 surat" in text
    dialog.close()


def test_print_sends_every_page(qtbot, window, tmp_path):
    dialog = open_dialog(qtbot, window, window.act_report_register)
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    print_dialog = dialog.print_dialog
    assert print_dialog is not None and print_dialog.isVisible()
    printed = tmp_path / "cetak.pdf"
    choose_pdf_printer(print_dialog, printed)
    print_dialog.accept()
    qtbot.waitUntil(lambda: "dikirim ke pencetak" in window.statusBar().currentMessage(),
                    timeout=30000)
    assert window.runner.wait()
    reader = pypdf.PdfReader(str(printed))
    assert len(reader.pages) == len(dialog.preview.page_labels) == 1
    page = reader.pages[0]
    assert float(page.mediabox.width) > float(page.mediabox.height)  # landscape, as the report
    dialog.close()


def test_failed_save_shows_indonesian_message(qtbot, window, tmp_path):
    dialog = open_dialog(qtbot, window, window.act_report_register)
    missing = tmp_path / "tidak-ada" / "register.xlsx"
    qtbot.mouseClick(dialog.save_xlsx_button, Qt.MouseButton.LeftButton)
    dialog.file_dialog.fileSelected.emit(str(missing))
    dialog.file_dialog.close()

    def box():
        found = [w for w in QApplication.topLevelWidgets() + dialog.findChildren(QMessageBox)
                 if isinstance(w, QMessageBox) and w.objectName() == "task_error" and w.isVisible()]
        return found[0] if found else None

    qtbot.waitUntil(lambda: box() is not None, timeout=30000)
    message = box().text()
    assert "tidak ada" in message and "Traceback" not in message
    assert not missing.exists()
    box().close()
    dialog.close()


def test_menu_and_keyboard(qtbot, window):
    menus = {a.text().replace("&", ""): a.menu() for a in window.menuBar().actions()}
    assert "Laporan" in menus
    texts = [a.text().replace("&", "") for a in menus["Laporan"].actions() if a.text()]
    assert texts == ["Buku register…", "Laporan kinerja…", "Lembar monitoring SOP…",
                     "Agenda surat keluar…"]
    for action in (window.act_report_register, window.act_report_kinerja):
        assert not action.shortcut().isEmpty()
    dialog = open_dialog(qtbot, window, window.act_report_register)
    # tab order runs down the choices, then to the buttons
    chain, widget = [], dialog.register_kind
    for _ in range(30):
        chain.append(widget.objectName())
        widget = widget.nextInFocusChain()
        while not (widget.focusPolicy() & Qt.FocusPolicy.TabFocus) or widget.isHidden():
            widget = widget.nextInFocusChain()
    assert chain.index("register_kind") < chain.index("report_sop") < chain.index("period_kind") \
        < chain.index("report_status") < chain.index("save_xlsx_button") \
        < chain.index("save_pdf_button") < chain.index("print_button")
    dialog.close()


def test_each_alt_key_reaches_one_control(qtbot, window):
    for action, _kind in ((window.act_report_register, "range"), (window.act_report_agenda, "month")):
        dialog = open_dialog(qtbot, window, action)
        for period in ("rentang", "bulan"):
            dialog.period.set_kind(period)
            keys = mnemonics(dialog)
            assert len(keys) > 6 and len(keys) == len(set(keys)), keys
        dialog.close()


def test_long_register_preview_shows_its_start_and_saves_every_row(qtbot, window, tmp_path,
                                                                   monkeypatch):
    import ui.dialogs.report as rd

    monkeypatch.setattr(rd, "PREVIEW_ROWS", 2)  # stands for a register of 100,000 cases
    dialog = open_dialog(qtbot, window, window.act_report_register)
    assert "2 baris pertama" in dialog.preview.message.text()
    # the first pages of the preview, and about how many the whole register has
    assert dialog.pages_label.text().startswith("Pratinjau: 1 halaman pertama dari sekitar ")
    assert dialog.preview_pdf is None  # printing lays out the whole register
    pdf = tmp_path / "semua.pdf"
    save(qtbot, window, dialog, dialog.save_pdf_button, pdf)
    text = pdf_text(pdf)
    assert all(name in text for name in NAMES)
    dialog.close()


def test_closing_while_the_preview_is_built_leaves_nothing_behind(qtbot, window):
    window.act_report_kinerja.trigger()
    dialog = window.dialogs[-1]
    qtbot.waitUntil(lambda: dialog.preview_running, timeout=10000)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert window.runner.wait()
    QApplication.processEvents()  # the late result arrives and is dropped quietly
    assert not [d for d in window.dialogs if d.objectName() == "task_error"]
