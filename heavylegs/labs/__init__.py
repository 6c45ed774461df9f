"""The course's labs, one module per chapter; each declares its labs as module-level :class:`~heavylegs.lab.Lab` objects.

The lab mechanism itself (controls, static and live views) is :mod:`heavylegs.lab`.

:func:`all_labs` finds every lab of every chapter by importing each module of this
package, so the course-wide gates (accessibility, browser, live JupyterLab,
determinism and ``make bench``) cover a new lab the moment it is declared,
without anyone editing them.
"""

from __future__ import annotations

import importlib
import pkgutil

from heavylegs.lab import Lab


def chapter_modules() -> list[str]:
    """Names of the chapter modules in this package (``"metabolism"``, ...), sorted."""
    return sorted(info.name for info in pkgutil.iter_modules(__path__) if not info.name.startswith("_"))


def all_labs() -> tuple[Lab, ...]:
    """Every lab declared in a chapter module, in module order, then in declaration order.

    Raises ValueError if two labs share a key (keys become element ids on the page).
    """
    labs: list[Lab] = []
    for name in chapter_modules():
        module = importlib.import_module(f"{__name__}.{name}")
        labs.extend(value for value in vars(module).values() if isinstance(value, Lab))
    keys = [lab.key for lab in labs]
    duplicates = sorted({k for k in keys if keys.count(k) > 1})
    if duplicates:
        raise ValueError(f"lab keys must be unique across the course; repeated: {', '.join(duplicates)}")
    return tuple(labs)


def lab(key: str) -> Lab:
    """The lab with this key (e.g. ``"metabolism-d-prime"``)."""
    for candidate in all_labs():
        if candidate.key == key:
            return candidate
    raise ValueError(f"no lab with key {key!r}; labs: {', '.join(l.key for l in all_labs())}")
