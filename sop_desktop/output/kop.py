"""The kop surat (letterhead) drawn from an OfficeProfile, for letters and for reports.

Layout as in Tata Naskah Dinas: the logo on the left; kementerian, kantor and unit centred in
bold capitals; the address and contact lines small below; a double rule (thick over thin) under
it all. Use `KopSurat` as a platypus flowable, or `draw_kop()` on a bare canvas.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

from sop_desktop.output.fonts import SANS, SANS_BOLD, register_fonts
from sop_desktop.services.office import OfficeProfile

THICK_RULE = 2.2
THIN_RULE = 0.6
RULE_GAP = 1.6  # between the thick and the thin line
TEXT_GAP = 4.0  # between the last text line and the thick line


def _styles(scale: float) -> dict[str, ParagraphStyle]:
    register_fonts()

    def style(name: str, font: str, size: float) -> ParagraphStyle:
        return ParagraphStyle(name, fontName=font, fontSize=size * scale, leading=size * scale * 1.22,
                              alignment=TA_CENTER, spaceAfter=0, spaceBefore=0)

    return {
        "kementerian": style("kop-kementerian", SANS_BOLD, 12),
        "kantor": style("kop-kantor", SANS_BOLD, 14),
        "unit": style("kop-unit", SANS_BOLD, 12),
        "small": style("kop-small", SANS, 8.5),
    }


def _lines(profile: OfficeProfile, scale: float) -> list[Paragraph]:
    """The text lines of the kop as paragraphs (escaped: '&' in a name prints as typed)."""
    st = _styles(scale)
    out = []
    for key in ("kementerian", "kantor", "unit"):
        text = getattr(profile, key).strip()
        if text:
            out.append(Paragraph(escape(text.upper()), st[key]))
    address = profile.alamat.strip()
    if address:
        out.append(Paragraph(escape(address).replace("\n", "<br/>"), st["small"]))
    contact = profile.contact_line()
    if contact:
        out.append(Paragraph(escape(contact), st["small"]))
    return out


class KopSurat(Flowable):
    """The letterhead as a flowable of the full frame width. `scale` < 1 for small forms."""

    def __init__(self, profile: OfficeProfile, *, scale: float = 1.0, logo_size: float = 2.3 * cm):
        super().__init__()
        self.profile = profile
        self.scale = scale
        self.logo_size = logo_size * scale
        self._paras: list[Paragraph] = []
        self._text_height = 0.0

    def _text_box(self, width: float) -> tuple[float, float]:
        """(x, width) of the text block: centred in the room right of the logo."""
        if self.profile.logo_file() is None:
            return 0.0, width
        gap = self.logo_size + 0.25 * cm
        return gap, width - gap

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self._paras = _lines(self.profile, self.scale)
        _, tw = self._text_box(avail_width)
        self._text_height = sum(p.wrap(tw, avail_height)[1] for p in self._paras)
        body = max(self._text_height, self.logo_size if self.profile.logo_file() else 0)
        self.height = body + TEXT_GAP + THICK_RULE + RULE_GAP + THIN_RULE
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        width = self.width
        rules = TEXT_GAP + THICK_RULE + RULE_GAP + THIN_RULE
        body = self.height - rules
        logo = self.profile.logo_file()
        if logo is not None:
            # vertically centred on the text block; preserveAspectRatio keeps odd logos round
            y = rules + (body - self.logo_size) / 2
            canv.drawImage(str(logo), 0, y, width=self.logo_size, height=self.logo_size,
                           preserveAspectRatio=True, anchor="c", mask="auto")
        x, tw = self._text_box(width)
        y = rules + (body + self._text_height) / 2
        for para in self._paras:
            h = para.wrap(tw, self.height)[1]
            y -= h
            para.drawOn(canv, x, y)
        canv.saveState()
        canv.setLineWidth(THICK_RULE)
        top_rule = THIN_RULE + RULE_GAP + THICK_RULE / 2
        canv.line(0, top_rule, width, top_rule)
        canv.setLineWidth(THIN_RULE)
        canv.line(0, THIN_RULE / 2, width, THIN_RULE / 2)
        canv.restoreState()


def draw_kop(canvas: Canvas, profile: OfficeProfile, x: float, top: float, width: float, *,
             scale: float = 1.0) -> float:
    """Draw the kop on a canvas with its top edge at `top`; returns the height used."""
    kop = KopSurat(profile, scale=scale)
    _, height = kop.wrap(width, top)
    kop.drawOn(canvas, x, top - height)
    return height
