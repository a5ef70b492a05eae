"""Check a warehouse built from this set's inputs against expected.json (black box: reads only the marts).

    .venv/bin/python tests/fixtures_pending/redteam_aw/builder/check.py WAREHOUSE [--json OUT]

For every expected entry prints its dim_report row(s) (status) and its dq_findings rows (check, message), and for
each entry with a truth JSON the cell score: right / wrong / abstained / invented over tables 2-4.
"""

from __future__ import annotations

import argparse
import glob
import json
import sys
from pathlib import Path

import polars as pl

SET = Path(__file__).resolve().parents[1]
FACTS = {"table3": ("fact_request_handling", "outcome", "applicant_type", "count"),
         "table2": ("fact_active_disclosure", "item", "metric", "value"),
         "table4": ("fact_review_litigation", "case_type", "result", "count")}


def mart(wh: Path, name: str) -> pl.DataFrame:
    files = sorted(glob.glob(str(wh / "marts" / name / "**" / "*.parquet"), recursive=True))
    if not files:
        return pl.DataFrame()
    return pl.concat([pl.read_parquet(f, hive_partitioning=False) for f in files], how="diagonal_relaxed")


def score(wh_facts: dict[str, pl.DataFrame], rid: str, truth: dict) -> dict:
    s = {"right": 0, "wrong": 0, "abstained": 0, "invented": 0, "wrong_cells": []}
    derived = truth.get("derived") or {}
    for t, (m, rk, ck, vk) in FACTS.items():
        df = wh_facts[m]
        got = {}
        if len(df):
            for r in df.filter(pl.col("report_id") == rid).iter_rows(named=True):
                got[(r[rk], r[ck])] = r[vk]
        tt = truth.get(t) or {}
        keys = {(r, c) for r, cols in tt.items() for c in (cols or {})}
        for r, c in sorted(keys):
            v = tt[r][c]
            if v is None:
                v = derived.get(f"{t}.{r}.{c}")
            g = got.get((r, c))
            if v is None:
                if g is not None:
                    s["invented"] += 1
                    s["wrong_cells"].append(f"{t}.{r}.{c}: truth null, got {g}")
            elif g is None:
                s["abstained"] += 1
            elif float(g) == float(v):
                s["right"] += 1
            else:
                s["wrong"] += 1
                s["wrong_cells"].append(f"{t}.{r}.{c}: truth {v}, got {g}")
    return s


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("warehouse", type=Path)
    ap.add_argument("--json", type=Path)
    ap.add_argument("--only", help="substring of the entry name")
    a = ap.parse_args()
    wh = a.warehouse
    exp = json.loads((SET / "expected.json").read_text("utf-8"))
    dim = mart(wh, "dim_report")
    dq = mart(wh, "dq_findings")
    facts = {m: mart(wh, m) for m, *_ in FACTS.values()}
    res = []
    for e in exp:
        if a.only and a.only not in e["name"]:
            continue
        base = e["name"].split("/")[-1]
        rid = e.get("report_id")
        rows = dim.filter(pl.col("report_id") == rid) if (rid and len(dim)) else pl.DataFrame()
        f = pl.DataFrame()
        if len(dq):
            sp = pl.col("source_path").fill_null("")
            stem = base.rsplit(".", 1)[0] if "." in base[2:] else base
            cond = (sp == e["name"]) | sp.str.ends_with("/" + base) | (sp == base)
            if "aw48" in base:
                cond = cond | sp.str.contains("aw48_deep_report", literal=True)
            cond = cond | (sp.str.contains(stem[:14], literal=True) & ~sp.str.ends_with(".json") & ~sp.str.ends_with(".txt") & ~sp.str.ends_with(".html")) if False else cond
            if rid:
                cond = cond | (pl.col("report_id") == rid)
            f = dq.filter(cond)
        out = {"name": e["name"], "what": e["what"],
               "dim_report": [{k: r.get(k) for k in ("source_path", "parse_status", "agency_name", "report_year", "source_format")}
                              for r in rows.iter_rows(named=True)] if len(rows) else [],
               "findings": [{k: r.get(k) for k in ("source_path", "stage", "check_name", "severity", "message")}
                            for r in f.iter_rows(named=True)] if len(f) else []}
        if e.get("truth") and rid:
            tp = (SET / "inputs" / e["truth"]) if e["truth"].startswith("aw01") else (SET / "truth" / e["truth"])
            out["score"] = score(facts, rid, json.loads(tp.read_text("utf-8")))
        res.append(out)
        print(f"== {e['name']}")
        for r in out["dim_report"]:
            print(f"   dim_report: {r}")
        for r in out["findings"][:6]:
            print(f"   finding: {r['severity']} {r['stage']}/{r['check_name']}: {str(r['message'])[:220]}  [{r['source_path']!r}]")
        if len(out["findings"]) > 6:
            print(f"   … {len(out['findings'])} findings in all")
        if not out["dim_report"] and not out["findings"]:
            print("   !! NO ROW (neither dim_report nor dq_findings)")
        if "score" in out:
            sc = out["score"]
            print(f"   cells: right {sc['right']} wrong {sc['wrong']} abstained {sc['abstained']} invented {sc['invented']} {sc['wrong_cells'][:5]}")
    if a.json:
        a.json.write_text(json.dumps(res, ensure_ascii=False, indent=1, default=str), "utf-8")


if __name__ == "__main__":
    main()
