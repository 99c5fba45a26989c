"""Reading and saving the office's working-day calendar (office hours, holidays) as services."""

from __future__ import annotations

from sop_desktop.domain.calendar import CalendarSettings
from sop_desktop.services.changes import Changes
from sop_desktop.storage.calendar_settings import load_calendar_settings, save_calendar_settings


def save_calendar(settings: CalendarSettings) -> Changes:
    """Store the calendar; every open case's due time may move with it."""
    save_calendar_settings(settings)
    return Changes(calendar=True, all_cases=True)


def load_calendar() -> CalendarSettings:
    """The office's stored calendar (office hours, extra and removed holidays)."""
    return load_calendar_settings()
