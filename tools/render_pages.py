"""Render the sample report's pages, the first decision of its year-end dossier (the decision
and its list), the council's biên bản and the tờ trình, as images into docs/ (LibreOffice → PDF
→ PNG), so that they are seen, not only parsed. Needs LibreOffice and poppler-utils (pdftoppm).

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
DECISION = "quyet_dinh_lao_dong_tien_tien_"  # the sample's first decision
PAPERS = {"bien_ban_hop_hoi_dong_": "bien_ban", "to_trinh_de_nghi_khen_thuong_": "to_trinh"}


def render(pdf: Path, stem: str, docs: Path) -> None:
    """Each page of `pdf` as docs/<stem>_<n>.png, the old images of that stem removed."""
    for old in docs.glob(f"{stem}_*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-r", str(DPI), "-png", str(pdf), str(docs / stem)], check=True)
    for page in sorted(docs.glob(f"{stem}-*.png")):  # trang-1.png → trang_1.png
        named = docs / f"{stem}_{int(page.stem.rsplit('-', 1)[1])}.png"
        page.rename(named)
        print(named)


if __name__ == "__main__":
    docs = ROOT / "docs"
    with tempfile.TemporaryDirectory() as tmp:
        outcome = job.run(ROOT / "input", Path(tmp), config.load(ROOT / "config.toml"),
                          lambda *_: None, want_pdf=True)
        if outcome.notes:
            sys.exit("\n".join(outcome.notes))
        pdfs = [p for p in outcome.written if p.suffix == ".pdf"]
        render(next(p for p in pdfs if p.parent.name != "ho_so"), "trang", docs)
        render(next(p for p in pdfs if p.name.startswith(DECISION)), "quyet_dinh", docs)
        for lead, stem in PAPERS.items():
            render(next(p for p in pdfs if p.name.startswith(lead)), stem, docs)
