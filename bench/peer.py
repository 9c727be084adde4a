"""The peer's preprocessing alone: CAMeL Tools normalization + simple_word_tokenize over every line.

Runs in the benchmark's own venv (bench/out/venv-peer) so camel-tools never enters Qawl's:

    bench/out/venv-peer/bin/python bench/peer.py CORPUS_FOLDER
"""

import sys
from pathlib import Path

from camel_tools.tokenizers.word import simple_word_tokenize
from camel_tools.utils.dediac import dediac_ar
from camel_tools.utils.normalize import normalize_alef_ar, normalize_alef_maksura_ar, normalize_teh_marbuta_ar


def preprocess(line: str) -> list[str]:
    """Return the peer's tokens of one line."""
    text = normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(dediac_ar(line))))
    return simple_word_tokenize(text)


def main(root: str) -> int:
    """Preprocess every line of every .txt file under root; print the counts; return the exit code."""
    lines = tokens = 0
    for path in sorted(Path(root).rglob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                lines += 1
                tokens += len(preprocess(line))
    print(f"peer: {lines} lines, {tokens} tokens", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
