"""Users in tests: a clock the users service reads, moved by hand (the log-in slow-down is
tested without sleeping)."""

from __future__ import annotations

import datetime as dt


class FakeClock:
    """The users service's clock, moved by hand: the slow-down is tested without sleeping."""

    def __init__(self) -> None:
        self.now = dt.datetime(2026, 11, 21, 9, 0, 0)

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        """Move the clock `seconds` on."""
        self.now += dt.timedelta(seconds=seconds)
