"""Table 3 (收到和处理政府信息公开申请情况): outcome rows × applicant columns, in long form."""

from __future__ import annotations

import re

from transforms.labels import APPLICANT_CODES, OTHER_SPLIT, OUTCOME_CODES
from transforms.tables.common import Finding, ParsedCell, TableParse, count_cell, match_label
from transforms.tables.grid import Row, fit_values, rows_of

# Key phrases per outcome; OCR-tolerant matching is in common.match_label.
OUTCOME_KEYS: dict[str, tuple[str, ...]] = {
    "new_received": ("本年新收", "新收政府信息公开申请"),
    "carried_over": ("上年结转", "上年结转政府信息公开申请"),
    "granted": ("予以公开", "(一)予以公开"),
    "partially_granted": ("部分公开", "(二)部分公开"),
    "withheld_state_secret": ("国家秘密", "属于国家秘密"),
    "withheld_prohibited_by_law": ("法律行政法规禁止", "其他法律行政法规"),
    "withheld_three_safeties": ("三安全一稳定", "危及"),
    "withheld_third_party": ("第三方合法权益", "保护第三方"),
    "withheld_internal_affairs": ("内部事务", "三类内部事务信息"),
    "withheld_process_info": ("过程性信息", "四类过程性信息"),
    "withheld_enforcement_file": ("执法案卷", "行政执法案卷"),
    "withheld_admin_query": ("行政查询", "行政查询事项"),
    "unavailable_not_held": ("不掌握", "本机关不掌握相关政府信息"),
    "unavailable_needs_creation": ("没有现成信息", "另行制作", "需要另行制作"),
    "unavailable_unclear": ("仍不明确", "补正后申请内容", "补正后申请内容仍不明确"),
    "not_processed_petition": ("信访举报投诉", "信访举报", "举报投诉类申请"),
    "not_processed_duplicate": ("重复申请",),
    "not_processed_publication": ("公开出版物", "要求提供公开出版物"),
    "not_processed_excessive": ("大量反复", "无正当理由大量反复申请"),
    "not_processed_confirmation": ("确认或重新出具", "重新出具已获取信息", "要求行政机关确认"),
    "other": ("其他处理", "(六)其他处理"),
    "other_no_correction": ("逾期不补正", "无正当理由逾期不补正"),
    "other_unpaid_fee": ("收费通知", "缴纳费用", "逾期未按收费通知要求缴纳费用"),
    "total_processed": ("总计", "(七)总计"),
    "carried_forward": ("结转下年度", "下年度继续办理", "结转下年度继续办理"),
}
EXCLUDE = {"granted": ("不予公开",), "total_processed": ("申请人情况",)}
_OTHER_MISC = re.compile(r"^\(?[六6]?\)?\s*(?:3[.、]?)?\s*其他$")


def template_rows(template: str, split_other: bool) -> list[str]:
    """The outcome rows this report's table has, in template order."""
    rows = [c for c in OUTCOME_CODES if c not in OTHER_SPLIT and c != "other"]
    at = rows.index("total_processed")
    rows[at:at] = OTHER_SPLIT if split_other else ["other"]
    return rows


def result_rows(rows: list[str]) -> list[str]:
    """The rows whose sum is (七)总计."""
    return rows[rows.index("granted") : rows.index("total_processed")]


def parse_request_table(text: str, template: str) -> TableParse:
    """Parse table 3 from its section text into (outcome, applicant) cells."""
    out = TableParse()
    data = [r for r in rows_of(text) if r.values and not _is_header(r)]
    if not data:
        return out
    assigned: list[tuple[str | None, Row]] = []
    prev: str | None = None
    for r in data:
        code = match_label(r.label, OUTCOME_KEYS, EXCLUDE)
        if code is None and prev in ("other", "other_no_correction", "other_unpaid_fee") and _OTHER_MISC.match(
            re.sub(r"\s+", "", r.label)
        ):
            code = "other_misc"
        if code is None and not any(c.kind == "number" for c in r.values):
            continue
        assigned.append((code, r))
        prev = code or prev
    split = any(c in OTHER_SPLIT for c, _ in assigned)
    order = template_rows(template, split)
    assigned = _infer_unlabelled(assigned, order, out)
    seen: set[str] = set()
    for code, r in assigned:
        if code is None or code not in order:
            continue
        if code in seen:
            if not any(c.kind == "number" for c in r.values):
                continue  # the second line of a label printed over two lines
            out.findings.append(Finding("duplicate_row", "warning", f"table 3 row {code} appears twice; kept the first"))
            continue
        seen.add(code)
        fitted, note = fit_values(r.values, len(APPLICANT_CODES))
        if note:
            out.findings.append(Finding("row_cells_lost", "warning", f"table 3 row {code}: {note}"))
        for appl, cell in zip(APPLICANT_CODES, fitted):
            out.cells[(code, appl)] = count_cell(cell)
    if len(seen) >= 3:
        out.found = True
        for code in order:
            for appl in APPLICANT_CODES:
                out.cells.setdefault((code, appl), ParsedCell(None, "missing"))
            if code not in seen:
                out.findings.append(Finding("row_missing", "warning", f"table 3 row {code} not found"))
    else:
        out.cells.clear()
    return out


def _is_header(r: Row) -> bool:
    """Header lines name applicant columns and carry no numbers of their own."""
    return not any(c.kind == "number" for c in r.values) and ("申请人" in r.label or "自然人" in r.label)


def _infer_unlabelled(assigned, order, out: TableParse):
    """Give an unlabelled row the one template row missing between its labelled neighbours."""
    result = list(assigned)
    for i, (code, r) in enumerate(result):
        if code is not None:
            continue
        before = next((c for c, _ in reversed(result[:i]) if c in order), None)
        after = next((c for c, _ in result[i + 1 :] if c in order), None)
        if before is None or after is None:
            continue
        gap = order[order.index(before) + 1 : order.index(after)]
        unlabelled_between = [j for j in range(i, len(result)) if result[j][0] is None]
        if len(gap) == 1 and (len(unlabelled_between) == 1 or result[i + 1][0] == after):
            result[i] = (gap[0], r)
            out.findings.append(
                Finding("row_label_inferred", "warning", f"table 3 row without a readable label taken as {gap[0]} by its position")
            )
    return result

