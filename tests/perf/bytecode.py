"""Compile rankplan's modules to bytecode before a start-up is timed, as an install does.

pip compiles a package's modules when it installs it, and Python writes the bytecode of the
rest at their first import; Textual's are compiled in the benchmark's venv already. An
editable install compiles nothing, and with PYTHONDONTWRITEBYTECODE set (this machine sets
it) every start would compile rankplan's changed modules from source again: some tens of
milliseconds that no user's start pays, counted against rankplan alone.
"""

from __future__ import annotations

import compileall
from pathlib import Path


def compile_package(tree: Path) -> None:
    """Write fresh bytecode for the ``rankplan`` package under ``tree``."""
    compileall.compile_dir(str(tree / "rankplan"), quiet=1)
