"""PDF through LibreOffice headless, when it is installed; the .docx never depends on it."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

TIMEOUT_S = 180
INSTALL_HINT = ("Chưa cài LibreOffice nên chưa xuất được PDF (báo cáo .docx vẫn được ghi). "
                "Cài LibreOffice: trên Windows tải tại libreoffice.org; trên Ubuntu/Debian chạy "
                "\"sudo apt-get install libreoffice-writer\"; rồi chạy lại với --pdf.")


class PdfError(Exception):
    """LibreOffice is missing or could not convert the document."""


def office() -> str | None:
    """The LibreOffice program, if installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(document: bytes, suffix: str = ".docx") -> bytes:
    """The PDF of a .docx (or, by `suffix`, an .xlsx), made by LibreOffice headless in a
    private profile."""
    program = office()
    if program is None:
        raise PdfError(INSTALL_HINT)
    with tempfile.TemporaryDirectory(prefix="thidua_pdf_") as tmp:
        source = Path(tmp, "bao_cao" + suffix)
        source.write_bytes(document)
        profile = Path(tmp, "profile").as_uri()  # runs side by side with an open LibreOffice
        cmd = [program, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
               "--outdir", tmp, str(source)]
        try:
            subprocess.run(cmd, capture_output=True, timeout=TIMEOUT_S, check=False)
        except subprocess.TimeoutExpired:
            raise PdfError(f"LibreOffice không chuyển xong sau {TIMEOUT_S} giây.") from None
        made = source.with_suffix(".pdf")
        if not made.exists():
            raise PdfError("LibreOffice không tạo được tệp PDF (báo cáo .docx vẫn được ghi).")
        return made.read_bytes()
