"""Charts of the store as PNG or SVG files (matplotlib, Agg canvas; no pyplot state).

* ``timeline``: events per month they HAPPENED, stacked by PLOVER quad class.
* ``dyad``: cooperation (up) against conflict (down) per month between two sides.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from .errors import DatelineError
from .fuse.dates import month

QUADS = ("verbal-coop", "material-coop", "verbal-conflict", "material-conflict")
LABELS = {"verbal-coop": "verbal cooperation", "material-coop": "material cooperation",
          "verbal-conflict": "verbal conflict", "material-conflict": "material conflict"}
COLOURS = {"verbal-coop": "#6baed6", "material-coop": "#2171b5",
           "verbal-conflict": "#fc9272", "material-conflict": "#cb181d"}
SUFFIXES = (".png", ".svg")


def _save(fig: Figure, out: str | Path) -> Path:
    path = Path(out)
    if path.suffix.lower() not in SUFFIXES:
        raise DatelineError(f"{path}: give a .png or .svg file name")
    FigureCanvasAgg(fig)
    fig.savefig(path, format=path.suffix.lower()[1:], bbox_inches="tight")
    return path


def _months_between(first: str, last: str) -> list[str]:
    y, m = map(int, first.split("-"))
    out = []
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _ticks(ax: Any, months: list[str]) -> None:
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    step = max(1, len(months) // 12)
    ax.set_xticks(range(0, len(months), step))
    ax.set_xticklabels(months[::step], rotation=45, ha="right", fontsize=8)


def timeline_figure(events: list[dict[str, Any]], title: str = "Events by month they happened"
                    ) -> Figure:
    """Stacked bars: events per month of their own date (coarser dates are left out)."""
    counts: Counter[tuple[str, str]] = Counter()
    for ev in events:
        key = month(ev["date"]["value"])
        if key:
            counts[(key, ev["quad"])] += 1
    fig = Figure(figsize=(10, 4))
    ax = fig.add_subplot()
    if not counts:
        ax.text(0.5, 0.5, "no event dated to the month", ha="center", transform=ax.transAxes)
        return fig
    months = _months_between(min(k for k, _ in counts), max(k for k, _ in counts))
    bottom = [0] * len(months)
    for quad in QUADS:
        heights = [counts[(m, quad)] for m in months]
        ax.bar(range(len(months)), heights, bottom=bottom, color=COLOURS[quad],
               label=LABELS[quad])
        bottom = [b + h for b, h in zip(bottom, heights)]
    _ticks(ax, months)
    ax.set_ylabel("events")
    ax.set_title(title)
    ax.legend(fontsize=8)
    return fig


def dyad_figure(dyad: dict[str, Any]) -> Figure:
    """Cooperation up, conflict down, per month (``Database.dyad`` output)."""
    fig = Figure(figsize=(10, 4))
    ax = fig.add_subplot()
    rows = {r["month"]: r for r in dyad["months"]}
    ax.set_title(f"{dyad['a']} – {dyad['b']}: cooperation and conflict by month")
    if not rows:
        ax.text(0.5, 0.5, "no event between them dated to the month", ha="center",
                transform=ax.transAxes)
        return fig
    months = _months_between(min(rows), max(rows))
    up, down = [0] * len(months), [0] * len(months)
    for quad in QUADS:
        values = [rows.get(m, {}).get(quad, 0) for m in months]
        if "coop" in quad:
            ax.bar(range(len(months)), values, bottom=up, color=COLOURS[quad], label=LABELS[quad])
            up = [u + v for u, v in zip(up, values)]
        else:
            ax.bar(range(len(months)), [-v for v in values], bottom=[-d for d in down],
                   color=COLOURS[quad], label=LABELS[quad])
            down = [d + v for d, v in zip(down, values)]
    ax.axhline(0, color="#666", linewidth=0.8)
    _ticks(ax, months)
    ax.set_ylabel("events (conflict below zero)")
    ax.legend(fontsize=8)
    return fig


def plot_timeline(db: Any, out: str | Path, **filters: Any) -> Path:
    """Write the timeline chart of the events matching ``filters`` to ``out``."""
    events, _ = db.timeline(**filters, limit=1_000_000)
    return _save(timeline_figure(events), out)


def plot_dyad(db: Any, a: str, b: str, out: str | Path) -> Path:
    """Write the dyad chart of ``a`` and ``b`` (country codes or actor ids) to ``out``."""
    return _save(dyad_figure(db.dyad(a, b)), out)
