"""Unit tests for heavylegs.biomechanics.

Worked numbers and tolerances come from the course's science reference,
"Chapter 6 — Biomechanics" (§6.1–6.4), copied here so that the tests stand
alone. The source of each number is given in the test name or a comment.
"""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest

from heavylegs import biomechanics as bio
from heavylegs import terrain

# ---------------------------------------------------------------------------
# §6.1 cadence and step length
# ---------------------------------------------------------------------------


def test_science_ref_6_1_step_length_at_170_and_180():
    # 170 steps/min × 1.00 m = 2.8333 m/s (352.9 s/km); the same speed at 180 steps/min: 0.9444 m (±0.0001)
    speed = 170 * 1.00 / 60
    assert speed == pytest.approx(2.8333, abs=1e-4)
    assert 1000 / speed == pytest.approx(352.9, abs=0.05)
    assert bio.step_length_m(speed, 170) == pytest.approx(1.0, abs=1e-4)
    assert bio.step_length_m(speed, 180) == pytest.approx(0.9444, abs=1e-4)
    assert bio.cadence_for_step_length_spm(speed, 1.0) == pytest.approx(170.0)


def test_science_ref_6_1_heiderscheit_plus_5_and_10_percent():
    # +5 % / +10 % cadence at a fixed speed: step length −4.76 % / −9.09 % (±0.01)
    np.testing.assert_allclose(bio.step_length_change_pct([5, 10]), [-4.76, -9.09], atol=0.01)
    assert bio.step_length_change_pct(0) == 0.0


# ---------------------------------------------------------------------------
# §6.2 spring-mass sine-wave method (Morin et al. 2005)
# ---------------------------------------------------------------------------

SCIENCE_REF_6_2 = [
    # inputs (m, v, t_c, t_f, height) → F_max (N), BW, Δy, ΔL, k_vert, k_leg (science reference, ±0.1 %)
    ((70, 3.33, 0.250, 0.120, 1.75), (1596.4, 2.325, 0.0678, 0.1664, 23.55, 9.59)),
    ((76, 5.00, 0.200, 0.120, 1.78), (1873.8, 2.513, 0.0509, 0.1943, 36.83, 9.65)),
    ((66.4, 5.0, 0.160, 0.130, 1.80), (1854.5, 2.847, 0.0411, 0.1290, 45.17, 14.38)),
]


@pytest.mark.parametrize("inputs, expected", SCIENCE_REF_6_2, ids=["A", "B", "C"])
def test_science_ref_6_2_morin_worked_examples(inputs, expected):
    mass, speed, contact, flight, height = inputs
    result = bio.spring_mass(mass, speed, contact, flight, bio.leg_length_m(height))
    f_max, bw, dy, dl, k_vert, k_leg = expected
    assert result.f_max_n == pytest.approx(f_max, rel=1e-3)
    assert result.f_max_body_weights == pytest.approx(bw, abs=0.001)
    # lengths are given to 3–4 significant figures: compare to the last figure given
    assert result.delta_y_m == pytest.approx(dy, abs=1e-4)
    assert result.delta_l_m == pytest.approx(dl, abs=1e-4)
    assert result.k_vert_kn_per_m == pytest.approx(k_vert, abs=0.01)
    assert result.k_leg_kn_per_m == pytest.approx(k_leg, abs=0.01)


def test_science_ref_6_2_the_sign_pitfall_is_avoided():
    # With "+ g·t_c²/8" Δy would be ≈ 0.22 m in example A instead of 0.068 m.
    result = bio.spring_mass(70, 3.33, 0.25, 0.12, 0.9275)
    assert result.delta_y_m < 0.1
    wrong = result.f_max_n * 0.25 ** 2 / (70 * math.pi ** 2) + 9.80665 * 0.25 ** 2 / 8
    assert wrong == pytest.approx(0.22, abs=0.01)


def test_science_ref_6_2_morin_sensitivity_10_percent_shorter_contact():
    # Morin 2005: 10 % less contact time → about +20 % k_vert and +25 % k_leg; science ref: +18.8 % and +24.8 %.
    base = bio.spring_mass(70, 3.33, 0.25, 0.12, 0.9275)
    short = bio.spring_mass(70, 3.33, 0.225, 0.12, 0.9275)
    assert short.k_vert_kn_per_m / base.k_vert_kn_per_m - 1 == pytest.approx(0.188, abs=0.001)
    assert short.k_leg_kn_per_m / base.k_leg_kn_per_m - 1 == pytest.approx(0.248, abs=0.001)


def test_claim_5_no_flight_still_gives_pi_over_2_body_weights():
    # Claim audit #5: F_max ≥ (π/2)·BW with any flight phase; 1.5 BW would need negative flight.
    assert bio.spring_mass(70, 3.0, 0.25, 0.0, 0.93).f_max_body_weights == pytest.approx(math.pi / 2)
    needed_flight_ratio = 1.5 / (math.pi / 2) - 1
    assert needed_flight_ratio < 0


def test_leg_length_is_0_53_of_height_winter_1979():
    assert bio.leg_length_m(1.75) == pytest.approx(0.9275)


def test_spring_mass_fields_are_the_issues_names():
    names = [f.name for f in dataclasses.fields(bio.SpringMass)]
    assert names[:5] == ["f_max_n", "delta_y_m", "delta_l_m", "k_vert_kn_per_m", "k_leg_kn_per_m"]


# ---------------------------------------------------------------------------
# §6.3 hills (Minetti 2002) — the same function as chapter 2's
# ---------------------------------------------------------------------------


def test_running_energy_cost_is_terrains_function_not_a_copy():
    assert bio.running_energy_cost is terrain.running_energy_cost


def test_science_ref_6_3_energy_per_km_for_70_kg():
    # 70 kg: 252.0 / 417.8 / 150.6 kJ per km on flat / +10 % / −10 %
    np.testing.assert_allclose(bio.energy_per_km_kj([0, 0.1, -0.1], 70), [252.0, 417.8, 150.6], atol=0.05)


def test_science_ref_6_3_metabolic_power_up_10_percent_and_grade_adjusted_speed():
    # 3.0 m/s up +10 %: 17.9 W/kg (science ref); the level speed of equal cost, computed here: 4.97 m/s
    assert 3.0 * bio.running_energy_cost(0.1) == pytest.approx(17.9, abs=0.05)
    assert bio.grade_adjusted_speed_m_per_s(3.0, 0.1) == pytest.approx(4.974, abs=0.001)
    assert bio.grade_adjusted_speed_m_per_s(3.0, 0.0) == pytest.approx(3.0)


# ---------------------------------------------------------------------------
# §6.4 shoes
# ---------------------------------------------------------------------------


def test_hoogkamer_2016_one_percent_per_100_g():
    np.testing.assert_allclose(bio.shoe_mass_cost_pct([0, 100, 300]), [0.0, 1.0, 3.0])


def test_science_ref_6_4_300_to_500_miles():
    # 482.8–804.7 km; 12.1–20.1 weeks at 40 km/week
    low, high = bio.shoe_replacement_km()
    assert (low, high) == pytest.approx((482.8, 804.7), abs=0.05)
    assert bio.shoe_replacement_weeks(40) == pytest.approx((12.1, 20.1), abs=0.05)


# ---------------------------------------------------------------------------
# Bad input
# ---------------------------------------------------------------------------

ERROR_CASES = [
    (lambda: bio.step_length_m(3.0, 20), r"^step_length_m: cadence_spm must be between 60 and 260 steps/min \(got 20\.0 steps/min\)"),
    (lambda: bio.step_length_m(300, 170), r"speed_m_per_s must be between 0\.5 and 12 m/s \(got 300\.0 m/s\)"),
    (lambda: bio.spring_mass(70, 3.33, 0.25, -0.05, 0.93),
     r"^spring_mass: flight_time_s must be between 0 and 0\.5 s \(got -0\.05 s\): a negative flight time would mean "
     r"both feet on the ground at once, which is walking, not running"),
    (lambda: bio.spring_mass(70, 8, 0.3, 0.1, 0.9),
     r"^spring_mass: contact_time_s \(0\.3 s\) is too long for speed_m_per_s \(8 m/s\) and leg_length_m \(0\.9 m\): "
     r"the body would travel 2\.40 m during contact, and half of that \(1\.20 m\) must be shorter than the leg; "
     r"contact can last at most 0\.225 s at this speed"),
    (lambda: bio.spring_mass(70, 3.33, 250, 0.12, 0.93), r"contact_time_s must be between 0\.05 and 1 s \(got 250\.0 s\)"),
    (lambda: bio.spring_mass(70, 3.33, 0.25, 0.12, 175), r"leg_length_m must be between 0\.4 and 1\.4 m \(got 175\.0 m\)"),
    (lambda: bio.spring_mass(7, 3.33, 0.25, 0.12, 0.93), r"mass_kg must be between 20 and 200 kg \(got 7\.0 kg\)"),
    (lambda: bio.spring_mass(70, [3, 4], 0.25, 0.12, 0.93), r"speed_m_per_s \(m/s\) must be a single number"),
    (lambda: bio.leg_length_m(175), r"^leg_length_m: height_m must be between 1 and 2\.3 m \(got 175\.0 m\)"),
    (lambda: bio.grade_adjusted_speed_m_per_s(3.0, 10), r"grade must be between -0\.45 and 0\.45"),
    (lambda: bio.energy_per_km_kj(0, 7000), r"^energy_per_km_kj: body_mass_kg must be between 20 and 200 kg"),
    (lambda: bio.shoe_mass_cost_pct(5000), r"^shoe_mass_cost_pct: added_mass_g_per_shoe must be between -500 and 1000 g"),
    (lambda: bio.shoe_replacement_weeks(0), r"^shoe_replacement_weeks: weekly_km must be between 1 and 300 km \(got 0\.0 km\)"),
    (lambda: bio.step_length_change_pct(-100), r"cadence_change_pct must be between -50 and 100 %"),
]


@pytest.mark.parametrize("call, message", ERROR_CASES)
def test_value_errors_name_parameter_unit_and_range(call, message):
    with pytest.raises(ValueError, match=message):
        call()
