"""Command line: maps options to the job and its outcome to an exit code and Vietnamese text.

Exit codes: 0 report written (warnings allowed), 1 blocking data errors, 2 usage or config,
3 a bug ("Lỗi không mong đợi"), 130 stopped with Ctrl-C.
"""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn

from .errors import ThiduaError

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = ("run", "init", "check", "khoi")

# argparse's own words (Python 3.11 to 3.14), in Vietnamese. argparse asks gettext for each
# one when it uses it, through the names `_` and `ngettext` of its module: the only hook it
# has. gettext's own way, a compiled catalogue for the process's text domain, follows the
# user's locale and reaches every other library; this is only ours, only while we use it.
ARGPARSE_VI = {
    "usage: ": "Cách dùng: ",
    "positional arguments": "lệnh",
    "options": "tùy chọn",
    "optional arguments": "tùy chọn",
    "show this help message and exit": "in hướng dẫn này rồi thoát",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "%(value)r không có trong danh sách (chọn một trong: %(choices)s)",
    "invalid choice: %(value)r, maybe you meant %(closest)r? (choose from %(choices)s)":
        "%(value)r không có trong danh sách; có phải là %(closest)r? (chọn một trong: "
        "%(choices)s)",
    "unrecognized arguments: %s": "không hiểu %s",
    "expected one argument": "thiếu giá trị đi sau",
    "expected at most one argument": "chỉ nhận tối đa một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "expected %s argument": "cần %s giá trị",
    "the following arguments are required: %s": "thiếu %s",
    "ambiguous option: %(option)s could match %(matches)s":
        "chưa rõ tùy chọn %(option)s: có thể là %(matches)s",
    "ignored explicit argument %r": "tùy chọn này không nhận giá trị (%r)",
    "invalid %(type)s value: %(value)r": "giá trị không hợp lệ: %(value)r",
    "not allowed with argument %s": "không dùng cùng %s",
    "one of the arguments %s is required": "cần một trong: %s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
}


def _vi(message: str) -> str:
    return ARGPARSE_VI.get(message, message)


def _vi_n(singular: str, plural: str, n: int) -> str:
    return ARGPARSE_VI.get(singular, singular if n == 1 else plural)


@contextmanager
def vietnamese() -> Iterator[None]:
    """argparse in Vietnamese while the parser is made, prints its help or parses."""
    saved = getattr(argparse, "_"), getattr(argparse, "ngettext")  # noqa: B009
    setattr(argparse, "_", _vi)  # noqa: B010
    setattr(argparse, "ngettext", _vi_n)  # noqa: B010
    try:
        yield
    finally:
        setattr(argparse, "_", saved[0])  # noqa: B010
        setattr(argparse, "ngettext", saved[1])  # noqa: B010


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # exit 2 with a Vietnamese line, no usage dump
        print(f"Lỗi cách gọi lệnh: {message}. Xem: python run.py --help", file=sys.stderr)
        raise SystemExit(2)


def parser() -> argparse.ArgumentParser:
    """The command line; make it, and use it, inside `vietnamese()`."""
    p = _Parser(prog="python run.py",
                description="Lập báo cáo kết quả thực hiện giao ước thi đua từ các phiếu Excel.",
                epilog="Mã thoát: 0 đã lập báo cáo (có thể kèm cảnh báo); 1 có lỗi dữ liệu, chưa "
                       "lập báo cáo; 2 sai cách gọi lệnh, sai tệp cấu hình, mẫu báo cáo sai hoặc "
                       "không ghi được kết quả; 3 lỗi của chương trình; 130 dừng bằng Ctrl-C. "
                       "Chi tiết: README.md.")
    p.add_argument("lenh", nargs="?", default="run", choices=COMMANDS, metavar="LỆNH",
                   help="run (mặc định): lập báo cáo; init: tạo mẫu trống; check: chỉ kiểm tra; "
                        "khoi: tổng hợp, xếp hạng các cơ quan của khối thi đua")
    p.add_argument("--input", type=Path, metavar="THƯ_MỤC",
                   help="thư mục chứa phiếu (mặc định: input/; với khoi: input_khoi/)")
    p.add_argument("--output", type=Path, metavar="THƯ_MỤC",
                   help="thư mục kết quả (mặc định: output/; với khoi: output/khoi/)")
    p.add_argument("--config", type=Path, default=ROOT / "config.toml", metavar="TỆP",
                   help="tệp cấu hình (mặc định: config.toml)")
    p.add_argument("--pdf", action="store_true",
                   help="xuất thêm báo cáo PDF (cần LibreOffice)")
    p.add_argument("--khong-ho-so", action="store_true",
                   help="không lập hồ sơ cuối năm (quyết định khen thưởng, bảng tiền thưởng, "
                        "biên bản họp Hội đồng, tờ trình)")
    p.add_argument("--previous", type=Path, metavar="TỆP",
                   help="kết quả năm trước (tệp ket_qua_<năm>.json); mặc định tìm trong "
                        "output/<năm trước>/")
    p.add_argument("-v", "--verbose", action="store_true", help="in chi tiết khi có lỗi lạ")
    return p


def help_text() -> str:
    """What python run.py --help prints."""
    with vietnamese():
        return parser().format_help()


def main(argv: list[str] | None = None) -> int:
    with vietnamese():
        args = parser().parse_args(argv)
    try:
        from . import console  # imports the pipeline only once the command line is fine
        return console.dispatch(args)
    except ThiduaError as exc:
        print(f"Lỗi: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("Đã dừng theo yêu cầu; không có tệp kết quả nào dở dang.", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug, not a data problem: say so plainly
        if args.verbose:
            traceback.print_exc()
        print(f"Lỗi không mong đợi ({type(exc).__name__}: {exc}). Chạy lại với -v để xem chi "
              "tiết và gửi cho người phụ trách kỹ thuật.", file=sys.stderr)
        return 3
