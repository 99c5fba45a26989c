"""The working-day calendar's settings as stored in the database (the domain calendar itself
knows nothing of storage: its settings are passed in)."""

from __future__ import annotations

from sop_desktop.domain.calendar import CalendarSettings
from sop_desktop.settings import CALENDAR
from sop_desktop.storage import db as dbm


def load_calendar_settings() -> CalendarSettings:
    """The settings stored in the bound database; defaults when unset or nothing is bound."""
    if dbm.database.obj is None:
        return CalendarSettings()
    return CalendarSettings.from_dict(dbm.read_setting(CALENDAR))


def save_calendar_settings(settings: CalendarSettings) -> None:
    dbm.write_setting(CALENDAR, settings.to_dict())
