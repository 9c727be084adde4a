import subprocess
import sys

from qawl_paths import ROOT

from qawl import tokenize
from qawl.memo import Memo


def test_a_memo_works_each_value_out_once():
    calls = []
    memo = Memo(lambda k: calls.append(k) or k * 2)
    assert [memo[k] for k in (1, 2, 1, 1, 2)] == [2, 4, 2, 2, 4]
    assert calls == [1, 2]


def test_a_full_memo_forgets_its_newer_half_and_keeps_the_first_learned():
    memo = Memo(str, bound=8)
    for k in range(8):
        memo[k]
    memo[100]  # the ninth key: the four newest go, then 100 is learned
    assert list(memo) == [0, 1, 2, 3, 100]
    assert memo[5] == "5"  # a forgotten key is worked out again
    assert len(memo) <= 8


def test_tokens_hold_each_words_spans():
    text = "وقال الوزير: «التعاون مهم»، كوفيد-19."
    toks = tokenize.tokens(text)
    assert len(toks) == len(toks.starts) == len(toks.ends)
    written = [text[a:b] for a, b in zip(toks.starts, toks.ends, strict=True)]
    assert written == ["وقال", "الوزير", ":", "«", "التعاون", "مهم", "»", "،", "كوفيد-19", "."]
    assert [t.norm for t in toks[:2]] == ["وقال", "الوزير"]
    assert toks[1] is tokenize.tokens("الوزير")[0]  # one record per written word, shared


def test_the_analysis_workers_run_imports_no_pandas():
    # The workers start while the command line imports pandas: the code they run must not need it.
    code = "import sys, qawl.articles; print(sorted(m for m in ('pandas', 'streamlit') if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert result.stdout.strip() == "[]"
