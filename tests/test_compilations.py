"""Several reports in one file (red-team AV: 汇编 / 合集 / 一览). One report is read per file: the first, from
its own title on, never mixed with the others; its agency is never the compilation's cover title or a
contents entry; and a `compilation_not_split` warning names every report that is not read.

The family: generated compilations of 2 to 4 reports (both templates, other bodies or other years of one
body) behind a cover title and a table of contents, as text and as an HTML page, plus single reports with a
contents block of their own sections (no compilation).
"""

from __future__ import annotations

import html
import random
from pathlib import Path, PurePath

from transforms.compilation import first_report
from transforms.synth import build_model, generate, render

FACTS = {"table3": ("fact_request_handling", "outcome", "applicant_type", "count"),
         "table2": ("fact_active_disclosure", "item", "metric", "value"),
         "table4": ("fact_review_litigation", "case_type", "result", "count")}
CN = "一二三四"


def _title(text: str) -> str:
    return next(x for x in text.split("\n") if "信息公开" in x and "报告" in x).strip()


def compilation(texts: list[str], rng: random.Random) -> str:
    cover = rng.choice(["区级部门", "各街道", "本机关历年"]) + "政府信息公开工作年度报告" + rng.choice(["汇编", "合集", "一览"])
    toc = ["目录"] + [f"{rng.choice(['第' + CN[k] + '部分 ', CN[k] + '、'])}{_title(t)}" for k, t in enumerate(texts)]
    sep = rng.choice(["\n", "\n========\n", "\f"])
    return cover + "\n" + "\n".join(toc) + "\n" + sep.join(texts)


def as_html(text: str) -> str:
    out, block = ["<html><head><meta charset='utf-8'></head><body>"], []
    for line in text.replace("\f", "\n").split("\n"):
        if "\t" in line:
            block.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in line.split("\t")) + "</tr>")
            continue
        if block:
            out.append("<table border='1'>" + "".join(block) + "</table>")
            block = []
        if line.strip():
            out.append(f"<p>{html.escape(line)}</p>")
    if block:
        out.append("<table border='1'>" + "".join(block) + "</table>")
    return "".join(out) + "</body></html>"


def test_a_compilation_gives_its_first_report_and_names_the_others(tmp_path: Path) -> None:
    from transforms.pipeline import run_layers

    rng = random.Random(20261207)
    truths = list(generate(30, seed=303, years=[2021, 2022, 2023]))
    files, k = {}, 0
    for f in range(10):
        n = 2 + f % 3
        group = truths[k:k + n]
        k += n
        texts = [render("tsv", build_model(t, random.Random(f * 10 + j)), random.Random(f * 10 + j))[0]
                 for j, t in enumerate(group)]
        text = compilation(texts, rng)
        stem = f"comp{f:02d}"
        if f % 2:
            (tmp_path / f"{stem}.html").write_text(as_html(text), encoding="utf-8")
        else:
            (tmp_path / f"{stem}.txt").write_text(text, encoding="utf-8")
        files[stem] = group
    layers = run_layers(tmp_path)
    dims, got, said = {}, {}, {}
    for marts in (ly["marts"] for ly in layers["years"].values()):
        stems = {r["report_id"]: PurePath(r["source_path"]).stem for r in marts["dim_report"].to_dicts()}
        for r in marts["dim_report"].to_dicts():
            dims.setdefault(stems[r["report_id"]], []).append(r)
        for table, (mart, a, b, v) in FACTS.items():
            for rid, x, y, val in marts[mart].select("report_id", a, b, v).iter_rows():
                got.setdefault(stems[rid], {})[(table, x, y)] = val
        f = marts["dq_findings"]
        for path, msg in f.filter(f["check_name"] == "compilation_not_split").select("source_path", "message").iter_rows():
            said[PurePath(path).stem] = msg
    for stem, group in files.items():
        assert len(dims.get(stem, [])) == 1, stem
        first = group[0]
        assert dims[stem][0]["agency_name"] == first["agency"], (stem, dims[stem][0]["agency_name"], first["agency"])
        assert dims[stem][0]["report_year"] == first["year"]
        cells = got.get(stem, {})
        for table in ("table3", "table4"):
            for row, cols in first[table].items():
                for col, want in cols.items():
                    val = cells.get((table, row, col))
                    want = want if want is not None else first["derived"].get(f"{table}.{row}.{col}")
                    assert val is None or want is None or abs(val - want) < 1e-9, (stem, table, row, col, val, want)
        assert f"holds {len(group)} reports" in said.get(stem, ""), stem
        for other in group[1:]:
            assert other["agency"] in said[stem] or str(other["year"]) in said[stem]


def test_one_report_with_a_contents_block_is_no_compilation() -> None:
    t = next(generate(1, seed=9, years=[2022]))
    text, _ = render("tsv", build_model(t, random.Random(0)), random.Random(0))
    toc = "目录\n一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n" \
          "五、存在的主要问题及改进情况\n六、其他需要报告的事项\n"
    lines = text.split("\n")
    assert first_report("\n".join(lines[:1] + [toc] + lines[1:])) is None
    assert first_report(text) is None
