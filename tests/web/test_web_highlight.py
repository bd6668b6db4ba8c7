"""Highlighting slices escaped text at offsets; the SVG charts escape their labels."""
from __future__ import annotations

from dateline.web.highlight import Mark, highlight, span_html
from dateline.web.pages import safe_href
from dateline.web.svg import dyad_svg, timeline_svg


def test_pieces_are_escaped_and_marked():
    text = 'Kim <b>a</b> "menacé" Séoul & Tokyo.'
    html = highlight(text, 0, len(text), [Mark(0, 3, "actor", "Kim <x>"),
                                          Mark(14, 20, "trigger")])
    assert str(html) == ('<mark class="hl-actor" title="Kim &lt;x&gt;">Kim</mark> &lt;b&gt;a'
                         '&lt;/b&gt; &#34;<mark class="hl-trigger" title="trigger">menacé'
                         '</mark>&#34; Séoul &amp; Tokyo.')


def test_overlapping_marks_and_bad_offsets():
    text = "le 12 juin 2018 à Singapour"
    marks = [Mark(0, 27, "evidence"), Mark(3, 15, "date", "2018-06-12"),
             Mark(6, 10, "trigger"), Mark(20, 99, "actor"), Mark(5, 5, "actor"),
             Mark(1, 2, "<script>")]
    html = str(highlight(text, 0, len(text), marks))
    assert '<mark class="hl-evidence hl-trigger hl-date" title="2018-06-12, trigger">juin' in html
    assert "99" not in html and "script" not in html
    assert html.count("<mark") == 5  # le | 12 | juin | 2018 | à Singapour: cut, never nested


def test_span_html_uses_the_span_offsets():
    span = {"start": 100, "end": 111, "text": "a rencontré",
            "marks": [{"start": 102, "end": 111, "kind": "trigger"}]}
    assert str(span_html(span)) == 'a <mark class="hl-trigger" title="trigger">rencontré</mark>'


def test_only_http_urls_become_links():
    assert safe_href("https://lemonde.fr/x") == "https://lemonde.fr/x"
    assert safe_href("javascript:alert(1)") is None
    assert safe_href(" JaVaScRiPt:alert(1)") is None and safe_href("data:text/html,x") is None
    assert safe_href(None) is None


def test_svg_labels_are_escaped():
    ev = {"id": 'e"><script>', "type": "<b>", "modality": "asserted", "quad": "verbal-coop",
          "date": {"value": "2018-06-12"}, "reported": {"min": "2025-10-27"},
          "placed_by": "date"}
    svg = str(timeline_svg([ev]))
    assert "<script>" not in svg and "&lt;b&gt;" in svg
    dyad = {"a": "<A>", "b": "B", "months": [{"month": "2018-06", "verbal-coop": 2,
                                               "material-coop": 0, "verbal-conflict": 1,
                                               "material-conflict": 0}]}
    svg = str(dyad_svg(dyad))
    assert "&lt;A&gt;" in svg and svg.count("<rect") == 2
