"""Snapshots run on the demo copied to ./plan.toml, so paths on screen are the same each run."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import DEMO


@pytest.fixture
def demo_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    shutil.copy(DEMO, tmp_path / "plan.toml")
    return Path("plan.toml")
