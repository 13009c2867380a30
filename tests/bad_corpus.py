"""A corpus of bad workbooks, made from our own filled forms: each helper damages one file the
way a user, a foreign tool or an attacker would. Pure functions of a path; no test here."""

from __future__ import annotations

import html
import io
import re
import struct
import unicodedata
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import openpyxl

# --- editing as a user would ----------------------------------------------------------------


def edit(path: Path, change: Callable[[openpyxl.Workbook], None]) -> None:
    """Open a workbook in openpyxl, change it, save it in place (formulas keep no value)."""
    wb = openpyxl.load_workbook(path)
    change(wb)
    wb.save(path)


def put(sheet: str, cell: str, value: object) -> Callable[[openpyxl.Workbook], None]:
    def change(wb: openpyxl.Workbook) -> None:
        wb[sheet][cell] = value
    return change


# --- editing the package's bytes ----------------------------------------------------------


def rewrite(path: Path, part: str, change: Callable[[bytes], bytes]) -> None:
    """Rewrite one member of a zip package, the others copied as they are."""
    with zipfile.ZipFile(path) as z:
        members = [(info, z.read(info)) for info in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in members:
            z.writestr(info, change(data) if info.filename == part else data)


def sheet_part(path: Path, sheet: str) -> str:
    """The package part of a sheet ("xl/worksheets/sheet4.xml"), by the order of the forms."""
    with zipfile.ZipFile(path) as z:
        book = z.read("xl/workbook.xml").decode()
    names = [html.unescape(name) for name in re.findall(r'<sheet [^>]*name="([^"]*)"', book)]
    return f"xl/worksheets/sheet{names.index(sheet) + 1}.xml"


LAUGHS = ('<!DOCTYPE lolz [<!ENTITY lol "lol">'
          + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
                    for i in range(1, 10)) + "]>")


def with_doctype(data: bytes, entity: str = "&lol9;", replacing: bytes = b"") -> bytes:
    """The part with a "billion laughs" DOCTYPE after its XML declaration."""
    head, rest = data.split(b"?>", 1)
    if replacing:
        rest = rest.replace(replacing, entity.encode(), 1)
    return head + b"?>" + LAUGHS.encode() + rest


def overlapping_bomb(copies: int = 40, size: int = 10 * 2**20) -> bytes:
    """A zip bomb of the overlapping kind: one deflated block of zeros that many central
    directory entries point at, each declared `size` bytes (inflates to copies x size)."""
    kernel = zlib.compressobj(9, zlib.DEFLATED, -15)
    data = kernel.compress(bytes(size)) + kernel.flush()
    crc = zlib.crc32(bytes(size))
    name = b"xl/worksheets/sheet1.xml"
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(data), size,
                        len(name), 0) + name + data
    central = b""
    for n in range(copies):
        entry = name if n == 0 else f"xl/worksheets/sheet{n + 1}.xml".encode()
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, crc,
                               len(data), size, len(entry), 0, 0, 0, 0, 0, 0) + entry
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, copies, copies, len(central), len(local),
                      0)
    return local + central + end


def zip_flagged_encrypted(path: Path) -> None:
    """Set the "encrypted" flag of every member, as a zip tool's password does."""
    raw = bytearray(path.read_bytes())
    at = 0
    while (at := raw.find(b"PK\x01\x02", at)) >= 0:
        raw[at + 8] |= 1
        at += 4
    path.write_bytes(bytes(raw))


def docx_bytes() -> bytes:
    """A real Word document (what a unit sends when it picks the wrong file)."""
    from docx import Document

    buffer = io.BytesIO()
    doc = Document()
    doc.add_paragraph("Báo cáo thành tích")
    doc.save(buffer)
    return buffer.getvalue()


# --- legacy Vietnamese encodings, to produce test text (the program only detects them) -----

TCVN3_LOWER = dict(zip(
    "àảãáạăằẳẵắặâầẩẫấậđèẻẽéẹêềểễếệìỉĩíịòỏõóọôồổỗốộơờởỡớợùủũúụưừửữứựỳỷỹýỵ",
    "µ¶·¸¹¨»¼½¾Æ©ÇÈÉÊË®ÌÎÏÐÑªÒÓÔÕÖ×ØÜÝÞßáâãä«åæçèé¬êëìíîïñòóô\xadõö÷øùúûüýþ", strict=True))
TCVN3_UPPER = dict(zip("ĂÂÊÔƠƯĐ", "¡¢£¤¥¦§", strict=True))
VNI_TONES = {"\u0301": "ù", "\u0300": "ø", "\u0309": "û", "\u0303": "õ", "\u0323": "ï"}
VNI_HAT = {"": "â", "\u0301": "á", "\u0300": "à", "\u0309": "å", "\u0303": "ã", "\u0323": "ä"}
VNI_BREVE = {"": "ê", "\u0301": "é", "\u0300": "è", "\u0309": "ú", "\u0303": "ü", "\u0323": "ë"}
VNI_LETTERS = {"đ": "ñ", "Đ": "Ñ", "ỉ": "æ", "ĩ": "ó", "ị": "ò", "ỵ": "î", "Ỉ": "Æ", "Ĩ": "Ó",
               "Ị": "Ò", "Ỵ": "Î", "í": "í", "ì": "ì", "Í": "Í", "Ì": "Ì"}


def tcvn3(value: str) -> str:
    """Unicode Vietnamese as TCVN3 (ABC) bytes shown in a Unicode font: "Lao ®éng tiªn tiÕn".
    Upper case toned letters take the lower-case codes, as the .VnTimeH fonts do."""
    out = []
    for ch in unicodedata.normalize("NFC", value):
        out.append(TCVN3_UPPER.get(ch) or TCVN3_LOWER.get(ch) or TCVN3_LOWER.get(ch.lower(), ch))
    return "".join(out)


def vni(value: str) -> str:
    """Unicode Vietnamese as VNI Windows: "Lao ñoäng tieân tieán"."""
    out = []
    for ch in unicodedata.normalize("NFC", value):
        if ch in VNI_LETTERS:
            out.append(VNI_LETTERS[ch])
            continue
        base, *marks = unicodedata.normalize("NFD", ch)
        tone = next((m for m in marks if m in VNI_TONES), "")
        mark = (VNI_HAT[tone] if "\u0302" in marks else VNI_BREVE[tone] if "\u0306" in marks
                else VNI_TONES.get(tone, ""))
        if "\u031b" in marks:  # horn: ơ and ư are letters of their own
            base = {"o": "ô", "u": "ö", "O": "Ô", "U": "Ö"}[base]
        out.append(base + (mark.upper() if base.isupper() else mark))
    return "".join(out)


def xls_far_cell(path: Path, sheet: int, row: int, col: int) -> None:
    """Move the first value cell of an .xls worksheet (0 = the first) to (row, col): the
    records are rewritten in place, in the sectors that hold the workbook stream."""
    from pipeline.reading.package import Cfb

    data = bytearray(path.read_bytes())
    cfb = Cfb(bytes(data))
    entry = next(e for e in cfb.entries if e.name == "Workbook")
    sectors, sector = [], entry.start
    while sector < Cfb.END:
        sectors.append((sector + 1) * cfb.size)
        sector = cfb.fat[sector]
    stream, pos, seen = cfb.read(entry), 0, -2  # the first BOF opens the workbook globals
    while pos + 4 <= len(stream):
        kind, length = struct.unpack_from("<HH", stream, pos)
        seen += kind == 0x0809
        if seen == sheet and kind in (0x00FD, 0x0203, 0x027E):
            for offset, value in ((4, row), (6, col)):
                at = pos + offset
                struct.pack_into("<H", data, sectors[at // cfb.size] + at % cfb.size, value)
            path.write_bytes(bytes(data))
            return
        pos += 4 + length
    raise ValueError("no value cell in that sheet")


def ods_rows_repeated(path: Path, times: int) -> None:
    """Mark the last row of an .ods as repeated `times` times: a few bytes that calamine
    expands into that many rows."""
    def repeat(xml: bytes) -> bytes:
        at = xml.rfind(b"<table:table-row>")
        return (xml[:at] + f'<table:table-row table:number-rows-repeated="{times}">'.encode()
                + xml[at + len(b"<table:table-row>"):])
    rewrite(path, "content.xml", repeat)
