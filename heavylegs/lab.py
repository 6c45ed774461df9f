"""Labs: declare an interactive model once, show it live in Jupyter and static in the book.

A :class:`Lab` is data: its controls (name, label, unit, range, step, default),
a model (a function of those controls returning a tidy table) and a chart (a
function that draws marks on a base Altair chart holding that table). From
that one declaration come two views:

* **live** (JupyterLab, JupyterHub, Binder, Colab): :meth:`Lab.live` returns a
  :class:`LabWidget` of ipywidgets sliders and a :class:`LabChart`. Each slider
  change re-runs the model in Python and sends the chart only its new rows and
  text alternative; the spec is sent once, and the browser swaps the rows into
  the drawn chart (a Vega changeset) instead of rebuilding it.
* **static** (the published book, no kernel): :meth:`Lab.static_html` evaluates
  the model over a coarse grid of slider stops and stores it in the page. The
  chart is the live one (its data source holds one stop's rows) plus sliders
  bound to Vega parameters; when one moves, the page's script swaps that stop's
  rows into the drawn chart, as the live chart does. Only controls with
  ``static_stops`` get a slider there, so no control on the page does nothing.

One output serves both places: the widget's MIME bundle carries the widget view
*and* the static chart as ``text/html``. JupyterLab draws the widget; the book's
``_config.yml`` ranks ``text/html`` first for the HTML builder, so the page gets
the static chart (see ``nb_mime_priority_overrides`` there).

Both views follow the page's theme: they draw with the light or dark config of
:func:`heavylegs.charts.theme_config`, whichever matches the page when the chart
is drawn, and redraw when the reader switches theme.
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

import anywidget
import ipywidgets as widgets
import pandas as pd
import traitlets

from heavylegs.charts import LIVE_WIDTH, theme_config, themed
from heavylegs.validation import check_range

#: Name of the data source both charts (live and static) read; its rows are swapped per change.
LIVE_DATA_NAME = "lab"


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
        """Gap between static stops, rounded: a float artefact (0.94 - 0.90 = 0.040000000000000036)
        makes the browser's range input snap short of the last stop."""
        return round(self.static_stops[1] - self.static_stops[0], 9)

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
        """The model over every combination of static stops, one entry per combination.

        Entries come in ``itertools.product`` order of the static controls' stops
        (the last control changing fastest), so the page finds a stop's entry by
        arithmetic on the slider positions. Each entry holds ``values`` (control
        name -> stop value, in the control's unit), ``description`` (the text
        alternative of that stop's chart) and ``columns`` (model column name ->
        the column as a list, rounded to ``static_decimals``).
        """
        return _static_grid(self)

    def static_chart(self):
        """Kernel-free Altair chart: the live chart, with a slider bound to a parameter per static control.

        The parameters drive no mark: the page's script listens to them and
        swaps the rows of the stop they name into the chart's data source.
        """
        import altair as alt

        params = [
            alt.param(
                name=_param_name(c),
                value=c.default,
                bind=alt.binding_range(
                    min=c.static_stops[0], max=c.static_stops[-1], step=c.static_step, name=c.text + " "
                ),
            )
            for c in self.static_controls
        ]
        description = self.describe(self.evaluate(), self.defaults()) + _static_suffix(self)
        chart = self.chart(alt.Chart(alt.Data(name=LIVE_DATA_NAME))).add_params(*params)
        return themed(chart, width="container", description=description)

    def static_spec(self) -> dict[str, Any]:
        """Vega-Lite spec of the static chart, holding the rows of the default stop."""
        spec = self.static_chart().to_dict()
        spec["datasets"] = {LIVE_DATA_NAME: _records(self.evaluate(), self.static_decimals)}
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
    grid = []
    for combination in itertools.product(*(c.static_stops for c in controls)):
        changes = {c.name: v for c, v in zip(controls, combination)}
        frame = lab.evaluate(**changes)
        grid.append(
            {
                "values": changes,
                # Each stop's own text alternative: the page swaps it in as the sliders move.
                "description": lab.describe(frame, lab.values(**changes)) + _static_suffix(lab),
                "columns": {column: _plain(frame[column], lab.static_decimals) for column in frame.columns},
            }
        )
    return grid


def _page_grid(lab: Lab) -> dict[str, Any]:
    """The grid as the page's script reads it: column names once, then per stop its
    description and its columns as lists (the rows are built in the browser)."""
    grid = lab.static_grid()
    fields = list(grid[0]["columns"]) if grid else []
    return {
        "controls": [
            {"param": _param_name(c), "first": c.static_stops[0], "step": c.static_step, "count": len(c.static_stops)}
            for c in lab.static_controls
        ],
        "fields": fields,
        "stops": [[stop["description"], [stop["columns"][f] for f in fields]] for stop in grid],
    }


def _static_suffix(lab: Lab) -> str:
    if not lab.static_controls:
        return ""
    return " Sliders below the chart change " + _join(c.label for c in lab.static_controls) + "."


@lru_cache(maxsize=32)
def _static_html(lab: Lab) -> str:
    spec = lab.static_spec()
    spec_json = _compact_json(spec)
    dark_json = _compact_json(_dark_config(spec))
    grid_json = _compact_json(_page_grid(lab))
    # The id derives from what the page holds, so re-running a notebook stores identical output.
    digest = hashlib.sha1((spec_json + dark_json + grid_json).encode()).hexdigest()[:10]
    element_id = f"hl-lab-{lab.key}-{digest}"
    live_note = ""
    if lab.live_only_controls:
        live_note = (
            " In a live notebook (Binder, Colab or JupyterLab) you can also change "
            + _join(c.text for c in lab.live_only_controls)
            + "."
        )
    return f"""<figure class="hl-lab" id="{element_id}">
<div class="hl-lab-chart"><p class="hl-lab-fallback">This interactive chart needs JavaScript. In Jupyter, run this cell to start the live lab.</p></div>
<p class="hl-lab-readout" aria-live="polite"></p>
<figcaption class="hl-lab-caption">{html.escape(lab.caption)}{html.escape(live_note)}</figcaption>
</figure>
<script type="text/javascript">
(function () {{
  var DATA_NAME = {json.dumps(LIVE_DATA_NAME)};
  var spec = {_script_safe(spec_json)};
  var darkConfig = {_script_safe(dark_json)};
  // The model at every combination of slider stops: per stop, its text alternative and its columns.
  var grid = {_script_safe(grid_json)};
  // The figure just before this script; by id only where scripts run detached (two
  // copies of one lab on a page must each draw into their own figure).
  var script = document.currentScript;
  var figure = (script && script.previousElementSibling && script.previousElementSibling.classList.contains("hl-lab"))
    ? script.previousElementSibling : document.getElementById("{element_id}");
  var chart = figure.querySelector(".hl-lab-chart");
  var readout = figure.querySelector(".hl-lab-readout");
  var result = null;
  var queue = Promise.resolve();
{_indent(_THEME_JS)}
{_indent(_SWAP_ROWS_JS)}
  function stopOf(value) {{
    // Stops are stored with the last control changing fastest.
    var index = 0;
    grid.controls.forEach(function (c) {{
      var at = Math.min(c.count - 1, Math.max(0, Math.round((value(c.param) - c.first) / c.step)));
      index = index * c.count + at;
    }});
    return grid.stops[index];
  }}
  function rowsOf(stop) {{
    var columns = stop[1], rows = [];
    for (var i = 0; i < columns[0].length; i++) {{
      var row = {{}};
      for (var k = 0; k < grid.fields.length; k++) {{ row[grid.fields[k]] = columns[k][i]; }}
      rows.push(row);
    }}
    return rows;
  }}
  function describe(stop) {{
    chart.setAttribute("aria-label", stop[0]);
    readout.textContent = stop[0];
  }}
  function sliderValue(view) {{ return function (param) {{ return view.signal(param); }}; }}
  function defaultValue(param) {{ return spec.params.find(function (p) {{ return p.name === param; }}).value; }}
  function themedSpec(dark, stop) {{
    // Redrawn for a change of theme, the chart keeps its sliders where the reader left them.
    var params = (spec.params || []).map(function (p) {{
      var moved = result && grid.controls.some(function (c) {{ return c.param === p.name; }});
      return moved ? Object.assign({{}}, p, {{"value": result.view.signal(p.name)}}) : p;
    }});
    var datasets = {{}};
    datasets[DATA_NAME] = rowsOf(stop);
    return Object.assign({{}}, spec, {{"config": dark ? darkConfig : spec.config, "params": params, "datasets": datasets}});
  }}
  function draw(dark) {{
    var stop = stopOf(result ? sliderValue(result.view) : defaultValue);
    var next = themedSpec(dark, stop);
    if (result) {{ result.finalize(); result = null; }}
    return window.vegaEmbed(chart, next, {{"actions": false, "renderer": "svg"}}).then(function (embedded) {{
      var view = embedded.view, shown = stop;
      result = embedded;
      function onSlider() {{
        var wanted = stopOf(sliderValue(view));
        if (wanted === shown) {{ return; }}
        shown = wanted;
        // Called while Vega runs the slider's change: the new rows join that same run.
        hlSwapRows(view, DATA_NAME, rowsOf(wanted));
        view.runAsync();
        describe(wanted);
      }}
      grid.controls.forEach(function (c) {{ view.addSignalListener(c.param, onSlider); }});
      describe(stop);
    }}).catch(function (error) {{
      chart.textContent = "The chart could not be drawn: " + error;
    }});
  }}
  function start() {{
    // Vega sizes a "container"-wide chart when the window resizes, which can be mid-way through the page's
    // own re-layout (a phone turned, a window maximised) and leave the chart wider than its card. Follow
    // the card's settled width instead.
    if (window.ResizeObserver) {{
      // Only a new width: the chart's height changes with its rows (axis labels), and rerunning the
      // view for that would cost each slider move a second layout.
      var settledWidth = chart.clientWidth;
      new ResizeObserver(function () {{
        if (chart.clientWidth === settledWidth) {{ return; }}
        settledWidth = chart.clientWidth;
        if (result && settledWidth > 0) {{ result.view.width(settledWidth).runAsync(); }}
      }}).observe(chart);
    }}
    queue = queue.then(function () {{ return draw(hlPageIsDark()); }});
    hlWatchTheme(function (dark) {{ queue = queue.then(function () {{ return draw(dark); }}); }});
  }}
  if (window.vegaEmbed) {{ start(); }} else {{ window.addEventListener("load", function () {{ if (window.vegaEmbed) {{ start(); }} }}); }}
}})();
</script>"""


def _compact_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), allow_nan=False)


def _script_safe(text: str) -> str:
    """JSON that can sit inside a script element: "</" would end the element early."""
    return text.replace("</", "<\\/")


def _dark_config(spec: Mapping[str, Any]) -> dict[str, Any]:
    """The config a dark page draws ``spec`` with: its own config (Altair adds defaults
    to the theme's) with the dark theme's entries laid over it."""
    return _merged(spec.get("config", {}), theme_config(dark=True))


def _merged(base: Mapping[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in over.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), Mapping):
            merged[key] = _merged(merged[key], value)
        else:
            merged[key] = value
    return merged


def _indent(text: str, prefix: str = "  ") -> str:
    return "\n".join(prefix + line if line else line for line in text.strip("\n").splitlines())


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


class LabChart(anywidget.AnyWidget):
    """The live lab's chart: a Vega-Lite view that takes new rows without being rebuilt.

    The browser side embeds ``spec`` once (with vega-embed, as SVG) and, when
    ``rows`` changes, swaps them into the drawn chart with a Vega changeset,
    which takes a few milliseconds where re-embedding a spec takes tens. It
    redraws from the spec only when the page's theme changes.

    Synced traits
    -------------
    spec : dict
        Vega-Lite spec with the light theme config and a named data source
        ``LIVE_DATA_NAME`` (no data). Sent once.
    dark_config : dict
        The config used instead of ``spec["config"]`` on a dark page.
    rows : list of dict
        The chart's data, one dict per row (column name -> number, text or None).
    description : str
        Text alternative of the chart as it now is; the browser sets it as the
        chart's ``aria-label``.
    """

    spec = traitlets.Dict().tag(sync=True)
    dark_config = traitlets.Dict().tag(sync=True)
    rows = traitlets.List().tag(sync=True)
    description = traitlets.Unicode("").tag(sync=True)

    def __init__(self, **kwargs: Any):
        _load_chart_module()  # sets the class's _esm, which AnyWidget reads here
        super().__init__(**kwargs)

    def __repr__(self) -> str:
        return f"LabChart({len(self.rows)} rows)"


class LabWidget(widgets.VBox):
    """The live view of a :class:`Lab`: sliders, the chart, and a text readout.

    Attributes
    ----------
    lab : Lab
    sliders : dict of name -> ipywidgets.FloatSlider
    values : dict of name -> float
        The slider values the chart now shows, in each control's unit.
    frame : pandas.DataFrame
        The model's table for those values.
    chart_widget : LabChart
        The chart widget; each change sets its ``rows`` and ``description`` traits.
    readout : ipywidgets.HTML
        The current chart's text alternative; also announced to screen readers.
    """

    def __init__(self, lab: Lab):
        import altair as alt

        if _in_colab():  # Colab draws third-party widgets (anywidget) only when asked.
            from google.colab import output  # type: ignore[import-not-found]

            output.enable_custom_widget_manager()

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
        description = lab.describe(self.frame, self.values)
        # Built once (Altair validates it here); each change then sends only the
        # rows and the description, which takes well under a millisecond.
        spec = themed(lab.chart(alt.Chart(alt.Data(name=LIVE_DATA_NAME))), width=LIVE_WIDTH).to_dict()
        self.readout = widgets.HTML(layout=widgets.Layout(max_width="46em"))
        self.chart_widget = LabChart(
            spec=spec,
            dark_config=_dark_config(spec),
            rows=_records(self.frame, 6),
            description=description,
        )
        self._show_readout(description)
        for slider in self.sliders.values():
            slider.observe(self._on_slider, names="value")
        caption = widgets.HTML(f"<p><em>{html.escape(lab.caption)}</em></p>")
        super().__init__(children=[widgets.VBox(list(self.sliders.values())), self.chart_widget, self.readout, caption])

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
            rows = _records(frame, 6)
        except Exception as error:  # noqa: BLE001 - shown to the learner instead of raised
            kind = "" if isinstance(error, ValueError) else f"{type(error).__name__}: "
            self.readout.value = (
                f'<p role="alert"><strong>Cannot compute this case:</strong> {html.escape(kind + str(error))}</p>'
            )
            return self.frame
        self.values, self.frame = values, frame
        with self.chart_widget.hold_sync():  # one message to the browser, not two
            self.chart_widget.rows = rows
            self.chart_widget.description = description
        self._show_readout(description)
        return frame

    def _on_slider(self, change) -> None:
        name = next(n for n, s in self.sliders.items() if s is change["owner"])
        self.update(**{name: change["new"]})

    def _show_readout(self, description: str) -> None:
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


#: vega-embed as an ES module from a CDN: used only where vl-convert is missing.
_CDN_IMPORTS = 'import vegaEmbed from "https://esm.sh/vega-embed@7?deps=vega@6&deps=vega-lite@6";\n'


def _lab_chart_source() -> str:
    """The ES module of :class:`LabChart`, before bundling.

    It names ``vegaEmbed`` without importing it: vl-convert's ``javascript_bundle``
    links it in (or :data:`_CDN_IMPORTS` does). Vega's changesets come from the
    view itself (``view.changeset()``), so no second copy of Vega is needed.
    """
    return (
        _LAB_CHART_JS.replace("__DATA_NAME__", json.dumps(LIVE_DATA_NAME))
        .replace("__THEME_JS__", _THEME_JS)
        .replace("__SWAP_ROWS_JS__", _SWAP_ROWS_JS)
    )


def _load_chart_module() -> None:
    """Give :class:`LabChart` its JavaScript, self-contained so live charts draw with no internet.

    vl-convert bundles the module with vega, vega-lite and vega-embed. That takes
    seconds, so the bundle is kept in a private per-user folder under the
    system's temporary folder, keyed by the vl-convert and Vega-Lite versions
    and a hash of the module's source, and reused by later kernels. Nothing is
    written anywhere else. Without vl-convert, or if bundling fails, the module
    imports vega-embed from a CDN instead.
    """
    if "_esm" in LabChart.__dict__:
        return
    source = _lab_chart_source()
    try:
        import altair as alt
        import vl_convert
    except ImportError:
        LabChart._esm = _CDN_IMPORTS + source
        return
    # The Vega-Lite version Altair writes specs for (e.g. "v6.4.1" -> "6.4"), as tools/vendor_assets.py.
    vl_version = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])
    digest = hashlib.sha256(source.encode()).hexdigest()[:16]
    folder = _private_cache_dir()
    name = f"labchart-vlc{vl_convert.__version__}-vl{vl_version}-{digest}.js"
    cache = folder / name if folder else None
    try:
        if cache is not None and cache.is_file():
            bundle = cache.read_text(encoding="utf-8")
        else:
            bundle = vl_convert.javascript_bundle(source, vl_version=vl_version)
            if cache is not None:
                partial = cache.with_suffix(f".{os.getpid()}.tmp")
                partial.write_text(bundle, encoding="utf-8")
                partial.replace(cache)  # atomic: two kernels starting at once never read half a file
    except Exception:  # noqa: BLE001 - offline drawing is a convenience, never a failure
        bundle = _CDN_IMPORTS + source
    LabChart._esm = bundle


#: JavaScript shared by the static page script and the live chart: is the page
#: dark, and a call back when that changes.
_THEME_JS = """
function hlPageIsDark() {
  // The book (pydata-sphinx-theme) puts its resolved theme on <html>, and its toggle
  // changes it live; JupyterLab marks a dark theme on <body>.
  var theme = document.documentElement.getAttribute("data-theme");
  if (theme === "dark" || theme === "light") { return theme === "dark"; }
  return !!document.body && document.body.getAttribute("data-jp-theme-light") === "false";
}
function hlWatchTheme(onChange) {
  var dark = hlPageIsDark();
  var observer = new MutationObserver(function () {
    var now = hlPageIsDark();
    if (now !== dark) { dark = now; onChange(now); }
  });
  observer.observe(document.documentElement, {attributes: true, attributeFilter: ["data-theme"]});
  if (document.body) { observer.observe(document.body, {attributes: true, attributeFilter: ["data-jp-theme-light"]}); }
  return observer;
}
"""

#: JavaScript shared by the static page script and the live chart: put new rows into
#: a drawn chart's data source.
_SWAP_ROWS_JS = """
function hlSwapRows(view, name, rows) {
  // Rows are changed in place where there were rows before, not removed and inserted:
  // Vega then keeps its marks' items and their SVG elements and only moves them,
  // instead of building new elements (to which the page's own observers react too).
  // The changeset comes from the view's own Vega (Vega checks its class).
  var current = view.data(name), change = view.changeset(), kept = Math.min(current.length, rows.length);
  for (var i = 0; i < kept; i++) {
    var old = current[i], row = rows[i];
    for (var field in row) { if (old[field] !== row[field]) { change.modify(old, field, row[field]); } }
  }
  if (current.length > kept) { change.remove(current.slice(kept)); }
  if (rows.length > kept) { change.insert(rows.slice(kept)); }
  // New rows can need more or less room around the plot (longer axis labels, a label at
  // the edge): have Vega lay the view out again, which it otherwise does only on a resize.
  return view.change(name, change).resize();
}
"""

#: The live chart's ES module (anywidget): embed once, then swap rows in place.
_LAB_CHART_JS = """
const DATA_NAME = __DATA_NAME__;
__THEME_JS__
__SWAP_ROWS_JS__
function render({ model, el }) {
  const container = document.createElement("div");
  container.className = "hl-lab-chart";
  el.appendChild(container);
  let result = null;
  let queue = Promise.resolve();
  let rowsWanted = 0;
  // Vega adds fields to the rows it is given: give it copies, not the model's own.
  const rows = () => model.get("rows").map((row) => Object.assign({}, row));
  const label = () => container.setAttribute("aria-label", model.get("description"));
  const fail = (error) => { container.textContent = "The chart could not be drawn: " + error; };
  // One step at a time: a redraw for the theme and a data swap never interleave.
  const enqueue = (step) => { queue = queue.then(step).catch(fail); };
  function draw(dark) {
    const spec = Object.assign({}, model.get("spec"));
    if (dark) { spec.config = model.get("dark_config"); }
    spec.datasets = Object.assign({}, spec.datasets, { [DATA_NAME]: rows() });
    spec.description = model.get("description");
    if (result) { result.finalize(); result = null; }
    return vegaEmbed(container, spec, { renderer: "svg", actions: false }).then((embedded) => {
      result = embedded;
      label();
    });
  }
  function onRows() {
    const wanted = ++rowsWanted;
    enqueue(() => {
      // Rows that arrived while an earlier step ran: only the newest are drawn.
      if (wanted !== rowsWanted || result === null) { return; }
      return hlSwapRows(result.view, DATA_NAME, rows()).runAsync().then(label);
    });
  }
  model.on("change:rows", onRows);
  model.on("change:description", label);
  const observer = hlWatchTheme((dark) => enqueue(() => draw(dark)));
  enqueue(() => draw(hlPageIsDark()));
  return () => {
    observer.disconnect();
    model.off("change:rows", onRows);
    model.off("change:description", label);
    if (result) { result.finalize(); }
  };
}
export default { render };
"""
