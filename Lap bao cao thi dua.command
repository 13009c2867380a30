#!/bin/bash
# Lập báo cáo thi đua. macOS: bấm đúp (Finder mở nó trong Terminal). Linux: chạy trong cửa sổ
# dòng lệnh, ./"Lap bao cao thi dua.command", hoặc chọn "Run" trong trình quản lý tệp.
# Thêm tham số để chạy lệnh khác: check (chỉ kiểm tra), init (tạo mẫu trống), khoi (khối thi đua).
# Tệp này chỉ tìm Python 3.11 trở lên; phần việc (cài .venv, chạy, mở thư mục kết quả) nằm ở
# pipeline/launch.py.

wait_key() {  # keep the window open; not when run by a test or a script
  if [ -t 0 ] && [ -z "${THIDUA_NONINTERACTIVE:-}" ]; then
    printf '\nNhấn phím bất kỳ để đóng cửa sổ.'
    read -r -s -n 1
    echo
  fi
}

cd "$(dirname "$0")" || exit 2
if [ ! -f run.py ]; then
  echo "Không thấy run.py cạnh tệp này: hãy giải nén cả thư mục thidua rồi chạy tệp này trong đó."
  wait_key
  exit 2
fi

python=""
for candidate in python3.13 python3.12 python3.11 python3 python; do
  # ensurepip: Debian and Ubuntu ship it apart (python3-venv); without it no venv can be made
  if command -v "$candidate" >/dev/null 2>&1 &&
     "$candidate" -c 'import sys, ensurepip; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1
  then
    python=$candidate
    break
  fi
done
if [ -z "$python" ]; then
  echo "Chưa có Python 3.11 trở lên trên máy này."
  echo "  macOS: cài Python 3.13 từ https://www.python.org/downloads/macos/ rồi chạy lại tệp này."
  echo "  Linux: cài gói python3 (3.11 trở lên) và python3-venv bằng trình quản lý gói."
  wait_key
  exit 2
fi

"$python" -m pipeline.launch "$@"
code=$?
wait_key
exit $code
