"""The README's example analyses give exactly the output it shows, on a fresh run of the sample corpus."""

import re
from pathlib import Path

import duckdb
import pytest

README = Path(__file__).resolve().parent.parent / "README.md"
BLOCK = re.compile(r"```sql\n(?P<sql>.*?)```\s*\n+Result:\s*\n+(?P<table>(?:\|[^\n]*\|\n)+)", re.S)


def _examples():
    return [(m.group("sql"), m.group("table")) for m in BLOCK.finditer(README.read_text(encoding="utf-8"))]


def _cell(v) -> str:
    return "NULL" if v is None else str(v)


def test_readme_has_examples():
    assert len(_examples()) >= 5


@pytest.mark.parametrize("sql,table", _examples(), ids=lambda x: x.split("\n")[0][:40] if "\n" in x else "t")
def test_readme_query_output_is_current(sample_run, sql, table):
    wh, _ = sample_run
    con = duckdb.connect(str(wh / "gongkai.duckdb"), read_only=True)
    try:
        cur = con.execute(sql)
        cols = [d[0] for d in cur.description]
        rows = cur.fetchall()
    finally:
        con.close()
    lines = [line.strip() for line in table.strip().splitlines()]
    header = [c.strip() for c in lines[0].strip("|").split("|")]
    expected = [[c.strip() for c in line.strip("|").split("|")] for line in lines[2:]]
    assert cols == header
    assert [[_cell(v) for v in r] for r in rows] == expected


PYTHON_BLOCK = re.compile(r"```python\n(?P<code>.*?)```", re.S)


def _python_blocks():
    return [m.group("code") for m in PYTHON_BLOCK.finditer(README.read_text(encoding="utf-8"))]


def test_readme_has_python_snippets():
    assert len(_python_blocks()) >= 1


@pytest.mark.parametrize("code", _python_blocks(), ids=lambda c: c.strip().splitlines()[-1][:40])
def test_readme_python_snippet_runs(sample_run, code, tmp_path, monkeypatch):
    """Every Python snippet of the README runs as printed, from a folder whose ./warehouse is a fresh run."""
    wh, _ = sample_run
    (tmp_path / "warehouse").symlink_to(wh, target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    exec(compile(code, "README.md", "exec"), {})  # noqa: S102 - the README's own example
