"""Golden files (issue 12): the sample's report text and summary cells, compared with the
committed copies in tests/golden/, so that wording drift anywhere is seen in review.

After a deliberate change, rewrite them and read the diff before committing:
    python -m tests.test_golden
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl

from tests.conftest import ROOT, docx_text, written

GOLDEN = ROOT / "tests" / "golden"
REPORT, SUMMARY = GOLDEN / "bao_cao_2023.txt", GOLDEN / "tong_hop_2023.txt"


def report_text(path: Path) -> str:
    """The report as read back: body paragraphs, table rows, footnotes."""
    text = docx_text(path)
    return "\n".join(["# body", *text["body"], "# tables", *text["rows"],
                      "# footnotes", *text["footnotes"]]) + "\n"


def summary_text(path: Path) -> str:
    """Every sheet's cells, one row a line, tab between cells."""
    lines = []
    for ws in openpyxl.load_workbook(path).worksheets:
        lines.append(f"# {ws.title}")
        for row in ws.iter_rows(values_only=True):
            lines.append("\t".join(_cell(v) for v in row).rstrip("\t"))
    return "\n".join(lines) + "\n"


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.6g}"
    if isinstance(value, (date, datetime)):
        return value.strftime("%d/%m/%Y")
    return str(value).replace("\n", "\\n")


def test_report_text_is_the_golden_one(sample_run):
    assert report_text(written(sample_run, ".docx")) == REPORT.read_text(encoding="utf-8")


def test_summary_cells_are_the_golden_ones(sample_run):
    assert summary_text(written(sample_run, "tong_hop_2023.xlsx")) == \
        SUMMARY.read_text(encoding="utf-8")


if __name__ == "__main__":
    import tempfile

    from pipeline import config, job
    from tests.conftest import TODAY, quiet

    with tempfile.TemporaryDirectory() as tmp:
        outcome = job.run(ROOT / "input", Path(tmp), config.load(ROOT / "config.toml"), quiet,
                          today=TODAY)
        GOLDEN.mkdir(exist_ok=True)
        REPORT.write_text(report_text(written(outcome, ".docx")), encoding="utf-8")
        SUMMARY.write_text(summary_text(written(outcome, "tong_hop_2023.xlsx")),
                           encoding="utf-8")
        print(REPORT, SUMMARY, sep="\n")
