"""Import an SOP file (PDF, scan, Word, Excel, text or .toml): read it off the UI thread, preview
what was read and its warnings, review it beside its source (the page, or a text's lines),
assign the lanes the importer could not, then save.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from sop_desktop.domain.model import SopDefinition
from sop_desktop.errors import SopError
from sop_desktop.importers import ImportResult
from sop_desktop.importers import read_sop_file as core_read
from sop_desktop.importers.page_picture import add_pictures
from sop_desktop.services.changes import Changes
from sop_desktop.services.import_plan import ImportPlan, plan_import, save_planned
from ui.screen import EnterKey, fit_size
from ui.sops.browser import SopDetail
from ui.sops.import_review import ImportReview
from ui.workers import user_message

NEW_SOP = "__baru__"  # target choice: store as a new SOP
Progress = Callable[[int, int, str], None]


def read_sop_file(path: str, progress: Progress | None = None,
                  cancel: Callable[[], bool] | None = None) -> ImportResult:
    """Run the core importer (called on a worker thread: no widgets here); a Word or Excel
    reading gets its page pictures for the review."""
    return add_pictures(core_read(path, progress, cancel))


class LaneAssignment(QTableWidget):
    """One row per step without a lane; a combo box picks its pelaksana."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(0, 3, parent)
        self.setHorizontalHeaderLabels([self.tr("No"), self.tr("Kegiatan"), self.tr("Pelaksana")])
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        self.setColumnWidth(0, 40)
        self.setColumnWidth(2, 260)
        self.setWordWrap(True)
        self.defn = None

    def set_definition(self, defn) -> None:
        from PySide6.QtWidgets import QTableWidgetItem

        self.defn = defn
        self.setRowCount(0)
        if defn is None:
            return
        pending = [s for s in defn.steps if not s.lane or "lane_unassigned" in s.flags]
        self.setRowCount(len(pending))
        for row, step in enumerate(pending):
            for col, text in ((0, str(step.number)), (1, step.kegiatan)):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.setItem(row, col, item)
            combo = QComboBox()
            combo.setObjectName(f"lane_for_step_{step.number}")
            combo.addItem(self.tr("(pilih pelaksana)"), None)
            for lane in defn.lanes:
                combo.addItem(lane.name, lane.name)
            if step.lane:
                combo.setCurrentIndex(max(0, combo.findData(step.lane)))
            combo.currentIndexChanged.connect(
                lambda _i, s=step, c=combo: self._assign(s, c.currentData()))
            self.setCellWidget(row, 2, combo)
        self.resizeRowsToContents()

    def _assign(self, step, lane) -> None:
        step.lane = lane
        if lane and "lane_unassigned" in step.flags:
            step.flags.remove("lane_unassigned")
        elif not lane and "lane_unassigned" not in step.flags:
            step.flags.append("lane_unassigned")
        self.changed.emit()


class ImportDialog(QDialog):
    """Choose a file, see what was read, fix the lanes, save (a new SOP or a new version)."""

    imported = Signal(list, object)  # the stored definitions and the Changes they made

    def __init__(self, services, runner, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.result_sops: list = []
        self.file_warnings: list[str] = []
        self.plan = ImportPlan()  # the core's import policy: per SOP read, where it goes and why
        self.setWindowTitle(self.tr("Impor SOP"))
        fit_size(self, 1320, 760)  # at 1366x768: 92 % of the screen, the review needs it
        layout = QVBoxLayout(self)
        self._build_file_row(layout)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._build_sop_pane())
        self._build_detail()
        self.read_result: ImportResult | None = None
        self.cancel_read = False
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 4)
        splitter.setSizes([230, 1000])  # the review's page and steps need the width
        layout.addWidget(splitter, 1)
        self._build_buttons(layout)
        self.sop_list.currentRowChanged.connect(self._show_sop)
        self.sop_list.itemChanged.connect(lambda _item: self._update_state())
        self.lanes.changed.connect(self._lanes_assigned)
        self.review.changed.connect(self._review_changed)
        self.review.validity.connect(self._update_state)
        self.target_combo.activated.connect(self._target_chosen)
        self._tab_order()

    def _tab_order(self) -> None:
        """Tab goes through the file row, the SOPs read, the preview tabs, then Simpan/Batal."""
        order = [self.path_edit, self.browse_button, self.read_button, self.sop_list,
                 self.target_combo, self.warnings, self.detail, self.lanes,
                 self.detail.identity, self.detail.steps, self.detail.chart_pane,
                 *self.review.tab_chain(), self.save_button,
                 self.buttons.button(QDialogButtonBox.StandardButton.Cancel)]
        for a, b in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(a, b)

    def _build_file_row(self, layout: QVBoxLayout) -> None:
        """The file path with Pilih berkas and Baca, the reading progress and the status line."""
        row = QHBoxLayout()
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("import_path")
        self.path_edit.setPlaceholderText(
            self.tr("Berkas SOP: PDF, Word (.docx), Excel (.xlsx), teks (.txt) atau hasil pindaian"))
        browse = self.browse_button = QPushButton(self.tr("Pilih berkas…"))
        browse.setAutoDefault(False)
        browse.clicked.connect(self._browse)
        self.read_button = QPushButton(self.tr("Baca"))
        self.read_button.setObjectName("import_read")
        self.read_button.setAutoDefault(False)
        self.read_button.clicked.connect(lambda: self.load_path(self.path_edit.text()))
        self.path_enter = EnterKey(self.path_edit, lambda: self.load_path(self.path_edit.text()))
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        row.addWidget(self.read_button)
        layout.addLayout(row)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setVisible(False)
        layout.addWidget(self.progress)
        self.status = QLabel(self.tr("Pilih berkas SOP untuk dibaca. Tidak ada yang disimpan "
                                     "sebelum Anda menekan Simpan."))
        self.status.setObjectName("import_status")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

    def _build_sop_pane(self) -> QWidget:
        """The left pane: the SOPs read (checked to save), where each goes, and the warnings."""
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("SOP yang terbaca (centang untuk disimpan):")))
        self.sop_list = QListWidget()
        self.sop_list.setObjectName("import_sops")
        left_layout.addWidget(self.sop_list, 2)
        left_layout.addWidget(QLabel(self.tr("Simpan sebagai:")))
        self.target_combo = QComboBox()
        self.target_combo.setObjectName("import_target")
        self.target_combo.setToolTip(self.tr("SOP baru, atau versi baru dari SOP yang sudah ada "
                                             "(versi lama tetap tersimpan dan dapat dibaca)"))
        left_layout.addWidget(self.target_combo)
        left_layout.addWidget(QLabel(self.tr("Peringatan:")))
        self.warnings = QListWidget()
        self.warnings.setObjectName("import_warnings")
        self.warnings.setWordWrap(True)
        left_layout.addWidget(self.warnings, 3)
        return left

    def _build_detail(self) -> None:
        """The preview of the SOP read, its lane assignment tab and the source-page review."""
        self.detail = SopDetail()
        self.lanes = LaneAssignment()
        self.lanes.setObjectName("import_lanes")
        self.detail.insertTab(0, self.lanes, self.tr("Pelaksana belum ditentukan"))
        # the page beside what was read (drawn documents), or a text's lines (text, .toml)
        self.review = ImportReview(self)
        self.review.hide()
        self.review.setObjectName("import_review")
        self.review_title = self.tr("Tinjau halaman sumber")

    def _build_buttons(self, layout: QVBoxLayout) -> None:
        """Simpan (enabled once something can be saved) and Batal."""
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save |
                                        QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Simpan"))
        self.save_button.setEnabled(False)
        self.save_button.setObjectName("import_save")
        self.save_button.setDefault(True)  # Enter saves (the fields of the review go on instead)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Batal"))
        cancel.setObjectName("import_cancel")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _browse(self) -> None:
        dialog = QFileDialog(self, self.tr("Pilih berkas SOP"))
        dialog.setNameFilters([
            self.tr("Berkas SOP (*.pdf *.docx *.xlsx *.txt *.md *.toml *.jpg *.jpeg *.png *.tif *.tiff)"),
            self.tr("Semua berkas (*)")])
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self.load_path)
        dialog.open()

    def load_path(self, path: str) -> None:
        """Read `path` on a worker thread; the preview fills in when it is done."""
        path = (path or "").strip()
        if not path:
            self.status.setText(self.tr("Pilih berkas terlebih dahulu."))
            return
        if not Path(path).is_file():
            self.status.setText(self.tr("Berkas tidak ditemukan: %1").replace("%1", path))
            return
        self.path_edit.setText(path)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.read_button.setEnabled(False)
        self.save_button.setEnabled(False)
        self.status.setText(self.tr("Membaca %1 …").replace("%1", Path(path).name))
        self.cancel_read = False  # Batal while reading stops the worker at the next page
        self.runner.start(lambda progress: read_sop_file(path, progress,
                                                         lambda: self.cancel_read),
                          self._read_done, self._read_failed, self._read_progress)

    def _read_progress(self, done: int, total: int, what: str) -> None:
        """Long reads (a PDF of many pages) say how far they are."""
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
        self.status.setText(self.tr("Membaca: %1").replace("%1", what))

    def _read_failed(self, message: str) -> None:
        self.progress.setVisible(False)
        self.read_button.setEnabled(True)
        self.status.setText(self.tr("Berkas tidak dapat dibaca: %1")
                            .replace("%1", user_message(message)))

    def _read_done(self, result) -> None:
        self.progress.setVisible(False)
        self.read_button.setEnabled(True)
        self.result_sops = list(getattr(result, "sops", []) or [])
        self.read_result = result
        at = self.detail.indexOf(self.review)
        pages = bool(getattr(result, "pages", None))
        reviewed = pages or getattr(result, "text_origins", None) is not None
        self.review_title = (self.tr("Tinjau halaman sumber") if pages
                             else self.tr("Tinjau baris sumber"))
        if reviewed and at < 0:
            self.detail.addTab(self.review, self.review_title)
        elif not reviewed and at >= 0:
            self.detail.removeTab(at)
            self.review.hide()
        self.file_warnings = [str(w) for w in getattr(result, "warnings", []) or []]
        # the same policy as `sop import`: two SOPs of one file never become one SOP's versions
        self.plan = plan_import(self.services.sops, self.result_sops)
        self.sop_list.blockSignals(True)
        self.sop_list.clear()
        for defn in self.result_sops:
            item = QListWidgetItem(f"{defn.nomor or '—'} · {defn.name}")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.sop_list.addItem(item)
        self.sop_list.blockSignals(False)
        if not self.result_sops:
            self.status.setText(self.tr("Tidak ada SOP yang terbaca dari berkas ini."))
        else:
            self.status.setText(self.tr("%n SOP terbaca. Periksa peringatan dan pelaksana, lalu Simpan.",
                                        "", len(self.result_sops)))
            self.sop_list.setCurrentRow(0)
        self._fill_warnings()
        self._update_state()

    def _fill_warnings(self) -> None:
        self.warnings.clear()
        for text in self.file_warnings:
            self.warnings.addItem(text)
        defn = self.current_definition()
        if defn is not None:
            row = self.sop_list.currentRow()
            for text in self.plan.items[row].notes if 0 <= row < len(self.plan.items) else []:
                self.warnings.addItem(f"{defn.name}: {text}")
            for text in defn.warnings:
                self.warnings.addItem(f"{defn.name}: {text}")

    def current_definition(self):
        row = self.sop_list.currentRow()
        return self.result_sops[row] if 0 <= row < len(self.result_sops) else None

    def _fill_targets(self) -> None:
        """The choices for the current SOP: a new SOP, or a new version of any stored SOP."""
        self.target_combo.clear()
        row = self.sop_list.currentRow()
        if not 0 <= row < len(self.plan.items):
            self.target_combo.setEnabled(False)
            return
        self.target_combo.setEnabled(True)
        self.target_combo.addItem(self.tr("SOP baru"), NEW_SOP)
        for other in sorted(self.services.sops.latest_all(), key=lambda d: d.name.casefold()):
            self.target_combo.addItem(
                self.tr("Versi %1 dari %2 — %3").replace("%1", str(other.version + 1))
                .replace("%2", other.code).replace("%3", other.name), other.code)
        target = self.plan.items[row].target or NEW_SOP
        self.target_combo.setCurrentIndex(max(0, self.target_combo.findData(target)))

    def _target_chosen(self, _index: int) -> None:
        row = self.sop_list.currentRow()
        if 0 <= row < len(self.plan.items):
            chosen = self.target_combo.currentData()
            self.plan.choose(row, None if chosen in (None, NEW_SOP) else chosen)

    def _show_sop(self, _row: int) -> None:
        defn = self.current_definition()
        self._fill_targets()
        self.detail.show_definition(defn)
        self.lanes.set_definition(defn)
        self._show_review(defn)
        self._fill_warnings()
        pending = self.lanes.rowCount()
        self.detail.setTabText(0, self.tr("Pelaksana belum ditentukan (%1)").replace("%1", str(pending)))
        at = self.detail.indexOf(self.review)
        self.detail.setCurrentIndex(0 if pending else at if at >= 0 else 2)

    def _show_review(self, defn: SopDefinition | None) -> None:
        """The review tab: the SOP's steps with the page rows (a drawn document) or the text
        lines (a text or .toml file) they came from."""
        result = self.read_result
        origins = getattr(result, "origins", None)
        lines = getattr(result, "text_origins", None)
        row = self.sop_list.currentRow()
        if result is not None and origins is not None and 0 <= row < len(origins.rows):
            self.review.set_definition(defn, origins.rows[row], result.pages)
        elif result is not None and lines is not None and 0 <= row < len(lines):
            self.review.set_definition(defn, [], [], lines[row], Path(self.path_edit.text()).name)
        else:
            self.review.set_definition(None, [], [])
            return
        self._review_tab_text()

    def _review_tab_text(self) -> None:
        """The review tab's title with the number of steps still marked ⚠."""
        low = len(self.review.low_steps())
        at = self.detail.indexOf(self.review)
        if at >= 0:
            self.detail.setTabText(at, f"{self.review_title} (⚠ {low})" if low
                                   else self.review_title)

    def _review_changed(self) -> None:
        """A correction in the review: the list entry, lanes tab and preview follow it."""
        defn = self.current_definition()
        item = self.sop_list.currentItem()
        if defn is not None and item is not None:
            item.setText(f"{defn.nomor or '—'} · {defn.name}")
            self.detail.identity.setHtml(self.detail.identity_html(defn))
        self.lanes.set_definition(defn)
        self._lanes_changed()
        self._review_tab_text()

    def _lanes_assigned(self) -> None:
        """A lane chosen on the Pelaksana tab: the review's rows and marks follow it."""
        self.review.refresh()
        self._review_tab_text()
        self._lanes_changed()

    def _lanes_changed(self) -> None:
        defn = self.current_definition()
        if defn is not None:
            self.detail.steps_model.set_rows(defn.steps)
            self.detail.flowchart.set_definition(defn)
        self._update_state()

    def checked_definitions(self) -> list:
        return [defn for i, defn in enumerate(self.result_sops)
                if self.sop_list.item(i).checkState() == Qt.CheckState.Checked]

    def unassigned(self) -> list[tuple[str, int]]:
        """(SOP name, step number) of every checked SOP step still without a lane."""
        return [(d.name, s.number) for d in self.checked_definitions() for s in d.steps if not s.lane]

    def _update_state(self) -> None:
        chosen = self.checked_definitions()
        missing = self.unassigned()
        wrong = list(self.review.invalid.values())
        self.save_button.setEnabled(bool(chosen) and not missing and not wrong)
        if wrong:
            self.save_button.setToolTip(self.tr("Perbaiki isian yang salah dulu: %1")
                                        .replace("%1", "; ".join(wrong)))
        elif chosen and missing:
            names = sorted({name for name, _n in missing})
            self.save_button.setToolTip(self.tr("Tentukan pelaksana untuk %1 langkah dulu (%2).")
                                        .replace("%1", str(len(missing))).replace("%2", "; ".join(names)))
        else:
            self.save_button.setToolTip("")

    def reject(self) -> None:
        """Batal: a read still running stops at its next page; nothing is stored."""
        self.cancel_read = True
        super().reject()

    def save(self) -> None:
        """Store every checked SOP (a revision becomes a new version); report what happened."""
        self.review.commit()  # a waktu typed and not yet left
        if self.review.invalid:
            self._update_state()
            return
        if self.unassigned():
            self._update_state()
            return
        stored: list[SopDefinition] = []
        unchanged: list[SopDefinition] = []
        changes = Changes()
        try:  # one transaction per SOP, as `sop import` (sop_desktop.services.import_plan)
            for i, item in enumerate(self.plan.items):
                if self.sop_list.item(i).checkState() != Qt.CheckState.Checked:
                    continue
                for step in item.definition.steps:  # every lane is now a person's confirmed one
                    if "lane_unassigned" in step.flags:
                        step.flags.remove("lane_unassigned")
                outcome = save_planned(self.services.sops, item)
                changes = changes.merge(outcome.changes)
                (stored if outcome.value.created else unchanged).append(outcome.value.definition)
        except SopError as exc:
            QMessageBox.warning(self, self.tr("Impor SOP"), str(exc))
            if changes.sops:  # the SOPs saved before the refused one stay stored
                self.imported.emit(stored + unchanged, changes)
            return
        self.imported.emit(stored + unchanged, changes)
        self.accept()
