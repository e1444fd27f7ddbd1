"""Issue 17 item 9: the footer keeps the screen keys F1-F6 in sight at 120 and 80 columns
(F5 was cut at 120, most F-keys at 80), and leaves a key out rather than cutting it. It is
one widget drawing one line (issue 16: Textual's footer rebuilt a widget per key on every
screen switch); a click on a key presses it."""

from __future__ import annotations

import pytest

from helpers import on_screen

from rankplan.tui.app import RankPlanApp
from rankplan.tui.widgets.footer import KeyFooter

SCREEN_KEYS = ["f1", "f2", "f3", "f4", "f5", "f6"]


def visible_keys(app) -> list[str]:
    """The keys drawn whole, left of the command palette's key, checked against the line
    the footer draws."""
    footer = app.screen.query_one(KeyFooter)
    line = footer.render_line(0).text
    palette = footer.palette
    assert palette is not None and line[palette.x:].startswith("▏^p palette")
    keys = []
    for item in footer.items:
        assert item.x + item.width <= palette.x, item.key  # none drawn under the palette
        drawn = line[item.x:item.x + item.width]
        assert item.display in drawn and item.description in drawn, (drawn, item)
        keys.append(item.key)
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
        first = footer.items[0]
        assert first.description == "Close"
        assert footer.render_line(0).text.startswith("esc Close")


async def test_keys_follow_the_focus(demo_path) -> None:
    """The Debrief list's keys (a add, d delete) show while it has focus, not in a field."""
    async with on_screen(demo_path, "f3") as (app, pilot):
        await pilot.press("escape")  # to the interview list
        await pilot.pause()
        footer = app.screen.query_one(KeyFooter)
        assert "a" in [item.key for item in footer.items]
        await pilot.press("tab")  # into the form
        await pilot.pause()
        assert "a" not in [item.key for item in footer.items]


async def test_a_click_on_a_key_presses_it(demo_path) -> None:
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(120, 40)) as pilot:
        footer = app.screen.query_one(KeyFooter)
        f4 = next(item for item in footer.items if item.key == "f4")
        await pilot.click(KeyFooter, offset=(f4.x + 1, 0))
        await pilot.pause()
        assert app.current_mode == "rank"


@pytest.mark.parametrize(("start", "end"), [((120, 40), (80, 24)), ((80, 24), (120, 40))])
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
        keys = visible_keys(app)  # each drawn whole
        assert keys[:6] == SCREEN_KEYS
        assert ("x" in keys) == (end == (120, 40))


async def test_screen_keys_whole_beside_the_keys_panel(demo_path) -> None:
    """The palette's "Keys" opens Textual's keys panel beside the screen: the footer, chosen
    for the terminal's width, cut "f6 Reapply" to "f6 Reapp"."""
    async with on_screen(demo_path, "f4") as (app, pilot):
        app.action_show_help_panel()
        await pilot.pause()
        await pilot.pause()
        footer = app.screen.query_one(KeyFooter)
        assert footer.size.width < 100
        keys = visible_keys(app)
        assert keys[:6] == SCREEN_KEYS
        assert footer.palette.x + footer.palette.width <= footer.size.width



async def test_a_covered_footer_is_left_as_it_was(demo_path, monkeypatch) -> None:
    """Under the palette (or a dialog) a screen's bindings change, and its footer redrew
    the dimmed line under it on opening and again on closing, a frame each time. It keeps
    its line while covered; closing changes the bindings again, and the line follows what
    changed meanwhile (here the focus, moved while the palette was open)."""
    async with on_screen(demo_path, "f3") as (app, pilot):
        await pilot.press("escape")  # to the interview list: its keys a and d show
        await pilot.pause()
        debrief = app.screen
        footer = debrief.query_one(KeyFooter)
        before = list(footer.items)
        assert "a" in [item.key for item in before]
        redrawn = []
        real = KeyFooter.refresh
        monkeypatch.setattr(KeyFooter, "refresh",
                            lambda self, *a, **k: (redrawn.append(self), real(self, *a, **k)))
        await pilot.press("ctrl+p")
        await pilot.pause(0.3)
        assert footer.items == before and footer not in redrawn
        debrief.set_focus(debrief.query_one("#p-name"))  # into the form, under the palette
        await pilot.pause()
        assert footer.items == before
        await pilot.press("escape")
        await pilot.pause(0.3)
        assert app.screen is debrief
        assert "a" not in [item.key for item in footer.items]  # the form's keys now
        assert footer.items == footer._work_out_items()[0]
