"""The seeds acceptance case and the dev quality floors of the comparison."""

from __future__ import annotations

from pathlib import Path

import pytest

from storylens.compare.brief import briefs
from storylens.compare.evaluate import evaluate_compare
from storylens.enrich import Enricher
from storylens.events import Clusterer, featurize
from storylens.pipeline import ingest
from storylens.store.sqlite import SQLiteStore


def test_seeds_brief(shared: Path, store: SQLiteStore) -> None:
    ingest([str(shared / "seeds")], store, reader_process=False)
    assert not Enricher(store).run().failed
    featurize(store)
    Clusterer(store).run()
    (brief,) = briefs(store)
    texts = {s.article.id: s.article.text for s in store.articles()}
    rels = brief.relations

    def sides_text(relation: str, needle: str) -> list[str]:
        return [
            " || ".join(s.text for s in r.sides)
            for r in rels
            if r.relation == relation and needle in " ".join(s.text for s in r.sides)
        ]

    referent = sides_text("conflict:referent", "Russian tank")
    assert referent and "warplanes" in referent[0]
    names = [r for r in rels if r.relation == "conflict:name"]
    assert len(names) == 1 and names[0].note == "Anthony / Antony of Antony Blinken"
    agreed = sides_text("agree", "Brussels")
    assert agreed and "foreign ministers" in agreed[0].casefold()
    assert {s.article_id for r in rels if r.relation == "agree" for s in r.sides} == set(texts)
    assert sides_text("unique", "$100 million")
    assert sides_text("unique", "punch to the gut")
    # the brief says the same
    assert any("Brussels" in line.text for line in brief.agreed)
    assert any("$100 million" in line.text for line in brief.only_in)
    assert {r.relation for r in brief.differ} == {"conflict:referent", "conflict:name"}
    # both reports write "Antony" and one also "Anthony": the other report's lead, which
    # writes "Antony", is what happened and opens the summary
    assert brief.summary[0].text.startswith("US Secretary of State Antony Blinken on Wednesday")
    for r in rels:  # every side is the article's own words
        for s in r.sides:
            assert texts[s.article_id][s.start : s.end] == s.text


def test_dev_floors(shared: Path) -> None:
    """Measured 2026-11-23 (compare version 41): conflict recall 0.533 (type accuracy 0.958,
    n=45), false-alarm rate 0.0 (n=19), agreement recall 0.725 (n=40); 28 conflicts over 23
    events. The issue's floors: 0.50 / 0.20 / 0.50; conflict recall pinned at 0.51, false
    alarms at 0.06 (one of 19) and agreement recall at 0.70 (each one record below the
    measure), so a regression fails."""
    dev = shared / "eval" / "dev"
    if not (dev / "discrepancies.jsonl").exists():
        pytest.skip(f"gold records not found in {dev}")
    scores = evaluate_compare(dev / "articles.jsonl", dev / "discrepancies.jsonl")
    assert scores["conflicts"]["recall"] >= 0.51  # 23 of 45
    assert scores["apparent"]["false_alarm_rate"] <= 0.06  # at most one of 19
    assert scores["agreements"]["recall"] >= 0.70
    assert scores["flagged_conflicts"] <= 2 * scores["events"]  # no flood of conflicts
