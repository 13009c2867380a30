"""The sample report carries the reference (issue 11): at least 90% of the reference's
paragraphs of 8+ words appear in the generated report, measured by shared five-word runs
(NFC, casefolded), leaving out only the reference's own errors, each named with why.

The reference lives outside the project (../shared/reference); its paragraphs' five-word runs
are kept here as hashes (tests/reference_runs.json), so the test runs wherever the project
does. Rewrite them with `python -m tests.test_coverage` when the reference changes."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata

import pytest

from tests.conftest import ROOT, docx_text, written

REFERENCE = ROOT.parent / "shared" / "reference" / "000_7195ea7e65179886.txt"
FINGERPRINT = ROOT / "tests" / "reference_runs.json"
SHARE = 0.5  # of a paragraph's five-word runs found in the report: the paragraph is carried
GOAL = 0.9

# The reference's errors, which a report computed from the data must not repeat.
ERRORS = {
    "² Kế hoạch số 1045 ngày 10/10/2023":
        "an incomplete citation: the report cites Kế hoạch số 1045/KH-BDT",
    "- 10 công chức, người lao động trong cơ quan hoàn thành tốt nhiệm vụ trở lên, đạt 100%":
        "10 of a 20-person staff is not 100%: the report says 20/20",
    "1.3. Kết quả thi đua, khen thưởng đều đạt và vượt chỉ tiêu đăng ký.":
        "false: the CSTĐCS pledge (10% against 15%) is not met; the report says so in Hạn chế",
}


def words(text: str) -> list[str]:
    return re.findall(r"\w+", unicodedata.normalize("NFC", text).casefold())


def runs(text: str) -> set[str]:
    """The text's five-word runs, each as a short hash."""
    found = words(text)
    return {hashlib.blake2s(" ".join(found[i:i + 5]).encode(), digest_size=6).hexdigest()
            for i in range(len(found) - 4)}


def fingerprint(reference: str) -> list[list[str]]:
    """The runs of each paragraph of 8+ words, the errors left out."""
    return [sorted(runs(line)) for line in map(str.strip, reference.splitlines())
            if len(words(line)) >= 8 and not any(line.startswith(e) for e in ERRORS)]


def test_the_sample_report_carries_the_reference(sample_run):
    report = docx_text(written(sample_run, ".docx"))
    generated: set[str] = set()
    for text in report["body"] + report["rows"] + report["footnotes"]:
        generated |= runs(text)
    paragraphs = json.loads(FINGERPRINT.read_text(encoding="utf-8"))
    missing = [n for n, p in enumerate(paragraphs) if len(generated & set(p)) < SHARE * len(p)]
    assert len(paragraphs) > 100
    assert 1 - len(missing) / len(paragraphs) >= GOAL, f"paragraphs not carried: {missing}"


@pytest.mark.skipif(not REFERENCE.exists(), reason="shared/reference is not beside this checkout")
def test_the_fingerprint_is_the_references():
    text = REFERENCE.read_text(encoding="utf-8")
    assert all(error in text for error in ERRORS)
    assert json.loads(FINGERPRINT.read_text(encoding="utf-8")) == fingerprint(text)


if __name__ == "__main__":
    FINGERPRINT.write_text(json.dumps(fingerprint(REFERENCE.read_text(encoding="utf-8"))),
                           encoding="utf-8")
