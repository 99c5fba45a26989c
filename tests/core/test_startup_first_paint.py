"""What the window's first paint reads (issue 19, fourth round): the counts per position from
the (position, status, due) index alone, the SOP filter's names without building the
definitions, and no regular expression of the waktu parser compiled before a waktu is read."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

from sop_desktop.ops.demo import fill
from sop_desktop.services.changes import Outcome
from sop_desktop.storage import db as dbm

ROOT = Path(__file__).resolve().parent.parent.parent


class _Statements(logging.Handler):
    """The SQL statements peewee runs while it is attached (its debug log)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.seen: list[tuple[str, list]] = []

    def emit(self, record: logging.LogRecord) -> None:
        if isinstance(record.msg, tuple) and len(record.msg) == 2:
            sql, params = record.msg
            self.seen.append((str(sql), list(params or [])))


def _statements_of(call):
    logger = logging.getLogger("peewee")
    handler, level = _Statements(), logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        result = call()
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
    return result, handler.seen


def test_the_counts_per_position_come_from_the_index_alone_and_are_right(services):
    fill(services, 60, seed=3)
    user = next(u for u in dbm.User.select() if services.users.position_ids(u))
    view, seen = _statements_of(lambda: services.inbox.overview(user))
    grouped = [(sql, params) for sql, params in seen if "GROUP BY" in sql]
    assert len(grouped) == 1
    sql, params = grouped[0]
    plan = " | ".join(str(row[-1]) for row in services.db.execute_sql(
        "EXPLAIN QUERY PLAN " + sql, params).fetchall())
    # no open case's row is read from the table, and no sort for the grouping
    assert "COVERING INDEX" in plan, plan
    assert "TEMP B-TREE" not in plan, plan
    now = services.cases.clock()
    expected: dict[str, tuple[int, int]] = {}
    for case in dbm.Case.select().where(dbm.Case.status == "berjalan"):
        if case.current_position_id is None:
            continue
        name = dbm.Position.get_by_id(case.current_position_id).name
        n, late = expected.get(name, (0, 0))
        expected[name] = (n + 1, late + (case.current_due is not None and case.current_due < now))
    got = {name: (c.open, c.overdue) for name, c in view.counts.items() if c.open}
    assert got == expected and sum(n for n, _ in got.values()) > 0
    assert {c.position: (c.open, c.overdue) for c in services.inbox.counts() if c.open} == expected
    mine = services.inbox.count_for_user(user)
    held = [p.name for p in services.positions.all() if p.id in services.users.position_ids(user)]
    assert (mine.open, mine.overdue) == (sum(expected.get(n, (0, 0))[0] for n in held),
                                         sum(expected.get(n, (0, 0))[1] for n in held))


def test_the_sop_filter_names_come_without_building_the_definitions(services):
    newest = services.sops.latest_all()
    revised = services.sops.get(newest[0].code)
    revised.name = revised.name + " (revisi)"
    revised.steps[0].kegiatan = "Kegiatan yang direvisi"
    saved = services.sops.save_import(revised, newest[0].code)
    assert isinstance(saved, Outcome) and saved.value.created
    summaries, seen = _statements_of(services.sops.summaries)
    assert len(seen) == 1  # one query
    assert [(s.code, s.name, s.steps) for s in summaries] == [
        (d.code, d.name, {step.number: step.kegiatan for step in d.steps})
        for d in services.sops.latest_all()]
    first = summaries[0]
    assert first.name.endswith("(revisi)") and first.steps[1] == "Kegiatan yang direvisi"


WAKTU_CHILD = """
import json, re, sys
import sop_desktop.errors
compiled = []
real = re.compile
def spy(pattern, flags=0):
    if sys._getframe(1).f_globals.get("__name__") == "sop_desktop.domain.waktu":
        compiled.append(pattern)
    return real(pattern, flags)
re.compile = spy
from sop_desktop.domain import waktu
at_import = len(compiled)
read = waktu.parse_waktu("1-2 hari kerja"), waktu.read_waktu("7 hari; 2 minggu")
print(json.dumps({"at_import": at_import, "after": len(compiled),
                  "read": [read[0].to_dict(), read[1].waktu.to_dict()]}))
"""


def test_the_waktu_patterns_are_compiled_when_a_waktu_is_first_read():
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", WAKTU_CHILD], capture_output=True, text=True,
                         env=env, cwd=str(ROOT), timeout=60)
    assert out.returncode == 0, out.stderr[-2000:]
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["at_import"] == 0
    assert result["after"] >= 3
    assert result["read"] == [{"text": "1-2 hari kerja", "min": 1, "max": 2, "unit": "hari_kerja"},
                              {"text": "2 minggu", "min": 10, "max": 10, "unit": "hari_kerja"}]
