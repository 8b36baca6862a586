"""Server-side SVG charts for the portal (no script, no CDN): daily energy as bars stacked by tariff period
(尖 峰 平 谷). Values come in 0.01 kWh; every label is passed in already translated and is escaped here."""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import Decimal
from html import escape

# One colour per tariff period (spike, peak, flat, valley): Okabe-Ito, distinct for colour-blind readers;
# the legend names every series, so colour is not the only key.
PERIOD_COLOURS = ("#D55E00", "#E69F00", "#56B4E9", "#009E73")
AXIS_COLOUR = "#5F6368"
GRID_COLOUR = "#E0E3E7"


def nice_step(top: int, ticks: int = 4) -> int:
    """A round step (1, 2 or 5 x 10^n, in the values' unit) so that about `ticks` steps cover `top`."""
    raw = max(top / ticks, 1.0)
    base = 10 ** math.floor(math.log10(raw))
    return int(next(f * base for f in (1, 2, 5, 10) if f * base >= raw))


def _kwh(centi: int) -> str:
    """0.01 kWh as kWh text without trailing zeros: 1250 -> '12.5', 500 -> '5'."""
    value = Decimal(int(centi)).scaleb(-2)
    return str(int(value)) if value == value.to_integral() else f"{value.normalize():f}"


def stacked_bars(x_labels: Sequence[str], series: Sequence[Sequence[int]], names: Sequence[str], *,
                 title: str, unit: str, width: int = 360, height: int = 220, label_every: int = 5) -> str:
    """An SVG document fragment: one bar per x label, stacked from the series (one per tariff period).

    `series[i][j]` is the energy of period i on day j (0.01 kWh). The chart has a y axis in kWh with round
    ticks, a label under every `label_every`-th bar, a legend and a <title> for screen readers."""
    n = len(x_labels)
    totals = [sum(s[j] for s in series) for j in range(n)]
    top_value = max(totals + [0])
    step = nice_step(max(top_value, 100))  # 0.01 kWh; an empty chart still shows 0..1 kWh
    ticks = max(1, -(-top_value // step))
    top = step * ticks
    left, right, top_pad, bottom = 44, 8, 26, 42
    plot_w, plot_h = width - left - right, height - top_pad - bottom
    bar_slot = plot_w / max(n, 1)
    bar_w = max(1.0, bar_slot * 0.72)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
           f'class="chart" aria-label="{escape(title)}"><title>{escape(title)}</title>']
    for t in range(ticks + 1):
        value = step * t
        y = top_pad + plot_h - plot_h * value / top
        out.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" stroke="{GRID_COLOUR}" '
                   f'stroke-width="1"/>')
        out.append(f'<text x="{left - 4}" y="{y + 4:.1f}" text-anchor="end" font-size="10" '
                   f'fill="{AXIS_COLOUR}">{_kwh(value)}</text>')
    out.append(f'<text x="4" y="{top_pad - 12}" font-size="10" fill="{AXIS_COLOUR}">{escape(unit)}</text>')
    for j in range(n):
        x = left + bar_slot * j + (bar_slot - bar_w) / 2
        y = top_pad + plot_h
        parts = []
        for i, s in enumerate(series):
            h = plot_h * s[j] / top
            if h <= 0:
                continue
            y -= h
            parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{h:.1f}" '
                         f'fill="{PERIOD_COLOURS[i % len(PERIOD_COLOURS)]}"/>')
        tip = f"{x_labels[j]}: {_kwh(totals[j])} {unit}"
        out.append(f'<g><title>{escape(tip)}</title>{"".join(parts)}</g>')
        if (n - 1 - j) % label_every == 0:  # counted back from the newest day, which is always labelled
            anchor, lx = ("end", x + bar_w) if j == n - 1 else ("middle", x + bar_w / 2)  # the last one stays inside
            out.append(f'<text x="{lx:.1f}" y="{top_pad + plot_h + 13}" text-anchor="{anchor}" '
                       f'font-size="10" fill="{AXIS_COLOUR}">{escape(x_labels[j])}</text>')
    out.append(f'<line x1="{left}" y1="{top_pad + plot_h}" x2="{width - right}" y2="{top_pad + plot_h}" '
               f'stroke="{AXIS_COLOUR}" stroke-width="1"/>')
    lx = left
    for i, name in enumerate(names):
        out.append(f'<rect x="{lx}" y="{height - 14}" width="10" height="10" '
                   f'fill="{PERIOD_COLOURS[i % len(PERIOD_COLOURS)]}"/>')
        out.append(f'<text x="{lx + 14}" y="{height - 5}" font-size="11" fill="#000">{escape(name)}</text>')
        lx += 14 + 12 * max(2, len(name)) + 10
    out.append("</svg>")
    return "".join(out)


_ICON_BODIES = {
    "check": '<circle cx="10" cy="10" r="8" fill="none" stroke="currentColor" stroke-width="2"/>'
             '<path d="M6 10.5l2.6 2.6L14 7.6" fill="none" stroke="currentColor" stroke-width="2.2"/>',
    "triangle1": '<path d="M10 2L18.5 17H1.5z" fill="none" stroke="currentColor" stroke-width="2"/>'
                 '<text x="10" y="15.5" text-anchor="middle" font-size="9" font-weight="bold" fill="currentColor">1</text>',
    "triangle2": '<path d="M10 2L18.5 17H1.5z" fill="none" stroke="currentColor" stroke-width="2"/>'
                 '<text x="10" y="15.5" text-anchor="middle" font-size="9" font-weight="bold" fill="currentColor">2</text>',
    "octagon": '<path d="M6.5 2h7L18 6.5v7L13.5 18h-7L2 13.5v-7z" fill="none" stroke="currentColor" stroke-width="2"/>'
               '<path d="M10 5.5v6M10 13.5v1.5" stroke="currentColor" stroke-width="2.2"/>',
    "ring": '<circle cx="10" cy="10" r="7.5" fill="none" stroke="currentColor" stroke-width="2" stroke-dasharray="3 2"/>',
    "slash": '<circle cx="10" cy="10" r="8" fill="none" stroke="currentColor" stroke-width="2"/>'
             '<path d="M4.5 15.5L15.5 4.5" stroke="currentColor" stroke-width="2"/>',
}


def status_icon(shape: str) -> str:
    """The status icon (domain.status_colours.SHAPES) as a small inline SVG in the text colour."""
    body = _ICON_BODIES.get(shape, _ICON_BODIES["ring"])
    return f'<svg class="icon" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true">{body}</svg>'
