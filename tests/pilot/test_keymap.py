"""keymap.toml: binding ids remapped at start; bad lines reported with their line, ignored."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import on_screen

from rankplan.tui import settings
from rankplan.tui.app import RankPlanApp
from rankplan.tui.keymap import read_keymap
from rankplan.tui.screens.profile import ProfileScreen
from rankplan.tui.screens.rank import RankScreen


def write_keymap(text: str) -> Path:
    path = settings.keymap_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def notes(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_keymap_moves_the_rank_list_from_f4_to_f9(demo_path: Path) -> None:
    write_keymap('# my keys\n"app.rank" = "f9"\n')
    async with on_screen(demo_path, "f4") as (app, pilot):
        assert isinstance(app.screen, ProfileScreen)
        await pilot.press("f9")
        await pilot.pause()
        assert isinstance(app.screen, RankScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert notes(app) == []  # a good keymap says nothing


async def test_bad_lines_are_reported_with_their_line_and_the_rest_applies(
        demo_path: Path) -> None:
    path = write_keymap(
        '"app.rank" = "f9"\n'  # 1: good
        '"app.nothing" = "f8"\n'  # 2: no such id
        '"app.schedule" = 5\n'  # 3: not a string
        '"app.debrief" = "f3\n'  # 4: TOML error (no closing quote)
        '\n'
        '"rank.move_up, alt+k" = "u"\n'  # 6: no such id either
        '"app.profile" = "f10,ctrl+k"\n'  # 7: good, two keys
    )
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = "\n".join(notes(app))
        for line in (2, 3, 4, 6):
            assert f"{path}:{line}: " in text, text
        for line in (1, 5, 7):
            assert f"{path}:{line}:" not in text
        assert 'no binding has the id "app.nothing"' in text
        await pilot.press("f9")
        await pilot.pause()
        assert isinstance(app.screen, RankScreen)
        await pilot.press("ctrl+k")
        await pilot.pause()
        assert isinstance(app.screen, ProfileScreen)
        await pilot.press("f5")  # the bad line for app.schedule left F5 as it was
        await pilot.pause()
        assert app.current_mode == "schedule"


def test_read_keymap_checks_ids_only_when_given() -> None:
    text = '"app.rank" = "f9"\n"app.none" = "f8"\n[table]\n"x" = "y"\n'
    keymap, problems = read_keymap(text)
    assert keymap == {"app.rank": "f9", "app.none": "f8", "x": "y"}
    assert [p.line for p in problems] == [3]
    keymap, problems = read_keymap(text, {"app.rank"})
    assert keymap == {"app.rank": "f9"}
    assert [p.line for p in problems] == [2, 3, 4]


async def test_question_mark_in_the_empty_name_of_a_new_plan_opens_help(tmp_path: Path) -> None:
    from textual.widgets import Input

    from rankplan.tui.screens.help import HelpScreen

    app = RankPlanApp(tmp_path / "new.toml")  # a new, empty plan: focus in the empty Name
    async with app.run_test(size=(80, 24)) as pilot:
        name = app.screen.query_one("#name", Input)
        assert app.focused is name and name.value == ""
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.focused is name and name.value == ""
        await pilot.press(*"Sam?")  # in text being typed, ? is a character
        await pilot.pause()
        assert name.value == "Sam?" and app.plan.profile.name == "Sam?"
        assert not isinstance(app.screen, HelpScreen)


def footer_items(app) -> list[tuple[str, str]]:
    """(key as shown, description) for each key on the footer, as drawn."""
    from rankplan.tui.widgets.footer import KeyFooter

    footer = app.screen.query_one(KeyFooter)
    line = footer.render_line(0).text
    for item in footer.items:
        assert item.display in line[item.x:item.x + item.width]
    return [(item.display, item.description) for item in footer.items]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_footer_shows_help_remapped_to_question_mark_first(demo_path: Path,
                                                                      size) -> None:
    """The screens' own hidden ? (also help) hid the footer's help once keymap.toml put
    help on ?; and a screen key off the F-keys went to the end, out of sight at 80."""
    write_keymap('"app.help" = "question_mark"\n"app.rank" = "f9"\n')
    app = RankPlanApp(demo_path)
    async with app.run_test(size=size) as pilot:
        for screen in ("f2", "f3", "f9", "f5", "f6"):
            await pilot.press(screen)
            await pilot.pause()
            items = footer_items(app)
            assert items[0] == ("?", "Help"), (screen, items)
            assert ("f1", "Help") not in items
            assert [d for _, d in items[1:6]] == [
                "Profile", "Debrief", "Rank list", "Schedule", "Reapply"], (screen, items)
            assert items[3] == ("f9", "Rank list")
        await pilot.press("f9")
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "HelpScreen"


async def test_the_footer_shows_each_remapped_key(demo_path: Path) -> None:
    write_keymap('"rank.remove" = "d"\n"rank.tabs" = "ctrl+b"\n"app.quit" = "ctrl+w"\n')
    async with on_screen(demo_path, "f4") as (app, pilot):
        items = footer_items(app)
        for shown in (("d", "Take off"), ("^b", "Odds/SOAP"), ("^w", "Quit")):
            assert shown in items, items
        for old in ("x", "^o", "^q"):
            assert old not in [key for key, _ in items]
