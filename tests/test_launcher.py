"""The double-click launchers: the .bat as cmd needs it; the macOS/Linux one in a fresh clone."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from pipeline import launch
from tests.conftest import ROOT

MAIN_BAT = "Lap bao cao thi dua.bat"
COMMAND = "Lap bao cao thi dua.command"
WRAPPERS = {"Kiem tra du lieu.bat": "check", "Tong hop khoi thi dua.bat": "khoi",
            "Tao mau trong.bat": "init"}
WINDOWS_SECTION = "Dùng trên máy Windows của cơ quan"
PIP_RAN = re.compile(r"^(Collecting|Requirement already satisfied|Successfully installed)", re.M)


def ascii_folded(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


@pytest.mark.parametrize("name", [MAIN_BAT, *WRAPPERS])
def test_bat_is_crlf_ascii_without_bom(name):
    data = (ROOT / name).read_bytes()
    assert data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    assert data.isascii()  # cmd decodes a .bat line by line in the console code page


def test_main_bat_sets_utf8_then_finds_python_and_runs_the_launcher():
    lines = (ROOT / MAIN_BAT).read_text(encoding="ascii").splitlines()
    commands = [line for line in lines if line.strip() and not line.lower().startswith("rem ")]
    assert commands[:2] == ["@echo off", "chcp 65001 >nul"]
    text = "\n".join(commands)
    assert 'pushd "%~dp0"' in text  # also for a folder on a network share
    assert "for %%v in (3.13 3.12 3.11) do call :try_py -%%v" in text  # py launcher first
    assert text.index(":try_py -%%v") < text.index("call :try_python")  # `python` last
    assert '"%PY%" %PYARGS% -m pipeline.launch %*' in text
    assert "if not defined THIDUA_NONINTERACTIVE pause" in text
    assert "https://www.python.org/downloads/windows/" in text
    assert '"Use admin privileges when installing py.exe"' in text
    assert ascii_folded(WINDOWS_SECTION) in text  # the message points at README's section
    assert WINDOWS_SECTION in (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_path_in_the_bat_is_quoted():
    for name in [MAIN_BAT, *WRAPPERS]:
        for line in (ROOT / name).read_text(encoding="ascii").splitlines():
            unquoted = re.sub(r'"[^"]*"', "", line)
            for path in ("%~dp0", "%PY%", "%LOCALAPPDATA%", "%ProgramFiles%", "%~1"):
                assert path not in unquoted, (name, line)


@pytest.mark.parametrize(("name", "command"), WRAPPERS.items())
def test_wrapper_bats_call_the_main_one_with_their_command(name, command):
    text = (ROOT / name).read_text(encoding="ascii")
    assert f'call "%~dp0{MAIN_BAT}" {command} %*' in text


def git(*args: str, cwd: Path = ROOT) -> str:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True,
                          check=True).stdout


needs_git = pytest.mark.skipif(not (ROOT / ".git").exists() or not shutil.which("git"),
                               reason="not a git checkout")


@needs_git
def test_git_keeps_the_line_ends_and_the_executable_bit():
    for bat in (MAIN_BAT, *WRAPPERS):
        assert git("check-attr", "eol", bat).endswith(": eol: crlf\n")
    assert git("check-attr", "eol", COMMAND).endswith(": eol: lf\n")
    assert git("ls-files", "-s", COMMAND).startswith("100755 ")


def test_command_is_bash_with_lf():
    data = (ROOT / COMMAND).read_bytes()
    assert data.startswith(b"#!/bin/bash\n") and b"\r" not in data
    assert subprocess.run(["bash", "-n", str(ROOT / COMMAND)]).returncode == 0


def test_wheel_tags_are_the_version_specific_ones(tmp_path):
    for name in ("numpy-2.4.6-cp311-cp311-win_amd64.whl", "pandas-3.1.1-cp313-cp313-win_amd64.whl",
                 "calamine-1.0-cp39-abi3-win_amd64.whl", "babel-2.19.0-py3-none-any.whl"):
        (tmp_path / name).touch()
    assert launch.wheel_tags(tmp_path) == {"cp311-win_amd64", "cp313-win_amd64"}


@pytest.fixture
def pip_calls(monkeypatch, tmp_path):
    """launch.install with pip replaced: records (offline, wheels), answers from `results`."""
    calls: list[tuple[bool, Path | None]] = []
    results: list[bool] = []

    def fake(python, requirements, wheels, offline):
        calls.append((offline, wheels))
        return results.pop(0)
    monkeypatch.setattr(launch, "pip_install", fake)
    monkeypatch.setattr(launch, "python_tag", lambda python: "cp313-win_amd64")
    wheels = tmp_path / "wheels"
    wheels.mkdir()
    (wheels / "numpy-2.5.5-cp313-cp313-win_amd64.whl").touch()
    return calls, results, wheels


def test_install_uses_the_wheels_offline_when_they_fit(pip_calls):
    calls, results, wheels = pip_calls
    results += [True]
    assert launch.install(Path("py"), ["numpy"], wheels)
    assert calls == [(True, wheels)]


def test_install_falls_back_to_the_registry_keeping_the_wheels(pip_calls):
    calls, results, wheels = pip_calls
    results += [False, True]
    assert launch.install(Path("py"), ["numpy"], wheels)
    assert calls == [(True, wheels), (False, wheels)]


def test_install_goes_online_for_a_python_the_wheels_are_not_for(pip_calls, capsys):
    calls, results, wheels = pip_calls
    (wheels / "numpy-2.5.5-cp313-cp313-win_amd64.whl").rename(
        wheels / "numpy-2.5.5-cp312-cp312-win_amd64.whl")
    results += [True]
    assert launch.install(Path("py"), ["numpy"], wheels)
    assert calls == [(False, wheels)]
    assert "chỉ có thư viện cho Python 3.12" in capsys.readouterr().out


def test_pip_install_offline_never_reaches_the_network(monkeypatch, tmp_path):
    seen = []
    monkeypatch.setattr(launch.subprocess, "run",
                        lambda cmd: seen.append(cmd) or subprocess.CompletedProcess(cmd, 0))
    assert launch.pip_install(Path("py"), ["pandas>=2.2,<4"], tmp_path, offline=True)
    assert seen[0][1:4] == ["-m", "pip", "install"]
    assert seen[0][-3:] == ["--find-links", str(tmp_path), "pandas>=2.2,<4"]
    assert "--no-index" in seen[0]


def test_result_folder_is_the_folder_of_what_the_run_wrote(tmp_path):
    year = tmp_path / "output" / "2023"
    assert launch.result_folder([year / "a.docx", year / "kiem_tra" / "b.xlsx"]) == year
    assert launch.result_folder([year / "kiem_tra" / "a.xlsx", year / "kiem_tra" / "b.xlsx"]) \
        == year / "kiem_tra"
    assert launch.result_folder([]) is None


def test_written_files_are_the_new_and_changed_ones_outside_the_venv(tmp_path):
    for rel in ("input/old.xlsx", "output/README.md"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x", encoding="utf-8")
    before = launch.snapshot(tmp_path)
    for rel in ("output/2023/new.docx", ".venv/lib/x.py", "wheels/a.whl",
                "pipeline/__pycache__/x.pyc"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).touch()
    (tmp_path / "output/README.md").write_text("changed", encoding="utf-8")
    assert launch.written(before, launch.snapshot(tmp_path)) == [
        tmp_path / "output/2023/new.docx", tmp_path / "output/README.md"]


def test_the_stamp_is_the_dependency_list(tmp_path):
    assert launch.installed_for(tmp_path) is None
    (tmp_path / launch.STAMP).write_text('{"dependencies": ["pandas>=2.2,<4"]}', encoding="utf-8")
    assert launch.installed_for(tmp_path) == ["pandas>=2.2,<4"]
    (tmp_path / launch.STAMP).write_text("not json", encoding="utf-8")
    assert launch.installed_for(tmp_path) is None


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A project folder whose venv's Python "runs" as `state["runs"]` says; pip answers `ok`."""
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    python = launch.venv_python(tmp_path / ".venv")
    state = {"runs": True, "ok": True, "created": 0, "installed": 0}

    def create(venv):
        state["created"] += 1
        python.parent.mkdir(parents=True, exist_ok=True)
        python.touch()
        return True

    def install(python, requirements, wheels):
        state["installed"] += 1
        return state["ok"]
    monkeypatch.setattr(launch, "runs", lambda python: state["runs"])
    monkeypatch.setattr(launch, "create", create)
    monkeypatch.setattr(launch, "install", install)
    return tmp_path, state


def test_a_broken_venv_is_made_again_and_stamped(project):
    root, state = project
    launch.venv_python(root / ".venv").parent.mkdir(parents=True)
    launch.venv_python(root / ".venv").touch()
    state["runs"] = False
    assert launch.ensure_venv(root) == launch.venv_python(root / ".venv")
    assert (state["created"], state["installed"]) == (1, 1)
    assert launch.installed_for(root / ".venv") == launch.dependencies(root)
    state["runs"] = True
    assert launch.ensure_venv(root) is not None and state["installed"] == 1  # skipped


def test_a_venv_made_now_is_removed_when_pip_fails(project, capsys):
    root, state = project
    state["ok"] = False
    assert launch.ensure_venv(root) is None
    assert not (root / ".venv").exists()  # the next launch starts clean
    assert "Không cài được các thư viện" in capsys.readouterr().out


def launched(clone: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The macOS/Linux launcher as a double-click runs it, minus the window: no key to wait for."""
    env = {**os.environ, launch.NONINTERACTIVE: "1"}
    env.pop("VIRTUAL_ENV", None)
    return subprocess.run([str(clone / COMMAND), *args], cwd=clone.parent, env=env,
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=1800)


def fresh_clone(dest: Path) -> None:
    """The committed HEAD cloned (uncommitted changes are not in it), or without git a copy."""
    if (ROOT / ".git").exists() and shutil.which("git"):
        git("clone", "-q", "--no-checkout", str(ROOT), str(dest), cwd=dest.parent)
        git("checkout", "-q", git("rev-parse", "HEAD").strip(), cwd=dest)
    else:
        shutil.copytree(ROOT, dest, ignore=shutil.ignore_patterns(
            ".*", "__pycache__", "*.egg-info", "dist", "2[0-9][0-9][0-9]", "khoi"))


def test_launcher_twice_in_a_fresh_clone(tmp_path):
    clone = tmp_path / "Thi đua năm 2023"  # the folder a secretary may pick: spaces, Vietnamese
    fresh_clone(clone)
    year = clone / "output" / "2023"

    first = launched(clone)
    assert first.returncode == 0, first.stdout[-3000:] + first.stderr[-3000:]
    assert "Tạo môi trường Python" in first.stdout
    assert (year / "bao_cao_thi_dua_2023.docx").is_file()
    assert f"Các tệp kết quả nằm trong thư mục: {year}\n" in first.stdout
    stamp = clone / ".venv" / launch.STAMP
    installed = stamp.stat().st_mtime_ns

    second = launched(clone)
    assert second.returncode == 0, second.stdout[-3000:] + second.stderr[-3000:]
    assert "bỏ qua bước cài đặt" in second.stdout and not PIP_RAN.search(second.stdout)
    assert stamp.stat().st_mtime_ns == installed
    assert (year / "bao_cao_thi_dua_2023_2.docx").is_file()

    (clone / "input_templates" / "mau_don_vi.xlsx").unlink()
    init = launched(clone, "init")
    assert init.returncode == 0 and (clone / "input_templates" / "mau_don_vi.xlsx").is_file()
    assert f"Các tệp kết quả nằm trong thư mục: {clone / 'input_templates'}\n" in init.stdout

    # An update changes pyproject.toml's dependencies: pip runs again, the stamp follows.
    pyproject = clone / "pyproject.toml"
    text = pyproject.read_text(encoding="utf-8")
    pyproject.write_text(text.replace('"defusedxml>=0.7,<0.8"', '"defusedxml>=0.7.1,<0.8"'),
                         encoding="utf-8")
    check = launched(clone, "check")
    assert check.returncode == 0, check.stdout[-3000:] + check.stderr[-3000:]
    assert "Danh sách thư viện đã thay đổi" in check.stdout and PIP_RAN.search(check.stdout)
    assert "defusedxml>=0.7.1,<0.8" in launch.installed_for(clone / ".venv")
    assert not (year / "bao_cao_thi_dua_2023_3.docx").exists()  # check writes no report


# --- python run.py started by a Python without the libraries -------------------------------

BARE = [sys.executable, "-S"]  # no site-packages: none of the libraries, whatever is installed
posix_only = pytest.mark.skipif(os.name == "nt", reason="a shell script stands in for .venv")


@pytest.fixture
def program(tmp_path: Path) -> Path:
    """The program without a .venv: run.py, pipeline/ and pyproject.toml."""
    root = tmp_path / "thi đua"
    shutil.copytree(ROOT / "pipeline", root / "pipeline",
                    ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("run.py", "pyproject.toml"):
        shutil.copy(ROOT / name, root / name)
    return root


def bare_run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != launch.HANDED_OVER}
    return subprocess.run([*BARE, str(root / "run.py"), *args], cwd=root, capture_output=True,
                          text=True, env=env, timeout=120)


def fake_venv(root: Path, python: list[str]) -> Path:
    """.venv/bin/python as a script that logs its arguments, then runs `python` with them."""
    script = launch.venv_python(root / ".venv")
    script.parent.mkdir(parents=True)
    log = root / "venv_used.txt"
    command = " ".join(f'"{part}"' for part in python)
    script.write_text(f'#!/bin/sh\necho "$@" >> "{log}"\nexec {command} "$@"\n',
                      encoding="utf-8")
    script.chmod(0o755)
    return log


def test_without_the_libraries_run_py_says_what_to_type(program):
    done = bare_run(program, "khoi", "--input", "thư mục")
    assert (done.returncode, done.stdout) == (2, "")
    lines = done.stderr.splitlines()
    assert lines[0].startswith("Chưa chạy được: Python này chưa có các thư viện của chương "
                               "trình (thiếu: pandas, openpyxl, xlsxwriter, jinja2, "
                               "docxtpl, docx, lxml, babel, python_calamine, defusedxml).")
    assert "  Linux, macOS: python3 -m venv .venv && .venv/bin/pip install -e . && " \
           ".venv/bin/python run.py khoi --input 'thư mục'" in lines
    assert "  Windows:      py -m venv .venv && .venv\\Scripts\\pip install -e . && " \
           '.venv\\Scripts\\python run.py khoi --input "thư mục"' in lines
    assert '"Lap bao cao thi dua.bat"' in lines[-1] and '"Lap bao cao thi dua.command"' in lines[-1]
    assert "Lỗi không mong đợi" not in done.stderr and "Traceback" not in done.stderr


@posix_only
def test_with_a_venv_run_py_hands_over_to_it(program):
    log = fake_venv(program, [sys.executable])  # a Python that has the libraries
    done = bare_run(program, "--help")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Cách dùng: python run.py")
    assert log.read_text(encoding="utf-8") == f"{program / 'run.py'} --help\n"


@posix_only
def test_a_venv_without_the_libraries_is_tried_once(program):
    log = fake_venv(program, BARE)
    done = bare_run(program, "check")
    assert done.returncode == 2
    assert "thư mục .venv đã có nhưng chưa dùng được" in done.stderr
    assert log.read_text(encoding="utf-8") == f"{program / 'run.py'} check\n"  # no loop


def test_an_old_python_is_told_the_version_it_needs(program, monkeypatch, capsys):
    monkeypatch.setattr(sys, "version_info", (3, 8, 10))
    with pytest.raises(SystemExit) as stopped:
        launch.start(["--pdf"], program)
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("Chưa chạy được: chương trình cần Python 3.11 trở lên.")
    assert ".venv/bin/python run.py --pdf\n" in err


def test_with_the_libraries_start_returns(monkeypatch):
    monkeypatch.delenv(launch.HANDED_OVER, raising=False)
    assert launch.start(["check"]) is None
    assert launch.missing_modules(ROOT) == []
