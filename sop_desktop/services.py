"""The core services wired together over one database; the UI and the CLI both start here."""

from __future__ import annotations

from sop_desktop import db as dbm
from sop_desktop import migrations
from sop_desktop.paths import database_target
from sop_desktop.positions import PositionService
from sop_desktop.sops import SopService


class Services:
    """Open the database, migrate it, seed the bundled library and positions."""

    def __init__(self, target: str | None = None, *, seed: bool = True):
        self.target = database_target(target)
        self.db = dbm.make_database(self.target)
        dbm.database.initialize(self.db)
        try:
            self.db.connect(reuse_if_open=True)
        except Exception as exc:
            raise dbm.DatabaseError(f"Basis data {self.target} tidak dapat dibuka: {exc}") from None
        migrations.migrate(self.db)
        self.positions = PositionService()
        self.sops = SopService()
        if seed:
            self.positions.seed_defaults()
            self.sops.seed_bundled()

    def close(self) -> None:
        if not self.db.is_closed():
            self.db.close()

    def __enter__(self) -> "Services":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
