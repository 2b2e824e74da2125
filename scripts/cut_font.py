"""Cut the static Chinese font that vetcompare ships, from the variable Noto Sans SC.

    pip install uharfbuzz 'justmytype-intl-cjk>=0.1.0,<0.2'
    python scripts/cut_font.py            # writes the two files named in PARTS

Why a static, subset file: matplotlib cannot choose a weight of a variable font (it draws the
default instance, Thin), and a full CJK font makes every PDF save slow. HarfBuzz pins the weight
axis at 400 (Regular) and keeps the characters of GBK (all 20,902 unified ideographs of the basic
block, which hold every district name tried) plus Latin, punctuation, arrows, maths and
full-width forms, in about a second. The outlines stay TrueType (glyf), which PDF viewers render
correctly when matplotlib embeds them as Type 42. The family is renamed "Noto Sans SC GBK" so that a
system-wide Noto Sans SC (often CFF) is never taken for it; the OFL allows modified versions
under a name without a Reserved Font Name (Noto Sans SC reserves only "Source").

Two files, one family chain: the common part (GB 2312, whose 6,763 characters hold almost every
word of a policy text, plus Latin and symbols) and the rest of GBK. matplotlib falls back glyph by
glyph from the first to the second, and every PDF save subsets only the fonts a chart uses: a
third of the glyphs to parse makes each PDF about 40 ms faster than one GBK file.

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
FOLDER = ROOT / "vetcompare" / "analysis" / "assets" / "fonts"
WEIGHT = 400
# Unicode blocks kept beside GBK: Latin, general punctuation, super/subscripts, letterlike,
# arrows, maths, enclosed numerals, box drawing, geometric shapes, CJK punctuation, full-width forms.
BLOCKS = [(0x20, 0x7F), (0xA0, 0x250), (0x2000, 0x2070), (0x2070, 0x20A0), (0x2100, 0x2150),
          (0x2150, 0x2190), (0x2190, 0x2200), (0x2200, 0x2300), (0x2460, 0x2500), (0x2500, 0x2580),
          (0x25A0, 0x2600), (0x3000, 0x3040), (0xFF00, 0xFFF0)]

# OpenType layout (GSUB/GPOS/GDEF/BASE), vertical metrics and the style table: matplotlib lays out
# Chinese and Latin without them, and dropping them halves the time of embedding the font in a PDF.
DROPPED = ("GSUB", "GPOS", "GDEF", "BASE", "vhea", "vmtx", "STAT")


def double_byte(codec: str, leads: range, trails: range) -> set[int]:
    """Every character that ``codec`` encodes in two bytes with these lead and trail bytes."""
    out = set()
    for lead in leads:
        for trail in trails:
            try:
                out.add(ord(bytes([lead, trail]).decode(codec)))
            except UnicodeDecodeError:
                pass
    return out


def common() -> set[int]:
    """GB 2312 and the blocks beside it: the first file of the chain."""
    codepoints = double_byte("gb2312", range(0xA1, 0xF8), range(0xA1, 0xFF))
    for lo, hi in BLOCKS:
        codepoints.update(range(lo, hi))
    return codepoints


def extension() -> set[int]:
    """The rest of GBK: the second file, used only for rarer characters."""
    return double_byte("gbk", range(0x81, 0xFF), range(0x40, 0xFF)) - common()


# file name -> (family, PostScript name, characters)
PARTS = {
    "NotoSansSC-GBK-Regular.ttf": ("Noto Sans SC GBK", "NotoSansSCGBK-Regular", common),
    "NotoSansSC-GBKExt-Regular.ttf": ("Noto Sans SC GBK Ext", "NotoSansSCGBKExt-Regular", extension),
}


def variable_font() -> Path:
    """The variable Noto Sans SC inside the justmytype-intl-cjk package."""
    folder = resources.files("justmytype_intl_cjk").joinpath("fonts", "ofl", "notosanssc")
    return Path(str(next(f for f in folder.iterdir() if f.name.endswith(".ttf"))))


def cut(codepoints: set[int], family: str, postscript: str) -> bytes:
    """The static font holding ``codepoints``, renamed, as bytes."""
    import uharfbuzz as hb
    from fontTools.ttLib import TTFont

    face = hb.Face(hb.Blob.from_file_path(str(variable_font())))
    wanted = hb.SubsetInput()
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
    names.setName(family, 1, 3, 1, 0x409)
    names.setName("Regular", 2, 3, 1, 0x409)
    names.setName(f"{family} Regular", 4, 3, 1, 0x409)
    names.setName(postscript, 6, 3, 1, 0x409)
    names.setName(f"2.004;vetcompare;{postscript}", 3, 3, 1, 0x409)
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
    differ = 0
    for name, (family, postscript, characters) in PARTS.items():
        target, data = FOLDER / name, cut(characters(), family, postscript)
        if args.check:
            same = target.is_file() and same_font(target.read_bytes(), data)
            print(f"{name}: {'identical' if same else 'DIFFERS'} ({len(data):,} bytes cut)")
            differ += not same
            continue
        FOLDER.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        print(f"wrote {target.relative_to(ROOT)} ({len(data):,} bytes)")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
