"""Alias rules: when two surface forms name the same person, organisation or place.

Pure functions over strings, used twice: to group an article's mentions into local entities,
and to match those against the store's entities (:mod:`storylens.enrich.resolve`).

Rules, each conservative because a wrong merge is worse than a missed one:
- persons match on surname plus a compatible first name ("Antony" ~ "Anthony": one letter
  inserted; "A." ~ "Antony"); a surname alone joins a full name only when that full name is
  the only one with the surname in reach (the article, or else the store);
- titles are not names ("Secretary Blinken" is Blinken); "Jr." and the like are dropped;
- "Full Name (ACR)" makes ACR an alias of Full Name; an organisation's initials
  ("North Atlantic Treaty Organization" -> NATO) match its acronym;
- places have a small table of common variants ("US", "U.S.", "USA", "United States").
"""

from __future__ import annotations

import re
import unicodedata

_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_ACRONYM_STOP = frozenset({"of", "the", "and", "for", "on", "in", "de", "du", "des", "la", "le"})
_WORD = re.compile(r"[\w'’-]+")

# Variants of the same place name that no string rule can see. Keys and values are normalised
# (see `normalise`); the value is the canonical key.
PLACE_VARIANTS = {
    "us": "united states",
    "usa": "united states",
    "united states of america": "united states",
    "america": "united states",
    "uk": "united kingdom",
    "britain": "united kingdom",
    "great britain": "united kingdom",
    "uae": "united arab emirates",
    "eu": "european union",
    "un": "united nations",
    "ussr": "soviet union",
    "drc": "democratic republic of the congo",
    "dprk": "north korea",
    "rok": "south korea",
    "prc": "china",
    "people's republic of china": "china",
    "türkiye": "turkey",
    "turkiye": "turkey",
}


def normalise(name: str) -> str:
    """Case-folded, accent-stripped, dot-free, single-spaced name; no leading "the".

    >>> normalise("the U.S.")
    'us'
    """
    folded = unicodedata.normalize("NFKD", name.casefold())
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    folded = folded.replace(".", "").replace("’", "'")
    words = folded.split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def name_key(name: str) -> str:
    """The key under which a non-person name is looked up (place variants folded)."""
    key = normalise(name)
    return PLACE_VARIANTS.get(key, key)


def person_parts(name: str) -> tuple[str | None, str]:
    """(first name or None, surname) of a person's name, normalised.

    >>> person_parts("Antony J. Blinken")
    ('antony', 'blinken')
    >>> person_parts("Blinken")
    (None, 'blinken')
    """
    words = [w for w in normalise(name).split() if w not in _SUFFIXES]
    if not words:
        return None, ""
    if len(words) == 1:
        return None, words[0]
    return words[0], words[-1]


# Common English short forms of first names and the names they shorten. A name that merely
# begins like another is no evidence ("Dan" / "Daniela"): only these pairs are.
SHORT_FORMS: dict[str, frozenset[str]] = {
    short: frozenset(full.split())
    for short, full in {
        "abe": "abraham",
        "al": "albert alfred alan allan",
        "alex": "alexander alexandra",
        "andy": "andrew",
        "ben": "benjamin",
        "bill": "william",
        "bob": "robert",
        "chris": "christopher christine christina",
        "dan": "daniel",
        "dave": "david",
        "don": "donald",
        "ed": "edward edwin",
        "jen": "jennifer",
        "jenni": "jennifer",
        "jenny": "jennifer",
        "jim": "james",
        "jimmy": "james",
        "joe": "joseph",
        "jon": "jonathan",
        "kate": "katherine catherine kathryn",
        "ken": "kenneth",
        "liz": "elizabeth",
        "matt": "matthew",
        "mike": "michael",
        "nick": "nicholas",
        "pat": "patrick patricia",
        "rob": "robert",
        "ron": "ronald",
        "sam": "samuel samantha",
        "steve": "steven stephen",
        "sue": "susan",
        "ted": "edward theodore",
        "tim": "timothy",
        "tom": "thomas",
        "tony": "anthony antony",
        "will": "william",
    }.items()
}


def first_names_match(a: str | None, b: str | None) -> bool:
    """Compatible first names: equal, an initial of the other, a common short form of the
    other (:data:`SHORT_FORMS`: "Pat" / "Patrick", "Bill" / "William"), or one letter
    inserted.

    >>> first_names_match("antony", "anthony"), first_names_match("mark", "mary")
    (True, False)
    >>> first_names_match("pat", "patrick"), first_names_match("dan", "daniela")
    (True, False)
    """
    if a is None or b is None:
        return True
    a, b = a.rstrip("."), b.rstrip(".")
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    if b in SHORT_FORMS.get(a, ()) or a in SHORT_FORMS.get(b, ()):
        return True
    if abs(len(a) - len(b)) != 1 or min(len(a), len(b)) < 3:
        return False
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def acronym(name: str) -> str | None:
    """Initials of a multi-word organisation name ("North Atlantic Treaty Organization" ->
    "nato"), or None for a single word."""
    words = [w for w in _WORD.findall(name) if w.casefold() not in _ACRONYM_STOP]
    if len(words) < 2:
        return None
    return "".join(w[0] for w in words).casefold()


def is_acronym(surface: str) -> bool:
    letters = surface.replace(".", "")
    return 2 <= len(letters) <= 8 and letters.isupper() and letters.isalpha()
