"""Cleaning with offsets, and decoding texts saved in any usual encoding."""

import pytest
from hypothesis import given, strategies as st

from vetcompare.text import EncodingError, Repair, clean, decode

SAMPLE = "到2025年,“双师型”教师占比达到60%以上。\r\n职普比大体相当\u00a0\u3000（１４万人）"


@pytest.mark.parametrize("encoding, data", [
    ("utf-8", SAMPLE.encode("utf-8")),
    ("utf-8-sig", b"\xef\xbb\xbf" + SAMPLE.encode("utf-8")),
    ("utf-16", SAMPLE.encode("utf-16")),
    ("utf-16-le", SAMPLE.encode("utf-16-le")),
    ("utf-16-be", SAMPLE.encode("utf-16-be")),
    ("gb18030", SAMPLE.encode("gb18030")),
    ("gbk", SAMPLE.replace("\u00a0", " ").encode("gbk")),
])
def test_decode_any_usual_encoding(encoding, data):
    text, _ = decode(data, "x.txt")
    expected = SAMPLE.replace("\u00a0", " ") if encoding == "gbk" else SAMPLE
    assert text == expected
    assert "\r\n" in text  # line ends kept: offsets refer to the decoded text as it is


def test_undetectable_encoding_is_a_clear_error():
    data = bytes(range(128, 256)) * 20
    with pytest.raises(EncodingError, match="cannot tell the text's encoding.*save it as UTF-8"):
        decode(data, "mystery.txt")


def test_latin1_is_not_turned_into_mojibake():
    data = "Café résumé naïve — ça coûte 5 €".encode("cp1252") * 5
    with pytest.raises(EncodingError):
        decode(data, "latin.txt")


def test_clean_maps_back_to_raw():
    raw = "办好 1\n\n所中职学校。页眉\n重点办好23所"
    repairs = [Repair(raw.index("页眉"), "页眉", "", "furniture"), Repair(raw.index("23"), "23", "2—3", "dash lost")]
    c = clean(raw, "pdf", repairs)
    assert c.text == "办好1所中职学校。重点办好2—3所"
    i = c.text.index("1所")
    s, e = c.to_raw(i, i + 2)
    assert raw[s:e] == "1\n\n所"
    assert c.from_raw(s, e) == "1所"
    j = c.text.index("2—3所")
    s, e = c.to_raw(j, j + 4)
    assert raw[s:e] == "23所" and c.from_raw(s, e) == "2—3所"
    assert [r.note for r in c.repairs_in(s, e)] == ["dash lost"]


def test_repair_must_match_the_text():
    with pytest.raises(ValueError, match="expects"):
        clean("abc", "web", [Repair(0, "x", "y", "n")])


@given(st.text(max_size=300))
def test_clean_never_breaks_offsets(raw):
    c = clean(raw, "pdf")
    assert len(c.origin) == len(c.text)
    assert all(0 <= o < len(raw) for o in c.origin)
    assert list(c.origin) == sorted(c.origin)
    for ch, o in zip(c.text, c.origin):
        assert raw[o] == ch
