"""Chapter 1's own labs and figures: the readouts answer the chapter's lab questions.

Each question in notebooks/01_metabolism.ipynb must be answerable from the
readout (not by reading a curve by eye); these tests pin the answers the
instructor guide's key gives.
"""

from __future__ import annotations

import pytest

from heavylegs.labs.metabolism import D_PRIME_LAB, FUEL_LAB, distance_time_figure, energy_systems_figure


def _readout(lab, **changes) -> str:
    return lab.describe(lab.evaluate(**changes), lab.values(**changes))


def test_d_prime_readout_names_the_rep_and_the_balance_at_each_rep_start():
    text = _readout(D_PRIME_LAB, rep_speed_m_per_s=5.0)
    assert "3:20 min/km" in text and "4:10 min/km" in text  # rep pace and critical speed as paces
    assert "D′ runs out in rep 2 of 6, 147 s into it (7.5 min into the session)" in text
    assert text.endswith("D′ at the start of each rep: 200, 146 m.")


def test_d_prime_chart_stops_where_the_legs_go_heavy():
    frame = D_PRIME_LAB.evaluate(rep_speed_m_per_s=5.0)
    balance = frame["balance_m"].dropna()
    assert balance.min() == 0.0 and balance.iloc[-1] == 0.0, "the line ends on zero, never below it"
    assert frame["time_min"].dropna().max() == pytest.approx(447 / 60)
    reps = frame.dropna(subset=["rep"])
    assert reps["rep"].tolist() == [1, 2, 3, 4, 5, 6] and reps["rep_start_min"].tolist() == [0, 5, 10, 15, 20, 25]


@pytest.mark.parametrize(
    ("recovery_s", "expected"),
    [
        (180, "D′ runs out in rep 2 of 6, 171 s into it"),
        (240, "its lowest point is 2 m, at the end of rep 6"),
        (230, "its lowest point is less than 1 m"),  # live only: 10 s steps; a margin the model cannot resolve
    ],
)
def test_d_prime_question_1_recovery_steps(recovery_s, expected):
    assert expected in _readout(D_PRIME_LAB, rep_speed_m_per_s=5.0, recovery_duration_s=recovery_s)


def test_d_prime_question_3_equal_drain_sessions_match():
    short_fast = _readout(D_PRIME_LAB, rep_speed_m_per_s=5.0, rep_duration_s=120)
    long_slow = _readout(D_PRIME_LAB, rep_speed_m_per_s=4.5, rep_duration_s=240)
    for text in (short_fast, long_slow):
        assert "lowest point is 29 m" in text and text.endswith("200, 164, 153, 150, 149, 149 m.")


def test_d_prime_question_5_critical_speed_helps_more_than_d_prime():
    assert "runs out in rep 3" in _readout(D_PRIME_LAB, rep_speed_m_per_s=5.0, d_prime_m=260)
    assert "never runs out: its lowest point is 32 m" in _readout(D_PRIME_LAB, rep_speed_m_per_s=5.0, cs_m_per_s=4.3)


def test_d_prime_jog_above_critical_speed_is_named():
    text = _readout(D_PRIME_LAB, cs_m_per_s=3.0, recovery_speed_m_per_s=3.5, rep_speed_m_per_s=4.0)
    assert "in the jog after rep 1" in text and "even the jog is faster than critical speed" in text


def test_fuel_readout_gives_pace_finish_time_and_the_shortfall_total_and_per_hour():
    text = _readout(FUEL_LAB, intensity_percent=80)
    assert "10.9 km/h, 5:29 min/km, a 3:51:12 marathon" in text
    assert "Glycogen runs out at 34.0 km" in text
    assert "about 96 g of carbohydrate (383 kcal at 4 kcal per gram), or 25 g per hour more over the 3:51:12 race" in text


def test_fuel_readout_when_glycogen_lasts():
    text = _readout(FUEL_LAB, intensity_percent=80, muscle_glycogen_kcal_per_kg=144)
    assert "lasts past the marathon finish" in text and "the wall would come at 54.2 km" in text
    assert "never comes" in _readout(FUEL_LAB, intensity_percent=60, carbohydrate_intake_g_per_h=90)


@pytest.mark.parametrize(("intensity", "wall"), [(65, "46.6"), (69, "42.6"), (70, "41.7")])
def test_fuel_question_1_static_and_live_answers(intensity, wall):
    assert f"{wall} km" in _readout(FUEL_LAB, intensity_percent=intensity)


def test_figures_have_alt_text_and_are_stable():
    for figure in (energy_systems_figure(), distance_time_figure([1200, 2400, 3600], [239, 511, 784])):
        html = figure._repr_html_()
        assert html == figure._repr_html_(), "stored outputs must be identical on every run"
        assert 'alt="' in html and "http" not in html.split("base64,")[0]
    assert "4.40 m/s" in distance_time_figure([1200, 2400, 3600], [239, 511, 784]).alt
    with pytest.raises(ValueError, match="text alternative"):
        type(energy_systems_figure())(chart=None, alt=" ", caption="c")


def test_d_prime_reps_at_critical_speed_cost_nothing():
    assert "D′ never falls" in _readout(D_PRIME_LAB, rep_speed_m_per_s=4.0)
