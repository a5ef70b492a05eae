"""Reshape harness: every truth-backed fixture and 40 synthetic truths, rendered in every real-world shape
(transforms.synth.shapes) and read back through the real pipeline, one pipeline run per shape.

A shape passes when no number is wrong or invented, ≥ 99 % of the truth's cells are right, and every
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
from scoring import Score, score_cells  # noqa: E402

from transforms.synth import SHAPES, build_model, generate, render  # noqa: E402

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SYNTH_N, SYNTH_SEED = 40, 20240601
REPORT_SUFFIXES = (".txt", ".html", ".htm", ".md")
FACTS = {"table3": ("fact_request_handling", "outcome", "applicant_type", "count"),
         "table2": ("fact_active_disclosure", "item", "metric", "value"),
         "table4": ("fact_review_litigation", "case_type", "result", "count")}


def fixture_truths() -> list[tuple[str, dict]]:
    """(stem, truth) for every fixture JSON that has its report file beside it and a 2019/2021 template."""
    out = []
    for js in sorted(FIXTURES.glob("*/*.json")):
        if not any(js.with_suffix(s).exists() for s in REPORT_SUFFIXES):
            continue
        truth = json.loads(js.read_text(encoding="utf-8"))
        if truth.get("template") in ("2019", "2021") and truth.get("agency") and truth.get("year"):
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
        printed = dict(truth, table_shape=shape)
        if shape == "traditional":
            printed["script"] = "traditional"
        written[name] = printed
    return written


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
    score = Score()
    meta_wrong: dict[str, str] = {}
    for stem, truth in written.items():
        score_cells(got.get(stem, {}) if stem in dims else None, truth, stem, score)
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
    return {"shape": shape, "reports": len(written), "score": score, "meta_wrong": meta_wrong,
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
    assert s.correct >= 0.99 * s.cells, f"{shape}: {s.correct}/{s.cells} right: {problems}"
    assert not res["meta_wrong"], f"{shape}: {dict(list(res['meta_wrong'].items())[:8])}"
