"""Storage: the database, migrations, backups, the history chain and its checks."""

from sop_desktop.storage.pg_driver import import_peewee

# before any storage module imports peewee: without psycopg2 until a PostgreSQL target is
# opened (storage.db.make_database attaches it), so a start on SQLite does not load it
import_peewee()
