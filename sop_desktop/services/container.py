"""The core services wired together over one database; the UI and the CLI both start here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING, TypeVar

from sop_desktop.errors import SopError
from sop_desktop.paths import database_target
from sop_desktop.services.attachments import AttachmentService, AttachmentStore, store_dir_for
from sop_desktop.services.backups import BackupService
from sop_desktop.services.disposisi import DisposisiService
from sop_desktop.services.inbox import InboxService
from sop_desktop.services.positions import PositionService
from sop_desktop.services.sops import SopService
from sop_desktop.services.users import UserService
from sop_desktop.services.workflow import CaseService
from sop_desktop.settings import SettingKey
from sop_desktop.storage import db as dbm
from sop_desktop.storage import diskspace, known_state, migrations
from sop_desktop.storage.backup import DamagedDatabase, check_before_open, sqlite_file_of, startup_check
from sop_desktop.storage.watch import PostgresWatcher, SqliteWatcher, open_watcher

if TYPE_CHECKING:
    from sop_desktop.letters.service import LetterService

T = TypeVar("T")
Watcher = SqliteWatcher | PostgresWatcher  # the change watcher of the open database


class Services:
    """Open the database, migrate it, seed the bundled library and positions."""

    def __init__(self, target: str | None = None, *, seed: bool = True,
                 clock: Callable[[], dt.datetime] | None = None, checked: bool = False) -> None:
        self.target = database_target(target)
        self.db = dbm.make_database(self.target)  # refuses a network path before any read
        # a damaged, foreign, emptied or newer-schema SQLite file is refused (naming the newest
        # good backup) before anything writes to it; light: the full quick_check only runs when
        # a migration is pending, else before the first write of this process (`checked`: the
        # caller, the window, already ran the full start-up check)
        self.sqlite_path = sqlite_file_of(self.target)
        check_before_open(self.target, light=True)
        if self.sqlite_path is not None and not self.sqlite_path.exists():
            known_state.forget(self.sqlite_path)  # a new file on purpose: nothing to compare
        if self.sqlite_path is not None and not checked:
            # a file target: make_database gave its guarded SQLite class (typed as pw.Database)
            self.db.guard_writes(self._check_before_first_write)  # type: ignore[attr-defined]
        dbm.database.initialize(self.db)
        try:
            self.db.connect(reuse_if_open=True)
        except Exception as exc:
            raise (self._disk_full(exc) or dbm.DatabaseError(
                f"Basis data {self.target} tidak dapat dibuka: {exc}")) from None
        try:
            migrations.migrate(self.db)
        except Exception as exc:
            self._raise_if_disk_full(exc)
            raise
        self.positions = PositionService()
        self.sops = SopService()
        self.users = UserService(self.positions)
        self.attachments = AttachmentService(AttachmentStore(store_dir_for(self.target)))
        self.cases = CaseService(self.sops, self.positions, self.users, self.attachments, clock)
        # the inbox follows the case engine's clock, even when a caller replaces it later
        self.inbox = InboxService(self.positions, self.users, lambda: self.cases.clock(),
                                  self.cases.due_soon_window)
        self.disposisi = DisposisiService(self.cases, self.users)  # disposisi, Ambil/Lepas, sifat
        self.backups = BackupService(self)  # create, list, verify, restore; the folder
        if seed:
            # one write transaction: two processes starting on a new file seed it once
            try:
                with self.db.atomic():
                    if not dbm.is_sqlite(self.db):  # SQLite's BEGIN IMMEDIATE already serialises
                        self.db.execute_sql("SELECT pg_advisory_xact_lock(%s)",
                                            (migrations.PG_SEED_LOCK,))
                    self.positions.seed_defaults()
                    self.sops.seed_bundled()
            except Exception as exc:
                self._raise_if_disk_full(exc)
                raise

    @cached_property
    def letters(self) -> LetterService:
        """The one letter service over these services, built on first use (the import is
        deferred on purpose: letters pull in reportlab, which start-up never needs)."""
        # deferred: the letters pull in reportlab, which start-up never needs
        from sop_desktop.letters.service import LetterService

        return LetterService.from_services(self)

    def read_setting(self, setting: SettingKey[T]) -> T:
        """An office setting (sop_desktop.settings) of this database, or its default."""
        return dbm.read_setting(setting)

    def write_setting(self, setting: SettingKey[T], value: T) -> None:
        """Store an office setting (sop_desktop.settings) in this database."""
        dbm.write_setting(setting, value)

    def open_watcher(self) -> Watcher:
        """The cheap poll of other connections' changes (NOTIFY on PostgreSQL, data_version on
        SQLite); a SopError when it cannot be opened."""
        return open_watcher(self.db)

    @staticmethod
    def close_thread_connection() -> None:
        """Close the database connection the calling (worker) thread opened, if it opened one;
        peewee keeps one connection per thread, so other threads' stay open. Never raises."""
        try:
            if dbm.database.obj is not None and not dbm.database.is_closed():
                dbm.database.close()
        except Exception:  # noqa: BLE001 - a connection that will not close must not hide a result
            pass

    def _disk_full(self, exc: Exception) -> diskspace.DiskFull | None:
        """"Disk penuh: kosongkan N MB di ..." when `exc` comes from a full disk, else None."""
        if self.sqlite_path is None or isinstance(exc, SopError):
            return None
        return diskspace.as_disk_full(exc, self.sqlite_path.parent)

    def _raise_if_disk_full(self, exc: Exception) -> None:
        full = self._disk_full(exc)
        if full is not None:
            raise full from None

    def _check_before_first_write(self) -> None:
        """PRAGMA quick_check of the whole file before this process first writes to it: a
        file with damaged interior pages is refused, naming the newest good backup."""
        path = self.sqlite_path
        if path is None:  # PostgreSQL: nothing to check on this PC
            return
        result = startup_check(path)
        if result.kind == "disk_full":
            raise diskspace.DiskFull(path.parent, diskspace.WORK_ROOM)
        if not result.ok:
            raise DamagedDatabase(result)

    def close(self, *, anchor: str | None = None) -> None:
        """Close the database (remembering a SQLite file's state first); `anchor` (e.g.
        "tutup" when the app closes) writes the chain's anchor before (only when it moved)."""
        if not self.db.is_closed():
            if anchor is not None:
                # deferred on purpose: the anchor log is only written when the app closes
                from sop_desktop.storage.anchors import write_anchor

                write_anchor(anchor, self.db)
            if self.sqlite_path is not None:
                self._remember_state()
            self.db.close()

    def _remember_state(self) -> None:
        """Note the case count and chain head in the data folder (sop_desktop.storage.known_state)."""
        if self.sqlite_path is None:
            return
        try:
            facts = known_state.counts(self.db.connection())
        except Exception:  # noqa: BLE001 - a closing session never fails on a memo
            return
        known_state.remember(self.sqlite_path, facts)

    def __enter__(self) -> Services:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
