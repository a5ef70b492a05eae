"""Contracts: every pandera model accepts a valid frame and names the rule a broken one breaks;
the GX suites pass and fail as intended; the per-report and cross-year helpers agree.

GX tests are marked `gx` (`pytest -m "not gx"` skips them); they share the one ephemeral
context cached in `expectations.suites`, so the ~3 s GX import is paid once per session.
"""

from __future__ import annotations

import datetime as dt
import hashlib

import polars as pl
import pytest

from expectations.contracts import CONTRACTS
from expectations.validate import FINDINGS_SCHEMA, continuity_findings, validate
from transforms.labels import (
    APPLICANT_TYPES,
    DISCLOSURE_ITEMS,
    DISCLOSURE_METRICS,
    REQUEST_OUTCOMES,
    REVIEW_CASE_TYPES,
    REVIEW_RESULTS,
    SECTION_TITLES,
)

SHA_A = hashlib.sha256(b"report a").hexdigest()
SHA_B = hashlib.sha256(b"report b").hexdigest()
RID_A, RID_B = SHA_A[:16], SHA_B[:16]
I32 = pl.Int32
I64 = pl.Int64


# ---------------------------------------------------------------------------- valid frames
def _manifest() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "source_path": ["2020/a.txt", "2020/b.html", "junk/c.bin"],
            "sha256": [SHA_A, SHA_B, hashlib.sha256(b"c").hexdigest()],
            "size_bytes": [10, 20, 3],
            "source_format": ["txt", "html", "unknown"],
            "encoding": ["utf-8", "gb18030", None],
            "report_year": pl.Series([2020, 2020, None], dtype=I32),
            "status": ["accepted", "accepted", "rejected"],
            "check_name": [None, None, "unsupported_format"],
            "message": [None, None, "binary file"],
        }
    )


def _raw() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "report_id": [RID_A, RID_B],
            "source_path": ["2020/a.txt", "2020/b.html"],
            "report_year": pl.Series([2020, 2020], dtype=I32),
            "source_format": ["txt", "html"],
            "encoding": ["utf-8", None],
            "raw_text": ["某县人民政府2020年政府信息公开工作年度报告", "x"],
        }
    )


def _normalised() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "report_id": [RID_A, RID_B],
            "source_path": ["2020/a.txt", "2020/b.html"],
            "report_year": pl.Series([2020, 2020], dtype=I32),
            "text": ["一、总体情况\n| 项目 | 数量 |\n|---|---|\n| 规章 | 0 |", "二、主动公开\n规章\t0"],
            "title": ["某县2020年报告", None],
            "agency_name": ["某县人民政府", "某市财政局"],
            "region_province": ["宁夏回族自治区", None],
            "region_city": ["中卫市", None],
            "region_county": ["中宁县", None],
            "region_township": [None, None],
            "admin_level": ["county", None],
            "published_date": [dt.date(2021, 1, 20), None],
            "source_script": ["simplified", "traditional"],
            "source_format": ["txt", "html"],
            "traditional_ratio": [0.0, 0.4],
            "residual_traditional_ratio": [0.0, 0.01],
        },
        schema_overrides={"region_township": pl.String},
    )


def _sections() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "report_id": [RID_A] * 6,
            "report_year": pl.Series([2020] * 6, dtype=I32),
            "section_no": list(range(1, 7)),
            "title": [SECTION_TITLES[i] for i in range(1, 7)],
            "text": ["…"] * 6,
        }
    )


def _request_cells() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "report_id": [RID_A, RID_A, RID_A, RID_A],
            "report_year": pl.Series([2020] * 4, dtype=I32),
            "outcome": ["new_received", "new_received", "carried_over", "granted"],
            "applicant_type": ["natural_person", "total", "total", "total"],
            "count": pl.Series([3, 5, 0, None], dtype=I64),
            "cell_source": ["printed", "printed", "blank", "missing"],
            "source_page": pl.Series([1, 1, 2, None], dtype=I32),
            "ocr": [False] * 4,
        }
    )


def _active_cells() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "report_id": [RID_A] * 4,
            "report_year": pl.Series([2020] * 4, dtype=I32),
            "item": ["rules", "admin_licensing", "admin_licensing", "centralized_procurement"],
            "metric": ["new_made", "prev_year_items", "change", "procurement_amount_wan_yuan"],
            "value": [0.0, 246.0, -45.0, 45996.82],
            "cell_source": ["printed", "printed", "printed", "printed"],
            "source_page": pl.Series([None] * 4, dtype=I32),
            "ocr": [True] * 4,
        }
    )


def _review_cells() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "report_id": [RID_A, RID_A],
            "report_year": pl.Series([2020, 2020], dtype=I32),
            "case_type": ["admin_review", "litigation_direct"],
            "result": ["upheld", "total"],
            "count": pl.Series([1, None], dtype=I64),
            "cell_source": ["printed", "missing"],
            "source_page": pl.Series([3, None], dtype=I32),
            "ocr": [False, False],
        }
    )


def _findings() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "report_id": [None, RID_A],
            "source_path": ["junk/c.bin", "2020/a.txt"],
            "report_year": [None, 2020],
            "stage": ["landing", "tables"],
            "check_name": ["unsupported_format", "table3_total_mismatch"],
            "severity": ["error", "warning"],
            "message": ["binary file", "总计 5 != 4"],
        },
        schema=FINDINGS_SCHEMA,
    )


def _dim_report() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "report_id": [RID_A, RID_B],
            "source_path": ["2020/a.txt", "2020/b.html"],
            "agency_name": ["某县人民政府", None],
            "region_province": ["宁夏回族自治区", None],
            "region_city": ["中卫市", None],
            "region_county": ["中宁县", None],
            "region_township": pl.Series([None, None], dtype=pl.String),
            "admin_level": ["county", None],
            "report_year": pl.Series([2020, 2020], dtype=I32),
            "template": ["2019", "unknown"],
            "source_script": ["simplified", "traditional"],
            "source_format": ["txt", "html"],
            "parse_status": ["ok", "quarantined"],
            "published_date": [dt.date(2021, 1, 20), None],
            "title": ["某县2020年报告", None],
            "sha256": [SHA_A, SHA_B],
        }
    )


def _dim(pairs: list[tuple[str, str]]) -> pl.DataFrame:
    return pl.DataFrame(
        {"code": [c for c, _ in pairs], "label_zh": [z for _, z in pairs], "sort_order": list(range(len(pairs)))}
    )


def _dim_review() -> pl.DataFrame:
    return pl.concat(
        [
            _dim(REVIEW_CASE_TYPES).with_columns(pl.lit("case_type").alias("kind")),
            _dim(REVIEW_RESULTS).with_columns(pl.lit("result").alias("kind")),
        ]
    ).select("kind", "code", "label_zh", "sort_order")


VALID = {
    "landing_manifest": _manifest,
    "raw_reports": _raw,
    "normalised_reports": _normalised,
    "report_sections": _sections,
    "request_handling_cells": _request_cells,
    "active_disclosure_cells": _active_cells,
    "review_litigation_cells": _review_cells,
    "findings": _findings,
    "dim_report": _dim_report,
    "dim_applicant_type": lambda: _dim(APPLICANT_TYPES),
    "dim_request_outcome": lambda: _dim(REQUEST_OUTCOMES),
    "dim_disclosure_item": lambda: _dim(DISCLOSURE_ITEMS),
    "dim_disclosure_metric": lambda: _dim(DISCLOSURE_METRICS),
    "dim_review_litigation": _dim_review,
    "fact_request_handling": _request_cells,
    "fact_active_disclosure": _active_cells,
    "fact_review_litigation": _review_cells,
    "dq_findings": _findings,
}


def _set(df: pl.DataFrame, row: int, col: str, value) -> pl.DataFrame:
    """Replace one cell, keeping the column dtype."""
    s = df[col].to_list()
    s[row] = value
    return df.with_columns(pl.Series(col, s, dtype=df.schema[col]))


def _dup_first(df: pl.DataFrame) -> pl.DataFrame:
    return pl.concat([df, df.head(1)])


# --------------------------------------------------------------------------- pandera tests
def test_registry_covers_every_frame_and_mart_table():
    assert set(CONTRACTS) == set(VALID)


@pytest.mark.parametrize("name", sorted(VALID))
def test_valid_frame_passes(name):
    res = validate(name, VALID[name]())
    assert res.passed, res.summary + "\n" + str(res.failures)
    assert res.n_rows == VALID[name]().height
    assert res.failures.height == 0
    assert res.failures.columns == ["column", "check", "failure_case", "index"]


# (name, breaker, expected column, substring of expected check)
BROKEN = [
    # duplicate keys
    *[(n, _dup_first, "(frame)", "unique_key") for n in sorted(VALID)
      if n not in ("findings", "dq_findings")],
    # bad codes
    ("request_handling_cells", lambda d: _set(d, 0, "outcome", "granted_ish"), "outcome", "isin"),
    ("fact_request_handling", lambda d: _set(d, 0, "applicant_type", "robot"), "applicant_type", "isin"),
    ("active_disclosure_cells", lambda d: _set(d, 0, "metric", "bogus"), "metric", "isin"),
    ("fact_active_disclosure", lambda d: _set(d, 0, "item", "bogus"), "item", "isin"),
    ("review_litigation_cells", lambda d: _set(d, 0, "result", "won"), "result", "isin"),
    ("fact_review_litigation", lambda d: _set(d, 0, "case_type", "appeal"), "case_type", "isin"),
    ("dim_report", lambda d: _set(d, 0, "template", "2023"), "template", "isin"),
    ("dim_report", lambda d: _set(d, 0, "parse_status", "fine"), "parse_status", "isin"),
    ("dim_report", lambda d: _set(d, 0, "admin_level", "village"), "admin_level", "isin"),
    ("dim_applicant_type", lambda d: _set(d, 0, "code", "alien"), "code", "isin"),
    ("dim_review_litigation", lambda d: _set(d, 0, "code", "pending"), "(frame)", "code_matches_kind"),
    ("normalised_reports", lambda d: _set(d, 0, "source_script", "pinyin"), "source_script", "isin"),
    ("findings", lambda d: _set(d, 0, "severity", "info"), "severity", "isin"),
    ("landing_manifest", lambda d: _set(d, 0, "source_format", "xls"), "source_format", "isin"),
    ("report_sections", lambda d: _set(d, 0, "section_no", 7), "section_no", "isin"),
    ("request_handling_cells", lambda d: _set(d, 0, "cell_source", "guessed"), "cell_source", "isin"),
    # negative counts
    ("request_handling_cells", lambda d: _set(d, 0, "count", -1), "count", "greater_than_or_equal_to"),
    ("fact_review_litigation", lambda d: _set(d, 0, "count", -2), "count", "greater_than_or_equal_to"),
    ("active_disclosure_cells", lambda d: _set(d, 1, "value", -5.0), "(frame)", "non_negative_except_change"),
    ("active_disclosure_cells", lambda d: _set(d, 1, "value", float("nan")), "(frame)",
     "non_negative_except_change"),
    ("landing_manifest", lambda d: _set(d, 0, "size_bytes", -1), "size_bytes", "greater_than_or_equal_to"),
    # missing with a value
    ("request_handling_cells", lambda d: _set(d, 3, "count", 7), "(frame)", "missing_cell_has_no_value"),
    ("fact_active_disclosure", lambda d: _set(d, 0, "cell_source", "missing"), "(frame)",
     "missing_cell_has_no_value"),
    ("review_litigation_cells", lambda d: _set(d, 0, "cell_source", "missing"), "(frame)",
     "missing_cell_has_no_value"),
    # dtypes, formats, cross-column rules
    ("fact_request_handling", lambda d: d.with_columns(pl.col("count").cast(pl.Float64)), "count", "dtype"),
    ("dim_report", lambda d: d.with_columns(pl.col("report_year").cast(pl.Int64)), "report_year", "dtype"),
    ("report_sections", lambda d: d.with_columns(pl.col("section_no").cast(pl.String)), "section_no", "dtype"),
    ("raw_reports", lambda d: _set(d, 0, "report_id", "XYZ"), "report_id", "str_matches"),
    ("raw_reports", lambda d: _set(d, 0, "report_year", 1999), "report_year", "greater_than_or_equal_to"),
    ("landing_manifest", lambda d: _set(d, 0, "source_path", "/abs/a.txt"), "source_path", "str_matches"),
    ("landing_manifest", lambda d: _set(d, 2, "check_name", None), "(frame)", "rejected_has_reason"),
    ("landing_manifest", lambda d: _set(d, 0, "report_year", None), "(frame)", "accepted_has_year"),
    ("dim_report", lambda d: _set(d, 0, "sha256", SHA_B), "(frame)", "report_id_is_sha256_prefix"),
    ("normalised_reports", lambda d: _set(d, 0, "traditional_ratio", 1.5), "traditional_ratio",
     "less_than_or_equal_to"),
    ("fact_request_handling", lambda d: d.drop("cell_source"), "(frame)", "column_in_dataframe"),
    ("dq_findings", lambda d: _set(d, 0, "message", None), "message", "not_nullable"),
]


@pytest.mark.parametrize(
    "name,breaker,column,check",
    BROKEN,
    ids=[f"{n}-{chk}-{i}" for i, (n, _, _, chk) in enumerate(BROKEN)],
)
def test_broken_frame_fails_with_named_check(name, breaker, column, check):
    res = validate(name, breaker(VALID[name]()))
    assert not res.passed
    hits = res.failures.filter((pl.col("column") == column) & pl.col("check").str.contains(check, literal=True))
    assert hits.height >= 1, res.summary + "\n" + str(res.failures)
    assert check in res.summary


def test_negative_change_is_allowed():
    df = _active_cells()
    assert df.filter(pl.col("metric") == "change")["value"].item() < 0
    assert validate("fact_active_disclosure", df).passed


def test_duplicate_key_reports_every_colliding_row():
    res = validate("fact_request_handling", _dup_first(_request_cells()))
    rows = res.failures.filter(pl.col("check") == "unique_key")
    assert sorted(rows["index"].to_list()) == ["0", "4"]
    assert RID_A in rows["failure_case"][0]


def test_lazy_validation_collects_all_failures():
    df = _set(_set(_request_cells(), 0, "count", -1), 1, "outcome", "nope")
    res = validate("request_handling_cells", df)
    assert {"count", "outcome"} <= set(res.failures["column"].to_list())
    assert all(res.failures.schema[c] == pl.String for c in res.failures.columns)


def test_failures_are_capped_but_summary_counts_all():
    n = 200
    df = pl.concat([_request_cells().head(1)] * n).with_columns(pl.lit(-1, dtype=I64).alias("count"))
    res = validate("request_handling_cells", df)
    assert res.failures.height == 50
    assert "400 failure case(s)" in res.summary  # 200 negative counts + 200 duplicate-key rows


def test_unknown_contract_name_raises():
    with pytest.raises(KeyError, match="no contract named"):
        validate("fact_typo", _request_cells())


# ----------------------------------------------------------------- per-report normalised rules
def test_normalised_report_failures_per_report():
    from expectations.suites import normalised_report_failures

    assert normalised_report_failures(_normalised()).height == 0
    df = _set(_normalised(), 1, "agency_name", None)
    df = _set(df, 0, "text", "一、总体情况\n## 二、主动公开\n**加粗**")
    df = _set(df, 0, "residual_traditional_ratio", 0.3)
    out = normalised_report_failures(df)
    assert out.columns == ["report_id", "check_name", "message"]
    got = set(zip(out["report_id"], out["check_name"]))
    # a missing agency is metadata, not untrusted text: a finding in staging, never a quarantine
    assert got == {(RID_A, "markdown_markup"), (RID_A, "residual_traditional")}
    assert "0.3" in out.filter(pl.col("check_name") == "residual_traditional")["message"].item()


def test_markdown_regex_ignores_pipe_tables_and_flags_markup():
    from expectations.suites import MARKDOWN_REGEX

    s = pl.Series(
        [
            "| 项目 | 数量 |\n|---|---|\n| 规章 | 0 |",  # pipe table: canonical, allowed
            "规章\t0\t1",
            "第#3号文件",  # a # that is not a heading
            "x\n# 一、总体情况",
            "**一、总体情况**",
            "见[链接](http://x.gov.cn)",
            "> 引用",
        ]
    )
    assert s.str.contains(MARKDOWN_REGEX).to_list() == [False, False, False, True, True, True, True]


# ------------------------------------------------------------------------ cross-year continuity
def _continuity_fixture():
    dim = pl.DataFrame(
        {
            "report_id": ["a" * 16, "b" * 16, "c" * 16, "d" * 16, "e" * 16],
            "source_path": ["2019/x.txt", "2020/x.txt", "2021/x.txt", "2020/y.txt", "2021/y.txt"],
            "agency_name": ["甲县人民政府", "甲县人民政府", "甲县人民政府", "乙县人民政府", "乙县人民政府"],
            "report_year": pl.Series([2019, 2020, 2021, 2020, 2021], dtype=I32),
        }
    )
    rows = [
        ("a" * 16, "carried_forward", 4),
        ("b" * 16, "carried_over", 4),  # matches 2019 -> fine
        ("b" * 16, "carried_forward", 7),
        ("c" * 16, "carried_over", 9),  # 2020 said 7 -> violation
        ("d" * 16, "carried_forward", 2),
        ("e" * 16, "carried_over", None),  # unknown: skipped
    ]
    fact = pl.DataFrame(
        {
            "report_id": [r for r, _, _ in rows],
            "outcome": [o for _, o, _ in rows],
            "applicant_type": ["total"] * len(rows),
            "count": pl.Series([c for _, _, c in rows], dtype=I64),
        }
    )
    return fact, dim


def test_continuity_findings_flags_only_the_break():
    fact, dim = _continuity_fixture()
    out = continuity_findings(fact, dim)
    assert out.height == 1
    row = out.row(0, named=True)
    assert row["report_id"] == "c" * 16 and row["report_year"] == 2021
    assert row["check_name"] == "cross_year_continuity" and row["severity"] == "warning"
    for piece in ("9", "7", "c" * 16, "b" * 16):
        assert piece in row["message"]
    assert validate("findings", out).passed


def test_continuity_findings_empty_when_consistent():
    fact, dim = _continuity_fixture()
    fact = fact.with_columns(
        pl.when(pl.col("report_id") == "c" * 16).then(7).otherwise(pl.col("count")).alias("count")
    )
    out = continuity_findings(fact, dim)
    assert out.height == 0 and out.schema == pl.Schema(FINDINGS_SCHEMA)


# ------------------------------------------------------------------------------ GX suites
def _marts() -> dict[str, pl.DataFrame]:
    return {name: VALID[name]() for name in VALID if name.startswith(("dim_", "fact_", "dq_"))}


@pytest.fixture(scope="module")
def suites():
    """The suites module with its (cached) GX context already built."""
    from expectations import suites as s

    s._context()
    return s


@pytest.mark.gx
def test_normalised_suite_passes(suites):
    out = suites.normalised_suite(_normalised())
    assert out and all(o.success for o in out), [o for o in out if not o.success]


@pytest.mark.gx
def test_normalised_suite_fails_on_bad_reports(suites):
    df = _set(_normalised(), 1, "agency_name", None)
    df = _set(df, 0, "text", "**标题**\n| a | b |")
    df = _set(df, 1, "residual_traditional_ratio", 0.2)
    failed = {(o.expectation, o.column) for o in suites.normalised_suite(df) if not o.success}
    assert failed == {  # a missing agency is not a failure: the report goes on as `partial`
        ("expect_column_values_to_be_between", "residual_traditional_ratio"),
        ("expect_column_values_to_not_match_regex", "text"),
    }


@pytest.mark.gx
def test_normalised_suite_reports_missing_column(suites):
    out = suites.normalised_suite(_normalised().drop("residual_traditional_ratio"))
    bad = [o for o in out if not o.success]
    assert [o.column for o in bad] == ["residual_traditional_ratio"]
    assert "does not exist" in bad[0].details


@pytest.mark.gx
def test_marts_suite_passes(suites):
    out = suites.marts_suite(_marts(), _manifest())
    assert out and all(o.success for o in out), [o for o in out if not o.success]


@pytest.mark.gx
def test_marts_suite_fails_on_broken_marts(suites):
    t = _marts()
    t["fact_request_handling"] = _dup_first(_set(t["fact_request_handling"], 1, "report_id", "f" * 16))
    t["fact_active_disclosure"] = _set(t["fact_active_disclosure"], 0, "value", -1.0)  # change stays ok
    t["fact_review_litigation"] = _set(t["fact_review_litigation"], 0, "result", "pending_x")
    t["dq_findings"] = t["dq_findings"].filter(pl.col("source_path") != "junk/c.bin")  # file vanished
    failed = {(o.table, o.expectation, o.column) for o in suites.marts_suite(t, _manifest()) if not o.success}
    assert failed == {
        ("fact_request_handling", "expect_compound_columns_to_be_unique", "report_id, outcome, applicant_type"),
        ("fact_request_handling", "expect_column_values_to_be_in_set", "report_id"),
        ("fact_active_disclosure", "expect_column_values_to_be_between", "value"),
        ("fact_review_litigation", "expect_column_values_to_be_in_set", "result"),
        ("landing_manifest", "expect_column_values_to_be_in_set", "source_path"),
    }


@pytest.mark.gx
def test_marts_suite_reports_missing_table(suites):
    t = _marts()
    del t["dq_findings"]
    bad = [o for o in suites.marts_suite(t, _manifest()) if not o.success]
    assert [(o.table, o.expectation) for o in bad] == [("dq_findings", "table_present")]


@pytest.mark.gx
def test_run_suite_renders_html(suites, tmp_path):
    df = _set(_normalised(), 1, "report_id", None)  # a missing agency is no longer a failure (partial, not quarantined)
    run = suites.run_suite("normalised", df, title="年报 <质量>", html_path=tmp_path / "q" / "n.html")
    assert not run.success and run.seconds > 0
    page = (tmp_path / "q" / "n.html").read_text(encoding="utf-8")
    assert page == run.html
    assert page.startswith("<!DOCTYPE html>") and "年报 &lt;质量&gt;" in page
    assert "<script" not in page and "http" not in page  # self-contained
    assert page.index("FAIL") < page.index("PASS")  # failures first
    assert "1 of " in page and "report_id" in page


def test_render_quality_html_without_gx():
    from expectations.suites import SuiteOutcome, render_quality_html

    page = render_quality_html(
        [SuiteOutcome("expect_x", "c", True, "0 unexpected of 3"), SuiteOutcome("expect_y", None, False, "<b>")],
        "t",
    )
    assert "&lt;b&gt;" in page and "1 of 2 expectations failed" in page
