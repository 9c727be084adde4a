import pytest

from qawl import lexicons, mentions
from qawl.normalize import normalize
from qawl.tokenize import words


def entities(sentence: str) -> set[str]:
    norm = [normalize(w) for w in words(sentence)]
    return {entity for entity, _, _ in mentions.find(norm, mentions.gazetteer_index(lexicons.current()))}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("قدمت قازقستان دعما قويا للصين", {"قازقستان", "الصين"}),
        ("تشهد قازاقستان تفشيا للمرض", {"قازقستان"}),  # spelling variant, one entity
        ("مع كازاخستان والولايات المتحدة الأمريكية", {"قازقستان", "الولايات المتحدة"}),
        ("في إطار الأمم المتحدة ومنظمة شانغهاي للتعاون", {"الأمم المتحدة", "منظمة شانغهاي للتعاون"}),
        ("بدعوة من منظمة الصحة العالمية", {"منظمة الصحة العالمية"}),
    ],
)
def test_gazetteer_entities(sentence, expected):
    found = entities(sentence)
    assert expected <= found, found


@pytest.mark.parametrize(("word", "form"), [("وللصين", "الصين"), ("بالصين", "الصين"), ("وقازاقستان", "قازاقستان")])
def test_proclitic_forms(word, form):
    assert form in mentions.forms(word)


def test_mentions_frame_names_people_and_places(seed_frames):
    frame = seed_frames.mentions
    kinds = set(frame["kind"])
    assert {"country", "person"} <= kinds
    people = set(frame.loc[frame["kind"] == "person", "entity"])
    assert "توكاييف" in " ".join(people) and "شي جين بينغ" in people
