"""Labels as publishers mistype them (red-team AI is the family of real-shaped reports, in tests/test_table_shapes.py;
this module generates the rule's family).

A sub-row's ordinal whose mark a copy moved off or lost (`4 .保护第三方合法权益`, `４ ．…`, `4 保护第三方合法权益`) in
text printed one cell per line: the digit is the ordinal, never a cell (AI's report took it for one and shifted every
row below by one). Every generated report's tables printed one cell per line, its numbered sub-rows damaged each way,
must read as the undamaged copy reads.
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_decoy_tables import N, _cells, _truths  # noqa: E402

from transforms.pipeline import run_layers  # noqa: E402
from transforms.synth import build_model  # noqa: E402
from transforms.synth.shapes import render_tsv  # noqa: E402


_DAMAGE = {"space_dot": lambda n, rest: f"{n} .{rest}", "space_fullwidth_dot": lambda n, rest: f"{n} ．{rest}",
           "fullwidth_digit": lambda n, rest: f"{chr(0xFF10 + int(n))} .{rest}", "no_mark": lambda n, rest: f"{n} {rest}"}


def _cell_per_line(text: str) -> str:
    """Every tab-separated row printed one cell per line (its non-empty cells, in order), as pdftotext without
    -layout prints a table whose every cell is filled."""
    out = []
    for line in text.split("\n"):
        out += [c.strip() for c in line.split("\t") if c.strip()] if "\t" in line else [line]
    return "\n".join(out)


@pytest.fixture(scope="module")
def ordinal_readings(tmp_path_factory) -> dict:
    root = tmp_path_factory.mktemp("ordinals")
    stems = []
    for i, truth in enumerate(_truths()):
        rng = random.Random(f"ordinal:{i}")
        text, ext = render_tsv(build_model(truth, rng), rng)
        plain = _cell_per_line(text)
        (root / f"o{i:02d}_plain{ext}").write_text(plain, encoding="utf-8")
        for kind, damage in _DAMAGE.items():
            damaged = re.sub(r"(?m)^([1-8])[.．、](?=[\u4e00-\u9fff])(.*)$", lambda m: damage(m.group(1), m.group(2)),
                             plain)
            if damaged != plain:
                (root / f"o{i:02d}_{kind}{ext}").write_text(damaged, encoding="utf-8")
                stems.append((f"o{i:02d}", kind))
    return {"cells": _cells(run_layers(root)), "stems": stems}


@pytest.mark.parametrize("kind", list(_DAMAGE))
def test_a_sub_row_ordinal_apart_from_its_mark_is_no_cell(ordinal_readings, kind: str) -> None:
    cells = ordinal_readings["cells"]
    stems = [s for s, k in ordinal_readings["stems"] if k == kind]
    assert len(stems) >= N - 2
    for stem in stems:
        plain = cells.get(f"{stem}_plain", {})
        assert sum(v is not None for v in plain.values()) > 100, stem
        assert cells.get(f"{stem}_{kind}") == plain, (stem, kind)


# Table 2's header words one edit away from the form's (a character changed, lost or two swapped: 本年废上件数,
# 采购总金, 现行效有件数): each cell is the header word it is nearest to, when exactly one is that near.
_HEADER_WORDS = ["本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "处理决定数量", "采购项目数量",
                 "采购总金额", "本年制发件数", "本年废止件数", "现行有效件数"]
_EDITS = {"changed": lambda w: w[:2] + "喔" + w[3:], "lost": lambda w: w[:-1],
          "swapped": lambda w: w[:2] + w[3] + w[2] + w[4:]}


@pytest.fixture(scope="module")
def header_readings(tmp_path_factory) -> dict:
    root = tmp_path_factory.mktemp("headers")
    stems = []
    for i, truth in enumerate(_truths()):
        rng = random.Random(f"header:{i}")
        text, ext = render_tsv(build_model(truth, rng), rng)
        (root / f"h{i:02d}_plain{ext}").write_text(text, encoding="utf-8")
        for kind, edit in _EDITS.items():
            damaged = "\n".join(
                "\t".join(edit(c) if c in _HEADER_WORDS and (k + i) % 2 == 0 else c for k, c in enumerate(line.split("\t")))
                if line.startswith("信息内容") else line for line in text.split("\n"))
            if damaged != text:
                (root / f"h{i:02d}_{kind}{ext}").write_text(damaged, encoding="utf-8")
                stems.append((f"h{i:02d}", kind))
    return {"cells": _active_cells(run_layers(root)), "stems": stems}


def _active_cells(layers) -> dict[str, dict]:
    got: dict[str, dict] = {}
    for marts in (ly["marts"] for ly in layers["years"].values()):
        stems = {r["report_id"]: Path(r["source_path"]).stem for r in marts["dim_report"].to_dicts()}
        for rid, item, metric, val in marts["fact_active_disclosure"].select(
                "report_id", "item", "metric", "value").iter_rows():
            got.setdefault(stems[rid], {})[(item, metric)] = val
    return got


@pytest.mark.parametrize("kind", list(_EDITS))
def test_a_table2_header_word_one_edit_off_is_still_its_column(header_readings, kind: str) -> None:
    cells = header_readings["cells"]
    stems = [s for s, k in header_readings["stems"] if k == kind]
    assert len(stems) >= 3
    for stem in stems:
        plain = cells.get(f"{stem}_plain", {})
        assert sum(v is not None for v in plain.values()) >= 5, stem
        assert cells.get(f"{stem}_{kind}") == plain, (stem, kind)
