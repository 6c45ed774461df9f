"""Chapter 6 models: biomechanics — cadence, the bouncing spring, hills and shoes.

Pure, numpy-based functions. Every docstring gives the unit of each parameter
and return value, the allowed range that is checked on entry (a bad input
raises ``ValueError`` naming the parameter, its unit and the range), and the
source of the equation or the number.

What is published and what is a heuristic
------------------------------------------
* Step length (:func:`step_length_m`): speed = step rate × step length, an
  identity.
* The spring-mass model (:func:`spring_mass`): the "sine-wave" method of
  Morin et al. 2005, which estimates the peak vertical force, the fall of the
  centre of mass, the compression of the leg and the two stiffnesses from
  body mass, speed, contact time, flight time and leg length — numbers a
  running watch or a phone video gives. Published equations, checked by the
  authors against a force plate (bias 0.67–6.93 %).
* Hills (:func:`running_energy_cost`, :func:`grade_adjusted_speed_m_per_s`):
  Minetti et al. 2002's energy cost of running on a slope, the same function
  as chapter 2's (:mod:`heavylegs.terrain`); the grade-adjusted speed is the
  level speed that costs the same energy per second.
* Shoes: the mass penalty (:func:`shoe_mass_cost_pct`) is Hoogkamer et al.
  2016's measured ~1 % more energy per 100 g per shoe. The replacement
  interval (:func:`shoe_replacement_weeks`) is the **300–500 mile heuristic**,
  kept as a heuristic: no trial has linked shoe mileage to injury.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from heavylegs.terrain import running_energy_cost
from heavylegs.validation import check_range, check_single, scalar_or_array

__all__ = [
    "SpringMass",
    "step_length_m",
    "cadence_for_step_length_spm",
    "step_length_change_pct",
    "spring_mass",
    "leg_length_m",
    "running_energy_cost",
    "grade_adjusted_speed_m_per_s",
    "energy_per_km_kj",
    "shoe_mass_cost_pct",
    "shoe_replacement_km",
    "shoe_replacement_weeks",
]

# --- Sources -------------------------------------------------------------------
MORIN_2005 = ("Morin JB, Dalleau G, Kyröläinen H, Jeannin T, Belli A. A simple method for measuring stiffness "
              "during running. J Appl Biomech 2005;21(2):167–180. https://doi.org/10.1123/jab.21.2.167")
HEIDERSCHEIT_2011 = ("Heiderscheit BC, Chumanov ES, Michalski MP, Wille CM, Ryan MB. Effects of step rate "
                     "manipulation on joint mechanics during running. Med Sci Sports Exerc 2011;43(2):296–302. "
                     "https://doi.org/10.1249/MSS.0b013e3181ebedf4")
HOOGKAMER_2016 = ("Hoogkamer W, Kipp S, Spiering BA, Kram R. Altered running economy directly translates to "
                  "altered distance-running performance. Med Sci Sports Exerc 2016;48(11):2175–2180. "
                  "https://doi.org/10.1249/MSS.0000000000001012")
WINTER_1979 = "Winter DA. Biomechanics of human movement. New York: Wiley; 1979 (leg length ≈ 0.53 × height)."

# --- Constants -------------------------------------------------------------------
#: Standard gravity, m/s².
STANDARD_GRAVITY_M_S2 = 9.80665
#: Leg length (greater trochanter to the ground) as a share of standing height (Winter 1979).
LEG_LENGTH_PER_HEIGHT = 0.53
#: Hoogkamer et al. 2016: energy cost rises about 1 % for each 100 g added to each shoe.
SHOE_MASS_COST_PCT_PER_100_G = 1.0
#: The popular replacement interval, miles (a heuristic, not a finding).
SHOE_REPLACEMENT_MILES = (300.0, 500.0)
#: One mile, km.
KM_PER_MILE = 1.609344

# --- Ranges checked on entry --------------------------------------------------------
SPEED_RANGE_M_PER_S = (0.5, 12.0)     # a slow jog to beyond a sprinter's top speed
CADENCE_RANGE_SPM = (60.0, 260.0)     # steps per minute, both feet
MASS_RANGE_KG = (20.0, 200.0)
CONTACT_TIME_RANGE_S = (0.05, 1.0)
FLIGHT_TIME_RANGE_S = (0.0, 0.5)
LEG_LENGTH_RANGE_M = (0.4, 1.4)
HEIGHT_RANGE_M = (1.0, 2.3)
STEP_LENGTH_RANGE_M = (0.1, 3.0)
CADENCE_CHANGE_RANGE_PCT = (-50.0, 100.0)
SHOE_MASS_RANGE_G = (-500.0, 1000.0)  # per shoe, relative to a reference shoe
WEEKLY_DISTANCE_RANGE_KM = (1.0, 300.0)


@dataclass(frozen=True)
class SpringMass:
    """What the sine-wave spring-mass model estimates for one running step (Morin et al. 2005).

    Attributes
    ----------
    f_max_n : float
        Peak vertical ground reaction force, N.
    delta_y_m : float
        How far the centre of mass falls during contact, m (a positive distance).
    delta_l_m : float
        How far the leg spring is compressed, m.
    k_vert_kn_per_m : float
        Vertical stiffness, ``f_max / delta_y``, kN/m.
    k_leg_kn_per_m : float
        Leg stiffness, ``f_max / delta_l``, kN/m.
    f_max_body_weights : float
        Peak force in body weights (runner's units).
    """

    f_max_n: float
    delta_y_m: float
    delta_l_m: float
    k_vert_kn_per_m: float
    k_leg_kn_per_m: float
    f_max_body_weights: float


def step_length_m(speed_m_per_s, cadence_spm):
    """Length of one step (one foot to the other), m: ``speed × 60 / cadence``.

    Parameters
    ----------
    speed_m_per_s : float or array_like
        Running speed, m/s; in [0.5, 12] (3.33 m/s is 5:00 min/km).
    cadence_spm : float or array_like
        Steps per minute, counting both feet; in [60, 260].

    Returns
    -------
    float or numpy.ndarray
        Step length, m: 1.00 at 2.8333 m/s and 170 steps/min; 0.9444 at the same speed and 180.
    """
    context = "step_length_m"
    speed = check_range("speed_m_per_s", speed_m_per_s, "m/s", *SPEED_RANGE_M_PER_S, context=context)
    cadence = check_range("cadence_spm", cadence_spm, "steps/min", *CADENCE_RANGE_SPM, context=context)
    return scalar_or_array(np.asarray(speed) * 60.0 / np.asarray(cadence))


def cadence_for_step_length_spm(speed_m_per_s, step_m):
    """The cadence that gives a step length at a speed, steps/min: ``speed × 60 / step length``.

    Parameters
    ----------
    speed_m_per_s : float or array_like
        Running speed, m/s; in [0.5, 12].
    step_m : float or array_like
        Step length, m; in [0.1, 3].

    Returns
    -------
    float or numpy.ndarray
        Cadence, steps/min: 170 for 2.8333 m/s and 1.00 m.
    """
    context = "cadence_for_step_length_spm"
    speed = check_range("speed_m_per_s", speed_m_per_s, "m/s", *SPEED_RANGE_M_PER_S, context=context)
    length = check_range("step_m", step_m, "m", *STEP_LENGTH_RANGE_M, context=context)
    return scalar_or_array(np.asarray(speed) * 60.0 / np.asarray(length))


def step_length_change_pct(cadence_change_pct):
    """How much shorter each step gets when cadence rises at the same speed, %.

    Parameters
    ----------
    cadence_change_pct : float or array_like
        Change in cadence, % of the preferred cadence; in [−50, 100].

    Returns
    -------
    float or numpy.ndarray
        Change in step length, %: −4.76 for +5 %, −9.09 for +10 % (Heiderscheit et al. 2011 tested
        ±5 and ±10 %).
    """
    change = check_range("cadence_change_pct", cadence_change_pct, "%", *CADENCE_CHANGE_RANGE_PCT,
                         context="step_length_change_pct")
    return scalar_or_array((1.0 / (1.0 + np.asarray(change) / 100.0) - 1.0) * 100.0)


def leg_length_m(height_m):
    """Leg length estimated from standing height, m: ``0.53 × height`` (Winter 1979, as used by Morin 2005).

    Parameters
    ----------
    height_m : float or array_like
        Standing height, m; in [1.0, 2.3].

    Returns
    -------
    float or numpy.ndarray
        Leg length, m: 0.9275 for 1.75 m.
    """
    height = check_range("height_m", height_m, "m", *HEIGHT_RANGE_M, context="leg_length_m")
    return scalar_or_array(LEG_LENGTH_PER_HEIGHT * np.asarray(height))


def spring_mass(mass_kg, speed_m_per_s, contact_time_s, flight_time_s, leg_length_m) -> SpringMass:
    """Forces and stiffness of one running step from five numbers: the sine-wave method of Morin et al. 2005.

    The vertical force during contact is modelled as half a sine wave whose
    area carries the body's weight through the whole step (contact plus
    flight), so::

        F_max   = m·g·(π/2)·(t_f/t_c + 1)
        Δy      = F_max·t_c²/(m·π²) − g·t_c²/8
        ΔL      = L − √(L² − (v·t_c/2)²) + Δy
        k_vert  = F_max/Δy,   k_leg = F_max/ΔL

    The sign in ``Δy`` matters: with ``+ g·t_c²/8`` the fall of the centre
    of mass comes out about three times too large. Note what the first line
    says: with no flight at all the peak force is still π/2 ≈ 1.57 body
    weights, and any flight makes it larger.

    Parameters
    ----------
    mass_kg : float
        Body mass, kg; in [20, 200].
    speed_m_per_s : float
        Running speed, m/s; in [0.5, 12].
    contact_time_s : float
        Ground contact time of one step, s; in [0.05, 1.0] (about 0.16–0.30 s in distance running).
    flight_time_s : float
        Time in the air between steps, s; in [0, 0.5]. Negative flight is not running.
    leg_length_m : float
        Leg length (hip to ground), m; in [0.4, 1.4]; see :func:`leg_length_m`.

    Returns
    -------
    SpringMass
        For 70 kg, 3.33 m/s, t_c 0.250 s, t_f 0.120 s, L 0.9275 m: F_max 1596.4 N (2.325 body
        weights), Δy 0.0678 m, ΔL 0.1664 m, k_vert 23.55 kN/m, k_leg 9.59 kN/m.

    Raises
    ------
    ValueError
        For any input outside its range (negative flight time included, with the reason), and when
        the leg could not reach the ground for the whole contact: the body travels ``v·t_c`` during
        contact, and half of that must be shorter than the leg.

    References
    ----------
    Morin JB et al. J Appl Biomech 2005;21(2):167–180.
    """
    context = "spring_mass"
    mass = check_single("mass_kg", mass_kg, "kg", *MASS_RANGE_KG, context=context)
    speed = check_single("speed_m_per_s", speed_m_per_s, "m/s", *SPEED_RANGE_M_PER_S, context=context)
    contact = check_single("contact_time_s", contact_time_s, "s", *CONTACT_TIME_RANGE_S, context=context)
    try:
        flight = check_single("flight_time_s", flight_time_s, "s", *FLIGHT_TIME_RANGE_S, context=context)
    except ValueError as exc:
        if isinstance(flight_time_s, (int, float)) and not isinstance(flight_time_s, bool) and flight_time_s < 0:
            raise ValueError(f"{exc}: a negative flight time would mean both feet on the ground at once, "
                             "which is walking, not running") from None
        raise
    leg = check_single("leg_length_m", leg_length_m, "m", *LEG_LENGTH_RANGE_M, context=context)
    half_sweep = speed * contact / 2.0
    if half_sweep >= leg:
        raise ValueError(
            f"{context}: contact_time_s ({contact:g} s) is too long for speed_m_per_s ({speed:g} m/s) and "
            f"leg_length_m ({leg:g} m): the body would travel {speed * contact:.2f} m during contact, and half "
            f"of that ({half_sweep:.2f} m) must be shorter than the leg; contact can last at most "
            f"{2 * leg / speed:.3f} s at this speed")
    g = STANDARD_GRAVITY_M_S2
    f_max = mass * g * (math.pi / 2.0) * (flight / contact + 1.0)
    delta_y = f_max * contact ** 2 / (mass * math.pi ** 2) - g * contact ** 2 / 8.0
    delta_l = leg - math.sqrt(leg ** 2 - half_sweep ** 2) + delta_y
    return SpringMass(
        f_max_n=f_max,
        delta_y_m=delta_y,
        delta_l_m=delta_l,
        k_vert_kn_per_m=f_max / delta_y / 1000.0,
        k_leg_kn_per_m=f_max / delta_l / 1000.0,
        f_max_body_weights=f_max / (mass * g),
    )


def grade_adjusted_speed_m_per_s(speed_m_per_s, grade):
    """The level speed that costs as much energy per second as running at ``speed`` on ``grade``.

    ``v_level = v × C_r(grade) / C_r(0)``, with Minetti et al. 2002's cost
    (:func:`running_energy_cost`). It is the idea behind the "grade-adjusted
    pace" of running apps, though each app uses its own model.

    Parameters
    ----------
    speed_m_per_s : float or array_like
        Speed on the slope, m/s; in [0.5, 12].
    grade : float or array_like
        Slope as rise over run (10 % is 0.10); in [−0.45, 0.45].

    Returns
    -------
    float or numpy.ndarray
        Equivalent level speed, m/s: 3.0 m/s up a +10 % grade is like 4.97 m/s on the flat.
    """
    speed = check_range("speed_m_per_s", speed_m_per_s, "m/s", *SPEED_RANGE_M_PER_S,
                        context="grade_adjusted_speed_m_per_s")
    cost = running_energy_cost(grade)
    return scalar_or_array(np.asarray(speed) * np.asarray(cost) / running_energy_cost(0.0))


def energy_per_km_kj(grade, body_mass_kg):
    """Metabolic energy to run one kilometre on a slope, kJ: ``C_r(grade) × mass × 1000 m``.

    Parameters
    ----------
    grade : float or array_like
        Slope as rise over run; in [−0.45, 0.45].
    body_mass_kg : float or array_like
        Body mass, kg; in [20, 200].

    Returns
    -------
    float or numpy.ndarray
        kJ per km: 252.0 on the flat for 70 kg, 417.8 up +10 %, 150.6 down −10 %.
    """
    mass = check_range("body_mass_kg", body_mass_kg, "kg", *MASS_RANGE_KG, context="energy_per_km_kj")
    return scalar_or_array(np.asarray(running_energy_cost(grade)) * np.asarray(mass))


def shoe_mass_cost_pct(added_mass_g_per_shoe):
    """Extra energy cost of running in heavier shoes, %: about 1 % per 100 g added to each shoe.

    Parameters
    ----------
    added_mass_g_per_shoe : float or array_like
        Mass added to (or, negative, taken from) each shoe, g; in [−500, 1000].

    Returns
    -------
    float or numpy.ndarray
        Extra energy cost, %: 1.0 for 100 g per shoe, 3.0 for 300 g.

    References
    ----------
    Hoogkamer W et al. Med Sci Sports Exerc 2016;48(11):2175–2180 (measured with 0, 100, 200 and 300 g
    added per shoe).
    """
    added = check_range("added_mass_g_per_shoe", added_mass_g_per_shoe, "g", *SHOE_MASS_RANGE_G,
                        context="shoe_mass_cost_pct")
    return scalar_or_array(np.asarray(added) / 100.0 * SHOE_MASS_COST_PCT_PER_100_G)


def shoe_replacement_km():
    """The popular 300–500 mile replacement interval in km: (482.8, 804.7). **A heuristic, not a finding.**

    Returns
    -------
    tuple of float
        (low, high), km.
    """
    low, high = SHOE_REPLACEMENT_MILES
    return low * KM_PER_MILE, high * KM_PER_MILE


def shoe_replacement_weeks(weekly_km):
    """How many weeks the 300–500 mile heuristic gives a pair of shoes at a weekly distance.

    **A heuristic, not a finding**: cushioning is lost mostly in the first
    miles, and no trial has linked shoe mileage to injury.

    Parameters
    ----------
    weekly_km : float
        Distance run each week in these shoes, km; in [1, 300].

    Returns
    -------
    tuple of float
        (low, high), weeks: 12.1–20.1 at 40 km a week.
    """
    weekly = check_single("weekly_km", weekly_km, "km", *WEEKLY_DISTANCE_RANGE_KM, context="shoe_replacement_weeks")
    low, high = shoe_replacement_km()
    return low / weekly, high / weekly
