"""What SRIKANDI users expect of the inbox (issue 16), driven with qtbot at 1366×768: the
disposisi dialog, Ambil / Lepas, new and unread marks and counts, the sifat column, the
filters beyond SOP and status, saved filters, export to .xlsx, several cases at once."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from sop_desktop.storage import db as dbm
from tests.ui.support import YANKOMAS, make_user

pytestmark = pytest.mark.usefixtures("no_widgets_left")

KAKANWIL = "Kepala Kantor Wilayah"
KADIV = "Kepala Divisi Pelayanan Hukum dan HAM"


@pytest.fixture
def office(ui_services):
    svc = ui_services
    return {"ani": make_user(svc, "ani", "operator", ["Petugas Yankomas"], "Ani Operator"),
            "kakanwil": make_user(svc, "kakanwil", "pejabat", [KAKANWIL], "Bapak Kakanwil"),
            "kadiv": make_user(svc, "kadiv", "pejabat", [KADIV], "Ibu Kadiv"),
            "rina": make_user(svc, "rina", "pejabat", [KADIV], "Rina Wakil Kadiv")}


def new_case(svc, office, name="Rahmat", *, to_kadiv=False, **kw) -> str:
    number = svc.cases.open_case(YANKOMAS, office["ani"], {"nama_pengadu": name,
                                                           "pokok_aduan": "Aduan"},
                                 intake_done=True, **kw).numbers[0]
    if to_kadiv:
        svc.cases.advance(number, office["kakanwil"])
    return number


def column(page, key: str) -> int:
    from ui.inbox.model import COLUMNS

    return [k for k, _l in COLUMNS].index(key)


def row_of(page, number: str) -> int:
    model = page.model
    return next(r for r in range(model.rowCount()) if model.case_row(r).number == number)


def select_rows(page, numbers) -> None:
    """Select these cases' rows as Ctrl + click would."""
    selection = page.table.selectionModel()
    for number in numbers:
        selection.select(page.model.index(row_of(page, number), 0),
                         QItemSelectionModel.SelectionFlag.Select
                         | QItemSelectionModel.SelectionFlag.Rows)


def test_disposisi_dialog_passes_the_case_on_with_its_instruction(qtbot, ui_services, office,
                                                                  window_for):
    svc = ui_services
    number = new_case(svc, office)
    win = window_for(office["kakanwil"])
    page = win.inbox
    page.select_case(svc.cases.get(number).id)
    holding = page.case_view.holding
    assert holding.isVisible() and holding.disposisi_button.isEnabled()
    dialog = holding.open_dialog()
    qtbot.waitExposed(dialog)
    people = [dialog.people.item(i).text() for i in range(dialog.people.count())]
    assert any("Ibu Kadiv" in p and "langkah berikutnya 3" in p for p in people)
    assert dialog.send() is False and "setidaknya satu" in dialog.error.text()
    for i in range(dialog.people.count()):
        if dialog.people.item(i).data(Qt.ItemDataRole.UserRole) == "kadiv":
            dialog.people.item(i).setCheckState(Qt.CheckState.Checked)
    dialog.instructions["tanggapan"].setChecked(True)
    dialog.instructions["koordinasikan"].setChecked(True)
    dialog.note.setPlainText("Mohon ditelaah minggu ini")
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=15000)  # sent on the worker
    case = svc.cases.get(number)
    assert case.current_step == 3 and case.holder_id == office["kadiv"].id
    last = svc.cases.history(case)[-1]
    assert last.action == "disposisi" and "Mohon ditelaah minggu ini" in last.note
    assert "Disposisi dikirim" in page.case_view.result_label.text()
    # the recipient: new, bold, the instruction in its column and above the case's buttons
    kadiv = window_for(office["kadiv"])
    inbox = kadiv.inbox
    inbox.set_scope("mine")
    row = row_of(inbox, number)
    model = inbox.model
    assert model.data(model.index(row, 0), Qt.ItemDataRole.FontRole).bold()
    assert model.data(model.index(row, 0), Qt.ItemDataRole.DecorationRole) is not None
    told = model.data(model.index(row, column(inbox, "instruction")))
    assert told == ("Bapak Kakanwil: Tanggapan dan Saran; Koordinasikan/konfirmasikan — "
                    "Mohon ditelaah minggu ini")
    inbox.select_case(case.id)
    text = inbox.case_view.holding.told.text()
    assert "Bapak Kakanwil" in text and "Koordinasikan/konfirmasikan" in text
    assert "Diambil oleh Ibu Kadiv" in inbox.case_view.holding.holder.text()


def test_take_and_release_buttons(qtbot, ui_services, office, window_for):
    svc = ui_services
    number = new_case(svc, office, to_kadiv=True)
    win = window_for(office["rina"])
    page = win.inbox
    page.select_case(svc.cases.get(number).id)
    view, holding = page.case_view, page.case_view.holding
    assert holding.take_button.isEnabled() and not holding.release_button.isEnabled()
    assert holding.holder.text() == "Belum diambil siapa pun"
    qtbot.mouseClick(holding.take_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not holding.acting, timeout=15000)  # taken on the worker
    assert svc.cases.get(number).holder_id == office["rina"].id
    assert "Diambil oleh Rina Wakil Kadiv" in holding.holder.text()
    assert holding.release_button.isEnabled() and not holding.take_button.isEnabled()
    assert page.model.data(page.model.index(row_of(page, number), column(page, "holder"))) \
        == "Rina Wakil Kadiv"  # colleagues see who holds it
    qtbot.mouseClick(holding.release_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not holding.acting, timeout=15000)
    assert svc.cases.get(number).holder_id is None
    svc.disposisi.take(number, office["kadiv"])  # the colleague takes it on another PC
    view.reload()
    assert not view.finish_button.isEnabled()
    assert "diambil oleh Ibu Kadiv" in view.finish_button.toolTip()
    assert not holding.take_button.isEnabled() and not holding.release_button.isEnabled()


def test_unread_marks_and_counts_in_title_and_tab(qtbot, ui_services, office, window_for):
    svc = ui_services
    numbers = [new_case(svc, office, n, to_kadiv=True) for n in ("Rahmat", "Sari", "Budi")]
    win = window_for(office["kadiv"])
    assert win.windowTitle().startswith("(3) ")
    assert win.tabs.tabText(0) == "Kotak masuk (3 baru)"
    page = win.inbox
    page.set_scope("mine")
    page.tools.unread.setChecked(True)
    assert page.model.rowCount() == 3
    page.tools.unread.setChecked(False)
    with qtbot.waitSignal(page.case_view.holding.marked_read, timeout=15000) as marked:
        page.table.selectRow(row_of(page, numbers[0]))  # the marker is written on the worker
    assert marked.args == [svc.cases.get(numbers[0]).id]
    assert not svc.disposisi.is_unread(numbers[0], office["kadiv"])
    assert win.windowTitle().startswith("(2) ") and win.tabs.tabText(0) == "Kotak masuk (2 baru)"
    model = page.model
    assert not model.data(model.index(row_of(page, numbers[0]), 0), Qt.ItemDataRole.FontRole)
    assert svc.disposisi.is_unread(numbers[0], office["rina"])  # per user
    page.tools.unread.setChecked(True)
    assert page.model.rowCount() == 2


def test_sifat_column_sort_filter_and_change(qtbot, ui_services, office, window_for):
    svc = ui_services
    plain = new_case(svc, office, "Rahmat", to_kadiv=True)
    urgent = new_case(svc, office, "Sari", to_kadiv=True, sifat="sangat segera")
    secret = new_case(svc, office, "Budi", to_kadiv=True, sifat="rahasia")
    win = window_for(office["kadiv"])
    page = win.inbox
    page.set_scope("mine")
    model, col = page.model, column(page, "sifat")
    texts = {model.case_row(r).number: model.data(model.index(r, col))
             for r in range(model.rowCount())}
    assert texts == {plain: "", urgent: "Sangat segera", secret: "Rahasia"}
    page.table.horizontalHeader().setSortIndicator(col, Qt.SortOrder.DescendingOrder)
    assert [model.case_row(r).number for r in range(3)] == [secret, urgent, plain]
    page.tools.sifat.setCurrentIndex(page.tools.sifat.findData("sangat_segera"))
    assert [model.case_row(r).number for r in range(model.rowCount())] == [urgent]
    page.tools.sifat.setCurrentIndex(0)
    page.select_case(svc.cases.get(plain).id)
    combo = page.case_view.holding.sifat
    combo.setCurrentIndex(combo.findData("segera"))
    combo.activated.emit(combo.currentIndex())
    qtbot.waitUntil(lambda: not page.case_view.holding.acting, timeout=15000)
    assert svc.cases.describe(plain)["sifat"] == "segera"
    assert svc.cases.history(plain)[-1].note == "Sifat: Biasa → Segera"


def test_date_range_due_soon_saved_filters_and_export(qtbot, ui_services, office, window_for,
                                                      tmp_path):
    svc = ui_services
    early = new_case(svc, office, "Rahmat", to_kadiv=True, at=dt.datetime(2026, 11, 2, 9, 0))
    later = [new_case(svc, office, n, to_kadiv=True) for n in ("=SUM(A1)", "Sari")]
    soon = svc.cases.get(later[1])
    dbm.Case.update(current_due=dbm.now_local() + dt.timedelta(hours=2)).where(
        dbm.Case.id == soon.id).execute()
    # the other one due well after the 24-hour window, whatever the day and hour of the run
    dbm.Case.update(current_due=dbm.now_local() + dt.timedelta(days=10)).where(
        dbm.Case.number == later[0]).execute()
    dbm.Case.update(current_due=dbm.now_local() - dt.timedelta(days=3)).where(
        dbm.Case.number == early).execute()
    win = window_for(office["kadiv"])
    page, tools = win.inbox, win.inbox.tools
    page.set_scope("mine")
    assert page.model.rowCount() == 3
    tools.date_from.line.setText("01-11-2026")
    tools.date_to.line.setText("03-11-2026")
    assert [page.model.case_row(r).number for r in range(page.model.rowCount())] == [early]
    assert tools.save_filter("November awal")
    tools.date_from.clear()
    tools.date_to.clear()
    assert page.model.rowCount() == 3
    tools.due_soon.setChecked(True)
    assert [page.model.case_row(r).number for r in range(page.model.rowCount())] == [later[1]]
    tools.due_soon.setChecked(False)
    late_col = column(page, "late")
    row = row_of(page, early)
    assert page.model.data(page.model.index(row, late_col)) == "3 hari"
    tools.saved.setCurrentIndex(tools.saved.findData("November awal"))
    tools.saved.activated.emit(tools.saved.currentIndex())
    assert tools.date_from.date() == dt.date(2026, 11, 1)
    assert page.model.rowCount() == 1
    assert "November awal" in tools.saved_filters()  # kept in the settings file, per user
    tools.set_state({"scope": "mine"})
    out = tmp_path / "kotak.xlsx"
    assert tools.export_to(str(out)) == 3
    ws = openpyxl.load_workbook(out).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][0] == "Nomor agenda" and len(rows) == 4
    shown = [page.model.case_row(r).number for r in range(3)]
    assert [r[0] for r in rows[1:]] == shown
    formula = next(r for r in rows[1:] if r[0] == later[0])
    assert formula[2] == "=SUM(A1)"  # text stays text
    assert ws.cell(row=2, column=1).data_type == "s"


def test_several_cases_taken_at_once(qtbot, ui_services, office, window_for):
    svc = ui_services
    numbers = [new_case(svc, office, n, to_kadiv=True) for n in ("Rahmat", "Sari", "Budi")]
    svc.disposisi.take(numbers[2], office["rina"])
    win = window_for(office["kadiv"])
    page = win.inbox
    page.set_scope("mine")
    selection = page.table.selectionModel()
    for number in numbers:
        selection.select(page.model.index(row_of(page, number), 0),
                         QItemSelectionModel.SelectionFlag.Select
                         | QItemSelectionModel.SelectionFlag.Rows)
    with qtbot.waitSignal(page.tools.bulk_done, timeout=15000) as got:
        assert page.tools.take_selected()
        assert not page.tools.take_button.isEnabled()  # on the worker: one bulk at a time
    taken, refused = got.args[0].done, got.args[0].refused
    assert sorted(taken) == sorted(numbers[:2])
    assert len(refused) == 1 and "Rina Wakil Kadiv" in refused[0]
    assert all(svc.cases.get(n).holder_id == office["kadiv"].id for n in numbers[:2])
    assert page.tools.take_button.isEnabled()
    assert set(got.args[0].changes.cases) == {svc.cases.get(n).id for n in numbers[:2]}
    # Lepas on the same selection: the two taken come free, the third stays Rina's
    select_rows(page, numbers)
    with qtbot.waitSignal(page.tools.bulk_done, timeout=15000) as got:
        page.tools.act_release.trigger()
    assert sorted(got.args[0].done) == sorted(numbers[:2]) and len(got.args[0].refused) == 1
    assert [svc.cases.get(n).holder_id for n in numbers] == [None, None, office["rina"].id]


def test_tanda_terima_for_several_selected_cases(qtbot, ui_services, office, window_for,
                                                 tmp_path):
    import pypdf

    svc = ui_services
    numbers = [new_case(svc, office, n) for n in ("Rahmat", "Sari")]
    win = window_for(office["ani"])
    page = win.inbox
    page.set_scope("all")
    select_rows(page, numbers)
    with qtbot.waitSignal(page.tools.bulk_done, timeout=15000) as got:
        assert page.tools.issue_receipts(str(tmp_path))
    written, refused = got.args[0].done, got.args[0].refused
    assert refused == () and len(written) == 2
    assert got.args[0].changes.letters
    for path, number in zip(written, numbers, strict=False):
        text = " ".join(pypdf.PdfReader(str(path)).pages[0].extract_text().split())
        assert "TANDA TERIMA" in text and number in text
    assert dbm.OutgoingLetter.select().where(dbm.OutgoingLetter.template == "tanda-terima") \
        .count() == 2
    select_rows(page, numbers)  # the table was read again after the letters were recorded
    with qtbot.waitSignal(page.tools.bulk_done, timeout=15000) as got:
        page.tools.issue_receipts(str(tmp_path))  # never numbered twice unasked
    again, refused = got.args[0].done, got.args[0].refused
    assert again == () and len(refused) == 2 and "sudah pernah diterbitkan" in refused[0]


def test_sifat_is_chosen_when_the_clerk_records_the_case(qtbot, ui_services, office, window_for):
    svc = ui_services
    win = window_for(office["ani"])
    win.act_new_case.trigger()
    dialog = win.dialogs[-1]
    assert dialog.choose_sop(YANKOMAS)
    assert dialog.sifat.currentData() == "biasa"
    qtbot.keyClicks(dialog.form.editors["nama_pengadu"], "Rahmat Hidayat")
    qtbot.keyClicks(dialog.form.editors["pokok_aduan"], "Aduan yang mendesak")
    dialog.sifat.setCurrentIndex(dialog.sifat.findData("segera"))
    with qtbot.waitSignal(dialog.case_created) as created:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    number = created.args[0].number
    assert svc.cases.describe(number)["sifat"] == "segera"
    assert svc.cases.get(number).current_step == 2  # the public's step done at intake
