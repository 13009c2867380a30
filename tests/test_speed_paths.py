"""What issue 5's speed rests on, kept true: both readers agree, the worker count changes
nothing, and light commands do not import heavy libraries."""

from __future__ import annotations

import base64
import gc
import io
import re
import subprocess
import sys
import zipfile
from datetime import date, datetime

import openpyxl
import pytest
from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docxtpl import DocxTemplate
from lxml import etree

from benchmarks.synthetic import make_agency
from pipeline import cells, job
from pipeline.documents import decision_report, report
from pipeline.documents.preflight import check_template
from pipeline.errors import TemplateError, UsageError
from pipeline.figures import decisions
from pipeline.reading import package, read, validate
from tests.conftest import ROOT
from tests.test_preflight import make, with_xml

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


def test_the_cycle_collector_rests_during_a_run_and_comes_back_after(tmp_path, monkeypatch,
                                                                     cfg):
    """Paused while the run builds (job.collector_paused), on again afterwards, also when the
    run stops with an error, and left off when it was off before."""
    states = []
    real = job.decide
    monkeypatch.setattr(job, "decide", lambda *a: states.append(gc.isenabled()) or real(*a))
    job.run(ROOT / "input", tmp_path / "a", cfg, lambda *a: None)
    assert states == [False] and gc.isenabled()
    with pytest.raises(UsageError):
        job.run(tmp_path / "none", tmp_path / "b", cfg, lambda *a: None)
    assert gc.isenabled()
    gc.disable()
    try:
        job.run(ROOT / "input", tmp_path / "c", cfg, lambda *a: None)
        assert not gc.isenabled()
    finally:
        gc.enable()


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
    assert xml.encode() in rendered(report.Template, make(tmp_path, "{{ nam }}"), {"nam": value})


PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/"
                       "PchI7wAAAABJRU5ErkJggg==")  # one white pixel


def rendered(template_class, path, context) -> bytes:
    """word/document.xml of `path` rendered by `template_class` in the report's environment."""
    doc = template_class(str(path))
    doc.render(context, report.jinja_env(), autoescape=True)
    buffer = io.BytesIO()
    doc.save(buffer)
    return zipfile.ZipFile(buffer).read("word/document.xml")


def same_xml(a: bytes, b: bytes) -> bool:
    """The same XML, up to how it is written (entities, attribute quotes): canonical form."""
    return etree.tostring(etree.fromstring(a), method="c14n") == \
        etree.tostring(etree.fromstring(b), method="c14n")


@pytest.mark.parametrize("pick", [lambda ds: ds[0], lambda ds: ds[-1]])
def test_the_shipped_papers_render_as_docxtpl_itself_renders_them(cfg, pick):
    """report.Template keeps the rendered body as it is (no tree, no cell count, no move) and
    writes it when saving: the document is docxtpl's own, in canonical XML (lxml writes an
    empty element and a quote its own way)."""
    outcome = job.check(ROOT / "input", cfg, lambda *a: None)
    made = decisions.build(outcome.data, outcome.figures, cfg.ho_so, cfg.rules, date(2024, 1, 15))
    decision = pick([d for d in made.decisions if d.written])
    context = decision_report.build_context(decision, made, outcome.data, date(2024, 1, 15))
    ours = rendered(report.Template, cfg.ho_so.mau_quyet_dinh, context)
    theirs = rendered(DocxTemplate, cfg.ho_so.mau_quyet_dinh, context)
    assert same_xml(ours, theirs)
    assert b"xmlns" not in ours.split(b"<w:body", 1)[1]  # the root's namespaces, declared once
    assert context["danh_sach"][0]["ten"].encode() in ours


def test_templates_with_tc_loops_or_pictures_take_docxtpls_own_way(tmp_path):
    """The other paths, where docxtpl's tree is needed: {%tc %} columns evened, pictures' ids
    renumbered; and a page colour (beside the body) kept either way."""
    doc = Document()
    background = OxmlElement("w:background")
    background.set(qn("w:color"), "FFFF00")
    doc.element.insert(0, background)
    table = doc.add_table(rows=1, cols=3)
    for cell, text in zip(table.rows[0].cells, ("{%tc for c in cot %}", "{{ c }}",
                                                "{%tc endfor %}"), strict=True):
        cell.text = text
    doc.add_paragraph("{{ nam }}")
    with_tc = tmp_path / "tc.docx"
    doc.save(str(with_tc))
    table._tbl.getparent().remove(table._tbl)
    plain = tmp_path / "plain.docx"
    doc.save(str(plain))
    for _ in range(2):
        doc.add_picture(io.BytesIO(PNG))
    pictures = tmp_path / "pictures.docx"
    doc.save(str(pictures))
    context = {"cot": ["một", "hai", "ba", "bốn"], "nam": 2023}
    for path in (with_tc, plain, pictures):
        ours = rendered(report.Template, path, context)
        assert same_xml(ours, rendered(DocxTemplate, path, context)), path.name
        assert b'<w:background w:color="FFFF00"/>' in ours and b">2023<" in ours
    assert rendered(report.Template, with_tc, context).count(b"<w:gridCol") == 4
    ids = re.findall(rb'<wp:docPr id="(\d+)"', rendered(report.Template, pictures, context))
    assert ids == [b"1001", b"1002"]  # docxtpl numbers pictures from 1001


BROKEN = ('<w:r><w:t xml:space="preserve">Đầu {% if khong %}A</w:t></w:r><w:hyperlink '
          'w:anchor="x"><w:r><w:t xml:space="preserve">B{% endif %} {{ nam }}</w:t></w:r>'
          "</w:hyperlink>")  # with khong false, the output breaks


def test_output_that_is_not_well_formed_is_refused_not_repaired_by_cutting_it(tmp_path):
    """docxtpl parses such output with lxml's recover: the document comes out without all
    that follows the break, and nothing says so. The pre-flight names the tags; and should
    one slip past it, report.Template refuses the output, quoting the text before the break."""
    path = with_xml(tmp_path, BROKEN)
    context, names = {"khong": False, "nam": 2023}, {"khong": "", "nam": ""}
    theirs = rendered(DocxTemplate, path, context)  # what follows the break lost, silently:
    assert ">Đầu  2023<".encode() in theirs and b"<w:sectPr" not in theirs  # the page's size
    [problem] = check_template(path, names, report.FILTERS)
    assert problem.tag == "{% endif %}" and "liên kết (hyperlink)" in problem.message
    with pytest.raises(TemplateError, match=r"tạo ra văn bản Word hỏng \(mismatched tag, gần: "
                                            r"Đầu 2023\): .*\{% endif %\} trong chữ có liên kết"):
        rendered(report.Template, path, context)  # the pre-flight left out
    assert b"2023" in rendered(report.Template, path, {"khong": True, "nam": 2023})


def test_a_namespace_declared_on_the_body_alone_is_kept(tmp_path):
    """The body's own declarations that repeat the root's are dropped; one the root lacks
    stays, so that the document still parses."""
    path = make(tmp_path, "{{ nam }}")
    with zipfile.ZipFile(path) as src:
        parts = {i.filename: src.read(i) for i in src.infolist()}
    parts["word/document.xml"] = parts["word/document.xml"].replace(
        b"<w:body>", b'<w:body xmlns:x="urn:thidua:x"><x:mark/>', 1)
    with zipfile.ZipFile(path, "w") as out:
        for name, data in parts.items():
            out.writestr(name, data)
    ours = rendered(report.Template, path, {"nam": 2023})
    root = etree.fromstring(ours)  # parses: x is declared
    assert root.find(".//{urn:thidua:x}mark") is not None and b">2023<" in ours
    assert ours.count(b'xmlns:w="') == 1  # the root's, not repeated on the body


def test_a_main_part_named_otherwise_is_filled_too(tmp_path):
    """Some editors save the body as word/document2.xml: the package's relationship names it,
    and the rendered body and its footnotes go there, not into a missing word/document.xml."""
    path = make(tmp_path, "Năm {{ nam }}{{ so|chu_thich }}")
    with zipfile.ZipFile(path) as src:
        parts = {i.filename: src.read(i) for i in src.infolist()}
    parts["word/document2.xml"] = parts.pop("word/document.xml")
    parts["word/_rels/document2.xml.rels"] = parts.pop("word/_rels/document.xml.rels")
    for name in ("[Content_Types].xml", "_rels/.rels"):
        parts[name] = parts[name].replace(b"word/document.xml", b"word/document2.xml")
    with zipfile.ZipFile(path, "w") as out:
        for name, data in parts.items():
            out.writestr(name, data)
    context = {"nam": 2023, "so": "Kế hoạch số 12/KH-BDT"}
    made = zipfile.ZipFile(io.BytesIO(report.render(path, context, {"nam": "", "so": ""}, {})))
    body = made.read("word/document2.xml")
    assert ">Năm 2023<".encode() in body and b"<w:footnoteReference" in body
    assert "Kế hoạch số 12/KH-BDT".encode() in made.read("word/footnotes.xml")
    assert "word/document.xml" not in made.namelist()
    assert b"footnotes.xml" in made.read("word/_rels/document2.xml.rels")
