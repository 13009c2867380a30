"""The machine-readable result: written beside the report, validated when read back."""

from __future__ import annotations

import json
from fractions import Fraction

import pytest

from pipeline import schema
from pipeline.figures import result
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


def nested(depth: int) -> str:
    return '{"loai": "thidua-ket-qua", "x": ' + "[" * depth + "]" * depth + "}"


def with_text(data: dict, key: str, text: str) -> str:
    """The result as JSON with `text` written as is for the top-level `key`'s value."""
    return json.dumps({**data, key: 0}).replace(f'"{key}": 0', f'"{key}": {text}')


def metric(data: dict, **values: object) -> dict:
    chi_so = {**data["chi_so"], schema.M_LDTT: {**data["chi_so"][schema.M_LDTT], **values}}
    return {**data, "chi_so": chi_so}


# A damaged or hostile result file: (its text from the good one, the reason given).
DAMAGED = {
    "nested 100000 deep": (lambda d: nested(100_000), "dữ liệu lồng nhau quá sâu"),
    "integer of 5000 digits": (lambda d: with_text(d, "canh_bao", "9" * 5000), "có số quá lớn"),
    "absurd count": (lambda d: json.dumps({**d, "canh_bao": 10**12}),
                     'mục "canh_bao" ở gốc có số không hợp lệ (âm hoặc quá lớn)'),
    "negative count": (lambda d: json.dumps({**d, "so_lieu": {**d["so_lieu"], "ca_nhan": -3}}),
                       'mục "ca_nhan" ở so_lieu có số không hợp lệ'),
    "NaN": (lambda d: with_text(d, "canh_bao", "NaN"), "có giá trị NaN, không phải số"),
    "Infinity": (lambda d: json.dumps(metric(d, tu_so=float("inf"))), "có giá trị Infinity"),
    "a fraction for a count": (lambda d: json.dumps(metric(d, tu_so=1.5)),
                               'mục "tu_so" ở Tỷ lệ cá nhân đạt Lao động tiên tiến sai kiểu'),
    "true for a count": (lambda d: json.dumps(metric(d, mau_so=True)), '"mau_so"'),
    "a list for the pledges": (lambda d: json.dumps({**d, "giao_uoc": {}}),
                               'mục "giao_uoc" ở gốc sai kiểu'),
    "text for a staff count": (lambda d: json.dumps(
        {**d, "so_lieu": {**d["so_lieu"], "loai_can_bo": {"Công chức": "17"}}}),
        'mục "Công chức" ở loai_can_bo sai kiểu'),
    "a float target": (lambda d: json.dumps({**d, "giao_uoc": [
        {**d["giao_uoc"][0], "muc_dang_ky": [0.15, 1]}]}), "phân số ở giao_uoc[0].muc_dang_ky"),
    "over 5 MB": (lambda d: json.dumps(d) + " " * result.MAX_BYTES, "tệp lớn hơn 5 MB"),
}


@pytest.mark.parametrize("case", DAMAGED)
def test_hostile_results_are_refused_with_a_reason(data, tmp_path, case):
    damage, reason = DAMAGED[case]
    path = tmp_path / "ket_qua_2023.json"
    path.write_text(damage(data), encoding="utf-8")
    with pytest.raises(result.ResultError) as refused:
        result.read(path)
    assert reason in str(refused.value)


def test_a_byte_order_mark_is_accepted(data, tmp_path):
    path = tmp_path / "ket_qua_2023.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8-sig")  # Notepad's
    assert result.read(path).people == 20
