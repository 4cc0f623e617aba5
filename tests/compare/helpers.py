"""Reports made by hand, without spaCy: sentences split at full stops, name mentions where the
test says, no claims unless given. Enough for the comparison's own rules."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from storylens.compare import Report
from storylens.compare.words import content_words
from storylens.model import Article, Claim, Mention, Sentence, StoredArticle, content_hash

_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])|\n+")


def sentences(text: str) -> tuple[Sentence, ...]:
    out = []
    bounds = [0] + [m.end() for m in _BREAK.finditer(text)] + [len(text)]
    for start, end in itertools.pairwise(bounds):
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append(Sentence(start, end, tuple(content_words(text[start:end]))))
    return tuple(out)


def report(
    article_id: str,
    text: str,
    *,
    outlet: str | None = None,
    names: Sequence[str] = (),
    label: str = "PERSON",
    claims: Sequence[Claim] = (),
    copy_of: str | None = None,
    published: str | None = None,
    seq: int = 0,
) -> Report:
    from datetime import date

    article = Article(
        id=article_id,
        url=None,
        outlet=outlet or article_id,
        title="",
        published=date.fromisoformat(published) if published else None,
        language="en",
        text=text,
        source="test",
        content_hash=content_hash("", text),
    )
    mentions = []
    for name in names:
        for m in re.finditer(re.escape(name), text):
            mentions.append(Mention(m.start(), m.end(), label))
    stored = StoredArticle(article, 1, seq, copy_of, "2026-01-01T00:00:00")
    return Report(
        stored=stored,
        source=copy_of or article_id,
        sentences=sentences(text),
        claims=tuple(claims),
        quotes=(),
        mentions=tuple(sorted(mentions, key=lambda m: m.start)),
    )


def idf_of(reports: Sequence[Report]) -> dict[str, float]:
    """Every lemma equally rare: tests do not depend on a store's document frequencies."""
    return {lem: 3.0 for r in reports for s in r.sentences for lem in s.lemmas}
