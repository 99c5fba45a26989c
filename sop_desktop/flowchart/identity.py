"""The identity page of an SOP document (identitas SOP): office block, signer, numbered lists."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable

from sop_desktop.domain.model import IDENTITY_LABELS, Identity, SopDefinition
from sop_desktop.flowchart.geometry import HEADER_FILL, LEADING, MARGIN, PAD, Cell, Image, Page, Rect, TextRun
from sop_desktop.flowchart.text import (
    _cell,
    _list_cell,
    _numbered,
    _runs,
    _text_height,
    ascent,
    text_width,
    wrap,
)
from sop_desktop.output.fonts import SANS, SANS_BOLD
from sop_desktop.services.office import OfficeProfile

SIGN_GAP = 26 / 25.4 * 72  # free height between the signer's jabatan and name: signature and stamp
PLACEHOLDERS = {"KEMENTERIAN / LEMBAGA", "NAMA KANTOR"}  # an office profile nobody filled in
_MONTHS = {name: i for i, name in enumerate(
    ("januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september",
     "oktober", "november", "desember"), 1)}
_MONTHS.update({"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "agu": 8, "agt": 8,
                "ags": 8, "sep": 9, "sept": 9, "okt": 10, "nov": 11, "nop": 11, "des": 12,
                "nopember": 11, "pebruari": 2})


def office_hierarchy(profile: OfficeProfile | None) -> list[str]:
    """The office block of an identity page from an office profile: kementerian, kantor, unit
    (placeholders of a profile nobody filled in count as empty)."""
    if profile is None:
        return []
    parts = [getattr(profile, key, "") or "" for key in ("kementerian", "kantor", "unit")]
    return [p.strip() for p in parts if p.strip() and p.strip().upper() not in PLACEHOLDERS]


def print_date(text: str) -> str:
    """A date as typed in the source ("6 MEI 2024", "2024-05-06", "06/05/2024") printed the way
    letters print dates ("6 Mei 2024"); anything not read as a date is printed as typed."""
    raw = " ".join(str(text or "").split())
    day: int | None = None
    month: int | None = None
    year: int | None = None
    m = re.fullmatch(r"(\d{1,2})[ .-]+([A-Za-z]+)\.?[ .-]+(\d{4})", raw)
    if m and m.group(2).lower() in _MONTHS:
        day, month, year = int(m.group(1)), _MONTHS[m.group(2).lower()], int(m.group(3))
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", raw)
    if m:
        year, month, day = (int(g) for g in m.groups())
    m = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", raw)
    if m:
        day, month, year = (int(g) for g in m.groups())
    if day is None or month is None or year is None:
        return raw
    from sop_desktop.domain.dates import tanggal  # babel: loaded only when an identity page is made

    try:
        return tanggal(dt.date(year, month, day))
    except ValueError:
        return raw


def _identity_page(defn: SopDefinition, width: float, height: float, logo: str | None, *,
                   top: float = MARGIN, office: list[str] | None = None) -> Page:
    """The identity page; the font shrinks until everything fits on one page.

    `office`: the office hierarchy printed when the SOP's own is empty (from the office profile)."""
    size = 8.0
    while True:
        page = _identity_at(defn, width, height, logo, size, top, office or [])
        bottom = max(c.rect.bottom for c in page.cells)
        if bottom <= height - MARGIN - 4 or size <= 5.0:
            return page
        size -= 0.5


def _signer_lines(ident: Identity, size: float,
                  value_lines: Callable[..., list[str]]) -> list[tuple[str, str]]:
    """Jabatan, room for signature and stamp (SIGN_GAP), name, NIP as letters print it."""
    lead = size * LEADING
    signer = []
    if ident.disahkan_jabatan:
        signer += [(ln, SANS_BOLD) for ln in value_lines(ident.disahkan_jabatan, True)]
    blanks = max(2, math.ceil((SIGN_GAP + size) / lead) - 1)
    signer += [("", SANS)] * blanks
    signer += [(ln, SANS_BOLD) for ln in value_lines(ident.disahkan_nama or "-", True)]
    if ident.disahkan_nip.strip():
        # deferred: sop_desktop.output.signature imports reportlab's platypus, which the on-screen
        # flowchart of the first window does not need (start-up, issue 19)
        from sop_desktop.output.signature import format_nip

        signer += [(ln, SANS) for ln in value_lines(f"NIP {format_nip(ident.disahkan_nip)}")]
    return signer


def _identity_at(defn: SopDefinition, width: float, height: float, logo: str | None,
                 size: float, top: float, office: list[str]) -> Page:
    """The identity page at one font size: the label/value block, the logo and office block
    beside it, and the numbered lists below."""
    page = Page(1, "identity", width, height)
    x0, y0 = MARGIN, top
    total_w = width - 2 * MARGIN
    left_w = round(total_w * 0.42, 2)
    right_bottom = _identity_values(page, defn, x0 + left_w, y0, total_w - left_w, size)
    block_h = _identity_office(page, defn, Rect(x0, y0, left_w, right_bottom - y0), logo,
                               size, office)
    _identity_lists(page, defn, x0, y0 + block_h, total_w, size)
    return page


def _identity_values(page: Page, defn: SopDefinition, rx: float, y0: float, right_w: float,
                     size: float) -> float:
    """The right block (label / value rows: nomor, dates, signer, name) from (rx, y0); returns
    its bottom."""
    ident = defn.identity
    label_w = max(text_width(IDENTITY_LABELS["disahkan_oleh"], SANS_BOLD, size) + 2 * PAD + 4, 96)
    value_w = right_w - label_w

    def value_lines(text: str, bold: bool = False) -> list[str]:
        return wrap(text or "-", SANS_BOLD if bold else SANS, size, value_w - 2 * PAD) or ["-"]

    signer = _signer_lines(ident, size, value_lines)
    rows = [
        ("nomor", [(ln, SANS) for ln in value_lines(ident.nomor)]),
        ("tanggal_pembuatan", [(ln, SANS) for ln in value_lines(print_date(ident.tanggal_pembuatan))]),
        ("tanggal_revisi", [(ln, SANS) for ln in value_lines(print_date(ident.tanggal_revisi))]),
        ("tanggal_efektif", [(ln, SANS) for ln in value_lines(print_date(ident.tanggal_efektif))]),
        ("disahkan_oleh", signer),
        ("nama", [(ln, SANS_BOLD) for ln in value_lines(defn.name.upper(), True)]),
    ]
    lead = size * LEADING
    y = y0
    for key, lines in rows:
        h = _text_height(len(lines), size)
        label = Rect(rx, y, label_w, h)
        page.cells.append(_cell(label, IDENTITY_LABELS[key], SANS_BOLD, size, role=f"label:{key}"))
        value = Rect(rx + label_w, y, value_w, h)
        runs = []
        for i, (line, font) in enumerate(lines):
            if line:
                center = key == "disahkan_oleh"
                lw = text_width(line, font, size)
                x = value.cx - lw / 2 if center else value.x + PAD
                runs.append(TextRun(x, y + PAD + ascent(font, size) + i * lead, line, font, size))
        page.cells.append(Cell(value, runs, f"value:{key}"))
        y += h
    return y


def _identity_office(page: Page, defn: SopDefinition, area: Rect, logo: str | None,
                     size: float, office: list[str]) -> float:
    """The left block (logo above the office hierarchy) in `area`: as tall as area.h (the right
    block's height) or taller, the right block's last row then stretched; returns its height."""
    x0, y0, left_w = area.x, area.y, area.w
    hierarchy = [h for h in defn.identity.hierarchy if str(h).strip()] or office or ["-"]
    logo_h = 62.0
    hier_lines = []
    for item in hierarchy:
        hier_lines += wrap(str(item).upper(), SANS_BOLD, size + 0.5, left_w - 4 * PAD)
    block_h = max(area.h, logo_h + 12 + _text_height(len(hier_lines), size + 0.5) + 6)
    left = Rect(x0, y0, left_w, block_h)
    if logo:
        page.images.append(Image(Rect(left.cx - logo_h / 2, y0 + 8, logo_h, logo_h), logo))
    text_rect = Rect(x0, y0 + logo_h + 12, left_w, block_h - logo_h - 12)
    page.cells.append(Cell(left, _runs(hier_lines, text_rect, SANS_BOLD, size + 0.5, "center"),
                           "hierarchy"))
    if block_h > area.h:  # stretch the NAMA SOP row to the left block's height
        last = page.cells[-2]
        extra = block_h - area.h
        last.rect.h += extra
        page.cells[-3].rect.h += extra
    return block_h


def _identity_lists(page: Page, defn: SopDefinition, x0: float, y: float, total_w: float,
                    size: float) -> None:
    """The lower block from (x0, y): three pairs of numbered lists side by side."""
    ident = defn.identity
    half = total_w / 2
    pairs = (("dasar_hukum", "kualifikasi_pelaksana"), ("keterkaitan", "peralatan_perlengkapan"),
             ("peringatan", "pencatatan_pendataan"))
    for a, b in pairs:
        h = _text_height(1, size)
        for i, key in enumerate((a, b)):
            rect = Rect(x0 + i * half, y, half, h)
            page.cells.append(_cell(rect, IDENTITY_LABELS[key] + ":", SANS_BOLD, size,
                                    role=f"label:{key}", fill=HEADER_FILL))
        y += h
        lists = [_numbered(getattr(ident, key), half, size) for key in (a, b)]
        h = _text_height(max(len(x) for x in lists), size)
        for i, key in enumerate((a, b)):
            page.cells.append(_list_cell(Rect(x0 + i * half, y, half, h), lists[i], size,
                                         f"value:{key}"))
        y += h
