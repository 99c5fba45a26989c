"""A reportlab Table that draws plain-text cells the cheapest way: one text object per cell.

reportlab's Table draws each line of a text cell with canvas.drawString: a text object per
line, and the line's width measured (for right-to-left text) and thrown away. A register of
10,000 rows has some 300,000 such lines. TextTable writes the same lines at the same places
(the leading set with the cell's font moves to the next line), so the page looks the same.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Table


class TextTable(Table):
    """reportlab's Table, with left-aligned, top-aligned plain-text cells drawn as one text
    object each; every other cell (paragraphs, centred or right-aligned text) as before."""

    _curcellstyle: Any  # Table's: the style of the cell drawn last (its font is set)

    def _drawCell(self, cellval: Any, cellstyle: Any, pos: tuple[float, float],  # noqa: N802
                  size: tuple[float, float]) -> None:
        if (not isinstance(cellval, str) or cellstyle.alignment != "LEFT"
                or cellstyle.valign != "TOP" or cellstyle.direction or cellstyle.shaping
                or cellstyle.href or cellstyle.destination):
            super()._drawCell(cellval, cellstyle, pos, size)  # type: ignore[misc]  # not in the stubs
            return
        canv = self.canv
        if self._curcellstyle is not cellstyle:  # the font and colour, as Table sets them
            cur = self._curcellstyle
            if cur is None or cellstyle.color != cur.color:
                canv.setFillColor(cellstyle.color)
            if (cur is None or cellstyle.leading != cur.leading
                    or cellstyle.fontname != cur.fontname or cellstyle.fontsize != cur.fontsize):
                canv.setFont(cellstyle.fontname, cellstyle.fontsize, cellstyle.leading)
            self._curcellstyle = cellstyle
        if not cellval:
            return  # an empty cell leaves no mark
        x = pos[0] + cellstyle.leftPadding
        y = pos[1] + size[1] - cellstyle.topPadding - cellstyle.fontsize
        text = canv.beginText(x, y)
        text.setLeading(cellstyle.leading)
        for line in cellval.split("\n"):
            text.textLine(line)  # then down by the leading, as Table's next drawString
        canv.drawText(text)
