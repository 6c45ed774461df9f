"""Chapter 3 labs: build then taper, the training-load chart, and a real athlete.

All three wrap models from :mod:`heavylegs.recovery`; nothing here computes
physiology. Every slider change re-runs the model only (no SciPy fit): lab C
scores the learner's constants with :func:`heavylegs.recovery.fitness_fatigue`
against the Clarke & Skiba tests.
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Mapping

import numpy as np
import pandas as pd

from heavylegs import charts, data, recovery
from heavylegs.figures import FIGURE_HEIGHT, Figure
from heavylegs.lab import Control, Lab, LabWidget
from heavylegs.units import true_minus

#: The published Banister constants every lab starts from (Clarke & Skiba 2013; p0 in W, k in W/AU, τ in days).
PUBLISHED = recovery.CLARKE_SKIBA_2013_PARAMETERS


def _banister_controls() -> tuple[Control, ...]:
    """The model's four constants as live-only sliders, starting at Clarke & Skiba's published fit."""
    return (
        Control("k1", "fitness gain k1", "W/AU", 0.05, 0.5, 0.01, PUBLISHED["k1"]),
        Control("k2", "fatigue gain k2", "W/AU", 0.05, 0.5, 0.01, PUBLISHED["k2"]),
        Control("tau1_d", "fitness time constant τ1", "days", 5, 60, 1, PUBLISHED["tau1_d"]),
        Control("tau2_d", "fatigue time constant τ2", "days", 2, 40, 1, PUBLISHED["tau2_d"]),
    )


def _constants_text(values: Mapping[str, float]) -> str:
    published = all(math.isclose(values[name], PUBLISHED[name]) for name in ("k1", "k2", "tau1_d", "tau2_d"))
    source = " (the published fit of Clarke & Skiba 2013)" if published else ""
    return (
        f"k1 {values['k1']:.2f} and k2 {values['k2']:.2f} W/AU, τ1 {values['tau1_d']:.0f} and "
        f"τ2 {values['tau2_d']:.0f} days{source}"
    )


def _three_lines(base, fields: tuple[tuple[str, str], ...], y_title: str, x, legend_columns: int | None = None):
    """Three model columns as lines on one y axis, named in a legend (colour and dash pattern).

    The colours come from the theme's category palette (Okabe–Ito, switched with the page's theme),
    in the order of ``fields``; the dash pattern tells the lines apart without colour.
    ``legend_columns=1`` stacks long names, which in one row would overflow a phone-width chart.
    """
    import altair as alt

    names = [name for _, name in fields]
    legend = alt.Legend(columns=legend_columns) if legend_columns else alt.Undefined
    # The model's own names in the table; readable names in the legend.
    rename = " : ".join(f"datum.key == '{column}' ? '{name}'" for column, name in fields[:-1]) + f" : '{fields[-1][1]}'"
    return (
        base.transform_fold([column for column, _ in fields])
        .transform_calculate(series=rename)
        .mark_line()
        .encode(
            x=x,
            y=alt.Y("value:Q", title=y_title),
            color=alt.Color("series:N", title=None, scale=alt.Scale(domain=names), legend=legend),
            strokeDash=alt.StrokeDash("series:N", title=None, scale=alt.Scale(domain=names, range=[[1, 0], [7, 3], [2, 2]]),
                                      legend=legend),
        )
    )


# --- Lab A: build, then taper ------------------------------------------------------------

#: Race day: the last day of a 16-week plan (training block, then the taper before race day).
RACE_DAY = 112
#: Days drawn after race day, with the taper load going on, to show when performance would peak.
DAYS_AFTER_RACE = 14
TAPER_DAYS_DRAWN = np.arange(1, RACE_DAY + DAYS_AFTER_RACE + 1)
#: Height (px from the top) of the taper chart's labels: near its foot (charts.HEIGHT is 300 px).
LABEL_FOOT_PX = charts.HEIGHT - 16


def taper_loads(block_load_au: float, taper_days: float, taper_reduction_percent: float) -> np.ndarray:
    """Daily loads (AU) of the plan: the block's load every day, then the taper load from
    ``taper_days`` before race day on (race day and the days after it included). Without a taper
    the block's load goes on through race day, and the taper load starts the day after it."""
    taper_start = _taper_start(taper_days)
    loads = np.full(TAPER_DAYS_DRAWN.size, float(block_load_au))
    loads[TAPER_DAYS_DRAWN >= taper_start] = block_load_au * (1.0 - taper_reduction_percent / 100.0)
    return loads


def _taper_start(taper_days: float) -> int:
    """First day at the taper load."""
    days = int(round(taper_days))
    return RACE_DAY - days if days else RACE_DAY + 1


def build_and_taper(
    taper_days: float,
    taper_reduction_percent: float,
    block_load_au: float,
    k1: float,
    k2: float,
    tau1_d: float,
    tau2_d: float,
) -> pd.DataFrame:
    """Fitness, fatigue and performance (W) over a training block, a taper and the days after race day.

    Columns: ``day``; ``fitness_w``, ``fatigue_w`` and ``performance_w`` from
    :func:`heavylegs.recovery.fitness_fatigue` (p0 = 262 W, Clarke & Skiba
    2013); ``taper``, 1 on the taper days before race day, else 0; ``peak``,
    1 on the (first) day of best performance, else 0.
    """
    loads = taper_loads(block_load_au, taper_days, taper_reduction_percent)
    model = recovery.fitness_fatigue(loads, PUBLISHED["p0"], k1, k2, tau1_d, tau2_d)
    taper_start = _taper_start(taper_days)
    return pd.DataFrame(
        {
            "day": TAPER_DAYS_DRAWN,
            "fitness_w": model["fitness"].to_numpy(),
            "fatigue_w": model["fatigue"].to_numpy(),
            "performance_w": model["performance"].to_numpy(),
            "taper": ((TAPER_DAYS_DRAWN >= taper_start) & (TAPER_DAYS_DRAWN < RACE_DAY)).astype(float),
            # The first best day only: two days can tie at the page's rounding.
            "peak": (np.arange(TAPER_DAYS_DRAWN.size) == np.argmax(model["performance"].to_numpy())).astype(float),
        }
    )


def _taper_chart(base):
    import altair as alt

    x = alt.X("day:Q", title="day of the plan", scale=alt.Scale(domain=[0, int(TAPER_DAYS_DRAWN[-1])], nice=False),
              axis=alt.Axis(values=list(range(0, int(TAPER_DAYS_DRAWN[-1]) + 1, 14))))
    # The taper shaded behind the lines: from the first taper day to race day.
    taper = (
        base.transform_filter("datum.taper == 1")
        .transform_aggregate(start="min(day)")
        .transform_calculate(start="datum.start - 0.5", end=str(RACE_DAY))
        .mark_rect(style=charts.SHADE_STYLE, aria=False)
        .encode(x=alt.X("start:Q", title="day of the plan"), x2="end:Q")
    )
    lines = _three_lines(
        base,
        (("performance_w", "performance"), ("fatigue_w", "fatigue"), ("fitness_w", "fitness")),
        "model output (W of 5-min power)",
        x,
    )
    peak = base.transform_filter("datum.peak == 1")
    peak_dot = peak.mark_point(filled=True, size=70, style=charts.SERIES_STYLE).encode(x=x, y="performance_w:Q")
    # Labels at the foot of the chart, where no line runs once the block has begun.
    race = charts.reference_line(base, RACE_DAY, "race day", label_y=LABEL_FOOT_PX)
    taper_label = (
        base.transform_filter("datum.taper == 1")
        .transform_aggregate(start="min(day)")
        .mark_text(align="right", dx=-4, fontSize=11)
        .encode(x="start:Q", y=alt.value(LABEL_FOOT_PX), text=alt.value("taper"))
    )
    return alt.layer(taper, lines, peak_dot, race, taper_label)


def _first_day(condition: np.ndarray, days: np.ndarray) -> float:
    where = np.flatnonzero(condition)
    return float(days[where[0]]) if where.size else math.nan


def _days_from_race(day: float) -> str:
    gap = int(day) - RACE_DAY
    if gap == 0:
        return "race day itself"
    return f"{abs(gap)} day{'s' if abs(gap) != 1 else ''} {'after' if gap > 0 else 'before'} race day"


def _change_text(name: str, change_w: float) -> str:
    return f"{name} {'rises' if change_w > 0 else 'falls'} by {abs(change_w):.1f} W"


def _describe_taper(frame: pd.DataFrame, values: Mapping[str, float]) -> str:
    taper_days, reduction = int(round(values["taper_days"])), float(values["taper_reduction_percent"])
    block = float(values["block_load_au"])
    days = frame["day"].to_numpy()
    fitness, fatigue, performance = (frame[c].to_numpy() for c in ("fitness_w", "fatigue_w", "performance_w"))
    race = RACE_DAY - 1  # row of race day
    # The same plan without a taper: the block's load every day up to race day.
    no_taper = recovery.fitness_fatigue(
        np.full(RACE_DAY, block), PUBLISHED["p0"], values["k1"], values["k2"], values["tau1_d"], values["tau2_d"]
    )["performance"].to_numpy()[-1]
    plan = (
        f"{block:.0f} AU a day of training, then "
        + (
            f"a {taper_days}-day taper at {reduction:.0f} % less load ({block * (1 - reduction / 100):.0f} AU a day)"
            if taper_days
            else f"no taper (from the day after race day on, {reduction:.0f} % less load)"
        )
        + f", with {_constants_text(values)}"
    )
    gain = performance[race] - no_taper
    on_race_day = f"On race day (day {RACE_DAY}) performance is {performance[race]:.1f} W"
    if taper_days == 0 or abs(gain) < 0.05:
        on_race_day += f", the same as without a taper ({no_taper:.1f} W)."
    else:
        on_race_day += f", {abs(gain):.1f} W {'more' if gain > 0 else 'less'} than without a taper ({no_taper:.1f} W)."
    if taper_days:
        before = RACE_DAY - taper_days - 2  # row of the last block day
        taper_change = (
            f" Over the taper {_change_text('fatigue', fatigue[race] - fatigue[before])} and "
            f"{_change_text('fitness', fitness[race] - fitness[before])}."
        )
    else:
        taper_change = ""
    top = int(np.argmax(performance))
    peak_day = days[top]
    if top == days.size - 1:
        # Still rising at the last day drawn: no peak to report.
        peak = (f" Performance is still rising on day {peak_day:.0f}, the last day drawn ({performance[top]:.1f} W), "
                "with the lower load going on after race day.")
    else:
        peak = f" Performance peaks on day {peak_day:.0f}, {_days_from_race(peak_day)}, at {performance[top]:.1f} W"
        peak += " (the taper load going on after race day)." if peak_day > RACE_DAY else "."
    heavy_until = _first_day(fatigue < fitness, days)
    if fatigue[0] <= fitness[0]:
        legs = " Fatigue never outweighs fitness: performance never drops below the starting 262 W."
    elif math.isnan(heavy_until):
        legs = " Fatigue outweighs fitness all the way: performance stays below the starting 262 W (heavy legs throughout)."
    else:
        legs = (
            f" Heavy legs turn into fresh legs on day {heavy_until:.0f}: until then fatigue outweighs fitness and "
            f"performance is below the starting 262 W; from then on fitness outweighs fatigue."
        )
    return true_minus(
        f"Line chart of fitness, fatigue and performance (W of 5-min power) against day of a 16-week plan, for {plan}. "
        f"{on_race_day}{taper_change}{peak}{legs}"
    )


TAPER_LAB = Lab(
    key="recovery-taper",
    controls=(
        Control("taper_days", "taper length", "days", 0, 35, 1, 14, static_stops=(0, 7, 14, 21, 28, 35)),
        Control("taper_reduction_percent", "load cut in the taper", "%", 0, 100, 5, 50,
                static_stops=(0, 25, 50, 75, 100)),
        Control("block_load_au", "block load", "AU per day", 10, 150, 5, 50),
        *_banister_controls(),
    ),
    model=build_and_taper,
    chart=_taper_chart,
    describe=_describe_taper,
    caption=(
        "Fitness, fatigue and performance in Banister's fitness–fatigue model over a 16-week plan: a block of "
        "training at the same load every day, then a taper (shaded) at a reduced load up to race day (green dashed "
        "line), going on for two weeks after it. The dot marks the best day. The constants are Clarke and "
        "Skiba's (2013) fit to one cyclist's 5-minute power tests: a description of one athlete, not a law; "
        "another athlete's constants, and so the best taper, differ."
    ),
    static_decimals=1,
)


def build_and_taper_lab() -> LabWidget:
    """Lab A of chapter 3: a training block, a taper, and race day."""
    return TAPER_LAB.live()


# --- Lab B: the training-load chart --------------------------------------------------------

#: Steady weeks at the starting load before the plan (not drawn): a year, so that CTL (τ 42 days) has
#: settled at the starting daily load to 0.01 % and a flat plan draws flat lines.
HISTORY_WEEKS = 52
#: ACWR bands of Gabbett 2016 ("sweet spot" and "danger zone"); contested, see the caption.
SWEET_SPOT = (0.8, 1.3)
DANGER_ACWR = 1.5


def plan_weekly_loads(weeks: float, weekly_increase_percent: float, recovery_every_weeks: float,
                      start_weekly_load_au: float, recovery_week_load_percent: float) -> np.ndarray:
    """Load (AU) of each week of the plan.

    Build weeks grow by ``weekly_increase_percent`` each; every
    ``recovery_every_weeks``-th week (0: none) is a recovery week at
    ``recovery_week_load_percent`` of the build week before it, and the build
    resumes after it one step up.
    """
    every = int(round(recovery_every_weeks))
    loads, level = [], float(start_weekly_load_au)
    for week in range(1, int(round(weeks)) + 1):
        if every and week % every == 0:
            loads.append(level * recovery_week_load_percent / 100.0)
        else:
            if loads:
                level *= 1.0 + weekly_increase_percent / 100.0
            loads.append(level)
    return np.array(loads)


def training_load_plan(
    weekly_increase_percent: float,
    weeks: float,
    recovery_every_weeks: float,
    start_weekly_load_au: float,
    recovery_week_load_percent: float,
) -> pd.DataFrame:
    """CTL, ATL, TSB (AU per day, TrainingPeaks rule) and the coupled ACWR over a plan of weekly loads.

    Each week's load is spread evenly over its seven days, after
    ``HISTORY_WEEKS`` steady weeks at the starting load (not returned).
    Columns: ``day`` (1 = first day of the plan), ``ctl``, ``atl``, ``tsb``,
    ``acwr`` (coupled 7/28-day, :func:`heavylegs.recovery.acwr`) and
    ``load_au`` (that day's load).
    """
    weekly = plan_weekly_loads(weeks, weekly_increase_percent, recovery_every_weeks, start_weekly_load_au,
                               recovery_week_load_percent)
    history = np.full(HISTORY_WEEKS * 7, start_weekly_load_au / 7.0)
    daily = np.concatenate([history, np.repeat(weekly / 7.0, 7)])
    pmc = recovery.training_load_chart(daily)
    ratio = recovery.acwr(daily).to_numpy()
    plan = slice(history.size, None)
    return pd.DataFrame(
        {
            "day": np.arange(1, weekly.size * 7 + 1),
            "ctl": pmc["ctl"].to_numpy()[plan],
            "atl": pmc["atl"].to_numpy()[plan],
            "tsb": pmc["tsb"].to_numpy()[plan],
            "acwr": ratio[plan],
            "load_au": daily[plan],
        }
    )


def _load_chart(base):
    import altair as alt

    x = alt.X("day:Q", title="day of the plan", scale=alt.Scale(domainMin=0, nice=False),
              axis=alt.Axis(values=list(range(0, 16 * 7 + 1, 14))))
    # Days on which the ACWR is at or above 1.5 (Gabbett's "danger zone"), shaded across the whole height.
    danger = base.transform_filter(f"datum.acwr >= {DANGER_ACWR}").transform_calculate(
        start="datum.day - 0.5", end="datum.day + 0.5"
    )
    shade = danger.mark_rect(style=charts.SHADE_STYLE, aria=False).encode(x=alt.X("start:Q", title="day of the plan"),
                                                                           x2="end:Q")
    shade_label = (
        danger.transform_aggregate(first="min(start)")
        .mark_text(align="left", dx=2, fontSize=11)
        .encode(x="first:Q", y=alt.value(10), text=alt.value(f"ACWR ≥ {DANGER_ACWR}"))
    )
    lines = _three_lines(
        base,
        (("ctl", "CTL (fitness, 42-day)"), ("tsb", "TSB (form, CTL − ATL)"), ("atl", "ATL (fatigue, 7-day)")),
        "training load (AU per day)",
        x,
        legend_columns=1,
    )
    return alt.layer(shade, charts.zero_line(base), lines, shade_label)


def _ordinal(n: int) -> str:
    return f"{n}{'nd' if n == 2 else 'rd' if n == 3 else 'th'}"


def _days_text(count: int) -> str:
    return f"{count} day{'s' if count != 1 else ''}"


def _describe_load(frame: pd.DataFrame, values: Mapping[str, float]) -> str:
    weeks, increase = int(round(values["weeks"])), float(values["weekly_increase_percent"])
    every, start = int(round(values["recovery_every_weeks"])), float(values["start_weekly_load_au"])
    weekly = plan_weekly_loads(weeks, increase, every, start, values["recovery_week_load_percent"])
    days = frame["day"].to_numpy()
    ctl, atl, tsb, ratio = (frame[c].to_numpy() for c in ("ctl", "atl", "tsb", "acwr"))
    if every == 1:
        pattern = "every week a recovery week"
    elif every:
        pattern = f"every {_ordinal(every)} week a recovery week at {values['recovery_week_load_percent']:.0f} % of the week before"
    else:
        pattern = "no recovery weeks"
    article = "an" if weeks in (8, 11, 18) else "a"
    plan = (
        f"{article} {weeks}-week plan starting at {start:.0f} AU a week, build weeks {increase:.0f} % up on the one before, "
        f"{pattern}"
    )
    biggest = int(np.argmax(weekly))
    loads = (
        f"The biggest week is week {biggest + 1} at {weekly[biggest]:.0f} AU, {weekly[biggest] / start:.2f} times "
        f"the first; the last week is {weekly[-1]:.0f} AU."
    )
    low = int(np.argmin(tsb))
    form = (
        f"CTL goes from {ctl[0]:.1f} to {ctl[-1]:.1f} AU per day; TSB is lowest on day {days[low]:.0f} "
        f"({tsb[low]:.1f}) and {tsb[-1]:.1f} on the last day."
    )
    top = int(np.nanargmax(ratio))
    sweet = int(np.count_nonzero((ratio >= SWEET_SPOT[0]) & (ratio <= SWEET_SPOT[1])))
    danger = int(np.count_nonzero(ratio >= DANGER_ACWR))
    acwr_text = (
        f"The ACWR (coupled, 7/28 days) peaks at {ratio[top]:.2f} on day {days[top]:.0f} and is lowest at "
        f"{np.nanmin(ratio):.2f}; it is within the "
        f"0.8–1.3 \"sweet spot\" on {_days_text(sweet)} of {days.size} and at or above {DANGER_ACWR} on "
        f"{_days_text(danger)}" + (" (shaded)." if danger else ".")
    )
    return true_minus(
        f"Line chart of CTL, ATL and TSB (AU per day) against day of the plan, for {plan}. "
        f"{loads} {form} {acwr_text}"
    )


LOAD_LAB = Lab(
    key="recovery-training-load",
    controls=(
        Control("weekly_increase_percent", "weekly increase", "%", 0, 40, 1, 10, static_stops=(0, 10, 20, 30, 40)),
        Control("weeks", "plan length", "weeks", 4, 16, 1, 12, static_stops=(8, 12, 16)),
        Control("recovery_every_weeks", "recovery week every", "weeks; 0: none", 0, 8, 1, 4,
                static_stops=(0, 2, 4, 6)),
        Control("start_weekly_load_au", "starting load", "AU per week", 100, 700, 10, 300),
        Control("recovery_week_load_percent", "recovery-week load", "% of the week before", 30, 100, 5, 60),
    ),
    model=training_load_plan,
    chart=_load_chart,
    describe=_describe_load,
    caption=(
        "CTL, ATL and TSB, the Performance Management Chart of training apps (TrainingPeaks' ÷42 and ÷7 rule), "
        "over a plan whose weekly load is spread evenly over the days, after a year of steady weeks at the starting load. "
        "Shaded: days on which the acute:chronic workload ratio is 1.5 or more, Gabbett's (2016) \"danger zone\". "
        "Those thresholds did not survive re-analysis: the ratio is coupled to itself (Lolli and colleagues 2019), "
        "and dividing by random chronic loads predicts injury as well (Impellizzeri and colleagues 2021). Read "
        "the ratio as a measure of how fast load changes, not as an injury risk."
    ),
    static_decimals=1,
)


def training_load_chart_lab() -> LabWidget:
    """Lab B of chapter 3: CTL, ATL, TSB and the ACWR over a plan of growing weeks."""
    return LOAD_LAB.live()


# --- Lab C: a real athlete -------------------------------------------------------------

#: Published goodness of fit of the rounded published constants on the Clarke & Skiba data, reproduced here.
REPRODUCED_SSE_W2 = 21.26
REPRODUCED_R_SQUARED = 0.978


@lru_cache(maxsize=1)
def clarke_skiba_data() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(daily BikeScore loads, test days, 5-min power tests in W) of Clarke & Skiba 2013, read once."""
    frame = data.load("clarke_skiba_2013_bikescore")
    tests = frame.dropna(subset=["Test_5min_Power"])
    return (frame["BikeScore"].to_numpy(dtype=float), tests["Day"].to_numpy(dtype=int),
            tests["Test_5min_Power"].to_numpy(dtype=float))


@lru_cache(maxsize=1)
def _published_performance() -> np.ndarray:
    loads, _, _ = clarke_skiba_data()
    return recovery.fitness_fatigue(loads, **PUBLISHED)["performance"].to_numpy()


@lru_cache(maxsize=1024)
def refit_with_time_constants(tau1_d: float, tau2_d: float) -> recovery.FitnessFatigueFit:
    """The best p0, k1 and k2 for Clarke & Skiba's tests with τ1 and τ2 (days) held fixed.

    With the time constants known the model is linear in the other three, so
    :func:`heavylegs.recovery.fit_fitness_fatigue` settles in about 2 ms: quick
    enough for a slider. It shows what the chart alone hides, that quite
    different time constants fit the nine tests almost as well once the gains
    are allowed to follow them.
    """
    loads, test_days, test_values = clarke_skiba_data()
    return recovery.fit_fitness_fatigue(loads, test_days, test_values,
                                        fixed={"tau1_d": float(tau1_d), "tau2_d": float(tau2_d)})


def real_athlete(k1: float, k2: float, tau1_d: float, tau2_d: float) -> pd.DataFrame:
    """Modelled 5-min power (W) of Clarke & Skiba's cyclist with the given constants, the published fit and the tests.

    Columns: ``day`` (1…165), ``model_w`` (p0 = 262 W and the given
    constants), ``published_w`` (the published constants) and ``test_w``
    (the measured 5-min power on the nine test days, else NaN).
    """
    loads, test_days, test_values = clarke_skiba_data()
    model = recovery.fitness_fatigue(loads, PUBLISHED["p0"], k1, k2, tau1_d, tau2_d)["performance"].to_numpy()
    tests = np.full(loads.size, np.nan)
    tests[test_days - 1] = test_values
    return pd.DataFrame({"day": np.arange(1, loads.size + 1), "model_w": model,
                         "published_w": _published_performance(), "test_w": tests})


#: Fixed y range (W) of the athlete chart, so the tests stay put while the model line moves (and is clipped).
ATHLETE_Y_DOMAIN_W = (230, 340)


def _athlete_chart(base):
    import altair as alt

    x_scale = alt.Scale(domain=[0, 165], nice=False)
    y_scale = alt.Scale(domain=list(ATHLETE_Y_DOMAIN_W), nice=False)
    x = alt.X("day:Q", title="day of the season", scale=x_scale, axis=alt.Axis(values=list(range(0, 166, 28))))
    y_title = "5-min power (W)"
    published = base.mark_line(style=charts.REFERENCE_STYLE, strokeDash=[7, 3], clip=True).encode(
        x=x, y=alt.Y("published_w:Q", title=y_title, scale=y_scale)
    )
    model = charts.series_line(base, clip=True).encode(x=x, y=alt.Y("model_w:Q", title=y_title, scale=y_scale))
    tests = base.transform_filter("isValid(datum.test_w)").mark_point(
        filled=True, size=80, shape="diamond", style=charts.ALERT_STYLE
    ).encode(x=x, y=alt.Y("test_w:Q", title=y_title, scale=y_scale))
    # The key in words, at the top left, clear of the data (colour is never the only cue).
    key = base.transform_aggregate(rows="count()")
    layers = [published, model, tests]
    for text, y_px in (("solid: the model with your constants", 12), ("dashed: the published fit", 28),
                       ("diamonds: the nine tests", 44)):
        layers.append(key.mark_text(align="left", fontSize=11).encode(x=alt.value(8), y=alt.value(y_px),
                                                                        text=alt.value(text)))
    return alt.layer(*layers)


def _describe_athlete(frame: pd.DataFrame, values: Mapping[str, float]) -> str:
    _, test_days, test_values = clarke_skiba_data()
    predicted = frame["model_w"].to_numpy()[test_days - 1]
    residuals = predicted - test_values
    sse = float(residuals @ residuals)
    r_squared = 1.0 - sse / float(((test_values - test_values.mean()) ** 2).sum())
    worst = int(np.argmax(np.abs(residuals)))
    if math.isclose(sse, REPRODUCED_SSE_W2, abs_tol=0.005):
        compared = "the same as the published fit"
    else:
        ratio = sse / REPRODUCED_SSE_W2
        compared = (f"{ratio:.1f} times the published fit's {REPRODUCED_SSE_W2} W²" if ratio >= 1
                    else f"{(1 - ratio) * 100:.0f} % less than the published fit's {REPRODUCED_SSE_W2} W²")
    miss = residuals[worst]
    refit = refit_with_time_constants(values["tau1_d"], values["tau2_d"])
    return true_minus(
        f"Line chart of modelled 5-min power (W) against day of the season for Clarke & Skiba's cyclist "
        f"(165 days of BikeScore loads), with p0 262 W and {_constants_text(values)}, beside the published fit and "
        f"the nine tests. Sum of squared errors on the tests: {sse:.2f} W², {compared}; R² {r_squared:.3f} "
        f"(published fit: {REPRODUCED_SSE_W2} W², R² {REPRODUCED_R_SQUARED}). Largest miss: day {test_days[worst]}, "
        f"modelled {predicted[worst]:.1f} W against {test_values[worst]:.0f} W measured "
        f"({abs(miss):.1f} W too {'high' if miss > 0 else 'low'}). With τ1 {values['tau1_d']:.0f} and τ2 "
        f"{values['tau2_d']:.0f} days and p0, k1 and k2 refitted to the tests, the error would be {refit.sse:.2f} W² "
        f"(R² {refit.r_squared:.3f}), with p0 {refit.p0:.0f} W, k1 {refit.k1:.2f} and k2 {refit.k2:.2f} W/AU."
    )


ATHLETE_LAB = Lab(
    key="recovery-real-athlete",
    controls=(
        Control("tau1_d", "fitness time constant τ1", "days", 5, 60, 1, PUBLISHED["tau1_d"],
                static_stops=(30, 33, 36, 39, 42)),
        Control("tau2_d", "fatigue time constant τ2", "days", 2, 40, 1, PUBLISHED["tau2_d"],
                static_stops=(15, 18, 21, 24, 27)),
        Control("k1", "fitness gain k1", "W/AU", 0.05, 0.5, 0.01, PUBLISHED["k1"]),
        Control("k2", "fatigue gain k2", "W/AU", 0.05, 0.5, 0.01, PUBLISHED["k2"]),
    ),
    model=real_athlete,
    chart=_athlete_chart,
    describe=_describe_athlete,
    caption=(
        "One cyclist's 165 days of training (BikeScore) and nine 5-minute power tests (diamonds), from Clarke and "
        "Skiba (2013), with Banister's model at their published constants (dashed) and at yours (solid); after the "
        "last test (day 132) nothing checks the model. Five constants fitted to nine tests: many quite different "
        "sets fit about as well once the gains follow the time constants (the readout refits them), so a good fit "
        "does not mean the constants are known."
    ),
    static_decimals=1,
)


def real_athlete_lab() -> LabWidget:
    """Lab C of chapter 3: nudge the published constants and watch the error on nine real tests."""
    return ATHLETE_LAB.live()


# --- Static figure of chapter 3 ----------------------------------------------------------

def single_session_figure(k1: float = PUBLISHED["k1"], k2: float = PUBLISHED["k2"],
                          tau1_d: float = PUBLISHED["tau1_d"], tau2_d: float = PUBLISHED["tau2_d"],
                          load_au: float = 100.0, days: int = 60) -> Figure:
    """The net effect of one session on performance over the days after it, with its crossover and peak days.

    Δp(t) = w·(k1·e^(−t/τ1) − k2·e^(−t/τ2)) (Clarke & Skiba 2013), and the
    days from :func:`heavylegs.recovery.banister_crossover_day` and
    :func:`heavylegs.recovery.banister_peak_day`.
    """
    import altair as alt

    t = np.arange(0.0, days + 0.01, 0.5)
    effect = load_au * (k1 * np.exp(-t / tau1_d) - k2 * np.exp(-t / tau2_d))
    crossover = recovery.banister_crossover_day(k1, k2, tau1_d, tau2_d)
    peak = recovery.banister_peak_day(k1, k2, tau1_d, tau2_d)
    peak_effect = load_au * (k1 * math.exp(-peak / tau1_d) - k2 * math.exp(-peak / tau2_d))
    base = alt.Chart(pd.DataFrame({"day": t, "effect_w": effect}))
    x = alt.X("day:Q", title="days after the session")
    line = charts.series_line(base).encode(x=x, y=alt.Y("effect_w:Q", title="change in performance (W)"))
    marks = alt.layer(
        line,
        charts.zero_line(base),
        # Labels low down, right of their rules: there the curve has already risen above zero.
        charts.reference_line(base, round(crossover, 1), f"turns positive: day {crossover:.1f}",
                              label_y=FIGURE_HEIGHT - 40),
        charts.reference_line(base, round(peak, 1), f"peak: day {peak:.1f}", label_y=FIGURE_HEIGHT - 20),
    )
    return Figure(
        marks,
        alt=(
            f"Line chart of the change in performance (W) against days after one session of {load_au:.0f} AU, with "
            f"k1 {k1:g} and k2 {k2:g} W/AU, τ1 {tau1_d:g} and τ2 {tau2_d:g} days: performance first falls by "
            f"{abs(effect[0]):.1f} W, turns positive on day {crossover:.1f} and peaks on day {peak:.1f} at "
            f"+{peak_effect:.2f} W, then fades."
        ),
        caption=(
            "The effect of one hard session in Banister's model: fitness (smaller, longer-lived) minus fatigue "
            "(larger, short-lived). Constants: Clarke and Skiba's (2013) fit to one cyclist."
        ),
    )
