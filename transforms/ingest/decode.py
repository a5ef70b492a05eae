"""Bytes -> text: BOMs, BOM-less UTF-32/UTF-16, UTF-8, GB18030, Big5, each legacy result checked
for plausibility; repairs (NULs, CRLF, U+FEFF, bidi controls) are reported as notes.

Notes are strings 'check_name: message'; the scan turns them into manifest check names.
"""

from __future__ import annotations

import html
import re

_SAMPLE = 64 * 1024  # bytes inspected by the statistical sniffers (enough, and bounded)


class DecodeError(ValueError):
    """Bytes that cannot be decoded as text; `check_name` is 'binary_file' or 'undecodable'."""

    def __init__(self, message: str, check_name: str = "undecodable") -> None:
        super().__init__(message)
        self.check_name = check_name


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


def _utf32_by_nul_pattern(data: bytes) -> str | None:
    """BOM-less UTF-32: every code point is below U+110000, so one byte of each 4-byte unit is
    always 0x00 (the high byte) and the next almost always is (only astral planes 1-3 set it).
    Tested before UTF-16, whose NUL-parity test UTF-32 would otherwise confuse."""
    sample = data[: _SAMPLE - _SAMPLE % 4]
    if len(data) % 4 or len(sample) < 8:
        return None
    units = len(sample) // 4
    if sample[3::4].count(0) == units and sample[2::4].count(0) >= 0.9 * units:
        return "utf-32-le"
    if sample[0::4].count(0) == units and sample[1::4].count(0) >= 0.9 * units:
        return "utf-32-be"
    return None


def _looks_binary(data: bytes) -> bool:
    """Byte-level verdict for content that no text encoding accepts (or that has no BOM)."""
    sample = data[:_SAMPLE].rstrip(b"\x00")  # NUL padding at the end is not evidence of binary
    if not sample:
        return bool(data)
    ctrl = len(sample) - len(sample.translate(None, _CTRL_BYTES))
    nul = sample.count(0)
    if _utf16_by_nul_pattern(sample) or _utf32_by_nul_pattern(sample) or _bom_encoding(sample):
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
    text = strip_bidi(text, notes)
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
        if problem and not _only_nul_padding(text, problem):
            raise DecodeError(f"has a {label} byte-order mark but decodes to binary-looking data "
                              f"({problem})", "binary_file")
        if bom != "utf-8-sig":
            why = _implausibility(text)
            if why:
                raise DecodeError(f"has a {label} byte-order mark but the decoded text is not "
                                  f"plausible Chinese text ({why})")
        return _finish(text, bom, dropped, [])

    tried: list[str] = []
    utf32 = _utf32_by_nul_pattern(data)
    if utf32 is not None:
        try:
            text, dropped = _strict(data, utf32)
            if not _control_problem(text) and not _implausibility(text):
                return _finish(text, utf32, dropped, [])
            tried.append(f"{utf32} (NUL pattern) gave implausible text")
        except UnicodeDecodeError:
            tried.append(f"{utf32} (NUL pattern) failed")
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
            # NUL bytes padded into UTF-8 text (a broken export): the text without them, when that is
            # plain text (they are removed with a note, as stray NULs always are)
            if _only_nul_padding(text, problem):
                return _finish(text, "utf-8", dropped, [])
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

    mixed = _line_by_line(data)
    if mixed is not None:
        return mixed
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


def _only_nul_padding(text: str, problem: str) -> bool:
    """NUL bytes padded into otherwise plain text (a broken export): without them it is plausible text, so
    they are removed with a note, as stray NULs always are."""
    bare = text.replace("\x00", "")
    return "NUL" in problem and bool(bare.strip()) and not _control_problem(bare) and not _implausibility(bare)


def _line_by_line(data: bytes) -> tuple[str, str, list[str]] | None:
    """A file in two encodings (a crawler's UTF-8 header block over a GBK page): each line decoded as UTF-8
    or else GB18030, when every line is one or the other, both occur, and the whole is plausible text."""
    parts, counts = [], {"utf-8": 0, "gb18030": 0}
    for line in data.split(b"\n"):
        for enc in ("utf-8", "gb18030"):
            try:
                parts.append(line.decode(enc))
            except UnicodeDecodeError:
                continue
            if line.strip() and max(line) >= 0x80:
                counts[enc] += 1
            break
        else:
            return None
    if not (counts["utf-8"] and counts["gb18030"]):
        return None
    text = "\n".join(parts)
    if _control_problem(text) or _implausibility(text):
        return None
    return _finish(text, "gb18030", 0, [f"mixed_encodings: {counts['utf-8']} line(s) decoded as UTF-8 and "
                                         f"{counts['gb18030']} as GB18030 (a file in two encodings)"])


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


# Unicode bidirectional controls (embeddings, overrides, isolates, marks). They carry no text;
# an RTL override in a table cell reverses how a viewer shows the digits and makes regexes miss
# the value, so they are removed from every format's text (with a note saying how many).
_BIDI_RE = re.compile("[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")
_BIDI_CHARS = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"  # the same, one by one


def strip_bidi(text: str, notes: list[str]) -> str:
    """Remove bidi control characters; appends a 'bidi_controls_removed' note when any were."""
    if not any(ch in text for ch in _BIDI_CHARS):
        return text  # (the common case: a plain substring test per control is faster than the class)
    found = len(_BIDI_RE.findall(text))
    if found:
        text = _BIDI_RE.sub("", text)
        notes.append(f"bidi_controls_removed: removed {found} bidirectional control character(s) "
                     "(e.g. U+202E right-to-left override); the characters around them are kept")
    return text


# ---------------------------------------------------------------------------------------------
# Text a tool damaged after decoding it wrongly, and saved: each repair is one exact reversal, tried only
# on a text without the report's markers, and kept only when the repaired text has them.
# ---------------------------------------------------------------------------------------------

def _as_single_bytes(text: str) -> bytes | None:
    """The bytes a tool read one character per byte (latin-1, or cp1252 for 0x80-0x9F), or None."""
    try:
        return text.encode("latin-1")
    except UnicodeEncodeError:
        if len(text) > 2_000_000:
            return None  # (the per-character way below is for texts of a report's size)
    out = bytearray()
    for ch in text:
        o = ord(ch)
        if o < 0x100:
            out.append(o)
            continue
        try:
            out += ch.encode("cp1252")
        except UnicodeEncodeError:
            return None
    return bytes(out)


_ENTITY_RUN_RE = re.compile(r"&#(?:\d{2,7}|[xX][0-9a-fA-F]{2,6});")
_U_ESCAPE_RE = re.compile(r"\\u([0-9a-fA-F]{4})")
_PERCENT_RE = re.compile(r"%[0-9A-Fa-f]{2}")
_JS_ESCAPE_RE = re.compile(r"\\(u[0-9a-fA-F]{4}|[nrt\"\\/bf])")
_JS_SIMPLE = {"n": "\n", "r": "\n", "t": "\t", '"': '"', "\\": "\\", "/": "/", "b": "", "f": "\f"}


def _js_unescape(m: re.Match) -> str:
    code = m.group(1)
    return chr(int(code[1:], 16)) if code[0] == "u" else _JS_SIMPLE[code]


def _repairs(text: str, markup: bool):
    """(what was wrong, repaired text) candidates, most specific first; in markup (HTML) only the byte
    reversals (its references, its scripts' escapes and its URLs' percent signs are the page's own)."""
    single = _as_single_bytes(text) if any(0x80 <= ord(c) < 0x100 for c in text[:20000]) else None
    if single is not None:
        for enc, what in (("utf-8", "UTF-8 read one byte per character (latin-1/cp1252) and saved again"),
                          ("gb18030", "GBK read one byte per character (latin-1/cp1252) and saved again")):
            try:
                yield what, single.decode(enc)
            except UnicodeDecodeError:
                pass
    try:
        yield "UTF-8 read as GBK and saved again", text.encode("gb18030").decode("utf-8", errors="replace")
    except UnicodeEncodeError:
        pass
    if markup:
        return
    if len(_ENTITY_RUN_RE.findall(text[:20000])) >= 50:
        yield "every character written as an HTML character reference", html.unescape(text)
    if len(_U_ESCAPE_RE.findall(text[:20000])) >= 50:
        yield "a JSON string's escapes (\\uXXXX, \\n) left in the text", _JS_ESCAPE_RE.sub(_js_unescape, text)
    if len(_PERCENT_RE.findall(text[:20000])) >= 100:
        from urllib.parse import unquote

        yield "percent-encoded text (%E6%94%BF…)", unquote(text, errors="replace")


def repair_damaged_text(text: str, notes: list[str], markup: bool = False) -> str:
    """The text itself, or its one exact repair that carries the report's markers (with a note)."""
    from transforms.ingest.markers import is_report_text

    if is_report_text(text):
        return text
    for what, fixed in _repairs(text, markup):
        if is_report_text(fixed) and fixed.count("\ufffd") <= max(50, len(fixed) // 20):
            notes.append(f"encoding_repaired: the text was {what}; read as repaired")
            return fixed.replace("\r\n", "\n").replace("\r", "\n")
    return text
