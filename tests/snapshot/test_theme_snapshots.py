"""Every screen in the light theme at 80x24 and 120x40, and the Rank list in ansi-dark
(issue 17): nothing cut, overlapped or unreadable away from the default dark theme."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import steady

from rankplan.tui.app import RankPlanApp

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
SCREENS = [pytest.param(key, id=name) for key, name in
           (("f2", "profile"), ("f3", "debrief"), ("f4", "rank"), ("f5", "schedule"),
            ("f6", "reapply"))]


def in_theme(theme: str, key: str):
    async def run_before(pilot) -> None:
        await pilot.pause()
        pilot.app.theme = theme
        await pilot.press(key)
        await steady(pilot)

    return run_before


class TestLight:
    @pytest.mark.parametrize("size", SIZES)
    @pytest.mark.parametrize("key", SCREENS)
    def test_screen(self, snap_compare, demo_here: Path, key, size) -> None:
        assert snap_compare(RankPlanApp(demo_here), terminal_size=size,
                            run_before=in_theme("textual-light", key))


class TestAnsiDark:
    @pytest.mark.parametrize("size", SIZES)
    def test_rank(self, snap_compare, demo_here: Path, size) -> None:
        assert snap_compare(RankPlanApp(demo_here), terminal_size=size,
                            run_before=in_theme("ansi-dark", "f4"))
