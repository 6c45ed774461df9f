"""Property tests: sanity of the Chapter 5 models under random inputs."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from heavylegs import circulation as ci
from heavylegs import nutrition

FAST = settings(max_examples=80, deadline=None)

cardiac_output = st.floats(0, 45)
content = st.floats(0, 30)
haemoglobin = st.floats(6, 20)
height = st.floats(0, 3)
cadence = st.floats(20, 240)
ejection = st.floats(0.01, 0.9)
refill = st.floats(1, 120)
pressure = st.floats(0, 200)


@FAST
@given(cardiac_output, content, content)
def test_vo2_is_between_zero_and_delivery(q, a, v):
    cao2, cvo2 = max(a, v), min(a, v)
    vo2 = ci.fick_vo2(q, cao2, cvo2)
    assert 0 <= vo2 <= ci.oxygen_delivery_ml_min(q, cao2) / 1000 + 1e-12


@FAST
@given(st.floats(1, 45), haemoglobin, haemoglobin, st.floats(0.05, 0.75))
def test_more_haemoglobin_means_more_oxygen_used_at_the_same_flow_and_saturations(q, hb1, hb2, svo2):
    # Fick with chapter 4's content: at fixed flow and saturations VO2 rises with haemoglobin.
    assume(abs(hb1 - hb2) > 1e-6)
    lo, hi = sorted((hb1, hb2))

    def vo2(hb):
        return ci.fick_vo2(q, nutrition.arterial_o2_content(hb, 0.98, 100),
                           nutrition.arterial_o2_content(hb, svo2, 30))
    assert vo2(hi) > vo2(lo)


@FAST
@given(st.floats(0, 22.5), st.floats(0, 22.5), content)
def test_delivery_is_proportional_to_cardiac_output(q1, q2, cao2):
    assert ci.oxygen_delivery_ml_min(q1 + q2, cao2) == pytest.approx(
        ci.oxygen_delivery_ml_min(q1, cao2) + ci.oxygen_delivery_ml_min(q2, cao2))


@FAST
@given(height, height)
def test_taller_column_more_pressure(h1, h2):
    assume(abs(h1 - h2) > 1e-9)
    lo, hi = sorted((h1, h2))
    assert ci.hydrostatic_pressure_mmhg(hi) > ci.hydrostatic_pressure_mmhg(lo)


@FAST
@given(st.floats(0.5, 2), cadence, ejection, refill)
def test_walking_pressure_is_below_standing_and_the_trough_below_the_peak(h, spm, ef, rt):
    standing = ci.hydrostatic_pressure_mmhg(h)
    low, high = ci.walking_vein_pressure_mmhg(h, spm, ef, rt)
    assert 0 < low < high < standing
    assert low == pytest.approx((1 - ef) * high)


@FAST
@given(st.floats(0.5, 2), cadence, ejection, refill, refill)
def test_leakier_valves_mean_higher_walking_pressure(h, spm, ef, rt1, rt2):
    # A shorter refill time (blood falling back through leaky valves) keeps the pressure higher.
    assume(abs(rt1 - rt2) > 0.01)
    short, long_ = sorted((rt1, rt2))
    assert ci.walking_vein_pressure_mmhg(h, spm, ef, short)[1] > ci.walking_vein_pressure_mmhg(h, spm, ef, long_)[1]


@FAST
@given(st.floats(0.5, 2), cadence, ejection, ejection, refill)
def test_a_stronger_pump_lowers_the_walking_pressure(h, spm, ef1, ef2, rt):
    assume(abs(ef1 - ef2) > 1e-3)
    weak, strong = sorted((ef1, ef2))
    assert ci.walking_vein_pressure_mmhg(h, spm, strong, rt)[1] < ci.walking_vein_pressure_mmhg(h, spm, weak, rt)[1]


@settings(max_examples=30, deadline=None)
@given(st.floats(0.5, 2), st.floats(0, 240), ejection, refill)
def test_course_stays_between_zero_and_the_column(h, spm, ef, rt):
    frame = ci.ankle_vein_pressure_course(h, spm, ef, rt, walk_s=20, rest_s=20, sample_s=1.0)
    standing = ci.hydrostatic_pressure_mmhg(h)
    assert (frame["pressure_mmhg"] >= 0).all()
    assert (frame["pressure_mmhg"] <= standing + 1e-9).all()
    assert frame["time_s"].is_monotonic_increasing


@FAST
@given(pressure, pressure, pressure, st.floats(0, 50))
def test_pedowitz_is_monotonic(pre, post1, post5, extra):
    # Higher pressures never turn a positive test negative.
    if ci.pedowitz_positive(pre, post1, post5):
        assert ci.pedowitz_positive(min(pre + extra, 200), min(post1 + extra, 200), min(post5 + extra, 200))
    assert ci.pedowitz_positive(pre, post1, post5) == bool(ci.pedowitz_criteria_met(pre, post1, post5))


@FAST
@given(st.floats(0, 350), st.floats(0, 350), st.floats(50, 300), st.floats(50, 300), st.floats(0.5, 2))
def test_abi_is_scale_free(dp, pt, left, right, factor):
    # The same pressures in any unit (or all raised together) give the same index.
    assume(max(dp, pt) * factor <= 350 and 50 <= min(left, right) * factor and max(left, right) * factor <= 300)
    assert ci.ankle_brachial_index(dp * factor, pt * factor, left * factor, right * factor) == pytest.approx(
        ci.ankle_brachial_index(dp, pt, left, right))


@FAST
@given(st.floats(0, 5), st.floats(0, 5))
def test_abi_category_is_ordered(a, b):
    order = [c.name for c in ci.ABI_CATEGORIES]
    lo, hi = sorted((a, b))
    assert order.index(ci.abi_category(lo)) <= order.index(ci.abi_category(hi))
    assert np.asarray(ci.abi_category([lo, hi])).tolist() == [ci.abi_category(lo), ci.abi_category(hi)]
