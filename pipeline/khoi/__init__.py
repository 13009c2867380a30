"""The khối thi đua (python run.py khoi): the member agencies' results put together, checked,
scored, ranked and proposed for the Cờ thi đua and the Bằng khen.

A member comes as its result file (ket_qua_<year>.json, pipeline/result.py) or as a folder of
its workbooks, checked like an agency run (nothing of it is written). The khối workbook
(mau_khoi.xlsx) lists the members, extra points and the report's signer. Scores are exact
fractions; the ranking, its ties and every point are explained. The modules mirror the
agency run's:

- model.py    the types, a member's identity, the pooled totals
- gather.py   reading: the khối workbook, result files, member folders (in a process pool)
- members.py  who counts: year, name, members once each, those missing, the extra points
- score.py    scoring, ranking, ties, proposals
- result.py   the khối's result file, built and read back
- report.py, summary.py   the Word report and the Excel summary
- job.py      check and run: the one place the stages are put in order

Stages take data and return data; job.py assembles the outcome. What the rest of the program
and the tests use is named here.
"""

from __future__ import annotations

from .job import check, run
from .model import BONUS, KhoiOutcome, KhoiResult, Score, Standing, ident, totals
from .result import read_result
from .score import rank, tie_rule

__all__ = ["BONUS", "KhoiOutcome", "KhoiResult", "Score", "Standing", "check", "ident", "rank",
           "read_result", "run", "tie_rule", "totals"]
