"""The inbox model answers the roles it has and nothing else before any work (issue 19): the
view asks for about seven roles of every cell it paints, so a role it does not answer reads
no page, and every answered role gives what it gave before (plain ints and Qt's enums alike)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from sop_desktop.ops.demo import fill
from ui.inbox.model import COLUMNS, InboxModel

R = Qt.ItemDataRole


def test_unanswered_roles_read_nothing_and_answered_roles_are_unchanged(qapp, ui_services):
    fill(ui_services, 80, seed=1)
    counts = sorted(ui_services.inbox.counts(), key=lambda c: -c.open)
    user = next(h for c in counts if c.open  # the holder of the busiest position: "baru" rows
                for h in ui_services.users.holders(ui_services.positions.get(c.position)))
    model = InboxModel(ui_services.inbox)
    model.set_filter(ui_services.inbox.scope_query(user, "all", status=None))
    assert model.rowCount() > 0 and model.pages == {}
    index = model.index(0, 0)
    for role in (R.SizeHintRole, R.TextAlignmentRole, R.CheckStateRole, R.WhatsThisRole,
                 R.StatusTipRole, R.EditRole):
        assert model.data(index, role) is None
        assert model.data(index, int(role.value)) is None  # as the view asks: a plain int
    assert model.pages == {}, "a role the model does not answer read a page"
    rows = range(model.rowCount())
    item = model.case_row(0)
    assert item is not None and model.pages
    assert model.data(index) == item.number  # the display role by default
    assert model.data(index, R.UserRole) == item.case_id
    assert model.data(index, int(R.UserRole.value)) == item.case_id
    late = next(r for r in rows if model.case_row(r).overdue)
    due = model.index(late, [k for k, _ in COLUMNS].index("due"))
    assert model.data(due, R.DisplayRole).startswith("⚠ ")
    assert model.data(due, R.BackgroundRole) is not None
    assert "terlambat" in model.data(due, R.AccessibleTextRole)
    unread = next(r for r in rows if model.case_row(r).unread)
    number = model.index(unread, 0)
    assert model.data(number, R.DecorationRole) is not None
    assert model.data(number, int(R.FontRole.value)).bold()
    for column in range(len(COLUMNS)):
        cell = model.index(0, column)
        assert model.data(cell, R.DisplayRole) == model.data(cell, int(R.DisplayRole.value))
        assert model.data(cell, R.ToolTipRole) == model.data(cell, int(R.ToolTipRole.value))
    assert model.data(model.index(model.rowCount(), 0)) is None  # past the end
