"""What the double-click launchers run: set up `.venv` once, run the job, open the result folder.

`Lap bao cao thi dua.bat` (Windows) and `Lap bao cao thi dua.command` (macOS, Linux) only find a
Python 3.11+ and call `python -m pipeline.launch [check|init|khoi|...]` from the project folder,
then wait for a key. Everything else is here, in Python, so that it is the same code on every
platform and is tested on Linux: this module runs under the bare Python, before the venv
exists, so it uses the standard library only. `start` is what `python run.py` does first, with
whatever Python started it: hand over to `.venv`, or say how to install.

The venv holds only the dependencies of pyproject.toml; the code runs from the folder (run.py
imports the `pipeline/` beside it). `.venv/thidua-installed.json` records the dependency list
it was installed for: the next launch skips pip when the list is unchanged and installs again
when an update changed it. Wheels come from `wheels/` (the offline Windows bundle) when it has
them for this Python and platform, else from the package registry.
"""

from __future__ import annotations

import importlib.util
import io
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STAMP = "thidua-installed.json"
NONINTERACTIVE = "THIDUA_NONINTERACTIVE"  # set: no folder window (the wrappers: no key wait)
SKIPPED_WHEN_LOOKING_FOR_OUTPUTS = {".venv", "wheels", "__pycache__", "node_modules"}
HANDED_OVER = "THIDUA_VENV"  # set by `start` before it runs .venv's Python: never twice
MODULE_NAMES = {"python-docx": "docx", "python-calamine": "python_calamine"}  # import names


def say(text: str = "") -> None:
    print(text, flush=True)


def dependencies(root: Path) -> list[str]:
    """The [project] dependencies of pyproject.toml, as pip requirement strings."""
    import tomllib  # 3.11+: the wrappers only start Python 3.11 or later

    with open(root / "pyproject.toml", "rb") as f:
        return list(tomllib.load(f)["project"]["dependencies"])


def venv_python(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def installed_for(venv: Path) -> list[str] | None:
    """The dependency list the venv was last installed for, or None."""
    try:
        return list(json.loads((venv / STAMP).read_text(encoding="utf-8"))["dependencies"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def runs(python: Path) -> bool:
    """Whether the venv's Python still starts (its base Python may have been uninstalled)."""
    try:
        return subprocess.run([str(python), "-c", ""], capture_output=True).returncode == 0
    except OSError:
        return False


def wheel_tags(wheels: Path) -> set[str]:
    """The Pythons the version-specific wheels in `wheels` are for, e.g. {"cp311-win_amd64"}."""
    tags = set()
    for w in wheels.glob("*.whl"):
        *_, py, abi, platform = w.name[: -len(".whl")].split("-")
        if py.startswith("cp") and abi == py:  # not abi3 or pure: those fit several Pythons
            tags.add(f"{py}-{platform}")
    return tags


def python_tag(python: Path) -> str:
    """`cp313-win_amd64` for the given interpreter (the tag its binary wheels must carry)."""
    code = ("import sys, sysconfig; v = sys.version_info; p = sysconfig.get_platform(); "
            "print(f'cp{v[0]}{v[1]}-' + p.replace('-', '_').replace('.', '_'))")
    done = subprocess.run([str(python), "-c", code], capture_output=True, text=True)
    return done.stdout.strip()


def pip_install(python: Path, requirements: list[str], wheels: Path | None,
                offline: bool) -> bool:
    # --no-compile: Python compiles the modules the job imports on first use, not all of
    # pandas' and numpy's (a third faster to install, more so under a virus scanner)
    cmd = [str(python), "-m", "pip", "install", "--disable-pip-version-check",
           "--no-warn-script-location", "--no-compile"]
    if offline:
        assert wheels is not None
        cmd += ["--no-index", "--find-links", str(wheels)]
    else:  # slow or filtered office networks: wait longer, try more often
        cmd += ["--timeout", "60", "--retries", "10"]
        if wheels is not None:
            cmd += ["--find-links", str(wheels)]
    return subprocess.run([*cmd, *requirements]).returncode == 0


def install(python: Path, requirements: list[str], wheels: Path | None) -> bool:
    """Dependencies into the venv: from `wheels/` when it fits this Python, else the registry."""
    if wheels is not None:
        have, tags = python_tag(python), wheel_tags(wheels)
        if not tags or have in tags:
            say("Cài các thư viện từ thư mục wheels (không cần Internet)…")
            if pip_install(python, requirements, wheels, offline=True):
                return True
            say("Không cài được đủ từ thư mục wheels; thử tải phần còn thiếu từ Internet…")
        else:
            versions = ", ".join(sorted({_version(t) for t in tags}))
            say(f"Thư mục wheels chỉ có thư viện cho Python {versions} bản 64-bit; máy đang dùng "
                f"Python {_version(have)} ({have.split('-', 1)[-1]}). Thử tải từ Internet…")
    else:
        say("Tải và cài các thư viện từ Internet (khoảng 60 MB, một lần)…")
    return pip_install(python, requirements, wheels, offline=False)


def _version(tag: str) -> str:
    digits = tag.split("-")[0][2:]  # "cp313" -> "3.13"
    return f"{digits[0]}.{digits[1:]}"


def create(venv: Path) -> bool:
    """A new venv (replacing a broken one) with the Python running this module."""
    if venv.exists():
        say("Môi trường Python (.venv) bị hỏng (có thể do đã gỡ hoặc đổi bản Python): tạo lại.")
        shutil.rmtree(venv, ignore_errors=True)
    say(f"Tạo môi trường Python trong {venv} (chỉ lần đầu, 1–3 phút)…")
    if subprocess.run([sys.executable, "-m", "venv", str(venv)]).returncode == 0:
        return True
    say("Không tạo được môi trường Python. Trên Debian, Ubuntu: cài gói python3-venv.")
    shutil.rmtree(venv, ignore_errors=True)
    return False


def ensure_venv(root: Path) -> Path | None:
    """The venv's Python, set up on first use and after a dependency change; None if it failed."""
    venv = root / ".venv"
    python = venv_python(venv)
    requirements, before = dependencies(root), installed_for(venv)
    works = python.exists() and runs(python)
    if works and before == requirements:
        say("Môi trường Python (.venv) đã cài đặt: bỏ qua bước cài đặt.")
        return python
    if works:
        say("Cài các thư viện vào môi trường Python (.venv) có sẵn." if before is None else
            "Danh sách thư viện đã thay đổi (bản cập nhật): cài lại các thư viện.")
    elif not create(venv):
        return None
    wheels = root / "wheels"
    if install(python, requirements, wheels if wheels.is_dir() else None):
        from .delivery.outputs import write_json  # standard library only, as this module

        write_json(venv / STAMP, {"dependencies": requirements})
        return python
    say("\nKhông cài được các thư viện. Cách khắc phục: kết nối Internet rồi chạy lại; hoặc dùng "
        "bản cài đặt ngoại tuyến thidua-windows-<phiên bản>.zip với Python 3.11, 3.12 hoặc 3.13 "
        "bản 64-bit (README, mục \"Dùng trên máy Windows của cơ quan\").")
    if not works:  # created just now: the next launch starts clean, maybe with a better Python
        shutil.rmtree(venv, ignore_errors=True)
    return None


def snapshot(root: Path) -> dict[Path, tuple[int, int]]:
    """Files under `root` with their times and sizes (not .venv, wheels, caches, dot folders)."""
    found = {}
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs
                   if not d.startswith(".") and d not in SKIPPED_WHEN_LOOKING_FOR_OUTPUTS]
        for name in files:
            path = Path(folder, name)
            try:
                st = path.stat()
            except OSError:
                continue
            found[path] = (st.st_mtime_ns, st.st_size)
    return found


def written(before: dict[Path, tuple[int, int]], after: dict[Path, tuple[int, int]]) -> list[Path]:
    """Files new or changed between two snapshots (comparing states, not clock readings)."""
    return sorted(p for p, state in after.items() if before.get(p) != state)


def result_folder(files: list[Path]) -> Path | None:
    """The folder holding all the files a run wrote (output/2023, or its kiem_tra/ alone)."""
    if not files:
        return None
    common = Path(os.path.commonpath([str(f) for f in files]))
    return common.parent if common.is_file() else common


def interactive() -> bool:
    return not os.environ.get(NONINTERACTIVE) and sys.stdin is not None and sys.stdin.isatty()


def open_folder(folder: Path) -> bool:
    """Show the folder in Explorer, Finder or the desktop's file manager, where there is one."""
    try:
        if sys.platform == "win32":
            os.startfile(folder)  # what Explorer does on a double-click
            return True
        if sys.platform == "darwin":
            cmd = ["open", str(folder)]
        elif (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")) \
                and shutil.which("xdg-open"):
            cmd = ["xdg-open", str(folder)]
        else:
            return False
        subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return True
    except OSError:
        return False


def run_job(root: Path, python: Path, args: list[str]) -> int:
    """run.py with the venv's Python; then say where the files are and show that folder."""
    before = snapshot(root)
    env = dict(os.environ)
    env.setdefault("PYTHONIOENCODING", "utf-8")  # when the output is a pipe, not a console
    try:
        code = subprocess.run([str(python), str(root / "run.py"), *args], cwd=root,
                              env=env).returncode
    except KeyboardInterrupt:
        return 130
    folder = result_folder(written(before, snapshot(root)))
    if folder is not None:
        say(f"\nCác tệp kết quả nằm trong thư mục: {folder}")
        if interactive() and open_folder(folder):
            say("(Đã mở thư mục này.)")
    return code


# --- python run.py with a Python that lacks the libraries -----------------------------------

def start(argv: list[str], root: Path = ROOT) -> None:
    """Return when this Python can run the program; else run run.py with the project's .venv
    (once: a .venv that cannot either says so), or say how to install and exit 2. Looks,
    without importing anything, before the program imports its libraries."""
    too_old = sys.version_info < (3, 11)  # noqa: UP036 (run.py may be started by any Python)
    lacking = [] if too_old else missing_modules(root)
    if not too_old and not lacking:
        return
    venv = root / ".venv"
    python = venv_python(venv)
    if python.exists() and not os.environ.get(HANDED_OVER) and not _running_in(venv):
        os.environ[HANDED_OVER] = "1"
        _hand_over([str(python), str(root / "run.py"), *argv])
    print(how_to_install(lacking, argv, root, python.exists()), file=sys.stderr)
    raise SystemExit(2)


def missing_modules(root: Path) -> list[str]:
    """The libraries of pyproject.toml this Python cannot import (Python 3.11 or later)."""
    try:
        requirements = dependencies(root)
    except OSError:  # no pyproject.toml beside run.py: nothing to compare with
        return []
    names = [_module(r) for r in requirements]
    return [n for n in names if importlib.util.find_spec(n) is None]


def _module(requirement: str) -> str:
    found = re.match(r"[A-Za-z0-9._-]+", requirement)
    name = (found.group() if found else requirement).lower()
    return MODULE_NAMES.get(name, name.replace("-", "_"))


def _running_in(venv: Path) -> bool:
    return Path(sys.prefix).resolve() == venv.resolve()


def _hand_over(cmd: list[str]) -> None:
    """Become .venv's Python (POSIX); on Windows, where exec starts a new process and lets
    the console go on, run it and wait. Returns only when it could not start."""
    try:
        if os.name != "nt":
            os.execv(cmd[0], cmd)
        child = subprocess.Popen(cmd)
    except OSError:  # a .venv whose Python was uninstalled
        return
    while True:
        try:
            raise SystemExit(child.wait())
        except KeyboardInterrupt:  # the child has it too, and ends in its own way
            continue


def how_to_install(lacking: list[str], argv: list[str], root: Path, has_venv: bool = False
                   ) -> str:
    """What to type, on each system, to install the libraries and run the same command."""
    what = ("Python này chưa có các thư viện của chương trình (thiếu: " + ", ".join(lacking)
            + ")") if lacking else "chương trình cần Python 3.11 trở lên"
    if has_venv:
        what += "; thư mục .venv đã có nhưng chưa dùng được, cài lại như dưới đây"
    posix, windows = " ".join(map(shlex.quote, argv)), subprocess.list2cmdline(argv)
    folder = "" if Path.cwd().resolve() == root.resolve() else f"  cd \"{root}\"\n"
    return (f"Chưa chạy được: {what}. Đang dùng: {sys.executable} (Python "
            f"{sys.version.split()[0]}).\n"
            f"Cài đặt một lần (cần Python 3.11 trở lên và Internet), trong thư mục {root}:\n"
            f"{folder}"
            "  Linux, macOS: python3 -m venv .venv && .venv/bin/pip install -e . && "
            f".venv/bin/python run.py {posix}".rstrip() + "\n"
            "  Windows:      py -m venv .venv && .venv\\Scripts\\pip install -e . && "
            f".venv\\Scripts\\python run.py {windows}".rstrip() + "\n"
            "Từ đó, python run.py tự dùng .venv. Không muốn gõ lệnh: bấm đúp \"Lap bao cao thi "
            "dua.bat\" (Windows) hoặc \"Lap bao cao thi dua.command\" (macOS, Linux): lần đầu "
            "chương trình tự cài đặt.")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    for stream in (sys.stdout, sys.stderr):  # redirected on Windows: cp1252 has no "ệ"
        if isinstance(stream, io.TextIOWrapper) and not stream.isatty():
            stream.reconfigure(encoding="utf-8")
    try:
        python = ensure_venv(ROOT)
        if python is None:
            return 2
        say()
        return run_job(ROOT, python, args)
    except KeyboardInterrupt:
        say("Đã dừng theo yêu cầu.")
        return 130
    except Exception as exc:  # a bug here must still end in a sentence the secretary can send
        traceback.print_exc()
        say(f"\nLỗi không mong đợi khi khởi động ({type(exc).__name__}: {exc}). Chụp màn hình "
            "cửa sổ này gửi người phụ trách kỹ thuật.")
        return 3


if __name__ == "__main__":
    sys.exit(main())
