"""Scanned page images: loading within bounds, and straightening (90/180/270 turns, skew).

A page is brought to a working resolution of at most about 200 dpi (enough for printed SOP
text, and it bounds time and memory); a phone photo is flattened before (scan_photo.py), so
that its page, not the whole picture, gets that resolution. Coloured ink (stamps,
signatures in blue or red) is faded to white, and the page is turned and deskewed so that
its text lines run horizontally.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import cv2
import numpy as np

from sop_desktop.errors import ImportFailed
from sop_desktop.importers.pdf_check import check_file_size
from sop_desktop.importers.scan_ocr import detect_boxes, upside_down
from sop_desktop.importers.scan_photo import flatten, mark_flat
from sop_desktop.importers.scan_stamps import print_under_ink

if TYPE_CHECKING:  # Pillow is imported where an image is decoded
    from PIL.Image import Image

MAX_IMAGE_BYTES = 60 * 1024 * 1024
MAX_IMAGE_PIXELS = 60_000_000  # a 600 dpi A4 page is 35 million pixels
MAX_FRAMES = 60  # pages of one multi-page TIFF
WORK_LONG_SIDE = 2400  # working resolution: A4 at about 200 dpi
PHOTO_LONG_SIDE = 4800  # a photo is flattened at up to this: its page keeps about 200 dpi
MIN_SIDE = 300
A4_LONG_INCH = 11.69
MAX_SKEW = 8.0


@dataclass
class PageImage:
    """One page as a straightened grey image and its resolution (pixels per inch)."""

    gray: np.ndarray
    dpi: float
    turned: int = 0  # degrees the page was turned to read upright (0, 90, 180, 270)
    skew: float = 0.0  # degrees of the residual skew that was removed


IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".tif", ".tiff")
_MAGIC = (b"\xff\xd8\xff", b"\x89PNG", b"II*\x00", b"MM\x00*")


def is_image_file(path: Path, head: bytes) -> bool:
    """A .jpg/.png/.tif file, by its name or its first bytes."""
    return path.suffix.lower() in IMAGE_SUFFIXES or head.startswith(_MAGIC)


def image_frames(path: Path) -> list[tuple[np.ndarray, float]]:
    """The pages of a .jpg/.png/.tif file as (RGB array, dpi), refused when too large or
    damaged."""
    from PIL import Image, UnidentifiedImageError

    check_file_size(path, MAX_IMAGE_BYTES, "gambar")
    frames: list[tuple[np.ndarray, float]] = []
    try:
        with Image.open(path) as img:
            _check_pixels(path.name, img.size)  # before anything is decoded
            count = int(getattr(img, "n_frames", 1) or 1)
            if count > MAX_FRAMES:
                raise ImportFailed(f"{path.name}: gambar berisi {count} halaman; paling banyak "
                                   f"{MAX_FRAMES} halaman per impor (pisahkan berkasnya)")
            for k in range(count):
                img.seek(k)
                _check_pixels(path.name, img.size)
                frames.extend(_frame_pages(img))
                if len(frames) > MAX_FRAMES:
                    raise ImportFailed(f"{path.name}: gambar berisi lebih dari {MAX_FRAMES} "
                                       "halaman; pisahkan berkasnya")
    except ImportFailed:
        raise
    except Image.DecompressionBombError:
        raise ImportFailed(f"{path.name}: gambar terlalu besar (lebih dari "
                           f"{MAX_IMAGE_PIXELS // 1_000_000} juta piksel); pindai ulang dengan "
                           "150–300 dpi") from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as exc:
        raise ImportFailed(f"{path.name}: berkas gambar rusak atau formatnya tidak dikenal "
                           f"({type(exc).__name__})") from None

    return frames


def _check_pixels(name: str, size: tuple[int, int]) -> None:
    w, h = size
    if w * h > MAX_IMAGE_PIXELS:
        raise ImportFailed(f"{name}: gambar terlalu besar ({w} × {h} piksel; paling besar "
                           f"{MAX_IMAGE_PIXELS // 1_000_000} juta piksel); pindai ulang dengan "
                           "150–300 dpi")
    if min(w, h) < MIN_SIDE:
        raise ImportFailed(f"{name}: gambar terlalu kecil ({w} × {h} piksel) untuk dibaca; "
                           "pindai paling sedikit 150 dpi")


def _dpi(img: Image) -> float:
    """The image's resolution: its own dpi tag when plausible, else the page taken as A4."""
    return _plausible_dpi(img.info.get("dpi"), *img.size)


def _plausible_dpi(tag: object, width: int, height: int) -> float:
    """A page's resolution: the dpi tag when it makes a page of paper size, else A4."""
    try:
        value = float(tag[0]) if tag else 0.0  # type: ignore[index]
    except (TypeError, ValueError, IndexError):
        value = 0.0
    long_inch = max(width, height) / value if value else 0.0
    if 70 <= value <= 1200 and 5 <= long_inch <= 17:
        return value
    return max(width, height) / A4_LONG_INCH


def _frame_pages(img: Image) -> list[tuple[np.ndarray, float]]:
    """One picture -> its pages as (RGB, dpi): a picture of pages stacked one under the other
    with a band between them (`sop export-image`, a long screenshot) is cut at the bands, each
    page at the working resolution."""
    full = np.array(img.convert("RGB"))
    parts = split_stacked(full)
    if len(parts) == 1:
        del parts
        return [_flat_fit(full, _dpi(img))]
    tag = img.info.get("dpi")
    out = []
    for part in parts:
        dpi = _plausible_dpi(tag, part.shape[1], part.shape[0])
        rgb = _fit(part)
        out.append((rgb, dpi * max(rgb.shape[:2]) / max(part.shape[:2])))
    return out


def split_stacked(rgb: np.ndarray) -> list[np.ndarray]:
    """The pages of a picture that stacks them with a flat grey band (darker than paper, the
    full width, a few pixels high) between them; [rgb] when there is no such band."""
    step = max(1, rgb.shape[1] // 400)  # a sample of the columns is enough to see a flat row
    sample = rgb[:, ::step].mean(axis=2, dtype=np.float32)
    level = sample.mean(axis=1)
    flat = (sample.std(axis=1) < 2.0) & (level > 120) & (level < 236)
    least = max(40, rgb.shape[1] // 4)  # a page is at least a quarter as high as it is wide
    cuts, start, y = [], 0, 0
    while y < flat.size:
        if not flat[y]:
            y += 1
            continue
        end = y
        while end < flat.size and flat[end]:
            end += 1
        if end - y >= 3 and y - start >= least and flat.size - end >= least:
            cuts.append((start, y))
            start = end
        y = end
    if not cuts:
        return [rgb]
    cuts.append((start, rgb.shape[0]))
    return [rgb[a:b] for a, b in cuts]


def _to_rgb(img: Image, dpi: float) -> tuple[np.ndarray, float]:
    """Decoded (a JPEG decodes reduced when much larger than a photo is flattened at),
    flattened and brought to the working resolution -> (RGB, pixels per inch of the
    result)."""
    long_side = max(img.size)
    if img.format == "JPEG":
        img.draft("RGB", (PHOTO_LONG_SIDE, PHOTO_LONG_SIDE))
    rgb = np.array(img.convert("RGB"))
    return _flat_fit(rgb, dpi * max(rgb.shape[:2]) / long_side)


def _flat_fit(rgb: np.ndarray, dpi: float) -> tuple[np.ndarray, float]:
    """A picture at its own resolution -> (RGB at the working resolution, its dpi). A phone
    photo's page fills only part of the picture: it is flattened (scan_photo.flatten: cut
    out of its desk, made a rectangle) before the picture is brought to the working size,
    so the page, not the whole picture, gets the working resolution. The result is marked
    as flattened (scan.scan_page's own call leaves it as it is). A scan, which flatten
    leaves unchanged, is brought to the working size from its own pixels as before."""
    long_side = max(rgb.shape[:2])
    big = _fit(rgb, PHOTO_LONG_SIDE)  # bounds the flattening's memory: 4800 px, 52 MB
    flat = flatten(big, dpi * max(big.shape[:2]) / long_side)
    if not flat.how:
        del big, flat
        out = _fit(rgb)
        return mark_flat(out, ""), dpi * max(out.shape[:2]) / long_side
    out = _fit(flat.rgb)
    return mark_flat(out, flat.how), flat.dpi * max(out.shape[:2]) / max(flat.rgb.shape[:2])


def _fit(rgb: np.ndarray, long: int = WORK_LONG_SIDE) -> np.ndarray:
    h, w = rgb.shape[:2]
    scale = long / max(h, w)
    if scale < 1:
        rgb = cv2.resize(rgb, (int(w * scale), int(h * scale)), interpolation=cv2.INTER_AREA)
    return rgb


def page_dpi(rgb: np.ndarray, page_long_inch: float = A4_LONG_INCH) -> float:
    """Pixels per inch of a page image whose long side is `page_long_inch`."""
    return max(rgb.shape[:2]) / page_long_inch


def decode_bytes(data: bytes, name: str) -> tuple[np.ndarray, float]:
    """An image in memory (e.g. a PDF's embedded picture) -> RGB at the working size."""
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as img:
            _check_pixels(name, img.size)
            return _to_rgb(img, _dpi(img))
    except ImportFailed:
        raise
    except Exception as exc:  # PIL raises many kinds on damaged data
        raise ImportFailed(f"{name}: gambar rusak ({type(exc).__name__})") from None


def to_gray(rgb: np.ndarray) -> np.ndarray:
    """Grey image with coloured ink (stamps, signatures, highlighter) painted over with the
    paper and lines around it, so the black print under a stamp stays readable; the print
    seen through a stamp's ink is kept (scan_stamps.py)."""
    hsv = cv2.cvtColor(rgb, cv2.COLOR_RGB2HSV)
    gray = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    tinted = ((hsv[:, :, 1] > 60) & (hsv[:, :, 2] > 60)).astype(np.uint8)
    strong = np.where(_chroma(rgb) > INK_CHROMA, tinted, 0).astype(np.uint8)
    if not strong.any():
        return gray
    # a tinted pixel is coloured ink where strongly coloured ink is near (a stamp's faint
    # edge), not on its own (print blurred into a pale fill)
    near = cv2.dilate(strong, np.ones((9, 9), np.uint8))
    around = cv2.dilate(np.minimum(tinted, near), np.ones((5, 5), np.uint8))
    out = cv2.inpaint(gray, around, 3, cv2.INPAINT_TELEA)
    # the black print a stamp's transparent ink lies over shows through it: kept
    under = print_under_ink(rgb, around, strong, _normalised)
    out[under] = gray[under]
    return out


INK_CHROMA = 36  # coloured ink (a stamp, a pen) differs this much between its channels


def _chroma(rgb: np.ndarray) -> np.ndarray:
    """Per pixel the spread between the strongest and weakest channel. A dark pixel with a
    slight colour cast (black print blurred into a pale fill, the colour a JPEG bleeds
    around it) has a high relative saturation but a small spread; stamp and pen ink have a
    large one."""
    return cv2.subtract(rgb.max(axis=2), rgb.min(axis=2))


def _normalised(gray: np.ndarray) -> np.ndarray:
    """Each pixel against the local paper brightness (255 = paper), robust to uneven light."""
    k = max(15, (min(gray.shape) // 40) | 1)
    bg = cv2.dilate(gray, cv2.getStructuringElement(cv2.MORPH_RECT, (k, k)))
    bg = cv2.blur(bg, (k, k))
    return cv2.divide(gray, np.maximum(bg, 1), scale=255)


def binarize(gray: np.ndarray, level: int = 185, smooth: bool = False,
             untint: bool = False) -> np.ndarray:
    """Ink mask (255 = ink) robust to uneven light: each pixel against the local paper
    brightness. A higher `level` keeps faint and thin lines (the drawing), a lower one keeps
    the gaps between letters open (the text, `smooth`: noise and halos taken off).
    `untint`: a light flat fill (a symbol printed on a pale colour) is paper, not ink."""
    if smooth:
        gray = cv2.medianBlur(gray, 3)
    norm = _normalised(gray)
    ink = norm < level
    if untint:
        ink &= ~_tint(norm)
    return np.where(ink, 255, 0).astype(np.uint8)


def _tint(norm: np.ndarray) -> np.ndarray:
    """Pixels of a pale flat fill: lighter than print (the text's ink level) and with no
    paper within a few pixels. A faint thin line has paper right beside it, and so has the
    outline around a fill on its outer side; both stay ink. The fill's own edge is kept
    too (a pixel of fill only when all its neighbours are), so a blurred outline is never
    cut open where it fades into the fill."""
    calm = cv2.medianBlur(norm, 3)
    size = max(7, int(min(norm.shape) / 190) | 1)  # about 0.045 inch on an A4 page
    brightest = cv2.dilate(calm, cv2.getStructuringElement(cv2.MORPH_RECT, (size, size)))
    tint = ((brightest < TINT_PAPER) & (calm >= TINT_PRINT)).astype(np.uint8)
    return cv2.erode(tint, np.ones((3, 3), np.uint8)) > 0


TINT_PAPER = 240  # brighter than this (against the local paper) is paper
TINT_PRINT = 185  # darker than this is print, whatever its surroundings


def skew_angle(ink: np.ndarray) -> float:
    """The page's skew in degrees (positive: counter-clockwise), from its long ruled lines."""
    h, w = ink.shape
    scale = min(1.0, 1200 / max(h, w))
    small = cv2.resize(ink, (int(w * scale), int(h * scale)), interpolation=cv2.INTER_AREA)
    small = np.where(small > 60, 255, 0).astype(np.uint8)
    length = int(0.25 * min(small.shape))
    lines = cv2.HoughLinesP(small, 1, np.pi / 720, threshold=length // 2,
                            minLineLength=length, maxLineGap=8)
    if lines is None:
        return 0.0
    angles, weights = [], []
    for x0, y0, x1, y1 in np.asarray(lines).reshape(-1, 4):
        a = np.degrees(np.arctan2(y1 - y0, x1 - x0))
        a = (a + 45) % 90 - 45  # horizontal and vertical lines alike
        if abs(a) <= MAX_SKEW:
            angles.append(a)
            weights.append(np.hypot(x1 - x0, y1 - y0))
    if not angles:
        return 0.0
    order = np.argsort(angles)
    cum = np.cumsum(np.asarray(weights)[order])
    return float(np.asarray(angles)[order][np.searchsorted(cum, cum[-1] / 2)])


def rotate(gray: np.ndarray, degrees: float) -> np.ndarray:
    """The image turned by `degrees` (counter-clockwise in image terms). The corners turned
    in are filled with the paper of the page's edge, not white: a white wedge beside paper
    a scanner lit greyer reads, against that paper, as a line along the page's edge (an
    extra column or row of the table)."""
    h, w = gray.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), degrees, 1.0)
    edge = np.concatenate([gray[0], gray[-1], gray[:, 0], gray[:, -1]])
    return cv2.warpAffine(gray, m, (w, h), flags=cv2.INTER_LINEAR,
                          borderMode=cv2.BORDER_CONSTANT, borderValue=int(np.median(edge)))


def turn(gray: np.ndarray, quarter: int) -> np.ndarray:
    """The image turned by quarter * 90 degrees clockwise."""
    quarter %= 4
    if quarter == 0:
        return gray
    codes = {1: cv2.ROTATE_90_CLOCKWISE, 2: cv2.ROTATE_180, 3: cv2.ROTATE_90_COUNTERCLOCKWISE}
    return cv2.rotate(gray, codes[quarter])


def _text_boxes_small(gray: np.ndarray) -> tuple[list[tuple[int, int, int, int]], float]:
    """The text-line boxes of a reduced copy of the page, and the reduction."""
    h, w = gray.shape
    scale = min(1.0, 1100 / max(h, w))
    small = cv2.resize(gray, (int(w * scale), int(h * scale)), interpolation=cv2.INTER_AREA)
    return detect_boxes(cv2.cvtColor(small, cv2.COLOR_GRAY2BGR)), scale


def upright(gray: np.ndarray) -> tuple[np.ndarray, int]:
    """The page turned so its text reads left to right, top to bottom -> (image, degrees)."""
    boxes, scale = _text_boxes_small(gray)
    wide = sum(1 for x0, y0, x1, y1 in boxes if x1 - x0 > 1.5 * (y1 - y0))
    tall = sum(1 for x0, y0, x1, y1 in boxes if y1 - y0 > 1.5 * (x1 - x0))
    quarter = 0
    if tall > wide:
        quarter = 1
        gray = turn(gray, 1)
        boxes, scale = _text_boxes_small(gray)
    sample = sorted(boxes, key=lambda b: -(b[2] - b[0]))[:8]
    crops = []
    for x0, y0, x1, y1 in sample:
        a0, b0, a1, b1 = (int(v / scale) for v in (x0, y0, x1, y1))
        crop = gray[b0:b1, a0:a1]
        if crop.size:
            crops.append(cv2.cvtColor(crop, cv2.COLOR_GRAY2BGR))
    if upside_down(crops):
        gray = turn(gray, 2)
        quarter += 2
    return gray, (quarter * 90) % 360


def straighten(rgb: np.ndarray, dpi: float) -> PageImage:
    """Turn and deskew a page image; coloured ink faded."""
    gray = to_gray(rgb)
    gray, turned = upright(gray)
    angle = skew_angle(binarize(gray))
    if abs(angle) > 0.05:
        gray = rotate(gray, angle)
    return PageImage(gray, dpi, turned, angle)


__all__ = ["IMAGE_SUFFIXES", "PageImage", "binarize", "decode_bytes", "image_frames",
           "is_image_file", "page_dpi", "rotate",
           "skew_angle", "straighten", "to_gray", "turn", "upright"]
