"""Letters to PDF (reportlab), laid out as in Tata Naskah Dinas, from a plain dict of values.

`fill(template, values)` checks that every placeholder has a value and fills the template;
`render_pdf(filled, profile, out)` draws it. Every piece of text is escaped before it reaches
reportlab's Paragraph markup, so "<b>&amp; x < y" typed by a user prints exactly like that.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus.doctemplate import BaseDocTemplate, LayoutError

from sop_desktop.domain.dates import tanggal
from sop_desktop.letters.derived import with_derived_values
from sop_desktop.letters.templates import (
    DISPOSISI_FIELDS,
    STANDARD_FIELDS,
    Block,
    Template,
    TemplateError,
    placeholders_in,
    substitute,
)
from sop_desktop.output import docmeta
from sop_desktop.output.fonts import SANS, SANS_BOLD, SERIF, SERIF_BOLD, register_fonts
from sop_desktop.output.kop import KopSurat
from sop_desktop.output.signature import Signer, signature_parts, signature_table
from sop_desktop.services.office import OfficeProfile

PAPER_SIZES = {
    "A4": (21.0 * cm, 29.7 * cm),
    "F4": (21.5 * cm, 33.0 * cm),
    "F4-setengah": (21.5 * cm, 16.5 * cm),
}
HEADER_TEXT_KEYS = ("sifat", "lampiran", "hal", "kepada", "di")
FRAME_PADDING = 6.0  # reportlab's default Frame padding, on each side

# The fixed boxes of the lembar disposisi; the ticked ones are those named in the value.
DISPOSISI_SIFAT = ("Sangat Segera", "Segera", "Rahasia")
DISPOSISI_HARAP = ("Tanggapan dan Saran", "Proses lebih lanjut", "Koordinasikan/konfirmasikan")
BOX_EMPTY, BOX_TICKED = "\u2610", "\u2612"


@dataclass
class FilledLetter:
    """A template with every placeholder filled: what gets printed, as plain text."""

    template: Template
    values: dict[str, str]
    texts: dict[str, str]  # sifat, lampiran, hal, kepada, di, judul, penandatangan, ttd_kiri_*
    tembusan: list[str]
    body: list[Block]
    extra: dict[str, str] = field(default_factory=dict)

    def printed_texts(self) -> list[str]:
        """Every filled-in text that appears on the page (tests compare these with the PDF)."""
        kind, t, v = self.template.kind, self.texts, self.values
        if kind == "disposisi":
            return [x for k, x in self.extra.items()
                    if x and k not in ("sifat_disposisi", "harap")]
        out = [v.get("nomor", "")] if self.template.numbered else []
        if kind in ("surat", "nota_dinas"):
            out += [t["sifat"], t["lampiran"], t["hal"]]
        if kind != "surat":
            out.append(t.get("judul", ""))
        if kind != "sertifikat" and t.get("kepada"):
            out.append(t["kepada"])
            if kind != "nota_dinas":
                out.append(t.get("di", ""))
        for block in self.body:
            for line in block.lines:
                if block.kind == "data":
                    label, _, value = line.partition("::")
                    if value.startswith("?") and not value[1:].strip():
                        continue  # an optional row left out
                    out += [label.strip(), value.lstrip("?").strip()]
                else:
                    out.append(line)
        out += [v.get("penandatangan_jabatan", ""), v.get("penandatangan_nama", ""),
                v.get("penandatangan_nip", "")]
        out += [t.get(k, "") for k in ("ttd_kiri_jabatan", "ttd_kiri_nama", "ttd_kiri_nip",
                                       "ttd_kanan_judul")]
        if kind != "sertifikat":
            out += self.tembusan
        return [x for x in out if x and x.strip()]


def fill(template: Template, values: dict[str, str]) -> FilledLetter:
    """Fill every placeholder from `values`; a missing value names its field and the template."""
    source = str(template.path or template.id)
    vals = {k: ("" if v is None else str(v)) for k, v in values.items()}
    vals = with_derived_values(vals)
    texts: dict[str, str] = {}
    # header texts first (a value typed by the user wins), so that the body can use {hal} etc.
    for key in HEADER_TEXT_KEYS:
        if key not in vals:
            _require(template, template.texts[key], vals, source)
            vals[key] = substitute(template.texts[key], vals, source=source)
        texts[key] = vals[key]
    for key, raw in template.texts.items():
        if key in HEADER_TEXT_KEYS:
            continue
        _require(template, raw, vals, source)
        texts[key] = substitute(raw, vals, source=source)
    tembusan = []
    for raw in template.tembusan:
        _require(template, raw, vals, source)
        text = substitute(raw, vals, source=source).strip()
        if text:
            tembusan.append(text)
    if "tembusan" in vals:  # typed by the user: one per line (or separated by ';')
        tembusan = [t.strip() for t in vals["tembusan"].replace(";", "\n").splitlines() if t.strip()]
    body = []
    for block in template.body:
        lines = []
        for raw in block.lines:
            _require(template, raw, vals, source)
            lines.append(substitute(raw, vals, source=source))
        body.append(Block(block.kind, lines))
    extra = {}
    if template.kind == "disposisi":
        for key in DISPOSISI_FIELDS + ("nomor_agenda", "tanggal_diterima", "perihal", "tanggal",
                                       "penandatangan_jabatan", "penandatangan_nama"):
            extra[key] = vals.get(key, "")
        nip = vals.get("penandatangan_nip", "")
        extra["penandatangan_nip"] = f"NIP {nip}" if nip else ""
    return FilledLetter(template, vals, texts, tembusan, body, extra)


def _require(template: Template, text: str, values: dict[str, str], source: str) -> None:
    for name in placeholders_in(text, source=source):
        if name not in values:
            label = (template.fields[name].label if name in template.fields
                     else STANDARD_FIELDS.get(name, name))
            raise TemplateError(f"Templat {template.id}: isian '{name}' ({label}) belum diisi; "
                                f"isi dengan --field {name}=...")


# ---------------------------------------------------------------- styles


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _text(value: str) -> str:
    """Plain text to Paragraph markup: escaped, line breaks kept, control characters dropped."""
    text = _CONTROL.sub("", str(value)).replace("\r\n", "\n").replace("\r", "\n")
    return escape(text).replace("\n", "<br/>")


MAX_EXTRA_SPACE = 1.2  # a justified line may widen each word gap by this many spaces at most


class _Justified(Paragraph):
    """A justified paragraph whose lines never open very wide gaps: a line that would stretch
    each gap by more than MAX_EXTRA_SPACE spaces (a long number pushed to the next line, a
    short first line after the indent) is set with ordinary spacing instead."""

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        result = super().wrap(aw, ah)
        para = getattr(self, "blPara", None)
        if para is not None and getattr(para, "kind", 1) == 0:
            from reportlab.pdfbase.pdfmetrics import stringWidth

            limit = MAX_EXTRA_SPACE * stringWidth(" ", self.style.fontName, self.style.fontSize)
            para.lines = [(extra if len(words) < 2 or extra / (len(words) - 1) <= limit
                           else 0.0, words) for extra, words in para.lines]
        return result

    def split(self, aw: float, ah: float) -> list[Flowable]:
        return [_as_justified(p) for p in super().split(aw, ah)]


def _as_justified(p: Flowable) -> Flowable:
    """The same paragraph (a split part) with the gap rule of _Justified."""
    if isinstance(p, Paragraph) and not isinstance(p, _Justified):
        p.__class__ = _Justified
    return p


def _para(text: str, style: ParagraphStyle) -> Paragraph:
    """A body paragraph: justified ones keep their word gaps moderate."""
    return _Justified(text, style) if style.alignment == TA_JUSTIFY else Paragraph(text, style)


class _Styles:
    def __init__(self, size: float = 10.5) -> None:
        register_fonts()
        self.frame_height = 0.0  # set by render_pdf: forms that fill the sheet need it
        lead = size * 1.38
        self.body = ParagraphStyle("body", fontName=SERIF, fontSize=size, leading=lead,
                                   alignment=TA_JUSTIFY, firstLineIndent=1.25 * cm, spaceAfter=size * 0.6)
        self.plain = ParagraphStyle("plain", parent=self.body, alignment=TA_LEFT, firstLineIndent=0,
                                    spaceAfter=0)
        self.centre = ParagraphStyle("centre", parent=self.plain, alignment=TA_CENTER)
        self.title = ParagraphStyle("title", parent=self.centre, fontName=SERIF_BOLD,
                                    fontSize=size + 1.5, leading=(size + 1.5) * 1.3)
        self.heading = ParagraphStyle("heading", parent=self.centre, fontName=SERIF_BOLD,
                                      spaceBefore=size * 0.3, spaceAfter=size * 0.6)
        self.small = ParagraphStyle("small", parent=self.plain, fontSize=size - 1.5,
                                    leading=(size - 1.5) * 1.3)
        self.form = ParagraphStyle("form", fontName=SANS, fontSize=8.6, leading=10.8)
        self.form_bold = ParagraphStyle("form-bold", parent=self.form, fontName=SANS_BOLD)
        self.form_title = ParagraphStyle("form-title", parent=self.form_bold, fontSize=11.5,
                                         leading=14, alignment=TA_CENTER)


def _rows_table(rows: list[tuple[str, str]], st: _Styles, widths: tuple[float, float, float],
                *, style: ParagraphStyle | None = None) -> Table:
    """A label : value block (no borders), values wrapping under themselves."""
    style = style or st.plain
    data = [[Paragraph(_text(a), style), Paragraph(":", style), Paragraph(_text(b), style)]
            for a, b in rows]
    table = Table(data, colWidths=list(widths), hAlign="LEFT")
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
    ]))
    return table


class _Rule(Flowable):
    """A single horizontal line across the frame (under the nota dinas header)."""

    def __init__(self, width_pt: float = 0.8, space: float = 4) -> None:
        super().__init__()
        self.line_width, self.space = width_pt, space

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = aw
        return aw, self.space * 2

    def draw(self) -> None:
        self.canv.setLineWidth(self.line_width)
        self.canv.line(0, self.space, self.width, self.space)


# ---------------------------------------------------------------- blocks


def _body(blocks: list[Block], st: _Styles, width: float, *, centred: bool = False) -> list:
    out: list = []
    para_style = st.centre if centred else st.body
    for block in blocks:
        if block.kind == "heading":
            for line in block.lines:
                out.append(Paragraph(_text(line), st.heading))
        elif block.kind == "data":
            rows = []
            for line in block.lines:
                label, _, value = line.partition("::")
                if value.startswith("?"):  # "Label ::? {x}": left out when x is empty
                    value = value[1:]
                    if not value.strip():
                        continue
                # an empty value reads as a forgotten line; a dash says "nothing to state"
                rows.append((label.strip(), value.strip() or "-"))
            if not rows:
                continue
            label_w = min(max(3.6 * cm, max(len(r[0]) for r in rows) * 0.2 * cm), 6 * cm)
            indent = 0 if centred else 1.25 * cm
            table = _rows_table(rows, st, (label_w, 0.4 * cm, width - indent - label_w - 0.4 * cm))
            if centred:
                table.hAlign = "CENTER"
                out.append(table)
            else:
                out.append(Table([[None, table]], colWidths=[indent, width - indent], hAlign="LEFT",
                                 style=[("LEFTPADDING", (0, 0), (-1, -1), 0),
                                        ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
            out.append(Spacer(1, st.body.spaceAfter))
        elif block.kind == "list":
            number_style = st.plain.clone("li-no", alignment=TA_RIGHT)
            data = [[Paragraph(f"{i}.", number_style), _para(_text(line), st.body.clone(
                "li", firstLineIndent=0, spaceAfter=2))] for i, line in enumerate(block.lines, 1)]
            indent = 1.25 * cm
            table = Table(data, colWidths=[indent + 0.7 * cm, width - indent - 0.7 * cm], hAlign="LEFT")
            table.setStyle(TableStyle([
                ("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (0, 0), (0, -1), "RIGHT"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (0, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
            out.append(table)
            out.append(Spacer(1, st.body.spaceAfter))
        else:
            text = block.lines[0]
            style = para_style
            if not centred and text[:1].islower():
                # a paragraph that carries on the sentence before it ("dengan ini menerangkan
                # bahwa:", "telah selesai ...") starts at the margin, without the indent
                style = st.body.clone("continued", firstLineIndent=0)
            out.append(_para(_text(text), style))
    return out


def _signature(letter: FilledLetter, st: _Styles, width: float, *, dated: bool) -> Flowable:
    """The signature block on the right (and a second one on the left when the template has
    it, e.g. "Yang menerima" on a berita acara), jabatan lines and names level."""
    v, t = letter.values, letter.texts
    place_date = ""
    if dated:
        place_date = f"{v.get('kota', '')}, {v.get('tanggal', '')}".strip(", ")
    if t.get("ttd_kanan_judul"):  # "Yang menerima" above the receiver's own jabatan
        place_date = "\n".join(x for x in (place_date, t["ttd_kanan_judul"]) if x)
    right = signature_parts(
        Signer(v.get("penandatangan_jabatan", "") or t.get("penandatangan", ""),
               v.get("penandatangan_nama", ""), v.get("penandatangan_nip", "")),
        st.plain, place_date=place_date)
    left = None
    if t.get("ttd_kiri_jabatan") or t.get("ttd_kiri_nama"):
        left = signature_parts(
            Signer(t.get("ttd_kiri_jabatan", ""), t.get("ttd_kiri_nama", ""),
                   t.get("ttd_kiri_nip", "")), st.plain)
    return signature_table(right, width, left=left, space=2.1 * cm)


def _tembusan(letter: FilledLetter, st: _Styles, width: float) -> list:
    if not letter.tembusan:
        return []
    out: list = [Spacer(1, 0.6 * cm), Paragraph("Tembusan:", st.small)]
    if len(letter.tembusan) == 1:
        out.append(Paragraph(_text(letter.tembusan[0]), st.small))
        return [KeepTogether(out)]
    data = [[Paragraph(f"{i}.", st.small), Paragraph(_text(t), st.small)]
            for i, t in enumerate(letter.tembusan, 1)]
    table = Table(data, colWidths=[0.6 * cm, width - 0.6 * cm], hAlign="LEFT")
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    out.append(table)
    return [KeepTogether(out)]


# ---------------------------------------------------------------- kinds


def _story_surat(letter: FilledLetter, profile: OfficeProfile, st: _Styles, width: float) -> list:
    v, t = letter.values, letter.texts
    story: list = [KopSurat(profile), Spacer(1, 0.45 * cm)]
    date_w = 6.0 * cm
    rows = [("Nomor", v.get("nomor", "")), ("Sifat", t["sifat"]), ("Lampiran", t["lampiran"]),
            ("Hal", t["hal"])]
    head = _rows_table(rows, st, (2.2 * cm, 0.4 * cm, width - date_w - 2.6 * cm - 0.3 * cm))
    place_date = f"{v.get('kota', '')}, {v.get('tanggal', '')}".strip(", ")
    outer = Table([[head, Paragraph(_text(place_date), st.plain)]],
                  colWidths=[width - date_w, date_w], hAlign="LEFT")
    outer.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("ALIGN", (1, 0), (1, 0), "LEFT")]))
    story += [outer, Spacer(1, 0.7 * cm)]
    story += _addressee(t, st)
    story += _body(letter.body, st, width)
    story.append(_signature(letter, st, width, dated=False))
    story += _tembusan(letter, st, width)
    return story


def _addressee(t: dict[str, str], st: _Styles) -> list:
    if not t.get("kepada"):
        return []
    out: list = [Paragraph(_text("Yth. " + t["kepada"]), st.plain)]
    if t.get("di"):
        out.append(Paragraph("di", st.plain))
        out.append(Paragraph(_text(t["di"]), st.plain.clone("di-place", leftIndent=0.9 * cm)))
    out.append(Spacer(1, 0.6 * cm))
    return out


def _story_nota_dinas(letter: FilledLetter, profile: OfficeProfile, st: _Styles, width: float) -> list:
    v, t = letter.values, letter.texts
    story: list = [KopSurat(profile), Spacer(1, 0.4 * cm),
                   Paragraph(_text(t.get("judul") or "NOTA DINAS"), st.title)]
    if v.get("nomor"):
        story.append(Paragraph(_text(f"Nomor {v['nomor']}"), st.centre))
    story.append(Spacer(1, 0.5 * cm))
    dari = v.get("penandatangan_jabatan", "") or t.get("penandatangan", "")
    rows = [("Yth.", t["kepada"]), ("Dari", dari)]
    rows += [("Sifat", t["sifat"]), ("Lampiran", t["lampiran"]), ("Hal", t["hal"]),
             ("Tanggal", v.get("tanggal", ""))]
    story.append(_rows_table(rows, st, (2.4 * cm, 0.4 * cm, width - 2.8 * cm)))
    story += [_Rule(), Spacer(1, 0.3 * cm)]
    story += _body(letter.body, st, width)
    story.append(_signature(letter, st, width, dated=False))
    story += _tembusan(letter, st, width)
    return story


def _story_naskah(letter: FilledLetter, profile: OfficeProfile, st: _Styles, width: float) -> list:
    v, t = letter.values, letter.texts
    story: list = [KopSurat(profile), Spacer(1, 0.5 * cm)]
    title = t.get("judul") or letter.template.name.upper()
    story.append(Paragraph("<u>" + _text(title) + "</u>", st.title))
    if letter.template.numbered and v.get("nomor"):
        story.append(Paragraph(_text(f"Nomor {v['nomor']}"), st.centre))
    story.append(Spacer(1, 0.6 * cm))
    story += _addressee(t, st)
    story += _body(letter.body, st, width)
    story.append(_signature(letter, st, width, dated=True))
    story += _tembusan(letter, st, width)
    return story


def _story_sertifikat(letter: FilledLetter, profile: OfficeProfile, st: _Styles, width: float) -> list:
    v, t = letter.values, letter.texts
    story: list = []
    logo = profile.logo_file()
    if logo is not None:
        from reportlab.platypus import Image

        story.append(Image(str(logo), width=2.2 * cm, height=2.2 * cm))
    for key in ("kementerian", "kantor"):
        text = getattr(profile, key).strip()
        if text:
            story.append(Paragraph(_text(text.upper()), st.centre.clone("c-b", fontName=SERIF_BOLD)))
    story.append(Spacer(1, 0.8 * cm))
    big = st.title.clone("big", fontSize=30, leading=36, spaceAfter=6)
    story.append(Paragraph(_text(t.get("judul") or "SERTIFIKAT"), big))
    if letter.template.numbered and v.get("nomor"):
        story.append(Paragraph(_text(f"Nomor {v['nomor']}"), st.centre))
    story.append(Spacer(1, 0.8 * cm))
    cst = _Styles(st.body.fontSize + 1.5)
    cst.centre = cst.centre.clone("cert-text", spaceAfter=6)
    cst.heading = cst.heading.clone("cert-name", fontSize=20, leading=26, spaceBefore=6, spaceAfter=10)
    story += _body(letter.body, cst, width, centred=True)
    story.append(_signature(letter, st, width, dated=True))
    return story


def _story_disposisi(letter: FilledLetter, profile: OfficeProfile, st: _Styles, width: float) -> list:
    e = letter.extra
    f, fb = st.form, st.form_bold

    def cell(label: str, value: str) -> Paragraph:
        return Paragraph(f"<font name='{SANS_BOLD}'>{escape(label)}</font>: {_text(value)}", f)

    def boxes(options: tuple[str, ...], chosen: str, *, inline: bool) -> Paragraph:
        picked = {p.strip().casefold() for p in chosen.replace(";", ",").replace("\n", ",").split(",")}
        parts = [f"{BOX_TICKED if o.casefold() in picked else BOX_EMPTY} {escape(o)}" for o in options]
        return Paragraph(("&nbsp;&nbsp;&nbsp;" if inline else "<br/>").join(parts), f)

    half = width / 2
    data: list[list[Any]] = [
        [cell("Surat dari", e["surat_dari"]), cell("Diterima tanggal", e["tanggal_diterima"])],
        [cell("Nomor surat", e["nomor_surat"]), cell("Nomor agenda", e["nomor_agenda"])],
        [cell("Tanggal surat", e["tanggal_surat"]),
         [Paragraph("Sifat:", fb), boxes(DISPOSISI_SIFAT, e["sifat_disposisi"], inline=True)]],
        [cell("Perihal", e["perihal"]), ""],
        [[Paragraph("Diteruskan kepada Sdr.:", fb), Paragraph(_text(e["diteruskan_kepada"]), f)],
         [Paragraph("Dengan hormat harap:", fb), boxes(DISPOSISI_HARAP, e["harap"], inline=False)]],
        [[Paragraph("Catatan:", fb), Paragraph(_text(e["catatan"]), f)],
         _paraf(e, f, fb)],
    ]
    table_style = TableStyle([
        ("BOX", (0, 0), (-1, -1), 1.2, "black"),
        ("LINEAFTER", (0, 0), (0, 2), 0.6, "black"),
        ("LINEABOVE", (0, 3), (-1, 3), 0.6, "black"),
        ("LINEABOVE", (0, 4), (-1, 4), 0.6, "black"),
        ("LINEAFTER", (0, 4), (0, 4), 0.6, "black"),
        ("LINEABOVE", (0, 5), (-1, 5), 0.6, "black"),
        ("LINEAFTER", (0, 5), (0, 5), 0.6, "black"),
        ("SPAN", (0, 3), (1, 3)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ])
    head: list = [KopSurat(profile, scale=0.72), Spacer(1, 0.15 * cm),
                  Paragraph(_text(letter.texts.get("judul") or "LEMBAR DISPOSISI"), st.form_title),
                  Spacer(1, 0.15 * cm)]
    # the two free-writing rows (disposition, notes/paraf) take whatever height the sheet has left
    base = [None, None, None, None, 2.4 * cm, 2.0 * cm]
    used = sum(f.wrap(width, st.frame_height)[1] for f in head)
    used += Table(data, colWidths=[half, half], rowHeights=base, style=table_style).wrap(
        width, st.frame_height)[1]
    spare = max(0.0, st.frame_height - used - 24)  # the frame pads 6 pt on each side
    heights = base[:4] + [base[4] + spare * 0.55, base[5] + spare * 0.45]
    table = Table(data, colWidths=[half, half], rowHeights=heights, style=table_style)
    story = head + [table]
    story += _body(letter.body, st, width)
    return story


def _paraf(e: dict[str, str], f: ParagraphStyle, fb: ParagraphStyle) -> list:
    """The official's box of the disposisi: date, jabatan, room to initial, name and NIP."""
    out: list = [Paragraph("Paraf:", fb)]
    if e.get("tanggal"):
        out.append(Paragraph(f"Tanggal: {_text(e['tanggal'])}", f))
    if e.get("penandatangan_jabatan"):
        out.append(Paragraph(_text(e["penandatangan_jabatan"].rstrip(",") + ","), f))
    out.append(Spacer(1, 1.0 * cm))
    if e.get("penandatangan_nama"):
        out.append(Paragraph(_text(e["penandatangan_nama"]), fb))
    if e.get("penandatangan_nip"):
        out.append(Paragraph(_text(e["penandatangan_nip"]), f))
    return out


_STORIES = {"surat": _story_surat, "nota_dinas": _story_nota_dinas, "naskah": _story_naskah,
            "sertifikat": _story_sertifikat, "disposisi": _story_disposisi}


def page_size(template: Template) -> tuple[float, float]:
    w, h = PAPER_SIZES[template.paper]
    return (max(w, h), min(w, h)) if template.orientation == "landscape" else (w, h)


# left, right, top, bottom; Tata Naskah Dinas (every other kind): wider binding margin on the left
_MARGINS_CM = {"surat": (2.5, 2.0, 1.2, 2.0), "disposisi": (1.2, 1.2, 0.8, 0.6),
               "sertifikat": (3.5, 3.5, 2.0, 1.5)}


def render_pdf(letter: FilledLetter, profile: OfficeProfile, out: str | Path | io.BytesIO) -> None:
    """Draw a filled letter as a PDF file (or into a BytesIO)."""
    register_fonts()
    tpl = letter.template
    size = page_size(tpl)
    left, right, top, bottom = _MARGINS_CM.get(tpl.kind, _MARGINS_CM["surat"])
    target = str(out) if isinstance(out, Path) else out
    title = f"{tpl.name} {letter.values.get('nomor', '')}".strip()
    doc = SimpleDocTemplate(target, pagesize=size, leftMargin=left * cm, rightMargin=right * cm,
                            topMargin=top * cm, bottomMargin=bottom * cm, **docmeta.pdf_info(
        title=title, subject=tpl.name, author=profile.kantor or profile.kementerian,
        keywords=letter.values.get("nomor_agenda", "")))
    st = _Styles()
    st.frame_height = doc.height
    # the frame pads 6 pt on each side: tables as wide as doc.width would stick out of it
    story = _STORIES[tpl.kind](letter, profile, st, doc.width - 2 * FRAME_PADDING)
    on_page = _border if tpl.kind == "sertifikat" else _page_number
    try:
        doc.build(story, onFirstPage=on_page, onLaterPages=on_page)
    except LayoutError:
        # a table cell (hal, Yth., a "Label :: nilai" row) longer than a whole page
        raise TemplateError(f"Surat {tpl.id} tidak dapat ditata: ada isian yang terlalu panjang "
                            "untuk kolom Hal, Yth. atau baris 'Label : nilai' (lebih dari satu "
                            "halaman). Pindahkan teks panjang ke badan surat atau lampiran.") from None


def _page_number(canvas: Canvas, doc: BaseDocTemplate) -> None:
    # only a letter that runs over one page gets numbers (from page 2, as in Tata Naskah Dinas)
    if doc.page > 1:
        canvas.saveState()
        canvas.setFont(SERIF, 9)
        canvas.drawCentredString(doc.pagesize[0] / 2, doc.pagesize[1] - 0.8 * cm, f"- {doc.page} -")
        canvas.restoreState()


def _border(canvas: Canvas, doc: BaseDocTemplate) -> None:
    """The double frame of a sertifikat."""
    w, h = doc.pagesize
    canvas.saveState()
    canvas.setLineWidth(3)
    canvas.rect(0.8 * cm, 0.8 * cm, w - 1.6 * cm, h - 1.6 * cm)
    canvas.setLineWidth(0.8)
    canvas.rect(1.05 * cm, 1.05 * cm, w - 2.1 * cm, h - 2.1 * cm)
    canvas.restoreState()


def render_letter(template: Template, values: dict[str, str], profile: OfficeProfile,
                  out: str | Path | io.BytesIO) -> FilledLetter:
    """fill() then render_pdf(): a letter from a plain dict of values."""
    letter = fill(template, values)
    render_pdf(letter, profile, out)
    return letter


def sample_values(template: Template, profile: OfficeProfile) -> dict[str, str]:
    """Example values for every placeholder (the template preview and `letter templates`)."""
    today = dt.date.today()
    values = {key: f"[{label}]" for key, label in STANDARD_FIELDS.items()}
    values.update({
        "nomor": "[nomor]", "tanggal": tanggal(today), "tahun": str(today.year),
        "kota": profile.kota or "[kota]", "kementerian": profile.kementerian,
        "kantor": profile.kantor, "unit": profile.unit,
    })
    for key in HEADER_TEXT_KEYS + ("hari", "tanggal_terbilang"):  # the last two: from tanggal
        values.pop(key, None)
    for key, spec in template.fields.items():
        values[key] = spec.default if spec.default else f"[{spec.label}]"
    return values
