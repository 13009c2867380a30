"""Rewrite input/ with the bundled sample agency (Ban Dân tộc tỉnh Quảng Ngãi, 2023).

Usage: python tools/make_sample.py [folder]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline.reading.forms import write_set  # noqa: E402
from tools.sample_data import AGENCY, UNITS  # noqa: E402

if __name__ == "__main__":
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent.parent / "input"
    for path in write_set(folder, AGENCY, UNITS):
        print(path)
