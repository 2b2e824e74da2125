"""Benchmark: the extractor on a megabyte of each hostile shape (number soup, separators, dashes,
percents, brackets, statements repeated, and a column of counting numbers 1 2 3 … one a line), read
both as a web text and as a hard-wrapped PDF text, with the rows it returns. Prints figures; asserts nothing.

    .venv/bin/python bench/bench_shapes.py             # 1 MB of each shape
    .venv/bin/python bench/bench_shapes.py --mb 0.25   # a quicker look
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from vetcompare.text.extract import extract_targets  # noqa: E402

# shapes without a sentence end, then shapes of short sentences (each a real statement or rank)
SHAPES = ["1—", "60%", "12 ", "1-2、", "（1）", "1,", "1.", "1~", "第1", "一二三", "20%以上，", "约3万人 ",
          "2025年", "((((", "1\n", "—6—\n", "第1页 ", "1、2、", "一、", "1—2，", "1。", "60%。", "约3万人。",
          "建成3所学校。", "第1。"]
COLUMN = "0\\n1\\n2\\n…"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=1.0, help="characters per shape, in millions (default 1)")
    args = parser.parse_args()
    size = int(args.mb * 1_000_000)
    print(f"{'shape':<14} {'form':<4} {'chars':>9} {'seconds':>8} {'rows':>8}")
    for unit in SHAPES + [COLUMN]:
        text = _column(size) if unit == COLUMN else unit * (size // len(unit))
        for form in ("web", "pdf"):
            started = time.perf_counter()
            rows = extract_targets(text, text_form=form)
            print(f"{unit!r:<14} {form:<4} {len(text):>9,} {time.perf_counter() - started:>8.2f} {len(rows):>8,}",
                  flush=True)


def _column(size: int) -> str:
    """Counting numbers one a line (a table's column read back from a PDF), ``size`` characters or more."""
    lines, total, i = [], 0, 0
    while total < size:
        lines.append(str(i))
        total, i = total + len(lines[-1]) + 1, i + 1
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
