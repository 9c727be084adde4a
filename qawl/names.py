"""Speaker mentions: telling the title (الرئيس الصيني) from the name (شي جين بينغ) in a noun phrase."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from qawl import lexicons
from qawl.memo import Memo
from qawl.normalize import normalize

# Words that join the parts of one name: عبد الله، محمد بن سلمان، أبو بكر.
NAME_JOINERS = frozenset({"عبد", "بن", "ابن", "بنت", "ابو", "ابي", "ام", "ال", "اب", "ولد", "دي", "فان", "فون"})
# Heads of institutional noun phrases: after a title they belong to it (رئيس لجنة ...).
INSTITUTION_HEADS = frozenset({
    "وزاره", "هيئه", "مجلس", "منظمه", "جمعيه", "شركه", "مديريه", "اداره", "حكومه", "جامعه", "مركز", "مكتب",
    "وكاله", "مؤسسه", "اتحاد", "حزب", "جماعه", "بعثه", "سفاره", "قوات", "جيش", "شرطه", "محكمه", "برلمان",
    "صندوق", "بنك", "مصرف", "معهد", "كليه", "مستشفي", "لجنه", "امانه", "بلديه", "غرفه", "نقابه", "حركه",
    "جبهه", "تحالف", "ائتلاف", "منتخب", "نادي", "دائره", "قياده", "رئاسه", "ديوان", "فريق", "مصلحه",
    "كرة", "كره", "شؤون", "قطاع", "مجموعه", "برنامج", "حمله", "امير", "منطقه", "محافظه", "باسم", "عام",
    "سلاح", "جهاز", "اسطوره", "نجم", "لاعب", "مدرب", "مشجع", "سكان", "مصدر", "مصادر", "شهود", "عضو",
    # sources that are not people: وسائل الإعلام، تقارير، خبراء
    "مرصد", "حرس", "سلطات", "ادعاء", "نيابه", "داخليه", "خارجيه", "دفاع", "صحه", "كرملين", "بنتاغون", "اليونيسف",
    "وسائل", "تقارير", "تقرير", "خبراء", "ناشطون", "ناشطين", "مسؤولون", "مسؤولين", "مواطنون", "محللون",
    "مراقبون", "صحف", "مواقع", "متحدث", "متحدثه", "ناطق", "مراسل", "مراسلون", "اعلام", "ممثلو", "ممثلي",
})
FUNCTION_WORDS = frozenset({"في", "من", "علي", "الي", "عن", "مع", "و", "او", "ثم", "لدي", "عند", "ل", "ب", "ذلك", "تلك",
                            "هذا", "هذه", "هؤلاء", "اولئك", "قد", "كان", "كانت", "وكان", "وكانت"})


def is_name_part(word: str) -> bool:
    """Return whether a normalized word may stand in a person's name: a name word or a joiner (بن، عبد)."""
    return is_name_word(word) or word in NAME_JOINERS


@cache
def title_words() -> frozenset[str]:
    """Return the normalized single words of the title lexicon (الرئيس، وزير، الدكتور ...)."""
    words = set()
    for title, _ in lexicons.load().titles:
        words.update(normalize(title).split())
    return frozenset(words)


@cache
def places() -> frozenset[str]:
    """Return the normalized one-word gazetteer names (countries, places): never a person's name."""
    return frozenset(normalize(v) for _, _, v in lexicons.load().gazetteer if " " not in v.strip())


@cache
def roles() -> frozenset[str]:
    """Return the normalized one-word roles and honorifics (الرئيس، الوزير، الدكتور), not qualifiers (العام)."""
    return frozenset(normalize(t) for t, kind in lexicons.load().titles if kind != "qualifier" and " " not in t)


@cache
def title_entries() -> frozenset[str]:
    """Return the normalized one-word entries of the title lexicon, qualifiers included (الرئيس، العام)."""
    return frozenset(normalize(t) for t, _ in lexicons.load().titles if " " not in t)


@cache
def honorifics() -> frozenset[str]:
    """Return the normalized honorifics (الدكتور، الشيخ، اللواء) a bare family name may follow."""
    return frozenset(normalize(t) for t, kind in lexicons.load().titles if kind == "honorific" and " " not in t)


@dataclass(frozen=True)
class Mention:
    """A speaker noun phrase split into its title words and its name words (both normalized)."""

    title: tuple[str, ...]
    name: tuple[str, ...]
    name_at: int = -1  # index of the name's first word in the phrase (-1 when there is no name)

    @property
    def label(self) -> str:
        """Return the name when there is one, else the title."""
        return " ".join(self.name or self.title)


def _is_name_word(word: str) -> bool:
    """Return whether a normalized word may be part of a personal name (not a title, place word or particle)."""
    return (
        len(word) > 1
        and not word.startswith(("ال", "لل", "وال", "بال", "فال", "كال"))
        and word not in title_words()
        and word not in INSTITUTION_HEADS
        and not (word[:1] in "لب" and word[1:] in INSTITUTION_HEADS | title_words())
        and word not in FUNCTION_WORDS
        and not any(ch.isdigit() for ch in word)
    )


_NAME_WORDS: Memo[str, bool] = Memo(_is_name_word)


def is_name_word(word: str) -> bool:
    """Return whether a normalized word may be part of a personal name (not a title, place word or particle)."""
    return _NAME_WORDS[word]


def split(words: Iterable[str]) -> Mention:
    """Return the mention of normalized words: its last run of name words is the name, the rest title."""
    return _SPLITS[tuple(words)]


def _split(phrase: tuple[str, ...]) -> Mention:
    words = [w for w in phrase if w and w not in {"-", "–", "—"}]
    end = len(words)

    def in_name(i: int) -> bool:
        return is_name_word(words[i]) or words[i] in NAME_JOINERS or (
            i > 0 and words[i - 1] in NAME_JOINERS and words[i].startswith("ال")
        )

    # A family name with ال closes a name (محمد الحمزي، عبد الرحمن السمحان).
    i = end - 1
    if i > 0 and words[i].startswith("ال") and words[i] not in title_words() and words[i - 1] in honorifics():
        return Mention(tuple(words[:i]), (words[i],), i)
    if i > 0 and words[i].startswith("ال") and words[i] not in title_words() and in_name(i - 1):
        i -= 1
    start = i + 1
    while i >= 0 and in_name(i):
        start = i
        i -= 1
    while start < end and words[start] in NAME_JOINERS - {"عبد", "ابو", "ام", "ابن", "ال"}:
        start += 1
    # A clitic word right after a definite one continues the title (المدير الإقليمي للحملة | لنصرة الأشقاء).
    while (start < end and start > 0 and words[start - 1].startswith("ال") and words[start][:1] in "لبو"
           and words[start - 1] not in title_words()):
        start += 1
    while start < end and words[start].startswith("ال"):
        start += 1
    if start < end and start > 0 and (words[start - 1].startswith("لل") or (
            words[start - 1].startswith("ل") and len(words[start - 1]) > 3 and not is_name_word(words[start - 1]))):
        start = end  # المعارض البارز للعقيد معمر القذافي، الرئيس السابق لحملة ترامب: someone else's name
    if start == end and words and is_name_word(words[0]) and words[0] not in places():
        # a name set before its description without a comma (حسن الأزهري محام وباحث ...)
        stop = 1
        while stop < end and (in_name(stop) or (words[stop].startswith("ال") and stop == 1)):
            stop += 1
        return Mention(tuple(words[stop:]), tuple(words[:stop]), 0)
    if end - start == 1 and start > 0 and words[start].endswith("ي") and not words[start - 1].startswith("ال") and (
        words[start - 1] in title_words() or words[start - 1] in INSTITUTION_HEADS
    ):
        start = end  # مصدر طبي، مسؤول أمريكي: an adjective, not a name
    name = tuple(words[start:end])
    if name and (all(w in NAME_JOINERS for w in name) or (start > 0 and all(w in places() for w in name))):
        name = ()
    if not name:
        return Mention(tuple(words), ())
    return Mention(tuple(words[:start]), name, start)


# The same phrases (titles, names, the words around a cue) come back sentence after sentence: each is split once.
_SPLITS: Memo[tuple[str, ...], Mention] = Memo(_split, bound=1 << 15)
