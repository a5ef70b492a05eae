"""Numbers stated in a report's prose, used to fill cells the tables leave empty and to cross-check.

Only a few unambiguous sentence patterns are read; anything looser would invent numbers.
"""

from __future__ import annotations

import re

from transforms.labels import CASE_TYPE_CODES, REVIEW_RESULT_CODES
from transforms.tables.common import Finding, Key, ParsedCell
from transforms.tables.grid import is_table_line

_NO_REVIEW = re.compile(
    r"(?:未发生|未出现|没有发生|不存在|无)(?:因|因为|涉及)?[^。;,\n]{0,20}?(?:行政复议)[^。;,\n]{0,12}?(?:行政诉讼|诉讼)"
    r"(?![^。;,\n]{0,6}?(?:纠错|败诉|纠正|撤销|被确认违法))"
)
# "no review was lost" (纠错/败诉) is not "no review happened": such a clause never fills zeros
_NOT_NONE = re.compile(r"纠错|败诉|被纠正|被撤销|确认违法")
_RECEIVED = re.compile(r"(?:共|累计|全年)?(?:受理|收到|新收)(?:[^。;,\n]{0,16}?)申请(?:共)?(\d+)(?:件|条|个)")
_PROCUREMENT_ITEMS = re.compile(r"政府集中采购(?:事项|项目)?(?:共|合计)?(\d+)(?:项|个|次)")
# the amount may sit in the next clause (…101项,采购总金额…), but never a 分散采购 amount
_PROCUREMENT_AMOUNT = re.compile(r"政府集中采购(?:(?!分散)[^。;\n]){0,20}?(?:采购)?总金额(?:为|达)?(\d+(?:\.\d+)?)万元")


def prose_of(text: str) -> str:
    """The report text without its table lines (prose restates numbers; tables are read elsewhere)."""
    return "\n".join(line for line in text.split("\n") if not is_table_line(line))


def fill_review_from_prose(cells: dict[Key, ParsedCell], prose: str) -> list[Finding]:
    """"No review or litigation cases" in prose makes every empty table-4 cell 0 (narrative)."""
    m = next((m for m in _NO_REVIEW.finditer(prose) if not _NOT_NONE.search(_clause(prose, m))), None)
    if not m:
        return []
    findings = []
    for case in CASE_TYPE_CODES:
        for res in REVIEW_RESULT_CODES:
            c = cells.get((case, res))
            if c is None or c.value is None:
                cells[(case, res)] = ParsedCell(0.0, "narrative")
            elif c.value != 0:
                findings.append(
                    Finding("prose_table_disagree", "warning", f"prose says '{m.group(0)}' but table 4 {case}.{res} = {c.value:g}")
                )
    return findings


def _clause(text: str, m: re.Match) -> str:
    """The clause around a match (between , ; 。 or line breaks)."""
    start = max(text.rfind(x, 0, m.start()) for x in ",;。\n") + 1
    ends = [i for i in (text.find(x, m.end()) for x in ",;。\n") if i >= 0]
    return text[start : min(ends) if ends else len(text)]


_SUBCOUNT_OR_PAST = re.compile(r"其中|上年|去年|同比|较|比|与")


def check_received(cells: dict[Key, ParsedCell], prose: str) -> list[Finding]:
    """Prose totals of applications received: fill an empty 新收 total, or flag a disagreement.

    A clause about a subset (其中通过网站…) or about last year (与上年…相比) is not the total.
    """
    m = next((m for m in _RECEIVED.finditer(prose) if not _SUBCOUNT_OR_PAST.search(_clause(prose, m)[: 8 + len(m.group(0))])), None)
    if not m or not cells:
        return []
    n = float(m.group(1))
    c = cells.get(("new_received", "total"))
    if c is None:
        return []
    if c.value is None:
        cells[("new_received", "total")] = ParsedCell(n, "narrative")
        return []
    if c.value != n:
        return [Finding("prose_table_disagree", "warning", f"prose '{m.group(0)}' but table 3 new_received.total = {c.value:g}")]
    return []


# Sentences that restate a table total; they are only compared (a disagreement is a warning), never
# used to fill a cell, because their wording is looser than the patterns above.
_CROSS_CHECKS = [
    (re.compile(r"上年结转(?:政府信息公开申请)?(\d+)件"), "table 3", ("carried_over", "total")),
    (re.compile(r"结转下年度(?:继续办理)?(\d+)件"), "table 3", ("carried_forward", "total")),
    # 办结 and 行政复议 also count hotline letters or an agency's own review cases: require the
    # disclosure-application context in the same clause
    (re.compile(r"(?:政府信息公开|依申请公开)[^。;,\n]{0,12}?(?:办结|办理完毕)(\d+)件"), "table 3", ("total_processed", "total")),
    (re.compile(r"政府信息公开[^。;,\n]{0,8}?行政复议(?:案件|申请)?(\d+)(?:件|起)"), "table 4", ("admin_review", "total")),
]


def cross_check(cells: dict[Key, ParsedCell], prose: str, table: str) -> list[Finding]:
    """Compare totals restated in prose with the table; each disagreement is a warning."""
    out = []
    # only sentences about disclosure applications: a 区长信箱 sentence also says 结转下年度
    about = "。".join(x for x in re.split(r"[。\n]", prose) if "政府信息公开" in x or "依申请" in x)
    for rx, tbl, key in _CROSS_CHECKS:
        c = cells.get(key)
        if tbl != table or c is None or c.value is None:
            continue
        for m in rx.finditer(about):
            if float(m.group(1)) != c.value:
                out.append(Finding("prose_table_disagree", "warning",
                                   f"prose '{m.group(0)}' but {table} {key[0]}.{key[1]} = {c.value:g}"))
                break
    return out


def fill_disclosure_from_prose(cells: dict[Key, ParsedCell], prose: str) -> list[Finding]:
    """Procurement items and amount stated in prose fill empty table-2 cells, or are cross-checked."""
    findings = []
    for rx, key in (
        (_PROCUREMENT_ITEMS, ("centralized_procurement", "procurement_items")),
        (_PROCUREMENT_AMOUNT, ("centralized_procurement", "procurement_amount_wan_yuan")),
    ):
        m = rx.search(prose)
        c = cells.get(key)
        if not m or c is None:
            continue
        n = float(m.group(1))
        places = len(m.group(1).split(".")[1]) if "." in m.group(1) else 0
        if c.value is None:
            cells[key] = ParsedCell(n, "narrative")
        elif abs(round(c.value, places) - n) > 1e-6:  # prose often rounds (123.46万元 for 123.45678)
            findings.append(Finding("prose_table_disagree", "warning", f"prose '{m.group(0)}' but table 2 {key[0]}.{key[1]} = {c.value:g}"))
    return findings
