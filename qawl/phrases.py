"""Where a noun phrase ends: the speaker phrase after a cue, an apposition, a title's complement.

Every function reads tokens (tokenize.tokens) of one sentence and the word classes of a lexicon; none looks at
more than the sentence.
"""

from __future__ import annotations

from qawl import cues, dictionary, mentions, names
from qawl.lexicons import Lexicons
from qawl.memo import Memo
from qawl.normalize import normalize
from qawl.tokenize import NORM, Tokens

# a preposition with the pronoun of the noun a clause describes (بيان تلقت الصحيفة نسخة منه، وقفة دعت إليها)
RESUMPTIVE = frozenset(p + s for p in ("الي", "علي", "في", "ب", "ل", "عن", "من") for s in ("ه", "ها", "هم", "هن"))
PUNCTUATION = frozenset("،,:؛;.!?؟()[]{}\"«»“”'…/|<>")
COMMAS = frozenset({"،", ","})
_MAX_NP = 20  # a subject with its titles: معالي أمين العاصمة المقدسة رئيس اللجنة المحلية … الدكتور فلان


def _stop_word(lex: Lexicons, n: str) -> bool:
    table = cues.of(lex)
    return ((n in PUNCTUATION and n not in "-–") or n in lex.w.phrase_end or n in lex.w.that
            or (n[:1] in "وف" and n[1:] in lex.w.that) or n in table.verbs or n in table.participles
            or n in lex.w.according_to or for_media(lex, n))


def for_media(lex: Lexicons, n: str) -> bool:
    """Return whether a word is "for" a medium (لوكالة، للصحفيين، لكوردستان24): a speaker's addressee, not part of his
    name; an outlet whose name ends in its number (فرانس24) is one whatever its words."""
    return n.startswith("ل") and (starts_with_media_word(lex, n[1:]) or (n.startswith("لل")
                                                                         and starts_with_media_word(lex, n[2:]))
                                  or (len(n) > 3 and n[-1].isdigit() and not n[1].isdigit())
                                  or (len(n) > 2 and n[1:].isascii() and n[1:].isalpha()))  # لـCNBC: in Latin letters


def starts_with_media_word(lex: Lexicons, word: str) -> bool:
    """Return whether a normalized word (without ال) begins with a medium's noun (وكالة، صحيفة، قناة …)."""
    return word.startswith(lex.derived("media_words", lambda lex: tuple(sorted(lex.w.media_addressee))))


def _media_index(lex: Lexicons) -> dict[str, list[tuple[str, ...]]]:
    index: dict[str, list[tuple[str, ...]]] = {}
    for _, kind, variant in lex.gazetteer:
        words = tuple(normalize(variant).split())
        if kind == "media" and words:
            index.setdefault(words[0], []).append(words)
    return index


def media_name(lex: Lexicons, toks: Tokens, j: int) -> int:
    """Return the end of a news outlet's name written at toks[j] after ل (لرويترز، لبي بي سي), else -1: the medium
    a speaker talks to, which is no part of his name."""
    word = toks[j].norm
    if not word.startswith("ل") or len(word) < 3:
        return -1
    index = lex.derived("media_index", _media_index)
    rest = word[1:]
    following = [t.norm for t in toks[j + 1 : j + 6]]
    for form in (rest, "ا" + rest) if rest.startswith("ل") else (rest,):  # للغارديان = ل + الغارديان
        for name in index.get(form, ()):
            if tuple(following[: len(name) - 1]) == name[1:]:
                longer = [word, *following]
                if (body := mentions.name_at(longer, mentions.gazetteer_index(lex), 0))[0] > len(name) and (
                        body[1] != "media"):
                    return -1  # المدير العام للوكالة الدولية للطاقة الذرية: a longer name of a body, no medium
                return j + len(name)
    return -1


def _names_with_stop_words(lex: Lexicons) -> frozenset[str]:
    """Return the first words of the gazetteer's names that hold a word ending a phrase (سي إن إن، روسيا اليوم،
    تحالف دعم الشرعية في اليمن)."""
    stop = stop_words(lex)
    return frozenset(words[0] for _, _, variant in lex.gazetteer
                     if len(words := normalize(variant).split()) > 1 and any(stop[w] for w in words[1:]))


def lexicon_name(lex: Lexicons, toks: Tokens, j: int) -> int:
    """Return the end of a gazetteer name starting at toks[j] that holds a word ending a phrase (شبكة سي إن إن
    الأمريكية: the letters' إن is no particle), else -1."""
    if toks[j].norm not in lex.derived("names_with_stop_words", _names_with_stop_words):
        return -1
    size = mentions.span_at([t.norm for t in toks[j : j + 8]], mentions.gazetteer_index(lex), 0)
    return j + size if size > 1 else -1


def stop_words(lex: Lexicons) -> dict[str, bool]:
    """Return the memo telling whether a normalized word ends a speaker phrase (a preposition, cue, particle,
    punctuation, or a word for a medium addressed)."""
    return lex.memo("phrase_stop", _stop_word)


def is_stop_word(lex: Lexicons, n: str) -> bool:
    """Return whether a normalized word ends a speaker phrase (a preposition, cue, particle or punctuation)."""
    return stop_words(lex)[n]


def object_starts(lex: Lexicons, prev: str, word: str, *, after_name: bool, follows: str = "",
                  feminine: bool = False) -> bool:
    """Return whether word opens a verb's object after a finished subject (الحكومة اليمنية | جميع الأطباء).

    after_name also ends the subject at a definite noun phrase right after a name (حذر ترامب | الحكومة
    السورية), told from a family name (بدر السمحان إلى) by its ة or by the definite word after it;
    callers use it only when no that-clause follows the subject.
    """
    joiners = lex.w.name_joiner
    if (word in lex.roles and not word.startswith("ال") and prev.startswith("ال") and prev[2:] in lex.w.body
            and prev not in lex.title_words):
        return True  # ودعت اللجنة | منسقة الشؤون الإنسانية: a role right after a body is whom it addresses
    if word in joiners or prev in joiners or follows in joiners or word in lex.roles or (prev, word) in lex.title_pairs:
        return False  # a role adds a title (أمين العاصمة المقدسة رئيس اللجنة …), بن a name (الطبيب عطية بن محمد)
    if word.endswith(("ها", "هم", "هما")) and not _definite_spelled_with_pronoun(word):
        return not (prev in lex.title_words and not prev.startswith("ال"))  # رئيس وزرائها: the title's complement
    if prev in lex.w.name_tail and not word.startswith("ال") and names.is_name_word(lex, word):
        return False  # زين الدين | زيدان، نور الدين | جانيكلي: a family name after a compound given name
    if word in lex.w.name_tail and prev in names.given_name_set(lex):
        return False  # فاطمة | الزهراء العلوي، سيف | الإسلام القذافي: the tail of a compound given name
    prev_bare = prev[1:] if prev.startswith("وال") and prev not in lex.title_words else prev  # والي: a governor
    if word.startswith("وال") and _titles_one_person(lex, prev_bare, word[1:]):
        return False  # الكاتب | والمحلل السياسي: a second title of the one person, not whom the verb is about
    places = lex.places
    if prev in places and not word.startswith("ال") and not _one_name(lex, prev, word):
        return True  # (not واشنطن بوست، نيويورك تايمز: an outlet named after its city)
    if word in places and not prev.startswith("ال") and prev not in lex.title_words and not _heads_construct(
            lex, prev) and ("ال" + prev) not in lex.title_words and not _one_name(lex, prev, word):
        return True  # حذر ترامب إيران (not جامعة نجران، ريال مدريد)
    definite = prev_bare.startswith("ال")
    closed = closes(lex, prev)
    if word.startswith("ال"):
        if not definite and prev.endswith("ون") and prev not in lex.title_words and (
                ((entry := dictionary.entry(prev)) is not None and entry.plural) or names.sound_plural(lex, prev)):
            return True  # واتهم ناشطون | الحكومة: a sound plural keeps its ن only outside a construct (ناشطو الحزب)
        if definite and word[2:] in lex.w.body and prev not in lex.title_words and not word.endswith(("ي", "يه")):
            return True  # واتهمت المعارضة | الحكومة: a definite noun heads no construct, a body after it is the object
        if word[2:] in lex.w.collective_source and (
                (definite and not prev.endswith(("ون", "ين", "ات"))) or _after_foreign_name(lex, prev)):
            # ودعت الوزارة | الأهالي، المرضى، ودعا بوتين | المواطنين: people after a definite noun or a foreign name
            # are whom the verb is about (after people, الفنانون المحتجون، المسرحيين الشباب, they may describe them)
            return True
        if (definite and word.endswith("ين") and not word.endswith("يين") and not prev.endswith(("ين", "ون", "ات"))
                and prev not in lex.title_words and names.sound_plural(lex, word[2:])):
            return True  # ودعت وزارة الصحة | المواطنين: people after a definite noun are no genitive of it, the object
        if (definite and word.endswith("ات") and not prev.endswith(("ين", "ون", "ات", "ان"))
                and prev not in lex.title_words and (entry := dictionary.entry(word[2:])) is not None and entry.plural
                and ((one := dictionary.entry(prev[2:])) is None or not one.plural)):
            # ودعا المجلس | المؤسسات: a plural in ات is no adjective of one thing (number agrees), nor a genitive of
            # a definite noun (which heads no construct): the object
            return True
        if word.endswith(("يين", "يون")) and prev.startswith("ال") and prev in lex.title_words and not prev.endswith(
                ("ون", "ين", "ات")):
            return True  # وأخبر الوزير | الصحفيين: a plural after one title is no adjective of it (number agrees)
        if word.endswith(("يين", "يون")) and (_after_foreign_name(lex, prev) or prev in names.given_name_set(lex)):
            return True  # دعا بوتن | الأوروبيين: a people after a name, no family name
        if _after_foreign_name(lex, prev) and word.endswith("يه") and (entry := dictionary.entry(word[2:])) and (
                entry.kind in (dictionary.NOUN, dictionary.VERBAL_NOUN)):
            return True  # ووصف ترامب | الاتفاقية: a noun ending as a relative adjective does (أهمية) is no family name
        if word in lex.title_entries or word.endswith(("ي", "يه", "يين", "يون")):
            return False
        if (definite and prev.endswith(("ون", "ين")) and not prev.endswith(("يون", "يين")) and len(prev) > 5
                and prev not in lex.title_words and _common_noun(lex, word[2:])):
            return True  # أغلق المحتجون | الطريق: a definite plural heads no genitive, a noun after it is the object
        if feminine and prev.endswith("ات") and definite and dictionary.participle(word[2:], feminine=True):
            return False  # القوات | المسلحة، الجهات | المختصة: a feminine participle agrees with the plural before it
        if prev in lex.honorifics and not _common_noun(lex, word[2:]):
            return False  # وأشار الدكتور الهزوم: a family name after an honorific
        if _after_foreign_name(lex, prev) and _common_noun(lex, word[2:]) and prev not in names.given_name_set(lex):
            return True  # ترامب | الأفراد: after a foreign name, a definite noun is the object (بشار الأسد: his name)
        return closed or (after_name and names.is_name_word(lex, prev) and prev not in lex.w.quantifier and (
            feminine or (follows.startswith("ال") and not stop_words(lex)[follows]))  # سامي الحداد اليوم
            and not _doer_in_construct(lex, prev))
    if (feminine and word.endswith("يه") and not prev.endswith("ه") and names.is_name_word(lex, prev)
            and prev not in lex.w.person_noun and not _common_noun(lex, prev) and _common_noun(lex, word)):
        return True  # أكد الدكتور فلان مشاط | أهمية المهرجان: a feminine ـية after a man's name is not his adjective
        # (مراسلة | برازيلية agrees with its noun; وزراء | خارجية completes it)
    if (prev.endswith("ون") and len(prev) > 4 and dictionary.entry(prev[:-2]) is not None
            and _common_noun(lex, word) and not word.endswith(("ون", "ين", "ي"))):
        return True  # نفى ناشطون | صحة الرواية: a plural in ون heads no genitive, a noun after it is the object
    if closed and _common_noun(lex, word):
        return True  # ودعا مستشار خادم الحرمين الشريفين | أبناء المجتمع: a noun after a whole title is the object
    if _after_foreign_name(lex, prev) and word not in lex.title_words and (
            _common_noun(lex, word) or dictionary.verb_only(word) or _plural_participle(lex, word)
            or (word.endswith("ين") and names.sound_plural(lex, word) and prev not in names.given_name_set(lex))
            or dictionary.participle(word, plural=False, feminine=True)):
        # وصف ترامب | كتاب مذكرات كومي: after a foreign name, a noun or a verb is no family name; نفى ترامب | مخالفة
        # القانون: an indefinite ـة participle (or the verbal noun spelled like it) is no adjective of a definite name
        return True
    if definite and word in names.given_name_set(lex) and (
            prev_bare[2:] in lex.w.person_noun or dictionary.participle(prev_bare[2:], plural=False, feminine=False)):
        return False  # أكد المواطن عبدالله أحمد الحسيني، المهاجم خوسيه ريس: the name of the one the noun describes
    return definite and not closed


_PRONOUNS = ("هما", "ها", "هم", "هن", "ه")  # the possessive pronouns a normalized word may end in, longest first


def noun_with_pronoun(word: str) -> bool:
    """Return whether a normalized word is a noun the dictionary holds and a possessive pronoun (التزامها، مديرها،
    سفارتها: سفارة + ها, its ت read as the ة it was), not a word whose last letters only look like one (مياه، المتهم،
    اتجاها)."""
    suffix = next((p for p in _PRONOUNS if word.endswith(p)), "")
    stem = word[: -len(suffix)] if suffix and len(word) > len(suffix) + 2 else ""
    return bool(stem) and (dictionary.entry(stem) is not None or (
        stem.endswith("ت") and dictionary.entry(stem[:-1] + "ه") is not None))


def _definite_spelled_with_pronoun(word: str) -> bool:
    """Return whether a word ending as a pronoun does (ها، هم) is rather a definite noun that ends so (المتهم: ال +
    متهم, not المت + هم), not a noun with its pronoun (التزامها: التزام + ها)."""
    return word.startswith("ال") and dictionary.entry(word[2:]) is not None and not noun_with_pronoun(word)


def _conjoined(lex: Lexicons, toks: Tokens, j: int) -> bool:
    """Return whether toks[j] is و and a definite noun (والتنمية), or و and a noun whose own genitive follows
    (ومكافحة | الفساد)."""
    word = toks[j].norm
    return word.startswith("وال") or (word[:1] == "و" and j + 1 < len(toks) and toks[j + 1].norm.startswith("ال")
                                       and dictionary.entry(word[1:]) is not None
                                       and word[1:] not in names.given_name_set(lex))


def _coordinated_genitive(toks: Tokens, i: int, j: int) -> bool:
    """Return whether toks[j] (و + a definite word) joins the genitives of one construct that began at or after i
    (حزب الإصلاح | والتنمية، منظمة التربية والثقافة | والعلوم): no new phrase, the body's name goes on."""
    k = j - 1
    while k > i and toks[k].norm.startswith("وال"):
        k -= 1
    head = toks[k - 1].norm
    # وزير المياه | والري: a construct's head may begin with a و of its own (وزير، وكالة)
    return k > i and toks[k].norm.startswith("ال") and not head.startswith("ال") and not _conjunct(head)


def _conjunct(word: str) -> bool:
    """Return whether a word is و and another word: one the dictionary does not know with its و (والتنمية، ومكافحة;
    not وزير، وكالة، والد، والي)."""
    return word[:1] == "و" and dictionary.entry(word) is None


def _titles_one_person(lex: Lexicons, first: str, second: str) -> bool:
    """Return whether two definite singular words, each a title or a human noun, describe one person when و joins
    them (الكاتب والمحلل، الباحث والأكاديمي)."""
    def human(word: str) -> bool:
        bare = word[2:]
        entry = dictionary.entry(bare)
        return (word in lex.title_words or bare in lex.w.person_noun) and not (entry is not None and entry.plural)
    return first.startswith("ال") and second.startswith("ال") and human(first) and human(second)


def _one_name(lex: Lexicons, prev: str, word: str) -> bool:
    """Return whether two words open a name the gazetteer holds (واشنطن بوست، ريال مدريد): one name, though a place
    is in it."""
    return mentions.span_at([prev, word], mentions.gazetteer_index(lex), 0) > 1


def _doer_in_construct(lex: Lexicons, word: str) -> bool:
    """Return whether an indefinite word is a doer the dictionary knows, no given name (مؤسس | المنظمة: the founder
    of the organization): it heads the definite noun after it, which is no object."""
    return word not in names.given_name_set(lex) and dictionary.participle(word, plural=False, feminine=False)


def _plural_participle(lex: Lexicons, word: str) -> bool:
    """Return whether the dictionary knows a word only as a plural participle (كتاب، عمال), no given name: several
    doers, which no family name is."""
    return dictionary.participle(word, plural=True) and word not in names.given_name_set(lex)


def _after_foreign_name(lex: Lexicons, prev: str) -> bool:
    """Return whether prev is a name word no dictionary holds (ترامب، غوتيريش): a name, and no Arabic given name
    that could go on with a noun for a family name."""
    return names.is_name_word(lex, prev) and dictionary.entry(prev) is None and not (
        prev.endswith("يه") and prev not in names.given_name_set(lex))  # فيدرالية: a relative noun, no name


def _is_common_noun(lex: Lexicons, word: str) -> bool:
    entry = dictionary.entry(word)
    thing = entry is not None and (entry.kind in (dictionary.NOUN, dictionary.VERBAL_NOUN)
                                   or (entry.kind == dictionary.RELATIVE and word.endswith("يه")))  # أهمية
    return (thing
            and word not in names.given_name_set(lex))


def _common_noun(lex: Lexicons, word: str) -> bool:
    """Return whether the dictionary knows a word as a noun and it is no given name (أبناء, not محمد)."""
    return lex.memo("common_noun", _is_common_noun)[word]


def institution(lex: Lexicons, word: str) -> bool:
    """Return whether a word heads an institution's name (اللجنة، الحكومة), which no personal name follows."""
    bare = word[2:] if word.startswith("ال") else word
    return (bare in lex.institution_heads and bare not in lex.w.person_noun and word not in lex.roles
            and bare not in lex.roles)


def _addressee(lex: Lexicons, prev: str, word: str) -> bool:
    """Return whether word is ل + a noun after a name (قال بوتين | لحشد متهلل، روحاني | لدبلوماسيين إيرانيين): whom
    the speaker addressed, not a part of the name."""
    if word[:1] != "ل" or word.startswith("لل") or len(word) < 4 or word in lex.places or word in names.given_name_set(
            lex) or prev in lex.title_words or not names.is_name_word(lex, prev):
        return False
    rest = word[1:]
    doers = rest[:-2] if rest.endswith(("ين", "ون")) else ""
    return (_common_noun(lex, rest) or rest in lex.w.person_noun or (
        doers != "" and (doers in lex.w.person_noun or dictionary.entry(doers) is not None)))


def person_noun(lex: Lexicons, word: str) -> bool:
    """Return whether a word is a human noun, with its article or feminine ending or not (المغردة، ناشط)."""
    bare = word[2:] if word.startswith("ال") else word
    return bare in lex.w.person_noun or (bare.endswith("ه") and bare[:-1] in lex.w.person_noun)


def _named_up_to(lex: Lexicons, toks: Tokens, i: int, j: int) -> bool:
    """Return whether toks[i:j] ends in a person's name of two words or more the name lists anchor."""
    name = names.split(lex, map(NORM, toks[i:j])).name
    return len(name) > 1 and name[-1] == toks[j - 1].norm and names.anchored(lex, name)


def _addressed_after_name(lex: Lexicons, toks: Tokens, i: int, j: int) -> bool:
    """Return whether toks[j] is ل + a definite noun right after a person's name (قال فلان الفلاني | للشرق، قالت
    فلانة | للصحفيين): whom the person spoke to; a body's name may go on (مؤسسة محمد بن راشد للمعرفة)."""
    word, prev = toks[j].norm, toks[j - 1].norm
    after = toks[j + 1].norm if j + 1 < len(toks) else ""  # what was said follows (تيريزا ماي السعي | للحصول على: a
    # purpose, not someone spoken to)
    if len(word) < 5 or (after not in closers(lex) and after not in _QUOTES) or prev in lex.title_words or (
            institution(lex, toks[i].norm)):
        return False
    if j == i + 1 and names.definite_family(lex, prev) and not _common_noun(lex, prev[2:]):
        return True  # وتابع الدليمي | للمسلة أن: the family name the article gave him, then the outlet he told
    return _named_up_to(lex, toks, i, j)


def _purpose(lex: Lexicons, prev: str, word: str) -> bool:
    """Return whether word is ل + a verbal noun after a name (ترامب | لمطالبة بوتين): a purpose, not a name."""
    return (word.startswith("ل") and not word.startswith("لل") and len(word) >= 6 and word[1] in "مت"
            and names.is_name_word(lex, prev) and prev not in lex.title_words)


def closes(lex: Lexicons, word: str) -> bool:
    """Return whether a word closes a noun phrase: a definite adjective or title (الهندية، الرئيس)."""
    bare = word[1:] if word.startswith("وال") and word not in lex.title_words else word  # والي: an indefinite title
    return bare.startswith("ال") and (bare.endswith(("ي", "يه")) or word in lex.title_words)


def _is_accusative(word: str) -> bool:
    return len(word) > 3 and word.endswith("ا") and not word.endswith("اا") and dictionary.entry(
        word[:-1]) is not None  # جزءا: a hamza carries the tanween too


_ACCUSATIVE: Memo[str, bool] = Memo(_is_accusative)


def accusative(word: str) -> bool:
    """Return whether a word is an indefinite noun in the accusative (طابعا، تحركا: the dictionary's noun plus the
    alef of tanween): an object or an adverb, no part of a subject's name."""
    return _ACCUSATIVE[word]


def _radical_ha(word: str) -> bool:
    """Return whether a normalized word's last ه is its own letter, no pronoun: the dictionary holds the word and
    no noun_with_pronoun is read in it (مياه، اتجاه، توجيه; not شكره، بيانه)."""
    return (word.endswith("ه") and not word.endswith(("ها", "هم", "هن")) and dictionary.entry(word) is not None
            and not noun_with_pronoun(word))


def _adverbial(lex: Lexicons, prev: str, word: str) -> bool:
    """Return whether word is an accusative participle after a finished name (روحاني | موجها حديثه)."""
    return (len(word) >= 5 and word.startswith("م") and word.endswith("ا") and prev not in lex.title_words
            and prev not in lex.w.name_joiner and word not in names.given_name_set(lex)  # ماريا is a name
            and prev not in lex.w.media_noun)  # موقع ماركا: a medium's noun without ال awaits its name


def _given_between_names(lex: Lexicons, toks: Tokens, i: int, j: int) -> bool:
    """Return whether toks[j], a cue spelled like a given name (طالب، عزت), stands between two names: a name's part
    (الشيخ فهد طالب الشرفي)."""
    given = names.given_name_set(lex)
    if not (j > i and toks[j].norm in given and toks[j - 1].norm in given and j + 1 < len(toks)):
        return False
    after = toks[j + 1].norm
    return (names.is_name_word(lex, after) or (after.startswith("ال") and after not in lex.title_words)) and not (
        stop_words(lex)[after])


def _joins_name(lex: Lexicons, toks: Tokens, i: int, j: int) -> bool:
    """Return whether toks[j], a name's joiner spelled like a stop word (فان: then that), stands between the words
    of one name (رونالد فان دير بيرغ), not before what a source is said to tell (وبحسب فلان فان الاتفاق)."""
    if not (j > i and toks[j].norm in lex.w.name_joiner and j + 1 < len(toks)):
        return False
    prev, after = toks[j - 1].norm, toks[j + 1].norm
    stop = stop_words(lex)
    # the word before is a foreign name's (no dictionary word: not تقارير صحفية فإن شركات)
    return (after[:1].isalpha() and not after.startswith("ال") and not stop[after] and not stop[prev]
            and (prev in names.given_name_set(lex) or (dictionary.entry(prev) is None and names.is_name_word(
                lex, prev))))


def _ali_ends_name(lex: Lexicons, toks: Tokens, i: int, j: int) -> bool:
    """Return whether toks[j] is the given name علي (written like the preposition على) closing a name: after a given
    name and before a comma, an end mark, what is said or the قد before its verb (وقال أحمد علي، إن; وكان أحمد علي قد
    أكد)."""
    if not (j > i and toks[j].norm == "علي" and toks[j - 1].norm in names.given_name_set(lex)):
        return False
    return j + 1 == len(toks) or toks[j + 1].norm in PUNCTUATION or toks[j + 1].norm in lex.w.that or (
        toks[j + 1].norm in lex.w.perfect_particle) or (
        toks[j + 1].norm == "علي" and toks[j - 1].norm != "علي")  # وشدد أحمد علي على: the name, then the preposition


def _name_spelled_as_cue(lex: Lexicons, toks: Tokens, i: int, j: int, given: frozenset[str]) -> bool:
    """Return whether toks[j], a given name spelled as a cue (راي، دان), goes on a foreign name before it (تشيانغ
    راي، جون راي) rather than opening the verb of a subject written before it: no what-is-said follows it."""
    word = toks[j].norm
    if not (i < j and word in given and word in cues.of(lex).verbs):
        return False
    prev = toks[j - 1].norm
    after = toks[j + 1].norm if j + 1 < len(toks) else ""
    return (names.is_name_word(lex, prev) and dictionary.entry(prev) is None and prev not in lex.places
            and after not in lex.w.that and after != cues.COLON and after not in cues.QUOTE_MARKS)


def _ali_opens_name(lex: Lexicons, toks: Tokens, i: int, j: int, ends: frozenset[str]) -> bool:
    """Return whether toks[j], opening the phrase, is the given name علي (spelled like the preposition على) before a
    family name with ال (ويقول علي الشهابي), not the preposition a cue governs (وأكد على الأهمية) nor one before a
    common noun (وقال على الفور)."""
    if not (j == i and toks[j].norm == "علي" and j + 1 < len(toks)):
        return False
    after = toks[j + 1].norm
    if "علي" in ends and not (j + 2 < len(toks) and (toks[j + 2].norm in lex.w.that or toks[j + 2].norm in COMMAS)
                              and names.definite_family(lex, after) and not stop_words(lex)[after]):
        return False  # وأكد علي الشمري أن: a family name, then what he said, after a cue that governs على
    # the test names.split makes of the same two words (علي الشهابي); or a father's given name, then the family's
    # (ويقول علي حسين الساعدي)
    given = names.given_name_set(lex)
    return not stop_words(lex)[after] and after not in lex.places and (names.definite_family(lex, after) or (
        after in given and j + 2 < len(toks) and (names.definite_family(lex, toks[j + 2].norm)
                                                  or toks[j + 2].norm in given)))


def _ali_after_honorific(lex: Lexicons, toks: Tokens, i: int, j: int) -> bool:
    """Return whether toks[j] is the given name علي (spelled like the preposition على) after an honorific or a role
    and before a family name (الناطق باسم الحكومة الدكتور علي الحسيني، النائب علي خريس، الدكتور على عبد العال): not
    before an action, a plural, a title, a body, a place or a possessed thing, which the preposition governs (وشدد
    الدكتور على ضرورة، على الجهود، على الحكومة، وكتب الوزير على حسابه)."""
    if not (j > i and j + 1 < len(toks) and toks[j].norm == "علي" and (
            toks[j - 1].norm in lex.honorifics or toks[j - 1].norm in lex.roles
            or person_noun(lex, toks[j - 1].norm))):  # النائب علي خريس، المزارع علي بن فلان
        return False
    after = toks[j + 1].norm
    if after in lex.title_words or after in lex.places or stop_words(lex)[after] or toks[j + 1].possessed:
        return False  # وكتب الوزير على حسابه: a possessed thing the preposition governs
    if after in lex.w.name_joiner:
        return True  # الدكتور على عبد العال: a compound name follows (Egyptian spelling writes علي so)
    bare = after[2:] if after.startswith("ال") else after
    if (bare in lex.w.body or bare in lex.w.person_noun or bare in lex.institution_heads
            or (bare.endswith(("ين", "ون")) and len(bare) > 5)):  # على المشاركين: a sound plural
        return False
    found = dictionary.entry(bare)
    # no dictionary holds most family names; those it holds as relative adjectives are names here (الحسيني), a
    # doer may be what is governed (على الموقف: the dictionary calls it a participle)
    return found is None or (after.startswith("ال") and found.kind == dictionary.RELATIVE and not found.plural)


def _ali_before_governed(lex: Lexicons, toks: Tokens, j: int) -> bool:
    """Return whether toks[j], spelled like the preposition على a cue governs, is the given name علي after a given name:
    before a comma or the preposition itself (وشدد أحمد علي على أن، وأكد أحمد علي، أن; not وأكد محمد على أن)."""
    return (toks[j].norm == "علي" and toks[j - 1].norm in names.given_name_set(lex) and toks[j - 1].norm != "علي"
            and j + 1 < len(toks) and (toks[j + 1].norm == "علي" or toks[j + 1].norm in COMMAS))


def noun_phrase(lex: Lexicons, toks: Tokens, i: int, *, objects: bool = False, preps: str = "",
                ends: frozenset[str] = frozenset(), after_name: bool = False) -> int:
    """Return the end index of the noun phrase starting at toks[i] (i itself when there is none).

    With objects=True the phrase also ends where a verb's object visibly begins; preps are the
    one-letter prepositions (ب، ل) of the verb's complement, which end it unless they follow a title;
    ends are the verb's prepositions (طلبت الإدارة من السائقين).
    """
    titles, places, stop = lex.title_words, lex.places, stop_words(lex)
    last = min(len(toks), i + _MAX_NP)
    # A phrase headed by an institution (اللجنة …) ends at an indefinite word after one that closes it: its head is
    # looked up once, not at every word.
    body = objects and i < last and institution(lex, toks[i].norm)
    # وزير خارجية روسيا سيرغي لافروف، الأمين العام للأمم المتحدة أنطونيو غوتيريش: the name a role's phrase ends with
    titled = objects and i < last and (toks[i].norm in lex.roles or person_noun(lex, toks[i].norm))
    kinds = lex.memo("phrase_word", _phrase_word)
    given = names.given_name_set(lex)  # ماريا is a name, not ماري + the alef of the accusative
    copula = lex.w.copula  # صحفي من رويترز | كان على الطائرة: كان inside a phrase opens a clause about it
    named = lex.derived("names_with_stop_words", _names_with_stop_words)  # lexicon_name's test, asked per word here
    j = i
    while j < last:
        tok = toks[j]
        word = tok.norm
        if word in _QUOTES and j > i and (close := quoted_name(lex, toks, j)) > 0:
            j = close + 1  # صحيفة "ميرور" البريطانية: a medium's or body's name in quotation marks is its name
            if objects and j < last and toks[j].norm[:1].isalpha() and not toks[j].norm.startswith(
                    ("ال", "وال", "ل")) and toks[j].norm not in given:  # رئيسة «جمعية …» سهام فلان: her name
                break  # هاجمت الأمانة العامة لحزب "العدالة والتنمية" | مقترحات: an indefinite word opens the object
            continue
        if word in named and (close := lexicon_name(lex, toks, j)) > 0:
            j = close  # وقالت شبكة سي إن إن | إن: a name the gazetteer holds is one name whatever its words
            continue
        if (stop[word] and not (j == i and (word in titles or word in lex.w.quantifier or word in lex.w.person_noun
                                    or (word in cues.of(lex).verbs and word in given)))
                and not _name_spelled_as_cue(lex, toks, i, j, given)
                and not _given_between_names(lex, toks, i, j) and not _ali_ends_name(lex, toks, i, j)
                and not _joins_name(lex, toks, i, j)
                and not _given_after_title(lex, toks, i, j) and not _ali_opens_name(lex, toks, i, j, ends)
                and not _ali_after_honorific(lex, toks, i, j)
                and not (j > i and (toks[j - 1].norm, word) in lex.title_pairs)  # الفريق أول: one title
                and not (j + 1 < len(toks) and toks[j + 1].norm in lex.w.patronymic)) or (  # إمام أوغلو: a name
                word[:1] == "ل" and media_name(lex, toks, j) > 0):
            if j > i and word[:1] == "ل" and (gazetted := mentions.name_at(
                    [t.norm for t in toks[j : j + 8]], mentions.gazetteer_index(lex), 0))[0] > 1 and (
                    gazetted[1] == "organization"):
                j += gazetted[0]  # المدير العام للوكالة الدولية للطاقة الذرية: a body the gazetteer names, no medium
                continue
            break  # a title, human noun or given name may share a cue's spelling (متحدثة، طالب، دان); بعض opens one
        if j > i and word[:2] == "ال" and word[2:] in lex.w.time_noun and j + 1 < len(toks) and (
                toks[j + 1].norm in lex.w.time_adjective):
            break  # وقال الوزير فلان | العام الماضي، ذكرت صحيفة "الرأي" | الأسبوع الماضي: when, no word of the name
        if word == "من" and j > i + 1 and (toks[i].norm in lex.roles or person_noun(lex, toks[i].norm)) and (
                _named_up_to(lex, toks, i, j)):
            break  # المواطنة فلانة الفلانية | من حي المزروعية، العقيد فلان | من الهيئة: where the named one is from
        if j > i and (word[:2] == "لل" or (word[:1] == "ل" and word not in places and word not in given
                                           and dictionary.entry(word[1:]) is None)) and (
                _addressed_after_name(lex, toks, i, j)):
            break  # قال فلان الفلاني للشرق أن، لخبرني إن: the outlet he told (one no dictionary holds), then what
        if j > i and word[:1] == "ل" and _body_domain(lex, toks, i, j):
            # مجلس التعاون لدول الخليج العربية: the body's domain, its genitive and their relative adjectives, not
            # whom it speaks to; a definite domain (للانتخابات) heads no genitive (الهيئة للانتخابات | الاقتراع)
            genitive = not word.startswith("لل")
            j += 1
            while j < last and toks[j].norm.startswith("ال") and not stop[toks[j].norm] and (
                    genitive or toks[j].norm.endswith(("ي", "يه"))):
                genitive = False
                j += 1
            if j < last and toks[j].norm.startswith("ال") and toks[j].norm not in titles:
                break  # ومددت الهيئة الوطنية للانتخابات | الاقتراع، المرصد … لحقوق الإنسان | المعارض: no more name
            if objects and j < last and toks[j].norm[:1] not in "لو" and toks[j].norm not in given and (
                    _common_noun(lex, toks[j].norm)):
                break  # وأعلنت المؤسسة الوطنية للنفط | حالة القوة القاهرة: a common noun after the domain, the object
            continue
        if j > i:
            prev = toks[j - 1].norm
            # The cheap tests first: the word's own marks, then the tests of the word and the one before it.
            # أحد حراسه: a quantifier counts a possessed noun; خوسيه: a given name's ه is no pronoun
            # المتحدث باسم خارجيتها: the body he speaks for, its pronoun the state's
            possessed = (tok.possessed and word not in given and prev not in lex.w.quantifier and prev != "باسم"
                         and prev not in given  # هانا تيتيه: after a given name, a family name in ه, no pronoun
                         and not _radical_ha(word)  # إدارة مياه النيل: the ه of مياه is the word's own
                         and prev not in lex.w.media_noun  # صحيفة أوليه: the outlet's name, whatever its ending
                         and not word.startswith("باسم")  # المتحدث باسمه فلان: whom he speaks for, then his name
                         and not (prev in titles and not prev.startswith("ال")))  # وزير خارجيته فلان: his office
            if possessed or (word in ends and not _ali_before_governed(lex, toks, j) and not _ali_after_honorific(
                    lex, toks, i, j)) or word in copula or (
                    _ACCUSATIVE[word] and word not in given and word not in places) or (
                    word[:1] == "م" and _adverbial(lex, prev, word)) or (  # each needs its first letter: no call else
                    word[:1] == "ل" and (_purpose(lex, prev, word) or _addressee(lex, prev, word))) or (
                objects and not (titled and _opens_person_name(lex, toks, j) and not has_name(lex, toks, i, j))
                and not (word in places and _place_completes(lex, toks, i, j))
                and not (titled and prev in given and word.startswith("ال") and j > i + 1)  # وزيرة الصحة مي الكيلة
                and not (titled and word.startswith("ال") and dictionary.action(prev))  # مديرة هيئة تنشيط السياحة
                and not (_conjoined(lex, toks, j) and _coordinated_genitive(toks, i, j))  # حزب الإصلاح والتنمية
                and (
                    object_starts(lex, prev, word, after_name=after_name,
                                  follows=toks[j + 1].norm if j + 1 < len(toks) else "", feminine=tok.feminine)
                    or (tok.feminine and word[:1] not in "البو" and not (word in given and toks[i].feminine)
                        and closes(lex, prev))  # المستثمرة البريطانية سارة: a woman's name after a woman's noun
                    or (body and not word.startswith("ال") and closes(lex, prev))
                )):
                break
            if word[:1] in preps and len(word) > 3 and (prev not in titles or _governed_after_title(lex, prev, word)):
                break
            opens_object, ends_subject = kinds[word]
            # رنا فؤاد حداد | هذا: the word after a given name is a family name, complete whatever else it spells
            if (word in lex.w.demonstrative and (
                    _complete(lex, prev) or (j > i + 1 and toks[j - 2].norm in given))) or (
                    opens_object and _after_definite(lex, prev, i, j) and not (
                        j > i + 1 and toks[j - 2].norm in lex.w.name_joiner and prev.startswith("ال")
                        and word.startswith("ال") and word not in titles)):  # عبد الفتاح البرهان: his family name
                break  # نفى مسؤولون سعوديون | هذه الاتهامات، حذرت تركيا | الحكومة السورية: the object
            if ends_subject and prev not in lex.w.name_joiner and not (
                    prev in given and word[:1] not in "يتن" and j + 1 < len(toks) and (
                    toks[j + 1].norm in closers(lex) or toks[j + 1].norm[:1] == "ل" or toks[j + 1].norm in _QUOTES)):
                # تقارير استندت إلى …: a verb ends the subject (a relative clause of an indefinite noun); after a given
                # name, a past verb before what he said or whom he told is his family name (سمير جعجع، حسام عايش لـ);
                # after عبد or بن, the word a verb spells too is the name's (عبد الحق: ألحق)
                break
            if word in places and ((not prev.startswith(("ال", "لل")) and prev not in titles and not _heads_construct(
                    lex, prev) and ("ال" + prev) not in titles) or (
                    prev.startswith("ال") and not word.startswith("ال"))) and not _one_name(lex, prev, word) and not (
                    _place_completes(lex, toks, i, j)):
                # توعد ترامب إيران، حذر الوزير روسيا: a country right after a name or a definite word is the object
                # (not جامعة نجران، رئيس وزراء أستراليا; وكالة أنباء الإمارات، مدير مؤسسة كهرباء عدن: a body's
                # construct of common nouns, which the place completes)
                break
            if (word in lex.w.quantifier or (word.startswith("ال") and word[2:] in lex.w.alone_quantifier)) and (
                    prev not in titles and prev not in lex.institution_heads):
                # واجه كوهين العديد من الانتقادات، ودعت الشرطة الجميع إلى: a quantifier after a noun opens the object
                break
            if j == i + 1 and prev in places and word.startswith("ال") and (
                    word[2:] in lex.institution_heads or word in titles or (
                        word.endswith(("ين", "ون")) and len(word) > 6 and word not in places)) and (
                    word not in lex.honorifics):
                # حذرت تركيا الحكومة السورية، اتهمت إيران الوزير، تعتبر الصين المنشقين: a body, a title or people
                # after a country: the object (its adjective agrees with it: كوريا الشمالية)
                break
            if word[:1].isdigit() and prev not in lex.w.quantifier and prev not in lex.w.out_of and not (
                    len(word) < 4 and prev.startswith("ال") and prev[2:] in lex.w.media_noun):
                break  # فريق الإحصاء بالمهرجان | 1554 سيارة: a number opens what is counted, no part of a name (but
                # القناة 12 الإسرائيلية: a channel's number is its name)
            if word.startswith("وال") and not prev.startswith(("ال", "وال", "لل", "بال")):
                break  # ترامب والفرنسي ماكرون: a second subject, not a part of the first
            if (objects and prev.startswith("وال") and _conjunct(prev) and word not in titles
                    and word not in given and word not in places and not word.startswith("و")
                    and not word.endswith(("ي", "يه")) and (word.startswith("ال") or _common_noun(lex, word))):
                # أكدت وزارة الطاقة والمعادن | التزام السلطنة، أعلنت وزارة الشباب والرياضة | السماح: after the body's
                # last genitive (not والد), a noun that is no adjective, title or name opens what it said
                break
        j += 1
    while j > i and (toks[j - 1].norm in "-–" or toks[j - 1].norm == "ال"):
        j -= 1  # أحد الصبيان الـ | 12: the article of what is counted next, no word of the phrase
    return j


def _place_completes(lex: Lexicons, toks: Tokens, i: int, j: int) -> bool:
    """Return whether the place at toks[j] completes a construct of common nouns that a body or a title heads
    (وكالة أنباء الإمارات، رئيس غرفة صناعة الأردن): part of the phrase, not the verb's object."""
    prev = toks[j - 1].norm
    return j > i + 1 and not prev.startswith("ال") and _common_noun(lex, prev) and (
        institution(lex, toks[i].norm) or toks[i].norm in lex.title_words)


def _given_after_title(lex: Lexicons, toks: Tokens, i: int, j: int) -> bool:
    """Return whether toks[j], a stop word, is a given name after a title and before a family name with ال (الشيخ
    صباح الخالد: not the morning of a day, صباح الخميس، صباح اليوم)."""
    if not (i < j < len(toks) - 1) or toks[j].norm not in names.given_name_set(lex):
        return False
    prev, after = toks[j - 1].norm, toks[j + 1].norm
    return ((prev in lex.roles or closes(lex, prev)) and after.startswith("ال") and not stop_words(lex)[after]
            and after[2:] not in lex.w.time_noun and not _common_noun(lex, after[2:]))


def _opens_person_name(lex: Lexicons, toks: Tokens, j: int) -> bool:
    """Return whether toks[j] opens a person's name: a given name, or two name words no dictionary or gazetteer holds
    (سيرغي لافروف), not a place (حذر وزير خارجية روسيا | واشنطن) nor a name and a ب-word (انتقد سفير روسيا | ترامب
    بشدة)."""
    word = toks[j].norm
    if word in names.given_name_set(lex):
        return True
    after = toks[j + 1].norm if j + 1 < len(toks) else ""
    return all(w not in lex.places and not w.startswith("ال") and dictionary.entry(w) is None
               and dictionary.entry(w[1:]) is None and names.is_name_word(lex, w) for w in (word, after))


def _governed_after_title(lex: Lexicons, prev: str, word: str) -> bool:
    """Return whether a ب-word after a definite title is what the verb governs (ورحب رئيس مجلس الوزراء | بالقرار،
    ووعد الوزير | بتحسين), not a place, body or office that completes the title (مدير التعليم بالمنطقة، المتحدث
    بالنيابة، بالإنابة، باسم الوزارة)."""
    if not (prev.startswith("ال") and word.startswith("ب") and len(word) > 4):
        return False
    if not word.startswith("بال"):  # ووعد الوزير | بتحسين الخدمات، وأشاد الوزير | بجهود المرأة: an action or a thing
        found = dictionary.entry(word[1:])
        return found is not None and found.kind != dictionary.RELATIVE and not _completes_title(lex, word[1:])
    return not _completes_title(lex, word[3:])


def _completes_with_ba(lex: Lexicons, word: str) -> bool:
    """Return whether a ب-word names where or what a title's holder serves (بتونس، بالوزارة، بمنطقة)."""
    return word[:1] == "ب" and len(word) > 3 and _completes_title(lex, word[3:] if word.startswith("بال") else word[1:])


def _completes_title(lex: Lexicons, bare: str) -> bool:
    """Return whether a word without ب and ال names where or what a title's holder serves: a place, a body or an
    office (مدير التعليم بمنطقة، المتحدث بوزارة، بالإنابة)."""
    return (bare in lex.places or "ال" + bare in lex.places or bare in lex.institution_heads or bare in lex.w.body
            or bare in lex.w.place_head or bare in lex.w.title_complement or "ال" + bare in lex.title_words)


def _body_domain(lex: Lexicons, toks: Tokens, i: int, j: int) -> bool:
    """Return whether the ل-word at toks[j] names the domain of the body the phrase from toks[i] names (مجلس التعاون |
    لدول الخليج، الهيئة العامة | للغذاء والدواء): states or a thing, not a person or an outlet spoken to."""
    word = toks[j].norm
    if not word.startswith("ل") or toks[j].possessed:
        return False
    rest = "ال" + word[2:] if word.startswith("لل") else word[1:]
    bare = rest[2:] if rest.startswith("ال") else rest
    if not (bare in lex.w.state_noun or _common_noun(lex, bare)) or bare in lex.w.person_noun or bare in lex.roles:
        return False
    # the body the phrase opens with, or one a title governs (الأمين العام لمجلس التعاون | لدول الخليج); a title's own
    # ل-complement is through_phrase's (وكيل الجامعة للتطوير)
    return institution(lex, toks[i].norm) or (j - 1 > i and _heads_construct(lex, toks[j - 1].norm)) or (
        j - 2 >= i and _heads_construct(lex, toks[j - 2].norm) and toks[j - 1].norm.startswith("ال"))


def _complete(lex: Lexicons, word: str) -> bool:
    """Return whether a noun phrase ending in word is complete: a definite word, an adjective, a name no dictionary
    holds (not a noun in construct: صحة | هذه الاتهامات, المتحدث باسم | تلك الوحدات)."""
    return (word.startswith("ال") or word.endswith(("ي", "يه", "يون", "يين"))
            or (names.is_name_word(lex, word) and dictionary.entry(word) is None and not _common_noun(lex, word)))


def _phrase_word(lex: Lexicons, word: str) -> tuple[bool, bool]:
    """Return what noun_phrase asks of every word whatever the word before it, worked out once per word: whether it
    may open an object after a definite phrase (_definite_common_noun) and whether it is a verb that ends the
    subject."""
    return (_definite_common_noun(lex, word),
            dictionary.verb_only(word) and not _common_noun(lex, word) and word not in names.given_name_set(lex))


def _definite_common_noun(lex: Lexicons, word: str) -> bool:
    """Return whether a word is a definite common noun, no title, place, adjective or number (الأمريكية، الدول
    السبعة: an adjective or a number describes the noun before it)."""
    return (word.startswith("ال") and word not in lex.title_entries and word not in lex.title_words
            and word not in lex.places and _common_noun(lex, word[2:])
            and not word.endswith(("ي", "يه", "يين", "يون")) and word[2:] not in lex.w.number)


def _after_definite(lex: Lexicons, prev: str, i: int, j: int) -> bool:
    """Return whether a definite common noun toks[j] opens a new phrase after prev, the word before it in a phrase
    opened at i: after a place (تركيا | الحكومة، موسكو | الدول) or after the definite noun that closes a construct (حزب
    العمال | الحكومة، وزيرة العدل | الدعوات). After a title a definite noun is a family name (الرئيس الأسد)."""
    if prev in lex.places and j - 1 >= i:
        return True
    # حملت المؤسسة | الجهات: after a body's one definite word too (not after a title: الرئيس الأسد)
    return (j - 1 > i or institution(lex, prev)) and prev.startswith("ال") and prev not in lex.title_words and (
        prev not in lex.title_entries)


def _heads_construct(lex: Lexicons, word: str) -> bool:
    """Return whether a word (maybe after ل / ب) is an institution's head noun, which a place may complete
    (لجامعة نجران، وزارة الخارجية)."""
    heads = lex.institution_heads
    return word in heads or (word[:1] in "لب" and word[1:] in heads)


_QUOTES = frozenset('"«“')
_CLOSING = {'"': '"', "«": "»", "“": "”"}


def quoted_name(lex: Lexicons, toks: Tokens, j: int) -> int:
    """Return the position of the mark closing a short quoted name right after a medium's or body's head noun
    (صحيفة "ميرور"، موقع "لي مسلم بوست"), else -1."""
    prev = toks[j - 1].norm
    bare = prev[2:] if prev.startswith(("ال", "لل")) else prev
    if bare not in lex.w.media_noun and bare not in lex.w.body and bare not in lex.w.figures and not (
            bare[:1] == "ل" and (bare[1:] in lex.w.media_noun or bare[1:] in lex.w.body)) and not (  # بحث لمؤسسة "…"
            prev in lex.title_words and j + 1 < len(toks) and (
                (inner := toks[j + 1].norm[2:] if toks[j + 1].norm.startswith("ال") else toks[j + 1].norm)
                in lex.w.body or inner in lex.w.media_noun)):  # رئيسة «جمعية صرخة المودعين»: the body she heads
        return -1
    closing = _CLOSING[toks[j].norm]
    return next((k for k in range(j + 2, min(len(toks), j + 6)) if toks[k].norm == closing), -1)


def lam_phrase(lex: Lexicons, toks: Tokens, j: int) -> int:
    """Return the end of the phrase a ل-word at toks[j] opens (لصحيفة "ماركا" الإسبانية، لصحيفة التايمز): the
    noun after ل with its name, quoted or not, and the adjectives that close it."""
    k = j + 1
    if k < len(toks) and toks[k].norm in _QUOTES and (close := quoted_name(lex, toks, k)) > 0:
        k = close + 1
        while k < len(toks) and closes(lex, toks[k].norm):
            k += 1
        return k
    return max(k, noun_phrase(lex, toks, k))


def has_name(lex: Lexicons, toks: Tokens, a: int, b: int) -> bool:
    """Return whether toks[a:b] holds a personal name."""
    return bool(names.split(lex, map(NORM, toks[a:b])).name)


def trailing_name(lex: Lexicons, toks: Tokens, a: int, b: int) -> int:
    """Return where a person's name starts inside toks[a:b] when it ends the span, else -1."""
    mention = names.split(lex, map(NORM, toks[a:b]))
    if (len(mention.name) > 1 and mention.name_at > 0 and not set(mention.name) & lex.places
            and not any(t.possessed for t in toks[a:b])):
        return a + mention.name_at
    return -1


def _trailing_person(lex: Lexicons, toks: Tokens, a: int, b: int) -> int:
    """Return trailing_name, or -1 when the name would open with a thing the dictionary knows (مصدر في الخارجية
    السورية | نقل العناصر: the object, no name)."""
    start = trailing_name(lex, toks, a, b)
    return -1 if start > 0 and _common_noun(lex, toks[start].norm) else start


def closing_bracket(toks: Tokens, k: int) -> int:
    """Return where a short aside in brackets that opens at toks[k] closes (one to three words: (ساما)، (للتراث
    والترفيه)), or -1 when none does."""
    if not (0 <= k < len(toks) - 2 and toks[k].norm == "("):
        return -1
    return next((c for c in range(k + 2, min(len(toks), k + 5)) if toks[c].norm == ")"), -1)


def bracketed_name(lex: Lexicons, toks: Tokens, k: int) -> tuple[int, int] | None:
    """Return the span of a name right after a short aside in brackets at k ((للتراث والترفيه) صالح بن حمد
    القحطاني), else None."""
    if k >= len(toks) - 3 or (close := closing_bracket(toks, k)) < 0:
        return None
    end = noun_phrase(lex, toks, close + 1)
    if end - close - 1 < 2 or len(names.split(lex, map(NORM, toks[close + 1 : end])).name) != end - close - 1:
        return None
    return close + 1, end


def through_phrase(lex: Lexicons, toks: Tokens, a: int, k: int) -> int:
    """Return k moved over a short phrase that completes a bare title: up to a comma (مستشار السياسة
    الخارجية في الكرملين،) or up to the name it ends with (نائب الممثل في العراق جورجي بوستن)."""
    if a < k < len(toks) - 3 and (close := closing_bracket(toks, k)) > 0 and (
            moved := through_phrase(lex, toks, a, close + 1)) > close + 1:
        return moved  # مسؤول (بارع) في الأحساء فلان: an aside in brackets, then the title's complement and name
    if a < k < len(toks) and toks[a].norm in lex.roles and (named := bracketed_name(lex, toks, k)):
        return named[1]  # رئيس مهرجان القطيف (واحتنا فرحانة) رائد أبو عزيز: the festival's name in brackets, then his
    if (a < k < len(toks) - 2 and toks[k + 1].norm in COMMAS and _completes_with_ba(lex, toks[k].norm)
            and not has_name(lex, toks, a, k)):
        return k + 1  # الناطق باسم المحكمة الابتدائية بتونس،، المتحدث بالوزارة،: where he serves, up to the comma
    to = a < k < len(toks) and toks[k].norm == "الي" and toks[a].norm in lex.roles  # المبعوث إلى اليمن فلان
    if a < k < len(toks) and (toks[k].norm in lex.w.phrase_preposition or to) and not has_name(lex, toks, a, k):
        m = noun_phrase(lex, toks, k + 1)
        head = toks[a].norm
        holder = head in lex.roles or (head[2:] if head.startswith("ال") else head) in lex.w.person_noun
        if holder and (cut := next((p for p in range(k + 3, m) if toks[p].norm.startswith(("بال", "لل"))), m)) < m and (
                _trailing_person(lex, toks, k + 1, cut) > k + 1):
            return cut  # ممثلة المنظمة في مصر الدكتورة فلانة | بالمبادرة: her name, then what the verb governs
        if not to and m > k + 1 and (m - k <= 5 or (holder and m - k <= 9)) and m < len(toks) and (
                toks[m].norm in COMMAS):
            return m  # الباحثة في المعهد الوطني لأبحاث السكان والضمان الاجتماعي،: where the holder serves, in full
        if holder and m > k + 2 and m - k <= 9 and _trailing_person(lex, toks, k + 1, m) > k + 1:
            return m  # نائب الممثل في العراق جورجي بوستن، الباحث في معهد واشنطن لسياسات الشرق الأدنى ديفيد شينكر
        cut = next((p for p in range(k + 3, m) if toks[p].norm[:1] in "بل" and len(toks[p].norm) > 3), m)
        if holder and k + 2 < cut < m and cut - k <= 9 and _trailing_person(lex, toks, k + 1, cut) > k + 1:
            return cut  # عضو المجلس عن محافظة حمص ميساء العلي | بتوزيع: the name, then what the verb governs
        if holder and m - k <= 5 and m < len(toks) and toks[m].norm in lex.w.phrase_preposition and (
                (n := noun_phrase(lex, toks, m + 1)) - m <= 6 and (_trailing_person(lex, toks, a, n) > m + 1 or (
                    n > m + 1 and n - k <= 9 and n < len(toks) and toks[n].norm in COMMAS))):
            # المسؤول في حزب اليسار | في سوريا محمد جلال قاسم: where he serves, where that is, his name (or up to
            # the comma before it: النائبة عن الحزب الديمقراطي في مجلس النواب، فلانة،)
            return n
    if a < k < len(toks) - 2 and toks[a].norm in lex.roles and toks[k].norm.startswith("لل") and (
            toks[k + 1].norm in lex.honorifics):
        # وكيل الجامعة للتطوير الدكتور فلان الفلاني: the title's complement, then the named holder
        m = noun_phrase(lex, toks, k + 1, objects=True)
        if m - k <= 6 and trailing_name(lex, toks, k + 1, m) > k + 1:
            return m
    return k


def called_name(lex: Lexicons, toks: Tokens, end: int) -> tuple[int, int] | None:
    """Return the span of the name a phrase ending at toks[end] goes by (رجل يدعى سامي الحداد), maybe after where he
    is (صاحبة مطعم في حيفا تدعى فلانة), or None."""
    k = end
    if k + 1 < len(toks) and toks[k].norm in lex.w.phrase_preposition and (
            k + 1 < (place := noun_phrase(lex, toks, k + 1)) <= k + 4):
        k = place
    if k + 1 < len(toks) and toks[k].norm in lex.w.called and has_name(
            lex, toks, k + 1, called := noun_phrase(lex, toks, k + 1)):
        return k + 1, called
    return None


def closers(lex: Lexicons) -> frozenset[str]:
    """Return the tokens that may close an apposition: a comma, a colon or a that-clause."""
    return lex.derived("closers", lambda lex: frozenset({"،", ",", ":"}) | lex.w.that)


def next_closer(lex: Lexicons, toks: Tokens, k: int) -> int:
    """Return the position of the first closer (a comma, a colon or a that-clause) from toks[k], or len(toks)."""
    ends = closers(lex)
    return next((m for m in range(k, len(toks)) if toks[m].norm in ends), len(toks))


def apposition(lex: Lexicons, toks: Tokens, j: int) -> tuple[int, int]:
    """Return the span of a noun phrase set off by commas right after position j (j, j when none)."""
    if j + 1 < len(toks) and toks[j].norm in COMMAS:
        start = j + 1
        head = toks[start].norm
        if toks[start].possessed or (head.startswith("و") and (head.startswith("وال") or (
                head.endswith(("ه", "ها")) and not toks[start].feminine))):
            # شكره، وزوجته: what follows the comma belongs to the sentence, not to the name (، وزيرة الثقافة،: a
            # title whose و is its own, written with ة, no pronoun)
            return j, j
        if head in lex.w.headed_by:
            return j, j  # لجنة التحكيم، برئاسة الناقدة فلانة،: who heads it, not its name
        if head[:1] == "ب" and len(head) > 3 and head not in names.given_name_set(lex) and (
                dictionary.entry(head[1:]) is not None) and dictionary.entry(head) is None:
            return j, j  # أدانت مصر، بأشد العبارات،: how, not who (بشير، بدر: names)
        if (dictionary.verb_only(head) and head not in names.given_name_set(lex)) or (  # ، مدحت العربي،: a name
                head in lex.w.preposition and head != "علي") or (head[2:] if head.startswith("ال") else head) in (
                lex.w.time_noun) or ("ب" + head) in lex.w.approximately or head in lex.w.number or head.isdigit():
            # دعت البعثة، مساء الإثنين،: when, not who; بحسب تقديرات رسمية، نحو مليون لاجئ،: how many
            # متحدث باسم الخارجية، رافق تيلرسون في رحلته،: a clause that describes him; كارن بيرس، عن أن: the
            # complement, no name
            return j, j
        ends = closers(lex)
        if head == "علي" and (k := noun_phrase(lex, toks, start + 1)) > start + 1 and k < len(toks) and (
                toks[k].norm in ends and names.anchored(lex, [t.norm for t in toks[start + 1 : k]])):
            return start, k  # ، على أكبر صالحي،: the given name علي written with ى, not the preposition
        k = through_phrase(lex, toks, start, noun_phrase(lex, toks, start))
        given = names.given_name_set(lex)
        first = start if head in given or (_after_foreign_name(lex, head) and head not in lex.places and len(
            head) > 2 and not stop_words(lex)[head]) else k - 1 if k - 1 > start and toks[k - 1].norm in given else -1
        if k < len(toks) and toks[k].norm not in ends and first >= 0 and (close := next(
                (c for c in range(k + 1, min(len(toks), first + 4)) if toks[c].norm in COMMAS), -1)) > 0 and all(
                names.is_name_word(lex, t.norm) for t in toks[first + 1 : close]):
            k = close  # ، ستيفن هارت،، جي-يون بارك،، البروفيسور ستيفن لارسن،: a given name (or a foreign one) and
            # the foreign family name after it (spelled like a verb or a preposition and a word)
        if k < len(toks) and toks[k].norm in lex.w.phrase_preposition:
            k2 = noun_phrase(lex, toks, k + 1)
            k = k2 if k2 - k <= 6 and k2 < len(toks) and toks[k2].norm in ends else k
        if any(t.norm in RESUMPTIVE for t in toks[start:k]):
            return j, j  # في بيان، تلقت الصحيفة نسخة منه،: a clause about the statement, no one's name
        if k == start + 1 and head[:1] == "ل" and head not in names.given_name_set(lex) and head not in lex.places:
            return j, j  # مصدر بالهيئة، لمصراوي، إن: the outlet he told, set off by commas, no name
        if k > start and (k >= len(toks) or toks[k].norm in ends):
            if k < len(toks) and toks[k].norm in COMMAS and not has_name(lex, toks, start, k) and (
                    (second := apposition(lex, toks, k))[1] > second[0]) and has_name(lex, toks, *second):
                return second  # وزير الدولة، وزير الشؤون الخارجية، أحمد عطاف،: a second title, then his name
            return start, k
        if k > start and k < len(toks) and toks[k].norm in lex.w.who and has_name(lex, toks, start, k):
            return start, k  # والد ساندرز، مايك هاكابي الذي كان حاكما …، إن: a name its relative clause describes
    return j, j
