"""The khối thi đua: the member agencies' results put together, checked, scored, ranked and
proposed for the Cờ thi đua and the Bằng khen (python run.py khoi).

A member comes as its result file (ket_qua_<year>.json, pipeline/result.py) or as a folder
of its workbooks, which is checked here like an agency run (nothing of it is written). The
khối workbook (mau_khoi.xlsx) lists the members, extra points and the report's signer.
Scores are exact fractions; the ranking, its ties and every point are explained.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from fractions import Fraction
from functools import partial
from pathlib import Path
from typing import Any

from . import fmt, job, read, result, schema, validate
from .config import METHODS, P_EXCEEDED, P_REACHED, Config, Criterion
from .errors import UsageError
from .issues import Issue, blocking, issue
from .model import Agency, Bonus, KhoiBook, Member
from .result import AgencyResult, ResultError, need

Progress = Callable[[str, str], None]
KIND = "thidua-ket-qua-khoi"
VERSION = 1
FILES = {"report": "bao_cao_khoi_{year}.docx", "summary": "tong_hop_khoi_{year}.xlsx",
         "checks": "kiem_tra_khoi_{year}.xlsx", "result": "ket_qua_khoi_{year}.json"}
PARALLEL_MIN = 4  # member folders; fewer are checked faster than a process pool starts
BONUS = "Điểm cộng"


@dataclass(frozen=True)
class Score:
    """The points one criterion (or one line of "Điểm cộng") gave a member, and why."""

    criterion: str
    value: Fraction | None  # the member's figure for the criterion (None: no figure)
    points: Fraction
    why: str


@dataclass(frozen=True)
class Standing:
    member: AgencyResult
    scores: tuple[Score, ...]
    total: Fraction
    rank: int = 0
    award: str = ""  # the proposal, "" for none
    remark: str = ""  # why a member ranked high enough is not proposed

    @property
    def total_text(self) -> str:
        return fmt.number(self.total)


@dataclass
class KhoiOutcome(job.RunLog):
    """What a khối run found and wrote."""

    year: int | None = None
    book: KhoiBook | None = None
    name: str = ""
    members: list[AgencyResult] = field(default_factory=list)  # counted, in list order
    missing: list[str] = field(default_factory=list)  # listed members without a result
    standings: list[Standing] = field(default_factory=list)  # ranked
    totals: dict[str, tuple[int, int]] = field(default_factory=dict)
    bonuses: dict[str, list[Bonus]] = field(default_factory=dict)  # by member identity
    previous: KhoiResult | None = None


@dataclass(frozen=True)
class KhoiResult:
    """A khối run read back (ket_qua_khoi_<year>.json): next year's comparison."""

    year: int
    name: str
    members: tuple[AgencyResult, ...]
    ranks: dict[str, tuple[int, Fraction]]  # identity -> (rank, total points)

    @property
    def totals(self) -> dict[str, tuple[int, int]]:
        return totals(self.members)


# --- reading the members ------------------------------------------------------------------

def _member_folder(folder: Path, cfg: Config) -> tuple[dict[str, Any] | None, list[Issue]]:
    """Check one member's workbooks like an agency run; its result, or its errors placed in
    "folder/file". Runs in a worker process when there are many members."""
    outcome = job.check(folder, cfg, lambda file, description: None, parallel=False)
    if outcome.blocked or outcome.data is None:
        errors = blocking(outcome.issues)
        placed = [_placed(i, folder.name) for i in errors]
        return None, [issue("khoi-member-errors", file=folder.name, folder=folder.name,
                            count=len(errors)), *placed]
    return result.build(outcome), []


def _placed(i: Issue, folder: str) -> Issue:
    return Issue(i.code, i.severity, i.message, i.fix, f"{folder}/{i.file}" if i.file else folder,
                 i.sheet, i.cell)


def gather(folder: Path, cfg: Config, progress: Progress, outcome: KhoiOutcome
           ) -> list[AgencyResult]:
    """Every member result of the folder (result files and member folders), the khối
    workbook into the outcome, and what is wrong with any of them."""
    if not folder.is_dir():
        raise UsageError(f"Không có thư mục của khối {folder}.")
    found: list[AgencyResult] = []
    books, listed = read.list_inputs(folder, members=True)
    outcome.issues += [i for i in listed if not (i.code == "not-a-workbook"
                                                 and i.file.lower().endswith(".json"))]
    for path in books:
        _khoi_book(path, progress, outcome)
    for path in sorted(folder.glob("*.json"), key=lambda p: p.name):
        if path.is_symlink() or not path.is_file():
            continue
        try:
            r = result.read(path)
        except ResultError as exc:
            outcome.issues.append(issue("khoi-bad-result", file=path.name, reason=exc))
            progress(path.name, "không dùng được")
            continue
        progress(path.name, f"kết quả của {r.name}, năm {r.year}")
        found.append(r)
    folders = sorted((p for p in folder.iterdir() if p.is_dir() and not p.is_symlink()
                      and not p.name.startswith((".", "_"))), key=lambda p: p.name)
    processes = job.workers(len(folders), PARALLEL_MIN)
    with job.pool_map(partial(_member_folder, cfg=cfg), folders, processes) as checked:
        for path, (data, found_issues) in zip(folders, checked, strict=True):
            outcome.issues += found_issues
            if data is None:
                progress(path.name + "/", "còn lỗi, chưa tính được")
                continue
            r = result.parse(data, path.name + "/")
            progress(path.name + "/", f"phiếu của {r.name}, năm {r.year}")
            found.append(r)
    return found


def _khoi_book(path: Path, progress: Progress, outcome: KhoiOutcome) -> None:
    raw = read.read_book(path)
    book, found = (None, [raw]) if isinstance(raw, Issue) else validate.parse_book(raw)
    outcome.issues += found
    if isinstance(book, KhoiBook):
        progress(path.name, f"phiếu Khối: {book.info.get('Tên khối') or ''}")
        if outcome.book is not None:
            outcome.issues.append(issue("khoi-two-books", count=2,
                                        files=f"{outcome.book.file}, {book.file}"))
        outcome.book = outcome.book or book
    elif book is not None:
        what = "Cơ quan" if isinstance(book, Agency) else "Đơn vị"
        outcome.issues.append(issue("khoi-agency-book", file=path.name, what=what))
        progress(path.name, f"phiếu {what}: phải nằm trong thư mục con của cơ quan")
    else:
        progress(path.name, "không đọc được")


# --- who is in the khối --------------------------------------------------------------------

def ident(name: str, symbol: str) -> str:
    """How a member is recognised: its symbol (ký hiệu) when it has one, else its name."""
    return "kh:" + read.key(symbol) if symbol.strip() else "ten:" + read.key(name)


class _Roster:
    """The khối workbook's members, found by symbol, else by name, in one look-up each."""

    def __init__(self, members: tuple[Member, ...]) -> None:
        self.by_symbol: dict[str, Member] = {}
        self.by_name: dict[str, Member] = {}
        for m in members:
            if m.symbol.strip():
                self.by_symbol.setdefault(read.key(m.symbol), m)
            self.by_name.setdefault(read.key(m.name), m)

    def find(self, name: str, symbol: str) -> Member | None:
        found = self.by_symbol.get(read.key(symbol)) if symbol.strip() else None
        return found or self.by_name.get(read.key(name))


def _year(outcome: KhoiOutcome, found: list[AgencyResult]) -> int | None:
    if outcome.book and outcome.book.year:
        return outcome.book.year
    common = Counter(r.year for r in found).most_common(1)
    return common[0][0] if common else None


def _members(outcome: KhoiOutcome, found: list[AgencyResult]) -> None:
    """Decide who counts: the listed members (or, without a list, everyone found), each
    once, of the khối's year; missing, foreign and doubled results are reported."""
    year = outcome.year
    for r in found:
        if r.year != year:
            outcome.issues.append(issue("khoi-year", file=r.source, agency=r.name, value=r.year,
                                        expected=year))
    book = outcome.book
    listed = book.members if book else ()
    seen: set[str] = set()
    for m in listed:  # the same symbol, or the same name, twice
        keys = {ident(m.name, m.symbol), "ten:" + read.key(m.name)}
        if seen & keys:
            outcome.issues.append(issue("khoi-member-twice", file=m.where.file,
                                        sheet=m.where.sheet, cell=m.where.cell("Tên cơ quan"),
                                        agency=m.name))
        seen |= keys
    roster = _Roster(listed)
    chosen: dict[str, AgencyResult] = {}
    for r in (r for r in found if r.year == year):
        member = roster.find(r.name, r.symbol) if book else None
        if book and member is None:
            outcome.issues.append(issue("khoi-not-member", file=r.source, agency=r.name))
            continue
        k = ident(member.name, member.symbol) if member else ident(r.name, r.symbol)
        if k in chosen:
            first = chosen[k]
            same = result.dump(first) == result.dump(r)
            outcome.issues.append(issue("khoi-duplicate-same" if same else "khoi-duplicate",
                                        file=r.source, agency=r.name, first=first.source,
                                        second=r.source))
            continue
        chosen[k] = r
    if book:
        order = [ident(m.name, m.symbol) for m in listed]
        for m in listed:
            if ident(m.name, m.symbol) not in chosen:
                outcome.missing.append(m.name)
                outcome.issues.append(issue("khoi-missing", file=book.file, sheet=m.where.sheet,
                                            cell=m.where.cell("Tên cơ quan"), agency=m.name))
        outcome.members = [chosen[k] for k in order if k in chosen]
    else:
        outcome.members = sorted(chosen.values(), key=lambda r: fmt.word_key(r.name))


# --- figures and scores --------------------------------------------------------------------

def totals(members: tuple[AgencyResult, ...] | list[AgencyResult]) -> dict[str, tuple[int, int]]:
    """The khối's metrics: numerators and denominators summed (a pooled rate, not a mean of
    rates); a count metric keeps denominator 1."""
    out = {}
    for name in schema.METRICS:
        num = sum(r.metrics[name][0] for r in members)
        den = 1 if name in schema.COUNT_METRICS else sum(r.metrics[name][1] for r in members)
        out[name] = (num, den)
    return out


def pledge_counts(r: AgencyResult) -> Counter[str]:
    return Counter(p.status for p in r.pledges)


def value(r: AgencyResult, metric: str) -> Fraction | None:
    """A member's figure for a scoring criterion: a rate, a count, or a pledge share."""
    if metric in (P_REACHED, P_EXCEEDED):
        if not r.pledges:
            return None
        good = {schema.MET, schema.EXCEEDED} if metric == P_REACHED else {schema.EXCEEDED}
        return Fraction(sum(p.status in good for p in r.pledges), len(r.pledges))
    num, den = r.metrics[metric]
    if metric in schema.COUNT_METRICS:
        return Fraction(num)
    return None if den == 0 else Fraction(num, den)


def shown(v: Fraction, metric: str) -> str:
    return fmt.count(int(v)) if metric in schema.COUNT_METRICS and v.denominator == 1 \
        else fmt.number(v) if metric in schema.COUNT_METRICS else fmt.percent(v)


def threshold(c: Criterion) -> Fraction:
    """A "nguong" criterion's threshold: a share for a rate (10 is 10%), a count for a count."""
    return Fraction(str(c.nguong)) / (1 if c.chi_so in schema.COUNT_METRICS else 100)


def method(c: Criterion) -> str:
    """How a criterion is scored, in words, with its threshold."""
    text = METHODS[c.cach_tinh]
    return f"{text} (ngưỡng {shown(threshold(c), c.chi_so)})" if c.cach_tinh == "nguong" \
        else text


def score(c: Criterion, v: Fraction | None, best: Fraction | None) -> Score:
    """The points of one criterion for one member's figure, and the working."""
    top = Fraction(str(c.diem))
    if v is None:
        return Score(c.chi_so, None, Fraction(0), "chưa có số liệu: 0 điểm")
    s = shown(v, c.chi_so)
    if c.cach_tinh == "ty_le":
        points = top * min(v, Fraction(1))
        why = f"{s} × {fmt.number(top)} điểm = {fmt.number(points)} điểm"
    elif c.cach_tinh == "nguong":
        limit = threshold(c)
        reached = v >= limit
        points = top if reached else Fraction(0)
        why = (f"{s} {'đạt' if reached else 'chưa đạt'} ngưỡng {shown(limit, c.chi_so)}: "
               f"{fmt.number(points)} điểm")
    elif not best:  # cao_nhat, and nobody has any
        points, why = Fraction(0), f"{s}, cả khối đều 0: 0 điểm"
    else:  # cao_nhat
        points, b = top * v / best, shown(best, c.chi_so)
        why = f"{s}, cao nhất khối {b}: {fmt.number(top)} × {s}/{b} = {fmt.number(points)} điểm"
    return Score(c.chi_so, v, points, why)


def _bonuses(outcome: KhoiOutcome) -> dict[str, list[Bonus]]:
    """The khối's extra points by member identity; an unknown member is an error."""
    out: dict[str, list[Bonus]] = {}
    if not outcome.book:
        return out
    by_key = {}
    for r in outcome.members:  # a bonus names its member by name or by symbol
        by_key[read.key(r.name)] = ident(r.name, r.symbol)
        if r.symbol.strip():
            by_key[read.key(r.symbol)] = ident(r.name, r.symbol)
    listed = {read.key(m.name) for m in outcome.book.members} | \
        {read.key(m.symbol) for m in outcome.book.members if m.symbol}
    for b in outcome.book.bonuses:
        k = read.key(b.agency)
        if k in by_key:
            out.setdefault(by_key[k], []).append(b)
        elif k not in listed:
            outcome.issues.append(issue("khoi-bonus-unknown", file=outcome.book.file,
                                        sheet=b.where.sheet, cell=b.where.cell("Cơ quan"),
                                        agency=b.agency))
    return out


def rank(outcome: KhoiOutcome, cfg: Config) -> None:
    """Score every member, order them (ties broken by cfg.khoi.bang_diem, then shared), and
    propose the leaders: Cờ thi đua, then Bằng khen, in the configured numbers."""
    k = cfg.khoi
    members = outcome.members
    best = {}
    for c in k.tieu_chi:
        values = [v for r in members if (v := value(r, c.chi_so)) is not None]
        best[c.chi_so] = max(values, default=None)
    raw = []
    for r in members:
        scores = [score(c, value(r, c.chi_so), best[c.chi_so]) for c in k.tieu_chi]
        scores += [Score(f"{BONUS}: {b.reason}", None, b.points,
                         f"phiếu Khối, sheet {b.where.sheet}, ô {b.where.cell('Điểm')}"
                         + (f" ({b.note})" if b.note else ""))
                   for b in outcome.bonuses.get(ident(r.name, r.symbol), [])]
        raw.append(Standing(r, tuple(scores), sum((s.points for s in scores), Fraction(0))))

    def merit(s: Standing) -> tuple[Fraction, ...]:
        ties = (value(s.member, m) for m in k.bang_diem)
        return (s.total, *(v if v is not None else Fraction(-1) for v in ties))

    ordered = sorted(raw, key=lambda s: (tuple(-x for x in merit(s)),
                                         fmt.word_key(s.member.name)))
    ranked: list[Standing] = []
    for i, s in enumerate(ordered):
        shared = ranked and merit(ranked[-1]) == merit(s)
        ranked.append(_with(s, rank=ranked[-1].rank if shared else i + 1))
    outcome.standings = _propose(ranked, cfg, outcome, merit)


def _with(s: Standing, **changes: Any) -> Standing:
    return replace(s, **changes)


def _propose(ranked: list[Standing], cfg: Config, outcome: KhoiOutcome,
             merit: Callable[[Standing], tuple[Fraction, ...]]) -> list[Standing]:
    k = cfg.khoi
    out, eligible = [], []
    for s in ranked:
        failed = pledge_counts(s.member)[schema.NOT_MET]
        if k.chi_de_nghi_khi_dat_het and failed:
            out.append(_with(s, remark=f"không đề nghị: không đạt {fmt.count(failed)} chỉ tiêu "
                                       "giao ước"))
        else:
            eligible.append(len(out))
            out.append(s)
    start = 0
    for award, n in ((k.ten_co_thi_dua, k.co_thi_dua), (k.ten_bang_khen, k.bang_khen)):
        chosen = eligible[start:start + n]
        for i in chosen:
            out[i] = _with(out[i], award=award)
        if chosen and start + n < len(eligible):
            last, after = out[chosen[-1]], out[eligible[start + n]]
            if merit(last) == merit(after):
                tied = [out[i].member.name for i in eligible if merit(out[i]) == merit(last)]
                outcome.issues.append(issue("khoi-tie", names=fmt.join_vi(tied),
                                            points=last.total_text, award=award,
                                            left=fmt.count(n)))
        start += n
    return out


def tie_rule(cfg: Config) -> str:
    """The stated rule for equal points."""
    order = "; ".join(m[0].lower() + m[1:] for m in cfg.khoi.bang_diem)
    first = (f"Cơ quan bằng tổng điểm được xếp lần lượt theo: {order} (cao hơn xếp trên); nếu "
             "vẫn bằng nhau thì đồng hạng.") if order else \
        "Cơ quan bằng tổng điểm thì đồng hạng."
    return first + " Khi số cơ quan đồng hạng vượt số suất đề nghị, Khối bình xét, biểu quyết."


# --- the khối's own result file -----------------------------------------------------------

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


# --- the run ------------------------------------------------------------------------------

def check(folder: Path, cfg: Config, progress: Progress) -> KhoiOutcome:
    """Gather, check, total and rank; no file is written."""
    outcome = KhoiOutcome()
    with outcome.timed("read"):
        found = gather(folder, cfg, progress, outcome)
    outcome.year = _year(outcome, found)
    book = outcome.book
    if book is None:
        outcome.issues.append(issue("khoi-no-book"))
    names = Counter(r.khoi for r in found if r.khoi)
    outcome.name = str(book.info.get("Tên khối") or "") if book else \
        (names.most_common(1)[0][0] if names else "")
    if not found and not blocking(outcome.issues):
        outcome.issues.append(issue("khoi-empty"))
    with outcome.timed("check"):
        _members(outcome, found)
        outcome.bonuses = _bonuses(outcome)
        if not outcome.members and not blocking(outcome.issues):
            outcome.issues.append(issue("khoi-empty"))
        if outcome.blocked:
            return outcome
        outcome.totals = totals(outcome.members)
        rank(outcome, cfg)
    return outcome


def _previous(explicit: Path | None, out_root: Path, outcome: KhoiOutcome
              ) -> tuple[KhoiResult | None, list[str]]:
    """Last year's khối result (--previous, or out_root/<year-1>/), or notes why not."""
    from .compare import load_previous

    assert outcome.year
    return load_previous(explicit, out_root, FILES["result"], outcome.year, outcome.name,
                         reader=read_result)


def run(folder: Path, out_root: Path, cfg: Config, progress: Progress,
        today: date | None = None, want_pdf: bool = False,
        previous: Path | None = None) -> KhoiOutcome:
    """The khối's year-end job; a blocked run writes only the data-check list."""
    from . import compare, khoi_report, outputs
    from .khoi_summary import write_khoi_summary
    from .summary import write_checks

    outcome = check(folder, cfg, progress)
    year = outcome.year
    target = out_root / str(year) if year else out_root
    names = {k: v.format(year=year or "").replace("_.", ".") for k, v in FILES.items()}
    if year:  # a run killed while placing its files is finished first
        outputs.recover(target)
    if outcome.blocked:
        with outcome.timed("outputs"):
            outcome.written = outputs.publish(
                target, {names["checks"]: lambda p: write_checks(p, outcome.issues)})
        return outcome
    assert year
    outcome.previous, notes = _previous(previous, out_root, outcome)
    outcome.notes += notes
    changes = compare.changes(outcome.totals, outcome.previous.totals, year - 1) \
        if outcome.previous else []
    with outcome.timed("report"):
        context = khoi_report.build_context(outcome, cfg, changes, today or date.today())
        docx = khoi_report.render(cfg.khoi.report_template, context)
    writers = job.report_writers(names["report"], docx, want_pdf or cfg.report.pdf, outcome)
    writers |= {
        names["summary"]: lambda p: write_khoi_summary(p, outcome, cfg, changes),
        names["checks"]: lambda p: write_checks(p, outcome.issues),
        names["result"]: lambda p: outputs.write_json(p, build_result(outcome)),
    }
    with outcome.timed("outputs"):
        outcome.written = outputs.publish(target, writers)
    return outcome
