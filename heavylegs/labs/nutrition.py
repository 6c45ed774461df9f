"""Chapter 4 labs: the drinking plan, refuelling after a long run, and iron and oxygen.

All three wrap models from :mod:`heavylegs.nutrition` (and, for the glycogen
spent during the run, chapter 1's budget in :mod:`heavylegs.metabolism`);
nothing here computes physiology of its own beyond adding those up over time.
"""

from __future__ import annotations

import math
from typing import Mapping

import numpy as np
import pandas as pd

from heavylegs import charts, metabolism, nutrition, units
from heavylegs.lab import Control, Lab, LabWidget
from heavylegs.units import true_minus


#: How far above its starting value the teaching model's sodium must rise (mmol/L) before the readout
#: remarks on it. A readout choice, not a clinical limit: the course cites no upper limit of normal.
SODIUM_RISE_REMARK_MMOL_L = 5.0

def _signed(value: float, decimals: int) -> str:
    """``+1.5`` or ``−1.2`` (a true minus sign); zero without a sign."""
    text = f"{value:+.{decimals}f}"
    return text[1:] if float(text) == 0 else text


def _h_min(hours: float) -> str:
    """A time of the race as ``"2 h 55 min"`` (to the minute), or ``"40 min"`` under an hour."""
    minutes = int(round(hours * 60))
    h, m = divmod(minutes, 60)
    if not h:
        return f"{m} min"
    return f"{h} h {m:02d} min" if m else f"{h} h"


def _first_time(condition: np.ndarray, hours: np.ndarray) -> float:
    where = np.flatnonzero(condition)
    return float(hours[where[0]]) if where.size else math.nan


# --- Lab B: the drinking plan -------------------------------------------------------------

#: The two danger zones (sources in nutrition.HYDRATION_THRESHOLDS): loss above 2 % (ACSM 2007),
#: serum sodium at or below 135 mmol/L (hyponatraemia) and 120 (critical; Almond et al. 2005).
MASS_LOSS_THRESHOLD, HYPONATRAEMIA, CRITICAL_HYPONATRAEMIA = nutrition.HYDRATION_THRESHOLDS
#: Time between the chart's rows (h): the lines are straight or nearly so, and every stop is a multiple.
DRINKING_CHART_STEP_H = 0.5
#: Time between the rows the readout searches for a crossing (h): one minute.
CROSSING_STEP_H = 1.0 / 60.0
#: The chart's two y ranges, chosen so that both danger lines fall at mid-height: −2 % of body mass on the
#: left axis and 135 mmol/L on the right are drawn as one line, and below it each curve is in its danger zone.
MASS_CHANGE_DOMAIN_PCT = (-8.0, 4.0)
SODIUM_DOMAIN_MMOL_L = (120.0, 150.0)
#: A body-mass loss beyond this (% of body mass) is beyond any race (the largest are under 10 %).
MEANINGLESS_LOSS_PCT = 10.0
#: A loss beyond this (% of body mass) is a medical concern, not just the dehydration zone.
SEVERE_LOSS_PCT = 5.0
#: Body mass counts as unchanged within this (% of body mass), and no replacement advice is given for a
#: loss under UNCHANGED_MASS_KG: the readout's one decimal would print 0.0 and advise "0.00–0.00 L".
UNCHANGED_MASS_PCT = 0.05
UNCHANGED_MASS_KG = 0.05
#: Sodium this close above the critical level (mmol/L) is called "just above" it in the readout.
NEAR_CRITICAL_MMOL_L = 1.0
#: Decimals of the chart's rows (as the static grid stores them).
DRINKING_DECIMALS = 2
#: The chart's two lines, as the legend names them.
DRINKING_SERIES = ("body-mass change (%, left axis)", "serum sodium (mmol/L, right axis)")
#: Label of the shared danger line: three short lines, so that it stays left of the right axis on a phone.
DANGER_LABEL = ("shaded, the danger zone:", "more than 2 % of body mass lost,", "or sodium 135 mmol/L or less")


def _course(race_hours: float, sweat_rate_l_per_h: float, drink_rate_l_per_h: float, drink_sodium_mmol_l: float,
            body_mass_kg: float, sweat_sodium_mmol_l: float, urine_l_per_h: float, start_sodium_mmol_l: float,
            step_h: float) -> pd.DataFrame:
    # Urine as a rate, so that the same rates give the same course whatever the race length
    # (a total for the race, spread over it, passed faster in a shorter race).
    return nutrition.serum_sodium_course(
        body_mass_kg, race_hours, sweat_rate_l_per_h, sweat_sodium_mmol_l, drink_rate_l_per_h,
        drink_sodium_mmol_l, urine_l_per_h * race_hours, start_sodium_mmol_l, step_h=step_h)


def drinking_plan(race_hours: float, sweat_rate_l_per_h: float, drink_rate_l_per_h: float,
                  drink_sodium_mmol_l: float, body_mass_kg: float, sweat_sodium_mmol_l: float,
                  urine_l_per_h: float, start_sodium_mmol_l: float) -> pd.DataFrame:
    """Body-mass change (% of starting mass) and serum sodium (mmol/L) through a race, every half hour.

    Columns ``hours``, ``body_mass_change_pct`` and ``serum_sodium_mmol_l`` of
    :func:`heavylegs.nutrition.serum_sodium_course` (the teaching model), with
    ``urine_l_per_h`` × ``race_hours`` litres of urine passed evenly; the last
    row at the finish. Rounded to 2 decimals, without negative zeros.
    """
    course = _course(race_hours, sweat_rate_l_per_h, drink_rate_l_per_h, drink_sodium_mmol_l, body_mass_kg,
                     sweat_sodium_mmol_l, urine_l_per_h, start_sodium_mmol_l, DRINKING_CHART_STEP_H)
    frame = course[["hours", "body_mass_change_pct", "serum_sodium_mmol_l"]]
    # "+ 0.0" turns a -0.0 (a balance of -1e-16 kg, rounded) into 0.0.
    return frame.round(DRINKING_DECIMALS) + 0.0


def _drinking_chart(base):
    import altair as alt

    x = alt.X("hours:Q", title="hours of the race", scale=alt.Scale(nice=False), axis=alt.Axis(format="~g"))
    # The legend names each line and its axis; colour (theme palette) and dash tell them apart.
    legend = alt.Legend(columns=1, title=None, labelLimit=320)
    colour = alt.Scale(domain=list(DRINKING_SERIES))
    dash = alt.Scale(domain=list(DRINKING_SERIES), range=[[1, 0], [7, 3]])
    mass_scale = alt.Scale(domain=list(MASS_CHANGE_DOMAIN_PCT), nice=False)
    sodium_scale = alt.Scale(domain=list(SODIUM_DOMAIN_MMOL_L), nice=False)
    mass_title = "body-mass change (% of start)"
    danger_pct = -nutrition.ACSM_2007_MAX_MASS_LOSS_PCT
    one = base.transform_aggregate(end="max(hours)")
    # Below the danger line each curve is in its own danger zone: the two scales are aligned for it.
    zone = (
        one.transform_calculate(low=str(MASS_CHANGE_DOMAIN_PCT[0]), high=str(danger_pct), start="0")
        .mark_rect(style=charts.SHADE_STYLE, aria=False)
        .encode(x=alt.X("start:Q", title="hours of the race"), x2="end:Q",
                y=alt.Y("low:Q", scale=mass_scale, title=mass_title), y2="high:Q")
    )
    # Grey, not the alert colour: the sodium line already wears that colour of the palette.
    danger = one.mark_rule(style=charts.ZERO_STYLE, strokeDash=[2, 2], strokeWidth=1.5).encode(
        y=alt.datum(danger_pct))
    # The label low in the zone, where a curve comes only in extreme cases. Vega puts the first line of
    # a multi-line label on the baseline and the rest below it, so the block is lifted by its extra lines.
    line_px = 14
    danger_label = one.mark_text(align="left", baseline="bottom", dx=6, dy=-6 - line_px * (len(DANGER_LABEL) - 1),
                                 lineHeight=line_px).encode(
        x=alt.value(0), y=alt.datum(MASS_CHANGE_DOMAIN_PCT[0]), text=alt.value(list(DANGER_LABEL)))
    mass = base.transform_calculate(series=repr(DRINKING_SERIES[0])).mark_line(clip=True).encode(
        x=x,
        y=alt.Y("body_mass_change_pct:Q", scale=mass_scale, title=mass_title),
        color=alt.Color("series:N", scale=colour, legend=legend),
        strokeDash=alt.StrokeDash("series:N", scale=dash, legend=legend),
    )
    sodium = base.transform_calculate(series=repr(DRINKING_SERIES[1])).mark_line(clip=True).encode(
        x=x,
        y=alt.Y("serum_sodium_mmol_l:Q", scale=sodium_scale, title="serum sodium (mmol/L)"),
        color=alt.Color("series:N", scale=colour, legend=legend),
        strokeDash=alt.StrokeDash("series:N", scale=dash, legend=legend),
    )
    return alt.layer(alt.layer(zone, danger, danger_label, mass), sodium).resolve_scale(y="independent")


def _off_the_chart(t: np.ndarray, change_pct: np.ndarray, sodium: np.ndarray) -> str:
    """Where a curve leaves the chart's fixed ranges, in words (the drawn line just stops there)."""
    exits = []
    for values, what, domain, unit in ((change_pct, "the body-mass curve", MASS_CHANGE_DOMAIN_PCT, " %"),
                                       (sodium, "the sodium curve", SODIUM_DOMAIN_MMOL_L, " mmol/L")):
        for beyond, side, edge in ((values < domain[0], "below", domain[0]), (values > domain[1], "above", domain[1])):
            if beyond.any():
                edge_text = f"{_signed(edge, 0)}{unit}" if unit == " %" else f"{edge:.0f}{unit}"
                exits.append(f"{what} {side} {edge_text} after {_h_min(_first_time(beyond, t))}")
    if not exits:
        return ""
    text = " and ".join(exits)
    return f" Off the chart: {text}."


def _drink_text(drink_rate: float, drink_sodium: float) -> str:
    if drink_rate == 0:
        return "drinking nothing"
    what = "water" if drink_sodium == 0 else f"a drink with {drink_sodium:.0f} mmol/L of sodium"
    return f"drinking {drink_rate:.2g} L/h of {what}"


def _describe_drinking(frame: pd.DataFrame, values: Mapping[str, float]) -> str:
    mass, hours = values["body_mass_kg"], values["race_hours"]
    sweat, drink = values["sweat_rate_l_per_h"], values["drink_rate_l_per_h"]
    start_na = values["start_sodium_mmol_l"]
    urine_rate = values["urine_l_per_h"]
    # The readout's times come from the same model minute by minute, not from the chart's half-hour rows.
    fine = _course(hours, sweat, drink, values["drink_sodium_mmol_l"], mass, values["sweat_sodium_mmol_l"],
                   urine_rate, start_na, CROSSING_STEP_H)
    t = fine["hours"].to_numpy()
    change_pct, sodium = fine["body_mass_change_pct"].to_numpy(), fine["serum_sodium_mmol_l"].to_numpy()
    end = fine.iloc[-1]
    share = f" ({drink / sweat * 100:.0f} % of the sweat)" if drink else ""
    urine = (f"passing {urine_rate:.2g} L/h of urine ({end['urine_l']:.1f} L)" if urine_rate
             else "passing no urine")
    plan = (
        f"for a {mass:.0f} kg runner racing {_h_min(hours)}, sweating {sweat:.2g} L/h with "
        f"{values['sweat_sodium_mmol_l']:.0f} mmol/L of sodium and {_drink_text(drink, values['drink_sodium_mmol_l'])}"
        f"{share}, {urine}, from {start_na:.0f} mmol/L of sodium at the start"
    )
    unchanged = bool(np.all(np.abs(change_pct) < UNCHANGED_MASS_PCT))
    if unchanged:
        mass_at_finish = "body mass unchanged"
    else:
        mass_at_finish = (f"body mass {_signed(end['body_mass_change_kg'], 1)} kg "
                          f"({_signed(end['body_mass_change_pct'], 1)} %)")
    finish = (
        f"At the finish: {mass_at_finish}, from {end['drunk_l']:.1f} L drunk, {end['sweat_l']:.1f} L sweated and "
        f"{end['urine_l']:.1f} L of urine; serum sodium {end['serum_sodium_mmol_l']:.1f} mmol/L."
    )
    dry = MASS_LOSS_THRESHOLD.flags(-change_pct)
    low = HYPONATRAEMIA.flags(sodium)
    critical = CRITICAL_HYPONATRAEMIA.flags(sodium)
    largest_loss_pct = -change_pct.min()
    if dry.any():
        mass_text = f" Body-mass loss passes 2 % after {_h_min(_first_time(dry, t))}: the dehydration zone."
    elif unchanged:
        mass_text = " Body mass stays unchanged: drinking matches sweat and urine."
    elif largest_loss_pct < UNCHANGED_MASS_PCT:
        mass_text = " No body mass is lost at any time: the runner gains weight."
    else:
        mass_text = f" Body-mass loss stays within 2 % (largest loss {largest_loss_pct:.1f} %)."
    loss_kg = -end["body_mass_change_kg"]
    if UNCHANGED_MASS_KG <= loss_kg and -end["body_mass_change_pct"] <= MEANINGLESS_LOSS_PCT:
        low_l, high_l = nutrition.post_exercise_fluid_l(mass, mass - loss_kg)
        severe = -end["body_mass_change_pct"] > SEVERE_LOSS_PCT
        mass_text += (f" To replace the loss afterwards: {low_l:.2f}–{high_l:.2f} L"
                      f"{' over several hours, with salty food' if severe else ''}, 1.25–1.5 L per kg lost "
                      "(McCartney et al. 2017).")
        if severe:
            mass_text += (f" A loss of more than {SEVERE_LOSS_PCT:.0f} % of body mass is a medical concern, "
                          "above all in the heat.")
    if low[0]:
        sodium_text = f" Sodium is at or below 135 mmol/L from the start."
    elif low.any():
        sodium_text = f" Sodium falls to 135 mmol/L, hyponatraemia, after {_h_min(_first_time(low, t))}"
        if critical.any():
            sodium_text += f", and to 120 mmol/L, critical hyponatraemia, after {_h_min(_first_time(critical, t))}."
        elif sodium.min() < CRITICAL_HYPONATRAEMIA.value + NEAR_CRITICAL_MMOL_L:
            # A finish printed as "120.0" that is not flagged critical would read as a contradiction.
            sodium_text += (f", and to {sodium.min():.2f} mmol/L by the finish: just above the 120 mmol/L line of "
                            "critical hyponatraemia, not past it.")
        else:
            sodium_text += "."
    else:
        sodium_text = f" Sodium stays above 135 mmol/L (lowest {sodium.min():.1f}, highest {sodium.max():.1f} mmol/L)."
        if sodium.max() > sodium[0] + SODIUM_RISE_REMARK_MMOL_L:
            # Sweat is more dilute than blood, so losing it unreplaced concentrates the sodium left behind.
            sodium_text += (f" It rises well above the {sodium[0]:.0f} mmol/L it started at: in a real runner "
                            "thirst and the kidneys would resist this, which the teaching model leaves out.")
    sodium_text += _off_the_chart(t, change_pct, sodium)
    if -change_pct.min() > MEANINGLESS_LOSS_PCT:
        risk = (" A loss of more than 10 % of body mass is beyond any race: the model has long stopped meaning "
                "anything here.")
    elif low.any() and drink > sweat:
        risk = (" This is the over-drinker's risk: drinking more than is sweated through a long race, as slow runners "
                "who drink at every station do; in Boston, weight gain and race times over 4 h went with "
                "hyponatraemia (Almond et al. 2005). The model has no antidiuretic hormone (ADH) or kidney "
                "regulation, so in it every over-drinker gets there; real kidneys pass much of the extra water, and "
                "only some over-drinkers become hyponatraemic. Drinking to thirst makes it much less likely "
                "(Hew-Butler et al. 2015).")
    elif low.any():
        risk = (" Sodium falls although no weight is gained: the sweat's sodium is replaced with too little in the "
                "drink (salty sweat, plain water). In real runners this route matters only in very long events with "
                "salty sweat; over-drinking is the main cause. The model exaggerates it, since it ignores the body's "
                "sodium stores.")
    elif dry.any():
        risk = (" This is the under-drinker's risk: sweating far more than is drunk, as fast runners in the heat who "
                "drink little do; the ACSM advises drinking enough to keep the loss within 2 %.")
    else:
        risk = " Neither danger zone is reached."
    return true_minus(
        "Line chart of body-mass change (% of starting mass) and serum sodium (mmol/L, the chapter's teaching "
        f"model) against hours of the race, {plan}. {finish}{mass_text}{sodium_text}{risk}"
    )


DRINKING_LAB = Lab(
    key="nutrition-drinking",
    controls=(
        Control("race_hours", "race duration", "h", 0.5, 12, 0.25, 4.5, static_stops=(1.5, 3.0, 4.5, 6.0)),
        Control("sweat_rate_l_per_h", "sweat rate", "L/h", 0.2, 2.5, 0.1, 0.8, static_stops=(0.4, 0.8, 1.2, 1.6)),
        Control("drink_rate_l_per_h", "drinking rate", "L/h", 0, 2, 0.1, 1.2,
                static_stops=(0.3, 0.6, 0.9, 1.2, 1.5)),
        Control("drink_sodium_mmol_l", "sodium in the drink", "mmol/L", 0, 80, 1, 0, static_stops=(0, 18, 36)),
        Control("body_mass_kg", "body mass", "kg", 40, 110, 1, 70),
        Control("sweat_sodium_mmol_l", "sodium in sweat", "mmol/L", 10, 100, 1, 40),
        # About 0.3 L over the default 4.5 h race (the science reference's worked examples).
        Control("urine_l_per_h", "urine passed", "L/h", 0, 0.8, 0.01, 0.07),
        Control("start_sodium_mmol_l", "serum sodium at the start", "mmol/L", 130, 150, 1, 140),
    ),
    model=drinking_plan,
    chart=_drinking_chart,
    describe=_describe_drinking,
    caption=(
        "Body-mass change (solid, left axis) and serum sodium (dashed, right axis) through a race run at a steady "
        "sweat rate, drinking at a steady rate. The two axes are aligned so that one line marks both danger zones: "
        "below it, more than 2 % of body mass is lost (the ACSM's limit) or sodium is 135 mmol/L or less "
        "(hyponatraemia). The sodium curve is a teaching model, not a published one: sodium and water are added to "
        "and taken from total body water (60 % of body mass), and urine is passed at a steady rate, ignoring the "
        "body's sodium stores and its antidiuretic hormone (ADH): with no kidneys that pass extra water, every "
        "over-drinker here becomes hyponatraemic, which most real runners do not. It shows the direction and rough "
        "size of the effect, not anyone's blood test. Confusion, vomiting or a headache after drinking a lot are a "
        "medical emergency."
    ),
    static_decimals=2,
)


def drinking_plan_lab() -> LabWidget:
    """Lab B of chapter 4: how much to drink in a race, and both ways it goes wrong."""
    return DRINKING_LAB.live()


# --- Lab A: refuelling ----------------------------------------------------------------------

#: Chapter 1's runner: VO2max (mL/kg/min) that sets the pace, and the share of body mass that is leg muscle.
REFUEL_VO2MAX_ML_KG_MIN = 50.0
LEG_MUSCLE_FRACTION = metabolism.DEFAULT_LEG_MUSCLE_FRACTION
#: Hours drawn from the start of the run, and the time between rows (h).
REFUEL_HOURS_DRAWN = 36.0
REFUEL_STEP_H = 0.5
#: Room above the starting level on the y axis, as a fraction of it, for the chart's labels.
REFUEL_HEADROOM = 0.2


def _refuel_numbers(run_hours: float, carbohydrate_g_per_h: float, resynthesis_mmol_per_kg_per_h: float,
                    body_mass_kg: float, intensity: float, muscle_glycogen_g_per_kg: float) -> dict[str, float]:
    """The lab's quantities: stores (g), rates (g/h), times (h) and the pace (km/h)."""
    muscle_kg = LEG_MUSCLE_FRACTION * body_mass_kg
    legs_full_g = muscle_kg * muscle_glycogen_g_per_kg
    # Chapter 1's budget: legs and liver together, in kcal (4 kcal per g).
    kcal_per_g = metabolism.KCAL_PER_G_CARBOHYDRATE
    store_kcal = metabolism.glycogen_store_kcal(body_mass_kg, LEG_MUSCLE_FRACTION, muscle_glycogen_g_per_kg * kcal_per_g)
    speed = metabolism.running_speed_km_h(intensity, REFUEL_VO2MAX_ML_KG_MIN)
    # Carbohydrate burnt per hour (chapter 1: c·BM·F_CHO(I) per km, times the speed), in g/h.
    burnt_g_per_h = (metabolism.ENERGY_COST_KCAL_PER_KG_KM * body_mass_kg * metabolism.carbohydrate_fraction(intensity)
                     * speed / kcal_per_g)
    wall_km = metabolism.distance_to_wall_km(
        body_mass_kg=body_mass_kg, intensity=intensity, vo2max_ml_kg_min=REFUEL_VO2MAX_ML_KG_MIN,
        carbohydrate_intake_g_per_h=carbohydrate_g_per_h, leg_muscle_fraction=LEG_MUSCLE_FRACTION,
        muscle_glycogen_kcal_per_kg=muscle_glycogen_g_per_kg * kcal_per_g)
    remaining_kcal = metabolism.glycogen_remaining_kcal(
        speed * run_hours, body_mass_kg=body_mass_kg, intensity=intensity, vo2max_ml_kg_min=REFUEL_VO2MAX_ML_KG_MIN,
        carbohydrate_intake_g_per_h=carbohydrate_g_per_h, leg_muscle_fraction=LEG_MUSCLE_FRACTION,
        muscle_glycogen_kcal_per_kg=muscle_glycogen_g_per_kg * kcal_per_g)
    # The legs' share of what chapter 1's budget has left (legs and liver drawn on in proportion to
    # their stores), neither below empty nor above full.
    legs_end_g = min(max(remaining_kcal / store_kcal, 0.0), 1.0) * legs_full_g
    deficit_g = legs_full_g - legs_end_g
    refill_g_per_h = nutrition.glycogen_resynthesis_g_per_h(muscle_kg, resynthesis_mmol_per_kg_per_h)
    refill_h = nutrition.glycogen_refill_hours(deficit_g, muscle_kg, resynthesis_mmol_per_kg_per_h)
    return {
        "muscle_kg": muscle_kg, "legs_full_g": legs_full_g, "store_g": store_kcal / kcal_per_g,
        "speed_km_h": speed, "burnt_g_per_h": burnt_g_per_h, "wall_h": wall_km / speed,
        "legs_end_g": legs_end_g, "deficit_g": deficit_g, "refill_g_per_h": refill_g_per_h, "refill_h": refill_h,
    }


def refuelling(run_hours: float, carbohydrate_g_per_h: float, resynthesis_mmol_per_kg_per_h: float,
               body_mass_kg: float, intensity: float, muscle_glycogen_g_per_kg: float) -> pd.DataFrame:
    """Glycogen in the leg muscles (g) through a long run and the 48 h from its start.

    During the run, chapter 1's glycogen budget
    (:func:`heavylegs.metabolism.glycogen_remaining_kcal`, VO2max 50 mL/kg/min,
    leg muscle 21 % of body mass, liver 100 g), with the carbohydrate eaten
    credited in full; the legs lose their share of it (legs and liver drawn on
    in proportion to their stores, **an assumption**). After it, a steady
    refill at :func:`heavylegs.nutrition.glycogen_resynthesis_g_per_h` until
    the legs are back where they started (**illustrative**: the real rate
    depends on the carbohydrate eaten and slows as the stores fill).

    Columns: ``hours`` (from the start of the run; the half hours plus the
    finish, the wall and the moment of refilling), ``legs_glycogen_g``,
    ``running`` (1 while running, else 0) and ``refilled`` (1 on the row where
    the legs are full again, else 0).
    """
    n = _refuel_numbers(run_hours, carbohydrate_g_per_h, resynthesis_mmol_per_kg_per_h, body_mass_kg, intensity,
                        muscle_glycogen_g_per_kg)
    refilled_at = run_hours + n["refill_h"]
    events = [run_hours]
    if n["wall_h"] < run_hours:
        events.append(n["wall_h"])
    if refilled_at <= REFUEL_HOURS_DRAWN:
        events.append(refilled_at)
    t = np.unique(np.round(np.r_[np.arange(0.0, REFUEL_HOURS_DRAWN + 1e-9, REFUEL_STEP_H), events], 9))
    during = t <= run_hours
    legs = np.empty_like(t)
    if during.any():
        store_kcal = n["store_g"] * metabolism.KCAL_PER_G_CARBOHYDRATE
        remaining = metabolism.glycogen_remaining_kcal(
            n["speed_km_h"] * t[during], body_mass_kg=body_mass_kg, intensity=intensity,
            vo2max_ml_kg_min=REFUEL_VO2MAX_ML_KG_MIN, carbohydrate_intake_g_per_h=carbohydrate_g_per_h,
            leg_muscle_fraction=LEG_MUSCLE_FRACTION,
            muscle_glycogen_kcal_per_kg=muscle_glycogen_g_per_kg * metabolism.KCAL_PER_G_CARBOHYDRATE)
        legs[during] = np.clip(np.asarray(remaining) / store_kcal, 0.0, 1.0) * n["legs_full_g"]
    after = ~during
    legs[after] = np.minimum(n["legs_full_g"], n["legs_end_g"] + n["refill_g_per_h"] * (t[after] - run_hours))
    return pd.DataFrame({
        "hours": t,
        "legs_glycogen_g": legs,
        "running": during.astype(float),
        "refilled": np.isclose(t, refilled_at).astype(float) if n["deficit_g"] > 0 else np.zeros_like(t),
    })


def _refuel_chart(base):
    import altair as alt

    x = alt.X("hours:Q", title="hours from the start of the run",
              scale=alt.Scale(domain=[0, REFUEL_HOURS_DRAWN], nice=False),
              axis=alt.Axis(values=list(range(0, int(REFUEL_HOURS_DRAWN) + 1, 6))))
    y = alt.Y("legs_glycogen_g:Q", title="glycogen in the leg muscles (g)", scale=alt.Scale(zero=True))
    ran = base.transform_filter("datum.running == 1").transform_aggregate(end="max(hours)")
    run = (
        ran.transform_calculate(start="0")
        .mark_rect(style=charts.SHADE_STYLE, aria=False)
        .encode(x=alt.X("start:Q", title="hours from the start of the run"), x2="end:Q")
    )
    start = base.transform_filter("datum.hours == 0")
    full = start.mark_rule(style=charts.REFERENCE_STYLE, strokeDash=[8, 4], strokeWidth=1.5).encode(
        y="legs_glycogen_g:Q")
    # Room above the starting level for the labels, where the line never goes: an invisible point
    # a fifth higher widens the y scale.
    headroom = start.transform_calculate(top=f"datum.legs_glycogen_g * {1 + REFUEL_HEADROOM}").mark_point(
        opacity=0, aria=False).encode(y="top:Q")
    run_label = ran.mark_text(align="left", dx=4, fontSize=11).encode(
        x="end:Q", y=alt.value(12), text=alt.value("← the run"))
    line = charts.series_line(base).encode(x=x, y=y)
    # The dot and its label are drawn on every row, visible only on the refilled one: a layer filtered
    # down to no rows (no refill in the hours drawn) would give the shared y scale an infinite extent,
    # which Vega warns about on every page load.
    refilled = "datum.refilled == 1"
    refilled_dot = base.mark_point(filled=True, size=70, style=charts.REFERENCE_STYLE, aria=False).encode(
        x=x, y=y, opacity=alt.condition(refilled, alt.value(1), alt.value(0)))
    # "full again" below and right of the dot, where the line is flat above it; near the right edge,
    # above and left of it instead (in the room above the starting level), so that it stays in the chart.
    late = f"datum.hours > {REFUEL_HOURS_DRAWN - 10}"
    early_label = base.transform_calculate(label=f"{refilled} && !({late}) ? 'full again' : ''").mark_text(
        align="left", dx=6, dy=14, style=charts.REFERENCE_TEXT_STYLE).encode(x=x, y=y, text="label:N")
    late_label = base.transform_calculate(label=f"{refilled} && {late} ? 'full again' : ''").mark_text(
        align="right", dx=-6, dy=-12, style=charts.REFERENCE_TEXT_STYLE).encode(x=x, y=y, text="label:N")
    # The wall (chapter 1): the stores first empty; labelled half-way up, clear of the draining line.
    wall = charts.first_crossing(base, "legs_glycogen_g", "hours", "the wall", label_y=charts.HEIGHT // 2)
    return alt.layer(run, headroom, full, charts.zero_line(base), line, wall, run_label, refilled_dot, early_label,
                     late_label)


def _describe_refuel(frame: pd.DataFrame, values: Mapping[str, float]) -> str:
    run_hours, eaten = values["run_hours"], values["carbohydrate_g_per_h"]
    rate, mass, intensity = values["resynthesis_mmol_per_kg_per_h"], values["body_mass_kg"], values["intensity"]
    n = _refuel_numbers(run_hours, eaten, rate, mass, intensity, values["muscle_glycogen_g_per_kg"])
    band = nutrition.carbohydrate_during_exercise(run_hours)
    speed_m_per_s = n["speed_km_h"] / 3.6
    run = (
        f"for a {mass:.0f} kg runner (legs {n['muscle_kg']:.1f} kg of muscle holding {n['legs_full_g']:.0f} g of "
        f"glycogen, {values['muscle_glycogen_g_per_kg']:.0f} g/kg) running {_h_min(run_hours)} at "
        f"{intensity * 100:.0f} % of VO2max ({n['speed_km_h']:.1f} km/h, {units.pace_min_per_km(speed_m_per_s)}, "
        f"{n['speed_km_h'] * run_hours:.1f} km), eating {eaten:.0f} g/h of carbohydrate, then refilling at "
        f"{rate:g} mmol of glycogen per kg of muscle an hour"
    )
    if band.max_g_per_h is None or band.max_g_per_h == 0:
        advice_ok = ""
    elif eaten > band.max_g_per_h:
        advice_ok = f"; {eaten:.0f} g/h is more than that"
    else:
        advice_ok = ""
    advice = f" For a run of {_h_min(run_hours)} Jeukendrup (2014) advises {band.advice}{advice_ok}."
    burn = f" The run burns {n['burnt_g_per_h']:.0f} g of carbohydrate an hour"
    if eaten >= n["burnt_g_per_h"]:
        burn += f"; eating {eaten:.0f} g/h covers it (more than the run burns; the model credits all of it), so the legs lose nothing."
    else:
        # The stores drain at a steady rate until the finish or the wall, whichever comes first.
        draining_h = min(run_hours, n["wall_h"])
        legs_fall = n["deficit_g"] / draining_h
        liver_fall = (n["store_g"] - n["legs_full_g"]) * (n["deficit_g"] / n["legs_full_g"]) / draining_h
        until = " until the wall" if n["wall_h"] < run_hours else ""
        eaten_part = f"{eaten:.0f} g/h of it eaten" if eaten else "none of it eaten"
        burn += (f", {eaten_part}: the legs' glycogen falls by {legs_fall:.0f} g an hour{until} "
                 f"and the liver's by {liver_fall:.0f} g.")
    if n["wall_h"] < run_hours:
        wall = (f" The stores run out after {_h_min(n['wall_h'])} ({n['speed_km_h'] * n['wall_h']:.1f} km): the wall, "
                f"and the runner would slow down.")
    else:
        wall = ""
    if n["deficit_g"] <= 0:
        legs = " The legs finish full: there is nothing to refill."
        refill = ""
    else:
        short = f"{n['deficit_g']:.0f} g ({n['deficit_g'] / n['legs_full_g'] * 100:.0f} %) short"
        if n["legs_end_g"] < 0.5:
            # Real muscle glycogen never reaches zero: it is the model's store that is empty.
            legs = f" The model's leg store is empty at the finish, {short}."
        else:
            legs = f" The legs finish with {n['legs_end_g']:.0f} g, {short}."
        refilled_at = run_hours + n["refill_h"]
        drawn = (f", {refilled_at:.1f} h after the start" if refilled_at <= REFUEL_HOURS_DRAWN
                 else f", beyond the {REFUEL_HOURS_DRAWN:.0f} h drawn")
        refill = (f" Refilling at {n['refill_g_per_h']:.1f} g/h takes {n['refill_h']:.1f} h{drawn} "
                  "(an optimistic lower bound: a steady early rate with generous feeding; the real one slows as "
                  "the stores fill, and is far lower without carbohydrate).")
    low, high = nutrition.recovery_carbohydrate_g(mass, nutrition.RECOVERY_WINDOW_H)
    after = (f" If another hard session follows soon, the same day, advice for the first 4 h after: 1.0–1.2 g of "
             f"carbohydrate per kg an hour, {low:.0f}–{high:.0f} g (Wallis & Podlogar 2022); otherwise the day's total "
             "carbohydrate matters more than the timing. About 8 mmol/kg/h was measured with 1.6 g/kg of carbohydrate eaten at 0 and 2 h (Flynn et al. 2020).")
    return true_minus(
        "Line chart of glycogen in the leg muscles (g) against hours from the start of the run, "
        f"{run}.{advice}{burn}{wall}{legs}{refill}{after}"
    )


REFUEL_LAB = Lab(
    key="nutrition-refuel",
    controls=(
        Control("run_hours", "run duration", "h", 0.5, 6, 0.25, 2.5, static_stops=(1.5, 2.5, 3.5, 4.5)),
        # Up to 90 g/h, the most the gut absorbs (glucose with fructose; Jeukendrup 2013, 2014).
        Control("carbohydrate_g_per_h", "carbohydrate during the run", "g/h", 0, 90, 5, 60,
                static_stops=(0, 30, 60, 90)),
        Control("resynthesis_mmol_per_kg_per_h", "refill rate after", "mmol/kg/h", 1, 12, 0.5, 8,
                static_stops=(2, 4, 6, 8)),
        Control("body_mass_kg", "body mass", "kg", 40, 110, 1, 70),
        Control("intensity", "intensity", "× VO2max", 0.5, 0.9, 0.05, 0.75),
        Control("muscle_glycogen_g_per_kg", "muscle glycogen at the start", "g per kg of muscle", 10, 36, 1, 20),
    ),
    model=refuelling,
    chart=_refuel_chart,
    describe=_describe_refuel,
    caption=(
        "Glycogen in the leg muscles through a long run (shaded) and the hours after it, against their level at the "
        "start (dashed). During the run the legs lose their share of chapter 1's glycogen budget, less the "
        "carbohydrate eaten; after it they refill at a steady rate until full (dot). Two assumptions of this lab: "
        "the carbohydrate eaten during the run is credited against the legs' and the liver's stores in proportion, "
        "which overstates the saving to the legs (in reality it mostly spares liver glycogen and keeps blood "
        "glucose up); and the refill runs at a steady early rate with generous feeding (about 8 mmol per kg of "
        "muscle an hour was measured with carbohydrate eaten straight after exercise, far less without), so the "
        "refill times are optimistic lower bounds: the real rate slows as the stores fill."
    ),
    static_decimals=1,
)


def refuelling_lab() -> LabWidget:
    """Lab A of chapter 4: glycogen before, during and after a long run."""
    return REFUEL_LAB.live()


# --- Lab C: iron and oxygen -----------------------------------------------------------------

#: Haemoglobin drawn on the x axis (g/dL): from severe anaemia to above the men's reference range.
HB_DRAWN_G_DL = np.arange(6.0, 20.01, 0.5)
#: The healthy reference the readout compares with: Hb 15 g/dL, SaO2 0.98, PaO2 100 mmHg (20.0 mL/dL).
REFERENCE_HB_G_DL, REFERENCE_SAO2, REFERENCE_PAO2_MMHG = 15.0, 0.98, 100.0
WHO_MEN, WHO_WOMEN = nutrition.HAEMOGLOBIN_THRESHOLDS[0], nutrition.HAEMOGLOBIN_THRESHOLDS[1]
#: The y range (mL O2/dL): up to Hb 20 g/dL, saturation 1.0 and PaO2 600 mmHg (28.6).
OXYGEN_DOMAIN_ML_DL = (0.0, 30.0)


def oxygen_content(hb_g_dl: float, sao2: float, pao2_mmhg: float) -> pd.DataFrame:
    """Arterial oxygen content (mL O2/dL) against haemoglobin at the chosen saturation and PaO2.

    Columns: ``hb_g_dl`` (the drawn range plus the chosen value),
    ``cao2_ml_dl`` (:func:`heavylegs.nutrition.arterial_o2_content`),
    ``reference_cao2_ml_dl`` (the same at the healthy reference's saturation
    0.98 and PaO2 100 mmHg) and ``chosen`` (1 on the chosen haemoglobin's
    row, else 0).
    """
    hb = np.unique(np.append(HB_DRAWN_G_DL, float(hb_g_dl)))
    return pd.DataFrame({
        "hb_g_dl": hb,
        "cao2_ml_dl": nutrition.arterial_o2_content(hb, sao2, pao2_mmhg),
        "reference_cao2_ml_dl": nutrition.arterial_o2_content(hb, REFERENCE_SAO2, REFERENCE_PAO2_MMHG),
        "chosen": np.isclose(hb, hb_g_dl).astype(float),
    })


def _oxygen_chart(base):
    import altair as alt

    x_scale = alt.Scale(domain=[float(HB_DRAWN_G_DL[0]), float(HB_DRAWN_G_DL[-1])], nice=False)
    x = alt.X("hb_g_dl:Q", title="haemoglobin (g/dL)", scale=x_scale)
    y_title = "arterial oxygen content (mL O2/dL)"
    y_scale = alt.Scale(domain=list(OXYGEN_DOMAIN_ML_DL), nice=False)
    y = alt.Y("cao2_ml_dl:Q", title=y_title, scale=y_scale)
    line = charts.series_line(base).encode(x=x, y=y)
    # Faint: the healthy reference's saturation and PaO2, so that a lower saturation shows as a gap below it.
    reference = base.mark_line(style=charts.ZERO_STYLE, strokeDash=[3, 3], strokeWidth=1.5).encode(
        x=x, y=alt.Y("reference_cao2_ml_dl:Q", title=y_title, scale=y_scale))
    reference_label = base.transform_filter(f"datum.hb_g_dl == {float(HB_DRAWN_G_DL[-1])}").mark_text(
        align="right", dx=-2, dy=-10, fontSize=11).encode(
        x=x, y=alt.Y("reference_cao2_ml_dl:Q", scale=y_scale), text=alt.value("saturation 98 %"))
    # The chosen haemoglobin: a dotted rule down to the axis and an alert-coloured diamond in a ring,
    # which stands out from the series line it sits on (ch2's chosen-grade style).
    chosen = base.transform_filter("datum.chosen == 1")
    rule = chosen.mark_rule(style=charts.ZERO_STYLE, strokeDash=[2, 2]).encode(x=x)
    ring = chosen.mark_point(filled=False, size=260, strokeWidth=2, style=charts.ALERT_STYLE, aria=False).encode(
        x=x, y=y)
    dot = chosen.mark_point(filled=True, size=110, shape="diamond", style=charts.ALERT_STYLE).encode(x=x, y=y)
    one = base.transform_aggregate(rows="count()")
    layers = [reference, reference_label, rule]
    # The WHO cut-offs, labelled at the foot: women's left of its rule, men's right of its own, clear of the line.
    for threshold, text, align, dx in ((WHO_WOMEN, ["anaemia:", "women < 12"], "right", -4),
                                       (WHO_MEN, ["anaemia:", "men < 13"], "left", 4)):
        at = alt.X(datum=threshold.value / 10.0, scale=x_scale)  # g/L to g/dL
        layers.append(one.mark_rule(style=charts.REFERENCE_STYLE, strokeDash=[8, 4], strokeWidth=2).encode(x=at))
        layers.append(one.mark_text(align=align, dx=dx, style=charts.REFERENCE_TEXT_STYLE)
                      .encode(x=at, y=alt.value(charts.HEIGHT - 30), text=alt.value(text)))
    return alt.layer(*layers, line, ring, dot)


def _anaemia_text(hb: float) -> str:
    women, men = WHO_WOMEN.flags(hb * 10.0), WHO_MEN.flags(hb * 10.0)
    if women:
        return "below both WHO anaemia cut-offs (women 12, men 13 g/dL): anaemia in anyone"
    if men:
        return "below the WHO cut-off for men (13 g/dL) but not for women (12 g/dL): anaemia in a man"
    return "above both WHO anaemia cut-offs (women 12, men 13 g/dL)"


def _describe_oxygen(frame: pd.DataFrame, values: Mapping[str, float]) -> str:
    hb, sao2, pao2 = values["hb_g_dl"], values["sao2"], values["pao2_mmhg"]
    content = float(nutrition.arterial_o2_content(hb, sao2, pao2))
    dissolved = nutrition.DISSOLVED_O2_ML_PER_DL_PER_MMHG * pao2
    reference = float(nutrition.arterial_o2_content(REFERENCE_HB_G_DL, REFERENCE_SAO2, REFERENCE_PAO2_MMHG))
    change = (content / reference - 1.0) * 100.0
    if abs(change) < 0.05:
        compared = "the same as the healthy reference"
    else:
        compared = f"{abs(change):.0f} % {'less' if change < 0 else 'more'} than the healthy reference"
    delivered = "as much oxygen" if abs(change) < 0.05 else f"{abs(change):.0f} % {'less' if change < 0 else 'more'} oxygen"
    return true_minus(
        f"Line chart of arterial oxygen content (mL O2 per dL of blood) against haemoglobin (g/dL), at a saturation "
        f"of {sao2:.2f} ({sao2 * 100:.0f} %) and PaO2 {pao2:.0f} mmHg. With haemoglobin {hb:g} g/dL the blood "
        f"carries {content:.2f} mL O2/dL ({content * 10:.0f} mL per litre), {compared} (Hb 15 g/dL, saturation "
        f"0.98, PaO2 100 mmHg: {reference:.2f} mL/dL); only {dissolved:.2f} mL/dL of it is dissolved, the rest "
        "rides on haemoglobin. "
        f"At the same blood flow the legs receive {delivered} (chapter 5). Haemoglobin {hb:g} g/dL is {_anaemia_text(hb)}; a blood test read by a clinician decides, "
        "and anaemia has causes other than iron."
    )


OXYGEN_LAB = Lab(
    key="nutrition-oxygen",
    controls=(
        Control("hb_g_dl", "haemoglobin", "g/dL", 6, 20, 0.5, 15, static_stops=(9.0, 10.5, 12.0, 13.5, 15.0, 16.5)),
        Control("sao2", "oxygen saturation", "fraction", 0.7, 1.0, 0.01, 0.98, static_stops=(0.86, 0.9, 0.94, 0.98)),
        # Up to 600 mmHg, about what breathing pure oxygen gives (the model allows 700).
        Control("pao2_mmhg", "arterial PaO2", "mmHg", 40, 600, 1, 100),
    ),
    model=oxygen_content,
    chart=_oxygen_chart,
    describe=_describe_oxygen,
    caption=(
        "Oxygen carried by arterial blood, CaO2 = 1.34 × Hb × SaO2 + 0.003 × PaO2 (mL O2 per dL), against "
        "haemoglobin, with the WHO anaemia cut-offs (dashed: 12 g/dL for non-pregnant women, 13 g/dL for men), "
        "the chosen haemoglobin (diamond) and, faint and dotted, the healthy reference's saturation (98 %). "
        "Almost all the oxygen rides on haemoglobin, so less haemoglobin means proportionally less oxygen, however "
        "well one breathes. Saturation and PaO2 are set separately here; in the body they move together (at "
        "altitude both fall). Signs of anaemia (tiredness, breathlessness, pallor) belong with a clinician; iron "
        "supplements only after a blood test."
    ),
    static_decimals=2,
)


def iron_and_oxygen_lab() -> LabWidget:
    """Lab C of chapter 4: haemoglobin and saturation against arterial oxygen content."""
    return OXYGEN_LAB.live()
