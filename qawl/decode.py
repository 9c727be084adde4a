"""Decoding the bytes users really have: UTF-8 (with or without BOM), UTF-16, Windows-1256."""

import codecs
import re

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# Control characters that never occur in text files (tab, newlines and form feed excepted).
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
_ARABIC = re.compile("[\u0600-\u06ff]")
_LETTER = re.compile(r"[^\W\d_]")
_SNIFF = 65536


class DecodeError(ValueError):
    """Bytes that are not text in any encoding Qawl reads."""


def _utf16_without_bom(data: bytes) -> str | None:
    head = data[:_SNIFF]
    if len(head) < 4:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    # UTF-16 puts the NUL of every ASCII character (spaces, digits) on one side only.
    if max(even, odd) < 2 or min(even, odd) > max(even, odd) // 100:
        return None
    try:
        text = data.decode("utf-16-le" if odd > even else "utf-16-be")
    except UnicodeDecodeError:
        return None
    return None if _looks_binary(text) else text


def _looks_binary(text: str) -> bool:
    sample = text[:_SNIFF]
    return bool(sample) and len(_CONTROL.findall(sample)) > max(1, len(sample) // 200)


def decode(data: bytes) -> str:
    """Return data as text with any BOM removed, or raise DecodeError naming why it is not text."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise DecodeError(f"broken {codec} text at byte {exc.start}") from None
            return text.lstrip("\ufeff")
    text = _utf16_without_bom(data)
    if text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = None
    if text is None:
        if b"\x00" in data[:_SNIFF]:
            raise DecodeError("binary file, not text")
        text = data.decode("cp1256", errors="replace")
        letters = _LETTER.findall(text[:_SNIFF])
        arabic = sum(1 for ch in letters if _ARABIC.match(ch))
        if "\ufffd" in text or (letters and arabic < len(letters) * 0.3):
            raise DecodeError("not UTF-8, UTF-16 or Windows-1256 text")
    if _looks_binary(text):
        raise DecodeError("binary file, not text")
    return text.lstrip("\ufeff")
