"""The year-end dossier's decisions, from the same rows as the report (issue 13): who is on
each decision of the head of agency, what each is paid, and which decision cannot be written
because someone on it breaks a rule. Pure: data in, data out.

The decisions, one per title unless `gop_danh_hieu` joins the three titles into one:
- công nhận "Lao động tiên tiến": everyone with LĐTT or CSTĐCS (CSTĐCS implies LĐTT), the
  report's figure; a CSTĐCS is paid the CSTĐCS bonus only, the highest (`muc_cao_nhat_can_cu`);
- công nhận "Chiến sĩ thi đua cơ sở";
- công nhận "Tập thể lao động tiên tiến": every collective with TTLĐTT or TTLĐXS, the report's
  "03/03"; TTLĐXS itself is conferred by the level above, on the agency's proposal, so a
  TTLĐXS collective is on this list under TTLĐTT's own conditions;
- tặng Giấy khen: every person whose "Đề nghị khen thưởng" starts with "Giấy khen".

A decision is not written when anyone on it breaks a rule: its blocking rows become issues of
severity HOLD, each at its cell, naming the decision and the reason. The report is never held.

Seam for the council (issue 14): `build` takes the candidates; by default everyone the forms put
forward (`candidates`), later only those the council passed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from .. import fmt, schema
from ..cells import key
from ..config import Basis, HoSo, Rules, Salary
from ..issues import Issue, issue
from ..model import Dataset, Person, Unit, Where
from . import rules
from .aggregate import Figures
from .money import Bonus

DECISION_DATE = "Ngày quyết định khen thưởng"
PROPOSER = "Xét đề nghị của"
GIAY_KHEN = "Giấy khen"


@dataclass(frozen=True)
class Award:
    """A title or form the agency's head confers; `key` names its coefficient in [ho_so]."""

    key: str
    title: str
    collective: bool


CSTDCS = Award("chien_si_thi_dua_co_so", schema.CSTDCS, False)
LDTT = Award("lao_dong_tien_tien", schema.LDTT, False)
TTLDTT = Award("tap_the_lao_dong_tien_tien", schema.TTLDTT, True)
GK_GROUP = Award("giay_khen_tap_the", GIAY_KHEN, True)
GK_PERSON = Award("giay_khen_ca_nhan", GIAY_KHEN, False)


@dataclass(frozen=True)
class Kind:
    """A decision of the dossier: its file key in [ho_so] (tep_…) and its lists, in order."""

    key: str
    awards: tuple[Award, ...]

    @property
    def confers_titles(self) -> bool:
        """công nhận danh hiệu (True) or tặng Giấy khen (False)."""
        return GK_PERSON not in self.awards


TITLES = (Kind("lao_dong_tien_tien", (LDTT,)), Kind("chien_si_thi_dua_co_so", (CSTDCS,)),
          Kind("tap_the_lao_dong_tien_tien", (TTLDTT,)))
COMBINED = Kind("danh_hieu_thi_dua", (CSTDCS, LDTT, TTLDTT))
COMMENDATION = Kind("giay_khen", (GK_GROUP, GK_PERSON))
TITLED = {schema.LDTT: (LDTT,), schema.CSTDCS: (CSTDCS, LDTT)}  # a person's title: their lists


@dataclass(frozen=True)
class Candidate:
    """Someone put forward for an award: a person, or a collective (`group`)."""

    award: Award
    name: str
    position: str
    unit: str  # the unit's name; a collective's own
    where: Where
    column: str  # the column holding the title or the proposal
    person: Person | None = None
    group: Unit | None = None

    @property
    def cell(self) -> str:
        return self.where.cell(self.column)


@dataclass(frozen=True)
class Line:
    """A row of a list; `bonus` None when paid under a higher title of this dossier."""

    candidate: Candidate
    bonus: Bonus | None

    @property
    def amount(self) -> int:
        return self.bonus.amount if self.bonus else 0


@dataclass(frozen=True)
class AwardList:
    award: Award
    bonus: Bonus  # each line's, unless paid elsewhere
    lines: tuple[Line, ...]

    @property
    def total(self) -> int:
        return sum(line.amount for line in self.lines)


@dataclass(frozen=True)
class Decision:
    kind: Kind
    name: str  # "quyết định công nhận danh hiệu “Lao động tiên tiến” năm 2023"
    lists: tuple[AwardList, ...]  # those with lines only
    holds: tuple[Issue, ...]  # why it is not written; none: it is

    @property
    def written(self) -> bool:
        return not self.holds

    @property
    def total(self) -> int:
        return sum(a.total for a in self.lists)

    @property
    def counts(self) -> tuple[int, int]:
        """(collectives, people) on the decision, each counted once."""
        lines = [line.candidate for a in self.lists for line in a.lines]
        return (len({id(c.group) for c in lines if c.group}),
                len({id(c.person) for c in lines if c.person}))

    @property
    def counted(self) -> str:
        """"01 tập thể và 02 cá nhân", "20 cá nhân"."""
        groups, people = self.counts
        parts = [f"{fmt.count(groups)} tập thể"] if groups else []
        parts += [f"{fmt.count(people)} cá nhân"] if people else []
        return fmt.join_vi(parts)


@dataclass(frozen=True)
class Dossier:
    year: int
    when: date  # the date the legal texts and the mức lương cơ sở are read at
    dated: date | None  # the decisions' date as entered; None: the day is left for the signer
    basis: Basis | None
    salary: Salary | None
    decisions: tuple[Decision, ...]
    issues: tuple[Issue, ...]  # what this stage adds to the check list
    proposed_by: str = ""  # after "Xét đề nghị của"; "" leaves a blank for the secretary


def candidates(data: Dataset) -> list[Candidate]:
    """Everyone the forms put forward for an award the agency's head confers."""
    out = []
    for u in data.units:
        if u.collective and u.title in (schema.TTLDTT, schema.TTLDXS):
            out.append(Candidate(TTLDTT, u.name, "", u.name, u.where, "Danh hiệu tập thể",
                                 group=u))
    for p in data.people:
        made = list(TITLED.get(p.title, ()))
        if key(p.proposal).startswith(key(GIAY_KHEN)):
            made.append(GK_PERSON)
        out += [Candidate(a, p.name, p.position, p.unit, p.where,
                          "Đề nghị khen thưởng" if a is GK_PERSON else "Danh hiệu", person=p)
                for a in made]
    return out


def build(data: Dataset, figures: Figures, settings: HoSo, rule_set: Rules, today: date,
          chosen: Sequence[Candidate] | None = None, proposed_by: str | None = None) -> Dossier:
    """The dossier's decisions. `chosen`: the candidates (default: all the forms put forward);
    `proposed_by`: who proposes them (default: the agency form's "Xét đề nghị của")."""
    info = data.agency.info
    dated = _day(info.get(DECISION_DATE)) or _day(info.get("Ngày báo cáo"))
    when = dated or today
    basis, salary = _in_force(settings.can_cu, when), _in_force(settings.luong_co_so, when)
    people = list(candidates(data) if chosen is None else chosen)
    over = rules.cstdcs_quota_issues(data, figures, rule_set)
    kinds = ((COMBINED,) if settings.gop_danh_hieu else TITLES) + (COMMENDATION,)
    order = _unit_order(data)
    decisions = []
    for kind in kinds:
        lists = _lists(kind, people, settings, salary, order)
        if lists:
            name = describe(kind, data.agency.year)
            holds = _config_holds(name, when, basis, salary)
            holds += _rule_holds(name, lists, rule_set, settings, over)
            decisions.append(Decision(kind, name, tuple(lists), tuple(holds)))
    found = _notes(data, when) if decisions else []
    found += [h for d in decisions for h in d.holds]
    if proposed_by is None:
        proposed_by = cited(info.get(PROPOSER), "Xét đề nghị của")
    return Dossier(data.agency.year, when, dated, basis, salary, tuple(decisions), tuple(found),
                   proposed_by)


def cited(text: object, lead: str) -> str:
    """A citation typed in the form, trimmed of the words and marks the decision adds."""
    said = " ".join(str(text or "").split()).rstrip(".;")
    if said.casefold().startswith(lead.casefold()):
        said = said[len(lead):].strip()
    return said


def describe(kind: Kind, year: int) -> str:
    """The decision as the check list and the console name it."""
    if not kind.confers_titles:
        return f"quyết định tặng Giấy khen năm {year}"
    if kind is COMBINED:
        return f"quyết định công nhận danh hiệu thi đua năm {year}"
    return f"quyết định công nhận danh hiệu “{kind.awards[0].title}” năm {year}"


S = TypeVar("S", Basis, Salary)


def _in_force(steps: tuple[S, ...], when: date) -> S | None:
    """The step in force on `when`: the latest starting on or before it."""
    started = [s for s in steps if s.tu_ngay <= when]
    return max(started, key=lambda s: s.tu_ngay) if started else None


def _day(value: object) -> date | None:
    return value if isinstance(value, date) else None


def _unit_order(data: Dataset) -> dict[str, int]:
    """Units in the roster's order ("Đơn vị" of the agency form), then the others."""
    order = {key(listed.name): i for i, listed in enumerate(data.agency.roster)}
    for i, u in enumerate(data.units):
        order.setdefault(key(u.name), len(data.agency.roster) + i)
    return order


def _lists(kind: Kind, people: list[Candidate], settings: HoSo, salary: Salary | None,
           order: dict[str, int]) -> list[AwardList]:
    """The decision's lists with lines: by unit in the roster's order, then by name."""
    base = salary.muc if salary else 0
    higher = {id(c.person) for c in people if c.award is CSTDCS}
    out = []
    for award in kind.awards:
        bonus = Bonus(settings.coefficient(award.key), base, settings.lam_tron)
        chosen = sorted((c for c in people if c.award is award),
                        key=lambda c: (order.get(key(c.unit), len(order)), fmt.name_key(c.name)))
        lines = tuple(Line(c, None if award is LDTT and id(c.person) in higher else bonus)
                      for c in chosen)
        if lines:
            out.append(AwardList(award, bonus, lines))
    return out


def _rule_holds(name: str, lists: list[AwardList], rule_set: Rules, settings: HoSo,
                over_quota: list[Issue]) -> list[Issue]:
    """Every rule broken by someone on the decision's lists, each once (a CSTĐCS breaking
    LĐTT's conditions is on both lists of a combined decision)."""
    found = [h for a in lists for line in a.lines
             for h in _holds(name, line.candidate, rule_set, settings, over_quota)]
    return list(dict.fromkeys(found))


def _holds(name: str, c: Candidate, rule_set: Rules, settings: HoSo,
           over_quota: list[Issue]) -> list[Issue]:
    """Why `c` may not be on the decision: each rule it breaks, at its cell."""
    if c.award is LDTT and c.person:
        broken = rules.ldtt_issues(c.person, rule_set)
    elif c.award is CSTDCS and c.person:
        broken = rules.person_issues(c.person, rule_set) + over_quota
    elif c.award is TTLDTT and c.group:
        broken = rules.ttldtt_issues(c.group, rule_set)
    else:
        return _commendation_holds(name, c, settings)
    return [_hold(name, c, b) for b in broken]


def _hold(name: str, c: Candidate, broken: Issue) -> Issue:
    """The decision held at the cell where the rule was broken; a rule agency-wide (a quota),
    at the candidate's own row."""
    if broken.cell:
        return issue("ho-so-chan", broken.file, broken.sheet, broken.cell, document=name,
                     reason=broken.message, fix=broken.fix)
    return issue("ho-so-chan", c.where.file, c.where.sheet, c.cell, document=name,
                 reason=f"{broken.message.rstrip('.')}; trong đó có {c.name} ({c.unit}).",
                 fix=broken.fix)


def _commendation_holds(name: str, c: Candidate, settings: HoSo) -> list[Issue]:
    """A year-end Giấy khen goes to people rated Hoàn thành tốt nhiệm vụ or better, not
    disciplined that year; to collectives rated so."""
    rating = c.person.rating if c.person else c.group.rating if c.group else ""
    reasons = []
    if rating not in rules.GOOD_OR_BETTER:
        reasons.append(("Xếp loại tập thể" if c.group else "Xếp loại", f"xếp loại \""
                        f"{rating or 'chưa có'}\" (cần Hoàn thành tốt nhiệm vụ trở lên)"))
    if c.person and c.person.discipline != schema.NONE:
        reasons.append(("Kỷ luật", f"bị kỷ luật \"{c.person.discipline}\""))
    who = f"{c.name} ({c.unit})" if c.person else f"Tập thể {c.name}"
    return [issue("ho-so-chan", c.where.file, c.where.sheet, c.where.cell(column),
                  document=name, reason=f"{who} được đề nghị tặng Giấy khen nhưng {why}.",
                  fix=f"Giấy khen cuối năm tặng cho người hoàn thành tốt nhiệm vụ trở lên, không "
                      f"bị kỷ luật trong năm ({settings.giay_khen_can_cu}): bỏ đề nghị hoặc "
                      "kiểm tra lại xếp loại, kỷ luật.")
            for column, why in reasons]


def _config_holds(name: str, when: date, basis: Basis | None,
                  salary: Salary | None) -> list[Issue]:
    """No legal basis, or no mức lương cơ sở, in config.toml for the decision's date."""
    missing = [("can_cu", "căn cứ pháp lý (luật, nghị định)")] if basis is None else []
    missing += [("luong_co_so", "mức lương cơ sở")] if salary is None else []
    return [issue("ho-so-can-cu", document=name, what=what, table=table, day=fmt.day(when))
            for table, what in missing]


NOTES = {
    "Quyết định thành lập": "các quyết định khen thưởng thiếu dòng căn cứ văn bản quy định chức "
                            "năng, nhiệm vụ của cơ quan",
    "Quy chế thi đua, khen thưởng": "các quyết định khen thưởng thiếu dòng căn cứ quy chế thi "
                                    "đua, khen thưởng của cơ quan",
    "Xét đề nghị của": "dòng \"Xét đề nghị của …\" của các quyết định khen thưởng để trống, "
                       "điền tay trước khi trình ký",
}


def _notes(data: Dataset, when: date) -> list[Issue]:
    """Warnings on the agency form's rows the decisions read: blank, or an unlikely date."""
    a = data.agency
    w = a.where
    out = [issue("ho-so-thieu", w.file, w.sheet, w.cell(label), column=label, effect=effect)
           for label, effect in NOTES.items() if not str(a.info.get(label) or "").strip()]
    dated = _day(a.info.get(DECISION_DATE))
    if when.year in (a.year, a.year + 1):
        return out
    if dated:
        out.append(issue("ho-so-ngay", w.file, w.sheet, w.cell(DECISION_DATE),
                         value=fmt.day(dated), year=a.year, next=a.year + 1))
    else:  # taken from the report's date or the day of the run: the secretary may not know
        source = "Ngày báo cáo" if _day(a.info.get("Ngày báo cáo")) else "ngày chạy chương trình"
        out.append(issue("ho-so-ngay-lay", w.file, w.sheet, w.cell(DECISION_DATE),
                         value=fmt.day(when), source=source, year=a.year, next=a.year + 1))
    return out
