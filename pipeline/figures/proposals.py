"""What the agency proposes to the level above (the tờ trình of issue 14), from the same rows as
the report: each person's "Đề nghị khen thưởng" other than a Giấy khen (the agency's head gives
those), and each collective with "Tập thể lao động xuất sắc" (the Chủ tịch UBND tỉnh confers it).
Pure: data in, data out.

A proposal whose prerequisite of this year fails is not sent (a HOLD on the tờ trình, at its
cell): Chiến sĩ thi đua cấp tỉnh needs Chiến sĩ thi đua cơ sở this year; Tập thể lao động xuất
sắc needs its criteria. What needs the years before (three Chiến sĩ thi đua cơ sở in a row, two
years of Hoàn thành xuất sắc nhiệm vụ for a Bằng khen…) cannot be seen in one year's forms: it
is listed for the secretary to check ("cần đối chiếu hồ sơ các năm trước"), never guessed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .. import schema
from ..cells import key
from ..config import Rules
from ..issues import Issue, issue
from ..model import Dataset
from . import rules
from .decisions import GIAY_KHEN, Award, Candidate

SUBMISSION = "tờ trình đề nghị khen thưởng"
PROVINCIAL = "Chiến sĩ thi đua cấp"  # "… cấp tỉnh", "… cấp bộ, ban, ngành, tỉnh"
NATIONAL = "Chiến sĩ thi đua toàn quốc"
# The start of an award's name: what its standard needs from the years before (Luật Thi đua,
# khen thưởng 2022 and its decrees; to be checked against the text in force).
EARLIER: tuple[tuple[str, str], ...] = (
    (PROVINCIAL, "03 lần liên tục đạt danh hiệu Chiến sĩ thi đua cơ sở, tính cả năm nay; sáng "
                 "kiến có hiệu quả, phạm vi ảnh hưởng cấp tỉnh"),
    (NATIONAL, "02 lần liên tục đạt danh hiệu Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh; sáng "
               "kiến có phạm vi ảnh hưởng toàn quốc"),
    ("Bằng khen", "tiêu chuẩn của hình thức này, ví dụ 02 năm liên tục hoàn thành xuất sắc nhiệm "
                  "vụ, các sáng kiến được công nhận"),
    ("Huân chương", "thành tích, khen thưởng của các năm trước theo tiêu chuẩn của hình thức này"),
)
ELSEWHERE = "tiêu chuẩn của hình thức này theo quy định hiện hành"


def proposed(data: Dataset) -> list[Candidate]:
    """Everyone the forms propose to the level above, collectives first, in the forms' order."""
    out = [Candidate(Award("de_nghi", schema.TTLDXS, True), u.name, "", u.name, u.where,
                     "Danh hiệu tập thể", group=u)
           for u in data.units if u.collective and u.title == schema.TTLDXS]
    out += [Candidate(Award("de_nghi", p.proposal, False), p.name, p.position, p.unit, p.where,
                      "Đề nghị khen thưởng", person=p)
            for p in data.people if p.proposal and not _starts(p.proposal, GIAY_KHEN)]
    return out


def _starts(text: str, lead: str) -> bool:
    return key(text).startswith(key(lead))


def who(c: Candidate) -> str:
    """"Lê Văn Hùng (Phòng Chính sách dân tộc)", "Tập thể Văn phòng Ban"."""
    return f"Tập thể {c.name}" if c.group else f"{c.name} ({c.unit})"


def prerequisites(c: Candidate, rule_set: Rules) -> list[Issue]:
    """Why `c` may not be proposed, on this year's data: a HOLD on the tờ trình at its cell."""
    title = c.award.title
    if c.group and title == schema.TTLDXS:
        return [_hold(c, f.message, f.fix, f.cell)
                for f in rules.collective_issues(c.group, rule_set)]
    if c.person and _starts(title, PROVINCIAL):
        if c.person.title != schema.CSTDCS:
            return [_hold(c, f"{who(c)} năm nay không đạt danh hiệu Chiến sĩ thi đua cơ sở "
                             f"(danh hiệu: \"{c.person.title}\").",
                          "Chiến sĩ thi đua cấp tỉnh được xét trong số những cá nhân đạt Chiến "
                          "sĩ thi đua cơ sở: bỏ đề nghị, hoặc kiểm tra lại danh hiệu.",
                          c.where.cell("Danh hiệu"))]
        return [_hold(c, f.message, f.fix, f.cell)
                for f in rules.person_issues(c.person, rule_set)]
    return []


def _hold(c: Candidate, reason: str, fix: str, cell: str) -> Issue:
    return issue("ho-so-dieu-kien", c.where.file, c.where.sheet, cell or c.cell,
                 document=SUBMISSION, award=c.award.title, reason=reason, fix=fix)


def earlier_years(c: Candidate) -> Issue | None:
    """What the award needs from the years before, for the secretary to check (a warning)."""
    if c.group:
        return None
    need = next((text for lead, text in EARLIER if _starts(c.award.title, lead)), ELSEWHERE)
    # at the file: the form is not wrong, no copy is sent back to the unit for it
    return issue("ho-so-doi-chieu", c.where.file, who=who(c),
                 award=c.award.title, need=need)


@dataclass(frozen=True)
class Submission:
    """The tờ trình: the proposals it carries, what holds it, what to check by hand."""

    proposals: tuple[Candidate, ...]  # passed by the council (or all, without a bình xét)
    holds: tuple[Issue, ...]  # why it is not written: a failed prerequisite, a missing vote
    issues: tuple[Issue, ...]  # its own, for the check list (the council's holds are its own)

    @property
    def written(self) -> bool:
        return bool(self.proposals) and not self.holds


def submission(data: Dataset, rule_set: Rules, carried: Sequence[Candidate] | None = None,
               unvoted_holds: Sequence[Issue] = ()) -> Submission | None:
    """The tờ trình of the proposals `carried` (default: all the forms make); None when there
    is nothing to propose."""
    every = proposed(data)
    chosen = tuple(every if carried is None else [c for c in every if c in carried])
    if not chosen:
        return None
    found = [h for c in chosen for h in prerequisites(c, rule_set)]
    notes = [n for c in chosen if (n := earlier_years(c)) is not None]
    return Submission(chosen, tuple(found) + tuple(unvoted_holds), tuple(found + notes))
