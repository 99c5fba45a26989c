"""The SOP library in the database: versioned definitions, seeded from the bundled files."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

import peewee as pw

from sop_desktop.domain.record import Record
from sop_desktop.errors import NotFound
from sop_desktop.importers.bundled import bundled_files
from sop_desktop.services.changes import Changes, Outcome
from sop_desktop.services.positions import normalize_name
from sop_desktop.storage import db as dbm

if TYPE_CHECKING:
    from sop_desktop.domain.model import SopDefinition

# The SOP model (domain.model, waktu) and the library reader are imported where a definition is
# built, not at start: the first screen reads only `summaries` (start-up, issue 19).


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
            # only a file whose code is not stored yet is parsed (every start: issue 19)
            for path, code in bundled_files():
                if code is not None and code in existing:
                    continue
                from sop_desktop.importers.library import load  # deferred: see the top

                defn = load(path)
                if defn.code not in existing:
                    self._store(defn, 1)
                    existing.add(defn.code)
                    added += 1
        return added

    def _store(self, defn: SopDefinition, version: int) -> SopDefinition:
        from sop_desktop.domain.model import DEFAULT_FIELDS  # deferred: see the top

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

    def summaries(self) -> list[SopSummary]:
        """Code, name and step names of every SOP's newest version, sorted by code: the stored
        columns and the steps' names picked from the stored JSON, without building the
        definitions (the inbox's SOP filter at start, issue 19)."""
        # one raw statement, the JSON parsed here: no query built and no model rows (~1 ms)
        table = dbm.SopVersion._meta.table_name
        rows = dbm.database.execute_sql(
            f'SELECT v."code", v."name", v."definition" FROM "{table}" AS v '
            f'JOIN (SELECT "code", MAX("version") AS "v" FROM "{table}" GROUP BY "code") AS m '
            'ON v."code" = m."code" AND v."version" = m."v" ORDER BY v."code"').fetchall()
        parse = dbm.SopVersion.definition.python_value
        return [SopSummary(code, name,
                           {int(step["number"]): str(step.get("kegiatan", ""))
                            for step in (parse(definition) or {}).get("steps") or []})
                for code, name, definition in rows]

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
    def _defn(row: dbm.SopVersion) -> SopDefinition:
        """A stored version as a definition carrying its code and version."""
        from sop_desktop.domain.model import SopDefinition  # deferred: see the top

        defn = SopDefinition.from_dict(row.definition)
        defn.code, defn.version = row.code, row.version
        return defn

    def find_existing(self, defn: SopDefinition) -> str | None:
        """The code of the SOP an imported definition revises, or None (see `match_existing`)."""
        return self.match_existing(defn).code

    def match_existing(self, defn: SopDefinition) -> Match:
        """Which stored SOP an imported definition revises, and why; never a guess.

        Same nomor and a related name; or, when either nomor is missing, a near-identical name
        (printed and curated names differ: "DI LINGKUNGAN ...", "(Yankomas)", "HAK ASASI MANUSIA"
        / "HAM") from the same office, telling look-alikes apart by their steps. Two SOPs may
        share a nomor and two offices may use the same name, so anything doubtful is a new SOP
        with a warning naming the look-alike.
        """
        return match_existing(defn, self.latest_all())

    def save_import(self, defn: SopDefinition, code: str | None = None, *,
                    new: bool = False) -> Outcome[SavedSop]:
        """Store an imported SOP (one transaction): a new SOP, or a new version of the one it revises.

        `code` makes it a new version of that SOP (or a new SOP with that code), `new` forces a
        new SOP. The value is (stored definition, created); an identical re-import stores
        nothing and changes nothing. What the matching could not decide is added to the stored
        definition's warnings.
        """
        saved, created = self._save_import(defn, code, new=new)
        return Outcome(SavedSop(saved, created), Changes(sops=created))

    def _save_import(self, defn: SopDefinition, code: str | None, *,
                     new: bool) -> tuple[SopDefinition, bool]:
        """See save_import: (stored definition, created)."""
        with dbm.database.atomic():
            if code:
                defn.code = code
            elif not new:
                if defn.code:  # a library file names its SOP
                    code = defn.code
                else:
                    found = self.match_existing(defn)
                    code = found.code
                    defn.warnings.extend(w for w in found.warnings if w not in defn.warnings)
            if new:
                code = None
                defn.code = ""
            if code and code in self.codes():
                current = self.get(code)
                _inherit(defn, current)
                if _comparable(current) == _comparable(defn):
                    return current, False
                defn.code = code
                return self._store(defn, current.version + 1), True
            defn.code = make_code(defn.name, set(self.codes())) if new or not defn.code or \
                defn.code in self.codes() else defn.code
            return self._store(defn, 1), True


class SopSummary(NamedTuple):
    """An SOP's newest version in short: for lists and filters that show names only."""

    code: str
    name: str
    steps: dict[int, str]  # step number -> kegiatan


class SavedSop(NamedTuple):
    """An imported SOP as stored, and whether a version was created (False: identical)."""

    definition: SopDefinition
    created: bool


def _inherit(defn: SopDefinition, current: SopDefinition) -> None:
    """What a printed table does not carry comes from the version it revises: the intake
    fields, and the office position of every lane that keeps its name."""
    if not defn.fields:
        defn.fields = list(current.fields)
    positions = {normalize_name(lane.name): lane.position for lane in current.lanes}
    for lane in defn.lanes:
        if lane.position is None:
            lane.position = positions.get(normalize_name(lane.name))


# ---------------------------------------------------------------- matching an import


_NAME_STOP = {"sop", "sopap", "standar", "standart", "operasional", "prosedur", "kegiatan", "dan",
              "di", "ke", "dari", "yang", "untuk", "pada", "melalui", "and", "the", "of", "tentang",
              "dalam", "serta", "atau", "bagi", "oleh"}


class Match(Record):
    """The result of matching an imported SOP against the library."""

    __slots__ = ("code", "reason", "warnings")
    code: str | None
    reason: str
    warnings: list[str]

    def __init__(self, code: str | None = None, reason: str = "",
                 warnings: list[str] | None = None) -> None:
        self.code, self.reason = code, reason
        self.warnings = warnings if warnings is not None else []


def name_words(name: str) -> set[str]:
    """The words that identify an SOP by name: office suffix ("di lingkungan ..."), filler
    words and case dropped, "hak asasi manusia" read as "ham", bracketed words kept."""
    text = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode().lower()
    text = re.sub(r"\bdi\s+lingkungan\b.*$", " ", text)
    text = re.sub(r"\bhak\s+asasi\s+manusia\b", "ham", text)
    return {w for w in re.findall(r"[a-z0-9]+", text) if w not in _NAME_STOP}


def name_similarity(a: str, b: str) -> float:
    """1.0 for the same name; high when one name holds all the words of the other (printed
    "... MELALUI SISTEM INFORMASI ... (SIGAP-SUMSEL)" and curated "... melalui SIGAP-SUMSEL")."""
    wa, wb = name_words(a), name_words(b)
    if not wa or not wb:
        return 0.0
    common = len(wa & wb)
    jaccard = common / len(wa | wb)
    contained = common / min(len(wa), len(wb)) if min(len(wa), len(wb)) >= 3 else 0.0
    return max(jaccard, 0.9 * contained)


def _words(texts: Iterable[str]) -> set[str]:
    """The words of four letters or more in the texts, lower case."""
    return set(re.findall(r"[a-z]{4,}", " ".join(texts).lower()))


def _jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def _same_office(a: SopDefinition, b: SopDefinition) -> bool:
    """False only when both identity pages name their offices and the offices differ."""
    ha, hb = _words(a.identity.hierarchy), _words(b.identity.hierarchy)
    if not ha or not hb:
        return True
    return _jaccard(ha, hb) >= 0.5


def match_existing(defn: SopDefinition, library: list[SopDefinition]) -> Match:
    """See SopService.match_existing."""
    nomor = normalize_name(defn.nomor)
    steps = _words(s.kegiatan for s in defn.steps)
    same_nomor, by_name, other_nomor = [], [], []
    for other in library:
        sim = name_similarity(defn.name, other.name)
        theirs = normalize_name(other.nomor)
        struct = _jaccard(steps, _words(s.kegiatan for s in other.steps))
        if nomor and theirs and nomor == theirs:
            if sim >= 0.5:
                same_nomor.append((sim, struct, other))
        elif sim >= 0.8:
            if nomor and theirs:
                other_nomor.append((sim, struct, other))
            elif _same_office(defn, other):
                by_name.append((sim, struct, other))
    out = Match()
    for _, _, other in other_nomor:
        out.warnings.append(f"nama mirip SOP {other.code} '{other.name}' tetapi nomornya berbeda "
                            f"({other.nomor} / {defn.nomor}); disimpan sebagai SOP baru (pakai "
                            f"--code {other.code} bila ini revisinya)")
    if len(same_nomor) > 1:  # one nomor on two SOPs: the name decides, if it clearly does
        close = [c for c in same_nomor if c[0] >= 0.8]
        same_nomor = close if len(close) == 1 else same_nomor
    if len(same_nomor) == 1:
        other = same_nomor[0][2]
        return Match(other.code, f"nomor sama ({other.nomor}) dan nama mirip")
    if len(same_nomor) > 1:
        names = ", ".join(f"{c[2].code}" for c in same_nomor)
        out.warnings.append(f"nomor {defn.nomor} dipakai beberapa SOP ({names}) dan nama tidak "
                            "menentukan; disimpan sebagai SOP baru (pakai --code untuk "
                            "menjadikannya versi baru SOP tertentu)")
        return out
    if by_name:
        by_name.sort(key=lambda c: (c[0] + c[1]), reverse=True)
        best = by_name[0]
        runner = by_name[1] if len(by_name) > 1 else None
        if runner is None or (best[1] >= 0.4 and best[1] - runner[1] >= 0.2):
            other = best[2]
            return Match(other.code, f"nama sama/mirip dengan '{other.name}'")
        names = ", ".join(f"{c[2].code} '{c[2].name}'" for c in by_name)
        out.warnings.append(f"nama mirip beberapa SOP ({names}); disimpan sebagai SOP baru (pakai "
                            "--code untuk menjadikannya versi baru SOP tertentu)")
        return out
    return out
