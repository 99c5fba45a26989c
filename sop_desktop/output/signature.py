"""Who signs a printed document and how the signature block looks: shared by letters and reports.

Tata Naskah Dinas style: place and date (when the block carries them), the jabatan followed by a
comma (with Plt./Plh. before it when someone signs on another's behalf), room for the wet
signature and stamp, the name, and "NIP 19650702 198703 1 001". Parts nobody filled in print as
dotted lines for a person to complete by hand (reports), or are left out (letters).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

ACTING = {"plt": "Plt.", "plh": "Plh."}
SIGN_SPACE = 2.0 * cm  # room for the wet signature and the stamp
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
DOTS_JABATAN = "." * 40
DOTS_NAMA = "(" + "." * 38 + ")"
DOTS_NIP = "." * 30


def format_nip(nip: str | None) -> str:
    """An 18-digit NIP grouped as printed on official documents: 19650702 198703 1 001.

    Anything else (a 9-digit NRP, an empty value) is returned trimmed, unchanged."""
    digits = re.sub(r"\D", "", nip or "")
    if len(digits) == 18:
        return f"{digits[:8]} {digits[8:14]} {digits[14]} {digits[15:]}"
    return (nip or "").strip()


@dataclass
class Signer:
    """Who signs: the printed jabatan (already with Plt./Plh. when acting), name and NIP.

    `username` and `acting` are set for letters signed by a user of the app."""

    jabatan: str = ""
    nama: str = ""
    nip: str = ""
    username: str = ""
    acting: str = ""  # "", "Plt." or "Plh."

    @classmethod
    def from_dict(cls, data: dict | None) -> Signer:
        """From a stored setting such as {"jabatan": ..., "nama": ..., "nip": ...}."""
        data = data or {}
        return cls(str(data.get("jabatan") or ""), str(data.get("nama") or ""),
                   str(data.get("nip") or ""))

    def label(self) -> str:
        """'Kepala Kantor Wilayah (Dewi Gunawan)': how the history and registers name the signer
        (the name alone when there is no jabatan, the jabatan alone when there is no name)."""
        jabatan, nama = self.jabatan.strip(), self.nama.strip()
        return f"{jabatan} ({nama})" if jabatan and nama else jabatan or nama

    def is_empty(self) -> bool:
        return not (self.jabatan.strip() or self.nama.strip() or self.nip.strip())


def acting_jabatan(acting: str | None, jabatan: str) -> str:
    """'Plt. Kepala Kantor Wilayah' for acting 'plt' (or 'Plt.'); the jabatan itself otherwise."""
    key = (acting or "").strip().lower().rstrip(".")
    prefix = ACTING.get(key, "")
    return f"{prefix} {jabatan}".strip() if prefix else jabatan


def _markup(text: str) -> str:
    text = _CONTROL.sub("", str(text)).replace("\r\n", "\n").replace("\r", "\n")
    return escape(text).replace("\n", "<br/>")


@dataclass
class SignatureParts:
    """One signature block in two parts: above the room for the signature (place and date,
    jabatan) and below it (name, NIP). Two blocks side by side align part by part, so the
    names stay level even when one jabatan takes two lines."""

    top: list[Flowable]
    bottom: list[Flowable]


def signature_parts(signer: Signer | None, style: ParagraphStyle, *, place_date: str = "",
                    blanks: bool = False, bold_name: bool = False) -> SignatureParts:
    """The lines of one signature block as paragraphs in `style`.

    `blanks`: print dotted lines for a missing jabatan, name or NIP (a form to complete by
    hand); otherwise a missing part is left out."""
    signer = signer or Signer()
    top: list[Flowable] = []
    if place_date:
        top.append(Paragraph(_markup(place_date), style))
    jabatan = signer.jabatan.strip().rstrip(",")
    if jabatan:
        top.append(Paragraph(_markup(jabatan + ","), style))
    elif blanks:
        top.append(Paragraph(DOTS_JABATAN, style))
    bottom: list[Flowable] = []
    nama = signer.nama.strip()
    if nama:
        text = _markup(nama)
        bottom.append(Paragraph(f"<b>{text}</b>" if bold_name else text, style))
    elif blanks:
        bottom.append(Paragraph(DOTS_NAMA, style))
    nip = format_nip(signer.nip)
    if nip:
        bottom.append(Paragraph(_markup(f"NIP {nip}"), style))
    elif blanks:
        bottom.append(Paragraph(f"NIP {DOTS_NIP}", style))
    return SignatureParts(top, bottom)


def signature_column(signer: Signer | None, style: ParagraphStyle, *, place_date: str = "",
                     blanks: bool = False, bold_name: bool = False,
                     space: float = SIGN_SPACE) -> list[Flowable]:
    """One signature block as a single column of flowables, top to bottom."""
    parts = signature_parts(signer, style, place_date=place_date, blanks=blanks,
                            bold_name=bold_name)
    return [*parts.top, Spacer(1, space), *parts.bottom]


def _widest(parts: SignatureParts) -> float:
    """The width of the longest line of a block's paragraphs (markup removed), in points."""
    from html import unescape

    from reportlab.pdfbase.pdfmetrics import stringWidth

    widest = 0.0
    for p in [*parts.top, *parts.bottom]:
        if not isinstance(p, Paragraph):
            continue
        font = p.style.fontName
        bold = "<b>" in p.text
        for line in re.split(r"<br\s*/?>", p.text):
            text = unescape(re.sub(r"<[^>]+>", "", line))
            size = stringWidth(text, font, p.style.fontSize) * (1.08 if bold else 1.0)
            widest = max(widest, size)
    return widest


def signature_table(right: SignatureParts, width: float, *, left: SignatureParts | None = None,
                    column_width: float | None = None, space_before: float = 0.5 * cm,
                    space: float = SIGN_SPACE) -> KeepTogether:
    """One signature block on the right (and optionally a second on the left) across `width`,
    kept together on one page; with two blocks the jabatan lines and the names stay level."""
    col = column_width or min(8.2 * cm, width * 0.45)
    # a long jabatan or name keeps to one line: the right column grows into the gap (up to
    # what the left block needs, or 70 % of the width when there is none)
    col_left = col
    if left is not None:
        col_left = min(col, max(_widest(left) + 2, 3.5 * cm))
        room = width - col_left - 0.5 * cm
    else:
        room = width * 0.7
    col_right = max(col, min(room, _widest(right) + 2))
    gap = max(0.0, width - col_left - col_right)
    left = left or SignatureParts([], [])
    data: list[list[Any]] = [[left.top or "", "", right.top or ""], ["", "", ""],
            [left.bottom or "", "", right.bottom or ""]]
    table = Table(data, colWidths=[col_left, gap, col_right], rowHeights=[None, space, None],
                  hAlign="LEFT")
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    return KeepTogether([Spacer(1, space_before), table])
