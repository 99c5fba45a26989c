"""Arrows between the symbols: straight drops, side exits, return channels, off-page connectors."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sop_desktop.domain.model import Step
from sop_desktop.flowchart.geometry import (
    CONN,
    ENTRY_GAP,
    LABEL_SIZE,
    ROOM,
    TIDAK,
    Arrow,
    Connector,
    Page,
    Rect,
    Symbol,
    TextRun,
)
from sop_desktop.flowchart.text import ascent, text_width
from sop_desktop.output.fonts import SANS, SANS_BOLD


@dataclass
class _Edge:
    src: int  # row index
    dst: int
    label: str
    channel: int | None = None
    kind: str = ""  # straight | drop | channel


def _letters(i: int) -> str:
    """A, B, ..., Z, AA, AB, ... for connector pairs."""
    out = ""
    i += 1
    while i:
        i, rem = divmod(i - 1, 26)
        out = chr(65 + rem) + out
    return out


Point = tuple[float, float]
LabelAt = tuple[float, float, str]  # where an arrow's Ya/Tidak label goes: x, y, side


class _Routing:
    """The arrow part of the flowchart layout (mixed into _FlowLayout, which sets the geometry)."""

    # the geometry _FlowLayout sets before routing
    steps: list[Step]
    lanes: list[str]
    edges: list[_Edge]
    lanes_x: float
    lane_w: float
    page_of: dict[int, int]  # row -> page index
    page_list: list[Page]
    band: dict[int, tuple[float, float]]  # row -> (top, bottom) of its symbol band
    sym: dict[int, Symbol]  # row -> its symbol

    def lane_cell_w(self, k: int) -> float:
        raise NotImplementedError  # _FlowLayout's

    def channel_x(self, k: int) -> float:
        raise NotImplementedError  # _FlowLayout's

    def _route(self) -> None:
        self.letter_count = 0
        incoming: dict[int, int] = {}
        for edge in self.edges:
            src, dst = self.sym[edge.src], self.sym[edge.dst]
            same_page = self.page_of[edge.src] == self.page_of[edge.dst]
            adjacent = edge.dst == edge.src + 1
            if adjacent and edge.label != TIDAK:
                if same_page:
                    self._straight(edge, src, dst)
                else:
                    self._straight_across(edge, src, dst)
                continue
            twin = self.steps[edge.src].yes == self.steps[edge.src].no  # both branches, one target
            if adjacent and same_page and dst.lane_index != src.lane_index and not twin:
                self._drop(edge, src, dst)
                continue
            slot = incoming.get(edge.dst, 0)
            incoming[edge.dst] = slot + 1
            self._channel(edge, src, dst, slot)

    def _page(self, row: int) -> Page:
        return self.page_list[self.page_of[row]]

    def _gap_y(self, row: int) -> float:
        """The y in a row's bottom padding where an arrow turns across the lanes.

        Below a decision it leaves room for the "Ya" label; elsewhere it runs midway, clear
        of both the symbol and the table's grid line.
        """
        sym = self.sym[row]
        free = self.band[row][1] - sym.rect.bottom
        if sym.kind == "decision":
            return sym.rect.bottom + min(max(LABEL_SIZE * 1.1 + 2, free - 4), free - 1.5)
        return sym.rect.bottom + free / 2

    def _add_arrow(self, page: Page, points: list[Point], edge: _Edge, start: tuple[str, Any],
                   end: tuple[str, Any], label_at: LabelAt | None = None) -> Arrow:
        pts = [points[0]]
        for pt in points[1:]:  # drop repeated points and merge collinear runs
            if abs(pt[0] - pts[-1][0]) < 0.01 and abs(pt[1] - pts[-1][1]) < 0.01:
                continue
            if len(pts) >= 2:
                a, b = pts[-2], pts[-1]
                if (abs(a[0] - b[0]) < 0.01 and abs(b[0] - pt[0]) < 0.01) or \
                        (abs(a[1] - b[1]) < 0.01 and abs(b[1] - pt[1]) < 0.01):
                    pts[-1] = pt
                    continue
            pts.append(pt)
        arrow = Arrow(pts, self.steps[edge.src].number, self.steps[edge.dst].number, page.number,
                      edge.label if label_at else "", start=start, end=end)
        if label_at and edge.label:
            arrow.label_rect = self._label_rect(edge.label, *label_at, pts)
            arrow.label_run = TextRun(arrow.label_rect.x + 1,
                                      arrow.label_rect.y + ascent(SANS, LABEL_SIZE) * 0.98,
                                      edge.label, SANS, LABEL_SIZE)
        page.arrows.append(arrow)
        return arrow

    def _columns_x(self) -> list[tuple[float, float]]:
        """The x ranges of the lane columns (the last one holds the return channels too)."""
        n = len(self.lanes)
        return [(self.lanes_x + k * self.lane_w, self.lanes_x + k * self.lane_w + self.lane_cell_w(k))
                for k in range(n)]

    def _label_rect(self, text: str, x: float, y: float, side: str, pts: list[Point]) -> Rect:
        """Where a Ya/Tidak label goes: beside the start of its arrow, inside one lane column.

        "below-right": right of a line leaving downwards; "above-right"/"above-left": above a
        line leaving sideways, slid along it into the first column it fits in whole, so the
        label never lies across a column line nor on the line itself.
        """
        w = text_width(text, SANS, LABEL_SIZE) + 2
        h = LABEL_SIZE * 1.1
        cols = self._columns_x()
        if side == "below-right":  # left of the line when the column has no room on its right
            col = next(((a, b) for a, b in cols if a <= x <= b), (x, x + w + 4))
            if x + 2 + w > col[1] - 1.5 and x - 2 - w >= col[0] + 1.5:
                return Rect(x - 2 - w, y + 1, w, h)
            return Rect(x + 2, y + 1, w, h)
        top = y - h - 1.5
        end = pts[1][0] if len(pts) > 1 else x
        lo_seg, hi_seg = sorted((x, end))
        # a line that turns downwards at its end leaves the room above and beyond that end free
        down = len(pts) > 2 and pts[2][1] > pts[1][1] + 0.01
        if side == "above-left":
            cols = cols[::-1]
        for free in (False, True) if down else (False,):
            for left, right in cols:
                lo = max(lo_seg + 2, left + 1.5) if side == "above-right" or not free else left + 1.5
                hi = min(hi_seg - 2, right - 1.5) if side == "above-left" or not free else right - 1.5
                if lo < hi_seg - 2 and hi > lo_seg + 2 and hi - lo >= w:
                    return Rect(lo if side == "above-right" else hi - w, top, w, h)
        return Rect(x + 2 if side == "above-right" else x - w - 2, top, w, h)

    def _straight(self, edge: _Edge, src: Symbol, dst: Symbol) -> None:
        sx, tx = src.rect.cx, dst.rect.cx
        gy = self._gap_y(edge.src)
        pts = [(sx, src.rect.bottom), (sx, gy), (tx, gy), (tx, dst.rect.y)]
        self._add_arrow(self._page(edge.src), pts, edge, ("step", src.step), ("step", dst.step),
                        (sx, src.rect.bottom, "below-right"))

    def _new_letter(self) -> str:
        letter = _letters(self.letter_count)
        self.letter_count += 1
        return letter

    def _connector(self, page: Page, cx: float, cy: float, letter: str, direction: str,
                   edge: _Edge) -> Connector:
        rect = Rect(cx - CONN / 2, cy - CONN / 2, CONN, CONN)
        size = 6.0 if len(letter) == 1 else 5.0
        w = text_width(letter, SANS_BOLD, size)
        run = TextRun(cx - w / 2, rect.y + 2 + ascent(SANS_BOLD, size), letter, SANS_BOLD, size)
        conn = Connector(letter, rect, page.number, direction, self.steps[edge.src].number,
                         self.steps[edge.dst].number, run)
        page.connectors.append(conn)
        return conn

    def _straight_across(self, edge: _Edge, src: Symbol, dst: Symbol) -> None:
        letter = self._new_letter()
        sp, tp = self._page(edge.src), self._page(edge.dst)
        sx, tx = src.rect.cx, dst.rect.cx
        out = self._connector(sp, sx, self.band[edge.src][1] + ROOM / 2, letter, "out", edge)
        self._add_arrow(sp, [(sx, src.rect.bottom), (sx, out.rect.y)], edge, ("step", src.step),
                        ("connector", letter), (sx, src.rect.bottom, "below-right"))
        inc = self._connector(tp, tx, self.band[edge.dst][0] - ROOM / 2, letter, "in", edge)
        self._add_arrow(tp, [(tx, inc.rect.bottom), (tx, dst.rect.y)], edge,
                        ("connector", letter), ("step", dst.step))

    def _drop(self, edge: _Edge, src: Symbol, dst: Symbol) -> None:
        """Tidak into the next row in another lane: out of the side vertex, across, then down.

        """
        right = dst.lane_index > src.lane_index
        vx = src.rect.right if right else src.rect.x
        tx = dst.rect.cx
        pts = [(vx, src.rect.cy), (tx, src.rect.cy), (tx, dst.rect.y)]
        self._add_arrow(self._page(edge.src), pts, edge, ("step", src.step), ("step", dst.step),
                        (vx, src.rect.cy, "above-right" if right else "above-left"))

    def _exit(self, edge: _Edge, src: Symbol, cx: float) -> tuple[list[Point], LabelAt]:
        """Points from the source to its channel x, and where the label goes.

        """
        if edge.label == TIDAK:
            start = (src.rect.right, src.rect.cy)
            return [start, (cx, src.rect.cy)], (start[0], start[1], "above-right")
        sx = src.rect.cx
        gy = self._gap_y(edge.src)
        return ([(sx, src.rect.bottom), (sx, gy), (cx, gy)],
                (sx, src.rect.bottom, "below-right"))

    def _entry(self, dst: Symbol, slot: int) -> tuple[float, float]:
        """Where the k-th side arrow enters a symbol on its right side."""
        r = dst.rect
        if dst.kind == "decision":
            # on the right edges, a readable gap away from the Tidak exit at the right vertex:
            # below it first, then above its label
            f = (0.55, -0.8, 0.92, -0.55, 0.75)[slot % 5]
            y = r.cy + f * r.h / 2
            x = r.right - abs(f) * r.w / 2
            return x, y
        offsets = (0.0, -ENTRY_GAP, ENTRY_GAP, -1.4 * ENTRY_GAP, 1.4 * ENTRY_GAP)
        return r.right, r.cy + offsets[slot % 5]

    def _channel(self, edge: _Edge, src: Symbol, dst: Symbol, slot: int) -> None:
        cx = self.channel_x(edge.channel or 0)
        head, label_at = self._exit(edge, src, cx)
        ex, ey = self._entry(dst, slot)
        if self.page_of[edge.src] == self.page_of[edge.dst]:
            pts = head + [(cx, ey), (ex, ey)]
            self._add_arrow(self._page(edge.src), pts, edge, ("step", src.step),
                            ("step", dst.step), label_at)
            return
        letter = self._new_letter()
        sp, tp = self._page(edge.src), self._page(edge.dst)
        forward = edge.dst > edge.src
        sp_rows = [i for i, p in self.page_of.items() if p == self.page_of[edge.src]]
        tp_rows = [i for i, p in self.page_of.items() if p == self.page_of[edge.dst]]
        if forward:
            last = max(sp_rows)
            out = self._connector(sp, cx, self.band[last][1] + ROOM / 2, letter, "out", edge)
            self._add_arrow(sp, head + [(cx, out.rect.y)], edge, ("step", src.step),
                            ("connector", letter), label_at)
            first = min(tp_rows)
            inc = self._connector(tp, cx, self.band[first][0] - ROOM / 2, letter, "in", edge)
            self._add_arrow(tp, [(cx, inc.rect.bottom), (cx, ey), (ex, ey)], edge,
                            ("connector", letter), ("step", dst.step))
        else:
            first = min(sp_rows)
            out = self._connector(sp, cx, self.band[first][0] - ROOM / 2, letter, "out", edge)
            self._add_arrow(sp, head + [(cx, out.rect.bottom)], edge, ("step", src.step),
                            ("connector", letter), label_at)
            last = max(tp_rows)
            inc = self._connector(tp, cx, self.band[last][1] + ROOM / 2, letter, "in", edge)
            self._add_arrow(tp, [(cx, inc.rect.y), (cx, ey), (ex, ey)], edge,
                            ("connector", letter), ("step", dst.step))

    def _entry_from_missing(self) -> None:
        """An incomplete SOP: an off-page connector above its first step, numbered with the
        missing step it comes from, and an arrow down into the step."""
        step = self.steps[0]
        sym = self.sym[0]
        page = self._page(0)
        prev = step.number - 1
        edge = _Edge(0, 0, "")
        conn = self._connector(page, sym.rect.cx, self.band[0][0] - ROOM / 2, str(prev), "in", edge)
        conn.from_step = prev
        arrow = Arrow([(sym.rect.cx, conn.rect.bottom), (sym.rect.cx, sym.rect.y)], prev, step.number,
                      page.number, start=("connector", conn.letter), end=("step", step.number))
        page.arrows.append(arrow)

