"""PDF reader (text layer): pdfplumber's words, lines, rectangles and curves -> geometry.Page.

Hostile files are refused before any page is parsed (size, encryption with a user password,
page count) and every page is bounded (objects, characters); pages are read one at a time and
their caches dropped, so memory stays bounded. Scanned pages (no text layer) are named in a
warning: they need the OCR route. A page with a text layer whose flowchart is a picture (a
pasted drawing, a copier's searchable scan) gets its symbols and arrows from the pixels
(pdf_raster.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from sop_desktop import APP_NAME
from sop_desktop.errors import ImportFailed
from sop_desktop.importers.flowread import import_pages
from sop_desktop.importers.geometry import (
    Page,
    PageSource,
    Segment,
    Shape,
    Word,
    attach_heads,
    open_heads,
    shape_kind,
)

# the size check and the progress/cancel types: shared with the OCR reader, used as pdf.X too
from sop_desktop.importers.pdf_check import (  # noqa: F401
    MAX_PDF_BYTES,
    Cancel,
    Cancelled,
    Progress,
    check_pdf_size,
)
from sop_desktop.importers.pdf_raster import read_pictures

if TYPE_CHECKING:  # pdfplumber is heavy: imported only when a PDF is read
    from pdfplumber.page import Page as PdfPage
    from pdfplumber.pdf import PDF

    from sop_desktop.importers.result import ImportResult

Box = tuple[float, float, float, float]
PdfObject = dict[str, Any]  # one pdfplumber object (char, line, rect, curve, word)

MAX_PAGES = 400
MAX_PAGE_OBJECTS = 60_000  # chars + lines + rects + curves on one page
MAX_TRIANGLE = 14.0

def _open(path: Path) -> tuple[PDF, int]:
    """The opened PDF and its page count; a clear refusal for a locked, damaged or huge one."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    check_pdf_size(path)
    try:
        pdf = pdfplumber.open(path)
        count = len(pdf.pages)
    except PDFPasswordIncorrect:
        raise ImportFailed(f"{path.name}: PDF terkunci kata sandi; buka kuncinya dulu (cetak ulang "
                           "ke PDF tanpa kata sandi) lalu impor lagi") from None
    except RecursionError:
        raise ImportFailed(f"{path.name}: struktur PDF rusak (bersarang terlalu dalam)") from None
    except Exception as exc:  # pdfminer raises many kinds on damaged files
        if any(isinstance(a, PDFPasswordIncorrect) for a in getattr(exc, "args", ())):
            raise ImportFailed(f"{path.name}: PDF terkunci kata sandi; buka kuncinya dulu "
                               "(cetak ulang ke PDF tanpa kata sandi) lalu impor lagi") from None
        raise ImportFailed(f"{path.name}: berkas PDF rusak atau tidak dapat dibaca "
                           f"({type(exc).__name__})") from None
    if count > MAX_PAGES:
        pdf.close()
        raise ImportFailed(f"{path.name}: PDF berisi {count} halaman; paling banyak {MAX_PAGES} "
                           "halaman per impor (pisahkan berkasnya)")
    if count == 0:
        pdf.close()
        raise ImportFailed(f"{path.name}: PDF tidak berisi halaman")
    return pdf, count


def _own_writer(pdf: Any) -> bool:
    """True for a PDF this program wrote (its Producer): its writer hyphenates every word it
    breaks between letters (domain.wordbreak), so no hyphenless break needs guessing."""
    try:
        producer = str((pdf.metadata or {}).get("Producer", ""))
    except Exception:  # noqa: BLE001 - damaged metadata: a document like any other
        return False
    return producer.startswith(APP_NAME + " ")


def read_pdf_pages(path: str | Path, progress: Progress | None = None,
                   cancel: Cancel | None = None) -> tuple[list[Page], list[str]]:
    """Every page of the PDF as a Page -> (pages, warnings)."""
    path = Path(path)
    pdf, count = _open(path)
    pages: list[Page] = []
    warnings: list[str] = []
    own = _own_writer(pdf)
    try:
        for index in range(count):
            if cancel is not None and cancel():
                raise Cancelled(f"{path.name}: impor dibatalkan")
            if progress is not None:
                progress(index, count, f"membaca halaman {index + 1} dari {count}")
            try:
                page = _read_page(pdf.pages[index], index, path, warnings)
            except (ImportFailed, MemoryError):
                raise
            except RecursionError:
                warnings.append(f"halaman {index + 1}: struktur halaman rusak; dilewati")
                continue
            except Exception as exc:  # a damaged content stream: this page only
                warnings.append(f"halaman {index + 1}: tidak dapat dibaca "
                                f"({type(exc).__name__}); dilewati")
                continue
            if page is not None:
                page.hyphenated_breaks = own
                pages.append(page)
    finally:
        pdf.close()
    if progress is not None:
        progress(count, count, "selesai membaca")
    return pages, warnings


def _read_page(pp: PdfPage, index: int, path: Path, warnings: list[str]) -> Page | None:
    """One page's words, rules, symbols and arrow heads (None: skipped, with a warning)."""
    objects = pp.objects
    total = sum(len(objects.get(k, ())) for k in ("char", "line", "rect", "curve"))
    if total > MAX_PAGE_OBJECTS:
        warnings.append(f"halaman {index + 1}: terlalu banyak objek ({total}); dilewati")
        pp.close()
        return None
    page = Page(float(pp.width), float(pp.height), index + 1,
                source=PageSource(str(path), index, "pdf"))
    # gaps measured against the font size: a space at 4.5 pt is narrower than 2 pt
    raw_words = pp.extract_words(keep_blank_chars=False, use_text_flow=False,
                                 x_tolerance_ratio=0.15, y_tolerance=1.0, return_chars=True)
    if not raw_words and objects.get("image"):
        # a scanned page inside a generated PDF: read it by OCR like a scan (issue 18)
        pp.close()
        from sop_desktop.importers.scan import scan_pdf_page  # deferred: OCR loads onnxruntime and cv2

        warnings.append(f"halaman {index + 1}: tidak memiliki lapisan teks (hasil pindai); "
                        "dibaca dengan OCR, periksa hasilnya")
        return scan_pdf_page(path, index)
    triangles: list[list[tuple[float, float]]] = []
    stroked_rects = [r for r in objects.get("rect", ()) if r.get("stroke")]
    page.segments.extend(_filled_rules(objects.get("rect", [])))
    page.fills.extend(_cell_fills(objects.get("rect", [])))
    for r in stroked_rects:
        box = (float(r["x0"]), float(r["top"]), float(r["x1"]), float(r["bottom"]))
        if _is_symbol_rect(box, stroked_rects):
            page.shapes.append(Shape("process", box))
        else:
            _rect_rules(box, page.segments)
    for line in objects.get("line", ()):
        pts = [(float(x), float(y)) for x, y in line.get("pts", ())]
        if len(pts) >= 2:
            page.segments.append(Segment(pts, dashed=bool(_dash(line)),
                                         width=float(line.get("linewidth") or 1)))
    for curve in objects.get("curve", ()):
        _read_curve(curve, page, triangles)
    attach_heads(page.segments, triangles + open_heads(page.segments))
    if objects.get("image"):  # a flowchart or a scanned page pasted as a picture (issue 18)
        read_pictures(page, objects["image"], [(float(w["x0"]), float(w["top"]), float(w["x1"]),
                                                float(w["bottom"])) for w in raw_words],
                      path, index, warnings)
    rules = [s for s in page.segments if s.vertical and not s.dashed]
    for w in _turned_lines(raw_words, rules):
        page.words.extend(_split_at_rules(w, rules))
    _fill_shape_text(page)
    pp.close()
    return page


def _turned_lines(raw_words: list[PdfObject], rules: list[Segment]) -> list[PdfObject]:
    """The words with text turned a quarter (a lane name written up or down its header cell)
    put in reading order: the text layer lists turned letters top to bottom, so text turned
    anticlockwise (read bottom to top) comes out reversed, word by word. Each turned line
    becomes one word: its letters in the direction the glyphs run (the text matrix), its words
    joined in that order; the lines of one name wrapped in its cell are then joined too."""
    flat: list[PdfObject] = []
    turned: list[PdfObject] = []
    for w in raw_words:
        (flat if w.get("upright", True) or not w.get("chars") else turned).append(w)
    if not turned:
        return raw_words
    lines: list[list[PdfObject]] = []
    for w in sorted(turned, key=lambda w: (round(float(w["x0"])), float(w["top"]))):
        last = lines[-1][-1] if lines else None
        if (last is not None and abs(float(last["x0"]) - float(w["x0"])) < 1.5
                and float(w["top"]) - float(last["bottom"]) < 2 * (float(w["x1"]) - float(w["x0"]))):
            lines[-1].append(w)
        else:
            lines.append([w])
    out: list[PdfObject] = []
    for line in lines:
        up = (line[0]["chars"][0].get("matrix") or (0, 0))[1] > 0  # glyphs run up the page
        words = reversed(line) if up else line
        text = " ".join("".join(str(ch.get("text", "")) for ch in
                                sorted(w["chars"], key=lambda ch: float(ch["top"]), reverse=up))
                        for w in words)
        out.append({"text": text, "x0": min(float(w["x0"]) for w in line),
                    "x1": max(float(w["x1"]) for w in line), "top": float(line[0]["top"]),
                    "bottom": float(line[-1]["bottom"]), "chars": [], "up": up})
    return flat + _wrapped_turned(out, rules)


def _wrapped_turned(lines: list[PdfObject], rules: list[Segment]) -> list[PdfObject]:
    """Turned lines side by side in one cell (no rule between, a line's height apart, the
    same direction) are one text: text turned up reads its lines left to right, text turned
    down right to left."""
    out: list[PdfObject] = []
    for line in sorted(lines, key=lambda w: w["x0"]):
        prev = out[-1] if out else None
        width = line["x1"] - line["x0"]
        if (prev is not None and prev["up"] == line["up"]
                and line["x0"] - prev["x1"] < 0.8 * width
                and min(prev["bottom"], line["bottom"]) > max(prev["top"], line["top"])
                and not any(prev["x1"] - 0.3 <= r.bbox[0] <= line["x0"] + 0.3
                            and r.bbox[1] <= max(prev["top"], line["top"])
                            and r.bbox[3] >= min(prev["bottom"], line["bottom"]) for r in rules)):
            first, second = (prev, line) if line["up"] else (line, prev)
            prev.update(text=f"{first['text']} {second['text']}", x1=line["x1"],
                        top=min(prev["top"], line["top"]), bottom=max(prev["bottom"], line["bottom"]))
            continue
        out.append(dict(line))
    return out


def _split_at_rules(w: PdfObject, rules: list[Segment]) -> list[Word]:
    """One extracted word as Words, split where a cell's vertical rule runs through it (a
    right-aligned step number printed against the next cell's text is joined by the text
    layer into one word: "1Menerima")."""
    x0, x1, top, bottom = float(w["x0"]), float(w["x1"]), float(w["top"]), float(w["bottom"])
    text = str(w["text"]).strip()
    cy, tall = (top + bottom) / 2, 2 * (bottom - top)
    cuts = sorted(s.bbox[0] for s in rules if x0 + 0.3 < s.bbox[0] < x1 - 0.3 and
                  s.bbox[1] - 0.5 <= cy <= s.bbox[3] + 0.5 and s.bbox[3] - s.bbox[1] >= tall)
    chars = w.get("chars") or []
    # a rule through a letter is a label drawn over a cell border ("Sesuai" beside a
    # decision), not two cells' texts joined: only cuts between characters count
    cuts = [c for c in cuts if not any(float(ch["x0"]) < c - 0.6 < c + 0.6 < float(ch["x1"])
                                       for ch in chars)]
    if not cuts or not chars:
        return [Word(text, x0, top, x1, bottom)] if text else []
    pieces: list[list[PdfObject]] = [[] for _ in range(len(cuts) + 1)]
    for ch in chars:
        mid = (float(ch["x0"]) + float(ch["x1"])) / 2
        pieces[sum(1 for c in cuts if mid > c)].append(ch)
    out = []
    for piece in pieces:
        part = "".join(str(ch.get("text", "")) for ch in piece).strip()
        if part:
            out.append(Word(part, min(float(ch["x0"]) for ch in piece), top,
                            max(float(ch["x1"]) for ch in piece), bottom))
    return out


def _dash(obj: PdfObject) -> list[float]:
    """The dash lengths of a stroked object ([] for a solid line)."""
    dash = obj.get("dash")
    if not dash:
        return []
    try:
        return [d for d in dash[0] if d]
    except (TypeError, IndexError):
        return []


def _is_symbol_rect(box: Box, rects: list[PdfObject]) -> bool:
    """A stroked rectangle that shares no edge with another one (table cells tile; a process
    symbol sits alone inside a cell)."""
    x0, y0, x1, y1 = box
    if x1 - x0 < 4 or y1 - y0 < 4:
        return False
    for r in rects:
        a0, b0, a1, b1 = float(r["x0"]), float(r["top"]), float(r["x1"]), float(r["bottom"])
        if (a0, b0, a1, b1) == box:
            continue
        overlap_y = min(y1, b1) - max(y0, b0) > 1
        overlap_x = min(x1, a1) - max(x0, a0) > 1
        if overlap_y and (abs(x0 - a1) < 0.8 or abs(x1 - a0) < 0.8 or abs(x0 - a0) < 0.8
                          or abs(x1 - a1) < 0.8):
            return False
        if overlap_x and (abs(y0 - b1) < 0.8 or abs(y1 - b0) < 0.8 or abs(y0 - b0) < 0.8
                          or abs(y1 - b1) < 0.8):
            return False
    return True


MAX_RULE_THICKNESS = 2.0


def _filled_rules(rects: list[PdfObject]) -> list[Segment]:
    """Rules drawn as thin filled rectangles without a stroke (how browsers' print to PDF and
    Office's "Save as PDF" draw cell borders): the rectangle's centre line along its length."""
    out = []
    for r in rects:
        if r.get("stroke") or not r.get("fill"):
            continue
        x0, y0, x1, y1 = float(r["x0"]), float(r["top"]), float(r["x1"]), float(r["bottom"])
        w, h = x1 - x0, y1 - y0
        if h <= MAX_RULE_THICKNESS and w >= 3 * max(h, 0.5):
            out.append(Segment([(x0, (y0 + y1) / 2), (x1, (y0 + y1) / 2)], width=max(h, 0.1)))
        elif w <= MAX_RULE_THICKNESS and h >= 3 * max(w, 0.5):
            out.append(Segment([((x0 + x1) / 2, y0), ((x0 + x1) / 2, y1)], width=max(w, 0.1)))
    return out


def _cell_fills(rects: list[PdfObject]) -> list[Box]:
    """Coloured backgrounds of cells: filled, unstroked rectangles too thick to be a rule,
    in a colour that is not white (white is the paper)."""
    out = []
    for r in rects:
        if r.get("stroke") or not r.get("fill"):
            continue
        x0, y0, x1, y1 = float(r["x0"]), float(r["top"]), float(r["x1"]), float(r["bottom"])
        colour = r.get("non_stroking_color")
        values = colour if isinstance(colour, (list, tuple)) else (colour,)
        try:
            white = all(float(v) >= 0.97 for v in values) if len(values) != 4 else \
                all(float(v) <= 0.03 for v in values)  # CMYK: no ink
        except (TypeError, ValueError):
            white = False
        if x1 - x0 > MAX_RULE_THICKNESS and y1 - y0 > MAX_RULE_THICKNESS and not white:
            out.append((x0, y0, x1, y1))
    return out


def _notched_head(ring: list[tuple[float, float]]) -> list[tuple[float, float]] | None:
    """A filled four-point head with a notch in its base (SVG markers, diagram apps): its
    three outer points, when one point lies inside the triangle of the other three."""
    if len(ring) != 4:
        return None
    for k, p in enumerate(ring):
        tri = [q for j, q in enumerate(ring) if j != k]
        signs = [(b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0])
                 for a, b in zip(tri, tri[1:] + tri[:1], strict=True)]
        if all(v > 0 for v in signs) or all(v < 0 for v in signs):
            return tri
    return None


def _rect_rules(box: Box, segments: list[Segment]) -> None:
    """A table cell's rectangle as its four rules."""
    x0, y0, x1, y1 = box
    segments.extend([Segment([(x0, y0), (x1, y0)]), Segment([(x0, y1), (x1, y1)]),
                     Segment([(x0, y0), (x0, y1)]), Segment([(x1, y0), (x1, y1)])])


def _read_curve(curve: PdfObject, page: Page, triangles: list[list[tuple[float, float]]]) -> None:
    """A curve as an arrow head (small filled triangle), a symbol or a rule."""
    path = curve.get("path") or []
    ops = [op[0] for op in path]
    pts = [(float(x), float(y)) for x, y in curve.get("pts", ())]
    if len(pts) < 2:
        return
    closed = "h" in ops or (len(pts) > 2 and abs(pts[0][0] - pts[-1][0]) < 0.3
                            and abs(pts[0][1] - pts[-1][1]) < 0.3)
    curved = any(op in ("c", "v", "y") for op in ops)
    if closed:
        ring = pts[:-1] if len(pts) > 2 and pts[0] == pts[-1] else pts
        xs, ys = [p[0] for p in ring], [p[1] for p in ring]
        size = max(max(xs) - min(xs), max(ys) - min(ys))
        corners = list(dict.fromkeys(ring))
        if curve.get("fill") and size <= MAX_TRIANGLE:
            head = corners if len(corners) == 3 else None if curved else _notched_head(corners)
            if head is not None:
                triangles.append(head)
                return
        if curve.get("stroke") or curve.get("fill"):
            kind = shape_kind(ring, curved)
            if kind != "unknown":
                page.shapes.append(Shape(kind, (min(xs), min(ys), max(xs), max(ys))))
                return
    if curve.get("stroke") and not curved:
        page.segments.append(Segment(pts, dashed=bool(_dash(curve)),
                                     width=float(curve.get("linewidth") or 1)))


def _fill_shape_text(page: Page) -> None:
    """Words inside a symbol become its text (a connector's letter its label); ids are given."""
    for n, shape in enumerate(page.shapes):
        shape.id = f"p{page.number}s{n}"
        x0, y0, x1, y1 = shape.bbox
        inside = [w for w in page.words if x0 - 0.5 <= w.cx <= x1 + 0.5 and
                  y0 - 0.5 <= w.cy <= y1 + 0.5]
        shape.text = " ".join(w.text for w in inside)
        if shape.kind == "connector":
            shape.label = shape.text.strip()


def import_pdf(path: str | Path, progress: Progress | None = None,
               cancel: Cancel | None = None) -> ImportResult:
    """Every SOP of a PDF with a text layer -> ImportResult."""
    path = Path(path)
    pages, warnings = read_pdf_pages(path, progress, cancel)
    if not any(p.words for p in pages):
        raise ImportFailed(f"{path.name}: PDF tidak memiliki lapisan teks (hasil pindai atau "
                           "gambar); tabel SOP tidak dapat dibaca")
    result = import_pages(pages, path.name, None, cancel)
    result.warnings[:0] = warnings
    return result


MAX_RENDER_PIXELS = 12_000_000


def render_page_png(path: str | Path, index: int, scale: float = 1.5) -> bytes:
    """One page of a PDF as PNG bytes (pypdfium2), for the review screen; bounded in pixels."""
    import io

    import pypdfium2

    try:
        pdf = pypdfium2.PdfDocument(str(path))
    except Exception as exc:  # pdfium reports damaged files with its own error kinds
        raise ImportFailed(f"{Path(path).name}: halaman tidak dapat ditampilkan "
                           f"({type(exc).__name__})") from None
    try:
        page = pdf[index]
        width, height = page.get_size()
        scale = min(scale, (MAX_RENDER_PIXELS / max(1.0, width * height)) ** 0.5)
        image = page.render(scale=scale).to_pil().convert("RGB")
    finally:
        pdf.close()
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()
