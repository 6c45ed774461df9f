"""Input checks shared by every model in the course.

Each model function states an allowed range for each parameter (with its unit)
and calls :func:`check_range` or :func:`check_array` on entry. A bad input then
fails at once with a ``ValueError`` that names the parameter, its unit, the
allowed range and the offending value, rather than as a ``TypeError`` deep
inside numpy or, worse, as a plausible-looking wrong number.

Example message::

    critical_speed: cs_m_per_s must be between 0 and 12 m/s (got -1.0 m/s)
"""

from __future__ import annotations

import math
import numbers

import numpy as np

__all__ = ["check_range", "check_array", "scalar_or_array"]


def scalar_or_array(x):
    """A model's result as a learner passed its input: a Python float for 0-d input, otherwise a numpy array."""
    x = np.asarray(x, dtype=float)
    return float(x) if x.ndim == 0 else x


def _fmt(x: float) -> str:
    """Format a range bound compactly (``12`` rather than ``12.0``)."""
    return f"{x:g}"


def _with_unit(text: str, unit: str) -> str:
    return f"{text} {unit}" if unit else text


def _describe_range(
    low: float, high: float, unit: str, low_inclusive: bool, high_inclusive: bool
) -> str:
    """Describe the allowed interval in words, e.g. ``between 0 and 12 m/s``."""
    finite_low = math.isfinite(low)
    finite_high = math.isfinite(high)
    if finite_low and finite_high and low_inclusive and high_inclusive:
        return _with_unit(f"between {_fmt(low)} and {_fmt(high)}", unit)
    parts = []
    if finite_low:
        parts.append(f"{'>=' if low_inclusive else '>'} {_fmt(low)}")
    if finite_high:
        parts.append(f"{'<=' if high_inclusive else '<'} {_fmt(high)}")
    if not parts:
        return _with_unit("a number", unit)
    return _with_unit(" and ".join(parts), unit)


def _prefix(name: str, context: str) -> str:
    return f"{context}: {name}" if context else name


def _as_float_array(name: str, value, unit: str) -> np.ndarray:
    """Convert ``value`` to a float array, or raise a ValueError saying why not.

    Strings, booleans, complex numbers, ``None`` and ragged sequences are
    rejected: numpy would either convert them silently (``"3"`` -> 3.0,
    ``True`` -> 1.0, ``None`` -> nan) or fail with an unhelpful TypeError.
    """
    expected = _with_unit("a real number", f"in {unit}" if unit else "")
    if isinstance(value, (str, bytes)):
        raise ValueError(f"{name} must be {expected} (got the string {value!r})")
    try:
        arr = np.asarray(value)
    except (TypeError, ValueError) as exc:  # e.g. ragged nested lists
        raise ValueError(
            f"{name} must be {expected} or a flat sequence of them "
            f"(could not read {value!r}: {exc})"
        ) from None
    kind = arr.dtype.kind
    if kind == "O":
        # Object arrays hold arbitrary Python objects: accept only real numbers.
        for item in arr.flat:
            if isinstance(item, (bool, np.bool_)) or not isinstance(item, numbers.Real):
                raise ValueError(f"{name} must be {expected} (got {item!r})")
        return arr.astype(float)
    if kind in "iuf":
        return arr.astype(float, copy=True)
    what = {"b": "a boolean", "c": "a complex number", "U": "a string", "S": "bytes"}
    raise ValueError(
        f"{name} must be {expected} (got {what.get(kind, f'dtype {arr.dtype}')}: {value!r})"
    )


def _check_values(
    label: str,
    arr: np.ndarray,
    unit: str,
    low: float,
    high: float,
    low_inclusive: bool,
    high_inclusive: bool,
) -> None:
    """Raise ValueError for the first element outside the allowed interval."""
    allowed = _describe_range(low, high, unit, low_inclusive, high_inclusive)
    with np.errstate(invalid="ignore"):
        above_low = arr >= low if low_inclusive else arr > low
        below_high = arr <= high if high_inclusive else arr < high
    # NaN fails both comparisons, so it is caught here too; +-inf passes only
    # when the interval itself includes that infinity.
    bad = ~(above_low & below_high)
    if not bad.any():
        return
    flat_index = int(np.flatnonzero(bad.ravel())[0])
    offending = float(arr.ravel()[flat_index])
    where = f" at index {flat_index}" if arr.ndim > 0 else ""
    got = _with_unit(repr(offending), unit)
    hint = " (NaN is not a valid measurement)" if math.isnan(offending) else ""
    raise ValueError(f"{label} must be {allowed} (got {got}{where}){hint}")


def check_range(
    name: str,
    value,
    unit: str,
    low: float,
    high: float,
    *,
    low_inclusive: bool = True,
    high_inclusive: bool = True,
    context: str = "",
):
    """Check that a number (or every element of an array) lies in a range.

    Parameters
    ----------
    name : str
        Parameter name used in the error message, e.g. ``"cs_m_per_s"``.
    value : float or array_like
        The value to check.
    unit : str
        Unit shown in the message, e.g. ``"m/s"``; ``""`` for dimensionless.
    low, high : float
        Allowed interval. Either may be infinite (``-math.inf``/``math.inf``).
    low_inclusive, high_inclusive : bool, optional
        Whether the bounds themselves are allowed (default True).
        Infinite values pass only when the interval includes that infinity,
        i.e. the bound is infinite *and* inclusive.
    context : str, optional
        Name of the calling function, prefixed to the message as
        ``"context: name must be ..."``.

    Returns
    -------
    float or numpy.ndarray
        ``float(value)`` for a scalar, otherwise a new float array of the same
        shape.

    Raises
    ------
    ValueError
        If ``value`` is not numeric (string, bool, complex, None, ragged), is
        NaN, or lies outside the interval. The message names the parameter,
        the unit, the allowed range and the offending value.
    """
    label = _prefix(name, context)
    arr = _as_float_array(label, value, unit)
    _check_values(label, arr, unit, low, high, low_inclusive, high_inclusive)
    if arr.ndim == 0:
        return float(arr)
    return arr


def check_single(name: str, value, unit: str, low: float, high: float, *, context: str = "", **kw) -> float:
    """:func:`check_range` for a parameter that must be one number, not an array.

    Keywords as :func:`check_range`. Returns ``float(value)``; raises ``ValueError`` naming the
    parameter and its unit for an array, as for a value out of range.
    """
    checked = check_range(name, value, unit, low, high, context=context, **kw)
    if np.ndim(checked):
        unit_note = f" ({unit})" if unit else ""
        raise ValueError(f"{_prefix(name, context)}{unit_note} must be a single number "
                         f"(got an array of shape {np.shape(checked)})")
    return checked


def check_array(
    name: str,
    values,
    unit: str,
    low: float,
    high: float,
    *,
    min_length: int = 1,
    low_inclusive: bool = True,
    high_inclusive: bool = True,
    context: str = "",
) -> np.ndarray:
    """Check a one-dimensional sequence of numbers, e.g. a time series.

    Parameters
    ----------
    name, unit, low, high, low_inclusive, high_inclusive, context
        As for :func:`check_range`.
    values : array_like
        One-dimensional sequence of numbers.
    min_length : int, optional
        Fewest elements allowed (default 1).

    Returns
    -------
    numpy.ndarray
        A new one-dimensional float array.

    Raises
    ------
    ValueError
        If ``values`` is not a flat sequence of at least ``min_length``
        numbers, or any element fails :func:`check_range`.
    """
    label = _prefix(name, context)
    unit_note = f" ({unit})" if unit else ""
    arr = _as_float_array(label, values, unit)
    if arr.ndim != 1:
        raise ValueError(
            f"{label}{unit_note} must be a one-dimensional sequence of values "
            f"(got {'a single number' if arr.ndim == 0 else f'an array with {arr.ndim} dimensions'})"
        )
    if arr.size < min_length:
        plural = "value" if min_length == 1 else "values"
        raise ValueError(
            f"{label}{unit_note} must have at least {min_length} {plural} (got {arr.size})"
        )
    _check_values(label, arr, unit, low, high, low_inclusive, high_inclusive)
    return arr
