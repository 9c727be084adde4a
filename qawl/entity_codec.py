"""Speaker entities (speakers.Entity) as JSON text and back, field by field, whatever fields the class has.

A dataset keeps each article's entities, so that canonical names can be worked out again when articles are
added, without reading the text. The fields are read from the dataclass and rebuilt from its type hints
(lists, tuples, dicts, str ...), so a field added to Entity is kept without a change here. The hints are the
annotations of the class as speakers.py writes them: compiled (qawl.native), the class itself keeps only `list`
of `list[tuple[str, ...]]`.
"""

from __future__ import annotations

import ast
import dataclasses
import json
import types
import typing
from functools import cache
from pathlib import Path

from qawl import speakers
from qawl.speakers import Entity


@cache
def _hints() -> dict[str, object]:
    """Return field -> type hint, from Entity's annotations in the source of speakers.py."""
    tree = ast.parse(Path(__file__).with_name(f"{speakers.__name__.rpartition('.')[2]}.py").read_text("utf-8"))
    cls = next(n for n in ast.walk(tree) if isinstance(n, ast.ClassDef) and n.name == Entity.__name__)
    return {n.target.id: eval(ast.unparse(n.annotation), {"__builtins__": __builtins__})  # our own source's annotations
            for n in cls.body if isinstance(n, ast.AnnAssign) and isinstance(n.target, ast.Name)}


@cache
def _names() -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(Entity))


_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def _plain(value: object) -> object:
    """Return value in JSON's terms: a dict as a list of [key, value] pairs (its keys may be tuples)."""
    if isinstance(value, dict):
        return [[_plain(k), _plain(v)] for k, v in value.items()]
    if isinstance(value, set | frozenset):
        return sorted(map(_plain, value))
    if isinstance(value, list | tuple) and any(isinstance(v, dict | set | frozenset) for v in value):
        return [_plain(v) for v in value]
    return value  # lists and tuples of plain values are JSON arrays as they are


def dumps(entity: Entity) -> str:
    """Return one entity as compact JSON text: an object of its fields."""
    return _ENCODE({name: _plain(getattr(entity, name)) for name in _names()})


class Decoder:
    """Rebuilds entities from dumps' text; equal texts give the same (shared) entity, equal tuples the same tuple,
    so a corpus's millions of entities cost little more memory than its distinct ones."""

    def __init__(self) -> None:
        self.entities: dict[str, Entity] = {}
        self.tuples: dict[tuple, tuple] = {}

    def __call__(self, text: str) -> Entity:
        """Return the entity of a dumps text (shared with every other entity of the same text)."""
        entity = self.entities.get(text)
        if entity is None:
            hints = _hints()
            data = json.loads(text)
            entity = Entity(**{name: self._typed(hints[name], value) for name, value in data.items()
                               if name in hints})
            self.entities[text] = entity
        return entity

    def _typed(self, hint: object, value: object) -> object:
        """Return a JSON value as the type hint says (tuples and dicts back from lists)."""
        origin, args = typing.get_origin(hint), typing.get_args(hint)
        if value is None:
            return None
        if origin in (typing.Union, types.UnionType):
            hint = next(a for a in args if a is not type(None))
            return self._typed(hint, value)
        if origin is dict:
            return {self._typed(args[0], k): self._typed(args[1], v) for k, v in value}
        if origin is tuple:
            items = args[:1] * len(value) if len(args) == 2 and args[1] is Ellipsis else args
            out = tuple(self._typed(a, v) for a, v in zip(items, value, strict=True))
            return self.tuples.setdefault(out, out)
        if origin in (list, set, frozenset):
            return origin(self._typed(args[0], v) for v in value)
        return value

