"""Chapter 3 models: recovery and training load.

Pure, numpy/pandas-based functions. Every docstring gives the unit of each
parameter and return value, the allowed range that is checked on entry (a bad
input raises ``ValueError`` naming the parameter, its unit and the range), and
the source of the equation.

Days are counted from 1: ``loads[0]`` is the load of day 1, and every
DataFrame or Series returned here is indexed by that day number (index name
``"day"``), so day 45 of the Clarke & Skiba data is ``.loc[45]``. Loads are
per-day training loads in arbitrary units (AU: TSS, BikeScore, session RPE ×
minutes…), non-negative and finite, as a list, a numpy array or a pandas
Series (its index is not used: the values are taken in order, one per day).

What is published and what is not
---------------------------------
* Banister fitness–fatigue (impulse–response) model
  (:func:`fitness_fatigue`, :func:`banister_crossover_day`,
  :func:`banister_peak_day`): published (Banister et al. 1975), written as
  the day-by-day recursion of Clarke & Skiba 2013 in which **a day's own load
  counts on that day**, as in ``dorem`` (``R/banister-model.R``) and
  GoldenCheetah (``Banister.cpp``). The model is a *description* with five
  free constants, not physiology: there is no "typical" parameter set, and
  nine tests cannot pin down five parameters (Hellard et al. 2006;
  :func:`fit_fitness_fatigue` says how badly conditioned each fit is).
* The published fit of Clarke & Skiba 2013 (p0 262 W, k1 0.18 W/AU, k2 0.23
  W/AU, τ1 36 d, τ2 21 d; SSE 20.25 W², R² 0.979) is reproduced within the
  rounding of its published parameters: SSE 21.26 W², R² 0.978
  (:data:`CLARKE_SKIBA_2013_PARAMETERS`).
* Performance Management Chart (:func:`training_load_chart`): CTL/ATL/TSB are
  exponentially weighted averages used by training software, not a validated
  model of anything. Two update rules are in use: TrainingPeaks' (÷42, ÷7, as
  quoted by secondary sources) and GoldenCheetah's (1 − e^(−1/n), read in
  ``PMCData.cpp``); they differ by about half a load unit.
* Training stress score (:func:`training_stress_score`): the standard
  definition (Allen & Coggan), only partially confirmed from primary sources.
* Acute:chronic workload ratio (:func:`acwr`): the three published ways of
  computing it (rolling coupled and uncoupled; EWMA, Williams et al. 2017).
  Its use as an injury predictor ("sweet spot" 0.8–1.3, "danger zone" ≥ 1.5,
  Gabbett 2016) is **contested**: the coupled ratio correlates with itself
  (Lolli et al. 2019) and dividing by random "chronic" loads predicts as well
  (Impellizzeri et al. 2020).

Use these functions to see how load, fitness and fatigue trade off, not to
plan anyone's training.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from types import MappingProxyType

import numpy as np
import pandas as pd

from heavylegs.validation import check_array, check_range, check_single

__all__ = [
    "CLARKE_SKIBA_2013_PARAMETERS",
    "FitnessFatigueFit",
    "fitness_fatigue",
    "banister_crossover_day",
    "banister_peak_day",
    "fit_fitness_fatigue",
    "training_load_chart",
    "acwr",
    "training_stress_score",
]

# --- Clarke & Skiba 2013, cycling (BikeScore -> 5-min power) -----------------
#: The published fit, as keywords for :func:`fitness_fatigue`:
#: ``fitness_fatigue(loads, **CLARKE_SKIBA_2013_PARAMETERS)``.
#: p0 in W, k1 and k2 in W per AU of BikeScore, τ1 and τ2 in days.
CLARKE_SKIBA_2013_PARAMETERS = MappingProxyType(
    {"p0": 262.0, "k1": 0.18, "k2": 0.23, "tau1_d": 36.0, "tau2_d": 21.0}
)
#: Published goodness of fit (the parameters above, rounded, give 21.26 W² and 0.978).
CLARKE_SKIBA_2013_SSE_W2 = 20.25
CLARKE_SKIBA_2013_R_SQUARED = 0.979

# --- Performance Management Chart time constants (GoldenCheetah PMCData.cpp) --
CTL_DAYS = 42
ATL_DAYS = 7
PMC_RULES = ("trainingpeaks", "goldencheetah")

# --- Acute:chronic workload ratio windows, days ------------------------------
ACUTE_DAYS = 7
CHRONIC_DAYS = 28
ACWR_METHODS = ("coupled", "uncoupled", "ewma")

# --- Training stress score ----------------------------------------------------
SECONDS_PER_HOUR = 3600.0

# --- Allowed input ranges (checked on entry; see each docstring) -------------
# Time constants: from about a day (fatigue) to a year (the slowest fitness).
TAU_RANGE_D = (1.0, 365.0)
# A session of up to a week covers multi-day ultras.
DURATION_RANGE_S = (0.0, 7 * 86_400.0)
# Normalized power of a whole session; sprint peaks reach ~2500 W.
NORMALIZED_POWER_RANGE_W = (0.0, 2_500.0)
# Functional threshold power, from a beginner to above the best professionals.
FTP_RANGE_W = (30.0, 700.0)

#: Above this condition number of the relative-sensitivity Jacobian the data
#: cannot separate the fitted parameters: a 0.1 % change in the tests may move
#: some parameter by up to 100 % (see :class:`FitnessFatigueFit`).
WELL_DETERMINED_CONDITION_LIMIT = 1_000.0

_PARAMETER_NAMES = ("p0", "k1", "k2", "tau1_d", "tau2_d")


def _check_loads(loads, context):
    return check_array("loads", loads, "AU", 0.0, math.inf, high_inclusive=False,
                       context=context)


def _check_banister(context, p0=None, k1=None, k2=None, tau1_d=None, tau2_d=None):
    """Check the five Banister constants; returns them as floats (p0 may be None)."""
    finite = dict(low_inclusive=False, high_inclusive=False)
    out = {}
    if p0 is not None:
        out["p0"] = check_single("p0", p0, "", -math.inf, math.inf, context=context, **finite)
    out["k1"] = check_single("k1", k1, "per AU", 0.0, math.inf, context=context,
                              high_inclusive=False)
    out["k2"] = check_single("k2", k2, "per AU", 0.0, math.inf, context=context,
                              high_inclusive=False)
    out["tau1_d"] = check_single("tau1_d", tau1_d, "d", *TAU_RANGE_D, context=context)
    out["tau2_d"] = check_single("tau2_d", tau2_d, "d", *TAU_RANGE_D, context=context)
    return out


def _day_index(n):
    return pd.RangeIndex(1, n + 1, name="day")


def _decayed_sum(loads: np.ndarray, decay: float) -> np.ndarray:
    """``s(t) = s(t−1)·decay + w(t)`` from ``s(0) = 0``: each day's load counts that day.

    A plain running sum, O(n) and free of the overflow that the closed form
    ``e^(−t/τ)·Σ w(s)·e^(s/τ)`` meets on long records.
    """
    out = np.empty(loads.size)
    total = 0.0
    for i, load in enumerate(loads.tolist()):
        total = total * decay + load
        out[i] = total
    return out


# ---------------------------------------------------------------------------
# Banister fitness–fatigue model
# ---------------------------------------------------------------------------


def fitness_fatigue(loads, p0, k1, k2, tau1_d, tau2_d) -> pd.DataFrame:
    """Fitness, fatigue and modelled performance after each day of training.

    The Banister impulse–response model in the recursive form of Clarke &
    Skiba 2013, starting from no training (g = h = 0 before day 1)::

        g(t) = g(t−1)·e^(−1/τ1) + w(t)      h(t) = h(t−1)·e^(−1/τ2) + w(t)
        p(t) = p0 + k1·g(t) − k2·h(t)

    A day's own load ``w(t)`` counts on that day, as in dorem and
    GoldenCheetah (counting it from the next day instead raises the SSE of
    the Clarke & Skiba fit from 21.3 to 83.2 W²; to model that, pass
    ``[0] + loads[:-1]``).

    Parameters
    ----------
    loads : array_like
        Training load of each day, AU; each >= 0 and finite; at least one day.
        A list, a numpy array or a pandas Series (values taken in order).
    p0 : float
        Baseline performance, in the unit of the performance test (W for
        Clarke & Skiba's 5-min power); any finite number.
    k1 : float
        Fitness gain, performance units per AU; >= 0 and finite.
    k2 : float
        Fatigue gain, performance units per AU; >= 0 and finite. Usually
        larger than k1: a session first makes you slower.
    tau1_d : float
        Fitness decay time constant, days; in [1, 365]. Usually longer than
        ``tau2_d``: fitness lasts, fatigue passes.
    tau2_d : float
        Fatigue decay time constant, days; in [1, 365].

    Returns
    -------
    pandas.DataFrame
        One row per day, indexed by day number 1…n (index name ``"day"``),
        with columns ``fitness`` (k1·g, performance units), ``fatigue`` (k2·h,
        performance units, >= 0) and ``performance`` (p0 + fitness − fatigue).
        With :data:`CLARKE_SKIBA_2013_PARAMETERS` on the Clarke & Skiba data
        the performance on day 45 is 273.0 W.

    References
    ----------
    Banister EW, Calvert TW, Savage MV, Bach T. A systems model of training
    for athletic performance. Aust J Sports Med 1975;7:57–61.
    Clarke DC, Skiba PF. Rationale and resources for teaching the
    mathematical modeling of athletic training and performance. Adv Physiol
    Educ 2013;37(2):134–152. https://doi.org/10.1152/advan.00078.2011
    Implementations followed: dorem ``R/banister-model.R``; GoldenCheetah
    ``src/Metrics/Banister.cpp``.
    """
    context = "fitness_fatigue"
    w = _check_loads(loads, context)
    c = _check_banister(context, p0=p0, k1=k1, k2=k2, tau1_d=tau1_d, tau2_d=tau2_d)
    fitness = c["k1"] * _decayed_sum(w, math.exp(-1.0 / c["tau1_d"]))
    fatigue = c["k2"] * _decayed_sum(w, math.exp(-1.0 / c["tau2_d"]))
    return pd.DataFrame(
        {"fitness": fitness, "fatigue": fatigue, "performance": c["p0"] + fitness - fatigue},
        index=_day_index(w.size),
    )


def banister_crossover_day(k1, k2, tau1_d, tau2_d) -> float:
    """Days after a single session at which its net effect turns positive.

    After one session of load w on day 0 the model's change in performance is
    ``Δp(t) = w·(k1·e^(−t/τ1) − k2·e^(−t/τ2))``: negative at first (fatigue
    outweighs fitness) when k2 > k1, positive once fatigue has decayed, if
    fitness lasts longer (τ1 > τ2). It is zero at::

        t0 = ln(k2/k1)·τ1·τ2/(τ1 − τ2)

    The load w does not matter. With k1 = 1, k2 = 2, τ1 = 42, τ2 = 7: 5.82 d;
    with Clarke & Skiba's constants: 12.35 d.

    Parameters
    ----------
    k1, k2 : float
        Fitness and fatigue gains, performance units per AU; >= 0 and finite.
    tau1_d, tau2_d : float
        Fitness and fatigue time constants, days; in [1, 365].

    Returns
    -------
    float
        t0, days after the session (> 0; not a whole number: the model's
        effect turns positive between two days).

    Raises
    ------
    ValueError
        No crossover: when k1 = 0 the session brings no fitness; when k2 <= k1 the session helps from the start (or never
        hurts); when tau1_d <= tau2_d fitness fades no slower than fatigue, so
        a session that hurts at first never turns helpful. Also any input out
        of range.

    References
    ----------
    Clarke DC, Skiba PF 2013 (see :func:`fitness_fatigue`), the single-impulse
    response. https://doi.org/10.1152/advan.00078.2011
    """
    context = "banister_crossover_day"
    c = _check_banister(context, k1=k1, k2=k2, tau1_d=tau1_d, tau2_d=tau2_d)
    k1, k2, t1, t2 = c["k1"], c["k2"], c["tau1_d"], c["tau2_d"]
    if k1 == 0:
        raise ValueError(f"{context}: no crossover when k1 = 0 per AU: the session "
                         "brings no fitness, so its net effect never turns positive")
    if not k2 > k1:
        raise ValueError(
            f"{context}: no crossover when k2 <= k1 (k1 = {k1:g}, k2 = {k2:g} per AU): "
            "fatigue never outweighs fitness, so the session's net effect is not "
            "negative to begin with"
        )
    if not t1 > t2:
        raise ValueError(
            f"{context}: no crossover when tau1_d <= tau2_d (tau1_d = {t1:g} d, "
            f"tau2_d = {t2:g} d): fitness fades no slower than fatigue, so a session "
            "that first makes you slower never turns positive"
        )
    return math.log(k2 / k1) * t1 * t2 / (t1 - t2)


def banister_peak_day(k1, k2, tau1_d, tau2_d) -> float:
    """Days after a single session at which its net effect on performance peaks.

    Setting the derivative of ``Δp(t) = w·(k1·e^(−t/τ1) − k2·e^(−t/τ2))`` to
    zero gives::

        t* = ln(k2·τ1/(k1·τ2))·τ1·τ2/(τ1 − τ2)

    the best day to race after a single hard session, in the model. With
    k1 = 1, k2 = 2, τ1 = 42, τ2 = 7: 20.87 d; with Clarke & Skiba's
    constants: 39.52 d.

    Parameters
    ----------
    k1, k2 : float
        Fitness and fatigue gains, performance units per AU; >= 0 and finite.
    tau1_d, tau2_d : float
        Fitness and fatigue time constants, days; in [1, 365].

    Returns
    -------
    float
        t*, days after the session (> 0).

    Raises
    ------
    ValueError
        No later peak: when k1 = 0 (no fitness at all), when tau1_d <= tau2_d (fitness fades no slower than
        fatigue, the net effect only falls or never turns positive), or when
        ``k2·tau1_d <= k1·tau2_d`` (the net effect is largest on the day of
        the session itself and only falls after it). Also any input out of
        range.

    References
    ----------
    Clarke DC, Skiba PF 2013 (see :func:`fitness_fatigue`).
    https://doi.org/10.1152/advan.00078.2011
    """
    context = "banister_peak_day"
    c = _check_banister(context, k1=k1, k2=k2, tau1_d=tau1_d, tau2_d=tau2_d)
    k1, k2, t1, t2 = c["k1"], c["k2"], c["tau1_d"], c["tau2_d"]
    if k1 == 0:
        raise ValueError(f"{context}: no peak when k1 = 0 per AU: the session brings "
                         "no fitness, so its net effect is never positive")
    if not t1 > t2:
        raise ValueError(
            f"{context}: no peak after the session when tau1_d <= tau2_d (tau1_d = "
            f"{t1:g} d, tau2_d = {t2:g} d): fitness fades no slower than fatigue"
        )
    if not k2 * t1 > k1 * t2:
        raise ValueError(
            f"{context}: no peak after the session when k2·tau1_d <= k1·tau2_d "
            f"({k2:g}·{t1:g} <= {k1:g}·{t2:g}): the net effect is largest on the day "
            "of the session and falls from then on"
        )
    return math.log(k2 * t1 / (k1 * t2)) * t1 * t2 / (t1 - t2)


# ---------------------------------------------------------------------------
# Fitting the model to performance tests
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class FitnessFatigueFit:
    """Result of :func:`fit_fitness_fatigue`.

    Attributes
    ----------
    p0 : float
        Baseline performance, unit of the tests.
    k1, k2 : float
        Fitness and fatigue gains, test units per AU.
    tau1_d, tau2_d : float
        Fitness and fatigue time constants, days.
    sse : float
        Sum of squared errors on the test days, (test unit)².
    r_squared : float
        ``1 − sse/Σ(test − mean)²`` (dimensionless; NaN if all tests are equal).
    predictions : tuple of float
        Modelled performance on each test day, in the order given.
    free : tuple of str
        Names of the parameters that were fitted (the others were held fixed).
    condition_number : float
        How badly conditioned the fit is: the ratio of the largest to the
        smallest singular value of the Jacobian of the predictions with
        respect to the *relative* change of each free parameter
        (``∂p/∂θ · θ``), at the solution. Roughly, a relative change ε in the
        tests can move some parameter by up to ``condition_number·ε``. NaN if
        no parameter is free.
    well_determined : bool
        ``condition_number < 1000`` (:data:`WELL_DETERMINED_CONDITION_LIMIT`)
        and more tests than free parameters. ``False`` means: many quite
        different parameter sets fit these tests almost equally well, so do
        not read meaning into the individual values.
    converged : bool
        The optimiser met its tolerances (``False`` if it stopped at its
        evaluation limit; ``True`` if nothing was free).
    """

    p0: float
    k1: float
    k2: float
    tau1_d: float
    tau2_d: float
    sse: float
    r_squared: float
    predictions: tuple
    free: tuple
    condition_number: float
    well_determined: bool
    converged: bool

    @property
    def parameters(self) -> dict:
        """The five constants as keywords for :func:`fitness_fatigue`."""
        return {name: getattr(self, name) for name in _PARAMETER_NAMES}

    @property
    def conditioning(self) -> str:
        """A plain sentence saying how far the fitted values can be trusted."""
        if not self.free:
            return "nothing was fitted: all five parameters were fixed"
        if self.well_determined:
            return (f"well conditioned (condition number {self.condition_number:.3g}): "
                    "the tests determine the fitted parameters")
        return (f"badly conditioned (condition number {self.condition_number:.3g}): "
                "very different parameter sets fit these tests almost equally well, "
                "so the individual values mean little")


def _test_model(w, test_days, x):
    """Predictions on the test days and their Jacobian w.r.t. (p0, k1, k2, τ1, τ2).

    Written as sums over each test day's history, ``Σ w(s)·e^(−(t−s)/τ)``,
    which equal the recursion of :func:`fitness_fatigue` on those days and
    give the derivatives with respect to τ in closed form.
    """
    p0, k1, k2, t1, t2 = x
    lag = test_days[:, None] - np.arange(1, w.size + 1)[None, :]
    counted = lag >= 0
    lag = np.where(counted, lag, 0).astype(float)

    def decayed(tau):
        weights = np.where(counted, np.exp(-lag / tau), 0.0)
        return weights @ w, (weights * lag) @ w / tau**2

    g, dg_dtau = decayed(t1)
    h, dh_dtau = decayed(t2)
    predictions = p0 + k1 * g - k2 * h
    jacobian = np.column_stack([np.ones_like(g), g, -h, k1 * dg_dtau, -k2 * dh_dtau])
    return predictions, jacobian


def fit_fitness_fatigue(loads, test_days, test_values, *, initial=None, fixed=None):
    """Fit the Banister model (p0, k1, k2, τ1, τ2) to performance tests.

    Least squares on the test days (``scipy.optimize.least_squares``, trust
    region with bounds k1, k2 >= 0 and τ in [1, 365] d; p0 free), with the
    model of :func:`fitness_fatigue`. Nothing else is constrained: in
    particular τ1 > τ2 is not imposed.

    **The fit is badly conditioned** whenever all five parameters are free and
    there are only a handful of tests: the result's ``condition_number`` and
    ``well_determined`` say so. On the Clarke & Skiba data (nine tests) an
    unconstrained fit does not stop at the published values (SSE 21.26 W²) but
    drifts to τ1 ≈ τ2 ≈ 27–28 d with k1 ≈ k2 large and a lower SSE of 18.30
    W²; along that valley k1 and k2 can grow almost without changing the SSE,
    so their fitted values depend on where the optimiser stops. Holding the
    time constants fixed (``fixed={"tau1_d": 36, "tau2_d": 21}``) leaves a
    linear, well-conditioned problem (p0 261.6 W, k1 0.176, k2 0.224 W/AU,
    SSE 20.42 W²).

    Parameters
    ----------
    loads : array_like
        Training load of each day, AU, day 1 first; each >= 0 and finite.
    test_days : array_like
        Day number of each performance test, counted from 1 like ``loads``
        (the data set's ``Day`` column); whole numbers in [1, len(loads)].
    test_values : array_like
        Result of each test, same length as ``test_days``, in its own unit
        (W for 5-min power); finite. At least two tests, and at least as many
        as free parameters.
    initial : mapping, optional
        Starting values for any of ``p0``, ``k1``, ``k2``, ``tau1_d``,
        ``tau2_d``. Default: τ1 = 42 d and τ2 = 7 d (the PMC constants), and
        the p0, k1, k2 that fit best with those (a linear least-squares fit).
    fixed : mapping, optional
        Values of any of the five parameters to hold fixed instead of fitting.
        Fixing all five only evaluates the model: ``fixed=CLARKE_SKIBA_2013_
        PARAMETERS`` gives SSE 21.26 W² and R² 0.978 on the Clarke & Skiba
        data, and needs no SciPy.

    Returns
    -------
    FitnessFatigueFit
        The five parameters, SSE, R², predictions on the test days, and how
        well conditioned the fit is.

    Raises
    ------
    ValueError
        Bad loads; test days that are not whole numbers within the loads;
        test values that are not finite or do not match the test days in
        number; fewer tests than free parameters; an unknown parameter name in
        ``initial`` or ``fixed``, or a value out of its range.
    ImportError
        SciPy is not installed and some parameter is free.

    References
    ----------
    Clarke DC, Skiba PF 2013 (see :func:`fitness_fatigue`).
    https://doi.org/10.1152/advan.00078.2011
    Hellard P, Avalos M, Lacoste L, Barale F, Chatard JC, Millet GP. Assessing
    the limitations of the Banister model in monitoring training. J Sports Sci
    2006;24(5):509–520 (ill-conditioning; PMC1974899).
    """
    context = "fit_fitness_fatigue"
    w = _check_loads(loads, context)
    days = check_array("test_days", test_days, "day", 1.0, float(w.size), context=context)
    if np.any(days % 1 != 0):
        i = int(np.flatnonzero(days % 1 != 0)[0])
        raise ValueError(f"{context}: test_days (day) must be whole day numbers "
                         f"(got {float(days[i])!r} at index {i})")
    values = check_array("test_values", test_values, "", -math.inf, math.inf,
                         low_inclusive=False, high_inclusive=False, context=context)
    if values.size != days.size:
        raise ValueError(f"{context}: test_values must have one value per test day "
                         f"(got {values.size} values for {days.size} test days)")
    fixed = _check_parameter_mapping("fixed", fixed, context)
    initial = _check_parameter_mapping("initial", initial, context)
    free = tuple(name for name in _PARAMETER_NAMES if name not in fixed)
    needed = max(2, len(free))
    if days.size < needed:
        raise ValueError(f"{context}: test_days needs at least {needed} tests to fit "
                         f"{len(free)} free parameters (got {days.size})")
    days = days.astype(int)

    start = _starting_values(w, days, values, initial, fixed)
    converged = True
    if free:
        start, converged = _least_squares(w, days, values, start, free)
    predictions, jacobian = _test_model(w, days, start)
    residuals = predictions - values
    sse = float(residuals @ residuals)
    spread = float(((values - values.mean()) ** 2).sum())
    r_squared = 1.0 - sse / spread if spread > 0 else math.nan
    condition = math.nan
    if free:
        columns = [_PARAMETER_NAMES.index(name) for name in free]
        scale = np.where(start[columns] != 0, np.abs(start[columns]), 1.0)
        singular = np.linalg.svd(jacobian[:, columns] * scale, compute_uv=False)
        condition = float(singular[0] / singular[-1]) if singular[-1] > 0 else math.inf
    well = bool(free) and days.size > len(free) and condition < WELL_DETERMINED_CONDITION_LIMIT
    return FitnessFatigueFit(
        *(float(v) for v in start), sse=sse, r_squared=r_squared,
        predictions=tuple(float(p) for p in predictions), free=free,
        condition_number=condition, well_determined=well, converged=converged,
    )


def _check_parameter_mapping(label, mapping, context):
    if mapping is None:
        return {}
    try:
        items = dict(mapping)
    except (TypeError, ValueError):
        raise ValueError(f"{context}: {label} must be a mapping of parameter names to "
                         f"values, e.g. {{'tau1_d': 36}} (got {mapping!r})") from None
    unknown = sorted(set(items) - set(_PARAMETER_NAMES))
    if unknown:
        raise ValueError(f"{context}: unknown parameter {unknown[0]!r} in {label}; "
                         f"the parameters are {', '.join(_PARAMETER_NAMES)}")
    checked = _check_banister(f"{context} ({label})", **{"k1": 0, "k2": 0, "tau1_d": 1,
                                                          "tau2_d": 1, "p0": 0, **items})
    return {name: checked[name] for name in items}


def _starting_values(w, days, values, initial, fixed):
    guess = {"tau1_d": 42.0, "tau2_d": 7.0, **initial, **fixed}
    if not {"p0", "k1", "k2"} <= set(initial) | set(fixed):
        # With τ known the model is linear in p0, k1, k2: solve for them.
        _, jac = _test_model(w, days, np.array([0.0, 0.0, 0.0, guess["tau1_d"], guess["tau2_d"]]))
        g, minus_h = jac[:, 1], jac[:, 2]
        target = values.copy()
        columns, names = [], []
        for name, column in (("p0", np.ones_like(g)), ("k1", g), ("k2", minus_h)):
            if name in fixed:
                target -= fixed[name] * column if name != "p0" else fixed[name]
            else:
                columns.append(column)
                names.append(name)
        solved, *_ = np.linalg.lstsq(np.column_stack(columns), target, rcond=None)
        typical_gain = (np.ptp(values) or 1.0) / max(float(w.mean()), 1e-12) / 100.0
        for name, value in zip(names, solved):
            if name not in initial:
                # Keep gains strictly inside their bound k >= 0.
                guess[name] = float(value) if name == "p0" else max(float(value), typical_gain)
    return np.array([guess[name] for name in _PARAMETER_NAMES], dtype=float)


def _least_squares(w, days, values, start, free):
    from scipy.optimize import least_squares  # lazy: the rest of the module needs no SciPy

    columns = [_PARAMETER_NAMES.index(name) for name in free]
    lower = np.array([-np.inf, 0.0, 0.0, TAU_RANGE_D[0], TAU_RANGE_D[0]])[columns]
    upper = np.array([np.inf, np.inf, np.inf, TAU_RANGE_D[1], TAU_RANGE_D[1]])[columns]
    x = start.copy()

    def model(free_values):
        x[columns] = free_values
        return _test_model(w, days, x)

    result = least_squares(
        lambda v: model(v)[0] - values, np.clip(start[columns], lower, upper),
        jac=lambda v: model(v)[1][:, columns], bounds=(lower, upper), x_scale="jac",
        max_nfev=5_000,
    )
    x[columns] = result.x
    return x, bool(result.status > 0)


# ---------------------------------------------------------------------------
# Performance Management Chart: CTL, ATL, TSB
# ---------------------------------------------------------------------------


def training_load_chart(loads, rule="trainingpeaks") -> pd.DataFrame:
    """Chronic and acute training load and training stress balance (the "PMC").

    Exponentially weighted averages of the daily load, starting from 0 before
    day 1:

    * ``rule="trainingpeaks"``: ``CTL_t = CTL_{t−1} + (w_t − CTL_{t−1})/42``,
      ATL the same with 7;
    * ``rule="goldencheetah"``: ``CTL_t = w_t·(1 − e^(−1/42)) +
      CTL_{t−1}·e^(−1/42)``, ATL the same with 7 (GoldenCheetah's "LTS" and
      "STS").

    **Which day TSB belongs to:** ``tsb`` on day t is ``ctl − atl`` at the end
    of day t − 1, the form you bring *into* day t, before its training; so
    day 1's tsb is 0. This is how TrainingPeaks and (by default)
    GoldenCheetah show it. The same-day difference is ``ctl − atl``.

    With 100 AU a day for 42 days (TrainingPeaks rule): CTL 63.65, ATL 99.85
    on day 42, TSB −36.19 on day 43; after 7 rest days CTL 53.77, ATL 33.94
    and TSB +19.83 the next day (GoldenCheetah: 63.21, 99.75, −36.54; 53.51,
    36.70, +16.81).

    Parameters
    ----------
    loads : array_like
        Training load of each day, AU (normally TSS); each >= 0 and finite.
    rule : {"trainingpeaks", "goldencheetah"}, optional
        Which update rule. Default ``"trainingpeaks"``. (Not pandas
        ``ewm(span=42)``: that averages over ≈ 21 days and gives CTL 86.5 or
        100 in the example above.)

    Returns
    -------
    pandas.DataFrame
        Indexed by day number 1…n (``"day"``), columns ``ctl``, ``atl`` (AU
        per day, >= 0) and ``tsb`` (AU per day; negative = more fatigue than
        fitness).

    References
    ----------
    Allen H, Coggan A. Training and Racing with a Power Meter. VeloPress
    (the Performance Management Chart; ÷42 and ÷7 as quoted by TrainingPeaks
    users). GoldenCheetah ``src/Metrics/PMCData.cpp`` (1 − e^(−1/n)).
    Banister et al. 1975 (see :func:`fitness_fatigue`), whose fitness and
    fatigue the PMC imitates with fixed constants.
    """
    context = "training_load_chart"
    if rule not in PMC_RULES:
        raise ValueError(f"{context}: rule must be 'trainingpeaks' or 'goldencheetah' "
                         f"(got {rule!r})")
    w = _check_loads(loads, context)

    def averaged(days):
        weight = 1.0 / days if rule == "trainingpeaks" else 1.0 - math.exp(-1.0 / days)
        # avg_t = avg_{t−1}·(1 − weight) + w_t·weight, the decayed sum scaled.
        return weight * _decayed_sum(w, 1.0 - weight)

    ctl = averaged(CTL_DAYS)
    atl = averaged(ATL_DAYS)
    tsb = np.concatenate([[0.0], (ctl - atl)[:-1]])
    return pd.DataFrame({"ctl": ctl, "atl": atl, "tsb": tsb}, index=_day_index(w.size))


# ---------------------------------------------------------------------------
# Acute:chronic workload ratio
# ---------------------------------------------------------------------------


def acwr(loads, method="coupled") -> pd.Series:
    """Acute:chronic workload ratio of each day.

    * ``method="coupled"``: mean load of the last 7 days (today included) ÷
      mean load of the last 28 days (today included), so this week is part of
      both (the "mathematical coupling" of Lolli et al. 2019);
    * ``method="uncoupled"``: the chronic mean uses days −27 … −7 only (the
      21 days before this week);
    * ``method="ewma"``: ``EWMA_t = λ·w_t + (1 − λ)·EWMA_{t−1}`` with
      ``λ = 2/(N + 1)``, N = 7 (acute) and 28 (chronic), both seeded with day
      1's load (Williams et al. 2017).

    Weekly loads of 300, 300, 300 and 450 AU spread evenly over the days give
    1.333 (coupled), 1.500 (uncoupled) and 1.198 (EWMA) on day 28.

    The ratio is not an injury predictor to rely on: the "sweet spot"
    0.8–1.3 and "danger zone" >= 1.5 (Gabbett 2016) did not survive
    re-analysis (Lolli et al. 2019; Impellizzeri et al. 2020).

    Parameters
    ----------
    loads : array_like
        Training load of each day, AU; each >= 0 and finite.
    method : {"coupled", "uncoupled", "ewma"}, optional
        Default ``"coupled"``.

    Returns
    -------
    pandas.Series
        The ratio (dimensionless), indexed by day number 1…n (``"day"``),
        named ``"acwr"``. **NaN, not a number, on days 1–27** (fewer than 28
        days of history; for the EWMA too, whose early values mostly reflect
        its seed), and on days whose chronic load is 0.

    References
    ----------
    Gabbett TJ. The training–injury prevention paradox: should athletes be
    training smarter and harder? Br J Sports Med 2016;50(5):273–280.
    https://doi.org/10.1136/bjsports-2015-095788
    Williams S, West S, Cross MJ, Stokes KA. Better way to determine the
    acute:chronic workload ratio? Br J Sports Med 2017;51(3):209–210.
    https://bjsm.bmj.com/content/51/3/209
    Lolli L et al. Mathematical coupling causes spurious correlation within
    the conventional acute-to-chronic workload ratio calculations. Br J
    Sports Med 2019;53(15):921–922.
    Impellizzeri FM et al. Acute:chronic workload ratio: conceptual issues and
    fundamental pitfalls. Sports Med 2020 (time to dismiss ACWR).
    https://doi.org/10.1007/s40279-020-01378-6
    """
    context = "acwr"
    if method not in ACWR_METHODS:
        raise ValueError(f"{context}: method must be 'coupled', 'uncoupled' or 'ewma' "
                         f"(got {method!r})")
    checked = _check_loads(loads, context)
    w = pd.Series(checked, index=_day_index(checked.size))
    if method == "ewma":
        # adjust=False is exactly the seeded recursion (EWMA_1 = w_1).
        acute = w.ewm(alpha=2.0 / (ACUTE_DAYS + 1), adjust=False).mean()
        chronic = w.ewm(alpha=2.0 / (CHRONIC_DAYS + 1), adjust=False).mean()
    else:
        acute = w.rolling(ACUTE_DAYS).mean()
        if method == "coupled":
            chronic = w.rolling(CHRONIC_DAYS).mean()
        else:
            chronic = w.shift(ACUTE_DAYS).rolling(CHRONIC_DAYS - ACUTE_DAYS).mean()
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = acute.to_numpy() / chronic.to_numpy()
    ratio[: CHRONIC_DAYS - 1] = np.nan
    ratio[chronic.to_numpy() == 0] = np.nan
    return pd.Series(ratio, index=w.index, name="acwr")


# ---------------------------------------------------------------------------
# Training stress score
# ---------------------------------------------------------------------------


def training_stress_score(duration_s, normalized_power_w, ftp_w):
    """Training stress score of a session (cycling power).

    ``TSS = (duration_s × NP × IF)/(FTP × 3600) × 100`` with the intensity
    factor ``IF = NP/FTP``; i.e. ``100 × hours × IF²``. One hour at FTP is
    100; 90 min at IF 0.8 is 96.0.

    Parameters
    ----------
    duration_s : float or array_like
        Session duration, s; in [0, 604 800] (a week).
    normalized_power_w : float or array_like
        Normalized power of the session, W; in [0, 2500].
    ftp_w : float or array_like
        Functional threshold power, W; in [30, 700].

    Returns
    -------
    float or numpy.ndarray
        TSS (AU), >= 0. Scalars give a float, arrays broadcast.

    References
    ----------
    Allen H, Coggan A. Training and Racing with a Power Meter. VeloPress (the
    standard definition; only partially confirmed from primary sources).
    """
    context = "training_stress_score"
    seconds = check_range("duration_s", duration_s, "s", *DURATION_RANGE_S, context=context)
    np_w = check_range("normalized_power_w", normalized_power_w, "W",
                       *NORMALIZED_POWER_RANGE_W, context=context)
    ftp = check_range("ftp_w", ftp_w, "W", *FTP_RANGE_W, context=context)
    intensity_factor = np.asarray(np_w) / np.asarray(ftp)
    tss = np.asarray(seconds) * np.asarray(np_w) * intensity_factor / (
        np.asarray(ftp) * SECONDS_PER_HOUR) * 100.0
    return float(tss) if tss.ndim == 0 else tss
