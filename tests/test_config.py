"""config.toml is checked whole before any workbook is read: each mistake stops every command
with exit 2 and a sentence naming its key (dotted, as `files.report`)."""

from __future__ import annotations

import unicodedata

import pytest

from pipeline import config
from pipeline.cli import main
from pipeline.errors import ConfigError
from tests.conftest import ROOT

TASKS = 'chi_so = "Tỷ lệ nhiệm vụ hoàn thành"\ndiem = 5'

# case: (config.toml text, the key its message names)
MISTAKES = {
    "same name": ('[files]\nrecord = "nhat_ky.json"\nresult = "nhat_ky.json"',
                  "files.record và files.result"),
    "same name but for case": ('[files]\nsummary = "Bang_{year}.xlsx"\nchecks = "bang_{year}.xlsx"',
                               "files.summary và files.checks"),
    "same name, NFC and NFD": (f'[files]\nrecord = "nhật_ký.json"\n'
                               f'result = "{unicodedata.normalize("NFD", "nhật_ký.json")}"',
                               "files.record và files.result"),
    "a report that is not .docx": ('[files]\nreport = "x.xlsx"', "files.report"),
    "report and summary both x.docx": ('[files]\nreport = "x.docx"\nsummary = "x.docx"',
                                       "files.summary"),
    "..": ('[files]\nreport = "../bao_cao.docx"', "files.report"),
    "absolute": ('[files]\nsummary = "/tmp/tong_hop.xlsx"', "files.summary"),
    "Windows absolute": ('[files]\nchecks = "C:\\\\kiem_tra.xlsx"', "files.checks"),
    "a folder inside": ('[files]\nrecord = "nam/nhat_ky.json"', "files.record"),
    "hidden": ('[files]\nresult = ".ket_qua.json"', "files.result"),
    "empty": ('[files]\nreport = ".docx"', "files.report"),
    "unknown placeholder": ('[files]\nreport = "bao_cao_{nam}.docx"', "files.report"),
    "positional placeholder": ('[files]\nreport = "bao_cao_{0}.docx"', "files.report"),
    "empty placeholder": ('[files]\nreport = "bao_cao_{}.docx"', "files.report"),
    "lone {": ('[files]\nreport = "bao_cao_{.docx"', "files.report"),
    "lone }": ('[files]\nreport = "bao_cao_}.docx"', "files.report"),
    "conversion": ('[files]\nreport = "bao_cao_{year!r}.docx"', "files.report"),
    "format spec": ('[files]\nreport = "bao_cao_{year:>8}.docx"', "files.report"),
    "attribute": ('[files]\nreport = "bao_cao_{year.real}.docx"', "files.report"),
    "a number for a name": ("[files]\nreport = 2024", "files.report"),
    "nan": ("[rules]\ncstdcs_quota_percent = nan", "rules.cstdcs_quota_percent"),
    "inf": ("[rules]\nexcellent_quota_percent = inf", "rules.excellent_quota_percent"),
    "-inf": ("[rules]\nttldtt_min_ldtt_percent = -inf", "rules.ttldtt_min_ldtt_percent"),
    "negative percent": ("[rules]\ncstdcs_quota_percent = -5", "rules.cstdcs_quota_percent"),
    "percent over 100": ("[rules]\nttldxs_min_ldtt_percent = 150",
                         "rules.ttldxs_min_ldtt_percent"),
    "percent as text": ('[rules]\ncstdcs_quota_percent = "15%"', "rules.cstdcs_quota_percent"),
    "basis as a number": ("[rules]\nldtt_basis = 5", "rules.ldtt_basis"),
    "a number for a path": ("[paths]\noutput = 3", "paths.output"),
    "an empty path": ('[paths]\ninput = ""', "paths.input"),
    "text for true": ('[report]\npdf = "có"', "report.pdf"),
    "unknown key": ("[report]\nword = true", "report.word"),
    "negative count": ("[khoi]\nco_thi_dua = -1", "khoi.co_thi_dua"),
    "fractional count": ("[khoi]\nbang_khen = 1.5", "khoi.bang_khen"),
    "a list for a path": ("[khoi]\noutput = []", "khoi.output"),
    "a number for a title": ("[khoi]\nten_co_thi_dua = 1", "khoi.ten_co_thi_dua"),
    "text for a list": ('[khoi]\nbang_diem = "Tỷ lệ nhiệm vụ hoàn thành"', "khoi.bang_diem"),
    "nan points": ("[[khoi.tieu_chi]]\nchi_so = \"Tỷ lệ nhiệm vụ hoàn thành\"\ndiem = nan",
                   "khoi.tieu_chi thứ 1.diem"),
    "inf points": ("[[khoi.tieu_chi]]\nchi_so = \"Tỷ lệ nhiệm vụ hoàn thành\"\ndiem = inf",
                   "khoi.tieu_chi thứ 1.diem"),
    "nan threshold": (f'[[khoi.tieu_chi]]\n{TASKS}\ncach_tinh = "nguong"\nnguong = nan',
                      "khoi.tieu_chi thứ 1.nguong"),
    "negative threshold": (f'[[khoi.tieu_chi]]\n{TASKS}\ncach_tinh = "nguong"\nnguong = -1',
                           "khoi.tieu_chi thứ 1: nguong"),
    "threshold over 100%": (f'[[khoi.tieu_chi]]\n{TASKS}\ncach_tinh = "nguong"\nnguong = 150',
                            "khoi.tieu_chi thứ 1: nguong"),
    "a khối report that is not .docx": ('[khoi.files]\nreport = "x.xlsx"', "khoi.files.report"),
    "a khối name with a folder": ('[khoi.files]\nresult = "a/b_{year}.json"', "khoi.files.result"),
    "two khối names, one file": ('[khoi.files]\nsummary = "K.xlsx"\nchecks = "k.xlsx"',
                                 "khoi.files.summary và khoi.files.checks"),
    "an agency name in [khoi.files]": ('[khoi.files]\nrecord = "x.json"', "khoi.files.record"),
    "a name for the table": ('[khoi]\nfiles = "khoi.docx"', "[khoi.files]"),
}


@pytest.mark.parametrize("case", MISTAKES)
def test_a_config_mistake_stops_before_reading_naming_its_key(tmp_path, capsys, case):
    text, key = MISTAKES[case]
    path = tmp_path / "config.toml"
    path.write_text(text + "\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["--config", str(path), "--input", str(ROOT / "input"), "--output", str(out)]) == 2
    captured = capsys.readouterr()
    assert captured.err.startswith(f"Lỗi: Tệp cấu hình {path}: ") and key in captured.err
    assert "Đọc các phiếu" not in captured.out and not out.exists()  # nothing read or written


@pytest.mark.parametrize("command", ["run", "check", "init", "khoi"])
def test_every_command_checks_the_config_first(tmp_path, capsys, command):
    path = tmp_path / "config.toml"
    path.write_text('[paths]\ntemplates = "mau"\n[files]\nreport = "../x.docx"\n',
                    encoding="utf-8")
    out = tmp_path / "out"
    assert main([command, "--config", str(path), "--input", str(ROOT / "input"),
                 "--output", str(out)]) == 2
    captured = capsys.readouterr()
    assert "files.report" in captured.err and captured.out == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["config.toml"]  # no mau/, no out/


def test_a_byte_order_mark_is_accepted(tmp_path, capsys):
    path = tmp_path / "config.toml"
    path.write_text("[rules]\ncstdcs_quota_percent = 10\n", encoding="utf-8-sig")  # Notepad's
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    assert config.load(path).rules.cstdcs_quota_percent == 10
    assert main(["check", "--config", str(path), "--input", str(ROOT / "input")]) == 0
    assert "Cá nhân" in capsys.readouterr().out


def test_a_config_not_in_utf8(tmp_path, capsys):
    path = tmp_path / "config.toml"
    path.write_bytes('[rules]\nldtt_basis = "Thi đua"\n'.encode("cp1258"))  # Windows' Vietnamese
    assert main(["check", "--config", str(path)]) == 2
    assert "không phải văn bản UTF-8" in capsys.readouterr().err


def test_the_names_of_a_run_are_checked_again_for_its_year():
    files = config.Files(summary="tong_hop_2024.xlsx", checks="tong_hop_{year}.xlsx")
    assert files.names(2023)["checks"] == "tong_hop_2023.xlsx"
    with pytest.raises(ConfigError, match="files.summary và files.checks"):
        files.names(2024)


def test_the_shipped_config_passes_and_repeats_the_defaults():
    cfg = config.load(ROOT / "config.toml")
    assert (cfg.files, cfg.rules, cfg.khoi.tieu_chi) == (config.Files(), config.Rules(),
                                                         config.DEFAULT_CRITERIA)
    assert cfg.khoi.files == config.KhoiFiles()
