"""The UI in a real browser: Playwright driving Debian's Chromium (/usr/bin/chromium, headless,
no sandbox; nothing is downloaded). Screenshots go to test-artifacts/ (or
$STORYLENS_ARTIFACTS)."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from storylens.config import Config
from storylens.web import create_app

CHROMIUM = Path(os.environ.get("STORYLENS_CHROMIUM", "/usr/bin/chromium"))
ARTIFACTS = Path(
    os.environ.get("STORYLENS_ARTIFACTS", Path(__file__).resolve().parents[2] / "test-artifacts")
)

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason=f"no browser at {CHROMIUM}: install Debian's chromium (apt-get install chromium)",
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def base_url(db: Path) -> Iterator[str]:
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(db, Config()), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def page(base_url: str) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM), args=["--headless", "--no-sandbox"]
        )
        context = browser.new_context(viewport={"width": 1200, "height": 900})
        pg = context.new_page()
        dialogs: list[str] = []
        pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        pg.dialogs = dialogs  # type: ignore[attr-defined]
        yield pg
        browser.close()


def test_events_event_citation_and_conflicts(page: object, base_url: str) -> None:
    from playwright.sync_api import Page, expect

    assert isinstance(page, Page)
    page.goto(base_url + "/")
    expect(page.locator("li.event")).to_have_count(7)
    bridge = page.locator("li.event", has_text="Old Quay Bridge").first
    expect(bridge.locator(".badge.conflicts")).to_have_text("3 conflicts")
    page.screenshot(path=str(ARTIFACTS / "events.png"), full_page=True)

    bridge.locator("a.title").click()
    expect(page.locator("h1")).to_have_text("Seven dead after Old Quay Bridge collapses")
    rows = page.locator("tr.conflict-row")
    expect(rows).to_have_count(3)
    kinds = {rows.nth(i).get_attribute("data-kind") for i in range(3)}
    assert kinds == {"conflict:number", "conflict:name", "conflict:speaker"}
    number = page.locator('tr.conflict-row[data-kind="conflict:number"]')
    expect(number).to_contain_text("Seven")
    expect(number).to_contain_text("Nine")
    page.screenshot(path=str(ARTIFACTS / "event.png"), full_page=True)

    first = page.locator("p.summary-line").first
    sentence = first.evaluate("el => el.firstChild.textContent.trim()")
    first.locator("a.cite").first.click()
    mark = page.locator("mark#hl")
    expect(mark).to_have_count(1)
    assert mark.inner_text().strip() == sentence
    assert page.evaluate("window.location.hash") == "#hl"
    page.screenshot(path=str(ARTIFACTS / "citation.png"), full_page=False)


def test_search_storyline_and_hostile_text(page: object, base_url: str) -> None:
    from playwright.sync_api import Page, expect

    assert isinstance(page, Page)
    page.goto(base_url + "/")
    page.fill("header input[name=q]", "Solvayne")
    page.press("header input[name=q]", "Enter")
    expect(page.locator("li.event")).to_have_count(1)
    page.goto(base_url + "/storylines")
    page.locator("ol.events a.title").first.click()
    expect(page.locator("svg.chart")).to_have_count(1)
    page.goto(base_url + "/articles/evil-1")
    expect(page.locator("h1")).to_contain_text("<script>")  # shown as text
    assert page.locator("article script").count() == 0
    assert page.locator("article img").count() == 0
    page.goto(base_url + "/")
    page.wait_for_timeout(300)
    assert page.dialogs == []  # type: ignore[attr-defined]
    page.screenshot(path=str(ARTIFACTS / "hostile.png"), full_page=False)
