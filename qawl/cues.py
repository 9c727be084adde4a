"""Reporting cues of Arabic news (data/cues.csv) in every written form, with what a report needs after them.

A cue verb only reports speech when a complement follows its subject: أن/إن clauses, a colon or a
quotation, or the preposition the verb governs (أعرب عن، دعا إلى، شدد على، حذر من). `ANY` marks
verbs whose object is itself the report (نفى الاتهامات). Every form also tells the gender and number its
subject has (قالت: one woman or a body; قالوا: several), which carried subjects must agree with.
"""

from __future__ import annotations

from dataclasses import dataclass

from qawl.lexicons import Lexicons

ANY = "*"
SPEECH = "@"  # the verb's object is itself a speech (أصدر بيانا، وجه نداء، كتب تغريدة، أدلى بتصريحات)
QUOTE_MARKS = frozenset({'"', "«", "“", "”", "»", "'"})
COLON = ":"

_PREFIXES = ("", "و", "ف")
# Past suffix -> (gender, number) of the subject: قال، قالت، قالوا، قالا، قالتا.
_PAST_SUFFIXES = {"": ("m", "sg"), "ت": ("f", "sg"), "وا": ("m", "pl"), "ا": ("m", "du"), "تا": ("f", "du")}
# Present person prefix and suffix -> (gender, number): يقول، تقول، يقولون، يقولان.
_PRESENT_AFFIXES = {("ي", ""): ("m", "sg"), ("ي", "ون"): ("m", "pl"), ("ي", "ان"): ("m", "du"),
                    ("ت", ""): ("f", "sg"), ("ت", "ون"): ("m", "pl"), ("ت", "ان"): ("f", "du")}


@dataclass(frozen=True)
class Form:
    """A written cue form: its past stem, the gender (m/f) and number (sg/du/pl) of its subject, and its tense."""

    stem: str
    gender: str
    number: str
    present: bool = False  # يقول، تقول (and participles, which take their tense from the main verb: False)


@dataclass(frozen=True)
class Cues:
    """Every written form of the cue verbs and participles of a lexicon, and each verb's complements."""

    verbs: dict[str, str]  # normalized form (with و/ف) -> past stem
    participles: dict[str, str]  # مضيفا، مضيفة … -> past stem
    forms: dict[str, Form]  # verbs and participles -> Form
    complements_of: dict[str, frozenset[str]]  # past stem -> prepositions (and ANY) a report may follow
    with_object: dict[str, str]  # past verbs with an object pronoun (ذكره، نشرته) -> stem: cues after ما only

    def complements(self, stem: str) -> frozenset[str]:
        """Return the prepositions (besides that-clauses, colons and quotes) a cue's report may follow."""
        return self.complements_of.get(stem, frozenset())


def _split(field: str) -> list[str]:
    return [p for p in field.split("|") if p]


def table(lex: Lexicons) -> Cues:
    """Return the cue forms of a lexicon (use lex.derived("cues", table): built once per lexicon)."""
    past: dict[str, Form] = {}
    present: dict[str, Form] = {}
    participle_forms: dict[str, Form] = {}
    complements: dict[str, frozenset[str]] = {}
    for stem, comps, present_stems, participle_stems, weak in lex.cues:
        complements[stem] = frozenset(_split(comps))
        for suffix, (gender, number) in _PAST_SUFFIXES.items():
            # Weak verbs drop their last letter before ت / وا / تا: دعا → دعت، دعوا.
            past[(weak if weak and suffix in {"ت", "وا", "تا"} else stem) + suffix] = Form(stem, gender, number)
        for p in _split(present_stems):
            for (person, suffix), (gender, number) in _PRESENT_AFFIXES.items():
                # A weak last letter drops before ون: يشتكي → يشتكون، يدعو → يدعون
                written = p[:-1] if suffix == "ون" and p[-1:] in ("ي", "و") else p
                present[person + written + suffix] = Form(stem, gender, number, present=True)
        for p in _split(participle_stems):
            participle_forms[p] = Form(stem, "m", "sg")  # مضيفا: he
    # مضيفة (she), as normalized (ة → ه)
    participle_forms |= {p[:-1] + "ه": Form(f.stem, "f", "sg") for p, f in list(participle_forms.items())} | {
        p[:-1] + "ين": Form(f.stem, "m", "pl") for p, f in list(participle_forms.items())}  # مضيفين: they
    not_cues = lex.w.not_cue
    verbs = {p + f: form for f, form in (past | present).items() for p in _PREFIXES}
    verbs = {f: form for f, form in verbs.items() if f not in not_cues}
    participles = {p + f: form for f, form in participle_forms.items() for p in _PREFIXES if p + f not in not_cues}
    # ما ذكره السفير، وفق ما نشرته الصحيفة: a past verb with the pronoun of ما as its object (ه، ها).
    with_object = {f + pronoun: form.stem for f, form in past.items() if form.number == "sg"
                   for pronoun in ("ه", "ها")}
    return Cues(
        verbs={f: form.stem for f, form in verbs.items()},
        participles={f: form.stem for f, form in participles.items()},
        forms=verbs | participles,
        complements_of=complements,
        with_object=with_object,
    )


def of(lex: Lexicons) -> Cues:
    """Return the cue table of a lexicon, built once per lexicon object."""
    return lex.derived("cues", table)
