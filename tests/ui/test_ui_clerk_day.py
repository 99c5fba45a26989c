"""A clerk's day on a 1366×768 screen (issue 16, defects 1–9): date fields, the inbox columns
and positions panel, the flowchart close-up and its banner, decisions that say where they go,
messages per case, disabled actions that say why, SOP document print/PDF, letter rights, and
the small things (intake completes the public's step, confirmations, unsaved edits, sorting…).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.ui.support import YANKOMAS, make_user, show, wait_idle, yankomas_at

pytestmark = pytest.mark.usefixtures("no_widgets_left")

KAKANWIL = "Kepala Kantor Wilayah"
KADIV = "Kepala Divisi Pelayanan Hukum dan HAM"
KABID = "Kepala Bidang Hak Asasi Manusia"
KASUBBID = "Kepala Subbidang Pelayanan, Pengkajian dan Informasi HAM"


@pytest.fixture
def office(ui_services):
    """An operator and one official per Yankomas position."""
    svc = ui_services
    return {"ani": make_user(svc, "ani", "operator", ["Petugas Yankomas"], "Ani Operator"),
            "kakanwil": make_user(svc, "kakanwil", "pejabat", [KAKANWIL], "Bapak Kakanwil"),
            "kadiv": make_user(svc, "kadiv", "pejabat", [KADIV], "Ibu Kadiv"),
            "kabid": make_user(svc, "kabid", "pejabat", [KABID], "Dewi Kabid"),
            "kasubbid": make_user(svc, "kasubbid", "pejabat", [KASUBBID], "Joko Kasubbid")}


# ----- 1. date fields

def test_date_field_takes_typed_dates_opens_at_today_and_clears(qtbot):
    from sop_desktop.domain.model import IntakeField
    from ui.cases.intake_form import IntakeForm
    from ui.widgets.date_edit import DateEdit, parse_date

    for text in ("06-12-2026", "6/12/2026", "06.12.2026", "6 12 2026", "06122026", "2026-12-06",
                 "06-12-26"):
        assert parse_date(text) == dt.date(2026, 12, 6), text
    form = IntakeForm()
    qtbot.addWidget(form)
    form.set_fields([IntakeField("nama", "Nama", "text", True),
                     IntakeField("tgl", "Tanggal Surat Masuk", "date")])
    edit = form.editors["tgl"]
    assert isinstance(edit, DateEdit) and edit.text() == ""  # optional: starts empty
    qtbot.keyClicks(edit.line, "01122026")  # digits as a clerk types them
    assert edit.date() == dt.date(2026, 12, 1)
    qtbot.keyClicks(form.editors["nama"], "Rahmat")
    assert form.revalidate() and form.values()["tgl"] == "2026-12-01"
    edit.line.clear()
    qtbot.keyClicks(edit.line, "31-02-2026")
    assert not form.revalidate() and "hh-bb-tttt" in form.messages["tgl"].text()
    edit.clear()  # clearable: an empty optional date is fine and not stored
    assert form.revalidate() and "tgl" not in form.values()
    edit.open_calendar()
    assert edit.calendar.selectedDate() == QDate.currentDate()  # today, not January 1900
    edit.calendar.clicked.emit(QDate(2026, 11, 3))
    assert edit.text() == "03-11-2026" and form.values()["tgl"] == "2026-11-03"


# ----- 2. the inbox at 1366×768

def test_inbox_agenda_number_whole_columns_arranged_and_remembered(qtbot, ui_services, office,
                                                                     window_for):
    from ui.inbox.columns import SETTINGS_KEY

    for i in range(3):
        yankomas_at(ui_services, office, 2, f"Pemohon {i}")
    win = window_for(office["ani"])
    page = win.inbox
    page.set_scope("all")
    table, fm = page.table, page.table.fontMetrics()
    numbers = [page.model.case_row(r).number for r in range(page.model.rowCount())]
    assert numbers and all(fm.horizontalAdvance(n) + 8 <= table.columnWidth(0) for n in numbers)
    header = table.horizontalHeader()
    assert header.sectionsMovable()
    # hide Langkah from the header menu, move Tenggat first after the number, widen Pemohon
    actions = page.columns.menu_actions()
    assert not actions[0].isEnabled()  # the agenda number cannot be hidden
    actions[3].setChecked(False)
    assert table.isColumnHidden(3)
    header.moveSection(header.visualIndex(5), 1)
    header.resizeSection(2, 260)
    assert win.settings.state(SETTINGS_KEY) is not None
    win.settings.sync()
    again = window_for(office["ani"])
    again.inbox.set_scope("all")
    t2 = again.inbox.table
    assert t2.isColumnHidden(3) and t2.horizontalHeader().visualIndex(5) == 1
    assert t2.columnWidth(2) == 260
    # the agenda number column cannot be squeezed by hand
    t2.horizontalHeader().resizeSection(0, 40)
    assert t2.columnWidth(0) >= fm.horizontalAdvance(numbers[0])


def test_positions_panel_counts_on_one_line_names_on_two(qtbot, ui_services, office, window_for):
    yankomas_at(ui_services, office, 2)
    win = window_for(office["ani"])
    scopes = win.inbox.scopes
    fm = scopes.fontMetrics()
    for i in range(scopes.count()):
        lines = scopes.item(i).text().split("\n")
        label, numbers = scopes.item(i).data(Qt.ItemDataRole.UserRole + 1)
        assert len(lines) <= (3 if numbers else 2), lines
        if numbers:
            assert lines[-1] == numbers and "berjalan" in numbers
            assert fm.horizontalAdvance(numbers) <= scopes.viewport().width()


# ----- 3 and 4. flowchart close-up, banner; decisions that say where they go

def test_current_step_readable_with_its_lane_and_a_larger_view(qtbot, ui_services, office,
                                                             window_for):
    number = yankomas_at(ui_services, office, 6)
    view = show(window_for(office["kabid"]), number)
    view.tabs.setCurrentWidget(view.chart_pane)
    chart = view.flowchart
    banner = chart.banner
    assert banner.isVisible() and "Langkah 6" in banner.text() and "Kabid HAM" in banner.text()
    assert banner.geometry().bottom() <= chart.viewport().geometry().top()  # not over the chart
    assert view.current_step_button.isEnabled()
    view.current_step_button.click()
    from sop_desktop.flowchart.layout import BODY_SIZE
    assert chart.zoom() * BODY_SIZE >= 11 - 1e-6  # step text readable
    shown = chart.mapToScene(chart.viewport().rect()).boundingRect()
    assert shown.intersects(chart.symbol_items[6].sceneBoundingRect())
    for factor in (0.2, 5.0):  # at any zoom the banner still names step and lane
        chart.zoom_by(factor)
        assert banner.isVisible() and "Kabid HAM" in banner.text()
    larger = view.chart_pane.open_larger()
    assert larger.isVisible() and larger.pane.view.highlighted_steps()[6] == "current"
    assert larger.width() > view.width()
    larger.close()


def test_yes_no_labels_readable_at_fit_to_page(qtbot, ui_services):
    from ui.flowchart.view import LABEL_MIN_PX, ArrowItem, FlowchartView

    chart = FlowchartView()
    qtbot.addWidget(chart)
    chart.resize(700, 420)
    chart.show()
    chart.set_definition(ui_services.sops.get(YANKOMAS))
    chart.fit_to_window()
    labelled = [i for i in chart.scene().items() if isinstance(i, ArrowItem) and i.arrow.label_run]
    assert labelled
    for item in labelled:
        shown = item.arrow.label_run.size * chart.zoom() * item.label_scale(chart.zoom())
        assert shown >= LABEL_MIN_PX - 1e-6


def test_decision_buttons_name_the_question_and_where_each_answer_goes(qtbot, ui_services,
                                                                      office, window_for):
    number = yankomas_at(ui_services, office, 6)
    view = show(window_for(office["kabid"]), number)
    assert view.yes_button.isVisible() and view.no_button.isVisible()
    assert view.yes_button.text().startswith("Ya → 7. Melaksanakan kegiatan")
    assert view.no_button.text().startswith("Tidak → kembali ke 5. Menelaah")
    assert "Menyetujui / tidak menyetujui" in view.step_label.text()
    assert "Keputusan" in view.step_label.text()


# ----- 5 and 6. messages per case; disabled actions that say why

def test_messages_belong_to_their_case_and_refusals_are_said_beforehand(qtbot, ui_services,
                                                                       office, window_for):
    first = yankomas_at(ui_services, office, 3, "Satu")
    second = yankomas_at(ui_services, office, 3, "Dua")
    win = window_for(office["kadiv"])
    view = show(win, first)
    view.finish_button.click()
    wait_idle(qtbot, view)
    assert "Langkah diselesaikan" in view.result_label.text()
    view = show(win, second)
    assert view.result_label.text() == ""  # not the other case's message
    # the first case is now at the Kabid's step: Kadiv's buttons are off and say why
    view = show(win, first)
    states = ui_services.cases.action_states(first, office["kadiv"])
    assert states["lanjut"] and "Kepala Bidang Hak Asasi Manusia" in states["lanjut"]
    for button in (view.finish_button, view.return_button, view.stop_button):
        assert not button.isEnabled() and "tidak memegang jabatan" in button.toolTip()
    assert "tidak memegang jabatan" in view.permission_label.text()
    assert not win.act_finish.isEnabled()
    assert "tidak memegang jabatan" in win.act_finish.toolTip()
    # for the holder the same buttons are on
    assert ui_services.cases.action_states(first, office["kabid"])["lanjut"] == ""


# ----- 7. SOP document: print and PDF from the library and from the case

def test_sop_document_saved_as_pdf_and_printed(qtbot, ui_services, office, window_for, tmp_path,
                                               monkeypatch):
    from PySide6.QtPrintSupport import QPrinter

    opened = []
    monkeypatch.setattr("ui.widgets.file_dialogs.QDesktopServices.openUrl",
                        lambda url: opened.append(url.toLocalFile()) or True)
    win = window_for(office["ani"])
    win.tabs.setCurrentWidget(win.sops)
    assert win.sops.select_code(YANKOMAS)
    pane = win.sops.detail.chart_pane
    assert pane.document_button.isEnabled()
    pane.pdf_action.trigger()
    assert pane.file_dialog is not None and pane.file_dialog.isVisible()
    path = tmp_path / "yankomas.pdf"
    pane.file_dialog.fileSelected.emit(str(path))
    pane.file_dialog.close()
    pages = pypdf.PdfReader(str(path)).pages
    text = "".join(p.extract_text() for p in pages)
    assert len(pages) >= 2 and "Pelayanan Komunikasi Masyarakat" in text.replace("\n", " ")
    box = pane.saved_box
    assert isinstance(box, QMessageBox) and str(path) in box.informativeText()
    next(b for b in box.buttons() if b.objectName() == "open_file_button").click()
    assert opened == [str(path)]
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "cetak.pdf"
    printer.setOutputFileName(str(printed))
    assert pane.print_on(printer) == len(pages)
    assert len(pypdf.PdfReader(str(printed)).pages) == len(pages)
    # the case's flowchart has the same tools; the save dialog starts in the last folder used
    number = yankomas_at(ui_services, office, 2)
    win.tabs.setCurrentWidget(win.inbox)
    view = show(win, number)
    view.chart_pane.pdf_action.trigger()
    assert Path(view.chart_pane.file_dialog.directory().absolutePath()) == tmp_path
    view.chart_pane.file_dialog.close()


# ----- 8. letter rights at opening, people by name

def test_letter_dialog_checks_rights_when_it_opens(qtbot, ui_services, office, window_for):
    number = yankomas_at(ui_services, office, 3)
    make_user(ui_services, "tamu", "pejabat", [], "Tamu Tanpa Jabatan")
    win = window_for(ui_services.users.get("tamu"))
    show(win, number)
    dialog = win.print_letter()
    dialog.template.setCurrentIndex(dialog.template.findData("nota-dinas"))
    assert not dialog.save_pdf_button.isEnabled() and not dialog.print_button.isEnabled()
    assert "Tamu Tanpa Jabatan" in dialog.message.text() and "tamu " not in dialog.message.text()
    dialog.close()
    # an official who is not on the step may still issue a letter signed by himself
    win2 = window_for(office["kakanwil"])
    show(win2, number)
    dialog = win2.print_letter()
    dialog.template.setCurrentIndex(dialog.template.findData("nota-dinas"))
    assert dialog.save_pdf_button.isEnabled()
    assert dialog.signer.currentData() == "kakanwil" and not dialog.signer.isEnabled()
    assert "Bapak Kakanwil" in dialog.signer.toolTip()
    dialog.close()


# ----- 9. the small things

def test_intake_completes_the_publics_step_in_the_window(qtbot, ui_services, office, window_for):
    win = window_for(office["ani"])
    win.act_new_case.trigger()
    dialog = win.dialogs[-1]
    assert dialog.choose_sop(YANKOMAS)
    assert "menunggu di langkah 2" in dialog.first_step.text()
    names = [dialog.sop.itemText(i) for i in range(dialog.sop.count())]
    assert names == sorted(names, key=str.casefold)  # SOP pickers sorted
    qtbot.keyClicks(dialog.form.editors["nama_pengadu"], "Rahmat")
    qtbot.keyClicks(dialog.form.editors["pokok_aduan"], "Aduan")
    with qtbot.waitSignal(dialog.case_created) as created:
        dialog.ok_button.click()
    case = ui_services.cases.get(created.args[0].id)
    assert case.current_step == 2
    actions = [e.action for e in ui_services.cases.history(case)]
    assert actions == ["buka", "lanjut"]
    filters = [win.inbox.sop_filter.itemText(i) for i in range(1, win.inbox.sop_filter.count())]
    assert filters == sorted(filters, key=str.casefold)


def test_core_intake_done_only_for_an_outside_first_step(ui_services, office):
    svc = ui_services
    fields = {"nama_pengadu": "A", "pokok_aduan": "B"}
    kept = svc.cases.open_case(YANKOMAS, office["ani"], fields, intake_done=False)
    assert svc.cases.get(kept.case_ids[0]).current_step == 1  # unchanged when asked not to
    done = svc.cases.open_case(YANKOMAS, office["ani"], fields)  # the default, as in the CLI
    assert done.to_step == 2 and svc.cases.get(done.case_ids[0]).current_step == 2


def test_stop_asks_first_time_is_live_and_late_finish_reads_sensibly(qtbot, ui_services, office,
                                                                    window_for):
    from PySide6.QtCore import QDateTime

    from sop_desktop.storage import db as dbm

    number = yankomas_at(ui_services, office, 2)
    dbm.Case.update(current_due=dbm.now_local() - dt.timedelta(days=3)).where(
        dbm.Case.number == number).execute()
    win = window_for(office["ani"])
    view = show(win, number)
    expected = view.findChild(type(view.header), "expected_finish")
    assert "tenggatnya sudah lewat" in expected.text()
    view.at_edit.setDateTime(QDateTime.currentDateTime().addSecs(-3600))
    view._tick()  # the clock's timer: "sekarang" shows the time it is now
    assert abs(view.at_edit.dateTime().secsTo(QDateTime.currentDateTime())) < 90
    qtbot.keyClicks(view.note, "Pengadu mencabut aduan")
    view.stop_button.click()
    box = view.confirm_box
    assert isinstance(box, QMessageBox) and box.isVisible() and number in box.text()
    assert ui_services.cases.get(number).status == "berjalan"  # nothing yet
    next(b for b in box.buttons() if b.objectName() == "confirm_stop_yes").click()
    wait_idle(qtbot, view)
    assert ui_services.cases.get(number).status == "dihentikan"


def test_new_case_form_stays_compact(qtbot, ui_services, office, window_for):
    win = window_for(office["ani"])
    win.act_new_case.trigger()
    dialog = win.dialogs[-1]
    two = next(i for i in range(dialog.sop.count()) if len(dialog.definitions[i].fields) <= 3)
    dialog.sop.setCurrentIndex(two)
    QApplication.processEvents()
    form = dialog.form
    editors = list(form.editors.values())
    assert editors
    gap = editors[-1].geometry().top() - editors[0].geometry().bottom() if len(editors) > 1 else 0
    assert gap < 120  # rows stay together at the top, not spread over the dialog's height
    dialog.close()


def test_first_run_admin_page_shows_every_error_and_focuses_the_first(qtbot, ui_services):
    from ui.dialogs.setup import AdminPage

    page = AdminPage(ui_services)
    qtbot.addWidget(page)
    page.show()
    page.username.setText("a b")
    page.name.setText("")
    page.nip.setText("123")
    page.password.setText("pendek")
    page.password2.setText("lain")
    assert not page.validatePage()
    text = page.error.text()
    for part in ("Nama pengguna", "Nama lengkap", "NIP", "8 karakter", "tidak sama"):
        assert part in text, part
    assert page.focusWidget() is page.username  # the cursor goes to the first field to fix
    page.username.setText("dewi")
    assert not page.validatePage() and "Nama pengguna" not in page.error.text()
    assert page.focusWidget() is page.name


def test_administration_asks_about_unsaved_edits(qtbot, ui_services, app_settings):
    from ui.main_window import MainWindow

    admin = make_user(ui_services, "admin", "administrator", [])
    win = MainWindow(ui_services, app_settings, admin)
    qtbot.addWidget(win)
    win.show()
    dialog = win.open_admin()
    qtbot.keyClicks(dialog.users.name, "Dewi")
    dialog.reject()
    assert dialog.isVisible()
    box = dialog.guard.box
    assert box.isVisible() and "Pengguna" in box.text()
    next(b for b in box.buttons() if b.objectName() == "unsaved_discard").click()
    assert not dialog.isVisible()
    win.shutdown()


def test_import_preview_enter_and_unassigned_lanes(qtbot, ui_services, seeds_dir):
    from sop_desktop.domain.model import SopDefinition
    from ui.flowchart.view import FlowchartView
    from ui.sops.import_dialog import ImportDialog
    from ui.workers import TaskRunner

    runner = TaskRunner()
    dialog = ImportDialog(ui_services, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    seed = next(p for p in sorted(seeds_dir.iterdir()) if p.suffix == ".txt")
    dialog.path_edit.setText(str(seed))
    qtbot.keyClick(dialog.path_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.sop_list.count() > 0, timeout=20000)
    dialog.close()
    runner.wait()
    defn = ui_services.sops.get(YANKOMAS)
    data = defn.to_dict()
    data["steps"][2]["lane"] = None
    loose = SopDefinition.from_dict(data) if hasattr(SopDefinition, "from_dict") else None
    if loose is None:
        pytest.skip("SopDefinition.from_dict tidak ada")
    chart = FlowchartView()
    qtbot.addWidget(chart)
    chart.set_definition(loose)
    lanes = chart.sop_layout.lanes
    assert lanes[-1] == "(pelaksana belum ditentukan)"
    assert chart.sop_layout.steps[3].lane == lanes[-1]


def test_progress_can_be_cancelled_and_nothing_is_written(qtbot, ui_services, office, window_for,
                                                         tmp_path):
    import threading

    win = window_for(office["ani"])
    started = threading.Event()
    target = tmp_path / "tidak-ada.txt"
    errors = []

    def work(progress):
        for i in range(2000):
            started.set()
            progress(i, 2000, "")
            threading.Event().wait(0.005)
        target.write_text("selesai")
        return target

    dialog = win.run_task("Uji", work, lambda _r: None, on_error=errors.append)
    qtbot.waitUntil(started.is_set, timeout=5000)
    from PySide6.QtWidgets import QPushButton

    dialog.findChild(QPushButton).click()  # Batal
    qtbot.waitUntil(lambda: bool(errors), timeout=10000)
    win.runner.wait()
    assert errors == ["Dibatalkan oleh pengguna."] and not target.exists()
    assert win.findChild(QMessageBox, "task_error") is None


def test_menus_manual_and_window_size(qtbot, ui_services, office, app_settings):
    from ui.main_window import MainWindow

    win = MainWindow(ui_services, app_settings, office["ani"])
    qtbot.addWidget(win)
    cases = win.menuBar().findChild(type(win.menuBar().actions()[0].menu()), "menu_cases")
    assert win.act_new_case in cases.actions()
    help_menu = win.menuBar().findChild(type(cases), "menu_help")
    assert win.act_manual in help_menu.actions()
    manual = win.open_manual()
    assert "Panduan Pengguna" in manual.browser.toPlainText()
    assert "Kotak masuk" in manual.browser.toPlainText()
    manual.close()
    area = win.screen().availableGeometry()
    win.size_to_screen()
    assert win.width() >= int(area.width() * 0.9) - 1 and win.height() >= int(area.height() * 0.9) - 1
    win.close()


def test_sop_library_flowchart_opens_at_page_one(qtbot, ui_services, office, window_for):
    win = window_for(office["ani"])
    win.tabs.setCurrentWidget(win.sops)
    win.sops.select_code(YANKOMAS)
    win.sops.detail.setCurrentWidget(win.sops.detail.chart_pane)
    chart = win.sops.detail.flowchart
    assert chart.current_page() == 1  # the document as printed, from its first page
    pages = chart.shown_pages()
    assert [p.number for p in pages] == list(range(1, len(pages) + 1))
    assert chart.symbol_items  # the flowchart pages follow, clickable as before
