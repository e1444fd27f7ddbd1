"""The footer lists F1-F6 in order on every field: in the story boxes of the Profile (a
TextArea, which has keys of its own on f6 and f7) it read "f6 Reapply f1 Help f2 ..."."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import TextArea

from rankplan.tui.app import RankPlanApp
from rankplan.tui.widgets.footer import KeyFooter, is_screen_key


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_screen_keys_in_order_in_a_text_box(demo_path: Path, size) -> None:
    app = RankPlanApp(demo_path)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.pause()
        for selector in ("#story_context", "#p-notes"):
            if selector == "#p-notes":
                await pilot.press("f3")
                await pilot.pause()
            app.screen.query_one(selector, TextArea).focus()
            await pilot.pause()
            await pilot.pause()
            keys = [k.key for k in app.screen.query_one(KeyFooter).items
                    if is_screen_key(k.key)]
            assert keys == ["f1", "f2", "f3", "f4", "f5", "f6"], selector
