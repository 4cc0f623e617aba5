"""The REST API: every route, pages, filters, auth, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from storylens.export import event_record
from storylens.store.sqlite import SQLiteStore

from .conftest import TOKEN, make_client

AUTH = {"Authorization": f"Bearer {TOKEN}"}


def test_health(client: TestClient) -> None:
    r = client.get("/api/health")
    assert r.status_code == 200
    assert r.json() == {"status": "ok", "schema_version": 9, "articles": 25, "events": 7}


def test_articles_paged_and_one(client: TestClient) -> None:
    first = client.get("/api/articles", params={"limit": 5}).json()
    assert first["total"] == 25 and len(first["items"]) == 5 and first["offset"] == 0
    second = client.get("/api/articles", params={"limit": 5, "offset": 5}).json()
    assert {a["id"] for a in first["items"]}.isdisjoint(a["id"] for a in second["items"])
    only = client.get("/api/articles", params={"outlet": "dailycourier"}).json()
    assert only["total"] == 4 and all(a["outlet"] == "dailycourier.example" for a in only["items"])
    a = client.get("/api/articles/mp-bridge-0309").json()
    assert a["event_id"] is not None and a["entities"] and a["quotes"] and a["claims"]
    for ent in a["entities"]:
        assert a["text"][ent["start"] : ent["end"]] == ent["text"]
    assert client.get("/api/articles/nope").status_code == 404
    assert client.get("/api/articles", params={"limit": 1000}).status_code == 422


def test_events_list_filters_and_paging(client: TestClient, db: Path) -> None:
    all_events = client.get("/api/events", params={"limit": 100}).json()
    assert all_events["total"] == 7
    ends = [e["end"] for e in all_events["items"]]
    assert ends == sorted(ends, reverse=True)  # newest first
    assert all(isinstance(e["conflicts"], int) for e in all_events["items"])
    bridge = next(e for e in all_events["items"] if "mp-bridge-0309" in e["article_ids"])
    assert bridge["conflicts"] == 3
    page = client.get("/api/events", params={"limit": 2, "offset": 2}).json()
    assert [e["id"] for e in page["items"]] == [e["id"] for e in all_events["items"][2:4]]
    on_9th = client.get("/api/events", params={"from": "2026-03-09", "to": "2026-03-09"}).json()
    assert [e["id"] for e in on_9th["items"]] == [bridge["id"]]
    by_outlet = client.get("/api/events", params={"outlet": "terrace"}).json()
    assert by_outlet["total"] == 0  # Terrace Sports has no outlet domain: its id is used
    by_words = client.get("/api/events", params={"q": "Solvayne hackers"}).json()
    assert [e["title"] for e in by_words["items"]] == [
        e["title"] for e in all_events["items"] if "Solvane" in e["title"]
    ]
    store = SQLiteStore(db)
    port_alder = next(e for e in store.entities() if e.name == "Port Alder")
    store.close()
    by_entity = client.get("/api/events", params={"entity": port_alder.id}).json()
    assert bridge["id"] in {e["id"] for e in by_entity["items"]}
    story = bridge["storyline_id"]
    by_story = client.get("/api/events", params={"storyline": story}).json()
    assert by_story["total"] == 2
    bad = client.get("/api/events", params={"from": "March"})
    assert bad.status_code == 422
    assert bad.headers["content-type"].startswith("application/problem+json")
    assert "from" in bad.json()["detail"]


def test_event_is_the_cli_record(client: TestClient, db: Path) -> None:
    events = client.get("/api/events").json()["items"]
    bridge = next(e for e in events if "mp-bridge-0309" in e["article_ids"])
    got = client.get(f"/api/events/{bridge['id']}").json()
    store = SQLiteStore(db)
    expected = event_record(store, bridge["id"])
    store.close()
    assert expected is not None
    assert json.loads(json.dumps(expected)) == got
    assert {"relations", "brief", "reports"} <= set(got)
    again = client.get(f"/api/events/{bridge['id']}").json()  # from the cache now
    assert again == got
    assert client.get("/api/events/9999").json()["status"] == 404


def test_storylines(client: TestClient, db: Path) -> None:
    from storylens.events import build_events, build_storylines

    stories = client.get("/api/storylines", params={"limit": 100}).json()
    store = SQLiteStore(db)
    cli = [s.as_dict() for s in build_storylines(store, build_events(store))]
    store.close()
    assert stories["items"] == cli  # the same as `storylens storylines --json`
    assert stories["total"] >= 5
    two = next(s for s in stories["items"] if len(s["event_ids"]) == 2)
    one = client.get(f"/api/storylines/{two['id']}").json()
    assert [e["id"] for e in one["timeline"]] == two["event_ids"]
    assert all(e["line"]["citations"] for e in one["timeline"])
    assert client.get("/api/storylines/9999").status_code == 404


def test_entities_and_search(client: TestClient) -> None:
    ents = client.get("/api/entities", params={"q": "marchetti"}).json()
    assert ents["items"] and ents["items"][0]["name"] == "Ilsa Marchetti"
    people = client.get("/api/entities", params={"label": "person", "limit": 100}).json()
    assert all(e["label"] == "PERSON" for e in people["items"])
    hits = client.get("/api/search", params={"q": "corrosion steel"}).json()
    assert hits["total"] >= 1
    top = hits["items"][0]
    assert top["event_id"] is not None and "corrosion" in top["snippet"].casefold()
    assert client.get("/api/search", params={"q": "zzzqqq"}).json()["total"] == 0
    assert client.get("/api/search", params={"q": 'quote" OR ('}).status_code == 200
    assert client.get("/api/search").status_code == 422


def _record(i: int, text: str | None = None) -> dict[str, object]:
    return {
        "id": f"api-{i}",
        "outlet": "api.example",
        "date": "2026-03-17",
        "title": f"Ferry strike day {i} in Brenna",
        "text": text
        or (
            f"Ferry crews in Brenna stayed out for a {i}th day on Tuesday, and the port "
            "authority said the strike had cost 2 million euros so far."
        ),
    }


def test_ingest_needs_a_token(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("STORYLENS_API_TOKEN", raising=False)
    with make_client(db, token=None) as off:
        r = off.post("/api/ingest", json=_record(1))
        assert r.status_code == 403 and "STORYLENS_API_TOKEN" in r.json()["detail"]
    with make_client(db) as on:
        assert on.post("/api/ingest", json=_record(1)).status_code == 401
        wrong = on.post("/api/ingest", json=_record(1), headers={"Authorization": "Bearer no"})
        assert wrong.status_code == 401 and wrong.headers["www-authenticate"] == "Bearer"


def test_ingest_adds_and_refreshes(client: TestClient) -> None:
    r = client.post("/api/ingest", json=[_record(1), _record(2), {"id": "x"}], headers=AUTH)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["added"] == 2 and body["refresh"] == "scheduled"
    assert body["rejected"] and body["rejected"][0]["source"].startswith("request")
    # the background refresh enriched and clustered them
    article = client.get("/api/articles/api-1").json()
    assert article["entities"] and article["event_id"] is not None
    again = client.post("/api/ingest", json=_record(1), headers=AUTH).json()
    assert again["added"] == 0 and again["duplicates"] == 1 and "refresh" not in again


def test_ingest_urls(client: TestClient, server: object) -> None:
    from tests.conftest import LocalServer

    assert isinstance(server, LocalServer)
    page = (
        b"<html><head><title>Ferry strike ends</title></head><body><article><h1>Ferry strike "
        b"ends</h1><p>Ferry crews in Brenna returned to work on Wednesday after the port "
        b"authority agreed to a pay rise of 4 percent, ending a nine-day strike that had "
        b"stranded thousands of passengers and cost the port millions of euros.</p>"
        b"<p>The union said its members would vote on the deal next week.</p></article>"
        b"</body></html>"
    )
    server.routes["/strike"] = (200, "text/html; charset=utf-8", page)
    r = client.post("/api/ingest", json={"urls": [server.url("/strike")]}, headers=AUTH)
    assert r.status_code == 200 and r.json()["added"] == 1
    bad = client.post("/api/ingest", json={"urls": "not a list"}, headers=AUTH)
    assert bad.status_code == 400


def test_ingest_body_limits_and_errors(db: Path) -> None:
    with make_client(db, max_body_bytes=2_000) as small:
        big = [_record(i) for i in range(40)]
        r = small.post("/api/ingest", json=big, headers=AUTH)
        assert r.status_code == 413 and "limit" in r.json()["detail"]
        r = small.post(
            "/api/ingest",
            content=b"{not json",
            headers={**AUTH, "Content-Type": "application/json"},
        )
        assert r.status_code == 400 and r.headers["content-type"] == "application/problem+json"
        assert small.post("/api/ingest", json=3, headers=AUTH).status_code == 400
        deep = small.post(  # nested deeper than the parser goes: bad JSON, not a 500
            "/api/ingest",
            content=b"[" * 1000 + b"]" * 1000,
            headers={**AUTH, "Content-Type": "application/json"},
        )
        assert deep.status_code == 400 and "nested too deeply" in deep.json()["detail"]


def test_errors_are_problem_details_without_traces(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = client.get("/api/nothing-here")
    assert missing.status_code == 404 and missing.json()["title"] == "Not found"
    import storylens.web.api as api

    def boom(*args: object, **kw: object) -> object:
        raise RuntimeError("secret internals /etc/passwd")

    monkeypatch.setattr(api, "filter_events", boom)
    r = client.get("/api/events")
    assert r.status_code == 500
    assert r.json()["detail"] == "internal error: the server log has the details"
    assert "secret" not in r.text and "Traceback" not in r.text


def test_openapi_lists_every_route(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    paths = set(spec["paths"])
    for path in (
        "/api/health",
        "/api/articles",
        "/api/articles/{article_id}",
        "/api/events",
        "/api/events/{event_id}",
        "/api/storylines",
        "/api/storylines/{storyline_id}",
        "/api/entities",
        "/api/search",
        "/api/ingest",
    ):
        assert path in paths
    assert client.get("/docs").status_code == 200


def test_ids_and_offsets_beyond_sqlite_integers(client: TestClient) -> None:
    """An id no SQLite integer can hold names nothing: not found, never a server error."""
    huge = str(2**70)
    for path in (f"/api/events/{huge}", f"/api/events/-{huge}", f"/api/entities/{huge}"):
        assert client.get(path).status_code == 404, path
    assert client.get(f"/events/{huge}", headers={"Accept": "text/html"}).status_code == 404
    assert client.get(f"/entities/{huge}", headers={"Accept": "text/html"}).status_code == 404
    assert client.get("/api/events", params={"entity": huge}).json()["items"] == []
    assert client.get("/api/search", params={"q": "bridge", "offset": huge}).status_code == 422
