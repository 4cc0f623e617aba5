"""Charts as SVG drawn on the server: no script, no library, every label escaped."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from html import escape

WIDTH, HEIGHT = 720, 120
PAD = 40
ROW_LABEL = 24  # characters of a row's name shown; a longer name is cut, with "…"


@dataclass(frozen=True, slots=True)
class Point:
    when: str  # ISO date or datetime
    label: str
    href: str | None = None
    row: int = 0  # points on separate rows (an outlet each)


def _time(iso: str) -> float:
    try:
        value = datetime.fromisoformat(iso)
    except ValueError:
        value = datetime.combine(date.fromisoformat(iso[:10]), datetime.min.time())
    return value.replace(tzinfo=None).timestamp()


def time_chart(points: Sequence[Point], rows: Sequence[str] = (), title: str = "") -> str:
    """Dots on a time axis (one row per name in ``rows``), each a link when it has one."""
    dated = [p for p in points if p.when]
    if not dated:
        return ""
    times = [_time(p.when) for p in dated]
    lo, hi = min(times), max(times)
    span = hi - lo or 86400.0
    n_rows = max(1, len(rows))
    height = max(HEIGHT, 40 + 24 * n_rows)
    left = PAD + (130 if rows else 0)

    def x(t: float) -> float:
        return left + (WIDTH - left - PAD) * (t - lo) / span

    def y(row: int) -> float:
        return 24 + 24 * row if rows else height / 2 - 10

    out = [
        f'<svg class="chart" role="img" viewBox="0 0 {WIDTH} {height}" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>',
        f'<line x1="{left}" y1="{height - 24}" x2="{WIDTH - PAD}" y2="{height - 24}" '
        'stroke="#888" stroke-width="1"/>',
    ]
    for i, name in enumerate(rows):
        shown = name if len(name) <= ROW_LABEL else name[: ROW_LABEL - 1] + "…"
        out.append(
            f'<text x="{PAD - 30}" y="{y(i) + 4:.0f}" font-size="11" fill="#444">'
            f"<title>{escape(name)}</title>{escape(shown)}</text>"
        )
    for label_time in (lo, hi):
        text = datetime.fromtimestamp(label_time).strftime("%Y-%m-%d %H:%M")
        anchor = "start" if label_time == lo else "end"
        out.append(
            f'<text x="{x(label_time):.0f}" y="{height - 8}" font-size="11" fill="#444" '
            f'text-anchor="{anchor}">{escape(text)}</text>'
        )
    for p, t in zip(dated, times, strict=True):
        dot = (
            f'<circle cx="{x(t):.1f}" cy="{y(p.row):.0f}" r="6" fill="#2563eb">'
            f"<title>{escape(p.label)}</title></circle>"
        )
        out.append(f'<a href="{escape(p.href)}">{dot}</a>' if p.href else dot)
    out.append("</svg>")
    return "".join(out)
