"""The core services wired together over one database; the UI and the CLI both start here."""

from __future__ import annotations

from sop_desktop import db as dbm
from sop_desktop import migrations
from sop_desktop.attachments import AttachmentService, AttachmentStore, store_dir_for
from sop_desktop.backup import check_before_open
from sop_desktop.inbox import InboxService
from sop_desktop.paths import database_target
from sop_desktop.positions import PositionService
from sop_desktop.sops import SopService
from sop_desktop.users import UserService
from sop_desktop.workflow import CaseService


class Services:
    """Open the database, migrate it, seed the bundled library and positions."""

    def __init__(self, target: str | None = None, *, seed: bool = True, clock=None):
        self.target = database_target(target)
        self.db = dbm.make_database(self.target)  # refuses a network path before any read
        # a damaged, foreign or newer-schema SQLite file is refused (naming the newest good
        # backup) before anything writes to it; light: the full quick_check only runs when a
        # migration is pending (the window runs the full start-up check itself, first)
        check_before_open(self.target, light=True)
        dbm.database.initialize(self.db)
        try:
            self.db.connect(reuse_if_open=True)
        except Exception as exc:
            raise dbm.DatabaseError(f"Basis data {self.target} tidak dapat dibuka: {exc}") from None
        migrations.migrate(self.db)
        self.positions = PositionService()
        self.sops = SopService()
        self.users = UserService(self.positions)
        self.attachments = AttachmentService(AttachmentStore(store_dir_for(self.target)))
        self.cases = CaseService(self.sops, self.positions, self.users, self.attachments, clock)
        # the inbox follows the case engine's clock, even when a caller replaces it later
        self.inbox = InboxService(self.positions, self.users, lambda: self.cases.clock(),
                                  self.cases.due_soon_window)
        if seed:
            # one write transaction: two processes starting on a new file seed it once
            with self.db.atomic():
                if not dbm.is_sqlite(self.db):  # SQLite's BEGIN IMMEDIATE already serialises
                    self.db.execute_sql("SELECT pg_advisory_xact_lock(%s)",
                                        (migrations.PG_SEED_LOCK,))
                self.positions.seed_defaults()
                self.sops.seed_bundled()

    def close(self) -> None:
        if not self.db.is_closed():
            self.db.close()

    def __enter__(self) -> "Services":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
