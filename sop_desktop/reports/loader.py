"""Read the cases a report needs in a few bulk queries (no query per case) as CaseFacts."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

import peewee as pw

from sop_desktop.domain.model import SopDefinition
from sop_desktop.errors import NotFound
from sop_desktop.reports.facts import CaseFacts, EventFacts
from sop_desktop.services.positions import PositionService
from sop_desktop.storage import db as dbm


def _definitions(version_ids: Iterable[int]) -> dict[int, SopDefinition]:
    """The SOP versions by id, read 500 at a time."""
    out: dict[int, SopDefinition] = {}
    ids = sorted(set(version_ids))
    for start in range(0, len(ids), 500):
        for row in dbm.SopVersion.select().where(dbm.SopVersion.id.in_(ids[start:start + 500])):
            defn = SopDefinition.from_dict(row.definition)
            defn.code, defn.version = row.code, row.version
            out[row.id] = defn
    return out


def step_positions(defn: SopDefinition, index: dict[str, dbm.Position] | None = None
                   ) -> dict[int, str]:
    """The position name that does each step (the lane name when no position matches)."""
    service = PositionService()
    index = index if index is not None else service._index()
    out = {}
    for step in defn.steps:
        pos = service.position_for_lane(defn, step.lane, index)
        out[step.number] = pos.name if pos is not None else (step.lane or "")
    return out


def case_query(*, codes: list[str] | None = None, created_from: dt.datetime | None = None,
               created_before: dt.datetime | None = None, alive_from: dt.datetime | None = None,
               statuses: list[str] | None = None) -> pw.ModelSelect[dbm.Case]:
    """Cases by SOP codes, received in [created_from, created_before), still open or closed at
    or after `alive_from`, and by status."""
    Case = dbm.Case
    query = Case.select()
    if codes is not None:
        query = query.where(Case.sop_code.in_(list(codes) or [""]))
    if created_from is not None:
        query = query.where(Case.created_at >= created_from)
    if created_before is not None:
        query = query.where(Case.created_at < created_before)
    if alive_from is not None:
        query = query.where(Case.closed_at.is_null() | (Case.closed_at >= alive_from))
    if statuses:
        query = query.where(Case.status.in_(list(statuses)))
    return query


def load_cases(query: pw.ModelSelect[dbm.Case], *, events: bool = True, letters: bool = True,
               position: str | None = None) -> list[CaseFacts]:
    """CaseFacts for the cases of `query`, with their history and letter numbers.

    `position` keeps only cases that are now at that position or were acted on in it.
    """
    Case, History = dbm.Case, dbm.History
    positions = {p.id: p.name for p in dbm.Position.select(dbm.Position.id, dbm.Position.name)}
    users = {u.id: u.name for u in dbm.User.select(dbm.User.id, dbm.User.name)}
    ids_query = query.select(Case.id)
    if position is not None:
        pos = _position_id(position)
        acted = History.select(History.case).where(History.position == pos)
        ids_query = ids_query.where((Case.current_position == pos) | Case.id.in_(acted))
        query = query.where(Case.id.in_(ids_query))
    rows = list(dbm.dicts_of(query.order_by(Case.created_at, Case.id)))
    defs = _definitions(r["sop_version"] for r in rows)
    index = PositionService()._index()
    lane_maps = {vid: step_positions(defn, index) for vid, defn in defs.items()}
    history: dict[int, list[EventFacts]] = defaultdict(list)
    if events and rows:
        hq = (History.select(History.case, History.action, History.at, History.from_step,
                             History.to_step, History.decision, History.position, History.note,
                             History.user)
              .where(History.case.in_(ids_query))
              .order_by(History.case, History.at, History.id))
        for case_id, action, at, from_step, to_step, decision, pos_id, note, user_id in dbm.tuples_of(hq):
            history[case_id].append(EventFacts(
                action=action, at=at, from_step=from_step, to_step=to_step, decision=decision,
                position=positions.get(pos_id, "") if pos_id else "", note=note or "",
                user=users.get(user_id, "")))
    numbers: dict[int, list[str]] = defaultdict(list)
    if letters and rows:
        lq = (dbm.OutgoingLetter.select(dbm.OutgoingLetter.case, dbm.OutgoingLetter.number)
              .where(dbm.OutgoingLetter.case.in_(ids_query))
              .order_by(dbm.OutgoingLetter.issued_at, dbm.OutgoingLetter.id))
        for case_id, number in dbm.tuples_of(lq):
            numbers[case_id].append(number)
    out = []
    for r in rows:
        out.append(CaseFacts(
            id=r["id"], number=r["number"], sop=defs[r["sop_version"]], status=r["status"],
            created_at=r["created_at"], closed_at=r["closed_at"], current_step=r["current_step"],
            current_position=positions.get(r["current_position"], "") if r["current_position"] else "",
            current_due=r.get("current_due"), step_started_at=r["step_started_at"],
            fields=dict(r["fields"] or {}), events=history.get(r["id"], []),
            letters=numbers.get(r["id"], []), step_positions=lane_maps[r["sop_version"]]))
    return out


def _position_id(name: str) -> int:
    """The id of the position `name` names (a clear error when none does)."""
    pos = PositionService().resolve(name)
    if pos is None:
        raise NotFound(f"Jabatan '{name}' tidak dikenal (lihat: sop-desktop position list)")
    return pos.id
