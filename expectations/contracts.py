"""Pandera (polars backend) contracts: one model per frame between layers and per mart table.

The frames are listed in docs/architecture.md; the mart tables in the warehouse data contract.
Every code domain is imported from `transforms.labels` so a code added there is accepted here.

Conventions, and why:
- `strict = False`: the contract names the columns a frame *must* have; a layer may carry
  extra working columns (e.g. `residual_traditional_ratio`) without breaking its consumers.
- `coerce = False`: a contract reports a wrong dtype instead of silently fixing it, so the
  producing transform gets fixed.
- Keys are checked with dataframe-level checks named `unique_key` (every duplicated row is a
  failure case, which shows *which* key collided).
- Cross-column rules are dataframe checks with descriptive names (`missing_cell_has_no_value`,
  `non_negative_except_change`, ...), so a failure is named after the rule it breaks.
- Integer columns whose width the contract does not fix (`section_no`, `sort_order`) accept any
  integer dtype (`AnyInteger`); widths the contract does fix are exact (report_year i32, count i64).

Use `expectations.validate.validate(name, df)` rather than calling the models directly.
"""

from __future__ import annotations

from typing import Optional

import pandera.polars as pa
import polars as pl
from pandera.dtypes import immutable
from pandera.engines import polars_engine

from transforms.labels import (
    ADMIN_LEVELS,
    APPLICANT_CODES,
    CASE_TYPE_CODES,
    CELL_SOURCES,
    DISCLOSURE_ITEM_CODES,
    DISCLOSURE_METRIC_CODES,
    OUTCOME_CODES,
    PARSE_STATUSES,
    REVIEW_RESULT_CODES,
    SECTION_TITLES,
    SEVERITIES,
    SOURCE_SCRIPTS,
    TEMPLATES,
)

# Not in labels.py because they are not warehouse vocabulary with Chinese labels, only
# file-level metadata; kept here, next to the only code that enforces them.
SOURCE_FORMATS = ["txt", "md", "html", "pdf", "pdf-ocr", "docx", "doc", "unknown"]
MANIFEST_STATUSES = ["accepted", "rejected"]
REVIEW_KINDS = ["case_type", "result"]

REPORT_ID_RE = r"^[0-9a-f]{16}$"
SHA256_RE = r"^[0-9a-f]{64}$"
# Relative posix path: no leading slash, no backslash, no drive letter.
POSIX_RELATIVE_RE = r"^[^/\\][^\\]*$"
# The disclosure regulation dates from 2007, so the first annual reports cover 2008; the upper
# bound only catches OCR'd or mis-parsed years such as 2109.
REPORT_YEAR_MIN, REPORT_YEAR_MAX = 2008, 2100
SECTION_NOS = sorted(SECTION_TITLES)


@immutable
class AnyInteger(polars_engine.DataType):
    """A pandera dtype that accepts every polars integer dtype (Int8..UInt64).

    Used where the data contract fixes the domain (e.g. 1–6) but not the storage width, so a
    transform that builds the column from Python ints (Int64) or casts it (Int32) both pass.
    """

    type = pl.Int64

    def check(self, pandera_dtype, data_container=None) -> bool:  # noqa: D102 - pandera hook
        try:
            dtype = polars_engine.Engine.dtype(pandera_dtype).type
        except TypeError:
            return False
        return bool(dtype.is_integer())

    def __str__(self) -> str:
        return "any integer"


# --------------------------------------------------------------------------------------------
# helpers for dataframe-level checks (each returns a one-column boolean LazyFrame, row-aligned)
# --------------------------------------------------------------------------------------------
def _unique(data, keys: list[str]) -> pl.LazyFrame:
    # is_duplicated marks *every* member of a collision, so all colliding rows are reported.
    return data.lazyframe.select((~pl.struct(keys).is_duplicated()).alias("unique_key"))


def _missing_has_no_value(data, value_col: str) -> pl.LazyFrame:
    # A 'missing' cell means the report did not contain it: any value there was invented.
    ok = (pl.col("cell_source") != "missing") | pl.col(value_col).is_null()
    return data.lazyframe.select(ok.fill_null(True).alias("ok"))


# --------------------------------------------------------------------------------------------
# frames between layers
# --------------------------------------------------------------------------------------------
class _Base(pa.DataFrameModel):
    class Config:
        strict = False
        coerce = False


class LandingManifest(_Base):
    """Every landed file (accepted or rejected) with its hash, format and year guess."""

    source_path: str = pa.Field(str_matches=POSIX_RELATIVE_RE)
    # null only for files that were never read (a symlink out of the input, an unreadable file)
    sha256: str = pa.Field(str_matches=SHA256_RE, nullable=True)
    size_bytes: pl.Int64 = pa.Field(ge=0, nullable=True)
    source_format: str = pa.Field(isin=SOURCE_FORMATS)
    encoding: str = pa.Field(nullable=True)
    report_year: pl.Int32 = pa.Field(nullable=True, ge=REPORT_YEAR_MIN, le=REPORT_YEAR_MAX)
    status: str = pa.Field(isin=MANIFEST_STATUSES)
    check_name: str = pa.Field(nullable=True)
    message: str = pa.Field(nullable=True)

    @pa.dataframe_check
    def unique_key(cls, data) -> pl.LazyFrame:
        """One row per landed file."""
        return _unique(data, ["source_path"])

    @pa.dataframe_check
    def rejected_has_reason(cls, data) -> pl.LazyFrame:
        """A rejection without a check name cannot be explained or counted in dq_findings."""
        ok = (pl.col("status") != "rejected") | pl.col("check_name").is_not_null()
        return data.lazyframe.select(ok.fill_null(True))

    @pa.dataframe_check
    def accepted_was_read(cls, data) -> pl.LazyFrame:
        """An accepted file was read, so it has a hash and a size."""
        ok = (pl.col("status") != "accepted") | (pl.col("sha256").is_not_null() & pl.col("size_bytes").is_not_null())
        return data.lazyframe.select(ok.fill_null(True))

    @pa.dataframe_check
    def accepted_has_year(cls, data) -> pl.LazyFrame:
        """Accepted files are routed to a year partition, which needs a year."""
        ok = (pl.col("status") != "accepted") | pl.col("report_year").is_not_null()
        return data.lazyframe.select(ok.fill_null(True))


class RawReports(_Base):
    """Decoded text of every accepted file, one row per report (report_id = raw-bytes hash)."""

    report_id: str = pa.Field(str_matches=REPORT_ID_RE)
    source_path: str = pa.Field(str_matches=POSIX_RELATIVE_RE)
    report_year: pl.Int32 = pa.Field(ge=REPORT_YEAR_MIN, le=REPORT_YEAR_MAX)
    source_format: str = pa.Field(isin=SOURCE_FORMATS)
    encoding: str = pa.Field(nullable=True)
    raw_text: str

    @pa.dataframe_check
    def unique_key(cls, data) -> pl.LazyFrame:
        """One row per report."""
        return _unique(data, ["report_id"])


class NormalisedReports(_Base):
    """Canonical simplified text plus header metadata.

    Per-report gaps (no year, no agency) are allowed here on purpose: they are quarantined one
    report at a time by `suites.normalised_report_failures`, not by failing the whole frame.
    """

    report_id: str = pa.Field(str_matches=REPORT_ID_RE)
    source_path: str = pa.Field(str_matches=POSIX_RELATIVE_RE)
    report_year: pl.Int32 = pa.Field(nullable=True, ge=REPORT_YEAR_MIN, le=REPORT_YEAR_MAX)
    text: str
    title: str = pa.Field(nullable=True)
    agency_name: str = pa.Field(nullable=True)
    region_province: str = pa.Field(nullable=True)
    region_city: str = pa.Field(nullable=True)
    region_county: str = pa.Field(nullable=True)
    region_township: str = pa.Field(nullable=True)
    admin_level: str = pa.Field(nullable=True, isin=ADMIN_LEVELS)
    published_date: pl.Date = pa.Field(nullable=True)
    source_script: str = pa.Field(isin=SOURCE_SCRIPTS)
    source_format: str = pa.Field(isin=SOURCE_FORMATS)
    traditional_ratio: pl.Float64 = pa.Field(ge=0.0, le=1.0)
    # Optional: only the GX suite needs it; when present it must still be a ratio.
    residual_traditional_ratio: Optional[pl.Float64] = pa.Field(nullable=True, ge=0.0, le=1.0)

    @pa.dataframe_check
    def unique_key(cls, data) -> pl.LazyFrame:
        """One row per report."""
        return _unique(data, ["report_id"])


class ReportSections(_Base):
    """The six numbered sections of each report (absent sections have no row)."""

    report_id: str = pa.Field(str_matches=REPORT_ID_RE)
    report_year: pl.Int32 = pa.Field(ge=REPORT_YEAR_MIN, le=REPORT_YEAR_MAX)
    section_no: AnyInteger = pa.Field(isin=SECTION_NOS)
    title: str
    text: str

    @pa.dataframe_check
    def unique_key(cls, data) -> pl.LazyFrame:
        """A report has each section at most once."""
        return _unique(data, ["report_id", "section_no"])


class RequestHandlingCells(_Base):
    """Table 3 (收到和处理政府信息公开申请情况): one cell per (outcome, applicant type)."""

    report_id: str = pa.Field(str_matches=REPORT_ID_RE)
    report_year: pl.Int32 = pa.Field(ge=REPORT_YEAR_MIN, le=REPORT_YEAR_MAX)
    outcome: str = pa.Field(isin=OUTCOME_CODES)
    applicant_type: str = pa.Field(isin=APPLICANT_CODES)
    count: pl.Int64 = pa.Field(nullable=True, ge=0)
    cell_source: str = pa.Field(isin=CELL_SOURCES)
    source_page: pl.Int32 = pa.Field(nullable=True, ge=1)  # page of the PDF/Word file; null if none or unknown
    ocr: pl.Boolean = pa.Field(nullable=False)  # read by OCR (scanned report)

    @pa.dataframe_check
    def unique_key(cls, data) -> pl.LazyFrame:
        """One row per (report_id, outcome, applicant_type)."""
        return _unique(data, ["report_id", "outcome", "applicant_type"])

    @pa.dataframe_check
    def missing_cell_has_no_value(cls, data) -> pl.LazyFrame:
        """cell_source 'missing' means the count must be null."""
        return _missing_has_no_value(data, "count")


class ActiveDisclosureCells(_Base):
    """Table 2 (主动公开政府信息情况): one cell per (item, metric).

    Values are f64 because the procurement and fee amounts are in 万元 with decimals; all
    metrics are non-negative except `change` (本年增/减), which is signed by definition.
    """

    report_id: str = pa.Field(str_matches=REPORT_ID_RE)
    report_year: pl.Int32 = pa.Field(ge=REPORT_YEAR_MIN, le=REPORT_YEAR_MAX)
    item: str = pa.Field(isin=DISCLOSURE_ITEM_CODES)
    metric: str = pa.Field(isin=DISCLOSURE_METRIC_CODES)
    value: pl.Float64 = pa.Field(nullable=True)
    cell_source: str = pa.Field(isin=CELL_SOURCES)
    source_page: pl.Int32 = pa.Field(nullable=True, ge=1)  # page of the PDF/Word file; null if none or unknown
    ocr: pl.Boolean = pa.Field(nullable=False)  # read by OCR (scanned report)

    @pa.dataframe_check
    def unique_key(cls, data) -> pl.LazyFrame:
        """One row per (report_id, item, metric)."""
        return _unique(data, ["report_id", "item", "metric"])

    @pa.dataframe_check
    def non_negative_except_change(cls, data) -> pl.LazyFrame:
        """Only the signed metric `change` may be negative; NaN is never a value."""
        value = pl.col("value")
        # NaN is rejected explicitly: polars orders NaN above every number, so `NaN >= 0` is
        # True, and a NaN would otherwise pass as a "non-negative" value. Unknown is null.
        ok = value.is_null() | (~value.is_nan() & ((pl.col("metric") == "change") | (value >= 0)))
        return data.lazyframe.select(ok.fill_null(True))

    @pa.dataframe_check
    def missing_cell_has_no_value(cls, data) -> pl.LazyFrame:
        """cell_source 'missing' means the value must be null."""
        return _missing_has_no_value(data, "value")


class ReviewLitigationCells(_Base):
    """Table 4 (行政复议、行政诉讼): one cell per (case type, result)."""

    report_id: str = pa.Field(str_matches=REPORT_ID_RE)
    report_year: pl.Int32 = pa.Field(ge=REPORT_YEAR_MIN, le=REPORT_YEAR_MAX)
    case_type: str = pa.Field(isin=CASE_TYPE_CODES)
    result: str = pa.Field(isin=REVIEW_RESULT_CODES)
    count: pl.Int64 = pa.Field(nullable=True, ge=0)
    cell_source: str = pa.Field(isin=CELL_SOURCES)
    source_page: pl.Int32 = pa.Field(nullable=True, ge=1)  # page of the PDF/Word file; null if none or unknown
    ocr: pl.Boolean = pa.Field(nullable=False)  # read by OCR (scanned report)

    @pa.dataframe_check
    def unique_key(cls, data) -> pl.LazyFrame:
        """One row per (report_id, case_type, result)."""
        return _unique(data, ["report_id", "case_type", "result"])

    @pa.dataframe_check
    def missing_cell_has_no_value(cls, data) -> pl.LazyFrame:
        """cell_source 'missing' means the count must be null."""
        return _missing_has_no_value(data, "count")


class Findings(_Base):
    """Data-quality findings from any layer (also the shape of the `dq_findings` mart)."""

    report_id: str = pa.Field(nullable=True, str_matches=REPORT_ID_RE)
    source_path: str
    report_year: pl.Int32 = pa.Field(nullable=True)
    stage: str
    check_name: str
    severity: str = pa.Field(isin=SEVERITIES)
    message: str


# --------------------------------------------------------------------------------------------
# mart tables
# --------------------------------------------------------------------------------------------
class DimReport(_Base):
    """One row per landed report, including quarantined ones (so every input is accounted for)."""

    report_id: str = pa.Field(str_matches=REPORT_ID_RE)
    source_path: str = pa.Field(str_matches=POSIX_RELATIVE_RE)
    agency_name: str = pa.Field(nullable=True)
    region_province: str = pa.Field(nullable=True)
    region_city: str = pa.Field(nullable=True)
    region_county: str = pa.Field(nullable=True)
    region_township: str = pa.Field(nullable=True)
    admin_level: str = pa.Field(nullable=True, isin=ADMIN_LEVELS)
    report_year: pl.Int32 = pa.Field(ge=REPORT_YEAR_MIN, le=REPORT_YEAR_MAX)
    template: str = pa.Field(isin=TEMPLATES)
    source_script: str = pa.Field(isin=SOURCE_SCRIPTS)
    source_format: str = pa.Field(isin=SOURCE_FORMATS)
    parse_status: str = pa.Field(isin=PARSE_STATUSES)
    published_date: pl.Date = pa.Field(nullable=True)
    title: str = pa.Field(nullable=True)
    sha256: str = pa.Field(str_matches=SHA256_RE)

    @pa.dataframe_check
    def unique_key(cls, data) -> pl.LazyFrame:
        """One row per report."""
        return _unique(data, ["report_id"])

    @pa.dataframe_check
    def report_id_is_sha256_prefix(cls, data) -> pl.LazyFrame:
        """report_id is defined as the first 16 hex digits of the raw-bytes sha256."""
        ok = pl.col("sha256").str.slice(0, 16) == pl.col("report_id")
        return data.lazyframe.select(ok.fill_null(True))


class _Dim(_Base):
    label_zh: str = pa.Field(str_length={"min_value": 1})
    sort_order: AnyInteger = pa.Field(ge=0)

    @pa.dataframe_check
    def unique_key(cls, data) -> pl.LazyFrame:
        """One row per code."""
        return _unique(data, ["code"])


class DimApplicantType(_Dim):
    """Applicant types (申请人情况 columns of table 3)."""

    code: str = pa.Field(isin=APPLICANT_CODES)


class DimRequestOutcome(_Dim):
    """Request outcomes (rows of table 3)."""

    code: str = pa.Field(isin=OUTCOME_CODES)


class DimDisclosureItem(_Dim):
    """Active-disclosure items (rows of table 2)."""

    code: str = pa.Field(isin=DISCLOSURE_ITEM_CODES)


class DimDisclosureMetric(_Dim):
    """Active-disclosure metrics (columns of table 2)."""

    code: str = pa.Field(isin=DISCLOSURE_METRIC_CODES)


class DimReviewLitigation(_Base):
    """Case types and results of table 4 in one dim, told apart by `kind`."""

    kind: str = pa.Field(isin=REVIEW_KINDS)
    code: str
    label_zh: str = pa.Field(str_length={"min_value": 1})
    sort_order: AnyInteger = pa.Field(ge=0)

    @pa.dataframe_check
    def unique_key(cls, data) -> pl.LazyFrame:
        """One row per (kind, code): `other`/`total` exist only as results, but keep it general."""
        return _unique(data, ["kind", "code"])

    @pa.dataframe_check
    def code_matches_kind(cls, data) -> pl.LazyFrame:
        """A case_type code must be a case type and a result code a result."""
        ok = pl.when(pl.col("kind") == "case_type").then(pl.col("code").is_in(CASE_TYPE_CODES))
        ok = ok.when(pl.col("kind") == "result").then(pl.col("code").is_in(REVIEW_RESULT_CODES))
        return data.lazyframe.select(ok.otherwise(True).fill_null(False))


# The mart facts have exactly the shape of the typed-table frames; subclassing keeps one
# definition of the rules (pandera inherits fields and dataframe checks).
class FactRequestHandling(RequestHandlingCells):
    """Mart fact for table 3."""


class FactActiveDisclosure(ActiveDisclosureCells):
    """Mart fact for table 2."""


class FactReviewLitigation(ReviewLitigationCells):
    """Mart fact for table 4."""


class DqFindings(Findings):
    """Mart table of all findings."""


CONTRACTS: dict[str, type[pa.DataFrameModel]] = {
    # frames between layers (docs/architecture.md)
    "landing_manifest": LandingManifest,
    "raw_reports": RawReports,
    "normalised_reports": NormalisedReports,
    "report_sections": ReportSections,
    "request_handling_cells": RequestHandlingCells,
    "active_disclosure_cells": ActiveDisclosureCells,
    "review_litigation_cells": ReviewLitigationCells,
    "findings": Findings,
    # mart tables (warehouse data contract)
    "dim_report": DimReport,
    "dim_applicant_type": DimApplicantType,
    "dim_request_outcome": DimRequestOutcome,
    "dim_disclosure_item": DimDisclosureItem,
    "dim_disclosure_metric": DimDisclosureMetric,
    "dim_review_litigation": DimReviewLitigation,
    "fact_request_handling": FactRequestHandling,
    "fact_active_disclosure": FactActiveDisclosure,
    "fact_review_litigation": FactReviewLitigation,
    "dq_findings": DqFindings,
}
"""Contract per frame/table name. `report_sections` is both a layer frame and a mart table with
the same shape, so it has one entry; `findings` (layer frames) and `dq_findings` (mart) share rules."""
