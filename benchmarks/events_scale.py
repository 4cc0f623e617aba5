"""Event assignment at scale: time to place one article as the archive grows, and memory.

    python benchmarks/events_scale.py [--n 100000] [--batch 1000]

Synthetic news, generated from templates: events of 1-30 reports spread over the days (about
100 reports a day), each event with its own people, organisations, places, numbers and a date;
reports of one event share its names and vocabulary in varied templates. Articles arrive in
batches of ``--batch`` (a feed poll); each batch is stored and `Clusterer.run` places it, as
`storylens cluster` would. Printed around 1k, 10k and 100k stored articles: the median and p99
time to place one article (the interval between two placements), the whole batch run per
article (loading the active events, merge pass and storylines included), the process's
resident memory, and how many events and articles the clusterer held in memory at the end of
that run (the active window: what the cost per article depends on; at 1k stored articles the
14-day window is not yet full, since the stream brings about 100 reports a day), with the
article-to-article similarities computed per article (the work, free of timing noise). At the
end: events found (against the events generated) and how many the split pass split.

What this measures is the clustering stage alone. Enrichment and embedding are the pipeline's
other stages with their own benchmarks (benchmarks/enrich.py): running spaCy over 100,000
articles would take hours on two cores, so here the lemma counts and entity mentions come from
the templates and each report's vector is its event's topic vector plus noise.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import numpy as np

from storylens.events.cluster import Clusterer
from storylens.events.embed import DIMENSIONS
from storylens.model import Article, ArticleFeatures, Mention, content_hash
from storylens.store.sqlite import SQLiteStore

FIRST = ["Ana", "Ben", "Chen", "Dara", "Elif", "Farid", "Greta", "Hugo", "Ines", "Jonas"]
LAST = [
    f"{a}{b}"
    for a in ("Kar", "Lem", "Mor", "Nal", "Osk", "Par", "Rid", "Sol")
    for b in ("ov", "sen", "ani", "ez", "ic", "berg", "dottir", "ski")
]
PLACES = [
    f"{a}{b}"
    for a in ("Port ", "Lake ", "North ", "Upper ", "San ", "New ")
    for b in ("Alder", "Brenna", "Corin", "Dale", "Esk", "Fenn", "Gorm", "Holt", "Ivel", "Jura")
]
ORGS = [
    f"{a} {b}"
    for a in ("Veloria", "Kestrel", "Solvane", "Harbour", "Meridian", "Valley")
    for b in ("Bank", "Council", "Airlines", "Energy", "Rail", "Union", "Police", "Court")
]
KINDS = {
    "fire": ["wildfire", "evacuate", "blaze", "firefighter", "hectare", "smoke"],
    "vote": ["election", "ballot", "vote", "candidate", "turnout", "seat"],
    "strike": ["strike", "union", "wage", "walkout", "picket", "talks"],
    "quake": ["earthquake", "magnitude", "aftershock", "rubble", "rescue", "collapse"],
    "rate": ["interest", "rate", "inflation", "percent", "policy", "lending"],
    "crash": ["crash", "collision", "injured", "driver", "highway", "investigation"],
}
TEMPLATES = [
    "{person} said {number} {noun} were affected in {place} on {day}.",
    "In {place}, the {org} confirmed {number} {noun} after the {kind}.",
    "{org} officials told reporters the {kind} in {place} left {number} {noun}.",
    "The {kind} near {place}: {person} of the {org} counts {number} {noun}.",
]
VOCABULARY = [f"w{i}" for i in range(50_000)]  # event-specific rare words


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[1])
    return pages * 4096 / 2**20


class Generator:
    def __init__(self, seed: int = 7) -> None:
        self.rng = random.Random(seed)
        self.np = np.random.default_rng(seed)
        self.start = date(2025, 1, 1)

    def events(self, n: int) -> list[dict[str, object]]:
        """Report plans in publication order: (event, day, template fields)."""
        rng = self.rng
        reports: list[tuple[date, int, dict[str, object]]] = []
        made = 0
        event = 0
        while made < n:
            size = min(n - made, max(1, min(30, int(rng.paretovariate(1.2)))))
            day = self.start + timedelta(days=made // 100)
            kind = rng.choice(list(KINDS))
            plan = {
                "event": event,
                "kind": kind,
                "person": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                "org": rng.choice(ORGS),
                "place": rng.choice(PLACES),
                "number": rng.randint(2, 5000),
                "words": rng.sample(VOCABULARY, 6),
                "topic": self.np.standard_normal(DIMENSIONS).astype(np.float32),
            }
            for _ in range(size):
                reports.append((day + timedelta(days=rng.randint(0, 2)), event, plan))
            made += size
            event += 1
        reports.sort(key=lambda r: (r[0], r[1]))
        return [{"day": d, **plan} for d, _e, plan in reports]


def store_batch(
    store: SQLiteStore,
    gen: Generator,
    plans: list[dict[str, object]],
    offset: int,
    entity_ids: dict[str, int],
) -> None:
    rng = gen.rng
    with store.transaction():
        for i, plan in enumerate(plans):
            article_id = f"s{offset + i}"
            kind = str(plan["kind"])
            noun = rng.choice(KINDS[kind])
            fields = {**plan, "noun": noun, "day": plan["day"]}
            sentences = [t.format(**fields) for t in rng.sample(TEMPLATES, 3)]
            text = " ".join(sentences) + " " + " ".join(rng.sample(plan["words"], 4))  # type: ignore[arg-type]
            day = plan["day"]
            assert isinstance(day, date)
            store.insert(
                Article(
                    id=article_id,
                    url=None,
                    outlet=f"outlet{rng.randint(1, 300)}.example",
                    title=sentences[0],
                    published=day,
                    language="en",
                    text=text,
                    source="synthetic",
                    content_hash=content_hash(sentences[0], text),
                )
            )
            names = [("PERSON", plan["person"]), ("ORG", plan["org"]), ("GPE", plan["place"])]
            mentions = []
            for n, (label, name) in enumerate(names):
                if name not in entity_ids:
                    entity_ids[name] = store.create_entity(label, [f"n:{name}"])
                mentions.append(Mention(n * 10, n * 10 + 5, label, entity_ids[name]))
            store.save_mentions(article_id, content_hash(sentences[0], text), 5, mentions)
            words = [w.strip(".,:").lower() for w in text.split()]
            terms: dict[str, int] = {}
            for w in words:
                if len(w) > 3:
                    terms[w] = terms.get(w, 0) + 1
            store.save_terms(article_id, terms)
            topic = np.asarray(plan["topic"], dtype=np.float32)
            vector = (
                topic / np.linalg.norm(topic)
                + gen.np.standard_normal(DIMENSIONS).astype(np.float32) * 0.02
            )
            store.save_features(
                ArticleFeatures(
                    article_id, day.isoformat(), vector / np.linalg.norm(vector), {}, {}
                ),
                content_hash(sentences[0], text),
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--batch", type=int, default=1000)
    args = parser.parse_args()
    gen = Generator()
    plans = gen.events(args.n)
    marks = [m for m in (1_000, 10_000, 100_000) if m <= args.n] or [args.n]
    out: dict[str, object] = {"articles": args.n, "events": len({p["event"] for p in plans})}
    with tempfile.TemporaryDirectory(prefix="storylens-scale-") as tmp:
        store = SQLiteStore(Path(tmp) / "scale.db")
        entity_ids: dict[str, int] = {}
        begin = time.perf_counter()
        splits = 0
        for offset in range(0, args.n, args.batch):
            batch = plans[offset : offset + args.batch]
            store_batch(store, gen, batch, offset, entity_ids)
            stamps: list[float] = []
            start = time.perf_counter()
            clusterer = Clusterer(store)
            report = clusterer.run(on_article=lambda _a, s=stamps: s.append(time.perf_counter()))
            splits += report.split
            held_events, held_articles = clusterer.held()
            total_ms = (time.perf_counter() - start) * 1000
            intervals = np.diff(stamps) * 1000
            stored = offset + len(batch)
            for mark in marks:
                if offset < mark <= stored:
                    out[f"at_{mark}"] = {
                        "median_ms": round(float(np.median(intervals)), 3),
                        "p99_ms": round(float(np.percentile(intervals, 99)), 3),
                        "batch_ms_per_article": round(total_ms / len(batch), 3),
                        "rss_mb": round(rss_mb(), 1),
                        "held_events": held_events,
                        "held_articles": held_articles,
                        "comparisons_per_article": round(clusterer.comparisons / len(batch)),
                    }
                    print(json.dumps({f"at_{mark}": out[f"at_{mark}"]}), flush=True)
        out["seconds"] = round(time.perf_counter() - begin, 1)
        out["events_found"] = len(store.event_members())
        out["events_split"] = splits  # by the split pass, over the whole stream
        store.close()
    print(json.dumps(out))


if __name__ == "__main__":
    main()
