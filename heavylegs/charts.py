"""The course's chart theme: one place for colours, fonts and sizes.

Every chart in the course goes through :func:`themed`, so a change here changes
all of them. Choices, and why:

* Okabe–Ito colours (Okabe & Ito 2008, "Color Universal Design"): eight hues
  that stay distinct for the common forms of colour-vision deficiency. Series
  are also told apart by dash pattern or labels, so colour never carries
  meaning alone.
* A white chart background with dark ink in both the book's light and dark
  modes: the chart reads as a printed figure on either page, instead of
  dark-on-dark axis labels in dark mode.
* Lower-case axis titles with units in parentheses, and no chart titles:
  captions under the chart say what it shows (QuantEcon style).
"""

from __future__ import annotations

from typing import Any

#: Okabe–Ito palette, in the order series are coloured.
OKABE_ITO: tuple[str, ...] = (
    "#0072B2",  # blue
    "#D55E00",  # vermillion
    "#009E73",  # bluish green
    "#E69F00",  # orange
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#F0E442",  # yellow (too light for thin lines on white: used last)
    "#000000",  # black
)

#: Ink and paper colours; contrast of INK on PAPER is above 15:1 (WCAG AAA).
INK = "#1a1a1a"
MUTED_INK = "#4d4d4d"  # 8.5:1 on white: still passes WCAG AA for small text
PAPER = "#ffffff"
GRID = "#e3e3e3"

#: Roles of colours in the course's charts (all pass 4.5:1 on PAPER where used for text).
SERIES = OKABE_ITO[0]          # the model's main line
ALERT = OKABE_ITO[1]           # a threshold crossed: "legs go heavy", "the wall"
ALERT_TEXT = "#A33F00"         # darker vermillion for labels (5.9:1 on white)
REFERENCE = OKABE_ITO[2]       # a fixed reference, e.g. the marathon finish
REFERENCE_TEXT = "#00704F"     # darker bluish green for labels (6.1:1 on white)

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"

#: Default chart size in pixels for live notebooks; the static book uses the
#: width of the page column instead ("container").
LIVE_WIDTH = 560
HEIGHT = 300


def theme_config() -> dict[str, Any]:
    """Vega-Lite ``config`` block shared by every chart in the course."""
    return {
        "background": PAPER,
        "font": FONT,
        "padding": 8,
        "view": {"stroke": None},
        "range": {"category": list(OKABE_ITO)},
        "axis": {
            "labelColor": INK,
            "titleColor": INK,
            "domainColor": MUTED_INK,
            "tickColor": MUTED_INK,
            "gridColor": GRID,
            "labelFontSize": 12,
            "titleFontSize": 13,
            "titleFontWeight": "normal",
        },
        "legend": {
            "labelColor": INK,
            "titleColor": INK,
            "labelFontSize": 12,
            "titleFontSize": 12,
            "orient": "bottom",
        },
        # Reference rules and their labels are restated in the chart's description
        # (its text alternative), so they are hidden from screen readers rather
        # than announced as unlabelled graphics.
        "text": {"color": INK, "fontSize": 12, "aria": False},
        "rule": {"aria": False},
        "line": {"strokeWidth": 2.5},
    }


def zero_line(base):
    """A dashed rule at y = 0: where a store is empty."""
    import altair as alt

    return base.mark_rule(color=MUTED_INK, strokeDash=[4, 3]).encode(y=alt.datum(0))


def first_crossing(base, field: str, at: str, label: str, *, label_y: int = 14):
    """A rule and label at the first ``at`` where ``field`` is at or below zero.

    Computed in the chart itself (a Vega-Lite filter and aggregate), so it works
    the same in the live lab and in the kernel-free book. The label carries the
    meaning in words, so colour is never the only cue.
    """
    import altair as alt

    crossing = base.transform_filter(f"datum.{field} <= 0").transform_aggregate(first=f"min({at})")
    rule = crossing.mark_rule(color=ALERT, strokeWidth=2).encode(x="first:Q")
    text = crossing.mark_text(align="left", dx=4, fontWeight="bold", color=ALERT_TEXT).encode(
        x="first:Q", y=alt.value(label_y), text=alt.value(label)
    )
    return rule + text


def themed(chart, *, width: int | str = LIVE_WIDTH, height: int = HEIGHT, description: str = ""):
    """Apply the course theme, size and text alternative to an Altair chart.

    Parameters
    ----------
    chart : altair.TopLevelMixin
        Any Altair chart (single, layered or concatenated).
    width : int or "container"
        Width in pixels, or ``"container"`` to fill the page column.
    height : int
        Height in pixels.
    description : str
        Text alternative: what the chart shows, in a sentence or two. Vega
        writes it into the chart's ``aria-label``, so screen readers read it.
    """
    sized = chart.properties(width=width, height=height)
    if description:
        sized = sized.properties(description=description)
    return sized.configure(**theme_config())
