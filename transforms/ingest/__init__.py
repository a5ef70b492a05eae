"""Landing-zone ingest: files -> text, as a package.

- `discover`: walk the input folder (symlinks, oversize, duplicates, excluded folders, file names
  of any bytes), hash, accept or reject each file (`scan_landing`).
- `decode`: bytes -> text for the text formats (encodings, repairs).
- `readers`: the table of readers and format sniffing; one module per binary format:
  `pdf` (pdfplumber + pypdfium2), `docx` (python-docx body walker), `doc` (LibreOffice), with
  `ocr` (optional rapidocr) and `html` (lxml) for HTML text.
- `markers`: report markers and the landing's year guess; `frames`: the landing frames.

Every reader returns the same text shape: page text in reading order, each table row one line
with tab-separated cells (merged cell text in the top-left slot, covered slots empty), pages
separated by form feeds.
"""

from transforms.ingest.base import Reading, ReaderError
from transforms.ingest.decode import DecodeError, decode_bytes
from transforms.ingest.discover import (
    CHECK_NAMES,
    DEFAULT_MAX_BYTES,
    NOTE_NAMES,
    REPORT_YEAR_MAX,
    REPORT_YEAR_MIN,
    LandingFile,
    display_name,
    real_path,
    report_id_for,
    scan_landing,
)
from transforms.ingest.frames import MANIFEST_SCHEMA, RAW_REPORTS_SCHEMA, manifest_frame, raw_reports_frame
from transforms.ingest.html import html_to_text
from transforms.ingest.markers import guess_year, is_report_text
from transforms.ingest.readers import READERS, detect_format, read_document

__all__ = [
    "CHECK_NAMES", "DEFAULT_MAX_BYTES", "DecodeError", "LandingFile", "MANIFEST_SCHEMA",
    "NOTE_NAMES", "RAW_REPORTS_SCHEMA", "READERS", "REPORT_YEAR_MAX", "REPORT_YEAR_MIN", "Reading",
    "ReaderError", "decode_bytes", "detect_format", "display_name", "guess_year", "html_to_text",
    "is_report_text", "manifest_frame", "raw_reports_frame", "read_document", "real_path",
    "report_id_for", "scan_landing",
]
