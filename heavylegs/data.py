"""Load the course's data files, checked against their description in ``data/datapackage.json``.

Files are only ever read. Each column's type and limits come from the data
package, so a damaged or edited file fails with a message naming the file, the
column and the problem, instead of feeding a model wrong numbers.

>>> from heavylegs import data
>>> load = data.load("clarke_skiba_2013_bikescore")   # doctest: +SKIP
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

def data_dir() -> Path:
    """Where the data package lives: ``$HEAVYLEGS_DATA`` if set, else inside the installed package.

    The repository's ``data/`` folder is installed as the package ``heavylegs.datasets``
    (see ``pyproject.toml``), so the same files are found from a clone (``make lab``,
    Binder, a JupyterHub: an editable install points back at ``data/``) and from a
    plain ``pip install`` of the course (Colab), with one copy in the repository.
    """
    if os.environ.get("HEAVYLEGS_DATA"):
        return Path(os.environ["HEAVYLEGS_DATA"])
    from importlib.resources import files

    return Path(str(files("heavylegs.datasets")))


def package(folder: Path | None = None) -> dict[str, Any]:
    """The data package descriptor (``datapackage.json``) as a dict (a fresh copy each call)."""
    path = Path(folder or data_dir()) / "datapackage.json"
    if not path.is_file():
        raise FileNotFoundError(
            f"no data package at {path}: reinstall the course package (pip install -r requirements.txt from a clone), "
            "or set HEAVYLEGS_DATA to a folder holding datapackage.json"
        )
    return json.loads(_read(str(path), path.stat().st_mtime_ns))


@lru_cache(maxsize=8)
def _read(path: str, mtime_ns: int) -> str:
    # Keyed by modification time, so an edited descriptor is read again.
    return Path(path).read_text(encoding="utf-8")


def resource(name: str, folder: Path | None = None) -> dict[str, Any]:
    """One resource's description: path, source, licence and column schema."""
    resources = {r["name"]: r for r in package(folder)["resources"]}
    if name not in resources:
        raise ValueError(f"unknown data resource {name!r}; available: {', '.join(sorted(resources))}")
    return resources[name]


def units(name: str, folder: Path | None = None) -> dict[str, str]:
    """Column name -> unit, for labelling charts and tables."""
    return {f["name"]: f["unit"] for f in resource(name, folder)["schema"]["fields"]}


def load(name: str, folder: Path | None = None) -> pd.DataFrame:
    """Read a resource as a DataFrame, checking every column against the schema.

    Raises
    ------
    ValueError
        A column is missing or extra, a value is not of the column's type, a
        required value is blank, or a value is outside the column's limits.
    """
    description = resource(name, folder)
    path = Path(folder or data_dir()) / description["path"]
    fields = description["schema"]["fields"]
    frame = pd.read_csv(path, encoding=description.get("encoding", "utf-8"))
    expected = [f["name"] for f in fields]
    if list(frame.columns) != expected:
        raise ValueError(f"{path.name}: columns are {list(frame.columns)}, the data package says {expected}")
    for field in fields:
        column, unit = field["name"], field["unit"]
        values = pd.to_numeric(frame[column], errors="coerce") if field["type"] in ("number", "integer") else frame[column]
        bad = values.isna() & frame[column].notna()
        if bad.any():
            row = int(bad.idxmax()) + 2  # +1 for the header, +1 for counting from 1
            raise ValueError(f"{path.name}: column {column} ({unit}) has a non-numeric value on line {row}: {frame[column][bad].iloc[0]!r}")
        constraints = field.get("constraints", {})
        if constraints.get("required") and values.isna().any():
            raise ValueError(f"{path.name}: column {column} ({unit}) is required but has blanks")
        for limit, test in (("minimum", values.lt), ("maximum", values.gt)):
            if limit in constraints and test(constraints[limit]).any():
                raise ValueError(
                    f"{path.name}: column {column} ({unit}) must be {'at least' if limit == 'minimum' else 'at most'} "
                    f"{constraints[limit]} {unit}, found {values[test(constraints[limit])].iloc[0]}"
                )
        if field["type"] == "integer":
            fractional = values.notna() & (values % 1 != 0)
            if fractional.any():
                row = int(fractional.idxmax()) + 2
                raise ValueError(f"{path.name}: column {column} ({unit}) must hold whole numbers, line {row} has {values[fractional].iloc[0]}")
            if values.notna().all():
                values = values.astype("int64")
        frame[column] = values
    return frame
