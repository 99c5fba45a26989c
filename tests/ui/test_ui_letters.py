"""Cetak surat from the selected case: choose the template and the signer (Plt./Plh.), check the
preview, save or print; the letter is numbered once, recorded in the case history and in the
agenda surat keluar, and the window shows it."""

from __future__ import annotations

import hashlib

import pypdf
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from tests.ui.letters_support import open_letter_dialog, the_case, wait_preview
from tests.ui.support import KAKANWIL, mnemonics


def pdf_text(path) -> str:
    reader = pypdf.PdfReader(str(path))
    return " ".join(" ".join(p.extract_text() for p in reader.pages).split())


def save_pdf(qtbot, window, dialog, path) -> None:
    qtbot.mouseClick(dialog.save_pdf_button, Qt.MouseButton.LeftButton)
    file_dialog = dialog.file_dialog
    assert file_dialog is not None and file_dialog.isVisible()
    file_dialog.fileSelected.emit(str(path))
    file_dialog.close()
    qtbot.waitUntil(lambda: f"Surat disimpan: {path}" == window.statusBar().currentMessage(),
                    timeout=30000)
    assert window.runner.wait()


def history(window) -> list[dict]:
    return window.services.cases.describe(the_case(window))["history"]


def test_issue_recommendation_with_plh_signer_on_f4(qtbot, window, tmp_path):
    from sop_desktop.letters.register import rows_outgoing

    dialog = open_letter_dialog(qtbot, window, "surat-rekomendasi")
    # prefilled from the case and the template
    assert dialog.field_edits["nama_pengadu"].text() == "Rahmat <Hidayat> & Co"
    assert dialog.field_edits["uraian_pengaduan"].toPlainText() == "Sengketa tanah adat"
    assert dialog.header_edits["sifat"].currentText() == "Segera"
    assert "Rahmat <Hidayat> & Co" in dialog.header_edits["hal"].text()
    assert dialog.signer.itemText(0).startswith("Otomatis: Kepala Kantor Wilayah")
    assert not dialog.acting_for.isEnabled()
    qtbot.keyClicks(dialog.field_edits["instansi_tujuan"], "Bupati Bengkulu Tengah")
    dialog.header_edits["lampiran"].setText("2 (dua) berkas")
    tembusan = dialog.header_edits["tembusan"]
    tembusan.setPlainText("Kepala Divisi Pelayanan Hukum\nSdr. Rahmat (pengadu)")
    dialog.signer.setCurrentIndex(dialog.signer.findData("kadiv"))
    dialog.acting.setCurrentIndex(dialog.acting.findData("plh"))
    assert dialog.acting_for.isEnabled() and dialog.acting_for.text() == KAKANWIL
    dialog.paper.setCurrentIndex(dialog.paper.findData("F4"))
    wait_preview(qtbot, dialog)
    assert dialog.message.text() == ""  # the preview filled without complaint
    assert window.services.cases.describe(the_case(window))["history"][-1]["action"] != "surat"

    out = tmp_path / "rekomendasi.pdf"
    with qtbot.waitSignal(window.data_changed, timeout=30000) as changed:
        qtbot.mouseClick(dialog.save_pdf_button, Qt.MouseButton.LeftButton)
        dialog.file_dialog.fileSelected.emit(str(out))
        dialog.file_dialog.close()
    case = the_case(window)
    assert changed.args[0].cases == (case.id,) and changed.args[0].letters
    qtbot.waitUntil(lambda: out.exists(), timeout=30000)
    assert window.runner.wait()
    number = dialog.issued_number
    assert number.startswith("W.7-HAM.04.02-")
    assert number in dialog.number_label.text()
    text = pdf_text(out)
    for expected in (number, "Bupati Bengkulu Tengah", "Rahmat <Hidayat> & Co", "2 (dua) berkas",
                     "Plh. Kepala Kantor Wilayah", "Rina Wulandari, S.H.", "Sengketa tanah adat",
                     "Kepala Divisi Pelayanan Hukum", "Bengkulu"):
        assert expected in text, expected
    page = pypdf.PdfReader(str(out)).pages[0]
    assert round(float(page.mediabox.height) / 72 * 25.4) == 330  # F4, portrait
    # recorded once: case history, agenda surat keluar
    events = [e for e in history(window) if e["action"] == "surat"]
    assert len(events) == 1 and number in events[0]["note"] and events[0]["user"] == "ani"
    rows = rows_outgoing()
    assert [r["number"] for r in rows] == [number]
    assert rows[0]["case_number"] == case.number and "Bupati Bengkulu Tengah" in rows[0]["addressee"]
    # the window's case pane shows the new event
    view = window.inbox.case_view
    actions = [view.history_model.row_object(r)["action"] for r in range(view.history_model.rowCount())]
    assert actions[-1] == "surat"
    # a second copy: same letter, no new number
    copy = tmp_path / "salinan.pdf"
    save_pdf(qtbot, window, dialog, copy)
    assert pdf_text(copy) == text
    assert len(rows_outgoing()) == 1
    assert not dialog.template.isEnabled()  # the issued letter is fixed
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_missing_field_is_refused_without_using_a_number(qtbot, window, tmp_path):
    from sop_desktop.letters.register import rows_outgoing

    dialog = open_letter_dialog(qtbot, window, "surat-rekomendasi")
    assert dialog.field_edits["instansi_tujuan"].text() == ""  # the case does not say it
    # the preview shows the letter anyway and names what is missing
    assert "Instansi tujuan rekomendasi" in dialog.message.text()
    out = tmp_path / "gagal.pdf"
    qtbot.mouseClick(dialog.save_pdf_button, Qt.MouseButton.LeftButton)
    dialog.file_dialog.fileSelected.emit(str(out))
    dialog.file_dialog.close()
    qtbot.waitUntil(lambda: "belum lengkap" in dialog.message.text() and not window.runner.busy(),
                    timeout=30000)
    assert "Traceback" not in dialog.message.text()
    boxes = [w for w in QApplication.topLevelWidgets() + dialog.children()
             if w.objectName() == "task_error"]
    assert boxes and "belum lengkap" in boxes[0].text()
    boxes[0].close()
    assert not out.exists() and rows_outgoing() == []
    assert not [e for e in history(window) if e["action"] == "surat"]
    dialog.close()


def test_print_receipt_issues_then_prints(qtbot, window, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    from sop_desktop.letters.register import rows_outgoing

    dialog = open_letter_dialog(qtbot, window, "tanda-terima")
    assert dialog.field_edits["nama_pemohon"].text() == "Rahmat <Hidayat> & Co"
    assert "hal" not in dialog.header_edits  # a receipt has no Hal line
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    print_dialog = dialog.print_dialog
    assert print_dialog.printer().outputFormat() == QPrinter.OutputFormat.PdfFormat
    printed = tmp_path / "cetak.pdf"
    print_dialog.findChild(QLineEdit, "filename").setText(str(printed))
    print_dialog.accept()
    # the clerk who signs the receipt has no NIP: asked first, then issued on "Terbitkan"
    box = dialog.question_box
    assert box is not None and "tidak memiliki NIP" in box.text()
    assert rows_outgoing() == []
    qtbot.mouseClick(box.buttons()[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "dikirim ke pencetak" in window.statusBar().currentMessage(),
                    timeout=30000)
    assert window.runner.wait()
    assert len(pypdf.PdfReader(str(printed)).pages) == 1
    rows = rows_outgoing()
    assert [r["number"] for r in rows] == [dialog.issued_number]
    assert [e["action"] for e in history(window)].count("surat") == 1
    # a copy saved afterwards is the very file the agenda surat keluar keeps the hash of
    copy = tmp_path / "tanda-terima.pdf"
    save_pdf(qtbot, window, dialog, copy)
    assert hashlib.sha256(copy.read_bytes()).hexdigest() == rows[0]["file_sha256"]
    assert dialog.issued_number in pdf_text(copy) and "Rahmat <Hidayat> & Co" in pdf_text(copy)
    assert len(rows_outgoing()) == 1
    dialog.close()


def test_letter_action_needs_a_case_and_is_in_the_kasus_menu(qtbot, window):
    menus = {a.text().replace("&", ""): a.menu() for a in window.menuBar().actions()}
    assert window.act_letter in menus["Kasus"].actions()
    assert window.act_letter in window.toolbar.actions()
    assert not window.act_letter.shortcut().isEmpty()
    window.inbox.case_view.show_case(None)
    assert not window.act_letter.isEnabled()
    assert window.print_letter() is None
    assert "Pilih kasus" in window.statusBar().currentMessage()


def test_keyboard_order_and_alt_keys(qtbot, window):
    dialog = open_letter_dialog(qtbot, window, "surat-rekomendasi")
    keys = mnemonics(dialog)
    assert len(keys) > 8 and len(keys) == len(set(keys)), keys
    chain, widget = [], dialog.template
    for _ in range(40):
        if widget.objectName():
            chain.append(widget.objectName())
        widget = widget.nextInFocusChain()
        while not (widget.focusPolicy() & Qt.FocusPolicy.TabFocus) or not widget.isVisibleTo(dialog):
            widget = widget.nextInFocusChain()
    order = ["letter_template", "letter_sifat", "letter_hal", "letter_tembusan", "field_nama_pengadu",
             "field_rekomendasi", "letter_signer", "letter_acting", "letter_date", "letter_paper",
             "save_pdf_button", "print_button"]
    assert [chain.index(name) for name in order] == sorted(chain.index(name) for name in order)
    dialog.close()
