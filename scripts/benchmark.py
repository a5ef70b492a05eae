"""Throughput of gongkai on synthetic corpora (`make bench`); it prints figures and never asserts on time.

    .venv/bin/python scripts/benchmark.py [--n 1000,10000] [--big] [--workers N] [--seed 7]
                                          [--year 2021] [--engine both|whole|stream|none] [--skip-cli]
                                          [--workdir DIR] [--reuse] [--keep]

For each N it writes N synthetic reports of one report year (`transforms.synth`: both templates,
agencies of every level, every table shape, a truth file beside each report; when that package
is missing, copies of the sample reports with small variations), then measures

1. the pure pipeline on the batch engine (`transforms.engine`), stage by stage, in a fresh process
   each: whole frames (`run_year`'s way) and streamed layers (`pipeline.stream_year`: each layer a
   Parquet file written batch by batch and read lazily); the landing manifest (on the pool too),
   reports/s and MB/s of raw (read + decode), normalise (+ metadata), sections and typed (tables →
   cells), the marts build, and the slowest report (name, stage, seconds);
2. `gongkai run` end to end through Dagster (a subprocess): wall time of the one year partition
   (as the CLI prints it) and of the whole CLI;
3. for both: CPU seconds (the process and its workers), cores used (CPU s / wall s), peak RSS (of
   the run's own process tree: each run is measured alone), the load average, and, when truth
   files exist, the share of cells right (tests/scoring.py).

Copy the printed table row into BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "warehouse" / "landing"
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))


def _cpu() -> tuple[float, float]:
    """(CPU seconds of this process, of its finished children)."""
    s, c = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return s.ru_utime + s.ru_stime, c.ru_utime + c.ru_stime


def _peak_mb() -> tuple[float, float]:
    """(peak RSS of this process, of its largest finished child) in MB."""
    return (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)


def build_corpus(out: Path, n: int, seed: int, year: int) -> str:
    """N reports of one year in `out`; returns how they were made."""
    out.mkdir(parents=True, exist_ok=True)
    try:
        from transforms.synth.cli import write_corpus
        from transforms.synth.shapes import SHAPES
    except ImportError:
        write_corpus = None
    if write_corpus is not None:
        write_corpus(n, seed, out, list(SHAPES), [year])
        return f"transforms.synth (seed {seed}, {len(SHAPES)} shapes)"
    samples = sorted(SAMPLE.glob("*.txt"))
    for i in range(n):
        src = samples[i % len(samples)].read_text(encoding="utf-8")
        src = re.sub(r"20(19|20)年", f"{year}年", src)
        (out / f"copy_{i:06d}.txt").write_text(src + f"\n(副本 {i})\n", encoding="utf-8")
    return "copies of the sample reports (transforms.synth not found)"


def bench_engine(corpus: Path, year: int, workers: int, mode: str = "whole", out: Path | None = None) -> dict:
    """The pure pipeline, stage by stage, on the engine: `whole` frames (`run_year`'s way) or `stream`ed layers."""
    import polars as pl

    from expectations.suites import normalised_report_failures
    from transforms import engine
    from transforms.core import build_typed_tables, split_report_sections
    from transforms.engine import EngineOptions
    from transforms.findings import FINDINGS_SCHEMA
    from transforms.landing import build_manifest
    from transforms.marts import build_marts
    from transforms.staging import normalise_reports, quarantine

    opts = EngineOptions(workers=workers)
    cpu0, wall0 = sum(_cpu()), time.perf_counter()
    t = time.perf_counter()
    scan: list = []
    manifest = build_manifest(corpus, 20 * 1024 * 1024, options=opts, stats=scan)
    t_manifest = time.perf_counter() - t
    stats: list = []
    t_marts = None
    if mode == "stream":
        from transforms.pipeline import stream_year

        layers = stream_year(corpus, manifest, year, out or corpus.parent / "stream", 20 * 1024 * 1024, opts,
                             stats=stats)
        dim = layers["marts"]["dim_report"].read()
    else:
        raw, raw_f = engine.raw_reports(corpus, manifest, year, 20 * 1024 * 1024, opts, stats=stats)
        norm, norm_f = normalise_reports(raw, opts, stats=stats)
        del raw
        norm, norm_f = quarantine(norm, norm_f, normalised_report_failures(norm))
        sections, sec_f = split_report_sections(norm, opts, stats=stats)
        cells, typed_f = build_typed_tables(norm, sections, opts, stats=stats)
        t = time.perf_counter()
        marts = build_marts(norm, sections, cells, pl.concat([raw_f, norm_f, sec_f, typed_f]).cast(FINDINGS_SCHEMA))
        t_marts = time.perf_counter() - t
        dim = marts["dim_report"]
    wall = time.perf_counter() - wall0
    engine.shutdown_pools()  # so the workers' CPU and RSS are counted as finished children
    cpu = sum(_cpu()) - cpu0
    status = dict(dim.group_by("parse_status").len().iter_rows())
    return {"stats": stats, "scan": scan, "t_manifest": t_manifest, "t_marts": t_marts, "wall": wall, "cpu": cpu,
            "reports": manifest.filter(pl.col("status") == "accepted").height, "status": status,
            "files": manifest.height, "peak": _peak_mb(), "mode": mode}


def bench_engine_child(corpus: Path, year: int, workers: int, mode: str, out: Path) -> dict:
    """`bench_engine` in a fresh process, so its peak RSS is its own (not the largest of every run before)."""
    import json

    cmd = [sys.executable, __file__, "--child-engine", mode, "--corpus", str(corpus), "--year", str(year),
           "--workers", str(workers), "--workdir", str(out)]
    res = subprocess.run(cmd, capture_output=True, text=True)
    if res.returncode:
        raise RuntimeError(f"engine run ({mode}) failed:\n{res.stderr[-3000:]}")
    e = json.loads(res.stdout.strip().splitlines()[-1])
    from transforms.engine import StageStats

    e["stats"] = [StageStats(**{**s, "slowest": tuple(s["slowest"])}) for s in e["stats"]]
    e["scan"] = [StageStats(**{**s, "slowest": tuple(s["slowest"])}) for s in e["scan"]]
    return e


def _child_engine(args) -> int:
    import dataclasses
    import json

    e = bench_engine(Path(args.corpus), args.year, args.workers, args.child_engine, Path(args.workdir))
    e["stats"] = [dataclasses.asdict(s) for s in e["stats"]]
    e["scan"] = [dataclasses.asdict(s) for s in e["scan"]]
    print(json.dumps(e))
    return 0


def bench_cli(corpus: Path, wh: Path, year: int, workers: int) -> dict:
    """`gongkai run` through Dagster, as a user runs it."""
    exe = Path(sys.executable).parent / "gongkai"
    cmd = [str(exe), "run", "--input", str(corpus), "--warehouse", str(wh), "--workers", str(workers)]
    t = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, text=True)
        _, status, usage = os.wait4(proc.pid, 0)  # this run's own rusage (it and the workers it waited for)
        proc.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - t
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    cpu = usage.ru_utime + usage.ru_stime
    m = re.search(rf"^\s+{year}: .*\(([\d.]+) s\)$", stdout, re.M)
    return {"rc": proc.returncode, "wall": wall, "cpu": cpu, "year_s": float(m.group(1)) if m else None,
            "peak_mb": usage.ru_maxrss / 1024, "stdout": stdout, "stderr": stderr[-2000:]}


def accuracy(wh: Path, corpus: Path) -> str:
    try:
        from scoring import score_warehouse

        s = score_warehouse(wh, corpus)
    except Exception as exc:  # the truth files or the scorer changed shape: report, do not fail
        return f"n/a ({type(exc).__name__})"
    return f"{s.pct:.1f} % ({s.wrong} wrong, {s.invented} invented of {s.cells})"


def _print_engine(e: dict, workers: int) -> None:
    print(f"  pure pipeline on the engine, {e['mode']} ({workers} worker(s)): {e['reports']:,} reports, "
          f"status {e['status']}")
    scan = e["scan"][0] if e["scan"] else None
    print(f"    manifest (scan, hash, decode, year guess): {e['t_manifest']:.1f} s, "
          f"{e['files'] / e['t_manifest']:,.0f} files/s" + (f", workers {scan.workers}" if scan else ""))
    for s in e["stats"]:
        print(f"    {s.stage:<9} {s.wall_s:7.1f} s  {s.reports_per_s:9,.0f} reports/s  {s.mb_per_s:7.2f} MB/s  "
              f"workers {s.workers}  slowest {s.slowest[0]} ({s.slowest[1]:.2f} s)"
              + (f"  budget exceeded {s.timeouts}" if s.timeouts else ""))
    if e["t_marts"] is not None:
        print(f"    marts build: {e['t_marts']:.1f} s")
    slow = max(e["stats"], key=lambda s: s.slowest[1])
    print(f"    total {e['wall']:.1f} s wall, {e['reports'] / e['wall']:,.0f} reports/s, CPU {e['cpu']:.0f} s "
          f"(cores used {e['cpu'] / e['wall']:.2f}), peak RSS parent {e['peak'][0]:.0f} MB / worker "
          f"{e['peak'][1]:.0f} MB; slowest report {slow.slowest[0]} ({slow.stage}, {slow.slowest[1]:.2f} s); "
          f"load avg {os.getloadavg()[0]:.1f}", flush=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", default="1000,10000", help="corpus sizes (default 1000,10000)")
    ap.add_argument("--big", action="store_true", help="also 100000 reports")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--year", type=int, default=2021, help="the one report year of the corpus (default 2021)")
    ap.add_argument("--engine", default="both", choices=["whole", "stream", "both", "none"],
                    help="engine runs: whole frames (run_year), streamed layers (stream_year), both (default; "
                         "above 20,000 reports `both` runs only the streamed one), none")
    ap.add_argument("--skip-cli", action="store_true", help="only the pure pipeline, not `gongkai run`")
    ap.add_argument("--reuse", action="store_true", help="keep a corpus already in the workdir")
    ap.add_argument("--workdir", help="build corpora and warehouses here (kept)")
    ap.add_argument("--keep", action="store_true", help="keep the temp dir")
    ap.add_argument("--child-engine", help=argparse.SUPPRESS)
    ap.add_argument("--corpus", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child_engine:
        return _child_engine(args)
    sizes = [int(x) for x in args.n.split(",") if x.strip()] + ([100_000] if args.big else [])
    root = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="gongkai-bench-"))
    root.mkdir(parents=True, exist_ok=True)
    rows = []
    try:
        for n in sizes:
            corpus = root / f"corpus_{n}"
            t = time.perf_counter()
            if args.reuse and corpus.is_dir() and any(corpus.iterdir()):
                how = "the corpus already there (--reuse)"
            else:
                shutil.rmtree(corpus, ignore_errors=True)
                how = build_corpus(corpus, n, args.seed, args.year)
            mb = sum(p.stat().st_size for p in corpus.iterdir() if p.suffix != ".json") / 1e6
            print(f"\n== N = {n:,}: {mb:.1f} MB, made in {time.perf_counter() - t:.1f} s by {how}", flush=True)
            modes = {"both": ["whole", "stream"] if n <= 20_000 else ["stream"], "none": []}.get(args.engine, [args.engine])
            engines = {}
            for mode in modes:
                out = root / f"stream_{n}"
                shutil.rmtree(out, ignore_errors=True)
                engines[mode] = e = bench_engine_child(corpus, args.year, args.workers, mode, out)
                shutil.rmtree(out, ignore_errors=True)
                _print_engine(e, args.workers)
            row = {"n": n, "mb": mb, "engines": engines, "cli": None, "acc": "n/a"}
            if not args.skip_cli:
                wh = root / f"wh_{n}"
                shutil.rmtree(wh, ignore_errors=True)
                c = bench_cli(corpus, wh, args.year, args.workers)
                row["cli"], row["acc"] = c, accuracy(wh, corpus)
                if c["rc"] not in (0, 1):
                    print(f"  gongkai run failed (exit {c['rc']}):\n{c['stderr']}")
                print(f"  gongkai run (Dagster, {args.workers} worker(s)): year partition {c['year_s']} s, whole CLI "
                      f"{c['wall']:.1f} s = {n / c['wall']:,.1f} reports/s; CPU {c['cpu']:.0f} s (cores used "
                      f"{c['cpu'] / c['wall']:.2f}); peak RSS {c['peak_mb']:.0f} MB; cells right {row['acc']}; "
                      f"load avg {os.getloadavg()[0]:.1f}", flush=True)
            rows.append(row)
        print("\nBENCHMARKS.md rows (| N | MB | engine | engine reports/s | engine wall s | engine CPU s | engine peak RSS "
              "parent / worker MB | year partition s | CLI wall s | CLI reports/s | CLI CPU s | cores | CLI peak RSS MB "
              "| cells right |):")
        for r in rows:
            c = r["cli"]
            cli = (f"{c['year_s']} | {c['wall']:.1f} | {r['n'] / c['wall']:,.1f} | {c['cpu']:.0f} | "
                   f"{c['cpu'] / c['wall']:.2f} | {c['peak_mb']:.0f}") if c else "- | - | - | - | - | -"
            for mode, e in (r["engines"] or {"-": None}).items():
                eng = (f"{mode} | {e['reports'] / e['wall']:,.0f} | {e['wall']:.1f} | {e['cpu']:.0f} | "
                       f"{e['peak'][0]:.0f} / {e['peak'][1]:.0f}") if e else "- | - | - | - | -"
                print(f"| {r['n']:,} | {r['mb']:.0f} | {eng} | {cli} | {r['acc']} |")
    finally:
        if not (args.workdir or args.keep):
            shutil.rmtree(root, ignore_errors=True)
        else:
            print(f"kept: {root}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
