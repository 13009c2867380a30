"""The benchmark script keeps working (its quick mode); no test asserts a time."""

from __future__ import annotations

import subprocess
import sys

from benchmarks.run import STAGES
from benchmarks.synthetic import make_agency, make_khoi_book, member
from pipeline import job, khoi
from tests.conftest import ROOT, quiet


def test_quick_benchmark_prints_its_table_and_ratios():
    done = subprocess.run([sys.executable, "benchmarks/run.py", "--quick"], capture_output=True,
                          text=True, check=True, cwd=ROOT)
    lines = done.stdout.splitlines()
    assert lines[1].startswith("units | people | read | validate")
    rows = [line.split(" | ") for line in lines[3:5]]
    assert [r[:2] for r in rows] == [["2", "10"], ["5", "50"]]
    assert all(float(x) >= 0 for r in rows for x in r[2:])
    assert any("job / start-up floor" in line for line in lines)
    assert any(line.startswith("sample (input/): python run.py ") for line in lines)
    shares = next(line for line in lines if line.startswith("5 units, share of the run: "))
    parts = dict(part.rsplit(" ", 1) for part in shares.split(": ", 1)[1].split(", "))
    assert list(parts) == [*STAGES, "start-up and the rest"]
    assert all(v.endswith("%") and v[:-1].lstrip("-").isdigit() for v in parts.values())
    # the khối: 4 agencies as folders, a province of 10 as results and as folders (issue 6)
    head = lines.index(next(line for line in lines if line.startswith("scenario | ")))
    assert lines[head].split(" | ")[:9] == ["scenario", "input", "agencies", "files", "people",
                                            "read", "check", "report", "outputs"]
    rows = [dict(zip(lines[head].split(" | "), line.split(" | "), strict=True))
            for line in lines[head + 2:head + 5]]
    assert [(r["scenario"], r["input"], r["agencies"], r["files"], r["people"]) for r in rows] == [
        ("khối 4", "folders", "4", "12", "40"), ("tỉnh 10", "results", "10", "10", "100"),
        ("tỉnh 10", "folders", "10", "30", "100")]
    for r in rows:
        figures = {k: float(v) for k, v in list(r.items())[5:]}
        assert all(v >= 0 for v in figures.values()), r
        assert figures["run s"] > 0 and figures["reading s"] > 0 and figures["peak MiB"] > 0
        assert figures["total s"] >= figures["run s"]
    assert any(line.startswith("tỉnh 10 from results: khối run / reading its results = ")
               for line in lines)
    assert any(line.startswith("tỉnh 10 from folders: khối run / reading its workbooks = ")
               for line in lines)


def test_synthetic_agency_runs_clean(tmp_path, cfg):
    folder = make_agency(tmp_path / "in", units=3, people=7)
    outcome = job.run(folder, tmp_path / "out", cfg, quiet)
    assert not outcome.blocked
    assert len(outcome.data.people) == 21 and len(outcome.data.units) == 3


def test_synthetic_khoi_runs_clean(tmp_path, cfg):
    """Agencies of distinct names and symbols, each a member folder, and the khối workbook
    listing them: every member counted, nothing missing, nothing blocking."""
    folder = tmp_path / "khoi"
    for i in (1, 2):
        name, symbol = member(i)
        make_agency(folder / f"cq{i}", units=2, people=3, seed=i, name=name, symbol=symbol)
    make_khoi_book(folder / "khoi.xlsx", [member(1), member(2)])
    outcome = khoi.run(folder, tmp_path / "out", cfg, quiet)
    assert not outcome.blocked and not outcome.missing
    assert sorted(r.symbol for r in outcome.members) == ["STN001", "STN002"]
