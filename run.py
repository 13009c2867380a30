"""thidua: báo cáo kết quả thực hiện giao ước thi đua. Cách dùng: python run.py --help"""

import sys

from pipeline.launch import start

if __name__ == "__main__":
    start(sys.argv[1:])  # a Python without the libraries: .venv's runs instead, or how to install
    from pipeline.cli import main

    sys.exit(main())
