"""Export from the app (ctrl+e) writes the file it names; import from the palette adds programs."""

from __future__ import annotations

import tomllib
from pathlib import Path

from helpers import choose
from textual.widgets import Input

from rankplan.tui.app import RankPlanApp


async def test_ctrl_e_exports_to_the_path_given_even_from_a_text_box(demo_path: Path,
                                                                      tmp_path: Path) -> None:
    target = tmp_path / "for-advisor.txt"
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("shift+tab")  # from the first list field to the name
        assert isinstance(app.focused, Input)  # the Name field: its own ctrl+e must not win
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "ExportDialog"
        field = app.screen.query_one("#path", Input)
        assert field.value.endswith(".txt")
        field.value = str(target)
        field.focus()
        await pilot.press("enter")
        await pilot.pause()
    text = target.read_text(encoding="utf-8")
    assert text.index("PROFILE") < text.index("RANK LIST") < text.index("GOALS")
    assert "Jordan Avery" in text


async def test_choosing_a_format_changes_the_extension(demo_path: Path, tmp_path: Path) -> None:
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+e")
        await pilot.pause()
        await choose(pilot, "#format", "ics")
        field = app.screen.query_one("#path", Input)
        assert field.value.endswith(".ics")
        field.value = str(tmp_path / "week.ics")
        await pilot.click("#ok")
        await pilot.pause()
    assert (tmp_path / "week.ics").read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")


async def test_export_to_a_missing_folder_says_so(demo_path: Path, tmp_path: Path) -> None:
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+e")
        await pilot.pause()
        app.screen.query_one("#path", Input).value = str(tmp_path / "nope" / "x.txt")
        await pilot.click("#ok")
        await pilot.pause()
        assert "there is no folder" in str(app.screen.query_one("#dialog-error").render())


async def import_sheet(pilot, sheet: Path) -> None:
    """Open the import dialog (as the palette entry does), name ``sheet`` and confirm."""
    pilot.app.action_import()
    await pilot.pause()
    pilot.app.screen.query_one("#path", Input).value = str(sheet)
    await pilot.click("#ok")
    await pilot.pause()


async def test_import_from_the_palette_adds_programs_and_undo_removes_them(
    demo_path: Path, tmp_path: Path
) -> None:
    sheet = tmp_path / "more.csv"
    sheet.write_text("name,setting,preference\nRiverside IM,community,high\n", encoding="utf-8")
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(100, 30)) as pilot:
        before = len(app.plan.programs)
        await import_sheet(pilot, sheet)
        assert len(app.plan.programs) == before + 1
        assert app.plan.programs[-1].name == "Riverside IM"
        await pilot.press("ctrl+s")
        data = tomllib.loads(demo_path.read_text(encoding="utf-8"))
        assert data["programs"][-1]["name"] == "Riverside IM"
        assert data["rank_list"]["order"][-1] == "riverside-im"
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert len(app.plan.programs) == before


async def test_a_bad_sheet_imports_nothing_and_shows_where(demo_path: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "bad.csv"
    sheet.write_text("name,preference\nA,high\nB,hgih\n", encoding="utf-8")
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(100, 30)) as pilot:
        before = len(app.plan.programs)
        await import_sheet(pilot, sheet)
        error = str(app.screen.query_one("#dialog-error").render())
        assert "Nothing imported" in error and f"{sheet}:3:" in error
        assert len(app.plan.programs) == before


async def test_the_import_dialog_asks_how_dates_are_written(demo_path: Path,
                                                            tmp_path: Path) -> None:
    sheet = tmp_path / "europe.csv"
    sheet.write_text("Programme;Interview Date\nHôpital Nord;02/11/2026\n", encoding="utf-8")
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(100, 30)) as pilot:
        before = len(app.plan.programs)
        await import_sheet(pilot, sheet)
        error = str(app.screen.query_one("#dialog-error").render())
        assert "reads two ways" in error and len(app.plan.programs) == before
        # the dialog's own question, not the command line's option
        assert "--date-order" not in error and "under Dates" in error
        await choose(pilot, "#date-order", "dmy")
        await pilot.click("#ok")
        await pilot.pause()
        assert len(app.plan.programs) == before + 1
        assert app.plan.programs[-1].interview_date.isoformat() == "2026-11-02"


async def test_an_edited_goal_keeps_its_calendar_id(demo_path: Path) -> None:
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(120, 40)) as pilot:
        assert not app.plan.plan_id, "opening a plan gives no ids: it writes nothing"
        app.plan_changed()  # the first edit gives them, to be saved with it
        ids = [g.id for g in app.plan.goals]
        assert ids == [f"g{n}" for n in range(1, len(ids) + 1)]
        assert app.plan.plan_id
        from rankplan.tui.screens.dialogs import GoalDialog

        dialog = GoalDialog(app.plan.goals[2], app.today)
        app.push_screen(dialog)
        await pilot.pause()
        dialog.query_one("#title", Input).value = "Renamed goal"
        assert dialog.result().id == ids[2]


async def test_the_next_export_starts_in_the_last_export_folder(demo_path: Path,
                                                                tmp_path: Path) -> None:
    """Issue 17 item 19: the folder is remembered in settings.toml, beside the theme."""
    from rankplan.tui import settings

    folder = tmp_path / "exports"
    folder.mkdir()
    settings.save_theme("gruvbox")
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+e")
        await pilot.pause()
        field = app.screen.query_one("#path", Input)
        assert not field.value.startswith(str(folder))
        field.value = str(folder / "one.txt")
        await pilot.click("#ok")
        await pilot.pause()
        await pilot.press("ctrl+e")
        await pilot.pause()
        field = app.screen.query_one("#path", Input)
        assert Path(field.value).parent == folder.resolve()
    assert settings.load_theme() == "gruvbox"  # the theme is kept beside it
    again = RankPlanApp(demo_path)  # and the next run remembers it too
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert Path(again.screen.query_one("#path", Input).value).parent == folder.resolve()


async def test_the_import_path_completes_as_it_is_typed(demo_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "sheets"
    (folder / "spring").mkdir(parents=True)
    (folder / "interviews.csv").write_text("name\nA\n", encoding="utf-8")
    (folder / "interviews.txt").write_text("", encoding="utf-8")
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(100, 30)) as pilot:
        app.action_import()
        await pilot.pause()
        field = app.screen.query_one("#path", Input)
        field.value = ""
        field.focus()
        await pilot.press(*f"{folder}/in")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert field._suggestion == f"{folder}/interviews.csv"
        await pilot.press("right")
        assert field.value == f"{folder}/interviews.csv"
        await pilot.press(*["backspace"] * len("interviews.csv"), "s")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("right")
        assert field.value == f"{folder}/spring/"


async def test_typing_a_file_name_keeps_the_folder_shown(demo_path: Path) -> None:
    """The folder in the path box was selected on focus, so the first letter of the file
    name typed after it replaced it."""
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(80, 24)) as pilot:
        app.action_import()
        await pilot.pause()
        field = app.screen.query_one("#path", Input)
        folder = field.value
        assert app.focused is field and folder.endswith("/")
        await pilot.press(*"sheet.csv")
        assert field.value == folder + "sheet.csv"
        await pilot.press("escape", "ctrl+e")
        await pilot.pause()
        field = app.screen.query_one("#path", Input)
        shown = field.value
        field.focus()
        await pilot.pause()
        await pilot.press("backspace", "backspace", "backspace", *"md")
        assert field.value == shown[:-3] + "md"


async def test_import_with_no_file_named_says_so(demo_path: Path, tmp_path: Path) -> None:
    """An empty box said "no file at ." and the folder alone "no file at /home/you"."""
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(80, 24)) as pilot:
        app.action_import()
        await pilot.pause()
        field = app.screen.query_one("#path", Input)
        for value, said in (("", "name the CSV file to import"),
                            (str(tmp_path), f"{tmp_path} is a folder; add the CSV file's name")):
            field.value = value
            field.focus()
            await pilot.press("enter")
            await pilot.pause()
            assert str(app.screen.query_one("#dialog-error").render()) == said


async def test_a_goal_due_date_without_a_year_is_the_next_one(demo_path: Path) -> None:
    """A due date typed as "feb 20" in November is next February, not the one gone by (which
    made a new goal overdue at once), as the Schedule's own dates already read."""
    from datetime import date

    from rankplan.tui.screens.dialogs import GoalDialog

    app = RankPlanApp(demo_path, today=date(2026, 11, 30))
    async with app.run_test(size=(120, 40)) as pilot:
        dialog = GoalDialog(None, app.today)
        app.push_screen(dialog)
        await pilot.pause()
        dialog.query_one("#title", Input).value = "Two new letters"
        dialog.query_one("#due", Input).value = "feb 20"
        assert dialog.result().due == date(2027, 2, 20)


async def test_the_next_export_in_a_session_starts_with_the_last_format(demo_path: Path,
                                                                       tmp_path: Path) -> None:
    """Each ctrl+e started on plain text again, however often the user had picked another."""
    from rankplan.tui.widgets.choice import Choice

    folder = tmp_path / "exports"
    folder.mkdir()
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+e")
        await pilot.pause()
        await choose(pilot, "#format", "ics")
        app.screen.query_one("#path", Input).value = str(folder / "week.ics")
        await pilot.click("#ok")
        await pilot.pause()
        assert (folder / "week.ics").is_file()
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert app.screen.query_one("#format", Choice).value == "ics"
        path = Path(app.screen.query_one("#path", Input).value)
        assert path.suffix == ".ics" and path.parent == folder.resolve()
        await pilot.press("escape")  # a cancelled export changes nothing
        await pilot.pause()
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert app.screen.query_one("#format", Choice).value == "ics"
    again = RankPlanApp(demo_path)  # the format is this session's only (no setting for it)
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert again.screen.query_one("#format", Choice).value == "text"
        assert Path(again.screen.query_one("#path", Input).value).suffix == ".txt"
