"""Command line: maps options to the job and its outcome to an exit code and Vietnamese text.

Exit codes: 0 report written (warnings allowed), 1 blocking data errors, 2 usage or config.
"""

from __future__ import annotations

import argparse
import sys
import traceback
from pathlib import Path
from typing import NoReturn

from .errors import ThiduaError

ROOT = Path(__file__).resolve().parent.parent


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # exit 2 with a Vietnamese line, no usage dump
        print(f"Lỗi cách gọi lệnh: {message}. Xem: python run.py --help", file=sys.stderr)
        raise SystemExit(2)


def parser() -> argparse.ArgumentParser:
    p = _Parser(prog="python run.py",
                description="Lập báo cáo kết quả thực hiện giao ước thi đua từ các phiếu Excel.")
    p.add_argument("lenh", nargs="?", default="run", choices=("run", "init", "check", "khoi"),
                   help="run (mặc định): lập báo cáo; init: tạo mẫu trống; check: chỉ kiểm tra; "
                        "khoi: tổng hợp, xếp hạng các cơ quan của khối thi đua")
    p.add_argument("--input", type=Path,
                   help="thư mục chứa phiếu (mặc định: input/; với khoi: input_khoi/)")
    p.add_argument("--output", type=Path,
                   help="thư mục kết quả (mặc định: output/; với khoi: output/khoi/)")
    p.add_argument("--config", type=Path, default=ROOT / "config.toml",
                   help="tệp cấu hình (mặc định: config.toml)")
    p.add_argument("--pdf", action="store_true",
                   help="xuất thêm báo cáo PDF (cần LibreOffice)")
    p.add_argument("--khong-ho-so", action="store_true",
                   help="không lập hồ sơ cuối năm (các quyết định khen thưởng, bảng tiền thưởng)")
    p.add_argument("--previous", type=Path, metavar="TỆP",
                   help="kết quả năm trước (tệp ket_qua_<năm>.json); mặc định tìm trong "
                        "output/<năm trước>/")
    p.add_argument("-v", "--verbose", action="store_true", help="in chi tiết khi có lỗi lạ")
    return p


def main(argv: list[str] | None = None) -> int:
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
