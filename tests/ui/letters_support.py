"""The letter dialog in UI tests: open it on the window's case with a template chosen, and wait
for its preview."""

from __future__ import annotations

from sop_desktop.storage import db as dbm
from ui.dialogs.letter import LetterDialog


def the_case(window) -> dbm.Case:
    """The first case of the database (the window fixtures open one)."""
    return dbm.Case.select().order_by(dbm.Case.id).first()


def wait_preview(qtbot, dialog: LetterDialog) -> None:
    """Wait until the letter preview is built and shows its pages."""
    qtbot.waitUntil(lambda: not dialog.preview_timer.isActive() and not dialog.preview_running,
                    timeout=30000)
    assert dialog.preview.page_labels, dialog.message.text()


def open_letter_dialog(qtbot, window, template_id: str) -> LetterDialog:
    """Cetak surat on the window's case, with the template `template_id` chosen and previewed."""
    case = the_case(window)
    window.inbox.select_case(case.id)
    assert window.act_letter.isEnabled()
    window.act_letter.trigger()
    dialog = window.dialogs[-1]
    assert isinstance(dialog, LetterDialog) and dialog.isVisible()
    index = dialog.template.findData(template_id)
    assert index >= 0, [dialog.template.itemData(i) for i in range(dialog.template.count())]
    dialog.template.setCurrentIndex(index)
    wait_preview(qtbot, dialog)
    return dialog
