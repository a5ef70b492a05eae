"""A table printed for two years side by side (red-team AT): 2023年度 over the form's columns, 2022年度 over
the same columns again. Every row then has twice the form's cells and was read as nothing.

`this_years_columns` keeps, in every grid line of a table, the row's label columns and the columns under the
report year's heading: the heading line names two or more years (YYYY年 / YYYY年度) in separate cells, the
report year among them, and each year's block runs to the next year's column. Anything else is left.
"""

from __future__ import annotations

import re

_YEAR_CELL_RE = re.compile(r"^\s*((?:19|20)\d{2})\s*年(?:度)?\s*(?:数据|情况)?\s*$")


def this_years_columns(text: str, report_year: int | None) -> tuple[str, int | None]:
    """(`text` with only the report year's columns in its grid lines, the other year), or (`text`, None)."""
    if report_year is None or "\t" not in text or "年" not in text:
        return text, None
    lines = text.split("\n")
    for k, line in enumerate(lines):
        if "\t" not in line:
            continue
        cells = line.split("\t")
        years = [(j, int(m.group(1))) for j, c in enumerate(cells) if (m := _YEAR_CELL_RE.match(c))]
        if len(years) < 2 or len({y for _, y in years}) != len(years) or report_year not in {y for _, y in years}:
            continue
        starts = [j for j, _ in years]
        width = starts[1] - starts[0]
        # each year heads a block of the form's columns (a year a column is a comparison table, left alone)
        if any(b - a != width for a, b in zip(starts, starts[1:])) or width < 3:
            continue
        at = starts[[y for _, y in years].index(report_year)]
        lead = starts[0]
        end = starts[-1] + width
        out = lines[:k]
        cutting = True
        for x in lines[k:]:
            c = x.split("\t") if "\t" in x else None
            if c is not None and len(c) <= starts[1]:
                cutting = False  # a grid line that does not reach the second year: another table
            if c is None or not cutting:
                out.append(x)
                continue
            c += [""] * max(0, end - len(c))
            out.append("\t".join(c[:lead] + c[at:at + width]))
        other = [y for _, y in years if y != report_year]
        return "\n".join(out), other[0]
    return text, None
