"""Chapter 1 models: fuel, acidity, critical speed and W′/D′ balance.

Pure, numpy-based functions. Every docstring gives the unit of each parameter
and return value, the allowed range that is checked on entry (a bad input
raises ``ValueError`` naming the parameter, its unit and the range), and the
source of the equation.

What is well established and what is an approximation
-----------------------------------------------------
* Critical speed, D′ and time to exhaustion (Monod & Scherrer 1965; Kordi et
  al. 2019 for the running protocol): the standard linear distance–time model.
* W′/D′ balance: the Skiba et al. 2012 integral form and the Skiba et al. 2015
  differential form, written to agree with GoldenCheetah (``WPrime.cpp``) and
  sweatpy (``sweat/pdm/w_prime_balance.py``). The 2012 recovery time constant
  τ(DCP) was fitted on *cycling power* and does not transfer to running speed.
* Substrate oxidation: Frayn 1983 non-protein stoichiometry.
* [H⁺] from pH: the definition of pH.
* Glycogen budget and "the wall": the *structure* of Rapoport 2010, but
  several numbers are approximations, flagged again in each function:

  - energy cost of running ``c ≈ 1 kcal/kg/km`` is a rounded figure from a
    secondary summary of Rapoport, not read in the paper;
  - the carbohydrate fraction ``F_CHO(I)`` is "fit A",
    ``0.565973·I² + 0.376443·I − 0.000296``, an unattributed fit in public code
    said to reproduce Rapoport's Fig. 1 curve (itself based on Romijn et al.
    1993). Rapoport's own formula was not retrieved;
  - muscle glycogen 80 kcal per kg of leg muscle is an assumption (≈20 g/kg);
    Rapoport's maximum after supercompensation is 144 kcal/kg;
  - speed comes from the ACSM level-running equation, an approximation;
  - carbohydrate eaten during the run is credited in full, although the gut
    absorbs only ≈60 g/h of glucose alone, ≈90 g/h of glucose + fructose
    (Jeukendrup 2014).

  Use these functions to show how the pieces trade off, not to plan a race.
"""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np

from heavylegs.units import BODY_MASS_RANGE_KG
from heavylegs.validation import check_array, check_range, scalar_or_array

__all__ = [
    "CriticalSpeedFit",
    "SubstrateOxidation",
    "critical_speed",
    "time_to_exhaustion",
    "wbal_tau",
    "w_prime_balance",
    "hydrogen_ion_nmol_per_l",
    "substrate_oxidation",
    "carbohydrate_fraction",
    "glycogen_store_kcal",
    "running_speed_km_h",
    "glycogen_remaining_kcal",
    "distance_to_wall_km",
    "carbohydrate_needed_g",
]

# --- Skiba et al. 2012: τ = 546·exp(−0.01·DCP) + 316 ------------------------
SKIBA_2012_TAU_AMPLITUDE_S = 546.0
SKIBA_2012_TAU_RATE_PER_W = 0.01
SKIBA_2012_TAU_OFFSET_S = 316.0

# --- Frayn 1983 non-protein stoichiometry (g/min per L/min) ----------------
FRAYN_1983_CHO_PER_VCO2 = 4.55
FRAYN_1983_CHO_PER_VO2 = 3.21
FRAYN_1983_FAT_PER_L = 1.67

# --- Rapoport 2010 glycogen budget ------------------------------------------
# "Fit A" for the fraction of energy from carbohydrate, F_CHO(I) = a·I² + b·I + c.
# Unattributed; said to reproduce Rapoport's Fig. 1 (based on Romijn et al. 1993).
FCHO_FIT_A_QUADRATIC = 0.565973
FCHO_FIT_A_LINEAR = 0.376443
FCHO_FIT_A_CONSTANT = -0.000296
# Rounded, secondary-source value of Rapoport's energy cost of running.
ENERGY_COST_KCAL_PER_KG_KM = 1.0
# Assumed typical muscle glycogen (≈20 g/kg); Rapoport's supercompensated maximum.
DEFAULT_MUSCLE_GLYCOGEN_KCAL_PER_KG = 80.0
RAPOPORT_MAX_MUSCLE_GLYCOGEN_KCAL_PER_KG = 144.0
DEFAULT_LEG_MUSCLE_FRACTION = 0.21
DEFAULT_LIVER_GLYCOGEN_G = 100.0
KCAL_PER_G_CARBOHYDRATE = 4.0
MARATHON_KM = 42.195

# --- ACSM level-running equation: VO2 = 3.5 + 0.2·v (mL/kg/min, v in m/min) --
ACSM_RESTING_VO2_ML_KG_MIN = 3.5
ACSM_RUNNING_VO2_ML_KG_PER_M = 0.2

# --- Jeukendrup 2014: gut absorption limits for carbohydrate during exercise --
GLUCOSE_ONLY_ABSORPTION_G_PER_H = 60.0
GLUCOSE_FRUCTOSE_ABSORPTION_G_PER_H = 90.0

# --- Allowed input ranges (checked on entry; see each docstring) ------------
SPEED_RANGE_M_PER_S = (0.0, 12.0)  # ~12 m/s is above the fastest human sprint
D_PRIME_MAX_M = 1000.0  # trained runners: 123 ± 58 m (Kordi et al. 2019)
TRIAL_DISTANCE_MAX_M = 50_000.0
TRIAL_TIME_MAX_S = 7_200.0
DT_MAX_S = 600.0
PH_RANGE = (6.0, 8.0)
VO2_MAX_L_MIN = 7.0
VCO2_MAX_L_MIN = 8.0
RER_RANGE = (0.70, 1.00)
INTENSITY_RANGE = (0.3, 1.0)
LEG_MUSCLE_FRACTION_RANGE = (0.10, 0.35)
MUSCLE_GLYCOGEN_RANGE_KCAL_PER_KG = (0.0, 150.0)
LIVER_GLYCOGEN_RANGE_G = (0.0, 200.0)
VO2MAX_RANGE_ML_KG_MIN = (20.0, 90.0)
CARBOHYDRATE_INTAKE_RANGE_G_PER_H = (0.0, 120.0)
DISTANCE_RANGE_KM = (0.0, 250.0)
ENERGY_COST_RANGE_KCAL_PER_KG_KM = (0.5, 2.0)

# An RER computed as VCO2/VO2 from values that are exactly on a bound
# (e.g. 0.7·VO2 / VO2) can differ from it in the last binary digit.
_RER_ROUNDING_SLACK = 1e-9


# ---------------------------------------------------------------------------
# 1.4 Critical speed, D′ and time to exhaustion
# ---------------------------------------------------------------------------


class CriticalSpeedFit(NamedTuple):
    """Result of :func:`critical_speed`.

    Attributes
    ----------
    cs_m_per_s : float
        Critical speed, m/s (slope of distance against time).
    d_prime_m : float
        D′, the distance that can be covered above CS, m (intercept).
    """

    cs_m_per_s: float
    d_prime_m: float


def critical_speed(distances_m, times_s) -> CriticalSpeedFit:
    """Fit critical speed and D′ to two or more exhausting trials.

    Least-squares fit of the linear distance–time model ``d = CS·t + D′``.
    With exactly two trials this is the two-point estimate
    ``CS = (d2 − d1)/(t2 − t1)``.

    Parameters
    ----------
    distances_m : array_like
        Trial distances, m; each in (0, 50 000].
    times_s : array_like
        Matching trial times, s; each in (0, 7200]. Not all equal. The model
        describes efforts of roughly 2–30 min (Kordi et al. used 1200, 2400 and
        3600 m trials).

    Returns
    -------
    CriticalSpeedFit
        ``cs_m_per_s`` (m/s) and ``d_prime_m`` (m).

    Raises
    ------
    ValueError
        Fewer than two trials, lengths differ, a non-positive or out-of-range
        distance or time, all times equal, or a fit with CS <= 0 m/s or
        D′ < 0 m (trials inconsistent with the model).

    References
    ----------
    Monod H, Scherrer J. The work capacity of a synergic muscular group.
    Ergonomics 1965;8:329–338 (the critical power concept).
    Kordi M et al. Int J Sports Physiol Perform 2019;14(5):685 (CS and D′ of
    trained male distance runners from 1200, 2400 and 3600 m trials).
    """
    context = "critical_speed"
    d = check_array("distances_m", distances_m, "m", 0.0, TRIAL_DISTANCE_MAX_M,
                    min_length=2, low_inclusive=False, context=context)
    t = check_array("times_s", times_s, "s", 0.0, TRIAL_TIME_MAX_S,
                    min_length=2, low_inclusive=False, context=context)
    if d.size != t.size:
        raise ValueError(
            f"{context}: distances_m (m) and times_s (s) must have the same length "
            f"(got {d.size} distances and {t.size} times)"
        )
    if np.ptp(t) == 0.0:
        raise ValueError(
            f"{context}: times_s (s) must not all be equal (got {float(t[0])!r} s for every "
            "trial); the slope CS cannot be fitted"
        )
    cs, d_prime = np.polyfit(t, d, 1)
    cs, d_prime = float(cs), float(d_prime)
    if cs <= 0.0:
        raise ValueError(
            f"{context}: the fit gives cs_m_per_s = {cs!r} m/s, but CS must be > 0 m/s; "
            "longer trials must cover more distance"
        )
    if d_prime < 0.0:
        raise ValueError(
            f"{context}: the fit gives d_prime_m = {d_prime!r} m, but D′ must be >= 0 m; "
            "the trials are inconsistent with d = CS·t + D′ (check that longer "
            "trials were run at lower speed)"
        )
    return CriticalSpeedFit(cs_m_per_s=cs, d_prime_m=d_prime)


def time_to_exhaustion(speed_m_per_s, cs_m_per_s, d_prime_m):
    """Time a runner can hold a speed above CS: ``t_lim = D′/(v − CS)``.

    Parameters
    ----------
    speed_m_per_s : float or array_like
        Running speed, m/s; in [0, 12].
    cs_m_per_s : float
        Critical speed, m/s; in (0, 12].
    d_prime_m : float
        D′, m; in (0, 1000].

    Returns
    -------
    float or numpy.ndarray
        Time to exhaustion, s. ``math.inf`` at or below CS: the model predicts
        no exhaustion there (in reality other limits, such as glycogen, apply).

    References
    ----------
    Monod & Scherrer 1965 (see :func:`critical_speed`); Kordi et al. 2019.
    """
    context = "time_to_exhaustion"
    v = check_range("speed_m_per_s", speed_m_per_s, "m/s", *SPEED_RANGE_M_PER_S,
                    context=context)
    cs = check_range("cs_m_per_s", cs_m_per_s, "m/s", *SPEED_RANGE_M_PER_S,
                     low_inclusive=False, context=context)
    d_prime = check_range("d_prime_m", d_prime_m, "m", 0.0, D_PRIME_MAX_M,
                          low_inclusive=False, context=context)
    excess, d_prime = np.broadcast_arrays(np.asarray(v) - np.asarray(cs), np.asarray(d_prime))
    above = excess > 0.0
    t_lim = np.full(excess.shape, math.inf)
    t_lim[above] = d_prime[above] / excess[above]
    return scalar_or_array(t_lim)


# ---------------------------------------------------------------------------
# 1.4 W′ (or D′) balance
# ---------------------------------------------------------------------------


def wbal_tau(dcp):
    """Recovery time constant of the Skiba 2012 integral W′bal model.

    ``τ = 546·exp(−0.01·DCP) + 316``

    Parameters
    ----------
    dcp : float or array_like
        DCP = CP − mean power of the samples below CP, W; >= 0 (finite).

    Returns
    -------
    float or numpy.ndarray
        τ, s; 862 s at DCP = 0, falling towards 316 s.

    Notes
    -----
    Fitted on cycling power in watts. It has no meaning for running speed in
    m/s: for speed data pass ``tau_s`` to :func:`w_prime_balance` or use the
    differential form.

    References
    ----------
    Skiba PF, Chidnok W, Vanhatalo A, Jones AM. Modeling the expenditure and
    reconstitution of work capacity above critical power. Med Sci Sports
    Exerc 2012;44(8):1526–1532.
    """
    d = check_range("dcp", dcp, "W", 0.0, math.inf, high_inclusive=False,
                    context="wbal_tau")
    tau = (SKIBA_2012_TAU_AMPLITUDE_S * np.exp(-SKIBA_2012_TAU_RATE_PER_W * np.asarray(d))
           + SKIBA_2012_TAU_OFFSET_S)
    return scalar_or_array(tau)


def w_prime_balance(intensity, critical, w_prime, dt_s=1.0, method="differential",
                    *, tau_s=None) -> np.ndarray:
    """W′ balance (power) or D′ balance (speed) after each sample.

    Works for power samples (W, with CP in W and W′ in J) or speed samples
    (m/s, with CS in m/s and D′ in m); the units only have to be consistent.

    ``method="differential"`` (Skiba et al. 2015, Froncioni/Clarke form), per
    sample of length ``dt_s``:

    * below critical: ``bal += (critical − x)·(w_prime − bal)/w_prime·dt``
      (exponential-like recovery with τ = w_prime/(critical − x));
    * at or above critical: ``bal −= (x − critical)·dt``.

    ``method="integral"`` (Skiba et al. 2012)::

        bal(t) = w_prime − Σ_{u≤t} max(0, x(u) − critical)·dt·exp(−(t − u)/τ)

    with ``τ = wbal_tau(critical − mean of the samples below critical)`` unless
    ``tau_s`` is given. The sum is kept as a running, decayed sum
    (``S ← S·exp(−dt/τ) + expended``), O(n) and free of the overflow that
    multiplying by ``exp(t/τ)`` causes on long records.

    Parameters
    ----------
    intensity : array_like
        Samples of power (W) or speed (m/s), equally spaced; each >= 0 and
        finite; at least one.
    critical : float
        Critical power (W) or critical speed (m/s); > 0.
    w_prime : float
        W′ (J) or D′ (m); > 0. Balance starts full, at ``w_prime``.
    dt_s : float, optional
        Sample interval, s; in (0, 600]. Default 1 s. For the differential form
        ``critical·dt_s`` must not exceed ``w_prime``, or one Euler step could
        overshoot a full recovery.
    method : {"differential", "integral"}, optional
        Which published form to use. Default ``"differential"``.
    tau_s : float, optional
        Integral form only: recovery time constant, s; > 0. Overrides
        :func:`wbal_tau`. **Give it for running speed**: the 2012 τ formula was
        fitted on cycling watts and does not apply to m/s. (The differential
        form's implied τ = D′/DCS needs no such fit.) GoldenCheetah truncates
        the computed τ to a whole number of seconds; this function does not,
        so pass ``tau_s=int(τ)`` to reproduce GoldenCheetah.

    Returns
    -------
    numpy.ndarray
        Balance in the unit of ``w_prime`` (J or m) after each sample, same
        length as ``intensity``. Element ``i`` is the balance at the *end* of
        sample ``i``, i.e. at time ``(i + 1)·dt_s``: "at 60 s" with 1 s samples
        is index 59. This is GoldenCheetah's and sweatpy's convention (each
        sample's expenditure counts undecayed at its own index). Negative values
        mean the model's W′ is overdrawn (the critical value or W′ is wrong, or
        the athlete beat the model).

    Raises
    ------
    ValueError
        Unknown method; critical, w_prime, dt_s or tau_s out of range; empty,
        negative, NaN or infinite intensity; ``critical·dt_s > w_prime`` for the
        differential form.

    References
    ----------
    Skiba PF, Chidnok W, Vanhatalo A, Jones AM. Med Sci Sports Exerc
    2012;44(8):1526–1532 (integral form).
    Skiba PF, Fulford J, Clarke DC, Vanhatalo A, Jones AM. Intramuscular
    determinants of the ability to recover work capacity above critical power.
    Eur J Appl Physiol 2015;115(4):703–713 (differential form).
    Skiba PF, Clarke DC. The W′ balance model: mathematical and methodological
    considerations. IJSPP 2021;16(11):1561–1572 (review of both).
    Implementations followed: GoldenCheetah ``src/Metrics/WPrime.cpp``;
    sweatpy ``sweat/pdm/w_prime_balance.py``.
    """
    context = "w_prime_balance"
    if method not in ("differential", "integral"):
        raise ValueError(
            f"{context}: method must be 'differential' or 'integral' (got {method!r})"
        )
    x = check_array("intensity", intensity, "W or m/s", 0.0, math.inf,
                    high_inclusive=False, context=context)
    cp = check_range("critical", critical, "W or m/s", 0.0, math.inf,
                     low_inclusive=False, high_inclusive=False, context=context)
    wp = check_range("w_prime", w_prime, "J or m", 0.0, math.inf,
                     low_inclusive=False, high_inclusive=False, context=context)
    dt = check_range("dt_s", dt_s, "s", 0.0, DT_MAX_S, low_inclusive=False,
                     context=context)
    if np.ndim(cp) or np.ndim(wp) or np.ndim(dt):
        raise ValueError((f"{context}: critical (W or m/s), w_prime (J or m) and dt_s (s) "
                          "must be single numbers"))

    if method == "differential":
        if tau_s is not None:
            raise ValueError(
                f"{context}: tau_s (s) applies only to method='integral'; the "
                "differential form's time constant is w_prime/(critical − intensity)"
            )
        if cp * dt > wp:
            raise ValueError(
                f"{context}: critical·dt_s = {cp * dt!r} must not exceed w_prime = {wp!r} "
                "(J or m) for the differential form: a step that long would overshoot "
                "full recovery; use a shorter dt_s"
            )
        return _w_prime_balance_differential(x, cp, wp, dt)

    if tau_s is None:
        below = x[x < cp]
        # GoldenCheetah: with no sub-critical samples, DCP = CP.
        mean_below = float(below.mean()) if below.size else 0.0
        tau = wbal_tau(cp - mean_below)
    else:
        tau = check_range("tau_s", tau_s, "s", 0.0, math.inf, low_inclusive=False,
                          high_inclusive=False, context=context)
        if np.ndim(tau):
            raise ValueError(f"{context}: tau_s (s) must be a single number")
    return _w_prime_balance_integral(x, cp, wp, dt, tau)


def _w_prime_balance_differential(x: np.ndarray, cp: float, wp: float,
                                  dt: float) -> np.ndarray:
    # Track the deficit D = w_prime − bal. Recovery multiplies D by
    # 1 − (cp − x)·dt/wp, which lies in [0, 1] because cp·dt <= wp, so the
    # balance can never rise above w_prime, even by rounding.
    deficit = 0.0
    out = []
    append = out.append
    for value in x.tolist():
        if value < cp:
            deficit *= 1.0 - (cp - value) * dt / wp
        else:
            deficit += (value - cp) * dt
        append(deficit)
    return wp - np.asarray(out, dtype=float)


def _w_prime_balance_integral(x: np.ndarray, cp: float, wp: float, dt: float,
                              tau: float) -> np.ndarray:
    # Running decayed sum: S_i = S_{i−1}·exp(−dt/τ) + max(0, x_i − cp)·dt.
    # Equal to the Skiba 2012 sum term by term, without exp(t/τ) overflow.
    decay = math.exp(-dt / tau)
    expended = (np.maximum(x - cp, 0.0) * dt).tolist()
    running = 0.0
    out = []
    append = out.append
    for e in expended:
        running = running * decay + e
        append(running)
    return wp - np.asarray(out, dtype=float)


# ---------------------------------------------------------------------------
# 1.3 Acidity
# ---------------------------------------------------------------------------


def hydrogen_ion_nmol_per_l(ph):
    """Hydrogen-ion concentration from pH: ``[H⁺] = 10^(−pH) mol/L``.

    Parameters
    ----------
    ph : float or array_like
        pH (dimensionless, pH units); in [6.0, 8.0]. Resting muscle is ≈7.0
        and can fall to ≈6.2–6.4 in intense exercise; blood is ≈7.4.

    Returns
    -------
    float or numpy.ndarray
        [H⁺], nmol/L (100 nmol/L at pH 7.0). A fall of 0.4 pH units multiplies
        [H⁺] by 10^0.4 ≈ 2.51.

    Notes
    -----
    A rise in [H⁺] is not, on current evidence, the main cause of fatigue
    (Cairns, Sports Med 2006;36:279–291; Allen, Lamb & Westerblad, Physiol Rev
    2008;88:287–332).

    References
    ----------
    Definition of pH (Sørensen 1909; IUPAC).
    """
    p = check_range("ph", ph, "pH units", *PH_RANGE, context="hydrogen_ion_nmol_per_l")
    # 10^(−pH) mol/L × 1e9 nmol/mol, written as one power to avoid rounding twice.
    return scalar_or_array(np.power(10.0, 9.0 - np.asarray(p)))


# ---------------------------------------------------------------------------
# 1.2 Substrate oxidation from gas exchange
# ---------------------------------------------------------------------------


class SubstrateOxidation(NamedTuple):
    """Result of :func:`substrate_oxidation`.

    Attributes
    ----------
    cho_g_min : float or numpy.ndarray
        Carbohydrate oxidation, g/min.
    fat_g_min : float or numpy.ndarray
        Fat oxidation, g/min.
    """

    cho_g_min: float
    fat_g_min: float


def substrate_oxidation(vo2_l_min, vco2_l_min) -> SubstrateOxidation:
    """Carbohydrate and fat oxidation from VO2 and VCO2 (non-protein).

    ``CHO = 4.55·VCO2 − 3.21·VO2``, ``fat = 1.67·VO2 − 1.67·VCO2`` (g/min).

    Parameters
    ----------
    vo2_l_min : float or array_like
        Oxygen uptake, L/min; in (0, 7].
    vco2_l_min : float or array_like
        Carbon dioxide output, L/min; in (0, 8]. The ratio RER = VCO2/VO2 must
        lie in [0.70, 1.00]; outside it the equations give negative fat
        (RER > 1, e.g. CO2 from bicarbonate buffering or hyperventilation) or
        negative carbohydrate (RER < 0.70): the gas exchange then no longer
        reflects fuel oxidation alone.

    Returns
    -------
    SubstrateOxidation
        ``cho_g_min`` and ``fat_g_min``, g/min. Protein oxidation is ignored.
        With these coefficients carbohydrate is zero at RER = 3.21/4.55 ≈ 0.7055,
        so between RER 0.700 and 0.705 ``cho_g_min`` is slightly negative (at
        most 0.025 g/min per L/min of VO2): read it as zero. The value is
        returned unaltered so that the equation stays visible.

    References
    ----------
    Frayn KN. Calculation of substrate oxidation rates in vivo from gaseous
    exchange. J Appl Physiol 1983;55(2):628–634. (The course's science
    reference marks these coefficients as recalled, to be checked against the
    paper.)
    """
    context = "substrate_oxidation"
    vo2 = check_range("vo2_l_min", vo2_l_min, "L/min", 0.0, VO2_MAX_L_MIN,
                      low_inclusive=False, context=context)
    vco2 = check_range("vco2_l_min", vco2_l_min, "L/min", 0.0, VCO2_MAX_L_MIN,
                       low_inclusive=False, context=context)
    rer = np.asarray(vco2) / np.asarray(vo2)
    low, high = RER_RANGE
    bad = (rer < low - _RER_ROUNDING_SLACK) | (rer > high + _RER_ROUNDING_SLACK)
    if np.any(bad):
        got = float(np.ravel(rer)[np.flatnonzero(np.ravel(bad))[0]])
        raise ValueError(
            f"{context}: RER = vco2_l_min / vo2_l_min (both in L/min) must be between "
            f"{low:g} and {high:g} (got {got:.4g}); outside this range non-protein "
            "stoichiometry gives negative fat (RER > 1) or negative carbohydrate "
            "(RER < 0.7) oxidation, because the gas exchange no longer reflects fuel "
            "oxidation alone (e.g. extra CO2 from bicarbonate buffering or "
            "hyperventilation above 1, CO2 retention or a non-steady state below 0.7)"
        )
    cho = FRAYN_1983_CHO_PER_VCO2 * np.asarray(vco2) - FRAYN_1983_CHO_PER_VO2 * np.asarray(vo2)
    fat = FRAYN_1983_FAT_PER_L * (np.asarray(vo2) - np.asarray(vco2))
    return SubstrateOxidation(cho_g_min=scalar_or_array(cho), fat_g_min=scalar_or_array(fat))


# ---------------------------------------------------------------------------
# 1.1 Glycogen budget and "hitting the wall" (structure of Rapoport 2010)
# ---------------------------------------------------------------------------


def carbohydrate_fraction(intensity):
    """Fraction of energy from carbohydrate at a given fraction of VO2max.

    ``F_CHO(I) = 0.565973·I² + 0.376443·I − 0.000296`` ("fit A").

    **Approximation.** This polynomial is an unattributed fit found in public
    code that claims to reproduce Rapoport's Fig. 1 curve (which is based on
    Romijn et al. 1993 data); Rapoport's own formula was not retrieved. A second
    unattributed fit agrees within about 0.02 over I = 0.25–0.85.

    Parameters
    ----------
    intensity : float or array_like
        I = VO2/VO2max (dimensionless); in [0.3, 1.0].

    Returns
    -------
    float or numpy.ndarray
        Fraction of energy from carbohydrate (dimensionless), ≈0.60 at I = 0.75.

    References
    ----------
    Rapoport BI. Metabolic factors limiting performance in marathon runners.
    PLoS Comput Biol 2010;6(10):e1000960 (Fig. 1).
    Romijn JA et al. Regulation of endogenous fat and carbohydrate metabolism
    in relation to exercise intensity and duration. Am J Physiol 1993;265:E380–E391.
    """
    i = np.asarray(check_range("intensity", intensity, "× VO2max", *INTENSITY_RANGE,
                               context="carbohydrate_fraction"))
    f = FCHO_FIT_A_QUADRATIC * i**2 + FCHO_FIT_A_LINEAR * i + FCHO_FIT_A_CONSTANT
    return scalar_or_array(f)


def glycogen_store_kcal(body_mass_kg=70.0, leg_muscle_fraction=DEFAULT_LEG_MUSCLE_FRACTION,
                        muscle_glycogen_kcal_per_kg=DEFAULT_MUSCLE_GLYCOGEN_KCAL_PER_KG,
                        liver_glycogen_g=DEFAULT_LIVER_GLYCOGEN_G):
    """Glycogen energy available to a runner: leg muscle plus liver.

    ``glycogen = f_leg·BM·ρ_muscle + liver_g·4 kcal/g``

    Parameters
    ----------
    body_mass_kg : float
        Body mass, kg; in [30, 200]. Default 70.
    leg_muscle_fraction : float
        Leg-muscle mass as a fraction of body mass (dimensionless); in
        [0.10, 0.35]. Default 0.21 (men ≈21 %, women ≈20 %; secondary summary
        of Rapoport).
    muscle_glycogen_kcal_per_kg : float
        Glycogen energy per kg of leg muscle, kcal/kg; in [0, 150]. Default 80,
        **an assumption** (≈20 g/kg). Rapoport's maximum after
        supercompensation ("carbo-loading") is 144 kcal/kg.
    liver_glycogen_g : float
        Liver glycogen, g; in [0, 200]. Default 100 (average ≈88 g, up to
        ≈160 g when loaded; secondary summary of Rapoport).

    Returns
    -------
    float
        Glycogen energy, kcal (1576 kcal with the defaults; 2757 kcal for a
        fully loaded 70 kg runner with 144 kcal/kg and 160 g liver).

    References
    ----------
    Rapoport BI. PLoS Comput Biol 2010;6(10):e1000960 (structure; Fig. 2
    caption for 144 kcal/kg).
    """
    context = "glycogen_store_kcal"
    bm = check_range("body_mass_kg", body_mass_kg, "kg", *BODY_MASS_RANGE_KG, context=context)
    f_leg = check_range("leg_muscle_fraction", leg_muscle_fraction, "of body mass",
                        *LEG_MUSCLE_FRACTION_RANGE, context=context)
    rho = check_range("muscle_glycogen_kcal_per_kg", muscle_glycogen_kcal_per_kg, "kcal/kg",
                      *MUSCLE_GLYCOGEN_RANGE_KCAL_PER_KG, context=context)
    liver = check_range("liver_glycogen_g", liver_glycogen_g, "g", *LIVER_GLYCOGEN_RANGE_G,
                        context=context)
    total = (np.asarray(f_leg) * np.asarray(bm) * np.asarray(rho)
             + np.asarray(liver) * KCAL_PER_G_CARBOHYDRATE)
    return scalar_or_array(total)


def running_speed_km_h(intensity, vo2max_ml_kg_min):
    """Level running speed at a given fraction of VO2max (ACSM equation).

    ``VO2 = 3.5 + 0.2·v`` with VO2 in mL/kg/min and v in m/min, solved for v.

    **Approximation** for level running on a treadmill or track. ACSM intends
    it for running speeds (above ≈8 km/h); at very low VO2 it extrapolates,
    and real runners differ in economy by ±10 % or more.

    Parameters
    ----------
    intensity : float or array_like
        I = VO2/VO2max (dimensionless); in [0.3, 1.0].
    vo2max_ml_kg_min : float or array_like
        VO2max, mL/kg/min; in [20, 90].

    Returns
    -------
    float or numpy.ndarray
        Speed, km/h (10.2 km/h at I = 0.75 with VO2max 50).

    References
    ----------
    American College of Sports Medicine. ACSM's Guidelines for Exercise
    Testing and Prescription (metabolic equations for running).
    """
    context = "running_speed_km_h"
    i = check_range("intensity", intensity, "× VO2max", *INTENSITY_RANGE, context=context)
    vo2max = check_range("vo2max_ml_kg_min", vo2max_ml_kg_min, "mL/kg/min",
                         *VO2MAX_RANGE_ML_KG_MIN, context=context)
    vo2 = np.asarray(i) * np.asarray(vo2max)
    v_m_per_min = (vo2 - ACSM_RESTING_VO2_ML_KG_MIN) / ACSM_RUNNING_VO2_ML_KG_PER_M
    return scalar_or_array(v_m_per_min * 60.0 / 1000.0)


def _budget(context, *, body_mass_kg, intensity, vo2max_ml_kg_min,
            carbohydrate_intake_g_per_h, leg_muscle_fraction,
            muscle_glycogen_kcal_per_kg, liver_glycogen_g, cost_kcal_per_kg_km):
    """Validate the shared keywords; return (glycogen kcal, net kcal used per km)."""
    bm = check_range("body_mass_kg", body_mass_kg, "kg", *BODY_MASS_RANGE_KG, context=context)
    i = check_range("intensity", intensity, "× VO2max", *INTENSITY_RANGE, context=context)
    vo2max = check_range("vo2max_ml_kg_min", vo2max_ml_kg_min, "mL/kg/min",
                         *VO2MAX_RANGE_ML_KG_MIN, context=context)
    intake = check_range("carbohydrate_intake_g_per_h", carbohydrate_intake_g_per_h, "g/h",
                         *CARBOHYDRATE_INTAKE_RANGE_G_PER_H, context=context)
    cost = check_range("cost_kcal_per_kg_km", cost_kcal_per_kg_km, "kcal/kg/km",
                       *ENERGY_COST_RANGE_KCAL_PER_KG_KM, context=context)
    # glycogen_store_kcal checks its own three parameters.
    try:
        glycogen = glycogen_store_kcal(bm, leg_muscle_fraction, muscle_glycogen_kcal_per_kg,
                                       liver_glycogen_g)
    except ValueError as exc:
        raise ValueError(str(exc).replace("glycogen_store_kcal", context, 1)) from None
    cho_use_per_km = np.asarray(cost) * np.asarray(bm) * carbohydrate_fraction(i)
    speed = running_speed_km_h(i, vo2max)
    # Eaten carbohydrate per km = intake (g/h) / speed (km/h) · 4 kcal/g.
    eaten_per_km = np.asarray(intake) / speed * KCAL_PER_G_CARBOHYDRATE
    return glycogen, cho_use_per_km - eaten_per_km


def glycogen_remaining_kcal(distance_km, *, body_mass_kg=70.0, intensity=0.75,
                            vo2max_ml_kg_min=50.0, carbohydrate_intake_g_per_h=0.0,
                            leg_muscle_fraction=DEFAULT_LEG_MUSCLE_FRACTION,
                            muscle_glycogen_kcal_per_kg=DEFAULT_MUSCLE_GLYCOGEN_KCAL_PER_KG,
                            liver_glycogen_g=DEFAULT_LIVER_GLYCOGEN_G,
                            cost_kcal_per_kg_km=ENERGY_COST_KCAL_PER_KG_KM):
    """Glycogen left after running a distance at constant intensity.

    ``remaining = glycogen − c·BM·d·F_CHO(I) + 4·intake·d/speed``

    Structure of Rapoport 2010; see the module docstring for which numbers are
    approximations (c, F_CHO fit A, 80 kcal/kg muscle glycogen, ACSM speed,
    full credit for eaten carbohydrate).

    Parameters
    ----------
    distance_km : float or array_like
        Distance run, km; in [0, 250].
    body_mass_kg : float
        Body mass, kg; in [30, 200]. Default 70.
    intensity : float
        I = VO2/VO2max (dimensionless); in [0.3, 1.0]. Default 0.75.
    vo2max_ml_kg_min : float
        VO2max, mL/kg/min; in [20, 90]. Default 50. Only used to turn intake
        per hour into intake per km (see :func:`running_speed_km_h`).
    carbohydrate_intake_g_per_h : float
        Carbohydrate eaten during the run, g/h; in [0, 120]. Default 0.
        **Credited in full**, an approximation: the gut absorbs only about
        60 g/h of glucose alone and about 90 g/h of glucose + fructose
        (Jeukendrup 2014).
    leg_muscle_fraction, muscle_glycogen_kcal_per_kg, liver_glycogen_g : float
        As for :func:`glycogen_store_kcal`: dimensionless in [0.10, 0.35]
        (default 0.21), kcal/kg in [0, 150] (default 80, an assumption) and
        g in [0, 200] (default 100).
    cost_kcal_per_kg_km : float
        Energy cost of running, kcal/kg/km; in [0.5, 2.0]. Default 1.0, a
        **rounded secondary-source figure** for Rapoport's value.

    Returns
    -------
    float or numpy.ndarray
        Glycogen remaining, kcal; a float for scalar ``distance_km``, otherwise
        an array of the same shape. **Negative values are a deficit**: the
        carbohydrate the model says was missing, which in reality shows up as
        slowing down ("hitting the wall") rather than as negative glycogen.

    References
    ----------
    Rapoport BI. Metabolic factors limiting performance in marathon runners.
    PLoS Comput Biol 2010;6(10):e1000960 (model structure).
    Jeukendrup A. A step towards personalized sports nutrition: carbohydrate
    intake during exercise. Sports Med 2014;44(Suppl 1):S25–S33.
    """
    context = "glycogen_remaining_kcal"
    d = check_range("distance_km", distance_km, "km", *DISTANCE_RANGE_KM, context=context)
    glycogen, net_per_km = _budget(
        context, body_mass_kg=body_mass_kg, intensity=intensity,
        vo2max_ml_kg_min=vo2max_ml_kg_min,
        carbohydrate_intake_g_per_h=carbohydrate_intake_g_per_h,
        leg_muscle_fraction=leg_muscle_fraction,
        muscle_glycogen_kcal_per_kg=muscle_glycogen_kcal_per_kg,
        liver_glycogen_g=liver_glycogen_g, cost_kcal_per_kg_km=cost_kcal_per_kg_km)
    return scalar_or_array(glycogen - net_per_km * np.asarray(d))


def distance_to_wall_km(*, body_mass_kg=70.0, intensity=0.75, vo2max_ml_kg_min=50.0,
                        carbohydrate_intake_g_per_h=0.0,
                        leg_muscle_fraction=DEFAULT_LEG_MUSCLE_FRACTION,
                        muscle_glycogen_kcal_per_kg=DEFAULT_MUSCLE_GLYCOGEN_KCAL_PER_KG,
                        liver_glycogen_g=DEFAULT_LIVER_GLYCOGEN_G,
                        cost_kcal_per_kg_km=ENERGY_COST_KCAL_PER_KG_KM):
    """Distance at which the glycogen budget reaches zero ("the wall").

    ``d_wall = glycogen / (c·BM·F_CHO(I) − 4·intake/speed)``

    Structure of Rapoport 2010; the same approximations as
    :func:`glycogen_remaining_kcal` apply.

    Parameters
    ----------
    body_mass_kg : float
        Body mass, kg; in [30, 200]. Default 70.
    intensity : float
        I = VO2/VO2max (dimensionless); in [0.3, 1.0]. Default 0.75.
    vo2max_ml_kg_min : float
        VO2max, mL/kg/min; in [20, 90]. Default 50. Only used to turn intake
        per hour into intake per km (see :func:`running_speed_km_h`).
    carbohydrate_intake_g_per_h : float
        Carbohydrate eaten during the run, g/h; in [0, 120]. Default 0.
        **Credited in full**, an approximation: the gut absorbs only about
        60 g/h of glucose alone and about 90 g/h of glucose + fructose
        (Jeukendrup 2014).
    leg_muscle_fraction, muscle_glycogen_kcal_per_kg, liver_glycogen_g : float
        As for :func:`glycogen_store_kcal`: dimensionless in [0.10, 0.35]
        (default 0.21), kcal/kg in [0, 150] (default 80, an assumption) and
        g in [0, 200] (default 100).
    cost_kcal_per_kg_km : float
        Energy cost of running, kcal/kg/km; in [0.5, 2.0]. Default 1.0, a
        **rounded secondary-source figure** for Rapoport's value.

    Returns
    -------
    float
        Distance, km (37.5 km with the defaults). ``math.inf`` when the
        credited intake covers the carbohydrate used, so the budget never falls.

    References
    ----------
    Rapoport BI. Metabolic factors limiting performance in marathon runners.
    PLoS Comput Biol 2010;6(10):e1000960 (model structure).
    Jeukendrup A. A step towards personalized sports nutrition: carbohydrate
    intake during exercise. Sports Med 2014;44(Suppl 1):S25–S33.
    """
    glycogen, net_per_km = _budget(
        "distance_to_wall_km", body_mass_kg=body_mass_kg, intensity=intensity,
        vo2max_ml_kg_min=vo2max_ml_kg_min,
        carbohydrate_intake_g_per_h=carbohydrate_intake_g_per_h,
        leg_muscle_fraction=leg_muscle_fraction,
        muscle_glycogen_kcal_per_kg=muscle_glycogen_kcal_per_kg,
        liver_glycogen_g=liver_glycogen_g, cost_kcal_per_kg_km=cost_kcal_per_kg_km)
    net = np.asarray(net_per_km, dtype=float)
    glycogen = np.broadcast_to(np.asarray(glycogen, dtype=float), net.shape)
    falling = net > 0.0
    d_wall = np.full(net.shape, math.inf)
    d_wall[falling] = glycogen[falling] / net[falling]
    return scalar_or_array(d_wall)


def carbohydrate_needed_g(race_distance_km=MARATHON_KM, *, body_mass_kg=70.0, intensity=0.75,
                          vo2max_ml_kg_min=50.0, carbohydrate_intake_g_per_h=0.0,
                          leg_muscle_fraction=DEFAULT_LEG_MUSCLE_FRACTION,
                          muscle_glycogen_kcal_per_kg=DEFAULT_MUSCLE_GLYCOGEN_KCAL_PER_KG,
                          liver_glycogen_g=DEFAULT_LIVER_GLYCOGEN_G,
                          cost_kcal_per_kg_km=ENERGY_COST_KCAL_PER_KG_KM):
    """Extra carbohydrate needed to finish a race without hitting the wall.

    ``needed = max(0, −remaining(race_distance)) / 4 kcal/g``

    Beyond the glycogen stores and any ``carbohydrate_intake_g_per_h`` already
    credited. Structure of Rapoport 2010; same approximations as
    :func:`glycogen_remaining_kcal`.

    Parameters
    ----------
    race_distance_km : float or array_like
        Race distance, km; in (0, 250]. Default 42.195 (marathon).
    body_mass_kg : float
        Body mass, kg; in [30, 200]. Default 70.
    intensity : float
        I = VO2/VO2max (dimensionless); in [0.3, 1.0]. Default 0.75.
    vo2max_ml_kg_min : float
        VO2max, mL/kg/min; in [20, 90]. Default 50. Only used to turn intake
        per hour into intake per km (see :func:`running_speed_km_h`).
    carbohydrate_intake_g_per_h : float
        Carbohydrate eaten during the run, g/h; in [0, 120]. Default 0.
        **Credited in full**, an approximation: the gut absorbs only about
        60 g/h of glucose alone and about 90 g/h of glucose + fructose
        (Jeukendrup 2014).
    leg_muscle_fraction, muscle_glycogen_kcal_per_kg, liver_glycogen_g : float
        As for :func:`glycogen_store_kcal`: dimensionless in [0.10, 0.35]
        (default 0.21), kcal/kg in [0, 150] (default 80, an assumption) and
        g in [0, 200] (default 100).
    cost_kcal_per_kg_km : float
        Energy cost of running, kcal/kg/km; in [0.5, 2.0]. Default 1.0, a
        **rounded secondary-source figure** for Rapoport's value.

    Returns
    -------
    float or numpy.ndarray
        Carbohydrate, g; 0 when the stores suffice (≈49 g with the defaults).

    References
    ----------
    Rapoport BI. Metabolic factors limiting performance in marathon runners.
    PLoS Comput Biol 2010;6(10):e1000960 (model structure).
    Jeukendrup A. A step towards personalized sports nutrition: carbohydrate
    intake during exercise. Sports Med 2014;44(Suppl 1):S25–S33.
    """
    check_range("race_distance_km", race_distance_km, "km", *DISTANCE_RANGE_KM,
                low_inclusive=False, context="carbohydrate_needed_g")
    try:
        remaining = glycogen_remaining_kcal(
            race_distance_km, body_mass_kg=body_mass_kg, intensity=intensity,
            vo2max_ml_kg_min=vo2max_ml_kg_min,
            carbohydrate_intake_g_per_h=carbohydrate_intake_g_per_h,
            leg_muscle_fraction=leg_muscle_fraction,
            muscle_glycogen_kcal_per_kg=muscle_glycogen_kcal_per_kg,
            liver_glycogen_g=liver_glycogen_g, cost_kcal_per_kg_km=cost_kcal_per_kg_km)
    except ValueError as exc:
        raise ValueError(
            str(exc).replace("glycogen_remaining_kcal", "carbohydrate_needed_g", 1)
        ) from None
    deficit = np.maximum(0.0, -np.asarray(remaining))
    return scalar_or_array(deficit / KCAL_PER_G_CARBOHYDRATE)

