"""Real Word footnotes from markers left in the rendered report (docxtpl cannot create them),
and the guard that keeps user text as typed through docxtpl.

The markers and the guard are private-use characters: user text never holds one (validate.py
and result.py leave them out), so the report's own code owns that part of Unicode.
"""

from __future__ import annotations

import copy
import io
import posixpath
import zipfile

from lxml import etree

MARK_OPEN = "\ue000"
MARK_CLOSE = "\ue001"
# After rendering, docxtpl turns "{_{", "}_}", "{_%", "%_}" anywhere in the XML, values
# included, into "{{", "}}", "{%", "%}" (its render_xml_part); a guard between the brace and
# the "_" of a value keeps it from matching, and is taken out of every part afterwards.
GUARD = "\ue002"

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
FOOTNOTES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"

OFFICE_DOCUMENT = ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                   "officeDocument")
STYLES = "word/styles.xml"
CONTENT_TYPES = "[Content_Types].xml"

# The two separator notes Word writes in every footnotes part.
SEPARATOR = '<w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
FOOTNOTES_XML = (
    f'<w:footnotes xmlns:w="{W_NS}">'
    f'<w:footnote w:type="separator" w:id="-1">{SEPARATOR}'
    "<w:r><w:separator/></w:r></w:p></w:footnote>"
    f'<w:footnote w:type="continuationSeparator" w:id="0">{SEPARATOR}'
    "<w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
    "</w:footnotes>"
)
FOOTNOTE_XML = (
    f'<w:footnote xmlns:w="{W_NS}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
    '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>'
    '<w:r><w:t xml:space="preserve"/></w:r></w:p></w:footnote>'
)
REFERENCE_XML = (
    f'<w:r xmlns:w="{W_NS}"><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
    "<w:footnoteReference/></w:r>"
)
# basedOn is rewritten to the template's own default styles; the report is Times New Roman.
STYLES_XML = (
    f'<w:styles xmlns:w="{W_NS}">'
    '<w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/>'
    '<w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
    '<w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
    '<w:ind w:firstLine="0"/></w:pPr>'
    '<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"'
    ' w:cs="Times New Roman"/><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>'
    '<w:style w:type="character" w:styleId="FootnoteReference">'
    '<w:name w:val="footnote reference"/><w:basedOn w:val="DefaultParagraphFont"/>'
    '<w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
    '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>'
    "</w:styles>"
)


def marker(text: str) -> str:
    """Text placed in the document body where a footnote reference must go."""
    if MARK_OPEN in text or MARK_CLOSE in text:
        raise ValueError(f"footnote text contains a marker character: {text!r}")
    return MARK_OPEN + text + MARK_CLOSE


def guard(text: str) -> str:
    """Text that docxtpl will leave as it is (see GUARD)."""
    return text.replace("{_", "{" + GUARD + "_").replace("_}", "_" + GUARD + "}")


def unguard(docx: bytes) -> bytes:
    """The package without any GUARD, in whichever part a value went (body, headers, footers,
    footnotes, document properties)."""
    mark = GUARD.encode()  # UTF-8: the bytes cannot occur inside another character's
    with zipfile.ZipFile(io.BytesIO(docx)) as src:
        parts = {name: data.replace(mark, b"") for name in src.namelist()
                 if name.endswith((".xml", ".rels")) and mark in (data := src.read(name))}
        return _rezip(src, parts) if parts else docx


def add_footnotes(docx: bytes) -> bytes:
    """Turn every marker in the main part (word/document.xml) into a real Word footnote,
    numbered in order."""
    with zipfile.ZipFile(io.BytesIO(docx)) as src:
        main, main_rels = _main_part(src)
        raw = src.read(main)
        if MARK_OPEN.encode() not in raw and MARK_CLOSE.encode() not in raw:
            return docx  # python-docx writes UTF-8, never character references: none here
        document = etree.fromstring(raw)
        texts = list(document.iter(W + "t"))
        if not any(MARK_OPEN in (t.text or "") or MARK_CLOSE in (t.text or "") for t in texts):
            return docx
        rels = etree.fromstring(src.read(main_rels))
        part = _footnotes_part(rels, posixpath.dirname(main))
        changed = {main: document}
        if part is None:
            part = posixpath.join(posixpath.dirname(main), "footnotes.xml")
            _add_rel(rels, "footnotes.xml")
            changed[main_rels] = rels
        names = set(src.namelist())
        footnotes = etree.fromstring(src.read(part) if part in names else FOOTNOTES_XML)
        first = _next_id(footnotes)
        for n, text in enumerate(_replace_markers(texts, first), first):
            footnotes.append(_footnote(n, text))
        changed[part] = footnotes
        types = etree.fromstring(src.read(CONTENT_TYPES))
        if _add_override(types, "/" + part):
            changed[CONTENT_TYPES] = types
        styles = etree.fromstring(src.read(STYLES)) if STYLES in names else None
        if styles is not None and _add_styles(styles):
            changed[STYLES] = styles
        return _rezip(src, {name: _serialize(root) for name, root in changed.items()})


def _replace_markers(texts: list[etree._Element], first_id: int) -> list[str]:
    """Put a footnote reference in place of each marker; return the notes' texts in order."""
    for group in _by_paragraph(texts):
        _join_split_markers(group)
    notes: list[str] = []
    for t in texts:
        pieces = _split(t.text or "")
        if len(pieces) > 1:
            _split_run(t, pieces, first_id + len(notes))
            notes += pieces[1::2]
    return notes


def _by_paragraph(texts: list[etree._Element]) -> list[list[etree._Element]]:
    """The w:t elements grouped by their nearest enclosing paragraph, in document order."""
    groups: dict[etree._Element | None, list[etree._Element]] = {}
    for t in texts:
        groups.setdefault(next(t.iterancestors(W + "p"), None), []).append(t)
    return list(groups.values())


def _join_split_markers(texts: list[etree._Element]) -> None:
    """Move a marker that Word split across runs wholly into the run where it opens."""
    for i, t in enumerate(texts):
        j = i + 1
        while _is_open(t.text or "") and j < len(texts):
            head, close, tail = (texts[j].text or "").partition(MARK_CLOSE)
            _set_text(t, (t.text or "") + head + close)
            _set_text(texts[j], tail)
            j += 1


def _is_open(text: str) -> bool:
    """Whether the text ends inside a marker."""
    return text.rfind(MARK_OPEN) > text.rfind(MARK_CLOSE)


def _split(text: str) -> list[str]:
    """[before, note, after, note, after, ...]: body text at even, footnote text at odd places."""
    pieces: list[str] = []
    rest = text
    while MARK_OPEN in rest:
        before, _, rest = rest.partition(MARK_OPEN)
        note, closed, rest = rest.partition(MARK_CLOSE)
        if MARK_CLOSE in before or MARK_OPEN in note or not closed:
            raise ValueError(f"unbalanced footnote marker in {text!r}")
        pieces += [before, note]
    if MARK_CLOSE in rest:
        raise ValueError(f"unbalanced footnote marker in {text!r}")
    return pieces + [rest]


def _split_run(t: etree._Element, pieces: list[str], first_id: int) -> None:
    """Split the run holding t into text runs (same w:rPr) and footnote reference runs."""
    run = t.getparent()
    tail = list(t.itersiblings())
    run.remove(t)
    if pieces[0]:
        run.append(_text(pieces[0]))
    anchor = run
    for k in range(1, len(pieces), 2):
        ref = etree.fromstring(REFERENCE_XML)
        ref.find(W + "footnoteReference").set(W + "id", str(first_id + k // 2))
        anchor.addnext(ref)
        anchor = ref
        after = ([_text(pieces[k + 1])] if pieces[k + 1] else []) + (
            tail if k + 2 == len(pieces) else []
        )
        if after:
            anchor.addnext(_run_like(run, after))
            anchor = anchor.getnext()
    if all(child.tag == W + "rPr" for child in run):
        run.getparent().remove(run)


def _run_like(run: etree._Element, content: list[etree._Element]) -> etree._Element:
    """A new run with the attributes and w:rPr of `run`, holding `content`."""
    new = etree.Element(run.tag, dict(run.attrib))
    rpr = run.find(W + "rPr")
    if rpr is not None:
        new.append(copy.deepcopy(rpr))
    new.extend(content)
    return new


def _text(text: str) -> etree._Element:
    """A w:t holding text."""
    t = etree.Element(W + "t")
    _set_text(t, text)
    return t


def _set_text(t: etree._Element, text: str) -> None:
    """Set a w:t's text; Word drops leading and trailing spaces unless told to keep them."""
    t.text = text
    if text != text.strip():
        t.set(XML_SPACE, "preserve")


def _footnote(note_id: int, text: str) -> etree._Element:
    """One w:footnote holding text, in the FootnoteText style."""
    note = etree.fromstring(FOOTNOTE_XML)
    note.set(W + "id", str(note_id))
    note.find(f".//{W}t").text = " " + text
    return note


def _next_id(footnotes: etree._Element) -> int:
    """The first id after every existing footnote's (the separators use -1 and 0)."""
    ids = [int(note.get(W + "id", "0")) for note in footnotes.iter(W + "footnote")]
    return max(ids + [0]) + 1


def _main_part(src: zipfile.ZipFile) -> tuple[str, str]:
    """The zip names of the main document part and of its relationships, as the package's own
    relationships give them: word/document.xml, or word/document2.xml as some editors save it."""
    rels = etree.fromstring(src.read("_rels/.rels"))
    target = next(r.get("Target", "") for r in rels if r.get("Type") == OFFICE_DOCUMENT)
    main = target.lstrip("/")
    folder, name = posixpath.split(main)
    return main, posixpath.join(folder, "_rels", name + ".rels")


def _footnotes_part(rels: etree._Element, folder: str) -> str | None:
    """The zip name of the footnotes part the document (in `folder`) points to, if any."""
    for rel in rels:
        if rel.get("Type") == FOOTNOTES_REL:
            target = rel.get("Target", "")
            return target[1:] if target.startswith("/") else posixpath.join(folder, target)
    return None


def _add_rel(rels: etree._Element, target: str) -> None:
    """Add a footnotes relationship under an unused rId."""
    ids = {rel.get("Id") for rel in rels}
    n = len(ids) + 1
    while f"rId{n}" in ids:
        n += 1
    attrib = {"Id": f"rId{n}", "Type": FOOTNOTES_REL, "Target": target}
    etree.SubElement(rels, f"{{{REL_NS}}}Relationship", attrib)


def _add_override(types: etree._Element, part_name: str) -> bool:
    """Declare the footnotes content type unless it already is; True if added."""
    if any(o.get("PartName") == part_name for o in types.iter(f"{{{CT_NS}}}Override")):
        return False
    attrib = {"PartName": part_name, "ContentType": FOOTNOTES_CT}
    etree.SubElement(types, f"{{{CT_NS}}}Override", attrib)
    return True


def _add_styles(styles: etree._Element) -> bool:
    """Add the FootnoteText and FootnoteReference styles unless present; True if any added."""
    have = {style.get(W + "styleId") for style in styles.iter(W + "style")}
    added = False
    for style in list(etree.fromstring(STYLES_XML)):
        if style.get(W + "styleId") in have:
            continue
        based = style.find(W + "basedOn")
        default = _default_style(styles, style.get(W + "type"))
        if default:
            based.set(W + "val", default)
        else:
            style.remove(based)
        styles.append(style)
        added = True
    return added


def _default_style(styles: etree._Element, kind: str | None) -> str | None:
    """The id of the template's default style of a kind (Normal, Default Paragraph Font)."""
    for style in styles.iter(W + "style"):
        if style.get(W + "type") == kind and style.get(W + "default") in ("1", "true", "on"):
            return style.get(W + "styleId")
    return None


def _serialize(root: etree._Element) -> bytes:
    """An XML part as Word writes it: UTF-8 with a standalone declaration."""
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _rezip(src: zipfile.ZipFile, parts: dict[str, bytes]) -> bytes:
    """The package with `parts` replaced or appended; every other member copied as is."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = parts.pop(info.filename, None)
            dst.writestr(info, src.read(info) if data is None else data)
        for name, data in parts.items():
            dst.writestr(name, data)
    return out.getvalue()
