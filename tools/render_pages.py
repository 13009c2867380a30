"""Render the sample report's pages as images into docs/ (LibreOffice → PDF → PNG), so the
report is seen, not only parsed. Needs LibreOffice and poppler-utils (pdftoppm).

Usage: python tools/render_pages.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline import config, job  # noqa: E402

DPI = 80

if __name__ == "__main__":
    docs = ROOT / "docs"
    for old in docs.glob("trang_*.png"):
        old.unlink()
    with tempfile.TemporaryDirectory() as tmp:
        outcome = job.run(ROOT / "input", Path(tmp), config.load(ROOT / "config.toml"),
                          lambda *_: None, want_pdf=True)
        if outcome.notes:
            sys.exit("\n".join(outcome.notes))
        made = next(p for p in outcome.written if p.suffix == ".pdf")
        subprocess.run(["pdftoppm", "-r", str(DPI), "-png", str(made), str(docs / "trang")],
                       check=True)
    for page in sorted(docs.glob("trang-*.png")):  # trang-1.png → trang_1.png
        page.rename(docs / f"trang_{int(page.stem.split('-')[1])}.png")
        print(docs / f"trang_{int(page.stem.split('-')[1])}.png")
