"""Benchmark the extractor on real text it was not written on: the development corpus and its gold.

    .venv/bin/python bench/bench_corpus.py --corpus PATH/TO/devcorpus                 # dev gold only
    .venv/bin/python bench/bench_corpus.py --corpus PATH/TO/devcorpus --split holdout # at the very end

The corpus folder (the shared devcorpus, not copied into the repository) holds whole government work reports (``gwr-YYYY.txt``); ``bench/gold`` holds the gold
annotations (``GUIDE.md`` says what counts). ``--split dev`` scores the texts whose gold is in ``bench/gold``,
``--split holdout`` those in ``bench/gold/holdout`` (not to be read while rules are written).

The extractor is run as a researcher would run it, told the year each report was issued (``issued``, from
the corpus's ``index.csv``), and once more without it; the regex gives no year at all.

Each gold row is one number expression. An extracted row matches a gold row when their spans overlap (one to
one, the largest overlap first). Printed, for :func:`vetcompare.text.extract_targets` and for a digit regex
baseline (digits with 万/亿 and %), per document and in total:

* recall and precision by span (a match), and by value (a match with the same low and high value);
* field accuracy over the value matches: unit, comparator, year, kind, hedged.
"""

from __future__ import annotations

import argparse
import csv
import math
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pandas as pd  # noqa: E402

from vetcompare.text.extract import extract_targets  # noqa: E402

GOLD = Path(__file__).resolve().parent / "gold"
UNITS = {  # extractor unit -> the gold's unit names
    "percent": "percent", "percentage_points": "percentage_points", "count": "count", "persons": "persons",
    "person_times": "person_times", "yuan": "yuan", "multiple": "multiple", "ratio": "ratio", "years": "years",
    "months": "months", "days": "days", "times_per_year": "count", "rank": "other", "length": "length",
    "area": "area", "weight": "weight", "energy": "energy",
}
_BASE = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?(?:万亿|亿|万)?%?")
_FW = str.maketrans("０１２３４５６７８９．", "0123456789.")
_SCALE = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "": 1.0}


def read_gold(path: Path) -> pd.DataFrame:
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    df = pd.DataFrame(rows)
    for col in ("start", "end"):
        df[col] = df[col].astype(int)
    for col in ("value_low", "value_high"):
        df[col] = pd.to_numeric(df[col], errors="coerce")
    df["year"] = pd.to_numeric(df["year"], errors="coerce").astype("Int64")
    df["hedged"] = df["hedged"].str.lower().eq("true")
    return df


def issued_years(corpus: Path) -> dict[str, int]:
    """The year each report was issued, from the corpus's index.csv (a researcher knows the date of
    every document; the extractor is told it as ``issued``)."""
    index = corpus / "index.csv"
    if not index.is_file():
        raise SystemExit(f"{index}: not found; the corpus folder needs index.csv with the columns file and year "
                         "(see bench/gold/README.md)")
    with index.open(encoding="utf-8") as fh:
        return {Path(row["file"]).stem: int(row["year"]) for row in csv.DictReader(fh)}


def baseline(text: str) -> pd.DataFrame:
    """What a plain approach finds: every run of digits, with 万/亿 multiplied out and a % kept."""
    rows = []
    for m in _BASE.finditer(text):
        token = m.group().translate(_FW)
        percent = token.endswith("%")
        number = token.rstrip("%")
        word = next((w for w in ("万亿", "亿", "万") if number.endswith(w)), "")
        try:
            value = float(number[: len(number) - len(word)]) * _SCALE[word]
        except ValueError:
            continue
        rows.append({"start": m.start(), "end": m.end(), "value_low": value, "value_high": value,
                     "unit": "percent" if percent else "", "comparator": "eq", "year": pd.NA, "kind": "",
                     "hedged": False})
    return pd.DataFrame(rows, columns=["start", "end", "value_low", "value_high", "unit", "comparator", "year",
                                       "kind", "hedged"])


def pairs(gold: pd.DataFrame, found: pd.DataFrame) -> list[tuple[int, int]]:
    """One-to-one matches (gold index, found index) of overlapping spans, the largest overlap first."""
    candidates = []
    for g in gold.itertuples():
        near = found[(found["start"] < g.end) & (found["end"] > g.start)]
        for f in near.itertuples():
            candidates.append((min(g.end, f.end) - max(g.start, f.start), g.Index, f.Index))
    used_g, used_f, out = set(), set(), []
    for _, gi, fi in sorted(candidates, reverse=True):
        if gi not in used_g and fi not in used_f:
            used_g.add(gi)
            used_f.add(fi)
            out.append((gi, fi))
    return out


def _same(a, b) -> bool:
    return not (pd.isna(a) or pd.isna(b)) and math.isclose(float(a), float(b), rel_tol=1e-6, abs_tol=1e-9)


def _field_ok(field: str, want, got) -> bool:
    if field == "year":
        return (pd.isna(want) and pd.isna(got)) or (not pd.isna(want) and not pd.isna(got) and int(want) == int(got))
    if field == "unit":
        return UNITS.get(str(got), "other") == want
    return str(want) == str(got)


FIELDS = ("unit", "comparator", "year", "kind", "hedged")


def score(gold: pd.DataFrame, found: pd.DataFrame) -> dict:
    matched = pairs(gold, found)
    valued = [(g, f) for g, f in matched if _same(gold.at[g, "value_low"], found.at[f, "value_low"])
              and _same(gold.at[g, "value_high"], found.at[f, "value_high"])]
    out = {"gold": len(gold), "found": len(found), "span hits": len(matched), "value hits": len(valued)}
    for field in FIELDS:
        out[field] = sum(_field_ok(field, gold.at[g, field], found.at[f, field]) for g, f in valued)
    return out


def rates(counts: dict) -> dict:
    g, f, v = counts["gold"], counts["found"], counts["value hits"]
    out = {"gold rows": g, "extracted": f,
           "recall (span)": counts["span hits"] / g if g else math.nan,
           "precision (span)": counts["span hits"] / f if f else math.nan,
           "recall (value)": v / g if g else math.nan,
           "precision (value)": v / f if f else math.nan}
    out.update({f"{field} accuracy": counts[field] / v if v else math.nan for field in FIELDS})
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", required=True, help="folder of the corpus texts (shared/devcorpus)")
    parser.add_argument("--split", choices=("dev", "holdout"), default="dev")
    args = parser.parse_args(argv)
    folder = GOLD if args.split == "dev" else GOLD / "holdout"
    issued = issued_years(Path(args.corpus))
    extractors = {"extract_targets": lambda t, y: extract_targets(t, city_tier="provincial", issued=y),
                  "extract_targets, no date": lambda t, y: extract_targets(t, city_tier="provincial"),
                  "digit regex": lambda t, y: baseline(t)}
    totals = {name: None for name in extractors}
    table = {}
    for path in sorted(folder.glob("gwr-*.csv")):
        text = (Path(args.corpus) / f"{path.stem}.txt").read_text(encoding="utf-8")
        gold = read_gold(path)
        for name, extract in extractors.items():
            counts = score(gold, extract(text, issued[path.stem]).reset_index(drop=True))
            table[f"{path.stem} | {name}"] = rates(counts)
            totals[name] = counts if totals[name] is None else {k: totals[name][k] + counts[k] for k in counts}
    for name, counts in totals.items():
        table[f"{args.split} total | {name}"] = rates(counts)
    with pd.option_context("display.width", 250, "display.max_columns", 20, "display.float_format", "{:.3f}".format):
        print(pd.DataFrame(table).to_string())
    return 0


if __name__ == "__main__":
    sys.exit(main())
