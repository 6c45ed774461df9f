"""The lab mechanism and every lab of the course: controls change the model's output and the chart's data.

Every lab is found through the registry (:func:`heavylegs.labs.all_labs`), so a new
chapter's labs are tested the moment they are declared. Tests of chapter 1's own
labs are named so (``test_chapter1_...``).
"""

from __future__ import annotations

import html
import itertools
import json
import re

import pandas as pd
import pytest

from heavylegs import charts
from heavylegs.lab import LIVE_DATA_NAME, Control, Lab, LabChart, _lab_chart_source, _load_chart_module, _static_html
from heavylegs.labs import all_labs

LABS = all_labs()


def _lab_ids(lab: Lab) -> str:
    return lab.key


def _other_value(control: Control) -> float:
    """A value of the control's live range other than its default."""
    return control.max if control.default != control.max else control.min


@pytest.mark.parametrize("lab", LABS, ids=_lab_ids)
def test_every_control_changes_the_model_output(lab):
    default = lab.evaluate()
    for control in lab.controls:
        changed = lab.evaluate(**{control.name: _other_value(control)})
        assert not default.equals(changed), f"{lab.key}: control {control.name} does nothing"


class _SentMessages:
    """Records the state updates a widget sends to the browser (through its comm)."""

    def __init__(self, widget):
        self.updates: list[dict] = []
        widget._send = lambda msg, buffers=None: self.updates.append(msg["state"]) if msg.get("method") == "update" else None

    def keys(self) -> set[str]:
        return {key for update in self.updates for key in update}


@pytest.mark.parametrize("lab", LABS, ids=_lab_ids)
def test_live_slider_change_sends_new_rows_and_description_but_never_the_spec(lab):
    widget = lab.live()
    chart = widget.chart_widget
    assert isinstance(chart, LabChart)
    spec = json.dumps(chart.spec, sort_keys=True)
    assert chart.spec["data"] == {"name": LIVE_DATA_NAME} and "datasets" not in chart.spec
    sent = _SentMessages(chart)
    for control in lab.controls:
        frame_before, rows_before, description_before = widget.frame, chart.rows, chart.description
        sent.updates.clear()
        widget.sliders[control.name].value = _other_value(control)
        assert not widget.frame.equals(frame_before), f"{control.name}: model output unchanged"
        assert chart.rows != rows_before, f"{control.name}: chart data unchanged"
        assert chart.description != description_before, f"{control.name}: alt text unchanged"
        assert sent.updates, f"{control.name}: nothing sent to the browser"
        assert sent.keys() == {"rows", "description"}, f"{control.name}: sent {sorted(sent.keys())}"
        assert len(sent.updates) == 1, "rows and description go in one message"
        assert sent.updates[0]["rows"] == json.loads(json.dumps(chart.rows))
        assert widget.readout.value == f'<p aria-live="polite">{html.escape(chart.description)}</p>'
        assert widget.readout.value.startswith('<p aria-live="polite">Line chart of')  # no error shown
    assert json.dumps(chart.spec, sort_keys=True) == spec, "the spec never changes"


@pytest.mark.parametrize("lab", LABS, ids=_lab_ids)
def test_live_rows_are_the_model_table(lab):
    widget = lab.live()
    rows = widget.chart_widget.rows
    assert len(rows) == len(widget.frame)
    assert set(rows[0]) == set(widget.frame.columns)
    json.dumps(rows, allow_nan=False)  # plain JSON: NaN and infinities are sent as null


def test_live_chart_module_is_self_contained_when_vl_convert_is_present():
    pytest.importorskip("vl_convert")
    _load_chart_module()
    esm = LabChart._esm
    assert "vegaEmbed" in _lab_chart_source() and "export default" in _lab_chart_source()
    assert len(esm) > 100_000, "vega, vega-lite and vega-embed are bundled in"
    # The bundled libraries mention URLs in strings (SVG's namespace, links in error
    # messages); what must not be there is anything loading code from another host.
    assert not re.search(r"""(\bimport\b|\bfrom\b)\s*\(?\s*["'`](https?:)?//""", esm), "the module imports from the web"
    for cdn in ("esm.sh", "jsdelivr", "unpkg", "skypack"):
        assert cdn not in esm
    # The data swap and the theme switch are in the bundle.
    assert "changeset" in esm and "data-jp-theme-light" in esm and "data-theme" in esm


def test_live_chart_module_is_built_once_and_cached(monkeypatch, tmp_path):
    pytest.importorskip("vl_convert")
    import heavylegs.lab as lab_module
    import vl_convert

    calls = []
    real_bundle = vl_convert.javascript_bundle
    monkeypatch.setattr(vl_convert, "javascript_bundle", lambda *a, **k: calls.append(1) or real_bundle(*a, **k))
    monkeypatch.setattr(lab_module, "_private_cache_dir", lambda: tmp_path)
    for _ in range(2):
        monkeypatch.delattr(LabChart, "_esm", raising=False)
        _load_chart_module()
    assert len(calls) == 1, "the second kernel reads the cached bundle"
    (cached,) = tmp_path.glob("labchart-*.js")
    assert cached.read_text(encoding="utf-8") == LabChart._esm


@pytest.mark.parametrize("lab", LABS, ids=_lab_ids)
def test_static_grid_covers_every_stop_and_every_static_control_changes_it(lab):
    grid = lab.static_grid()
    # Every combination of stops, last control fastest: the page finds a stop by arithmetic.
    combinations = list(itertools.product(*(c.static_stops for c in lab.static_controls)))
    assert [tuple(stop["values"][c.name] for c in lab.static_controls) for stop in grid] == combinations
    for control in lab.static_controls:
        by_stop = {}
        for stop in grid:
            rest = tuple((k, v) for k, v in stop["values"].items() if k != control.name)
            by_stop.setdefault(rest, set()).add(json.dumps(stop["columns"]))
        # For fixed other controls, different stops of this control give different curves.
        assert all(len(curves) > 1 for curves in by_stop.values()), f"{control.name} does nothing in the static grid"


@pytest.mark.parametrize("lab", LABS, ids=_lab_ids)
def test_static_grid_stop_holds_the_model_table_at_that_stop(lab):
    grid = lab.static_grid()
    for stop in (grid[0], grid[len(grid) // 2], grid[-1]):
        frame = lab.evaluate(**stop["values"])
        assert list(stop["columns"]) == list(frame.columns)
        for name, column in stop["columns"].items():
            expected = [None if pd.isna(v) else round(float(v), lab.static_decimals) for v in frame[name]]
            assert column == expected, f"{lab.key} {stop['values']}: column {name}"


def _page_script_value(page: str, name: str):
    return json.loads(re.search(rf"var {name} = (.*);\n", page).group(1))


@pytest.mark.parametrize("lab", LABS, ids=_lab_ids)
def test_static_page_finds_each_stop_from_the_slider_values(lab):
    """The page's grid, read as its script reads it: the index computed from the sliders' values
    (last control fastest) is the stop the model was run at, with that stop's text alternative."""
    grid = _page_script_value(lab.static_html(), "grid")
    assert [c["param"] for c in grid["controls"]] == [f"p_{c.name}" for c in lab.static_controls]
    for values in itertools.islice(itertools.product(*(c.static_stops for c in lab.static_controls)), 0, None, 7):
        index = 0
        for control, value in zip(grid["controls"], values):
            index = index * control["count"] + round((value - control["first"]) / control["step"])
        description, columns = grid["stops"][index]
        changes = dict(zip((c.name for c in lab.static_controls), values))
        frame = lab.evaluate(**changes)
        assert description.startswith(lab.describe(frame, lab.values(**changes)))
        assert len(columns) == len(grid["fields"]) == len(frame.columns)
        assert all(len(column) == len(frame) for column in columns)


@pytest.mark.parametrize("lab", LABS, ids=_lab_ids)
def test_static_chart_draws_one_stop_like_the_live_chart_not_the_whole_grid(lab):
    """Filtering and flattening the whole grid on every slider input cost the book two frames and
    more: the static chart reads one stop's rows from the same data source as the live chart."""
    spec = lab.static_spec()
    rest = json.dumps({k: v for k, v in spec.items() if k != "params"})
    assert '"flatten"' not in rest
    for param in spec["params"]:
        assert f'"{param["name"]}' not in rest and f" {param['name']}" not in rest, f"{param['name']} drives a mark"
    (rows,) = spec["datasets"].values()
    assert list(spec["datasets"]) == [LIVE_DATA_NAME] and len(rows) == len(lab.evaluate())  # the default stop
    live_spec = lab.live().chart_widget.spec
    strip = lambda s: {k: v for k, v in s.items() if k not in ("params", "width", "description", "datasets", "config")}
    assert strip(spec) == strip(live_spec), "the static chart is the live chart plus its sliders"
    # The page swaps rows into the drawn chart (a Vega changeset), as the live chart does.
    page = lab.static_html()
    assert "hlSwapRows(view, DATA_NAME" in page and "addSignalListener" in page


@pytest.mark.parametrize("lab", LABS, ids=_lab_ids)
def test_static_chart_binds_a_labelled_slider_per_static_control_only(lab):
    spec = lab.static_chart().to_dict()
    params = {p["name"]: p for p in spec["params"]}
    assert len(params) == len(lab.static_controls)
    for control in lab.static_controls:
        bind = params[f"p_{control.name}"]["bind"]
        assert bind["input"] == "range"
        assert control.unit in bind["name"] and control.label in bind["name"]
        assert params[f"p_{control.name}"]["value"] == control.default
    assert spec["description"].startswith("Line chart of")


@pytest.mark.parametrize("lab", LABS, ids=_lab_ids)
def test_static_slider_can_land_on_every_stop_including_the_default(lab):
    """A range input snaps to min + k·step: a float-artefact step (0.94 − 0.90 = 0.040000000000000036)
    left chapter 4's saturation slider unable to reach 0.98, its default."""
    params = {p["name"]: p for p in lab.static_spec()["params"]}
    for control in lab.static_controls:
        bind = params[f"p_{control.name}"]["bind"]
        low, high, step = bind["min"], bind["max"], bind["step"]
        assert step == round(step, 9), f"{control.name}: step {step!r} carries a float artefact"
        for stop in (*control.static_stops, params[f"p_{control.name}"]["value"]):
            k = (stop - low) / step
            assert abs(k - round(k)) < 1e-9, f"{control.name}: {stop} is not min + k·step"
        assert low + (len(control.static_stops) - 1) * step == pytest.approx(high, abs=1e-9)


@pytest.mark.parametrize("lab", LABS, ids=_lab_ids)
def test_static_html_is_stable_and_light(lab):
    page = lab.static_html()
    assert page == _static_html.__wrapped__(lab), "the stored HTML must not change from one run to the next"
    assert re.search(r'id="hl-lab-[a-z0-9-]+-[0-9a-f]{10}"', page)
    assert "cdn" not in page.lower()
    assert len(page.encode()) < 400_000, "keep each lab light: coarser grid or fewer static controls"


@pytest.mark.parametrize("lab", LABS, ids=_lab_ids)
def test_static_html_draws_with_the_config_of_the_page_theme(lab):
    page = lab.static_html()
    spec = lab.static_spec()
    dark = json.loads(re.search(r"var darkConfig = (\{.*\});\n", page).group(1))
    _assert_is_theme(spec["config"], charts.theme_config())  # the spec itself carries the light config
    _assert_is_theme(dark, charts.theme_config(dark=True))
    assert dark.keys() == spec["config"].keys()
    # Follows the book's theme toggle (and JupyterLab's theme), redrawing when it changes.
    assert 'attributeFilter: ["data-theme"]' in page and "data-jp-theme-light" in page


@pytest.mark.parametrize("lab", LABS, ids=_lab_ids)
def test_live_chart_carries_light_and_dark_configs(lab):
    chart = lab.live().chart_widget
    _assert_is_theme(chart.spec["config"], charts.theme_config())
    _assert_is_theme(chart.dark_config, charts.theme_config(dark=True))


def _assert_is_theme(config, theme):
    """Every entry of the theme is in the config (Altair may add defaults of its own)."""
    for key, value in theme.items():
        if isinstance(value, dict):
            _assert_is_theme(config[key], value)
        else:
            assert config[key] == value, f"{key}: {config[key]!r} is not the theme's {value!r}"


@pytest.mark.parametrize("lab", LABS, ids=_lab_ids)
def test_mime_bundle_has_widget_and_static_chart(lab):
    widget = lab.live()
    bundle = widget._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert bundle["text/html"] == lab.static_html()
    assert f"Live lab '{lab.key}'" in bundle["text/plain"]


@pytest.mark.parametrize("lab", LABS, ids=_lab_ids)
def test_bad_value_is_reported_in_the_lab_not_raised(lab):
    widget = lab.live()
    control = lab.controls[0]
    frame, rows = widget.frame, widget.chart_widget.rows
    result = widget.update(**{control.name: control.max + 10 * control.step})
    assert result is frame and widget.chart_widget.rows is rows  # the last good chart stays
    assert control.name in widget.readout.value and control.unit in widget.readout.value


def test_any_model_error_is_shown_in_the_lab_not_raised():
    def broken(a):
        if a > 0.5:
            raise RuntimeError("solver diverged")
        return _model(a)

    lab = Lab("broken", (Control("a", "a", "m", 0, 1, 0.5, 0),), broken, _chart, lambda f, v: "Line chart of y against x.", "c")
    widget = lab.live()
    widget.sliders["a"].value = 1.0  # through the slider, as a learner would
    assert 'role="alert"' in widget.readout.value and "RuntimeError: solver diverged" in widget.readout.value
    assert widget.values["a"] == 0


@pytest.mark.parametrize("lab", LABS, ids=_lab_ids)
def test_static_grid_stops_carry_their_own_text_alternative(lab):
    grid = lab.static_grid()
    descriptions = {stop["description"] for stop in grid}
    assert len(descriptions) == len(grid)  # every stop says what its own chart shows
    assert all(d.startswith("Line chart of") for d in descriptions)


def test_chapter1_lab_values_name_parameter_unit_and_range():
    from heavylegs.labs.metabolism import D_PRIME_LAB, FUEL_LAB

    with pytest.raises(ValueError, match=r"rep_speed_m_per_s.*3\.5.*6\.5 m/s"):
        D_PRIME_LAB.evaluate(rep_speed_m_per_s=9.0)
    with pytest.raises(ValueError, match="has no control"):
        D_PRIME_LAB.evaluate(pace=4.0)
    with pytest.raises(ValueError, match="liver_glycogen_g must be a single number in g"):
        FUEL_LAB.evaluate(liver_glycogen_g=[60, 100])


def _model(a):
    return pd.DataFrame({"x": [0.0, 1.0], "y": [0.0, a]})


def _chart(base):
    return base.mark_line().encode(x="x:Q", y="y:Q")


def test_control_declarations_are_checked():
    with pytest.raises(ValueError, match="evenly spaced"):
        Control("a", "a", "m", 0, 10, 1, 2, static_stops=(0, 2, 5))
    with pytest.raises(ValueError, match="one of static_stops"):
        Control("a", "a", "m", 0, 10, 1, 3, static_stops=(0, 2, 4))
    with pytest.raises(ValueError, match="a must be between 0 and 10 m"):
        Control("a", "a", "m", 0, 10, 1, 11)
    with pytest.raises(ValueError, match="unique"):
        Lab("k", (Control("a", "a", "m", 0, 1, 0.5, 0), Control("a", "a", "m", 0, 1, 0.5, 0)), _model, _chart, lambda f, v: "", "c")


# --- the chart theme, light and dark ------------------------------------------------

def _luminance(colour: str) -> float:
    channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_theme_text_passes_4_5_to_1_and_lines_3_to_1_on_its_paper(dark):
    config = charts.theme_config(dark=dark)
    paper = config["background"]
    texts = {
        "axis label": config["axis"]["labelColor"],
        "axis title": config["axis"]["titleColor"],
        "legend label": config["legend"]["labelColor"],
        "text mark": config["text"]["color"],
        "alert label": config["style"][charts.ALERT_TEXT_STYLE]["color"],
        "reference label": config["style"][charts.REFERENCE_TEXT_STYLE]["color"],
    }
    for role, colour in texts.items():
        assert _contrast(colour, paper) >= 4.5, f"{role} {colour} on {paper}: {_contrast(colour, paper):.2f}:1"
    lines = {name: config["style"][name]["color"] for name in (charts.SERIES_STYLE, charts.ALERT_STYLE, charts.REFERENCE_STYLE, charts.ZERO_STYLE)}
    for role, colour in lines.items():
        assert _contrast(colour, paper) >= 3, f"{role} {colour} on {paper}: {_contrast(colour, paper):.2f}:1"
    assert config["range"]["category"][0] == lines[charts.SERIES_STYLE]


def test_theme_light_and_dark_differ_only_in_colours():
    def shape(value):
        if isinstance(value, dict):
            return {k: shape(v) for k, v in value.items() if k not in ("color", "opacity") and not k.endswith("Color") and k != "background"}
        if isinstance(value, list):
            return len(value)
        return value

    assert shape(charts.theme_config()) == shape(charts.theme_config(dark=True))


def _mark_colours(spec) -> list[str]:
    """Colours written into marks (not taken from the theme's styles), anywhere in a Vega-Lite spec."""
    found = []
    if isinstance(spec, dict):
        mark = spec.get("mark")
        if isinstance(mark, dict):
            found += [f"{mark['type']} {k}={mark[k]}" for k in ("color", "fill", "stroke") if k in mark]
        for value in spec.values():
            found += _mark_colours(value)
    elif isinstance(spec, list):
        for value in spec:
            found += _mark_colours(value)
    return found


def test_course_chart_helpers_take_colours_from_the_theme():
    import altair as alt

    base = alt.Chart(alt.Data(name="d"))
    layered = alt.layer(
        charts.series_line(base).encode(x="x:Q", y="y:Q"),
        charts.zero_line(base),
        charts.first_crossing(base, "y", "x", "empty"),
        charts.reference_line(base, 1.0, "finish"),
    )
    assert _mark_colours(layered.to_dict()) == []


@pytest.mark.parametrize("lab", LABS, ids=_lab_ids)
def test_every_lab_takes_its_mark_colours_from_the_theme_so_they_follow_dark_mode(lab):
    assert _mark_colours(lab.static_chart().to_dict()) == []
