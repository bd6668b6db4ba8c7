"""Bring every offset of an Extraction from the parser's text back to the original.

The objects belong to one Doc that is thrown away afterwards, so they are
updated in place; quoted texts are re-sliced from the original so that they
show the article's own characters (’ rather than ').
"""
from __future__ import annotations

from ..model import Extraction
from .offsets import OffsetMap, normalise


def remap_extraction(extraction: Extraction, offsets: OffsetMap | None) -> Extraction:
    """``extraction`` with all offsets (and quoted texts) in the original text."""
    text = extraction.article.text
    if offsets is None or not offsets.text_changed:  # the parser saw the original text
        return extraction
    if offsets.identity:  # characters replaced one for one: offsets hold, quotes do not
        _reslice_texts(extraction, text)
        return extraction
    for tx in extraction.timexes:
        tx.start, tx.end = offsets.span(tx.start, tx.end)
    for ent in extraction.entities:
        ent.mentions = [offsets.span(s, e) for s, e in ent.mentions]
    for finding in extraction.findings:
        if finding.start is not None and finding.end is not None:
            finding.start, finding.end = offsets.span(finding.start, finding.end)
    for event in extraction.events:
        for ev in event.evidence:
            ev.start, ev.end = offsets.span(ev.start, ev.end)
            ev.trigger_start, ev.trigger_end = offsets.span(ev.trigger_start, ev.trigger_end)
        d = event.date
        if d.start is not None and d.end is not None:
            d.start, d.end = offsets.span(d.start, d.end)
        loc = event.location
        if loc is not None and loc.start is not None and loc.end is not None:
            loc.start, loc.end = offsets.span(loc.start, loc.end)
    _reslice_texts(extraction, text)
    return extraction


def _reslice_texts(extraction: Extraction, text: str) -> None:
    for tx in extraction.timexes:
        tx.text = text[tx.start:tx.end]
    for event in extraction.events:
        for ev in event.evidence:
            original = text[ev.trigger_start:ev.trigger_end]
            if normalise(original)[0] == ev.trigger:  # a plain slice, not a composed label
                ev.trigger = original
        d = event.date
        if d.start is not None and d.end is not None and d.text is not None:
            d.text = text[d.start:d.end]
