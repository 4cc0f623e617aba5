"""Bytes to clean text: charset detection and the normalisation every reader shares."""

from __future__ import annotations

import codecs
import re
import unicodedata

import charset_normalizer
from charset_normalizer.md import mess_ratio

from storylens.errors import UnreadableInput

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# A page with a stray NUL is repaired; one that is over 1% NUL is binary or corrupt, not news.
MAX_NUL_RATIO = 0.01
# After decoding, more than 5% control/unassigned characters means the guess was wrong or the
# bytes are not text at all (random bytes decode "successfully" in single-byte charsets).
MAX_CONTROL_RATIO = 0.05
# charset-normalizer ranks Baltic/Central-European code pages first on short Western text
# (a latin-1 "Café crème" came out as cp1257 "crčme"). cp1252 is the WHATWG default for
# undeclared Western pages, so it wins unless another guess is clearly less messy.
CP1252_MESS_MARGIN = 0.1


def decode_bytes(data: bytes, source: str, declared: str | None = None) -> str:
    """Decode ``data`` to str: BOM, then UTF-8, then the declared charset, then detection.

    Raises:
        UnreadableInput: when the bytes are binary or in no recognisable encoding.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(data.decode(encoding, errors="replace"), source)
    nul = data.count(0)
    if nul and nul > MAX_NUL_RATIO * len(data):
        raise UnreadableInput(source, f"binary data ({nul} NUL bytes in {len(data)}), not text")
    data = data.replace(b"\x00", b"")
    try:
        return _checked(data.decode("utf-8"), source)
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return _checked(data.decode(_codec_name(declared)), source)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown declaration is common; fall through to detection
    return _checked(_detect(data, source), source)


def _codec_name(label: str) -> str:
    label = label.strip().strip("\"'").lower()
    # WHATWG: "latin1"/"iso-8859-1"/"ascii" labels mean windows-1252 on the web.
    if label in {"latin1", "latin-1", "iso-8859-1", "iso8859-1", "ascii", "us-ascii"}:
        return "cp1252"
    return codecs.lookup(label).name


def _detect(data: bytes, source: str) -> str:
    best = charset_normalizer.from_bytes(data).best()
    try:
        western: str | None = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if best is None:
        if western is None:
            raise UnreadableInput(source, "bytes are in no text encoding storylens recognises")
        return western
    guessed = str(best)
    if western is not None and mess_ratio(western) <= mess_ratio(guessed) + CP1252_MESS_MARGIN:
        return western
    return guessed


# Control characters (but tab and newlines), surrogates, private use and the replacement
# character: what a wrong decoding or binary data leaves behind.
_GARBAGE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff\ufffd]")


def _checked(text: str, source: str) -> str:
    if text:
        bad = len(_GARBAGE.findall(text))
        if bad > MAX_CONTROL_RATIO * len(text):
            raise UnreadableInput(source, "binary data or unknown encoding, not text")
    return text


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\ufeff\ufffe\uffff]")
_TRAILING_SPACE = re.compile(r"[ \t\u00a0]+\n")
_BLANK_RUN = re.compile(r"\n\s*\n\s*")


def clean_text(text: str) -> str:
    """Normalise article text: NFC, one newline style, no control characters, one blank line
    between paragraphs, no trailing spaces. Single newlines inside a paragraph are kept."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n\n")
    text = _CONTROL.sub("", text)
    text = text.replace("\t", " ")
    text = _TRAILING_SPACE.sub("\n", text)
    text = _BLANK_RUN.sub("\n\n", text)
    return text.strip()


def lines_to_paragraphs(text: str) -> str:
    """Extractors give one paragraph per line; storylens separates paragraphs by a blank line."""
    return "\n\n".join(line.strip() for line in text.splitlines() if line.strip())


def charset_of(content_type: str | None) -> str | None:
    """The ``charset`` parameter of a Content-Type header value, if any."""
    for part in (content_type or "").split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"'")
    return None
