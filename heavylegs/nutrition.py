"""Chapter 4 models: nutrition and hydration.

Pure, numpy/pandas-based functions and guidance kept as data. Every docstring
gives the unit of each parameter and return value, the allowed range that is
checked on entry (a bad input raises ``ValueError`` naming the parameter, its
unit and the range), and the source of the equation or the number.

What is published and what is a teaching construction
-----------------------------------------------------
* Sweat rate and body-mass loss (:func:`sweat_rate_l_per_h`,
  :func:`body_mass_loss_pct`): the standard field mass balance (1 kg of body
  mass ≈ 1 L of water), as used by the ACSM position stand (Sawka et al.
  2007), which advises drinking to prevent a loss of more than 2 % of body
  mass and never drinking more than is sweated.
* Fluid before and after (:func:`prehydration_ml`,
  :func:`post_exercise_fluid_l`): 5–7 mL/kg about 4 h before is from a
  **secondary summary** of the ACSM stand (⚠️); 1.25–1.5 L per kg lost after
  is the standard advice as cited by a meta-analysis (McCartney et al. 2017),
  not one of its results.
* Serum sodium (:func:`serum_sodium_mmol_l`, :func:`serum_sodium_course`):
  **a teaching model, not a published one.** Sodium and water are simply
  added and removed from total body water (60 % of body mass). It ignores
  osmotically inactive sodium, potassium and antidiuretic hormone, so it shows
  the direction and rough size of the effect, not a prediction for anyone.
  Its direction agrees with Almond et al. 2005: the Boston marathoners who
  gained weight were the ones who became hyponatraemic.
* Carbohydrate (:func:`carbohydrate_during_exercise`,
  :func:`recovery_carbohydrate_g`): published guidance (Jeukendrup 2014;
  Wallis & Podlogar 2022), kept as data with its source.
* Glycogen resynthesis (:func:`glycogen_resynthesis_g_per_h`): a unit
  conversion of a measured rate (Flynn et al. 2020). The refill time
  (:func:`glycogen_refill_hours`) assumes that rate stays constant, which is
  **illustrative**: the rate depends on what is eaten and slows as the stores
  fill.
* Arterial oxygen content (:func:`arterial_o2_content`): the standard
  physiology equation ``CaO2 = 1.34·Hb·SaO2 + 0.003·PaO2``.
* Thresholds for haemoglobin, ferritin, vitamin D, body-mass loss and serum
  sodium (:data:`HAEMOGLOBIN_THRESHOLDS`, :data:`FERRITIN_THRESHOLDS`,
  :data:`VITAMIN_D_THRESHOLDS`, :data:`HYDRATION_THRESHOLDS`): each record
  names its source and how well this course could check it (``evidence``).

Use these functions to see how fuel, fluid and iron trade off, not to plan
anyone's diet or drinking. Confusion, vomiting or a headache after drinking a
lot, or the signs of anaemia, belong with a clinician; iron or vitamin D
supplements only after a blood test.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from heavylegs.units import BODY_MASS_RANGE_KG
from heavylegs.validation import check_range, check_single, scalar_or_array

__all__ = [
    "Threshold",
    "CarbohydrateBand",
    "HAEMOGLOBIN_THRESHOLDS",
    "FERRITIN_THRESHOLDS",
    "VITAMIN_D_THRESHOLDS",
    "HYDRATION_THRESHOLDS",
    "CARBOHYDRATE_DURING_EXERCISE",
    "sweat_rate_l_per_h",
    "body_mass_loss_pct",
    "prehydration_ml",
    "post_exercise_fluid_l",
    "total_body_water_l",
    "serum_sodium_mmol_l",
    "serum_sodium_course",
    "carbohydrate_during_exercise",
    "recovery_carbohydrate_g",
    "glycogen_resynthesis_g_per_h",
    "glycogen_refill_hours",
    "arterial_o2_content",
    "is_anaemic",
    "ferritin_status",
    "vitamin_d_nmol_per_l",
    "vitamin_d_ng_per_ml",
    "vitamin_d_status",
]

# --- How well each number was checked (the legend of the science reference) --
#: Read in a primary source (abstract, full text, or code citing the paper).
PRIMARY = "primary source"
#: Seen only in a secondary summary: probable, not confirmed.
SECONDARY = "secondary summary only, not confirmed"

# --- Sources (short citations; DOIs where known) ----------------------------
SAWKA_2007 = ("Sawka MN et al. ACSM position stand: exercise and fluid replacement. "
              "Med Sci Sports Exerc 2007;39(2):377–390. https://doi.org/10.1249/mss.0b013e31802ca597")
MCCARTNEY_2017 = ("McCartney D, Desbrow B, Irwin C. The effect of fluid intake following "
                  "dehydration on subsequent athletic and cognitive performance: a systematic "
                  "review and meta-analysis. Sports Med Open 2017;3:13.")
BAKER_2016 = ("Baker LB et al. Normative data for regional sweat sodium concentration and "
              "whole-body sweating rate in athletes. J Sports Sci 2016;34(4):358–368. "
              "https://doi.org/10.1080/02640414.2015.1055291")
ALMOND_2005 = ("Almond CSD et al. Hyponatremia among runners in the Boston Marathon. "
               "N Engl J Med 2005;352(15):1550–1556. https://doi.org/10.1056/NEJMoa043901")
HEW_BUTLER_2015 = ("Hew-Butler T et al. Statement of the Third International "
                   "Exercise-Associated Hyponatremia Consensus Development Conference, "
                   "Carlsbad, California, 2015. Clin J Sport Med 2015;25(4):303–320. "
                   "https://doi.org/10.1097/JSM.0000000000000221")
JEUKENDRUP_2014 = ("Jeukendrup A. A step towards personalized sports nutrition: carbohydrate "
                   "intake during exercise. Sports Med 2014;44(Suppl 1):S25–S33. "
                   "https://doi.org/10.1007/s40279-014-0148-z")
JEUKENDRUP_2013_GSSI = ("Jeukendrup AE. Multiple transportable carbohydrates and their "
                        "benefits. GSSI Sports Science Exchange 2013;26(108):1–5.")
WALLIS_PODLOGAR_2022 = ("Wallis GA, Podlogar T. Dietary carbohydrate and the endurance "
                        "athlete: contemporary perspectives. GSSI Sports Science Exchange 2022.")
IVY_2004 = ("Ivy JL. Regulation of muscle glycogen repletion, muscle protein synthesis and "
            "repair following exercise. J Sports Sci Med 2004;3(3):131–138.")
FLYNN_2020 = ("Flynn S et al. Males and females exhibit similar muscle glycogen recovery with varied "
              "recovery food sources. Eur J Appl Physiol 2020;120(5):1131–1142 (glycogen resynthesis: "
              "group means 7.9 ± 2.7 (men) and 8.2 ± 2.7 (women) mmol glucosyl units/kg wet weight/h "
              "with 1.6 g/kg carbohydrate at 0 and 2 h).")
WHO_2011 = ("World Health Organization. Haemoglobin concentrations for the diagnosis of "
            "anaemia and assessment of severity. VMNIS, WHO/NMH/NHD/MNM/11.1, Geneva 2011.")
HB_REFERENCE_RANGE_SITES = ("Reference ranges quoted by online calculator sites "
                            "(e.g. newmedicalterms.com); not a primary source.")
CLENIN_2015 = ("Clénin G et al. Iron deficiency in sports – definition, influence on "
               "performance and therapy. Swiss Med Wkly 2015;145:w14196. "
               "https://doi.org/10.4414/smw.2015.14196 (republished in Swiss Sports Exerc Med "
               "2016;64(1):6–18)")
HOLICK_2011 = ("Holick MF et al. Evaluation, treatment, and prevention of vitamin D deficiency: "
               "an Endocrine Society clinical practice guideline. J Clin Endocrinol Metab "
               "2011;96(7):1911–1930. https://doi.org/10.1210/jc.2011-0385 (values via a "
               "secondary comparison table)")
IOM_2011 = ("Institute of Medicine. Dietary Reference Intakes for Calcium and Vitamin D. "
            "Washington DC: National Academies Press; 2011. https://doi.org/10.17226/13050 "
            "(values via a secondary comparison table)")
LARSON_MEYER_GSSI = ("Larson-Meyer DE. The importance of vitamin D for athletes. GSSI Sports "
                     "Science Exchange #148, 2015.")

# --- 4.1 Sweat rate and body-mass loss ---------------------------------------
#: 1 kg of body mass lost or gained is counted as 1 L of water.
LITRES_PER_KG_WATER = 1.0
#: ACSM 2007: drink to prevent a body-mass loss of more than this, % of body mass.
ACSM_2007_MAX_MASS_LOSS_PCT = 2.0
#: Prehydration about 4 h before exercise, mL per kg body mass (⚠️ secondary summary of ACSM 2007).
PREHYDRATION_ML_PER_KG = (5.0, 7.0)
#: Fluid to drink after exercise per kg of body mass lost, L/kg (McCartney et al. 2017).
POST_EXERCISE_FLUID_L_PER_KG_LOST = (1.25, 1.5)
#: Baker et al. 2016 (n = 506): whole-body sweat rate, L/h, mean and SD (range 0.26–5.73).
BAKER_2016_SWEAT_RATE_L_PER_H = (1.21, 0.68)
#: Baker et al. 2016: predicted whole-body sweat sodium, mmol/L, mean and SD (range 18.2–70.8).
BAKER_2016_SWEAT_SODIUM_MMOL_L = (35.9, 10.4)

# --- 4.2 Serum sodium teaching model -----------------------------------------
#: Total body water as a fraction of body mass (teaching assumption of the science reference).
TOTAL_BODY_WATER_FRACTION = 0.6
#: Normal serum sodium used as the starting value, mmol/L.
DEFAULT_START_SODIUM_MMOL_L = 140.0
#: Sodium in a typical sports drink, mmol/L (⚠️ from the discussion of Almond et al. 2005).
SPORTS_DRINK_SODIUM_MMOL_L = 18.0
#: Almond et al. 2005: share of 488 Boston finishers with serum Na <= 135 and <= 120 mmol/L.
ALMOND_2005_HYPONATRAEMIA_SHARE = 0.13
ALMOND_2005_CRITICAL_HYPONATRAEMIA_SHARE = 0.006

# --- 4.3 Carbohydrate ----------------------------------------------------------
#: Wallis & Podlogar 2022: carbohydrate in the first 4 h of recovery, g per kg body mass per h.
RECOVERY_CARBOHYDRATE_G_PER_KG_PER_H = (1.0, 1.2)
#: ... for the first this many hours of recovery.
RECOVERY_WINDOW_H = 4.0
#: Flynn et al. 2020: group mean glycogen resynthesis of men and of women (SD 2.7 each), mmol glucosyl
#: units per kg wet muscle per h: the two means, not the range between people.
FLYNN_2020_RESYNTHESIS_MMOL_PER_KG_PER_H = (7.9, 8.2)
#: Default resynthesis rate used here, mmol/kg/h (between Flynn et al.'s two group means).
DEFAULT_RESYNTHESIS_MMOL_PER_KG_PER_H = 8.0
#: Mass of one glucosyl unit of glycogen (C6H10O5, 162 g/mol), mg per mmol.
GLUCOSYL_UNIT_MG_PER_MMOL = 162.0
#: GSSI SSE #108: highest exogenous carbohydrate oxidation with glucose:fructose, g/min.
JEUKENDRUP_2013_MAX_EXOGENOUS_OXIDATION_G_PER_MIN = 1.75

# --- 4.4 Oxygen content and iron -----------------------------------------------
#: O2 bound per g of saturated haemoglobin, mL/g (sources use 1.34–1.39).
HB_O2_ML_PER_G = 1.34
HB_O2_RANGE_ML_PER_G = (1.34, 1.39)
#: O2 dissolved in plasma, mL O2 per dL per mmHg (sources use 0.003–0.0031).
DISSOLVED_O2_ML_PER_DL_PER_MMHG = 0.003
DISSOLVED_O2_RANGE_ML_PER_DL_PER_MMHG = (0.003, 0.0031)
#: GSSI 2023 (Peeling, Sim & McKay): share of athletes with iron deficiency, %.
IRON_DEFICIENCY_FEMALE_ATHLETES_PCT = (15.0, 35.0)
IRON_DEFICIENCY_MALE_ATHLETES_PCT = (5.0, 11.0)

# --- 4.5 Vitamin D -------------------------------------------------------------
#: 25(OH)D: 1 ng/mL = 2.496 nmol/L (1000 / 400.6 g/mol; the molar mass is ❓ unchecked).
VITAMIN_D_NMOL_PER_L_PER_NG_PER_ML = 2.496

# --- Allowed input ranges (checked on entry; see each docstring) ---------------
# Up to two days covers the longest single ultra stages learners will try.
EXERCISE_HOURS_RANGE = (0.0, 48.0)
FLUID_RANGE_L = (0.0, 20.0)
URINE_RANGE_L = (0.0, 10.0)
# A body-mass change of more than a fifth within one session is a typing error
# (kg for lb, a swapped pair), not a run: the largest race losses are < 10 %.
MAX_MASS_CHANGE_FRACTION = 0.20
# Baker et al. 2016 measured up to 5.73 L/h.
SWEAT_RATE_RANGE_L_PER_H = (0.0, 6.0)
# Baker et al. 2016: 18.2–70.8 mmol/L; room for salty sweaters and water (0).
SWEAT_SODIUM_RANGE_MMOL_L = (0.0, 150.0)
DRINK_RATE_RANGE_L_PER_H = (0.0, 3.0)
# From water (0) past oral rehydration solutions (~75–90) to a salty broth.
DRINK_SODIUM_RANGE_MMOL_L = (0.0, 200.0)
START_SODIUM_RANGE_MMOL_L = (110.0, 160.0)
DURATION_RANGE_H = (0.0, 48.0)
MUSCLE_MASS_RANGE_KG = (1.0, 60.0)
RESYNTHESIS_RANGE_MMOL_PER_KG_PER_H = (0.0, 20.0)
GLYCOGEN_DEFICIT_RANGE_G = (0.0, 2000.0)
HB_RANGE_G_DL = (0.0, 25.0)
SAO2_RANGE = (0.0, 1.0)
PAO2_RANGE_MMHG = (0.0, 700.0)
VITAMIN_D_RANGE_NG_PER_ML = (0.0, 250.0)
FERRITIN_RANGE_UG_L = (0.0, 5000.0)


# ---------------------------------------------------------------------------
# Guidance as data
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Threshold:
    """A published cut-off for a measurement, with its source.

    Attributes
    ----------
    marker : str
        What is measured, e.g. ``"haemoglobin"``.
    population : str
        Whom the cut-off is for, e.g. ``"men"``.
    meaning : str
        What a value on the flagged side means, e.g. ``"anaemia"``.
    comparison : str
        ``"<"``, ``"<="``, ``">"`` or ``">="``: a value ``v`` is flagged when
        ``v <comparison> value``.
    value : float
        The cut-off, in ``unit``.
    unit : str
        Unit of ``value`` as the source gives it, e.g. ``"g/L"``.
    evidence : str
        How well the course could check it: :data:`PRIMARY` or
        :data:`SECONDARY`.
    source : str
        The citation.
    """

    marker: str
    population: str
    meaning: str
    comparison: str
    value: float
    unit: str
    evidence: str
    source: str

    def flags(self, measured):
        """Whether ``measured`` (in ``unit``) lies on the flagged side: bool, or a bool array."""
        ops = {"<": np.less, "<=": np.less_equal, ">": np.greater, ">=": np.greater_equal}
        out = ops[self.comparison](np.asarray(measured, dtype=float), self.value)
        return bool(out) if np.ndim(out) == 0 else out


@dataclass(frozen=True)
class CarbohydrateBand:
    """Carbohydrate advice for exercise of a given duration.

    Attributes
    ----------
    above_h, up_to_h : float
        The band covers durations ``above_h < duration <= up_to_h``, h.
    max_g_per_h : float or None
        Upper intake, g/h; ``0.0`` when none is needed, ``None`` when the
        source gives no number ("a mouth rinse or small amounts").
    advice : str
        The advice in words.
    evidence : str
        :data:`PRIMARY` or :data:`SECONDARY`.
    source : str
        The citation.
    """

    above_h: float
    up_to_h: float
    max_g_per_h: float | None
    advice: str
    evidence: str
    source: str


#: WHO anaemia cut-offs (primary) and quoted reference ranges (secondary), haemoglobin in g/L.
HAEMOGLOBIN_THRESHOLDS = (
    Threshold("haemoglobin", "men", "anaemia", "<", 130.0, "g/L", PRIMARY, WHO_2011),
    Threshold("haemoglobin", "non-pregnant women", "anaemia", "<", 120.0, "g/L", PRIMARY, WHO_2011),
    Threshold("haemoglobin", "men", "below the quoted reference range (13–18 g/dL)", "<", 130.0,
              "g/L", SECONDARY, HB_REFERENCE_RANGE_SITES),
    Threshold("haemoglobin", "men", "above the quoted reference range (13–18 g/dL)", ">", 180.0,
              "g/L", SECONDARY, HB_REFERENCE_RANGE_SITES),
    Threshold("haemoglobin", "women", "below the quoted reference range (12–16 g/dL)", "<", 120.0,
              "g/L", SECONDARY, HB_REFERENCE_RANGE_SITES),
    Threshold("haemoglobin", "women", "above the quoted reference range (12–16 g/dL)", ">", 160.0,
              "g/L", SECONDARY, HB_REFERENCE_RANGE_SITES),
)

#: Swiss Society of Sports Medicine consensus (Clénin et al. 2015), serum ferritin in µg/L.
FERRITIN_THRESHOLDS = (
    Threshold("ferritin", "athletes over 15 years", "empty iron stores", "<", 15.0, "µg/L",
              PRIMARY, CLENIN_2015),
    Threshold("ferritin", "athletes over 15 years", "low iron stores (15–30 µg/L); 30 µg/L is the cut-off",
              "<", 30.0, "µg/L", PRIMARY, CLENIN_2015),
    Threshold("ferritin", "adult elite athletes before altitude training",
              "below the 50 µg/L to attain before altitude training", "<", 50.0, "µg/L",
              PRIMARY, CLENIN_2015),
)

#: Vitamin D (serum 25(OH)D) cut-offs. Endocrine Society and IOM values are ⚠️
#: from a secondary comparison table; GSSI's are primary and in nmol/L.
VITAMIN_D_THRESHOLDS = (
    Threshold("25(OH)D", "adults (Endocrine Society 2011)", "deficiency", "<", 20.0, "ng/mL",
              SECONDARY, HOLICK_2011),
    Threshold("25(OH)D", "adults (Endocrine Society 2011)",
              "insufficiency (published as 21–29 ng/mL)", "<", 30.0, "ng/mL", SECONDARY, HOLICK_2011),
    Threshold("25(OH)D", "adults (IOM 2011)", "deficiency", "<", 12.0, "ng/mL", SECONDARY, IOM_2011),
    Threshold("25(OH)D", "adults (IOM 2011)", "below the adequate level", "<", 20.0,
              "ng/mL", SECONDARY, IOM_2011),
    Threshold("25(OH)D", "athletes (GSSI)", "below the 75 nmol/L athletes should stay above", "<=",
              75.0, "nmol/L", PRIMARY, LARSON_MEYER_GSSI),
    Threshold("25(OH)D", "athletes (GSSI)", "below the preferred > 100 nmol/L", "<=", 100.0,
              "nmol/L", PRIMARY, LARSON_MEYER_GSSI),
)

#: Danger zones of the drinking plan: too much loss (ACSM 2007), too little sodium (Almond 2005).
HYDRATION_THRESHOLDS = (
    Threshold("body-mass loss", "athletes", "more loss than ACSM advises drinking to prevent", ">",
              ACSM_2007_MAX_MASS_LOSS_PCT, "% of body mass", PRIMARY, SAWKA_2007),
    Threshold("serum sodium", "marathon finishers", "hyponatraemia", "<=", 135.0, "mmol/L",
              PRIMARY, ALMOND_2005),
    Threshold("serum sodium", "marathon finishers", "critical hyponatraemia", "<=", 120.0,
              "mmol/L", PRIMARY, ALMOND_2005),
)

#: Carbohydrate during exercise by duration (Jeukendrup 2014), in order of duration.
#: The bands overlap in the source (2–3 h up to 60 g/h; > 2.5 h about 90 g/h);
#: here 2.5 h itself gets 60 g/h and anything longer 90 g/h.
CARBOHYDRATE_DURING_EXERCISE = (
    CarbohydrateBand(0.0, 0.5, 0.0, "none needed", SECONDARY,
                     "Course convention for the shortest runs (the science reference's worked "
                     "table); consistent with, but not stated in, the abstract of " + JEUKENDRUP_2014),
    CarbohydrateBand(0.5, 1.0, None, "a mouth rinse or small amounts", PRIMARY, JEUKENDRUP_2014),
    CarbohydrateBand(1.0, 2.0, 30.0, "up to 30 g/h", SECONDARY,
                     "Commonly reproduced figure of " + JEUKENDRUP_2014
                     + "; not stated in its abstract"),
    CarbohydrateBand(2.0, 2.5, 60.0, "up to about 60 g/h (a single carbohydrate source, e.g. glucose)",
                     PRIMARY, JEUKENDRUP_2014),
    CarbohydrateBand(2.5, math.inf, 90.0,
                     "up to about 90 g/h of multiple transportable carbohydrates (glucose:fructose)",
                     PRIMARY, JEUKENDRUP_2014 + "; " + JEUKENDRUP_2013_GSSI),
)


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------


def _check_body_mass(name, value, context):
    return check_range(name, value, "kg", *BODY_MASS_RANGE_KG, context=context)


def _check_mass_pair(context, mass_pre_kg, mass_post_kg):
    """Both masses in range, and the second within 20 % of the first."""
    pre = np.asarray(_check_body_mass("mass_pre_kg", mass_pre_kg, context))
    post = np.asarray(_check_body_mass("mass_post_kg", mass_post_kg, context))
    low, high = pre * (1 - MAX_MASS_CHANGE_FRACTION), pre * (1 + MAX_MASS_CHANGE_FRACTION)
    bad = (post < low) | (post > high)
    if np.any(bad):
        pre_b, post_b, low_b, high_b = np.broadcast_arrays(pre, post, low, high)
        i = int(np.flatnonzero(np.ravel(bad))[0])
        where = f" at index {i}" if np.ndim(bad) > 0 else ""
        raise ValueError(
            f"{context}: mass_post_kg must be within {MAX_MASS_CHANGE_FRACTION:.0%} of mass_pre_kg, "
            f"between {low_b.ravel()[i]:.4g} and {high_b.ravel()[i]:.4g} kg when mass_pre_kg = "
            f"{pre_b.ravel()[i]:g} kg (got {float(post_b.ravel()[i])!r} kg{where}): no run changes body "
            "mass that much; check the units (kg, not lb) and the order (before, after)")
    return pre, post


def _first_bad(context, bad, message):
    if np.any(bad):
        i = int(np.flatnonzero(np.ravel(bad))[0])
        where = f" (at index {i})" if np.ndim(bad) > 0 else ""
        raise ValueError(f"{context}: {message}{where}")


# ---------------------------------------------------------------------------
# 4.1 Sweat rate, body-mass loss, fluid before and after
# ---------------------------------------------------------------------------


def sweat_rate_l_per_h(mass_pre_kg, mass_post_kg, fluid_l, urine_l, hours):
    """Sweat rate from weighing before and after a run: a mass balance.

    ``sweat rate = (mass_pre − mass_post + fluid − urine) / hours``,
    counting 1 kg of body mass as 1 L of water.

    Parameters
    ----------
    mass_pre_kg : float or array_like
        Body mass before, kg (nude, bladder emptied); in [30, 200].
    mass_post_kg : float or array_like
        Body mass after, kg (nude, towelled dry, before drinking); in [30,
        200] and within 20 % of ``mass_pre_kg``.
    fluid_l : float or array_like
        Fluid drunk during the run, L; in [0, 20].
    urine_l : float or array_like
        Urine passed during the run, L; in [0, 10].
    hours : float or array_like
        Duration, h; > 0 and <= 48.

    Returns
    -------
    float or numpy.ndarray
        Sweat rate, L/h: 1.20 L/h for 70.0 → 68.6 kg with 0.5 L drunk and
        0.1 L of urine over 1.5 h. Typical athletes sweat 1.21 ± 0.68 L/h
        (range 0.26–5.73; Baker et al. 2016).

    Raises
    ------
    ValueError
        Any input out of range or not a number, or inputs that imply a
        negative sweat loss (more mass gained than was drunk minus urine).

    Notes
    -----
    The balance ignores food eaten, the mass of fuel burnt and water lost by
    breathing, each small over a run of a few hours.

    References
    ----------
    Sawka MN et al. ACSM position stand: exercise and fluid replacement. Med
    Sci Sports Exerc 2007;39(2):377–390.
    https://doi.org/10.1249/mss.0b013e31802ca597
    Baker LB et al. J Sports Sci 2016;34(4):358–368.
    https://doi.org/10.1080/02640414.2015.1055291
    """
    context = "sweat_rate_l_per_h"
    pre, post = _check_mass_pair(context, mass_pre_kg, mass_post_kg)
    fluid = np.asarray(check_range("fluid_l", fluid_l, "L", *FLUID_RANGE_L, context=context))
    urine = np.asarray(check_range("urine_l", urine_l, "L", *URINE_RANGE_L, context=context))
    duration = np.asarray(check_range("hours", hours, "h", *EXERCISE_HOURS_RANGE,
                                      low_inclusive=False, context=context))
    sweat_l = (pre - post) * LITRES_PER_KG_WATER + fluid - urine
    # Rounding must not turn an exact balance (e.g. 70 → 70.5 kg with 0.5 L drunk) into an error.
    slack = 1e-9 * (pre + fluid + urine)
    _first_bad(context, sweat_l < -slack,
               "the inputs imply a negative sweat loss: mass_pre_kg − mass_post_kg + fluid_l − "
               "urine_l must be >= 0 L (more mass was gained than was drunk minus urine); "
               "check the weighings and volumes")
    return scalar_or_array(np.maximum(sweat_l, 0.0) / duration)


def body_mass_loss_pct(mass_pre_kg, mass_post_kg):
    """Body mass lost during a run, as a percentage of the mass before.

    ``loss % = (mass_pre − mass_post) / mass_pre × 100``

    Parameters
    ----------
    mass_pre_kg : float or array_like
        Body mass before, kg; in [30, 200].
    mass_post_kg : float or array_like
        Body mass after, kg; in [30, 200] and within 20 % of ``mass_pre_kg``.

    Returns
    -------
    float or numpy.ndarray
        Loss, % of body mass: 2.00 % for 70.0 → 68.6 kg. **Negative when mass
        was gained**, the sign of drinking more than was sweated (the risk
        factor for hyponatraemia in Almond et al. 2005). The ACSM advises
        drinking to prevent a loss above 2 % (:data:`HYDRATION_THRESHOLDS`).

    References
    ----------
    Sawka MN et al. Med Sci Sports Exerc 2007;39(2):377–390.
    https://doi.org/10.1249/mss.0b013e31802ca597
    """
    pre, post = _check_mass_pair("body_mass_loss_pct", mass_pre_kg, mass_post_kg)
    return scalar_or_array((pre - post) / pre * 100.0)


def prehydration_ml(body_mass_kg):
    """Fluid to drink about 4 h before exercise: 5–7 mL per kg of body mass.

    ⚠️ From a secondary summary of the ACSM position stand, not confirmed in
    the stand itself. (A further 3–5 mL/kg at 2 h if no urine is passed is
    quoted too, but could not be traced to a source and is left out.)

    Parameters
    ----------
    body_mass_kg : float or array_like
        Body mass, kg; in [30, 200].

    Returns
    -------
    tuple of (float or numpy.ndarray)
        ``(low, high)`` volume, mL: (350, 490) for 70 kg.

    References
    ----------
    Sawka MN et al. Med Sci Sports Exerc 2007;39(2):377–390 (via a secondary
    summary). https://doi.org/10.1249/mss.0b013e31802ca597
    """
    mass = np.asarray(_check_body_mass("body_mass_kg", body_mass_kg, "prehydration_ml"))
    low, high = PREHYDRATION_ML_PER_KG
    return scalar_or_array(low * mass), scalar_or_array(high * mass)


def post_exercise_fluid_l(mass_pre_kg, mass_post_kg):
    """Fluid to drink after a run: 1.25–1.5 L for each kg of body mass lost.

    Drinking more than was lost replaces the urine made while rehydrating
    (often quoted as "about 150 %" of the loss, ⚠️ from a secondary summary).

    Parameters
    ----------
    mass_pre_kg : float or array_like
        Body mass before, kg; in [30, 200].
    mass_post_kg : float or array_like
        Body mass after, kg; in [30, 200] and within 20 % of ``mass_pre_kg``.

    Returns
    -------
    tuple of (float or numpy.ndarray)
        ``(low, high)`` volume, L: (1.75, 2.10) after losing 1.4 kg. (0, 0)
        when no mass was lost: there is nothing to replace.

    References
    ----------
    McCartney D, Desbrow B, Irwin C. The effect of fluid intake following
    dehydration on subsequent athletic and cognitive performance: a
    systematic review and meta-analysis. Sports Med Open 2017;3:13.
    """
    pre, post = _check_mass_pair("post_exercise_fluid_l", mass_pre_kg, mass_post_kg)
    lost_kg = np.maximum(pre - post, 0.0)
    low, high = POST_EXERCISE_FLUID_L_PER_KG_LOST
    return scalar_or_array(low * lost_kg), scalar_or_array(high * lost_kg)


# ---------------------------------------------------------------------------
# 4.2 Serum sodium: teaching model of over- and under-drinking
# ---------------------------------------------------------------------------


def total_body_water_l(body_mass_kg):
    """Total body water, L: 0.6 × body mass (the teaching model's assumption).

    Parameters
    ----------
    body_mass_kg : float or array_like
        Body mass, kg; in [30, 200].

    Returns
    -------
    float or numpy.ndarray
        Total body water, L: 42 L for 70 kg. A rough adult figure: it is
        lower with more body fat (fat holds little water).
    """
    mass = _check_body_mass("body_mass_kg", body_mass_kg, "total_body_water_l")
    return scalar_or_array(TOTAL_BODY_WATER_FRACTION * np.asarray(mass))


def _check_sodium_inputs(context, body_mass_kg, hours, sweat_rate_l_per_h, sweat_sodium_mmol_l,
                         drink_rate_l_per_h, drink_sodium_mmol_l, urine_l, start_sodium_mmol_l,
                         check=check_range):
    return dict(
        mass=check("body_mass_kg", body_mass_kg, "kg", *BODY_MASS_RANGE_KG, context=context),
        hours=check("hours", hours, "h", *EXERCISE_HOURS_RANGE, context=context),
        sweat_rate=check("sweat_rate_l_per_h", sweat_rate_l_per_h, "L/h",
                         *SWEAT_RATE_RANGE_L_PER_H, context=context),
        sweat_na=check("sweat_sodium_mmol_l", sweat_sodium_mmol_l, "mmol/L",
                       *SWEAT_SODIUM_RANGE_MMOL_L, context=context),
        drink_rate=check("drink_rate_l_per_h", drink_rate_l_per_h, "L/h",
                         *DRINK_RATE_RANGE_L_PER_H, context=context),
        drink_na=check("drink_sodium_mmol_l", drink_sodium_mmol_l, "mmol/L",
                       *DRINK_SODIUM_RANGE_MMOL_L, context=context),
        urine=check("urine_l", urine_l, "L", *URINE_RANGE_L, context=context),
        start_na=check("start_sodium_mmol_l", start_sodium_mmol_l, "mmol/L",
                       *START_SODIUM_RANGE_MMOL_L, context=context),
    )


def _sodium_balance(context, p, elapsed_h, urine_so_far_l):
    """Water (L) and serum sodium (mmol/L) after ``elapsed_h`` of the race described by ``p``."""
    tbw0 = TOTAL_BODY_WATER_FRACTION * np.asarray(p["mass"])
    sweat_l = np.asarray(p["sweat_rate"]) * elapsed_h
    drunk_l = np.asarray(p["drink_rate"]) * elapsed_h
    water_l = tbw0 + drunk_l - sweat_l - urine_so_far_l
    sodium_mmol = (np.asarray(p["start_na"]) * tbw0 - sweat_l * np.asarray(p["sweat_na"])
                   + drunk_l * np.asarray(p["drink_na"]))
    _first_bad(context, ~(water_l > 0),
               "the losses (sweat and urine) use up all the body water "
               "(0.6 × body_mass_kg plus what was drunk): the model stops meaning anything "
               "long before that; shorten hours or lower sweat_rate_l_per_h")
    _first_bad(context, ~(sodium_mmol > 0),
               "the sweat carries away more sodium than the body holds: shorten hours or "
               "lower sweat_rate_l_per_h or sweat_sodium_mmol_l")
    return water_l, sodium_mmol / water_l, drunk_l, sweat_l


def serum_sodium_mmol_l(body_mass_kg, hours, sweat_rate_l_per_h, sweat_sodium_mmol_l,
                        drink_rate_l_per_h, drink_sodium_mmol_l=0.0, urine_l=0.0,
                        start_sodium_mmol_l=DEFAULT_START_SODIUM_MMOL_L):
    """Serum sodium at the end of a run: a teaching model of drinking too much or too little.

    ``[Na]_end = ([Na]_0·TBW0 − sweat_L·[Na]_sweat + drink_L·[Na]_drink)
    / (TBW0 + drink_L − sweat_L − urine_L)``, with ``TBW0 = 0.6·body mass``,
    ``sweat_L = sweat rate × hours`` and ``drink_L = drink rate × hours``.

    **A teaching model, not a published one.** Sodium is assumed to spread
    through all body water; the model ignores osmotically inactive sodium,
    potassium and antidiuretic hormone (which keeps the kidneys from getting
    rid of extra water during a race), and counts urine as water without
    sodium. It shows the direction and rough size of the effect only. Its
    direction agrees with Almond et al. 2005: weight gain went with
    hyponatraemia (serum sodium <= 135 mmol/L in 13 % of 488 Boston
    finishers, <= 120 mmol/L in 0.6 %).

    Parameters
    ----------
    body_mass_kg : float or array_like
        Body mass at the start, kg; in [30, 200].
    hours : float or array_like
        Duration, h; in [0, 48].
    sweat_rate_l_per_h : float or array_like
        Sweat rate, L/h; in [0, 6]. Typical: 1.21 ± 0.68 L/h (Baker et al. 2016).
    sweat_sodium_mmol_l : float or array_like
        Sodium in sweat, mmol/L; in [0, 150]. Typical: 35.9 ± 10.4 mmol/L
        (range 18.2–70.8; Baker et al. 2016).
    drink_rate_l_per_h : float or array_like
        Drinking rate, L/h; in [0, 3].
    drink_sodium_mmol_l : float or array_like, optional
        Sodium in the drink, mmol/L; in [0, 200]. Default 0 (water); a
        typical sports drink has about 18 mmol/L (⚠️ Almond et al. 2005,
        discussion).
    urine_l : float or array_like, optional
        Urine passed during the run (in total, not per hour), L; in [0, 10].
        Default 0.
    start_sodium_mmol_l : float or array_like, optional
        Serum sodium at the start, mmol/L; in [110, 160]. Default 140.

    Returns
    -------
    float or numpy.ndarray
        Serum sodium at the end, mmol/L. For 70 kg, 4.5 h, sweat 0.8 L/h at
        40 mmol/L and 0.3 L of urine: 131.9 drinking 1.2 L/h of water
        (hyponatraemic, +1.5 kg), 140.6 drinking 0.6 L/h (−1.2 kg), 134.1
        drinking 1.2 L/h of an 18 mmol/L sports drink. Equal to the last row
        of :func:`serum_sodium_course`.

    Raises
    ------
    ValueError
        Any input out of range or not a number, or a combination that would
        leave no body water or no sodium (the model has long stopped being
        meaningful by then).

    References
    ----------
    Almond CSD et al. Hyponatremia among runners in the Boston Marathon.
    N Engl J Med 2005;352(15):1550–1556. https://doi.org/10.1056/NEJMoa043901
    Hew-Butler T et al. Clin J Sport Med 2015;25(4):303–320 (third consensus
    statement: let thirst guide drinking).
    https://doi.org/10.1097/JSM.0000000000000221
    """
    context = "serum_sodium_mmol_l"
    p = _check_sodium_inputs(context, body_mass_kg, hours, sweat_rate_l_per_h, sweat_sodium_mmol_l,
                             drink_rate_l_per_h, drink_sodium_mmol_l, urine_l, start_sodium_mmol_l)
    _, sodium, _, _ = _sodium_balance(context, p, np.asarray(p["hours"]), np.asarray(p["urine"]))
    return scalar_or_array(sodium)


def serum_sodium_course(body_mass_kg, hours, sweat_rate_l_per_h, sweat_sodium_mmol_l,
                        drink_rate_l_per_h, drink_sodium_mmol_l=0.0, urine_l=0.0,
                        start_sodium_mmol_l=DEFAULT_START_SODIUM_MMOL_L, *, step_h=0.1):
    """Body-mass change and serum sodium through a run (the teaching model of
    :func:`serum_sodium_mmol_l`, hour by hour).

    Sweating and drinking go on at steady rates and the urine is passed
    evenly through the run. **A teaching model**: see
    :func:`serum_sodium_mmol_l` for what it leaves out.

    Parameters
    ----------
    body_mass_kg, hours, sweat_rate_l_per_h, sweat_sodium_mmol_l, drink_rate_l_per_h, drink_sodium_mmol_l, urine_l, start_sodium_mmol_l : float
        As for :func:`serum_sodium_mmol_l`, each a single number.
    step_h : float, optional
        Time between rows, h; in [0.01, 1]. Default 0.1 (6 min). The last
        row is always at ``hours`` exactly.

    Returns
    -------
    pandas.DataFrame
        One row per time, columns:

        - ``hours``: time since the start, h;
        - ``drunk_l``, ``sweat_l``, ``urine_l``: totals so far, L;
        - ``body_mass_change_kg``: drunk − sweat − urine, kg (1 L = 1 kg;
          positive is a gain, the over-drinker's sign);
        - ``body_mass_change_pct``: the same as % of starting body mass
          (below −2 % is the ACSM's dehydration zone);
        - ``serum_sodium_mmol_l``: serum sodium, mmol/L (<= 135 is
          hyponatraemia; see :data:`HYDRATION_THRESHOLDS`).

        The last row's ``serum_sodium_mmol_l`` equals
        :func:`serum_sodium_mmol_l` for the same inputs.

    References
    ----------
    As for :func:`serum_sodium_mmol_l`.
    """
    context = "serum_sodium_course"
    p = _check_sodium_inputs(
        context, body_mass_kg, hours, sweat_rate_l_per_h, sweat_sodium_mmol_l,
        drink_rate_l_per_h, drink_sodium_mmol_l, urine_l, start_sodium_mmol_l,
        check=check_single)
    step = check_single("step_h", step_h, "h", 0.01, 1.0, context=context)
    duration = p["hours"]
    steps = max(int(math.ceil(duration / step - 1e-9)), 0)
    # Rounded so that the times read as 0.1, 0.2, 0.3 … rather than 0.30000000000000004.
    t = np.minimum(np.round(np.arange(steps + 1) * step, 9), duration)
    t[-1] = duration
    # Urine passed evenly through the run; a zero-length run passes it all at once.
    urine_so_far = p["urine"] * (t / duration if duration > 0 else np.ones_like(t))
    water, sodium, drunk, sweat = _sodium_balance(context, p, t, urine_so_far)
    change_kg = (drunk - sweat - urine_so_far) * LITRES_PER_KG_WATER
    return pd.DataFrame({
        "hours": t,
        "drunk_l": drunk,
        "sweat_l": sweat,
        "urine_l": urine_so_far,
        "body_mass_change_kg": change_kg,
        "body_mass_change_pct": change_kg / p["mass"] * 100.0,
        "serum_sodium_mmol_l": sodium,
    })


# ---------------------------------------------------------------------------
# 4.3 Carbohydrate during and after exercise; glycogen resynthesis
# ---------------------------------------------------------------------------


def carbohydrate_during_exercise(duration_h) -> CarbohydrateBand:
    """The carbohydrate advice for exercise lasting ``duration_h`` (Jeukendrup 2014).

    =================  ==============================================  ========
    duration           advice                                          evidence
    =================  ==============================================  ========
    up to 0.5 h        none needed                                     ⚠️ course convention
    0.5–1 h            a mouth rinse or small amounts                  primary
    1–2 h              up to 30 g/h                                    ⚠️ commonly quoted
    2–2.5 h            up to about 60 g/h (one carbohydrate source)    primary
    over 2.5 h         up to about 90 g/h (glucose:fructose)           primary
    =================  ==============================================  ========

    Each band includes its upper end (1.0 h is "mouth rinse", 2.5 h is
    "60 g/h"). The source's bands overlap: "2–3 h: up to 60 g/h" and
    "ultra-endurance (> 2.5 h): about 90 g/h" (GSSI SSE #108 advises 90 g/h
    for 2.5 h or more); between 2.5 and 3 h either applies, and here 90 g/h
    does. The advice does not depend on body mass. The "1–2 h: up to 30 g/h"
    band is the commonly reproduced figure from the paper, not stated in its
    abstract (⚠️); "none" for the shortest runs is the course's convention.

    Parameters
    ----------
    duration_h : float
        How long the exercise lasts, h; in [0, 48]; a single number.

    Returns
    -------
    CarbohydrateBand
        The band; ``.max_g_per_h`` is the upper intake in g/h (``None`` for
        "a mouth rinse or small amounts"), ``.advice`` the words, ``.source``
        the citation. All bands are in :data:`CARBOHYDRATE_DURING_EXERCISE`.

    References
    ----------
    Jeukendrup A. A step towards personalized sports nutrition: carbohydrate
    intake during exercise. Sports Med 2014;44(Suppl 1):S25–S33.
    https://doi.org/10.1007/s40279-014-0148-z
    Jeukendrup AE. Multiple transportable carbohydrates and their benefits.
    GSSI Sports Science Exchange 2013;26(108) (oxidation up to 1.75 g/min).
    """
    duration = check_single("duration_h", duration_h, "h", *DURATION_RANGE_H,
                            context="carbohydrate_during_exercise")
    for band in CARBOHYDRATE_DURING_EXERCISE:
        if duration <= band.up_to_h:
            return band
    raise AssertionError("the last band is open-ended")  # pragma: no cover


def recovery_carbohydrate_g(body_mass_kg, hours):
    """Carbohydrate to eat after a long run: 1.0–1.2 g per kg per hour, first 4 h.

    Parameters
    ----------
    body_mass_kg : float or array_like
        Body mass, kg; in [30, 200].
    hours : float or array_like
        Hours of recovery counted, h; in [0, 4]: the advice covers the first
        4 h only (after that, normal meals at 7–12 g/kg/day when training
        hard).

    Returns
    -------
    tuple of (float or numpy.ndarray)
        ``(low, high)`` carbohydrate, g: (280, 336) for 70 kg over 4 h.

    References
    ----------
    Wallis GA, Podlogar T. Dietary carbohydrate and the endurance athlete:
    contemporary perspectives. GSSI Sports Science Exchange 2022.
    Ivy JL. J Sports Sci Med 2004;3(3):131–138 (about 1.2 g/kg/h, taken
    frequently).
    """
    context = "recovery_carbohydrate_g"
    mass = np.asarray(_check_body_mass("body_mass_kg", body_mass_kg, context))
    duration = np.asarray(check_range("hours", hours, "h", 0.0, RECOVERY_WINDOW_H, context=context))
    low, high = RECOVERY_CARBOHYDRATE_G_PER_KG_PER_H
    return scalar_or_array(low * mass * duration), scalar_or_array(high * mass * duration)


def glycogen_resynthesis_g_per_h(muscle_mass_kg,
                                 rate_mmol_per_kg_per_h=DEFAULT_RESYNTHESIS_MMOL_PER_KG_PER_H):
    """Glycogen stored per hour in refuelling muscle, g/h.

    ``g/h = rate (mmol glucosyl units/kg/h) × muscle mass (kg) × 162 mg/mmol``

    A unit conversion: each glucosyl unit of glycogen weighs 162 mg/mmol.

    Parameters
    ----------
    muscle_mass_kg : float or array_like
        Mass of the muscle refilling, kg wet weight; in [1, 60]. The legs of
        a 70 kg runner hold about 15 kg (``0.21 × body mass``, chapter 1).
    rate_mmol_per_kg_per_h : float or array_like, optional
        Resynthesis rate, mmol glucosyl units per kg wet muscle per h; in
        [0, 20]. Default 8, between the group means of 7.9 (men) and 8.2
        (women) measured by Flynn et al. 2020 with 1.6 g/kg of carbohydrate
        at 0 and 2 h; people differ by about ±2.7 around them. Far lower without
        carbohydrate.

    Returns
    -------
    float or numpy.ndarray
        Glycogen stored, g/h: 25.9 g/h at 8 mmol/kg/h in 20 kg of muscle.

    References
    ----------
    Flynn S et al. Eur J Appl Physiol 2020;120:1131.
    Ivy JL. J Sports Sci Med 2004;3(3):131–138.
    """
    context = "glycogen_resynthesis_g_per_h"
    muscle = np.asarray(check_range("muscle_mass_kg", muscle_mass_kg, "kg", *MUSCLE_MASS_RANGE_KG,
                                    context=context))
    rate = np.asarray(check_range("rate_mmol_per_kg_per_h", rate_mmol_per_kg_per_h, "mmol/kg/h",
                                  *RESYNTHESIS_RANGE_MMOL_PER_KG_PER_H, context=context))
    return scalar_or_array(rate * muscle * GLUCOSYL_UNIT_MG_PER_MMOL / 1000.0)


def glycogen_refill_hours(deficit_g, muscle_mass_kg,
                          rate_mmol_per_kg_per_h=DEFAULT_RESYNTHESIS_MMOL_PER_KG_PER_H):
    """Hours to put back ``deficit_g`` of muscle glycogen at a steady rate.

    ``hours = deficit_g / glycogen_resynthesis_g_per_h(muscle_mass_kg, rate)``

    **Illustrative**: it assumes the measured early rate lasts until the
    stores are full. In reality the rate depends on the carbohydrate eaten
    (1.0–1.2 g/kg/h is advised for the first 4 h) and slows as the stores
    fill, so real refilling takes longer than this.

    Parameters
    ----------
    deficit_g : float or array_like
        Glycogen to put back, g; in [0, 2000].
    muscle_mass_kg : float or array_like
        Mass of the muscle refilling, kg; in [1, 60].
    rate_mmol_per_kg_per_h : float or array_like, optional
        Resynthesis rate, mmol glucosyl units/kg/h; > 0 and <= 20. Default 8.

    Returns
    -------
    float or numpy.ndarray
        Time, h: 11.6 h to put back 300 g into 20 kg of muscle at 8 mmol/kg/h.

    References
    ----------
    Flynn S et al. Eur J Appl Physiol 2020;120:1131 (the rate); the constant
    rate is this course's simplification.
    """
    context = "glycogen_refill_hours"
    deficit = np.asarray(check_range("deficit_g", deficit_g, "g", *GLYCOGEN_DEFICIT_RANGE_G,
                                     context=context))
    muscle = np.asarray(check_range("muscle_mass_kg", muscle_mass_kg, "kg", *MUSCLE_MASS_RANGE_KG,
                                    context=context))
    rate = np.asarray(check_range("rate_mmol_per_kg_per_h", rate_mmol_per_kg_per_h, "mmol/kg/h",
                                  *RESYNTHESIS_RANGE_MMOL_PER_KG_PER_H, low_inclusive=False,
                                  context=context))
    return scalar_or_array(deficit / (rate * muscle * GLUCOSYL_UNIT_MG_PER_MMOL / 1000.0))


# ---------------------------------------------------------------------------
# 4.4 Oxygen content, anaemia and ferritin
# ---------------------------------------------------------------------------


def arterial_o2_content(hb_g_dl, sao2, pao2_mmhg, *, hb_o2_ml_per_g=HB_O2_ML_PER_G,
                        dissolved_o2_ml_per_dl_per_mmhg=DISSOLVED_O2_ML_PER_DL_PER_MMHG):
    """Oxygen carried by arterial blood: ``CaO2 = 1.34·Hb·SaO2 + 0.003·PaO2``.

    Almost all of it rides on haemoglobin; the dissolved part is small. So
    20 % less haemoglobin carries about 20 % less oxygen to the legs, and no
    amount of breathing makes up for it.

    Parameters
    ----------
    hb_g_dl : float or array_like
        Haemoglobin, g/dL; in [0, 25] (150 g/L is 15 g/dL).
    sao2 : float or array_like
        Arterial oxygen saturation as a **fraction**, in [0, 1]: 0.98, not 98.
    pao2_mmhg : float or array_like
        Arterial partial pressure of oxygen, mmHg; in [0, 700] (13 kPa ≈ 100 mmHg).
    hb_o2_ml_per_g : float, optional
        Oxygen bound per g of saturated haemoglobin, mL/g; in [1.34, 1.39]
        (sources differ). Default 1.34.
    dissolved_o2_ml_per_dl_per_mmhg : float, optional
        Dissolved oxygen, mL O2/dL per mmHg; in [0.003, 0.0031]. Default 0.003.

    Returns
    -------
    float or numpy.ndarray
        CaO2, mL O2 per dL of blood: 20.00 for Hb 15 g/dL, SaO2 0.98, PaO2
        100 mmHg; 16.06 with Hb 12 g/dL (20 % less).

    References
    ----------
    Standard respiratory physiology; the constants 1.34–1.39 mL/g and
    0.003–0.0031 mL/dL/mmHg as given by clinical calculators (respcalc.com,
    whose worked example, Hb 14, SaO2 0.95, PaO2 120 with 0.0031, gives
    18.19 mL/dL).
    """
    context = "arterial_o2_content"
    try:
        hb = check_range("hb_g_dl", hb_g_dl, "g/dL", *HB_RANGE_G_DL, context=context)
    except ValueError as exc:
        raise ValueError(f"{exc}; give haemoglobin in g/dL (150 g/L is 15 g/dL)") from None
    try:
        sat = check_range("sao2", sao2, "", *SAO2_RANGE, context=context)
    except ValueError as exc:
        hint = "; sao2 is a fraction, not a percentage (98 % is 0.98)"
        values = np.ravel(np.asarray(sao2, dtype=object))
        percent = [float(v) for v in values if isinstance(v, (int, float, np.number))
                   and not isinstance(v, (bool, np.bool_)) and 1.0 < float(v) <= 100.0]
        if percent:
            hint = (f"; sao2 is a fraction, not a percentage: did you mean "
                    f"{percent[0] / 100:g} for {percent[0]:g} %?")
        raise ValueError(f"{exc}{hint}") from None
    pao2 = check_range("pao2_mmhg", pao2_mmhg, "mmHg", *PAO2_RANGE_MMHG, context=context)
    bound = check_single("hb_o2_ml_per_g", hb_o2_ml_per_g, "mL/g", *HB_O2_RANGE_ML_PER_G, context=context)
    dissolved = check_single("dissolved_o2_ml_per_dl_per_mmhg", dissolved_o2_ml_per_dl_per_mmhg,
                             "mL/dL/mmHg", *DISSOLVED_O2_RANGE_ML_PER_DL_PER_MMHG, context=context)
    content = bound * np.asarray(hb) * np.asarray(sat) + dissolved * np.asarray(pao2)
    return scalar_or_array(content)


_WHO_ANAEMIA = {"men": HAEMOGLOBIN_THRESHOLDS[0], "women": HAEMOGLOBIN_THRESHOLDS[1]}


def is_anaemic(hb_g_dl, population):
    """Whether haemoglobin is below the WHO anaemia cut-off.

    Parameters
    ----------
    hb_g_dl : float or array_like
        Haemoglobin, g/dL; in [0, 25] (the unit of :func:`arterial_o2_content`;
        the WHO gives its cut-offs in g/L, 10 × larger).
    population : {"men", "women"}
        Which cut-off: men < 130 g/L (13 g/dL); non-pregnant women < 120 g/L
        (12 g/dL).

    Returns
    -------
    bool or numpy.ndarray of bool
        True below the cut-off. A blood test read by a clinician, not this
        function, decides; anaemia has causes other than iron.

    References
    ----------
    World Health Organization. WHO/NMH/NHD/MNM/11.1, 2011.
    """
    context = "is_anaemic"
    if population not in _WHO_ANAEMIA:
        raise ValueError(f"{context}: population must be one of {sorted(_WHO_ANAEMIA)} "
                         f"(got {population!r})")
    hb = check_range("hb_g_dl", hb_g_dl, "g/dL", *HB_RANGE_G_DL, context=context)
    return _WHO_ANAEMIA[population].flags(np.asarray(hb) * 10.0)


def ferritin_status(ferritin_ug_l) -> str:
    """Iron stores from serum ferritin, by the Swiss sports-medicine consensus.

    Parameters
    ----------
    ferritin_ug_l : float
        Serum ferritin, µg/L (= ng/mL); in [0, 5000]; a single number. For
        athletes over 15 years.

    Returns
    -------
    str
        ``"empty"`` below 15 µg/L, ``"low"`` from 15 to below 30 µg/L,
        ``"adequate"`` from 30 µg/L (the cut-off), ``"adequate for altitude"``
        from 50 µg/L (the level to attain before altitude training).
        Ferritin rises with inflammation, so a normal value can hide a
        deficiency; a clinician interprets it.

    References
    ----------
    Clénin G et al. Swiss Med Wkly 2015;145:w14196.
    https://doi.org/10.4414/smw.2015.14196
    """
    ferritin = check_single("ferritin_ug_l", ferritin_ug_l, "µg/L", *FERRITIN_RANGE_UG_L,
                            context="ferritin_status")
    empty, low, altitude = FERRITIN_THRESHOLDS
    if empty.flags(ferritin):
        return "empty"
    if low.flags(ferritin):
        return "low"
    if altitude.flags(ferritin):
        return "adequate"
    return "adequate for altitude"


# ---------------------------------------------------------------------------
# 4.5 Vitamin D
# ---------------------------------------------------------------------------


def vitamin_d_nmol_per_l(ng_per_ml):
    """Serum 25-hydroxyvitamin D, ng/mL → nmol/L (× 2.496).

    Parameters
    ----------
    ng_per_ml : float or array_like
        25(OH)D, ng/mL; in [0, 250].

    Returns
    -------
    float or numpy.ndarray
        25(OH)D, nmol/L: 49.9 for 20 ng/mL, 74.9 for 30 ng/mL. The factor is
        1000 / 400.6 g/mol, the molar mass of 25(OH)D3 (❓ not checked
        against a primary source); "20 ng/mL = 50 nmol/L" and "30 ng/mL =
        75 nmol/L" in guidelines are rounded.
    """
    ng = check_range("ng_per_ml", ng_per_ml, "ng/mL", *VITAMIN_D_RANGE_NG_PER_ML,
                     context="vitamin_d_nmol_per_l")
    return scalar_or_array(np.asarray(ng) * VITAMIN_D_NMOL_PER_L_PER_NG_PER_ML)


def vitamin_d_ng_per_ml(nmol_per_l):
    """Serum 25-hydroxyvitamin D, nmol/L → ng/mL (÷ 2.496), the inverse of :func:`vitamin_d_nmol_per_l`.

    Parameters
    ----------
    nmol_per_l : float or array_like
        25(OH)D, nmol/L; in [0, 624] (250 ng/mL).

    Returns
    -------
    float or numpy.ndarray
        25(OH)D, ng/mL: 30.0 for 74.88 nmol/L.
    """
    high = VITAMIN_D_RANGE_NG_PER_ML[1] * VITAMIN_D_NMOL_PER_L_PER_NG_PER_ML
    nmol = check_range("nmol_per_l", nmol_per_l, "nmol/L", 0.0, high,
                       context="vitamin_d_ng_per_ml")
    return scalar_or_array(np.asarray(nmol) / VITAMIN_D_NMOL_PER_L_PER_NG_PER_ML)


def vitamin_d_status(ng_per_ml) -> str:
    """Vitamin D status by the Endocrine Society 2011 cut-offs (⚠️ secondary table).

    Parameters
    ----------
    ng_per_ml : float
        25(OH)D, ng/mL; in [0, 250]; a single number (use
        :func:`vitamin_d_ng_per_ml` to convert from nmol/L).

    Returns
    -------
    str
        ``"deficient"`` below 20 ng/mL (< 50 nmol/L), ``"insufficient"`` from
        20 to below 30 ng/mL (given as "21–29 ng/mL"; the gaps at 20–21 and
        29–30 are closed here), ``"sufficient"`` from 30 ng/mL (≥ 75 nmol/L).
        The IOM puts deficiency lower (< 12 ng/mL, adequate from 20), and GSSI
        advises athletes to stay above 75 nmol/L, preferably above 100: see
        :data:`VITAMIN_D_THRESHOLDS`.

    References
    ----------
    Holick MF et al. J Clin Endocrinol Metab 2011;96(7):1911–1930.
    https://doi.org/10.1210/jc.2011-0385 (values via a secondary comparison
    table, ⚠️).
    """
    ng = check_single("ng_per_ml", ng_per_ml, "ng/mL", *VITAMIN_D_RANGE_NG_PER_ML,
                      context="vitamin_d_status")
    deficiency, insufficiency = VITAMIN_D_THRESHOLDS[0], VITAMIN_D_THRESHOLDS[1]
    if deficiency.flags(ng):
        return "deficient"
    if insufficiency.flags(ng):
        return "insufficient"
    return "sufficient"
