"""Cut the static Chinese font that vetcompare ships, from the variable Noto Sans SC.

    pip install uharfbuzz 'justmytype-intl-cjk>=0.1.0,<0.2'
    python scripts/cut_font.py            # writes vetcompare/assets/fonts/NotoSansSC-GBK-Regular.ttf

Why a static, subset file: matplotlib cannot choose a weight of a variable font (it draws the
default instance, Thin), and a full CJK font makes every PDF save slow. HarfBuzz pins the weight
axis at 400 (Regular) and keeps the characters of GBK (all 20,902 unified ideographs of the basic
block, which hold every district name tried) plus Latin, punctuation, arrows, maths and
full-width forms, in about a second. The outlines stay TrueType (glyf), which PDF viewers render
correctly when matplotlib embeds them as Type 42. The family is renamed "Noto Sans SC GBK" so that a
system-wide Noto Sans SC (often CFF) is never taken for it; the OFL allows modified versions
under a name without a Reserved Font Name (Noto Sans SC reserves only "Source").

``--check`` cuts into memory and exits 1 if the shipped file differs in characters, advances, names
or outlines (the cut is deterministic; bytes may differ between releases of the tools).
"""

from __future__ import annotations

import argparse
import io
import sys
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "vetcompare" / "analysis" / "assets" / "fonts" / "NotoSansSC-GBK-Regular.ttf"
FAMILY = "Noto Sans SC GBK"
POSTSCRIPT = "NotoSansSCGBK-Regular"
WEIGHT = 400
# Unicode blocks kept beside GBK: Latin, general punctuation, super/subscripts, letterlike,
# arrows, maths, enclosed numerals, box drawing, geometric shapes, CJK punctuation, full-width forms.
BLOCKS = [(0x20, 0x7F), (0xA0, 0x250), (0x2000, 0x2070), (0x2070, 0x20A0), (0x2100, 0x2150),
          (0x2150, 0x2190), (0x2190, 0x2200), (0x2200, 0x2300), (0x2460, 0x2500), (0x2500, 0x2580),
          (0x25A0, 0x2600), (0x3000, 0x3040), (0xFF00, 0xFFF0)]

# OpenType layout (GSUB/GPOS/GDEF/BASE), vertical metrics and the style table: matplotlib lays out
# Chinese and Latin without them, and dropping them halves the time of embedding the font in a PDF.
DROPPED = ("GSUB", "GPOS", "GDEF", "BASE", "vhea", "vmtx", "STAT")


def gbk_codepoints() -> set[int]:
    """Every character that GBK encodes in two bytes."""
    out = set()
    for lead in range(0x81, 0xFF):
        for trail in range(0x40, 0xFF):
            try:
                out.add(ord(bytes([lead, trail]).decode("gbk")))
            except UnicodeDecodeError:
                pass
    return out


def variable_font() -> Path:
    """The variable Noto Sans SC inside the justmytype-intl-cjk package."""
    folder = resources.files("justmytype_intl_cjk").joinpath("fonts", "ofl", "notosanssc")
    return Path(str(next(f for f in folder.iterdir() if f.name.endswith(".ttf"))))


def cut() -> bytes:
    """The static, subset, renamed font as bytes."""
    import uharfbuzz as hb
    from fontTools.ttLib import TTFont

    face = hb.Face(hb.Blob.from_file_path(str(variable_font())))
    wanted = hb.SubsetInput()
    codepoints = gbk_codepoints()
    for lo, hi in BLOCKS:
        codepoints.update(range(lo, hi))
    wanted.unicode_set.update(codepoints)
    wanted.pin_axis_location(face, "wght", WEIGHT)
    for tag in DROPPED:  # layout and vertical tables matplotlib never reads; each PDF save parses them
        wanted.drop_table_tag_set.add(int.from_bytes(tag.encode("ascii"), "big"))
    data = hb.subset(face, wanted).blob.data
    font = TTFont(io.BytesIO(data), recalcTimestamp=False)
    names = font["name"]
    for record in list(names.names):  # HarfBuzz keeps the default instance's names ("Thin")
        if record.nameID in (1, 4, 6, 16, 17):
            names.removeNames(nameID=record.nameID)
    names.setName(FAMILY, 1, 3, 1, 0x409)
    names.setName("Regular", 2, 3, 1, 0x409)
    names.setName(f"{FAMILY} Regular", 4, 3, 1, 0x409)
    names.setName(POSTSCRIPT, 6, 3, 1, 0x409)
    names.setName(f"2.004;vetcompare;{POSTSCRIPT}", 3, 3, 1, 0x409)
    font["OS/2"].usWeightClass = WEIGHT
    font["head"].modified = font["head"].created  # no timestamp of today: the cut is reproducible
    buffer = io.BytesIO()
    font.save(buffer, reorderTables=True)
    return buffer.getvalue()


def same_font(a: bytes, b: bytes) -> bool:
    """Byte-identical, or the same characters, advances, names and outlines (another fontTools or
    HarfBuzz release may lay out the same font's bytes differently)."""
    if a == b:
        return True
    from fontTools.ttLib import TTFont

    fa, fb = TTFont(io.BytesIO(a)), TTFont(io.BytesIO(b))
    if fa.getBestCmap() != fb.getBestCmap() or fa["hmtx"].metrics != fb["hmtx"].metrics:
        return False
    if [fa["name"].getDebugName(i) for i in (1, 2, 4, 6)] != [fb["name"].getDebugName(i) for i in (1, 2, 4, 6)]:
        return False
    ga, gb = fa["glyf"], fb["glyf"]
    return all(ga[n].getCoordinates(ga)[0] == gb[n].getCoordinates(gb)[0] for n in fa.getGlyphOrder())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the shipped file, write nothing")
    args = parser.parse_args(argv)
    data = cut()
    if args.check:
        same = TARGET.is_file() and same_font(TARGET.read_bytes(), data)
        print(f"{TARGET.name}: {'identical' if same else 'DIFFERS'} ({len(data):,} bytes cut)")
        return 0 if same else 1
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_bytes(data)
    print(f"wrote {TARGET.relative_to(ROOT)} ({len(data):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
