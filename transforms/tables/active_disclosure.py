"""Table 2 (主动公开政府信息情况): disclosure items × metrics, both templates, in long form."""

from __future__ import annotations

from transforms.tables.common import Finding, ParsedCell, TableParse, match_label
from transforms.tables.grid import Cell, Row, rows_of

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
# Header words per metric, including the OCR forms seen in PDF text (増/滅).
METRIC_KEYS = {
    "new_made": ("新制作",),
    "new_published": ("新公开",),
    "total_published": ("对外公开总", "公开总数"),
    "prev_year_items": ("上一年项目", "上一年", "上年项目"),
    "change": ("增/减", "增减", "増/减", "増/滅", "增/滅", "本年增", "本年増"),
    "decisions": ("处理决定",),
    "procurement_items": ("采购项目",),
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


def header_metrics(label: str) -> list[str]:
    """Metric codes named in a header line, in the order they are printed."""
    hits = []
    for code, keys in METRIC_KEYS.items():
        pos = min((label.find(k) for k in keys if k in label), default=-1)
        if pos >= 0:
            hits.append((pos, code))
    return [c for _, c in sorted(hits)]


def parse_disclosure_table(text: str, template: str) -> TableParse:
    """Parse table 2: rows found by item label, columns by the block header (else template order)."""
    out = TableParse()
    layout = TEMPLATE_METRICS.get(template, TEMPLATE_METRICS["2019"])
    header: list[str] = []
    seen: set[str] = set()
    for r in rows_of(text):
        numbers = [c for c in r.values if c.kind == "number"]
        if not numbers and header_metrics(r.label):
            header = header_metrics(r.label)
            continue
        item = match_label(r.label, ITEM_KEYS)
        if item is None or item not in layout or not r.values or item in seen:
            continue
        if any(k in r.label for k in ("第二十条",)):
            continue
        seen.add(item)
        metrics = header if header and set(header) <= set(layout[item]) | AMOUNT_METRICS and _fits(header, item, layout) else layout[item]
        _assign(out, item, metrics, r)
    if len(seen) >= 2:
        out.found = True
        for item, metrics in layout.items():
            for m in metrics:
                out.cells.setdefault((item, m), ParsedCell(None, "missing"))
            if item not in seen:
                out.findings.append(Finding("row_missing", "warning", f"table 2 row {item} not found"))
    else:
        out.cells.clear()
    return out


def _fits(header: list[str], item: str, layout: dict[str, list[str]]) -> bool:
    return set(header) <= set(layout[item])


def _assign(out: TableParse, item: str, metrics: list[str], r: Row) -> None:
    vals = list(r.values)
    padded = len(vals)
    while vals and vals[-1].kind == "blank" and not vals[-1].raw.strip():
        vals.pop()  # trailing empty cells are grid padding (TSV tabs, pipe columns)
    if len(vals) < len(metrics) <= padded and not any(c.unit for c in vals):
        vals += [Cell("", "blank")] * (len(metrics) - len(vals))
    slots: list[Cell | None]
    if len(vals) == len(metrics):
        slots = vals
    elif len(vals) < len(metrics):
        slots = [None] * len(metrics)
        rest = []
        for c in vals:
            # a value printed with a money unit belongs in the amount column, wherever it sits
            amount = next((m for m in metrics if m in AMOUNT_METRICS), None)
            if c.kind == "number" and c.unit and amount and slots[metrics.index(amount)] is None:
                slots[metrics.index(amount)] = c
            else:
                rest.append(c)
        free = [i for i, s in enumerate(slots) if s is None]
        for i, c in zip(free, rest):
            slots[i] = c
        out.findings.append(
            Finding("row_cells_lost", "warning", f"table 2 row {item}: {len(vals)} values for {len(metrics)} columns")
        )
    else:
        out.findings.append(Finding("row_too_wide", "warning", f"table 2 row {item}: {len(vals)} values for {len(metrics)} columns"))
        slots = [None] * len(metrics)
    for m, c in zip(metrics, slots):
        out.cells[(item, m)] = _value_cell(c, m)


def _value_cell(c: Cell | None, metric: str) -> ParsedCell:
    if c is None or c.kind == "text":
        return ParsedCell(None, "missing")
    if c.kind == "blank":
        return ParsedCell(None, "blank")
    v = c.value
    if metric in AMOUNT_METRICS:
        if c.unit == "元":
            v = round(v / 10000, 6)  # the contract stores amounts in 万元
        return ParsedCell(v, "printed") if v >= 0 else ParsedCell(None, "missing")
    if c.unit or v != int(v) or (v < 0 and metric not in SIGNED_METRICS):
        return ParsedCell(None, "missing")
    return ParsedCell(v, "printed")
