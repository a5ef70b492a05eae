"""`gongkai synth --n N --seed S --out DIR [--shapes a,b] [--years 2019-2024] [--panel] [--workers W]`:
write synthetic reports.

Each report is `<stem><suffix>` with its truth `<stem>.json` beside it (stem `synth_000123_crawler_glued`),
or in `--truth-dir`. Shapes rotate over the chosen list. `--panel` follows agencies over consecutive years
(`generate_panel`: drifting figures, a few continuity breaks) instead of drawing independent reports.

The output is the same bytes for the same arguments, whatever `--workers`: report i is rendered from its
truth and `random.Random(f"{seed}:{i}:{shape}")` only. The parent draws the truths (one random stream),
hands chunks to a spawn process pool that renders them, and writes the files; at most 2 chunks per worker
are in flight, so memory stays bounded whatever N is.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sys
import time
from itertools import islice
from pathlib import Path

from transforms.synth.generate import generate, generate_panel
from transforms.synth.report import build_model
from transforms.synth.shapes import SHAPES, printed_truth, render

_JSON = json.JSONEncoder(ensure_ascii=False, check_circular=False)
CHUNK = 250  # reports per task sent to a worker
AUTO_PARALLEL_FROM = 1000  # below this many reports one process is faster than starting a pool


def _years(spec: str) -> list[int]:
    out: list[int] = []
    for part in spec.split(","):
        a, _, b = part.strip().partition("-")
        out += list(range(int(a), int(b or a) + 1))
    return out


def _write(path: str, data: bytes) -> None:
    with open(path, "wb") as f:  # one open per file, no fsync: a corpus is cheap to rebuild
        f.write(data)


def render_chunk(seed: int, shapes: list[str], start: int,
                 truths: list[dict]) -> list[tuple[str, bytes, bytes]]:
    """Reports start, start+1, …: (file stem + suffix, report bytes, truth JSON bytes) each."""
    out = []
    for i, truth in enumerate(truths, start):
        shape = shapes[i % len(shapes)]
        stem = f"synth_{i:06d}_{shape}"
        rng = random.Random(f"{seed}:{i}:{shape}")
        text, suffix = render(shape, build_model(truth, rng), rng)
        truth = printed_truth(shape, truth)
        js = _JSON.encode(truth).encode("utf-8")  # the bytes of json.dumps(truth, ensure_ascii=False)
        out.append((stem + suffix, text.encode("utf-8"), js))
    return out


def _write_all(out: str, truth_dir: str, rendered: list[tuple[str, bytes, bytes]]) -> None:
    for name, data, js in rendered:
        _write(f"{out}/{name}", data)
        _write(f"{truth_dir}/{name.rsplit('.', 1)[0]}.json", js)


def default_workers(n: int) -> int:
    return 1 if n < AUTO_PARALLEL_FROM else max(1, min(os.cpu_count() or 1, 4))


def write_corpus(n: int, seed: int, out: Path, shapes: list[str], years: list[int], *, workers: int = 1,
                 panel: bool = False, truth_dir: Path | None = None, truths=None, chunk: int = CHUNK) -> int:
    """Write n reports (and their truths, in `truth_dir` or beside them); returns n.

    `truths` (an iterable of truth dicts) replaces the generator; otherwise `generate` or, with `panel`,
    `generate_panel`. workers > 1 renders on a spawn process pool; the bytes are the same.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    tdir = Path(truth_dir) if truth_dir is not None else out
    tdir.mkdir(parents=True, exist_ok=True)
    if truths is None:
        truths = generate_panel(n, seed, years) if panel else generate(n, seed, years)
    it = islice(iter(truths), n)
    if workers <= 1:
        start = 0
        while part := list(islice(it, chunk)):
            _write_all(str(out), str(tdir), render_chunk(seed, shapes, start, part))
            start += len(part)
        return n
    import multiprocessing as mp
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    # The workers render; this process draws the truths and writes every file (several processes creating
    # files in one directory contend for it: more system time, not less wall time).
    with ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context("spawn")) as pool:
        pending: deque = deque()
        start = 0
        while part := list(islice(it, chunk)):
            if len(pending) >= 2 * workers:
                _write_all(str(out), str(tdir), pending.popleft().result())
            pending.append(pool.submit(render_chunk, seed, shapes, start, part))
            start += len(part)
        while pending:
            _write_all(str(out), str(tdir), pending.popleft().result())
    return n


def _cpu_s() -> float:
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="gongkai synth", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=100, help="number of reports (default 100)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", required=True, help="output folder (created)")
    ap.add_argument("--shapes", default=",".join(SHAPES), help=f"comma-separated, from: {', '.join(SHAPES)}")
    ap.add_argument("--years", default="2019-2024", help="report years, e.g. 2019-2024 or 2020,2022")
    ap.add_argument("--panel", action="store_true",
                    help="follow agencies over consecutive years (drift, a few continuity breaks)")
    ap.add_argument("--truth-dir", default=None,
                    help="write the truth JSON files here (default: beside the reports)")
    ap.add_argument("--workers", type=int, default=None,
                    help=f"render processes (default: 1 below {AUTO_PARALLEL_FROM} reports, "
                         "else the cores, at most 4)")
    args = ap.parse_args(argv)
    shapes = [s.strip() for s in args.shapes.split(",") if s.strip()]
    bad = [s for s in shapes if s not in SHAPES]
    if bad or not shapes:
        print(f"gongkai synth: unknown shape(s) {', '.join(bad) or '(none given)'}; known: {', '.join(SHAPES)}",
              file=sys.stderr)
        return 2
    try:
        years = _years(args.years)
    except ValueError:
        print(f"gongkai synth: --years {args.years!r} is not like 2019-2024", file=sys.stderr)
        return 2
    if args.n < 0 or not years:
        print("gongkai synth: --n must be ≥ 0 and --years non-empty", file=sys.stderr)
        return 2
    workers = default_workers(args.n) if args.workers is None else max(1, args.workers)
    t0, c0 = time.perf_counter(), _cpu_s()
    n = write_corpus(args.n, args.seed, Path(args.out), shapes, years, workers=workers, panel=args.panel,
                     truth_dir=Path(args.truth_dir) if args.truth_dir else None)
    dt, cpu = time.perf_counter() - t0, _cpu_s() - c0
    rate = n / dt if dt else 0
    print(f"gongkai synth: {n} reports + truths in {args.out} ({dt:.2f} s, {rate:.0f} reports/s; "
          f"{cpu:.2f} CPU-s, {workers} process{'es' if workers > 1 else ''})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
