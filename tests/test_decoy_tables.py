"""Tables beside table 3 that use its row labels or its 本年新收 label (red-team AG is the family of real-shaped
reports, in tests/test_table_shapes.py; this module generates the rule's family).

- A summary over several years in seven columns (2019年 … 2023年, 五年合计, 比上年增减) printed with the form's row
  labels, before or after table 3: the printing headed by the applicant columns is table 3.
- 本年新收 compared over two years in a small table of its own (2022年本年新收 …, 2023年本年新收 …): those one-row
  "printings" are no table 3 when the one whole printing's rows add up.
- Two printings both headed by the applicant columns (last year's table beside this year's, captions naming no
  year) still keep neither: the parser never chooses between two tables it cannot tell apart.

Each decoyed report must give exactly the cells the same report gives without the decoy.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from transforms.labels import APPLICANT_CODES
from transforms.pipeline import run_layers
from transforms.synth import build_model
from transforms.synth.generate import generate
from transforms.synth.shapes import render_tsv

N = 12
SUMMARY_LABELS = ["一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "（一）予以公开", "（二）部分公开",
                  "（三）不予公开", "（四）无法提供", "（五）不予处理", "（六）其他处理", "（七）总计", "四、结转下年度继续办理"]


def _summary(rng: random.Random, year: int) -> str:
    """A five-year summary whose columns each add up like table 3's total column (so arithmetic cannot tell)."""
    years = [year - 4 + i for i in range(5)]
    cols = []
    for _ in years:
        new, old = rng.randint(0, 90), rng.randint(0, 20)
        outs = [rng.randint(0, 15) for _ in range(6)]
        while sum(outs) > new + old:
            outs = [max(0, x - 1) for x in outs]
        done = sum(outs)
        cols.append([new, old, *outs, done, new + old - done])
    total = [sum(c[i] for c in cols) for i in range(10)]
    delta = [cols[-1][i] - cols[-2][i] for i in range(10)]
    head = "\t".join(["项目", *(f"{y}年" for y in years), "五年合计", "比上年增减"])
    rows = [head] + ["\t".join([label, *(str(c[i]) for c in cols), str(total[i]), f"{delta[i]:+d}"])
                     for i, label in enumerate(SUMMARY_LABELS)]
    return f"{years[0]}年以来政府信息公开申请办理情况对比如下（单位：件）：\n" + "\n".join(rows) + "\n"


def _two_years(rng: random.Random, year: int, truth: dict) -> str:
    """本年新收 by applicant for last year and this year, under the applicant columns."""
    this = [truth["table3"]["new_received"][a] for a in APPLICANT_CODES]
    last = [rng.randint(0, 30) for _ in APPLICANT_CODES[:-1]]
    last.append(sum(last))
    head = "\t".join(["", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"])
    fmt = lambda vs: "\t".join("" if v is None else str(int(v)) for v in vs)  # noqa: E731
    return (f"两年新收申请按申请人类型对比（单位：件）\n{head}\n{year - 1}年本年新收\t{fmt(last)}\n"
            f"{year}年本年新收\t{fmt(this)}\n")


def _truths() -> list[dict]:
    """Generated truths whose table 3 is printed in full (so the one-row comparison copies real numbers)."""
    out = []
    for truth in generate(200, 11):
        t3 = truth.get("table3") or {}
        if t3 and all(v is not None for row in t3.values() for v in row.values()):
            out.append(truth)
        if len(out) == N:
            break
    return out


def _insert_before_table3(text: str, block: str) -> str | None:
    lines = text.split("\n")
    at = next((i for i, ln in enumerate(lines) if re.match(r"\s*(?:申请人情况|（本列数据)", ln)), None)
    if at is None:
        return None
    return "\n".join(lines[:at] + block.rstrip("\n").split("\n") + lines[at:])


def _insert_after_table3(text: str, block: str) -> str | None:
    lines = text.split("\n")
    at = next((i for i, ln in enumerate(lines) if ln.lstrip().startswith("四、结转下年度")), None)
    if at is None:
        return None
    return "\n".join(lines[: at + 1] + block.rstrip("\n").split("\n") + lines[at + 1:])


def _cells(layers) -> dict[str, dict]:
    got: dict[str, dict] = {}
    for marts in (ly["marts"] for ly in layers["years"].values()):
        stems = {r["report_id"]: Path(r["source_path"]).stem for r in marts["dim_report"].to_dicts()}
        for rid, code, appl, val in marts["fact_request_handling"].select(
                "report_id", "outcome", "applicant_type", "count").iter_rows():
            got.setdefault(stems[rid], {})[(code, appl)] = val
    return got


@pytest.fixture(scope="module")
def readings(tmp_path_factory) -> dict:
    root = tmp_path_factory.mktemp("decoys")
    made: dict[str, list[str]] = {"summary_before": [], "summary_after": [], "two_years": [], "twin": []}
    for i, truth in enumerate(_truths()):
        rng = random.Random(f"decoy:{i}")
        text, ext = render_tsv(build_model(truth, rng), rng)
        (root / f"r{i:02d}_plain{ext}").write_text(text, encoding="utf-8")
        variants = {
            "summary_before": _insert_before_table3(text, _summary(rng, truth["year"])),
            "summary_after": _insert_after_table3(text, _summary(rng, truth["year"])),
            "two_years": _insert_before_table3(text, _two_years(rng, truth["year"], truth)),
        }
        lines = text.split("\n")
        start = next((k for k, ln in enumerate(lines) if re.match(r"\s*(?:申请人情况|（本列数据)", ln)), None)
        end = next((k for k, ln in enumerate(lines) if ln.lstrip().startswith("四、结转下年度")), None)
        if start is not None and end is not None:
            # last year's table printed before this year's, same header, numbers shifted by one: no caption tells
            twin = [re.sub(r"(?<=\t)(\d+)(?=\t|$)", lambda m: str(int(m.group(1)) + 1), ln)
                    for ln in lines[start:end + 1]]
            variants["twin"] = "\n".join(lines[:start] + twin + lines[start:])
        for kind, body in variants.items():
            if body is not None:
                (root / f"r{i:02d}_{kind}{ext}").write_text(body, encoding="utf-8")
                made[kind].append(f"r{i:02d}")
    return {"cells": _cells(run_layers(root)), "made": made}


@pytest.mark.parametrize("kind", ["summary_before", "summary_after", "two_years"])
def test_a_decoy_beside_table3_leaves_its_cells_as_they_are(readings, kind: str) -> None:
    cells, made = readings["cells"], readings["made"][kind]
    assert len(made) >= N - 2
    for stem in made:
        plain = cells.get(f"{stem}_plain", {})
        assert any(v is not None for v in plain.values()), stem
        assert cells.get(f"{stem}_{kind}") == plain, stem


def test_two_tables_headed_alike_keep_neither(readings) -> None:
    cells, made = readings["cells"], readings["made"]["twin"]
    assert made
    for stem in made:
        plain = cells[f"{stem}_plain"]
        twin = cells.get(f"{stem}_twin", {})
        # never the shifted numbers, never a mix: a cell is the plain reading's or null
        assert all(twin.get(k) is None for k in plain if twin.get(k) != plain[k]), stem

