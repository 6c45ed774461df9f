"""The data package describes every file completely, and the loader enforces it."""

from __future__ import annotations

import csv
import json
import shutil

import pytest

from conftest import ROOT
from heavylegs import data

PACKAGE = json.loads((ROOT / "data" / "datapackage.json").read_text())


@pytest.mark.parametrize("res", PACKAGE["resources"], ids=lambda r: r["name"])
def test_every_resource_has_source_licence_and_units(res):
    assert (ROOT / "data" / res["path"]).is_file()
    assert res.get("sources") and all(s.get("title") for s in res["sources"])
    assert res.get("licenses")
    for field in res["schema"]["fields"]:
        assert field.get("unit"), f"{res['name']}.{field['name']} has no unit"
        assert field.get("description"), f"{res['name']}.{field['name']} has no description"
    with open(ROOT / "data" / res["path"], newline="", encoding="utf-8") as handle:
        header = next(csv.reader(handle))
    assert header == [f["name"] for f in res["schema"]["fields"]]


def test_every_data_file_is_described():
    described = {r["path"] for r in PACKAGE["resources"]}
    on_disk = {p.name for p in (ROOT / "data").iterdir() if p.suffix == ".csv"}
    assert on_disk == described


def test_clarke_skiba_data_load_with_units():
    frame = data.load("clarke_skiba_2013_bikescore")
    assert len(frame) == 165 and frame["Day"].tolist() == list(range(1, 166))
    assert frame["Test_5min_Power"].notna().sum() == 9  # nine 5-minute tests (Clarke & Skiba 2013)
    assert data.units("clarke_skiba_2013_bikescore") == {"Day": "day", "BikeScore": "AU", "Test_5min_Power": "W"}


def test_loader_names_file_column_and_unit_of_bad_values(tmp_path):
    shutil.copy(ROOT / "data" / "datapackage.json", tmp_path)
    lines = (ROOT / "data" / "clarke_skiba_2013_bikescore.csv").read_text().splitlines()
    lines[3] = "3,-5,"
    (tmp_path / "clarke_skiba_2013_bikescore.csv").write_text("\n".join(lines) + "\n")
    with pytest.raises(ValueError, match=r"clarke_skiba_2013_bikescore.csv: column BikeScore \(AU\) must be at least 0 AU"):
        data.load("clarke_skiba_2013_bikescore", folder=tmp_path)
    lines[3] = "3,lots,"
    (tmp_path / "clarke_skiba_2013_bikescore.csv").write_text("\n".join(lines) + "\n")
    with pytest.raises(ValueError, match="non-numeric value on line 4"):
        data.load("clarke_skiba_2013_bikescore", folder=tmp_path)
    lines[3] = "3.5,20,"
    (tmp_path / "clarke_skiba_2013_bikescore.csv").write_text("\n".join(lines) + "\n")
    with pytest.raises(ValueError, match=r"column Day \(day\) must hold whole numbers, line 4 has 3.5"):
        data.load("clarke_skiba_2013_bikescore", folder=tmp_path)


def test_data_folder_follows_the_environment(tmp_path, monkeypatch):
    shutil.copytree(ROOT / "data", tmp_path / "copy")
    monkeypatch.setenv("HEAVYLEGS_DATA", str(tmp_path / "copy"))
    assert data.data_dir() == tmp_path / "copy"
    assert len(data.load("clarke_skiba_2013_bikescore")) == 165


def test_unknown_resource_is_named():
    with pytest.raises(ValueError, match="unknown data resource 'nope'"):
        data.load("nope")


def test_a_wheel_of_the_course_carries_the_data_and_loads_it(tmp_path):
    """Colab and a plain `pip install` get a wheel, not a clone: the data must travel inside it."""
    import subprocess
    import sys
    import zipfile

    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(tmp_path / "dist"), str(ROOT)],
        capture_output=True,
        text=True,
    )
    assert build.returncode == 0, build.stderr[-3000:]
    (wheel,) = (tmp_path / "dist").glob("heavylegs-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {"heavylegs/datasets/datapackage.json"} | {f"heavylegs/datasets/{r['path']}" for r in PACKAGE["resources"]}
    assert expected <= names, f"missing from the wheel: {sorted(expected - names)}"
    assert not any(n.startswith("data/") for n in names), "the data must ship inside the package, not beside it"

    site = tmp_path / "site"
    install = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(site), str(wheel)], capture_output=True, text=True
    )
    assert install.returncode == 0, install.stderr[-3000:]
    # Run from an empty folder with the wheel's copy first on the path: no clone to fall back on.
    check = subprocess.run(
        [sys.executable, "-c", "import heavylegs, heavylegs.data as d; print(heavylegs.__file__); print(d.data_dir()); print(len(d.load('clarke_skiba_2013_bikescore')))"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"},
    )
    assert check.returncode == 0, check.stderr[-3000:]
    module_file, folder, rows = check.stdout.split()
    assert module_file.startswith(str(site)) and folder.startswith(str(site)), check.stdout
    assert rows == "165"
