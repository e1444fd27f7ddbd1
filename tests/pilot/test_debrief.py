"""The Debrief screen by keys: add an interview, fill every signal, watch the suggestion,
override it, delete and undo, and find exactly that in the saved file."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

from helpers import choose, on_screen, title_says
from textual.widgets import Checkbox, Input, TextArea

from rankplan.tui.app import RankPlanApp
from rankplan.tui.screens.debrief import DebriefScreen
from rankplan.tui.widgets.interview_list import InterviewList, SortKey


def saved(path: Path) -> dict:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def suggestion(app) -> str:
    return str(app.screen.query_one("#suggestion").render())


async def tick(pilot, selector: str) -> None:
    pilot.app.screen.query_one(selector, Checkbox).focus()
    await pilot.pause()
    await pilot.press("space")
    await pilot.pause()


async def test_debrief_a_new_interview_by_keys(plan_file) -> None:
    path = plan_file('schema = 1\n[profile]\nname = "Sam"\n\n[[profile.exams]]\nexam = "step1"\n'
                     'result = "fail"\n\n[criteria]\nlocation = 2\nfit = 3\n')
    app = RankPlanApp(path)
    async with app.run_test(size=(120, 50)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        assert app.screen.query_one("#empty").display
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"Lakeside Community IM", "enter")
        await pilot.pause()
        assert app.focused.id == "p-interview_date"
        await pilot.press(*"nov 2", "tab")
        await pilot.pause()
        assert app.screen.query_one("#p-interview_date", Input).value == "2026-11-02"
        assert "YELLOW" in suggestion(app)
        await choose(pilot, "#p-setting", "community")
        await choose(pilot, "#p-preference", "high")
        await choose(pilot, "#d-failure_discussion", "curious")
        assert "+1 they asked what changed" in suggestion(app)
        await choose(pilot, "#d-board_policy", "max-one-failure")
        assert "-1 they rank no one with more than one failure" in suggestion(app)
        await tick(pilot, "#tc-holistic-pd")
        await tick(pilot, "#tc-residents-with-bumps")
        await tick(pilot, "#tc-nontraditional-residents")
        await choose(pilot, "#d-post_interview", "personal-pd")
        assert "Suggested: GREEN" in suggestion(app)  # 1 - 1 + 2 + 2 = 4
        await choose(pilot, "#d-my_answer", "defensive")
        await tick(pilot, "#d-home_program")
        await choose(pilot, "#d-felt", 4)
        await choose(pilot, "#c-0", 3)
        await choose(pilot, "#c-1", 5)
        app.screen.query_one("#p-notes", TextArea).focus()
        await pilot.press(*"Great residents.")
        # override the suggestion: red against a green suggestion raises DB01
        await choose(pilot, "#p-likelihood", "red")
        assert "You set red" in suggestion(app)
        assert "DB01" in suggestion(app)
        await title_says(pilot, "saved")  # the autosave
        program = saved(path)["programs"][0]
        assert program["id"] == "lakeside-community-im"
        assert program["name"] == "Lakeside Community IM"
        assert program["interview_date"] == date(2026, 11, 2)
        assert program["setting"] == "community"
        assert program["preference"] == "high"
        assert program["likelihood"] == "red"
        assert program["notes"] == "Great residents."
        assert program["criteria"] == {"location": 3, "fit": 5}
        assert program["debrief"] == {
            "failure_discussion": "curious",
            "board_policy": "max-one-failure",
            "takes_chances": ["holistic-pd", "residents-with-bumps", "nontraditional-residents"],
            "post_interview": "personal-pd",
            "home_program": True,
            "my_answer": "defensive",
            "felt": 4,
        }
        assert saved(path)["rank_list"]["order"] == ["lakeside-community-im"]


async def test_bad_date_is_refused_beside_the_field(demo_path: Path) -> None:
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(120, 50)) as pilot:
        await pilot.press("f3", "enter")
        await pilot.pause()
        program = app.screen.program()
        before = program.interview_date
        field = app.screen.query_one("#p-interview_date", Input)
        field.focus()
        field.value = "31/31"  # as if pasted over the old date
        await pilot.pause()
        hint = app.screen.query_one("#date-hint")
        assert hint.display and "not saved" in str(hint.render())
        assert program.interview_date == before
        await pilot.press("ctrl+u", *"12/1/2026")
        await pilot.pause()
        assert program.interview_date == date(2026, 12, 1)


async def test_delete_asks_and_ctrl_z_brings_it_back(demo_path: Path) -> None:
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(120, 50)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        table = app.screen.query_one(InterviewList)
        first = table.current_id()
        count = len(app.plan.programs)
        await pilot.press("d")
        await pilot.pause()
        await pilot.click("#ok")
        await pilot.pause()
        assert len(app.plan.programs) == count - 1
        assert app.plan.program(first) is None
        assert first not in app.plan.rank_list.order
        await pilot.press("ctrl+s")
        assert first not in [p["id"] for p in saved(demo_path)["programs"]]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.plan.program(first) is not None
        assert first in app.plan.rank_list.order
        assert table.row_count == count
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert app.plan.program(first) is None
        await pilot.press("ctrl+z", "ctrl+q")
    assert first in [p["id"] for p in saved(demo_path)["programs"]]


async def test_duplicate_and_sort(demo_path: Path) -> None:
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(120, 50)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        table = app.screen.query_one(InterviewList)
        original = app.screen.program()
        await pilot.press("c")
        await pilot.pause()
        twin = app.screen.program()
        assert twin.id != original.id and twin.name == f"{original.name} (copy)"
        assert twin.id in app.plan.rank_list.order
        await pilot.press("s")  # date -> name
        await pilot.pause()
        names = [str(table.get_row_at(i)[0]).removeprefix("× ") for i in range(table.row_count)]
        assert names == sorted(names, key=str.lower)
        assert table.current_id() == twin.id  # the selection follows the program


async def test_would_not_attend_leaves_the_rank_list(demo_path: Path) -> None:
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(120, 50)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        program = app.screen.program()
        assert program.id in app.plan.rank_list.order
        await tick(pilot, "#p-would_not_attend")
        assert program.would_not_attend and program.id not in app.plan.rank_list.order
        await pilot.press("ctrl+s")
        data = saved(demo_path)
        assert program.id not in data["rank_list"]["order"]


async def test_criteria_rename_keeps_scores_and_remove_drops_them(demo_path: Path) -> None:
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(120, 50)) as pilot:
        await pilot.press("f3", "ctrl+r")
        await pilot.pause()
        names = list(app.plan.criteria)
        scores_before = {p.id: p.criteria.get(names[0]) for p in app.plan.programs}
        first = app.screen.query("#crit-rows Input").first(Input)
        first.focus()
        await pilot.press("ctrl+u", "end", "ctrl+u", *"place")
        await pilot.click("#crit-del-1")
        await pilot.pause()
        await pilot.click("#ok")
        await pilot.pause()
        assert list(app.plan.criteria) == ["place", *names[2:]]
        assert {p.id: p.criteria.get("place") for p in app.plan.programs} == scores_before
        assert all(names[1] not in p.criteria for p in app.plan.programs)
        await pilot.press("ctrl+s")
        data = saved(demo_path)
        assert set(data["criteria"]) == {"place", *names[2:]}  # a renamed key moves to the end
        assert data["criteria"]["place"] == app.plan.criteria["place"]


async def test_clicking_a_row_selects_that_interview(demo_path: Path) -> None:
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(120, 50)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        table = app.screen.query_one(InterviewList)
        await pilot.click(InterviewList, offset=(3, 3))
        await pilot.pause()
        assert table.cursor_row == 2
        assert app.screen.program().id == table.current_id()
        name = app.screen.query_one("#p-name", Input).value
        assert name == app.screen.program().name


# -- keys that must not change data (DESIGN §6) ---------------------------------------------


async def test_enter_never_ticks_a_checkbox(demo_path: Path) -> None:
    """Only space (or a click) changes a checkbox; enter used to tick it."""
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(120, 50)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        boxes = list(app.screen.query(Checkbox))
        assert len(boxes) >= 5
        for box in boxes:
            before = box.value
            box.focus()
            await pilot.press("enter")
            await pilot.pause()
            assert box.value == before, box.id
        assert app._edits == 0
        await pilot.press("f4", "ctrl+o")
        await pilot.pause()
        for box in app.screen.query(Checkbox):
            before = box.value
            box.focus()
            await pilot.press("enter")
            await pilot.pause()
            assert box.value == before, box.id
        assert app._edits == 0
        box.focus()
        await pilot.press("space")  # space still ticks
        await pilot.pause()
        assert box.value != before and app._edits == 1


async def test_back_on_debrief_focus_is_on_the_list_and_enter_edits(demo_path: Path) -> None:
    """Focus left on "I would not attend", F4 then F3, enter (hinted "edit"): the program
    used to leave the rank list without a word."""
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(120, 50)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        program = app.screen.program()
        app.screen.query_one("#p-would_not_attend", Checkbox).focus()
        await pilot.pause()
        await pilot.press("f4")
        await pilot.pause()
        await pilot.press("f3")
        await pilot.pause()
        assert isinstance(app.focused, InterviewList)
        assert app.screen.program() is program
        await pilot.press("enter")
        await pilot.pause()
        assert app.focused.id == "p-name"
        assert not program.would_not_attend and program.id in app.plan.rank_list.order
        assert app._edits == 0


async def test_a_dialog_of_debrief_gives_focus_back_where_it_was(demo_path: Path) -> None:
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(120, 50)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        location = app.screen.query_one("#p-location", Input)
        location.focus()
        await pilot.pause()
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert not isinstance(app.screen, DebriefScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        assert app.focused is location


async def test_unticking_would_not_attend_puts_it_back_where_it_was(demo_path: Path) -> None:
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(120, 50)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        order = list(app.plan.rank_list.order)
        program = app.screen.program()
        assert order.index(program.id) < len(order) - 1  # not last already
        await tick(pilot, "#p-would_not_attend")
        assert program.id not in app.plan.rank_list.order
        assert any("off the rank list" in n.message for n in app._notifications)
        await tick(pilot, "#p-would_not_attend")
        assert app.plan.rank_list.order == order
        assert any(f"back at rank {order.index(program.id) + 1}" in n.message
                   for n in app._notifications)
        await pilot.press("ctrl+s")
        assert saved(demo_path)["rank_list"]["order"] == order


async def test_keys_typed_while_debrief_loads_apply_once_it_is_ready(plan_file) -> None:
    """F3 builds the screen on first use; the keys typed right after it go to its list."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "perf"))
    from genplan import generate_plan
    from keyburst import burst

    path = plan_file(generate_plan(300, seed=3))
    app = RankPlanApp(path)
    async with app.run_test(size=(120, 50)) as pilot:
        await pilot.pause()
        name = app.plan.profile.name
        await burst(pilot, "f3", "s", "s")  # s: sort the list (by name, then preference)
        assert isinstance(app.screen, DebriefScreen)
        assert app.plan.profile.name == name
        table = app.screen.query_one(InterviewList)
        assert app.focused is table
        assert table.sort_key == SortKey.PREFERENCE
        assert app._edits == 0


async def test_a_new_interview_setting_is_not_set_until_chosen(plan_file) -> None:
    """Issue 17 item 16: no silent "university"; "" is written and valid, and a file that
    leaves the key out still means university (the format's default)."""
    from rankplan.core.model import Setting
    from rankplan.storage.read import parse_text
    from rankplan.tui.widgets.choice import Choice

    path = plan_file("schema = 1\n")
    app = RankPlanApp(path)
    async with app.run_test(size=(120, 50)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"Lakeside", "enter")
        await pilot.pause()
        setting = app.screen.query_one("#p-setting", Choice)
        assert setting.label == "not set"
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        assert saved(path)["programs"][0]["setting"] == ""
        await choose(pilot, "#p-setting", "community")
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        assert saved(path)["programs"][0]["setting"] == "community"
    plan, errors = parse_text('schema = 1\n[[programs]]\nid = "a"\nsetting = ""\n')
    assert errors == [] and plan.programs[0].setting is Setting.UNSET
    plan, errors = parse_text('schema = 1\n[[programs]]\nid = "a"\n')
    assert errors == [] and plan.programs[0].setting is Setting.UNIVERSITY


async def test_interview_list_columns_fit_at_both_sizes(demo_path: Path) -> None:
    """Issue 17 item 6: "2026-10-0", a half "Sett" column and a sideways scrollbar at 120x40;
    "mediu", and Fit and Date gone at 80x24."""
    for size, date_text, pref_text in (((120, 40), "2026-10-05", "medium"),
                                       ((80, 24), "10-05", "med")):
        app = RankPlanApp(demo_path)
        async with app.run_test(size=size) as pilot:
            await pilot.press("f3")
            await pilot.pause()
            await pilot.pause()
            table = app.screen.query_one(InterviewList)
            assert table.virtual_size.width <= table.scrollable_content_region.width
            assert not table.show_horizontal_scrollbar
            labels = [c.label.plain for c in table.columns.values()]
            assert "Fit" in labels and "Date" in labels
            cells = {c.key.value: c for c in table.columns.values()}
            for key, column in cells.items():  # every cell whole in its column
                for value in table.get_column(key):
                    text = value.plain if hasattr(value, "plain") else str(value)
                    assert len(text) <= column.width, (key, text)
            dates = [str(v) for v in table.get_column("Date")]
            assert date_text in dates
            assert pref_text in [str(v) for v in table.get_column("Pref")]
            assert cells["Program"].width >= 12


async def test_checkbox_labels_whole_at_80_columns(demo_path: Path) -> None:
    """Issue 17 item 6: at 80x24 the checkbox labels were cut ("PD looks at the")."""
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        await pilot.pause()
        form = app.screen.query_one("#debrief-form")
        boxes = list(form.query(Checkbox))
        assert len(boxes) >= 5
        for box in boxes:
            needed = len(str(box.label)) + 4  # the button, spaces and the label
            assert box.size.width * box.size.height >= needed, str(box.label)
            assert box.region.right <= form.scrollable_content_region.right


async def test_an_added_interview_is_an_undo_step_of_its_own(demo_path: Path) -> None:
    """ctrl+n then a tick: ctrl+z takes back the tick and keeps the new interview (the
    tick, applied at once, used to join the add's step, and one ctrl+z took both)."""
    from rankplan.tui.widgets.checkbox import Checkbox

    async with on_screen(demo_path, "f3") as (app, pilot):
        before = len(app.plan.programs)
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press(*"Zeta", "enter")
        await pilot.pause()
        assert len(app.plan.programs) == before + 1
        app.screen.query_one("#d-home_program", Checkbox).toggle()
        await pilot.pause()
        assert app.screen.program().debrief.home_program
        await pilot.press("ctrl+z")
        await pilot.pause()
        zeta = [p for p in app.plan.programs if p.name == "Zeta"]
        assert len(zeta) == 1 and not zeta[0].debrief.home_program
