"""OCR engine for scanned pages: RapidOCR's ONNX models (text detection, 0/180 classifier,
recognition), all shipped inside the `rapidocr-onnxruntime` wheel, so nothing is downloaded.

Only the ONNX sessions of RapidOCR are used; the decoding is done here so each character keeps
its horizontal position. Words are then cut at the gaps in the ink of the text line (the
recogniser often drops spaces between small printed words) and every word gets its own box and
confidence (the mean probability of its characters).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import cv2
import numpy as np

from sop_desktop.errors import ImportFailed
from sop_desktop.importers.scan_glyphs import UPRIGHT, roman_numerals

_LOCK = threading.Lock()
_ENGINE: _Engine | None = None
REC_HEIGHT = 48
REC_BATCH = 8
WIDE = "mwMW"  # letters about one and a half times as wide as the usual letter
ROMAN_CONF = 0.6  # a Roman numeral read from its bars: kept, but marked for review


@dataclass
class OcrWord:
    """One recognised word in image pixels, with the mean probability of its characters."""

    text: str
    x0: int
    y0: int
    x1: int
    y1: int
    conf: float


class _Engine:
    """The three ONNX sessions and the recogniser's character list."""

    def __init__(self) -> None:
        from rapidocr_onnxruntime.ch_ppocr_det import TextDetector
        from rapidocr_onnxruntime.ch_ppocr_rec import TextRecognizer
        from rapidocr_onnxruntime.main import DEFAULT_CFG_PATH
        from rapidocr_onnxruntime.utils import read_yaml
        from rapidocr_onnxruntime.utils.parse_parameters import update_model_path

        config = update_model_path(read_yaml(DEFAULT_CFG_PATH))
        config["Det"]["limit_type"] = "max"
        config["Det"]["limit_side_len"] = 2000
        self.det = TextDetector(config["Det"])
        self.rec = TextRecognizer(config["Rec"])
        self.chars: list[str] = list(self.rec.postprocess_op.character)


def engine() -> _Engine:
    """The process-wide OCR engine (loaded once, about 1 s)."""
    global _ENGINE
    with _LOCK:
        if _ENGINE is None:
            try:
                _ENGINE = _Engine()
            except ImportError:
                raise ImportFailed("mesin OCR (rapidocr-onnxruntime) tidak terpasang; pasang ulang "
                                   "SOP Desktop") from None
            except Exception as exc:  # a damaged model file in the installation
                raise ImportFailed(f"mesin OCR tidak dapat dimuat ({type(exc).__name__}); "
                                   "pasang ulang SOP Desktop") from None
        return _ENGINE


def detect_boxes(bgr: np.ndarray) -> list[tuple[int, int, int, int]]:
    """Axis-aligned boxes (x0, y0, x1, y1) of the text lines found on a (straight) image.
    On a page, scan_detect.missed_lines looks again where it missed small, light print."""
    boxes, _ = engine().det(bgr)
    out: list[tuple[int, int, int, int]] = []
    if boxes is None:
        return out
    h, w = bgr.shape[:2]
    for quad in boxes:
        xs, ys = quad[:, 0], quad[:, 1]
        x0, y0 = max(0, int(xs.min())), max(0, int(ys.min()))
        x1, y1 = min(w, int(np.ceil(xs.max()))), min(h, int(np.ceil(ys.max())))
        if x1 - x0 >= 3 and y1 - y0 >= 4:
            out.append((x0, y0, x1, y1))
    return out


def upside_down(crops: list[np.ndarray]) -> bool:
    """Whether the given text-line crops read better turned by 180 degrees (the recogniser's
    confidence either way; the 0/180 classifier is unreliable on long table lines)."""
    if not crops:
        return False
    parts = [c[:, :max(8, 8 * c.shape[0])] for c in crops]
    turned = [np.ascontiguousarray(c[::-1, ::-1]) for c in parts]
    results = recognize(parts + turned)

    def score(chars: list[tuple[str, float, float]]) -> float:
        return sum(p for ch, _, p in chars if not ch.isspace())

    upright = sum(score(r) for r in results[:len(parts)])
    flipped = sum(score(r) for r in results[len(parts):])
    return flipped > 1.2 * upright


def _decode(pred: np.ndarray, chars: list[str]) -> list[tuple[str, int, float]]:
    """Greedy CTC: (character, time step, probability) of each character."""
    idx = pred.argmax(axis=1)
    prob = pred.max(axis=1)
    out = []
    prev = 0
    for t, k in enumerate(idx):
        if k != 0 and k != prev and k < len(chars):
            out.append((chars[k], t, float(prob[t])))
        prev = k
    return out


def recognize(crops: list[np.ndarray]) -> list[list[tuple[str, float, float]]]:
    """Each crop (BGR, one text line) -> its characters as (char, x in crop pixels, prob)."""
    eng = engine()
    order = np.argsort([c.shape[1] / max(1, c.shape[0]) for c in crops])
    out: list[list[tuple[str, float, float]]] = [[] for _ in crops]
    for start in range(0, len(crops), REC_BATCH):
        batch = [int(i) for i in order[start:start + REC_BATCH]]
        ratio = max(320 / REC_HEIGHT, max(crops[i].shape[1] / max(1, crops[i].shape[0])
                                          for i in batch))
        width = int(REC_HEIGHT * ratio)
        arr = np.zeros((len(batch), 3, REC_HEIGHT, width), dtype=np.float32)
        scales = []
        for n, i in enumerate(batch):
            img = crops[i]
            h, w = img.shape[:2]
            rw = min(width, int(np.ceil(REC_HEIGHT * w / max(1, h))))
            res = cv2.resize(img, (max(1, rw), REC_HEIGHT)).astype(np.float32)
            arr[n, :, :, :rw] = (res.transpose(2, 0, 1) / 255 - 0.5) / 0.5
            scales.append(w / max(1, rw))
        preds = eng.rec.session(arr)[0]
        step = width / preds.shape[1]
        for n, i in enumerate(batch):
            out[i] = [(ch, (t + 0.5) * step * scales[n], p)
                      for ch, t, p in _decode(preds[n], eng.chars)]
            if any(ch in UPRIGHT for ch, _, _ in out[i]):  # "Eselon Il": bars recounted
                out[i] = roman_numerals(cv2.cvtColor(crops[i], cv2.COLOR_BGR2GRAY), out[i])
    return out


def _ink_runs(ink: np.ndarray, gap: int) -> list[tuple[int, int]]:
    """Column ranges of ink separated by at least `gap` empty columns."""
    cols = np.flatnonzero(ink.any(axis=0))
    if cols.size == 0:
        return []
    runs = []
    start = prev = int(cols[0])
    for c in cols[1:]:
        c = int(c)
        if c - prev > gap:
            runs.append((start, prev + 1))
            start = c
        prev = c
    runs.append((start, prev + 1))
    return runs


def _x_height(ink: np.ndarray) -> int:
    """The height of the small letters of a text line's ink, in pixels (at least 4)."""
    profile = ink.astype(bool).sum(axis=1)
    return max(4, int((profile >= 0.35 * profile.max()).sum()))


CAPITAL_X = 0.7  # a small letter is about this share of a capital's height (x-height/cap)


def _letter_height(ink: np.ndarray, chars: list[tuple[str, float, float]]) -> int:
    """The size a word gap is measured against: the x-height, or on a line without small
    letters (a step number "12", "HAM") the height of its ink: digits and capitals are
    thin in their middle rows, and their x-height would come out too small. On a line of
    capitals ("JFU /") that height is the capitals'; the x-height of the type, which a
    space's width goes with, is CAPITAL_X of it."""
    if any(ch.islower() for ch, _, _ in chars):
        return _x_height(ink)
    rows = np.flatnonzero(ink.any(axis=1))
    if not rows.size:
        return 4
    height = int(rows[-1] - rows[0] + 1)
    if any(ch.isupper() for ch, _, _ in chars):
        height = round(CAPITAL_X * height)
    return max(4, height)


def _word_gap(ink: np.ndarray, letters: int, small: bool = True) -> int:
    """The narrowest ink gap that separates words on this line: about half the x-height,
    raised while it would cut the line into more words than its letters make likely (an
    Indonesian word has about seven letters). On a line without small letters (`small`
    False: "JFU /", "SOP") the fullest rows are the capitals' height, and the x-height of
    the type, which a space's width goes with, is CAPITAL_X of it."""
    cols = np.flatnonzero(ink.any(axis=0))
    gaps = np.diff(cols) - 1
    gaps = gaps[gaps > 0]
    limit = 1.5 * letters / 7.0 + 1
    gap = max(3, round(0.45 * _x_height(ink) * (1.0 if small else CAPITAL_X)))
    while (gaps >= gap).sum() > limit:
        gap += 1
    return gap


def pitch_spaces(chars: list[tuple[str, float, float]]) -> list[tuple[str, float, float]]:
    """The characters with a space put where the recogniser left one out but the letters
    stand a space apart: small bold print blurs the gap between two words shut in the ink,
    but the recogniser still places the next word's first letter about a letter further
    on. A jump of twice the line's usual letter pitch, or of 1.4 times it from a small
    letter to a capital ("TimKerja"), splits; each part keeps at least two letters. A wide
    letter (m, w) takes a quarter pitch of the jump after it as its own width ("Biometric";
    not before it: a word left unspaced before "me-" would stay joined), and the jump
    before it loses what the recogniser set it late (`_late`: "Ka.Kanwil")."""
    jumps = [b[1] - a[1] for a, b in zip(chars, chars[1:], strict=False)
             if not a[0].isspace() and not b[0].isspace()]
    if len(jumps) < 6:
        return chars
    pitch = float(np.median(jumps))
    unit = min((j for j in jumps if j > 0), default=0.0)
    if pitch <= 0:
        return chars
    out: list[tuple[str, float, float]] = []
    run = 0  # letters since the last space
    for n, item in enumerate(chars):
        ch, x, _ = item
        if ch.isspace():
            run = 0
        elif out and run >= 2 and not out[-1][0].isspace():
            prev = out[-1][0]
            jump = x - out[-1][1] - 0.25 * pitch * (prev in WIDE) - _late(chars, n, pitch)
            ahead = 0
            for nxt, _, _ in chars[n:]:
                if nxt.isspace():
                    break
                ahead += 1
            wide = jump >= max(1.8 * pitch, pitch + 2 * unit)
            capital = prev.islower() and ch.isupper() and jump >= 1.4 * pitch
            if ahead >= 2 and (wide or capital):
                out.append((" ", (x + out[-1][1]) / 2, 1.0))
                run = 0
        if not ch.isspace():
            run += 1
        out.append(item)
    return out


def _late(chars: list[tuple[str, float, float]], n: int, pitch: float) -> float:
    """How far the recogniser placed the wide letter chars[n] (m, w) late: the next letter
    follows it closer than a usual pitch ("Kan" "w" "il": the "w" set where its right half
    is), so the jump into it is that much too long (at most half a pitch); 0 for any other
    letter or a wide letter set on time ("dan" "m" "embuat": a space left out stays)."""
    if chars[n][0] not in WIDE or n + 1 >= len(chars) or chars[n + 1][0].isspace():
        return 0.0
    return min(0.5 * pitch, max(0.0, pitch - (chars[n + 1][1] - chars[n][1])))


def _mean(chars: list[tuple[str, float, float]]) -> float:
    """The mean probability of the characters (0 for none)."""
    return sum(p for _, _, p in chars) / len(chars) if chars else 0.0


def _line_pitch(chars: list[tuple[str, float, float]]) -> float:
    """The line's usual letter pitch: the median jump between two letters the recogniser set
    no space between (0 when the line has too few letters to tell)."""
    jumps = [b[1] - a[1] for a, b in zip(chars, chars[1:], strict=False)
             if not a[0].isspace() and not b[0].isspace()]
    return float(np.median(jumps)) if len(jumps) >= 3 else 0.0


def _sharp(ink: np.ndarray, letters: int) -> bool:
    """Whether most letters of the line stand apart in its ink (sharp print, where a gap
    inside a word can be as wide as a word gap), not touching (blurred or bold print, where
    nearly every ink gap is a word gap)."""
    cols = np.flatnonzero(ink.any(axis=0))
    return letters >= 4 and int((np.diff(cols) > 1).sum()) >= 0.5 * letters


def _one_word(last: tuple[str, float, float], first: tuple[str, float, float], gap: int,
              pitch: float, xheight: int, sharp: bool) -> bool:
    """Whether two letters the recogniser set no space between, an ink gap of `gap` pixels
    apart, belong to one word (see `_join_letters`)."""
    wide = gap >= 0.6 * xheight
    if pitch <= 0:  # too few letters for a pitch ("17" in the No. column): the gap decides
        return not wide
    jump = (first[1] - last[1]) / pitch
    if not sharp:  # only a number cut by a gap ("1" "5" of "15 menit")
        return last[0].isdigit() and first[0].isdigit() and jump < 1.35
    return jump < (1.2 if wide else 1.8)


def _join_letters(runs: list[tuple[int, int]], groups: list[list[tuple[str, float, float]]],
                  chars: list[tuple[str, float, float]], ink: np.ndarray
                  ) -> tuple[list[tuple[int, int]], list[list[tuple[str, float, float]]]]:
    """Ink runs rejoined where a gap cuts a word: sharp print leaves gaps inside words ("1
    har i", "Ber kas", "15" as "1" "5") as wide as a narrow word gap, but the recogniser,
    which sees the whole line, set the two letters no space and a usual letter pitch apart
    there. A word gap it left out stands out in both: past an ink gap of 0.6 x-height or
    more the next letter stands 1.2 pitches on or further, past a narrower gap 1.8. On a
    line too short for a pitch, only a gap of 0.6 x-height or more keeps two letters apart."""
    if len(runs) < 2:
        return runs, groups
    pitch, xheight = _line_pitch(chars), _letter_height(ink, chars)
    sharp = _sharp(ink, sum(1 for ch, _, _ in chars if not ch.isspace()))
    apart = _word_gap_seen(runs, chars, ink)
    out_runs, out_groups = [runs[0]], [list(groups[0])]
    for run, group in zip(runs[1:], groups[1:], strict=True):
        last, first = out_groups[-1][-1:], group[:1]
        gap = run[0] - out_runs[-1][1]
        if last and first and not last[0][0].isspace() and not first[0][0].isspace() and \
                not _word_apart(last[0], first[0], gap, apart, pitch) and \
                _one_word(last[0], first[0], gap, pitch, xheight, sharp):
            out_runs[-1] = (out_runs[-1][0], run[1])
            out_groups[-1].extend(group)
        else:
            out_runs.append(run)
            out_groups.append(list(group))
    return out_runs, out_groups


def _word_apart(last: tuple[str, float, float], first: tuple[str, float, float], gap: int,
                apart: tuple[float, float], pitch: float) -> bool:
    """Whether two letters the recogniser set no space between stand a word apart by what the
    line itself shows (`_word_gap_seen`): an ink gap as wide as its narrowest spaced one, and
    the second letter as far on as past its spaces and at least 1.4 letter pitches."""
    ink_gap, jump = apart
    step = first[1] - last[1]
    return (last[0].isalpha() and first[0].isalpha() and pitch > 0 and gap >= ink_gap
            and step >= max(1.4 * pitch, jump))


def _word_gap_seen(runs: list[tuple[int, int]], chars: list[tuple[str, float, float]],
                   ink: np.ndarray) -> tuple[float, float]:
    """The ink gap that is surely a word gap on this line, learnt from the line itself: the
    narrowest gap between two runs where the recogniser set a space, when it is at least
    twice the widest gap inside any run (print whose letters stand well apart within words
    and further apart between them: a bold title "PENYUSUNAN RENCANA" whose first space the
    recogniser left out), with the least distance the recogniser's letters jump across one of
    its spaces. Infinite when the line shows no such clear step."""
    spaced = [b[0] - a[1] for a, b in zip(runs, runs[1:], strict=False)
              if any(ch.isspace() and a[1] - 1 <= x <= b[0] + 1 for ch, x, _ in chars)]
    # how far on the first letter after each of the recogniser's spaces stands
    jumps = [chars[n + 1][1] - chars[n - 1][1] for n in range(1, len(chars) - 1)
             if chars[n][0].isspace() and not chars[n - 1][0].isspace()
             and not chars[n + 1][0].isspace()]
    never = (float("inf"), float("inf"))
    if not spaced or not jumps:
        return never
    inside = 0
    for a, b in runs:
        cols = np.flatnonzero(ink[:, a:b].any(axis=0))
        if cols.size > 1:
            inside = max(inside, int((np.diff(cols) - 1).max()))
    narrowest = min(spaced)
    return (float(narrowest), float(min(jumps))) if narrowest >= 2 * max(1, inside) else never


def _bands(ink: np.ndarray) -> list[tuple[int, int]]:
    """The bands of ink rows (first, end) parted by empty rows, top to bottom."""
    filled = [bool(v) for v in np.asarray(ink.any(axis=1))]
    bands: list[tuple[int, int]] = []
    for y, on in enumerate(filled):
        if on and (not bands or bands[-1][1] < y):
            bands.append((y, y + 1))
        elif on:
            bands[-1] = (bands[-1][0], y + 1)
    return bands


def _main_band(ink: np.ndarray, bands: list[tuple[int, int]]) -> tuple[int, int]:
    """The band of rows with the most ink: the line's own letters."""
    return max(bands, key=lambda b: int(np.count_nonzero(ink[b[0]:b[1]])))


def own_rows(ink: np.ndarray) -> np.ndarray:
    """A text line's ink without what the crop caught of the lines above and below: a band
    of ink rows at the crop's top or bottom edge, apart from the line's main band by an
    empty row and under half its height (descenders of the line above would otherwise
    bridge a word gap: "&" "Kesra" read as one word)."""
    bands = _bands(ink)
    if len(bands) < 2:
        return ink
    main = _main_band(ink, bands)
    out = ink.copy()
    for a, b in (bands[0], bands[-1]):
        if (a, b) != main and (a == 0 or b == ink.shape[0]) and \
                b - a < 0.5 * (main[1] - main[0]):
            out[a:b] = 0
    return out


OFF_INK = 3  # pixels: a character read this far before or after the line's own letters


def _on_own_ink(chars: list[tuple[str, float, float]], ink: np.ndarray
                ) -> list[tuple[str, float, float]]:
    """The characters less those read at the line's start or end from ink beyond its own
    letters: a text box laid a little too low catches the tops of the next line's first
    letters ("d" "a" of "dan Pelaporan" before "Program"), which the recogniser reads. The
    line's letters are the columns of its main band of rows (`_main_band`); a character
    more than OFF_INK pixels (or a third of the line's letter pitch) before the first of
    them or after the last is dropped, and so is a space left at the new start or end."""
    bands = _bands(ink)
    if len(bands) < 2 or not chars:
        return chars
    a, b = _main_band(ink, bands)
    cols = np.flatnonzero(ink[a:b].any(axis=0))
    if cols.size == 0:
        return chars
    reach = max(OFF_INK, _line_pitch(chars) / 3)
    first, last = float(cols[0]) - reach, float(cols[-1]) + 1 + reach
    start, end = 0, len(chars)
    while start < end and (chars[start][1] < first or chars[start][0].isspace()):
        start += 1
    while end > start and (chars[end - 1][1] > last or chars[end - 1][0].isspace()):
        end -= 1
    return chars[start:end]


def upright_bars(ink: np.ndarray) -> int:
    """How many upright bars of one height the ink of a text line is (2 or more), else 0:
    a Roman numeral of capital I's ("Eselon III"), which the recogniser reads as one "I"
    or not at all. A bar is solid (no flag or foot as a "1" has), at most 0.4 times as wide
    as tall, and spans the line's height with the others."""
    n, _, stats, _ = cv2.connectedComponentsWithStats((ink > 0).astype(np.uint8), connectivity=8)
    parts = [stats[i] for i in range(1, n)]
    big = max((int(p[4]) for p in parts), default=0)
    parts = [p for p in parts if p[4] >= 0.1 * big]
    if len(parts) < 2:
        return 0
    top, bottom = min(int(p[1]) for p in parts), max(int(p[1] + p[3]) for p in parts)
    for _x, y, w, h, area in parts:
        if h < 0.8 * (bottom - top) or w > 0.4 * h or area < 0.75 * w * h or \
                y > top + 0.2 * h:
            return 0
    return len(parts)


def line_words(chars: list[tuple[str, float, float]], ink: np.ndarray, x0: int, y0: int
               ) -> list[OcrWord]:
    """One line's characters split into words at the model's spaces and at the ink gaps
    between words (`_word_gap`) where the model's letters stand apart too (`_join_letters`);
    boxes in page pixels."""
    chars = _on_own_ink(chars, ink)
    ink = own_rows(ink)
    rows = np.flatnonzero(ink.any(axis=1))
    if rows.size == 0 or not chars:
        return []
    letters = "".join(ch for ch, _, _ in chars if not ch.isspace())
    bars = upright_bars(ink) if letters and set(letters) <= set("Il1|") else 0
    if bars:  # the recogniser saw bars but miscounted them
        cols = np.flatnonzero(ink.any(axis=0))
        return [OcrWord("I" * bars, x0 + int(cols[0]), y0 + int(rows[0]),
                        x0 + int(cols[-1]) + 1, y0 + int(rows[-1]) + 1,
                        max(ROMAN_CONF, _mean(chars)))]
    chars = pitch_spaces(chars)
    runs = _ink_runs(ink, _word_gap(ink, sum(1 for ch, _, _ in chars if not ch.isspace()),
                                    any(ch.islower() for ch, _, _ in chars)))
    groups: list[list[tuple[str, float, float]]] = [[] for _ in runs]
    for ch, x, p in chars:
        k = min(range(len(runs)), key=lambda i: 0 if runs[i][0] <= x < runs[i][1] else
                min(abs(x - runs[i][0]), abs(x - runs[i][1])))
        groups[k].append((ch, x, p))
    runs, groups = _join_letters(runs, groups, chars, ink)
    words = []
    top, bottom = y0 + int(rows[0]), y0 + int(rows[-1]) + 1
    for (a, b), group in zip(runs, groups, strict=False):
        pieces: list[list[tuple[str, float, float]]] = [[]]
        for item in group:
            if item[0].isspace():
                pieces.append([])
            else:
                pieces[-1].append(item)
        pieces = [pc for pc in pieces if pc]
        for n, pc in enumerate(pieces):
            left = a if n == 0 else int((pieces[n - 1][-1][1] + pc[0][1]) / 2)
            right = b if n == len(pieces) - 1 else int((pc[-1][1] + pieces[n + 1][0][1]) / 2)
            text = "".join(ch for ch, _, _ in pc)
            if len(pieces) == 1 and text in _UPRIGHT_LETTERS and _slanted(ink[:, a:b]):
                text = "/"  # a slash standing apart, read as an upright letter
            conf = float(sum(p for _, _, p in pc) / len(pc))
            words.append(OcrWord(text, x0 + left, top, x0 + right, bottom, conf))
    return words


_UPRIGHT_LETTERS = {"I", "l", "1", "|"}
SLANT = 0.07  # a slash's top third lies right of its bottom third by this share of its height


def _slanted(ink: np.ndarray) -> bool:
    """Whether the ink of one glyph leans as a slash does: the ink of its top third lies
    right of that of its bottom third by at least SLANT of its height and a pixel (a small
    slash, blurred, leans about 0.1 of its height so measured). An I, l or | stands upright
    (0 give or take half a pixel) and a 1's flag leans the other way; only an italic I
    leans as much, and a lone italic capital between words is rare in an SOP table."""
    rows = np.flatnonzero(ink.any(axis=1))
    if rows.size < 6:
        return False
    top, bottom = int(rows[0]), int(rows[-1]) + 1
    third = max(1, (bottom - top) // 3)

    def middle(part: np.ndarray) -> float:
        ys, xs = np.nonzero(part)
        return float(xs.mean()) if xs.size else 0.0

    lean = middle(ink[top:top + third]) - middle(ink[bottom - third:bottom])
    return lean >= max(1.0, SLANT * (bottom - top))


__all__ = ["OcrWord", "detect_boxes", "engine", "line_words", "own_rows", "pitch_spaces",
           "recognize", "upright_bars", "upside_down"]
