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
