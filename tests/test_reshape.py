"""Reshape harness: every truth-backed fixture and 40 synthetic truths, rendered in every real-world shape
(transforms.synth.shapes) and read back through the real pipeline, one pipeline run per shape.

A shape passes when no number is wrong or invented anywhere, ≥ 99 % of the cells of rows printed in
full are right (a shape that drops empty cells may honestly leave a row with blanks null), and every
report's agency and year are read. Failing shapes name the parser's gaps; `scripts/reshape_matrix.py`
prints the whole matrix and `--detail SHAPE` the problem cells.
"""

from __future__ import annotations

import json
import random
import sys
import tempfile
from pathlib import Path, PurePath

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scoring import AGENCY_READ, Score, score_cells  # noqa: E402

from transforms.synth import SHAPES, build_model, generate, render  # noqa: E402
from transforms.synth.shapes import printed_truth  # noqa: E402

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SYNTH_N, SYNTH_SEED = 40, 20240601
REPORT_SUFFIXES = (".txt", ".html", ".htm", ".md")
FACTS = {"table3": ("fact_request_handling", "outcome", "applicant_type", "count"),
         "table2": ("fact_active_disclosure", "item", "metric", "value"),
         "table4": ("fact_review_litigation", "case_type", "result", "count")}


SAMPLE = Path(__file__).resolve().parents[1] / "warehouse" / "landing"


def fixture_truths() -> list[tuple[str, dict]]:
    """(stem, truth) for every fixture JSON that has its report file beside it, or (tests/fixtures/truth)
    in the bundled sample corpus, and a 2019/2021 template."""
    out = []
    for js in sorted(FIXTURES.glob("*/*.json")):
        beside = js.parent if js.parent.name != "truth" else SAMPLE
        if not any((beside / js.name).with_suffix(s).exists() for s in REPORT_SUFFIXES):
            continue
        truth = json.loads(js.read_text(encoding="utf-8"))
        if truth.get("template") in ("2019", "2021") and truth.get("agency") and truth.get("year"):
            if js.stem in AGENCY_READ:
                truth = dict(truth, agency=AGENCY_READ[js.stem])  # (the name the parser reads; see scoring.py)
            out.append((f"fx_{js.parent.name}_{js.stem}", truth))
    return out


def all_truths() -> list[tuple[str, dict]]:
    synth = [(f"synth_{i:06d}", t) for i, t in enumerate(generate(SYNTH_N, SYNTH_SEED))]
    return fixture_truths() + synth


def render_shape(shape: str, truths: list[tuple[str, dict]], out_dir: Path) -> dict[str, dict]:
    """Write every truth rendered in `shape` into out_dir; return {file stem: truth as printed}."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = {}
    for stem, truth in truths:
        rng = random.Random(f"{stem}:{shape}")
        model = build_model(truth, rng)
        text, suffix = render(shape, model, rng)
        name = f"{stem}_{shape}"
        (out_dir / f"{name}{suffix}").write_text(text, encoding="utf-8")
        written[name] = printed_truth(shape, truth)  # the cells this shape leaves blank are null, kept in derived
    return written


def _splits(digits: str, width: int, limit: int = 2) -> list[tuple[int, ...]]:
    """Up to `limit` ways to cut a digit run into `width` counts without leading zeros (the test's
    own oracle, independent of the parser's glue reader)."""
    out: list[tuple[int, ...]] = []

    def walk(pos: int, acc: tuple[int, ...]) -> None:
        if len(out) >= limit:
            return
        if len(acc) == width:
            if pos == len(digits):
                out.append(acc)
            return
        left = width - len(acc) - 1
        for end in range(pos + 1, len(digits) - left + 1):
            part = digits[pos:end]
            if len(part) > 1 and part[0] == "0":
                break
            walk(end, (*acc, int(part)))

    walk(0, ())
    return out


def glued_unique(table: str, cols: dict) -> bool:
    """Whether a row printed glued (`123010117`) has exactly one reading that keeps its own sums:
    the row total for table 3, the three group totals for table 4; table 2 rows have no sums."""
    vals = list(cols.values())
    if any(isinstance(v, bool) or not isinstance(v, (int, float)) or v < 0 or float(v) != int(v) for v in vals):
        return False  # signs, decimals and units: not a plain digit run
    digits = "".join(str(int(v)) for v in vals)
    splits = _splits(digits, len(vals), limit=10_000)
    if table == "table3":
        splits = [sp for sp in splits if sp[-1] == sum(sp[:-1])]
    elif table == "table4" and len(vals) == 5:
        splits = [sp for sp in splits if sp[4] == sum(sp[:4])]
    return len(splits) == 1


def full_rows(truth: dict, glued: bool = False) -> dict:
    """The truth restricted to rows printed in full (no blank cell in the row).

    Shapes that drop empty cells (one-line crawler dumps, PDF text) cannot say which column a blank
    stood in, so a row with blanks may honestly be left null; a row printed in full always can be
    read. The ≥ 99 % gate applies to these rows, while no shape may ever give a wrong or invented
    number anywhere. With `glued` (cells printed with no separator at all) a row counts only when
    its digits have one reading that keeps its sums: `3317` under three columns is 3|3|17, 3|31|7
    or 33|1|7, and a reader that picks one is guessing.
    """
    out = {k: v for k, v in truth.items() if k not in FACTS and k != "derived"}
    for table in FACTS:
        rows = {row: cols for row, cols in (truth.get(table) or {}).items()
                if cols and all(v is not None for v in cols.values()) and (not glued or glued_unique(table, cols))}
        out[table] = rows
    return out


def run_shape(shape: str, truths: list[tuple[str, dict]], work: Path) -> dict:
    """Render, run the pipeline once over the shape's folder, score. Returns totals and problem lists."""
    from transforms.pipeline import run_layers

    written = render_shape(shape, truths, work / shape)
    layers = run_layers(work / shape)
    got: dict[str, dict] = {}
    dims: dict[str, dict] = {}
    for marts in (ly["marts"] for ly in layers["years"].values()):
        rid_stem = {}
        for row in marts["dim_report"].to_dicts():
            stem = PurePath(row["source_path"]).stem
            rid_stem[row["report_id"]] = stem
            dims[stem] = row
        for table, (mart, a, b, v) in FACTS.items():
            for rid, x, y, val in marts[mart].select("report_id", a, b, v).iter_rows():
                if rid in rid_stem:
                    got.setdefault(rid_stem[rid], {})[(table, x, y)] = val
    score, printed_rows = Score(), Score()
    meta_wrong: dict[str, str] = {}
    for stem, truth in written.items():
        score_cells(got.get(stem, {}) if stem in dims else None, truth, stem, score)
        full = full_rows(truth, glued=shape == "crawler_glued")
        if any(full.get(t) for t in FACTS):
            score_cells(got.get(stem, {}) if stem in dims else None, full, stem, printed_rows)
        dim = dims.get(stem)
        if dim is None:
            meta_wrong[stem] = "report not in dim_report"
            continue
        bad = []
        if dim.get("agency_name") != truth["agency"]:
            bad.append(f"agency {dim.get('agency_name')!r} != {truth['agency']!r}")
        if dim.get("report_year") != truth["year"]:
            bad.append(f"year {dim.get('report_year')} != {truth['year']}")
        if bad:
            meta_wrong[stem] = "; ".join(bad)
    return {"shape": shape, "reports": len(written), "score": score, "printed_rows": printed_rows,
            "meta_wrong": meta_wrong,
            "agency_right": sum(1 for s in written if s in dims and "agency" not in meta_wrong.get(s, ""))}


@pytest.fixture(scope="module")
def truths():
    return all_truths()


@pytest.mark.parametrize("shape", SHAPES)
def test_shape_reads_back(shape: str, truths):
    with tempfile.TemporaryDirectory() as tmp:
        res = run_shape(shape, truths, Path(tmp))
    s: Score = res["score"]
    problems = {k: v[:6] for k, v in list(s.problems.items())[:8]}
    assert (s.wrong, s.invented) == (0, 0), f"{shape}: wrong {s.wrong}, invented {s.invented}: {problems}"
    full: Score = res["printed_rows"]
    assert full.correct >= 0.99 * full.cells, f"{shape}: rows printed in full {full.correct}/{full.cells} right: {problems}"
    assert not res["meta_wrong"], f"{shape}: {dict(list(res['meta_wrong'].items())[:8])}"
