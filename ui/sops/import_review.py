"""Review of an imported SOP: the source beside the steps read. For a drawn SOP (PDF, scan,
Word or Excel) the source is the page; for a text extraction or a .toml file (no page) the
steps fill the width and the source is the quoted line(s) each step was read from.

The page shows the lane columns and every symbol found, outlined and numbered like the step
it became; choosing a step shows its row on the page. Steps read with low confidence are
marked (a text's steps whose lane was only inferred from the sentence, and any step without
a lane, too). The chosen step's lane, kind, Ya/Tidak targets, kegiatan, waktu and output and the
SOP's name can be corrected before Simpan; the core checks each value (a bad one is named in
place and not applied). Nothing is stored here.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sop_desktop.domain.model import SopDefinition, Step
from sop_desktop.errors import ValidationError
from sop_desktop.importers.corrections import check_step, correct_step, rename_sop, step_text
from sop_desktop.importers.flowread import LOW as LOW_FLAG
from sop_desktop.importers.geometry import Page
from sop_desktop.importers.page_picture import GridPage, is_scan_page
from sop_desktop.importers.pagetable import RowOrigin
from sop_desktop.importers.text_source import SourceLines
from ui.screen import EnterKey
from ui.sops.import_page_view import BAND, LANE, LOW_WORD, SYMBOL, PageCanvas

KINDS = ("start", "process", "decision", "end")
ERROR_STYLE = "QLineEdit, QPlainTextEdit { border: 2px solid #c62828; }"


class ImportReview(QWidget):
    """The page beside the steps read; the chosen step's fields editable below the list."""

    changed = Signal()  # the definition was corrected (the dialog refreshes its preview)
    validity = Signal()  # a field became invalid or valid again

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.defn: SopDefinition | None = None
        self.rows: list[RowOrigin | None] = []
        self.pages: list[Page] = []
        self.lines: list[SourceLines | None] | None = None  # a text or .toml file: its lines
        self.source_name = ""  # the file those lines are in
        self.guessed: set[int] = set()  # rows whose lane the text only suggests, not yet looked at
        self.current = -1
        self.invalid: dict[str, str] = {}  # field -> the core's message, while it is wrong
        self._later = QTimer(self)  # typing refreshes the preview once it pauses
        self._later.setSingleShot(True)
        self._later.setInterval(300)
        self._later.timeout.connect(self.changed.emit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self._build_name_row())
        split = QSplitter(Qt.Orientation.Horizontal)
        self.page_side = self._build_page_side()
        split.addWidget(self.page_side)
        split.addWidget(self._build_step_side())
        split.setStretchFactor(0, 5)
        split.setStretchFactor(1, 4)
        split.setSizes([500, 440])  # the page a little wider than the steps
        layout.addWidget(split, 1)
        self._build_keys()

    # ---- building

    def _build_name_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        label = QLabel(self.tr("&Nama SOP:"))
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("review_name")
        label.setBuddy(self.name_edit)
        self.name_edit.textEdited.connect(self._rename)
        row.addWidget(label)
        row.addWidget(self.name_edit, 1)
        return row

    def _build_page_side(self) -> QWidget:
        """The page picture with its legend."""
        side = QWidget()
        box = QVBoxLayout(side)
        box.setContentsMargins(0, 0, 0, 0)
        self.legend = QLabel()
        self.legend.setObjectName("review_legend")
        self.legend.setWordWrap(True)
        self.canvas = PageCanvas()
        self.canvas.setObjectName("review_page")
        self.canvas.picked.connect(self.choose_number)
        self.canvas.setToolTip(self.tr("· perbesar: Ctrl+roda tetikus atau Ctrl++ / Ctrl+- "
                                       "(Ctrl+0: selebar halaman)"))
        box.addWidget(self.legend)
        box.addWidget(self.canvas, 1)
        return side

    def _build_step_side(self) -> QWidget:
        """The steps read (choose one) and the chosen step's fields."""
        side = QWidget()
        box = QVBoxLayout(side)
        box.setContentsMargins(0, 0, 0, 0)
        self.note = QLabel()
        self.note.setObjectName("review_note")
        self.note.setWordWrap(True)
        box.addWidget(self.note)
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("review_steps")
        self.table.setHorizontalHeaderLabels([self.tr("No"), self.tr("Kegiatan"),
                                              self.tr("Pelaksana"), self.tr("Jenis"),
                                              self.tr("Ya"), self.tr("Tidak")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)  # Tab goes on to the step's fields
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 44), (2, 120), (3, 80), (4, 40), (5, 44)):
            self.table.setColumnWidth(col, width)
        self.table.currentCellChanged.connect(lambda r, _c, _pr, _pc: self.show_step(r))
        box.addWidget(self.table, 3)
        lower = QHBoxLayout()
        lower.addWidget(self._build_source_box(), 2)
        lower.addWidget(self._build_form(), 3)
        box.addLayout(lower, 0)
        return side

    def _build_source_box(self) -> QWidget:
        """A text or .toml file's lines the chosen step was read from (hidden for a page)."""
        self.source_box = QWidget()
        box = QVBoxLayout(self.source_box)
        box.setContentsMargins(0, 4, 0, 0)
        self.source_title = QLabel()
        self.source_title.setObjectName("review_source_title")
        self.source_title.setWordWrap(True)
        self.source_text = QPlainTextEdit()
        self.source_text.setObjectName("review_source")
        self.source_text.setReadOnly(True)
        self.source_text.setTabChangesFocus(True)
        self.source_text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.source_text.setTabStopDistance(self.source_text.fontMetrics().horizontalAdvance("0") * 3)
        # as tall as the step's fields beside it: the steps list keeps the rest of the height
        self.source_text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.source_text.setMinimumHeight(self.source_text.fontMetrics().lineSpacing() * 3 + 12)
        self.source_title.setBuddy(self.source_text)
        self.source_why = QLabel()
        self.source_why.setObjectName("review_source_why")
        self.source_why.setWordWrap(True)
        box.addWidget(self.source_title)
        box.addWidget(self.source_text, 1)
        box.addWidget(self.source_why)
        self.source_box.hide()
        return self.source_box

    def _build_form(self) -> QWidget:
        """Lane, kind, Ya/Tidak, kegiatan, waktu and output of the chosen step."""
        form = QWidget()
        grid = QGridLayout(form)
        grid.setContentsMargins(0, 4, 0, 0)
        self.step_title = QLabel()
        self.step_title.setObjectName("review_step_title")
        grid.addWidget(self.step_title, 0, 0, 1, 4)
        self.lane_combo = self._combo("review_lane", "lane")
        self.kind_combo = self._combo("review_kind", "kind")
        self.yes_combo = self._combo("review_yes", "yes")
        self.no_combo = self._combo("review_no", "no")
        self.kegiatan_edit = QPlainTextEdit()
        self.kegiatan_edit.setObjectName("review_kegiatan")
        self.kegiatan_edit.setTabChangesFocus(True)
        lines = self.kegiatan_edit.fontMetrics().lineSpacing()
        self.kegiatan_edit.setFixedHeight(lines * 3 + 12)
        self.kegiatan_edit.textChanged.connect(
            lambda: self._edit("kegiatan", self.kegiatan_edit.toPlainText()))
        self.waktu_edit = QLineEdit()
        self.waktu_edit.setObjectName("review_waktu")
        self.waktu_edit.setPlaceholderText(self.tr("mis. 15 menit, 1-2 hari, 5 hari kerja"))
        # checked as it is typed, applied when the field is left (an empty waktu on the way
        # to another is not a correction)
        self.waktu_edit.textEdited.connect(self._check_waktu)
        self.waktu_edit.editingFinished.connect(self.commit)
        self.output_edit = QLineEdit()
        self.output_edit.setObjectName("review_output")
        self.output_edit.textEdited.connect(lambda text: self._edit("output", text))
        placed = ((1, 0, self.tr("&Pelaksana:"), self.lane_combo, 1),
                  (1, 2, self.tr("&Jenis:"), self.kind_combo, 1),
                  (2, 0, self.tr("&Ya ke:"), self.yes_combo, 1),
                  (2, 2, self.tr("&Tidak ke:"), self.no_combo, 1),
                  (3, 0, self.tr("&Kegiatan:"), self.kegiatan_edit, 3),
                  (4, 0, self.tr("&Waktu:"), self.waktu_edit, 1),
                  (4, 2, self.tr("&Output:"), self.output_edit, 1))
        for row, col, text, widget, span in placed:
            label = QLabel(text)
            label.setBuddy(widget)
            grid.addWidget(label, row, col, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(widget, row, col + 1, 1, span)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self.error = QLabel()
        self.error.setObjectName("review_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828")
        self.error.hide()
        grid.addWidget(self.error, 5, 0, 1, 4)
        grid.addLayout(self._build_moves(), 6, 0, 1, 4)
        grid.setRowStretch(7, 1)  # the fields stay together at the top when there is room
        return form

    def _build_moves(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.prev_button = QPushButton(self.tr("◀ Langkah sebelumnya"))
        self.prev_button.setObjectName("review_prev")
        self.prev_button.setToolTip(self.tr("Ctrl+↑"))
        self.prev_button.setAutoDefault(False)
        self.prev_button.clicked.connect(lambda: self.go_step(-1))
        self.next_button = QPushButton(self.tr("Langkah berikutnya ▶"))
        self.next_button.setObjectName("review_next")
        self.next_button.setToolTip(self.tr("Ctrl+↓"))
        self.next_button.setAutoDefault(False)
        self.next_button.clicked.connect(lambda: self.go_step(1))
        row.addWidget(self.prev_button)
        row.addWidget(self.next_button)
        row.addStretch(1)
        return row

    def _build_keys(self) -> None:
        """Ctrl+Down / Ctrl+Up for the next and previous step anywhere in the review; Enter in
        a one-line field goes on to the next field (it never presses Simpan by accident)."""
        for keys, step in (("Ctrl+Down", 1), ("Ctrl+Up", -1), ("Ctrl+PgDown", 1),
                           ("Ctrl+PgUp", -1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda s=step: self.go_step(s))
        for keys, factor in (("Ctrl++", 1.25), ("Ctrl+=", 1.25), ("Ctrl+-", 0.8), ("Ctrl+0", 0)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda f=factor: self.canvas.zoom_by(f))
        self._enter = [EnterKey(w, lambda w=w: w.focusNextChild())
                       for w in (self.name_edit, self.waktu_edit, self.output_edit,
                                 self.kegiatan_edit)]
        order = self.tab_chain()
        for a, b in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(a, b)

    def tab_chain(self) -> list[QWidget]:
        """The review's widgets in Tab order (the dialog puts them between its own)."""
        return [self.name_edit, self.table, self.lane_combo, self.kind_combo, self.yes_combo,
                self.no_combo, self.kegiatan_edit, self.waktu_edit, self.output_edit,
                self.prev_button, self.next_button, self.source_text]

    def _combo(self, name: str, attr: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.currentIndexChanged.connect(lambda _i: self._set(attr, combo))
        return combo

    # ---- filling

    def set_definition(self, defn: SopDefinition | None, rows: list, pages: list,
                       lines: list[SourceLines | None] | None = None,
                       source_name: str = "") -> None:
        """The SOP read and, per step, the RowOrigin it came from (or None); for a text or
        .toml file `lines` instead: per step, the lines of `source_name` it was read from."""
        self.defn, self.rows, self.pages = defn, list(rows), list(pages)
        self.lines, self.source_name = (list(lines), source_name) if lines is not None \
            else (None, "")
        self.guessed = {r for r, o in enumerate(self.lines or []) if o is not None and
                        o.lane_guessed}
        self.current = -1
        self._clear_invalid()
        self.table.setRowCount(0)
        self.name_edit.setText(defn.name if defn is not None else "")
        text_mode = self.lines is not None
        self._layout_for(text_mode)
        self.note.setText(self.tr("Langkah bertanda ⚠: pelaksananya ditebak dari kalimat atau "
                                  "belum ada; periksa pelaksana, jenis dan cabangnya.")
                          if text_mode else
                          self.tr("Langkah bertanda ⚠ dibaca dengan keyakinan rendah; periksa "
                                  "pelaksana, jenis dan cabangnya."))
        if defn is None:
            self.canvas.clear()
            self.source_text.clear()
            return
        self._fill_legend()
        self.table.setRowCount(len(defn.steps))
        for r, step in enumerate(defn.steps):
            self._fill_row(r, step)
        self.table.resizeRowsToContents()
        if defn.steps:
            self.table.setCurrentCell(0, 1)
            self.show_step(0)

    def _layout_for(self, text_mode: bool) -> None:
        """A page beside the steps, or (a text or .toml file) the steps across the width with
        room for lane names and the step's lines quoted beside its fields."""
        self.page_side.setVisible(not text_mode)
        self.source_box.setVisible(text_mode)
        for col, width in ((2, 200 if text_mode else 120), (3, 90 if text_mode else 80)):
            self.table.setColumnWidth(col, width)
        lines = self.kegiatan_edit.fontMetrics().lineSpacing()
        self.kegiatan_edit.setFixedHeight(lines * (4 if text_mode else 3) + 12)

    def _fill_legend(self) -> None:
        """What the colours on the page mean (low-confidence words only for scans)."""
        def swatch(color: QColor, text: str) -> str:
            return (f"<span style='color:{color.name()}'>■</span> {text}")

        parts = [swatch(SYMBOL, self.tr("simbol yang terbaca, bernomor seperti langkahnya")),
                 swatch(LANE, self.tr("kolom pelaksana")),
                 swatch(BAND, self.tr("baris langkah yang dipilih"))]
        if any(is_scan_page(p) for p in self.pages):
            parts.append(swatch(LOW_WORD, self.tr("kata hasil OCR yang kurang yakin (di bawah "
                                                  "%1%)").replace("%1", "80")))
        if any(isinstance(p, GridPage) for p in self.pages):
            parts.append(self.tr("(halaman digambar dari isi tabel dan bentuk bagan yang "
                                 "terbaca)"))
        self.legend.setText(" &nbsp; ".join(parts))

    def is_low(self, r: int) -> bool:
        """Step at row r read with low confidence: the reader said so, its lane is only a guess
        from the text (until a person sets it) or it has none."""
        if self.defn is None or not 0 <= r < len(self.defn.steps):
            return False
        step = self.defn.steps[r]
        return LOW_FLAG in step.flags or r in self.guessed or not step.lane

    def low_steps(self) -> list[int]:
        """Numbers of the steps marked as read with low confidence."""
        steps = self.defn.steps if self.defn is not None else []
        return [s.number for r, s in enumerate(steps) if self.is_low(r)]

    def refresh(self) -> None:
        """The rows and the chosen step's fields again (a lane set on another tab)."""
        if self.defn is None:
            return
        for r, step in enumerate(self.defn.steps):
            self._fill_row(r, step)
        self._fill_form()
        self._show_source()

    def _fill_row(self, r: int, step: Step) -> None:
        low = self.is_low(r)
        kind = self._kind_label(step.kind)
        texts = (("⚠ " if low else "") + str(step.number), step.kegiatan, step.lane or "—",
                 kind, "" if step.yes is None else str(step.yes),
                 "" if step.no is None else str(step.no))
        for col, text in enumerate(texts):
            item = QTableWidgetItem(text)
            item.setToolTip(step.note if low and step.note else text)
            if low:
                item.setBackground(QColor(255, 236, 160))
            self.table.setItem(r, col, item)

    def _kind_label(self, kind: str) -> str:
        return {"start": self.tr("Mulai"), "process": self.tr("Proses"),
                "decision": self.tr("Keputusan"), "end": self.tr("Selesai")}.get(kind, kind)

    def step(self) -> Step | None:
        """The chosen step."""
        if self.defn is None or not 0 <= self.current < len(self.defn.steps):
            return None
        return self.defn.steps[self.current]

    def _fill_form(self) -> None:
        """The chosen step's values in the fields (no signal: nothing changes by showing)."""
        step, defn = self.step(), self.defn
        if step is None or defn is None:
            return
        self._clear_invalid()
        self.step_title.setText(self.tr("<b>Langkah %1</b> dari %2")
                                .replace("%1", str(step.number)).replace("%2", str(len(defn.steps))))
        numbers: list[tuple[str, object]] = [(str(s.number), s.number) for s in defn.steps]
        fills: list[tuple[QComboBox, list[tuple[str, object]], object]] = [
            (self.lane_combo, [(lane.name, lane.name) for lane in defn.lanes], step.lane),
            (self.kind_combo, [(self._kind_label(k), k) for k in KINDS], step.kind),
            (self.yes_combo, numbers, step.yes), (self.no_combo, numbers, step.no)]
        for combo, items, current in fills:
            combo.blockSignals(True)
            combo.clear()
            combo.addItem("—", None)
            for text, data in items:
                combo.addItem(text, data)
            combo.setCurrentIndex(max(0, combo.findData(current)) if current is not None else 0)
            combo.blockSignals(False)
        for combo in (self.yes_combo, self.no_combo):
            combo.setEnabled(step.kind == "decision")
        for name, edit in (("kegiatan", self.kegiatan_edit), ("waktu", self.waktu_edit),
                           ("output", self.output_edit)):
            edit.blockSignals(True)
            if isinstance(edit, QPlainTextEdit):
                edit.setPlainText(step_text(step, name))
            else:
                edit.setText(step_text(step, name))
            edit.blockSignals(False)
        self.prev_button.setEnabled(self.current > 0)
        self.next_button.setEnabled(self.current < len(defn.steps) - 1)

    # ---- corrections

    def _set(self, attr: str, combo: QComboBox) -> None:
        """Lane, kind or a branch chosen for the chosen step."""
        step, defn = self.step(), self.defn
        if step is None or defn is None:
            return
        value = combo.currentData()
        setattr(step, attr, value)
        if attr == "lane" and value and "lane_unassigned" in step.flags:
            step.flags.remove("lane_unassigned")
        if attr == "kind":
            r = self.current
            if value == "decision":
                nxt = defn.steps[min(r + 1, len(defn.steps) - 1)].number
                step.yes = step.yes if step.yes is not None else nxt
                step.no = step.no if step.no is not None else defn.steps[max(r - 1, 0)].number
            else:
                step.yes = step.no = None
            self._fill_form()
        if LOW_FLAG in step.flags:
            step.flags.remove(LOW_FLAG)  # a person has looked at it
        self.guessed.discard(self.current)
        origin = self._line_origin()
        if origin is not None:  # still looked at when another SOP of the file was shown
            origin.lane_guessed = False
        self._fill_row(self.current, step)
        self._show_source()
        self.changed.emit()

    def _edit(self, name: str, text: str) -> None:
        """Kegiatan, waktu or output typed for the chosen step: applied when the core accepts
        it, else its message shown in place and the step left as it was."""
        step = self.step()
        if step is None:
            return
        try:
            correct_step(step, name, text)
        except ValidationError as exc:
            self._mark(name, str(exc))
            return
        self._mark(name, "")
        self._fill_row(self.current, step)
        self._later.start()

    def _check_waktu(self, text: str) -> None:
        step = self.step()
        if step is None:
            return
        try:
            check_step(step, "waktu", text)
        except ValidationError as exc:
            self._mark("waktu", str(exc))
            return
        self._mark("waktu", "")

    def commit(self) -> None:
        """Apply the waktu typed for the chosen step, when the core can read it."""
        if self.waktu_edit.isModified() and "waktu" not in self.invalid:
            self.waktu_edit.setModified(False)
            self._edit("waktu", self.waktu_edit.text())

    def _rename(self, text: str) -> None:
        if self.defn is None:
            return
        try:
            rename_sop(self.defn, text)
        except ValidationError as exc:
            self._mark("name", str(exc))
            return
        self._mark("name", "")
        self._later.start()

    def _mark(self, name: str, message: str) -> None:
        """Show (or clear) the core's message for a field, beside it and on it."""
        edit = {"name": self.name_edit, "kegiatan": self.kegiatan_edit,
                "waktu": self.waktu_edit, "output": self.output_edit}[name]
        was = dict(self.invalid)
        if message:
            self.invalid[name] = message
        else:
            self.invalid.pop(name, None)
        edit.setStyleSheet(ERROR_STYLE if message else "")
        edit.setToolTip(message)
        self.error.setText("\n".join(self.invalid.values()))
        self.error.setVisible(bool(self.invalid))
        if was != self.invalid:
            self.validity.emit()

    def _clear_invalid(self) -> None:
        """Values never applied are dropped when another step or SOP is shown."""
        for name in list(self.invalid):
            self._mark(name, "")

    # ---- moving

    def choose_number(self, number: int) -> None:
        """Choose the step with this number (a symbol clicked on the page)."""
        steps = self.defn.steps if self.defn is not None else []
        r = next((i for i, s in enumerate(steps) if s.number == number), -1)
        if r >= 0:
            self.table.setCurrentCell(r, 1)

    def go_step(self, by: int) -> None:
        """Choose the next (1) or previous (-1) step."""
        if self.defn is None or not self.defn.steps:
            return
        r = max(0, min(len(self.defn.steps) - 1, self.current + by))
        self.table.setCurrentCell(r, 1)

    def show_step(self, r: int) -> None:
        """Choose the step at table row r: its fields below, its page and row on the left."""
        if self.defn is None or not 0 <= r < len(self.defn.steps):
            return
        if r != self.current:
            self.commit()  # what was typed for the step shown before
            self.current = r
            self._fill_form()
        if self.lines is not None:
            self._show_source()
            return
        origin = self.rows[r] if r < len(self.rows) else None
        if origin is None:  # not found on a page: no page rather than another step's
            self.canvas.clear()
            return
        on_page = [(s.number, o) for s, o in zip(self.defn.steps, self.rows, strict=False)
                   if o is not None and o.page is origin.page]
        self.canvas.show_page(origin.page, on_page, self.defn.steps[r].number)

    def _line_origin(self) -> SourceLines | None:
        """The chosen step's lines in a text or .toml file (None for a page or when unknown)."""
        lines = self.lines
        return lines[self.current] if lines is not None and 0 <= self.current < len(lines) \
            else None

    def _show_source(self) -> None:
        """The chosen step's lines of a text or .toml file, quoted, and why its lane is marked."""
        step, origin = self.step(), self._line_origin()
        if step is None or self.lines is None:
            return
        if origin is None:
            self.source_title.setText(self.tr("&Sumber: baris langkah %1 tidak ditemukan di %2")
                                      .replace("%1", str(step.number))
                                      .replace("%2", self.source_name))
            self.source_text.clear()
        else:
            where = str(origin.first) if origin.last == origin.first else \
                f"{origin.first}–{origin.last}"
            self.source_title.setText(self.tr("&Sumber: %1, baris %2")
                                      .replace("%1", self.source_name).replace("%2", where))
            self.source_text.setPlainText(origin.text)
        if not step.lane:
            why = self.tr("⚠ Pelaksana belum ada: pilih pada isian Pelaksana.")
        elif self.current in self.guessed:
            why = self.tr("⚠ Pelaksana ditebak dari kalimat: %1").replace("%1", step.note or "")
        else:
            why = ""
        short = why if len(why) <= 150 else why[:149].rstrip() + "…"  # whole in the tooltip
        self.source_why.setText(short)
        self.source_why.setToolTip(why)
        self.source_why.setVisible(bool(why))


__all__ = ["KINDS", "ImportReview"]
