"""Text written by document-AI converters, read back to the text shape every reader gives.

Layout models and document converters save a report as text with their own markup around it:

- Unstructured's element list (`Title: …`, `NarrativeText: …`, `Table: …`, `PageBreak:`): each line
  is one element, prefixed with its category;
- docling's DocTags: elements in tags with their page positions (`<title><loc_63>…<loc_173>…</title>`),
  tables as OTSL tokens (`<ched>自然人<lcel><nl><fcel>12<ecel>…`);
- an LLM's transcript with each table as JSON in a fenced block (```json): a list of row objects
  (`{"项目": "一、本年新收…", "自然人": 31, …}`), or objects of rows (`{"规章": {"本年制发件数": null, …}}`),
  nested under group names (`{"第二十条第（一）项": {…}}`, `{"行政诉讼": {"复议后起诉": {…}}}`);
- PaddleOCR PP-Structure's result file: one Python dict per layout region (`{'type': 'title', 'res':
  [{'text': …}, …]}`, a table's `'res': {'html': '<table>…'}`): a region's OCR lines are joined into
  one line (they are one paragraph or title wrapped), a table region gives its HTML, which the
  reader then renders as a table, and page headers, footers and figures are dropped;
- a cell list (Amazon Textract's text output: `Table 1 (page 2): 14 rows x 4 columns`, then
  `row 1 col 2: 第二十条第（一）项` per cell): each run of cell lines becomes its table's rows;
- a markdown row holding several rows of the form (Marker: `| 1.属于国家秘密<br>2.其他… | 1<br>0 | …`):
  when the cells that hold `<br>` all hold the same number of parts and some of them are numbers,
  the row is printed as that many rows (a cell without `<br>` stays in the first);

Read as they are, a `Title:` prefix hides the report's title and OTSL is no table. Each shape is
recognised by its own markup only (three or more category lines; a `<doctag>` root or OTSL
tokens), and then read back: category prefixes go, page numbers and page breaks go, DocTags
elements become lines OTSL and JSON tables become one line per row with tab-separated cells (a merged
cell's text in its top-left slot, covered slots empty), as the HTML reader gives a table. Text of
any other shape is returned unchanged. Every pass is one scan of the text: linear in its length.
"""

from __future__ import annotations

import ast
import json
import re

__all__ = ["read_converter_markup"]

# Unstructured's element categories (unstructured.documents.elements), as its text dump prints them.
_CATEGORIES = ("Title", "NarrativeText", "ListItem", "Text", "UncategorizedText", "Header", "Footer", "Table",
               "FigureCaption", "Image", "Address", "EmailAddress", "Formula", "CompositeElement",
               "PageBreak", "PageNumber", "CodeSnippet", "Footnote", "Caption")
_CATEGORY_LINE = re.compile(rf"^(?:{'|'.join(_CATEGORIES)}): ?", re.M)
_FURNITURE = re.compile(r"^(?:PageBreak|PageNumber):[^\n]*\n?", re.M)

_OTSL_TOKEN = re.compile(r"<(fcel|ecel|ched|rhed|srow|lcel|ucel|xcel|nl)>")
_LOC = re.compile(r"<loc_\d{1,6}>")
_TAG = re.compile(r"</?[a-z][a-z0-9_]{0,40}>")


def read_converter_markup(text: str) -> str:
    """`text` with Unstructured category lines, DocTags or JSON tables read back (see the module note)."""
    if "<otsl>" in text or "<doctag>" in text:
        text = _doctags(text)
    if "```" in text:
        text = _json_blocks(text)
    if text.count("{'type': '") >= 3:
        text = _structure_records(text)
    if "row " not in text:
        pass  # (no cell list: the two scans below cost more than this test)
    elif len(_CELL_LINE.findall(text, 0, 200_000)) >= 4:
        text = _cell_lists(text)
    elif len(_CELL_MARK.findall(text, 0, 200_000)) >= 4:
        # cell lines run together (a crawler's one-line copy of the dump): the markers carry no cell
        text = _CAPTION_MARK.sub(" ", _CELL_MARK.sub(" ", text))
    if "<br" in text and "|" in text:
        text = _BR_ROW.sub(_split_br_row, text)
    if ":" in text and len(_CATEGORY_LINE.findall(text, 0, 200_000)) >= 3:
        text = _CATEGORY_LINE.sub("", _FURNITURE.sub("", text))
    return text


def _elements(text: str, tag: str, render) -> str:
    """Each `<tag>…</tag>` replaced by `render(inner)`; a scan with str.find, so linear whatever the
    text (an element never closed is left as it is)."""
    out, pos, open_, close = [], 0, f"<{tag}>", f"</{tag}>"
    while (a := text.find(open_, pos)) >= 0 and (b := text.find(close, a)) >= 0:
        out += [text[pos:a], render(text[a + len(open_):b])]
        pos = b + len(close)
    return "".join(out) + text[pos:]


def _doctags(text: str) -> str:
    text = _LOC.sub("", text)
    for furniture in ("page_header", "page_footer"):
        text = _elements(text, furniture, lambda inner: "\n")
    text = _elements(text, "otsl", lambda inner: "\n" + _otsl_rows(inner) + "\n")
    text = text.replace("<page_break>", "\n")
    # every element on its own line; an element's closing tag ends it
    text = _TAG.sub(lambda m: "\n" if m.group(0).startswith("</") or m.group(0) == "<doctag>" else "", text)
    return re.sub(r"\n{2,}", "\n", text).strip("\n") + "\n"


def _otsl_rows(body: str) -> str:
    """OTSL tokens → one line per table row, cells tab-separated (merged slots empty)."""
    rows: list[list[str]] = [[]]
    pos = 0
    pending: str | None = None  # the token whose text runs up to the next token
    for m in _OTSL_TOKEN.finditer(body):
        if pending is not None:
            rows[-1].append(body[pos:m.start()].strip() if pending in ("fcel", "ched", "rhed", "srow") else "")
        kind = m.group(1)
        if kind == "nl":
            rows.append([])
            pending = None
        else:
            pending = kind
        pos = m.end()
    if pending is not None:
        rows[-1].append(body[pos:].strip() if pending in ("fcel", "ched", "rhed", "srow") else "")
    return "\n".join("\t".join(r) for r in rows if r)


_JSON_FENCE = re.compile(r"```[^\S\n]*(?:json|JSON)?[^\S\n]*\n")
_JSON_MAX = 1_000_000  # characters of one block; a bigger one is left as text


def _json_blocks(text: str) -> str:
    """Fenced JSON blocks holding tables → table lines; any other fenced block is left as it is."""
    out: list[str] = []
    pos = 0
    while (m := _JSON_FENCE.search(text, pos)) is not None:
        end = text.find("```", m.end())
        if end < 0:
            break
        body = text[m.end():end]
        lines = _json_table(body) if body.lstrip()[:1] in ("{", "[") and len(body) <= _JSON_MAX else None
        out.append(text[pos:m.start()])
        out.append(text[m.start():end + 3] if lines is None else "\n".join(lines) + "\n")
        pos = end + 3
    out.append(text[pos:])
    return "".join(out)


def _json_table(body: str) -> list[str] | None:
    try:
        data = json.loads(body)
    except ValueError:
        data = _loose_json(body)
        if data is None:
            return None
    lines: list[str] = []
    _rows(data, None, lines, [None])
    return lines or None


def _scalar(v) -> bool:
    return v is None or isinstance(v, (int, float, str, bool))


def _cell(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).replace("\t", " ").replace("\n", " ")


def _rows(data, label: str | None, lines: list[str], header: list) -> None:
    """Append the table lines of `data`: a header line whenever the columns change, then the rows."""
    if isinstance(data, list):
        if data and all(isinstance(r, dict) and all(_scalar(v) for v in r.values()) for r in data):
            keys: list[str] = []
            for r in data:
                keys += [k for k in r if k not in keys]
            lines.append("\t".join(_cell(k) for k in keys))
            header[0] = None
            lines += ["\t".join(_cell(r.get(k)) for k in keys) for r in data]
        else:
            for item in data:
                _rows(item, None, lines, header)
        return
    if not isinstance(data, dict):
        return
    if all(_scalar(v) for v in data.values()):
        keys = list(data)
        if header[0] != keys:
            lines.append("\t" + "\t".join(_cell(k) for k in keys))
            header[0] = keys
        lines.append(_cell(label) + "\t" + "\t".join(_cell(v) for v in data.values()))
        return
    if label is not None and any(isinstance(v, dict) and all(_scalar(x) for x in v.values()) for v in data.values()):
        lines.append(_cell(label))  # a group of rows under its name (第二十条第（一）项, 行政诉讼)
        header[0] = None
    for k, v in data.items():
        if _scalar(v):
            lines.append(f"{_cell(k)}\t{_cell(v)}")
        else:
            _rows(v, k, lines, header)


_RECORD_LINE = re.compile(r"^\{'type': '[a-z_]+'.*\}[ \t]*$", re.M)
_RECORD_MAX = 2_000_000
_DROPPED_REGIONS = frozenset({"header", "footer", "figure", "figure_caption", "page_number", "equation"})


def _structure_records(text: str) -> str:
    def region(m: re.Match[str]) -> str:
        line = m.group(0)
        if len(line) > _RECORD_MAX:
            return line
        try:
            rec = ast.literal_eval(line.strip())
        except (ValueError, SyntaxError, MemoryError, RecursionError):
            return line
        if not isinstance(rec, dict):
            return line
        kind, res = rec.get("type"), rec.get("res")
        if kind in _DROPPED_REGIONS:
            return ""
        if isinstance(res, dict) and isinstance(res.get("html"), str):
            html = res["html"]
            a, b = html.find("<table"), html.rfind("</table>")
            return html[a:b + len("</table>")] if 0 <= a < b else html
        if isinstance(res, list):
            return "".join(r["text"] for r in res if isinstance(r, dict) and isinstance(r.get("text"), str))
        return line
    return _RECORD_LINE.sub(region, text)


_CELL_LINE = re.compile(r"^row (\d{1,4}) col (\d{1,3}): ?([^\n]*)$", re.M)
_CELL_MARK = re.compile(r"(?<![A-Za-z])row \d{1,4} col \d{1,3}: ?")
_CAPTION_MARK = re.compile(r"(?<![A-Za-z])Table \d{1,4}(?: \(page \d{1,4}\))?: \d{1,4} rows x \d{1,3} columns")
_TABLE_CAPTION = re.compile(r"^Table \d+(?: \(page \d+\))?: \d+ rows x \d+ columns[ \t]*$")


def _cell_lists(text: str) -> str:
    """Runs of `row r col c: text` lines → one tab-separated line per grid row. A table ends at a
    caption line, at a slot given twice (the next table's `row 1 col 1`) or at the text's end; other
    lines among its cells (a page footer) follow its rows. A grid too sparse to lay out
    (`row 9000 col 900:` alone) keeps its cells one per line, without their markers, which are no
    cell's text (their digits must never be read as numbers)."""
    out: list[str] = []
    grid: dict[tuple[int, int], str] = {}
    between: list[str] = []  # lines printed among a table's cells

    def flush() -> None:
        if grid:
            rows = max(r for r, _ in grid)
            cols = max(c for _, c in grid)
            if rows * cols > 4 * len(grid) + 64:
                out.extend(v for _, v in sorted(grid.items()))
            else:
                out.extend("\t".join(grid.get((r, c), "").strip() for c in range(1, cols + 1))
                           for r in range(1, rows + 1))
            grid.clear()
        out.extend(between)
        between.clear()

    for line in text.split("\n"):
        m = _CELL_LINE.match(line)
        if m:
            slot = (int(m.group(1)), int(m.group(2)))
            if slot in grid:
                flush()
            grid[slot] = m.group(3).replace("\t", " ")
        elif _TABLE_CAPTION.match(line):
            flush()
        elif grid:
            between.append(line)
        else:
            out.append(line)
    flush()
    return "\n".join(out)


_BR_ROW = re.compile(r"^[ \t]*\|[^\n]*<br\s*/?>[^\n]*$", re.M | re.I)
_BR = re.compile(r"<br\s*/?>", re.I)
_NUMBERISH = re.compile(r"^\s*(?:[-+]?\d[\d,.]*|/|-|—|无)?\s*$")


def _split_br_row(m: re.Match[str]) -> str:
    line = m.group(0)
    st = line.strip()
    cells = st[1:-1].split("|") if st.endswith("|") else st[1:].split("|")
    parts = [_BR.split(c) for c in cells]
    stacked = [p for p in parts if len(p) > 1]
    ks = {len(p) for p in stacked}
    if len(stacked) < 2 or len(ks) != 1 or not any(all(_NUMBERISH.match(x) for x in p) for p in stacked):
        return line
    k = ks.pop()
    rows = []
    for i in range(k):
        row = [p[i] if len(p) == k else (p[0] if i == 0 else "") for p in parts]
        rows.append("|" + "|".join(c if c.startswith(" ") or not c else " " + c for c in row) + "|")
    return "\n".join(rows)


_KEY_OPEN = re.compile(r'^"((?:[^"\\]|\\.){1,200})"\s*:\s*([\[{])$')
_KEY_VALUE = re.compile(r'^"((?:[^"\\]|\\.){1,200})"\s*:\s*(null|true|false|-?\d+(?:\.\d+)?|"(?:[^"\\]|\\.){0,500}")$')
_LOOSE_SCALAR = re.compile(r'^(null|-?\d+(?:\.\d+)?|"(?:[^"\\]|\\.){0,500}")$')


def _loose_json(body: str):
    """JSON printed one member per line (as LLMs and pretty-printers write it) with lines of other
    text among them (a page footer `- 3 -` a PDF put inside the block): the lines that are JSON are
    read and the others skipped. A member whose line is broken is lost, never guessed; None unless
    the brackets balance and some member was read."""
    root: list = []
    stack: list = [root]
    members = 0
    for raw in body.split("\n"):
        line = raw.strip().rstrip(",").strip()
        if not line:
            continue
        top = stack[-1]
        if line in ("{", "["):
            new = {} if line == "{" else []
            if not isinstance(top, list):
                return None
            top.append(new)
            stack.append(new)
        elif line in ("}", "]", "},", "],"):
            if len(stack) == 1:
                return None
            stack.pop()
        elif (m := _KEY_OPEN.match(line)) and isinstance(top, dict):
            new = {} if m.group(2) == "{" else []
            top[json.loads(f'"{m.group(1)}"')] = new
            stack.append(new)
        elif (m := _KEY_VALUE.match(line)) and isinstance(top, dict):
            top[json.loads(f'"{m.group(1)}"')] = json.loads(m.group(2))
            members += 1
        elif (m := _LOOSE_SCALAR.match(line)) and isinstance(top, list):
            top.append(json.loads(m.group(1)))
            members += 1
    if len(stack) != 1 or not members or len(root) != 1:
        return None
    return root[0]
