"""Every office setting (a row of the database's `setting` table) declared once: key, type, default.

Keys are dotted (`area.name`). Modules read and write a setting through its declaration
(sop_desktop.storage.db.read_setting / write_setting), never through a string of their own.
A key renamed when the naming was made one style keeps its old name in `formerly`; schema 7
(sop_desktop.storage.migrations) moved the stored rows. This module imports nothing of the
project, so every layer may use it. (The per-PC interface settings live in ui/settings.py.)
"""

from __future__ import annotations

import copy
from dataclasses import FrozenInstanceError
from typing import Any, Generic, TypeVar

T = TypeVar("T")
JsonObject = dict[str, Any]


class SettingKey(Generic[T]):
    """One setting: its key, the value it has when never written, and what it is for.
    Immutable, compared by its fields (a plain class, not a frozen dataclass: start-up, issue 19;
    this module imports nothing of the project, so not sop_desktop.domain.record)."""

    __slots__ = ("key", "default", "doc", "formerly")
    key: str
    default: T
    doc: str
    formerly: str | None  # the key before schema 7, if it was renamed then

    def __init__(self, key: str, default: T, doc: str, formerly: str | None = None) -> None:
        for name, value in zip(self.__slots__, (key, default, doc, formerly), strict=True):
            object.__setattr__(self, name, value)

    def _fields(self) -> tuple[Any, ...]:
        return (self.key, self.default, self.doc, self.formerly)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, SettingKey)
        return self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return (f"SettingKey(key={self.key!r}, default={self.default!r}, doc={self.doc!r}, "
                f"formerly={self.formerly!r})")

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        """copy, deepcopy and pickle rebuild it through `__init__` (its fields cannot be set)."""
        return type(self), self._fields()

    def fresh_default(self) -> T:
        """A copy of the default (a caller may change a dict or list it is given)."""
        return copy.deepcopy(self.default)


OFFICE_PROFILE: SettingKey[JsonObject] = SettingKey(
    "office.profile", {}, "The office profile: kop surat, address, logo (services.office).",
    formerly="office_profile")
CALENDAR: SettingKey[JsonObject | None] = SettingKey(
    "office.calendar", None, "Office hours and extra or removed holidays (domain.calendar).",
    formerly="calendar")
DUE_SOON_HOURS: SettingKey[float] = SettingKey(
    "inbox.due_soon_hours", 24, "How many hours before its due time a case counts as due soon.")
AGENDA_PATTERN: SettingKey[str] = SettingKey(
    "numbering.agenda", "{nomor:04d}/{kode}/{bulan_romawi}/{tahun}",
    "The agenda number pattern of new cases (services.numbering).")
AGENDA_CODES: SettingKey[dict[str, str]] = SettingKey(
    "numbering.kode", {}, "The short code of each SOP in agenda numbers: {sop_code: kode}.")
LETTER_NUMBERING: SettingKey[JsonObject | None] = SettingKey(
    "letters.numbering", None, "Letter number patterns and codes (letters.numbering).",
    formerly="letter_numbering")
REPORT_SIGNER: SettingKey[JsonObject | None] = SettingKey(
    "reports.signer", None, "Who signs printed registers and reports: {jabatan, nama, nip}.",
    formerly="report_signer")
BACKUP_FOLDER: SettingKey[str | None] = SettingKey(
    "backup.folder", None, "The folder backups go to (e.g. a USB disk); None: the default.")
DEMO_TRAINING: SettingKey[JsonObject | None] = SettingKey(
    "demo.training", None, "Set when this database holds demo data (a training database).")

ALL: tuple[SettingKey[Any], ...] = (
    OFFICE_PROFILE, CALENDAR, DUE_SOON_HOURS, AGENDA_PATTERN, AGENDA_CODES, LETTER_NUMBERING,
    REPORT_SIGNER, BACKUP_FOLDER, DEMO_TRAINING)
RENAMED: dict[str, str] = {s.formerly: s.key for s in ALL if s.formerly}  # old key -> key
