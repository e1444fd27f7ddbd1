"""Shared fixtures: every test runs with private data and config folders and a fixed today."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers import DEMO, TODAY


@pytest.fixture(autouse=True)
def _isolated(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test touches the real data or config folders, and "today" is fixed."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("RANKPLAN_TODAY", TODAY.isoformat())
    monkeypatch.delenv("RANKPLAN_FILE", raising=False)


@pytest.fixture
def demo_path(tmp_path: Path) -> Path:
    """A copy of the demo plan in a private temporary folder."""
    folder = tmp_path / "plans"
    folder.mkdir(mode=0o700)
    path = folder / "plan.toml"
    shutil.copy(DEMO, path)
    path.chmod(0o600)
    return path


@pytest.fixture
def plan_file(tmp_path: Path):
    """Write a plan text to a private folder and return its path."""

    def write(text: str, name: str = "plan.toml") -> Path:
        folder = tmp_path / "plans"
        folder.mkdir(mode=0o700, exist_ok=True)
        path = folder / name
        path.write_text(text, encoding="utf-8")
        return path

    return write


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch) -> dict[str, bool]:
    """Every atomic write fails as on a full disk while ``full_disk["on"]`` (root ignores
    chmod, so this is how a failed save is made); set it False and writes work again."""
    from rankplan.storage import files

    real = files.atomic_write
    switch = {"on": True}

    def flaky(path, data, **kwargs):
        if switch["on"]:
            raise OSError(28, "No space left on device")
        return real(path, data, **kwargs)

    monkeypatch.setattr(files, "atomic_write", flaky)
    return switch
