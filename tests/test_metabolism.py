"""Unit tests for heavylegs.metabolism and heavylegs.validation.

Worked numbers and tolerances come from the course's science reference,
Chapter 1 (sections 1.1–1.4), copied here so that the tests stand alone. The
source of each number is given in a comment next to it.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from heavylegs import metabolism as m
from heavylegs.validation import check_array, check_range

# ---------------------------------------------------------------------------
# 1.1 Glycogen budget and "hitting the wall"
# Structure: Rapoport, PLoS Comput Biol 2010;6(10):e1000960. Worked numbers
# computed for a 70 kg runner, leg muscle 21 % of body mass, 80 kcal/kg muscle
# glycogen (assumed), liver 100 g, F_CHO "fit A" (science reference §1.1).
# ---------------------------------------------------------------------------


def test_glycogen_store_default_runner():
    # 70·0.21·80 + 100·4 = 1576 kcal (science ref §1.1, exact)
    assert m.glycogen_store_kcal() == pytest.approx(1576.0, abs=1e-9)
    assert m.glycogen_store_kcal(70, 0.21, 80, 100) == pytest.approx(1576.0, abs=1e-9)


def test_glycogen_store_fully_loaded_runner():
    # 144 kcal/kg leg muscle (Rapoport Fig. 2 caption) and 160 g liver:
    # 2757 kcal ± 1 (science ref §1.1)
    loaded = m.glycogen_store_kcal(muscle_glycogen_kcal_per_kg=144, liver_glycogen_g=160)
    assert loaded == pytest.approx(2757.0, abs=1.0)
    assert m.RAPOPORT_MAX_MUSCLE_GLYCOGEN_KCAL_PER_KG == 144


@pytest.mark.parametrize(
    "intensity, expected",
    # F_CHO fit A table (science ref §1.1), values given to 3 decimals
    [(0.50, 0.329), (0.65, 0.484), (0.75, 0.600), (0.85, 0.729)],
)
def test_carbohydrate_fraction_fit_a_table(intensity, expected):
    assert m.carbohydrate_fraction(intensity) == pytest.approx(expected, abs=5e-4)


def test_carbohydrate_fraction_accepts_arrays():
    out = m.carbohydrate_fraction([0.5, 0.75])
    assert isinstance(out, np.ndarray)
    assert out == pytest.approx([0.329, 0.600], abs=5e-4)


@pytest.mark.parametrize(
    "intensity, wall_km, extra_g, extra_tol_g",
    [
        # science ref §1.1 worked examples: ±0.1 km, ±1 g
        (0.75, 37.5, 49.0, 1.0),
        (0.80, 34.0, 96.0, 1.0),
        # "41.7 km, so a marathon needs ≈5 g": no gram tolerance given; ±1 g
        # as for the other rows
        (0.70, 41.7, 5.0, 1.0),
    ],
)
def test_wall_distance_and_extra_carbohydrate(intensity, wall_km, extra_g, extra_tol_g):
    assert m.distance_to_wall_km(intensity=intensity) == pytest.approx(wall_km, abs=0.1)
    assert m.carbohydrate_needed_g(intensity=intensity) == pytest.approx(extra_g, abs=extra_tol_g)
    # The default race is the marathon.
    assert m.carbohydrate_needed_g(42.195, intensity=intensity) == m.carbohydrate_needed_g(
        intensity=intensity
    )


def test_glycogen_remaining_is_zero_at_the_wall_and_full_at_start():
    wall = m.distance_to_wall_km()
    assert m.glycogen_remaining_kcal(0.0) == pytest.approx(1576.0)
    assert m.glycogen_remaining_kcal(wall) == pytest.approx(0.0, abs=1e-9)


def test_glycogen_remaining_goes_negative_past_the_wall():
    # Negative = deficit (documented). 42.195 km at I = 0.75: 49 g ≈ 197 kcal short.
    remaining = m.glycogen_remaining_kcal([0.0, 10.0, 42.195])
    assert isinstance(remaining, np.ndarray)
    assert remaining[0] == pytest.approx(1576.0)
    assert remaining[-1] == pytest.approx(-4.0 * m.carbohydrate_needed_g(), rel=1e-12)
    assert remaining[-1] < 0


def test_no_extra_carbohydrate_for_short_race():
    assert m.carbohydrate_needed_g(21.0975) == 0.0


def test_running_speed_acsm():
    # ACSM: VO2 = 3.5 + 0.2·v; 0.75·50 = 37.5 mL/kg/min -> v = 170 m/min = 10.2 km/h
    assert m.running_speed_km_h(0.75, 50) == pytest.approx(10.2, abs=1e-12)


def test_carbohydrate_intake_is_credited_per_hour_of_running():
    # 60 g/h at 10.2 km/h over 42.195 km: 60·42.195/10.2 g eaten, at 4 kcal/g.
    hours = 42.195 / 10.2
    with_intake = m.glycogen_remaining_kcal(42.195, carbohydrate_intake_g_per_h=60)
    without = m.glycogen_remaining_kcal(42.195)
    assert with_intake - without == pytest.approx(60 * hours * 4, rel=1e-12)
    # 60 g/h more than covers the ≈49 g deficit.
    assert m.carbohydrate_needed_g(carbohydrate_intake_g_per_h=60) == 0.0


def test_wall_is_infinite_when_intake_covers_carbohydrate_use():
    # CHO use at I = 0.75: 1·70·0.6004 ≈ 42.03 kcal/km ≈ 107.2 g/h at 10.2 km/h.
    assert m.distance_to_wall_km(carbohydrate_intake_g_per_h=110) == math.inf
    assert math.isfinite(m.distance_to_wall_km(carbohydrate_intake_g_per_h=100))


def test_jeukendrup_absorption_constants():
    # Jeukendrup, Sports Med 2014;44(Suppl 1):S25: ≈60 g/h single source,
    # ≈90 g/h multiple transportable carbohydrates.
    assert m.GLUCOSE_ONLY_ABSORPTION_G_PER_H == 60
    assert m.GLUCOSE_FRUCTOSE_ABSORPTION_G_PER_H == 90


# ---------------------------------------------------------------------------
# 1.2 Substrate oxidation (Frayn, J Appl Physiol 1983;55:628)
# ---------------------------------------------------------------------------


def test_frayn_worked_example():
    # VO2 3.0, VCO2 2.7 (RER 0.90): CHO 2.655 g/min, fat 0.501 g/min ± 0.001
    # (science ref §1.2)
    result = m.substrate_oxidation(3.0, 2.7)
    assert isinstance(result, m.SubstrateOxidation)
    assert result.cho_g_min == pytest.approx(2.655, abs=0.001)
    assert result.fat_g_min == pytest.approx(0.501, abs=0.001)


def test_frayn_carbohydrate_energy_share():
    # CHO share of energy with 3.72 kcal/g CHO and 9.44 kcal/g fat (oxidizr
    # energy factors): 0.676 with Frayn ± 0.002 (science ref §1.2)
    cho, fat = m.substrate_oxidation(3.0, 2.7)
    share = cho * 3.72 / (cho * 3.72 + fat * 9.44)
    assert share == pytest.approx(0.676, abs=0.002)


def test_frayn_rer_one_means_no_fat():
    assert m.substrate_oxidation(2.0, 2.0).fat_g_min == pytest.approx(0.0, abs=1e-12)


def test_frayn_arrays():
    out = m.substrate_oxidation([3.0, 2.0], [2.7, 1.6])
    assert out.cho_g_min == pytest.approx([2.655, 4.55 * 1.6 - 3.21 * 2.0])


# ---------------------------------------------------------------------------
# 1.3 Acidity
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("ph, expected", [(7.0, 100.0), (6.8, 158.5), (6.6, 251.2)])
def test_hydrogen_ion_concentration(ph, expected):
    # [H⁺] = 10^(−pH) mol/L: 100, 158.5, 251.2 nmol/L ± 0.1 (science ref §1.3)
    assert m.hydrogen_ion_nmol_per_l(ph) == pytest.approx(expected, abs=0.1)


def test_hydrogen_ion_ratio_for_a_fall_of_0_4():
    # a 0.4-unit fall multiplies [H⁺] by 2.51 (science ref §1.3)
    ratio = m.hydrogen_ion_nmol_per_l(6.6) / m.hydrogen_ion_nmol_per_l(7.0)
    assert ratio == pytest.approx(2.51, abs=0.01)


# ---------------------------------------------------------------------------
# 1.4 Critical speed and D′ (linear distance–time model)
# ---------------------------------------------------------------------------

TRIAL_DISTANCES_M = [1200, 2400, 3600]
TRIAL_TIMES_S = [239, 511, 784]


def test_critical_speed_three_trials():
    # 1200/2400/3600 m in 239/511/784 s: CS = 4.4037 m/s ± 0.0005,
    # D′ = 148.3 m ± 0.5 (science ref §1.4)
    fit = m.critical_speed(TRIAL_DISTANCES_M, TRIAL_TIMES_S)
    assert isinstance(fit, m.CriticalSpeedFit)
    assert fit.cs_m_per_s == pytest.approx(4.4037, abs=0.0005)
    assert fit.d_prime_m == pytest.approx(148.3, abs=0.5)


def test_critical_speed_two_trials():
    # two-point fit using 1200 and 3600 m: CS = 4.4037, D′ = 147.5 m ± 0.5
    # (science ref §1.4)
    fit = m.critical_speed([1200, 3600], [239, 784])
    assert fit.cs_m_per_s == pytest.approx(4.4037, abs=0.0005)
    assert fit.d_prime_m == pytest.approx(147.5, abs=0.5)
    # Two points: the fit is the two-trial estimate CS = (d2 − d1)/(t2 − t1).
    assert fit.cs_m_per_s == pytest.approx((3600 - 1200) / (784 - 239), rel=1e-12)


def test_time_to_exhaustion_worked_example():
    # t_lim at 5.0 m/s with the 3-trial fit: 248.6 s ± 0.5 (science ref §1.4)
    fit = m.critical_speed(TRIAL_DISTANCES_M, TRIAL_TIMES_S)
    assert m.time_to_exhaustion(5.0, *fit) == pytest.approx(248.6, abs=0.5)


def test_predicted_5k_time():
    # (5000 − D′)/CS = 1101.8 s ± 1 (science ref §1.4)
    cs, d_prime = m.critical_speed(TRIAL_DISTANCES_M, TRIAL_TIMES_S)
    assert (5000 - d_prime) / cs == pytest.approx(1101.8, abs=1.0)


def test_time_to_exhaustion_at_or_below_cs_is_infinite():
    assert m.time_to_exhaustion(4.0, 4.4, 150.0) == math.inf
    assert m.time_to_exhaustion(4.4, 4.4, 150.0) == math.inf
    out = m.time_to_exhaustion([0.0, 4.4, 5.4], 4.4, 150.0)
    assert isinstance(out, np.ndarray)
    assert out[0] == math.inf and out[1] == math.inf
    assert out[2] == pytest.approx(150.0)


def test_kordi_2019_sanity():
    # Not a worked number: a sanity check against typical values.
    # Kordi et al., IJSPP 2019;14(5):685: trained male distance runners,
    # CS 4.94 ± 0.32 m/s, D′ 123 ± 58 m, from 1200/2400/3600 m trials.
    cs, d_prime = 4.94, 123.0
    times = [(d - d_prime) / cs for d in TRIAL_DISTANCES_M]
    # Such a runner's trials last about 3.5–12 min, inside the 2–15 min window
    # the linear model is meant for.
    assert 120 < times[0] < times[-1] < 900
    fit = m.critical_speed(TRIAL_DISTANCES_M, times)
    assert fit.cs_m_per_s == pytest.approx(cs, rel=1e-9)
    assert fit.d_prime_m == pytest.approx(d_prime, rel=1e-9)
    # 10 % above CS can be held for a few minutes, not seconds or hours.
    assert 120 < m.time_to_exhaustion(1.1 * cs, cs, d_prime) < 600
    # The course's worked example lies within 2 SD of Kordi's group.
    ex_cs, ex_d = m.critical_speed(TRIAL_DISTANCES_M, TRIAL_TIMES_S)
    assert abs(ex_cs - 4.94) < 2 * 0.32
    assert abs(ex_d - 123) < 2 * 58


# ---------------------------------------------------------------------------
# 1.4 W′ balance (Skiba et al. 2012 integral; Skiba et al. 2015 differential)
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "dcp, expected",
    # τ = 546·exp(−0.01·DCP) + 316: 862.0/741.2/647.2/516.9/389.9 s ± 0.1
    # (Skiba et al., MSSE 2012;44:1526; science ref §1.4)
    [(0, 862.0), (25, 741.2), (50, 647.2), (100, 516.9), (200, 389.9)],
)
def test_wbal_tau_table(dcp, expected):
    assert m.wbal_tau(dcp) == pytest.approx(expected, abs=0.1)


def test_wbal_tau_array():
    out = m.wbal_tau([0, 100])
    assert out == pytest.approx([862.0, 516.9], abs=0.1)


def _session():
    # CP 250 W, W′ 20 kJ; 60 s at 400 W then 120 s at 150 W, 1 s samples
    # (science ref §1.4; GoldenCheetah's defaults are CP 250 W, W′ 20 kJ)
    return [400.0] * 60 + [150.0] * 120


def test_w_prime_balance_differential_session():
    # Skiba et al. 2015 differential form: 11 000 J at 60 s and 15 068.1 J at
    # 180 s ± 1 J (science ref §1.4). Element i is the balance after sample i,
    # so "at 60 s" is index 59 (GoldenCheetah / sweatpy convention).
    bal = m.w_prime_balance(_session(), 250, 20_000)
    assert bal.shape == (180,)
    assert bal[59] == pytest.approx(11_000.0, abs=1.0)
    assert bal[179] == pytest.approx(15_068.1, abs=1.0)
    assert bal.min() == bal[59]
    assert m.w_prime_balance(_session(), 250, 20_000, method="differential") == pytest.approx(bal)


def test_w_prime_balance_differential_implied_tau():
    # Implied recovery time constant τ = W′/DCP = 20 000/100 = 200 s (science
    # ref §1.4): each 1 s step at 150 W keeps (1 − 1/200) of the deficit.
    bal = m.w_prime_balance(_session(), 250, 20_000)
    deficit_60 = 20_000 - bal[59]
    deficit_180 = 20_000 - bal[179]
    assert deficit_180 / deficit_60 == pytest.approx((1 - 1 / 200) ** 120, rel=1e-9)


def test_w_prime_balance_integral_session_with_goldencheetah_tau():
    # Skiba et al. 2012 integral form with τ = int(516.9) = 516 s as
    # GoldenCheetah truncates: minimum 11 495.3 J and 13 260.0 J at 180 s,
    # ± 1 J (science ref §1.4)
    assert int(m.wbal_tau(250 - 150)) == 516
    bal = m.w_prime_balance(_session(), 250, 20_000, method="integral", tau_s=516)
    assert bal.min() == pytest.approx(11_495.3, abs=1.0)
    assert bal[179] == pytest.approx(13_260.0, abs=1.0)
    assert int(np.argmin(bal)) == 59


def test_w_prime_balance_integral_default_tau_is_not_truncated():
    # Without tau_s, τ = wbal_tau(CP − mean of sub-CP samples) = wbal_tau(100),
    # 516.86 s, not truncated.
    default = m.w_prime_balance(_session(), 250, 20_000, method="integral")
    explicit = m.w_prime_balance(_session(), 250, 20_000, method="integral",
                                 tau_s=m.wbal_tau(100))
    assert default == pytest.approx(explicit, rel=0, abs=1e-9)
    truncated = m.w_prime_balance(_session(), 250, 20_000, method="integral", tau_s=516)
    assert default[179] != truncated[179]


def test_two_forms_disagree_by_about_1_8_kj():
    # Teaching point (science ref §1.4): ≈1.8 kJ apart after 2 min recovery.
    diff = m.w_prime_balance(_session(), 250, 20_000)[179]
    integ = m.w_prime_balance(_session(), 250, 20_000, method="integral", tau_s=516)[179]
    assert diff - integ == pytest.approx(1_800, abs=100)


def test_integral_matches_direct_skiba_sum():
    # Direct O(n²) evaluation of Skiba 2012 (as sweatpy's `skiba` method).
    rng = np.random.default_rng(1)
    power = rng.uniform(0, 500, size=300)
    cp, wp, tau = 250.0, 20_000.0, 400.0
    t = np.arange(power.size)
    expended = np.maximum(power - cp, 0)
    direct = np.array([wp - np.sum(expended[: i + 1] * np.exp(-(i - t[: i + 1]) / tau))
                       for i in range(power.size)])
    fast = m.w_prime_balance(power, cp, wp, method="integral", tau_s=tau)
    assert fast == pytest.approx(direct, rel=1e-12, abs=1e-8)


def test_integral_without_sub_critical_samples_uses_dcp_equal_to_cp():
    # GoldenCheetah: with no samples below CP, DCP = CP.
    bal = m.w_prime_balance([300.0] * 10, 250, 20_000, method="integral")
    ref = m.w_prime_balance([300.0] * 10, 250, 20_000, method="integral",
                            tau_s=m.wbal_tau(250))
    assert bal == pytest.approx(ref)


def test_integral_is_stable_on_very_long_records():
    # Multiplying by exp(t/τ) would overflow float64 after ≈62 h at τ = 316 s.
    n = 300_000  # 83 h at 1 s
    power = np.where(np.arange(n) % 600 < 60, 400.0, 100.0)
    bal = m.w_prime_balance(power, 250, 20_000, method="integral", tau_s=316)
    assert np.all(np.isfinite(bal))
    assert bal.max() <= 20_000


def test_w_prime_balance_for_running_speed():
    # D′ balance: CS 4.4 m/s, D′ 150 m; 20 s at 6 m/s uses 32 m.
    speeds = [6.0] * 20 + [3.0] * 60
    bal = m.w_prime_balance(speeds, 4.4, 150.0)
    assert bal[19] == pytest.approx(150 - 1.6 * 20)
    assert bal[19] < bal[-1] < 150
    bal_int = m.w_prime_balance(speeds, 4.4, 150.0, method="integral", tau_s=100)
    assert bal_int[19] < bal_int[-1] < 150


def test_w_prime_balance_sample_interval():
    # Constant work above critical: balance falls by (x − critical)·dt per sample.
    bal = m.w_prime_balance([300.0] * 5, 250, 20_000, dt_s=2.0)
    assert bal == pytest.approx(20_000 - 50 * 2.0 * np.arange(1, 6))
    bal_int = m.w_prime_balance([300.0] * 5, 250, 20_000, dt_s=2.0, method="integral",
                                tau_s=1e12)
    assert bal_int == pytest.approx(bal, rel=1e-9)


# ---------------------------------------------------------------------------
# Errors: every ValueError names the parameter and its unit
# ---------------------------------------------------------------------------

ERROR_CASES = [
    # critical_speed
    (lambda: m.critical_speed([1200], [239]), r"critical_speed: distances_m \(m\) must have at least 2"),
    (lambda: m.critical_speed([1200, 2400, 3600], [239, 511]), r"distances_m \(m\) and times_s \(s\) must have the same length"),
    (lambda: m.critical_speed([1200, 2400], [0, 511]), r"times_s must be > 0 and <= 7200 s \(got 0\.0 s at index 0\)"),
    (lambda: m.critical_speed([1200, -2400], [239, 511]), r"distances_m must be > 0 and <= 50000 m \(got -2400\.0 m"),
    (lambda: m.critical_speed([1200, 2400], [300, 300]), r"times_s \(s\) must not all be equal"),
    (lambda: m.critical_speed([2000, 1000], [300, 600]), r"cs_m_per_s = .* m/s, but CS must be > 0 m/s"),
    (lambda: m.critical_speed([1000, 2000], [300, 500]), r"d_prime_m = -500\.0.* m, but D′ must be >= 0 m"),
    (lambda: m.critical_speed([1200, float("nan")], [239, 511]), r"distances_m .* m .*nan"),
    (lambda: m.critical_speed("1200", [239]), r"distances_m must be a real number in m"),
    # time_to_exhaustion
    (lambda: m.time_to_exhaustion(-1.0, 4.4, 150), r"time_to_exhaustion: speed_m_per_s must be between 0 and 12 m/s \(got -1\.0 m/s\)"),
    (lambda: m.time_to_exhaustion(13.0, 4.4, 150), r"speed_m_per_s must be between 0 and 12 m/s \(got 13\.0 m/s\)"),
    (lambda: m.time_to_exhaustion(5.0, -1.0, 150), r"time_to_exhaustion: cs_m_per_s must be > 0 and <= 12 m/s \(got -1\.0 m/s\)"),
    (lambda: m.time_to_exhaustion(5.0, 0.0, 150), r"cs_m_per_s must be > 0 and <= 12 m/s"),
    (lambda: m.time_to_exhaustion(5.0, 4.4, 0.0), r"d_prime_m must be > 0 and <= 1000 m \(got 0\.0 m\)"),
    (lambda: m.time_to_exhaustion(5.0, 4.4, 2000.0), r"d_prime_m must be > 0 and <= 1000 m"),
    (lambda: m.time_to_exhaustion(float("nan"), 4.4, 150), r"speed_m_per_s .* m/s .*nan"),
    (lambda: m.time_to_exhaustion(None, 4.4, 150), r"speed_m_per_s must be a real number in m/s"),
    # wbal_tau
    (lambda: m.wbal_tau(-1.0), r"wbal_tau: dcp must be >= 0 W \(got -1\.0 W\)"),
    (lambda: m.wbal_tau(math.inf), r"dcp must be >= 0 W \(got inf W\)"),
    # w_prime_balance
    (lambda: m.w_prime_balance([300], 250, 20_000, method="euler"), r"method must be 'differential' or 'integral' \(got 'euler'\)"),
    (lambda: m.w_prime_balance([300], 0, 20_000), r"critical must be > 0 W or m/s \(got 0\.0 W or m/s\)"),
    (lambda: m.w_prime_balance([300], -250, 20_000, method="integral"), r"critical must be > 0 W or m/s"),
    (lambda: m.w_prime_balance([300], 250, 0), r"w_prime must be > 0 J or m \(got 0\.0 J or m\)"),
    (lambda: m.w_prime_balance([300], 250, -5.0, method="integral"), r"w_prime must be > 0 J or m"),
    (lambda: m.w_prime_balance([300], 250, 20_000, dt_s=0), r"dt_s must be > 0 and <= 600 s \(got 0\.0 s\)"),
    (lambda: m.w_prime_balance([], 250, 20_000), r"intensity \(W or m/s\) must have at least 1 value \(got 0\)"),
    (lambda: m.w_prime_balance([300, -1], 250, 20_000), r"intensity must be >= 0 W or m/s \(got -1\.0 W or m/s at index 1\)"),
    (lambda: m.w_prime_balance([300, float("nan")], 250, 20_000), r"intensity must be >= 0 W or m/s \(got nan W or m/s at index 1\)"),
    (lambda: m.w_prime_balance([300, math.inf], 250, 20_000, method="integral"), r"intensity must be >= 0 W or m/s \(got inf"),
    (lambda: m.w_prime_balance(["300"], 250, 20_000), r"intensity must be a real number in W or m/s"),
    (lambda: m.w_prime_balance([300], 250, 200, dt_s=1.0), r"critical·dt_s = 250\.0 must not exceed w_prime = 200\.0 \(J or m\)"),
    (lambda: m.w_prime_balance([300], 250, 20_000, tau_s=300), r"tau_s \(s\) applies only to method='integral'"),
    (lambda: m.w_prime_balance([300], 250, 20_000, method="integral", tau_s=0), r"tau_s must be > 0 s \(got 0\.0 s\)"),
    # hydrogen_ion_nmol_per_l
    (lambda: m.hydrogen_ion_nmol_per_l(5.9), r"hydrogen_ion_nmol_per_l: ph must be between 6 and 8 pH units \(got 5\.9 pH units\)"),
    (lambda: m.hydrogen_ion_nmol_per_l(8.1), r"ph must be between 6 and 8 pH units"),
    (lambda: m.hydrogen_ion_nmol_per_l([7.0, float("nan")]), r"ph must be between 6 and 8 pH units \(got nan pH units at index 1\)"),
    (lambda: m.hydrogen_ion_nmol_per_l("7.0"), r"ph must be a real number in pH units"),
    # substrate_oxidation
    (lambda: m.substrate_oxidation(0.0, 0.1), r"vo2_l_min must be > 0 and <= 7 L/min \(got 0\.0 L/min\)"),
    (lambda: m.substrate_oxidation(8.0, 7.0), r"vo2_l_min must be > 0 and <= 7 L/min"),
    (lambda: m.substrate_oxidation(3.0, 9.0), r"vco2_l_min must be > 0 and <= 8 L/min"),
    (lambda: m.substrate_oxidation(3.0, 3.3), r"RER = vco2_l_min / vo2_l_min .*must be between 0\.7 and 1 \(got 1\.1\).*negative fat"),
    (lambda: m.substrate_oxidation(3.0, 1.8), r"RER = vco2_l_min / vo2_l_min .*must be between 0\.7 and 1 \(got 0\.6\).*negative carbohydrate"),
    # carbohydrate_fraction
    (lambda: m.carbohydrate_fraction(0.2), r"carbohydrate_fraction: intensity must be between 0\.3 and 1 × VO2max \(got 0\.2 × VO2max\)"),
    (lambda: m.carbohydrate_fraction([0.5, 1.1]), r"intensity must be between 0\.3 and 1 × VO2max \(got 1\.1 × VO2max at index 1\)"),
    # glycogen_store_kcal
    (lambda: m.glycogen_store_kcal(body_mass_kg=20), r"glycogen_store_kcal: body_mass_kg must be between 30 and 200 kg \(got 20\.0 kg\)"),
    (lambda: m.glycogen_store_kcal(body_mass_kg=250), r"body_mass_kg must be between 30 and 200 kg"),
    (lambda: m.glycogen_store_kcal(leg_muscle_fraction=0.5), r"leg_muscle_fraction must be between 0\.1 and 0\.35 of body mass"),
    (lambda: m.glycogen_store_kcal(muscle_glycogen_kcal_per_kg=200), r"muscle_glycogen_kcal_per_kg must be between 0 and 150 kcal/kg"),
    (lambda: m.glycogen_store_kcal(liver_glycogen_g=-1), r"liver_glycogen_g must be between 0 and 200 g \(got -1\.0 g\)"),
    (lambda: m.glycogen_store_kcal(body_mass_kg=True), r"body_mass_kg must be a real number in kg"),
    # running_speed_km_h
    (lambda: m.running_speed_km_h(0.75, 10), r"running_speed_km_h: vo2max_ml_kg_min must be between 20 and 90 mL/kg/min"),
    (lambda: m.running_speed_km_h(0.75, 100), r"vo2max_ml_kg_min must be between 20 and 90 mL/kg/min"),
    (lambda: m.running_speed_km_h(1.5, 50), r"intensity must be between 0\.3 and 1 × VO2max"),
    # glycogen_remaining_kcal
    (lambda: m.glycogen_remaining_kcal(-1.0), r"glycogen_remaining_kcal: distance_km must be between 0 and 250 km \(got -1\.0 km\)"),
    (lambda: m.glycogen_remaining_kcal(300.0), r"distance_km must be between 0 and 250 km"),
    (lambda: m.glycogen_remaining_kcal(10.0, carbohydrate_intake_g_per_h=150), r"carbohydrate_intake_g_per_h must be between 0 and 120 g/h \(got 150\.0 g/h\)"),
    (lambda: m.glycogen_remaining_kcal(10.0, carbohydrate_intake_g_per_h=-5), r"carbohydrate_intake_g_per_h must be between 0 and 120 g/h"),
    (lambda: m.glycogen_remaining_kcal(10.0, cost_kcal_per_kg_km=0.1), r"cost_kcal_per_kg_km must be between 0\.5 and 2 kcal/kg/km"),
    (lambda: m.glycogen_remaining_kcal(10.0, leg_muscle_fraction=0.05), r"glycogen_remaining_kcal: leg_muscle_fraction must be between 0\.1 and 0\.35 of body mass"),
    (lambda: m.glycogen_remaining_kcal(10.0, vo2max_ml_kg_min=95), r"vo2max_ml_kg_min must be between 20 and 90 mL/kg/min"),
    # distance_to_wall_km
    (lambda: m.distance_to_wall_km(intensity=0.2), r"distance_to_wall_km: intensity must be between 0\.3 and 1 × VO2max"),
    (lambda: m.distance_to_wall_km(body_mass_kg=10), r"distance_to_wall_km: body_mass_kg must be between 30 and 200 kg"),
    (lambda: m.distance_to_wall_km(liver_glycogen_g=500), r"distance_to_wall_km: liver_glycogen_g must be between 0 and 200 g"),
    # carbohydrate_needed_g
    (lambda: m.carbohydrate_needed_g(0.0), r"carbohydrate_needed_g: race_distance_km must be > 0 and <= 250 km \(got 0\.0 km\)"),
    (lambda: m.carbohydrate_needed_g(carbohydrate_intake_g_per_h=200), r"carbohydrate_needed_g: carbohydrate_intake_g_per_h must be between 0 and 120 g/h"),
    (lambda: m.carbohydrate_needed_g(muscle_glycogen_kcal_per_kg=-1), r"carbohydrate_needed_g: muscle_glycogen_kcal_per_kg must be between 0 and 150 kcal/kg"),
]


@pytest.mark.parametrize("call, message", ERROR_CASES)
def test_value_errors_name_parameter_unit_and_range(call, message):
    with pytest.raises(ValueError, match=message):
        call()


# ---------------------------------------------------------------------------
# heavylegs.validation
# ---------------------------------------------------------------------------


def test_check_range_message_format():
    # The format promised in the module docstring.
    with pytest.raises(ValueError, match=r"^critical_speed: cs_m_per_s must be between 0 and "
                                         r"12 m/s \(got -1\.0 m/s\)$"):
        check_range("cs_m_per_s", -1, "m/s", 0, 12, context="critical_speed")


def test_check_range_returns_float_or_array():
    assert check_range("x", 3, "m", 0, 10) == 3.0
    assert type(check_range("x", np.float32(3), "m", 0, 10)) is float
    arr = check_range("x", [1, 2], "m", 0, 10)
    assert isinstance(arr, np.ndarray) and arr.dtype == float
    assert list(arr) == [1.0, 2.0]


def test_check_range_does_not_alias_input():
    data = np.array([1.0, 2.0])
    out = check_range("x", data, "m", 0, 10)
    out[0] = 99
    assert data[0] == 1.0


@pytest.mark.parametrize("bad", [None, "3", b"3", True, np.bool_(False), 1 + 2j, [1, [2, 3]],
                                 object(), [1, None]])
def test_check_range_rejects_non_numeric_with_value_error(bad):
    with pytest.raises(ValueError, match=r"^x must be a real number in m"):
        check_range("x", bad, "m", 0, 10)


def test_check_range_exclusive_bounds_and_infinity():
    with pytest.raises(ValueError, match=r"x must be > 0 and < 1 m \(got 0\.0 m\)"):
        check_range("x", 0, "m", 0, 1, low_inclusive=False, high_inclusive=False)
    assert check_range("x", 1, "m", 0, 1) == 1.0
    # inf passes only when the interval includes it
    assert check_range("x", math.inf, "s", 0, math.inf) == math.inf
    with pytest.raises(ValueError, match=r"x must be >= 0 s \(got inf s\)"):
        check_range("x", math.inf, "s", 0, math.inf, high_inclusive=False)
    with pytest.raises(ValueError, match=r"x must be between 0 and 10 s \(got -inf s\)"):
        check_range("x", -math.inf, "s", 0, 10)
    with pytest.raises(ValueError, match=r"nan"):
        check_range("x", math.nan, "s", -math.inf, math.inf)


def test_check_range_dimensionless_message():
    with pytest.raises(ValueError, match=r"^f must be between 0 and 1 \(got 2\.0\)$"):
        check_range("f", 2, "", 0, 1)


def test_check_array():
    out = check_array("v", (1, 2, 3), "m/s", 0, 12, min_length=2)
    assert isinstance(out, np.ndarray) and out.shape == (3,)
    with pytest.raises(ValueError, match=r"v \(m/s\) must have at least 2 values \(got 1\)"):
        check_array("v", [1], "m/s", 0, 12, min_length=2)
    with pytest.raises(ValueError, match=r"v \(m/s\) must be a one-dimensional sequence"):
        check_array("v", [[1, 2], [3, 4]], "m/s", 0, 12)
    with pytest.raises(ValueError, match=r"v \(m/s\) must be a one-dimensional sequence"):
        check_array("v", 3.0, "m/s", 0, 12)
    with pytest.raises(ValueError, match=r"v must be between 0 and 12 m/s \(got 13\.0 m/s at index 2\)"):
        check_array("v", [1, 2, 13], "m/s", 0, 12)
