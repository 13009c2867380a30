"""The checked data of one run: plain frozen records, each knowing where it came from."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction

from . import fmt
from .cells import cell_ref


@dataclass(frozen=True)
class Where:
    """The file, sheet and 0-based row a record was read from, and where its values are:
    `cols` (column name -> 0-based index) is one mapping shared by every row of a sheet;
    `cells` names cells directly (a "Thông tin" sheet, one value per row)."""

    file: str
    sheet: str
    row: int
    cells: Mapping[str, str] = field(default_factory=dict, compare=False, hash=False)
    cols: Mapping[str, int] = field(default_factory=dict, compare=False, hash=False)

    def cell(self, column: str) -> str:
        if column in self.cols:
            return cell_ref(self.row, self.cols[column])
        return self.cells.get(column, "")


@dataclass(frozen=True)
class Person:
    name: str
    birth_year: int | None
    position: str
    staff_type: str
    rating: str
    title: str
    initiative: str
    discipline: str
    proposal: str
    note: str
    unit: str
    where: Where


@dataclass(frozen=True)
class Unit:
    name: str
    year: int
    collective: bool
    rating: str  # "" when not a collective
    title: str
    people: tuple[Person, ...]
    where: Where  # its "Thông tin", with the cells of its values

    @property
    def file(self) -> str:
        return self.where.file


@dataclass(frozen=True)
class Pledge:
    text: str
    metric: str  # "" for a qualitative pledge
    target: Fraction | None
    result: str  # entered result of a qualitative pledge
    note: str
    where: Where


@dataclass(frozen=True)
class Task:
    content: str
    assigned_by: str
    deadline: date | None
    done_on: date | None
    state: str
    unit: str
    note: str
    where: Where


@dataclass(frozen=True)
class Document:
    doc_type: str
    number: str
    issued: date
    summary: str
    section: str
    where: Where

    @property
    def citation(self) -> str:
        """"Kế hoạch số 128/KH-BDT ngày 28/02/2023", as the reference cites it."""
        return f"{self.doc_type} số {self.number} ngày {fmt.day(self.issued)}"


@dataclass(frozen=True)
class Movement:
    name: str
    result: str
    documents: tuple[str, ...]
    where: Where


@dataclass(frozen=True)
class Note:
    """A row of "Nhận định": the agency's own text for one part of the report."""

    section: str  # one of schema.NOTE_SECTIONS
    title: str  # opens a numbered sub-part when given
    text: str  # paragraphs separated by line breaks; may be empty under a title
    where: Where


@dataclass(frozen=True)
class Listed:
    """A row of the agency's "Đơn vị": a unit that must send a workbook."""

    name: str
    note: str
    where: Where


@dataclass(frozen=True)
class Councillor:
    """A row of the agency's "Hội đồng": a member of its Hội đồng Thi đua - Khen thưởng."""

    name: str
    position: str
    role: str  # one of schema.COUNCIL_ROLES
    present: bool
    where: Where


@dataclass(frozen=True)
class Vote:
    """A row of "Bình xét": the council's votes for one candidate and one title or award."""

    subject: str  # a person's Họ và tên or a unit's Tên đơn vị
    unit: str
    birth_year: int | None
    award: str
    votes: int
    where: Where


@dataclass(frozen=True)
class Agency:
    info: dict[str, object]  # "Thông tin" by Mục label
    pledges: tuple[Pledge, ...]
    tasks: tuple[Task, ...]
    documents: tuple[Document, ...]
    movements: tuple[Movement, ...]
    notes: tuple[Note, ...]
    where: Where  # its "Thông tin", with the cells of its values
    roster: tuple[Listed, ...] = ()  # empty: a form of the previous version, or not filled
    council: tuple[Councillor, ...] = ()  # "Hội đồng" (issue 14)
    votes: tuple[Vote, ...] = ()  # "Bình xét": empty, the dossier is made from the data alone

    @property
    def file(self) -> str:
        return self.where.file

    @property
    def name(self) -> str:
        return str(self.info["Tên cơ quan"])

    @property
    def year(self) -> int:
        return int(self.info["Năm"])  # type: ignore[call-overload]


@dataclass(frozen=True)
class Dataset:
    agency: Agency
    units: tuple[Unit, ...]
    files: tuple[str, ...] = field(default=())

    @property
    def people(self) -> tuple[Person, ...]:
        return tuple(p for u in self.units for p in u.people)


@dataclass(frozen=True)
class Member:
    """A row of the khối workbook's "Thành viên"."""

    name: str
    symbol: str
    where: Where


@dataclass(frozen=True)
class Bonus:
    """A row of "Điểm cộng": extra points (negative: deducted) the khối gives a member."""

    agency: str  # name or symbol, as typed
    reason: str
    points: Fraction
    note: str
    where: Where


@dataclass(frozen=True)
class KhoiBook:
    """The khối workbook: who belongs, extra points, and what the khối report is signed with."""

    info: dict[str, object]
    members: tuple[Member, ...]
    bonuses: tuple[Bonus, ...]
    where: Where

    @property
    def file(self) -> str:
        return self.where.file

    @property
    def year(self) -> int:
        return int(self.info["Năm"] or 0)  # type: ignore[call-overload]
