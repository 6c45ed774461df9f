"""Property tests: sanity of the Chapter 4 models under random inputs."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from heavylegs import nutrition as nu

FAST = settings(max_examples=80, deadline=None)

body_mass = st.floats(30, 200)
race_hours = st.floats(0.25, 12)
sweat_rate = st.floats(0, 3)
sweat_na = st.floats(0, 100)
drink_rate = st.floats(0, 3)
drink_na = st.floats(0, 200)
urine = st.floats(0, 1.5)
start_na = st.floats(125, 150)


@st.composite
def weighing(draw):
    """A plausible before/after weighing: pre mass, post mass (±10 %), fluid, urine, hours."""
    pre = draw(st.floats(40, 150))
    post = pre * (1 + draw(st.floats(-0.10, 0.02)))
    fluid = draw(st.floats(0, 5))
    urine_l = draw(st.floats(0, 1))
    assume(pre - post + fluid - urine_l >= 0)
    return pre, post, fluid, urine_l, draw(st.floats(0.1, 24))


@st.composite
def race(draw):
    """Keyword arguments of serum_sodium_mmol_l for a race the model can describe."""
    kwargs = dict(body_mass_kg=draw(body_mass), hours=draw(race_hours),
                  sweat_rate_l_per_h=draw(sweat_rate), sweat_sodium_mmol_l=draw(sweat_na),
                  drink_rate_l_per_h=draw(drink_rate), drink_sodium_mmol_l=draw(drink_na),
                  urine_l=draw(urine), start_sodium_mmol_l=draw(start_na))
    # Keep body water above half its starting value: beyond that the model means nothing.
    tbw0 = 0.6 * kwargs["body_mass_kg"]
    net = (kwargs["drink_rate_l_per_h"] - kwargs["sweat_rate_l_per_h"]) * kwargs["hours"] - kwargs["urine_l"]
    assume(net > -0.5 * tbw0)
    sodium_left = (kwargs["start_sodium_mmol_l"] * tbw0
                   - kwargs["sweat_rate_l_per_h"] * kwargs["hours"] * kwargs["sweat_sodium_mmol_l"])
    assume(sodium_left > 0)
    return kwargs


# --- §4.1 sweat rate and body-mass loss -------------------------------------------


@FAST
@given(weighing(), st.floats(0, 2))
def test_sweat_rate_is_linear_in_mass_loss(w, extra_kg):
    # Each extra kg lost is one more litre sweated over the same hours.
    pre, post, fluid, urine_l, hours = w
    assume(post - extra_kg >= pre * 0.8 and post - extra_kg >= 30)
    base = nu.sweat_rate_l_per_h(pre, post, fluid, urine_l, hours)
    more = nu.sweat_rate_l_per_h(pre, post - extra_kg, fluid, urine_l, hours)
    assert more - base == pytest.approx(extra_kg / hours, rel=1e-9, abs=1e-9)


@FAST
@given(weighing(), st.floats(0.1, 10))
def test_sweat_rate_times_hours_is_the_litres_sweated(w, factor):
    pre, post, fluid, urine_l, hours = w
    assume(hours * factor <= 48)
    litres = nu.sweat_rate_l_per_h(pre, post, fluid, urine_l, hours) * hours
    assert litres >= 0
    assert litres == pytest.approx(max(pre - post + fluid - urine_l, 0), rel=1e-9, abs=1e-9)
    # the same litres over a longer run is a proportionally lower rate
    slower = nu.sweat_rate_l_per_h(pre, post, fluid, urine_l, hours * factor)
    assert slower * hours * factor == pytest.approx(litres, rel=1e-9, abs=1e-9)


@FAST
@given(st.floats(30, 200), st.floats(-0.19, 0.19))
def test_body_mass_loss_sign_and_size(pre, change):
    post = pre * (1 + change)
    assume(30 <= post <= 200)
    loss = nu.body_mass_loss_pct(pre, post)
    assert loss == pytest.approx(-100 * change, rel=1e-9, abs=1e-9)
    assert (loss > 0) == (post < pre) or loss == pytest.approx(0, abs=1e-9)


@FAST
@given(body_mass)
def test_fluid_bands_are_ordered_and_proportional(mass):
    low, high = nu.prehydration_ml(mass)
    assert low == pytest.approx(5 * mass) and high == pytest.approx(7 * mass)
    assert low < high


@FAST
@given(st.floats(40, 150), st.floats(0, 0.1))
def test_post_exercise_fluid_exceeds_the_loss(pre, fraction_lost):
    post = pre * (1 - fraction_lost)
    low, high = nu.post_exercise_fluid_l(pre, post)
    lost = pre - post
    assert low == pytest.approx(1.25 * lost, abs=1e-9) and high == pytest.approx(1.5 * lost, abs=1e-9)
    assert lost <= low + 1e-12 <= high + 1e-12


# --- §4.2 serum sodium teaching model ------------------------------------------------


@FAST
@given(race(), st.floats(0, 1.5))
def test_more_drinking_moves_sodium_towards_the_drink_and_never_past_it(kwargs, extra_l_per_h):
    # [Na] = (A + D·c)/(B + D) in the volume drunk D: monotone, heading to the drink's sodium c.
    more = dict(kwargs, drink_rate_l_per_h=min(kwargs["drink_rate_l_per_h"] + extra_l_per_h, 3.0))
    base_na = nu.serum_sodium_mmol_l(**kwargs)
    more_na = nu.serum_sodium_mmol_l(**more)
    c = kwargs["drink_sodium_mmol_l"]
    tol = 1e-9 * max(base_na, c, 1)
    if c <= base_na:
        assert c - tol <= more_na <= base_na + tol
    else:
        assert base_na - tol <= more_na <= c + tol


@FAST
@given(race(), st.floats(0, 1.5))
def test_more_water_never_raises_sodium(kwargs, extra_l_per_h):
    # The brief's hyponatraemia property: with plain water, drinking more never helps sodium.
    kwargs = dict(kwargs, drink_sodium_mmol_l=0.0)
    more = dict(kwargs, drink_rate_l_per_h=min(kwargs["drink_rate_l_per_h"] + extra_l_per_h, 3.0))
    assert nu.serum_sodium_mmol_l(**more) <= nu.serum_sodium_mmol_l(**kwargs) + 1e-9


@FAST
@given(race(), st.floats(0, 0.5))
def test_sweat_more_dilute_than_blood_concentrates_it(kwargs, extra_l_per_h):
    # Losing sweat that is saltless compared with the blood raises serum sodium.
    kwargs = dict(kwargs, sweat_sodium_mmol_l=min(kwargs["sweat_sodium_mmol_l"], 60.0))
    assume(kwargs["sweat_sodium_mmol_l"] < nu.serum_sodium_mmol_l(**kwargs))
    more = dict(kwargs, sweat_rate_l_per_h=min(kwargs["sweat_rate_l_per_h"] + extra_l_per_h, 6.0))
    tbw0 = 0.6 * kwargs["body_mass_kg"]
    net = (more["drink_rate_l_per_h"] - more["sweat_rate_l_per_h"]) * more["hours"] - more["urine_l"]
    assume(net > -0.5 * tbw0)
    sodium_left = (more["start_sodium_mmol_l"] * tbw0
                   - more["sweat_rate_l_per_h"] * more["hours"] * more["sweat_sodium_mmol_l"])
    assume(sodium_left > 0)
    assert nu.serum_sodium_mmol_l(**more) >= nu.serum_sodium_mmol_l(**kwargs) - 1e-9


@FAST
@given(race())
def test_drinks_at_serum_sodium_replacing_sweat_at_serum_sodium_change_nothing(kwargs):
    # Isotonic in, isotonic out, no urine: concentration stays where it started.
    start = kwargs["start_sodium_mmol_l"]
    same = dict(kwargs, sweat_sodium_mmol_l=start, drink_sodium_mmol_l=start, urine_l=0.0)
    same["sweat_sodium_mmol_l"] = min(start, 150.0)
    assert nu.serum_sodium_mmol_l(**same) == pytest.approx(start, rel=1e-9)


@FAST
@given(race())
def test_course_ends_at_the_end_value_and_is_monotone_in_time(kwargs):
    course = nu.serum_sodium_course(**kwargs, step_h=0.25)
    assert course["hours"].iloc[-1] == kwargs["hours"]
    assert course["serum_sodium_mmol_l"].iloc[-1] == nu.serum_sodium_mmol_l(**kwargs)
    assert course["serum_sodium_mmol_l"].iloc[0] == pytest.approx(kwargs["start_sodium_mmol_l"], rel=1e-12)
    # Steady rates make [Na](t) a ratio of two straight lines in t: it can only go one way.
    steps = np.diff(course["serum_sodium_mmol_l"].to_numpy())
    tol = 1e-9 * kwargs["start_sodium_mmol_l"]
    assert np.all(steps >= -tol) or np.all(steps <= tol)
    # body-mass change is a straight line in time, and matches the percentage column
    change = course["body_mass_change_kg"].to_numpy()
    t = course["hours"].to_numpy()
    slope = (kwargs["drink_rate_l_per_h"] - kwargs["sweat_rate_l_per_h"]
             - kwargs["urine_l"] / kwargs["hours"])
    assert change == pytest.approx(slope * t, abs=1e-9)
    assert course["body_mass_change_pct"].to_numpy() == pytest.approx(change / kwargs["body_mass_kg"] * 100, abs=1e-9)


@FAST
@given(st.lists(race(), min_size=1, max_size=5))
def test_sodium_arrays_agree_with_scalar_calls(races):
    names = list(races[0])
    arrays = {name: np.array([r[name] for r in races]) for name in names}
    out = nu.serum_sodium_mmol_l(**arrays)
    assert isinstance(out, np.ndarray)
    assert out == pytest.approx([nu.serum_sodium_mmol_l(**r) for r in races], rel=1e-12)


# --- §4.3 carbohydrate and glycogen ----------------------------------------------------


@FAST
@given(st.floats(0, 48), st.floats(0, 48))
def test_longer_runs_never_get_less_carbohydrate_advice(a, b):
    short, long_ = sorted((a, b))

    def ceiling(d):
        band = nu.carbohydrate_during_exercise(d)
        return 1.0 if band.max_g_per_h is None else band.max_g_per_h  # "small amounts" sits between 0 and 30

    assert ceiling(short) <= ceiling(long_)
    band = nu.carbohydrate_during_exercise(long_)
    assert band.above_h < long_ <= band.up_to_h or long_ == band.above_h == 0.0


@FAST
@given(body_mass, st.floats(0, 4))
def test_recovery_carbohydrate_is_proportional_to_mass_and_time(mass, hours):
    low, high = nu.recovery_carbohydrate_g(mass, hours)
    assert low == pytest.approx(1.0 * mass * hours, rel=1e-12, abs=1e-12)
    assert high == pytest.approx(1.2 * mass * hours, rel=1e-12, abs=1e-12)
    assert low <= high


@FAST
@given(st.floats(0, 2000), st.floats(1, 60), st.floats(0.1, 20))
def test_refill_time_times_resynthesis_rate_is_the_deficit(deficit, muscle, rate):
    hours = nu.glycogen_refill_hours(deficit, muscle, rate)
    assert hours * nu.glycogen_resynthesis_g_per_h(muscle, rate) == pytest.approx(deficit, rel=1e-9, abs=1e-9)


@FAST
@given(st.floats(1, 60), st.floats(0, 20), st.floats(0, 20))
def test_faster_resynthesis_stores_more(muscle, r1, r2):
    lo, hi = sorted((r1, r2))
    assert nu.glycogen_resynthesis_g_per_h(muscle, lo) <= nu.glycogen_resynthesis_g_per_h(muscle, hi)


# --- §4.4 oxygen content ---------------------------------------------------------------

hb = st.floats(0, 25)
sat = st.floats(0, 1)
pao2 = st.floats(0, 700)


@FAST
@given(hb, hb, sat, sat, pao2, pao2)
def test_o2_content_rises_with_hb_saturation_and_pao2(hb1, hb2, s1, s2, p1, p2):
    (hb_lo, hb_hi), (s_lo, s_hi), (p_lo, p_hi) = sorted((hb1, hb2)), sorted((s1, s2)), sorted((p1, p2))
    assert nu.arterial_o2_content(hb_lo, s_lo, p_lo) <= nu.arterial_o2_content(hb_hi, s_lo, p_lo)
    assert nu.arterial_o2_content(hb_lo, s_lo, p_lo) <= nu.arterial_o2_content(hb_lo, s_hi, p_lo)
    assert nu.arterial_o2_content(hb_lo, s_lo, p_lo) <= nu.arterial_o2_content(hb_lo, s_lo, p_hi)


@FAST
@given(hb, sat, st.floats(0, 150))
def test_o2_content_is_mostly_bound_to_haemoglobin(h, s, p):
    content = nu.arterial_o2_content(h, s, p)
    bound = 1.34 * h * s
    assert content >= bound
    # dissolved oxygen at an ordinary PaO2 (<= 150 mmHg) is at most 0.45 mL/dL
    assert content - bound <= 0.45 + 1e-12


@FAST
@given(st.floats(1, 100).filter(lambda v: v > 1.0))
def test_saturation_given_as_a_percentage_is_refused_with_a_hint(percent):
    with pytest.raises(ValueError, match=r"sao2 is a fraction, not a percentage"):
        nu.arterial_o2_content(15, percent, 100)


@FAST
@given(st.floats(0, 25))
def test_anaemia_flag_matches_the_who_cut_offs(h):
    assert nu.is_anaemic(h, "men") == (h * 10 < 130)
    assert nu.is_anaemic(h, "women") == (h * 10 < 120)
    # whoever is anaemic by the women's cut-off is anaemic by the men's
    assert not nu.is_anaemic(h, "women") or nu.is_anaemic(h, "men")


@FAST
@given(st.floats(0, 5000), st.floats(0, 5000))
def test_more_ferritin_never_means_emptier_stores(a, b):
    order = ["empty", "low", "adequate", "adequate for altitude"]
    lo, hi = sorted((a, b))
    assert order.index(nu.ferritin_status(lo)) <= order.index(nu.ferritin_status(hi))


# --- §4.5 vitamin D ---------------------------------------------------------------------


@FAST
@given(st.floats(0, 250))
def test_vitamin_d_round_trip(ng):
    assert nu.vitamin_d_ng_per_ml(nu.vitamin_d_nmol_per_l(ng)) == pytest.approx(ng, rel=1e-12, abs=1e-12)
    assert nu.vitamin_d_nmol_per_l(ng) == pytest.approx(2.496 * ng, rel=1e-12, abs=1e-12)


@FAST
@given(st.lists(st.floats(0, 250), min_size=1, max_size=20))
def test_vitamin_d_arrays_agree_with_scalars(values):
    out = nu.vitamin_d_nmol_per_l(values)
    assert isinstance(out, np.ndarray)
    assert out == pytest.approx([nu.vitamin_d_nmol_per_l(v) for v in values])


@FAST
@given(st.floats(0, 250), st.floats(0, 250))
def test_more_vitamin_d_never_means_a_worse_status(a, b):
    order = ["deficient", "insufficient", "sufficient"]
    lo, hi = sorted((a, b))
    assert order.index(nu.vitamin_d_status(lo)) <= order.index(nu.vitamin_d_status(hi))
