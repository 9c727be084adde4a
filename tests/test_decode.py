import codecs
import contextlib
import random
import struct
import zlib

import pytest

from qawl.decode import DecodeError, decode

ARTICLE = "قال الوزير إن التعاون مهم.\nوأضاف أن الاقتصاد ينمو 3.5 في المئة.\n"  # the minister said ...
SHORT = "قال الوزير"  # the minister said

ENCODINGS = [
    ("utf-8", b""),
    ("utf-8", codecs.BOM_UTF8),
    ("utf-16-le", codecs.BOM_UTF16_LE),
    ("utf-16-be", codecs.BOM_UTF16_BE),
    ("utf-16-le", b""),  # Windows "Unicode" without its BOM
    ("utf-16-be", b""),
    ("utf-32-le", codecs.BOM_UTF32_LE),
    ("utf-32-be", codecs.BOM_UTF32_BE),
    ("cp1256", b""),  # Windows Arabic
]


@pytest.mark.parametrize(("codec", "bom"), ENCODINGS, ids=[f"{c}{'+bom' if b else ''}" for c, b in ENCODINGS])
def test_arabic_comes_out_right_without_bom(codec, bom):
    text = decode(bom + ARTICLE.encode(codec))
    assert text == ARTICLE
    assert not text.startswith("\ufeff")


@pytest.mark.parametrize("codec", ["utf-8", "utf-16-le", "utf-16-be"])
def test_bom_then_crlf_lines(codec):
    bom = {"utf-8": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}[codec]
    data = bom + ARTICLE.replace("\n", "\r\n").encode(codec)
    assert decode(data).splitlines() == ARTICLE.splitlines()


@pytest.mark.parametrize("codec", ["utf-8", "utf-16"])
def test_file_cut_inside_its_last_character_keeps_the_rest(codec):
    data = ARTICLE.encode(codec)[:-1]
    assert decode(data) == ARTICLE[:-1]


def _png() -> bytes:
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + header + b"\0" * 4 + zlib.compress(b"\0\xff\0\0")


NOT_TEXT = [
    ("png renamed .txt", _png(), "PNG image"),
    ("jpeg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(range(256)), "JPEG image"),
    ("pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF document"),
    ("zip or docx", b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(40), "ZIP archive"),
    ("gzip", b"\x1f\x8b\x08\x00" + bytes(20), "gzip"),
    ("nul-laden binary", bytes(range(256)) * 4, "binary"),
    ("control characters", ("\x01\x02\x03\x04" * 50 + SHORT).encode(), "binary"),
    ("utf-8 with a broken byte", ARTICLE.encode()[:20] + b"\xff" + ARTICLE.encode()[20:], "invalid UTF-8 at byte 20"),
    ("every high byte, no words", bytes(range(0x80, 0x100)) * 10, "undecodable"),
    ("latin-1 french", "Le ministre a déclaré que la coopération était très importante.".encode("latin-1"),
     "undecodable"),
    ("gbk chinese", "外交部发言人表示双方合作非常重要而且经济增长很快".encode("gbk") * 3, "undecodable"),
    ("broken utf-16 after its bom", codecs.BOM_UTF16_LE + "ق".encode("utf-16-le") + b"\x00\xdc" + b"a\x00",
     "broken utf-16"),
]


@pytest.mark.parametrize(("data", "reason"), [c[1:] for c in NOT_TEXT], ids=[c[0] for c in NOT_TEXT])
def test_not_text_is_refused_with_a_reason(data, reason):
    with pytest.raises(DecodeError, match=reason):
        decode(data)


def _as_windows_1252(data: bytes) -> str:
    """Return bytes read the way a Western Windows program reads them (its five holes kept as C1 controls)."""
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in data)


def test_utf8_arabic_saved_again_as_windows_1252_is_repaired():
    mangled = _as_windows_1252(ARTICLE.encode("utf-8"))
    assert "Ø§Ù„" in mangled  # what the user sees: ال as Ø§Ù„
    assert decode(mangled.encode("utf-8")) == ARTICLE


@pytest.mark.parametrize(
    "text",
    [
        "Plain English text, nothing Arabic.",
        "Ø is a Danish letter and Ù a French one: Øresund, où.",  # real Latin text with the lead bytes
        ARTICLE,
    ],
)
def test_real_text_is_not_taken_for_garbled_text(text):
    assert decode(text.encode("utf-8")) == text


@pytest.mark.parametrize(
    "text",
    [
        "<p>قال <b>الوزير</b></p>",  # HTML markup is text
        "قال الوزير\x0cصفحة 2",  # a form feed between pages
        "\u200fقال\u200e الوزير",  # bidi marks
        "",
    ],
)
def test_text_is_returned_as_written(text):
    assert decode(text.encode("utf-8")) == text


def test_short_random_bytes_are_not_taken_for_text():
    """Random bytes under 64 (a damaged or binary file renamed .txt) once read as Windows-1256 or BOM-less UTF-16
    about one time in two."""
    generator = random.Random(11)
    read = []
    for size in range(8, 64):
        for _ in range(20):
            data = generator.randbytes(size)
            with contextlib.suppress(DecodeError):
                read.append((data, decode(data)))
    assert read == []


@pytest.mark.parametrize("codec", ["cp1256", "utf-16-le", "utf-16-be"])
def test_short_arabic_text_is_still_read(codec):
    for text in ("قال الوزير إن الأمر مهم.", "وأكد أن الاجتماع انتهى (2020)، ثم غادر: «نعم»."):
        assert decode(text.encode(codec)) == text
