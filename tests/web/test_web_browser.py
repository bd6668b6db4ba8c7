"""The pages in a real headless Chromium (Debian's /usr/bin/chromium, no Playwright download)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from webdata import summit_id

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parent.parent / "screenshots"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is missing")]


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.dialogs = []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    yield pg
    context.close()


def test_timeline_filter_and_event_evidence(page, server, store):
    summit = summit_id(store)
    page.goto(f"{server}/timeline")
    year_2018 = page.locator('li.year[data-year="2018"]')
    assert year_2018.locator(f'li.event[data-id="{summit}"]').count() == 1
    assert page.locator(f'svg.timeline-svg circle[data-id="{summit}"]').count() == 1
    page.screenshot(path=str(SHOTS / "timeline.png"), full_page=True)

    page.select_option('select[name="type"]', "CONSULT")  # app.js submits on change
    page.wait_for_url(re.compile(r"type=CONSULT"))
    types = page.locator("li.event a.type").all_inner_texts()
    assert types and set(types) == {"CONSULT"}
    page.fill('input[name="country"]', "PRK")
    page.click('form.filters button[type="submit"]')
    page.wait_for_url(re.compile(r"country=PRK"))
    page.screenshot(path=str(SHOTS / "timeline-filtered.png"), full_page=True)

    page.locator(f'li.event[data-id="{summit}"] a.type').click()
    page.wait_for_url(re.compile(f"/events/{summit}$"))
    assert page.locator("li.mention").count() == 3
    trigger = page.locator("blockquote.evidence mark.hl-trigger").first
    assert trigger.is_visible() and trigger.inner_text() == "rencontrés"
    assert page.locator("blockquote.evidence mark.hl-date").first.inner_text() == "12 juin 2018"
    assert page.locator("blockquote.evidence mark.hl-actor").count() >= 4
    page.screenshot(path=str(SHOTS / "event.png"), full_page=True)


def test_actor_page_dyad_chart(page, server):
    page.goto(f"{server}/actors/Q22686")
    assert page.locator("svg.dyad-svg rect.bar").count() >= 2
    page.locator("a.dyad-link").first.click()
    page.wait_for_url(re.compile(r"partner="))
    page.screenshot(path=str(SHOTS / "actor.png"), full_page=True)
    page.goto(f"{server}/dyad?a=USA&b=PRK")
    assert page.locator('svg.dyad-svg rect[data-quad="verbal-conflict"]').count() >= 1


def test_search_page(page, server):
    page.goto(f"{server}/search")
    page.fill('input[name="q"]', "Singapour")
    page.click('form.filters button[type="submit"]')
    assert page.locator("ol.results > li").count() == 3
    assert page.locator("p.snippet mark").first.inner_text() == "Singapour"
    page.screenshot(path=str(SHOTS / "search.png"), full_page=True)


def test_hostile_article_stays_inert(page, server):
    for path in ["/articles/xss-1", "/timeline", "/search?q=menac%C3%A9"]:
        page.goto(f"{server}{path}")
        page.wait_for_load_state("load")
        assert page.evaluate("window.__xss === undefined"), path
        assert page.dialogs == []
    page.goto(f"{server}/articles/xss-1")
    assert page.locator("h1").inner_text().startswith("<script>window.__xss")
    assert page.locator(".article-text script, .article-text img, h1 script").count() == 0
    assert page.locator(".article-text mark.hl-trigger").inner_text() == "menacé"
    page.screenshot(path=str(SHOTS / "xss.png"), full_page=True)
