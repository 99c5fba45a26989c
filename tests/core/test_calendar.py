"""Working-day calendar: office hours, Indonesian holidays and cuti bersama, due times."""

from __future__ import annotations

import datetime as dt

import pytest

from sop_desktop.domain.calendar import CalendarSettings, WorkCalendar
from sop_desktop.domain.waktu import parse_waktu
from sop_desktop.settings import CALENDAR
from sop_desktop.storage.calendar_settings import load_calendar_settings, save_calendar_settings

D = dt.date
T = dt.datetime


def w(text):
    return parse_waktu(text)


@pytest.fixture
def cal():
    return WorkCalendar()


def test_2026_march_holidays_follow_the_official_skb(cal):
    # SKB 3 Menteri on 2026 holidays: Nyepi Thu 19 March, Idul Fitri Sat–Sun 21–22 March; cuti
    # bersama Wed 18 (Nyepi), Fri 20, Mon 23, Tue 24 March (Idul Fitri).
    march = {d: n for d, n in cal.holidays_in(2026).items() if d.month == 3}
    print(march)
    assert set(march) == {D(2026, 3, d) for d in (18, 19, 20, 21, 22, 23, 24)}
    assert "Nyepi" in march[D(2026, 3, 19)]
    assert "Cuti Bersama" in march[D(2026, 3, 18)]
    assert "Cuti Bersama" in march[D(2026, 3, 23)]
    assert "Idul Fitri" in march[D(2026, 3, 21)]
    assert cal.is_working_day(D(2026, 3, 17))          # Tuesday before the holidays
    for day in (18, 19, 20, 21, 22, 23, 24):
        assert not cal.is_working_day(D(2026, 3, day)), day
    assert cal.is_working_day(D(2026, 3, 25))


def test_two_hari_across_nyepi_and_idul_fitri(cal):
    # Start Tue 17 March 2026 09:00. Closed: 18 (cuti Nyepi), 19 (Nyepi), 20 (cuti Idul Fitri),
    # 21–22 (weekend + Idul Fitri), 23, 24 (cuti Idul Fitri). Working day 1 = Wed 25,
    # working day 2 = Thu 26: due at the same clock time, 26 March 2026 09:00.
    start = T(2026, 3, 17, 9, 0)
    expected = T(2026, 3, 26, 9, 0)
    assert cal.due(start, w("2 hari")) == expected
    assert cal.due(start, w("2 hari kerja")) == expected
    # the elapsed working time between them is exactly two working days (Tue 09:00 -> Thu 09:00
    # with only Tue, Wed 25 and Thu open)
    assert cal.working_days_between(start, expected) == pytest.approx(2.0)


def test_hari_kerja_over_a_weekend(cal):
    # Thu 5 Feb 2026 10:00 + 2 hari kerja: Fri 6 (1), Sat/Sun skipped, Mon 9 (2).
    assert cal.due(T(2026, 2, 5, 10, 0), w("2 hari kerja")) == T(2026, 2, 9, 10, 0)


def test_hari_kerja_over_public_holiday_and_cuti_bersama(cal):
    # Fri 13 Feb 2026 11:00 + 1 hari kerja: Mon 16 Feb is cuti bersama Imlek, Tue 17 Feb is
    # Imlek (public holiday), so the first working day is Wed 18 Feb.
    assert cal.due(T(2026, 2, 13, 11, 0), w("1 hari kerja")) == T(2026, 2, 18, 11, 0)
    # Wed 13 May 2026 08:00 + 2 hari kerja: Thu 14 Kenaikan, Fri 15 cuti bersama, weekend,
    # Mon 18 (1), Tue 19 (2).
    assert cal.due(T(2026, 5, 13, 8, 0), w("2 HK")) == T(2026, 5, 19, 8, 0)


def test_hari_kerja_started_outside_hours_counts_from_next_opening(cal):
    # Sat 7 Feb 2026: next opening Mon 9 Feb 07:30; + 1 hari kerja = Tue 10 Feb 07:30.
    assert cal.due(T(2026, 2, 7, 13, 0), w("1 hari kerja")) == T(2026, 2, 10, 7, 30)
    # Mon 9 Feb 2026 17:00 (after closing): next opening Tue 07:30, +1 -> Wed 11 Feb 07:30.
    assert cal.due(T(2026, 2, 9, 17, 0), w("1 hari kerja")) == T(2026, 2, 11, 7, 30)


def test_hari_kerja_clock_time_kept_inside_shorter_day(cal):
    # Fri 6 Feb 2026 16:15 (Friday closes 16:30) + 1 hari kerja: Mon 9 Feb closes 16:00,
    # so the deadline is Monday's closing time.
    assert cal.due(T(2026, 2, 6, 16, 15), w("1 hari kerja")) == T(2026, 2, 9, 16, 0)


def test_menit_crossing_closing_time(cal):
    # Mon 9 Feb 2026 15:50 + 30 menit: 10 minutes until 16:00, 20 more from Tue 07:30.
    assert cal.due(T(2026, 2, 9, 15, 50), w("30 menit")) == T(2026, 2, 10, 7, 50)
    # ending exactly at closing time stays on that day
    assert cal.due(T(2026, 2, 9, 15, 30), w("30 menit")) == T(2026, 2, 9, 16, 0)


def test_jam_uses_fridays_longer_hours_and_crosses_weekend(cal):
    # Fri 6 Feb 2026 15:00 + 2 jam: Friday is open until 16:30 (90 min), 30 min remain from
    # Mon 9 Feb 07:30 -> 08:00.
    assert cal.due(T(2026, 2, 6, 15, 0), w("2 jam")) == T(2026, 2, 9, 8, 0)
    # The same on a Thursday (closes 16:00): 60 min on Thu, 60 min from Fri 07:30 -> 08:30.
    assert cal.due(T(2026, 2, 5, 15, 0), w("2 jam")) == T(2026, 2, 6, 8, 30)


def test_clock_units_start_at_next_opening_and_detik(cal):
    # Sun 8 Feb 2026 20:00 + 15 menit: Monday 07:30 + 15 min.
    assert cal.due(T(2026, 2, 8, 20, 0), w("15 menit")) == T(2026, 2, 9, 7, 45)
    # 07:00 before opening on a Monday + 90 detik = 07:31:30.
    assert cal.due(T(2026, 2, 9, 7, 0), w("90 detik")) == T(2026, 2, 9, 7, 31, 30)
    # a long jam standard spanning several days: Mon 9 Feb 07:30 + 17 jam (8.5 h per Mon–Thu)
    # = all of Monday and all of Tuesday -> Tue 16:00.
    assert cal.due(T(2026, 2, 9, 7, 30), w("17 jam")) == T(2026, 2, 10, 16, 0)


def test_range_uses_upper_bound(cal):
    # "1-3 hari kerja" from Mon 9 Feb 2026 09:00: deadline is the 3rd working day, Thu 12 Feb.
    assert cal.due(T(2026, 2, 9, 9, 0), w("1-3 hari kerja")) == T(2026, 2, 12, 9, 0)
    # "15-30 menit" from 10:00: 10:30.
    assert cal.due(T(2026, 2, 9, 10, 0), w("15-30 menit")) == T(2026, 2, 9, 10, 30)


def test_extra_holiday_added_and_holiday_removed():
    base = WorkCalendar()
    # Wed 11 Feb 2026 is a normal working day in the national calendar.
    assert base.is_working_day(D(2026, 2, 11))
    assert base.due(T(2026, 2, 10, 9, 0), w("1 hari kerja")) == T(2026, 2, 11, 9, 0)
    settings = CalendarSettings(extra_holidays={D(2026, 2, 11): "HUT Kabupaten"},
                                removed_holidays={D(2026, 3, 24)})
    cal = WorkCalendar(settings)
    assert not cal.is_working_day(D(2026, 2, 11))
    assert cal.holidays_in(2026)[D(2026, 2, 11)] == "HUT Kabupaten"
    assert cal.due(T(2026, 2, 10, 9, 0), w("1 hari kerja")) == T(2026, 2, 12, 9, 0)
    # 24 March cuti bersama removed by a new decree: it becomes a working day, so
    # "2 hari" from Tue 17 March 09:00 is due Wed 25 March (24 = day 1, 25 = day 2).
    assert cal.is_working_day(D(2026, 3, 24))
    assert D(2026, 3, 24) not in cal.holidays_in(2026)
    assert cal.due(T(2026, 3, 17, 9, 0), w("2 hari")) == T(2026, 3, 25, 9, 0)


def test_plain_hari_in_both_modes():
    start = T(2026, 2, 6, 10, 0)  # Friday
    # working days (default): Mon 9 (1), Tue 10 (2), Wed 11 (3)
    assert WorkCalendar().due(start, w("3 hari")) == T(2026, 2, 11, 10, 0)
    # calendar days: Fri + 3 = Mon 9 Feb, weekends counted
    kal = WorkCalendar(CalendarSettings(plain_hari_mode="kalender"))
    assert kal.due(start, w("3 hari")) == T(2026, 2, 9, 10, 0)
    # "hari kerja" stays working days whatever the mode
    assert kal.due(start, w("3 hari kerja")) == T(2026, 2, 11, 10, 0)


def test_expected_finish_chains_steps_and_skips_missing_standards(cal):
    start = T(2026, 2, 9, 15, 0)  # Monday
    # 30 menit -> 15:30; None adds nothing; 1 jam -> 30 min Mon + 30 min Tue -> Tue 08:00;
    # 1 hari kerja -> Wed 11 Feb 08:00.
    steps = [w("30 menit"), None, w("1 jam"), w("1 hari kerja")]
    assert cal.expected_finish(start, steps) == T(2026, 2, 11, 8, 0)
    assert cal.expected_finish(start, [None, None]) == start


def test_working_minutes_and_days_between(cal):
    # Fri 6 Feb 2026 16:00 -> Mon 9 Feb 08:00: 30 min Friday + 30 min Monday.
    assert cal.working_minutes_between(T(2026, 2, 6, 16, 0), T(2026, 2, 9, 8, 0)) == 60
    assert cal.working_minutes_between(T(2026, 2, 9, 8, 0), T(2026, 2, 6, 16, 0)) == -60
    # a whole week Mon 07:30 -> Fri 16:30 is five working days (Fri longer, still one day)
    assert cal.working_days_between(T(2026, 2, 9, 7, 30), T(2026, 2, 13, 16, 30)) == pytest.approx(5)
    # half of a Monday (8.5 h) = 255 minutes
    assert cal.working_days_between(T(2026, 2, 9, 7, 30), T(2026, 2, 9, 11, 45)) == pytest.approx(0.5)
    # the Nyepi/Idul Fitri week counts nothing
    assert cal.working_minutes_between(T(2026, 3, 18, 0, 0), T(2026, 3, 25, 0, 0)) == 0


def test_settings_dict_round_trip_and_validation():
    settings = CalendarSettings(
        office_hours={4: (dt.time(8, 0), dt.time(11, 30)), 5: (dt.time(8, 0), dt.time(12, 0))},
        plain_hari_mode="kalender",
        extra_holidays={D(2026, 7, 1): "Hari Bhayangkara"},
        removed_holidays={D(2026, 12, 24)})
    again = CalendarSettings.from_dict(settings.to_dict())
    assert again == settings
    assert again.office_hours[0] == (dt.time(7, 30), dt.time(16, 0))  # untouched default
    with pytest.raises(ValueError):
        CalendarSettings(plain_hari_mode="minggu")
    with pytest.raises(ValueError):
        CalendarSettings(office_hours={0: (dt.time(16, 0), dt.time(8, 0))})


def test_office_hours_setting_changes_working_days():
    # an office open on Saturday 08:00–12:00: Fri 6 Feb 2026 + 1 hari kerja = Sat 7 Feb.
    settings = CalendarSettings(office_hours={5: (dt.time(8, 0), dt.time(12, 0))})
    cal = WorkCalendar(settings)
    assert cal.is_working_day(D(2026, 2, 7))
    assert cal.due(T(2026, 2, 6, 10, 0), w("1 hari kerja")) == T(2026, 2, 7, 10, 0)
    # Saturday closes 12:00, so Fri 16:00 + 1 hari kerja -> Sat 12:00
    assert cal.due(T(2026, 2, 6, 16, 0), w("1 hari kerja")) == T(2026, 2, 7, 12, 0)


def test_settings_round_trip_through_sqlite(services, db_path):
    from sop_desktop.storage import db as dbm

    assert load_calendar_settings() == CalendarSettings()  # unset -> defaults
    settings = CalendarSettings(plain_hari_mode="kalender",
                                extra_holidays={D(2026, 2, 11): "HUT Kabupaten"},
                                removed_holidays={D(2026, 3, 24)})
    save_calendar_settings(settings)
    services.close()
    # read back through a fresh connection on the same file
    from sop_desktop.services.container import Services

    with Services(str(db_path), seed=False):
        loaded = load_calendar_settings()
        assert dbm.read_setting(CALENDAR)["plain_hari_mode"] == "kalender"
    assert loaded == settings
    assert not WorkCalendar(loaded).is_working_day(D(2026, 2, 11))


def test_load_without_database_gives_defaults(monkeypatch):
    from sop_desktop.storage import db as dbm

    monkeypatch.setattr(dbm.database, "obj", None)
    assert load_calendar_settings() == CalendarSettings()
