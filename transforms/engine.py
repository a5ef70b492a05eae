"""The batch engine: one layer's per-report work, in bounded batches, on a process pool.

    from transforms.engine import EngineOptions, run_stage
    out = run_stage(NORMALISE, raw_frame, EngineOptions(workers=2))
    out.frames["rows"], out.frames["findings"], out.stats

A *stage* is one layer's pure per-report function (`fn(row, **params) -> {output: rows}`), the
polars schema of each output, and what to record when a report runs out of time or kills its
worker. The engine slices the input frame into batches (zero-copy), sends at most
`2 × workers` batches to a `ProcessPoolExecutor` (spawn context) at a time, and puts the
per-batch frames back together **in input order**, so the result does not depend on the number
of workers or on which worker finished first (1 worker = the same code in-process, no pool).

The input may also be a `transforms.layers.Layer` (a Parquet file read one batch at a time) and
any output may go to a sink (`transforms.layers.LayerWriter`): `run_stage(stage, layer, options,
sinks={"rows": writer})` hands each batch's rows to the writer in input order as soon as the
batches before it are done, so neither the input nor that output is ever held whole (at most
2 × workers batches are in flight or waiting for an earlier one). `pipeline.stream_year` runs a
whole year this way.

Guards, per report:
- a time budget (`budget_s`, CPU seconds): `signal.setitimer` raises `BudgetExceeded` (a BaseException, so no
  `except Exception` in the parsers can swallow it) in the main thread of the worker (or of this
  process with 1 worker); the stage's `on_timeout` keeps what can be kept and adds a
  `time_budget_exceeded` finding, and the batch goes on;
- a worker that dies (segfault, OOM kill, `os._exit`) breaks the pool: the batches that were in
  flight are retried one report at a time on a fresh pool (before any later batch is handed on),
  and a report that kills a worker again is skipped with the stage's `on_crash` finding. The
  other reports are unaffected.

Workers are spawned, so a script that calls the engine with more than one worker needs the usual
`if __name__ == "__main__":` guard (the `gongkai` command, Dagster, pytest and notebooks are fine).

The stages of the pipeline (raw, normalise, sections, typed) are at the bottom of this module;
their work is in `transforms.landing`, `transforms.staging` and `transforms.core`.
"""

from __future__ import annotations

import atexit
import gc
import math
import multiprocessing
import os
import signal
import threading
import time
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator

import polars as pl

DEFAULT_BUDGET_S = 20.0
MAX_BATCH = 64
MIN_POOL_REPORTS = 16  # fewer reports than this run in-process: a pool's start-up would cost more


class BudgetExceeded(BaseException):
    """A report's per-report work ran past its time budget."""


@dataclass(frozen=True)
class EngineOptions:
    """How many worker processes, the per-report time budget (s, 0 = none), the batch size (0 = auto)."""

    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    budget_s: float = DEFAULT_BUDGET_S
    batch_size: int = 0
    min_pool_reports: int = MIN_POOL_REPORTS

    @classmethod
    def from_env(cls) -> "EngineOptions":
        """$GONGKAI_WORKERS, $GONGKAI_REPORT_BUDGET_S, $GONGKAI_BATCH_SIZE (set by `gongkai run`), else defaults."""
        env = os.environ
        return cls(
            workers=max(1, int(env.get("GONGKAI_WORKERS") or (os.cpu_count() or 1))),
            budget_s=float(env.get("GONGKAI_REPORT_BUDGET_S") or DEFAULT_BUDGET_S),
            batch_size=int(env.get("GONGKAI_BATCH_SIZE") or 0),
        )

    def batch_for(self, n: int) -> int:
        """Batches small enough to spread over the workers (≥ 4 per worker), at most MAX_BATCH reports."""
        if self.batch_size > 0:
            return self.batch_size
        return max(1, min(MAX_BATCH, math.ceil(n / (4 * max(1, self.workers)))))


@dataclass(frozen=True)
class Stage:
    """One layer's per-report work. Every callable is a module-level function (picklable by name)."""

    name: str
    fn: Callable[..., dict]                     # (row, **params) -> {output name: list of dict rows | DataFrame}
    outputs: dict[str, dict]                    # output name -> polars schema
    on_timeout: Callable[..., dict]             # (row, state, budget_s, **params) -> outputs to keep
    on_crash: Callable[..., dict]               # (row, **params) -> outputs (a finding)
    path_of: Callable[[dict], str] = None  # row -> display name (default: its source_path)


@dataclass
class StageStats:
    """What one stage cost: reports, wall and per-report CPU-bound seconds, input bytes, the slowest report."""

    stage: str
    reports: int = 0
    wall_s: float = 0.0
    report_s: float = 0.0
    bytes_in: int = 0
    workers: int = 1
    timeouts: int = 0
    crashes: int = 0
    slowest: tuple[str, float] = ("", 0.0)

    @property
    def reports_per_s(self) -> float:
        return self.reports / self.wall_s if self.wall_s > 0 else float("inf")

    @property
    def mb_per_s(self) -> float:
        return self.bytes_in / 1e6 / self.wall_s if self.wall_s > 0 else float("inf")


@dataclass
class StageOutput:
    frames: dict[str, pl.DataFrame]
    stats: StageStats


@dataclass
class _BatchResult:
    frames: dict[str, pl.DataFrame]
    n: int
    report_s: float
    timeouts: int
    slowest: tuple[str, float]


# ---- the budget -------------------------------------------------------------------------------
def _raise_budget(signum, frame):  # pragma: no cover - called by the signal machinery
    raise BudgetExceeded()


# The budget counts CPU seconds of this process (ITIMER_PROF), not wall time: on a busy machine
# a report gets the same budget as on an idle one, so the output does not depend on the load.
_TIMER, _SIGNAL = signal.ITIMER_PROF, signal.SIGPROF


# Wall seconds a report may spend in steps that pause its CPU budget (OCR, whose pages each have a
# budget of their own): a scan of a thousand pages must not hold a worker for hours.
PAUSED_CAP_S = float(os.environ.get("GONGKAI_OCR_DOC_BUDGET_S", "600"))
_paused = {"s": 0.0}


@contextmanager
def budget(seconds: float):
    """Raise BudgetExceeded in this (main) thread after `seconds` of CPU; a no-op off the main thread or for 0."""
    if not seconds or seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return
    _paused["s"] = 0.0
    old = signal.signal(_SIGNAL, _raise_budget)
    signal.setitimer(_TIMER, seconds)
    try:
        yield
    finally:
        signal.setitimer(_TIMER, 0)
        signal.signal(_SIGNAL, old)


@contextmanager
def budget_paused():
    """Stop the running report's CPU budget while a step with a budget of its own runs (OCR: a time
    budget per page, and its threads would spend a CPU budget several times as fast), then resume
    it with what was left. Once the report has spent PAUSED_CAP_S wall seconds in such steps, the
    next one ends the report as past its budget. A no-op off the main thread or when no budget runs."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    left, _interval = signal.getitimer(_TIMER)
    if left <= 0:
        yield
        return
    if _paused["s"] > PAUSED_CAP_S:
        raise BudgetExceeded()  # the report's paused steps have had their share (PAUSED_CAP_S)
    signal.setitimer(_TIMER, 0)
    started = time.monotonic()
    try:
        yield
    finally:
        _paused["s"] += time.monotonic() - started
        signal.setitimer(_TIMER, left)


# ---- one batch (runs in a worker, or in-process) ----------------------------------------------
def _assemble(stage: Stage, parts: dict[str, list]) -> dict[str, pl.DataFrame]:
    """Per-report outputs → one frame per output, in report order.

    A per-report output is a list of rows, each a dict (by column name) or a tuple (the schema's
    columns in order), or a small frame. Runs of rows become one frame per batch: building a frame
    per report costs more than the report's rows.
    """
    out = {}
    for name, schema in stage.outputs.items():
        frames, rows, kind = [], [], None

        def close() -> None:
            if rows:
                frames.append(pl.DataFrame(rows, schema=schema, orient="row") if kind is tuple
                              else pl.DataFrame(rows, schema=schema))
                rows.clear()

        for p in parts[name]:
            if isinstance(p, pl.DataFrame):
                close()
                frames.append(p.cast(schema))
                continue
            k = tuple if isinstance(p, tuple) else dict
            if k is not kind:
                close()
                kind = k
            rows.append(p)
        close()
        out[name] = pl.concat(frames, how="vertical") if frames else pl.DataFrame(schema=schema)
    return out


# The per-report work makes many small objects that die young, while the readers' memos keep some
# 200k small ones alive (cells, tokens, line rows): every full collection walks them all (8 full
# collections were 0.49 of 9.8 CPU s on 1k synthetic reports). While batches run, a full collection
# comes after every _FULL_GC_EVERY middle ones instead of 10; young garbage is collected as before,
# and the process's own threshold is put back when the last running batch ends.
_FULL_GC_EVERY = 100
_GC_LOCK = threading.Lock()
_GC_SAVED: list = [0, None]  # batches running, the threshold they found


@contextmanager
def _fewer_full_collections() -> Iterator[None]:
    with _GC_LOCK:
        if _GC_SAVED[0] == 0:
            _GC_SAVED[1] = gc.get_threshold()
            first, second, third = _GC_SAVED[1]
            gc.set_threshold(first, second, max(third, _FULL_GC_EVERY))
        _GC_SAVED[0] += 1
    try:
        yield
    finally:
        with _GC_LOCK:
            _GC_SAVED[0] -= 1
            if _GC_SAVED[0] == 0:
                gc.set_threshold(*_GC_SAVED[1])


def run_batch(stage: Stage, batch: pl.DataFrame, params: dict, budget_s: float) -> _BatchResult:
    """Run the stage on every row of the batch, each under its own time budget."""
    with _fewer_full_collections():
        return _run_batch(stage, batch, params, budget_s)


def _run_batch(stage: Stage, batch: pl.DataFrame, params: dict, budget_s: float) -> _BatchResult:
    parts: dict[str, list] = {k: [] for k in stage.outputs}
    total, timeouts, slowest = 0.0, 0, ("", 0.0)
    for row in batch.iter_rows(named=True):
        state: dict[str, Any] = {}
        t0 = time.perf_counter()
        try:
            with budget(budget_s):
                res = stage.fn(row, state=state, **params)
        except BudgetExceeded:
            timeouts += 1
            res = stage.on_timeout(row, state=state, budget_s=budget_s, **params)
        dt = time.perf_counter() - t0
        total += dt
        if dt > slowest[1]:
            slowest = ((stage.path_of or _source_path)(row), dt)
        for name, value in res.items():
            if isinstance(value, pl.DataFrame):
                parts[name].append(value)
            else:
                parts[name].extend(value)
    return _BatchResult(_assemble(stage, parts), batch.height, total, timeouts, slowest)


# ---- the pool -----------------------------------------------------------------------------------
_POOLS: dict[int, ProcessPoolExecutor] = {}


def _worker_init() -> None:
    """Workers leave Ctrl-C to the parent (which shuts the pool down) and import the stages once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    import transforms.core  # noqa: F401  (warm the parsers' imports before the first batch)
    import transforms.staging  # noqa: F401


class WorkersCannotStart(RuntimeError):
    """The worker processes die as they start (not because of a report), so retrying would not help."""


def _ping() -> int:
    return os.getpid()


def _pool(workers: int) -> ProcessPoolExecutor:
    """One pool per worker count, kept for the life of the process (assets and years share it).

    A new pool must first run a trivial task: workers that die while starting (an unguarded
    script as the main module, a broken environment) stop the run with one clear message
    instead of being mistaken for reports that crash them.
    """
    pool = _POOLS.get(workers)
    if pool is None:
        pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_worker_init)
        try:
            pool.submit(_ping).result()
        except BrokenProcessPool as exc:
            pool.shutdown(wait=False, cancel_futures=True)
            raise WorkersCannotStart(
                "the engine's worker processes exit as they start; run with --workers 1, or, in a script, "
                "call the pipeline under `if __name__ == \"__main__\":`") from exc
        _POOLS[workers] = pool
    return pool


def _discard_pool(workers: int, kill: bool = False) -> None:
    """Forget a (broken) pool; `kill` also stops its workers at once (Ctrl-C: no batch is finished)."""
    pool = _POOLS.pop(workers, None)
    if pool is not None:
        procs = list((getattr(pool, "_processes", None) or {}).values()) if kill else []
        pool.shutdown(wait=False, cancel_futures=True)
        for proc in procs:  # our own worker processes, by their handle
            if proc.is_alive():
                proc.terminate()


def shutdown_pools() -> None:
    """Stop every worker process this process started (also run at exit)."""
    for w in list(_POOLS):
        pool = _POOLS.pop(w)
        pool.shutdown(wait=True, cancel_futures=True)


atexit.register(shutdown_pools)


# ---- running a stage ------------------------------------------------------------------------
Progress = Callable[[str, int, int], None]


def run_stage(stage: Stage, frame, options: EngineOptions | None = None, params: dict | None = None,
              progress: Progress | None = None, bytes_col: str | None = None,
              sinks: dict | None = None) -> StageOutput:
    """Run `stage` over every row of `frame`; the outputs are in the order of the input rows.

    `frame` is a polars DataFrame or a `transforms.layers.Layer` (a Parquet file read lazily, one
    batch at a time). `sinks` maps output names to writers (`transforms.layers.LayerWriter`, or
    anything with `write(df)`): those outputs are handed over batch by batch, in input order, as
    soon as every batch before them is done, and are not kept (`frames[name]` is then None).
    Memory is bounded by the batches in flight or waiting for an earlier one: at most 2 × workers.
    """
    options = options or EngineOptions.from_env()
    params = params or {}
    sinks = sinks or {}
    lazy = not isinstance(frame, pl.DataFrame)
    n = frame.height
    stats = StageStats(stage.name)
    if bytes_col and not lazy and bytes_col in frame.columns and n:
        stats.bytes_in = _bytes_of(frame[bytes_col])
    t0 = time.perf_counter()
    size = options.batch_for(n)
    count = math.ceil(n / size) if n else 0
    use_pool = options.workers > 1 and n >= options.min_pool_reports and count > 1

    def batches() -> Iterator[pl.DataFrame]:
        it = frame.iter_batches(size) if lazy else (frame.slice(i, size) for i in range(0, n, size))
        for b in it:
            if lazy and bytes_col and bytes_col in b.columns:
                stats.bytes_in += _bytes_of(b[bytes_col])
            yield b

    kept: dict[str, list[pl.DataFrame]] = {name: [] for name in stage.outputs if name not in sinks}
    done = 0

    def emit(r: _BatchResult) -> None:  # called in input order
        nonlocal done
        done += r.n
        stats.report_s += r.report_s
        stats.timeouts += r.timeouts
        if r.slowest[1] > stats.slowest[1]:
            stats.slowest = r.slowest
        for name, df in r.frames.items():
            if name in sinks:
                sinks[name].write(df)
            else:
                kept[name].append(df)
        if progress:
            progress(stage.name, done, n)

    if not use_pool:
        for b in batches():
            emit(run_batch(stage, b, params, options.budget_s))
        stats.workers = 1
    else:
        stats.workers = options.workers
        stats.crashes = _run_on_pool(stage, batches(), params, options, emit)
    stats.reports = n
    frames = {name: None for name in sinks}
    for name, schema in stage.outputs.items():
        if name not in sinks:
            frames[name] = pl.concat(kept[name], how="vertical") if kept[name] else pl.DataFrame(schema=schema)
    stats.wall_s = time.perf_counter() - t0
    return StageOutput(frames, stats)


def _bytes_of(col: pl.Series) -> int:
    return int(col.sum() if col.dtype.is_integer() else col.str.len_bytes().sum())


def _run_on_pool(stage: Stage, batches: Iterator[pl.DataFrame], params: dict, options: EngineOptions,
                 emit: Callable[[_BatchResult], None]) -> int:
    """Keep at most 2 × workers batches in flight or finished out of order; emit results in input order.

    A batch lost to a dead worker is retried at once, one report at a time, before any later
    batch is emitted. Returns the number of reports skipped because they killed a worker twice.
    """
    inflight: dict[Future, int] = {}
    held: dict[int, pl.DataFrame] = {}  # batches not yet emitted (kept for a retry)
    ready: dict[int, _BatchResult] = {}
    lost: set[int] = set()
    limit = 2 * options.workers
    nxt = 0  # the next batch to emit
    crashes = 0
    source = enumerate(batches)
    exhausted = False

    def submit_more() -> None:
        nonlocal exhausted
        while not exhausted and len(held) < limit:
            got = next(source, None)
            if got is None:
                exhausted = True
                return
            i, b = got
            held[i] = b
            try:
                inflight[_pool(options.workers).submit(run_batch, stage, b, params, options.budget_s)] = i
            except BrokenProcessPool:
                _discard_pool(options.workers)
                lost.add(i)

    def flush() -> None:
        nonlocal nxt, crashes
        while nxt in ready or nxt in lost:
            if nxt in lost:
                if inflight:  # let the batches still running finish (or die) before a retry
                    return
                lost.discard(nxt)
                r = _retry_alone(stage, held[nxt], params, options)
                crashes += r.timeouts_crashed
                ready[nxt] = r.result
            held.pop(nxt, None)
            emit(ready.pop(nxt))
            nxt += 1

    try:
        submit_more()
        while inflight or lost:
            if inflight:
                finished, _ = wait(list(inflight), return_when=FIRST_COMPLETED)
                broken = False
                for fut in finished:
                    i = inflight.pop(fut)
                    try:
                        ready[i] = fut.result()
                    except BrokenProcessPool:
                        lost.add(i)
                        broken = True
                if broken:  # every other batch in flight died with the pool
                    for fut, i in list(inflight.items()):
                        try:
                            ready[i] = fut.result()
                        except BrokenProcessPool:
                            lost.add(i)
                    inflight.clear()
                    _discard_pool(options.workers)
            flush()
            submit_more()
    except BaseException:
        _discard_pool(options.workers, kill=True)  # Ctrl-C or a bug: stop the workers, let the caller decide
        raise
    return crashes


@dataclass
class _Retry:
    result: _BatchResult
    timeouts_crashed: int


def _retry_alone(stage: Stage, batch: pl.DataFrame, params: dict, options: EngineOptions) -> _Retry:
    """Each report of a lost batch on its own; one that kills a worker again gets its `on_crash` finding."""
    parts: list[_BatchResult] = []
    crashed = 0
    for j in range(batch.height):
        one = batch.slice(j, 1)
        try:
            parts.append(_pool(options.workers).submit(run_batch, stage, one, params, options.budget_s).result())
        except BrokenProcessPool:
            _discard_pool(options.workers)
            crashed += 1
            res = stage.on_crash(one.row(0, named=True), **params)
            kept = {k: (v if isinstance(v, list) else [v]) for k, v in _complete(stage, res).items()}
            parts.append(_BatchResult(_assemble(stage, kept), 1, 0.0, 0, ("", 0.0)))
    frames = {name: pl.concat([p.frames[name] for p in parts], how="vertical") for name in stage.outputs}
    slowest = max((p.slowest for p in parts), key=lambda s: s[1], default=("", 0.0))
    return _Retry(_BatchResult(frames, batch.height, sum(p.report_s for p in parts), sum(p.timeouts for p in parts),
                               slowest), crashed)


def _complete(stage: Stage, res: dict) -> dict:
    return {k: res.get(k, []) for k in stage.outputs}


def _source_path(row: dict) -> str:
    return row.get("source_path") or "?"


# ---- the raw stage (files → decoded text); the other stages live beside their layers ----------
def _raw_one(row: dict, state: dict, input_dir: str, max_bytes: int, manifest_schema: dict) -> dict:
    """One manifest row → its raw report (accepted and readable) and its findings (rejected or unreadable)."""
    from transforms.landing import raw_report_of

    raw, found = raw_report_of(input_dir, row, max_bytes)  # dict rows: no frame per report
    return {"rows": raw, "findings": found}


def _raw_finding(row: dict, check: str, msg: str) -> dict:
    from transforms.findings import finding

    return {"findings": [finding(None, row["source_path"], row["report_year"], "raw", check, "error", msg)]}


def _raw_timeout(row: dict, state: dict, budget_s: float, **_) -> dict:
    return _raw_finding(row, "time_budget_exceeded",
                        f"reading and decoding the file took longer than the {budget_s:g} s budget "
                        f"(or {PAUSED_CAP_S:g} s of OCR); not read")


def _raw_crash(row: dict, **_) -> dict:
    return _raw_finding(row, "worker_crashed", "reading this file stopped its worker process twice "
                                               "(crash or out of memory); not read")


def raw_stage() -> Stage:
    from transforms.findings import FINDINGS_SCHEMA
    from transforms.landing import RAW_SCHEMA

    return Stage("raw", _raw_one, {"rows": RAW_SCHEMA, "findings": FINDINGS_SCHEMA}, _raw_timeout, _raw_crash)


def raw_reports(input_dir, manifest: pl.DataFrame, year: int, max_bytes: int, options: EngineOptions | None = None,
                progress: Progress | None = None, stats: list | None = None) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Decode the year's accepted files on the engine; rejected and unreadable files become findings."""
    from transforms.staging import sort_findings

    of_year = manifest.filter(pl.col("report_year") == year).sort("source_path")
    params = {"input_dir": str(input_dir), "max_bytes": max_bytes, "manifest_schema": dict(manifest.schema)}
    out = run_stage(raw_stage(), of_year, options, params, progress=progress, bytes_col="size_bytes")
    if stats is not None:
        stats.append(out.stats)
    return out.frames["rows"].sort("source_path"), sort_findings(out.frames["findings"])
