"""What issue 5's speed rests on, kept true: both readers agree, the worker count changes
nothing, and light commands do not import heavy libraries."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime

import openpyxl
import pytest
from lxml import etree

from benchmarks.synthetic import make_agency
from pipeline import cells, job
from pipeline.documents import report
from pipeline.reading import package, read, validate
from tests.conftest import ROOT
from tests.test_preflight import make

INPUTS = sorted((ROOT / "input").glob("*.xlsx"))


def openpyxl_book(path) -> read.RawBook:
    """The same workbook read by openpyxl, cleaned as the calamine path cleans its values."""
    wb = openpyxl.load_workbook(path, data_only=True, read_only=True)
    sheets = {}
    for ws in wb.worksheets:
        if cells.key(ws.title) in package.READ_SHEETS:
            rows = [[read._clean(v) for v in row] for row in ws.iter_rows(values_only=True)]
            width = max((len(r) for r in rows), default=0)
            sheets[cells.text(ws.title)] = [r + [None] * (width - len(r)) for r in rows]
    return read.RawBook(path.name, path, sheets)


def trimmed(grid):
    """A grid without trailing empty rows and columns (readers differ on the used range)."""
    rows = [list(r) for r in grid]
    while rows and all(v is None for v in rows[-1]):
        rows.pop()
    width = max((max((i + 1 for i, v in enumerate(r) if v is not None), default=0)
                 for r in rows), default=0)
    return [r[:width] + [None] * (width - len(r[:width])) for r in rows]


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_calamine_and_openpyxl_read_the_same_values(path):
    fast, slow = read.read_book(path), openpyxl_book(path)
    assert set(fast.sheets) == set(slow.sheets)
    for name in fast.sheets:
        a, b = trimmed(fast.sheets[name]), trimmed(slow.sheets[name])
        assert a == b, name
        types = {type(v) for row in a for v in row if v is not None}
        assert types <= {str, int, float, date, datetime}


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_both_readers_give_the_same_records(path):
    fast, _ = validate.parse_book(read.read_book(path))
    slow, _ = validate.parse_book(openpyxl_book(path))
    assert fast == slow


def test_results_do_not_depend_on_the_number_of_processes(tmp_path, monkeypatch):
    folder = make_agency(tmp_path / "in", units=6, people=4)
    runs = []
    for parallel_from in (10**6, 1):  # never, always
        monkeypatch.setattr(job, "PARALLEL_MIN", parallel_from)
        outcome = job.Outcome()
        books = job.load(folder, lambda *a: None, outcome)
        runs.append((books, outcome.issues))
    assert runs[0] == runs[1]
    assert len(runs[0][0]) == 7


@pytest.mark.parametrize(("args", "absent"), [
    (["--help"], {"pandas", "numpy", "docxtpl", "xlsxwriter", "python_calamine"}),
    (["check"], {"docxtpl", "xlsxwriter", "openpyxl"}),  # it counts with pandas (issue 12)
])
def test_light_commands_do_not_import_heavy_libraries(args, absent):
    found = loaded(args)
    assert not (found & absent), found & absent


def test_a_run_without_problems_in_cells_does_not_import_openpyxl(tmp_path):
    """openpyxl writes only the send-back copies, which the sample's run does not need."""
    found = loaded(["--output", str(tmp_path)])
    assert "openpyxl" not in found and {"docxtpl", "xlsxwriter"} <= found
    assert (tmp_path / "2023" / "bao_cao_thi_dua_2023.docx").is_file()
    assert not (tmp_path / "2023" / job.CHECKS_FOLDER).exists()


def loaded(args: list[str]) -> set[str]:
    """The top-level modules imported by `python run.py <args>`, in a fresh process."""
    code = ("import sys\nfrom pipeline.cli import main\n"
            "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
            "print(' '.join(sorted({m.split('.')[0] for m in sys.modules})))")
    done = subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True,
                          text=True, check=True)
    return set(done.stdout.split("\n")[-2].split())


def test_each_template_is_checked_once_however_many_documents_it_makes(tmp_path, monkeypatch,
                                                                        cfg):
    """The sample writes the report, three decisions, the biên bản and the tờ trình: six
    documents from four templates (no báo cáo thành tích: its one proposal was declined)."""
    checked = []
    real = report.check_template
    monkeypatch.setattr(report, "check_template", lambda path, *a: checked.append(path.name)
                        or real(path, *a))
    report._checked.cache_clear()
    outcome = job.run(ROOT / "input", tmp_path, cfg, lambda *a: None)
    assert len([p for p in outcome.written if p.suffix == ".docx"]) == 6
    assert sorted(checked) == ["mau_bao_cao.docx", "mau_bien_ban.docx", "mau_quyet_dinh.docx",
                               "mau_to_trinh.docx"]


@pytest.mark.parametrize(("value", "xml"), [
    ("một\ndòng\tnữa", '<w:t xml:space="preserve">một</w:t><w:br/><w:t xml:space="preserve">'
                      'dòng</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t xml:space="preserve">nữa'),
    ("một dòng", '<w:r><w:rPr/><w:t xml:space="preserve">một dòng</w:t></w:r></w:p>'),
])
def test_line_breaks_and_tabs_in_a_value_become_words_own_with_or_without_them(tmp_path, value,
                                                                               xml):
    """report.Template leaves out docxtpl's resolve_listing only when it has nothing to do."""
    doc = report.Template(str(make(tmp_path, "{{ nam }}")))
    doc.render({"nam": value}, report.jinja_env(), autoescape=True)
    body = etree.tostring(doc.docx.element.body, encoding="unicode")
    assert xml in body
