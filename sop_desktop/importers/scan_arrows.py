"""Arrows of a scanned flowchart: from each arrow head back along the joined strokes to the
symbol the arrow leaves (pixels; see scan_draw.py for the strokes and heads)."""

from __future__ import annotations

import math

from sop_desktop.importers.scan_draw import Box, Piece, PixShape

MAX_LEGS = 12
LOST_CORNER = 1.5  # how much further a corner's other stroke may stop short of it, its
# leg ending right there (ink lost under a painted-out signature)


def _box_dist(p: tuple[float, float], box: Box) -> float:
    x0, y0, x1, y1 = box
    dx = max(x0 - p[0], 0.0, p[0] - x1)
    dy = max(y0 - p[1], 0.0, p[1] - y1)
    return math.hypot(dx, dy)


def _ends(piece: Piece) -> tuple[tuple[float, float], tuple[float, float]]:
    return (piece.x0, piece.y0), (piece.x1, piece.y1)


def _tip(start: tuple[float, float], end: tuple[float, float], head: Box
         ) -> tuple[float, float]:
    """The point of the head the stroke runs into (orthogonal strokes)."""
    x0, y0, x1, y1 = head
    if abs(end[0] - start[0]) >= abs(end[1] - start[1]):
        return (x1 if end[0] >= start[0] else x0, end[1])
    return (end[0], y1 if end[1] >= start[1] else y0)


def _points_into(start: tuple[float, float], tip: tuple[float, float], box: Box) -> bool:
    """Whether a stroke from `start` to its head at `tip` runs into the box: the box lies
    across the stroke's line (an arrow enters a symbol through a side, not past a corner)."""
    x0, y0, x1, y1 = box
    if abs(tip[0] - start[0]) >= abs(tip[1] - start[1]):
        return y0 <= tip[1] <= y1
    return x0 <= tip[0] <= x1


def _shape_at(p: tuple[float, float], shapes: list[PixShape], tol: float,
              skip: int | None = None) -> int | None:
    best, score = None, tol
    for n, s in enumerate(shapes):
        d = _box_dist(p, s.box)
        if n != skip and d <= score:
            best, score = n, d
    return best


def build_arrows(pieces: list[Piece], heads: list[Box], shapes: list[PixShape], dpi: float,
                 max_len: float) -> list[tuple[list[tuple[float, float]], int | None,
                                                int | None, set[int]]]:
    """-> (points, start shape index, end shape index, pieces used) per arrow head; pieces
    longer than `max_len` (table rules) are never part of an arrow."""
    tol = max(4.0, 0.05 * dpi)
    touch = max(3.0, 0.025 * dpi)
    join = max(2.0, 0.012 * dpi)
    out = []
    rules: set[int] = {n for n, pc in enumerate(pieces)
                       if max(abs(pc.x1 - pc.x0), abs(pc.y1 - pc.y0)) > max_len}
    taken = set(rules)
    for head in heads:
        best = _shaft(head, pieces, taken, touch)
        if best is None:
            continue
        n, e = best
        a, b = _ends(pieces[n])
        if e == 0:
            a, b = b, a
        points = [a, b]
        tip = _tip(a, b, head)
        if math.hypot(tip[0] - b[0], tip[1] - b[1]) > 0.5:
            points.append(tip)
        used = {n}
        end_shape = _shape_at(points[-1], shapes, tol)
        if end_shape is not None and not _points_into(a, tip, shapes[end_shape].box):
            continue  # a blob beside a symbol it does not point into: a label's letter
        for _ in range(MAX_LEGS):
            start = _shape_at(points[0], shapes, tol)
            if start is not None and start != end_shape:
                break
            step = _next_leg(points[0], points[1], pieces, rules, used | taken, join, dpi)
            if step is None:
                break
            k, corners, far = step
            points[0:1] = [far, *reversed(corners)]
            used.add(k)
        start_shape = _shape_at(points[0], shapes, tol)
        if start_shape is None or start_shape == end_shape:
            # a first leg too short to be seen as a stroke: the symbol just beside the start
            start_shape = _shape_at(points[0], shapes, 0.12 * dpi, skip=end_shape)
            if start_shape is not None:
                x0, y0, x1, y1 = shapes[start_shape].box
                p = points[0]
                points.insert(0, (min(max(p[0], x0), x1), min(max(p[1], y0), y1)))
        if start_shape is None and end_shape is None:
            continue  # a mark near a loose line, not an arrow between symbols
        taken |= used
        out.append((points, start_shape, end_shape, used))
    return out + _headless(pieces, shapes, taken, rules, tol, join, dpi)


def _next_leg(p: tuple[float, float], q: tuple[float, float], pieces: list[Piece],
              rules: set[int], used: set[int], join: float, dpi: float
              ) -> tuple[int, list[tuple[float, float]], tuple[float, float]] | None:
    """(piece, corners from p on, far end) of the stroke the line q -> p goes on with at p:
    the stroke that continues it, turns off it at a corner, or (the leg ending on a table
    rule) leaves the rule further along it."""
    nxt = _extend(p, pieces, used, join)
    if nxt is not None:
        return nxt[0], [p], nxt[1]
    turn = _corner(p, q, pieces, used, 0.1 * dpi, max(join, 0.03 * dpi))
    if turn is not None:
        return turn[0], [turn[1]], turn[2]
    return _along(p, q, pieces, rules, used, max(join, 0.03 * dpi), 0.05 * dpi, dpi)


def _headless(pieces: list[Piece], shapes: list[PixShape], taken: set[int], rules: set[int],
              tol: float, join: float, dpi: float
              ) -> list[tuple[list[tuple[float, float]], int | None, int | None, set[int]]]:
    """Branches whose head was not seen (merged into the thick outline of a symbol with a
    shadow): a line that leaves a decision at its left or right corner, followed leg by leg
    to the symbol it runs into, is an arrow from the decision. Only the side corners: an
    arrow whose head was missed enters a decision at its top, and would be turned round."""
    out: list[tuple[list[tuple[float, float]], int | None, int | None, set[int]]] = []
    for d, shape in enumerate(shapes):
        if shape.kind != "decision":
            continue
        x0, y0, x1, y1 = shape.box
        for n, pc in enumerate(pieces):
            if n in taken or not pc.horizontal or abs(pc.y0 - (y0 + y1) / 2) > 0.15 * (y1 - y0):
                continue
            a, b = _ends(pc)
            if _box_dist(b, shape.box) < _box_dist(a, shape.box):
                a, b = b, a
            if _box_dist(a, shape.box) > tol or min(abs(a[0] - x0), abs(a[0] - x1)) > tol:
                continue
            found = _follow([a, b], {n}, pieces, shapes, (taken, rules), d, tol, join, dpi)
            if found is not None:
                taken |= found[1]
                out.append((found[0], d, found[2], found[1]))
    return out


def _ahead(q: tuple[float, float], p: tuple[float, float], shapes: list[PixShape],
           reach: float, skip: int) -> int | None:
    """The symbol (not `skip`) the leg q -> p runs into within `reach` past p."""
    length = math.hypot(p[0] - q[0], p[1] - q[1])
    if length <= 0:
        return None
    tip = (p[0] + reach * (p[0] - q[0]) / length, p[1] + reach * (p[1] - q[1]) / length)
    for n, s in enumerate(shapes):
        if n != skip and _box_dist(tip, s.box) == 0 and _box_dist(p, s.box) > 0 and \
                _points_into(q, p, s.box):
            return n
    return None


def _follow(points: list[tuple[float, float]], used: set[int], pieces: list[Piece],
            shapes: list[PixShape], ruled: tuple[set[int], set[int]], start: int, tol: float,
            join: float, dpi: float) -> tuple[list[tuple[float, float]], set[int], int] | None:
    """(points, pieces, end shape) of the line from `points` on, leg by leg, to the symbol
    (not `start`) it runs into; None when it stops short of one. `ruled`: the pieces taken
    (rules and other arrows) and the table rules among them."""
    taken, rules = ruled
    for _ in range(MAX_LEGS):
        end = _shape_at(points[-1], shapes, tol, skip=start)
        if end is not None:
            return (points, used, end) if _points_into(points[-2], points[-1],
                                                       shapes[end].box) else None
        nxt = _extend(points[-1], pieces, used | taken, join)
        turn = None if nxt is not None else _corner(points[-1], points[-2], pieces,
                                                    used | taken, 0.1 * dpi,
                                                    max(join, 0.03 * dpi))
        if nxt is not None:
            k, far = nxt
        elif turn is not None:
            k, points[-1], far = turn
        else:  # the head's room before the symbol, its tip in the outline
            end = _ahead(points[-2], points[-1], shapes, 0.15 * dpi, start)
            if end is not None:
                return points, used, end
            leg = _along(points[-1], points[-2], pieces, rules, used | taken,
                         max(join, 0.03 * dpi), 0.05 * dpi, dpi)
            if leg is None:
                return None
            k, corners, far = leg
            points[-1:] = corners
        used.add(k)
        points.append(far)
    return None


def _along(p: tuple[float, float], q: tuple[float, float], pieces: list[Piece],
           rules: set[int], used: set[int], tol: float, least: float, long_: float
           ) -> tuple[int, list[tuple[float, float]], tuple[float, float]] | None:
    """(piece, corners from p on, far end) of the stroke a line takes up again after running
    along a table rule: the leg q -> p ends on a rule across it (the rest of the line lies
    over the rule, one stroke with it: a connector routed along a cell's edge), and the
    nearest stroke along that rule with an end on it, leaving it by more than `least` in
    the leg's direction, is the line going on (a stroke that crosses the rule has no end on
    it; only a line that ran along the rule stops there)."""
    flat = abs(p[0] - q[0]) >= abs(p[1] - q[1])
    across = [r for r, rule in enumerate(pieces) if rule.horizontal != flat and
              (r in rules or _length(rule) >= long_)]
    best, score = None, math.inf
    for r in across:
        rule = pieces[r]
        reach = tol + rule.thick / 2
        if _seg_dist(p, rule) > reach:
            continue
        for n, pc in enumerate(pieces):
            if n in used or n in rules or n == r or pc.horizontal != flat:
                continue
            for near, far in ((_ends(pc)[0], _ends(pc)[1]), (_ends(pc)[1], _ends(pc)[0])):
                if _seg_dist(near, rule) > reach or _seg_dist(far, rule) <= least + reach or \
                        any(_seg_dist(far, pieces[o]) <= tol + pieces[o].thick / 2
                            for o in across if o != r):
                    continue  # a cell's rule runs from one rule to the next
                along = abs(near[1] - p[1]) if flat else abs(near[0] - p[0])
                if along < score:
                    corner = (p[0], near[1]) if flat else (near[0], p[1])
                    best, score = (n, [p, corner], far), along
    return best


def _length(piece: Piece) -> float:
    return math.hypot(piece.x1 - piece.x0, piece.y1 - piece.y0)


def _seg_dist(p: tuple[float, float], piece: Piece) -> float:
    """Distance from p to the stroke."""
    (ax, ay), (bx, by) = _ends(piece)
    dx, dy = bx - ax, by - ay
    if dx == dy == 0:
        return math.hypot(p[0] - ax, p[1] - ay)
    t = max(0.0, min(1.0, ((p[0] - ax) * dx + (p[1] - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(p[0] - ax - t * dx, p[1] - ay - t * dy)


def _inside(piece: Piece, head: Box, grow: float) -> bool:
    """Whether the piece lies wholly within the head's box grown by `grow`: a stroke of the
    head's own outline (its base, across the head's direction), not a shaft running into it."""
    x0, y0, x1, y1 = head
    return (min(piece.x0, piece.x1) >= x0 - grow and max(piece.x0, piece.x1) <= x1 + grow and
            min(piece.y0, piece.y1) >= y0 - grow and max(piece.y0, piece.y1) <= y1 + grow)


def _shaft(head: Box, pieces: list[Piece], taken: set[int], touch: float
           ) -> tuple[int, int] | None:
    """(piece index, which end) of the stroke that runs into the head: the piece with an end
    nearest to it (within `touch`). A shaft reaches out of the head, the head's own base
    stays inside its box: a base is taken only when no shaft touches the head (an arrow
    too short to leave a stroke of its own)."""
    best: dict[bool, tuple[int, int]] = {}
    score = {True: touch, False: touch}
    for n, pc in enumerate(pieces):
        if n in taken:
            continue
        base = _inside(pc, head, touch)
        for e, p in enumerate(_ends(pc)):
            d = _box_dist(p, head)
            if d <= score[base]:
                best[base], score[base] = (n, e), d
    return best.get(False, best.get(True))


def _extend(p: tuple[float, float], pieces: list[Piece], used: set[int], join: float
            ) -> tuple[int, tuple[float, float]] | None:
    best, score = None, join
    for n, pc in enumerate(pieces):
        if n in used:
            continue
        a, b = _ends(pc)
        for near, far in ((a, b), (b, a)):
            d = math.hypot(near[0] - p[0], near[1] - p[1])
            if d <= score:
                best, score = (n, far), d
    return best


def _corner(p: tuple[float, float], q: tuple[float, float], pieces: list[Piece],
            used: set[int], overshoot: float, tol: float
            ) -> tuple[int, tuple[float, float], tuple[float, float]] | None:
    """(piece, corner, far end) of the stroke that turns off the leg q -> p where one of the
    two runs on a little past the corner (the stroke closed to a line beside it): their
    crossing lies within `overshoot` of p's end of the leg (or up to `tol` past it) and
    within `overshoot` of one end of the other stroke, whose far end leaves the leg.
    A corner may also have lost a stretch of one of its two strokes (ink under a signature
    or stamp that the scan route painted out): while one stroke reaches the crossing, the
    other may stop short of it by up to LOST_CORNER times `overshoot`."""
    flat = abs(p[0] - q[0]) >= abs(p[1] - q[1])
    length = math.hypot(q[0] - p[0], q[1] - p[1])
    if length <= 0:
        return None
    ux, uy = (q[0] - p[0]) / length, (q[1] - p[1]) / length
    lost = LOST_CORNER * overshoot
    best, score = None, lost + overshoot + tol
    for n, pc in enumerate(pieces):
        if n in used or pc.horizontal == flat:
            continue
        x = (pc.x0, p[1]) if flat else (p[0], pc.y0)  # where the two lines cross
        along = (x[0] - p[0]) * ux + (x[1] - p[1]) * uy  # < 0: the leg stops short of it
        if not -lost <= along <= min(overshoot, length - tol):
            continue
        for near, far in ((_ends(pc)[0], _ends(pc)[1]), (_ends(pc)[1], _ends(pc)[0])):
            past = math.hypot(near[0] - x[0], near[1] - x[1])
            if math.hypot(far[0] - x[0], far[1] - x[1]) <= overshoot or \
                    abs(along) + past >= score:
                continue
            if along >= -tol:  # the leg reaches the crossing: the other stroke may fall short
                ok = past <= (lost if along >= 0 else overshoot)
            else:  # the leg falls short: the other stroke reaches the crossing
                ok = past <= overshoot and _reaches(near, far, x, tol)
            if ok:
                best, score = (n, x, far), abs(along) + past
    return best


def _reaches(near: tuple[float, float], far: tuple[float, float], x: tuple[float, float],
             tol: float) -> bool:
    """Whether the stroke from `near` to `far` reaches the point x on its line (runs on to
    it or past it, or stops at most `tol` short)."""
    length = math.hypot(far[0] - near[0], far[1] - near[1])
    if length <= 0:
        return False
    t = ((x[0] - near[0]) * (far[0] - near[0]) + (x[1] - near[1]) * (far[1] - near[1])) / length
    return t >= -tol


__all__ = ["build_arrows"]
