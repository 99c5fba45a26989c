"""The SOP library: every SOP with search; identity page, steps table with mutu baku, flowchart."""

from __future__ import annotations

import html

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ui.flowchart.pane import FlowchartPane
from ui.screen import fit_columns
from ui.widgets.models import SopListModel, StepsModel


class SopDetail(QTabWidget):
    """One SOP: identity page, steps table, flowchart."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.identity = QTextBrowser()
        self.identity.setObjectName("sop_identity")
        self.steps_model = StepsModel(self)
        self.steps = QTableView()
        self.steps.setObjectName("sop_steps")
        self.steps.setModel(self.steps_model)
        self.steps.setWordWrap(True)
        self.steps.verticalHeader().setVisible(False)
        header = self.steps.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        fm = self.steps.fontMetrics()
        # the steps and their mutu baku fit the pane; long cells wrap instead of being cut
        fit_columns(self.steps, [(fm.horizontalAdvance("99") + 16,) * 2 + (0,), (260, 140, 3),
                                 (150, 90, 1), (110, 76, 0), (130, 80, 1),
                                 (fm.horizontalAdvance("10-20 menit") + 12, 60, 0), (120, 70, 1),
                                 (110, 60, 1)], after=self.steps.resizeRowsToContents)
        # the flowchart with Cetak / Simpan PDF of the official SOP document
        self.chart_pane = FlowchartPane(self, whole_document=True)
        self.chart_pane.setObjectName("sop_flowchart_pane")
        self.flowchart = self.chart_pane.view
        self.flowchart.setObjectName("sop_flowchart")
        self.addTab(self.identity, self.tr("Identitas"))
        self.addTab(self.steps, self.tr("Langkah dan mutu baku"))
        self.addTab(self.chart_pane, self.tr("Diagram alir"))

    def identity_html(self, defn) -> str:
        """The identity page as simple HTML (labels passed through `tr`)."""
        ident = defn.identity
        esc = html.escape
        rows = [(self.tr("Nama SOP"), esc(defn.name))]
        rows += [(self.tr("Nomor SOP"), esc(ident.nomor or "—")),
                 (self.tr("Tanggal pembuatan"), esc(ident.tanggal_pembuatan or "—")),
                 (self.tr("Tanggal revisi"), esc(ident.tanggal_revisi or "—")),
                 (self.tr("Tanggal efektif"), esc(ident.tanggal_efektif or "—"))]
        signer = "<br>".join(esc(x) for x in (ident.disahkan_jabatan, ident.disahkan_nama,
                                                f"NIP {ident.disahkan_nip}" if ident.disahkan_nip else "")
                             if x)
        rows.append((self.tr("Disahkan oleh"), signer or "—"))
        if ident.hierarchy:
            rows.append((self.tr("Unit"), "<br>".join(esc(h) for h in ident.hierarchy)))
        lists = (("dasar_hukum", self.tr("Dasar hukum")), ("kualifikasi_pelaksana", self.tr("Kualifikasi pelaksana")),
                 ("keterkaitan", self.tr("Keterkaitan")), ("peralatan_perlengkapan", self.tr("Peralatan/perlengkapan")),
                 ("peringatan", self.tr("Peringatan")), ("pencatatan_pendataan", self.tr("Pencatatan dan pendataan")))
        for key, label in lists:
            items = getattr(ident, key) or []
            value = ("<ol>" + "".join(f"<li>{esc(i)}</li>" for i in items) + "</ol>") if items else "—"
            rows.append((label, value))
        lanes = ", ".join(esc(lane.name) + (f" → {esc(lane.position)}" if lane.position else "")
                          for lane in defn.lanes)
        rows.append((self.tr("Pelaksana"), lanes or "—"))
        if defn.incomplete:
            rows.append((self.tr("Catatan"), self.tr("SOP ini tidak lengkap (sebagian halaman hilang).")))
        body = "".join(f"<tr><th align='left' valign='top' style='padding:3px 10px 3px 0'>{label}</th>"
                       f"<td valign='top' style='padding:3px'>{value}</td></tr>" for label, value in rows)
        return f"<h3>{esc(defn.name)}</h3><table>{body}</table>"

    def show_definition(self, defn) -> None:
        if defn is None:
            self.identity.setHtml("")
            self.steps_model.set_rows([])
            self.chart_pane.set_definition(None)
            return
        self.identity.setHtml(self.identity_html(defn))
        self.steps_model.set_rows(defn.steps)
        self.steps.resizeRowsToContents()
        self.chart_pane.set_definition(defn)


class SopBrowser(QWidget):
    """All SOPs with search on the left, the chosen SOP on the right."""

    sop_chosen = Signal(object)

    def __init__(self, services, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        layout = QVBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit()
        self.search.setObjectName("sop_search")
        self.search.setPlaceholderText(self.tr("Cari SOP (nama atau nomor)…"))
        self.search.setClearButtonEnabled(True)
        left_layout.addWidget(self.search)
        self.model = SopListModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.table = QTableView()
        self.table.setObjectName("sop_table")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)  # long SOP names wrap onto a second line, not cut
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSortIndicator(1, Qt.SortOrder.AscendingOrder)
        hfm = header.fontMetrics()
        small = [hfm.horizontalAdvance(self.model.headerData(c, Qt.Orientation.Horizontal)) + 28
                 for c in (2, 3)]
        # on a narrow pane the version and the step count give way to the name
        fit_columns(self.table, [(130, 70, 0), (260, 120, 1), (small[0], small[0], 0, 1),
                                 (small[1], small[1], 0, 2)],
                    after=self.table.resizeRowsToContents)
        left_layout.addWidget(self.table)
        self.count_label = QLabel()
        left_layout.addWidget(self.count_label)
        splitter.addWidget(left)
        self.detail = SopDetail()
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)
        self.splitter = splitter
        layout.addWidget(splitter)
        self.search.textChanged.connect(self._filter)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.reload()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not getattr(self, "_sized", False):  # first show: the SOP's own pages get the room
            self._sized = True
            width = max(self.width(), 800)
            self.splitter.setSizes([int(width * 0.32), int(width * 0.68)])

    def reload(self) -> None:
        current = self.current_definition()
        self.model.set_rows(self.services.sops.latest_all())
        self.table.resizeRowsToContents()
        self._update_count()
        if current is not None:
            self.select_code(current.code)

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self.table.resizeRowsToContents()
        self._update_count()

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("%n SOP", "", self.proxy.rowCount()))

    def current_definition(self):
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.proxy.data(index, Qt.ItemDataRole.UserRole)

    def select_code(self, code: str) -> bool:
        for row in range(self.proxy.rowCount()):
            defn = self.proxy.data(self.proxy.index(row, 0), Qt.ItemDataRole.UserRole)
            if defn.code == code:
                self.table.selectRow(row)
                self.table.setCurrentIndex(self.proxy.index(row, 0))
                return True
        return False

    def _current_changed(self, current, _previous) -> None:
        defn = self.proxy.data(current, Qt.ItemDataRole.UserRole) if current.isValid() else None
        self.detail.show_definition(defn)
        self.sop_chosen.emit(defn)
