"""Timing figures for `gongkai run` on a synthetic corpus built from the bundled sample reports.

    .venv/bin/python scripts/benchmark.py [--files 200] [--seed 7] [--keep] [--workdir DIR]

The corpus is made by copying the sample reports in warehouse/landing many times and varying the
bytes so no two copies are identical:
- the agency's place (county, or prefecture for a city report) becomes another real division
  from transforms/data/divisions.csv, together with its parent prefecture and province, so the
  title, body and region stay consistent (traditional-script samples get the new names in
  traditional characters via OpenCC s2t);
- every year in the text (title, statistics period, dates, document numbers) is shifted by the
  same offset so the copies spread over 2019-2022;
- some copies are re-encoded as GB18030, UTF-16 (with BOM) or UTF-8 with CRLF line ends;
- a few hostile files are added: an empty file, a binary file, byte-identical duplicates, a
  text that is not a report, and a report cut off in the middle.

It then runs `gongkai run --input <corpus> --warehouse <wh> --years all` as a subprocess and
prints wall time, files/s, reports per year and the per-year times the CLI prints, then times a
few DuckDB queries over the views. It only prints figures; it never asserts on time.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "warehouse" / "landing"
DIVISIONS = REPO / "transforms" / "data" / "divisions.csv"
YEARS = (2019, 2020, 2021, 2022)
# Years that are shifted: a bounded range so counts such as "2000 条" stay untouched.
_YEAR_RE = re.compile(r"(?<!\d)(20(?:1[0-9]|2[0-4]))(?!\d)")


@dataclass(frozen=True)
class Place:
    """A real division and its ancestors (full names and short names)."""

    name: str
    short: str
    city: str | None
    city_short: str | None
    province: str
    province_short: str


@dataclass
class Template:
    """One sample report and the place names in it that name its own agency."""

    path: Path
    text: str
    year: int
    kind: str  # 'county' or 'prefecture'
    place: Place
    traditional: bool


def load_divisions() -> tuple[list[Place], list[Place], dict[str, Place]]:
    """Counties of type 县 and prefecture-level cities whose full and short names are unambiguous."""
    rows = list(csv.DictReader(DIVISIONS.open(encoding="utf-8")))
    by_code = {r["code"]: r for r in rows}
    name_count: dict[str, int] = {}
    for r in rows:
        for n in {r["name"], r["short_name"]}:
            name_count[n] = name_count.get(n, 0) + 1

    def place(r) -> Place:
        chain, p = [], by_code.get(r["parent_code"])
        while p is not None:
            chain.append(p)
            p = by_code.get(p["parent_code"])
        prov = next((c for c in chain if c["level"] == "province"), r if r["level"] == "province" else None)
        city = next((c for c in chain if c["level"] == "prefecture"), None)
        return Place(r["name"], r["short_name"], city and city["name"], city and city["short_name"],
                     prov["name"] if prov else "", prov["short_name"] if prov else "")

    def unique(r) -> bool:
        return (name_count[r["name"]] == 1 and name_count[r["short_name"]] == 1 and len(r["short_name"]) >= 2
                and r["short_name"] != r["name"])

    counties = [place(r) for r in rows if r["level"] == "county" and r["type"] == "县" and unique(r)
                and r["parent_code"] in by_code and by_code[r["parent_code"]]["level"] == "prefecture"]
    cities = [place(r) for r in rows if r["level"] == "prefecture" and r["type"] == "地级市" and unique(r)]
    by_name = {place(r).name: place(r) for r in rows if r["level"] in ("county", "prefecture")}
    return counties, cities, by_name


def load_templates(by_name: dict[str, Place]) -> list[Template]:
    """The sample reports with the division their agency belongs to (found from the title line)."""
    from opencc import OpenCC

    t2s = OpenCC("t2s")
    out = []
    for p in sorted(SAMPLE.iterdir()):
        if not p.is_file():
            continue
        text = p.read_bytes().decode("utf-8")
        simp = t2s.convert(text)
        head = "\n".join(line for line in simp.splitlines() if line.strip())[:200]
        years = [int(y) for y in _YEAR_RE.findall(head)]
        # The agency's own division: the earliest county (else prefecture) named in the head.
        hits = sorted((head.find(n), n) for n in by_name if len(n) >= 3 and n in head)
        counties = [n for _, n in hits if n[-1] in "县旗"]
        chosen = counties[0] if counties else (hits[0][1] if hits else None)
        if chosen is None or not years:
            print(f"  (sample {p.name}: no place or year found in its title; used as-is)")
            continue
        kind = "county" if chosen[-1] in "县旗" else "prefecture"
        # Traditional-script sample: its own place name is not written in simplified characters.
        out.append(Template(p, text, years[0], kind, by_name[chosen], chosen not in text))
    return out


def render(t: Template, new: Place, year: int, s2t) -> str:
    """The template text with its place and years replaced consistently."""
    conv = s2t.convert if t.traditional else (lambda s: s)
    pairs = [(t.place.name, new.name), (t.place.short, new.short)]
    if t.place.city and new.city:
        pairs += [(t.place.city, new.city), (t.place.city_short, new.city_short)]
    if t.place.province and new.province:
        pairs += [(t.place.province, new.province), (t.place.province_short, new.province_short)]
    text = t.text
    # Replace through placeholders (longest first) so a new name is never replaced again.
    pairs = sorted({(conv(a), conv(b)) for a, b in pairs if a and b and a != b}, key=lambda ab: -len(ab[0]))
    for i, (a, _) in enumerate(pairs):
        text = text.replace(a, f"\x00{i}\x00")
    for i, (_, b) in enumerate(pairs):
        text = text.replace(f"\x00{i}\x00", b)
    delta = year - t.year
    if delta:
        text = _YEAR_RE.sub(lambda m: str(int(m.group(1)) + delta), text)
    return text


def encode(text: str, variant: str) -> bytes:
    if variant == "gb18030":
        return text.encode("gb18030")
    if variant == "utf16":
        return text.encode("utf-16")  # with BOM
    if variant == "crlf":
        return text.replace("\r\n", "\n").replace("\n", "\r\n").encode("utf-8")
    return text.encode("utf-8")


def build_corpus(out: Path, n_files: int, seed: int) -> dict:
    """Write about n_files files into `out`; return what was written."""
    from opencc import OpenCC

    rng = random.Random(seed)
    s2t = OpenCC("s2t")
    counties, cities, by_name = load_divisions()
    templates = load_templates(by_name)
    if not templates:
        raise SystemExit(f"no usable sample reports in {SAMPLE}")
    n_hostile = min(6, max(0, n_files // 20))
    n_reports = n_files - n_hostile
    seen: set[str] = set()
    written: list[tuple[Path, str, str]] = []  # (path, text, encoding variant)
    variants = {"utf8": 0, "gb18030": 0, "utf16": 0, "crlf": 0}
    by_year = {y: 0 for y in YEARS}
    for i in range(n_reports):
        t = templates[i % len(templates)]
        year = YEARS[(i // len(templates)) % len(YEARS)]
        roll = rng.random()
        variant = "gb18030" if roll < 0.10 else "utf16" if roll < 0.20 else "crlf" if roll < 0.30 else "utf8"
        pool = counties if t.kind == "county" else cities
        for _attempt in range(50):
            text = render(t, rng.choice(pool), year, s2t)
            data = encode(text, variant)
            sha = hashlib.sha256(data).hexdigest()
            if sha not in seen:
                break
        else:
            continue
        seen.add(sha)
        p = out / f"r{i:04d}_{t.path.stem[:3]}_{year}_{variant}.txt"
        p.write_bytes(data)
        written.append((p, text, variant))
        variants[variant] += 1
        by_year[year] += 1
    hostile = []
    if n_hostile:
        (out / "h_empty.txt").write_bytes(b"")
        hostile.append("h_empty.txt (empty)")
        noise = bytes(rng.randrange(256) for _ in range(4096))
        (out / "h_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + noise)
        hostile.append("h_binary.txt (PNG signature + random bytes)")
    for k in range(max(0, n_hostile - 2)):
        if k < 2 and written:
            src = written[(k * 7) % len(written)][0]
            name = f"h_duplicate_{k}_of_{src.name}"
            shutil.copyfile(src, out / name)
            hostile.append(f"{name} (byte-identical copy)")
        elif k == 2:
            notice = "关于做好2021年春节期间值班工作的通知\n\n各单位:\n请按时报送值班表。\n"
            (out / "h_not_a_report.txt").write_text(notice, encoding="utf-8")
            hostile.append("h_not_a_report.txt (a short notice)")
        elif written:
            src, text, variant = written[len(written) // 2]
            name = f"h_truncated_{src.name}"
            (out / name).write_bytes(encode(text[: len(text) // 3], variant))
            hostile.append(f"{name} (first third of a report)")
    return {"templates": templates, "reports": len(written), "variants": variants, "by_year": by_year,
            "hostile": hostile, "files": sum(1 for _ in out.iterdir()),
            "bytes": sum(p.stat().st_size for p in out.iterdir())}


def gongkai_command() -> list[str]:
    exe = Path(sys.executable).parent / "gongkai"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "orchestration.cli"]


_YEAR_LINE = re.compile(r"^\s+(\d{4}): (\d+) reports .*\(([\d.]+) s\)\s*$")
_DONE_LINE = re.compile(r"^done in ([\d.]+) s")


def run_pipeline(corpus: Path, warehouse: Path) -> tuple[int, float, list[str]]:
    """Run the CLI, echoing its output; return (exit code, wall seconds, output lines)."""
    cmd = [*gongkai_command(), "run", "--input", str(corpus), "--warehouse", str(warehouse), "--years", "all"]
    print("$ " + " ".join(cmd), flush=True)
    lines: list[str] = []
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, bufsize=1)
    assert proc.stdout is not None
    for line in proc.stdout:
        line = line.rstrip("\n")
        lines.append(line)
        print("  | " + line, flush=True)
    rc = proc.wait()
    return rc, time.perf_counter() - t0, lines


QUERIES = {
    "count dim_report": "SELECT count(*) FROM dim_report",
    "grant rate by year": """
        SELECT report_year,
               sum(count) FILTER (WHERE outcome IN ('granted', 'partially_granted'))
                 / nullif(sum(count) FILTER (WHERE outcome = 'total_processed'), 0) AS grant_rate
        FROM fact_request_handling WHERE applicant_type = 'total'
        GROUP BY report_year ORDER BY report_year""",
    "top 10 agencies by applications": """
        SELECT d.agency_name, d.region_province, sum(f.count) AS applications
        FROM fact_request_handling f JOIN dim_report d USING (report_id)
        WHERE f.outcome = 'new_received' AND f.applicant_type = 'total'
        GROUP BY ALL ORDER BY applications DESC NULLS LAST LIMIT 10""",
    "withheld reasons with labels": """
        SELECT o.label_zh, sum(f.count) AS n
        FROM fact_request_handling f JOIN dim_request_outcome o ON o.code = f.outcome
        WHERE f.outcome LIKE 'withheld_%' AND f.applicant_type = 'total' GROUP BY ALL ORDER BY n DESC""",
    "findings by check and severity": """
        SELECT check_name, severity, count(*) AS n FROM dq_findings GROUP BY ALL ORDER BY n DESC""",
    "cells by source, all facts": """
        SELECT cell_source, count(*) FROM (
            SELECT cell_source FROM fact_request_handling UNION ALL
            SELECT cell_source FROM fact_active_disclosure UNION ALL
            SELECT cell_source FROM fact_review_litigation) GROUP BY ALL""",
    "section text search (LIKE)": "SELECT count(*) FROM report_sections WHERE text LIKE '%依申请%'",
}


def time_queries(db: Path, repeats: int = 5) -> None:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        print(f"\nDuckDB queries over the views ({db}); best / median of {repeats} runs:")
        for name, sql in QUERIES.items():
            times, rows = [], None
            for _ in range(repeats):
                t = time.perf_counter()
                rows = con.execute(sql).fetchall()
                times.append(time.perf_counter() - t)
            print(f"  {name:<34} {min(times) * 1000:8.1f} ms / {statistics.median(times) * 1000:8.1f} ms  "
                  f"({len(rows)} rows)")
        print("\nReports per year in dim_report (by parse_status):")
        for year, n, ok, partial, quar in con.execute("""
                SELECT report_year, count(*), count(*) FILTER (WHERE parse_status = 'ok'),
                       count(*) FILTER (WHERE parse_status = 'partial'),
                       count(*) FILTER (WHERE parse_status = 'quarantined')
                FROM dim_report GROUP BY report_year ORDER BY report_year""").fetchall():
            print(f"  {year}: {n} reports (ok {ok}, partial {partial}, quarantined {quar})")
    finally:
        con.close()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", type=int, default=200,
                    help="number of files in the synthetic corpus (default 200)")
    ap.add_argument("--seed", type=int, default=7, help="random seed for places and encodings (default 7)")
    ap.add_argument("--workdir", help="build the corpus and warehouse here instead of a temp dir (kept)")
    ap.add_argument("--keep", action="store_true", help="keep the temp dir and print its path")
    args = ap.parse_args(argv)
    if args.files < 1:
        ap.error("--files must be at least 1")

    base = Path(args.workdir).resolve() if args.workdir else Path(tempfile.mkdtemp(prefix="gongkai-bench-"))
    corpus, warehouse = base / "corpus", base / "warehouse"
    for d in (corpus, warehouse):
        if d.exists():
            shutil.rmtree(d)
        d.mkdir(parents=True)
    try:
        t = time.perf_counter()
        info = build_corpus(corpus, args.files, args.seed)
        print(f"gongkai benchmark: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}")
        print(f"corpus: {info['files']} files, {info['bytes'] / 1e6:.1f} MB in {corpus} "
              f"(built in {time.perf_counter() - t:.1f} s from {len(info['templates'])} sample reports)")
        print("  reports by year written: " + ", ".join(f"{y} {n}" for y, n in info["by_year"].items()))
        print("  encodings: " + ", ".join(f"{k} {v}" for k, v in info["variants"].items()))
        print("  hostile: " + ("; ".join(info["hostile"]) or "none"))

        rc, wall, lines = run_pipeline(corpus, warehouse)
        per_year = [(int(m[1]), int(m[2]), float(m[3])) for m in map(_YEAR_LINE.match, lines) if m]
        done = next((float(m[1]) for m in map(_DONE_LINE.match, lines) if m), None)

        print("\nFigures")
        print(f"  exit code                 {rc}")
        print(f"  wall time (subprocess)    {wall:.1f} s")
        if done is not None:
            print(f"  CLI 'done in'             {done:.1f} s  (start-up/imports: {wall - done:.1f} s)")
        print(f"  throughput                {info['files'] / wall:.2f} files/s  "
              f"({sum(n for _, n, _ in per_year) / wall:.2f} reports/s)")
        for year, n, secs in per_year:
            print(f"  {year}: {n:4d} reports in {secs:6.1f} s  ({n / secs if secs else 0:.2f} reports/s)")
        db = warehouse / "gongkai.duckdb"
        if db.exists():
            time_queries(db)
        else:
            print("\n(no gongkai.duckdb was written; no query timings)")
        return 0 if rc == 0 else rc
    finally:
        if args.workdir or args.keep:
            print(f"\nkept: {base}")
        else:
            shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
