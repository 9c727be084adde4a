"""Word cloud images: Arabic reshaped only when Pillow has no raqm layout; an Arabic font is found."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageFont

from qawl import resources, wordcloud

WORDS = {"التعاون": 10, "الصين": 8, "قازاقستان": 6, "المرض": 5, "كوفيد-19": 3}  # cooperation, China, ...


@pytest.fixture(params=[True, False], ids=["raqm", "no-raqm"])
def raqm(request, monkeypatch):
    """Pretend Pillow has (or lacks) the raqm text layout."""
    real = wordcloud.features.check
    monkeypatch.setattr(wordcloud.features, "check", lambda name: request.param if name == "raqm" else real(name))
    return request.param


@pytest.mark.parametrize("word", ["التعاون", "قازاقستان", "لا"])
def test_words_reach_pillow_shaped_only_without_raqm(raqm, word):
    drawn = wordcloud.for_raster(word)
    if raqm:
        assert drawn == word
    else:
        assert drawn != word
        assert resources.PRESENTATION_FORMS.search(drawn)
        assert len(drawn) <= len(word)


@pytest.mark.parametrize("word", ["COVID", "2020"])
def test_latin_and_digits_are_never_reshaped(raqm, word):
    assert wordcloud.for_raster(word) == word


def test_cloud_is_drawn_in_both_branches(raqm):
    picture = wordcloud.image(WORDS, width=400, height=200)
    assert picture is not None and picture.size == (400, 200)
    blank = Image.new(picture.mode, picture.size, "white")
    assert ImageChops.difference(picture, blank).getbbox() is not None


def test_png_bytes_open_as_an_image():
    data = wordcloud.png(WORDS, width=300, height=150)
    assert Image.open(io.BytesIO(data)).size == (300, 150)


@pytest.mark.parametrize("weights", [{}, {"": 3}, {"التعاون": 0}])
def test_nothing_to_draw_gives_no_image(weights):
    assert wordcloud.image(weights) is None
    assert wordcloud.png(weights) == b""


def test_the_font_has_arabic_glyphs():
    path = wordcloud.font_path()
    assert Path(path).is_file()
    font = ImageFont.truetype(path, 40)
    missing = font.getmask("\U000e0000").getbbox()  # a code point no font covers: its .notdef box
    assert font.getmask("ع").getbbox() != missing  # ain
