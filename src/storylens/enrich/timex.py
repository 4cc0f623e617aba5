"""Relative dates normalised against the article's date: "on Tuesday" in an article of
Wednesday 2022-04-06 is 2022-04-05; "tomorrow" is the next day; "April 7" takes the article's
year. A phrase that cannot be pinned to one day gives None, never a guess."""

from __future__ import annotations

import re
from datetime import date, timedelta

from storylens.ingest.dates import match_date

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        "january february march april may june july august september october november "
        "december".split()
    )
}
_MONTH_DAY = re.compile(
    r"\b(" + "|".join(_MONTHS) + r")\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b|"
    r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(" + "|".join(_MONTHS) + r")\b",
    re.IGNORECASE,
)


def normalise_date(phrase: str, article_date: date | None, *, future: bool = False) -> str | None:
    """ISO date for ``phrase``, or None.

    >>> normalise_date("on Tuesday", date(2022, 4, 6))
    '2022-04-05'
    >>> normalise_date("April 7", date(2022, 4, 6))
    '2022-04-07'
    """
    folded = phrase.casefold()
    full = match_date(phrase, whole=False) if re.search(r"\b(19|20)\d\d\b", phrase) else None
    if full is not None:
        return full.isoformat()
    if article_date is None:
        return None
    if re.search(r"\btoday\b|\bthis morning\b|\btonight\b", folded):
        return article_date.isoformat()
    if "yesterday" in folded:
        return (article_date - timedelta(days=1)).isoformat()
    if "tomorrow" in folded:
        return (article_date + timedelta(days=1)).isoformat()
    m = _MONTH_DAY.search(phrase)
    if m:
        month = _MONTHS[(m.group(1) or m.group(4)).casefold()]
        day = int(m.group(2) or m.group(3))
        try:
            return date(article_date.year, month, day).isoformat()
        except ValueError:
            return None
    for i, name in enumerate(_WEEKDAYS):
        if re.search(rf"\b{name}\b", folded):
            if "next" in folded or (future and "last" not in folded):
                ahead = (i - article_date.weekday()) % 7 or 7
                return (article_date + timedelta(days=ahead)).isoformat()
            # news reports the past: the latest such day on or before the article's date
            back = (article_date.weekday() - i) % 7
            return (article_date - timedelta(days=back)).isoformat()
    return None
