import io
import json
import struct
import zipfile

import pytest

from qawl import uploads
from qawl.uploads import MB, read_upload, read_uploads

ARTICLE = "قال الوزير إن التعاون مهم.\nوأضاف أن الاقتصاد ينمو.\n"  # the minister said cooperation matters ...
OTHER = "أكد المتحدث أن الاجتماع انتهى.\n"  # the spokesman confirmed the meeting ended


def collect():
    messages: list[str] = []
    return messages, messages.append


def make_zip(members: dict[str, bytes | str], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def declare_size(data: bytes, member: str, size: int) -> bytes:
    """Return a zip whose headers claim that member expands to size bytes (what a hostile zip can do)."""
    raw = bytearray(data)
    encoded = member.encode()
    local = raw.find(b"PK\x03\x04")
    while local >= 0:
        name_len = struct.unpack_from("<H", raw, local + 26)[0]
        if raw[local + 30 : local + 30 + name_len] == encoded:
            struct.pack_into("<I", raw, local + 22, size)
        local = raw.find(b"PK\x03\x04", local + 4)
    central = raw.find(b"PK\x01\x02")
    while central >= 0:
        name_len = struct.unpack_from("<H", raw, central + 28)[0]
        if raw[central + 46 : central + 46 + name_len] == encoded:
            struct.pack_into("<I", raw, central + 24, size)
        central = raw.find(b"PK\x01\x02", central + 4)
    return bytes(raw)


def set_flag(data: bytes, flag: int) -> bytes:
    """Return a one-member zip with a general-purpose flag bit set in both headers."""
    raw = bytearray(data)
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = raw.find(signature)
        struct.pack_into("<H", raw, at + offset, struct.unpack_from("<H", raw, at + offset)[0] | flag)
    return bytes(raw)


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("a.txt", ARTICLE.encode("utf-16"), ["a"]),
        ("t.csv", f"id,text\nx,{OTHER.strip()}\n".encode("utf-8-sig"), ["x"]),
        ("t.jsonl", json.dumps({"id": "y", "text": OTHER}, ensure_ascii=False).encode(), ["y"]),
        ("z.zip", make_zip({"a.txt": ARTICLE, "b.txt": OTHER}), ["a", "b"]),
    ],
)
def test_every_upload_type_is_read(name, data, expected):
    messages, warn = collect()
    assert [d.doc_id for d in read_upload(name, data, warn)] == expected
    assert messages == []


def test_zip_with_nested_folders_and_metadata_inside():
    data = make_zip({
        "corpus/metadata.csv": "id,date,title\na,2020-03-04,عنوان\n",
        "corpus/2020/march/a.txt": ARTICLE.encode("cp1256"),
        "corpus/2021/b.txt": OTHER,
        "corpus/tables/more.jsonl": json.dumps({"id": "c", "text": OTHER}, ensure_ascii=False),
        "corpus/empty/": "",
    })
    messages, warn = collect()
    docs = {d.doc_id: d for d in read_upload("corpus.zip", data, warn)}
    assert set(docs) == {"a", "b", "c"}
    assert (docs["a"].date, docs["a"].title, docs["a"].text) == ("2020-03-04", "عنوان", ARTICLE)
    assert messages == []


def test_zip_members_of_other_types_are_skipped_with_one_message():
    data = make_zip({
        "a.txt": ARTICLE, "photo.png": b"\x89PNG", "inner.zip": make_zip({"b.txt": OTHER}), "run.exe": b"MZ",
        "d.pdf": b"%PDF", "__MACOSX/._a.txt": b"\x00\x05\x16\x07", ".DS_Store": b"\x00\x00\x00\x01Bud1",
    })
    messages, warn = collect()
    assert [d.doc_id for d in read_upload("up.zip", data, warn)] == ["a"]
    assert messages == ["up.zip: 4 files skipped (not .txt, .csv or .jsonl): photo.png, inner.zip, run.exe and 1 more"]


def test_bad_members_are_named_inside_their_zip():
    data = make_zip({"a.txt": ARTICLE, "folder/empty.txt": b"", "folder/img.txt": b"\x89PNG\r\n\x1a\n" + bytes(9)})
    messages, warn = collect()
    assert [d.doc_id for d in read_upload("up.zip", data, warn)] == ["a"]
    assert messages == ["up.zip/folder/empty.txt: skipped (empty file)",
                        "up.zip/folder/img.txt: skipped (not text: a PNG image)"]


def test_zip_bomb_is_refused_before_expanding(monkeypatch):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("a.txt", ARTICLE)
        with archive.open("bomb.txt", "w") as member:
            for _ in range(uploads.MAX_EXPANDED_MB + 1):
                member.write(b" " * MB)
    data = buffer.getvalue()
    assert len(data) < uploads.MAX_UPLOAD_BYTES / 10

    def expand(*_):
        raise AssertionError("a member was expanded")

    monkeypatch.setattr(uploads, "_expand", expand)
    messages, warn = collect()
    assert read_upload("bomb.zip", data, warn) == []
    assert messages == [f"bomb.zip: refused (would expand to 201.0 MB; the limit is {uploads.MAX_EXPANDED_MB} MB)"]


def test_expansion_budget_is_shared_by_the_zips_of_one_upload():
    member = ("قال الوزير إن التعاون مهم " * 15_000).encode()  # more than half the budget each
    files = [("one.zip", make_zip({"a.txt": member})), ("two.zip", make_zip({"b.txt": member}))]
    messages, warn = collect()
    docs = read_uploads(files, warn, max_expanded=MB)
    assert [d.doc_id for d in docs] == ["a"]
    size = f"{len(member) / MB:.1f} MB"
    assert messages == [f"two.zip: refused (would expand to {size}; the limit is 1 MB for the whole upload)"]


def test_member_larger_than_it_declares_is_cut_off():
    big = ("قال الوزير إن التعاون مهم " * 10_000).encode()
    data = declare_size(make_zip({"a.txt": ARTICLE, "liar.txt": big}), "liar.txt", 1000)
    messages, warn = collect()
    assert [d.doc_id for d in read_upload("up.zip", data, warn)] == ["a"]
    assert len(messages) == 1
    assert messages[0].startswith("up.zip/liar.txt: skipped (")


def test_expansion_stops_at_the_declared_size(monkeypatch):
    data = declare_size(make_zip({"liar.txt": ("كلمة " * 100_000).encode()}, zipfile.ZIP_STORED), "liar.txt", 500)
    archive = zipfile.ZipFile(io.BytesIO(data))
    (info,) = archive.infolist()
    read: list[int] = []
    original = zipfile.ZipExtFile.read

    def counting_read(self, n=-1):
        chunk = original(self, n)
        read.append(len(chunk))
        return chunk

    monkeypatch.setattr(zipfile.ZipExtFile, "read", counting_read)
    with pytest.raises((uploads._Oversized, zipfile.BadZipFile)):
        uploads._expand(archive, info, uploads._Budget(10 * MB))
    assert sum(read) <= 500


class _Unbounded:
    """An archive whose members stream more than they declare (a zip library that trusts the data)."""

    def open(self, _info):
        return io.BytesIO(b"x" * 5000)


@pytest.mark.parametrize(("declared", "budget"), [(1000, 10 * MB), (10 * MB, 1000)])
def test_streamed_member_is_capped_by_its_size_and_the_budget(declared, budget):
    info = zipfile.ZipInfo("a.txt")
    info.file_size = declared
    left = uploads._Budget(budget)
    with pytest.raises(uploads._Oversized):
        uploads._expand(_Unbounded(), info, left)
    assert left.left == budget


def test_too_many_members_is_refused_before_reading_the_directory(monkeypatch):
    monkeypatch.setattr(uploads, "MAX_ZIP_MEMBERS", 20)
    data = make_zip({f"d/{i}.txt": OTHER for i in range(21)})
    messages, warn = collect()
    assert read_upload("many.zip", data, warn) == []
    assert messages == ["many.zip: refused (21 files in the archive; the limit is 20)"]


def test_encrypted_member_is_skipped():
    data = set_flag(make_zip({"secret.txt": ARTICLE}), 0x1)
    messages, warn = collect()
    assert read_upload("up.zip", data, warn) == []
    assert messages == ["up.zip/secret.txt: skipped (encrypted)"]


def test_damaged_member_does_not_sink_the_others():
    data = bytearray(make_zip({"a.txt": ARTICLE * 50, "b.txt": OTHER}))
    data[60:80] = b"\xff" * 20  # inside the compressed bytes of a.txt
    messages, warn = collect()
    docs = read_upload("up.zip", bytes(data), warn)
    assert [d.doc_id for d in docs] == ["b"]
    assert messages[0].startswith("up.zip/a.txt: skipped (damaged in the archive: ")


@pytest.mark.parametrize("data", [b"", b"PK\x03\x04 not really", ARTICLE.encode(), b"\x1f\x8b\x08gzip"])
def test_not_a_zip(data):
    messages, warn = collect()
    assert read_upload("up.zip", data, warn) == []
    assert len(messages) == 1
    assert messages[0].startswith("up.zip: skipped (not a readable .zip: ")


def test_member_paths_never_touch_the_disk(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    data = make_zip({"../../evil.txt": ARTICLE, "/abs/path.txt": OTHER})
    docs = read_upload("up.zip", data, collect()[1])
    assert sorted(d.doc_id for d in docs) == ["evil", "path"]
    assert list(tmp_path.iterdir()) == []


def test_windows_member_paths_are_read():
    """Windows tools write \\ between folders: ..\\..\\x.txt was taken for a hidden file and dropped unnamed."""
    messages, warn = collect()
    docs = read_upload("up.zip", make_zip({"..\\..\\x.txt": ARTICLE, "news\\y.txt": OTHER}), warn)
    assert sorted(d.doc_id for d in docs) == ["x", "y"]
    assert messages == []


def test_utf8_member_names_without_the_utf8_flag_are_recovered():
    name = "مقال.txt".encode()  # what many Windows tools write, without saying it is UTF-8
    placeholder = b"x" * (len(name) - 4) + b".txt"
    data = make_zip({placeholder.decode(): ARTICLE}).replace(placeholder, name)
    (doc,) = read_upload("up.zip", data, collect()[1])
    assert doc.doc_id == "مقال"


def test_unsupported_upload_type():
    messages, warn = collect()
    assert read_upload("notes.docx", b"PK\x03\x04", warn) == []
    assert messages == ["notes.docx: skipped (not a .txt, .csv, .jsonl or .zip file)"]


def test_upload_keeps_good_files_next_to_bad_ones():
    files = [
        ("metadata.csv", "id,source\na,واس\n".encode()),
        ("a.txt", ARTICLE.encode("utf-8-sig")),
        ("empty.txt", b""),
        ("bad.csv", b"id,body\n1,x\n"),
        ("news.jsonl", ("{bad\n" + json.dumps({"id": "j", "text": OTHER}, ensure_ascii=False)).encode()),
        ("arch.zip", make_zip({"a.txt": OTHER})),
        ("photo.png", b"\x89PNG"),
    ]
    messages, warn = collect()
    docs = read_uploads(files, warn)
    assert [(d.doc_id, d.source) for d in docs] == [("a", "واس"), ("j", ""), ("a~2", "")]
    assert [m.split(":")[0] for m in messages] == ["empty.txt", "bad.csv", "news.jsonl", "photo.png"]


def test_upload_size_limit_keeps_what_fits():
    files = [("a.txt", ARTICLE.encode()), ("big.txt", b" " * 2000), ("b.txt", OTHER.encode())]
    messages, warn = collect()
    docs = read_uploads(files, warn, max_bytes=1000)
    assert [d.doc_id for d in docs] == ["a", "b"]
    assert messages == ["big.txt: skipped (0.0 MB would pass the upload limit of 0 MB)"]


def test_metadata_alone_is_named():
    messages, warn = collect()
    assert read_uploads([("metadata.csv", b"id,date\na,2020\n")], warn) == []
    assert messages == ["metadata.csv: ignored (a metadata.csv describes .txt articles uploaded with it)"]


def test_limits_are_stated():
    assert f"{uploads.MAX_UPLOAD_MB} MB" in uploads.limits_text()
    assert f"{uploads.MAX_EXPANDED_MB} MB" in uploads.limits_text()
