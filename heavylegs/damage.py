"""Chapter 2 models: downhill running, muscle damage and the days after.

Pure, numpy-based functions. Every docstring gives the unit of each parameter
and return value, the allowed range that is checked on entry (a bad input
raises ``ValueError`` naming the parameter, its unit and the range), and the
source of the equation or the fact it is anchored on.

What is published and what is a teaching assumption
---------------------------------------------------
* Energy cost of running on a slope (:func:`running_energy_cost`, re-exported
  from :mod:`heavylegs.terrain`): the Minetti et al. 2002 polynomial, a
  published fit to measured costs.
* Eccentric work of a descent (:func:`eccentric_work_kj`): physics, the
  potential energy ``m·g·Δh`` the body must get rid of on the way down.
* **There is no widely used published equation for the time course of
  soreness or of creatine kinase (CK).** The two curves here are
  *illustrative teaching shapes* fitted to published timing facts:

  - :func:`soreness_curve`: a gamma-variate shape peaking at 48 h by default
    (DOMS "peaks 24–72 h, subsides by 5–7 days", a secondary summary of
    reviews such as Cheung, Hume & Maxwell 2003);
  - :func:`ck_curve`: a Bateman (rise-and-clearance) curve whose clearance
    uses the CK half-life of 49 h measured after a marathon (Apple et al.
    1984, published) and whose peak is put at 24 h by default (Apple et al.
    found CK-MB peaking at 24 h; total CK was raised at 1–72 h). The size of
    the rise is not a property of running: peak CK after the same eccentric
    exercise ranged from 236 to 25 244 IU/L between people (Nosaka et al.).

* Repeated-bout effect (:func:`repeated_bout_protection`): the *facts* are
  published (a second bout 4 or 8 weeks later reduced every marker of
  damage; 12 weeks later only strength, soreness, CK and myoglobin were still
  reduced); the smooth fading curve and its 50 % maximum are a **teaching
  assumption**.

Use these functions to see how the pieces trade off and how the days after a
race unfold, not to diagnose anyone. Dark urine, or extreme swelling or pain
after an unusually hard effort, belongs with a clinician (rhabdomyolysis).
"""

from __future__ import annotations

import math

import numpy as np

from heavylegs.terrain import running_energy_cost
from heavylegs.units import BODY_MASS_RANGE_KG, STANDARD_GRAVITY_M_PER_S2
from heavylegs.validation import check_range, scalar_or_array

__all__ = [
    "running_energy_cost",
    "eccentric_work_kj",
    "soreness_curve",
    "ck_appearance_rate_per_h",
    "ck_curve",
    "repeated_bout_protection",
]

# --- Apple et al. 1984: apparent CK half-life after a marathon ---------------
APPLE_1984_CK_HALF_LIFE_H = 49.0
#: For comparison: after acute myocardial infarction (same paper).
APPLE_1984_CK_HALF_LIFE_AFTER_INFARCTION_H = 27.0

# --- Nosaka et al.: between-person range of peak CK after the same eccentric
# exercise of the elbow flexors (IU/L, equivalent to U/L).
NOSAKA_PEAK_CK_RANGE_U_L = (236.0, 25_244.0)

# --- Teaching defaults (illustrative, see the module docstring) -------------
DEFAULT_SORENESS_PEAK_H = 48.0
DEFAULT_SORENESS_SHAPE = 2.0
DEFAULT_CK_BASELINE_U_L = 150.0
DEFAULT_CK_RISE_U_L = 1000.0
DEFAULT_CK_PEAK_H = 24.0
#: Teaching assumption: the largest fraction by which a first bout reduces the
#: damage markers of a second (markers and studies differ; not a published constant).
DEFAULT_MAX_PROTECTION = 0.5
#: Teaching assumption: protection has halved by 12 weeks ("partial at 12 weeks").
DEFAULT_HALF_PROTECTION_WEEKS = 12.0
#: Teaching assumption: how sharply protection fades around the half-way week.
PROTECTION_FADE_STEEPNESS = 4.0

# --- Allowed input ranges (checked on entry; see each docstring) ------------
# The largest course descents (multi-day mountain ultras) are ~25 000 m.
DESCENT_RANGE_M = (0.0, 30_000.0)
# Peaks reported from ~24 h (CK after a marathon) to 96–120 h (CK after
# eccentric elbow-flexor work); 1 h to 10 days covers them with room to play.
PEAK_RANGE_H = (1.0, 240.0)
SHAPE_RANGE = (0.5, 10.0)
CK_BASELINE_RANGE_U_L = (0.0, 5_000.0)
CK_RISE_RANGE_U_L = (0.0, 100_000.0)
CK_HALF_LIFE_RANGE_H = (5.0, 500.0)
WEEKS_BETWEEN_BOUTS_RANGE = (1.0, 104.0)
HALF_PROTECTION_WEEKS_RANGE = (1.0, 52.0)

# Bisection bracket for u = ln(k_a/k_e − 1): e^−40 … e^40 covers every peak_h
# in range (k_a/k_e − 1 is below 1e4 for the earliest peak and slowest clearance).
_LOG_EXCESS_BRACKET = (-40.0, 40.0)
_BISECTION_STEPS = 100


def _check_hours(hours, context):
    return check_range("hours", hours, "h", 0.0, math.inf, high_inclusive=False,
                       context=context)


# ---------------------------------------------------------------------------
# Eccentric (braking) work of a descent
# ---------------------------------------------------------------------------


def eccentric_work_kj(mass_kg, descent_m):
    """Work the body must absorb to come down a descent: ``W = m·g·Δh``.

    Parameters
    ----------
    mass_kg : float or array_like
        Body mass (with anything carried), kg; in [30, 200].
    descent_m : float or array_like
        Total height lost, m, as a positive number (a 100 m drop is 100); in
        [0, 30 000].

    Returns
    -------
    float or numpy.ndarray
        Work, kJ, with standard gravity g = 9.80665 m/s²: 68.65 kJ for 70 kg
        down 100 m (68.67 kJ if g is rounded to 9.81 m/s²).

    Notes
    -----
    Running down at a steady speed, the potential energy ``m·g·Δh`` cannot go
    into speed, so it must be absorbed: mostly by leg muscles braking while
    they lengthen (eccentric contractions, the kind that damage muscle), some
    by tendons, shoes and soft tissues as heat. It is therefore the net
    negative work done on the body, an upper bound on the *extra* braking the
    muscles absorb (every stride on the level also brakes, on top of this). It
    depends only on the height lost, not on how steep the path is; the
    *metabolic* cost of the same descent is in :func:`running_energy_cost`,
    and is low: downhill running feels easy while it loads the muscles hard.

    References
    ----------
    Negative work of descending, m·g·Δh: classical mechanics. For downhill
    running and muscle damage see Young A. Plasma creatine kinase after the
    marathon — a diagnostic dilemma. Br J Sports Med 1984;18(4):269–272.
    https://doi.org/10.1136/bjsm.18.4.269
    """
    context = "eccentric_work_kj"
    mass = check_range("mass_kg", mass_kg, "kg", *BODY_MASS_RANGE_KG, context=context)
    try:
        drop = check_range("descent_m", descent_m, "m", *DESCENT_RANGE_M, context=context)
    except ValueError as exc:
        raise ValueError(f"{exc}; give the height lost as a positive number of metres") from None
    joules = np.asarray(mass) * STANDARD_GRAVITY_M_PER_S2 * np.asarray(drop)
    return scalar_or_array(joules / 1000.0)


# ---------------------------------------------------------------------------
# Soreness (DOMS): illustrative gamma-variate
# ---------------------------------------------------------------------------


def soreness_curve(hours, peak_h=DEFAULT_SORENESS_PEAK_H, shape=DEFAULT_SORENESS_SHAPE):
    """Muscle soreness after a damaging bout, as a fraction of its peak.

    ``S(t) = (t/peak_h)^shape · exp(shape·(1 − t/peak_h))``

    **Illustrative teaching curve, not a published model.** A gamma-variate
    shape, scaled so that it rises from 0 at the end of exercise to exactly 1
    at ``peak_h`` and fades towards 0 afterwards. With the defaults soreness
    peaks at 48 h and is down to 0.08 of its peak after a week, matching the
    published timing: soreness "increases in the first 24 h, peaks 24–72 h,
    subsides by 5–7 days" (a secondary summary of DOMS reviews).

    Parameters
    ----------
    hours : float or array_like
        Time since the end of the exercise, h; >= 0 (finite).
    peak_h : float or array_like, optional
        When soreness peaks, h; in [1, 240]. Default 48.
    shape : float or array_like, optional
        Shape exponent (dimensionless); in [0.5, 10]. Default 2. Larger
        values give a sharper peak: a slower start and a faster fade.

    Returns
    -------
    float or numpy.ndarray
        Soreness as a fraction of its peak (dimensionless), in [0, 1]:
        0.280 / 0.680 / 1.000 / 0.828 / 0.541 / 0.083 at 12 / 24 / 48 / 72 /
        96 / 168 h with the defaults. It says nothing about how sore: the
        peak itself differs from person to person and bout to bout.

    References
    ----------
    Cheung K, Hume PA, Maxwell L. Delayed onset muscle soreness: treatment
    strategies and performance factors. Sports Med 2003;33(2):145–164.
    https://doi.org/10.2165/00007256-200333020-00005 (DOMS and its time
    course; the curve itself is this course's illustration).
    """
    context = "soreness_curve"
    t = _check_hours(hours, context)
    tp = check_range("peak_h", peak_h, "h", *PEAK_RANGE_H, context=context)
    a = check_range("shape", shape, "", *SHAPE_RANGE, context=context)
    ratio = np.asarray(t) / np.asarray(tp)
    # Written as one exponential, exp(a·(ln r + 1 − r)), so that very late
    # times give 0 rather than inf·0; at t = 0, ln 0 = −inf gives exactly 0.
    with np.errstate(divide="ignore"):
        log_ratio = np.log(ratio)
    s = np.exp(np.asarray(a) * (log_ratio + 1.0 - ratio))
    return scalar_or_array(s)


# ---------------------------------------------------------------------------
# Creatine kinase: illustrative Bateman curve with Apple 1984's half-life
# ---------------------------------------------------------------------------


def _check_peak_before_limit(context, tp, half_life):
    """Raise unless every peak_h is earlier than the latest a Bateman curve allows."""
    limit = np.asarray(half_life) / math.log(2.0)  # 1/k_e, h
    bad = ~(np.asarray(tp) < limit)
    if np.any(bad):
        tp_b, limit_b, half_b = np.broadcast_arrays(np.asarray(tp), limit, np.asarray(half_life))
        i = int(np.flatnonzero(bad.ravel())[0])
        where = f" at index {i}" if bad.ndim > 0 else ""
        raise ValueError(
            f"{context}: peak_h must be >= {PEAK_RANGE_H[0]:g} h and < half_life_h/ln 2 = "
            f"{float(limit_b.ravel()[i]):.4g} h when half_life_h = {float(half_b.ravel()[i]):g} h "
            f"(got {float(tp_b.ravel()[i])!r} h{where}): a rise followed by clearance with that "
            "half-life cannot peak any later (the latest possible peak is 1/k_e, where "
            "k_e = ln 2/half_life_h); choose an earlier peak_h or a longer half_life_h"
        )


def ck_appearance_rate_per_h(peak_h=DEFAULT_CK_PEAK_H, half_life_h=APPLE_1984_CK_HALF_LIFE_H):
    """Appearance rate constant k_a that puts a Bateman curve's peak at ``peak_h``.

    Solves ``ln(k_a/k_e)/(k_a − k_e) = peak_h`` for ``k_a > k_e``, with the
    clearance rate ``k_e = ln 2/half_life_h``. Writing ``k_a = k_e·(1 + d)``
    the condition is ``ln(1 + d)/d = k_e·peak_h``, whose left side falls
    steadily from 1 to 0 as d grows, so bisection on ln d finds the single
    root (no SciPy needed).

    Parameters
    ----------
    peak_h : float or array_like, optional
        When CK peaks, h; >= 1 and < ``half_life_h/ln 2`` (70.69 h for the
        default half-life). Default 24.
    half_life_h : float or array_like, optional
        CK clearance half-life, h; in [5, 500]. Default 49 (Apple et al. 1984,
        after a marathon).

    Returns
    -------
    float or numpy.ndarray
        k_a, h⁻¹ (0.09229 h⁻¹ with the defaults; k_e is then 0.01415 h⁻¹).

    Raises
    ------
    ValueError
        ``peak_h`` at or beyond ``half_life_h/ln 2``: as k_a falls towards k_e
        the peak time rises towards 1/k_e and never reaches it, so no k_a > k_e
        gives a later peak. Also any input out of range or not a number.

    References
    ----------
    Apple FS et al. Comparison of serum creatine kinase and creatine kinase MB
    activities post marathon race versus post myocardial infarction. Clin Chim
    Acta 1984;138(1):111–118. https://doi.org/10.1016/0009-8981(84)90359-0
    """
    return _ck_appearance_rate("ck_appearance_rate_per_h", peak_h, half_life_h)


def _ck_appearance_rate(context, peak_h, half_life_h):
    tp = check_range("peak_h", peak_h, "h", *PEAK_RANGE_H, context=context)
    half = check_range("half_life_h", half_life_h, "h", *CK_HALF_LIFE_RANGE_H,
                       context=context)
    _check_peak_before_limit(context, tp, half)
    k_e = math.log(2.0) / np.asarray(half)
    target = np.asarray(k_e * np.asarray(tp), dtype=float)  # in (0, 1)
    lo = np.full(target.shape, _LOG_EXCESS_BRACKET[0])
    hi = np.full(target.shape, _LOG_EXCESS_BRACKET[1])
    for _ in range(_BISECTION_STEPS):
        mid = 0.5 * (lo + hi)
        d = np.exp(mid)
        peak_too_late = np.log1p(d) / d > target  # k_a still too small
        lo = np.where(peak_too_late, mid, lo)
        hi = np.where(peak_too_late, hi, mid)
    d = np.exp(0.5 * (lo + hi))
    return scalar_or_array(k_e * (1.0 + d))


def ck_curve(hours, baseline_u_l=DEFAULT_CK_BASELINE_U_L, rise_u_l=DEFAULT_CK_RISE_U_L,
             peak_h=DEFAULT_CK_PEAK_H, half_life_h=APPLE_1984_CK_HALF_LIFE_H):
    """Plasma creatine kinase (CK) activity in the days after a damaging bout.

    ``CK(t) = baseline + rise · B(t)/B(peak_h)``, with the Bateman curve
    ``B(t) = exp(−k_e·t) − exp(−k_a·t)``

    **Illustrative teaching curve, not a published model of CK.** CK leaks
    out of damaged muscle (appearance, rate constant k_a) and is cleared from
    the blood (elimination, ``k_e = ln 2/half_life_h``). k_a is solved (see
    :func:`ck_appearance_rate_per_h`) so that the curve peaks at ``peak_h``,
    and the curve is scaled so that the peak is ``baseline + rise``. With the
    defaults CK is 150 / 1002 / 1150 / 971 / 747 / 454 / 304 U/L at
    0 / 12 / 24 / 48 / 72 / 120 / 168 h.

    Parameters
    ----------
    hours : float or array_like
        Time since the end of the exercise, h; >= 0 (finite).
    baseline_u_l : float or array_like, optional
        Resting CK, U/L; in [0, 5000]. Default 150.
    rise_u_l : float or array_like, optional
        Peak CK above baseline, U/L; in [0, 100 000]. Default 1000. People
        differ enormously: after the same eccentric exercise, peak CK ranged
        from 236 to 25 244 IU/L (Nosaka et al.).
    peak_h : float or array_like, optional
        When CK peaks, h; >= 1 and < ``half_life_h/ln 2`` (70.69 h for the
        default half-life). Default 24. After eccentric elbow-flexor exercise
        CK peaks later, at 96–120 h: to draw that, lengthen ``half_life_h``.
    half_life_h : float or array_like, optional
        Apparent CK half-life, h; in [5, 500]. Default 49, measured after a
        marathon (27 h after a heart attack; Apple et al. 1984).

    Returns
    -------
    float or numpy.ndarray
        CK, U/L; ``baseline_u_l`` at 0 h, ``baseline_u_l + rise_u_l`` at
        ``peak_h``, falling back towards baseline afterwards and never below it.

    Raises
    ------
    ValueError
        Any input out of range or not a number, or ``peak_h`` at or beyond
        ``half_life_h/ln 2`` (see :func:`ck_appearance_rate_per_h`).

    References
    ----------
    Apple FS et al. Clin Chim Acta 1984;138(1):111–118 (half-life 49 h after a
    marathon; CK-MB peaked at 24 h). https://doi.org/10.1016/0009-8981(84)90359-0
    Baird MF, Graham SM, Baker JS, Bickerstaff GF. Creatine-kinase- and
    exercise-related muscle damage implications for muscle performance and
    recovery. J Nutr Metab 2012;2012:960363 (review).
    """
    context = "ck_curve"
    t = _check_hours(hours, context)
    baseline = check_range("baseline_u_l", baseline_u_l, "U/L", *CK_BASELINE_RANGE_U_L,
                           context=context)
    rise = check_range("rise_u_l", rise_u_l, "U/L", *CK_RISE_RANGE_U_L, context=context)
    k_a = _ck_appearance_rate(context, peak_h, half_life_h)
    tp = np.asarray(peak_h, dtype=float)
    k_e = math.log(2.0) / np.asarray(half_life_h, dtype=float)
    excess = np.asarray(k_a) - k_e  # k_a − k_e > 0
    t = np.asarray(t)
    # B(t)/B(tp) written as exp(−k_e(t − tp))·expm1(−Δt)/expm1(−Δtp), Δ = k_a − k_e:
    # exact, and free of cancellation when k_a is close to k_e (peak_h near its limit).
    shape = np.exp(-k_e * (t - tp)) * np.expm1(-excess * t) / np.expm1(-excess * tp)
    return scalar_or_array(np.asarray(baseline) + np.asarray(rise) * shape)


# ---------------------------------------------------------------------------
# Repeated-bout effect: published facts, teaching-assumption curve
# ---------------------------------------------------------------------------


def repeated_bout_protection(weeks_between_bouts, max_protection=DEFAULT_MAX_PROTECTION,
                             half_protection_weeks=DEFAULT_HALF_PROTECTION_WEEKS):
    """How much a first damaging bout protects against the same bout later.

    ``P(w) = max_protection / (1 + (w/half_protection_weeks)^4)``

    The fraction by which the second bout's damage markers are reduced, e.g.
    draw the second bout with ``ck_curve(..., rise_u_l=rise·(1 − P))``.

    **Published facts, teaching-assumption curve.** With 4 or 8 weeks between
    two bouts of eccentric exercise every marker of damage was smaller after
    the second; with 12 weeks only strength, soreness, CK and myoglobin still
    were (Nosaka, Newton & Sacco 2005). The curve reproduces that shape: almost
    full protection at 4 weeks (0.99 of the maximum), most at 8 (0.84),
    half at 12, little by 24 (0.06). Its 50 % maximum, its half-way week and
    its steepness are assumptions, not published constants; real reductions
    differ between markers and studies.

    Parameters
    ----------
    weeks_between_bouts : float or array_like
        Time between the first and second bout, weeks; in [1, 104]. Shorter
        gaps are not modelled: the first bout's damage has not yet healed.
    max_protection : float or array_like, optional
        Largest fractional reduction (dimensionless); in [0, 1]. Default 0.5,
        a teaching assumption.
    half_protection_weeks : float or array_like, optional
        Gap at which protection has halved, weeks; in [1, 52]. Default 12, a
        teaching assumption anchored on "partial at 12 weeks".

    Returns
    -------
    float or numpy.ndarray
        Fractional reduction of the second bout's damage markers
        (dimensionless), in [0, ``max_protection``]; 0.25 at 12 weeks with the
        defaults.

    References
    ----------
    Nosaka K, Newton MJ, Sacco P. Attenuation of protective effect against
    eccentric exercise-induced muscle damage. Can J Appl Physiol
    2005;30(5):529–542 (PMID 16293902).
    Hyldahl RD, Chen TC, Nosaka K. Mechanisms and mediators of the
    skeletal muscle repeated bout effect. Exerc Sport Sci Rev
    2017;45(1):24–33 (review of mechanisms).
    """
    context = "repeated_bout_protection"
    weeks = check_range("weeks_between_bouts", weeks_between_bouts, "weeks",
                        *WEEKS_BETWEEN_BOUTS_RANGE, context=context)
    p_max = check_range("max_protection", max_protection, "", 0.0, 1.0, context=context)
    half = check_range("half_protection_weeks", half_protection_weeks, "weeks",
                       *HALF_PROTECTION_WEEKS_RANGE, context=context)
    fade = (np.asarray(weeks) / np.asarray(half)) ** PROTECTION_FADE_STEEPNESS
    return scalar_or_array(np.asarray(p_max) / (1.0 + fade))
