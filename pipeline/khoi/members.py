"""Who counts in the khối: its year and name, the members counted once each (the workbook's
list, or everyone found when there is none), those missing, and whose extra points are whose.
Pure functions: each returns what it decided and the problems it found."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from .. import fmt
from ..cells import key
from ..figures import result
from ..figures.result import AgencyResult
from ..issues import Issue, issue
from ..model import Bonus, KhoiBook, Member
from .model import ident


@dataclass(frozen=True)
class Chosen:
    """The members counted (in the workbook's order), the listed ones without a result, and
    what is wrong with the rest."""

    members: list[AgencyResult]
    missing: list[str]
    issues: list[Issue]


class _Lookup:
    """The khối workbook's members, found by symbol, else by name, in one look-up each."""

    def __init__(self, members: tuple[Member, ...]) -> None:
        self.by_symbol: dict[str, Member] = {}
        self.by_name: dict[str, Member] = {}
        for m in members:
            if m.symbol.strip():
                self.by_symbol.setdefault(key(m.symbol), m)
            self.by_name.setdefault(key(m.name), m)

    def find(self, name: str, symbol: str) -> Member | None:
        found = self.by_symbol.get(key(symbol)) if symbol.strip() else None
        return found or self.by_name.get(key(name))


def khoi_year(book: KhoiBook | None, found: Sequence[AgencyResult]) -> int | None:
    """The workbook's year, else the most common year of the results."""
    if book and book.year:
        return book.year
    common = Counter(r.year for r in found).most_common(1)
    return common[0][0] if common else None


def khoi_name(book: KhoiBook | None, found: Sequence[AgencyResult]) -> str:
    """The workbook's Tên khối, else the "Khối thi đua" most members gave."""
    if book:
        return str(book.info.get("Tên khối") or "")
    names = Counter(r.khoi for r in found if r.khoi)
    return names.most_common(1)[0][0] if names else ""


def choose(book: KhoiBook | None, found: Sequence[AgencyResult], year: int | None) -> Chosen:
    """Decide who counts: the listed members (or, without a list, everyone found), each
    once, of the khối's year; missing, foreign and doubled results are reported."""
    issues = [issue("khoi-year", file=r.source, agency=r.name, value=r.year, expected=year)
              for r in found if r.year != year]
    listed = book.members if book else ()
    issues += _listed_twice(listed)
    chosen, found_issues = _one_each(book, [r for r in found if r.year == year])
    issues += found_issues
    if not book:
        return Chosen(sorted(chosen.values(), key=lambda r: fmt.word_key(r.name)), [], issues)
    missing = [m for m in listed if ident(m.name, m.symbol) not in chosen]
    issues += [issue("khoi-missing", file=book.file, sheet=m.where.sheet,
                     cell=m.where.cell("Tên cơ quan"), agency=m.name) for m in missing]
    order = [ident(m.name, m.symbol) for m in listed]
    return Chosen([chosen[k] for k in order if k in chosen], [m.name for m in missing], issues)


def _listed_twice(listed: tuple[Member, ...]) -> list[Issue]:
    """The workbook's rows naming a member already listed: the same symbol, or name."""
    issues = []
    seen: set[str] = set()
    for m in listed:
        keys = {ident(m.name, m.symbol), "ten:" + key(m.name)}
        if seen & keys:
            issues.append(issue("khoi-member-twice", file=m.where.file, sheet=m.where.sheet,
                                cell=m.where.cell("Tên cơ quan"), agency=m.name))
        seen |= keys
    return issues


def _one_each(book: KhoiBook | None, found: list[AgencyResult]
              ) -> tuple[dict[str, AgencyResult], list[Issue]]:
    """Each member's result by identity: the first of two, a stranger to the list left out."""
    lookup = _Lookup(book.members if book else ())
    chosen: dict[str, AgencyResult] = {}
    issues = []
    for r in found:
        member = lookup.find(r.name, r.symbol) if book else None
        if book and member is None:
            issues.append(issue("khoi-not-member", file=r.source, agency=r.name))
            continue
        k = ident(member.name, member.symbol) if member else ident(r.name, r.symbol)
        if k in chosen:
            first = chosen[k]
            same = result.dump(first) == result.dump(r)
            issues.append(issue("khoi-duplicate-same" if same else "khoi-duplicate",
                                file=r.source, agency=r.name, first=first.source,
                                second=r.source))
            continue
        chosen[k] = r
    return chosen, issues


def bonuses(book: KhoiBook | None, members: Sequence[AgencyResult]
            ) -> tuple[dict[str, list[Bonus]], list[Issue]]:
    """The khối's extra points by member identity; a member unknown to the list is an error
    (one listed but without a result gets nothing, silently: it is reported missing)."""
    if not book:
        return {}, []
    by_key = {}
    for r in members:  # a bonus names its member by name or by symbol
        by_key[key(r.name)] = ident(r.name, r.symbol)
        if r.symbol.strip():
            by_key[key(r.symbol)] = ident(r.name, r.symbol)
    listed = {key(m.name) for m in book.members} | {key(m.symbol) for m in book.members
                                                   if m.symbol}
    out: dict[str, list[Bonus]] = {}
    issues = []
    for b in book.bonuses:
        k = key(b.agency)
        if k in by_key:
            out.setdefault(by_key[k], []).append(b)
        elif k not in listed:
            issues.append(issue("khoi-bonus-unknown", file=book.file, sheet=b.where.sheet,
                                cell=b.where.cell("Cơ quan"), agency=b.agency))
    return out, issues
