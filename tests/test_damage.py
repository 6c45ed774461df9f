"""Unit tests for heavylegs.damage and heavylegs.terrain.

Worked numbers and tolerances come from the course's science reference,
"Chapter 2 — Muscle damage and inflammation" and "§6.3 Energy cost of running
on slopes (Minetti et al. 2002)", copied here so that the tests stand alone.
The source of each number is given in the test name or a comment next to it.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

import heavylegs.terrain
from heavylegs import damage as dm
from heavylegs import terrain as tr

# ---------------------------------------------------------------------------
# §6.3 Minetti et al., J Appl Physiol 2002;93(3):1039–1046: running polynomial
# ---------------------------------------------------------------------------

# science ref §6.3 worked table (±0.001)
MINETTI_2002_TABLE = [
    (-0.45, 4.032), (-0.30, 2.462), (-0.20, 1.800), (-0.10, 2.152), (0.0, 3.600),
    (0.10, 5.968), (0.20, 9.007), (0.30, 12.579), (0.45, 19.426),
]


@pytest.mark.parametrize("grade, expected", MINETTI_2002_TABLE)
def test_minetti_2002_running_cost_table(grade, expected):
    assert tr.running_energy_cost(grade) == pytest.approx(expected, abs=1e-3)


def test_minetti_2002_running_cost_accepts_arrays():
    grades, expected = zip(*MINETTI_2002_TABLE)
    out = tr.running_energy_cost(np.array(grades))
    assert isinstance(out, np.ndarray)
    assert out == pytest.approx(expected, abs=1e-3)
    # A list works too, and a scalar comes back as a Python float.
    assert tr.running_energy_cost(list(grades)) == pytest.approx(expected, abs=1e-3)
    assert type(tr.running_energy_cost(0.0)) is float


def test_minetti_2002_polynomial_minimum_near_minus_0_1814():
    # science ref §6.3: the polynomial minimum is at i = −0.1814 (1.781 J/kg/m)
    grades = np.linspace(-0.45, 0.45, 90_001)
    cost = tr.running_energy_cost(grades)
    best = int(np.argmin(cost))
    assert grades[best] == pytest.approx(-0.1814, abs=1e-4)
    assert cost[best] == pytest.approx(1.781, abs=1e-3)


def test_minetti_2002_fit_runs_a_little_above_the_measured_means():
    # Abstract (science ref §6.3): measured 3.40 level, 18.93 at +0.45, 1.73 at
    # −0.20, 3.92 at −0.45; the fit gives 3.60, 19.43, 1.80, 4.03.
    for grade, measured in [(0.0, 3.40), (0.45, 18.93), (-0.20, 1.73), (-0.45, 3.92)]:
        fitted = tr.running_energy_cost(grade)
        assert measured < fitted < measured + 0.51


def test_minetti_2002_energy_per_km_for_a_70_kg_runner():
    # science ref §6.3: 70 kg runner, 252.0 / 417.8 / 150.6 kJ per km on
    # flat / +10 % / −10 %; flat ≈ 60.2 kcal/km (≈ 0.86 kcal/kg/km).
    kj_per_km = {g: tr.running_energy_cost(g) * 70 * 1000 / 1000 for g in (0.0, 0.10, -0.10)}
    assert kj_per_km[0.0] == pytest.approx(252.0, abs=0.1)
    assert kj_per_km[0.10] == pytest.approx(417.8, abs=0.1)
    assert kj_per_km[-0.10] == pytest.approx(150.6, abs=0.1)
    assert kj_per_km[0.0] / 4.184 == pytest.approx(60.2, abs=0.05)
    assert kj_per_km[0.0] / 4.184 / 70 == pytest.approx(0.86, abs=0.005)


def test_minetti_2002_metabolic_power_uphill():
    # science ref §6.3: 3.0 m/s up a +10 % grade = 17.9 W/kg (cost × speed)
    assert tr.running_energy_cost(0.10) * 3.0 == pytest.approx(17.9, abs=0.05)


def test_minetti_coefficients_as_published():
    # Minetti et al. 2002 running polynomial, highest power first
    assert tr.MINETTI_2002_RUNNING_COEFFICIENTS == (155.4, -30.4, -43.3, 46.3, 19.5, 3.6)
    assert tr.GRADE_RANGE == (-0.45, 0.45)


def test_running_energy_cost_defined_once_and_reexported():
    # Chapter 6 reuses the same function: damage must not define its own.
    assert dm.running_energy_cost is heavylegs.terrain.running_energy_cost
    assert "running_energy_cost" in dm.__all__


def test_minetti_range_ends_are_allowed():
    tr.running_energy_cost(-0.45)
    tr.running_energy_cost(0.45)
    tr.running_energy_cost([-0.45, 0.45])


# ---------------------------------------------------------------------------
# Chapter 2: eccentric work of a descent, m·g·Δh
# ---------------------------------------------------------------------------


def test_eccentric_work_70_kg_down_100_m():
    # science ref Ch. 2 gives 68.67 kJ (±0.01) for a 70 kg runner dropping
    # 100 m; that figure uses g = 9.81 m/s². With standard gravity
    # 9.80665 m/s² (as heavylegs.units uses) the exact value is 68.64655 kJ.
    assert dm.eccentric_work_kj(70, 100) == pytest.approx(68.64655, abs=1e-9)
    assert 70 * 9.81 * 100 / 1000 == pytest.approx(68.67, abs=0.01)
    assert dm.eccentric_work_kj(70, 100) == pytest.approx(68.67, abs=0.025)


def test_eccentric_work_uses_standard_gravity():
    assert dm.eccentric_work_kj(100, 1000) == pytest.approx(980.665, abs=1e-9)


def test_eccentric_work_zero_descent_and_arrays():
    assert dm.eccentric_work_kj(70, 0) == 0.0
    out = dm.eccentric_work_kj(70, [0, 100, 1000])
    assert isinstance(out, np.ndarray)
    assert out == pytest.approx([0.0, 68.64655, 686.4655])
    # Masses and descents broadcast against each other.
    grid = dm.eccentric_work_kj(np.array([[50.0], [100.0]]), [100, 200])
    assert grid.shape == (2, 2)
    assert grid[1, 1] == pytest.approx(4 * grid[0, 0])
    assert type(dm.eccentric_work_kj(70, 100)) is float


def test_downhill_feels_cheap_but_loads_the_legs():
    # A 70 kg runner covering 1 km at −10 %: metabolic cost ≈ 150.6 kJ
    # (science ref §6.3), while the legs brake 100 m of drop, 68.6 kJ.
    metabolic_kj = dm.running_energy_cost(-0.10) * 70 * 1000 / 1000
    assert metabolic_kj == pytest.approx(150.6, abs=0.1)
    assert metabolic_kj < dm.running_energy_cost(0.0) * 70
    assert dm.eccentric_work_kj(70, 100) == pytest.approx(68.6, abs=0.05)


# ---------------------------------------------------------------------------
# Chapter 2: soreness, illustrative gamma-variate (science ref Ch. 2)
# ---------------------------------------------------------------------------

HOURS = [12, 24, 48, 72, 96, 168]


def test_soreness_gamma_variate_shape_2_table():
    # science ref Ch. 2, t_p = 48 h, a = 2: 0.280 / 0.680 / 1.000 / 0.828 / 0.541 / 0.083
    expected = [0.280, 0.680, 1.000, 0.828, 0.541, 0.083]
    assert dm.soreness_curve(HOURS) == pytest.approx(expected, abs=5e-4)
    assert dm.soreness_curve(HOURS, peak_h=48.0, shape=2.0) == pytest.approx(expected, abs=5e-4)


def test_soreness_gamma_variate_shape_3_table():
    # science ref Ch. 2, t_p = 48 h, a = 3: 0.148 / 0.560 / 1.000 / 0.753 / 0.398 / 0.024
    expected = [0.148, 0.560, 1.000, 0.753, 0.398, 0.024]
    assert dm.soreness_curve(HOURS, shape=3.0) == pytest.approx(expected, abs=5e-4)


def test_soreness_is_zero_at_the_end_of_exercise_and_one_at_the_peak():
    assert dm.soreness_curve(0.0) == 0.0
    assert dm.soreness_curve(48.0) == pytest.approx(1.0, abs=1e-15)
    assert dm.soreness_curve(30.0, peak_h=30.0, shape=5.0) == pytest.approx(1.0, abs=1e-15)


def test_soreness_subsides_by_5_to_7_days_with_defaults():
    # Timing fact (science ref Ch. 2, secondary): subsides by 5–7 d. The
    # illustrative curve is below 10 % of its peak by day 7.
    assert dm.soreness_curve(7 * 24) < 0.1
    assert dm.soreness_curve(5 * 24) < 0.35


def test_soreness_far_in_the_future_is_zero_not_nan():
    assert dm.soreness_curve(1e6) == 0.0
    assert dm.soreness_curve(1e300, peak_h=1.0, shape=10.0) == 0.0


def test_soreness_returns_float_or_array():
    assert type(dm.soreness_curve(24.0)) is float
    assert isinstance(dm.soreness_curve([24.0]), np.ndarray)
    # Arrays of peak times broadcast against hours.
    grid = dm.soreness_curve(np.array([24.0, 48.0])[:, None], peak_h=[24.0, 48.0])
    assert np.diag(grid) == pytest.approx([1.0, 1.0])


# ---------------------------------------------------------------------------
# Chapter 2: creatine kinase, Bateman curve with Apple 1984's half-life
# ---------------------------------------------------------------------------


def test_ck_elimination_constant_from_apple_1984_half_life():
    # Apple et al., Clin Chim Acta 1984: CK half-life 49 h after a marathon;
    # k_e = ln2/49 h = 0.01415 h⁻¹ (science ref Ch. 2)
    assert dm.APPLE_1984_CK_HALF_LIFE_H == 49.0
    assert math.log(2) / dm.APPLE_1984_CK_HALF_LIFE_H == pytest.approx(0.01415, abs=5e-6)


def test_ck_appearance_constant_puts_peak_at_24_h():
    # science ref Ch. 2: k_a = 0.09229 h⁻¹ puts the peak at 24 h
    k_a = dm.ck_appearance_rate_per_h()
    assert k_a == pytest.approx(0.09229, abs=5e-6)
    assert dm.ck_appearance_rate_per_h(24.0, 49.0) == k_a
    k_e = math.log(2) / 49
    # The peak-time condition holds to rounding.
    assert math.log(k_a / k_e) / (k_a - k_e) == pytest.approx(24.0, rel=1e-12)


def test_ck_curve_after_a_marathon_table():
    # science ref Ch. 2: baseline 150 U/L, +1000 U/L at the peak, CK at
    # 0/12/24/48/72/120/168 h = 150 / 1002 / 1150 / 971 / 747 / 454 / 304 U/L (±1)
    hours = [0, 12, 24, 48, 72, 120, 168]
    expected = [150, 1002, 1150, 971, 747, 454, 304]
    assert dm.ck_curve(hours) == pytest.approx(expected, abs=1.0)
    assert dm.ck_curve(hours, baseline_u_l=150.0, rise_u_l=1000.0, peak_h=24.0,
                       half_life_h=49.0) == pytest.approx(expected, abs=1.0)


def test_ck_curve_peak_and_baseline_exact():
    assert dm.ck_curve(0.0) == pytest.approx(150.0, abs=1e-9)
    assert dm.ck_curve(24.0) == pytest.approx(1150.0, abs=1e-9)
    assert dm.ck_curve(60.0, baseline_u_l=200.0, rise_u_l=25_044.0, peak_h=60.0,
                       half_life_h=49.0) == pytest.approx(25_244.0, rel=1e-12)


def test_ck_curve_late_peak_needs_a_longer_half_life():
    # CK after eccentric elbow-flexor work peaks at 96–120 h (science ref Ch. 2):
    # impossible with a 49 h half-life (latest peak 49/ln 2 = 70.69 h),
    # possible with a longer one.
    assert 49 / math.log(2) == pytest.approx(70.69, abs=0.005)
    hours = np.linspace(0, 400, 40_001)
    ck = dm.ck_curve(hours, peak_h=96.0, half_life_h=100.0)
    assert hours[int(np.argmax(ck))] == pytest.approx(96.0, abs=0.01)
    assert ck.max() == pytest.approx(1150.0, rel=1e-9)


def test_ck_curve_near_the_limiting_peak_is_still_well_behaved():
    # k_a → k_e: the curve tends to t·exp(−k_e t); no 0/0 from cancellation.
    limit = 49 / math.log(2)
    peak = limit * (1 - 1e-9)
    ck = dm.ck_curve([0.0, peak, 2 * peak], peak_h=peak)
    assert np.all(np.isfinite(ck))
    assert ck[1] == pytest.approx(1150.0, rel=1e-9)
    # Limiting shape: CK − baseline = rise·(t/T)·e^(1 − t/T), at t = 2T: 2/e
    assert ck[2] == pytest.approx(150 + 1000 * 2 / math.e, rel=1e-4)


def test_ck_curve_returns_float_or_array_and_broadcasts():
    assert type(dm.ck_curve(24.0)) is float
    assert isinstance(dm.ck_curve([24.0]), np.ndarray)
    assert type(dm.ck_appearance_rate_per_h()) is float
    rates = dm.ck_appearance_rate_per_h([12.0, 24.0, 48.0])
    assert isinstance(rates, np.ndarray) and rates.shape == (3,)
    assert rates[1] == pytest.approx(0.09229, abs=5e-6)
    # Earlier peaks need faster appearance.
    assert rates[0] > rates[1] > rates[2]
    # Several people at once: one peak time each.
    peaks = np.array([12.0, 24.0, 48.0])
    ck = dm.ck_curve(peaks, rise_u_l=[500.0, 1000.0, 5000.0], peak_h=peaks)
    assert ck == pytest.approx([650.0, 1150.0, 5150.0], rel=1e-9)


def test_ck_between_person_range_is_recorded():
    # Nosaka et al. abstract (science ref Ch. 2): peak CK 236–25 244 IU/L
    assert dm.NOSAKA_PEAK_CK_RANGE_U_L == (236.0, 25_244.0)
    assert dm.NOSAKA_PEAK_CK_RANGE_U_L[1] - 150 <= dm.CK_RISE_RANGE_U_L[1]


# ---------------------------------------------------------------------------
# Chapter 2: repeated-bout effect (published facts, teaching-assumption curve)
# ---------------------------------------------------------------------------


def test_repeated_bout_protection_anchors():
    # Can J Appl Physiol 2005;30(5):529 (science ref Ch. 2): all markers
    # reduced with a 4 or 8 week gap, only some at 12 weeks. Teaching curve:
    # near full at 4 weeks, most at 8, half of the maximum at 12, little at 24.
    p = dm.repeated_bout_protection([4, 8, 12, 24])
    p_max = dm.DEFAULT_MAX_PROTECTION
    assert p[0] == pytest.approx(p_max / (1 + (4 / 12) ** 4))
    assert p[0] / p_max == pytest.approx(0.99, abs=0.005)
    assert p[1] / p_max == pytest.approx(0.84, abs=0.005)
    assert p[2] == pytest.approx(p_max / 2)
    assert p[3] / p_max == pytest.approx(0.06, abs=0.005)
    assert dm.repeated_bout_protection(12) == pytest.approx(0.25)


def test_repeated_bout_protection_keywords_and_use_with_ck():
    assert dm.repeated_bout_protection(6, max_protection=0.8,
                                       half_protection_weeks=6) == pytest.approx(0.4)
    assert dm.repeated_bout_protection(6, max_protection=0.0) == 0.0
    # Second bout four weeks later: a smaller CK rise.
    p = dm.repeated_bout_protection(4)
    second = dm.ck_curve(24.0, rise_u_l=1000.0 * (1 - p))
    assert second < dm.ck_curve(24.0)
    assert type(p) is float


# ---------------------------------------------------------------------------
# Every kind of bad input: ValueError naming parameter, unit and range
# ---------------------------------------------------------------------------

ERROR_CASES = [
    # running_energy_cost
    (lambda: tr.running_energy_cost(0.5), r"^running_energy_cost: grade must be between -0\.45 and 0\.45 \(got 0\.5\); grade is rise over run, a dimensionless fraction \(10 % is 0\.10\)"),
    (lambda: tr.running_energy_cost(10), r"grade must be between -0\.45 and 0\.45 \(got 10\.0\)"),
    (lambda: tr.running_energy_cost(-0.46), r"grade must be between -0\.45 and 0\.45 \(got -0\.46\)"),
    (lambda: tr.running_energy_cost([0.0, 0.5]), r"grade must be between -0\.45 and 0\.45 \(got 0\.5 at index 1\)"),
    (lambda: tr.running_energy_cost(float("nan")), r"grade must be between -0\.45 and 0\.45 \(got nan\).*NaN"),
    (lambda: tr.running_energy_cost("0.1"), r"running_energy_cost: grade must be a real number"),
    (lambda: tr.running_energy_cost(None), r"running_energy_cost: grade must be a real number"),
    (lambda: dm.running_energy_cost(math.inf), r"grade must be between -0\.45 and 0\.45 \(got inf\)"),
    # eccentric_work_kj
    (lambda: dm.eccentric_work_kj(20, 100), r"^eccentric_work_kj: mass_kg must be between 30 and 200 kg \(got 20\.0 kg\)"),
    (lambda: dm.eccentric_work_kj(250, 100), r"mass_kg must be between 30 and 200 kg"),
    (lambda: dm.eccentric_work_kj(70, -100), r"^eccentric_work_kj: descent_m must be between 0 and 30000 m \(got -100\.0 m\); give the height lost as a positive number"),
    (lambda: dm.eccentric_work_kj(70, 40_000), r"descent_m must be between 0 and 30000 m \(got 40000\.0 m\)"),
    (lambda: dm.eccentric_work_kj(70, [100, float("nan")]), r"descent_m must be between 0 and 30000 m \(got nan m at index 1\)"),
    (lambda: dm.eccentric_work_kj(True, 100), r"mass_kg must be a real number in kg"),
    (lambda: dm.eccentric_work_kj(70, "100"), r"descent_m must be a real number in m"),
    # soreness_curve
    (lambda: dm.soreness_curve(-1.0), r"^soreness_curve: hours must be >= 0 h \(got -1\.0 h\)$"),
    (lambda: dm.soreness_curve([0, -1]), r"hours must be >= 0 h \(got -1\.0 h at index 1\)"),
    (lambda: dm.soreness_curve(math.inf), r"hours must be >= 0 h \(got inf h\)"),
    (lambda: dm.soreness_curve(float("nan")), r"hours must be >= 0 h \(got nan h\)"),
    (lambda: dm.soreness_curve(24, peak_h=0.0), r"^soreness_curve: peak_h must be between 1 and 240 h \(got 0\.0 h\)"),
    (lambda: dm.soreness_curve(24, peak_h=300.0), r"peak_h must be between 1 and 240 h"),
    (lambda: dm.soreness_curve(24, shape=0.0), r"^soreness_curve: shape must be between 0\.5 and 10 \(got 0\.0\)"),
    (lambda: dm.soreness_curve(24, shape=11), r"shape must be between 0\.5 and 10 \(got 11\.0\)"),
    (lambda: dm.soreness_curve("24"), r"hours must be a real number in h"),
    (lambda: dm.soreness_curve(24, shape=1j), r"shape must be a real number"),
    # ck_curve
    (lambda: dm.ck_curve(-5.0), r"^ck_curve: hours must be >= 0 h \(got -5\.0 h\)"),
    (lambda: dm.ck_curve(24, baseline_u_l=-1), r"^ck_curve: baseline_u_l must be between 0 and 5000 U/L \(got -1\.0 U/L\)"),
    (lambda: dm.ck_curve(24, baseline_u_l=6000), r"baseline_u_l must be between 0 and 5000 U/L"),
    (lambda: dm.ck_curve(24, rise_u_l=-10), r"^ck_curve: rise_u_l must be between 0 and 100000 U/L \(got -10\.0 U/L\)"),
    (lambda: dm.ck_curve(24, rise_u_l=200_000), r"rise_u_l must be between 0 and 100000 U/L"),
    (lambda: dm.ck_curve(24, peak_h=0.5), r"^ck_curve: peak_h must be between 1 and 240 h \(got 0\.5 h\)"),
    (lambda: dm.ck_curve(24, half_life_h=2), r"^ck_curve: half_life_h must be between 5 and 500 h \(got 2\.0 h\)"),
    (lambda: dm.ck_curve(24, half_life_h=1000), r"half_life_h must be between 5 and 500 h"),
    # peak_h at or beyond the limiting value 1/k_e = half_life_h/ln 2
    (lambda: dm.ck_curve(24, peak_h=96.0), r"^ck_curve: peak_h must be >= 1 h and < half_life_h/ln 2 = 70\.69 h when half_life_h = 49 h \(got 96\.0 h\)"),
    (lambda: dm.ck_curve(24, peak_h=49 / math.log(2)), r"peak_h must be >= 1 h and < half_life_h/ln 2 = 70\.69 h"),
    (lambda: dm.ck_curve(24, peak_h=30, half_life_h=20), r"peak_h must be >= 1 h and < half_life_h/ln 2 = 28\.85 h when half_life_h = 20 h \(got 30\.0 h\).*longer half_life_h"),
    (lambda: dm.ck_curve(24, peak_h=[24, 96]), r"peak_h must be >= 1 h and < half_life_h/ln 2 = 70\.69 h when half_life_h = 49 h \(got 96\.0 h at index 1\)"),
    (lambda: dm.ck_curve(None), r"ck_curve: hours must be a real number in h"),
    # ck_appearance_rate_per_h
    (lambda: dm.ck_appearance_rate_per_h(80.0), r"^ck_appearance_rate_per_h: peak_h must be >= 1 h and < half_life_h/ln 2 = 70\.69 h"),
    (lambda: dm.ck_appearance_rate_per_h(24.0, half_life_h=0), r"^ck_appearance_rate_per_h: half_life_h must be between 5 and 500 h"),
    (lambda: dm.ck_appearance_rate_per_h(float("nan")), r"peak_h must be between 1 and 240 h \(got nan h\)"),
    # repeated_bout_protection
    (lambda: dm.repeated_bout_protection(0.5), r"^repeated_bout_protection: weeks_between_bouts must be between 1 and 104 weeks \(got 0\.5 weeks\)"),
    (lambda: dm.repeated_bout_protection(200), r"weeks_between_bouts must be between 1 and 104 weeks"),
    (lambda: dm.repeated_bout_protection(4, max_protection=1.5), r"^repeated_bout_protection: max_protection must be between 0 and 1 \(got 1\.5\)"),
    (lambda: dm.repeated_bout_protection(4, half_protection_weeks=0), r"half_protection_weeks must be between 1 and 52 weeks \(got 0\.0 weeks\)"),
    (lambda: dm.repeated_bout_protection("4"), r"weeks_between_bouts must be a real number in weeks"),
]


@pytest.mark.parametrize("call, message", ERROR_CASES)
def test_value_errors_name_parameter_unit_and_range(call, message):
    with pytest.raises(ValueError, match=message):
        call()
