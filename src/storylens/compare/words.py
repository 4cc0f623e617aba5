"""Small word helpers the comparison shares: plain word lists from text, with stop words out."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

STOP_WORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it its
    itself just me more most my myself no nor not now of off on once only or other our ours out over
    own same she should so some such than that the their theirs them themselves then there these
    they this those through to too under until up very was we were what when where which while who
    whom why will with would you your yours yourself said says say told according mr mrs ms one
    new also per cent percent s""".split()
)
_WORD = re.compile(r"[^\W\d_](?:[\w'’-]*\w)?", re.UNICODE)


_LETTERS = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe"})


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower case without accents: "Süleyman" -> "suleyman", "Adıyaman" -> "adiyaman".

    Cached: the comparison folds the same sentences for many pairs of reports."""
    if text.isascii():
        return text.lower()  # the same as casefold for ASCII
    decomposed = unicodedata.normalize("NFKD", text.translate(_LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A crude singular: "warplanes" -> "warplane", "systems" -> "system" (not "glass")."""
    w = fold(word).replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def content_words(text: str) -> list[str]:
    """The stemmed words of ``text`` that are not stop words, in order."""
    return [s for w in _WORD.findall(text) if (s := stem(w)) not in STOP_WORDS and len(s) > 1]


def word_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, word) of every word of ``text``."""
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
