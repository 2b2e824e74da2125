"""Benchmark: the comparison at 5, 30 and 100 documents. Makes data folders from the shipped data by copying
each document under new region names (the same texts and rows, new ids), then times loading, every chart and
the side-by-side grid in each, and the full report where asked. Prints figures; asserts nothing.

    .venv/bin/python bench/bench_scale.py                 # 5, 30, 100 documents; no full report
    .venv/bin/python bench/bench_scale.py --report 5 30   # and the full report at 5 and 30 documents
    .venv/bin/python bench/bench_scale.py --keep /tmp/scale   # keep the folders (scale-30, scale-100)

The goals of the scale issue: at 100 documents ``load_targets`` at most 1 s, every chart at most 2 s,
``side_by_side`` at most 0.5 s, the report growing at most linearly.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import vetcompare as vc  # noqa: E402
from vetcompare.analysis.charts import REPORT_CHARTS  # noqa: E402
from vetcompare.data.csvio import read_csv, write_csv  # noqa: E402


def _renamed(table, rename: dict[str, str]) -> list[dict]:
    return [{k: rename.get(v, v) if k in ("target_id", "repeats") else v for k, v in row.items()} for row in table.rows]


def _copy_document(root: Path, doc: dict, k: int, docs: list[dict], repairs: list[dict], originals: list[dict]) -> None:
    """Document ``doc`` again as copy ``k``: a new id, region and id prefix; the same text, rows and repairs."""
    doc_id, prefix = f"{doc['doc_id']}-c{k}", f"{doc['id_prefix']}{k}"
    new = dict(doc, doc_id=doc_id, id_prefix=prefix, file=f"{doc_id}{Path(doc['file']).suffix}",
               region=f"{doc['region']}{k:02d}", region_en=f"{doc['region_en']} {k:02d}")
    shutil.copyfile(root / "sources" / doc["file"], root / "sources" / new["file"])
    docs.append(new)
    repairs += [dict(r, doc_id=doc_id) for r in originals if r["doc_id"] == doc["doc_id"]]
    table, _ = read_csv(root / "targets" / f"{doc['doc_id']}.csv")
    rename = {r["target_id"]: f"{prefix}-{r['target_id'].rsplit('-', 1)[1]}" for r in table.rows}
    write_csv(root / "targets" / f"{doc_id}.csv", table.columns, _renamed(table, rename))


def make_folder(root: Path, documents: int) -> Path:
    """A data folder of ``documents`` documents: the shipped five, then copies of them in turn."""
    shutil.copytree(vc.DataFolder.shipped().root, root, ignore=shutil.ignore_patterns("__pycache__"))
    registry, _ = read_csv(root / "documents.csv")
    repairs_table, _ = read_csv(root / "repairs.csv")
    docs, repairs = list(registry.rows), list(repairs_table.rows)
    for n in range(documents - len(registry.rows)):
        _copy_document(root, registry.rows[n % len(registry.rows)], n // len(registry.rows) + 1, docs, repairs,
                       repairs_table.rows)
    write_csv(root / "documents.csv", registry.columns, docs)
    write_csv(root / "repairs.csv", repairs_table.columns, repairs)
    return root


def _timed(fn) -> tuple[object, float]:
    started = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - started


def measure(root: Path, report: bool) -> dict[str, float]:
    """Seconds of each step on the folder at ``root`` (each read from a fresh DataFolder)."""
    df, seconds = _timed(lambda: vc.DataFolder(root).targets())
    figures = {"load_targets": seconds}
    for chart in REPORT_CHARTS:
        fig, figures[chart.stem] = _timed(lambda c=chart: c.chart("en", df))
        figures[f"{chart.stem} height cm"] = fig.get_size_inches()[1] * 2.54
    figures["side_by_side"] = _timed(lambda: vc.side_by_side(df, lang="en"))[1]
    if report:
        with tempfile.TemporaryDirectory() as out:
            figures["report"] = _timed(lambda: vc.build_report(out, data=vc.DataFolder(root), log=lambda s: None))[1]
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5, 30, 100])
    parser.add_argument("--report", type=int, nargs="*", default=[], help="sizes at which to time the full report")
    parser.add_argument("--keep", help="a folder to keep the data folders in")
    args = parser.parse_args()
    base = Path(args.keep or tempfile.mkdtemp(prefix="vetcompare-scale-"))
    results = {}
    for size in args.sizes:
        root = vc.DataFolder.shipped().root if size == 5 else make_folder(base / f"scale-{size}", size)
        results[size] = measure(Path(root), size in args.report)
        print(f"measured {size} documents ({len(vc.DataFolder(root).targets())} rows)", flush=True)
    names = list(dict.fromkeys(k for r in results.values() for k in r))
    print(f"{'step':<40}" + "".join(f"{s:>12}" for s in args.sizes))
    for name in names:
        unit = "" if name.endswith(" cm") else " s"
        print(f"{name:<40}" + "".join(f"{results[s][name]:>10.2f}{unit:>2}" if name in results[s] else f"{'-':>12}"
                                      for s in args.sizes))
    if not args.keep:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
