"""Property tests: sanity of the Chapter 6 models under random inputs."""

from __future__ import annotations

import math

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from heavylegs import biomechanics as bio

FAST = settings(max_examples=80, deadline=None)

mass = st.floats(40, 120)
speed = st.floats(2.0, 7.0)
contact = st.floats(0.12, 0.35)
flight = st.floats(0.0, 0.2)
leg = st.floats(0.75, 1.1)


@FAST
@given(speed, st.floats(140, 200), st.floats(140, 200))
def test_more_steps_at_the_same_speed_means_shorter_steps(v, c1, c2):
    assume(abs(c1 - c2) > 1e-6)
    lo, hi = sorted((c1, c2))
    assert bio.step_length_m(v, hi) < bio.step_length_m(v, lo)
    assert bio.step_length_m(v, lo) * lo / 60 == pytest.approx(v)


@FAST
@given(mass, speed, contact, flight, leg)
def test_peak_force_is_at_least_pi_over_2_body_weights_and_stiffnesses_positive(m, v, tc, tf, L):
    assume(v * tc / 2 < L * 0.95)
    r = bio.spring_mass(m, v, tc, tf, L)
    assert r.f_max_body_weights >= math.pi / 2 - 1e-12
    assert r.delta_y_m > 0 and r.delta_l_m > r.delta_y_m
    assert r.k_vert_kn_per_m > r.k_leg_kn_per_m > 0


@FAST
@given(mass, speed, contact, flight, flight, leg)
def test_longer_flight_at_the_same_contact_means_a_bigger_peak_force(m, v, tc, f1, f2, L):
    assume(v * tc / 2 < L * 0.95 and abs(f1 - f2) > 1e-6)
    lo, hi = sorted((f1, f2))
    assert bio.spring_mass(m, v, tc, hi, L).f_max_n > bio.spring_mass(m, v, tc, lo, L).f_max_n


@FAST
@given(mass, speed, contact, contact, flight, leg)
def test_shorter_contact_means_a_stiffer_spring(m, v, t1, t2, tf, L):
    assume(abs(t1 - t2) > 1e-4)
    short, long_ = sorted((t1, t2))
    assume(v * long_ / 2 < L * 0.95)
    assert bio.spring_mass(m, v, short, tf, L).k_vert_kn_per_m > bio.spring_mass(m, v, long_, tf, L).k_vert_kn_per_m


@FAST
@given(st.floats(0.5, 12), st.floats(-0.45, 0.45))
def test_grade_adjusted_speed_is_proportional_to_the_cost(v, grade):
    ratio = bio.running_energy_cost(grade) / bio.running_energy_cost(0.0)
    assert bio.grade_adjusted_speed_m_per_s(v, grade) == pytest.approx(v * ratio)


@FAST
@given(st.floats(-500, 1000), st.floats(-500, 1000))
def test_heavier_shoes_cost_more(a, b):
    assume(abs(a - b) > 1e-6)
    lo, hi = sorted((a, b))
    assert bio.shoe_mass_cost_pct(hi) > bio.shoe_mass_cost_pct(lo)
