"""scripts/demo.py: a panel corpus (the same agencies in consecutive years, a planted continuity break)
through the real pipeline (`gongkai run` in a subprocess) into marts and yearbooks. Small: 20 reports of
2 years (about 30 CPU-s, most of it the pipeline's per-year fixed cost)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import polars as pl
import pytest

REPO = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("gongkai_demo", REPO / "scripts" / "demo.py")
demo = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(demo)

SHAPES = ["tsv", "markdown_headings", "html_cms", "web_chrome"]
YEARS = [2023, 2024]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("demo") / "demo-warehouse"
    summary = demo.build(out, n=20, seed=7, years=YEARS, shapes=SHAPES)
    return out, summary


def _truths(out: Path) -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted((out / "truth").glob("*.json"))]


def test_corpus_is_a_panel_with_a_break(built):
    out, s = built
    reports = sorted(p.name for p in (out / "landing").iterdir())
    assert len(reports) == 20 and all(n.startswith("synth_") for n in reports)
    assert not list((out / "landing").glob("*.json")), "truths stay out of the landing folder"
    truths = _truths(out)
    years = {}
    for t in truths:
        years.setdefault(t["agency"], set()).add(t["year"])
    assert s["agencies"] == len(years) == 10 and all(ys == set(YEARS) for ys in years.values())
    assert s["breaks"], "at least one continuity break is planted"
    for agency, year, brk in s["breaks"]:
        assert brk["carried_over"] != brk["prev_carried_forward"] and year == 2024
    assert {t["table_shape"] for t in truths} == set(SHAPES)


def test_rebuild_is_deterministic_and_refuses_foreign_folders(built, tmp_path):
    out, _ = built
    again = tmp_path / "again"
    demo.build(again, n=20, seed=7, years=YEARS, shapes=SHAPES)
    for sub in ("landing", "truth"):
        assert {p.name: p.read_bytes() for p in (out / sub).iterdir()} == \
            {p.name: p.read_bytes() for p in (again / sub).iterdir()}
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    (foreign / "report.txt").write_text("a real report", encoding="utf-8")
    with pytest.raises(demo.DemoError):
        demo.build(foreign, n=4, seed=1, years=YEARS)
    assert (foreign / "report.txt").read_text(encoding="utf-8") == "a real report"
    with pytest.raises(demo.DemoError):
        demo.build(REPO / "warehouse", n=4, seed=1, years=YEARS)
    assert demo.main(["--out", str(foreign), "--n", "4", "--no-run"]) == 2


def test_pipeline_writes_marts_continuity_and_yearbooks(built):
    out, s = built
    assert demo.run_pipeline(out) == 0
    dim = pl.concat([pl.read_parquet(p) for p in sorted((out / "marts" / "dim_report").glob("*/*.parquet"))])
    assert sorted(dim["report_year"].unique().to_list()) == YEARS and dim.height == 20
    names = dim.group_by("agency_name").agg(pl.col("report_year").n_unique().alias("k"))
    assert names.filter(pl.col("k") == 2).height >= 8, "most agencies are read with one name in both years"
    for mart in ("fact_request_handling", "fact_review_litigation", "fact_active_disclosure"):
        assert list((out / "marts" / mart).glob("report_year=2024/*.parquet")), mart
    found = demo.continuity_found(out)
    planted = {a for a, _, _ in s["breaks"]}
    flagged = {m.split(":")[0] for m in found}
    assert planted & flagged, (planted, found)
    assert flagged <= planted, (planted, found)
    assert [p.name for p in demo.yearbooks(out, YEARS)] == [f"yearbook_{y}.html" for y in YEARS]
