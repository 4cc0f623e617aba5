"""Who a quote's source is: the canonical entity behind a name, a pronoun or a role noun.

A source that contains a resolved mention is that mention's entity (a person before an
organisation, the earliest on a tie). A pronoun ("he", "she") or a role noun ("the secretary",
"the minister") is the nearest person mentioned before it in the article: the antecedent a
reader would pick in news prose, where the last-named person is usually the one speaking. A
person named as the subject of a clause within :data:`SUBJECT_REACH` characters comes before
one named in another role since, because the subject is what a text goes on talking about:
"Singer Mara Quist thanked her late uncle Tomas Reyk, who made her first stage outfits. 'I
would not be here without them,' she said" is Mara Quist, not her uncle. A person named
only inside what someone else is reported to say ("Homendy said Gov. Mike DeWine was given
incomplete information. 'They were left out of the room,' she said") is passed over for one
named outside reported words, when there is one.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace

from spacy.tokens import Doc

from storylens.enrich.entities import TITLES
from storylens.enrich.nlp import doc_text
from storylens.model import Mention, Quote, Span

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
ROLE_NOUNS = TITLES | frozenset(
    """spokesman spokeswoman spokesperson official diplomat envoy leader chief head
    minister secretary president chairman chairwoman chair director""".split()
)


_SUBJECTS = ("nsubj", "nsubjpass")
SUBJECT_REACH = 600  # characters back from a pronoun within which a named subject is preferred


def speaker_of(
    quote: Quote,
    text: str,
    mentions: list[Mention],
    reported: Sequence[Span] = (),
    subjects: Collection[int] = (),
) -> int | None:
    """The canonical entity id of ``quote``'s source, or None when it cannot be told.
    ``reported``: the contents of the article's quotes (what others are reported to say);
    ``subjects``: where the mentions that are a clause's subject start."""
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
        return antecedent(source, as_people(text, mentions), reported, subjects)
    return inside[0].canonical if inside else None


def as_people(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """The article's person mentions, counting a name the tagger calls a person once and
    something else elsewhere ("Beyoncé" is tagged an organisation in most sentences of some
    articles) as that person everywhere, with the person's entity."""
    person: dict[str, int] = {}
    for m in mentions:
        if m.label == "PERSON" and m.canonical is not None:
            person.setdefault(text[m.start : m.end], m.canonical)
    return [
        m if m.label == "PERSON" else replace(m, label="PERSON", canonical=canonical)
        for m in mentions
        if (canonical := person.get(text[m.start : m.end])) is not None or m.label == "PERSON"
    ]


def subject_starts(doc: Doc, mentions: Sequence[Mention]) -> set[int]:
    """Where the person mentions that are the subject of a clause start ("*Beyoncé* lost the top
    three prizes", not "the record set by conductor *Georg Solti*")."""
    out = set()
    for m in as_people(doc_text(doc), mentions):
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        if root.dep_ == "appos":  # "the chairman of AFAD, Yunus Sezer, said"
            root = root.head
        if root.dep_ in _SUBJECTS:
            out.add(m.start)
    return out


def _refers_back(surface: str) -> bool:
    words = surface.casefold().replace(".", "").split()
    if len(words) == 1 and words[0] in PERSON_PRONOUNS:
        return True
    return len(words) <= 6 and bool(words) and words[-1] in ROLE_NOUNS


def antecedent(
    source: Span, people: Sequence[Mention], reported: Sequence[Span], subjects: Collection[int]
) -> int | None:
    """The canonical id of the person a pronoun or role noun at ``source`` stands for (see the
    module doc); ``people`` as :func:`as_people` gives them."""
    before = [m for m in people if m.canonical is not None and m.end <= source.start]
    outside = [
        m for m in before if not any(r.start <= m.start and m.end <= r.end for r in reported)
    ]
    chosen = outside or before
    near_subjects = [
        m for m in chosen if m.start in subjects and source.start - m.start <= SUBJECT_REACH
    ]
    chosen = near_subjects or chosen
    return chosen[-1].canonical if chosen else None
