"""Dialogs: administration, backups, letters, reports, password, office profile, set-up, manual."""
