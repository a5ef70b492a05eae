"""great-expectations suites for the checks that read better as a suite than as code.

Two suites:
- `normalised_suite(df)`: the gate on the normalised_reports frame (year, residual
  traditional characters, leftover markdown; a missing agency is a finding, not a failure).
- `marts_suite(tables, manifest)`: referential integrity, keys, code sets and coverage of the
  mart tables.

`import great_expectations` costs seconds, so it happens lazily inside `_context()`; importing
this module is cheap. One ephemeral context (in-memory, no files) is built per process and
reused. GX has no polars datasource, so frames go through pandas with arrow-backed dtypes
(nullable ints stay ints instead of becoming float + NaN).

The GX suite is a gate on the whole frame; `normalised_report_failures(df)` applies the same
rules per report in plain polars so the pipeline can quarantine just the offending reports.
"""

from __future__ import annotations

import html
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import polars as pl

from transforms.labels import CELL_SOURCES

# ---- rules shared by the GX suite and the per-report polars check -------------------------
RESIDUAL_TRADITIONAL_MAX = 0.02
# Markdown markup that normalisation should have removed: bold (**), ATX headings (# ...),
# links ([x](y)) and block quotes (> ...). Pipe tables (`| a | b |`, `|---|`) are canonical
# table text and must not match, so no rule looks at `|` or at dash runs. `(?m)` makes ^ match
# at every line; the pattern uses only syntax shared by Python re, RE2 (arrow) and Rust regex
# (polars) so both implementations agree.
MARKDOWN_REGEX = r"(?m)\*\*|^[ \t]{0,3}#{1,6}[ \t]|\]\([^)\n]*\)|^[ \t]{0,3}>[ \t]"

FACT_KEYS: dict[str, list[str]] = {
    "fact_request_handling": ["report_id", "outcome", "applicant_type"],
    "fact_active_disclosure": ["report_id", "item", "metric"],
    "fact_review_litigation": ["report_id", "case_type", "result"],
}
# fact column -> (dim table, kind filter for dim_review_litigation or None)
FACT_CODE_DIMS: dict[str, dict[str, tuple[str, str | None]]] = {
    "fact_request_handling": {
        "outcome": ("dim_request_outcome", None),
        "applicant_type": ("dim_applicant_type", None),
    },
    "fact_active_disclosure": {
        "item": ("dim_disclosure_item", None),
        "metric": ("dim_disclosure_metric", None),
    },
    "fact_review_litigation": {
        "case_type": ("dim_review_litigation", "case_type"),
        "result": ("dim_review_litigation", "result"),
    },
}
MAX_EXAMPLES = 10


@dataclass(frozen=True)
class SuiteOutcome:
    """One expectation's result: which expectation, on which column, pass/fail, and why.

    `table` names the frame the expectation ran on (marts suite spans several tables).
    """

    expectation: str
    column: str | None
    success: bool
    details: str
    table: str | None = None


@dataclass(frozen=True)
class SuiteRun:
    """A suite run: its outcomes, the rendered HTML report and the wall time in seconds."""

    name: str
    outcomes: list[SuiteOutcome]
    html: str
    seconds: float

    @property
    def success(self) -> bool:
        """True when every expectation passed."""
        return all(o.success for o in self.outcomes)


# ---- GX plumbing ---------------------------------------------------------------------------
_CACHE: dict[str, Any] = {}


def _context() -> Any:
    """The process-wide ephemeral GX context with one pandas datasource/asset/batch definition.

    Built on first use (this is where the multi-second GX import happens) and reused: building
    a context per call would repeat that cost and leak datasources.
    """
    if "batch_definition" not in _CACHE:
        import great_expectations as gx
        from great_expectations.data_context.types.base import ProgressBarsConfig

        ctx = gx.get_context(mode="ephemeral")
        # tqdm bars would spam pipeline logs (one per validation).
        ctx.variables.progress_bars = ProgressBarsConfig(globally=False)
        asset = ctx.data_sources.add_pandas("gongkai_frames").add_dataframe_asset("frame")
        _CACHE["context"] = ctx
        _CACHE["batch_definition"] = asset.add_batch_definition_whole_dataframe("whole_frame")
    return _CACHE["batch_definition"]


def _gxe() -> Any:
    import great_expectations.expectations as gxe

    return gxe


def _to_pandas(df: pl.DataFrame) -> Any:
    # Arrow-backed dtypes keep nullable i64/i32 as integers and strings as strings.
    return df.to_pandas(use_pyarrow_extension_array=True)


def _describe(result: Any) -> str:
    """Short human-readable details of a GX ExpectationValidationResult."""
    info = result.exception_info or {}
    if "raised_exception" not in info:  # keyed per metric when a metric failed to compute
        info = next(iter(info.values()), {}) if info else {}
    if info.get("raised_exception"):
        return f"error: {info.get('exception_message')}"
    r = result.result or {}
    if "unexpected_count" in r:
        n = r.get("unexpected_count") or 0
        if n == 0:
            return f"0 unexpected of {r.get('element_count', '?')}"
        examples = [str(v)[:80] for v in (r.get("partial_unexpected_list") or [])[:MAX_EXAMPLES]]
        return (
            f"{n} unexpected of {r.get('element_count', '?')} "
            f"({r.get('unexpected_percent') or 0:.1f}%); e.g. {examples}"
        )
    if "observed_value" in r:
        return f"observed {r['observed_value']}"
    return "passed" if result.success else "failed"


def _run(table: str | None, df: pl.DataFrame, expectations: list[Any]) -> list[SuiteOutcome]:
    """Validate `expectations` on one frame as one suite and convert the results."""
    import great_expectations as gx

    batch = _context().get_batch(batch_parameters={"dataframe": _to_pandas(df)})
    suite = gx.ExpectationSuite(name=f"gongkai_{table or 'frame'}")
    for e in expectations:
        suite.add_expectation(e)
    # SUMMARY gives counts and a few examples without materialising every failing row.
    res = batch.validate(suite, result_format="SUMMARY")
    out = []
    for r in res.results:
        cfg = r.expectation_config
        kw = cfg.kwargs
        column = kw.get("column") or (", ".join(kw["column_list"]) if kw.get("column_list") else None)
        details = _describe(r)
        cond = kw.get("row_condition")
        if cond:
            # GX stores a pandas condition as {'pass_through_filter': expr, ...}; show the expr.
            cond = cond.get("pass_through_filter", cond) if isinstance(cond, dict) else cond
            details = f"where {cond}: {details}"
        out.append(SuiteOutcome(cfg.type, column, bool(r.success), details, table))
    return out


# ---- normalised_reports --------------------------------------------------------------------
def normalised_suite(df: pl.DataFrame) -> list[SuiteOutcome]:
    """Gate on the normalised_reports frame.

    Every report has a report_year, residual traditional characters are at most
    RESIDUAL_TRADITIONAL_MAX (column `residual_traditional_ratio`), no markdown markup
    (MARKDOWN_REGEX) is left in `text`, and report_id is unique. A missing column is a failed
    expectation (with the error in `details`), not an exception. The agency is metadata, not a
    gate: a report without one is `partial` with an `agency_missing` finding and keeps its cells
    (the same rules as `normalised_report_failures`).
    """
    gxe = _gxe()
    return _run(
        "normalised_reports",
        df,
        [
            gxe.ExpectColumnValuesToNotBeNull(column="report_id"),
            gxe.ExpectColumnValuesToBeUnique(column="report_id"),
            gxe.ExpectColumnValuesToNotBeNull(column="report_year"),
            gxe.ExpectColumnValuesToBeBetween(
                column="residual_traditional_ratio", min_value=0.0, max_value=RESIDUAL_TRADITIONAL_MAX
            ),
            gxe.ExpectColumnValuesToNotMatchRegex(column="text", regex=MARKDOWN_REGEX),
        ],
    )


def normalised_report_failures(df: pl.DataFrame) -> pl.DataFrame:
    """The `normalised_suite` rules per report, in plain polars: (report_id, check_name, message).

    One row per failing (report, rule), so the pipeline can quarantine exactly those reports
    while the rest of the partition proceeds. Columns the frame lacks are skipped here (the
    pandera contract and the GX gate report them at frame level). Only text that cannot be
    trusted is a failure: a missing agency, region or date is not (metadata never costs a
    report its cells; staging records it as a finding and the report is `partial`).
    """
    cols = set(df.columns)
    rules: list[tuple[str, pl.Expr, pl.Expr]] = []
    if "report_year" in cols:
        rules.append(("report_year_missing", pl.col("report_year").is_null(), pl.lit("no report_year")))
    if "residual_traditional_ratio" in cols:
        ratio = pl.col("residual_traditional_ratio")
        rules.append((
            "residual_traditional",
            ratio > RESIDUAL_TRADITIONAL_MAX,
            pl.format("residual traditional ratio {} > {}", ratio.round(4), pl.lit(RESIDUAL_TRADITIONAL_MAX)),
        ))
    if "text" in cols:
        rules.append((
            "markdown_markup",
            pl.col("text").str.contains(MARKDOWN_REGEX),
            pl.format("markdown markup left in text: {}", pl.col("text").str.extract(MARKDOWN_REGEX, 0)),
        ))
    schema = {"report_id": pl.String, "check_name": pl.String, "message": pl.String}
    parts = [
        df.filter(cond.fill_null(False)).select(
            pl.col("report_id").cast(pl.String), pl.lit(name).alias("check_name"), msg.alias("message")
        )
        for name, cond, msg in rules
    ]
    return pl.concat(parts, how="vertical") if parts else pl.DataFrame(schema=schema)


# ---- marts ---------------------------------------------------------------------------------
def _codes(tables: dict[str, pl.DataFrame], dim: str, kind: str | None) -> list[str]:
    d = tables[dim]
    if kind is not None:
        d = d.filter(pl.col("kind") == kind)
    return d["code"].drop_nulls().unique().to_list()


def _missing_table(name: str) -> SuiteOutcome:
    return SuiteOutcome("table_present", None, False, f"table {name!r} not provided", name)


def marts_suite(tables: dict[str, pl.DataFrame], manifest: pl.DataFrame) -> list[SuiteOutcome]:
    """Integrity of the mart tables, as GX expectations.

    Per fact table: compound key unique, report_id in dim_report, codes in the dims' code sets,
    counts non-negative (active disclosure: all metrics except the signed `change`), cell_source
    in its domain. dim_report.report_id unique. Coverage: every manifest source_path is in
    dim_report.source_path or dq_findings.source_path, i.e. no input file vanished silently.

    `tables` maps mart table name to frame; `manifest` is landing_manifest filtered to the
    same partition as the marts (an unfiltered manifest would flag other years' files).
    """
    gxe = _gxe()
    outcomes: list[SuiteOutcome] = []
    needed = {"dim_report", "dq_findings", *FACT_KEYS}
    needed |= {dim for m in FACT_CODE_DIMS.values() for dim, _ in m.values()}
    for name in sorted(needed - set(tables)):
        outcomes.append(_missing_table(name))

    report_ids: list[str] | None = None
    if "dim_report" in tables:
        dim_report = tables["dim_report"]
        report_ids = dim_report["report_id"].drop_nulls().to_list()
        outcomes += _run("dim_report", dim_report, [
            gxe.ExpectColumnValuesToNotBeNull(column="report_id"),
            gxe.ExpectColumnValuesToBeUnique(column="report_id"),
        ])

    for fact, keys in FACT_KEYS.items():
        if fact not in tables:
            continue
        exps: list[Any] = [
            gxe.ExpectCompoundColumnsToBeUnique(column_list=keys),
            gxe.ExpectColumnValuesToBeInSet(column="cell_source", value_set=CELL_SOURCES),
        ]
        if report_ids is not None:
            exps.append(gxe.ExpectColumnValuesToBeInSet(column="report_id", value_set=report_ids))
        for col, (dim, kind) in FACT_CODE_DIMS[fact].items():
            if dim in tables:
                exps.append(gxe.ExpectColumnValuesToBeInSet(column=col, value_set=_codes(tables, dim, kind)))
        if fact == "fact_active_disclosure":
            # `change` (本年增/减) is signed by definition; every other metric is a count or amount.
            exps.append(gxe.ExpectColumnValuesToBeBetween(
                column="value", min_value=0, row_condition='metric!="change"', condition_parser="pandas"
            ))
        else:
            exps.append(gxe.ExpectColumnValuesToBeBetween(column="count", min_value=0))
        outcomes += _run(fact, tables[fact], exps)

    if "dim_report" in tables and "dq_findings" in tables:
        accounted = set(tables["dim_report"]["source_path"].drop_nulls().to_list())
        accounted |= set(tables["dq_findings"]["source_path"].drop_nulls().to_list())
        outcomes += _run("landing_manifest", manifest, [
            gxe.ExpectColumnValuesToBeInSet(column="source_path", value_set=sorted(accounted)),
        ])
    return outcomes


# ---- runner and HTML report ----------------------------------------------------------------
SUITES: dict[str, Callable[..., list[SuiteOutcome]]] = {
    "normalised": normalised_suite,
    "marts": marts_suite,
}


def run_suite(
    name: str, *args: Any, title: str | None = None, html_path: str | Path | None = None, **kwargs: Any
) -> SuiteRun:
    """Run the suite registered as `name` ('normalised' or 'marts') and render its HTML report.

    Positional/keyword arguments go to the suite function. If `html_path` is given the page is
    also written there (parent directories created). Returns outcomes, HTML and wall time.
    """
    try:
        fn = SUITES[name]
    except KeyError:
        raise KeyError(f"no suite named {name!r}; known: {sorted(SUITES)}") from None
    t0 = time.perf_counter()
    outcomes = fn(*args, **kwargs)
    seconds = time.perf_counter() - t0
    page = render_quality_html(outcomes, title or f"gongkai quality report: {name}")
    if html_path is not None:
        path = Path(html_path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page, encoding="utf-8")
    return SuiteRun(name=name, outcomes=outcomes, html=page, seconds=seconds)


_CSS = """
body{font-family:system-ui,-apple-system,"Noto Sans CJK SC",sans-serif;margin:2em;color:#222}
h1{font-size:1.4em} .sum{margin:.5em 0 1em}
table{border-collapse:collapse;width:100%;font-size:.9em}
th,td{border:1px solid #ccc;padding:.35em .6em;text-align:left;vertical-align:top}
th{background:#f3f3f3} tr.fail td{background:#fdecea} tr.pass td.st{color:#1a7f37}
tr.fail td.st{color:#b42318;font-weight:600} td.d{font-family:ui-monospace,monospace;word-break:break-word}
"""


def render_quality_html(outcomes: list[SuiteOutcome], title: str, findings: pl.DataFrame | None = None,
                        reports: pl.DataFrame | None = None) -> str:
    """A self-contained HTML page (inline CSS, no scripts, no external assets) of the outcomes.

    Failures are listed first so a reader sees what needs attention without scrolling.
    """
    n_fail = sum(not o.success for o in outcomes)
    ordered = sorted(outcomes, key=lambda o: o.success)  # stable: failures first, order kept
    rows = []
    for o in ordered:
        cls, status = ("pass", "PASS") if o.success else ("fail", "FAIL")
        rows.append(
            f'<tr class="{cls}"><td class="st">{status}</td><td>{html.escape(o.table or "")}</td>'
            f"<td>{html.escape(o.expectation)}</td><td>{html.escape(o.column or '')}</td>"
            f'<td class="d">{html.escape(o.details)}</td></tr>'
        )
    verdict = "all expectations passed" if n_fail == 0 else f"{n_fail} of {len(outcomes)} expectations failed"
    return (
        "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
        f"<title>{html.escape(title)}</title><style>{_CSS}</style></head><body>"
        f"<h1>{html.escape(title)}</h1>"
        f'<p class="sum"><strong>{html.escape(verdict)}</strong> '
        f"({len(outcomes) - n_fail} passed, {n_fail} failed)</p>"
        "<table><thead><tr><th>status</th><th>table</th><th>expectation</th><th>column</th>"
        "<th>details</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
        + _findings_html(findings, reports) + "</body></html>\n"
    )


def _findings_html(findings: pl.DataFrame | None, reports: pl.DataFrame | None = None) -> str:
    """The year's findings: counts per check, then every finding grouped by agency name and file (errors
    first), with the table cell a finding names where there is one. `reports` (dim_report) gives the names."""
    if findings is None:
        return ""
    from transforms.analysis import finding_location

    counts = findings.group_by("stage", "check_name", "severity").len().sort("severity", "stage", "check_name")
    head = "".join(f"<tr><td>{html.escape(str(a))}</td><td>{html.escape(str(b))}</td><td>{html.escape(str(c))}</td>"
                   f"<td>{n}</td></tr>" for a, b, c, n in counts.iter_rows())
    names = ({} if reports is None or "agency_name" not in reports.columns
             else dict(zip(reports["report_id"].to_list(), reports["agency_name"].to_list())))
    f = findings.with_columns(
        agency=pl.col("report_id").replace_strict(names, default=None, return_dtype=pl.String).fill_null("(no agency read)"),
        cell=pl.col("message").map_elements(finding_location, return_dtype=pl.String),
        _err=(pl.col("severity") == "error").cast(pl.Int32))
    groups = (f.group_by("agency", "source_path").agg(pl.col("_err").sum().alias("errors"), pl.len().alias("n"))
              .sort(["errors", "agency", "source_path"], descending=[True, False, False], nulls_last=True))
    body = []
    for agency, path, errors, n in groups.select("agency", "source_path", "errors", "n").iter_rows():
        rows = "".join(
            f"<tr class=\"{'fail' if r['severity'] == 'error' else 'pass'}\"><td>{html.escape(str(r['severity']))}</td>"
            f"<td>{html.escape(str(r['stage']))}</td><td>{html.escape(str(r['check_name']))}</td>"
            f"<td>{html.escape(r['cell'] or '')}</td><td class=\"d\">{html.escape(str(r['message']))}</td></tr>"
            for r in f.filter((pl.col("agency") == agency) & (pl.col("source_path").eq_missing(path)))
            .sort("_err", "stage", "check_name", "message", descending=[True, False, False, False]).iter_rows(named=True))
        body.append(f"<h3>{html.escape(agency)} <small>{html.escape(str(path))} · {n} finding(s), {errors} error(s)"
                    "</small></h3><table><thead><tr><th>severity</th><th>stage</th><th>check</th><th>cell</th>"
                    f"<th>message</th></tr></thead><tbody>{rows}</tbody></table>")
    return (f"<h2>Findings ({findings.height})</h2><table><thead><tr><th>stage</th><th>check</th><th>severity</th>"
            f"<th>n</th></tr></thead><tbody>{head}</tbody></table><h2>Findings by agency and file</h2>" + "".join(body))
