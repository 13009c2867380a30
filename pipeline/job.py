"""The year-end job: the one place where the stages are put in order."""

from __future__ import annotations

import gc
import os
import shutil
import signal
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from functools import partial
from pathlib import Path
from typing import TypeVar

from .config import Config, HoSo
from .delivery import outputs
from .errors import UsageError
from .figures import compare, council, decisions, proposals, result, rules
from .figures.aggregate import Figures, aggregate
from .figures.council import Council
from .figures.decisions import Dossier
from .figures.pledges import Conclusion, PledgeResult, conclude, evaluate
from .figures.proposals import Submission
from .issues import Issue, blocking
from .model import Agency, Dataset, KhoiBook
from .reading import read, validate
from .runlog import RunLog

Progress = Callable[[str, str], None]
T = TypeVar("T")
R = TypeVar("R")
PARALLEL_MIN = 40  # workbooks; fewer are read faster than a process pool starts
MAX_WORKERS = 4
CHECKS_FOLDER = "kiem_tra"


@dataclass
class Outcome(RunLog):
    """What an agency run found and wrote."""

    year: int | None = None
    data: Dataset | None = None
    figures: Figures | None = None
    pledges: list[PledgeResult] = field(default_factory=list)
    conclusion: Conclusion | None = None
    inputs: list[Path] = field(default_factory=list)  # the workbooks read, by name
    seen: dict[str, read.Seen | None] = field(default_factory=dict)  # their bytes as read
    changes: list[compare.Change] = field(default_factory=list)  # beside the year before
    previous_year: int | None = None  # the year compared with, when there is one
    previous_file: str = ""  # the result file it came from
    dossier: Dossier | None = None  # the year-end decisions, when made (issue 13)
    council: Council | None = None  # the council's bình xét, when "Bình xét" has rows (issue 14)
    submission: Submission | None = None  # the tờ trình to the level above, when made


def _describe(book: validate.Book | None, found: list[Issue]) -> str:
    errors = len(blocking(found))
    if book is None:
        return f"không đọc được ({errors} lỗi)"
    if isinstance(book, KhoiBook):
        what = f"phiếu Khối: {book.info.get('Tên khối') or ''}"
    elif isinstance(book, Agency):
        what = f"phiếu Cơ quan: {book.name}"
    else:
        what = f"phiếu Đơn vị: {book.name}, {len(book.people)} người"
    return what + (f" ({errors} lỗi)" if errors else "")


def _load_one(path: Path) -> tuple[validate.Book | None, list[Issue], read.Seen | None]:
    """Read and check one workbook (in a worker process when there are many)."""
    raw, seen = read.open_book(path)
    if isinstance(raw, Issue):
        return None, [raw], seen
    return *validate.parse_book(raw), seen


def _leave_ctrl_c_to_the_parent() -> None:
    # A worker hit by Ctrl-C (sent to the whole terminal's process group) would print its own
    # traceback, and one stopped inside the pool's queue can leave the parent waiting forever.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):  # blocked by _ctrl_c_held_back, now ignored
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


@contextmanager
def _ctrl_c_held_back() -> Iterator[None]:
    """Ctrl-C waits while workers are started (POSIX): in the parent it would land in
    fork handlers, which print it and lose it; in a worker, before it ignores Ctrl-C."""
    if not hasattr(signal, "pthread_sigmask"):  # Windows
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


@contextmanager
def pool_map(fn: Callable[[T], R], items: list[T], processes: int, chunksize: int = 1
             ) -> Iterator[Iterator[R]]:
    """`fn` over `items`, in order: here when `processes` is 1, else in a pool whose workers
    leave Ctrl-C to this process; stopped (Ctrl-C, an error), the pool drops the work not
    yet started instead of waiting for it."""
    if processes <= 1:
        yield map(fn, items)
        return
    executor = ProcessPoolExecutor(processes, initializer=_leave_ctrl_c_to_the_parent)
    try:
        with _ctrl_c_held_back():  # map submits every chunk at once: the workers start here
            results = executor.map(fn, items, chunksize=chunksize)
        yield results
    except BaseException:
        executor.shutdown(cancel_futures=True)
        raise
    executor.shutdown()


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector paused while a run builds its data and documents. The run keeps
    most of what it makes to the end, so every full collection walks all of it again: at 500
    units nine of them took 0.7 s of 5.4, more with each unit. Its few cycles wait for the
    collector's next turn after the run (15 MiB more at the peak, at 500 units)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def workers(count: int, least: int = PARALLEL_MIN) -> int:
    """Processes worth starting for `count` tasks: a pool pays only from `least` of them."""
    return min(os.cpu_count() or 1, MAX_WORKERS, count) if count >= least else 1


def load(folder: Path, progress: Progress, outcome: Outcome, parallel: bool = True
         ) -> list[validate.Book]:
    """Read and check every workbook of the folder; issues go to the outcome. The results
    come back in file-name order whatever the number of processes (one, unless `parallel`
    and many workbooks)."""
    if not folder.is_dir():
        raise UsageError(f"Không có thư mục đầu vào {folder}.")
    paths, found_files = read.list_inputs(folder)
    outcome.inputs = paths
    outcome.issues += found_files
    books: list[validate.Book] = []
    processes = workers(len(paths)) if parallel else 1
    chunks = max(1, len(paths) // (4 * processes))
    with outcome.timed("read"), pool_map(_load_one, paths, processes, chunks) as results:
        for path, (book, found, seen) in zip(paths, results, strict=True):
            outcome.seen[path.name] = seen
            progress(path.name, _describe(book, found))
            outcome.issues += found
            books += [book] if book else []
    return books


def _year(books: list[validate.Book]) -> int | None:
    agencies = [b.year for b in books if isinstance(b, Agency) and b.year]
    years = agencies or [b.year for b in books if b.year]
    return Counter(years).most_common(1)[0][0] if years else None


@collector_paused()
def check(folder: Path, cfg: Config, progress: Progress, parallel: bool = True) -> Outcome:
    """Read, validate, aggregate and judge the pledges; no file is written. `parallel`:
    False in a worker that is itself one of many (the khối's member folders)."""
    outcome = Outcome()
    books = load(folder, progress, outcome, parallel)
    outcome.year = _year(books)
    with outcome.timed("validate"):
        data, found = validate.check_dataset(books)
    outcome.issues += found
    if data is None or outcome.blocked:
        return outcome
    with outcome.timed("aggregate"):
        figures = aggregate(data)
        results, found = evaluate(data.agency.pledges, figures.metrics)
    with outcome.timed("validate"):
        outcome.issues += rules.check_rules(data, figures, cfg.rules)
        outcome.council = council.review(data, cfg.ho_so)
    outcome.issues += found
    outcome.issues += outcome.council.issues if outcome.council else ()
    outcome.data, outcome.figures, outcome.pledges = data, figures, results
    outcome.conclusion = conclude(results)
    return outcome


@collector_paused()
def run(folder: Path, out_root: Path, cfg: Config, progress: Progress,
        today: date | None = None, want_pdf: bool = False,
        previous: Path | None = None, dossier: bool = True) -> Outcome:
    """The whole year-end job; a blocked run writes only the data-check list. `dossier`: also
    the year-end decisions (unless [ho_so] lap = false), under output/<year>/ho_so/; one that
    cannot be written is held back with its reasons, never the report."""
    # Imported here, not at the top: `check` and `init` do not pay for docxtpl and xlsxwriter.
    from .documents import report
    from .documents.summary import write_checks
    started = time.perf_counter()
    outcome = check(folder, cfg, progress)
    year = outcome.year
    checks_folder = out_root / str(year) / CHECKS_FOLDER if year else out_root / CHECKS_FOLDER
    if year:  # a run killed while placing its files is finished first, even if this one stops
        outputs.recover(out_root / str(year))
        outputs.recover(checks_folder)
    if outcome.blocked:
        name = cfg.files.checks.format(year=year or "").replace("_.", ".")
        with outcome.timed("outputs"), _scratch() as tmp:
            writers = {name: lambda p: write_checks(p, outcome.issues),
                       **_sendback(outcome, tmp)}
            outcome.written = outputs.publish(checks_folder, writers)
        return outcome
    assert year and outcome.data and outcome.figures and outcome.conclusion
    data, figures = outcome.data, outcome.figures
    _compare(outcome, previous, out_root, cfg.files.result)
    today = today or date.today()
    if dossier and cfg.ho_so.lap:
        with outcome.timed("dossier"):
            decide(outcome, cfg, today)
    with outcome.timed("report"):
        context = report.build_context(data, figures, outcome.pledges, outcome.conclusion,
                                       today, outcome.changes,
                                       outcome.council.declined if outcome.council else ())
        docx = report.render(cfg.paths.report_template, context)
    dossier_files = _dossier_writers(outcome, cfg, today, want_pdf or cfg.report.pdf)
    names = cfg.files.names(year)
    writers = report_writers(names["report"], docx, want_pdf or cfg.report.pdf, outcome)
    writers |= {
        names["summary"]: lambda p: _summary(p, outcome),
        names["checks"]: lambda p: write_checks(p, outcome.issues),
        names["record"]: lambda p: outputs.write_json(p, _record(cfg, outcome, started)),
        names["result"]: lambda p: outputs.write_json(p, result.build(outcome)),
    }
    writers |= dossier_files  # one set: the decisions share the report's free names
    inside = ("summary", "dossier")  # stages whose files are written among the outputs
    before = sum(outcome.timings.get(stage, 0.0) for stage in inside)
    with outcome.timed("outputs"):
        outcome.written = outputs.publish(out_root / str(year), writers)
        with _scratch() as tmp:
            copies = _sendback(outcome, tmp)
            if copies:
                outcome.written += outputs.publish(checks_folder, copies)
    outcome.timings["outputs"] -= sum(outcome.timings.get(s, 0.0) for s in inside) - before
    return outcome


def decide(outcome: Outcome, cfg: Config, today: date) -> None:
    """The dossier's decisions and tờ trình: with a bình xét, only what the council passed (and
    what it did not vote on, held), citing its meeting; without one, from the data alone. Also
    after `check`, so that what would hold a decision back is said before the run."""
    assert outcome.data and outcome.figures
    data, met = outcome.data, outcome.council
    chosen = met.carried(decisions.candidates(data)) if met else None
    made = decisions.build(data, outcome.figures, cfg.ho_so, cfg.rules, today, chosen,
                           council.cite(data) if met else None)
    outcome.dossier = council.held(made, met) if met else made
    every = proposals.proposed(data)
    held = [h for c in every if met and (h := met.hold_of(c)) is not None]
    outcome.submission = proposals.submission(data, cfg.rules, met.carried(every) if met else None,
                                              held)
    outcome.issues += made.issues
    outcome.issues += met.holds if met else ()
    outcome.issues += outcome.submission.issues if outcome.submission else ()


def report_writers(name: str, docx: bytes, want_pdf: bool, log: RunLog
                   ) -> dict[str, Callable[[Path], None]]:
    """The Word report's writer, and its PDF's when asked for; a PDF that cannot be made is
    a note, never a failed run."""
    from .documents import pdf

    writers = {name: outputs.write_bytes(docx)}
    if want_pdf:
        try:
            with log.timed("pdf"):
                writers[Path(name).with_suffix(".pdf").name] = outputs.write_bytes(
                    pdf.convert(docx))
        except pdf.PdfError as exc:
            if str(exc) not in log.notes:  # said once, not for each decision of the dossier
                log.notes.append(str(exc))
    return writers


def _dossier_writers(outcome: Outcome, cfg: Config, today: date, want_pdf: bool
                     ) -> dict[str, Callable[[Path], None]]:
    """The decisions that may be written (and their PDFs), and the bonus workbook, named
    inside the dossier's folder; rendered here, so that a broken template stops the run before
    anything is placed."""
    from .documents import bonus_summary, decision_report

    made = outcome.dossier
    if made is None or outcome.data is None or outcome.figures is None:
        return {}
    with outcome.timed("dossier"):
        docs = decision_report.render_all(cfg.ho_so, made, outcome.data, today)
        papers = council_papers(outcome.council, outcome.submission, made, outcome.data,
                                outcome.figures, cfg.ho_so, today)
    names = cfg.ho_so.names(made.year)
    writers: dict[str, Callable[[Path], None]] = {}
    for kind, docx in docs.items():
        writers |= report_writers(names[kind.key], docx, want_pdf, outcome)
    if docs:
        writers[names["tien_thuong"]] = partial(
            _timed, outcome, "dossier", partial(bonus_summary.write, dossier=made,
                                                settings=cfg.ho_so))
    for key, docx in papers.items():
        writers |= report_writers(names[key], docx, want_pdf, outcome)
    return {f"{cfg.ho_so.thu_muc}/{name}": write for name, write in writers.items()}


def council_papers(met: Council | None, sent: Submission | None, made: Dossier, data: Dataset,
                   figures: Figures, settings: HoSo, today: date) -> dict[str, bytes]:
    """The biên bản (when the council voted and no candidacy lacks a vote), the tờ trình and
    the báo cáo thành tích of its people (when nothing holds it), rendered; keyed as [ho_so]'s
    file names (tep_…)."""
    from .documents import minutes, submission

    out = {}
    if met is not None and not met.holds:
        out["bien_ban"] = minutes.render(settings.mau_bien_ban,
                                         minutes.build_context(met, made, data, figures, settings))
    if sent is not None and sent.written:
        out["to_trinh"] = submission.render(
            settings.mau_to_trinh, submission.build_context(sent, met, made, data, today),
            submission.VARIABLES, submission.ITEMS)
        if any(c.person for c in sent.proposals):
            out["bao_cao_thanh_tich"] = submission.render(
                settings.mau_bao_cao_thanh_tich, submission.achievements(sent, made, data),
                submission.REPORT_VARIABLES, submission.REPORT_ITEMS)
    return out


def _timed(log: RunLog, stage: str, write: Callable[[Path], None], path: Path) -> None:
    """A writer run among the outputs, its time counted in `stage`."""
    with log.timed(stage):
        write(path)


def _compare(outcome: Outcome, previous: Path | None, out_root: Path, pattern: str) -> None:
    """The previous year's result beside this one's metrics; notes when it cannot be used."""
    assert outcome.data and outcome.figures
    agency = outcome.data.agency
    before, notes = compare.load_previous(previous, out_root, pattern, agency.year, agency.name)
    outcome.notes += notes
    if before is not None:
        now = {m.name: (m.num, m.den) for m in outcome.figures.metrics.values()}
        outcome.changes = compare.changes(now, before.metrics, before.year)
        outcome.previous_year, outcome.previous_file = before.year, before.source


@contextmanager
def _scratch() -> Iterator[Path]:
    """A temporary folder for the send-back copies. The system's temporary folder is often on
    the same disk as the outputs: full, it is the user's to fix, as the output folder is."""
    with outputs.writing(Path(tempfile.gettempdir())), tempfile.TemporaryDirectory() as tmp:
        yield Path(tmp)


def _sendback(outcome: Outcome, tmp: Path) -> dict[str, Callable[[Path], None]]:
    """Writers of the send-back copies (problem cells marked) of the workbooks concerned;
    none, and openpyxl not even imported, when no problem points into an input's sheets."""
    inputs = {p.name: p for p in outcome.inputs}
    if not any(i.file in inputs and i.sheet for i in outcome.issues):
        return {}
    from .delivery.sendback import sendback_copies

    copies = sendback_copies(inputs, outcome.issues, tmp)
    return {c.name: partial(_copy, c) for c in copies}


def _copy(source: Path, target: Path) -> None:
    shutil.copyfile(source, target)


def _summary(path: Path, outcome: Outcome) -> None:
    from .documents.summary import write_summary

    assert outcome.data and outcome.figures
    with outcome.timed("summary"):
        write_summary(path, outcome.data, outcome.figures, outcome.pledges, outcome.issues,
                      outcome.changes)


def _dossier_record(made: Dossier | None) -> dict[str, object] | None:
    """The decisions in the run record: each with its count, total and, if held, why."""
    if made is None:
        return None
    return {"ngay": made.when.isoformat(), "luong_co_so": made.salary and made.salary.muc,
            "quyet_dinh": [{"ten": d.name, "so_luong": sum(len(a.lines) for a in d.lists),
                            "tien_thuong": d.total, "da_lap": d.written,
                            "ly_do": [h.message for h in d.holds]} for d in made.decisions]}


def _council_record(met: Council | None) -> dict[str, object] | None:
    """The council's meeting in the run record: who was there, each verdict."""
    if met is None:
        return None
    return {"thanh_vien": len(met.members), "co_mat": len(met.present), "du_so": met.quorate,
            "ket_qua": [{"doi_tuong": v.candidate.name, "danh_hieu": v.title,
                         "so_phieu": v.vote.votes, "tren": v.base, "dat": v.passed}
                        for v in met.verdicts],
            "chua_binh_xet": [council.title_of(c) + ": " + c.name for c in met.unvoted]}


def _record(cfg: Config, outcome: Outcome, started: float) -> dict[str, object]:
    """The run record: inputs with their SHA-256, settings, counts, duration."""
    assert outcome.data and outcome.figures
    return {
        "chuong_trinh": "thidua",
        "thoi_diem": datetime.now().isoformat(timespec="seconds"),
        "nam": outcome.year,
        "tep_dau_vao": [{"tep": name, "sha256": seen and seen.sha256, "byte": seen and seen.size}
                        for name, seen in outcome.seen.items()],
        "cau_hinh": {"tep": str(cfg.source), "files": asdict(cfg.files),
                     "rules": asdict(cfg.rules)},
        "so_lieu": {"don_vi": len(outcome.data.units), "ca_nhan": len(outcome.data.people),
                    **{k: [m.num, m.den] for k, m in outcome.figures.metrics.items()}},
        "giao_uoc": {r.pledge.text: r.status for r in outcome.pledges},
        "canh_bao": len(outcome.issues),
        "so_sanh_voi": {"nam": outcome.previous_year, "tep": outcome.previous_file}
        if outcome.previous_year else None,
        "ho_so": _dossier_record(outcome.dossier),
        "binh_xet": _council_record(outcome.council),
        "thoi_gian_giay": round(time.perf_counter() - started, 3),
        "thoi_gian_tung_buoc": {k: round(v, 4) for k, v in outcome.timings.items()},
    }
