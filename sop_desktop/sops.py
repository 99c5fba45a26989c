"""The SOP library in the database: versioned definitions, seeded from the bundled files."""

from __future__ import annotations

import re

import peewee as pw

from sop_desktop import db as dbm
from sop_desktop.errors import NotFound
from sop_desktop.library import load_bundled
from sop_desktop.model import DEFAULT_FIELDS, SopDefinition
from sop_desktop.positions import normalize_name


def make_code(name: str, taken: set[str]) -> str:
    """A short unique code from an SOP name ("Penyusunan Pagu Anggaran" -> "PENYUSUNAN-PAGU-ANGGARAN")."""
    words = re.sub(r"[^A-Za-z0-9 ]", " ", name).upper().split()
    skip = {"SOP", "SOPAP", "STANDAR", "STANDART", "OPERASIONAL", "OPERATIONAL", "PROSEDUR",
            "KEGIATAN", "DAN", "DI", "DALAM", "YANG", "UNTUK", "MELALUI", "LINGKUNGAN"}
    base = "-".join([w for w in words if w not in skip][:4]) or "SOP"
    code, n = base, 2
    while code in taken:
        code, n = f"{base}-{n}", n + 1
    return code


def _comparable(defn: SopDefinition) -> dict:
    data = defn.to_dict()
    for key in ("code", "version", "source", "warnings"):
        data.pop(key, None)
    return data


class SopService:
    """Read and import SOP versions; a case keeps the version it started with."""

    def seed_bundled(self) -> int:
        """Store the bundled SOPs that the database does not have yet; returns how many."""
        added = 0
        existing = {row.code for row in dbm.SopVersion.select(dbm.SopVersion.code)}
        with dbm.database.atomic():
            for defn in load_bundled():
                if defn.code not in existing:
                    self._store(defn, 1)
                    added += 1
        return added

    def _store(self, defn: SopDefinition, version: int) -> SopDefinition:
        defn.version = version
        if not defn.fields:
            defn.fields = list(DEFAULT_FIELDS)
        dbm.SopVersion.create(code=defn.code, version=version, name=defn.name,
                              definition=defn.to_dict(), source=defn.source)
        return defn

    def codes(self) -> list[str]:
        rows = dbm.SopVersion.select(dbm.SopVersion.code).distinct().order_by(dbm.SopVersion.code)
        return [r.code for r in rows]

    def latest_all(self) -> list[SopDefinition]:
        """The newest version of every SOP, sorted by code."""
        sub = (dbm.SopVersion.select(dbm.SopVersion.code,
                                     pw.fn.MAX(dbm.SopVersion.version).alias("v"))
               .group_by(dbm.SopVersion.code))
        query = (dbm.SopVersion.select()
                 .join(sub, on=((dbm.SopVersion.code == sub.c.code) & (dbm.SopVersion.version == sub.c.v)))
                 .order_by(dbm.SopVersion.code))
        return [self._defn(row) for row in query]

    def get(self, code: str, version: int | None = None) -> SopDefinition:
        query = dbm.SopVersion.select().where(dbm.SopVersion.code == code)
        if version is not None:
            query = query.where(dbm.SopVersion.version == version)
        row = query.order_by(dbm.SopVersion.version.desc()).first()
        if row is None:
            what = f"SOP '{code}'" + (f" versi {version}" if version is not None else "")
            raise NotFound(f"{what} tidak ditemukan (lihat: sop-desktop sop list)")
        return self._defn(row)

    def versions(self, code: str) -> list[int]:
        rows = dbm.SopVersion.select(dbm.SopVersion.version).where(dbm.SopVersion.code == code)
        return sorted(r.version for r in rows)

    @staticmethod
    def _defn(row) -> SopDefinition:
        defn = SopDefinition.from_dict(row.definition)
        defn.code, defn.version = row.code, row.version
        return defn

    def find_existing(self, defn: SopDefinition) -> str | None:
        """The code of the SOP an imported definition revises: same nomor and name, or same name."""
        key_name = normalize_name(defn.name)
        for other in self.latest_all():
            if normalize_name(other.name) == key_name and (
                    not defn.nomor or not other.nomor or
                    normalize_name(defn.nomor) == normalize_name(other.nomor)):
                return other.code
        return None

    def save_import(self, defn: SopDefinition, code: str | None = None) -> tuple[SopDefinition, bool]:
        """Store an imported SOP: a new SOP, or a new version of the one it revises.

        Returns (stored definition, created). An identical re-import stores nothing.
        """
        with dbm.database.atomic():
            code = code or defn.code or self.find_existing(defn)
            if code and code in self.codes():
                current = self.get(code)
                if _comparable(current) == _comparable(defn):
                    return current, False
                defn.code = code
                return self._store(defn, current.version + 1), True
            defn.code = code or make_code(defn.name, set(self.codes()))
            return self._store(defn, 1), True
