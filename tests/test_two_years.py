"""Tables printed for two years side by side (red-team AT): this year's columns and last year's (or the
other way round) under year headings 2023年度 / 2022年度. The report year's columns are read, with a
`table_two_years` finding; the other year's never.

The family: generated reports (both templates) whose tables 2, 3 and 4 are printed beside another
report's tables of the same form, this year left or right; each reads exactly what the single-year
report reads. A one-column-a-year comparison table is left alone.
"""

from __future__ import annotations

import sys

import random
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scoring import read_cells  # noqa: E402
from transforms.synth import build_model, generate, render
from transforms.tables.year_halves import this_years_columns

LEAD = {"二": 1, "三": 3, "四": 0}  # label columns of the TSV renderer's tables 2, 3 and 4


def _blocks(text: str) -> dict[str, tuple[int, int]]:
    """section numeral → (first, end) line of the tab lines that follow its heading."""
    lines, out = text.split("\n"), {}
    for i, x in enumerate(lines):
        for n in LEAD:
            if x.startswith(f"{n}、") and "\t" not in x and n not in out:
                j = i + 1
                while j < len(lines) and "\t" not in lines[j] and not lines[j][:2] in ("三、", "四、", "五、"):
                    j += 1
                k = j
                while k < len(lines) and "\t" in lines[k]:
                    k += 1
                out[n] = (j, k)
    return out


def side_by_side(this: str, other: str, year: int, other_year: int, this_left: bool) -> str | None:
    a, b = this.split("\n"), other.split("\n")
    ba, bb = _blocks(this), _blocks(other)
    out = list(a)
    for n, lead in sorted(LEAD.items(), key=lambda kv: -ba[kv[0]][0]):  # from the last block: indexes stay put
        (i, j), (p, q) = ba[n], bb[n]
        if j - i != q - p or j == i:
            return None
        rows = []
        for x, y in zip(a[i:j], b[p:q]):
            cx, cy = x.split("\t"), y.split("\t")
            if len(cx) != len(cy):
                return None
            left, right = (cx, cy) if this_left else (cy, cx)
            rows.append("\t".join(left + right[lead:]))
        width = len(a[i].split("\t")) - lead
        years = (year, other_year) if this_left else (other_year, year)
        head = [""] * lead + [f"{years[0]}年度"] + [""] * (width - 1) + [f"{years[1]}年度"] + [""] * (width - 1)
        out[i:j] = ["\t".join(head)] + rows
    return "\n".join(out)




def test_the_report_years_columns_are_read(tmp_path: Path) -> None:
    truths = list(generate(60, seed=606, years=[2020, 2023]))
    made = 0
    for i, t in enumerate(truths):
        mate = next((u for u in truths[i + 1:] if u["template"] == t["template"]
                     and set(u["table3"]) == set(t["table3"])), None)
        if mate is None:
            continue
        text, _ = render("tsv", build_model(t, random.Random(i)), random.Random(i))
        other, _ = render("tsv", build_model(mate, random.Random(i + 100)), random.Random(i + 100))
        both = side_by_side(text, other, t["year"], t["year"] - 1, i % 2 == 0)
        if both is None:
            continue
        (tmp_path / f"r{i:02d}_one.txt").write_text(text, encoding="utf-8")
        (tmp_path / f"r{i:02d}_two.txt").write_text(both, encoding="utf-8")
        made += 1
        if made == 16:
            break
    assert made >= 12
    got = read_cells(tmp_path)
    for p in tmp_path.glob("*_one.txt"):
        a, b = got.get(p.stem), got.get(p.stem.replace("_one", "_two"))
        assert a and a == b, (p.stem, sorted(k for k in set(a or {}) | set(b or {}) if (a or {}).get(k) != (b or {}).get(k))[:4])


def test_a_year_a_column_comparison_is_left_alone() -> None:
    text = "年度\t2019年\t2020年\t2021年\t2022年\t2023年\n新收申请\t12\t15\t9\t20\t18\n办结\t12\t15\t9\t19\t18\n"
    assert this_years_columns(text, 2023) == (text, None)
    assert this_years_columns("\t2023年度\t\t\t2022年度\t\t\n行政许可\t1\t\t\t2\t\t", 2021)[1] is None  # no such year
