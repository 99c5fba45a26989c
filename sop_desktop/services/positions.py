"""Office positions (jabatan) and the lane names (aliases) that mean them.

Names are configuration: the defaults come from resources/positions.toml and are stored in the
database, where an administrator edits them.
"""

from __future__ import annotations

import contextlib
import re
import threading
import unicodedata
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from sop_desktop.domain.record import Record
from sop_desktop.errors import NotFound, ValidationError
from sop_desktop.paths import resources_dir
from sop_desktop.services.changes import Changes, Outcome
from sop_desktop.storage import db as dbm

if TYPE_CHECKING:  # annotations only: the SOP model loads where a definition is built (issue 19)
    from sop_desktop.domain.model import SopDefinition


def normalize_name(text: str) -> str:
    """Key for comparing lane names: case, punctuation and spacing ignored ("KAKAN WIL" == "Kakanwil")."""
    text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", text.lower())


class PositionInfo(Record):
    """A position with its aliases, whether it is an outside party, and the SOP lanes it holds."""

    __slots__ = ("name", "aliases", "external", "lanes")
    name: str
    aliases: list[str]
    external: bool
    lanes: list[dict]  # [{"sop": code, "lane": lane}]

    def __init__(self, name: str, aliases: list[str] | None = None, external: bool = False,
                 lanes: list[dict] | None = None) -> None:
        self.name = name
        self.aliases = aliases if aliases is not None else []
        self.external = external
        self.lanes = lanes if lanes is not None else []

    def to_dict(self) -> dict:
        return {"name": self.name, "aliases": list(self.aliases), "external": self.external,
                "lanes": list(self.lanes)}


def default_positions() -> list[PositionInfo]:
    """The bundled positions (resources/positions.toml) a new database starts with."""
    import tomllib  # deferred on purpose: read for a new database only, not at start (issue 19)

    path = resources_dir() / "positions.toml"
    if not path.exists():
        return []
    doc = tomllib.loads(path.read_text(encoding="utf-8"))
    return [PositionInfo(p["name"], list(p.get("aliases", [])), bool(p.get("external", False)))
            for p in doc.get("positions", [])]


class PositionService:
    """Positions and how SOP lanes map to them."""

    def __init__(self) -> None:
        self._pin = threading.local()  # per thread: the index pinned for one transaction

    @contextlib.contextmanager
    def pinned(self) -> Iterator[None]:
        """Inside: the positions are read once and that index kept, one transaction's view
        (a step transition asks for them twice: its own step and the next; issue 19)."""
        depth = self.pin()
        try:
            yield
        finally:
            self.unpin(depth)

    def pin(self) -> int:
        """Enter pinned() (for a caller's own context manager); returns what unpin() takes."""
        depth: int = getattr(self._pin, "depth", 0)
        if not depth:
            self._pin.index = None
        self._pin.depth = depth + 1
        return depth

    def unpin(self, depth: int) -> None:
        """Leave pinned(), entered by the pin() that returned `depth`."""
        self._pin.depth = depth
        if not depth:
            self._pin.index = None

    def seed_defaults(self) -> None:
        if dbm.Position.select().exists():
            return
        with dbm.database.atomic():
            for info in default_positions():
                dbm.Position.create(name=info.name, aliases=info.aliases, external=info.external)

    def all(self) -> list[dbm.Position]:
        return list(dbm.Position.select().order_by(dbm.Position.name))

    def get(self, name: str) -> dbm.Position:
        pos = self.resolve(name)
        if pos is None:
            raise NotFound(f"Jabatan '{name}' tidak dikenal")
        return pos

    def _index(self) -> dict[str, dbm.Position]:
        """{normalised name or alias: position}. Every step transition asks for it (issue 19):
        the rows are read with one prepared statement (peewee's query building cost more than
        the query) and the index is built again only when they differ from the last read;
        inside pinned(), read once."""
        pinned = getattr(self._pin, "index", None)
        if pinned is not None:
            return dict(pinned)
        rows = dbm.database.execute_sql(
            'SELECT "id", "name", "aliases", "external" FROM "position"').fetchall()
        cached = getattr(self, "_index_cache", None)
        index: dict[str, dbm.Position]
        if cached is not None and cached[0] == rows:
            index = cached[1]
        else:
            index = {}
            as_aliases = dbm.Position.aliases.python_value
            as_external = dbm.Position.external.python_value
            for pos_id, name, aliases, external in rows:
                pos = dbm.Position(id=pos_id, name=name, aliases=as_aliases(aliases),
                                   external=as_external(external))
                for alias in [pos.name, *(pos.aliases or [])]:
                    index.setdefault(normalize_name(alias), pos)
            self._index_cache = (rows, index)
        if getattr(self._pin, "depth", 0):
            self._pin.index = index
        return dict(index)

    def by_id(self, position_id: int) -> dbm.Position | None:
        """The position with this id, from the same cached read as _index (issue 19)."""
        return next((p for p in self._index().values() if p.id == position_id), None)

    def resolve(self, lane_name: str | None,
                index: dict[str, dbm.Position] | None = None) -> dbm.Position | None:
        """The position a lane name (or position name / alias) means, or None."""
        if not lane_name:
            return None
        index = index if index is not None else self._index()
        return index.get(normalize_name(lane_name))

    def position_for_lane(self, defn: SopDefinition, lane_name: str | None,
                          index: dict[str, dbm.Position] | None = None) -> dbm.Position | None:
        """Explicit mapping in the SOP first, then the aliases."""
        lane = defn.lane_of(lane_name)
        if lane is not None and lane.position:
            found = self.resolve(lane.position, index)
            if found is not None:
                return found
        return self.resolve(lane_name, index)

    def save(self, name: str, aliases: list[str], external: bool = False,
             old_name: str | None = None) -> Outcome[dbm.Position]:
        """A new position or the edit of one (`old_name`: renamed), with its aliases."""
        name = name.strip()
        if not name:
            raise ValidationError("Nama jabatan wajib diisi")
        with dbm.database.atomic():
            pos = dbm.Position.get_or_none(dbm.Position.name == (old_name or name))
            if pos is None:
                pos = dbm.Position(name=name)
            pos.name = name
            pos.aliases = [a.strip() for a in aliases if a.strip()]
            pos.external = external
            pos.save()
        self._pin.index = None  # a pinned view is stale now
        # lanes resolve anew: inboxes, who may act and the case rows may all differ
        return Outcome(pos, Changes(position_list=True, all_cases=True))

    def listing(self, sops: Iterable[SopDefinition]) -> list[PositionInfo]:
        """Every position with the SOP lanes that map to it (sops: latest definitions)."""
        index = self._index()
        infos = {p.name: PositionInfo(p.name, list(p.aliases or []), p.external) for p in self.all()}
        for defn in sops:
            for lane in defn.lanes:
                pos = self.position_for_lane(defn, lane.name, index)
                if pos is not None:
                    infos[pos.name].lanes.append({"sop": defn.code, "lane": lane.name})
        return list(infos.values())
