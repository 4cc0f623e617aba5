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

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from storylens.model import Quote, Span

# Lemmas of cue verbs, from the PolNeAR train cues (most frequent first), minus the verbs whose
# attributive use there is rarer than their other uses ("call", "show", "find", "see").
CUE_LEMMAS = frozenset(
    """say tell add write ask note report announce suggest argue describe tweet think explain
    acknowledge declare accuse criticize criticise believe insist claim state warn emphasize
    emphasise stress recall respond reply agree deny admit confirm predict urge contend
    conclude complain observe concede testify allege maintain assert promise vow pledge
    reiterate indicate estimate caution point charge counter blast question remark boast
    proclaim recount acknowledge disclose reveal speculate lament""".split()
)
QUOTE_CHARS = "\"“”«»'‘’"
_SUBJECTS = ("nsubj", "nsubjpass")
_COMPLEMENTS = ("ccomp", "xcomp")
_EDGE_PUNCT = " ,;:—–-"


def quotes_from_doc(doc: Doc) -> list[Quote]:
    """Attributions found in ``doc``, in text order (offsets into ``doc.text``)."""
    found: list[Quote] = []
    for sent in doc.sents:
        for token in sent:
            quote = _according_to(token, sent) if token.lower_ == "according" else None
            if quote is None and token.lemma_.lower() in CUE_LEMMAS and token.pos_ in ("VERB",):
                quote = _verb_cue(token, sent)
            if quote is not None:
                found.append(quote)
    return found


def _verb_cue(verb: Token, sent: SpacySpan) -> Quote | None:
    content = _complement(verb, sent)
    if content is None:
        return None
    source = _subject(verb)
    cue = _cue_span(verb)
    if source is not None and _overlaps(source, content):
        source = None
    text = verb.doc.text
    return Quote(
        cue=(cue,),
        sources=(source,) if source is not None else (),
        contents=(content,),
        direct=_is_direct(text, content),
    )


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
    before = _trim(sent.doc.text, sent.start_char, phrase.start)
    after = _trim(sent.doc.text, phrase.end, sent.end_char, drop_final=True)
    content = after if (after.end - after.start) >= (before.end - before.start) else before
    if content.end - content.start < 10:
        return None
    return Quote(
        cue=(Span(token.idx, to.idx + len(to.text)),),
        sources=(source,),
        contents=(content,),
        direct=_is_direct(sent.doc.text, content),
    )


def _subject(verb: Token) -> Span | None:
    for head in (verb, verb.head):
        subj = next((c for c in head.children if c.dep_ in _SUBJECTS), None)
        if subj is not None:
            return _subtree_span(subj)
        if verb.dep_ not in ("advcl", "xcomp", "conj"):
            break
    return None


def _complement(verb: Token, sent: SpacySpan) -> Span | None:
    comp = next((c for c in verb.children if c.dep_ in _COMPLEMENTS), None)
    text = verb.doc.text
    if comp is not None:
        span = _subtree_span(comp)
        return _with_quotes(text, span)
    colon = next((c for c in verb.rights if c.text == ":"), None)
    if colon is not None and colon.i + 1 < sent.end:
        return _trim(text, colon.idx + 1, sent.end_char)
    return None


def _cue_span(verb: Token) -> Span:
    start = verb
    for aux in verb.lefts:  # "has said", "would tell"
        if aux.dep_ in ("aux", "auxpass", "neg") and aux.i == start.i - 1:
            start = aux
    return Span(start.idx, verb.idx + len(verb.text))


def _subtree_span(token: Token) -> Span:
    tokens = list(token.subtree)
    text = token.doc.text
    return _trim(text, tokens[0].idx, tokens[-1].idx + len(tokens[-1].text))


def _with_quotes(text: str, span: Span) -> Span:
    """Take in a quotation mark right outside the span when its pair is inside or beside it."""
    start, end = span.start, span.end
    if start > 0 and text[start - 1] in QUOTE_CHARS:
        start -= 1
    if (
        end < len(text)
        and text[end] in ",."
        and end + 1 < len(text)
        and text[end + 1] in QUOTE_CHARS
    ):
        end += 2
    elif end < len(text) and text[end] in QUOTE_CHARS:
        end += 1
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
