"""Benchmark of the whole year-end job at 5, 50 and 500 units (40 people each), against
reference processes on the same files, measured in turn in the same run: the naive peer
(pd.read_excel with openpyxl, every sheet of every workbook), python-calamine alone on the
same sheets, and the start-up floor (importing pandas, docxtpl and xlsxwriter); and the sample
itself (python run.py on input/) against the floor. Then the khối (python run.py khoi, issue
6): a khối of 30 agencies given as folders of workbooks, and a province of 200 agencies given
once as their result files and once as folders of workbooks, each against the time of only
reading what it reads.

Usage: python benchmarks/run.py [--quick] [--repeat N] [--only agency|khoi]
Prints a table per part and the ratios of issues 5, 6 and 16: every figure of README's
"Hiệu năng". Generated agencies and khối folders are cached in a temporary folder, under a
name that changes with the code that makes them.
"""

from __future__ import annotations

import argparse
import compileall
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.synthetic import make_agency, make_khoi_book, member  # noqa: E402
from pipeline import config, job  # noqa: E402
from pipeline.delivery import outputs  # noqa: E402
from pipeline.figures import result  # noqa: E402
from pipeline.reading import read, validate  # noqa: E402

STAGES = ("read", "validate", "aggregate", "dossier", "report", "summary", "outputs")
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
CALAMINE = """
import sys
from pathlib import Path
from python_calamine import CalamineWorkbook
for p in sorted(Path(sys.argv[1]).glob("*.xlsx")):
    with CalamineWorkbook.from_path(str(p)) as wb:
        for name in wb.sheet_names:
            wb.get_sheet_by_name(name).to_python()
"""
FLOOR = "import pandas, docxtpl, xlsxwriter"
TARGETS = {"sample": 1.3, "naive": 0.35, "peak": 400, "khoi": 5}  # issue 16
KHOI = """
import json, resource, sys, time
from pathlib import Path
start = time.perf_counter()
from pipeline import config, khoi
from pipeline.delivery import outputs
from pipeline.documents import pdf, summary
from pipeline.figures import compare
from pipeline.khoi import report, summary as khoi_summary
imports = time.perf_counter() - start
cfg = config.load(Path(sys.argv[3]))
start = time.perf_counter()
outcome = khoi.run(Path(sys.argv[1]), Path(sys.argv[2]), cfg, lambda *a: None)
run = time.perf_counter() - start
assert not outcome.blocked, [i.message for i in outcome.issues if i.blocking][:3]
assert len(outcome.members) == int(sys.argv[4]) and not outcome.missing
usage = [resource.getrusage(who).ru_maxrss / 1024
         for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
print(json.dumps({"timings": outcome.timings, "run": run, "imports": imports,
                  "peak": usage[0], "workers": usage[1],
                  "people": sum(r.people for r in outcome.members)}))
"""
KHOI_STAGES = ("read", "check", "report", "outputs")


def child(code: str, *args: str) -> tuple[float, str]:
    """Wall time and stdout of a fresh Python process."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True,
                          text=True, check=True)
    return time.perf_counter() - start, done.stdout


def cached(name: str) -> Path:
    """A cache folder for generated input, named after the code that generates it: another
    checkout's (another version of the forms) never reads this one's."""
    digest = hashlib.sha256()
    for source in ("benchmarks/synthetic.py", "pipeline/schema.py", "pipeline/reading/forms.py"):
        digest.update((ROOT / source).read_bytes())
    return Path(tempfile.gettempdir()) / f"thidua_bench_{name}_{digest.hexdigest()[:8]}"


def agency(units: int, people: int) -> Path:
    folder = cached(f"{units}x{people}")
    if not _fresh(folder):
        make_agency(folder, units, people)
        (folder / ".complete").touch()
    return folder


def measure(folder: Path, repeat: int) -> dict[str, float]:
    """Medians over `repeat` runs of the job, the naive peer and the floor, in turn."""
    runs: dict[str, list[float]] = {}
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as out:
            wall, stdout = child(JOB, str(folder), out, str(ROOT / "config.toml"))
        result = json.loads(stdout)
        for k, v in {"total": wall, "peak": result["peak"], **result["timings"]}.items():
            runs.setdefault(k, []).append(v)
        runs.setdefault("naive", []).append(child(NAIVE, str(folder))[0])
        runs.setdefault("calamine", []).append(child(CALAMINE, str(folder))[0])
        runs.setdefault("floor", []).append(child(FLOOR)[0])
    return {k: statistics.median(v) for k, v in runs.items()}


def sample(repeat: int) -> dict[str, float]:
    """Medians over `repeat` runs of `python run.py` on the sample (input/, output to a
    temporary folder) and of the floor, in turn."""
    runs: dict[str, list[float]] = {"sample": [], "floor": []}
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as out:
            start = time.perf_counter()
            subprocess.run([sys.executable, "run.py", "--output", out], cwd=ROOT,
                           capture_output=True, check=True)
            runs["sample"].append(time.perf_counter() - start)
        runs["floor"].append(child(FLOOR)[0])
    return {k: statistics.median(v) for k, v in runs.items()}


def table(sizes: list[tuple[int, int]], repeat: int) -> dict[int, dict[str, float]]:
    results = {}
    print(f"thidua benchmark, {time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores, "
          f"median of {repeat}")
    head = ["units", "people", *STAGES, "total s", "peak MiB", "ms/unit", "naive s",
            "calamine s", "floor s"]
    print(" | ".join(head))
    print(" | ".join("---" for _ in head))
    for units, people in sizes:
        m = measure(agency(units, people), repeat)
        results[units] = m
        cells = [str(units), str(units * people), *(f"{m.get(s, 0):.3f}" for s in STAGES),
                 f"{m['total']:.2f}", f"{m['peak']:.0f}", f"{1000 * m['total'] / units:.1f}",
                 f"{m['naive']:.2f}", f"{m['calamine']:.2f}", f"{m['floor']:.2f}"]
        print(" | ".join(cells))
    return results


def ratios(results: dict[int, dict[str, float]], example: dict[str, float]) -> None:
    print()
    print(f"sample (input/): python run.py {example['sample']:.2f} s / start-up floor "
          f"{example['floor']:.2f} s = {example['sample'] / example['floor']:.2f} "
          f"(target <= {TARGETS['sample']})")
    small, big = min(results), max(results)
    r, b = results[small], results[big]
    print(f"{small} units: job / start-up floor = {r['total'] / r['floor']:.2f}")
    if big != small:
        print(f"{big} units: job / naive reading = {b['total'] / b['naive']:.2f} "
              f"(target <= {TARGETS['naive']}); peak {b['peak']:.0f} MiB "
              f"(target <= {TARGETS['peak']})")
        print(f"{big} units, the dossier's stage left out: (job - dossier) / naive reading = "
              f"{(b['total'] - b.get('dossier', 0)) / b['naive']:.2f}")
        print(f"{big} units: read stage (calamine and checking, in parallel) / naive reading = "
              f"{b['read'] / b['naive']:.2f}; python-calamine alone, one process = "
              f"{b['calamine'] / b['naive']:.2f}")
    shares = [f"{s} {100 * b.get(s, 0) / b['total']:.0f}%" for s in STAGES]
    rest = b["total"] - sum(b.get(s, 0) for s in STAGES)
    print(f"{big} units, share of the run: {', '.join(shares)}, start-up and the rest "
          f"{100 * rest / b['total']:.0f}%")
    if len(results) >= 3:  # cost per unit beyond the smallest run (start-up, report, files)
        mid = sorted(results)[-2]
        per = {u: (results[u]["total"] - r["total"]) / (u - small) for u in (mid, big)}
        ratio = per[big] / per[mid]
        print(f"per-unit cost beyond the {small}-unit run: {mid} units {1000 * per[mid]:.1f} ms, "
              f"{big} units {1000 * per[big]:.1f} ms (ratio {ratio:.2f}: linear within 20% "
              f"{'yes' if 0.8 <= ratio <= 1.2 else 'NO'})")
        grows = [f"{s} {_per_unit(results, s, mid):.2f} → {_per_unit(results, s, big):.2f}"
                 for s in STAGES]
        print(f"ms per unit beyond the {small}-unit run, {mid} → {big} units: "
              + ", ".join(grows))


def _per_unit(results: dict[int, dict[str, float]], stage: str, units: int) -> float:
    small = min(results)
    return 1000 * (results[units].get(stage, 0) - results[small].get(stage, 0)) / (units - small)


# --- the khối (issue 6) --------------------------------------------------------------------

def _fresh(folder: Path) -> bool:
    """Whether a cached folder is complete; an incomplete one is removed."""
    if (folder / ".complete").exists():
        return True
    shutil.rmtree(folder, ignore_errors=True)
    return False


def members(count: int, quick: bool) -> Path:
    """A khối folder of `count` synthetic agencies, each in its own folder of workbooks (5 to
    10 units of 20 people; 2 units of 5 people when quick), and the khối workbook listing
    them all."""
    folder = cached(f"khoi_{count}{'q' if quick else ''}")
    if not _fresh(folder):
        for i in range(1, count + 1):
            name, symbol = member(i)
            units, people = (2, 5) if quick else (5 + i % 6, 20)
            make_agency(folder / f"cq{i:03d}", units, people, seed=i, name=name, symbol=symbol)
        make_khoi_book(folder / "khoi.xlsx", [member(i) for i in range(1, count + 1)])
        (folder / ".complete").touch()
    return folder


def results(count: int, quick: bool) -> Path:
    """The same khối as result files: each agency checked once (job.check, result.build) and
    its ket_qua JSON written, beside the same khối workbook. Not timed."""
    source = members(count, quick)
    folder = source.with_name(source.name + "_json")
    if not _fresh(folder):
        cfg = config.load(ROOT / "config.toml")
        folder.mkdir(parents=True)
        for agency_folder in agencies(source):
            outcome = job.check(agency_folder, cfg, lambda *a: None)
            assert not outcome.blocked and outcome.year, agency_folder
            outputs.write_json(folder / f"{agency_folder.name}_ket_qua_{outcome.year}.json",
                               result.build(outcome))
        shutil.copy(source / "khoi.xlsx", folder / "khoi.xlsx")
        (folder / ".complete").touch()
    return folder


def agencies(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_dir())


def read_results(folder: Path) -> tuple[float, int]:
    """Seconds to read and validate every result file of the folder (result.read), and how
    many: the floor of a khối run from results."""
    start = time.perf_counter()
    files = sorted(folder.glob("*.json"))
    for path in files:
        result.read(path)
    return time.perf_counter() - start, len(files)


def read_books(folder: Path) -> tuple[float, int]:
    """Seconds to read (calamine) and parse (validate.parse_book) every workbook of every
    member folder, in one process, and how many: the floor of a khối run from folders."""
    start = time.perf_counter()
    count = 0
    for agency_folder in agencies(folder):
        for path in read.list_inputs(agency_folder)[0]:
            raw = read.read_book(path)
            assert isinstance(raw, read.RawBook), raw
            book, found = validate.parse_book(raw)
            assert book is not None, found
            count += 1
    return time.perf_counter() - start, count


def khoi_measure(folder: Path, count: int, repeat: int, from_results: bool
                 ) -> dict[str, float]:
    """Medians over `repeat` runs of python run.py khoi's job (khoi.run, in a fresh process)
    and of reading alone, over the same folder."""
    runs: dict[str, list[float]] = {}
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as out:
            wall, stdout = child(KHOI, str(folder), out, str(ROOT / "config.toml"), str(count))
        found = json.loads(stdout)
        for k, v in {"total": wall, **found.pop("timings"), **found}.items():
            runs.setdefault(k, []).append(v)
        seconds, files = (read_results if from_results else read_books)(folder)
        runs.setdefault("reading", []).append(seconds)
        runs.setdefault("files", []).append(files)
    return {k: statistics.median(v) for k, v in runs.items()}


def khoi_table(khoi: int, province: int, repeat: int, quick: bool) -> dict[str, dict[str, float]]:
    scenarios = {f"khối {khoi} | folders": (members(khoi, quick), khoi, False),
                 f"tỉnh {province} | results": (results(province, quick), province, True),
                 f"tỉnh {province} | folders": (members(province, quick), province, False)}
    print()
    print(f"thidua khối benchmark, {time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores, "
          f"median of {repeat}")
    head = ["scenario", "input", "agencies", "files", "people", *KHOI_STAGES, "run s",
            "imports s", "total s", "peak MiB", "workers MiB", "reading s", "run / reading"]
    print(" | ".join(head))
    print(" | ".join("---" for _ in head))
    out = {}
    for label, (folder, count, from_results) in scenarios.items():
        m = out[label] = khoi_measure(folder, count, repeat, from_results)
        cells = [label, str(count), str(int(m["files"])), str(int(m["people"])),
                 *(f"{m.get(s, 0):.3f}" for s in KHOI_STAGES), f"{m['run']:.2f}",
                 f"{m['imports']:.2f}", f"{m['total']:.2f}", f"{m['peak']:.0f}",
                 f"{m['workers']:.0f}", f"{m['reading']:.3f}", f"{m['run'] / m['reading']:.1f}"]
        print(" | ".join(cells))
    print()
    by_results, by_folders = out[f"tỉnh {province} | results"], out[f"tỉnh {province} | folders"]
    print(f"tỉnh {province} from results: khối run / reading its results = "
          f"{by_results['run'] / by_results['reading']:.1f} (target <= {TARGETS['khoi']}); "
          f"whole command {by_results['total']:.2f} s")
    print(f"tỉnh {province} from folders: khối run / reading its workbooks = "
          f"{by_folders['run'] / by_folders['reading']:.2f}; peak {by_folders['peak']:.0f} MiB, "
          f"largest worker {by_folders['workers']:.0f} MiB")
    return out


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true",
                   help="2 and 5 units; a khối of 4 and a province of 10 small agencies; one run "
                        "(for tests)")
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--only", choices=("agency", "khoi"), help="one part of the benchmark")
    args = p.parse_args()
    repeat = 1 if args.quick else args.repeat
    # As on the secretary's machine from the second run on: the program's modules compiled
    # once, as pip compiles the libraries of the floor (PYTHONDONTWRITEBYTECODE, set on some
    # machines, would have every run compile them again, about 0.15 s).
    compileall.compile_dir(ROOT / "pipeline", quiet=1)
    if args.only != "khoi":
        sizes = [(2, 5), (5, 10)] if args.quick else [(5, 40), (50, 40), (500, 40)]
        ratios(table(sizes, repeat), sample(repeat))
    if args.only != "agency":
        khoi_table(*((4, 10) if args.quick else (30, 200)), repeat, args.quick)


if __name__ == "__main__":
    main()
