"""Struck-through text copied from an app or an editor (red-team AD): each struck character is followed
by a combining stroke overlay (U+0336, also U+0335 / U+0338), as a corrected post gives `1̶5̶ 17`. The
struck characters are deleted text, like <del>; the cell's value is the one after them.

The family: generated reports (both templates) as TSV whose random cells print a struck old value
before the new one; each reads exactly what the clean report reads.
"""

from __future__ import annotations

import sys

import random
import re
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scoring import read_cells  # noqa: E402
from transforms.normalise import normalise_text
from transforms.synth import build_model, generate, render

MARKS = ["\u0336", "\u0335", "\u0338"]


def strike_some(text: str, rng: random.Random) -> str:
    def cell(m: re.Match) -> str:
        if rng.random() > 0.3:
            return m.group(0)
        old = str(int(m.group(1)) + rng.randint(1, 9))
        mark = rng.choice(MARKS)
        return m.group(0)[0] + "".join(ch + mark for ch in old) + " " + m.group(1)
    return re.sub(r"\t(\d+)(?=\t|$)", cell, text, flags=re.M)




def test_struck_old_values_are_not_read(tmp_path: Path) -> None:
    rng = random.Random(20261207)
    n = 0
    for i, t in enumerate(generate(16, seed=61, years=[2020, 2023])):
        text, _ = render("tsv", build_model(t, random.Random(i)), random.Random(i))
        struck = strike_some(text, rng)
        n += struck.count("\u0336") + struck.count("\u0335") + struck.count("\u0338")
        (tmp_path / f"r{i:02d}_clean.txt").write_text(text, encoding="utf-8")
        (tmp_path / f"r{i:02d}_struck.txt").write_text(struck, encoding="utf-8")
    assert n > 200
    got = read_cells(tmp_path)
    for i in range(16):
        a, b = got.get(f"r{i:02d}_clean"), got.get(f"r{i:02d}_struck")
        assert a and a == b, sorted(k for k in set(a or {}) | set(b or {}) if (a or {}).get(k) != (b or {}).get(k))[:4]


def test_struck_characters_go_and_plain_marks_stay() -> None:
    assert normalise_text("（一）予以公开\t1\u03365\u0336 17\t2").text == "(一)予以公开\t17\t2"
    assert normalise_text("行政许可\t3\u0338 4\t5").text == "行政许可\t4\t5"
    assert normalise_text("规章\t0\t0").text == "规章\t0\t0"  # nothing struck, nothing goes
