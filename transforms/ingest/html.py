"""HTML reader: lxml (libxml2) parses, a small state machine renders text with tables as TSV rows.

The libxml2 tree is walked as start/end events (`etree.iterwalk`, in C) and fed to the same
renderer the stdlib-HTMLParser version used, so the text shape is unchanged while parsing is
compiled. Nothing is ever fetched (`no_network`); links become their text.
"""

from __future__ import annotations

import html as html_lib
import json as json_lib
import re
import unicodedata

from lxml import etree

from transforms.memo import remember

_SKIP_TAGS = {
    "script", "style", "nav", "header", "footer", "iframe", "noscript", "template", "title",
    "xml", "svg", "math", "object", "applet", "select", "button", "aside", "frameset",
    "noframes", "datalist",
    "del", "s", "strike",  # struck-through text is what the page corrects, not what it says
}
_VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
              "param", "source", "track", "wbr", "keygen", "basefont", "frame"}
_BLOCK_TAGS = {
    "address", "article", "blockquote", "body", "center", "dd", "details", "dialog", "dir", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
    "html", "legend", "li", "main", "menu", "ol", "p", "section", "summary", "ul", "option",
}
_TABLE_PARTS = {"table", "tr", "td", "th", "thead", "tbody", "tfoot", "caption", "colgroup", "col"}
# Block tags the renderer does nothing with but break the line (article/main count content depth;
# table, tr, td, th, caption, form and pre have their own handling).
_PLAIN_BLOCK_TAGS = frozenset((_BLOCK_TAGS | {"br"}) - {"article", "main", "table", "tr", "td", "th", "caption",
                                                        "form", "pre"})
# Elements never removed for their class/id (removing them would drop the report itself).
_NEVER_CLASS_SKIPPED = {"html", "body", "main", "article", "form"} | _TABLE_PARTS
_NAV_TOKEN_RE = re.compile(
    r"(?:^|[-_])(?:nav|navbar|navigation|menu|menubar|breadcrumbs?|crumbs?|bread|share|sharebar|"
    r"bdshare\w*|social|toolbar|skip|skiplinks?|pagination|pager|dqwz|position|location)(?:$|[-_\d])"
)
# Declarations that hide an element or strike it through (read declaration by declaration: linear
# on any style text): display:none, visibility:hidden, mso-hide:all, a line-through, and a
# screen-reader copy (clipped to nothing, or a 0–1px box that hides its overflow).
_HIDING_VALUES = {"display": ("none",), "visibility": ("hidden",), "mso-hide": ("all",),
                  "clip": ("rect(0",), "clip-path": ("inset(50%",)}
_TINY = ("0", "0px", "1px")


def _hides(declarations: str) -> bool:
    box: dict[str, str] = {}
    for decl in declarations.lower().split(";"):
        name, sep, value = decl.partition(":")
        if not sep:
            continue
        name, value = name.strip(), value.replace(" ", "").replace("!important", "")
        if name in _HIDING_VALUES and value.startswith(_HIDING_VALUES[name]):
            return True
        if name in ("text-decoration", "text-decoration-line") and "line-through" in value:
            return True
        if name in ("width", "height", "overflow"):
            box[name] = value
    return box.get("width") in _TINY and box.get("height") in _TINY and box.get("overflow") == "hidden"


# Classes every CSS framework uses for text only a screen reader gets (the page shows another copy).
_SCREEN_READER_CLASSES = frozenset({"sr-only", "sr_only", "visually-hidden", "visuallyhidden", "screen-reader-text",
                                    "element-invisible", "hidden-accessible", "a11y-hidden", "hide-text"})
# A footnote mark in <sup> (12<sup>1</sup>, 5<sup>[2]</sup>, 3<sup>*</sup>): no part of the number it follows.
_FOOTNOTE_SUP_RE = re.compile(r"[\[(（]?(?:\d{1,2}|[*＊†‡※#a-z]|注\d?)[\])）]?")  # (matched on the text, spaces removed)
# <input> types whose value the page shows as text in the box.
_SHOWN_INPUT_TYPES = frozenset({"", "text", "number", "tel", "search"})
# A <form> wrapping the whole page (ASP.NET WebForms, common on government sites) is content;
# a search box or login form is not. Decided when the form closes, by how much text it holds.
_FORM_KEEP_CHARS = 200
# U+200B is not HTML whitespace: it renders as nothing (`3\u200b75` is 375), and normalise drops it
_WS_RUN_RE = re.compile(r"[ \t\n\r\f\v]+")
_MS_MARKED_RE = re.compile(r"<!\[(?:if[^\]]*|endif|else)\]>", re.IGNORECASE)


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


def _collapse(s: str) -> str:
    """HTML whitespace collapsing; a run containing a line break between two wide (CJK)
    characters is removed, as CSS does, because source line wrapping inside Chinese text is not
    a word space."""
    s = s.replace("\xa0", " ")
    if "\n" not in s and "\r" not in s:
        return _WS_RUN_RE.sub(" ", s).strip()  # (no run holds a line break: each is one space)

    def repl(m: re.Match[str]) -> str:
        run = m.group(0)
        if ("\n" in run or "\r" in run) and 0 < m.start() and m.end() < len(s):
            if _wide(s[m.start() - 1]) and _wide(s[m.end()]):
                return ""
        return " "

    return _WS_RUN_RE.sub(repl, s).strip()


class _Box:
    """A text container (document, form, table cell, caption): finished lines + inline buffer."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.lines: list[str] = []
        self.buf: list[str] = []
        self.has_table = False

    def flush(self) -> None:
        if self.buf:
            text = _collapse("".join(self.buf))
            self.buf.clear()
            if text:
                self.lines.append(text)

    def add_lines(self, lines: list[str]) -> None:
        self.flush()
        self.lines.extend(lines)

    def text_len(self) -> int:
        return sum(len(x) for x in self.lines) + sum(len(x) for x in self.buf)


class _Cell:
    def __init__(self, rowspan: int, colspan: int) -> None:
        self.box = _Box("cell")
        self.rowspan = rowspan
        self.colspan = colspan


# A table's grid (rows x columns after spans) above this many slots is rendered without spans:
# only a hostile or broken table gets there, and its cells' text is kept either way.
MAX_GRID_SLOTS = 400_000


class _Table:
    def __init__(self) -> None:
        self.rows: list[list[_Cell]] = []
        self.row_open = False
        self.foster = _Box("foster")  # text inside <table> but outside cells (browsers hoist it)
        self.caption = _Box("caption")

    def new_row(self) -> list[_Cell]:
        self.rows.append([])
        self.row_open = True
        return self.rows[-1]

    def render(self) -> list[str]:
        """Lines for this table: foster text, caption, then rows.

        A data table becomes one line per row with tab-separated cells on a full grid: a
        colspan/rowspan cell's text sits in its top-left slot and the other covered slots are
        empty, so every value appears exactly once (no double counting) and positions line up
        with the header rows. Columns come from each cell's grid index (empty cells keep their
        slot). A layout table (holding a nested table, or single-column) is rendered as its
        cells' lines in order, so a page wrapped in a table keeps its paragraphs and its inner
        data tables intact.

        Spans are capped by the table's real width (the most cells any row has), rowspans by the
        rows left, and a grid still over MAX_GRID_SLOTS is laid out without spans: memory and
        time stay linear in the number of cells whatever the attributes say.
        """
        for row in self.rows:
            for cell in row:
                cell.box.flush()
        self.foster.flush()
        self.caption.flush()
        out = list(self.foster.lines) + list(self.caption.lines)
        rows = [r for r in self.rows if r]
        layout = any(c.box.has_table for r in rows for c in r) or all(
            len(r) <= 1 and r[0].colspan <= 1 for r in rows
        )
        if layout:
            for r in rows:
                for c in r:
                    out.extend(c.box.lines)
            return out
        texts = [[" ".join(c.box.lines).replace("\t", " ") for c in r] for r in rows]
        real_width = max(len(r) for r in rows)
        lines = self._grid(rows, texts, real_width, spans=True)
        if lines is None:
            lines = self._grid(rows, texts, real_width, spans=False)
        out.extend(line for line in lines if line.strip("\t "))
        return out

    @staticmethod
    def _grid(rows: list[list[_Cell]], texts: list[list[str]], cap: int, spans: bool) -> list[str] | None:
        n = len(rows)
        busy_until: list[int] = []  # per column: first row index no longer covered by a rowspan
        placed: list[list[tuple[int, str]]] = []
        extents: list[list[tuple[int, int]]] = []  # per row: (first, end) columns of each cell
        above: list[frozenset[int]] = []  # per row: the columns a rowspan from above covers
        width = 0
        for ri, row in enumerate(rows):
            ci = 0
            here: list[tuple[int, str]] = []
            spans_here: list[tuple[int, int]] = []
            above.append(frozenset(c for c, until in enumerate(busy_until) if until > ri))
            for cell, text in zip(row, texts[ri]):
                while ci < len(busy_until) and busy_until[ci] > ri:
                    ci += 1
                colspan = min(cell.colspan, cap) if spans else 1
                rowspan = min(cell.rowspan, n - ri) if spans else 1
                here.append((ci, text))
                spans_here.append((ci, ci + colspan))
                end = ci + colspan
                if end > len(busy_until):
                    busy_until.extend([0] * (end - len(busy_until)))
                for c in range(ci, end):
                    busy_until[c] = ri + rowspan
                ci = end
                width = max(width, ci)
                if n * width > MAX_GRID_SLOTS and spans:
                    return None
            placed.append(here)
            extents.append(spans_here)
        keep = _slivers(extents, above, width) if spans else None
        if keep is not None:
            new_index, width = _folded(keep)
            placed = [[(new_index[next(c for c in range(ci, e) if keep[c])], text) for (ci, text), (_s, e) in zip(here, ext)]
                      for here, ext in zip(placed, extents)]
        lines = []
        for here in placed:
            slots = [""] * width
            for ci, text in here:
                slots[ci] = f"{slots[ci]} {text}".strip() if slots[ci] and text else (slots[ci] or text)
            lines.append("\t".join(slots))
        return lines


def _slivers(extents: list[list[tuple[int, int]]], above: list[frozenset[int]], width: int) -> list[bool] | None:
    """Which grid columns to keep, or None to keep all. A column in which no cell of its own starts
    (in every row it is covered by a span from the left or from above, or a cell spanning it and the
    next columns starts there) is where two rows' column borders almost line up (Word's and
    LibreOffice's HTML make them): it holds no value of its own, and it would put a row's numbers
    one column off the header words above them. Such a column is folded into the next one, unless a
    cell would then have no column left. A table of one or two rows (a header printed apart from its
    data) keeps its grid: its spans are all there is to say where the columns are."""
    if len(extents) < 3:
        return None
    keep = [True] * width
    for c in range(width):
        sliver = True
        for ext, up in zip(extents, above):
            if c in up or any(s < c < e or (s == c and e - s >= 2) for s, e in ext):
                continue
            sliver = False
            break
        if sliver:
            keep[c] = False
    # a run of such columns that holds a cell of its own (复议's 总计 spanning two of them) is one
    # column: its first stays
    c = 0
    while c < width:
        if keep[c]:
            c += 1
            continue
        end = c
        while end < width and not keep[end]:
            end += 1
        if any(c <= s and e <= end for ext in extents for s, e in ext):
            keep[c] = True
        c = end
    if all(keep):
        return None
    for ext in extents:
        for s, e in ext:
            if not any(keep[c] for c in range(s, min(e, width))):
                return None  # a cell inside slivers only: keep the grid as it is
    return keep


def _folded(keep: list[bool]) -> tuple[list[int], int]:
    new_index, n = [], 0
    for k in keep:
        new_index.append(n)
        n += k
    return new_index, n


def _span(value: str | None, limit: int) -> int:
    if value is None:
        return 1
    try:
        n = int(str(value).strip())
    except (TypeError, ValueError):
        return 1
    # 0 ("to the end of the section") and nonsense values degrade to 1; the cap follows the HTML
    # spec (colspan <= 1000, rowspan <= 65534); the table's real width caps colspan further.
    return n if 1 <= n <= limit else (limit if n > limit else 1)


# Word and CMS pages repeat the same few style and class/id strings on every element: each is
# judged once (bounded memos, cleared when full).
_MEMO_SIZE = 4096
_STYLE_MEMO: dict[str, bool] = {}
_NAV_MEMO: dict[str, bool] = {}


def _hidden_style(style: str) -> bool:
    got = _STYLE_MEMO.get(style)
    if got is None:
        got = remember(_STYLE_MEMO, _MEMO_SIZE, style, _hides(style))
    return got


def _nav_named(names: str) -> bool:
    """Whether a class/id string (`class id`) has a navigation or breadcrumb token."""
    got = _NAV_MEMO.get(names)
    if got is None:
        got = remember(_NAV_MEMO, _MEMO_SIZE, names,
                       any(_NAV_TOKEN_RE.search(t) or "breadcrumb" in t for t in names.lower().split()))
    return got


class _Renderer:
    """The rendering state machine, fed start/end/data events in document order."""

    def __init__(self) -> None:
        self.doc = _Box("doc")
        self.stack: list[_Box | _Table | _Cell] = [self.doc]
        self.content_depth = 0  # inside <article>/<main>: header/footer there are content
        self.pre_depth = 0
        self.pre_buf = ""
        self.in_caption = False

    # ---- container helpers ----
    def _current(self) -> _Box:
        top = self.stack[-1]
        if isinstance(top, _Cell):
            return top.box
        if isinstance(top, _Table):
            return top.caption if self.in_caption else top.foster
        return top

    def _innermost_table(self) -> int | None:
        for i in range(len(self.stack) - 1, -1, -1):
            if isinstance(self.stack[i], _Table):
                return i
        return None

    def _pop(self) -> None:
        """Close the top frame and hand its content to the frame below."""
        frame = self.stack.pop()
        if isinstance(frame, _Cell):
            return  # a cell stays attached to its row; nothing to hand over
        below = self._current()
        if isinstance(frame, _Table):
            below.add_lines(frame.render())
            below.has_table = True
        elif isinstance(frame, _Box) and frame.kind == "form":
            frame.flush()
            if frame.has_table or frame.text_len() >= _FORM_KEEP_CHARS:
                below.add_lines(frame.lines)
                below.has_table = below.has_table or frame.has_table

    def _pop_to_table(self) -> _Table | None:
        top = self.stack[-1]
        if isinstance(top, _Table):  # fast path: already at the table level
            self.in_caption = False
            return top
        idx = self._innermost_table()
        if idx is None:
            return None
        while len(self.stack) - 1 > idx:
            self._pop()
        self.in_caption = False
        table = self.stack[-1]
        assert isinstance(table, _Table)
        return table

    def _flush_pre(self) -> None:
        if self.pre_buf:
            self._current().add_lines([self.pre_buf.replace("\xa0", " ").rstrip()])
            self.pre_buf = ""

    def _block_break(self) -> None:
        self._flush_pre()
        self._current().flush()

    def should_skip(self, tag: str, attrs) -> bool:
        if tag in ("header", "footer") and self.content_depth > 0:
            return False
        if tag in _SKIP_TAGS:
            return True
        if "hidden" in attrs or _hidden_style(attrs.get("style") or ""):
            return True
        if tag in _NEVER_CLASS_SKIPPED:
            return False
        classes = (attrs.get("class") or "").lower().split()
        if classes and not _SCREEN_READER_CLASSES.isdisjoint(classes):
            return True
        if (attrs.get("role") or "").lower() == "navigation":
            return True
        return _nav_named(f"{attrs.get('class') or ''} {attrs.get('id') or ''}")

    def start(self, tag: str, attrs) -> None:
        if tag in _PLAIN_BLOCK_TAGS:  # (the branches below, for a block tag that is none of the others)
            self._block_break()
            return
        if tag in ("article", "main"):
            self.content_depth += 1
        if tag == "table":
            self._block_break()
            self.stack.append(_Table())
        elif tag == "tr":
            table = self._pop_to_table()
            if table is None:
                self._block_break()
            else:
                table.new_row()
        elif tag in ("td", "th"):
            table = self._pop_to_table()
            if table is None:
                self._block_break()
                return
            row = table.rows[-1] if table.row_open and table.rows else table.new_row()
            cell = _Cell(_span(attrs.get("rowspan"), 65534), _span(attrs.get("colspan"), 1000))
            row.append(cell)
            self.stack.append(cell)
        elif tag == "caption":
            if self._pop_to_table() is not None:
                self.in_caption = True
        elif tag == "form":
            self._block_break()
            self.stack.append(_Box("form"))
        elif tag == "pre":
            self._block_break()
            self.pre_depth += 1
        elif tag in _BLOCK_TAGS or tag == "br":
            self._block_break()

    def end(self, tag: str) -> None:
        if tag in _PLAIN_BLOCK_TAGS:
            self._block_break()
            return
        if tag in ("article", "main"):
            self.content_depth = max(0, self.content_depth - 1)
        if tag == "table":
            if self._pop_to_table() is not None:
                self._block_break()
                self._pop()
        elif tag in ("td", "th"):
            if isinstance(self.stack[-1], _Cell):  # the common, well-formed case
                self.stack.pop()
                return
            idx = self._innermost_table()
            if idx is not None and any(isinstance(f, _Cell) for f in self.stack[idx:]):
                self._pop_to_table()
        elif tag == "tr":
            table = self._pop_to_table()
            if table is not None:
                table.row_open = False
        elif tag == "caption":
            self.in_caption = False
        elif tag == "form":
            idx = max((i for i, f in enumerate(self.stack)
                       if isinstance(f, _Box) and f.kind == "form"), default=None)
            if idx is not None:
                self._block_break()
                while len(self.stack) > idx:
                    self._pop()
        elif tag == "pre":
            self._flush_pre()
            self.pre_depth = max(0, self.pre_depth - 1)
        elif tag in _BLOCK_TAGS or tag == "br":
            self._block_break()

    def data(self, data: str) -> None:
        if self.pre_depth:
            if not self.pre_buf and data.startswith("\n"):
                data = data[1:]  # HTML ignores the newline right after <pre>
            self.pre_buf += data
            while "\n" in self.pre_buf:
                line, self.pre_buf = self.pre_buf.split("\n", 1)
                self._current().add_lines([line.replace("\xa0", " ").rstrip()])
            return
        self._current().buf.append(data)

    def finish(self) -> str:
        self._flush_pre()
        while len(self.stack) > 1:  # unclosed tables/forms (cannot happen with a tree; kept safe)
            top = self.stack[-1]
            if isinstance(top, _Cell):
                self.stack.pop()
            else:
                self._pop()
        self.doc.flush()
        return _join_lines(self.doc.lines)


def _join_lines(lines: list[str]) -> str:
    out: list[str] = []
    for line in lines:
        if not line.strip() and (not out or not out[-1].strip()):
            continue  # at most one blank line in a row, none at the start
        out.append(line)
    while out and not out[-1].strip():
        out.pop()
    return "\n".join(out) + ("\n" if out else "")


_FALLBACK_BLOCK_RE = re.compile(r"<\s*/?\s*(?:p|div|br|tr|li|h[1-6]|table)\b[^>]*>", re.I)


def _strip_tags(text: str) -> str:
    """Drop every `<…>` tag; an unclosed '<' and what follows stay. One pass, linear in the text."""
    out, pos = [], 0
    while True:
        lt = text.find("<", pos)
        gt = text.find(">", lt) if lt >= 0 else -1
        if lt < 0 or gt < 0:
            out.append(text[pos:])
            return "".join(out)
        out.append(text[pos:lt])
        pos = gt + 1


def _unwrap_cdata(text: str) -> str:
    """`<![CDATA[x]]>` → x, escaped so the parser keeps it as text. One pass, linear in the text."""
    out, pos = [], 0
    while True:
        start = text.find("<![CDATA[", pos)
        end = text.find("]]>", start + 9) if start >= 0 else -1
        if start < 0 or end < 0:
            out.append(text[pos:])
            return "".join(out)
        out += [text[pos:start], html_lib.escape(text[start + 9 : end], quote=False)]
        pos = end + 3


def _parser() -> etree.HTMLParser:
    return etree.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=True, no_network=True,
                            recover=True, encoding="utf-8", default_doctype=False)


# The tags whose start or end the renderer acts on (Renderer.start/end do nothing for any other).
_EVENT_TAGS = frozenset({"article", "main", "table", "tr", "td", "th", "caption", "form", "pre", "br"}) | _BLOCK_TAGS
# Whether an element is skipped, by its tag and attributes as lxml gives them: Word and CMS pages
# repeat the same few tag and attribute sets on every element, so each is judged once (bounded
# memo, cleared when full). A header/footer inside article/main is decided before (never skipped).
_SKIP_MEMO: dict[tuple, bool] = {}
_SKIP_MEMO_SIZE = 8192
_SKIP_JUDGE = _Renderer()  # should_skip of a renderer outside article/main (content_depth 0)


def _skipped(tag: str, attrs) -> bool:
    key = (tag, tuple(attrs.items())) if attrs else (tag, ())
    got = _SKIP_MEMO.get(key)
    if got is None:
        got = remember(_SKIP_MEMO, _SKIP_MEMO_SIZE, key,
                       _SKIP_JUDGE.should_skip(tag, {k.lower(): v for k, v in attrs.items()} if attrs else {}))
    return got


_CSS_SIMPLE_RE = re.compile(r"[a-z0-9]*(?:\.([\w-]+)|#([\w-]+))", re.I)


def _css_rules(css: str):
    """(selectors, declarations) of a style sheet's rules, one pass over its braces; rules inside a
    print-only @media block are left out (what is hidden on paper is shown on screen)."""
    depth, start, selector, print_depth = 0, 0, "", None
    for i, ch in enumerate(css):
        if ch == "{":
            head = css[start:i].strip()
            if head.startswith("@"):
                if print_depth is None and head.startswith("@media") and "print" in head.lower():
                    print_depth = depth
                selector = ""
            else:
                selector = head
            depth += 1
            start = i + 1
        elif ch == "}":
            depth = max(0, depth - 1)
            if selector and print_depth is None:
                yield selector, css[start:i]
            if print_depth is not None and depth <= print_depth:
                print_depth = None
            selector, start = "", i + 1


def _css_hidden(root) -> tuple[frozenset[str], frozenset[str]]:
    """The classes and ids the page's own <style> rules hide (`.hide{display:none}`, a screen-reader
    class clipped to nothing); only simple selectors (`.c`, `tag.c`, `#id`), print-only rules ignored."""
    classes: set[str] = set()
    ids: set[str] = set()
    for style in root.iter("style"):
        for selectors, declarations in _css_rules(style.text or ""):
            if not _hides(declarations):
                continue
            for sel in selectors.split(","):
                simple = _CSS_SIMPLE_RE.fullmatch(sel.strip())
                if simple and simple.group(1):
                    classes.add(simple.group(1).lower())
                elif simple:
                    ids.add(simple.group(2))
    return frozenset(classes), frozenset(ids)


def _render(root, css: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())) -> str:
    r = _Renderer()
    hidden_classes, hidden_ids = css
    walker = etree.iterwalk(root, events=("start", "end"))
    skipped: set[int] = set()  # ids of elements whose subtree is skipped (their tail still counts)
    void, events, memo = _VOID_TAGS, _EVENT_TAGS, _SKIP_MEMO

    def data(text: str) -> None:  # Renderer.data, its common case inline
        if r.pre_depth:
            r.data(text)
        else:
            r._current().buf.append(text)

    for event, el in walker:
        tag = el.tag
        if not isinstance(tag, str):  # comment/PI/entity nodes that survived: text only via tail
            if event == "end" and el.tail:
                data(el.tail)
            continue
        tag = tag.lower()
        if event == "start":
            if tag not in void:
                if tag in ("header", "footer") and r.content_depth > 0:
                    pass  # content inside article/main: never skipped
                else:
                    items = el.items()  # (the attribute pairs without the attrib proxy: _skipped's memo key)
                    hit = memo.get((tag, tuple(items)) if items else (tag, ()))
                    if (hit if hit is not None else _skipped(tag, el.attrib)) or (
                            (hidden_classes or hidden_ids) and _css_hides(el.attrib, hidden_classes, hidden_ids)) or (
                            tag == "sup" and _FOOTNOTE_SUP_RE.fullmatch(_WS_RUN_RE.sub("", "".join(el.itertext())))):
                        walker.skip_subtree()
                        skipped.add(id(el))
                        continue
            elif tag == "input":
                value = el.get("value")
                if value and (el.get("type") or "").lower() in _SHOWN_INPUT_TYPES and not _skipped(tag, el.attrib):
                    data(f" {value} ")  # a read-only form shows its figures in the boxes
            if tag in events:
                r.start(tag, el.attrib)
            text = el.text
            if text:
                data(text)
        else:
            if id(el) in skipped:
                skipped.discard(id(el))
            elif tag in events and tag not in void:
                r.end(tag)
            tail = el.tail
            if tail:
                data(tail)
    return r.finish()


def _css_hides(attrs, classes: frozenset[str], ids: frozenset[str]) -> bool:
    if ids and attrs.get("id") in ids:
        return True
    cls = attrs.get("class")
    return bool(cls) and not classes.isdisjoint(cls.lower().split())


# A read-only editor's source box: a <textarea> holding the report's markup, escaped (`&lt;table…`). The page shows
# it as markup; its reader sees the tables. It is rendered as the HTML it holds (read as text, its attribute
# numbers, colspan="3", would be cells).
_TEXTAREA_MARKUP_RE = re.compile(r"<textarea\b[^<>]{0,2000}>((?:(?!</textarea).){0,4000000}?)</textarea\s*>", re.I | re.S)
_MARKUP_INSIDE_RE = re.compile(r"(?:&lt;|<)(?:table|tr|td|p|div|h[1-6])\b", re.I)
# Where a page keeps its report when the page itself shows none (single-page apps, embeds): an <iframe
# srcdoc>, a <template> a script clones, a <noscript> copy, or a JSON string in a <script>
# (window.__INITIAL_STATE__ = {..."content":"\u003cp\u003e…"}).
_HIDDEN_HOLDERS_RE = re.compile(r"<(/?)(?:noscript|template)\b", re.I)
_JS_STRING_RE = re.compile(r'"((?:[^"\\\n]|\\.){8,})"')
_EMBED_DEPTH = 2


def _textareas_as_markup(html: str) -> str:
    def repl(m: re.Match) -> str:
        inner = m.group(1)
        return f"<div>{html_lib.unescape(inner)}</div>" if _MARKUP_INSIDE_RE.search(inner) else m.group(0)

    return _TEXTAREA_MARKUP_RE.sub(repl, html)


def _embedded_report(root, cleaned: str, depth: int) -> str | None:
    """The report a page holds but does not show (see _HIDDEN_HOLDERS_RE): the first holder whose text has
    the report's markers, rendered; a script's short strings with the markers (its title) lead it."""
    from transforms.ingest.markers import is_report_text  # (markers imports nothing of the readers)

    def rendered(markup: str) -> str | None:
        text = html_to_text(markup, _depth=depth + 1)
        return text if is_report_text(text) else None

    for frame in root.iter("iframe"):
        doc = frame.get("srcdoc")
        if doc and (text := rendered(doc)):
            return text
    if _HIDDEN_HOLDERS_RE.search(cleaned):
        text = rendered(_HIDDEN_HOLDERS_RE.sub(lambda m: f"<{m.group(1)}div", cleaned))
        if text:
            return text
    titles: list[str] = []
    bodies: list[str] = []
    for script in root.iter("script"):
        for m in _JS_STRING_RE.finditer(script.text or ""):
            try:
                value = json_lib.loads(f'"{m.group(1)}"')
            except ValueError:
                continue
            if "<" in value and _MARKUP_INSIDE_RE.search(value):
                bodies.append(value)
            elif len(value) <= 120 and is_report_text(value):
                titles.append(value)
    for body in sorted(bodies, key=len, reverse=True):
        if text := rendered(body):
            return "\n".join(titles[:1] + [text])
    return None


# Tables built of <div>s (display:table / grid / flex rows, role=row / cell): a box of at least three row
# <div>s whose children are all leaf <div>/<span> cells. Read as text, each cell is a line of its own and an
# empty cell is no line at all, so a blank row cannot be told from the next row's numbers; read as a
# table, every cell keeps its slot, empty or not.
_INLINE_TAGS = frozenset({"span", "b", "strong", "i", "em", "font", "a", "br", "sup", "sub", "u", "small", "label", "p"})
_DIV_CELL_NUMBER_RE = re.compile(r"-?\d[\d,]*(?:\.\d+)?")
_DIV_SPAN_RE = re.compile(r"(?:col)?span-?(\d{1,2})\b|grid-column\s*:\s*span\s+(\d{1,2})")


def _leaf_cell(el) -> bool:
    return el.tag in ("div", "span") and all(
        not isinstance(x.tag, str) or x.tag in _INLINE_TAGS for x in el.iterdescendants())


def _div_tables(root) -> None:
    """Turn the <div> tables of a page into <table>s in place (see above). A box with no row of two
    numbers or more, or fewer than three rows of two or more cells, is left: it is layout."""
    for box in list(root.iter("div")):
        rows = [c for c in box if isinstance(c.tag, str)]
        if len(rows) < 3 or any(r.tag != "div" or (r.text or "").strip() for r in rows):
            continue
        grid = []
        for r in rows:
            cells = [c for c in r if isinstance(c.tag, str)]
            if not cells or not all(_leaf_cell(c) for c in cells) or any((c.tail or "").strip() for c in cells):
                break
            grid.append(cells)
        else:
            if sum(len(cells) >= 2 for cells in grid) < 3 or not any(
                    sum(bool(_DIV_CELL_NUMBER_RE.fullmatch("".join(c.itertext()).strip())) for c in cells) >= 2
                    for cells in grid):
                continue  # no row of numbers: layout
            box.tag = "table"
            for r, cells in zip(rows, grid):
                r.tag = "tr"
                for c in cells:
                    c.tag = "td"
                    m = _DIV_SPAN_RE.search(f"{c.get('class') or ''} {c.get('style') or ''}")
                    if c.get("colspan") is None and m:
                        c.set("colspan", m.group(1) or m.group(2))


def html_to_text(html: str, _depth: int = 0) -> str:
    """Render HTML to plain text with tables as tab-separated lines (lxml parser).

    - One line per block element (p, div, h1-h6, li, br, ...) and per table row; cells are
      tab-separated on a full grid. colspan/rowspan: the text goes in the top-left slot of the
      spanned area and every other covered slot is an empty cell (no value is repeated, so
      nothing can be double counted; positions stay aligned with header rows). Empty `<td>`s and
      `&nbsp;` cells keep their slot. Spans are capped by the table's real width.
    - Tables that contain a nested table, and single-column tables, are treated as layout and
      rendered as their cells' lines in order (the nested data tables keep their own rows).
    - `&nbsp;` -> space (a cell holding only &nbsp; is empty); whitespace is collapsed, and a
      source line break between two CJK characters is dropped rather than becoming a space.
    - Removed: script, style, nav, header/footer (unless inside article/main), iframe, noscript,
      select/button, aside, title, struck-through text (del/s/strike), footnote marks in <sup>,
      hidden elements (hidden attr, display:none, visibility:hidden, mso-hide:all, a screen-reader
      copy clipped to nothing or with an sr-only/visually-hidden class, and the classes and ids the
      page's own <style> rules hide, unless they would hide most of the page), and elements whose
      class/id tokens look like navigation, breadcrumb or share bars. A read-only form shows its
      figures: an <input>'s value and a <textarea>'s text are read. A <form> is kept only if it holds a table or substantial text (a whole-page
      ASP.NET form is content; a search box is not).
    - Word-pasted HTML is harmless: o:p tags are ignored, conditional comments are comments,
      downlevel `<![if ...]>` markers are dropped; CDATA sections keep their text.
    - A <textarea> holding markup (an editor's source box) is rendered as that markup. A page that shows no
      report (no 信息公开…报告 markers) but holds one in an <iframe srcdoc>, a <template>, a <noscript> or a
      script's JSON string gives that report's text (nested at most two deep).
    Links and images are never fetched; an <a> contributes its text only.
    """
    cleaned = _MS_MARKED_RE.sub("", html)
    cleaned = _unwrap_cdata(cleaned)
    if "textarea" in cleaned or "TEXTAREA" in cleaned:
        cleaned = _textareas_as_markup(cleaned)
    try:
        parser = _parser()
        root = etree.fromstring(cleaned.encode("utf-8", "surrogatepass"), parser)
        if any("Excessive depth" in e.message for e in parser.error_log):
            # nested past libxml2's limit (2048 levels): the tree stops there and everything after the
            # nesting would be lost without a word; the tags are stripped instead (text kept, cells as lines)
            raise ValueError("markup nested too deeply")
        if root is None:
            return ""
        css = _css_hidden(root) if "style" in cleaned else (frozenset(), frozenset())
        if "<div" in cleaned or "<DIV" in cleaned:
            _div_tables(root)
        if not (css[0] or css[1]):
            text = _render(root)
        else:
            shown, whole = _render(root, css), _render(root)
            # a page that hides most of itself until a script shows it (tabs, a loading veil): the
            # report is what its scripts would show, so its style rules are not followed
            text = shown if len(shown) >= 0.5 * len(whole) else whole
        if _depth < _EMBED_DEPTH and ("srcdoc" in cleaned or "<script" in cleaned or "<SCRIPT" in cleaned
                                      or _HIDDEN_HOLDERS_RE.search(cleaned)):
            from transforms.ingest.markers import is_report_text

            if not is_report_text(text):
                embedded = _embedded_report(root, cleaned, _depth)
                if embedded:
                    return embedded
        return text
    except Exception:  # noqa: BLE001 - never let odd markup kill ingest; degrade to tag stripping
        text = _FALLBACK_BLOCK_RE.sub("\n", cleaned)
        text = _strip_tags(text)
        lines = [_collapse(x) for x in html_lib.unescape(text).split("\n")]
        return _join_lines([x for x in lines if x])
