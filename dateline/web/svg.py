"""Inline SVG charts drawn on the server: the timeline overview and a dyad's months.

Every text that comes from the data is escaped (``Markup.format``); shapes use presentation
attributes only (no inline styles, so a strict Content-Security-Policy holds).
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from markupsafe import Markup

from ..fuse.dates import interval

QUADS = ("verbal-coop", "material-coop", "verbal-conflict", "material-conflict")
QUAD_LABELS = {"verbal-coop": "verbal cooperation", "material-coop": "material cooperation",
               "verbal-conflict": "verbal conflict", "material-conflict": "material conflict"}
COLOURS = {"verbal-coop": "#6baed6", "material-coop": "#2171b5",
           "verbal-conflict": "#fc9272", "material-conflict": "#cb181d"}


def _day(iso: str) -> float:
    return dt.date.fromisoformat(iso).toordinal()


def _years(lo: float, hi: float) -> list[int]:
    first, last = dt.date.fromordinal(int(lo)).year, dt.date.fromordinal(int(hi)).year
    step = max(1, (last - first + 1) // 10)
    return list(range(first, last + 2, step))


def timeline_svg(events: list[dict[str, Any]], width: int = 960) -> Markup:
    """Each event a dot where it HAPPENED (lane by quad class), a tick where it was reported.

    A thin line joins the dot to its first report, so an act recalled years later
    stands out.
    """
    if not events:
        return Markup("")
    points = []
    for e in events:
        span = interval(e["date"]["value"])
        happened = span[0] if span else e["reported"]["min"]
        points.append((e, _day(happened), _day(e["reported"]["min"])))
    lo = min(min(h, r) for _, h, r in points) - 15
    hi = max(max(h, r) for _, h, r in points) + 15
    left, right, lane_h, top = 150, 20, 26, 20
    x = lambda d: left + (d - lo) / max(hi - lo, 1) * (width - left - right)  # noqa: E731
    rep_y = top + lane_h * len(QUADS) + 14
    height = rep_y + 40
    parts = [Markup('<svg class="timeline-svg" role="img" viewBox="0 0 {} {}" width="100%" '
                    'aria-label="events by the date they happened">').format(width, height)]
    for i, quad in enumerate(QUADS):
        y = top + i * lane_h + lane_h / 2
        parts.append(Markup('<text x="4" y="{:.0f}" class="lane">{}</text>'
                            '<line x1="{}" x2="{}" y1="{:.0f}" y2="{:.0f}" class="lane-line"/>'
                            ).format(y + 4, QUAD_LABELS[quad], left, width - right, y, y))
    parts.append(Markup('<text x="4" y="{}" class="lane">reported</text>').format(rep_y + 4))
    for year in _years(lo, hi):
        xx = x(dt.date(year, 1, 1).toordinal())
        if left <= xx <= width - right:
            parts.append(Markup('<line x1="{0:.1f}" x2="{0:.1f}" y1="{1}" y2="{2}" class="year"/>'
                                '<text x="{0:.1f}" y="{3}" class="year-label">{4}</text>'
                                ).format(xx, top, rep_y + 8, height - 6, year))
    for e, happened, reported in points:
        y = top + QUADS.index(e["quad"]) * lane_h + lane_h / 2
        label = f"{e['date']['value'] or 'undated'} {e['type']} ({e['modality']}), " \
                f"reported {e['reported']['min']}"
        shape = "ev" if e["date"]["value"] else "ev undated"
        parts.append(Markup(
            '<a href="/events/{id}" class="ev-link"><line x1="{hx:.1f}" y1="{y:.0f}" '
            'x2="{rx:.1f}" y2="{ry}" class="recall"/><circle cx="{hx:.1f}" cy="{y:.0f}" r="6" '
            'fill="{fill}" class="{shape}" data-id="{id}" data-happened="{h}"><title>{label}'
            '</title></circle><path d="M{rx:.1f} {ry} l-4 8 h8 z" class="reported" '
            'data-id="{id}"/></a>').format(
                id=e["id"], hx=x(happened), rx=x(reported), y=y, ry=rep_y,
                fill=COLOURS[e["quad"]], shape=shape, h=e["date"]["value"] or "",
                label=label))
    parts.append(Markup("</svg>"))
    return Markup("").join(parts)


def _month_range(first: str, last: str) -> list[str]:
    y, m = map(int, first.split("-"))
    out = []
    while f"{y:04d}-{m:02d}" <= last and len(out) < 1200:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def dyad_svg(dyad: dict[str, Any], width: int = 960, height: int = 260) -> Markup:
    """Bars per month: cooperation (verbal, material) up, conflict (verbal, material) down.

    Every month between the first and the last event has its slot, so gaps show.
    """
    if not dyad["months"]:
        return Markup('<p class="empty">No event between them is dated to the month.</p>')
    by_month = {m["month"]: m for m in dyad["months"]}
    empty = dict.fromkeys(QUADS, 0)
    months = [{**empty, **by_month.get(k, {}), "month": k}
              for k in _month_range(min(by_month), max(by_month))]
    left, right, mid = 60, 10, height / 2
    step = (width - left - right) / len(months)
    peak = max(max(m["verbal-coop"] + m["material-coop"],
                   m["verbal-conflict"] + m["material-conflict"]) for m in months) or 1
    scale = (mid - 24) / peak
    parts = [Markup('<svg class="dyad-svg" role="img" viewBox="0 0 {} {}" width="100%" '
                    'aria-label="cooperation and conflict per month between {} and {}">'
                    ).format(width, height, dyad["a"], dyad["b"]),
             Markup('<line x1="{}" x2="{}" y1="{}" y2="{}" class="axis"/>').format(
                 left, width - right, mid, mid),
             Markup('<text x="2" y="14" class="lane">cooperation</text>'
                    '<text x="2" y="{}" class="lane">conflict</text>'
                    '<text x="2" y="{:.0f}" class="lane">{} events</text>').format(
                 height - 24, mid - 4, peak)]
    bar = min(28.0, max(2.0, step * 0.7))
    label_every = max(1, len(months) // 12)
    for i, m in enumerate(months):
        x0 = left + i * step + (step - bar) / 2
        up, down = mid, mid
        for quad in QUADS:
            h = m[quad] * scale
            if not h:
                continue
            y = up - h if "coop" in quad else down
            parts.append(Markup('<rect x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}" '
                                'fill="{}" class="bar" data-month="{}" data-quad="{}"><title>'
                                '{} {}: {}</title></rect>').format(
                x0, y, bar, h, COLOURS[quad], m["month"], quad, m["month"],
                QUAD_LABELS[quad], m[quad]))
            if "coop" in quad:
                up -= h
            else:
                down += h
        if i % label_every == 0:
            parts.append(Markup('<text x="{:.1f}" y="{:.0f}" text-anchor="middle" '
                                'class="month-label">{}</text>').format(
                left + (i + 0.5) * step, height - 6, m["month"]))
    parts.append(Markup("</svg>"))
    return Markup("").join(parts)
