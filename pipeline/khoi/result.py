"""The khối's own result file (ket_qua_khoi_<year>.json), built from a run and read back for
next year's comparison, with the agency result's reader (pipeline/result.py) for its members."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..figures import result
from ..figures.result import ResultError, need
from .model import KhoiOutcome, KhoiResult, ident

KIND = "thidua-ket-qua-khoi"
VERSION = 1


def build_result(outcome: KhoiOutcome) -> dict[str, Any]:
    """The khối's result file, version 1: {"loai": "thidua-ket-qua-khoi", "phien_ban": 1,
    "nam", "khoi", "thanh_vien": [each member's agency result (pipeline/result.py)],
    "xep_hang": [{"co_quan", "ky_hieu", "hang", "diem": [numerator, denominator],
    "de_nghi"}], "chua_co_ket_qua": [names], "canh_bao": count}."""
    return {
        "loai": KIND, "phien_ban": VERSION, "nam": outcome.year, "khoi": outcome.name,
        "thanh_vien": [result.dump(r) for r in outcome.members],
        "xep_hang": [{"co_quan": s.member.name, "ky_hieu": s.member.symbol, "hang": s.rank,
                      "diem": [s.total.numerator, s.total.denominator],
                      "de_nghi": s.award} for s in outcome.standings],
        "chua_co_ket_qua": outcome.missing,
        "canh_bao": len(outcome.issues),
    }


def read_result(path: Path) -> KhoiResult:
    """Read and validate a khối result file; a ResultError names what is wrong."""
    data = result.load(path)
    if not isinstance(data, dict) or data.get("loai") != KIND:
        raise ResultError("không phải tệp kết quả của khối thi đua")
    version = need(data, "phien_ban", int, "gốc")
    if version != VERSION:
        raise ResultError(f"phiên bản {version} không được hỗ trợ (cần {VERSION})")
    year, name = need(data, "nam", int, "gốc"), need(data, "khoi", str, "gốc")
    parsed = tuple(result.parse(m, path.name) for m in need(data, "thanh_vien", list, "gốc"))
    rows = data.get("xep_hang") or []
    if not isinstance(rows, list):
        raise ResultError("mục \"xep_hang\" ở gốc sai kiểu")
    ranks = {}
    for i, row in enumerate(rows):
        where = f"xep_hang[{i}]"
        who = ident(need(row, "co_quan", str, where), need(row, "ky_hieu", str, where))
        ranks[who] = (need(row, "hang", int, where), result.fraction(row.get("diem"), where))
    return KhoiResult(year, name, parsed, ranks)
