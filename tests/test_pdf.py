"""PDF through LibreOffice: a real client renders the report (installed by .ci/run)."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from pipeline import job
from pipeline.documents import pdf
from tests.conftest import ROOT, TODAY, quiet

needs_office = pytest.mark.skipif(
    pdf.office() is None and not os.environ.get("CI"),
    reason="LibreOffice is not installed here (.ci/run installs it)")


@needs_office
def test_sample_report_renders_to_pdf(cfg, tmp_path):
    outcome = job.run(ROOT / "input", tmp_path, cfg, quiet, today=TODAY, want_pdf=True)
    made = tmp_path / "2023" / "bao_cao_thi_dua_2023.pdf"
    assert made in outcome.written and not outcome.notes
    assert shutil.which("pdftotext"), "poppler-utils (pdftotext) is needed"
    text = subprocess.run(["pdftotext", "-layout", str(made), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Kế hoạch số 128/KH-BDT ngày 28/02/2023" in text  # a footnote, rendered
    assert "20/20 cá nhân đạt danh hiệu lao động tiên tiến, đạt 100%" in " ".join(text.split())
    info = subprocess.run(["pdfinfo", str(made)], capture_output=True, text=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages")))
    assert pages >= 2


def test_without_libreoffice_the_docx_is_written_and_the_user_told(cfg, tmp_path, monkeypatch):
    monkeypatch.setattr(pdf, "office", lambda: None)
    outcome = job.run(ROOT / "input", tmp_path, cfg, quiet, today=TODAY, want_pdf=True)
    assert [n for n in outcome.notes if "LibreOffice" in n and "apt-get install" in n]
    names = sorted(p.name for p in outcome.written)
    assert "bao_cao_thi_dua_2023.docx" in names
    assert not [n for n in names if n.endswith(".pdf")]
