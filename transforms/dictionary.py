"""The data dictionary: one description (English, with the Chinese term) of every column of every
mart and analysis view.

It is the only source of these texts. Three readers use it:
- `transforms.analysis` writes them into `gongkai.duckdb` as `COMMENT ON VIEW / COLUMN`;
- `orchestration.marts` turns them into Dagster `TableSchema` column metadata (the catalog);
- `contract_markdown()` renders the data-dictionary section of docs/CONTRACT.md (a test checks that
  the document holds exactly this text).

Every column also carries its DuckDB type as the views expose it; a test compares them with the
real views, so the dictionary cannot drift from the SQL.
"""

from __future__ import annotations

from dataclasses import dataclass

CONTRACT_VERSION = "1.2"  # 1.0: the marts; 1.1: + analysis views, is_total/parent_code, this dictionary;
#                            1.2: + source_page, ocr on the three facts


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # DuckDB type name as the view exposes it
    description: str


@dataclass(frozen=True)
class Figure:
    """A key figure of one report, as a column of `report_summary` (and of the views built on it)."""

    name: str
    table: int  # report table number (2, 3 or 4)
    zh: str  # the Chinese term as printed in the template
    en: str  # what it counts, in English
    codes: tuple[str, ...]  # fact codes it sums: outcomes (table 3), (case_type, result) pairs (table 4),
    #                         (item, metric) pairs (table 2)


# ---- key figures -----------------------------------------------------------------------------
_W = tuple(f"withheld_{s}" for s in ("state_secret", "prohibited_by_law", "three_safeties", "third_party",
                                        "internal_affairs", "process_info", "enforcement_file", "admin_query"))
_U = ("unavailable_not_held", "unavailable_needs_creation", "unavailable_unclear")
_N = ("not_processed_petition", "not_processed_duplicate", "not_processed_publication", "not_processed_excessive",
      "not_processed_confirmation")
_O = ("other", "other_no_correction", "other_unpaid_fee", "other_misc")

FIGURES: list[Figure] = [
    Figure("new_received", 3, "一、本年新收政府信息公开申请数量", "applications received this year", ("new_received",)),
    Figure("carried_over", 3, "二、上年结转政府信息公开申请数量", "applications carried over from the previous year",
           ("carried_over",)),
    Figure("granted", 3, "（一）予以公开", "applications granted in full", ("granted",)),
    Figure("partially_granted", 3, "（二）部分公开", "applications granted in part", ("partially_granted",)),
    Figure("withheld_total", 3, "（三）不予公开", "applications refused, all eight reasons summed", _W),
    Figure("unavailable_total", 3, "（四）无法提供", "information could not be provided, the three reasons summed", _U),
    Figure("not_processed_total", 3, "（五）不予处理", "applications not processed, the five reasons summed", _N),
    Figure("other_total", 3, "（六）其他处理", "other handling (2019 row, or the 2021 sub-rows summed)", _O),
    Figure("total_processed", 3, "（七）总计", "applications answered this year, all outcomes", ("total_processed",)),
    Figure("carried_forward", 3, "四、结转下年度继续办理", "applications carried forward to the next year",
           ("carried_forward",)),
    Figure("admin_review_total", 4, "行政复议 总计", "administrative reconsideration cases", (("admin_review", "total"),)),
    Figure("admin_review_corrected", 4, "行政复议 结果纠正", "administrative reconsideration cases corrected",
           (("admin_review", "corrected"),)),
    Figure("litigation_total", 4, "行政诉讼 总计", "administrative litigation cases (direct and after reconsideration)",
           (("litigation_direct", "total"), ("litigation_after_review", "total"))),
    Figure("litigation_corrected", 4, "行政诉讼 结果纠正", "administrative litigation cases corrected",
           (("litigation_direct", "corrected"), ("litigation_after_review", "corrected"))),
    Figure("rules_issued", 2, "规章 本年制发件数 / 本年新制作数量", "rules (规章) issued this year",
           (("rules", "issued"), ("rules", "new_made"))),
    Figure("normative_documents_issued", 2, "规范性文件 本年制发件数 / 本年新制作数量",
           "normative documents issued this year", (("normative_documents", "issued"), ("normative_documents", "new_made"))),
    Figure("licensing_decisions", 2, "行政许可 处理决定数量", "administrative licensing decisions",
           (("admin_licensing", "decisions"),)),
    Figure("penalty_decisions", 2, "行政处罚 处理决定数量", "administrative penalty decisions", (("admin_penalty", "decisions"),)),
    Figure("coercion_decisions", 2, "行政强制 处理决定数量", "administrative coercion decisions",
           (("admin_coercion", "decisions"),)),
]
FIGURE_NAMES = [f.name for f in FIGURES]
# The figures compared across years and peers (the ones a reader asks about first).
YOY_FIGURES = ["new_received", "carried_over", "granted", "partially_granted", "withheld_total", "unavailable_total",
               "not_processed_total", "total_processed", "carried_forward", "admin_review_total", "litigation_total"]
PEER_METRICS = ["new_received", "total_processed", "grant_rate", "withheld_share", "admin_review_total",
                "litigation_total"]
RATES = {
    "grant_rate": ("DOUBLE", "grant rate 公开率: (（一）予以公开 + （二）部分公开) / （七）总计; null when 总计 is 0 or unknown"),
    "withheld_share": ("DOUBLE", "share refused 不予公开占比: （三）不予公开 / （七）总计; null when 总计 is 0 or unknown"),
    "review_correction_rate": ("DOUBLE", "reconsideration correction rate 行政复议纠错率: 结果纠正 / 总计 of 行政复议; "
                                         "null when there were no cases"),
    "litigation_correction_rate": ("DOUBLE", "litigation correction rate 行政诉讼纠错率: 结果纠正 / 总计 of both "
                                             "行政诉讼 groups; null when there were no cases"),
}
PCT_NOTE = "null when the earlier value is 0 or unknown"

# ---- shared column texts ---------------------------------------------------------------------
_RID = "report identifier 报告编号: first 16 hex digits of the SHA-256 of the file's raw bytes (stable across runs)"
_YEAR = "report year 统计年度: the year the report covers, not the year it was published"
_SRC = ("cell provenance 数据来源: printed 表内印刷 | blank 空白 | derived 由表内算式推出 | narrative 正文叙述 | "
        "missing 缺失")
_PATH = "source file 源文件: path relative to the input folder"
_PAGE = ("source page 所在页码: page (from 1) of the PDF/Word file the cell's row is printed on; null for "
         "text/HTML/markdown files, for derived, narrative and missing cells, and whenever the page is not certain")
_OCR = ("read by OCR 文字识别: true for a printed or blank cell of a scanned report (source_format pdf-ocr), "
        "false otherwise; filter on it to keep or drop OCR readings")
_PROVENANCE = (("source_page", "INTEGER", _PAGE), ("ocr", "BOOLEAN", _OCR))
_AGENCY = "agency 机关名称: the full body in simplified characters (中宁县 → 中宁县人民政府)"
_LEVEL = "administrative level 行政级别: province 省级 | prefecture 地级 | county 县级 | township 乡镇 | department 部门"
_PROV, _CITY, _COUNTY = ("province 省（自治区、直辖市）", "prefecture 地级市（州、盟）", "county 县（区、市、旗）")
_TEMPLATE = "report template 报告模板: 2019 | 2021 | legacy (before 2019) | unknown"
_STATUS = "parse status 解析状态: ok 完整 | partial 部分缺失 | quarantined 隔离（未采用）"
_CODE = "stable English code 代码 (the key the facts use)"
_LABEL = "Chinese label 中文名称, as printed in the template"
_SORT = "template order 模板顺序 (1 = first row or column)"
_IS_TOTAL = "is a total 是否合计: true when the row or column sums others, so summing it with them double-counts"
_PARENT = ("parent group 上级分组: the group a sub-row belongs to (withheld （三）不予公开, unavailable （四）无法提供, "
           "not_processed （五）不予处理, other （六）其他处理, litigation 行政诉讼); null for top-level codes")


def _c(name: str, type_: str, desc: str) -> Column:
    return Column(name, type_, desc)


def _code_dim(what: str, kind: bool = False) -> list[Column]:
    cols = [_c("kind", "VARCHAR", "code kind 类别: case_type 案件类型 (row) | result 结果 (column)")] if kind else []
    return cols + [_c("code", "VARCHAR", f"{_CODE}: {what}"), _c("label_zh", "VARCHAR", _LABEL),
                   _c("sort_order", "INTEGER", _SORT), _c("is_total", "BOOLEAN", _IS_TOTAL),
                   _c("parent_code", "VARCHAR", _PARENT)]


def _report_keys() -> list[Column]:
    return [_c("report_id", "VARCHAR", _RID), _c("report_year", "INTEGER", _YEAR)]


TABLES: dict[str, str] = {}
COLUMNS: dict[str, list[Column]] = {}


def _table(name: str, description: str, columns: list[Column]) -> None:
    TABLES[name] = description
    COLUMNS[name] = columns


# ---- the marts (docs/CONTRACT.md "Tables") ---------------------------------------------------
_table("dim_report", "One row per accepted report file 报告维度: agency, region, level, year, template, status.", [
    _c("report_id", "VARCHAR", _RID),
    _c("source_path", "VARCHAR", _PATH),
    _c("agency_name", "VARCHAR", _AGENCY),
    _c("region_province", "VARCHAR", _PROV),
    _c("region_city", "VARCHAR", _CITY + "; null for a province-level body or a municipality's district"),
    _c("region_county", "VARCHAR", _COUNTY),
    _c("region_township", "VARCHAR", "township 乡（镇、街道）"),
    _c("admin_level", "VARCHAR", _LEVEL),
    _c("report_year", "INTEGER", _YEAR),
    _c("template", "VARCHAR", _TEMPLATE),
    _c("source_script", "VARCHAR", "script of the source 原文字体: simplified 简体 | traditional 繁体"),
    _c("source_format", "VARCHAR", "file format 文件格式: txt | md | html | pdf | pdf-ocr (scanned, read by OCR) | docx | doc (DOC, WPS, RTF, ODT/FODT or Word 2003 XML, read through LibreOffice); a .mht/.eml message is html or txt by the part read"),
    _c("parse_status", "VARCHAR", _STATUS),
    _c("published_date", "DATE", "publication date 发布日期, when the report prints one"),
    _c("title", "VARCHAR", "title 标题, as printed (normalised)"),
    _c("sha256", "VARCHAR", "SHA-256 of the raw file 文件哈希"),
])
_table("dim_applicant_type", "Applicant columns of table 3 申请人类型 (自然人 … 总计).",
       _code_dim("natural_person 自然人 … total 总计"))
_table("dim_request_outcome", "Rows of table 3 办理结果, in template order.",
       _code_dim("new_received 本年新收 … carried_forward 结转下年度"))
_table("dim_disclosure_item", "Rows of table 2 主动公开事项 (规章 … 政府集中采购).",
       _code_dim("rules 规章 … centralized_procurement 政府集中采购"))
_table("dim_disclosure_metric", "Columns of table 2 主动公开指标, both templates.",
       _code_dim("new_made 本年新制作数量 … fee_amount_wan_yuan 本年收费金额"))
_table("dim_review_litigation", "Rows (case types) and columns (results) of table 4 行政复议、行政诉讼.",
       _code_dim("admin_review 行政复议 … total 总计", kind=True))
_table("fact_request_handling", "Table 3 依申请公开 cells, long form: one row per outcome × applicant column.", [
    *_report_keys(),
    _c("outcome", "VARCHAR", "outcome row 办理结果 (dim_request_outcome.code)"),
    _c("applicant_type", "VARCHAR", "applicant column 申请人类型 (dim_applicant_type.code); total = 总计"),
    _c("count", "BIGINT", "number of applications 申请数量; null when blank or missing"),
    _c("cell_source", "VARCHAR", _SRC),
    *(_c(*c) for c in _PROVENANCE),
])
_table("fact_active_disclosure", "Table 2 主动公开 cells, long form: one row per item × metric.", [
    *_report_keys(),
    _c("item", "VARCHAR", "disclosure item 公开事项 (dim_disclosure_item.code)"),
    _c("metric", "VARCHAR", "metric 指标 (dim_disclosure_metric.code)"),
    _c("value", "DOUBLE", "value 数值: a count, a signed change (本年增/减) or an amount in 万元; DOUBLE because "
                          "amounts have decimals (fact_active_disclosure_typed has counts as BIGINT)"),
    _c("cell_source", "VARCHAR", _SRC),
    *(_c(*c) for c in _PROVENANCE),
])
_table("fact_review_litigation", "Table 4 行政复议、行政诉讼 cells, long form: one row per case type × result.", [
    *_report_keys(),
    _c("case_type", "VARCHAR", "case type 案件类型: admin_review 行政复议 | litigation_direct 未经复议直接起诉 | "
                               "litigation_after_review 复议后起诉"),
    _c("result", "VARCHAR", "result 结果: upheld 维持 | corrected 纠正 | other 其他 | pending 尚未审结 | total 总计"),
    _c("count", "BIGINT", "number of cases 案件数; null when blank or missing"),
    _c("cell_source", "VARCHAR", _SRC),
    *(_c(*c) for c in _PROVENANCE),
])
_table("report_sections", "The six sections 六个部分 of each report, as text.", [
    *_report_keys(),
    _c("section_no", "INTEGER", "section number 部分序号 (1 总体情况 … 6 其他需要报告的事项)"),
    _c("title", "VARCHAR", "section title 标题, as printed (normalised)"),
    _c("text", "VARCHAR", "section text 正文 (normalised: simplified, one width)"),
])
_table("dq_findings", "Data-quality findings 数据质量问题: every file or cell the pipeline could not take as it is.", [
    _c("report_id", "VARCHAR", _RID + "; null for a file rejected before it was read"),
    _c("source_path", "VARCHAR", _PATH),
    _c("report_year", "INTEGER", _YEAR + "; null when no year could be read"),
    _c("stage", "VARCHAR", "pipeline stage 环节: landing | raw | normalised | sections | typed | marts"),
    _c("check_name", "VARCHAR", "check 检查项 (e.g. table_missing, arithmetic_contradiction, cross_year_continuity)"),
    _c("severity", "VARCHAR", "severity 严重程度: error 错误 | warning 警告"),
    _c("message", "VARCHAR", "what was found 说明, naming the table, row and numbers concerned"),
])
MART_TABLES = list(TABLES)

# ---- analysis views --------------------------------------------------------------------------
_ID_COLS = [
    _c("report_id", "VARCHAR", _RID), _c("report_year", "INTEGER", _YEAR), _c("agency_name", "VARCHAR", _AGENCY),
    _c("region_province", "VARCHAR", _PROV), _c("region_city", "VARCHAR", _CITY),
    _c("region_county", "VARCHAR", _COUNTY), _c("admin_level", "VARCHAR", _LEVEL),
]


def _figure_desc(f: Figure) -> str:
    col = "总计 applicant column" if f.table == 3 else ("总计 column" if f.table == 4 else "")
    return (f"{f.en} {f.zh} (table {f.table}{', ' + col if col else ''}); null when the report has no such "
            f"cell or a part is blank/missing")


def _figure_cols() -> list[Column]:
    out = []
    for f in FIGURES:
        out.append(_c(f.name, "BIGINT", _figure_desc(f)))
        out.append(_c(f"{f.name}_source", "VARCHAR",
                      f"cell_source 数据来源 of {f.name} ({f.zh}): the least direct source among its cells "
                      "(printed < derived < narrative < blank < missing)"))
    return out


_table("report_summary", "One row per report 报告摘要: identity, status, the key figures as integers with their "
       "cell_source, derived rates and the number of findings. Also written as WAREHOUSE/analysis/report_summary.parquet.", [
    *_ID_COLS,
    _c("template", "VARCHAR", _TEMPLATE), _c("parse_status", "VARCHAR", _STATUS), _c("source_path", "VARCHAR", _PATH),
    *_figure_cols(),
    *[_c(k, t, d) for k, (t, d) in RATES.items()],
    _c("findings", "BIGINT", "findings of this report 问题数 in dq_findings (all severities)"),
    _c("error_findings", "BIGINT", "error findings 错误数 of this report"),
])


def _yoy_cols() -> list[Column]:
    out = []
    by = {f.name: f for f in FIGURES}
    for name in YOY_FIGURES:
        f = by[name]
        out += [_c(name, "BIGINT", f"{f.en} {f.zh} in report_year"),
                _c(f"{name}_prev", "BIGINT", f"{f.zh} in the previous year 上年"),
                _c(f"{name}_change", "BIGINT", f"change 增减 of {f.zh}: this year − previous year"),
                _c(f"{name}_pct_change", "DOUBLE", f"percent change 增减率 of {f.zh} (100 = doubled); {PCT_NOTE}")]
    out += [_c("grant_rate", "DOUBLE", RATES["grant_rate"][1]),
            _c("grant_rate_prev", "DOUBLE", "grant rate 公开率 in the previous year"),
            _c("grant_rate_change", "DOUBLE", "change of the grant rate 公开率变化 (this year − previous year, as a fraction)")]
    return out


_table("agency_year_over_year", "The same agency (exact name) in consecutive years 同比: each key figure, its change "
       "and percent change, and the cross-year continuity check. Also written as a Parquet file under WAREHOUSE/analysis.", [
    _c("agency_name", "VARCHAR", _AGENCY), _c("admin_level", "VARCHAR", _LEVEL),
    _c("region_province", "VARCHAR", _PROV), _c("region_city", "VARCHAR", _CITY),
    _c("report_year", "INTEGER", _YEAR), _c("prev_report_year", "INTEGER", "the previous year 上一年度 (report_year − 1)"),
    _c("report_id", "VARCHAR", _RID + " (this year)"), _c("prev_report_id", "VARCHAR", _RID + " (previous year)"),
    *_yoy_cols(),
    _c("continuity_carried_over", "BIGINT", "二、上年结转 printed this year (carried_over)"),
    _c("continuity_prev_carried_forward", "BIGINT", "四、结转下年度 printed the previous year (carried_forward)"),
    _c("continuity_difference", "BIGINT", "continuity gap 衔接差额: 上年结转 (this year) − 结转下年度 (previous year)"),
    _c("continuity_ok", "BOOLEAN", "continuity check 跨年衔接: true when 上年结转 of this year equals 结转下年度 of "
                                   "the previous year; null when either is unknown"),
])


def _peer_cols() -> list[Column]:
    out = []
    rates = set(RATES)
    by = {f.name: f for f in FIGURES}
    for m in PEER_METRICS:
        zh = m if m in rates else by[m].zh
        out += [_c(m, "DOUBLE" if m in rates else "BIGINT", (RATES[m][1] if m in rates else _figure_desc(by[m]))),
                _c(f"{m}_peer_p25", "DOUBLE", f"first quartile 下四分位数 of {zh} among the peers (this report included)"),
                _c(f"{m}_peer_median", "DOUBLE", f"median 中位数 of {zh} among the peers"),
                _c(f"{m}_peer_p75", "DOUBLE", f"third quartile 上四分位数 of {zh} among the peers"),
                _c(f"{m}_rank", "BIGINT", f"rank 排名 of this report by {zh} among the peers (1 = highest); "
                                           "null when the value is unknown")]
    return out


_table("peer_comparison", "Each report against its peers 同级比较: reports of the same admin_level and province in "
       "the same year, with quartiles, median and rank. Also written as a Parquet file under WAREHOUSE/analysis.", [
    _c("report_id", "VARCHAR", _RID), _c("report_year", "INTEGER", _YEAR), _c("agency_name", "VARCHAR", _AGENCY),
    _c("admin_level", "VARCHAR", _LEVEL), _c("region_province", "VARCHAR", _PROV),
    _c("peer_reports", "BIGINT", "reports in the peer group 同组报告数 (this one included)"),
    *_peer_cols(),
])
_SUM = "sum 合计 over the group's reports of"
_table("region_rollup", "Sums and medians by region and level 地区汇总: one row per grouping set (see grouped_by). "
       "Also written as a Parquet file under WAREHOUSE/analysis.", [
    _c("grouped_by", "VARCHAR", "grouping 汇总口径: year | year+province | year+province+level | "
                                "year+province+prefecture+level; a null region in a coarser grouping means 'all'"),
    _c("report_year", "INTEGER", _YEAR), _c("region_province", "VARCHAR", _PROV),
    _c("region_city", "VARCHAR", _CITY), _c("admin_level", "VARCHAR", _LEVEL),
    _c("reports", "BIGINT", "reports 报告数 in the group"),
    _c("reports_with_table3", "BIGINT", "reports whose （七）总计 is known 含表三的报告数"),
    _c("new_received", "BIGINT", f"{_SUM} 一、本年新收 (reports where it is unknown are left out)"),
    _c("total_processed", "BIGINT", f"{_SUM} （七）总计"),
    _c("granted_or_partial", "BIGINT", f"{_SUM} （一）予以公开 + （二）部分公开"),
    _c("withheld_total", "BIGINT", f"{_SUM} （三）不予公开"),
    _c("admin_review_total", "BIGINT", f"{_SUM} 行政复议 总计"),
    _c("litigation_total", "BIGINT", f"{_SUM} 行政诉讼 总计"),
    _c("median_new_received", "DOUBLE", "median 中位数 of 一、本年新收 per report"),
    _c("median_grant_rate", "DOUBLE", "median 中位数 of the reports' grant rates 公开率"),
    _c("pooled_grant_rate", "DOUBLE", "pooled grant rate 合计公开率: sum of granted_or_partial / sum of total_processed "
                                      "over reports where all three are known"),
])
_table("fact_active_disclosure_typed", "Table 2 主动公开 with typed values: counts as BIGINT, amounts in 万元 as "
       "DOUBLE (the mart keeps one DOUBLE column).", [
    *_report_keys(),
    _c("item", "VARCHAR", "disclosure item 公开事项 (dim_disclosure_item.code)"),
    _c("metric", "VARCHAR", "metric 指标 (dim_disclosure_metric.code)"),
    _c("is_amount", "BOOLEAN", "true for money amounts 金额（万元）, false for counts 件数"),
    _c("count", "BIGINT", "the value when the metric is a count 件数 (本年增/减 is signed); null for amounts, or "
                          "when the printed value is not a whole number"),
    _c("amount_wan_yuan", "DOUBLE", "the value when the metric is an amount 金额, in 万元; null for counts"),
    _c("cell_source", "VARCHAR", _SRC),
])
ANALYSIS_VIEWS = [t for t in TABLES if t not in MART_TABLES]
AMOUNT_METRICS = ("procurement_amount_wan_yuan", "fee_amount_wan_yuan")


# ---- readers ---------------------------------------------------------------------------------
def columns(table: str) -> list[Column]:
    """The dictionary's columns of `table`, in view order (KeyError for an unknown table)."""
    return COLUMNS[table]


def describe(table: str, column: str) -> str | None:
    """The description of one column, or None when the dictionary does not know it."""
    return next((c.description for c in COLUMNS.get(table, []) if c.name == column), None)


def _q(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


def qi(name: str) -> str:
    """A quoted SQL identifier."""
    return '"' + name.replace('"', '""') + '"'


def comment_statements(table: str, present: list[str] | None = None, kind: str = "VIEW") -> list[str]:
    """`COMMENT ON VIEW` and `COMMENT ON COLUMN` statements for `table` (only the columns in `present`)."""
    out = [f"COMMENT ON {kind} {qi(table)} IS {_q(TABLES[table])}"]
    for c in COLUMNS[table]:
        if present is None or c.name in present:
            out.append(f"COMMENT ON COLUMN {qi(table)}.{qi(c.name)} IS {_q(c.description)}")
    return out


DICTIONARY_HEADING = "## Data dictionary"


def contract_markdown() -> str:
    """The data-dictionary section of docs/CONTRACT.md, generated from this module."""
    lines = [
        DICTIONARY_HEADING,
        "",
        f"Contract version {CONTRACT_VERSION}. Generated from `transforms/dictionary.py` (the same text is in "
        "`gongkai.duckdb` as `COMMENT ON`, and in the Dagster catalog as column schemas); "
        "`tests/test_dictionary.py` checks that this section is current. Types are DuckDB types as the views "
        "expose them. Analysis views are defined in `transforms/analysis.py` over the mart views.",
        "",
    ]
    for t in TABLES:
        kind = "mart" if t in MART_TABLES else "analysis view"
        lines += [f"### `{t}` ({kind})", "", TABLES[t], "", "| column | type | description |", "|---|---|---|"]
        lines += [f"| `{c.name}` | {c.type} | {c.description.replace('|', chr(92) + '|')} |" for c in COLUMNS[t]]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
