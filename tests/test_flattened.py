"""A report flattened to one line reads back the cells of the report as laid out (issue 7).

Crawlers and converters often save a page's text with every line break turned into a space: a
header block (`标题:` … `==== 正文 ====`), then the whole body on ONE line, with the tables' tabs or
pipes still in it. This family takes every truth-backed source file the project has (the fixture
folders and the bundled sample corpus), flattens it two ways, and reads the copies through the
real pipeline beside the originals:

- `lines`: each line break becomes one space (so a blank line becomes two);
- `single`: blank lines are dropped first, so every break is one space and nothing marks a paragraph.

Nothing may be wrong or invented against the truth, and the flattened copies must read nearly every
cell the originals read; the sample corpus (real reports) must read back cell for cell.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path, PurePath

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scoring import Score, score_cells  # noqa: E402
from test_reshape import FACTS, FIXTURES, REPORT_SUFFIXES  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "warehouse" / "landing"
SEPARATOR = "==================== 正文 ===================="
# Share of the cells the laid-out originals read right that the flattened copies must read right.
FLOOR = {"lines": 0.95, "single": 0.90}


def _decode(data: bytes) -> str:
    from transforms.ingest.decode import decode_bytes, repair_damaged_text

    # the pipeline's own decoding (UTF-8, GB18030, Big5, UTF-16…) and its repair of a text a tool damaged
    # (red-team AN): the copies are made from the text the pipeline reads
    return repair_damaged_text(decode_bytes(data)[0], [])


def flatten(text: str, mode: str) -> str:
    """The crawler's copy: a header block, then the body on one line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    title = next((x for x in text.split("\n") if x.strip()), "").strip("#* \t")
    if mode == "single":
        text = re.sub(r"\n[ \t]*\n+", "\n", text)
    return f"标题: {title}\n发布机构: \n{SEPARATOR}\n" + text.strip("\n").replace("\n", " ") + "\n"


_CARRIED = re.compile(r"^(?:csv|tsv-(?:formula|with-sheet|helper)|md-fenced-csv|email)")


def sources() -> list[tuple[str, Path, dict, bool]]:
    """(stem, plain-text source, truth, from the sample corpus) for every truth-backed text file."""
    out = []
    for js in sorted(FIXTURES.glob("*/*.json")):
        src = next((js.with_suffix(s) for s in REPORT_SUFFIXES if js.with_suffix(s).exists()), None)
        if src is None or src.suffix not in (".txt", ".md"):
            continue
        truth = json.loads(js.read_text(encoding="utf-8"))
        if (truth.get("template") in ("2019", "2021") and truth.get("reading_order") != "scrambled"
                and not _CARRIED.match(truth.get("table_shape") or "")):
            # a text whose reading order a converter scrambled (red-team AB), or a table carried by a
            # spreadsheet or an e-mail (AC, AD: CSV fields, a sheet's frame, quote marks), is its own
            # family; flattening or merging it again makes a text no converter or crawler emits
            out.append((f"{js.parent.name}_{js.stem}", src, truth, False))
    for js in sorted((FIXTURES / "truth").glob("*.json")):
        src = SAMPLE / f"{js.stem}.txt"
        if src.exists():
            out.append((f"sample_{js.stem}", src, json.loads(js.read_text(encoding="utf-8")), True))
    return out


_DRAWN_LINE = re.compile(r"[\u2500-\u257f]|^\s*\+[-=+:]{6,}|\d {2,}\d+ {2,}\d")


def _drawn(text: str) -> bool:
    """Tables laid out by spaces or drawn with box characters (pdftotext -layout, pandoc grids): their
    columns live in runs of spaces, which flattening cannot keep. They must still invent nothing."""
    return sum(1 for x in text.split("\n") if _DRAWN_LINE.search(x)) >= 5


def _read(folder: Path, checks: tuple[str, ...] = ()) -> tuple[dict, set] | tuple[dict, set, set]:
    """Run the pipeline over `folder`: (cells by file stem, stems read), plus the stems with a
    finding among `checks` when some are named."""
    from transforms.pipeline import run_layers

    layers = run_layers(folder)
    got: dict[str, dict] = {}
    seen: set[str] = set()
    flagged: set[str] = set()
    for marts in (ly["marts"] for ly in layers["years"].values()):
        stems = {r["report_id"]: PurePath(r["source_path"]).stem for r in marts["dim_report"].to_dicts()}
        seen.update(stems.values())
        for table, (mart, a, b, v) in FACTS.items():
            for rid, x, y, val in marts[mart].select("report_id", a, b, v).iter_rows():
                if rid in stems:
                    got.setdefault(stems[rid], {})[(table, x, y)] = val
        for rid, check in marts["dq_findings"].select("report_id", "check_name").iter_rows():
            if check in checks and rid in stems:
                flagged.add(stems[rid])
    return (got, seen, flagged) if checks else (got, seen)


@pytest.fixture(scope="module")
def corpus():
    found = sources()
    assert len(found) >= 60 and sum(1 for *_, s in found if s) >= 5, "the fixture folders and the sample corpus"
    return found


@pytest.mark.parametrize("mode", sorted(FLOOR))
def test_flattened_copies_read_back_what_the_laid_out_reports_read(mode: str, corpus, tmp_path: Path) -> None:
    for stem, src, _truth, _sample in corpus:
        shutil.copy(src, tmp_path / f"{stem}__laid_out{src.suffix}")
        (tmp_path / f"{stem}__flat.txt").write_text(flatten(_decode(src.read_bytes()), mode), encoding="utf-8")
    got, seen = _read(tmp_path)
    laid, flat, every = Score(), Score(), Score()
    sample_diff = []
    for stem, src, truth, sample in corpus:
        a, b = f"{stem}__laid_out", f"{stem}__flat"
        score_cells(got.get(b, {}) if b in seen else None, truth, stem, every)
        if _drawn(_decode(src.read_bytes())):
            continue  # counted for wrong and invented only
        score_cells(got.get(a, {}) if a in seen else None, truth, stem, laid)
        score_cells(got.get(b, {}) if b in seen else None, truth, stem, flat)
        if sample and got.get(a) != got.get(b):
            diff = sorted(k for k in set(got.get(a, {})) | set(got.get(b, {}))
                          if got.get(a, {}).get(k) != got.get(b, {}).get(k))
            sample_diff.append(f"{stem}: {diff[:5]}")
    bad = {k: [p for p in v if "got None" not in p][:4] for k, v in every.problems.items()}
    bad = {k: v for k, v in bad.items() if v}
    assert (every.wrong, every.invented) == (0, 0), f"{mode}: wrong {every.wrong}, invented {every.invented}: {bad}"
    assert flat.correct >= FLOOR[mode] * laid.correct, f"{mode}: {flat.correct} of {laid.correct} cells read"
    assert not sample_diff, f"{mode}: the sample corpus reads differently once flattened: {sample_diff}"


# ---- the pass itself ----------------------------------------------------------------------------

def test_a_laid_out_report_is_left_exactly_as_it_is() -> None:
    from transforms.reflow import restore_line_breaks

    for _stem, src, _t, _s in sources()[:40]:
        text = _decode(src.read_bytes())
        long_lines = [x for x in text.split("\n") if len(x) >= 600]
        if not long_lines:
            assert restore_line_breaks(text) == text, src.name


def _one_line(*parts: str) -> str:
    filler = "本机关坚持以公开为常态、不公开为例外,推进决策、执行、管理、服务、结果公开。" * 20
    return "一、总体情况  " + filler + " " + " ".join(parts) + " 五、存在的主要问题及改进情况  无。"


def test_tab_rows_come_back_and_cells_with_spaces_stay_whole() -> None:
    from transforms.reflow import restore_line_breaks

    line = _one_line("二、主动公开政府信息情况  第二十条第(五)项\t\t\t",
                     "信息内容\t上一年项目数量\t本年增/减\t处理决定数量 行政许可\t246\t减 45\t52772",
                     "行政事业性收费\t29\t约 2\t3 件\t\t 政府集中采购\t8\t45996.82 万元")
    out = restore_line_breaks(line).split("\n")
    assert "行政许可\t246\t减 45\t52772" in out  # a signed number is one cell
    assert "行政事业性收费\t29\t约 2\t3 件\t\t" in out  # a number with its unit is one cell
    assert "信息内容\t上一年项目数量\t本年增/减\t处理决定数量" in out  # a row label starts a line
    assert "政府集中采购\t8\t45996.82 万元" in out
    assert re.sub(r"[ \n]", "", "\n".join(out)) == re.sub(r" ", "", line)  # only spaces became breaks


def test_pipe_rows_are_counted_out_from_the_separator_and_a_ragged_table_stays_joined() -> None:
    from transforms.reflow import restore_line_breaks

    rows = "| 信息内容 | 本年新制作数量 | | |----|----|----| | 规章 | 0 | 1 | | 规范性文件 | | 5 |"
    out = restore_line_breaks(_one_line("二、主动公开政府信息情况", rows)).split("\n")
    assert ["| 信息内容 | 本年新制作数量 | |", "|----|----|----|", "| 规章 | 0 | 1 |", "| 规范性文件 | | 5 |"] \
        == [x for x in out if x.startswith("|")]
    ragged = "| 信息内容 | 本年新制作数量 | | |----|----|----| | 规章 | 0 | 1 | | 规范性文件 | 5 |"
    out = restore_line_breaks(_one_line("二、主动公开政府信息情况", ragged)).split("\n")
    assert any("| 规章 | 0 | 1 | | 规范性文件 | 5 |" in x for x in out)  # 7 pipes after it: not whole rows


def test_markdown_headings_inline_get_their_own_lines() -> None:
    from transforms.normalise import normalise_text

    text = _one_line("## 二、主动公开政府信息情况  第二十条第(一)项\t\t\t 信息内容\t本年新制作数量\t本年新公开数量\t"
                     "对外公开总数量 规章\t0\t0\t0  ### **(一)主动公开** 本年公开信息3条。")
    out = normalise_text(text).text.split("\n")
    assert "二、主动公开政府信息情况" in out and "规章\t0\t0\t0" in out
    assert not any("#" in x for x in out)


# ---- a report whose headings are lost --------------------------------------------------------------

_HEADING = re.compile(r"(?<![\t|])[一二三四五六]\s*、\s*[^\s|。，,]{2,24}?(?:情况|事项)(?=[\s|]|$)")


@pytest.mark.parametrize("shape", ["flattened_tsv", "tsv", "crawler_oneline", "crawler_glued", "html_cms",
                                   "pdfplumber_text", "pdftotext_layout"])
def test_a_report_without_its_headings_invents_nothing(shape: str, tmp_path: Path) -> None:
    """With no section heading left, the tables are read from the whole text: numbers in a crawler's
    header block (`发布时间: 2020-03-25 09:30`) or in prose must never become cells."""
    from test_reshape import all_truths, render_shape

    written = render_shape(shape, all_truths(), tmp_path / "in")
    for p in (tmp_path / "in").iterdir():
        p.write_text(_HEADING.sub("", p.read_text(encoding="utf-8")), encoding="utf-8")
    got, seen = _read(tmp_path / "in")
    score = Score()
    for stem, truth in written.items():
        score_cells(got.get(stem, {}) if stem in seen else None, truth, stem, score)
    bad = {k: [p for p in v if "got None" not in p][:4] for k, v in score.problems.items()}
    assert (score.wrong, score.invented) == (0, 0), {k: v for k, v in bad.items() if v}
