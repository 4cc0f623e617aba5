"""An article's lemma counts (the sparse signal the event stage compares articles by) and its
sentences with their content lemmas (what the comparison stage aligns).

Content words only (nouns, proper nouns, verbs, adjectives, numbers), lower-cased lemmas, no stop
words; words in the lead (the title and first sentences, where news says what happened) count
twice.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection

from spacy.tokens import Doc, Token

from storylens.model import Sentence, Span

CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})
# past, present (3rd person and not) and modal: a clause's verb, as a caption's "-ing" is not
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
LEAD_CHARS = 400
MAX_TERM_CHARS = 40


def content_lemma(token: Token) -> str | None:
    """The token's lower-case lemma if it is a content word, else None."""
    if token.pos_ not in CONTENT_POS or token.is_stop or not token.text.strip():
        return None
    lemma = str(token.lemma_).casefold().strip(".,'’\"")
    if len(lemma) < 2 or len(lemma) > MAX_TERM_CHARS or not any(c.isalnum() for c in lemma):
        return None
    return lemma


def content_lemmas(doc: Doc) -> list[str | None]:
    """``content_lemma`` of every token of ``doc``, computed once per document."""
    found = doc.user_data.get("storylens_content_lemmas")
    if found is None:
        found = [content_lemma(token) for token in doc]
        doc.user_data["storylens_content_lemmas"] = found
    return list(found)


def terms_from_doc(doc: Doc) -> dict[str, int]:
    counts: Counter[str] = Counter()
    for token, lemma in zip(doc, content_lemmas(doc), strict=True):
        if lemma is not None:
            counts[lemma] += 2 if token.idx < LEAD_CHARS else 1
    return dict(counts)


def sentences_from_doc(doc: Doc, captions: Collection[Span] = ()) -> list[Sentence]:
    """The document's sentences, trimmed of surrounding white space, with content lemmas,
    whether they have a finite verb and whether they are a caption (one of ``captions``, the
    sentences ``captions_from_doc`` found)."""
    captions = set(captions)
    of_token = content_lemmas(doc)
    out: list[Sentence] = []
    for sent in doc.sents:
        tokens = [t for t in sent if not t.is_space]
        if not tokens:
            continue
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        lemmas = tuple(lem for lem in (of_token[t.i] for t in tokens) if lem is not None)
        finite = any(t.tag_ in FINITE_TAGS for t in tokens)
        out.append(Sentence(start, end, lemmas, finite, Span(start, end) in captions))
    return out
