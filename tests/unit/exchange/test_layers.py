"""Start-up never imports the exchange package, and exchange needs no UI or calendar library."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from helpers import ROOT

EXCHANGE = sorted(
    f"rankplan.exchange.{p.stem}" for p in (ROOT / "rankplan" / "exchange").glob("*.py")
    if p.stem != "__init__"
)


def loaded_modules(*imports: str) -> set[str]:
    script = "import importlib, json, sys\n"
    script += "".join(f"importlib.import_module({name!r})\n" for name in imports)
    script += "print(json.dumps(sorted(sys.modules)))\n"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            env=env, cwd=ROOT, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    return set(json.loads(result.stdout))


def under(modules: set[str], root: str) -> list[str]:
    return sorted(m for m in modules if m == root or m.startswith(root + "."))


@pytest.mark.parametrize("entry", ["rankplan.cli", "rankplan.tui.app"])
def test_start_up_does_not_import_exchange(entry: str) -> None:
    loaded = loaded_modules(entry)
    assert entry in loaded
    assert under(loaded, "rankplan.exchange") == []
    assert under(loaded, "icalendar") == []


def test_the_exchange_modules_are_found() -> None:
    assert {"rankplan.exchange.text", "rankplan.exchange.markdown", "rankplan.exchange.csv_export",
            "rankplan.exchange.ics", "rankplan.exchange.csv_import"} <= set(EXCHANGE)


def test_exchange_imports_no_ui_and_no_calendar_library() -> None:
    loaded = loaded_modules(*EXCHANGE)
    for root in ("textual", "rich.console", "rich.text", "rich.markup", "icalendar", "dateutil"):
        assert under(loaded, root) == [], root
    # rich.cells measures text in terminal cells (the text export); nothing else of rich.
    assert [m for m in under(loaded, "rich") if not m.startswith(("rich.cells", "rich._"))] \
        in ([], ["rich"])
