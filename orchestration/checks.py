"""One factory turns each pandera contract into a blocking asset check (PUDL's pattern)."""

from __future__ import annotations

import polars as pl
from dagster import AssetCheckResult, AssetCheckSeverity, AssetCheckSpec, AssetKey, MetadataValue

from expectations.validate import validate

CONTRACT_CHECK = "pandera_contract"


def contract_spec(asset: str | AssetKey, frame: str | None = None) -> AssetCheckSpec:
    """A blocking check spec: the frame must satisfy its pandera contract."""
    key = AssetKey.from_coercible(asset)
    return AssetCheckSpec(
        CONTRACT_CHECK, asset=key, blocking=True,
        description=f"pandera contract for `{frame or key.path[-1]}`: dtypes, code domains, unique keys",
    )


def contract_result(asset: str | AssetKey, df: pl.DataFrame, frame: str | None = None) -> AssetCheckResult:
    """Validate a frame against its contract; the metadata shows the failing rows."""
    key = AssetKey.from_coercible(asset)
    res = validate(frame or key.path[-1], df)
    meta = {"rows": res.n_rows, "summary": res.summary}
    if not res.passed:
        meta["failures"] = MetadataValue.md(_md(res.failures))
    return AssetCheckResult(
        asset_key=key, check_name=CONTRACT_CHECK, passed=res.passed, severity=AssetCheckSeverity.ERROR, metadata=meta
    )


def _md(df: pl.DataFrame, limit: int = 20) -> str:
    """A small markdown table for the UI."""
    if df.is_empty():
        return "(none)"
    df = df.head(limit).cast(pl.String)
    head = "| " + " | ".join(df.columns) + " |\n|" + "---|" * len(df.columns) + "\n"
    return head + "\n".join("| " + " | ".join((v or "").replace("|", "/")[:80] for v in row) + " |" for row in df.rows())


md_table = _md
