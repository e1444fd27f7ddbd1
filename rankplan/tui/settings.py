"""The app's own settings (the chosen theme), kept apart from the plan in ``settings.toml``;
the key remapping ``keymap.toml`` (rankplan.tui.keymap) lives in the same folder."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

from rankplan.storage.files import atomic_write, ensure_private_folder
from rankplan.storage.paths import settings_path


def config_folder() -> Path:
    """The folder of ``settings.toml`` and ``keymap.toml`` (``rankplan path --settings``)."""
    return settings_path().parent


def keymap_path() -> Path:
    return config_folder() / "keymap.toml"


def load_theme(path: Path | None = None) -> str | None:
    path = path or settings_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None  # no settings yet, or unreadable: fall back to the default theme
    theme = data.get("theme")
    return theme if isinstance(theme, str) else None


def save_theme(theme: str, path: Path | None = None) -> None:
    path = path or settings_path()
    ensure_private_folder(path.parent)
    text = "# rankplan settings (the plan itself lives in plan.toml)\n"
    text += f"theme = {json.dumps(theme)}\n"
    atomic_write(path, text.encode("utf-8"))
