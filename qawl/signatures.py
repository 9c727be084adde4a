"""What a reported sentence is compared by, across articles: its key words and their MinHash LSH band hashes.

Made per chunk of articles (in the build's workers, so this imports no pandas); spread.py groups them over the
whole corpus. The key is what outlets keep of a wire quote: the quotation's words when it has one, else the
report without its attribution phrase (the cue, the speaker, what stands between them and أن/إن), in search
form, so quotation marks, a re-worded speaker phrase, diacritics and punctuation do not count.

The MinHash is datasketch's ``affine32`` scheme (tests check it value for value against ``datasketch.MinHash``),
computed for every sentence of a chunk at once with numpy: one datasketch MinHash object per sentence costs 26 to
37 µs, this 2 to 6 µs (bench/spread.py). The band layout is the one ``datasketch.MinHashLSH`` picks for THRESHOLD.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from itertools import chain, compress, count

import numpy as np
import pyarrow as pa

from qawl import lexicons, quotes
from qawl.lexicons import Lexicons
from qawl.memo import Memo
from qawl.normalize import normalize
from qawl.terms import stopwords
from qawl.tokenize import words

NUM_PERM = 45  # MinHash permutations, all of them in the bands
SEED = 1  # datasketch's default seed: its permutations
THRESHOLD = 0.5  # Jaccard of two keys' word sets the LSH aims at; rapidfuzz then confirms each candidate pair
WEIGHTS = (0.2, 0.8)  # false positives (rapidfuzz drops them) weigh less than false negatives (lost for good)
BANDS, ROWS = 15, 3  # datasketch.MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM, weights=WEIGHTS).b, .r
MIN_CONTENT = 5  # words besides stop words: a shorter key (ذلك يأتي في إطار حرص المملكة) is a stock phrase
MIN_QUOTED = 4  # quoted words that make the quotation the key
_QUOTED_WORDS = 3  # a shorter quotation is a name or a term, not the report
_QUOTED_SHARE = 0.6  # of the report's words: a quotation that short is a phrase the report quotes
_COMPLEMENT_WINDOW = 12  # words after the cue within which أن/إن opens the report (past a place, a date, a medium)


def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """Return datasketch's affine32 permutation parameters (a, b) for NUM_PERM and SEED."""
    gen = np.random.RandomState(SEED)
    a = gen.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return a, b


_A, _B = _permutations()
# A band's ROWS values become one 32-bit hash: the high half of their sum weighted by odd random 64-bit numbers (mod
# 2**64). Two bands collide by chance once in about 2**32 pairs (a few hundred pairs at a million sentences), and a
# collision only adds a pair for rapidfuzz to reject; 32 bits keep the corpus's signatures half as large.
_BAND_WEIGHTS = np.random.RandomState(SEED).randint(0, 1 << 62, ROWS, dtype=np.uint64) * np.uint64(4) + np.uint64(1)


def word_hash(word: str) -> int:
    """Return the 32-bit hash of a word that MinHash permutes: CRC-32, the same in every process and run (the
    build's workers and a cluster's), unlike hash()."""
    return zlib.crc32(word.encode())


_HASHES: Memo[str, int] = Memo(word_hash)


def _search_form(written: str) -> str:
    """Return the search form of a written word, without its conjunction و (outlets add and drop it)."""
    if written.isascii() and written.isdigit():
        return written  # a number (most are seen once) is its own search form: normalize would learn it too
    word = normalize(written)
    return word[1:] if len(word) > 3 and word[0] == "و" else word


_FORMS: Memo[str, str] = Memo(_search_form)
_form = _FORMS.__getitem__
_stop = stopwords()


def key_words(text: str, cue: str = "", mention: str = "", written: list[str] | None = None,
              lex: Lexicons | None = None) -> list[str]:
    """Return the words a reported sentence is compared by: its quotation, else its report without the cue,
    the speaker phrase and what precedes أن/إن (written: the sentence's words, when the caller has them; lex: the
    lexicons that say which words are أن/إن, the current ones by default)."""
    if written is None:
        written = words(text)
    that = (lex or lexicons.current()).w.that
    report = _report(written, list(map(_form, written)), cue, mention, that)
    spans = quotes.spans(text, unclosed=False)
    if spans:
        quoted = [w for a, b in spans for w in _quoted(words(text[a + 1 : b]))]
        # A quotation is the key when it is the report (not a name or a phrase in quotation marks).
        if len(quoted) >= MIN_QUOTED and len(quoted) >= _QUOTED_SHARE * len(report):
            return list(map(_form, quoted))
    return report


def _quoted(written: list[str]) -> list[str]:
    """Return the words of a quotation, none when it is a name or a title (صحيفة "واشنطن بوست")."""
    return written if len(written) >= _QUOTED_WORDS else []


def _report(written: list[str], forms: list[str], cue: str, mention: str, that: frozenset[str]) -> list[str]:
    """Return the search forms of a report without its attribution: what follows أن/إن (that) after the cue, else
    the sentence without the cue and the speaker phrase."""
    try:
        at = written.index(cue) if cue else -1
    except ValueError:
        at = -1
    if at >= 0:
        window = forms[at + 1 : at + 1 + _COMPLEMENT_WINDOW]
        start = next(compress(count(at + 2), map(that.__contains__, window)), 0)  # a loop in C
        if start:
            return forms[start:]
    # The sentence less the cue and the speaker phrase: at most two runs of words, cut out as slices.
    phrase = _phrase_at(written, words(mention)) if mention else range(0)
    runs = sorted(([(at, at + 1)] if at >= 0 else []) + ([(phrase.start, phrase.stop)] if phrase else []))
    kept, last = [], 0
    for start, stop in runs:
        kept += forms[last:start]
        last = max(last, stop)
    return kept + forms[last:] if runs else forms


def _phrase_at(written: list[str], phrase: list[str]) -> range:
    """Return the positions of the first occurrence of phrase in written (empty when absent)."""
    n, k = len(phrase), -1
    while n:
        try:
            k = written.index(phrase[0], k + 1)
        except ValueError:
            break
        if written[k : k + n] == phrase:
            return range(k, k + n)
    return range(0)


def minhashes(keys: Sequence[Sequence[str]]) -> np.ndarray:
    """Return the MinHash (NUM_PERM uint32 values) of each key's set of words, one row per key, as
    datasketch.MinHash(num_perm=NUM_PERM, hashfunc=word_hash).update_batch(key) makes it; an empty key gets
    the empty MinHash (all 2**32 - 1)."""
    sizes = np.fromiter(map(len, keys), dtype=np.int64, count=len(keys))
    out = np.full((len(keys), NUM_PERM), np.iinfo(np.uint32).max, dtype=np.uint32)
    total = int(sizes.sum())
    if not total:
        return out
    word_hashes = map(_HASHES.__getitem__, chain.from_iterable(keys))
    mixed = _fmix32(np.fromiter(word_hashes, dtype=np.uint32, count=total))
    permuted = np.multiply(_A[:, None], mixed)  # uint32 arithmetic wraps: a * h + b mod 2**32, as datasketch
    permuted += _B[:, None]  # in place: one (NUM_PERM × words) array, not two
    nonempty = np.flatnonzero(sizes)
    starts = (np.cumsum(sizes) - sizes)[nonempty]
    out[nonempty] = np.minimum.reduceat(permuted, starts, axis=1).T  # along rows: contiguous, twice as fast
    return out


def _fmix32(h: np.ndarray) -> np.ndarray:
    """Return MurmurHash3's 32-bit finalizer of h (datasketch pre-mixes every input hash with it)."""
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


def bands(minhash: np.ndarray) -> np.ndarray:
    """Return the BANDS LSH band hashes (uint32) of each MinHash row: two rows share a band hash when their
    ROWS values in that band are equal (and by chance about once in 2**32)."""
    used = minhash[:, : BANDS * ROWS].astype(np.uint64).reshape(len(minhash), BANDS, ROWS)
    return ((used * _BAND_WEIGHTS).sum(axis=2, dtype=np.uint64) >> np.uint64(32)).astype(np.uint32)


def numbers(values: np.ndarray) -> pa.Array:
    """Return a contiguous numpy array of numbers as an Arrow array over the same memory.

    pa.array(values) would do it too, but first imports numpy.ma (to tell a masked array): 20 ms in each of a
    build's workers, whose only numpy arrays these are."""
    return pa.Array.from_buffers(pa.from_numpy_dtype(values.dtype), len(values), [None, pa.py_buffer(values)])


def sketch(texts: Sequence[str], cues_: Sequence[str], mentions: Sequence[str], attributions: Sequence[str],
           boilerplate: Sequence[str] | None = None, said: Sequence[list[str]] | None = None,
           lex: Lexicons | None = None) -> pa.Table:
    """Return the signatures of a chunk's sentences as an Arrow table: row (in the chunk), key (its words
    joined by spaces) and bands (BANDS uint32 band hashes), for the reported story sentences with MIN_CONTENT
    key words or more besides stop words.

    said: each sentence's words as tokenize.words gives them, when the caller has them (the build's analysis
    does): the sentences are not tokenized again. lex: the lexicons (the current ones by default).
    """
    rows, keys = [], []
    lex = lex or lexicons.current()
    for k, attr in enumerate(attributions):
        if attr == "none" or (boilerplate is not None and boilerplate[k]):
            continue
        key = key_words(texts[k], cues_[k] or "", mentions[k] or "", said[k] if said is not None else None, lex)
        if len(key) >= MIN_CONTENT and len(key) - sum(map(_stop.__contains__, key)) >= MIN_CONTENT:
            rows.append(k)
            keys.append(key)
    band_hashes = bands(minhashes(keys))
    return pa.table({
        "row": pa.array(rows, pa.int64()),
        "key": pa.array(list(map(" ".join, keys)), pa.large_string()),
        "bands": pa.FixedSizeListArray.from_arrays(numbers(band_hashes.ravel()), BANDS),
    })
