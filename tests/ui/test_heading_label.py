"""A pane's bold heading as a plain-text label (start-up, issue 19): drawn pixel-equal to the
rich-text label it replaces at every size, following the window's font, and any other text
left to Qt; the inbox's "Jabatan" heading is one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.widgets.heading import heading_label


def _pair(qtbot, text: str) -> tuple[QWidget, QLabel, QLabel]:
    box = QWidget()
    layout = QVBoxLayout(box)
    rich, plain = QLabel(text), heading_label(text)
    layout.addWidget(rich)
    layout.addWidget(plain)
    qtbot.addWidget(box)
    return box, rich, plain


def test_a_bold_heading_is_drawn_as_the_rich_text_label_was(qtbot):
    for text in ("<b>Jabatan</b>", "<b>Positions</b>", "<b>Kotak masuk saya</b>"):
        box, rich, plain = _pair(qtbot, text)
        assert plain.textFormat() == Qt.TextFormat.PlainText and plain.text() == text[3:-4]
        assert plain.sizeHint() == rich.sizeHint()
        # narrower than the text, too; never lower than its height (a layout gives no less
        # than the label's minimum size, 14 px here: below it Qt clips the two differently)
        for width, height in ((200, 24), (60, 20), (30, 14), (20, 40)):
            rich.resize(width, height)
            plain.resize(width, height)
            assert plain.grab().toImage() == rich.grab().toImage(), (text, width, height)
        # a larger window font reaches both the same way
        bigger = QFont(box.font())
        bigger.setPointSize(bigger.pointSize() + 4)
        box.setFont(bigger)
        assert plain.font().pointSize() == rich.font().pointSize() == bigger.pointSize()
        assert plain.font().bold() and plain.sizeHint() == rich.sizeHint()
        rich.resize(200, 30)
        plain.resize(200, 30)
        assert plain.grab().toImage() == rich.grab().toImage(), text


def test_other_text_is_left_to_qt(qtbot):
    for text in ("Jabatan", "<b>A</b> dan <i>B</i>", "<b>A &amp; B</b>", "<i>miring</i>"):
        label = heading_label(text)
        qtbot.addWidget(label)
        assert label.text() == text and label.textFormat() == Qt.TextFormat.AutoText
        assert not label.font().bold() or "<b>" in text


def test_the_inbox_heading_is_plain_bold_text(qtbot, ui_services, app_settings):
    from tests.ui.support import make_user
    from ui.main_window import MainWindow

    user = make_user(ui_services, "ani", "operator", ["Petugas Yankomas"])
    window = MainWindow(ui_services, app_settings, user)
    qtbot.addWidget(window)
    headings = [label for label in window.inbox.findChildren(QLabel) if label.text() == "Jabatan"]
    assert len(headings) == 1
    assert headings[0].font().bold() and headings[0].textFormat() == Qt.TextFormat.PlainText
    window.close()
