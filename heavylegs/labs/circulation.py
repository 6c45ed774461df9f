"""Chapter 5 labs: oxygen to the legs, standing still versus walking, and two tests in the clinic.

All four wrap models from :mod:`heavylegs.circulation` (with chapter 4's
:func:`heavylegs.nutrition.arterial_o2_content` for the oxygen in the blood and
chapter 1's running equation for a runner's pace); nothing here computes
physiology of its own.
"""

from __future__ import annotations

from typing import Mapping

import numpy as np
import pandas as pd

from heavylegs import charts, circulation, metabolism, nutrition, units
from heavylegs.lab import Control, Lab, LabWidget
from heavylegs.units import true_minus

# --- Lab A: oxygen to the legs -----------------------------------------------------------

#: Cardiac output drawn on the x axis, L/min: from rest to beyond the highest measured in athletes.
CARDIAC_OUTPUT_DRAWN_L_MIN = np.arange(0.0, 40.01, 5.0)
#: The healthy reference the readout compares with: haemoglobin 15 g/dL.
REFERENCE_HB_G_DL = 15.0
#: Arterial and venous PO2 held fixed, mmHg (the science reference's worked example).
ARTERIAL_PO2_MMHG, VENOUS_PO2_MMHG = 100.0, 25.0
#: VO2max changes by about 1 % for each 3 g/L of haemoglobin concentration (Otto et al. 2013, 120–170 g/L).
MEASURED_G_L_PER_PERCENT_VO2MAX = 3.0
#: The haemoglobin range over which Otto et al. 2013 give that rule, g/dL.
OTTO_RANGE_G_DL = (12.0, 17.0)
#: Body mass used to put VO2 in a runner's units, kg (chapter 1's default runner).
RUNNER_MASS_KG = 70.0
#: Oxygen axis, L O2/min: up to delivery at 40 L/min with haemoglobin 18 g/dL (about 9.5).
OXYGEN_DOMAIN_L_MIN = (0.0, 10.0)


def oxygen_to_the_legs(hb_g_dl: float, cardiac_output_l_min: float, venous_saturation: float,
                       sao2: float) -> pd.DataFrame:
    """Oxygen delivered and used (L O2/min) against cardiac output, by the Fick principle.

    Columns: ``cardiac_output_l_min`` (the drawn range plus the chosen value),
    ``delivered_l_min`` (:func:`heavylegs.circulation.oxygen_delivery_ml_min`
    / 1000), ``used_l_min`` (:func:`heavylegs.circulation.fick_vo2`, arterial
    and venous contents from :func:`heavylegs.nutrition.arterial_o2_content`),
    ``reference_used_l_min`` (the same with haemoglobin 15 g/dL) and
    ``chosen`` (1 on the chosen cardiac output's row).
    """
    q = np.unique(np.append(CARDIAC_OUTPUT_DRAWN_L_MIN, float(cardiac_output_l_min)))
    cao2 = nutrition.arterial_o2_content(hb_g_dl, sao2, ARTERIAL_PO2_MMHG)
    cvo2 = nutrition.arterial_o2_content(hb_g_dl, venous_saturation, VENOUS_PO2_MMHG)
    ref_a = nutrition.arterial_o2_content(REFERENCE_HB_G_DL, sao2, ARTERIAL_PO2_MMHG)
    ref_v = nutrition.arterial_o2_content(REFERENCE_HB_G_DL, venous_saturation, VENOUS_PO2_MMHG)
    return pd.DataFrame({
        "cardiac_output_l_min": q,
        "delivered_l_min": circulation.oxygen_delivery_ml_min(q, cao2) / 1000.0,
        "used_l_min": circulation.fick_vo2(q, cao2, cvo2),
        "reference_used_l_min": circulation.fick_vo2(q, ref_a, ref_v),
        "chosen": np.isclose(q, cardiac_output_l_min).astype(float),
    })


def _end_label(base, field: str, text: str, style: str, dy: int):
    import altair as alt

    last = float(CARDIAC_OUTPUT_DRAWN_L_MIN[-1])
    styled = {"style": style} if style else {}
    return base.transform_filter(f"datum.cardiac_output_l_min == {last}").mark_text(
        align="right", dx=-4, dy=dy, fontSize=11, **styled).encode(
        x="cardiac_output_l_min:Q", y=alt.Y(f"{field}:Q", scale=alt.Scale(domain=list(OXYGEN_DOMAIN_L_MIN))),
        text=alt.value(text))


def _oxygen_chart(base):
    import altair as alt

    x = alt.X("cardiac_output_l_min:Q", title="cardiac output (L/min)",
              scale=alt.Scale(domain=[0.0, float(CARDIAC_OUTPUT_DRAWN_L_MIN[-1])], nice=False))
    y_scale = alt.Scale(domain=list(OXYGEN_DOMAIN_L_MIN), nice=False)
    y_title = "oxygen (L O2/min)"
    delivered = base.mark_line(style=charts.REFERENCE_STYLE, strokeDash=[8, 4], strokeWidth=2).encode(
        x=x, y=alt.Y("delivered_l_min:Q", title=y_title, scale=y_scale))
    used = charts.series_line(base).encode(x=x, y=alt.Y("used_l_min:Q", title=y_title, scale=y_scale))
    reference = base.mark_line(style=charts.ZERO_STYLE, strokeDash=[3, 3], strokeWidth=1.5).encode(
        x=x, y=alt.Y("reference_used_l_min:Q", title=y_title, scale=y_scale))
    chosen = base.transform_filter("datum.chosen == 1")
    rule = chosen.mark_rule(style=charts.ZERO_STYLE, strokeDash=[2, 2]).encode(x=x)
    ring = chosen.mark_point(filled=False, size=260, strokeWidth=2, style=charts.ALERT_STYLE, aria=False).encode(
        x=x, y=alt.Y("used_l_min:Q", scale=y_scale))
    dot = chosen.mark_point(filled=True, size=110, shape="diamond", style=charts.ALERT_STYLE).encode(
        x=x, y=alt.Y("used_l_min:Q", scale=y_scale))
    return alt.layer(
        rule, delivered, reference, used,
        _end_label(base, "delivered_l_min", "delivered", charts.REFERENCE_TEXT_STYLE, -10),
        _end_label(base, "used_l_min", "used", None, 14),
        _end_label(base, "reference_used_l_min", "used, Hb 15", None, 28),
        ring, dot,
    )


def _vo2max_pace(vo2_l_min: float) -> str:
    """``"4:05 min/km"`` at this VO2 for chapter 1's 70 kg runner, or ``""`` outside its model's range."""
    vo2_ml_kg_min = vo2_l_min * 1000.0 / RUNNER_MASS_KG
    low, high = metabolism.VO2MAX_RANGE_ML_KG_MIN
    if not low <= vo2_ml_kg_min <= high:
        return ""
    speed_m_per_s = metabolism.running_speed_km_h(1.0, vo2_ml_kg_min) / 3.6
    return units.pace_min_per_km(speed_m_per_s)


def _describe_oxygen(frame: pd.DataFrame, values: Mapping[str, float]) -> str:
    hb, q = values["hb_g_dl"], values["cardiac_output_l_min"]
    svo2, sao2 = values["venous_saturation"], values["sao2"]
    cao2 = float(nutrition.arterial_o2_content(hb, sao2, ARTERIAL_PO2_MMHG))
    cvo2 = float(nutrition.arterial_o2_content(hb, svo2, VENOUS_PO2_MMHG))
    delivered = float(circulation.oxygen_delivery_ml_min(q, cao2))
    used = float(circulation.fick_vo2(q, cao2, cvo2))
    reference = float(circulation.fick_vo2(q, nutrition.arterial_o2_content(REFERENCE_HB_G_DL, sao2,
                                                                               ARTERIAL_PO2_MMHG),
                                           nutrition.arterial_o2_content(REFERENCE_HB_G_DL, svo2, VENOUS_PO2_MMHG)))
    extraction = float(circulation.oxygen_extraction_fraction(cao2, cvo2)) if cao2 > 0 else 0.0
    text = (f"Line chart of oxygen delivered and used (L O2 per min) against cardiac output (L/min), with "
            f"haemoglobin {hb:g} g/dL, arterial saturation {sao2:.2f} and venous saturation {svo2:.2f}. "
            f"Each dL of arterial blood carries {cao2:.1f} mL O2 and leaves the muscles with {cvo2:.1f} mL. "
            f"At {q:g} L/min the heart sends {delivered:,.0f} mL O2/min, and the body uses {used:.2f} L/min "
            f"({extraction * 100:.0f} % of it extracted).")
    if q > 0 and abs(hb - REFERENCE_HB_G_DL) > 1e-9:
        change = (used / reference - 1.0) * 100.0
        text += (f" With haemoglobin 15 g/dL at the same flow and saturations it would be {reference:.2f} L/min: "
                 f"{abs(change):.0f} % {'less' if change < 0 else 'more'} here.")
        low, high = OTTO_RANGE_G_DL
        if low <= hb <= high:
            measured = (hb - REFERENCE_HB_G_DL) * 10.0 / MEASURED_G_L_PER_PERCENT_VO2MAX
            text += (f" That is an upper bound: measured VO2max changes by about 1 % per 3 g/L of haemoglobin "
                     f"(Otto 2013), about {abs(measured):.0f} % here, partly because the muscles extract more "
                     "(Ekblom 1976).")
        else:
            text += " That is an upper bound: the body partly makes up by extracting more (Ekblom 1976)."
    per_kg = used * 1000.0 / RUNNER_MASS_KG
    pace = _vo2max_pace(used)
    if pace:
        text += (f" If this were a 70 kg runner's maximum, it is a VO2max of {per_kg:.0f} mL/kg/min, enough for "
                 f"about {pace} at VO2max (chapter 1's running equation).")
    if pace and abs(hb - REFERENCE_HB_G_DL) > 1e-9:
        ref_pace = _vo2max_pace(reference)
        if ref_pace:
            text += f" With haemoglobin 15 g/dL: {ref_pace}."
    return true_minus(text)


OXYGEN_LAB = Lab(
    key="circulation-oxygen",
    controls=(
        Control("hb_g_dl", "haemoglobin", "g/dL", 8, 18, 0.5, 15, static_stops=(9.0, 10.5, 12.0, 13.5, 15.0, 16.5)),
        Control("cardiac_output_l_min", "cardiac output", "L/min", 5, 40, 1, 25,
                static_stops=(5.0, 10.0, 15.0, 20.0, 25.0, 30.0, 35.0)),
        Control("venous_saturation", "venous saturation", "fraction", 0.05, 0.8, 0.01, 0.2,
                static_stops=(0.2, 0.45, 0.7)),
        Control("sao2", "arterial saturation", "fraction", 0.8, 1.0, 0.01, 0.98),
    ),
    model=oxygen_to_the_legs,
    chart=_oxygen_chart,
    describe=_describe_oxygen,
    caption=(
        "The Fick principle: the oxygen the body uses (solid) is the blood the heart pumps per minute times the "
        "oxygen each litre gives up, VO2 = Q × (CaO2 − CvO2); the oxygen delivered (dashed) is Q × CaO2. The "
        "faint dotted line is the oxygen used with haemoglobin 15 g/dL; the diamond is the chosen cardiac "
        "output. Venous saturation near 0.75 is rest, near 0.2 hard exercise. Arterial PO2 100 and venous PO2 "
        "25 mmHg are held fixed. The controls move one at a time here; in the body they do not: a trained heart "
        "pumps more, and a runner short of haemoglobin partly makes up by extracting more, so the lab's cost "
        "of anaemia is an upper bound."
    ),
    static_decimals=3,
)


def oxygen_to_the_legs_lab() -> LabWidget:
    """Lab A of chapter 5: haemoglobin, cardiac output and extraction against oxygen used."""
    return OXYGEN_LAB.live()


# --- Lab B: standing still versus walking -------------------------------------------------

#: The course of the teaching model drawn: standing, walking, standing again (s).
STAND_S, WALK_S, REST_S = 10.0, 30.0, 50.0
#: Samples every second (each contraction's instants are added, so the saw-tooth stays exact).
PUMP_SAMPLE_S = 1.0
#: The pressure axis, mmHg: up to a 1.5 m column (117).
PRESSURE_DOMAIN_MMHG = (0.0, 120.0)
#: The measured walking range the teaching model is calibrated to, mmHg: Stick et al. 1992's medians at
#: 3 and 6 km/h.
MEASURED_WALKING_MMHG = (23.5, 30.4)


def standing_versus_walking(cadence_spm: float, calf_ejection_fraction: float, refill_time_s: float,
                            heart_to_ankle_m: float) -> pd.DataFrame:
    """The ankle vein pressure course of :func:`heavylegs.circulation.ankle_vein_pressure_course`.

    Columns ``time_s`` and ``pressure_mmhg``: standing 10 s, walking 30 s, standing again 50 s.
    """
    frame = circulation.ankle_vein_pressure_course(
        heart_to_ankle_m, cadence_spm, calf_ejection_fraction, refill_time_s,
        stand_s=STAND_S, walk_s=WALK_S, rest_s=REST_S, sample_s=PUMP_SAMPLE_S)
    return frame[["time_s", "pressure_mmhg"]]


def _pump_chart(base):
    import altair as alt

    x = alt.X("time_s:Q", title="time (s)", scale=alt.Scale(domain=[0.0, STAND_S + WALK_S + REST_S], nice=False))
    y_scale = alt.Scale(domain=list(PRESSURE_DOMAIN_MMHG), nice=False)
    y = alt.Y("pressure_mmhg:Q", title="ankle vein pressure (mmHg)", scale=y_scale)
    one = base.transform_aggregate(rows="count()")
    # Both bands are decorative (their labels and the readout say what they mark): hidden from screen readers.
    walking = one.mark_rect(style=charts.SHADE_STYLE, aria=False).encode(
        x=alt.datum(STAND_S), x2=alt.datum(STAND_S + WALK_S))
    walking_label = one.mark_text(align="left", dx=4, style=charts.REFERENCE_TEXT_STYLE).encode(
        x=alt.datum(STAND_S), y=alt.value(14), text=alt.value("walking"))
    band = one.mark_rect(style=charts.REFERENCE_STYLE, opacity=0.18, aria=False).encode(
        y=alt.datum(MEASURED_WALKING_MMHG[0], scale=y_scale), y2=alt.datum(MEASURED_WALKING_MMHG[1]))
    band_label = one.mark_text(align="right", dx=-4, dy=-6, style=charts.REFERENCE_TEXT_STYLE).encode(
        x=alt.value("width"), y=alt.datum(MEASURED_WALKING_MMHG[1], scale=y_scale),
        text=alt.value("measured, walking"))
    line = charts.series_line(base, strokeWidth=2).encode(x=x, y=y)
    return alt.layer(walking, band, walking_label, band_label, line)


def _describe_pump(frame: pd.DataFrame, values: Mapping[str, float]) -> str:
    cadence, ejection = values["cadence_spm"], values["calf_ejection_fraction"]
    refill, height = values["refill_time_s"], values["heart_to_ankle_m"]
    standing = float(circulation.hydrostatic_pressure_mmhg(height))
    text = (f"Line chart of ankle vein pressure (mmHg) against time (s): standing 10 s, walking 30 s at "
            f"{cadence:g} steps/min, then standing again. Standing still, the {height:.2f} m column of blood from "
            f"the heart presses on the ankle veins with {standing:.0f} mmHg (measured standing still: 84 mmHg, "
            "Stick 1992).")
    if cadence == 0 or ejection == 0:
        why = "no steps" if cadence == 0 else "a calf that pushes no blood out"
        return true_minus(text + f" With {why}, nothing lowers it: the pressure stays at {standing:.0f} mmHg "
                          "the whole time, as on a long day standing still.")
    low, high = circulation.walking_vein_pressure_mmhg(height, cadence, ejection, refill)
    mean = (low + high) / 2.0
    steps = circulation.walking_steps_to_settle(height, cadence, ejection, refill)
    text += (f" Walking, each calf contraction pushes out {ejection * 100:.0f} % of the calf veins' blood, and "
             f"the pressure settles to a saw-tooth between {low:.0f} and {high:.0f} mmHg (about {mean:.0f}, "
             f"{(1 - mean / standing) * 100:.0f} % below standing)")
    text += f", within {steps} steps." if steps else "."
    measured = f"{MEASURED_WALKING_MMHG[0]:g}–{MEASURED_WALKING_MMHG[1]:g} mmHg"
    if high > MEASURED_WALKING_MMHG[1] + 0.05:
        text += (f" That is above the {measured} measured in healthy legs while walking (Stick 1992): the "
                 "veins stay congested, as with leaky valves or a weak calf pump.")
    elif low < MEASURED_WALKING_MMHG[0] - 0.05:
        text += f" That is below the {measured} measured in healthy legs while walking (Stick 1992)."
    else:
        text += f" That is within the {measured} measured in healthy legs while walking (Stick 1992)."
    short = refill < circulation.NORMAL_REFILL_TIME_MIN_S
    text += (f" On stopping, the veins refill and regain 90 % of the lost pressure in {refill:g} s"
             + (" (short: below the 8–57 s of normal legs, as when blood falls back through leaky valves)."
                if short else "."))
    text += " A teaching model calibrated to published pressures, not a measurement."
    return true_minus(text)


PUMP_LAB = Lab(
    key="circulation-calf-pump",
    controls=(
        Control("cadence_spm", "steps per minute", "steps/min", 0, 180, 5, 110, static_stops=(55.0, 110.0, 165.0)),
        Control("calf_ejection_fraction", "blood pushed out per contraction", "fraction", 0, 0.6, 0.01, 0.18,
                static_stops=(0.09, 0.18, 0.27, 0.36)),
        # 3 s is about the 2.8 s of a leaky saphenous vein, 31 s the mean of normal legs (Pollack 1949).
        Control("refill_time_s", "refill time", "s", 2, 60, 1, 31, static_stops=(3.0, 17.0, 31.0, 45.0)),
        Control("heart_to_ankle_m", "heart to ankle", "m", 0.9, 1.5, 0.05, 1.2),
    ),
    model=standing_versus_walking,
    chart=_pump_chart,
    describe=_describe_pump,
    caption=(
        "A teaching model, not a measurement: standing still, the ankle veins carry the weight of the blood "
        "column from the heart; each calf contraction (one per two steps) pushes a share of the calf veins' "
        "blood upwards, and valves stop it falling back; between contractions the veins refill. The refill "
        "time is how long the veins take to regain 90 % of the lost pressure (about 31 s in normal legs, under "
        "3 s with a leaky saphenous vein: Pollack 1949). The model is calibrated only so that a healthy calf at "
        "a walk lands in the 23.5–30.4 mmHg measured by Stick 1992 (the band so labelled); the tall band marks "
        "the 30 s of walking."
    ),
    static_decimals=2,
)


def standing_versus_walking_lab() -> LabWidget:
    """Lab B of chapter 5: the calf pump lowering the ankle vein pressure, step by step."""
    return PUMP_LAB.live()


# --- Lab C: the compartment pressure test ---------------------------------------------------

#: When the pressures are measured, in page order.
COMPARTMENT_TIMES = ("before", "1 min after", "5 min after")
#: The pressure axis of the compartment test, mmHg.
COMPARTMENT_DOMAIN_MMHG = (0.0, 80.0)
#: Lindorsson et al. 2021: median pressure 1 min after exercise in people with the syndrome, by compartment,
#: and the range of the medians in people without it (mmHg).
LINDORSSON_POST1_MEDIANS_MMHG = {"deep posterior": 33.0, "superficial posterior": 35.0, "lateral": 40.0,
                                 "anterior": 47.0}
LINDORSSON_POST1_WITHOUT_MMHG = (12.0, 18.0)
#: The highest 1-min pressures among people without the syndrome, by compartment, spanned 26–34 mmHg.
LINDORSSON_POST1_WITHOUT_MAX_MMHG = (26.0, 34.0)


def compartment_test(pre_mmhg: float, post1_mmhg: float, post5_mmhg: float) -> pd.DataFrame:
    """The three pressures of a compartment test beside the modified Pedowitz cut-offs.

    Columns: ``when`` (0, 1, 2: before, 1 min after, 5 min after exercise), ``pressure_mmhg`` (measured),
    ``cutoff_mmhg`` (Pedowitz 1990) and ``meets`` (1 where the pressure meets its cut-off,
    :func:`heavylegs.circulation.pedowitz_criteria_met`).
    """
    met = circulation.pedowitz_criteria_met(pre_mmhg, post1_mmhg, post5_mmhg)
    return pd.DataFrame({
        "when": [0.0, 1.0, 2.0],  # index into COMPARTMENT_TIMES (the static page stores numbers only)
        "pressure_mmhg": [float(pre_mmhg), float(post1_mmhg), float(post5_mmhg)],
        "cutoff_mmhg": [c.value for c in circulation.PEDOWITZ_CRITERIA],
        "meets": [float(c in met) for c in circulation.PEDOWITZ_CRITERIA],
    })


def _compartment_chart(base):
    import altair as alt

    names = ", ".join(f"'{name}'" for name in COMPARTMENT_TIMES)
    x = alt.X("when:O", title="when measured (exercise in between)",
              axis=alt.Axis(labelAngle=0, labelExpr=f"[{names}][datum.value]"))
    y_scale = alt.Scale(domain=list(COMPARTMENT_DOMAIN_MMHG), nice=False)
    y_title = "compartment pressure (mmHg)"
    cutoff = base.mark_tick(style=charts.ALERT_STYLE, thickness=3, size=70).encode(
        x=x, y=alt.Y("cutoff_mmhg:Q", title=y_title, scale=y_scale))
    cutoff_label = base.mark_text(align="left", dx=38, style=charts.ALERT_TEXT_STYLE).encode(
        x=x, y=alt.Y("cutoff_mmhg:Q", scale=y_scale),
        text=alt.Text("cutoff_mmhg:Q", format=".0f"))
    line = charts.series_line(base, strokeWidth=2).encode(x=x, y=alt.Y("pressure_mmhg:Q", title=y_title,
                                                                        scale=y_scale))
    points = base.mark_point(filled=True, size=90, style=charts.SERIES_STYLE).encode(
        x=x, y=alt.Y("pressure_mmhg:Q", scale=y_scale),
        shape=alt.Shape("meets:N", scale=alt.Scale(domain=[0.0, 1.0], range=["circle", "diamond"]), legend=None))
    one = base.transform_aggregate(rows="count()")
    legend = one.mark_text(align="left", x=6, y=12, style=charts.ALERT_TEXT_STYLE).encode(
        text=alt.value("ticks: Pedowitz cut-offs"))
    return alt.layer(cutoff, cutoff_label, line, points, legend)


def _describe_compartment(frame: pd.DataFrame, values: Mapping[str, float]) -> str:
    pre, post1, post5 = values["pre_mmhg"], values["post1_mmhg"], values["post5_mmhg"]
    met = circulation.pedowitz_criteria_met(pre, post1, post5)
    text = (f"Line chart of compartment pressure (mmHg) against when it is measured, before, 1 min after and "
            f"5 min after exercise: {pre:g}, "
            f"{post1:g} and {post5:g} mmHg, beside the modified Pedowitz cut-offs (15, 30 and 20 mmHg). ")
    if met:
        which = ", ".join(f"{c.marker.replace('compartment pressure ', '')} (≥ {c.value:g})" for c in met)
        text += (f"It meets {len(met)} of the three criteria ({which}): positive by Pedowitz 1990, which needs "
                 "only one, together with a history that fits.")
    else:
        text += "It meets none of the three criteria: negative by Pedowitz 1990."
    medians = LINDORSSON_POST1_MEDIANS_MMHG
    low, high = LINDORSSON_POST1_WITHOUT_MMHG
    if post1 < 30:
        above = [name for name, median in medians.items() if post1 >= median]
        if post1 > high:
            top_low, top_high = LINDORSSON_POST1_WITHOUT_MAX_MMHG
            within = (f", though within their range (up to {top_low:g}–{top_high:g} mmHg)" if post1 <= top_high
                      else f", and above their whole range (up to {top_low:g}–{top_high:g} mmHg)")
            text += (f" Yet {post1:g} mmHg at 1 min is above the medians of people without the syndrome "
                     f"({low:g}–{high:g} mmHg) in Lindorsson 2021{within}; they found lower pressures in the "
                     "posterior and lateral compartments of patients (medians 33–40 mmHg) and proposed lower "
                     "cut-offs there.")
            if above:
                text += (f" It reaches their patients' median for the {' and '.join(above)} "
                 f"compartment{'s' if len(above) > 1 else ''}.")
    else:
        below = [name for name, median in medians.items() if post1 < median]
        if below:
            medians_text = " and ".join(f"{name} ({medians[name]:g})" for name in below)
            text += (f" {post1:g} mmHg is below the median of Lindorsson 2021's patients with the syndrome in the "
                     f"{medians_text} compartment{'s' if len(below) > 1 else ''}.")
    if post1 >= 30:
        text += (" Healthy runners can reach this too: 11 of 30 collegiate runners without symptoms met the "
                 "1-min criterion (Miller 2021).")
    text += (" Pressures of people with and without the syndrome overlap (Roberts 2012): the test supports a "
             "clinician's diagnosis; it does not make one. Leg pain that comes back at the same point of every run "
             "and eases with rest belongs with a clinician.")
    return true_minus(text)


COMPARTMENT_LAB = Lab(
    key="circulation-compartment",
    controls=(
        Control("pre_mmhg", "before exercise", "mmHg", 0, 40, 1, 10, static_stops=(5.0, 10.0, 15.0, 20.0)),
        Control("post1_mmhg", "1 min after", "mmHg", 0, 80, 1, 25, static_stops=(15.0, 25.0, 35.0, 45.0)),
        Control("post5_mmhg", "5 min after", "mmHg", 0, 60, 1, 15, static_stops=(5.0, 10.0, 15.0, 20.0, 25.0)),
    ),
    model=compartment_test,
    chart=_compartment_chart,
    describe=_describe_compartment,
    caption=(
        "A compartment pressure test, as a clinic runs it: a needle measures the pressure inside a muscle "
        "compartment before a run on a treadmill and 1 and 5 minutes after. The ticks are the modified Pedowitz "
        "criteria (Pedowitz 1990: 15, 30 and 20 mmHg); meeting any one counts as positive, and a diamond marks "
        "a pressure that meets its cut-off. Later studies question these numbers (Roberts 2012; Lindorsson "
        "2021): the values of people with and without the syndrome overlap."
    ),
    static_decimals=1,
)


def compartment_test_lab() -> LabWidget:
    """Lab C of chapter 5: compartment pressures against the Pedowitz criteria."""
    return COMPARTMENT_LAB.live()


# --- Lab D: the ankle–brachial index --------------------------------------------------------

#: Ankle pressures drawn on the x axis, mmHg.
ANKLE_DRAWN_MMHG = np.arange(40.0, 260.01, 10.0)
#: The index axis.
ABI_DOMAIN = (0.0, 2.2)


def ankle_brachial(ankle_mmhg: float, arm_mmhg: float) -> pd.DataFrame:
    """Ankle–brachial index against the ankle pressure, at the chosen arm pressure.

    Columns: ``ankle_mmhg`` (the drawn range plus the chosen value), ``abi``
    (:func:`heavylegs.circulation.ankle_brachial_index`, with the ankle pressure
    the higher of the leg's two arteries and the arm pressure the higher of the
    two arms) and ``chosen`` (1 on the chosen ankle pressure's row).
    """
    ankle = np.unique(np.append(ANKLE_DRAWN_MMHG, float(ankle_mmhg)))
    return pd.DataFrame({
        "ankle_mmhg": ankle,
        "abi": circulation.ankle_brachial_index(ankle, ankle, arm_mmhg, arm_mmhg),
        "chosen": np.isclose(ankle, ankle_mmhg).astype(float),
    })


def _abi_chart(base):
    import altair as alt

    x = alt.X("ankle_mmhg:Q", title="ankle pressure (mmHg)",
              scale=alt.Scale(domain=[float(ANKLE_DRAWN_MMHG[0]), float(ANKLE_DRAWN_MMHG[-1])], nice=False))
    y_scale = alt.Scale(domain=list(ABI_DOMAIN), nice=False)
    y = alt.Y("abi:Q", title="ankle–brachial index", scale=y_scale)
    one = base.transform_aggregate(rows="count()")
    layers = []
    # The AHA bands as rules with their names on the left, above each rule.
    for cut, style in ((0.90, charts.ALERT_STYLE), (1.00, charts.REFERENCE_STYLE), (1.40, charts.ALERT_STYLE)):
        layers.append(one.mark_rule(style=style, strokeDash=[8, 4], strokeWidth=2).encode(
            y=alt.datum(cut, scale=y_scale)))
    # Names on the side the rising line leaves empty: the low bands on the right, the high ones on the left.
    for y_at, text, style, side in ((0.45, "≤ 0.90 abnormal (PAD)", charts.ALERT_TEXT_STYLE, "right"),
                                    (0.95, "borderline", charts.REFERENCE_TEXT_STYLE, "right"),
                                    (1.20, "1.00–1.40 normal", charts.REFERENCE_TEXT_STYLE, "left"),
                                    (1.80, "> 1.40 non-compressible", charts.ALERT_TEXT_STYLE, "left")):
        mark = one.mark_text(align=side, baseline="middle", style=style, **({"x": 6} if side == "left" else {"dx": -6}))
        encoding = {} if side == "left" else {"x": alt.value("width")}
        layers.append(mark.encode(y=alt.datum(y_at, scale=y_scale), text=alt.value(text), **encoding))
    line = charts.series_line(base, strokeWidth=2).encode(x=x, y=y)
    chosen = base.transform_filter("datum.chosen == 1")
    # A dotted rule down to the chosen ankle pressure, as in Lab A: the line itself does not move with it.
    rule = chosen.mark_rule(style=charts.ZERO_STYLE, strokeDash=[2, 2]).encode(x=x)
    ring = chosen.mark_point(filled=False, size=260, strokeWidth=2, style=charts.ALERT_STYLE, aria=False).encode(
        x=x, y=y)
    dot = chosen.mark_point(filled=True, size=110, shape="diamond", style=charts.ALERT_STYLE).encode(x=x, y=y)
    return alt.layer(*layers, rule, line, ring, dot)


def _describe_abi(frame: pd.DataFrame, values: Mapping[str, float]) -> str:
    ankle, arm = values["ankle_mmhg"], values["arm_mmhg"]
    abi = float(circulation.ankle_brachial_index(ankle, ankle, arm, arm))
    category = circulation.abi_category(abi)
    meaning = next(c.meaning for c in circulation.ABI_CATEGORIES if c.name == category)
    text = (f"Line chart of the ankle–brachial index against the ankle pressure (mmHg), with the arm pressure "
            f"{arm:g} mmHg and the AHA cut-offs 0.90, 1.00 and 1.40. Ankle {ankle:g} over arm {arm:g} mmHg gives "
            f"an index of {abi:.2f}: {category} ({meaning}).")
    if category == "normal":
        text += (" A normal index at rest does not rule out a narrowing in someone with symptoms: clinicians can "
                 "measure it again after exercise (though in young, healthy people it often falls by more than "
                 "the 20 % counted as abnormal: Kyte 2023).")
    text += (" The index uses the higher arm: a narrowed artery to one arm lowers that arm's reading, and the "
             "higher one is closer to the pressure leaving the heart. Calf pain on walking that eases with rest, or "
             "cold, pale feet, belong with a clinician, whatever the index.")
    return true_minus(text)


ABI_LAB = Lab(
    key="circulation-abi",
    controls=(
        Control("ankle_mmhg", "ankle pressure", "mmHg", 40, 260, 2, 120,
                static_stops=(60.0, 80.0, 100.0, 120.0, 140.0, 160.0, 180.0, 200.0)),
        Control("arm_mmhg", "arm pressure", "mmHg", 90, 200, 1, 125, static_stops=(100.0, 125.0, 150.0)),
    ),
    model=ankle_brachial,
    chart=_abi_chart,
    describe=_describe_abi,
    caption=(
        "The ankle–brachial index divides the higher systolic pressure of the leg's two ankle arteries by the "
        "higher of the two arms' (Aboyans 2012). Dashed rules are the AHA cut-offs: 0.90 and below is "
        "peripheral artery disease; 0.91–0.99 borderline; 1.00–1.40 normal; above 1.40 the artery is too stiff "
        "for the cuff to close, and the index cannot be read. The diamond is the chosen ankle pressure."
    ),
    static_decimals=3,
)


def ankle_brachial_index_lab() -> LabWidget:
    """Lab D of chapter 5: the ankle–brachial index and its categories."""
    return ABI_LAB.live()
