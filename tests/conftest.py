"""Shared fixtures: whole runs of the sample agency and of a second, invented agency."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from lxml import etree

from pipeline import config, job
from pipeline.errors import ConfigError
from pipeline.reading.forms import write_set
from tests import other_agency

ROOT = Path(__file__).resolve().parent.parent
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TODAY = date(2023, 12, 20)


def quiet(file: str, description: str) -> None:
    """Progress callback that prints nothing."""


@pytest.fixture(scope="session")
def cfg() -> config.Config:
    return config.load(ROOT / "config.toml")


@pytest.fixture(scope="session")
def sample_run(tmp_path_factory: pytest.TempPathFactory, cfg: config.Config) -> job.Outcome:
    out = tmp_path_factory.mktemp("sample_out")
    return job.run(ROOT / "input", out, cfg, quiet, today=TODAY)


@pytest.fixture(scope="session")
def other_run(tmp_path_factory: pytest.TempPathFactory, cfg: config.Config) -> job.Outcome:
    folder = tmp_path_factory.mktemp("other_in")
    write_set(folder, other_agency.AGENCY, other_agency.UNITS)
    return job.run(folder, tmp_path_factory.mktemp("other_out"), cfg, quiet, today=TODAY)


def written(outcome: job.Outcome, suffix: str) -> Path:
    return next(p for p in outcome.written if p.name.endswith(suffix))


def docx_text(path: Path) -> dict[str, list[str]]:
    """Body paragraphs (footnote references as [n]), table rows and footnotes, read back."""
    doc = Document(str(path))
    body = []
    for p in doc.element.body.iter(f"{W}p"):
        parts = []
        for el in p.iter(f"{W}t", f"{W}footnoteReference"):
            parts.append(el.text or "" if el.tag == f"{W}t" else f"[{el.get(f'{W}id')}]")
        body.append("".join(parts))
    rows = [" | ".join(c.text for c in row.cells) for t in doc.tables for row in t.rows]
    with zipfile.ZipFile(path) as z:  # a report without citations has no footnotes part
        part = "word/footnotes.xml"
        notes = etree.fromstring(z.read(part)) if part in z.namelist() else None
    footnotes = [] if notes is None else [
        "".join(t.text or "" for t in n.iter(f"{W}t")).strip()
        for n in notes.iter(f"{W}footnote") if int(n.get(f"{W}id")) > 0]
    return {"body": body, "rows": rows, "footnotes": footnotes}


def check_list(path: Path) -> list[tuple[str, str, str, str]]:
    """(code, file, sheet, cell) of every line of a data-check list, read back with openpyxl."""
    import openpyxl

    ws = openpyxl.load_workbook(path, read_only=True).worksheets[0]
    return [(str(r[2]), r[3] or "", r[4] or "", r[5] or "")
            for r in ws.iter_rows(min_row=2, values_only=True) if r[2]]


def refused(folder: Path, text: str, key: str) -> None:
    """A config.toml holding `text` is refused by config.load, the message naming `key`."""
    path = folder / "config.toml"
    path.write_text(text + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=key.replace(".", r"\.")):
        config.load(path)


def run_cli(folder: Path, out: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The command line in its own process, so that an abort (a Rust panic, a signal) shows
    as such instead of taking the test run with it."""
    return subprocess.run([sys.executable, "run.py", "--input", str(folder), "--output", str(out),
                           *args], cwd=ROOT, capture_output=True, text=True, timeout=300)
