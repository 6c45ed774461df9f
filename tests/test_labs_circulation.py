"""Chapter 5's own labs: the readouts answer the chapter's lab questions.

Each question in notebooks/05_circulation.ipynb must be answerable from the
readout (not by reading a curve by eye); these tests pin the answers the
instructor guide's key gives, at the static page's stops and, where marked,
with the live sliders. The generic checks (every control changes the chart,
live and static; page size; theme colours) are in tests/test_labs.py.
"""

from __future__ import annotations

import re

import numpy as np
import pytest

from heavylegs import circulation, nutrition
from heavylegs.labs import lab as lab_by_key
from heavylegs.labs.circulation import (
    ABI_LAB,
    COMPARTMENT_LAB,
    OXYGEN_LAB,
    PUMP_LAB,
    ankle_brachial_index_lab,
    compartment_test_lab,
    oxygen_to_the_legs_lab,
    standing_versus_walking_lab,
)


def _readout(lab, **changes) -> str:
    return lab.describe(lab.evaluate(**changes), lab.values(**changes))


def test_the_four_labs_are_registered_under_their_keys():
    for key, lab, live in (("circulation-oxygen", OXYGEN_LAB, oxygen_to_the_legs_lab),
                           ("circulation-calf-pump", PUMP_LAB, standing_versus_walking_lab),
                           ("circulation-compartment", COMPARTMENT_LAB, compartment_test_lab),
                           ("circulation-abi", ABI_LAB, ankle_brachial_index_lab)):
        assert lab_by_key(key) is lab
        assert live().lab is lab


# --- Lab A: oxygen to the legs ---------------------------------------------------------------

def test_oxygen_model_is_fick_with_chapter_4s_oxygen_content():
    frame = OXYGEN_LAB.evaluate(hb_g_dl=12, cardiac_output_l_min=25)
    row = frame[frame["chosen"] == 1].iloc[0]
    cao2 = nutrition.arterial_o2_content(12, 0.98, 100)
    cvo2 = nutrition.arterial_o2_content(12, 0.20, 25)
    assert row["used_l_min"] == pytest.approx(circulation.fick_vo2(25, cao2, cvo2))
    assert row["delivered_l_min"] == pytest.approx(circulation.oxygen_delivery_ml_min(25, cao2) / 1000)
    # The science reference's worked example: 3.976 → 3.192 L/min.
    assert row["reference_used_l_min"] == pytest.approx(3.976, abs=0.001)
    assert row["used_l_min"] == pytest.approx(3.192, abs=0.001)


def test_oxygen_default_readout_gives_delivery_use_extraction_and_a_runners_pace():
    text = _readout(OXYGEN_LAB)
    assert "5,000 mL O2/min" in text and "uses 3.98 L/min" in text and "80 % of it extracted" in text
    assert "VO2max of 57 mL/kg/min" in text and "3:45 min/km" in text


@pytest.mark.parametrize("hb, model_less, measured_less, pace, reference_pace", [
    (13.5, 10, 5, "4:12", "3:45"),
    (12.0, 20, 10, "4:45", "3:45"),
])
def test_oxygen_question_anaemia_costs_static_stops(hb, model_less, measured_less, pace, reference_pace):
    text = _readout(OXYGEN_LAB, hb_g_dl=hb)
    assert f"{model_less} % less here" in text
    assert f"about {measured_less} % here" in text and "Otto 2013" in text
    assert f"about {pace} min/km at VO2max" in text and f"With haemoglobin 15 g/dL: {reference_pace} min/km" in text


def test_oxygen_outside_ottos_range_does_not_quote_his_rule():
    text = _readout(OXYGEN_LAB, hb_g_dl=9)
    assert "Otto" not in text and "upper bound" in text and "Ekblom 1976" in text


def test_oxygen_at_rest_extraction_is_low_and_no_pace_is_claimed():
    text = _readout(OXYGEN_LAB, cardiac_output_l_min=5, venous_saturation=0.7)
    assert "29 % of it extracted" in text and "min/km" not in text


def test_oxygen_lower_venous_saturation_means_more_used_at_the_same_flow():
    used = [OXYGEN_LAB.evaluate(venous_saturation=s).query("chosen == 1")["used_l_min"].iloc[0]
            for s in (0.7, 0.45, 0.2)]
    assert used[0] < used[1] < used[2]


# --- Lab B: standing still versus walking ----------------------------------------------------

def test_pump_model_is_the_teaching_models_course():
    frame = PUMP_LAB.evaluate()
    course = circulation.ankle_vein_pressure_course(1.2, 110, 0.18, 31, stand_s=10, walk_s=30, rest_s=50,
                                                    sample_s=1.0)
    np.testing.assert_allclose(frame["pressure_mmhg"], course["pressure_mmhg"])


def test_pump_default_readout_is_within_stick_1992():
    text = _readout(PUMP_LAB)
    assert "94 mmHg" in text and "between 24 and 30 mmHg" in text and "within 18 steps" in text
    assert "within the 23.5–30.4 mmHg measured" in text and "teaching model" in text


def test_pump_standing_still_keeps_the_column():
    text = _readout(PUMP_LAB, cadence_spm=0)
    assert "stays at 94 mmHg the whole time" in text
    text = _readout(PUMP_LAB, calf_ejection_fraction=0)
    assert "a calf that pushes no blood out" in text and "stays at 94 mmHg" in text


def test_pump_leaky_valves_keep_the_pressure_high_and_say_why():
    text = _readout(PUMP_LAB, refill_time_s=3)
    assert "between 67 and 82 mmHg" in text and "above the 23.5–30.4 mmHg" in text
    assert "below the 8–57 s of normal legs" in text


@pytest.mark.parametrize("cadence, low, high", [(55, 38, 46), (110, 24, 30), (165, 18, 22)])
def test_pump_cadence_static_stops(cadence, low, high):
    assert f"between {low} and {high} mmHg" in _readout(PUMP_LAB, cadence_spm=cadence)


def test_pump_the_saw_tooth_drops_at_each_contraction():
    frame = PUMP_LAB.evaluate()
    steps = np.diff(frame["pressure_mmhg"].to_numpy())
    # 30 s at 110 steps/min: one calf contracts 27 times; each is a drop of more than 3 mmHg.
    assert (steps < -3).sum() == 27


# --- Lab C: compartment pressures --------------------------------------------------------------

@pytest.mark.parametrize("changes, verdict", [
    ({}, "negative by Pedowitz 1990"),
    ({"post1_mmhg": 35}, "positive by Pedowitz 1990"),
    ({"pre_mmhg": 15}, "positive by Pedowitz 1990"),
    ({"post5_mmhg": 20}, "positive by Pedowitz 1990"),
    ({"post5_mmhg": 15, "post1_mmhg": 25, "pre_mmhg": 5}, "negative by Pedowitz 1990"),
])
def test_compartment_verdicts(changes, verdict):
    assert verdict in _readout(COMPARTMENT_LAB, **changes)


def test_compartment_model_marks_the_criteria_met():
    frame = COMPARTMENT_LAB.evaluate(pre_mmhg=20, post1_mmhg=25, post5_mmhg=25)
    assert frame["meets"].tolist() == [1.0, 0.0, 1.0]
    assert frame["cutoff_mmhg"].tolist() == [15.0, 30.0, 20.0]


def test_compartment_negative_but_above_healthy_medians_names_lindorsson():
    text = _readout(COMPARTMENT_LAB)
    assert "above the medians of people without the syndrome (12–18 mmHg)" in text


def test_compartment_positive_mentions_healthy_runners_who_pass_it():
    text = _readout(COMPARTMENT_LAB, post1_mmhg=35)
    assert "11 of 30 collegiate runners" in text
    assert "lateral (40) and anterior (47) compartments" in text  # a list joined with "and"
    assert "35 mmHg is below the median of Lindorsson 2021's patients" in text


def test_compartment_always_points_pain_to_a_clinician():
    for changes in ({}, {"post1_mmhg": 45}, {"pre_mmhg": 5, "post1_mmhg": 15, "post5_mmhg": 5}):
        assert "belongs with a clinician" in _readout(COMPARTMENT_LAB, **changes)


# --- Lab D: ankle–brachial index --------------------------------------------------------------

@pytest.mark.parametrize("ankle, arm, index, category", [
    (120, 125, "0.96", "borderline"),
    (100, 125, "0.80", "abnormal"),
    (140, 125, "1.12", "normal"),
    (200, 125, "1.60", "non-compressible"),
    (120, 100, "1.20", "normal"),
    (120, 150, "0.80", "abnormal"),
])
def test_abi_static_stops(ankle, arm, index, category):
    text = _readout(ABI_LAB, ankle_mmhg=ankle, arm_mmhg=arm)
    assert f"an index of {index}: {category} (" in text
    assert "belong with a clinician" in text


def test_abi_normal_mentions_the_exercise_test_and_its_limit():
    text = _readout(ABI_LAB, ankle_mmhg=140)
    assert "after exercise" in text and "Kyte 2023" in text


def test_abi_model_is_the_index_function():
    frame = ABI_LAB.evaluate(ankle_mmhg=110, arm_mmhg=130)
    row = frame[frame["chosen"] == 1].iloc[0]
    assert row["abi"] == pytest.approx(circulation.ankle_brachial_index(110, 104, 128, 130))


def test_every_readout_uses_true_minus_signs():
    for lab in (OXYGEN_LAB, PUMP_LAB, COMPARTMENT_LAB, ABI_LAB):
        assert not re.search(r"(?<![\w-])-\d", _readout(lab))
