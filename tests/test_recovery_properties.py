"""Property tests: sanity of the Chapter 3 models under random inputs."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from heavylegs import recovery as rc

FAST = settings(max_examples=60, deadline=None)

load = st.floats(0, 1_000)
loads = st.lists(load, min_size=1, max_size=120)
gains = st.floats(0, 10)
positive_gains = st.floats(0.01, 10)
taus = st.floats(1, 365)
p0s = st.floats(-1_000, 1_000)
rules = st.sampled_from(rc.PMC_RULES)
methods = st.sampled_from(rc.ACWR_METHODS)


@st.composite
def banister(draw):
    return dict(p0=draw(p0s), k1=draw(gains), k2=draw(gains), tau1_d=draw(taus), tau2_d=draw(taus))


@st.composite
def with_crossover(draw):
    """k2 > k1 > 0 and τ1 > τ2: a session first hurts, then helps."""
    k1 = draw(st.floats(0.01, 5))
    k2 = k1 * draw(st.floats(1.05, 5))
    tau2 = draw(st.floats(1, 100))
    tau1 = tau2 * draw(st.floats(1.2, 3.5))
    assume(tau1 <= 365)
    return k1, k2, tau1, tau2


# --- Banister fitness–fatigue --------------------------------------------------


@FAST
@given(loads, banister())
def test_fitness_and_fatigue_never_negative(w, params):
    frame = rc.fitness_fatigue(w, **params)
    assert (frame["fitness"] >= 0).all() and (frame["fatigue"] >= 0).all()
    assert frame["performance"].to_numpy() == pytest.approx(
        params["p0"] + frame["fitness"].to_numpy() - frame["fatigue"].to_numpy(), rel=1e-12, abs=1e-9)


@FAST
@given(st.lists(st.tuples(load, load), min_size=1, max_size=120), banister())
def test_more_load_never_lowers_fitness_or_fatigue(pairs, params):
    base = [a for a, _ in pairs]
    more = [a + b for a, b in pairs]
    low, high = rc.fitness_fatigue(base, **params), rc.fitness_fatigue(more, **params)
    tolerance = 1e-9 * (1 + high[["fitness", "fatigue"]].to_numpy().max())
    assert (high["fatigue"] >= low["fatigue"] - tolerance).all()
    assert (high["fitness"] >= low["fitness"] - tolerance).all()


@FAST
@given(loads, banister(), st.floats(0, 10))
def test_fitness_and_fatigue_scale_with_the_load(w, params, factor):
    # The model is linear: twice the training, twice the fitness and fatigue.
    one = rc.fitness_fatigue(w, **params)
    scaled = rc.fitness_fatigue([x * factor for x in w], **params)
    for column in ("fitness", "fatigue"):
        assert scaled[column].to_numpy() == pytest.approx(factor * one[column].to_numpy(), rel=1e-9, abs=1e-9)


@FAST
@given(with_crossover(), st.floats(1, 500))
def test_single_session_crossover_matches_the_closed_form(params, w):
    k1, k2, tau1, tau2 = params
    t0 = rc.banister_crossover_day(k1, k2, tau1, tau2)
    assert t0 > 0
    # Fitness and fatigue of the session are equal at t0 ...
    assert k1 * math.exp(-t0 / tau1) == pytest.approx(k2 * math.exp(-t0 / tau2), rel=1e-9)
    # ... and the day-by-day model changes sign there (session on day 1, so
    # "t days after" is day 1 + t). Skip days within rounding of t0.
    days = int(t0) + 3
    assume(days <= 5_000)
    perf = rc.fitness_fatigue([w] + [0.0] * days, 0.0, k1, k2, tau1, tau2)["performance"]
    for t in range(days):
        if abs(t - t0) > 1e-6:
            assert (perf.loc[1 + t] > 0) == (t > t0)


@FAST
@given(with_crossover(), st.floats(1, 500))
def test_single_session_peak_matches_the_closed_form(params, w):
    k1, k2, tau1, tau2 = params
    t_peak = rc.banister_peak_day(k1, k2, tau1, tau2)
    assert t_peak > rc.banister_crossover_day(k1, k2, tau1, tau2)
    # The derivative of Δp is zero at t*, and Δp is lower on either side.
    assert k1 / tau1 * math.exp(-t_peak / tau1) == pytest.approx(k2 / tau2 * math.exp(-t_peak / tau2), rel=1e-9)
    days = int(t_peak) + 3
    assume(days <= 5_000)
    perf = rc.fitness_fatigue([w] + [0.0] * days, 0.0, k1, k2, tau1, tau2)["performance"]
    best_t = perf.idxmax() - 1
    assert best_t in (math.floor(t_peak), math.ceil(t_peak))


@FAST
@given(gains, gains, taus, taus)
def test_crossover_and_peak_exist_exactly_where_the_docstrings_say(k1, k2, tau1, tau2):
    try:
        rc.banister_crossover_day(k1, k2, tau1, tau2)
        has_crossover = True
    except ValueError:
        has_crossover = False
    assert has_crossover == (0 < k1 < k2 and tau1 > tau2)
    try:
        rc.banister_peak_day(k1, k2, tau1, tau2)
        has_peak = True
    except ValueError:
        has_peak = False
    assert has_peak == (k1 > 0 and tau1 > tau2 and k2 * tau1 > k1 * tau2)


# --- Performance Management Chart -----------------------------------------------


@FAST
@given(st.floats(1, 1_000), rules)
def test_ctl_of_a_constant_load_approaches_that_load(constant, rule):
    chart = rc.training_load_chart([constant] * 1_000, rule=rule)
    assert chart["ctl"].iloc[-1] == pytest.approx(constant, rel=1e-9)
    assert chart["atl"].iloc[-1] == pytest.approx(constant, rel=1e-9)
    # From below, never overshooting, and ATL (7 d) gets there first.
    assert (chart["ctl"].diff().dropna() >= 0).all()
    assert (chart["ctl"] <= constant * (1 + 1e-12)).all()
    assert (chart["atl"] >= chart["ctl"] - 1e-9).all()


@FAST
@given(loads, rules)
def test_tsb_is_yesterdays_ctl_minus_atl(w, rule):
    chart = rc.training_load_chart(w, rule=rule)
    assert chart["tsb"].iloc[0] == 0.0
    same_day = (chart["ctl"] - chart["atl"]).to_numpy()
    assert chart["tsb"].to_numpy()[1:] == pytest.approx(same_day[:-1], rel=1e-12, abs=1e-12)


@FAST
@given(loads, rules)
def test_ctl_and_atl_stay_between_zero_and_the_largest_load(w, rule):
    chart = rc.training_load_chart(w, rule=rule)
    top = max(w)
    for column in ("ctl", "atl"):
        assert (chart[column] >= 0).all()
        assert (chart[column] <= top * (1 + 1e-12) + 1e-12).all()


# --- Acute:chronic workload ratio ------------------------------------------------


@FAST
@given(st.lists(load, min_size=1, max_size=80), methods)
def test_acwr_is_nan_until_enough_history(w, method):
    ratio = rc.acwr(w, method=method)
    assert len(ratio) == len(w)
    assert ratio.iloc[:27].isna().all()


@FAST
@given(st.lists(st.floats(1, 1_000), min_size=28, max_size=80), methods)
def test_acwr_is_a_finite_positive_number_with_28_days_of_positive_loads(w, method):
    later = rc.acwr(w, method=method).iloc[27:]
    assert np.isfinite(later).all() and (later > 0).all()


@FAST
@given(st.floats(0.1, 1_000), st.integers(28, 80), methods)
def test_acwr_of_a_constant_load_is_one(constant, days, method):
    ratio = rc.acwr([constant] * days, method=method)
    assert ratio.iloc[27:].to_numpy() == pytest.approx(1.0, rel=1e-9)


@FAST
@given(st.lists(st.floats(1, 1_000), min_size=28, max_size=60), st.floats(0.01, 100), methods)
def test_acwr_does_not_depend_on_the_unit_of_load(w, factor, method):
    one = rc.acwr(w, method=method)
    scaled = rc.acwr([x * factor for x in w], method=method)
    pd.testing.assert_series_equal(one, scaled, rtol=1e-9)


@FAST
@given(st.lists(load, min_size=28, max_size=60))
def test_coupled_acwr_never_above_four(w):
    # This week is inside the 28-day mean (Lolli et al. 2019): at most 28/7.
    ratio = rc.acwr(w, method="coupled").dropna()
    assert (ratio <= 4.0 + 1e-9).all()


# --- Training stress score ----------------------------------------------------------


@FAST
@given(st.floats(0, 604_800), st.floats(0, 2_500), st.floats(30, 700))
def test_tss_is_100_per_hour_at_if_squared(seconds, np_w, ftp):
    expected = 100 * seconds / 3600 * (np_w / ftp) ** 2
    assert rc.training_stress_score(seconds, np_w, ftp) == pytest.approx(expected, rel=1e-12, abs=1e-12)


@FAST
@given(st.lists(st.floats(0, 604_800), min_size=1, max_size=20), st.floats(0, 2_500), st.floats(30, 700))
def test_tss_scalar_and_array_agree_and_grow_with_duration(durations, np_w, ftp):
    arr = rc.training_stress_score(durations, np_w, ftp)
    assert arr == pytest.approx([rc.training_stress_score(d, np_w, ftp) for d in durations], rel=1e-12)
    order = np.argsort(durations)
    assert (np.diff(arr[order]) >= 0).all()


# --- Fitting ---------------------------------------------------------------------------


@settings(max_examples=20, deadline=None)
@given(st.lists(st.floats(0, 300), min_size=60, max_size=60), st.floats(100, 400),
       st.floats(0.01, 1), st.floats(0.01, 1), st.floats(20, 60), st.floats(2, 15))
def test_fit_with_known_time_constants_recovers_the_gains(w, p0, k1, k2, tau1, tau2):
    # With τ1 and τ2 fixed the model is linear in p0, k1, k2: noise-free tests
    # generated by the model give its constants back.
    assume(np.ptp(w[:50]) > 10)
    truth = dict(p0=p0, k1=k1, k2=k2, tau1_d=tau1, tau2_d=tau2)
    days = list(range(10, 61, 5))
    values = rc.fitness_fatigue(w, **truth)["performance"].loc[days]
    fit = rc.fit_fitness_fatigue(w, days, values, fixed={"tau1_d": tau1, "tau2_d": tau2})
    assume(fit.well_determined)
    assert (fit.p0, fit.k1, fit.k2) == pytest.approx((p0, k1, k2), rel=1e-4, abs=1e-4)
    assert fit.sse == pytest.approx(0.0, abs=1e-6)
    assert list(fit.predictions) == pytest.approx(values.tolist(), rel=1e-6)
