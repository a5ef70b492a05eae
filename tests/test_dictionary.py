"""The data dictionary describes every column of every mart and view, with the real types, in all three places."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest

from transforms import dictionary as dd
from transforms.marts import DIM_REPORT_COLUMNS, code_dimensions

CONTRACT = Path(__file__).resolve().parent.parent / "docs" / "CONTRACT.md"
CJK = re.compile(r"[\u4e00-\u9fff]")


def test_every_description_has_english_and_chinese():
    for table, cols in dd.COLUMNS.items():
        assert CJK.search(dd.TABLES[table]), table
        assert len({c.name for c in cols}) == len(cols), table
        for c in cols:
            assert CJK.search(c.description) and re.search(r"[a-z]{3}", c.description), (table, c.name)


def test_pure_marts_are_covered():
    assert [c.name for c in dd.columns("dim_report")] == DIM_REPORT_COLUMNS
    for table, df in code_dimensions().items():
        assert [c.name for c in dd.columns(table)] == df.columns, table


def test_contract_md_holds_the_generated_section():
    text = CONTRACT.read_text(encoding="utf-8")
    assert dd.contract_markdown() in text, "docs/CONTRACT.md is stale: paste transforms.dictionary.contract_markdown()"


def test_every_view_column_is_described_with_its_type_and_comment(sample_run):
    db = duckdb.connect(str(sample_run[0] / "gongkai.duckdb"), read_only=True)
    views = {r[0]: r[1] for r in db.sql("SELECT view_name, comment FROM duckdb_views() WHERE NOT internal").fetchall()}
    assert set(dd.TABLES) <= set(views), set(dd.TABLES) - set(views)
    for name in dd.TABLES:
        assert views[name] == dd.TABLES[name]
        cols = db.sql("SELECT column_name, data_type, comment FROM duckdb_columns() WHERE table_name = ? "
                      "ORDER BY column_index", params=[name]).fetchall()
        assert [(c, t) for c, t, _ in cols] == [(c.name, c.type) for c in dd.columns(name)], name
        assert [k for _, _, k in cols] == [c.description for c in dd.columns(name)], name


def test_dagster_catalog_has_column_schemas():
    from orchestration.definitions import defs

    graph = defs.resolve_asset_graph()
    for table in dd.MART_TABLES:
        spec = graph.get(AssetKey(["marts", table]))
        schema = spec.metadata["dagster/column_schema"]
        assert [c.name for c in schema.columns] == [c.name for c in dd.columns(table)]
        assert all(c.description for c in schema.columns)


from dagster import AssetKey  # noqa: E402
