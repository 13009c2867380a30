"""The offline Windows bundle: built by its documented command, its wheels enough for each Python.

Building needs the package registry (PyPI), so those tests are marked `network`; they run by
default (CI has the registry) and fail, rather than skip, when the registry cannot be reached.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from pipeline import launch
from pipeline.launch import dependencies
from tests.conftest import ROOT
from tools import build_windows_bundle as bundle


def fake_wheel(folder, filename, *requires, requires_python=""):
    name, version = filename.split("-")[:2]
    meta = f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n"
    meta += "".join(f"Requires-Dist: {r}\n" for r in requires)
    meta += f"Requires-Python: {requires_python}\n" if requires_python else ""
    with zipfile.ZipFile(folder / filename, "w") as z:
        z.writestr(f"{name}-{version}.dist-info/METADATA", meta)


def test_a_dependency_only_windows_needs_is_found_missing(tmp_path):
    fake_wheel(tmp_path, "a-1.0-cp312-cp312-win_amd64.whl", 'b; sys_platform == "win32"',
               'c; sys_platform == "linux"', "d[x]>=2")
    fake_wheel(tmp_path, "d-2.0-py3-none-any.whl", 'e; extra == "x"', 'f; extra == "y"')
    assert bundle.missing_on_windows(tmp_path, ["a"], "3.12") == ["b", "e"]
    assert bundle.missing_on_windows(tmp_path, ["a"], "3.11") == ["a"]  # a cp312 wheel only
    fake_wheel(tmp_path, "b-1.0-py3-none-any.whl")
    fake_wheel(tmp_path, "e-1.0-py3-none-any.whl", requires_python=">=3.13")
    assert bundle.missing_on_windows(tmp_path, ["a"], "3.12") == ["e"]  # not for Python 3.12
    fake_wheel(tmp_path, "e-0.9-py3-none-any.whl")
    assert bundle.missing_on_windows(tmp_path, ["a"], "3.12") == []


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The zip as `python tools/build_windows_bundle.py` writes it; nothing cached elsewhere."""
    tmp = tmp_path_factory.mktemp("bundle")
    env = {**os.environ, "TMPDIR": str(tmp)}  # the tool's scratch folder, deleted after
    done = subprocess.run([sys.executable, "tools/build_windows_bundle.py", "--out",
                           str(tmp / "dist")], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=1800)
    assert done.returncode == 0, done.stdout + done.stderr
    path = tmp / "dist" / f"thidua-windows-{bundle.version()}.zip"
    with zipfile.ZipFile(path) as z:
        z.extractall(tmp / "unzipped")
        names = z.namelist()
    return tmp, names, tmp / "unzipped" / path.stem


@pytest.fixture(scope="module")
def pip(built):
    """A pip recent enough to check Requires-Python against --python-version."""
    return bundle.recent_pip(built[0] / "pip")


@pytest.mark.network
def test_zip_holds_the_tracked_files_a_secretary_needs(built):
    _, names, _ = built
    top = f"thidua-windows-{bundle.version()}/"
    assert all(n.startswith(top) and n.isascii() for n in names)  # Explorer's unzip and codepages
    project = sorted(n[len(top):] for n in names if not n.startswith(f"{top}wheels/"))
    assert project == bundle.project_files()
    for needed in ("Lap bao cao thi dua.bat", "Kiem tra du lieu.bat", "run.py", "pyproject.toml",
                   "config.toml", "README.md", "pipeline/launch.py", "input/co_quan.xlsx",
                   "input_templates/mau_bao_cao.docx"):
        assert needed in project
    assert not [p for p in project if p.startswith(("tests/", "tools/", "benchmarks/", ".ci/"))
                or p.endswith(".command")]


@pytest.mark.network
def test_bat_files_keep_crlf_in_the_zip(built):
    _, _, folder = built
    for bat in folder.glob("*.bat"):
        data = bat.read_bytes()
        assert b"\n" not in data.replace(b"\r\n", b""), bat.name


@pytest.mark.network
@pytest.mark.parametrize("python", bundle.PYTHONS)
def test_wheels_install_offline_on_windows(built, pip, python):
    tmp, _, folder = built
    wheels = folder / "wheels"
    names = [w.name for w in wheels.glob("*.whl")]
    assert all(n.endswith(("-win_amd64.whl", "-none-any.whl")) for n in names)
    cp = f"cp{python.replace('.', '')}"
    assert any(f"-{cp}-{cp}-win_amd64.whl" in n for n in names)
    assert f"{cp}-win_amd64" in launch.wheel_tags(wheels)  # the launcher installs offline

    requirements = dependencies(folder)
    done = bundle.resolves(pip, wheels, requirements, python, tmp / f"target-{python}")
    assert done.returncode == 0, done.stdout + done.stderr
    would = next(line for line in done.stdout.splitlines() if line.startswith("Would install"))
    chosen = {canonicalize_name(n.rsplit("-", 1)[0]) for n in would.split()[2:]}
    assert {canonicalize_name(Requirement(r).name) for r in requirements} <= chosen
    # pip's --platform mode reads `sys_platform == "win32"` markers for this machine, not Windows
    assert bundle.missing_on_windows(wheels, requirements, python) == []
