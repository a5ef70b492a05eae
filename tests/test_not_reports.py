"""Documents that carry the report's markers but are no government body's annual disclosure report (red-team AO is
the family of real-shaped documents; its two genuine reports must be accepted here, and their cells scored
398/398 with scripts/redteam_score.py when the set came in): they are rejected as
`not_a_report` with the reason, so their prose never fills the form's cells; a genuine report beside a 指南 or a
工作要点 in the same file is still read.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_decoy_tables import _truths  # noqa: E402

from transforms.ingest import scan_landing  # noqa: E402
from transforms.pipeline import run_layers  # noqa: E402
from transforms.synth import build_model  # noqa: E402
from transforms.synth.shapes import render_tsv  # noqa: E402

AO = Path(__file__).parent / "fixtures" / "redteam_ao"

OUTSIDE = ["福建省立医院", "福州大学", "南京水务集团有限公司", "上海久事（集团）有限公司", "苏州市第一中学"]
KINDS = ["{a}关于公布{y}年政府信息公开工作年度报告的通知", "{a}{y}年政务公开工作要点", "{a}政府信息公开指南",
         "{a}{y}年政务公开工作总结"]


def _report(i: int) -> tuple[dict, str]:
    truth = _truths()[i]
    rng = random.Random(f"notreport:{i}")
    return truth, render_tsv(build_model(truth, rng), rng)[0]


def _status(tmp: Path) -> dict[str, tuple[str, str | None, str | None]]:
    return {f.source_path: (f.status, f.check_name, f.message) for f in scan_landing(tmp)}


def test_a_body_outside_the_government_is_no_report_of_the_form(tmp_path) -> None:
    for i, body in enumerate(OUTSIDE):
        truth, text = _report(i)
        lines = text.split("\n")
        title = next(k for k, ln in enumerate(lines) if "年度报告" in ln)
        lines[title] = f"{body}{truth['year']}年度信息公开工作报告"  # (no 政府: a 公共企事业单位 / 高校 report)
        (tmp_path / f"o{i}.txt").write_text("\n".join(lines), encoding="utf-8")
    got = _status(tmp_path)
    assert len(got) == len(OUTSIDE)
    for path, (status, check, message) in got.items():
        assert (status, check) == ("rejected", "not_a_report"), path
        assert "outside the government" in message


def test_documents_of_another_kind_are_no_report(tmp_path) -> None:
    for i, kind in enumerate(KINDS):
        truth, text = _report(i)
        agency = truth["agency"]
        first = kind.format(a=agency, y=truth["year"] + 1)
        body = "\n".join(ln for ln in text.split("\n")[1:] if "总体情况" not in ln)
        (tmp_path / f"k{i}.txt").write_text(f"{first}\n{body}", encoding="utf-8")
    for path, (status, check, message) in _status(tmp_path).items():
        assert (status, check) == ("rejected", "not_a_report"), path
        assert "another kind" in message


def test_a_genuine_report_beside_another_document_is_read(tmp_path) -> None:
    truth, text = _report(0)
    guide = f"{truth['agency']}政府信息公开指南\n一、主动公开。本机关主动公开的政府信息通过门户网站公开。\n"
    points = f"\n{truth['agency']}{truth['year'] + 1}年政务公开工作要点\n一、深化主动公开。\n"
    (tmp_path / "plain.txt").write_text(text, encoding="utf-8")
    (tmp_path / "guide_first.txt").write_text(guide + text, encoding="utf-8")
    (tmp_path / "points_after.txt").write_text(text + points, encoding="utf-8")
    # a notice that carries the report (its own title line gone): the report's first section shows it
    notice = f"关于公布{truth['agency']}{truth['year']}年政府信息公开工作年度报告的通知\n"
    (tmp_path / "in_a_notice.txt").write_text(notice + "\n".join(text.split("\n")[1:]), encoding="utf-8")
    got = _status(tmp_path)
    assert {s for s, _c, _m in got.values()} == {"accepted"}, got
    marts = next(iter(run_layers(tmp_path)["years"].values()))["marts"]
    per = {}
    stems = {r["report_id"]: Path(r["source_path"]).stem for r in marts["dim_report"].to_dicts()}
    for rid, code, appl, val in marts["fact_request_handling"].select(
            "report_id", "outcome", "applicant_type", "count").iter_rows():
        per.setdefault(stems[rid], {})[(code, appl)] = val
    assert per["guide_first"] == per["plain"] and per["points_after"] == per["plain"]
    assert per["in_a_notice"] == per["plain"]


@pytest.mark.skipif(not AO.exists(), reason="red-team AO fixtures absent")
def test_red_team_ao_non_reports_give_no_cell(tmp_path) -> None:
    """Every AO document whose truth says it is no report (template unknown) is rejected; the genuine ones are
    accepted."""
    got = _status(AO)
    for js in sorted(AO.glob("*.json")):
        truth = json.loads(js.read_text(encoding="utf-8"))
        src = next(p for p in AO.iterdir() if p.stem == js.stem and p.suffix != ".json")
        status, check, _message = got[src.name]
        if truth["template"] == "unknown":
            assert status == "rejected", src.name
        else:
            assert status == "accepted", src.name
