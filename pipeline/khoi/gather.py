"""Reading the khối folder: the khối workbook, each member's result file, and each member folder
of workbooks, checked like an agency run (nothing of it is written)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from .. import job
from ..config import Config
from ..errors import UsageError
from ..figures import result
from ..figures.result import AgencyResult, ResultError
from ..issues import Issue, blocking, issue
from ..model import Agency, KhoiBook
from ..reading import read, validate

PARALLEL_MIN = 4  # member folders; fewer are checked faster than a process pool starts


@dataclass(frozen=True)
class Gathered:
    """What the khối folder holds: its workbook, every member result, what is wrong."""

    book: KhoiBook | None
    results: list[AgencyResult]
    issues: list[Issue]


def gather(folder: Path, cfg: Config, progress: job.Progress) -> Gathered:
    """Every member result of the folder (result files, then member folders), the khối
    workbook, and what is wrong with any of them."""
    if not folder.is_dir():
        raise UsageError(f"Không có thư mục của khối {folder}.")
    paths, listed = read.list_inputs(folder, members=True)
    issues = [i for i in listed if not (i.code == "not-a-workbook"
                                        and i.file.lower().endswith(".json"))]
    book, found = _khoi_book(paths, progress)
    files, found_in_files = _result_files(folder, progress)
    folders, found_in_folders = _member_folders(folder, cfg, progress)
    return Gathered(book, files + folders, issues + found + found_in_files + found_in_folders)


def _khoi_book(paths: list[Path], progress: job.Progress) -> tuple[KhoiBook | None, list[Issue]]:
    """The khối workbook among the workbooks at the top of the folder (the first of two)."""
    chosen: KhoiBook | None = None
    issues: list[Issue] = []
    for path in paths:
        raw = read.read_book(path)
        book, found = (None, [raw]) if isinstance(raw, Issue) else validate.parse_book(raw)
        issues += found
        if isinstance(book, KhoiBook):
            progress(path.name, f"phiếu Khối: {book.info.get('Tên khối') or ''}")
            if chosen is not None:
                issues.append(issue("khoi-two-books", count=2, files=f"{chosen.file}, {book.file}"))
            chosen = chosen or book
        elif book is not None:
            what = "Cơ quan" if isinstance(book, Agency) else "Đơn vị"
            issues.append(issue("khoi-agency-book", file=path.name, what=what))
            progress(path.name, f"phiếu {what}: phải nằm trong thư mục con của cơ quan")
        else:
            progress(path.name, "không đọc được")
    return chosen, issues


def _result_files(folder: Path, progress: job.Progress) -> tuple[list[AgencyResult], list[Issue]]:
    """The members' result files (ket_qua_<year>.json, any name) at the top of the folder."""
    found: list[AgencyResult] = []
    issues: list[Issue] = []
    for path in sorted(folder.glob("*.json"), key=lambda p: p.name):
        if path.is_symlink() or not path.is_file():
            continue
        try:
            r = result.read(path)
        except ResultError as exc:
            issues.append(issue("khoi-bad-result", file=path.name, reason=exc))
            progress(path.name, "không dùng được")
            continue
        progress(path.name, f"kết quả của {r.name}, năm {r.year}")
        found.append(r)
    return found, issues


def _member_folders(folder: Path, cfg: Config, progress: job.Progress
                    ) -> tuple[list[AgencyResult], list[Issue]]:
    """Each subfolder checked as one member's workbooks, in a process pool when there are
    many."""
    folders = sorted((p for p in folder.iterdir() if p.is_dir() and not p.is_symlink()
                      and not p.name.startswith((".", "_"))), key=lambda p: p.name)
    found: list[AgencyResult] = []
    issues: list[Issue] = []
    processes = job.workers(len(folders), PARALLEL_MIN)
    with job.pool_map(partial(_member_folder, cfg=cfg), folders, processes) as checked:
        for path, (data, found_issues) in zip(folders, checked, strict=True):
            issues += found_issues
            if data is None:
                progress(path.name + "/", "còn lỗi, chưa tính được")
                continue
            r = result.parse(data, path.name + "/")
            progress(path.name + "/", f"phiếu của {r.name}, năm {r.year}")
            found.append(r)
    return found, issues


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
