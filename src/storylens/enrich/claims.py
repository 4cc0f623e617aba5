"""Claims: the comparable facts of a sentence, read off spaCy's entities and parse.

- numbers (``CARDINAL``, ``MONEY``, ``PERCENT``, ``QUANTITY``): value, unit (currency code or
  counted noun), qualifier ("more than"), referent (the counted noun phrase, with a purpose
  clause: "anti-tank systems to attack the Russian warplanes"), ratio base ("for every Russian
  tank" -> per), kind ``count_of_people`` when the referent is people;
- dates (``DATE``) normalised against the article's date;
- places: a GPE/LOC/FAC after "in"/"at" that a verb governs;
- venues ("in an interview with NBC", "told CNN", "on ABC's This Week") and attributions
  ("according to AP");
- events: who did what, for a sentence's main verb (or the clause a verb of saying reports)
  whose subject names someone ("Blinken arrived in Brussels": subject "Blinken", predicate
  "arrive", value "arrive in Brussels"; a negation stays in the predicate: "not attend").

Each claim carries the governing verb (predicate) and its subject, the sentence's first
normalised date (time) and place, and the quote speaker when the claim lies inside a quote.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from storylens.enrich.nlp import doc_text
from storylens.enrich.quantities import currency_of, parse_number
from storylens.enrich.quotes import CUE_LEMMAS
from storylens.enrich.timex import normalise_date
from storylens.model import Claim, Quote, Span

NUMBER_LABELS = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
QUALIFIERS = (
    "more than",
    "less than",
    "fewer than",
    "at least",
    "at most",
    "up to",
    "as many as",
    "as much as",
    "nearly",
    "almost",
    "about",
    "around",
    "approximately",
    "roughly",
    "some",
    "over",
    "under",
    "exactly",
    "just over",
    "just under",
    "close to",
    "upwards of",
)
_QUALIFIER = re.compile(
    r"^(" + "|".join(sorted(QUALIFIERS, key=len, reverse=True)) + r")\s+", re.IGNORECASE
)
PEOPLE = frozenset(
    """people persons person dead deaths killed injured wounded victims residents civilians
    soldiers troops fans workers employees passengers children adults voters members students
    patients migrants refugees protesters demonstrators casualties survivors customers users
    firefighters officers police staff men women evacuees""".split()
)
MEDIA_VENUE = re.compile(
    r"\b(?:interview|conversation|appearance|podcast|op-ed|broadcast)\s+(?:with|on|in)\s+$|"
    r"\b(?:told|speaking (?:to|on|with)|appearing on|said on|wrote in|writing in)\s+$",
    re.IGNORECASE,
)


def claims_from_doc(
    doc: Doc, article_date: date | None, quotes: list[Quote], speaker_names: dict[int, str]
) -> list[Claim]:
    """Claims of ``doc`` (offsets into ``doc.text``), in text order."""
    out: list[Claim] = []
    text = doc_text(doc)
    all_ents = doc.ents  # spaCy builds the tuple anew on each access
    future = _future_markers(doc)
    first = 0
    for sent in doc.sents:
        while first < len(all_ents) and all_ents[first].start < sent.start:
            first += 1
        ents = []
        for e in all_ents[first:]:
            if e.start >= sent.end:
                break
            ents.append(e)
        sentence = Span(sent.start_char, sent.end_char)
        is_future = any(sent.start <= i < sent.end for i in future)
        time = _sentence_time(ents, article_date, is_future)
        # the sentence's place: one it says something happened in or at, not any place name
        place = next(
            (e.text for e in ents if e.label_ in PLACE_LABELS and _place_claim(e, sentence)),
            None,
        )
        for ent in ents:
            claim = None
            if "\n" in ent.text:
                continue  # a run across a line break is a tagging slip
            if ent.label_ in NUMBER_LABELS:
                claim = _number_claim(ent, sentence)
            elif ent.label_ == "DATE":
                claim = _date_claim(ent, sentence, article_date, is_future)
            elif ent.label_ in PLACE_LABELS:
                claim = _place_claim(ent, sentence)
            elif ent.label_ == "ORG":
                claim = _venue_claim(ent, sentence, text)
            if claim is None:
                continue
            out.append(_with_context(text, claim, time, place, quotes, speaker_names))
        for claim in _event_claims(sent, sentence):
            out.append(_with_context(text, claim, time, place, quotes, speaker_names))
    return sorted(out, key=lambda c: (c.span.start, c.kind))


NAME_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})
# The parts of a clause that say what was done ("arrived *in Brussels*", "sent *missiles*").
_OBJECT_DEPS = ("dobj", "attr", "acomp", "prep", "xcomp", "dative", "oprd", "agent")
MAX_EVENT_CHARS = 200


def _event_claims(sent: SpacySpan, sentence: Span) -> list[Claim]:
    """Who did what in ``sent``: its main verbs, and the clause a verb of saying reports."""
    root = sent.root
    verbs = [root] + [c for c in root.children if c.dep_ == "conj"]
    if root.lemma_.lower() in CUE_LEMMAS:
        verbs += [c for c in root.children if c.dep_ == "ccomp"]
    out = []
    for verb in verbs:
        if verb.pos_ != "VERB" or verb.lemma_.lower() in CUE_LEMMAS:
            continue
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or not any(t.ent_type_ in NAME_TYPES for t in subj.subtree):
            continue
        objects = [c for c in verb.rights if c.dep_ in _OBJECT_DEPS]
        end = objects[0].right_edge if objects else verb
        first = min(subj.left_edge.i, verb.i)  # the subject may follow ("Up stepped Reyk")
        last = max(end.i, subj.right_edge.i)
        start = sent.doc[first].idx
        stop = sent.doc[last].idx + len(sent.doc[last].text)
        if stop - start > MAX_EVENT_CHARS or "\n" in doc_text(sent.doc)[start:stop]:
            continue
        negated = any(c.dep_ == "neg" for c in verb.children)
        particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
        predicate = ("not " if negated else "") + verb.lemma_.lower()
        predicate += f" {particle}" if particle else ""
        what = sent.doc[objects[0].left_edge.i : end.i + 1].text if objects else None
        out.append(
            Claim(
                kind="event",
                value=f"{predicate} {what}" if what else predicate,
                span=Span(start, stop),
                sentence=sentence,
                referent=what,
                subject=sent.doc[subj.left_edge.i : subj.right_edge.i + 1].text,
                predicate=predicate,
            )
        )
    return out


def _with_context(
    text: str,
    claim: Claim,
    time: str | None,
    place: str | None,
    quotes: list[Quote],
    speaker_names: dict[int, str],
) -> Claim:
    source = None
    for q in quotes:
        if any(c.start <= claim.span.start and claim.span.end <= c.end for c in q.contents):
            # the speaker's canonical name, else the source's own words ("officials")
            if q.speaker is not None and q.speaker in speaker_names:
                source = speaker_names[q.speaker]
            elif q.sources:
                source = q.sources[0].of(text)
            break
    return replace(
        claim,
        time=claim.time or (time if claim.kind != "date" else None),
        place=claim.place or (place if claim.kind != "place" else None),
        source=claim.source or source,
    )


def _sentence_time(ents: list[SpacySpan], article_date: date | None, future: bool) -> str | None:
    for e in ents:
        if e.label_ == "DATE":
            found = normalise_date(e.text, article_date, future=future)
            if found:
                return found
    return None


def _future_markers(doc: Doc) -> list[int]:
    """Where ``doc`` speaks of the future: the modal "will", "'ll", "shall", or "going to"."""
    lower = [t.lower_ for t in doc]
    return [
        t.i
        for t in doc
        if (lower[t.i] in ("will", "'ll", "shall") and t.tag_ == "MD")
        or (lower[t.i] == "going" and t.i + 1 < len(lower) and lower[t.i + 1] == "to")
    ]


_ONE_OF = re.compile(r"\s+of\b", re.IGNORECASE)
_SCORE_WORDS = "nil|zero|one|two|three|four|five|six|seven|eight|nine|ten"
_SCORE_AFTER = re.compile(rf"[-–](?:\d|(?:{_SCORE_WORDS})\b)", re.IGNORECASE)
_SCORE_BEFORE = re.compile(rf"(?:\d|\b(?:{_SCORE_WORDS}))[-–]$", re.IGNORECASE)
_WORD_SCORE = re.compile(rf"^(?:{_SCORE_WORDS})[-–](?:{_SCORE_WORDS})$", re.IGNORECASE)
_PAIR_INSIDE = re.compile(r"\d\s*[-–]\s*\d")  # the tagger's "3-1 triumph", "0 - 1"


def _in_score(ent: SpacySpan) -> bool:
    """Whether the number is one side of "N-M" (a score, a vote tally, a range), in figures or
    words ("one-nil", "two-one")."""
    text = doc_text(ent.doc)
    before = text[max(0, ent.start_char - 6) : ent.start_char]
    return bool(
        _SCORE_AFTER.match(text, ent.end_char)
        or _SCORE_BEFORE.search(before)
        or _WORD_SCORE.match(ent.text)
        or _PAIR_INSIDE.search(ent.text)
    )


def _number_claim(ent: SpacySpan, sentence: Span) -> Claim | None:
    text = ent.text
    qualifier = None
    m = _QUALIFIER.match(text)
    start = ent.start_char
    if m:
        qualifier = m.group(1).lower()
        start += m.end()
        text = text[m.end() :]
    else:
        qualifier = _qualifier_before(ent)
    value = parse_number(text)
    if value is None:
        return None
    head = _counted_noun(ent)
    if _in_score(ent) and (head is None or head.tag_ != "NNS"):
        return None  # "a 2-1 victory", "voted 5-2": a score or a tally counts nothing
    if text.strip().lower() == "one" and _ONE_OF.match(doc_text(ent.doc), ent.end_char):
        return None  # "one of the strongest quakes", "one of Biden's challenges": no figure
    referent, per = _referent(head, ent) if head is not None else (None, None)
    if head is not None and _is_measure_modifier(ent):  # what a "1-mile" measures: the zone
        referent, per = _referent(head.head, ent)
    head_currency = currency_of(head.text) if head is not None else None
    if ent.label_ == "MONEY" or head_currency:
        # "$100 million" is MONEY to spaCy; "2 billion euros" often only CARDINAL
        kind, unit = "money", currency_of(ent.text) or head_currency
        referent = _money_purpose(ent, head if head_currency else None)
        per = None
    elif (
        ent.label_ == "PERCENT"
        or "percentage point"
        in ent.sent.text[
            ent.end_char - ent.sent.start_char : ent.end_char - ent.sent.start_char + 20
        ]
    ):
        kind, unit = "percent", "%" if ent.label_ == "PERCENT" else "percentage point"
    elif head is None and (casualty := _casualty(ent)) is not None:
        kind, unit, referent = "count_of_people", "people", casualty
    else:
        unit = head.lemma_.lower() if head is not None else None
        kind = (
            "count_of_people"
            if head is not None and (head.lower_ in PEOPLE or head.lemma_.lower() in PEOPLE)
            else "quantity"
        )
    subject, predicate = _governor(ent.root)
    return Claim(
        kind=kind,
        value=value,
        unit=unit,
        qualifier=qualifier,
        referent=referent,
        per=per,
        subject=subject,
        predicate=predicate,
        span=Span(start, ent.end_char),
        sentence=sentence,
    )


CASUALTY_WORDS = frozenset({"dead", "injured", "wounded", "hurt", "missing", "killed"})
CASUALTY_VERBS = frozenset({"kill", "injure", "wound"})


def _casualty(ent: SpacySpan) -> str | None:
    """What a bare number counts when it counts people by what befell them: the word after it
    ("leaving at least 10 dead", "76 killed and 440 hurt"), or the verb it is the object of
    ("quake kills more than 500"): "dead", "hurt", "kill"."""
    doc = ent.doc
    nxt = doc[ent.end] if ent.end < len(doc) else None
    if nxt is not None and nxt.lower_ in CASUALTY_WORDS:
        return nxt.lower_
    root = ent.root
    if root.dep_ == "dobj" and root.head.lemma_.lower() in CASUALTY_VERBS:
        return root.head.lemma_.lower()
    return None


def _qualifier_before(ent: SpacySpan) -> str | None:
    doc = ent.doc
    before = doc_text(doc)[max(0, ent.start_char - 20) : ent.start_char].lower()
    for q in sorted(QUALIFIERS, key=len, reverse=True):
        if before.rstrip().endswith(" " + q) or before.rstrip() == q:
            return q
    return None


def _counted_noun(ent: SpacySpan) -> Token | None:
    """The noun a number counts: "10 anti-tank systems" -> systems; the unit of a measure
    written as a modifier: "a 1-mile evacuation zone" -> mile; the noun of a partitive: "13 of
    the 41 counts" -> counts, "120 migrants, 20 of whom" -> migrants."""
    root = ent.root
    if _is_measure_modifier(ent):
        return root
    if root.dep_ in ("nummod", "quantmod", "compound") and root.head.pos_ in ("NOUN", "PROPN"):
        return root.head
    nxt = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    last = ent[-1]
    if nxt is not None and nxt.lower_ == "of" and nxt.head.i == last.i and last.pos_ == "NUM":
        obj = next((c for c in nxt.children if c.dep_ == "pobj"), None)
        if obj is not None and obj.pos_ == "NOUN":
            return obj
        # "50 train carriages, 10 of which were carrying ...": what "which" stands for, the
        # noun the relative clause hangs on
        clause = root.head
        if (
            obj is not None
            and obj.lower_ in ("which", "whom")
            and clause.dep_ == "relcl"
            and clause.head.pos_ == "NOUN"
        ):
            return clause.head
    if (
        root.pos_ == "NOUN"
        and root.i >= ent.end - 1
        and root.lower_ not in ("million", "billion", "thousand", "hundred", "percent")
    ):
        return root
    # "3,200 residents", "1.2 million customers" parsed with the number as head
    if nxt is not None and nxt.pos_ == "NOUN":
        return nxt
    return None


def _is_measure_modifier(ent: SpacySpan) -> bool:
    """ "1-mile" in "a 1-mile evacuation zone", "10-foot" in "a 10-foot wall": the entity ends
    in its unit, which modifies the noun measured."""
    root = ent.root
    return (
        root.pos_ == "NOUN"
        and root.i == ent.end - 1
        and root.i > ent.start
        and ent.doc[root.i - 1].text == "-"
        and root.dep_ in ("compound", "amod")
        and root.head.pos_ in ("NOUN", "PROPN")
    )


def _referent(noun: Token, ent: SpacySpan) -> tuple[str | None, str | None]:
    """The counted noun phrase without the number, with a purpose clause; and the ratio base
    ("for every Russian tank", "per capita")."""
    doc = noun.doc
    left = [
        t
        for t in noun.lefts
        if t.dep_ in ("compound", "amod", "nmod") and not (ent.start <= t.i < ent.end)
    ]
    first = min([t.i for t in left] + [noun.i])
    words = [t for t in doc[first : noun.i + 1] if not (ent.start <= t.i < ent.end)]
    referent = " ".join(t.text for t in words).replace(" - ", "-").replace(" -", "-")
    per = None
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in ("for", "per"):
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None and (
                child.lower_ == "per" or any(d.lower_ in ("every", "each") for d in obj.children)
            ):
                per = doc[obj.left_edge.i : obj.i + 1].text
                per = re.sub(r"^(every|each)\s+", "", per, flags=re.IGNORECASE)
        elif child.dep_ in ("relcl", "acl") and any(t.lower_ == "to" for t in child.lefts):
            referent = f"{referent} {_without_relative_clauses(child)}"
    return (referent or None), per


def _without_relative_clauses(head: Token) -> str:
    """The words of ``head``'s subtree up to its first relative clause."""
    tokens = list(head.subtree)
    cut = min(
        (t.left_edge.i for t in head.subtree if t.dep_ == "relcl" and t.i != head.i), default=None
    )
    if cut is not None:
        tokens = [t for t in tokens if t.i < cut]
    return " ".join(t.text for t in tokens)


def _money_purpose(ent: SpacySpan, noun: Token | None = None) -> str | None:
    """ "$100 million in a drawdown", "2 billion euros for housing": what the money is for."""
    doc = ent.doc
    anchor = noun or ent.root
    preps = [c for c in anchor.rights if c.dep_ == "prep"]
    after = anchor.i + 1 if noun is not None else ent.end
    if after < len(doc) and doc[after].dep_ == "prep":
        preps.append(doc[after])
    if noun is not None:  # "spend 2 billion euros on housing": the prep hangs off the verb
        preps += [c for c in anchor.head.rights if c.dep_ == "prep" and c.i > anchor.i]
    for prep in preps:
        if prep.lower_ in ("in", "for", "of", "on"):
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None:
                words = [t for t in obj.lefts if t.dep_ in ("compound", "amod")] + [obj]
                return " ".join(t.text for t in words)
    return None


def _governor(token: Token) -> tuple[str | None, str | None]:
    """(subject phrase, verb lemma) of the verb that governs ``token``."""
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None, None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    doc = token.doc
    subject = doc[subj.left_edge.i : subj.right_edge.i + 1].text if subj is not None else None
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    predicate = verb.lemma_.lower() + (f" {particle}" if particle else "")
    return subject, predicate


def _date_claim(
    ent: SpacySpan, sentence: Span, article_date: date | None, future: bool
) -> Claim | None:
    value = normalise_date(ent.text, article_date, future=future)
    if value is None:
        return None
    subject, predicate = _governor(ent.root)
    return Claim(
        kind="date",
        value=value,
        span=Span(ent.start_char, ent.end_char),
        sentence=sentence,
        subject=subject,
        predicate=predicate,
        time=value,
    )


def _place_claim(ent: SpacySpan, sentence: Span) -> Claim | None:
    prep = ent.root.head
    if (
        ent.root.dep_ != "pobj"
        or prep.lower_ not in ("in", "at")
        or prep.head.pos_ not in ("VERB", "AUX")
    ):
        return None
    subject, predicate = _governor(prep)
    return Claim(
        kind="place",
        value=ent.text,
        span=Span(ent.start_char, ent.end_char),
        sentence=sentence,
        subject=subject,
        predicate=predicate,
        place=ent.text,
    )


def _venue_claim(ent: SpacySpan, sentence: Span, text: str) -> Claim | None:
    before = text[max(0, ent.start_char - 40) : ent.start_char]
    if re.search(r"\baccording to\s+$", before, re.IGNORECASE):
        kind = "attribution"
    elif MEDIA_VENUE.search(before):
        kind = "venue"
    else:
        return None
    subject, predicate = _governor(ent.root)
    return Claim(
        kind=kind,
        value=ent.text,
        span=Span(ent.start_char, ent.end_char),
        sentence=sentence,
        subject=subject,
        predicate=predicate,
    )
