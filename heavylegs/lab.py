"""Labs: declare an interactive model once, show it live in Jupyter and static in the book.

A :class:`Lab` is data: its controls (name, label, unit, range, step, default),
a model (a function of those controls returning a tidy table) and a chart (a
function that draws marks on a base Altair chart holding that table). From
that one declaration come two views:

* **live** (JupyterLab, JupyterHub, Binder, Colab): :meth:`Lab.live` returns a
  :class:`LabWidget` of ipywidgets sliders and an ``altair.JupyterChart``. Each
  slider change re-runs the model in Python and sends the chart its new data
  (the spec is built once; only the data and text alternative change), which
  the browser redraws in the same output.
* **static** (the published book, no kernel): :meth:`Lab.static_html` evaluates
  the model over a coarse grid of slider stops and draws a Vega-Lite chart whose
  own sliders filter that grid in the browser. Only controls with
  ``static_stops`` get a slider there, so no control on the page does nothing.

One output serves both places: the widget's MIME bundle carries the widget view
*and* the static chart as ``text/html``. JupyterLab draws the widget; the book's
``_config.yml`` ranks ``text/html`` first for the HTML builder, so the page gets
the static chart (see ``nb_mime_priority_overrides`` there).
"""

from __future__ import annotations

import hashlib
import html
import itertools
import json
import math
import os
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Mapping

import ipywidgets as widgets
import pandas as pd

from heavylegs.charts import LIVE_WIDTH, themed
from heavylegs.validation import check_range

#: Name of the data source the live chart reads; its values are swapped per change.
LIVE_DATA_NAME = "lab"
#: Name of the data source holding the static chart's grid.
STATIC_DATA_NAME = "grid"
#: Prefix of the grid columns that hold a static control's value.
_STOP_FIELD = "control_"
#: Grid column holding the text alternative of that row's chart.
_DESCRIPTION_FIELD = "description"


@dataclass(frozen=True)
class Control:
    """One slider of a lab.

    Parameters
    ----------
    name : str
        Keyword the model receives (e.g. ``"rep_speed_m_per_s"``).
    label : str
        What the learner reads next to the slider, lower case (e.g. ``"rep pace"``).
    unit : str
        Unit shown after the label (e.g. ``"m/s"``).
    min, max, step, default : float
        Range, step and starting value of the live slider, in ``unit``.
    static_stops : tuple of float
        Evenly spaced values offered by the slider in the static book, which
        include ``default``. Empty: the control exists only in the live lab.
    """

    name: str
    label: str
    unit: str
    min: float
    max: float
    step: float
    default: float
    static_stops: tuple[float, ...] = ()

    def __post_init__(self) -> None:
        if not self.min < self.max:
            raise ValueError(f"control {self.name}: min ({self.min}) must be below max ({self.max})")
        if not 0 < self.step <= self.max - self.min:
            raise ValueError(f"control {self.name}: step must be positive and at most max - min")
        self.check(self.default)
        if self.static_stops:
            stops = self.static_stops
            for stop in stops:
                self.check(stop)
            if len(stops) < 2:
                raise ValueError(f"control {self.name}: static_stops needs at least two values")
            gaps = {round(b - a, 9) for a, b in zip(stops, stops[1:])}
            if len(gaps) != 1 or min(gaps) <= 0:
                # A browser range slider can only land on evenly spaced values.
                raise ValueError(f"control {self.name}: static_stops must be increasing and evenly spaced")
            if not any(math.isclose(self.default, s) for s in stops):
                raise ValueError(f"control {self.name}: default {self.default} must be one of static_stops")

    @property
    def text(self) -> str:
        """Label with unit, as shown next to every slider: ``"rep pace (m/s)"``."""
        return f"{self.label} ({self.unit})"

    @property
    def static_step(self) -> float:
        return self.static_stops[1] - self.static_stops[0]

    def check(self, value: Any) -> float:
        """Return ``value`` as a float, or raise ValueError naming this control, its unit and range."""
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            try:
                value = float(value)  # numpy scalars
            except (TypeError, ValueError):
                raise ValueError(
                    f"{self.name} must be a single number in {self.unit}, between {self.min:g} and {self.max:g} (got {value!r})"
                ) from None
        return float(check_range(self.name, value, self.unit, self.min, self.max))


@dataclass(frozen=True)
class Lab:
    """An interactive model, declared once.

    Parameters
    ----------
    key : str
        Stable identifier, used for element ids (e.g. ``"metabolism-d-prime"``).
    controls : tuple of Control
    model : callable
        ``model(**values) -> pandas.DataFrame``: one keyword per control.
    chart : callable
        ``chart(base) -> altair chart``: draws marks on ``base``, an
        ``alt.Chart`` whose data is the model's table.
    describe : callable
        ``describe(frame, values) -> str``: the chart's text alternative for
        one state, saying what it shows (used as the live readout too).
    caption : str
        One or two sentences shown under the chart in both views.
    static_decimals : int
        Rounding of the grid values stored in the static page (keeps it light).
    """

    key: str
    controls: tuple[Control, ...]
    model: Callable[..., pd.DataFrame]
    chart: Callable[[Any], Any]
    describe: Callable[[pd.DataFrame, Mapping[str, float]], str]
    caption: str
    static_decimals: int = 3
    _names: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        names = tuple(c.name for c in self.controls)
        if len(set(names)) != len(names):
            raise ValueError(f"lab {self.key}: control names must be unique, got {names}")
        object.__setattr__(self, "_names", names)

    # --- the model -------------------------------------------------------
    @property
    def static_controls(self) -> tuple[Control, ...]:
        return tuple(c for c in self.controls if c.static_stops)

    @property
    def live_only_controls(self) -> tuple[Control, ...]:
        return tuple(c for c in self.controls if not c.static_stops)

    def control(self, name: str) -> Control:
        for c in self.controls:
            if c.name == name:
                return c
        raise ValueError(f"lab {self.key} has no control {name!r}; controls: {', '.join(self._names)}")

    def defaults(self) -> dict[str, float]:
        return {c.name: c.default for c in self.controls}

    def values(self, **changes: float) -> dict[str, float]:
        """Defaults updated with ``changes``, each checked against its control's range."""
        values = self.defaults()
        for name, value in changes.items():
            values[name] = self.control(name).check(value)
        return values

    def evaluate(self, **changes: float) -> pd.DataFrame:
        """Run the model at the defaults updated with ``changes``."""
        return self.model(**self.values(**changes))

    # --- the static view ---------------------------------------------------
    def static_grid(self) -> list[dict[str, Any]]:
        """The model over every combination of static stops, one row per combination.

        Each row holds the stop values and, per model column, the column as a
        list; the chart flattens the row it selects. Keeping columns as lists
        stores every column name once per combination instead of once per point.
        """
        return _static_grid(self)

    def static_chart(self):
        """Kernel-free Altair chart: sliders bound to parameters filter the grid."""
        import altair as alt

        default_frame = self.evaluate()
        frame_columns = list(default_frame.columns)
        # Named data: the grid is attached by static_spec(), after Altair has
        # validated the (small) spec; validating the grid itself takes seconds.
        base = alt.Chart(alt.Data(name=STATIC_DATA_NAME))
        params = []
        for c in self.static_controls:
            param = alt.param(
                name=_param_name(c),
                value=c.default,
                bind=alt.binding_range(
                    min=c.static_stops[0], max=c.static_stops[-1], step=c.static_step, name=c.text + " "
                ),
            )
            params.append(param)
            # Compare within half a step: grid values are floats rounded in JSON.
            base = base.transform_filter(
                f"abs(datum['{_STOP_FIELD}{c.name}'] - {_param_name(c)}) < {c.static_step / 2!r}"
            )
        base = base.transform_flatten(frame_columns)
        description = self.describe(default_frame, self.defaults()) + _static_suffix(self)
        chart = self.chart(base).add_params(*params)
        return themed(chart, width="container", description=description)

    def static_spec(self) -> dict[str, Any]:
        """Vega-Lite spec of the static chart, grid included."""
        spec = self.static_chart().to_dict()
        spec["datasets"] = {STATIC_DATA_NAME: self.static_grid()}
        return spec

    def static_html(self) -> str:
        """HTML for the book: the static chart, its caption and a no-script fallback."""
        return _static_html(self)

    # --- the live view -------------------------------------------------------
    def live(self) -> LabWidget:
        """A new live lab widget (needs a Jupyter kernel to respond)."""
        return LabWidget(self)


@lru_cache(maxsize=32)
def _static_grid(lab: Lab) -> list[dict[str, Any]]:
    controls = lab.static_controls
    rows = []
    for combination in itertools.product(*(c.static_stops for c in controls)):
        changes = {c.name: v for c, v in zip(controls, combination)}
        frame = lab.evaluate(**changes)
        row: dict[str, Any] = {f"{_STOP_FIELD}{c.name}": v for c, v in zip(controls, combination)}
        # Each stop's own text alternative: the page swaps it in as the sliders move.
        row[_DESCRIPTION_FIELD] = lab.describe(frame, lab.values(**changes)) + _static_suffix(lab)
        for column in frame.columns:
            row[column] = _plain(frame[column], lab.static_decimals)
        rows.append(row)
    return rows


def _static_suffix(lab: Lab) -> str:
    if not lab.static_controls:
        return ""
    return " Sliders below the chart change " + _join(c.label for c in lab.static_controls) + "."


@lru_cache(maxsize=32)
def _static_html(lab: Lab) -> str:
    spec = lab.static_spec()
    spec_json = json.dumps(spec, sort_keys=True, separators=(",", ":"))
    # The id derives from the spec, so re-running a notebook stores identical output.
    digest = hashlib.sha1(spec_json.encode()).hexdigest()[:10]
    element_id = f"hl-lab-{lab.key}-{digest}"
    # "</" would end the script element early if it appeared in a string.
    safe_json = spec_json.replace("</", "<\\/")
    live_note = ""
    if lab.live_only_controls:
        live_note = (
            " In a live notebook (Binder, Colab or JupyterLab) you can also change "
            + _join(c.text for c in lab.live_only_controls)
            + "."
        )
    controls_json = json.dumps(
        [
            {"param": _param_name(c), "field": f"{_STOP_FIELD}{c.name}", "half_step": c.static_step / 2}
            for c in lab.static_controls
        ],
        sort_keys=True,
    )
    grid_name, description_field = STATIC_DATA_NAME, _DESCRIPTION_FIELD
    return f"""<figure class="hl-lab" id="{element_id}">
<div class="hl-lab-chart"><p class="hl-lab-fallback">This interactive chart needs JavaScript. In Jupyter, run this cell to start the live lab.</p></div>
<p class="hl-lab-readout" aria-live="polite"></p>
<figcaption class="hl-lab-caption">{html.escape(lab.caption)}{html.escape(live_note)}</figcaption>
</figure>
<script type="text/javascript">
(function () {{
  var spec = {safe_json};
  var controls = {controls_json};
  // The figure just before this script; by id only where scripts run detached (two
  // copies of one lab on a page must each draw into their own figure).
  var script = document.currentScript;
  var figure = (script && script.previousElementSibling && script.previousElementSibling.classList.contains("hl-lab"))
    ? script.previousElementSibling : document.getElementById("{element_id}");
  var chart = figure.querySelector(".hl-lab-chart");
  var readout = figure.querySelector(".hl-lab-readout");
  function describe(view) {{
    // The grid row for the sliders' current values holds that chart's text alternative.
    var row = spec.datasets.{grid_name}.find(function (r) {{
      return controls.every(function (c) {{ return Math.abs(r[c.field] - view.signal(c.param)) < c.half_step; }});
    }});
    if (row) {{ chart.setAttribute("aria-label", row.{description_field}); readout.textContent = row.{description_field}; }}
  }}
  function draw() {{
    window.vegaEmbed(chart, spec, {{"actions": false, "renderer": "svg"}}).then(function (result) {{
      controls.forEach(function (c) {{ result.view.addSignalListener(c.param, function () {{ describe(result.view); }}); }});
      describe(result.view);
    }}).catch(function (error) {{
      chart.textContent = "The chart could not be drawn: " + error;
    }});
  }}
  if (window.vegaEmbed) {{ draw(); }} else {{ window.addEventListener("load", function () {{ if (window.vegaEmbed) {{ draw(); }} }}); }}
}})();
</script>"""


def _param_name(control: Control) -> str:
    return f"p_{control.name}"


def _join(parts) -> str:
    parts = list(parts)
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def _plain(column: pd.Series, decimals: int) -> list:
    """A column as a JSON-ready list: floats rounded, NaN and ±inf as null (JSON has neither)."""
    if pd.api.types.is_bool_dtype(column):
        return [bool(v) for v in column]
    if pd.api.types.is_numeric_dtype(column):
        return [round(float(v), decimals) if math.isfinite(v) else None for v in column.astype(float)]
    return [None if v is None else str(v) for v in column]


def _records(frame: pd.DataFrame, decimals: int) -> list[dict[str, Any]]:
    columns = {name: _plain(frame[name], decimals) for name in frame.columns}
    return [dict(zip(columns, row)) for row in zip(*columns.values())]


def _in_colab() -> bool:
    return "google.colab" in sys.modules


class LabWidget(widgets.VBox):
    """The live view of a :class:`Lab`: sliders, the chart, and a text readout.

    Attributes
    ----------
    lab : Lab
    sliders : dict of name -> ipywidgets.FloatSlider
    frame : pandas.DataFrame
        The model's table for the current slider values.
    chart_widget : altair.JupyterChart
    readout : ipywidgets.HTML
        The current chart's text alternative; also announced to screen readers.
    """

    def __init__(self, lab: Lab):
        import altair as alt

        if _in_colab():  # Colab draws third-party widgets (JupyterChart) only when asked.
            from google.colab import output  # type: ignore[import-not-found]

            output.enable_custom_widget_manager()
        _use_offline_chart_bundle(alt)

        self.lab = lab
        self.sliders = {
            c.name: widgets.FloatSlider(
                value=c.default,
                min=c.min,
                max=c.max,
                step=c.step,
                description=c.text,
                continuous_update=True,
                readout_format=_readout_format(c.step),
                style={"description_width": "20em"},
                layout=widgets.Layout(width="40em", max_width="100%"),
            )
            for c in lab.controls
        }
        self.values = lab.defaults()
        self.frame = lab.evaluate()
        template_chart = themed(lab.chart(alt.Chart(alt.Data(name=LIVE_DATA_NAME))), width=LIVE_WIDTH)
        # Build the spec once (Altair validates it here); each change then swaps
        # only the data and the description, which takes well under a millisecond.
        self._template = template_chart.to_dict()
        self.readout = widgets.HTML(layout=widgets.Layout(max_width="46em"))
        self.chart_widget = alt.JupyterChart(template_chart)
        self._show(self.frame, lab.describe(self.frame, self.values))
        for slider in self.sliders.values():
            slider.observe(self._on_slider, names="value")
        caption = widgets.HTML(f"<p><em>{html.escape(lab.caption)}</em></p>")
        super().__init__(
            children=[widgets.VBox(list(self.sliders.values())), self.chart_widget, self.readout, caption]
        )

    def update(self, **changes: float) -> pd.DataFrame:
        """Re-run the model with ``changes`` and redraw.

        A learner moving a slider must never meet a traceback: any error is
        shown in the readout (with the parameter, unit and range when it is a
        ValueError from the model) and the last good chart stays.
        """
        try:
            values = {**self.values, **{k: self.lab.control(k).check(v) for k, v in changes.items()}}
            frame = self.lab.model(**values)
            description = self.lab.describe(frame, values)
        except Exception as error:  # noqa: BLE001 - shown to the learner instead of raised
            kind = "" if isinstance(error, ValueError) else f"{type(error).__name__}: "
            self.readout.value = (
                f'<p role="alert"><strong>Cannot compute this case:</strong> {html.escape(kind + str(error))}</p>'
            )
            return self.frame
        self.values, self.frame = values, frame
        self._show(frame, description)
        return frame

    def _on_slider(self, change) -> None:
        name = next(n for n, s in self.sliders.items() if s is change["owner"])
        self.update(**{name: change["new"]})

    def _show(self, frame: pd.DataFrame, description: str) -> None:
        spec = dict(self._template)
        spec["datasets"] = {LIVE_DATA_NAME: _records(frame, 6)}
        spec["description"] = description
        self.chart_widget.spec = spec
        self.readout.value = f'<p aria-live="polite">{html.escape(description)}</p>'

    def __repr__(self) -> str:
        controls = "; ".join(
            f"{c.text} {c.min:g}–{c.max:g}, now {self.values[c.name]:g}" for c in self.lab.controls
        )
        return f"Live lab '{self.lab.key}' ({controls}). Run the notebook in Jupyter to use it."

    def _repr_mimebundle_(self, **kwargs):
        bundle = super()._repr_mimebundle_(**kwargs)
        bundle["text/plain"] = repr(self)
        # The kernel-free chart: what the book shows, and what Jupyter shows
        # when no widget manager is present.
        bundle["text/html"] = self.lab.static_html()
        return bundle


def _readout_format(step: float) -> str:
    """Enough decimals to show every slider stop exactly (0.25 -> .2f, 2.5 -> .1f, 10 -> .0f)."""
    from decimal import Decimal

    return f".{max(0, -Decimal(str(step)).normalize().as_tuple().exponent)}f"


_offline_ready = False


def _private_cache_dir() -> Path | None:
    """A folder only this user can write to, for the offline chart bundle (or None).

    The bundle is JavaScript that JupyterLab runs, so it must never come from a
    place another user could write (a class JupyterHub may share /tmp).
    """
    import stat
    import tempfile

    folder = Path(tempfile.gettempdir()) / f"heavylegs-{os.getuid() if hasattr(os, 'getuid') else 'user'}"
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        info = folder.lstat()
    except OSError:
        return None
    if not stat.S_ISDIR(info.st_mode) or info.st_mode & 0o077:
        return None
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        return None
    return folder


def _use_offline_chart_bundle(alt) -> None:
    """Serve JupyterChart's JavaScript from vl-convert, so live charts draw with no internet.

    Building that bundle takes seconds, so it is kept in a private per-user
    folder under the system's temporary folder (keyed by the Altair and
    vl-convert versions) and reused by later kernels. Nothing is written anywhere
    else. Without vl-convert, or if anything here fails, JupyterChart falls back
    to loading its libraries from a CDN.
    """
    global _offline_ready
    if _offline_ready:
        return
    try:
        import vl_convert
    except ImportError:
        _offline_ready = True
        return
    chart_class = alt.JupyterChart
    folder = _private_cache_dir()
    cache = folder / f"jupyterchart-altair{alt.__version__}-vlc{vl_convert.__version__}.js" if folder else None
    try:
        if cache is not None and cache.is_file() and hasattr(chart_class, "_esm"):
            chart_class._esm = cache.read_text(encoding="utf-8")
            chart_class._is_offline = True
        else:
            chart_class.enable_offline()
            if cache is not None:
                partial = cache.with_suffix(f".{os.getpid()}.tmp")
                partial.write_text(chart_class._esm, encoding="utf-8")
                partial.replace(cache)  # atomic: two kernels starting at once never read half a file
    except Exception:  # noqa: BLE001 - offline drawing is a convenience, never a failure
        pass
    _offline_ready = True
