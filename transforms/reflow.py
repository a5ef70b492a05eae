"""Give back the line breaks that one-line dumps lost.

Saved web pages and crawler exports often hold a whole report body on ONE line: the section
headings sit inline with only spaces around them, and the tables are flattened into runs of
labels and numbers (`… 规章 0 0 0 规范性 文件 6 6 35 …`, or glued with no separator at all).
Every later layer reads structure from lines (a heading starts a line, a table row is a line),
so this pass re-inserts breaks where the report's own structure says a line began:

- before a numbered section heading (`二、主动公开政府信息情况`, `五、存在的主要问题…`) and before
  the numbered rows of table 3 (`一、本年新收…`, `二、上年结转…`, `三、本年度办理结果`,
  `四、结转下年度…`);
- after a sentence end (`。`) that is followed by more text, so prose and a flattened table
  following it no longer share a line (a number followed by `件` in prose would otherwise make
  the table look like prose).

Only *long* lines are touched (a normal report's lines are short, and its layout is never
changed), and every rule is a linear scan with bounded look-ahead, so a 5 MB line costs
milliseconds. The text is never reordered and no character is removed: only `\n` is inserted.
"""

from __future__ import annotations

import re

__all__ = ["reflow_long_lines", "LONG_LINE"]

# A line longer than this that holds several structural markers is a flattened dump. Real
# report paragraphs run to a few hundred characters; a whole report is thousands.
LONG_LINE = 600

_NUM = "一二三四五六七八九十"
# Section headings and table-3 numbered rows that start a line in a normally laid-out report.
# Each alternative is a fixed opening of the title, so the look-ahead is bounded.
_SECTION_OPENINGS = (
    r"(?:\d{4}\s*年\s*度?\s*)?(?:政府信息公开|政务公开)?(?:工作)?(?:总体|概述|概况|基本情况)",
    r"主动公开",
    r"(?:收到|受理)(?:和|及|与)?(?:处理|办理)",
    r"依申请公开",
    r"(?:因?政府信息公开(?:申请)?(?:的)?)?(?:申请)?行政复议",
    r"(?:政府信息公开(?:工作)?)?(?:中)?(?:存在(?:的)?)?(?:主要)?(?:问题|不足)",
    r"其他需要?(?:报告|说明)",
    r"其他事项",
    r"本年新收",
    r"上年结转",
    r"本年度办理结果",
    r"结转下年度",
)
_BREAK_BEFORE = re.compile(
    rf"(?<![\s{_NUM}])[ \t\u3000]*(?=[{_NUM}]\s*[、.]\s*(?:{'|'.join(_SECTION_OPENINGS)}))"
)
# A sentence end followed (after optional spaces) by more text on the same line.
_SENTENCE_END = re.compile(r"(?<=。)[ \t\u3000]*(?=\S)")
_MARKERS = re.compile(rf"[{_NUM}]\s*[、.]")


def _reflow_line(line: str) -> str:
    # Section and row openings first, then sentence ends; both only insert '\n'.
    line = _BREAK_BEFORE.sub("\n", line)
    return _SENTENCE_END.sub("\n", line)


def reflow_long_lines(text: str) -> str:
    """Re-insert the line breaks of a flattened (one-line) report; other text is returned as is."""
    if len(text) < LONG_LINE:
        return text
    out = []
    changed = False
    for line in text.split("\n"):
        if len(line) >= LONG_LINE and len(_MARKERS.findall(line, 0, 200_000)) >= 2:
            new = _reflow_line(line)
            changed = changed or new != line
            out.append(new.strip("\n"))
        else:
            out.append(line)
    return "\n".join(out) if changed else text
