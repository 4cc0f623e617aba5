"""Features of each article for the event stage: its embedding and its day.

Terms and entities come from enrichment (stored); this adds the dense vector of the title and
lead, computed in batches and stored, so clustering never embeds an article twice.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from storylens.events.embed import embedder
from storylens.model import ArticleFeatures, StoredArticle
from storylens.store.base import Store

LEAD_CHARS = 1500  # about the 256 tokens the embedder reads
BATCH = 64


def lead_of(stored: StoredArticle) -> str:
    """The title and the start of the text (the title only once when the text repeats it)."""
    a = stored.article
    text = a.text.strip()
    if a.title and not text.startswith(a.title.strip()):
        text = f"{a.title.strip()}.\n{text}"
    return text[:LEAD_CHARS]


def featurize(store: Store, on_article: Callable[[str], None] | None = None) -> int:
    """Compute and store features for every enriched article that lacks them; returns how many."""
    pending = store.unfeatured()
    done = 0
    for start in range(0, len(pending), BATCH):
        batch = [s for a in pending[start : start + BATCH] if (s := store.get(a)) is not None]
        vectors = embedder().embed([lead_of(s) for s in batch])
        with store.transaction():
            for stored, vector in zip(batch, vectors, strict=True):
                published = stored.article.published_iso
                features = ArticleFeatures(
                    article_id=stored.article.id,
                    day=published[:10] if published else None,
                    vector=np.asarray(vector, dtype=np.float32),
                    terms={},
                    entities={},
                )
                store.save_features(features, stored.article.content_hash)
                done += 1
                if on_article is not None:
                    on_article(stored.article.id)
    return done
