"""What keeps the fixed cost of a run down must not change what it writes (issue 9, fixed cost).

- gongkai.duckdb is not rebuilt when it already holds the wanted views (DuckDB re-prints a stored
  view's SQL, so the comparison must not be on the raw text);
- the yearbook pages written over one shared connection are the pages written one by one.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from transforms import marts as M
from transforms.engine import EngineOptions
from transforms.pipeline import run_layers
from transforms.yearbook import render_yearbook, write_yearbooks

SAMPLE = Path(__file__).resolve().parent.parent / "warehouse" / "landing"


@pytest.fixture(scope="module")
def wh(tmp_path_factory):
    wh = tmp_path_factory.mktemp("fixed") / "wh"
    out = run_layers(SAMPLE, options=EngineOptions(workers=1))
    for year, layers in out["years"].items():
        M.write_year(wh / "marts", year, layers["marts"])
    for name, df in M.code_dimensions().items():
        M.write_table(wh / "marts", name, df)
    return wh


def test_views_file_with_the_analysis_views_is_not_rebuilt_when_nothing_changed(wh):
    names = M.refresh_views(wh)
    assert "dim_report" in names
    db = wh / "gongkai.duckdb"
    inode = db.stat().st_ino
    M._LAST_REFRESH.clear()  # as a new process would: compare the file's views, do not trust the memo
    M.refresh_views(wh)
    assert db.stat().st_ino == inode, "an up-to-date views file (analysis views included) must not be rewritten"
    M.refresh_views(wh)  # the memo: same statements, same file
    assert db.stat().st_ino == inode


def test_a_replaced_views_file_is_checked_again(wh):
    M.refresh_views(wh)
    db = wh / "gongkai.duckdb"
    db.write_bytes(b"not a database " * 500)  # another process replaced it: the memo must not hide that
    M.refresh_views(wh)
    assert M.storage_version_number(db) == M._target_version_number()


def test_yearbooks_over_one_connection_are_the_pages_one_by_one(wh):
    years = [2019, 2020]
    written = write_yearbooks(wh, years)
    for y in years:
        assert not isinstance(written[y], Exception), written[y]
        assert written[y].read_text(encoding="utf-8") == render_yearbook(wh, y)
