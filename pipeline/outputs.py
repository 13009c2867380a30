"""Writing outputs safely: everything is made in a hidden staging folder, then moved into place
under names no earlier run used. Nothing earlier is overwritten; a failed run leaves nothing."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

STAGING_PREFIX = ".dang_ghi_"


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
        if not any((folder / name).exists() for name in chosen):
            return chosen
        n += 1


def _suffixed(name: str, n: int) -> str:
    stem, dot, ext = name.rpartition(".")
    return f"{stem}_{n}.{ext}" if dot else f"{name}_{n}"


@contextmanager
def staging(folder: Path) -> Iterator[Path]:
    """A hidden temporary folder inside `folder`, removed whatever happens."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob(STAGING_PREFIX + "*"):  # left by a run that was killed
        shutil.rmtree(old, ignore_errors=True)
    tmp = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=folder))
    try:
        yield tmp
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def publish(folder: Path, writers: dict[str, Callable[[Path], None]]) -> list[Path]:
    """Run each writer on a staged file, then move all of them into place together."""
    with staging(folder) as tmp:
        for name, write in writers.items():
            write(tmp / name)
        final = free_names(folder, list(writers))
        placed = []
        for name, target in zip(writers, final, strict=True):
            os.replace(tmp / name, folder / target)
            placed.append(folder / target)
    return placed


def write_json(path: Path, data: dict[str, Any]) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n",
                    encoding="utf-8")


def write_bytes(data: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(data)
