"""A Yankomas case run through the window alone: each step by a user of the right position,
a Tidak branch, a return to an earlier step, a refusal, attachments added and opened.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog

from tests.ui.support import YANKOMAS, log_in, log_out, make_user, wait_idle

pytestmark = pytest.mark.usefixtures("no_widgets_left")

KAKANWIL = "Kepala Kantor Wilayah"
KADIV = "Kepala Divisi Pelayanan Hukum dan HAM"
KABID = "Kepala Bidang Hak Asasi Manusia"
KASUBBID = "Kepala Subbidang Pelayanan, Pengkajian dan Informasi HAM"


def click(qtbot, button) -> None:
    assert button.isEnabled() and button.isVisible(), button.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def open_own_case(window, number: str):
    """Select the case in the user's own inbox ("Kotak masuk saya") and return the case view."""
    page = window.inbox
    assert page.set_scope("mine")
    numbers = [page.model.case_row(r).number for r in range(page.model.rowCount())]
    assert number in numbers, f"{number} tidak ada di kotak masuk {window.user.username}: {numbers}"
    page.table.selectRow(numbers.index(number))
    view = page.case_view
    assert view.case.number == number
    return view


def act(qtbot, controller, username: str, number: str, button: str, note: str = "",
        expect_step: int | None = None):
    """Log in as `username`, open the case from their inbox, press a button, log out."""
    window = log_in(qtbot, controller, username)
    view = open_own_case(window, number)
    if note:
        qtbot.keyClicks(view.note, note)
    click(qtbot, getattr(view, button))
    wait_idle(qtbot, view)
    assert view.result_label.styleSheet().endswith("#1c6b2f"), view.result_label.text()
    case = window.services.cases.get(number)
    if expect_step is not None:
        assert case.current_step == expect_step
    log_out(qtbot, controller, window)
    return case


def test_yankomas_case_through_every_step(qtbot, controller, ui_services, tmp_path, monkeypatch):
    svc = ui_services
    make_user(svc, "ani", "operator", ["Petugas Yankomas"], "Ani Operator")
    make_user(svc, "kakanwil", "pejabat", [KAKANWIL])
    make_user(svc, "kadiv", "pejabat", [KADIV])
    make_user(svc, "kabid", "pejabat", [KABID])
    make_user(svc, "kasubbid", "pejabat", [KASUBBID])
    controller.start()

    # --- the clerk opens the case with the generated form
    window = log_in(qtbot, controller, "ani")
    window.act_new_case.trigger()
    dialog = window.dialogs[-1]
    assert dialog.choose_sop(YANKOMAS)
    form = dialog.form
    assert not dialog.ok_button.isEnabled()  # required fields empty
    qtbot.keyClicks(form.editors["nik"], "12345")
    assert "16 angka" in form.messages["nik"].text()  # told next to the field, while typing
    form.editors["nik"].clear()
    qtbot.keyClicks(form.editors["nik"], "1771012345678901")
    assert form.messages["nik"].text() == ""
    qtbot.keyClicks(form.editors["nama_pengadu"], "Rahmat Hidayat")
    qtbot.keyClicks(form.editors["pokok_aduan"], "Dugaan pelanggaran hak atas rasa aman")
    assert dialog.ok_button.isEnabled()
    with qtbot.waitSignal(dialog.case_created) as created:
        click(qtbot, dialog.ok_button)
    number = created.args[0].number
    # it appears at once; its first step (the public hands the complaint in) is done by
    # recording it, so it waits on step 2
    page = window.inbox
    assert page.case_view.case.number == number
    assert page.model.case_row(page.table.currentIndex().row()).number == number
    assert page.case_view.info["fields"]["nama_pengadu"] == "Rahmat Hidayat"
    assert svc.cases.get(number).current_step == 2
    assert [e.action for e in svc.cases.history(number)] == ["buka", "lanjut"]
    log_out(qtbot, controller, window)

    # --- a user without the position is refused with a clear message (and it is logged)
    window = log_in(qtbot, controller, "kabid")
    page = window.inbox
    assert page.set_scope("all")
    page.select_case(svc.cases.get(number).id)
    view = page.case_view
    assert "tidak memegang jabatan" in view.permission_label.text()
    # the buttons are off and say why before anyone clicks
    assert not view.finish_button.isEnabled()
    assert "tidak memegang jabatan" in view.finish_button.toolTip()
    assert KAKANWIL in view.finish_button.toolTip()
    assert svc.cases.get(number).current_step == 2
    from sop_desktop.errors import PermissionDenied
    from sop_desktop.storage import db as dbm
    with pytest.raises(PermissionDenied):  # the core refuses (and logs) all the same
        svc.cases.advance(number, window.user)
    assert dbm.Refusal.select().where(dbm.Refusal.username == "kabid").count() == 1
    log_out(qtbot, controller, window)

    act(qtbot, controller, "kakanwil", number, "finish_button", expect_step=3)
    act(qtbot, controller, "kadiv", number, "finish_button", expect_step=4)
    act(qtbot, controller, "kabid", number, "finish_button", expect_step=5)
    act(qtbot, controller, "kasubbid", number, "finish_button", "Draft telaahan", expect_step=6)
    # decision: Tidak goes back to step 5
    case = act(qtbot, controller, "kabid", number, "no_button", "Perbaiki telaahan", expect_step=5)
    assert case.status == "berjalan"
    act(qtbot, controller, "kasubbid", number, "finish_button", expect_step=6)
    act(qtbot, controller, "kabid", number, "yes_button", expect_step=7)
    act(qtbot, controller, "kasubbid", number, "finish_button", expect_step=8)

    # --- at step 8: attachments (dialog and drag and drop), opened; then a return to step 7
    window = log_in(qtbot, controller, "kasubbid")
    view = open_own_case(window, number)
    # the flowchart marks the current step and zooms in on it with one click
    view.tabs.setCurrentIndex(1)
    chart = view.flowchart
    assert chart.highlighted_steps()[8] == "current" and chart.highlighted_steps()[6] == "path"
    before = chart.zoom()
    click(qtbot, view.current_step_button)
    assert chart.zoom() > before
    shown = chart.mapToScene(chart.viewport().rect()).boundingRect()
    assert shown.intersects(chart.symbol_items[8].sceneBoundingRect())
    view.tabs.setCurrentIndex(0)
    draft = tmp_path / "draf-rekomendasi.txt"
    draft.write_text("isi draf rekomendasi", encoding="utf-8")
    view.attachments.add_button.click()
    file_dialog = view.file_dialog
    assert isinstance(file_dialog, QFileDialog)
    with qtbot.waitSignal(window.data_changed):
        file_dialog.filesSelected.emit([str(draft)])
        file_dialog.close()
    photo = tmp_path / "foto.bin"
    photo.write_bytes(bytes(range(256)))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(photo))])
    drop = QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    view.attachments.dropEvent(drop)
    wait_idle(qtbot, view)
    model = view.attachments.model
    assert sorted(model.cell_text(model.row_object(r), 0) for r in range(model.rowCount())) == \
        ["draf-rekomendasi.txt", "foto.bin"]
    opened = []
    monkeypatch.setattr("ui.cases.attachments.QDesktopServices.openUrl",
                        lambda url: opened.append(url.toLocalFile()) or True)
    row = [model.cell_text(model.row_object(r), 0) for r in range(model.rowCount())].index(
        "draf-rekomendasi.txt")
    view.attachments.table.selectRow(row)
    click(qtbot, view.attachments.open_button)
    assert len(opened) == 1
    assert Path(opened[0]).read_text(encoding="utf-8") == "isi draf rekomendasi"
    # save a copy through the folder dialog
    click(qtbot, view.attachments.save_button)
    folder_dialog = view.file_dialog
    assert isinstance(folder_dialog, QFileDialog) and folder_dialog is not file_dialog
    with qtbot.waitSignal(view.status_message) as saved:
        folder_dialog.fileSelected.emit(str(tmp_path / "salinan"))
    folder_dialog.close()
    copy = tmp_path / "salinan" / "draf-rekomendasi.txt"
    assert copy.read_text(encoding="utf-8") == "isi draf rekomendasi"
    assert str(copy) in saved.args[0]
    # a drag that brings no local file is refused; one with a file is accepted
    enter = QDragEnterEvent(QPoint(5, 5), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    view.attachments.dragEnterEvent(enter)
    assert enter.isAccepted()
    text_only = QMimeData()
    text_only.setText("bukan berkas")
    enter = QDragEnterEvent(QPoint(5, 5), Qt.DropAction.CopyAction, text_only,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    view.attachments.dragEnterEvent(enter)
    assert not enter.isAccepted()
    # return to step 7: the reason is required
    view.return_target.setCurrentIndex(view.return_target.findData(7))
    click(qtbot, view.return_button)
    assert "alasan" in view.result_label.text().lower()
    assert svc.cases.get(number).current_step == 8
    qtbot.keyClicks(view.note, "Koordinasi perlu diulang")
    click(qtbot, view.return_button)
    wait_idle(qtbot, view)
    assert svc.cases.get(number).current_step == 7
    log_out(qtbot, controller, window)

    act(qtbot, controller, "kasubbid", number, "finish_button", expect_step=8)
    act(qtbot, controller, "kasubbid", number, "finish_button", expect_step=9)
    act(qtbot, controller, "kakanwil", number, "yes_button", expect_step=10)
    act(qtbot, controller, "kasubbid", number, "finish_button", expect_step=11)

    # step 11 belongs to an outside institution: the clerk records it
    window = log_in(qtbot, controller, "ani")
    page = window.inbox
    page.select_case(svc.cases.get(number).id)
    click(qtbot, page.case_view.finish_button)
    wait_idle(qtbot, page.case_view)
    assert svc.cases.get(number).current_step == 12
    log_out(qtbot, controller, window)

    case = act(qtbot, controller, "kasubbid", number, "finish_button")
    assert case.status == "selesai"

    # the history tells the whole path, the flowchart marks it
    window = log_in(qtbot, controller, "kasubbid")
    page = window.inbox
    page.status_filter.setCurrentIndex(page.status_filter.findData("selesai"))
    page.select_case(case.id)
    view = page.case_view
    events = view.history_model.rows
    actions = [e["action"] for e in events]
    assert actions.count("keputusan") == 3 and actions.count("kembali") == 1
    assert any(e["decision"] == "tidak" for e in events)
    from ui.cases.view import path_of
    assert path_of(events)[:8] == [1, 2, 3, 4, 5, 6, 5, 6]
    texts = [view.history_model.cell_text(e, 1) for e in events]
    assert any("Tidak" in t for t in texts)
    assert not view.finish_button.isEnabled() and not view.stop_button.isEnabled()
    log_out(qtbot, controller, window)
    QApplication.processEvents()


def test_staff_records_official_step_on_behalf_and_stop(qtbot, controller, ui_services):
    svc = ui_services
    make_user(svc, "ani", "operator", ["Petugas Yankomas"], "Ani Operator")
    make_user(svc, "kakanwil", "pejabat", [KAKANWIL], "Bapak Kakanwil")
    make_user(svc, "kadiv", "pejabat", [KADIV], "Ibu Kadiv")
    controller.start()
    window = log_in(qtbot, controller, "ani")
    window.act_new_case.trigger()
    dialog = window.dialogs[-1]
    dialog.choose_sop(YANKOMAS)
    qtbot.keyClicks(dialog.form.editors["nama_pengadu"], "Sari")
    qtbot.keyClicks(dialog.form.editors["pokok_aduan"], "Aduan")
    with qtbot.waitSignal(dialog.case_created) as created:
        click(qtbot, dialog.ok_button)
    number = created.args[0].number
    view = window.inbox.case_view
    window.inbox.select_case(created.args[0].id)
    # step 2 is the Kakanwil's: the clerk records it on his behalf
    assert view.behalf.isVisibleTo(window) and view.behalf.count() == 1
    assert "Bapak Kakanwil" in view.behalf.currentText()
    click(qtbot, view.finish_button)
    wait_idle(qtbot, view)
    event = svc.cases.history(number)[-1]
    assert event.on_behalf_of.username == "kakanwil"
    # Hentikan needs a reason, then stops the case
    assert "Ibu Kadiv" in view.behalf.currentText()
    click(qtbot, view.stop_button)
    assert svc.cases.get(number).status == "berjalan"
    qtbot.keyClicks(view.note, "Pengadu mencabut aduan")
    window.act_stop.trigger()  # the menu/toolbar action does the same, after asking
    assert svc.cases.get(number).status == "berjalan"
    box = view.confirm_box
    next(b for b in box.buttons() if b.objectName() == "confirm_stop_yes").click()
    wait_idle(qtbot, view)
    assert svc.cases.get(number).status == "dihentikan"
    log_out(qtbot, controller, window)


def test_intake_form_checks_each_field_as_typed(qtbot):
    from sop_desktop.domain.model import IntakeField
    from ui.cases.intake_form import IntakeForm

    form = IntakeForm()
    qtbot.addWidget(form)
    form.set_fields([IntakeField("nama", "Nama", "text", True),
                     IntakeField("hp", "Telepon", "phone"),
                     IntakeField("surel", "Surel", "email"),
                     IntakeField("tgl", "Tanggal surat", "date"),
                     IntakeField("jenis", "Jenis", "choice", True, ["Surat", "Datang"])])
    with qtbot.waitSignal(form.validity_changed) as valid:
        qtbot.keyClicks(form.editors["hp"], "12ab")
    assert valid.args == [False]
    assert "telepon" in form.messages["hp"].text().lower()
    assert form.messages["nama"].text() == ""  # untouched required field: not scolded yet
    form.editors["hp"].clear()
    qtbot.keyClicks(form.editors["hp"], "0812 3456 7890")
    assert form.messages["hp"].text() == ""
    qtbot.keyClicks(form.editors["surel"], "bukan-surel")
    assert "surel" in form.messages["surel"].text().lower()
    form.editors["surel"].clear()
    assert not form.show_all_problems()
    assert "wajib" in form.messages["nama"].text() and "wajib" in form.messages["jenis"].text()
    qtbot.keyClicks(form.editors["nama"], "Rahmat")
    form.editors["jenis"].setCurrentIndex(form.editors["jenis"].findData("Datang"))
    assert form.revalidate()
    assert form.values() == {"nama": "Rahmat", "hp": "081234567890", "jenis": "Datang"}
