"""`gongkai synth --n N --seed S --out DIR [--shapes a,b] [--years 2019-2024]`: write synthetic reports.

Each report is `<stem><suffix>` with its truth `<stem>.json` beside it (stem `synth_000123_crawler_glued`).
Shapes rotate over the chosen list; the output is the same for the same arguments.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

from transforms.synth.generate import generate
from transforms.synth.report import build_model
from transforms.synth.shapes import SHAPES, render


def _years(spec: str) -> list[int]:
    out: list[int] = []
    for part in spec.split(","):
        a, _, b = part.strip().partition("-")
        out += list(range(int(a), int(b or a) + 1))
    return out


def write_corpus(n: int, seed: int, out: Path, shapes: list[str], years: list[int]) -> int:
    out.mkdir(parents=True, exist_ok=True)
    for i, truth in enumerate(generate(n, seed, years)):
        shape = shapes[i % len(shapes)]
        stem = f"synth_{i:06d}_{shape}"
        rng = random.Random(f"{seed}:{i}:{shape}")
        text, suffix = render(shape, build_model(truth, rng), rng)
        truth = dict(truth, table_shape=shape, script="traditional" if shape == "traditional" else truth["script"])
        (out / f"{stem}{suffix}").write_text(text, encoding="utf-8")
        (out / f"{stem}.json").write_text(json.dumps(truth, ensure_ascii=False), encoding="utf-8")
    return n


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="gongkai synth", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=100, help="number of reports (default 100)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", required=True, help="output folder (created)")
    ap.add_argument("--shapes", default=",".join(SHAPES), help=f"comma-separated, from: {', '.join(SHAPES)}")
    ap.add_argument("--years", default="2019-2024", help="report years, e.g. 2019-2024 or 2020,2022")
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
    t0 = time.perf_counter()
    n = write_corpus(args.n, args.seed, Path(args.out), shapes, years)
    dt = time.perf_counter() - t0
    print(f"gongkai synth: {n} reports + truths in {args.out} ({dt:.2f} s, {n / dt if dt else 0:.0f} reports/s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
