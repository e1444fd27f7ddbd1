"""The app's own settings (the chosen theme, the last export and import folders), kept apart
from the plan in ``settings.toml``; the key remapping ``keymap.toml`` (rankplan.tui.keymap)
lives in the same folder."""

from __future__ import annotations

import tomllib
from pathlib import Path

from rankplan.storage.files import atomic_write, ensure_private_folder
from rankplan.storage.paths import settings_path

KEYS = ("theme", "export_folder", "import_folder")  # written in this order; others kept


def config_folder() -> Path:
    """The folder of ``settings.toml`` and ``keymap.toml`` (``rankplan path --settings``)."""
    return settings_path().parent


def keymap_path() -> Path:
    return config_folder() / "keymap.toml"


def load(path: Path | None = None) -> dict:
    path = path or settings_path()
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return {}  # no settings yet, or unreadable: defaults


def _text(key: str, path: Path | None) -> str | None:
    value = load(path).get(key)
    return value if isinstance(value, str) else None


def _save(key: str, value: str, path: Path | None) -> None:
    """Set one string setting, keeping the others (string settings only)."""
    import json  # 3 ms that start-up, which only reads the settings, need not pay

    path = path or settings_path()
    data = {k: v for k, v in load(path).items() if isinstance(v, str)}
    data[key] = value
    ensure_private_folder(path.parent)
    text = "# rankplan settings (the plan itself lives in plan.toml)\n"
    for name in [*(k for k in KEYS if k in data), *(k for k in data if k not in KEYS)]:
        text += f"{json.dumps(name) if not name.replace('_', '').isalnum() else name} = "
        text += f"{json.dumps(data[name], ensure_ascii=False)}\n"
    atomic_write(path, text.encode("utf-8"))


def load_theme(path: Path | None = None) -> str | None:
    return _text("theme", path)


def save_theme(theme: str, path: Path | None = None) -> None:
    _save("theme", theme, path)


def load_folder(kind: str, path: Path | None = None) -> Path | None:
    """The folder of the last export or import (``kind``: "export" or "import"), if it
    is still there."""
    text = _text(f"{kind}_folder", path)
    folder = Path(text) if text else None
    return folder if folder is not None and folder.is_dir() else None


def save_folder(kind: str, folder: Path, path: Path | None = None) -> None:
    _save(f"{kind}_folder", str(folder), path)
