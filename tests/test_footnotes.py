from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docxtpl import DocxTemplate
from lxml import etree

from pipeline.documents.footnotes import MARK_CLOSE, MARK_OPEN, add_footnotes, marker

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
FOOTNOTES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
PLAN = "Kế hoạch số 128/KH-BDT ngày 28/02/2023"
ESCAPES = "Báo cáo \"Q&A\" <số 5> của 'Ban'"


def _save(document: docx.document.Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _report() -> bytes:
    """A document with markers in every place the renderer can leave them."""
    d = docx.Document()
    d.add_paragraph("Thực hiện Kế hoạch" + marker(PLAN) + " của Ban Thi đua.")
    d.add_paragraph("Căn cứ" + marker(ESCAPES) + " và" + marker("A & B") + ".")
    split = d.add_paragraph("Theo ")
    split.add_run("Quyết định" + MARK_OPEN + "Quyết định số ").bold = True
    split.add_run("12/QĐ-UBND" + MARK_CLOSE + " ngày").italic = True
    d.add_table(rows=1, cols=1).cell(0, 0).text = "Ô bảng" + marker("Ghi chú trong bảng")
    d.add_paragraph("Nhắc lại kế hoạch" + marker(PLAN) + ".")
    return _save(d)


def _xml(package: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(package)) as z:
        return etree.fromstring(z.read(name))


def _notes(package: bytes) -> list[tuple[str, str]]:
    """(id, text) of each real footnote, separators left out."""
    root = _xml(package, "word/footnotes.xml")
    return [
        (n.get(W + "id"), "".join(n.itertext()))
        for n in root.iter(W + "footnote")
        if n.get(W + "type") is None
    ]


def _body(package: bytes) -> list[str]:
    """Each paragraph's text with "[id]" where a footnote reference sits."""
    root = _xml(package, "word/document.xml")
    lines = []
    for p in root.iter(W + "p"):
        parts = []
        for el in p.iter(W + "t", W + "footnoteReference"):
            parts.append(el.text or "" if el.tag == W + "t" else f"[{el.get(W + 'id')}]")
        lines.append("".join(parts))
    return lines


def test_markers_become_footnotes_in_order():
    out = add_footnotes(_report())
    assert _notes(out) == [
        ("1", " " + PLAN),
        ("2", " " + ESCAPES),
        ("3", " A & B"),
        ("4", " Quyết định số 12/QĐ-UBND"),
        ("5", " Ghi chú trong bảng"),
        ("6", " " + PLAN),
    ]
    assert _body(out) == [
        "Thực hiện Kế hoạch[1] của Ban Thi đua.",
        "Căn cứ[2] và[3].",
        "Theo Quyết định[4] ngày",
        "Ô bảng[5]",
        "Nhắc lại kế hoạch[6].",
    ]


def test_reference_runs_and_formatting():
    out = add_footnotes(_report())
    root = _xml(out, "word/document.xml")
    refs = [r.getparent() for r in root.iter(W + "footnoteReference")]
    styles = [r.find(f"{W}rPr/{W}rStyle").get(W + "val") for r in refs]
    assert styles == ["FootnoteReference"] * 6
    split = list(root.iter(W + "p"))[2].findall(W + "r")
    runs = [("".join(r.itertext()), r.find(f"{W}rPr/{W}b") is not None) for r in split]
    assert runs == [("Theo ", False), ("Quyết định", True), ("", False), (" ngày", False)]
    assert split[3].find(f"{W}rPr/{W}i") is not None
    for t in root.iter(W + "t"):
        if t.text and t.text != t.text.strip():
            assert t.get(XML_SPACE) == "preserve", t.text


def test_no_marker_left_anywhere():
    with zipfile.ZipFile(io.BytesIO(add_footnotes(_report()))) as z:
        leftovers = [n for n in z.namelist() if MARK_OPEN.encode() in z.read(n)]
        leftovers += [n for n in z.namelist() if MARK_CLOSE.encode() in z.read(n)]
    assert leftovers == []


def test_package_parts_declared_once():
    out = add_footnotes(_report())
    rels = _xml(out, "word/_rels/document.xml.rels")
    targets = [r.get("Target") for r in rels if r.get("Type") == FOOTNOTES_REL]
    assert targets == ["footnotes.xml"]
    assert len({r.get("Id") for r in rels}) == len(rels)
    types = _xml(out, "[Content_Types].xml")
    parts = [o.get("PartName") for o in types if o.get("ContentType") == FOOTNOTES_CT]
    assert parts == ["/word/footnotes.xml"]
    separators = [n.get(W + "type") for n in _xml(out, "word/footnotes.xml")][:2]
    assert separators == ["separator", "continuationSeparator"]


def test_styles_added():
    styles = _xml(add_footnotes(_report()), "word/styles.xml")
    by_id = {s.get(W + "styleId"): s for s in styles.iter(W + "style")}
    text, ref = by_id["FootnoteText"], by_id["FootnoteReference"]
    assert (text.get(W + "type"), ref.get(W + "type")) == ("paragraph", "character")
    assert text.find(f"{W}basedOn").get(W + "val") == "Normal"
    assert text.find(f"{W}rPr/{W}sz").get(W + "val") == "20"
    assert text.find(f"{W}rPr/{W}rFonts").get(W + "ascii") == "Times New Roman"
    assert text.find(f"{W}pPr/{W}spacing").get(W + "after") == "0"
    assert text.find(f"{W}pPr/{W}ind").get(W + "firstLine") == "0"
    assert ref.find(f"{W}rPr/{W}vertAlign").get(W + "val") == "superscript"


def test_other_members_untouched():
    before = _report()
    after = add_footnotes(before)
    with zipfile.ZipFile(io.BytesIO(before)) as a, zipfile.ZipFile(io.BytesIO(after)) as b:
        assert b.namelist() == a.namelist() + ["word/footnotes.xml"]
        touched = {"word/document.xml", "word/styles.xml", "[Content_Types].xml"}
        touched.add("word/_rels/document.xml.rels")
        same = [n for n in a.namelist() if n not in touched and a.read(n) == b.read(n)]
        assert len(same) == len(a.namelist()) - len(touched)


def test_python_docx_opens_result():
    d = docx.Document(io.BytesIO(add_footnotes(_report())))
    assert d.paragraphs[0].text == "Thực hiện Kế hoạch của Ban Thi đua."
    assert d.tables[0].cell(0, 0).text == "Ô bảng"


def test_no_markers_returns_same_document():
    d = docx.Document()
    d.add_paragraph("Không có chú thích & không đổi.")
    before = _save(d)
    after = add_footnotes(before)
    assert after == before
    assert [p.text for p in docx.Document(io.BytesIO(after)).paragraphs] == [
        "Không có chú thích & không đổi."
    ]


def test_existing_footnotes_are_kept_and_continued():
    first = docx.Document(io.BytesIO(add_footnotes(_report())))
    first.add_paragraph("Bổ sung" + marker("Chú thích mới") + ".")
    out = add_footnotes(_save(first))
    assert [i for i, _ in _notes(out)] == ["1", "2", "3", "4", "5", "6", "7"]
    assert _notes(out)[-1] == ("7", " Chú thích mới")
    assert _body(out)[-1] == "Bổ sung[7]."
    rels = _xml(out, "word/_rels/document.xml.rels")
    assert [r.get("Type") for r in rels].count(FOOTNOTES_REL) == 1
    styles = _xml(out, "word/styles.xml")
    ids = [s.get(W + "styleId") for s in styles.iter(W + "style")]
    assert (ids.count("FootnoteText"), ids.count("FootnoteReference")) == (1, 1)


def test_docxtpl_render_with_autoescape(tmp_path: Path):
    d = docx.Document()
    d.add_paragraph("Căn cứ {{ basis }} của Ban.")
    (tmp_path / "t.docx").write_bytes(_save(d))
    template = DocxTemplate(tmp_path / "t.docx")
    template.render({"basis": "Kế hoạch" + marker(ESCAPES)}, autoescape=True)
    buffer = io.BytesIO()
    template.save(buffer)
    out = add_footnotes(buffer.getvalue())
    assert _notes(out) == [("1", " " + ESCAPES)]
    assert _body(out) == ["Căn cứ Kế hoạch[1] của Ban."]


@pytest.mark.parametrize(
    "text",
    ["a" + MARK_OPEN + "b", "a" + MARK_CLOSE + "b", MARK_OPEN + MARK_OPEN + "b" + MARK_CLOSE],
)
def test_unbalanced_marker_is_an_error(text: str):
    d = docx.Document()
    d.add_paragraph(text)
    with pytest.raises(ValueError, match="unbalanced"):
        add_footnotes(_save(d))


def test_marker_rejects_marker_characters():
    with pytest.raises(ValueError):
        marker("a" + MARK_OPEN)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_libreoffice_converts_to_pdf(tmp_path: Path):
    (tmp_path / "report.docx").write_bytes(add_footnotes(_report()))
    command = ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path)]
    subprocess.run([*command, str(tmp_path / "report.docx")], check=True, timeout=120)
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")
