"""Event clustering side by side: storylens against two baselines on the same articles.

    python benchmarks/events.py [FILE.jsonl] [--gold-field gold_event]

Default FILE: ../shared/eval/dev/articles.jsonl. The articles are ingested and enriched once
(timed apart); then each method clusters them and is scored with B-cubed and pairwise F1:

- storylens: the streaming clusterer (embeddings + lemma TF-IDF + entities, stable ids);
- tfidf-agglomerative: scikit-learn TF-IDF (sublinear, English stop words, title + text) with
  average-link agglomerative clustering at cosine distance 0.75, the best threshold on the dev
  corpus in ../shared/DEPENDENCIES.md (an oracle setting: tuned on the data it is scored on);
- hdbscan-embeddings: scikit-learn's HDBSCAN (min_cluster_size 2) over the same MiniLM vectors
  storylens uses; noise points count as events of their own.

Needs the `bench` extra (scikit-learn).
"""

from __future__ import annotations

import json
import shutil
import tempfile
import time
from pathlib import Path

import numpy as np

from _gold import gold_parser, parse_gold_args


def main() -> None:
    parser = gold_parser(__doc__)
    args = parse_gold_args(parser)

    from sklearn.cluster import HDBSCAN, AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    from storylens.enrich import Enricher
    from storylens.events import Clusterer, featurize
    from storylens.events.evaluate import bcubed, pairwise
    from storylens.pipeline import ingest
    from storylens.store.sqlite import SQLiteStore

    records = [json.loads(line) for line in args.file.open(encoding="utf-8") if line.strip()]
    gold = {str(r["id"]): r[args.gold_field] for r in records}
    results = []
    with tempfile.TemporaryDirectory(prefix="storylens-bench-") as tmp:
        db = Path(tmp) / "base.db"
        store = SQLiteStore(db)
        begin = time.perf_counter()
        ingest([str(args.file)], store, reader_process=False)
        Enricher(store).run()
        prepared = time.perf_counter() - begin
        begin = time.perf_counter()
        featurize(store)
        embedded = time.perf_counter() - begin
        ids = [a for a in gold if store.get(a) is not None]
        stored = [store.get(a) for a in ids]
        texts = [f"{s.article.title} {s.article.text}" for s in stored if s is not None]
        features = store.features(ids)
        vectors = np.stack([features[a].vector for a in ids])
        store.close()

        def score(name: str, pred: dict[str, object], seconds: float) -> None:
            results.append(
                {
                    "method": name,
                    "bcubed": bcubed(pred, gold)["f1"],
                    "pairwise": pairwise(pred, gold)["f1"],
                    "events": len(set(pred.values())),
                    "seconds": round(seconds, 2),
                }
            )

        shutil.copy(db, Path(tmp) / "storylens.db")
        copy = SQLiteStore(Path(tmp) / "storylens.db")
        begin = time.perf_counter()
        Clusterer(copy).run()
        seconds = time.perf_counter() - begin + embedded
        members = copy.event_members()
        copy.close()
        score("storylens", {a: e for e, m in members.items() for a in m}, seconds)

        begin = time.perf_counter()
        matrix = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(texts)
        labels = AgglomerativeClustering(
            n_clusters=None, metric="cosine", linkage="average", distance_threshold=0.75
        ).fit_predict(matrix.toarray())
        score(
            "tfidf-agglomerative",
            dict(zip(ids, labels.tolist(), strict=True)),
            time.perf_counter() - begin,
        )

        begin = time.perf_counter()
        labels = HDBSCAN(min_cluster_size=2, copy=True).fit_predict(vectors)
        pred = {
            a: (int(x) if x >= 0 else f"noise-{i}")
            for i, (a, x) in enumerate(zip(ids, labels, strict=True))
        }
        score("hdbscan-embeddings", pred, time.perf_counter() - begin + embedded)

    print(
        json.dumps(
            {
                "articles": len(ids),
                "events_gold": len(set(gold.values())),
                "ingest_and_enrich_seconds": round(prepared, 2),
                "embed_seconds": round(embedded, 2),
                "methods": results,
            },
            indent=1,
        )
    )


if __name__ == "__main__":
    main()
