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


def make_user(svc, username: str, role: str, positions: list[str]):
    """A stored user holding `positions`, with a cheap password hash."""
    from sop_desktop.services.users import hash_password

    return svc.users.create(username, username.title(), "", role, positions=positions,
                            password_hash=hash_password("sandi-uji-1", n=2 ** 10))
