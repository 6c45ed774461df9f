"""Unit tests for heavylegs.nutrition.

Worked numbers and tolerances come from the course's science reference,
"Chapter 4 — Nutrition and hydration" (§4.1–4.5), copied here so that the
tests stand alone. The source of each number is given in the test name or a
comment next to it. Numbers marked "computed here" are not in the reference:
they were measured with this module and are kept so the docstrings stay true.
"""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pandas as pd
import pytest

from heavylegs import nutrition as nu

# ---------------------------------------------------------------------------
# §4.1 Sweat rate, body-mass loss, fluid before and after (ACSM 2007)
# ---------------------------------------------------------------------------


def test_science_ref_4_1_sweat_rate_70_to_68_6_kg():
    # 70.0 → 68.6 kg, drank 0.5 L, urine 0.1 L, 1.5 h: 1.20 L/h (±0.005)
    assert nu.sweat_rate_l_per_h(70.0, 68.6, 0.5, 0.1, 1.5) == pytest.approx(1.20, abs=0.005)


def test_science_ref_4_1_body_mass_loss_2_percent():
    # same runner: 2.00 % (±0.005), right at the ACSM 2007 threshold
    assert nu.body_mass_loss_pct(70.0, 68.6) == pytest.approx(2.00, abs=0.005)


def test_science_ref_4_1_post_exercise_drink_mccartney_2017():
    # 1.4 kg lost at 1.25–1.5 L/kg = 1.75–2.10 L (±0.005)
    low, high = nu.post_exercise_fluid_l(70.0, 68.6)
    assert low == pytest.approx(1.75, abs=0.005)
    assert high == pytest.approx(2.10, abs=0.005)


def test_science_ref_4_1_sweat_rate_60_kg_runner():
    # 60 kg runner, −0.5 kg, drank 1.0 L, no urine, 2 h: 0.75 L/h (±0.005)
    assert nu.sweat_rate_l_per_h(60.0, 59.5, 1.0, 0.0, 2.0) == pytest.approx(0.75, abs=0.005)


def test_science_ref_4_1_prehydration_70_kg_exact():
    # 5–7 mL/kg for 70 kg = 350–490 mL (exact; ⚠️ secondary summary of ACSM 2007)
    assert nu.prehydration_ml(70.0) == (350.0, 490.0)


def test_sweat_rate_is_the_mass_balance_per_hour():
    # (pre − post + fluid − urine) / hours, 1 kg = 1 L; computed here
    assert nu.sweat_rate_l_per_h(80, 78, 1.5, 0.5, 2) == pytest.approx(1.5, abs=1e-12)
    # an exact balance (gained what was drunk) is zero sweat, not an error
    assert nu.sweat_rate_l_per_h(70.0, 70.5, 0.5, 0.0, 1.0) == pytest.approx(0.0, abs=1e-9)


def test_mass_gain_is_a_negative_loss_and_needs_no_refill():
    # Weight gain (the over-drinker's sign) comes back as a negative loss.
    assert nu.body_mass_loss_pct(70.0, 71.5) == pytest.approx(-100 * 1.5 / 70, abs=1e-12)
    assert nu.post_exercise_fluid_l(70.0, 71.5) == (0.0, 0.0)


def test_fluid_functions_accept_arrays_and_return_floats_for_scalars():
    out = nu.sweat_rate_l_per_h([70, 60], [68.6, 59.5], [0.5, 1.0], [0.1, 0.0], [1.5, 2.0])
    assert isinstance(out, np.ndarray)
    assert out == pytest.approx([1.20, 0.75], abs=1e-9)
    assert type(nu.sweat_rate_l_per_h(70, 68.6, 0.5, 0.1, 1.5)) is float
    assert type(nu.body_mass_loss_pct(70, 68.6)) is float
    loss = nu.body_mass_loss_pct(70, np.array([70, 68.6, 71.4]))
    assert loss == pytest.approx([0.0, 2.0, -2.0], abs=1e-9)
    low, high = nu.prehydration_ml(np.array([50.0, 70.0]))
    assert low == pytest.approx([250, 350]) and high == pytest.approx([350, 490])
    low, high = nu.post_exercise_fluid_l(70, [68.6, 71.0])
    assert low == pytest.approx([1.75, 0.0]) and high == pytest.approx([2.10, 0.0])


def test_typical_sweat_data_baker_2016():
    # Baker et al. 2016 (n = 506): 1.21 ± 0.68 L/h; sweat Na 35.9 ± 10.4 mmol/L
    assert nu.BAKER_2016_SWEAT_RATE_L_PER_H == (1.21, 0.68)
    assert nu.BAKER_2016_SWEAT_SODIUM_MMOL_L == (35.9, 10.4)


# ---------------------------------------------------------------------------
# §4.2 Serum sodium: the teaching model (TBW = 0.6 × body mass)
# ---------------------------------------------------------------------------

# science ref §4.2 worked table (±0.1): 70 kg, 4.5 h, sweat 0.8 L/h at 40 mmol/L,
# urine 0.3 L; drink rate (L/h), drink Na (mmol/L) -> [Na]_end, body-water change (kg)
SODIUM_TABLE = [
    (1.2, 0.0, 131.9, +1.5),   # water: hyponatraemic
    (0.6, 0.0, 140.6, -1.2),
    (1.2, 18.0, 134.1, +1.5),  # sports drink with 18 mmol/L Na (Almond 2005 discussion)
]
RACE = dict(body_mass_kg=70.0, hours=4.5, sweat_rate_l_per_h=0.8, sweat_sodium_mmol_l=40.0,
            urine_l=0.3)


@pytest.mark.parametrize("drink_rate, drink_na, sodium_end, water_change", SODIUM_TABLE)
def test_science_ref_4_2_serum_sodium_worked_table(drink_rate, drink_na, sodium_end, water_change):
    end = nu.serum_sodium_mmol_l(**RACE, drink_rate_l_per_h=drink_rate, drink_sodium_mmol_l=drink_na)
    assert end == pytest.approx(sodium_end, abs=0.1)
    course = nu.serum_sodium_course(**RACE, drink_rate_l_per_h=drink_rate,
                                    drink_sodium_mmol_l=drink_na)
    assert course["body_mass_change_kg"].iloc[-1] == pytest.approx(water_change, abs=0.1)
    assert course["serum_sodium_mmol_l"].iloc[-1] == pytest.approx(sodium_end, abs=0.1)


def test_serum_sodium_positional_call_matches_the_issue_signature():
    # serum_sodium_mmol_l(body_mass_kg, hours, sweat_rate_l_per_h, sweat_sodium_mmol_l,
    #                     drink_rate_l_per_h, drink_sodium_mmol_l=0.0, urine_l=0.0,
    #                     start_sodium_mmol_l=140.0)
    assert nu.serum_sodium_mmol_l(70, 4.5, 0.8, 40, 1.2, 0.0, 0.3, 140.0) == pytest.approx(131.86, abs=0.01)
    # 5736 mmol / 43.5 L exactly; computed here
    assert nu.serum_sodium_mmol_l(70, 4.5, 0.8, 40, 1.2, urine_l=0.3) == pytest.approx(5736 / 43.5, rel=1e-12)


def test_almond_2005_direction_weight_gain_goes_with_hyponatraemia():
    # Almond et al. 2005: weight gain (OR 4.2) went with serum Na <= 135 mmol/L.
    hyponatraemia = nu.HYDRATION_THRESHOLDS[1]
    assert (hyponatraemia.marker, hyponatraemia.comparison, hyponatraemia.value) == ("serum sodium", "<=", 135.0)
    for drink_rate, drink_na, _, _ in SODIUM_TABLE:
        course = nu.serum_sodium_course(**RACE, drink_rate_l_per_h=drink_rate,
                                        drink_sodium_mmol_l=drink_na)
        gained = course["body_mass_change_kg"].iloc[-1] > 0
        assert hyponatraemia.flags(course["serum_sodium_mmol_l"].iloc[-1]) == gained
    assert nu.ALMOND_2005_HYPONATRAEMIA_SHARE == 0.13
    assert nu.ALMOND_2005_CRITICAL_HYPONATRAEMIA_SHARE == 0.006


def test_no_race_leaves_sodium_where_it_started():
    assert nu.serum_sodium_mmol_l(70, 0.0, 1.0, 40, 1.0) == pytest.approx(140.0, abs=1e-12)
    assert nu.serum_sodium_mmol_l(70, 3.0, 0.0, 40, 0.0, start_sodium_mmol_l=137) == pytest.approx(137.0)


def test_drinking_what_is_sweated_at_sweat_sodium_keeps_sodium_constant():
    # replace sweat exactly with a drink of the same sodium, no urine: nothing changes
    assert nu.serum_sodium_mmol_l(70, 4, 1.0, 40, 1.0, 40) == pytest.approx(140.0, abs=1e-9)


def test_serum_sodium_accepts_arrays():
    out = nu.serum_sodium_mmol_l(70, 4.5, 0.8, 40, [1.2, 0.6], [0, 0], 0.3)
    assert isinstance(out, np.ndarray) and out.shape == (2,)
    assert out == pytest.approx([131.9, 140.6], abs=0.1)
    assert type(nu.serum_sodium_mmol_l(70, 4.5, 0.8, 40, 1.2)) is float


def test_total_body_water_is_60_percent_of_body_mass():
    assert nu.total_body_water_l(70) == pytest.approx(42.0)
    assert nu.total_body_water_l([50, 100]) == pytest.approx([30.0, 60.0])


def test_serum_sodium_course_columns_grid_and_end_value():
    course = nu.serum_sodium_course(**RACE, drink_rate_l_per_h=1.2)
    assert isinstance(course, pd.DataFrame)
    assert list(course.columns) == ["hours", "drunk_l", "sweat_l", "urine_l", "body_mass_change_kg",
                                    "body_mass_change_pct", "serum_sodium_mmol_l"]
    assert course["hours"].iloc[0] == 0.0 and course["hours"].iloc[-1] == 4.5
    assert len(course) == 46  # 0.1 h steps; computed here
    assert np.all(np.diff(course["hours"]) > 0)
    first = course.iloc[0]
    assert first["serum_sodium_mmol_l"] == pytest.approx(140.0)
    assert first["body_mass_change_kg"] == 0.0
    last = course.iloc[-1]
    assert last["drunk_l"] == pytest.approx(5.4) and last["sweat_l"] == pytest.approx(3.6)
    assert last["urine_l"] == pytest.approx(0.3)
    assert last["body_mass_change_pct"] == pytest.approx(1.5 / 70 * 100)
    # the end value is exactly serum_sodium_mmol_l's
    assert last["serum_sodium_mmol_l"] == nu.serum_sodium_mmol_l(**RACE, drink_rate_l_per_h=1.2)


@pytest.mark.parametrize("hours, step, rows", [(4.5, 0.25, 19), (1.05, 0.1, 12), (0.0, 0.1, 1), (2.0, 1.0, 3)])
def test_serum_sodium_course_always_ends_at_hours(hours, step, rows):
    course = nu.serum_sodium_course(70, hours, 0.8, 40, 1.0, urine_l=0.2, step_h=step)
    assert len(course) == rows
    assert course["hours"].iloc[-1] == hours
    assert course["serum_sodium_mmol_l"].iloc[-1] == nu.serum_sodium_mmol_l(70, hours, 0.8, 40, 1.0,
                                                                             urine_l=0.2)


def test_dehydration_zone_in_the_course():
    # Drinking nothing while sweating 1.2 L/h for 2 h: 2.4 kg lost = −3.43 % (beyond ACSM's 2 %);
    # computed here. Sodium rises (sweat is saltless compared with blood).
    course = nu.serum_sodium_course(70, 2.0, 1.2, 40, 0.0)
    assert course["body_mass_change_pct"].iloc[-1] == pytest.approx(-2.4 / 70 * 100)
    dehydration = nu.HYDRATION_THRESHOLDS[0]
    assert dehydration.flags(-course["body_mass_change_pct"].iloc[-1])
    assert course["serum_sodium_mmol_l"].iloc[-1] > 140.0


# ---------------------------------------------------------------------------
# §4.3 Carbohydrate during and after exercise; glycogen resynthesis
# ---------------------------------------------------------------------------

# science ref §4.3 worked table (category): duration -> advice (Jeukendrup 2014)
CARBOHYDRATE_TABLE = [
    (0.5, 0.0, "none"),
    (1.0, None, "mouth rinse or small amounts"),
    (1.5, 30.0, "up to 30 g/h"),
    (2.5, 60.0, "up to about 60 g/h"),
    (3.5, 90.0, "multiple transportable carbohydrates"),
]


@pytest.mark.parametrize("duration, max_g_per_h, words", CARBOHYDRATE_TABLE)
def test_science_ref_4_3_carbohydrate_during_exercise_jeukendrup_2014(duration, max_g_per_h, words):
    band = nu.carbohydrate_during_exercise(duration)
    assert band.max_g_per_h == max_g_per_h
    assert words in band.advice
    assert band.above_h < duration <= band.up_to_h
    assert "Jeukendrup" in band.source


def test_carbohydrate_bands_cover_every_duration_once_in_order():
    bands = nu.CARBOHYDRATE_DURING_EXERCISE
    assert bands[0].above_h == 0.0 and bands[-1].up_to_h == math.inf
    for before, after in zip(bands, bands[1:]):
        assert before.up_to_h == after.above_h
    # upper intakes never fall as the run gets longer (None = "small amounts" sits between 0 and 30)
    ceilings = [b.max_g_per_h if b.max_g_per_h is not None else 1.0 for b in bands]
    assert ceilings == sorted(ceilings)
    assert nu.carbohydrate_during_exercise(0.0) is bands[0]
    assert nu.carbohydrate_during_exercise(2.50001).max_g_per_h == 90.0
    assert nu.carbohydrate_during_exercise(48).max_g_per_h == 90.0


def test_carbohydrate_bands_say_how_well_they_are_sourced():
    # ⚠️ in the science reference: "1–2 h: up to 30 g/h" is the commonly reproduced figure
    by_ceiling = {b.max_g_per_h: b for b in nu.CARBOHYDRATE_DURING_EXERCISE}
    assert by_ceiling[30.0].evidence == nu.SECONDARY
    assert by_ceiling[60.0].evidence == nu.PRIMARY
    assert by_ceiling[90.0].evidence == nu.PRIMARY
    assert "GSSI" in by_ceiling[90.0].source


def test_science_ref_4_3_recovery_carbohydrate_70_kg_4_h_exact():
    # Wallis & Podlogar 2022: 1.0–1.2 g/kg/h for the first 4 h -> 280–336 g (exact)
    low, high = nu.recovery_carbohydrate_g(70.0, 4.0)
    assert low == pytest.approx(280.0, rel=1e-12)
    assert high == pytest.approx(336.0, rel=1e-12)


def test_recovery_carbohydrate_arrays_and_zero_hours():
    low, high = nu.recovery_carbohydrate_g([60, 70], [1, 4])
    assert low == pytest.approx([60, 280]) and high == pytest.approx([72, 336])
    assert nu.recovery_carbohydrate_g(70, 0) == (0.0, 0.0)


def test_science_ref_4_3_glycogen_resynthesis_8_mmol_in_20_kg():
    # 8 mmol/kg/h in 20 kg of muscle at 162 mg per glucosyl mmol ≈ 25.9 g/h (±0.1)
    assert nu.glycogen_resynthesis_g_per_h(20.0, 8.0) == pytest.approx(25.9, abs=0.1)
    assert nu.glycogen_resynthesis_g_per_h(20.0) == pytest.approx(25.92, abs=1e-9)
    # Flynn et al. 2020 measured group means of 7.9 and 8.2 mmol/kg/h; the default lies between them
    low, high = nu.FLYNN_2020_RESYNTHESIS_MMOL_PER_KG_PER_H
    assert low <= nu.DEFAULT_RESYNTHESIS_MMOL_PER_KG_PER_H <= high


def test_glycogen_refill_hours_is_deficit_over_rate():
    # 300 g into 20 kg at 8 mmol/kg/h: 300 / 25.92 = 11.57 h; computed here
    assert nu.glycogen_refill_hours(300, 20) == pytest.approx(300 / 25.92, rel=1e-12)
    assert nu.glycogen_refill_hours(0, 20) == 0.0
    out = nu.glycogen_refill_hours([100, 200], 20, [8, 4])
    assert out == pytest.approx([100 / 25.92, 400 / 25.92])


# ---------------------------------------------------------------------------
# §4.4 Oxygen content, anaemia and ferritin
# ---------------------------------------------------------------------------

# science ref §4.4 worked table (±0.01): Hb g/dL, SaO2, PaO2 mmHg, dissolved constant -> CaO2
O2_TABLE = [
    (15, 0.98, 100, 0.003, 20.00),   # e-safe-anaesthesia: 150 g/L, 98 %, 13 kPa ≈ 200 mL/L
    (12, 0.98, 100, 0.003, 16.06),   # 20 % less haemoglobin
    (14, 0.95, 120, 0.0031, 18.19),  # respcalc worked example, 18.19 vol %
    (17, 0.90, 100, 0.0031, 20.81),  # respcalc quiz, answer B
]


@pytest.mark.parametrize("hb, sao2, pao2, dissolved, expected", O2_TABLE)
def test_science_ref_4_4_arterial_o2_content(hb, sao2, pao2, dissolved, expected):
    got = nu.arterial_o2_content(hb, sao2, pao2, dissolved_o2_ml_per_dl_per_mmhg=dissolved)
    assert got == pytest.approx(expected, abs=0.01)


def test_o2_content_defaults_and_arrays():
    assert nu.arterial_o2_content(15, 0.98, 100) == pytest.approx(1.34 * 15 * 0.98 + 0.3, rel=1e-12)
    out = nu.arterial_o2_content([15, 12], 0.98, 100)
    assert isinstance(out, np.ndarray)
    assert out == pytest.approx([20.00, 16.06], abs=0.01)
    # 20 % less haemoglobin carries almost 20 % less oxygen (the dissolved part is tiny)
    assert 1 - out[1] / out[0] == pytest.approx(0.197, abs=0.001)
    # a higher binding constant within the published 1.34–1.39 gives more
    assert nu.arterial_o2_content(15, 0.98, 100, hb_o2_ml_per_g=1.39) == pytest.approx(20.733, abs=1e-3)


def test_who_anaemia_thresholds():
    # WHO 2011: Hb < 130 g/L men, < 120 g/L non-pregnant women
    men, women = nu.HAEMOGLOBIN_THRESHOLDS[:2]
    assert (men.population, men.comparison, men.value, men.unit) == ("men", "<", 130.0, "g/L")
    assert (women.population, women.comparison, women.value) == ("non-pregnant women", "<", 120.0)
    assert men.evidence == women.evidence == nu.PRIMARY
    assert nu.is_anaemic(12.9, "men") and not nu.is_anaemic(13.0, "men")
    assert nu.is_anaemic(11.9, "women") and not nu.is_anaemic(12.0, "women")
    assert list(nu.is_anaemic([11, 12.5, 13.5], "men")) == [True, True, False]


def test_haemoglobin_reference_ranges_are_flagged_secondary():
    # ⚠️ calculator-site reference ranges: men 13–18 g/dL, women 12–16 g/dL
    quoted = [t for t in nu.HAEMOGLOBIN_THRESHOLDS if t.evidence == nu.SECONDARY]
    assert sorted(t.value for t in quoted) == [120.0, 130.0, 160.0, 180.0]


def test_clenin_2015_ferritin_thresholds_and_status():
    # Swiss consensus: < 15 µg/L empty, 15–30 low, cut-off 30, 50 before altitude
    values = [t.value for t in nu.FERRITIN_THRESHOLDS]
    assert values == [15.0, 30.0, 50.0]
    assert all("Clénin" in t.source and t.unit == "µg/L" for t in nu.FERRITIN_THRESHOLDS)
    assert [nu.ferritin_status(v) for v in (10, 15, 29.9, 30, 49, 50, 120)] == [
        "empty", "low", "low", "adequate", "adequate", "adequate for altitude", "adequate for altitude"]


def test_iron_deficiency_prevalence_gssi_2023():
    assert nu.IRON_DEFICIENCY_FEMALE_ATHLETES_PCT == (15.0, 35.0)
    assert nu.IRON_DEFICIENCY_MALE_ATHLETES_PCT == (5.0, 11.0)


# ---------------------------------------------------------------------------
# §4.5 Vitamin D
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("ng, nmol", [(20, 49.9), (30, 74.9)])
def test_science_ref_4_5_vitamin_d_conversion(ng, nmol):
    # × 2.496: 20 ng/mL = 49.9 nmol/L; 30 ng/mL = 74.9 nmol/L (one decimal given)
    assert nu.vitamin_d_nmol_per_l(ng) == pytest.approx(nmol, abs=0.05)
    assert nu.vitamin_d_ng_per_ml(nu.vitamin_d_nmol_per_l(ng)) == pytest.approx(ng, rel=1e-12)


def test_vitamin_d_arrays():
    out = nu.vitamin_d_nmol_per_l(np.array([0, 20, 30]))
    assert out == pytest.approx([0, 49.92, 74.88])
    assert nu.vitamin_d_ng_per_ml([74.88]) == pytest.approx([30.0])


def test_vitamin_d_thresholds_and_status():
    # Endocrine Society 2011 (⚠️): < 20 deficient, 21–29 insufficient, >= 30 sufficient;
    # IOM (⚠️): deficiency < 12, adequate >= 20; GSSI (✅): > 75 nmol/L, preferably > 100
    by_source = {}
    for t in nu.VITAMIN_D_THRESHOLDS:
        by_source.setdefault(t.evidence, []).append((t.value, t.unit))
    assert by_source[nu.SECONDARY] == [(20.0, "ng/mL"), (30.0, "ng/mL"), (12.0, "ng/mL"), (20.0, "ng/mL")]
    assert by_source[nu.PRIMARY] == [(75.0, "nmol/L"), (100.0, "nmol/L")]
    assert [nu.vitamin_d_status(v) for v in (11, 19.9, 20, 25, 29.9, 30, 60)] == [
        "deficient", "deficient", "insufficient", "insufficient", "insufficient", "sufficient", "sufficient"]


# ---------------------------------------------------------------------------
# Guidance records
# ---------------------------------------------------------------------------

ALL_THRESHOLDS = (nu.HAEMOGLOBIN_THRESHOLDS + nu.FERRITIN_THRESHOLDS + nu.VITAMIN_D_THRESHOLDS
                  + nu.HYDRATION_THRESHOLDS)


@pytest.mark.parametrize("record", ALL_THRESHOLDS + nu.CARBOHYDRATE_DURING_EXERCISE,
                         ids=lambda r: getattr(r, "meaning", getattr(r, "advice", "")))
def test_every_guidance_record_names_its_source_and_evidence(record):
    assert record.source.strip()
    assert record.evidence in (nu.PRIMARY, nu.SECONDARY)


def test_guidance_records_are_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        nu.FERRITIN_THRESHOLDS[0].value = 12.0
    with pytest.raises(dataclasses.FrozenInstanceError):
        nu.CARBOHYDRATE_DURING_EXERCISE[0].max_g_per_h = 10.0


def test_threshold_flags_each_comparison():
    base = dict(marker="m", population="p", meaning="x", value=10.0, unit="u", evidence=nu.PRIMARY,
                source="s")
    flagged = {op: nu.Threshold(comparison=op, **base).flags([9.0, 10.0, 11.0])
               for op in ("<", "<=", ">", ">=")}
    assert {op: list(v) for op, v in flagged.items()} == {
        "<": [True, False, False], "<=": [True, True, False],
        ">": [False, False, True], ">=": [False, True, True]}
    assert nu.Threshold(comparison="<", **base).flags(9.0) is True


def test_acsm_2_percent_threshold():
    dehydration = nu.HYDRATION_THRESHOLDS[0]
    assert (dehydration.comparison, dehydration.value) == (">", 2.0)
    assert "Sawka" in dehydration.source
    assert not dehydration.flags(nu.body_mass_loss_pct(70.0, 68.6) - 1e-9)
    assert dehydration.flags(nu.body_mass_loss_pct(70.0, 68.5))


def test_public_names_exist():
    for name in nu.__all__:
        assert hasattr(nu, name), name


# ---------------------------------------------------------------------------
# Bad input: every parameter, message names the parameter, its unit and range
# ---------------------------------------------------------------------------

SODIUM_OK = (70, 4.5, 0.8, 40, 1.2, 0.0, 0.3, 140.0)


def _sodium(**changes):
    names = ("body_mass_kg", "hours", "sweat_rate_l_per_h", "sweat_sodium_mmol_l",
             "drink_rate_l_per_h", "drink_sodium_mmol_l", "urine_l", "start_sodium_mmol_l")
    kwargs = dict(zip(names, SODIUM_OK))
    kwargs.update(changes)
    return kwargs


ERROR_CASES = [
    # sweat_rate_l_per_h
    (lambda: nu.sweat_rate_l_per_h(10, 68.6, 0.5, 0.1, 1.5),
     r"^sweat_rate_l_per_h: mass_pre_kg must be between 30 and 200 kg \(got 10\.0 kg\)"),
    (lambda: nu.sweat_rate_l_per_h(70, 250, 0.5, 0.1, 1.5),
     r"^sweat_rate_l_per_h: mass_post_kg must be between 30 and 200 kg \(got 250\.0 kg\)"),
    (lambda: nu.sweat_rate_l_per_h(70, 150, 0.5, 0.1, 1.5),
     r"mass_post_kg must be within 20% of mass_pre_kg, between 56 and 84 kg when mass_pre_kg = 70 kg "
     r"\(got 150\.0 kg\).*kg, not lb"),
    (lambda: nu.sweat_rate_l_per_h(70, 68.6, -0.5, 0.1, 1.5),
     r"^sweat_rate_l_per_h: fluid_l must be between 0 and 20 L \(got -0\.5 L\)"),
    (lambda: nu.sweat_rate_l_per_h(70, 68.6, 0.5, 11, 1.5),
     r"^sweat_rate_l_per_h: urine_l must be between 0 and 10 L \(got 11\.0 L\)"),
    (lambda: nu.sweat_rate_l_per_h(70, 68.6, 0.5, 0.1, 0),
     r"^sweat_rate_l_per_h: hours must be > 0 and <= 48 h \(got 0\.0 h\)"),
    (lambda: nu.sweat_rate_l_per_h(70, 68.6, 0.5, 0.1, 72),
     r"hours must be > 0 and <= 48 h \(got 72\.0 h\)"),
    (lambda: nu.sweat_rate_l_per_h(70, 71, 0.5, 0.0, 1),
     r"^sweat_rate_l_per_h: the inputs imply a negative sweat loss.*must be >= 0 L"),
    (lambda: nu.sweat_rate_l_per_h(70, [68, 71], 0.5, 0.0, 1),
     r"negative sweat loss.*\(at index 1\)"),
    (lambda: nu.sweat_rate_l_per_h("70", 68.6, 0.5, 0.1, 1.5), r"mass_pre_kg must be a real number in kg"),
    (lambda: nu.sweat_rate_l_per_h(70, 68.6, None, 0.1, 1.5), r"fluid_l must be a real number in L"),
    (lambda: nu.sweat_rate_l_per_h(70, 68.6, 0.5, 0.1, float("nan")), r"hours must be .* \(got nan h\)"),
    # body_mass_loss_pct
    (lambda: nu.body_mass_loss_pct(300, 68.6),
     r"^body_mass_loss_pct: mass_pre_kg must be between 30 and 200 kg \(got 300\.0 kg\)"),
    (lambda: nu.body_mass_loss_pct(70, 20),
     r"^body_mass_loss_pct: mass_post_kg must be between 30 and 200 kg \(got 20\.0 kg\)"),
    (lambda: nu.body_mass_loss_pct(154, 70), r"^body_mass_loss_pct: mass_post_kg must be within 20% of mass_pre_kg"),
    (lambda: nu.body_mass_loss_pct(True, 70), r"mass_pre_kg must be a real number in kg"),
    # prehydration_ml, post_exercise_fluid_l, total_body_water_l
    (lambda: nu.prehydration_ml(0), r"^prehydration_ml: body_mass_kg must be between 30 and 200 kg \(got 0\.0 kg\)"),
    (lambda: nu.post_exercise_fluid_l(70, 5), r"^post_exercise_fluid_l: mass_post_kg must be between 30 and 200 kg"),
    (lambda: nu.post_exercise_fluid_l(-1, 70), r"^post_exercise_fluid_l: mass_pre_kg must be between 30 and 200 kg"),
    (lambda: nu.total_body_water_l(500), r"^total_body_water_l: body_mass_kg must be between 30 and 200 kg"),
    # serum_sodium_mmol_l: every parameter
    (lambda: nu.serum_sodium_mmol_l(**_sodium(body_mass_kg=25)),
     r"^serum_sodium_mmol_l: body_mass_kg must be between 30 and 200 kg \(got 25\.0 kg\)"),
    (lambda: nu.serum_sodium_mmol_l(**_sodium(hours=-1)),
     r"^serum_sodium_mmol_l: hours must be between 0 and 48 h \(got -1\.0 h\)"),
    (lambda: nu.serum_sodium_mmol_l(**_sodium(sweat_rate_l_per_h=7)),
     r"^serum_sodium_mmol_l: sweat_rate_l_per_h must be between 0 and 6 L/h \(got 7\.0 L/h\)"),
    (lambda: nu.serum_sodium_mmol_l(**_sodium(sweat_sodium_mmol_l=-5)),
     r"^serum_sodium_mmol_l: sweat_sodium_mmol_l must be between 0 and 150 mmol/L \(got -5\.0 mmol/L\)"),
    (lambda: nu.serum_sodium_mmol_l(**_sodium(drink_rate_l_per_h=3.5)),
     r"^serum_sodium_mmol_l: drink_rate_l_per_h must be between 0 and 3 L/h \(got 3\.5 L/h\)"),
    (lambda: nu.serum_sodium_mmol_l(**_sodium(drink_sodium_mmol_l=470)),
     r"^serum_sodium_mmol_l: drink_sodium_mmol_l must be between 0 and 200 mmol/L \(got 470\.0 mmol/L\)"),
    (lambda: nu.serum_sodium_mmol_l(**_sodium(urine_l=-0.1)),
     r"^serum_sodium_mmol_l: urine_l must be between 0 and 10 L \(got -0\.1 L\)"),
    (lambda: nu.serum_sodium_mmol_l(**_sodium(start_sodium_mmol_l=14)),
     r"^serum_sodium_mmol_l: start_sodium_mmol_l must be between 110 and 160 mmol/L \(got 14\.0 mmol/L\)"),
    (lambda: nu.serum_sodium_mmol_l(**_sodium(drink_rate_l_per_h="1.2")), r"drink_rate_l_per_h must be a real number in L/h"),
    (lambda: nu.serum_sodium_mmol_l(**_sodium(body_mass_kg=30, hours=10, sweat_rate_l_per_h=6,
                                              drink_rate_l_per_h=0)),
     r"^serum_sodium_mmol_l: the losses \(sweat and urine\) use up all the body water"),
    (lambda: nu.serum_sodium_mmol_l(**_sodium(body_mass_kg=30, hours=48, sweat_rate_l_per_h=1,
                                              sweat_sodium_mmol_l=150, drink_rate_l_per_h=1.5)),
     r"^serum_sodium_mmol_l: the sweat carries away more sodium than the body holds"),
    # serum_sodium_course
    (lambda: nu.serum_sodium_course(**_sodium(hours=[1, 2])),
     r"^serum_sodium_course: hours \(h\) must be a single number \(got an array of shape \(2,\)\)"),
    (lambda: nu.serum_sodium_course(**_sodium(urine_l=12)),
     r"^serum_sodium_course: urine_l must be between 0 and 10 L \(got 12\.0 L\)"),
    (lambda: nu.serum_sodium_course(**_sodium(), step_h=0),
     r"^serum_sodium_course: step_h must be between 0\.01 and 1 h \(got 0\.0 h\)"),
    (lambda: nu.serum_sodium_course(**_sodium(), step_h=2),
     r"step_h must be between 0\.01 and 1 h \(got 2\.0 h\)"),
    # carbohydrate
    (lambda: nu.carbohydrate_during_exercise(-1),
     r"^carbohydrate_during_exercise: duration_h must be between 0 and 48 h \(got -1\.0 h\)"),
    (lambda: nu.carbohydrate_during_exercise([1, 2]),
     r"^carbohydrate_during_exercise: duration_h \(h\) must be a single number"),
    (lambda: nu.recovery_carbohydrate_g(20, 4),
     r"^recovery_carbohydrate_g: body_mass_kg must be between 30 and 200 kg \(got 20\.0 kg\)"),
    (lambda: nu.recovery_carbohydrate_g(70, 5),
     r"^recovery_carbohydrate_g: hours must be between 0 and 4 h \(got 5\.0 h\)"),
    (lambda: nu.glycogen_resynthesis_g_per_h(0.5),
     r"^glycogen_resynthesis_g_per_h: muscle_mass_kg must be between 1 and 60 kg \(got 0\.5 kg\)"),
    (lambda: nu.glycogen_resynthesis_g_per_h(20, -1),
     r"^glycogen_resynthesis_g_per_h: rate_mmol_per_kg_per_h must be between 0 and 20 mmol/kg/h "
     r"\(got -1\.0 mmol/kg/h\)"),
    (lambda: nu.glycogen_refill_hours(-10, 20),
     r"^glycogen_refill_hours: deficit_g must be between 0 and 2000 g \(got -10\.0 g\)"),
    (lambda: nu.glycogen_refill_hours(300, 100),
     r"^glycogen_refill_hours: muscle_mass_kg must be between 1 and 60 kg \(got 100\.0 kg\)"),
    (lambda: nu.glycogen_refill_hours(300, 20, 0),
     r"^glycogen_refill_hours: rate_mmol_per_kg_per_h must be > 0 and <= 20 mmol/kg/h \(got 0\.0 mmol/kg/h\)"),
    # arterial_o2_content
    (lambda: nu.arterial_o2_content(150, 0.98, 100),
     r"^arterial_o2_content: hb_g_dl must be between 0 and 25 g/dL \(got 150\.0 g/dL\); give haemoglobin "
     r"in g/dL \(150 g/L is 15 g/dL\)"),
    (lambda: nu.arterial_o2_content(-1, 0.98, 100), r"hb_g_dl must be between 0 and 25 g/dL"),
    (lambda: nu.arterial_o2_content(15, 98, 100),
     r"^arterial_o2_content: sao2 must be between 0 and 1 \(got 98\.0\); sao2 is a fraction, not a "
     r"percentage: did you mean 0\.98 for 98 %\?"),
    (lambda: nu.arterial_o2_content(15, [0.97, 95], 100),
     r"sao2 must be between 0 and 1 \(got 95\.0 at index 1\).*did you mean 0\.95"),
    (lambda: nu.arterial_o2_content(15, -0.1, 100),
     r"sao2 must be between 0 and 1 \(got -0\.1\); sao2 is a fraction, not a percentage \(98 % is 0\.98\)"),
    (lambda: nu.arterial_o2_content(15, 0.98, 800),
     r"^arterial_o2_content: pao2_mmhg must be between 0 and 700 mmHg \(got 800\.0 mmHg\)"),
    (lambda: nu.arterial_o2_content(15, 0.98, 100, hb_o2_ml_per_g=1.0),
     r"^arterial_o2_content: hb_o2_ml_per_g must be between 1\.34 and 1\.39 mL/g \(got 1\.0 mL/g\)"),
    (lambda: nu.arterial_o2_content(15, 0.98, 100, dissolved_o2_ml_per_dl_per_mmhg=0.03),
     r"^arterial_o2_content: dissolved_o2_ml_per_dl_per_mmhg must be between 0\.003 and 0\.0031 "
     r"mL/dL/mmHg \(got 0\.03 mL/dL/mmHg\)"),
    (lambda: nu.arterial_o2_content(15, "0.98", 100), r"sao2 must be a real number"),
    # anaemia, ferritin
    (lambda: nu.is_anaemic(13, "children"), r"^is_anaemic: population must be one of \['men', 'women'\]"),
    (lambda: nu.is_anaemic(130, "men"), r"^is_anaemic: hb_g_dl must be between 0 and 25 g/dL \(got 130\.0 g/dL\)"),
    (lambda: nu.ferritin_status(-3), r"^ferritin_status: ferritin_ug_l must be between 0 and 5000 µg/L \(got -3\.0 µg/L\)"),
    (lambda: nu.ferritin_status([10, 20]), r"^ferritin_status: ferritin_ug_l \(µg/L\) must be a single number"),
    # vitamin D
    (lambda: nu.vitamin_d_nmol_per_l(-1),
     r"^vitamin_d_nmol_per_l: ng_per_ml must be between 0 and 250 ng/mL \(got -1\.0 ng/mL\)"),
    (lambda: nu.vitamin_d_nmol_per_l(float("inf")), r"ng_per_ml must be between 0 and 250 ng/mL \(got inf ng/mL\)"),
    (lambda: nu.vitamin_d_ng_per_ml(700),
     r"^vitamin_d_ng_per_ml: nmol_per_l must be between 0 and 624 nmol/L \(got 700\.0 nmol/L\)"),
    (lambda: nu.vitamin_d_status(300), r"^vitamin_d_status: ng_per_ml must be between 0 and 250 ng/mL"),
]


@pytest.mark.parametrize("call, message", ERROR_CASES)
def test_value_errors_name_parameter_unit_and_range(call, message):
    with pytest.raises(ValueError, match=message):
        call()
