"""Print the reshape matrix: every truth-backed fixture plus 40 synthetic truths, rendered in every shape
and read back through the pipeline (the same harness as tests/test_reshape.py; nothing is cached).

    .venv/bin/python scripts/reshape_matrix.py                 # markdown matrix, one row per shape
    .venv/bin/python scripts/reshape_matrix.py --shapes tsv,crawler_glued
    .venv/bin/python scripts/reshape_matrix.py --detail crawler_glued   # the problem cells of one shape
    .venv/bin/python scripts/reshape_matrix.py --docs          # also docx, pdf and html_export (tests/test_reshape_docs.py)
    .venv/bin/python scripts/reshape_matrix.py --detail pdf     # the problem cells and metadata misses of pdf
    .venv/bin/python scripts/reshape_matrix.py --docs --every --shapes pdf,doc  # every truth, not the CI subset
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from test_reshape import all_truths, run_shape  # noqa: E402
from test_reshape_docs import DOC_SHAPES, run_doc_shape  # noqa: E402

from transforms.synth import SHAPES  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shapes", help="comma-separated shapes (default: all)")
    ap.add_argument("--detail", metavar="SHAPE", help="list the problem cells and metadata misses of one shape")
    ap.add_argument("--docs", action="store_true",
                    help="also the document shapes (docx: every truth; pdf: a fixed subset, needs soffice)")
    ap.add_argument("--every", action="store_true",
                    help="with --docs: pdf, html_export and doc render every truth, pdf_scan 12 (slow: about an hour of CPU)")
    ap.add_argument("--keep", metavar="DIR", help="write the rendered files under DIR instead of a temp dir")
    args = ap.parse_args(argv)
    shapes = [args.detail] if args.detail else (args.shapes.split(",") if args.shapes else
                                                  SHAPES + (DOC_SHAPES if args.docs else []))
    unknown = [s for s in shapes if s not in SHAPES + DOC_SHAPES]
    if unknown:
        known = ", ".join(SHAPES + DOC_SHAPES)
        print(f"unknown shape(s): {', '.join(unknown)}; known: {known}", file=sys.stderr)
        return 2
    truths = all_truths()
    print("| shape | reports | cells | right | wrong | invented | abstained | % right | % right, rows printed in full "
          "| agency right | s |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(args.keep) if args.keep else Path(tmp)
        for shape in shapes:
            t0 = time.perf_counter()
            res = (run_doc_shape(shape, truths, work, every=args.every) if shape in DOC_SHAPES
                   else run_shape(shape, truths, work))
            s = res["score"]
            results.append(res)
            print(f"| {shape} | {res['reports']} | {s.cells} | {s.correct} | {s.wrong} | {s.invented} | {s.abstained} "
                  f"| {s.pct:.2f} | {res['printed_rows'].pct:.2f} | {res['agency_right']}/{res['reports']} "
                  f"| {time.perf_counter() - t0:.1f} |",
                  flush=True)
    if args.detail:
        res = results[0]
        print(f"\n## {args.detail}: problem cells")
        for stem, probs in sorted(res["score"].problems.items()):
            print(f"- {stem}: " + "; ".join(probs))
        print(f"\n## {args.detail}: problem cells in rows printed in full")
        for stem, probs in sorted(res["printed_rows"].problems.items()):
            print(f"- {stem}: " + "; ".join(probs))
        print(f"\n## {args.detail}: metadata")
        for stem, msg in sorted(res["meta_wrong"].items()):
            print(f"- {stem}: {msg}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
