"""Chapter 1 labs: D′ balance through an interval session, and fuel against the wall.

Both wrap models from :mod:`heavylegs.metabolism`; nothing here computes physiology.
"""

from __future__ import annotations

from typing import Mapping

import numpy as np
import pandas as pd

from heavylegs import charts, metabolism, units
from heavylegs.figures import Figure
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
    """D′ balance (m) through the session, every ``INTERVAL_CHART_STEP_S`` seconds, and the reps' times.

    Uses the differential form of Skiba et al. 2015 on speed, because the
    recovery constant of the 2012 integral form was fitted on cycling power.

    Two kinds of row share one table (the chart filters each):

    * balance rows: ``time_min`` and ``balance_m``. The balance stops at the
      first second at which D′ is empty (shown as 0 m): from there the session
      as set cannot be run, so the model's negative values are not drawn.
    * rep rows, one per rep: ``rep`` (1, 2, ...), ``rep_start_min`` and
      ``rep_end_min``, for shading the reps.
    """
    speeds = interval_session_speeds(rep_speed_m_per_s, rep_duration_s, recovery_duration_s, recovery_speed_m_per_s)
    balance = metabolism.w_prime_balance(speeds, cs_m_per_s, d_prime_m, dt_s=1.0, method="differential")
    full = np.concatenate([[d_prime_m], balance])  # full[t]: balance after t seconds
    # A regular grid, plus every change of pace (the peaks and troughs) and the first
    # second at which D′ is empty, so the chart and the readout show those moments exactly.
    rep_s, period = int(round(rep_duration_s)), int(round(rep_duration_s)) + int(round(recovery_duration_s))
    rep_starts = np.arange(INTERVAL_REPS) * period
    rep_ends = rep_starts + rep_s
    empty = np.flatnonzero(full <= 0)[:1]
    last = int(empty[0]) if empty.size else speeds.size
    seconds = np.unique(np.concatenate([np.arange(0, speeds.size + 1, INTERVAL_CHART_STEP_S), rep_ends, rep_starts, [speeds.size], empty]))
    seconds = seconds[seconds <= last]
    values = full[seconds]
    if empty.size:
        values[-1] = 0.0  # the moment D′ is used up: the tank is empty, not overdrawn
    # One table, two kinds of row: numpy padding with NaN is much faster than pandas.concat,
    # and this runs on every slider change.
    n_points, nan_points, nan_reps = seconds.size, np.full(seconds.size, np.nan), np.full(INTERVAL_REPS, np.nan)
    return pd.DataFrame(
        {
            "time_min": np.concatenate([seconds / 60.0, nan_reps]),
            "balance_m": np.concatenate([values, nan_reps]),
            "rep": np.concatenate([nan_points, np.arange(1.0, INTERVAL_REPS + 1)]),
            "rep_start_min": np.concatenate([nan_points, rep_starts / 60.0]),
            "rep_end_min": np.concatenate([nan_points, rep_ends / 60.0]),
        }
    )


def _d_prime_chart(base):
    import altair as alt

    time_axis = alt.X("time_min:Q", title="time (min)")
    # Reps shaded behind the line; their meaning is in the text alternative, so no aria role.
    reps = base.transform_filter("isValid(datum.rep_start_min)").mark_rect(style=charts.SHADE_STYLE, aria=False).encode(
        x=alt.X("rep_start_min:Q", title="time (min)"), x2="rep_end_min:Q"
    )
    balance = base.transform_filter("isValid(datum.balance_m)")
    line = charts.series_line(balance).encode(x=time_axis, y=alt.Y("balance_m:Q", title="D′ balance (m)"))
    return alt.layer(reps, line, charts.zero_line(base), charts.first_crossing(balance, "balance_m", "time_min", "legs go heavy"))


def _split_rows(frame: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(times in min, balances in m) of the balance rows, and an array of (rep, start, end) rows."""
    is_balance = frame["balance_m"].notna().to_numpy()
    times, levels = frame["time_min"].to_numpy()[is_balance], frame["balance_m"].to_numpy()[is_balance]
    reps = frame[["rep", "rep_start_min", "rep_end_min"]].to_numpy()[~is_balance]
    return times, levels, reps


def _describe_d_prime(frame: pd.DataFrame, values: Mapping[str, float]) -> str:
    session = (
        f"{INTERVAL_REPS} reps (shaded) of {values['rep_duration_s']:.0f} s at {values['rep_speed_m_per_s']:.2f} m/s "
        f"({units.pace_min_per_km(values['rep_speed_m_per_s'])}), each followed by {values['recovery_duration_s']:.0f} s "
        f"of jogging at {values['recovery_speed_m_per_s']:.1f} m/s ({units.pace_min_per_km(values['recovery_speed_m_per_s'])}), "
        f"for a runner with critical speed {values['cs_m_per_s']:.2f} m/s ({units.pace_min_per_km(values['cs_m_per_s'])}) "
        f"and D′ {values['d_prime_m']:.0f} m"
    )
    times, levels, reps = _split_rows(frame)
    last_time = times[-1]
    starts = []
    for start in reps[:, 1]:
        at = np.flatnonzero(np.isclose(times, start))
        if at.size and start <= last_time:
            starts.append(levels[at[0]])
    start_text = "D′ at the start of each rep: " + ", ".join(f"{v:.0f}" for v in starts) + " m."
    empty = np.flatnonzero(levels <= 0)
    if empty.size == 0 and levels.min() >= values["d_prime_m"]:
        outcome = "D′ never falls: the reps are run no faster than critical speed, so they cost none of it."
    elif empty.size == 0:
        lowest = int(np.argmin(levels))
        when = _when(times[lowest], reps, end=True)
        # Below a metre the model cannot tell "just made it" from "just failed": say so, not "0 m".
        amount = "less than 1 m" if levels[lowest] < 1 else f"{levels[lowest]:.0f} m"
        outcome = f"D′ never runs out: its lowest point is {amount}, {when}."
    else:
        when = _when(times[empty[0]], reps, end=False)
        cause = "even the jog is faster than critical speed" if "jog" in when else "from here the rep pace cannot be held"
        outcome = f"D′ runs out {when}: {cause}, so the line stops there."
    return f"Line chart of D′ balance (m) against time (min) for {session}. {outcome} {start_text}"


def _when(time_min: float, reps: np.ndarray, *, end: bool) -> str:
    """Where in the session ``time_min`` falls, in words: "in rep 3, 85 s into it (11.4 min into the session)"."""
    for rep, start, stop in reps:
        if start <= time_min <= stop + 1e-9:
            if end and np.isclose(time_min, stop):
                return f"at the end of rep {rep:.0f} ({time_min:.1f} min into the session)"
            return f"in rep {rep:.0f} of {INTERVAL_REPS}, {round((time_min - start) * 60):.0f} s into it ({time_min:.1f} min into the session)"
    before = reps[reps[:, 2] < time_min, 0]
    after = f"rep {before[-1]:.0f}" if before.size else "the start"
    return f"in the jog after {after} ({time_min:.1f} min into the session)"
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
        "D′ balance through six reps (shaded), from the differential model of Skiba and colleagues (2015) applied "
        "to running speed. It is an illustration: the model was derived from single-leg knee-extension exercise, "
        "has mostly been used with cycling power, and has not been validated for running. D′ falls during each "
        "rep run faster than critical speed and refills during the jog; where it is first used up (orange "
        "line) the rep pace can no longer be held, and the line stops."
    ),
    static_decimals=2,
)


def d_prime_interval_lab() -> LabWidget:
    """Lab A of chapter 1: D′ drains and refills through an interval session."""
    return D_PRIME_LAB.live()


# --- Lab B: fuel and the wall -------------------------------------------------------

#: VO2max of the lab's runner (mL/kg/min). It only turns grams per hour into grams
#: per kilometer in this model, so it is fixed rather than a slider that would do
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

    line = charts.series_line(base).encode(
        x=alt.X("distance_km:Q", title="distance run (km)", scale=alt.Scale(domain=[0, float(FUEL_DISTANCES_KM[-1])])),
        y=alt.Y("glycogen_kcal:Q", title="glycogen left (kcal)"),
    )
    marathon = charts.reference_line(base, MARATHON_KM, "marathon finish")
    wall = charts.first_crossing(base, "glycogen_kcal", "distance_km", "the wall", label_y=34)
    return alt.layer(line, charts.zero_line(base), marathon, wall)


def _describe_fuel(frame: pd.DataFrame, values: Mapping[str, float]) -> str:
    keywords = _fuel_keywords(values)
    wall_km = metabolism.distance_to_wall_km(**keywords)
    speed_km_h = metabolism.running_speed_km_h(keywords["intensity"], FUEL_VO2MAX_ML_KG_MIN)
    race_s = MARATHON_KM / speed_km_h * 3600.0
    race = units.clock(race_s)
    runner = (
        f"a {values['body_mass_kg']:.0f} kg runner at {values['intensity_percent']:.0f} % of VO2max "
        f"(VO2max {FUEL_VO2MAX_ML_KG_MIN:.0f} mL/kg/min: {speed_km_h:.1f} km/h, "
        f"{units.pace_min_per_km(speed_km_h / 3.6)}, a {race} marathon), with "
        f"{values['muscle_glycogen_kcal_per_kg']:.0f} kcal of glycogen per kg of leg muscle and "
        f"{values['liver_glycogen_g']:.0f} g in the liver, eating {values['carbohydrate_intake_g_per_h']:.0f} g "
        "of carbohydrate per hour"
    )
    grams = metabolism.KCAL_PER_G_CARBOHYDRATE
    if wall_km < MARATHON_KM:
        needed_g = metabolism.carbohydrate_needed_g(MARATHON_KM, **keywords)
        outcome = (
            f"Glycogen runs out at {wall_km:.1f} km, before the marathon finish. The shortfall is about "
            f"{needed_g:.0f} g of carbohydrate ({needed_g * grams:.0f} kcal at {grams:.0f} kcal per gram), "
            f"or {needed_g / (race_s / 3600.0):.0f} g per hour more over the {race} race."
        )
    else:
        left_kcal = float(metabolism.glycogen_remaining_kcal(MARATHON_KM, **keywords))
        where = (
            "the intake covers what the pace burns, so the wall never comes"
            if np.isinf(wall_km)
            else f"the wall would come at {wall_km:.1f} km"
            + (", beyond the chart" if wall_km > FUEL_DISTANCES_KM[-1] else "")
        )
        outcome = (
            f"Glycogen lasts past the marathon finish, with about {left_kcal:.0f} kcal "
            f"({left_kcal / grams:.0f} g at {grams:.0f} kcal per gram) left there; {where}."
        )
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
        "the shape, not the exact kilometer. The orange line marks the wall, the green one the marathon finish."
    ),
    static_decimals=1,
)


def fuel_and_wall_lab() -> LabWidget:
    """Lab B of chapter 1: pace, carbohydrate and glycogen stores against the wall."""
    return FUEL_LAB.live()


# --- Static figures of chapter 1 -------------------------------------------------------

#: The three routes that rebuild ATP, ranked (1 = lowest) by how fast each can supply ATP and by
#: how long it can keep supplying it. A qualitative ordering (Allen, Lamb & Westerblad 2008), not data.
ENERGY_SYSTEMS = (
    {"system": "phosphocreatine", "rate_rank": 3, "capacity_rank": 1},
    {"system": "glycolysis", "rate_rank": 2, "capacity_rank": 2},
    {"system": "oxidative metabolism", "rate_rank": 1, "capacity_rank": 3},
)


def energy_systems_figure() -> Figure:
    """A sketch of the trade-off between how fast and how long each energy system supplies ATP."""
    import altair as alt

    ranks = {"values": [1, 2, 3]}
    words = "datum.value == 1 ? 'lowest' : datum.value == 2 ? 'middle' : 'highest'"
    base = alt.Chart(alt.Data(values=list(ENERGY_SYSTEMS)))
    x = alt.X("rate_rank:Q", title="how fast it rebuilds ATP (rank)", scale=alt.Scale(domain=[0.5, 3.5]),
              axis=alt.Axis(**ranks, labelExpr=words, grid=False))
    y = alt.Y("capacity_rank:Q", title="how long it can keep going (rank)", scale=alt.Scale(domain=[0.5, 3.5]),
              axis=alt.Axis(**ranks, labelExpr=words, grid=False))
    points = base.mark_point(filled=True, size=160, style=charts.SERIES_STYLE).encode(x=x, y=y)
    labels = base.mark_text(align="center", dy=-16, fontWeight="bold").encode(x=x, y=y, text="system:N")
    return Figure(
        alt.layer(points, labels),
        alt=(
            "Sketch of the three energy systems, ranked by how fast each rebuilds ATP and how long it can keep "
            "going: phosphocreatine is the fastest but runs out first, glycolysis sits in the middle on both, "
            "and oxidative metabolism is the slowest but can keep going the longest."
        ),
        caption=(
            "The three ways muscle rebuilds ATP trade speed for staying power. A qualitative sketch: positions "
            "show the order described by Allen, Lamb and Westerblad (2008), not measured values."
        ),
    )


def distance_time_figure(distances_m, times_s) -> Figure:
    """The time trials and the critical-speed line fitted to them, d = CS·t + D′ (:func:`metabolism.critical_speed`)."""
    import altair as alt

    fit = metabolism.critical_speed(distances_m, times_s)
    trials = pd.DataFrame({"time_s": np.asarray(times_s, dtype=float), "distance_m": np.asarray(distances_m, dtype=float)})
    t_end = float(trials["time_s"].max()) * 1.05
    line = pd.DataFrame({"time_s": [0.0, t_end], "distance_m": [fit.d_prime_m, fit.d_prime_m + fit.cs_m_per_s * t_end]})
    x = alt.X("time_s:Q", title="trial time (s)", axis=alt.Axis(tickCount=6))
    y = alt.Y("distance_m:Q", title="distance covered (m)")
    fitted = charts.series_line(alt.Chart(line)).encode(x=x, y=y)
    dots = alt.Chart(trials).mark_point(filled=True, size=90, shape="diamond", style=charts.ALERT_STYLE).encode(x=x, y=y)
    intercept = alt.Chart(pd.DataFrame({"time_s": [0.0], "distance_m": [fit.d_prime_m], "label": [f"D′ = {fit.d_prime_m:.0f} m"]}))
    intercept_text = intercept.mark_text(align="left", dx=8, dy=-2).encode(x=x, y=y, text="label:N")
    slope = alt.Chart(pd.DataFrame({"time_s": [t_end * 0.55], "distance_m": [fit.d_prime_m + fit.cs_m_per_s * t_end * 0.55],
                                    "label": [f"slope = CS = {fit.cs_m_per_s:.2f} m/s"]}))
    slope_text = slope.mark_text(align="right", dx=-10, dy=-10).encode(x=x, y=y, text="label:N")
    trial_list = ", ".join(f"{d:.0f} m in {t:.0f} s" for d, t in zip(trials["distance_m"], trials["time_s"]))
    return Figure(
        alt.layer(fitted, dots, intercept_text, slope_text),
        alt=(
            f"Scatter of three time trials ({trial_list}) with the straight line fitted through them: distance "
            f"rises with time at a slope of {fit.cs_m_per_s:.2f} m/s, the critical speed, and the line meets the "
            f"distance axis at {fit.d_prime_m:.0f} m, D′."
        ),
        caption=(
            "Distance against time for three all-out trials (diamonds) and the line d = CS·t + D′ fitted to them "
            "by least squares: its slope is critical speed, its intercept D′."
        ),
    )
