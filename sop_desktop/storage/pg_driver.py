"""peewee without psycopg2 until a PostgreSQL database is made (start-up on SQLite, issue 19).

peewee imports psycopg2 (and with it libpq and ssl) at its own import whenever the driver is
installed: tens of milliseconds of every start, also on SQLite. `import_peewee` (run by the
sop_desktop.storage package before any of its modules) imports peewee with psycopg2 hidden;
`attach_psycopg2` (run by storage.db.make_database for a postgresql:// target) gives peewee
the driver then, as its own import would have: the module names it reads at connect time, the
transaction constants of its psycopg2 adapter, and psycopg2's UUID adapter registered.
"""

from __future__ import annotations

import sys
from types import ModuleType


def import_peewee() -> ModuleType:
    """peewee, imported now without psycopg2 unless either is already loaded."""
    if "peewee" not in sys.modules and "psycopg2" not in sys.modules:
        sys.modules["psycopg2"] = None  # type: ignore[assignment]  # "import psycopg2" fails
        try:
            import peewee  # noqa: F401
        finally:
            if sys.modules.get("psycopg2", False) is None:  # psycopg2cffi may have put itself there
                del sys.modules["psycopg2"]
    import peewee

    return peewee


def attach_psycopg2() -> None:
    """Give peewee the psycopg2 driver if it was imported without it (ImportError when the
    driver is not installed)."""
    import peewee as pw

    if getattr(pw, "psycopg2", None) is not None:
        return
    import psycopg2
    from psycopg2 import extensions, extras

    extras.register_uuid()
    names = {"psycopg2": psycopg2, "pg_extensions": extensions, "pg_register_uuid":
             extras.register_uuid, "Json_pg2": extras.Json, "pg_errors": psycopg2.errors}
    for name, value in names.items():  # the names peewee 3.17 to 4 bind on that import
        setattr(pw, name, value)
    adapter = getattr(pw, "Psycopg2Adapter", None)  # peewee 4: the driver's constants
    if adapter is not None:
        adapter.txn_idle = extensions.TRANSACTION_STATUS_IDLE
        adapter.txn_inerror = extensions.TRANSACTION_STATUS_INERROR
        adapter.txn_unknown = extensions.TRANSACTION_STATUS_UNKNOWN
