"""Rewrite the shipped templates in input_templates/ from the code that makes them: the blank
forms and the Word templates (reports, decisions, the council's papers). Run it after changing
pipeline/reading/forms.py, schema.py or a *_template.py; tests/test_forms.py fails until then.
Unlike `run.py init`, it overwrites: the shipped templates are the code's, not the secretary's.

Usage: python tools/make_templates.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline import config  # noqa: E402
from pipeline.templates_init import shipped  # noqa: E402

if __name__ == "__main__":
    for path, make in shipped(config.load(ROOT / "config.toml")).items():
        make(ROOT / path)
        print(path)
