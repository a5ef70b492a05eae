"""Analysis views over the marts: one row per report, year over year, peers, regional roll-ups.

Pure SQL (DuckDB) over the contract views (`dim_report`, `fact_*`, `dq_findings`), so the same
definitions serve `gongkai.duckdb`, an in-memory connection (`connect`), the Parquet copies under
`WAREHOUSE/analysis/` (`write_analysis_marts`), the exports and the yearbook.

Counts are BIGINT everywhere (DuckDB's SUM of BIGINT is HUGEINT, so every sum is cast; no PIVOT).
A figure that sums several cells is null when any of them is unknown: a partial sum would be an
invented number. Column texts come from `transforms.dictionary`.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from transforms import dictionary as dd
from transforms import labels
from transforms.dictionary import FIGURES, PEER_METRICS, RATES, YOY_FIGURES, qi

ANALYSIS_DIR = "analysis"
# Views written as Parquet tables under WAREHOUSE/analysis/<view>/part-0.parquet.
TABLE_VIEWS = ["report_summary", "agency_year_over_year", "peer_comparison", "region_rollup"]
_SOURCE_RANK = ["printed", "derived", "narrative", "blank", "missing"]


def _lit(s: str) -> str:
    return "'" + str(s).replace("'", "''") + "'"


# ---- contract views (the same definition as transforms.marts.refresh_views) -------------------
def contract_views_sql(marts_dir: Path) -> dict[str, str]:
    """`CREATE OR REPLACE VIEW` per mart folder that has Parquet files, over all its partitions."""
    out = {}
    marts_dir = Path(marts_dir).resolve()
    for d in sorted(marts_dir.glob("*")):
        if d.is_dir() and any(d.rglob("*.parquet")):
            glob = str(d / "**" / "*.parquet") if any(d.glob("report_year=*")) else str(d / "*.parquet")
            out[d.name] = (f"CREATE OR REPLACE VIEW {qi(d.name)} AS SELECT * FROM read_parquet({_lit(glob)}, "
                           "hive_partitioning = false, union_by_name = true)")
    return out


# ---- report_summary --------------------------------------------------------------------------
def _cond(f: dd.Figure) -> str:
    if f.table == 3:
        return "outcome IN (" + ", ".join(_lit(c) for c in f.codes) + ")"
    a, b = ("case_type", "result") if f.table == 4 else ("item", "metric")
    return "(" + " OR ".join(f"({a} = {_lit(x)} AND {b} = {_lit(y)})" for x, y in f.codes) + ")"


def _figure_exprs(f: dd.Figure) -> list[str]:
    cond = _cond(f)
    col = "value" if f.table == 2 else '"count"'
    whole = f" AND count(*) FILTER (WHERE {cond} AND value <> trunc(value)) = 0" if f.table == 2 else ""
    value = (f"CASE WHEN count(*) FILTER (WHERE {cond}) > 0 AND count(*) FILTER (WHERE {cond} AND {col} IS NULL) = 0"
             f"{whole} THEN CAST(sum({col}) FILTER (WHERE {cond}) AS BIGINT) END AS {qi(f.name)}")
    rank = "CASE cell_source " + " ".join(f"WHEN {_lit(s)} THEN {i}" for i, s in enumerate(_SOURCE_RANK)) + " END"
    source = (f"CASE max({rank}) FILTER (WHERE {cond}) "
              + " ".join(f"WHEN {i} THEN {_lit(s)}" for i, s in enumerate(_SOURCE_RANK))
              + f" END AS {qi(f.name + '_source')}")
    return [value, source]


def _ratio(num: str, den: str) -> str:
    return f"CAST({num} AS DOUBLE) / nullif({den}, 0)"


def report_summary_sql() -> str:
    by_table = {n: [f for f in FIGURES if f.table == n] for n in (2, 3, 4)}
    facts = {3: ("t3", "fact_request_handling", "WHERE applicant_type = 'total'"),
             4: ("t4", "fact_review_litigation", ""), 2: ("t2", "fact_active_disclosure", "")}
    ctes = []
    for n, (alias, table, where) in facts.items():
        exprs = ",\n    ".join(e for f in by_table[n] for e in _figure_exprs(f))
        ctes.append(f"{alias} AS (\n  SELECT report_id,\n    {exprs}\n  FROM {qi(table)} {where}\n  GROUP BY report_id)")
    ctes.append("fnd AS (\n  SELECT report_id, count(*) AS findings, count(*) FILTER (WHERE severity = 'error') "
                "AS error_findings\n  FROM dq_findings WHERE report_id IS NOT NULL GROUP BY report_id)")
    figure_cols = []
    for f in FIGURES:
        alias = facts[f.table][0]
        figure_cols += [f"{alias}.{qi(f.name)}", f"{alias}.{qi(f.name + '_source')}"]
    rates = {
        "grant_rate": _ratio("t3.granted + t3.partially_granted", "t3.total_processed"),
        "withheld_share": _ratio("t3.withheld_total", "t3.total_processed"),
        "review_correction_rate": _ratio("t4.admin_review_corrected", "t4.admin_review_total"),
        "litigation_correction_rate": _ratio("t4.litigation_corrected", "t4.litigation_total"),
    }
    assert list(rates) == list(RATES)
    select = ",\n  ".join(
        [f"d.{qi(c)}" for c in ("report_id", "report_year", "agency_name", "region_province", "region_city",
                                "region_county", "admin_level", "template", "parse_status", "source_path")]
        + figure_cols + [f"{e} AS {qi(k)}" for k, e in rates.items()]
        + ["CAST(coalesce(fnd.findings, 0) AS BIGINT) AS findings",
           "CAST(coalesce(fnd.error_findings, 0) AS BIGINT) AS error_findings"])
    return ("WITH " + ",\n".join(ctes) + f"\nSELECT\n  {select}\nFROM dim_report d\n"
            "LEFT JOIN t3 ON t3.report_id = d.report_id\nLEFT JOIN t4 ON t4.report_id = d.report_id\n"
            "LEFT JOIN t2 ON t2.report_id = d.report_id\nLEFT JOIN fnd ON fnd.report_id = d.report_id\n"
            "ORDER BY d.report_year, d.agency_name, d.report_id")


def agency_year_over_year_sql() -> str:
    cols = ["c.agency_name", "c.admin_level", "c.region_province", "c.region_city", "c.report_year",
            "p.report_year AS prev_report_year", "c.report_id", "p.report_id AS prev_report_id"]
    for name in YOY_FIGURES:
        n = qi(name)
        cols += [f"c.{n}", f"p.{n} AS {qi(name + '_prev')}", f"c.{n} - p.{n} AS {qi(name + '_change')}",
                 f"CASE WHEN p.{n} <> 0 THEN CAST(c.{n} - p.{n} AS DOUBLE) * 100 / p.{n} END AS {qi(name + '_pct_change')}"]
    cols += ["c.grant_rate", "p.grant_rate AS grant_rate_prev", "c.grant_rate - p.grant_rate AS grant_rate_change",
             "c.carried_over AS continuity_carried_over", "p.carried_forward AS continuity_prev_carried_forward",
             "c.carried_over - p.carried_forward AS continuity_difference",
             "c.carried_over = p.carried_forward AS continuity_ok"]
    return ("SELECT\n  " + ",\n  ".join(cols) + "\nFROM report_summary c\nJOIN report_summary p\n"
            "  ON p.agency_name = c.agency_name AND p.report_year = c.report_year - 1\n"
            "WHERE c.agency_name IS NOT NULL\nORDER BY c.agency_name, c.report_year, c.report_id, p.report_id")


def peer_comparison_sql() -> str:
    part = "PARTITION BY report_year, admin_level, region_province"
    cols = ["report_id", "report_year", "agency_name", "admin_level", "region_province",
            "count(*) OVER w AS peer_reports"]
    for m in PEER_METRICS:
        n = qi(m)
        cols += [n, f"quantile_cont({n}, 0.25) OVER w AS {qi(m + '_peer_p25')}",
                 f"quantile_cont({n}, 0.5) OVER w AS {qi(m + '_peer_median')}",
                 f"quantile_cont({n}, 0.75) OVER w AS {qi(m + '_peer_p75')}",
                 f"CASE WHEN {n} IS NOT NULL THEN rank() OVER ({part} ORDER BY {n} DESC NULLS LAST) END "
                 f"AS {qi(m + '_rank')}"]
    return ("SELECT\n  " + ",\n  ".join(cols) + f"\nFROM report_summary\nWINDOW w AS ({part})\n"
            "ORDER BY report_year, region_province, admin_level, agency_name, report_id")


def region_rollup_sql() -> str:
    known = "granted IS NOT NULL AND partially_granted IS NOT NULL AND total_processed IS NOT NULL"
    g = "grouping(region_province, region_city, admin_level)"
    return f"""SELECT
  CASE {g} WHEN 7 THEN 'year' WHEN 3 THEN 'year+province' WHEN 2 THEN 'year+province+level'
       ELSE 'year+province+prefecture+level' END AS grouped_by,
  report_year, region_province, region_city, admin_level,
  count(*) AS reports,
  count(total_processed) AS reports_with_table3,
  CAST(sum(new_received) AS BIGINT) AS new_received,
  CAST(sum(total_processed) AS BIGINT) AS total_processed,
  CAST(sum(granted + partially_granted) AS BIGINT) AS granted_or_partial,
  CAST(sum(withheld_total) AS BIGINT) AS withheld_total,
  CAST(sum(admin_review_total) AS BIGINT) AS admin_review_total,
  CAST(sum(litigation_total) AS BIGINT) AS litigation_total,
  CAST(median(new_received) AS DOUBLE) AS median_new_received,
  CAST(median(grant_rate) AS DOUBLE) AS median_grant_rate,
  CAST(sum(granted + partially_granted) FILTER (WHERE {known}) AS DOUBLE)
    / nullif(sum(total_processed) FILTER (WHERE {known}), 0) AS pooled_grant_rate
FROM report_summary
GROUP BY GROUPING SETS ((report_year), (report_year, region_province), (report_year, region_province, admin_level),
                        (report_year, region_province, region_city, admin_level))
ORDER BY report_year, {g} DESC, region_province NULLS FIRST, admin_level NULLS FIRST, region_city NULLS FIRST"""


def active_disclosure_typed_sql() -> str:
    amounts = "metric IN (" + ", ".join(_lit(m) for m in dd.AMOUNT_METRICS) + ")"
    return f"""SELECT report_id, report_year, item, metric,
  {amounts} AS is_amount,
  CASE WHEN NOT ({amounts}) AND value = trunc(value) THEN CAST(value AS BIGINT) END AS "count",
  CASE WHEN {amounts} THEN value END AS amount_wan_yuan,
  cell_source
FROM fact_active_disclosure"""


# view name -> (SQL, the contract/analysis views it reads)
VIEWS: dict[str, tuple] = {
    "report_summary": (report_summary_sql, ["dim_report", "fact_request_handling", "fact_review_litigation",
                                            "fact_active_disclosure", "dq_findings"]),
    "agency_year_over_year": (agency_year_over_year_sql, ["report_summary"]),
    "peer_comparison": (peer_comparison_sql, ["report_summary"]),
    "region_rollup": (region_rollup_sql, ["report_summary"]),
    "fact_active_disclosure_typed": (active_disclosure_typed_sql, ["fact_active_disclosure"]),
}
assert sorted(VIEWS) == sorted(dd.ANALYSIS_VIEWS)


def _relations(con) -> dict[str, str]:
    """name -> 'VIEW' | 'TABLE' for the user relations of the connection's main schema."""
    rows = con.execute("SELECT view_name, 'VIEW' FROM duckdb_views() WHERE NOT internal AND schema_name = 'main' "
                       "UNION ALL SELECT table_name, 'TABLE' FROM duckdb_tables() WHERE schema_name = 'main'").fetchall()
    return dict(rows)


def comment_all(con, names: list[str] | None = None) -> list[str]:
    """Write the dictionary's descriptions as COMMENT ON for every known relation present (or `names`)."""
    have = _relations(con)
    done = []
    for name in names if names is not None else [t for t in dd.TABLES if t in have]:
        if name not in have or name not in dd.TABLES:
            continue
        present = [r[0] for r in con.execute(
            "SELECT column_name FROM duckdb_columns() WHERE schema_name = 'main' AND table_name = ?", [name]).fetchall()]
        for stmt in dd.comment_statements(name, present, kind=have[name]):
            con.execute(stmt)
        done.append(name)
    return done


def create_analysis_views(con, marts_dir: Path | None = None) -> list[str]:
    """Create (CREATE OR REPLACE) every analysis view whose inputs exist, then COMMENT ON every contract
    and analysis view from the dictionary. Returns the analysis views created.

    `con` is a writable DuckDB connection that already has the contract views (`marts_dir` is only used
    to create those that are missing, e.g. on a fresh in-memory connection).
    """
    have = _relations(con)
    if marts_dir is not None:
        for name, sql in contract_views_sql(Path(marts_dir)).items():
            if name not in have:
                con.execute(sql)
        have = _relations(con)
    made = []
    for name, (sql, needs) in VIEWS.items():  # dict order = dependency order
        if all(n in have for n in needs):
            con.execute(f"CREATE OR REPLACE VIEW {qi(name)} AS\n{sql()}")
            have[name] = "VIEW"
            made.append(name)
    comment_all(con)
    return made


def connect(warehouse: Path):
    """An in-memory DuckDB connection with the contract views over WAREHOUSE/marts and the analysis views.

    Never opens gongkai.duckdb, so it works while another process holds that file.
    """
    import duckdb

    con = duckdb.connect()
    marts = Path(warehouse).resolve() / "marts"
    for sql in contract_views_sql(marts).values():
        con.execute(sql)
    create_analysis_views(con, marts)
    return con


def write_analysis_marts(warehouse: Path) -> dict[str, Path]:
    """Write each table-shaped analysis view as WAREHOUSE/analysis/<view>/part-0.parquet (atomic replace).

    Run after the marts of every year are written (the views span years).
    """
    warehouse = Path(warehouse)
    con = connect(warehouse)
    out = {}
    try:
        have = _relations(con)
        for name in TABLE_VIEWS:
            if name not in have:
                continue
            df = con.sql(f"SELECT * FROM {qi(name)}").pl()
            out[name] = _atomic_parquet(warehouse / ANALYSIS_DIR / name / "part-0.parquet", df)
    finally:
        con.close()
    return out


def _atomic_parquet(path: Path, df) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.parent / f".tmp-{os.getpid()}"
    df.write_parquet(tmp, compression="zstd", statistics=True)
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    return path


# ---- where a finding points ------------------------------------------------------------------
_CODE_LABELS = {
    2: dict(labels.DISCLOSURE_ITEMS),
    3: {**dict(labels.REQUEST_OUTCOMES), **dict(labels.APPLICANT_TYPES)},
    4: dict(labels.REVIEW_CASE_TYPES),
}
_LOC = re.compile(r"\btable ?([234])(?:\.| row | )([a-z_]+)")
_LOC_BY_POSITION = re.compile(r"\btable ?3 row without a readable label taken as ([a-z_]+)")


def finding_location(message: str | None) -> str | None:
    """The table and row (or column) a finding's message names, e.g. 'table 3 · granted （一）予以公开'.

    None when the message names no cell (a missing section, a rejected file).
    """
    if not message:
        return None
    m = _LOC_BY_POSITION.search(message)
    if m:
        table, code = 3, m.group(1)
    else:
        m = _LOC.search(message)
        if not m:
            t = re.search(r"\btable ?([234])\b", message)
            return f"table {t.group(1)}" if t else None
        table, code = int(m.group(1)), m.group(2)
    label = _CODE_LABELS[table].get(code)
    return f"table {table} · {code} {label}" if label else f"table {table}"
