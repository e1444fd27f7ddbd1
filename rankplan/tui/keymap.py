"""Key remapping (DESIGN §6): ``keymap.toml`` beside ``settings.toml``, and the list of every
binding that ``rankplan keys`` prints.

The file has one top-level line per binding: ``"app.rank" = "f9"`` (several keys
comma-separated, as Textual's ``App.set_keymap`` takes them). Each line is read on its own, so
one bad line (not TOML, keys that are not a string, an id no binding has) is reported with its
line number and the others still apply.

Reading the file needs no Textual; ``bindings()`` imports the screens and widgets (not the
app's start-up), which is what ``rankplan keys`` and the check of ids pay for.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

KEYMAP_NAME = "keymap.toml"

# Where a binding acts, by the first part of its id.
WHERE = {
    "app": "everywhere",
    "profile": "Profile",
    "debrief": "Debrief",
    "rank": "Rank list",
    "soap": "Rank list (SOAP plan)",
    "findings": "findings lists",
    "schedule": "Schedule",
    "week": "Schedule (week grid)",
    "reapply": "Reapply",
    "help": "help",
    "dialog": "dialogs",
    "choice": "forms (a ▼ choice)",
    "error": "cannot-open view",
    "conflict": "changed-on-disk dialog",
    "diff": "changed-on-disk differences",
    "checkbox": "checkboxes",
}

# The modules whose screens and widgets hold the app's bindings.
MODULES = (
    "rankplan.tui.app",
    "rankplan.tui.screens.profile",
    "rankplan.tui.screens.profile_later",
    "rankplan.tui.screens.debrief",
    "rankplan.tui.screens.rank",
    "rankplan.tui.screens.schedule",
    "rankplan.tui.screens.reapply",
    "rankplan.tui.screens.help",
    "rankplan.tui.screens.dialogs",
    "rankplan.tui.screens.plan_error",
)


@dataclass(frozen=True)
class KeyBinding:
    """One binding as ``rankplan keys`` lists it."""

    id: str
    keys: str
    where: str
    description: str
    owner: str  # the class that declares it


@dataclass(frozen=True)
class KeymapProblem:
    line: int
    message: str

    def render(self, path: Path) -> str:
        return f"{path}:{self.line}: {self.message}"


def _where(binding_id: str) -> str:
    return WHERE.get(binding_id.partition(".")[0], "")


def bindings() -> list[KeyBinding]:
    """Every binding the app declares, by class, in the order of MODULES and of BINDINGS."""
    import importlib

    from textual.binding import Binding
    from textual.dom import DOMNode

    for name in MODULES:
        importlib.import_module(name)
    seen: set[type] = set()
    found: list[KeyBinding] = []

    def walk(cls: type) -> Iterable[type]:
        for sub in cls.__subclasses__():
            if sub not in seen:
                seen.add(sub)
                yield sub
                yield from walk(sub)

    classes = [c for c in walk(DOMNode) if c.__module__.startswith("rankplan.")]
    order = {name: i for i, name in enumerate(MODULES)}
    classes.sort(key=lambda c: (order.get(c.__module__, len(MODULES)), c.__module__))
    for cls in classes:
        for item in cls.__dict__.get("BINDINGS", ()):
            if not isinstance(item, Binding):
                item = Binding(*item)
            found.append(KeyBinding(id=item.id or "", keys=item.key, where=_where(item.id or ""),
                                    description=item.description, owner=cls.__name__))
    return found


def binding_ids() -> set[str]:
    return {b.id for b in bindings() if b.id}


def read_keymap(text: str, known: set[str] | None = None,
                ) -> tuple[dict[str, str], list[KeymapProblem]]:
    """The keymap a file's text gives, and its bad lines (each ignored). ``known``: the
    binding ids (None: ids are not checked here; see ``unknown_ids``)."""
    keymap: dict[str, str] = {}
    problems: list[KeymapProblem] = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        try:
            data = tomllib.loads(line)
        except tomllib.TOMLDecodeError:
            problems.append(KeymapProblem(number, 'not a line of the form "binding.id" = '
                                          '"keys"; it is ignored'))
            continue
        if len(data) != 1:
            problems.append(KeymapProblem(number, "only top-level lines of the form "
                                          '"binding.id" = "keys" are read; it is ignored'))
            continue
        ((binding_id, keys),) = data.items()
        if not isinstance(keys, str):
            problems.append(KeymapProblem(number, f'the keys for "{binding_id}" must be a string '
                                          'in quotes, such as "f9" or "f9,ctrl+k"; it is ignored'))
        elif known is not None and binding_id not in known:
            problems.append(KeymapProblem(number, f'no binding has the id "{binding_id}" '
                                          "(rankplan keys lists them); it is ignored"))
        elif not all(part.strip() and " " not in part.strip() for part in keys.split(",")):
            problems.append(KeymapProblem(number, f'"{keys}" is not a list of keys such as '
                                          '"f9" or "f9,ctrl+k"; it is ignored'))
        else:
            if binding_id in keymap:
                problems.append(KeymapProblem(number, f'"{binding_id}" is set again; this '
                                              "later line wins"))
            keymap[binding_id] = ",".join(part.strip() for part in keys.split(","))
    return keymap, problems


def unknown_ids(text: str, known: set[str]) -> list[KeymapProblem]:
    """The lines of a keymap whose id no binding has (the app checks them after its first
    frame: knowing every id imports every screen)."""
    _, problems = read_keymap(text, known)
    return [p for p in problems if p.message.startswith("no binding has the id")]


def read_keymap_file(path: Path) -> tuple[str, list[str]]:
    """The text of the keymap file ("" when there is none) and why it could not be read."""
    try:
        return path.read_bytes().decode("utf-8-sig"), []
    except FileNotFoundError:
        return "", []
    except OSError as exc:
        return "", [f"{path}: cannot read it ({exc.strerror or exc}); the default keys are used"]
    except UnicodeDecodeError:
        return "", [f"{path}: not UTF-8 text; the default keys are used"]
