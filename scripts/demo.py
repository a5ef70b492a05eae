"""A generated demo corpus, through the whole pipeline (`make demo`).

    .venv/bin/python scripts/demo.py [--out demo-warehouse] [--n 300] [--seed 7] [--years 2019-2024]
                                     [--shapes tsv,html_cms,...] [--no-run]

Writes about N synthetic reports (`transforms.synth.generate_panel`: the same agencies, of every level and
from every province, reporting over consecutive years with drifting figures, and a few continuity breaks
where 上年结转 of year y is not 结转下年度 of y−1), rendered in a mix of real-world shapes, into
OUT/landing/ (their truths in OUT/truth/), then runs `gongkai run --input OUT/landing --warehouse OUT` and
prints the yearbook pages it wrote, so year-over-year, peer comparison and the yearbooks show real rows.

Every number is synthetic: the bundled sample corpus (warehouse/landing) is never read or touched. OUT is
rebuilt from scratch on each call (same arguments, same files); a non-empty OUT that this script did not
make is refused.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from transforms.synth.cli import _years, default_workers, write_corpus  # noqa: E402
from transforms.synth.generate import generate_panel  # noqa: E402
from transforms.synth.shapes import SHAPES  # noqa: E402

MARKER = ".gongkai-demo"  # written into OUT: the folder may be wiped and rebuilt by this script


class DemoError(Exception):
    pass


def _prepare(out: Path) -> None:
    """Empty OUT if this script made it; refuse a folder holding anything else (a real warehouse)."""
    out = out.resolve()
    if out == (REPO / "warehouse").resolve() or out == REPO.resolve():
        raise DemoError(f"{out} is the bundled sample warehouse or the repository; choose another --out")
    if out.exists():
        if not out.is_dir():
            raise DemoError(f"{out} exists and is not a folder")
        if any(out.iterdir()) and not (out / MARKER).is_file():
            raise DemoError(f"{out} is not empty and was not made by scripts/demo.py ({MARKER} missing); "
                            "choose another --out or remove it")
        shutil.rmtree(out)
    out.mkdir(parents=True)


def build(out: Path, n: int = 300, seed: int = 7, years: list[int] | None = None,
          shapes: list[str] | None = None) -> dict:
    """Write the corpus into out/landing and the truths into out/truth; returns a summary."""
    years = years or list(range(2019, 2025))
    shapes = shapes or list(SHAPES)
    out = Path(out)
    _prepare(out)
    truths = list(generate_panel(n, seed, years))
    (out / MARKER).write_text(json.dumps({"n": n, "seed": seed, "years": years, "shapes": shapes}) + "\n",
                              encoding="utf-8")
    t0 = time.perf_counter()
    write_corpus(n, seed, out / "landing", shapes, years, workers=default_workers(n), truths=truths,
                 truth_dir=out / "truth")
    dt = time.perf_counter() - t0
    agencies: dict[str, list[int]] = {}
    for t in truths:
        agencies.setdefault(t["agency"], []).append(t["year"])
    breaks = [(t["agency"], t["year"], t["panel"]["continuity_break"]) for t in truths
              if t["panel"]["continuity_break"]]
    return {"reports": len(truths), "agencies": len(agencies), "seconds": dt,
            "per_year": {y: sum(t["year"] == y for t in truths) for y in years},
            "multi_year_agencies": sum(len(v) > 1 for v in agencies.values()), "breaks": breaks}


def gongkai_command() -> list[str]:
    exe = Path(sys.executable).with_name("gongkai")
    if exe.exists():
        return [str(exe)]
    found = shutil.which("gongkai")
    return [found] if found else [sys.executable, "-m", "orchestration.cli"]


def run_pipeline(out: Path, extra: list[str] | None = None) -> int:
    cmd = gongkai_command() + ["run", "--input", str(out / "landing"), "--warehouse", str(out)]
    cmd += extra or []
    print("$ " + " ".join(cmd), flush=True)
    return subprocess.call(cmd, cwd=REPO)


def yearbooks(out: Path, years: list[int]) -> list[Path]:
    return [p for p in (out / "reports" / f"yearbook_{y}.html" for y in years) if p.is_file()]


def continuity_found(out: Path) -> list[str]:
    """The messages of the cross-year continuity findings the pipeline wrote."""
    files = sorted((out / "marts" / "dq_findings").glob("report_year=*/continuity.parquet"))
    if not files:
        return []
    import polars as pl
    df = pl.concat([pl.read_parquet(f) for f in files], how="vertical_relaxed")
    return df.filter(pl.col("check_name") == "cross_year_continuity")["message"].to_list()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default="demo-warehouse", help="warehouse folder (default ./demo-warehouse)")
    ap.add_argument("--n", type=int, default=300, help="number of reports (default 300)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--years", default="2019-2024", help="consecutive report years (default 2019-2024)")
    ap.add_argument("--shapes", default=",".join(SHAPES), help="comma-separated shapes (default: all)")
    ap.add_argument("--no-run", action="store_true", help="only write the corpus")
    args = ap.parse_args(argv)
    shapes = [s.strip() for s in args.shapes.split(",") if s.strip()]
    if not shapes or any(s not in SHAPES for s in shapes):
        print(f"demo: --shapes must be from {', '.join(SHAPES)}", file=sys.stderr)
        return 2
    try:
        years = _years(args.years)
    except ValueError:
        print(f"demo: --years {args.years!r} is not like 2019-2024", file=sys.stderr)
        return 2
    if args.n < 1 or not years:
        print("demo: --n must be ≥ 1 and --years non-empty", file=sys.stderr)
        return 2
    out = Path(args.out)
    if not out.is_absolute():
        out = Path.cwd() / out
    try:
        s = build(out, args.n, args.seed, years, shapes)
    except DemoError as exc:
        print(f"demo: {exc}", file=sys.stderr)
        return 2
    print(f"demo: {s['reports']} synthetic reports of {s['agencies']} agencies "
          f"({s['multi_year_agencies']} in several years), {len(s['breaks'])} continuity breaks planted, "
          f"{len(shapes)} shapes, in {out / 'landing'} ({s['seconds']:.1f} s); truths in {out / 'truth'}")
    print("  reports per year: " + ", ".join(f"{y}: {k}" for y, k in s["per_year"].items()))
    if args.no_run:
        return 0
    rc = run_pipeline(out)
    if rc not in (0,):
        print(f"demo: gongkai run exited with {rc}", file=sys.stderr)
    found = continuity_found(out)
    hit = sum(any(a in m and f" in {y} report" in m for m in found) for a, y, _ in s["breaks"])
    print(f"demo: cross-year continuity: {len(found)} finding(s); "
          f"{hit} of the {len(s['breaks'])} planted breaks "
          "found (a report whose table the parser could not read cannot be compared)")
    books = yearbooks(out, years)
    print("demo: yearbooks:" if books else "demo: no yearbook page was written")
    for p in books:
        print(f"  {p}")
    return rc


if __name__ == "__main__":
    raise SystemExit(main())
