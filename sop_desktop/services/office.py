"""The office profile: who this office is, printed on every letterhead (kop surat) and report.

Stored as the Setting OFFICE_PROFILE (sop_desktop.settings) (a JSON object); `load()` gives defaults for anything an
office has not filled in yet, so a fresh install still prints a sensible (if generic) kop.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sop_desktop.domain.record import Record
from sop_desktop.errors import ValidationError
from sop_desktop.paths import resources_dir
from sop_desktop.services.changes import Changes
from sop_desktop.settings import OFFICE_PROFILE
from sop_desktop.storage import db as dbm

# Before this date no office used SOP AP (Permenpan RB 35/2012): the default start date, so a
# mistyped year (1990 for 2019) is refused until the office sets its own start date.
DEFAULT_START_DATE = "2012-01-01"
# Allowed clock difference between PCs: an event time may lie this far in the future.
CLOCK_ALLOWANCE = dt.timedelta(minutes=2)

LABELS = {
    "kementerian": "Kementerian / lembaga",
    "kantor": "Nama kantor",
    "unit": "Unit / satuan kerja",
    "alamat": "Alamat",
    "kota": "Kota (tempat penandatanganan surat)",
    "telepon": "Telepon",
    "laman": "Laman",
    "email": "Surel",
    "logo_path": "Berkas logo (PNG/JPG)",
    "tanggal_mulai": "Tanggal mulai (kejadian dan surat sebelum tanggal ini ditolak)",
}


def default_logo_path() -> Path:
    """The neutral logo shipped with the app (drawn by resources/logo/make_default_logo.py)."""
    return resources_dir() / "logo" / "logo-default.png"


class OfficeProfile(Record):
    """The identity of the office as printed in the kop surat; empty strings are left out.
    (A plain class, not a dataclass: start-up, issue 19.)"""

    __slots__ = ("kementerian", "kantor", "unit", "alamat", "kota", "telepon", "laman", "email",
                 "logo_path", "tanggal_mulai")
    kementerian: str
    kantor: str
    unit: str
    alamat: str
    kota: str
    telepon: str
    laman: str
    email: str
    logo_path: str  # empty: the bundled neutral logo
    tanggal_mulai: str  # ISO date: the office's start date in this app

    def __init__(self, kementerian: str = "KEMENTERIAN / LEMBAGA", kantor: str = "NAMA KANTOR",
                 unit: str = "", alamat: str = "", kota: str = "", telepon: str = "",
                 laman: str = "", email: str = "", logo_path: str = "",
                 tanggal_mulai: str = DEFAULT_START_DATE) -> None:
        self.kementerian, self.kantor, self.unit, self.alamat = kementerian, kantor, unit, alamat
        self.kota, self.telepon, self.laman, self.email = kota, telepon, laman, email
        self.logo_path, self.tanggal_mulai = logo_path, tanggal_mulai

    def to_dict(self) -> dict:
        return {name: getattr(self, name) for name in self.field_names()}

    @classmethod
    def from_dict(cls, data: dict | None) -> OfficeProfile:
        data = data or {}
        known = {name: str(data[name]) for name in cls.field_names()
                 if name in data and data[name] is not None}
        return cls(**known)

    def logo_file(self) -> Path | None:
        """The logo to draw: the office's own if it exists, else the bundled one (or None)."""
        if self.logo_path:
            path = Path(self.logo_path).expanduser()
            if path.is_file():
                return path
        path = default_logo_path()
        return path if path.is_file() else None

    def contact_line(self) -> str:
        """'Telepon (0711) 123; Laman www...; Surel ...' — the small line under the address."""
        parts = []
        if self.telepon:
            parts.append(f"Telepon {self.telepon}")
        if self.laman:
            parts.append(f"Laman {self.laman}")
        if self.email:
            parts.append(f"Surel {self.email}")
        return "; ".join(parts)

    def is_unset(self) -> bool:
        """True while the office has not named itself yet (the kop prints the placeholders)."""
        blank = OfficeProfile()
        return self.kantor.strip() in ("", blank.kantor) and \
            self.kementerian.strip() in ("", blank.kementerian)

    def with_changes(self, changes: dict[str, str]) -> OfficeProfile:
        """A copy with some fields changed; an unknown field name is a clear error."""
        names = set(self.field_names())
        for key in changes:
            if key not in names:
                raise ValidationError(
                    f"Isian profil kantor '{key}' tidak dikenal; yang dikenal: {', '.join(sorted(names))}")
        data = self.to_dict()
        data.update({k: str(v) for k, v in changes.items()})
        profile = OfficeProfile(**data)
        profile.start_date()  # a bad date is refused here, naming the field
        return profile

    def start_date(self) -> dt.date:
        """The office's start date: no case, step or letter may be dated before it."""
        text = (self.tanggal_mulai or "").strip() or DEFAULT_START_DATE
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            raise ValidationError(f"Tanggal mulai kantor '{text}' tidak valid: tulis "
                                  "TTTT-BB-HH, misalnya 2024-01-02") from None


def load() -> OfficeProfile:
    """The stored profile (defaults for what is missing). Needs an open database."""
    return OfficeProfile.from_dict(dbm.read_setting(OFFICE_PROFILE) or {})


def save(profile: OfficeProfile) -> Changes:
    """Store the whole profile (one transaction)."""
    if profile.logo_path and not Path(profile.logo_path).expanduser().is_file():
        raise ValidationError(f"Berkas logo '{profile.logo_path}' tidak ditemukan.")
    profile.start_date()
    dbm.write_setting(OFFICE_PROFILE, profile.to_dict())
    return Changes(office=True)


def _stamp(value: dt.datetime | dt.date) -> str:
    if isinstance(value, dt.datetime):
        return value.replace(microsecond=0).isoformat(" ")
    return value.isoformat()


def check_event_time(at: dt.datetime | dt.date, now: dt.datetime, *,
                     what: str = "Waktu kejadian") -> None:
    """Refuse a time (or date) of an event that the office cannot have recorded: before the
    office's start date, or later than `now` plus the clock allowance between PCs. The one
    bound every event-time input goes through (case times, letter dates)."""
    start = load().start_date()
    day = at.date() if isinstance(at, dt.datetime) else at
    if day < start:
        raise ValidationError(
            f"{what} {_stamp(at)} sebelum tanggal mulai kantor ({start.isoformat()}); periksa "
            "tahunnya, atau ubah tanggal mulai di profil kantor")
    limit = now + CLOCK_ALLOWANCE
    late = at > limit if isinstance(at, dt.datetime) else at > limit.date()
    if late:
        raise ValidationError(f"{what} {_stamp(at)} tidak boleh di masa depan "
                              f"(sekarang {_stamp(now)})")
