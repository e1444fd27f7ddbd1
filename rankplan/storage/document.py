"""Write a ``Plan`` into the user's own tomlkit document, changing only what changed.

The kept document carries the user's comments, blank lines and key order. ``sync`` walks the
model and the document side by side: values equal to what the file holds are left alone (so
``3`` stays ``3`` where the model reads ``3.0``), changed values are replaced in place (their
trailing comments stay), keys the model no longer has are removed, and new keys are added
only when they differ from their default, so a small hand-written file stays small.
"""

from __future__ import annotations

import dataclasses
import tomllib
from collections.abc import MutableMapping
from enum import Enum
from typing import Any

import tomlkit
from tomlkit.items import AoT, Array, InlineTable, Item, Table

from rankplan.core import model as m

# Lists of tables matched by a key rather than by position.
MATCH_KEYS: dict[type, str] = {m.Program: "id"}
# Fields that hold lists of tables (``[[name]]`` blocks in the file).
TABLE_LISTS: set[tuple[type, str]] = {
    (m.Plan, "programs"),
    (m.Plan, "goals"),
    (m.Profile, "exams"),
    (m.Schedule, "practice"),
    (m.Reapply, "feedback"),
    (m.Reapply, "letters"),
    (m.Reapply, "advocates"),
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


def _inside_inline(table: Any) -> bool:
    """True where new sub-tables must be written inline: inside an inline table, and inside
    a table written with dotted keys (``profile.name = "A"``), where a ``[header]`` block
    would land in the middle of the document and capture the keys that follow it."""
    return isinstance(table, InlineTable) or (
        isinstance(table, Table) and table.is_super_table() and _has_plain_values(table)
    )


def _has_plain_values(table: Any) -> bool:
    """A super table holding values itself was made by dotted keys (one made only by
    ``[a.b]`` headers holds nothing but tables)."""
    return any(not isinstance(v, (Table, AoT)) for v in table.value.values())


def sync(table: MutableMapping[str, Any], obj: Any, *, full: bool = False,
         prev: dict | None = None, cur: dict | None = None) -> None:
    """Make ``table`` (a tomlkit container) hold dataclass ``obj``, touching only changes.

    ``full`` writes every key of a new block (a new program shows all its fields to a reader
    of the file); otherwise an absent key is added only when its value is not the default.
    ``prev`` and ``cur`` are ``plain`` forms of ``obj`` as last written into ``table`` and
    now: a field equal in both is skipped without touching the document (a save at 300
    programs then costs what changed, not the whole file).
    """
    cls = type(obj)
    gone: list[str] = []
    for f in dataclasses.fields(cls):
        value = getattr(obj, f.name)
        name = f.name
        if prev is not None and cur is not None and name in cur and name in prev \
                and cur[name] == prev[name]:
            continue
        sub_prev = prev.get(name) if prev is not None else None
        sub_cur = cur.get(name) if cur is not None else None
        if value is None:
            gone.append(name)
            continue
        present = name in table
        default = _default(cls, name)
        if not present and not full and value == default:
            continue
        if dataclasses.is_dataclass(value):
            if not present:
                table[name] = _new_table(inline=_inside_inline(table))
                sub_prev = None
            sync(table[name], value, full=full or not present, prev=sub_prev, cur=sub_cur)
        elif (cls, name) in TABLE_LISTS:
            if value:  # an emptied list was removed before the walk
                _sync_list(table, name, value, sub_prev, sub_cur)
        elif isinstance(value, dict) and any(dataclasses.is_dataclass(v) for v in value.values()):
            if not present:
                table[name] = _new_table(inline=_inside_inline(table))
            _sync_mapping_of_tables(table[name], value)
        elif isinstance(value, dict):
            if not present:
                table[name] = _new_table(inline=(cls, name) in INLINE or _inside_inline(table))
            _sync_mapping(table[name], value, default if not full else {})
        elif not present:
            table[name] = _item(value, table)
        elif _unwrap(table[name]) != plain(value):
            if not (isinstance(value, list) and _rearrange(table[name], plain(value))):
                table[name] = _item(value, table)
    _delete(table, gone)


def _item(value: Any, table: Any) -> Any:
    """The TOML item for a plain value: text with line breaks as a \"\"\" block (easier to
    edit by hand than one line full of \\n), when it reads back exactly."""
    value = plain(value)
    if isinstance(value, str) and "\n" in value and not _inside_inline(table):
        block = tomlkit.string(value, multiline=True)
        try:
            if tomllib.loads(f"x = {block.as_string()}")["x"] == value:
                return block
        except tomllib.TOMLDecodeError:
            pass
    return value


def _delete(table: MutableMapping[str, Any], names: list[str]) -> None:
    """Remove the keys ``names`` from ``table``, after all other changes, last key first.

    A table written in parts (dotted keys, or sub-tables after other tables) is a tomlkit
    proxy whose bookkeeping goes wrong when a part is emptied before a later one is changed.
    """
    for key in reversed([k for k in table if k in names]):
        del table[key]


def _rearrange(array: Any, values: list[Any]) -> bool:
    """Turn a multi-line array of distinct values into ``values`` in place.

    A value that stays keeps its own comment (``"univ-a",  # home``) wherever it moves, and
    comments on their own lines stay where they are. Returns False when that cannot be done
    exactly (the caller then writes a fresh array, and ``array`` may be half changed).
    """
    if not isinstance(array, Array) or "\n" not in array.as_string():
        return False
    old = array.unwrap()
    if len(set(old)) != len(old) or len(set(values)) != len(values):
        return False
    wanted, kept = set(values), set(old)
    for index in reversed(range(len(old))):
        if old[index] not in wanted:
            del array[index]
    # tomlkit keeps each value in a group with its indent, comma and comment (no public API).
    groups = [array._value[array._index_map[i]] for i in range(len(array))]
    moving = {group.value.unwrap(): (group.value, group.comment) for group in groups}
    for index, (group, value) in enumerate(zip(groups, [v for v in values if v in kept])):
        item, group.comment = moving[value]
        array[index] = item
    for index, value in enumerate(values):
        if value not in kept:
            array.insert(index, value)
    try:  # a comment moved onto a line shared with other values would hide them
        return tomllib.loads(f"v = {array.as_string()}")["v"] == values
    except tomllib.TOMLDecodeError:
        return False


def _sync_mapping(
    table: MutableMapping[str, Any], values: dict[str, Any], defaults: dict[str, Any]
) -> None:
    """Sync a table of plain values; an absent key equal to its default stays absent."""
    for key, value in values.items():
        if key not in table:
            if defaults.get(key, _MISSING) != value:
                table[key] = plain(value)
        elif _unwrap(table[key]) != plain(value):
            table[key] = plain(value)
    _delete(table, [k for k in table if k not in values])


def _sync_mapping_of_tables(table: MutableMapping[str, Any], values: dict[str, Any]) -> None:
    for key, value in values.items():
        if key not in table:
            table[key] = _new_table(inline=_inside_inline(table))
        sync(table[key], value)
    _delete(table, [k for k in table if k not in values])


def _new_block(item: Any, inline: bool) -> Any:
    """A complete table for a new list item, followed by a blank line when it is a block."""
    block = _new_table(inline=inline)
    sync(block, item, full=True)
    if not inline:
        block.add(tomlkit.nl())
    return block


def _sync_list(table: MutableMapping[str, Any], name: str, items: list[Any],
               prev: list | None = None, cur: list | None = None) -> None:
    """Sync an array of tables: ``[[name]]`` blocks or an inline array of inline tables."""
    existing = table.get(name)
    if not isinstance(existing, (AoT, Array)):
        existing = None
    inline = isinstance(existing, Array)
    match_key = MATCH_KEYS.get(type(items[0]))
    if existing is None:
        inline = _inside_inline(table)
        fresh = tomlkit.array() if inline else _aot()
        for item in items:
            _append(fresh, _new_block(item, inline=inline))
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
    before = _previous_items(prev, match_key)
    after = cur or [None] * len(items)

    def sync_block(block: Any, key: Any, item: Any, now: dict | None) -> None:
        sync(block, item, prev=before.get(key) if now is not None else None, cur=now)

    if keys_old == keys_new[: len(keys_old)]:
        for block, key, item, now in zip(existing, keys_new, items, after):
            sync_block(block, key, item, now)
        for item in items[len(keys_old):]:
            _append(existing, _new_block(item, inline))
        return
    # Reordered: rebuild the list from the same blocks (each keeps its own comments).
    by_key = dict(zip(keys_old, existing))
    rebuilt = tomlkit.array() if inline else _aot()
    for key, item, now in zip(keys_new, items, after):
        block = by_key.get(key)
        if block is None:
            _append(rebuilt, _new_block(item, inline))
        else:
            sync_block(block, key, item, now)
            rebuilt.append(block)
    table[name] = rebuilt


def _aot() -> AoT:
    """An empty ``[[name]]`` list that leaves the blank lines between its blocks alone
    (tomlkit's own adds a blank line before every block it is given, which piled up at every
    reordering: a kept block already ends with its blank line)."""
    return AoT([], parsed=True)


def _append(blocks: Any, block: Any) -> None:
    """Append a new block, one blank line after the block before it (a new block ends with
    its own blank line; a hand-written one may not)."""
    if isinstance(blocks, AoT):
        blocks._parsed = True  # no blank line of tomlkit's own: see ``_aot``
        if len(blocks) and not blocks[-1].as_string().endswith("\n\n"):
            block.trivia.indent = "\n" + block.trivia.indent
    blocks.append(block)


def _previous_items(prev: list | None, match_key: str | None) -> dict[Any, dict]:
    """The last written form of each list item, by its match key (or its position)."""
    if not prev:
        return {}
    if match_key is None:
        return dict(enumerate(prev))
    return {item.get(match_key): item for item in prev}


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


def update_document(
    doc: tomlkit.TOMLDocument, plan: m.Plan, previous: dict | None = None
) -> tuple[str, dict]:
    """Bring ``doc`` up to date with ``plan``: the text to write, and ``plain(plan)`` to pass
    as ``previous`` next time, once that text is safely written (None: compare everything)."""
    current = plain(plan)
    _remove_empty_lists(doc, plan)
    sync(doc, plan, prev=previous, cur=current)
    return tomlkit.dumps(doc), current


def parse_document(text: str) -> tomlkit.TOMLDocument:
    # tomlkit glues a table or key appended later onto a last line that has no newline.
    if text and not text.endswith("\n"):
        text += "\n"
    return tomlkit.parse(text)

