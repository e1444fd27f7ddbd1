"""The Schedule screen by keys: fill a week, copy a day, add practice scores and a goal,
edit the target date and see the timeline and findings move; all of it in the saved file."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

from helpers import choose
from textual.widgets import Input

from rankplan.core.model import DAYS
from rankplan.tui.app import RankPlanApp
from rankplan.tui.screens.schedule import ScheduleScreen
from rankplan.tui.widgets.findings import FindingsPanel
from rankplan.tui.widgets.week_grid import WeekGrid

EMPTY_WEEK = "\n".join(f'{d} = ["", "", ""]' for d in DAYS)
PLAN = f"""schema = 1

[schedule]
exam = "step2ck"
report_by = 2027-09-24

[schedule.week]
{EMPTY_WEEK}
"""


def saved(path: Path) -> dict:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def panel_text(app) -> str:
    return str(app.screen.query_one(FindingsPanel).query_one("Static").render())


async def open_schedule(pilot) -> None:
    await pilot.press("f5")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ScheduleScreen)
    assert pilot.app.focused is pilot.app.screen.query_one(WeekGrid)


async def test_fill_a_week_by_keys_and_copy_a_day(plan_file) -> None:
    path = plan_file(PLAN)
    app = RankPlanApp(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_schedule(pilot)
        assert "SC05" in panel_text(app) and "SC06" in panel_text(app)
        # Monday: study, qbank, exercise (cursor moves down the slots)
        await pilot.press("s", "down", "q", "down", "e")
        # Tuesday morning: clinical, afternoon mentor
        await pilot.press("right", "up", "up", "c", "down", "m")
        assert "SC06" not in panel_text(app) and "SC07" not in panel_text(app)
        # copy Monday onto Saturday, then Sunday off all day
        await pilot.press("left", "y", *["right"] * 5, "v")
        await pilot.press("right", "up", "o", "down", "o", "down", "z")
        assert "SC05" not in panel_text(app)
        await pilot.press("ctrl+s")
        week = saved(path)["schedule"]["week"]
        assert week["mon"] == ["study", "qbank", "exercise"]
        assert week["tue"] == ["clinical", "mentor", ""]
        assert week["sat"] == week["mon"]
        assert week["sun"] == ["off", "off", "rest"]
        assert week["wed"] == ["", "", ""]
        # clearing a block
        await pilot.press("space", "ctrl+s")
        assert saved(path)["schedule"]["week"]["sun"] == ["off", "off", ""]


async def test_a_click_on_a_block_opens_a_menu(plan_file) -> None:
    path = plan_file(PLAN)
    app = RankPlanApp(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_schedule(pilot)
        grid = app.screen.query_one(WeekGrid)
        from rankplan.tui.widgets.week_grid import geometry

        label, cell = geometry(grid.size.width)
        await pilot.click(WeekGrid, offset=(label + 2 * cell + 1, 2))  # Wednesday afternoon
        await pilot.pause()
        assert app.screen.__class__.__name__ == "ActivityMenu"
        await pilot.press("down", "down", "down", "enter")  # the fourth: clinical
        await pilot.pause()
        assert app.plan.schedule.week["wed"][1] == "clinical"


async def test_timeline_and_findings_follow_the_target_date(plan_file) -> None:
    path = plan_file(PLAN)
    app = RankPlanApp(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_schedule(pilot)
        field = app.screen.query_one("#target_date", Input)
        field.focus()
        await pilot.press(*"10/1/2027")
        await pilot.pause()
        assert app.plan.schedule.target_date == date(2027, 10, 1)
        milestones = str(app.screen.query_one("#milestones").render())
        assert "Last safe test date: 2027-08-27" in milestones
        assert "SC01" in panel_text(app)  # 10/1 + 4 weeks is after 9/24
        assert "SC08" in panel_text(app)  # a test date and no practice score
        await pilot.press("tab")  # leaving the field normalises what was typed
        assert field.value == "2027-10-01"
        field.focus()
        await pilot.press("ctrl+u", "end", "ctrl+u", *"2027-07-20", "tab")
        await pilot.pause()
        assert "SC01" not in panel_text(app)
        assert "2027-07-20" in str(app.screen.query_one("#milestones").render())
        await pilot.press("ctrl+s")
        assert saved(path)["schedule"]["target_date"] == date(2027, 7, 20)


async def test_the_exam_is_chosen_from_its_list(plan_file) -> None:
    path = plan_file(PLAN)
    app = RankPlanApp(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_schedule(pilot)
        await choose(pilot, "#exam", "step1")
        assert app.plan.schedule.exam == "step1"
        await pilot.press("right")  # the next exam in the list, without opening it
        assert app.plan.schedule.exam == "step2ck"
        await pilot.press("ctrl+s")
        assert saved(path)["schedule"]["exam"] == "step2ck"


async def test_a_bad_number_is_refused_beside_the_field(plan_file) -> None:
    path = plan_file(PLAN)
    app = RankPlanApp(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_schedule(pilot)
        field = app.screen.query_one("#margin", Input)
        field.focus()
        await pilot.press("ctrl+u", "end", "ctrl+u", *"500")
        await pilot.pause()
        hint = app.screen.query_one("#margin-hint")
        assert hint.display and "0 to 100" in str(hint.render())
        assert app.plan.schedule.margin == 50  # the last value that was a valid margin
        await pilot.press("backspace", "backspace")
        assert app.plan.schedule.margin == 5
        assert not hint.display


async def test_practice_scores_and_readiness(plan_file) -> None:
    path = plan_file(PLAN)
    app = RankPlanApp(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_schedule(pilot)
        app.screen.query_one("#practice").focus()
        for when, form, score in (("5/10/2027", "NBME 13", "230"), ("5/24/2027", "NBME 14", "228")):
            await pilot.press("a")
            await pilot.pause()
            app.screen.query_one("#date", Input).value = ""
            app.screen.query_one("#date", Input).focus()
            await pilot.press(*when, "tab", *form, "tab", *score, "enter")
            await pilot.pause()
        readiness = str(app.screen.query_one("#readiness").render())
        # both at least 218 (the Step 2 CK pass mark) + 10: 228 exactly counts
        assert readiness.startswith("READY")
        await pilot.press("enter")  # edit the second: below the target
        await pilot.pause()
        score = app.screen.query_one("#score", Input)
        score.value = ""
        score.focus()
        await pilot.press(*"219", "enter")
        await pilot.pause()
        assert str(app.screen.query_one("#readiness").render()).startswith("NOT READY")
        await pilot.press("ctrl+s")
        practice = saved(path)["schedule"]["practice"]
        assert practice == [
            {"date": date(2027, 5, 10), "form": "NBME 13", "score": 230},
            {"date": date(2027, 5, 24), "form": "NBME 14", "score": 219},
        ]
        await pilot.press("d")
        await pilot.pause()
        await pilot.click("#ok")
        await pilot.pause()
        assert len(app.plan.schedule.practice) == 1


async def test_goals_add_done_and_overdue(plan_file) -> None:
    path = plan_file(PLAN)
    app = RankPlanApp(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_schedule(pilot)
        app.screen.query_one("#goals").focus()
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"Two new IM letters", "tab", *"11/1/2026", "enter")
        await pilot.pause()
        goals = app.screen.query_one("#goals")
        assert "OVERDUE" in str(goals.get_row_at(0)[2])
        await pilot.press("space")
        await pilot.pause()
        assert app.plan.goals[0].done
        assert "OVERDUE" not in str(goals.get_row_at(0)[2])
        await pilot.press("ctrl+s")
        assert saved(path)["goals"] == [{"domain": "exam", "title": "Two new IM letters",
                                         "due": date(2026, 11, 1), "done": True,
                                         "id": "g1"}]  # its calendar key (core.identity)


async def test_reset_week_asks_and_undo_restores(plan_file) -> None:
    path = plan_file(PLAN)
    app = RankPlanApp(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_schedule(pilot)
        await pilot.press("R")
        await pilot.pause()
        await pilot.click("#ok")
        await pilot.pause()
        assert app.plan.schedule.week["wed"] == ["clinical", "clinical", ""]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.plan.schedule.week["wed"] == ["", "", ""]
        assert app.screen.query_one(WeekGrid).week["wed"] == ["", "", ""]


async def test_a_practice_score_off_the_exams_scale_is_refused(plan_file) -> None:
    path = plan_file(PLAN)
    app = RankPlanApp(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_schedule(pilot)
        app.screen.query_one("#practice").focus()
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("tab", *"COMSAE", "tab", *"450", "enter")
        await pilot.pause()
        assert app.plan.schedule.practice == []  # a Step 2 CK score cannot be 450
        assert "runs 1-300; 450 is outside it" in str(app.screen.query_one("#dialog-error").render())


async def test_the_passing_score_follows_the_exam_until_overridden(plan_file) -> None:
    path = plan_file(PLAN + "\n[[programs]]\nid = \"univ-a\"\n")
    app = RankPlanApp(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_schedule(pilot)
        hint = app.screen.query_one("#passing_score-hint")
        assert str(hint.render()) == "218, Step 2 CK pass mark since 2025-07-01; edit to override"
        field = app.screen.query_one("#passing_score", Input)
        field.focus()
        await pilot.press(*"450")
        assert "runs 1-300; 450 is outside it" in str(hint.render())
        await pilot.press("backspace", "backspace", "backspace", *"220", "ctrl+s")
        assert saved(path)["schedule"]["passing_score"] == 220
        await pilot.press("backspace", "backspace", "backspace", "ctrl+s")
        assert "passing_score" not in saved(path)["schedule"]
        assert app.plan.schedule.passing_score is None


async def test_switching_the_aim_is_saved(plan_file) -> None:
    # no report_by: it follows the aim. TODAY 2026-11-21 is mid-season and the plan has a
    # program, so the aim starts at the rank deadline of the 2027 Match.
    path = plan_file(PLAN.replace("report_by = 2027-09-24\n", "")
                     + "\n[[programs]]\nid = \"univ-a\"\n")
    app = RankPlanApp(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_schedule(pilot)
        from rankplan.core.model import Aim
        from rankplan.tui.widgets.choice import Choice

        aim = app.screen.query_one("#aim", Choice)
        assert aim.value is Aim.RANK_DEADLINE
        milestones = str(app.screen.query_one("#milestones").render())
        assert "2027-03-01  Score must be reported by" in milestones
        aim.focus()
        await pilot.press("right")
        await pilot.pause()
        assert app.plan.schedule.aim is Aim.NEXT_SEASON
        milestones = str(app.screen.query_one("#milestones").render())
        assert "2027-09-24  Score must be reported by" in milestones
        await pilot.press("ctrl+s")
        assert saved(path)["schedule"]["aim"] == "next-season"
        await pilot.press("left", "ctrl+s")
        assert saved(path)["schedule"]["aim"] == "rank-deadline"


async def test_editing_a_cycle_date_in_place_is_saved(plan_file) -> None:
    path = plan_file(PLAN)
    app = RankPlanApp(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_schedule(pilot)
        deadline = app.screen.query_one("#cycle-rank_deadline", Input)
        assert deadline.value == "" and deadline.placeholder == "2027-03-01"
        deadline.focus()
        await pilot.press(*"3/4/2027", "tab")
        await pilot.pause()
        assert deadline.value == "2027-03-04"
        await pilot.press("ctrl+s")
        assert saved(path)["cycle"] == {"rank_deadline": date(2027, 3, 4)}
        milestones = str(app.screen.query_one("#milestones").render())
        assert "2027-03-04  Rank list deadline" in milestones
        # the other dates stay those of the same cycle
        assert app.screen.query_one("#cycle-match_day", Input).placeholder == "2027-03-19"
        deadline.value = ""  # emptied: back to the usual date
        await pilot.pause()
        assert app.plan.cycle.rank_deadline is None
        await pilot.press("ctrl+s")
        assert "cycle" not in saved(path) or saved(path)["cycle"] == {}


async def test_an_img_plans_test_date_moves_pr05(plan_file) -> None:
    """PR05 is a profile finding that reads the schedule: a test date typed on the Schedule
    screen that reports by the rank deadline (2027-03-01) clears it."""
    path = plan_file(PLAN + '\n[profile]\napplicant_type = "img"\n[[profile.exams]]\n'
                     'exam = "step1"\nresult = "pass"\n')
    app = RankPlanApp(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_schedule(pilot)
        assert "PR05" in [f.code for f in app.findings]
        app.screen.query_one("#target_date", Input).focus()
        await pilot.press(*"2027-01-20")
        await pilot.pause()
        assert "PR05" not in [f.code for f in app.findings]
        await pilot.press("backspace", "backspace", *"28")  # 2027-01-28 reports 02-25
        assert "PR05" not in [f.code for f in app.findings]
        await pilot.press("ctrl+u", *"2027-02-02")  # reports 2027-03-02
        await pilot.pause()
        assert "PR05" in [f.code for f in app.findings]


async def test_the_help_names_the_study_week_band_that_applied(plan_file) -> None:
    path = plan_file(PLAN.replace('exam = "step2ck"', 'exam = "step1"')
                     + '\n[[profile.exams]]\nexam = "step1"\nresult = "fail"\n'
                     '\n[[schedule.practice]]\ndate = 2026-11-01\nscore = 175\n')
    app = RankPlanApp(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_schedule(pilot)
        text = app.screen.help_markdown()
        assert "For your plan: **6 weeks**" in text
        assert "175, is 21 points below the passing score of 196 (15-24 points below)" in text
        assert "| Step 2 CK | 1-300 | 218 for tests on or after 2025-07-01; 214 before |" in text


async def test_switching_the_exam_keeps_every_score_on_its_scale(plan_file) -> None:
    """COMSAE scores of 450 cannot become Step 3 scores: the switch is refused. A passing
    score of 400 off the new scale gives way to the exam's pass mark."""
    from rankplan.tui.widgets.choice import Choice

    path = plan_file(PLAN.replace('exam = "step2ck"', 'exam = "comlex2"\npassing_score = 400')
                     + '\n[[schedule.practice]]\ndate = 2026-11-01\nscore = 450\n')
    app = RankPlanApp(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_schedule(pilot)
        choice = app.screen.query_one("#exam", Choice)
        choice.focus()
        await pilot.press("left")  # COMLEX Level 1: the same scale, allowed
        await pilot.pause()
        assert app.plan.schedule.exam == "comlex1"
        steps = [v for _, v in choice.options].index("step3")
        choice.pick(steps)  # Step 3 (1-300): refused while the 450 is there
        await pilot.pause()
        assert app.plan.schedule.exam == "comlex1" and choice.value == "comlex1"
        app.plan.schedule.practice.clear()
        choice.pick(steps)
        await pilot.pause()
        assert app.plan.schedule.exam == "step3" and app.plan.schedule.passing_score is None
        await pilot.press("ctrl+s")
        assert saved(path)["schedule"]["exam"] == "step3"
        assert "passing_score" not in saved(path)["schedule"]


async def test_goal_columns_show_whole_titles_and_dates(demo_path) -> None:
    """Issue 17 item 1: Goal and Due were 4 and 3 characters wide ("exam  Two  202")."""
    for size in ((80, 24), (120, 40)):
        app = RankPlanApp(demo_path)
        async with app.run_test(size=size) as pilot:
            await open_schedule(pilot)
            await pilot.pause()
            goals = app.screen.query_one("#goals")
            widths = {c.label.plain: c.get_render_width(goals) for c in goals.columns.values()}
            assert widths["Due"] >= 2 + len("2026-12-01")
            longest = max(len(g.title) for g in app.plan.goals)
            room = goals.scrollable_content_region.width
            assert widths["Goal"] >= min(longest + 2, room - sum(widths.values()) + widths["Goal"] - 1)
            assert widths["Goal"] >= 12
            assert sum(widths.values()) <= room  # no sideways scrolling


async def test_new_goal_is_shown_and_selected(demo_path) -> None:
    """Issue 17 item 2: a new goal landed out of sight at the bottom of the page."""
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_schedule(pilot)
        main = app.screen.query_one("#schedule-main")
        goals = app.screen.query_one("#goals")
        goals.focus()
        main.scroll_home(animate=False, immediate=True)  # the form's top in sight
        await pilot.pause()
        for n in range(4):  # past the table's own height too
            await pilot.press("a")
            await pilot.pause()
            await pilot.press(*f"Brand new goal {n}", "enter")
            await pilot.pause()
            await pilot.pause()
        assert app.focused is goals
        assert goals.cursor_row == len(app.plan.goals) - 1
        assert "Brand new goal 3" in str(goals.get_row_at(goals.cursor_row)[1])
        # The cursor row is on the screen, inside the page's visible part.
        y = goals.region.y + goals.header_height + goals.cursor_row - int(goals.scroll_y)
        assert goals.region.y <= y < goals.region.bottom
        assert main.region.y <= y < main.region.bottom


async def test_recommendation_says_the_weeks_once(demo_path) -> None:
    """Issue 17 item 10: "Study weeks recommended: 12. 12 weeks, the advisors' ..."."""
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_schedule(pilot)
        text = str(app.screen.query_one("#milestones").render())
        assert "Recommended study: 12 weeks, the advisors' standard" in text
        assert "Recommended study: 12 weeks" in text and "12. 12 weeks" not in text


async def test_block_menu_opens_beside_the_clicked_block(plan_file) -> None:
    """Issue 17 item 21: the block menu opened in the middle of the screen, away from the
    clicked cell."""
    from textual.widgets import OptionList

    from rankplan.tui.widgets.week_grid import geometry

    for size, day in (((120, 40), 5), ((80, 24), 0)):
        app = RankPlanApp(plan_file(PLAN))
        async with app.run_test(size=size) as pilot:
            await open_schedule(pilot)
            grid = app.screen.query_one(WeekGrid)
            label, cell = geometry(grid.size.width)
            x, y = label + day * cell + 1, 3  # evening
            await pilot.click(WeekGrid, offset=(x, y))
            await pilot.pause()
            assert app.screen.__class__.__name__ == "ActivityMenu"
            menu = app.screen.query_one(OptionList).region
            clicked_x, clicked_y = grid.region.x + x, grid.region.y + y
            assert menu.y == clicked_y + 1 or menu.bottom == clicked_y  # just below or above
            assert menu.x <= clicked_x < menu.right or menu.right == size[0]
            assert menu.right <= size[0] and menu.bottom <= size[1]
