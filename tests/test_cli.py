"""The command line as the secretary uses it: exit codes, messages, files, nothing lost."""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys

import pytest

from pipeline import cli
from pipeline.cli import main
from pipeline.delivery import outputs
from tests.conftest import ROOT


@pytest.fixture
def inputs(tmp_path):
    folder = tmp_path / "input"
    shutil.copytree(ROOT / "input", folder)
    return folder


def run(*args: str) -> int:
    return main([*args])


def test_run_writes_report_then_never_overwrites(inputs, tmp_path, capsys):
    out = tmp_path / "out"
    before = {p.name: outputs.sha256(p) for p in inputs.iterdir()}
    assert run("--input", str(inputs), "--output", str(out)) == 0
    first = (out / "2023" / "bao_cao_thi_dua_2023.docx").read_bytes()
    assert run("--input", str(inputs), "--output", str(out)) == 0
    assert (out / "2023" / "bao_cao_thi_dua_2023.docx").read_bytes() == first
    assert (out / "2023" / "bao_cao_thi_dua_2023_2.docx").exists()
    assert (out / "2023" / "tong_hop_2023_2.xlsx").exists()
    assert {p.name: outputs.sha256(p) for p in inputs.iterdir()} == before
    assert not list((out / "2023").glob(".*"))  # no staging left
    printed = capsys.readouterr().out
    assert "co_quan.xlsx: phiếu Cơ quan" in printed
    assert "Chỉ tiêu không đạt" in printed and "bao_cao_thi_dua_2023.docx" in printed


def test_blocking_error_exits_1_and_writes_only_the_check_list(inputs, tmp_path, capsys):
    (inputs / "don_vi_thanh_tra_ban.xlsx").write_bytes(b"not a workbook")
    out = tmp_path / "out"
    assert run("--input", str(inputs), "--output", str(out)) == 1
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    # the agency's copy marks the roster row of the unit whose workbook could not be read
    assert written == ["2023/kiem_tra/co_quan_kiem_tra.xlsx",
                       "2023/kiem_tra/kiem_tra_du_lieu_2023.xlsx"]
    captured = capsys.readouterr()
    assert "don_vi_thanh_tra_ban.xlsx" in captured.out and "Traceback" not in captured.err
    assert 'Đơn vị "Thanh tra Ban" (dòng 5 sheet Đơn vị)' in captured.out


def test_check_writes_nothing(inputs, tmp_path):
    out = tmp_path / "out"
    assert run("check", "--input", str(inputs), "--output", str(out)) == 0
    assert not out.exists()


def test_unknown_config_key_exits_2_naming_it(tmp_path, capsys):
    cfg = tmp_path / "config.toml"
    cfg.write_text("[rules]\ncstdcs_quota = 15\n", encoding="utf-8")
    assert run("--config", str(cfg)) == 2
    assert "rules.cstdcs_quota" in capsys.readouterr().err


def test_missing_input_folder_exits_2(tmp_path, capsys):
    assert run("--input", str(tmp_path / "none"), "--output", str(tmp_path)) == 2
    assert "Không có thư mục đầu vào" in capsys.readouterr().err


def test_failed_render_leaves_no_partial_output(inputs, tmp_path):
    cfg = tmp_path / "config.toml"
    broken = tmp_path / "mau.docx"
    broken.write_bytes(b"broken")
    cfg.write_text(f'[paths]\nreport_template = "{broken.as_posix()}"\n', encoding="utf-8")
    out = tmp_path / "out"
    assert run("--config", str(cfg), "--input", str(inputs), "--output", str(out)) == 2
    assert not out.exists() or not [p for p in out.rglob("*") if p.is_file()]


def test_help_is_vietnamese_and_bad_usage_exits_2():
    done = subprocess.run([sys.executable, "run.py", "--help"], cwd=ROOT, capture_output=True,
                          text=True)
    assert done.returncode == 0 and "Lập báo cáo" in done.stdout
    bad = subprocess.run([sys.executable, "run.py", "--bogus"], cwd=ROOT, capture_output=True,
                         text=True)
    assert bad.returncode == 2 and "Lỗi cách gọi lệnh" in bad.stderr


def test_blocked_run_writes_send_back_copies_with_comments(inputs, tmp_path):
    import openpyxl

    from pipeline import schema
    path = inputs / "don_vi_van_phong_ban.xlsx"
    wb = openpyxl.load_workbook(path)
    wb[schema.PEOPLE_SHEET]["F3"] = "Xuất sắc"  # not in the Xếp loại list
    wb.save(path)
    before = outputs.sha256(path)
    out = tmp_path / "out"
    assert run("--input", str(inputs), "--output", str(out)) == 1
    folder = out / "2023" / "kiem_tra"
    assert sorted(p.name for p in folder.iterdir()) == [
        "don_vi_van_phong_ban_kiem_tra.xlsx", "kiem_tra_du_lieu_2023.xlsx"]
    copy = openpyxl.load_workbook(folder / "don_vi_van_phong_ban_kiem_tra.xlsx")
    comment = copy[schema.PEOPLE_SHEET]["F3"].comment.text
    assert "Xuất sắc" in comment and "Hoàn thành tốt nhiệm vụ" in comment
    assert outputs.sha256(path) == before


def test_warnings_get_send_back_copies_beside_a_written_report(tmp_path, cfg):
    from pipeline import job
    from pipeline.reading.forms import write_set
    from tests import other_agency
    from tests.conftest import quiet
    folder = tmp_path / "in"
    write_set(folder, other_agency.AGENCY, other_agency.UNITS)
    outcome = job.run(folder, tmp_path / "out", cfg, quiet)
    assert not outcome.blocked
    copies = sorted(p.name for p in (tmp_path / "out" / "2024" / "kiem_tra").iterdir())
    assert "don_vi_van_phong_so_kiem_tra.xlsx" in copies


ENGLISH = re.compile(r"usage|options|positional|show this|argument|invalid|expected|unrecognized"
                     r"|ambiguous|required|choose", re.I)


def test_help_is_all_vietnamese():
    text = cli.help_text()
    assert text.startswith("Cách dùng: python run.py [-h] [--input THƯ_MỤC]")
    assert "\nlệnh:\n" in text and "\ntùy chọn:\n" in text
    assert "-h, --help        in hướng dẫn này rồi thoát" in text
    assert not ENGLISH.search(text), ENGLISH.search(text)


@pytest.mark.parametrize(("args", "said"), [
    (["--bogus"], "không hiểu --bogus"),
    (["chek"], "LỆNH: 'chek' không có trong danh sách (chọn một trong: 'run', 'init', 'check', "
               "'khoi')"),
    (["--input"], "--input: thiếu giá trị đi sau"),
    (["--p"], "chưa rõ tùy chọn --p: có thể là --pdf, --previous"),
    (["--pdf=có"], "--pdf: tùy chọn này không nhận giá trị ('có')"),
    (["run", "check"], "không hiểu check"),
])
def test_every_usage_error_is_vietnamese_and_exits_2(capsys, args, said):
    with pytest.raises(SystemExit) as stopped:
        main(args)
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert err == f"Lỗi cách gọi lệnh: {said}. Xem: python run.py --help\n"
    assert not ENGLISH.search(err)


def test_argparse_speaks_english_again_for_everyone_else():
    main_help = cli.help_text()
    other = argparse.ArgumentParser(prog="khac")
    assert other.format_help().startswith("usage: khac [-h]") and "Cách dùng" in main_help


def readme_section(heading: str) -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index(f"\n### {heading}\n")
    return text[start:text.find("\n#", start + 1)]


def test_readme_documents_every_option_command_and_exit_code():
    section = readme_section("Lệnh, tùy chọn và mã thoát")
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    options = set(re.findall(r"(?<![\w-])(--?[a-z][a-z-]*)", cli.help_text()))
    assert {"-h", "--help", "--input", "--pdf", "-v", "--verbose"} <= options
    for name in sorted(options | set(cli.COMMANDS)):
        assert any(re.search(f"`{name}[` ]", row.split(" | ")[0]) for row in rows), name
    codes = re.findall(r"\b(\d+)\s+(?:đã|có|sai|lỗi|dừng)", cli.help_text())
    assert codes == ["0", "1", "2", "3", "130"]
    for code in codes:
        assert f"\n| {code} | " in section, code
