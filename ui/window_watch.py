"""The main window's live refresh: other PCs' changes reach the inbox and the open case."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject, QTimer

from sop_desktop.errors import SopError

if TYPE_CHECKING:
    from sop_desktop.services.container import Services, Watcher
    from ui.inbox.page import InboxPage

log = logging.getLogger(__name__)
WATCH_MS = 1500  # how often other PCs' changes are looked for (one cheap query)


class WatchOtherPcs:
    """Mixed into MainWindow (which has services and inbox): a cheap poll of the database's
    change signal, started once the inbox is built."""

    services: Services  # the host window's
    inbox: InboxPage
    watcher: Watcher | None

    def _start_watching(self) -> None:
        """Other PCs' changes reach this inbox and the open case within seconds: a cheap
        poll of sop_desktop.storage.watch (NOTIFY on PostgreSQL, data_version on SQLite)."""
        try:
            self.watcher = self.services.open_watcher()
        except SopError as exc:  # the inbox's own slow refresh still runs
            log.warning("%s", exc)
            self.watcher = None
        self.watch_timer = QTimer(cast(QObject, self))  # the host is a QMainWindow
        self.watch_timer.setInterval(WATCH_MS)
        self.watch_timer.timeout.connect(self.poll_changes)
        self.watch_timer.start()

    def poll_changes(self) -> bool:
        """Refresh the inbox (and the open case, if it changed) when another connection
        changed something; True when it did."""
        if self.watcher is None:
            return False
        try:
            changes = self.watcher.poll()
        except Exception as exc:  # a poll must never break the window: try again next tick
            log.warning("Pemeriksaan perubahan gagal: %s", exc)
            return False
        if changes is None:
            return False
        self.inbox.external_change(changes)
        return True
