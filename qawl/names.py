"""Speaker mentions: telling the title (الرئيس الصيني) from the name (شي جين بينغ) in a noun phrase."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from qawl import dictionary, mentions
from qawl.arabic import without_article
from qawl.lexicons import Lexicons

_FOR = frozenset({"باسم", "لدي", "عن"})  # a name after them is the one spoken for (المتحدث باسم أردوغان)


def is_name_part(lex: Lexicons, word: str) -> bool:
    """Return whether a normalized word may stand in a person's name: a name word or a joiner (بن، عبد)."""
    return is_name_word(lex, word) or word in lex.w.name_joiner


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


def _is_name_word(lex: Lexicons, word: str) -> bool:
    heads, titles = lex.institution_heads, lex.title_words
    return (
        len(word) > 1
        and not (word.startswith(("ال", "لل")) and word not in given_name_set(lex))  # إليزابيث، إلهام: names
        and not (word.startswith(("وال", "بال", "فال")) and not _foreign_al(lex, word))  # فالتر is a name
        and not (word.startswith("كال") and dictionary.entry(word[3:]) is not None)  # كالعادة; كالين is a name
        and word not in titles
        and word not in heads
        and not (word[:1] in "لب" and (word[1:] in heads or word[1:] in titles or word[1:] in lex.places))
        and not _clitic_word(lex, word)
        and word not in lex.w.function_word
        and not ((word in lex.w.object_pronoun or word in lex.w.phrase_end) and word.endswith(("ه", "ها", "هم")))
        # محامي الدفاع عنه; لي; رئيس الشؤون العالمية فيها: a preposition and its pronoun
        and word not in lex.w.preposition  # منظمة صحفيون بلا حدود
        and word not in lex.places
        and not any(ch.isdigit() for ch in word)
        and not construct_plural(word)
        and word not in title_plurals(lex)  # وزراء خارجية مجموعة السبع: office holders, no name
        and not (_possessed_noun(word) and word not in given_name_set(lex))
    )


def _possessed_noun(word: str) -> bool:
    """Return whether a word is a noun the dictionary knows with a possessive pronoun (خارجيته، وزرائها، أعماله):
    a title's complement, no name."""
    if len(word) < 5:
        return False
    if word.endswith("ته"):
        return dictionary.entry(word[:-2] + "ه") is not None
    for suffix in ("هما", "ها", "هم", "ه"):
        if word.endswith(suffix):
            base = word[: -len(suffix)]
            base = base[:-1] + "ء" if base.endswith(("ئ", "ؤ")) else base  # وزرائها: وزراء
            entry = dictionary.entry(base)
            return entry is not None and entry.kind in (dictionary.NOUN, dictionary.VERBAL_NOUN) and len(base) >= 4
    return False


def title_plurals(lex: Lexicons) -> frozenset[str]:
    """Return the dictionary's broken plurals of the lexicon's one-word titles (وزراء، شيوخ، قادة، سفراء)."""
    return lex.derived("title_plurals", lambda lex: frozenset(dictionary.plurals_of(
        frozenset(w[2:] if w.startswith("ال") else w for w in lex.roles))) - given_name_set(lex))


def _foreign_al(lex: Lexicons, word: str) -> bool:
    """Return whether a word that opens with وال، بال or فال is a foreign name (فالتر، والتر، بالمر), not a particle on
    a definite word (والدواء، بالحاج، والتي): two letters or fewer follow, no dictionary holds it."""
    return (len(word) <= 5 and dictionary.entry(word) is None and word[1:] not in lex.w.relative
            and word[1:] not in lex.w.function_word and word[1:] not in lex.w.demonstrative)


def construct_plural(word: str) -> bool:
    """Return whether a word is a sound plural of a doer before its complement (مسؤولو، منتقدو، مؤيدو: the ون of
    مسؤولون dropped in an annexation): a group of people named by what they do."""
    if len(word) < 5 or not word.endswith("و"):
        return False
    entry = dictionary.entry(word[:-1])
    return entry is not None and entry.kind == dictionary.PARTICIPLE


def sound_plural(lex: Lexicons, word: str) -> bool:
    """Return whether a word the dictionary lacks is the sound masculine plural (ـون، ـين) of a doer, an adjective or
    a human noun it knows (مستثمرون، سوريين، محامون): several people, no name. A plain noun's is a name's letters
    (كوهين: no كوه + ين) and so is a given name (ياسين)."""
    if len(word) < 5 or not word.endswith(("ون", "ين")) or dictionary.entry(word) is not None or (
            word in given_name_set(lex)):
        return False
    one = dictionary.entry(word[:-2])
    # فنانون: the plural of a human noun of the lexicon, whether or not the dictionary holds its singular
    return word[:-2] in lex.w.person_noun or (one is not None and one.kind != dictionary.NOUN)


def _clitic_word(lex: Lexicons, word: str) -> bool:
    """Return whether a word is a preposition (ب، ل، ك) or the conjunction و on a word the dictionary knows
    (بإطلاق، لتحقيق، وباحث), which no name is; given names that begin with those letters (بلال، لطفي، وليد) are
    names."""
    if word[:1] not in "بلكو" or len(word) < 4 or word in given_name_set(lex):
        return False
    rest = word[1:]
    rest = rest[2:] if rest.startswith("ال") else rest
    entry = dictionary.entry(rest)
    # Short rests are names' letters too (بوتين، كوبر), unless they are a verbal noun: لحشد، لدعم (a purpose).
    return entry is not None and (len(rest) >= 5 or (len(rest) >= 3 and entry.kind == dictionary.VERBAL_NOUN
                                                     and word[0] == "ل")
                                  or (len(rest) == 4 and rest.endswith("ه") and word[0] == "ب"))  # بحسرة


def _adjective_like(word: str) -> bool:
    """Return whether a word reads as an adjective: a relative one (أمريكي، حكوميون) or one the dictionary knows."""
    return word.endswith(("ي", "يون", "يين", "يه")) or dictionary.entry(word) is not None


def _not_a_name_end(lex: Lexicons, word: str) -> bool:
    """Return whether a word cannot close a name: an adjective (_common_word), a verb (اجتمع), a quality (أهمية),
    or a definite feminine noun (الاتفاقية، المسودة); a masculine one may be a family name (الصدر). A given name
    closes one whatever else it spells (هالة زايد)."""
    if word in given_name_set(lex):
        return False
    if _common_word(lex, word) or dictionary.verb_only(word):
        return True
    bare = word[2:] if word.startswith("ال") else word
    if word.startswith("ال") and bare.endswith(("يين", "يون")):
        return True  # الأوروبيين: a people, no family name
    entry = dictionary.entry(bare)
    if entry is None or bare in given_name_set(lex):
        return False
    if entry.kind == dictionary.RELATIVE:
        return bare.endswith("يه")
    return word.startswith("ال") and bare.endswith(("ه", "ات")) and entry.kind in (
        dictionary.NOUN, dictionary.VERBAL_NOUN, dictionary.PARTICIPLE)  # الاتفاقية، التغييرات


def plural_noun(lex: Lexicons, word: str) -> bool:
    """Return whether a word is a plural the dictionary knows (هجمات، مذكرات), which no first name is."""
    entry = dictionary.entry(word)
    return (entry is not None and (entry.plural or word.endswith("ات")) and word not in lex.w.name_joiner
            and word not in given_name_set(lex))


def _common_word(lex: Lexicons, word: str) -> bool:
    """Return whether the dictionary knows a word as an adjective (a participle or an intensive: كبير، آخر، بارز),
    and no given name is spelled so (محمد، عادل): it describes a speaker, it does not name him. Relative adjectives
    and nouns are family names as often (روحاني، بشر): they stay name words."""
    entry = dictionary.entry(word)
    return (entry is not None and entry.kind == dictionary.PARTICIPLE
            and word not in given_name_set(lex))


def given_genders(lex: Lexicons) -> dict[str, str]:
    """Return normalized given name -> its gender (m / f, "" when used by both), worked out once per lexicon."""
    return lex.derived("given_genders", lambda lex: dict(lex.given_names))


def given_name_set(lex: Lexicons) -> frozenset[str]:
    """Return the normalized given names of the lexicon (data/given_names.csv), worked out once per lexicon."""
    return lex.derived("given_name_set", lambda lex: frozenset(name for name, _ in lex.given_names))


def is_name_word(lex: Lexicons, word: str) -> bool:
    """Return whether a normalized word may be part of a personal name (not a title, place word or particle)."""
    return lex.memo("name_word", _is_name_word)[word]


_LONG_VOWELS = str.maketrans("", "", "اويىهءئؤ")


def skeleton(word: str) -> str:
    """Return a normalized word without the long vowels and hamza seats inside it: one name spelled two ways has
    one (بوتن / بوتين، نتنياهو / نتانياهو); its first and last letters stay (بوتينا is another name)."""
    return word if len(word) < 3 else word[0] + word[1:-1].translate(_LONG_VOWELS) + word[-1]


def split(lex: Lexicons, words: Iterable[str]) -> Mention:
    """Return the mention of normalized words: its last run of name words is the name, the rest title."""
    # The same phrases (titles, names, the words around a cue) come back sentence after sentence: split once.
    return lex.memo("split", _split, bound=1 << 15)[tuple(words)]


def _split(lex: Lexicons, phrase: tuple[str, ...]) -> Mention:
    words = [w for w in phrase if w and w not in {"-", "–", "—"}]
    end = len(words)
    joiners, titles, places = lex.w.name_joiner, lex.title_words, lex.places

    def in_name(i: int) -> bool:
        return is_name_word(lex, words[i]) or words[i] in joiners or (
            i > 0 and words[i - 1] in joiners and words[i].startswith("ال")
        ) or (i > 0 and words[i - 1] in lex.w.son_of and words[i] not in titles) or (  # بن يمينة: "son of" a family
            words[i] == "علي" and (  # علي, spelled like على: a name before a name, or closing one after a given name
            (i + 1 < end and is_name_word(lex, words[i + 1]) and anchored(lex, words[i + 1 :]))
            or (i == 0 and end == 2 and definite_family(lex, words[1]))  # علي الشهابي: before a family name with ال
            or (i == end - 1 and i > 0 and words[i - 1] in first_names))) or (
            i + 1 < end and words[i + 1] in lex.w.patronymic) or (  # إمام أوغلو: whatever word the patronymic joins
            i > 0 and words[i] in first_names and (words[i - 1] in first_names or (  # فهد طالب: given names in a row,
                i > 1 and words[i - 2] in joiners and words[i - 1].startswith("ال")))) or (  # عبد الرحمن نجم too
            i > 0 and words[i] in lex.w.name_tail and words[i - 1] in first_names) or (  # سعد الدين، سيف الإسلام
            i > 0 and words[i] == "الله" and is_name_word(lex, words[i - 1])) or (  # ذبيح الله، فتح الله
            i == end - 1 and i > 0 and (words[i - 1] in first_names or (i > 1 and words[i - 1] == "الله"))
            and not words[i].startswith(("ال", "لل"))  # ذبيح الله مجاهد: after a compound given name in الله
            and words[i] not in titles and words[i] not in places and words[i] not in lex.w.function_word
            and words[i] not in lex.w.person_noun and not _clitic_word(lex, words[i])) or (  # آدم رجال: a family
            i == end - 1 and i > 0 and words[i][:1] in "بل" and not words[i].startswith("لل") and (
                words[i - 1] in first_names or (i > 1 and words[i - 2] in joiners))) or (  # عبد الحكيم بالحاج
            i > 0 and words[i][:3] in ("فال", "وال", "بال") and len(words[i]) > 5 and is_name_word(lex, words[i - 1])
            and dictionary.entry(words[i][3:]) is None and dictionary.entry(words[i]) is None) or (  # مارغوت فالستروم
            # أمين الناصر، أمير الشمري: a given name spelled as a title, before a family name (not أمين الصندوق)
            words[i] in first_names and words[i] in lex.roles and i + 1 < end and definite_family(lex, words[i + 1]))

    first_names = given_name_set(lex)

    for k in range(2, end):
        # المهاجم خوسيه أنطونيو ريس لاعب اشبيلية: an indefinite title or human noun after a titled name opens a
        # description of him, no part of his name
        w = words[k]
        prev = words[k - 1]
        if (w in titles or w in lex.w.person_noun) and not w.startswith("ال") and w not in first_names and (
                is_name_word(lex, prev) or definite_family(lex, prev) or words[k - 2] in joiners) and (
                prev not in titles and prev not in lex.w.person_noun):  # خالد عبد العال محافظ القاهرة
            # الأمير خالد الفيصل مستشار خادم الحرمين: after a family name with ال too
            head = _split(lex, tuple(words[:k]))
            if head.name and head.name_at > 0 and head.name_at + len(head.name) == k:
                return Mention(head.title + tuple(words[k:]), head.name, head.name_at)
            break

    # A family name with ال closes a name (محمد الحمزي، عبد الرحمن السمحان).
    i = end - 1
    if i > 0 and words[i].startswith("ال") and words[i] not in titles and words[i - 1] in lex.honorifics:
        return Mention(tuple(words[:i]), (words[i],), i)
    if i > 0 and words[i].startswith("ال") and (words[i] not in titles or (
            words[i] in lex.honorifics and words[i - 1] in first_names)) and in_name(i - 1):
        i -= 1  # محمود السيد، أحمد الشيخ: after a given name an honorific is a family name
    start = i + 1
    while i >= 0 and in_name(i) and words[i] not in lex.w.place_head:
        start = i  # حاكم مقاطعة تشيانغ راي: the province's name, not the governor's (an indefinite place's head ends
        i -= 1  # the run; after المحافظة a name is the holder's)
    if start < end and start > 0 and words[start - 1] in lex.w.place_head:
        # رئيس بلدية مدينة خالد عمر الأحمد: the place's name, then a given name opens the holder's
        start = next((k for k in range(start + 1, end - 1) if words[k] in first_names), end)
    # ولد حامدن، بن مسعود: a family name may open with its joiner (not دي، فان before a foreign family name)
    while start < end and words[start] in joiners - {"عبد", "ابو", "ام", "ابن", "ال", "ولد", "بن"}:
        start += 1
    # A clitic word right after a definite one continues the title (المدير الإقليمي للحملة | لنصرة الأشقاء).
    while (start < end and start > 0 and words[start - 1].startswith("ال") and words[start][:1] in "لبو"
           and words[start - 1] not in titles and words[start] not in first_names  # وليد: a name, not و + ليد
           and words[start] not in joiners):  # المحامي ولد حامدن: ولد opens his name
        start += 1
    while start < end and words[start].startswith("ال") and words[start] not in first_names:  # إليزابيث، إلهام
        start += 1
    given = given_name_set(lex)
    while 0 < start < end - 1:
        # مراسل بي بي سي فيناياك غايكواد: an outlet after a title completes it; الناطق بصحة عسير سعيد النقير: so does
        # a place before a given name
        k = mentions.span_at(words, mentions.gazetteer_index(lex), start) or (1 if words[start] in places else 0) or (
            # مهاجم ليفربول محمد صلاح: an indefinite human noun's complement, one word before a given name, is the
            # team or body he serves, whatever a gazetteer knows of it
            1 if (words[start] not in given and words[start + 1] in given and not words[start - 1].startswith("ال")
                  and words[start - 1] in lex.w.person_noun) else 0)
        if k and not (words[start - 1] in titles or words[start - 1] in lex.w.person_noun
                      or (start + k < end and words[start + k] in given)):
            k = 0
        if not k or start + k >= end:
            break
        start += k
    if 1 < start < end and words[start - 1] in lex.honorifics and words[start] in given and _body_word(
            lex, words[start - 2]) and (second := next((k for k in range(start + 1, end - 1) if words[k] in given
                                                        and words[k - 1] not in joiners), 0)):
        start = second  # بجامعة الملك عبدالعزيز أمل باعشن: a body named after a king, then the holder's own name
    before = words[start - 1] if start > 0 else ""
    if start < end and before and ((before.startswith("لل") and before[2:] not in lex.w.body) or (
            before in _FOR) or (before in lex.w.preposition and before != "علي") or (
            before.startswith("ل") and not before.startswith("لل") and len(before) > 3
            and not is_name_word(lex, before) and before not in lex.places)):
        # المعارض البارز للعقيد معمر القذافي، المتحدث باسم أردوغان: someone else's name; صحفيون بلا حدود: the object of
        # a preposition (الأمين العام للمنظمة كريستوف ديلوار: a body's, so the name is the holder's)
        start = end
    # رافق تيلرسون في رحلته: a clause that opens with a verb, no name before a description
    clause = bool(words) and words[0] in dictionary.verbs() and words[0] not in first_names
    # آسيا عبدالله الرئيسة المشتركة: a given name spelled as a place, before another given name, is a name
    place_named = end > 1 and words[0] in places and words[0] in first_names and words[1] in first_names
    if start == end and words and (place_named or (is_name_word(lex, words[0]) and words[0] not in places)
                                   ) and not clause:
        # a name set before its description without a comma (حسن الأزهري محام وباحث ...)
        stop = 1
        while stop < end and (in_name(stop) or (words[stop].startswith("ال") and stop == 1)):
            stop += 1
        return Mention(tuple(words[stop:]), tuple(words[:stop]), 0)
    if start > 0 and not words[start - 1].startswith("ال") and (
        words[start - 1] in titles or words[start - 1] in lex.institution_heads or construct_plural(words[start - 1])
    ) and (all(_adjective_like(w) for w in words[start:end]) or not anchored(lex, words[start:end])):
        # مصدر طبي، مسؤول أمريكي، مواطن آخر، مسؤولون حكوميون: adjectives of an indefinite head; مدير طب الأسنان،
        # قائد قوة أمن المنشآت، منتقدو اتفاق تغيير الاسم: the nouns that complete it, with no word that marks a name
        start = end
    while end > start and _not_a_name_end(lex, words[end - 1]) and (end < 2 or words[end - 2] not in joiners) and not (
            end - 2 >= start and (words[end - 2] in given or _foreign_given(lex, words, start, end - 2)
                                  or (end - 3 >= start and words[end - 2] == "الله"))  # ذبيح الله مجاهد
            and (not words[end - 1].startswith("ال") or (words[end - 2] in given and end - 2 == start and (
                start > 0 or len(words) == 2)))  # رنا الحسنات set off by commas: her given and family name alone
            and not (dictionary.verb_only(words[end - 1]) and words[end - 1][:1] in "يتن")):
        # مسؤول كبير، بومبيو اجتمع، ترامب الاتفاقية: no name ends with an adjective, a verb or a thing; after a
        # given name an adjective or a past verb is a family name (جواد ظريف، سمير جعجع، حسام عايش), a present
        # verb none (محمد يقول)
        end -= 1
    while end - start > 1 and plural_noun(lex, words[start]):
        start += 1  # هجمات ترامب: a plural noun opens no name
    name = tuple(words[start:end])
    if name and (all(w in joiners for w in name) or (start > 0 and all(w in places for w in name))):
        name = ()
    if start > 1 and not any(anchor(lex, w) for w in name) and not clause:
        # حسن الأزهري محام وباحث قانوني: a name set before its description, the words after it none
        stop = 0
        while stop < start and (in_name(stop) or (stop > 0 and words[stop].startswith("ال") and words[stop] not in
                                                  titles and not _not_a_name_end(lex, words[stop]))):
            stop += 1  # a given name, then a family name with ال (حسن الأزهري)
        if stop > 1 and any(anchor(lex, w) for w in words[:stop]):
            return Mention(tuple(words[stop:]), tuple(words[:stop]), 0)
    if not name:
        return Mention(tuple(words), ())
    return Mention(tuple(words[:start]), name, start)


def definite_family(lex: Lexicons, word: str) -> bool:
    """Return whether a word is a family name with ال: no title, and a given name, a relative adjective or a word
    no dictionary holds after the article (الناصر، الشمري، الجبير; not الصندوق، المؤمنين)."""
    bare = word[2:]
    return (word.startswith("ال") and word not in lex.title_words
            and (bare in given_name_set(lex) or dictionary.entry(bare) is None or _family_name(word)))


def _foreign_given(lex: Lexicons, words: list[str], start: int, k: int) -> bool:
    """Return whether words[k] opens a two-word name right after a title as a first name no list or dictionary holds
    (وزير الدفاع التركي خلوصي أكار): the word after it is then the family name, whatever a dictionary says."""
    return k == start and k > 0 and is_name_word(lex, words[k]) and dictionary.entry(words[k]) is None and (
        words[k - 1] in lex.title_words or words[k - 1].startswith("ال"))


def _body_word(lex: Lexicons, word: str) -> bool:
    """Return whether a word is a body's head noun, with a preposition or article or not (بجامعة، مستشفى، للمؤسسة)."""
    for bare in (word, word[1:]):
        bare = bare[2:] if bare.startswith("ال") else bare
        if bare in lex.w.body:
            return True
    return False


def anchored(lex: Lexicons, name: Iterable[str]) -> bool:
    """Return whether a name holds a word that marks one: a given name, a word no dictionary holds, a joiner
    (بن، عبد) or a family name (روحاني): common nouns alone (فئة الترخيص، طب الأسنان) name no one."""
    return any(anchor(lex, w) or _family_name(w) or w in lex.w.name_joiner for w in name)


def _family_name(word: str) -> bool:
    """Return whether a word the dictionary knows may be a family name: a singular relative adjective (روحاني،
    الشرفي)."""
    bare = without_article(word)
    entry = dictionary.entry(bare)
    return entry is not None and entry.kind == dictionary.RELATIVE and not entry.plural and bare.endswith("ي")


def anchor(lex: Lexicons, word: str) -> bool:
    """Return whether a word marks a name: a given name, or a word no dictionary holds even without a preposition
    (ترامب، الازهري; not قانوني، بملف)."""
    if word in given_name_set(lex):
        return True
    bare = word[2:] if word.startswith("ال") else word
    if dictionary.entry(bare) is not None or (len(bare) > 3 and bare.endswith("ا") and dictionary.entry(bare[:-1])):
        return False  # a word of the dictionary, or one in the accusative (اجتماعا، موظفا)
    rest = word[1:] if word[:1] in "بلكو" else ""
    rest = rest[2:] if rest.startswith("ال") else rest
    return not (len(rest) >= 3 and dictionary.entry(rest) is not None)

