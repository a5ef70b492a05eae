"""Table 3 printed in column parts: too wide for the page, it is cut between applicant columns.

The first part holds the row labels and the first columns (自然人 … 社会公益组织); after a `续表` or a page
break the next part holds the remaining columns (法律服务机构, 其他, 总计), under its own header, with
the row labels printed again or not at all. Read part by part, each looks like a table 3 on its own:
two partial copies (neither kept), or the second part's rows without labels (dropped).

`join_column_parts` puts the parts side by side again: when consecutive header blocks name disjoint
applicant columns that together are the form's seven, in the form's order, and every part has as
many number rows as the first (and, where it prints labels, the same labels), each row gets the
cells of every part, under one header naming the seven columns. Anything else is left as it is.
"""

from __future__ import annotations

import re

from transforms.labels import APPLICANT_CODES

# The applicant column names a header prints (the form's wording, and 社会组织 for 社会公益组织).
_NAMES = {"自然人": 0, "商业企业": 1, "科研机构": 2, "社会公益组织": 3, "社会组织": 3, "法律服务机构": 4,
          "其他": 5, "其它": 5, "总计": 6, "合计": 6}
_CONT_RE = re.compile(r"[(（]\s*续\s*[)）]|续表|续上表|\s+")
_NUMBER_RE = re.compile(r"-?\d[\d,]*(?:\.\d+)?")
_PIPE_RULE_RE = re.compile(r"^\|?[\s:|-]+\|?$")


def _cells(line: str) -> list[str] | None:
    """A table line's cells (tab- or pipe-separated), or None for a line that is no table row."""
    s = line.strip()
    if "\t" in line:
        return [c.strip() for c in line.split("\t")]
    if s.startswith("|") and s.endswith("|") and not _PIPE_RULE_RE.match(s):
        return [c.strip() for c in s[1:-1].split("|")]
    return None


def _names(cells: list[str]) -> list[int]:
    return [_NAMES[k] for c in cells if (k := _CONT_RE.sub("", c)) in _NAMES]


def _is_number(c: str) -> bool:
    return bool(_NUMBER_RE.fullmatch(c))


_BLANKS = ("", "-", "—", "/")
_HEADER_WORDS = re.compile(r"申请人情况|法人或其他组织|勾稽关系|信息内容")


def _values_at(cells: list[str], width: int) -> tuple[list[str], list[str]] | None:
    """(label cells, the last `width` cells) of a row of a part `width` columns wide, or None when
    the row has more numbers than the part's columns or its last cells hold text."""
    if len(cells) < width:
        return None
    head, tail = cells[: len(cells) - width], cells[len(cells) - width:]
    if any(_is_number(c) for c in head) or any(c not in _BLANKS and not _is_number(c) for c in tail):
        return None
    return head, tail


def _is_row(cells: list[str], width: int) -> bool:
    """A row of a part `width` columns wide: it prints a number, or a label (or nothing, in a part
    without labels) over `width` blank cells."""
    if any(_is_number(c) for c in cells):
        return True
    got = _values_at(cells, width)
    return got is not None and not _names(cells) and not any(_HEADER_WORDS.search(c) for c in cells)


def join_column_parts(text: str) -> str:
    """`text` with a table 3 printed in column parts put back side by side (see the module doc);
    `text` itself when it holds no such parts."""
    if text.count("总计") + text.count("合计") == 0 or "自然人" not in text:
        return text
    lines = text.split("\n")
    # header blocks: runs of table lines without numbers that name applicant columns
    parts: list[dict] = []
    i = 0
    while i < len(lines):
        cells = _cells(lines[i])
        if cells is not None and not any(_is_number(c) for c in cells) and _names(cells):
            start, names = i, []
            while i < len(lines) and (c := _cells(lines[i])) is not None and not any(_is_number(x) for x in c):
                names += _names(c)
                i += 1
            parts.append({"start": start, "end": i, "names": sorted(set(names)), "rows": []})
            continue
        if parts and cells is not None and _is_row(cells, len(parts[-1]["names"])):
            parts[-1]["rows"].append(i)
        i += 1
    if len(parts) < 2:
        return text
    width = len(APPLICANT_CODES)
    for k in range(len(parts) - 1):
        group, seen = [parts[k]], set(parts[k]["names"])
        j = k + 1
        while j < len(parts) and len(seen) < width:
            p = parts[j]
            if seen & set(p["names"]) or not p["names"] or min(p["names"]) <= max(seen):
                break
            group.append(p)
            seen |= set(p["names"])
            j += 1
        if len(group) > 1 and seen == set(range(width)):
            joined = _join(lines, group)
            if joined is not None:
                return joined
    return text


def _join(lines: list[str], group: list[dict]) -> str | None:
    n = len(group[0]["rows"])
    if n < 3 or any(len(p["rows"]) != n for p in group):
        return None
    merged_rows: list[str] = []
    for r in range(n):
        label: list[str] | None = None
        values: list[str] = []
        for p in group:
            got = _values_at(_cells(lines[p["rows"][r]]) or [], len(p["names"]))
            if got is None:
                return None
            head, tail = got
            printed = [c for c in head if c]
            if label is None:
                label = head
            elif printed and printed != [c for c in label if c]:
                return None  # a part whose labels are another row's: not this table's columns
            values += tail
        merged_rows.append("\t".join(label + values))
    pad = len(_cells(lines[group[0]["rows"][0]]) or []) - len(group[0]["names"])
    names = [name for name, j in sorted(_NAMES.items(), key=lambda kv: kv[1]) if name in
             ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计")]
    header = "\t".join([""] * max(pad, 0) + names)
    rows0 = dict(zip(group[0]["rows"], merged_rows))
    dropped = {x for p in group[1:] for x in range(p["start"], p["rows"][-1] + 1)}
    out = lines[:group[0]["start"]] + [header]
    for x in range(group[0]["end"], len(lines)):
        if x in rows0:
            out.append(rows0[x])
        elif x not in dropped:
            out.append(lines[x])  # a label-only row of the first part stays in place; 续表 lines and the rest after
    return "\n".join(out)
