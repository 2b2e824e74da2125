"""A bad curated file fails with every problem named by file, row and column."""

import csv
import io
import shutil
import subprocess
import sys

import pytest

import vetcompare as vc
from vetcompare.data.problems import DataError

SOURCE = vc.data.folder.default_folder().root / "targets" / "bazhong-2021.csv"


def rows():
    return list(csv.DictReader(io.StringIO(SOURCE.read_text(encoding="utf-8"))))


def write(tmp_path, records, name="bazhong-2021.csv", columns=None):
    path = tmp_path / name
    columns = columns or list(records[0].keys())
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
        w.writeheader()
        w.writerows(records)
    return path


def problems_of(path):
    with pytest.raises(DataError) as err:
        vc.data.folder.load_curated(path)
    return err.value.problems


def edit(row_index, **changes):
    records = rows()
    records[row_index].update(changes)
    return records


CASES = {
    # name: (records, expected (row, column, words in the message))
    "unknown metric": (edit(2, metric_id="schools.flying"), (4, "metric_id", "unknown metric")),
    "low greater than high": (edit(1, value_low="5000", value_high="3000"), (3, "value_low", "greater than")),
    "quote not in source": (edit(0, quote="职普在校生完全相当"), (2, "quote", "not in the source")),
    "duplicate id": (edit(3, target_id="bz-01"), (5, "target_id", "already used on row 2")),
    "value not a number": (edit(1, value_low="三千", value_high="三千"), (3, "value_low", "not a number")),
    "year out of range": (edit(2, year="2099"), (4, "year", "outside 1990–2050")),
    "offsets out of range": (edit(2, source_start="99999", source_end="100010"), (4, "source_start", "outside")),
    "unknown tier word": (edit(2, tier_word="宇宙级"), (4, "tier_word", "unknown tier word")),
    "unknown kind": (edit(2, kind="wish"), (4, "kind", "not allowed")),
    "unit differs from codebook": (edit(1, unit="count"), (3, "unit", "measured in 'persons'")),
    "percent over 100 without note": (edit(5, value_low="155", value_high="155", note=""), (7, "value_high", "over 100")),
    "value not in quote": (edit(6, value_low="4", value_high="4"), (8, "value_low", "does not state")),
    "repeat of nothing": (edit(17, repeats="bz-99"), (19, "repeats", "not another row")),
    "only one end": (edit(1, value_high=""), (3, "value_high", "only one end")),
}


@pytest.mark.parametrize("name", list(CASES))
def test_bad_row_is_named(tmp_path, name):
    records, (row, column, words) = CASES[name]
    problems = problems_of(write(tmp_path, records))
    hits = [p for p in problems if p.row == row and p.column == column and words in p.message]
    assert hits, [str(p) for p in problems]
    text = str(hits[0])
    assert text.startswith(f"bazhong-2021.csv, row {row}, column {column!r}") and "fix:" in text


def test_missing_column(tmp_path):
    records = rows()
    columns = [c for c in records[0] if c != "unit"]
    problems = problems_of(write(tmp_path, records, columns=columns))
    assert any(p.column == "unit" and p.row == 1 and "missing" in p.message for p in problems)


def test_extra_column_is_refused_and_said(tmp_path):
    records = rows()
    for r in records:
        r["comment"] = "x"
    problems = problems_of(write(tmp_path, records))
    assert any(p.column == "comment" and "unexpected column" in p.message for p in problems)


def test_unknown_document(tmp_path):
    problems = problems_of(write(tmp_path, rows(), name="atlantis-2030.csv"))
    assert any("not a registered document" in p.message for p in problems)


def test_empty_file(tmp_path):
    path = tmp_path / "bazhong-2021.csv"
    path.write_text("", encoding="utf-8")
    assert any("empty" in p.message for p in problems_of(path))


def test_all_problems_reported_at_once(tmp_path):
    records = rows()
    records[1]["metric_id"] = "nope"
    records[4]["year"] = "1800"
    records[7]["kind"] = "wish"
    problems = problems_of(write(tmp_path, records))
    assert {(p.row, p.column) for p in problems} >= {(3, "metric_id"), (6, "year"), (9, "kind")}


def test_shipped_file_is_valid(tmp_path):
    path = shutil.copy(SOURCE, tmp_path / SOURCE.name)
    assert len(vc.data.folder.load_curated(path)) == len(rows())


def test_validate_command(tmp_path):
    ok = subprocess.run([sys.executable, "-m", "vetcompare", "validate"], capture_output=True, text=True)
    assert ok.returncode == 0 and "no problems" in ok.stdout
    bad = write(tmp_path, edit(2, metric_id="schools.flying"))
    run = subprocess.run([sys.executable, "-m", "vetcompare", "validate", str(bad)], capture_output=True, text=True)
    assert run.returncode == 1
    assert "bazhong-2021.csv, row 4, column 'metric_id'" in run.stderr


def test_locate_fills_offsets(tmp_path):
    records = rows()
    for r in records:
        r["source_start"] = r["source_end"] = ""
    path = write(tmp_path, records)
    run = subprocess.run([sys.executable, "-m", "vetcompare", "locate", str(path)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert path.read_text(encoding="utf-8") == SOURCE.read_text(encoding="utf-8")
