"""Can this noun phrase speak? What kind of source it names — a person, a body, a state, a medium, an unnamed
source — and, for a person, the gender the words themselves show.

A phrase speaks when its head (its first word, و/ف and other proclitics set apart) is a title, a human noun, a
body, a medium, a place of the gazetteer, a given name, or a word no dictionary knows (most names: ترامب،
غوتيريش). A head the dictionary knows as a common noun (أهمية، الانتباه، تغريدة، سياسة), a word with a possessive
pronoun (حرصه، رفضه) or a pronoun cannot speak: after a cue such a phrase is the verb's object, and the subject is
implicit. The lexicons of data/ are asked before the dictionary, which tags bodies (الحكومة) as verbal nouns.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import NamedTuple

from qawl import dictionary, mentions, names
from qawl.arabic import strip_proclitics, without_article
from qawl.lexicons import Lexicons

PERSON, ORGANIZATION, COUNTRY, MEDIA, UNNAMED = "person", "organization", "country", "media", "unnamed"
KINDS = (PERSON, ORGANIZATION, COUNTRY, MEDIA, UNNAMED)
BODIES = frozenset({ORGANIZATION, COUNTRY, MEDIA})  # the kinds that speak as an institution
_GAZETTEER_KINDS = {"country": COUNTRY, "place": COUNTRY, "organization": ORGANIZATION, "media": MEDIA}
_PRONOUN_ENDINGS = ("ه", "ها", "هم", "هما", "هن", "كم", "نا")


class Source(NamedTuple):
    """What a speaker phrase names: its kind ("" when it cannot speak) and, for a person, a gender (m/f/"")."""

    kind: str
    gender: str = ""


def _in_lexicons(lex: Lexicons, word: str) -> bool:
    bare = without_article(word)
    return (word in lex.title_words or bare in lex.title_words or word in lex.institution_heads
            or bare in lex.institution_heads or word in lex.places or word in names.given_genders(lex)
            or bool(mentions.gazetteer_index(lex).get(word)) or word in lex.derived("small_words", _small_words))


def _small_words(lex: Lexicons) -> frozenset[str]:
    """Return the particles, prepositions, pronouns and quantifiers of the grammar lexicon (حتى، منذ، خلال; not علي
    and امام, spelled as the name علي and the title إمام)."""
    prepositions = lex.words("preposition") - {"علي", "امام"}
    return frozenset().union(prepositions, *(lex.words(c) for c in (
        "function_word", "phrase_end", "that", "personal_pronoun", "relative", "quantifier", "phrase_preposition")))


def known(lex: Lexicons, word: str) -> bool:
    """Return whether a normalized word is one the lexicons or the dictionary know (its clitics taken off)."""
    return _in_lexicons(lex, word) or dictionary.entry(without_article(word)) is not None


def stem(lex: Lexicons, word: str) -> str:
    """Return a normalized word without its proclitics (وللحكومة → الحكومة), when what is left is a known word."""
    if word.isdigit():
        return word  # a number (most are seen once) has no clitic: not learned by the memo
    return lex.memo("source_stem", _stem)[word]


def _stem(lex: Lexicons, word: str) -> str:
    """Return a word without its proclitics (stem), unless they would leave a name's letters as a rare noun."""
    head, rest = strip_proclitics(word, lambda x: known(lex, x))
    if head in ("ب", "ك", "ل") and not rest.startswith("ال") and not _in_lexicons(lex, rest) and names.is_name_word(
            lex, word):
        return word  # بوتين: a name, not ب + a rare noun (وتين); بحكومة: ب + a body of the lexicons
    return rest


def _feminine_title(lex: Lexicons, word: str) -> bool:
    """Return whether a title is the feminine of a role (الوزيرة، رئيسة، المتحدثة), not of a qualifier (العامة)."""
    bare = without_article(word)
    return bare.endswith("ه") and (bare[:-1] in lex.roles or "ال" + bare[:-1] in lex.roles)


def _feminine_head(lex: Lexicons, words: list[str]) -> bool:
    """Return whether the first role or human noun of a phrase, honorifics passed over, is feminine (معالي الوزيرة،
    فلانة المندوبة، المحامية): a feminine word further on is a body's or someone else's (مدير الشؤون الصحية، رئيس
    مؤسسة الأميرة، محامي الممثلة)."""
    for word in words:
        word = stem(lex, word)
        if _feminine_title(lex, word):
            return True
        bare = without_article(word)
        if bare in lex.w.person_noun:
            # المحامية، والدة الضحية: the feminine of a human noun; محامي الممثلة: the actress's lawyer, a man as far
            # as the phrase tells
            return bare.endswith("ه") and bare[:-1] in lex.w.person_noun
        if word in lex.roles and word not in lex.honorifics:
            return False
    return False


def _plural(word: str) -> bool:
    bare = without_article(word)
    if bare.endswith(("ون", "ين")) and len(bare) > 4:
        return True
    entry = dictionary.entry(bare)
    return entry is not None and entry.plural


_SUFFIXES = ("هما", "هم", "هن", "ها", "ه")


def possessor_kind(lex: Lexicons, word: str) -> str:
    """Return the kind of a possessed noun (شقيقه → person, أصحابها → unnamed), "" for a thing (حرصه)."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 2:
            base = word[: -len(suffix)]
            for form in (base, base[:-1] + "ه" if base.endswith("ت") else base):
                if form in lex.w.person_noun or form in lex.title_words:
                    return PERSON
                if form in lex.w.collective_source or _human_plural(lex, form) or _doers(lex, form):
                    return UNNAMED
    return ""


def _doers(lex: Lexicons, base: str) -> bool:
    """Return whether a possessed noun without its pronoun names several people: a plural participle (حراسه،
    أصدقائه) or the construct of a sound plural of a title or a doer (مساعديه، موظفيها; معارضوها in the
    nominative)."""
    base = base[:-1] + "ء" if base.endswith("ئ") else base  # أصدقائه: the hamza on its seat before the pronoun
    if dictionary.participle(base, plural=True):
        return True
    one = base[:-1]
    if not base.endswith(("ي", "و")) or len(one) < 3:
        return False
    return one in lex.title_words or one in lex.w.person_noun or dictionary.participle(one, plural=False)


def _human_plural(lex: Lexicons, word: str) -> bool:
    """Return whether a broken plural is that of a human noun of the lexicon (أصحاب → صاحب)."""
    return word in lex.derived("human_plurals", _human_plurals)


def _human_plurals(lex: Lexicons) -> frozenset[str]:
    singular = lex.w.person_noun | lex.roles
    return frozenset(dictionary.plurals_of(singular))


def several(lex: Lexicons, word: str) -> bool:
    """Return whether a head word names several sources or a collective one (عقاريون، مصادر، خبراء، شهود، تقارير),
    not one person."""
    return _plural(word) or _human_plural(lex, without_article(word)) or unnamed_head(lex, word)


def unnamed_head(lex: Lexicons, word: str) -> bool:
    """Return whether a word heads an unnamed source of the lexicon: reports, estimates, sources, witnesses
    (تقارير، تقديرات، مصادر، شهود)."""
    stemmed = stem(lex, word)
    bare = without_article(stemmed)
    return (bare in lex.w.collective_source or bare in lex.w.report_noun or bare in lex.w.data_noun
            or word in lex.w.collective_source or _documents(lex, stemmed))


def _documents(lex: Lexicons, word: str) -> bool:
    """Return whether a word is the indefinite plural of a document of the lexicon (رسائل، مذكرات، تغريدات، أبحاث):
    several texts, whoever wrote them, an unnamed source (كشفت رسائل مسربة أن). The definite plural is the texts the
    article is about (وطلبت المذكرات من قبل: the verb's passive subject)."""
    return word == without_article(word) and word in lex.derived("document_plurals", _document_plurals)


def _document_plurals(lex: Lexicons) -> frozenset[str]:
    """Return the plurals of the documents of the lexicon; plurals a verb spells (كتب، نشر) are left out."""
    singular = {without_article(w) for w in lex.w.document}
    sound = {w[:-1] + "ات" for w in singular if w.endswith("ه")}
    return frozenset(w for w in sound | set(dictionary.plurals_of(frozenset(singular))) if w not in dictionary.verbs())


def _body_plurals(lex: Lexicons) -> frozenset[str]:
    """Return the plurals of the bodies of the lexicon: sound feminine (وكالات، مطارات) and the dictionary's broken
    ones. A body named by an action (الادعاء: the prosecution) has none: ادعاءات are allegations."""
    body = lex.w.body
    actions = {b for b in body if (entry := dictionary.entry(b)) is not None and entry.kind == dictionary.VERBAL_NOUN}
    sound = {b[:-1] + "ات" if b.endswith("ه") else b + "ات" for b in body if b.endswith("ه") or b not in actions}
    return frozenset(sound | set(dictionary.plurals_of(body)))


def bodies(lex: Lexicons, word: str) -> bool:
    """Return whether an indefinite word is the plural of a body of the lexicon (منظمات، مؤسسات): several bodies,
    none named."""
    return word == without_article(word) and word in lex.derived("body_plurals", _body_plurals)


def head_kind(lex: Lexicons, word: str, *, named: bool = False) -> str:
    """Return the kind of source a phrase whose first word is `word` names, or "" when it cannot speak.

    named: the phrase holds a person's name (الرئيس الصيني شي جين بينغ).
    """
    word = stem(lex, word) if word else word
    if not word or word in lex.derived("small_words", _small_words) or without_article(word) in lex.w.time_noun or (
            without_article(word) in lex.w.place_noun):
        return ""  # particles, times (أوائل شهر فبراير، يوم الأحد) and parts of a place (جنوب غرب البصرة): no source
    bare = without_article(word)
    if (word in lex.w.collective_source or bare in lex.w.collective_source
            or bare in lex.w.report_noun or bare in lex.w.anonymous or bare in lex.w.figures or _documents(lex, word)):
        return UNNAMED  # المصدر: a source is unnamed however often the article has named it so
    if named and (bare in lex.w.person_noun or word in lex.w.person_noun):
        return PERSON  # مراسل بي بي سي فيناياك غايكواد: a named correspondent is a person, unnamed his outlet speaks
    if bare in lex.w.media_noun or word in lex.w.media_noun:
        return MEDIA
    if bare in lex.w.body or word in lex.w.body or _dual_body(lex, bare):
        return ORGANIZATION  # وزارتا الخارجية والدفاع، شركتان: two bodies
    if bodies(lex, word):
        return UNNAMED  # وكالات، منظمات: several bodies, none named (الحكومات after a verb is mostly its object)
    if word in lex.w.group_noun or bare in lex.w.group_noun:
        return UNNAMED  # الأكراد، الأتراك: a people
    if _dual_unnamed(lex, word):
        return UNNAMED  # مسؤولان، مصدران، دبلوماسيان: two sources, neither named
    if bare in lex.w.state_noun and not named:
        return COUNTRY  # وكانت الدولة قد أعلنت: the state (a word of وزير الدولة, not a title of its own)
    if (word in lex.title_words or bare in lex.title_words or bare in lex.w.person_noun
            or word in lex.w.person_noun):
        # An indefinite title with no name is an unnamed source (مسؤول كبير، مصدر أمني، متحدث باسم الوزارة).
        return PERSON if named or word.startswith("ال") else UNNAMED
    if word in lex.places or bare in lex.w.state_noun or word in lex.w.state_noun:
        return COUNTRY  # فرنسا; الدول الثلاث، البلدان: states
    if word in names.given_genders(lex):
        return PERSON
    if _human_plural(lex, bare) or names.construct_plural(bare):
        return UNNAMED  # أعضاء، وزراء، مسؤولو الأمم المتحدة: several people, not named
    if bare.endswith(("يون", "يين")) and len(bare) > 5:
        return UNNAMED  # الإسرائيليون، الفلسطينيين: a people, named by its adjective
    entry = dictionary.entry(bare)
    if entry is None and names.sound_plural(lex, bare):
        return UNNAMED  # المستثمرون، مزارعون: several doers, not named
    if entry is None and _action_shaped(bare) and bare not in names.given_genders(lex):
        return ""  # إيقاف، تثبيت، انسحاب: a verbal noun the dictionary lacks, by its pattern, no name
    if entry is None:
        return PERSON  # no dictionary holds most names (ترامب، غوتيريش، صالحي)
    if entry.kind == dictionary.VERBAL_NOUN or (entry.kind == dictionary.RELATIVE and bare.endswith("يه")
                                                 and not _plural(word) and not (named and word.startswith("ال"))):
        return ""  # الانتباه، تحقيق، أهمية: an action or a quality, the verb's object (الروائية فلانة: a woman)
    if entry.kind == dictionary.RELATIVE:
        return UNNAMED if _plural(word) else PERSON  # روحاني، صالحي are family names; الإيرانيون a people
    if named:
        return PERSON
    if entry.kind == dictionary.PARTICIPLE:
        if _plural(word):
            return UNNAMED  # المستثمرون، مزارعون: several doers, not named
        if word.startswith("ال"):
            return "" if bare.endswith("ه") else PERSON  # المحامي a doer the article knows; المسودة a thing
        return UNNAMED  # محام، مواطن آخر: some doer, not named
    return ""  # دفع، أسماء، المواعيد: a thing (الحكومة is a body of the lexicon; الصدر speaks where أن follows)


def _action_shaped(word: str) -> bool:
    """Return whether a normalized word has the shape of the verbal noun of a derived verb: تفعيل (تثبيت)، إفعال
    (إيقاف)، افتعال (اعتقال)، انفعال (انسحاب)، استفعال (استئناف)."""
    n = len(word)
    return ((n == 5 and word[0] == "ت" and word[3] == "ي") or (n == 5 and word[0] == "ا" and word[3] == "ا")
            or (n == 6 and word[0] == "ا" and word[2] == "ت" and word[4] == "ا")
            or (n == 6 and word.startswith("ان") and word[4] == "ا")
            or (n == 7 and word.startswith("است") and word[5] == "ا"))


def _annexed(lex: Lexicons, words: list[str]) -> bool:
    """Return whether a head noun is made definite by the noun after it (رئيس منظمة الطاقة الذرية، ولي العهد، شيوخ
    محافظة صعدة): a chain of nouns that ends in a definite noun or a proper name. An adjective after it (مسؤول
    كبير، مصدر أمني) leaves the head indefinite."""
    heads = lex.institution_heads | lex.title_words
    governed = False  # the word before is a kind of place (محافظة، مدينة), whose name follows
    for word in words[1:4]:
        w = stem(lex, word)
        if w != word and word[:1] in "بل" and not word.startswith("لل"):
            return False  # مسؤول بالشرطة، مسؤول بوزارة الحج: at a body (a preposition), not its head
        if _verb_with_object(word):
            return False  # مواطنة التقتها «الجريدة»: a clause that describes the head, which stays indefinite
        if w.startswith("ال") or w in lex.places:
            return True
        if w in lex.derived("small_words", _small_words) or w == "باسم":
            return False  # مسؤول في منظمة …، متحدث باسم الوزارة: someone at a body, not its head
        if w in heads or w in lex.w.place_head:
            governed = w in lex.w.place_head  # محافظة، مدينة: the name of a place follows
            continue  # the chain goes on: رئيس منظمة …
        if (w.endswith("ي") and len(w) > 3) or _adjective_shaped(w):
            return False  # a relative adjective the dictionary lacks: مصدر أمني، وزراء إسرائيليون
        entry = dictionary.entry(w)
        if entry is None or governed:
            return True  # a proper name closes the chain: شيوخ محافظة صعدة (a place's name, whatever a dictionary says)
        if entry.kind not in (dictionary.NOUN, dictionary.VERBAL_NOUN):
            return False  # an adjective: مسؤول كبير، مصدر أمني
    return False


def _place_named(lex: Lexicons, word: str) -> bool:
    """Return whether the word after a kind of place (محافظة، ولاية) names it: a place of the gazetteer, a part of one
    (جنوب سيناء) or a word no dictionary holds (الإسكندرية); not a common noun (محافظة مهرجان، محافظة البنك: the woman
    who heads a festival, a bank)."""
    bare = without_article(word)
    return word in lex.places or bare in lex.w.place_noun or dictionary.entry(bare) is None


def _verb_with_object(word: str) -> bool:
    """Return whether a word that begins with ال is a verb with an object pronoun (التقتها، التزمها): no definite noun
    ends in a pronoun, and no noun of the dictionary is spelled so."""
    return (len(word) >= 6 and word.startswith("ال") and word.endswith(("ها", "هما"))
            and dictionary.entry(word[2:]) is None)


def _adjective_shaped(word: str) -> bool:
    """Return whether a word ends like a relative adjective (إعلامية، تقريبية، حصري): unknown to the dictionary, it
    still describes a noun rather than names a person."""
    return word.endswith(("يه", "يين", "يون")) or (word.endswith("ي") and word.startswith("ال"))


def _no_name(lex: Lexicons, word: str, given: dict[str, str]) -> bool:
    """Return whether a word shows that a phrase names no one: a word of indefiniteness or number (آخر، عديدة) or
    the sound plural of a word the dictionary knows (نازحون، سوريون: several doers, a people), or the dual of an
    unnamed source (مسؤولان، مصدران)."""
    if word in given:
        return False
    bare = without_article(word)
    counted = bare[:-1] if bare.endswith("ه") else bare
    if bare in lex.w.anonymous or counted in lex.w.quantifier or _dual_unnamed(lex, word):
        return True
    return names.sound_plural(lex, bare)


def _opens_no_name(lex: Lexicons, word: str, given: Collection[str]) -> bool:
    """Return whether a phrase's first word is one no personal name starts with: an action (استمرار، استطلاع) or a
    collective source (تقارير، مصادر)."""
    if word in given:
        return False
    bare = without_article(stem(lex, word))
    entry = dictionary.entry(bare)
    # a short verbal noun may be a given name (عمران، رود); a derived one is an action (استمرار، استطلاع)
    return (entry is not None and entry.kind == dictionary.VERBAL_NOUN and len(bare) >= 6) or unnamed_head(
        lex, word) or _dual_body(lex, bare)


def _national(lex: Lexicons, word: str) -> bool:
    """Return whether a normalized word is a country or its adjective (العراق، البريطانية، الروسي، المصرية)."""
    if word in lex.places:
        return True
    adjective = without_article(word).removesuffix("ه")
    if not adjective.endswith("ي") or len(adjective) < 4:
        return False
    base = adjective[:-1]
    return any(place in lex.places for place in (base, base + "ا", base + "يا", "ال" + base))


def _body_not_medium(lex: Lexicons, words: list[str]) -> bool:
    """Return whether a head that names media or bodies alike (وكالة، شبكة، موقع) is a body: a common noun completes
    it that is not the news (وكالة الفضاء، وكالة الطاقة الذرية; وكالة الأنباء، وكالة رويترز are media)."""
    if len(words) < 2 or without_article(stem(lex, words[0])) not in lex.w.media_or_body or not (
            lex.w.news_adjective.isdisjoint(words) and lex.w.news_word.isdisjoint(words[1:4])):
        return False  # بوابة الوسط الإخبارية، الوكالة السورية للأنباء: the news, whatever completes the name
    after = words[1]
    if any(w[:1] == "ل" and len(w) > 3 and _not_news(lex, "ال" + w[2:] if w.startswith("لل") else w[1:], True)
           for w in words[2:4]):
        # وكالة فيتش للتصنيفات الائتمانية، الوكالة الأوروبية لحرس الحدود: what the agency does (للأنباء: the news)
        return True
    # وكالة سفر، شبكة طرق: an indefinite noun completes a body's name too
    completes = after.startswith("ال") or not words[0].startswith("ال")
    return completes and _not_news(lex, after) and after not in lex.places


def _not_news(lex: Lexicons, word: str, after_lam: bool = False) -> bool:
    """Return whether a word completing an agency's name is a noun, not the news (الفضاء، سفر; not الأنباء) nor an
    adjective (الرسمية); after لـ, what the agency is for (لحرس الحدود) may be a participle too."""
    entry = dictionary.entry(without_article(word))
    kinds = (dictionary.NOUN, dictionary.VERBAL_NOUN, dictionary.PARTICIPLE) if after_lam else (
        dictionary.NOUN, dictionary.VERBAL_NOUN)
    return (entry is not None and entry.kind in kinds
            and word not in lex.w.news_word and ("ال" + word) not in lex.w.news_word)


def _dual_unnamed(lex: Lexicons, word: str) -> bool:
    """Return whether an indefinite word is the dual of an unnamed source (مسؤولان، مصدرين): two of them, neither
    named. A name ending so (عثمان، سلمان) is no dual of a source."""
    if word.startswith("ال") or len(word) < 5 or not word.endswith(("ان", "ين")) or word in names.given_genders(lex):
        return False  # شاهدا عيان is left out: a dual verb ends so too (سافرا)
    single = word[:-2]
    if single in lex.w.collective_source or head_kind(lex, single) != UNNAMED:
        return False
    # عابدين، كاثرين: the oblique ending closes names too, so only a title or source word takes it as a dual
    return word.endswith("ان") or single in lex.title_words or single in lex.w.person_noun or single in lex.w.anonymous


def _dual_body(lex: Lexicons, bare: str) -> bool:
    """Return whether a word without the article is the dual of a body (وزارتا، شركتان، هيئتين)."""
    return any(bare.endswith(dual) and bare[: -len(dual)] + "ه" in lex.w.body for dual in ("تان", "تين", "تا"))


PARENT = frozenset({"ام", "اب"})
_SOME_WHERE = frozenset({"من", "في", "لدي"})  # where an unnamed source is from or serves


def classify(lex: Lexicons, words: list[str], cue_gender: str = "", *, possessed: bool = False) -> Source:
    """Return the Source of a speaker phrase given as normalized words (cue_gender: of the verb it agrees with;
    possessed: its first word, as written, ends in a possessive pronoun)."""
    # Sources come back sentence after sentence and article after article: each phrase is classified once.
    return lex.memo("classify", lambda lex, key: _classify(lex, list(key[0]), key[1], possessed=key[2]),
                    bound=1 << 15)[tuple(words), cue_gender, possessed]


def _classify(lex: Lexicons, words: list[str], cue_gender: str = "", *, possessed: bool = False) -> Source:
    if not words:
        return Source("")
    first = words[0]
    small = lex.derived("small_words", _small_words)
    if first[:1] in "وف" and len(first) > 2 and first not in lex.title_words and (
            first[1:] in small or (not known(lex, first) and known(lex, first[1:]))):  # والي: a governor, not و + إلى
        words = [first[1:], *words[1:]]
    if len(words) == 1 and any(words[0].endswith(s) and words[0][: -len(s)] in lex.w.quantifier
                               for s in ("هما", "هم", "هن")):
        return Source(UNNAMED)  # بعضهم، أحدهم: some of the people just named, none by name
    if len(words) > 1 and words[0] in PARENT and words[1][:1] == "ل" and not words[1].startswith("لل"):
        return Source(UNNAMED)  # أم لطفلين، أب لثلاثة أبناء: a parent the article does not name (أم خالد: a name)
    if len(words) == 2 and words[0] in lex.w.son_of and words[1] not in lex.title_words:
        return Source(PERSON, cue_gender)  # وأكدت بن يمينة، وقال ابن كيران: a family name
    if possessed:
        kind = possessor_kind(lex, words[0])  # حرصه، رفضه: no name; شقيقه، أصحابها: a relative, people
        return Source(kind, gender(lex, words, cue_gender) if kind == PERSON else "")
    if words[0].endswith("ا") and len(words) > 2 and words[1] == "من" and words[0][:-1] in lex.w.quantifier:
        words = [words[0][:-1], *words[1:]]  # لكن عددا من الناشرين: the accusative of a quantifier
    if len(words) > 1 and without_article(words[0]) in lex.w.count_noun and words[1].startswith("ال"):
        return Source("")  # عدد اللاجئين السوريين: how many they are, not some of them (عدد كبير من الطلاب)
    if without_article(stem(lex, words[0])) in lex.w.quantifier or (words[0] in lex.w.number and len(words) > 1) or (
            _counted(lex, words)):
        # العديد من اللاعبين، أحد المصادر، ثلاث وكالات: the source is what the quantifier or number counts
        rest = words[2:] if len(words) > 2 and words[1] == "من" else words[1:]
        if len(rest) > 2 and rest[0] in lex.w.percent and rest[1] == "من":
            rest = rest[2:]  # 60 بالمئة من المستطلعين: a share of them
        elif len(rest) > 2 and rest[0] in lex.w.out_of and (rest[1] in lex.w.number or rest[1].isdigit()):
            rest = rest[2:]  # 8 من أصل 10 خبراء: some of a number of them
        if not rest and words[0].startswith("ال") and without_article(words[0]) in lex.w.alone_quantifier:
            return Source(UNNAMED)  # يرى البعض، قال الجميع: some or all, none named (العديد counts what follows)
        inner = classify(lex, rest, cue_gender) if rest else Source("")
        if not inner.kind and len(rest) == 1:
            inner = Source(possessor_kind(lex, rest[0]))  # أحد حراسه، بعض أقاربه: some of his people
        elif not inner.kind and len(rest) > 1 and rest[1] == "من":
            inner = classify(lex, rest[:1], cue_gender)  # 100 شخص من الروهينجا: people, from where they are
        return Source(UNNAMED) if inner.kind in (PERSON, UNNAMED) else inner
    if (len(words) > 1 and words[0] in dictionary.elatives() and words[1].startswith("ال")
            and words[0] not in names.given_genders(lex)):  # أشرف الحداد is a name
        return classify(lex, words[1:], cue_gender)  # أعلى المعايير، أبرز المسؤولين: what the superlative picks
    if without_article(words[0]) in lex.w.place_noun:
        return Source("")  # جنوب غرب البصرة: a part of a place, whatever follows
    if first.endswith("ا") and len(first) > 4 and (first[:-1] in lex.w.collective_source or (
            first[:-1] in lex.w.anonymous or first[:-1] in lex.title_words or first[:-1] in lex.w.person_noun)):
        # لكن أوساطا سياسية، لكن مستشارا لقائد القوات: the accusative of a collective source or of a title
        words = [first[:-1], *words[1:]]
    if words == ["السلطات"]:
        return Source(UNNAMED)  # وقالت السلطات إن: authorities of no state or place named, a collective source
    if len(words) > 1 and without_article(stem(lex, words[0])) in lex.w.state_voice and _national(lex, words[1]):
        # الحكومة البريطانية، حكومة العراق، السلطات الإيطالية: the state speaks (الحكومة المركزية is a body)
        return Source(COUNTRY)
    unquoted = [u for w in words[:8] if (u := w.strip('"«»“”'))]  # وكالة "موديز": a name in quotation marks
    found = mentions.find(unquoted, mentions.gazetteer_index(lex), starts=[0]) if unquoted else []
    given = names.given_genders(lex)
    if found and not (len(words) > 1 and words[0] in given and words[1] in given
                      and mentions.span_at(words, mentions.gazetteer_index(lex), 0) == 1):
        # آسيا عبدالله، صوفيا أحمد: a given name spelled as a place, before another name, is a woman's
        return Source(_GAZETTEER_KINDS.get(found[0][1], ORGANIZATION))
    if len(words) > 1 and words[0] in lex.w.place_head and _place_named(lex, words[1]):
        return Source(ORGANIZATION)  # وأعلنت محافظة جنوب سيناء، ولاية الخرطوم: the administration of the place
    mention = names.split(lex, words)
    # a name does not hold آخر or several doers (مراجع آخر، نازحون سوريون، مطارات عديدة)
    evidence = bool(mention.name) and not any(_no_name(lex, w, given) for w in mention.name)
    if evidence and mention.name_at == 0 and len(mention.name) > 1 and any(
            w in given or (dictionary.entry(without_article(w)) is None and not _adjective_shaped(w))
            for w in mention.name) and not _opens_no_name(lex, words[0], given):
        return Source(PERSON, gender(lex, words, cue_gender))  # رود روزنشتاين: a name, whatever a dictionary says
    head = without_article(stem(lex, words[0]))
    titled = ((head in lex.title_words or ("ال" + head) in lex.title_words) and head not in dictionary.elatives()
              ) or head in lex.w.person_noun  # الأعلى qualifies a title, أعلى المعايير heads none
    # A name after several doers is not theirs (نشطاء ومسعفون، مراسلات برازيليات): the head is plural.
    named = evidence and not (mention.name_at > 0 and _plural(stem(lex, words[0])))
    if named and mention.name_at > 0 and mentions.find(list(mention.name), mentions.gazetteer_index(lex), starts=[0]):
        named = False  # شاهد من رويترز: the name is an outlet's or a place's, not the witness's
    elif named and mention.name_at > 1 and not _SOME_WHERE.isdisjoint(words[1 : mention.name_at]) and head_kind(
            lex, words[0]) == UNNAMED:
        named = False  # شاهد عيان من سكان بيش، مصدر في نادي الزمالك: where an unnamed source is from, not his name
    if not named and (outlet := _outlet_of(lex, head, words)) is not None:
        return outlet  # شاهد من رويترز، مراسل الجزيرة في دمشق: an outlet's unnamed reporter, the outlet speaks
    if head in names.title_plurals(lex) and _annexed(lex, words):
        return Source(PERSON, "m")  # وزراء خارجية مجموعة السبع، شيوخ محافظة صعدة: the holders of offices it names
    if named and mention.name_at > 0 and words[0] in lex.honorifics and head_kind(lex, words[0]) != PERSON and (
            len(mention.name) > 1 or mention.name[0] in given):
        return Source(PERSON, gender(lex, words, cue_gender))  # الفريق محمد حمدان: a rank, not a team, before a name
    kind = head_kind(lex, words[0], named=named or (titled and _annexed(lex, words)))
    if kind == MEDIA and _body_not_medium(lex, words):
        return Source(ORGANIZATION)  # وكالة الفضاء الروسية، شبكة الإغاثة: an agency of the state, not of the news
    spoken_for = 1 if words[1:2] == ["باسم"] else 2 if words[2:3] == ["باسم"] else 0  # الناطق (الرسمي) باسم
    if kind == UNNAMED and titled and spoken_for and len(words) > spoken_for + 1 and not mention.name:
        body = classify(lex, words[spoken_for + 1 :]).kind
        if body in BODIES:
            # متحدث باسم الوزارة، ناطق رسمي باسم الوزارة: a spokesman without a name speaks for the ministry
            return Source(body)
    if kind == UNNAMED and len(words) > 1 and words[0] in lex.derived("body_plurals", _body_plurals) and (
            _genitive(words[1:])):
        return Source(ORGANIZATION)  # لجان مقاومة الفاشر، مصالح الأرصاد الجوية: the bodies of one named service
    if kind != PERSON:
        return Source(kind)
    return Source(PERSON, gender(lex, words, cue_gender))


def _outlet_of(lex: Lexicons, head: str, words: list[str]) -> Source | None:
    """Return the medium whose unnamed reporter or witness a phrase names (صحفي من رويترز، مراسل تلفزيون سوريا),
    else None: the news the outlet gathers is its own."""
    if len(words) < 2 or not (head in lex.w.reporter or head_kind(lex, words[0]) == UNNAMED):
        return None
    rest = words[2:] if words[1] in {"من", "في"} else words[1:]
    if not rest or (len(rest) == 1 and without_article(rest[0]) in lex.w.media_noun):
        return None  # مدير الوكالة: the agency the article spoke of, whichever it is
    return Source(MEDIA) if classify(lex, rest).kind == MEDIA else None


def _genitive(words: list[str]) -> bool:
    """Return whether words (normalized) open with a genitive that names what a plural of bodies belongs to: a
    definite noun (الأمن، الأهل) or an indefinite one in construct with a definite (مقاومة الفاشر); not an
    adjective (منظمات حقوقية: several bodies, none named)."""
    first = words[0]
    if _adjective_shaped(first) or first.endswith(("ي", "ين", "ون")):
        return False
    if first.startswith("ال"):
        return len(first) > 3
    return len(words) > 1 and words[1].startswith("ال") and dictionary.entry(first) is not None


def _counted(lex: Lexicons, words: list[str]) -> bool:
    """Return whether a phrase opening with a number in digits counts people or bodies (8 من أصل 10 خبراء، 60
    بالمئة من المستطلعين، 100 شخص): not a number before a name (2018 ترامب، a line's number)."""
    if not (words[0].isdigit() and len(words) > 1):
        return False
    return words[1] == "من" or words[1] in lex.w.percent or (
        dictionary.entry(words[1]) is not None and not names.split(lex, words[1:]).name)


def gender(lex: Lexicons, words: list[str], cue_gender: str = "") -> str:
    """Return the gender a person's phrase shows: a feminine title (الوزيرة), the verb's agreement (قالت), or a
    given name of the lexicon; "" when nothing tells."""
    given = names.given_genders(lex)
    if _feminine_head(lex, words):
        return "f"
    if cue_gender:
        return cue_gender  # the verb agrees with the person the writer means (قالت مراد: نادية مراد, whatever مراد is)
    mention = names.split(lex, words)
    before = words[mention.name_at - 1] if mention.name and mention.name_at > 0 else ""
    # الشيخ صباح الخالد، الشيخة فاطمة: the title right before a name agrees with it (سعادة، سماحة: any gender)
    titled = before in lex.roles and (not before.endswith("ه") or before[:-1] in lex.roles)
    if titled and before in lex.honorifics:
        return "f" if before.endswith("ه") else "m"  # الشيخ صباح: a man, whoever else is named صباح
    for word in mention.name[:1] if before not in lex.w.name_joiner else ():  # بن سالم: a family name
        if given.get(word) in ("m", "f"):  # the first name, not a family name or a title's word
            return given[word]  # عضو مجلس الإدارة رنا فلان: a woman whatever the title's gender
        if word.startswith("عبد") and len(mention.name) > 1:
            return "m"  # عبد الحكيم الترهوني، عبدالقوي: a servant of one of God's names is a man's given name
    if titled:
        return "f" if before.endswith("ه") else "m"
    head = stem(lex, words[0]) if words else ""
    bare = without_article(head)
    if bare in lex.w.person_noun and not bare.endswith("ه"):
        return "m"  # محامي الدفاع، الطبيب: a masculine human noun, as a masculine title tells
    return "m" if head in lex.title_words or bare in lex.title_words else ""


Agreement = frozenset[tuple[str, str]]
ANY_AGREEMENT: Agreement = frozenset({("m", "sg"), ("f", "sg"), ("m", "pl"), ("f", "pl"), ("m", "du"), ("f", "du")})


def agreement(lex: Lexicons, words: list[str], source: Source, cue_gender: str = "") -> Agreement:
    """Return the (gender, number) forms a verb takes when this source is its unwritten subject (وأضاف، وأضافت،
    وأضافوا): what a carried report's cue must agree with.

    A body, a medium or a state takes the gender the cue that named it showed (قال الجيش → وأضاف; قالت الوزارة →
    وأضافت); several people take the plural (مسؤولون، وزراء → وأضافوا), things and broken plurals the feminine singular
    too (المصادر → وأضافت); a person the gender the words show, either when they show none.
    """
    kind = source.kind
    if not words or kind == "":
        return ANY_AGREEMENT
    head = without_article(stem(lex, words[0]))
    if kind == PERSON:
        if head in names.title_plurals(lex):
            return frozenset({("m", "pl"), ("f", "pl")})  # وزراء الخارجية … وقالوا: several people
        if source.gender:
            return frozenset({(source.gender, "sg")})
        return frozenset({("m", "sg"), ("f", "sg")})
    if kind == UNNAMED:
        if head.endswith(("ون", "ين")) and len(head) > 4:
            # several doers take the plural (مسؤولون → وأضافوا); a word only guessed to be a plural may be a
            # foreign name (ماكرون: ماكر + ون), which takes the singular
            guessed = dictionary.entry(head) is None and len(words) == 1
            return frozenset({("m", "pl"), ("m", "sg")}) if guessed else frozenset({("m", "pl")})
        # وزراء الخارجية … وقالوا: a broken plural of people (the dictionary may list it as a noun of its own)
        if (head.endswith("ات") or _plural(head) or _human_plural(lex, head) or head in lex.w.collective_source
                or head in lex.words("report_noun")):
            return frozenset({("f", "sg"), ("m", "pl"), ("f", "pl")})
        return frozenset({(cue_gender or "m", "sg")})
    if cue_gender:
        return frozenset({(cue_gender, "sg")})
    if kind in (ORGANIZATION, MEDIA) and (len(words) > 1 or words[0].startswith("ال")) and (
            gender := _head_gender(words, head)):
        return frozenset({(gender, "sg")})  # الدفاع المدني: …، وقالت → not the body; الوزارة → وأضافت
    return frozenset({("m", "sg"), ("f", "sg")})


def _head_gender(words: list[str], head: str) -> str:
    """Return the grammatical gender of a body's name by its head noun the dictionary knows (الدفاع المدني، مجلس
    الأمن: m; الهيئة، وزارة الصحة: f), or by the adjective after a definite head (الأمم المتحدة: a plural of things
    is feminine); "" when it cannot tell (a plural, a name no dictionary holds)."""
    entry = dictionary.entry(head)
    if entry is None or entry.plural:
        return ""
    if head.endswith("ه"):
        return "f"
    return "f" if len(words) > 1 and words[0].startswith("ال") and words[1].startswith("ال") and (
        words[1].endswith("ه")) else "m"
