"""Landing-zone discovery: walk the input, hash, run the reader of each file, accept or reject.

Pure Python + polars (no Dagster, no network). `scan_landing` turns an input folder into one
`LandingFile` per path found there; `manifest_frame` turns those into the `landing_manifest`
frame of docs/architecture.md, `raw_reports_frame` into `raw_reports`.

Every path under the input folder yields exactly one row, in sorted relative-posix-path order,
and no problem with one file stops the scan. Decisions, and why:

- **Hidden files and folders are processed like any other** (nothing is skipped silently): a
  stray `.DS_Store` gets a rejected row (binary_file / not_a_report), a hidden copy of a report
  is ingested (or is a `duplicate`). Only the caller can decide that a path is noise; the manifest shows it.
- **Content decides the format, not the extension.** Binary signatures are sniffed first
  (`%PDF-` -> pdf, ZIP with `word/` -> docx, OLE2 with a WordDocument stream -> doc; RTF, other
  archives -> unsupported; PNG/JPEG/
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

- **File names**: any name the filesystem allows works. `source_path` is a printable, injective
  escape of the real name (`display_name`: undecodable bytes, backslash, control and bidi
  characters, and a '%' that would read as an escape become '%XX' of their bytes); the file is
  always opened by its real path (`real_path` inverts the escape exactly), never by a guess.
- **Excluded paths** (`exclude`, e.g. the warehouse when it sits inside the input folder) are not
  walked at all and get no row.

Check names used on rejected rows: see CHECK_NAMES (the readers add encrypted_document,
corrupt_document, empty_document, image_only_document, ocr_needed, converter_missing,
conversion_failed).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import stat
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Iterable

from transforms.ingest.base import Reading, ReaderError
from transforms.ingest.decode import DecodeError
from transforms.ingest.markers import _guess_year_nfkc, _has_markers, not_a_disclosure_report
from transforms.ingest import mime
from transforms.ingest.readers import DOC_EXT, TEXT_EXT, read_document, sniff_binary

DEFAULT_MAX_BYTES = 20 * 1024 * 1024

# Same bounds as the landing_manifest / raw_reports contracts (expectations/contracts.py); kept as
# constants here because transforms must not import the validation layer.
REPORT_YEAR_MIN, REPORT_YEAR_MAX = 2008, 2100

CHECK_NAMES = (
    "empty_file", "binary_file", "undecodable", "not_a_report", "oversize", "duplicate",
    "symlink_outside_input", "unsupported_format", "unreadable", "special_file", "no_report_year",
    "encrypted_document", "corrupt_document", "empty_document", "image_only_document", "ocr_needed",
    "converter_missing", "conversion_failed",
)
NOTE_NAMES = ("extension_mismatch", "nul_bytes_removed", "incomplete_trailing_bytes", "bidi_controls_removed",
              "ocr_needed", "ocr_used", "mixed_encodings", "encoding_repaired")

_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class LandingFile:
    """One path found under the input folder, with the verdict of the landing checks.

    `text` is the decoded text (CRLF -> LF, stray NULs removed, HTML/PDF/Word already rendered to
    text) for accepted files and None for rejected ones. `text_complete` is False when the text is
    a reader's probe (a PDF's text layer without its table cells: the scan decides on it, the raw
    stage reads the file in full); `raw_reports_frame` then reads the file again.
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
    text_complete: bool = True


def report_id_for(data: bytes) -> str:
    """Stable report id: the first 16 hex characters of the sha256 of the raw file bytes.

    Content-addressed on purpose, so renaming or moving a file does not change its id.
    """
    return hashlib.sha256(data).hexdigest()[:16]


# ============================================================================================
# file names
# ============================================================================================
_HEX = frozenset("0123456789abcdefABCDEF")
_ESCAPE_RE = re.compile(rb"%([0-9A-Fa-f]{2})")


def display_name(raw: bytes | str) -> str:
    """A printable, injective text form of one file-name component (bytes as the OS gives them).

    Kept as is: every printable character (CJK, spaces). Escaped as '%XX' of its bytes: a byte
    that is not UTF-8, a backslash (the contract's posix paths exclude it), control and format
    characters (newline, tab, U+202E ...), and a '%' followed by two hex digits (so every '%XX'
    in a display name is an escape and `real_path` can invert it exactly).
    """
    if isinstance(raw, str):
        raw = os.fsencode(raw)
    s = raw.decode("utf-8", "surrogateescape")
    out: list[str] = []
    for i, ch in enumerate(s):
        o = ord(ch)
        if 0xDC80 <= o <= 0xDCFF:  # an undecodable byte
            out.append(f"%{o - 0xDC00:02X}")
        elif (ch == "\\" or (ch == "%" and len(s) >= i + 3 and s[i + 1] in _HEX and s[i + 2] in _HEX)
              or (not ch.isprintable() and unicodedata.category(ch) != "Zs")):
            out.append("".join(f"%{b:02X}" for b in ch.encode("utf-8", "surrogatepass")))
        else:
            out.append(ch)
    return "".join(out)


def _display(rel_parts: tuple[str, ...]) -> str:
    return "/".join(display_name(p) for p in rel_parts)


def real_path(input_dir: str | Path, source_path: str) -> Path:
    """The real path of a manifest `source_path` (exact inverse of `display_name` per component)."""
    raw = _ESCAPE_RE.sub(lambda m: bytes([int(m.group(1), 16)]), source_path.encode("utf-8"))
    return Path(input_dir) / os.fsdecode(raw)


# ============================================================================================
# scanning
# ============================================================================================
@dataclass(frozen=True)
class _Entry:
    rel: str
    path: Path
    kind: str  # 'file' | 'symlink' | 'dir_error'
    error: str | None = None


def _walk(root: Path, exclude: frozenset[str] = frozenset()) -> list[_Entry]:
    """Every non-directory path under root, without following symlinks (deterministic order is
    imposed by the caller). Unlistable directories become entries so they are reported; folders
    whose real path is in `exclude` are not entered."""
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
                if exclude and os.path.realpath(child.path) in exclude:
                    continue
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

    txt and md count as agreeing (markdown is plain text here), pdf-ocr is a pdf, and a .mht/.eml
    message's body is HTML or text; no extension claims nothing.
    """
    if not ext:
        return None
    claimed = TEXT_EXT.get(ext) or DOC_EXT.get(ext)
    if claimed == fmt or {claimed, fmt} == {"txt", "md"} or (claimed == "pdf" and fmt == "pdf-ocr"):
        return None
    if ext in mime.EXTENSIONS and fmt in ("html", "txt"):
        return None  # a message's body is HTML or plain text
    return (f"extension_mismatch: file is named '{ext}' but its content is {label}; "
            f"processed as '{fmt}' by content")


def _read_checked(rel: str, path: Path, max_bytes: int) -> LandingFile | tuple[bytes, str, int]:
    """stat, read and hash one file: a rejected row (unreadable, special, oversize, empty) or (data, sha256, size)."""
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
    return data, sha, size


def _duplicate(rel: str, first: str, sha: str, size: int) -> LandingFile:
    return _reject(rel, "duplicate", f"duplicate of '{first}' (same sha256); only the first "
                   "copy in sorted path order is processed", sha=sha, size=size)


def _process_file(rel: str, path: Path, max_bytes: int, seen: dict[str, str],
                  year_of: Callable[[str], int | None] | None) -> LandingFile:
    """All checks for one regular file (or a link followed once), in a fixed order."""
    got = _read_checked(rel, path, max_bytes)
    if isinstance(got, LandingFile):
        return got
    data, sha, size = got
    if sha in seen:
        return _duplicate(rel, seen[sha], sha, size)
    seen[sha] = rel
    return _decide(rel, path, data, sha, size, year_of)


def _decide(rel: str, path: Path, data: bytes, sha: str, size: int,
            year_of: Callable[[str], int | None] | None) -> LandingFile:
    """Sniff, read and judge one file's bytes (everything after the duplicate check)."""
    ext = path.suffix.lower()
    binary = sniff_binary(data)
    fmt_guess = binary.source_format if binary is not None else "unknown"
    # A PDF is decided on its reader's probe (its text layer, a few ms per page): the tables are
    # parsed once, by the raw stage, in the engine's process pool. A probe that cannot tell (no
    # report markers, no year, no text) is never trusted to reject: the file is then read in full.
    for probe in (True, False):
        try:
            reading, label = read_document(data, ext, binary, probe=probe)
        except ReaderError as err:
            return _reject(rel, err.check_name, str(err), sha=sha, size=size, fmt=fmt_guess)
        except DecodeError as err:
            what = "binary file" if err.check_name == "binary_file" else "undecodable text"
            return _reject(rel, err.check_name, f"{what}: {err}", sha=sha, size=size)
        except (Exception, RecursionError) as err:  # noqa: BLE001 - one file's reader failing never stops the batch
            return _reject(rel, "corrupt_document", f"the file could not be read ({err.__class__.__name__}: "
                           f"{str(err)[:160]})", sha=sha, size=size, fmt=fmt_guess)
        row = _verdict(rel, sha, size, ext, binary is not None, reading, label, year_of)
        if reading.complete or row.status == "accepted":
            return row
    return row


def _verdict(rel: str, sha: str, size: int, ext: str, is_binary: bool, reading: Reading, label: str,
             year_of: Callable[[str], int | None] | None) -> LandingFile:
    """Accept or reject one read file: text, report markers, a year in range."""
    text, fmt, enc, notes = reading.text, reading.source_format, reading.encoding, list(reading.notes)
    note = _ext_note(ext, fmt, label)
    if note:
        notes.insert(0, note)
    if not text.strip():
        return _reject(rel, "empty_file", "file contains only whitespace"
                       + (" (no visible text after rendering the HTML)" if fmt == "html" else
                          " (no text in the document)" if is_binary else ""),
                       sha=sha, size=size, fmt=fmt, enc=enc)
    nfkc = unicodedata.normalize("NFKC", text)  # once per file: it is the costliest step
    if not _has_markers(nfkc):
        lost = nfkc.count("\ufffd") + 3 * nfkc.count("锟斤拷")
        if lost >= 20:
            return _reject(rel, "undecodable", f"the text was damaged before it was saved ({lost} characters lost "
                           "to a wrong decoding: U+FFFD or 锟斤拷); no report markers can be read", sha=sha, size=size,
                           fmt=fmt, enc=enc)
        return _reject(rel, "not_a_report", "text has no disclosure-report markers "
                       "(政府信息公开/政府信息公開/政府資訊公開 and 报告/報告)", sha=sha, size=size, fmt=fmt, enc=enc)
    other = not_a_disclosure_report(nfkc)
    if other:
        return _reject(rel, "not_a_report", other, sha=sha, size=size, fmt=fmt, enc=enc)
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
    return LandingFile(rel, sha, size, fmt, enc, int(year), "accepted", check, message, text,
                       reading.complete)


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
    exclude: Iterable[str | Path] = (),
    *,
    options=None,
    texts: bool = True,
    stats: list | None = None,
) -> list[LandingFile]:
    """Scan `input_dir` recursively and return one LandingFile per path, sorted by source_path.

    Every file (hidden ones included) gets exactly one row, accepted or rejected with a check
    name and an English message; no single bad file stops the scan. `max_bytes` bounds how much
    of a file is held in memory (larger files are 'oversize'). `year_of` receives the NFKC text
    of each candidate report and returns its year (default: `guess_year`). `exclude` lists
    folders or files (e.g. the warehouse) that are not scanned at all. Raises
    FileNotFoundError / NotADirectoryError if `input_dir` itself is missing or not a folder.

    `options` (a `transforms.engine.EngineOptions`) runs the per-file work (read, hash, decode,
    year guess) on the batch engine's process pool, in bounded batches (in-process for a small
    folder, as the engine decides); `year_of` must then be a module-level function. The rows are
    the same, in the same order: duplicates are decided afterwards in sorted path order. With
    `texts=False` no row keeps its text (the manifest needs none; holding every text would cost
    the whole corpus in memory). `stats` receives the engine's StageStats of the scan.
    """
    input_dir = Path(input_dir)
    if not input_dir.exists():
        raise FileNotFoundError(f"input folder does not exist: {input_dir}")
    if not input_dir.is_dir():
        raise NotADirectoryError(f"input path is not a folder: {input_dir}")
    root = input_dir.resolve()
    skip = frozenset(os.path.realpath(p) for p in exclude)
    entries = sorted(_walk(input_dir, skip), key=lambda e: e.rel)

    rows: dict[str, LandingFile] = {}
    seen: dict[str, str] = {}  # sha256 -> first rel path (regular files, sorted order)
    links: list[_Entry] = []
    files = [e for e in entries if e.kind == "file"]
    for e in entries:
        if e.kind == "dir_error":
            rows[e.rel] = _reject(e.rel, "unreadable", f"cannot list or inspect: {e.error}")
        elif e.kind == "symlink":
            links.append(e)
    if options is None:
        for e in files:
            rows[e.rel] = _drop_text(_process_file(e.rel, e.path, max_bytes, seen, year_of), texts)
    else:
        for e, (row, eligible) in zip(files, _scan_on_engine(files, max_bytes, year_of, texts, options, stats)):
            if eligible and row.sha256 in seen:
                row = _duplicate(e.rel, seen[row.sha256], row.sha256, row.size_bytes)
            elif eligible:
                seen[row.sha256] = e.rel
            rows[e.rel] = row

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
            rows[e.rel] = _drop_text(_process_file(e.rel, e.path, max_bytes, seen, year_of), texts)
    return [rows[k] for k in sorted(rows)]


def _drop_text(row: LandingFile, texts: bool) -> LandingFile:
    return row if texts or row.text is None else replace(row, text=None)


# ---- the scan on the batch engine (transforms.engine): one file per engine row ----------------------
def _scan_one(row: dict, state: dict, max_bytes: int, year_of, texts: bool) -> dict:
    """One regular file, every check but the duplicate one (which needs the files before it in order).

    Returns the pickled (LandingFile, eligible): `eligible` when the file reached the duplicate
    check (read, not oversize, not empty), so the caller can still reject it as a duplicate.
    """
    rel, path = row["rel"], Path(os.fsdecode(row["path"]))
    got = _read_checked(rel, path, max_bytes)
    if isinstance(got, LandingFile):
        out = (got, False)
    else:
        data, sha, size = got
        out = (_drop_text(_decide(rel, path, data, sha, size, year_of), texts), True)
    return {"rows": [{"row": pickle.dumps(out, protocol=pickle.HIGHEST_PROTOCOL)}]}


def _scan_timeout(row: dict, state: dict, budget_s: float, **_) -> dict:  # pragma: no cover - the scan has no budget
    return _scan_reject(row, f"reading this file took longer than the {budget_s:g} s budget; not read")


def _scan_crash(row: dict, **_) -> dict:
    return _scan_reject(row, "reading this file stopped its worker process twice (crash or out of memory); not read")


def _scan_reject(row: dict, msg: str) -> dict:
    out = (_reject(row["rel"], "unreadable", msg), False)
    return {"rows": [{"row": pickle.dumps(out, protocol=pickle.HIGHEST_PROTOCOL)}]}


def _scan_on_engine(files: list[_Entry], max_bytes: int, year_of, texts: bool, options,
                    stats: list | None) -> list[tuple[LandingFile, bool]]:
    """The per-file work of the scan on the engine (no time budget: the scan never had one)."""
    import polars as pl

    from transforms import engine

    stage = engine.Stage("manifest", _scan_one, {"rows": {"row": pl.Binary}}, _scan_timeout, _scan_crash,
                         path_of=_scan_path)
    frame = pl.DataFrame({"rel": [e.rel for e in files], "path": [os.fsencode(e.path) for e in files]},
                         schema={"rel": pl.String, "path": pl.Binary})
    out = engine.run_stage(stage, frame, replace(options, budget_s=0.0),
                           {"max_bytes": max_bytes, "year_of": year_of, "texts": texts})
    rows = [pickle.loads(b) for b in out.frames["rows"]["row"]]
    if stats is not None:
        out.stats.bytes_in = sum(r.size_bytes or 0 for r, _ in rows)
        stats.append(out.stats)
    return rows


def _scan_path(row: dict) -> str:
    return row["rel"]
