"""Group one article's mentions into local entities, before matching them store-wide."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from storylens.enrich.aliases import (
    acronym,
    first_names_match,
    is_acronym,
    name_key,
    normalise,
    person_parts,
)
from storylens.enrich.entities import RawMention

_SINGLE_WORD_LABELS = frozenset({"PERSON", "GPE", "ORG", "NORP", "LOC"})
_PAREN_ACRONYM = re.compile(r"\s*\(([A-Z][A-Za-z.]{1,9})\)")
MIN_HANDLE_SURNAME = 4  # "@SecBlinken" contains "blinken"; shorter surnames match by chance


@dataclass
class LocalEntity:
    label: str
    mentions: list[RawMention] = field(default_factory=list)
    first: str | None = None  # persons: a first name seen in the article
    surname: str | None = None  # persons only
    acronyms: set[str] = field(default_factory=set)  # normalised

    @property
    def is_person(self) -> bool:
        return self.surname is not None

    @property
    def names(self) -> list[str]:
        return [m.surface for m in self.mentions if m.label not in ("HANDLE", "ROLE")]

    @property
    def key(self) -> str:
        """For non-persons: the name key of the most common surface form."""
        counts = Counter(name_key(n) for n in self.names)
        return counts.most_common(1)[0][0]


def group_mentions(text: str, mentions: list[RawMention]) -> list[LocalEntity]:
    """Local entities of one article, each with all its mentions."""
    persons: list[LocalEntity] = []
    rest: list[RawMention] = []
    for m in mentions:
        if m.label == "PERSON" and len(normalise(m.surface).split()) >= 2:
            first, surname = person_parts(m.surface)
            group = next(
                (p for p in persons if p.surname == surname and first_names_match(p.first, first)),
                None,
            )
            if group is None:
                group = LocalEntity("PERSON", first=first, surname=surname)
                persons.append(group)
            group.mentions.append(m)
        else:
            rest.append(m)
    by_surname: dict[str, list[LocalEntity]] = {}
    for p in persons:
        by_surname.setdefault(p.surname or "", []).append(p)

    others: list[LocalEntity] = []
    for m in rest:
        word = normalise(m.surface)
        if m.label == "HANDLE":
            owners = [
                p
                for s, ps in by_surname.items()
                if len(s) >= MIN_HANDLE_SURNAME and s in word
                for p in ps
            ]
            if len(owners) == 1:
                owners[0].mentions.append(m)
            continue
        if (
            m.label in _SINGLE_WORD_LABELS
            and " " not in word
            and len(by_surname.get(word, [])) == 1
        ):
            by_surname[word][0].mentions.append(RawMention(m.start, m.end, "PERSON", m.surface))
            continue
        if m.label == "PERSON":  # a surname alone, with no full name in the article
            group = next((p for p in persons if p.first is None and p.surname == word), None)
            if group is None:
                group = LocalEntity("PERSON", surname=word)
                persons.append(group)
            group.mentions.append(m)
            continue
        others.append(LocalEntity(m.label, mentions=[m]))
    _link_acronyms(text, others)
    merged = _merge_same_key(others)
    return persons + merged


def _merge_same_key(groups: list[LocalEntity]) -> list[LocalEntity]:
    """Join groups with the same name key or tied by an acronym; label by majority."""
    by_key: dict[str, LocalEntity] = {}
    for g in groups:
        key = g.key
        target = by_key.get(key)
        if target is None:
            by_key[key] = g
        else:
            target.mentions.extend(g.mentions)
            target.acronyms |= g.acronyms
    merged = list(by_key.values())
    # An acronym mention ("NATO") joins the full name it abbreviates, when exactly one does.
    for g in list(merged):
        surface = g.names[0]
        if not is_acronym(surface):
            continue
        short = normalise(surface)
        owners = [
            o
            for o in merged
            if o is not g
            and (short in o.acronyms or (len(o.key.split()) > 1 and acronym(o.names[0]) == short))
        ]
        if len(owners) == 1:
            owners[0].mentions.extend(g.mentions)
            owners[0].acronyms.add(short)
            merged.remove(g)
    for g in merged:
        labels = Counter(m.label for m in g.mentions)
        g.label = labels.most_common(1)[0][0]
        g.mentions.sort(key=lambda m: m.start)
    return merged


def _link_acronyms(text: str, groups: list[LocalEntity]) -> None:
    """ "North Atlantic Treaty Organization (NATO)": NATO becomes an alias of the full name."""
    for g in groups:
        m = g.mentions[0]
        follow = _PAREN_ACRONYM.match(text, m.end)
        if follow and is_acronym(follow.group(1)):
            g.acronyms.add(normalise(follow.group(1)))
