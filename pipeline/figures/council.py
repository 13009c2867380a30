"""The Hội đồng Thi đua - Khen thưởng's bình xét (issue 14): the votes of "Bình xét" matched to
the candidacies the forms put forward, judged against the quorum and each title's threshold
(the agency's quy chế, in [ho_so]) on exact fractions. Pure: data in, data out.

- A vote for someone the data does not have, among namesakes not told apart, for a title the
  data does not give them, twice, or with more votes than members present: a data error naming
  its row, as a value outside its list is (the form is wrong; the run stops at the check list).
- Without quorum nothing passes; a candidacy below its threshold is not carried into the
  decisions or the tờ trình: a warning at its row; the biên bản says so.
- Someone with a title or a proposal in the data and no vote: every document that would carry
  them is held (HOLD: the biên bản, and their decision or the tờ trình), never the report.
- Chiến sĩ thi đua cơ sở includes Lao động tiên tiến: without its own row, the LĐTT of a CSTĐCS
  is judged on the CSTĐCS votes (who agrees to the one agrees to the other) against LĐTT's own
  threshold; a Tập thể lao động xuất sắc's Tập thể lao động tiên tiến likewise.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from fractions import Fraction

from .. import fmt, schema
from ..cells import key
from ..config import OTHER_AWARDS, VOTE_BASES, HoSo, Threshold, share_of
from ..issues import Issue, issue
from ..model import Councillor, Dataset, Person, Unit, Vote
from . import decisions, proposals
from .decisions import GK_PERSON, Candidate, Dossier

MINUTES = "biên bản họp Hội đồng Thi đua - Khen thưởng"
COLLECTIVE = (schema.TTLDTT, schema.TTLDXS)
IMPLIED = {schema.LDTT: schema.CSTDCS, schema.TTLDTT: schema.TTLDXS}  # title: the one above
Target = Person | Unit


@dataclass(frozen=True)
class Verdict:
    """A candidacy as the council voted on it."""

    candidate: Candidate
    title: str  # as the data gives it ("Lao động tiên tiến", a person's own proposal)
    vote: Vote
    threshold: Threshold
    base: int  # the members the share is taken of: present, or all
    quorate: bool
    implied: bool = False  # judged on the votes for the title above it

    @property
    def share(self) -> Fraction:
        return Fraction(self.vote.votes, self.base) if self.base else Fraction(0)

    @property
    def passed(self) -> bool:
        """Exact: more than the share ("tren"), or at least it ("tu"); nothing without quorum."""
        if not self.quorate or not self.base:
            return False
        need = self.threshold.share
        return self.share > need if self.threshold.so_sanh == "tren" else self.share >= need


@dataclass(frozen=True)
class Council:
    members: tuple[Councillor, ...]
    quorum: Fraction  # the share of the members that must be present
    verdicts: tuple[Verdict, ...]  # in the forms' order of the candidacies
    unvoted: tuple[Candidate, ...]  # candidacies with no vote: their documents are held
    holds: tuple[Issue, ...]  # one per unvoted candidacy, naming the documents it holds
    issues: tuple[Issue, ...]  # data errors and warnings, for the check list

    @property
    def present(self) -> tuple[Councillor, ...]:
        return tuple(m for m in self.members if m.present)

    @property
    def quorate(self) -> bool:
        return bool(self.members) and Fraction(len(self.present), len(self.members)) >= self.quorum

    def role(self, role: str) -> Councillor | None:
        return next((m for m in self.members if m.role == role), None)

    @property
    def chair(self) -> Councillor | None:
        """Who presides: the Chủ tịch, or when absent the first Phó Chủ tịch present."""
        chair = self.role(schema.CHAIR)
        if chair and chair.present:
            return chair
        return next((m for m in self.present if m.role == schema.VICE_CHAIR), chair)

    def verdict(self, c: Candidate) -> Verdict | None:
        return {_key(v.candidate): v for v in self.verdicts}.get(_key(c))

    def carried(self, candidates: Iterable[Candidate]) -> list[Candidate]:
        """The candidates the council passed, and those it did not vote on (their documents are
        held): the ones a document may name."""
        verdicts = {_key(v.candidate): v for v in self.verdicts}
        unvoted = {_key(c) for c in self.unvoted}
        return [c for c in candidates
                if _key(c) in unvoted or (_key(c) in verdicts and verdicts[_key(c)].passed)]

    @property
    def declined(self) -> tuple[Person, ...]:
        """The people whose own proposal (Đề nghị khen thưởng) the council did not pass: the
        agency does not put them forward, so its report does not either."""
        return tuple(v.candidate.person for v in self.verdicts if v.candidate.person
                     and not v.passed and v.title == v.candidate.person.proposal)

    def hold_of(self, c: Candidate) -> Issue | None:
        """The hold a candidacy without a vote puts on its documents."""
        return {_key(u): h for u, h in zip(self.unvoted, self.holds, strict=True)}.get(_key(c))


def _key(c: Candidate) -> tuple[int, str]:
    """A candidacy as votes name it: who (the very record), and the title's matching key."""
    return id(c.person or c.group), key(title_of(c))


def cite(data: Dataset) -> str:
    """"Hội đồng Thi đua - Khen thưởng tại cuộc họp ngày 10/01/2024": the decisions' "Xét đề
    nghị của …"."""
    day = data.agency.info.get(schema.MEETING_DATE)
    said = fmt.day(day) if isinstance(day, date) else "…"
    return f"Hội đồng Thi đua - Khen thưởng tại cuộc họp ngày {said}"


def held(made: Dossier, met: Council) -> Dossier:
    """The decisions with the holds of the candidacies on them that the council did not vote
    on: such a decision is not written."""
    out = []
    for d in made.decisions:
        extra = tuple(h for c, h in zip(met.unvoted, met.holds, strict=True)
                      if c.award in d.kind.awards)
        out.append(replace(d, holds=d.holds + extra) if extra else d)
    return replace(made, decisions=tuple(out))


def title_of(c: Candidate) -> str:
    """The title or award a candidacy is voted under: a Giấy khen as the person's form says."""
    return c.person.proposal if c.award is GK_PERSON and c.person else c.award.title


def candidacies(data: Dataset) -> list[Candidate]:
    """Everything the forms put forward: the head's titles and Giấy khen, then the proposals."""
    return decisions.candidates(data) + proposals.proposed(data)


def review(data: Dataset, settings: HoSo) -> Council | None:
    """The council's verdicts, or None when "Bình xét" is empty (the dossier is then made from
    the data alone and no biên bản is written)."""
    agency = data.agency
    if not agency.votes:
        return None
    members = agency.council
    quorum = share_of(settings.hoi_dong_dinh_so) or Fraction(0)
    quorate = bool(members) and Fraction(sum(m.present for m in members), len(members)) >= quorum
    every = candidacies(data)
    matched, found = _match(agency.votes, data, every)
    found += _too_many(agency.votes, members)
    verdicts = _verdicts(every, matched, members, quorate, settings)
    voted = {id(v.candidate) for v in verdicts}
    unvoted = tuple(c for c in every if id(c) not in voted)
    holds = tuple(_hold(c, data, settings) for c in unvoted)
    if members and not quorate:
        found.append(issue("no-quorum", agency.file,
                           present=fmt.count(sum(m.present for m in members)),
                           total=fmt.count(len(members)), rule=quorum_rule(settings)))
    else:
        found += [_failed(v) for v in verdicts if not v.passed]
    return Council(members, quorum, tuple(verdicts), unvoted, holds, tuple(found))


def quorum_rule(settings: HoSo) -> str:
    return f"từ {settings.hoi_dong_dinh_so.strip()} tổng số thành viên Hội đồng trở lên có mặt"


def threshold(title: str, settings: HoSo) -> Threshold:
    """The rule for a title: the setting naming it, or the start of its name (the longest),
    else OTHER_AWARDS's."""
    named = [t for t in settings.nguong_phieu if key(title).startswith(key(t.danh_hieu))]
    if named:
        return max(named, key=lambda t: len(key(t.danh_hieu)))
    return next(t for t in settings.nguong_phieu if key(t.danh_hieu) == key(OTHER_AWARDS))


# --- matching the votes ---------------------------------------------------------------------

def _match(votes: Sequence[Vote], data: Dataset, every: list[Candidate]
           ) -> tuple[dict[tuple[int, str], tuple[Candidate, Vote]], list[Issue]]:
    """Each vote to its candidacy, keyed (target, title); a row that matches none is an error."""
    by_key = {_key(c): c for c in every}
    matched: dict[tuple[int, str], tuple[Candidate, Vote]] = {}
    found: list[Issue] = []
    for v in votes:
        targets = _targets(v, data)
        if len(targets) != 1:
            found.append(_unknown(v, data) if not targets else _namesakes(v, targets))
            continue
        k = (id(targets[0]), key(v.award))
        if k not in by_key:
            found.append(_not_given(v, targets[0], every))
        elif k in matched:
            found.append(_at(v, "Đối tượng", "vote-twice", who=_who(targets[0]), award=v.award,
                             row=matched[k][1].where.row + 1))
        else:
            matched[k] = (by_key[k], v)
    return matched, found


def _targets(v: Vote, data: Dataset) -> list[Target]:
    """The units (a collective title) or people a vote's row names: the name as the forms
    compare names (NFC, spacing, tone placement), then its unit and year of birth if given."""
    name = fmt.word_key(v.subject)
    if key(v.award) in {key(t) for t in COLLECTIVE}:
        return [u for u in data.units if fmt.word_key(u.name) == name]
    people = [p for p in data.people if fmt.word_key(p.name) == name]
    if v.unit:
        people = [p for p in people if fmt.word_key(p.unit) == fmt.word_key(v.unit)]
    if v.birth_year is not None:
        people = [p for p in people if p.birth_year == v.birth_year]
    return list(people)


def _at(v: Vote, column: str, code: str, **fields: object) -> Issue:
    return issue(code, v.where.file, v.where.sheet, v.where.cell(column), **fields)


def _who(t: Target) -> str:
    if isinstance(t, Unit):
        return f"Tập thể {t.name}"
    born = f", sinh năm {t.birth_year}" if t.birth_year else ""
    return f"{t.name} ({t.unit}{born})"


def _unknown(v: Vote, data: Dataset) -> Issue:
    collective = key(v.award) in {key(t) for t in COLLECTIVE}
    known = [u.name for u in data.units] if collective else [p.name for p in data.people]
    hint = fmt.did_you_mean(v.subject, known)
    if not collective and any(fmt.word_key(u.name) == fmt.word_key(v.subject)
                              for u in data.units):
        hint = (" Đây là tên một đơn vị: tập thể chỉ được bình xét danh hiệu Tập thể lao động "
                "tiên tiến, Tập thể lao động xuất sắc.")
    elif not collective and any(fmt.word_key(p.name) == fmt.word_key(v.subject)
                                for p in data.people):
        hint = " Có người tên này nhưng khác Đơn vị hoặc Năm sinh đã ghi ở dòng này."
    what = "đơn vị (tập thể) nào tên này" if collective else "cá nhân nào tên này"
    return _at(v, "Đối tượng", "vote-unknown", subject=v.subject, what=what, hint=hint)


def _namesakes(v: Vote, targets: list[Target]) -> Issue:
    return _at(v, "Đối tượng", "vote-namesake", subject=v.subject, count=fmt.count(len(targets)),
               who="; ".join(_who(t) for t in targets))


def _not_given(v: Vote, target: Target, every: list[Candidate]) -> Issue:
    given = [f"\"{title_of(c)}\"" for c in every if (c.person or c.group) is target]
    said = "phiếu ghi " + ", ".join(given) if given else "không có danh hiệu, đề nghị nào"
    return _at(v, "Danh hiệu, hình thức", "vote-not-given", award=v.award, who=_who(target),
               given=said)


def _too_many(votes: Sequence[Vote], members: Sequence[Councillor]) -> list[Issue]:
    present = sum(m.present for m in members)
    if not members:
        return []  # reported as a council without members
    return [_at(v, "Số phiếu đồng ý", "vote-too-many", votes=v.votes, present=fmt.count(present))
            for v in votes if v.votes > present]


# --- the verdicts -----------------------------------------------------------------------------

def _verdicts(every: list[Candidate], matched: dict[tuple[int, str], tuple[Candidate, Vote]],
              members: Sequence[Councillor], quorate: bool, settings: HoSo) -> list[Verdict]:
    present = sum(m.present for m in members)
    out = []
    for c in every:
        target, title = id(c.person or c.group), title_of(c)
        found = matched.get((target, key(title)))
        above = IMPLIED.get(title)
        if found is None and above is not None:
            found = matched.get((target, key(above)))
        if found is None:
            continue
        rule = threshold(title, settings)
        base = present if rule.tinh_tren == "co_mat" else len(members)
        out.append(Verdict(c, title, found[1], rule, base, quorate,
                           implied=key(found[1].award) != key(title)))
    return out


def _failed(v: Verdict) -> Issue:
    c = v.candidate
    who = proposals.who(c) + (f" (tính theo phiếu \"{v.vote.award}\")" if v.implied else "")
    where = "tờ trình đề nghị cấp trên" if c.award.key == "de_nghi" else "quyết định khen thưởng"
    # at the file, not the cell: nothing in the form is wrong, no copy is sent back for it
    return issue("vote-failed", v.vote.where.file, row=v.vote.where.row + 1, who=who,
                 award=v.title, votes=fmt.count(v.vote.votes),
                 share=f"{fmt.percent(v.share)} {VOTE_BASES[v.threshold.tinh_tren]}",
                 rule=v.threshold.rule, where=where)


def documents_of(c: Candidate, settings: HoSo, year: int) -> str:
    """The dossier's document that would carry `c`: its decision, or the tờ trình."""
    if c.award.key == "de_nghi":
        return proposals.SUBMISSION
    if c.award is GK_PERSON or c.award is decisions.GK_GROUP:
        return decisions.describe(decisions.COMMENDATION, year)
    if settings.gop_danh_hieu:
        return decisions.describe(decisions.COMBINED, year)
    kind = next(k for k in decisions.TITLES if c.award in k.awards)
    return decisions.describe(kind, year)


def _hold(c: Candidate, data: Dataset, settings: HoSo) -> Issue:
    a = data.agency
    return issue("ho-so-chua-binh-xet", a.file,
                 document=f"{MINUTES} và {documents_of(c, settings, a.year)}",
                 who=proposals.who(c), award=f"\"{title_of(c)}\"")
