"""Time and peak RSS of the pipeline on each hostile input of issue 8 item 1.

    .venv/bin/python scripts/hostile_bench.py            # every input, 300 s cap each
    .venv/bin/python scripts/hostile_bench.py --only t3_zeros_120 --cap 60
    .venv/bin/python scripts/hostile_bench.py --repo /tmp/old-checkout   # measure another checkout

Each input is a folder of two files: the hostile report (built from a bundled 2020 sample) and a
normal 2020 report. Each folder is run through ``transforms.pipeline.run_layers`` in its own
subprocess (so a hang is cut off at the cap and memory is measured per input); the child prints
one JSON line: wall seconds, peak RSS, and where each file ended up (dim_report / dq_findings).

The builders are shared with tests/test_hostile_perf.py (imported by path), so the test and the
benchmark always feed the same inputs. Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "warehouse" / "landing"
BASE = "004_9818ec0089dec13d.txt"  # 2020, TSV table 3 (the hostile file is built from it)
OTHER = "001_a559ec8aedc07929.txt"  # 2020, traditional script: the other file of the batch
HOSTILE_NAME = "hostile.txt"
OTHER_NAME = "other.txt"
DEFAULT_CAP = 300.0


def _base_lines() -> list[str]:
    return (SAMPLE / BASE).read_text(encoding="utf-8").split("\n")


def _table3_span(lines: list[str]) -> tuple[int, int]:
    """Line range of table 3 in the base report (from its section heading to the carry-over row)."""
    start = next(i for i, ln in enumerate(lines) if "三、收到和处理政府信息公开申请情况" in ln)
    end = next(i for i, ln in enumerate(lines) if ln.startswith("四、结转下年度"))
    return start, end + 1


def _numeric_rows(lines: list[str]) -> list[int]:
    """Indexes of table-3 rows that print counts (tab cells that are all digits)."""
    s, e = _table3_span(lines)
    out = []
    for i in range(s, e):
        cells = lines[i].split("\t")
        if "\t" in lines[i] and sum(c.strip().isdigit() for c in cells) >= 3:
            out.append(i)
    return out


def _glue_rows(lines: list[str], digits, rows: int) -> list[str]:
    """The first ``rows`` table-3 rows as crawler-flattened plain text (no tabs): the label, a
    space, then the row's counts glued into one digit run."""
    lines = list(lines)
    for n, i in enumerate(_numeric_rows(lines)[:rows]):
        cells = lines[i].split("\t")
        label = "".join(c.strip() for c in cells if not c.strip().isdigit())
        lines[i] = label + " " + digits(n)
    return lines


def _tsv_rows(lines: list[str], cell, rows: int) -> list[str]:
    """The first ``rows`` counted table-3 TSV rows with every count replaced by ``cell(n)``."""
    lines = list(lines)
    for n, i in enumerate(_numeric_rows(lines)[:rows]):
        lines[i] = "\t".join(cell(n) if c.strip().isdigit() else c for c in lines[i].split("\t"))
    return lines


def _insert_in_table3(lines: list[str], block: list[str]) -> list[str]:
    """Insert ``block`` right after the first counted row of table 3."""
    at = _numeric_rows(lines)[0] + 1
    return lines[:at] + block + lines[at:]


def build_t3_zeros_120(lines):
    """23 table-3 rows whose counts are one glued run of 120 zeros."""
    return _glue_rows(lines, lambda n: "0" * 120, 23)


def build_glued_5mb(lines):
    """A 5 MB glued digit run inside table 3 (a row label followed by 5·10⁶ digits)."""
    rnd = random.Random(5)
    run = "".join(rnd.choice("0123456789") for _ in range(5_000_000))
    return _insert_in_table3(lines, ["本年新收政府信息公开申请数量\t" + run])


def build_html_colspan(lines):
    """An HTML report whose table has 200×200 cells, each with colspan=100000."""
    head = [f"<p>{ln.lstrip('#* ')}</p>" for ln in lines[:60] if ln.strip()]
    row = "<tr>" + "<td colspan=100000>0</td>" * 200 + "</tr>"
    table = "<table>" + row * 200 + "</table>"
    tail = [f"<p>{ln.lstrip('#* ')}</p>" for ln in lines[90:] if ln.strip() and "\t" not in ln]
    html = "<html><body>" + "".join(head) + table + "".join(tail) + "</body></html>"
    return html, "hostile.html"


def build_million_lines(lines):
    """10⁶ short table lines inside table 3."""
    return _insert_in_table3(lines, [f"第{i}项\t{i % 10}" for i in range(1_000_000)])


def build_long_labels(lines):
    """2,000 table-3 rows whose labels are 1,000 characters of label-like text."""
    rnd = random.Random(7)
    alphabet = "本年新收政府信息公开申请数量上年结转予以部分不国家秘密法律行政法规禁止危及三安全一稳定保护第方合权益无提供处理总计"
    block = ["".join(rnd.choice(alphabet) for _ in range(1000)) + "\t0\t0\t0\t0\t0\t0\t0" for _ in range(2000)]
    return _insert_in_table3(lines, block)


def build_glued_200(lines):
    """Table-3 rows whose counts are one glued run of 200 random digits."""
    rnd = random.Random(200)
    return _glue_rows(lines, lambda n: "".join(rnd.choice("0123456789") for _ in range(200)), 23)


def build_tsv_digits_200(lines):
    """Table-3 TSV rows whose cells each print a 200-digit number (beyond any integer type)."""
    rnd = random.Random(201)
    return _tsv_rows(lines, lambda n: str(rnd.randint(1, 9)) + "".join(rnd.choice("0123456789") for _ in range(199)), 23)


def build_repeated_headers(lines):
    """Table 3's two header rows repeated 9,000 times."""
    s, _ = _table3_span(lines)
    hdr = [ln for ln in lines[s:s + 6] if "自然人" in ln or "商业企业" in ln or "申请人情况" in ln]
    return _insert_in_table3(lines, hdr * (9000 // max(1, len(hdr))))


def _insert_in_prose(lines: list[str], line: str) -> list[str]:
    """Insert one prose line before table 3's section heading."""
    at = _table3_span(lines)[0]
    return lines[:at] + [line, ""] + lines[at:]


def build_bold_star_line(lines):
    """A 103 KB prose line of unclosed ``**`` openers (quadratic for a lazy ``**(.+?)**``)."""
    return _insert_in_prose(lines, "**公开 " * 20_600)


def build_bold_under_line(lines):
    """An 8.6 KB prose line of ``__中 `` runs (cubic for a lazy ``__(.*?CJK.*?)__``)."""
    return _insert_in_prose(lines, "__中 " * 2_150)


def build_layout_walls(lines):
    """Space-aligned header words by the thousand over walls of numbers (the column reader's search)."""
    head = "  ".join(["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"])
    block = ["  ".join(["总计", "自然人"] * 4000)] + ["  ".join(["1"] * 300)] * 300
    block += [head, "标签            1          2"] * 2000
    return _insert_in_table3(lines, block)


# name → (builder, issue wording)
HOSTILE = {
    "t3_zeros_120": (build_t3_zeros_120, "a table-3 row of 120 zeros (x23 rows)"),
    "glued_5mb": (build_glued_5mb, "a 5 MB glued digit run inside a report"),
    "html_colspan": (build_html_colspan, "HTML table 200x200 cells, colspan=100000"),
    "million_lines": (build_million_lines, "a file of 10^6 short lines"),
    "long_labels": (build_long_labels, "2,000 table-3 labels of 1,000 characters"),
    "glued_200": (build_glued_200, "200-digit glued rows"),
    "tsv_digits_200": (build_tsv_digits_200, "TSV table-3 cells of 200-digit numbers"),
    "repeated_headers": (build_repeated_headers, "9,000 repeated table headers"),
    "bold_star_line": (build_bold_star_line, "a 103 KB line for _BOLD_STAR_RE"),
    "bold_under_line": (build_bold_under_line, "an 8.6 KB line for _BOLD_UNDER_RE"),
    "layout_walls": (build_layout_walls, "4,000 space-aligned header words over walls of numbers"),
}


def build_input(name: str, root: Path) -> Path:
    """Write the two-file batch for hostile input ``name`` under ``root``; return the folder."""
    builder = HOSTILE[name][0]
    out = builder(_base_lines())
    fname = HOSTILE_NAME
    if isinstance(out, tuple):
        out, fname = out
    text = out if isinstance(out, str) else "\n".join(out)
    d = root / name
    d.mkdir(parents=True, exist_ok=True)
    (d / fname).write_text(text, encoding="utf-8")
    (d / OTHER_NAME).write_bytes((SAMPLE / OTHER).read_bytes())
    return d


_CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])
t0 = time.perf_counter()
from transforms.pipeline import run_layers
out = run_layers(sys.argv[2])
secs = time.perf_counter() - t0
dims, finds = {}, {}
for y in out["years"].values():
    m = y["marts"]
    for p, s in zip(m["dim_report"]["source_path"].to_list(), m["dim_report"]["parse_status"].to_list()
                    if "parse_status" in m["dim_report"].columns else [None] * m["dim_report"].height):
        dims[p] = s
    for p, c in zip(m["dq_findings"]["source_path"].to_list(), m["dq_findings"]["check_name"].to_list()):
        finds.setdefault(p, []).append(c)
man = out["landing_manifest"]
for p, st, c in zip(man["source_path"].to_list(), man["status"].to_list(), man["check_name"].to_list()):
    if st != "accepted":
        finds.setdefault(p, []).append(c)
rss_mb = max(resource.getrusage(w).ru_maxrss for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)) / 1024
print("RESULT " + json.dumps({"seconds": secs, "rss_mb": rss_mb, "dim_report": dims, "findings": finds}))
"""


def run_child(folder: Path, cap: float = DEFAULT_CAP, repo: Path = REPO) -> dict:
    """Run the pipeline on ``folder`` in a subprocess; {'status': ok|timeout|error, ...}."""
    t0 = time.perf_counter()
    try:
        p = subprocess.run([sys.executable, "-c", _CHILD, str(repo), str(folder)], capture_output=True,
                           text=True, timeout=cap, cwd=str(repo),
                           env={**os.environ, "PYTHONHASHSEED": "0"})
    except subprocess.TimeoutExpired:
        return {"status": "timeout", "seconds": time.perf_counter() - t0, "rss_mb": None}
    for line in p.stdout.splitlines():
        if line.startswith("RESULT "):
            return {"status": "ok", **json.loads(line[7:])}
    return {"status": "error", "seconds": time.perf_counter() - t0, "rss_mb": None,
            "stderr": p.stderr[-2000:]}


def _where(res: dict, name: str) -> str:
    if res.get("status") != "ok":
        return "-"
    if any(Path(p).name == name for p in res["dim_report"]):
        st = next(s for p, s in res["dim_report"].items() if Path(p).name == name)
        return f"dim_report({st})" if st else "dim_report"
    if any(Path(p).name == name for p in res["findings"]):
        return "findings"
    return "LOST"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cap", type=float, default=DEFAULT_CAP, help="seconds per input (default 300)")
    ap.add_argument("--only", action="append", choices=sorted(HOSTILE), help="run just these inputs")
    ap.add_argument("--repo", type=Path, default=REPO, help="checkout whose transforms/ are measured")
    args = ap.parse_args(argv)
    names = args.only or list(HOSTILE)
    print(f"hostile bench: {args.repo} (cap {args.cap:.0f} s per input)")
    print(f"{'input':<18} {'status':<8} {'wall s':>8} {'peak RSS MB':>12}  hostile file       other file")
    with tempfile.TemporaryDirectory(prefix="gongkai-hostile-") as tmp:
        for name in names:
            folder = build_input(name, Path(tmp))
            hostile = next(p.name for p in folder.iterdir() if p.name != OTHER_NAME)
            res = run_child(folder, args.cap, args.repo)
            rss = f"{res['rss_mb']:.0f}" if res.get("rss_mb") else "-"
            print(f"{name:<18} {res['status']:<8} {res['seconds']:>8.1f} {rss:>12}  "
                  f"{_where(res, hostile):<18} {_where(res, OTHER_NAME)}", flush=True)
            if res["status"] == "error":
                print("   " + res["stderr"].strip().splitlines()[-1] if res["stderr"].strip() else "   (no stderr)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
