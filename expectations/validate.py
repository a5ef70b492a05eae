"""One entry point for the pandera contracts, plus the cross-year continuity check.

Pure functions on polars frames; nothing here imports Dagster or great-expectations, so the
transforms and their tests can call them cheaply.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandera.errors as pa_errors
import polars as pl

from expectations.contracts import CONTRACTS

MAX_FAILURE_ROWS = 50
FAILURE_COLUMNS = ["column", "check", "failure_case", "index"]
FINDINGS_SCHEMA: dict[str, pl.DataType] = {
    "report_id": pl.String(),
    "source_path": pl.String(),
    "report_year": pl.Int32(),
    "stage": pl.String(),
    "check_name": pl.String(),
    "severity": pl.String(),
    "message": pl.String(),
}


@dataclass(frozen=True)
class ValidationResult:
    """Outcome of validating one frame against its contract.

    `failures` has string columns column, check, failure_case, index (at most
    MAX_FAILURE_ROWS rows; `summary` counts all of them). Frame-level checks (keys, cross-column
    rules) report column "(frame)" and the offending row as JSON in failure_case.
    """

    passed: bool
    n_rows: int
    failures: pl.DataFrame
    summary: str


def _empty_failures() -> pl.DataFrame:
    return pl.DataFrame(schema={c: pl.String for c in FAILURE_COLUMNS})


def validate(name: str, df: pl.DataFrame | pl.LazyFrame) -> ValidationResult:
    """Validate `df` against the contract registered as `name` in `CONTRACTS`.

    Validation is lazy, so every failing check and row is collected in one pass instead of
    stopping at the first error. Raises KeyError for an unknown name (a typo must not pass as
    "no contract, nothing to check"). The frame is not modified (no coercion).
    """
    try:
        model = CONTRACTS[name]
    except KeyError:
        raise KeyError(f"no contract named {name!r}; known: {sorted(CONTRACTS)}") from None
    if isinstance(df, pl.LazyFrame):
        df = df.collect()

    try:
        model.validate(df, lazy=True)
    except pa_errors.SchemaErrors as err:
        raw = err.failure_cases
        if not isinstance(raw, pl.DataFrame):  # defensive: pandas-backed failure cases
            raw = pl.from_pandas(raw)
        failures = raw.select(
            # Frame-level checks report the model name as "column"; say so plainly instead.
            pl.when(pl.col("schema_context") == "DataFrameSchema")
            .then(pl.lit("(frame)"))
            .otherwise(pl.col("column").cast(pl.String))
            .alias("column"),
            pl.col("check").cast(pl.String),
            pl.col("failure_case").cast(pl.String),
            pl.col("index").cast(pl.String),
        )
    except pa_errors.SchemaError as err:  # non-lazy path should not happen; keep it reportable
        failures = pl.DataFrame(
            {"column": [str(getattr(err, "column_name", None) or "(frame)")],
             "check": [str(getattr(err, "check", None) or "schema")],
             "failure_case": [str(err)], "index": [None]},
            schema={c: pl.String for c in FAILURE_COLUMNS},
        )
    except (pl.exceptions.PolarsError, TypeError, ValueError) as err:
        # A check that crashes (e.g. a frame check on an absent column) is still a failure of the
        # contract, not a pipeline crash: report it as one row.
        failures = pl.DataFrame(
            {"column": ["(frame)"], "check": ["exception"],
             "failure_case": [f"{type(err).__name__}: {err}"], "index": [None]},
            schema={c: pl.String for c in FAILURE_COLUMNS},
        )
    else:
        failures = _empty_failures()

    passed = failures.height == 0
    return ValidationResult(
        passed=passed,
        n_rows=df.height,
        failures=failures.head(MAX_FAILURE_ROWS),
        summary=_summarise(name, df.height, failures),
    )


def _summarise(name: str, n_rows: int, failures: pl.DataFrame) -> str:
    if failures.height == 0:
        return f"{name}: {n_rows} rows, all checks passed"
    per_check = (
        failures.group_by("column", "check", maintain_order=True)
        .len()
        .select(pl.format("{}/{} ×{}", "column", "check", "len").alias("s"))["s"]
        .to_list()
    )
    return (
        f"{name}: {n_rows} rows, FAILED — {failures.height} failure case(s) in "
        f"{len(per_check)} check(s): " + "; ".join(per_check)
    )


def continuity_findings(fact_request_handling: pl.DataFrame, dim_report: pl.DataFrame) -> pl.DataFrame:
    """Cross-year continuity: 上年结转 in year y must equal 结转下年度 in year y−1, per agency.

    Compares, for the same `agency_name`, the applicant-`total` count of outcome `carried_over`
    in year y with that of `carried_forward` in year y−1. Returns one findings row (the
    architecture's findings frame, stage 'marts', check_name 'cross_year_continuity', severity
    'warning') per violating pair, attached to the year-y report. Pairs where either count is
    null, or the agency is unknown, are skipped: there is nothing to compare. A warning, not an
    error, because either report may be right (agencies do restate their backlog).
    """
    reports = dim_report.select(
        "report_id", "source_path", "agency_name", pl.col("report_year").cast(pl.Int32)
    ).filter(pl.col("agency_name").is_not_null())

    def totals(outcome: str, prefix: str) -> pl.DataFrame:
        return (
            fact_request_handling.filter(
                (pl.col("outcome") == outcome)
                & (pl.col("applicant_type") == "total")
                & pl.col("count").is_not_null()
            )
            .select("report_id", "count")
            .join(reports, on="report_id", how="inner")  # year and agency come from dim_report
            .select(pl.all().name.prefix(prefix))
        )

    cur = totals("carried_over", "cur_")
    prev = totals("carried_forward", "prev_").with_columns(
        (pl.col("prev_report_year") + 1).alias("cur_report_year")
    )
    pairs = cur.join(
        prev,
        left_on=["cur_agency_name", "cur_report_year"],
        right_on=["prev_agency_name", "cur_report_year"],
        how="inner",
    ).filter(pl.col("cur_count") != pl.col("prev_count"))

    out = pairs.select(
        pl.col("cur_report_id").alias("report_id"),
        pl.col("cur_source_path").alias("source_path"),
        pl.col("cur_report_year").cast(pl.Int32).alias("report_year"),
        pl.lit("marts").alias("stage"),
        pl.lit("cross_year_continuity").alias("check_name"),
        pl.lit("warning").alias("severity"),
        pl.format(
            "{}: 上年结转 (carried_over) {} in {} report {} != 结转下年度 (carried_forward) {} "
            "in {} report {}",
            "cur_agency_name", "cur_count", "cur_report_year", "cur_report_id",
            "prev_count", "prev_report_year", "prev_report_id",
        ).alias("message"),
    )
    return out.cast(FINDINGS_SCHEMA).sort("report_year", "report_id")
