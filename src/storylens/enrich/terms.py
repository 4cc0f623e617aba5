"""An article's lemma counts, the sparse signal the event stage compares articles by.

Content words only (nouns, proper nouns, verbs, adjectives, numbers), lower-cased lemmas, no stop
words; words in the lead (the title and first sentences, where news says what happened) count
twice.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})
LEAD_CHARS = 400
MAX_TERM_CHARS = 40


def terms_from_doc(doc: Doc) -> dict[str, int]:
    counts: Counter[str] = Counter()
    for token in doc:
        if token.pos_ not in CONTENT_POS or token.is_stop or not token.text.strip():
            continue
        lemma = token.lemma_.casefold().strip(".,'’\"")
        if len(lemma) < 2 or len(lemma) > MAX_TERM_CHARS or not any(c.isalnum() for c in lemma):
            continue
        counts[lemma] += 2 if token.idx < LEAD_CHARS else 1
    return dict(counts)
