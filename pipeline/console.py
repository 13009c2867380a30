"""What the secretary sees in the terminal: progress, problems, the summary table."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from . import config, fmt, schema
from .issues import HOLD, Issue, rank

if TYPE_CHECKING:
    from .figures.decisions import Dossier
    from .job import Outcome
    from .khoi.model import KhoiOutcome


def _print(text: str = "") -> None:
    print(text, flush=True)


def progress(file: str, description: str) -> None:
    _print(f"  • {file}: {description}")


def print_issues(issues: list[Issue]) -> None:
    for i in sorted(issues, key=rank):
        place = f" [{i.place()}]" if i.place() else ""
        _print(f"  {i.severity}{place}: {i.message}\n      → {i.fix}")


def print_summary(outcome: Outcome) -> None:
    data, figures, c = outcome.data, outcome.figures, outcome.conclusion
    assert data and figures and c
    m = figures.metrics
    rows: list[tuple[str, str]] = [
        ("Cơ quan", f"{data.agency.name}, năm {data.agency.year}"),
        ("Đơn vị", fmt.count(len(data.units))),
        ("Cá nhân", fmt.count(len(data.people))),
    ]
    for name in (schema.M_GOOD, schema.M_LDTT, schema.M_CSTDCS, schema.M_C_LDTT, schema.M_TASKS):
        v = m[name].value
        rows.append((name, f"{fmt.ratio(m[name].num, m[name].den)} = "
                           f"{fmt.percent(v) if v is not None else 'chưa có số liệu'}"))
    rows += [
        ("Chỉ tiêu đạt / vượt", f"{fmt.count(c.met)} / {fmt.count(c.exceeded)}"),
        ("Chỉ tiêu không đạt", fmt.count(len(c.not_met))),
        ("Chỉ tiêu chờ kết quả", fmt.count(len(c.pending))),
        ("Cảnh báo", fmt.count(len(outcome.issues))),
    ]
    width = max(len(k) for k, _ in rows)
    _print("\nKẾT QUẢ")
    for label, value in rows:
        _print(f"  {label.ljust(width)}  {value}")
    if outcome.dossier:
        print_dossier(outcome.dossier, bool(outcome.written))
        print_papers(outcome, bool(outcome.written))
    if outcome.changes:
        _print(f"\nSO VỚI NĂM {outcome.previous_year}")
        width = max(len(ch.metric) for ch in outcome.changes)
        for ch in outcome.changes:
            if ch.now_value is not None or ch.before_value is not None:
                _print(f"  {ch.metric.ljust(width)}  {ch.before_text} → {ch.now_text}: {ch.text}")


def print_dossier(made: Dossier, written: bool = True) -> None:
    """Each decision of the year-end dossier: written (count, bonus) or held back, and why;
    `written`: False after `check`, which writes nothing ("sẽ lập")."""
    _print(f"\nHỒ SƠ CUỐI NĂM (ngày quyết định {fmt.day(made.when)})")
    if not made.decisions:
        _print("  Không có danh hiệu, Giấy khen nào để lập quyết định.")
    for d in made.decisions:
        if d.written:
            _print(f"  {_made(written)} {d.name}: {d.counted}, tiền thưởng {fmt.money(d.total)}")
        else:
            _print(f"  CHƯA LẬP {d.name}: {fmt.count(len(d.holds))} lý do ở mục "
                   f"\"{HOLD}\" {_where(written)}")


def _made(written: bool) -> str:
    return "Đã lập" if written else "Sẽ lập"


def _where(written: bool) -> str:
    return "(danh sách kiểm tra dữ liệu)" if written else "(ở trên)"


def print_papers(outcome: Outcome, written: bool = True) -> None:
    """The council's biên bản and the tờ trình: written, or held back and why."""
    met, sent = outcome.council, outcome.submission
    done = _made(written)
    if met is not None:
        passed = sum(v.passed for v in met.verdicts)
        said = (f"{fmt.count(len(met.present))}/{fmt.count(len(met.members))} thành viên có "
                f"mặt, {fmt.count(passed)}/{fmt.count(len(met.verdicts))} đề nghị đạt tỷ lệ "
                "phiếu" if met.quorate else "KHÔNG ĐỦ số thành viên có mặt")
        if met.holds:
            _print(f"  CHƯA LẬP biên bản họp Hội đồng: {fmt.count(len(met.holds))} danh hiệu, "
                   f"đề nghị chưa được bình xét (mục \"{HOLD}\" {_where(written)})")
        else:
            _print(f"  {done} biên bản họp Hội đồng Thi đua - Khen thưởng: {said}")
    if sent is not None and sent.written:
        _print(f"  {done} tờ trình đề nghị khen thưởng: {fmt.count(len(sent.proposals))} đề nghị")
    elif sent is not None:
        _print(f"  CHƯA LẬP tờ trình đề nghị khen thưởng: {fmt.count(len(sent.holds))} lý do ở "
               f"mục \"{HOLD}\" {_where(written)}")


def _written(paths: list[Path]) -> None:
    _print("\nĐã ghi:")
    for p in paths:
        _print(f"  {p}")


def dispatch(args: argparse.Namespace) -> int:
    cfg = config.load(args.config)
    if args.lenh == "init":
        from .templates_init import init
        for line in init(cfg):
            _print(line)
        return 0
    if args.lenh == "khoi":
        return _khoi(args, cfg)
    from . import job
    folder = args.input or cfg.paths.input
    _print(f"Đọc các phiếu trong {folder}:")
    if args.lenh == "check":
        outcome = job.check(folder, cfg, progress)
        if cfg.ho_so.lap and not args.khong_ho_so and not outcome.blocked:
            job.decide(outcome, cfg, date.today())
    else:
        outcome = job.run(folder, args.output or cfg.paths.output, cfg, progress,
                          want_pdf=args.pdf, previous=args.previous,
                          dossier=not args.khong_ho_so)
    return _finish(outcome, lambda: print_summary(outcome))


def _finish(outcome: Outcome | KhoiOutcome, show: Callable[[], None]) -> int:
    """Problems first; then the figures (`show`), notes and files written; the exit code."""
    if outcome.issues:
        _print(f"\nLỗi và cảnh báo ({len(outcome.issues)}):")
        print_issues(outcome.issues)
    if outcome.blocked:
        print("\nCó lỗi dữ liệu: chưa lập báo cáo. Sửa các ô đã nêu rồi chạy lại.",
              file=sys.stderr)
        if outcome.written:
            _written(outcome.written)
        return 1
    show()
    for note in outcome.notes:
        _print(f"\nLưu ý: {note}")
    if outcome.written:
        _written(outcome.written)
    return 0


def print_ranking(outcome: KhoiOutcome) -> None:
    _print(f"\nXẾP HẠNG {outcome.name.upper()} NĂM {outcome.year}")
    width = max(len(s.member.name) for s in outcome.standings)
    for s in outcome.standings:
        what = s.award or s.remark
        _print(f"  {s.rank:>3}. {s.member.name.ljust(width)}  {s.total_text:>7} điểm"
               + (f"  {what}" if what else ""))
    if outcome.missing:
        _print(f"  Chưa có kết quả: {fmt.join_vi(outcome.missing)}")


def _khoi(args: argparse.Namespace, cfg: config.Config) -> int:
    from .khoi import job as khoi_job
    folder = args.input or cfg.khoi.input
    _print(f"Đọc kết quả các cơ quan trong {folder}:")
    outcome = khoi_job.run(folder, args.output or cfg.khoi.output, cfg, progress,
                       want_pdf=args.pdf, previous=args.previous)
    return _finish(outcome, lambda: print_ranking(outcome))
