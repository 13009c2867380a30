"""The benchmark script keeps working (its quick mode); no test asserts a time."""

from __future__ import annotations

import subprocess
import sys

from benchmarks.synthetic import make_agency
from pipeline import job
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


def test_synthetic_agency_runs_clean(tmp_path, cfg):
    folder = make_agency(tmp_path / "in", units=3, people=7)
    outcome = job.run(folder, tmp_path / "out", cfg, quiet)
    assert not outcome.blocked
    assert len(outcome.data.people) == 21 and len(outcome.data.units) == 3
