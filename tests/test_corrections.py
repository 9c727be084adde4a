"""Corrections that stick: the CSV rules, applied in order to the frames, written without losing a hand edit."""

from __future__ import annotations

import os
import threading

import numpy as np
import pandas as pd
import pytest

from qawl import analysis, corrections
from qawl.corpus import Document
from qawl.corrections import Rule
from qawl.frames import Frames, build, speaker_rows

# (doc_id, sentence_id, speaker, speaker_mention, quote): spelling variants the issue saw, and a wrong merge.
SENTENCES = [
    ("un-1", 1, "أنطونيو غوتيريش", "الأمين العام أنطونيو غوتيريش", "indirect"),
    ("un-1", 2, "أنطونيو غوتيريش", "غوتيريش", "direct"),
    ("un-2", 1, "غوتيريس", "غوتيريس", "indirect"),
    ("un-3", 1, "غوتيرس", "غوتيرس", "indirect"),
    ("tr-1", 1, "رجب طيب أردوغان", "الرئيس التركي رجب طيب أردوغان", "indirect"),
    ("tr-1", 2, "رجب طيب أردوغان", "المتحدث باسم إردوغان", "indirect"),
    ("tr-1", 3, "رجب طيب أردوغان", "المتحدث باسم أردوغان", "direct"),
    ("uk-1", 1, "جيرمي كوربن", "جيرمي كوربن", "indirect"),
    ("uk-1", 2, "جيريمي كوربن", "جيريمي كوربن", "indirect"),
    ("uk-1", 3, "", "", "none"),
]


def frames() -> Frames:
    """Return small hand-made frames with the sentences above (speakers counted as the build counts them)."""
    s = pd.DataFrame(SENTENCES, columns=["doc_id", "sentence_id", "speaker", "speaker_mention", "quote"])
    s = s.assign(text="نص", cue="قال", attribution=np.where(s["speaker"] == "", "none", "explicit"),
                 date=pd.NaT, paragraph=1, boilerplate="", n_words=3)
    s["speaker"] = s["speaker"].astype("str")
    codes, names = pd.factorize(s["speaker"])
    aliases = s[s["speaker"] != ""].groupby("speaker")["speaker_mention"].agg(lambda m: " | ".join(dict.fromkeys(m)))
    speakers = speaker_rows(codes, np.asarray(names, dtype=object), pd.factorize(s["doc_id"])[0], s["quote"],
                            np.ones(len(s), dtype=bool), aliases)
    mentions = pd.DataFrame({"doc_id": ["un-2", "tr-1"], "sentence_id": [1, 2], "entity": ["غوتيريس", "تركيا"],
                             "kind": ["person", "country"], "surface": ["غوتيريس", "تركيا"],
                             "speaker": ["غوتيريس", "رجب طيب أردوغان"]})
    empty = pd.DataFrame()
    return Frames(documents=empty, sentences=s, speakers=speakers, themes=empty, tokens=empty, mentions=mentions)


def speakers_of(f: Frames) -> list[str]:
    return f.sentences["speaker"].tolist()


FILE = """\
# corrections of the UN and Turkey articles
action,speaker,new_speaker,mention,doc_id,sentence_id,note,checked_by
rename,غوتيريس,أنطونيو غوتيريش,,,,spelling,Lina
merge,غوتيرس,أنطونيو غوتيريش,,,,,
split,رجب طيب أردوغان,إبراهيم كالن,المتحدث باسم اردوغان,,,the spokesman,
set,,جيريمي كوربن,,uk-1,1,,
clear,,,,un-1,2,a headline
"""


def test_a_file_of_rules_reads_in_order():
    rules = corrections.parse(FILE)
    assert rules.problems == ()
    assert [(r.action, r.line) for r in rules.rules] == [("rename", 3), ("rename", 4), ("split", 5), ("set", 6),
                                                         ("set", 7)]
    assert rules.rules[3] == Rule("set", "", "جيريمي كوربن", doc_id="uk-1", sentence_id=1, line=6)
    assert rules.rules[4].new_speaker == ""  # clear: nobody


def test_applying_the_file_merges_spellings_splits_a_merge_and_sets_sentences():
    fixed, unused = corrections.apply(frames(), corrections.parse(FILE))
    assert unused == []
    assert speakers_of(fixed) == ["أنطونيو غوتيريش", "", "أنطونيو غوتيريش", "أنطونيو غوتيريش", "رجب طيب أردوغان",
                                  "إبراهيم كالن", "إبراهيم كالن", "جيريمي كوربن", "جيريمي كوربن", ""]
    assert fixed.sentences["speaker_corrected"].tolist() == [False, True, True, True, False, True, True, True,
                                                             False, False]
    table = fixed.speakers.set_index("speaker")
    assert table.loc["أنطونيو غوتيريش", ["n_sentences", "n_documents", "n_direct"]].tolist() == [3, 3, 0]
    assert set(table.loc["أنطونيو غوتيريش", "aliases"].split(" | ")) >= {"غوتيريس", "غوتيرس",
                                                                         "الأمين العام أنطونيو غوتيريش"}
    assert table.loc["إبراهيم كالن", "aliases"] == "المتحدث باسم اردوغان"
    assert table.loc["رجب طيب أردوغان", "n_sentences"] == 1
    assert "غوتيريس" not in table.index and "جيرمي كوربن" not in table.index
    assert fixed.mentions["speaker"].tolist() == ["أنطونيو غوتيريش", "إبراهيم كالن"]
    assert fixed.mentions["entity"].tolist() == ["أنطونيو غوتيريش", "تركيا"]  # a renamed person's mentions too


def test_the_built_frames_are_left_as_they_were():
    original = frames()
    before = original.sentences.copy()
    corrections.apply(original, corrections.parse(FILE))
    pd.testing.assert_frame_equal(original.sentences, before)


@pytest.mark.parametrize(("rules", "expected"), [
    # A chain of renames: the first name ends up at the last one.
    ([Rule("rename", "غوتيرس", "غوتيريس"), Rule("rename", "غوتيريس", "أنطونيو غوتيريش")],
     {"غوتيرس": "أنطونيو غوتيريش", "غوتيريس": "أنطونيو غوتيريش"}),
    ([Rule("rename", "نتانياهو", "نتنياهو")], {"نتانياهو": "نتنياهو"}),
    ([Rule("rename", "a", "b"), Rule("rename", "b", "a")], {"b": "a"}),
])
def test_renames_follow_chains(rules, expected):
    assert corrections.renames(rules) == expected


def test_later_rules_see_what_earlier_ones_did():
    rules = [Rule("set", "", "غوتيرس", doc_id="uk-1", sentence_id=3), Rule("rename", "غوتيرس", "أنطونيو غوتيريش")]
    fixed, _ = corrections.apply(frames(), rules)
    assert speakers_of(fixed)[9] == "أنطونيو غوتيريش"
    assert fixed.speakers.set_index("speaker").loc["أنطونيو غوتيريش", "n_sentences"] == 4  # 2 + غوتيرس + the set


def test_a_rule_that_matches_nothing_is_reported_not_fatal():
    rules = corrections.parse("action,speaker,new_speaker,doc_id,sentence_id\nrename,نتانياهو,نتنياهو,,\n"
                              "set,,X,nowhere,3\n")
    fixed, unused = corrections.apply(frames(), rules)
    assert unused == ["line 2: rename نتانياهو matched no sentence", "line 3: set nowhere §3 matched no sentence"]
    assert speakers_of(fixed) == speakers_of(frames())
    assert not fixed.sentences["speaker_corrected"].any()


@pytest.mark.parametrize(("row", "problem"), [
    ("renme,a,b,,,,", "line 2: unknown action “renme” (one of rename, merge, split, set, clear)"),
    ("rename,a,,,,,", "line 2: rename needs speaker and new_speaker"),
    ("split,a,b,,,,", "line 2: split needs speaker, mention and new_speaker"),
    ("set,,b,,d,zero,", "line 2: set needs doc_id and a sentence_id (1, 2, 3 …)"),
    ("clear,,,,,4,", "line 2: clear needs doc_id and a sentence_id (1, 2, 3 …)"),
    (",,,,,,", "line 2: unknown action “” (one of rename, merge, split, set, clear)"),
])
def test_bad_rows_are_reported_and_the_good_ones_kept(row, problem):
    rules = corrections.parse(f"{','.join(corrections.COLUMNS)}\n{row}\nrename,a,b,,,,\n")
    assert rules.problems == (problem,)
    assert [r.line for r in rules.rules] == [3]


def test_a_file_without_an_action_column_says_so():
    assert corrections.parse("speaker,new\na,b\n").problems == ("line 1: no 'action' column in the header",)


def test_a_missing_file_has_no_rules(tmp_path):
    path = tmp_path / corrections.FILE_NAME
    assert corrections.read(path) == corrections.Rules(path=path)


def test_appending_keeps_comments_unknown_columns_and_crlf(tmp_path):
    path = tmp_path / corrections.FILE_NAME
    path.write_bytes(FILE.replace("\n", "\r\n").encode("utf-8"))
    corrections.append(path, Rule("rename", "نتانياهو", "نتنياهو", note="spelling"))
    text = path.read_bytes().decode("utf-8-sig")
    assert text.startswith(FILE.replace("\n", "\r\n"))
    assert text.endswith("rename,نتانياهو,نتنياهو,,,,spelling,\r\n")
    assert len(corrections.read(path).rules) == 6


def test_a_new_file_gets_a_commented_header_and_reads_back(tmp_path):
    path = tmp_path / "sub" / corrections.FILE_NAME
    rule = Rule("split", "رجب طيب أردوغان", "إبراهيم كالن", "المتحدث باسم إردوغان")
    corrections.append(path, rule)
    corrections.append(path, Rule("set", new_speaker="", doc_id="tr-1", sentence_id=1))
    rules = corrections.read(path)
    assert [replace_line(r) for r in rules.rules] == [rule, Rule("set", doc_id="tr-1", sentence_id=1)]
    assert path.read_bytes().startswith(b"\xef\xbb\xbf# Qawl speaker corrections")
    assert not list(path.parent.glob(".qawl_corrections.csv-*"))  # no temporary file left


def replace_line(rule: Rule) -> Rule:
    from dataclasses import replace

    return replace(rule, line=0)


def test_removing_a_rule_keeps_every_other_line(tmp_path):
    path = tmp_path / corrections.FILE_NAME
    path.write_text(FILE, encoding="utf-8")
    corrections.remove(path, 5)
    assert path.read_text(encoding="utf-8-sig") == FILE.replace(
        "split,رجب طيب أردوغان,إبراهيم كالن,المتحدث باسم اردوغان,,,the spokesman,\n", "")
    corrections.remove(path, 1)  # a comment is not a rule
    assert path.read_text(encoding="utf-8-sig").startswith("# corrections")


def test_two_writers_at_once_lose_nothing(tmp_path):
    path = tmp_path / corrections.FILE_NAME
    threads = [threading.Thread(target=corrections.append, args=(path, Rule("rename", f"s{i}", "t")))
               for i in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(r.speaker for r in corrections.read(path).rules) == sorted(f"s{i}" for i in range(12))


def test_an_unwritable_folder_corpus_keeps_its_corrections_in_the_cache(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    # A read-only mount (root may write into a chmod 555 folder, so the check itself is made to say no).
    monkeypatch.setattr(os, "access", lambda path, mode: str(path) != str(corpus))
    assert corrections.location([corpus], cache_dir=tmp_path / "cache").parent == tmp_path / "cache" / "corrections"
    (corpus / corrections.FILE_NAME).write_text("action\n")  # a file the user put there is read where it is
    assert corrections.location([corpus], cache_dir=tmp_path / "cache") == corpus / corrections.FILE_NAME


def test_where_the_corrections_live(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    cache = tmp_path / "cache"
    assert corrections.location([folder], cache_dir=cache) == folder / corrections.FILE_NAME
    upload = corrections.location(digest="ab" * 32, cache_dir=cache)
    assert upload == cache / corrections.SUBFOLDER / f"upload-{'ab' * 16}.csv"
    several = corrections.location([folder, tmp_path / "other.csv"], cache_dir=cache)
    assert several.parent == cache / corrections.SUBFOLDER
    assert several == corrections.location([folder, tmp_path / "other.csv"], cache_dir=cache)


def test_writing_where_it_cannot_says_why(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(corrections.CorrectionsError, match="cannot be written"):
        corrections.append(blocker / corrections.FILE_NAME, Rule("rename", "a", "b"))


def test_what_a_sql_store_needs_gives_the_same_speakers():
    rules = corrections.parse(FILE).rules
    f = frames()
    speakers, pairs = corrections.touched(rules)
    s = f.sentences
    fetched = s[s["speaker"].isin(speakers) | pd.Series(list(zip(s["doc_id"], s["sentence_id"], strict=True)),
                                                         index=s.index).isin(pairs)]
    changes = corrections.overrides(fetched, rules)
    applied, _ = corrections.apply(f, rules)
    expected = applied.sentences[applied.sentences["speaker_corrected"]][["doc_id", "sentence_id", "speaker"]]
    pd.testing.assert_frame_equal(changes.reset_index(drop=True), expected.reset_index(drop=True),
                                  check_dtype=False)
    assert corrections.table(rules)["step"].tolist() == [1, 2, 3, 4, 5]


def test_corrected_frames_of_a_real_build_open_in_the_dashboard():
    text = ("وقال الأمين العام للأمم المتحدة أنطونيو غوتيريش إن الوضع خطير.\n"
            "وقال غوتيريس إن الحل سياسي.\n")
    built = build([Document("un", text)], workers=0)
    names = set(built.sentences["speaker"]) - {""}
    assert names
    rules = [Rule("rename", name, "أنطونيو غوتيريش") for name in names]
    fixed, _ = corrections.apply(built, rules)
    corpus = analysis.prepare(fixed, "k")
    table = analysis.speaker_table(corpus, np.ones(len(fixed.sentences), dtype=bool))
    assert table["speaker"].tolist() == ["أنطونيو غوتيريش"]
    assert table["n_sentences"].iloc[0] == (fixed.sentences["speaker"] != "").sum()


def test_the_readme_example_is_a_valid_file():
    from qawl_paths import ROOT

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    example = text.split("### Corrections", 1)[1].split("```", 2)[1].strip()
    rules = corrections.parse(example)
    assert rules.problems == () and [r.action for r in rules.rules] == ["rename", "split", "set", "set"]


def test_the_corpus_reader_and_the_cache_key_skip_the_corrections_file(tmp_path):
    from qawl import corpus

    (tmp_path / "article.txt").write_text("قال الوزير إن التعاون مهم.\n", encoding="utf-8")  # cooperation matters
    before = corpus.files([tmp_path])
    corrections.append(tmp_path / corrections.FILE_NAME, Rule("rename", "الوزير", "وزير الخارجية"))
    assert corrections.FILE_NAME == corpus.CORRECTIONS_NAME
    assert [d.doc_id for d in corpus.load([tmp_path])] == ["article"]  # not read as an article table
    assert corpus.files([tmp_path]) == before  # editing the corrections does not change the corpus's key


def test_a_corrected_sentence_takes_the_kind_and_gender_of_its_new_speaker():
    """The Sourcing page counts sentences by kind and gender: a sentence given to someone else counts as theirs."""
    s = pd.DataFrame({
        "doc_id": ["d1", "d1", "d1", "d2"], "sentence_id": [1, 2, 3, 1],
        "speaker": ["وزارة الصحة", "وزارة الصحة", "مصادر مطلعة", "هند صبري"],
        "speaker_mention": ["الوزارة", "الوزارة", "مصادر مطلعة", "الوزيرة هند صبري"],
        "speaker_kind": ["organization", "organization", "unnamed", "person"],
        "speaker_gender": ["", "f", "", "f"], "quote": "indirect"})
    s = s.assign(text="نص", cue="قالت", attribution="explicit", date=pd.NaT, paragraph=1, boilerplate="", n_words=3)
    codes, names = pd.factorize(s["speaker"])
    traits = pd.DataFrame({"kind": ["organization", "unnamed", "person"], "gender": ["", "", "f"]},
                          index=["وزارة الصحة", "مصادر مطلعة", "هند صبري"])
    speakers = speaker_rows(codes, np.asarray(names, dtype=object), pd.factorize(s["doc_id"])[0], s["quote"],
                            np.ones(len(s), dtype=bool), pd.Series(dtype="str"), traits)
    empty = pd.DataFrame()
    built = Frames(documents=empty, sentences=s, speakers=speakers, themes=empty, tokens=empty, mentions=empty)
    rules = [Rule("set", "", "هند صبري", doc_id="d1", sentence_id=1),  # a known person: her kind and gender
             Rule("set", "", "سلمى", doc_id="d1", sentence_id=2),  # a name the speakers frame lacks: what قالت says
             Rule("set", "", "", doc_id="d1", sentence_id=3)]  # nobody: neither
    fixed, unused = corrections.apply(built, rules)
    assert unused == []
    out = fixed.sentences
    assert out["speaker"].tolist() == ["هند صبري", "سلمى", "", "هند صبري"]
    assert out["speaker_kind"].tolist() == ["person", "organization", "", "person"]
    assert out["speaker_gender"].tolist() == ["f", "f", "", "f"]
    table = fixed.speakers.set_index("speaker")
    assert table.loc["هند صبري", ["kind", "gender", "n_sentences"]].tolist() == ["person", "f", 2]
