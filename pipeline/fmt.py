"""Vietnamese formatting of counts, rates, money, dates, letters and name order (SPEC)."""

from __future__ import annotations

import difflib
import math
import unicodedata
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from functools import lru_cache
from typing import Any, NamedTuple

from babel.numbers import format_decimal

LOCALE = "vi"
LETTERS = "a b c d đ e g h i k l m n o p q r s t u v x y".split()
ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
# Tone order of Vietnamese dictionaries: none, huyền, hỏi, ngã, sắc, nặng.
TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
MODIFIERS = {("a", "\u0306"): "ă", ("a", "\u0302"): "â", ("e", "\u0302"): "ê",
             ("o", "\u0302"): "ô", ("o", "\u031b"): "ơ", ("u", "\u031b"): "ư"}


@lru_cache(maxsize=4096)  # Babel takes ~20 µs a number; tables repeat them
def count(n: int) -> str:
    """A count as official documents write it: 1-9 zero-padded ("02"), thousands dotted."""
    return f"{n:02d}" if 0 < n < 10 else thousands(n)


@lru_cache(maxsize=4096)
def thousands(n: int) -> str:
    """A whole number with dotted thousands and no padding ("1.048.576", "7"): a size or a
    limit in a message, not a count of the report."""
    return format_decimal(n, locale=LOCALE)


def ratio(num: int, den: int) -> str:
    """"01/03", "20/20"."""
    return f"{count(num)}/{count(den)}"


@lru_cache(maxsize=4096)
def percent(value: Fraction, decimals: int = 1) -> str:
    """A rate as "100%", "33,3%", "6,3%": rounded half up, decimals only when needed."""
    step = Decimal(1).scaleb(-decimals)
    exact = Decimal(value.numerator * 100) / Decimal(value.denominator)
    rounded = exact.quantize(step, rounding=ROUND_HALF_UP)
    pattern = "#,##0." + "#" * decimals if decimals else "#,##0"
    return format_decimal(rounded, pattern, locale=LOCALE) + "%"


@lru_cache(maxsize=4096)
def number(value: Fraction | int) -> str:
    """A plain number with Vietnamese separators ("1.234,5")."""
    return format_decimal(Decimal(value.numerator) / Decimal(value.denominator)
                          if isinstance(value, Fraction) else value, "#,##0.##", locale=LOCALE)


def points(d: Fraction, most: int = 3) -> str:
    """A positive difference rounded half up: one decimal ("5,0"), more when that shows 0
    ("0,04"), never "0,0": below `most` decimals, "chưa đến 0,001"."""
    for decimals in range(1, most + 1):
        scaled = math.floor(d * 10**decimals + Fraction(1, 2))  # exact: no float, no Decimal
        if scaled:
            return _fixed(Decimal(scaled).scaleb(-decimals), decimals)
    return "chưa đến " + _fixed(Decimal(1).scaleb(-most), most)


def _fixed(value: Decimal, decimals: int) -> str:
    return format_decimal(value, "#,##0." + "0" * decimals, locale=LOCALE)


def money(amount: int) -> str:
    return f"{format_decimal(amount, locale=LOCALE)} đồng"


def day_blank(d: date) -> str:
    """A date with its day left for the signer: "     /12/2023"."""
    return f"     /{d.month:02d}/{d.year}"


def day(d: date) -> str:
    """"28/02/2023"."""
    return d.strftime("%d/%m/%Y")


class Month(NamedTuple):
    """A month of a year: a report dated to the month, its day left for the signer."""

    year: int
    month: int


def place_date(place: str, when: date | Month | None, today: date) -> str:
    """The place-date line; day below 10 and months 1-2 zero-padded (Nghị định 30/2020).
    A month, or nothing (the month of the run), leaves the day blank for the signer."""
    if isinstance(when, date):
        return f"{place}, ngày {when.day:02d} tháng {_month(when.month)} năm {when.year}"
    month = when or Month(today.year, today.month)
    return f"{place}, ngày      tháng {_month(month.month)} năm {month.year}"
def cell(value: Any) -> str:
    """A cell's value as Excel shows it, to quote in a message: "28/02/2023", "28/02/2023 14:30",
    "14:30", a duration "26:05", "1,5", "TRUE"; text as it is."""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime):
        return f"{day(value)} {value:%H:%M}"
    if isinstance(value, date):
        return day(value)
    if isinstance(value, time):
        return f"{value:%H:%M}"
    if isinstance(value, timedelta):
        hours, seconds = divmod(int(value.total_seconds()), 3600)
        return f"{hours}:{seconds // 60:02d}"
    if isinstance(value, float):
        return format(value, "g").replace(".", ",")
    return str(value)


def decimal_comma(typed: str) -> str:
    """A number typed as text with a decimal point, as Vietnamese writes it: "0.75" -> "0,75"."""
    return typed.replace(".", ",")


def code_point(ch: str) -> str:
    """A character as Unicode names it: "U+00A0"."""
    return f"U+{ord(ch):04X}"


def excel_escape(ch: str) -> str:
    """A character XML cannot hold, as Excel writes it in a cell's text: "_x0007_"."""
    return f"_x{ord(ch):04X}_"


def sheet_number(value: float) -> str:
    """A number in a sheet's XML, as xlsxwriter writes it: 16 significant digits, so that
    1.0 reads back as the whole number 1."""
    return f"{value:.16G}"


def _month(m: int) -> str:
    return f"{m:02d}" if m <= 2 else str(m)


def letter(index: int) -> str:
    """The index-th sub-item letter in the Vietnamese sequence (a b c d đ e g …)."""
    n = len(LETTERS)
    return LETTERS[index % n] * (index // n + 1)


def join_vi(parts: list[str]) -> str:
    """"a", "a và b", "a, b và c"."""
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " và " + parts[-1]


@lru_cache(maxsize=65536)  # names repeat their words: a staff list sorts 3x faster
def _letters_and_tone(word: str) -> tuple[tuple[int, ...], int]:
    # One tone per syllable, wherever it sits: "hoà" and "hòa" give the same key.
    letters: list[int] = []
    tone = 0
    for ch in unicodedata.normalize("NFD", word.lower()):
        if ch in TONES:
            tone = TONES[ch]
        elif letters and letters[-1] < len(ALPHABET) and (ALPHABET[letters[-1]], ch) in MODIFIERS:
            letters[-1] = ALPHABET.index(MODIFIERS[(ALPHABET[letters[-1]], ch)])
        elif ch in ALPHABET:
            letters.append(ALPHABET.index(ch))
        elif not unicodedata.combining(ch):
            letters.append(len(ALPHABET) + ord(ch))
    return tuple(letters), tone


def word_key(text: str) -> tuple:
    """Vietnamese dictionary order: letters first (Đ after D), tones only to break ties."""
    pairs = [_letters_and_tone(w) for w in text.split()]
    return tuple(p[0] for p in pairs), tuple(p[1] for p in pairs)


@lru_cache(maxsize=65536)  # the staff list, the decisions and the bonus list sort the same names
def name_key(full_name: str) -> tuple:
    """Sort by given name (last word), then family name (first word), then middle names."""
    words = full_name.split()
    if not words:
        return ((), ())
    given, family, middle = words[-1], words[0] if len(words) > 1 else "", words[1:-1]
    return word_key(given), word_key(family), word_key(" ".join(middle))


def did_you_mean(name: str, known: Iterable[str]) -> str:
    """' Có phải là "…"?' naming the closest of `known`, or "" when none is close."""
    close = difflib.get_close_matches(name, sorted(known), n=1)
    return f' Có phải là "{close[0]}"?' if close else ""


def same_name(a: str, b: str) -> bool:
    """Names equal after NFC, case and old/new tone placement ("Hoà" = "Hòa")."""
    return word_key(a) == word_key(b)


# --- money: coefficients, amounts, amounts in words ----------------------------------------

DIGITS = "không một hai ba bốn năm sáu bảy tám chín".split()
GROUPS = ("", "nghìn", "triệu", "tỷ")


def coefficient(value: Fraction) -> str:
    """"0,3", "1,0", "1,5": a coefficient as official tables write it, one decimal at least."""
    return format_decimal(float(value), "#,##0.0##", locale=LOCALE)


def in_words(amount: int) -> str:
    """"Chín triệu bảy trăm hai mươi nghìn đồng": an amount of đồng, as written after
    "Bằng chữ:"."""
    if amount == 0:
        return "Không đồng"
    groups = []
    n = amount
    while n:
        n, g = divmod(n, 1000)
        groups.append(g)
    words: list[str] = []
    for i in range(len(groups) - 1, -1, -1):
        g = groups[i]
        if g == 0:
            continue
        inner = i < len(groups) - 1  # not the leading group: "không trăm", "linh"
        words += _hundreds(g, inner)
        words.append(_group_name(i))
    text = " ".join(w for w in words if w)
    return text[0].upper() + text[1:] + " đồng"


def _group_name(i: int) -> str:
    """nghìn, triệu, tỷ, then nghìn tỷ, triệu tỷ, tỷ tỷ …"""
    if i < len(GROUPS):
        return GROUPS[i]
    return f"{_group_name(i - 3)} tỷ".strip()


def _hundreds(g: int, inner: bool) -> list[str]:
    """A group of three digits: "bảy trăm hai mươi", "không trăm linh năm", "mười lăm"."""
    h, rest = divmod(g, 100)
    t, u = divmod(rest, 10)
    out = [DIGITS[h], "trăm"] if h or inner else []
    if t == 0:
        if u:
            out += (["linh"] if out else []) + [DIGITS[u]]
        return out
    out += ["mười"] if t == 1 else [DIGITS[t], "mươi"]
    if u == 1:
        out.append("mốt" if t > 1 else "một")
    elif u == 5:
        out.append("lăm")
    elif u:
        out.append(DIGITS[u])
    return out
