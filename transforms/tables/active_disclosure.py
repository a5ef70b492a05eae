"""Table 2 (主动公开政府信息情况): disclosure items × metrics, both templates, in long form."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from rapidfuzz.distance import OSA

from transforms.tables.common import Finding, ParsedCell, TableParse, at_lines, match_label, unreadable_cells
from transforms.tables.glue import agreement, is_glued, placements, readings
from transforms.tables.grid import Cell, Row, parse_cell, rows_of, split_cells

ITEM_KEYS = {
    "rules": ("规章",),
    "normative_documents": ("规范性文件",),
    "admin_licensing": ("行政许可",),
    "other_admin_services": ("其他对外管理服务事项", "对外管理服务"),
    "admin_penalty": ("行政处罚",),
    "admin_coercion": ("行政强制",),
    "admin_fees": ("行政事业性收费", "事业性收费"),
    "centralized_procurement": ("政府集中采购", "集中采购"),
}
# An item cell that prints only the last word of the form's label (许可 for 行政许可): read only when
# that word is the whole cell (after its numbering), since the words occur in headers and prose.
SHORT_ITEMS = {"许可": "admin_licensing", "处罚": "admin_penalty", "强制": "admin_coercion",
               "收费": "admin_fees", "采购": "centralized_procurement", "集采": "centralized_procurement"}
_ITEM_NUMBERING = re.compile(r"^(?:[(（]?[一二三四五六七八九十\d]{1,2}[)）.、．]?)?|[:：]$")


def item_code(label: str) -> str | None:
    """The table-2 item a row label names."""
    return match_label(label, ITEM_KEYS) or SHORT_ITEMS.get(_ITEM_NUMBERING.sub("", re.sub(r"\s+", "", label)))


# Words that tie a prose clause to an item (for choosing among readings of glued digits).
PROSE_KEYS = ITEM_KEYS
# Header words per metric, including the OCR forms seen in PDF text (増/滅).
METRIC_KEYS = {
    "new_made": ("新制作",),
    "new_published": ("新公开",),
    "total_published": ("对外公开总", "公开总数"),
    "prev_year_items": ("上一年项目", "上一年", "上年项目"),
    "change": ("增/减", "增减", "増/减", "増/滅", "增/滅", "本年增", "本年増"),
    "decisions": ("处理决定", "决定数"),
    "procurement_items": ("采购项目", "项目数"),
    "procurement_amount_wan_yuan": ("采购总金额", "总金额"),
    "issued": ("制发件数", "本年制发"),
    "repealed": ("废止件数", "本年废止"),
    "in_force": ("现行有效",),
    "fee_amount_wan_yuan": ("收费金额",),
}
TEMPLATE_METRICS = {
    "2019": {
        "rules": ["new_made", "new_published", "total_published"],
        "normative_documents": ["new_made", "new_published", "total_published"],
        "admin_licensing": ["prev_year_items", "change", "decisions"],
        "other_admin_services": ["prev_year_items", "change", "decisions"],
        "admin_penalty": ["prev_year_items", "change", "decisions"],
        "admin_coercion": ["prev_year_items", "change", "decisions"],
        "admin_fees": ["prev_year_items", "change"],
        "centralized_procurement": ["procurement_items", "procurement_amount_wan_yuan"],
    },
    "2021": {
        "rules": ["issued", "repealed", "in_force"],
        "normative_documents": ["issued", "repealed", "in_force"],
        "admin_licensing": ["decisions"],
        "admin_penalty": ["decisions"],
        "admin_coercion": ["decisions"],
        "admin_fees": ["fee_amount_wan_yuan"],
    },
}
AMOUNT_METRICS = {"procurement_amount_wan_yuan", "fee_amount_wan_yuan"}
SIGNED_METRICS = {"change"}
_BLOCK = re.compile(r"第二十条")
_CITED_AFTER = re.compile(r"(?<=[\u4e00-\u9fff])[(（]\s*第二十条\s*第?\s*[(（]?[一二三四五六七八九十]{1,3}[)）]?\s*项\s*[)）]\s*$")


def header_unit(label: str) -> str | None:
    """The money unit a header prints for its amount column: 采购总金额(元) → '元'."""
    m = re.search(r"(?:金额|收费)[^\n]{0,6}?[(（]?(?:单位[:：])?\s*(亿元|万元|元)\s*[)）]?", re.sub(r"\s+", "", label))
    return m.group(1) if m else None


def header_metrics(label: str) -> list[str]:
    """Metric codes named in a header line, in the order they are printed."""
    return list(_header_metrics(label))


@lru_cache(maxsize=8192)
def _header_metrics(label: str) -> tuple[str, ...]:
    """`header_metrics`, memoised by label (the template's row labels recur in every report)."""
    hits = _exact_metrics(re.sub(r"\s+", "", label))
    if hits and (re.search(r"\s", label.strip())):
        # a header of separate cells, some of whose words a publisher mistyped (本年废上件数, 现行效有件数,
        # 采购总金): each cell that names no metric exactly is the form's header word one edit away, if any
        cells = label.split()
        fixed: list[str] = []
        for cell in cells:
            exact = _exact_metrics(cell)
            fixed += exact if exact else ([near] if (near := _near_header(cell)) else [])
        if len(fixed) > len(hits) and len(set(fixed)) == len(fixed) and [m for m in fixed if m in hits] == list(hits):
            return tuple(fixed)
    return hits


def _exact_metrics(compact: str) -> tuple[str, ...]:
    spans = sorted((compact.find(k), -len(k), code) for code, keys in METRIC_KEYS.items() for k in keys if k in compact)
    hits: list[str] = []
    end = 0
    for pos, neg_len, code in spans:
        # the longest key at each place wins, and a key inside it names nothing (上年项目数 is not 项目数)
        if pos >= end and code not in hits:
            hits.append(code)
        end = max(end, pos - neg_len)
    return tuple(hits)


# The form's header words in full (both templates), for cells a publisher mistyped.
_FULL_HEADERS = {"本年新制作数量": "new_made", "本年新公开数量": "new_published", "对外公开总数量": "total_published",
                 "上一年项目数量": "prev_year_items", "本年增/减": "change", "处理决定数量": "decisions",
                 "本年处理决定数量": "decisions", "采购项目数量": "procurement_items",
                 "采购总金额": "procurement_amount_wan_yuan", "本年制发件数": "issued", "本年废止件数": "repealed",
                 "现行有效件数": "in_force", "本年收费金额": "fee_amount_wan_yuan"}


def _near_header(cell: str) -> str | None:
    """The metric whose full header word is one edit (a character changed, lost, added, or two swapped) from
    the cell, when exactly one is; the cell's unit in brackets is no part of the word."""
    word = re.sub(r"[(（][^)）]{0,12}[)）]$", "", cell)
    if len(word) < 4 or not re.fullmatch(r"[\u4e00-\u9fff/]+", word):
        return None
    near = {code for full, code in _FULL_HEADERS.items() if OSA.distance(word, full, score_cutoff=1) <= 1}
    return near.pop() if len(near) == 1 else None


def _metric_columns(r: Row) -> dict[str, tuple[int, int]]:
    """A grid header line's metrics by the columns each spans: (first, last). A header cell repeated
    in the cells after it is one merged cell (docling repeats a span's text in every slot); {} unless
    each metric names one cell or one such run."""
    cols: dict[str, tuple[int, int]] = {}
    cells = split_cells(r.raw)[0]
    for j, c in enumerate(cells):
        for m in header_metrics(c) if c.strip() else ():
            if m in cols:
                first, last = cols[m]
                if last != j - 1 or cells[j].strip() != cells[first].strip():
                    return {}
                cols[m] = (first, j)
            else:
                cols[m] = (j, j)
    return cols


def _under_header_columns(r: Row, header_cols: dict[str, tuple[int, int]], metrics: list[str]) -> list[Cell] | None:
    """The row's cells in its header's columns, when every filled cell after the label stands in one:
    a metric's cell is the first of its span, and the span's other slots are empty or repeat it."""
    if not all(m in header_cols for m in metrics):
        return None
    cells = split_cells(r.raw)[0]
    first = next((j for j, c in enumerate(cells) if parse_cell(c).kind == "text"), None)
    if first is None:
        return None
    owner = {j: header_cols[m][0] for m in metrics for j in range(header_cols[m][0], header_cols[m][1] + 1)}
    for j, c in enumerate(cells):
        if j > first and c.strip() and (j not in owner or (owner[j] != j and c.strip() != cells[owner[j]].strip())):
            return None
    offset = len(cells) - len(r.values)  # the row's value cells are the line's last cells

    def cell(j: int) -> Cell:
        k = j - offset
        if 0 <= k < len(r.values) and r.values[k].raw == cells[j]:
            return r.values[k]  # the row's own cell (its line and page stay known)
        return parse_cell(cells[j] if j < len(cells) else "")
    return [cell(header_cols[m][0]) for m in metrics]


def _by_header(header: list[str], item: str | None, layout: dict, other_layout: dict, plain: bool) -> bool:
    """Whether a row is read by its block's header rather than by the report's form: the header names
    columns of the other form for this item (本年新制作数量 / 本年新公开数量 / 对外公开总数量 in a 2021 report,
    a 2021 本年收费金额 column after the 2019 fee columns, 其他对外管理服务事项 under 本年处理决定数量), so the
    cells mean what the header says. Plain text must print the other form's header whole (a split header
    loses columns); a 比上年增减 column without 上一年项目数量 is no 本年增/减 of the item count."""
    if not header or item is None:
        return False
    own, oth = set(layout.get(item, [])), set(other_layout.get(item, []))
    if set(header) <= own or not set(header) <= own | oth:
        return False
    if "change" in header and "prev_year_items" not in header:
        return False
    return not plain or set(header) == oth


def _item_captions(grid_rows) -> set[int]:
    """Rows that are a block's caption naming its items (`第二十条第（六）项 行政处罚、行政强制`, no numbers),
    when the block prints a row of its own for one of those items before the next caption: the
    caption is no item row (read as one, it would take the item and its real row would be lost)."""
    out: set[int] = set()
    for n, r in enumerate(grid_rows):
        if "第二十条" not in r.label or any(c.raw.strip() for c in r.values):
            continue
        block = None
        for block in _BLOCK.finditer(r.label):
            pass
        named = item_code(r.label[block.end():])
        if named is None:
            continue
        for later in grid_rows[n + 1:]:
            if "第二十条" in later.label:
                break
            if later.label and item_code(later.label) == named:
                out.add(n)
                break
    return out


def parse_disclosure_table(text: str, template: str, prose: str = "") -> TableParse:
    """Parse table 2: rows by item label, columns by the block header (else template order).

    A label printed apart from its numbers (PDF text, broken markdown) takes the value rows that
    follow it; short or glued rows are read in every possible way and only cells on which all
    surviving readings agree are kept.
    """
    out = TableParse()
    layout = TEMPLATE_METRICS.get(template, TEMPLATE_METRICS["2019"])
    # the other form's blocks, printed in a report of this form (publishers mixed them): read by their header
    other_layout = TEMPLATE_METRICS["2021" if layout is TEMPLATE_METRICS["2019"] else "2019"]
    header: list[str] = []
    header_open = False
    unit: str | None = None  # money unit printed in the current block's header
    rows: dict[str, tuple[list[str], list[Cell], str]] = {}
    units: dict[str, str | None] = {}
    pending: list[str] = []  # item labels waiting for their numbers, in print order
    waits: list[list[str]] = []  # runs of several labels that waited for numbers together
    pending_values: list[Cell] = []
    in_table = False  # a block marker, a header or an item row seen
    column: dict | None = None  # a block printed column by column: its items, current metric, next slot
    foreign: set[str] = set()  # items read from a block whose header names another form's columns
    header_cols: dict[str, tuple[int, int]] = {}  # the grid columns each metric the block's header names spans
    # 信息内容 printed after the block's column headers: the block was read right to left, one cell per line,
    # so each row's numbers come before its label and a label with no numbers before it is a blank row
    labels_last = False
    grid_rows = rows_of(text)
    captions = _item_captions(grid_rows)
    for n, r in enumerate(grid_rows):
        if n in captions:
            continue  # `（三）第二十条第（六）项 行政处罚、行政强制` over the block: a caption, its items' rows follow
        has_values = any(c.kind in ("number", "text") or c.raw.strip() for c in r.values)
        block = None
        # an item that names its article after itself (`规范性文件（第二十条第（一）项）`): an item row, no block marker
        row_label = _CITED_AFTER.sub("", r.label) if "第二十条" in r.label else r.label
        for block in _BLOCK.finditer(row_label):  # the last marker: glued text may hold an empty block before it
            pass
        label = row_label[block.end():] if block else row_label  # 第二十条第(一)项 is a block marker, not an item
        if block:
            header, header_open, pending, unit = [], True, [], None
            pending_values, in_table = [], True
            header_cols, labels_last = {}, False
        hm = header_metrics(label) if label else []
        item = item_code(label) if label else None
        if block or item is not None:
            column = None  # a block marker or an item label ends a column printed under its labels
        if hm and item is None and len(hm) == 1 and (
                column is not None or len(pending) > 1 and not any(c.raw.strip() for q in pending for c in rows[q][1])):
            # the block printed column by column (PDF text in reading order of a grid's columns): its
            # labels, then each header followed by one number per label (on its line or the next)
            if column is None:
                column, pending = {"items": list(pending), "metric": None, "next": 0}, []
            column["metric"], column["next"] = hm[0], 0
            for v in (c for c in r.values if c.raw.strip()):
                _put_in_column(rows, column, v)
            continue
        if column is not None and column["metric"] and item is None and has_values:
            for v in (c for c in r.values if c.raw.strip()):
                _put_in_column(rows, column, v)
            continue
        if hm and item is None:
            if not header_open:
                pending_values = []  # numbers above a label belong to its block, after the block's header
            in_table = True
            header = header + [m for m in hm if m not in header] if header_open else hm  # a header reprinted after a page break
            header_cols = _metric_columns(r) if r.shape != "plain" else {}
            unit = header_unit(label) or (unit if header_open else None)
            header_open = True
            continue
        if hm and (has_values or item is not None):
            header = hm  # crawler text flattens a block's header and first row into one segment
        if block and item is None and not has_values:
            continue
        if item is None and not has_values:
            if header_open and header and re.sub(r"\s+", "", label) == "信息内容":
                labels_last = True
            continue  # stray words of a header split over lines (件数), page furniture
        header_open = False
        foreign_form = bool(header) and item in layout and not set(header) <= set(layout.get(item, []))
        other_form = _by_header(header, item, layout, other_layout, r.shape == "plain")
        if item is not None and item in layout and item in rows and item in foreign and not foreign_form:
            # the same item again, under a header of this report's form: the first row was printed in
            # a block of the other form (both tables 2 printed, 2019 and 2021), so this one counts
            del rows[item]
            foreign.discard(item)
        if item is not None and (item in layout or other_form) and item not in rows:
            if foreign_form or other_form:
                foreign.add(item)
            # a header naming fewer columns than the form is trusted only in a real grid: in plain
            # text a split header ('本年增 / 减' cut at '/') loses columns, and a glued row read at the
            # wrong width gives one wrong number instead of several right ones
            if other_form:
                metrics = list(header)
            else:
                metrics = (header if header and set(header) <= set(layout[item])
                           and (r.shape != "plain" or set(header) == set(layout[item])) else layout[item])
            units[item] = unit
            if has_values:
                vals = list(r.values)
                own = metrics if other_form else layout[item]
                filled = [c for c in vals if c.raw.strip()]
                if (r.shape != "plain" and header and len(header) > len(own) and header[:len(own)] == own
                        and len(filled) == len(header)):
                    # the header names a column after the form's (比上年增减 under the 2021 form): one
                    # cell per header column, the form's first
                    vals = filled[:len(own)]
                elif (r.shape != "plain" and header_cols and len(metrics) < len(vals)
                      and (len(filled) > len(metrics) or any(not c.raw.strip() for c in vals[:len(filled)]))):
                    # a merged cell's text in the middle of its span (a cell list of a grid), or
                    # repeated in every slot of it (docling): the cells are read in the header's columns
                    vals = _under_header_columns(r, header_cols, metrics) or vals
                rows[item] = (metrics, vals, r.shape)
                pending = []
            elif pending_values:
                rows[item] = (metrics, pending_values, "plain")
                pending_values, pending = [], []
            elif labels_last:
                rows[item] = (metrics, [], "plain")  # no numbers before it: printed blank
                pending = []
            else:
                rows[item] = (metrics, list(r.values), r.shape)  # explicit blanks, or numbers on the next lines
                # labels printed one after another, then their numbers (PDF text in block order:
                # 行政处罚 / 行政强制 / 57 / 0): each label takes its share of the numbers, in order
                waiting = pending and not any(c.raw.strip() for q in pending for c in rows[q][1])
                pending = pending + [item] if waiting else [item]
        elif item is None and has_values:
            vals = [c for c in r.values if c.raw.strip()]
            if pending:
                if len(pending) >= 2 and not any(c.raw.strip() for c in rows[pending[0]][1]):
                    waits.append(list(pending))  # several labels, then numbers: shared in order
                _fill_waiting(rows, pending, vals, "plain" if r.shape == "plain" else r.shape)
            elif in_table:
                # numbers printed above their label (PDF text); never numbers from before the table's
                # first block or header (a crawler's `发布时间: 2020-03-25 09:30` when no section was found)
                pending_values += vals
        if item is not None:
            in_table = True
    for group in waits:
        # labels printed one after another and then too few numbers for all of them: a row with every
        # cell blank prints nothing, so which label the numbers follow is not known (规章 / 行政规范性文件
        # / 9 / 2 / 61 is 规章 blank, or 行政规范性文件's cells lost): none is guessed
        got = sum(1 for q in group for c in rows[q][1] if c.raw.strip())
        widths = {len(rows[q][0]) for q in group}
        seq = [c for q in group for c in rows[q][1]]
        if (len(widths) == 1 and min(widths) >= 2 and len(seq) == len(group) * min(widths)
                and all(c.kind == "number" for c in seq) and any(seq[k * len(group) + i].raw != seq[i * min(widths) + k].raw
                        for i in range(len(group)) for k in range(min(widths)))):
            # every label has its numbers, but a block read column by column (each column's numbers down
            # the labels) puts them in another order than one read row by row, and the text does not say which
            # (a blank mark among them shows the rows: `/ / / 3 1 19` is a blank row, then a full one)
            for q in group:
                rows[q] = (rows[q][0], [], rows[q][2])
            out.findings.append(Finding("rows_pairing_ambiguous", "warning",
                                        f"table 2 rows {', '.join(group)}: printed one after another, then their "
                                        f"{len(seq)} numbers, which read differently row by row and column by column; "
                                        "left null"))
            continue
        if 0 < got < sum(len(rows[q][0]) for q in group):
            for q in group:
                rows[q] = (rows[q][0], [], rows[q][2])
            out.findings.append(Finding("rows_pairing_ambiguous", "warning",
                                        f"table 2 rows {', '.join(group)}: printed one after another with {got} numbers "
                                        "after them, too few for all; which row they belong to is not known, left null"))
    row_of = {id(c): r for r in grid_rows for c in r.values}  # the row each printed cell sits in
    blanks_dropped = _prints_blanks_as_nothing(rows.values())
    zeros_printed = _prints_empty_rows_as_zeros(rows.values())
    for item, (metrics, vals, shape) in rows.items():
        _assign(out, item, metrics, [_with_unit(c, units.get(item)) for c in vals], shape, prose, blanks_dropped,
                zeros_printed)
        if vals and all(id(c) in row_of for c in vals):
            at_lines([out.cells[(item, m)] for m in metrics], *{id(row_of[id(c)]): row_of[id(c)] for c in vals}.values())
    out.findings += sanity_findings(out.cells)
    if len(rows) >= 2:
        out.found = True
        for item, metrics in layout.items():
            for m in metrics:
                out.cells.setdefault((item, m), ParsedCell(None, "missing"))
            if item not in rows:
                out.findings.append(Finding("row_missing", "warning", f"table 2 row {item} not found"))
    else:
        out.cells.clear()
    return out


def _put_in_column(rows: dict, column: dict, v: Cell) -> None:
    """One number of a block printed column by column: the next item's cell of the current metric
    (positions kept, blanks for cells not printed). Numbers beyond the items make the column unreadable."""
    items, metric = column["items"], column["metric"]
    k = column["next"]
    column["next"] += 1
    if k >= len(items):
        for it in items:  # more numbers than labels: which belongs where is unknown
            metrics, got, _ = rows[it]
            if metric in metrics:
                got[metrics.index(metric)] = Cell("?", "text")
        return
    metrics, got, _ = rows[items[k]]
    if metric not in metrics:
        return
    got = list(got) + [Cell("", "blank")] * (len(metrics) - len(got))
    got = [g if g.raw.strip() or g.kind != "text" else Cell("", "blank") for g in got[: len(metrics)]]
    got[metrics.index(metric)] = v
    rows[items[k]] = (metrics, got, "tsv")


def _fill_waiting(rows: dict, pending: list[str], vals: list[Cell], shape: str) -> None:
    """Give numbers to the labels waiting for them (in place). One label takes whole lines until it
    has a cell per metric; several (printed one after another, then their numbers) take theirs in
    order, and numbers beyond the last label's share stay with it, so its row reads as too long."""
    last = pending[0]
    for k, v in enumerate(vals):
        last = pending[0]
        metrics, got, _ = rows[last]
        rows[last] = (metrics, [c for c in got if c.raw.strip()] + [v], shape)
        if len(rows[last][1]) >= len(metrics) and (len(pending) > 1 or k == len(vals) - 1):
            pending.pop(0)
            if not pending:
                rest = vals[k + 1:]
                if rest:
                    rows[last] = (rows[last][0], rows[last][1] + rest, shape)
                return


def _prints_blanks_as_nothing(rows) -> bool:
    """Whether the table's plain-text rows show that a blank cell prints as nothing: a row of two or
    more columns with one number too short to hold them all (`行政处罚 5` under three columns), or
    with several numbers, but fewer than its columns (`规范性文件 1 4`). A glued row then cannot be
    split as if every cell were there (`213` may be 213 with two blanks, or 2 | 1 | 3). So does a row
    whose two or more cells each print on their own (`154 -2 1204`): the table parts its cells, and a
    row of one run (`行政事业性收费 35`) is one cell and blanks, or glued; which is not printed, unless
    a row that could have been left blank prints its zeros (`规章 0 0 0`): that table fills its cells."""
    spaced = single = zeros = False
    for metrics, vals, shape in rows:
        filled = [c for c in vals if c.raw.strip()]
        if shape != "plain" or len(metrics) < 2 or not filled:
            continue
        if len(filled) >= len(metrics):
            spaced = spaced or all(c.kind == "number" for c in filled)
            zeros = zeros or all(c.raw.strip() == "0" for c in filled)
            continue
        if len(filled) > 1 or (filled[0].kind == "number" and not is_glued(filled[0].raw, len(metrics))):
            return True
        single = True
    return spaced and single and not zeros


def _prints_empty_rows_as_zeros(rows) -> bool:
    """Whether a glued plain row prints one zero per column (`规章000`): the table writes 0 in cells a
    report may leave blank, so a glued run is not read as a shorter one with a blank after it."""
    for metrics, vals, shape in rows:
        filled = [c for c in vals if c.raw.strip()]
        if shape == "plain" and len(metrics) >= 2 and len(filled) == 1 and filled[0].raw.strip() == "0" * len(metrics):
            return True
        if len(metrics) >= 2 and len(filled) == len(metrics) and all(c.raw.strip() == "0" for c in filled):
            return True  # an empty row printed 0 0 0, cell by cell
    return False


def _assign(out: TableParse, item: str, metrics: list[str], vals: list[Cell], shape: str, prose: str,
            blanks_dropped: bool = False, zeros_printed: bool = False) -> None:
    """Read one item row into its metric cells, choosing among readings only with evidence."""
    filled = [c for c in vals if c.raw.strip()]
    if (blanks_dropped and shape == "plain" and len(metrics) > 1 and len(filled) == 1
            and is_glued(filled[0].raw, len(metrics))):
        out.findings.append(Finding("glued_blanks_dropped", "warning",
                                    f"table 2 row {item}: one number run for {len(metrics)} columns in a table that "
                                    "prints blank cells as nothing; it may be one cell or several glued, left null"))
        for m in metrics:
            out.cells[(item, m)] = ParsedCell(None, "missing")
        return
    cands = _candidates(metrics, vals, shape, trailing_blank=not zeros_printed)
    nums = [c for c in filled if c.kind == "number"]
    if not cands and len(filled) > len(metrics) == len(nums) and all(c.kind == "blank" for c in filled if c.kind != "number"):
        # more cells than columns, the extra ones blank marks: a space-aligned block whose header the
        # aligner split into more columns than it has (`行政许可412 减18 - - 9634`); one number per column
        cands = _candidates(metrics, nums, shape)
    if not cands:
        out.findings.append(Finding("row_unreadable", "warning", f"table 2 row {item}: {len(vals)} values for {len(metrics)} columns"))
        cands = [tuple(ParsedCell(None, "missing") for _ in metrics)]
    if len(cands) > 1:
        cands = _best_supported(cands, item, prose)
        if len(cands) > 1:
            out.findings.append(Finding("ambiguous_row", "warning",
                                        f"table 2 row {item}: {len(cands)} readings survive; differing cells left null"))
    if len(cands) == 1 and len(vals) == len(metrics):
        out.findings += unreadable_cells("table 2", item, vals, cands[0])
    agreed = agreement([tuple((c.value, c.source) for c in cand) for cand in cands])
    for m, a in zip(metrics, agreed):
        out.cells[(item, m)] = ParsedCell(*a) if a is not None else ParsedCell(None, "missing")


def _candidates(metrics: list[str], vals: list[Cell], shape: str,
                trailing_blank: bool = True) -> list[tuple[ParsedCell, ...]]:
    """Every reading of a row's cells as its metrics that the cell contents allow."""
    signed = frozenset(i for i, m in enumerate(metrics) if m in SIGNED_METRICS)
    decimal = frozenset(i for i, m in enumerate(metrics) if m in AMOUNT_METRICS)
    filled = [c for c in vals if c.raw.strip()]
    glued = _GLUED_UNIT.fullmatch(filled[0].raw.strip()) if len(filled) == 1 else None
    if glued and len(metrics) > 1 and is_glued(glued.group(1), len(metrics)) and shape == "plain":
        # a unit glued to the run (1421.2亿元) belongs to its last cell, which must be an amount
        digits, unit = glued.group(1), glued.group(2)
        if unit and metrics[-1] not in AMOUNT_METRICS:
            return []
        found = readings(digits, len(metrics), signed, decimal, dash_blank=True) or []
        if trailing_blank and (metrics[-1] in SIGNED_METRICS or metrics[-1] == "decisions") and found:
            # a last 增/减 cell left blank prints nothing (`行政事业性收费35`: 35 and a blank, or 3 | +5), nor does
            # a blank 处理决定数量 (`其他对外管理服务事项230`: 23 | 0 and a blank, or 2 | 3 | 0)
            found += [rd + (None,) for rd in readings(digits, len(metrics) - 1, signed - {len(metrics) - 1}, decimal,
                                                      dash_blank=True) or []]
        source = "printed" if len(found) == 1 else "derived"  # a split chosen by evidence, not read off the page
        cands = [tuple(_glued_cell(v, source, unit if i == len(rd) - 1 else None, m)
                       for i, (v, m) in enumerate(zip(rd, metrics))) for rd in found]
        return cands + _dash_or_sign(found, signed, len(metrics), source)

    while vals and len(vals) > len(metrics) and not vals[-1].raw.strip():
        vals = vals[:-1]
    if len(metrics) == 1 and len(filled) > 1 and len({c.raw.strip() for c in filled}) == 1:
        vals = filled[:1]  # one merged cell whose text an exporter repeated in every slot it covers
    if len(vals) < len(metrics) and shape != "plain":
        vals = [c for c in vals if c.raw.strip()] if len(filled) < len(vals) else vals
    if len(vals) == len(metrics):
        if all(_fits(c, m, short=False) for c, m in zip(vals, metrics) if c.kind == "number"):
            return [tuple(_value_cell(c, m) for c, m in zip(vals, metrics))]
        vals = filled  # a cell in the wrong column (an amount under 采购项目数量): positions are unreliable
    if len(vals) > len(metrics):
        return []
    return [tuple(_value_cell(c, m) for c, m in zip(row, metrics)) for row in placements(vals, len(metrics))
            if all(_fits(c, m, short=True) for c, m in zip(row, metrics) if c is not None)]


def _dash_or_sign(found: list[tuple], signed: frozenset[int], width: int, source: str) -> list[tuple[ParsedCell, ...]]:
    """`412-6` read as 412 | - | 6 (a dash for the blank 增/减 cell) may as well be 412 | -6 with the
    last cell printed as nothing, as glued text prints blanks: for each reading with a dash in a
    signed column followed by a number, a reading that leaves that column and every one after it
    unknown, so only the cells before it are kept."""
    out = []
    for rd in found:
        i = next((i for i in signed if i + 1 < width and rd[i] is None and rd[i + 1] is not None), None)
        if i is not None:
            out.append(tuple(ParsedCell(v, source) if j < i else ParsedCell(None, "missing")
                             for j, v in enumerate(rd)))
    return out


_GLUED_UNIT = re.compile(r"(.*?\d)(亿元|万元|元)?")


def _glued_cell(v: float | None, source: str, unit: str | None, metric: str) -> ParsedCell:
    """One cell of a glued reading; a glued unit converts the amount like a printed one."""
    if v is None:
        return ParsedCell(None, "blank")
    if unit:
        p = _value_cell(Cell(str(v), "number", v, unit), metric)
        return ParsedCell(p.value, source) if p.value is not None else p
    return ParsedCell(v, source)


def _fits(c: Cell, metric: str, short: bool) -> bool:
    """Whether a cell can sit in a metric's column: money units in amounts, signed words in 增/减."""
    signed = c.raw.strip().startswith(("减", "增", "-", "+"))
    if c.kind == "number" and c.unit and _printed_unit(c):
        return metric in AMOUNT_METRICS
    if signed:
        return metric in SIGNED_METRICS
    return True


def _best_supported(cands: list[tuple], item: str, prose: str) -> list[tuple]:
    """The readings with the most values restated in prose clauses about the item, if one stands out."""
    numbers = Counter(_prose_numbers(item, prose))
    if not numbers:
        return cands
    scored = []
    for cand in cands:
        left = numbers.copy()
        hits = 0
        for c in cand:
            if c.value and left[c.value] > 0:
                left[c.value] -= 1
                hits += 1
        scored.append(hits)
    best = max(scored)
    top = [c for c, s in zip(cands, scored) if s == best]
    return top if best > 0 else cands


def _prose_numbers(item: str, prose: str) -> list[float]:
    """Numbers in prose clauses that name the item (规范性文件45件 → 45)."""
    out = []
    clauses = re.split(r"[。;,，；、\n]", prose)
    for i, clause in enumerate(clauses):
        if any(k in clause for k in PROSE_KEYS[item]):
            out += _stated_numbers(clause)
            nxt = clauses[i + 1] if i + 1 < len(clauses) else ""
            if item == "centralized_procurement" and re.match(r"(?:采购)?(?:总)?金额", nxt):
                out += _stated_numbers(nxt)  # …27个,采购金额863.45万元
    return out


def _stated_numbers(clause: str) -> list[float]:
    """Numbers a sentence states with a unit (2841件, 863.45万元); a bare digit run is a table row."""
    return [float(x) for x in re.findall(r"(?<![\d.])(\d+(?:\.\d+)?)(?=[件项个条次万元亿人家])", clause)]


def _with_unit(c: Cell, unit: str | None) -> Cell:
    """A bare number under a header that prints its unit (金额(元)) carries that unit."""
    if unit and unit != "万元" and c.kind == "number" and c.unit is None:
        return Cell(c.raw, c.kind, c.value, unit)
    return c


def _value_cell(c: Cell | None, metric: str) -> ParsedCell:
    if c is None or c.kind == "text":
        return ParsedCell(None, "missing")
    if c.kind == "blank":
        return ParsedCell(None, "blank")
    v = c.value
    if metric in AMOUNT_METRICS:
        if c.unit == "元":
            v = round(v / 10000, 6)  # the contract stores amounts in 万元
        elif c.unit == "亿元":
            v = round(v * 10000, 6)
        return ParsedCell(v, "printed") if v >= 0 else ParsedCell(None, "missing")
    if (c.unit and _printed_unit(c)) or v != int(v) or (v < 0 and metric not in SIGNED_METRICS):
        return ParsedCell(None, "missing")
    return ParsedCell(v, "printed")


def _printed_unit(c: Cell) -> bool:
    """Whether a cell's money unit is printed in the cell itself (3456789.12元), not only in its block's
    header (采购总金额(元)), which names the unit of the amount column alone."""
    return bool(c.unit) and c.unit[0] in c.raw


def sanity_findings(cells: dict) -> list[Finding]:
    """Table-2 rules a correct report obeys; a break is a warning (the printed values stay)."""
    out = []

    def v(item, metric):
        c = cells.get((item, metric))
        return None if c is None else c.value

    for item in ("rules", "normative_documents"):
        new, total = v(item, "new_published"), v(item, "total_published")
        if new is not None and total is not None and new > total:
            out.append(Finding("disclosure_sanity", "warning",
                               f"table 2 {item}: published this year ({new:g}) exceeds the total published ({total:g})"))
        made, pub = v(item, "new_made"), v(item, "new_published")
        if made is not None and pub is not None and pub > made:
            out.append(Finding("disclosure_sanity", "warning",
                               f"table 2 {item}: published this year ({pub:g}) exceeds made this year ({made:g})"))
        issued, repealed, in_force = v(item, "issued"), v(item, "repealed"), v(item, "in_force")
        if issued is not None and in_force is not None and issued > in_force + (repealed or 0):
            out.append(Finding("disclosure_sanity", "warning",
                               f"table 2 {item}: issued this year ({issued:g}) exceeds in force ({in_force:g}) plus repealed"))
    for item in ("admin_licensing", "other_admin_services", "admin_penalty", "admin_coercion", "admin_fees"):
        prev, change = v(item, "prev_year_items"), v(item, "change")
        if prev is not None and change is not None and prev + change < 0:
            out.append(Finding("disclosure_sanity", "warning",
                               f"table 2 {item}: {prev:g} items last year and a change of {change:g} leaves fewer than none"))
    return out
