"""`run.py init`: the blank forms and the Word templates, never overwriting a changed file."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from functools import partial
from pathlib import Path

from . import schema
from .config import Config
from .delivery.outputs import publish, writing
from .reading.forms import write_form


def shipped(cfg: Config, into: Path | None = None) -> dict[Path, Callable[[Path], None]]:
    """Each template the configuration names, and the function that writes it: the blank
    unit, agency and khối workbooks, and the Word templates of the agency and khối reports, of
    the year-end decisions and of the council's papers (biên bản, tờ trình, báo cáo thành
    tích). `into`: all of them in that folder instead, under their own names."""
    from .documents import council_template as council
    from .documents.decision_template import write_decision_template
    from .documents.report_template import write_report_template
    from .khoi.report import write_template

    words: dict[Path, Callable[[Path], None]] = {
        cfg.paths.report_template: write_report_template,
        cfg.khoi.report_template: write_template,
        cfg.ho_so.mau_quyet_dinh: write_decision_template,
        cfg.ho_so.mau_bien_ban: council.write_minutes_template,
        cfg.ho_so.mau_to_trinh: council.write_submission_template,
        cfg.ho_so.mau_bao_cao_thanh_tich: council.write_achievements_template,
    }
    folder = cfg.paths.templates if into is None else into
    return {**{folder / k.template_file: partial(write_form, kind=k)
               for k in schema.KINDS.values()},
            **{(path if into is None else into / path.name): make
               for path, make in words.items()}}


def init(cfg: Config, into: Path | None = None) -> list[str]:
    """Write the templates that are missing (see `shipped`); returns what was done."""
    found = shipped(cfg, into)
    folder = next(iter(found)).parent  # the blank forms' folder
    with writing(folder):
        folder.mkdir(parents=True, exist_ok=True)
    lines = []
    for target, make in found.items():
        if not target.exists():  # staged and moved into place: Ctrl-C leaves no half a file
            publish(target.parent, {target.name: make})
            lines.append(f"Đã tạo {target}")
            continue
        with tempfile.TemporaryDirectory() as tmp:
            fresh = Path(tmp) / target.name
            make(fresh)
            if target.suffix == ".xlsx" and fresh.read_bytes() == target.read_bytes():
                lines.append(f"Đã có {target} (đúng phiên bản {schema.TEMPLATE_VERSION})")
                continue
            if target.suffix == ".docx":  # the secretary may have reworded it: keep it
                lines.append(f"Giữ nguyên {target} (có thể đã được sửa trong Word)")
                continue
            [new] = publish(target.parent, {target.name: make})  # a free name, never over
            lines.append(f"{target} khác mẫu hiện hành: mẫu mới ghi vào {new}")
    return lines
