"""thidua: báo cáo kết quả thực hiện giao ước thi đua. Cách dùng: python run.py --help"""

import sys

from pipeline.cli import main

if __name__ == "__main__":
    sys.exit(main())
