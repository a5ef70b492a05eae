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
  the table look like prose); on a line of any length when what follows is a table's caption
  or header (第二十条第…, 信息内容, (本列数据…, 申请人情况, 行政复议 行政诉讼).

Only *long* lines are touched (a normal report's lines are short, and its layout is never
changed), and every rule is a linear scan with bounded look-ahead, so a 5 MB line costs
milliseconds. The text is never reordered and no character is removed: only `\n` is inserted.
"""

from __future__ import annotations

import re

__all__ = ["reflow_long_lines", "restore_line_breaks", "LONG_LINE", "SECTION_LINE_START"]

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
# The openings are matched before the text is converted to simplified script (restore_line_breaks
# runs first), so each character with a traditional form accepts both (收到和處理, 結轉下年度).
_TRADITIONAL = dict(zip("处办与问题报说结转总体况动开务议项请诉讼", "處辦與問題報說結轉總體況動開務議項請訴訟"))
_TRADITIONAL["复"] = "復複"  # OpenCC's s2t writes 複議, Taiwan forms 復議


def _both_scripts(pattern: str) -> str:
    pattern = pattern.replace("信息", "(?:信息|資訊)")
    return "".join(f"[{c}{_TRADITIONAL[c]}]" if c in _TRADITIONAL else c for c in pattern)


_SECTION_OPENINGS = tuple(_both_scripts(p) for p in _SECTION_OPENINGS)
_BREAK_BEFORE = re.compile(
    rf"(?<![\s{_NUM}#])[ \t\u3000]*(?=[{_NUM}]\s*[、.]\s*(?:{'|'.join(_SECTION_OPENINGS)}))"
)
# A line that starts with a section heading (or a table-3 numbered row) of the template.
SECTION_LINE_START = re.compile(rf"^\s*[{_NUM}]\s*[、.]\s*(?:{'|'.join(_SECTION_OPENINGS)})")
# The same openings after a space inside a table piece of a flattened line (`…45996.82 万元 五、存在…`);
# a tab before them is a cell boundary and stays.
_BREAK_BEFORE_IN_ROW = re.compile(
    rf"(?<=[^\s{_NUM}|｜])[ \u3000]+(?=[{_NUM}]\s*[、.]\s*(?:{'|'.join(_SECTION_OPENINGS)}))"
)
# A sentence end followed (after optional spaces) by more text on the same line.
_SENTENCE_END = re.compile(r"(?<=。)[ \t\u3000]*(?=\S)")
_MARKERS = re.compile(rf"[{_NUM}]\s*[、.]")


def _flattened(line: str) -> bool:
    """A line that holds a flattened report: long, with several numbered markers (一、 二、 …)."""
    return len(line) >= LONG_LINE and len(_MARKERS.findall(line, 0, 200_000)) >= 2


def _reflow_line(line: str) -> str:
    # Section and row openings first, then sentence ends; both only insert '\n'.
    line = _BREAK_BEFORE.sub("\n", line)
    return _SENTENCE_END.sub("\n", line)


def _each_flattened_line(text: str, rewrite) -> str:
    """`rewrite` applied to every flattened line of `text`; the same object back when nothing changed."""
    if len(text) < LONG_LINE:
        return text
    out = []
    changed = False
    for line in text.split("\n"):
        new = rewrite(line) if _flattened(line) else line
        changed = changed or new != line
        out.append(new)
    return "\n".join(out) if changed else text


# A table's caption or header right after a sentence on the same line: a flattened section whose
# prose and table share a line (`…同比下降4.6%。第二十条第(一)项 信息内容 …`), on a line of any length
# (a dump whose headings got their lines back has short section lines). Laid-out text never
# prints a table header inside a paragraph.
_TABLE_AFTER_SENTENCE = re.compile(
    r"(?<=。)[ \t\u3000]*(?=第二十条第|信息内容|[(（]本列数据|申请人情况|行政复议[ \t\u3000]*行政诉讼)")


def reflow_long_lines(text: str) -> str:
    """Re-insert the line breaks of a flattened (one-line) report; other text is returned as is."""
    if "。" in text:
        text = _TABLE_AFTER_SENTENCE.sub("\n", text)
    return _each_flattened_line(text, lambda line: _reflow_line(line).strip("\n"))


# ---- restore_line_breaks: the layout a flattened file still carries ----------------------------
#
# A file whose line breaks were turned into spaces (a crawler that joins a page's text nodes, a
# converter that writes one paragraph) keeps every other character: markdown `#` headings, pipe
# tables with their `|---|` separator rows, tab-separated table rows. Those marks say where a line
# began, so this pass (run before the markdown and chrome passes, which read lines) puts the breaks
# back: a space becomes `\n` and nothing else changes, only on long lines, and a table whose rows cannot be counted out
# exactly is left as it is (the table reader then abstains rather than guess).

# `## 一、总体情况`, `### **（一）…**`: a heading mark after whitespace, before a space or bold.
_INLINE_HEADING = re.compile(r"(?<=\S)([ \t\u3000]+)(?=#{1,6}(?:[ \t\u3000]|\*\*|$))")
# A markdown separator row: `|---|:--:|` (converters write cells of one or two dashes too).
_PIPE_SEPARATOR = re.compile(r"\|(?:[ \t]*:?-+:?[ \t]*\|)+")
_DISCLOSURE_LABELS = ("规章", "规范性文件", "行政规范性文件", "行政许可", "其他对外管理服务事项", "行政处罚",
                      "行政强制", "行政事业性收费", "政府集中采购", "信息内容")
# A space that was a line break in a flattened tab table:
#   after a tab (the row before ended in empty cells) ...... `0\t\t\t 规章\t0`
#   after a number cell, before a tab ..................... `\t0 \t(五)\t1.`
#   after a number cell, before a row's opening text ...... `\t1 )不 2.`, `\t0 4.保护`, `\t0 (四)`
#   before a disclosure row label or a 第二十条 caption ...... `对外公开总数量 规章\t0`
#   between a header's last cell and a row of numbers ...... `尚未审结\t总计 2\t1`
#   before a row that opens with empty cells ............... `自然人 \t\t\t其他` (one tab after a
#   space is a cell's own trailing space: `坝乙木 \t4`)
# A number cell followed by a unit (`\t2 件`) is one cell, and a space inside a label stays.
_UNITS = "件个条项万亿元%％人次年月日份期篇家名"
_TAB_ROW_BREAK = re.compile(
    r"(?<=\t) "
    rf"|(?<=\d) (?=\t|[^\d\s{_UNITS}]|\d{{1,2}}[.．、](?!\d))"
    rf"|(?<=\S) (?=(?:{'|'.join(_DISCLOSURE_LABELS)})\t|第二十条第)"
    r"|(?<=[^\d\s]) (?=\d[\d.,]*\t|\t\t)"
)
# A sign or hedge word before a number is one cell with it (`减 45`, `约 3`), not a header's end.
_SIGN_CELL = re.compile(r"(?:^|\t)(?:增|减|增加|减少|新增|下降|上升|降|升|约|共|多|少|[+\-＋－])$")
# A blank line of the source: two or more spaces before text (a number after a wide gap is a
# column of a space-aligned table, so it keeps its line). Not used on a line drawn with box
# characters or padded into columns (several runs of 5+ spaces): there a gap is a cell's padding.
_PARAGRAPH_GAP = re.compile(r"(?<=\S)[ \u3000]{2,}(?=[^\s\d|]|\d{1,2}[.．、][^\d])")
_PADDED = re.compile(r"[\u2500-\u257f]|[ \u3000]{5,}")
_NUMBER_CELL_TAIL = re.compile(r"\t[-+－＋]?(?:\d{1,3}(?: \d{3})+(?:\.\d+)?|[\d.,]+)$")  # 1 874: spaced thousands


def _tab_breaks(line: str) -> str:
    """Breaks of a flattened tab table; a number before the space must be a whole tab cell."""
    out: list[str] = []
    last = 0
    for m in _TAB_ROW_BREAK.finditer(line):
        i = m.start()
        prev = line[max(0, i - 24):i]
        if prev[-1:].isdigit() and not _NUMBER_CELL_TAIL.search(prev):
            continue  # `第 3 项`: the digits are not a cell of their own
        if line[i + 1:i + 2].isdigit() and _SIGN_CELL.search(prev):
            continue  # `减 45`: a signed number
        if prev[-1:] == "\t" and line[i + 1:i + 2] == "\t" and line[i + 2:i + 3].isdigit():
            continue  # `1\t \t14`: a cell holding a space, between two of the row's cells (no row opens `\t14`)
        out.append(line[last:i])
        last = i + 1
    if not out:
        return line
    out.append(line[last:])
    return "\n".join(out)


def _nth_pipe(line: str, start: int, stop: int, n: int) -> int:
    """Index of the n-th `|` in line[start:stop] (n >= 1), or -1."""
    i = start - 1
    for _ in range(n):
        i = line.find("|", i + 1, stop)
        if i < 0:
            return -1
    return i


_PIPE_WIDTH = str.maketrans({"｜": "|", "：": ":", "－": "-", "\u3000": " "})  # each one character for one


def _pipe_breaks(original: str) -> str:
    """Break a flattened run of markdown pipe tables into rows, counting each table's columns from
    its separator row. Where the pipes between two separators are not whole rows, that table stays.
    Full-width pipes, colons, dashes and spaces (canonical_width later makes them ASCII) count as theirs."""
    # (= original.translate(_PIPE_WIDTH): each character maps to one that is no key, so replacing them
    # in turn is the same, and a replace that finds nothing costs a scan, not a new string)
    line = original.replace("｜", "|").replace("：", ":").replace("－", "-").replace("\u3000", " ")
    seps = [(m.start(), m.end(), m.group(0).count("|") - 1) for m in _PIPE_SEPARATOR.finditer(line)]
    if not seps:
        return line
    cuts: set[int] = set()  # positions of spaces that become '\n'
    heads: list[int] = []
    for s, _e, n in seps:  # the header row: the n+1 pipes just before the separator
        j = s - 1
        while j >= 0 and line[j] in " \t\n":
            j -= 1
        if j < 0 or line[j] != "|" or j == s - 1:
            heads.append(-1)
            continue
        k, count = j, 1
        while count < n + 1:
            k = line.rfind("|", 0, k)
            if k < 0:
                break
            count += 1
        if k < 0 or (k > 0 and line[k - 1] not in " \t\u3000\n"):
            heads.append(-1)
            continue
        heads.append(k)
        cuts.add(k - 1) if k > 0 else None
        cuts.add(s - 1)
    for idx, (s, e, n) in enumerate(seps):
        if heads[idx] < 0:
            continue
        stop = heads[idx + 1] if idx + 1 < len(seps) and heads[idx + 1] >= 0 else len(line)
        pos, rows = e, []
        while True:
            q = pos
            while q < stop and line[q] in " \t\u3000\n":
                q += 1
            if q >= stop or line[q] != "|" or q == pos:
                break
            end = _nth_pipe(line, q, stop, n + 1)
            if end < 0:
                rows = None  # the pipes left are not a whole row: leave this table joined
                break
            rows.append(q)
            pos = end + 1
        if rows:
            cuts.update(r - 1 for r in rows)
            if pos < len(line) and line[pos] in " \t\u3000\n" and pos != stop - 1:
                cuts.add(pos)  # the text after the table's last row starts a line
    if not cuts:
        return original
    chars = list(original)
    for c in cuts:
        if 0 <= c < len(chars) and chars[c] in " \t\u3000\n":
            chars[c] = "\n"
    return "".join(chars)


def restore_line_breaks(text: str) -> str:
    """Put back the line breaks a flattened file's own markup shows (headings, pipe and tab tables)."""
    return _each_flattened_line(text, _restore_line)


def _restore_line(line: str) -> str:
    new = line
    if len(_PADDED.findall(line, 0, 200_000)) < 3:
        new = _PARAGRAPH_GAP.sub("\n", new)
    if "#" in new:
        new = _INLINE_HEADING.sub("\n", new)
    if new.count("|") + new.count("｜") >= 8:
        new = _pipe_breaks(new)
    if new.count("\t") >= 8:
        new = "\n".join(_tab_breaks(x) if x.count("\t") >= 4 else x for x in new.split("\n"))
    # The prose between the tables: its section headings start lines, as in reflow_long_lines
    # (which sees only what is still long after this pass). Sentences stay with their paragraph.
    return "\n".join(_BREAK_BEFORE_IN_ROW.sub("\n", x) if "\t" in x or "|" in x or "｜" in x
                     else _BREAK_BEFORE.sub("\n", x).strip("\n") for x in new.split("\n"))
