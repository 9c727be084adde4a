"""Adds to a dataset work from its summaries: the old articles are named again only where the new counts change a
decision (a short name's fuller name, a title's owner, a spelling), the speakers frame is summed from per-batch
summaries, the band join compares only the pairs of new keys, and the frames equal those of a full build and of the
in-memory build."""

from __future__ import annotations

import os

import numpy as np
import pyarrow as pa
import pytest
from test_dataset import CORPORA, _articles, assert_same_frames, build, corpus, frames_of, read
from test_dataset_spread import copies

from qawl import corpus as corpus_module
from qawl import dataset, spread
from qawl.frames import build_paths

OLD = [("a1", "2018-10-02", "X", "وقال ترامب إن الاتفاق سيئ للغاية. وقال الرئيس الصيني إن بلاده تريد السلام."),
       ("a2", "2018-10-03", "Y", "وقال وزير الخارجية الأردني أيمن الصفدي إن الحل سياسي.")]
# دونالد ترامب gives ترامب its fuller name, شي جين بينغ owns the title الرئيس الصيني, and ايمن الصفدي (without hamza)
# becomes the spelling most articles use.
RENAMING = [
    ("b1", "2018-10-04", "X", "وقال الرئيس الأمريكي دونالد ترامب إن الصين تسرق الوظائف. وقال الرئيس الصيني شي جين "
                              "بينغ إن التجارة حرة."),
    ("b2", "2018-10-05", "Y", "وقال وزير الخارجية الأردني ايمن الصفدي إن الحل سياسي. وقال الرئيس الصيني شي جين بينغ "
                              "إن السوق مفتوح."),
    ("b3", "2018-10-06", "Z", "وقال وزير الخارجية ايمن الصفدي إن اللقاء مفيد.")]
PLAIN = [("c1", "2018-10-07", "Z", "وقال ترامب إن الاتفاق سيئ للغاية.")]


def _speakers(url: str) -> dict[str, list[str]]:
    sentences = read(url, "sentences")
    return {doc: list(rows["speaker"]) for doc, rows in sentences.groupby("doc_id")}


def test_an_add_renames_the_old_articles_a_full_build_names_otherwise(tmp_path, capsys):
    old, new = _articles(tmp_path / "a.jsonl", OLD), _articles(tmp_path / "b.jsonl", RENAMING)
    out = tmp_path / "ds"
    assert build(capsys, [old], out)[0] == 0
    assert _speakers(str(out)) == {"a1": ["ترامب", "الرئيس الصيني"], "a2": ["أيمن الصفدي"]}
    code, lines = build(capsys, [old, new], out)
    assert code == 0 and "(3 documents added)" in lines[-1], lines
    named = _speakers(str(out))
    assert (named["a1"], named["a2"]) == (["دونالد ترامب", "شي جين بينغ"], ["ايمن الصفدي"])
    full = tmp_path / "full"
    assert build(capsys, [old, new], full)[0] == 0
    assert_same_frames(frames_of(str(full)), frames_of(str(out)))
    assert_same_frames(dict(build_paths([old, new]).items()), frames_of(str(out)))
    mine, theirs = dataset.Store(str(out)), dataset.Store(str(full))
    assert mine.read_table("_summaries/names.parquet").equals(theirs.read_table("_summaries/names.parquet"))
    for name in ("keys", "holders", "written"):  # the counts as of the last batch, the full build's only one
        counts = mine.read_table(f"_summaries/names/{name}/batch-0002.parquet")
        assert counts.equals(theirs.read_table(f"_summaries/names/{name}/batch-0001.parquet")), name
        assert not mine.exists(f"_summaries/names/{name}/batch-0001.parquet")
    assert mine.read_json("_summaries/person_names.json") == theirs.read_json("_summaries/person_names.json")


def test_an_add_that_changes_no_old_name_leaves_the_old_batch_alone(tmp_path, capsys):
    old, renaming, plain = (_articles(tmp_path / f"{n}.jsonl", rows)
                            for n, rows in (("a", OLD), ("b", RENAMING), ("c", PLAIN)))
    out = tmp_path / "ds"
    assert build(capsys, [old, renaming], out)[0] == 0
    store = dataset.Store(str(out))
    kept = ["_summaries/speakers/counts/batch-0001.parquet", "_summaries/names/depends/batch-0001.parquet",
            *(f"sentences/{p['path']}" for p in dataset.read_manifest(str(out))["parts"])]
    stamps = {rel: os.stat(store.path(rel)).st_mtime_ns for rel in kept}
    code, lines = build(capsys, [old, renaming, plain], out)
    assert code == 0 and "(1 documents added)" in lines[-1], lines
    assert {rel: os.stat(store.path(rel)).st_mtime_ns for rel in kept} == stamps
    assert _speakers(str(out))["c1"] == ["دونالد ترامب"]
    full = tmp_path / "full"
    assert build(capsys, [old, renaming, plain], full)[0] == 0
    assert_same_frames(frames_of(str(full)), frames_of(str(out)))


@pytest.fixture(scope="module")
def repeated_keys():
    """The distinct keys of copies of the shared corpora (every other copy re-worded): what the band join joins."""
    sentences = build_paths(corpus(*CORPORA)).sentences
    keyed = spread.distinct_keys(spread.sketch_frame(copies(sentences.head(1500))))
    return keyed.keys, keyed.bands


@pytest.mark.parametrize("share", [0.0, 0.3, 0.8, 0.99])
def test_joining_only_the_pairs_of_later_keys_gives_the_groups_of_a_full_join(repeated_keys, share):
    keys, bands = repeated_keys
    old = int(len(keys) * share)
    full, _ = spread.join(bands, keys)
    before, _ = spread.join(bands[:old], keys.slice(0, old))
    # Only the keys a join of the later ones may compare are given (the others null, as an add reads them).
    mates = spread.bucket_mates(bands, old)
    needed = set(spread.touching(bands, old, mates).tolist())
    assert needed == set(spread.touching(bands, old).tolist())
    assert len(mates) < len(keys) or share == 0.0
    given = pa.array([k if i in needed or i >= old else None for i, k in enumerate(keys.to_pylist())])
    later, stats = spread.join(bands, given, before, old, mates)
    np.testing.assert_array_equal(later, full)
    np.testing.assert_array_equal(spread.join(bands, keys, before, old)[0], full)
    assert share == 0.99 or stats["joined_pairs"] > 0
    assert len(np.unique(full)) < len(keys)  # the copies joined


def test_an_add_to_a_dataset_without_the_kept_counts_works_them_out_from_every_batch(tmp_path, capsys):
    """An add that stopped after it let the old counts go (or a dataset made before they were kept) leaves none:
    the next add names every batch again and compares, and its frames still equal a full build's."""
    old, new = _articles(tmp_path / "a.jsonl", OLD), _articles(tmp_path / "b.jsonl", RENAMING)
    out = tmp_path / "ds"
    assert build(capsys, [old], out)[0] == 0
    store = dataset.Store(str(out))
    for folder in ("_summaries/names/keys", "_summaries/spread/state"):
        store.delete(folder)
    code, lines = build(capsys, [old, new], out)
    assert code == 0 and "(3 documents added)" in lines[-1], lines
    assert _speakers(str(out))["a1"] == ["دونالد ترامب", "شي جين بينغ"]
    full = tmp_path / "full"
    assert build(capsys, [old, new], full)[0] == 0
    assert_same_frames(frames_of(str(full)), frames_of(str(out)))


def test_an_add_neither_walks_nor_reads_the_metadata_of_the_old_folders(tmp_path, capsys, monkeypatch):
    (tmp_path / "old").mkdir()
    (tmp_path / "new").mkdir()
    _articles(tmp_path / "old" / "a.jsonl", OLD)
    _articles(tmp_path / "new" / "b.jsonl", RENAMING)
    out = tmp_path / "ds"
    assert build(capsys, [str(tmp_path / "old")], out)[0] == 0
    walked = []
    tree = corpus_module._tree
    monkeypatch.setattr(corpus_module, "_tree", lambda folder, warn: walked.append(folder) or tree(folder, warn))
    code, lines = build(capsys, [str(tmp_path / "old"), str(tmp_path / "new")], out)
    assert code == 0 and "(3 documents added)" in lines[-1], lines
    assert [p.name for p in walked] == ["new"]
    assert _speakers(str(out))["a1"] == ["دونالد ترامب", "شي جين بينغ"]


def test_a_corpus_without_speakers_gets_an_empty_speakers_frame_of_text_columns(tmp_path, capsys):
    quiet = _articles(tmp_path / "q.jsonl", [("q1", "2020-01-01", "X", "الطقس جميل اليوم في المدينة.")])
    later = _articles(tmp_path / "r.jsonl", [("q2", "2020-01-02", "X", "السماء صافية.")])
    out = tmp_path / "ds"
    assert build(capsys, [quiet], out)[0] == 0
    assert build(capsys, [quiet, later], out)[0] == 0
    speakers = dataset.read_frame(str(out), "speakers")
    assert speakers.num_rows == 0
    assert {str(speakers.schema.field(c).type) for c in ("speaker", "aliases", "kind", "gender")} == {"large_string"}
