"""Scoring, ranking and proposing, on exact fractions: each criterion of [[khoi.tieu_chi]] gives
each member points with the working in words; equal totals are ordered by `bang_diem`, then
shared; the leaders are proposed for the Cờ thi đua, then the Bằng khen. Pure functions."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from fractions import Fraction

from .. import fmt, schema
from ..config import METHODS, P_EXCEEDED, P_REACHED, Config, Criterion
from ..figures.result import AgencyResult
from ..issues import Issue, issue
from ..model import Bonus
from .model import BONUS, Score, Standing, ident, pledge_counts

Merit = Callable[[Standing], tuple[Fraction, ...]]


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


def _bonus_scores(bonuses: Sequence[Bonus]) -> list[Score]:
    return [Score(f"{BONUS}: {b.reason}", None, b.points,
                  f"phiếu Khối, sheet {b.where.sheet}, ô {b.where.cell('Điểm')}"
                  + (f" ({b.note})" if b.note else "")) for b in bonuses]


def _best(members: Sequence[AgencyResult], metric: str) -> Fraction | None:
    """The khối's highest figure for a criterion ("cao_nhat"), None when nobody has one."""
    return max((v for v in (value(r, metric) for r in members) if v is not None), default=None)


def _scored(members: Sequence[AgencyResult], cfg: Config,
            bonuses: Mapping[str, Sequence[Bonus]]) -> list[Standing]:
    """Each member's scores (every criterion, then its extra points) and total, unranked."""
    criteria = cfg.khoi.tieu_chi
    best = {c.chi_so: _best(members, c.chi_so) for c in criteria}
    out = []
    for r in members:
        scores = [score(c, value(r, c.chi_so), best[c.chi_so]) for c in criteria]
        scores += _bonus_scores(bonuses.get(ident(r.name, r.symbol), []))
        out.append(Standing(r, tuple(scores), sum((s.points for s in scores), Fraction(0))))
    return out


def rank(members: Sequence[AgencyResult], cfg: Config,
         bonuses: Mapping[str, Sequence[Bonus]] | None = None
         ) -> tuple[list[Standing], list[Issue]]:
    """Score every member, order them (ties broken by cfg.khoi.bang_diem, then shared), and
    propose the leaders: Cờ thi đua, then Bằng khen, in the configured numbers. The standings
    in rank order, and the ties the khối must settle."""
    def merit(s: Standing) -> tuple[Fraction, ...]:
        ties = (value(s.member, m) for m in cfg.khoi.bang_diem)
        return (s.total, *(v if v is not None else Fraction(-1) for v in ties))

    ordered = sorted(_scored(members, cfg, bonuses or {}),
                     key=lambda s: (tuple(-x for x in merit(s)), fmt.word_key(s.member.name)))
    ranked: list[Standing] = []
    for i, s in enumerate(ordered):
        shared = ranked and merit(ranked[-1]) == merit(s)
        ranked.append(replace(s, rank=ranked[-1].rank if shared else i + 1))
    return _propose(ranked, cfg, merit)


def _propose(ranked: list[Standing], cfg: Config, merit: Merit
             ) -> tuple[list[Standing], list[Issue]]:
    """The awards given down the ranking, skipping (with a remark) a member that failed a
    pledge when the settings say so; a tie across the last place of an award is an issue."""
    k = cfg.khoi
    out, eligible = [], []
    for s in ranked:
        failed = pledge_counts(s.member)[schema.NOT_MET]
        if k.chi_de_nghi_khi_dat_het and failed:
            out.append(replace(s, remark=f"không đề nghị: không đạt {fmt.count(failed)} chỉ "
                                         "tiêu giao ước"))
        else:
            eligible.append(len(out))
            out.append(s)
    issues: list[Issue] = []
    start = 0
    for award, n in ((k.ten_co_thi_dua, k.co_thi_dua), (k.ten_bang_khen, k.bang_khen)):
        chosen = eligible[start:start + n]
        for i in chosen:
            out[i] = replace(out[i], award=award)
        if chosen and start + n < len(eligible):
            last, after = out[chosen[-1]], out[eligible[start + n]]
            if merit(last) == merit(after):
                tied = [out[i].member.name for i in eligible if merit(out[i]) == merit(last)]
                issues.append(issue("khoi-tie", names=fmt.join_vi(tied), points=last.total_text,
                                    award=award, left=fmt.count(n)))
        start += n
    return out, issues


def tie_rule(cfg: Config) -> str:
    """The stated rule for equal points."""
    order = "; ".join(m[0].lower() + m[1:] for m in cfg.khoi.bang_diem)
    first = (f"Cơ quan bằng tổng điểm được xếp lần lượt theo: {order} (cao hơn xếp trên); nếu "
             "vẫn bằng nhau thì đồng hạng.") if order else \
        "Cơ quan bằng tổng điểm thì đồng hạng."
    return first + " Khi số cơ quan đồng hạng vượt số suất đề nghị, Khối bình xét, biểu quyết."
