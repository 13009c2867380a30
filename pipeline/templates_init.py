"""`run.py init`: the blank forms and the report template, never overwriting a changed file."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from functools import partial
from pathlib import Path

from . import schema
from .delivery.outputs import publish, writing
from .reading.forms import write_form


def init(folder: Path, report_template: Path, khoi_template: Path | None = None,
         decision_template: Path | None = None,
         council_templates: tuple[Path, Path, Path] | None = None) -> list[str]:
    """Write the blank unit, agency and khối workbooks and the Word templates of the agency
    and khối reports, of the year-end decisions and of the council's papers (biên bản, tờ
    trình, báo cáo thành tích); returns what was done."""
    from .documents import council_template as council
    from .documents.decision_template import write_decision_template
    from .documents.report_template import write_report_template
    from .khoi.report import write_template

    with writing(folder):
        folder.mkdir(parents=True, exist_ok=True)
    makers: dict[Path, Callable[[Path], None]] = {
        folder / k.template_file: partial(write_form, kind=k) for k in schema.KINDS.values()}
    makers[report_template] = write_report_template
    if khoi_template is not None:
        makers[khoi_template] = write_template
    if decision_template is not None:
        makers[decision_template] = write_decision_template
    if council_templates is not None:
        makers |= dict(zip(council_templates, (council.write_minutes_template,
                                               council.write_submission_template,
                                               council.write_achievements_template),
                           strict=True))
    lines = []
    for target, make in makers.items():
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
