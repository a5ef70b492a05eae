"""Accounting under hostile input: every file ends in dim_report or dq_findings, with the reason.

The folder mixes broken files with re-encoded copies of a real report; the copies must parse to
exactly the cells of the original, and nothing may stop the batch.
"""

import os
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "warehouse" / "landing"
GONGKAI = str(Path(sys.executable).parent / "gongkai")
ORIGINAL = "004_9818ec0089dec13d.txt"  # markdown headings, TSV tables, 2020


def _html_report(text: str) -> str:
    """A web-page version of a report: tables as <table>, plus scripts, navigation and external links."""
    body, table = [], []
    for line in text.split("\n"):
        if "\t" in line:
            table.append("<tr>" + "".join(f"<td>{c or '&nbsp;'}</td>" for c in line.split("\t")) + "</tr>")
            continue
        if table:
            body.append("<table border=1>" + "".join(table) + "</table>")
            table = []
        if line.strip():
            body.append(f"<p>{line.lstrip('#* ')}</p>")
    return ("<html><head><script src='https://cdn.example.com/x.js'></script><style>p{}</style></head><body>"
            "<nav><a href='https://www.example.gov.cn/'>首页</a> &gt; 政务公开</nav>"
            "<script>document.write('<tr><td>一、本年新收</td><td>999</td></tr>')</script>"
            + "".join(body) + "<p><a href='https://www.example.gov.cn/more'>相关链接</a></p></body></html>")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    inp = root / "input"
    (inp / "nested" / "deeper").mkdir(parents=True)
    original = (SAMPLE / ORIGINAL).read_bytes()
    text = original.decode("utf-8")
    files = {
        "a_original.txt": original,
        "empty.txt": b"",
        "binary.txt": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8,
        "truncated.txt": text[: len(text) // 3].encode("utf-8"),
        "b_duplicate.txt": original,
        "not_a_report.txt": "关于做好2020年春节期间安全生产工作的通知\n各乡镇、各部门：请做好值班值守。".encode("utf-8"),
        "copy_gb18030.txt": text.encode("gb18030"),
        "copy_utf16.txt": text.encode("utf-16"),
        "copy_bom.txt": b"\xef\xbb\xbf" + original,
        "copy_crlf.txt": text.replace("\n", "\r\n").encode("utf-8"),
        "nested/deeper/copy_nested.md": (text + "\n").encode("utf-8"),
        "oversize.txt": (text * 100).encode("utf-8"),
        "page.html": _html_report((SAMPLE / "003_c97c571f5e04231d.txt").read_text(encoding="utf-8")).encode("utf-8"),
        "fake.pdf": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n" + bytes(200),
    }
    for name, data in files.items():
        (inp / name).write_bytes(data)
    outside = root / "outside.txt"
    outside.write_bytes(original.replace(b"2020", b"2020 "))
    os.symlink(outside, inp / "link_outside.txt")
    wh = root / "wh"
    res = subprocess.run([GONGKAI, "run", "--input", str(inp), "--warehouse", str(wh), "--max-file-mb", "0.5"],
                         capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stdout + res.stderr
    read = lambda t: pl.concat([pl.read_parquet(f, hive_partitioning=False)
                                for f in sorted((wh / "marts" / t).glob("**/*.parquet"))], how="diagonal_relaxed")
    return {"files": sorted([*files, "link_outside.txt"]), "dim": read("dim_report"), "findings": read("dq_findings"),
            "facts": read("fact_request_handling"), "stdout": res.stdout}


def test_every_file_is_accounted_for(hostile):
    seen = set(hostile["dim"]["source_path"]) | set(hostile["findings"]["source_path"].drop_nulls())
    assert set(hostile["files"]) <= seen


@pytest.mark.parametrize("name,check", [
    ("empty.txt", "empty_file"), ("binary.txt", "binary_file"), ("b_duplicate.txt", "duplicate"),
    ("not_a_report.txt", "not_a_report"), ("oversize.txt", "oversize"), ("link_outside.txt", "symlink_outside_input"),
    ("fake.pdf", "corrupt_document"),
])
def test_bad_file_gets_its_finding(hostile, name, check):
    f = hostile["findings"].filter(pl.col("source_path") == name)
    assert check in set(f["check_name"]), f
    assert f.filter(pl.col("check_name") == check)["message"][0]  # a message a person can read
    assert name not in set(hostile["dim"]["source_path"])


def test_duplicate_finding_lands_in_the_year_of_the_kept_copy(hostile):
    f = hostile["findings"].filter((pl.col("source_path") == "b_duplicate.txt") & (pl.col("check_name") == "duplicate"))
    assert f["report_year"].to_list() == [2020]


def test_truncated_report_is_kept_and_flagged(hostile):
    row = hostile["dim"].filter(pl.col("source_path") == "truncated.txt").row(0, named=True)
    assert row["parse_status"] == "partial"
    checks = set(hostile["findings"].filter(pl.col("source_path") == "truncated.txt")["check_name"])
    assert {"section_missing", "table_missing"} & checks


@pytest.mark.parametrize("copy", ["copy_gb18030.txt", "copy_utf16.txt", "copy_bom.txt", "copy_crlf.txt",
                                  "nested/deeper/copy_nested.md"])
def test_re_encoded_copies_parse_to_the_same_cells(hostile, copy):
    def cells(path):
        rid = hostile["dim"].filter(pl.col("source_path") == path)["report_id"][0]
        return (hostile["facts"].filter(pl.col("report_id") == rid)
                .select("outcome", "applicant_type", "count", "cell_source").sort("outcome", "applicant_type"))
    assert cells(copy).equals(cells("a_original.txt"))


def test_html_report_parses_without_script_content(hostile):
    rid = hostile["dim"].filter(pl.col("source_path") == "page.html")["report_id"][0]
    facts = hostile["facts"].filter(pl.col("report_id") == rid)
    assert facts.height == 26 * 7 - 21  # 2019 template: 23 rows × 7 columns
    assert 999 not in facts["count"].to_list()
    assert set(facts["cell_source"]) == {"printed"}


def test_cross_year_continuity_is_a_finding_of_the_later_year(tmp_path):
    text = (SAMPLE / ORIGINAL).read_text(encoding="utf-8")
    earlier = text.replace("2020年", "2019年").replace("2021年1月29日", "2020年1月29日").replace(
        "四、结转下年度继续办理\t\t0\t0\t0\t0\t0\t0\t0", "四、结转下年度继续办理\t\t2\t0\t0\t0\t0\t0\t2")
    assert earlier != text
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "2019.txt").write_text(earlier, encoding="utf-8")
    (tmp_path / "in" / "2020.txt").write_text(text, encoding="utf-8")
    res = subprocess.run([GONGKAI, "run", "--input", str(tmp_path / "in"), "--warehouse", str(tmp_path / "wh")],
                         capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stdout + res.stderr
    assert "cross-year continuity: 1 violation" in res.stdout
    f = pl.read_parquet(tmp_path / "wh" / "marts" / "dq_findings" / "report_year=2020" / "continuity.parquet")
    assert f["check_name"].to_list() == ["cross_year_continuity"] and f["source_path"].to_list() == ["2020.txt"]
    import duckdb
    con = duckdb.connect(str(tmp_path / "wh" / "gongkai.duckdb"), read_only=True)
    assert con.execute("SELECT count(*) FROM dq_findings WHERE check_name = 'cross_year_continuity'").fetchone()[0] == 1
    con.close()
