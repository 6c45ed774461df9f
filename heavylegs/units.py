"""Runner's units beside SI: pace in min/km, finish times, body weights.

Models work in SI units (m/s, s, N); runners think in minutes per kilometre and
hours:minutes:seconds. Every readout and chapter that shows a speed or a
duration formats it here, so the conversions exist once.

>>> pace_min_per_km(4.0)
'4:10 min/km'
>>> clock(10053.2)
'2:47:33'
"""

from __future__ import annotations

import re

import math

from heavylegs.validation import check_range

#: Slowest speed for which a pace is shown (m/s); below it "standing" is clearer than hours per km.
SLOWEST_PACED_SPEED_M_PER_S = 0.5
#: Standard gravity (m/s²), for expressing forces in body weights.
STANDARD_GRAVITY_M_PER_S2 = 9.80665
#: Body masses (kg) the course's models accept for a runner, with anything carried.
BODY_MASS_RANGE_KG = (30.0, 200.0)


def pace_seconds_per_km(speed_m_per_s: float) -> float:
    """Seconds per kilometre at ``speed_m_per_s`` (m/s, > 0): 1000 / speed."""
    speed = check_range("speed_m_per_s", speed_m_per_s, "m/s", 0.0, 15.0, low_inclusive=False)
    return 1000.0 / float(speed)


def pace_min_per_km(speed_m_per_s: float) -> str:
    """Pace as ``"m:ss min/km"`` (rounded to the second); ``"standing"`` or ``"walking pace"`` when slow.

    Parameters
    ----------
    speed_m_per_s : float
        Speed in m/s, 0 to 15.
    """
    speed = float(check_range("speed_m_per_s", speed_m_per_s, "m/s", 0.0, 15.0))
    if speed == 0:
        return "standing"
    if speed < SLOWEST_PACED_SPEED_M_PER_S:
        return "walking pace"
    seconds = round(1000.0 / speed)
    return f"{seconds // 60}:{seconds % 60:02d} min/km"


def clock(seconds: float) -> str:
    """A duration as ``"h:mm:ss"`` (or ``"m:ss"`` under an hour), rounded to the second.

    Parameters
    ----------
    seconds : float
        Duration in s, 0 or more and finite.
    """
    if not isinstance(seconds, (int, float)) or isinstance(seconds, bool) or not math.isfinite(seconds) or seconds < 0:
        raise ValueError(f"seconds must be a finite duration in s, 0 or more (got {seconds!r})")
    total = round(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def body_weights(force_n: float, mass_kg: float) -> float:
    """A force (N) as a multiple of body weight for a runner of ``mass_kg`` (kg, 20–200)."""
    mass = float(check_range("mass_kg", mass_kg, "kg", 20.0, 200.0))
    return float(force_n) / (mass * STANDARD_GRAVITY_M_PER_S2)


def true_minus(text: str) -> str:
    """``text`` with each negative number's hyphen replaced by a true minus sign (U+2212).

    Screen readers read a hyphen before a digit as "dash" and a minus sign as "minus"; readouts that speak
    numbers (lab descriptions, alt text) pass through this. Hyphens inside words ("4-hour") are kept.
    """
    return re.sub(r"(?<![\w])-(?=\d)", "\u2212", text)

