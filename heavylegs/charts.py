"""The course's chart theme: one place for colours, fonts and sizes.

Every chart in the course goes through :func:`themed`, so a change here changes
all of them. Choices, and why:

* Okabe–Ito colours (Okabe & Ito 2008, "Color Universal Design"): eight hues
  that stay distinct for the common forms of colour-vision deficiency. Series
  are also told apart by dash pattern or labels, so colour never carries
  meaning alone.
* Two configs, light and dark (:func:`theme_config`): the page picks the one
  matching its theme when it draws a chart, and redraws when the reader
  switches (see :mod:`heavylegs.lab`). Every text colour passes 4.5:1 on its
  paper and every line 3:1, in both.
* Marks that stand for a role (the model's line, an alert, a reference) get
  their colour from a named *style* in the config, never from a colour written
  into the mark, so that they switch with the theme too: use
  :func:`series_line`, :func:`reference_line` and :func:`first_crossing`, or
  ``style=`` one of the ``*_STYLE`` names below.
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

#: Okabe–Ito palette for dark paper: the same hues, sky blue first (the blue of the
#: light palette is 2.9:1 on dark paper) and white in place of black.
OKABE_ITO_DARK: tuple[str, ...] = (
    "#56B4E9",  # sky blue
    "#D55E00",  # vermillion
    "#009E73",  # bluish green
    "#E69F00",  # orange
    "#CC79A7",  # reddish purple
    "#F0E442",  # yellow
    "#0072B2",  # blue (low contrast on dark paper: used late)
    "#FFFFFF",  # white
)

#: Ink and paper colours; contrast of INK on PAPER is above 15:1 (WCAG AAA).
INK = "#1a1a1a"
MUTED_INK = "#4d4d4d"  # 8.5:1 on white: still passes WCAG AA for small text
PAPER = "#ffffff"
GRID = "#e3e3e3"

#: Dark mode: PAPER is pydata-sphinx-theme's dark "on-background" grey, so a chart
#: sits flush on the lab card; INK is 12.4:1 and MUTED_INK 7.2:1 on it.
DARK_INK = "#e8ebee"
DARK_MUTED_INK = "#aeb6c1"
DARK_PAPER = "#222832"
DARK_GRID = "#3b4350"

#: Roles of colours in the course's charts (all pass 4.5:1 on PAPER where used for text).
SERIES = OKABE_ITO[0]          # the model's main line
ALERT = OKABE_ITO[1]           # a threshold crossed: "legs go heavy", "the wall"
ALERT_TEXT = "#A33F00"         # darker vermillion for labels (5.9:1 on white)
REFERENCE = OKABE_ITO[2]       # a fixed reference, e.g. the marathon finish
REFERENCE_TEXT = "#00704F"     # darker bluish green for labels (6.1:1 on white)

#: The same roles on DARK_PAPER (lines at least 3:1, labels at least 4.5:1).
DARK_SERIES = OKABE_ITO_DARK[0]  # 6.4:1
DARK_ALERT = OKABE_ITO[1]        # 3.8:1
DARK_ALERT_TEXT = "#FF8F57"      # lighter vermillion, 6.6:1
DARK_REFERENCE = OKABE_ITO[2]    # 4.3:1
DARK_REFERENCE_TEXT = "#2FD19E"  # lighter bluish green, 7.6:1

#: Names of the config styles that colour marks by role (``mark_line(style=SERIES_STYLE)``).
SERIES_STYLE = "hl-series"
ALERT_STYLE = "hl-alert"
ALERT_TEXT_STYLE = "hl-alert-text"
REFERENCE_STYLE = "hl-reference"
REFERENCE_TEXT_STYLE = "hl-reference-text"
ZERO_STYLE = "hl-zero"
SHADE_STYLE = "hl-shade"  # a pale band behind the data, e.g. the reps of a session

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"

#: Default chart size in pixels for live notebooks; the static book uses the
#: width of the page column instead ("container").
LIVE_WIDTH = 560
HEIGHT = 300


def theme_config(dark: bool = False) -> dict[str, Any]:
    """Vega-Lite ``config`` block shared by every chart in the course.

    ``dark=True`` gives the variant for dark pages (the book's dark mode, a dark
    JupyterLab theme). The two differ only in colours.
    """
    if dark:
        ink, muted, paper, grid, palette = DARK_INK, DARK_MUTED_INK, DARK_PAPER, DARK_GRID, OKABE_ITO_DARK
        roles = (DARK_SERIES, DARK_ALERT, DARK_ALERT_TEXT, DARK_REFERENCE, DARK_REFERENCE_TEXT)
    else:
        ink, muted, paper, grid, palette = INK, MUTED_INK, PAPER, GRID, OKABE_ITO
        roles = (SERIES, ALERT, ALERT_TEXT, REFERENCE, REFERENCE_TEXT)
    series, alert, alert_text, reference, reference_text = roles
    return {
        "background": paper,
        "font": FONT,
        "padding": 8,
        "view": {"stroke": None},
        "range": {"category": list(palette)},
        "axis": {
            "labelColor": ink,
            "titleColor": ink,
            "domainColor": muted,
            "tickColor": muted,
            "gridColor": grid,
            "labelFontSize": 12,
            "titleFontSize": 13,
            "titleFontWeight": "normal",
        },
        "legend": {
            "labelColor": ink,
            "titleColor": ink,
            "labelFontSize": 12,
            "titleFontSize": 12,
            "orient": "bottom",
        },
        # Reference rules and their labels are restated in the chart's description
        # (its text alternative), so they are hidden from screen readers rather
        # than announced as unlabelled graphics.
        "text": {"color": ink, "fontSize": 12, "aria": False},
        "rule": {"aria": False},
        "line": {"strokeWidth": 2.5},
        # Colours by role: a style beats the mark type's config, and a colour
        # written into a mark would beat both and stay put when the theme changes.
        "style": {
            SERIES_STYLE: {"color": series},
            ALERT_STYLE: {"color": alert},
            ALERT_TEXT_STYLE: {"color": alert_text},
            REFERENCE_STYLE: {"color": reference},
            REFERENCE_TEXT_STYLE: {"color": reference_text},
            ZERO_STYLE: {"color": muted},
            # Sky blue, pale: behind a line it must stay a background (below 3:1) in both themes.
            SHADE_STYLE: {"color": OKABE_ITO[5], "opacity": 0.16 if dark else 0.2},
        },
    }


def series_line(base, **mark):
    """The model's main line, in the series colour of the current theme."""
    return base.mark_line(style=SERIES_STYLE, **mark)


def reference_line(base, x: float, label: str, *, label_y: int = 14):
    """A dashed vertical rule at a fixed ``x`` (e.g. the marathon distance) with its label."""
    import altair as alt

    one = _one_mark(base)
    rule = one.mark_rule(style=REFERENCE_STYLE, strokeDash=[8, 4], strokeWidth=2).encode(x=alt.datum(x))
    text = one.mark_text(align="left", dx=4, style=REFERENCE_TEXT_STYLE).encode(
        x=alt.datum(x), y=alt.value(label_y), text=alt.value(label)
    )
    return rule + text


def zero_line(base):
    """A dashed rule at y = 0: where a store is empty."""
    import altair as alt

    return _one_mark(base).mark_rule(style=ZERO_STYLE, strokeDash=[4, 3]).encode(y=alt.datum(0))


def _one_mark(base):
    """``base`` reduced to one row: a mark at a fixed place is then drawn once, not once per row of data."""
    return base.transform_aggregate(rows="count()")


def first_crossing(base, field: str, at: str, label: str, *, label_y: int = 14):
    """A rule and label at the first ``at`` where ``field`` is at or below zero.

    Computed in the chart itself (a Vega-Lite filter and aggregate), so it works
    the same in the live lab and in the kernel-free book. The label carries the
    meaning in words, so colour is never the only cue.
    """
    import altair as alt

    crossing = base.transform_filter(f"datum.{field} <= 0").transform_aggregate(first=f"min({at})")
    rule = crossing.mark_rule(style=ALERT_STYLE, strokeWidth=2).encode(x="first:Q")
    text = crossing.mark_text(align="left", dx=4, fontWeight="bold", style=ALERT_TEXT_STYLE).encode(
        x="first:Q", y=alt.value(label_y), text=alt.value(label)
    )
    return rule + text


def themed(chart, *, width: int | str = LIVE_WIDTH, height: int = HEIGHT, description: str = ""):
    """Apply the course theme, size and text alternative to an Altair chart.

    The spec carries the light config; pages in dark mode swap in
    ``theme_config(dark=True)`` when they draw it (see :mod:`heavylegs.lab`).

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
