"""Clustering the bundled sample week and the dev corpus."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from storylens.enrich import Enricher
from storylens.events import Clusterer, build_events, featurize
from storylens.events.evaluate import evaluate_events
from storylens.pipeline import ingest
from storylens.store.sqlite import SQLiteStore

SAMPLES = Path(__file__).resolve().parents[2] / "src" / "storylens" / "samples"


def run_all(store: SQLiteStore, *targets: str) -> None:
    ingest(list(targets), store, reader_process=False)
    assert not Enricher(store).run().failed
    featurize(store)
    Clusterer(store).run()


def events_by_id(store: SQLiteStore) -> dict[int, set[str]]:
    return {e: set(ids) for e, ids in store.event_members().items() if ids}


def test_sample_week_gives_its_six_events(tmp_path: Path, store: SQLiteStore) -> None:
    run_all(store, str(SAMPLES))
    events = build_events(store)
    assert len(events) == 6
    titles = " | ".join(e.title for e in events)
    for word in ("Bridge", "rate", "Reyk", "Wildfire", "Solvane", "Cup"):
        assert word in titles
    bridge = next(e for e in events if "Bridge" in e.title)
    # four reports, one a wire copy: three independent sources
    assert len(bridge.article_ids) == 4 and bridge.independent_sources == 3
    assert bridge.start == bridge.end == "2026-03-09"
    assert "Port Alder" in bridge.key_entities or bridge.main_place == "Port Alder"
    # outlets never decide: the wire service is in several events
    assert sum("meridianpress.example" in e.outlets for e in events) >= 4


def test_ids_are_stable_and_late_articles_join(tmp_path: Path, store: SQLiteStore) -> None:
    late = tmp_path / "late"
    shutil.copytree(SAMPLES, tmp_path / "week")
    late.mkdir()
    # the Valley Herald's reports arrive after everything else
    for path in list((tmp_path / "week").rglob("valley-herald*")):
        path.rename(late / path.name)
    run_all(store, str(tmp_path / "week"))
    before = events_by_id(store)
    Clusterer(store).run()  # nothing new: nothing moves
    assert events_by_id(store) == before
    run_all(store, str(late))
    after = events_by_id(store)
    assert set(before) <= set(after)  # no event renumbered
    for event_id, ids in before.items():
        assert ids <= after[event_id]
    assert len(after) == 6


def test_dev_bcubed_floor(shared: Path) -> None:
    """Measured 2026-11-22: B-cubed F1 0.974 (P 0.974, R 0.974), pairwise F1 0.965, 24 events
    for 23 gold. Issue 4's floor is 0.93; pinned at 0.95, the measure less a margin for other
    CPUs' arithmetic, so a regression fails."""
    path = shared / "eval" / "dev" / "articles.jsonl"
    if not path.exists():
        pytest.skip(f"dev corpus not found at {path}")
    scores = evaluate_events(path)
    assert scores["articles"] == 130 and scores["unclustered"] == 0
    assert scores["bcubed"]["f1"] >= 0.95  # type: ignore[index]
    assert json.dumps(scores)  # printable as the CLI prints it


def test_dev_storylines(shared: Path, tmp_path: Path) -> None:
    """Follow-ups are separate events of one storyline (issue 4's list)."""
    path = shared / "eval" / "dev" / "articles.jsonl"
    if not path.exists():
        pytest.skip(f"dev corpus not found at {path}")
    gold = {json.loads(line)["id"]: json.loads(line)["gold_event"] for line in path.open()}
    store = SQLiteStore(tmp_path / "dev.db")
    run_all(store, str(path))
    events = build_events(store)
    main_event: dict[str, set[int]] = {}
    for e in events:
        labels = [gold[a] for a in e.article_ids]
        top = max(set(labels), key=labels.count)
        main_event.setdefault(top, set()).add(e.id)
    story = {e.id: e.storyline_id for e in events}

    def stories(prefix: str) -> set[int | None]:
        return {story[e] for g, ids in main_event.items() if g.startswith(prefix) for e in ids}

    for group in (
        ("balloon-", "alaska-", "yukon-"),
        ("tr-sy-quake", "hatay-quake"),
        ("trump-georgia-indictment", "trump-fulton-surrender"),
    ):
        found = set().union(*(stories(p) for p in group))
        assert len(found) == 1 and None not in found, group
        for p in group:  # and each stays an event of its own
            others = [q for q in group if q != p]
            mine = {e for g, ids in main_event.items() if g.startswith(p) for e in ids}
            theirs = {
                e for g, ids in main_event.items() for q in others if g.startswith(q) for e in ids
            }
            assert mine and not mine & theirs
    # unrelated events stay apart
    assert stories("grammys") != stories("lebron")
    assert stories("brics") != stories("chandrayaan")
    store.close()


def test_time_factor_scales_by_the_gap_between_publication_days() -> None:
    from datetime import date

    from storylens.events.cluster import TIME_DECAY, WINDOW_DAYS, time_factor

    day = date(2023, 2, 3)
    assert time_factor(day, None) == time_factor(None, day) == 1.0
    assert time_factor(day, day) == time_factor(day, date(2023, 2, 4)) == 1.0
    two = time_factor(day, date(2023, 2, 5))
    week = time_factor(day, date(2023, 2, 10))
    assert 1.0 > two > week > 1.0 - TIME_DECAY
    far = date.fromordinal(day.toordinal() + WINDOW_DAYS + 30)
    assert time_factor(day, far) == pytest.approx(1.0 - TIME_DECAY)
    assert time_factor(far, day) == time_factor(day, far)


def test_time_factor_properties() -> None:
    from datetime import date, timedelta

    from hypothesis import given
    from hypothesis import strategies as st

    from storylens.events.cluster import TIME_DECAY, time_factor

    days = st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 1, 1))

    @given(days, days, st.integers(min_value=0, max_value=60))
    def check(a: date, b: date, more: int) -> None:
        f = time_factor(a, b)
        assert 1.0 - TIME_DECAY - 1e-9 <= f <= 1.0
        assert f == time_factor(b, a)
        later = b + timedelta(days=more) if b >= a else b - timedelta(days=more)
        assert time_factor(a, later) <= f + 1e-12  # never closer for a wider gap

    check()
