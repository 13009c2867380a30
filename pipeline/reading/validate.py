"""Checking: raw grids into typed records, every blocking problem of every file in one pass.

A value is validated again here whatever the form's drop-downs allowed: pasting into a
cell bypasses Excel's validation (FIELD-NOTES).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from functools import lru_cache
from typing import Any

from .. import fmt, schema
from ..cells import UNUSABLE, Area, Grid, area_ref, cell_ref, key
from ..fmt import did_you_mean, word_key
from ..issues import Issue, blocking, issue
from ..model import (
    Agency,
    Bonus,
    Councillor,
    Dataset,
    Document,
    KhoiBook,
    Listed,
    Member,
    Movement,
    Note,
    Person,
    Pledge,
    Task,
    Unit,
    Vote,
    Where,
)
from ..schema import Field, Kind, Sheet
from .read import RawBook

YEARS = range(2000, 2101)  # a reporting year; anything else is a typing slip
OLDEST_BIRTH = 1940  # anyone still at work in a report year (2000 on) was born after this
YOUNGEST_AGE = 15  # the youngest age of work (Bộ luật Lao động 2019, Điều 143)
HEADER_SCAN = 10  # rows searched for a sheet's header (real forms put a title above it)
EXCEL_EPOCH = date(1899, 12, 30)
SERIALS = (32874, 73051)  # Excel serial numbers of 01/01/1990 and 01/01/2100
DAY_FIRST = re.compile(r"^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{2}|\d{4})$")
ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
MONTH = re.compile(r"^(?:tháng\s*)?(\d{1,2})\s*(?:[/.-]|năm)\s*(\d{4})$")
PER_SHEET = 20  # cells listed one by one, per sheet, for a problem that can fill a whole sheet
REPEATING = frozenset({"formula-no-value", "legacy-encoding", "merged-cells",
                       "control-chars"})
SHOWN = 80  # characters of a value quoted in a message

Row = dict[str, Any]


class _Sink:
    """Collects the issues of one file, each placed at a cell."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.issues: list[Issue] = []
        self.repeats: Counter[tuple[str, str]] = Counter()

    def add(self, code: str, sheet: str = "", cell: str = "", **fields: object) -> None:
        if code in REPEATING:
            self.repeats[(code, sheet)] += 1
            if self.repeats[(code, sheet)] > PER_SHEET:
                return
        self.issues.append(issue(code, file=self.file, sheet=sheet, cell=cell, **fields))

    def at(self, sheet: str, cell: str) -> bool:
        """Whether a problem was found at this cell already."""
        return any((i.sheet, i.cell) == (sheet, cell) for i in self.issues)

    def done(self) -> list[Issue]:
        """The issues; a repeating problem's last cell listed says how many more there are."""
        for (code, sheet), count in self.repeats.items():
            if count > PER_SHEET:
                last = max(n for n, i in enumerate(self.issues)
                           if (i.code, i.sheet) == (code, sheet))
                more = f" Còn {count - PER_SHEET} ô khác như vậy trong sheet này."
                self.issues[last] = replace(self.issues[last],
                                            message=self.issues[last].message + more)
        return self.issues


# --- values -------------------------------------------------------------------------------

def _number(value: Any) -> Decimal | None:
    if isinstance(value, bool):
        return None
    s = str(value).strip().replace(" ", "")
    if "," in s and "." in s:  # the last mark is the decimal one: 1.234,5 or 1,234.5
        thousands = "." if s.rfind(",") > s.rfind(".") else ","
        s = s.replace(thousands, "")
    try:
        n = Decimal(s.replace(",", "."))
    except InvalidOperation:
        return None
    return n if n.is_finite() else None  # "NaN" and "inf" are Decimals too


def to_int(value: Any) -> int | None:
    n = _number(value)
    return int(n) if n is not None and n == n.to_integral_value() else None


def to_date(value: Any) -> date | None:
    """A date from a date cell, an Excel serial, or day-first text ("05/03/2024")."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        # An Excel serial, accepted only for plausible years: a bare 2023 is not a date
        return EXCEL_EPOCH + timedelta(days=int(value)) if SERIALS[0] <= value < SERIALS[1] \
            else None
    s = str(value).strip()
    if m := DAY_FIRST.match(s):
        d, mo, y = (int(g) for g in m.groups())
        y += 2000 if y < 100 else 0
    elif m := ISO_DATE.match(s):
        y, mo, d = (int(g) for g in m.groups())
    else:
        return None
    try:
        return date(y, mo, d)
    except ValueError:
        return None


def _target_number(value: Any) -> tuple[Decimal | None, bool]:
    """A target's number as typed, and whether it was typed with a % sign."""
    raw = str(value).strip() if isinstance(value, str) else value
    is_percent = isinstance(raw, str) and raw.endswith("%")
    return _number(raw[:-1] if is_percent else raw), is_percent


def to_month(value: Any) -> fmt.Month | None:
    """A month typed as text: "12/2023", "tháng 12/2023", "tháng 12 năm 2023"."""
    m = MONTH.match(str(value).strip().casefold()) if isinstance(value, str) else None
    return fmt.Month(int(m[2]), int(m[1])) if m and 1 <= int(m[1]) <= 12 else None


def to_target(value: Any, metric: str) -> Fraction | None:
    """A pledge target as an exact fraction: `15`, `15%`, `0.15`, `0,15` are all 15%."""
    n, is_percent = _target_number(value)
    if n is None or n < 0:
        return None
    v = Fraction(n)
    if metric in schema.COUNT_METRICS:
        return v
    return v / 100 if is_percent or v > 1 else v


def _target(value: Any, metric: str, shown_as_percent: bool, sink: _Sink, w: Where
            ) -> Fraction | None:
    """The target, checked: a number, not negative, a rate at most 100%; a rate typed as a
    bare number up to 1 is read as a fraction, and the check list says so."""
    cell, shown = w.cell("Mức đăng ký"), _shown(value)
    n, is_percent = _target_number(value)
    target = to_target(value, metric)
    rate = metric not in schema.COUNT_METRICS
    if n is None or target is None:
        sink.add("bad-target" if n is None else "negative-target", w.sheet, cell, value=shown)
        return None
    if rate and target > 1:
        sink.add("target-over-100", w.sheet, cell, value=shown, percent=fmt.percent(target))
        return None
    if rate and not is_percent and not shown_as_percent and 0 < n <= 1:
        sink.add("target-read-as", w.sheet, cell, value=fmt.decimal_comma(shown),
                 percent=fmt.percent(target))
    return target


def to_choice(value: Any, field: Field) -> str | None:
    return _choice_keys(field.choices).get(key(value))


@lru_cache(maxsize=64)
def _choice_keys(choices: tuple[str, ...]) -> dict[str, str]:
    return {key(c): c for c in choices}


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _quoted(value: Any) -> str:
    """A raw cell value as quoted in a message, without what no text may hold (it is printed
    on the console too: an escape character there would be obeyed)."""
    return _shown(UNUSABLE.sub("", str(value))) if value is not None else ""


def _fraction(value: Any) -> Fraction | None:
    n = _number(value)
    return None if n is None else Fraction(n)


def _report_date(value: Any) -> date | fmt.Month | None:
    return to_date(value) or to_month(value)


# A field's kind: the converter of its values, the code when one fails, an example for the fix.
CONVERTERS: dict[str, tuple[Callable[[Any], Any], str, str]] = {
    "int": (to_int, "bad-number", "1985"),
    "number": (_fraction, "bad-number", "2 hoặc 0,5"),
    "date": (to_date, "bad-date", ""),
    "report_date": (_report_date, "bad-date", ""),
}


def _shown(value: Any) -> str:
    """A value as quoted in a message, as Excel shows it; a pasted page is cut short."""
    shown = fmt.cell(value)
    return shown if len(shown) <= SHOWN else shown[:SHOWN].rstrip() + "…"


def _coerce(value: Any, field: Field, sink: _Sink, sheet: str, cell: str,
            unsaved: bool = False, merged: bool = False) -> Any:
    """The value in its field's type; on failure an issue, and None. A cell empty because a
    formula has no saved value, or because it is merged into another, is reported as that."""
    if unsaved:
        sink.add("formula-no-value", sheet, cell)
        return None
    if isinstance(value, str):
        value = _usable(value, field, sink, sheet, cell)
    if value is None:
        if field.required and not merged:
            sink.add("required", sheet, cell, column=field.name)
        return None
    if isinstance(value, str):
        _check_text(value, field, sink, sheet, cell)
    elif field.kind == "text" and (field.words or isinstance(value, bool)):
        what = "giá trị đúng/sai" if isinstance(value, bool) else \
            "ngày" if isinstance(value, (date, time, timedelta)) else "số"
        sink.add("not-text", sheet, cell, column=field.name, value=_shown(value), what=what)
        return None
    if field.kind in CONVERTERS:
        convert, code, example = CONVERTERS[field.kind]
        converted = convert(value)
        if converted is None:
            sink.add(code, sheet, cell, column=field.name, value=_shown(value), example=example)
        return converted
    if field.kind == "choice":
        result = to_choice(value, field)
        if result is None and field.strict:
            sink.add("bad-choice", sheet, cell, column=field.name, value=_shown(value),
                     allowed=", ".join(field.choices))
        return result if result is not None or field.strict else _text(value)
    return value if field.kind == "target" else _text(value)


def _usable(value: str, field: Field, sink: _Sink, sheet: str, cell: str) -> str | None:
    """The text without the characters no report may hold, said once per cell; None when
    nothing is left. Every value passes here, so nothing later has to care."""
    found = sorted(set(UNUSABLE.findall(value)))
    if not found:
        return value
    codes = ", ".join(map(fmt.code_point, found[:5])) + (", …" if len(found) > 5 else "")
    sink.add("control-chars", sheet, cell, column=field.name, chars=codes)
    return UNUSABLE.sub("", value).strip() or None


def _check_text(value: str, field: Field, sink: _Sink, sheet: str, cell: str) -> None:
    if len(value) > field.limit:
        sink.add("long-text", sheet, cell, column=field.name, length=fmt.thousands(len(value)),
                 limit=fmt.thousands(field.limit))
    found = legacy_encoding(value)
    if found is not None:
        name, source = LEGACY_NAMES[found]
        sample = value if len(value) <= 40 else value[:40].rstrip() + "…"
        sink.add("legacy-encoding", sheet, cell, sample=sample, encoding=name, source=source)


# --- legacy encodings ---------------------------------------------------------------------
# Text typed with a TCVN3 (.VnTime) or VNI font arrives in Excel as Latin-1 characters: "Lao
# động tiên tiến" is "Lao ®éng tiªn tiÕn" in TCVN3 and "Lao ñoäng tieân tieán" in VNI. Upper
# case TCVN3 lives in other fonts with the same codes, so it cannot be converted reliably from
# the text alone: it is only detected. Evidence is counted in words made of Latin-1 letters
# only (a word with ă, đ, ơ, ư or any letter of U+1EA0-1EF9 is Unicode Vietnamese), and two
# pieces of it are needed; checked to give no hit on the sample data, the second agency, the
# reference report and the real-world workbooks (tests/test_bad_input.py).

TCVN3_CHARS = "¡¢£¤¥¦§¨©ª«¬\xad®µ¶·¸¹»¼½¾ÆÇËÎÏÐÑÖ×ØÜÞßäåæçëîïñö÷øûüþ"  # none is Vietnamese
VNI_CHARS = "äåæçëîïñöøûüÿÄÅÆÇËÎÏÑÖØÛÜ"  # VNI marks and letters that Vietnamese never uses
LEGACY_MARKS = frozenset(TCVN3_CHARS + VNI_CHARS)
SYMBOL_MARKS = frozenset(ch for ch in LEGACY_MARKS if not ch.isalpha())
TCVN3_ONLY = frozenset(TCVN3_CHARS) - frozenset(VNI_CHARS)
VNI_ONLY = frozenset(VNI_CHARS) - frozenset(TCVN3_CHARS)
TCVN3_CASE = re.compile(r"[a-zß-ÿ][ÈÉÊÌÒÓÔÕÝ]")  # "tiÕn": a TCVN3 tone looks upper case
TCVN3_MIXED = re.compile(r"[a-zß-ÿ][À-ÖØ-Þ]")  # the same, wider: only to tell which code
VNI_PAIR = re.compile(  # a vowel then its VNI mark: "tieân", "hoøa", "Vaên", "höôùng"
    r"[aeoAEO][âÂäåÄÅ]|[aA][êÊéÉèÈúÚüÜëË]|[aeAE][áÁàÀãÃ]|[aeiouyôöAEIOUYÔÖ][ùÙõÕûÛïÏøØ]"
    r"|[öÖ][ôÔ]")
GUILLEMETS = re.compile(r"«([^«»]*)»")  # «quoted» text is not TCVN3 ô and ằ
# Every piece of evidence is one of these; Unicode Vietnamese text almost never has any, so
# one search settles most cells (the word-by-word count is the slow part).
SUSPECT = re.compile(f"[{re.escape(''.join(sorted(LEGACY_MARKS)))}]|{TCVN3_CASE.pattern}|"
                     f"{VNI_PAIR.pattern}")
LEGACY_NAMES = {"TCVN3": ("TCVN3 (ABC)", "TCVN3 (ABC)"), "VNI": ("VNI", "VNI Windows"),
                "": ("TCVN3 hoặc VNI", 'TCVN3 (ABC)" hoặc "VNI Windows')}


def legacy_encoding(value: str) -> str | None:
    """The legacy encoding a text looks typed in: "TCVN3", "VNI", "" for either; else None."""
    if not SUSPECT.search(value):
        return None
    total = tcvn3 = vni = 0
    for word in GUILLEMETS.sub(r"\1", value).split():
        if any(ord(ch) > 0xFF for ch in word) or not any(ch.isalpha() for ch in word):
            continue
        marks, for_tcvn3, for_vni = _legacy_evidence(word)
        total, tcvn3, vni = total + marks, tcvn3 + for_tcvn3, vni + for_vni
    if total < 2:
        return None
    return "TCVN3" if tcvn3 > vni else "VNI" if vni > tcvn3 else ""


def _legacy_evidence(word: str) -> tuple[int, int, int]:
    """Legacy marks in one word, and how many of them only TCVN3 or only VNI would make."""
    marks = tcvn3 = vni = 0
    for i, ch in enumerate(word):
        before, after = word[i - 1:i].isalpha(), word[i + 1:i + 2].isalpha()
        if ch not in LEGACY_MARKS or not (before or after) or (ch == "Ð" and i == 0):
            continue  # a symbol alone, or Ð typed for Đ
        inside = before and after or ch == "®" and word[i + 1:i + 2].islower()  # "®éng"
        marks += 2 if ch in SYMBOL_MARKS and inside else 1
        tcvn3 += ch in TCVN3_ONLY
        vni += ch in VNI_ONLY
    case, pairs = len(TCVN3_CASE.findall(word)), len(VNI_PAIR.findall(word))
    return marks + case + pairs, tcvn3 + len(TCVN3_MIXED.findall(word)), vni + pairs


# --- sheets -------------------------------------------------------------------------------

def _find_header(grid: Grid, sheet: Sheet) -> tuple[int, dict[str, list[int]]]:
    """The header row (the one naming most of the sheet's columns in its first rows) and
    where each column is named in it: more than one place is a question for the user."""
    wanted = {key(f.name): f.name for f in sheet.fields}
    best: tuple[int, dict[str, list[int]]] = (0, {})
    for r, row in enumerate(grid[:HEADER_SCAN]):
        cols: dict[str, list[int]] = {}
        for c, v in enumerate(row):
            if v is not None and key(v) in wanted:
                cols.setdefault(wanted[key(v)], []).append(c)
        if len(cols) > len(best[1]):
            best = (r, cols)
    return best


def _columns(grid: Grid, sheet: Sheet, name: str, sink: _Sink, version: str
             ) -> tuple[int, dict[str, int]]:
    """The header row and each column's index; none when a column is missing (a column newer
    than the form's version may be) or twice."""
    header, places = _find_header(grid, sheet)
    missing = [f.name for f in sheet.fields if f.name not in places
               and _version_index(version) >= _version_index(f.since)]
    for column in missing:  # the whole header row: where the column should have been
        sink.add("missing-column", name, f"{header + 1}:{header + 1}", column=column,
                 expected=", ".join(sheet.headers))
    twice = {column: [cell_ref(header, c) for c in at] for column, at in places.items()
             if len(at) > 1}
    for column, cells in twice.items():
        sink.add("duplicate-column", name, cells[1], column=column, cells=" và ".join(cells))
    if missing or twice:
        return header, {}
    return header, {f: at[0] for f, at in places.items()}


def _rows(raw: RawBook, sheet: Sheet, sink: _Sink, version: str = schema.TEMPLATE_VERSION
          ) -> list[tuple[Where, Row]]:
    """The typed rows of one list sheet; rows with nothing but an STT are skipped (warned about
    when rows follow them). A sheet newer than the workbook's form version may be absent."""
    found = raw.sheet(sheet.name)
    if found is None:
        if _version_index(version) >= _version_index(sheet.since):
            sink.add("missing-sheet", sheet.name)
        return []
    name, grid = found
    header, cols = _columns(grid, sheet, name, sink, version)
    if not cols:
        return []
    fields = [f for f in sheet.fields if f.name in cols]  # the others: an older form's
    merged = _merged(raw.merged.get(name, ()), name, header, cols, len(grid), sink)
    unsaved = raw.unsaved.get(name, frozenset())
    out, blank = [], []
    for r in range(header + 1, len(grid)):
        line = grid[r]
        values = {f: line[c] if c < len(line) else None for f, c in cols.items()}
        formulas = {f for f, c in cols.items() if (r, c) in unsaved}
        if not formulas and all(v is None for f, v in values.items() if f != "STT"):
            blank.append(r)
            continue
        _blank_rows(blank, name, sink)
        blank = []
        row = {f.name: None for f in sheet.fields} | {
            f.name: _coerce(values[f.name], f, sink, name, cell_ref(r, cols[f.name]),
                            f.name in formulas, (r, cols[f.name]) in merged) for f in fields}
        out.append((Where(raw.file, name, r, cols=cols), row))
    return out


def _blank_rows(rows: list[int], sheet: str, sink: _Sink) -> None:
    """One warning per run of blank rows with list rows below them."""
    runs: list[list[int]] = []
    for r in rows:
        if runs and r == runs[-1][-1] + 1:
            runs[-1].append(r)
        else:
            runs.append([r])
    for run in runs:
        first, last = run[0] + 1, run[-1] + 1
        sink.add("blank-rows", sheet, f"{first}:{last}",
                 rows=str(first) if first == last else f"{first} đến {last}")


def _merged(areas: Iterable[Area], sheet: str, header: int, cols: dict[str, int], height: int,
            sink: _Sink) -> set[tuple[int, int]]:
    """Merged areas that hide a value we read: a cell below the header, in a column we read,
    other than the area's top-left cell (the only one a reader sees). Returns those cells."""
    found: set[tuple[int, int]] = set()
    for area in sorted(areas):
        r0, c0, r1, c1 = area
        hidden = {(r, c) for r in range(max(r0, header + 1), min(r1, height - 1) + 1)
                  for c in cols.values() if c0 <= c <= c1 and (r, c) != (r0, c0)}
        if hidden:
            sink.add("merged-cells", sheet, area_ref(area), range=area_ref(area),
                     first=cell_ref(r0, c0))
            found |= hidden
    return found


def _version_index(version: str) -> int:
    return next(i for i, v in enumerate(schema.VERSIONS) if key(v) == key(version))


def _info(raw: RawBook, sink: _Sink) -> tuple[dict[str, Any], dict[str, str], Kind | None]:
    """The "Thông tin" values by label, their cells, and the workbook's kind."""
    name, grid = raw.sheet(schema.INFO_SHEET) or ("", [])
    found: dict[str, tuple[Any, str]] = {}
    rows: dict[str, int] = {}
    twice: list[tuple[Any, int, int]] = []
    for r, row in enumerate(grid):
        if len(row) > 1 and row[0] is not None:
            if key(row[0]) in found:
                twice.append((row[0], rows[key(row[0])], r))
                continue
            found[key(row[0])], rows[key(row[0])] = (row[1], cell_ref(r, 1)), r
    kind_value, kind_cell = found.get(key("Loại phiếu"), (None, "A:A"))
    kind = next((k for k in schema.KINDS.values() if key(k.name) == key(kind_value)), None)
    version, version_cell = found.get(key("Phiên bản mẫu"), (None, "A:A"))
    if kind is None:
        sink.add("bad-kind", name, kind_cell, value=_quoted(kind_value))
        return {}, {}, None
    if version is None or key(version) not in {key(v) for v in schema.KNOWN_VERSIONS}:
        sink.add("bad-version", name, version_cell, value=_quoted(version),
                 expected=schema.TEMPLATE_VERSION)
        return {}, {}, None
    labels = {key(f.name) for f in kind.info}
    for label, first, again in twice:
        if key(label) in labels:
            sink.add("duplicate-info", name, cell_ref(again, 0), column=label,
                     cells=f"{cell_ref(first, 0)} và {cell_ref(again, 0)}")
    values: dict[str, Any] = {}
    cells: dict[str, str] = {}
    for f in kind.info:
        if key(f.name) not in found:
            if f.required:
                sink.add("missing-info", name, "A:A", column=f.name)
            values[f.name] = None
            continue
        value, cells[f.name] = found[key(f.name)]
        unsaved = (rows[key(f.name)], 1) in raw.unsaved.get(name, frozenset())
        values[f.name] = _coerce(value, f, sink, name, cells[f.name], unsaved)
        if f.name == "Năm" and values[f.name] is not None and values[f.name] not in YEARS:
            sink.add("bad-year", name, cells[f.name], value=_quoted(value))
            values[f.name] = None
    return values, cells, kind


Book = Unit | Agency | KhoiBook


def parse_book(raw: RawBook) -> tuple[Book | None, list[Issue]]:
    """One workbook into a Unit, an Agency or a KhoiBook (None when its kind cannot be told),
    with every problem found in it; a book with errors still takes part in the checks across
    files."""
    sink = _Sink(raw.file)
    if raw.sheet(schema.INFO_SHEET) is None:
        sink.add("foreign-workbook", schema.INFO_SHEET)
        return None, sink.done()
    for name, both in raw.twins:
        sink.add("duplicate-sheet", name, names=both)
    info, cells, kind = _info(raw, sink)
    if kind is None:
        return None, sink.done()
    tables = {s.name: _rows(raw, s, sink, info["Phiên bản mẫu"]) for s in kind.sheets}
    at = Where(raw.file, schema.INFO_SHEET, 0, cells)
    book: Book
    if kind is schema.UNIT:
        book = _unit(info, tables, at, sink)
    elif kind is schema.AGENCY:
        pledge_sheet = (raw.sheet(schema.PLEDGE_SHEET) or ("", []))[0]
        book = _agency(info, tables, at, sink, raw.percent.get(pledge_sheet, frozenset()))
    else:
        book = _khoi(info, tables, at)
    return book, sink.done()


def _khoi(info: dict[str, Any], tables: dict[str, list], where: Where) -> KhoiBook:
    members = tuple(Member(_text(r["Tên cơ quan"]), _text(r["Ký hiệu cơ quan"]), w)
                    for w, r in tables[schema.MEMBER_SHEET])
    bonuses = tuple(Bonus(_text(r["Cơ quan"]), _text(r["Nội dung"]), r["Điểm"] or Fraction(0),
                          _text(r["Ghi chú"]), w) for w, r in tables[schema.BONUS_SHEET])
    return KhoiBook({**info, "Năm": info.get("Năm") or 0}, members, bonuses, where)


def _unit(info: dict[str, Any], tables: dict[str, list], where: Where, sink: _Sink) -> Unit:
    collective = info.get("Là tập thể xét danh hiệu") == schema.YES
    if collective:
        for label in ("Xếp loại tập thể", "Danh hiệu tập thể"):
            if not info.get(label):
                sink.add("collective-missing", schema.INFO_SHEET, where.cell(label),
                         column=label)
    name = _text(info.get("Tên đơn vị"))
    year = info.get("Năm") or date.today().year  # a missing year is reported already
    for w, r in tables[schema.PEOPLE_SHEET]:
        born = r["Năm sinh"]
        if born is not None and not OLDEST_BIRTH <= born <= year - YOUNGEST_AGE:
            sink.add("implausible-birth-year", w.sheet, w.cell("Năm sinh"), value=born,
                     low=OLDEST_BIRTH, high=year - YOUNGEST_AGE, year=year)
    people = tuple(
        Person(name=r["Họ và tên"] or "", birth_year=r["Năm sinh"],
               position=_text(r["Chức vụ"]), staff_type=r["Loại"] or "",
               rating=r["Xếp loại"] or "", title=r["Danh hiệu"] or "",
               initiative=_text(r["Sáng kiến"]), discipline=r["Kỷ luật"] or schema.NONE,
               proposal=_text(r["Đề nghị khen thưởng"]), note=_text(r["Ghi chú"]),
               unit=name, where=w)
        for w, r in tables[schema.PEOPLE_SHEET])
    return Unit(name=name, year=info.get("Năm") or 0, collective=collective,
                rating=_text(info.get("Xếp loại tập thể")) if collective else "",
                title=_text(info.get("Danh hiệu tập thể")) if collective else "",
                people=people, where=where)


def _agency(info: dict[str, Any], tables: dict[str, list], where: Where, sink: _Sink,
            percent: frozenset[tuple[int, int]] = frozenset()) -> Agency:
    pledges = []
    for w, r in tables[schema.PLEDGE_SHEET]:
        metric = r["Chỉ số"] or ""
        target = None
        if metric and r["Mức đăng ký"] is None:
            sink.add("missing-target", w.sheet, w.cell("Mức đăng ký"))
        elif metric:
            at = (w.row, w.cols["Mức đăng ký"])
            target = _target(r["Mức đăng ký"], metric, at in percent, sink, w)
        pledges.append(Pledge(r["Chỉ tiêu"] or "", metric, target, r["Kết quả"] or "",
                              _text(r["Ghi chú"]), w))
    _task_dates(tables[schema.TASK_SHEET], info.get("Năm") or 0, sink)
    tasks = [Task(r["Nội dung nhiệm vụ"] or "", _text(r["Cơ quan giao"]), r["Hạn hoàn thành"],
                  r["Ngày hoàn thành"], r["Tình trạng"] or "", _text(r["Đơn vị thực hiện"]),
                  _text(r["Ghi chú"]), w) for w, r in tables[schema.TASK_SHEET]]
    documents = [Document(_text(r["Loại văn bản"]), _text(r["Số ký hiệu"]),
                          r["Ngày ban hành"] or date.min, _text(r["Trích yếu"]),
                          _text(r["Mục"]), w) for w, r in tables[schema.DOC_SHEET]]
    movements = [Movement(r["Phong trào"] or "", r["Kết quả thực hiện"] or "",
                          tuple(d.strip() for d in _text(r["Văn bản"]).split(",") if d.strip()),
                          w) for w, r in tables[schema.MOVEMENT_SHEET]]
    notes = [Note(r["Mục"] or "", _text(r["Tiêu đề"]), _text(r["Nội dung"]), w)
             for w, r in tables[schema.NOTE_SHEET]]
    for note in notes:  # a title alone opens a part; nothing at all is a slip
        cell = note.where.cell("Nội dung")
        if note.section and not note.title and not note.text and not sink.at(note.where.sheet,
                                                                             cell):
            sink.add("required", note.where.sheet, cell, column="Nội dung")
    roster = tuple(Listed(_text(r["Tên đơn vị"]), _text(r["Ghi chú"]), w)
                   for w, r in tables[schema.ROSTER_SHEET])
    council, votes = _council(info, tables, where, sink)
    # Năm 0 when missing or not a number (reported already), as for a Unit: `year` stays an int
    return Agency(info={**info, "Năm": info.get("Năm") or 0}, pledges=tuple(pledges),
                  tasks=tuple(tasks), documents=tuple(documents), movements=tuple(movements),
                  notes=tuple(notes), where=where, roster=roster, council=council, votes=votes)


def _council(info: dict[str, Any], tables: dict[str, list], where: Where, sink: _Sink
             ) -> tuple[tuple[Councillor, ...], tuple[Vote, ...]]:
    """The council and its votes; when there are votes, what the minutes cannot do without:
    the meeting's day and place, the members, who was there, one chair, a secretary."""
    members = tuple(Councillor(r["Họ và tên"] or "", _text(r["Chức vụ"]),
                               r["Chức danh trong Hội đồng"] or schema.MEMBER,
                               r["Có mặt"] != schema.NONE, w)
                    for w, r in tables[schema.COUNCIL_SHEET])
    votes = tuple(Vote(r["Đối tượng"] or "", _text(r["Đơn vị"]), r["Năm sinh"],
                       _text(r["Danh hiệu, hình thức"]), r["Số phiếu đồng ý"] or 0, w)
                  for w, r in tables[schema.REVIEW_SHEET])
    for v in votes:
        if v.votes < 0:
            sink.add("bad-votes", v.where.sheet, v.where.cell("Số phiếu đồng ý"), value=v.votes)
    if not votes:
        return members, votes
    for label in (schema.MEETING_DATE, schema.MEETING_PLACE):
        if info.get(label) is None:
            sink.add("council-info", schema.INFO_SHEET, where.cell(label) or "A:A", column=label)
    if not members:
        sink.add("council-empty", schema.COUNCIL_SHEET)
    for w, r in tables[schema.COUNCIL_SHEET]:
        if r["Có mặt"] is None and not sink.at(w.sheet, w.cell("Có mặt")):
            sink.add("required", w.sheet, w.cell("Có mặt"), column="Có mặt")
    chairs = [m for m in members if m.role == schema.CHAIR]
    if members and len(chairs) != 1:
        sink.add("council-chair", schema.COUNCIL_SHEET,
                 chairs[1].where.cell("Chức danh trong Hội đồng") if chairs else "",
                 count=fmt.count(len(chairs)))
    if members and not any(m.role == schema.SECRETARY for m in members):
        sink.add("council-secretary", schema.COUNCIL_SHEET)
    return members, votes


def _task_dates(rows: list[tuple[Where, Row]], year: int, sink: _Sink) -> None:
    """A task's date more than a year away from the report year is most likely mistyped."""
    if not year:
        return
    for w, r in rows:
        for column in ("Hạn hoàn thành", "Ngày hoàn thành"):
            day = r[column]
            if day is not None and not year - 1 <= day.year <= year + 1:
                sink.add("implausible-date", w.sheet, w.cell(column), column=column,
                         value=_shown(day), year=year)


# --- across files -------------------------------------------------------------------------

def _info_issue(code: str, where: Where, **fields: object) -> Issue:
    return issue(code, file=where.file, sheet=where.sheet, cell=where.cell("Năm"), **fields)


def check_dataset(books: Iterable[Book]) -> tuple[Dataset | None, list[Issue]]:
    """Put the parsed workbooks together: one agency, one year, no unit or person twice."""
    books = list(books)
    agencies = [b for b in books if isinstance(b, Agency)]
    units = sorted((b for b in books if isinstance(b, Unit)), key=lambda u: u.file)
    issues: list[Issue] = [issue("khoi-book-here", file=b.file) for b in books
                           if isinstance(b, KhoiBook)]
    if not agencies:
        issues.append(issue("no-agency"))
    elif len(agencies) > 1:
        issues.append(issue("two-agencies", count=len(agencies),
                            files=", ".join(a.file for a in agencies)))
    if not units:
        issues.append(issue("no-units"))
    year = _run_year(agencies, units)
    books_: list[Unit | Agency] = [*agencies, *units]
    issues += [_info_issue("year-mismatch", b.where, value=b.year, expected=year)
               for b in books_ if b.year and b.year != year]
    issues += _duplicate_units(units) + _duplicate_people(units)
    issues += _roster(agencies[0], units) if len(agencies) == 1 else []
    if blocking(issues):
        return None, issues
    return Dataset(agencies[0], tuple(units)), issues


def _run_year(agencies: list[Agency], units: list[Unit]) -> int:
    """The agency's year; without one, the units' most common. A year of 0 is missing (its
    workbook already has an issue for it) and is never compared."""
    years = [a.year for a in agencies if a.year]
    common = Counter(u.year for u in units if u.year).most_common(1)
    return years[0] if years else common[0][0] if common else 0


def _duplicate_units(units: list[Unit]) -> list[Issue]:
    seen: dict[str, Unit] = {}
    out = []
    for u in (u for u in units if u.name):  # a missing name is reported
        if key(u.name) in seen:
            out.append(issue("duplicate-unit", file=u.file, sheet=schema.INFO_SHEET,
                             cell=u.where.cell("Tên đơn vị"), unit=u.name,
                             first=seen[key(u.name)].file, second=u.file))
        seen.setdefault(key(u.name), u)
    return out


def _roster(agency: Agency, units: list[Unit]) -> list[Issue]:
    """Every listed unit sent its workbook, and every workbook's unit is listed."""
    if not agency.roster:
        return [issue("roster-empty", file=agency.file, sheet=schema.ROSTER_SHEET)]
    out: list[Issue] = []
    listed: dict[tuple, Where] = {}
    sent = {word_key(u.name) for u in units}
    for entry in (e for e in agency.roster if e.name):  # a missing name is reported
        w, name = entry.where, word_key(entry.name)
        if name in listed:
            out.append(issue("roster-twice", w.file, w.sheet, w.cell("Tên đơn vị"),
                             unit=entry.name, row=listed[name].row + 1))
        elif name not in sent:
            out.append(issue("roster-no-workbook", w.file, w.sheet, w.cell("Tên đơn vị"),
                             unit=entry.name, row=w.row + 1))
        listed.setdefault(name, w)
    names = [e.name for e in agency.roster if e.name]
    out += [issue("unit-not-listed", u.file, schema.INFO_SHEET, u.where.cell("Tên đơn vị"),
                  unit=u.name, agency=agency.file, hint=did_you_mean(u.name, names))
            for u in units if u.name and word_key(u.name) not in listed]
    return out


def _duplicate_people(units: list[Unit]) -> list[Issue]:
    by_name: dict[tuple, list[Person]] = {}
    out = []
    for p in (p for u in units for p in u.people if p.name):  # a missing name is reported
        for other in by_name.get(word_key(p.name), []):
            if None in (p.birth_year, other.birth_year) or p.birth_year == other.birth_year:
                out.append(issue("duplicate-person", file=p.where.file, sheet=p.where.sheet,
                                 cell=p.where.cell("Họ và tên"), name=p.name,
                                 first=_place(other), second=_place(p)))
                break
        by_name.setdefault(word_key(p.name), []).append(p)
    return out


def _place(p: Person) -> str:
    return f"{p.unit} ({p.where.file}, dòng {p.where.row + 1})"
