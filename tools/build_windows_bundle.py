"""Build dist/thidua-windows-<version>.zip: the project, its Windows launchers, and the wheels.

    python tools/build_windows_bundle.py [--out dist] [--python 3.11 3.12 3.13]

The office PC then needs only a Python from python.org (64-bit, one of PYTHONS) and no network:
`Lap bao cao thi dua.bat` installs the dependencies from `wheels/` with `pip --no-index`. Run from
the development venv (it needs `packaging`, a test dependency) with the package registry reachable.

The zip holds the tracked files (`git ls-files`) a secretary needs: not the tests, benchmarks,
developer tools, CI or the macOS/Linux launcher. Its `wheels/` holds the win_amd64 wheels of
pyproject.toml's dependencies for each Python, from PyPI (the local pip configuration, with its
extra indexes and find-links, is ignored). pip's --platform mode evaluates environment markers
such as `sys_platform == "win32"` for this machine, not for Windows, so the wheels are then
walked with Windows markers and whatever is missing is downloaded too. Before zipping, pip's
resolver must install everything from `wheels/` alone (--dry-run --no-index) for each Python.
"""

from __future__ import annotations

import argparse
import email.parser
import os
import subprocess
import sys
import tempfile
import tomllib
import zipfile
from collections import defaultdict
from email.message import Message
from pathlib import Path

from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.tags import compatible_tags, cpython_tags
from packaging.utils import canonicalize_name, parse_wheel_filename

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.launch import dependencies  # noqa: E402  (the launcher installs the same list)

PYTHONS = ("3.11", "3.12", "3.13")  # python.org Windows installers that pandas and numpy support
PLATFORM = "win_amd64"
INDEX = "https://pypi.org/simple"
RECENT_PIP = "pip>=24.2"  # older pip checks Requires-Python against itself, not --python-version
NOT_FOR_THE_SECRETARY = ("tests/", "benchmarks/", "tools/", ".ci/", ".git",
                         "Lap bao cao thi dua.command")


class BundleError(Exception):
    """The bundle could not be built; the message says why."""


def version(root: Path = ROOT) -> str:
    with open(root / "pyproject.toml", "rb") as f:
        return str(tomllib.load(f)["project"]["version"])


def project_files(root: Path = ROOT) -> list[str]:
    """Tracked files for the office PC, as paths relative to `root` with forward slashes."""
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=root, capture_output=True,
                            check=True).stdout.decode("utf-8").split("\0")
    return sorted(p for p in listed if p and not p.startswith(NOT_FOR_THE_SECRETARY)
                  and (root / p).is_file())


def pip_env() -> dict[str, str]:
    """The environment without this machine's pip settings: wheels from the index given only."""
    env = {k: v for k, v in os.environ.items() if not k.upper().startswith("PIP_")}
    env["PIP_CONFIG_FILE"] = os.devnull  # pip then reads no configuration file at all
    return env


def pip(cmd: list[str], what: str) -> None:
    done = subprocess.run(cmd, env=pip_env(), capture_output=True, text=True)
    if done.returncode != 0:
        raise BundleError(f"{what} failed:\n{done.stdout[-3000:]}{done.stderr[-3000:]}")


def recent_pip(folder: Path, index: str = INDEX) -> list[str]:
    """A command running a pip recent enough for --python-version checks, from its wheel."""
    pip([sys.executable, "-m", "pip", "download", "--no-deps", "--no-cache-dir",
         "--disable-pip-version-check", "--index-url", index, "-d", str(folder), RECENT_PIP],
        "downloading pip")
    wheel = max(folder.glob("pip-*.whl"))
    return [sys.executable, str(wheel / "pip")]  # pip runs from its own wheel


def target(python: str) -> list[str]:
    return ["--platform", PLATFORM, "--python-version", python, "--implementation", "cp",
            "--only-binary=:all:"]


def download(pip_cmd: list[str], wheels: Path, requirements: list[str], python: str,
             index: str = INDEX) -> None:
    pip([*pip_cmd, "download", "--no-cache-dir", "--disable-pip-version-check",
         "--index-url", index, *target(python), "-d", str(wheels), *requirements],
        f"downloading wheels for Python {python}")


def resolves(pip_cmd: list[str], wheels: Path, requirements: list[str], python: str,
             scratch: Path) -> subprocess.CompletedProcess[str]:
    """pip's resolver installing `requirements` for Windows from `wheels` alone (dry run)."""
    return subprocess.run(
        [*pip_cmd, "install", "--dry-run", "--no-index", "--find-links", str(wheels),
         "--disable-pip-version-check", "--no-cache-dir", *target(python),
         "--target", str(scratch), *requirements], env=pip_env(), capture_output=True, text=True)


def windows_markers(python: str) -> dict[str, str]:
    return {"os_name": "nt", "sys_platform": "win32", "platform_system": "Windows",
            "platform_machine": "AMD64", "platform_release": "10", "platform_version": "",
            "implementation_name": "cpython", "platform_python_implementation": "CPython",
            "implementation_version": f"{python}.0", "python_version": python,
            "python_full_version": f"{python}.0", "extra": ""}


def _metadata(wheel: Path) -> Message:
    with zipfile.ZipFile(wheel) as z:
        name = next(n for n in z.namelist()
                    if n.endswith(".dist-info/METADATA") and n.count("/") == 1)
        return email.parser.Parser().parsestr(z.read(name).decode("utf-8"), headersonly=True)


def missing_on_windows(wheels: Path, requirements: list[str], python: str) -> list[str]:
    """Requirements, with their dependencies under Windows markers, that no wheel here meets."""
    major, minor = (int(n) for n in python.split("."))
    fits = {*cpython_tags((major, minor), platforms=[PLATFORM]),
            *compatible_tags((major, minor), f"cp{major}{minor}", [PLATFORM])}
    available = defaultdict(list)
    for wheel in wheels.glob("*.whl"):
        name, ver, _, tags = parse_wheel_filename(wheel.name)
        meta = _metadata(wheel)
        if tags & fits and SpecifierSet(meta.get("Requires-Python") or "").contains(python):
            available[name].append((ver, meta))
    env, seen, missing = windows_markers(python), set(), []
    todo = [(Requirement(r), "") for r in requirements]
    while todo:
        req, extra = todo.pop()
        if (req.marker and not req.marker.evaluate({**env, "extra": extra})) \
                or (str(req), extra) in seen:
            continue
        seen.add((str(req), extra))
        found = [(v, m) for v, m in available[canonicalize_name(req.name)]
                 if req.specifier.contains(v, prereleases=True)]
        if not found:
            extras = f"[{','.join(sorted(req.extras))}]" if req.extras else ""
            missing.append(f"{req.name}{extras}{req.specifier}")
            continue
        meta = max(found, key=lambda vm: vm[0])[1]  # the version pip would pick
        for dep in meta.get_all("Requires-Dist") or []:
            todo += [(Requirement(dep), e) for e in ("", *sorted(req.extras))]
    return sorted(set(missing))


def fill(pip_cmd: list[str], wheels: Path, requirements: list[str], python: str,
         index: str = INDEX) -> None:
    """Download the wheels for one Python, until nothing is missing under Windows markers."""
    wanted = requirements
    for _ in range(5):
        download(pip_cmd, wheels, wanted, python, index)
        wanted = missing_on_windows(wheels, requirements, python)
        if not wanted:
            return
        print(f"  Python {python}: also needed on Windows: {', '.join(wanted)}", flush=True)
    raise BundleError(f"Python {python}: still missing on Windows: {', '.join(wanted)}")


def write_zip(path: Path, top: str, root: Path, files: list[str], wheels: Path) -> None:
    """The zip, written beside its final name and moved into place when complete."""
    partial = path.with_name(f".{path.name}.partial")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, strict_timestamps=False) as z:
        for rel in files:
            z.write(root / rel, f"{top}/{rel}")
        for wheel in sorted(wheels.glob("*.whl")):  # already compressed
            z.write(wheel, f"{top}/wheels/{wheel.name}", compress_type=zipfile.ZIP_STORED)
    os.replace(partial, path)


def check_launchers(root: Path, files: list[str]) -> None:
    """The .bat files as cmd needs them: CRLF line ends, ASCII only (see .gitattributes)."""
    for rel in (f for f in files if f.endswith(".bat")):
        data = (root / rel).read_bytes()
        if b"\n" in data.replace(b"\r\n", b"") or not data.isascii():
            raise BundleError(f"{rel}: needs CRLF line ends and ASCII only")


def build(out: Path, pythons: tuple[str, ...] = PYTHONS, root: Path = ROOT,
          index: str = INDEX) -> Path:
    """dist/thidua-windows-<version>.zip, its wheelhouse proved complete for each Python."""
    name = f"thidua-windows-{version(root)}"
    files = project_files(root)
    check_launchers(root, files)
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=root,
                           capture_output=True, text=True).stdout
    if dirty:
        print(f"Note: uncommitted changes go into the zip:\n{dirty}", file=sys.stderr)
    requirements = dependencies(root)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="thidua-bundle-") as tmp:
        work = Path(tmp)
        pip_cmd = recent_pip(work / "pip", index)
        wheels = work / "wheels"
        for python in pythons:
            print(f"Wheels for CPython {python} {PLATFORM}…", flush=True)
            fill(pip_cmd, wheels, requirements, python, index)
            done = resolves(pip_cmd, wheels, requirements, python, work / f"dry-{python}")
            if done.returncode != 0:
                raise BundleError(f"Python {python}: pip cannot install from the wheels alone:\n"
                                  f"{done.stdout[-2000:]}{done.stderr[-2000:]}")
        path = out / f"{name}.zip"
        write_zip(path, name, root, files, wheels)
    return path


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--out", type=Path, default=ROOT / "dist", help="folder for the zip (dist/)")
    p.add_argument("--python", nargs="+", default=list(PYTHONS),
                   help=f"CPython versions to carry wheels for ({' '.join(PYTHONS)})")
    p.add_argument("--index-url", default=INDEX, help=f"package index ({INDEX})")
    args = p.parse_args(argv)
    try:
        path = build(args.out, tuple(args.python), index=args.index_url)
    except (BundleError, subprocess.CalledProcessError) as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    size = path.stat().st_size / 2**20
    print(f"Wrote {path} ({size:.0f} MiB): the project, the Windows launchers, wheels for "
          f"CPython {', '.join(args.python)} {PLATFORM}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
