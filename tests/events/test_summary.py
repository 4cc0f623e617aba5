"""What a person sees of an event: here, where it happened."""

from __future__ import annotations

from collections import Counter

from storylens.events import build_events
from storylens.events.summary import PLACE_SOURCES, _main_place
from storylens.store.sqlite import SQLiteStore


def test_main_place_is_where_reports_put_the_happening() -> None:
    named = Counter({1: 30, 2: 4, 3: 9})  # 1: a team's country, named all the time
    # two reports say it happened at 2: that wins over the most named place
    assert _main_place(Counter({2: PLACE_SOURCES, 3: 1}), named) == 2
    # one report's aside is not enough: the most named place
    assert _main_place(Counter({3: 1}), named) == 1
    assert _main_place(Counter(), named) == 1
    # two places stated equally often: the more named one
    assert _main_place(Counter({2: 2, 3: 2}), named) == 3
    assert _main_place(Counter(), Counter()) is None
    # of the places enough reports state, the one the headline names first comes first
    assert _main_place(Counter({2: 3, 3: 2}), named, {3: 10}) == 3
    assert _main_place(Counter({2: 2, 3: 2}), named, {2: 40, 3: 10}) == 3
    # a place the headline names but too few reports state does not count
    assert _main_place(Counter({2: 2, 3: 1}), named, {3: 0}) == 2


def test_dev_main_places(dev_store: SQLiteStore, dev_gold: dict[str, str]) -> None:
    """Measured 2026-11-22 (one batch): 8 of 23 dev events changed place against the most
    named place alone (docs/events.md), then the quake of 6 February from Syria to Turkey
    (the headline's place first); these five are where the happening was."""
    place = {}
    for e in build_events(dev_store):
        labels = [dev_gold[a] for a in e.article_ids]
        place[max(set(labels), key=labels.count)] = e.main_place
    found = {
        prefix: next(v for g, v in place.items() if g.startswith(prefix))
        for prefix in (
            "musharraf",
            "yukon",
            "east-palestine-derailment",
            "wwc2023-final",
            "tr-sy-quake",
        )
    }
    assert found == {
        "tr-sy-quake": "Turkey",  # the headline's place, not Syria where more deaths are stated
        "musharraf": "Dubai",
        "yukon": "Yukon",
        "east-palestine-derailment": "East Palestine",
        "wwc2023-final": "Stadium Australia",
    }


def test_dev_captions_are_no_summary_lines(dev_store: SQLiteStore) -> None:
    """Measured 2026-11-23: four dev summaries quoted a photo caption ("A U.S. Air Force U-2
    pilot looks down at ..."); enrichment now marks captions, and no summary quotes them. Prose
    that ends with a full date is not taken for one."""
    from storylens.compare import compare_event
    from storylens.compare.brief import build_brief

    marked: dict[str, bool] = {}
    for stored in dev_store.articles():
        text = stored.article.text
        for s in dev_store.sentences(stored.article.id):
            marked[text[s.start : s.end]] = s.caption
    captions = [t for t, caption in marked.items() if caption]
    for words in (
        "A U.S. Air Force U-2 pilot looks down at the suspected Chinese surveillance balloon",
        "Prime Minister Justin Trudeau speaks to the media in Ottawa",
        "gives a thumbs down during President Joe Biden’s State of the Union address",
        "A black plume rises over East Palestine, Ohio",
    ):
        assert any(words in t for t in captions), words
    for prose in (
        "Microsoft officially introduced its AI-powered Bing and Edge browser",
        "A magnitude-6.4 earthquake hit the southern Turkish province of Hatay on Monday",
        "The rover, named Pragyan, was deployed from the lander on August 24, 2023.",
    ):
        assert not any(prose in t for t in captions), prose
    for event in build_events(dev_store):
        if len(event.article_ids) > 1:
            brief = build_brief(event, compare_event(dev_store, event.id, event.article_ids))
            assert not any(marked.get(line.text) for line in brief.summary), event.title
