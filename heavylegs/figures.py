"""Static figures: a chart drawn once as SVG, shown the same everywhere.

A :class:`Figure` is for charts that have nothing to move (a sketch of the
energy systems, a fitted line). It is rendered to SVG in Python by
vl-convert, so it needs no JavaScript and no internet: it looks the same in
the book, in JupyterLab (trusted or not), on Colab, in print and on a phone,
and the stored output is identical on every run. The SVG is an ``<img>`` with
the figure's text alternative as ``alt``; the caption sits under it.

Labs (things to move) are :mod:`heavylegs.lab`; both use the theme in
:mod:`heavylegs.charts`.
"""

from __future__ import annotations

import base64
import html
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from heavylegs.charts import themed

#: Figures are drawn narrower than live charts and with larger type: the image scales down to a
#: phone's width, and its text scales with it, so it starts bigger (about 11 px at 390 px wide).
FIGURE_WIDTH = 440
FIGURE_HEIGHT = 280
FIGURE_FONT_SIZE = 15


@dataclass(frozen=True)
class Figure:
    """A static chart with its text alternative and caption.

    Parameters
    ----------
    chart : altair chart
        Marks on data, without theme or size (both added here).
    alt : str
        Text alternative: what the figure shows, in a sentence or two.
    caption : str
        Shown under the figure.
    width : int
        Width in pixels (the image scales down to narrow screens).
    """

    chart: Any
    alt: str
    caption: str
    width: int = FIGURE_WIDTH

    def __post_init__(self) -> None:
        if not self.alt.strip():
            raise ValueError("a figure needs a text alternative (alt)")

    @cached_property
    def spec(self) -> dict[str, Any]:
        spec = themed(self.chart, width=self.width, height=FIGURE_HEIGHT, description=self.alt).to_dict()
        config = spec["config"]
        config["axis"] = {**config.get("axis", {}), "labelFontSize": FIGURE_FONT_SIZE - 1, "titleFontSize": FIGURE_FONT_SIZE}
        config["text"] = {**config.get("text", {}), "fontSize": FIGURE_FONT_SIZE - 1}
        return spec

    def svg(self) -> str:
        """The figure as SVG text (drawn by vl-convert, offline)."""
        try:
            import vl_convert
        except ImportError:  # the pinned requirements include it; say how to get it otherwise
            raise ImportError(
                "drawing course figures needs vl-convert-python: pip install vl-convert-python"
            ) from None
        import altair as alt

        vl_version = "_".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])
        return vl_convert.vegalite_to_svg(self.spec, vl_version=vl_version)

    def _repr_html_(self) -> str:
        data = base64.b64encode(self.svg().encode("utf-8")).decode("ascii")
        return (
            '<figure class="hl-figure">'
            f'<img src="data:image/svg+xml;base64,{data}" alt="{html.escape(self.alt)}" '
            f'width="{self.width}" style="max-width:100%;height:auto;background:#fff" />'
            f'<figcaption class="hl-figure-caption">{html.escape(self.caption)}</figcaption>'
            "</figure>"
        )

    def __repr__(self) -> str:
        return f"Figure: {self.alt}"
