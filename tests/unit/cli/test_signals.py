"""A closed terminal (SIGHUP) or SIGTERM right after an edit loses nothing (issue 12 item 2):
the real app in a pseudo-terminal, its helper process and all."""

from __future__ import annotations

import signal
import sys
import tomllib
from pathlib import Path

import pytest

from helpers import ROOT

sys.path.insert(0, str(ROOT / "tests"))
from perf.ttyapp import TtyApp  # noqa: E402


def name_in(path: Path) -> str:
    return tomllib.loads(path.read_text(encoding="utf-8"))["profile"]["name"]


@pytest.mark.parametrize("how", ["hang up", "SIGTERM", "SIGHUP"])
def test_an_edit_just_before_the_terminal_closes_is_saved(demo_path: Path, how: str) -> None:
    app = TtyApp("--file", str(demo_path))
    try:
        assert app.read_until(b"Jordan Avery"), app.output[-500:]
        app.to_name()
        app.forget()
        app.type("QZQ")
        assert app.read_until(b"QZQ")  # on screen, so in the plan; the autosave is 0.5 s off
        if how == "hang up":
            app.hang_up()
        else:
            app.signal(signal.SIGTERM if how == "SIGTERM" else signal.SIGHUP)
        status = app.wait()
    finally:
        app.close()
    assert status == 0
    assert name_in(demo_path) == "Jordan AveryQZQ"
    assert not list(demo_path.parent.glob(".*.tmp"))


def test_the_helper_keeps_answering_after_the_group_gets_sighup(demo_path: Path) -> None:
    """The terminal's SIGHUP reaches the helper too; it must outlive it long enough for the
    app's last save to go through it."""
    import os

    from rankplan.storage.renderer import HelperRenderer
    from rankplan.storage.read import read_plan

    loaded = read_plan(demo_path)
    helper = HelperRenderer(demo_path)
    try:
        helper.open(loaded.text)
        helper.prepare()
        for signum in (signal.SIGHUP, signal.SIGTERM, signal.SIGINT):
            os.kill(helper.pid, signum)
        plan = loaded.plan
        plan.profile.name = "After the signal"
        assert 'name = "After the signal"' in helper.render(plan)
        assert helper._proc.poll() is None
    finally:
        helper.close()
