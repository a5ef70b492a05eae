"""The synthetic report generator: deterministic, arithmetically consistent, and every renderer prints
every value of its truth (and no blank as a number)."""

from __future__ import annotations

import json
import random
import re
import shutil
import sys
from pathlib import Path, PurePath

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scoring import Score, score_cells  # noqa: E402

from transforms.labels import APPLICANT_PARTS, OTHER_SPLIT  # noqa: E402
from transforms.synth import SHAPES, build_model, generate, render  # noqa: E402
from transforms.synth.cli import main as synth_main  # noqa: E402
from transforms.synth.generate import identities, pinned  # noqa: E402
from transforms.synth.report import fmt_value  # noqa: E402

TRUTHS = list(generate(60, seed=7))


def test_deterministic_for_a_seed():
    assert list(generate(20, seed=3)) == list(generate(20, seed=3))
    assert list(generate(5, seed=3)) != list(generate(5, seed=4))
    t = TRUTHS[0]
    a = render("crawler_glued", build_model(t, random.Random(1)), random.Random(1))
    b = render("crawler_glued", build_model(t, random.Random(1)), random.Random(1))
    assert a == b


def _value(truth, key):
    table, row, col = key.split(".")
    v = truth[table][row][col]
    return v if v is not None else truth["derived"][key]


@pytest.mark.parametrize("i", range(len(TRUTHS)))
def test_identities_hold(i):
    t = TRUTHS[i]
    t3, t4 = t["table3"], t["table4"]
    v = lambda row, col: _value(t, f"table3.{row}.{col}")  # noqa: E731
    for row in t3:
        assert sum(v(row, a) for a in APPLICANT_PARTS) == v(row, "total"), row
    results = [r for r in t3 if r not in ("new_received", "carried_over", "total_processed", "carried_forward")]
    assert ("other" in results) != any(r in results for r in OTHER_SPLIT)
    assert (t["template"] == "2021") == (t["year"] >= 2021)
    for a in APPLICANT_PARTS + ["total"]:
        assert sum(v(r, a) for r in results) == v("total_processed", a)
        assert v("new_received", a) + v("carried_over", a) == v("total_processed", a) + v("carried_forward", a)
        assert all(v(r, a) >= 0 for r in t3)
    for case in t4:
        w = lambda res: _value(t, f"table4.{case}.{res}")  # noqa: E731
        assert w("upheld") + w("corrected") + w("other") + w("pending") == w("total")


def test_blanks_are_exactly_the_pinned_cells():
    blanked = [t for t in TRUTHS if t["derived"]]
    assert blanked, "some truths print blank cells"
    for t in blanked:
        nulls = {f"{tb}.{r}.{c}" for tb in ("table3", "table4") for r, row in t[tb].items()
                 for c, x in row.items() if x is None}
        assert nulls == set(t["derived"])
        known = {f"{tb}.{r}.{c}": x for tb in ("table3", "table4") for r, row in t[tb].items()
                 for c, x in row.items() if x is not None}
        assert pinned(known, nulls, identities(t["table3"], t["table4"])) == t["derived"]


def test_every_level_and_many_provinces():
    many = list(generate(400, seed=11))
    assert {t["admin_level"] for t in many} == {"province", "prefecture", "county", "township", "department"}
    assert len({t["region"][0] for t in many}) >= 25
    assert any(t["agency"].endswith("街道办事处") for t in many) and any(t["agency"].endswith("厅") for t in many)


def _printed(model, shape, key, v):
    plain = shape in ("crawler_oneline", "crawler_glued", "pdfplumber_text")
    return fmt_value(v, model.options, key, plain)


@pytest.mark.parametrize("shape", SHAPES)
def test_renderer_prints_every_value(shape):
    import opencc
    t2s = opencc.OpenCC("t2s").convert
    for k, t in enumerate(TRUTHS[:15]):
        model = build_model(t, random.Random(k))
        text, suffix = render(shape, model, random.Random(k))
        assert suffix in (".txt", ".md", ".html")
        flat = t2s(text) if shape == "traditional" else text
        # a csv rendering may add thousands separators: 7,130 prints 7130
        plain = re.sub(r'"?(\d{1,3}(?:,\d{3})+)"?', lambda m: m.group(1).replace(",", ""), flat) if shape == "csv" else flat
        assert t["agency"] in flat and str(t["year"]) in flat
        digits_only = re.sub(r"\s+", "", re.sub(r"<[^>]+>", "", flat))
        for table in ("table2", "table3", "table4"):
            for row, cols in t[table].items():
                for col, v in cols.items():
                    if v is None:
                        continue
                    s = _printed(model, shape, f"{table}.{row}.{col}", v)
                    assert s in flat or s in plain or s in digits_only, (shape, k, table, row, col, s)


def test_cli_writes_reports_and_truths(tmp_path, capsys):
    out = tmp_path / "corpus"
    assert synth_main(["--n", "26", "--seed", "5", "--out", str(out), "--years", "2019-2024"]) == 0
    assert "reports/s" in capsys.readouterr().out
    truths = sorted(out.glob("*.json"))
    reports = sorted(p for p in out.iterdir() if p.suffix != ".json")
    assert len(truths) == len(reports) == 26
    assert {p.stem for p in truths} == {p.stem for p in reports}
    assert {json.loads(p.read_text(encoding="utf-8"))["table_shape"] for p in truths} == set(SHAPES)
    assert reports[0].name.startswith("synth_000000_")
    assert synth_main(["--n", "2", "--out", str(out), "--shapes", "nope"]) == 2
    one = tmp_path / "one"
    assert synth_main(["--n", "3", "--seed", "5", "--out", str(one), "--shapes", "tsv", "--years", "2020"]) == 0
    assert all(json.loads(p.read_text(encoding="utf-8"))["year"] == 2020 for p in one.glob("*.json"))


def _tree(d: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(d.iterdir())}


def test_same_bytes_with_a_process_pool(tmp_path):
    from transforms.synth.cli import write_corpus
    write_corpus(30, 9, tmp_path / "one", list(SHAPES), [2019, 2023])
    write_corpus(30, 9, tmp_path / "two", list(SHAPES), [2019, 2023], workers=2, chunk=7)
    write_corpus(30, 9, tmp_path / "r", list(SHAPES), [2019, 2023], truth_dir=tmp_path / "t", chunk=4)
    one = _tree(tmp_path / "one")
    assert len(one) == 60 and one == _tree(tmp_path / "two")
    assert one == {**_tree(tmp_path / "r"), **_tree(tmp_path / "t")}


def test_inlined_gamma_draws_like_random():
    from transforms.synth.generate import _gamma07
    for seed in range(5):
        a, b = random.Random(seed), random.Random(seed)
        assert [a.gammavariate(0.7, 1.0) for _ in range(3000)] == [_gamma07(b.random) for _ in range(3000)]


def test_format_values_is_fmt_value():
    from transforms.synth.report import format_values
    rng = random.Random(0)
    for _ in range(300):
        vals = {f"table{rng.choice([2, 3, 4])}.r{i}.{rng.choice(['change', 'decisions', 'total'])}":
                rng.choice([None, 0, 7, -3, 12000, 2.5, 961.0, 1e20, True, 99999, 0.1]) for i in range(10)}
        for opts in (None, {}, {"thousands": True}, {"change_words": True},
                     {"thousands": True, "change_words": True}):
            assert format_values(vals, opts) == {k: fmt_value(v, opts, k) for k, v in vals.items()}


def test_panel_follows_agencies_with_continuity_and_a_few_breaks():
    from transforms.synth.generate import generate_panel
    truths = list(generate_panel(120, seed=4, years=range(2019, 2025)))
    assert len(truths) == 120 and truths == list(generate_panel(120, seed=4, years=range(2019, 2025)))
    assert [t["year"] for t in truths] == sorted(t["year"] for t in truths)
    by_agency: dict[str, dict[int, dict]] = {}
    for t in truths:
        assert t["year"] not in by_agency.setdefault(t["agency"], {}), "one report per agency and year"
        by_agency[t["agency"]][t["year"]] = t
    assert len(by_agency) <= 120 / 4 and all(len(ys) >= 1 for ys in by_agency.values())
    assert {t["admin_level"] for t in truths} >= {"county", "department"}
    breaks = 0
    for ys in by_agency.values():
        assert sorted(ys) == list(range(min(ys), max(ys) + 1)), "consecutive years"
        for y in sorted(ys)[1:]:
            cur = _value(ys[y], "table3.carried_over.total")
            prev = _value(ys[y - 1], "table3.carried_forward.total")
            brk = ys[y]["panel"]["continuity_break"]
            if brk is None:
                assert cur == prev
            else:
                breaks += 1
                assert cur != prev and brk == {"carried_over": cur, "prev_carried_forward": prev}
    assert 1 <= breaks <= 12
    assert list(generate(20, seed=3)) == list(generate(20, seed=3))  # the default generator is untouched


@pytest.mark.synth300
def test_pipeline_reads_300_synthetic_reports(tmp_path):
    from transforms.pipeline import run_layers
    assert synth_main(["--n", "300", "--seed", "300", "--out", str(tmp_path / "in")]) == 0
    for js in (tmp_path / "in").glob("*.json"):
        shutil.move(js, tmp_path / js.name)
    layers = run_layers(tmp_path / "in")
    got, stems = {}, {}
    facts = {"table3": ("fact_request_handling", "outcome", "applicant_type", "count"),
             "table2": ("fact_active_disclosure", "item", "metric", "value"),
             "table4": ("fact_review_litigation", "case_type", "result", "count")}
    for ly in layers["years"].values():
        m = ly["marts"]
        for rid, p in m["dim_report"].select("report_id", "source_path").iter_rows():
            stems[rid] = PurePath(p).stem
        for table, (mart, a, b, val) in facts.items():
            for rid, x, y, v in m[mart].select("report_id", a, b, val).iter_rows():
                got.setdefault(stems.get(rid), {})[(table, x, y)] = v
    score = Score()
    for js in tmp_path.glob("*.json"):
        score_cells(got.get(js.stem), json.loads(js.read_text(encoding="utf-8")), js.stem, score)
    assert (score.wrong, score.invented) == (0, 0), dict(list(score.problems.items())[:5])
    assert score.correct >= 0.995 * score.cells, dict(list(score.problems.items())[:5])
