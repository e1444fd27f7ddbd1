"""Issue 17 item 9: the footer keeps the screen keys F1-F6 in sight at 120 and 80 columns
(F5 was cut at 120, most F-keys at 80), and leaves a key out rather than cutting it."""

from __future__ import annotations

import pytest
from textual.widgets._footer import FooterKey

from rankplan.tui.app import RankPlanApp
from rankplan.tui.widgets.footer import KeyFooter

SCREEN_KEYS = ["f1", "f2", "f3", "f4", "f5", "f6"]


def visible_keys(app) -> list[str]:
    """The keys drawn whole, left of the command palette's key."""
    footer = app.screen.query_one(KeyFooter)
    palette = footer.query_one(".-command-palette", FooterKey)
    keys = []
    for key in footer.query(FooterKey):
        if key is palette:
            continue
        assert key.region.width > 0
        assert key.region.right <= palette.region.x, key.key  # none drawn under the palette
        keys.append(key.key)
    return keys


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
@pytest.mark.parametrize("screen", ["f2", "f3", "f4", "f5", "f6"])
async def test_screen_keys_visible_on_every_screen(demo_path, size, screen) -> None:
    app = RankPlanApp(demo_path)
    async with app.run_test(size=size) as pilot:
        await pilot.press(screen)
        await pilot.pause()
        await pilot.pause()
        keys = visible_keys(app)
        assert keys[:6] == SCREEN_KEYS
        if size == (120, 40) and screen == "f4":
            assert "x" in keys  # the screen's own keys where they fit


async def test_help_close_first_at_80_columns(demo_path) -> None:
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        await pilot.pause()
        footer = app.screen.query_one(KeyFooter)
        first = footer.query(FooterKey).first()
        assert first.description == "Close" and first.region.width > 0


@pytest.mark.parametrize("start, end", [((120, 40), (80, 24)), ((80, 24), (120, 40))])
async def test_the_keys_are_chosen_again_when_the_terminal_is_resized(demo_path, start,
                                                                        end) -> None:
    """Shrunk from 120 to 80 columns, the Rank list's footer kept "x Take off" in a cell too
    narrow for it ("x" alone); grown back, it stayed without the keys that fit again."""
    app = RankPlanApp(demo_path)
    async with app.run_test(size=start) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        await pilot.resize_terminal(*end)
        await pilot.pause()
        await pilot.pause()
        keys = visible_keys(app)
        for key in app.screen.query_one(KeyFooter).query(FooterKey):
            assert key.region.width >= len(key.key_display) + 1 + len(key.description), key.key
        assert keys[:6] == SCREEN_KEYS
        assert ("x" in keys) == (end == (120, 40))


async def test_screen_keys_whole_beside_the_keys_panel(demo_path) -> None:
    """The palette's "Keys" opens Textual's keys panel beside the screen: the footer, chosen
    for the terminal's width, cut "f6 Reapply" to "f6 Reapp"."""
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        app.action_show_help_panel()
        await pilot.pause()
        await pilot.pause()
        footer = app.screen.query_one(KeyFooter)
        assert footer.size.width < 100
        keys = visible_keys(app)
        assert keys[:6] == SCREEN_KEYS
        for key in footer.query(FooterKey):
            assert key.region.right <= footer.region.right, key.key
            assert key.region.width >= len(key.key_display) + 1 + len(key.description), key.key
