"""Attributions (who said what) from a parsed document: cue, source and content spans.

Rules over spaCy's dependency parse, tuned on the PolNeAR train split (`storylens eval quotes`):

- a *cue* is a verb of saying, thinking or reporting ("said", "told", "warned", "wrote"), or
  "according to";
- its *source* is the verb's subject (for a participle such as "adding", the subject of the verb
  it hangs from); for "according to", the object of "to";
- its *content* is the verb's clausal complement ("that ..." included), or, for "according to",
  the rest of the sentence; with "said:" the text after the colon.

A quotation mark at either end of the content makes the quote direct.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from storylens.enrich.nlp import doc_text
from storylens.model import Quote, Span

# Lemmas of cue verbs, from the PolNeAR train cues. A lemma is in when adding it raised the exact
# F1 of content on train (measured with `storylens eval quotes`); "seem", "appear", "expect",
# "see", "continue", "release" and "require" lowered it; "want" and "know" left it unchanged.
CUE_LEMMAS = frozenset(
    """say tell add write ask note report announce suggest argue describe tweet explain
    acknowledge declare accuse criticize criticise insist claim state warn emphasize
    emphasise stress recall respond reply agree deny admit confirm predict urge contend
    conclude complain observe concede testify allege maintain assert
    reiterate indicate estimate caution charge counter blast question remark boast
    proclaim recount disclose reveal speculate lament
    point refer refuse decline cite mention promise vow express praise denounce wonder
    defend discuss endorse worry hope show propose think believe seek offer back oppose
    consider pledge attack view plan answer repeat reject fear echo assure challenge remind
    mock dismiss recognize post condemn blame highlight joke threaten imply tout encourage
    press unveil portray recite comment applaud recommend email quote deem rebut demand slam
    decry hint assail find support prefer thank name envision""".split()
)
QUOTE_CHARS = "\"“”«»'‘’"
_SUBJECTS = ("nsubj", "nsubjpass")
# Verbs whose direct object is what was said ("announced his candidacy", "denied the report").
_OBJECT_CONTENT = frozenset(
    """say announce report write tweet deny acknowledge admit confirm reveal disclose describe
    explain ask cite mention express praise denounce defend discuss endorse propose offer back
    oppose consider attack reject echo repeat mock dismiss condemn blame highlight post tout
    unveil portray recite applaud recommend email quote rebut demand slam decry assail support
    criticize criticise prefer thank name envision accuse""".split()
)
_COMPLEMENTS = ("ccomp", "xcomp")
_EDGE_PUNCT = " ,;:—–-"


# Attribution on a line of its own: a headline ('We will win': Blinken / Blinken: We will win)
# or a transcript (BLINKEN: We will ...). Labels such as "Update:" are not speakers.
_NAME = r"[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){0,3}"
_QUOTED_LINE = r"(?P<q>(?P<o>['‘“\"]).{10,400}?['’”\"])"
_LINE_ATTRIBUTIONS = (
    re.compile(rf"^[ \t]*{_QUOTED_LINE}[ \t]*(?P<cue>:)[ \t]*(?P<name>{_NAME})[ \t]*$", re.M),
    re.compile(
        rf"^[ \t]*(?P<name>{_NAME})[ \t]*(?P<cue>:)[ \t]+(?P<q>[^\n]{{10,400}}?)\.?[ \t]*$", re.M
    ),
)
_LABELS = frozenset(
    """update updated note editor's related correction photos photo video watch read source
    sources image images caption credit listen advertisement more also see q a""".split()
)


def _line_attributions(text: str) -> list[Quote]:
    out = []
    for pattern in _LINE_ATTRIBUTIONS:
        for m in pattern.finditer(text):
            if m.group("name").split()[0].lower() in _LABELS:
                continue
            content = Span(m.start("q"), m.end("q"))
            out.append(
                Quote(
                    cue=(Span(m.start("cue"), m.end("cue")),),
                    sources=(Span(m.start("name"), m.end("name")),),
                    contents=(content,),
                    direct=_is_direct(text, content),
                )
            )
    return out


def quotes_from_doc(doc: Doc) -> list[Quote]:
    """Attributions found in ``doc``, in text order (offsets into ``doc.text``)."""
    found: list[Quote] = _line_attributions(doc_text(doc))
    for sent in doc.sents:
        for token in sent:
            quote = _according_to(token, sent) if token.lower_ == "according" else None
            if (
                quote is None
                and token.pos_ == "VERB"
                and (
                    token.lemma_.lower() in CUE_LEMMAS
                    or _prep_cue(token)
                    or token.lemma_.lower() == "call"
                )
            ):
                quote = _verb_cue(token, sent)
            if quote is not None:
                found.append(quote)
    return sorted(found, key=lambda q: q.cue[0].start)


def _verb_cue(verb: Token, sent: SpacySpan) -> Quote | None:
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None  # "wanted to say": an intention, not an attribution
    if verb.dep_ == "amod":
        return None  # "the pledged delegates": a participle describing a noun
    fragments = _complement(verb, sent)
    if not fragments:
        return None
    content = fragments[0]
    source = _subject(verb)
    if source is not None:
        source = _appositive_comma(doc_text(verb.doc), source)
    cue = _cue_span(verb)
    if len(fragments) == 1 and content.start < cue.start and cue.end < content.end:
        # "who he said were living abroad": the words reported come after the cue
        content = _trim(doc_text(verb.doc), cue.end, content.end)
        fragments = (content,)
    if source is not None and _overlaps(source, content):
        source = None
    text = doc_text(verb.doc)
    quoted = _doc_quotations(verb.doc)
    if any(q.start < cue.start and cue.end < q.end for q in quoted):
        return None  # a cue inside a quotation is part of what was quoted
    contents = (
        _quotation(text, content, cue, quoted, may_open=verb.dep_ not in ("advcl", "xcomp", "conj"))
        if len(fragments) == 1
        else fragments
    )
    return Quote(
        cue=(cue,),
        sources=(source,) if source is not None else (),
        contents=contents,
        direct=_is_direct(text, contents[0]),
    )


def _appositive_comma(text: str, source: Span) -> Span:
    """ "Lena Osei, governor of the bank," keeps the comma that closes the apposition."""
    if "," in text[source.start : source.end] and text[source.end : source.end + 1] == ",":
        return Span(source.start, source.end + 1)
    return source


# Quotations: curly quotes, straight double quotes, and the doubled apostrophes some papers
# print (''like this''). Single quotes are left alone: they nest inside double ones.
_QUOTATION = re.compile(r"[“\"][^“”\"\n]*[”\"]|''(?:(?!'')[^\n])*''")


def quotations(text: str) -> list[Span]:
    """Quoted stretches of ``text`` (quotation marks included), within paragraphs."""
    return [Span(m.start(), m.end()) for m in _QUOTATION.finditer(text)]


# How far after the cue a quotation may resume and still continue the same quote: past a
# long source ("says Mara Quist, who has led the opposition since 2019. “…”").
MAX_GAP = 250


def _quotation(
    text: str, content: Span, cue: Span, quoted: list[Span], may_open: bool = True
) -> tuple[Span, ...]:
    """Widen a content inside a quotation to the whole quotation, and add its second part
    when the cue interrupts it ("“A,” he said, “B.”" gives two fragments)."""
    inside = next(
        (q for q in quoted if q.start <= content.start < q.end or q.start < content.end <= q.end),
        None,
    )
    if inside is None:
        return (content,)
    first = Span(min(inside.start, content.start), max(inside.end, content.end))
    if first.end <= cue.start:
        # the quotation goes on after the cue: "…,” Smith said. “…”
        after = next((q for q in quoted if q.start >= cue.end), None)
        between = text[cue.end : after.start] if after is not None else ""
        if (
            after is not None
            and len(between) <= MAX_GAP
            and ("\n" not in between or _paragraph_quote(text, between, after))
            and (
                text[first.end - 2 : first.end - 1] in ",:!?"
                or text[first.end - 3 : first.end - 2] in ",!?"
            )
        ):
            return (first, after)
    elif first.start >= cue.end and may_open:
        # the quotation began before the cue: "“Judge,” Brafman said, “I have never …”"
        opening = next((q for q in reversed(quoted) if q.end <= cue.start), None)
        between = text[opening.end : cue.start] if opening is not None else ""
        if (
            opening is not None
            and len(between) <= 80
            and "\n" not in between
            and ". " not in between
            and _ends_open(text, opening)
        ):
            return (opening, first)
    return (first,)


def _ends_open(text: str, quotation: Span) -> bool:
    """Does the quotation end on a comma, so that the sentence goes on after the cue?"""
    inner = text[quotation.start : quotation.end].rstrip(QUOTE_CHARS)
    return inner.endswith(",")


def _paragraph_quote(text: str, between: str, after: Span) -> bool:
    """A quotation that makes up the whole next paragraph goes on with the speaker's words."""
    head, _, rest = between.partition("\n")
    if rest.strip() or any(c in QUOTE_CHARS for c in head):
        return False
    end = text.find("\n", after.end)
    tail = text[after.end : end if end >= 0 else len(text)]
    return not tail.strip()


def _doc_quotations(doc: Doc) -> list[Span]:
    cached = doc.user_data.get("storylens_quotations")
    if cached is None:
        cached = quotations(doc_text(doc))
        doc.user_data["storylens_quotations"] = cached
    return list(cached)


def _according_to(token: Token, sent: SpacySpan) -> Quote | None:
    to = next((c for c in token.children if c.lower_ == "to"), None)
    if to is None:
        return None
    obj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if obj is None:
        return None
    source = _subtree_span(obj)
    phrase = _subtree_span(token)
    # content: the sentence without the "according to ..." phrase and its punctuation
    before = _trim(doc_text(sent.doc), sent.start_char, phrase.start)
    after = _trim(doc_text(sent.doc), phrase.end, sent.end_char, drop_final=True)
    content = after if (after.end - after.start) >= (before.end - before.start) else before
    content = _without_lead(sent, content)
    if content.end - content.start < 10:
        return None
    return Quote(
        cue=(Span(token.idx, to.idx + len(to.text)),),
        sources=(source,),
        contents=(content,),
        direct=_is_direct(doc_text(sent.doc), content),
    )


def _without_lead(sent: SpacySpan, content: Span) -> Span:
    """``content`` without the conjunction it opens with ("But", "And"), which the annotators
    leave out. (Dropping comma-closed adverbials too lowered the train F1.)"""
    first = next((t for t in sent if t.idx >= content.start), None)
    if first is None or first.dep_ != "cc" or first.idx + len(first.text) >= content.end:
        return content
    return _trim(doc_text(sent.doc), first.idx + len(first.text), content.end)


def _subject(verb: Token) -> Span | None:
    for head in (verb, verb.head):
        subj = next((c for c in head.children if c.dep_ in _SUBJECTS), None)
        if subj is not None:
            return _source_span(subj)
        if verb.dep_ not in ("advcl", "xcomp", "conj"):
            break
    return None


def _complement(verb: Token, sent: SpacySpan) -> tuple[Span, ...]:
    """The content fragments of a cue verb, or () when it has none."""
    text = doc_text(verb.doc)
    prep = _prep_cue(verb)
    if prep is not None:
        obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
        if obj is None:
            return ()
        return (_with_quotes(text, _with_infinitive(verb, obj, _subtree_span(obj))),)
    labelled = _labelling(verb)
    if labelled is not None or verb.lemma_.lower() == "call":
        return (labelled,) if labelled is not None else ()
    comps = [c for c in verb.children if c.dep_ in _COMPLEMENTS]
    if len(comps) > 1 and all(c.i < verb.i for c in comps):
        # "A, but B, an official said." parsed as two complements of the cue: both were said
        first, last = _subtree_span(comps[0]), _subtree_span(comps[-1])
        return (_with_quotes(text, _trim(text, first.start, last.end)),)
    comp = comps[0] if comps else None
    if comp is not None:
        if _said_of_the_whole(verb, comp):
            # "A, but B, the source added.": the parse hangs the cue from A as a conjunct and
            # takes only B for what was said; the source said both
            edge = verb.head.left_edge
            end = _subtree_span(comp).end
            return (_with_quotes(text, _trim(text, edge.idx, end)),)
        span = _subtree_span(comp)
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if comp.dep_ == "xcomp" and obj is not None and obj.i < comp.i:
            # "urged voters to check their polling places": who is urged is part of it
            span = Span(_subtree_span(obj).start, span.end)
        return (_with_quotes(text, span),)
    for prep in (c for c in verb.rights if c.dep_ == "prep"):
        # "said in a statement that …": the clause the parse hung from the noun
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            clause = next(
                (
                    c
                    for c in obj.rights
                    if c.dep_ in ("acl", "ccomp", "relcl")
                    and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                ),
                None,
            )
            if clause is not None:
                return (_with_quotes(text, _subtree_span(clause)),)
    participle = verb.dep_ in ("advcl", "xcomp", "conj")  # "…,” he said, citing the polls"
    has_object = any(c.dep_ == "dobj" for c in verb.children)
    before = None if participle or has_object else _quotation_before(verb, sent)
    if before is not None:
        return (before,)
    colon = next((c for c in verb.rights if c.text == ":"), None)
    if colon is not None and colon.i + 1 < sent.end:
        return (_trim(text, colon.idx + 1, sent.end_char),)
    after = _quotation_after(verb)
    if after is not None:
        return (after,)
    if (
        verb.dep_ == "parataxis"
        and verb.head.i != verb.i
        and not any(c.dep_ in ("dobj", "advcl", "conj", "xcomp") for c in verb.rights)
    ):
        # "In the north, Silvi said, the fire is contained.": the sentence around
        # the interjected cue clause, in two fragments when the cue stands inside it.
        inner = list(verb.subtree)
        before = _trim(text, sent.start_char, inner[0].idx, drop_final=True)
        after = _trim(text, inner[-1].idx + len(inner[-1].text), sent.end_char, drop_final=True)
        return tuple(f for f in (before, after) if f.end - f.start >= 3)
    others = [
        c
        for c in verb.children
        if c.dep_ not in ("nsubj", "nsubjpass", "punct", "aux", "advmod", "neg")
    ]
    if not others and verb.i > sent.start and sent.start > 0:
        # "Reyk said." after a quotation: the content is the sentence before.
        prev = verb.doc[sent.start - 1].sent
        return (_trim(text, prev.start_char, prev.end_char),)
    if verb.lemma_ in _OBJECT_CONTENT:
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if obj is not None:
            return (_with_quotes(text, _object_span(verb, obj)),)
    return ()


def _with_infinitive(verb: Token, obj: Token, span: Span) -> Span:
    """ "called on the ministry to stop blaming the city": the object of a prepositional cue
    with the infinitive the cue governs after it."""
    infinitive = next(
        (
            c
            for c in verb.children
            if c.dep_ == "xcomp" and c.i > obj.i and any(a.lower_ == "to" for a in c.children)
        ),
        None,
    )
    return Span(span.start, _subtree_span(infinitive).end) if infinitive is not None else span


def _said_of_the_whole(verb: Token, comp: Token) -> bool:
    """Whether a cue at the end of a sentence ("..., the source said.") reports the whole
    sentence before it while the parse made the cue a conjunct of its first clause: the cue
    is a ``conj`` of a verb before its complement, and its subject comes after it."""
    if verb.dep_ != "conj" or not verb.head.i < comp.i < verb.i:
        return False
    subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
    return subject is not None and subject.i > comp.right_edge.i


def _quotation_before(verb: Token, sent: SpacySpan) -> Span | None:
    """The quotation the cue's clause closes ("“We will rebuild,” Reyk said."), when the
    parse did not tie the two."""
    text = doc_text(verb.doc)
    quoted = [
        q
        for q in _doc_quotations(verb.doc)
        if q.end <= verb.idx
        # inside the cue's sentence, or all of the one before ("“Who do they think they
        # are?” Trump said." splits after the question mark)
        and (sent.start_char <= q.start or not text[q.end : sent.start_char].strip())
    ]
    if not quoted:
        return None
    last = quoted[-1]
    between = text[last.end : verb.idx]
    # the quotation hands over to its cue with a comma, "!" or "?" inside or right after it
    closed = text[last.start : last.end].rstrip(QUOTE_CHARS)  # '' and ” alike
    hands_over = closed.endswith((",", "!", "?")) or between.lstrip().startswith((",", "!", "?"))
    if len(between) > MAX_GAP or "\n" in between or not hands_over:
        return None
    return last


def _quotation_after(verb: Token) -> Span | None:
    """The quotation the cue introduces ("Ryan said, “Sure.”", "telling the crowd, “…”")."""
    text = doc_text(verb.doc)
    end = verb.idx + len(verb.text)
    quoted = next((q for q in _doc_quotations(verb.doc) if q.start >= end), None)
    if quoted is None:
        return None
    between = text[end : quoted.start]
    if len(between) > 60 or "\n" in between or not between.rstrip().endswith((",", ":")):
        return None
    if any(c in ".;!?" for c in between):
        return None
    return quoted


# Phrases after the object that belong to what was said ("denied the report *about the
# deal*"), as against those that tell where or when it was said.
_OBJECT_TAIL = ("prep", "advcl", "xcomp", "dative", "oprd")
_SETTING_PREPS = frozenset("in on at during after before while since".split())


def _object_span(verb: Token, obj: Token) -> Span:
    """The object of a cue verb with the phrases that complete it."""
    end = obj.right_edge
    for child in verb.rights:
        if child.i <= obj.i:
            continue
        if child.dep_ not in _OBJECT_TAIL or child.lower_ in _SETTING_PREPS:
            break
        end = child.right_edge
    return _trim(doc_text(verb.doc), obj.left_edge.idx, end.idx + len(end.text))


# Verbs that make a cue with a preposition, whose object is then the content ("called for a
# ceasefire", "pointed to the figures"), from the PolNeAR train cues ("voted for", "focused on"
# are left out: acts, not statements).
PREP_CUES = frozenset(
    {
        ("refer", "to"),
        ("point", "to"),
        ("call", "for"),
        ("call", "on"),
        ("talk", "about"),
        ("speak", "about"),
        ("respond", "to"),
        ("boast", "about"),
        ("comment", "on"),
        ("complain", "about"),
        ("warn", "of"),
        ("warn", "about"),
        ("ask", "about"),
        ("speak", "of"),
        ("push", "for"),
        ("argue", "for"),
    }
)


def _prep_cue(verb: Token) -> Token | None:
    """The preposition right after ``verb`` that makes a cue with it, if any."""
    if verb.i + 1 >= len(verb.doc):
        return None
    prep = verb.doc[verb.i + 1]
    if prep.head == verb and (verb.lemma_.lower(), prep.lower_) in PREP_CUES:
        return prep
    return None


def _labelling(verb: Token) -> Span | None:
    """ "called the plan “reckless”", "described the vote as “a disgrace”": what the source
    labels something as is the content, object and label together."""
    lemma = verb.lemma_.lower()
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    if lemma == "call":
        label = next(
            (c for c in verb.children if c.dep_ in ("oprd", "xcomp") and c.i > obj.i), None
        )
    elif lemma == "describe":
        label = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"), None)
    else:
        return None
    if label is None:
        return None
    text = doc_text(verb.doc)
    end = label.right_edge
    return _with_quotes(text, _trim(text, obj.left_edge.idx, end.idx + len(end.text)))


def _cue_span(verb: Token) -> Span:
    """The cue with its adjacent auxiliaries and adverbs ("has also said"), a particle or
    preposition that makes the cue ("pointed out", "referring to"), "in a statement", or a
    colon, as the annotators mark it; not a following day ("said Friday")."""
    doc = verb.doc
    start = verb
    while (
        start.i > 0
        and doc[start.i - 1].head == verb
        and doc[start.i - 1].dep_ in ("aux", "auxpass", "neg", "advmod")
        and doc[start.i - 1].lower_ not in ("when", "while", "as")
    ):
        start = doc[start.i - 1]
    end = verb
    particle = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    if particle is not None and particle.head == verb and particle.dep_ == "prt":
        end = particle  # "pointed out"
    elif particle is not None and _prep_cue(verb) == particle:
        end = particle  # "referring to", "called for"
    if end is not verb:
        return Span(start.idx, end.idx + len(end.text))
    nxt = doc[end.i + 1] if end.i + 1 < len(doc) else None
    if nxt is not None and nxt.text == ":":
        end = nxt
    elif nxt is not None and doc[end.i + 1 : end.i + 4].text.lower() == "in a statement":
        end = doc[end.i + 3]
    return Span(start.idx, end.idx + len(end.text))


def _source_span(head: Token) -> Span:
    """The source noun phrase, without a trailing relative clause ("Reyk, who took office in
    May," is marked "Reyk" by the annotators)."""
    tokens = list(head.subtree)
    relcl = [c for c in head.rights if c.dep_ == "relcl"]
    if relcl:
        cut = min(t.i for t in relcl[0].subtree)
        kept = [t for t in tokens if t.i < cut]
        if kept:
            tokens = kept
    text = doc_text(head.doc)
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    newline = text.rfind("\n", start, end)
    if newline >= 0:  # a source never runs across lines (tweets and captions glued on)
        start = newline + 1
    return _trim(text, start, end)


def _subtree_span(token: Token) -> Span:
    tokens = list(token.subtree)
    text = doc_text(token.doc)
    return _trim(text, tokens[0].idx, tokens[-1].idx + len(tokens[-1].text))


def _with_quotes(text: str, span: Span) -> Span:
    """Take in a quotation mark right outside the span when its pair is inside or beside it;
    a parsed content never runs on into the next paragraph."""
    start, end = span.start, span.end
    newline = text.find("\n", start, end)
    if newline >= 0:
        span = _trim(text, start, newline)
        start, end = span.start, span.end
    if start > 0 and text[start - 1] in QUOTE_CHARS:
        start -= 1
        if text[start - 1 : start] == "'" and text[start] == "'":
            start -= 1
    if end + 1 < len(text) and text[end] in ",." and text[end + 1] in QUOTE_CHARS:
        end += 2
    elif end < len(text) and text[end] in QUOTE_CHARS:
        end += 1
    if text[end - 1 : end] == "'" and text[end : end + 1] == "'":
        end += 1  # the second half of a doubled apostrophe (''like this'')
    return Span(start, end)


def _trim(text: str, start: int, end: int, drop_final: bool = False) -> Span:
    while start < end and (text[start].isspace() or text[start] in _EDGE_PUNCT):
        start += 1
    while end > start and (
        text[end - 1].isspace()
        or text[end - 1] in _EDGE_PUNCT
        or (drop_final and text[end - 1] == ".")
    ):
        end -= 1
    return Span(start, end)


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _is_direct(text: str, span: Span) -> bool:
    inner = text[span.start : span.end]
    return bool(inner) and (inner[0] in QUOTE_CHARS or inner[-1] in QUOTE_CHARS)
