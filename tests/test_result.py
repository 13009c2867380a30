"""The machine-readable result: written beside the report, validated when read back."""

from __future__ import annotations

import json
from fractions import Fraction

import pytest

from pipeline import result, schema
from tests.conftest import written


@pytest.fixture(scope="module")
def data(sample_run):
    return json.loads(written(sample_run, "ket_qua_2023.json").read_text(encoding="utf-8"))


def test_sample_result_reads_back(sample_run):
    r = result.read(written(sample_run, "ket_qua_2023.json"))
    assert (r.year, r.name, r.symbol, r.people, r.units, r.collectives) == (
        2023, "Ban Dân tộc tỉnh Quảng Ngãi", "BDT", 20, 4, 3)
    assert r.metrics[schema.M_CSTDCS] == (2, 20)
    assert r.rate(schema.M_C_LDXS) == Fraction(1, 3)
    p = next(p for p in r.pledges if p.metric == schema.M_CSTDCS)
    assert (p.target, p.status) == (Fraction(3, 20), schema.NOT_MET)
    assert r.staff_types == {"Công chức": 17, "Hợp đồng lao động": 3}


@pytest.mark.parametrize(("change", "message"), [
    (lambda d: d.update(phien_ban=99), "phiên bản 99"),
    (lambda d: d.update(loai="khac"), "không phải tệp kết quả"),
    (lambda d: d["chi_so"].pop(schema.M_LDTT), schema.M_LDTT),
    (lambda d: d["giao_uoc"][0].update(danh_gia="Tốt"), "Tốt"),
    (lambda d: d.update(nam="2023"), "nam"),
])
def test_damaged_results_are_refused_with_a_reason(data, change, message):
    broken = json.loads(json.dumps(data))
    change(broken)
    with pytest.raises(result.ResultError, match=message):
        result.parse(broken)


def test_unreadable_result(tmp_path):
    bad = tmp_path / "x.json"
    bad.write_text("{", encoding="utf-8")
    with pytest.raises(result.ResultError, match="không đọc được"):
        result.read(bad)
