"""Chapter 1 labs: D′ balance through an interval session, and fuel against the wall.

Both wrap models from :mod:`heavylegs.metabolism`; nothing here computes physiology.
"""

from __future__ import annotations

from typing import Mapping

import numpy as np
import pandas as pd

from heavylegs import charts, metabolism
from heavylegs.lab import Control, Lab, LabWidget

#: Number of repetitions in the interval session of lab A.
INTERVAL_REPS = 6
#: Time between the points drawn on the D′ chart (s); the model itself runs at 1 s.
INTERVAL_CHART_STEP_S = 15
#: Distances drawn on the glycogen chart (km).
FUEL_DISTANCES_KM = np.arange(0.0, 60.25, 0.5)
#: The marathon distance (km), marked on the glycogen chart.
MARATHON_KM = 42.195


# --- Lab A: D′ balance through an interval session -------------------------------

def interval_session_speeds(
    rep_speed_m_per_s: float,
    rep_duration_s: float,
    recovery_duration_s: float,
    recovery_speed_m_per_s: float,
    reps: int = INTERVAL_REPS,
) -> np.ndarray:
    """Speed (m/s) in each second of ``reps`` × (rep + recovery jog)."""
    one = np.concatenate(
        [np.full(int(round(rep_duration_s)), rep_speed_m_per_s), np.full(int(round(recovery_duration_s)), recovery_speed_m_per_s)]
    )
    return np.tile(one, reps)


def d_prime_session(
    cs_m_per_s: float,
    d_prime_m: float,
    rep_speed_m_per_s: float,
    rep_duration_s: float,
    recovery_duration_s: float,
    recovery_speed_m_per_s: float,
) -> pd.DataFrame:
    """D′ balance (m) through the session, every ``INTERVAL_CHART_STEP_S`` seconds.

    Uses the differential form of Skiba et al. 2015 on speed, because the
    recovery constant of the 2012 integral form was fitted on cycling power.
    Columns: ``time_min`` and ``balance_m`` (below zero: the session as set
    cannot be run at that pace).
    """
    speeds = interval_session_speeds(rep_speed_m_per_s, rep_duration_s, recovery_duration_s, recovery_speed_m_per_s)
    balance = metabolism.w_prime_balance(speeds, cs_m_per_s, d_prime_m, dt_s=1.0, method="differential")
    full = np.concatenate([[d_prime_m], balance])  # full[t]: balance after t seconds
    # A regular grid, plus every change of pace (the peaks and troughs) and the first
    # second at which D′ is empty, so the chart shows those moments exactly.
    period = int(round(rep_duration_s)) + int(round(recovery_duration_s))
    rep_ends = np.arange(INTERVAL_REPS) * period + int(round(rep_duration_s))
    rep_starts = np.arange(INTERVAL_REPS + 1) * period
    empty = np.flatnonzero(full <= 0)[:1]
    seconds = np.unique(np.concatenate([np.arange(0, speeds.size + 1, INTERVAL_CHART_STEP_S), rep_ends, rep_starts, empty]))
    seconds = seconds[seconds <= speeds.size]
    return pd.DataFrame({"time_min": seconds / 60.0, "balance_m": full[seconds]})


def _d_prime_chart(base):
    import altair as alt

    line = base.mark_line(color=charts.SERIES).encode(
        x=alt.X("time_min:Q", title="time (min)"),
        y=alt.Y("balance_m:Q", title="D′ balance (m)"),
    )
    return alt.layer(line, charts.zero_line(base), charts.first_crossing(base, "balance_m", "time_min", "legs go heavy"))


def _describe_d_prime(frame: pd.DataFrame, values: Mapping[str, float]) -> str:
    session = (
        f"{INTERVAL_REPS} reps of {values['rep_duration_s']:.0f} s at {values['rep_speed_m_per_s']:.2f} m/s, "
        f"each followed by {values['recovery_duration_s']:.0f} s at {values['recovery_speed_m_per_s']:.1f} m/s, "
        f"for a runner with critical speed {values['cs_m_per_s']:.2f} m/s and D′ {values['d_prime_m']:.0f} m"
    )
    empty = frame.loc[frame["balance_m"] <= 0, "time_min"]
    lowest = frame["balance_m"].min()
    if empty.empty:
        outcome = f"D′ never runs out; its lowest point is {lowest:.0f} m."
    else:
        outcome = f"D′ first reaches zero at {empty.iloc[0]:.1f} min: the legs go heavy and rep pace cannot be held."
    return f"Line chart of D′ balance (m) against time (min) for {session}. {outcome}"


D_PRIME_LAB = Lab(
    key="metabolism-d-prime",
    controls=(
        Control("cs_m_per_s", "critical speed", "m/s", 3.0, 6.0, 0.05, 4.0),
        Control("d_prime_m", "D′", "m", 100, 400, 10, 200),
        Control("rep_speed_m_per_s", "rep pace", "m/s", 3.5, 6.5, 0.05, 4.5, static_stops=(4.0, 4.5, 5.0, 5.5, 6.0)),
        Control("rep_duration_s", "rep duration", "s", 30, 300, 10, 180, static_stops=(60, 120, 180, 240, 300)),
        Control("recovery_duration_s", "recovery duration", "s", 30, 240, 10, 120, static_stops=(60, 120, 180, 240)),
        Control("recovery_speed_m_per_s", "recovery jog pace", "m/s", 0.0, 3.5, 0.1, 2.0),
    ),
    model=d_prime_session,
    chart=_d_prime_chart,
    describe=_describe_d_prime,
    caption=(
        "D′ balance through six reps, from the differential model of Skiba and colleagues (2015) applied to "
        "running speed (an illustration: the model was validated on cycling power, not on running). It falls "
        "during each rep run faster than critical speed and refills during the jog; the orange line marks where "
        "it first reaches zero."
    ),
    static_decimals=2,
)


def d_prime_interval_lab() -> LabWidget:
    """Lab A of chapter 1: D′ drains and refills through an interval session."""
    return D_PRIME_LAB.live()


# --- Lab B: fuel and the wall -------------------------------------------------------

#: VO2max of the lab's runner (mL/kg/min). It only turns grams per hour into grams
#: per kilometre in this model, so it is fixed rather than a slider that would do
#: nothing whenever intake is zero.
FUEL_VO2MAX_ML_KG_MIN = 50.0


def _fuel_keywords(values: Mapping[str, float]) -> dict[str, float]:
    return {
        "body_mass_kg": values["body_mass_kg"],
        "intensity": values["intensity_percent"] / 100.0,
        "vo2max_ml_kg_min": FUEL_VO2MAX_ML_KG_MIN,
        "carbohydrate_intake_g_per_h": values["carbohydrate_intake_g_per_h"],
        "muscle_glycogen_kcal_per_kg": values["muscle_glycogen_kcal_per_kg"],
        "liver_glycogen_g": values["liver_glycogen_g"],
    }


def glycogen_course(
    intensity_percent: float,
    carbohydrate_intake_g_per_h: float,
    muscle_glycogen_kcal_per_kg: float,
    liver_glycogen_g: float,
    body_mass_kg: float,
) -> pd.DataFrame:
    """Glycogen left (kcal) against distance run (km), from :func:`heavylegs.metabolism.glycogen_remaining_kcal`.

    The model's budget goes negative past the wall (a deficit the runner cannot
    actually draw on); the chart shows an empty store instead.
    """
    keywords = _fuel_keywords(locals())
    # The grid plus the exact wall, so the chart's "wall" line sits where the text says.
    wall_km = metabolism.distance_to_wall_km(**keywords)
    distances = FUEL_DISTANCES_KM
    if wall_km <= FUEL_DISTANCES_KM[-1]:
        distances = np.unique(np.append(FUEL_DISTANCES_KM, round(wall_km, 3)))
    remaining = np.asarray(metabolism.glycogen_remaining_kcal(distances, **keywords), dtype=float)
    # At the wall itself the budget is zero up to rounding; make it exactly empty.
    remaining[np.isclose(distances, round(wall_km, 3))] = 0.0
    return pd.DataFrame({"distance_km": distances, "glycogen_kcal": np.maximum(remaining, 0.0)})


def _fuel_chart(base):
    import altair as alt

    line = base.mark_line(color=charts.SERIES).encode(
        x=alt.X("distance_km:Q", title="distance run (km)", scale=alt.Scale(domain=[0, float(FUEL_DISTANCES_KM[-1])])),
        y=alt.Y("glycogen_kcal:Q", title="glycogen left (kcal)"),
    )
    marathon = base.mark_rule(color=charts.REFERENCE, strokeDash=[8, 4], strokeWidth=2).encode(x=alt.datum(MARATHON_KM))
    marathon_label = base.mark_text(align="left", dx=4, color=charts.REFERENCE_TEXT).encode(
        x=alt.datum(MARATHON_KM), y=alt.value(14), text=alt.value("marathon finish")
    )
    wall = charts.first_crossing(base, "glycogen_kcal", "distance_km", "the wall", label_y=34)
    return alt.layer(line, charts.zero_line(base), marathon, marathon_label, wall)


def _describe_fuel(frame: pd.DataFrame, values: Mapping[str, float]) -> str:
    keywords = _fuel_keywords(values)
    wall_km = metabolism.distance_to_wall_km(**keywords)
    runner = (
        f"a {values['body_mass_kg']:.0f} kg runner at {values['intensity_percent']:.0f} % of VO2max "
        f"(VO2max {FUEL_VO2MAX_ML_KG_MIN:.0f} mL/kg/min), with {values['muscle_glycogen_kcal_per_kg']:.0f} kcal "
        f"of glycogen per kg of leg muscle and {values['liver_glycogen_g']:.0f} g in the liver, eating "
        f"{values['carbohydrate_intake_g_per_h']:.0f} g of carbohydrate per hour"
    )
    if np.isinf(wall_km):
        outcome = "Carbohydrate eaten during the run covers what the pace burns: this runner never hits the wall."
    elif wall_km > FUEL_DISTANCES_KM[-1]:
        outcome = f"Glycogen lasts beyond {FUEL_DISTANCES_KM[-1]:.0f} km, well past the marathon finish."
    elif wall_km < MARATHON_KM:
        needed = metabolism.carbohydrate_needed_g(MARATHON_KM, **keywords)
        outcome = f"Glycogen runs out at {wall_km:.1f} km, before the marathon finish; about {needed:.0f} g more carbohydrate would be needed."
    else:
        outcome = f"Glycogen would run out at {wall_km:.1f} km, after the marathon finish."
    return f"Line chart of glycogen left (kcal) against distance (km) for {runner}. {outcome}"


FUEL_LAB = Lab(
    key="metabolism-fuel-wall",
    controls=(
        Control("intensity_percent", "intensity", "% VO2max", 60, 90, 1, 75, static_stops=(60, 65, 70, 75, 80, 85, 90)),
        Control("carbohydrate_intake_g_per_h", "carbohydrate intake", "g/h", 0, 90, 5, 0, static_stops=(0, 30, 60, 90)),
        Control(
            "muscle_glycogen_kcal_per_kg", "muscle glycogen", "kcal/kg leg muscle", 80, 144, 4, 80,
            static_stops=(80, 112, 144),
        ),
        Control("liver_glycogen_g", "liver glycogen", "g", 50, 160, 5, 100),
        Control("body_mass_kg", "body mass", "kg", 45, 100, 1, 70),
    ),
    model=glycogen_course,
    chart=_fuel_chart,
    describe=_describe_fuel,
    caption=(
        "Glycogen left against distance in a simplified model with the structure of Rapoport (2010); the "
        "energy cost, the carbohydrate share of fuel and the glycogen density are approximations, so read "
        "the shape, not the exact kilometre. The orange line marks the wall, the green one the marathon finish."
    ),
    static_decimals=1,
)


def fuel_and_wall_lab() -> LabWidget:
    """Lab B of chapter 1: pace, carbohydrate and glycogen stores against the wall."""
    return FUEL_LAB.live()
