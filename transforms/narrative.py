"""Numbers stated in a report's prose, used to fill cells the tables leave empty and to cross-check.

Only unambiguous sentence patterns are read (a clause naming exactly one cell and one number);
anything looser would invent numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from transforms.labels import APPLICANT_CODES, CASE_TYPE_CODES, OTHER_SPLIT, OUTCOME_CODES, REVIEW_RESULT_CODES
from transforms.repair import Equation, repair, request_equations
from transforms.tables.active_disclosure import TEMPLATE_METRICS
from transforms.tables.common import Finding, Key, ParsedCell
from transforms.tables.grid import is_table_line
from transforms.tables.request_handling import result_rows, template_rows

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


def fill_disclosure_from_prose(cells: dict[Key, ParsedCell], prose: str, layout: str | None = None,
                               report_year: int | None = None) -> list[Finding]:
    """Table-2 numbers stated in prose fill empty cells (narrative), or are cross-checked.

    Procurement items and amount are always read; with the template `layout`, so are documents
    made/published/in force, decisions and fees (:func:`disclosure_statements`), and a table 2
    that is missing altogether gets the cells its prose states (with a `table_missing` finding).
    """
    findings = []
    created = not cells
    metrics = TEMPLATE_METRICS.get(layout or "", {})
    for rx, key in (
        (_PROCUREMENT_ITEMS, ("centralized_procurement", "procurement_items")),
        (_PROCUREMENT_AMOUNT, ("centralized_procurement", "procurement_amount_wan_yuan")),
    ):
        m = rx.search(prose)
        c = cells.get(key)
        if not m or (c is None and key[1] not in metrics.get(key[0], ())):
            continue
        n = float(m.group(1))
        places = len(m.group(1).split(".")[1]) if "." in m.group(1) else 0
        if c is None or c.value is None:
            cells[key] = ParsedCell(n, "narrative")
        elif abs(round(c.value, places) - n) > 1e-6:  # prose often rounds (123.46万元 for 123.45678)
            findings.append(Finding("prose_table_disagree", "warning", f"prose '{m.group(0)}' but table 2 {key[0]}.{key[1]} = {c.value:g}"))
    if layout is not None:
        agreed, conflicts = _agreed(disclosure_statements(prose, layout, report_year), "table 2")
        findings += conflicts
        for key, st in agreed.items():
            c = cells.get(key)
            if c is None or c.value is None:
                cells[key] = ParsedCell(st.value, "narrative")
            elif abs(c.value - st.value) > 1e-6:
                findings.append(Finding("prose_table_disagree", "warning",
                                        f"prose '{st.clause}' but table 2 {key[0]}.{key[1]} = {c.value:g}"))
    if created and cells:
        findings.append(Finding("table_missing", "warning", "table 2 not found in the report; only the cells its prose "
                                "states are filled"))
    return findings


# ---------------------------------------------------------------------------------------------
# Numbers a report states only in prose (its tables are images, or lost): issue 7.
#
# The prose is cut into scope units (a sentence between 。;!? or a line break; a parenthesis is a
# unit of its own) and each unit into clauses (between , : 、). A clause is a statement when it
# holds exactly one quantity (N件, N万元, N项) right after the words that name one cell, with only
# filler words between. A unit stops yielding statements at the first clause that turns to a
# subset (其中), to another year (上年, 去年, an earlier year) or to another channel (信访, 热线,
# 信箱): what follows in that sentence is about that subset, year or channel. A clause that
# compares (较, 同比, 增长) or names applicants (自然人, 法人) is skipped on its own. Two different
# numbers for one cell fill nothing (a finding); a cell the table already holds is never
# overwritten (a differing sentence is a finding). A sentence naming a group (不予公开, 无法提供,
# 不予处理, and (六)其他处理 where the table has its three sub-rows) never fills a sub-row: its
# number is handed to the repair step as one more sum.
# ---------------------------------------------------------------------------------------------

_KNOWN = ("printed", "derived", "narrative")
GROUP = "__prose_group__"  # key prefix of a stated group sum while repair runs (never kept in the cells)

_UNIT_SPLIT = re.compile(r"[。;!?\n]")
_PAREN = re.compile(r"\(([^()]{0,200})\)")
_CLAUSE_SPLIT = re.compile(r"[,:、]")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_SPACED_DIGITS = re.compile(r"\d\s+\d")
_QUANTITY = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)(件|万元|项|个)")  # one start per digit run: linear
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)年")
# labels whose inner 、 or 上年 words are part of a row name, not a list or another year
_PROTECT = [(re.compile(r"不补正、"), "不补正"), (re.compile(r"缴纳费用、"), "缴纳费用"),
            (re.compile(r"上一?年度?(?:无|没有)结转"), "无上年结转"), (re.compile(r"(?:公民|自然人)、法人(?:和|或|及|或者)其他组织"), "申请人"),
            (re.compile(r"上一?年度?(?=结转)"), "上年"), (re.compile(r"三安全一稳定"), "三安全一稳定")]
_SUBSET = re.compile(r"其中")
_PAST = re.compile(r"上一?年度?(?!结转)|去年|前一?年|往年|历年")
_CHANNEL = re.compile(r"(?<!类)信访(?!举报投诉类)|热线|12345|信箱|来信|来电|留言|咨询|建议|提案|网民|投诉(?!类)")
_COMPARE = re.compile(r"较|同比|相比|环比|增长|下降|减少|增加|上升|持平|比上|比去")
_APPLICANT = re.compile(r"自然人|法人|企业|组织|机构|公民|个人|律师")
_ALL_NATURAL = re.compile(r"(?:均|全部|全|都)(?:为|是|由|来自|系)(?:自然人|公民个人|公民)")
_CONTEXT = re.compile(r"依申请|信息公开申请|公开申请|申请公开")
_CONJUNCTION = re.compile(r"和|及|与|或|加|以及|合计")

_T3_FILL = r"(?:的|类|情形|答复|申请|政府信息|信息){0,3}(?:共|为|计|合计|总计|达|共计)?$"



def _SUB(group_word: str) -> str:  # noqa: N802 - reads as part of the patterns below
    """A sub-row's reason may be followed by its group's verb: 因本机关不掌握相关政府信息无法提供3件."""
    return r"(?:的)?(?:申请)?(?:而|被)?(?:" + group_word + ")?"


_APPLY = r"(?:政府信息公开|信息公开|依申请公开)?(?:的)?申请(?:数量|总数|总量|数)?"
# (row or group, head regex ending at the number, needs the application context)
_T3_KEYS: list[tuple[str, re.Pattern, bool]] = [
    ("new_received", re.compile(r"(?:新收|收到|受理|接收|接到)(?:各类|群众|社会公众)?(?:的)?" + _APPLY + _T3_FILL), True),
    ("new_received", re.compile(r"(?:本年|全年|本年度|年度)(?:新收)?(?:政府信息公开|依申请公开)申请(?:数量|总数|总量|数)?"
                                + _T3_FILL), False),
    ("carried_over", re.compile(r"上年结转(?:的)?" + _APPLY.replace("申请(?:", "(?:申请)?(?:") + _T3_FILL), True),
    ("carried_forward", re.compile(r"结转(?:至|到)?下一?年度?(?:继续)?(?:办理)?(?:的)?" + _APPLY.replace("申请(?:", "(?:申请)?(?:")
                                   + _T3_FILL), True),
    ("total_processed", re.compile(r"(?:办结|办理完毕|办理完结|完成办理)(?:各类)?(?:的)?" + _APPLY.replace("申请(?:", "(?:申请)?(?:")
                                   + _T3_FILL), True),
    ("granted", re.compile(r"(?<!不)(?<!部分)(?:予以公开|同意公开)" + _T3_FILL), False),
    ("partially_granted", re.compile(r"部分公开" + _T3_FILL), False),
    ("withheld_state_secret", re.compile(r"(?:属于)?国家秘密" + _SUB("不予公开") + _T3_FILL), False),
    ("withheld_prohibited_by_law", re.compile(r"(?:其他)?法律行政法规禁止公开" + _SUB("不予公开") + _T3_FILL), False),
    ("withheld_three_safeties", re.compile(r"(?:危及)?“?三安全一稳定”?" + _SUB("不予公开") + _T3_FILL), False),
    ("withheld_third_party", re.compile(r"(?:保护)?第三方合法权益" + _SUB("不予公开") + _T3_FILL), False),
    ("withheld_internal_affairs", re.compile(r"(?:属于)?三类内部事务(?:信息)?" + _SUB("不予公开") + _T3_FILL), False),
    ("withheld_process_info", re.compile(r"(?:属于)?四类过程性信息" + _SUB("不予公开") + _T3_FILL), False),
    ("withheld_enforcement_file", re.compile(r"(?:属于)?行政执法案卷" + _SUB("不予公开") + _T3_FILL), False),
    ("withheld_admin_query", re.compile(r"(?:属于)?行政查询事项" + _SUB("不予公开") + _T3_FILL), False),
    ("unavailable_not_held", re.compile(r"(?:本机关)?不掌握(?:相关)?(?:政府)?(?:信息)?" + _SUB("无法提供") + _T3_FILL), False),
    ("unavailable_needs_creation", re.compile(r"没有现成信息(?:需要)?(?:另行制作)?" + _SUB("无法提供") + _T3_FILL), False),
    ("unavailable_unclear", re.compile(r"补正后(?:申请)?(?:内容)?仍不明确" + _SUB("无法提供") + _T3_FILL), False),
    ("not_processed_petition", re.compile(r"信访举报投诉类?" + _SUB("不予处理") + _T3_FILL), False),
    ("not_processed_duplicate", re.compile(r"重复申请" + _SUB("不予处理") + _T3_FILL), False),
    ("not_processed_publication", re.compile(r"(?:要求)?提供公开出版物" + _SUB("不予处理") + _T3_FILL), False),
    ("not_processed_excessive", re.compile(r"(?:无正当理由)?大量反复申请" + _SUB("不予处理") + _T3_FILL), False),
    ("not_processed_confirmation", re.compile(r"(?:要求行政机关)?确认或重新出具已获取(?:的)?信息" + _SUB("不予处理") + _T3_FILL), False),
    ("other_no_correction", re.compile(r"逾期不补正(?:行政机关不再处理其?(?:政府信息公开)?申请)?" + _T3_FILL), False),
    ("other_unpaid_fee", re.compile(r"(?:逾期)?未按收费通知(?:要求)?缴纳费用(?:行政机关不再处理其?(?:政府信息公开)?申请)?"
                                    + _T3_FILL), False),
    # groups: a group of sub-rows is never a cell; (六)其他处理 is a cell only where the table has no sub-rows
    ("withheld", re.compile(r"不予公开" + _T3_FILL), False),
    ("unavailable", re.compile(r"无法提供" + _T3_FILL), False),
    ("not_processed", re.compile(r"不予处理" + _T3_FILL), False),
    ("other", re.compile(r"其他处理" + _T3_FILL), False),
]
_T3_ZERO = [  # clauses that say a count is zero without a digit
    ("carried_forward", re.compile(r"^(?:并|且|均已办结|已全部办结)?(?:无|没有)(?:需要)?结转(?:至|到)?下一?年度?(?:继续)?(?:办理)?(?:的)?(?:申请|情况)?$")),
    ("carried_over", re.compile(r"^(?:无|没有)上年结转(?:的)?(?:申请|情况)?$")),
    ("carried_over", re.compile(r"^上年(?:无|没有)结转(?:的)?(?:申请|情况)?$")),
]
_T3_GROUPS = {
    "withheld": [c for c in OUTCOME_CODES if c.startswith("withheld_")],
    "unavailable": [c for c in OUTCOME_CODES if c.startswith("unavailable_")],
    "not_processed": [c for c in OUTCOME_CODES if c.startswith("not_processed_")],
    "other": list(OTHER_SPLIT),
}
_T3_ALL_KEYS = re.compile("|".join(r"(?<!不)予以公开|部分公开|不予公开|无法提供|不予处理|其他处理|国家秘密|禁止公开|三安全一稳定|第三方合法权益"
                                   r"|内部事务|过程性信息|执法案卷|行政查询|不掌握|现成信息|仍不明确|信访举报|重复申请|公开出版物"
                                   r"|大量反复|重新出具|不补正|收费通知|结转|办结|办理完毕|新收|收到|受理".split("|")))

_T2_FILL = r"(?:的|数量|数){0,2}(?:共|为|计|达|共计|合计)?$"
_DOCS = {"normative_documents": r"(?:行政)?规范性文件", "rules": r"(?:政府)?规章(?!制度)"}
_DECISIONS = {"admin_licensing": "行政许可", "admin_penalty": "行政处罚", "admin_coercion": "行政强制"}
# (item, metric, head regex, unit) per template layout
_T2_KEYS: dict[str, list[tuple[str, str, re.Pattern, str]]] = {"2019": [], "2021": []}
for _item, _word in _DOCS.items():
    for _layout, _metrics in (("2019", (("new_made", r"(?<!累计)(?:新制作|本年制作)"), ("new_published", r"(?<!累计)新公开"))),
                              ("2021", (("issued", r"(?<!累计)(?:制发|印发|新制发)"), ("repealed", r"废止"),
                                        ("in_force", r"现行有效")))):
        for _metric, _mw in _metrics:
            _T2_KEYS[_layout].append((_item, _metric, re.compile(_mw + r"(?:了)?(?:的)?" + _word + _T2_FILL), "件"))
            _T2_KEYS[_layout].append((_item, _metric, re.compile(_word + _mw + r"(?:件数)?" + _T2_FILL), "件"))
    _T2_KEYS["2019"].append((_item, "total_published", re.compile(
        r"对外公开(?:的)?" + _word + r"(?:总数量|总数|总量)?" + _T2_FILL), "件"))
    _T2_KEYS["2019"].append((_item, "total_published", re.compile(_word + r"对外公开(?:总数量|总数|总量)" + _T2_FILL), "件"))
for _item, _word in _DECISIONS.items():
    for _layout in ("2019", "2021"):
        _T2_KEYS[_layout].append((_item, "decisions", re.compile(_word + r"(?:处理)?决定(?:书)?" + _T2_FILL), "件"))
_T2_KEYS["2021"].append(("admin_fees", "fee_amount_wan_yuan",
                         re.compile(r"行政事业性收费(?:金额|总额|总金额)?" + _T2_FILL), "万元"))
_T2_ELLIPSIS = {layout: [(metric, re.compile(r"^(?:本年|全年|本年度)?" + mw + r"(?:件数)?" + _T2_FILL)) for metric, mw in ms]
                for layout, ms in (("2019", (("new_made", r"(?:新制作|本年制作)"), ("new_published", r"新公开"))),
                                   ("2021", (("issued", r"(?:制发|印发|新制发)"), ("repealed", r"废止"),
                                             ("in_force", r"现行有效"))))}
# 未作出行政处罚、行政强制决定: each item named has no decision; 未收取行政事业性收费: no fee (not 信息处理费)
_NO_DECISIONS = re.compile(r"(?:未|没有|均未)(?:作出|做出)(?:(?:行政许可|行政处罚|行政强制)(?:、|和|及|或|以及)?){1,3}(?:处理)?决定")
_NO_FEES = re.compile(r"(?:未|没有)(?:收取|征收)(?:任何)?行政事业性收费")
_T2_ALL_KEYS = re.compile(r"规范性文件|规章|行政许可|行政处罚|行政强制|行政事业性收费|采购")


@dataclass(frozen=True)
class Statement:
    """One clause stating one number: the cell (or a group, in table 3) and the clause itself."""

    key: Key
    value: float
    clause: str


# Tables 2 and 3 read the same prose: its units, clauses and quantities are worked out once
# (pure functions of their text; bounded memos, cleared when full).
_MEMO_SIZE = 8192
_UNITS_MEMO: dict[str, tuple[tuple[str, str], ...]] = {}  # at most the last two proses
_CLAUSES_MEMO: dict[str, tuple[str, ...]] = {}
_QUANTITY_MEMO: dict[str, tuple[str, float, str, str] | None] = {}
_WS = re.compile(r"\s+")


def _remember(memo: dict, key: str, value):
    if len(memo) >= _MEMO_SIZE:
        memo.clear()
    memo[key] = value
    return value


def _units(prose: str) -> list[tuple[str, str]]:
    """(line, unit) pairs: sentences, with each parenthesis split out as a unit of its own."""
    got = _UNITS_MEMO.get(prose)
    if got is None:
        if len(_UNITS_MEMO) >= 2:  # only the last report's prose (tables 2 and 3 ask in turn)
            _UNITS_MEMO.clear()
        got = _UNITS_MEMO[prose] = tuple(_units_of(prose))
    return list(got)


def _units_of(prose: str) -> list[tuple[str, str]]:
    out = []
    for line in prose.split("\n"):
        if "。" not in line and "," not in line:
            continue  # a table row or heading printed as plain text, not a sentence
        line = _THOUSANDS.sub("", line)
        parens = _PAREN.findall(line)
        body = _PAREN.sub("", line)  # an aside: 作出行政许可决定(…审批)46件 reads on without it
        for u in _UNIT_SPLIT.split(body) + [x for p in parens for x in _UNIT_SPLIT.split(p)]:
            if u.strip():
                out.append((line, u))
    return out


def _compact_clauses(unit: str) -> tuple[str, ...]:
    """The unit's clauses without their whitespace (what both tables' statements read)."""
    got = _CLAUSES_MEMO.get(unit)
    if got is None:
        got = _remember(_CLAUSES_MEMO, unit, tuple(_WS.sub("", c) for c in _clauses_of(unit)))
    return got


def _clauses_of(unit: str) -> list[str]:
    for rx, repl in _PROTECT:
        unit = rx.sub(repl, unit)
    unit = _CN_NUMBER.sub(lambda m: str(_cn_int(m.group(1))), unit)
    return [c for c in _CLAUSE_SPLIT.split(unit) if c.strip()]


_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
# a Chinese numeral counts only right before a unit (五件, 三十六件, 一百零八条, 废止零件); 一是, 三类 stay words
_CN_NUMBER = re.compile(r"([零〇一二两三四五六七八九十百千]{1,8})(?=件|项|个|条|万元)")


def _cn_int(s: str) -> int:
    """一百零八 → 108, 十二 → 12, 一〇八 → 108 (digit by digit when no 十/百/千)."""
    if all(ch in _CN_DIGITS for ch in s):
        return int("".join(str(_CN_DIGITS[ch]) for ch in s))
    total, cur = 0, 0
    for ch in s:
        if ch in _CN_DIGITS:
            cur = _CN_DIGITS[ch]
        else:
            total += (cur or 1) * _CN_UNITS[ch]
            cur = 0
    return total + cur


def _quantity(clause: str) -> tuple[str, float, str, str] | None:
    """(head, value, unit, tail) when the clause holds exactly one quantity."""
    try:
        return _QUANTITY_MEMO[clause]
    except KeyError:
        return _remember(_QUANTITY_MEMO, clause, _quantity_of(clause))


def _quantity_of(clause: str) -> tuple[str, float, str, str] | None:
    if _SPACED_DIGITS.search(clause):
        return None
    c = re.sub(r"\s+", "", clause)
    qs = list(_QUANTITY.finditer(c))
    if len(qs) != 1:
        return None
    q = qs[0]
    return c[: q.start()], float(q.group(1)), q.group(2), c[q.end():]


_FLAGS_MEMO: dict[str, tuple] = {}


def _flags(clause: str) -> tuple[bool, bool, bool, tuple[int, ...], bool, bool, bool]:
    """What the statement readers test a clause for (memoised: template clauses recur from report to
    report): (其中, a past year, another channel, the years it names, 均为自然人, an applicant type, a comparison)."""
    got = _FLAGS_MEMO.get(clause)
    if got is None:
        got = _remember(_FLAGS_MEMO, clause, (
            bool(_SUBSET.search(clause)), bool(_PAST.search(clause)), bool(_CHANNEL.search(clause)),
            tuple(int(y) for y in _YEAR.findall(clause)), bool(_ALL_NATURAL.search(clause)),
            bool(_APPLICANT.search(clause)), bool(_COMPARE.search(clause))))
    return got


def _blocks(clause: str, report_year: int | None, flags: tuple | None = None) -> bool:
    """A clause after which the rest of the sentence is about a subset, another year or another channel."""
    subset, past, channel, years = (flags or _flags(clause))[:4]
    if subset or past or channel:
        return True
    return report_year is not None and any(y < report_year for y in years)


def request_statements(prose: str, report_year: int | None = None) -> tuple[list[Statement], set[str]]:
    """Table-3 statements in the prose, and the rows the prose says were all from natural persons."""
    out: list[Statement] = []
    natural: set[str] = set()
    for line, unit in _units(prose):
        stated: list[Statement] = []
        all_natural = other_applicant = False
        breakdown = False  # inside 办结N件,其中…: only outcome rows, which split exactly that total
        for c in _compact_clauses(unit):
            flags = _flags(c)
            if flags[0] and stated and stated[-1].key[0] == "total_processed" and not breakdown:
                breakdown = True
                c = c[_SUBSET.search(c).end():]
                flags = _flags(c)
            if _blocks(c, report_year, flags):
                break
            if flags[4]:  # 均为自然人
                all_natural = True
                continue
            if flags[5]:  # an applicant type
                other_applicant = True
                continue
            if flags[6]:  # a comparison
                continue
            st = _request_statement(c, line + unit)
            if st is None:
                continue
            if breakdown and st.key[0] in _COUNT_ROWS:
                break
            stated.append(st)
        if all_natural and not other_applicant:
            # 收到申请7件,上年结转1件,均为自然人提出: every count of the sentence; a sentence that also names
            # another applicant type (企业申请1件) leaves the columns to the arithmetic
            natural.update(s.key[0] for s in stated if s.key[0] in _COUNT_ROWS)
        out += stated
    return out, natural


_COUNT_ROWS = ("new_received", "carried_over", "total_processed", "carried_forward")


def _request_statement(c: str, context: str) -> Statement | None:
    for row, rx in _T3_ZERO:
        if rx.search(c) and not _QUANTITY.search(c):
            return Statement((row, "total"), 0.0, c)
    q = _quantity(c)
    if q is None:
        return None
    head, value, unit, tail = q
    if unit != "件" or tail not in ("", "申请", "的申请", "政府信息公开申请"):
        return None
    for row, rx, needs_context in _T3_KEYS:
        m = rx.search(head)
        if m is None:
            continue
        before = head[: m.start()]
        if _T3_ALL_KEYS.search(before) or _CONJUNCTION.search(before):
            return None  # two rows named in one clause (予以公开和部分公开共4件): a sum, not a cell
        if needs_context and not ("公开" in m.group(0) or _CONTEXT.search(context)):
            return None
        return Statement((row, "total"), value, c)
    return None


def disclosure_statements(prose: str, layout: str, report_year: int | None = None) -> list[Statement]:
    """Table-2 statements (documents made/published/in force, decisions, fees) for one template layout."""
    out = []
    for _line, unit in _units(prose):
        last_doc: str | None = None  # 制发规范性文件1件,废止0件: the item carries to a clause naming only a metric
        compact = _WS.sub("", unit)
        for m in _NO_DECISIONS.finditer(compact):
            if not _blocks(compact[: m.start()], report_year) and layout in _T2_KEYS:
                out += [Statement((item, "decisions"), 0.0, m.group(0)) for item, w in _DECISIONS.items() if w in m.group(0)]
        m = _NO_FEES.search(compact)
        if m and layout == "2021" and not _blocks(compact[: m.start()], report_year):
            out.append(Statement(("admin_fees", "fee_amount_wan_yuan"), 0.0, m.group(0)))
        for c in _compact_clauses(unit):
            subset, past, _channel, years, _natural, _applicant, compare = _flags(c)
            if subset or past or (report_year is not None and any(y < report_year for y in years)):
                break
            if compare or "累计" in c:
                continue
            q = _quantity(c)
            if q is None:
                continue
            head, value, unit_, tail = q
            if tail:
                continue
            for item, metric, rx, want in _T2_KEYS.get(layout, []):
                m = rx.search(head)
                if m is None or unit_ != want:
                    continue
                if _T2_ALL_KEYS.search(head[: m.start()]) or _CONJUNCTION.search(head[: m.start()]):
                    break
                out.append(Statement((item, metric), value, c))
                last_doc = item if item in _DOCS else None
                break
            else:
                metric = next((mt for mt, rx in _T2_ELLIPSIS.get(layout, []) if rx.search(head)), None)
                if metric is not None and last_doc is not None and unit_ == "件":
                    out.append(Statement((last_doc, metric), value, c))
                else:
                    last_doc = None
    return out


def _agreed(statements: list[Statement], table: str) -> tuple[dict[Key, Statement], list[Finding]]:
    """One statement per key; a key stated with two different numbers is dropped with a finding."""
    by_key: dict[Key, list[Statement]] = {}
    for s in statements:
        by_key.setdefault(s.key, []).append(s)
    out, findings = {}, []
    for key, ss in by_key.items():
        if len({s.value for s in ss}) > 1:
            findings.append(Finding("prose_conflict", "warning", f"prose gives {table} {key[0]}.{key[1]} two numbers: "
                                    + " / ".join(f"'{s.clause}'" for s in ss) + "; not filled"))
        else:
            out[key] = ss[0]
    return out, findings


# table-3 cells the older cross_check already compares with the table (no second finding for them)
_CROSS_CHECKED = {("carried_over", "total"), ("carried_forward", "total"), ("total_processed", "total")}


def fill_request_from_prose(cells: dict[Key, ParsedCell], prose: str, layout: str,
                            report_year: int | None = None) -> list[Finding]:
    """Repair table 3, then fill what the prose states outright (narrative) and repair again.

    Without a table (images, lost) and with statements in the prose, the template's rows are
    created as missing cells first (and a `table_missing` finding says so). If the filled numbers
    break the table's sums, none of them is kept.
    """
    findings = repair(cells, request_equations(cells))  # the table's own sums win over a sentence
    seen = {f.message for f in findings}
    statements, natural = request_statements(prose, report_year)
    agreed, conflicts = _agreed(statements, "table 3")
    findings += conflicts
    if not agreed:
        return findings
    created = not cells
    work = dict(cells) if cells else {(o, a): ParsedCell(None, "missing") for o in template_rows(layout, layout == "2021")
                                      for a in APPLICANT_CODES}
    split = any(o in OTHER_SPLIT for o, _ in work)
    groups: list[Equation] = []
    filled: list[Key] = []
    for (row, _), st in agreed.items():
        if row in _T3_GROUPS and not (row == "other" and not split):
            subs = [r for r in _T3_GROUPS[row] if (r, "total") in work]
            if subs:
                gkey = (GROUP + row, "total")
                work[gkey] = ParsedCell(st.value, "narrative")
                groups.append(Equation(f"prose '{st.clause}': {row} sub-rows sum", (gkey,), tuple((r, "total") for r in subs)))
            continue
        keys = [(row, "total")] + ([(row, "natural_person")] if row in natural else [])
        for key in keys:
            c = work.get(key)
            if c is None:
                continue
            if c.source in _KNOWN:
                if c.value != st.value and key not in _CROSS_CHECKED:
                    findings.append(Finding("prose_table_disagree", "warning",
                                            f"prose '{st.clause}' but table 3 {key[0]}.{key[1]} = {c.value:g}"))
                continue
            work[key] = ParsedCell(st.value, "narrative")
            filled.append(key)
    if not filled and not groups:
        return findings
    if groups and ("total_processed", "total") in work and ("granted", "total") in work:
        # the same sum with each stated group in place of its sub-rows: (七)总计 = 予以公开 + … + 不予公开N + …,
        # so the rows outside the groups are pinned even while the sub-rows are not
        in_group = {k for eq in groups for k in eq.right}
        rest = tuple((r, "total") for r in result_rows(sorted({o for o, _ in work if not o.startswith(GROUP)},
                                                              key=OUTCOME_CODES.index)) if (r, "total") not in in_group)
        groups.append(Equation("prose group sums: (七)总计 = other rows + stated groups", (("total_processed", "total"),),
                               rest + tuple(eq.left[0] for eq in groups)))
    trial = repair(work, request_equations({k: v for k, v in work.items() if not k[0].startswith(GROUP)}) + groups)
    new = [f for f in trial if f.message not in seen and f.check_name in ("arithmetic_contradiction", "table_unreliable")]
    if new:
        findings.append(Finding("prose_inconsistent", "warning",
                                "the numbers the prose states for table 3 break its sums; none of them is used: "
                                + "; ".join(f.message for f in new)))
        return findings
    cells.update({k: v for k, v in work.items() if not k[0].startswith(GROUP)})
    if created:
        findings.append(Finding("table_missing", "warning", "table 3 not found in the report; cells stated in its prose "
                                "(and what its sums then pin) are filled"))
    return findings
