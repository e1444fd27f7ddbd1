"""``--read-only`` in the real terminal: edits are shown but never saved, and the app says
so, at the first edit and again on the way out (issue 12 item 15)."""

from __future__ import annotations

import sys
from pathlib import Path

from helpers import ROOT

sys.path.insert(0, str(ROOT / "tests"))
from perf.ttyapp import TtyApp  # noqa: E402


def test_read_only_edits_are_named_at_exit(demo_path: Path) -> None:
    before = demo_path.read_bytes()
    app = TtyApp("--file", str(demo_path), "--read-only")
    try:
        assert app.read_until(b"Jordan Avery")
        app.to_name()
        app.forget()
        app.type("QZQ")
        assert app.read_until(b"READ-ONLY")  # the header
        app.type("ctrl+q")
        status = app.wait()
        app.drain()
    finally:
        app.close()
    assert status == 0
    assert b"was open read-only" in app.output and b"were not saved" in app.output
    assert demo_path.read_bytes() == before


def test_no_word_at_exit_without_edits(demo_path: Path) -> None:
    app = TtyApp("--file", str(demo_path), "--read-only")
    try:
        assert app.read_until(b"Jordan Avery")
        app.type("ctrl+q")
        status = app.wait()
        app.drain()
    finally:
        app.close()
    assert status == 0
    assert b"was open read-only" not in app.output
