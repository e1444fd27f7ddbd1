"""Strict reading: bytes -> UTF-8 text -> tomllib -> validated ``Plan``."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from rankplan.core.model import Plan
from rankplan.storage.errors import (
    PlanError,
    from_decode_error,
    from_deep_nesting,
    from_huge_number,
    from_toml_error,
)

BOM = b"\xef\xbb\xbf"


@dataclass
class Loaded:
    """What reading a plan file gave: the plan or the errors, and the text as read."""

    plan: Plan | None
    errors: list[PlanError]
    text: str = ""
    data: bytes = b""

    @property
    def ok(self) -> bool:
        return self.plan is not None


def parse_text(text: str) -> tuple[Plan | None, list[PlanError]]:
    # Imported here: the app's reading child validates, and the interface's way to its
    # first frame need not import the checks (and the exam tables they use).
    from rankplan.storage.validate import validate

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return None, [from_toml_error(exc, text)]
    except RecursionError:  # arrays nested hundreds deep: tomllib recurses once per level
        return None, [from_deep_nesting(text)]
    except ValueError:  # an integer longer than Python reads (4300 digits)
        return None, [from_huge_number(text)]
    return validate(data)


def decode(data: bytes) -> tuple[str | None, list[PlanError]]:
    """Strict UTF-8, a leading BOM dropped (positions in errors count from after it)."""
    body = data[len(BOM):] if data.startswith(BOM) else data
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, [from_decode_error(exc, body)]
    return text, []


def read_plan(path: Path) -> Loaded:
    """Read and validate ``path``; never raises for a bad file, only reports it."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return Loaded(None, [PlanError("no plan file here (run rankplan to create one)")])
    except OSError as exc:
        return Loaded(None, [PlanError(f"cannot read the file: {exc.strerror or exc}")])
    return loaded_from(data)


def loaded_from(data: bytes) -> Loaded:
    """What reading a file with these bytes gives (``read_plan`` once the bytes are read)."""
    text, errors = decode(data)
    if text is None:
        return Loaded(None, errors, data=data)
    plan, errors = parse_text(text)
    if errors:
        from rankplan.storage.locate import place

        errors = place(text, errors)
    return Loaded(plan, errors, text, data)
