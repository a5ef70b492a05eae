"""Glued crawler rows whose blank cells printed nothing: `没有现成信息需要另行制作000010` is six digits
for seven columns, the 总计 left blank. A digit run with a leading zero is no count, so it is read as
cells with blanks (every number of blanks, every place), and the table's identities choose; it is
never the single number 10 placed in some column.

The family: generated reports (both templates) in the one-line glued crawler shape, with the row
totals, and the zeros, of random table-3 rows printed blank, only where the table's arithmetic pins
them. Every cell read must be the truth's; and the blanked rows must be read, not dropped.
"""

from __future__ import annotations

import copy
import json
import random
import sys
from pathlib import Path, PurePath

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scoring import Score, score_cells  # noqa: E402

from transforms.labels import APPLICANT_PARTS  # noqa: E402
from transforms.synth import build_model, generate, render  # noqa: E402
from transforms.synth.generate import identities, pinned  # noqa: E402
from transforms.tables.request_handling import _readings_with_blanks  # noqa: E402

FACTS = {"table3": ("fact_request_handling", "outcome", "applicant_type", "count"),
         "table2": ("fact_active_disclosure", "item", "metric", "value"),
         "table4": ("fact_review_litigation", "case_type", "result", "count")}


def _blank_rows(truth: dict, rng: random.Random) -> int:
    """Print blank the total of 1–3 rows, and in some of them their zeros too, where pinned; how many
    cells were blanked."""
    t3, t4 = truth["table3"], truth["table4"]
    cells = {f"table3.{c}.{a}": v for c, row in t3.items() for a, v in row.items() if v is not None}
    cells.update({f"table4.{c}.{r}": v for c, row in t4.items() for r, v in row.items() if v is not None})
    cells.update(truth["derived"])
    rows = [c for c in t3 if c not in ("new_received", "total_processed")]
    cand = []
    for row in rng.sample(rows, rng.randint(1, 3)):
        cand.append(f"table3.{row}.total")
        if rng.random() < 0.4:
            cand += [f"table3.{row}.{a}" for a in APPLICANT_PARTS if cells.get(f"table3.{row}.{a}") == 0][:2]
    unknown = {k for k in cand if t3[k.split(".")[1]][k.split(".")[2]] is not None}
    known = {k: v for k, v in cells.items() if k not in unknown}
    fixed = pinned(known, unknown, identities(t3, t4))
    n = 0
    for k in unknown:
        if fixed.get(k) == cells[k]:
            _, row, col = k.split(".")
            t3[row][col] = None
            truth["derived"][k] = cells[k]
            n += 1
    return n


def test_a_short_glued_run_is_read_with_its_blanks() -> None:
    values = lambda rs: [tuple(c.value for c in r) for r in rs]  # noqa: E731
    # 000010 over seven columns: with one blank only the blank total lets the row add up (pinned: 1);
    # with two blanks (0,0,0,0,10) several places stand, which the table's identities must settle
    got = _readings_with_blanks("000010", 7)
    assert values(got)[0] == (0, 0, 0, 0, 1, 0, 1) and got[0][-1].source == "derived"
    assert all(10 in r for r in values(got)[1:])
    # six zeros and one blank: wherever the blank is, the row total pins it to 0
    assert set(values(_readings_with_blanks("0" * 6, 7))) == {(0,) * 7}
    assert _readings_with_blanks("0" * 200, 7) == []  # too long to be cells with blanks


def test_glued_rows_with_blank_cells_read_true(tmp_path: Path) -> None:
    from transforms.pipeline import run_layers

    rng = random.Random(20261207)
    truths, blanked = {}, 0
    for i, t in enumerate(generate(60, seed=20261207, years=[2020, 2022, 2023])):
        t = copy.deepcopy(t)
        blanked += _blank_rows(t, rng)
        stem = f"glued_blank_{i:03d}"
        text, suffix = render("crawler_glued", build_model(t, random.Random(i)), random.Random(i))
        (tmp_path / f"{stem}{suffix}").write_text(text, encoding="utf-8")
        truths[stem] = t
    assert blanked >= 60
    layers = run_layers(tmp_path)
    got: dict[str, dict] = {}
    for marts in (ly["marts"] for ly in layers["years"].values()):
        stems = {r["report_id"]: PurePath(r["source_path"]).stem for r in marts["dim_report"].to_dicts()}
        for table, (mart, a, b, v) in FACTS.items():
            for rid, x, y, val in marts[mart].select("report_id", a, b, v).iter_rows():
                got.setdefault(stems[rid], {})[(table, x, y)] = val
    score, blank_rows = Score(), Score()
    for stem, truth in truths.items():
        score_cells(got.get(stem), truth, stem, score)
        rows = {k.split(".")[1] for k in truth["derived"] if k.startswith("table3.")}
        part = json.loads(json.dumps(truth))
        for tb in ("table2", "table4"):
            part[tb] = None
        part["table3"] = {r: v for r, v in truth["table3"].items() if r in rows}
        part["derived"] = {k: v for k, v in truth["derived"].items() if k.split(".")[1] in rows}
        score_cells({k: v for k, v in got.get(stem, {}).items() if k[0] == "table3" and k[1] in rows},
                    part, stem, blank_rows)
    problems = [p for ps in score.problems.values() for p in ps if "got None" not in p][:8]
    assert (score.wrong, score.invented) == (0, 0), problems
    assert blank_rows.correct >= 0.75 * blank_rows.cells, \
        f"rows with blank cells: {blank_rows.correct} of {blank_rows.cells} cells read"
