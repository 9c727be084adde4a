"""Property-based tests over arbitrary, Arabic-heavy Unicode: nothing raises, nothing is lost."""

import io
import re
import unicodedata
import zipfile

import pandas as pd
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from qawl import attribution, export, frames, lexicons, sentences, speech, uploads
from qawl.corpus import Document, read_items
from qawl.decode import DecodeError, decode
from qawl.normalize import normalize, presentation_forms
from qawl.tokenize import words

FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def chars(first: int, last: int) -> st.SearchStrategy[str]:
    return st.characters(min_codepoint=first, max_codepoint=last)


# Every character a decoded file can hold: lone surrogates never come out of qawl.corpus (test_corpus).
ANY_CHAR = st.characters(exclude_categories=["Cs"])
ARABIC_LETTER = chars(0x0621, 0x064A)
MARK = st.one_of(chars(0x064B, 0x0652), st.sampled_from(["\u0640", "\u0670"]))  # harakat, tatweel, dagger alef
INVISIBLE = st.one_of(chars(0x200B, 0x200F), chars(0x202A, 0x202E), chars(0x2066, 0x2069), st.just("\ufeff"))
PRESENTATION = st.one_of(chars(0xFB50, 0xFDFF), chars(0xFE70, 0xFEFF))
LATIN_OR_DIGIT = st.one_of(chars(0x41, 0x5A), chars(0x61, 0x7A), chars(0x30, 0x39), chars(0x0660, 0x0669))
PUNCTUATION = st.sampled_from([*"«»\"“”'.،؟!:؛-()/", "...", "…", "//"])
SPACE = st.sampled_from([" ", " ", " ", "\n", "\n\n", "\t", "\r\n", "\u00a0", "\u2028"])
# Whole words that send the splitter and the attribution down their real paths.
NEWS = st.sampled_from([
    "قال", "وقال", "قالت", "وأضاف", "أضاف", "أكد", "وأكد", "يقول", "مضيفا", "مشيرا", "بحسب", "وفقا", "لـ",
    "نقلت", "عن", "إن", "أن", "إنه", "الوزير", "الرئيس", "وزارة الخارجية", "شي جين بينغ", "د.", "م.", "سموه",
    "من جانبه", "بدوره", "كما", "الذي", "// انتهى //", "واس", "الرياض 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس",
    "20:26 ت م", "-----", "حمّل تطبيق", "كوفيد-19", "0.48", "برئاسة اللواء",
])
PIECE = st.one_of(
    ARABIC_LETTER, ARABIC_LETTER, ARABIC_LETTER, MARK, INVISIBLE, PRESENTATION, LATIN_OR_DIGIT, PUNCTUATION,
    SPACE, SPACE, NEWS, NEWS, ANY_CHAR,
)
ARABIC_TEXT = st.lists(PIECE, max_size=120).map("".join)
ANY_TEXT = st.one_of(ARABIC_TEXT, st.text(ANY_CHAR))
SPACES = re.compile(r"\s+")
PRESENTATION_RANGES = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")


def squeeze(text: str) -> str:
    return "".join(ch for ch in text if not ch.isspace())


@FAST
@given(ANY_TEXT)
def test_normalize_is_idempotent(text):
    once = normalize(text)
    assert normalize(once) == once
    assert normalize(once, yeh=False, teh=False) == normalize(once, yeh=False, teh=False)


@FAST
@given(ANY_TEXT)
def test_words_are_pieces_of_the_text_in_order(text):
    at = 0
    for word in words(text):
        assert word and not SPACES.search(word)
        at = text.index(word, at) + len(word)


@FAST
@given(ANY_TEXT)
def test_sentences_rejoin_to_the_text(text):
    found = sentences.split(text)
    assert squeeze("".join(s.text for s in found)) == squeeze(text)
    for s in found:
        assert text[s.start : s.end] == s.text
        assert s.text == s.text.strip() and s.text
    assert [s.start for s in found] == sorted(s.start for s in found)
    assert [s.paragraph for s in found] == sorted(s.paragraph for s in found)


@FAST
@given(ARABIC_TEXT)
def test_speech_find_returns_pieces_of_the_sentence(text):
    report = speech.find(lexicons.current(), text)
    if report is not None:
        assert report.kind in {"explicit", "implicit"}
        assert report.quote in {"direct", "indirect"}
        assert report.cue in text and report.mention in text


@FAST
@given(ARABIC_TEXT)
def test_attribution_gives_one_row_per_sentence(text):
    found = sentences.split(text)
    attributions = attribution.attribute(lexicons.current(), found)
    assert len(attributions) == len(found)
    for s, a in zip(found, attributions, strict=True):
        assert a.attribution in {"explicit", "carried", "none"}
        assert a.quote in {"direct", "indirect", "none"}
        if s.boilerplate or a.attribution == "none":
            assert (a.attribution, a.cue) == ("none", "")


@SLOW
@given(st.lists(ARABIC_TEXT, min_size=1, max_size=4))
def test_frames_keep_every_sentence(texts):
    docs = [Document(f"d{i}", text) for i, text in enumerate(texts)]
    built = frames.build(docs)
    for doc in docs:
        # The frames hold letters where the text had presentation forms (PDF glyphs), nothing else changes.
        expected = [s.text for s in sentences.split(presentation_forms(doc.text))]
        got = built.sentences.loc[built.sentences["doc_id"] == doc.doc_id, "text"].tolist()
        assert got == expected
    assert built.documents["n_sentences"].tolist() == [len(sentences.split(presentation_forms(d.text))) for d in docs]
    speakers = set(built.speakers["speaker"])
    assert set(built.sentences["speaker"]) - {""} <= speakers


CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")


@FAST
@given(ARABIC_TEXT, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
def test_decode_gives_back_the_text_without_its_bom(text, codec):
    assume(not CONTROL.search(text))  # text with control characters is refused as binary, with a reason
    data = text.encode(codec, errors="surrogatepass")
    assert decode(data) == text.lstrip("\ufeff")


@FAST
@given(ANY_TEXT, st.sampled_from(["utf-8", "utf-16-le", "utf-16-be", "cp1256"]))
def test_decode_reads_or_refuses_any_encoded_text(text, codec):
    data = text.encode(codec, errors="replace")
    try:
        decoded = decode(data)
    except DecodeError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    assert not decoded.startswith("\ufeff")


@FAST
@given(st.binary(max_size=600), st.sampled_from(["a.txt", "t.csv", "t.jsonl", "metadata.csv", "x.bin"]))
def test_any_bytes_are_read_or_named(data, name):
    messages: list[str] = []
    docs = read_items([(name, data), ("good.txt", "قال الوزير إن الأمر مهم.".encode())], messages.append)
    assert "good" in [d.doc_id for d in docs]
    assert all("\n" not in m for m in messages)


def _zip(texts: list[str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for i, text in enumerate(texts):
            archive.writestr(f"folder/{i}.txt", text)
    return buffer.getvalue()


@FAST
@given(st.lists(ARABIC_TEXT, min_size=1, max_size=3), st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 255)),
                                                                max_size=6))
def test_damaged_zips_never_raise(texts, damage):
    data = bytearray(_zip(texts))
    for at, value in damage:
        data[at % len(data)] = value
    messages: list[str] = []
    docs = uploads.read_upload("up.zip", bytes(data), messages.append)
    assert len(docs) <= len(texts)


CELL = st.one_of(ANY_TEXT, st.integers(), st.floats(allow_nan=False, allow_infinity=False))


@SLOW
@given(st.lists(st.tuples(ANY_TEXT, CELL), min_size=1, max_size=8))
def test_csv_export_round_trips_every_cell(rows):
    frame = pd.DataFrame(rows, columns=["text", "value"])
    data = export.csv_bytes(frame)
    assert data.startswith(b"\xef\xbb\xbf")
    forms = PRESENTATION_RANGES.findall(data.decode("utf-8-sig"))
    assert all(unicodedata.normalize("NFKC", ch) == ch for ch in forms)  # left: symbols with no letters behind
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert back["text"].tolist() == [export.neutralize(t) for t in frame["text"]]
