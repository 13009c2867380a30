"""Writing outputs safely: a run's files appear under names no earlier file has, as a whole set.

A run's set can never appear in one step (the layout `output/<year>/<files>` is fixed, and
no system renames several files at once), so `publish` makes the set *complete before any of
it shows* and *completable if anything stops it while it shows*:

1. Every file is written and flushed inside a hidden staging folder `.dang_ghi_<random>/`
   beside the outputs. A run stopped here (error, Ctrl-C, killed) has placed nothing.
2. The whole set's free names (one "_2", "_3"… suffix for all) go into a plan,
   `ke_hoach.json`, written atomically in the staging folder: the set is now complete.
3. Each file is moved into place, in the writers' order (a hard link then an unlink, so an
   existing file is never replaced). An error or Ctrl-C here finishes the moves before it
   is passed on; a kill (a window of microseconds) leaves the plan, and the next run into
   the folder finishes the moves first. So a set is whole, or absent, or being finished.
4. The staging folder is removed; the next run removes any that a killed run left.

One run at a time writes into a folder (a lock file, `.dang_ghi_khoa`, held meanwhile and
released by the system if the run is killed): a second run waits, and a run's cleanup never
takes another, living run's staging folder for a dead one's.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO, Any

from ..errors import OutputError, ThiduaError, UsageError

STAGING_PREFIX = ".dang_ghi_"
LOCK_NAME = STAGING_PREFIX + "khoa"
PLAN_NAME = "ke_hoach.json"
LOCK_WAIT = 60.0  # seconds; a run's publishing takes well under one
BUSY = {errno.EACCES, errno.EAGAIN, errno.EWOULDBLOCK, errno.EDEADLK}

FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
DENIED = {errno.EACCES, errno.EPERM, errno.EROFS}
ELSEWHERE = ("chọn nơi ghi khác (tùy chọn --output, hoặc mục [paths] của config.toml) rồi chạy "
             "lại")

Plan = list[tuple[str, str]]  # (staged name, final name), in the order they are placed


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def free_names(folder: Path, names: list[str]) -> list[str]:
    """The names, or all with the same "_2", "_3"… suffix, so that none exists yet."""
    n = 1
    while True:
        chosen = names if n == 1 else [_suffixed(name, n) for name in names]
        if not any(os.path.lexists(folder / name) for name in chosen):
            return chosen
        n += 1


def _suffixed(name: str, n: int) -> str:
    stem, dot, ext = name.rpartition(".")
    return f"{stem}_{n}.{ext}" if dot else f"{name}_{n}"


def publish(folder: Path, writers: dict[str, Callable[[Path], None]]) -> list[Path]:
    """Run each writer on a staged file, then place the whole set under free names.
    A writer may write nothing (a copy it could not make): its name is left out. A name may
    hold a subfolder ("ho_so/quyet_dinh_2023.docx"): it is made when the file is placed."""
    with writing(folder):
        folder.mkdir(parents=True, exist_ok=True)
        with exclusive(folder):
            _recover(folder)
            stage = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=folder))
            try:
                for name, write in writers.items():
                    (stage / name).parent.mkdir(parents=True, exist_ok=True)  # "ho_so/…"
                    write(stage / name)
                names = [name for name in writers if (stage / name).is_file()]
                plan = list(zip(names, free_names(folder, names), strict=True))
                _write_plan(stage, plan)
            except BaseException:  # nothing placed yet: nothing of this run stays
                shutil.rmtree(stage, ignore_errors=True)
                raise
            return _finish(folder, stage, plan)


def recover(folder: Path) -> None:
    """Finish the moves of runs killed while placing their files; remove their staging."""
    if folder.is_dir():
        with writing(folder), exclusive(folder):
            _recover(folder)


@contextmanager
def writing(folder: Path) -> Iterator[None]:
    """Turn a failed write under `folder` (full disk, no permission, a file where a folder
    should be) into an OutputError telling the user what to do: their fix, not our bug."""
    try:
        yield
    except ThiduaError:
        raise
    except Exception as exc:
        cause = _os_error(exc)
        if cause is None:
            raise
        raise OutputError(_explain(cause, folder)) from exc


def _os_error(exc: BaseException | None) -> OSError | None:
    """The OSError behind `exc`: xlsxwriter, for one, wraps it in its own FileCreateError."""
    while exc is not None and not isinstance(exc, OSError):
        exc = exc.__cause__ or (None if exc.__suppress_context__ else exc.__context__)
    return exc


def _explain(exc: OSError, folder: Path) -> str:
    head = f"Không ghi được kết quả vào thư mục {folder}"
    blocker = _file_in_the_way(folder)
    if blocker is not None:
        return (f"{head}: {blocker} là một tệp, không phải thư mục. Đổi tên hoặc chuyển tệp đó "
                f"sang chỗ khác, hoặc {ELSEWHERE}.")
    if exc.errno in FULL:
        return (f"{head}: ổ đĩa đã đầy hoặc hết dung lượng được phép ghi. Xóa hoặc chuyển bớt "
                f"tệp để có chỗ trống, hoặc {ELSEWHERE}.")
    if exc.errno in DENIED:
        return (f"{head}: không có quyền ghi (thư mục hoặc ổ đĩa chỉ cho đọc). Nhờ người quản "
                f"trị máy cấp quyền ghi, hoặc {ELSEWHERE}.")
    return f"{head} ({exc.strerror or exc}). Kiểm tra ổ đĩa, thư mục đó, hoặc {ELSEWHERE}."


def _file_in_the_way(folder: Path) -> Path | None:
    """The nearest of `folder` and its parents that exists, when it is not a folder."""
    for path in (folder, *folder.parents):
        if os.path.lexists(path):
            return None if path.is_dir() else path
    return None


def _recover(folder: Path) -> None:
    for stage in folder.glob(STAGING_PREFIX + "*"):
        if not stage.is_dir():
            continue
        plan = _read_plan(stage)
        if plan is not None:
            _place(folder, stage, plan)
        shutil.rmtree(stage, ignore_errors=True)


def _finish(folder: Path, stage: Path, plan: Plan) -> list[Path]:
    try:
        placed = _place(folder, stage, plan)
    except BaseException:
        # Ctrl-C or an error between two moves: finish them before passing it on. Should that
        # fail too, the plan stays in the staging folder for the next run to finish.
        _place(folder, stage, plan)
        shutil.rmtree(stage, ignore_errors=True)
        raise
    shutil.rmtree(stage, ignore_errors=True)
    return placed


def _place(folder: Path, stage: Path, plan: Plan) -> list[Path]:
    """Move each staged file to its planned name; safe to run again after an interruption."""
    placed = []
    for staged, final in plan:
        src, dst = stage / staged, folder / final
        if src.exists():
            dst.parent.mkdir(parents=True, exist_ok=True)  # a name may hold a subfolder
            try:
                _move(src, dst)
            except FileExistsError:  # the name was taken since it was planned: keep both
                dst = folder / free_names(folder, [staged])[0]
                _move(src, dst)
        placed.append(dst)
    return placed


def _move(src: Path, dst: Path) -> None:
    """Move a file, never replacing one at `dst` (FileExistsError then)."""
    try:
        os.link(src, dst)
    except FileExistsError:
        if not os.path.samefile(src, dst):
            raise
        # linked already by an interrupted move: only the unlink is left
    except OSError:  # no hard links on this disk (FAT, some network shares)
        if os.path.lexists(dst):
            raise FileExistsError(errno.EEXIST, "đã có tệp", str(dst)) from None
        os.rename(src, dst)  # Windows: never replaces; elsewhere, just checked
        return
    src.unlink(missing_ok=True)


def _write_plan(stage: Path, plan: Plan) -> None:
    """Flush the staged files, then record the plan atomically: the set is now complete."""
    for staged, _ in plan:
        _flush(stage / staged)
    tmp = stage / (PLAN_NAME + ".tmp")
    write_json(tmp, plan)
    _flush(tmp)
    os.replace(tmp, stage / PLAN_NAME)


def _read_plan(stage: Path) -> Plan | None:
    try:
        return [(s, f) for s, f in json.loads((stage / PLAN_NAME).read_text(encoding="utf-8"))]
    except (OSError, ValueError, TypeError):  # no plan: the run died before placing anything
        return None


def _flush(path: Path) -> None:
    with path.open("rb+") as f:
        os.fsync(f.fileno())


# --- one run at a time per folder ----------------------------------------------------------

@contextmanager
def exclusive(folder: Path) -> Iterator[None]:
    """Hold the folder's lock file; the system releases it if the process dies."""
    path = folder / LOCK_NAME
    while True:
        f = path.open("a+b")
        try:
            _lock(f, path)
            if os.path.samestat(os.fstat(f.fileno()), os.stat(path)):
                break  # still the file at that name: not one a finishing run just removed
        except FileNotFoundError:
            pass
        except BaseException:
            f.close()
            raise
        f.close()
    try:
        yield
    finally:
        with suppress(OSError):
            path.unlink()  # before letting go, so a waiting run sees it is stale
        f.close()
        if sys.platform == "win32":  # Windows cannot remove an open file: try again once closed
            with suppress(OSError):
                path.unlink()


def _lock(f: IO[bytes], path: Path) -> None:
    deadline = time.monotonic() + LOCK_WAIT
    while True:
        try:
            _try_lock(f)
            return
        except OSError as exc:
            if exc.errno not in BUSY:
                return  # no locking on this disk (some network shares): go on without
            if time.monotonic() > deadline:
                raise UsageError(f"Một lần chạy khác đang ghi vào thư mục {path.parent}. Chờ "
                                 "lần chạy đó xong rồi chạy lại.") from None
            time.sleep(0.05)


def _try_lock(f: IO[bytes]) -> None:
    if sys.platform == "win32":
        import msvcrt

        msvcrt.locking(f.fileno(), msvcrt.LK_NBLCK, 1)
    else:
        import fcntl

        fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)


def write_json(path: Path, data: Any) -> None:
    """The one way the program writes JSON: UTF-8 as typed, indented, strict (a value JSON
    has no form for is a bug to see, not text to write)."""
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def write_bytes(data: bytes) -> Callable[[Path], None]:
    def write(path: Path) -> None:
        path.write_bytes(data)
    return write
