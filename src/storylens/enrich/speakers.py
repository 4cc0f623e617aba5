"""Who a quote's source is: the canonical entity behind a name, a pronoun or a role noun.

A source that contains a resolved mention is that mention's entity (a person before an
organisation, the earliest on a tie). A pronoun ("he", "she") or a role noun ("the secretary",
"the minister") is the nearest person mentioned before it in the article: the antecedent a
reader would pick in news prose, where the last-named person is usually the one speaking.
"""

from __future__ import annotations

from storylens.enrich.entities import TITLES
from storylens.model import Mention, Quote, Span

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
ROLE_NOUNS = TITLES | frozenset(
    """spokesman spokeswoman spokesperson official diplomat envoy leader chief head
    minister secretary president chairman chairwoman chair director""".split()
)


def speaker_of(quote: Quote, text: str, mentions: list[Mention]) -> int | None:
    """The canonical entity id of ``quote``'s source, or None when it cannot be told."""
    if not quote.sources:
        return None
    source = quote.sources[0]
    inside = [
        m
        for m in mentions
        if m.canonical is not None and source.start <= m.start and m.end <= source.end
    ]
    people = [m for m in inside if m.label in ("PERSON", "ROLE")]
    if people:  # a name, or a role the article tied to one ("the US Secretary of State")
        return people[0].canonical
    # "he", "the secretary", "US Secretary of State": a role names no one by itself
    if _refers_back(source.of(text)):
        return _previous_person(source, mentions)
    return inside[0].canonical if inside else None


def _refers_back(surface: str) -> bool:
    words = surface.casefold().replace(".", "").split()
    if len(words) == 1 and words[0] in PERSON_PRONOUNS:
        return True
    return len(words) <= 6 and bool(words) and words[-1] in ROLE_NOUNS


def _previous_person(source: Span, mentions: list[Mention]) -> int | None:
    before = [
        m
        for m in mentions
        if m.label == "PERSON" and m.canonical is not None and m.end <= source.start
    ]
    return before[-1].canonical if before else None
