"""Write a ``Plan`` into the user's own tomlkit document, changing only what changed.

The kept document carries the user's comments, blank lines and key order. ``sync`` walks the
model and the document side by side: values equal to what the file holds are left alone (so
``3`` stays ``3`` where the model reads ``3.0``), changed values are replaced in place (their
trailing comments stay), keys the model no longer has are removed, and new keys are added
only when they differ from their default, so a small hand-written file stays small.
"""

from __future__ import annotations

import dataclasses
from collections.abc import MutableMapping
from enum import Enum
from typing import Any

import tomlkit
from tomlkit.items import AoT, Array, Item

from rankplan.core import model as m

# Lists of tables matched by a key rather than by position.
MATCH_KEYS: dict[type, str] = {m.Program: "id"}
# Fields that hold lists of tables (``[[name]]`` blocks in the file).
TABLE_LISTS: set[tuple[type, str]] = {
    (m.Plan, "programs"),
    (m.Plan, "goals"),
    (m.Profile, "exams"),
    (m.Schedule, "practice"),
}
# Tables of plain values written inline (``hours = { morning = 4 }``) when first added.
INLINE: set[tuple[type, str]] = {(m.Program, "criteria"), (m.Schedule, "hours")}


def plain(value: Any) -> Any:
    """The TOML-shaped value of a model value (enums become their strings)."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if dataclasses.is_dataclass(value):
        return {
            f.name: plain(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if getattr(value, f.name) is not None
        }
    return value


_MISSING = object()


def _unwrap(item: Any) -> Any:
    return item.unwrap() if isinstance(item, Item) else item


def _default(cls: type, name: str) -> Any:
    f = next(f for f in dataclasses.fields(cls) if f.name == name)
    if f.default is not dataclasses.MISSING:
        return f.default
    if f.default_factory is not dataclasses.MISSING:
        return f.default_factory()
    return dataclasses.MISSING


def _new_table(inline: bool) -> Any:
    return tomlkit.inline_table() if inline else tomlkit.table()


def sync(table: MutableMapping[str, Any], obj: Any, *, full: bool = False) -> None:
    """Make ``table`` (a tomlkit container) hold dataclass ``obj``, touching only changes.

    ``full`` writes every key of a new block (a new program shows all its fields to a reader
    of the file); otherwise an absent key is added only when its value is not the default.
    """
    cls = type(obj)
    for f in dataclasses.fields(cls):
        value = getattr(obj, f.name)
        name = f.name
        if value is None:
            table.pop(name, None)
            continue
        present = name in table
        default = _default(cls, name)
        if not present and not full and value == default:
            continue
        if dataclasses.is_dataclass(value):
            if not present:
                table[name] = _new_table(inline=False)
            sync(table[name], value, full=full or not present)
        elif (cls, name) in TABLE_LISTS:
            if value:  # an emptied list was removed before the walk
                _sync_list(table, name, value)
        elif isinstance(value, dict) and any(dataclasses.is_dataclass(v) for v in value.values()):
            if not present:
                table[name] = _new_table(inline=False)
            _sync_mapping_of_tables(table[name], value)
        elif isinstance(value, dict):
            if not present:
                table[name] = _new_table(inline=(cls, name) in INLINE)
            _sync_mapping(table[name], value, default if not full else {})
        elif not present or _unwrap(table[name]) != plain(value):
            table[name] = plain(value)


def _sync_mapping(
    table: MutableMapping[str, Any], values: dict[str, Any], defaults: dict[str, Any]
) -> None:
    """Sync a table of plain values; an absent key equal to its default stays absent."""
    for key in [k for k in table if k not in values]:
        del table[key]
    for key, value in values.items():
        if key not in table:
            if defaults.get(key, _MISSING) != value:
                table[key] = plain(value)
        elif _unwrap(table[key]) != plain(value):
            table[key] = plain(value)


def _sync_mapping_of_tables(table: MutableMapping[str, Any], values: dict[str, Any]) -> None:
    for key in [k for k in table if k not in values]:
        del table[key]
    for key, value in values.items():
        if key not in table:
            table[key] = _new_table(inline=False)
        sync(table[key], value)


def _new_block(item: Any, inline: bool) -> Any:
    """A complete table for a new list item, followed by a blank line when it is a block."""
    block = _new_table(inline=inline)
    sync(block, item, full=True)
    if not inline:
        block.add(tomlkit.nl())
    return block


def _sync_list(table: MutableMapping[str, Any], name: str, items: list[Any]) -> None:
    """Sync an array of tables: ``[[name]]`` blocks or an inline array of inline tables."""
    existing = table.get(name)
    if not isinstance(existing, (AoT, Array)):
        existing = None
    inline = isinstance(existing, Array)
    match_key = MATCH_KEYS.get(type(items[0]))
    if existing is None:
        fresh = tomlkit.aot()
        for item in items:
            fresh.append(_new_block(item, inline=False))
        table[name] = fresh
        return
    old = list(existing)
    if match_key is None:
        keys_old: list[Any] = list(range(len(old)))
        keys_new: list[Any] = list(range(len(items)))
    else:
        keys_old = [_unwrap(block.get(match_key)) for block in old]
        keys_new = [getattr(item, match_key) for item in items]
    wanted = set(keys_new)
    for index in reversed(range(len(old))):
        if keys_old[index] not in wanted:
            del existing[index]
            del keys_old[index]
    if keys_old == keys_new[: len(keys_old)]:
        for block, item in zip(existing, items):
            sync(block, item)
        for item in items[len(keys_old):]:
            existing.append(_new_block(item, inline))
        return
    # Reordered: rebuild the list from the same blocks (each keeps its own comments).
    by_key = dict(zip(keys_old, existing))
    rebuilt = tomlkit.array() if inline else tomlkit.aot()
    for key, item in zip(keys_new, items):
        block = by_key.get(key)
        if block is None:
            block = _new_block(item, inline)
        else:
            sync(block, item)
        rebuilt.append(block)
    table[name] = rebuilt


def _remove_empty_lists(table: MutableMapping[str, Any], obj: Any) -> None:
    """An emptied list of tables leaves no ``[[name]]`` block behind."""
    for f in dataclasses.fields(obj):
        value = getattr(obj, f.name)
        if f.name not in table:
            continue
        if (type(obj), f.name) in TABLE_LISTS and not value:
            del table[f.name]
        elif dataclasses.is_dataclass(value):
            _remove_empty_lists(table[f.name], value)


def update_document(doc: tomlkit.TOMLDocument, plan: m.Plan) -> str:
    """Bring ``doc`` up to date with ``plan`` and return the text to write."""
    _remove_empty_lists(doc, plan)
    sync(doc, plan)
    return tomlkit.dumps(doc)


def parse_document(text: str) -> tomlkit.TOMLDocument:
    return tomlkit.parse(text)

