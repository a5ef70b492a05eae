"""Progress of a `gongkai run`: a live line per year on a terminal, one line per year otherwise.

The batch engine reports after every batch through `engine_callback()` (the assets pass it on),
so Dagster itself sees no per-report events. `gongkai run` opens a `YearProgress` per year
partition; assets run in the same process (in-process executor) and find it here. In the UI
(no CLI) there is no current year and the callback is a no-op.

    with progress.year(2019, total=10_000):          # the CLI
        job.execute_in_process(...)
    run_stage(..., progress=progress.engine_callback())  # an asset
"""

from __future__ import annotations

import os
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TextIO

STAGES = ("raw", "normalise", "sections", "typed")
_MIN_INTERVAL = 0.2  # seconds between redraws of the live line


@dataclass
class YearProgress:
    """Reports done out of total for one year, over the four per-report stages, with rate and ETA."""

    year: int
    total: int
    stream: TextIO = field(default_factory=lambda: sys.stdout)
    live: bool | None = None
    started: float = field(default_factory=time.perf_counter)
    done: dict = field(default_factory=dict)
    stats: list = field(default_factory=list)
    _drawn: float = 0.0
    _width: int = 0
    shard: tuple | None = None  # (k, N) while shard k of N runs (GONGKAI_SHARDS > 1)
    _past_units: int = 0  # report-stages of the shards already through

    def __post_init__(self):
        if self.live is None:
            self.live = bool(getattr(self.stream, "isatty", lambda: False)())

    def update(self, stage: str, done: int, total: int) -> None:
        """A batch of `stage` finished: `done` of `total` reports of that stage are through."""
        self.done[stage] = (done, total)
        now = time.perf_counter()
        if self.live and (now - self._drawn >= _MIN_INTERVAL or done == total):
            self._drawn = now
            self._draw(self.line(stage))

    def line(self, stage: str | None = None) -> str:
        """`2019 normalise 3,400/10,000 reports · 850 reports/s · ETA 8 s` (ETA over the remaining stages)."""
        elapsed = max(time.perf_counter() - self.started, 1e-9)
        units = self._past_units + sum(d for d, _ in self.done.values())
        total_units = max(1, self.total * len(STAGES))
        rate = units / elapsed  # report-stages per second
        eta = (total_units - units) / rate if rate > 0 else float("inf")
        d, t = self.done.get(stage, (0, self.total)) if stage else (0, self.total)
        k = STAGES.index(stage) + 1 if stage in STAGES else 0
        eta_s = "?" if eta == float("inf") else f"{max(eta, 0):.0f} s"
        where = f"shard {self.shard[0] + 1}/{self.shard[1]} · " if self.shard else ""
        return (f"  {self.year}: [{where}{k}/{len(STAGES)} {stage or '…'}] {d:,}/{t:,} reports · "
                f"{_rate(rate / len(STAGES))} reports/s · ETA {eta_s}")

    def next_shard(self, k: int, n: int) -> None:
        """Shard k of n starts: the stages' counts begin again, the rate and ETA go on over the year."""
        self._past_units += sum(d for d, _ in self.done.values())
        self.done = {}
        self.shard = (k, n)

    def _draw(self, text: str) -> None:
        pad = max(0, self._width - len(text))
        self._width = len(text)
        self.stream.write("\r" + text + " " * pad)
        self.stream.flush()

    def clear(self) -> None:
        """Remove the live line (before the year's summary is printed)."""
        if self.live and self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()
            self._width = 0

    def add_stats(self, stats) -> None:
        self.stats.append(stats)

    def summary(self) -> str:
        """Throughput and the slowest report of the year (the CLI appends it to the year's line)."""
        if not self.stats:
            return ""
        slow = max(self.stats, key=lambda s: s.slowest[1]).slowest
        workers = max(s.workers for s in self.stats)
        elapsed = time.perf_counter() - self.started
        rate = self.total / elapsed if elapsed > 0 else 0.0
        out = f"{_rate(rate)} reports/s on {workers} worker(s)"
        if slow[0]:
            out += f"; slowest report {slow[0]} ({slow[1]:.2f} s)"
        timeouts = sum(s.timeouts for s in self.stats)
        crashes = sum(s.crashes for s in self.stats)
        if timeouts or crashes:
            out += f"; time budget exceeded {timeouts}, worker crashes {crashes}"
        return out


@dataclass
class RunTotals:
    """Every year of one run, for the final summary."""

    reports: int = 0
    years: int = 0
    started: float = field(default_factory=time.perf_counter)
    stats: list = field(default_factory=list)

    def add(self, p: YearProgress) -> None:
        """Count a finished year (its reports and the engine's statistics)."""
        self.reports += p.total
        self.years += 1
        self.stats.extend(p.stats)

    def line(self) -> str:
        elapsed = time.perf_counter() - self.started
        rate = self.reports / elapsed if elapsed > 0 else 0.0
        out = f"  total: {self.reports:,} reports in {self.years} year(s), {elapsed:.1f} s, {_rate(rate)} reports/s"
        if self.stats:
            slow = max(self.stats, key=lambda s: s.slowest[1]).slowest
            if slow[0]:
                out += f"; slowest report {slow[0]} ({slow[1]:.2f} s)"
        return out


def _rate(r: float) -> str:
    return f"{r:,.0f}" if r >= 10 else f"{r:.1f}"


_CURRENT: list[YearProgress] = []
_TOTALS: list[RunTotals] = []


@contextmanager
def run():
    """The whole run: collects every year for `totals().line()`."""
    _TOTALS.append(RunTotals())
    try:
        yield _TOTALS[-1]
    finally:
        _TOTALS.pop()


@contextmanager
def year(report_year: int, total: int, stream: TextIO | None = None, live: bool | None = None):
    """Show progress for one year partition while the body runs its job."""
    p = YearProgress(report_year, total, stream or sys.stdout, live)
    _CURRENT.append(p)
    try:
        yield p
    finally:
        p.clear()
        _CURRENT.pop()
        if _TOTALS:
            _TOTALS[-1].add(p)


def current() -> YearProgress | None:
    return _CURRENT[-1] if _CURRENT else None


def shard(k: int, n: int) -> None:
    """The CLI starts shard k of n of the open year (a no-op when none is open)."""
    p = current()
    if p is not None:
        p.next_shard(k, n)


def _update(stage: str, done: int, total: int) -> None:
    p = current()
    if p is not None:
        p.update(stage, done, total)


def cli_run() -> bool:
    """Whether these assets run inside `gongkai run` (its layer scope is `run-…`; the UI's is `ui`).

    That command always ends with the continuity job (which writes every year's yearbook) and then
    refreshes the DuckDB views, so an asset inside it need not write either first.
    """
    return os.environ.get("GONGKAI_LAYER_SCOPE", "").startswith("run-")


def engine_callback():
    """The engine's per-batch callback (a no-op when no CLI year is open)."""
    return _update


def record(stats) -> None:
    """An asset hands the engine's stage statistics to the open year (for the summary)."""
    p = current()
    if p is not None:
        p.add_stats(stats)


def stats_metadata(stats_list: list) -> dict:
    """Asset metadata for the engine's work on one year partition (never per report)."""
    out: dict = {}
    for s in stats_list:
        p = f"engine {s.stage}: "
        out[p + "reports/s"] = round(s.reports_per_s, 1) if s.wall_s > 0 else 0.0
        out[p + "MB/s"] = round(s.mb_per_s, 2) if s.wall_s > 0 else 0.0
        out[p + "workers"] = s.workers
        out[p + "slowest report"] = f"{s.slowest[0]} ({s.slowest[1]:.2f} s)" if s.slowest[0] else "-"
        out[p + "time budget exceeded"] = s.timeouts
        out[p + "worker crashes"] = s.crashes
        record(s)
    return out
