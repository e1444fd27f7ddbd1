"""The Profile screen driven by keys and the mouse; every edit must reach the saved file."""

from __future__ import annotations

import tomllib
from pathlib import Path

from helpers import choose, title_says
from textual.widgets import DataTable, Input, TextArea

from rankplan.core.model import AdvisorView
from rankplan.tui.app import RankPlanApp
from rankplan.tui.widgets.choice import Choice, ChoicePicker
from rankplan.tui.widgets.findings import FindingsPanel


def saved(path: Path) -> dict:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def findings_text(app: RankPlanApp) -> str:
    panel = app.screen.query_one(FindingsPanel)
    return str(panel.query_one("Static").render())


async def focus(pilot, selector: str) -> None:
    pilot.app.screen.query_one(selector).focus()
    await pilot.pause()


async def test_typing_the_name_is_saved_after_the_debounce(demo_path: Path) -> None:
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(100, 40)) as pilot:
        name = app.screen.query_one("#name", Input)
        await pilot.press("shift+tab")  # a plan with a name starts on the field below it
        assert app.focused is name
        await pilot.press("ctrl+u")  # clears the input from the cursor back
        await pilot.press("end", "ctrl+u", *"Sam Lee")
        assert app.plan.profile.name == "Sam Lee"
        assert app.sub_title == "unsaved"
        await title_says(pilot, "saved")
        assert saved(demo_path)["profile"]["name"] == "Sam Lee"
        assert "Sam Lee" in app.title


async def test_every_field_by_keyboard_reaches_the_file(demo_path: Path) -> None:
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await choose(pilot, "#applicant_type", "img")
        await choose(pilot, "#risk_profile", "P4")
        await choose(pilot, "#specialty", "Psychiatry")
        await choose(pilot, "#backup_specialty", "")
        await choose(pilot, "#advisor_view", "pessimistic")
        await focus(pilot, "#graduation_year")
        app.screen.query_one("#graduation_year", Input).value = ""
        await pilot.press(*"2024")
        for key, words in (("story_context", "Context."), ("story_changes", "Changes."),
                           ("story_evidence", "Evidence.")):
            await focus(pilot, f"#{key}")
            app.screen.query_one(f"#{key}", TextArea).text = ""
            await pilot.press(*words)
        await pilot.press("ctrl+s")
        profile = saved(demo_path)["profile"]
        assert profile["applicant_type"] == "img"
        assert profile["risk_profile"] == "P4"
        assert profile["specialty"] == "Psychiatry"
        assert profile["backup_specialty"] == ""
        assert profile["advisor_view"] == "pessimistic"
        assert profile["graduation_year"] == 2024
        assert profile["story_context"] == "Context."
        assert profile["story_changes"] == "Changes."
        assert profile["story_evidence"] == "Evidence."


async def test_a_half_typed_year_is_not_saved_and_says_why(demo_path: Path) -> None:
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await focus(pilot, "#graduation_year")
        app.screen.query_one("#graduation_year", Input).value = ""
        await pilot.press("1", "9")
        hint = app.screen.query_one("#graduation_year-hint")
        assert hint.display and "1950 to 2100" in str(hint.render())
        assert app.plan.profile.graduation_year == 0  # emptied, then not yet a year
        await pilot.press("9", "9")
        assert app.plan.profile.graduation_year == 1999
        assert not hint.display


async def test_story_findings_update_live(demo_path: Path) -> None:
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()  # the story comes with the lower half, after the first frame
        assert "PR01" not in findings_text(app)
        area = app.screen.query_one("#story_evidence", TextArea)
        area.text = ""
        await pilot.pause()
        assert "PR01" in findings_text(app)
        assert "evidence" in findings_text(app)
        await focus(pilot, "#story_evidence")
        await pilot.press(*"NBME scores")
        assert "PR01" not in findings_text(app)


async def test_add_edit_and_delete_exam_attempts(demo_path: Path) -> None:
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(100, 40)) as pilot:
        table = app.screen.query_one("#exams", DataTable)
        await focus(pilot, "#exams")
        assert table.row_count == 3
        # add: a third failed Step 1 attempt raises PR03 (danger)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("tab")
        await pilot.press(*"nov 2", "tab")
        await choose(pilot, "#result", "fail")
        await pilot.click("#ok")
        await pilot.pause()
        assert table.row_count == 4
        attempt = app.plan.profile.exams[-1]
        assert (attempt.exam, attempt.date.isoformat(), attempt.result) == ("step1", "2026-11-02", "fail")
        # edit it: the score
        await pilot.press("enter")
        await pilot.pause()
        score = app.screen.query_one("#score", Input)
        score.focus()
        await pilot.press(*"190", "enter")
        await pilot.pause()
        assert app.plan.profile.exams[-1].score == 190
        await pilot.press("ctrl+s")
        assert saved(demo_path)["profile"]["exams"][-1] == {
            "exam": "step1", "date": attempt.date, "result": "fail", "score": 190,
        }
        # delete asks first; cancel keeps it, confirm removes it
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert len(app.plan.profile.exams) == 4
        await pilot.press("delete")
        await pilot.pause()
        await pilot.click("#ok")
        await pilot.pause()
        assert len(app.plan.profile.exams) == 3
        await pilot.press("ctrl+s")
        assert len(saved(demo_path)["profile"]["exams"]) == 3


async def test_a_bad_date_in_the_exam_dialog_is_refused_with_a_message(demo_path: Path) -> None:
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("ctrl+n")
        await pilot.pause()
        app.screen.query_one("#date", Input).focus()
        await pilot.press(*"someday", "enter")
        await pilot.pause()
        error = app.screen.query_one("#dialog-error")
        assert "2026-11-02" in str(error.render())
        await pilot.press("escape")
        await pilot.pause()
        assert len(app.plan.profile.exams) == 3


async def test_custom_specialty_becomes_the_primary(demo_path: Path) -> None:
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("ctrl+t")
        await pilot.pause()
        name = app.screen.query_one("#name", Input)
        name.value = ""
        name.focus()
        await pilot.press(*"Sports Medicine", "tab")
        await choose(pilot, "#tier", "moderate")
        baseline = app.screen.query_one("#baseline", Input)
        baseline.value = ""
        baseline.focus()
        await pilot.press(*"0.45", "enter")
        await pilot.pause()
        assert app.plan.profile.specialty == "Sports Medicine"
        await pilot.press("ctrl+s")
        data = saved(demo_path)
        assert data["specialties"]["Sports Medicine"] == {"tier": "moderate", "baseline": 0.45}
        assert data["profile"]["specialty"] == "Sports Medicine"
        hint = app.screen.query_one("#specialty-hint")
        assert "45%" in str(hint.render())


async def test_quit_saves_pending_changes(demo_path: Path) -> None:
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("shift+tab", "end", *" Jr")
        await pilot.press("ctrl+q")
    assert saved(demo_path)["profile"]["name"] == "Jordan Avery Jr"


async def test_help_opens_and_closes(demo_path: Path) -> None:
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "HelpScreen"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "ProfileScreen"
        await focus(pilot, "#exams")
        await pilot.press("question_mark")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "HelpScreen"


async def test_a_choice_is_picked_with_the_mouse(demo_path: Path) -> None:
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.click("#advisor_view")
        await pilot.pause()
        picker = app.screen.query_one(ChoicePicker)
        assert app.focused is picker
        field = app.screen.query_one("#advisor_view", Choice)
        assert picker.region.y == field.region.bottom  # the list opens just under the field
        await pilot.click(ChoicePicker, offset=(3, 1 + 3))  # border, then the fourth option
        await pilot.pause()
        assert app.plan.profile.advisor_view is AdvisorView.PESSIMISTIC
        assert field.label == "pessimistic"
        assert not app.screen.query(ChoicePicker)
        assert app.focused is field


async def test_a_click_beside_the_list_or_escape_leaves_the_value(demo_path: Path) -> None:
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(100, 40)) as pilot:
        before = app.plan.profile.advisor_view
        await pilot.click("#advisor_view")
        await pilot.pause()
        assert app.screen.query(ChoicePicker)
        await pilot.click("#name")
        await pilot.pause()
        assert not app.screen.query(ChoicePicker)
        await focus(pilot, "#advisor_view")
        await pilot.press("enter", "down", "escape")
        await pilot.pause()
        assert not app.screen.query(ChoicePicker)
        assert app.plan.profile.advisor_view is before
        assert app.sub_title == "saved"


async def test_left_and_right_step_through_a_choice(demo_path: Path) -> None:
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(100, 40)) as pilot:
        choice = app.screen.query_one("#advisor_view", Choice)
        values = [v for _, v in choice.options]
        start = values.index(choice.value)
        await focus(pilot, "#advisor_view")
        await pilot.press("right")
        assert app.plan.profile.advisor_view == values[min(start + 1, len(values) - 1)]
        await pilot.press(*["left"] * len(values))  # stops at the first, does not wrap
        assert app.plan.profile.advisor_view == values[0]
        assert choice.value == values[0]


async def test_exam_scores_are_read_on_their_own_scale(demo_path: Path) -> None:
    """A COMLEX Level 2-CE of 480 is a score; a Step 2 CK of 450 is not, and the dialog says
    which scale it runs on."""
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(100, 40)) as pilot:
        table = app.screen.query_one("#exams", DataTable)
        await focus(pilot, "#exams")
        await pilot.press("a")
        await pilot.pause()
        await choose(pilot, "#exam", "step2ck")
        await choose(pilot, "#result", "pass")
        app.screen.query_one("#score", Input).focus()
        await pilot.press(*"450", "enter")
        await pilot.pause()
        error = str(app.screen.query_one("#dialog-error").render())
        assert error == "a Step 2 CK score runs 1-300; 450 is outside it"
        await choose(pilot, "#exam", "comlex2")
        app.screen.query_one("#score", Input).focus()
        await pilot.press("backspace", "backspace", "backspace", *"480", "enter")
        await pilot.pause()
        assert table.row_count == 4
        assert (app.plan.profile.exams[-1].exam, app.plan.profile.exams[-1].score) == (
            "comlex2", 480)
        assert "480" in str(table.get_row_at(3))
        await pilot.press("ctrl+s")
        assert saved(demo_path)["profile"]["exams"][-1]["score"] == 480


async def test_the_help_explains_the_exam_findings_and_pass_marks(demo_path: Path) -> None:
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        text = app.screen.help_markdown()
        for code in ("PR03", "PR05", "PR06"):
            assert f"- **{code}**" in text and f"| {code} |" in text
        assert "| COMLEX Level 2-CE | 9-999 | 400 |" in text
        assert "the USMLE allows 4 per Step" in text


async def test_a_new_exam_has_no_result_until_one_is_chosen(demo_path: Path) -> None:
    """Issue 17 item 14: Left on a new attempt's result no longer picks "fail" unseen: it
    starts unchosen, saving asks for a choice, and "fail" is the far end of the list."""
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(100, 40)) as pilot:
        table = app.screen.query_one("#exams", DataTable)
        await focus(pilot, "#exams")
        await pilot.press("a")
        await pilot.pause()
        result = app.screen.query_one("#result", Choice)
        assert result.value == "" and "choose" in result.label
        result.focus()
        await pilot.press("left", "left")
        assert result.value == ""  # nothing picked by stepping left
        await pilot.click("#ok")
        await pilot.pause()
        assert table.row_count == 3  # not saved without a result
        error = str(app.screen.query_one("#dialog-error").render())
        assert error == "choose a result: pending, pass or fail"
        assert app.focused is result
        await pilot.press("right")
        assert result.value == "pending"
        await pilot.press("left")
        assert result.value == ""
        await pilot.press("right", "right")
        assert result.value == "pass"
        await pilot.click("#ok")
        await pilot.pause()
        assert table.row_count == 4
        assert app.plan.profile.exams[-1].result == "pass"
        # editing a pending attempt: Left stays on pending, fail is two steps right
        await pilot.press("enter")
        await pilot.pause()
        result = app.screen.query_one("#result", Choice)
        assert [v for _, v in result.options] == ["pending", "pass", "fail"]


async def test_the_backup_list_leaves_out_the_primary_specialty(demo_path: Path) -> None:
    """Issue 17 item 18."""
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        backup = app.screen.query_one("#backup_specialty", Choice)
        offered = [v for _, v in backup.options]
        assert app.plan.profile.specialty == "Internal Medicine"
        assert "Internal Medicine" not in offered and "Psychiatry" in offered
        await choose(pilot, "#specialty", "Psychiatry")
        offered = [v for _, v in backup.options]
        assert "Psychiatry" not in offered and "Internal Medicine" in offered
        assert backup.value == app.plan.profile.backup_specialty


async def test_a_pending_result_past_its_test_date_asks_for_the_result(plan_file) -> None:
    """A result left "pending" after the test date said nothing (DESIGN names no finding
    for it, so the Profile says it under the exam table)."""
    path = plan_file(
        'schema = 1\n[profile]\nspecialty = "Internal Medicine"\n'
        '[[profile.exams]]\nexam = "step1"\ndate = 2025-03-14\nresult = "fail"\n'
        '[[profile.exams]]\nexam = "step2ck"\ndate = 2026-10-01\nresult = "pending"\n'
        '[[profile.exams]]\nexam = "step3"\ndate = 2027-01-20\nresult = "pending"\n')
    app = RankPlanApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        hint = app.screen.query_one("#exams-hint")
        text = " ".join(str(hint.render()).split())
        assert "Step 2 CK on 2026-10-01: test date passed: set the result" in text
        assert "2027-01-20" not in text and "2025-03-14" not in text  # to come; a result
        table = app.screen.query_one("#exams", DataTable)
        await focus(pilot, "#exams")
        table.move_cursor(row=1)
        await pilot.press("enter")
        await pilot.pause()
        await choose(pilot, "#result", "pass")
        await pilot.click("#ok")
        await pilot.pause()
        assert app.plan.profile.exams[1].result == "pass"
        assert "test date passed" not in str(hint.render())
