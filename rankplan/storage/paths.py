"""Where rankplan keeps its files (platformdirs), with the overrides of DESIGN §3."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "rankplan"
ENV_FILE = "RANKPLAN_FILE"


def default_plan_path() -> Path:
    return platformdirs.user_data_path(APP_NAME) / "plan.toml"


def plan_path(option: str | os.PathLike[str] | None = None) -> Path:
    """``--file`` wins, then ``$RANKPLAN_FILE``, then the platform's data folder."""
    if option:
        return Path(option).expanduser()
    if env := os.environ.get(ENV_FILE):
        return Path(env).expanduser()
    return default_plan_path()


def settings_path() -> Path:
    return platformdirs.user_config_path(APP_NAME) / "settings.toml"
