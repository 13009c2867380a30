"""What any run (an agency's, a khối's) found and wrote, apart from the stages that found it:
the outcomes, the renderers and the console share it without importing the job."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .issues import Issue, blocking


@dataclass
class RunLog:
    """What any run (an agency's, a khối's) found and wrote, and how long each stage took."""

    issues: list[Issue] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # said to the user, not data problems
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage

    @contextmanager
    def timed(self, stage: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.timings[stage] = self.timings.get(stage, 0.0) + time.perf_counter() - start

    @property
    def blocked(self) -> bool:
        return bool(blocking(self.issues))
