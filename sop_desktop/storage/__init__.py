"""Storage: the database, migrations, backups, the history chain and its checks."""
