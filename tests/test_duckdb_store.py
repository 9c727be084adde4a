"""The DuckDB store's own machinery: which backend opens a corpus, its index, streamed exports."""

from __future__ import annotations

import io
import os

import pandas as pd
import pytest
from dashboard_corpora import SEED

from qawl import cache, export
from qawl.duckdb_index import INDEX_NAME, Dataset, open_index
from qawl.duckdb_store import DuckDBStore, backend
from qawl.filters import Filters
from qawl.frames import build_paths


@pytest.fixture
def entry(tmp_path):
    """A disk-cache entry of the seed's frames (17 sentences)."""
    return cache.write(build_paths([SEED]), "seed", tmp_path)


@pytest.mark.parametrize(("forced", "above", "chosen"), [
    ("", "", "pandas"),  # the default threshold is far above 17 sentences
    ("", "16", "duckdb"),
    ("", "17", "pandas"),
    ("", "not a number", "pandas"),
    ("duckdb", "", "duckdb"),
    ("DuckDB ", "10000", "duckdb"),
    ("pandas", "0", "pandas"),
    ("something else", "0", "duckdb"),
])
def test_the_backend_follows_the_size_unless_forced(monkeypatch, entry, forced, above, chosen):
    monkeypatch.setenv("QAWL_BACKEND", forced)
    monkeypatch.setenv("QAWL_DUCKDB_ABOVE", above)
    assert backend(entry) == chosen


def test_unreadable_files_go_to_the_pandas_path(monkeypatch, entry):
    monkeypatch.delenv("QAWL_BACKEND", raising=False)
    monkeypatch.setenv("QAWL_DUCKDB_ABOVE", "0")
    (entry / "sentences.parquet").write_bytes(b"not parquet")
    assert backend(entry) == "pandas"


def test_the_index_is_written_once_and_again_when_the_files_change(entry):
    store = DuckDBStore(entry, "seed")
    index = entry / INDEX_NAME
    written = index.stat().st_mtime_ns
    assert open_index(Dataset(entry)) == index and index.stat().st_mtime_ns == written
    speaker = store.speaker_counts(1)["speaker"].iloc[0]
    sentences = pd.read_parquet(entry / "sentences.parquet")
    sentences["speaker"] = sentences["speaker"].where(sentences["speaker"] != speaker, "متحدث آخر")  # another speaker
    sentences.to_parquet(entry / "sentences.parquet", index=False)
    os.utime(entry / "sentences.parquet", ns=(written + 10**9, written + 10**9))
    again = DuckDBStore(entry, "seed")
    assert index.stat().st_mtime_ns != written
    assert speaker not in set(again.speaker_table(Filters())["speaker"])
    assert "متحدث آخر" in set(again.speaker_table(Filters())["speaker"])


def test_an_index_of_another_version_is_written_again(entry, monkeypatch):
    """An index written by other code (its tables of another shape) is never read: the version is in its
    fingerprint."""
    from qawl import duckdb_index

    monkeypatch.setattr(duckdb_index, "INDEX_VERSION", "an older one")
    open_index(Dataset(entry))
    index = entry / INDEX_NAME
    old = index.stat().st_mtime_ns
    monkeypatch.undo()
    assert not duckdb_index.indexed(Dataset(entry))
    store = DuckDBStore(entry, "seed")
    assert index.stat().st_mtime_ns != old and duckdb_index.indexed(Dataset(entry))
    assert store.counts(Filters(speakers=(store.speaker_counts(1)["speaker"].iloc[0],)))[0] > 0


def test_a_fresh_process_reads_the_footers_from_the_index(entry, monkeypatch):
    """Once the index is written, opening the dataset reads no Parquet footer (two thousand files at 10M), unless a
    file changed."""
    from qawl import duckdb_index

    DuckDBStore(entry, "seed")
    expected = Dataset(entry).footers
    monkeypatch.setattr(duckdb_index, "_FOOTERS", {})  # a fresh process

    def unread(path):
        raise AssertionError(f"read the footer of {path}")

    monkeypatch.setattr(duckdb_index.pq, "read_metadata", unread)
    dataset = Dataset(entry)
    assert dataset.footers == expected and dataset.rows("sentences") == 17
    assert DuckDBStore(entry, "seed").counts(Filters()) == (17, 1)
    sentences = entry / "sentences.parquet"
    os.utime(sentences, ns=(sentences.stat().st_mtime_ns + 10**9,) * 2)
    with pytest.raises(AssertionError, match=r"sentences\.parquet"):
        Dataset(entry).rows("sentences")


def test_files_of_other_shapes_are_read_by_column_name(entry):
    """The files of one frame are read by position when they all have one schema (DuckDB then plans a query without
    reading every footer), by column name when they differ."""
    same = DuckDBStore(entry, "seed")
    expected = same.sentence_page(Filters(), 0, 20)
    assert "union_by_name=false" in same.dataset._read("sentences")
    sentences = pd.read_parquet(entry / "sentences.parquet")
    (entry / "sentences.parquet").unlink()
    (entry / "sentences").mkdir()
    sentences.iloc[:9].to_parquet(entry / "sentences" / "part-0.parquet", index=False)
    sentences.iloc[9:, ::-1].to_parquet(entry / "sentences" / "part-1.parquet", index=False)  # columns reversed
    other = DuckDBStore(entry, "seed")
    assert "union_by_name=true" in other.dataset._read("sentences")
    pd.testing.assert_frame_equal(other.sentence_page(Filters(), 0, 20), expected)


def test_csv_exports_stream_in_batches(entry, monkeypatch):
    """Batches of a few rows give the bytes one batch gives: one header, one way of writing the dates."""
    from qawl import duckdb_query

    store = DuckDBStore(entry, "seed")
    whole = io.BytesIO()
    store.write_csv(Filters(), "sentences", whole)
    monkeypatch.setattr(duckdb_query, "BATCH_ROWS", 3)
    batched = io.BytesIO()
    store.write_csv(Filters(), "sentences", batched)
    assert batched.getvalue() == whole.getvalue()
    assert whole.getvalue().count(b"doc_id") == 1


def test_batches_agree_on_how_dates_are_written():
    first = pd.DataFrame({"date": pd.to_datetime(["2020-03-02", "2020-03-03"]), "text": ["=1", "قال"]})
    second = pd.DataFrame({"date": pd.to_datetime(["2020-03-04 10:30:00", None]), "text": ["-2", "+3"]})
    sink = io.BytesIO()
    micros = pd.concat([first, second])["date"].dropna().astype("datetime64[us]").astype("int64").to_numpy()
    export.write_batches([first, second], sink, {"date": export.datetime_kind(micros)})
    assert sink.getvalue() == export.csv_bytes(pd.concat([first, second], ignore_index=True))


def test_a_dataset_manifest_of_another_shape_is_no_trouble(entry):
    """A dataset folder's manifest.json may say other things than a cache entry's (the partitioned build's does)."""
    (entry / "manifest.json").write_text('{"format": "qawl-dataset", "datetimes": {"documents": "datetime64[us]"}, '
                                         '"warnings": ["one file skipped"]}', encoding="utf-8")
    store = DuckDBStore(entry, "seed")
    assert store.warnings == ["one file skipped"]
    assert len(store.sentence_page(Filters(), 0, 5)) == 5
    assert len(store.export_frame(Filters(), "documents")) == 1
