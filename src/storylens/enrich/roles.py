"""Role nouns tied to the names they stand for, where the article itself ties them.

"US Secretary of State Antony Blinken ... the US Secretary of State said": a title in front of a
name, or in apposition after it ("Antony Blinken, the US Secretary of State,"), makes that role
another name of that person within the article, so a later "the US Secretary of State" (also
"the Secretary of State") is a mention of him. For organisations, a descriptor beside the name
("the NATO defensive Alliance", "NATO, the military alliance,") ties "the Alliance" to NATO.

Only the article's own words tie a role; a role held by two people of one article (or a
descriptor shared by two organisations) ties nothing. Role mentions carry the label ``ROLE``:
they are aliases of an entity but never its name, and never a key to match it across articles.
"""

from __future__ import annotations

import re

from storylens.enrich.entities import TITLES, RawMention
from storylens.enrich.grouping import LocalEntity

ROLE = "ROLE"
# Words that head a person's role; the role is the phrase up to and including one of them.
ROLE_WORDS = TITLES | frozenset(
    """spokesman spokeswoman spokesperson envoy chief head leader chairman chairwoman chair
    director minister secretary general adviser advisor attorney""".split()
)
# Titles of courtesy, which every man or woman of a story may carry: no role.
HONORIFICS = frozenset("mr mrs ms miss dr prof sir dame lord lady rev reverend".split())
# Words that name what kind of organisation something is, when written beside its name.
DESCRIPTORS = frozenset(
    "alliance bloc coalition organisation organization agency union federation league".split()
)
_LOWER_ROLES = "chief|head|spokesman|spokeswoman|spokesperson|envoy|leader|minister|secretary"
_TITLE_WORD = rf"(?:[A-Z][\w.'’-]*|{_LOWER_ROLES})"
# A title right before a name: "US Secretary of State", "NATO Secretary General", "NATO chief".
_TITLE_BEFORE = re.compile(rf"((?:{_TITLE_WORD} (?:of (?:the )?)?){{1,5}})$")
_TITLE_REACH = 400  # characters: five title words of up to 72 characters, each with "of the "
# An apposition right after a name: ", the US Secretary of State," / ", NATO's secretary general."
_APPOSITION = re.compile(r", (?:the )?([\w'’ -]{3,60}?)(?=[,.;)]|$)", re.M)
_DESCRIPTOR_AFTER = re.compile(
    rf",? (?:the |a |an )?(?:[a-z][\w-]* ){{0,2}}?({'|'.join(sorted(DESCRIPTORS))})\b", re.I
)
_POSSESSIVE = ("'s", "’s")


def tie_roles(text: str, groups: list[LocalEntity]) -> None:
    """Add to ``groups`` (in place) the role and descriptor mentions the article ties to them."""
    taken = [(m.start, m.end) for g in groups for m in g.mentions]
    _tie_person_roles(text, groups, taken)
    _tie_descriptors(text, groups, taken)


def _tie_person_roles(text: str, groups: list[LocalEntity], taken: list[tuple[int, int]]) -> None:
    entity_words = _entity_words(text, groups)
    holders: dict[tuple[str, ...], set[int]] = {}
    for i, group in enumerate(groups):
        if not group.is_person:
            continue
        for m in group.mentions:
            for phrase in _roles_around(text, m):
                key = _role_key(phrase, entity_words)
                if key:
                    holders.setdefault(key, set()).add(i)
    for key, owners in holders.items():
        if len(owners) != 1:
            continue  # two people hold the role: it names neither
        if len(key) == 1 and any(key[0] in k and holders[k] != owners for k in holders):
            continue  # "the secretary" beside a "Secretary General": which one?
        group = groups[next(iter(owners))]
        for start, end in _occurrences(text, key, entity_words):
            if not _clashes(start, end, taken):
                group.mentions.append(RawMention(start, end, ROLE, text[start:end]))
                taken.append((start, end))
        group.mentions.sort(key=lambda m: m.start)


def _clashes(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    """Does a role span cross a mention? A name inside it ("US" in "US Secretary of State")
    does not clash."""
    return any(
        start < e and s < end and (not (start <= s and e <= end) or (s, e) == (start, end))
        for s, e in taken
    )


def _roles_around(text: str, mention: RawMention) -> list[str]:
    # A title of five words fits in the characters before the mention (the regex would
    # otherwise be tried at every position of a long paragraph).
    window = max(text.rfind("\n", 0, mention.start) + 1, mention.start - _TITLE_REACH)
    found = []
    before = _TITLE_BEFORE.search(text, window, mention.start)
    if before is not None:
        found.append(before.group(1).strip())
    after = _APPOSITION.match(text, mention.end)
    if after is not None and len(after.group(1).split()) <= 6:
        found.append(after.group(1).strip())
    return found


def _entity_words(text: str, groups: list[LocalEntity]) -> set[str]:
    """Words of the article's place, nationality and organisation names ("US", "Belgian")."""
    return {
        w.casefold()
        for g in groups
        if not g.is_person
        for m in g.mentions
        if m.label != ROLE
        for w in text[m.start : m.end].split()
    }


def _role_key(phrase: str, entity_words: set[str]) -> tuple[str, ...]:
    """The role's own words: "US Secretary of State" -> (secretary, of, state); () if the
    phrase is no role ("Brussels", "the port")."""
    words = [w.rstrip(".,").casefold() for w in phrase.split()]
    owner = [i for i, w in enumerate(words) if w.endswith(_POSSESSIVE)]
    if owner:  # "the harbour authority's spokesman": the role is what follows the owner
        words = words[owner[-1] + 1 :]
    words = [w for w in words if w and w != "the"]
    while words and words[0] in entity_words:
        words = words[1:]
    if not words or not any(w in ROLE_WORDS - HONORIFICS for w in words):
        return ()  # "And Mr. Brolin's Mannix": a courtesy title is nobody's role
    if words[-1] not in ROLE_WORDS and "of" not in words:
        return ()  # "Secretary Blinken's plan": the role word must head the phrase
    if len(words) == 1 and words[0] not in ("secretary", "minister", "spokesman", "spokeswoman"):
        return ()  # "chief", "head", "leader" alone name too many people
    return tuple(words)


def _occurrences(text: str, key: tuple[str, ...], entity_words: set[str]) -> list[tuple[int, int]]:
    """Where the role stands on its own ("the US Secretary of State said"), not as a title in
    front of a name ("Secretary of State Antony Blinken") and not inside a longer role."""
    words = r"\s+".join(re.escape(w) for w in key)
    # "the" + an optional name word ("US") + the role, or the same without "the" where it opens
    # a clause ("… region. US Secretary of State derided …")
    pattern = re.compile(
        rf"(?:\b(?P<the>[Tt]he\s+)|(?<![\w-]\s)\b)(?P<mod>[A-Z][\w.]*\s+)?"
        rf"(?P<role>(?i:{words}))\b(?!\s+(?:[A-Z]|of\b|general\b))"
    )
    out = []
    for hit in pattern.finditer(text):
        start = hit.start("role")
        mod = hit.group("mod")
        if mod is not None and mod.strip().casefold() in entity_words:
            start = hit.start("mod")
        elif mod is not None:
            continue  # "Former Secretary of State": someone else's role
        if hit.group("the") is None and not text[start].isupper():
            continue  # without "the", only a capitalised role is a name
        out.append((start, hit.end("role")))
    return out


def _tie_descriptors(text: str, groups: list[LocalEntity], taken: list[tuple[int, int]]) -> None:
    holders: dict[str, set[int]] = {}
    for i, group in enumerate(groups):
        if group.is_person or group.label != "ORG":
            continue
        for m in group.mentions:
            after = _DESCRIPTOR_AFTER.match(text, m.end) if m.label != ROLE else None
            # "NATO, the military alliance," or "the NATO defensive Alliance"; not "the
            # Transatlantic alliance", where the tagger took an adjective for a name
            if after is not None and (
                after.group(0).startswith(",") or after.group(1)[0].isupper()
            ):
                holders.setdefault(after.group(1).casefold(), set()).add(i)
    for noun, owners in holders.items():
        if len(owners) != 1:
            continue  # two organisations are alliances: "the alliance" names neither
        owner = groups[next(iter(owners))]
        # an entity the tagger made of the descriptor alone ("Alliance") is the owner
        for g in [g for g in groups if g is not owner and not g.is_person]:
            if {n.casefold() for n in g.names} == {noun}:
                owner.mentions.extend(
                    RawMention(m.start, m.end, ROLE, m.surface) for m in g.mentions
                )
                groups.remove(g)
        # "the alliance", "the Alliance", "Alliance's"; not "the alliance of ..."
        rx = re.compile(rf"(?:(?<=\b[Tt]he )|(?<![\w-] )(?=[A-Z]))(?i:{noun})\b(?!\s+of\b)")
        for hit in rx.finditer(text):
            start, end = hit.span()
            if not _clashes(start, end, taken):
                owner.mentions.append(RawMention(start, end, ROLE, hit.group(0)))
                taken.append((start, end))
        owner.mentions.sort(key=lambda m: m.start)
