"""qawl/watch.py: a value worked out from a corpus's files is kept until a file under them changes."""

from __future__ import annotations

import os
import time

import pytest
from watchdog.events import FileClosedNoWriteEvent, FileModifiedEvent, FileOpenedEvent

from qawl import watch

pytestmark = pytest.mark.skipif(watch.InotifyObserver is None, reason="inotify is Linux's")
WAIT = 20.0  # seconds an event may take to come through on a busy machine (watchdog holds each ~0.5 s)


def corpus(folder):
    """Write a two-article corpus folder with a metadata.csv one folder above; return the articles folder."""
    articles = folder / "news" / "articles"
    articles.mkdir(parents=True)
    for name in ("a", "b"):
        (articles / f"{name}.txt").write_text(f"قال الوزير إن {name}.\n", encoding="utf-8")
    (folder / "news" / "metadata.csv").write_text("id,title\na,عنوان\n", encoding="utf-8")
    return articles


class Counter:
    """compute() for a Memo: counts its calls, returns the count."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> int:
        self.calls += 1
        return self.calls


def dropped(memo: watch.Memo, paths, extra) -> bool:
    """Return whether memo forgot the value of (paths, extra) within WAIT seconds."""
    deadline = time.monotonic() + WAIT
    while memo.kept(paths, extra):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def test_a_value_is_kept_while_nothing_changes(tmp_path):
    paths, memo, compute = (str(corpus(tmp_path)),), watch.Memo(), Counter()
    assert [memo.get(paths, "k", compute) for _ in range(3)] == [1, 1, 1]
    assert memo.get(paths, "other", compute) == 2  # extra is part of the key (the cache folder, the lexicons)


@pytest.mark.parametrize("change", ["write", "create", "delete", "rename", "metadata above"])
def test_a_change_under_the_corpus_drops_it(tmp_path, change):
    articles = corpus(tmp_path)
    paths, memo, compute = (str(articles),), watch.Memo(), Counter()
    assert memo.get(paths, "k", compute) == 1
    if change == "write":
        (articles / "a.txt").write_text("قال الوزير إن شيئا آخر.\n", encoding="utf-8")
    elif change == "create":
        (articles / "c.txt").write_text("قال الوزير.\n", encoding="utf-8")
    elif change == "delete":
        (articles / "b.txt").unlink()
    elif change == "rename":
        (articles / "b.txt").rename(articles / "d.txt")
    else:
        (tmp_path / "news" / "metadata.csv").write_text("id,title\na,عنوان آخر\n", encoding="utf-8")
    assert dropped(memo, paths, "k")
    assert memo.get(paths, "k", compute) == 2
    assert memo.get(paths, "k", compute) == 2  # watched again


def test_a_change_in_a_subfolder_drops_it(tmp_path):
    articles = corpus(tmp_path)
    (articles / "2024").mkdir()
    (articles / "2024" / "e.txt").write_text("قال.\n", encoding="utf-8")
    paths, memo = (str(articles),), watch.Memo()
    memo.get(paths, "k", Counter())
    (articles / "2024" / "e.txt").write_text("قال الوزير.\n", encoding="utf-8")
    assert dropped(memo, paths, "k")


def test_reading_a_file_or_changing_an_ignored_one_keeps_it(tmp_path):
    articles = corpus(tmp_path)
    paths, memo, compute = (str(articles),), watch.Memo(frozenset({"qawl_corrections.csv"})), Counter()
    memo.get(paths, "k", compute)
    handler = memo._watches[(tuple(os.path.abspath(p) for p in paths), "k")]
    for event in (FileOpenedEvent(str(articles / "a.txt")), FileClosedNoWriteEvent(str(articles / "a.txt")),
                  FileModifiedEvent(str(articles / "qawl_corrections.csv"))):
        handler.dispatch(event)
    assert memo.kept(paths, "k")
    handler.dispatch(FileModifiedEvent(str(articles / "a.txt")))
    assert not memo.kept(paths, "k")


def test_a_corpus_holding_a_link_is_checked_every_time(tmp_path):
    articles = corpus(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (articles / "linked").symlink_to(elsewhere, target_is_directory=True)  # a change there would not be seen
    paths, memo, compute = (str(articles),), watch.Memo(), Counter()
    assert watch.folders(paths) is None
    assert [memo.get(paths, "k", compute) for _ in range(2)] == [1, 2]


def test_a_linked_corpus_folder_is_watched_where_it_lies(tmp_path):
    articles = corpus(tmp_path)
    link = tmp_path / "link"
    link.symlink_to(articles, target_is_directory=True)
    paths, memo = (str(link),), watch.Memo()
    assert (str(articles.resolve()), True) in watch.folders(paths)
    memo.get(paths, "k", Counter())
    (articles / "a.txt").write_text("قال.\n", encoding="utf-8")
    assert dropped(memo, paths, "k")


def test_a_file_corpus_watches_its_folder_and_the_two_above(tmp_path):
    table = tmp_path / "a" / "b" / "news.csv"
    table.parent.mkdir(parents=True)
    table.write_text("text\nقال الوزير.\n", encoding="utf-8")
    assert watch.folders([str(table)]) == sorted(
        (str(p.resolve()), False) for p in (table.parent, table.parent.parent, tmp_path))


def test_at_most_max_watched_corpora_hold_inotify_instances(tmp_path):
    """Linux allows 128 inotify instances per user (one per watched folder): the oldest corpus stops being watched
    (its value checked again) rather than the process taking them all."""
    memo, compute = watch.Memo(), Counter()
    corpora = [(str(corpus(tmp_path / f"c{i}")),) for i in range(watch.MAX_WATCHED + 2)]
    for paths in corpora:
        memo.get(paths, "k", compute)
    assert [memo.kept(paths, "k") for paths in corpora] == [False, False] + [True] * watch.MAX_WATCHED
    assert len(watch._live) <= watch.MAX_WATCHED
    # Folders no watch uses any more are unwatched: an instance per folder of the watched corpora (3 each) at most.
    assert len(watch._observer.emitters) <= 3 * watch.MAX_WATCHED
    assert memo.get(corpora[0], "k", compute) == compute.calls  # checked again


def test_a_change_before_its_value_is_known_keeps_it_from_being_kept(tmp_path):
    """A watch armed before the work (armed(): a child process stats the files meanwhile) sees a change that comes
    before the memo knows the value: it is returned, not kept."""
    articles = corpus(tmp_path)
    paths, memo, compute = (str(articles),), watch.Memo(), Counter()
    early = watch.armed(paths)
    (articles / "a.txt").write_text("قال الوزير إن شيئا آخر.\n", encoding="utf-8")
    deadline = time.monotonic() + WAIT
    while early.alive and time.monotonic() < deadline:
        time.sleep(0.05)
    assert memo.get(paths, "k", compute, watch=early) == 1 and not memo.kept(paths, "k")
    assert memo.get(paths, "k", compute) == 2 and memo.kept(paths, "k")  # a watch of its own now


def test_a_watch_armed_earlier_guards_the_value_it_is_given_to(tmp_path):
    articles = corpus(tmp_path)
    paths, memo, compute = (str(articles),), watch.Memo(), Counter()
    assert memo.get(paths, "k", compute, watch=watch.armed(paths)) == 1 and memo.kept(paths, "k")
    assert memo.get(paths, "k", compute, watch=watch.armed(paths)) == 1  # kept: the second watch is ended
    (articles / "b.txt").unlink()
    assert dropped(memo, paths, "k")
