"""The lab mechanism and chapter 1's labs: controls change the model's output and the chart's data."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from heavylegs.lab import LIVE_DATA_NAME, Control, Lab, _static_html
from heavylegs.labs.metabolism import D_PRIME_LAB, FUEL_LAB, d_prime_interval_lab, fuel_and_wall_lab

LABS = [D_PRIME_LAB, FUEL_LAB]
LIVE = {"metabolism-d-prime": d_prime_interval_lab, "metabolism-fuel-wall": fuel_and_wall_lab}


def _other_value(control: Control) -> float:
    """A value of the control's live range other than its default."""
    return control.max if control.default != control.max else control.min


@pytest.mark.parametrize("lab", LABS, ids=lambda lab: lab.key)
def test_every_control_changes_the_model_output(lab):
    default = lab.evaluate()
    for control in lab.controls:
        changed = lab.evaluate(**{control.name: _other_value(control)})
        assert not default.equals(changed), f"{lab.key}: control {control.name} does nothing"


@pytest.mark.parametrize("lab", LABS, ids=lambda lab: lab.key)
def test_live_slider_change_recomputes_and_updates_chart_data(lab):
    widget = LIVE[lab.key]()
    for control in lab.controls:
        frame_before = widget.frame
        data_before = json.dumps(widget.chart_widget.spec["datasets"][LIVE_DATA_NAME])
        description_before = widget.chart_widget.spec["description"]
        widget.sliders[control.name].value = _other_value(control)
        assert not widget.frame.equals(frame_before), f"{control.name}: model output unchanged"
        assert json.dumps(widget.chart_widget.spec["datasets"][LIVE_DATA_NAME]) != data_before, f"{control.name}: chart data unchanged"
        assert widget.chart_widget.spec["description"] != description_before, f"{control.name}: alt text unchanged"
        assert widget.readout.value.startswith('<p aria-live="polite">Line chart of')  # no error shown


@pytest.mark.parametrize("lab", LABS, ids=lambda lab: lab.key)
def test_static_grid_covers_every_stop_and_every_static_control_changes_it(lab):
    grid = lab.static_grid()
    n = 1
    for control in lab.static_controls:
        n *= len(control.static_stops)
    assert len(grid) == n
    for control in lab.static_controls:
        key = f"control_{control.name}"
        by_stop = {}
        for row in grid:
            rest = tuple((k, v) for k, v in row.items() if k.startswith("control_") and k != key)
            by_stop.setdefault(rest, set()).add(json.dumps({k: v for k, v in row.items() if not k.startswith("control_")}))
        # For fixed other controls, different stops of this control give different curves.
        assert all(len(curves) > 1 for curves in by_stop.values()), f"{control.name} does nothing in the static grid"


@pytest.mark.parametrize("lab", LABS, ids=lambda lab: lab.key)
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


@pytest.mark.parametrize("lab", LABS, ids=lambda lab: lab.key)
def test_static_html_is_stable_and_light(lab):
    html = lab.static_html()
    assert html == _static_html.__wrapped__(lab), "the stored HTML must not change from one run to the next"
    assert re.search(r'id="hl-lab-[a-z-]+-[0-9a-f]{10}"', html)
    assert "cdn" not in html.lower()
    assert len(html.encode()) < 400_000, "keep each lab light: coarser grid or fewer static controls"


def test_mime_bundle_has_widget_and_static_chart():
    widget = d_prime_interval_lab()
    bundle = widget._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert bundle["text/html"] == D_PRIME_LAB.static_html()
    assert "Live lab 'metabolism-d-prime'" in bundle["text/plain"]


def test_bad_value_is_reported_in_the_lab_not_raised():
    widget = d_prime_interval_lab()
    frame = widget.frame
    result = widget.update(cs_m_per_s=-1.0)
    assert result is frame  # the last good chart stays
    assert "cs_m_per_s" in widget.readout.value and "m/s" in widget.readout.value


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


def test_static_grid_rows_carry_their_own_text_alternative():
    rows = D_PRIME_LAB.static_grid()
    descriptions = {row["description"] for row in rows}
    assert len(descriptions) == len(rows)  # every stop says what its own chart shows
    assert all(d.startswith("Line chart of") for d in descriptions)


def test_lab_values_name_parameter_unit_and_range():
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
