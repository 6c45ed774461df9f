"""Property tests: physical sanity of the Chapter 1 models under random inputs."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from heavylegs import metabolism as m
from heavylegs.validation import check_range

FAST = settings(max_examples=100, deadline=None)

# Cycling-power-like sessions: CP 150–400 W, W′ 5–40 kJ, samples 0–800 W.
powers = st.lists(st.floats(0, 800, allow_nan=False), min_size=1, max_size=300)
critical_powers = st.floats(150, 400)
w_primes = st.floats(5_000, 40_000)
dts = st.floats(0.2, 5.0)
taus = st.floats(30, 2_000)
methods = st.sampled_from(["differential", "integral"])


def _balance(x, cp, wp, dt, method, tau):
    if method == "integral":
        return m.w_prime_balance(x, cp, wp, dt_s=dt, method=method, tau_s=tau)
    return m.w_prime_balance(x, cp, wp, dt_s=dt, method=method)


# --- W′ balance -------------------------------------------------------------


@FAST
@given(powers, critical_powers, w_primes, dts, methods)
def test_balance_never_above_w_prime(x, cp, wp, dt, method):
    # Integral form with its own τ(DCP) from the data (no tau_s).
    assume(cp * dt <= wp)
    bal = m.w_prime_balance(x, cp, wp, dt_s=dt, method=method)
    assert bal.shape == (len(x),)
    assert np.all(bal <= wp)


@FAST
@given(powers, critical_powers, w_primes, dts)
def test_differential_direction_follows_intensity(x, cp, wp, dt):
    # Above critical the balance never rises; below it never falls.
    assume(cp * dt <= wp)
    bal = m.w_prime_balance(x, cp, wp, dt_s=dt)
    before = np.concatenate([[wp], bal[:-1]])
    x = np.asarray(x)
    assert np.all(bal[x > cp] <= before[x > cp])
    assert np.all(bal[x < cp] >= before[x < cp])
    assert np.all(bal[x == cp] == before[x == cp])


@FAST
@given(st.data(), powers, critical_powers, w_primes, dts, methods, taus)
def test_harder_session_never_drains_less(data, x, cp, wp, dt, method, tau):
    # Raising any sample's intensity can only lower the balance, at every time.
    # (For the integral form τ is held fixed: with τ computed from the data,
    # moving a sample across CP changes the sub-CP mean and so τ, and the
    # property need not hold.)
    assume(cp * dt <= wp)
    extra = data.draw(st.lists(st.floats(0, 300), min_size=len(x), max_size=len(x)))
    harder = np.asarray(x) + np.asarray(extra)
    easy_bal = _balance(x, cp, wp, dt, method, tau)
    hard_bal = _balance(harder, cp, wp, dt, method, tau)
    assert np.all(hard_bal <= easy_bal + 1e-9 * wp)


@FAST
@given(st.floats(0, 1), critical_powers, w_primes, st.integers(1, 2_000), dts, methods)
def test_constant_sub_critical_from_full_stays_full(frac, cp, wp, n, dt, method):
    assume(cp * dt <= wp)
    x = np.full(n, frac * cp)
    bal = m.w_prime_balance(x, cp, wp, dt_s=dt, method=method)
    assert np.all(bal == wp)


@FAST
@given(st.floats(1, 400), critical_powers, w_primes, st.integers(1, 200), dts, methods)
def test_constant_supra_critical_drains_linearly_while_fresh(excess, cp, wp, n, dt, method):
    # From full, a constant effort above critical costs (x − critical)·dt per
    # sample in the differential form; the integral form decays earlier
    # expenditure, so it drains at most that much.
    assume(cp * dt <= wp)
    bal = m.w_prime_balance(np.full(n, cp + excess), cp, wp, dt_s=dt, method=method)
    linear = wp - excess * dt * np.arange(1, n + 1)
    if method == "differential":
        assert bal == pytest.approx(linear, rel=1e-9, abs=1e-9 * wp)
    else:
        assert np.all(bal >= linear - 1e-9 * wp)


@FAST
@given(powers, critical_powers, w_primes, taus)
def test_integral_running_sum_equals_direct_sum(x, cp, wp, tau):
    # The O(n) decayed running sum equals Skiba 2012's sum evaluated directly.
    x = np.asarray(x[:120])
    t = np.arange(x.size)
    expended = np.maximum(x - cp, 0.0)
    direct = np.array([wp - np.sum(expended[: i + 1] * np.exp(-(i - t[: i + 1]) / tau))
                       for i in range(x.size)])
    fast = m.w_prime_balance(x, cp, wp, method="integral", tau_s=tau)
    assert fast == pytest.approx(direct, rel=1e-9, abs=1e-6)


@FAST
@given(st.lists(st.floats(0, 8, allow_nan=False), min_size=1, max_size=300),
       st.floats(3.0, 6.0), st.floats(50, 400), methods, taus)
def test_d_prime_balance_for_speed_never_above_d_prime(v, cs, d_prime, method, tau):
    bal = _balance(v, cs, d_prime, 1.0, method, tau)
    assert np.all(bal <= d_prime)


@FAST
@given(st.floats(0, 2_000), st.floats(0, 2_000))
def test_wbal_tau_decreases_with_dcp_and_stays_in_bounds(a, b):
    lo, hi = sorted((a, b))
    assert m.wbal_tau(lo) >= m.wbal_tau(hi)
    assert 316 <= m.wbal_tau(hi) <= 862


# --- Critical speed ----------------------------------------------------------


@FAST
@given(st.floats(2.0, 7.0), st.floats(20, 500),
       st.lists(st.floats(120, 1_500), min_size=2, max_size=6, unique=True))
def test_critical_speed_recovers_parameters_from_noise_free_trials(cs, d_prime, times):
    assume(max(times) - min(times) > 10)
    distances = [cs * t + d_prime for t in times]
    fit = m.critical_speed(distances, times)
    assert fit.cs_m_per_s == pytest.approx(cs, rel=1e-9)
    assert fit.d_prime_m == pytest.approx(d_prime, rel=1e-7, abs=1e-6)


@FAST
@given(st.floats(2.0, 7.0), st.floats(20, 500), st.floats(0, 12), st.floats(0, 12))
def test_time_to_exhaustion_decreases_with_speed(cs, d_prime, v1, v2):
    slow, fast = sorted((v1, v2))
    t_slow = m.time_to_exhaustion(slow, cs, d_prime)
    t_fast = m.time_to_exhaustion(fast, cs, d_prime)
    assert t_fast <= t_slow
    if fast <= cs:
        assert t_fast == math.inf
    else:
        assert t_fast > 0
        # Covering D′ above CS exhausts it exactly.
        assert (fast - cs) * t_fast == pytest.approx(d_prime)


# --- Glycogen budget -----------------------------------------------------------

intensities = st.floats(0.3, 1.0)
intakes = st.floats(0, 120)
body_masses = st.floats(30, 200)
vo2maxes = st.floats(20, 90)


@FAST
@given(intensities, vo2maxes, body_masses, intakes, intakes)
def test_distance_to_wall_increases_with_intake(intensity, vo2max, bm, a, b):
    lo, hi = sorted((a, b))
    kw = dict(intensity=intensity, vo2max_ml_kg_min=vo2max, body_mass_kg=bm)
    assert (m.distance_to_wall_km(carbohydrate_intake_g_per_h=hi, **kw)
            >= m.distance_to_wall_km(carbohydrate_intake_g_per_h=lo, **kw))


@FAST
@given(intensities, intensities, vo2maxes, body_masses, intakes)
def test_distance_to_wall_decreases_with_intensity(a, b, vo2max, bm, intake):
    easy, hard = sorted((a, b))
    kw = dict(vo2max_ml_kg_min=vo2max, body_mass_kg=bm, carbohydrate_intake_g_per_h=intake)
    d_easy = m.distance_to_wall_km(intensity=easy, **kw)
    d_hard = m.distance_to_wall_km(intensity=hard, **kw)
    assert d_hard <= d_easy * (1 + 1e-12)


@FAST
@given(intensities, body_masses, st.floats(0, 150), st.floats(0, 200))
def test_wall_is_where_remaining_glycogen_reaches_zero(intensity, bm, rho, liver):
    kw = dict(intensity=intensity, body_mass_kg=bm, muscle_glycogen_kcal_per_kg=rho,
              liver_glycogen_g=liver)
    wall = m.distance_to_wall_km(**kw)
    store = m.glycogen_store_kcal(bm, 0.21, rho, liver)
    assert m.glycogen_remaining_kcal(0.0, **kw) == pytest.approx(store)
    if wall <= 250:
        assert m.glycogen_remaining_kcal(wall, **kw) == pytest.approx(0.0, abs=1e-9 * max(store, 1))


@FAST
@given(st.floats(1, 250), intensities, vo2maxes, intakes)
def test_carbohydrate_needed_is_zero_exactly_when_the_wall_is_beyond_the_race(
        race, intensity, vo2max, intake):
    kw = dict(intensity=intensity, vo2max_ml_kg_min=vo2max,
              carbohydrate_intake_g_per_h=intake)
    needed = m.carbohydrate_needed_g(race, **kw)
    wall = m.distance_to_wall_km(**kw)
    assert needed >= 0
    assume(abs(wall - race) > 1e-6 * race)
    assert (needed == 0) == (wall > race)


@FAST
@given(st.lists(st.floats(0, 250), min_size=2, max_size=20), intensities)
def test_remaining_glycogen_falls_with_distance_without_intake(distances, intensity):
    d = np.sort(np.asarray(distances))
    remaining = m.glycogen_remaining_kcal(d, intensity=intensity)
    assert np.all(np.diff(remaining) <= 1e-9)


@FAST
@given(intensities, intensities)
def test_carbohydrate_fraction_increases_with_intensity(a, b):
    lo, hi = sorted((a, b))
    assert 0 < m.carbohydrate_fraction(lo) <= m.carbohydrate_fraction(hi) < 1


# --- Substrate oxidation and acidity -------------------------------------------


@FAST
@given(st.floats(0.5, 6.0), st.floats(0.70, 1.00), st.floats(0.70, 1.00))
def test_carbohydrate_share_increases_with_rer(vo2, r1, r2):
    lo, hi = sorted((r1, r2))
    a = m.substrate_oxidation(vo2, vo2 * lo)
    b = m.substrate_oxidation(vo2, vo2 * hi)
    assert b.cho_g_min >= a.cho_g_min - 1e-12
    assert b.fat_g_min <= a.fat_g_min + 1e-12

    def share(ox):  # energy share with 3.72 kcal/g CHO, 9.44 kcal/g fat
        return ox.cho_g_min * 3.72 / (ox.cho_g_min * 3.72 + ox.fat_g_min * 9.44)

    assert share(b) >= share(a) - 1e-12


@FAST
@given(st.floats(6.0, 8.0), st.floats(6.0, 8.0))
def test_hydrogen_ions_fall_as_ph_rises_by_powers_of_ten(p1, p2):
    ratio = m.hydrogen_ion_nmol_per_l(p1) / m.hydrogen_ion_nmol_per_l(p2)
    assert ratio == pytest.approx(10 ** (p2 - p1), rel=1e-12)


# --- Validation ------------------------------------------------------------------


@FAST
@given(st.floats(allow_nan=True, allow_infinity=True), st.floats(-100, 0), st.floats(0, 100))
def test_check_range_accepts_exactly_the_interval(x, low, high):
    inside = (not math.isnan(x)) and low <= x <= high
    if inside:
        assert check_range("x", x, "m", low, high) == x
    else:
        with pytest.raises(ValueError, match=r"x must be between .* m \(got .* m\)"):
            check_range("x", x, "m", low, high)
