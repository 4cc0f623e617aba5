"""The web UI as HTML: every page renders, filters work, untrusted text stays inert."""

from __future__ import annotations

import re
from urllib.parse import quote

from fastapi.testclient import TestClient

from .conftest import EVIL_TEXT, ODD_ID

HTML = {"Accept": "text/html"}


def _event_ids(html: str) -> list[int]:
    return [int(x) for x in re.findall(r'data-event-id="(\d+)"', html)]


def test_events_page_with_badges_filters_and_search(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "default-src 'none'" in r.headers["content-security-policy"]
    assert len(_event_ids(r.text)) == 7
    assert r.text.count('class="badge conflicts"') >= 6
    assert "3 conflicts" in r.text
    only = client.get("/", params={"q": "wildfire evacuated"}).text
    assert len(_event_ids(only)) == 1 and "Kestrel Hills" in only
    dated = client.get("/", params={"from": "2026-03-15", "to": ""}).text
    assert len(_event_ids(dated)) == 2  # the cup final (14-15 March) and the hostile article
    assert "No events" in client.get("/", params={"q": "zzzqqq"}).text


def test_event_page(client: TestClient) -> None:
    events = client.get("/api/events").json()["items"]
    bridge = next(e for e in events if "mp-bridge-0309" in e["article_ids"])
    page = client.get(f"/events/{bridge['id']}").text
    for section in ("Summary", "Sources differ", "Agreed", "Key quotes", "Entities",
                    "The sources side by side"):  # fmt: skip
        assert f"<h2>{section}</h2>" in page
    assert page.count('class="conflict-row"') == 3
    assert page.count('<div class="versus">versus</div>') == 3  # one per conflict
    assert "<svg" in page and page.count("<circle") == 4  # the four reports on a time chart
    assert page.count('class="column"') == 4
    assert '<mark class="conflict">' in page
    cite = re.search(r'class="cite" href="(/articles/[^"]+)"', page)
    assert cite is not None
    article = client.get(cite.group(1).replace("&amp;", "&").split("#")[0]).text
    assert '<mark id="hl" class="hl">' in article
    assert client.get("/events/9999", headers=HTML).status_code == 404


def test_storyline_entity_and_error_pages(client: TestClient) -> None:
    stories = client.get("/storylines").text
    link = re.search(r'href="(/storylines/\d+)"', stories)
    assert link is not None
    story = client.get(link.group(1)).text
    assert "<svg" in story and '<ol class="timeline">' in story
    # the bridge money's storyline says which event it follows
    pages = [client.get(h).text for h in set(re.findall(r'href="(/storylines/\d+)"', stories))]
    [money] = [p for p in pages if "Reyk" in p]
    follows = re.search(r'follows\s*<a href="/events/\d+">([^<]+)</a>', money)
    assert follows is not None and "Bridge collapses" in follows.group(1)
    entity = client.get("/entity", params={"name": "Ilsa Marchetti"}, follow_redirects=True)
    assert entity.status_code == 200 and "Ilsa Marchetti" in entity.text
    assert "also written" not in entity.text  # its one form is its name
    reyk = client.get("/entity", params={"name": "Reyk"}, follow_redirects=True).text
    assert re.search(r"also written Reyk\s*</p>", reyk)  # the other forms, not the name again
    assert "Seven dead after Old Quay Bridge collapses" in entity.text
    missing = client.get("/entities/99999", headers=HTML)
    assert missing.status_code == 404 and "<h1>404" in missing.text
    assert missing.headers["content-type"].startswith("text/html")


def test_hostile_article_renders_inert(client: TestClient) -> None:
    evil = client.get("/api/articles/evil-1").json()
    event_id = evil["event_id"]
    pages = [
        client.get("/").text,
        client.get("/", params={"q": "onerror"}).text,
        client.get(f"/events/{event_id}").text,
        client.get("/articles/evil-1", params={"start": 0, "end": 22}).text,
    ]
    for html in pages:
        assert "<script>alert" not in html
        assert 'onerror="alert' not in html and "<img src=x" not in html
    article = pages[-1]
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in article
    assert "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in article
    assert EVIL_TEXT[:20] in article
    # the brief's HTML export is inert too
    brief = client.get(f"/api/events/{event_id}").json()["brief"]
    assert brief["headline"].startswith("Bridge <script>")  # JSON keeps the text as it is


def test_article_ids_with_any_characters_link_to_their_articles(client: TestClient) -> None:
    copy = client.get("/api/articles/evil-1").json()
    assert copy["near_duplicate_of"] == ODD_ID
    assert client.get("/api/articles/" + quote(ODD_ID, safe="")).json()["id"] == ODD_ID
    pages = [client.get(f"/events/{copy['event_id']}").text, client.get("/articles/evil-1").text]
    links = {
        h.replace("&amp;", "&").split("#")[0]
        for page in pages
        for h in re.findall(r'href="(/articles/[^"]+)"', page)
    }
    assert "/articles/" + quote(ODD_ID, safe="") in links  # the report, and evil-1's "copy of"
    # the undated copy has no row on the time chart, and the page says so
    assert pages[0].count("<circle") == 1 and "1 undated report not on the chart" in pages[0]
    for link in links:
        r = client.get(link)
        assert r.status_code == 200, link
        assert EVIL_TEXT[:20] in r.text
    # an article's link to its original is offered for web addresses only
    odd = client.get("/articles/" + quote(ODD_ID, safe="")).text
    assert "javascript:" not in odd


def test_source_sentences_are_quoted_once(client: TestClient) -> None:
    events = client.get("/api/events").json()["items"]
    bridge = next(e for e in events if "mp-bridge-0309" in e["article_ids"])
    page = client.get(f"/events/{bridge['id']}").text
    # the speaker conflict cites sentences that open with their own quotation mark
    assert "This is the darkest morning" in page
    assert "“&#34;" not in page and '“"' not in page


def test_article_page_shows_what_enrichment_read(client: TestClient) -> None:
    page = client.get("/articles/mp-bridge-0309").text
    for section in ("Entities", "Quotes", "Claims"):
        assert f"<h2>{section}</h2>" in page
    # the mayor: an entity with its page, and the speaker of her quote
    link = re.search(r'<a href="(/entities/\d+)">Ilsa Marchetti</a>', page)
    assert link is not None and "Ilsa Marchetti" in client.get(link.group(1)).text
    quote = re.search(
        r'Ilsa Marchetti</a></b>\s*told: (.*?)\s*<a class="cite" href="([^"]+)"', page, re.S
    )
    assert quote is not None and "darkest morning" in quote.group(1)
    shown = client.get(quote.group(2).replace("&amp;", "&").split("#")[0]).text
    assert re.search(r'<mark id="hl" class="hl">&#34;This is the darkest morning', shown)
    # a claim as written, its value in figures, what it is about and who says so
    row = re.search(r"<tr>\s*<td>.*?count_of_people.*?>seven</a></td>(.*?)</tr>", page, re.S)
    assert row is not None
    cells = re.findall(r"<td>(.*?)</td>", row.group(1), re.S)
    assert cells[0] == "at least 7 people" and "kill" in cells[1] and cells[2] == "city officials"
