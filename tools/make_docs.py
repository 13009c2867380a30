"""Write docs/bien_mau_*.md, the variables' reference of the agency and khối report templates,
of the decisions' and of the council's papers (biên bản, tờ trình, báo cáo thành tích), from
the code.

Usage: python tools/make_docs.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.documents import decision_report, minutes, submission  # noqa: E402
from pipeline.documents.report import variables_reference  # noqa: E402
from pipeline.khoi import report as khoi_report  # noqa: E402

PAGES = {"bien_mau_bao_cao.md": variables_reference(),
         "bien_mau_bao_cao_khoi.md": variables_reference("mau_bao_cao_khoi.docx",
                                                         khoi_report.VARIABLES),
         "bien_mau_quyet_dinh.md": decision_report.variables_reference(),
         "bien_mau_bien_ban.md": minutes.variables_reference(),
         "bien_mau_to_trinh.md": submission.variables_reference(),
         "bien_mau_bao_cao_thanh_tich.md": submission.variables_reference(report=True)}

if __name__ == "__main__":
    for name, text in PAGES.items():
        target = ROOT / "docs" / name
        target.parent.mkdir(exist_ok=True)
        target.write_text(text, encoding="utf-8")
        print(target)
