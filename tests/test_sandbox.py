"""Templates in a sandbox (issue 10): the pre-flight names every tag that reaches beyond the
report's data, rendering refuses the same and bounds loops, output and big values, and the
run stops with exit 2 and a Vietnamese message, never a traceback; nothing in a template runs."""

from __future__ import annotations

import io
import shutil
import time
from datetime import date
from pathlib import Path
from typing import Any

import jinja2
import pytest
from docx import Document
from docxtpl import DocxTemplate

from pipeline.documents import report, sandbox
from pipeline.documents.preflight import TemplateProblem, check_template
from pipeline.khoi import report as khoi_report
from tests.conftest import ROOT, run_cli
from tests.test_preflight import make

TEMPLATE = ROOT / "input_templates" / "mau_bao_cao.docx"


def check(path: Path) -> list[TemplateProblem]:
    return check_template(path, report.VARIABLES, report.FILTERS, report.attributes(report.ITEMS))


# --- the pre-flight --------------------------------------------------------------------------

@pytest.mark.parametrize(("tag", "named"), [
    ("{{ cycler.__init__.__globals__.os.popen('id').read() }}",
     '"cycler", "__init__", "__globals__", "os", "popen", "read"'),
    ("{{ ''.__class__ }}", '"__class__"'),
    ("{{ ten_co_quan|attr('__class__') }}", '"attr"'),
    ("{{ ten_co_quan['__class__'] }}", '"__class__"'),
    ("{{ ten_co_quan[('_' ~ '_class__')] }}", '"[…]"'),
    ("{{ phong_trao|map(attribute='__class__')|join }}", '"__class__"'),
    ("{{ phong_trao|map('center', 10)|join }}", '"center"'),
    ("{{ ten_co_quan|center(1000000000) }}", '"center"'),
    ("{% for x in range(10**9) %}", '"range"'),
    ("{{ joiner() ~ namespace(a=1) ~ lipsum() }}", '"joiner", "namespace", "lipsum"'),
    ("{{ ten_co_quan.upper() }}", '"upper"'),
    ("{{ ten_co_quan() }}", '"ten_co_quan()"'),
    ("{{ phong_trao[0].chu.__class__.__mro__ }}", '"__class__", "__mro__"'),
])
def test_tags_reaching_beyond_the_data_are_named(tmp_path, tag, named):
    problems = check(make(tmp_path, tag + ("{% endfor %}" if "for" in tag else "")))
    assert [(p.code, p.tag) for p in problems] == [("unsafe", tag)]
    assert f'(đoạn 1) dùng {named}: đó là phần bên trong của chương trình' in problems[0].message


@pytest.mark.parametrize("statement", ["include 'x.docx'", "import 'x' as x", "macro f()",
                                       "extends 'x'", "autoescape false"])
def test_statements_that_load_define_or_unescape_are_named(tmp_path, statement):
    kw = statement.split()[0]
    problems = check(make(tmp_path, "{{ nam }}", f"{{% {statement} %}}{{% end{kw} %}}"
                          if kw in ("macro", "autoescape") else f"{{% {statement} %}}"))
    assert [p.code for p in problems] == ["unsafe"]
    assert f'dùng lệnh "{kw}"' in problems[0].message


def test_the_rows_and_loop_attributes_of_our_context_are_allowed(tmp_path):
    assert check(make(tmp_path, "{%p for m in phong_trao %}",
                      "{{ m.chu }}) {{ m.ten }} {{ loop.index }}/{{ loop.length }} "
                      "{{ m.doan|join(' ') }}{% if loop.last %}.{% endif %}", "{%p endfor %}",
                      "{{ giao_uoc[0].chi_tieu }} {{ giao_uoc[0]['danh_gia'] }}",
                      "{{ so_sanh|map(attribute='thay_doi')|join(', ') }}",
                      "{{ ten_co_quan|upper }} {{ noi_nhan|length }} {{ nam + 1 }}")) == []


def test_a_document_property_is_checked_as_docxtpl_renders_it(tmp_path):
    path = make(tmp_path, "{{ nam }}")
    doc = Document(str(path))
    doc.core_properties.title = "{{ ''.__class__.__base__ }}"
    doc.save(str(path))
    problems = check(path)
    assert [(p.code, p.tag) for p in problems] == [("unsafe", "{{ ''.__class__.__base__ }}")]
    assert 'thuộc tính "title" của tệp' in problems[0].message


def rows(context: dict[str, Any]) -> dict[str, set[str]]:
    """The keys of the rows of each list variable of a context."""
    return {name: {k for row in value for k in row} for name, value in context.items()
            if isinstance(value, list) and value and isinstance(value[0], dict)}


def test_declared_row_attributes_are_those_the_context_provides(sample_run, cfg, tmp_path):
    o = sample_run
    context = report.build_context(o.data, o.figures, o.pledges, o.conclusion, date(2023, 12, 20))
    found = rows(context)
    assert found and all(found[n] <= set(report.ITEMS[n]) for n in found)
    assert set(report.ITEMS) <= {n for n, v in context.items() if isinstance(v, list)}
    assert set(khoi_report.ITEMS) <= set(khoi_report.VARIABLES)


# --- rendering, with the pre-flight left out ------------------------------------------------

CONTEXT = {"ten_co_quan": "Ban", "nam": 2023, "noi_nhan": list("abcdefghij"), "lon": "x" * 2**20}


def render(tmp_path: Path, line: str, context: dict[str, Any] = CONTEXT,
           limit: int = sandbox.MAX_TURNS) -> list[str]:
    """A one-paragraph template through docxtpl, in the environment report.render uses."""
    doc = DocxTemplate(str(make(tmp_path, line)))
    doc.render(context, report.jinja_env(limit), autoescape=True)
    buffer = io.BytesIO()
    doc.save(buffer)
    return [p.text for p in Document(buffer).paragraphs]


NESTED = "".join(f"{{% for {v} in noi_nhan %}}" for v in "abcdef") + "{% endfor %}" * 6
RECURSIVE = ("{% for x in noi_nhan recursive %}{% if loop.depth < 30 %}{{ loop(noi_nhan) }}"
             "{% endif %}{% endfor %}")


@pytest.mark.parametrize(("line", "error", "said"), [
    ("{{ ''.__class__ }}", jinja2.sandbox.SecurityError, "'__class__' of 'str'"),
    ("{{ cycler.__init__ }}", jinja2.sandbox.SecurityError, "'__init__'"),  # no cycler
    ("{% for x in range(10**9) %}{% endfor %}", jinja2.UndefinedError, "'range' is undefined"),
    ("{{ ten_co_quan|attr('__class__') }}", jinja2.TemplateAssertionError, "'attr'"),
    (NESTED, jinja2.sandbox.SecurityError, "thuộc tính quá 100.000 lần"),  # 10**6 turns
    (RECURSIVE, jinja2.sandbox.SecurityError, "thuộc tính quá 100.000 lần"),  # 10**30 calls
    ("{% for a in noi_nhan %}{% for b in noi_nhan %}{{ lon }}{% endfor %}{% endfor %}",
     jinja2.sandbox.SecurityError, "50 triệu ký tự"),  # 100 MB of output
    ("{{ 'x' * 10**6 }}", jinja2.sandbox.SecurityError, "phép *"),
    ("{{ 10**10**10 }}", jinja2.sandbox.SecurityError, "phép **"),  # folded when compiling
    ("{{ '%0999999999d' % 1 }}", jinja2.sandbox.SecurityError, "phép %"),
    ("{{ noi_nhan.append(1) }}", jinja2.sandbox.SecurityError, "'append' of 'list'"),
])
def test_the_sandbox_refuses_quickly_what_the_preflight_names(tmp_path, line, error, said):
    started = time.perf_counter()
    with pytest.raises(error, match=said.replace("*", r"\*")):
        render(tmp_path, line)
    assert time.perf_counter() - started < 30  # 100.000 sandboxed steps: 1-5 s; a report: 200


def test_a_list_of_20000_rows_renders_and_a_loop_over_it_inside_itself_stops(tmp_path):
    """A province agency's decision lists 20,000 names, 8 turns each: more than MAX_TURNS."""
    rows = [{"ten": f"Người {i}", "stt": str(i)} for i in range(20_000)]
    context = {**CONTEXT, "noi_nhan": rows}
    limit = sandbox.allowance(context)
    assert limit == sandbox.MAX_TURNS + sandbox.PER_ROW * 20_000
    line = "{% for r in noi_nhan %}{{ r.stt }}{{ r.ten }}{{ r.ten|upper }}{% endfor %}"
    assert render(tmp_path, line, context, limit)[0].endswith("19999Người 19999NGƯỜI 19999")
    twice = "{% for r in noi_nhan %}{% for s in noi_nhan %}{{ s.ten }}{% endfor %}{% endfor %}"
    with pytest.raises(jinja2.sandbox.SecurityError, match="quá 500.000 lần"):
        render(tmp_path, twice, context, limit)


def test_the_sandbox_renders_what_a_report_needs(tmp_path):
    line = ("{% for x in noi_nhan %}{{ loop.index }}{{ x|upper }}{% endfor %} {{ nam * 2 }} "
            "{{ '-' * 3 }} {{ 7 % 3 }} {{ 2 ** 10 }} {{ ten_co_quan ~ '!' }}")
    assert render(tmp_path, line) == ["1A2B3C4D5E6F7G8H9I10J 4046 --- 1 1024 Ban!"]


# --- the run ---------------------------------------------------------------------------------

def with_line(tmp_path: Path, line: str) -> Path:
    """The shipped template with one more paragraph, and a config file that uses it."""
    doc = Document(str(TEMPLATE))
    doc.add_paragraph(line)
    doc.save(str(tmp_path / "mau.docx"))
    path = tmp_path / "config.toml"
    path.write_text(f'[paths]\nreport_template = "{(tmp_path / "mau.docx").as_posix()}"\n',
                    encoding="utf-8")
    return path


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "input", tmp_path / "input")
    return tmp_path / "input"


@pytest.mark.parametrize(("line", "said"), [
    # named by the pre-flight, before anything renders: the command never runs
    ("{{ cycler.__init__.__globals__.os.popen('touch DA_CHAY').read() }}",
     'dùng "cycler", "__init__", "__globals__", "os", "popen", "read"'),
    # refused by the sandbox while rendering
    ("{{ ten_co_quan ~ '-' * 100000 }}", "có thẻ bị chặn khi điền (phép * tạo ra hơn"),
    # failing inside the template's own code: a template problem, not a bug
    ("{{ nam + 'x' }}", "có thẻ không điền được (TypeError"),
])
def test_a_template_problem_stops_the_run_with_exit_2_and_nothing_written(inputs, tmp_path,
                                                                          line, said):
    out = tmp_path / "output"

    done = run_cli(inputs, out, "--config", str(with_line(tmp_path, line.replace(
        "DA_CHAY", str(tmp_path / "da_chay")))))

    assert done.returncode == 2, done.stderr
    assert said in done.stderr and "mau.docx" in done.stderr
    assert "Traceback" not in done.stderr and "Lỗi không mong đợi" not in done.stderr
    assert not (tmp_path / "da_chay").exists()
    assert not [p for p in out.rglob("*.docx")]


def test_brackets_nested_past_what_jinja_can_parse_are_a_template_problem(tmp_path):
    tag = "{{ " + "(" * 300 + "nam" + ")" * 300 + " }}"
    problems = check(make(tmp_path, tag))
    assert [(p.code, p.tag) for p in problems] == [("syntax", tag)]
    assert "lồng ngoặc hoặc khối lệnh quá sâu" in problems[0].message


def test_blocks_nested_past_what_jinja_can_parse_are_a_template_problem(tmp_path):
    problems = check(make(tmp_path, "{% if nam %}" * 400 + "{{ nam }}" + "{% endif %}" * 400))
    assert [p.code for p in problems] == ["syntax"]
    assert "(thân văn bản) lồng ngoặc hoặc khối lệnh quá sâu" in problems[0].message


def test_a_long_lists_output_is_allowed_in_proportion_and_a_runaway_still_stops():
    """The output limit grows with the rows as the turns do: a decision of 40,000 names makes
    more than MAX_OUTPUT and renders; the same template writing each name ten times stops."""
    rows = [{"ten": "x" * 1500} for _ in range(40_000)]  # 60 million characters
    context = {**CONTEXT, "noi_nhan": rows}
    env = report.jinja_env(sandbox.allowance(context))
    assert env.max_output > 60 * 10**6 > sandbox.MAX_OUTPUT
    text = env.from_string("{% for r in noi_nhan %}{{ r.ten }}{% endfor %}").render(context)
    assert len(text) == 60_000_000
    wide = "{% for r in noi_nhan %}{% for _ in 'abcdefghij' %}{{ r.ten }}{% endfor %}{% endfor %}"
    with pytest.raises(jinja2.sandbox.SecurityError, match="triệu ký tự"):
        report.jinja_env(sandbox.allowance(context)).from_string(wide).render(context)
