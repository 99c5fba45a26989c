"""The inbox table's columns as the user arranges them: resized, hidden (header menu) and
moved by drag, remembered in the settings file for the next start."""

from __future__ import annotations

import json

from PySide6.QtCore import QByteArray, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QTableView

from ui.screen import ColumnFitter
from ui.settings import AppSettings

SETTINGS_KEY = "inbox_columns"


class InboxColumns(QObject):
    """Column order, widths set by hand and hidden columns of `table`, kept in AppSettings.

    `fixed` columns (the agenda number) cannot be hidden."""

    def __init__(self, table: QTableView, fitter: ColumnFitter, settings: AppSettings | None,
                 fixed: tuple[int, ...] = (0,)):
        super().__init__(table)
        self.table, self.fitter, self.settings, self.fixed = table, fitter, settings, fixed
        header = table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self.show_menu)
        header.setToolTip(self.tr("Seret judul kolom untuk memindahkan, tepinya untuk mengubah "
                                  "lebar; klik kanan untuk menampilkan atau menyembunyikan kolom"))
        self.restore()
        header.sectionMoved.connect(lambda *_a: self.save())
        header.sectionResized.connect(self._resized)
        self.menu: QMenu | None = None

    def _resized(self, *_args) -> None:
        if not self.fitter.fitting:
            self.save()

    def menu_actions(self) -> list[QAction]:
        """One checkable action per column (checked = shown), then "reset"."""
        model = self.table.model()
        actions = []
        for column in range(model.columnCount()):
            text = model.headerData(column, Qt.Orientation.Horizontal)
            action = QAction(str(text), self)
            action.setCheckable(True)
            action.setChecked(column not in self.fitter.user_hidden)
            action.setEnabled(column not in self.fixed)
            action.toggled.connect(lambda on, c=column: self.set_shown(c, on))
            actions.append(action)
        reset = QAction(self.tr("Kembalikan susunan kolom semula"), self)
        reset.triggered.connect(self.reset)
        actions.append(reset)
        return actions

    def show_menu(self, pos) -> None:
        self.menu = QMenu(self.table)
        actions = self.menu_actions()
        self.menu.addActions(actions[:-1])
        self.menu.addSeparator()
        self.menu.addAction(actions[-1])
        self.menu.popup(self.table.horizontalHeader().mapToGlobal(pos))

    def set_shown(self, column: int, shown: bool) -> None:
        if column in self.fixed:
            return
        (self.fitter.user_hidden.discard if shown else self.fitter.user_hidden.add)(column)
        self.fitter.fit()
        self.save()

    def reset(self) -> None:
        header = self.table.horizontalHeader()
        self.fitter.user_hidden.clear()
        self.fitter.user_widths.clear()
        for logical in range(header.count()):
            header.moveSection(header.visualIndex(logical), logical)
        self.fitter.fit()
        self.save()

    def state(self) -> dict:
        header = self.table.horizontalHeader()
        return {"order": [header.logicalIndex(v) for v in range(header.count())],
                "hidden": sorted(self.fitter.user_hidden),
                "widths": {str(k): v for k, v in self.fitter.user_widths.items()}}

    def save(self) -> None:
        if self.settings is None:
            return
        self.settings.set_state(SETTINGS_KEY, QByteArray(json.dumps(self.state()).encode()))

    def restore(self) -> None:
        raw = self.settings.state(SETTINGS_KEY) if self.settings is not None else None
        if raw is None:
            return
        try:
            data = json.loads(bytes(raw.data()).decode())
            count = self.table.model().columnCount()
            order = [int(c) for c in data.get("order", []) if 0 <= int(c) < count]
            hidden = {int(c) for c in data.get("hidden", []) if 0 <= int(c) < count}
            widths = {int(k): int(v) for k, v in data.get("widths", {}).items()
                      if 0 <= int(k) < count and int(v) > 10}
        except (ValueError, TypeError, AttributeError):
            return  # a damaged entry: the default arrangement
        header = self.table.horizontalHeader()
        if sorted(order) == list(range(count)):
            for visual, logical in enumerate(order):
                header.moveSection(header.visualIndex(logical), visual)
        self.fitter.user_hidden = hidden - set(self.fixed)
        self.fitter.user_widths = widths
        self.fitter.fit()
