"""Terrain: the energy cost of running up and down slopes.

Shared by chapter 2 (muscle damage: why a downhill race feels cheap yet
wrecks the legs) and chapter 6 (biomechanics), so it is defined once, here.

Source and what it is
---------------------
* ``running_energy_cost``: the fifth-order polynomial that Minetti et al. 2002
  fitted to the metabolic cost of running on a treadmill at grades from −0.45
  to +0.45. Published equation; the coefficients were checked against two
  public implementations (``cabhishek/running-formula`` and
  ``aaron-schroeder/heartandsole``). The fit runs a little above the measured
  means: 3.60 against 3.40 ± 0.24 J·kg⁻¹·m⁻¹ on the level, 19.43 against
  18.93 at +0.45, 1.80 against 1.73 at −0.20. Outside ±0.45 it was not
  measured, so this function refuses those grades.
"""

from __future__ import annotations

import numpy as np

from heavylegs.validation import check_range, scalar_or_array

__all__ = [
    "MINETTI_2002_RUNNING_COEFFICIENTS",
    "GRADE_RANGE",
    "running_energy_cost",
]

# --- Minetti et al. 2002, running: C_r(i) = Σ c_k·i^k, highest power first ---
#: C_r(i) = 155.4 i⁵ − 30.4 i⁴ − 43.3 i³ + 46.3 i² + 19.5 i + 3.6  (J·kg⁻¹·m⁻¹)
MINETTI_2002_RUNNING_COEFFICIENTS = (155.4, -30.4, -43.3, 46.3, 19.5, 3.6)
#: Grades (rise/run) over which Minetti et al. measured and fitted the cost.
GRADE_RANGE = (-0.45, 0.45)


def running_energy_cost(grade):
    """Metabolic energy cost of running per kilogram and metre on a slope.

    ``C_r(i) = 155.4 i⁵ − 30.4 i⁴ − 43.3 i³ + 46.3 i² + 19.5 i + 3.6``

    Parameters
    ----------
    grade : float or array_like
        Slope ``i`` as rise over run, a dimensionless fraction (10 % is 0.10;
        negative is downhill); in [−0.45, +0.45], the range Minetti et al.
        measured.

    Returns
    -------
    float or numpy.ndarray
        Energy cost, J·kg⁻¹·m⁻¹ (joules per kilogram of body mass per metre
        run). 3.60 on the level; least, 1.781, at a grade of −0.1814; 19.43 at
        +0.45. Multiply by body mass (kg) and distance (m) for joules.

    Raises
    ------
    ValueError
        ``grade`` outside [−0.45, +0.45] (for example a percentage passed
        instead of a fraction), NaN or not a number.

    Notes
    -----
    The cost is least on a moderate downhill (about −18 to −20 %): steeper
    than that, runners brake so hard that braking itself costs energy. A low
    metabolic cost does not mean a gentle load on the muscles: downhill, the
    legs absorb the body's potential energy by eccentric (lengthening)
    contractions, which is what damages them (see
    :func:`heavylegs.damage.eccentric_work_kj`).

    References
    ----------
    Minetti AE, Moia C, Roi GS, Susta D, Ferretti G. Energy cost of walking
    and running at extreme uphill and downhill slopes. J Appl Physiol
    2002;93(3):1039–1046. https://doi.org/10.1152/japplphysiol.01177.2001
    """
    try:
        i = check_range("grade", grade, "", *GRADE_RANGE, context="running_energy_cost")
    except ValueError as exc:
        raise ValueError(
            f"{exc}; grade is rise over run, a dimensionless fraction (10 % is 0.10), and "
            "Minetti et al. 2002 measured only -0.45 to +0.45"
        ) from None
    return scalar_or_array(np.polyval(MINETTI_2002_RUNNING_COEFFICIENTS, i))
