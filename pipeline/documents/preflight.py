"""Pre-flight check of the Word report template: every problem the secretary can fix in Word,
found before rendering, each naming the tag as she sees it, where it is and how to fix it.

Checked against docxtpl 0.20 (its `patch_xml`), so what docxtpl repairs on its own is not
reported: a tag split over runs of the same formatting, spell-check and revision marks inside
a tag, and curly quotes (“ ” ‘ ’), which `patch_xml` straightens inside tags. A tag that
reaches beyond the report's data (sandbox.py) is named too: nothing in a template executes.
"""

from __future__ import annotations

import copy
import difflib
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docxtpl import DocxTemplate
from jinja2 import nodes
from lxml import etree

from ..errors import TemplateError
from . import sandbox

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
DOCS = "docs/bien_mau_bao_cao.md"
# The document properties docxtpl renders as templates too (its render_properties).
PROPERTIES = ("title", "subject", "author", "comments", "identifier", "language")

TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
STRAY = re.compile(r"\{\{|\{%|\{#|\}\}|%\}|#\}")
# docxtpl's own reading of a tag: "{%p " (no space before p, one after) removes the paragraph.
PARTS = re.compile(r"\{([{%#])(?:(tr|tc|p|r) )?[-+]?(.*?)[-+]?[}%#]\}", re.S)
SMART = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})
# Formatting Word changes without the text looking different: language, proofing, font hint.
UNSEEN = {W + "lang", W + "noProof", W + "rPrChange", W + "webHidden"}
CONTAINER = {"p": (W + "p", "đoạn"), "tr": (W + "tr", "dòng bảng"), "tc": (W + "tc", "ô bảng")}
OPENERS = {"for", "if", "with", "filter", "macro", "call", "block", "autoescape", "raw"}
MIDDLE = {"else": ("if", "for"), "elif": ("if",)}
MERGE_TAGS = {"vm", "hm"}  # docxtpl's cell-merge tags, replaced before Jinja sees them
EXPR_TAGS = {"colspan", "cellbg"}  # docxtpl tags holding one expression
BUILTIN_NAMES = set(jinja2.Environment().globals) | {"loop", "caller", "varargs", "kwargs"}
BUILTIN_FILTERS = set(jinja2.Environment().filters)
ENV = jinja2.Environment()  # parsing only: the syntax of report.jinja_env(), without filters


@dataclass(frozen=True)
class TemplateProblem:
    """One problem of the template, for the secretary to fix in Word."""

    code: str  # unknown-variable, unknown-filter, missing-variable, split-tag, smart-quotes,
    #            syntax, lost-text, unsafe
    tag: str  # the tag's text as the secretary sees it in Word
    message: str  # Vietnamese: what, where, how to fix


@dataclass
class _Tag:
    text: str  # as seen in Word
    where: str  # "đoạn 12", "bảng 1, hàng 2, cột 1", "đầu trang"
    para: etree._Element
    pieces: list[etree._Element]  # the w:t elements holding its characters
    lead: str  # "{", "%" or "#"
    prefix: str  # "", "p", "tr", "tc" or "r"
    body: str  # between the delimiters, curly quotes straightened as docxtpl does

    @property
    def keyword(self) -> str:
        """The statement of a {% %} tag: "for", "endif" …; "" for {{ }}."""
        m = re.match(r"\w*", self.body)
        return m.group() if m and self.lead == "%" else ""


@dataclass(frozen=True)
class _Known:
    """What a template may name: variables, filters (known to Jinja, and allowed), attributes."""

    variables: set[str]
    filters: set[str]
    allowed_filters: frozenset[str]
    attributes: frozenset[str]


@dataclass
class _Block:
    tag: _Tag
    keyword: str
    names: set[str] = field(default_factory=set)


def check_template(path: Path, variables: Iterable[str], filters: Iterable[str],
                   attributes: Iterable[str] = ()) -> list[TemplateProblem]:
    """Every problem of the template, before rendering: all of them, not just the first.
    `attributes`: those of the variables' rows ("chu" of m.chu), the only ones a tag may read."""
    known = _Known(set(variables), set(filters) | BUILTIN_FILTERS,
                   frozenset(filters) | sandbox.FILTERS, frozenset(attributes))
    problems: list[TemplateProblem] = []
    used: set[str] = set()
    for label, root, xml in _parts(path):
        tags, found = _scan(root, label)
        own, names = _check_tags(tags, known)
        problems += found + own
        used |= names
        if not any(p.code in ("syntax", "smart-quotes", "lost-text") for p in found + own):
            problems += _jinja_problem(patched(xml), tags, label or "thân văn bản")
    if not used and not problems:  # no tag reads a variable: not the report template?
        problems.append(TemplateProblem("missing-variable", "", _msg_no_tags(path)))
    return list(dict.fromkeys(problems))


@lru_cache(maxsize=32)
def patched(xml: str) -> str:
    """docxtpl's patch_xml of one part, made once for the pre-flight and the render alike:
    it reads nothing but the text it is given, and takes 40 ms on a report's body."""
    return DocxTemplate.patch_xml(None, xml)  # type: ignore[arg-type]


def _parts(path: Path) -> list[tuple[str, etree._Element, str]]:
    """(place label, root, xml as docxtpl reads it): body, headers, footers, footnotes."""
    if not path.is_file():
        raise TemplateError(f"Không tìm thấy mẫu báo cáo {path}. Chạy `python run.py init` để "
                            "tạo lại.")
    try:
        doc = Document(str(path))
    except (FileNotFoundError, PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError,
            etree.XMLSyntaxError) as exc:
        raise TemplateError(f"Không mở được mẫu báo cáo {path.name} ({exc}). Mở bằng Word, "
                            "lưu lại dạng .docx, hoặc chạy `python run.py init`.") from None
    body = doc.element.body
    parts = [("", body, etree.tostring(body, encoding="unicode"))]
    for reltype, label in ((RT.HEADER, "đầu trang"), (RT.FOOTER, "chân trang")):
        for rel in doc.part.rels.values():
            if rel.reltype == reltype and rel.target_part.blob:
                root = etree.fromstring(rel.target_part.blob)
                parts.append((label, root, etree.tostring(root, encoding="unicode")))
    for part in doc.part.package.iter_parts():
        if part.content_type == FOOTNOTES:
            parts.append(("chú thích", etree.fromstring(part.blob), part.blob.decode("utf-8")))
    return parts + _properties(doc)


def _properties(doc: Any) -> list[tuple[str, etree._Element, str]]:
    """Each document property with a tag in it, as a one-paragraph part (File › Info shows
    them; docxtpl renders them with the body's context)."""
    parts = []
    for name in PROPERTIES:
        value = getattr(doc.core_properties, name) or ""
        if STRAY.search(value):
            body = etree.Element(W + "body")
            etree.SubElement(etree.SubElement(etree.SubElement(body, W + "p"), W + "r"),
                             W + "t").text = value
            parts.append((f'thuộc tính "{name}" của tệp (File › Info)', body, value))
    return parts


# --- finding the tags ------------------------------------------------------------------------

def _places(root: etree._Element, label: str) -> Iterator[tuple[etree._Element, str]]:
    """Each paragraph of a part, with where the secretary finds it."""
    count = 0
    tables: dict[etree._Element, int] = {}
    for p in root.iter(W + "p"):
        if any(a.tag == FALLBACK for a in p.iterancestors()):
            continue  # the old-Word copy of a text box: the same text twice
        outer = [a for a in p.iterancestors(W + "tbl")]
        if label:
            yield p, label
        elif outer:
            yield p, _cell_place(p, outer[-1], tables.setdefault(outer[-1], len(tables) + 1))
        else:
            count += 1
            yield p, f"đoạn {count}"


def _cell_place(p: etree._Element, table: etree._Element, number: int) -> str:
    """"bảng 1, hàng 2, cột 3", counted in the outermost table."""
    row = next((a for a in p.iterancestors(W + "tr") if a.getparent() is table), None)
    cell = next((a for a in p.iterancestors(W + "tc") if a.getparent() is row), None)
    if row is None or cell is None:
        return f"bảng {number}"
    return (f"bảng {number}, hàng {table.findall(W + 'tr').index(row) + 1}, "
            f"cột {row.findall(W + 'tc').index(cell) + 1}")


def _texts(p: etree._Element) -> list[etree._Element]:
    """The w:t of this paragraph itself (not of a text box inside it)."""
    return [t for t in p.iter(W + "t") if next(t.iterancestors(W + "p")) is p]


def _scan(root: etree._Element, label: str) -> tuple[list[_Tag], list[TemplateProblem]]:
    """All tags of a part in document order, and the braces that open or close no tag."""
    tags: list[_Tag] = []
    problems: list[TemplateProblem] = []
    for p, where in _places(root, label):
        ts = _texts(p)
        starts = [sum(len(t.text or "") for t in ts[:i]) for i in range(len(ts))]
        text = "".join(t.text or "" for t in ts)
        for m in TAG.finditer(text):
            pieces = [t for t, s in zip(ts, starts, strict=True)
                      if s < m.end() and s + len(t.text or "") > m.start()]
            tags.append(_make_tag(m.group(), where, p, pieces))
        blanked = TAG.sub(lambda m: " " * len(m.group()), text)
        problems += [_stray(text, m, where) for m in STRAY.finditer(blanked)]
    return tags, problems


def _make_tag(text: str, where: str, p: etree._Element, pieces: list[etree._Element]) -> _Tag:
    m = PARTS.fullmatch(text)
    lead, prefix, body = (m.group(1), m.group(2) or "", m.group(3)) if m else ("#", "", "")
    return _Tag(text, where, p, pieces, lead, prefix, body.translate(SMART).strip())


def _stray(text: str, m: re.Match[str], where: str) -> TemplateProblem:
    """A "{{" that no "}}" closes in its paragraph, or a "}}" that no "{{" opens."""
    if m.group().startswith("{"):
        piece = text[m.start():m.start() + 60].strip()
        close = {"{{": "}}", "{%": "%}", "{#": "#}"}[m.group()]
        return TemplateProblem("syntax", piece, f'Thẻ "{piece}" ({where}) mở bằng "{m.group()}" '
                               f'nhưng không có "{close}" trong cùng đoạn. Gõ đủ thẻ trên một '
                               "dòng, ví dụ {{ ten_co_quan }}.")
    piece = text[max(0, m.start() - 60):m.end()].strip()
    return TemplateProblem("syntax", piece, f'Đoạn chữ "{piece}" ({where}) có "{m.group()}" mà '
                           "không có dấu mở thẻ tương ứng ({{, {% hoặc {#). Gõ lại thẻ cho đủ, ví "
                           "dụ {{ ten_co_quan }}.")


# --- checking each tag -------------------------------------------------------------------------

def _check_tags(tags: list[_Tag], known: _Known) -> tuple[list[TemplateProblem], set[str]]:
    """Problems of the tags of one part, in order, and the names they read."""
    problems: list[TemplateProblem] = []
    used: set[str] = set()
    stack: list[_Block] = []
    top: set[str] = set()  # names set outside any block
    for tag in tags:
        if tag.lead == "#":
            continue
        problems += _split(tag) + _lost_text(tag) + _statement(tag)
        ast = _parse(tag, problems)
        if ast is not None:
            reads, defines, used_filters = _names(ast)
            scope = top.union(*(b.names for b in stack)) | BUILTIN_NAMES
            used |= reads
            problems += [_unknown(tag, n, known.variables)
                         for n in sorted(reads - scope - known.variables)]
            unknown = used_filters - known.filters
            problems += [_unknown_filter(tag, f, known.filters) for f in sorted(unknown)]
            problems += _unsafe(tag, [r for r in sandbox.reaches(ast, known.attributes,
                                                                 known.allowed_filters)
                                      if r not in unknown])
        else:
            defines = set()
        problems += _structure(tag, stack, defines, top)
    problems += [_unclosed(b) for b in stack]
    return problems, used


def _statement(tag: _Tag) -> list[TemplateProblem]:
    """A statement that loads another template, defines a function or turns escaping off."""
    if tag.keyword in sandbox.BLOCKED_STATEMENTS:  # its end tag is not told again
        return [TemplateProblem("unsafe", tag.text, _msg_statement(tag, tag.keyword))]
    return []


def _unsafe(tag: _Tag, reached: list[str]) -> list[TemplateProblem]:
    """One problem naming all that the tag reaches for, in the order it is written."""
    if not reached:
        return []
    ordered = sorted(reached, key=lambda r: tag.body.find(r.rstrip("()")) % (len(tag.body) + 1))
    return [TemplateProblem("unsafe", tag.text, _msg_unsafe(tag, ordered))]


def _split(tag: _Tag) -> list[TemplateProblem]:
    """A tag over several runs: docxtpl joins them into the first one (see module docstring)."""
    first, last = tag.pieces[0], tag.pieces[-1]
    if _chain(first) != _chain(last):
        return [TemplateProblem("split-tag", tag.text, _msg_split_structure(tag))]
    if any(_look(t) != _look(first) for t in tag.pieces[1:]):
        return [TemplateProblem("split-tag", tag.text, _msg_split_format(tag))]
    return []


def _chain(t: etree._Element) -> list[str]:
    """The elements from a w:t up to its paragraph: w:r, then w:hyperlink, w:ins, w:sdt …"""
    out: list[str] = []
    for a in t.iterancestors():
        if a.tag == W + "p":
            return out
        out.append(a.tag)
    return out


def _look(t: etree._Element) -> bytes:
    """The run formatting of a w:t, without what does not show (language, proofing)."""
    rpr = t.getparent().find(W + "rPr")
    if rpr is None:
        return b""
    rpr = copy.deepcopy(rpr)
    for child in [c for c in rpr if c.tag in UNSEEN]:
        rpr.remove(child)
    for el in rpr.iter():
        el.attrib.pop(W + "hint", None)
    return etree.tostring(rpr, method="c14n") if len(rpr) else b""


def _lost_text(tag: _Tag) -> list[TemplateProblem]:
    """{%p %}, {%tr %}, {%tc %} remove their paragraph, row or cell, and all text in it."""
    if tag.prefix not in CONTAINER:
        return []
    name, what = CONTAINER[tag.prefix]
    box = tag.para if name == W + "p" else next(tag.para.iterancestors(name), None)
    if box is None:
        return [TemplateProblem("syntax", tag.text, _msg_not_in(tag, what))]
    text = "".join(t.text or "" for t in box.iter(W + "t"))
    first = re.search(r"\{[{%]" + tag.prefix + " ", text)
    rest = text.replace(tag.text, "", 1).strip()
    if not rest or first and first.start() < text.find(tag.text):
        return []  # nothing else there, or told with the first such tag of this box
    return [TemplateProblem("lost-text", tag.text, _msg_lost(tag, what, rest))]


def _source(tag: _Tag) -> str | None:
    """A small Jinja template holding just this tag, or None when there is nothing to parse."""
    kw, rest = tag.keyword, tag.body[len(tag.keyword):]
    if tag.lead == "{":
        return "{{ " + tag.body + " }}"
    if kw in MERGE_TAGS or kw in MIDDLE and kw != "elif" or kw.startswith("end"):
        return None
    if kw in EXPR_TAGS:
        return "{{ " + rest + " }}"
    if kw == "elif":
        return "{% if " + rest + " %}{% endif %}"
    if _opens(tag):
        return "{% " + tag.body + " %}{% end" + kw + " %}"
    return "{% " + tag.body + " %}"


def _opens(tag: _Tag) -> bool:
    return tag.keyword in OPENERS or tag.keyword == "set" and "=" not in tag.body


def _parse(tag: _Tag, problems: list[TemplateProblem]) -> nodes.Template | None:
    """The tag's syntax tree; a syntax problem is added to problems instead."""
    if (tag.keyword == "else" or tag.keyword.startswith("end")) and tag.body != tag.keyword:
        problems.append(TemplateProblem("syntax", tag.text, _msg_extra(tag)))
        return None
    source = _source(tag)
    if source is None:
        return None
    if tag.prefix and re.search(r"[%}]", tag.body):
        problems.append(TemplateProblem("syntax", tag.text, _msg_prefix_chars(tag)))
        return None
    try:
        return ENV.parse(source)
    except jinja2.TemplateSyntaxError as exc:
        code = "smart-quotes" if re.search("[“”‘’]", tag.text) else "syntax"
        message = _msg_smart(tag, exc) if code == "smart-quotes" else _msg_syntax(tag, exc)
        problems.append(TemplateProblem(code, tag.text, message))
        return None
    except RecursionError:  # Jinja's parser recurses a few frames per bracket
        problems.append(TemplateProblem("syntax", tag.text, _msg_deep(tag.text, tag.where)))
        return None


def _names(ast: nodes.Template) -> tuple[set[str], set[str], set[str]]:
    """Names the tag reads from the context, names it defines, filters it uses."""
    names = list(ast.find_all(nodes.Name))
    defines = {n.name for n in names if n.ctx in ("store", "param")}
    defines |= {m.name for m in ast.find_all(nodes.Macro)}
    reads = {n.name for n in names if n.ctx == "load"} - defines
    return reads, defines, {f.name for f in ast.find_all(nodes.Filter) if f.name}


def _structure(tag: _Tag, stack: list[_Block], defines: set[str],
               top: set[str]) -> list[TemplateProblem]:
    """Follow for/if/… blocks: openers, else/elif and end tags must match, prefix included."""
    kw = tag.keyword
    if _opens(tag):
        if kw == "set":  # {% set x %}…{% endset %}: x is defined around the block
            (stack[-1].names if stack else top).update(defines)
            defines = set()
        stack.append(_Block(tag, kw, defines))
    elif kw == "set":
        (stack[-1].names if stack else top).update(defines)
    elif kw in MIDDLE:
        if not stack or stack[-1].keyword not in MIDDLE[kw]:
            return [TemplateProblem("syntax", tag.text, _msg_orphan(tag))]
        return _pair(stack[-1].tag, tag)
    elif kw.startswith("end"):
        return _close(tag, stack)
    return []


def _close(tag: _Tag, stack: list[_Block]) -> list[TemplateProblem]:
    """An end tag: close its block, and any block left open inside it."""
    kw = tag.keyword[3:]
    depth = next((i for i in range(len(stack) - 1, -1, -1) if stack[i].keyword == kw), None)
    if depth is None and stack:  # {%p for %} … {%p endif %}: the wrong end for the block
        opener = stack.pop().tag
        return [TemplateProblem("syntax", tag.text, _msg_wrong_end(opener, tag))]
    if depth is None:
        return [TemplateProblem("syntax", tag.text, _msg_orphan(tag))]
    problems = [_unclosed(b) for b in stack[depth + 1:]]
    opener = stack[depth].tag
    del stack[depth:]
    return problems + _pair(opener, tag)


def _pair(opener: _Tag, tag: _Tag) -> list[TemplateProblem]:
    """Tags of one block must agree on {%p/{%tr/{%tc; bare ones must share a paragraph."""
    if opener.prefix != tag.prefix:
        return [TemplateProblem("syntax", tag.text, _msg_prefix(opener, tag))]
    if not opener.prefix and opener.para is not tag.para:
        return [TemplateProblem("syntax", opener.text, _msg_bare(opener, tag))]
    if not opener.prefix and _holder(opener) is not _holder(tag):
        return [TemplateProblem("syntax", tag.text, _msg_nested(opener, tag))]
    boxes = [_box(t) for t in (opener, tag)]
    if None not in boxes and boxes[0].getparent() is not boxes[1].getparent():  # type: ignore[union-attr]
        return [TemplateProblem("syntax", tag.text, _msg_levels(opener, tag))]
    return []


def _holder(tag: _Tag) -> etree._Element | None:
    """What holds the run where a tag begins: its paragraph, or a hyperlink, field, tracked
    change … inside it."""
    run = tag.pieces[0].getparent()
    return None if run is None else run.getparent()


def _box(tag: _Tag) -> etree._Element | None:
    """The paragraph, table row or cell a {%p/{%tr/{%tc tag stands for; None for a bare tag
    or one outside such a box (told by _lost_text)."""
    if tag.prefix not in CONTAINER:
        return None
    name = CONTAINER[tag.prefix][0]
    return tag.para if name == W + "p" else next(tag.para.iterancestors(name), None)


def _jinja_problem(source: str, tags: list[_Tag], where: str) -> list[TemplateProblem]:
    """What Jinja itself says of the whole part, as docxtpl will give it (its first error)."""
    source = re.sub(r"<w:p([ >])", r"\n<w:p\1", source)  # one line a paragraph, as docxtpl
    try:
        ENV.parse(source)
    except jinja2.TemplateSyntaxError as exc:
        lines = source.splitlines()
        line = re.sub(r"<[^>]+>", "", lines[min(exc.lineno, len(lines)) - 1]).strip()
        tag = next((t for t in tags if _key(t.text) in _key(line)), None)
        shown = tag.text if tag else line[:80]
        return [TemplateProblem("syntax", shown, _msg_jinja(shown, tag.where if tag else where,
                                                             exc, line))]
    except RecursionError:  # blocks nested hundreds deep: Jinja's compiler would fail too
        return [TemplateProblem("syntax", "", _msg_deep("", where))]
    return []


def _key(text: str) -> str:
    """A tag as docxtpl hands it to Jinja, spaces removed, for finding it in a line."""
    text = re.sub(r"^(\{[{%#])(?:tr|tc|p|r) ", r"\1", text.translate(SMART))
    return re.sub(r"\s+", "", text)


# --- messages ----------------------------------------------------------------------------------

def _closer(tag: _Tag) -> str:
    return "{%" + tag.prefix + " end" + tag.keyword + " %}"


def _hint(name: str, known: set[str]) -> str:
    close = difflib.get_close_matches(name, sorted(known), n=1)
    return f' Có phải là "{close[0]}"?' if close else ""


def _unknown(tag: _Tag, name: str, known: set[str]) -> TemplateProblem:
    return TemplateProblem("unknown-variable", tag.text,
                           f'Thẻ "{tag.text}" ({tag.where}) dùng biến "{name}" không có trong '
                           f"danh sách biến.{_hint(name, known)} Sửa tên biến theo {DOCS}.")


def _unknown_filter(tag: _Tag, name: str, known: set[str]) -> TemplateProblem:
    return TemplateProblem("unknown-filter", tag.text,
                           f'Thẻ "{tag.text}" ({tag.where}) dùng bộ lọc "|{name}" không có.'
                           f"{_hint(name, known)} Các bộ lọc dùng được ghi ở {DOCS}.")


def _unclosed(block: _Block) -> TemplateProblem:
    tag = block.tag
    place = {"p": "trên một đoạn riêng", "tr": "trên một dòng bảng riêng",
             "tc": "trong một ô riêng"}.get(tag.prefix, "trong cùng đoạn")
    return TemplateProblem("syntax", tag.text,
                           f'Thẻ "{tag.text}" ({tag.where}) không có thẻ đóng "{_closer(tag)}". '
                           f"Thêm thẻ đóng, {place}, sau phần cần lặp hoặc điều kiện.")


def _msg_unsafe(tag: _Tag, reached: list[str]) -> str:
    names = ", ".join(f'"{r}"' for r in reached)
    return (f'Thẻ "{tag.text}" ({tag.where}) dùng {names}: đó là phần bên trong của chương '
            "trình (hoặc hàm, bộ lọc không dành cho mẫu), không phải số liệu của báo cáo, nên "
            "mẫu không được dùng; một thẻ như vậy có thể chạy lệnh trên máy. Xoá hoặc sửa thẻ: "
            "mẫu chỉ dùng các biến, thuộc tính của chúng (như m.ten, loop.index) và bộ lọc "
            f"ghi ở {DOCS}; ví dụ viết hoa bằng {{{{ ten_co_quan|upper }}}}.")


def _msg_statement(tag: _Tag, kw: str) -> str:
    return (f'Thẻ "{tag.text}" ({tag.where}) dùng lệnh "{kw}", mẫu báo cáo không được dùng '
            "(lệnh này nạp tệp khác, định nghĩa hàm hoặc tắt chế độ an toàn). Xoá thẻ này; mẫu "
            "chỉ dùng các lệnh for, if, set, with.")


def _msg_extra(tag: _Tag) -> str:
    fixed = "{%" + tag.prefix + " " + tag.keyword + " %}"
    return (f'Thẻ "{tag.text}" ({tag.where}) có chữ thừa sau "{tag.keyword}": viết đúng '
            f'"{fixed}".')


def _msg_orphan(tag: _Tag) -> str:
    return (f'Thẻ "{tag.text}" ({tag.where}) không nằm trong khối nào mở trước nó (thiếu thẻ '
            'mở như "{%p for … %}" hoặc "{%p if … %}"). Xoá thẻ này hoặc thêm thẻ mở.')


def _msg_wrong_end(opener: _Tag, tag: _Tag) -> str:
    return (f'Thẻ "{tag.text}" ({tag.where}) không khớp thẻ mở "{opener.text}" '
            f'({opener.where}): phải là "{_closer(opener)}".')


def _msg_prefix(opener: _Tag, tag: _Tag) -> str:
    expected = "{%" + opener.prefix + " " + tag.body + " %}"
    return (f'Thẻ "{tag.text}" ({tag.where}) thuộc khối "{opener.text}" ({opener.where}) nhưng '
            f'khác kiểu: phải viết "{expected}". Nếu để vậy, khi điền văn bản bị hỏng và có thể '
            "mất hết phần phía sau.")


def _msg_levels(opener: _Tag, tag: _Tag) -> str:
    what = CONTAINER[tag.prefix][1]
    return (f'Thẻ "{tag.text}" ({tag.where}) thuộc khối "{opener.text}" ({opener.where}) nhưng '
            f"hai thẻ ở hai {what} khác cấp (ví dụ một thẻ ở thân văn bản, một thẻ trong ô bảng; "
            "hay hai dòng của hai bảng khác nhau): khi điền, văn bản bị hỏng. Đặt các thẻ của "
            f"một khối vào các {what} cùng cấp.")


def _msg_nested(opener: _Tag, tag: _Tag) -> str:
    return (f'Thẻ "{tag.text}" thuộc khối "{opener.text}" ({opener.where}) nhưng một thẻ nằm '
            "trong chữ có liên kết (hyperlink), trường (field) hoặc phần sửa đổi được theo dõi, "
            "thẻ kia thì không: khi điền, văn bản bị hỏng. Gõ lại cả hai thẻ bằng chữ thường "
            "(bỏ liên kết, chấp nhận các sửa đổi).")


def _msg_bare(opener: _Tag, tag: _Tag) -> str:
    fixed = "{%p " + opener.body + " %}"
    return (f'Thẻ "{opener.text}" ({opener.where}) và thẻ đóng "{tag.text}" ({tag.where}) nằm '
            f'ở hai đoạn khác nhau: viết "{fixed}" và "{{%p {tag.body} %}}", mỗi thẻ một đoạn '
            "riêng; nếu không, văn bản điền ra có thêm dòng trống hoặc bị hỏng.")


def _msg_split_format(tag: _Tag) -> str:
    return (f'Thẻ "{tag.text}" ({tag.where}) bị Word tách thành nhiều phần có định dạng khác '
            "nhau (đậm, nghiêng, cỡ chữ…): khi điền, nội dung và phần chữ liền sau thẻ lấy định "
            "dạng của đầu thẻ, phần định dạng khác bị mất. Xoá thẻ, gõ lại liền một lần, rồi "
            "chọn cả thẻ để định dạng một lần.")


def _msg_split_structure(tag: _Tag) -> str:
    return (f'Thẻ "{tag.text}" ({tag.where}) nằm vắt qua một liên kết, trường hoặc thay đổi '
            "đang theo dõi (Track Changes): khi điền, tệp kết quả bị hỏng hoặc mất chữ. Chấp "
            "nhận mọi thay đổi (Xem lại/Review > Chấp nhận tất cả/Accept All Changes), bỏ liên "
            "kết khỏi thẻ, rồi gõ lại thẻ liền một lần.")


def _msg_lost(tag: _Tag, what: str, rest: str) -> str:
    shown = rest if len(rest) <= 60 else rest[:60] + "…"
    return (f'Thẻ "{tag.text}" ({tag.where}) xoá cả {what} chứa nó khi điền, nên chữ "{shown}" '
            f"cùng {what} sẽ mất. Đặt thẻ vào một {what} riêng, không có chữ nào khác.")


def _msg_not_in(tag: _Tag, what: str) -> str:
    return (f'Thẻ "{tag.text}" ({tag.where}) phải nằm trong một {what}, nhưng ở đây không có. '
            f'Chuyển thẻ vào {what} cần lặp, hoặc bỏ chữ "{tag.prefix}" sau "{{%".')


def _msg_prefix_chars(tag: _Tag) -> str:
    return (f'Thẻ "{tag.text}" ({tag.where}) có dấu % hoặc }} bên trong, mà thẻ dạng '
            f'"{{%{tag.prefix} … %}}" không chứa được các dấu này. Viết lại điều kiện không '
            "dùng % hoặc }.")


def _msg_syntax(tag: _Tag, exc: jinja2.TemplateSyntaxError) -> str:
    return (f'Thẻ "{tag.text}" ({tag.where}) viết sai cú pháp ({_said(exc)}). Gõ lại thẻ '
            f"theo mẫu trong {DOCS}, ví dụ {{{{ ten_co_quan }}}} hoặc "
            "{%p for d in thuan_loi %}.")


def _msg_smart(tag: _Tag, exc: jinja2.TemplateSyntaxError) -> str:
    return (f'Thẻ "{tag.text}" ({tag.where}) có dấu nháy cong (“ ” ‘ ’) làm thẻ sai cú pháp '
            f'({_said(exc)}). Gõ lại bằng dấu nháy thẳng " hoặc \'; để Word không tự đổi, '
            "tắt AutoCorrect: File > Options > Proofing > AutoCorrect Options > AutoFormat As "
            'You Type, bỏ chọn "Straight quotes with smart quotes".')


def _msg_jinja(shown: str, where: str, exc: jinja2.TemplateSyntaxError, line: str) -> str:
    near = line if len(line) <= 120 else line[:120] + "…"
    return (f'Mẫu có lỗi cú pháp ở thẻ "{shown}" ({where}): {_said(exc)}. Chữ quanh chỗ lỗi: '
            f'"{near}". Sửa thẻ theo {DOCS}.')


def _msg_deep(text: str, where: str) -> str:
    shown = f'Thẻ "{text[:60]}…"' if text else "Mẫu"
    return (f"{shown} ({where}) lồng ngoặc hoặc khối lệnh quá sâu, chương trình không đọc được. "
            "Viết lại cho đơn giản, mỗi thẻ một biến như {{ ten_co_quan }}.")


def _msg_no_tags(path: Path) -> str:
    return (f"Mẫu {path.name} không có thẻ nào dùng biến (như {{{{ ten_co_quan }}}}): có đúng "
            "là tệp mẫu báo cáo không? Chạy `python run.py init` để tạo lại mẫu.")


def _said(exc: jinja2.TemplateSyntaxError) -> str:
    """Jinja's own words, without the final full stop."""
    return (exc.message or str(exc)).rstrip(".")
