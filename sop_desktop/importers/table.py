"""Table locator, header model and row grid of SOP tables.

A table starts at a header row holding "No" and "Kegiatan"/"Aktivitas"; the next row usually
names the pelaksana (lanes) and the mutu baku columns. Data rows carry a step number in the No
column. Extracted headers are often misaligned or misspelt, so column roles are fitted to where
the data actually is.
"""

from __future__ import annotations

import difflib
import functools
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from sop_desktop.domain.waktu import parse_waktu
from sop_desktop.errors import ImportFailed, ValidationError
from sop_desktop.importers.cells import Line, norm_key, step_number
from sop_desktop.importers.identity import match_labels
from sop_desktop.importers.layout import loose_header, merge_rows

ROLES = ("kelengkapan", "waktu", "output", "keterangan")
_ROLE_WORDS = {
    "kelengkapan": ("kelengkapan", "persyaratan", "perlengkapan", "syarat", "input", "bahan",
                    "persyaratanperlengkapan", "kelengkapanpersyaratan"),
    "waktu": ("waktu",),
    "output": ("output", "keluaran", "hasil"),
    "keterangan": ("keterangan", "ket", "catatan"),
}
_NO_WORDS = ("no", "nomor", "nourut", "nomorurut", "nomer")
_KEGIATAN_WORDS = ("kegiatan", "aktivitas", "aktifitas", "uraiankegiatan", "uraian", "langkah",
                   "uraianaktivitas", "prosedur", "tahapan", "tahap", "proses", "deskripsi",
                   "rinciankegiatan", "uraianprosedur", "langkahlangkah")
_GROUP_WORDS = re.compile(r"\b(aktor|pelaksana|pelaku|actor|unit\s+kerja)\b", re.IGNORECASE)
# columns some offices add beside the lanes that name no actor (their text is not step data)
_OTHER_COLUMN = re.compile(r"\b(dasar\s+hukum|landasan\s+hukum|referensi|regulasi|peraturan\s+terkait)\b", re.I)
_MARKS = {
    "mulai": "mulai", "start": "mulai", "selesai": "selesai", "end": "selesai", "finish": "selesai",
    "y": "y", "ya": "y", "yes": "y", "t": "t", "tidak": "t", "no": "t", "n": "t",
    "x": "x", "v": "x", "✓": "x", "√": "x", "o": "x", "•": "x", "*": "x",
    "✔": "x", "✗": "x", "✘": "x", "●": "x", "○": "x", "◯": "x", "⬤": "x", "+": "x",
    "oval": "x", "elips": "x", "lingkaran": "x", "terminator": "x", "kapsul": "x",
    "■": "box", "□": "box", "▪": "box", "▭": "box", "proses": "box", "process": "box",
    "persegi": "box", "persegi panjang": "box", "segi empat": "box", "dokumen": "box",
    "◊": "decision", "◇": "decision", "◆": "decision", "♦": "decision", "⬦": "decision",
    "keputusan": "decision", "decision": "decision", "belah ketupat": "decision",
    "wajik": "decision", "diamond": "decision",
}


def _similar(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


@functools.lru_cache(maxsize=4096)
def word_role(text: str) -> tuple[str | None, bool]:
    """The mutu baku role a sub-header names -> (role, exact)."""
    words = re.findall(r"[a-z]+", text.lower())
    if not words:
        return None, False
    key = "".join(words)
    first = words[0]
    for role, options in _ROLE_WORDS.items():
        if key in options or first in options:
            return role, True
    best, score = None, 0.0
    for role, options in _ROLE_WORDS.items():
        for option in options:
            if len(option) < 5:
                continue
            cands = [w for w in (first, key) if abs(len(w) - len(option)) <= 3]
            if not cands:
                continue
            s = max(_similar(w, option) for w in cands)
            if s > score:
                best, score = role, s
    return (best, False) if score >= 0.82 else (None, False)


@functools.lru_cache(maxsize=4096)
def is_mutu_baku(text: str) -> tuple[bool, bool]:
    """(looks like "MUTU BAKU", exactly)"""
    key = norm_key(text)
    if key == "mutubaku":
        return True, True
    return (key.startswith("mutu") and _similar(key, "mutubaku") >= 0.75), False


def classify_mark(text: str) -> str:
    """A lane cell's content as a flowchart mark: mulai/selesai/y/t/x/box/text."""
    key = " ".join(text.strip().strip("[](){}").strip().lower().split())
    if key in _MARKS:
        return _MARKS[key]
    if "box" in key or "kotak" in key:
        return "box"
    return "text"


def header_top(line: Line) -> tuple[int, int] | None:
    """(no column, kegiatan column) when the line is the first header row of an SOP table."""
    filled = line.filled()
    if len(filled) < 2:
        return None
    no_col = None
    for col, text in filled[:3]:
        if norm_key(text) in _NO_WORDS:
            no_col = col
            break
    if no_col is None:
        return None
    for col, text in filled:
        if col > no_col and norm_key(text) in _KEGIATAN_WORDS:
            return no_col, col
        if col > no_col and norm_key(text).startswith(("kegiatan", "aktivitas", "uraian")):
            return no_col, col
    for col, text in filled:
        # "Tahapan Kegiatan", "Langkah-langkah Kegiatan", "Rincian Aktivitas"
        key = norm_key(text)
        if col > no_col and len(key) <= 30 and re.search(r"kegiatan|aktivitas|aktifitas", key):
            return no_col, col
    return None


@dataclass
class Row:
    """One step row of a table part, with continuation lines merged in."""

    line: Line
    number: int
    cells: list[str]
    labels: list[tuple[int, str]] = field(default_factory=list)  # Y/T on a line of their own


@dataclass
class TablePart:
    """A contiguous piece of an SOP table: its header rows (if any) and its step rows."""

    start: int  # index (in the line list) of the first header or row line
    end: int  # index after the last line that belongs to it
    no_col: int
    keg_col: int
    top: Line | None = None
    sub: Line | None = None
    rows: list[Row] = field(default_factory=list)
    headerless: bool = False
    notes: list[str] = field(default_factory=list)  # warnings found while reading the rows
    inline: bool = False  # step numbers written at the start of the Kegiatan cell


_COLUMN_NUMBER = re.compile(r"^[(\[]?\s*(\d{1,2})\s*[)\].]?$")


def _numbers_row(line: Line) -> bool:
    """A row of column numbers under the header: "1 2 3 ..." or "(1) (2) (3) ..."."""
    filled = line.filled()
    return len(filled) >= 3 and all(_COLUMN_NUMBER.match(t) for _, t in filled)


def _is_step_row(line: Line, no_col: int) -> bool:
    number = step_number(line.cell(no_col))
    if number is None:
        return False
    rest = [t for col, t in line.filled() if col > no_col]
    return bool(rest) and not _numbers_row(line)


def _is_continuation(line: Line, no_col: int) -> bool:
    if len(line.cells) < 2 or line.cell(no_col):
        return False
    filled = line.filled()
    if not filled or header_top(line):
        return False
    return not any(match_labels(t) for _, t in filled)


_SUB_NUMBER = re.compile(r"^(\d{1,3})\s*\.?\s*([a-z]|\d{1,2})\s*[.)]?$", re.IGNORECASE)


def sub_number(text: str) -> str:
    """"2a", "2.1", "2.a)" -> the label as printed without its trailing dot, else ""."""
    text = text.strip()
    if step_number(text) is not None or not _SUB_NUMBER.match(text):
        return ""
    return text.rstrip(".)").strip()


def add_waktu(a: str, b: str) -> str | None:
    """Two waktu cells of one unit added up ("5 menit" + "10 menit" -> "15 menit"; bare
    numbers likewise), else None (ranges, mixed units, not a waktu)."""
    if _BARE_NUMBER.match(a.strip()) and _BARE_NUMBER.match(b.strip()) and \
            re.fullmatch(r"\d+", a.strip()) and re.fullmatch(r"\d+", b.strip()):
        return str(int(a) + int(b))
    try:
        wa, wb = parse_waktu(a), parse_waktu(b)
    except ValidationError:
        return None
    if not wa or not wb or wa.unit != wb.unit or wa.min != wa.max or wb.min != wb.max:
        return None
    total = wa.max + wb.max
    number = int(total) if float(total).is_integer() else total
    return f"{number} {wa.unit.replace('_', ' ')}"


def shift_line(line: Line, at: int, shift: int) -> Line:
    """The line with one empty cell removed at `at` (shift -1) or inserted before it (+1)."""
    if shift < 0:
        cells, raw = line.cells[:at] + line.cells[at + 1:], line.raw[:at] + line.raw[at + 1:]
    else:
        cells, raw = line.cells[:at] + [""] + line.cells[at:], line.raw[:at] + [""] + line.raw[at:]
    return Line(line.no, raw, cells, sheet=line.sheet)


def realign(line: Line, no_col: int) -> tuple[Line, int, int] | None:
    """A step row whose cells sit one column right or left of its header, moved back in line
    -> (moved line, column, shift), else None.

    PDF extraction often adds or drops a leading empty cell on data rows; the header's
    columns are the reference, so the whole row moves (its number must land on the No column).
    """
    if _is_step_row(line, no_col):
        return None
    if not line.cell(no_col) and _is_step_row(line, no_col + 1):
        return shift_line(line, no_col, -1), no_col, -1
    if no_col > 0 and not line.cell(no_col - 1) and _is_step_row(line, no_col - 1):
        return shift_line(line, no_col - 1, 1), no_col - 1, 1
    return None


_INLINE_NUMBER = re.compile(r"^(\d{1,3})\s*[.)]?\s+(?=\S)")


def _inline_number(line: Line, part: TablePart) -> Line | None:
    """A row whose step number was extracted into its Kegiatan cell ("1. Menerima ...") while
    the No column is empty: the number moved back to the No column.

    Only the next number of the table's own sequence counts, and only in a table that started
    this way, so numbered lists inside a kegiatan stay text.
    """
    if line.cell(part.no_col) or part.keg_col == part.no_col:
        return None
    match = _INLINE_NUMBER.match(line.cell(part.keg_col))
    if not match or not any(col not in (part.no_col, part.keg_col) for col, _ in line.filled()):
        return None  # a step row has marks or mutu baku cells; a list item inside one has not
    number = int(match.group(1))
    if part.rows:
        if not part.inline or not 0 < number - part.rows[-1].number <= 2:
            return None
    elif number > 1 or part.headerless:
        return None
    cells = list(line.cells)
    raw = list(line.raw) + [""] * (len(cells) - len(line.raw))
    cells[part.no_col] = raw[part.no_col] = match.group(1)
    cells[part.keg_col] = cells[part.keg_col][match.end():]
    raw[part.keg_col] = _INLINE_NUMBER.sub("", raw[part.keg_col].lstrip(), count=1)
    moved = Line(line.no, raw, cells, sheet=line.sheet)
    if not _is_step_row(moved, part.no_col):
        return None
    part.inline = True
    return moved


def _read_rows(lines: list[Line], i: int, part: TablePart) -> int:
    """Read step rows from line i on; returns the index after the part."""
    n = len(lines)
    last = i
    at, shift = 0, 0  # how the last step row was realigned
    while i < n:
        line = lines[i]
        if line.blank:
            i += 1
            continue
        if header_top(line):
            break
        inline = _inline_number(line, part)
        if inline is not None:
            line = inline
            moved = None
            if not any("nomor langkah tertulis di kolom Kegiatan" in note for note in part.notes):
                part.notes.append(f"{line.where}: nomor langkah tertulis di kolom Kegiatan; "
                                  "dipisahkan")
        else:
            moved = realign(line, part.no_col)
        if moved is not None:
            line, at, shift = moved
            if not any("bergeser satu kolom dari kepala" in note for note in part.notes):
                part.notes.append(f"{line.where}: baris langkah bergeser satu kolom dari kepala "
                                  "tabel; diselaraskan (juga baris berikutnya yang sama)")
        elif _is_step_row(line, part.no_col):
            at, shift = 0, 0
        elif shift and (shift > 0 or not line.cell(at)):
            line = shift_line(line, at, shift)  # a continuation line moves with its step row
        if (number := step_number(line.cell(part.no_col))) is not None and _is_step_row(line, part.no_col):
            part.rows.append(Row(line, number, list(line.cells)))
        elif part.rows and sub_number(line.cell(part.no_col)) and \
                any(t for col, t in line.filled() if col > part.no_col):
            # "2a" / "2.1": a sub-step printed under step 2 stays with it, text kept
            row = part.rows[-1]
            label = sub_number(line.cell(part.no_col))
            part.notes.append(f"{line.where}: sub-langkah '{label}' digabung ke langkah "
                              f"{row.number}")
            width = max(len(row.cells), len(line.cells))
            row.cells += [""] * (width - len(row.cells))
            for col, text in line.filled():
                if col == part.no_col:
                    continue
                if col == part.keg_col:
                    text = f"{label} {text}"
                elif row.cells[col] and (classify_mark(text) != "text" or text == row.cells[col]):
                    continue  # the step already has this mark or text in this column
                elif row.cells[col] and (total := add_waktu(row.cells[col], text)):
                    row.cells[col] = total  # the step takes as long as its sub-steps together
                    continue
                row.cells[col] = (row.cells[col] + " " + text).strip()
        elif part.rows and _is_continuation(line, part.no_col):
            row = part.rows[-1]
            width = max(len(row.cells), len(line.cells))
            row.cells += [""] * (width - len(row.cells))
            for col, text in line.filled():
                if row.cells[col] and classify_mark(text) in ("y", "t") and \
                        classify_mark(row.cells[col]) != "text":
                    # a Ya/Tidak label a line below the symbol of its decision
                    row.labels.append((col, classify_mark(text)))
                    continue
                row.cells[col] = (row.cells[col] + " " + text).strip()
        else:
            break
        i += 1
        last = i
    return last


def _second_sub(line: Line, part: TablePart) -> bool:
    """A header row that goes on with the lane names of the row above ("Kepala" over "Dinas",
    "Kepala Sub" over "Bagian Umum"): text only, right of Kegiatan, under a lane name."""
    sub = part.sub
    filled = line.filled()
    if not filled or sub is None or header_top(line) or _numbers_row(line):
        return False
    if any(col <= part.keg_col for col, _ in filled):
        return False
    if any(classify_mark(t) != "text" or len(t) > 60 or _waktu_ok(t) for _, t in filled):
        return False
    return any(sub.cell(col) and not word_role(sub.cell(col))[0] and classify_mark(
        sub.cell(col)) == "text" for col, _ in filled)


def locate_tables(lines: list[Line]) -> list[TablePart]:
    """Find every SOP table part; rows after a part with no header in between continue it."""
    parts: list[TablePart] = []
    i, n = 0, len(lines)
    label_since = False
    while i < n:
        line = lines[i]
        found = header_top(line)
        loose = None if found else loose_header(lines, i)
        if cols := found or loose:
            no_col, keg_col = cols
            part = TablePart(start=i, end=i + 1, no_col=no_col, keg_col=keg_col, top=line)
            if loose:
                part.notes.append(f"{line.where}: kepala tabel tanpa label 'No'; kolom nomor "
                                  "dibaca dari baris yang bernomor urut")
            j = i + 1
            while j < n and lines[j].blank and j < i + 3:
                j += 1
            if j < n and not lines[j].blank and not header_top(lines[j]) \
                    and not _is_step_row(lines[j], part.no_col) and not _numbers_row(lines[j]) \
                    and realign(lines[j], part.no_col) is None \
                    and _inline_number(lines[j], part) is None:
                part.sub = lines[j]
                j += 1
                if j < n and _second_sub(lines[j], part):
                    part.sub = merge_rows(part.sub, lines[j])
                    part.notes.append(f"{lines[j].where}: nama pelaksana terbagi dua baris "
                                      "kepala tabel; digabung")
                    j += 1
            while j < n and (lines[j].blank or _numbers_row(lines[j])) and j < i + 6:
                j += 1
            part.end = _read_rows(lines, j, part)
            if not part.rows:
                part.end = max(part.end, j)
            parts.append(part)
            label_since = False
            i = part.end
            continue
        if any(match_labels(t) for _, t in line.filled()[:3]):
            label_since = True
        if parts and not label_since and _is_step_row(line, parts[-1].no_col):
            prev = parts[-1]
            part = TablePart(start=i, end=i + 1, no_col=prev.no_col, keg_col=prev.keg_col,
                             top=prev.top, sub=prev.sub, headerless=True)
            part.end = _read_rows(lines, i, part)
            parts.append(part)
            i = part.end
            continue
        i += 1
    return parts


# ---------------------------------------------------------------- header model


@dataclass
class HeaderModel:
    """Column roles of one table part: lane columns (with printed names) and mutu baku columns."""

    no_col: int
    keg_col: int
    lanes: list[tuple[int, str]]  # (column, lane name as printed, cleaned)
    roles: dict[str, int]  # role -> column
    warnings: list[str] = field(default_factory=list)
    waktu_unit: str = ""  # unit written in the Waktu header ("WAKTU (MENIT)"), for bare numbers
    waktu_header: str = ""
    actor_col: int | None = None  # narrative table: the column naming each step's actor


_HEADER_UNIT = re.compile(r"\b(hari\s*kerja|hk|hari|jam|menit|mnt|detik|dtk)\b", re.IGNORECASE)
_BARE_NUMBER = re.compile(
    r"^\d+(?:[.,]\d+)?(?:\s*(?:-|–|—|s/d|s\.d\.?|sampai)\s*\d+(?:[.,]\d+)?)?$", re.IGNORECASE)


def header_unit(text: str) -> str:
    """The unit a Waktu header names ("WAKTU (MENIT)", "Waktu/Jam") as a waktu word, else ""."""
    match = _HEADER_UNIT.search(text or "")
    if not match:
        return ""
    word = " ".join(match.group(1).lower().split())
    return {"hk": "hari kerja", "mnt": "menit", "dtk": "detik"}.get(word, word)


def with_unit(text: str, unit: str) -> str | None:
    """A bare number ("30", "15-30") with the header's unit appended, else None."""
    if unit and _BARE_NUMBER.match(text.strip()):
        return f"{text.strip()} {unit}"
    return None


# waktu cells that say there is no fixed time standard (read as none, with a warning)
NO_STANDARD = re.compile(
    r"^\s*(tentatif|menyesuaikan|disesuaikan|sesuai\s+(kebutuhan|jadwal|ketentuan|situasi|kondisi|"
    r"permintaan|agenda)|kondisional|situasional|insidental|insidentil|fleksibel|bervariasi|"
    r"tidak\s+(tentu|ditentukan|terbatas)|relatif)\s*\.?\s*$", re.IGNORECASE)


def _waktu_ok(text: str, unit: str = "") -> bool:
    if NO_STANDARD.match(text):
        return True
    try:
        parse_waktu(with_unit(text, unit) or text)
        return True
    except ValidationError:
        return False


def build_header(part: TablePart, clean_lane: Callable[[str], str]) -> HeaderModel:
    """Fit column roles to the header rows and the data of a table part.

    `clean_lane` turns a printed lane header into its cleaned name.
    """
    warnings: list[str] = list(part.notes)
    top = part.top.cells if part.top else []
    sub = part.sub.cells if part.sub else []
    width = max([len(top), len(sub)] + [len(r.cells) for r in part.rows] + [0])
    top = top + [""] * (width - len(top))
    sub = sub + [""] * (width - len(sub))
    where = part.top.where if part.top else ""

    for col, text in enumerate(top):  # noqa: B007
        if text:
            looks, exact = is_mutu_baku(text)
            if looks and not exact:
                warnings.append(f"{where}: kepala tabel '{text}' dibaca sebagai 'MUTU BAKU'")

    # header positions of the mutu baku roles: sub row first, top row for what it lacks
    hp: dict[str, int] = {}
    for source in (sub, top):
        for col, text in enumerate(source):
            if col <= part.keg_col or not text:
                continue
            role, exact = word_role(text)
            if role and role not in hp and (source is sub or role == "keterangan"
                                             or not any(word_role(t)[0] for t in sub)):
                hp[role] = col
                if not exact:
                    warnings.append(f"{where}: kepala kolom '{text}' dibaca sebagai "
                                    f"'{role.capitalize()}'")
    first_mutu = _first_mutu(part, top, hp, width, warnings)

    # lane columns: between Kegiatan and the first mutu baku column
    lanes: list[tuple[int, str]] = []
    for col in range(part.keg_col + 1, first_mutu):
        if sub[col] and top[col] and is_mutu_baku(top[col])[0]:
            warnings.append(f"{where}: kepala tabel '{top[col]}' berada di atas kolom pelaksana; "
                            "dibaca sebagai PELAKSANA")
        name = sub[col]
        if not name and top[col]:
            text = top[col]
            if is_mutu_baku(text)[0]:
                warnings.append(f"{where}: kepala tabel '{text}' berada di atas kolom pelaksana; "
                                "dibaca sebagai PELAKSANA")
            elif not _GROUP_WORDS.search(text) and not (part.sub is None and
                                                         norm_key(text) == "pelaksana"):
                name = text
        if name and not word_role(name)[0] and not _OTHER_COLUMN.search(name):
            lanes.append((col, clean_lane(name)))
    actor_col = None
    if not lanes:
        # a narrative table: one "Pelaksana" column naming the actor of each step in words
        actor_col = _actor_column(part, top, sub, set(hp.values()))
        if actor_col is None:
            raise _fail(part, "tabel tidak memiliki kolom pelaksana (nama pelaksana di kepala "
                              "kolom, atau satu kolom 'Pelaksana' berisi nama)")
        warnings.append(f"{where}: satu kolom 'Pelaksana' berisi nama pelaksana tiap langkah; "
                        "jalur dibentuk dari nama-nama itu")

    waktu_header = ""
    if "waktu" in hp:
        waktu_header = sub[hp["waktu"]] if word_role(sub[hp["waktu"]])[0] == "waktu" \
            else top[hp["waktu"]]
    unit = header_unit(waktu_header)
    roles = _fit_roles(hp, first_mutu, width, part.rows, unit)
    if roles != {r: c for r, c in hp.items() if r in roles}:
        warnings.append(f"{where}: kolom mutu baku di kepala tabel bergeser dari isinya; "
                        "kolom disesuaikan dengan isi baris")
    return HeaderModel(part.no_col, part.keg_col, lanes, roles, warnings, unit, waktu_header,
                       actor_col)


def _first_mutu(part: TablePart, top: list[str], hp: dict[str, int], width: int,
                warnings: list[str]) -> int:
    """The first column after the lanes: the first mutu baku column, else Keterangan, else the
    end of the table (many puskesmas and service-unit SOPs have No, Kegiatan, Pelaksana only)."""
    mutu_cols = [c for r, c in hp.items() if r != "keterangan"]
    if not mutu_cols:
        mutu_cols = [col for col, text in enumerate(top)
                     if col > part.keg_col and is_mutu_baku(text)[0]][:1]
    if mutu_cols:
        return min(mutu_cols)
    where = part.top.where if part.top else ""
    warnings.append(f"{where}: tabel tanpa kolom Mutu Baku (Kelengkapan / Waktu / Output); "
                    "langkah tanpa standar waktu")
    return hp.get("keterangan", width)


def _actor_column(part: TablePart, top: list[str], sub: list[str], role_cols: set[int]
                  ) -> int | None:
    """The single column headed "Pelaksana" whose rows hold actor names, if any."""
    for col in range(part.keg_col + 1, len(top)):
        if col in role_cols:
            continue
        head = sub[col] or top[col]
        if not (head and _GROUP_WORDS.search(head)) and not (
                top[col] and _GROUP_WORDS.search(top[col]) and not any(
                    sub[c] for c in range(col + 1, len(sub)) if c not in role_cols
                    and not word_role(sub[c])[0])):
            continue
        values = [r.cells[col] for r in part.rows if col < len(r.cells) and r.cells[col]]
        names = [v for v in values if classify_mark(v) == "text" and len(v) <= 120]
        if values and len(names) >= max(1, len(values) // 2):
            return col
    return None


def _fail(part: TablePart, what: str) -> ImportFailed:
    where = part.top.where if part.top else (part.rows[0].line.where if part.rows else "")
    return ImportFailed(f"{where}: {what}")


def _fit_roles(hp: dict[str, int], first: int, width: int, rows: list[Row],
              unit: str = "") -> dict[str, int]:
    """Assign the mutu baku roles to columns, in header order, where the data fits best."""
    if not hp:
        return {}
    order = sorted((r for r in hp if r != "keterangan"), key=lambda r: (hp[r], ROLES.index(r)))
    if "keterangan" in hp:
        order.append("keterangan")
    cols = list(range(first, max(width, max(hp.values()) + 1)))
    occupied = {c: sum(1 for r in rows if c < len(r.cells) and r.cells[c]) for c in cols}
    waktu_bad = {}
    for c in cols:
        filled = [r.cells[c] for r in rows if c < len(r.cells) and r.cells[c]]
        bad = sum(1 for t in filled if not _waktu_ok(t, unit))
        waktu_bad[c] = bad / len(filled) if filled else 0
    if len(cols) > 12 or len(order) > len(cols):
        return {r: hp[r] for r in order}
    best, best_cost = None, None
    for combo in itertools.combinations(cols, len(order)):
        cost = 0.0
        for role, col in zip(order, combo, strict=False):
            cost += abs(col - hp[role])
            if not occupied[col]:
                cost += 0.5
            if role == "waktu":
                cost += 4 * waktu_bad[col]
        used = set(combo)
        cost += sum(3 for c in cols if occupied[c] and c not in used)
        if best_cost is None or cost < best_cost:
            best, best_cost = combo, cost
    return dict(zip(order, best or (), strict=False))
