"""Bytes to clean text: charset detection and the normalisation every reader shares."""

from __future__ import annotations

import codecs
import re
import unicodedata

import charset_normalizer
import ftfy
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
# Cleaning repeats until a pass changes nothing (a mojibake repair can leave a control character
# or an edge space); in 30,000 generated texts (2026-11-23) none changed after a second pass.
MAX_CLEAN_PASSES = 4


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


# Mojibake: UTF-8 bytes read as windows-1252 or latin-1 ("PeÃ±a" for "Peña", "FranÃ\x83Â§ois"
# when it happened twice) show a letter of U+00C2-U+00F4 (a UTF-8 lead byte) before a character
# a continuation byte (0x80-0xBF) becomes in those code pages. Only lines with that pair go to
# ftfy, which decides whether they are mojibake (measured: checking every line costs ~30 ms an
# article; docs/design.md). Only its encoding repairs are on: quotes stay curly, entities and
# widths as written (the readers handle those).
_MOJIBAKE_HINT = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
    "\u02c6\u02dc\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030"
    "\u2039\u203a\u20ac\u2122]"
)
_FTFY = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    remove_control_chars=False,
    normalization="NFC",
    explain=False,
)


def repair_mojibake(text: str) -> str:
    """Text whose UTF-8 was decoded as windows-1252 or latin-1 (once or twice) decoded right,
    line by line; other lines unchanged. ``text`` is NFC (mojibake stored decomposed, "A" and a
    combining tilde for "Ã", shows its pairs only once composed)."""
    if not _MOJIBAKE_HINT.search(text):
        return text
    lines = text.split("\n")
    return "\n".join(
        ftfy.fix_text(line, _FTFY) if _MOJIBAKE_HINT.search(line) else line for line in lines
    )


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\ufeff\ufffe\uffff]")
_TRAILING_SPACE = re.compile(r"[ \t\u00a0]+\n")
_BLANK_RUN = re.compile(r"\n\s*\n\s*")


def clean_text(text: str) -> str:
    """Normalise article text: mojibake repaired, NFC, one newline style, no control characters,
    one blank line between paragraphs, no trailing spaces. Single newlines inside a paragraph
    are kept. Cleaning clean text changes nothing: a repair can leave text a second pass would
    change (a control character gone, a space stripped), so passes repeat until none does."""
    for _ in range(MAX_CLEAN_PASSES):
        cleaned = _clean_once(text)
        if cleaned == text:
            break
        text = cleaned
    return text


def _clean_once(text: str) -> str:
    text = repair_mojibake(unicodedata.normalize("NFC", text))
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
