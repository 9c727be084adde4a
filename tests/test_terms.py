import pytest

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
