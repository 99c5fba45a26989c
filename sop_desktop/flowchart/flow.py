"""The flowchart pages: columns, header, rows, page breaks and symbols (arrows: routing.py)."""

from __future__ import annotations

from sop_desktop.domain.model import SopDefinition, Step
from sop_desktop.flowchart.geometry import (
    BODY_SIZE,
    CHANNEL_SP,
    DECISION_H,
    FOOTER_H,
    HEAD_SIZE,
    HEADER_FILL,
    LANE_SIZE,
    LEADING,
    MARGIN,
    PAD,
    PROCESS_H,
    ROOM,
    STRIP_LEFT,
    STRIP_PAD,
    SYM_PAD,
    TERMINATOR_H,
    TIDAK,
    YA,
    Cell,
    CoLink,
    Page,
    Rect,
    Symbol,
)
from sop_desktop.flowchart.notes import banner_cell
from sop_desktop.flowchart.routing import _Edge, _Routing
from sop_desktop.flowchart.text import (
    _cell,
    _pieces_of,
    _runs,
    _text_height,
    fit_size,
    short_header,
    text_width,
    wrap,
)
from sop_desktop.output.fonts import SANS, SANS_BOLD


class _FlowLayout(_Routing):
    """Computes the flowchart pages: columns, header, rows, page breaks, symbols, arrows."""

    def __init__(self, defn: SopDefinition, width: float, height: float, first_number: int,
                 note: str = ""):
        self.defn = defn
        self.note = note  # the incomplete-SOP banner under the title ("" when complete)
        # a fragment whose first steps are lost: its first step is entered from a missing one
        self.entered = bool(defn.incomplete and defn.steps and defn.steps[0].number > 1)
        self.width, self.height = width, height
        self.first_number = first_number
        self.steps = list(defn.steps)
        self.index = {s.number: i for i, s in enumerate(self.steps)}
        self.lanes = defn.lane_names or ["Pelaksana"]
        self.edges = self._edges()
        self.channels = self._assign_channels()
        self._columns()

    # ---- graph

    def _edges(self) -> list[_Edge]:
        edges = []
        for i, step in enumerate(self.steps):
            if step.kind == "decision":
                targets = [(step.yes, YA), (step.no, TIDAK)]
            else:
                targets = [(n, "") for n in self.defn.successors(step)]
            for number, label in targets:
                if number is None or number not in self.index or self.index[number] == i:
                    continue
                edges.append(_Edge(i, self.index[number], label))
        return edges

    def _assign_channels(self) -> int:
        """Give every edge that may need a channel its own track where their spans overlap."""
        tracks: list[list[tuple[int, int]]] = []
        for edge in sorted(self.edges, key=lambda e: (min(e.src, e.dst), max(e.src, e.dst))):
            straight = edge.dst == edge.src + 1 and edge.label != TIDAK
            if straight:
                continue
            span = (min(edge.src, edge.dst), max(edge.src, edge.dst))
            for k, used in enumerate(tracks):
                if all(span[1] < a or span[0] > b for a, b in used):
                    used.append(span)
                    edge.channel = k
                    break
            else:
                tracks.append([span])
                edge.channel = len(tracks) - 1
        return len(tracks)

    def _lane_index(self, step: Step) -> int:
        if step.lane is None or step.lane not in self.lanes:
            return 0
        return self.lanes.index(step.lane)

    # ---- columns and header

    def _columns(self) -> None:
        usable = self.width - 2 * MARGIN
        n = len(self.lanes)
        self.strip_w = (self.channels * CHANNEL_SP + STRIP_LEFT + STRIP_PAD
                        if self.channels else 0.0)
        widths = {"no": 22.0, "kegiatan": 170.0, "kelengkapan": 88.0, "waktu": 46.0,
                  "output": 78.0, "keterangan": 70.0}
        minimum = {"kegiatan": 110.0, "kelengkapan": 58.0, "output": 52.0, "keterangan": 44.0}
        fixed = sum(widths.values())
        lane_w = (usable - fixed - self.strip_w) / n
        want = 48.0
        if lane_w < want:  # narrow the text columns (never below their minimum) for the lanes
            self._shrink(widths, minimum, (want - lane_w) * n)
            lane_w = (usable - sum(widths.values()) - self.strip_w) / n
        # many lanes on narrow paper: squeeze the text columns harder, down to the width the
        # longest word of a lane name needs (never below 34, at most `cap`)
        # landscape has width to spare: room for lane names' words at LANE_SIZE; portrait keeps
        # its text columns readable and lets a long word of a lane name break with a hyphen
        cap, at = (52.0, LANE_SIZE) if self.width > self.height else (44.0, 4.5)
        narrow = min(cap, max([34.0] + [text_width(w, SANS_BOLD, at) + 2 * PAD + 1
                                         for name in self.lanes for w in _pieces_of(name)]))
        if lane_w < narrow:
            hard = {"no": 16.0, "kegiatan": 72.0, "kelengkapan": 40.0, "waktu": 34.0,
                    "output": 30.0, "keterangan": 30.0}
            self._shrink(widths, hard, (narrow - lane_w) * n)
        elif lane_w > 92:  # few lanes: give the width back to the kegiatan column
            widths["kegiatan"] += (lane_w - 92) * n
        self._share_text_width(widths)
        fixed = sum(widths.values())
        self.lane_w = (usable - fixed - self.strip_w) / n
        x = MARGIN
        self.col: dict[str, tuple[float, float]] = {}
        for key in ("no", "kegiatan"):
            self.col[key] = (x, widths[key])
            x += widths[key]
        self.lanes_x = x
        x += self.lane_w * n
        self.strip_x = x
        x += self.strip_w
        for key in ("kelengkapan", "waktu", "output", "keterangan"):
            self.col[key] = (x, widths[key])
            x += widths[key]
        self.table_right = x
        self.sym_w = min(max(16.0, min(self.lane_w - 12, 58.0)), self.lane_w - 4)
        self.dec_w = min(max(18.0, min(self.lane_w - 10, 62.0)), self.lane_w - 2)

    TEXT_COLUMNS = {"kegiatan": "KEGIATAN", "kelengkapan": "KELENGKAPAN", "output": "OUTPUT",
                    "keterangan": "KETERANGAN"}

    def _share_text_width(self, widths: dict) -> None:
        """Share the width of the four text columns by how much text each holds.

        An empty column (e.g. no OUTPUT in the whole SOP) keeps just its header's width, a
        column full of long remarks gets more, so no row grows tall for one narrow column.
        """
        total = sum(widths[k] for k in self.TEXT_COLUMNS)
        rows = max(1, len(self.steps))
        weight, lower, upper = {}, {}, {}
        for key, head in self.TEXT_COLUMNS.items():
            texts = [self._row_texts(s)[key] for s in self.steps]
            words = [w for t in texts for w in t.split()] or [""]
            area = sum(text_width(t, SANS, BODY_SIZE) for t in texts)
            longest = max(text_width(w, SANS, BODY_SIZE) for w in words)
            weight[key] = max(area, min(longest, 80.0) * rows * 1.5) if area else 0.0
            # an empty column keeps its header legible: 6.5 pt when there is room, 4.5 at least
            # (KETERANGAN is printed "KET." in a column too narrow for it, see _header)
            head = short_header(head, 0.0) if total <= 330 else head
            head_w = text_width(head, SANS_BOLD, 6.5 if total > 330 else 4.5) + 2 * PAD + 2
            if key == "kegiatan":
                lower[key], upper[key] = 0.3 * total, total
            else:
                # a filled column is at least as wide as its longest word (within reason), so
                # words like "rekomendasi" are not cut in the middle
                lower[key] = head_w if not area else max(
                    head_w, 0.12 * total, min(longest + 2 * PAD + 1, 0.25 * total))
                upper[key] = 0.34 * total
        if sum(lower.values()) >= total or not any(weight.values()):
            return
        fixed: dict[str, float] = {}
        while True:  # water-filling: proportional shares, clamped, until nothing moves
            free = [k for k in self.TEXT_COLUMNS if k not in fixed]
            room = total - sum(fixed.values())
            mass = sum(weight[k] for k in free)
            if not free:
                break
            share = {k: room * weight[k] / mass if mass else room / len(free) for k in free}
            clamped = {k: lower[k] for k in free if share[k] < lower[k]}
            if not clamped:
                clamped = {k: upper[k] for k in free if share[k] > upper[k]}
            if not clamped:
                fixed.update(share)
                break
            fixed.update(clamped)
        if abs(sum(fixed.values()) - total) < 0.5:
            widths.update(fixed)
        self._balance(widths, lower, upper)

    def _balance(self, widths: dict, lower: dict, upper: dict, quantum: float = 6.0) -> None:
        """Move width between the text columns while that makes the table shorter.

        A row is as tall as its fullest cell, so the share by text amount above is only a
        start: greedy moves of `quantum` points from one column to another, kept when the
        sum of row heights drops.
        """
        keys = list(self.TEXT_COLUMNS)
        texts = {k: [self._row_texts(s)[k] for s in self.steps] for k in keys}
        cache: dict[tuple[str, int], list[int]] = {}
        lead = BODY_SIZE * LEADING
        floor = PROCESS_H + 2 * SYM_PAD - 2 * PAD

        def lines(key: str, width: float) -> list[int]:
            q = int(round(width * 4))
            if (key, q) not in cache:
                cache[key, q] = [len(wrap(t, SANS, BODY_SIZE, width - 2 * PAD)) for t in texts[key]]
            return cache[key, q]

        def cost(ws: dict) -> float:
            counts = [lines(k, ws[k]) for k in keys]
            return sum(max(floor, max(c[i] for c in counts) * lead) for i in range(len(self.steps)))

        best = cost(widths)
        for _ in range(40):
            moved = False
            for src in keys:
                for dst in keys:
                    if src == dst or widths[src] - quantum < lower[src] or \
                            widths[dst] + quantum > upper[dst]:
                        continue
                    trial = dict(widths)
                    trial[src] -= quantum
                    trial[dst] += quantum
                    c = cost(trial)
                    if c < best - 0.01:
                        best, moved = c, True
                        widths.update(trial)
            if not moved:
                break

    @staticmethod
    def _shrink(widths: dict, minimum: dict, need: float) -> None:
        """Take `need` points from the columns in `minimum`, in proportion to their slack."""
        spare = sum(max(0.0, widths[k] - minimum[k]) for k in minimum)
        if spare <= 0:
            return
        take = min(need, spare)
        for k in minimum:
            widths[k] -= take * max(0.0, widths[k] - minimum[k]) / spare

    def lane_cx(self, k: int) -> float:
        return self.lanes_x + (k + 0.5) * self.lane_w

    def lane_cell_w(self, k: int) -> float:
        """A lane column's width: the last lane also holds the return channels (no column of their own)."""
        return self.lane_w + (self.strip_w if k == len(self.lanes) - 1 else 0.0)

    def channel_x(self, k: int) -> float:
        return self.strip_x + STRIP_LEFT + (k + 0.5) * CHANNEL_SP

    def _title(self, y: float) -> tuple[list[Cell], float]:
        width = self.width - 2 * MARGIN
        name = " ".join(self.defn.name.split()).upper() or "SOP"
        lines = wrap(name, SANS_BOLD, 9.0, width - 2 * PAD)
        h = _text_height(len(lines), 9.0)
        rect = Rect(MARGIN, y, width, h)
        cells = [Cell(rect, _runs(lines, rect, SANS_BOLD, 9.0, "center"), "title", border=False)]
        if self.note:
            banner, bh = banner_cell(self.note, y + h + 2, self.width)
            cells.append(banner)
            h += bh + 2
        return cells, h + 4

    def _header(self, y: float) -> tuple[list[Cell], float]:
        # one size for every lane name, never below LANE_SIZE (6.5 pt, readable on paper): a word wider than its
        # column even then breaks between letters rather than shrinking
        lane_size = LANE_SIZE
        lane_lines = [wrap(name, SANS_BOLD, lane_size, self.lane_w - 2 * PAD, hyphen=True)
                      for name in self.lanes]
        mutu = [("kelengkapan", "KELENGKAPAN"), ("waktu", "WAKTU"), ("output", "OUTPUT")]
        mutu_size = min(fit_size(t, SANS_BOLD, LANE_SIZE, self.col[k][1] - 2 * PAD) for k, t in mutu)
        mutu_lines = [wrap(t, SANS_BOLD, mutu_size, self.col[k][1] - 2 * PAD) for k, t in mutu]
        h1 = _text_height(1, HEAD_SIZE)
        h2 = max(_text_height(max(len(x) for x in lane_lines + mutu_lines), LANE_SIZE), 20.0)
        cells = []

        def head(x: float, w: float, top: float, h: float, text: str, size: float = HEAD_SIZE,
                 role: str = "header") -> None:
            rect = Rect(x, top, w, h)
            lane = role.startswith("lane:")
            if not lane:
                size = fit_size(text, SANS_BOLD, size, w - 2 * PAD)
            cells.append(_cell(rect, text, SANS_BOLD, size, align="center", valign="middle",
                               role=role, fill=HEADER_FILL, hyphen=lane))

        head(*self.col["no"], y, h1 + h2, "NO")
        head(*self.col["kegiatan"], y, h1 + h2, "KEGIATAN")
        head(self.lanes_x, self.lane_w * len(self.lanes) + self.strip_w, y, h1, "PELAKSANA")
        kx = self.col["kelengkapan"][0]
        head(kx, self.col["keterangan"][0] - kx, y, h1, "MUTU BAKU")
        head(*self.col["keterangan"], y, h1 + h2,
             short_header("KETERANGAN", self.col["keterangan"][1] - 2 * PAD))
        for k, name in enumerate(self.lanes):
            head(self.lanes_x + k * self.lane_w, self.lane_cell_w(k), y + h1, h2, name, lane_size,
                 role=f"lane:{k}")
        for key, text in mutu:
            head(*self.col[key], y + h1, h2, text, mutu_size)
        return cells, h1 + h2

    # ---- rows and pages

    def _row_texts(self, step: Step) -> dict[str, str]:
        return {"no": str(step.number), "kegiatan": " ".join(step.kegiatan.split()),
                "kelengkapan": step.kelengkapan, "waktu": step.waktu.text if step.waktu else "",
                "output": step.output, "keterangan": step.keterangan}

    def _row_height(self, step: Step, size: float = BODY_SIZE) -> float:
        band = PROCESS_H + 2 * SYM_PAD
        if step.kind == "decision":  # more room below a diamond for the "Ya" label
            band = DECISION_H + 2 * (SYM_PAD + 3)
        texts = self._row_texts(step)
        for key, text in texts.items():
            n = len(wrap(text, SANS, size, self.col[key][1] - 2 * PAD))
            band = max(band, _text_height(n, size))
        return band

    def _fit_row(self, step: Step, limit: float, base: float = BODY_SIZE) -> tuple[float, float]:
        """(font size, height) of a row; a row taller than a page gets smaller text, then is cut."""
        size = base
        height = self._row_height(step, size)
        while height > limit and size > 5.0:
            size -= 0.5
            height = self._row_height(step, size)
        return size, min(height, limit)

    @staticmethod
    def _breaks(heights: list[float], body_h: float, first_room: float = 0.0) -> list[list[int]]:
        """Greedy page breaks between rows; the last row of a page and the first of the next
        keep room for off-page connectors (`first_room`: above the very first row too)."""
        groups: list[list[int]] = [[]]
        used = 0.0
        for i, h in enumerate(heights):
            top_room = ROOM if (len(groups) > 1 and not groups[-1]) else (first_room if i == 0 else 0.0)
            need = h + top_room + (ROOM if i < len(heights) - 1 else 0.0)
            if groups[-1] and used + need > body_h:
                groups.append([])
                used = 0.0
                top_room = ROOM
            groups[-1].append(i)
            used += h + top_room
        return groups

    def pages(self) -> list[Page]:
        title_cells, title_h = self._title(MARGIN)
        _, header_h = self._header(0)
        body_top = MARGIN + title_h + header_h
        body_h = self.height - MARGIN - FOOTER_H - body_top
        limit = body_h - 2 * ROOM
        fitted = [self._fit_row(s, limit) for s in self.steps]
        groups = self._breaks([h for _, h in fitted], body_h, ROOM if self.entered else 0.0)
        # a last page holding only a row or two: as one would in a word processor, try slightly
        # smaller text for the whole table and keep it when that saves the page
        for base in (BODY_SIZE - 0.5, BODY_SIZE - 1.0):
            if len(groups) < 2 or len(groups[-1]) > 2:
                break
            smaller = [self._fit_row(s, limit, base) for s in self.steps]
            tried = self._breaks([h for _, h in smaller], body_h, ROOM if self.entered else 0.0)
            if len(tried) < len(groups):
                fitted, groups = smaller, tried
        heights = [h for _, h in fitted]
        self.row_size = [size for size, _ in fitted]
        self.page_of = {}
        for p, rows in enumerate(groups):
            for i in rows:
                self.page_of[i] = p
        # row rectangles and symbol bands
        self.row_rect: dict[int, Rect] = {}
        self.band: dict[int, tuple[float, float]] = {}
        pages = []
        for p, rows in enumerate(groups):
            page = Page(self.first_number + p, "flowchart", self.width, self.height)
            page.cells.extend(Cell(c.rect, list(c.texts), c.role, c.fill, c.border)
                              for c in title_cells)
            header, _ = self._header(MARGIN + title_h)
            page.cells.extend(header)
            y = body_top
            for j, i in enumerate(rows):
                top_room = ROOM if (j == 0 and (p > 0 or self.entered)) else 0.0
                bottom_room = ROOM if (p < len(groups) - 1 and j == len(rows) - 1) else 0.0
                h = heights[i] + top_room + bottom_room
                rect = Rect(MARGIN, y, self.table_right - MARGIN, h)
                self.row_rect[i] = rect
                self.band[i] = (y + top_room, y + h - bottom_room)
                page.rows[self.steps[i].number] = rect
                page.cells.extend(self._row_cells(self.steps[i], y, h, self.row_size[i]))
                y += h
            page.table = Rect(MARGIN, MARGIN + title_h, self.table_right - MARGIN,
                              y - MARGIN - title_h)
            pages.append(page)
        self.page_list = pages
        self._symbols()
        self._route()
        if self.entered:
            self._entry_from_missing()
        return pages

    def _row_cells(self, step: Step, y: float, h: float, size: float) -> list[Cell]:
        texts = self._row_texts(step)
        cells = []
        for key in ("no", "kegiatan"):
            x, w = self.col[key]
            cells.append(_cell(Rect(x, y, w, h), texts[key], SANS, size,
                               align="center" if key == "no" else "left", role=key, step=step.number))
        for k in range(len(self.lanes)):
            cells.append(Cell(Rect(self.lanes_x + k * self.lane_w, y, self.lane_cell_w(k), h), [],
                              f"lanecell:{k}", step=step.number))
        for key in ("kelengkapan", "waktu", "output", "keterangan"):
            x, w = self.col[key]
            cells.append(_cell(Rect(x, y, w, h), texts[key], SANS, size,
                               align="center" if key == "waktu" else "left", role=key, step=step.number))
        return cells

    def _symbols(self) -> None:
        self.sym: dict[int, Symbol] = {}
        last = len(self.steps) - 1
        for i, step in enumerate(self.steps):
            if step.kind == "decision":
                kind, w, h = "decision", self.dec_w, DECISION_H
            elif i == 0 and self.entered and step.kind != "end":  # drawn as what it is
                kind, w, h = "process", self.sym_w, PROCESS_H
            elif step.kind in ("start", "end") or i in (0, last):
                kind, w, h = "terminator", self.sym_w, TERMINATOR_H
            else:
                kind, w, h = "process", self.sym_w, PROCESS_H
            k = self._lane_index(step)
            top, bottom = self.band[i]
            cy = (top + bottom) / 2
            rect = Rect(self.lane_cx(k) - w / 2, cy - h / 2, w, h)
            page = self.page_list[self.page_of[i]]
            sym = Symbol(kind, rect, step.number, self.lanes[k], k, page.number)
            page.symbols.append(sym)
            self.sym[i] = sym
            self._co_marks(page, step, sym)

    def _co_marks(self, page: Page, step: Step, sym: Symbol) -> None:
        """The co-actors of a step: a dashed line above the symbol to the farthest co-actor column,
        with a dashed tick down at the centre of each co-actor's column (no second symbol)."""
        others = self._co_lane_indexes(step, sym.lane_index)
        if not others:
            return
        r = sym.rect
        top = self.band[self.index[step.number]][0]
        ly = top + (r.y - top) * 0.45
        for side in (1, -1):
            ks = [k for k in others if (k - sym.lane_index) * side > 0]
            if not ks:
                continue
            if sym.kind == "decision":
                sx, sy = r.cx + side * r.w / 4, r.y + r.h / 4
            else:
                sx, sy = (r.right if side > 0 else r.x) - side * 3, r.y
            far = max(ks, key=lambda k: abs(k - sym.lane_index))
            page.co_links.append(CoLink(step.number, [(sx, sy), (sx, ly), (self.lane_cx(far), ly)],
                                        page.number))
            for k in ks:
                page.co_links.append(CoLink(step.number, [(self.lane_cx(k), ly),
                                                          (self.lane_cx(k), r.y)], page.number))

    def _co_lane_indexes(self, step: Step, main: int) -> list[int]:
        """The lanes of a step's co-actors: known lanes only, without its own lane, no repeats."""
        out = []
        for name in step.co_lanes or []:
            if name in self.lanes:
                k = self.lanes.index(name)
                if k != main and k not in out:
                    out.append(k)
        return out

    # ---- arrows
