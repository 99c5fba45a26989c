"""The inbox page: positions with counts (left), the case table (centre), the case (right)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QSplitter,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sop_desktop.services.changes import Changes
from sop_desktop.services.inbox import (
    SCOPE_ALL,
    SCOPE_MINE,
    SCOPE_UNASSIGNED,
    InboxCount,
    InboxOverview,
    InboxQuery,
)
from sop_desktop.services.inbox_query import STATUS_OVERDUE
from sop_desktop.services.workflow import STATUS_DONE, STATUS_OPEN, STATUS_STOPPED
from ui.i18n import date_text, datetime_text
from ui.inbox.case_slot import PendingCasePane
from ui.inbox.columns import InboxColumns
from ui.inbox.model import COLUMNS, InboxModel
from ui.inbox.tools import InboxTools, more_column_specs
from ui.screen import fit_columns, two_lines
from ui.widgets.heading import heading_label
from ui.widgets.sized_views import SizedListWidget, SizedTableView
from ui.workers import user_message

if TYPE_CHECKING:
    from ui.cases.view import CaseView

REFRESH_MS = 60_000


class WholeTextDelegate(QStyledItemDelegate):
    """Draws the agenda number whole, never elided (its column is kept wide enough)."""

    def initStyleOption(self, option, index) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideNone


class InboxPage(QWidget):
    """Everything a user works through in a day; `data_changed` carries core changes out."""

    data_changed = Signal(object)
    actions_changed = Signal(set)
    status_message = Signal(str)
    unread_changed = Signal(int)  # the user's new and unread cases (window title, tab)
    first_painted = Signal()  # the first screen is drawn: the window builds the rest

    def __init__(self, services, user, runner, parent: QWidget | None = None, settings=None):
        super().__init__(parent)
        self.settings = settings
        self.services = services
        self.user = user
        self.runner = runner
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("inbox_splitter")
        self.splitter.addWidget(self._build_scopes())
        self.splitter.addWidget(self._build_centre(runner))
        # right: the case, built right after the first paint or when first asked for (start-up)
        self._case_view: CaseView | None = None
        self._case_slot = PendingCasePane()
        self._case_slot.painted.connect(self.first_painted)
        self.first_painted.connect(lambda: QTimer.singleShot(0, self, self._build_case_view))
        self.splitter.addWidget(self._case_slot)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 3)
        # the table gets the larger share; the case pane stays readable at 1366 px
        self.splitter.setSizes([180, 640, 520])
        self.splitter.splitterMoved.connect(self._split_moved)
        layout.addWidget(self.splitter)
        self._wire()
        self._fill_sops()
        self._fill_scopes()
        self.apply_filter()
        self.column_fitter = fit_columns(self.table, self._column_specs)
        self.model.modelReset.connect(self.column_fitter.fit)  # agenda numbers differ per filter
        self.columns = InboxColumns(self.table, self.column_fitter, settings)
        self.table.horizontalHeader().sectionResized.connect(self._keep_number_whole)

    def _build_scopes(self) -> QWidget:
        """The left pane: the positions (scopes) whose cases the table shows."""
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(heading_label(self.tr("<b>Jabatan</b>")))  # no rich text: start-up
        self.scopes = SizedListWidget()
        self.scopes.setObjectName("inbox_scopes")
        self.scopes.setWordWrap(True)
        self.scopes.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scopes.setResizeMode(SizedListWidget.ResizeMode.Adjust)  # re-wrap when the pane resizes
        self.scopes.setSpacing(3)  # (an item padding in a style sheet breaks wrapped heights)
        self.scopes.viewport_resized.connect(self._label_scopes)  # re-wrapped to the new width
        ll.addWidget(self.scopes)
        return left

    def _build_centre(self, runner) -> QWidget:
        """The centre pane: filters, the inbox tools, the case table and its count."""
        centre = QWidget()
        cl = QVBoxLayout(centre)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.addLayout(self._build_filter_bar())
        self.unread_count = 0
        self.tools = InboxTools(self)  # baru, untuk saya, due soon, sifat, dates, saved, export
        cl.addWidget(self.tools)
        self.model = InboxModel(self.services.inbox, self, runner=runner)
        cl.addWidget(self._build_table(), 1)
        self.count_label = QLabel()
        self.count_label.setObjectName("inbox_count")
        cl.addWidget(self.count_label)
        return centre

    def _build_filter_bar(self) -> QHBoxLayout:
        """Search, the SOP filter and the status filter in one row."""
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("inbox_search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Cari nomor, nama, perihal… (Ctrl+F)"))
        self.sop_filter = QComboBox()
        self.sop_filter.setObjectName("inbox_sop_filter")
        self.sop_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.sop_filter.setMinimumContentsLength(14)
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("inbox_status_filter")
        for text, value in ((self.tr("Berjalan"), STATUS_OPEN),
                            (self.tr("Terlambat"), STATUS_OVERDUE),
                            (self.tr("Selesai"), STATUS_DONE),
                            (self.tr("Dihentikan"), STATUS_STOPPED),
                            (self.tr("Semua status"), "")):
            self.status_filter.addItem(text, value)
        bar.addWidget(self.search, 3)
        bar.addWidget(self.sop_filter, 2)
        bar.addWidget(self.status_filter, 1)
        return bar

    def _build_table(self) -> QTableView:
        """The case table: several rows selectable, the agenda number always whole."""
        self.table = SizedTableView()
        self.table.setObjectName("inbox_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        # several cases at once (Ambil, tanda terima): Ctrl/Shift + click
        self.table.setSelectionMode(QTableView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        # the agenda number is what clerks read out and search for: always whole
        self.number_delegate = WholeTextDelegate(self.table)
        self.table.setItemDelegateForColumn(0, self.number_delegate)
        header.setSortIndicator(5, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        return self.table

    def _wire(self) -> None:
        """Search as you type, the slow refresh, and the signals between the panes."""
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        # search as you type, one query per pause, read off the UI thread (a search scans
        # every case: ~0.1-0.2 s at 100,000) so typing never waits for it
        self.search_timer.setInterval(250)
        self.search_timer.timeout.connect(self.search_later)
        self._reselect: int | None = None  # the case to select again when the rows arrive
        self.search.textChanged.connect(lambda _t: self.search_timer.start())
        # other PCs change cases too, and time makes cases overdue: refresh now and then
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setInterval(REFRESH_MS)
        self.refresh_timer.timeout.connect(self.refresh_list)
        self.refresh_timer.start()
        self.search.returnPressed.connect(self.search_later)
        self.sop_filter.currentIndexChanged.connect(lambda _i: self.filters_changed())
        self.status_filter.currentIndexChanged.connect(lambda _i: self.filters_changed())
        self.scopes.currentRowChanged.connect(lambda _r: self.filters_changed())
        self.model.loaded.connect(self._rows_arrived)
        self.model.load_failed.connect(self._rows_failed)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        # the column widths are measured once per set of rows (a resize only shares them out)
        self._specs: list[tuple[int, ...]] | None = None
        self.model.modelReset.connect(self._forget_specs)
        self.model.dataChanged.connect(self._forget_specs)  # a row no longer "baru": not bold
        self.model.modelReset.connect(self._update_count)
        # the busy cursor ends with any reset that shows the last request (a search's rows,
        # or a refresh on this thread that replaced a search still being read)
        self.model.modelReset.connect(lambda: self._busy(self.model.loading()))
        self.tools.changed.connect(self.filters_changed)
        self.tools.acted.connect(self.data_changed)
        self.tools.said.connect(self.status_message)

    @property
    def case_view(self) -> CaseView:
        """The case pane: built right after the first paint, or now when asked for first."""
        return self._case_view if self._case_view is not None else self._build_case_view()

    @property
    def built_case_view(self) -> CaseView | None:
        """The case pane if it is built yet (asking does not build it)."""
        return self._case_view

    def _build_case_view(self) -> CaseView:
        """Put the case pane in place of its stand-in (once), wired to the page's signals."""
        if self._case_view is not None:
            return self._case_view
        from ui.cases.view import CaseView  # deferred for start-up: built after the first paint

        view = self._case_view = CaseView(self.services, self.user, runner=self.runner)
        sizes, index = self.splitter.sizes(), self.splitter.indexOf(self._case_slot)
        self.splitter.replaceWidget(index, view)
        self.splitter.setStretchFactor(index, 3)  # (a stretch is the widget's: as the slot's)
        self.splitter.setSizes(sizes)  # the shares of the first screen stay as they were
        self._case_slot.deleteLater()
        view.data_changed.connect(self.data_changed)
        view.actions_changed.connect(self.actions_changed)
        view.status_message.connect(self.status_message)
        # the read marker is written on the worker: count the unread once it is stored
        view.holding.marked_read.connect(lambda _case_id: self._count_unread())
        return view

    def _keep_number_whole(self, column: int, _old: int, new: int) -> None:
        """A hand-resized agenda number column never gets narrower than its numbers."""
        if column == 0 and not self.column_fitter.fitting:
            need = self._column_specs()[0][1]
            if new < need:
                self.column_fitter.user_widths[0] = need
                self.table.setColumnWidth(0, need)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._share_width()
        self.unread_changed.emit(self.unread_count)  # the window's title and tab show it

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._share_width()

    def _split_moved(self, *_args) -> None:
        if not getattr(self, "_sharing", False):
            self._split_by_hand = True

    def _share_width(self) -> None:
        """Positions, table and case get their share of the real width (until the user moves
        a divider): the table keeps room for its agenda numbers, due times and status."""
        if getattr(self, "_split_by_hand", False) or not self.isVisible():
            return
        width = max(self.width(), 900)
        counts = self.scopes.fontMetrics().horizontalAdvance(
            self.tr("%1 berjalan").replace("%1", "999") + " · "
            + self.tr("%1 terlambat").replace("%1", "99"))
        left = max(int(width * 0.12), counts + 34)
        right = int(width * 0.31)
        self._sharing = True
        self.splitter.setSizes([left, width - left - right, right])
        self._sharing = False

    # ----- filters
    def _fill_sops(self) -> None:
        current = self.sop_filter.currentData()
        self.sop_filter.blockSignals(True)
        self.sop_filter.clear()
        self.sop_filter.addItem(self.tr("Semua SOP"), "")
        names = {}
        # names only: the definitions are not built at start (issue 19)
        by_name = sorted(self.services.sops.summaries(), key=lambda d: (d.name.casefold(), d.code))
        for sop in by_name:
            self.sop_filter.addItem(sop.name, sop.code)
            self.sop_filter.setItemData(self.sop_filter.count() - 1, sop.code,
                                        Qt.ItemDataRole.ToolTipRole)
            for number, kegiatan in sop.steps.items():
                names[(sop.code, number)] = kegiatan
        index = self.sop_filter.findData(current) if current else 0
        self.sop_filter.setCurrentIndex(max(0, index))
        self.sop_filter.blockSignals(False)
        self.model.set_step_names(names)

    def _scope_items(self, view: InboxOverview) -> list[tuple[str, str, InboxCount | None]]:
        """(label, scope, its counts) for the left list, from the core's overview."""
        items: list[tuple[str, str, InboxCount | None]] = []
        if view.held:
            items.append((self.tr("Kotak masuk saya"), SCOPE_MINE, view.mine))
        for name in view.held:
            items.append((name, name, view.counts.get(name)))
        # outside parties' steps are recorded by staff; those with cases waiting are listed
        for name in view.recorded:
            items.append((name + " " + self.tr("(dicatat petugas)"), name, view.counts.get(name)))
        if view.staff:
            items.append((self.tr("Tanpa jabatan"), SCOPE_UNASSIGNED, None))
        items.append((self.tr("Semua kasus"), SCOPE_ALL, None))
        return items

    def _fill_scopes(self) -> None:
        current = self.current_scope()
        view = self.services.inbox.overview(self.user)  # one grouped count, unread
        self.scopes.blockSignals(True)
        self.scopes.clear()
        for label, scope, count in self._scope_items(view):
            numbers = ""
            if count is not None:
                numbers = self.tr("%1 berjalan").replace("%1", str(count.open))
                if count.overdue:
                    numbers += " · " + self.tr("%1 terlambat").replace("%1", str(count.overdue))
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, scope)
            item.setData(Qt.ItemDataRole.UserRole + 1, (label, numbers))
            item.setToolTip(label + ("\n" + numbers if numbers else ""))
            if count is not None and count.overdue:
                item.setForeground(Qt.GlobalColor.darkRed)
                item.setToolTip(item.toolTip() + "\n" + self.tr("Ada kasus yang melewati tenggat"))
            self.scopes.addItem(item)
        self._label_scopes()
        row = 0
        for i in range(self.scopes.count()):
            if self.scopes.item(i).data(Qt.ItemDataRole.UserRole) == current:
                row = i
        self.scopes.setCurrentRow(row)
        self.scopes.blockSignals(False)
        self._count_unread(view.unread)

    def _count_unread(self, count: int | None = None) -> None:
        """The user's new and unread cases (read now unless given), for the window title and
        the inbox tab."""
        self.unread_count = self.services.inbox.unread_count(self.user) if count is None else count
        self.unread_changed.emit(self.unread_count)

    def _label_scopes(self) -> None:
        """Each position in at most two lines, its counts on one line below it."""
        fm = self.scopes.fontMetrics()
        width = max(60, self.scopes.viewport_width() - 12)
        for i in range(self.scopes.count()):
            item = self.scopes.item(i)
            label, numbers = item.data(Qt.ItemDataRole.UserRole + 1) or (item.text(), "")
            text = two_lines(label, fm, width)
            if numbers:
                text += "\n" + numbers
            if item.text() != text:
                item.setText(text)

    def current_scope(self):
        item = self.scopes.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def set_scope(self, scope) -> bool:
        for i in range(self.scopes.count()):
            if self.scopes.item(i).data(Qt.ItemDataRole.UserRole) == scope:
                self.scopes.setCurrentRow(i)
                return True
        return False

    def build_filter(self) -> InboxQuery:
        """The core's query for the scope, filters, search and order shown."""
        flt = self.services.inbox.scope_query(
            self.user, self.current_scope(),
            sop=self.sop_filter.currentData() or None,
            status=self.status_filter.currentData() or None,
            search=self.search.text(),
            sort=self.model.latest.sort, descending=self.model.latest.descending)
        return self.tools.apply_to(flt)

    def apply_filter(self) -> None:
        """Show the current filters and search now (read on the UI thread)."""
        self.search_timer.stop()
        selected = self.selected_case_id()
        self.model.set_filter(self.build_filter())  # drops a search still being read
        self._reselect = None
        self._busy(False)
        if selected is not None:
            self._select_row_of(selected)

    def search_later(self) -> None:
        """Show the current filters and search once read off the UI thread; a newer request
        replaces this one, so only the last text typed ends up in the table."""
        self.search_timer.stop()
        if not self.model.loading():  # else keep the case selected when the first one began
            self._reselect = self.selected_case_id()
        self._busy(True)
        self.model.load(self.build_filter())

    def filters_changed(self) -> None:
        """A scope, SOP or status chosen: the indexes answer at once unless there is search
        text, which means a scan, read off the UI thread."""
        if self.search.text().strip():
            self.search_later()
        else:
            self.apply_filter()

    def _rows_arrived(self) -> None:
        self._busy(False)
        selected, self._reselect = self._reselect, None
        if selected is not None:  # still the case in the pane: select it without reloading it
            self.table.selectionModel().blockSignals(True)
            self._select_row_of(selected)
            self.table.selectionModel().blockSignals(False)

    def _rows_failed(self, message: str) -> None:
        self._busy(False)
        self._reselect = None
        text = user_message(message)
        self.status_message.emit(text.splitlines()[0] if text else "")

    def _busy(self, busy: bool) -> None:
        """A busy cursor over the table while a search is read (the old rows stay usable)."""
        if busy == getattr(self, "_busy_shown", False):
            return  # (asking Qt for the viewport before the first paint costs: start-up)
        self._busy_shown = busy
        if busy:
            self.table.viewport().setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.table.viewport().unsetCursor()

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("%n kasus", "", self.model.rowCount()))

    def _forget_specs(self, *_args: object) -> None:
        self._specs = None

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.LanguageChange, QEvent.Type.FontChange):
            self._specs = None  # other header words, other widths
        super().changeEvent(event)

    def _column_specs(self) -> list[tuple[int, ...]]:
        """The columns' specs, measured once per set of rows shown: the window resizes
        several times before its first paint and each fit would measure the rows again."""
        if self._specs is None:
            self._specs = self._measure_columns()
        return self._specs

    def _measure_columns(self) -> list[tuple[int, ...]]:
        """(preferred, minimum, grow) per column: numbers, dates and the overdue text keep
        their width; the applicant and step columns give way first on a narrow screen."""
        fm = self.table.fontMetrics()
        bold = self.table.font()
        bold.setBold(True)
        fmb = QFontMetrics(bold)
        pad = 18
        shown = [self.model.case_row(r) for r in range(min(self.model.rowCount(), 60))]
        numbers = [(fmb if c.unread else fm).horizontalAdvance(c.number)  # "baru" rows are bold
                   for c in shown if c is not None]
        codes = [fm.horizontalAdvance(code) for code in {c.sop for c in shown if c is not None}]
        number = max(numbers, default=fm.horizontalAdvance("0000/XXXX/XII/2026")) + 12 + 16  # + "baru" dot
        sop = min(max(codes, default=fm.horizontalAdvance("SOP")) + pad, 150)
        # the dates as shown (this year's without the year), measured on the rows in view
        model = self.model
        rows = range(min(model.rowCount(), 60))
        sample = date_text(dt.date(dt.date.today().year, 9, 30), compact=True)
        # each distinct text measured once (many rows share a day): start-up, issue 19
        received = max(fm.horizontalAdvance(t) for t in {
            model.display_text(r, "received") or "" for r in rows} | {sample}) + pad
        sample = "⚠ " + datetime_text(dt.datetime(dt.date.today().year, 9, 30, 23, 59), compact=True)
        due = max(fm.horizontalAdvance(t) for t in {
            model.display_text(r, "due") or "" for r in rows} | {sample}) + pad
        status = max(fmb.horizontalAdvance(self.tr(t)) for t in ("Terlambat", "Dihentikan",
                                                                 "Berjalan", "Selesai")) + pad
        header = self.table.horizontalHeader().fontMetrics()
        specs = {
            # on a narrow pane the SOP (named in the case pane and the filter) and the day
            # received give way first; the number, step, due time and status stay
            "number": (number, number, 0),  # the agenda number: never cut
            "sop": (sop, min(sop, 56), 0, 1),
            # on a very narrow pane (1366 px at 125 %) the applicant gives way after the SOP and
            # the day received: it is on the case pane's first tab
            "subject": (170, 90, 2, 3),
            "step": (190, 90, 3),
            "received": (received, received, 0, 2),
            "due": (due, due, 0),
            "status": (status, status, 0),
            **more_column_specs(model, rows, fm, pad),
        }
        out = []
        for key, label in COLUMNS:  # never narrower than the header's own text
            p, m, g, *drop = specs[key]
            need = header.horizontalAdvance(self.model.headerData(
                COLUMNS.index((key, label)), Qt.Orientation.Horizontal)) + pad
            # a squeezed column keeps its header's words (up to 120 px) whole
            out.append((max(p, min(need, 140)), max(m, min(need, 120)), g, *drop))
        return out

    # ----- selection
    def selected_case_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.case_id(index.row()) if index.isValid() else None

    def _select_row_of(self, case_id: int) -> bool:
        row = self.model.row_of(case_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def _row_changed(self, current, _previous) -> None:
        case_id = self.model.case_id(current.row()) if current.isValid() else None
        if case_id is not None:
            self.case_view.show_case(case_id)  # marks it read (no longer "baru") on the worker
            self.model.mark_read(current.row())  # not bold now; counted when stored

    def select_case(self, case_id: int) -> None:
        """Show a case: in the current list if it is there, else in its own position's inbox."""
        if self._select_row_of(case_id):
            return
        case = self.services.cases.get(int(case_id))
        if case.current_position_id and self.set_scope(case.current_position.name):
            self.status_filter.setCurrentIndex(0)
        elif not self.set_scope(SCOPE_ALL):
            pass
        if self.model.loading():  # the scope changed under search text: read it now, to select
            self.apply_filter()
        if not self._select_row_of(case_id):
            self.status_filter.setCurrentIndex(self.status_filter.findData(""))
            self.search.clear()
            self.apply_filter()
            self._select_row_of(case_id)
        self.case_view.show_case(case_id)

    # ----- change fan-out
    def on_data_changed(self, change: Changes) -> None:
        if change.sops:
            self._fill_sops()
        if change.touches_inbox():
            self._fill_scopes()
            selected = self.selected_case_id()
            self.model.refresh()
            if selected is not None:
                self._select_row_of(selected)
            if self._case_view is not None:  # (not built yet: nothing shown to reload)
                self._case_view.reload()

    def refresh_list(self) -> None:
        """Re-read counts and the table, keeping the selection (the case pane is left alone)."""
        selected = self.selected_case_id()
        self._fill_scopes()
        if self.model.latest.search.strip():  # a scan: off the UI thread, reselected on arrival
            if not self.model.loading():
                self._reselect = selected
            self.model.refresh_later()
            return
        self.model.refresh()
        if selected is not None:
            self.table.selectionModel().blockSignals(True)
            self._select_row_of(selected)
            self.table.selectionModel().blockSignals(False)

    def external_change(self, changes) -> None:
        """Another PC or process changed the database (sop_desktop.storage.watch.Changes): re-read
        the counts and the table, and the open case when it is one of those changed."""
        self.refresh_list()
        view = self._case_view
        if view is not None and view.case is not None and changes.touches(view.case.id):
            view.reload()

    # ----- commands from the main window
    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def do_finish(self) -> None:
        self.case_view.do_finish()

    def do_decide(self, yes: bool) -> None:
        self.case_view.do_decide(yes)

    def do_return(self) -> None:
        self.case_view.do_return()

    def do_stop(self) -> None:
        self.case_view.do_stop()

    def add_attachment(self) -> None:
        self.case_view.add_attachment()

    def shutdown(self) -> None:
        self.search_timer.stop()
        self.refresh_timer.stop()
        self.model.cancel()
