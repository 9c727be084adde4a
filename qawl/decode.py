"""Decoding the bytes users really have: UTF-8 (with or without BOM), UTF-16, Windows-1256."""

import codecs
import re

# UTF-32 before UTF-16: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Files people rename to .txt by mistake, named in the message so they know what they gave.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive or Office document"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a Windows program"),
)
# Control characters that never occur in text files (tab, newlines and form feed excepted).
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
_ARABIC = re.compile("[\u0600-\u06ff]")
_LETTER = re.compile(r"[^\W\d_]")
_SPACE = re.compile(r"\s")
# What text of the languages Qawl reads is made of: white space (not \s, which takes \x1c-\x1f), printable ASCII,
# Latin-1 letters, Arabic (with its presentation forms), general punctuation (dashes, quotes, bidi marks). A guessed
# decoding of random bytes gives CJK (as UTF-16) or symbols (as Windows-1256).
_TEXT_CHAR = re.compile("[ \t\n\r\f\v!-~\u00a0\u00ab\u00bb\u00c0-\u00ff\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff"
                        "\u2000-\u206f\ufb50-\ufdff\ufe70-\ufeff]")
# A Windows-1256 file is Arabic: its Arabic letters, digits, white space and punctuation, hardly a Latin letter.
_ARABIC_TEXT_CHAR = re.compile("[ \t\n\r\f\v0-9!-/:-@\\[-`{-~\u00a0\u00ab\u00bb\u0600-\u06ff\u2000-\u206f]")
_TEXT_SHARE = 0.9
_SNIFF = 65536
# UTF-8 Arabic read as Windows-1252 and saved again ("Ø§Ù„"): every letter starts with Ø or Ù.
_MOJIBAKE_LEADS = re.compile("[ØÙ]")
_CP1252_BYTES = {bytes([b]).decode("cp1252", errors="ignore") or chr(b): b for b in range(256)}


class DecodeError(ValueError):
    """Bytes that are not text in any encoding Qawl reads."""


def _magic(data: bytes) -> str:
    return next((kind for magic, kind in _MAGIC if data.startswith(magic)), "")


def _truncated(data: bytes, codec: str) -> str:
    """Return data decoded with codec, dropping a last character cut in half; raise UnicodeDecodeError otherwise."""
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        # A file cut at a byte limit ends inside a character: keep everything before it.
        if exc.end < len(data) or exc.reason not in {"unexpected end of data", "truncated data"}:
            raise
        return data[: exc.start].decode(codec)


def _utf16_without_bom(data: bytes) -> str | None:
    head = data[:_SNIFF]
    if len(head) < 4:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    # UTF-16 puts the NUL of every ASCII character (spaces, digits) on one side only.
    if max(even, odd) < 2 or min(even, odd) > max(even, odd) // 100:
        return None
    try:
        text = _truncated(data, "utf-16-le" if odd > even else "utf-16-be")
    except UnicodeDecodeError:
        return None
    return None if _looks_binary(text) or not _made_of(_TEXT_CHAR, text) else text


def _made_of(chars: re.Pattern[str], text: str) -> bool:
    """Return whether nearly all of text's first characters are of the class chars."""
    sample = text[:_SNIFF]
    return len(chars.findall(sample)) >= _TEXT_SHARE * len(sample)


def _looks_binary(text: str) -> bool:
    sample = text[:_SNIFF]
    return bool(sample) and len(_CONTROL.findall(sample)) > max(1, len(sample) // 200)


def _utf8(data: bytes) -> str | None:
    """Return data as UTF-8, None when it is not; raise DecodeError for UTF-8 with a few broken bytes."""
    try:
        return _truncated(data, "utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    sample = data[:_SNIFF].decode("utf-8", errors="replace")
    bad = sample.count("\ufffd")
    good = sum(1 for ch in sample if ch > "\x7f") - bad
    # Real Windows-1256 bytes almost never form valid UTF-8 sequences; mostly-valid UTF-8 is damaged UTF-8.
    if good >= 4 * bad:
        raise DecodeError(f"undecodable bytes: invalid UTF-8 at byte {first_bad}")
    return None


def _cp1256(data: bytes) -> str:
    """Return data as Windows-1256 Arabic, or raise DecodeError when it does not read as Arabic text."""
    text = data.decode("cp1256", errors="replace")
    sample = text[:_SNIFF]
    letters = _LETTER.findall(sample)
    arabic = sum(1 for ch in letters if _ARABIC.match(ch))
    spaces = len(_SPACE.findall(sample))
    words_apart = len(sample) <= 40 or spaces >= len(sample) // 50
    if ("\ufffd" in text or not letters or arabic < len(letters) * 0.3 or not words_apart
            or not _made_of(_ARABIC_TEXT_CHAR, sample)):
        raise DecodeError("undecodable bytes: not UTF-8, UTF-16 or Windows-1256 text")
    return text


def _repair_mojibake(text: str) -> str:
    """Return UTF-8 Arabic that was read as Windows-1252 and saved again as Arabic, else text unchanged."""
    sample = text[:_SNIFF]
    if _ARABIC.search(sample):
        return text
    wide = sum(1 for ch in sample if ch > "\x7f")
    if wide < 4 or len(_MOJIBAKE_LEADS.findall(sample)) * 3 < wide:
        return text
    try:
        raw = bytes(_CP1252_BYTES[ch] if ch > "\x7f" else ord(ch) for ch in text)
        repaired = raw.decode("utf-8")
    except (KeyError, UnicodeDecodeError):
        return text
    return repaired if _ARABIC.search(repaired[:_SNIFF]) else text


def decode(data: bytes) -> str:
    """Return data as text with any BOM removed, or raise DecodeError naming why it is not text."""
    kind = _magic(data)
    if kind:
        raise DecodeError(f"not text: {kind}")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = _truncated(data, codec)
            except UnicodeDecodeError as exc:
                raise DecodeError(f"undecodable bytes: broken {codec} text at byte {exc.start}") from None
            break
    else:
        found = _utf16_without_bom(data)
        if found is None:
            found = _utf8(data)
        if found is None:
            if b"\x00" in data[:_SNIFF]:
                raise DecodeError("binary file, not text")
            found = _cp1256(data)
        text = found
    if _looks_binary(text):
        raise DecodeError("binary file, not text")
    return _repair_mojibake(text.lstrip("\ufeff"))
