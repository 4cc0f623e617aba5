"""Ages: how old a person is said to be, as ``age`` claims.

News writes a person's age in a few fixed ways, nearly always the age at the time of writing:

- after the name, between commas: "Pervez Musharraf, 79, died in a Dubai hospital";
- before it: "75-year-old Abdul-Jabbar", "73-year-old blues singer Bonnie Raitt", or on a noun
  the name stands beside: "James, a 38-year-old star for the Lakers", "19-year-old substitute
  Salma Paralluelo";
- with a death: "Musharraf Dies At 79", "died at the age of 79", "Musharraf, aged 79";
- in place of the name: "He was 79." (a sentence of its own, after a death), "The 38-year-old
  needed 36 points", "The pop superstar, 41, made history".

A claim's ``subject`` is the canonical name of the person (so that two articles' claims about
one person meet); ``referent`` is the name as this sentence writes it, and is None when the
sentence names no one ("He was 79.", "The 38-year-old ...") and the person is the one the
article last named, as for a quote's pronoun speaker (:mod:`.speakers`). ``qualifier`` is
"described" for an "N-year-old" ("a 22-year-old White House intern"), which describes the
person in whatever the sentence tells, perhaps long ago. Only an age after a name between
commas or at a death, in a sentence naming no earlier year, is grounds for a contradiction;
the others may agree with another report's (compare reads ``referent`` and ``qualifier``).

Not ages: "at the age of 18" of anything but a death (the age at some earlier time), "the
then-45-year-old", "a 39-year-old record", "my 9-year-old" (no person named or last named as a
subject), numbers above 120.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from datetime import date

from spacy.tokens import Doc, Token

from storylens.enrich.nlp import doc_text
from storylens.enrich.speakers import antecedent, as_people
from storylens.model import Claim, Mention, Span

MAX_AGE = 120
# an age said as "a 22-year-old White House intern" describes the person in what the sentence
# tells, which may be long past ("a relationship with Ms. Lewinsky, a 22-year-old intern")
DESCRIBED = "described"
_YEAR_OLD = re.compile(r"(?<![\w-])(\d{1,3})-year-old\b", re.IGNORECASE)
_THEN = re.compile(r"\bthen-?\s*$", re.IGNORECASE)
_DEATH_LEMMAS = frozenset({"die", "pass"})
_PRONOUN_AGE = re.compile(r"^\s*(?:he|she) (?:was|is) (\d{1,3})\.\s*$", re.IGNORECASE)
# how far the head of an age's noun phrase may be from it: "73-year-old blues singer Bonnie Raitt"
MAX_STEPS = 4


def ages_from_doc(
    doc: Doc,
    mentions: Sequence[Mention],
    names: Mapping[int, str],
    subjects: Collection[int] = (),
    reported: Sequence[Span] = (),
    article_date: date | None = None,
) -> list[Claim]:
    """Age claims of ``doc`` (offsets into its text). ``names``: canonical entity id -> name;
    ``subjects`` and ``reported`` as for :func:`.speakers.speaker_of`."""
    text = doc_text(doc)
    people = [m for m in as_people(text, mentions) if m.canonical in names]
    out: dict[int, Claim] = {}

    def add(number: Span, person: Mention | None, named: bool, described: bool = False) -> None:
        if person is None or person.canonical is None or number.start in out:
            return
        value = int(text[number.start : number.end])
        if not 0 < value <= MAX_AGE:
            return
        sent = doc.char_span(number.start, number.end, alignment_mode="expand")
        if sent is None or _tells_the_past(sent.sent.text, article_date):
            return
        out[number.start] = Claim(
            kind="age",
            value=float(value),
            span=number,
            sentence=Span(sent.sent.start_char, sent.sent.end_char),
            unit="year",
            qualifier=DESCRIBED if described else None,
            subject=names[person.canonical],
            referent=text[person.start : person.end] if named else None,
        )

    def person_at(token: Token) -> Mention | None:
        return next((m for m in people if m.start <= token.idx < m.end), None)

    def last_named(token: Token) -> Mention | None:
        found = antecedent(Span(token.idx, token.idx + len(token)), people, reported, subjects)
        return next((m for m in people if m.canonical == found), None)

    for m in _YEAR_OLD.finditer(text):
        if _THEN.search(text[max(0, m.start() - 6) : m.start()]):
            continue
        old = doc.char_span(m.end() - 3, m.end())
        if old is None:
            continue
        token = old.root
        named = _named_by(token) if token.dep_ == "amod" else None
        if named is not None:
            add(Span(m.start(1), m.end(1)), person_at(named), True, described=True)
        elif _stands_for_a_person(token):
            add(Span(m.start(1), m.end(1)), last_named(token), False, described=True)
    for token in doc:
        if not token.text.isdigit():
            continue
        number = Span(token.idx, token.idx + len(token))
        if token.dep_ == "appos" and _between_commas(token):
            head = token.head
            person = person_at(head)
            if person is None and head.dep_ == "appos":  # "the star, 38, ..." of a name
                person = person_at(head.head)
            if person is not None:
                add(number, person, True)
            elif _stands_for_a_person(head):  # "The pop superstar, 41, made history"
                add(number, last_named(head), False)
        elif token.dep_ == "pobj" and (verb := _death_verb(token)) is not None:
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subject is not None:
                add(number, person_at(subject), True)
        elif token.dep_ == "pobj" and token.head.lower_ == "aged":
            add(number, person_at(token.head.head), True)
    for sent in doc.sents:
        pm = _PRONOUN_AGE.match(sent.text)
        if pm:
            start = sent.start_char + pm.start(1)
            add(Span(start, sent.start_char + pm.end(1)), last_named(sent[0]), False)
    return sorted(out.values(), key=lambda c: c.span.start)


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _tells_the_past(sentence: str, article_date: date | None) -> bool:
    """A sentence naming a year before the article's (any year, when it has no date) tells of
    the past, and an age in it is the age then: "fatally shooting 18-year-old Michael Brown in
    2014"."""
    years = [int(y) for y in _YEAR.findall(sentence)]
    return any(article_date is None or y < article_date.year for y in years)


def _named_by(old: Token) -> Token | None:
    """The token of the name an "N-year-old" describes: up the noun phrase ("blues singer
    Bonnie Raitt"), or the name beside its noun ("James, a 38-year-old star", "substitute Salma
    Paralluelo")."""
    token = old.head
    for _ in range(MAX_STEPS):
        if token.ent_type_ == "PERSON" or token.pos_ == "PROPN":
            return token
        for child in token.children:
            if child.dep_ == "appos" and child.pos_ == "PROPN":
                return child
        if token.dep_ == "appos" and token.head.pos_ == "PROPN":
            return token.head
        if token.dep_ not in ("compound", "amod") or token.head.i <= token.i:
            return None
        token = token.head
    return None


def _stands_for_a_person(token: Token) -> bool:
    """ "The 38-year-old, who needed ..." as a clause's subject: the noun phrase is the age
    itself ("old"), or a common noun the age describes ("The 23-year-old Real Madrid defender",
    "The pop superstar, 41,")."""
    head = token if token.dep_ != "amod" else token.head
    determiner = any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)
    return determiner and head.dep_ in ("nsubj", "nsubjpass") and head.pos_ in ("NOUN", "ADJ")


def _between_commas(token: Token) -> bool:
    doc = token.doc
    before = doc[token.i - 1] if token.i > 0 else None
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return (
        before is not None
        and before.text == ","
        and (after is None or after.text in (",", ".", ";"))
    )


def _death_verb(token: Token) -> Token | None:
    """The verb of dying a number is the age at: "dies at 79", "died at the age of 79"."""
    head = token.head
    if head.lower_ == "of" and head.head.lower_ == "age":  # "at the age of 79"
        head = head.head.head
    if head.lower_ != "at" or head.dep_ != "prep":
        return None
    verb = head.head
    return verb if verb.lemma_.lower() in _DEATH_LEMMAS or verb.lower_ == "dies" else None
