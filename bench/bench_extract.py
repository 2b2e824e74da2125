"""Benchmark :func:`vetcompare.text.extract.extract_targets` against the curated rows of the shipped documents.

    .venv/bin/python bench/bench_extract.py            # print the figures
    .venv/bin/python bench/bench_extract.py --mb 2     # a smaller throughput text

For each extractor and each way of reading the sources it prints

* recall by span: curated rows with a value that some extracted expression lies inside;
* recall by value: curated rows with a value for which an extracted expression inside the row's
  span has the same value_low and value_high;
* precision by span: extracted expressions that lie inside some curated span / all extracted;
* precision by value: extracted expressions inside a curated span whose row has their value / all;
* accuracy of unit, comparator, year, metric (and kind, tier) over the value-matched rows;
* throughput in characters per second on a ~5 MB concatenation of the sources.

Sources are read two ways: ``raw`` (the file as received) and ``repaired`` (the declared repairs
of data/repairs.csv applied: lost dashes restored, page furniture deleted; line wraps kept, so
the extractor still has to join them). Offsets are mapped back to the raw text either way.

The baseline is what a plain approach gets: every run of ASCII or full-width digits (with a
trailing 万/亿) and every run of Chinese numerals, each parsed on its own with cn2an when it is
installed (``pip install cn2an``; the column is skipped otherwise) and with a tiny numeral parser
written here.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pandas as pd  # noqa: E402

import vetcompare as vc  # noqa: E402
from vetcompare.text.extract import extract_targets  # noqa: E402
from vetcompare.data.folder import default_folder  # noqa: E402
from vetcompare.text import clean  # noqa: E402

try:  # optional: only the baseline column uses it
    import cn2an  # type: ignore
except ImportError:  # pragma: no cover - depends on the environment
    cn2an = None

# --------------------------------------------------------------------------------------------
# The baseline
# --------------------------------------------------------------------------------------------

_BASE_TOKEN = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?[万亿]?|[零〇一二两三四五六七八九十百千万亿]+")
_FW = str.maketrans("０１２３４５６７８９．", "0123456789.")
_DIG = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL = {"十": 10, "百": 100, "千": 1000}
_BIG = {"万": 10**4, "亿": 10**8}


def tiny_parse(token: str) -> float | None:
    """A small numeral parser: 14, 1.6亿, 十四, 两万, 一千二百万, 二〇二五. None if unreadable."""
    t = token.translate(_FW)
    if t and t[-1] in _BIG and t[:-1] and re.fullmatch(r"[0-9.]+", t[:-1]):
        try:
            return float(t[:-1]) * _BIG[t[-1]]
        except ValueError:
            return None
    if re.fullmatch(r"[0-9]+(?:\.[0-9]+)?", t):
        return float(t)
    if all(c in _DIG for c in t):  # digit by digit: 二〇二五
        return float("".join(str(_DIG[c]) for c in t)) if len(t) != 2 else None
    total = section = digit = 0
    for c in t:
        if c in _DIG:
            digit = _DIG[c]
        elif c in _SMALL:
            section += (digit or 1) * _SMALL[c]
            digit = 0
        elif c in _BIG:
            section += digit
            total = (total + section) * _BIG[c] if c == "亿" else total + section * _BIG[c]
            section = digit = 0
        else:
            return None
    return float(total + section + digit) if t else None


def cn2an_parse(token: str) -> float | None:
    try:
        return float(cn2an.cn2an(token.translate(_FW), "smart"))
    except Exception:  # cn2an raises ValueError and others on words it cannot read
        return None


def baseline(text: str, parse) -> pd.DataFrame:
    rows = []
    for m in _BASE_TOKEN.finditer(text):
        v = parse(m.group())
        if v is None:
            continue
        rows.append({"start": m.start(), "end": m.end(), "value_low": v, "value_high": v})
    return pd.DataFrame(rows, columns=["start", "end", "value_low", "value_high"])


# --------------------------------------------------------------------------------------------
# Running and scoring
# --------------------------------------------------------------------------------------------


def read(doc_id: str, mode: str):
    """(text to extract from, map of a span of that text to raw offsets)."""
    raw = vc.source_text(doc_id)
    if mode == "raw":
        return raw, lambda a, b: (a, b)
    repaired = clean(raw, "web", default_folder().repairs().get(doc_id, ()))
    return repaired.text, repaired.to_raw


def run(extractor: str, mode: str, docs: pd.DataFrame) -> dict[str, pd.DataFrame]:
    out = {}
    for doc in docs.itertuples():
        text, to_raw = read(doc.doc_id, mode)
        if extractor == "extract_targets":
            df = extract_targets(text, city_tier=doc.city_tier, plan_end=int(doc.period_end))
        elif extractor == "baseline (tiny parser)":
            df = baseline(text, tiny_parse)
        else:
            df = baseline(text, cn2an_parse)
        if len(df):
            spans = [to_raw(a, b) for a, b in zip(df["start"], df["end"])]
            df = df.assign(start=[a for a, _ in spans], end=[b for _, b in spans])
        out[doc.doc_id] = df
    return out


def _same(a, b) -> bool:
    return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-9)


def _same_year(a, b) -> bool:
    a_na, b_na = pd.isna(a), pd.isna(b)
    return (a_na and b_na) or (not a_na and not b_na and int(a) == int(b))


def score(found: dict[str, pd.DataFrame], targets: pd.DataFrame, misses: list | None = None) -> dict[str, float]:
    valued = targets[targets["value_low"].notna()]
    rec_span = rec_value = 0
    attr = {"unit": [0, 0], "comparator": [0, 0], "year": [0, 0], "metric_id": [0, 0], "kind": [0, 0], "tier": [0, 0]}
    n_ext = in_span = value_hit = 0
    for doc_id, df in found.items():
        rows = targets[targets["doc_id"] == doc_id]
        spans = list(zip(rows["source_start"], rows["source_end"], rows["value_low"], rows["value_high"]))
        for e in df.itertuples():
            n_ext += 1
            inside = [(lo, hi) for a, b, lo, hi in spans if a <= e.start and e.end <= b]
            if inside:
                in_span += 1
                if any(not pd.isna(lo) and _same(lo, e.value_low) and _same(hi, e.value_high) for lo, hi in inside):
                    value_hit += 1
        for r in valued[valued["doc_id"] == doc_id].itertuples():
            inside = df[(df["start"] >= r.source_start) & (df["end"] <= r.source_end)] if len(df) else df
            if len(inside):
                rec_span += 1
            match = [e for e in inside.itertuples() if _same(e.value_low, r.value_low) and _same(e.value_high, r.value_high)]
            if not match:
                if misses is not None:
                    misses.append((r.target_id, "value", f"{r.value_low:g}-{r.value_high:g}",
                                   ", ".join(f"{e.value_low:g}-{e.value_high:g}" for e in inside.itertuples())))
                continue
            rec_value += 1
            e = match[0]
            for col in attr:
                if col not in inside.columns:
                    continue
                attr[col][1] += 1
                want, got = getattr(r, col), getattr(e, col)
                if col == "year":
                    ok = _same_year(got, want)
                elif col == "metric_id":
                    ok = got == want
                else:
                    ok = str(got) == str(want)
                attr[col][0] += ok
                if not ok and misses is not None:
                    misses.append((r.target_id, col, want, got))
    n = len(valued)
    res = {
        "rows with a value": n,
        "extracted": n_ext,
        "recall (span)": rec_span / n if n else float("nan"),
        "recall (value)": rec_value / n if n else float("nan"),
        "precision (span)": in_span / n_ext if n_ext else float("nan"),
        "precision (value)": value_hit / n_ext if n_ext else float("nan"),
    }
    for col, (ok, tot) in attr.items():
        res[f"{col} accuracy"] = ok / tot if tot else float("nan")
    return res


def throughput(extractor: str, text: str) -> float:
    started = time.perf_counter()
    if extractor == "extract_targets":
        extract_targets(text)
    elif extractor == "baseline (tiny parser)":
        baseline(text, tiny_parse)
    else:
        baseline(text, cn2an_parse)
    return len(text) / (time.perf_counter() - started)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0, help="size of the throughput text in MB of characters")
    parser.add_argument("--details", action="store_true", help="also list the rows extract_targets gets wrong")
    args = parser.parse_args(argv)

    docs = vc.load_documents()
    targets = vc.load_targets(include_repeats=True)
    extractors = ["extract_targets", "baseline (tiny parser)"]
    if cn2an is not None:
        extractors.append("baseline (cn2an)")
    else:
        print("cn2an is not installed: the baseline (cn2an) column is skipped (pip install cn2an)")

    sources = "\n\n".join(vc.source_text(d) for d in docs["doc_id"])
    size = int(args.mb * 1_000_000)
    big = (sources * (size // len(sources) + 1))[:size]

    table = {}
    for extractor in extractors:
        for mode in ("raw", "repaired"):
            table[f"{extractor} | {mode}"] = score(run(extractor, mode, docs), targets)
        speed = throughput(extractor, big)
        for mode in ("raw", "repaired"):
            table[f"{extractor} | {mode}"]["chars/s"] = speed
    df = pd.DataFrame(table)
    qualitative = int(targets["value_low"].isna().sum())
    print(f"{len(targets)} curated rows ({qualitative} qualitative, without a value) in {len(docs)} documents; "
          f"throughput on {len(big):,} characters\n")
    with pd.option_context("display.width", 250, "display.max_columns", 20, "display.float_format", "{:.3f}".format):
        print(df.to_string())
    if args.details:
        for mode in ("raw", "repaired"):
            misses: list = []
            score(run("extract_targets", mode, docs), targets, misses)
            print(f"\nextract_targets | {mode}: {len(misses)} differences from the curated rows (target_id, field, curated, extracted)")
            for m in misses:
                print("  ", *m)
    return 0


if __name__ == "__main__":
    sys.exit(main())
