"""Frames cached on disk: equal after a round trip, rebuilt when the corpus, lexicons or files change."""

from __future__ import annotations

import dataclasses
import errno
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd
import pytest
from qawl_paths import BUNDLED

from qawl import cache, lexicons
from qawl.corpus import Document

ARTICLE = "وقال وزير الخارجية الصيني وانغ يي إن الصين مستعدة للتعاون مع الأمم المتحدة.\n"
ADDED = "وأكدت وزارة الصحة أن الوضع مطمئن.\n"


@pytest.fixture
def corpus(tmp_path):
    """Return a copy of the bundled corpus that a test may edit."""
    folder = tmp_path / "corpus"
    shutil.copytree(BUNDLED, folder)
    return folder


@pytest.fixture
def builds(monkeypatch):
    """Return the list of builds the cache asked for (the documents built, per call of build or build_paths)."""
    calls: list[int] = []
    real, real_paths = cache.build, cache.build_paths

    def counting(docs, *args, **kwargs):
        calls.append(len(docs))
        return real(docs, *args, **kwargs)

    def counting_paths(paths, *args, **kwargs):
        frames = real_paths(paths, *args, **kwargs)
        calls.append(len(frames.documents))
        return frames

    monkeypatch.setattr(cache, "build", counting)
    monkeypatch.setattr(cache, "build_paths", counting_paths)
    return calls


def assert_frames_equal(a, b) -> None:
    for (name, left), (_, right) in zip(a.items(), b.items(), strict=True):
        pd.testing.assert_frame_equal(left, right, obj=name)
    assert a.warnings == b.warnings


def article(path):
    return next(p for p in path.rglob("*.txt"))


def test_round_trip_gives_equal_frames_without_a_rebuild(corpus, tmp_path, builds):
    first = cache.load_or_build([corpus], cache_dir=tmp_path / "cache")
    again = cache.load_or_build([corpus], cache_dir=tmp_path / "cache")
    assert builds == [1]
    assert_frames_equal(first, again)


def test_env_var_chooses_the_folder(corpus, tmp_path, monkeypatch, builds):
    monkeypatch.setenv(cache.ENV_VAR, str(tmp_path / "from-env"))
    cache.load_or_build([corpus])
    assert any((tmp_path / "from-env").glob("*/manifest.json"))


@pytest.mark.parametrize(
    ("change", "expected_text"),
    [
        ("append", ADDED.strip()),  # a new sentence in the article
        ("rewrite", ARTICLE.split("\n")[0].strip()),  # same file, other words
    ],
)
def test_changed_article_is_rebuilt(corpus, tmp_path, builds, change, expected_text):
    cache.load_or_build([corpus], cache_dir=tmp_path / "cache")
    path = article(corpus)
    if change == "append":
        path.write_text(path.read_text(encoding="utf-8") + "\n" + ADDED, encoding="utf-8")
    else:
        path.write_text(ARTICLE, encoding="utf-8")
    frames = cache.load_or_build([corpus], cache_dir=tmp_path / "cache")
    assert builds == [1, 1]
    assert expected_text in set(frames.sentences["text"])


def test_changed_metadata_is_rebuilt(tmp_path, builds):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a1.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "metadata.csv").write_text("id,date,title\na1,2020-03-01,الخبر\n", encoding="utf-8")
    before = cache.load_or_build([folder], cache_dir=tmp_path / "cache")
    (folder / "metadata.csv").write_text("id,date,title\na1,2021-05-09,الخبر\n", encoding="utf-8")
    after = cache.load_or_build([folder], cache_dir=tmp_path / "cache")
    assert builds == [1, 1]
    assert before.documents["date"].iloc[0] != after.documents["date"].iloc[0]


def test_lexicon_change_rebuilds(corpus, tmp_path, builds, monkeypatch):
    cache.load_or_build([corpus], cache_dir=tmp_path / "cache")
    edited = dataclasses.replace(lexicons.load(), digest="an-edited-lexicon")
    monkeypatch.setattr(lexicons, "load", lambda *args: edited)
    cache.load_or_build([corpus], cache_dir=tmp_path / "cache")
    assert builds == [1, 1]


@pytest.mark.parametrize("damaged", ["tokens.parquet", "sentences.parquet", "manifest.json"])
@pytest.mark.parametrize("damage", ["garbage", "truncate", "delete"])
def test_damaged_cache_is_rebuilt_not_a_crash(corpus, tmp_path, builds, damaged, damage):
    first = cache.load_or_build([corpus], cache_dir=tmp_path / "cache")
    (path,) = (tmp_path / "cache").glob(f"*/{damaged}")
    if damage == "garbage":
        path.write_bytes("ليس ملف باركيه".encode())
    elif damage == "truncate":
        path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    else:
        path.unlink()
    again = cache.load_or_build([corpus], cache_dir=tmp_path / "cache")
    assert builds == [1, 1]
    assert_frames_equal(first, again)
    assert cache.load_or_build([corpus], cache_dir=tmp_path / "cache") is not None
    assert builds == [1, 1]


def test_unwritable_cache_still_gives_frames(corpus, tmp_path, builds):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    frames = cache.load_or_build([corpus], cache_dir=blocker / "cache")
    assert not frames.sentences.empty
    assert builds == [1]


@pytest.mark.parametrize(
    ("edit", "same_key"),
    [
        (lambda d: None, True),
        (lambda d: setattr(d, "text", d.text + ADDED), False),
        (lambda d: setattr(d, "date", "2024-01-01"), False),
        (lambda d: setattr(d, "title", "عنوان آخر"), False),
        (lambda d: d.meta.update({"category": "سياسي"}), False),
    ],
)
def test_documents_key_follows_content(edit, same_key):
    doc = Document("a1", ARTICLE, date="2020-03-01")
    before = cache.documents_key([doc])
    edit(doc)
    assert (cache.documents_key([doc]) == before) is same_key


def test_uploaded_documents_round_trip(tmp_path, builds):
    docs = [Document("a1", ARTICLE, date="2020-03-01"), Document("a2", ADDED)]
    first = cache.load_or_build_docs(docs, warnings=["x.pdf: skipped"], cache_dir=tmp_path / "cache")
    again = cache.load_or_build_docs(docs, cache_dir=tmp_path / "cache")
    assert builds == [2]
    assert_frames_equal(first, again)


def test_old_entries_are_pruned(tmp_path, monkeypatch, builds):
    monkeypatch.setattr(cache, "KEEP_ENTRIES", 2)
    for i in range(4):
        cache.load_or_build_docs([Document(f"a{i}", ARTICLE)], cache_dir=tmp_path / "cache")
    assert len(list((tmp_path / "cache").glob("*/manifest.json"))) == 2


def test_key_covers_every_module_that_builds_frames():
    # A build imports qawl.articles (the analysis) when it starts: qawl.frames alone no longer loads it.
    code = ("import sys, qawl.frames, qawl.articles; "
            "print(' '.join(sorted(m for m in sys.modules if m.startswith('qawl.'))))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            cwd=Path(cache.__file__).resolve().parent.parent)
    imported = {name.removeprefix("qawl.") for name in result.stdout.split()}
    assert "speech" in imported
    assert imported <= set(cache.BUILD_MODULES)


def test_open_paths_reads_the_frames_while_checking_the_files(corpus, tmp_path, builds):
    root = tmp_path / "cache"
    assert cache.last_key([corpus], root) is None
    built = cache.load_or_build([corpus], cache_dir=root)
    key, frames = cache.open_paths([corpus], root)
    assert key == cache.last_key([corpus], root) == cache.paths_key([corpus], root)
    assert_frames_equal(built, frames)
    article = next(corpus.glob("*.txt"))
    article.write_text(article.read_text(encoding="utf-8") + "\nوقال الوزير إن الاجتماع مفيد.", encoding="utf-8")
    new_key, stale = cache.open_paths([corpus], root)  # the files changed: the frames read meanwhile are dropped
    assert new_key != key and stale is None
    assert cache.last_key([corpus], root) == new_key
    assert builds == [1]


def _read_only(*args, **kwargs):
    raise OSError(errno.EROFS, "Read-only file system")


def test_a_read_only_cache_is_read_and_named_once(corpus, tmp_path, builds, monkeypatch, capsys):
    root = tmp_path / "cache"
    first = cache.load_or_build([corpus], cache_dir=root)
    for module, name in ((os, "utime"), (tempfile, "mkdtemp"), (tempfile, "NamedTemporaryFile")):
        monkeypatch.setattr(module, name, _read_only)  # what a read-only mount answers
    again = cache.load_or_build([corpus], cache_dir=root)
    assert builds == [1]  # read, not built again (os.utime once made it a miss)
    assert_frames_equal(first, again)
    assert capsys.readouterr().err == ""  # nothing had to be written
    for i in range(2):  # corpora it lacks are built, and the reason is given once
        cache.load_or_build_docs([Document(f"new{i}", ARTICLE)], cache_dir=root)
    assert builds == [1, 1, 1]
    assert capsys.readouterr().err.splitlines() == [
        f"qawl: warning: the cache {root} cannot be written (Read-only file system): what it holds is read, what "
        "it lacks is built again each time"]
    assert cache.write_problem(root) == "Read-only file system"


def test_a_cache_folder_that_is_a_file_is_named_once(corpus, tmp_path, builds, capsys):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    root = blocker / "cache"
    cache.load_or_build([corpus], cache_dir=root)
    cache.load_or_build([corpus], cache_dir=root)
    assert builds == [1, 1]
    assert capsys.readouterr().err.splitlines() == [
        f"qawl: warning: the cache {root} cannot be written (Not a directory): what it holds is read, what it lacks "
        "is built again each time"]


def test_pruning_copes_with_what_another_process_removed(tmp_path, monkeypatch, builds):
    """Three processes pruning one folder: a name listed may be gone a moment later (6 of 450 writes once failed
    with FileNotFoundError). A dangling link is such a name."""
    root = tmp_path / "cache"
    cache.load_or_build_docs([Document("a0", ARTICLE)], cache_dir=root)
    (root / "paths").mkdir()
    (root / "paths" / "gone.key").symlink_to(root / "paths" / "pruned-meanwhile.key")
    (root / ("0" * 32)).symlink_to(root / "an-entry-pruned-meanwhile")
    monkeypatch.setattr(cache, "KEEP_ENTRIES", 1)
    cache.load_or_build_docs([Document("a1", ARTICLE)], cache_dir=root)
    assert len(list(root.glob("*/manifest.json"))) == 1


def test_pruning_removes_what_a_killed_build_left(tmp_path, builds):
    """A build killed while writing its entry leaves a temporary folder (or memo file) that nothing removed."""
    root = tmp_path / "cache"
    cache.load_or_build_docs([Document("a0", ARTICLE)], cache_dir=root)
    old, fresh = root / ".0123-killed", root / ".4567-writing"  # tempfile.mkdtemp(prefix=".KEY-") names
    old_memo = root / "paths" / "tmpkilled"  # tempfile.NamedTemporaryFile names
    old_memo.parent.mkdir()
    for path in (old, fresh):
        path.mkdir()
        (path / "tokens.parquet").write_bytes(b"half written")
    old_memo.write_bytes(b"")
    an_hour_ago = time.time() - 3700
    for path in (old, old_memo):
        os.utime(path, (an_hour_ago, an_hour_ago))
    cache.load_or_build_docs([Document("a1", ARTICLE)], cache_dir=root)
    assert not old.exists() and not old_memo.exists()
    assert fresh.exists()  # another process may be writing it
