"""Layering: core imports no UI, storage or I/O modules; nothing in rankplan touches the network."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ROOT

PACKAGE = ROOT / "rankplan"
CORE = PACKAGE / "core"

FORBIDDEN_IN_CORE = (
    "textual", "rich", "tomlkit", "platformdirs", "filelock",
    "tomllib", "socket", "tempfile", "subprocess", "shutil",
)
NETWORK_MODULES = (
    "socket", "ssl", "urllib", "urllib3", "http", "requests", "httpx", "aiohttp",
    "websocket", "websockets", "ftplib", "smtplib", "poplib", "imaplib", "telnetlib",
    "xmlrpc", "socketserver",
)
NETWORK_CALLS = (
    "open_connection", "open_unix_connection", "start_server", "start_unix_server",
    "create_connection", "create_server", "create_datagram_endpoint", "sock_connect",
)

CORE_MODULES = ["rankplan.core"] + sorted(
    f"rankplan.core.{p.stem}" for p in CORE.glob("*.py") if p.stem != "__init__"
)


def loaded_modules(*imports: str) -> set[str]:
    """The modules a fresh interpreter holds after importing ``imports`` (none: the baseline)."""
    script = "import importlib, json, sys\n"
    script += "".join(f"importlib.import_module({name!r})\n" for name in imports)
    script += "print(json.dumps(sorted(sys.modules)))\n"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=60, check=False,
    )
    assert result.returncode == 0, result.stderr
    return set(json.loads(result.stdout))


@pytest.fixture(scope="module")
def baseline() -> set[str]:
    return loaded_modules()


def is_under(module: str, roots: tuple[str, ...]) -> bool:
    return any(module == root or module.startswith(root + ".") for root in roots)


def test_core_modules_are_found() -> None:
    assert {"rankplan.core.model", "rankplan.core.rules", "rankplan.core.dates"} <= set(CORE_MODULES)


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_module_imports_nothing_forbidden(module: str, baseline: set[str]) -> None:
    added = loaded_modules(module) - baseline
    assert module in added, "the import did not happen"
    forbidden = sorted(m for m in added if is_under(m, FORBIDDEN_IN_CORE))
    assert forbidden == [], f"{module} pulls in {forbidden}"


def test_all_of_core_together_imports_nothing_forbidden(baseline: set[str]) -> None:
    added = loaded_modules(*CORE_MODULES) - baseline
    assert sorted(m for m in added if is_under(m, FORBIDDEN_IN_CORE)) == []


def network_uses(path: Path) -> list[str]:
    """Every import of a network module, or call of a socket-opening function, in ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Call):
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if called in NETWORK_CALLS:
                found.append(f"line {node.lineno}: calls {called}")
            if called in ("import_module", "__import__") and node.args:
                arg = node.args[0]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    names = [arg.value]
        for name in names:
            last = name.rsplit(".", 1)[-1]
            if is_under(name, NETWORK_MODULES) or last in NETWORK_CALLS:
                found.append(f"line {node.lineno}: {name}")
    return found


def test_network_scan_catches_what_it_should(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import socket\nfrom urllib.request import urlopen\nimport http.client as hc\n"
        "from asyncio import open_connection\nimport asyncio\n"
        "async def f():\n    await asyncio.open_connection('h', 1)\n"
        "importlib.import_module('ssl')\n",
        encoding="utf-8",
    )
    flagged_lines = {int(use.split()[1].rstrip(":")) for use in network_uses(sample)}
    assert flagged_lines == {1, 2, 3, 4, 7, 8}, "plain `import asyncio` (line 5) is allowed"


def test_no_module_in_rankplan_uses_the_network() -> None:
    sources = sorted(PACKAGE.rglob("*.py"))
    assert len(sources) > 10
    offenders = {
        str(path.relative_to(ROOT)): uses for path in sources if (uses := network_uses(path))
    }
    assert offenders == {}


def test_the_import_probe_sees_what_a_storage_module_adds(baseline: set[str]) -> None:
    # storage may use tomllib; if the probe missed it, the core tests above would prove nothing.
    added = loaded_modules("rankplan.storage.read") - baseline
    assert "tomllib" in added
    assert not (baseline & set(FORBIDDEN_IN_CORE)), "the bare interpreter already has these"


def test_screens_and_widgets_never_import_the_app() -> None:
    """Screens post messages (rankplan.tui.messages) and call the app through self.app; an
    import of rankplan.tui.app from a screen or widget would make a circle."""
    offenders = []
    for folder in ("screens", "widgets"):
        for path in sorted((PACKAGE / "tui" / folder).glob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                names = []
                if isinstance(node, ast.ImportFrom) and node.module:
                    names = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
                elif isinstance(node, ast.Import):
                    names = [a.name for a in node.names]
                if any(n == "rankplan.tui.app" or n.startswith("rankplan.tui.app.")
                       for n in names):
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not offenders
