"""Everyday damage to a laid-out report changes none of its cells (issue 7).

Every truth-backed source file the project has (the fixture folders and the sample corpus) is
damaged the way real copies are: converted to traditional script, given page numbers and running
headers every few dozen lines, wrapped in a web page's navigation and footer, saved with CRLF line
ends and trailing blanks, or exported with a tab after every line that holds no number. Each damaged
copy is read on its own (a copy beside its original would be taken for a duplicate) and must hold
nothing wrong or invented, and nearly every cell the original reads.

Known limit, not tested: a tab after every line of an OCR'd table whose rows lost cells makes a
short row look complete with a blank last cell (the two are the same text).
"""

from __future__ import annotations

import random
import re
import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scoring import Score, score_cells  # noqa: E402
from test_flattened import _decode, _read, sources  # noqa: E402


def _traditional(text: str, rng: random.Random) -> str:
    import opencc

    return opencc.OpenCC("s2t").convert(text)


def _page_debris(text: str, rng: random.Random) -> str:
    lines = text.split("\n")
    head = next((x for x in lines if x.strip()), "")[:30]
    out, page, every = [], 1, rng.randint(25, 45)
    pages = len(lines) // every + 1
    for i, line in enumerate(lines):
        out.append(line)
        if i and i % every == 0:
            page += 1
            out += [rng.choice([f"- {page} -", f"第{page}页 共{pages}页", f"{page}/{pages}", f"— {page} —"]), head]
    return "\n".join(out)


def _web_chrome(text: str, rng: random.Random) -> str:
    top = ["首页 | 政务公开 | 政务服务 | 互动交流", "您当前的位置：首页 > 政府信息公开 > 年度报告",
           "【字体：大 中 小】 打印本页 关闭窗口", "分享到：微信 微博"]
    bottom = ["相关链接：中国政府网 | 省政府网", "网站地图 | 联系我们", "主办单位：县人民政府办公室",
              "版权所有 © 2022 县人民政府 ICP备12345678号-1", "扫一扫在手机打开当前页"]
    return "\n".join(top) + "\n" + text + "\n" + "\n".join(bottom)


def _crlf_trailing(text: str, rng: random.Random) -> str:
    return "\r\n".join(x + rng.choice(["", " ", "  ", "\u3000"]) for x in text.split("\n"))


def _tab_after_text(text: str, rng: random.Random) -> str:
    return "\n".join(x + ("\t" if x.strip() and not re.search(r"\d", x) else "") for x in text.split("\n"))


DAMAGE = {"traditional": _traditional, "page_debris": _page_debris, "web_chrome": _web_chrome,
          "crlf_trailing_blanks": _crlf_trailing, "tab_after_text_lines": _tab_after_text}
FLOOR = 0.99  # share of the cells the originals read right that each damaged copy set must read right


@pytest.fixture(scope="module")
def originals(tmp_path_factory):
    found = sources()
    folder = tmp_path_factory.mktemp("originals")
    for stem, src, _t, _s in found:
        shutil.copy(src, folder / f"{stem}{src.suffix}")
    got, seen = _read(folder)
    laid = Score()
    for stem, _src, truth, _s in found:
        score_cells(got.get(stem, {}) if stem in seen else None, truth, stem, laid)
    return found, laid


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_damaged_copies_read_back_the_cells(damage: str, originals, tmp_path: Path) -> None:
    found, laid = originals
    for stem, src, _t, _s in found:
        text = DAMAGE[damage](_decode(src.read_bytes()), random.Random(f"{stem}:{damage}"))
        (tmp_path / f"{stem}{src.suffix}").write_text(text, encoding="utf-8")
    got, seen = _read(tmp_path)
    score = Score()
    for stem, _src, truth, _s in found:
        score_cells(got.get(stem, {}) if stem in seen else None, truth, stem, score)
    bad = {k: [p for p in v if "got None" not in p][:4] for k, v in score.problems.items()}
    bad = {k: v for k, v in bad.items() if v}
    assert (score.wrong, score.invented) == (0, 0), f"{damage}: wrong {score.wrong}, invented {score.invented}: {bad}"
    assert score.correct >= FLOOR * laid.correct, f"{damage}: {score.correct} of {laid.correct} cells read"
