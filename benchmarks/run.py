"""Benchmark of the whole year-end job at 5, 50 and 500 units (40 people each), against two
reference processes on the same files: the naive peer (pd.read_excel with openpyxl, every
sheet of every workbook) and the start-up floor (importing pandas, docxtpl and xlsxwriter).

Usage: python benchmarks/run.py [--quick] [--repeat N]
Prints a table per size and the ratios of issue 5's targets. Generated agencies are cached
in a temporary folder per (units, people).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.synthetic import make_agency  # noqa: E402

STAGES = ("read", "validate", "aggregate", "report", "summary", "outputs")
JOB = """
import json, sys
from pathlib import Path
from pipeline import config, job
cfg = config.load(Path(sys.argv[3]))
outcome = job.run(Path(sys.argv[1]), Path(sys.argv[2]), cfg, lambda *a: None)
assert not outcome.blocked, [i.message for i in outcome.issues if i.blocking][:3]
import resource
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"timings": outcome.timings, "peak": peak}))
"""
NAIVE = """
import sys, pandas as pd
from pathlib import Path
for p in sorted(Path(sys.argv[1]).glob("*.xlsx")):
    pd.read_excel(p, sheet_name=None, engine="openpyxl")
"""
FLOOR = "import pandas, docxtpl, xlsxwriter"


def child(code: str, *args: str) -> tuple[float, str]:
    """Wall time and stdout of a fresh Python process."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True,
                          text=True, check=True)
    return time.perf_counter() - start, done.stdout


def agency(units: int, people: int) -> Path:
    folder = Path(tempfile.gettempdir()) / f"thidua_bench_{units}x{people}"
    if not (folder / "co_quan.xlsx").exists():
        make_agency(folder, units, people)
    return folder


def measure(folder: Path, repeat: int) -> dict[str, float]:
    """Medians over `repeat` runs of the job, the naive peer and the floor."""
    runs: dict[str, list[float]] = {}
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as out:
            wall, stdout = child(JOB, str(folder), out, str(ROOT / "config.toml"))
        result = json.loads(stdout)
        for k, v in {"total": wall, "peak": result["peak"], **result["timings"]}.items():
            runs.setdefault(k, []).append(v)
        runs.setdefault("naive", []).append(child(NAIVE, str(folder))[0])
        runs.setdefault("floor", []).append(child(FLOOR)[0])
    return {k: statistics.median(v) for k, v in runs.items()}


def table(sizes: list[tuple[int, int]], repeat: int) -> dict[int, dict[str, float]]:
    results = {}
    print(f"thidua benchmark, {time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores, "
          f"median of {repeat}")
    head = ["units", "people", *STAGES, "total s", "peak MiB", "ms/unit", "naive s", "floor s"]
    print(" | ".join(head))
    print(" | ".join("---" for _ in head))
    for units, people in sizes:
        m = measure(agency(units, people), repeat)
        results[units] = m
        cells = [str(units), str(units * people), *(f"{m.get(s, 0):.3f}" for s in STAGES),
                 f"{m['total']:.2f}", f"{m['peak']:.0f}", f"{1000 * m['total'] / units:.1f}",
                 f"{m['naive']:.2f}", f"{m['floor']:.2f}"]
        print(" | ".join(cells))
    return results


def ratios(results: dict[int, dict[str, float]]) -> None:
    print()
    small, big = min(results), max(results)
    r = results[small]
    print(f"{small} units: job / start-up floor = {r['total'] / r['floor']:.2f} (target <= 1.5)")
    if big != small:
        b = results[big]
        print(f"{big} units: job / naive reading = {b['total'] / b['naive']:.2f} "
              f"(target <= 0.5, goal 0.35); peak {b['peak']:.0f} MiB (target <= 400)")
    if len(results) >= 3:  # cost per unit beyond the smallest run (start-up, report, files)
        mid = sorted(results)[-2]
        per = {u: (results[u]["total"] - r["total"]) / (u - small) for u in (mid, big)}
        print(f"per-unit cost beyond the {small}-unit run: {mid} units {1000 * per[mid]:.1f} ms, "
              f"{big} units {1000 * per[big]:.1f} ms (ratio {per[big] / per[mid]:.2f}, "
              "target within 20%)")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true", help="2 and 5 units, one run (for tests)")
    p.add_argument("--repeat", type=int, default=3)
    args = p.parse_args()
    sizes = [(2, 5), (5, 10)] if args.quick else [(5, 40), (50, 40), (500, 40)]
    ratios(table(sizes, 1 if args.quick else args.repeat))


if __name__ == "__main__":
    main()
