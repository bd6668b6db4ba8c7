"""Server-rendered pages, their JSON twins, escaping of untrusted article text."""
from __future__ import annotations

import re

import pytest

from webdata import summit_id


def test_every_page_has_a_json_twin(client, store):
    ev = summit_id(store)
    for path in ["/timeline", f"/events/{ev}", "/actors", "/actors/Q22686", "/search?q=kim",
                 "/articles/lemonde-1", "/dyad?a=USA&b=PRK"]:
        html = client.get(path)
        assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
        base, _, query = path.partition("?")
        twin = client.get(f"{base}.json" + (f"?{query}" if query else ""))
        other = client.get(path + ("&" if query else "?") + "format=json")
        assert twin.headers["content-type"] == "application/json"
        assert twin.json() == other.json()
        assert "This page as JSON" in html.text


def test_timeline_puts_the_recalled_summit_in_2018(client, store):
    html = client.get("/timeline").text
    at_2018, at_2019 = html.index('data-year="2018"'), html.index('data-year="2019"')
    assert at_2018 < html.index(f'data-id="{summit_id(store)}"', at_2018) < at_2019
    assert "reported 2025-10-27 – 2025-11-02" in html
    assert 'data-happened="2018-06-12"' in html  # the SVG dot, where it happened
    assert "dates disagree: 2019 / 2019-06-30 / 2019-07" in html


def test_timeline_filters(client):
    html = client.get("/timeline", params={"type": "THREATEN", "country": "PRK"}).text
    rows = re.findall(r'<li class="event [^"]*" data-id="[^"]+"', html)
    assert len(rows) == 2
    assert '<option selected>THREATEN</option>' in html


def test_event_page_highlights_evidence(client, store):
    html = client.get(f"/events/{summit_id(store)}").text
    assert '<mark class="hl-trigger" title="trigger">rencontrés</mark>' in html
    assert '<mark class="hl-date" title="2018-06-12">12 juin 2018</mark>' in html
    assert '<mark class="hl-actor" title="Donald Trump">Donald Trump</mark>' in html
    assert html.count('<li class="mention"') == 3


def test_actor_page_charts_a_dyad(client):
    html = client.get("/actors/Q22686").text
    assert '<svg class="dyad-svg"' in html and 'data-quad="verbal-coop"' in html
    html = client.get("/actors/Q22686", params={"partner": "Q423"}).text
    assert 'data-quad="verbal-conflict"' in html


def test_search_page_marks_matches(client):
    html = client.get("/search", params={"q": "Singapour"}).text
    assert "<mark>Singapour</mark>" in html
    assert client.get("/search", params={"q": "()"}).status_code == 400


def test_missing_things_are_404_pages(client):
    r = client.get("/events/ev-nothing")
    assert r.status_code == 404 and "no event" in r.text
    assert client.get("/nowhere").status_code == 404


@pytest.mark.parametrize("path", ["/timeline", "/articles/xss-1", "/search?q=menacé",
                                  "/actors", "/actors/Q22686"])
def test_hostile_article_renders_inert(client, path):
    r = client.get(path)
    html = r.text
    assert "<script>window" not in html and "<img src=x" not in html
    assert "<svg onload" not in html and 'href="javascript:' not in html
    assert "default-src 'none'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"


def test_hostile_article_is_shown_escaped(client):
    html = client.get("/articles/xss-1").text
    assert "&lt;script&gt;window.__xss = &#34;title&#34;&lt;/script&gt;" in html
    assert '<mark class="hl-evidence hl-trigger" title="trigger">menacé</mark>' in html
    ev = client.get("/api/events", params={"type": "THREATEN", "date_from": "2025"}).json()
    page = client.get(f"/events/{ev['items'][0]['id']}").text
    assert "&lt;svg onload=&#34;window.__xss=4&#34;&gt;" in page
    assert 'href="/actors/local%3A%3Csvg%20onload%3D%22window.__xss%3D4%22%3E"' in page
