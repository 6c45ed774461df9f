"""Chapter 2's own labs: the readouts answer the chapter's lab questions.

Each question in notebooks/02_damage.ipynb must be answerable from the
readout (not by reading a curve by eye); these tests pin the answers the
instructor guide's key gives, at the static page's stops and, where they
differ, with the live sliders.
"""

from __future__ import annotations

import numpy as np
import pytest

from heavylegs import damage
from heavylegs.labs.damage import AFTER_LAB, DOWNHILL_LAB, LEAST_COST_GRADE_PERCENT
from heavylegs.terrain import running_energy_cost


def _readout(lab, **changes) -> str:
    return lab.describe(lab.evaluate(**changes), lab.values(**changes))


def _chosen(**changes):
    frame = DOWNHILL_LAB.evaluate(**changes)
    return frame[frame["chosen"] == 1].iloc[0]


def test_least_cost_grade_is_the_minetti_2002_minimum():
    # science.md §6.3: the polynomial's minimum is at i = −0.1814 (1.781 J/kg/m).
    assert LEAST_COST_GRADE_PERCENT == pytest.approx(-18.14, abs=0.01)


def test_downhill_rows_are_minetti_cost_times_mass_and_m_g_dh():
    row = _chosen(grade_percent=-10, body_mass_kg=70)
    # 70 kg × 2.152 J/kg/m (Minetti 2002 at −0.10, science.md §6.3) = 150.6 kJ per km.
    assert row["energy_kj_per_km"] == pytest.approx(150.6, abs=0.1)
    drop_m = 1000 * 0.1 / np.sqrt(1.01)
    assert row["braking_kj_per_km"] == pytest.approx(damage.eccentric_work_kj(70, drop_m))
    level = _chosen(grade_percent=0, body_mass_kg=70)
    assert level["energy_kj_per_km"] == pytest.approx(252.0) and level["braking_kj_per_km"] == 0.0
    uphill = DOWNHILL_LAB.evaluate(grade_percent=10)
    assert (uphill.loc[uphill["grade_percent"] > 0, "braking_kj_per_km"] == 0).all()


def test_downhill_question_1_cheaper_per_km_but_braking_per_km():
    text = _readout(DOWNHILL_LAB)
    assert "At −10 % a 70 kg runner spends 151 kJ (36 kcal) per km run, 40 % less than the 252 kJ of a level km" in text
    assert "Each km drops 100 m, so the legs must also absorb 68 kJ of extra braking work" in text
    assert "a 1000 m descent brings 686 kJ of it at any grade" in text


@pytest.mark.parametrize(
    ("grade", "energy", "braking"),
    [(-40, 253, 255), (-30, 172, 197), (-20, 126, 135), (-10, 151, 68)],
)
def test_downhill_question_2_and_3_static_stops(grade, energy, braking):
    text = _readout(DOWNHILL_LAB, grade_percent=grade)
    assert f"spends {energy} kJ" in text and f"absorb {braking} kJ of extra braking work" in text


def test_downhill_question_2_least_cost_is_named_with_its_energy():
    assert "Running costs least at −18 % (125 kJ per km)" in _readout(DOWNHILL_LAB)


def test_downhill_question_3_braking_overtakes_energy_near_minus_19_percent_live():
    grades = np.arange(-45.0, 0.0, 1.0)
    rows = [_chosen(grade_percent=g) for g in grades]
    overtaken = [g for g, row in zip(grades, rows) if row["braking_kj_per_km"] > row["energy_kj_per_km"]]
    assert max(overtaken) == -19  # steeper than −19 % the extra braking work exceeds the energy spent


def test_downhill_question_4_braking_scales_with_body_mass():
    assert "absorb 49 kJ" in _readout(DOWNHILL_LAB, body_mass_kg=50)
    assert "absorb 88 kJ" in _readout(DOWNHILL_LAB, body_mass_kg=90)
    assert "brings 883 kJ" in _readout(DOWNHILL_LAB, body_mass_kg=90)


def test_downhill_level_and_steep_wordings():
    assert "On the level the braking and pushing of each stride balance" in _readout(DOWNHILL_LAB, grade_percent=0)
    assert "about the same as the 252 kJ of a level km" in _readout(DOWNHILL_LAB, grade_percent=-40)
    assert "66 % more than the 252 kJ" in _readout(DOWNHILL_LAB, grade_percent=10)


def test_after_race_rows_are_the_models_in_percent_of_the_first_peak():
    frame = AFTER_LAB.evaluate()
    hours = frame["day"].to_numpy() * 24
    assert frame["soreness_first_pct"].to_numpy() == pytest.approx(100 * np.asarray(damage.soreness_curve(hours)))
    ck = (np.asarray(damage.ck_curve(hours)) - 150.0) / 1000.0 * 100  # default baseline 150, rise 1000 U/L
    assert frame["ck_first_pct"].to_numpy() == pytest.approx(ck)
    kept = 1 - damage.repeated_bout_protection(8)
    assert frame["soreness_second_pct"].to_numpy() == pytest.approx(frame["soreness_first_pct"].to_numpy() * kept)
    assert frame["soreness_first_pct"].max() == pytest.approx(100.0) and frame["ck_first_pct"].max() == pytest.approx(100.0)


def test_after_race_question_1_days_to_settle():
    text = _readout(AFTER_LAB)
    assert "Soreness falls below 10 % of its peak on day 6.8; CK falls below 10 % of its peak rise on day 8.3" in text


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"ck_half_life_h": 29}, "CK falls below 10 % of its peak rise on day 5.8, 1.0 days before the soreness"),
        ({"ck_half_life_h": 69}, "CK falls below 10 % of its peak rise on day 11.0, beyond the chart"),
        ({"soreness_shape": 1}, "Soreness falls below 10 % of its peak on day 9.8"),
        ({"soreness_shape": 3}, "Soreness falls below 10 % of its peak on day 5.6"),
        ({"soreness_peak_h": 24}, "Soreness falls below 10 % of its peak on day 3.4"),
        ({"soreness_peak_h": 72}, "Soreness falls below 10 % of its peak on day 10.1, beyond the chart"),
    ],
)
def test_after_race_questions_2_and_3_static_stops(changes, expected):
    assert expected in _readout(AFTER_LAB, **changes)


@pytest.mark.parametrize(("weeks", "peak", "protection"), [(4, 51, 49), (8, 58, 42), (12, 75, 25), (24, 97, 3)])
def test_after_race_question_4_repeated_bout(weeks, peak, protection):
    text = _readout(AFTER_LAB, weeks_to_second_race=weeks)
    assert f"{weeks} weeks later (dashed) peaks at {peak} % of the first" in text
    assert f"protects by {protection} % in this teaching assumption" in text
