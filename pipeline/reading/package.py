"""What the bytes of a workbook package are, looked at before any reader sees them.

A workbook comes from outside and may be anything. The content decides the format, not the
name; a zip's central directory bounds what it may inflate to (calamine and zipfile both stop
at the declared sizes); XML with a DOCTYPE is refused (Excel never writes one; calamine refuses
declared entities too); and the used area of each sheet we read is measured before calamine
allocates it, because calamine holds a sheet as one dense block from A1 to its last cell and
aborts the whole process when that block does not fit in memory.
"""

from __future__ import annotations

import io
import posixpath
import re
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from xml.parsers import expat

from .. import fmt, schema
from ..cells import Area, cell_ref, key, text
from ..issues import Issue, issue

# Limits far beyond any real form (a filled form is 20-200 KB and inflates 3-10 times), so
# that only broken or hostile files meet them.
MAX_UNZIPPED = 200 * 2**20  # all members together, as declared in the central directory
MAX_RATIO = 100  # deflate tops out near 1000:1; XML of a form inflates 3-20 times
RATIO_FLOOR = 2**20  # the ratio is only judged on members bigger than this
MAX_MEMBERS = 10_000
MAX_CELLS = 1_000_000  # per sheet read, from A1 to the last cell with a value
MAX_LISTED = 1_000  # cells kept per sheet and kind of finding (formulas, merges)
CHUNK = 2**16

CFB = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Compound File: .xls, encrypted .xlsx, .doc
ODS_MIME = b"application/vnd.oasis.opendocument.spreadsheet"
ODF_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
ODF_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
PROLOG = re.compile(rb"(?:\s+|<\?[^>]*\?>|<!--(?:[^-]|-[^-])*-->)*")  # declaration, comments
# A cell reference as calamine reads it (backwards: digits for the row, then letters of either
# case for the column); ASCII only. `$` is left out before matching: calamine ignores it or
# refuses the file, and either way the position is the one to measure.
A1 = re.compile(r"([A-Za-z]{1,3})([0-9]{1,9})")
ROW_REF = re.compile(r"[A-Za-z]*([0-9]{1,9})")  # <row r="…">: calamine keeps only the digits
FAR = 2**31  # where a nonsensical reference is counted: the file is refused, never read
# What reading a damaged zip member or XML part raises.
BROKEN = (zipfile.BadZipFile, zlib.error, expat.ExpatError, struct.error, OSError, EOFError,
          KeyError, NotImplementedError, RuntimeError, ValueError)

READ_SHEETS = frozenset(key(n) for n in (schema.INFO_SHEET, *(
    s.name for k in schema.KINDS.values() for s in k.sheets)))  # the only sheets read, so measured


@dataclass
class Scan:
    """What the look at the bytes found: per sheet read, its used size from A1 (rows, cols),
    formula cells with no saved value, (for .ods) merged areas, and (pledges) cells shown as
    a percent."""

    size: dict[str, tuple[int, int]] = field(default_factory=dict)
    unsaved: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    merged: dict[str, list[Area]] = field(default_factory=dict)
    percent: dict[str, list[tuple[int, int]]] = field(default_factory=dict)


class Refused(Exception):
    """The bytes say the file must not be read; carries the issue."""

    def __init__(self, found: Issue) -> None:
        super().__init__(found.message)
        self.issue = found


def inspect(file: str, suffix: str, data: bytes) -> Scan:
    """Refuse what must not reach calamine; measure what may."""
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return _inspect_zip(file, suffix, data)
    if data.startswith(CFB):
        _inspect_cfb(file, suffix, data)
        return Scan()
    raise Refused(issue("not-xlsx-content", file=file, suffix=suffix or "(không có)",
                        what=_what(data)))


def check_size(file: str, sheet: str, rows: int, cols: int) -> None:
    """Refuse a sheet whose used area, from A1, is beyond any form."""
    if rows * cols > MAX_CELLS:
        raise Refused(issue("sheet-too-large", file=file, sheet=text(sheet),
                            cell=cell_ref(rows - 1, cols - 1), corner=cell_ref(rows - 1, cols - 1),
                            rows=fmt.thousands(rows), cols=cols))


def _what(data: bytes) -> str:
    """What a file that is neither a zip nor a Compound File most likely is, in words."""
    head = data[:4096]
    for magic, name in MAGIC:
        if head.startswith(magic):
            return name
    for bom, codec in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if head.startswith(bom):
            head = head[2:].decode(codec, "ignore").encode()
    sample = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if sample.startswith((b"<!doctype html", b"<html", b"<table", b"<meta")) or b"<html" in sample:
        return "một trang web (HTML), thường do phần mềm khác xuất ra và đặt đuôi Excel"
    if b"urn:schemas-microsoft-com:office:spreadsheet" in sample:
        return "bảng tính XML 2003 (XML Spreadsheet)"
    if sample.startswith(b"<?xml"):
        return "một tệp XML"
    if b"\x00" in sample or sum(b < 9 or 13 < b < 32 for b in sample) > len(sample) // 100:
        return "một tệp không rõ định dạng"  # binary: text has no control bytes to speak of
    return "văn bản thuần (CSV hoặc TXT)"


MAGIC = (
    (b"%PDF", "tệp PDF"),
    (b"{\\rtf", "văn bản RTF (Word)"),
    (b"\x89PNG", "ảnh PNG"),
    (b"\xff\xd8\xff", "ảnh JPEG"),
    (b"Rar!", "tệp nén RAR"),
    (b"7z\xbc\xaf", "tệp nén 7z"),
)


def _inspect_cfb(file: str, suffix: str, data: bytes) -> None:
    """A Compound File: an .xls is measured then read; an encrypted .xlsx or anything else is
    refused."""
    try:
        cfb = Cfb(data)
        names = {e.name.casefold(): e for e in cfb.entries}
        if {"encryptioninfo", "encryptedpackage"} <= names.keys():
            raise Refused(issue("password-protected", file=file))
        stream = names.get("workbook") or names.get("book")
        if stream is None:
            what = ("tài liệu Word cũ (.doc)" if "worddocument" in names
                    else "bài trình chiếu PowerPoint cũ (.ppt)" if "powerpoint document" in names
                    else "một tệp Office cũ không phải sổ Excel")
            raise Refused(issue("not-xlsx-content", file=file, suffix=suffix or "(không có)",
                                what=what))
        _scan_biff(file, cfb.read(stream))
    except (struct.error, IndexError, ValueError):
        raise Refused(issue("unreadable", file=file, detail="tệp hỏng (cấu trúc tệp Excel cũ "
                                                            "không đọc được)")) from None


@dataclass(frozen=True)
class CfbEntry:
    name: str
    kind: int  # 1 storage, 2 stream, 5 root
    start: int
    size: int


class Cfb:
    """Just enough of a Compound File (MS-CFB) to list its streams and read one: every chain
    is bounded by the file's size, so a looping or lying file ends in an error, not a hang."""

    END = 0xFFFFFFFA  # this and above: end of chain, free, FAT or DIFAT sector

    def __init__(self, data: bytes) -> None:
        self.data = data
        shift = struct.unpack_from("<H", data, 30)[0]
        if shift not in (9, 12):
            raise ValueError("sector size")
        self.size = 1 << shift
        self.limit = len(data) // self.size + 1  # no chain is longer than the file
        n_fat, first_dir = struct.unpack_from("<II", data, 44)
        self.cutoff, first_mini, n_mini, first_difat, n_difat = struct.unpack_from("<5I", data, 56)
        per = self.size // 4
        sectors = list(struct.unpack_from("<109I", data, 76))
        for sector in self._chain_of_difat(first_difat, n_difat):
            entries = struct.unpack_from(f"<{per}I", data, self._at(sector))
            sectors += entries[:-1]
        self.fat: list[int] = []
        for s in sectors[:min(n_fat, self.limit)]:
            self.fat += struct.unpack_from(f"<{per}I", data, self._at(s))
        directory = self._read_chain(first_dir, self.fat, self.size, self._at)
        self.entries: list[CfbEntry] = []
        for offset in range(0, len(directory) - 127, 128):
            length, kind = struct.unpack_from("<HB", directory, offset + 64)
            if 2 <= length <= 64 and kind in (1, 2, 5):
                name = directory[offset:offset + length - 2].decode("utf-16-le", "replace")
                start, size = struct.unpack_from("<IQ", directory, offset + 116)
                self.entries.append(CfbEntry(name, kind, start,
                                             size if shift == 12 else size & 0xFFFFFFFF))
        root = next((e for e in self.entries if e.kind == 5), None)
        if root is None:
            raise ValueError("no root entry")
        mini_fat = self._read_chain(first_mini, self.fat, self.size, self._at)
        self.mini_fat = list(struct.unpack_from(f"<{len(mini_fat) // 4}I", mini_fat))
        self.ministream = self._read_chain(root.start, self.fat, self.size, self._at)

    def _at(self, sector: int) -> int:
        return (sector + 1) * self.size

    def _chain_of_difat(self, sector: int, count: int) -> list[int]:
        chain = []
        for _ in range(min(count, self.limit)):
            if sector >= self.END:
                break
            chain.append(sector)
            sector = struct.unpack_from("<I", self.data, self._at(sector) + self.size - 4)[0]
        return chain

    def _read_chain(self, sector: int, fat: list[int], size: int, at: Callable[[int], int],
                    source: bytes | None = None) -> bytes:
        source = self.data if source is None else source
        parts = []
        for _ in range(len(source) // size + 1):  # a chain never holds more than its source
            if sector >= self.END:
                break
            parts.append(source[at(sector):at(sector) + size])
            sector = fat[sector]
        else:
            raise ValueError("chain longer than the file")
        return b"".join(parts)

    def read(self, entry: CfbEntry) -> bytes:
        """One stream's bytes, from the mini stream when it is small."""
        if entry.size < self.cutoff:
            data = self._read_chain(entry.start, self.mini_fat, 64, lambda s: s * 64,
                                    self.ministream)
        else:
            data = self._read_chain(entry.start, self.fat, self.size, self._at)
        return data[:entry.size]


BIFF_CELLS = {0x0006, 0x00D6, 0x00FD, 0x0203, 0x0204, 0x0205, 0x027E}  # each: row, col, …
BIFF_MULRK, BIFF_BOF, BIFF_EOF, BIFF_FILEPASS, BIFF_SHEET = 0x00BD, 0x0809, 0x000A, 0x002F, 0x85


def _scan_biff(file: str, stream: bytes) -> None:
    """An .xls workbook stream, read as calamine reads it (the globals, then each sheet from
    where its BOUNDSHEET record points): refused when encrypted, or when a sheet's used area is
    beyond any form, because calamine loads every sheet of an .xls when it opens it."""
    sheets: dict[int, str] = {}
    budget = [2 * len(stream) // 4 + 16]  # records walked in all: sheets never overlap twice
    for kind, body in _biff_records(stream, 0, budget):
        if kind == BIFF_FILEPASS:
            raise Refused(issue("password-protected", file=file))
        if kind == BIFF_SHEET and len(body) >= 8:
            sheets[struct.unpack_from("<I", body)[0]] = _biff_name(body[6:])
        elif kind == BIFF_EOF:
            break
    for offset, name in sheets.items():
        rows = cols = 0
        for kind, body in _biff_records(stream, offset, budget):
            if kind in BIFF_CELLS and len(body) >= 4:
                row, col = struct.unpack_from("<HH", body)
            elif kind == BIFF_MULRK and len(body) >= 6:
                row, col = struct.unpack_from("<H", body)[0], struct.unpack_from("<H", body[-2:])[0]
            elif kind == BIFF_EOF:
                break
            else:
                continue
            rows, cols = max(rows, row + 1), max(cols, col + 1)
        check_size(file, name, rows, cols)


def _biff_records(stream: bytes, pos: int, budget: list[int]) -> Iterator[tuple[int, bytes]]:
    """(type, body) of the BIFF records from `pos`; a file needing more than the budget of
    records is refused as broken."""
    while pos + 4 <= len(stream):
        budget[0] -= 1
        if budget[0] < 0:
            raise ValueError("sheets overlap")
        kind, length = struct.unpack_from("<HH", stream, pos)
        yield kind, stream[pos + 4:pos + 4 + length]
        pos += 4 + length


def _biff_name(raw: bytes) -> str:
    """A sheet name as BIFF8 stores it (ShortXLUnicodeString)."""
    if len(raw) < 2:
        return "?"
    count, high = raw[0], raw[1] & 1
    return (raw[2:2 + 2 * count].decode("utf-16-le", "replace") if high
            else raw[2:2 + count].decode("latin-1"))


# --- zip packages: .xlsx, .xlsm, .ods -----------------------------------------------------

def _inspect_zip(file: str, suffix: str, data: bytes) -> Scan:
    try:
        z = zipfile.ZipFile(io.BytesIO(data))  # reads the central directory only
    except (zipfile.BadZipFile, ValueError, OSError):
        raise Refused(issue("unreadable", file=file,
                            detail="tệp nén bị hỏng (có thể chép chưa xong)")) from None
    with z:
        infos = z.infolist()
        if detail := _too_big(infos):
            raise Refused(issue("too-large", file=file, detail=detail))
        if any(i.flag_bits & 0x1 for i in infos):  # zip-level encryption
            raise Refused(issue("password-protected", file=file))
        names = {i.filename for i in infos}
        if len(names) < len(infos):  # two parts of one name: readers disagree on which counts
            raise Refused(issue("unreadable", file=file, detail="tệp có hai phần cùng tên"))
        kind = _zip_kind(z, names)
        if kind not in ("xlsx", "ods"):
            raise Refused(issue("not-xlsx-content", file=file, suffix=suffix or "(không có)",
                                what=kind))
        for info in infos:
            if info.filename.lower().endswith((".xml", ".rels")) and _declares_doctype(z, info,
                                                                                        data):
                raise Refused(issue("unsafe-xml", file=file, part=info.filename))
        if kind == "ods" and b"encryption-data" in _member(z, "META-INF/manifest.xml"):
            raise Refused(issue("password-protected", file=file))
        try:
            return _scan_xlsx(z) if kind == "xlsx" else _scan_ods(z)
        except BROKEN as exc:  # what expat cannot parse is not handed to calamine unmeasured
            detail = f"phần XML của sheet bị hỏng ({type(exc).__name__})"
            raise Refused(issue("unreadable", file=file, detail=detail)) from None


def _too_big(infos: list[zipfile.ZipInfo]) -> str:
    """Why the members, as declared, are beyond any form; "" when they are not."""
    if len(infos) > MAX_MEMBERS:
        return f"{fmt.thousands(len(infos))} thành phần bên trong"
    total = sum(i.file_size for i in infos)
    if total > MAX_UNZIPPED:
        return f"giải nén ra {fmt.thousands(total // 2**20)} MB"
    for i in infos:
        if i.file_size > RATIO_FLOOR and i.file_size > MAX_RATIO * max(i.compress_size, 1):
            return (f"phần \"{i.filename}\" giải nén ra {i.file_size // 2**20} MB từ "
                    f"{max(i.compress_size // 2**10, 1)} KB")
    return ""


def _head(data: bytes, info: zipfile.ZipInfo, size: int = 1024) -> bytes:
    """The first bytes of a member, inflated straight from the package's bytes: what zipfile
    does, without its per-member cost, for a look at every part's prolog."""
    at = info.header_offset
    if data[at:at + 4] != b"PK\x03\x04":
        raise ValueError("local header")
    name, extra = struct.unpack_from("<HH", data, at + 26)
    start = at + 30 + name + extra
    raw = data[start:start + min(info.compress_size, 4 * size)]
    if info.compress_type == zipfile.ZIP_STORED:
        return raw[:size]
    if info.compress_type == zipfile.ZIP_DEFLATED:
        return zlib.decompressobj(-15).decompress(raw, size)
    raise NotImplementedError("compression")


def _member(z: zipfile.ZipFile, name: str) -> bytes:
    try:
        return z.read(name)  # small parts only, their size already bounded
    except BROKEN:
        return b""


def _zip_kind(z: zipfile.ZipFile, names: set[str]) -> str:
    """ "xlsx", "ods", or what else the package is, in words."""
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "content.xml" in names and _member(z, "mimetype").strip().startswith(ODS_MIME):
        return "ods"
    if "xl/workbook.bin" in names:
        return "sổ Excel nhị phân (.xlsb)"
    if "word/document.xml" in names:
        return "tài liệu Word (.docx)"
    if "ppt/presentation.xml" in names:
        return "bài trình chiếu PowerPoint (.pptx)"
    if "content.xml" in names:
        return "tài liệu OpenDocument không phải bảng tính (.odt, .odp)"
    return "một tệp nén (.zip)"


class _Stop(Exception):
    """Ends a parse early: what was wanted has been seen."""


class _Doctype(Exception):
    """The XML declares a DOCTYPE."""


def _refuse_doctype(*_: object) -> None:
    raise _Doctype


def _parse(z: zipfile.ZipFile, info: zipfile.ZipInfo | str,
           start: Callable[[str, dict[str, str]], None] | None = None,
           end: Callable[[str], None] | None = None, namespaces: bool = False,
           chars: Callable[[str], None] | None = None) -> None:
    """Stream one XML part through expat, chunk by chunk; a DOCTYPE stops it before any
    declaration in it is read, so nothing is ever expanded."""
    parser = expat.ParserCreate(namespace_separator=" " if namespaces else None)
    parser.StartDoctypeDeclHandler = _refuse_doctype
    parser.EntityDeclHandler = _refuse_doctype
    if start:
        parser.StartElementHandler = start
    if end:
        parser.EndElementHandler = end
    if chars:
        parser.CharacterDataHandler = chars
    try:
        with z.open(info) as f:
            while chunk := f.read(CHUNK):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except _Stop:
        pass


def _declares_doctype(z: zipfile.ZipFile, info: zipfile.ZipInfo, data: bytes) -> bool:
    """Whether the part's prolog has a DOCTYPE; read up to its first element only."""
    try:
        head = _head(data, info)
    except BROKEN:
        return False  # calamine says what is wrong, if the part matters
    rest = head[PROLOG.match(head).end():]  # type: ignore[union-attr]  # always matches
    if rest.startswith(b"<") and not rest.startswith((b"<!", b"<?")):
        return False  # the root element: no DOCTYPE can follow
    if rest.startswith(b"<!DOCTYPE"):
        return True

    def root(*_: object) -> None:
        raise _Stop

    try:  # a long or unusual prolog (UTF-16, comments): let expat walk it
        _parse(z, info, start=root)
    except _Doctype:
        return True
    except BROKEN:
        pass
    return False


def _local(name: str) -> str:
    return name[name.rfind(":") + 1:]


def _scan_xlsx(z: zipfile.ZipFile) -> Scan:
    """Each sheet we read, measured and searched for formulas without a saved value."""
    scan = Scan()
    for name, part in xlsx_sheet_parts(z).items():
        if key(name) in READ_SHEETS:
            size = _plain_sheet_size(z.read(part))  # bounded: the member's declared size
            if size is None:
                cells = _XlsxSheet()
                _parse(z, part, cells.start, cells.end, chars=cells.chars)
                size, scan.unsaved[name] = (cells.rows, cells.cols), cells.unsaved
            scan.size[name] = size
        if key(name) == PLEDGES:
            scan.percent[name] = _percent_cells(z, part)
    return scan


PLEDGES = key(schema.PLEDGE_SHEET)  # the one sheet where a percent format changes a reading
CELL_TAG = re.compile(rb"<c\s([^>]*)>")
CELL_ATTR = re.compile(rb'\b(r|s)="([^"]*)"')
QUOTED = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')  # literal text and colours in a number format


def _percent_cells(z: zipfile.ZipFile, part: str) -> list[tuple[int, int]]:
    """Cells of a sheet whose number format shows a percent: there "0,15" reads "15%"."""
    styles = _percent_styles(z)
    found = []
    for m in CELL_TAG.finditer(z.read(part)) if styles else ():
        attrs = dict(CELL_ATTR.findall(m[1]))
        if attrs.get(b"s", b"").isdigit() and int(attrs[b"s"]) in styles and b"r" in attrs:
            found.append(_a1(attrs[b"r"].decode("ascii", "replace")))
    return found[:MAX_LISTED]


def _percent_styles(z: zipfile.ZipFile) -> set[int]:
    """Indexes of the cell formats (styles.xml cellXfs) showing numbers as a percent."""
    codes = {9: "0%", 10: "0.00%"}  # Excel's built-in percent formats
    formats: list[int] = []
    inside = [False]

    def start(name: str, attrs: dict[str, str]) -> None:
        tag = _local(name)
        if tag == "numFmt" and attrs.get("numFmtId", "").isdigit():
            codes[int(attrs["numFmtId"])] = attrs.get("formatCode", "")
        elif tag == "cellXfs":
            inside[0] = True
        elif tag == "xf" and inside[0]:
            n = attrs.get("numFmtId", "0")
            formats.append(int(n) if n.isdigit() else 0)

    def end(name: str) -> None:
        if _local(name) == "cellXfs":
            inside[0] = False

    if "xl/styles.xml" in z.namelist():
        _parse(z, "xl/styles.xml", start, end)
    return {i for i, n in enumerate(formats) if "%" in QUOTED.sub("", codes.get(n, ""))}


# A sheet as Excel and the usual libraries write it (every cell with its r="A1", no prefix,
# no formula) is measured by two regular expressions instead of a walk through every element.
CELL_WITH_VALUE = rb'<c r="([A-Z]{1,3})([0-9]{1,9})"(?:\s[^>]*[^/>])?>'  # not <c …/>
VALUE_ROWS = re.compile(CELL_WITH_VALUE.replace(b"([A-Z]{1,3})", b"[A-Z]{1,3}"))
VALUE_COLS = re.compile(CELL_WITH_VALUE.replace(b"([0-9]{1,9})", b"[0-9]{1,9}"))
ANY_CELL = re.compile(rb"<c[\s/>]")
# Every cell must carry a plain upper-case reference for the fast path: lower case, "$", leading
# zeros or no r= at all are what calamine still honours, and only the full walk reads them so.
PLAIN_REF = re.compile(rb'<c r="[A-Z]{1,3}[1-9][0-9]{0,8}"')
NOT_PLAIN = re.compile(rb"<[\w.-]+:c[\s/>]|<(?:[\w.-]+:)?f[\s/>]")  # prefixes, formulas


def _plain_sheet_size(xml: bytes) -> tuple[int, int] | None:
    """(rows, cols) used from A1, counting cells with content; None when the sheet needs the
    full walk."""
    if NOT_PLAIN.search(xml) or len(ANY_CELL.findall(xml)) != len(PLAIN_REF.findall(xml)):
        return None
    rows = VALUE_ROWS.findall(xml)
    if not rows:
        return 0, 0
    cols = {_a1(letters.decode() + "1")[1] for letters in set(VALUE_COLS.findall(xml))}
    return max(map(int, rows)), max(cols) + 1


def xlsx_sheet_parts(z: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> its part ("xl/worksheets/sheet3.xml"), from the workbook and its rels."""
    sheets: dict[str, str] = {}
    targets: dict[str, str] = {}

    def sheet(name: str, attrs: dict[str, str]) -> None:
        if _local(name) == "sheet":
            rid = next((v for k, v in attrs.items() if k.endswith(":id") or k == "id"), "")
            _once(sheets, attrs.get("name", ""), rid)

    def rel(name: str, attrs: dict[str, str]) -> None:
        if _local(name) == "Relationship":
            _once(targets, attrs.get("Id", ""), attrs.get("Target", ""))

    _parse(z, "xl/workbook.xml", sheet)
    _parse(z, "xl/_rels/workbook.xml.rels", rel)
    parts = {}
    for name, rid in sheets.items():
        target = targets.get(rid, "")
        path = target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
        parts[name] = posixpath.normpath(path)
    return parts


def _once(found: dict[str, str], name: str, value: str) -> None:
    """Record a sheet or a relationship; one named twice makes readers disagree: refused."""
    if name in found:
        raise ValueError(f"two of {name!r}")
    found[name] = value


class _XlsxSheet:
    """Expat handlers for one worksheet: the used area, as calamine counts it (cells with a
    value), and formula cells with no value saved: no <v>, or an empty one in a number cell
    (openpyxl writes that; Excel saves a formula giving "" as an empty <v> in a t="str" cell).
    Positions follow calamine: a cell's r, else the current row and the column after the
    previous cell's; the current row is a row's r, else the one after the previous row (a
    cell's r never moves it)."""

    EMPTY_WHEN_BLANK = ("n", "s", "b", "e")  # an empty <v> of any other type is a "" cell

    def __init__(self) -> None:
        self.row, self.col = -1, -1
        self.cell: tuple[int, int] | None = None
        self.formula = self.value = self.in_value = self.saved = False
        self.kind = "n"
        self.rows = self.cols = 0
        self.unsaved: list[tuple[int, int]] = []

    def start(self, name: str, attrs: dict[str, str]) -> None:
        tag = _local(name)
        if tag == "c":
            ref = attrs.get("r")
            self.cell = _a1(ref) if ref is not None else (max(self.row, 0), self.col + 1)
            self.col, self.formula, self.value = self.cell[1], False, False
            self.saved, self.kind = False, attrs.get("t", "n")
        elif tag == "row":
            ref = attrs.get("r")
            self.row = _row(ref) if ref is not None else self.row + 1
            self.col = -1
        elif self.cell is not None:
            self.formula |= tag == "f"
            # calamine reads <v></v> of a text or date cell as "" and places it: count it
            self.value |= tag == "is" or tag == "v" and self.kind not in self.EMPTY_WHEN_BLANK
            self.in_value = tag == "v"
            self.saved |= self.in_value and self.kind != "n"

    def chars(self, data: str) -> None:
        self.value |= self.in_value

    def end(self, name: str) -> None:
        tag = _local(name)
        if tag == "c" and self.cell is not None:
            if self.value:
                row, col = self.cell
                self.rows, self.cols = max(self.rows, row + 1), max(self.cols, col + 1)
            elif self.formula and not self.saved and len(self.unsaved) < MAX_LISTED:
                self.unsaved.append(self.cell)
            self.cell = None
        elif tag == "sheetData":
            raise _Stop
        self.in_value = False


def _a1(ref: str) -> tuple[int, int]:
    """0-based (row, col) of a cell reference in any form calamine accepts ("A1", "xfd1048576",
    "$A$1", "E005"); a nonsensical one counts as the farthest cell, so that the file is refused
    rather than handed to calamine."""
    m = A1.fullmatch(ref.replace("$", ""))
    if not m or not int(m[2]):
        return FAR, FAR
    col = 0
    for ch in m[1].upper():
        col = col * 26 + ord(ch) - 64
    return int(m[2]) - 1, col - 1


def _row(ref: str) -> int:
    """0-based row of a <row r="…">, read as calamine reads it; nonsense is the farthest."""
    m = ROW_REF.fullmatch(ref.replace("$", ""))
    return int(m[1]) - 1 if m and int(m[1]) else FAR


def _scan_ods(z: zipfile.ZipFile) -> Scan:
    """The sheets we read in content.xml: used area (repeats counted), formulas with no
    value, merged areas (calamine does not report them for .ods)."""
    cells = _OdsContent()
    _parse(z, "content.xml", cells.start, cells.end, namespaces=True)
    return cells.scan


class _OdsContent:
    """Expat handlers for an OpenDocument spreadsheet's content.xml."""

    TABLE, ROW = f"{ODF_TABLE} table", f"{ODF_TABLE} table-row"
    CELLS = (f"{ODF_TABLE} table-cell", f"{ODF_TABLE} covered-table-cell")

    def __init__(self) -> None:
        self.scan = Scan()
        self.sheet: str | None = None  # the table being read, when it is one we read
        self.depth = 0  # tables inside tables are parts of a cell: not counted
        self.row = self.col = 0
        self.repeat = 1
        self.row_used = False

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if name == self.TABLE:
            self.depth += 1
            if self.depth == 1:
                title = attrs.get(f"{ODF_TABLE} name", "")
                self.sheet = title if key(title) in READ_SHEETS else None
                self.row = 0
                if self.sheet is not None:
                    self.scan.size[title], self.scan.unsaved[title] = (0, 0), []
                    self.scan.merged[title] = []
        elif self.sheet is not None and self.depth == 1:
            if name == self.ROW:
                self.repeat = _count(attrs.get(f"{ODF_TABLE} number-rows-repeated"))
                self.col, self.row_used = 0, False
            elif name in self.CELLS:
                self._cell(name, attrs)

    def _cell(self, name: str, attrs: dict[str, str]) -> None:
        assert self.sheet is not None
        across = _count(attrs.get(f"{ODF_TABLE} number-columns-repeated"))
        if attrs.get(f"{ODF_OFFICE} value-type") == "percentage" and key(self.sheet) == PLEDGES:
            found = self.scan.percent.setdefault(self.sheet, [])
            found += [(self.row, c) for c in range(self.col, self.col + min(across, MAX_LISTED))]
        if f"{ODF_OFFICE} value-type" in attrs:
            rows, cols = self.scan.size[self.sheet]
            self.scan.size[self.sheet] = (rows, max(cols, self.col + across))
            self.row_used = True
        elif f"{ODF_TABLE} formula" in attrs:
            found = self.scan.unsaved[self.sheet]
            if len(found) < MAX_LISTED:
                found.append((self.row, self.col))
        spans = (_count(attrs.get(f"{ODF_TABLE} number-rows-spanned")),
                 _count(attrs.get(f"{ODF_TABLE} number-columns-spanned")))
        merged = self.scan.merged[self.sheet]
        if name == self.CELLS[0] and spans != (1, 1) and len(merged) < MAX_LISTED:
            merged.append((self.row, self.col, self.row + spans[0] - 1, self.col + spans[1] - 1))
        self.col += across

    def end(self, name: str) -> None:
        if name == self.TABLE:
            self.depth -= 1
        elif name == self.ROW and self.sheet is not None and self.depth == 1:
            if self.row_used:
                rows, cols = self.scan.size[self.sheet]
                self.scan.size[self.sheet] = (max(rows, self.row + self.repeat), cols)
            self.row += self.repeat


def _count(value: str | None) -> int:
    """A repeat or span count; absent or nonsensical is 1, never below."""
    return max(int(value), 1) if value and value.isdigit() else 1
