"""One canonical name per source: merging titles, short names and full names within and across articles."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from qawl import cues, dictionary, mentions, names, quotes, sources
from qawl.arabic import without_article
from qawl.lexicons import Lexicons
from qawl.memo import Memo
from qawl.normalize import normalize, normalize_words
from qawl.phrases import is_stop_word
from qawl.sources import BODIES, COUNTRY, MEDIA, ORGANIZATION, PERSON, UNNAMED
from qawl.subjects import verb_spelled
from qawl.tokenize import Tokens, tokens
from qawl.tokenize import words as word_list

_KIND_ORDER = (PERSON, ORGANIZATION, MEDIA, COUNTRY, UNNAMED)


def _most_common(values: list[str], order: tuple[str, ...]) -> str:
    if values and values.count(values[0]) == len(values):
        return values[0]  # one value (most entities are attributed once): nothing to count
    counts = Counter(filter(None, values))  # counted in C
    if not counts:
        return ""
    return max(counts, key=lambda v: (counts[v], -order.index(v) if v in order else -len(order)))


def _without_article(words: tuple[str, ...]) -> frozenset[str]:
    # وزير التربية والتعليم: a word joined by و is a word of the title as it is without (وزير التعليم)
    return frozenset(w[2:] if w.startswith("ال") and len(w) > 4 else w[3:] if w.startswith("وال") and len(w) > 5
                     else w for w in words)


_bare: Memo[tuple[str, ...], frozenset[str]] = Memo(_without_article)  # titles repeat: one set per title
_words: Memo[tuple[str, ...], frozenset[str]] = Memo(frozenset)  # names repeat: one set per name


@dataclass
class Entity:
    """A source within one article: the names and titles it went by, and how they were written."""

    names: list[tuple[str, ...]] = field(default_factory=list)
    titles: list[tuple[str, ...]] = field(default_factory=list)
    written: dict[tuple[str, ...], str] = field(default_factory=dict)  # normalized words -> as written
    kinds: list[str] = field(default_factory=list)  # the kind each attribution to it gave (sources.KINDS)
    genders: list[str] = field(default_factory=list)  # the gender each attribution to it showed (m / f / "")
    given: str = ""  # the gender of a given name the article writes before its one-word name (m / f / "?"), if any

    def kind(self) -> str:
        """Return the kind most of its attributions gave; a person wins a tie. Attributions whose words told no
        kind (a bare family name: وأضاف بشر) leave it to the others, an unnamed source when there are none."""
        kind = _most_common(self.kinds, _KIND_ORDER) or (UNNAMED if self.kinds else "")
        if kind == PERSON and not self.names and (MEDIA in self.kinds or UNNAMED in self.kinds
                                                  or ORGANIZATION in self.kinds):
            # مسؤول كبير … وأضاف المسؤول: a person the article never names stays an unnamed source; شاهد من رويترز …
            # وأضاف الشاهد: an outlet's reporter, the outlet; متحدث باسم الوزارة … وأضاف المتحدث: the body he speaks for
            return MEDIA if MEDIA in self.kinds else ORGANIZATION if ORGANIZATION in self.kinds else UNNAMED
        # the article writes a first name before its one-word name (إيمانويل ماكرون … ماكرون), which may be spelled
        # as a title too (سلوى العمد … وقالت العمد: not the mayors)
        full = self.given or any(len(n) > 1 and ((n[-1],) in self.names or (n[-1],) in self.titles) for n in self.names)
        return PERSON if full and kind == UNNAMED else kind  # ماكرون after إيمانويل ماكرون: no doers (ماكر+ون)

    def gender(self) -> str:
        """Return m or f when its attributions show one more often than the other (a person only), else ""."""
        if self.kind() != "person":
            return ""
        m, f = self.genders.count("m"), self.genders.count("f")
        return "m" if m > f else "f" if f > m else self.given if self.given in ("m", "f") else ""

    def key(self) -> tuple[str, ...]:
        """Return the entity's longest name, else its longest title: its identity across articles."""
        pool = self.names or self.titles
        return max(pool, key=lambda t: (len(t), -pool.index(t)))

    def matches_name(self, name: tuple[str, ...]) -> bool:
        """Return whether a name is this entity's full name, a part of it, or a fuller form."""
        mine = _words[name]
        return any((mine <= _words[n] and not _joins_another(name, n))
                   or (_words[n] <= mine and not _joins_another(n, name)) for n in self.names)

    def matches_title(self, title: tuple[str, ...], honorifics: frozenset[str] = frozenset()) -> bool:
        """Return whether a bare title (الرئيس الصيني، الوزير، الهيئة) fits one of this entity's titles.

        A named person fits any title that is part of his (الرئيس الصيني ⊂ الرئيس الصيني شي) or one that
        adds to it by a word at most; an institution fits its own title or its head noun (الهيئة). Honorifics
        (معالي، الدكتور) are no part of a title's head.
        """
        return self.title_distance(title, honorifics) is not None

    def title_distance(self, title: tuple[str, ...], honorifics: frozenset[str] = frozenset()) -> int | None:
        """Return how many words the closest fitting title of this entity and a bare title do not share (وزير
        الخارجية fits وزير الخارجية with 0, وزير خارجية روسيا الاتحادية with 2, الوزير with 1), None when none
        fits."""
        title = _without(title, honorifics)
        return self._distance(title, _bare[title], _bare[title[:1]], honorifics) if title else None

    def _distance(self, title: tuple[str, ...], bare: frozenset[str], head: frozenset[str],
                  honorifics: frozenset[str], former: frozenset[str] = frozenset()) -> int | None:
        """Return title_distance of a title without honorifics, given its words and its head without the article
        (worked out once by a caller that asks every entity); a title of a former holder (السابق) fits only a title
        that says so (former: those words without the article)."""
        best: int | None = None
        for t in self.titles:
            t = _without(t, honorifics)
            if not t:
                continue
            own, own_head = _bare[t], _bare[t[:1]]
            if (own ^ bare) & former:
                continue  # الرئيس الأمريكي is not الرئيس الأمريكي السابق
            same_head = head == own_head
            # a person: any title part of his, or adding a word at most; a body or medium without a name: its own
            # title, its head noun, or a description made of its title's words (الصحيفة البريطانية)
            fits = (self.names and same_head and (bare <= own or (own <= bare and len(bare - own) <= 1 and not any(
                _name_word(w) for w in bare - own)))) or (
                not self.names and (bare == own or (len(title) == 1 and bare == own_head)
                                    or (same_head and bare <= own)
                                    # وزارة الطاقة (a headline) … وزارة الطاقة والمعادن: the same body, its name
                                    # in full adds only genitives joined by و
                                    or (same_head and own <= bare and bare - own <= _by_and[title])))
            if fits:  # the words either title lacks: الرئيس الأمريكي fits الرئيس الأمريكي (0) before الرئيس (1)
                gap = len(own - bare) + len(bare - own)
                if best is None or gap < best:
                    best = gap
        return best


def _joined_words(title: tuple[str, ...]) -> frozenset[str]:
    """Return the words of a title joined to it by و, without و and the article (وزارة الطاقة والمعادن → معادن)."""
    return frozenset(w[3:] for w in title if w.startswith("وال") and len(w) > 5)


_by_and: Memo[tuple[str, ...], frozenset[str]] = Memo(_joined_words)  # one set per title, as _bare

def _name_word(word: str) -> bool:
    """Return whether a word (without its article) the dictionary lacks and no relative adjective names something
    (صحيفة الغارديان): a title with it is not one more word for the one named (الرئيس الصيني)."""
    return dictionary.entry(word) is None and not word.endswith(("ي", "يه"))


_WITHOUT: dict[tuple[tuple[str, ...], frozenset[str]], tuple[str, ...]] = {}


def _other_given(name: tuple[str, ...], entity: Entity, given: frozenset[str]) -> bool:
    """Return whether a full name opens with another given name than the entity's full name (حسام عبد الغفار after
    خالد عبد الغفار … عبد الغفار): two people of one family name, whatever short name they share."""
    return len(name) > 1 and name[0] in given and any(
        len(n) > 1 and n[0] in given and n[0] != name[0] and n[-1] == name[-1] and not (
            _words[n] <= _words[name] or _words[name] <= _words[n]) for n in entity.names)  # أبو زيد: his


def _joins_another(part: tuple[str, ...], whole: tuple[str, ...]) -> bool:
    """Return whether a name of two words or more is one conjunct of a longer name that ends with another (كامبريدج
    أناليتيكا in شركتا كامبريدج أناليتيكا وفيسبوك): the two spoke together, the one alone is not both."""
    return len(part) > 1 and len(whole) > len(part) and whole[-1][:1] == "و" and len(whole[-1]) > 3 and (
        whole[-1] not in part)


def _without(words: tuple[str, ...], dropped: frozenset[str]) -> tuple[str, ...]:
    """Return words without the dropped ones (titles without their honorifics), worked out once per title."""
    if not dropped:
        return words
    key = (words, dropped)
    found = _WITHOUT.get(key)
    if found is None:
        if len(_WITHOUT) > 1 << 15:
            _WITHOUT.clear()
        found = _WITHOUT[key] = tuple(w for w in words if w not in dropped)
    return found


def _role_of(lex: Lexicons, mention: names.Mention) -> bool:
    """Return whether a mention is one indefinite title or human noun in construct with a name (محامي ترامب، مستشار
    أردوغان، مراسل رويترز): the name is the one the speaker serves, not the speaker (الرئيس ترامب: his title)."""
    head = mention.title[0] if len(mention.title) == 1 else ""
    return (head != "" and not head.startswith("ال") and head not in lex.honorifics
            and (head in lex.title_words or head in lex.w.person_noun)
            and (len(mention.name) == 1 or mentions.span_at(list(mention.name), mentions.gazetteer_index(lex), 0)
                 == len(mention.name)))  # مدرب ليفربول يورغن كلوب: a name of its own after a place


def _parts(surface: str) -> tuple[list[str], list[str]]:
    written = word_list(surface)
    return written, normalize_words(written)


def _spelled(written: list[str], mention: names.Mention) -> dict[tuple[str, ...], str]:
    """Return the name and title of a mention as they were written."""
    out: dict[tuple[str, ...], str] = {}
    if mention.name:
        at = mention.name_at
        out[mention.name] = " ".join(written[at : at + len(mention.name)])
        rest = written[:at] + written[at + len(mention.name):]
    else:
        rest = written
    if mention.title:
        out[mention.title] = " ".join(rest)
    return out


def _place_read_as_name(lex: Lexicons, main: names.Mention, named: tuple[str, ...]) -> bool:
    """Return whether a mention's one-word name after its title is rather the place of the title (عميد بلدية غات)
    because its apposition names someone with a given name and another family name (إبراهيم محمد أمغار); or its
    two words with no given name the body or team of the title (مدرب مكابي حيفا) because its apposition names
    someone in more words, none of them its own (الهولندي رونالد فان دير بيرغ)."""
    given = names.given_name_set(lex)
    if not (main.title and main.name_at == len(main.title) and len(named) > 1) or not given.isdisjoint(main.name):
        return False
    if len(main.name) == 1:
        return named[0] in given and named[-1] != main.name[0]
    return len(main.name) == 2 and (named[0] in given or len(named) > 2) and set(named).isdisjoint(main.name)


def _mention(lex: Lexicons, surface: str, apposition: str,
             group: bool = False) -> tuple[names.Mention, dict[tuple[str, ...], str]]:
    """Return the title/name split of a mention and its apposition, and how each part was written.

    group: the mention is an unnamed source (نشطاء ومسعفون، مراسلات برازيليات): no personal name is in its
    words, the whole phrase is its title. One word is left to split: it may be a name a lexicon misread (ماكرون:
    ماكر + ون)."""
    written, norm = _parts(surface)
    if group and norm and len(norm[0]) > 4 and norm[0].endswith("ا") and (
            norm[0][:-1] in lex.w.collective_source or norm[0][:-1] in lex.w.anonymous
            or norm[0][:-1] in lex.title_words or norm[0][:-1] in lex.w.person_noun):
        # إن مصدرا أمنيا قال، لكن أوساطا سياسية، لكن مستشارا لقائد القوات: the accusative after إن or لكن, named
        # as the source is (مصدر أمني)
        n = next((k for k, w in enumerate(norm[1:], 1) if not (len(w) > 3 and (
            w.endswith("يا") or (w.endswith("ا") and dictionary.participle(w[:-1]))))), len(norm))  # مطلعا
        norm = [w[:-1] for w in norm[:n]] + norm[n:]
        written = [w[:-1] if w.endswith("ا") else w for w in written[:n]] + written[n:]
    if group and norm and written[0].endswith("ين") and names.sound_plural(lex, norm[0]):
        # نقلت عن مسؤولين إيرانيين: several people in the genitive, named as in the nominative (مسؤولون إيرانيون),
        # the noun and the adjectives that follow it
        n = next((k for k, w in enumerate(norm[1:], 1) if not (w.endswith("يين") or (
            w.endswith("ين") and names.sound_plural(lex, w)))), len(norm))  # إيرانيين: a plural نسبة
        norm = [w[:-2] + "ون" for w in norm[:n]] + norm[n:]
        written = [w[:-2] + "ون" for w in written[:n]] + written[n:]
    main = names.Mention(tuple(norm), ()) if group and len(norm) > 1 else names.split(lex, norm)
    if (main.name and main.title and main.name_at == len(main.title) and (
            main.title[0] in lex.w.retinue or main.title[-1] in lex.w.retinue or (
                len(main.name) > 2 and main.name[0] in lex.w.retinue))
            and not mentions.span_at(list(main.name), mentions.gazetteer_index(lex), 0)):
        # إدارة ترامب، حكومة الرئيس بشار الأسد: his body, not the person; متحدث باسم الحزب – جناح نواز شريف، مدير
        # مكتب نتنياهو: the wing or office named after him, whose spokesman or director speaks
        main = names.Mention(tuple(norm), ())
    if len(main.name) == 1 and len(main.title) == 1 and main.name_at == 1 and main.title[0].endswith("ات") and (
            names.plural_noun(lex, main.title[0])):
        main = names.Mention(tuple(norm), ())  # منظمات الأعراف، شركات تتبع: bodies of a kind, no one's name
    if main.name and main.title and main.name_at == len(main.title) and (
            main.title[-1] in lex.w.kinship or _role_of(lex, main)):
        main = names.Mention(tuple(norm), ())  # والد ساندرز: her father, not she; an apposition may name him
    if len(main.name) > 2 and any(normalize_words(word_list(surface[a + 1 : b]))[-1:] == [main.name[0]]
                                  for a, b in quotes.spans(surface, unclosed=False)):
        # جمعية " كفى " عبدالعزيز السيف: a body's quoted name ends before the holder's own
        main = names.Mention(main.title + main.name[:1], main.name[1:], main.name_at + 1)
    if main.name and not group and (quoted := _quoted_name_before_description(norm, surface, main)) is not None:
        main = quoted  # موقع "ألجيري سكوب" المتخصص: the quoted name, not the description after it
    spelled = _spelled(written, main)
    title, name = main.title, main.name
    # نجل رئيس الوزراء الصادق المهدي: an apposition of kinship gives the father's name, not the speaker's
    if apposition and _parts(apposition)[1][0] not in lex.w.kinship:
        app_written, app_norm = _parts(apposition)
        app = names.split(lex, app_norm)
        if app.name and app.title and app.name_at == len(app.title) and _role_of(lex, app):
            app = names.Mention(tuple(app_norm), ())  # ديفيد شوارتز، محامي ترامب: Trump's lawyer, not any lawyer
        app_spelled = _spelled(app_written, app)
        if name and app.name and _place_read_as_name(lex, main, app.name):
            # عميد بلدية غات، إبراهيم محمد أمغار: the one word after a title that no lexicon knows is the place it
            # serves, the name set off by commas, with its given name, is his
            spelled.pop(name, None)
            spelled.pop(title, None)
            title = title + name
            spelled[title] = " ".join(written[: len(title)])
            name = ()
        if not name and app.name and (not group or names.anchored(lex, app.name)):
            # (an unnamed source takes no words for a name that no name list anchors: مصدر في نادي السيب، متصدر
            # الدوري, the club's description)
            name = app.name
            spelled[name] = app_spelled[name]
        national = len(title) == 1 and _nationality(lex, title[0])
        if app.title and (not title or all(w in lex.honorifics for w in title) or (name and national)):
            # الدكتور فلان، وزير التعليم العالي: the apposition's title, not an honorific, is the one the article
            # calls him by again (وقال وزير التعليم العالي); so too after a nationality (البرتغالي فلان، مدرب
            # الهلال), which stays one of his titles (spelled keeps it: وأضاف المدرب البرتغالي)
            if not national:
                spelled.pop(title, None)
            title = app.title
            spelled[title] = app_spelled[title]
    if not name and len(title) == 2 and title[0].removeprefix("ال") in lex.w.government and title[1].endswith(
            ("ي", "يه")):
        # النظام السوري، الحكومة السورية: one body, by its government's name and the adjective's masculine
        # (the class's first word in sort order stands for all its words: حكومه)
        key = (("ال" if title[0].startswith("ال") else "") + min(lex.w.government), title[1].removesuffix("ه"))
        spelled[key] = spelled.pop(title, "")
        title = key
    if not name and title and title[0] in lex.honorifics:
        # معالي وزير الخارجية الروسي، سمو نائب أمير المنطقة: an office the honorific only addresses, its holder
        # called by it (titles are matched without honorifics; the speakers table shows the office)
        k = next((k for k, w in enumerate(title) if w not in lex.honorifics), len(title))
        if k < len(title) and title[k] in lex.roles:
            as_written = spelled.pop(title, "").split(" ")
            title = title[k:]
            spelled[title] = " ".join(as_written[k:]) if len(as_written) == k + len(title) else ""
    return names.Mention(title, name), spelled


def _quoted_name_before_description(norm: list[str], surface: str, main: names.Mention) -> names.Mention | None:
    """Return the mention whose name is the words a mention quotes, when its name as split begins in them and a
    definite word follows the closing mark (موقع "ألجيري سكوب" المتخصص، وكالة "سبوتنيك" الروسية: the description of
    the body named; not عضو تكتل "لبنان القوي" النائب فلان, whose name follows), else None."""
    for a, b in quotes.spans(surface, unclosed=False):
        quoted = normalize_words(word_list(surface[a + 1 : b]))
        n = len(quoted)
        at = next((k for k in range(len(norm) - n) if norm[k : k + n] == quoted), -1) if quoted else -1
        if at >= 0 and at <= main.name_at < at + n and norm[at + n].startswith("ال"):
            return names.Mention(tuple(norm[:at]), tuple(quoted), at)
    return None


_Parsed = tuple[names.Mention, dict[tuple[str, ...], str]]


def _parsed(lex: Lexicons) -> Memo[tuple[str, str, bool], _Parsed]:
    """Return the memo of parsed (mention, apposition, group) triples: the same sources come back article after
    article, so each is split once (its values are read only)."""
    return lex.memo("mentions", lambda lex, m: _mention(lex, *m), bound=1 << 14)


def _find(entities: list[Entity], mention: names.Mention, before: int, speaking: list[bool] | None = None,
          honorifics: frozenset[str] = frozenset(), given: frozenset[str] = frozenset(),
          former: frozenset[str] = frozenset(), recent: list[int] | None = None) -> int:
    """Return the index of the entity a mention refers to, the most recent first, or -1. A bare title prefers a
    source that has spoken (speaking: per entity) to a person the article only mentioned with that title; a body's
    bare head noun (المنظمة) or a bare role (الوزير) the body or holder mentioned last before it (recent: per
    entity, its last mention so far)."""
    order = list(range(min(before, len(entities)) - 1, -1, -1)) + list(range(before, len(entities)))
    if mention.name:
        found = next((k for k in order if entities[k].matches_name(mention.name) and not _other_given(
            mention.name, entities[k], given)), -1)
        if found < 0 and len(mention.name) == 1:
            # بالحاج after بلحاج، نتانياهو after نتنياهو: one person spelled two ways in one article
            found = next((k for k in order if any(same_spelling(mention.name[0], n[-1], given)
                                                  for n in entities[k].names)), -1)
        elif found < 0:
            # عبد الحكيم بالحاج after بلحاج or عبدالحكيم بلحاج: the family name spelled another way, the same first
            # names (written apart or not) if the other gave any
            first = "".join(mention.name[:-1])
            found = next((k for k in order if any((len(n) == 1 or "".join(n[:-1]) == first) and n[-1] != mention.name[
                -1] and same_spelling(mention.name[-1], n[-1], given) for n in entities[k].names)), -1)
        return found
    if len(mention.title) == 1:
        # a family name with ال reads like a title (الغول، الجبير): match it to a named person first
        family = next((k for k in order if any(n[-1] == mention.title[0] for n in entities[k].names)), -1)
        if family >= 0:
            return family
    title = _without(mention.title, honorifics)
    if not title:
        return -1
    bare, head = _bare[title], _bare[title[:1]]
    distance = {k: entities[k]._distance(title, bare, head, honorifics, former) for k in order}
    fitting = [k for k in order if distance[k] is not None]
    # A source that has spoken first, then the closest title (وزير الخارجية is not وزير خارجية روسيا), then the
    # most recent (sorting is stable).
    ages = recent if len(title) == 1 else None  # a title of one word: the most recent holder
    fitting.sort(key=lambda k: (speaking is not None and not speaking[k],
                                (0, -ages[k]) if ages is not None else (distance[k], 0)))
    return fitting[0] if fitting else -1


def same_spelling(a: str, b: str, names_known: frozenset[str] = frozenset()) -> bool:
    """Return whether two normalized words are one name spelled two ways: the same letters but long vowels
    (بلحاج / بالحاج، نتنياهو / نتانياهو، جيرمي / جيريمي) or, for long names, nearly the same letters (rapidfuzz
    ratio ≥ 85: غوتيريش / غوتيريس). Short names are left alone (حسن is not حسين), and so are two names_known.
    """
    if a == b or min(len(a), len(b)) < 5:
        return a == b
    if names.skeleton(a) == names.skeleton(b):
        return True
    if a in names_known and b in names_known:
        return False  # two given names of the lexicon are two names (عبدالرحمن، عبدالرحيم)
    return min(len(a), len(b)) >= 6 and fuzz.ratio(a, b) >= 85


# The words of an article, as written and normalized: two lists, or what unpacks into them (articles._ArticleWords
# joins them only when they are asked for).
ArticleWords = Iterable[list[str]]


def article_words(text: str) -> ArticleWords:
    """Return the words of an article as written and normalized."""
    written = word_list(text)
    return written, normalize_words(written)


def _ending_as(norm: list[str], shape: str) -> Iterator[int]:
    """Yield, in order, the positions of the words that begin and end with the letters shape begins and ends with:
    the only ones whose skeleton may be shape (a skeleton keeps both). One regex over the words joined by NULs finds
    them at C speed (a loop over an article's words in Python took 70 µs a name)."""
    if not shape:
        yield from (k for k, word in enumerate(norm) if not word)
        return
    first, last = re.escape(shape[0]), re.escape(shape[-1])
    word = f"{first}(?:[^\0]*{last})?" if shape[0] == shape[-1] else f"{first}[^\0]*{last}"
    joined = _joined(norm)
    k = at = 0
    for m in re.finditer(f"\0{word}(?=\0)", joined):
        k += joined.count("\0", at, m.start())  # the words before it
        at = m.start()
        yield k


_JOINED: list[tuple[list[str], str]] = [([], "\0\0")]  # the last words joined and their join: an article's names ask it
# again


def _joined(norm: list[str]) -> str:
    """Return an article's normalized words joined by NULs, NULs around (the words of the last article asked are
    joined once for all its names: the list kept here is the one asked, so it is the same one when it is asked
    again)."""
    last = _JOINED[0]  # one read: another thread may put its article's words meanwhile
    if last[0] is not norm:
        last = _JOINED[0] = (norm, "\0" + "\0".join(norm) + "\0")
    return last[1]


def _fuller_names(lex: Lexicons, words: ArticleWords, short: tuple[str, ...]
                  ) -> list[tuple[tuple[str, ...], str, str]]:
    """Return the fuller forms of a one-word name that the article writes after a title or an adjective
    (نظيره القازاقي قاسم - جومارت توكاييف → قاسم جومارت توكاييف)."""
    written, norm = words
    found = []
    shape = names.skeleton(short[0]) if len(short[0]) >= 5 else short[0]  # بوتين after فلاديمير بوتن
    for k in _ending_as(norm, shape):
        word = norm[k]
        if word != short[0] and names.skeleton(word) != shape:
            continue
        start = k
        while (start > 0 and k - start < 3 and names.is_name_word(lex, norm[start - 1])
               and not is_stop_word(lex, norm[start - 1]) and not (
                   norm[start - 1].startswith("و") and norm[start - 1] not in names.given_name_set(lex))):
            start -= 1
        # a word with a prepositional clitic (لمطالبة، بإيضاح) may only open the name, right after a title
        while start < k and any(w[:1] in "لب" and len(w) > 4 for w in norm[start + 1 : k]):
            start += 1
        before = norm[start - 1] if start > 0 else ""
        led = before in lex.roles or (before.startswith("ال") and before.endswith("ي")
                                      and not is_stop_word(lex, before))  # التي is no adjective
        if start < k and (led or norm[start] in names.given_name_set(lex)):  # وكانت جوليا غيمارايش: a given name
            found.append((tuple(norm[start : k + 1]), " ".join(written[start : k + 1]), before if led else ""))
    return found


def _family_after(lex: Lexicons, words: ArticleWords, given: str) -> list[tuple[tuple[str, ...], str, str]]:
    """Return the one fuller name an article writes for a person it quotes by a given name alone (أمل → أمل باعطية):
    the given name and the name word right after it, when the article writes only one such pair; else []."""
    if given not in names.given_genders(lex):
        return []
    written, norm = words
    pairs = {(k, norm[k + 1]) for k in _ending_as(norm, given) if norm[k] == given and k + 1 < len(norm)
             and names.is_name_word(lex, norm[k + 1]) and not is_stop_word(lex, norm[k + 1])
             and not (norm[k + 1][:1] == "ل" and k + 2 < len(norm) and norm[k + 2] in lex.w.that)  # سعيد لموزاييك إن
             and norm[k + 1] not in lex.title_words and dictionary.entry(norm[k + 1]) is None}
    if len({family for _, family in pairs}) != 1:
        return []
    k, family = min(pairs)
    return [((given, family), " ".join(written[k : k + 2]), "")]


def _after_given_name(lex: Lexicons, words: ArticleWords, name: str) -> bool:
    """Return whether the article writes a given name right before a one-word name (مايكل كوهين)."""
    _, norm = words
    given, verbs = names.given_name_set(lex), cues.of(lex).verbs  # رأى معلمون: a cue spelled as a name (راي)
    return any(k > 0 and norm[k] == name and ((norm[k - 1] in given and norm[k - 1] not in verbs) or (
        k > 1 and norm[k - 1] == "الله"))  # ذبيح الله مجاهد، عبد الله فلان: a compound given name in الله
               for k in _ending_as(norm, name))


def _family_word(lex: Lexicons, entity: Entity) -> tuple[str, ...]:
    """Return the one definite word an entity without a name goes by when no lexicon makes it a title, a body or a
    source (الصدر، الأسد: a family name with its article), else ()."""
    if entity.names or len(entity.titles) != 1 or len(entity.titles[0]) != 1:
        return ()
    word = entity.titles[0][0]
    if not word.startswith("ال") or word in lex.title_words or word[2:] in lex.title_words or word in lex.places:
        return ()
    return () if sources.head_kind(lex, word) not in ("", UNNAMED) or sources.unnamed_head(lex, word) else (word,)


def _doer_spelled_family(lex: Lexicons, entity: Entity) -> tuple[str, ...]:
    """Return the one indefinite word an entity without a name goes by when it is no title, place or source of the
    lexicons and no kind but an unnamed doer's is read in it (عطاف، محافظة، كدواني), else ()."""
    if entity.names or len(entity.titles) != 1 or len(entity.titles[0]) != 1:
        return ()
    word = entity.titles[0][0]
    if word.startswith("ال") or word in lex.title_words or word in lex.places or sources.unnamed_head(lex, word):
        return ()
    return entity.titles[0] if sources.head_kind(lex, word) == UNNAMED else ()


def complete_names(lex: Lexicons, entities: list[Entity], words: ArticleWords) -> None:
    """Give each person known by one word only the fuller name the article writes elsewhere, if any."""
    for e in entities:
        if family := _family_word(lex, e):
            # وأكد الصدر after رجل الدين الشيعي مقتدى الصدر: the family name of the man the article named
            fuller = [f for f in _fuller_names(lex, words, family) if len(f[0]) > 1 and f[0][-1] == family[0]]
            if fuller:
                name, spelled, _ = max(fuller, key=lambda f: len(f[0]))
                e.titles.remove(family)
                e.names.extend([family, name])
                e.written.setdefault(name, spelled)
            continue
        if (family := _doer_spelled_family(lex, e)) and _after_given_name(lex, words, family[0]):
            # وقال عطاف after وزير الخارجية أحمد عطاف، وأكد محافظة after عزمي محافظة: a word the dictionary reads as
            # some doer (عطاف: kind ones; محافظة: a governor's) is the family name of the man given a first name
            e.titles.remove(family)
            e.names.insert(0, family)
        if e.names and all(len(n) == 1 for n in e.names) and e.names[0][0] not in lex.places:
            # a body's one name word (جمعية «مبادرات إبراهيم») is no given name the article goes on with
            fuller = _fuller_names(lex, words, e.names[0]) or (
                _family_after(lex, words, e.names[0][0]) if e.kind() not in BODIES else [])
            if not fuller and not e.given and e.names[0][0] not in lex.w.impersonal_source and _after_given_name(
                    lex, words, e.names[0][0]):
                e.given = "?"  # من هو مايكل كوهين: a given name before it makes كوهين a person (not كوه + ين), of
                # no gender told (إيفانكا ترامب is not her father)
            if fuller:
                name, spelled, before = max(fuller, key=lambda f: len(f[0]))
                short = e.names[0]
                if name[-1] != short[0] and name[0] != short[0]:  # فلاديمير بوتن for بوتين: the speaker keeps the
                    # spelling he is quoted by (أمل باعطية for أمل: the given name the article quotes her by)
                    name = (*name[:-1], short[0])
                    spelled = " ".join([*spelled.split()[:-1], e.written.get(short, short[0])])
                genders = names.given_genders(lex)
                given = [genders[w] for w in name if w in genders]
                if given:
                    e.given = given[0] or "?"  # the article gives him a first name: a person
                e.names.append(name)
                e.written.setdefault(name, spelled)
                if before and (before,) not in e.titles:
                    e.titles.append((before,))  # the title or adjective the article gave him (القازاقي)


def _two_people(lex: Lexicons, entities: list[Entity], name: tuple[str, ...], given: frozenset[str]) -> int:
    """Return where a name splits into the family names of two people the article already knows (ترامب | كومي in
    "ووصف ترامب كومي بأنه": the subject and the object), or 0: no fuller name of one person is written so."""
    if len(name) < 2 or any(w in lex.w.name_joiner or w in given for w in name):
        return 0
    if any(name in e.names for e in entities):
        return 0
    for cut in range(1, len(name)):
        left, right = name[:cut], name[cut:]
        a = next((k for k, e in enumerate(entities) if any(n[-len(left):] == left for n in e.names)), -1)
        b = next((k for k, e in enumerate(entities) if any(n[-len(right):] == right for n in e.names)), -1)
        if a >= 0 and b >= 0 and a != b:
            return cut
    return 0


def resolve_article(lex: Lexicons, mentions: list[tuple[str, str]], text: str = "", *,
                    words: ArticleWords | None = None, evidence: list[tuple[str, str]] | None = None,
                    speaks: list[bool] | None = None, turns: list[bool] | None = None,
                    tokenized: list[tuple[str, Tokens]] | None = None, sentence_of: list[int] | None = None
                    ) -> tuple[list[int], list[Entity]]:
    """Return, for each (mention, apposition) of one article, the index of its entity, and the entities.

    Named mentions are resolved first, so that a bare title (الرئيس الصيني) or a short name (شي) finds
    the person even when the article names him fully only later; a one-word name takes the fuller form
    the article's text gives it (توكاييف → قاسم - جومارت توكاييف): the words of text, or words when the
    caller has them already. speaks: per mention, False for a person the article only introduces (بحضور
    معالي مستشار خادم الحرمين الدكتور سعد الشثري): such mentions link titles to names and get no index (-1);
    entities that never speak are left out. evidence: per mention, the (kind, gender) it showed. turns: per mention,
    whether its sentence hands the turn to another source (من جانبه، بدوره): a bare title there is not the source
    that spoke last. tokenized: the article's sentences and their tokens, when the caller has them (else text's),
    where a body called by its bare noun finds its full name, before the sentence (sentence_of: per mention) that
    first calls it so.
    """
    memo = _parsed(lex)
    groups = [k == UNNAMED for k, _ in evidence] if evidence is not None else [False] * len(mentions)
    parsed = [memo[surface, apposition, group] for (surface, apposition), group in zip(mentions, groups, strict=True)]
    speaks = speaks if speaks is not None else [True] * len(parsed)
    honorifics = lex.honorifics
    given = names.given_name_set(lex)
    entities: list[Entity] = []
    spoke: list[bool] = []  # per entity: has a speaking mention been resolved to it yet
    first_at: list[int] = []  # position of each entity's first mention
    out = [-1] * len(parsed)
    for named in (True, False):
        for pos, (mention, spelled) in enumerate(parsed):
            if bool(mention.name) != named or not (mention.name or mention.title):
                continue
            if not named and not speaks[pos]:
                continue  # a title no name goes with introduces nobody
            # A name looks back first (the entities first mentioned up to here, the most recent first), then ahead;
            # a bare title looks at every entity (which fits, not where it was met, decides).
            before = next((k for k, at in enumerate(first_at) if at > pos), len(first_at)) if named else len(entities)
            if named and (cut := _two_people(lex, entities, mention.name, given)):
                mention = names.Mention(mention.title, mention.name[:cut])  # ووصف ترامب كومي: the first is the subject
            recent = None
            head = mention.title[0] if len(mention.title) == 1 else ""
            if head.startswith("ال") and (head[2:] in lex.w.body or head[2:] in lex.w.media_noun or head in lex.roles):
                # وقالت المنظمة، ولفت الوزير، وأشارت الصحيفة: the body, outlet or holder named last before it
                recent = [-1] * len(entities)
                for p, k in enumerate(out[:pos]):
                    if k >= 0:
                        recent[k] = p
            index = _find(entities, mention, before, spoke, honorifics, given, lex.w.former, recent)
            if index >= 0 and not named and turns is not None and turns[pos] and index == next(
                    (out[p] for p in range(pos - 1, -1, -1) if out[p] >= 0 and speaks[p]), -1):
                index = -1  # من جانبه أكد وزير الخارجية الروسي after وزير الخارجية فلان: his counterpart
            if index < 0 and evidence is not None and len(mention.title) < 3 and len(
                    bare_title := _without(mention.title, lex.w.same)) == 1 and bare_title[0] in lex.w.the_speaker:
                index = _last_speaker(out, pos, speaks, entities, evidence)
            elif index < 0 and evidence is not None and _described_by_nationality(lex, mention.title):
                # وقال المدرب البرتغالي after مدرب الهلال فلان: the coach the article named, by where he is from
                index = _last_speaker(out, pos, speaks, entities, evidence, mention.title)
            if index < 0:
                entities.append(Entity())
                spoke.append(False)
                first_at.append(pos)
                index = len(entities) - 1
            e = entities[index]
            spoke[index] = spoke[index] or speaks[pos]
            for part, bucket in ((mention.name, e.names), (mention.title, e.titles)):
                if part and part not in bucket:
                    bucket.append(part)
            for part in spelled:  # البرتغالي فلان، مدرب الهلال: the nationality the apposition's title displaced
                if len(part) == 1 and part != mention.title and part not in e.titles and part != mention.name[:1] and (
                        _nationality(lex, part[0])):
                    e.titles.append(part)
            for part, as_written in spelled.items():
                if as_written:
                    e.written.setdefault(part, as_written)
            out[pos] = index
    _described_then_named(lex, parsed, out, entities, evidence)
    speaking = [False] * len(entities)
    for p, k in enumerate(out):
        if k >= 0 and speaks[p]:
            speaking[k] = True
    kept = [k for k in range(len(entities)) if speaking[k]]
    renumber = {k: n for n, k in enumerate(kept)}
    out = [renumber.get(k, -1) if speaks[p] else -1 for p, k in enumerate(out)]
    entities = [entities[k] for k in kept]
    for pos, index in enumerate(out):
        if index >= 0 and evidence is not None:
            entities[index].kinds.append(evidence[pos][0])
            entities[index].genders.append(evidence[pos][1])
    genders = names.given_genders(lex)
    for e in entities:
        # وبرأي أستاذ الاقتصاد سهى فلان … وتابعت فلان: a masculine title and a feminine verb tie; her given name tells
        if not e.given and e.genders and e.genders.count("m") == e.genders.count("f") and (told := {
                genders[n[0]] for n in e.names if len(n) > 1 and genders.get(n[0]) in ("m", "f")}) and len(told) == 1:
            e.given = told.pop()
    if words is None and text:
        words = article_words(text)
    if words is not None:
        complete_names(lex, entities, words)
        _bodies_by_name(lex, entities, words)
    if tokenized is None and text:
        tokenized = [(text, tokens(text))]
    if tokenized:
        first = [len(tokenized)] * len(entities)
        for p, k in enumerate(out):
            if k >= 0:
                first[k] = min(first[k], sentence_of[p] if sentence_of is not None else len(tokenized))
        _bodies_in_full(lex, entities, tokenized, first)
    _gazetteer_spellings(lex, entities)
    return out, entities


def _described_by_nationality(lex: Lexicons, title: tuple[str, ...]) -> bool:
    """Return whether a title is an occupation and a nationality (المدرب البرتغالي، اللاعبة الإسبانية): the person's
    own, where a state's office and its adjective (الرئيس الأمريكي) name the state he serves."""
    return len(title) == 2 and title[0].startswith("ال") and title[0][2:] in lex.w.person_noun and _nationality(
        lex, title[1])


def _nationality(lex: Lexicons, word: str) -> bool:
    """Return whether a definite word may be a nationality (البرتغالي، الإسبانية): a relative adjective in ي or ية,
    no title, occupation or place."""
    return (word.startswith("ال") and len(word) > 5 and word.endswith(("ي", "يه")) and word not in lex.title_words
            and word[2:] not in lex.w.person_noun and word not in lex.places)


def _last_speaker(out: list[int], pos: int, speaks: list[bool], entities: list[Entity],
                  evidence: list[tuple[str, str]], described: tuple[str, ...] = ()) -> int:
    """Return the named person who spoke last before pos, of the gender its own evidence shows (none: any), or -1:
    the one a bare المتحدث / المتحدثة (the speaker) refers to when no spokesman the article named fits it
    ("…"، تقول المتحدثة after رئيسة الجمعية فلانة). described (an occupation and a nationality): only one the
    article gave a title of that occupation, or the nationality alone (البرتغالي فلان)."""
    gender = evidence[pos][1]
    head = without_article(described[0]) if described else ""
    for p in range(pos - 1, -1, -1):
        k = out[p]
        if k >= 0 and speaks[p] and entities[k].names and evidence[p][0] == PERSON and (
                not gender or evidence[p][1] in ("", gender)) and (
                not described or any(without_article(t[0]) == head or t == described[1:]
                                     for t in entities[k].titles)):
            return k
    return -1


def _writes_gazetteer_name(root: tuple[str, ...], written: Counter | None) -> bool:
    """Return whether a gazetteer body's spellings in the corpus (None: none counted) share a word with its name."""
    if not written:
        return True
    mine = {without_article(w) for w in root}
    return any(not mine.isdisjoint(without_article(w) for w in normalize_words(text.split())) for text in written)


def _gazetteer_spellings(lex: Lexicons, entities: list[Entity]) -> None:
    """Count how the article wrote a body or outlet of the gazetteer under the gazetteer's name too (وكالة غوث
    وتشغيل اللاجئين الفلسطينيين for الأونروا): it is shown as the corpus writes it most (Naming.spelling)."""
    bodies = _gazetteer_bodies(lex)
    for e in entities:
        if not e.names and (key := e.key()) in bodies and (root := bodies[key][0]) != key and key in e.written:
            e.written.setdefault(root, e.written[key])


def _described_then_named(lex: Lexicons, parsed: list[_Parsed], out: list[int], entities: list[Entity],
                          evidence: list[tuple[str, str]] | None) -> None:
    """Give a person the article first describes (مراسلة برازيلية، مسؤول أممي بارز), then names, then calls by the
    description again (المراسلة البرازيلية، المسؤول الأممي) the name: news writes one person so. The one person
    named in between, who agrees in gender, takes every mention of the description; not a source kept anonymous
    (مصدر … منح المدرب فلان مهلة … وأوضح المصدر: the coach is whom it spoke of)."""
    def gender_of(positions: list[int]) -> set[str]:
        return {evidence[p][1] for p in positions if evidence[p][1]} if evidence is not None else set()

    for e, entity in enumerate(entities):
        if entity.names or not entity.titles:
            continue
        positions = [p for p, k in enumerate(out) if k == e]
        head = parsed[positions[0]][0].title[0]
        human = head in lex.title_words or head in lex.w.person_noun or head in lex.w.reporter  # people it may name
        if head.startswith("ال") or not human or head in lex.w.anonymous or (evidence is not None and any(
                evidence[p][0] not in (PERSON, UNNAMED, "") for p in positions)):
            continue  # مراسلة، مسؤول: an indefinite person first (not صحيفة بريطانية)
        again = next((p for p in positions[1:] if parsed[p][0].title[:1] and parsed[p][0].title[0].startswith("ال")),
                     -1)
        if again < 0:
            continue
        between = {out[p] for p in range(positions[0] + 1, again) if out[p] >= 0 and entities[out[p]].names
                   and (evidence is None or evidence[p][0] in (PERSON, ""))}
        if len(between) != 1:
            continue
        named = between.pop()
        named_at = [p for p, k in enumerate(out) if k == named]
        if len(gender_of(positions) | gender_of(named_at)) > 1:
            continue  # a man described, a woman named: two people
        for p in positions:
            out[p] = named
        entities[named].titles.extend(t for t in entity.titles if t not in entities[named].titles)


def _bodies_by_name(lex: Lexicons, entities: list[Entity], words: ArticleWords) -> None:
    """Make a body of a name that looked like a person's when the article writes it after a body's noun elsewhere
    (وتنفي كامبريدج أناليتيكا … بشركة كامبريدج أناليتيكا: a company, whatever its verb's gender)."""
    given = names.given_name_set(lex)
    candidates = [(e, e.key()) for e in entities if PERSON in e.kinds and not e.given and not e.titles and e.names]
    candidates = [(e, name) for e, name in candidates if len(name) > 1 and given.isdisjoint(name)]
    if not candidates:
        return  # most articles: the words are not unpacked
    _, norm = words
    for e, name in candidates:
        for k in _ending_as(norm, name[0]):
            if k > 0 and tuple(norm[k : k + len(name)]) == name:
                kind = sources.head_kind(lex, norm[k - 1])
                if kind in (ORGANIZATION, MEDIA):
                    e.kinds = [kind if x == PERSON else x for x in e.kinds]
                    e.genders = ["" for _ in e.genders]
                    break


def _bodies_in_full(lex: Lexicons, entities: list[Entity], tokenized: list[tuple[str, Tokens]],
                    first: list[int]) -> None:
    """Give a body the article calls only by its bare noun when speaking (وقالت المحكمة، وأكدت المفوضية) the full name
    the article gave it before, as the subject of what it did, with its relative adjectives or rank (قضت المحكمة
    العليا الإسرائيلية، فرضت المفوضية الأوروبية غرامة): one court, not every article's court under one name. Only
    when the article writes one such name; two courts leave the noun bare."""
    bare = [(e, at) for e, at in zip(entities, first, strict=True) if not e.names and e.titles and all(
        len(t) == 1 and t[0].startswith("ال") and t[0][2:] in lex.w.body for t in e.titles)]
    if not bare:
        return  # most articles: no body goes by its bare noun alone
    for e, at in bare:
        noun = e.titles[0][0]
        found: dict[tuple[str, ...], str] = {}
        for text, toks in tokenized[:at]:
            for k, tok in enumerate(toks):
                if tok.norm == noun and (k == 0 or verb_spelled(lex, toks[k - 1].norm)):
                    # the body as the subject of what it did (قضت المحكمة …، رفعت وزارة …), not a body the article
                    # names in passing (أمام محكمة النقض، نائبة رئيسة المفوضية المكلفة)
                    end = k + 1
                    while end < len(toks) and _names_body(lex, toks[end].norm):
                        end += 1
                    if end - k > 1:
                        found.setdefault(tuple(t.norm for t in toks[k:end]),
                                         text[toks.starts[k] : toks.ends[end - 1]])
        if len(found) == 1:
            [(full, written)] = found.items()
            e.titles.append(full)
            e.written.setdefault(full, written)


def _names_body(lex: Lexicons, word: str) -> bool:
    """Return whether a definite word after a body's noun is part of its name: a relative adjective (الأوروبية،
    المركزي التونسي) or a rank (العامة، العليا: grammar class body_rank), not a description of the moment (المعنية،
    الوصية، المختصة)."""
    if not word.startswith("ال") or is_stop_word(lex, word):
        return False
    if word in lex.w.body_rank:
        return True  # النيابة العامة، المحكمة العليا
    entry = dictionary.entry(word[2:])
    return word.endswith(("ي", "يه")) and len(word) > 4 and (
        entry is None or entry.kind == dictionary.RELATIVE or word in lex.places)  # not الوصية: a noun


def _gender_of(counted: Counter | None) -> str:
    """Return m or f when the articles that named a key showed one gender more often than the other, else ""."""
    if not counted:
        return ""
    m, f = counted.get("m", 0), counted.get("f", 0)
    return "m" if m > f else "f" if f > m else ""


def merge_keys(lex: Lexicons, keys: list[tuple[str, ...]] | Counter,
               titles: dict[tuple[str, ...], set[str]] | None = None,
               genders: dict[tuple[str, ...], Counter] | None = None) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Return each key mapped to the one fuller name it stands for across the corpus (ترامب → دونالد ترامب).

    A short name joins a fuller one that ends like it, or that holds it and went by the same role
    (شي, الرئيس الصيني → شي جين بينغ, الرئيس الصيني); when several qualify, the one used at least twice
    as often as any other wins (not a phrase that once ran into an object). A short name made of given names
    only (عبد الرحمن) joins none: articles name different people so; nor does a woman's name join a man's
    (genders: per key, the genders its entities showed: الساعدي, وأضافت → not علي حسين الساعدي).
    """
    titles = titles or {}
    genders = genders or {}
    counts = keys if isinstance(keys, Counter) else Counter(keys)
    distinct = sorted(counts, key=len, reverse=True)
    target: dict[tuple[str, ...], tuple[str, ...]] = {}
    # A fuller key holds every word of the key, its last one too: look only among those.
    holding: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for k in distinct:
        for word in set(k):
            holding[word].append(k)
    given = names.given_genders(lex)
    for key in distinct:
        if len(key) == 1 and key[0] in lex.places:
            target[key] = key  # a country or city speaking is not a person's short name
            continue
        joiners = lex.w.name_joiner
        if all(w in given or w in joiners or (k > 0 and key[k - 1] in joiners) for k, w in enumerate(key)):
            target[key] = key  # عبد الرحمن، محمد: many people's first names, no one's across the corpus
            continue
        roles = titles.get(key, set())
        gender = _gender_of(genders.get(key))
        fuller = [k for k in holding[key[-1]] if len(k) > len(key) and set(key) <= set(k)
                  and (k[-1] == key[-1] or roles & titles.get(k, set()))
                  and not (gender and _gender_of(genders.get(k)) not in ("", gender))]
        roots: Counter[tuple[str, ...]] = Counter()
        for k in fuller:
            roots[target.get(k, k)] += counts[k]
        ranked = roots.most_common(2)
        if len(ranked) == 1 or (ranked and ranked[0][1] >= 2 * ranked[1][1]):
            target[key] = ranked[0][0]
        else:
            target[key] = key
    return target


def _title_owners(holders: dict[tuple[str, ...], Counter]) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Return the person each role title of two words or more stands for across the corpus (holders: title -> key
    -> named entities with both), when one person holds it at least three times as often as anyone else
    (الرئيس الصيني → شي جين بينغ)."""
    owners = {}
    for title, counts in holders.items():
        ranked = counts.most_common(2)
        if len(ranked) == 1 or ranked[0][1] >= 3 * ranked[1][1]:
            owners[title] = ranked[0][0]
    return owners


def _gazetteer_bodies(lex: Lexicons) -> dict[tuple[str, ...], tuple[tuple[str, ...], str]]:
    """Return each normalized variant of a body or outlet of the gazetteer → its entity's words and its name as
    written (منظمة الأمم المتحدة → الأمم المتحدة): one speaker whatever variant an article uses."""
    def build(lex: Lexicons) -> dict[tuple[str, ...], tuple[tuple[str, ...], str]]:
        return {tuple(normalize(variant).split()): (tuple(normalize(entity).split()), entity)
                for entity, kind, variant in lex.gazetteer if kind in ("organization", "media")}
    return lex.derived("gazetteer_bodies", build)


def _body_names(lex: Lexicons) -> dict[tuple[str, ...], str]:
    """Return the words of each body or outlet of the gazetteer → its name as written: how it is shown."""
    def build(lex: Lexicons) -> dict[tuple[str, ...], str]:
        out: dict[tuple[str, ...], str] = {}
        for root, entity in _gazetteer_bodies(lex).values():
            out.setdefault(root, entity)
        return out
    return lex.derived("gazetteer_body_names", build)


def _named_body(lex: Lexicons, entity: Entity, bodies: dict[tuple[str, ...], tuple[tuple[str, ...], str]]
                ) -> tuple[str, ...] | None:
    """Return the gazetteer name of a body or outlet whose words the name split read as a title and a person's name
    (صحيفة نيويورك | تايمز → نيويورك تايمز), or None."""
    if entity.kind() not in (MEDIA, ORGANIZATION) or any(name in bodies for name in entity.names):
        return None  # فرانس برس: a name the gazetteer holds whole keeps the article's spelling
    index = mentions.gazetteer_index(lex)
    for title in entity.titles or [()]:
        for name in entity.names:
            words = list((title + name)[:8])
            for a in range(len(words)):
                span = tuple(words[a : a + mentions.span_at(words, index, a)])
                if len(span) > 1 and span in bodies:  # two words at least: one may be a place (نيويورك)
                    return bodies[span][0]
    return None


def canonical_names(lex: Lexicons, per_article: list[list[Entity]]) -> list[list[str]]:
    """Return the canonical display name of every entity of every article (same person, same name).

    Names merge through merge_keys; a bare role title goes to the one person the corpus gives it, and a
    short name goes with it when that person's name holds it (شي beside الرئيس الصيني → شي جين بينغ).
    """
    counts = NameCounts()
    keys = counts.add(lex, per_article)
    return counts.resolve(lex).names(lex, per_article, keys)


@dataclass
class NameCounts:
    """What canonical names are worked out from, counted over a corpus's entities: an added article adds to the
    counts, so a dataset keeps them and never reads the old articles again to name the new ones."""

    keys: Counter = field(default_factory=Counter)  # key -> named entities with it
    roles: defaultdict = field(default_factory=lambda: defaultdict(set))  # key -> role titles named entities had
    holders: defaultdict = field(default_factory=lambda: defaultdict(Counter))  # role title -> key -> entities
    written: defaultdict = field(default_factory=lambda: defaultdict(Counter))  # words -> spelling -> entities
    genders: defaultdict = field(default_factory=lambda: defaultdict(Counter))  # key -> gender (m, f) -> entities

    def add(self, lex: Lexicons, per_article: list[list[Entity]]) -> list[list[tuple[str, ...]]]:
        """Count the entities of articles (in corpus order, after those counted); return their keys."""
        keys = [[e.key() for e in article] for article in per_article]  # worked out once: key() is a max()
        for article, ks in zip(per_article, keys, strict=True):
            for e, k in zip(article, ks, strict=True):
                if e.names:
                    self.keys[k] += 1
                    if gender := e.gender():
                        self.genders[k][gender] += 1
                    self.roles[k].update(" ".join(t) for t in e.titles if set(t) & lex.roles)
                    for t in e.titles:
                        if len(t) > 1 and set(t) & lex.roles:
                            self.holders[t][k] += 1
                for part, text in e.written.items():
                    self.written[part][text] += 1
        return keys

    def resolve(self, lex: Lexicons) -> Naming:
        """Return what the counts say: each key's fuller name, each role title's owner."""
        return Naming(self, merge_keys(lex, self.keys, self.roles, self.genders), self.owners())

    def owners(self) -> dict[tuple[str, ...], tuple[str, ...]]:
        """Return the person each role title stands for across the corpus (_title_owners), from the counts."""
        return _title_owners(self.holders)


@dataclass
class Naming:
    """The corpus-wide decisions of canonical names: a key's fuller name, a title's owner, a name's spelling."""

    counts: NameCounts
    target: dict[tuple[str, ...], tuple[str, ...]]
    owners: dict[tuple[str, ...], tuple[str, ...]]
    shown: dict[tuple[str, ...], str] = field(default_factory=dict)  # root -> its most frequent spelling

    def spelling(self, lex: Lexicons, root: tuple[str, ...]) -> str:
        """Return how a root is shown: a body's gazetteer name when the corpus writes it with a word of that name
        (الأمم المتحدة for منظمة الأمم المتحدة، المرصد السوري لحقوق الإنسان for المرصد السوري), else its most frequent
        spelling (first seen of a tie: وكالة غوث وتشغيل اللاجئين الفلسطينيين, not الأونروا)."""
        if root not in self.shown:
            if root in (body := _body_names(lex)) and _writes_gazetteer_name(root, self.counts.written.get(root)):
                self.shown[root] = body[root]  # decided once per root, not again for each of its entities
                return body[root]
            written = self.counts.written
            best = written[root].most_common(1) if root in written else []
            self.shown[root] = best[0][0] if best else " ".join(root)
        return self.shown[root]

    def names(self, lex: Lexicons, per_article: list[list[Entity]], keys: list[list[tuple[str, ...]]]
              ) -> list[list[str]]:
        """Return the canonical name of every entity of articles (keys: theirs, as NameCounts.add gave them)."""
        return [[self.spelling(lex, root) for root in row] for row in self.roots(lex, per_article, keys)]

    def roots(self, lex: Lexicons, per_article: list[list[Entity]], keys: list[list[tuple[str, ...]]]
              ) -> list[list[tuple[str, ...]]]:
        """Return the root (the words of its canonical name) of every entity of articles."""
        target, owners = self.target, self.owners
        bodies = _gazetteer_bodies(lex)
        out = []
        for article, ks in zip(per_article, keys, strict=True):
            present = {owners[t] for e in article if not e.names for t in e.titles if t in owners}
            row = []
            for e, key in zip(article, ks, strict=True):
                root = target.get(key, key)
                if not e.names:
                    root = next((owners[t] for t in e.titles if t in owners), root)
                    root = target.get(root, root)
                    root = bodies[root][0] if root in bodies else root  # المرصد السوري → its gazetteer name
                elif (body := _named_body(lex, e, bodies)) is not None:
                    root = body
                elif root == key:
                    root = next((p for p in present if set(key) < set(p)), root)
                    root = target.get(root, root)
                row.append(root)
            out.append(row)
        return out
