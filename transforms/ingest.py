"""Landing-zone ingest: discover files, hash, sniff format, decode, render HTML, accept or reject.

Pure Python + polars (no Dagster, no network). `scan_landing` turns an input folder into one
`LandingFile` per path found there; `manifest_frame` turns those into the `landing_manifest`
frame of docs/architecture.md, `raw_reports_frame` into `raw_reports`.

Every path under the input folder yields exactly one row, in sorted relative-posix-path order,
and no problem with one file stops the scan. Decisions, and why:

- **Hidden files and folders are processed like any other** (nothing is skipped silently): a
  stray `.DS_Store` gets a rejected row (binary_file / not_a_report), a hidden copy of a report is ingested (or is a
  `duplicate`). Only the caller can decide that a path is noise; the manifest shows it.
- **Content decides the format, not the extension.** Binary signatures are sniffed first
  (`%PDF-` -> pdf, ZIP with `word/` -> docx, OLE2, RTF, other archives -> unsupported; PNG/JPEG/
  ELF/... -> binary). Text is HTML if it *starts* like markup or contains `<html`/`<body`;
  `.md`/`.markdown` text is 'md', other text 'txt'. When content and extension disagree (a
  `.pdf` that is really text, a `.txt` that is HTML) the file is processed by content and the
  row carries `check_name='extension_mismatch'` with a message saying so (status unchanged).
- **Accepted rows may carry a note**: `check_name` is then the first note's name
  (`extension_mismatch`, `nul_bytes_removed`, `incomplete_trailing_bytes`) and `message` lists all
  notes. A consumer can map (rejected -> error, accepted with check_name -> warning).
- **Symlinks**: one pointing outside the input folder is rejected (`symlink_outside_input`) and
  never read. One pointing to a file inside is not ingested a second time: it is rejected as
  `duplicate` naming its target, whose content is ingested under the target's own path (so
  provenance is the real path whatever the sort order). Symlinks to directories inside are not
  descended (their files are already scanned under their real paths; this also makes symlink
  loops impossible) and get one `duplicate` row. Broken links and link loops -> `unreadable`.
- **Duplicates** (same sha256 as an earlier regular file in sorted order) are rejected and the
  message names the first path; empty files are always `empty_file`, never duplicates.
- **Oversize** files are never held in memory: every file is streamed once in 1 MiB chunks
  into sha256 and at most `max_bytes` are kept. An oversize file is therefore still read to its
  end (for a real sha256, which the manifest contract requires) but not decoded.
- **Year**: accepted rows need a report year in [2008, 2100] (raw_reports and the manifest
  contract require it), so a report whose year cannot be found is rejected (`no_report_year`).
- sha256 is None only where the bytes could not or must not be read (unreadable file or
  directory, broken link, link outside the input, special file); size_bytes is None for those
  too, except special files (0) and unreadable files whose stat worked.

Check names used on rejected rows: empty_file, binary_file, undecodable, not_a_report, oversize,
duplicate, symlink_outside_input, unsupported_format, unreadable, special_file, no_report_year.
"""

from __future__ import annotations

import hashlib
import html as html_lib
import io
import os
import re
import stat
import unicodedata
import zipfile
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Callable

import polars as pl

DEFAULT_MAX_BYTES = 20 * 1024 * 1024

# Same bounds as the landing_manifest / raw_reports contracts (expectations/contracts.py); kept as
# constants here because transforms must not import the validation layer.
REPORT_YEAR_MIN, REPORT_YEAR_MAX = 2008, 2100

CHECK_NAMES = (
    "empty_file", "binary_file", "undecodable", "not_a_report", "oversize", "duplicate",
    "symlink_outside_input", "unsupported_format", "unreadable", "special_file", "no_report_year",
)
NOTE_NAMES = ("extension_mismatch", "nul_bytes_removed", "incomplete_trailing_bytes")

MANIFEST_SCHEMA: dict[str, pl.DataType] = {
    "source_path": pl.String(),
    "sha256": pl.String(),
    "size_bytes": pl.Int64(),
    "source_format": pl.String(),
    "encoding": pl.String(),
    "report_year": pl.Int32(),
    "status": pl.String(),
    "check_name": pl.String(),
    "message": pl.String(),
}
RAW_REPORTS_SCHEMA: dict[str, pl.DataType] = {
    "report_id": pl.String(),
    "source_path": pl.String(),
    "report_year": pl.Int32(),
    "source_format": pl.String(),
    "encoding": pl.String(),
    "raw_text": pl.String(),
}

_CHUNK = 1024 * 1024
_SAMPLE = 64 * 1024  # bytes inspected by the statistical sniffers (enough, and bounded)


@dataclass(frozen=True)
class LandingFile:
    """One path found under the input folder, with the verdict of the landing checks.

    `text` is the decoded text (CRLF -> LF, stray NULs removed, HTML already rendered to text)
    for accepted files and None for rejected ones.
    """

    source_path: str
    sha256: str | None
    size_bytes: int | None
    source_format: str
    encoding: str | None
    report_year: int | None
    status: str
    check_name: str | None
    message: str | None
    text: str | None = None


class DecodeError(ValueError):
    """Bytes that cannot be decoded as text; `check_name` is 'binary_file' or 'undecodable'."""

    def __init__(self, message: str, check_name: str = "undecodable") -> None:
        super().__init__(message)
        self.check_name = check_name


# ============================================================================================
# hashing / ids
# ============================================================================================
def report_id_for(data: bytes) -> str:
    """Stable report id: the first 16 hex characters of the sha256 of the raw file bytes.

    Content-addressed on purpose, so renaming or moving a file does not change its id.
    """
    return hashlib.sha256(data).hexdigest()[:16]


# ============================================================================================
# format detection
# ============================================================================================
_TEXT_EXT = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md",
             ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html"}
_DOC_EXT = {".pdf": "pdf", ".docx": "docx"}

# (signature, label, source_format, is_document). Documents/archives are a format we
# may support one day -> 'unsupported_format'; everything else is 'binary_file'.
_MAGIC: list[tuple[bytes, str, str, bool]] = [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy Office document (OLE2: .doc/.xls/.wps)", "unknown",
     True),
    (b"{\\rtf", "RTF document", "unknown", True),
    (b"\x1f\x8b", "gzip archive", "unknown", True),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive", "unknown", True),
    (b"Rar!\x1a\x07", "RAR archive", "unknown", True),
    (b"\x89PNG\r\n\x1a\n", "PNG image", "unknown", False),
    (b"\xff\xd8\xff", "JPEG image", "unknown", False),
    (b"GIF87a", "GIF image", "unknown", False),
    (b"GIF89a", "GIF image", "unknown", False),
    (b"II*\x00", "TIFF image", "unknown", False),
    (b"MM\x00*", "TIFF image", "unknown", False),
    (b"RIFF", "RIFF media file", "unknown", False),
    (b"\x7fELF", "ELF executable", "unknown", False),
    (b"SQLite format 3\x00", "SQLite database", "unknown", False),
]


@dataclass(frozen=True)
class _Binary:
    label: str
    source_format: str
    is_document: bool


def _sniff_binary(head: bytes) -> _Binary | None:
    """Recognise binary formats by their signature; None means 'maybe text'."""
    # PDF allows junk before the header (the spec tolerates it in the first 1024 bytes).
    if b"%PDF-" in head[:1024]:
        return _Binary("PDF", "pdf", True)
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        names: list[str] = []
        try:
            with zipfile.ZipFile(io.BytesIO(head)) as zf:
                names = zf.namelist()
        except (zipfile.BadZipFile, OSError, ValueError, EOFError):
            names = []  # truncated head or corrupt zip: fall back to raw byte search
        joined = "\n".join(names).encode("utf-8", "replace") if names else head
        if b"word/" in joined:
            return _Binary("DOCX (Word)", "docx", True)
        if b"xl/" in joined:
            return _Binary("XLSX (Excel)", "unknown", True)
        if b"ppt/" in joined:
            return _Binary("PPTX (PowerPoint)", "unknown", True)
        if b"application/vnd.oasis.opendocument" in head[:200]:
            return _Binary("OpenDocument file", "unknown", True)
        return _Binary("ZIP archive", "unknown", True)
    for sig, label, fmt, is_doc in _MAGIC:
        if head.startswith(sig):
            return _Binary(label, fmt, is_doc)
    return None


# A text starts like markup when its first tag is a real HTML tag name (ASCII), which excludes
# Chinese book-title brackets such as <中华人民共和国政府信息公开条例> that plain reports contain.
_HTML_LEAD_RE = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
    r"<(?:!doctype\s+html|html|head|body|meta|title|table|div|p|span|h[1-6]|br|style|script|"
    r"font|center|article|section|o:p|link)\b",
    re.IGNORECASE | re.DOTALL,
)
_HTML_ANY_RE = re.compile(r"<(?:html|body)\b[^>]*>", re.IGNORECASE)
_TAGLIKE_RE = re.compile(r"</?[a-zA-Z][a-zA-Z0-9:]*\b[^<>]*>")


def _text_format(text_head: str, ext: str) -> str:
    """Format of decoded text: 'html' by content, else 'md' for markdown extensions, else 'txt'.

    A whole document (<html>/<body>) is HTML whatever its name. Markdown may legitimately start
    with inline HTML (<div align=center>), so for .md only a whole document counts; for other
    names a leading HTML tag is enough, and for .html/.htm any tag.
    """
    claimed = _TEXT_EXT.get(ext)
    if _HTML_ANY_RE.search(text_head) or re.match(r"\s*<!doctype\s+html", text_head, re.I):
        return "html"
    if claimed == "md":
        return "md"
    if _HTML_LEAD_RE.match(text_head):
        return "html"
    if claimed == "html" and _TAGLIKE_RE.search(text_head):
        return "html"  # an .html fragment, e.g. a pasted <b>...</b> without <p> or <table>
    return "txt"


def detect_format(path: Path, head: bytes) -> str:
    """Return 'txt'|'md'|'html'|'pdf'|'docx'|'unknown' for a file, by content first.

    `head` is the start of the file (the whole file gives the most reliable ZIP inspection).
    Binary signatures win over the extension (a `.pdf` starting with `%PDF-` is 'pdf', a
    `.txt` that is a PDF is also 'pdf'); text is classified by content (HTML markup) and then by
    extension ('md' for markdown, otherwise 'txt'), so a fake `.pdf` holding text is 'txt'.
    Other binary content is 'unknown'.
    """
    binary = _sniff_binary(head)
    if binary is not None:
        return binary.source_format
    try:  # same decoder as the scan, so both always agree on what is text
        text, _, _ = _decode(head)
    except DecodeError:
        return "unknown"
    return _text_format(text[:_SAMPLE], path.suffix.lower())


# ============================================================================================
# decoding
# ============================================================================================
_BOMS = [  # longest first: the UTF-32-LE BOM starts with the UTF-16-LE one
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
    (b"\x84\x31\x95\x33", "gb18030"),
]
# C0 controls that never occur in text files (tab, LF, VT, FF, CR, SUB=DOS EOF and NUL excluded;
# NUL is judged separately because stray NULs are repaired, not fatal).
_CTRL_BYTES = bytes([*range(0x01, 0x09), *range(0x0E, 0x1A), *range(0x1C, 0x20), 0x7F])
_CTRL_CHARS_RE = re.compile("[\x01-\x08\x0e-\x19\x1c-\x1f\x7f]")


def _bom_encoding(data: bytes) -> str | None:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return enc
    return None


def _utf16_by_nul_pattern(data: bytes) -> str | None:
    """BOM-less UTF-16: ASCII characters (digits, spaces, newlines) put a NUL in every second
    byte, always at the same parity; stray NULs in UTF-8 text are few and fall on both parities."""
    sample = data[:_SAMPLE]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    total = even + odd
    if total < 8 or total < 0.02 * len(sample):
        return None
    # Not 100%: CJK characters whose low byte is 0x00 (一 U+4E00, 丁 U+4E01 ...) put some NULs on
    # the other parity.
    if odd >= 0.8 * total:
        return "utf-16-le"
    if even >= 0.8 * total:
        return "utf-16-be"
    return None


def _looks_binary(data: bytes) -> bool:
    """Byte-level verdict for content that no text encoding accepts (or that has no BOM)."""
    sample = data[:_SAMPLE].rstrip(b"\x00")  # NUL padding at the end is not evidence of binary
    if not sample:
        return bool(data)
    ctrl = len(sample) - len(sample.translate(None, _CTRL_BYTES))
    nul = sample.count(0)
    if _utf16_by_nul_pattern(sample) or _bom_encoding(sample):
        return False
    return ctrl > 0.01 * len(sample) or nul > 0.05 * len(sample)


# Very common characters of Chinese prose and of these reports, simplified and traditional.
# Real text has a large share of them; GB18030/Big5/UTF-16 mojibake draws characters almost
# uniformly from ~20k ideographs and so has a tiny share.
_COMMON_CJK = frozenset(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过"
    "子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体"
    "制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内"
    "数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提"
    "直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计"
    "别手角期根论运农指几九区强放决西被干做必战先回则任取据处府信息报告申请依受理复议诉讼案办县市"
    "省镇乡街委局室厅单位共其中件次项万余条网站平台务开展推进落实规范制度工作情况主动收到处理予以"
    "部分不予无法提供答复诉讼行政复议被纠错维持结果存在主要问题改进措施其他需要报告说明人员机构"
    "這個國們來時為於發動過說產種後學經進著實現兩體機當點從業應開還間樣與關內數氣題黨員總設長頭資"
    "邊級圖統組見計別論運農幾區強決幹戰則據處報請復議訴訟縣鎮鄉區廳單網臺務規範況辦無紀維錯結問"
    "個項萬餘條政府公開資訊申請書面登記轉辦"
)


_IDEOGRAPH_CLASS = "\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff\U00020000-\U0002ffff"
# Non-ASCII characters that Chinese documents legitimately contain besides ideographs: CJK
# punctuation and radicals, enclosed numbers (①, ㈠), full-width forms, curly quotes and dashes,
# Latin-1 punctuation (·×°), Roman numerals, box drawing and geometric shapes (●■□★).
# Half-width katakana (FF61-FF9F) is excluded on purpose: it is typical UTF-16 mojibake.
_SYMBOL_CLASS = (
    "\u00a0-\u00bf\u00d7\u00f7\u2000-\u206f\u2100-\u22ff\u2460-\u27bf\u2e80-\u2fdf"
    "\u3000-\u303f\u31c0-\u31ef\u3200-\u33ff\ufe10-\ufe1f\ufe30-\ufe4f\uff00-\uff60"
    "\uffe0-\uffef"
)
# Counting with regexes keeps the check in C: it runs on every legacy/UTF-16 decode attempt.
_NON_ASCII_RE = re.compile(r"[^\x00-\x7f\s]")
_IDEOGRAPH_RE = re.compile(f"[{_IDEOGRAPH_CLASS}]")
_IMPLAUSIBLE_RE = re.compile(f"[^\\x00-\\x7f\\s{_IDEOGRAPH_CLASS}{_SYMBOL_CLASS}]")
_PUA_RE = re.compile("[\ue000-\uf8ff]")
_COMMON_RE = re.compile("[" + "".join(sorted(_COMMON_CJK)) + "]")


def _implausibility(text: str) -> str | None:
    """Why `text` does not look like (Chinese) text, or None when it is plausible.

    Two tests: (1) the non-ASCII characters must be ideographs or the punctuation/symbols
    Chinese documents use (UTF-16 mis-decoding yields Hangul, Yi, Latin accents ...); (2) with
    enough ideographs, a fair share must be common ones (legacy-codec mojibake is made of
    valid but rare ideographs). Private-use characters are never plausible.
    """
    sample = text[:16384]  # ample for a statistical verdict, and keeps it cheap
    non_ascii = len(_NON_ASCII_RE.findall(sample))
    if not non_ascii:
        return None
    plausible = 1 - len(_IMPLAUSIBLE_RE.findall(sample)) / non_ascii
    if plausible < 0.9:
        return f"only {plausible:.0%} of its non-ASCII characters are CJK or CJK punctuation"
    pua = len(_PUA_RE.findall(sample))
    if pua > 0.01 * non_ascii:
        return f"{pua} private-use characters"
    ideographs = len(_IDEOGRAPH_RE.findall(sample))
    if ideographs >= 40:
        common = len(_COMMON_RE.findall(sample)) / ideographs
        if common < 0.2:
            return f"only {common:.0%} of its ideographs are common ones (mojibake)"
    return None


def _strict(data: bytes, enc: str) -> tuple[str, int]:
    """Strict decode; an incomplete multibyte sequence at the very end (a file cut mid-character)
    is dropped and its length returned, any other invalid byte raises UnicodeDecodeError."""
    codec = "utf-8" if enc == "utf-8-sig" else enc
    try:
        return data.decode(codec, errors="strict"), 0
    except UnicodeDecodeError as err:
        tail = len(data) - err.start
        at_end = err.end == len(data) and tail < 4
        if at_end and ("end of data" in err.reason or "truncated" in err.reason):
            return data[: err.start].decode(codec, errors="strict"), tail
        raise


def _finish(text: str, enc: str, dropped: int, notes: list[str]) -> tuple[str, str, list[str]]:
    # Why these repairs: NULs are never content (they come from broken exports) and break
    # downstream regexes; U+FEFF anywhere is an invisible leftover of concatenated files; line
    # ends are unified so every later regex can assume '\n'.
    text = text.lstrip("\ufeff")
    nuls = text.count("\x00")
    if nuls:
        text = text.replace("\x00", "")
        notes.append(f"nul_bytes_removed: removed {nuls} stray NUL character(s)")
    if dropped:
        notes.append(f"incomplete_trailing_bytes: dropped {dropped} byte(s) of an incomplete "
                     f"{enc} character at the end of the file (file looks truncated)")
    text = text.replace("\ufeff", "").replace("\r\n", "\n").replace("\r", "\n")
    return text, enc, notes


def _control_problem(text: str) -> str | None:
    sample = text[:_SAMPLE]
    if not sample:
        return None
    ctrl = len(_CTRL_CHARS_RE.findall(sample))
    if ctrl > 0.01 * len(sample):
        return f"{ctrl} control characters in the first {len(sample)} characters"
    nul = sample.rstrip("\x00").count("\x00")
    if nul > 0.05 * len(sample):
        return f"{nul} NUL characters in the first {len(sample)} characters"
    return None


def _decode(data: bytes) -> tuple[str, str, list[str]]:
    """Decode with a principled order; returns (text, encoding, notes) or raises DecodeError.

    1. A BOM is a declaration: decode with it (strict) or fail.
    2. BOM-less UTF-16 by NUL parity, *before* UTF-8: NUL is valid UTF-8, so UTF-8 cannot reject
       ASCII-heavy UTF-16, while the parity test is strong evidence.
    3. UTF-8 strict (self-validating: real non-UTF-8 text almost never passes).
    4. GB18030 strict (superset of GB2312/GBK), then Big5 (cp950) strict, each accepted only if
       the result looks like Chinese text (legacy multibyte codecs accept much random input).
    5. Last resort for BOM-less UTF-16 without ASCII (hence without NULs), plausibility-gated.
    6. Otherwise 'binary_file' if the bytes hold control characters text never has, else
       'undecodable'.
    """
    bom = _bom_encoding(data)
    if bom is not None:
        body = data[len(next(b for b, e in _BOMS if e == bom)):]
        label = {"utf-8-sig": "UTF-8"}.get(bom, bom.upper())
        try:
            text, dropped = _strict(body, bom if bom != "utf-8-sig" else "utf-8")
        except UnicodeDecodeError as err:
            raise DecodeError(f"starts with a {label} byte-order mark but is not valid {label} "
                              f"(invalid bytes at offset {err.start + len(data) - len(body)})") from None
        problem = _control_problem(text)
        if problem:
            raise DecodeError(f"has a {label} byte-order mark but decodes to binary-looking data "
                              f"({problem})", "binary_file")
        if bom != "utf-8-sig":
            why = _implausibility(text)
            if why:
                raise DecodeError(f"has a {label} byte-order mark but the decoded text is not "
                                  f"plausible Chinese text ({why})")
        return _finish(text, bom, dropped, [])

    tried: list[str] = []
    utf16 = _utf16_by_nul_pattern(data)
    if utf16 is not None:
        try:
            text, dropped = _strict(data, utf16)
            if not _control_problem(text) and not _implausibility(text):
                return _finish(text, utf16, dropped, [])
            tried.append(f"{utf16} (NUL pattern) gave implausible text")
        except UnicodeDecodeError:
            tried.append(f"{utf16} (NUL pattern) failed")

    try:
        text, dropped = _strict(data, "utf-8")
    except UnicodeDecodeError as err:
        tried.append(f"utf-8 failed at offset {err.start}")
    else:
        problem = _control_problem(text)
        if problem:
            raise DecodeError(f"looks like binary data ({problem})", "binary_file")
        return _finish(text, "utf-8", dropped, [])

    for enc, codec in (("gb18030", "gb18030"), ("big5", "cp950")):
        try:
            text, dropped = _strict(data, codec)
        except UnicodeDecodeError as err:
            tried.append(f"{enc} failed at offset {err.start}")
            continue
        why = _control_problem(text) or _implausibility(text)
        if why is None:
            return _finish(text, enc, dropped, [])
        tried.append(f"{enc} decodes but {why}")

    if len(data) % 2 == 0:
        # CJK-only UTF-16 has no ASCII NULs; its few NULs come from code points like U+5F00 (开)
        # and may even point at the wrong byte order, so both orders are tried here.
        for enc in ("utf-16-le", "utf-16-be"):
            if enc == utf16:
                continue
            try:
                text, dropped = _strict(data, enc)
            except UnicodeDecodeError:
                continue
            if not _control_problem(text) and not _implausibility(text):
                return _finish(text, enc, dropped, [])
    # Nothing fits: binary-looking bytes are 'binary_file', anything else 'undecodable'.
    if _looks_binary(data):
        raise DecodeError("looks like binary data (control bytes that never occur in text files)",
                          "binary_file")
    raise DecodeError("could not be decoded as UTF-8, UTF-16, GB18030 or Big5: " + "; ".join(tried))


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode raw file bytes to text; return (text, encoding) or raise DecodeError.

    Decoding is strict (never a silent replacement character). Order: BOM, BOM-less UTF-16 by
    NUL pattern, UTF-8, GB18030, Big5, each legacy result sanity-checked for a plausible share
    of (common) CJK characters. Repairs applied to the text: CRLF/CR -> LF, stray NULs and
    U+FEFF removed, an incomplete multibyte character at the very end dropped. The error's
    `check_name` is 'binary_file' for binary-looking data and 'undecodable' otherwise.
    """
    text, enc, _ = _decode(data)
    return text, enc


# ============================================================================================
# HTML -> text
# ============================================================================================
_SKIP_TAGS = {
    "script", "style", "nav", "header", "footer", "iframe", "noscript", "template", "title",
    "xml", "svg", "math", "object", "applet", "select", "button", "textarea", "aside", "frameset",
    "noframes", "datalist",
}
_VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
              "param", "source", "track", "wbr", "keygen", "basefont", "frame"}
_BLOCK_TAGS = {
    "address", "article", "blockquote", "body", "center", "dd", "details", "dialog", "dir", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
    "html", "legend", "li", "main", "menu", "ol", "p", "section", "summary", "ul", "option",
}
_TABLE_PARTS = {"table", "tr", "td", "th", "thead", "tbody", "tfoot", "caption", "colgroup", "col"}
# Elements never removed for their class/id (removing them would drop the report itself).
_NEVER_CLASS_SKIPPED = {"html", "body", "main", "article", "form"} | _TABLE_PARTS
_NAV_TOKEN_RE = re.compile(
    r"(?:^|[-_])(?:nav|navbar|navigation|menu|menubar|breadcrumbs?|crumbs?|bread|share|sharebar|"
    r"bdshare\w*|social|toolbar|skip|skiplinks?|pagination|pager|dqwz|position|location)(?:$|[-_\d])"
)
_HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden|mso-hide\s*:\s*all", re.I)
# A <form> wrapping the whole page (ASP.NET WebForms, common on government sites) is content;
# a search box or login form is not. Decided when the form closes, by how much text it holds.
_FORM_KEEP_CHARS = 200
_WS_RUN_RE = re.compile(r"[ \t\n\r\f\v\u200b]+")
_MS_MARKED_RE = re.compile(r"<!\[(?:if[^\]]*|endif|else)\]>", re.IGNORECASE)


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


def _collapse(s: str) -> str:
    """HTML whitespace collapsing; a run containing a line break between two wide (CJK)
    characters is removed, as CSS does, because source line wrapping inside Chinese text is not
    a word space."""
    s = s.replace("\xa0", " ")

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
        with the header rows. A layout table (holding a nested table, or single-column) is
        rendered as its cells' lines in order, so a page wrapped in a table keeps its paragraphs
        and its inner data tables intact.
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
        n = len(rows)
        grid: dict[tuple[int, int], str] = {}
        taken: set[tuple[int, int]] = set()
        width = 0
        for ri, row in enumerate(rows):
            ci = 0
            for cell in row:
                while (ri, ci) in taken:
                    ci += 1
                grid[(ri, ci)] = " ".join(cell.box.lines).replace("\t", " ")
                for dr in range(min(cell.rowspan, n - ri)):  # rowspans are clipped at the end
                    for dc in range(cell.colspan):
                        taken.add((ri + dr, ci + dc))
                ci += cell.colspan
                width = max(width, ci)
        for ri in range(n):
            line = "\t".join(grid.get((ri, ci), "") for ci in range(width))
            if line.strip("\t "):
                out.append(line)
        return out


def _span(value: str | None, limit: int) -> int:
    if value is None:
        return 1
    try:
        n = int(str(value).strip())
    except (TypeError, ValueError):
        return 1
    # 0 ("to the end of the section") and nonsense values degrade to 1; the cap follows the HTML
    # spec (colspan <= 1000, rowspan <= 65534) and bounds memory on hostile input.
    return n if 1 <= n <= limit else (limit if n > limit else 1)


class _TextParser(HTMLParser):
    """Streaming HTML renderer (stdlib only; nothing is ever fetched, links become their text)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.doc = _Box("doc")
        self.stack: list[_Box | _Table | _Cell] = [self.doc]
        self.skip_tag: str | None = None
        self.skip_depth = 0
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

    # ---- skipping ----
    def _should_skip(self, tag: str, attrs: dict[str, str | None]) -> bool:
        if tag in ("header", "footer") and self.content_depth > 0:
            return False
        if tag in _SKIP_TAGS:
            return True
        if "hidden" in attrs or _HIDDEN_STYLE_RE.search(attrs.get("style") or ""):
            return True
        if tag in _NEVER_CLASS_SKIPPED:
            return False
        if (attrs.get("role") or "").lower() == "navigation":
            return True
        tokens = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower().split()
        return any(_NAV_TOKEN_RE.search(t) or "breadcrumb" in t for t in tokens)

    # ---- HTMLParser hooks ----
    def handle_starttag(self, tag: str, attrs_list: list[tuple[str, str | None]]) -> None:
        tag = tag.lower()
        if self.skip_tag is not None:
            if tag == self.skip_tag and tag not in _VOID_TAGS:
                self.skip_depth += 1
            return
        attrs = {k.lower(): v for k, v in attrs_list}
        if tag not in _VOID_TAGS and self._should_skip(tag, attrs):
            self.skip_tag, self.skip_depth = tag, 1
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

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # <br/>, <o:p/>, <td/>: a self-closed element opens and closes immediately
        self.handle_starttag(tag, attrs)
        if tag.lower() not in _VOID_TAGS:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        tag = tag.lower()
        if self.skip_tag is not None:
            if tag == self.skip_tag:
                self.skip_depth -= 1
                if self.skip_depth == 0:
                    self.skip_tag = None
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

    def handle_data(self, data: str) -> None:
        if self.skip_tag is not None:
            return
        if self.pre_depth:
            if not self.pre_buf and data.startswith("\n"):
                data = data[1:]  # HTML ignores the newline right after <pre>
            self.pre_buf += data
            while "\n" in self.pre_buf:
                line, self.pre_buf = self.pre_buf.split("\n", 1)
                self._current().add_lines([line.replace("\xa0", " ").rstrip()])
            return
        self._current().buf.append(data)

    def unknown_decl(self, data: str) -> None:  # <![CDATA[...]]> and MS marked sections
        if data.upper().startswith("CDATA["):
            self.handle_data(data[6:])

    def finish(self) -> str:
        self.close()
        self._flush_pre()
        while len(self.stack) > 1:  # unclosed tables/forms at end of document
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
_FALLBACK_TAG_RE = re.compile(r"<[^>]*>")


def html_to_text(html: str) -> str:
    """Render HTML to plain text with tables as tab-separated lines (stdlib html.parser only).

    - One line per block element (p, div, h1-h6, li, br, ...) and per table row; cells are
      tab-separated on a full grid. colspan/rowspan: the text goes in the top-left slot of the
      spanned area and every other covered slot is an empty cell (no value is repeated, so
      nothing can be double counted; positions stay aligned with header rows).
    - Tables that contain a nested table, and single-column tables, are treated as layout and
      rendered as their cells' lines in order (the nested data tables keep their own rows).
    - `&nbsp;` -> space (a cell holding only &nbsp; is empty); whitespace is collapsed, and a
      source line break between two CJK characters is dropped rather than becoming a space.
    - Removed: script, style, nav, header/footer (unless inside article/main), iframe, noscript,
      select/button/textarea, aside, title, hidden elements (hidden attr, display:none,
      mso-hide:all), and elements whose class/id tokens look like navigation, breadcrumb or
      share bars. A <form> is kept only if it holds a table or substantial text (a whole-page
      ASP.NET form is content; a search box is not).
    - Word-pasted HTML is harmless: o:p tags are ignored, conditional comments are comments,
      downlevel `<![if ...]>` markers are dropped.
    Links and images are never fetched; an <a> contributes its text only.
    """
    # The stdlib parser raises on MS Office "<![if !supportLists]>" marked sections in some
    # Python versions; the markers carry no text, so drop them up front.
    cleaned = _MS_MARKED_RE.sub("", html)
    parser = _TextParser()
    try:
        parser.feed(cleaned)
        return parser.finish()
    except Exception:  # noqa: BLE001 - never let odd markup kill ingest; degrade to tag stripping
        text = _FALLBACK_BLOCK_RE.sub("\n", cleaned)
        text = _FALLBACK_TAG_RE.sub("", text)
        lines = [_collapse(x) for x in html_lib.unescape(text).split("\n")]
        return _join_lines([x for x in lines if x])


# ============================================================================================
# report checks
# ============================================================================================
_WS_RE = re.compile(r"\s+")
# Taiwan-style converters write 資訊 for 信息 (政府資訊公開).
_DISCLOSURE_RE = re.compile("(?:信息|資訊|资讯)公[开開]")
_REPORT_RE = re.compile("[报報]告")
_CN_DIGITS = str.maketrans("〇零○一二三四五六七八九", "000123456789")
_CN_YEAR_RE = re.compile("[〇零○一二三四五六七八九]{4}(?=\\s*年)")
_YEAR_RES = [
    re.compile(r"((?:19|20)\d{2})\s*年\s*度?\s*(?:的\s*)?(?:政\s*府\s*)?(?:信\s*息|資\s*訊|资\s*讯)\s*公\s*[开開]"),
    re.compile(r"((?:19|20)\d{2})\s*年\s*度?[^\n]{0,30}?年\s*度\s*[报報]\s*告"),
]


def is_report_text(text: str) -> bool:
    """True when the text carries the markers of a disclosure report: 信息公开/信息公開/資訊公開 and
    报告/報告 (whitespace ignored, since extracted text often spaces out characters)."""
    return _has_markers(unicodedata.normalize("NFKC", text))


def _has_markers(nfkc: str) -> bool:
    flat = _WS_RE.sub("", nfkc)
    return bool(_DISCLOSURE_RE.search(flat) and _REPORT_RE.search(flat))


def guess_year(text: str) -> int | None:
    """Fallback year detector: the first 'NNNN年(度)(政府)信息公开' (or '...年度报告') on NFKC
    text, with Chinese-numeral years (二〇一九年) converted. None when nothing matches."""
    return _guess_year_nfkc(unicodedata.normalize("NFKC", text))


def _guess_year_nfkc(text: str) -> int | None:
    text = _CN_YEAR_RE.sub(lambda m: m.group(0).translate(_CN_DIGITS), text)
    for rx in _YEAR_RES:
        m = rx.search(text)
        if m:
            return int(m.group(1))
    return None


# ============================================================================================
# scanning
# ============================================================================================
@dataclass(frozen=True)
class _Entry:
    rel: str
    path: Path
    kind: str  # 'file' | 'symlink' | 'dir_error'
    error: str | None = None


def _display(rel_parts: tuple[str, ...]) -> str:
    """Posix relative path as valid UTF-8: undecodable file-name bytes (e.g. GBK names from a
    Windows zip) are shown as \\x escapes instead of lone surrogates polars cannot store."""
    out = []
    for part in rel_parts:
        try:
            part.encode("utf-8")
        except UnicodeEncodeError:
            part = os.fsencode(part).decode("utf-8", "backslashreplace")
        out.append(part)
    return "/".join(out)


def _walk(root: Path) -> list[_Entry]:
    """Every non-directory path under root, without following symlinks (deterministic order is
    imposed by the caller). Unlistable directories become entries so they are reported."""
    entries: list[_Entry] = []
    pending: list[tuple[Path, tuple[str, ...]]] = [(root, ())]
    while pending:
        directory, parts = pending.pop()
        try:
            with os.scandir(directory) as it:
                children = list(it)
        except OSError as err:
            if parts:  # the root itself failing is the caller's problem, raised below
                entries.append(_Entry(_display(parts), directory, "dir_error", err.strerror or str(err)))
                continue
            raise
        for child in children:
            cparts = (*parts, child.name)
            cpath = Path(child.path)
            try:
                if child.is_symlink():
                    entries.append(_Entry(_display(cparts), cpath, "symlink"))
                elif child.is_dir(follow_symlinks=False):
                    pending.append((cpath, cparts))
                else:
                    entries.append(_Entry(_display(cparts), cpath, "file"))
            except OSError as err:
                entries.append(_Entry(_display(cparts), cpath, "dir_error", err.strerror or str(err)))
    return entries


def _reject(rel: str, check: str, message: str, *, sha: str | None = None, size: int | None = None,
            fmt: str = "unknown", enc: str | None = None) -> LandingFile:
    return LandingFile(rel, sha, size, fmt, enc, None, "rejected", check, message, None)


def _read_capped(path: Path, max_bytes: int) -> tuple[bytes | None, str, int]:
    """Stream the file: sha256 over all bytes, but keep at most max_bytes in memory.

    Returns (data or None when larger than max_bytes, sha256 hex, size in bytes).
    """
    digest = hashlib.sha256()
    kept: list[bytes] = []
    size = 0
    with open(path, "rb") as fh:
        while True:
            chunk = fh.read(_CHUNK)
            if not chunk:
                break
            digest.update(chunk)
            size += len(chunk)
            if size <= max_bytes:
                kept.append(chunk)
            else:
                kept.clear()  # past the limit: keep hashing, stop holding bytes
    return (b"".join(kept) if size <= max_bytes else None), digest.hexdigest(), size


def _ext_note(ext: str, fmt: str, label: str) -> str | None:
    """A note when the extension claims another format than the content (None if they agree).

    txt and md count as agreeing (markdown is plain text here); no extension claims nothing.
    """
    if not ext:
        return None
    claimed = _TEXT_EXT.get(ext) or _DOC_EXT.get(ext)
    if claimed == fmt or {claimed, fmt} == {"txt", "md"}:
        return None
    return (f"extension_mismatch: file is named '{ext}' but its content is {label}; "
            f"processed as '{fmt}' by content")


def _process_file(rel: str, path: Path, max_bytes: int, seen: dict[str, str],
                  year_of: Callable[[str], int | None] | None) -> LandingFile:
    """All checks for one regular file (or a link followed once), in a fixed order."""
    try:
        st = os.stat(path)
    except OSError as err:
        return _reject(rel, "unreadable", f"cannot stat file: {err.strerror or err}")
    if not stat.S_ISREG(st.st_mode):
        kind = ("FIFO" if stat.S_ISFIFO(st.st_mode) else "socket" if stat.S_ISSOCK(st.st_mode)
                else "device" if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode) else "special file")
        # never open it: reading a FIFO or device would block or never end
        return _reject(rel, "special_file", f"not a regular file ({kind}); not read", size=0)
    try:
        data, sha, size = _read_capped(path, max_bytes)
    except OSError as err:
        return _reject(rel, "unreadable", f"cannot read file: {err.strerror or err}", size=st.st_size)
    if data is None:
        return _reject(rel, "oversize", f"file is {size} bytes, over the {max_bytes}-byte limit; "
                       "not decoded", sha=sha, size=size)
    if size == 0:
        return _reject(rel, "empty_file", "file is empty (0 bytes)", sha=sha, size=0)
    if sha in seen:
        return _reject(rel, "duplicate", f"duplicate of '{seen[sha]}' (same sha256); only the first "
                       "copy in sorted path order is processed", sha=sha, size=size)
    seen[sha] = rel

    ext = path.suffix.lower()
    binary = _sniff_binary(data)
    if binary is not None:
        # mention the extension only when it claims something else (a .txt that is a PNG)
        claimed = _TEXT_EXT.get(ext) or _DOC_EXT.get(ext)
        named = f" (named '{ext}')" if claimed and claimed != binary.source_format else ""
        if binary.is_document:
            return _reject(rel, "unsupported_format", f"{binary.label}{named} is not a supported "
                           "format yet (supported: .txt, .md, .html text)",
                           sha=sha, size=size, fmt=binary.source_format)
        return _reject(rel, "binary_file", f"binary file: {binary.label}{named}, not text",
                       sha=sha, size=size, fmt=binary.source_format)
    try:
        text, enc, notes = _decode(data)
    except DecodeError as err:
        what = "binary file" if err.check_name == "binary_file" else "undecodable text"
        return _reject(rel, err.check_name, f"{what}: {err}", sha=sha, size=size)

    fmt = _text_format(text[:_SAMPLE], ext)
    label = {"html": "HTML", "md": "markdown text", "txt": "plain text"}[fmt]
    note = _ext_note(ext, fmt, label)
    if note:
        notes.insert(0, note)
    if fmt == "html":
        text = html_to_text(text)
    if not text.strip():
        return _reject(rel, "empty_file", "file contains only whitespace"
                       + (" (no visible text after rendering the HTML)" if fmt == "html" else ""),
                       sha=sha, size=size, fmt=fmt, enc=enc)
    nfkc = unicodedata.normalize("NFKC", text)  # once per file: it is the costliest step
    if not _has_markers(nfkc):
        return _reject(rel, "not_a_report", "text has no disclosure-report markers "
                       "(政府信息公开/政府信息公開/政府資訊公開 and 报告/報告)", sha=sha, size=size, fmt=fmt, enc=enc)
    year = year_of(nfkc) if year_of is not None else _guess_year_nfkc(nfkc)
    if year is None:
        return _reject(rel, "no_report_year", "no report year found in the text (e.g. '2020年"
                       "政府信息公开工作年度报告'); a report needs a year partition",
                       sha=sha, size=size, fmt=fmt, enc=enc)
    if not REPORT_YEAR_MIN <= int(year) <= REPORT_YEAR_MAX:
        return _reject(rel, "no_report_year", f"detected report year {year} is outside "
                       f"{REPORT_YEAR_MIN}-{REPORT_YEAR_MAX}", sha=sha, size=size, fmt=fmt, enc=enc)
    check = notes[0].split(":", 1)[0] if notes else None
    message = "; ".join(n.split(": ", 1)[1] for n in notes) if notes else None
    return LandingFile(rel, sha, size, fmt, enc, int(year), "accepted", check, message, text)


def _symlink_target(path: Path) -> tuple[Path | None, str | None]:
    try:
        return path.resolve(strict=True), None
    except FileNotFoundError:
        return None, f"broken symlink: target '{os.readlink(path)}' does not exist"
    except (RuntimeError, OSError) as err:  # RuntimeError: loop on Python 3.11
        return None, f"symlink cannot be resolved ({err.__class__.__name__}: symlink loop or {err})"


def scan_landing(
    input_dir: Path,
    max_bytes: int = DEFAULT_MAX_BYTES,
    year_of: Callable[[str], int | None] | None = None,
) -> list[LandingFile]:
    """Scan `input_dir` recursively and return one LandingFile per path, sorted by source_path.

    Every file (hidden ones included) gets exactly one row, accepted or rejected with a check
    name and an English message; no single bad file stops the scan. `max_bytes` bounds how much
    of a file is held in memory (larger files are 'oversize'). `year_of` receives the NFKC text
    of each candidate report and returns its year (default: `guess_year`). Raises
    FileNotFoundError / NotADirectoryError if `input_dir` itself is missing or not a folder.
    """
    input_dir = Path(input_dir)
    if not input_dir.exists():
        raise FileNotFoundError(f"input folder does not exist: {input_dir}")
    if not input_dir.is_dir():
        raise NotADirectoryError(f"input path is not a folder: {input_dir}")
    root = input_dir.resolve()
    entries = sorted(_walk(input_dir), key=lambda e: e.rel)

    rows: dict[str, LandingFile] = {}
    seen: dict[str, str] = {}  # sha256 -> first rel path (regular files, sorted order)
    links: list[_Entry] = []
    for e in entries:
        if e.kind == "dir_error":
            rows[e.rel] = _reject(e.rel, "unreadable", f"cannot list or inspect: {e.error}")
        elif e.kind == "symlink":
            links.append(e)
        else:
            rows[e.rel] = _process_file(e.rel, e.path, max_bytes, seen, year_of)

    # Links after regular files, so a link to an inside file can point at the target's row.
    for e in links:
        target, problem = _symlink_target(e.path)
        if target is None:
            rows[e.rel] = _reject(e.rel, "unreadable", problem or "unresolvable symlink")
            continue
        try:
            inside = target.relative_to(root)
        except ValueError:
            rows[e.rel] = _reject(e.rel, "symlink_outside_input", "symlink points outside the input "
                                  "folder; not followed, not read")
            continue
        target_rel = _display(inside.parts)
        if target.is_dir():
            rows[e.rel] = _reject(e.rel, "duplicate", f"symlink to folder '{target_rel or '.'}' inside "
                                  "the input folder; not descended (its files are scanned under "
                                  "their own paths)")
            continue
        first = rows.get(target_rel)
        if first is not None:
            rows[e.rel] = _reject(e.rel, "duplicate", f"symlink to '{target_rel}' inside the input "
                                  "folder; its content is ingested once, under the target's path",
                                  sha=first.sha256, size=first.size_bytes, fmt=first.source_format,
                                  enc=first.encoding)
        else:  # target not scanned under its own path (e.g. its folder was unlistable)
            rows[e.rel] = _process_file(e.rel, e.path, max_bytes, seen, year_of)
    return [rows[k] for k in sorted(rows)]


# ============================================================================================
# frames
# ============================================================================================
def manifest_frame(files: list[LandingFile]) -> pl.DataFrame:
    """The `landing_manifest` frame (docs/architecture.md): one row per LandingFile, no text."""
    cols = list(MANIFEST_SCHEMA)
    return pl.DataFrame([{c: getattr(f, c) for c in cols} for f in files],
                        schema=MANIFEST_SCHEMA, orient="row")


def raw_reports_frame(files: list[LandingFile]) -> pl.DataFrame:
    """The `raw_reports` frame: accepted files only; report_id = sha256 prefix of the raw bytes
    (identical to `report_id_for(data)`)."""
    recs = [{"report_id": f.sha256[:16], "source_path": f.source_path, "report_year": f.report_year,
             "source_format": f.source_format, "encoding": f.encoding, "raw_text": f.text}
            for f in files if f.status == "accepted" and f.sha256 and f.text is not None]
    return pl.DataFrame(recs, schema=RAW_REPORTS_SCHEMA, orient="row")


__all__ = [
    "CHECK_NAMES", "DEFAULT_MAX_BYTES", "DecodeError", "LandingFile", "MANIFEST_SCHEMA",
    "NOTE_NAMES", "RAW_REPORTS_SCHEMA", "decode_bytes", "detect_format", "guess_year",
    "html_to_text", "is_report_text", "manifest_frame", "raw_reports_frame", "report_id_for",
    "scan_landing",
]
