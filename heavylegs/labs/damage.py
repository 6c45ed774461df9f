"""Chapter 2 labs: the downhill race, and the days after it.

Both wrap models from :mod:`heavylegs.damage` (and the shared Minetti 2002
cost in :mod:`heavylegs.terrain`); nothing here computes physiology.
"""

from __future__ import annotations

import math
from typing import Mapping

import numpy as np
import pandas as pd

from heavylegs import charts, damage, units
from heavylegs.lab import Control, Lab, LabWidget
from heavylegs.terrain import running_energy_cost

#: Grades drawn on the downhill chart (%). Steeper than +15 % the uphill cost would dwarf the downhill story.
SLOPE_GRADES_PERCENT = np.arange(-45.0, 15.01, 2.5)
#: Grade (%) at which the Minetti 2002 running cost is least (found once, to 0.01 %).
_FINE_GRADES = np.linspace(-0.45, 0.15, 6001)
LEAST_COST_GRADE_PERCENT = float(_FINE_GRADES[np.argmin(running_energy_cost(_FINE_GRADES))] * 100.0)
KCAL_PER_KJ = 1.0 / 4.184


# --- Lab A: the downhill race -----------------------------------------------------------

def _per_km(grade_percent, body_mass_kg):
    """(energy spent, extra braking work, height lost) per km run at each grade: kJ, kJ, m."""
    grade = np.asarray(grade_percent, dtype=float) / 100.0
    energy_kj = running_energy_cost(grade) * body_mass_kg  # J/kg/m × kg × 1000 m / 1000 = kJ per km
    # Minetti's cost is per metre along the slope; a km along it drops 1000·sin(atan(grade)) m.
    drop_m = np.maximum(-grade, 0.0) / np.sqrt(1.0 + grade**2) * 1000.0
    braking_kj = damage.eccentric_work_kj(body_mass_kg, drop_m)
    return energy_kj, np.asarray(braking_kj, dtype=float), drop_m


def downhill_costs(grade_percent: float, body_mass_kg: float) -> pd.DataFrame:
    """Energy spent and extra braking work per km run, against grade, with the chosen grade flagged.

    Columns: ``grade_percent``; ``energy_kj_per_km``, the metabolic energy of
    running one km along the slope (Minetti et al. 2002 × body mass);
    ``braking_kj_per_km``, the extra braking (negative) work of the height
    lost in that km, m·g·Δh (zero uphill); ``chosen``, 1 on the row of the
    lab's grade, else 0.
    """
    grades = np.unique(np.append(SLOPE_GRADES_PERCENT, float(grade_percent)))
    energy, braking, _ = _per_km(grades, body_mass_kg)
    return pd.DataFrame(
        {
            "grade_percent": grades,
            "energy_kj_per_km": energy,
            "braking_kj_per_km": braking,
            "chosen": np.isclose(grades, grade_percent).astype(float),
        }
    )


def _downhill_chart(base):
    import altair as alt

    x = alt.X("grade_percent:Q", title="grade (%; negative is downhill)",
              scale=alt.Scale(domain=[float(SLOPE_GRADES_PERCENT[0]), float(SLOPE_GRADES_PERCENT[-1])]))
    y_title = "energy per km run (kJ)"
    energy = charts.series_line(base).encode(x=x, y=alt.Y("energy_kj_per_km:Q", title=y_title))
    braking = base.mark_line(style=charts.ALERT_STYLE, strokeDash=[6, 3]).encode(x=x, y="braking_kj_per_km:Q")
    chosen = base.transform_filter("datum.chosen == 1")
    rule = chosen.mark_rule(style=charts.ZERO_STYLE, strokeDash=[2, 2]).encode(x=x)
    spent_dot = chosen.mark_point(filled=True, size=70, style=charts.SERIES_STYLE).encode(x=x, y="energy_kj_per_km:Q")
    braking_dot = chosen.mark_point(filled=True, size=70, shape="diamond", style=charts.ALERT_STYLE).encode(
        x=x, y="braking_kj_per_km:Q"
    )
    # Each line named where it stands clear of the other.
    spent_at = base.transform_filter("datum.grade_percent == 10")
    spent_label = spent_at.mark_text(align="right", dx=-8, dy=-4, style=charts.SERIES_STYLE).encode(
        x=x, y="energy_kj_per_km:Q", text=alt.value("energy spent")
    )
    braking_at = base.transform_filter("datum.grade_percent == -12.5")
    braking_label = braking_at.mark_text(align="right", dx=-2, dy=16, style=charts.ALERT_TEXT_STYLE).encode(
        x=x, y="braking_kj_per_km:Q", text=alt.value("extra braking work")
    )
    least = charts.reference_line(base, LEAST_COST_GRADE_PERCENT, "least cost", label_y=14)
    return alt.layer(energy, braking, least, rule, spent_dot, braking_dot, spent_label, braking_label)


def _signed(grade_percent: float) -> str:
    """A grade with its sign, and a true minus sign (read as "minus", not "dash", by screen readers)."""
    return f"{grade_percent:+.0f}".replace("-", "\u2212")


def _compared_with_level(energy_kj: float, level_kj: float) -> str:
    change = energy_kj / level_kj - 1.0
    if abs(change) < 0.015:
        return f", about the same as the {level_kj:.0f} kJ of a level km"
    return f", {abs(change) * 100:.0f} % {'more' if change > 0 else 'less'} than the {level_kj:.0f} kJ of a level km"


def _describe_downhill(frame: pd.DataFrame, values: Mapping[str, float]) -> str:
    grade, mass = float(values["grade_percent"]), float(values["body_mass_kg"])
    energy, braking, drop = (float(v) for v in _per_km(grade, mass))
    flat_energy = float(_per_km(0.0, mass)[0])
    least_energy = float(_per_km(LEAST_COST_GRADE_PERCENT, mass)[0])
    runner = f"a {mass:.0f} kg runner"
    where = f"At {_signed(grade)} %" if grade else "On the level"
    spent = f"{where} {runner} spends {energy:.0f} kJ ({energy * KCAL_PER_KJ:.0f} kcal) per km run"
    if grade < 0:
        comparison = _compared_with_level(energy, flat_energy)
        load = (
            f"Each km drops {drop:.0f} m, so the legs must also absorb {braking:.0f} kJ of extra braking work, "
            f"mostly in lengthening (eccentric) contractions; a 1000 m descent brings "
            f"{damage.eccentric_work_kj(mass, 1000.0):.0f} kJ of it at any grade."
        )
    elif grade > 0:
        comparison = _compared_with_level(energy, flat_energy)
        load = "Uphill there is no extra braking work: the legs lift the body instead of lowering it."
    else:
        comparison = ""
        load = "On the level the braking and pushing of each stride balance, so there is no extra braking work."
    least = (
        f"Running costs least at {_signed(LEAST_COST_GRADE_PERCENT)} % ({least_energy:.0f} kJ per km); "
        "steeper than that, braking itself costs energy."
    )
    return (
        f"Line chart of energy per km run (kJ) against grade (%) from the Minetti 2002 running cost, "
        f"with the extra braking work of the height lost. {spent}{comparison}. {load} {least}"
    )


DOWNHILL_LAB = Lab(
    key="damage-downhill",
    controls=(
        Control("grade_percent", "grade", "%", -45, 15, 1, -10, static_stops=(-40, -30, -20, -10, 0, 10)),
        Control("body_mass_kg", "body mass", "kg", 40, 120, 1, 70, static_stops=(50, 70, 90)),
    ),
    model=downhill_costs,
    chart=_downhill_chart,
    describe=_describe_downhill,
    caption=(
        "Energy spent per km run (solid) against grade, from the running cost measured by Minetti and colleagues "
        "(2002) on a treadmill at −45 % to +45 %, and the extra braking work of the height lost in that km "
        "(orange dashes), m·g·Δh. The grey dotted line and markers show the grade set by the slider; the green "
        "dashed line marks the grade where running costs least. Between about −19 % and −41 % the braking work "
        "is the larger; at the steepest grades the two are within the fitted curve's error."
    ),
    static_decimals=1,
)


def downhill_race_lab() -> LabWidget:
    """Lab A of chapter 2: a descent is cheap to run and hard on the legs."""
    return DOWNHILL_LAB.live()


# --- Lab B: after the race ---------------------------------------------------------------

#: Days after the race drawn on the chart, every 0.2 day (4.8 h): exact at one decimal, the static page's
#: rounding, so the book's curves are as smooth as the live ones, and on every whole day (the peaks at 24, 48, 72 h).
AFTER_DAYS = np.round(np.arange(0.0, 10.01, 0.2), 1)
#: Fine time grid (h) for the readout's "when": every half hour for 30 days.
_READOUT_HOURS = np.arange(0.0, 720.01, 0.5)
#: Below this fraction of its peak a marker counts as "settled" in the readout.
SETTLED_FRACTION = 0.1


def _rise_fraction(hours, ck_half_life_h):
    """CK above baseline as a fraction of its peak rise (peak at Apple 1984's 24 h)."""
    return damage.ck_curve(hours, baseline_u_l=0.0, rise_u_l=1.0, half_life_h=ck_half_life_h)


def days_after_race(
    soreness_peak_h: float, soreness_shape: float, ck_half_life_h: float, weeks_to_second_race: float
) -> pd.DataFrame:
    """Soreness and CK (% of the first race's peak) over the days after a race, and after the same race later.

    Columns: ``day``; ``soreness_first_pct`` and ``ck_first_pct`` after the
    first race; ``soreness_second_pct`` and ``ck_second_pct`` after the same
    race run ``weeks_to_second_race`` weeks later, reduced by
    :func:`heavylegs.damage.repeated_bout_protection` (a teaching assumption).
    CK is its rise above baseline, peaking at 24 h.
    """
    hours = AFTER_DAYS * 24.0
    soreness = np.asarray(damage.soreness_curve(hours, peak_h=soreness_peak_h, shape=soreness_shape)) * 100.0
    ck = np.asarray(_rise_fraction(hours, ck_half_life_h)) * 100.0
    kept = 1.0 - damage.repeated_bout_protection(weeks_to_second_race)
    return pd.DataFrame(
        {
            "day": AFTER_DAYS,
            "soreness_first_pct": soreness,
            "ck_first_pct": ck,
            "soreness_second_pct": soreness * kept,
            "ck_second_pct": ck * kept,
        }
    )


def _after_chart(base):
    import altair as alt

    x = alt.X("day:Q", title="days after the race", scale=alt.Scale(domain=[0, float(AFTER_DAYS[-1])]),
              axis=alt.Axis(tickMinStep=1, format="d"))
    # Room above 100 % for the key, so no curve ever runs through it.
    y = alt.Y("soreness_first_pct:Q", title="% of the first race's peak", scale=alt.Scale(domain=[0, 130]),
              axis=alt.Axis(values=list(range(0, 101, 20))))
    smooth = {"interpolate": "monotone"}  # points every 4.8 h; drawn as the smooth curves they sample
    layers = [
        charts.series_line(base, **smooth).encode(x=x, y=y),
        base.mark_line(style=charts.REFERENCE_STYLE, **smooth).encode(x=x, y="ck_first_pct:Q"),
        charts.series_line(base, strokeDash=[6, 3], **smooth).encode(x=x, y="soreness_second_pct:Q"),
        base.mark_line(style=charts.REFERENCE_STYLE, strokeDash=[6, 3], **smooth).encode(x=x, y="ck_second_pct:Q"),
    ]
    # Each first-race line is named at its peak (found in the chart, so it moves with the sliders): CK to the
    # left of its peak and soreness to the right, so the two never overlap, even when both peak on day 1.
    for field, label, style, align, dx in (
        ("soreness_first_pct", "soreness", charts.SERIES_STYLE, "left", 6),
        ("ck_first_pct", "CK", charts.REFERENCE_TEXT_STYLE, "right", -6),
    ):
        peak = base.transform_joinaggregate(top=f"max({field})").transform_filter(f"datum.{field} == datum.top")
        layers.append(
            peak.mark_text(align=align, dx=dx, dy=-8, fontWeight="bold", style=style).encode(
                x=x, y=alt.Y(f"{field}:Q"), text=alt.value(label)
            )
        )
    # Which race is which, in words at the top right (colour and dash are never the only cue).
    key = base.transform_aggregate(rows="count()")
    for line, y_pct in (("solid: after the first race", 126), ("dashed: the same race again", 116)):
        layers.append(
            key.mark_text(align="right", fontSize=11).encode(x=alt.datum(float(AFTER_DAYS[-1])), y=alt.datum(y_pct),
                                                            text=alt.value(line))
        )
    return alt.layer(*layers)


def _settled_day(fraction: np.ndarray, peak_index: int) -> float:
    """First day after the peak at which ``fraction`` is below SETTLED_FRACTION (inf if not within 30 days)."""
    below = np.flatnonzero(fraction[peak_index:] < SETTLED_FRACTION)
    return _READOUT_HOURS[peak_index + below[0]] / 24.0 if below.size else math.inf


def _day_text(day: float) -> str:
    if math.isinf(day):
        return "not within 30 days"
    return f"on day {day:.1f}" + (", beyond the chart" if day > AFTER_DAYS[-1] else "")


def _describe_after(frame: pd.DataFrame, values: Mapping[str, float]) -> str:
    peak_h, shape = float(values["soreness_peak_h"]), float(values["soreness_shape"])
    half_life, weeks = float(values["ck_half_life_h"]), float(values["weeks_to_second_race"])
    soreness = np.asarray(damage.soreness_curve(_READOUT_HOURS, peak_h=peak_h, shape=shape))
    ck = np.asarray(_rise_fraction(_READOUT_HOURS, half_life))
    sore_day = _settled_day(soreness, int(np.argmax(soreness)))
    ck_day = _settled_day(ck, int(np.argmax(ck)))
    protection = float(damage.repeated_bout_protection(weeks))
    settings = (
        f"soreness peaking at {peak_h:.0f} h (day {peak_h / 24:.1f}) with shape {shape:g}, and CK rising to a peak at "
        f"{damage.DEFAULT_CK_PEAK_H:.0f} h and cleared with a half-life of {half_life:.0f} h"
    )
    settle = (
        f"Soreness falls below {SETTLED_FRACTION * 100:.0f} % of its peak {_day_text(sore_day)}; "
        f"CK falls below {SETTLED_FRACTION * 100:.0f} % of its peak rise {_day_text(ck_day)}"
    )
    if not math.isinf(sore_day) and not math.isinf(ck_day):
        gap = ck_day - sore_day
        if abs(gap) >= 0.5:
            settle += f", {abs(gap):.1f} days {'after' if gap > 0 else 'before'} the soreness"
    second = (
        f"The same race {weeks:.0f} weeks later (dashed) peaks at {(1 - protection) * 100:.0f} % of the first: the first race "
        f"protects by {protection * 100:.0f} % in this teaching assumption."
    )
    return (
        f"Line chart of soreness and creatine kinase (CK, % of the first race's peak) against days after the race, "
        f"for {settings}. {settle}. {second}"
    )


AFTER_LAB = Lab(
    key="damage-after-race",
    controls=(
        Control("soreness_peak_h", "soreness peak", "h", 12, 96, 1, 48, static_stops=(24, 48, 72)),
        Control("soreness_shape", "soreness shape", "no unit", 1, 4, 0.5, 2, static_stops=(1, 2, 3)),
        Control("ck_half_life_h", "CK half-life", "h", 20, 100, 1, 49, static_stops=(29, 49, 69)),
        Control("weeks_to_second_race", "second race after", "weeks", 1, 26, 1, 8,
                static_stops=(4, 8, 12, 16, 20, 24)),
    ),
    model=days_after_race,
    chart=_after_chart,
    describe=_describe_after,
    caption=(
        "Soreness (blue) and creatine kinase above its resting level (green) after a hard race, as a percentage of "
        "their peaks, and after the same race run again weeks later (dashed). Illustrative teaching curves, not "
        "published models: the soreness curve is shaped to peak 1–3 days after the race, the CK curve is cleared "
        "with the 49 h half-life Apple and colleagues (1984) measured after a marathon, and the protection a first "
        "race gives the second is an assumption shaped on one study's finding that it fades over about 12 weeks."
    ),
    static_decimals=1,
)


def after_race_lab() -> LabWidget:
    """Lab B of chapter 2: soreness and CK over the days after a race, and the repeated-bout effect."""
    return AFTER_LAB.live()
