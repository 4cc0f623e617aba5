"""Publication dates: parse what a format states; find a dateline in text; never invent one.

A value with a time and a UTC offset becomes an aware datetime; a value with only a day, or a
time without a zone, becomes a date (a naive time would pretend to a precision we lack).
"""

from __future__ import annotations

import email.utils
import re
from datetime import date, datetime
from urllib.parse import urlsplit

from storylens.model import Published

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_PATTERNS = [
    re.compile(r"\b" + _YEAR + r"-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)\b"),
    re.compile(r"\b" + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + r"\b", re.IGNORECASE),
    re.compile(r"\b" + _DAY + r"\s+(?:of\s+)?" + _MONTH + r",?\s+" + _YEAR + r"\b", re.IGNORECASE),
]


def parse_date(value: object) -> Published:
    """Parse a stated date (ISO 8601, RFC 2822, "6 April 2022", "April 6, 2022").

    Returns ``None`` for anything it cannot read with certainty.

    >>> parse_date("2022-04-06")
    datetime.date(2022, 4, 6)
    >>> parse_date("Wed, 06 Apr 2022 10:00:00 +0200").isoformat()
    '2022-04-06T10:00:00+02:00'
    """
    if isinstance(value, datetime):
        return value if value.tzinfo is not None else value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text:
        return None
    iso = text.replace("Z", "+00:00") if text.endswith("Z") else text
    try:
        parsed = datetime.fromisoformat(iso)
    except ValueError:
        pass
    else:
        if len(text) <= 10:
            return parsed.date()
        return parsed if parsed.tzinfo is not None else parsed.date()
    try:
        rfc = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        rfc = None
    if rfc is not None:
        return rfc if rfc.tzinfo is not None else rfc.date()
    return match_date(text, whole=True)


def match_date(text: str, *, whole: bool) -> date | None:
    for pattern in _PATTERNS:
        m = pattern.fullmatch(text.strip()) if whole else pattern.search(text)
        if m is None:
            continue
        if not whole and not _is_dateline(text, m):
            return None
        groups = m.groupdict()
        month = int(groups["mnum"]) if groups.get("mnum") else _MONTHS[groups["month"].lower()]
        try:
            return date(int(groups["year"]), month, int(groups["day"]))
        except ValueError:
            return None
    return None


# A dateline is a short line near the top ("Published: April 6, 2022 10:30", "By X | 6 Apr
# 2022"). Dates inside running prose ("on January 5, 2021 the court...") are about events, not
# publication, so only short lines among the first few are read.
DATELINE_MAX_CHARS = 80
DATELINE_LINES = 4


_DATELINE_WORDS = re.compile(r"\b(published|updated|posted|date|by)\b|[|•·]", re.IGNORECASE)
_TIME = re.compile(r"\b\d{1,2}:\d\d(?::\d\d)?\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?", re.IGNORECASE)
# What may stand beside the date on a dateline that has no marker word: a place or weekday.
DATELINE_REST_CHARS = 25


def _is_dateline(line: str, m: re.Match[str]) -> bool:
    """A headline that mentions a date is not a dateline: the date must be the line's point."""
    if _DATELINE_WORDS.search(line):
        return True
    rest = _TIME.sub("", line[: m.start()] + line[m.end() :])
    return len(rest.strip(" ,.-–—:;()")) <= DATELINE_REST_CHARS


# A news URL often carries its publication day in the path: /2023/02/14/slug, /2023-08-24-slug,
# /2023/aug/19/, /20230815-slug. Only whole days count (a month alone is no date), only as the
# start of a path segment, and only in the path (a query's numbers are ids).
_URL_MONTH = r"(?P<mname>" + "|".join(m for m in _MONTHS if len(m) == 3) + r")"
_URL_DATES = [
    re.compile(r"/" + _YEAR + r"[/-](?P<mnum>[01]?\d)[/-](?P<day>[0-3]?\d)(?=[/_.-]|$)"),
    re.compile(r"/" + _YEAR + r"/" + _URL_MONTH + r"/(?P<day>[0-3]?\d)(?=[/_.-]|$)", re.I),
    re.compile(r"/" + _YEAR + r"(?P<mnum>[01]\d)(?P<day>[0-3]\d)(?=[/_.-]|$)"),
]
EARLIEST_URL_YEAR = 1995  # before the web had news sites, a "year" in a path is something else


def date_in_url(url: str | None) -> date | None:
    """The publication day a news URL's path states, else ``None``.

    >>> date_in_url("https://example.com/2023/02/14/train-derailment/")
    datetime.date(2023, 2, 14)
    >>> date_in_url("https://example.com/news/2023/02/controlled-burn") is None
    True
    """
    if not url:
        return None
    path = urlsplit(url).path
    for pattern in _URL_DATES:
        for m in pattern.finditer(path):
            groups = m.groupdict()
            year = int(groups["year"])
            if year < EARLIEST_URL_YEAR:
                continue
            month = _MONTHS[groups["mname"].lower()] if groups.get("mname") else int(groups["mnum"])
            try:
                return date(year, month, int(groups["day"]))
            except ValueError:
                continue
    return None


def find_dateline(text: str) -> date | None:
    """A publication date stated on a short line at the top of ``text``, else ``None``."""
    lines = [line for line in text.splitlines() if line.strip()][:DATELINE_LINES]
    for line in lines:
        if len(line) <= DATELINE_MAX_CHARS:
            found = match_date(line, whole=False)
            if found is not None:
                return found
    return None
