"""Sizes that fit the screen: 1366×768 laptops at 125 % scaling leave ~1093×614 logical pixels."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QTableView, QWidget


def fit_size(widget: QWidget, width: int, height: int, share: float = 0.92) -> None:
    """Resize to (width, height), but never beyond `share` of the available screen area."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        widget.resize(width, height)
        return
    area = screen.availableGeometry()
    widget.resize(min(width, int(area.width() * share)), min(height, int(area.height() * share)))


class ColumnFitter(QObject):
    """Shares a table's visible width out among its columns whenever the table is resized.

    `specs()` returns one (preferred, minimum, grow[, drop]) tuple per column: preferred widths
    are used when they fit; a narrower table shrinks the columns toward their minimum (each in
    proportion to what it can give); spare width goes to the columns with a grow weight. When
    even the minimums do not fit, the columns with a `drop` rank are hidden, lowest rank first
    (their content is shown elsewhere, e.g. in the case pane); after that the table scrolls
    sideways instead of squeezing further. Cut text is elided and shown whole in the tooltip.
    """

    def __init__(self, table: QTableView, specs, after=None):
        super().__init__(table)
        self.table = table
        self.specs = specs
        self.after = after  # e.g. resizeRowsToContents for wrapped text
        self.user_widths: dict[int, int] = {}  # columns the user sized by hand keep that width
        self.user_hidden: set[int] = set()  # columns the user hid stay hidden
        self.fitting = False
        table.horizontalHeader().setStretchLastSection(False)
        table.horizontalHeader().sectionResized.connect(self._resized_by_hand)
        resized = getattr(table, "viewport_resized", None)  # ui.widgets.sized_views: start-up
        if resized is not None:
            resized.connect(self.fit)
        else:
            table.viewport().installEventFilter(self)

    def _resized_by_hand(self, column: int, _old: int, new: int) -> None:
        if not self.fitting and new > 0:
            self.user_widths[column] = new

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def fit(self) -> None:
        specs = [tuple(spec) + (None,) * (4 - len(spec)) for spec in self.specs()]
        for column, width in self.user_widths.items():
            if column < len(specs):
                specs[column] = (width, width, 0, None)
        available = self._available()
        hidden = set(c for c in self.user_hidden if c < len(specs))
        droppable = sorted((spec[3], column) for column, spec in enumerate(specs)
                           if spec[3] is not None)
        while droppable and sum(spec[1] for c, spec in enumerate(specs) if c not in hidden) > available:
            hidden.add(droppable.pop(0)[1])
        shown = [c for c in range(len(specs)) if c not in hidden]
        widths = share_width(available, [specs[c][:3] for c in shown])
        self.fitting = True
        try:
            for column in range(len(specs)):
                self.table.setColumnHidden(column, column in hidden)
            for column, width in zip(shown, widths, strict=False):
                self.table.setColumnWidth(column, width)
        finally:
            self.fitting = False
        if self.after is not None:
            self.after()


    def _available(self) -> int:
        """The viewport's width, without asking for the viewport where the view tells it."""
        width = getattr(self.table, "viewport_width", None)
        return width() if width is not None else self.table.viewport().width()


def share_width(available: int, specs) -> list[int]:
    """Column widths for `available` pixels from (preferred, minimum, grow) triples."""
    preferred = [p for p, _m, _g in specs]
    total = sum(preferred)
    if available >= total:
        spare = available - total
        weights = sum(g for _p, _m, g in specs) or 0
        if not weights:
            return preferred
        widths = [p + int(spare * g / weights) for p, _m, g in specs]
        return widths
    room = sum(max(0, p - m) for p, m, _g in specs)
    if room <= 0:
        return preferred
    ratio = min(1.0, (total - available) / room)
    return [int(p - max(0, p - m) * ratio) for p, m, _g in specs]


def fit_columns(table: QTableView, specs, after=None) -> ColumnFitter:
    """Keep `table`'s columns fitted to its width (see ColumnFitter); `specs` may be a list or
    a function returning one; `after()` runs after each fit."""
    fitter = ColumnFitter(table, specs if callable(specs) else (lambda: specs), after)
    fitter.fit()
    return fitter


def compact_rows(table: QTableView) -> None:
    """One line of text per row, with a little air (styles default to much taller rows)."""
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)


def two_lines(text: str, metrics, width: int, lines: int = 2) -> str:
    """`text` wrapped at word boundaries into at most `lines` lines of `width` pixels; the
    last line is elided ("…") when the text needs more."""
    from PySide6.QtCore import Qt

    words, out, line = text.split(), [], ""
    for i, word in enumerate(words):
        candidate = f"{line} {word}".strip()
        if metrics.horizontalAdvance(candidate) <= width or not line:
            line = candidate
            continue
        out.append(line)
        line = word
        if len(out) == lines - 1:
            line = " ".join([word] + words[i + 1:])
            break
    out.append(metrics.elidedText(line, Qt.TextElideMode.ElideRight, width))
    return "\n".join(out)


class EnterKey(QObject):
    """Return/Enter in `widget` runs `action` and goes no further (not to a dialog's default
    button): e.g. Enter in a file path box reads that file."""

    def __init__(self, widget: QWidget, action):
        super().__init__(widget)
        self.action = action
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        from PySide6.QtCore import Qt

        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Return,
                                                                    Qt.Key.Key_Enter):
            self.action()
            return True
        return False
