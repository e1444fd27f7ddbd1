"""The plan as plain data: dicts, lists, strings, numbers, booleans and None (pure).

Keys are the plan file's keys in the model's order; every key is present, an unset date is
None; enums become their strings and dates ISO strings. The JSON export writes this.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from enum import Enum
from typing import Any


def plain_data(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [plain_data(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain_data(v) for k, v in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain_data(getattr(value, f.name)) for f in dataclasses.fields(value)}
    return value
