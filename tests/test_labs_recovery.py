"""Chapter 3's own labs: the readouts answer the chapter's lab questions.

Each question in notebooks/03_recovery.ipynb must be answerable from the
readout (not by reading a curve by eye); these tests pin the answers the
instructor guide's key gives, at the static page's stops and, where marked,
with the live sliders.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from heavylegs import recovery
from heavylegs.labs.recovery import (
    ATHLETE_LAB,
    LOAD_LAB,
    RACE_DAY,
    TAPER_LAB,
    clarke_skiba_data,
    plan_weekly_loads,
    refit_with_time_constants,
    single_session_figure,
)


def _readout(lab, **changes) -> str:
    return lab.describe(lab.evaluate(**changes), lab.values(**changes))


# --- Lab A: build, then taper ---------------------------------------------------------------

def test_taper_model_is_the_banister_recursion_on_the_plan_loads():
    frame = TAPER_LAB.evaluate()
    loads = np.r_[np.full(RACE_DAY - 15, 50.0), np.full(126 - (RACE_DAY - 15), 25.0)]  # 14-day taper at −50 %
    expected = recovery.fitness_fatigue(loads, **recovery.CLARKE_SKIBA_2013_PARAMETERS)
    assert frame["performance_w"].to_numpy() == pytest.approx(expected["performance"].to_numpy())
    assert frame["fatigue_w"].to_numpy() == pytest.approx(expected["fatigue"].to_numpy())
    assert frame["taper"].sum() == 14 and frame.loc[frame["taper"] == 1, "day"].tolist() == list(range(98, 112))
    assert frame["peak"].sum() == 1


def test_taper_question_1_default_race_day_gain_and_what_the_taper_does():
    text = _readout(TAPER_LAB)
    assert "On race day (day 112) performance is 336.9 W, 7.1 W more than without a taper (329.8 W)" in text
    assert "Over the taper fatigue falls by 61.9 W and fitness falls by 48.4 W" in text


@pytest.mark.parametrize(
    ("taper_days", "race_day_w", "peak"),
    [
        (0, "329.8 W, the same as without a taper", None),
        (7, "336.2 W, 6.4 W more", "day 122, 10 days after race day"),
        (14, "336.9 W, 7.1 W more", "day 116, 4 days after race day"),
        (21, "335.0 W, 5.2 W more", "day 110, 2 days before race day"),
        (28, "331.5 W, 1.7 W more", "day 105, 7 days before race day"),
        (35, "327.3 W, 2.5 W less", "day 100, 12 days before race day"),
    ],
)
def test_taper_question_2_length_static_stops(taper_days, race_day_w, peak):
    text = _readout(TAPER_LAB, taper_days=taper_days)
    assert f"performance is {race_day_w}" in text
    if peak is None:  # still rising at the last day drawn: no peak is claimed
        assert "Performance is still rising on day 126, the last day drawn (341.2 W)" in text and "peaks" not in text
    else:
        assert f"Performance peaks on {peak}" in text


def test_taper_question_2_best_static_length_at_half_load_is_14_days():
    gains = {d: TAPER_LAB.evaluate(taper_days=d)["performance_w"].iloc[RACE_DAY - 1] for d in (0, 7, 14, 21, 28, 35)}
    assert max(gains, key=gains.get) == 14


@pytest.mark.parametrize(
    ("cut", "race_day_w"),
    [(0, "329.8 W, the same as without a taper"), (25, "333.4 W, 3.6 W more"),
     (75, "340.5 W, 10.7 W more"), (100, "344.1 W, 14.3 W more")],
)
def test_taper_question_3_load_cut_static_stops(cut, race_day_w):
    assert f"performance is {race_day_w}" in _readout(TAPER_LAB, taper_reduction_percent=cut)


def test_taper_question_3_full_rest_over_three_weeks_peaks_too_early():
    text = _readout(TAPER_LAB, taper_days=21, taper_reduction_percent=100)
    assert "performance is 340.1 W, 10.3 W more" in text and "peaks on day 106, 6 days before race day" in text


def test_taper_question_4_heavy_legs_turn_fresh_on_day_32_whatever_the_taper():
    for changes in ({}, {"taper_days": 35, "taper_reduction_percent": 100}, {"block_load_au": 100}):
        assert "Heavy legs turn into fresh legs on day 32" in _readout(TAPER_LAB, **changes)


def test_taper_question_5_live_fast_fatigue_tau2_7_days():
    text = _readout(TAPER_LAB, tau2_d=7)
    assert "Heavy legs turn into fresh legs on day 6" in text
    assert "Performance peaks on day 101, 11 days before race day" in text
    assert "τ2 7 days" in text and "published fit" not in text


def test_taper_live_block_load_doubles_the_gain_no_overtraining_in_the_model():
    text = _readout(TAPER_LAB, block_load_au=100)
    assert "411.9 W, 14.3 W more than without a taper (397.6 W)" in text  # twice 7.1 W, up to rounding


def test_taper_wordings_when_fatigue_never_or_always_outweighs_fitness():
    assert "Fatigue never outweighs fitness" in _readout(TAPER_LAB, k1=0.3, k2=0.2)
    assert "heavy legs throughout" in _readout(TAPER_LAB, tau1_d=10, tau2_d=30)
    assert "fitness rises by 7.6 W" in _readout(TAPER_LAB, taper_reduction_percent=0)


# --- Lab B: the training-load chart -----------------------------------------------------------

def test_plan_weekly_loads_build_and_recovery_weeks():
    assert plan_weekly_loads(8, 10, 4, 300, 60) == pytest.approx([300, 330, 363, 217.8, 399.3, 439.23, 483.153, 289.8918])
    assert plan_weekly_loads(3, 10, 0, 300, 60) == pytest.approx([300, 330, 363])


def test_load_model_is_the_pmc_and_coupled_acwr_after_a_steady_history():
    frame = LOAD_LAB.evaluate(weeks=8, recovery_every_weeks=0)
    daily = np.r_[np.full(364, 300 / 7), np.repeat(plan_weekly_loads(8, 10, 0, 300, 60) / 7, 7)]
    pmc = recovery.training_load_chart(daily)
    assert frame["ctl"].to_numpy() == pytest.approx(pmc["ctl"].to_numpy()[364:])
    assert frame["tsb"].to_numpy() == pytest.approx(pmc["tsb"].to_numpy()[364:])
    assert frame["acwr"].to_numpy() == pytest.approx(recovery.acwr(daily).to_numpy()[364:])
    assert not frame["acwr"].isna().any()  # the history gives every plan day its 28 days


def test_load_question_1_default_plan():
    text = _readout(LOAD_LAB)
    assert "The biggest week is week 11 at 643 AU, 2.14 times the first" in text
    assert "CTL goes from 42.9 to 62.2 AU per day; TSB is lowest on day 78 (−23.6)" in text
    assert "peaks at 1.26 on day 77 and is lowest at 0.72" in text and "sweet spot\" on 76 days of 84" in text
    assert "at or above 1.5 on 0 days." in text


@pytest.mark.parametrize(
    ("increase", "biggest", "peak", "danger"),
    [(0, "1.00 times", "1.00 on day 1", "0 days."), (10, "2.85 times", "1.15 on day 31", "0 days."),
     (20, "7.43 times", "1.29 on day 68", "0 days."), (30, "17.92 times", "1.42 on day 30", "0 days."),
     (40, "40.50 times", "1.55 on day 58", "61 days (shaded).")],
)
def test_load_question_2_steady_ramps_without_recovery_weeks_barely_move_the_ratio(increase, biggest, peak, danger):
    text = _readout(LOAD_LAB, weekly_increase_percent=increase, recovery_every_weeks=0)
    assert biggest in text and f"peaks at {peak}" in text and f"at or above 1.5 on {danger}" in text


@pytest.mark.parametrize(("every", "danger"), [(0, "0 days."), (2, "4 days (shaded)."), (4, "8 days (shaded)."),
                                               (6, "5 days (shaded).")])
def test_load_question_3_recovery_weeks_make_the_week_after_them_spike(every, danger):
    text = _readout(LOAD_LAB, weekly_increase_percent=30, recovery_every_weeks=every)
    assert f"at or above 1.5 on {danger}" in text


def test_load_question_4_ten_percent_rule_doubles_load_in_about_seven_weeks():
    # 10 % a week, no recovery weeks, 8 weeks: week 8 is 1.1^7 = 1.95 times week 1.
    assert "The biggest week is week 8 at 585 AU, 1.95 times the first" in _readout(
        LOAD_LAB, weeks=8, recovery_every_weeks=0
    )


def test_load_question_5_tsb_on_the_last_day_of_a_16_week_plan():
    text = _readout(LOAD_LAB, weeks=16)
    assert "TSB is lowest on day 106 (−33.7) and −9.2 on the last day" in text


def test_load_wordings():
    assert "every 2nd week a recovery week" in _readout(LOAD_LAB, recovery_every_weeks=2)
    assert "every week a recovery week" in _readout(LOAD_LAB, recovery_every_weeks=1)
    assert "no recovery weeks" in _readout(LOAD_LAB, recovery_every_weeks=0)


# --- Lab C: a real athlete ---------------------------------------------------------------------

def test_athlete_data_are_the_nine_clarke_skiba_tests():
    loads, days, values = clarke_skiba_data()
    assert loads.size == 165 and days.tolist() == [45, 48, 56, 70, 77, 83, 105, 115, 132]
    frame = ATHLETE_LAB.evaluate()
    assert frame["test_w"].notna().sum() == 9
    assert frame["model_w"].to_numpy() == pytest.approx(frame["published_w"].to_numpy())


def test_athlete_question_1_published_fit_reproduced_in_the_readout():
    text = _readout(ATHLETE_LAB)
    assert "Sum of squared errors on the tests: 21.26 W², the same as the published fit; R² 0.978" in text
    assert "Largest miss: day 132, modelled 304.9 W against 302 W measured (2.9 W too high)" in text
    fit = recovery.fit_fitness_fatigue(*clarke_skiba_data(), fixed=recovery.CLARKE_SKIBA_2013_PARAMETERS)
    assert fit.sse == pytest.approx(21.26, abs=0.005) and fit.r_squared == pytest.approx(0.978, abs=0.0005)


@pytest.mark.parametrize(
    ("changes", "sse", "r_squared"),
    [({"tau1_d": 39}, "1068.26", "−0.096"), ({"tau1_d": 33}, "1081.91", "−0.110"),
     ({"tau2_d": 24}, "2749.93", "−1.821"), ({"tau2_d": 18}, "3207.84", "−2.290"),
     ({"tau1_d": 42, "tau2_d": 24}, "164.25", "0.832"), ({"tau1_d": 39, "tau2_d": 24}, "475.54", "0.512")],
)
def test_athlete_question_2_and_3_three_days_of_a_time_constant_static_stops(changes, sse, r_squared):
    text = _readout(ATHLETE_LAB, **changes)
    assert f"Sum of squared errors on the tests: {sse} W²" in text and f"R² {r_squared}" in text


def test_athlete_question_3_best_static_stop_is_the_published_one():
    def sse(t1, t2):
        text = _readout(ATHLETE_LAB, tau1_d=t1, tau2_d=t2)
        return float(text.split("Sum of squared errors on the tests: ")[1].split(" W²")[0])

    scores = {(t1, t2): sse(t1, t2) for t1 in (30, 33, 36, 39, 42) for t2 in (15, 18, 21, 24, 27)}
    assert min(scores, key=scores.get) == (36, 21)
    # Along the valley τ1 and τ2 rise together: the second best keeps τ1 − τ2 near 18 days.
    assert sorted(scores, key=scores.get)[1] == (42, 24)


@pytest.mark.parametrize(("changes", "sse"), [({"k1": 0.19}, "1000.14"), ({"k1": 0.17}, "910.63"),
                                              ({"k2": 0.24}, "403.43"), ({"k2": 0.22}, "460.51")])
def test_athlete_question_4_live_one_hundredth_of_a_gain(changes, sse):
    assert f"Sum of squared errors on the tests: {sse} W²" in _readout(ATHLETE_LAB, **changes)


def test_athlete_readout_sse_is_the_fit_functions_sse():
    fit = recovery.fit_fitness_fatigue(*clarke_skiba_data(), fixed={**recovery.CLARKE_SKIBA_2013_PARAMETERS,
                                                                     "tau1_d": 39})
    assert f"{fit.sse:.2f} W²" in _readout(ATHLETE_LAB, tau1_d=39)
    assert math.isclose(fit.r_squared, -0.096, abs_tol=0.0005)


# --- Static figure ------------------------------------------------------------------------------

def test_single_session_figure_marks_crossover_and_peak_days():
    figure = single_session_figure()
    assert "turns positive on day 12.4 and peaks on day 39.5 at +2.50 W" in figure.alt
    assert "first falls by 5.0 W" in figure.alt


def test_load_a_flat_plan_draws_flat_lines():
    """The year of history settles CTL and ATL at the starting load, so 0 % a week shows no drift."""
    frame = LOAD_LAB.evaluate(weekly_increase_percent=0, recovery_every_weeks=0)
    assert frame["ctl"].to_numpy() == pytest.approx(300 / 7, abs=0.01)
    assert frame["tsb"].to_numpy() == pytest.approx(0, abs=0.01)


def test_load_readout_says_an_8_week_plan():
    assert "for an 8-week plan" in _readout(LOAD_LAB, weeks=8)
    assert "for a 12-week plan" in _readout(LOAD_LAB)


def test_athlete_readout_refits_the_gains_for_the_chosen_time_constants():
    """Lab C's book stops: with the gains refitted every τ pair fits about as well as the published one."""
    assert "the error would be 20.42 W² (R² 0.979), with p0 262 W, k1 0.18 and k2 0.22 W/AU" in _readout(ATHLETE_LAB)
    text = _readout(ATHLETE_LAB, tau1_d=30, tau2_d=27)
    assert "errors on the tests: 29295.69 W²" in text and "the error would be 18.75 W² (R² 0.981)" in text
    refits = [refit_with_time_constants(t1, t2).sse for t1 in ATHLETE_LAB.control("tau1_d").static_stops
              for t2 in ATHLETE_LAB.control("tau2_d").static_stops]
    assert max(refits) < 50 and min(refits) == pytest.approx(18.75, abs=0.01)
