"""Hostile-package guard for zip-based office files (.xlsx, usable for .docx): hard limits checked
while streaming, so no input can make the importer use much memory or time.

The central directory is sized from the end record before `zipfile` reads it (a zip of millions
of tiny members), declared sizes are checked first, then every member is decompressed in small
chunks counting the bytes that really come out (a member that declares 1 KB and expands to
1 GiB is stopped at the limit, never held in memory), and every XML member is run through expat
with DTDs and entities refused (entity bombs, external entities), counting shared strings and
cells on the way. Worksheet facts the reader needs (hidden rows and columns, where the values
end) are collected in the same pass.
"""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from collections.abc import Generator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, NoReturn
from xml.parsers import expat

from sop_desktop.errors import ImportFailed

MAX_MEMBERS = 2000
MAX_DIRECTORY_BYTES = 2 * 1024 * 1024  # central directory of the zip
MAX_TOTAL_BYTES = 100 * 1024 * 1024  # all members, as really decompressed
MAX_XML_TOTAL_BYTES = 64 * 1024 * 1024  # all XML members together
MAX_MEMBER_BYTES = 32 * 1024 * 1024  # one member
MAX_RATIO = 200  # uncompressed / compressed, for members over RATIO_FLOOR bytes
RATIO_FLOOR = 1024 * 1024
MAX_STRINGS = 100_000  # shared strings
MAX_CELLS = 50_000  # cells holding a value, all sheets together (an SOP has hundreds)
MAX_SHEET_ELEMENTS = 1_000_000  # elements of all worksheets (empty cells too)
MAX_PART_ELEMENTS = 50_000  # elements of any other part (styles, drawings...; Excel itself
# allows 64,000 cell formats)
MAX_ROWS = 20000
MAX_COLS = 200
CHUNK = 64 * 1024


@dataclass
class SheetFacts:
    """What the guard saw in one worksheet part (rows and columns 1-based)."""

    hidden_rows: set[int] = field(default_factory=set)
    hidden_cols: set[int] = field(default_factory=set)
    last_row: int = 0  # last row holding a value
    last_col: int = 0  # right-most column holding a value


@dataclass
class PackageFacts:
    """What the guard learnt about a checked package."""

    sheet_states: dict[str, str] = field(default_factory=dict)  # sheet name -> state
    sheets: dict[str, SheetFacts] = field(default_factory=dict)  # member path -> facts
    strings: int = 0
    cells: int = 0
    sheet_elements: int = 0


class _Refused(Exception):
    """A limit was passed while streaming (turned into ImportFailed with the file name)."""


class _Broken(Exception):
    """A member that should be XML is not (its name is the message)."""


def _refuse(name: str, what: str, label: str = ".xlsx") -> ImportFailed:
    return ImportFailed(f"{name}: berkas {label} ditolak: {what}")


def check_directory(path: Path, label: str = ".xlsx") -> None:
    """Refuse a zip whose central directory is too large or lists too many members, reading
    only its end record (before `zipfile` builds one object per member)."""
    name = path.name
    try:
        size = path.stat().st_size
        with open(path, "rb") as fh:
            fh.seek(max(0, size - 65536 - 22))
            tail = fh.read()
            at = tail.rfind(b"PK\x05\x06")
            if at < 0 or len(tail) - at < 22:
                raise ImportFailed(f"{name}: bukan berkas {label} yang sah (bukan arsip zip)")
            entries, cd_size = struct.unpack("<HI", tail[at + 10:at + 16])
            if entries == 0xFFFF or cd_size == 0xFFFFFFFF:
                entries, cd_size = _zip64_directory(fh, size - len(tail) + at)
    except OSError as exc:
        raise ImportFailed(f"{name}: berkas tidak dapat dibaca ({exc.strerror})") from None
    if entries > MAX_MEMBERS:
        count = f"{entries}; " if entries < 1 << 62 else ""
        raise _refuse(name, f"terlalu banyak isi arsip ({count}paling banyak {MAX_MEMBERS})",
                      label)
    if cd_size > MAX_DIRECTORY_BYTES:
        raise _refuse(name, "daftar isi arsip terlalu besar (kemungkinan berkas berbahaya)",
                      label)


def _zip64_directory(fh: BinaryIO, eocd_at: int) -> tuple[int, int]:
    """(entries, directory size) from the ZIP64 end record; huge values when unreadable."""
    if eocd_at < 20:
        return 1 << 62, 1 << 62
    fh.seek(eocd_at - 20)
    locator = fh.read(20)
    if locator[:4] != b"PK\x06\x07":
        return 1 << 62, 1 << 62
    fh.seek(struct.unpack("<Q", locator[8:16])[0])
    record = fh.read(56)
    if record[:4] != b"PK\x06\x06" or len(record) < 56:
        return 1 << 62, 1 << 62
    return struct.unpack("<Q", record[32:40])[0], struct.unpack("<Q", record[40:48])[0]


def check_package(path: Path, label: str = ".xlsx") -> PackageFacts:
    """Refuse a hostile or broken package with one clear line; return what the scan saw."""
    name = path.name
    check_directory(path, label)
    if not zipfile.is_zipfile(path):
        raise ImportFailed(f"{name}: bukan berkas {label} yang sah (bukan arsip zip)")
    facts = PackageFacts()
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            _check_declared(name, infos, label)
            if label == ".xlsx" and "[Content_Types].xml" not in {i.filename for i in infos}:
                raise ImportFailed(f"{name}: bukan berkas .xlsx (tidak ada [Content_Types].xml)")
            budget = _Budget()
            for info in infos:
                if not info.is_dir():
                    _scan_member(zf, info, budget, facts)
    except ImportFailed:
        raise
    except _Refused as exc:
        raise _refuse(name, str(exc), label) from None
    except _Broken as exc:
        raise ImportFailed(f"{name}: berkas {label} rusak: '{exc}' bukan XML yang sah") from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, OSError, EOFError,
            NotImplementedError, RuntimeError, ValueError, struct.error):
        raise ImportFailed(f"{name}: berkas {label} rusak atau tidak dapat dibaca") from None
    return facts


def _check_declared(name: str, infos: list[zipfile.ZipInfo], label: str) -> None:
    """The sizes the directory declares (a liar is caught while streaming)."""
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > MAX_MEMBER_BYTES or total > MAX_TOTAL_BYTES:
            raise _refuse(name, "isi terlalu besar setelah dibuka (kemungkinan bom zip; "
                                f"paling banyak {MAX_MEMBER_BYTES // 2**20} MB per bagian)", label)
        if info.file_size > RATIO_FLOOR and \
                info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise _refuse(name, f"rasio kompresi tidak wajar pada '{info.filename}' "
                                "(kemungkinan bom zip)", label)


@dataclass
class _Budget:
    total: int = 0
    xml: int = 0


def _chunks(zf: zipfile.ZipFile, info: zipfile.ZipInfo, budget: _Budget
            ) -> Generator[bytes, None, None]:
    """The member's bytes in small pieces, counted as they really come out."""
    seen = 0
    with zf.open(info) as fh:
        while True:
            try:
                chunk = fh.read(CHUNK)
            except zipfile.BadZipFile:
                # more (or other) data than the directory declares: a lying bomb or damage
                raise _Refused(f"isi '{info.filename}' tidak sesuai dengan ukuran yang "
                               "tertulis di arsip (berkas rusak atau bom zip)") from None
            if not chunk:
                return
            seen += len(chunk)
            budget.total += len(chunk)
            if seen > MAX_MEMBER_BYTES or budget.total > MAX_TOTAL_BYTES:
                raise _Refused(f"'{info.filename}' terlalu besar setelah dibuka "
                               "(kemungkinan bom zip)")
            yield chunk


_XML_NAMES = (".xml", ".rels", ".vml")


def _scan_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, budget: _Budget,
                 facts: PackageFacts) -> None:
    """Stream one member; XML members go through a guarded expat parser."""
    chunks = _chunks(zf, info, budget)
    try:
        _scan_chunks(info, chunks, budget, facts)
    finally:
        chunks.close()  # the member's file handle is closed whatever the scan raised


def _scan_chunks(info: zipfile.ZipInfo, chunks: Generator[bytes, None, None], budget: _Budget,
                 facts: PackageFacts) -> None:
    first = next(chunks, b"")
    looks_xml = info.filename.lower().endswith(_XML_NAMES) or \
        first.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"<"
    if not looks_xml:
        for _ in chunks:
            pass  # counted, and its CRC checked at the end by zipfile
        return
    scanner = _XmlScanner(info.filename, facts)
    try:
        budget.xml += len(first)
        scanner.feed(first)
        for chunk in chunks:
            budget.xml += len(chunk)
            if budget.xml > MAX_XML_TOTAL_BYTES:
                raise _Refused("isi XML terlalu besar setelah dibuka (kemungkinan bom zip)")
            scanner.feed(chunk)
        scanner.close()
    except expat.ExpatError:
        raise _Broken(info.filename) from None


_CELL_REF = re.compile(r"([A-Za-z]{1,3})(\d*)$")


def _column(ref: str) -> int:
    match = _CELL_REF.match(ref or "")
    if not match:
        return 0
    n = 0
    for ch in match.group(1).upper():
        n = n * 26 + ord(ch) - 64
    return n


class _XmlScanner:
    """Expat over one part: refuses DTDs and entities, counts strings and cells, and for a
    worksheet collects hidden rows/columns and where the values end."""

    def __init__(self, member: str, facts: PackageFacts) -> None:
        self.facts = facts
        self.member = member
        self.sheet: SheetFacts | None = None
        self.workbook = self.strings = False
        self.row = 0
        self.col = 0
        self.cell_has_value = False
        self.in_cell = False
        self.elements = 0
        parser = expat.ParserCreate()
        parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        parser.StartDoctypeDeclHandler = self._dtd
        parser.EntityDeclHandler = self._dtd
        parser.ExternalEntityRefHandler = self._dtd
        parser.StartElementHandler = self._root
        self.parser = parser

    def _root(self, name: str, attrs: dict[str, str]) -> None:
        """The root element says what the part is, whatever its member name."""
        tag = name.rsplit(":", 1)[-1]
        parser = self.parser
        if tag == "worksheet":
            self.sheet = self.facts.sheets[self.member] = SheetFacts()
            parser.EndElementHandler = self._end
        self.workbook, self.strings = tag == "workbook", tag == "sst"
        if self.sheet is None and not self.workbook and not self.strings:
            self.elements = 0
            parser.StartElementHandler = self._count
            return
        parser.StartElementHandler = self._start

    def _count(self, _name: str, _attrs: dict[str, str]) -> None:
        """Styles, drawings and the like: openpyxl builds an object per element."""
        self.elements += 1
        if self.elements > MAX_PART_ELEMENTS:
            raise _Refused(f"'{self.member}' terlalu rumit (lebih dari "
                           f"{MAX_PART_ELEMENTS:,} unsur XML)".replace(",", "."))

    def feed(self, chunk: bytes) -> None:
        self.parser.Parse(chunk, False)

    def close(self) -> None:
        self.parser.Parse(b"", True)

    @staticmethod
    def _dtd(*_args: object) -> NoReturn:
        raise _Refused("XML memuat DOCTYPE/ENTITY (XML berbahaya)")

    def _start(self, name: str, attrs: dict[str, str]) -> None:
        tag = name.rsplit(":", 1)[-1]
        if self.strings:
            if tag == "si":
                self.facts.strings += 1
                if self.facts.strings > MAX_STRINGS:
                    raise _Refused(f"terlalu banyak teks (lebih dari {MAX_STRINGS:,} teks "
                                   "bersama)".replace(",", "."))
            return
        if self.workbook:
            if tag == "sheet":
                self.facts.sheet_states[attrs.get("name", "")] = attrs.get("state", "visible")
            return
        self._sheet_start(tag, attrs)

    def _sheet_start(self, tag: str, attrs: dict[str, str]) -> None:
        sheet = self.sheet
        assert sheet is not None  # _root routes here only inside a worksheet
        self.facts.sheet_elements += 1
        if self.facts.sheet_elements > MAX_SHEET_ELEMENTS:
            raise _Refused(f"lembar terlalu rumit (lebih dari {MAX_SHEET_ELEMENTS:,} unsur XML)"
                           .replace(",", "."))
        if tag == "c":
            self.in_cell, self.cell_has_value = True, False
            self.col = _column(attrs.get("r", "")) or self.col + 1
        elif tag in ("v", "is", "f") and self.in_cell and not self.cell_has_value:
            self.cell_has_value = True
            self.facts.cells += 1
            if self.facts.cells > MAX_CELLS:
                raise _Refused(f"terlalu banyak sel berisi (lebih dari {MAX_CELLS:,})"
                               .replace(",", "."))
            sheet.last_row = max(sheet.last_row, self.row)
            sheet.last_col = max(sheet.last_col, self.col)
            if self.row > MAX_ROWS:
                raise _Refused(f"lembar terlalu panjang (lebih dari {MAX_ROWS} baris)")
        elif tag == "row":
            try:
                self.row = int(attrs.get("r") or self.row + 1)
            except ValueError:
                raise _Refused("nomor baris tidak sah") from None
            self.col = 0
            if attrs.get("hidden") in ("1", "true"):
                sheet.hidden_rows.add(self.row)
        elif tag == "col" and attrs.get("hidden") in ("1", "true"):
            try:
                low = int(attrs.get("min", "0") or 0)
                high = min(int(attrs.get("max", "0") or 0), MAX_COLS)
            except ValueError:
                raise _Refused("nomor kolom tidak sah") from None
            sheet.hidden_cols.update(range(max(low, 0), high + 1))

    def _end(self, name: str) -> None:
        if name.rsplit(":", 1)[-1] == "c":
            self.in_cell = False
