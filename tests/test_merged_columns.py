"""Table 3 printed with 法人或其他组织 as one column (issue 7: rows and columns by their labels).

Some agencies print table 3 with three value columns, 自然人 | 法人或其他组织 | 总计, leaving out
the five organisation columns of the form. Every truth-backed source whose table 3 is a tab grid
with the five organisation columns (and rows the parser places in full) is rewritten that way: the five header cells are dropped and
each row's five cells become their sum. The rewritten copy must read the 自然人 and 总计 cells the
original reads, and any organisation cell it gives must be the true one (a sum of 0 pins all five
to 0; any other sum pins none). Nothing may come out as a different number. The rewritten tables
are read as tab grids, as markdown pipes, and as plain text with one space between cells (where a
row's columns are known only by its three numbers adding up).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scoring import expected_cells  # noqa: E402
from test_flattened import _decode, _read, sources  # noqa: E402

ORGS = ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
KEPT = ("natural_person", "total")
_COUNT = re.compile(r"\d+件?")
# Share of the 自然人/总计 cells the originals read. Plain text drops empty cells, so a row printing only
# two of its three cells (a blank 总计) cannot be placed.
FLOOR = {"tabs": 0.99, "pipes": 0.99, "spaces": 0.96}


def merge_org_columns(text: str) -> str | None:
    """The text with table 3's five organisation columns merged into one; None when the source's
    table 3 is not a tab grid with those five columns side by side under a 法人或其他组织 cell."""
    lines = text.split("\n")
    sub = next((i for i, x in enumerate(lines) if "\t" in x and
                [re.sub(r"\s+", "", c) for c in x.split("\t")][_at(x):_at(x) + 5] == ORGS), None)
    if sub is None:
        return None
    j = _at(lines[sub])
    start = sub
    while start > 0 and "\t" in lines[start - 1]:
        start -= 1
    # the table runs on over page breaks to section four (table 4 is the next grid)
    # (or to the next table 3's header, when the report prints two)
    end = next((i - 1 for i in range(sub + 1, len(lines)) if "法人或其他组织" in lines[i] or "申请人情况" in lines[i]
                or "\t" not in lines[i] and ("行政复议" in lines[i] or re.match(r"\s*[四五]、", lines[i]))), None)
    if end is None:
        return None
    head = next((i for i in range(start, sub) if len(c := lines[i].split("\t")) > j
                 and re.sub(r"\s+", "", c[j]) == "法人或其他组织"), None)
    if head is None:
        return None
    out = lines[:start]
    for i in range(start, end + 1):
        if i == sub:
            continue  # the organisation sub-header goes
        cells = lines[i].split("\t")
        if "\t" not in lines[i] or not any(_COUNT.fullmatch(c.strip()) for c in cells) and i != head:
            out.append(lines[i])
            continue
        # a row broken inside its label cell continues on a line of its own: its cells count from the right
        k = j if len(cells) >= len(lines[sub].split("\t")) or i == head else len(cells) - len(lines[sub].split("\t")) + j
        part = cells[k:k + 5]
        if i == head:
            merged = cells[j]
        else:
            if k < 1 or any(c.strip() and not _COUNT.fullmatch(c.strip()) for c in part):
                return None  # not a plain count row: leave this source out
            nums = [int(re.match(r"\d+", c.strip()).group(0)) for c in part if c.strip()]
            unit = "件" if any(c.strip().endswith("件") for c in part) else ""
            merged = f"{sum(nums)}{unit}" if nums else ""
        out.append("\t".join(cells[:k] + [merged] + cells[k + 5:]))
    text = "\n".join(out + lines[end + 1:])
    return merge_org_columns(text) or text  # the next table 3, if the report prints another


def _at(line: str) -> int:
    """The index of the 商业企业 cell of a tab line (-1 when none)."""
    cells = [re.sub(r"\s+", "", c) for c in line.split("\t")]
    return cells.index(ORGS[0]) if ORGS[0] in cells else -1


def _sums_hold(truth: dict) -> bool:
    """Whether the truth's printed table 3 keeps its identities: the merged copy's unprinted
    organisation cells are pinned only by them, so a report whose print breaks them (red-team R)
    cannot say what the merged copy should read."""
    from transforms.synth.generate import identities

    t3 = truth.get("table3") or {}
    cells = {f"table3.{row}.{col}": v for row, cols in t3.items() for col, v in cols.items()}
    for left, right in identities(t3, {}):
        if all(cells.get(k) is not None for k in left + right) and sum(cells[k] for k in left) != sum(cells[k] for k in right):
            return False
    return True


def _named_after_orgs(line: str) -> bool:
    """Whether a header line names a column right of 其他 other than 总计 (a 小计 of the organisations)."""
    cells = [re.sub(r"\s+", "", c) for c in line.split("\t")]
    if "其他" not in cells:
        return False
    return any(c and c not in ("总计", "合计") for c in cells[cells.index("其他") + 1:])


def _wanted(truth: dict) -> dict:
    return {(t, *k): w for t, k, w in expected_cells(truth) if t == "table3"}


@pytest.fixture(scope="module")
def originals(tmp_path_factory):
    chosen = []
    folder = tmp_path_factory.mktemp("originals")
    for stem, src, truth, _s in sources():
        if src.suffix != ".txt" or not _sums_hold(truth) or "+" in (truth.get("table_shape") or ""):
            continue  # (red-team AG's tables beside charts and summaries: decoys merging would rewrite too)
        text = _decode(src.read_bytes())
        if sum("\t" in x and "本年新收" in x for x in text.split("\n")) != 1:
            continue  # table 3's rows printed in more than one grid (a comparison table): not one table to merge
        if any("\t" in x and "申请人情况" in x and x.rstrip("\t").split("\t")[-1].strip() not in ("", "申请人情况")
               for x in text.split("\n")):
            continue  # a column after the form's (占比, 比上年增减): the three-column reader knows none (README)
        if any("\t" in x and "商业企业" in x and _named_after_orgs(x) for x in text.split("\n")):
            continue  # a 小计 column among the organisation columns (red-team Z): merging them has no one copy
        merged = merge_org_columns(text)
        if merged is not None:
            chosen.append((stem, truth, merged))
            (folder / f"{stem}.txt").write_text(text, encoding="utf-8")
    # rows whose cells the parser could not place in known columns (OCR lost cells): merging their
    # columns would sum the wrong cells, so those sources are left out
    got, _seen, doubtful = _read(folder, checks=("row_cells_lost", "row_cells_placed", "row_columns_uncertain"))
    return [c for c in chosen if c[0] not in doubtful], got


def _pipes(text: str) -> str:
    """Tab rows as markdown pipe rows."""
    return "\n".join("| " + " | ".join(x.split("\t")) + " |" if "\t" in x else x for x in text.split("\n"))


def _spaces(text: str) -> str:
    """Tab rows with their empty cells dropped and one space between the others (PDF text)."""
    return "\n".join(" ".join(c for c in x.split("\t") if c.strip()) if "\t" in x else x for x in text.split("\n"))


RENDER = {"tabs": lambda t: t, "pipes": _pipes, "spaces": _spaces}


@pytest.mark.parametrize("render", sorted(RENDER))
def test_table3_with_the_organisation_columns_merged_reads_the_printed_cells(render: str, originals, tmp_path: Path) -> None:
    chosen, laid = originals
    assert len(chosen) >= 40, len(chosen)
    for stem, _truth, merged in chosen:
        (tmp_path / f"{stem}.txt").write_text(RENDER[render](merged), encoding="utf-8")
    got, _seen = _read(tmp_path)
    wrong, kept_laid, kept_now, missed = [], 0, 0, {}
    for stem, truth, _m in chosen:
        want = _wanted(truth)
        for key, v in got.get(stem, {}).items():
            if key[0] != "table3" or v is None:
                continue
            if want.get(key) is not None and abs(want[key] - v) > 1e-9:
                wrong.append((stem, key, want[key], v))
            elif want.get(key) is None and key[2] not in KEPT and v != 0:  # a blank truth accepts 0
                wrong.append((stem, key, None, v))  # an organisation cell the truth cannot pin
        for key, w in want.items():
            if key[2] in KEPT and w is not None:
                kept_laid += laid.get(stem, {}).get(key) == w
                kept_now += got.get(stem, {}).get(key) == w
                if laid.get(stem, {}).get(key) == w != got.get(stem, {}).get(key):
                    missed[stem] = missed.get(stem, 0) + 1
    assert not wrong, wrong[:10]
    assert kept_now >= FLOOR[render] * kept_laid, f"{kept_now} of {kept_laid} 自然人/总计 cells read; missed {missed}"
