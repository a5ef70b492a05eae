"""One body's report of one year read from two files (a portal page and its PDF attachment, a re-issued
copy): both load, and each carries a `same_agency_and_year` warning naming the other file, so an analysis
does not count the report twice. Files with the same bytes are rejected at landing (`duplicate`).

The family: generated reports, each written in two shapes (a CMS page and a TSV text) beside reports
of other bodies and of the same body in another year.
"""

from __future__ import annotations

import random
from pathlib import Path, PurePath

from transforms.synth import build_model, generate, render


def test_the_same_body_and_year_in_two_files_is_said_on_both(tmp_path: Path) -> None:
    from transforms.pipeline import run_layers

    truths = list(generate(6, seed=515, years=[2022]))
    pairs = {}
    for i, t in enumerate(truths):
        for shape in ("html_cms", "tsv") if i < 3 else ("tsv",):
            text, suffix = render(shape, build_model(t, random.Random(i)), random.Random(i))
            (tmp_path / f"r{i}_{shape}{suffix}").write_text(text, encoding="utf-8")
        pairs[i] = t["agency"]
    # the same body a year later: no finding
    later = dict(truths[3], year=2023)
    text, suffix = render("tsv", build_model(later, random.Random(3)), random.Random(3))
    (tmp_path / f"r3_next_year{suffix}").write_text(text.replace("2022", "2023"), encoding="utf-8")
    assert len(set(pairs.values())) == len(pairs), "the generated bodies differ"
    layers = run_layers(tmp_path)
    flagged: dict[str, str] = {}
    for marts in (ly["marts"] for ly in layers["years"].values()):
        f = marts["dq_findings"]
        for path, sev, msg in f.filter(f["check_name"] == "same_agency_and_year").select(
                "source_path", "severity", "message").iter_rows():
            assert sev == "warning"
            flagged[PurePath(path).stem] = msg
    assert set(flagged) == {f"r{i}_{s}" for i in range(3) for s in ("html_cms", "tsv")}
    for i in range(3):
        assert f"r{i}_tsv" in flagged[f"r{i}_html_cms"] and f"r{i}_html_cms" in flagged[f"r{i}_tsv"]
        assert pairs[i] in flagged[f"r{i}_tsv"]
