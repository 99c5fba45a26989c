"""The office profile: who this office is, printed on every letterhead (kop surat) and report.

Stored as the Setting "office_profile" (a JSON object); `load()` gives defaults for anything an
office has not filled in yet, so a fresh install still prints a sensible (if generic) kop.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from pathlib import Path

from sop_desktop import db as dbm
from sop_desktop.errors import ValidationError
from sop_desktop.paths import resources_dir

SETTING_KEY = "office_profile"

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
}


def default_logo_path() -> Path:
    """The neutral logo shipped with the app (drawn by resources/logo/make_default_logo.py)."""
    return resources_dir() / "logo" / "logo-default.png"


@dataclass
class OfficeProfile:
    """The identity of the office as printed in the kop surat; empty strings are left out."""

    kementerian: str = "KEMENTERIAN / LEMBAGA"
    kantor: str = "NAMA KANTOR"
    unit: str = ""
    alamat: str = ""
    kota: str = ""
    telepon: str = ""
    laman: str = ""
    email: str = ""
    logo_path: str = ""  # empty: the bundled neutral logo

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict | None) -> "OfficeProfile":
        data = data or {}
        known = {f.name: str(data[f.name]) for f in fields(cls)
                 if f.name in data and data[f.name] is not None}
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

    def with_changes(self, changes: dict[str, str]) -> "OfficeProfile":
        """A copy with some fields changed; an unknown field name is a clear error."""
        names = {f.name for f in fields(self)}
        for key in changes:
            if key not in names:
                raise ValidationError(
                    f"Isian profil kantor '{key}' tidak dikenal; yang dikenal: {', '.join(sorted(names))}")
        data = self.to_dict()
        data.update({k: str(v) for k, v in changes.items()})
        return OfficeProfile(**data)


def load() -> OfficeProfile:
    """The stored profile (defaults for what is missing). Needs an open database."""
    return OfficeProfile.from_dict(dbm.get_setting(SETTING_KEY) or {})


def save(profile: OfficeProfile) -> None:
    """Store the whole profile (one transaction)."""
    if profile.logo_path and not Path(profile.logo_path).expanduser().is_file():
        raise ValidationError(f"Berkas logo '{profile.logo_path}' tidak ditemukan.")
    dbm.set_setting(SETTING_KEY, profile.to_dict())
