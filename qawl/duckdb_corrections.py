"""Speaker corrections over the DuckDB index: the index holds the frames as built, the rules are laid over it.

qawl.corrections decides what the rules do, as for the pandas store: the rows the rules can touch (their speakers'
sentences and the sentences they name) are fetched, final_speakers runs on them in Python, and the sentences whose
speaker changes become a small table `fix` (sid, new speaker, old speaker number). Views named like the index's
tables then give every question the corrected world: `sent` and `sent_spk` (speaker; kind and gender cleared where
nobody speaks any more, the new speaker's where one does; `corrected`), `thm`, `men` (the sentence's speaker, renamed
people renamed) and `known` (each speaker's aliases, kind and gender: qawl.corrections.speaker_traits). Without a
change they are the index's own tables.
"""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd

from qawl import corrections
from qawl.corrections import Rules
from qawl.duckdb_index import Dataset

_TRAITS = ("aliases", "kind", "gender")
_SENTENCES = ("sent", "sent_spk")  # the index's sentences, in corpus order and by speaker


def _touched(db: duckdb.DuckDBPyConnection, rules: Rules) -> pd.DataFrame:
    """Return sid, doc_id, sentence_id, speaker, speaker_mention of the only sentences the rules can change."""
    speakers, pairs = corrections.touched(rules.rules)
    keys = [f"{doc}\x1f{n}" for doc, n in sorted(pairs)]
    return db.sql(
        "SELECT sid, CAST(doc_id AS VARCHAR) AS doc_id, sentence_id::BIGINT AS sentence_id, "
        "coalesce(CAST(speaker AS VARCHAR), '') AS speaker, coalesce(CAST(speaker_mention AS VARCHAR), '') "
        "AS speaker_mention FROM sentences WHERE list_contains(?::VARCHAR[], CAST(speaker AS VARCHAR)) "
        "OR list_contains(?::VARCHAR[], CAST(doc_id AS VARCHAR) || chr(31) || CAST(sentence_id AS VARCHAR)) "
        "ORDER BY sid", params=[sorted(speakers), keys]).to_arrow_table().to_pandas()


def _known_speakers(dataset: Dataset) -> str:
    """Return the query of each built speaker's aliases, kind and gender (its first row)."""
    have = dataset.columns["speakers"]
    traits = ", ".join(f"arg_min({c}, (_file, _row)) AS {c}" if c in have else f"'' AS {c}" for c in _TRAITS)
    return f"SELECT speaker, {traits} FROM speakers GROUP BY speaker"


def lay_over(db: duckdb.DuckDBPyConnection, dataset: Dataset, rules: Rules) -> tuple[bool, list[str]]:
    """Create the corrected views over the index (attached as `ix`) in db; return (whether any sentence changed
    speaker, a note for each rule that matched no sentence)."""
    fixed, unused = pd.DataFrame({"sid": pd.Series(dtype="int32"), "speaker": pd.Series(dtype="str")}), []
    if rules.rules:
        rows = _touched(db, rules)
        speaker, unused = corrections.final_speakers(rows, rules.rules)
        changed = speaker != rows["speaker"].to_numpy(dtype=object)
        fixed = pd.DataFrame({"sid": rows["sid"].to_numpy(dtype=np.int32)[changed],
                              "speaker": pd.Series(speaker[changed], dtype="str")})
    db.register("qawl_fixed", fixed)
    db.execute("CREATE TABLE fix AS SELECT f.sid, f.speaker, s.spk AS was FROM qawl_fixed f "
               "JOIN ix.sent s USING (sid)")
    db.unregister("qawl_fixed")
    if fixed.empty:
        for name in _SENTENCES:
            db.execute(f"CREATE VIEW {name} AS SELECT *, false AS corrected FROM ix.{name}")
        db.execute("CREATE VIEW thm AS SELECT * FROM ix.thm")
        db.execute("CREATE VIEW men AS SELECT * FROM ix.men")
        db.execute(f"CREATE TABLE known AS {_known_speakers(dataset)}")  # a few rows, joined by every speaker table
        return False, unused
    names = db.sql("SELECT DISTINCT coalesce(x.speaker, s.speaker) AS speaker FROM ix.sent s LEFT JOIN fix x "
                   "ON x.sid = s.sid WHERE coalesce(x.speaker, s.speaker) <> ''").to_arrow_table().column(0)
    speakers = db.sql(_known_speakers(dataset)).to_arrow_table().to_pandas()
    traits = corrections.speaker_traits(speakers, names.to_pylist(), rules.rules)
    db.register("qawl_traits", traits.rename_axis("speaker").reset_index().astype("str"))  # a missing trait: NULL
    db.execute("CREATE TABLE known AS SELECT * FROM qawl_traits")
    db.unregister("qawl_traits")
    # As corrections.corrected_traits: nobody -> "", a new speaker -> its known trait, else the sentence's own.
    traits = ", ".join(f"CASE WHEN x.speaker = '' THEN '' WHEN x.speaker IS NOT NULL THEN coalesce(k.{c}, s.{c}) "
                       f"ELSE s.{c} END AS {c}" for c in ("kind", "gender"))
    for name in _SENTENCES:
        db.execute(f"CREATE VIEW {name} AS SELECT s.* REPLACE (coalesce(x.speaker, s.speaker) AS speaker, {traits}), "
                   f"x.sid IS NOT NULL AS corrected FROM ix.{name} s LEFT JOIN fix x ON x.sid = s.sid "
                   "LEFT JOIN known k ON k.speaker = x.speaker")
    db.execute("CREATE VIEW thm AS SELECT t.* REPLACE (coalesce(x.speaker, t.speaker) AS speaker) FROM ix.thm t "
               "LEFT JOIN fix x ON x.sid = t.sid")
    renamed = corrections.renames(rules.rules)
    db.register("qawl_renamed", pd.DataFrame({"old": pd.Series(list(renamed), dtype="str"),
                                              "new": pd.Series(list(renamed.values()), dtype="str")}))
    db.execute("CREATE TABLE renamed AS SELECT * FROM qawl_renamed")
    db.unregister("qawl_renamed")
    # A mention's speaker is its sentence's (the build makes them equal); renamed people are renamed where mentioned.
    db.execute("CREATE VIEW men AS SELECT m.sid, coalesce(x.speaker, m.speaker) AS speaker, "
               "CASE WHEN m.kind = 'person' THEN coalesce(r.new, m.entity) ELSE m.entity END AS entity, m.kind "
               "FROM ix.men m LEFT JOIN fix x ON x.sid = m.sid LEFT JOIN renamed r ON r.old = m.entity")
    return True, unused
