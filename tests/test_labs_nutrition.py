"""Chapter 4's own labs: the readouts answer the chapter's lab questions.

Each question in notebooks/04_nutrition.ipynb must be answerable from the
readout (not by reading a curve by eye); these tests pin the answers the
instructor guide's key gives, at the static page's stops and, where marked,
with the live sliders. The generic checks (every control changes the chart,
live and static; page size; theme colours) are in tests/test_labs.py.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from heavylegs import metabolism, nutrition
from heavylegs.labs import lab as lab_by_key
from heavylegs.labs.nutrition import (
    DRINKING_LAB,
    MASS_CHANGE_DOMAIN_PCT,
    OXYGEN_LAB,
    REFUEL_HOURS_DRAWN,
    REFUEL_LAB,
    SODIUM_DOMAIN_MMOL_L,
    drinking_plan_lab,
    iron_and_oxygen_lab,
    refuelling_lab,
)


def _readout(lab, **changes) -> str:
    return lab.describe(lab.evaluate(**changes), lab.values(**changes))


def test_the_three_labs_are_registered_under_their_keys():
    assert lab_by_key("nutrition-drinking") is DRINKING_LAB
    assert lab_by_key("nutrition-refuel") is REFUEL_LAB
    assert lab_by_key("nutrition-oxygen") is OXYGEN_LAB
    for live, lab in ((drinking_plan_lab, DRINKING_LAB), (refuelling_lab, REFUEL_LAB),
                      (iron_and_oxygen_lab, OXYGEN_LAB)):
        assert live().lab is lab


# --- Lab A: the drinking plan -------------------------------------------------------------

def test_drinking_model_is_the_serum_sodium_course_of_nutrition_with_urine_as_a_rate():
    frame = DRINKING_LAB.evaluate()
    urine_l = 0.07 * 4.5  # the default urine rate (L/h) over the default race
    course = nutrition.serum_sodium_course(70, 4.5, 0.8, 40, 1.2, 0.0, urine_l, 140, step_h=0.5)
    assert list(frame.columns) == ["hours", "body_mass_change_pct", "serum_sodium_mmol_l"]
    assert frame["hours"].tolist() == pytest.approx(np.arange(0, 4.51, 0.5))
    # Rows rounded to 2 decimals, as the static grid stores them.
    assert frame["serum_sodium_mmol_l"].to_numpy() == pytest.approx(course["serum_sodium_mmol_l"].to_numpy(), abs=0.005)
    assert frame["serum_sodium_mmol_l"].iloc[-1] == pytest.approx(
        nutrition.serum_sodium_mmol_l(70, 4.5, 0.8, 40, 1.2, 0.0, urine_l, 140), abs=0.005)
    assert frame["body_mass_change_pct"].iloc[-1] == pytest.approx((5.4 - 3.6 - urine_l) / 70 * 100, abs=0.005)


def test_drinking_crossing_time_does_not_depend_on_the_race_length():
    """Urine as a rate: the same rates give the same course, however long the race (a total for the
    race, spread over it, made a shorter race pass urine faster and cross later)."""
    courses = [DRINKING_LAB.evaluate(race_hours=h) for h in (3.0, 4.5, 6.0)]
    for course in courses[1:]:
        common = course["hours"] <= 3.0
        assert course.loc[common, "serum_sodium_mmol_l"].tolist() == courses[0]["serum_sodium_mmol_l"].tolist()
    for hours in (3.0, 4.5, 6.0):
        assert "hyponatraemia, after 2 h 45 min." in _readout(DRINKING_LAB, race_hours=hours)


def test_drinking_unchanged_body_mass_says_so_without_zero_advice_or_negative_zeros():
    changes = {"race_hours": 1.5, "sweat_rate_l_per_h": 0.4, "drink_rate_l_per_h": 0.5, "urine_l_per_h": 0.1}
    text = _readout(DRINKING_LAB, **changes)
    assert "At the finish: body mass unchanged, from 0.8 L drunk, 0.6 L sweated and 0.2 L of urine" in text
    assert "Body mass stays unchanged" in text
    assert "To replace" not in text and "0.00" not in text and "largest loss" not in text
    rows = DRINKING_LAB.evaluate(**changes)
    assert rows["body_mass_change_pct"].tolist() == [0.0] * 4
    assert not any(math.copysign(1.0, v) < 0 for v in rows["body_mass_change_pct"]), "a negative zero"


def test_drinking_chart_aligns_both_danger_lines_at_the_same_height():
    """One drawn line marks −2 % of body mass (left axis) and 135 mmol/L (right axis)."""
    def height(value, domain):
        return (value - domain[0]) / (domain[1] - domain[0])

    assert height(-nutrition.ACSM_2007_MAX_MASS_LOSS_PCT, MASS_CHANGE_DOMAIN_PCT) == pytest.approx(
        height(nutrition.HYDRATION_THRESHOLDS[1].value, SODIUM_DOMAIN_MMOL_L))


@pytest.mark.parametrize(
    ("changes", "finish"),
    [  # The three worked examples of the science reference (§4.2): 70 kg, 4.5 h, 0.8 L/h at 40 mmol/L, 0.3 L urine.
        ({}, "body mass +1.5 kg (+2.1 %), from 5.4 L drunk, 3.6 L sweated and 0.3 L of urine; serum sodium 131.9 mmol/L"),
        ({"drink_rate_l_per_h": 0.6},
         "body mass −1.2 kg (−1.7 %), from 2.7 L drunk, 3.6 L sweated and 0.3 L of urine; serum sodium 140.6"),
        ({"drink_sodium_mmol_l": 18},
         "body mass +1.5 kg (+2.1 %), from 5.4 L drunk, 3.6 L sweated and 0.3 L of urine; serum sodium 134.1"),
    ],
)
def test_drinking_question_1_worked_examples_at_the_finish(changes, finish):
    assert f"At the finish: {finish}" in _readout(DRINKING_LAB, **changes)


def test_drinking_question_1_default_over_drinker_and_who_is_at_risk():
    text = _readout(DRINKING_LAB)
    assert text.startswith("Line chart of body-mass change (% of starting mass) and serum sodium (mmol/L, the "
                           "chapter's teaching model) against hours of the race")
    assert "drinking 1.2 L/h of water (150 % of the sweat), passing 0.07 L/h of urine (0.3 L)" in text
    assert "Sodium falls to 135 mmol/L, hyponatraemia, after 2 h 45 min." in text
    assert "No body mass is lost at any time: the runner gains weight." in text
    assert "over-drinker's risk" in text and "slow runners" in text
    # Honest about what the teaching model leaves out, and no promise that thirst prevents it.
    assert "The model has no antidiuretic hormone (ADH) or kidney regulation" in text
    assert "Drinking to thirst makes it much less likely (Hew-Butler et al. 2015)." in text
    assert "avoids it" not in text


def test_drinking_question_2_three_quarters_of_the_sweat_reaches_neither_zone():
    text = _readout(DRINKING_LAB, drink_rate_l_per_h=0.6)
    assert "Body-mass loss stays within 2 % (largest loss 1.7 %)" in text
    assert "To replace the loss afterwards: 1.52–1.82 L, 1.25–1.5 L per kg lost" in text
    assert "Sodium stays above 135 mmol/L" in text and "Neither danger zone is reached." in text


@pytest.mark.parametrize(
    ("hours", "sodium", "when"),
    [(1.5, "137.2", None), (3.0, "134.5", "2 h 45 min"), (4.5, "131.9", "2 h 45 min"), (6.0, "129.3", "2 h 45 min")],
)
def test_drinking_question_3_race_duration_static_stops(hours, sodium, when):
    """Over-drinking (1.2 L/h against 0.8 L/h sweat) is a slow runner's danger: a 1.5 h race never gets there."""
    text = _readout(DRINKING_LAB, race_hours=hours)
    assert f"serum sodium {sodium} mmol/L." in text
    if when is None:
        assert "Sodium stays above 135 mmol/L" in text and "Neither danger zone is reached." in text
    else:
        assert f"hyponatraemia, after {when}." in text


def test_drinking_question_4_a_sports_drink_delays_hyponatraemia():
    assert "hyponatraemia, after 3 h 50 min" in _readout(DRINKING_LAB, drink_sodium_mmol_l=18)
    text = _readout(DRINKING_LAB, drink_sodium_mmol_l=36)
    assert "serum sodium 136.4 mmol/L" in text and "Neither danger zone is reached." in text
    # At 6 h: 18 mmol/L crosses at the same time as at 4.5 h; 36 mmol/L stays just above 135 in the model.
    text = _readout(DRINKING_LAB, drink_sodium_mmol_l=18, race_hours=6)
    assert "serum sodium 132.3 mmol/L" in text and "hyponatraemia, after 3 h 50 min" in text
    text = _readout(DRINKING_LAB, drink_sodium_mmol_l=36, race_hours=6)
    assert "serum sodium 135.2 mmol/L" in text and "Neither danger zone is reached." in text


@pytest.mark.parametrize(
    ("changes", "finish", "when"),
    [({"sweat_rate_l_per_h": 1.6}, "−2.1 kg (−3.0 %)", "2 h 59 min"),
     ({"sweat_rate_l_per_h": 1.6, "drink_rate_l_per_h": 0.3}, "−6.2 kg (−8.8 %)", "1 h 02 min"),
     ({"race_hours": 3.0, "sweat_rate_l_per_h": 1.6, "drink_rate_l_per_h": 0.3}, "−4.1 kg (−5.9 %)", "1 h 02 min")],
)
def test_drinking_question_5_heavy_sweaters_drinking_little_cross_the_2_percent_line(changes, finish, when):
    text = _readout(DRINKING_LAB, **changes)
    assert f"body mass {finish}" in text and f"Body-mass loss passes 2 % after {when}: the dehydration zone." in text
    assert "under-drinker's risk" in text and "fast runners in the heat" in text
    assert "Sodium stays above 135 mmol/L" in text  # dehydration concentrates sodium instead


def test_drinking_question_6_matching_sweat_with_water_still_lowers_sodium():
    text = _readout(DRINKING_LAB, sweat_rate_l_per_h=1.2)
    assert "serum sodium 135.9 mmol/L" in text and "Neither danger zone is reached." in text


def test_drinking_question_7_a_huge_over_drinker_ends_just_above_critical():
    text = _readout(DRINKING_LAB, race_hours=6, sweat_rate_l_per_h=0.4, drink_rate_l_per_h=1.5)
    assert "body mass +6.2 kg (+8.8 %)" in text and "serum sodium 120.0 mmol/L" in text
    assert "hyponatraemia, after 1 h 22 min, and to 120.05 mmol/L by the finish: just above the 120 mmol/L line" in text
    assert "critical hyponatraemia, after" not in text
    assert "Off the chart: the body-mass curve above +4 % after 2 h 44 min." in text
    # Half an hour more and it is critical.
    assert "critical hyponatraemia, after" in _readout(DRINKING_LAB, race_hours=6.5, sweat_rate_l_per_h=0.4,
                                                        drink_rate_l_per_h=1.5)


@pytest.mark.parametrize("changes", [
    {"race_hours": 6, "sweat_rate_l_per_h": 1.6, "drink_rate_l_per_h": 1.5},  # static stops
    {"sweat_sodium_mmol_l": 100, "drink_rate_l_per_h": 0.8},  # live: salty sweat
])
def test_drinking_sodium_falling_without_weight_gain_is_put_in_proportion(changes):
    text = _readout(DRINKING_LAB, **changes)
    assert "hyponatraemia, after" in text and "Sodium falls although no weight is gained" in text
    assert "only in very long events with salty sweat; over-drinking is the main cause" in text
    assert "ignores the body's sodium stores" in text


def test_drinking_curves_leaving_the_chart_are_said_so():
    text = _readout(DRINKING_LAB, race_hours=6, sweat_rate_l_per_h=1.6, drink_rate_l_per_h=0.3)
    assert "serum sodium 162.7 mmol/L" in text
    assert ("Off the chart: the body-mass curve below −8 % after 4 h 06 min and the sodium curve above "
            "150 mmol/L after 2 h 59 min.") in text
    assert "Off the chart" not in _readout(DRINKING_LAB)


def test_drinking_losses_above_5_percent_are_a_medical_concern():
    text = _readout(DRINKING_LAB, sweat_rate_l_per_h=1.6, drink_rate_l_per_h=0.3)
    assert "To replace the loss afterwards: 7.71–9.25 L over several hours, with salty food" in text
    assert "more than 5 % of body mass is a medical concern, above all in the heat" in text
    assert "medical concern" not in _readout(DRINKING_LAB, sweat_rate_l_per_h=1.6)


def test_drinking_caption_says_the_model_has_no_adh():
    assert "antidiuretic hormone (ADH)" in DRINKING_LAB.caption
    assert "every over-drinker here becomes hyponatraemic" in DRINKING_LAB.caption


def test_drinking_live_extremes_are_flagged_not_reported_as_physiology():
    text = _readout(DRINKING_LAB, race_hours=12, sweat_rate_l_per_h=2.5, drink_rate_l_per_h=0)
    assert "drinking nothing" in text and "beyond any race" in text and "To replace" not in text


def test_drinking_bad_values_are_refused_with_name_unit_and_range():
    with pytest.raises(ValueError, match=r"race_hours.*0\.5 and 12 h"):
        DRINKING_LAB.evaluate(race_hours=13)
    with pytest.raises(ValueError, match=r"drink_rate_l_per_h.*L/h"):
        DRINKING_LAB.evaluate(drink_rate_l_per_h=-0.1)
    widget = DRINKING_LAB.live()
    widget.update(sweat_sodium_mmol_l=500)
    assert "Cannot compute this case" in widget.readout.value and "mmol/L" in widget.readout.value


# --- Lab B: refuelling ----------------------------------------------------------------------

def test_refuel_model_matches_chapter_1_budget_and_the_resynthesis_rate():
    frame = REFUEL_LAB.evaluate()
    muscle_kg = 0.21 * 70
    full_g = muscle_kg * 20
    store_kcal = metabolism.glycogen_store_kcal(70)
    speed = metabolism.running_speed_km_h(0.75, 50)
    left_kcal = metabolism.glycogen_remaining_kcal(speed * 2.5, carbohydrate_intake_g_per_h=60)
    end_g = left_kcal / store_kcal * full_g  # the legs' share of what chapter 1's budget has left
    at_finish = frame.loc[np.isclose(frame["hours"], 2.5), "legs_glycogen_g"].item()
    assert frame["legs_glycogen_g"].iloc[0] == pytest.approx(full_g) == pytest.approx(294)
    assert at_finish == pytest.approx(end_g)
    refill_h = nutrition.glycogen_refill_hours(full_g - end_g, muscle_kg, 8)
    refilled = frame.loc[frame["refilled"] == 1, "hours"].item()
    assert refilled == pytest.approx(2.5 + refill_h)
    three_h_later = frame.loc[np.isclose(frame["hours"], 5.5), "legs_glycogen_g"].item()
    assert three_h_later == pytest.approx(end_g + 3 * nutrition.glycogen_resynthesis_g_per_h(muscle_kg, 8))
    assert frame["legs_glycogen_g"].iloc[-1] == pytest.approx(full_g) and frame["hours"].iloc[-1] == REFUEL_HOURS_DRAWN
    assert frame.loc[frame["running"] == 1, "hours"].max() == 2.5


def test_refuel_question_1_default_run():
    text = _readout(REFUEL_LAB)
    assert "legs 14.7 kg of muscle holding 294 g of glycogen" in text
    assert "running 2 h 30 min at 75 % of VO2max (10.2 km/h, 5:53 min/km, 25.5 km), eating 60 g/h" in text
    assert "Jeukendrup (2014) advises up to about 60 g/h" in text
    assert ("The run burns 107 g of carbohydrate an hour, 60 g/h of it eaten: the legs' glycogen falls by 35 g an "
            "hour and the liver's by 12 g.") in text
    assert "The legs finish with 206 g, 88 g (30 %) short." in text
    assert "Refilling at 19.1 g/h takes 4.6 h, 7.1 h after the start (an optimistic lower bound" in text
    assert "280–336 g (Wallis & Podlogar 2022)" in text


@pytest.mark.parametrize(
    ("eaten", "short", "refill"),
    [(0, "94 g, 200 g (68 %) short", "10.5 h, 13.0 h after"), (30, "150 g, 144 g (49 %) short", "7.6 h, 10.1 h after"),
     (60, "206 g, 88 g (30 %) short", "4.6 h, 7.1 h after"), (90, "262 g, 32 g (11 %) short", "1.7 h, 4.2 h after")],
)
def test_refuel_question_2_carbohydrate_during_the_run_static_stops(eaten, short, refill):
    text = _readout(REFUEL_LAB, carbohydrate_g_per_h=eaten)
    assert f"The legs finish with {short}." in text and f"takes {refill} the start" in text


@pytest.mark.parametrize(
    ("hours", "band", "short", "refill"),
    [(1.5, "up to 30 g/h; 60 g/h is more than that", "53 g (18 %)", "2.8 h"),
     (2.5, "up to about 60 g/h", "88 g (30 %)", "4.6 h"),
     (3.5, "up to about 90 g/h of multiple transportable carbohydrates", "123 g (42 %)", "6.5 h"),
     (4.5, "up to about 90 g/h of multiple transportable carbohydrates", "158 g (54 %)", "8.3 h")],
)
def test_refuel_question_3_run_duration_static_stops_and_the_advice_band(hours, band, short, refill):
    text = _readout(REFUEL_LAB, run_hours=hours)
    assert f"advises {band}" in text and f"{short} short" in text and f"takes {refill}" in text


def test_refuel_question_4_the_wall_without_food_is_chapter_1s_wall():
    text = _readout(REFUEL_LAB, run_hours=4.5, carbohydrate_g_per_h=0)
    wall_km = metabolism.distance_to_wall_km()
    assert wall_km == pytest.approx(37.5, abs=0.05) and f"({wall_km:.1f} km)" in text
    assert "The stores run out after 3 h 41 min (37.5 km): the wall" in text
    assert "none of it eaten: the legs' glycogen falls by 80 g an hour until the wall and the liver's by 27 g" in text
    assert ("The model's leg store is empty at the finish, 294 g (100 %) short. Refilling at 19.1 g/h takes 15.4 h, "
            "19.9 h after") in text
    assert "finish with 0 g" not in text
    assert "run out" not in _readout(REFUEL_LAB, run_hours=4.5, carbohydrate_g_per_h=90)


@pytest.mark.parametrize(("rate", "refill"), [(2, "4.8 g/h takes 18.5 h"), (4, "9.5 g/h takes 9.2 h"),
                                              (6, "14.3 g/h takes 6.2 h"), (8, "19.1 g/h takes 4.6 h")])
def test_refuel_question_5_refill_rate_static_stops(rate, refill):
    assert f"Refilling at {refill}" in _readout(REFUEL_LAB, resynthesis_mmol_per_kg_per_h=rate)


@pytest.mark.parametrize(("eaten", "legs", "liver"), [(0, 80, 27), (30, 58, 20), (60, 35, 12), (90, 13, 4)])
def test_refuel_question_1_the_legs_own_fall_per_hour(eaten, legs, liver):
    """Whole-body burn = eaten + the legs' fall + the liver's fall (107 g/h at the default pace)."""
    text = _readout(REFUEL_LAB, carbohydrate_g_per_h=eaten)
    assert f"the legs' glycogen falls by {legs} g an hour and the liver's by {liver} g." in text
    assert eaten + legs + liver == pytest.approx(107, abs=1)


def test_refuel_caption_names_its_assumptions_and_optimistic_refill():
    caption = REFUEL_LAB.caption
    assert "overstates the saving to the legs" in caption and "spares liver glycogen" in caption
    assert "optimistic lower bounds" in caption


def test_refuel_chart_has_no_layer_that_can_be_empty_on_the_glycogen_scale():
    """A layer filtered down to no rows gives the shared y scale an infinite extent: Vega warns
    'Infinite extent for field "legs_glycogen_g"' in the console on every load."""
    spec = REFUEL_LAB.static_chart().to_dict()
    always_there = {"datum.hours == 0"}  # the first row
    for layer in spec["layer"]:
        if layer.get("encoding", {}).get("y", {}).get("field") != "legs_glycogen_g":
            continue
        filters = {t["filter"] for t in layer.get("transform", []) if "filter" in t}
        assert filters <= always_there, f"a {layer['mark']} layer on legs_glycogen_g is filtered by {filters}"


def test_refuel_refill_beyond_the_chart_is_said_so():
    text = _readout(REFUEL_LAB, run_hours=4.5, carbohydrate_g_per_h=0, resynthesis_mmol_per_kg_per_h=2)
    assert "takes 61.7 h, beyond the 36 h drawn" in text
    assert REFUEL_LAB.evaluate(run_hours=4.5, carbohydrate_g_per_h=0, resynthesis_mmol_per_kg_per_h=2)["refilled"].sum() == 0


def test_refuel_live_easy_pace_loses_nothing_and_carbo_loading_avoids_the_wall():
    text = _readout(REFUEL_LAB, intensity=0.5)
    assert "6.5 km/h, 9:18 min/km" in text and "The legs finish full: there is nothing to refill." in text
    assert REFUEL_LAB.evaluate(intensity=0.5)["legs_glycogen_g"].to_numpy() == pytest.approx(294)
    loaded = _readout(REFUEL_LAB, muscle_glycogen_g_per_kg=36, run_hours=4.5, carbohydrate_g_per_h=0)
    assert "holding 529 g" in loaded and "run out" not in loaded and "takes 21.3 h" in loaded


def test_refuel_bad_values_are_refused():
    with pytest.raises(ValueError, match=r"carbohydrate_g_per_h.*0 and 90 g/h"):
        REFUEL_LAB.evaluate(carbohydrate_g_per_h=120)
    with pytest.raises(ValueError, match=r"resynthesis_mmol_per_kg_per_h.*mmol/kg/h"):
        REFUEL_LAB.evaluate(resynthesis_mmol_per_kg_per_h=0)


# --- Lab C: iron and oxygen -------------------------------------------------------------------

def test_oxygen_model_is_arterial_o2_content():
    frame = OXYGEN_LAB.evaluate(hb_g_dl=12.5, sao2=0.9)
    assert frame["cao2_ml_dl"].to_numpy() == pytest.approx(nutrition.arterial_o2_content(frame["hb_g_dl"].to_numpy(), 0.9, 100))
    assert frame.loc[frame["chosen"] == 1, "hb_g_dl"].item() == 12.5


@pytest.mark.parametrize(
    ("hb", "content", "compared", "anaemia"),
    [(15.0, "20.00", "the same as the healthy reference", "above both"),
     (13.5, "18.03", "10 % less", "above both"),
     (12.0, "16.06", "20 % less", "below the WHO cut-off for men (13 g/dL) but not for women"),
     (10.5, "14.09", "30 % less", "below both"),
     (16.5, "21.97", "10 % more", "above both")],
)
def test_oxygen_question_1_haemoglobin_static_stops(hb, content, compared, anaemia):
    text = _readout(OXYGEN_LAB, hb_g_dl=hb)
    per_litre = f"{float(content) * 10:.0f}"
    assert f"With haemoglobin {hb:g} g/dL the blood carries {content} mL O2/dL ({per_litre} mL per litre), {compared}" in text
    assert f"is {anaemia}" in text
    assert "only 0.30 mL/dL of it is dissolved" in text


@pytest.mark.parametrize(("sao2", "content", "less"), [(0.94, "19.19", "4 %"), (0.9, "18.39", "8 %"),
                                                        (0.86, "17.59", "12 %")])
def test_oxygen_question_2_saturation_static_stops(sao2, content, less):
    text = _readout(OXYGEN_LAB, sao2=sao2)
    assert f"carries {content} mL O2/dL (" in text and f"per litre), {less} less" in text


def test_oxygen_question_3_breathing_harder_adds_little_live():
    text = _readout(OXYGEN_LAB, pao2_mmhg=150)
    assert "carries 20.15 mL O2/dL (201 mL per litre), 1 % more" in text and "only 0.45 mL/dL of it is dissolved" in text
    # Breathing pure oxygen (PaO2 about 600 mmHg) is within the live slider's range.
    assert OXYGEN_LAB.control("pao2_mmhg").max == 600
    text = _readout(OXYGEN_LAB, pao2_mmhg=600)
    assert "carries 21.50 mL O2/dL (215 mL per litre), 8 % more" in text and "only 1.80 mL/dL of it is dissolved" in text
    assert "carries 21.90 mL O2/dL (219 mL per litre), 10 % more" in _readout(OXYGEN_LAB, pao2_mmhg=600, sao2=1.0)


def test_oxygen_chart_marks_the_chosen_point_in_the_alert_style_and_the_reference_saturation():
    spec = OXYGEN_LAB.static_chart().to_dict()
    chosen = [l for l in spec["layer"] if any(t.get("filter") == "datum.chosen == 1" for t in l.get("transform", []))]
    points = [l["mark"] for l in chosen if l["mark"]["type"] == "point"]
    assert points and all(m["style"] == "hl-alert" for m in points)
    assert any(not m.get("filled", True) for m in points), "an outline ring around the chosen point"
    reference = [l for l in spec["layer"] if l.get("encoding", {}).get("y", {}).get("field") == "reference_cao2_ml_dl"]
    assert reference and reference[0]["mark"]["style"] == "hl-zero"
    frame = OXYGEN_LAB.evaluate(sao2=0.86)
    assert frame["reference_cao2_ml_dl"].to_numpy() == pytest.approx(nutrition.arterial_o2_content(frame["hb_g_dl"].to_numpy(), 0.98, 100))


def test_oxygen_bad_saturation_is_refused():
    with pytest.raises(ValueError, match=r"sao2.*between 0\.7 and 1"):
        OXYGEN_LAB.evaluate(sao2=98)
    assert math.isclose(OXYGEN_LAB.control("sao2").default, 0.98)
