"""Table 4 (行政复议、行政诉讼情况): three case types × five results, in long form."""

from __future__ import annotations

import re

from transforms.labels import CASE_TYPE_CODES, REVIEW_RESULT_CODES
from transforms.tables.common import Finding, ParsedCell, TableParse, at_lines, count_cell, match_label, unreadable_cells
from transforms.tables.glue import agreement, is_glued, placements, readings
from transforms.tables.grid import Cell, Row, fit_values, parse_cell, rows_of, split_cells, without_check_cells

_PROSE_LINE = re.compile(r"[。；]|^\s*四\s*[、.]")
CASE_KEYS = {
    "admin_review": ("行政复议",),
    "litigation_direct": ("未经复议直接起诉", "直接起诉"),
    "litigation_after_review": ("复议后起诉",),
}
_HEADER_WORDS = ("结果维持", "结果纠正", "尚未审结", "其他结果", "行政复议", "行政诉讼", "总计", "维持", "纠正")
WIDTH = len(CASE_TYPE_CODES) * len(REVIEW_RESULT_CODES)


def parse_review_table(text: str, report_year: int | None = None) -> TableParse:
    """Parse table 4 from its section text: a 15-cell data row, or one labelled row per case type."""
    out = TableParse()
    superseded = _SUPERSEDES.search(text)
    if superseded and any(w in text[superseded.end():] for w in _HEADER_WORDS):
        # 上面表四发错了，以下面这张为准: the table printed after the correction is the report's
        text = text[superseded.end():]
        out.findings.append(Finding("table_superseded", "warning",
                                    "table 4 printed twice, the first called wrong by the text "
                                    f"({superseded.group(0)[:30]}); the later one is read"))
    rows = rows_of(text)
    # (a sentence naming 行政复议 — the section's heading, `…情况详见附表3。` — is no header)
    header_seen = any(any(w in r.label for w in _HEADER_WORDS) and not _numbers(r) and not _PROSE_LINE.search(r.label)
                      for r in rows)
    by_result = _result_rows(rows)
    if by_result:
        out.found = True
        out.findings.append(Finding("table_transposed", "warning", "table 4 printed with one line per result; read that way"))
        for res in REVIEW_RESULT_CODES:
            r = by_result.get(res)
            fitted, _ = fit_values(r.values, 3) if r else ([None] * 3, None)
            for case, cell in zip(CASE_TYPE_CODES, fitted):
                out.cells[(case, res)] = count_cell(cell)
                if r:
                    at_lines([out.cells[(case, res)]], r)
        return out
    labelled = _labelled_rows(rows)
    if labelled:
        out.found = True
        fits = {case: fit_values(r.values, 5) for case, r in labelled.items()}
        total_first = _total_first([f for f, _ in fits.values()])
        if total_first:
            out.findings.append(Finding("column_order_from_arithmetic", "warning",
                                        "table 4 rows only add up with 总计 as the first column; read that way"))
        for case in CASE_TYPE_CODES:
            fitted, note = fits.get(case, ([None] * 5, "row not found"))
            if total_first:
                fitted = fitted[1:] + fitted[:1]
            if note:
                out.findings.append(Finding("row_cells_lost", "warning", f"table 4 {case}: {note}"))
            for res, cell in zip(REVIEW_RESULT_CODES, fitted):
                out.cells[(case, res)] = count_cell(cell)
                if case in labelled:
                    at_lines([out.cells[(case, res)]], labelled[case])
            out.findings += unreadable_cells("table 4", case, fitted, [out.cells[(case, r)] for r in REVIEW_RESULT_CODES])
        return out
    pairs = _header_value_pairs(rows)
    if pairs:
        out.found = True
        out.findings.append(Finding("table_as_pairs", "warning",
                                    "table 4 printed as header / value pairs under each case type; read that way"))
        for case in CASE_TYPE_CODES:
            for res in REVIEW_RESULT_CODES:
                r = pairs.get((case, res))
                out.cells[(case, res)] = count_cell(r.values[0]) if r else ParsedCell(None, "missing")
                if r:
                    at_lines([out.cells[(case, res)]], r)
        return out
    values = _data_cells(rows)
    row_of = {id(c): r for r in rows for c in r.values}  # the row each printed cell sits in
    if values is None or any(v is None for v in values):
        # table 4 printed as two tables (行政复议, then 行政诉讼) or inside table 3's grid: the value
        # cells are placed by the header cells printed above them, column by column
        under = _under_headers(rows, report_year)
        if under is not None and sum(c is not None for c in under[0]) > sum(
                c is not None for c in (values or [])):
            values = under[0]
            row_of.update(under[1])
    elif (order := _header_case_order(rows)) is not None:
        # one data row under a header that names the case types in another order than the form's
        under = _under_headers(rows, report_year)
        if under is not None and all(c is not None for c in under[0]) and sorted(
                id(c) for c in under[0]) == sorted(id(c) for c in values):
            values = under[0]
            row_of.update(under[1])
        elif len(order) == 3:
            step = -1 if _results_reversed(rows) else 1
            by_case = {case: values[5 * k:5 * k + 5][::step] for k, case in enumerate(order)}
            values = [c for case in CASE_TYPE_CODES for c in by_case[case]]
        else:
            values = [None] * WIDTH
        out.findings.append(Finding(
            "column_order_from_header", "warning",
            "table 4's header names its case types in another order than the form ("
            + " / ".join(order) + "); " + ("cells read in the header's order" if any(v is not None for v in values)
                                           else "its cells cannot be placed, table 4 not read")))
    if values is not None:
        out.found = True
        if any(v is None for v in values):
            out.findings.append(Finding("row_cells_lost", "warning",
                                        f"table 4: {sum(v is None for v in values)} of {WIDTH} cells could not be placed"))
        for i, cell in enumerate(values):
            case, res = CASE_TYPE_CODES[i // 5], REVIEW_RESULT_CODES[i % 5]
            out.cells[(case, res)] = count_cell(cell)
            if id(cell) in row_of:
                at_lines([out.cells[(case, res)]], row_of[id(cell)])
        out.findings += unreadable_cells("table 4", "data", values, list(out.cells.values()))
        return out
    if header_seen:
        out.found = True
        out.findings.append(Finding("table_without_data", "warning", "table 4 header printed without a data row"))
        for case in CASE_TYPE_CODES:
            for res in REVIEW_RESULT_CODES:
                out.cells[(case, res)] = ParsedCell(None, "missing")
    return out


# A sentence saying the table above is wrong and the one below counts (a correction in a chat or a post).
_SUPERSEDES = re.compile(r"[^\n。]{0,40}(?:以下面?(?:这张|这份|的|此|表)?为准|以下表为准|更正如下|更正后的?表|"
                         r"(?:上面|上表|前表|之前)[^\n。]{0,12}(?:发错|有误|错误|作废|旧稿))[^\n]*")


def _header_case_order(rows: list[Row]) -> list[str] | None:
    """The case types in the order the table's header lines (short lines without numbers or prose
    punctuation) name them, when that is not the form's order; None when it is (or they are not named)."""
    text = _header_text(rows)
    spots = {}
    for case, word in (("litigation_after_review", "复议后起诉"), ("litigation_direct", "直接起诉"),
                       ("admin_review", "行政复议")):
        if word in text:
            spots[case] = text.index(word)
    order = sorted(spots, key=spots.get)
    if len(spots) == 3 and "行政诉讼" in text:
        # two header tiers: 行政复议 beside 行政诉讼 on the first, the two litigation groups under 行政诉讼
        # on the second; the groups stand in the first tier's order, the litigation ones in the second's
        lit = sorted(("litigation_direct", "litigation_after_review"), key=spots.get)
        order = (["admin_review"] + lit if spots["admin_review"] < text.index("行政诉讼") else lit + ["admin_review"])
    return None if order == [c for c in CASE_TYPE_CODES if c in spots] else order


def _header_text(rows: list[Row]) -> str:
    """The table's header lines run together without spaces: short lines without numbers or prose punctuation."""
    return "".join(re.sub(r"\s+", "", r.raw) for r in rows if not _numbers(r)
                   and len(re.sub(r"\s+", "", r.raw)) <= 80 and not re.search(r"[。，；]", r.raw))


def _results_reversed(rows: list[Row]) -> bool:
    """True when the header names each group's five results right to left (总计 尚未审结 其他结果 结果纠正 结果维持)."""
    text = _header_text(rows)
    return "总计尚未审结其他结果结果纠正结果维持" in text and "结果维持结果纠正其他结果尚未审结总计" not in text


RESULT_KEYS = {"upheld": ("结果维持", "维持"), "corrected": ("结果纠正", "纠正"), "other": ("其他结果",),
               "pending": ("尚未审结", "未审结"), "total": ("总计", "合计")}


def _result_rows(rows: list[Row]) -> dict[str, Row]:
    """Rows labelled by result with three values each: table 4 printed one line per result."""
    found: dict[str, Row] = {}
    for r in rows:
        if len([c for c in r.values if c.kind != "text"]) != 3 or not _numbers(r):
            continue
        code = match_label(r.label, RESULT_KEYS)
        if code and code not in found:
            found[code] = r
    return found if len(found) >= 3 else {}


def _header_value_pairs(rows: list[Row]) -> dict[tuple[str, str], Row]:
    """Table 4 as a column of header / value pairs (PDF text of a grid read cell by cell: 行政复议 /
    结果维持 / 1 / 结果纠正 / 1 …): each result label, under the case type named last, takes the one
    number on the line right after it (or on its own line). {} unless ten or more cells pair up that way."""
    found: dict[tuple[str, str], Row] = {}
    case = None
    for i, r in enumerate(rows):
        label = re.sub(r"\s+", "", r.label)
        if not label:
            continue
        c = match_label(label, CASE_KEYS) if not match_label(label, RESULT_KEYS) else None
        if c is not None and not _numbers(r):
            case = c
            continue
        res = match_label(label, RESULT_KEYS)
        if res is None or case is None:
            continue
        own = [v for v in r.values if v.raw.strip()]
        nxt = rows[i + 1] if i + 1 < len(rows) else None
        if len(own) == 1 and own[0].kind == "number":
            cell_row = Row(r.line_no, r.label, own, [], r.shape, r.raw)
        elif (not own and nxt is not None and not nxt.label and nxt.line_no <= r.line_no + 2
              and len([v for v in nxt.values if v.raw.strip()]) == 1 and nxt.values[0].kind == "number"):
            cell_row = Row(nxt.line_no, "", [v for v in nxt.values if v.raw.strip()], [], nxt.shape, nxt.raw)
        else:
            continue
        if (case, res) in found:
            return {}  # a result twice under one case: not this layout
        found[(case, res)] = cell_row
    return found if len(found) >= 10 else {}


def _numbers(r: Row) -> int:
    return sum(c.kind == "number" for c in r.values) + len(r.pre_values)


def _labelled_rows(rows: list[Row]) -> dict[str, Row]:
    """Rows labelled by case type with about five values each (the transposed layout)."""
    found: dict[str, Row] = {}
    for r in rows:
        if not (3 <= len([c for c in r.values if c.kind != "text"]) <= 6) or not _numbers(r):
            continue
        code = match_label(r.label, CASE_KEYS)
        if code == "admin_review" and ("起诉" in r.label):
            code = match_label(r.label.replace("行政复议", ""), CASE_KEYS)
        if code and code not in found:
            found[code] = r
    if "admin_review" not in found and found:
        # table 4 printed as two tables, 行政复议 above its own header and one unlabelled number row
        # (表4-1), then the two litigation rows (表4-2): the one such row under a 行政复议 caption
        first = min(found.values(), key=lambda r: r.line_no).line_no
        caption = next((r.line_no for r in rows if "行政复议" in r.label and "诉讼" not in r.label
                        and not _numbers(r) and r.line_no < first), None)
        lone = [r for r in rows if caption is not None and caption < r.line_no < first and _numbers(r)
                and 3 <= len([c for c in r.values if c.kind != "text"]) <= 6
                and (not r.label or _only_header_words(r.label))]
        if len(lone) == 1:
            found["admin_review"] = lone[0]
    return found if len(found) >= 2 else {}


def _data_cells(rows: list[Row]) -> list[Cell | None] | None:
    """The 15 data cells: one row (short rows lost cells on the left; glued digits are split only
    where the group sums leave one reading per cell), or unlabelled number rows adding up to 15."""
    for r in without_check_cells(rows, WIDTH):
        if (r.label and not _only_header_words(r.label) and not _remark_after(r)) or not any(
                c.kind == "number" for c in r.values):
            continue
        filled = [c for c in r.values if c.raw.strip()]
        if r.shape == "plain" and len(filled) == 1 and is_glued(filled[0].raw, WIDTH):
            return _glued(filled[0].raw)
        if len(r.values) >= WIDTH - 5:
            fitted, note = fit_values(r.values, WIDTH)
            if note and "lost" in note:
                # plain text loses empty cells anywhere: keep only what every fitting placement agrees on
                return _agreed_placement([c for c in fitted if c is not None])
            return fitted
    run: list[Cell] = []
    for r in rows:
        if not r.label and r.values and all(c.kind == "number" for c in r.values if c.raw.strip()):
            run += [c for c in r.values if c.raw.strip()]
            if len(run) == WIDTH:
                return run
        elif run:
            run = []
    return None


def _remark_after(r: Row) -> bool:
    """A grid line of the fifteen cells with words after them (a 备注 column: `2 1 0 1 4 … 0 行政复议含…`):
    the words are the remark, not a label."""
    if r.shape not in ("tsv", "pipe"):
        return False
    cells = [c for c in split_cells(r.raw)[0]]
    while cells and not cells[-1].strip():
        cells.pop()
    parsed = [parse_cell(c) for c in cells]
    k = next((i for i, c in enumerate(parsed) if c.kind == "text"), len(parsed))
    return k == WIDTH and all(c.kind == "text" for c in parsed[k:]) and any(c.kind == "number" for c in parsed[:k])


# Header cells of a table-4 grid, whole (spaces removed): a case type, the 行政诉讼 parent, or a result.
_GRID_CASE = {"行政复议": "admin_review", "未经复议直接起诉": "litigation_direct", "直接起诉": "litigation_direct",
              "复议后起诉": "litigation_after_review", "经复议后起诉": "litigation_after_review",
              "行政诉讼": None}
_GRID_RESULT = {"结果维持": "upheld", "维持": "upheld", "结果纠正": "corrected", "纠正": "corrected",
                "其他结果": "other", "其他": "other", "尚未审结": "pending", "未审结": "pending",
                "总计": "total", "合计": "total"}


def _under_headers(rows: list[Row], report_year: int | None = None) -> tuple[list[Cell | None], dict[int, Row]] | None:
    """Table 4's cells placed by the grid header cells above them (TSV or pipe lines only).

    Each header line names, per grid column, a case type (行政复议 / 未经复议直接起诉 / 复议后起诉; 行政诉讼
    only clears) or a result; a merged header cell's text sits in its first column and covers the
    columns up to the next filled cell of its line. A case cell clears the results under it. A
    line of numbers and blanks only is a value line: each filled cell must stand exactly in the
    first column of a result header with a case type above it, and no cell may be read twice; an
    empty cell there is a printed blank. Anything else (a number in no header's column, a cell read
    on two lines) and None is returned: nothing is shifted or guessed. Cells never read stay None.

    A header cell that names no case or result (其中：责令重新答复, 年度) heads a column of another kind:
    what is printed under it is not a cell of the form. A value line whose one word is a year
    (`2020年`, a table printing two years' rows) is read only when it is the report's year.
    """
    case: dict[int, str | None] = {}
    other: set[int] = set()  # columns headed by something that is not a case or result
    result: dict[int, tuple[str, int]] = {}  # column -> (result, first column of its header cell)
    got: dict[tuple[str, str], Cell] = {}
    where: dict[int, Row] = {}
    orphans = 0  # numbers under a sum column the report adds (no case type above its result)
    above: dict[int, int] = {}  # column -> where the header cell over it (on the line above) ends
    by_line: dict[int, list[Row]] = {}
    for r in rows:
        by_line.setdefault(r.line_no, []).append(r)
    # a header line's last merged cell covers the grid to its right edge (text drops trailing empties)
    grid_width = max((len(split_cells(r.raw)[0]) for r in rows if r.shape in ("tsv", "pipe")), default=0)
    for line_rows in by_line.values():
        r = line_rows[0]
        if r.shape not in ("tsv", "pipe"):
            continue
        raw, _ = split_cells(r.raw)
        names = [re.sub(r"\s+", "", c) for c in raw]
        cells = [parse_cell(c) for c in raw]
        if any(c.kind == "number" for c in cells):
            above = {}  # the next header line heads another table (表4-2 under 表4-1's numbers)
            words = [i for i, c in enumerate(cells) if c.kind == "text"]
            if words and all(i in other for i in words) and report_year is not None and all(
                    _year_of(raw[i]) is not None for i in words):
                if {_year_of(raw[i]) for i in words} != {report_year}:
                    continue  # another year's row
                words = []
            if not result or len(line_rows) > 1 or words:
                continue  # before any header, or a labelled row (table 3 in the same grid)
            for i, c in enumerate(cells):
                if i in other:
                    continue
                res = result.get(i)
                at_start = res is not None and res[1] == i and case.get(i) is not None
                if not raw[i].strip():
                    if at_start:
                        if (case[i], res[0]) in got:
                            return None
                        got[(case[i], res[0])] = c  # an empty printed cell
                    continue
                if not at_start:
                    if res is not None and res[1] == i and case.get(i) is None:
                        orphans += 1  # under a result with no case above it: a 合计 / 行政诉讼合计 the report adds
                        continue
                    return None
                key = (case[i], res[0])
                if key in got:
                    return None
                got[key] = c
                where[id(c)] = r
            continue
        heads = [(i, n) for i, n in enumerate(names) if n in _GRID_CASE or n in _GRID_RESULT]
        if not heads:
            continue
        first, last = heads[0][0], heads[-1][0]
        for i, n in enumerate(names):
            # a column of another kind: a sub-column among the form's own (其中：责令重新答复), or the
            # year of a row (年度); words of another table sharing the grid are neither
            if n and n not in _GRID_CASE and n not in _GRID_RESULT and (
                    (len(heads) >= 2 and first < i < last) or _YEAR_HEADER.fullmatch(n)
                    or (len(heads) >= 2 and i > last and _SUM_HEADER.search(n))):
                other.add(i)
                result.pop(i, None)
        filled = [i for i, n in enumerate(names) if n] + [max(len(names), grid_width)]
        # a merged cell covers the grid to the next filled cell of its line, but never past the cell
        # above it (复议后起诉 under 行政诉讼 stops where a 合计 column beside 行政诉讼 starts)
        ends = {i: min(next(j for j in filled if j > i), above.get(i, 10**6)) for i in filled[:-1]}
        above = {col: end for i, end in ends.items() for col in range(i, max(end, i + 1))}
        for i, n in heads:
            end = ends[i]
            for col in range(i, max(end, i + 1)):
                if n in _GRID_CASE:
                    case[col] = _GRID_CASE[n]
                    result.pop(col, None)
                else:
                    result[col] = (_GRID_RESULT[n], i)
    if not any(c.raw.strip() for c in got.values()):
        return None
    if orphans and len(got) < WIDTH:
        return None  # numbers outside the form's cells, and the form's cells not all placed: not read
    cells_out = [got.get((c, res)) for c in CASE_TYPE_CODES for res in REVIEW_RESULT_CODES]
    return cells_out, where


_YEAR_HEADER = re.compile(r"年度|年份|年")
# a column the report adds after the form's, summing it (复议诉讼合计, 行政诉讼总计)
_SUM_HEADER = re.compile(r"合计|总计|小计|总数")
_YEAR_LABEL = re.compile(r"((?:19|20)\d{2})\s*年?度?")


def _year_of(cell: str) -> int | None:
    m = _YEAR_LABEL.fullmatch(cell.strip())
    return int(m.group(1)) if m else None


_HEADER_TERMS = re.compile(r"四、|政府信息公开|行政复议|行政诉讼|未经复议直接起诉|复议后起诉|结果|维持|纠正|其他|尚未|审结|总计|情况|[、()\s]")


def _only_header_words(label: str) -> bool:
    """A label made only of table-4 header words (crawler text glues the header to the data row)."""
    return not _HEADER_TERMS.sub("", label)


def _total_first(rows: list[list[Cell | None]]) -> bool:
    """True when the complete rows add up only with 总计 printed first (and not with it last)."""
    complete = [[c.value for c in r] for r in rows if all(c is not None and c.kind == "number" for c in r)]
    nonzero = [r for r in complete if any(r)]
    if not nonzero:
        return False
    last_ok = all(abs(sum(r[:4]) - r[4]) < 1e-9 for r in nonzero)
    first_ok = all(abs(sum(r[1:]) - r[0]) < 1e-9 for r in nonzero)
    return first_ok and not last_ok


def _groups_feasible(cells: list[Cell | None]) -> bool:
    """Whether each group's known results can still add up to its known total (counts ≥ 0)."""
    for g in range(3):
        grp = cells[g * 5 : g * 5 + 5]
        vals = [c.value if c is not None and c.kind == "number" else None for c in grp]
        if vals[4] is None:
            continue
        known = sum(v for v in vals[:4] if v is not None)
        if (all(v is not None for v in vals[:4]) and known != vals[4]) or known > vals[4]:
            return False
    return True


def _agreed_placement(kept: list[Cell]) -> list[Cell | None]:
    """Cells that sit in the same column in every placement that keeps the group sums possible."""
    options = [tuple(None if c is None else (c.raw, c.kind, c.value) for c in row)
               for row in placements(kept, WIDTH) if _groups_feasible(row)]
    agreed = agreement(options)
    return [None if a is None else Cell(a[0], a[1], a[2]) for a in agreed] if options else [None] * WIDTH


def _glued(token: str) -> list[Cell | None]:
    """Read glued table-4 digits; a cell on which the surviving readings differ is lost (None)."""
    found = [rd for rd in (readings(token, WIDTH) or [])
             if all(rd[g * 5 + 4] == sum(rd[g * 5 : g * 5 + 4]) for g in range(3))]
    return [None if v is None else Cell(str(int(v)), "number", v) for v in agreement(found)] if found else [None] * WIDTH
