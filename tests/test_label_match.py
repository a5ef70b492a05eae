"""match_label (exact pass, rapidfuzz fuzzy pass, memo, label window) returns what the original
pure-Python version returned.

tests/fixtures/label_match_calls.jsonl is every distinct (label, keys, exclude, result) call
recorded from the original implementation while tests/test_table_shapes.py and
tests/test_tables_unit.py ran and while run_layers read every fixture folder and the sample corpus
(888 distinct calls). The reference implementation below is the original code, kept to compare
against on generated near-miss labels.
"""

import importlib
import json
import random
import re
import zlib
from pathlib import Path

import pytest

from transforms.tables import common
from transforms.tables.common import FUZZY_WINDOW, match_label
from transforms.tables.grid import lcs_len

CALLS = Path(__file__).parent / "fixtures" / "label_match_calls.jsonl"


def _keys(name):
    if name is None:
        return None
    mod, var = name.split(".")
    return getattr(importlib.import_module(f"transforms.tables.{mod}"), var)


def _ref_lcs(a: str, b: str) -> int:
    if not a or not b:
        return 0
    prev = [0] * (len(b) + 1)
    for ca in a:
        cur = [0]
        for j, cb in enumerate(b):
            cur.append(prev[j] + 1 if ca == cb else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


_NUMBERING = re.compile(r"^[(（]?[一二三四五六七八九十\d]+[)）.、]?")


def _ref_one_char_off(key, label):
    bare = _NUMBERING.sub("", label)
    if len(key) == 2:
        windows = [bare] if len(bare) == 2 else []
    elif len(key) >= 3 and len(bare) <= len(key) + 4:
        windows = [bare[i : i + len(key)] for i in range(len(bare) - len(key) + 1)]
    else:
        windows = []
    return any(sum(a != b for a, b in zip(key, w)) == 1 for w in windows)


def _ref_match_label(label, keys, exclude=None):
    """The original implementation (before rapidfuzz), verbatim apart from names."""
    compact = re.sub(r"\s+", "", label)
    if not compact:
        return None
    best, best_score = None, 0.0
    for code, phrases in keys.items():
        if exclude and any(x in compact for x in exclude.get(code, ())):
            continue
        for k in phrases:
            if k in compact:
                score = 2.0 + len(k) / 100
            elif len(k) >= 5:
                hit = _ref_lcs(k, compact)
                score = hit / len(k) if hit >= len(k) - 1 else 0.0
            elif _ref_one_char_off(k, compact):
                score = (len(k) - 1) / len(k)
            else:
                score = 0.0
            if score > best_score:
                best, best_score = code, score
    return best


def _recorded():
    return [json.loads(line) for line in CALLS.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_recorded_calls_return_the_same_code():
    rows = _recorded()
    assert len(rows) > 800
    bad = [(lab, k, e, want, got) for lab, k, e, want in rows
           if (got := match_label(lab, _keys(k), _keys(e))) != want]
    assert not bad, bad[:10]


def test_memo_gives_the_same_answer_twice_and_stays_bounded():
    rows = _recorded()[:200]
    first = [match_label(lab, _keys(k), _keys(e)) for lab, k, e, _ in rows]
    second = [match_label(lab, _keys(k), _keys(e)) for lab, k, e, _ in rows]
    assert first == second == [want for *_, want in rows]
    for i in range(common._MEMO_SIZE + 50):
        match_label(f"标签{i}", _keys("request_handling.APPLICANT_KEYS"))
    assert len(common._memo) <= common._MEMO_SIZE


def test_memo_never_confuses_two_key_dicts_with_the_same_label():
    a = {"x": ("予以公开",)}
    b = {"y": ("予以公开",)}
    assert match_label("予以公开", a) == "x"
    assert match_label("予以公开", b) == "y"
    for _ in range(3):  # temporary dicts whose id() may be reused
        assert match_label("予以公开", {"z": ("予以公开",)}) == "z"


def _near_misses(rnd: random.Random, phrases: list[str]) -> list[str]:
    """OCR-like variants of real key phrases: drops, swaps, wrong characters, numbering, padding."""
    noise = "的和与及其他本年公开申请信息数量处理办理结果一二三()、. 　"
    out = []
    for k in phrases:
        for _ in range(6):
            s = list(k)
            for _ in range(rnd.randint(1, 3)):
                op = rnd.random()
                i = rnd.randrange(len(s)) if s else 0
                if op < 0.3 and s:
                    del s[i]
                elif op < 0.6 and s:
                    s[i] = rnd.choice(noise)
                elif op < 0.8:
                    s.insert(i, rnd.choice(noise))
                else:
                    s[i:i] = list(rnd.choice(phrases))
            pre = rnd.choice(["", "(一)", "3.", "二、", "（四）", " "])
            out.append(pre + "".join(s) + rnd.choice(["", "", "情况", " 件"]))
    return out


@pytest.mark.parametrize("names", [
    ("request_handling.OUTCOME_KEYS", "request_handling.EXCLUDE"),
    ("request_handling.APPLICANT_KEYS", None),
    ("review_litigation.RESULT_KEYS", None),
    ("review_litigation.CASE_KEYS", None),
    ("active_disclosure.ITEM_KEYS", None),
])
def test_generated_near_misses_match_the_reference(names):
    keys, exclude = _keys(names[0]), _keys(names[1])
    phrases = [k for ph in keys.values() for k in ph]
    labels = _near_misses(random.Random(zlib.crc32(names[0].encode())), phrases)
    bad = [(lab, got, want) for lab in labels
           if (got := match_label(lab, keys, exclude)) != (want := _ref_match_label(lab, keys, exclude))]
    assert not bad, bad[:10]


def test_lcs_len_is_the_textbook_lcs():
    rnd = random.Random(3)
    for _ in range(300):
        a = "".join(rnd.choice("本年新收公开申请ab") for _ in range(rnd.randint(0, 30)))
        b = "".join(rnd.choice("本年新收公开申请ab") for _ in range(rnd.randint(0, 90)))
        assert lcs_len(a, b) == _ref_lcs(a, b)


def test_long_labels_keep_exact_phrases_and_stay_bounded():
    keys = _keys("request_handling.OUTCOME_KEYS")
    filler = "的" * 1000
    assert match_label(filler + "重复申请", keys) == "not_processed_duplicate"  # exact pass sees it all
    assert match_label("重复申请" + filler, keys) == "not_processed_duplicate"
    # within the window, a long label is judged exactly like the original implementation
    label = ("依申请公开情况说明" * 40)[:FUZZY_WINDOW]
    assert match_label(label, keys) == _ref_match_label(label, keys)
