"""Property tests: physical sanity of the Chapter 2 models under random inputs."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from heavylegs import damage as dm
from heavylegs import terrain as tr

FAST = settings(max_examples=100, deadline=None)

hours = st.floats(0, 2_000, allow_nan=False)
peaks = st.floats(1, 240)
shapes = st.floats(0.5, 10)
grades = st.floats(-0.45, 0.45)
masses = st.floats(30, 200)
descents = st.floats(0, 30_000)
baselines = st.floats(0, 5_000)
rises = st.floats(0, 100_000)
half_lives = st.floats(5, 500)


@st.composite
def ck_timing(draw):
    """A half-life and a peak time that a Bateman curve can reach (peak < half-life/ln 2)."""
    half_life = draw(half_lives)
    limit = min(half_life / math.log(2), 240.0)
    assume(limit > 1.0)
    fraction = draw(st.floats(0, 0.999))
    return 1.0 + fraction * (limit - 1.0), half_life


# --- Soreness (illustrative gamma-variate) -----------------------------------


@FAST
@given(peaks, shapes)
def test_soreness_peaks_at_peak_h_with_value_one(peak_h, shape):
    assert dm.soreness_curve(peak_h, peak_h=peak_h, shape=shape) == pytest.approx(1.0, abs=1e-12)
    # Neighbouring times on either side are lower: the maximum is at peak_h.
    for factor in (0.9, 0.99, 1.01, 1.1):
        assert dm.soreness_curve(peak_h * factor, peak_h=peak_h, shape=shape) < 1.0


@FAST
@given(st.lists(hours, min_size=1, max_size=50), peaks, shapes)
def test_soreness_between_zero_and_one(t, peak_h, shape):
    s = dm.soreness_curve(t, peak_h=peak_h, shape=shape)
    assert np.all(s >= 0.0)
    assert np.all(s <= 1.0 + 1e-12)


@FAST
@given(hours, hours, peaks, shapes)
def test_soreness_rises_before_the_peak_and_falls_after(a, b, peak_h, shape):
    early, late = sorted((a, b))
    s_early = dm.soreness_curve(early, peak_h=peak_h, shape=shape)
    s_late = dm.soreness_curve(late, peak_h=peak_h, shape=shape)
    if late <= peak_h:
        assert s_late >= s_early - 1e-12
    if early >= peak_h:
        assert s_late <= s_early + 1e-12


@FAST
@given(peaks, shapes)
def test_soreness_fades_to_zero_late(peak_h, shape):
    assert dm.soreness_curve(0.0, peak_h=peak_h, shape=shape) == 0.0
    # Long after the peak, nothing is left (and no overflow into NaN).
    late = dm.soreness_curve(100 * peak_h, peak_h=peak_h, shape=shape)
    assert 0.0 <= late < 1e-15


@FAST
@given(st.lists(hours, min_size=1, max_size=20), peaks, shapes)
def test_soreness_scalar_and_array_agree(t, peak_h, shape):
    arr = dm.soreness_curve(t, peak_h=peak_h, shape=shape)
    one_by_one = [dm.soreness_curve(x, peak_h=peak_h, shape=shape) for x in t]
    assert arr == pytest.approx(one_by_one, rel=1e-12, abs=1e-300)


# --- Creatine kinase (illustrative Bateman curve) ----------------------------


@FAST
@given(ck_timing(), baselines, rises)
def test_ck_peak_is_at_peak_h_and_equals_baseline_plus_rise(timing, baseline, rise):
    peak_h, half_life = timing
    kw = dict(baseline_u_l=baseline, rise_u_l=rise, peak_h=peak_h, half_life_h=half_life)
    top = baseline + rise
    assert dm.ck_curve(peak_h, **kw) == pytest.approx(top, rel=1e-9, abs=1e-9)
    # Nowhere higher, on a grid around the peak and far beyond it.
    grid = np.concatenate([np.linspace(0, 3 * peak_h, 301), [10 * peak_h, 1_000.0]])
    assert np.all(dm.ck_curve(grid, **kw) <= top * (1 + 1e-9) + 1e-9)


@FAST
@given(ck_timing())
def test_ck_appearance_rate_satisfies_the_peak_time_condition(timing):
    peak_h, half_life = timing
    k_e = math.log(2) / half_life
    k_a = dm.ck_appearance_rate_per_h(peak_h, half_life)
    assert k_a > k_e
    # ln(k_a/k_e)/(k_a − k_e) = peak_h, written stably for k_a close to k_e.
    excess = k_a / k_e - 1.0
    assert math.log1p(excess) / (k_a - k_e) == pytest.approx(peak_h, rel=1e-6)


@FAST
@given(st.lists(hours, min_size=1, max_size=50), ck_timing(), baselines, rises)
def test_ck_never_below_baseline(t, timing, baseline, rise):
    peak_h, half_life = timing
    ck = dm.ck_curve(t, baseline_u_l=baseline, rise_u_l=rise, peak_h=peak_h,
                     half_life_h=half_life)
    assert np.all(np.isfinite(ck))
    assert np.all(ck >= baseline - 1e-9 * max(baseline, 1.0))


@FAST
@given(hours, hours, ck_timing())
def test_ck_rises_to_the_peak_then_clears(a, b, timing):
    peak_h, half_life = timing
    early, late = sorted((a, b))
    c_early = dm.ck_curve(early, peak_h=peak_h, half_life_h=half_life)
    c_late = dm.ck_curve(late, peak_h=peak_h, half_life_h=half_life)
    if late <= peak_h:
        assert c_late >= c_early - 1e-9
    if early >= peak_h:
        assert c_late <= c_early + 1e-9


@FAST
@given(ck_timing(), baselines, rises)
def test_ck_starts_at_baseline_and_returns_to_it(timing, baseline, rise):
    peak_h, half_life = timing
    kw = dict(baseline_u_l=baseline, rise_u_l=rise, peak_h=peak_h, half_life_h=half_life)
    assert dm.ck_curve(0.0, **kw) == pytest.approx(baseline, abs=1e-9)
    # After 60 half-lives the excess has cleared to within 2^-50 of the rise or so.
    late = dm.ck_curve(60 * half_life, **kw)
    assert late - baseline <= rise * 1e-12 + 1e-9


@FAST
@given(half_lives, st.floats(1.0, 1.5))
def test_ck_peak_at_or_after_the_limit_is_refused(half_life, factor):
    peak_h = half_life / math.log(2) * factor
    assume(1.0 <= peak_h <= 240.0)
    with pytest.raises(ValueError, match=r"peak_h must be >= 1 h and < half_life_h/ln 2 = .* h"):
        dm.ck_curve(24.0, peak_h=peak_h, half_life_h=half_life)


@FAST
@given(st.lists(hours, min_size=1, max_size=20), ck_timing())
def test_ck_scalar_and_array_agree(t, timing):
    peak_h, half_life = timing
    arr = dm.ck_curve(t, peak_h=peak_h, half_life_h=half_life)
    one_by_one = [dm.ck_curve(x, peak_h=peak_h, half_life_h=half_life) for x in t]
    assert arr == pytest.approx(one_by_one, rel=1e-12)


# --- Eccentric work, m·g·Δh -----------------------------------------------------


@FAST
@given(masses, descents, st.floats(0, 1))
def test_eccentric_work_linear_in_descent(mass, descent, fraction):
    part = dm.eccentric_work_kj(mass, descent * fraction)
    rest = dm.eccentric_work_kj(mass, descent * (1 - fraction))
    assert part + rest == pytest.approx(dm.eccentric_work_kj(mass, descent), rel=1e-9, abs=1e-9)
    assert dm.eccentric_work_kj(mass, descent) == pytest.approx(
        mass * 9.80665 * descent / 1000, rel=1e-12)


@FAST
@given(st.floats(30, 100), descents, st.floats(1, 2))
def test_eccentric_work_proportional_to_mass(mass, descent, factor):
    assert dm.eccentric_work_kj(mass * factor, descent) == pytest.approx(
        factor * dm.eccentric_work_kj(mass, descent), rel=1e-12)


@FAST
@given(st.lists(masses, min_size=1, max_size=20), descents)
def test_eccentric_work_scalar_and_array_agree_and_never_negative(ms, descent):
    arr = dm.eccentric_work_kj(ms, descent)
    assert arr == pytest.approx([dm.eccentric_work_kj(m, descent) for m in ms], rel=1e-12)
    assert np.all(arr >= 0.0)


# --- Minetti et al. 2002 running cost ------------------------------------------


@FAST
@given(grades)
def test_running_cost_positive_and_at_least_the_minimum(grade):
    cost = tr.running_energy_cost(grade)
    assert cost > 0.0
    # The polynomial's least value over the range is 1.781 J/kg/m at −0.1814.
    assert cost >= 1.7812 - 1e-4


@FAST
@given(grades, grades)
def test_running_cost_falls_towards_the_minimum_near_minus_0_18(a, b):
    # Unimodal over the range: away from the minimum the cost only rises.
    minimum = -0.18135
    near, far = sorted((a, b), key=lambda g: abs(g - minimum))
    same_side = (near - minimum) * (far - minimum) >= 0
    if same_side:
        assert tr.running_energy_cost(far) >= tr.running_energy_cost(near) - 1e-12


@FAST
@given(st.floats(0, 0.45), st.floats(0, 0.45))
def test_running_cost_rises_with_uphill_grade(a, b):
    lo, hi = sorted((a, b))
    assert tr.running_energy_cost(hi) >= tr.running_energy_cost(lo)


@FAST
@given(st.lists(grades, min_size=1, max_size=30))
def test_running_cost_scalar_and_array_agree(gs):
    arr = tr.running_energy_cost(gs)
    assert arr == pytest.approx([tr.running_energy_cost(g) for g in gs], rel=1e-12)
    assert dm.running_energy_cost(gs) == pytest.approx(arr, rel=0)


@FAST
@given(st.one_of(st.floats(0.4501, 100), st.floats(-100, -0.4501)))
def test_running_cost_refuses_grades_outside_minetti_range(grade):
    with pytest.raises(ValueError, match=r"grade must be between -0\.45 and 0\.45"):
        tr.running_energy_cost(grade)


# --- Repeated-bout protection (teaching assumption) ----------------------------


@FAST
@given(st.floats(1, 104), st.floats(1, 104), st.floats(0, 1), st.floats(1, 52))
def test_protection_fades_with_time_and_stays_in_bounds(a, b, p_max, half):
    soon, later = sorted((a, b))
    kw = dict(max_protection=p_max, half_protection_weeks=half)
    p_soon = dm.repeated_bout_protection(soon, **kw)
    p_later = dm.repeated_bout_protection(later, **kw)
    assert 0.0 <= p_later <= p_soon <= p_max
    assert dm.repeated_bout_protection(half, **kw) == pytest.approx(p_max / 2)
