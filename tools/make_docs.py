"""Write docs/bien_mau_bao_cao.md, the template variables' reference, from the code.

Usage: python tools/make_docs.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.report import variables_reference  # noqa: E402

if __name__ == "__main__":
    target = ROOT / "docs" / "bien_mau_bao_cao.md"
    target.parent.mkdir(exist_ok=True)
    target.write_text(variables_reference(), encoding="utf-8")
    print(target)
