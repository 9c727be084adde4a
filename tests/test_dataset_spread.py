"""Quote spread in a dataset: the keys grouped out of core by DuckDB give the groups the in-memory grouping gives,
on the shared corpora and on copies of them (a wire quote repeated a hundred times), and the statements counted on
codes are those pandas' grouping by the text columns gives."""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from test_dataset import CORPORA, corpus

from qawl import dataset_spread, spread
from qawl.dataset import SUMMARIES, Store
from qawl.frames import build_paths

COPIES = 100  # as the benchmark corpus repeats its articles


@pytest.fixture(scope="module")
def shared():
    """The sentences of the three shared corpora and their signatures (rows counted over the corpus)."""
    sentences = build_paths(corpus(*CORPORA)).sentences
    return sentences, spread.sketch_frame(sentences)


def copies(sentences: pd.DataFrame) -> pd.DataFrame:
    """Return COPIES copies of the sentences as as many articles each, every other copy re-worded a little (a word
    added at the end of each sentence, so that near-identical keys meet as well as identical ones)."""
    frames = []
    for k in range(COPIES):
        copy = sentences.assign(doc_id=sentences["doc_id"].astype(str) + f"-{k}")
        if k % 2:
            copy["text"] = copy["text"].astype(str) + (" اليوم" if k % 4 == 1 else " أمس")
        frames.append(copy)
    return pd.concat(frames, ignore_index=True)


def write_batches(tmp_path, table: pa.Table, doc: np.ndarray, n_batches: int) -> tuple[Store, list[int], np.ndarray]:
    """Write signatures as a dataset's batches (small row groups, so that some are skipped); return the store, the
    batches and where each starts."""
    store = Store(str(tmp_path / "dataset"))
    cuts = np.linspace(0, table.num_rows, n_batches + 1).astype(int)
    for b, (lo, hi) in enumerate(itertools.pairwise(cuts), start=1):
        part = table.slice(lo, hi - lo).select(["key", "bands"]).append_column("doc", pa.array(doc[lo:hi]))
        path = tmp_path / "dataset" / SUMMARIES / "signatures" / f"batch-{b:04d}.parquet"
        path.parent.mkdir(parents=True, exist_ok=True)
        pq.write_table(part, path, row_group_size=997)
    return store, list(range(1, n_batches + 1)), cuts


def assert_same_groups(tmp_path, table: pa.Table, doc_of: np.ndarray, n_batches: int) -> spread.Groups:
    """Group signatures in memory and from a dataset's batches through DuckDB, and check both give the same."""
    rows = table["row"].to_numpy()
    expected = spread.group(table, doc_of)
    store, batches, starts = write_batches(tmp_path, table, doc_of[rows], n_batches)
    found = spread.grouped(dataset_spread._keys(store, batches, starts), rows, doc_of[rows])
    np.testing.assert_array_equal(found.code, expected.code)
    assert found.keys.to_pylist() == expected.keys.to_pylist()
    np.testing.assert_array_equal(found.group, expected.group)
    assert found.stats == expected.stats
    assert (found.group >= 0).any()
    return found


def test_duckdb_groups_the_shared_corpora_as_memory_does(tmp_path, shared):
    sentences, table = shared
    assert_same_groups(tmp_path, table, pd.factorize(sentences["doc_id"])[0], 3)


def test_duckdb_groups_many_repeats_as_memory_does(tmp_path, shared, monkeypatch):
    sentences, _ = shared
    repeated = copies(sentences)
    table = spread.sketch_frame(repeated)
    monkeypatch.setattr(dataset_spread, "_MEMORY", "64MB")  # the window spills to disk
    found = assert_same_groups(tmp_path, table, pd.factorize(repeated["doc_id"])[0], 4)
    # Every copy of a statement joined it: identical keys once, the re-worded ones through the band join.
    assert found.stats["distinct_keys"] < table.num_rows // (COPIES // 4)
    assert found.stats["joined_pairs"] > 0


def test_nothing_to_group(tmp_path, shared):
    _, table = shared
    empty = table.slice(0, 0)
    store, batches, starts = write_batches(tmp_path, empty, np.zeros(0, np.int64), 1)
    found = spread.grouped(dataset_spread._keys(store, batches, starts), np.zeros(0, np.int64), np.zeros(0, np.int64))
    assert len(found.group) == 0 and len(found.keys) == 0


def pandas_statements(repeats: pd.DataFrame) -> pd.DataFrame:
    """The counts of statements_frame as pandas' grouping by the text columns gave them before it counted codes."""
    by = repeats.groupby("statement_id", sort=True)
    given = repeats.loc[repeats["speaker"] != "", ["statement_id", "speaker"]]
    counts = given.groupby(["statement_id", "speaker"], sort=False).size().rename("n").reset_index()
    counts = counts.sort_values(["statement_id", "n"], ascending=[True, False], kind="stable")
    names = counts.groupby("statement_id")["speaker"].agg(list).reindex(by.size().index)
    names = [n if isinstance(n, list) else [] for n in names]
    outlets = repeats.drop_duplicates(["statement_id", "source"]).groupby("statement_id")["source"].agg(" | ".join)
    return pd.DataFrame({
        "speakers": pd.Series([" | ".join(n) for n in names], dtype="str"),
        "n_articles": by["doc_id"].nunique().to_numpy(), "n_outlets": by["source"].nunique().to_numpy(),
        "outlets": pd.Series(outlets.to_numpy(), dtype="str"),
    })


def test_statements_counted_on_codes_are_pandas_counts(shared):
    sentences, _ = shared
    repeated = copies(sentences.head(600))
    repeated["speaker"] = repeated["speaker"].astype(str)
    # Speakers and outlets that tie, are missing, or come back later in a statement.
    repeated.loc[repeated.index % 7 == 0, "speaker"] = ""
    repeated.loc[repeated.index % 11 == 0, "speaker"] = "متحدث"  # a spokesman
    ids = list(dict.fromkeys(repeated["doc_id"]))
    documents = pd.DataFrame({"doc_id": ids, "date": pd.Timestamp("2018-10-01") + pd.to_timedelta(
        np.arange(len(ids)) % 9, unit="D"), "source": [f"outlet {k % 5}" if k % 6 else "" for k in range(len(ids))]})
    result = spread.frames(repeated, documents)
    assert len(result.statements) > 10 and (result.statements["n_speakers"] > 1).any()
    expected = pandas_statements(result.repeats)
    pd.testing.assert_frame_equal(result.statements[expected.columns], expected)
