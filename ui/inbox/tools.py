"""The inbox's tools beside search, SOP and status: "Baru", "Untuk saya", "Hampir jatuh tempo",
sifat and the days received between; saved filters per user; export of the view to .xlsx; and
acting on several selected cases at once (Ambil, tanda terima). The filters, the saved filters'
form and every read are the core's (sop_desktop.services.inbox: InboxFilter, InboxQuery).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sop_desktop.domain.sifat import SIFAT
from sop_desktop.errors import SopError
from sop_desktop.services.changes import Bulk, Changes
from sop_desktop.services.inbox import InboxFilter, InboxQuery
from sop_desktop.services.inbox_query import (
    dump_saved_filters,
    load_saved_filters,
    saved_filter_name,
)
from ui.widgets.date_edit import DateEdit
from ui.workers import user_message

SAVED_KEY = "inbox_saved_filters/"  # + username: {name: state} as JSON in the settings file
EXPORT_CHUNK = 500


def more_column_specs(model, rows, fm, pad: int) -> dict:
    """(preferred, minimum, grow, drop) of the late / sifat / holder / disposisi columns: a
    column with nothing to show in the rows in view goes first on a narrow table."""
    out = {}
    for key, base, grow, rank in (("late", 64, 0, 0.4), ("sifat", 90, 0, 0.3),
                                  ("holder", 120, 1, 0.2), ("instruction", 200, 2, 0.5)):
        texts = [model.display_text(r, key) or "" for r in rows]
        widest = max([fm.horizontalAdvance(t) for t in set(texts)] + [0]) + pad  # once each
        filled = any(texts)
        preferred = min(max(base, widest), 260) if filled else base
        out[key] = (preferred, min(preferred, 70), grow if filled else 0,
                    rank if filled else rank - 5)
    return out


class InboxTools(QWidget):
    """Two rows of filters and tools under the search bar of an InboxPage."""

    changed = Signal()  # a filter changed: the page reads the table again
    acted = Signal(object)  # a Changes made on selected cases (the page's data_changed)
    said = Signal(str)  # an outcome for the status bar
    bulk_done = Signal(object)  # the Bulk of Ambil / Lepas / tanda terima on selected cases

    def __init__(self, page, parent: QWidget | None = None):
        super().__init__(parent)
        self.page = page
        self.services, self.user, self.settings = page.services, page.user, page.settings
        self.acting = False  # an action on the selected cases runs on the worker
        v = QVBoxLayout(self)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(2)
        row1 = QHBoxLayout()
        self.unread = QCheckBox(self.tr("Baru"))
        self.unread.setObjectName("inbox_unread_only")
        self.unread.setToolTip(self.tr("Hanya kasus yang belum Anda buka sejak sampai kepada Anda"))
        self.mine = QCheckBox(self.tr("Untuk saya"))
        self.mine.setObjectName("inbox_mine_only")
        self.mine.setToolTip(self.tr("Hanya kasus yang didisposisikan kepada Anda"))
        self.due_soon = QCheckBox(self.tr("Hampir jatuh tempo"))
        self.due_soon.setObjectName("inbox_due_soon")
        self.due_soon.setToolTip(self.tr("Tenggatnya dalam %1 jam ke depan").replace(
            "%1", f"{self.services.cases.due_soon_window().total_seconds() / 3600:g}"))
        self.sifat = QComboBox()
        self.sifat.setObjectName("inbox_sifat_filter")
        self.sifat.addItem(self.tr("Semua sifat"), "")
        for key, text in zip(SIFAT, (self.tr("Biasa"), self.tr("Segera"), self.tr("Sangat segera"),
                                     self.tr("Rahasia")), strict=False):
            self.sifat.addItem(text, key)
        for w in (self.unread, self.mine, self.due_soon):
            row1.addWidget(w)
        row1.addStretch(1)
        row1.addWidget(self.sifat)
        v.addLayout(row1)
        row2 = QHBoxLayout()
        received = QLabel(self.tr("Diterima:"))
        self.date_from = DateEdit()
        self.date_from.setObjectName("inbox_date_from")
        self.date_to = DateEdit()
        self.date_to.setObjectName("inbox_date_to")
        self.saved = QComboBox()
        self.saved.setObjectName("inbox_saved_filters")
        self.saved.setToolTip(self.tr("Saringan tersimpan"))
        self.saved.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.saved.setMinimumContentsLength(8)
        self.take_button = QToolButton()
        self.take_button.setObjectName("inbox_take_selected")
        self.take_button.setText(self.tr("Ambil"))
        self.take_button.setToolTip(self.tr("Ambil kasus yang dipilih agar rekan sejabatan tidak "
                                            "mengerjakannya dua kali"))
        self.more = QToolButton()
        self.more.setObjectName("inbox_more")
        self.more.setText(self.tr("Lainnya"))
        self.more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.more.setStyleSheet("QToolButton::menu-indicator { image: none; }")
        self.more.setText(self.tr("Lainnya") + " ▾")
        self.more.setMenu(self._menu())
        row2.addWidget(received)
        row2.addWidget(self.date_from)
        row2.addWidget(QLabel("–"))
        row2.addWidget(self.date_to)
        row2.addWidget(self.saved, 1)
        row2.addWidget(self.take_button)
        row2.addWidget(self.more)
        v.addLayout(row2)
        self._fill_saved()
        for box in (self.unread, self.mine, self.due_soon):
            box.toggled.connect(lambda _on: self.changed.emit())
        self.sifat.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.date_from.dateChanged.connect(self._dates_changed)
        self.date_to.dateChanged.connect(self._dates_changed)
        self.saved.activated.connect(self._saved_chosen)
        self.take_button.clicked.connect(self.take_selected)

    def _menu(self) -> QMenu:
        menu = QMenu(self)
        self.act_save = QAction(self.tr("Simpan saringan ini…"), self)
        self.act_delete = QAction(self.tr("Hapus saringan tersimpan yang dipilih"), self)
        self.act_export = QAction(self.tr("Ekspor tampilan ke Excel (.xlsx)…"), self)
        self.act_receipts = QAction(self.tr("Cetak tanda terima kasus yang dipilih…"), self)
        self.act_release = QAction(self.tr("Lepas kasus yang dipilih"), self)
        self.act_release.setObjectName("inbox_release_selected")
        self.act_save.triggered.connect(self.ask_save_filter)
        self.act_delete.triggered.connect(self.delete_filter)
        self.act_export.triggered.connect(self.ask_export)
        self.act_receipts.triggered.connect(self.ask_receipts)
        self.act_release.triggered.connect(self.release_selected)
        for action in (self.act_save, self.act_delete, None, self.act_export, self.act_receipts,
                       self.act_release):
            menu.addSeparator() if action is None else menu.addAction(action)
        return menu

    # ----- filters
    def _dates_changed(self, _value=None) -> None:
        if self.date_from.is_valid() and self.date_to.is_valid():
            self.changed.emit()

    def core_filter(self) -> InboxFilter:
        """The core's filter for what is ticked and chosen (an unreadable date is no bound)."""
        first, last = self.date_from.date(), self.date_to.date()
        if first and last and first > last:
            first, last = last, first  # a range typed backwards still means that range
        return InboxFilter(unread=self.unread.isChecked(), mine=self.mine.isChecked(),
                           due_soon=self.due_soon.isChecked(), date_from=first, date_to=last,
                           sifat=self.sifat.currentData() or None)

    def apply_to(self, flt: InboxQuery) -> InboxQuery:
        """The query narrowed by what is ticked and chosen here, for this user's marks."""
        flt.user_id = self.user.id
        flt.more = self.core_filter()
        return flt

    # ----- saved filters
    def state(self) -> dict:
        """Everything the inbox is filtered by, as plain data (a saved filter)."""
        page = self.page
        return {"scope": page.current_scope(), "sop": page.sop_filter.currentData() or "",
                "status": page.status_filter.currentData() or "", "search": page.search.text(),
                **self.core_filter().state()}

    def set_state(self, state: dict) -> None:
        """Show a saved filter: every widget set first, then one read of the table."""
        page = self.page
        widgets = (page.scopes, page.sop_filter, page.status_filter, page.search, self.unread,
                   self.mine, self.due_soon, self.sifat, self.date_from, self.date_to)
        for w in widgets:
            w.blockSignals(True)
        more = InboxFilter.from_state(state)  # an unreadable value is no filter
        try:
            if state.get("scope") is not None:
                page.set_scope(state["scope"])
            for combo, value in ((page.sop_filter, state.get("sop", "")),
                                 (page.status_filter, state.get("status", "")),
                                 (self.sifat, more.sifat or "")):
                combo.setCurrentIndex(max(0, combo.findData(value)))
            page.search.setText(str(state.get("search", "")))
            self.unread.setChecked(more.unread)
            self.mine.setChecked(more.mine)
            self.due_soon.setChecked(more.due_soon)
            self.date_from.setDate(more.date_from)
            self.date_to.setDate(more.date_to)
        finally:
            for w in widgets:
                w.blockSignals(False)
        page.filters_changed()

    def saved_filters(self) -> dict[str, dict]:
        raw = self.settings.state(SAVED_KEY + self.user.username) if self.settings else None
        # a damaged entry: no saved filters rather than an error
        return load_saved_filters(bytes(raw.data()) if raw is not None else None)

    def _store(self, filters: dict) -> None:
        if self.settings is None:
            return
        self.settings.set_state(SAVED_KEY + self.user.username,
                                QByteArray(dump_saved_filters(filters)))
        self.settings.sync()

    def save_filter(self, name: str) -> bool:
        name = saved_filter_name(name)
        if not name:
            self.said.emit(self.tr("Nama saringan wajib diisi"))
            return False
        filters = self.saved_filters()
        filters[name] = self.state()
        self._store(filters)
        self._fill_saved(name)
        self.said.emit(self.tr("Saringan \"%1\" disimpan").replace("%1", name))
        return True

    def delete_filter(self) -> None:
        name = self.saved.currentData()
        if not name:
            self.said.emit(self.tr("Pilih dulu saringan tersimpan yang akan dihapus"))
            return
        filters = self.saved_filters()
        filters.pop(name, None)
        self._store(filters)
        self._fill_saved()

    def ask_save_filter(self) -> None:
        from PySide6.QtWidgets import QInputDialog  # (rarely used: not at start-up, issue 19)

        name, ok = QInputDialog.getText(self, self.tr("Simpan saringan"),
                                        self.tr("Nama saringan:"))
        if ok:
            self.save_filter(name)

    def _fill_saved(self, current: str = "") -> None:
        self.saved.blockSignals(True)
        self.saved.clear()
        self.saved.addItem(self.tr("Saringan tersimpan…"), "")
        for name in sorted(self.saved_filters(), key=str.casefold):
            self.saved.addItem(name, name)
        self.saved.setCurrentIndex(max(0, self.saved.findData(current)) if current else 0)
        self.saved.blockSignals(False)

    def _saved_chosen(self, _index: int) -> None:
        name = self.saved.currentData()
        if name:
            self.set_state(self.saved_filters().get(name, {}))

    # ----- the current view and the selected cases
    def view_rows(self) -> list[dict]:
        """Every case of the current filter in its order, as export rows."""
        model = self.page.model
        inbox, flt = self.services.inbox, model.filter
        ids = model.ids if model.ids is not None else inbox.ordered_ids(flt)
        rows = []
        for start in range(0, len(ids), EXPORT_CHUNK):
            for r in inbox.rows_by_ids(flt, ids[start:start + EXPORT_CHUNK]):
                name = model.step_names.get((r.sop, r.step), "") if r.step is not None else ""
                told = r.instruction
                rows.append({
                    "number": r.number, "sop": r.sop, "subject": r.subject,
                    "step": f"{r.step}. {name}" if name else (r.step or ""),
                    "position": r.position or "", "received": r.received, "due": r.due,
                    "status": self.tr("Terlambat") if r.overdue else model.status_text(r.status),
                    "days_overdue": r.days_overdue or None,
                    "sifat": model.sifat_text(r.sifat), "holder": r.holder_name or "",
                    "disposisi": (f"{told['from_name']}: {told['instruksi_text']}"
                                  + (f" — {told['catatan']}" if told["catatan"] else ""))
                    if told else "", "unread": bool(r.unread)})
        return rows

    def export_to(self, path: str) -> int:
        """Write the current view to `path` (.xlsx); the number of cases written."""
        # deferred: the export pulls in openpyxl and the report machinery, which the first
        # screen does not need (start-up, issue 19)
        from sop_desktop.reports.inbox_export import write_inbox_xlsx

        rows = self.view_rows()
        write_inbox_xlsx(path, rows, self.tr("Kotak masuk"))
        return len(rows)

    def ask_export(self) -> None:
        # the file dialogs (QFileDialog, QDesktopServices) are not on the first screen: start-up
        from ui.widgets.file_dialogs import offer_open, save_dialog

        name = f"kotak-masuk-{dt.date.today().isoformat()}.xlsx"

        def chosen(path: str) -> None:
            try:
                count = self.export_to(path)
            except (SopError, OSError) as exc:
                self.said.emit(str(exc))
                return
            text = self.tr("%1 kasus diekspor").replace("%1", str(count))
            self.said.emit(text)
            offer_open(self, path, text)

        save_dialog(self, self.tr("Ekspor kotak masuk"), name, self.tr("Buku kerja Excel (*.xlsx)"),
                    "xlsx", chosen, "inbox_export_dialog")

    def selected_ids(self) -> list[int]:
        table, model = self.page.table, self.page.model
        rows = sorted({i.row() for i in table.selectionModel().selectedRows()})
        return [cid for cid in (model.case_id(r) for r in rows) if cid is not None]

    def take_selected(self) -> bool:
        """Take every selected case on the worker (Ambil); True when started. The outcome is
        said in the status bar and sent out as `bulk_done` and `acted`."""
        disposisi, user = self.services.disposisi, self.user
        return self._run_bulk(lambda ids: disposisi.take_many(ids, user),
                              self.tr("%1 kasus diambil"))

    def release_selected(self) -> bool:
        """Release every selected case on the worker (Lepas); True when started."""
        disposisi, user = self.services.disposisi, self.user
        return self._run_bulk(lambda ids: disposisi.release_many(ids, user),
                              self.tr("%1 kasus dilepas"))

    def issue_receipts(self, folder: str) -> bool:
        """A tanda terima for every selected case into `folder` (one PDF each), on the worker;
        True when started. A case whose tanda terima was issued before is left out and said,
        never numbered twice."""
        services, user = self.services, self.user
        return self._run_bulk(lambda ids: issue_receipts(services, user, ids, folder),
                              self.tr("%1 tanda terima dicetak"), folder)

    def _run_bulk(self, work: Callable[[list[int]], Bulk], done: str,
                  folder: str | None = None) -> bool:
        """Run an action on the selected cases on the page's worker, its buttons disabled."""
        ids = self.selected_ids()
        if not ids:
            self.said.emit(self.tr("Pilih satu atau beberapa kasus dulu (Ctrl/Shift + klik)"))
            return False
        if self.acting:
            return False
        self._set_acting(True)
        self.page.runner.start(lambda: work(ids), lambda bulk: self._bulk_back(bulk, done, folder),
                               self._bulk_failed)
        return True

    def _set_acting(self, on: bool) -> None:
        self.acting = on
        for widget in (self.take_button, self.act_release, self.act_receipts):
            widget.setEnabled(not on)

    def _bulk_back(self, bulk: Bulk, done: str, folder: str | None) -> None:
        self._set_acting(False)
        text = done.replace("%1", str(len(bulk.done)))
        if bulk.refused:
            text += "; " + self.tr("%1 ditolak: %2").replace(
                "%1", str(len(bulk.refused))).replace("%2", bulk.refused[0])
        self.said.emit(text)
        if bulk.done or bulk.refused:
            self.acted.emit(bulk.changes)
        self.bulk_done.emit(bulk)
        if folder is not None and bulk.done:
            from ui.widgets.file_dialogs import offer_open  # not at start-up (see ask_export)

            offer_open(self, folder, done.replace("%1", str(len(bulk.done))))
        elif folder is not None and bulk.refused:
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("Tanda terima"),
                              "\n".join(bulk.refused[:10]), QMessageBox.StandardButton.Ok, self)
            box.setObjectName("receipts_refused")
            box.finished.connect(lambda _r, b=box: b.deleteLater())
            box.open()  # not modal to the event loop: the window keeps working

    def _bulk_failed(self, message: str) -> None:
        self._set_acting(False)
        self.said.emit(user_message(message))

    def ask_receipts(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        from ui.widgets.file_dialogs import last_folder

        if not self.selected_ids():
            self.said.emit(self.tr("Pilih satu atau beberapa kasus dulu (Ctrl/Shift + klik)"))
            return
        folder = QFileDialog.getExistingDirectory(self, self.tr("Simpan tanda terima ke folder"),
                                                  last_folder())
        if folder:
            self.issue_receipts(folder)


def issue_receipts(services: Any, user: Any, case_ids: list[int], folder: str) -> Bulk:
    """A tanda terima PDF per case into `folder` (no widget touched: runs on a worker); the
    files written, the refusals (a tanda terima issued before is one) and the Changes."""
    # deferred: the letters pull in reportlab, which the first screen does not need (start-up)
    from sop_desktop.letters.service import CONFIRM_NO_NIP

    written: list[str] = []
    refused: list[str] = []
    changed: list[int] = []
    for case_id in case_ids:
        case = services.cases.get(case_id)
        out = Path(folder) / ("tanda-terima-" + case.number.replace("/", "-") + ".pdf")
        try:
            services.letters.issue(case, "tanda-terima", user, out=out, confirm=(CONFIRM_NO_NIP,))
        except SopError as exc:
            refused.append(f"{case.number}: {str(exc).splitlines()[0]}")
            continue
        written.append(str(out))
        changed.append(case_id)
    return Bulk(tuple(written), tuple(refused), Changes.of_cases(changed, letters=True))


def show_unread(window, count: int) -> None:
    """The user's new and unread cases on the inbox tab ("Kotak masuk (3 baru)") and at the
    front of the window title ("(3) SOP Desktop ..."), which the taskbar shows too."""
    tabs = getattr(window, "tabs", None)
    if tabs is not None and tabs.indexOf(window.inbox) >= 0:
        text = (QCoreApplication.translate("InboxTools", "Kotak masuk (%1 baru)")
                .replace("%1", str(count)) if count
                else QCoreApplication.translate("InboxTools", "Kotak masuk"))
        tabs.setTabText(tabs.indexOf(window.inbox), text)
    base = re.sub(r"^\(\d+\) ", "", window.windowTitle())
    window.setWindowTitle(f"({count}) {base}" if count else base)
