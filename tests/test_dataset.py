"""The Parquet dataset: the same frames as the in-memory build, incremental adds equal to a full build, the
analysis on a Dask LocalCluster equal to the local one, fsspec URLs, and what readers are told of the layout."""

from __future__ import annotations

import json
import shutil

import fsspec
import pandas as pd
import pyarrow.dataset as pads
import pytest
from qawl_paths import shared_path
from test_frames import CONTRACT

from qawl import cli, dataset, dataset_build, entity_codec, lexicons, speakers
from qawl.frames import FRAME_NAMES, build_paths

CORPORA = ("bbc_arabic_antcorpus", "skynewsarabia_antcorpus", "spa_saudinewsnet")


def corpus(*names: str) -> list[str]:
    return [str(shared_path("corpora", name, "articles")) for name in names]


def canonical(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """Return frame's columns as plain values, rows sorted on all of them: row order is no part of the contract."""
    frame = frame[columns].copy()
    for c in columns:
        if isinstance(frame[c].dtype, pd.CategoricalDtype):
            frame[c] = frame[c].astype("str")
        elif pd.api.types.is_string_dtype(frame[c].dtype) or frame[c].dtype == object:
            frame[c] = frame[c].astype("str").where(frame[c].notna(), None)
    return frame.sort_values(columns, ignore_index=True, na_position="first")


def read(url: str, name: str) -> pd.DataFrame:
    return dataset.read_frame(url, name).to_pandas()


def assert_same_frames(left: dict[str, pd.DataFrame], right: dict[str, pd.DataFrame]) -> None:
    for name in FRAME_NAMES:
        a, b = left[name], right[name]
        assert set(a.columns) <= set(b.columns) or set(b.columns) <= set(a.columns), name
        columns = [c for c in a.columns if c in b.columns]
        pd.testing.assert_frame_equal(canonical(a, columns), canonical(b, columns), check_dtype=False, obj=name)


def frames_of(url: str) -> dict[str, pd.DataFrame]:
    return {name: read(url, name) for name in FRAME_NAMES}


def build(capsys, paths: list[str], out, *options: str) -> tuple[int, list[str]]:
    code = cli.main(["frames", *paths, "--out", str(out), "--format", "parquet", *options])
    err = capsys.readouterr().err
    return code, [line for line in err.splitlines() if "analysed" not in line]


@pytest.fixture(scope="module")
def local_frames():
    """The in-memory frames of the three shared corpora."""
    built = build_paths(corpus(*CORPORA))
    return dict(built.items())


@pytest.fixture(scope="module")
def full_dataset(tmp_path_factory):
    """The dataset of the three shared corpora, built in one go on the local process pool."""
    out = tmp_path_factory.mktemp("full") / "ds"
    assert cli.main(["frames", *corpus(*CORPORA), "--out", str(out), "--format", "parquet"]) == 0
    return str(out)


def test_dataset_holds_the_frames_of_the_local_build(local_frames, full_dataset):
    assert_same_frames(local_frames, frames_of(full_dataset))


def test_sentences_carry_their_final_speaker_and_every_file_its_frame_columns(full_dataset, local_frames):
    sentences = read(full_dataset, "sentences")
    assert (sentences["speaker"] != "").sum() == (local_frames["sentences"]["speaker"] != "").sum()
    for name in ("documents", "sentences", "themes", "tokens", "mentions"):
        for path in dataset.frame_files(full_dataset, name):
            columns = pads.dataset(path, format="parquet").schema.names
            assert set(CONTRACT[name]) <= set(columns), (name, path)


def test_layout_is_partitioned_by_outlet_and_month_with_one_file_set_per_part(full_dataset):
    manifest = dataset.read_manifest(full_dataset)
    assert manifest["partitioning"] == ["outlet", "month"]
    paths = {name: sorted(p.split(f"/{name}/", 1)[1] for p in dataset.frame_files(full_dataset, name))
             for name in ("documents", "sentences", "themes", "tokens", "mentions")}
    assert len({tuple(v) for v in paths.values()}) == 1  # every frame has the same parts
    for part in manifest["parts"]:
        assert part["path"].startswith(f"outlet={part['outlet']}/month={part['month']}/part-0001-")
    documents = read(full_dataset, "documents")
    assert manifest["counts"]["documents"] == len(documents)
    assert {s for p in manifest["parts"] for s in p["sources"]} == set(documents["source"])


def test_hive_partitions_read_back_as_columns(full_dataset):
    table = pads.dataset(dataset.Store(full_dataset).path("documents"), format="parquet",
                         partitioning="hive").to_table()
    frame = table.to_pandas()
    assert (frame["outlet"] == frame["source"]).all()  # short outlet names are kept whole
    assert (frame["month"] == frame["date"].dt.strftime("%Y-%m")).all()


def test_duckdb_reads_the_glob_of_every_frame(full_dataset):
    duckdb = pytest.importorskip("duckdb")
    manifest = dataset.read_manifest(full_dataset)
    for name in FRAME_NAMES:
        glob = dataset.frame_glob(full_dataset, name)
        query = f"select count(*) from read_parquet('{glob}', hive_partitioning=true, union_by_name=true)"
        assert duckdb.sql(query).fetchall()[0][0] == manifest["counts"][name], name


def test_adding_files_equals_a_full_build(tmp_path, capsys, full_dataset):
    out = tmp_path / "ds"
    code, lines = build(capsys, corpus(*CORPORA[:2]), out)
    assert code == 0, lines
    code, lines = build(capsys, corpus(*CORPORA), out)
    assert code == 0, lines
    assert "(100 documents added)" in lines[-1]
    assert_same_frames(frames_of(full_dataset), frames_of(str(out)))
    manifest = dataset.read_manifest(str(out))
    assert [b["batch"] for b in manifest["batches"]] == [1, 2]
    assert {p["batch"] for p in manifest["parts"]} == {1, 2}
    summaries = dataset.Store(str(out))
    full = dataset.Store(full_dataset)
    for rel in ("_summaries/terms.parquet", "_summaries/names.parquet"):
        pd.testing.assert_frame_equal(summaries.read_table(rel).to_pandas(), full.read_table(rel).to_pandas())


def test_nothing_new_leaves_the_dataset_as_it_was(tmp_path, capsys):
    out = tmp_path / "ds"
    assert build(capsys, corpus(CORPORA[1]), out)[0] == 0
    before = {p.relative_to(out): p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    code, lines = build(capsys, corpus(CORPORA[1]), out)
    assert code == 0
    assert any("nothing new to add" in line for line in lines)
    assert before == {p.relative_to(out): p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}


def test_a_changed_or_removed_input_rebuilds_everything_and_says_so(tmp_path, capsys):
    source = shared_path("corpora", CORPORA[1])
    copy = tmp_path / "corpus"
    shutil.copytree(source, copy)
    articles = sorted((copy / "articles").glob("*.txt"))
    out = tmp_path / "ds"
    assert build(capsys, [str(copy / "articles")], out)[0] == 0
    articles[0].write_text(articles[0].read_text(encoding="utf-8") + "\nوقال المتحدث إن الوضع هادئ.\n",
                           encoding="utf-8")
    articles[1].unlink()
    code, lines = build(capsys, [str(copy / "articles")], out)
    assert code == 0
    assert any("rebuilding everything: 2 input files changed or went away" in line for line in lines)
    fresh = tmp_path / "fresh"
    assert build(capsys, [str(copy / "articles")], fresh)[0] == 0
    assert_same_frames(frames_of(str(fresh)), frames_of(str(out)))
    assert len(dataset.read_manifest(str(out))["batches"]) == 1


def test_a_new_article_with_an_id_already_there_rebuilds_everything(tmp_path, capsys):
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    (first / "x.txt").write_text("قال الوزير إن التعاون مهم.\n", encoding="utf-8")
    out = tmp_path / "ds"
    assert build(capsys, [str(first)], out)[0] == 0
    (second / "x.txt").write_text("وأكدت الوزارة أن الوضع مطمئن.\n", encoding="utf-8")
    code, lines = build(capsys, [str(first), str(second)], out)
    assert code == 0
    assert any("rebuilding everything: a new article has the id of one already in the dataset (x)" in line
               for line in lines)
    assert sorted(read(str(out), "documents")["doc_id"]) == ["x", "x~2"]


def test_tiny_parts_and_changing_metadata_columns_give_the_same_frames(tmp_path, capsys, monkeypatch):
    """Many parts per partition (row groups, size caps, idle partitions) and metadata columns that appear
    midway (a new part, so that a file keeps one schema) change nothing in the frames."""
    table = tmp_path / "table.jsonl"
    said = "\n".join(f"وأضاف أن الاقتصاد ينمو بنسبة {n} في المئة." for n in range(10))  # added that the economy grows
    rows = [{"id": f"n{k}", "text": f"قال الوزير {k} إن التعاون مهم.\n{said}", "source": "wire",
             "date": f"2020-0{1 + k % 2}-0{1 + k % 7}", **({"author": f"a{k}"} if k > 12 else {})}
            for k in range(30)]
    table.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    paths = [*corpus(CORPORA[1]), str(table)]
    monkeypatch.setattr(dataset_build, "PART_OPTIONS",
                        {"group_sentences": 40, "part_sentences": 60, "budget": 1 << 15, "idle": 2})
    out = tmp_path / "ds"
    assert build(capsys, paths, out)[0] == 0
    assert_same_frames(dict(build_paths(paths).items()), frames_of(str(out)))
    manifest = dataset.read_manifest(str(out))
    assert len(manifest["parts"]) > len({(p["outlet"], p["month"]) for p in manifest["parts"]})
    documents = read(str(out), "documents").set_index("doc_id")
    assert documents.loc["n20", "author"] == "a20" and pd.isna(documents.loc["n2", "author"])


def test_a_folder_holding_something_else_is_refused(tmp_path, capsys):
    out = tmp_path / "ds"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    code, lines = build(capsys, corpus(CORPORA[1]), out)
    assert code == 2
    assert "holds other files (notes.txt) and no Qawl dataset" in lines[-1]
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize("scheme", ["memory", "file"])
def test_output_to_an_fsspec_url(tmp_path, capsys, scheme, full_dataset):
    url = "memory://qawl-test/ds" if scheme == "memory" else (tmp_path / "ds").as_uri()
    try:
        assert build(capsys, corpus(*CORPORA), url)[0] == 0
        assert_same_frames(frames_of(full_dataset), frames_of(url))
        files = dataset.frame_files(url, "tokens")
        assert files and all(f.startswith("memory://" if scheme == "memory" else "/") for f in files)
    finally:
        if scheme == "memory":
            fsspec.filesystem("memory").rm("/qawl-test", recursive=True)


def test_entities_read_back_equal_and_shared():
    _, entities = speakers.resolve_article(
        lexicons.current(), [("الرئيس الصيني شي جين بينغ", ""), ("شي", ""), ("وزارة الخارجية", "")],
        "قال الرئيس الصيني شي جين بينغ إن التعاون مهم. وأضاف شي أن ... وأكدت وزارة الخارجية ...",
        evidence=[("person", "m"), ("person", ""), ("organization", "f")])
    decode = entity_codec.Decoder()
    texts = [entity_codec.dumps(e) for e in entities]
    assert [decode(t) for t in texts] == entities
    assert [(e.kind(), e.gender()) for e in map(decode, texts)] == [("person", "m"), ("organization", "")]
    assert decode(texts[0]) is decode(entity_codec.dumps(entities[0]))  # one object per distinct entity


@pytest.fixture(scope="module")
def local_cluster():
    """A Dask LocalCluster of two worker processes, reached by its scheduler's address as a remote one is."""
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as started:
        yield started.scheduler_address


def test_dask_cluster_gives_the_dataset_of_the_local_build(tmp_path, capsys, local_cluster, full_dataset):
    out = tmp_path / "ds"
    code, lines = build(capsys, corpus(*CORPORA), out, "--scheduler", local_cluster)
    assert code == 0, lines
    assert_same_frames(frames_of(full_dataset), frames_of(str(out)))


def test_dask_cluster_gives_the_csv_frames_of_the_local_build(tmp_path, capsys, local_cluster, local_frames):
    out = tmp_path / "csv"
    code = cli.main(["frames", *corpus(*CORPORA), "--out", str(out), "--scheduler", local_cluster])
    capsys.readouterr()
    assert code == 0
    for name in FRAME_NAMES:
        written = pd.read_csv(out / f"{name}.csv", encoding="utf-8-sig", keep_default_na=False)
        assert len(written) == len(local_frames[name]), name
    sentences = pd.read_csv(out / "sentences.csv", encoding="utf-8-sig", keep_default_na=False)
    assert sentences["speaker"].tolist() == local_frames["sentences"]["speaker"].tolist()


def test_inputs_from_an_fsspec_url_read_like_local_files_and_add_incrementally(tmp_path, capsys):
    """A corpus behind a URL (memory:// here, s3:// on a cluster) gives the frames of the same files on disk, and
    a file added there later is the only one analysed."""
    source = shared_path("corpora", CORPORA[1])
    memory = fsspec.filesystem("memory")
    articles = sorted((source / "articles").glob("*.txt"))
    memory.pipe("/qawl-in/sky/metadata.csv", (source / "metadata.csv").read_bytes())
    for path in articles[:-5]:
        memory.pipe(f"/qawl-in/sky/articles/{path.name}", path.read_bytes())
    try:
        out = tmp_path / "ds"
        assert build(capsys, ["memory://qawl-in/sky/articles"], out)[0] == 0
        for path in articles[-5:]:
            memory.pipe(f"/qawl-in/sky/articles/{path.name}", path.read_bytes())
        code, lines = build(capsys, ["memory://qawl-in/sky/articles"], out)
        assert code == 0 and "(5 documents added)" in lines[-1], lines
        local = tmp_path / "local"
        assert build(capsys, [str(source / "articles")], local)[0] == 0
        assert_same_frames(frames_of(str(local)), frames_of(str(out)))
    finally:
        memory.rm("/qawl-in", recursive=True)


def _dated(path, dates: list[str], prefix: str) -> str:
    """Write a table of short articles with these dates; return its path."""
    rows = [{"id": f"{prefix}{k}", "text": f"قال الوزير {k} إن التعاون مهم.", "date": date}  # the minister said
            for k, date in enumerate(dates)]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    return str(path)


EITHER_WAY = [f"0{1 + k % 9}/{10 + k % 3}/2015" for k in range(24)]  # 01/10/2015: 1 October or 10 January


def test_dates_are_read_in_the_order_the_whole_corpus_gives(tmp_path, capsys):
    """The first articles' dates read either way, a later one puts the month first: the dataset reads them all
    month first, as the in-memory build does (it reads everything again once a date says so)."""
    table = _dated(tmp_path / "news.jsonl", [*EITHER_WAY, "01/13/2015"], "d")
    out = tmp_path / "ds"
    code, lines = build(capsys, [table], out)
    assert code == 0, lines
    assert any("rebuilding everything: the corpus's dates put the month first" in line for line in lines), lines
    assert_same_frames(dict(build_paths([table]).items()), frames_of(str(out)))
    assert read(str(out), "documents").set_index("doc_id").loc["d0", "date"] == pd.Timestamp("2015-01-10")
    assert dataset.read_manifest(str(out))["dates"]["day_first"] is False


def test_added_dates_that_overturn_the_order_rebuild_everything(tmp_path, capsys):
    first = _dated(tmp_path / "a.jsonl", EITHER_WAY, "a")
    out = tmp_path / "ds"
    code, lines = build(capsys, [first], out)
    assert code == 1 and any("no date says whether the day or the month comes first" in line for line in lines)
    assert read(str(out), "documents").set_index("doc_id").loc["a0", "date"] == pd.Timestamp("2015-10-01")
    second = _dated(tmp_path / "b.jsonl", ["01/13/2015"], "b")
    code, lines = build(capsys, [first, second], out)
    assert code == 0, lines
    assert any("rebuilding everything: the corpus's dates put the month first" in line for line in lines), lines
    assert_same_frames(dict(build_paths([first, second]).items()), frames_of(str(out)))
    assert len(dataset.read_manifest(str(out))["batches"]) == 1


# Two statements, each carried by two outlets (the health minister's hospitals, the UN's food aid).
HOSPITALS = ("قال وزير الصحة محمد العلي إن الوزارة ستفتتح عشرة مستشفيات جديدة في المناطق الريفية قبل نهاية العام.",
             "وأكد الوزير العلي أن الوزارة ستفتتح عشرة مستشفيات جديدة في المناطق الريفية قبل نهاية العام.")
FOOD_AID = ("وقالت الأمم المتحدة إن نحو مليوني شخص بحاجة إلى مساعدات غذائية عاجلة في المناطق المتضررة من الجفاف.",
            "وقالت المنظمة الدولية إن نحو مليوني شخص بحاجة إلى مساعدات غذائية عاجلة في المناطق المتضررة.")


def _articles(path, rows: list[tuple[str, str, str, str]]) -> str:
    """Write a table of (id, date, source, text) articles; return its path."""
    path.write_text("\n".join(json.dumps({"id": i, "date": d, "source": s, "text": t}, ensure_ascii=False)
                              for i, d, s, t in rows), encoding="utf-8")
    return str(path)


def test_added_articles_join_and_renumber_statements_as_a_full_build_does(tmp_path, capsys):
    """A new article dated before the others reports the food aid first: that statement becomes the first, and the
    old articles' sentences get their new statement ids, as in a full build."""
    old = _articles(tmp_path / "a.jsonl", [
        ("a1", "2018-10-02", "X", HOSPITALS[0]), ("a2", "2018-10-03", "Y", HOSPITALS[1]),
        ("a3", "2018-10-05", "X", FOOD_AID[0]), ("a4", "2018-10-06", "Y", FOOD_AID[1])])
    new = _articles(tmp_path / "b.jsonl", [("b1", "2018-10-01", "Z", FOOD_AID[0])])
    out = tmp_path / "ds"
    assert build(capsys, [old], out)[0] == 0
    before = read(str(out), "sentences").set_index("doc_id")["statement_id"]
    assert (before["a1"], before["a3"]) == (1, 2)
    code, lines = build(capsys, [old, new], out)
    assert code == 0 and "(1 documents added)" in lines[-1], lines
    after = read(str(out), "sentences").set_index("doc_id")["statement_id"]
    assert (after["a1"], after["a3"], after["b1"]) == (2, 1, 1)
    statements = read(str(out), "statements")
    assert statements["n_articles"].tolist() == [3, 2] and statements["first_doc_id"].tolist() == ["b1", "a1"]
    full = tmp_path / "full"
    assert build(capsys, [old, new], full)[0] == 0
    assert_same_frames(frames_of(str(full)), frames_of(str(out)))
    assert_same_frames(dict(build_paths([old, new]).items()), frames_of(str(out)))
