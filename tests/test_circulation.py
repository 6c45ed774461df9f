"""Unit tests for heavylegs.circulation.

Worked numbers and tolerances come from the course's science reference,
"Chapter 5 — Circulation" (and §4.4 for oxygen content), copied here so that
the tests stand alone. The source of each number is given in the test name or
a comment next to it. Numbers marked "computed here" are not in the reference:
they were measured with this module and are kept so the docstrings stay true.
"""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pandas as pd
import pytest

from heavylegs import circulation as ci
from heavylegs import nutrition

# ---------------------------------------------------------------------------
# Fick principle and oxygen delivery
# ---------------------------------------------------------------------------


def test_science_ref_fick_at_maximal_exercise():
    # Q 25 L/min, CaO2 20, CvO2 4 mL/dL → VO2 4.0 L/min (exact)
    assert ci.fick_vo2(25, 20, 4) == pytest.approx(4.0, abs=1e-12)


def test_science_ref_fick_and_delivery_at_rest():
    # Q 5 L/min, CaO2 20, CvO2 15 → VO2 0.25 L/min, DO2 1000 mL/min (exact; resting contents from
    # accesspediatrics, as in the science reference)
    assert ci.fick_vo2(5, 20, 15) == pytest.approx(0.25, abs=1e-12)
    assert ci.oxygen_delivery_ml_min(5, 20) == pytest.approx(1000.0, abs=1e-9)


def test_science_ref_anaemia_lowers_vo2_at_the_same_cardiac_output():
    # Hb 15 → 12 g/dL at Q 25 L/min, arterial SaO2 0.98 / PaO2 100, venous SvO2 0.20 / PvO2 25:
    # VO2 3.976 → 3.192 L/min (±0.001), with chapter 4's arterial_o2_content for both bloods
    def vo2(hb):
        return ci.fick_vo2(25, nutrition.arterial_o2_content(hb, 0.98, 100),
                           nutrition.arterial_o2_content(hb, 0.20, 25))
    assert vo2(15) == pytest.approx(3.976, abs=0.001)
    assert vo2(12) == pytest.approx(3.192, abs=0.001)


def test_oxygen_content_is_chapter_4s_function_not_a_copy():
    # The issue: reuse arterial_o2_content rather than a second copy.
    assert not any(name.endswith("o2_content") for name in vars(ci))
    import inspect
    source = inspect.getsource(ci)
    assert "1.34" not in source and "0.003" not in source


def test_extraction_fraction_at_rest_and_at_maximum():
    # computed here: 20 and 15 mL/dL → 25 %; 20 and 4 → 80 %
    assert ci.oxygen_extraction_fraction(20, 15) == pytest.approx(0.25)
    assert ci.oxygen_extraction_fraction(20, 4) == pytest.approx(0.80)


def test_fick_and_delivery_take_arrays():
    q = np.array([5.0, 15.0, 25.0])
    np.testing.assert_allclose(ci.fick_vo2(q, 20, 4), [0.8, 2.4, 4.0])
    np.testing.assert_allclose(ci.oxygen_delivery_ml_min(q, 20), [1000, 3000, 5000])
    assert isinstance(ci.fick_vo2(5, 20, 15), float)


def test_vo2_never_exceeds_what_is_delivered():
    # VO2 (L/min) ≤ DO2 (mL/min) / 1000, with equality when the venous blood is empty.
    assert ci.fick_vo2(25, 20, 0) * 1000 == pytest.approx(ci.oxygen_delivery_ml_min(25, 20))


# ---------------------------------------------------------------------------
# Hydrostatic column and the calf pump (teaching model)
# ---------------------------------------------------------------------------


def test_science_ref_hydrostatic_pressure_of_1_2_m_of_blood():
    # 1.2 m, ρ 1060 kg/m³ → 93.6 mmHg (±0.1)
    assert ci.hydrostatic_pressure_mmhg(1.2) == pytest.approx(93.6, abs=0.1)


def test_hydrostatic_pressure_of_water_is_the_textbook_10_m_per_atmosphere():
    # 10.33 m of water is one standard atmosphere, 760 mmHg (physics, not the science reference)
    assert ci.hydrostatic_pressure_mmhg(10.33 / 10, density_kg_m3=1000) * 10 == pytest.approx(760, rel=1e-3)


def test_standing_still_keeps_the_whole_column():
    standing = ci.hydrostatic_pressure_mmhg(1.2)
    assert ci.walking_vein_pressure_mmhg(cadence_spm=0) == (standing, standing)
    assert ci.walking_vein_pressure_mmhg(calf_ejection_fraction=0) == (standing, standing)


def test_healthy_calf_at_a_walk_lands_in_the_measured_20_to_30_mmhg():
    # The teaching model's calibration: ≈90 mmHg standing falls to 20–30 mmHg with walking
    # (science reference); Stick et al. 1992 measured 23.5 (3 km/h) to 30.4 mmHg (6 km/h) walking.
    # Computed here: 24.5 and 29.9 mmHg.
    low, high = ci.walking_vein_pressure_mmhg()
    assert 23.5 <= low < high <= 30.4
    assert (low, high) == pytest.approx((24.49, 29.87), abs=0.01)


def test_leaky_valves_keep_the_pressure_high_while_walking():
    # Pollack 1949: 2.8 s refill with an incompetent saphenous vein (the model uses 3 s).
    # Computed here: 67.5–82.3 mmHg, well above the healthy calf's.
    assert ci.LEAKY_VALVES_REFILL_TIME_S == 3.0 and ci.HEALTHY_REFILL_TIME_S == 31.0
    low, high = ci.walking_vein_pressure_mmhg(refill_time_s=ci.LEAKY_VALVES_REFILL_TIME_S)
    assert (low, high) == pytest.approx((67.45, 82.26), abs=0.01)


def test_course_starts_at_the_column_and_settles_to_the_steady_saw_tooth():
    frame = ci.ankle_vein_pressure_course(walk_s=120, rest_s=0)
    assert list(frame.columns) == ["time_s", "pressure_mmhg", "phase"]
    assert frame["time_s"].is_monotonic_increasing
    assert frame["pressure_mmhg"].iloc[0] == pytest.approx(93.563, abs=1e-3)
    low, high = ci.walking_vein_pressure_mmhg()
    late = frame[frame["time_s"] > 100]["pressure_mmhg"]
    assert late.min() == pytest.approx(low, abs=0.01)
    assert late.max() == pytest.approx(high, abs=0.01)


def test_course_refills_90_percent_in_the_refill_time():
    frame = ci.ankle_vein_pressure_course(refill_time_s=20, stand_s=0, walk_s=30, rest_s=40, sample_s=0.05)
    standing = ci.hydrostatic_pressure_mmhg(1.2)
    walking = frame[frame["phase"] == "walking"]
    last_t, last_p = walking["time_s"].iloc[-1], walking["pressure_mmhg"].iloc[-1]
    rest = frame[frame["time_s"] > last_t]
    gap = standing - last_p
    regained = rest[rest["pressure_mmhg"] >= standing - 0.1 * gap]["time_s"].iloc[0] - last_t
    assert regained == pytest.approx(20.0, abs=0.06)


def test_course_draws_each_contraction_as_a_vertical_drop():
    frame = ci.ankle_vein_pressure_course(cadence_spm=120, stand_s=10, walk_s=4, rest_s=0)
    # At 120 steps/min each calf contracts once a second: at 11, 12, 13 and 14 s.
    for t in (11.0, 12.0, 13.0, 14.0):
        rows = frame[np.isclose(frame["time_s"], t)]["pressure_mmhg"].to_numpy()
        assert rows.size >= 2
        assert rows[-1] == pytest.approx((1 - ci.WALKING_EJECTION_FRACTION) * rows[-2])


def test_course_phases_and_no_walk():
    frame = ci.ankle_vein_pressure_course(cadence_spm=0)
    assert set(frame["phase"]) == {"standing", "walking", "standing again"}
    assert np.allclose(frame["pressure_mmhg"], ci.hydrostatic_pressure_mmhg(1.2))


# ---------------------------------------------------------------------------
# Compartment pressures: Pedowitz 1990
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("pressures, positive", [
    ((12, 35, 18), True),   # science reference: positive (1-min ≥ 30)
    ((10, 25, 15), False),  # science reference: negative
    ((16, 0, 0), True),     # science reference: pre 16 only → positive
])
def test_science_ref_pedowitz(pressures, positive):
    assert ci.pedowitz_positive(*pressures) is positive


@pytest.mark.parametrize("pressures", [(15, 0, 0), (0, 30, 0), (0, 0, 20)])
def test_pedowitz_cut_offs_are_inclusive(pressures):
    # Pedowitz 1990: ≥ 15 before, ≥ 30 at 1 min, ≥ 20 at 5 min — each one alone is enough.
    assert ci.pedowitz_positive(*pressures)
    just_below = tuple(max(p - 0.01, 0) for p in pressures)
    assert not ci.pedowitz_positive(*just_below)


def test_pedowitz_criteria_met_names_each_one():
    met = ci.pedowitz_criteria_met(16, 35, 25)
    assert [c.value for c in met] == [15.0, 30.0, 20.0]
    assert ci.pedowitz_criteria_met(10, 25, 15) == ()
    assert all(c.source == ci.PEDOWITZ_1990 for c in ci.PEDOWITZ_CRITERIA)


def test_pedowitz_takes_arrays():
    out = ci.pedowitz_positive([12, 10, 16], [35, 25, 0], [18, 15, 0])
    assert out.tolist() == [True, False, True]


# ---------------------------------------------------------------------------
# Ankle–brachial index (AHA, Aboyans 2012)
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("pressures, abi, category", [
    ((110, 104, 128, 130), 0.846, "abnormal"),          # science reference: 0.846, PAD
    ((132, 128, 125, 120), 1.056, "normal"),            # 1.056, normal
    ((150, 145, 100, 98), 1.50, "non-compressible"),    # 1.50, non-compressible
    ((118, 116, 125, 122), 0.944, "borderline"),        # 0.944, borderline
])
def test_science_ref_abi(pressures, abi, category):
    value = ci.ankle_brachial_index(*pressures)
    assert value == pytest.approx(abi, abs=0.001)
    assert ci.abi_category(value) == category


def test_abi_uses_the_higher_of_each_pair():
    # Swapping within a pair changes nothing; the lower pressures are ignored.
    assert ci.ankle_brachial_index(104, 110, 130, 128) == ci.ankle_brachial_index(110, 104, 128, 130)
    assert ci.ankle_brachial_index(110, 10, 130, 60) == pytest.approx(110 / 130)


@pytest.mark.parametrize("abi, category", [
    (0.0, "abnormal"), (0.90, "abnormal"), (0.905, "borderline"), (0.91, "borderline"), (0.99, "borderline"),
    (0.995, "normal"), (1.00, "normal"), (1.40, "normal"), (1.4001, "non-compressible"), (5.0, "non-compressible"),
])
def test_abi_category_edges(abi, category):
    # Aboyans 2012: ≤ 0.90 abnormal, 0.91–0.99 borderline, 1.00–1.40 normal, > 1.40 non-compressible
    assert ci.abi_category(abi) == category


def test_abi_category_of_an_exact_0_90_from_pressures():
    # 117/130 is 0.90 exactly: abnormal, not borderline, despite floating point
    assert ci.abi_category(ci.ankle_brachial_index(117, 100, 130, 120)) == "abnormal"


def test_abi_category_takes_arrays_and_the_bands_tile_the_line():
    assert ci.abi_category([0.5, 0.95, 1.2, 1.6]).tolist() == ["abnormal", "borderline", "normal",
                                                                "non-compressible"]
    bands = ci.ABI_CATEGORIES
    assert bands[0].above == -math.inf and bands[-1].up_to == math.inf
    assert all(a.up_to == b.above for a, b in zip(bands, bands[1:]))


def test_science_ref_abi_fall_after_exercise():
    # 1.05 → 0.80 after exercise: −23.8 % (±0.1), more than the 20 % fall that is abnormal
    assert ci.abi_change_pct(1.05, 0.80) == pytest.approx(-23.8, abs=0.1)


def test_guidance_records_are_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        ci.ABI_CATEGORIES[0].up_to = 0.8


# ---------------------------------------------------------------------------
# Bad input: a clear message naming the parameter, its unit and the range
# ---------------------------------------------------------------------------

ERROR_CASES = [
    (lambda: ci.fick_vo2(-1, 20, 15),
     r"^fick_vo2: cardiac_output_l_min must be between 0 and 45 L/min \(got -1\.0 L/min\)"),
    (lambda: ci.fick_vo2(50, 20, 15), r"cardiac_output_l_min must be between 0 and 45 L/min \(got 50\.0 L/min\)"),
    (lambda: ci.fick_vo2(25, 200, 40), r"^fick_vo2: cao2_ml_dl must be between 0 and 30 mL/dL \(got 200\.0 mL/dL\)"),
    (lambda: ci.fick_vo2(25, 20, 21),
     r"^fick_vo2: cvo2_ml_dl \(mL/dL\) must not exceed cao2_ml_dl \(got 21 mL/dL venous against 20 mL/dL "
     r"arterial\): blood leaving the muscle cannot carry more oxygen than blood arriving"),
    (lambda: ci.fick_vo2(25, [20, 18], [4, 19]), r"must not exceed cao2_ml_dl \(got 19 mL/dL venous against 18 "
                                                 r"mL/dL arterial at index 1\)"),
    (lambda: ci.fick_vo2(25, 20, float("nan")), r"cvo2_ml_dl must be between 0 and 30 mL/dL \(got nan mL/dL\)"),
    (lambda: ci.fick_vo2("25", 20, 15), r"cardiac_output_l_min must be a real number"),
    (lambda: ci.oxygen_delivery_ml_min(5, -2),
     r"^oxygen_delivery_ml_min: cao2_ml_dl must be between 0 and 30 mL/dL \(got -2\.0 mL/dL\)"),
    (lambda: ci.oxygen_extraction_fraction(0, 0), r"^oxygen_extraction_fraction: cao2_ml_dl must be > 0 and <= 30"),
    (lambda: ci.hydrostatic_pressure_mmhg(-0.5),
     r"^hydrostatic_pressure_mmhg: height_m must be between 0 and 3 m \(got -0\.5 m\)"),
    (lambda: ci.hydrostatic_pressure_mmhg(120), r"height_m must be between 0 and 3 m \(got 120\.0 m\)"),
    (lambda: ci.hydrostatic_pressure_mmhg(1.2, density_kg_m3=1.06),
     r"^hydrostatic_pressure_mmhg: density_kg_m3 must be between 1000 and 1100 kg/m³ \(got 1\.06 kg/m³\)"),
    (lambda: ci.walking_vein_pressure_mmhg(calf_ejection_fraction=65),
     r"^walking_vein_pressure_mmhg: calf_ejection_fraction must be between 0 and 0\.9 \(got 65\.0\); "
     r"calf_ejection_fraction is a fraction, not a percentage: did you mean 0\.65 for 65 %\?"),
    (lambda: ci.walking_vein_pressure_mmhg(calf_ejection_fraction=-0.2),
     r"calf_ejection_fraction must be between 0 and 0\.9 \(got -0\.2\)$"),
    (lambda: ci.walking_vein_pressure_mmhg(cadence_spm=-10),
     r"cadence_spm must be between 0 and 240 steps/min \(got -10\.0 steps/min\)"),
    (lambda: ci.walking_vein_pressure_mmhg(refill_time_s=0),
     r"refill_time_s must be between 1 and 120 s \(got 0\.0 s\)"),
    (lambda: ci.walking_vein_pressure_mmhg(heart_to_ankle_m=[1.1, 1.2]),
     r"heart_to_ankle_m \(m\) must be a single number"),
    (lambda: ci.ankle_vein_pressure_course(walk_s=-5),
     r"^ankle_vein_pressure_course: walk_s must be between 0 and 600 s \(got -5\.0 s\)"),
    (lambda: ci.ankle_vein_pressure_course(sample_s=0), r"sample_s must be between 0\.05 and 10 s"),
    (lambda: ci.pedowitz_positive(-1, 30, 20),
     r"^pedowitz_positive: pre_mmhg must be between 0 and 200 mmHg \(got -1\.0 mmHg\)"),
    (lambda: ci.pedowitz_positive(10, 300, 20), r"post1_mmhg must be between 0 and 200 mmHg \(got 300\.0 mmHg\)"),
    (lambda: ci.pedowitz_criteria_met(10, 20, [20, 30]), r"post5_mmhg \(mmHg\) must be a single number"),
    (lambda: ci.ankle_brachial_index(110, 104, 0, 0),
     r"^ankle_brachial_index: brachial_left must be between 50 and 300 mmHg \(got 0\.0 mmHg\)"),
    (lambda: ci.ankle_brachial_index(-5, 104, 120, 120), r"dorsalis_pedis must be between 0 and 350 mmHg"),
    (lambda: ci.ankle_brachial_index(110, 104, 120, 400), r"brachial_right must be between 50 and 300 mmHg"),
    (lambda: ci.abi_category(-0.1), r"^abi_category: abi must be between 0 and 5 \(got -0\.1\)"),
    (lambda: ci.abi_category(float("nan")), r"abi must be between 0 and 5 \(got nan\)"),
    (lambda: ci.abi_change_pct(0, 0.8), r"^abi_change_pct: abi_before must be > 0 and <= 5"),
]


@pytest.mark.parametrize("call, message", ERROR_CASES)
def test_value_errors_name_parameter_unit_and_range(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_steps_to_settle_in_the_teaching_model():
    # computed here: 18 steps with the defaults; none when there is no pump
    assert ci.walking_steps_to_settle() == 18
    assert ci.walking_steps_to_settle(cadence_spm=0) is None
    assert ci.walking_steps_to_settle(calf_ejection_fraction=0) is None
