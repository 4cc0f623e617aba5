"""Named-entity mentions from a parsed document, cleaned of the small model's usual slips.

spaCy's small English model tags "the Alliance's" with the article and the possessive, tags the
"State" of "Secretary of State" as an organisation, runs dates across paragraph breaks, and
keeps titles inside person names ("Secretary Blinken") and the verb of a title-case headline
inside the name before it ("Pervez Musharraf Dies At 79"). Each rule below undoes one such slip;
the mention's offsets are moved, never the text changed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from storylens.enrich.nlp import doc_text
from storylens.model import ENTITY_LABELS

# Titles that may open a PERSON mention; they are roles, not names.
TITLES = frozenset(
    """mr mrs ms miss dr prof sir dame lord lady president vice secretary minister prime
    senator sen rep representative gov governor mayor general gen col colonel lt captain capt
    chancellor king queen prince princess pope judge justice chief ambassador commissioner
    premier sheikh emir ayatollah rev reverend father sister brother""".split()
)
_LEADING = ("the ", "The ")
_TRAILING = ("'s", "’s", "'", "’")
_HANDLE = re.compile(r"(?<![\w@])@(\w{3,30})")


@dataclass(frozen=True, slots=True)
class RawMention:
    """A mention before store-wide resolution: offsets, label and its surface form."""

    start: int
    end: int
    label: str
    surface: str  # text[start:end], kept only while resolving


def mentions_from_doc(doc: Doc) -> list[RawMention]:
    """Cleaned entity mentions of ``doc`` (offsets into ``doc.text``)."""
    text = doc_text(doc)
    out: list[RawMention] = []
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        start, end = ent.start_char, _before_own_verb(ent)
        if "\n" in text[start:end]:
            continue  # a run across a paragraph break is a tagging slip, not a name
        start, end = _trim(text, start, end)
        if ent.label_ == "PERSON":
            start = _skip_titles(text, start, end)
        if ent.label_ == "ORG" and text[start:end] == "State" and _after_secretary_of(text, start):
            continue
        surface = text[start:end]
        if not _plausible(surface):
            continue
        out.append(RawMention(start, end, ent.label_, surface))
    for m in _HANDLE.finditer(text):
        out.append(RawMention(m.start(), m.end(), "HANDLE", m.group(0)))
    out.sort(key=lambda m: (m.start, m.end))
    return out


def outlet_as_organisation(mentions: list[RawMention], outlet: str | None) -> list[RawMention]:
    """``mentions`` with the reporting outlet called an organisation where the tagger took it
    for a person: "The Gazette has learned ..." in a page of coastlinegazette.example, "the
    Herald's reporter" in the Valley Herald. A mention is the outlet when its letters are the
    outlet's name (its domain's first label, or the name it gives) or, for one word, end it:
    papers call themselves by their last word ("the Post", "the Times")."""
    if not outlet:
        return mentions
    name = outlet.lower() if " " in outlet else outlet.lower().split(".")[0]
    own = re.sub(r"[^a-z]", "", name)
    if len(own) < 4:
        return mentions
    out = []
    for m in mentions:
        letters = re.sub(r"[^a-z]", "", m.surface.lower())
        if (
            m.label == "PERSON"
            and len(letters) >= 4
            and (letters == own or (" " not in m.surface.strip() and own.endswith(letters)))
        ):
            m = RawMention(m.start, m.end, "ORG", m.surface)
        out.append(m)
    return out


def _before_own_verb(ent: SpacySpan) -> int:
    """Where ``ent`` ends once a verb it ran into is cut off: a title-case headline ("Pervez
    Musharraf Dies At 79", "Tina Turner Dies at 83") is tagged with its verb, which the parser
    still reads as the verb whose subject is the name."""
    last = ent[-1]
    if (
        len(ent) >= 2
        and last.pos_ in ("VERB", "AUX")
        and any(t.head.i == last.i and t.dep_ in ("nsubj", "nsubjpass") for t in ent[:-1])
    ):
        return ent[-2].idx + len(ent[-2])
    return int(ent.end_char)


# Longer mentions are runs of garbage the tagger took for a name (a 5,000-letter "word").
MAX_MENTION_CHARS = 100
MAX_WORD_CHARS = 40


def _plausible(surface: str) -> bool:
    return (
        2 <= len(surface) <= MAX_MENTION_CHARS
        and any(ch.isalpha() for ch in surface)
        and all(len(word) <= MAX_WORD_CHARS for word in surface.split())
    )


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    for lead in _LEADING:
        if text.startswith(lead, start) and end - start > len(lead):
            start += len(lead)
    changed = True
    while changed and end > start:
        changed = False
        for tail in _TRAILING:
            if text.endswith(tail, start, end) and end - len(tail) > start:
                end -= len(tail)
                changed = True
        while end > start and text[end - 1] in ' ,.;:!?"“”()[]':
            end -= 1
            changed = True
        # a trailing word with no letter is a score or a count ("Brenna Rovers 2-1")
        last_space = text.rfind(" ", start, end)
        if last_space > start and not any(ch.isalpha() for ch in text[last_space:end]):
            end = last_space
            changed = True
    return start, end


def _skip_titles(text: str, start: int, end: int) -> int:
    """Move ``start`` past leading titles ("Secretary", "Mr.") while a name remains."""
    while True:
        word_end = text.find(" ", start, end)
        if word_end < 0:
            return start
        word = text[start:word_end].rstrip(".").casefold()
        if word not in TITLES:
            return start
        start = word_end + 1


def _after_secretary_of(text: str, start: int) -> bool:
    return text[max(0, start - 13) : start].casefold().endswith("secretary of ")
