"""A report's own correction notice (更正说明 / 更正声明 / 勘误, red-team AT): the values it corrects win.

Publishers correct a published report with a notice at its top or end, in prose (表二“第二十条第（五）项”中
“行政许可”的“处理决定数量”由“1352”更正为“1325”; “（七）总计”行“自然人”栏数据“92”应为“29”) or by reprinting the
corrected table (现将更正后的表格全文重新发布如下，以此表为准). Read as the report alone, the misprints were
kept: wrong cells. Each correction statement names a row and a column; the cell it names takes the new
value (its printed value was the old one; when it was another, a finding says so), and a corrected
table reprinted in the notice replaces the cells it prints. A statement that names no cell of the form
is reported, never guessed.
"""

from __future__ import annotations

import re

from transforms.tables.common import Finding, ParsedCell, TableParse

# (a report's prose that promises to correct errors, 及时予以更正, is no notice)
_NOTICE_RE = re.compile(r"更正说明|更正声明|更正公告|更正启事|勘误|更正如下")
# “row”行“column”栏数据“A”应为“B”; “row”的“column”由“A”更正为“B”; a column alone continues the previous row
_STATEMENT_RE = re.compile(
    r"((?:[“\"「][^”\"」]{1,40}[”\"」]\s*(?:一栏|一行|一列|栏目|行|栏|列|项目|项|的|中|内)?\s*){1,3})(?:数据|数值|数量|的数据)?\s*"
    r"(?:由|从|原为|原)?\s*[“\"「]?(-?\d+(?:\.\d+)?)[”\"」]?\s*(?:件|项|万元)?\s*[，,]?\s*"
    r"(?:应为|更正为|改为|修改为|调整为|现为|应是|应更正为)\s*[“\"「]?(-?\d+(?:\.\d+)?)[”\"」]?")
_QUOTED_RE = re.compile(r"[“\"「]([^”\"」]{1,40})[”\"」]")
_TABLE_HINT_RE = re.compile(r"表\s*([二三四234])|第([二三四])部分")
_HINT = {"二": 2, "2": 2, "三": 3, "3": 3, "四": 4, "4": 4}
_OTHER_MISC_RE = re.compile(r"(?:[(（]六[)）]其他处理)?3[.、．]其[他它]")
_CORRECTED_TABLE_RE = re.compile(r"更正后|以此表为准|以本表为准|重新发布如下")


def notice_text(text: str) -> str:
    """The lines of the report's correction notice(s) (from a line naming a correction, at most 60
    lines, up to the report's first section), or ''."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        if _NOTICE_RE.search(lines[i]):
            j = i
            while j < len(lines) and j < i + 60 and not re.match(r"^\s*(?:一、)?总体情况", lines[j]) \
                    and not re.search(r"附[:：]?\s*原(?:报告|文)", lines[j]):
                out.append(lines[j])
                j += 1
            i = j
        i += 1
    return "\n".join(out)


def _cell_of(table: int | None, row: str, col: str, layout: str) -> tuple[int, tuple[str, str]] | None:
    from transforms.tables.active_disclosure import TEMPLATE_METRICS, header_metrics, item_code
    from transforms.tables.request_handling import APPLICANT_KEYS, outcome_code
    from transforms.tables.review_litigation import _GRID_CASE, _GRID_RESULT

    c = re.sub(r"\s+", "", col)
    r = re.sub(r"\s+", "", row)
    if table in (None, 3):
        outcome = outcome_code(r) if r else None
        if outcome is None and _OTHER_MISC_RE.fullmatch(r):
            outcome = "other_misc"  # （六）其他处理's 3.其他, named alone
        appl = next((a for a, keys in APPLICANT_KEYS.items() if c in keys), None)
        if outcome and appl:
            return 3, (outcome, appl)
    if table in (None, 4):
        case = next((v for k, v in _GRID_CASE.items() if v and k in r), None)
        res = _GRID_RESULT.get(c)
        if case and res:
            return 4, (case, res)
    if table in (None, 2):
        item = item_code(r) if r else None
        metrics = [m for m in header_metrics(c)]
        allowed = TEMPLATE_METRICS.get(layout, {}).get(item or "", []) + \
            TEMPLATE_METRICS["2021" if layout == "2019" else "2019"].get(item or "", [])
        metrics = [m for m in metrics if m in allowed]
        if item and len(metrics) == 1:
            return 2, (item, metrics[0])
    return None


def statements(notice: str, layout: str) -> list[tuple[int, tuple[str, str], float, float, str]]:
    """(table, cell key, old value, new value, the statement) of each correction the notice states."""
    out = []
    row = ""
    table: int | None = None
    for m in _STATEMENT_RE.finditer(notice):
        before = notice[max(0, m.start() - 40): m.start()]
        hint = _TABLE_HINT_RE.findall(before + m.group(1))
        if hint:
            table = _HINT[[x for x in hint[-1] if x][0]]
        quoted = _QUOTED_RE.findall(m.group(1))
        col = quoted[-1]
        if len(quoted) >= 2:
            row = quoted[-2]
        got = _cell_of(table, row, col, layout) or (_cell_of(None, row, col, layout) if table else None)
        if got is None and len(quoted) >= 3:
            got = _cell_of(table, quoted[-3], col, layout) or _cell_of(None, quoted[-3], col, layout)
        if got is not None:
            out.append((got[0], got[1], float(m.group(2)), float(m.group(3)), m.group(0)[:80]))
    return out


def apply_corrections(text: str, tables: dict[int, TableParse], layout: str, parsers: dict) -> list[Finding]:
    """Correct the parsed tables (in place) by the report's correction notice; the findings."""
    if not _NOTICE_RE.search(text):
        return []
    notice = notice_text(text)
    if not notice:
        return []
    findings: list[Finding] = []
    if _CORRECTED_TABLE_RE.search(notice):
        # a corrected table reprinted in the notice: the cells it prints replace the report's
        for no, parse in parsers.items():
            t = parse(notice)
            printed = {k: c for k, c in t.cells.items() if c.source == "printed" and c.value is not None}
            if t.found and len(printed) >= 5:
                changed = sum(1 for k, c in printed.items() if tables[no].cells.get(k, ParsedCell(None, "missing")).value != c.value)
                tables[no].cells.update(printed)
                findings.append(Finding("corrected_by_notice", "warning",
                                        f"table {no}: the report's correction notice reprints it; its {len(printed)} "
                                        f"printed cells replace the report's ({changed} differed)"))
    for no, key, old, new, said in statements(notice, layout):
        cell = tables[no].cells.get(key)
        before = cell.value if cell is not None else None
        tables[no].cells[key] = ParsedCell(new, "printed")
        if before is not None and abs(before - old) > 1e-9 and abs(before - new) > 1e-9:
            findings.append(Finding("corrected_by_notice", "warning",
                                    f"table {no} {'/'.join(key)}: the correction notice ({said}) changes {old:g} to "
                                    f"{new:g}, but the table printed {before:g}; {new:g} is kept"))
        elif before is None or abs(before - new) > 1e-9:
            findings.append(Finding("corrected_by_notice", "info",
                                    f"table {no} {'/'.join(key)}: {old:g} → {new:g}, as the correction notice states ({said})"))
    return findings
