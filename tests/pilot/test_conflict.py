"""Issue 17 item 20: a hand edit found while rankplan runs is met at once with a choice
(reload / keep ours / differences side by side), not conflict copies at every save."""

from __future__ import annotations

import tomllib
from pathlib import Path

from helpers import on_screen, title_says
from textual.widgets import DataTable, Input

from rankplan.tui.app import RankPlanApp
from rankplan.tui.screens.dialogs import ConfirmDialog, ConflictDialog, DiffScreen


async def _conflict(pilot, app: RankPlanApp, path: Path) -> str:
    """Edit the name by hand on disk and in the app; wait for the autosave to find it."""
    hand = path.read_text(encoding="utf-8").replace("Jordan Avery", "By Hand")
    path.write_text(hand, encoding="utf-8")
    await pilot.press("shift+tab", "end", *" App")  # from the first list field to the name
    await title_says(pilot, "conflict")
    return hand


async def test_the_conflict_is_asked_at_once_and_keep_ours_saves_to_the_file_again(
        demo_path: Path) -> None:
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(120, 40)) as pilot:
        hand = await _conflict(pilot, app, demo_path)
        assert isinstance(app.screen, ConflictDialog)
        assert app.sub_title.startswith("conflict")
        assert demo_path.read_text(encoding="utf-8") == hand
        # the differences, by section and key, side by side
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, DiffScreen)
        table = app.screen.query_one(DataTable)
        rows = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
        assert ["profile", "name", '"Jordan Avery App"', '"By Hand"'] in rows
        # the rest: export ids rankplan gave the plan and goals, not yet in the file
        assert {row[1] for row in rows} == {"name", "plan_id", "id"}
        await pilot.press("escape")  # back to the question
        await pilot.pause()
        assert isinstance(app.screen, ConflictDialog)
        await pilot.press("k")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)  # keep ours asks first
        assert demo_path.read_text(encoding="utf-8") == hand
        await pilot.click("#ok")
        await pilot.pause()
        assert app.sub_title == "saved"
        assert tomllib.loads(demo_path.read_text(encoding="utf-8"))["profile"]["name"] == (
            "Jordan Avery App")
        (theirs,) = demo_path.parent.glob("plan.theirs-*.toml")
        assert theirs.read_text(encoding="utf-8") == hand  # the outside version is kept
        # later saves go to plan.toml again, with no new conflict copy
        conflicts = set(demo_path.parent.glob("plan.conflict-*.toml"))
        app.screen.query_one("#name", Input).focus()
        await pilot.press(*"!", "ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, ConflictDialog)
        assert app.sub_title == "saved"
        assert set(demo_path.parent.glob("plan.conflict-*.toml")) == conflicts
        assert tomllib.loads(demo_path.read_text(encoding="utf-8"))["profile"]["name"] == (
            "Jordan Avery App!")


async def test_reload_takes_the_files_version(demo_path: Path) -> None:
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await _conflict(pilot, app, demo_path)
        assert isinstance(app.screen, ConflictDialog)
        await pilot.press("r")
        await pilot.pause()
        assert app.screen.query_one("#name", Input).value == "By Hand"
        assert app.sub_title == "saved"


async def test_decide_later_keeps_saving_to_the_copy_without_asking_again(
        demo_path: Path) -> None:
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(120, 40)) as pilot:
        hand = await _conflict(pilot, app, demo_path)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ConflictDialog)
        app.screen.query_one("#name", Input).focus()
        await pilot.press(*"2", "ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, ConflictDialog)  # asked once per conflict
        assert app.sub_title.startswith("conflict")
        assert demo_path.read_text(encoding="utf-8") == hand
        (copy,) = demo_path.parent.glob("plan.conflict-*.toml")
        assert tomllib.loads(copy.read_text(encoding="utf-8"))["profile"]["name"] == (
            "Jordan Avery App2")
        app.conflict.ask_again()  # the command palette's "Resolve the conflict"
        await pilot.pause()
        assert isinstance(app.screen, ConflictDialog)


async def test_reload_of_a_file_broken_by_hand_keeps_the_plan_and_asks_again(
        demo_path: Path) -> None:
    """Reload chosen when the file on disk is no longer valid TOML: it used to crash the
    app (the screen under the dialog drew a plan that was gone)."""
    async with on_screen(demo_path, "f4") as (app, pilot):
        hand = demo_path.read_text(encoding="utf-8") + "schema = [\n"
        demo_path.write_text(hand, encoding="utf-8")
        await pilot.press("shift+down", "ctrl+s")
        await pilot.pause(0.5)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ConflictDialog)
        await pilot.press("r")
        await pilot.pause()
        assert app.store.plan is not None and app.plan.profile.name == "Jordan Avery"
        assert isinstance(app.screen, ConflictDialog)  # asked again: keep ours, or later
        assert demo_path.read_text(encoding="utf-8") == hand
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.query_one("#ranked").rows  # the Rank list still shows the plan
    assert app.return_code in (None, 0)


async def test_the_differences_fit_the_width_with_long_values_wrapped(demo_path: Path) -> None:
    """The rank list's order, a long value, pushed "the file (theirs)" off the screen."""
    text = demo_path.read_text(encoding="utf-8")
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        order = tomllib.loads(text)["rank_list"]["order"]
        hand = text.replace(f'  "{order[0]}",\n', "", 1)  # a program off the list by hand
        assert hand != text
        demo_path.write_text(hand, encoding="utf-8")
        await pilot.press("shift+down", "ctrl+s")
        await pilot.pause(0.5)
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, DiffScreen)
        table = app.screen.query_one(DataTable)
        assert table.virtual_size.width <= table.scrollable_content_region.width
        row = next(table.get_row_at(i) for i in range(table.row_count)
                   if str(table.get_row_at(i)[1]) == "order")
        assert order[1] in str(row[3]) and order[0] not in str(row[3])
        assert table.rows[table.ordered_rows[
            [str(table.get_row_at(i)[1]) for i in range(table.row_count)].index("order")
        ].key].height > 1  # wrapped
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert table.virtual_size.width <= table.scrollable_content_region.width


async def test_the_differences_say_not_there_for_a_key_deleted_by_hand(demo_path: Path) -> None:
    """A key deleted by hand showed as "" beside ours, as if it had been emptied."""
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(120, 40)) as pilot:
        backup = app.plan.profile.backup_specialty
        assert backup
        text = demo_path.read_text(encoding="utf-8")
        demo_path.write_text(text.replace(f'backup_specialty = "{backup}"\n', "", 1),
                             encoding="utf-8")
        await _conflict(pilot, app, demo_path)
        assert isinstance(app.screen, ConflictDialog)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, DiffScreen)
        table = app.screen.query_one(DataTable)
        rows = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
        assert ["profile", "backup_specialty", f'"{backup}"', "(not there)"] in rows
