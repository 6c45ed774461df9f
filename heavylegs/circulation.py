"""Chapter 5 models: circulation — oxygen in, blood back, and the clinic's tests.

Pure, numpy/pandas-based functions and published cut-offs kept as data. Every
docstring gives the unit of each parameter and return value, the allowed range
that is checked on entry (a bad input raises ``ValueError`` naming the
parameter, its unit and the range), and the source of the equation or number.

What is published and what is a teaching construction
-----------------------------------------------------
* Oxygen uptake and delivery (:func:`fick_vo2`, :func:`oxygen_delivery_ml_min`):
  the Fick principle, ``VO2 = Q·(CaO2 − CvO2)``, and ``DO2 = Q·CaO2``. The
  oxygen content of blood is chapter 4's
  :func:`heavylegs.nutrition.arterial_o2_content` (the same function, which
  also serves for venous blood with the venous saturation and PO2).
* The pressure of a column of blood (:func:`hydrostatic_pressure_mmhg`):
  ``ρ·g·h``, standard physics.
* Ankle vein pressure while standing and walking
  (:func:`ankle_vein_pressure_course`, :func:`walking_vein_pressure_mmhg`):
  **a teaching model, not a published one.** Standing, the ankle veins carry
  the blood column from the heart; each contraction of the calf pushes out a
  share of the calf veins' blood (valves stop it falling back), and between
  contractions the veins refill with a time constant set by the refill time.
  It is calibrated only so that a healthy calf at a walk lands in the measured
  range (84 mmHg standing, 23.5–30.4 mmHg walking: Stick et al. 1992; refill
  in about 31 s: Pollack et al. 1949); it predicts no one's pressure.
* Compartment pressures (:func:`pedowitz_positive`): the modified criteria of
  Pedowitz et al. 1990, kept as data (:data:`PEDOWITZ_CRITERIA`) with the later
  evidence that questions them (Roberts & Franklyn-Miller 2012; Lindorsson et
  al. 2021).
* Ankle–brachial index (:func:`ankle_brachial_index`, :func:`abi_category`):
  the AHA method and categories (Aboyans et al. 2012).

None of this diagnoses anyone. One-sided calf swelling with pain or warmth is a
possible deep-vein thrombosis and needs a clinician the same day; exercise pain
that comes back at the same point, numbness, calf pain on walking that eases
with rest, or cold pale feet need a clinician too.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from heavylegs.nutrition import PRIMARY, SECONDARY, Threshold
from heavylegs.validation import check_range, check_single, scalar_or_array

__all__ = [
    "Threshold",
    "AbiCategory",
    "PEDOWITZ_CRITERIA",
    "ABI_CATEGORIES",
    "fick_vo2",
    "oxygen_delivery_ml_min",
    "oxygen_extraction_fraction",
    "hydrostatic_pressure_mmhg",
    "walking_vein_pressure_mmhg",
    "ankle_vein_pressure_course",
    "walking_steps_to_settle",
    "pedowitz_positive",
    "pedowitz_criteria_met",
    "ankle_brachial_index",
    "abi_category",
    "abi_change_pct",
]

# --- Sources (short citations; DOIs where known) ----------------------------
PEDOWITZ_1990 = ("Pedowitz RA, Hargens AR, Mubarak SJ, Gershuni DH. Modified criteria for the objective "
                 "diagnosis of chronic compartment syndrome of the leg. Am J Sports Med 1990;18(1):35–40. "
                 "https://doi.org/10.1177/036354659001800106")
AWEID_2012 = ("Aweid O, Del Buono A, Malliaras P, et al. Systematic review and recommendations for "
              "intracompartmental pressure monitoring in diagnosing chronic exertional compartment syndrome "
              "of the leg. Clin J Sport Med 2012;22(4):356–370. https://doi.org/10.1097/JSM.0b013e3182580e1d")
LINDORSSON_2021 = ("Lindorsson S, Zhang Q, Brisby H, Rennerfelt K. Significantly lower intramuscular pressure in "
                   "the posterior and lateral compartments compared with the anterior compartment suggests "
                   "alterations of the diagnostic criteria for chronic exertional compartment syndrome in the lower "
                   "leg. Knee Surg Sports Traumatol Arthrosc 2021;29(4) (1-min medians with the syndrome: deep "
                   "posterior 33, superficial posterior 35, lateral 40, anterior 47 mmHg; without: 12–18 mmHg).")
ROBERTS_2012 = ("Roberts A, Franklyn-Miller A. The validity of the diagnostic criteria used in chronic exertional "
                "compartment syndrome: a systematic review. Scand J Med Sci Sports 2012;22(5):585–595. "
                "https://doi.org/10.1111/j.1600-0838.2011.01386.x")
STICK_1992 = ("Stick C, Jaeger H, Witzleb E. Measurements of volume changes and venous pressure in the human lower "
              "leg during walking and running. J Appl Physiol 1992;72(6):2063–2068. "
              "https://doi.org/10.1152/jappl.1992.72.6.2063 (median ankle vein pressure 84.0 mmHg standing, "
              "23.5 walking at 3 km/h, 30.4 at 6 km/h, 29.5 running at 10 km/h).")
POLLACK_1949 = ("Pollack AA, Taylor BE, Myers TT, Wood EH. The effect of exercise and body position on the venous "
                "pressure at the ankle in patients having venous valvular defects. J Clin Invest 1949;28(3):559–563. "
                "https://doi.org/10.1172/JCI102103 (pressure recovered in 31 (8–57) s after walking in normal "
                "legs, 2.8 s with an incompetent saphenous vein).")
ABOYANS_2012 = ("Aboyans V, Criqui MH, Abraham P, et al. Measurement and interpretation of the ankle-brachial "
                "index: a scientific statement from the American Heart Association. Circulation "
                "2012;126(24):2890–2909. https://doi.org/10.1161/CIR.0b013e318276fbcb")

KYTE_2023 = ("Kyte KH et al. Post-exercise ankle-brachial index is reduced in healthy, young individuals at a "
             "level indicating peripheral artery disease. Clin Pract 2023;13(2). "
             "https://doi.org/10.3390/clinpract13020049")
MILLER_2021 = ("Leg compartment pressures in collegiate runners: a comparison of symptomatic and asymptomatic "
               "athletes. Br J Sports Med 2021;55(Suppl 1) (conference abstract: 11 of 30 runners without "
               "symptoms met the 1-min criterion).")

# --- Physical constants ------------------------------------------------------
#: Standard gravity, m/s².
STANDARD_GRAVITY_M_S2 = 9.80665
#: One millimetre of mercury, Pa.
PA_PER_MMHG = 133.322387415
#: Density of whole blood, kg/m³ (about 1.06 times water).
BLOOD_DENSITY_KG_M3 = 1060.0

# --- Ranges checked on entry ---------------------------------------------------
#: Cardiac output, L/min: 0 up to beyond the highest measured in endurance athletes (about 40).
CARDIAC_OUTPUT_RANGE_L_MIN = (0.0, 45.0)
#: Oxygen content of blood, mL O2/dL: up to Hb 20 g/dL fully saturated breathing pure oxygen (about 29).
O2_CONTENT_RANGE_ML_DL = (0.0, 30.0)
#: Height of a blood column, m: from nothing to more than heart-to-foot in the tallest runner.
COLUMN_HEIGHT_RANGE_M = (0.0, 3.0)
#: Blood density, kg/m³: plasma (about 1025) to very concentrated blood.
BLOOD_DENSITY_RANGE_KG_M3 = (1000.0, 1100.0)
#: Steps per minute: 0 is standing still; 240 is beyond a sprinter.
CADENCE_RANGE_SPM = (0.0, 240.0)
#: Share of the calf veins' blood pushed out by one contraction: 0 (no pump) to 0.9.
EJECTION_FRACTION_RANGE = (0.0, 0.9)
#: Time for the ankle veins to regain 90 % of the pressure lost, s.
REFILL_TIME_RANGE_S = (1.0, 120.0)
#: Duration of each phase of the standing/walking course, s.
PHASE_RANGE_S = (0.0, 600.0)
#: Intramuscular (compartment) pressure, mmHg.
COMPARTMENT_PRESSURE_RANGE_MMHG = (0.0, 200.0)
#: Systolic pressure at the ankle, mmHg: 0 (no signal) up to a calcified artery the cuff cannot close.
ANKLE_PRESSURE_RANGE_MMHG = (0.0, 350.0)
#: Systolic pressure in the arm, mmHg: a measurable arm pressure.
BRACHIAL_PRESSURE_RANGE_MMHG = (50.0, 300.0)
#: Ankle–brachial index, dimensionless.
ABI_RANGE = (0.0, 5.0)

# --- Calibration of the teaching model of the calf pump ------------------------
#: Share of the calf veins' blood pushed out by one walking step in the teaching model. A full tiptoe
#: raise ejects more (about 65 % in healthy legs); this value is chosen only so that a healthy calf at a
#: walk brings a 1.2 m column (93.6 mmHg) into the range Stick et al. 1992 measured (23.5–30.4 mmHg).
WALKING_EJECTION_FRACTION = 0.18
#: A healthy refill time, s: Pollack et al. 1949 measured 31 s (8–57 s) in normal legs after walking.
HEALTHY_REFILL_TIME_S = 31.0
#: A short refill time, s, as when leaky valves let blood fall back: 2.8 s with an incompetent saphenous
#: vein (Pollack et al. 1949).
LEAKY_VALVES_REFILL_TIME_S = 3.0
#: Below the normal range of refill times measured by Pollack et al. 1949 (8–57 s), s.
NORMAL_REFILL_TIME_MIN_S = 8.0

# --- Guidance as data ------------------------------------------------------------------

#: The modified Pedowitz criteria (any one, with a history and examination that fit): intramuscular
#: pressure in mmHg before exercise, 1 min after and 5 min after.
PEDOWITZ_CRITERIA = (
    Threshold("compartment pressure before exercise", "adults with exercise leg pain",
              "chronic exertional compartment syndrome", ">=", 15.0, "mmHg", PRIMARY, PEDOWITZ_1990),
    Threshold("compartment pressure 1 min after exercise", "adults with exercise leg pain",
              "chronic exertional compartment syndrome", ">=", 30.0, "mmHg", PRIMARY, PEDOWITZ_1990),
    Threshold("compartment pressure 5 min after exercise", "adults with exercise leg pain",
              "chronic exertional compartment syndrome", ">=", 20.0, "mmHg", PRIMARY, PEDOWITZ_1990),
)


@dataclass(frozen=True)
class AbiCategory:
    """A band of the ankle–brachial index and what it means.

    Attributes
    ----------
    name : str
        ``"abnormal"``, ``"borderline"``, ``"normal"`` or ``"non-compressible"``.
    above, up_to : float
        The band covers ``above < abi <= up_to`` (``up_to`` may be ``inf``).
    meaning : str
        What a result in the band means.
    evidence : str
        How well the course could check it: :data:`PRIMARY` or :data:`SECONDARY`.
    source : str
        The citation.
    """

    name: str
    above: float
    up_to: float
    meaning: str
    evidence: str
    source: str


#: The AHA's reading of a resting ankle–brachial index (Aboyans et al. 2012), lowest band first. The cut-offs
#: were read in consistent secondary sources quoting the statement, not in the statement itself.
ABI_CATEGORIES = (
    AbiCategory("abnormal", -math.inf, 0.90,
                "peripheral artery disease: the arteries to the leg are narrowed", SECONDARY, ABOYANS_2012),
    AbiCategory("borderline", 0.90, 0.99,
                "a narrowing is possible", SECONDARY, ABOYANS_2012),
    AbiCategory("normal", 0.99, 1.40, "no narrowing shown at rest", SECONDARY, ABOYANS_2012),
    AbiCategory("non-compressible", 1.40, math.inf,
                "the cuff could not squeeze the stiff, often calcified, artery shut: the index cannot be "
                "read, and other tests are needed", SECONDARY, ABOYANS_2012),
)

# ---------------------------------------------------------------------------
# Oxygen in: the Fick principle
# ---------------------------------------------------------------------------


def _check_contents(context, cao2_ml_dl, cvo2_ml_dl):
    cao2 = check_range("cao2_ml_dl", cao2_ml_dl, "mL/dL", *O2_CONTENT_RANGE_ML_DL, context=context)
    cvo2 = check_range("cvo2_ml_dl", cvo2_ml_dl, "mL/dL", *O2_CONTENT_RANGE_ML_DL, context=context)
    above = np.asarray(cvo2) > np.asarray(cao2)
    if np.any(above):
        index = int(np.flatnonzero(np.ravel(np.broadcast_to(above, np.broadcast(cao2, cvo2).shape)))[0])
        where = f" at index {index}" if np.ndim(above) else ""
        a = float(np.ravel(np.broadcast_to(cao2, np.shape(above)))[index])
        v = float(np.ravel(np.broadcast_to(cvo2, np.shape(above)))[index])
        raise ValueError(f"{context}: cvo2_ml_dl (mL/dL) must not exceed cao2_ml_dl (got {v:g} mL/dL venous "
                         f"against {a:g} mL/dL arterial{where}): blood leaving the muscle cannot carry more "
                         "oxygen than blood arriving")
    return cao2, cvo2


def fick_vo2(cardiac_output_l_min, cao2_ml_dl, cvo2_ml_dl):
    """Oxygen uptake by the Fick principle: ``VO2 = Q·(CaO2 − CvO2)``.

    What the body takes up is the blood pumped per minute times the oxygen each
    litre gives up on its way round. Either factor can limit it: how much blood
    the heart pumps, how much oxygen the blood carries (haemoglobin), and how
    much of it the muscles extract.

    Parameters
    ----------
    cardiac_output_l_min : float or array_like
        Cardiac output Q, L/min; in [0, 45] (about 5 at rest, 20–40 at maximum in trained runners).
    cao2_ml_dl : float or array_like
        Arterial oxygen content, mL O2 per dL of blood; in [0, 30] (about 20 in health; see
        :func:`heavylegs.nutrition.arterial_o2_content`).
    cvo2_ml_dl : float or array_like
        Mixed venous oxygen content, mL O2 per dL; in [0, 30] and not above ``cao2_ml_dl``
        (about 15 at rest, a few mL/dL at maximal exercise).

    Returns
    -------
    float or numpy.ndarray
        VO2, L O2/min: 0.25 at rest (Q 5 L/min, 20 and 15 mL/dL); 4.0 at Q 25 L/min with 20 and
        4 mL/dL.

    References
    ----------
    The Fick principle (Adolf Fick, 1870), as taught in every physiology text; the resting contents
    20 and 15 mL/dL are the usual textbook values.
    """
    context = "fick_vo2"
    q = check_range("cardiac_output_l_min", cardiac_output_l_min, "L/min", *CARDIAC_OUTPUT_RANGE_L_MIN,
                    context=context)
    cao2, cvo2 = _check_contents(context, cao2_ml_dl, cvo2_ml_dl)
    # L/min × mL/dL × 10 dL/L = mL/min; ÷ 1000 → L/min.
    return scalar_or_array(np.asarray(q) * (np.asarray(cao2) - np.asarray(cvo2)) / 100.0)


def oxygen_delivery_ml_min(cardiac_output_l_min, cao2_ml_dl):
    """Oxygen delivered by the heart each minute: ``DO2 = Q·CaO2``.

    Parameters
    ----------
    cardiac_output_l_min : float or array_like
        Cardiac output, L/min; in [0, 45].
    cao2_ml_dl : float or array_like
        Arterial oxygen content, mL O2/dL; in [0, 30].

    Returns
    -------
    float or numpy.ndarray
        DO2, mL O2/min: 1000 at rest (Q 5 L/min, 20 mL/dL); 5000 at Q 25 L/min.

    References
    ----------
    Standard physiology (DO2 = Q × CaO2 × 10, with Q in L/min and CaO2 in mL/dL).
    """
    context = "oxygen_delivery_ml_min"
    q = check_range("cardiac_output_l_min", cardiac_output_l_min, "L/min", *CARDIAC_OUTPUT_RANGE_L_MIN,
                    context=context)
    cao2 = check_range("cao2_ml_dl", cao2_ml_dl, "mL/dL", *O2_CONTENT_RANGE_ML_DL, context=context)
    return scalar_or_array(np.asarray(q) * np.asarray(cao2) * 10.0)


def oxygen_extraction_fraction(cao2_ml_dl, cvo2_ml_dl):
    """Share of the delivered oxygen that the tissues take out: ``(CaO2 − CvO2)/CaO2``.

    Parameters
    ----------
    cao2_ml_dl : float or array_like
        Arterial oxygen content, mL O2/dL; in (0, 30].
    cvo2_ml_dl : float or array_like
        Venous oxygen content, mL O2/dL; in [0, 30] and not above ``cao2_ml_dl``.

    Returns
    -------
    float or numpy.ndarray
        A fraction in [0, 1]: 0.25 at rest (20 and 15 mL/dL), 0.80 at maximal exercise (20 and 4).
    """
    context = "oxygen_extraction_fraction"
    check_range("cao2_ml_dl", cao2_ml_dl, "mL/dL", 0.0, O2_CONTENT_RANGE_ML_DL[1], low_inclusive=False,
                context=context)
    cao2, cvo2 = _check_contents(context, cao2_ml_dl, cvo2_ml_dl)
    return scalar_or_array(1.0 - np.asarray(cvo2) / np.asarray(cao2))


# ---------------------------------------------------------------------------
# Blood back: the column of blood and the calf pump
# ---------------------------------------------------------------------------


def hydrostatic_pressure_mmhg(height_m, density_kg_m3=BLOOD_DENSITY_KG_M3):
    """Pressure at the foot of a column of blood: ``ρ·g·h``, in mmHg.

    Standing still, the veins of the ankle carry the weight of the blood
    between them and the heart; this is why feet swell after a day standing.

    Parameters
    ----------
    height_m : float or array_like
        Height of the column, m; in [0, 3] (heart to ankle is about 1.2 m in an adult of 1.75 m).
    density_kg_m3 : float, optional
        Density of blood, kg/m³; in [1000, 1100]. Default 1060.

    Returns
    -------
    float or numpy.ndarray
        Pressure, mmHg: 93.6 for a 1.2 m column of blood.

    References
    ----------
    Hydrostatics (p = ρ·g·h), with standard gravity 9.80665 m/s² and 1 mmHg = 133.322 Pa.
    """
    context = "hydrostatic_pressure_mmhg"
    height = check_range("height_m", height_m, "m", *COLUMN_HEIGHT_RANGE_M, context=context)
    density = check_single("density_kg_m3", density_kg_m3, "kg/m³", *BLOOD_DENSITY_RANGE_KG_M3, context=context)
    return scalar_or_array(density * STANDARD_GRAVITY_M_S2 * np.asarray(height) / PA_PER_MMHG)


def _check_pump(context, heart_to_ankle_m, cadence_spm, calf_ejection_fraction, refill_time_s):
    height = check_single("heart_to_ankle_m", heart_to_ankle_m, "m", *COLUMN_HEIGHT_RANGE_M, context=context)
    cadence = check_single("cadence_spm", cadence_spm, "steps/min", *CADENCE_RANGE_SPM, context=context)
    try:
        ejection = check_single("calf_ejection_fraction", calf_ejection_fraction, "",
                                *EJECTION_FRACTION_RANGE, context=context)
    except ValueError as exc:
        value = calf_ejection_fraction
        if isinstance(value, (int, float)) and not isinstance(value, bool) and 1.0 < value <= 100.0:
            raise ValueError(f"{exc}; calf_ejection_fraction is a fraction, not a percentage: did you mean "
                             f"{value / 100:g} for {value:g} %?") from None
        raise
    refill = check_single("refill_time_s", refill_time_s, "s", *REFILL_TIME_RANGE_S, context=context)
    return height, cadence, ejection, refill


def _time_constant_s(refill_time_s: float) -> float:
    # An exponential regains 90 % of its gap in τ·ln 10, whatever the starting point.
    return refill_time_s / math.log(10.0)


def walking_vein_pressure_mmhg(heart_to_ankle_m=1.2, cadence_spm=110.0,
                               calf_ejection_fraction=WALKING_EJECTION_FRACTION,
                               refill_time_s=HEALTHY_REFILL_TIME_S):
    """Ankle vein pressure once walking has settled: the lowest and highest value of each cycle.

    **Teaching model** (see :func:`ankle_vein_pressure_course`). Each calf
    contracts once per two steps; the pressure just before a contraction,
    ``p_high``, satisfies ``p_high = P·(1 − e)/(1 − (1 − EF)·e)`` with ``P`` the
    standing pressure, ``EF`` the ejection fraction and
    ``e = exp(−interval/τ)``; just after it, ``p_low = (1 − EF)·p_high``.

    Parameters
    ----------
    heart_to_ankle_m : float
        Height of the blood column from the heart to the ankle, m; in [0, 3]. Default 1.2.
    cadence_spm : float
        Steps per minute (both feet); in [0, 240]; 0 is standing still. Default 110 (a walk).
    calf_ejection_fraction : float
        Share of the calf veins' blood pushed out by one contraction, as a fraction in [0, 0.9].
        Default 0.18 (calibrated; see :data:`WALKING_EJECTION_FRACTION`).
    refill_time_s : float
        Time for the veins to regain 90 % of the pressure lost once the pump stops, s; in [1, 120].
        Default 31 (healthy valves: Pollack et al. 1949); shorter when leaky valves let blood fall back.

    Returns
    -------
    tuple of float
        ``(p_low, p_high)``, mmHg. Standing still (cadence or ejection 0) both equal the standing
        pressure: 93.6 mmHg for 1.2 m. With the defaults, about 24.5 and 29.9 mmHg.
    """
    context = "walking_vein_pressure_mmhg"
    height, cadence, ejection, refill = _check_pump(context, heart_to_ankle_m, cadence_spm,
                                                    calf_ejection_fraction, refill_time_s)
    standing = float(hydrostatic_pressure_mmhg(height))
    if cadence == 0.0 or ejection == 0.0:
        return standing, standing
    interval_s = 120.0 / cadence  # one calf contracts every second step
    e = math.exp(-interval_s / _time_constant_s(refill))
    high = standing * (1.0 - e) / (1.0 - (1.0 - ejection) * e)
    return (1.0 - ejection) * high, high


def walking_steps_to_settle(heart_to_ankle_m=1.2, cadence_spm=110.0,
                            calf_ejection_fraction=WALKING_EJECTION_FRACTION,
                            refill_time_s=HEALTHY_REFILL_TIME_S):
    """Steps (both feet) of walking until the teaching model's pressure has nearly settled.

    Counts steps until the pressure just before a contraction is within 10 %
    of the way from its settled value (:func:`walking_vein_pressure_mmhg`) to
    the standing pressure. **Teaching model**, as :func:`ankle_vein_pressure_course`.

    Parameters
    ----------
    heart_to_ankle_m, cadence_spm, calf_ejection_fraction, refill_time_s
        As for :func:`walking_vein_pressure_mmhg`.

    Returns
    -------
    int or None
        An even number of steps (one calf contraction per two steps): 18 with the defaults. None when
        walking does not lower the pressure (cadence or ejection 0).
    """
    context = "walking_steps_to_settle"
    height, cadence, ejection, refill = _check_pump(context, heart_to_ankle_m, cadence_spm,
                                                    calf_ejection_fraction, refill_time_s)
    standing = float(hydrostatic_pressure_mmhg(height))
    high = walking_vein_pressure_mmhg(height, cadence, ejection, refill)[1]
    if high >= standing:
        return None
    e = math.exp(-(120.0 / cadence) / _time_constant_s(refill))
    peak = standing  # just before the first contraction
    for contraction in range(1, 1000):
        peak = standing - (standing - (1.0 - ejection) * peak) * e  # just before the next one
        if peak - high <= 0.1 * (standing - high):
            return 2 * contraction
    return None


def ankle_vein_pressure_course(heart_to_ankle_m=1.2, cadence_spm=110.0,
                               calf_ejection_fraction=WALKING_EJECTION_FRACTION,
                               refill_time_s=HEALTHY_REFILL_TIME_S, *, stand_s=10.0, walk_s=30.0,
                               rest_s=50.0, sample_s=0.5):
    """Ankle vein pressure through standing still, walking, and standing again.

    **A teaching model, not a published one.** Standing still, the pressure in
    the ankle veins is the weight of the blood column from the heart
    (:func:`hydrostatic_pressure_mmhg`). Each contraction of the calf (one per
    two steps) pushes out a share ``calf_ejection_fraction`` of the blood in
    the calf veins, and the pressure falls in proportion; valves stop it
    falling back. Between contractions the veins refill from the arteries,
    and the pressure climbs back towards the standing value exponentially,
    regaining 90 % of the gap in ``refill_time_s``. Leaky valves let blood
    fall back from above, which the model shows as a short refill time. It
    leaves out everything else (the thigh pump, breathing, how stiff the vein
    walls are), and is calibrated only so that a healthy calf at a walk lands
    in the range measured by Stick et al. 1992 (23.5–30.4 mmHg walking, 84
    mmHg standing).

    Parameters
    ----------
    heart_to_ankle_m, cadence_spm, calf_ejection_fraction, refill_time_s
        As for :func:`walking_vein_pressure_mmhg`.
    stand_s, walk_s, rest_s : float, optional
        How long the runner stands first, walks, then stands again, s; each in [0, 600].
        Defaults 10, 30 and 50.
    sample_s : float, optional
        Spacing of the samples, s; in [0.05, 10]. Default 0.5. The instants just before and after
        each contraction are added, so the saw-tooth is drawn exactly.

    Returns
    -------
    pandas.DataFrame
        Columns ``time_s``, ``pressure_mmhg`` and ``phase`` (``"standing"``, ``"walking"`` or
        ``"standing again"``), sorted by time.

    References
    ----------
    Stick C et al. J Appl Physiol 1992;72:2063–2068 (the walking pressures it is calibrated to);
    Pollack AA et al. J Clin Invest 1949;28:559–563 (refill times: 31 s normal, 2.8 s with leaky valves).
    """
    context = "ankle_vein_pressure_course"
    height, cadence, ejection, refill = _check_pump(context, heart_to_ankle_m, cadence_spm,
                                                    calf_ejection_fraction, refill_time_s)
    stand = check_single("stand_s", stand_s, "s", *PHASE_RANGE_S, context=context)
    walk = check_single("walk_s", walk_s, "s", *PHASE_RANGE_S, context=context)
    rest = check_single("rest_s", rest_s, "s", *PHASE_RANGE_S, context=context)
    sample = check_single("sample_s", sample_s, "s", 0.05, 10.0, context=context)
    standing = float(hydrostatic_pressure_mmhg(height))
    tau = _time_constant_s(refill)
    end = stand + walk + rest

    if cadence > 0.0 and walk > 0.0:
        interval = 120.0 / cadence
        contractions = stand + interval * np.arange(1, int(math.floor(walk / interval + 1e-9)) + 1)
    else:
        contractions = np.empty(0)
    # Pressure just after each contraction, stepped forward contraction by contraction.
    after = np.empty(contractions.size)
    pressure, last = standing, stand
    for i, t in enumerate(contractions):
        before = standing - (standing - pressure) * math.exp(-(t - last) / tau)
        pressure, last = (1.0 - ejection) * before, t
        after[i] = pressure

    grid = np.arange(0.0, end + sample / 2, sample)
    grid = grid[grid <= end + 1e-9]
    times = np.concatenate([grid, contractions, contractions])
    # Just before each contraction (the peak), then just after it (the trough): same time, sorted by order.
    order_key = np.concatenate([np.zeros(grid.size), np.zeros(contractions.size), np.ones(contractions.size)])
    index = np.lexsort((order_key, times))
    times, order_key = times[index], order_key[index]

    # For every time, the last contraction strictly before it (or the start) sets where refilling began.
    k = np.searchsorted(contractions, times, side="left") - 1
    start_pressure = np.where(k >= 0, after[np.clip(k, 0, None)] if after.size else standing, standing)
    start_time = np.where(k >= 0, contractions[np.clip(k, 0, None)] if contractions.size else 0.0, 0.0)
    values = standing - (standing - start_pressure) * np.exp(-(times - start_time) / tau)
    at_contraction = order_key == 1
    if at_contraction.any():
        values[at_contraction] = after[np.searchsorted(contractions, times[at_contraction])]
    phase = np.where(times <= stand, "standing", np.where(times <= stand + walk, "walking", "standing again"))
    return pd.DataFrame({"time_s": times, "pressure_mmhg": values, "phase": phase})


# ---------------------------------------------------------------------------
# The clinic: compartment pressures and the ankle–brachial index
# ---------------------------------------------------------------------------


def _compartment_pressures(context, pre_mmhg, post1_mmhg, post5_mmhg):
    return tuple(check_range(name, value, "mmHg", *COMPARTMENT_PRESSURE_RANGE_MMHG, context=context)
                 for name, value in (("pre_mmhg", pre_mmhg), ("post1_mmhg", post1_mmhg),
                                     ("post5_mmhg", post5_mmhg)))


def pedowitz_criteria_met(pre_mmhg, post1_mmhg, post5_mmhg) -> tuple[Threshold, ...]:
    """Which of the modified Pedowitz criteria a set of compartment pressures meets.

    Parameters
    ----------
    pre_mmhg, post1_mmhg, post5_mmhg : float
        Intramuscular pressure before exercise, 1 min and 5 min after, mmHg; each in [0, 200].

    Returns
    -------
    tuple of Threshold
        The criteria met, in the order of :data:`PEDOWITZ_CRITERIA`; empty when none is.
    """
    context = "pedowitz_criteria_met"
    pressures = [check_single(name, value, "mmHg", *COMPARTMENT_PRESSURE_RANGE_MMHG, context=context)
                 for name, value in (("pre_mmhg", pre_mmhg), ("post1_mmhg", post1_mmhg),
                                     ("post5_mmhg", post5_mmhg))]
    return tuple(c for c, p in zip(PEDOWITZ_CRITERIA, pressures) if c.flags(p))


def pedowitz_positive(pre_mmhg, post1_mmhg, post5_mmhg):
    """Whether compartment pressures meet the modified Pedowitz criteria (any one of three).

    The criteria for chronic exertional compartment syndrome, with a history
    and examination that fit: pressure before exercise ≥ 15 mmHg, 1 min after
    ≥ 30 mmHg, or 5 min after ≥ 20 mmHg. Later work found that the pressures of
    people with and without the syndrome overlap (Roberts & Franklyn-Miller
    2012), and Lindorsson et al. 2021 proposed lower cut-offs for the posterior
    and lateral compartments; a positive test is a clinician's evidence, not a
    diagnosis on its own.

    Parameters
    ----------
    pre_mmhg, post1_mmhg, post5_mmhg : float or array_like
        Intramuscular pressure before exercise, 1 min and 5 min after, mmHg; each in [0, 200].

    Returns
    -------
    bool or numpy.ndarray of bool
        True for (12, 35, 18) and for (16, 25, 15); False for (10, 25, 15).

    References
    ----------
    Pedowitz RA et al. Am J Sports Med 1990;18(1):35–40.
    """
    pre, post1, post5 = _compartment_pressures("pedowitz_positive", pre_mmhg, post1_mmhg, post5_mmhg)
    out = PEDOWITZ_CRITERIA[0].flags(pre) | PEDOWITZ_CRITERIA[1].flags(post1) | PEDOWITZ_CRITERIA[2].flags(post5)
    return bool(out) if np.ndim(out) == 0 else np.asarray(out)


def ankle_brachial_index(dorsalis_pedis, posterior_tibial, brachial_left, brachial_right):
    """Ankle–brachial index of one leg: the higher ankle pressure over the higher arm pressure.

    Parameters
    ----------
    dorsalis_pedis, posterior_tibial : float or array_like
        Systolic pressure in the two ankle arteries of the leg (top of the foot, inside of the ankle),
        mmHg; each in [0, 350].
    brachial_left, brachial_right : float or array_like
        Systolic pressure in each arm, mmHg; each in [50, 300].

    Returns
    -------
    float or numpy.ndarray
        The index, dimensionless: 0.846 for ankle 110 and 104 with arms 128 and 130 (peripheral artery
        disease); 1.056 for 132, 128; 125, 120 (normal).

    References
    ----------
    Aboyans V et al. Circulation 2012;126:2890–2909 (the higher of the two ankle pressures of a leg over the
    higher of the two arm pressures).
    """
    context = "ankle_brachial_index"
    dp = check_range("dorsalis_pedis", dorsalis_pedis, "mmHg", *ANKLE_PRESSURE_RANGE_MMHG, context=context)
    pt = check_range("posterior_tibial", posterior_tibial, "mmHg", *ANKLE_PRESSURE_RANGE_MMHG, context=context)
    left = check_range("brachial_left", brachial_left, "mmHg", *BRACHIAL_PRESSURE_RANGE_MMHG, context=context)
    right = check_range("brachial_right", brachial_right, "mmHg", *BRACHIAL_PRESSURE_RANGE_MMHG,
                        context=context)
    return scalar_or_array(np.maximum(dp, pt) / np.maximum(left, right))


def abi_category(abi):
    """The AHA's reading of a resting ankle–brachial index.

    Parameters
    ----------
    abi : float or array_like
        Ankle–brachial index, dimensionless; in [0, 5].

    Returns
    -------
    str or numpy.ndarray of str
        ``"abnormal"`` (≤ 0.90: peripheral artery disease), ``"borderline"`` (0.91–0.99),
        ``"normal"`` (1.00–1.40) or ``"non-compressible"`` (> 1.40). An index between 0.90 and 0.91,
        or between 0.99 and 1.00, falls in the band above the lower cut-off.

    References
    ----------
    Aboyans V et al. Circulation 2012;126:2890–2909.
    """
    value = check_range("abi", abi, "", *ABI_RANGE, context="abi_category")
    arr = np.asarray(value)
    names = np.select([arr <= c.up_to for c in ABI_CATEGORIES], [c.name for c in ABI_CATEGORIES],
                      default=ABI_CATEGORIES[-1].name)
    return str(names) if arr.ndim == 0 else names


def abi_change_pct(abi_before, abi_after):
    """Change in the ankle–brachial index after exercise, % of the resting value.

    The AHA statement (Aboyans et al. 2012, as quoted by later papers) counts a
    fall of more than 20 % after exercise as abnormal, but 60.5 % of 48 healthy
    18–30-year-olds fell that much after a treadmill test (Kyte et al. 2023):
    in young runners the criterion is doubtful.

    Parameters
    ----------
    abi_before, abi_after : float or array_like
        The index at rest and after exercise, dimensionless; ``abi_before`` in (0, 5], ``abi_after``
        in [0, 5].

    Returns
    -------
    float or numpy.ndarray
        Percent change: −23.8 for 1.05 → 0.80.
    """
    context = "abi_change_pct"
    before = check_range("abi_before", abi_before, "", 0.0, ABI_RANGE[1], low_inclusive=False, context=context)
    after = check_range("abi_after", abi_after, "", *ABI_RANGE, context=context)
    return scalar_or_array((np.asarray(after) / np.asarray(before) - 1.0) * 100.0)
