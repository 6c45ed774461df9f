"""Runner's units: pace, clock times and body weights, and their errors."""

from __future__ import annotations

import pytest

from heavylegs import units


@pytest.mark.parametrize(
    ("speed", "pace"),
    [(4.0, "4:10 min/km"), (5.0, "3:20 min/km"), (4.94, "3:22 min/km"), (2.0, "8:20 min/km"), (1000 / 359.6, "6:00 min/km")],
)
def test_pace_rounds_to_the_second(speed, pace):
    assert units.pace_min_per_km(speed) == pace


def test_pace_for_standing_and_walking():
    assert units.pace_min_per_km(0) == "standing"
    assert units.pace_min_per_km(0.3) == "walking pace"
    assert units.pace_seconds_per_km(4.0) == pytest.approx(250.0)


@pytest.mark.parametrize(("seconds", "text"), [(0, "0:00"), (59.4, "0:59"), (1135.2, "18:55"), (3599.6, "1:00:00"), (14892, "4:08:12")])
def test_clock(seconds, text):
    assert units.clock(seconds) == text


def test_body_weights():
    assert units.body_weights(70 * 9.80665 * 2.5, 70) == pytest.approx(2.5)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: units.pace_min_per_km(-1), r"speed_m_per_s must be between 0 and 15 m/s"),
        (lambda: units.pace_min_per_km(float("nan")), r"speed_m_per_s"),
        (lambda: units.pace_seconds_per_km(0), r"speed_m_per_s must be > 0 and <= 15 m/s"),
        (lambda: units.clock(-5), r"seconds must be a finite duration in s"),
        (lambda: units.clock(float("inf")), r"seconds must be a finite duration in s"),
        (lambda: units.body_weights(1000, 5), r"mass_kg must be between 20 and 200 kg"),
    ],
)
def test_bad_input_names_parameter_unit_and_range(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_true_minus_replaces_a_hyphen_only_before_a_number():
    assert units.true_minus("-1.2 kg (-1.7 %), a 4-hour race, x-2") == "\u22121.2 kg (\u22121.7 %), a 4-hour race, x-2"
