import subprocess
import sys

import pytest
from qawl_paths import ROOT

from qawl.terms import is_stopword, term


@pytest.mark.parametrize(
    "group",
    [
        ["التعاون", "والتعاون", "بالتعاون", "تعاون"],  # cooperation with clitics
        ["قازقستان", "قازاقستان"],  # spelling variants through data/term_aliases.csv
        ["الصين", "للصين", "والصين"],
        ["المرض", "مرض", "بالمرض"],
    ],
)
def test_forms_group_under_one_term(group):
    assert len({term(w) for w in group}) == 1


def test_different_words_stay_apart():
    assert term("التعاون") != term("المرض")


@pytest.mark.parametrize(("word", "stop"), [("في", True), ("إن", True), ("على", True), ("التعاون", False),
                                            ("2020", True), ("الصين", False), ("وقال", True),
                                            ("مضيفا", True)])
def test_stopwords(word, stop):
    assert is_stopword(word) is stop


def test_the_stemmer_loads_without_scipy_and_leaves_it_importable():
    # nltk's package would import scipy.stats (1 s a build worker) when scipy is installed, as datasketch makes it
    code = ("import sys; from qawl import terms; terms.stem('التعاون'); print('scipy' in sys.modules); "
            "import scipy; print(scipy.__name__)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            cwd=ROOT)  # the checkout (a compiled terms lives under .qawl_native/)
    assert result.stdout.split() == ["False", "scipy"]
