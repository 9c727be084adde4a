"""One canonical name per source: merging titles, short names and full names within and across articles."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from qawl import names
from qawl.normalize import normalize
from qawl.tokenize import words as word_list


def _strip_al(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


@dataclass
class Entity:
    """A source within one article: the names and titles it went by, and how they were written."""

    names: list[tuple[str, ...]] = field(default_factory=list)
    titles: list[tuple[str, ...]] = field(default_factory=list)
    written: dict[tuple[str, ...], str] = field(default_factory=dict)  # normalized words -> as written
    surfaces: Counter = field(default_factory=Counter)

    def key(self) -> tuple[str, ...]:
        """Return the entity's longest name, else its longest title: its identity across articles."""
        pool = self.names or self.titles
        return max(pool, key=lambda t: (len(t), -pool.index(t)))

    def matches_name(self, name: tuple[str, ...]) -> bool:
        """Return whether a name is this entity's full name, a part of it, or a fuller form."""
        return any(set(name) <= set(n) or set(n) <= set(name) for n in self.names)

    def matches_title(self, title: tuple[str, ...]) -> bool:
        """Return whether a bare title (الرئيس الصيني، الوزير) fits one of this entity's titles."""
        bare = {_strip_al(w) for w in title}
        if not self.names:
            return any(bare == {_strip_al(w) for w in t} for t in self.titles)
        return any(bare <= {_strip_al(w) for w in t} for t in self.titles)


def _parts(surface: str) -> tuple[list[str], list[str]]:
    written = word_list(surface)
    return written, [normalize(w) for w in written]


def _mention(surface: str, apposition: str) -> tuple[names.Mention, dict[tuple[str, ...], str]]:
    """Return the title/name split of a mention and its apposition, and how each part was written."""
    written, norm = _parts(surface)
    main = names.split(norm)
    spelled = {tuple(norm): " ".join(written)}
    title, name = main.title, main.name
    if apposition:
        app_written, app_norm = _parts(apposition)
        app = names.split(app_norm)
        spelled[tuple(app_norm)] = " ".join(app_written)
        if not name and app.name:
            name = app.name
            spelled[name] = " ".join(app_written[len(app.title):])
        title = title or app.title
    if name:
        spelled[name] = " ".join(written[len(main.title):]) if name == main.name else spelled.get(name, "")
    if title:
        spelled[title] = " ".join(written[: len(title)]) if title == main.title else spelled.get(title, "")
    return names.Mention(title, name), spelled


def resolve_article(mentions: list[tuple[str, str]]) -> tuple[list[int], list[Entity]]:
    """Return, for each (mention, apposition) of one article, the index of its entity, and the entities."""
    entities: list[Entity] = []
    cache: dict[tuple[str, str], int] = {}
    out: list[int] = []
    for surface, apposition in mentions:
        if (surface, apposition) in cache:
            index = cache[(surface, apposition)]
            entities[index].surfaces[surface] += 1
            out.append(index)
            continue
        mention, spelled = _mention(surface, apposition)
        index = -1
        for k in range(len(entities) - 1, -1, -1):
            e = entities[k]
            if (mention.name and e.matches_name(mention.name)) or (
                mention.title and not mention.name and e.matches_title(mention.title)
            ) or (mention.name and mention.title and not e.names and e.matches_title(mention.title)
                  and set(mention.title) == set(e.titles[0])):
                index = k
                break
        if index < 0:
            entities.append(Entity())
            index = len(entities) - 1
        e = entities[index]
        for part, bucket in ((mention.name, e.names), (mention.title, e.titles)):
            if part and part not in bucket:
                bucket.append(part)
        for part, text in spelled.items():
            if text:
                e.written.setdefault(part, text)
        e.surfaces[surface] += 1
        if apposition:
            e.surfaces[apposition] += 1
        cache[(surface, apposition)] = index
        out.append(index)
    return out, entities


def merge_keys(keys: list[tuple[str, ...]]) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Return each key mapped to the one fuller name it stands for across the corpus (شي → شي جين بينغ)."""
    distinct = sorted(set(keys), key=len, reverse=True)
    target: dict[tuple[str, ...], tuple[str, ...]] = {}
    for key in distinct:
        fuller = [k for k in distinct if len(k) > len(key) and set(key) <= set(k) and k[-1] == key[-1]]
        roots = {target.get(k, k) for k in fuller}
        target[key] = roots.pop() if len(roots) == 1 else key
    return target


def canonical_names(per_article: list[list[Entity]]) -> list[list[str]]:
    """Return the canonical display name of every entity of every article (same person, same name)."""
    keys = [e.key() for article in per_article for e in article]
    target = merge_keys([k for k in keys])
    written: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    for article in per_article:
        for e in article:
            for part, text in e.written.items():
                written[part][text] += 1
    out = []
    for article in per_article:
        row = []
        for e in article:
            root = target[e.key()]
            spelled = written[root].most_common(1)
            row.append(spelled[0][0] if spelled else " ".join(root))
        out.append(row)
    return out
