"""The built-in example plan (an internal medicine applicant after a failed Step 1)."""

from __future__ import annotations

import tempfile
from importlib import resources
from pathlib import Path

from rankplan.storage.files import FILE_MODE, atomic_write


def demo_text() -> str:
    return resources.files("rankplan.data").joinpath("demo.toml").read_text(encoding="utf-8")


def write_demo(path: Path) -> None:
    """Write the example plan to ``path`` (0600, atomically)."""
    atomic_write(path, demo_text().encode("utf-8"))


def demo_copy() -> Path:
    """A fresh copy of the example in a private temporary folder, away from the user's plan."""
    folder = Path(tempfile.mkdtemp(prefix="rankplan-demo-"))
    path = folder / "plan.toml"
    write_demo(path)
    path.chmod(FILE_MODE)
    return path
