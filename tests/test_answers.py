"""qawl/answers.py and the DuckDB store's unfiltered answers kept on disk: read back by the next store, the same to
the bit, never for a filter, and computed again when the corpus's files, its corrections or Qawl change."""

from __future__ import annotations

import os

import pandas as pd
import pytest
from dashboard_corpora import SEED

from qawl import answers, cache, corrections
from qawl.answers import DiskAnswers
from qawl.duckdb_store import ON_DISK, DuckDBStore
from qawl.filters import Filters

EVERY = Filters()


@pytest.fixture
def entry(tmp_path):
    """A disk-cache entry of the seed's frames (17 sentences)."""
    from qawl.frames import build_paths

    return cache.write(build_paths([SEED]), "seed", tmp_path)


def unanswerable(store: DuckDBStore) -> DuckDBStore:
    """Return store, made to fail any question it would put to DuckDB."""

    def refuse(*args, **kwargs):
        raise AssertionError("asked DuckDB")

    store._query = refuse
    store._one = refuse
    return store


def questions(store: DuckDBStore) -> list[tuple[str, tuple, dict]]:
    """Return the pages' first questions (method, arguments, keyword arguments) on the store's corpus."""
    top = store.speaker_counts(1)["speaker"].iloc[0]
    return [("speaker_table", (), {}), ("speaker_theme", ([top],), {}), ("speaker_theme", ([top],), {"share": True}),
            ("who_mentions_whom", (200,), {}), ("quotes", (top, 200), {}), ("distinctive_terms", (top, 30), {}),
            ("cloud_words", (top,), {}), ("word_counts", (300,), {}), ("theme_shares", (), {}),
            ("theme_timeline", (), {}), ("sourcing_shares", (), {"dimension": "gender", "group": "source"}),
            ("unnamed_by_source", (), {}), ("quoted_women", (), {})]


def test_the_next_store_reads_the_unfiltered_answers_from_disk(entry):
    first = DuckDBStore(entry, "seed")
    asked = questions(first)
    computed = [getattr(first, method)(EVERY, *args, **kwargs) for method, args, kwargs in asked]
    again = unanswerable(DuckDBStore(entry, "seed"))
    for (method, args, kwargs), wanted in zip(asked, computed, strict=True):
        found = getattr(again, method)(EVERY, *args, **kwargs)
        pd.testing.assert_frame_equal(found, wanted, check_exact=True)
        assert found.attrs == wanted.attrs, method
    assert {m for m, _, _ in asked} <= set(ON_DISK)


def test_a_filtered_question_is_never_kept(entry):
    store = DuckDBStore(entry, "seed")
    top = store.speaker_counts(1)["speaker"].iloc[0]
    store.speaker_table(Filters(speakers=(top,)))
    assert not store.disk_answers.folder.exists()
    store.speaker_table(EVERY)
    assert len(list(store.disk_answers.folder.glob("*.parquet"))) == 1
    with pytest.raises(AssertionError, match="asked DuckDB"):
        unanswerable(DuckDBStore(entry, "seed")).speaker_table(Filters(speakers=(top,)))


def test_a_changed_corpus_is_answered_anew(entry):
    store = DuckDBStore(entry, "seed")
    speaker = store.speaker_table(EVERY)["speaker"].iloc[0]
    sentences = pd.read_parquet(entry / "sentences.parquet")
    sentences["speaker"] = sentences["speaker"].where(sentences["speaker"] != speaker, "متحدث آخر")  # another speaker
    sentences.to_parquet(entry / "sentences.parquet", index=False)
    later = os.stat(entry / "sentences.parquet").st_mtime_ns + 10**9
    os.utime(entry / "sentences.parquet", ns=(later, later))
    again = DuckDBStore(entry, "seed")
    assert again.disk_answers.folder != store.disk_answers.folder
    assert speaker not in set(again.speaker_table(EVERY)["speaker"])
    assert "متحدث آخر" in set(again.speaker_table(EVERY)["speaker"])


def test_corrections_have_answers_of_their_own(entry, tmp_path):
    plain = DuckDBStore(entry, "seed")
    top = plain.speaker_table(EVERY)["speaker"].iloc[0]
    path = tmp_path / corrections.FILE_NAME
    corrections.append(path, corrections.Rule("rename", top, "اسم مصحح"))
    fixed = DuckDBStore(entry, "seed", rules=corrections.read(path))
    assert fixed.disk_answers.folder != plain.disk_answers.folder
    assert fixed.speaker_table(EVERY)["speaker"].iloc[0] == "اسم مصحح"
    assert unanswerable(DuckDBStore(entry, "seed")).speaker_table(EVERY)["speaker"].iloc[0] == top


def test_other_code_names_another_folder(tmp_path, monkeypatch):
    before = DiskAnswers(tmp_path, "files", "rules").folder
    monkeypatch.setattr(answers, "code_digest", lambda: "another version of Qawl")
    assert DiskAnswers(tmp_path, "files", "rules").folder != before
    assert DiskAnswers(tmp_path, "other files", "rules").folder != DiskAnswers(tmp_path, "files", "rules").folder


def test_only_what_reads_back_the_same_is_kept(tmp_path):
    kept = DiskAnswers(tmp_path, "a")
    lists = pd.DataFrame({"themes": [["economy"], []]})  # a list comes back from Parquet as an array
    frame = pd.DataFrame({"speaker": ["أ", "ب"], "n": [2, 1]}).set_index("speaker")
    frame.attrs["axis"] = "date"
    assert kept.get(("lists",), lambda: lists) is lists and not kept.path(("lists",)).exists()
    assert kept.get(("frame",), lambda: frame) is frame and kept.path(("frame",)).exists()
    back = kept.get(("frame",), lambda: pytest.fail("computed again"))
    pd.testing.assert_frame_equal(back, frame, check_exact=True)
    assert back.attrs == {"axis": "date"}


def test_an_unreadable_answer_is_computed_again(tmp_path):
    kept = DiskAnswers(tmp_path, "a")
    frame = pd.DataFrame({"n": [1]})
    kept.get(("q",), lambda: frame)
    kept.path(("q",)).write_bytes(b"not parquet")
    assert kept.get(("q",), lambda: frame.assign(n=2))["n"].tolist() == [2]


def test_old_generations_are_removed(tmp_path):
    frame = pd.DataFrame({"n": [1]})
    folders = []
    for n in range(answers.KEEP_GENERATIONS + 2):
        kept = DiskAnswers(tmp_path, f"state {n}")
        kept.get(("q",), lambda: frame)
        os.utime(kept.folder, ns=(n * 10**9, n * 10**9))  # in the order they were written
        folders.append(kept.folder)
    left = sorted(p for p in tmp_path.iterdir() if p.is_dir())
    assert folders[-1] in left and folders[0] not in left
    assert len(left) <= answers.KEEP_GENERATIONS + 1


def test_a_folder_that_cannot_be_written_only_costs_time(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("in the way", encoding="utf-8")
    kept = DiskAnswers(blocked, "a")  # its folder would be under a file
    assert kept.get(("q",), lambda: pd.DataFrame({"n": [1]}))["n"].tolist() == [1]
