"""Score a red-team fixture directory end to end (black box: run_layers, then compare with the .json truths).

    .venv/bin/python scripts/redteam_score.py [FIXTURE_DIR ...] [--together] [--only STEM]

Each report file (.txt/.md/.html, a .pdf/.docx/.doc/.wps/.rtf/.odt/.fodt/.xml document or a .mht/.mhtml/.eml message; not README.md) is copied into its own temporary input directory
(or, with --together, all into one) and run through `transforms.pipeline.run_layers`. Cells are
scored with tests/scoring.py's `score_cells`; agency_name, report_year, admin_level, region and
template are checked against the truth. Prints a per-fixture table, then every wrong / invented /
abstained cell and every metadata mismatch. Exit status is 0 (this is a report, not a test).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path, PurePath

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from scoring import Score, score_cells  # noqa: E402
from transforms.pipeline import run_layers  # noqa: E402

FACTS = {"table3": ("fact_request_handling", "outcome", "applicant_type", "count"),
         "table2": ("fact_active_disclosure", "item", "metric", "value"),
         "table4": ("fact_review_litigation", "case_type", "result", "count")}
REGION_COLS = ("region_province", "region_city", "region_county", "region_township")
SUFFIXES = (".txt", ".md", ".html", ".htm", ".pdf", ".docx", ".doc", ".wps", ".rtf", ".odt", ".fodt", ".xml", ".mht", ".mhtml", ".eml")


def fixtures(dirs: list[Path], only: str | None) -> list[Path]:
    out = []
    for d in dirs:
        for p in sorted(d.iterdir()):
            if p.suffix in SUFFIXES and p.name != "README.md" and p.with_suffix(".json").exists():
                if only is None or p.stem == only:
                    out.append(p)
    return out


def collect(layers: dict) -> dict[str, dict]:
    """stem -> {'dim': dim_report row, 'cells': {(table, a, b): value}} over every year in the run."""
    out: dict[str, dict] = {}
    for year_out in layers.get("years", {}).values():
        marts = year_out["marts"]
        dim = marts["dim_report"]
        ids = {}
        for row in dim.to_dicts():
            stem = PurePath(row["source_path"]).stem
            ids[row["report_id"]] = stem
            out.setdefault(stem, {"dim": row, "cells": {}})
        for table, (mart, a, b, v) in FACTS.items():
            df = marts.get(mart)
            if df is None:
                continue
            for rid, x, y, val in df.select("report_id", a, b, v).iter_rows():
                if rid in ids:
                    out[ids[rid]]["cells"][(table, x, y)] = val
    return out


def findings_of(layers: dict) -> list[dict]:
    rows = []
    manifest = layers.get("landing_manifest")
    if manifest is not None and "status" in manifest.columns:  # a file rejected at landing never reaches the marts
        for m in manifest.filter(manifest["status"] == "rejected").to_dicts():
            rows.append({"report_id": None, "source_path": m.get("source_path"), "severity": "rejected",
                         "check_name": m.get("check_name"), "message": str(m.get("message"))})
    for year_out in layers.get("years", {}).values():
        f = year_out["marts"].get("dq_findings")
        if f is not None:
            rows += f.to_dicts()
    return rows


def meta_problems(dim: dict | None, truth: dict) -> list[str]:
    if dim is None:
        return ["report not in dim_report (no year read, or quarantined before the marts)"]
    probs = []
    for key, col in (("agency", "agency_name"), ("year", "report_year"), ("admin_level", "admin_level"),
                     ("template", "template")):
        if dim.get(col) != truth.get(key):
            probs.append(f"{col}: want {truth.get(key)!r} got {dim.get(col)!r}")
    got_region = [dim.get(k) for k in REGION_COLS if dim.get(k)]
    want_region = [x for x in truth.get("region", []) if x]
    if got_region != want_region:
        probs.append(f"region: want {want_region} got {got_region}")
    return probs


def run(paths: list[Path], together: bool) -> tuple[dict[str, dict], list[dict]]:
    results: dict[str, dict] = {}
    findings: list[dict] = []
    groups = [paths] if together else [[p] for p in paths]
    for group in groups:
        with tempfile.TemporaryDirectory(prefix="redteam_") as tmp:
            inp = Path(tmp) / "in"
            inp.mkdir()
            for p in group:
                shutil.copy(p, inp / p.name)
            try:
                layers = run_layers(inp)
            except Exception as exc:  # a crash is a result too
                for p in group:
                    results[p.stem] = {"crash": f"{type(exc).__name__}: {exc}"}
                continue
            results.update(collect(layers))
            findings += findings_of(layers)
    return results, findings


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dirs", nargs="*", type=Path, default=[ROOT / "tests" / "fixtures" / "redteam_g"])
    ap.add_argument("--together", action="store_true", help="run all fixtures in one input directory")
    ap.add_argument("--only", help="score only the fixture with this stem")
    ap.add_argument("--findings", action="store_true", help="also print each fixture's dq_findings")
    args = ap.parse_args(argv)
    paths = fixtures(args.dirs, args.only)
    results, findings = run(paths, args.together)
    total = Score()
    lines, details = [], []
    hdr = f"{'fixture':44} {'cells':>5} {'right':>5} {'wrong':>5} {'invent':>6} {'abst':>5}  meta"
    for p in paths:
        truth = json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))
        res = results.get(p.stem)
        s = Score()
        if res and "crash" in res:
            score_cells(None, truth, p.stem, s)
            meta = [f"CRASH {res['crash']}"]
        else:
            score_cells(res["cells"] if res else None, truth, p.stem, s)
            meta = meta_problems(res["dim"] if res else None, truth)
        for k in ("cells", "correct", "wrong", "invented", "abstained"):
            setattr(total, k, getattr(total, k) + getattr(s, k))
        mtxt = "5/5 ok" if not meta else f"{5 - min(len(meta), 5)}/5"
        lines.append(f"{p.stem:44} {s.cells:5} {s.correct:5} {s.wrong:5} {s.invented:6} {s.abstained:5}  {mtxt}")
        probs = s.problems.get(p.stem, [])
        if probs or meta:
            details.append(f"\n## {p.stem}")
            details += [f"  META  {m}" for m in meta]
            for pr in probs:
                kind = "ABST " if pr.endswith("got None") else "INVNT" if " want None " in pr else "WRONG"
                details.append(f"  {kind} {pr}")
        if args.findings:
            rid = res["dim"]["report_id"] if res and "dim" in res else None
            mine = [f for f in findings
                    if (rid is not None and f.get("report_id") == rid) or
                    (f.get("report_id") is None and PurePath(str(f.get("source_path"))).stem == p.stem)]
            if mine and not (probs or meta):
                details.append(f"\n## {p.stem}")
            details += [f"  finding {f['check_name']} [{f['severity']}]: {f['message'][:160]}" for f in mine]
    print(hdr)
    print("\n".join(lines))
    print(f"{'TOTAL':44} {total.cells:5} {total.correct:5} {total.wrong:5} {total.invented:6} {total.abstained:5}"
          f"  ({total.pct:.1f}% right)")
    print("\n".join(details))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
