"""What a worker adds to a chunk when a dataset is built: its entities as text and its term totals.

Both come from the chunk alone, so they are made where the chunk is (a worker process, or a Dask worker),
and the process writing the dataset only files them. No pandas here: the workers never import it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa

from qawl import articles, entity_codec
from qawl.corpus import Document

TERM_SCHEMA = pa.schema([("term", pa.large_string()), ("n_tokens", pa.int64()), ("n_documents", pa.int64())])


@dataclass
class SummedChunk(articles.Chunk):
    """A chunk with the summaries a dataset keeps of it."""

    entity_data: list[str] = field(default_factory=list)  # entity_codec.dumps of every entity, article by article
    terms: pa.Table = field(default_factory=TERM_SCHEMA.empty_table)  # term, n_tokens, n_documents


def terms(tokens: pa.Table) -> pa.Table:
    """Return the term totals of a chunk's tokens: tokens and documents per term."""
    term = tokens["term"].combine_chunks()
    codes = term.indices.to_numpy(zero_copy_only=False).astype(np.int64)
    size = len(term.dictionary)
    if not size:
        return TERM_SCHEMA.empty_table()
    docs = tokens["doc_id"].combine_chunks().indices.to_numpy(zero_copy_only=False).astype(np.int64)
    pairs = np.sort(docs * size + codes)  # a sort, then the changes: numpy's hashed unique is slower here
    distinct = pairs[np.concatenate([[True], pairs[1:] != pairs[:-1]])] if len(pairs) else pairs
    return pa.table({"term": term.dictionary.cast(pa.large_string()), "n_tokens": np.bincount(codes, minlength=size),
                     "n_documents": np.bincount(distinct % size, minlength=size)}, schema=TERM_SCHEMA)


def analyse_chunk(docs: list[Document]) -> SummedChunk:
    """Return articles.analyse_chunk(docs) with its summaries."""
    chunk = articles.analyse_chunk(docs)
    data = [entity_codec.dumps(e) for entities in chunk.entities for e in entities]
    return SummedChunk(**vars(chunk), entity_data=data, terms=terms(chunk.tokens))
