"""Several reports in one file (汇编 / 合集 / 一览, red-team AV): a county's compilation of its departments'
reports, one body's reports of five years on one page, files concatenated with separators.

The project reads one report per file. Read whole, a compilation's cover or table of contents named the
agency (闵行区…年度报告汇编 → 闵行区人民政府, 第二部分 + a title), the sign-off and the prose of its last
report were taken for the first one's, and the reports after the first vanished without a word.

`first_report` finds where each report starts: a 一、总体情况 heading that follows a whole report (its
table 3 has printed numbers) and is followed by another table 3, back to that report's title line. The
text is cut to the first report, from its own title on (a cover and contents before it go), and the
caller gets the titles of the reports that are not read, for a finding that says so.
"""

from __future__ import annotations

import re

_SECTION1_RE = re.compile(r"^[ \t#*]*(?:(?:[一1][、.．]|（一）|\(一\)|第一部分)[ \t]*)?(?:总体情况)", re.M)
_TABLE3_RE = re.compile(r"本年新收[^\n]{0,80}?\d")
_TITLE_LINE_RE = re.compile(r"(?:信息公开|政务公开)[^\n《》]{0,16}?(?:年度报告|工作报告|年报)")
_QUOTED_RE = re.compile(r"[《》。；;]")  # a sentence that cites a title is no title line
_COMPILED_RE = re.compile(r"(?:汇编|合集|选编|汇总|一览|目录|合订本)\s*$")
_TITLE_BACK = 25  # a report's title is among the lines just above its first section (a wrapped intro between)


def _title_above(lines: list[str], i: int, floor: int) -> int | None:
    """The index of the report title line nearest above line i (not below `floor`), else None."""
    for j in range(i - 1, max(floor - 1, i - 1 - _TITLE_BACK), -1):
        s = lines[j].strip().strip("#*　 ")
        if (4 <= len(s) <= 90 and _TITLE_LINE_RE.search(s) and not _COMPILED_RE.search(s) and "\t" not in lines[j]
                and not _QUOTED_RE.search(s)):
            return j
    return None


def first_report(text: str) -> tuple[int, int, list[str]] | None:
    """(first line, end line, titles of the reports after it) of a compilation's first report; None when
    the text holds one report."""
    if text.count("总体情况") < 2:
        return None
    lines = text.split("\n")
    starts = [i for i, x in enumerate(lines) if _SECTION1_RE.match(x)]
    if len(starts) < 2:
        return None
    bounds = starts + [len(lines)]
    # a heading starts a report when a whole table 3 is printed before it (since the previous start)
    # and after it (before the next)
    has_t3 = [bool(_TABLE3_RE.search("\n".join(lines[bounds[k]:bounds[k + 1]]))) for k in range(len(starts))]
    reports = [starts[0]] + [starts[k] for k in range(1, len(starts)) if has_t3[k] and any(has_t3[:k])]
    if len(reports) < 2:
        return None
    cuts = []
    for k, s in enumerate(reports):
        floor = cuts[-1] + 1 if cuts else 0
        t = _title_above(lines, s, floor)
        # (the first report without a title line near its first section keeps all that comes before it)
        cuts.append(t if t is not None else (s if k else 0))
    titles = [lines[c].strip().strip("#*　 ")[:80] for c in cuts[1:]]
    return cuts[0], cuts[1], titles
