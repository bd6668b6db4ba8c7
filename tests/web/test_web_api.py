"""The JSON API through fastapi's TestClient, over a real store."""
from __future__ import annotations

from urllib.parse import quote

import pytest

from webdata import summit_id


def test_lists_have_items_total_next(client):
    first = client.get("/api/events", params={"limit": 3}).json()
    assert set(first) == {"items", "total", "next"}
    assert first["total"] == 8 and len(first["items"]) == 3
    seen = [e["id"] for e in first["items"]]
    nxt = first["next"]
    while nxt:
        page = client.get(nxt).json()
        seen += [e["id"] for e in page["items"]]
        nxt = page["next"]
    assert len(seen) == len(set(seen)) == 8


@pytest.mark.parametrize("params, total", [
    ({"country": "PRK"}, 7), ({"actor": "kim"}, 5), ({"type": "CONSULT"}, 4),
    ({"modality": "intended"}, 1), ({"date_from": "2019-01", "date_to": "2019-03"}, 2),
    ({"q": "Hanoï"}, 2), ({"country": "USA,PRK", "type": "THREATEN"}, 2)])
def test_event_filters(client, params, total):
    assert client.get("/api/events", params=params).json()["total"] == total


def test_bad_parameters_are_clear_4xx(client):
    r = client.get("/api/events", params={"date_to": "hier"})
    assert r.status_code == 400 and "date_to: 'hier' is not a date" in r.json()["error"]
    r = client.get("/api/events", params={"limit": 0})
    assert r.status_code == 422 and "limit" in r.json()["error"]
    r = client.get("/api/search", params={"q": '"*()'})
    assert r.status_code == 400 and "empty search" in r.json()["error"]
    assert client.get("/api/search", params={"q": 'NEAR("kim'}).status_code == 200
    assert client.get("/api/events/nope").status_code == 404
    assert client.get("/api/actors/nobody").json() == {"error": "no actor 'nobody'"}


def test_event_detail_has_mentions_with_evidence(client, store):
    ev = client.get(f"/api/events/{summit_id(store)}").json()
    assert ev["date"]["value"] == "2018-06-12" and ev["num_articles"] == 3
    assert {m["article_id"] for m in ev["mentions"]} == {"lemonde-1", "ftv-2", "local-3"}
    for m in ev["mentions"]:
        assert "rencontrés" in m["evidence"][0]["text"]
        assert m["published"].startswith("2025")


def test_timeline_places_events_by_when_they_happened(client):
    items = client.get("/api/timeline").json()["items"]
    dated = [e["date"]["value"] for e in items if e["placed_by"] == "date"]
    assert dated == ["2017-08", "2018-06-12", "2019", "2019-02", "2025-03-03"]  # by first day


def test_actors_and_actor(client):
    page = client.get("/api/actors", params={"q": "trump"}).json()
    assert page["items"][0]["id"] == "Q22686"
    trump = client.get("/api/actors/Q22686").json()
    assert trump["partners"][0]["id"] == "Q56226" and trump["num_events"] == 7
    odd_id = client.get("/api/actors", params={"q": "svg"}).json()["items"][0]["id"]
    assert odd_id == 'local:<svg onload="window.__xss=4">'
    odd = client.get(f"/api/actors/{quote(odd_id, safe='')}").json()
    assert odd["name"].startswith("<svg") and odd["num_events"] == 1


def test_search_and_dyad(client):
    page = client.get("/api/search", params={"q": "singapour"}).json()
    assert page["total"] == 3 and page["items"][0]["snippet"]
    dyad = client.get("/api/dyad", params={"a": "USA", "b": "PRK"}).json()
    assert dyad["months"][0]["month"] == "2017-08"
    assert dyad["months"][0]["verbal-conflict"] == 1


def test_post_one_article_then_a_list(client):
    art = {"id": "post-1", "date": "2025-05-01", "title": "t", "text": "Un texte sans acte."}
    r = client.post("/api/articles", json=art)
    assert r.status_code == 200
    assert r.json()["items"] == [{"id": "post-1", "status": "new", "events": []}]
    r = client.post("/api/articles", json=[art, {"date": "2025-05-02", "text": "Autre."}])
    statuses = [i["status"] for i in r.json()["items"]]
    assert statuses == ["duplicate", "new"] and r.json()["items"][1]["id"].startswith("api-")
    assert client.get("/api/articles/post-1").json()["title"] == "t"


@pytest.mark.parametrize("body, status, message", [
    ({"date": "2025-02-30", "text": "x"}, 422, "date '2025-02-30' is not a calendar day"),
    ({"date": "27/10/2025", "text": "x"}, 422, "date must be YYYY-MM-DD"),
    ({"date": "2025-01-01"}, 422, "text: Field required"),
    ({"date": "2025-01-01", "text": "   "}, 422, "text is empty"),
    ([{"date": "2025-01-01", "text": "ok"}, {"text": "no date"}], 422, "1.date"),
    ("just a string", 422, "expected an article object"),
    ([], 422, "no article")])
def test_post_bad_articles(client, body, status, message):
    r = client.post("/api/articles", json=body)
    assert r.status_code == status and message in r.json()["error"]


def test_post_not_json_and_too_large(client, store):
    from fastapi.testclient import TestClient

    from dateline.web import create_app

    r = client.post("/api/articles", content=b"{not json",
                    headers={"content-type": "application/json"})
    assert r.status_code == 400 and "not JSON" in r.json()["error"]
    with TestClient(create_app(str(store), max_body=1000)) as small:
        r = small.post("/api/articles", json={"date": "2025-01-01", "text": "x" * 2000})
        assert r.status_code == 413 and "larger than 1000 bytes" in r.json()["error"]


def test_openapi_docs(client):
    assert client.get("/docs").status_code == 200
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/articles", "/api/timeline", "/api/search"} <= set(spec["paths"])
    assert "requestBody" in spec["paths"]["/api/articles"]["post"]
