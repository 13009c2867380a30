"""Legal rules on titles and quotas (SPEC "Rules"): warnings naming the people and units
concerned. They never change the figures: what the units entered is what is counted."""

from __future__ import annotations

import math
from fractions import Fraction

from .. import fmt, schema
from ..cells import key
from ..config import QUOTA_BASES, Rules
from ..issues import Issue, issue
from ..model import Dataset, Person, Unit
from .aggregate import Figures

GOOD_OR_BETTER = (schema.EXCELLENT, schema.GOOD)
DONE_OR_BETTER = (schema.EXCELLENT, schema.GOOD, schema.DONE)


def _at(p: Person, column: str, code: str, **fields: object) -> Issue:
    w = p.where
    return issue(code, w.file, w.sheet, w.cell(column), name=p.name, unit=p.unit, **fields)


def person_issues(p: Person, rules: Rules) -> list[Issue]:
    return ldtt_issues(p, rules) + initiative_issues(p, rules)


def ldtt_issues(p: Person, rules: Rules) -> list[Issue]:
    """Lao động tiên tiến's conditions, for anyone holding it (CSTĐCS implies it)."""
    if p.title not in schema.LDTT_TITLES:
        return []
    out = []
    code = "ldtt-rule" if p.title == schema.LDTT else "cstdcs-rule"
    basis = rules.ldtt_basis if p.title == schema.LDTT else rules.cstdcs_basis
    if p.rating not in GOOD_OR_BETTER:
        out.append(_at(p, "Xếp loại", code, basis=basis,
                       reason=f"xếp loại \"{p.rating}\" (cần Hoàn thành tốt nhiệm vụ trở lên)"))
    if p.discipline != schema.NONE:
        out.append(_at(p, "Kỷ luật", code, basis=basis, reason=f"bị kỷ luật \"{p.discipline}\""))
    return out


def initiative_issues(p: Person, rules: Rules) -> list[Issue]:
    """Chiến sĩ thi đua cơ sở's own condition: a recognised initiative."""
    if p.title == schema.CSTDCS and not p.initiative:
        return [_at(p, "Sáng kiến", "cstdcs-rule", basis=rules.cstdcs_basis,
                    reason="không có sáng kiến được công nhận")]
    return []


def cstdcs_quota_issues(data: Dataset, figures: Figures, rules: Rules) -> list[Issue]:
    """More Chiến sĩ thi đua cơ sở than the cap allows, agency-wide."""
    return _quota("cstdcs-quota", [p for p in data.people if p.title == schema.CSTDCS],
                  figures.totals["ldtt"], rules.share("cstdcs_quota_percent"),
                  rules.cstdcs_quota_basis)


def _quota(code: str, chosen: list[Person], base: int, share: Fraction, basis: str,
           **fields: str) -> list[Issue]:
    if len(chosen) <= share * base:  # exact: count <= cap x base, no rounding
        return []
    return [issue(code, count=fmt.count(len(chosen)), cap=fmt.percent(share),
                  base=fmt.count(base), limit=fmt.count(math.floor(share * base)), basis=basis,
                  names=", ".join(f"{p.name} ({p.unit})" for p in chosen), **fields)]


def _share_reason(u: Unit, need: Fraction, strict: bool) -> list[str]:
    n, ldtt = len(u.people), sum(p.title in schema.LDTT_TITLES for p in u.people)
    if n == 0:
        return ["đơn vị không có cá nhân nào"]
    if Fraction(ldtt, n) > need or (not strict and Fraction(ldtt, n) == need):
        return []
    word = "trên" if strict else "ít nhất"
    return [f"chỉ {fmt.ratio(ldtt, n)} cá nhân đạt Lao động tiên tiến "
            f"(cần {word} {fmt.percent(need)})"]


def _ttldtt_reasons(u: Unit, rules: Rules) -> list[str]:
    out = _share_reason(u, rules.share("ttldtt_min_ldtt_percent"), strict=True)
    if any(p.discipline in schema.WARNING_OR_WORSE for p in u.people):
        out.append("có cá nhân bị kỷ luật từ Cảnh cáo trở lên")
    return out


def _ttldxs_reasons(u: Unit, rules: Rules) -> list[str]:
    out = []
    low = [p.name for p in u.people if p.rating not in DONE_OR_BETTER]
    if low:
        out.append(f"có người chưa hoàn thành nhiệm vụ hoặc chưa xếp loại: {', '.join(low)}")
    out += _share_reason(u, rules.share("ttldxs_min_ldtt_percent"), strict=False)
    if not any(p.title == schema.CSTDCS for p in u.people):
        out.append("không có cá nhân nào đạt Chiến sĩ thi đua cơ sở")
    if any(p.discipline != schema.NONE for p in u.people):
        out.append("có cá nhân bị kỷ luật")
    return out


def ttldtt_issues(u: Unit, rules: Rules) -> list[Issue]:
    """Tập thể lao động tiên tiến's conditions, for a collective holding it or the higher
    Tập thể lao động xuất sắc (which the level above confers)."""
    if not u.collective or u.title not in (schema.TTLDTT, schema.TTLDXS):
        return []
    w = u.where
    return [issue("ttldtt-rule", w.file, w.sheet, w.cell("Danh hiệu tập thể"), unit=u.name,
                  reason=r, basis=rules.collective_basis) for r in _ttldtt_reasons(u, rules)]


def collective_issues(u: Unit, rules: Rules) -> list[Issue]:
    """A collective title checked against its conditions (TTLĐXS implies TTLĐTT's)."""
    if not u.collective or u.title not in schema.TTLDTT_TITLES:
        return []
    excellent = u.title == schema.TTLDXS
    reasons = (_ttldxs_reasons if excellent else _ttldtt_reasons)(u, rules)
    w = u.where
    return [issue("ttldxs-rule" if excellent else "ttldtt-rule", w.file, w.sheet,
                  w.cell("Danh hiệu tập thể"), unit=u.name, reason=r,
                  basis=rules.collective_basis) for r in reasons]


def check_rules(data: Dataset, figures: Figures, rules: Rules) -> list[Issue]:
    """Every rule breach, as a warning."""
    people = data.people
    out = [i for p in people for i in person_issues(p, rules)]
    out += cstdcs_quota_issues(data, figures, rules)
    base = rules.excellent_quota_base
    out += _quota("excellent-quota", [p for p in people if p.rating == schema.EXCELLENT],
                  figures.totals["good"] if base == "tot_tro_len"
                  else sum(p.rating == schema.GOOD for p in people),
                  rules.share("excellent_quota_percent"), rules.excellent_quota_basis,
                  who=QUOTA_BASES[base])
    out += [i for u in data.units for i in collective_issues(u, rules)]
    out += [issue("task-no-date", t.where.file, t.where.sheet, t.where.cell("Ngày hoàn thành"),
                  task=t.content) for t in figures.tasks.undated]
    known = {key(d.number) for d in data.agency.documents}
    out += [issue("unknown-document", m.where.file, m.where.sheet, m.where.cell("Văn bản"),
                  value=n) for m in data.agency.movements for n in m.documents
            if key(n) not in known]
    return out
