"""Table 3 (收到和处理政府信息公开申请情况): outcome rows × applicant columns, in long form."""

from __future__ import annotations

import re
from itertools import product
from math import comb

from transforms.labels import APPLICANT_CODES, OTHER_SPLIT, OUTCOME_CODES, RESULT_ROWS_COMMON
from transforms.tables.column_split import join_column_parts
from transforms.tables.common import Finding, ParsedCell, TableParse, at_lines, count_cell, match_label, unreadable_cells
from transforms.tables.glue import MAX_READINGS, is_glued, placements, readings
from transforms.tables.grid import ROW_NUMBER, Row, cell_kind, fit_values, parse_cell, rows_of, split_cells, without_check_cells

# Key phrases per outcome; OCR-tolerant matching is in common.match_label.
OUTCOME_KEYS: dict[str, tuple[str, ...]] = {
    # long keys keep their distinctive words: the shared tail 政府信息公开申请 also ends the section title
    "new_received": ("本年新收", "本年新收政府信息公开申请数量", "新收申请"),
    "carried_over": ("上年结转", "上年结转政府信息公开申请数量", "上年度结转"),
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
    "other": ("其他处理",),
    # a narrow label cell's first line alone names these rows too (`1.申请人无正当理由逾期` over
    # `不补正、…`, `2.申请人逾期未按收费通` over `知要求缴纳费用…`)
    "other_no_correction": ("逾期不补正", "无正当理由逾期不补正", "无正当理由逾期", "逾期未补正"),
    "other_unpaid_fee": ("收费通知", "缴纳费用", "未缴费", "逾期未按收费通知要求缴纳费用", "逾期未按收费", "未缴纳"),
    "total_processed": ("总计", "(七)总计"),
    "carried_forward": ("结转下年度", "下年度继续办理", "结转下年度继续办理"),
}
EXCLUDE = {"granted": ("不予公开",), "other": ("逾期", "缴纳", "缴费", "收费通知"),
           "total_processed": ("申请人情况", "小计", "办结"), "new_received": ("收到和处理",),
           "carried_over": ("收到和处理",)}
_TRAILING_OTHER_MISC = re.compile(r"(?<!\d)3[.、]其他$")
_OTHER_MISC = re.compile(r"^\(?[六6]?\)?\s*+(?:3[.、]?)?\s*其[他它](?:情形|情况|原因)?$")  # possessive: no quadratic retry over blanks


_OUTCOME_MEMO: dict[str, str | None] = {}
_OUTCOME_MEMO_SIZE = 16384
_SPACES = re.compile(r"\s+")


def outcome_code(label: str) -> str | None:
    """The outcome row a label names; when it names several, the one printed last.

    Broken PDF→markdown puts neighbouring labels side by side in one row
    (`5.要求行政机关确认或重新出具已获取信息 | (六)其他处理 | 1.…逾期不补正…`): the numbers that follow
    belong to the label nearest them, never to whichever key happens to be longest.
    Memoised per label (a pure function of it; every report's table repeats the same labels).
    """
    try:
        return _OUTCOME_MEMO[label]
    except KeyError:
        pass
    code = _outcome_code(label)
    if len(_OUTCOME_MEMO) >= _OUTCOME_MEMO_SIZE:
        _OUTCOME_MEMO.clear()
    _OUTCOME_MEMO[label] = code
    return code


def _outcome_code(label: str) -> str | None:
    compact = _SPACES.sub("", label)
    if _TRAILING_OTHER_MISC.search(compact) and (
            "其他处理" in compact or any(k in compact for c in OTHER_SPLIT for k in OUTCOME_KEYS.get(c, ()))):
        return "other_misc"  # '…缴纳费用… 3.其他': the (六) group's last sub-row printed after its neighbour
    ends: dict[str, int] = {}
    for code, keys in OUTCOME_KEYS.items():
        if any(x in compact for x in EXCLUDE.get(code, ())):
            continue
        end = max((compact.rfind(k) + len(k) for k in keys if k in compact), default=-1)
        if end >= 0:
            ends[code] = end
    if len(ends) >= 2:
        last = max(ends.values())
        tail_codes = [c for c, e in ends.items() if e == last]
        first_start = min(compact.rfind(k) for c in tail_codes for k in OUTCOME_KEYS[c] if k in compact)
        # keys of one row can overlap ((七)总计 and 总计); only a separate earlier label is cut off
        return match_label(compact[first_start:], OUTCOME_KEYS, EXCLUDE) or match_label(label, OUTCOME_KEYS, EXCLUDE)
    return match_label(label, OUTCOME_KEYS, EXCLUDE)


def template_rows(template: str, split_other: bool) -> list[str]:
    """The outcome rows this report's table has, in template order."""
    rows = [c for c in OUTCOME_CODES if c not in OTHER_SPLIT and c != "other"]
    at = rows.index("total_processed")
    rows[at:at] = OTHER_SPLIT if split_other else ["other"]
    return rows


def result_rows(rows: list[str]) -> list[str]:
    """The rows whose sum is (七)总计."""
    return rows[rows.index("granted") : rows.index("total_processed")]


def parse_request_table(text: str, template: str, report_year: int | None = None) -> TableParse:
    """Parse table 3 from its section text into (outcome, applicant) cells."""
    out = TableParse()
    joined = join_column_parts(text)
    if joined is not text:
        out.findings.append(Finding("table_column_parts_joined", "info",
                                    "table 3 is printed in column parts (续表); its parts were put side by side"))
        text = joined
    grid = rows_of(text)
    transposed = _transposed(grid, template)  # a grid's own lines: label tails are not merged across them
    if transposed is not None:
        return transposed
    rows = _merge_wrapped_labels(_label_tails_below(without_check_cells(grid, len(APPLICANT_CODES))))
    # (read the grid once; every pass below works on these rows)
    first = _read(rows, text, template, report_year)
    by_column = _column_major(rows)
    if by_column is not None:
        # every label printed first, then the numbers: row by row, or column by column (PyMuPDF and
        # pdfminer emit a ruled grid's columns in turn). The identities choose, or the cells differ: null
        return _choose(first, _read(by_column, text, template, report_year), "numbers_order_ambiguous",
                       "the numbers follow all the labels and fit row-by-row and column-by-column reading equally well")
    above = _attach_numbers_above(rows)
    if above is None:
        return first
    # Plain text with number lines between labels: the numbers may belong to the label below them
    # (pdfplumber centres a wrapped label cell) or above (pdftotext). Read both ways; the table's
    # identities choose, and where they cannot, only the cells both readings agree on are kept.
    return _choose(first, _read(above, text, template, report_year), "rows_pairing_ambiguous",
                   "number lines fit the labels above and below them equally well")


def _choose(first: TableParse, second: TableParse, check: str, why: str) -> TableParse:
    """The reading whose identities fit better; when both fit as well, the cells they agree on."""
    f1, f2 = _fit(first.cells), _fit(second.cells)
    if f1 != f2 or first.cells == second.cells:
        return first if f1 <= f2 else second
    differ = [k for k in first.cells if second.cells.get(k) != first.cells[k]]
    for k in differ:
        first.cells[k] = ParsedCell(None, "missing")
    first.findings.append(Finding(check, "warning", f"table 3: {why}; {len(differ)} cells on which the two "
                                                    "readings differ left null"))
    return first


def _column_major(rows: list[Row]) -> list[Row] | None:
    """The rows with the numbers that follow every label re-dealt column by column (the k-th number
    of each column taken in turn), when all the numbers come after all the outcome labels and make
    whole rows; else None. The labels pair with the numbers as in any other reading."""
    labels = [i for i, r in enumerate(rows) if r.label and outcome_code(r.label)]
    if len(labels) < 3 or any(any(c.kind == "number" for c in r.values + r.pre_values) for r in rows[: labels[-1] + 1]):
        return None
    after = rows[labels[-1] + 1:]
    if any(r.label for r in after if r.values):
        return None
    cells = [(r, c) for r in after if not r.label for c in r.values if c.raw.strip()]
    width = len(APPLICANT_CODES)
    if len(cells) < 3 * width or len(cells) % width:
        return None
    n = len(cells) // width
    dealt = [cells[j * n + k][1] for k in range(n) for j in range(width)]
    out = list(rows[: labels[-1] + 1])
    for k in range(n):  # one value line per row, on the line of that row's first number
        first = cells[k][0]  # its 自然人 number: the first of its cells in print order
        out.append(Row(first.line_no, "", dealt[k * width:(k + 1) * width], [], "plain", first.raw))
    return out


def _fit(cells: dict) -> tuple[int, int]:
    """How badly a reading fits: (sums that fail, minus the cells it reads); smaller is better."""
    return _failed_sums(cells), -sum(c.value is not None for c in cells.values())


def _failed_sums(cells: dict) -> int:
    from transforms.repair import request_equations  # repair imports this module

    failed = 0
    for eq in request_equations(cells):
        keys = eq.left + eq.right
        if all(k in cells and cells[k].value is not None for k in keys):
            failed += abs(sum(cells[k].value for k in eq.left) - sum(cells[k].value for k in eq.right)) > 1e-9
    return failed


def _attach_numbers_above(rows: list[Row]) -> list[Row] | None:
    """The rows with every plain number line joined to the label line right below it; None if none is."""
    out: list[Row] = []
    changed = False
    i = 0
    while i < len(rows):
        r = rows[i]
        nxt = rows[i + 1] if i + 1 < len(rows) else None
        if (nxt is not None and r.shape == "plain" and nxt.shape == "plain" and not r.label and r.values
                and any(c.kind == "number" for c in r.values) and nxt.label and not nxt.values
                and not _is_header(nxt) and nxt.line_no == r.line_no + 1):
            out.append(Row(nxt.line_no, nxt.label, list(r.values), [], "plain", nxt.raw))
            changed = True
            i += 2
            continue
        out.append(r)
        i += 1
    return out if changed else None


def _read(rows: list[Row], text: str, template: str, report_year: int | None) -> TableParse:
    """Read table 3's rows (already merged) into cells."""
    out = TableParse()
    grid = grid_columns(rows)  # (it reads only grid rows: the same once lone plain numbers are dropped)
    if grid:
        # in a ruled grid a lone number on a line of its own is a page number between the pages of the
        # table (`| … |`, `3`, `| … |`), never a row's cells
        rows = [r for r in rows if not (r.shape == "plain" and not r.label and len(r.values) == 1)]
    entries = _entries(rows)
    if not entries:
        return out
    entries = _this_years_table(entries, text, report_year, out)
    collapsed = _collapsed_org_columns(rows, [r for c, r in entries if c is not None])
    order_of_columns = list(range(len(APPLICANT_CODES))) if grid else _column_order(rows)
    if grid and (shown := [j for j in grid[1] if j >= 0]) != sorted(shown):
        out.findings.append(Finding("column_order_from_header", "warning",
                                    "table 3 prints the organisation columns in a non-template order; read by the header"))
    if order_of_columns != list(range(len(APPLICANT_CODES))):
        out.findings.append(Finding("column_order_from_header", "warning",
                                    "table 3 prints the organisation columns in a non-template order; read by the header"))
    split = any(c in OTHER_SPLIT for c, _ in entries)
    order = template_rows(template, split)
    entries = _infer_unlabelled(entries, order, out)
    readings: dict[str, list[tuple]] = {}
    # glued digits with fewer digits than columns in some row: this text prints blank cells as nothing,
    # so no glued row can be split as if every cell were there
    single = [r.values[0].raw.strip() for _c, r in entries if _c and r.shape == "plain" and len(r.values) == 1
              and r.values[0].raw.strip().isdigit()]
    short = sum(len(d) < len(APPLICANT_CODES) for d in single)
    blanks_dropped = short >= 3 and short >= 0.3 * len(single)
    if blanks_dropped and any(r.shape == "plain" and len(r.values) == 1 and is_glued(r.values[0].raw, len(APPLICANT_CODES))
                              for _c, r in entries if _c):
        out.findings.append(Finding("glued_blanks_dropped", "warning",
                                    "table 3: glued rows with fewer digits than columns show that blank cells print as "
                                    "nothing here; each glued row is read with and without blank cells, and only what "
                                    "the table's sums leave certain is kept"))
    for code, r in _one_row_per_code(entries, order, out):
        on_grid = _grid_row(code, r, grid, out) if grid else None
        merged = _collapsed_row(code, r, collapsed, out) if collapsed else None
        if merged is not None:
            readings[code] = [merged]
            if not any(f.check_name == "org_columns_merged" for f in out.findings):
                out.findings.append(Finding("org_columns_merged", "warning",
                                            "table 3 prints 法人或其他组织 as one column: the five organisation "
                                            "cells are not printed (0 where that column is 0, else null)"))
        elif on_grid is not None:
            readings[code] = [on_grid]
        elif blanks_dropped and r.shape == "plain" and len(r.values) == 1 and is_glued(r.values[0].raw, len(APPLICANT_CODES)):
            readings[code] = _glued_or_blank(code, r.values[0].raw.strip(), out)
        else:
            readings[code] = [tuple(rd[i] for i in order_of_columns) for rd in _row_readings(code, r, out)]
        for rd in readings[code]:
            at_lines(rd, r)
    if len(readings) < 3:
        return out
    out.found = True
    _total_first(readings, out)
    _resolve_glue(readings, order, out)
    for code in order:
        if code not in readings:
            out.findings.append(Finding("row_missing", "warning", f"table 3 row {code} not found"))
        for appl in APPLICANT_CODES:
            out.cells.setdefault((code, appl), ParsedCell(None, "missing"))
    return out


APPLICANT_KEYS = {"natural_person": ("自然人",), "commercial_enterprise": ("商业企业",),
                  "research_institution": ("科研机构",), "social_welfare_org": ("社会公益组织", "社会组织"),
                  "legal_service_org": ("法律服务机构",), "other_org": ("其他",), "total": ("总计", "合计")}


def _transposed(all_rows: list[Row], template: str) -> TableParse | None:
    """Table 3 printed with applicant types as rows and outcomes as columns: read it by its header.

    The header may take several grid lines (一、… / （三）不予公开 over its eight sub-columns / 1.属于
    国家秘密 …): each column takes the outcome its lowest header line names in that very column. Only
    a header naming at least ten outcomes, each in one column, qualifies, so columns are mapped by
    what the header says, never by position alone. A data row's applicant is its last label cell
    before the numbers (法人或其他组织 / 商业企业 is 商业企业); 法人或其他组织 alone (a subtotal) is none.
    """
    rows = [r for r in all_rows if r.shape in ("tsv", "pipe")]
    i = 0
    while i < len(rows):
        cols: dict[int, str] = {}
        j = i
        while j < len(rows) and not any(cell_kind(c) == "number" for c in split_cells(rows[j].raw)[0]):
            for k, c in enumerate(split_cells(rows[j].raw)[0]):
                code = match_label(c, OUTCOME_KEYS, EXCLUDE) if c.strip() else None
                if code:
                    cols[k] = code
            j += 1
        if j == i:
            i += 1
            continue
        if len(set(cols.values())) < 10 or len(set(cols.values())) != len(cols):
            i = j
            continue
        out = TableParse(found=True)
        order = template_rows(template, any(c in OTHER_SPLIT for c in cols.values()))
        for r in rows[j:]:
            raw_cells, _ = split_cells(r.raw)
            appl = _row_applicant(raw_cells)
            if appl is None or (appl, order[0]) in out.cells:
                continue
            for k, code in cols.items():
                if code in order and k < len(raw_cells):
                    out.cells[(code, appl)] = count_cell(parse_cell(raw_cells[k]))
                    at_lines([out.cells[(code, appl)]], r)
        if not out.cells:
            return None
        for code in order:
            for appl in APPLICANT_CODES:
                out.cells.setdefault((code, appl), ParsedCell(None, "missing"))
        out.findings.append(Finding("table_transposed", "warning",
                                    "table 3 printed with applicant types as rows; read by its header"))
        return out
    return None


def _row_applicant(raw_cells: list[str]) -> str | None:
    """The applicant a transposed table-3 row is about: its last label cell before the first number."""
    labels = []
    for c in raw_cells:
        if parse_cell(c).kind == "number":
            break
        if c.strip():
            labels.append(re.sub(r"\s+", "", c))
    label = re.sub(r"^法人或其他组织[:：\-—/]?", "", labels[-1]) if labels else ""
    return match_label(label, APPLICANT_KEYS) if label else None


# Table 4's header words: a "row" whose label holds them (a flattened table-4 header ending in 总计,
# then its numbers) is no row of table 3.
_TABLE4_WORDS = re.compile(r"行政复议|行政诉讼|结果维持|结果纠正|尚未审结")


def _total_rank(label: str) -> int:
    compact = re.sub(r"\s+", "", label)
    return 2 if "七" in compact and "总计" in compact else 1 if "总计" in compact else 0


def _one_row_per_code(entries, order: list[str], out: TableParse):
    """One row per outcome. A label matched twice with numbers keeps the row nearest the table's
    middle: a look-alike row elsewhere (a hotline table's 上年结转留言) sits away from the block; a
    label made of table 4's header words loses to any other."""
    matched = [(c, r) for c, r in entries if c in order]
    if not matched:
        return []
    lines = sorted(r.line_no for _, r in matched)
    middle = lines[len(lines) // 2]
    chosen: dict[str, Row] = {}
    for code, r in matched:
        has_numbers = any(c.kind == "number" for c in r.values)
        if code not in chosen:
            chosen[code] = r
        elif code == "total_processed" and has_numbers and _total_rank(r.label) != _total_rank(chosen[code].label):
            # (七)总计 over a bare 总计 over another name (合计 after a group is that group's sum)
            if _total_rank(r.label) > _total_rank(chosen[code].label):
                chosen[code] = r
            out.findings.append(Finding("duplicate_row", "warning",
                                        f"table 3 row {code} appears twice; kept the one on line {chosen[code].line_no}"))
        elif has_numbers:
            keep = chosen[code]
            ours, kept_ours = not _TABLE4_WORDS.search(r.label), not _TABLE4_WORDS.search(keep.label)
            if not any(c.kind == "number" for c in keep.values) or (ours and not kept_ours) or (
                    ours == kept_ours and abs(r.line_no - middle) < abs(keep.line_no - middle)):
                chosen[code] = r
            out.findings.append(Finding("duplicate_row", "warning",
                                        f"table 3 row {code} appears twice; kept the one on line {chosen[code].line_no}"))
    return sorted(chosen.items(), key=lambda kv: kv[1].line_no)


def _total_first(readings: dict[str, list[tuple]], out: TableParse) -> None:
    """Some reports print 总计 as the first column: if the rows' own sums say so, read them that way."""
    complete = [rs[0] for rs in readings.values() if len(rs) == 1 and all(c.value is not None for c in rs[0])]
    if len(complete) < 3:
        return
    as_template = sum(abs(sum(c.value for c in row[:-1]) - row[-1].value) < 1e-9 for row in complete)
    if as_template > len(complete) // 2:
        return  # (the template's order holds: whatever the other reading gives, it is kept)
    as_total_first = sum(abs(sum(c.value for c in row[1:]) - row[0].value) < 1e-9 for row in complete)
    if as_total_first == len(complete) and as_template <= len(complete) // 2:
        for code, rs in readings.items():
            readings[code] = [tuple(rd[1:]) + (rd[0],) for rd in rs]
        out.findings.append(Finding("column_order_from_arithmetic", "warning",
                                    "table 3 rows only add up with 总计 as the first column; read that way"))


_YEAR_IN_CAPTION = re.compile(r"((?:19|20)\d{2})\s*年")
# A caption of a table that sums up other bodies' reports (a district's towns, a bureau's units).
_SUMMARY_CAPTION = re.compile(r"汇总|各(?:街镇|镇街|乡镇|街道|镇|乡|部门|单位|区县|县区|区|县)|下属|所属单位")


def _this_years_table(entries, text: str, report_year: int | None, out: TableParse):
    """When table 3 is printed more than once (last year's for comparison), keep the one whose caption
    names the report's year; if none can be told apart, keep none (never mix or guess)."""
    starts = [i for i, (code, _) in enumerate(entries) if code == "new_received"]
    if len(starts) < 2:
        return entries
    lines = text.split("\n")
    instances = []
    for k, i in enumerate(starts):
        stop = starts[k + 1] if k + 1 < len(starts) else len(entries)
        first_line = entries[i][1].line_no
        prev_end = entries[i - 1][1].line_no + 1 if i > 0 else 0
        caption = "\n".join(lines[max(prev_end, first_line - 8) : first_line])
        years = {int(y) for y in _YEAR_IN_CAPTION.findall(caption)}
        instances.append((entries[i:stop], years, bool(_SUMMARY_CAPTION.search(caption)), caption))
    instances = _without_fragments(instances, out)
    if len(instances) == 1:
        return entries[: starts[0]] + instances[0][0]
    own = [inst for inst in instances if not inst[2]]
    if len(own) == 1 and len(instances) > 1:
        # the others are captioned as a summary of other bodies' tables (各街镇…汇总表, 下属单位)
        out.findings.append(Finding("multiple_tables", "warning",
                                    f"table 3 printed {len(instances)} times; kept the one not captioned as a "
                                    "summary of other bodies' reports"))
        return entries[: starts[0]] + own[0][0]
    named = [inst for inst in instances if _in_the_form(inst[0]) and _APPLICANT_HEADER.search(inst[3])]
    if len(named) == 1 and sum(_in_the_form(inst[0]) for inst in instances) > 1:
        # several printings in seven columns, one headed by the applicant types (the others by years:
        # 2019年 … 2023年 五年合计, a summary with the form's row labels)
        out.findings.append(Finding("multiple_tables", "warning",
                                    f"table 3's rows printed {len(instances)} times; kept the table headed by the "
                                    "form's applicant columns"))
        return entries[: starts[0]] + named[0][0]
    instances = [(inst, years) for inst, years, _summary, _caption in instances]
    in_form = [inst for inst in instances if _in_the_form(inst[0])]
    if len(in_form) == 1:
        # one of them has the form's seven applicant columns; the others (a comparison of two years'
        # totals, 上年/本年/同比) are other tables that use the same row labels
        out.findings.append(Finding("multiple_tables", "warning",
                                    f"table 3's rows printed {len(instances)} times; kept the table in the form's "
                                    f"{len(APPLICANT_CODES)} applicant columns"))
        return entries[: starts[0]] + in_form[0][0]
    if in_form:
        instances = in_form
    chosen = [inst for inst, years in instances if report_year is not None and years == {report_year}]
    if len(chosen) == 1:
        out.findings.append(Finding("multiple_tables", "warning",
                                    f"table 3 printed {len(instances)} times; kept the one captioned {report_year}"))
        return entries[: starts[0]] + chosen[0]
    out.findings.append(Finding("multiple_tables", "error",
                                f"table 3 printed {len(instances)} times and no caption names {report_year}; none kept"))
    return []


# a header naming the applicant columns: 自然人 and one of the organisation sub-columns
_APPLICANT_HEADER = re.compile(r"自然人[\s\S]{0,400}?(?:商业企业|科研机构|社会公益组织|法律服务机构)"
                               r"|(?:商业企业|科研机构|社会公益组织|法律服务机构)[\s\S]{0,400}?自然人")
_IDENTITY_ROWS = ("new_received", "carried_over", "total_processed", "carried_forward")


def _identity_holds(entries) -> bool:
    """Whether one printing's rows give 本年新收 + 上年结转 = 总计 + 结转下年度 in every column, each of the
    four rows printed in full."""
    rows = {}
    for code, r in entries:
        if code in _IDENTITY_ROWS and code not in rows:
            cells = [c for c in r.values if c.kind in ("number", "blank")]
            while cells and cells[0].kind == "blank":  # a grid row's empty label slots
                cells.pop(0)
            if len(cells) != len(APPLICANT_CODES) or any(c.kind != "number" for c in cells):
                return False
            rows[code] = [c.value for c in cells]
    if len(rows) < len(_IDENTITY_ROWS):
        return False
    new, old, done, forward = (rows[c] for c in _IDENTITY_ROWS)
    return all(abs(a + b - c - d) < 1e-9 for a, b, c, d in zip(new, old, done, forward))


def _without_fragments(instances, out: TableParse):
    """A 本年新收 row that starts no table (two years' 本年新收 compared in their own small table) splits
    table 3 into "printings" of one row each. When exactly one printing holds the whole table and its own
    rows add up (本年新收 + 上年结转 = 总计 + 结转下年度 in every column), the one-row printings are dropped."""
    codes = [{code for code, _ in inst[0] if code is not None} for inst in instances]
    full = [inst for inst, cs in zip(instances, codes) if {"carried_over", "total_processed"} <= cs]
    frags = [inst for inst, cs in zip(instances, codes) if cs <= {"new_received"}]
    if len(full) != 1 or not frags or len(full) + len(frags) != len(instances) or not _identity_holds(full[0][0]):
        return instances
    out.findings.append(Finding("multiple_tables", "warning",
                                f"table 3's 本年新收 row printed {len(instances)} times; kept the table whose rows "
                                "add up, the other rows stand alone"))
    return full


def _fits_form(r: Row) -> bool:
    """Whether a row holds the form's seven cells (or one glued run of at least seven digits); a grid
    row may carry empty label slots, or an extra column such as 比上年增减, beside its seven."""
    width = len(APPLICANT_CODES)
    cells = [c for c in r.values if c.kind in ("number", "blank")]
    return width <= len(cells) <= width + 3 or (len(r.values) == 1 and is_glued(r.values[0].raw, width))


def _in_the_form(entries) -> bool:
    """Whether most rows of one printing of table 3 fit the form's seven columns, as a two-year
    comparison table (上年 | 本年 | 增减) does not."""
    rows = [r for code, r in entries if code is not None]
    return bool(rows) and sum(map(_fits_form, rows)) >= 0.6 * len(rows)


_ORG_COLUMNS = [r"商业企业", r"科研机构", r"社会(?:公益)?组织", r"法律服务机构", r"其他(?!组织)"]
# the same sub-columns' names wrapped inside a narrow header cell (`商业企` over `业`, `社会公` over `益组织`)
_ORG_STEMS = [r"商业企", r"科研机", r"社会公", r"法律服"]


_APPLICANT_CELLS = {"自然人": "natural_person", "商业企业": "commercial_enterprise", "科研机构": "research_institution",
                    "社会公益组织": "social_welfare_org", "社会组织": "social_welfare_org",
                    "法律服务机构": "legal_service_org", "其他": "other_org", "总计": "total", "合计": "total"}


_ORG_GROUP = re.compile(r"^法人(?:或其他组织)?$")


def _collapsed_org_columns(rows: list[Row], labelled: list[Row]) -> tuple[int, int, int] | bool | None:
    """A table 3 printed with three value columns, 自然人 | 法人或其他组织 | 总计: its header names
    法人或其他组织 and none of the organisation sub-columns, and no labelled row holds four to seven numbers.
    Returns the grid column of each of the three (a ruled header naming them in their own cells), or
    -1 - its printed rank (a plain header line naming the three), True when only a row's three numbers
    adding up can place them, None for any other table. The five organisation
    cells are then unprinted; only their sum is, which the row total already says."""
    headers = [r for r in rows if _is_header(r)]
    compact = [re.sub(r"\s+", "", r.label) for r in headers]
    if not any("法人" in c for c in compact) or any(re.search(p, c) for c in compact for p in _ORG_COLUMNS[:4] + _ORG_STEMS):
        return None
    # (a row of more than seven numbers is no table-3 row: table 4 under a lost section heading)
    if any(3 < sum(v.kind == "number" for v in r.values + r.pre_values) <= len(APPLICANT_CODES) for r in labelled):
        return None
    # seven cells, numbers and blank marks (`1 4 - - - - 5`), are the seven columns of the form
    if any(sum(v.kind == "number" or v.kind == "blank" and v.raw.strip() != "" for v in r.values) == len(APPLICANT_CODES)
           and any(v.kind == "blank" and v.raw.strip() for v in r.values) for r in labelled):
        return None
    for r in headers:
        if r.shape in ("tsv", "pipe"):
            cells = [re.sub(r"\s+", "", c) for c in split_cells(r.raw)[0]]
            cols = [next((j for j, c in enumerate(cells) if pat.match(c)), None)
                    for pat in (re.compile("^自然人$"), _ORG_GROUP, re.compile("^(?:总计|合计)$"))]
            if None not in cols and len(set(cols)) == 3:
                return tuple(cols)
    for c in compact:  # plain text: the three header words give the order of a row's three numbers
        pos = [c.find(w) for w in ("自然人", "法人", "总计")]
        if min(pos) >= 0 and len(set(pos)) == 3:
            return tuple(-1 - sorted(pos).index(p) for p in pos)
    return True


def _collapsed_row(code: str, r: Row, cols, out: TableParse) -> tuple:
    """A row of a three-column table 3 as seven cells, the organisation columns unprinted. Placed by
    the header's columns when it has them; otherwise a row must hold exactly three numbers that add
    up (自然人 + 法人或其他组织 = 总计), or it is left null: its columns are not known."""
    lost = (ParsedCell(None, "missing"),) * 7
    cells = split_cells(r.raw)[0] if r.shape in ("tsv", "pipe") else []
    if cols is not True and min(cols) >= 0 and max(cols) < len(cells) and not any(
            parse_cell(c).kind == "number" for j, c in enumerate(cells) if j not in cols):
        vals = [parse_cell(cells[j]) for j in cols]
        placed = True
    else:
        vals = [c for c in r.values if c.raw.strip()]
        placed = False
        if cols is not True and len(vals) == 3:  # the header's order of 自然人, 法人或其他组织, 总计
            rank = [-1 - c for c in cols] if min(cols) < 0 else [sorted(cols).index(c) for c in cols]
            vals = [vals[rank[k]] for k in range(3)]
    if len(vals) != 3 or any(v.kind == "text" for v in vals):
        out.findings.append(Finding("row_cells_lost", "warning",
                                    f"table 3 row {code}: not the three cells of a 自然人 | 法人或其他组织 | 总计 table; left null"))
        return lost
    nat, org, total = (count_cell(v) for v in vals)
    if org.value is not None:
        out.org_sums[code] = org.value
    if None not in (nat.value, org.value, total.value) and nat.value + org.value != total.value:
        out.findings.append(Finding("arithmetic_contradiction", "warning",
                                    f"table 3 row {code}: 自然人 {nat.value:g} + 法人或其他组织 {org.value:g} "
                                    f"≠ 总计 {total.value:g}" + ("" if placed else "; left null")))
        if not placed:
            return lost
    if not placed and None in (nat.value, org.value, total.value):
        return lost
    if org.value is not None and total.value is not None and nat.value is None and total.value >= org.value:
        nat = ParsedCell(total.value - org.value, "derived")  # pinned by the printed sum of the organisations
    # five non-negative counts that add up to 0 are all 0; any other sum leaves them unknown
    orgs = ParsedCell(0.0, "derived") if org.value == 0 else ParsedCell(None, "missing")
    return (nat,) + (orgs,) * 5 + (total,)


def _filled_len(cells: list[str]) -> int:
    """The number of cells up to the last one that holds anything."""
    n = len(cells)
    while n and not cells[n - 1].strip():
        n -= 1
    return n


def grid_columns(rows: list[Row]) -> tuple[int, list[int], frozenset[int]] | None:
    """(grid width, column index of each applicant type in template order, the columns among or right
    of them that the header names as something else) of a ruled table.

    A table that reaches us as a grid (HTML/Word rendered to tab-separated slots, markdown pipes,
    PDF ruled cells) keeps every cell in its column, empty ones included; its header rows name the
    column of each applicant type. Rows of the same width are then read by those indices, so a
    blank 总计 or an empty organisation cell can never shift the numbers beside it. Only a header
    that names all seven columns, each in its own cell and in distinct columns, is used. A column the
    header names right of them (比上年增减, 占比(%), 备注) or among them (a 小计 of the organisations) is
    another column of the table: its numbers are not the row's.
    """
    lines: list[tuple[int, int, dict[str, int], list[str], int]] = []  # (filled, all cells, hits, cells, line)
    wordy: list[tuple[int, list[str]]] = []  # grid lines without numbers (header lines naming no applicant too)
    for r in rows:
        if r.shape not in ("tsv", "pipe") or any(c.kind == "number" for c in r.values + r.pre_values):
            continue
        cells, _ = split_cells(r.raw)
        wordy.append((r.line_no, cells))
        hits = {}
        for j, c in enumerate(cells):
            code = _APPLICANT_CELLS.get(_SPACES.sub("", c))
            if code and code not in hits:
                hits[code] = j
        if hits:
            lines.append((_filled_len(cells), len(cells), hits, cells, r.line_no))
    if not lines:
        return None
    # The header lines of one grid: those whose widths agree with the first's. A line's width is a
    # range, from its last filled cell to its last cell (trailing empty cells may be an export's
    # padding, not columns); the grid is as wide as the widest filled line of the group.
    # A line right under the group's last that ends in a filled cell may have lost trailing empty
    # cells (text that trims them): it says nothing of how wide the grid is.
    lo_max, hi_min = lines[0][0], lines[0][1]
    group = []
    last_line = None
    for lo, hi, hits, cells, line_no in lines:
        if last_line is not None and lo == hi and 0 < line_no - last_line <= 2:
            hi = 10**6
        if max(lo_max, lo) <= min(hi_min, hi):
            lo_max, hi_min = max(lo_max, lo), min(hi_min, hi)
            group.append((hits, cells))
            first_line = line_no if last_line is None else first_line
            last_line = line_no
    width = lo_max
    found: dict[str, int] = {}
    for hits, _cells in group:
        for code, j in hits.items():
            found.setdefault(code, j)
        if len(found) == len(APPLICANT_CODES):
            break
    if len(found) != len(APPLICANT_CODES) and (cut := _cut_off_columns(found, group, width)):
        return cut
    if len(found) != len(APPLICANT_CODES) or len(set(found.values())) != len(found):
        return None
    first, last = min(found.values()), max(found.values())
    # (the header block: the group's lines and the few above them, 申请人情况 over 自然人 …); a column
    # the header names among or after the seven (法人或其他组织小计, a 小计 before 总计) is another one too
    value_cols = set(found.values())
    extra = frozenset(j for line_no, cells in wordy if first_line - 3 <= line_no <= last_line for j, c in enumerate(cells)
                      if j > first and j not in value_cols and c.strip() and _SPACES.sub("", c) not in _APPLICANT_CELLS
                      and not _ORG_GROUP.match(_SPACES.sub("", c)))
    return max(width, max(extra, default=-1) + 1), [found[a] for a in APPLICANT_CODES], extra


def _cut_off_columns(found: dict[str, int], group, width: int):
    """A grid whose right-hand columns were cut off (a page printed narrower than its table): the header names
    the first three or more applicant columns in order, one per cell side by side, and nothing stands right of
    the last one in any header or row. Those columns are read by the header; the cut ones (-1) are missing."""
    k = 0
    while k < len(APPLICANT_CODES) and APPLICANT_CODES[k] in found:
        k += 1
    if k < 3 or len(found) != k:
        return None
    cols = [found[a] for a in APPLICANT_CODES[:k]]
    # (法人或其他组织 heads the organisation columns from the first of them: 自然人 may stand right before it)
    if any(b - a != 1 for a, b in zip(cols[1:], cols[2:])) or cols[1] <= cols[0] or width != cols[-1] + 1:
        return None
    return width, cols + [-1] * (len(APPLICANT_CODES) - k), frozenset()


def _grid_row(code: str, r: Row, grid: tuple[int, list[int]], out: TableParse) -> tuple | None:
    """A grid row read by the header's column indices; None when the row is not on that grid."""
    width, cols, extra = grid
    if r.shape not in ("tsv", "pipe"):
        return None
    cells, _ = split_cells(r.raw)
    if not _filled_len(cells) <= width <= len(cells):
        return None  # not this grid's row (cells beyond the grid are only tolerated when empty)
    cells = cells[:width]
    parsed = [parse_cell(c) for c in cells]
    if any(p.kind == "number" for j, p in enumerate(parsed) if j not in cols and j not in extra):
        return None  # numbers outside the value columns (and the columns the header names): not this grid
    texts = [k for k, j in enumerate(cols) if j >= 0 and parsed[j].kind == "text" and parsed[j].raw.strip()]
    if texts != list(range(len(texts))):
        return None  # words inside the value columns other than a label run over from the left
    # a label run over into the first value columns (broken PDF→markdown) covers those cells: lost; a
    # column cut off the page (-1) is not printed: missing
    vals = [None if k in texts or j < 0 else parsed[j] for k, j in enumerate(cols)]
    if not any(v is not None and v.kind == "number" for v in vals):
        return None
    if texts:
        out.findings.append(Finding("row_cells_lost", "warning",
                                    f"table 3 row {code}: the label covers {len(texts)} value column(s); those cells are lost"))
    cells_out = tuple(count_cell(v) for v in vals)
    out.findings += unreadable_cells("table 3", code, [v for v in vals], cells_out)
    return cells_out


def _column_order(rows: list[Row]) -> list[int]:
    """Printed position → template column: the five organisation columns follow the header when one
    header line names all five in another order; otherwise template order. A header printed right to
    left (总计 before 法人或其他组织 before 自然人 on an earlier line, the five organisations reversed) mirrors
    自然人 and 总计 too."""
    identity = list(range(len(APPLICANT_CODES)))
    mirrored = False  # 总计 … 法人或其他组织 … 自然人 on one header line: each row is printed right to left
    for r in rows:
        if not _is_header(r):
            continue
        compact = re.sub(r"\s+", "", r.label)
        a, b, c = compact.find("总计"), compact.find("法人或其他组织"), compact.find("自然人")
        if -1 < a < b < c:
            mirrored = True
        pos = [re.search(p, compact) for p in _ORG_COLUMNS]
        if all(pos):
            printed = sorted(range(5), key=lambda i: pos[i].start())  # printed slot k holds template column printed[k]
            if printed == sorted(printed):
                return identity
            # readings are in printed order; to_template[t] = printed slot of template column t
            ends = [6, 0] if mirrored and printed == sorted(printed, reverse=True) else [0, 6]
            return [ends[0]] + [1 + printed.index(t) for t in range(5)] + [ends[1]]
    return identity


def _entries(rows: list[Row]) -> list[tuple[str | None, Row]]:
    """Rows with values, each with its outcome code; label-only rows are paired with value-only rows.

    PDF text and broken markdown print a label on one line and its numbers on lines before or after
    it (pdftotext without layout puts every cell on its own line); labels and value lines are
    paired in document order, a label collecting value lines until it has a full row.
    """
    width = len(APPLICANT_CODES)
    out: list[tuple[str | None, Row]] = []
    pending_labels: list[list] = []  # [code, label row, values so far]
    pending_values: list[list] = []  # groups of value cells waiting for a label
    seen: set[str] = set()
    own_line: set[int] = set()  # entries whose numbers share a line with their own label
    prev: str | None = None
    for r in rows:
        if _is_header(r):
            continue
        code = outcome_code(r.label) if r.label else None
        if code is None and prev in ("other", "other_no_correction", "other_unpaid_fee") and _OTHER_MISC.match(
            re.sub(r"\s+", "", r.label)
        ):
            code = "other_misc"
        if code == "total_processed" and not seen & set(RESULT_ROWS_COMMON + ["other", *OTHER_SPLIT]):
            code = None  # a bare 总计 before any outcome row is the header's total column
        has_numbers = any(c.kind == "number" for c in r.values)
        if not has_numbers and r.label and _continues(out, own_line, r):
            prev_code, prev_row = out[-1]
            merged = Row(prev_row.line_no, prev_row.label + r.label, prev_row.values, [], prev_row.shape, prev_row.raw)
            better = outcome_code(merged.label)
            if code is None and better is not None:
                out[-1] = (better, merged)  # the wrapped second line completes the label (逾期 | 不补正)
                continue
            if code is not None and prev_code is None:
                out[-1] = (code, merged)  # the distinctive words sit on the wrapped line
                continue
        if code and has_numbers:
            # a row printed with its own numbers closes the labels still waiting: numbers after it
            # belong to labels after it, never to one many rows above (a blank row stays blank)
            out += [e for p in pending_labels if (e := _close_label(p)) is not None]
            pending_labels = []
            out.append((code, r))
            own_line.add(len(out) - 1)
        elif code:
            if any(p[2] for p in pending_labels):
                # numbers had begun to come for the labels waiting: a new label ends those rows, so a row
                # that lost a cell (a page break in a table printed one cell per line) keeps what it got
                # and never takes the next row's numbers
                out += [e for p in pending_labels if (e := _close_label(p)) is not None]
                pending_labels = []
            if code in OTHER_SPLIT:
                # a bare '(六)其他处理' waiting for numbers was the group heading of these sub-rows
                pending_labels = [p for p in pending_labels if not (p[0] == "other" and not p[2])]
            if pending_values:
                # numbers printed above their label (pdfplumber centres a multi-line label cell): no
                # label was waiting when they came, so they can only be this label's, even if short
                line_no, vals = pending_values.pop(0)
                out.append((code, Row(line_no, r.label, vals, [], "plain", r.raw)))
            else:
                pending_labels.append([code, r, []])
        elif has_numbers and not r.label:
            if pending_labels:
                head = pending_labels[0]
                head[2] += [c for c in r.values if c.raw.strip()] if r.shape == "plain" else r.values
                if len(head[2]) >= width:
                    pending_labels.pop(0)
                    out.append((head[0], Row(head[1].line_no, head[1].label, head[2], [], r.shape, r.raw)))
            elif pending_values and len(pending_values[-1][1]) < width and r.shape == "plain":
                pending_values[-1][1] += list(r.values)
            else:
                pending_values.append([r.line_no, list(r.values)])
        elif has_numbers:
            out.append((None, r))  # a number row whose label is unreadable: placed by position later
            own_line.add(len(out) - 1)
        if code:
            seen.add(code)
        prev = code or prev
    out += [e for p in pending_labels if (e := _close_label(p)) is not None]
    out += [(None, Row(line_no, "", vals, [], "plain", "")) for line_no, vals in pending_values]
    out.sort(key=lambda e: e[1].line_no)
    return out


_CJK_START = re.compile(r"[\u3400-\u9fff]")
_SECTION_HEAD = re.compile(r"^[一二三四五六七八九十]+[、.．]|^[(（]")
_ROW_NUMBERING = re.compile(r"^\s*" + ROW_NUMBER)


def _merge_wrapped_labels(rows: list[Row]) -> list[Row]:
    """Join a plain-text label wrapped over several lines into one label row.

    PDF text of a narrow label cell breaks it anywhere (`1.申请人无正当理由逾` / `期不补正、行政机关不`
    / `再处理其政府信息公开申请`); read line by line, a fragment names the wrong row or none. A
    label-only line continues the label-only line right above it unless it opens a new numbered row.
    """
    out: list[Row] = []
    for r in rows:
        prev = out[-1] if out else None
        if (prev is not None and r.shape == "plain" and prev.shape == "plain" and r.label and prev.label
                and not prev.values and not r.pre_values and not prev.pre_values
                and r.line_no == getattr(prev, "_last_line", prev.line_no) + 1
                and not _ROW_NUMBERING.match(r.label) and not _is_header(r) and not _is_header(prev)):
            # the last line of a wrapped label may carry the row's numbers (pdftotext -layout:
            # `5.要求行政机关确认或重新出具已获` / `取信息   0 0 0 0 0 0 0`)
            merged = Row(prev.line_no, prev.label + r.label, list(r.values), [], "plain", prev.raw + "\n" + r.raw)
            object.__setattr__(merged, "_last_line", r.line_no)
            out[-1] = merged
            continue
        if prev is not None and _cell_broken(prev, r):
            # a line break inside a grid's label cell (Word saved as text): the row's first line ends
            # inside the cell, and the rest of the cell opens the next line, with the row's numbers
            cells = split_cells(prev.raw)[0]
            while cells and not cells[-1]:
                cells.pop()
            rest = split_cells(r.raw)[0]
            joined = cells[:-1] + [cells[-1] + rest[0]] + rest[1:]
            raw = "\t".join(joined) if r.shape == "tsv" else "| " + " | ".join(joined) + " |"
            out[-1] = Row(prev.line_no, prev.label + r.label, list(r.values), [], r.shape, raw)
            continue
        out.append(r)
    return out


def _label_tails_below(rows: list[Row]) -> list[Row]:
    """Join the tail of a wrapped label printed under its number row (pandoc multiline tables and
    PDF text whose rows stand apart: `三、本年度办理结(一)予以  12 3 0 …` / `果公开` / blank line) to
    that row's label. Only word lines that open no row of their own, right under a number row, with a
    blank line (or the end) after them, are taken."""
    out: list[Row] = []
    i = 0
    while i < len(rows):
        r = rows[i]
        j = i + 1
        if r.shape == "plain" and r.label and any(c.kind == "number" for c in r.values):
            while (j < len(rows) and rows[j].shape == "plain" and rows[j].label and not rows[j].values
                   and not rows[j].pre_values and rows[j].line_no == rows[j - 1].line_no + 1
                   and not _ROW_NUMBERING.match(rows[j].label) and not _is_header(rows[j])):
                j += 1
            if j > i + 1 and (j == len(rows) or rows[j].line_no > rows[j - 1].line_no + 1):
                label = r.label + "".join(x.label for x in rows[i + 1 : j])
                out.append(Row(r.line_no, label, list(r.values), [], "plain", r.raw))
                i = j
                continue
        joined = _narrow_label_tail(rows, i)
        if joined is not None:
            out.append(joined[0])
            i = joined[1]
            continue
        out.append(r)
        i += 1
    return out


_MAX_TAIL_CHARS = 16
_CONTINUES_NUMBER = re.compile(r"^\s*[.．、)）]")  # the rest of an item number (`1` / `.本机关…`)


def _narrow_label_tail(rows: list[Row], i: int) -> tuple[Row, int] | None:
    """A number row whose label names no row, under which the rest of its label is printed a few
    characters a line (a narrow label column read by OCR or PDF text: `2. 其他法  1  0 …` / `律行政法` /
    `规禁止公` / `开`): the row with its label joined, and the index after the tail, when the joined
    label names a row. Tail lines carry no number, open no row of their own and are short."""
    r = rows[i]
    # (a row of several numbers: one number may be the item number cut from its label, `…结果 1` /
    # `.本机关不掌握…`, or a page number)
    if not r.label or sum(c.kind == "number" for c in r.values) < 2 or outcome_code(r.label) is not None:
        return None
    if i + 1 < len(rows) and _CONTINUES_NUMBER.match(rows[i + 1].label or ""):
        return None
    j = i + 1
    while (j < len(rows) and rows[j].label and not rows[j].pre_values
           and not any(c.kind == "number" for c in rows[j].values) and rows[j].line_no == rows[j - 1].line_no + 1
           and len(re.sub(r"\s+", "", rows[j].label)) <= _MAX_TAIL_CHARS
           and not _ROW_NUMBERING.match(rows[j].label) and not _is_header(rows[j])):
        j += 1
    if j == i + 1:
        return None
    label = r.label + "".join(x.label for x in rows[i + 1 : j])
    if outcome_code(label) is None:
        return None
    return Row(r.line_no, label, list(r.values), list(r.pre_values), r.shape, r.raw), j


def _cell_broken(prev: Row, r: Row) -> bool:
    """Whether tab line `r` continues the label cell that tab line `prev` (a label and nothing after
    it) was cut off in: `r` opens with words that start no row of their own and carries numbers."""
    if prev.shape not in ("tsv", "pipe") or r.shape != prev.shape or r.line_no != prev.line_no + 1 or prev.pre_values or r.pre_values:
        return False
    if not prev.label or any(c.raw.strip() for c in prev.values) or _is_header(prev) or _is_header(r):
        return False
    first = split_cells(r.raw)[0][0]
    if not first or not _CJK_START.match(first) or _ROW_NUMBERING.match(first) or _SECTION_HEAD.match(first):
        return False
    return any(c.kind == "number" for c in r.values)


def _close_label(pending: list) -> tuple[str, Row] | None:
    """The entry of a label that waited for numbers: the cells it got, its explicit blanks, or none."""
    code, r, vals = pending
    if vals:
        return code, Row(r.line_no, r.label, vals, [], "plain", r.raw)  # a row that lost cells
    if r.values:
        return code, r  # label rows that printed explicit blank cells: a blank row
    return None


def _continues(out: list, own_line: set[int], r: Row) -> bool:
    """A label-only line of a grid (empty cells) right under a labelled number row: its wrapped label."""
    if not out or len(out) - 1 not in own_line or r.shape == "plain":
        return False
    if any(c.raw.strip() for c in r.values):
        return False
    return 0 < r.line_no - out[-1][1].line_no <= 1


def _row_readings(code: str, r: Row, out: TableParse) -> list[tuple]:
    """Possible readings of one row as seven cells (several only for glued digits)."""
    width = len(APPLICANT_CODES)
    raw = r.values[0].raw.strip() if r.shape == "plain" and len(r.values) == 1 else ""
    glued, short = is_glued(raw, width), _SHORT_RUN.fullmatch(raw) is not None
    if raw and (glued or raw.startswith("0") and short):
        out.glued[code] = raw
        every = readings(raw, width) if glued else []
        found = [tuple(ParsedCell(v, "printed") for v in rd) for rd in (every or []) if rd[-1] == sum(rd[:-1])]
        if not glued:
            # too few digits to fill seven columns (`000010`: a count has no leading zero): blank cells
            # printed nothing in the glued run. (A run long enough for every column whose readings do
            # not add up is a printed contradiction, never read as blanks that would mend it.)
            every = found = _readings_with_blanks(raw, width)
        if every is None:
            out.findings.append(Finding("glued_cut_off", "warning", f"table 3 row {code}: digits '{raw[:40]}' "
                                        f"have more than {MAX_READINGS} readings; the search was cut off and the row left null"))
            return [tuple(ParsedCell(None, "missing") for _ in range(width))]
        if not found:
            out.findings.append(Finding("glued_unreadable", "warning", f"table 3 row {code}: digits '{raw[:40]}' fit no reading"))
            return [tuple(ParsedCell(None, "missing") for _ in range(width))]
        if any(c.source != "printed" for c in found[0]):
            out.glued_blanks.add(code)
            out.findings.append(Finding("glued_blank_cells", "warning",
                                        f"table 3 row {code}: digits '{raw[:40]}' fill the row only with blank cells; "
                                        f"{len(found)} reading(s) with blanks fit"))
        return found
    windows = _padding_windows(r, width)
    if windows:
        if len(windows) > 1:
            out.findings.append(Finding("row_columns_uncertain", "warning",
                                        f"table 3 row {code}: empty cells at both ends; {len(windows)} alignments fit"))
        return windows
    fitted, note = fit_values(r.values, width)
    if note:
        out.findings.append(Finding("row_cells_lost", "warning", f"table 3 row {code}: {note}"))
    parsed = tuple(count_cell(c) for c in fitted)
    out.findings += unreadable_cells("table 3", code, fitted, parsed)
    if note and "lost" in note:
        # plain text drops empty cells anywhere; a grid drops them on the left unless the total breaks
        # the usual reading (cells lost on the left) breaks the row total: try every placement
        kept = [c for c in fitted if c is not None]
        options = [p for p in _placements(kept, width) if _row_feasible(p)]
        if short and len(raw) > 1:
            # `200000` alone in a plain row is one count that lost its cells, or glued cells whose blanks
            # printed nothing: both kinds of reading stand, and the identities choose
            options += _readings_with_blanks(raw, width) or []
            out.glued, out.glued_blanks = {**out.glued, code: raw}, out.glued_blanks | {code}
        out.findings.append(Finding("row_cells_placed", "warning",
                                    f"table 3 row {code}: the cells' columns are not certain; "
                                    f"{len(options)} placement(s) fit the row total"))
        return options or [tuple(ParsedCell(None, "missing") for _ in range(width))]
    return [parsed]


_SHORT_RUN = re.compile(r"\d{1,6}")


def _glued_or_blank(code: str, raw: str, out: TableParse) -> list[tuple[ParsedCell, ...]]:
    """A glued row of a text whose blank cells print as nothing: every full reading that adds up and
    every reading with blanks; the row is null when no full reading adds up or when they are too
    many to search."""
    width = len(APPLICANT_CODES)
    full = readings(raw, width)
    blank = _readings_with_blanks(raw, width)
    if full is None or blank is None or len(full) + len(blank) > MAX_BLANK_READINGS:
        return [tuple(ParsedCell(None, "missing") for _ in APPLICANT_CODES)]
    out.glued[code] = raw
    out.glued_blanks.add(code)
    found = {tuple(float(v) for v in rd): tuple(ParsedCell(v, "printed") for v in rd) for rd in full if rd[-1] == sum(rd[:-1])}
    if not found:  # digits for every column that do not add up: a printed contradiction, not blanks to mend it
        return [tuple(ParsedCell(None, "missing") for _ in APPLICANT_CODES)]
    for rd in blank:
        found.setdefault(tuple(c.value for c in rd), rd)
    return list(found.values()) or [tuple(ParsedCell(None, "missing") for _ in APPLICANT_CODES)]


MAX_BLANK_READINGS = 400


def _readings_with_blanks(raw: str, width: int) -> list[tuple[ParsedCell, ...]] | None:
    """Every reading of a glued run as `width` cells of which some are blank, the others split from
    the digits, whose row total can hold: every number of blanks and every placement, so a row whose
    blanks could sit in several places keeps all of them (the caller keeps only what they share). A
    reading with one blank has it pinned by the row total (`derived`); with more they stay null.
    None when there are more than `MAX_READINGS`."""
    digits = sum(ch.isdigit() for ch in raw)
    out: dict[tuple, tuple[ParsedCell, ...]] = {}
    for k in range(min(digits, width - 1), 0, -1):
        splits = readings(raw, k)
        if splits is None or len(splits) * comb(width, k) > MAX_READINGS:
            return None
        for rd in splits:
            for row in placements(list(rd), width):
                cells = tuple(ParsedCell(v, "printed") if v is not None else ParsedCell(None, "missing") for v in row)
                if not _row_feasible(cells):
                    continue
                blank = [j for j, v in enumerate(row) if v is None]
                if len(blank) == 1:
                    j = blank[0]
                    v = (sum(row[:-1]) if j == width - 1 else row[-1] - sum(x for x in row[:-1] if x is not None))
                    cells = (*cells[:j], ParsedCell(float(v), "derived"), *cells[j + 1:])
                key = tuple(c.value for c in cells)
                if key not in out:
                    out[key] = cells
                    if len(out) > MAX_READINGS:
                        return None
    return list(out.values())


def _padding_windows(r: Row, width: int) -> list[tuple[ParsedCell, ...]] | None:
    """A grid row with more cells than columns and empty cells at both ends (label padding before, a
    blank 总计 after, as on a table's second page whose grid differs from its header's): every
    alignment whose cells outside the window are empty and whose row total can hold; None when the
    row is not of that kind."""
    vals = list(r.values)
    if r.shape == "plain" or len(vals) <= width:
        return None
    empty = [not c.raw.strip() for c in vals]
    if not (empty[0] and empty[-1]):
        return None
    out: list[tuple[ParsedCell, ...]] = []
    for k in range(len(vals) - width + 1):
        if all(empty[j] for j in range(len(vals)) if not k <= j < k + width):
            parsed = tuple(count_cell(c) for c in vals[k : k + width])
            if _row_feasible(parsed) and parsed not in out:
                out.append(parsed)
    return out or None


def _row_feasible(cells: tuple[ParsedCell, ...]) -> bool:
    """Whether a row's known cells can still satisfy total = sum of the six columns (counts ≥ 0)."""
    parts, total = cells[:-1], cells[-1]
    known = sum(c.value for c in parts if c.value is not None)
    if total.value is None:
        return True
    if all(c.value is not None for c in parts):
        return known == total.value
    return known <= total.value


def _placements(kept: list, width: int) -> list[tuple[ParsedCell, ...]]:
    """Every order-preserving placement of the surviving cells among the row's columns."""
    return [tuple(count_cell(c) for c in row) for row in placements(kept, width)]


def _resolve_glue(readings: dict[str, list[tuple]], order: list[str], out: TableParse) -> None:
    """Choose among glued readings with the table's column identities; keep only what all survivors share."""
    multi = [c for c, rs in readings.items() if len(rs) > 1]
    for code, rs in readings.items():
        if len(rs) == 1:
            for appl, cell in zip(APPLICANT_CODES, rs[0]):
                out.cells[(code, appl)] = cell
    if not multi:
        return
    readings = {**readings, **_prune_by_bounds(readings, multi, order, out)}
    combos = 1
    for c in multi:
        combos *= len(readings[c])
    found = _consistent_indices(readings, multi, order, out) if combos <= MAX_COMBINATIONS else None
    survivors, depth_of = found if found is not None else ([], {})
    for code in multi:
        # the distinct readings of the row that some survivor uses, in the order survivors first use them
        # (survivors hold each row's reading index; the readings are tuples told apart by identity)
        if survivors:
            d, rs = depth_of[code], readings[code]
            options = list({id(r): r for r in (rs[j] for j in dict.fromkeys(s[d] for s in survivors))}.values())
        else:
            options = readings[code]
        for j, appl in enumerate(APPLICANT_CODES):
            vals = {o[j].value for o in options}
            if len(vals) > 1:
                out.cells[(code, appl)] = ParsedCell(None, "missing")
            elif len({o[j].source for o in options}) > 1 and options[0][j].value is not None:
                out.cells[(code, appl)] = ParsedCell(options[0][j].value, "derived")  # printed in some readings, pinned in others
            else:
                out.cells[(code, appl)] = options[0][j]
        if len({tuple(c.value for c in o) for o in options}) > 1:
            out.findings.append(Finding("glued_ambiguous", "warning",
                                        f"table 3 row {code}: {len(options)} readings of the glued digits survive; differing cells left null"))


MAX_SEARCH_NODES = 50_000
MAX_COMBINATIONS = 20_000
_INF = float("inf")


def _prune_by_bounds(readings: dict[str, list[tuple]], multi: list[str], order: list[str],
                     out: TableParse) -> dict[str, list[tuple]]:
    """Drop the readings of uncertain rows that no values of the other rows can make consistent.

    Each identity Σ left = Σ right is checked with every other cell as an interval (a known value, the
    range of an uncertain row's readings, or [0, ∞) when unknown); a reading outside every possible
    solution is dropped, and the pruning is repeated until nothing changes. Linear in the readings per
    pass, so the exact search afterwards starts from few candidates. A row is never pruned to
    nothing: when its identities cannot hold at all (a printed contradiction), it keeps every reading.
    """
    from transforms.repair import request_equations  # repair imports this module

    known = lambda c: c.value if c.source in ("printed", "derived", "narrative") else None  # noqa: E731
    eqs = [(eq.left, eq.right) for eq in request_equations(_full(order) | out.cells)]
    opts = {code: list(readings[code]) for code in multi}
    col = {a: j for j, a in enumerate(APPLICANT_CODES)}

    def bounds(key) -> tuple[float, float]:
        code, appl = key
        if code in opts:
            vals = [known(rd[col[appl]]) for rd in opts[code]]
            if any(v is None for v in vals):
                return 0.0, _INF
            return min(vals), max(vals)
        c = out.cells.get(key)
        v = known(c) if c is not None else None
        return (v, v) if v is not None else (0.0, _INF)

    by_code: dict[str, list[tuple]] = {code: [] for code in multi}
    for eq in eqs:
        for code in {k[0] for k in eq[0] + eq[1]} & set(multi):
            by_code[code].append(eq)
    for _ in range(10):
        changed = False
        for code in multi:
            keep = []
            # the other rows' bounds stay put while this row's readings are checked: each is taken once
            other = {k: bounds(k) for left, right in by_code[code] for k in left + right if k[0] != code}
            for rd in opts[code]:
                ok = True
                for left, right in by_code[code]:
                    lo_l = hi_l = lo_r = hi_r = 0.0
                    for side, keys in ((0, left), (1, right)):
                        for k in keys:
                            if k[0] == code:
                                v = known(rd[col[k[1]]])
                                lo, hi = (v, v) if v is not None else (0.0, _INF)
                            else:
                                lo, hi = other[k]
                            if side == 0:
                                lo_l, hi_l = lo_l + lo, hi_l + hi
                            else:
                                lo_r, hi_r = lo_r + lo, hi_r + hi
                    if lo_l > hi_r + 1e-9 or lo_r > hi_l + 1e-9:
                        ok = False
                        break
                if ok:
                    keep.append(rd)
            if keep and len(keep) < len(opts[code]):
                opts[code], changed = keep, True
        if not changed:
            break
    return opts


def _consistent_choices(readings: dict[str, list[tuple]], multi: list[str], order: list[str],
                        out: TableParse) -> list[tuple]:
    """Every choice of one reading per multi-reading row (in `multi`'s order) under which the table's
    identities hold, in search order; [] when the search was cut off (`_consistent_indices`)."""
    found = _consistent_indices(readings, multi, order, out)
    if found is None:
        return []
    survivors, depth_of = found
    return [tuple(readings[c][s[depth_of[c]]] for c in multi) for s in survivors]


def _consistent_indices(readings: dict[str, list[tuple]], multi: list[str], order: list[str],
                        out: TableParse) -> tuple[list[tuple[int, ...]], dict[str, int]] | None:
    """Every choice of one reading per multi-reading row under which the table's identities hold.

    An identity holds when its two sides are equal, or when one of its cells is unknown (a null
    reading or an unread cell: nothing to check). The search is depth-first, rows with few readings
    first, and checks each identity with forward bounds: after each choice, the partial sum of an
    identity plus the least and the most the rows still open can add must still reach zero. The
    bounds exist only when every open reading knows its cells of the identity (a null may yet make
    the identity vacuous), so a branch is cut only when no completion can pass; the survivors are
    exactly those of checking each identity once all its cells are chosen, found in far fewer steps.
    The search is bounded (`MAX_SEARCH_NODES`): when it is cut off, no choice is trusted and the
    caller keeps only what every reading of a row agrees on.

    Returns the survivors, in search order, as each row's reading index by search depth, and the
    depth of each row; None when the search was cut off.
    """
    from transforms.repair import request_equations  # repair imports this module

    known = lambda c: c.value if c.source in ("printed", "derived", "narrative") else None  # noqa: E731
    cells = _full(order) | out.cells
    multi = sorted(multi, key=lambda c: len(readings[c]))  # few readings first: prunes earliest
    depth_of = {code: d for d, code in enumerate(multi)}
    col = {a: j for j, a in enumerate(APPLICANT_CODES)}
    n = len(multi)
    # Each identity as Σ coef·value = 0: a constant from the fixed cells, and per multi row its terms.
    eqs: list[tuple[float, dict[int, list[tuple[int, int]]]]] = []
    for eq in request_equations(cells):
        const, terms, vacuous = 0.0, {}, False
        for coef, keys in ((1, eq.left), (-1, eq.right)):
            for k in keys:
                if k[0] in depth_of:
                    terms.setdefault(depth_of[k[0]], []).append((coef, col[k[1]]))
                else:
                    v = known(cells[k]) if k in cells else None
                    if v is None:
                        vacuous = True
                    else:
                        const += coef * v
        if not vacuous and terms:
            eqs.append((const, terms))
    # per reading, its contribution to each identity it is in (None: a null cell, the identity is vacuous)
    vals = [[tuple(known(c) for c in rd) for rd in readings[code]] for code in multi]
    contrib: list[list[dict[int, float | None]]] = [[{} for _ in vals[d]] for d in range(n)]
    for e, (_const, terms) in enumerate(eqs):
        for d, ts in terms.items():
            for r, vs in enumerate(vals[d]):
                tot = 0.0
                for coef, j in ts:
                    if vs[j] is None:
                        tot = None
                        break
                    tot += coef * vs[j]
                contrib[d][r][e] = tot
    # suffix bounds: what rows d.. can still add to identity e (None: unbounded, a null may come)
    lo = [[0.0] * len(eqs) for _ in range(n + 1)]
    hi = [[0.0] * len(eqs) for _ in range(n + 1)]
    for d in range(n - 1, -1, -1):
        for e in range(len(eqs)):
            if lo[d + 1][e] is None or e not in contrib[d][0]:
                lo[d][e], hi[d][e] = lo[d + 1][e], hi[d + 1][e]
                continue
            cs = [c[e] for c in contrib[d]]
            if any(c is None for c in cs):
                lo[d][e] = hi[d][e] = None
            else:
                lo[d][e], hi[d][e] = lo[d + 1][e] + min(cs), hi[d + 1][e] + max(cs)
    touching = [[e for e in range(len(eqs)) if d in eqs[e][1]] for d in range(n)]
    partial = [const for const, _ in eqs]
    dead = [0] * len(eqs)  # how many chosen readings made identity e vacuous
    survivors: list[tuple] = []
    choice: list[int] = []
    nodes = 0

    def feasible(d: int) -> bool:
        nxt_lo, nxt_hi = lo[d + 1], hi[d + 1]
        for e in touching[d]:
            if dead[e] or nxt_lo[e] is None:
                continue
            p = partial[e]
            if p + nxt_lo[e] > 1e-9 or p + nxt_hi[e] < -1e-9:
                return False
        return True

    def visit(d: int) -> bool:
        nonlocal nodes
        if d == n:
            survivors.append(tuple(choice))
            return True
        for r, cmap in enumerate(contrib[d]):
            nodes += 1
            if nodes > MAX_SEARCH_NODES:
                return False
            for e, c in cmap.items():
                if c is None:
                    dead[e] += 1
                else:
                    partial[e] += c
            ok = True
            if feasible(d):
                choice.append(r)
                ok = visit(d + 1)
                choice.pop()
            for e, c in cmap.items():
                if c is None:
                    dead[e] -= 1
                else:
                    partial[e] -= c
            if not ok:
                return False
        return True

    if not visit(0):
        out.findings.append(Finding("search_cut_off", "warning",
                                    f"table 3: the search over {len(multi)} uncertain rows was cut off after "
                                    f"{MAX_SEARCH_NODES} steps; only cells every reading agrees on are kept"))
        return None
    return survivors, depth_of


def _full(order: list[str]) -> dict:
    return {(o, a): ParsedCell(None, "missing") for o in order for a in APPLICANT_CODES}


def _is_header(r: Row) -> bool:
    """Header lines name applicant columns and carry no numbers of their own."""
    if any(c.kind == "number" for c in r.values):
        return False
    return any(w in r.label for w in ("申请人情况", "自然人", "商业企业", "法人或其他组织", "Column", "列1"))


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
