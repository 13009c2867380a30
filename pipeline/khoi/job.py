"""The khối's year-end job (python run.py khoi): the one place its stages are put in order, as
pipeline/job.py does for an agency. Each stage returns what it found; only here is the
outcome assembled."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from .. import job
from ..config import Config, undated
from ..delivery import outputs
from ..figures import tables
from ..issues import issue
from .gather import gather
from .members import bonuses, choose, khoi_name, khoi_year
from .model import KhoiOutcome, KhoiResult, pooled
from .result import build_result, read_result
from .score import rank


def check(folder: Path, cfg: Config, progress: job.Progress) -> KhoiOutcome:
    """Gather, check, total and rank; no file is written."""
    outcome = KhoiOutcome()
    with outcome.timed("read"):
        found = gather(folder, cfg, progress)
    outcome.issues += found.issues
    outcome.book, outcome.year = found.book, khoi_year(found.book, found.results)
    if found.book is None:
        outcome.issues.append(issue("khoi-no-book"))
    outcome.name = khoi_name(found.book, found.results)
    if not found.results and not outcome.blocked:
        outcome.issues.append(issue("khoi-empty"))
    with outcome.timed("check"):
        chosen = choose(found.book, found.results, outcome.year)
        extra, unknown = bonuses(found.book, chosen.members)
        outcome.members, outcome.missing = chosen.members, chosen.missing
        outcome.issues += chosen.issues + unknown
        if not outcome.members and not outcome.blocked:
            outcome.issues.append(issue("khoi-empty"))
        if outcome.blocked:
            return outcome
        outcome.table = tables.members(outcome.members)
        outcome.totals = pooled(outcome.table)
        outcome.standings, ties = rank(outcome.members, cfg, extra)
        outcome.issues += ties
    return outcome


@job.collector_paused()
def run(folder: Path, out_root: Path, cfg: Config, progress: job.Progress,
        today: date | None = None, want_pdf: bool = False,
        previous: Path | None = None) -> KhoiOutcome:
    """The khối's year-end job; a blocked run writes only the data-check list."""
    from ..documents.summary import write_checks
    from ..figures import compare
    from . import report
    from .summary import write_khoi_summary

    outcome = check(folder, cfg, progress)
    year = outcome.year
    target = out_root / str(year) if year else out_root
    if year:  # a run killed while placing its files is finished first
        outputs.recover(target)
    if outcome.blocked:
        name = cfg.khoi.files.names(year)["checks"] if year else undated(cfg.khoi.files.checks)
        with outcome.timed("outputs"):
            outcome.written = outputs.publish(
                target, {name: lambda p: write_checks(p, outcome.issues)})
        return outcome
    assert year
    outcome.previous, notes = _previous(previous, out_root, cfg, outcome)
    outcome.notes += notes
    changes = compare.changes(outcome.totals, outcome.previous.totals, year - 1) \
        if outcome.previous else []
    with outcome.timed("report"):
        context = report.build_context(outcome, cfg, changes, today or date.today())
        docx = report.render(cfg.khoi.report_template, context)
    names = cfg.khoi.files.names(year)
    writers = job.report_writers(names["report"], docx, want_pdf or cfg.report.pdf, outcome)
    writers |= {
        names["summary"]: lambda p: write_khoi_summary(p, outcome, cfg, changes),
        names["checks"]: lambda p: write_checks(p, outcome.issues),
        names["result"]: lambda p: outputs.write_json(p, build_result(outcome)),
    }
    with outcome.timed("outputs"):
        outcome.written = outputs.publish(target, writers)
    return outcome


def _previous(explicit: Path | None, out_root: Path, cfg: Config, outcome: KhoiOutcome
              ) -> tuple[KhoiResult | None, list[str]]:
    """Last year's khối result (--previous, or out_root/<year-1>/), or notes why not."""
    from ..figures.compare import load_previous

    assert outcome.year
    return load_previous(explicit, out_root, cfg.khoi.files.result, outcome.year, outcome.name,
                         reader=read_result)
