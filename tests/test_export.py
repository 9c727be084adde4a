import codecs
import csv
import datetime as dt
import io
import re

import pandas as pd
import pytest

from qawl import export
from qawl.export import csv_bytes, file_name, neutralize, safe_frame, write_csv
from qawl.filters import Filters

PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")

DANGEROUS = [
    "=HYPERLINK(\"http://x\",\"اضغط\")",  # "click"
    "=1+1",
    "+966 11 000 0000",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
    "=قال",
]
HARMLESS = ["قال الوزير", "1+1", "a=b", " =1", "'=1", "", "«=»"]


def cells(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


@pytest.mark.parametrize("value", DANGEROUS)
def test_formula_cells_get_a_quote(value):
    assert neutralize(value) == "'" + value
    (row,) = cells(csv_bytes(pd.DataFrame({"text": [value]})))[1:]
    assert row == ["'" + value]


@pytest.mark.parametrize("value", HARMLESS)
def test_other_text_is_left_alone(value):
    assert neutralize(value) == value


@pytest.mark.parametrize("dtype", [object, "string", "category"])
def test_every_text_dtype_is_neutralized(dtype):
    frame = pd.DataFrame({"text": pd.Series(DANGEROUS + HARMLESS, dtype=dtype)})
    out = safe_frame(frame)["text"].astype(object).tolist()
    assert out == [neutralize(v) for v in DANGEROUS + HARMLESS]


def test_numbers_stay_numbers():
    frame = pd.DataFrame({
        "n": [-5, 3], "x": [-0.25, 1e6], "mixed": [-1, "-1"], "when": pd.to_datetime(["2020-01-02", None]),
    })
    header, first, second = cells(csv_bytes(frame))
    assert header == ["n", "x", "mixed", "when"]
    assert first == ["-5", "-0.25", "-1", "2020-01-02"]
    assert second[0] == "3" and float(second[1]) == 1e6 and second[2:] == ["'-1", ""]


def test_missing_values_stay_missing():
    frame = pd.DataFrame({"text": pd.Series(["=1", None], dtype="string"), "cat": pd.Categorical(["-a", None])})
    assert cells(csv_bytes(frame))[2] == ["", ""]


def test_column_names_are_neutralized_too():
    frame = pd.DataFrame({"=cmd|' /C calc'!A0": ["x"], "speaker": ["y"]})
    assert cells(csv_bytes(frame))[0] == ["'=cmd|' /C calc'!A0", "speaker"]


def test_bom_and_arabic_round_trip(tmp_path):
    frame = pd.DataFrame({
        "speaker": ["الرئيس الصيني شي جين بينغ", "وزارة الخارجية"],  # China's president Xi; the foreign ministry
        "text": ["قال «التعاون» مهم، أليس كذلك؟", "إِنَّ الْوَضْعَ مُسْتَقِرٌّ\nسطر ثانٍ"],  # with harakat and a newline
        "n_sentences": [3, 4],
    })
    data = csv_bytes(frame)
    assert data.startswith(codecs.BOM_UTF8)
    assert not data[3:].startswith(codecs.BOM_UTF8)
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
    pd.testing.assert_frame_equal(back, frame)
    write_csv(frame, tmp_path / "out.csv")
    assert (tmp_path / "out.csv").read_bytes() == data


def test_no_presentation_forms_leave_in_a_download():
    frame = pd.DataFrame({"text": ["ﻗﺎﻝ ﺍﻟﻮﺯﻳﺮ", "لا ﻻ"], "term": pd.Categorical(["ﻻ", "قال"])})  # PDF glyphs
    text = csv_bytes(frame).decode("utf-8-sig")
    assert not PRESENTATION_FORMS.search(text)
    assert cells(csv_bytes(frame))[1:] == [["قال الوزير", "لا"], ["لا لا", "قال"]]


def test_safe_frame_leaves_the_input_alone():
    frame = pd.DataFrame({"text": ["=1"]})
    safe_frame(frame)
    assert frame["text"].tolist() == ["=1"]


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (("sentences", "الرئيس شي"), "sentences.csv"),
        (("speakers", "Xi Jinping"), "speakers_Xi-Jinping.csv"),
        (("../../etc/passwd",), "..-..-etc-passwd.csv"),
        (("",), "qawl.csv"),
    ],
)
def test_file_names_are_ascii(parts, expected):
    name = file_name(*parts)
    assert name == expected
    assert name.isascii()
    assert "/" not in name


@pytest.mark.parametrize("value", ["سطر\rسطر", "سطر\nسطر", "سطر\r\nسطر", 'قال "نعم", ثم'])
def test_line_breaks_and_quotes_inside_a_cell_keep_the_row_whole(value):
    rows = cells(csv_bytes(pd.DataFrame({"text": [value], "n": [1]})))
    assert rows == [["text", "n"], [value, "1"]]


def test_categories_that_become_equal_stay_readable():
    frame = pd.DataFrame({"term": pd.Categorical(["ﻻ", "لا", None, "=x"])})  # lam-alef glyph and letters
    assert safe_frame(frame)["term"].tolist()[:2] == ["لا", "لا"]
    assert cells(csv_bytes(frame))[1:] == [["لا"], ["لا"], [""], ["'=x"]]


@pytest.mark.parametrize(("filters", "frame", "stem"), [
    (Filters(), "sentences", "qawl_sentences"),
    (Filters(speakers=("رجب طيب أردوغان",), themes=("security & conflict",), date_from=dt.date(2018, 1, 1),
             date_to=dt.date(2018, 6, 30)), "sentences",
     "qawl_sentences_speaker-rjb-tyb-rdwghn_theme-security-conflict_2018-01-01_2018-06-30"),
    (Filters(speakers=("شي", "توكاييف", "غوتيريش")), "mentions", "qawl_mentions_speakers-3"),
    (Filters(q="إيران", match="forms", date_to=dt.date(2018, 6, 30)), "tokens",
     "qawl_tokens_q-yrn-forms_start_2018-06-30"),
    (Filters(docs=("BB-internationalNews-1006-20180902",)), "documents",
     "qawl_documents_doc-bb-internationalnews-1006-2018"),
])
def test_export_file_names_record_the_filters(filters, frame, stem):
    assert export.filters_stem(filters, frame) == stem
    assert export.file_name(export.filters_stem(filters, frame), suffix=".csv") == stem + ".csv"


@pytest.mark.parametrize("value", ["🙂🙂", "؟؟؟", "<script>", "../../etc", "=cmd|' /C calc'!A0", "a" * 500])
def test_export_file_names_are_short_safe_ascii(value):
    stem = export.filters_stem(Filters(speakers=(value,), themes=(value,), docs=(value,), q=value), "sentences")
    assert re.fullmatch(r"[a-z0-9_-]+", stem) and len(stem) <= export.STEM_CHARS


def test_a_long_stem_ends_with_a_hash_of_the_whole():
    long = [Filters(speakers=(f"{'ب' * 40} {i}",), themes=("ت" * 40,), q="ق" * 40, docs=("د" * 40,)) for i in (1, 2)]
    stems = [export.filters_stem(f, "sentences") for f in long]
    assert stems[0] != stems[1] and all(len(s) <= export.STEM_CHARS for s in stems)


def test_sentences_gain_their_documents_outlet_title_and_url():
    sentences = pd.DataFrame({"doc_id": ["a", "b", "a"], "sentence_id": [1, 1, 2], "text": ["x", "y", "z"]})
    documents = pd.DataFrame({"doc_id": ["a", "b"], "title": ["عنوان", "t"], "source": ["BBC", "SPA"],
                              "url": ["https://x/a", ""], "date": [pd.NaT, pd.NaT]})
    out = export.with_documents(sentences, documents)
    assert list(out.columns) == ["doc_id", "source", "title", "url", "sentence_id", "text"]
    assert out["source"].tolist() == ["BBC", "SPA", "BBC"] and out["title"].tolist() == ["عنوان", "t", "عنوان"]
    assert export.with_documents(sentences, documents[["doc_id"]]) is sentences
