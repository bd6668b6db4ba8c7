"""Article text with marks (trigger, actors, date, evidence), built from escaped pieces.

The text is untrusted: it is cut at the mark offsets and every piece is escaped on its
own; the only markup added is ``<mark>`` elements whose classes come from a fixed set.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from markupsafe import Markup, escape

KINDS = ("evidence", "trigger", "actor", "recipient", "date")


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str
    label: str | None = None


def marks_of(span: dict) -> list[Mark]:
    """The marks of one stored evidence span (``{"start", "end", "marks": [...]}``)."""
    return [Mark(m["start"], m["end"], m["kind"], m.get("label")) for m in span["marks"]]


def highlight(text: str, start: int, end: int, marks: Iterable[Mark]) -> Markup:
    """``text[start:end]`` as HTML, each piece escaped, marked pieces in ``<mark>``."""
    start, end = max(0, start), min(len(text), end)
    inside = [m for m in marks if m.kind in KINDS and start <= m.start < m.end <= end]
    cuts = sorted({start, end, *(m.start for m in inside), *(m.end for m in inside)})
    out: list[Markup] = []
    for a, b in zip(cuts, cuts[1:]):
        piece = escape(text[a:b])
        over = [m for m in inside if m.start <= a and b <= m.end]
        if not over:
            out.append(piece)
            continue
        kinds = sorted({m.kind for m in over}, key=KINDS.index)
        labels = sorted({m.label or m.kind for m in over if m.kind != "evidence"})
        classes = " ".join(f"hl-{k}" for k in kinds)
        if labels:
            out.append(Markup('<mark class="{}" title="{}">{}</mark>').format(
                classes, ", ".join(labels), piece))
        else:
            out.append(Markup('<mark class="{}">{}</mark>').format(classes, piece))
    return Markup("").join(out)


def span_html(span: dict) -> Markup:
    """One stored evidence span (its ``text`` and absolute-offset ``marks``) as HTML."""
    base = span["start"]
    shifted = [Mark(m.start - base, m.end - base, m.kind, m.label) for m in marks_of(span)]
    return highlight(span["text"], 0, len(span["text"]), shifted)
