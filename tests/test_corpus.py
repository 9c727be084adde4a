import codecs
import json
import os

import pytest
from dashboard_corpora import write_linked_corpus

from qawl.corpus import MAX_ROW_WARNINGS, CorpusError, display_name, files, load, read_items, read_table, read_text

ARTICLE = "قال الوزير إن التعاون مهم.\nوأضاف أن الاقتصاد ينمو.\n"  # the minister said cooperation matters ...
OTHER = "أكد المتحدث أن الاجتماع انتهى.\n"  # the spokesman confirmed the meeting ended


def collect():
    messages: list[str] = []
    return messages, messages.append


def write(folder, name, data):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


BAD_FILES = [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b" \n\t\n", "empty file"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(30), "PNG image"),
    ("garbage.txt", bytes(range(0x80, 0x100)) * 8, "undecodable"),
    ("notext.csv", "id,body\n1,مرحبا\n", "no 'text' column; columns: id, body"),
    ("empty.csv", "id,text\n", "no rows"),
    ("nothing.jsonl", '{"id": 1}\n{"id": 2}\n', "no 'text' field"),
]


@pytest.mark.parametrize(("name", "data", "reason"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_a_bad_file_is_named_with_its_reason_and_the_good_ones_are_kept(tmp_path, name, data, reason):
    write(tmp_path, "good.txt", ARTICLE)
    write(tmp_path, name, data)
    messages, warn = collect()
    docs = load([tmp_path], warn)
    assert [d.doc_id for d in docs] == ["good"]
    assert any(m.startswith(f"{tmp_path / name}: ") and reason in m for m in messages), messages
    assert all("\n" not in m for m in messages)


@pytest.mark.parametrize(
    ("codec", "bom"),
    [("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE),
     ("cp1256", b"")],
)
def test_encodings_give_the_same_document(tmp_path, codec, bom):
    path = write(tmp_path, "a.txt", bom + ARTICLE.encode(codec))
    (doc,) = load([path], collect()[1])
    assert doc.text == ARTICLE


def test_missing_path_is_skipped_when_others_are_readable(tmp_path):
    good = write(tmp_path, "good.txt", ARTICLE)
    messages, warn = collect()
    docs = load([tmp_path / "nope.txt", good], warn)
    assert [d.doc_id for d in docs] == ["good"]
    assert messages == [f"{tmp_path / 'nope.txt'}: skipped (no such file or folder)"]


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({}, "nope.txt: skipped (no such file or folder)"),
        ({"notes.docx": b"PK\x03\x04"}, "notes.docx: skipped (not a .txt, .csv or .jsonl file, nor a folder)"),
        ({"t.csv": "id,body\n1,x\n"}, "t.csv: skipped (no 'text' column"),
    ],
)
def test_nothing_readable_is_a_corpus_error_naming_the_file(tmp_path, files, expected):
    for name, data in files.items():
        write(tmp_path, name, data)
    target = tmp_path / (next(iter(files)) if files else "nope.txt")
    with pytest.raises(CorpusError) as caught:
        load([target], collect()[1])
    assert str(caught.value).startswith(str(tmp_path / expected.split(":")[0]))
    assert expected.split(": ", 1)[1] in str(caught.value)
    assert len(caught.value.problems) == 1


def test_corpus_error_lists_every_problem(tmp_path):
    write(tmp_path, "a.txt", b"")
    with pytest.raises(CorpusError) as caught:
        load([tmp_path / "a.txt", tmp_path / "missing"], collect()[1])
    assert len(caught.value.problems) == 2
    assert "and 1 more problems" in str(caught.value)


def test_folder_reads_nested_articles_with_metadata_above(tmp_path):
    write(tmp_path, "metadata.csv", "id,date,title,category\na,2020-01-02,عنوان,سياسة\n")
    write(tmp_path, "articles/2020/a.txt", ARTICLE)
    write(tmp_path, "articles/2021/b.txt", OTHER)
    docs = {d.doc_id: d for d in load([tmp_path / "articles"], collect()[1])}
    assert set(docs) == {"a", "b"}
    assert (docs["a"].date, docs["a"].title, docs["a"].meta) == ("2020-01-02", "عنوان", {"category": "سياسة"})
    assert docs["b"].date == ""


def test_operating_system_leftovers_are_ignored(tmp_path):
    write(tmp_path, "a.txt", ARTICLE)
    write(tmp_path, "._a.txt", b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X")
    write(tmp_path, "__MACOSX/b.txt", b"\x00\x05\x16\x07")
    write(tmp_path, ".hidden/c.txt", ARTICLE)
    messages, warn = collect()
    assert [d.doc_id for d in load([tmp_path], warn)] == ["a"]
    assert messages == []


def test_html_markup_is_kept_as_text():
    text = '<p>قال الوزير <b>إن</b> التعاون مهم.</p>\n<script>alert("x")</script><img src=x onerror=alert(1)>\n'
    doc = read_text("a.txt", text.encode(), collect()[1])
    assert doc.text == text


def test_presentation_forms_become_letters():
    doc = read_text("a.txt", "ﻗﺎﻝ ﺍﻟﻮﺯﻳﺮ".encode(), collect()[1])  # قال الوزير as PDF copy-paste glyphs
    assert doc.text == "قال الوزير"


def test_jsonl_with_one_malformed_line_keeps_the_others():
    lines = [
        json.dumps({"id": "a", "text": ARTICLE}, ensure_ascii=False),
        '{"id": "b", "text": "قال',
        json.dumps({"id": "c", "text": OTHER, "source": "واس"}, ensure_ascii=False),
        "[1, 2]",
    ]
    messages, warn = collect()
    docs = read_table("news.jsonl", "\n".join(lines).encode(), warn)
    assert [(d.doc_id, d.text, d.source) for d in docs] == [("a", ARTICLE.strip(), ""), ("c", OTHER.strip(), "واس")]
    assert messages[0].startswith("news.jsonl: line 2 skipped (not JSON: ")
    assert messages[1] == "news.jsonl: line 4 skipped (not a JSON object)"


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("[" * 100_000 + "]" * 100_000, "JSON nested too deeply"),
        ('{"n": ' + "1" * 5000 + ', "text": "x"}', "unreadable JSON: Exceeds the limit (4300 digits)"),
        ('{"text": "قال", }', "not JSON: "),
        ('"just a string"', "not a JSON object"),
    ],
    ids=["deep", "huge-number", "trailing-comma", "string"],
)
def test_hostile_jsonl_lines_are_named(line, reason):
    good = json.dumps({"text": OTHER}, ensure_ascii=False)
    messages, warn = collect()
    docs = read_table("news.jsonl", f"{line}\n{good}\n".encode(), warn)
    assert [d.text for d in docs] == [OTHER.strip()]
    assert len(messages) == 1
    assert messages[0].startswith(f"news.jsonl: line 1 skipped ({reason}")


def test_lone_surrogates_from_json_escapes_and_file_names_are_replaced(tmp_path):
    line = '{"id": "a\\udc80", "text": "قال الوزير \\ud800 إن الأمر مهم.", "note": "\\udfff"}'
    (doc,) = read_table("news.jsonl", line.encode(), collect()[1])
    assert (doc.doc_id, doc.text, doc.meta) == ("a\ufffd", "قال الوزير \ufffd إن الأمر مهم.", {"note": "\ufffd"})
    name = os.fsdecode(b"\xffbad.txt")  # a Linux file name that is not UTF-8
    write(tmp_path, name, ARTICLE)
    (doc,) = load([tmp_path], collect()[1])
    assert doc.doc_id == "\ufffdbad"
    assert display_name(tmp_path / name).endswith("?bad.txt")


def test_many_bad_rows_are_counted_not_listed():
    lines = [json.dumps({"text": ARTICLE}, ensure_ascii=False)] + ["{broken"] * 50
    messages, warn = collect()
    docs = read_table("news.jsonl", "\n".join(lines).encode(), warn)
    assert len(docs) == 1
    assert len(messages) == MAX_ROW_WARNINGS + 1
    assert messages[-1] == f"news.jsonl: {50 - MAX_ROW_WARNINGS} more rows skipped"


def test_a_json_array_in_a_jsonl_file_is_read():
    data = json.dumps([{"text": ARTICLE, "id": 7}, {"text": OTHER}], ensure_ascii=False).encode()
    docs = read_table("news.jsonl", data, collect()[1])
    assert [d.doc_id for d in docs] == ["7", "news-2"]


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_csv_delimiters_excel_writes(delimiter):
    data = f"id{delimiter}title{delimiter}text\n1{delimiter}عنوان{delimiter}{ARTICLE.splitlines()[0]}\n"
    (doc,) = read_table("t.csv", data.encode(), collect()[1])
    assert (doc.doc_id, doc.title, doc.text) == ("1", "عنوان", ARTICLE.splitlines()[0])


def test_excel_unicode_text_export_is_read():
    data = codecs.BOM_UTF16_LE + f"id\ttext\r\n1\t{OTHER.strip()}\r\n".encode("utf-16-le")
    (doc,) = read_table("t.csv", data, collect()[1])
    assert doc.text == OTHER.strip()


def test_csv_cell_longer_than_the_csv_module_default_limit():
    long_text = "قال الوزير إن " + "التعاون مهم " * 20_000
    data = 'id,text\n1,"' + long_text + '"\n'
    (doc,) = read_table("t.csv", data.encode(), collect()[1])
    assert doc.text == long_text.strip()


def test_csv_rows_with_extra_or_missing_fields():
    data = f"id,text,source\n1,{OTHER.strip()},واس,extra,fields\n2,{OTHER.strip()}\n3,,\n"
    messages, warn = collect()
    docs = read_table("t.csv", data.encode(), warn)
    assert [(d.doc_id, d.source) for d in docs] == [("1", "واس"), ("2", "")]
    assert messages == ["t.csv: row 4 skipped (empty text)"]


def test_table_columns_cannot_overwrite_frame_columns():
    data = f"doc_id,n_sentences,text,Category\nx,999,{OTHER.strip()},اقتصاد\n"
    (doc,) = read_table("t.csv", data.encode(), collect()[1])
    assert doc.doc_id == "x"
    assert doc.meta == {"category": "اقتصاد"}


def test_uploaded_items_use_metadata_and_keep_going_after_a_bad_table():
    items = [
        ("metadata.csv", b"id,date\na,2021-05-06\n"),
        ("a.txt", ARTICLE.encode("utf-16")),
        ("bad.csv", b"id,body\n1,x\n"),
        ("notes.pdf", b"%PDF-1.4"),
    ]
    messages, warn = collect()
    docs = read_items(items, warn)
    assert [(d.doc_id, d.date) for d in docs] == [("a", "2021-05-06")]
    assert messages == [
        "bad.csv: skipped (no 'text' column; columns: id, body)",
        "notes.pdf: skipped (not a .txt, .csv or .jsonl file)",
    ]


def test_metadata_without_an_id_column_is_named():
    messages, warn = collect()
    read_items([("metadata.csv", b"name,date\na,2020\n"), ("a.txt", ARTICLE.encode())], warn)
    assert messages == ["metadata.csv: metadata skipped (no 'id' column to match article file names)"]


def test_repeated_ids_are_made_unique():
    docs = read_items([("x/a.txt", ARTICLE.encode()), ("y/a.txt", OTHER.encode())], collect()[1])
    assert [d.doc_id for d in docs] == ["a", "a~2"]


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("a\nb.txt", "a?b.txt"),  # a newline would break the one-line message
        ("report\u202etxt.exe", "report?txt.exe"),  # right-to-left override disguising an extension
        ("مقال.txt", "مقال.txt"),
        ("x" * 300 + ".txt", "…" + ("x" * 300 + ".txt")[-159:]),
    ],
)
def test_display_name(name, shown):
    assert display_name(name) == shown


def test_a_linked_folder_is_read_once_and_a_loop_is_named(tmp_path):
    folder = write_linked_corpus(tmp_path)
    messages, warn = collect()
    docs = load([folder], warn)
    assert sorted(d.doc_id for d in docs) == ["e1", "e2", "own"]
    assert messages == [
        f"{folder / 'a'}: skipped (leads to a folder read already: {folder})",
        f"{folder / 'linked-again'}: skipped (leads to a folder read already: {tmp_path / 'elsewhere'})",
    ]
    # The cache key covers exactly the files the reader reads.
    assert [name for _, name, _, _ in files([folder])] == ["linked/e1.txt", "linked/e2.txt", "own.txt"]


def test_a_broken_link_and_an_unreadable_subfolder_are_named(tmp_path):
    write(tmp_path, "good.txt", ARTICLE)
    os.symlink("gone.txt", tmp_path / "broken.txt")
    locked = write(tmp_path / "locked", "x.txt", ARTICLE).parent
    locked.chmod(0)
    try:
        messages, warn = collect()
        docs = load([tmp_path], warn)
        readable = os.access(locked, os.R_OK)  # root reads anything
    finally:
        locked.chmod(0o755)
    assert [d.doc_id for d in docs] == ["good"] + ["x"] * readable
    assert messages == [f"{tmp_path / 'broken.txt'}: skipped (a link to nothing)"] + (
        [] if readable else [f"{locked}: skipped (Permission denied)"])


def test_metadata_rows_without_an_id_or_with_a_repeated_one_are_named(tmp_path):
    write(tmp_path, "a1.txt", ARTICLE)
    write(tmp_path, "metadata.csv", "id,title\na1,الأول\n,بلا رقم\na1,مكرر\n")  # first, no id, a repeat
    messages, warn = collect()
    (doc,) = load([tmp_path], warn)
    assert doc.title == "الأول"
    assert messages == [f"{tmp_path / 'metadata.csv'}: row 3 skipped (no id)",
                        f"{tmp_path / 'metadata.csv'}: row 4 skipped (id a1 is row 2's already)"]


def test_the_key_files_are_stated_as_the_walk_finds_them(tmp_path):
    """Each file is stat'ed by its name in its open folder: a linked file gives its target's size and time, as
    os.stat of its path does, in every folder of the walk."""
    own = write(tmp_path / "corpus", "own.txt", ARTICLE)
    inner = write(tmp_path / "corpus" / "sub", "inner.txt", ARTICLE + ARTICLE)
    target = write(tmp_path / "elsewhere", "target.txt", "مقال")
    os.symlink(target, tmp_path / "corpus" / "sub" / "link.txt")
    found = files([tmp_path / "corpus"])
    assert [(name, size, mtime) for _, name, size, mtime in found] == [
        (name, os.stat(path).st_size, os.stat(path).st_mtime_ns)
        for name, path in (("own.txt", own), ("sub/inner.txt", inner), ("sub/link.txt", target))]
