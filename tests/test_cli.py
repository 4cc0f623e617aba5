import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, Cli, LocalServer

SAMPLES = Path(__file__).resolve().parents[1] / "src" / "storylens" / "samples"


def test_ingest_json_summary_and_idempotence(cli: Cli, fixtures: Path) -> None:
    first = cli.json("ingest", "--offline", str(fixtures))
    assert set(first) == {"added", "duplicates", "revisions", "rejected", "seconds"}
    assert first["added"] >= 8
    rejected = {r["source"] for r in first["rejected"]}
    assert any(s.endswith("broken.jsonl:2") for s in rejected)
    second = cli.json("ingest", "--offline", str(fixtures))
    assert second["added"] == 0 and second["duplicates"] == first["added"]


def test_articles_and_article(cli: Cli, fixtures: Path) -> None:
    cli("ingest", "--offline", str(fixtures / "news_page.html"), str(fixtures / "dated.txt"))
    rows = cli.jsonl("articles")
    assert [set(r) for r in rows] == [
        {"id", "url", "outlet", "title", "published", "language", "chars", "near_duplicate_of"}
    ] * 2
    page = rows[0]
    assert page["outlet"] == "northshorepost.co.uk"
    assert page["published"] == "2025-06-03T07:45:00+01:00"
    one = cli.json("article", page["id"])
    assert one["text"].startswith("All ferry crossings")
    for start, end in one["paragraphs"]:
        assert one["text"][start:end].strip() == one["text"][start:end]
    assert "Ferry strike" in cli("articles")
    assert "All ferry crossings" in cli("article", page["id"])
    cli("article", "nope", code=1)


def test_rejects_and_stats(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    out = json.loads(cli("ingest", str(tmp_path / "empty.txt"), "--json", code=1))
    assert out["rejected"] == [{"source": str(tmp_path / "empty.txt"), "reason": "empty input"}]
    [row] = cli.jsonl("rejects")
    assert row["reason"] == "empty input"
    assert "empty input" in cli("rejects")
    assert cli.json("stats")["rejected_inputs"] == 1


def test_exit_codes(cli: Cli, tmp_path: Path, fixtures: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    cli("ingest", str(tmp_path / "empty.txt"), code=1)  # every input rejected
    cli("ingest", str(tmp_path / "empty.txt"), str(fixtures / "dated.txt"), code=0)
    cli("ingest", code=2)  # usage: no target
    cli("frobnicate", code=2)


def test_reading_commands_do_not_create_a_store(tmp_path: Path, fixtures: Path) -> None:
    db = tmp_path / "typo" / "storylens.db"
    for command in (["stats"], ["events"], ["export"]):
        proc = subprocess.run(
            [sys.executable, "-m", "storylens", "--db", str(db), *command],
            capture_output=True,
            text=True,
            check=False,
        )
        assert proc.returncode == 2, command
        assert "no store at" in proc.stderr and "storylens ingest" in proc.stderr, command
    assert not (tmp_path / "typo").exists()
    typo = Cli(db)
    typo("ingest", str(fixtures / "dated.txt"))  # adding articles creates it
    assert typo.json("stats")["articles"] == 1


def test_bad_config_is_a_usage_error(tmp_path: Path) -> None:
    cfg = tmp_path / "c.toml"
    cfg.write_text("no_such_key = 1\n")
    proc = subprocess.run(
        [sys.executable, "-m", "storylens", "--config", str(cfg), "stats"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert "no_such_key" in proc.stderr


def test_seeds_from_the_cli(cli: Cli, shared: Path) -> None:
    report = cli.json("ingest", str(shared / "seeds"))
    assert report["added"] == 2 and report["rejected"] == []
    assert [r["published"] for r in cli.jsonl("articles")] == ["2022-04-06", "2022-04-06"]


def test_dev_articles_from_the_cli(cli: Cli, shared: Path) -> None:
    path = shared / "eval" / "dev" / "articles.jsonl"
    assert cli.json("ingest", str(path))["added"] == 130
    rows = {r["id"]: r for r in cli.jsonl("articles")}
    assert len(rows) == 130
    scores = cli.json("eval", "dedup", str(path))
    assert {"precision", "recall", "f1"} <= set(scores)


def test_sample_corpus(cli: Cli) -> None:
    report = cli.json("ingest", "--offline", str(SAMPLES))
    assert report["rejected"] == []
    assert report["added"] == 23
    rows = cli.jsonl("articles")
    assert len({r["outlet"] for r in rows}) >= 6
    groups = cli.jsonl("duplicates")
    assert {g["original"] for g in groups} == {"mp-bridge-0309", "mp-solvane-0312"}
    assert all(len(g["members"]) == 2 for g in groups)


def test_warc_and_url_from_the_cli(cli: Cli, tmp_path: Path, server: LocalServer) -> None:
    from tests.ingest.test_warc import write_warc

    write_warc(tmp_path / "crawl.warc.gz")
    assert cli.json("ingest", str(tmp_path / "crawl.warc.gz"))["added"] == 2
    page = (FIXTURES / "news_page.html").read_bytes()
    server.routes["/story"] = (200, "text/html; charset=utf-8", page)
    server.routes["/slow"] = (200, "text/html", page)
    server.delays["/slow"] = 3.0
    (tmp_path / "fast.toml").write_text("[fetch]\ntimeout_seconds = 0.5\n")
    out = json.loads(
        cli(
            "--config",
            str(tmp_path / "fast.toml"),
            "ingest",
            server.url("/story"),
            server.url("/slow"),
            "--json",
        )
    )
    assert out["added"] == 1
    assert out["rejected"][0]["source"] == server.url("/slow")
    assert "timed out" in out["rejected"][0]["reason"]
    urls = {r["url"] for r in cli.jsonl("articles")}
    assert "https://www.northshorepost.co.uk/news/ferry-strike?ref=rss" in urls


def test_enrich_entities_and_article_annotations(cli: Cli, shared: Path) -> None:
    cli("ingest", str(shared / "seeds"))
    report = cli.json("enrich")
    assert report["enriched"] == 2 and report["failed"] == []
    assert cli.json("enrich")["enriched"] == 0
    rows = cli.jsonl("entities")
    [blinken] = [r for r in rows if r["name"] == "Antony Blinken"]
    assert blinken["label"] == "PERSON" and blinken["articles"] == 2
    assert "Anthony Blinken" in blinken["aliases"]
    assert "Antony Blinken" in cli("entities", "--label", "person")
    for row in cli.jsonl("articles"):
        article = cli.json("article", row["id"])
        assert article["entities"]
        for ent in article["entities"]:
            assert article["text"][ent["start"] : ent["end"]] == ent["text"]
            assert set(ent) == {"text", "label", "start", "end", "canonical", "entity_id"}
        assert any(e["canonical"] == "Antony Blinken" for e in article["entities"])
        assert any(q["speaker"] == "Antony Blinken" for q in article["quotes"])
        for c in article["claims"]:
            assert set(c) == {
                "kind",
                "value",
                "unit",
                "qualifier",
                "referent",
                "per",
                "subject",
                "predicate",
                "time",
                "place",
                "source",
                "span",
                "sentence",
            }
            for span in (c["span"], c["sentence"]):
                assert article["text"][span["start"] : span["end"]] == span["text"]
        for q in article["quotes"]:
            assert set(q) == {
                "speaker",
                "speaker_id",
                "direct",
                "cue",
                "source",
                "content",
                "contents",
            }
            for span in [q["cue"], q["content"], *q["contents"], q["source"]]:
                if span is not None:
                    assert article["text"][span["start"] : span["end"]] == span["text"]
    # the same annotations as tables after the text
    first = cli.jsonl("articles")[0]["id"]
    shown = cli("article", first, "--annotations")
    for title in ("Entities", "Quotes", "Claims"):
        assert title in shown
    assert "Antony Blinken" in shown and "anti-tank" in shown


def test_events_from_the_cli(cli: Cli) -> None:
    cli("ingest", "--offline", str(SAMPLES))
    # before clustering, the lists say what is missing and how to get it
    assert "23 articles are in no event yet: run `storylens cluster`" in cli("events")
    assert "23 articles are in no event yet" in cli("storylines")
    # cluster enriches what needs it first
    report = cli.json("cluster", "--json")
    assert report == {
        "enriched": 23,
        "enrich_failed": 0,
        "assigned": 23,
        "new_events": 6,
        "merged": 0,
        "moved": 0,
        "split": 0,
        "events": 6,
        "storylines": 5,
    }
    again = cli.json("cluster", "--json")  # idempotent
    assert again["assigned"] == again["enriched"] == 0
    assert "in no event" not in cli("events")
    events = cli.jsonl("events", "--json")
    assert len(events) == 6
    # listed from the summaries the store keeps: the same as computing them afresh
    from storylens.events import build_events
    from storylens.store.sqlite import SQLiteStore

    store = SQLiteStore(cli.db)
    try:
        assert events == [e.as_dict() for e in build_events(store)]
        assert len(store.cached_events([e["id"] for e in events])) == 6
    finally:
        store.close()
    assert cli.jsonl("events", "--json") == events
    fields = {"id", "title", "start", "end", "article_ids", "outlets", "independent_sources"}
    assert all(fields | {"storyline_id"} <= set(e) for e in events)
    bridge = next(e for e in events if "mp-bridge-0309" in e["article_ids"])
    one = cli.json("event", str(bridge["id"]), "--json")
    assert one["id"] == bridge["id"] and len(one["reports"]) == len(bridge["article_ids"])
    shown = cli("event", str(bridge["id"]))
    assert "Bridge" in shown and "2026-03-09; 4 reports, 3 independent sources" in shown
    cup = next(e for e in events if e["start"] != e["end"])
    assert f"{cup['start']} – {cup['end']}; " in cli("event", str(cup["id"]))
    cli("event", "999", code=1)
    assert "no event" in cli("event", str(2**70), code=1)  # beyond SQLite's integers
    stories = cli.jsonl("storylines", "--json")
    assert len(stories) == 5
    # the collapse and the prime minister's bridge money two days later: one storyline
    [story] = [s for s in stories if bridge["id"] in s["event_ids"]]
    assert len(story["event_ids"]) == 2 and story["event_ids"][0] == bridge["id"]
    # the money follows the collapse (the storyline's tree)
    assert [e["follows"] for e in story["events"]] == [None, bridge["id"]]
    assert cli.json("storyline", str(story["id"]), "--json") == story
    shown = cli("storyline", str(story["id"]))
    assert "Reyk" in shown and "└──" in shown
    cli("storyline", "999", code=1)


def test_briefs_timelines_and_export_from_the_cli(cli: Cli, tmp_path: Path) -> None:
    cli("ingest", "--offline", str(SAMPLES))
    cli("enrich")
    cli("cluster")
    events = cli.jsonl("events", "--json")
    bridge = next(e for e in events if "mp-bridge-0309" in e["article_ids"])
    one = cli.json("event", str(bridge["id"]), "--json")
    assert {"relations", "brief"} <= set(one)
    texts = {a: cli.json("article", a)["text"] for a in bridge["article_ids"]}
    for relation in one["relations"]:
        assert {"relation", "kind", "confidence", "sides"} <= set(relation)
        for side in relation["sides"]:
            assert texts[side["article_id"]][side["start"] : side["end"]] == side["text"]
    assert any(r["relation"] == "conflict:number" for r in one["relations"])
    md = cli("brief", str(bridge["id"]))
    assert "## Sources differ" in md and "Seven" in md and "Nine" in md
    data = json.loads(cli("brief", str(bridge["id"]), "--format", "json"))
    assert data["event_id"] == bridge["id"] and data["summary"] and data["differ"]
    # every event's brief as JSON: JSON Lines, one brief per line
    every = [json.loads(line) for line in cli("brief", "-f", "json").splitlines()]
    assert sorted(b["event_id"] for b in every) == sorted(e["id"] for e in events)
    cli("brief", str(bridge["id"]), "--format", "pdf", code=2)
    cli("brief", "999", code=1)
    html = tmp_path / "bridge.html"
    cli("brief", str(bridge["id"]), "-f", "html", "-o", str(html))
    assert html.read_text().startswith("<!doctype html>")
    report = tmp_path / "report.html"
    cli("report", str(report))
    page = report.read_text()
    assert page.count("<article") == len(events) and "<script" not in page
    story = bridge["storyline_id"]
    timeline = json.loads(cli("timeline", str(story), "-f", "json"))
    assert timeline["events"][0]["event_id"] == bridge["id"]
    assert all(e["line"]["citations"] for e in timeline["events"])
    assert "Old Quay Bridge" in cli("timeline", str(story))
    cli("timeline", "999", code=1)
    records = [json.loads(line) for line in cli("export").splitlines()]
    kinds = [r["type"] for r in records]
    assert kinds.count("article") == 23 and kinds.count("event") == len(events)
    assert "storyline" in kinds
    out = tmp_path / "all.jsonl"
    cli("export", "-o", str(out))
    assert len(out.read_text().splitlines()) == len(records)


def test_eval_compare_from_the_cli(cli: Cli, tmp_path: Path) -> None:
    articles = tmp_path / "articles.jsonl"
    texts = (
        "Seven people died on Monday morning when the Old Quay Bridge in Port Alder collapsed "
        "into the river, the city's emergency services said. Divers searched the water until "
        "dark. Mayor Ilsa Marchetti declared three days of mourning.",
        "The central span of Port Alder's Old Quay Bridge gave way at dawn on Monday. Nine "
        "people died when the bridge collapsed into the river, the city's emergency services "
        "said. Engineers had warned about corrosion in January. Mayor Ilsa Marchetti declared "
        "three days of mourning.",
    )
    rows = [
        {"id": f"a{i}", "outlet": f"outlet{i}.example", "date": "2026-03-09",
         "title": "Old Quay Bridge collapses in Port Alder", "text": text}
        for i, text in enumerate(texts)
    ]  # fmt: skip
    articles.write_text("".join(json.dumps(r) + "\n" for r in rows))
    gold = tmp_path / "gold.jsonl"
    records = [
        {"article_a": "a0", "article_b": "a1", "what_a_says": "Seven people", "what_b_says":
         "Nine people", "kind": "number", "genuine_conflict": "yes"},
        {"article_a": "a0", "article_b": "a1", "what_a_says": "declared three days of mourning",
         "what_b_says": "declared three days of mourning", "kind": "agreement",
         "genuine_conflict": None},
    ]  # fmt: skip
    gold.write_text("".join(json.dumps(r) + "\n" for r in records))
    scores = cli.json("eval", "compare", str(articles), str(gold))
    assert scores["conflicts"] == {"recall": 1.0, "type_accuracy": 1.0, "n": 1}
    assert scores["agreements"]["recall"] == 1.0 and scores["events"] == 1
    assert "conflicts: recall 1.0" in cli("eval", "compare", str(articles), str(gold))


def test_text_with_brackets_is_shown_as_written(cli: Cli, tmp_path: Path) -> None:
    """Titles, names and paths are data, not Rich markup: '[updated]' stays and '[/x]' (a
    closing tag that matches nothing) does not crash the table."""
    title = "[updated] [/x] [b]Lune[/b]"
    text = (
        "The harbour of Port Lune closed on Monday after a flood, the mayor Ana Rell said. "
        "Ships waited outside the harbour while crews pumped water from the quays. "
    ) * 3
    rows = [
        {"id": f"bracket-{n}", "title": title, "date": "2026-03-02", "text": f"{text} ({n})"}
        for n in range(2)
    ]
    src = tmp_path / "[final] feed.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    cli("ingest", str(src))
    cli("enrich")
    cli("cluster")
    [event] = cli.jsonl("events", "--json")
    [story] = cli.jsonl("storylines", "--json")
    for args in (
        ("articles",),
        ("article", "bracket-0"),
        ("events",),
        ("event", str(event["id"])),
        ("storylines",),
        ("storyline", str(story["id"])),
    ):
        shown = " ".join(cli(*args).split())  # tables wrap long titles
        assert "[updated]" in shown and "[/x]" in shown, args
        assert "[b]Lune" in shown or args == ("articles",), args  # the list cuts titles
    assert "[/x]" in cli("article", "[/x]", code=1)  # the unknown id, as typed


def test_progress_shows_a_path_with_brackets(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a terminal, ingest's progress line shows each file's path: as text, not markup."""
    import io

    from rich.console import Console

    import storylens.cli.ingest as ingest_cli

    screen = io.StringIO()
    monkeypatch.setattr(ingest_cli, "err_console", Console(file=screen, force_terminal=True))
    (tmp_path / "news[").mkdir()
    src = tmp_path / "news[" / "x] feed.jsonl"  # the path holds "[/x]", a stray closing tag
    row = {"id": "p-1", "title": "Harbour closes", "text": "The harbour closed on Monday. " * 5}
    src.write_text(json.dumps(row) + "\n")
    assert "added 1" in cli("ingest", str(src))
