"""The machine-readable result of an agency run (ket_qua_<year>.json): documented, versioned,
and validated when read back, for the khối's consolidation and next year's comparison.

Format, version 1 (keys are Vietnamese, as in the run record):
    loai          "thidua-ket-qua"
    phien_ban     1
    nam           the reporting year (int)
    co_quan       {"ten", "ky_hieu", "co_quan_chu_quan", "khoi_thi_dua"} (str)
    so_lieu       {"don_vi", "ca_nhan", "tap_the"} (int) and "loai_can_bo" {Loại: count}
    chi_so        {metric name: {"tu_so": int, "mau_so": int}}, every metric of SPEC
                  (a count metric has mau_so 1; mau_so 0 means no value)
    giao_uoc      [{"chi_tieu", "chi_so", "dang_ky", "ket_qua", "danh_gia"} (str),
                    "muc_dang_ky": [numerator, denominator] or null}]
    canh_bao      the number of warnings of the run (int)
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any

from .. import schema
from ..cells import usable

KIND = "thidua-ket-qua"
VERSION = 1
STATUSES = (schema.MET, schema.EXCEEDED, schema.NOT_MET, schema.PENDING)
# Bounds on what a damaged or hostile file may hold: ours are a few kilobytes (a khối's, with
# every member inside, well under a megabyte), and no count of people, tasks or warnings comes
# near ten million.
MAX_BYTES = 5_000_000
MAX_COUNT = 10_000_000
MAX_DIGITS = 30  # of each part of an exact fraction (a target, a khối's total points)


class ResultError(Exception):
    """A result file that cannot be used; the text says why, in Vietnamese."""


@dataclass(frozen=True)
class PledgeOutcome:
    text: str
    metric: str
    target: Fraction | None
    target_text: str
    actual_text: str
    status: str


@dataclass(frozen=True)
class AgencyResult:
    """One agency's year, as read back from its result file."""

    year: int
    name: str
    symbol: str
    parent: str
    khoi: str
    units: int
    people: int
    collectives: int
    staff_types: dict[str, int]
    metrics: dict[str, tuple[int, int]]  # name -> (numerator, denominator)
    pledges: tuple[PledgeOutcome, ...]
    warnings: int
    source: str = field(default="", compare=False)  # where it was read from, for messages

    def rate(self, metric: str) -> Fraction | None:
        num, den = self.metrics[metric]
        return None if den == 0 else Fraction(num, den)


def build(outcome: Any) -> dict[str, Any]:
    """The result of a finished run (a job.Outcome) as JSON-ready data."""
    data, figures = outcome.data, outcome.figures
    info = data.agency.info
    return {
        "loai": KIND, "phien_ban": VERSION, "nam": data.agency.year,
        "co_quan": {"ten": data.agency.name, "ky_hieu": str(info["Ký hiệu cơ quan"]),
                    "co_quan_chu_quan": str(info["Cơ quan chủ quản"]),
                    "khoi_thi_dua": str(info["Khối thi đua"])},
        "so_lieu": {"don_vi": len(data.units), "ca_nhan": len(data.people),
                    "tap_the": figures.collectives, "loai_can_bo": figures.staff_types},
        "chi_so": {m.name: {"tu_so": m.num, "mau_so": m.den} for m in figures.metrics.values()},
        "giao_uoc": [{"chi_tieu": r.pledge.text, "chi_so": r.pledge.metric,
                      "muc_dang_ky": None if r.pledge.target is None else
                      [r.pledge.target.numerator, r.pledge.target.denominator],
                      "dang_ky": r.target_text, "ket_qua": r.actual_text, "danh_gia": r.status}
                     for r in outcome.pledges],
        "canh_bao": len(outcome.issues),
    }


def dump(r: AgencyResult) -> dict[str, Any]:
    """A result read back, as JSON-ready data again (parse(dump(r)) == r)."""
    return {
        "loai": KIND, "phien_ban": VERSION, "nam": r.year,
        "co_quan": {"ten": r.name, "ky_hieu": r.symbol, "co_quan_chu_quan": r.parent,
                    "khoi_thi_dua": r.khoi},
        "so_lieu": {"don_vi": r.units, "ca_nhan": r.people, "tap_the": r.collectives,
                    "loai_can_bo": r.staff_types},
        "chi_so": {k: {"tu_so": n, "mau_so": d} for k, (n, d) in r.metrics.items()},
        "giao_uoc": [{"chi_tieu": p.text, "chi_so": p.metric,
                      "muc_dang_ky": None if p.target is None else
                      [p.target.numerator, p.target.denominator],
                      "dang_ky": p.target_text, "ket_qua": p.actual_text, "danh_gia": p.status}
                     for p in r.pledges],
        "canh_bao": r.warnings,
    }


def need(data: Any, key: str, kind: type, where: str) -> Any:
    """data[key], of type `kind`; a count (int) must lie between 0 and MAX_COUNT."""
    if not isinstance(data, dict) or key not in data:
        raise ResultError(f"thiếu mục \"{key}\" ở {where}")
    value = data[key]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise ResultError(f"mục \"{key}\" ở {where} sai kiểu")
    if isinstance(value, int) and not 0 <= value <= MAX_COUNT:
        raise ResultError(f"mục \"{key}\" ở {where} có số không hợp lệ (âm hoặc quá lớn)")
    # Text goes into the khối's report: what no report may hold is left out, as when reading
    # a workbook (a file edited by hand may hold anything).
    return usable(value) if isinstance(value, str) else value


def fraction(pair: Any, where: str) -> Fraction:
    """An exact fraction stored as [numerator, denominator] of whole numbers."""
    if not (isinstance(pair, list) and len(pair) == 2 and all(
            isinstance(x, int) and not isinstance(x, bool) and abs(x) < 10**MAX_DIGITS
            for x in pair) and pair[1]):
        raise ResultError(f"phân số ở {where} sai kiểu")
    return Fraction(*pair)


def _staff_types(counts: Any) -> dict[str, int]:
    types = need(counts, "loai_can_bo", dict, "so_lieu")
    return {str(k): need(types, k, int, "loai_can_bo") for k in types}


def _pledge(p: Any, i: int) -> PledgeOutcome:
    where = f"giao_uoc[{i}]"
    texts = {k: need(p, k, str, where) for k in
             ("chi_tieu", "chi_so", "dang_ky", "ket_qua", "danh_gia")}
    if texts["danh_gia"] not in STATUSES:
        raise ResultError(f"đánh giá \"{texts['danh_gia']}\" ở {where} không hợp lệ")
    target = p.get("muc_dang_ky")
    return PledgeOutcome(texts["chi_tieu"], texts["chi_so"],
                         None if target is None else fraction(target, f"{where}.muc_dang_ky"),
                         texts["dang_ky"], texts["ket_qua"], texts["danh_gia"])


def parse(data: Any, source: str = "") -> AgencyResult:
    """Validate and read result data; a ResultError names what is wrong."""
    if need(data, "loai", str, "gốc") != KIND:
        raise ResultError("không phải tệp kết quả của thidua")
    version = need(data, "phien_ban", int, "gốc")
    if version != VERSION:
        raise ResultError(f"phiên bản {version} không được hỗ trợ (cần {VERSION})")
    agency, counts = need(data, "co_quan", dict, "gốc"), need(data, "so_lieu", dict, "gốc")
    metrics = {}
    for name in schema.METRICS:
        m = need(need(data, "chi_so", dict, "gốc"), name, dict, "chi_so")
        num, den = need(m, "tu_so", int, name), need(m, "mau_so", int, name)
        if num < 0 or den < 0 or (name not in schema.COUNT_METRICS and num > den):
            raise ResultError(f"chỉ số \"{name}\" có tử số {num}, mẫu số {den} không hợp lệ")
        metrics[name] = (num, den)
    return AgencyResult(
        year=need(data, "nam", int, "gốc"),
        name=need(agency, "ten", str, "co_quan"), symbol=need(agency, "ky_hieu", str, "co_quan"),
        parent=need(agency, "co_quan_chu_quan", str, "co_quan"),
        khoi=need(agency, "khoi_thi_dua", str, "co_quan"),
        units=need(counts, "don_vi", int, "so_lieu"), people=need(counts, "ca_nhan", int,
                                                                   "so_lieu"),
        collectives=need(counts, "tap_the", int, "so_lieu"),
        staff_types=_staff_types(counts),
        metrics=metrics,
        pledges=tuple(_pledge(p, i) for i, p in
                      enumerate(need(data, "giao_uoc", list, "gốc"))),
        warnings=need(data, "canh_bao", int, "gốc"), source=source)


def load(path: Path) -> Any:
    """A result file's JSON (an agency's or a khối's); a ResultError when it cannot be read
    or is not what our runs write: too big, too deeply nested, a number too long or NaN."""
    try:
        with path.open("rb") as f:
            raw = f.read(MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:
            raise ResultError(f"tệp lớn hơn {MAX_BYTES // 1_000_000} MB, không phải tệp kết quả")
        return json.loads(raw.decode("utf-8-sig"), parse_constant=_constant)  # Notepad's BOM
    except RecursionError:  # [[[[…]]]] thousands deep: the parser gives up, we say why
        raise ResultError("dữ liệu lồng nhau quá sâu") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ResultError(f"không đọc được ({type(exc).__name__})") from None
    except ValueError:  # an integer past Python's limit on digits (sys.get_int_max_str_digits)
        raise ResultError("có số quá lớn") from None


def _constant(name: str) -> Any:
    """NaN and Infinity, which Python's json accepts and no count can be."""
    raise ResultError(f"có giá trị {name}, không phải số")


def read(path: Path) -> AgencyResult:
    """Read and validate a result file."""
    return parse(load(path), path.name)
