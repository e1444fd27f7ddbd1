"""Text from the plan is data on every screen (DESIGN §4; issue 12, items 6 and 7): a name
that looks like Textual markup shows as typed (a click on it runs nothing, an unmatched
``[/]`` crashes nothing) and an escape sequence in it never reaches the terminal."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from textual.coordinate import Coordinate
from textual.widgets import Input

from rankplan.tui.app import RankPlanApp
from rankplan.tui.screens.dialogs import ConfirmDialog
from rankplan.tui.screens.plan_error import PlanErrorScreen
from rankplan.tui.widgets.choice import ChoicePicker

MARKUP = "[@click=app.quit]Q[/] a[/]b [b]B[/b]"
HOSTILE = MARKUP + r" \u001b]0;pwn\u0007 \u009b2J"  # as written in the TOML file
SHOWN = MARKUP + r" \x1b]0;pwn\x07 \x9b2J"  # as the screen must show it
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
SPEC = "Spec [/] [b]x"

PLAN = f"""\
schema = 1

[profile]
name = "Sam {HOSTILE}"
specialty = "Family Medicine"
backup_specialty = "{SPEC}"
story_context = "Context {HOSTILE}"

[[profile.exams]]
exam = "step1"
result = "fail"

[specialties."{SPEC}"]
tier = "less"
baseline = 0.5

[criteria]
"crit {HOSTILE}" = 2

[[programs]]
id = "evil"
name = "Prog {HOSTILE}"
location = "Loc {HOSTILE}"
notes = "Notes {HOSTILE}"
specialty = "{SPEC}"
criteria = {{ "crit {HOSTILE}" = 4 }}

[programs.debrief]
my_answer = "vague"

[[programs]]
id = "plain"
name = "Zed Hospital"  # sorts after the hostile one: that one is selected

[rank_list]
order = ["evil", "plain"]

[schedule]
exam = "step2ck"
target_date = 2027-06-01

[[schedule.practice]]
date = 2027-05-01
form = "Form {HOSTILE}"
score = 200

[[goals]]
domain = "exam"
title = "Goal {HOSTILE}"
"""


def screen_text(app) -> str:
    """What the screen would write, as text: every segment of every line."""
    update = app.screen._compositor.render_full_update()
    return "\n".join("".join(segment.text for segment in strip) for strip in update.strips)


def assert_literal(app, *needles: str) -> None:
    text = screen_text(app)
    assert not CONTROL.search(text), repr(CONTROL.search(text).group())
    for needle in needles:
        assert needle in text, (needle, text)


async def settle(pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_every_screen_shows_hostile_plan_text_literally(plan_file) -> None:
    path = plan_file(PLAN)
    app = RankPlanApp(path)
    async with app.run_test(size=(160, 60)) as pilot:
        await settle(pilot)
        assert_literal(app, "Sam [@click=app.quit]Q[/] a[/]b")  # the name field and the title
        assert app.title == f"rankplan · Sam {SHOWN}"
        app.screen.query_one("#backup_specialty").focus()
        await pilot.press("enter")  # the list of specialties, the plan's own among them
        await settle(pilot)
        assert isinstance(app.focused, ChoicePicker)
        assert_literal(app, SPEC)
        await pilot.press("escape")
        for key, needles in (
            ("f3", ["Prog [@click=app.quit]Q[/] a[/]b", r"\x9b2J ×2",  # the criterion label
                    "Loc [@click=app.quit]Q[/]", "Notes [@click=app.quit]Q[/]"]),
            ("f4", ["Prog [@click=app.quit]Q[/] a[/]b"]),
            ("f5", ["Form [@click=app.quit]Q[/] a[/]b"]),
        ):
            await pilot.press(key)
            await settle(pilot)
            assert_literal(app, *needles)
        # The goals table draws a title cut to its column (as on main); the cell holds it all.
        goal = app.screen.query_one("#goals").get_cell_at(Coordinate(0, 1))
        assert goal.plain == f"Goal {SHOWN}"
        await pilot.press("f3")
        await settle(pilot)
        # a click on every line that shows the name: nothing runs
        for widget_id in ("#record-title", "#suggestion", "#interviews"):
            await pilot.click(widget_id, offset=(2, 0))
            await pilot.click(widget_id, offset=(8, 0))
            await settle(pilot)
            assert app.is_running, widget_id
        await pilot.press("f4")
        await settle(pilot)
        await pilot.click("#ranked", offset=(10, 1))
        await settle(pilot)
        assert app.is_running
        await pilot.press("f3")
        await settle(pilot)
        app.screen.query_one("#interviews").focus()
        await pilot.press("d")  # the question names the program
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        assert_literal(app, "Prog [@click=app.quit]Q[/] a[/]b")
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("c")  # "Copied as ..." names it in a notification
        await settle(pilot)
        assert_literal(app)
        notes = [n for n in app._notifications if n.message.startswith("Copied as")]
        assert len(notes) == 1, [n.message for n in app._notifications]
        note = notes[0]
        assert note.message.startswith(f"Copied as Prog {SHOWN}") and not note.markup
    assert app._exception is None
    assert app.return_code in (None, 0)


async def test_markup_typed_into_fields_is_kept_as_typed(plan_file) -> None:
    path = plan_file('schema = 1\n[[programs]]\nid = "a"\nname = "A"\n')
    app = RankPlanApp(path)
    async with app.run_test(size=(140, 50)) as pilot:
        await settle(pilot)
        app.screen.query_one("#name", Input).focus()
        await pilot.press(*"x[/]y[b]")
        await settle(pilot)
        await pilot.press("f3")
        await settle(pilot)
        app.screen.query_one("#p-name", Input).focus()
        await pilot.press("end", *"[/]")
        await settle(pilot)
        app.screen.query_one("#p-interview_date", Input).focus()
        await pilot.press(*"a[/]b")  # not a date: the hint quotes it
        await settle(pilot)
        assert_literal(app, 'cannot read "a[/]b" as a date', "A[/]")
        await pilot.press("f5")
        await settle(pilot)
        app.screen.query_one("#target_date", Input).focus()
        await pilot.press(*"x[/]")
        await settle(pilot)
        assert_literal(app, 'cannot read "x[/]" as a date')
        await pilot.press("ctrl+s")
    saved = tomllib.loads(path.read_text(encoding="utf-8"))
    assert saved["profile"]["name"] == "x[/]y[b]"
    assert saved["programs"][0]["name"] == "A[/]"
    assert app._exception is None


async def test_a_date_out_of_range_is_refused_beside_the_field(plan_file) -> None:
    path = plan_file('schema = 1\n[schedule]\ntarget_date = 2027-06-01\n')
    app = RankPlanApp(path)
    async with app.run_test(size=(140, 50)) as pilot:
        await pilot.press("f5")
        await settle(pilot)
        field = app.screen.query_one("#target_date", Input)
        field.focus()
        await pilot.press("ctrl+u", "end", "ctrl+u", *"9999-12-31")
        await settle(pilot)
        hint = app.screen.query_one("#target_date-hint")
        assert hint.display and "from 1900-01-01 to 2199-12-31" in str(hint.render())
        assert str(app.plan.schedule.target_date) != "9999-12-31"
        await pilot.press("tab")
        await settle(pilot)
    assert app._exception is None


async def test_the_error_view_shows_a_path_with_markup_literally(tmp_path: Path) -> None:
    folder = tmp_path / "a[/]b[@click=app.quit]x"
    folder.mkdir(parents=True)  # the "/" in "[/]" makes two folders: a[ and ]b...
    path = folder / "plan.toml"
    path.write_text(f'schema = 1\n[profile]\nnmae = "{HOSTILE}"\n', encoding="utf-8")
    (folder / "plan.toml.bak").write_text("schema = 1\n", encoding="utf-8")
    app = RankPlanApp(path)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, PlanErrorScreen)
        assert_literal(app, "a[/]b[@click=app.quit]x", "profile.nmae: unknown key")
        await pilot.click("#error-title", offset=(30, 0))
        await settle(pilot)
        assert app.is_running
    assert app._exception is None


async def test_dialogs_show_plan_text_with_visible_escapes(plan_file) -> None:
    path = plan_file(PLAN)
    app = RankPlanApp(path)
    async with app.run_test(size=(160, 60)) as pilot:
        await pilot.press("f5")
        await settle(pilot)
        for table, field, shown in (("#practice", "#form", f"Form {SHOWN}"),
                                    ("#goals", "#title", f"Goal {SHOWN}")):
            app.screen.query_one(table).focus()
            await pilot.press("enter")
            await settle(pilot)
            assert app.screen.query_one(field, Input).value == shown
            assert_literal(app)
            await pilot.press("escape")
            await settle(pilot)
        await pilot.press("f3")
        await settle(pilot)
        await pilot.press("ctrl+r")  # the criteria and their weights
        await settle(pilot)
        assert app.screen.query_one("#crit-name-0", Input).value == f"crit {SHOWN}"
        assert_literal(app)
    assert app._exception is None


async def test_the_palette_shows_a_file_name_with_markup_literally(plan_file) -> None:
    from textual.content import Content

    path = plan_file("schema = 1\n", name="plan[@click=app.quit]x [b]y.toml")
    app = RankPlanApp(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        (reload,) = [c for c in app.get_system_commands(app.screen)
                     if c.title == "Reload plan from disk"]
        help_line = Content.from_markup(reload.help)  # as the palette draws it
        assert help_line.plain.startswith("Read plan[@click=app.quit]x [b]y.toml again")
        assert not help_line.spans
