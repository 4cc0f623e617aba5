"""Clustering the bundled sample week and the dev corpus."""

from __future__ import annotations

import json
import math
import shutil
from pathlib import Path

import numpy as np
import pytest

from storylens.events import Clusterer, build_events
from storylens.events.cluster import ActiveEvent, _Vectors
from storylens.events.evaluate import evaluate_events
from storylens.pipeline import ingest
from storylens.store.sqlite import SQLiteStore
from tests.events.conftest import SAMPLES, run_all


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
    """Measured 2026-11-22: B-cubed F1 0.980 (P 0.974, R 0.987), pairwise F1 0.974, 23 events
    for 23 gold. Issue 4's floor is 0.93; pinned at 0.96, the measure less a margin for other
    CPUs' arithmetic (one report in the wrong event costs 0.01-0.02), so a regression fails."""
    path = shared / "eval" / "dev" / "articles.jsonl"
    if not path.exists():
        pytest.skip(f"dev corpus not found at {path}")
    scores = evaluate_events(path)
    assert scores["articles"] == 130 and scores["unclustered"] == 0
    assert scores["bcubed"]["f1"] >= 0.96  # type: ignore[index]
    assert json.dumps(scores)  # printable as the CLI prints it


def test_dev_stream_in_polls_floor(shared: Path) -> None:
    """The dev file brought in polls of 10, each ingested, enriched and clustered before the
    next (as `storylens watch` works), from the CLI. Measured 2026-11-22: B-cubed F1 0.974
    (0.949 without the split pass, 0.932 without the refine pass too); pinned at 0.96."""
    from typer.testing import CliRunner

    from storylens.cli import app

    path = shared / "eval" / "dev" / "articles.jsonl"
    result = CliRunner().invoke(app, ["eval", "events", str(path), "--poll", "10", "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["poll"] == 10 and scores["articles"] == 130 and scores["unclustered"] == 0
    assert scores["bcubed"]["f1"] >= 0.96


def test_dev_storylines(dev_store: SQLiteStore, dev_gold: dict[str, str]) -> None:
    """Follow-ups are separate events of one storyline (issue 4's list)."""
    gold = dev_gold
    events = build_events(dev_store)
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


def _placed(
    store: SQLiteStore, clusterer: Clusterer, groups: dict[str, list[str]]
) -> dict[str, ActiveEvent]:
    """Put articles into events as a first pass would have."""
    events = {}
    with store.transaction():
        for name, ids in groups.items():
            event = ActiveEvent(store.create_event())
            clusterer._events[event.id] = event
            for article_id in ids:
                clusterer._add(event, article_id)
                store.assign(article_id, event.id, None)
            events[name] = event
    return events


def _vectors(weights: dict[str, float]) -> _Vectors:
    return _Vectors(dense=np.zeros(4, dtype=np.float32), terms=weights, entities={}, day=None)


@pytest.mark.parametrize(("own", "other", "moves"), [(0.6, 0.9, True), (0.8, 0.78, False)])
def test_refine_moves_an_article_that_links_clearly_better_elsewhere(
    tmp_path: Path, store: SQLiteStore, own: float, other: float, moves: bool
) -> None:
    """An article that opened its event's run early is placed again once all have arrived: it
    moves only when another event beats its own by the margin (and the threshold)."""
    path = tmp_path / "a.jsonl"
    ids = ["a1", "x", "b1", "b2", "b3"]
    path.write_text("".join(json.dumps({"id": i, "text": f"Report {i}."}) + "\n" for i in ids))
    ingest([str(path)], store, reader_process=False)
    clusterer = Clusterer(store, threshold=0.38)
    # terms carry 2 of the 4 weights: a term cosine c gives a similarity of c / 2
    clusterer._vectors = {
        "x": _vectors({"quake": 1.0}),
        "a1": _vectors({"quake": own, "a": math.sqrt(1 - own**2)}),
        **{b: _vectors({"quake": other, "b": math.sqrt(1 - other**2)}) for b in ids[2:]},
    }
    events = _placed(store, clusterer, {"a": ["a1", "x"], "b": ["b1", "b2", "b3"]})
    with store.transaction():
        moved = clusterer._refine_pass(["a1", "x"])
    assert moved == int(moves)  # a1 links to b at 0.27 or 0.31 and stays either way
    members = events_by_id(store)
    home = events["b"].id if moves else events["a"].id
    assert "x" in members[home] and "a1" in members[events["a"].id]
    # both events changed: their summaries are recomputed, their storyline links checked
    assert clusterer.touched == ({events["a"].id, events["b"].id} if moves else set())


def test_refine_empties_an_event_into_the_one_it_joined(tmp_path: Path, store: SQLiteStore) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text("".join(json.dumps({"id": i, "text": f"Report {i}."}) + "\n" for i in "xbc"))
    ingest([str(path)], store, reader_process=False)
    clusterer = Clusterer(store, threshold=0.38)
    clusterer._vectors = {i: _vectors({"quake": 1.0}) for i in "xbc"}
    events = _placed(store, clusterer, {"alone": ["x"], "b": ["b", "c"]})
    with store.transaction():
        assert clusterer._refine_pass(["x"]) == 1
    assert events_by_id(store) == {events["b"].id: {"x", "b", "c"}}
    assert store.resolve_event(events["alone"].id) == events["b"].id  # its id still leads there


def test_refine_looks_again_at_changed_events_and_lonely_reports(
    tmp_path: Path, store: SQLiteStore
) -> None:
    ids = ["new", "a1", "a2", "b1", "b2", "c1"]
    path = tmp_path / "a.jsonl"
    path.write_text("".join(json.dumps({"id": i, "text": f"Report {i}."}) + "\n" for i in ids))
    ingest([str(path)], store, reader_process=False)
    clusterer = Clusterer(store)
    clusterer._vectors = {i: _vectors({"quake": 1.0}) for i in ids}
    events = _placed(store, clusterer, {"a": ["a1", "a2", "new"], "b": ["b1", "b2"], "c": ["c1"]})
    clusterer.touched = {events["a"].id}  # this run placed "new" in a
    # this run's report, then the rest of the event it changed, then a report still alone;
    # b's reports stay where an earlier run put them
    assert clusterer._to_refine(["new"]) == ["new", "a1", "a2", "c1"]


def test_refine_leaves_a_copy_with_its_original(tmp_path: Path, store: SQLiteStore) -> None:
    story = (
        "The regional council approved the new harbour bridge on Monday after a debate that "
        "lasted eleven hours. Councillors voted 31 to 12 in favour of the plan, which will cost "
        "240 million euros and take four years to build. Opponents said the money should go to "
        "the ferry service instead, and promised to take the decision to court. "
    )
    records = [
        {"id": "orig", "url": "https://a.example/bridge", "text": story + "More soon."},
        {"id": "copy", "url": "https://b.example/bridge", "text": story + "Updated at noon."},
        {"id": "b1", "text": "Report b1."},
        {"id": "b2", "text": "Report b2."},
    ]
    path = tmp_path / "a.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    ingest([str(path)], store, reader_process=False)
    assert store.copies_of(["copy", "orig"]) == {"copy": "orig"}
    clusterer = Clusterer(store, threshold=0.38)
    clusterer._vectors = {
        "orig": _vectors({"quake": 0.6, "a": 0.8}),
        "copy": _vectors({"quake": 1.0}),
        "b1": _vectors({"quake": 1.0}),
        "b2": _vectors({"quake": 1.0}),
    }
    events = _placed(store, clusterer, {"a": ["orig", "copy"], "b": ["b1", "b2"]})
    with store.transaction():
        # the copy links to b at 0.5 and to its original at 0.3, but a copy is not evidence
        assert clusterer._refine_pass(["copy", "orig"]) == 0
    assert events_by_id(store)[events["a"].id] == {"orig", "copy"}


def test_refine_brings_a_copy_to_its_original_and_moves_them_together(
    tmp_path: Path, store: SQLiteStore
) -> None:
    records = [{"id": i, "text": f"Report {i}."} for i in ("orig", "copy", "b1", "b2", "c1")]
    path = tmp_path / "a.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    ingest([str(path)], store, reader_process=False)
    with store.transaction():  # as dedup marks a near-duplicate found later
        store._db.execute("UPDATE articles SET near_duplicate_of = 'orig' WHERE id = 'copy'")
    clusterer = Clusterer(store, threshold=0.38)
    clusterer._vectors = {i: _vectors({"quake": 1.0}) for i in ("orig", "copy", "b1", "b2")}
    clusterer._vectors["c1"] = _vectors({"quake": 0.6, "c": 0.8})
    # the copy arrived first and joined b; its original joined c, where it fits worse than b
    events = _placed(store, clusterer, {"b": ["b1", "b2", "copy"], "c": ["c1", "orig"]})
    with store.transaction():
        assert clusterer._refine_pass(["copy", "orig", "c1"]) == 3
    # the copy went to its original's event, then the original (with its copy) to b
    assert events_by_id(store) == {
        events["b"].id: {"b1", "b2", "copy", "orig"},
        events["c"].id: {"c1"},  # links to b at 0.3: stays
    }


def test_an_original_arriving_after_its_copy_takes_it_along(
    tmp_path: Path, store: SQLiteStore
) -> None:
    story = (
        "The regional council approved the new harbour bridge on Monday after a debate that "
        "lasted eleven hours. Councillors voted 31 to 12 in favour of the plan, which will cost "
        "240 million euros and take four years to build. Opponents said the money should go to "
        "the ferry service instead, and promised to take the decision to court. "
    )
    first = tmp_path / "first.jsonl"
    first.write_text(
        "".join(
            json.dumps(r) + "\n"
            for r in [
                {"id": "copy", "url": "https://b.example/bridge", "text": story + "Noon."},
                {"id": "b1", "text": "Report b1."},
                {"id": "x1", "text": "Report x1."},
            ]
        )
    )
    ingest([str(first)], store, reader_process=False)
    later = tmp_path / "later.jsonl"  # the original is dated earlier: it is elected original
    later.write_text(
        json.dumps(
            {
                "id": "orig",
                "url": "https://a.example/bridge",
                "date": "2023-02-01",
                "text": story + "More soon.",
            }
        )
        + "\n"
    )
    ingest([str(later)], store, reader_process=False)
    assert store.copies_made_of(["orig"]) == {"copy": "orig"}
    clusterer = Clusterer(store, threshold=0.38)
    clusterer._vectors = {i: _vectors({"quake": 1.0}) for i in ("copy", "b1", "x1", "orig")}
    # the copy sits in an event of an earlier run; its original was placed elsewhere now
    events = _placed(store, clusterer, {"b": ["b1", "copy"], "x": ["x1", "orig"]})
    clusterer.touched = {events["x"].id}
    assert "copy" in clusterer._to_refine(["orig"])
    with store.transaction():
        clusterer._refine_pass(clusterer._to_refine(["orig"]))
    assert store.event_of("copy") == store.event_of("orig")


def _split_fixture(
    tmp_path: Path, store: SQLiteStore, vectors: dict[str, _Vectors]
) -> tuple[Clusterer, ActiveEvent]:
    """All of ``vectors``' articles in one event, placed in their order, as one run left it."""
    path = tmp_path / "a.jsonl"
    path.write_text("".join(json.dumps({"id": i, "text": f"Report {i}."}) + "\n" for i in vectors))
    ingest([str(path)], store, reader_process=False)
    clusterer = Clusterer(store, threshold=0.38)
    clusterer._vectors = dict(vectors)
    event = _placed(store, clusterer, {"one": list(vectors)})["one"]
    clusterer.touched = {event.id}
    return clusterer, event


@pytest.mark.parametrize(("cosine", "splits"), [(0.7, True), (0.8, False)])
def test_split_parts_an_event_whose_two_groups_link_below_the_threshold(
    tmp_path: Path, store: SQLiteStore, cosine: float, splits: bool
) -> None:
    """Two groups in one event (reports of two matches that came in an unlucky order): the
    groups link at cosine / 2, 0.35 (below the threshold: split) or 0.40 (kept together)."""
    other = {"final": cosine, "semi": math.sqrt(1 - cosine**2)}
    clusterer, event = _split_fixture(
        tmp_path,
        store,
        {
            "a1": _vectors({"final": 1.0}),
            "b1": _vectors(other),
            "a2": _vectors({"final": 1.0}),
            "b2": _vectors(other),
            "a3": _vectors({"final": 1.0}),
        },
    )
    with store.transaction():
        assert clusterer._split_pass() == int(splits)
    members = events_by_id(store)
    if not splits:
        assert members == {event.id: {"a1", "a2", "a3", "b1", "b2"}}
        return
    # the group with the event's first report keeps the id; the other is a new event
    [new] = set(members) - {event.id}
    assert members == {event.id: {"a1", "a2", "a3"}, new: {"b1", "b2"}}
    assert clusterer.touched == {event.id, new}
    assert clusterer.active(new) is not None  # the rest of the run sees it


def test_split_leaves_a_lone_outlier_to_the_refine_pass(tmp_path: Path, store: SQLiteStore) -> None:
    clusterer, event = _split_fixture(
        tmp_path,
        store,
        {i: _vectors({"final": 1.0}) for i in ("a1", "a2", "a3")} | {"x": _vectors({"x": 1.0})},
    )
    with store.transaction():
        assert clusterer._split_pass() == 0
    assert events_by_id(store) == {event.id: {"a1", "a2", "a3", "x"}}


def test_split_keeps_a_copy_with_its_original(tmp_path: Path, store: SQLiteStore) -> None:
    vectors = {i: _vectors({"final": 1.0}) for i in ("a1", "a2", "orig")}
    vectors |= {i: _vectors({"semi": 1.0}) for i in ("b1", "b2", "copy")}
    clusterer, event = _split_fixture(tmp_path, store, vectors)
    with store.transaction():  # as dedup marks a (spun) near-duplicate
        store._db.execute("UPDATE articles SET near_duplicate_of = 'orig' WHERE id = 'copy'")
        assert clusterer._split_pass() == 1
    [new] = set(events_by_id(store)) - {event.id}
    # "copy" reads like b's reports but is one source with "orig": it stays with it
    assert events_by_id(store) == {event.id: {"a1", "a2", "orig", "copy"}, new: {"b1", "b2"}}


def test_bipartition_finds_the_two_groups(tmp_path: Path, store: SQLiteStore) -> None:
    clusterer, _ = _split_fixture(
        tmp_path,
        store,
        {
            "a1": _vectors({"a": 1.0}),
            "b1": _vectors({"b": 1.0}),
            "a2": _vectors({"a": 0.9, "x": math.sqrt(0.19)}),
            "b2": _vectors({"b": 0.9, "y": math.sqrt(0.19)}),
        },
    )
    parts = clusterer.bipartition(["a1", "b1", "a2", "b2"])
    assert parts is not None
    first, second, between = parts
    assert {frozenset(first), frozenset(second)} == {
        frozenset({"a1", "a2"}),
        frozenset({"b1", "b2"}),
    }
    assert between == 0.0
    assert clusterer.bipartition(["a1"]) is None


def test_bipartition_agrees_with_scipy_average_linkage(tmp_path: Path, store: SQLiteStore) -> None:
    """Our incremental average link ends in the same two groups as SciPy's (UPGMA on distance
    1 - similarity), and ``between`` is the mean similarity across them."""
    from hypothesis import given, settings
    from hypothesis import strategies as st
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    clusterer = Clusterer(store)

    @settings(max_examples=60, deadline=None)
    @given(st.integers(2, 12), st.integers(0, 2**32 - 1))
    def check(n: int, seed: int) -> None:
        rng = np.random.default_rng(seed)
        dense = rng.random((n, 8)).astype(np.float32)  # positive cosines: no ties at 0
        dense /= np.linalg.norm(dense, axis=1, keepdims=True)
        ids = [f"r{i}" for i in range(n)]
        clusterer._vectors = {
            a: _Vectors(dense=dense[i], terms={}, entities={}, day=None) for i, a in enumerate(ids)
        }
        parts = clusterer.bipartition(ids)
        assert parts is not None
        first, second, between = parts
        assert sorted(first + second) == sorted(ids) and first and second
        sim = np.array([[clusterer.similarity(a, b) if a != b else 1.0 for b in ids] for a in ids])
        labels = fcluster(linkage(squareform(1.0 - sim, checks=False), "average"), 2, "maxclust")
        theirs = {
            frozenset(a for a, lab in zip(ids, labels, strict=True) if lab == k) for k in (1, 2)
        }
        assert {frozenset(first), frozenset(second)} == theirs
        cross = [clusterer.similarity(a, b) for a in first for b in second]
        assert abs(between - float(np.mean(cross))) < 1e-6  # float32 dot products

    check()


def test_split_of_a_large_event_places_its_older_reports_too(
    tmp_path: Path, store: SQLiteStore
) -> None:
    """Groups are found among the latest SPLIT_RECENT reports; each older report goes with the
    group it links to better."""
    from storylens.events.cluster import SPLIT_RECENT

    older = [f"b{i}" for i in range(10)] + ["a-old"]
    recent = [f"{g}{i}" for i in range(10, 10 + SPLIT_RECENT // 2) for g in "ab"]
    vectors = {m: _vectors({"semi" if m.startswith("b") else "final": 1.0}) for m in older + recent}
    clusterer, event = _split_fixture(tmp_path, store, vectors)
    assert len(event.members) > SPLIT_RECENT
    with store.transaction():
        assert clusterer._split_pass() == 1
    [new] = set(events_by_id(store)) - {event.id}
    assert events_by_id(store) == {
        event.id: {m for m in vectors if m.startswith("b")},  # b0, the first report, keeps the id
        new: {m for m in vectors if m.startswith("a")},
    }


def test_evaluate_events_takes_the_threshold(tmp_path: Path) -> None:
    """The threshold benchmarks sweep reaches the clusterer: above any similarity (1.5) every
    report is an event of its own; at the shipped one two reports of one fire share one."""
    rows = [
        (
            "a1",
            "fire",
            "Fire destroys the Millbrook paper mill",
            "A fire destroyed the Millbrook paper mill on Tuesday night, the fire brigade said. "
            "Forty firefighters fought the blaze at the Millbrook mill for six hours.",
        ),
        (
            "a2",
            "fire",
            "Millbrook paper mill burns down",
            "The Millbrook paper mill burned to the ground overnight. Fire crews from three towns "
            "spent six hours on the blaze; the brigade chief said the mill was lost.",
        ),
        (
            "b1",
            "vote",
            "Harbour council approves new ferry budget",
            "The Harbour council voted 7-2 to approve a ferry budget of 4 million euros, with two "
            "new boats for the island route from next spring.",
        ),
    ]
    path = tmp_path / "gold.jsonl"
    path.write_text(
        "".join(
            json.dumps(
                {"id": i, "gold_event": g, "title": t, "text": x, "url": f"https://x.test/{i}"}
            )
            + "\n"
            for i, g, t, x in rows
        ),
        encoding="utf-8",
    )
    assert evaluate_events(path)["events_predicted"] == 2
    assert evaluate_events(path, threshold=1.5)["events_predicted"] == 3
