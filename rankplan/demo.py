"""The built-in example plans: an internal medicine applicant after a failed Step 1
(``demo.toml``), and a reapplicant after an unmatched internal medicine cycle
(``demo_reapply.toml``, ``rankplan demo --reapply``)."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

from rankplan.storage.files import FILE_MODE, atomic_write


def demo_text(reapply: bool = False) -> str:
    name = "demo_reapply.toml" if reapply else "demo.toml"
    return resources.files("rankplan.data").joinpath(name).read_text(encoding="utf-8")


def write_demo(path: Path, reapply: bool = False) -> None:
    """Write the example plan to ``path`` (0600, atomically)."""
    atomic_write(path, demo_text(reapply).encode("utf-8"))


def demo_copy(reapply: bool = False) -> Path:
    """A fresh copy of the example in a private temporary folder, away from the user's plan."""
    folder = Path(tempfile.mkdtemp(prefix="rankplan-demo-"))
    path = folder / "plan.toml"
    write_demo(path, reapply)
    path.chmod(FILE_MODE)
    return path


@contextmanager
def demo_session(reapply: bool = False) -> Iterator[Path]:
    """``demo_copy`` for one run of ``rankplan demo``: the temporary folder (plan, backup,
    lock, conflict copies) is removed when the run ends, however it ends."""
    path = demo_copy(reapply)
    try:
        yield path
    finally:
        shutil.rmtree(path.parent, ignore_errors=True)
