"""The Reapply screen (F6) driven by keys: every edit must reach the saved file."""

from __future__ import annotations

import shutil
import tomllib
from datetime import date
from pathlib import Path

import pytest
from helpers import ROOT, choose, on_screen
from textual.widgets import Input, Static

from rankplan.core.findings import Section
from rankplan.tui.app import RankPlanApp
from rankplan.tui.widgets.findings import FindingsPanel

REAPPLY_DEMO = ROOT / "rankplan" / "data" / "demo_reapply.toml"


@pytest.fixture
def reapply_path(tmp_path: Path) -> Path:
    folder = tmp_path / "plans"
    folder.mkdir(mode=0o700)
    path = folder / "plan.toml"
    shutil.copy(REAPPLY_DEMO, path)
    path.chmod(0o600)
    return path


def saved(path: Path) -> dict:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def text_of(app: RankPlanApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def findings_text(app: RankPlanApp) -> str:
    return str(app.screen.query_one(FindingsPanel).query_one("Static").render())


async def open_reapply(pilot) -> None:
    await pilot.press("f6")
    await pilot.pause()
    await pilot.pause()


async def type_into(pilot, selector: str, text: str) -> None:
    box = pilot.app.screen.query_one(selector, Input)
    box.focus()
    box.value = ""
    await pilot.pause()
    await pilot.press(*text)
    await pilot.pause()


async def test_a_plan_without_reapply_explains_and_starts_one(demo_path: Path) -> None:
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_reapply(pilot)
        assert "no reapplication year yet" in text_of(app, "#reapply-empty-text")
        assert not app.screen.query_one("#reapply-main").display
        assert "RA0" not in findings_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert app.plan.reapply is not None
        assert app.screen.query_one("#reapply-main").display
        assert app.focused is app.screen.query_one("#ra-last_cycle")
        await pilot.press("ctrl+s")
        assert saved(demo_path)["reapply"]["specialty"] == "Internal Medicine"
        await pilot.press("ctrl+z")  # starting is one undo step
        await pilot.pause()
        assert app.plan.reapply is None
        assert app.screen.query_one("#reapply-empty").display


async def test_filling_the_autopsy_reaches_the_file(demo_path: Path) -> None:
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_reapply(pilot)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"2026")
        await type_into(pilot, "#ra-applications", "40")
        await type_into(pilot, "#ra-interviews_offered", "4")
        await type_into(pilot, "#ra-ranked", "4")
        await choose(pilot, "#ra-geography", "narrow")
        await type_into(pilot, "#ra-submitted", "9/20/2025")
        await type_into(pilot, "#ra-score_reported", "2025-10-30")
        await choose(pilot, "#ra-statement", "generic")
        derived = text_of(app, "#autopsy-derived")
        assert "4 of 40 applications (10%)" in derived
        assert "after programs began reviewing on 2025-09-24" in derived
        await type_into(pilot, "#ra-applications_planned", "60")
        assert "Target: apply to 80-120 programs; you plan 60" in text_of(app, "#target")
        assert "RA02" in findings_text(app)
        await type_into(pilot, "#ra-applications_planned", "85")
        assert "you plan 85" in text_of(app, "#target")
        assert "RA02" not in findings_text(app)
        await pilot.press("ctrl+s")
        r = saved(demo_path)["reapply"]
        assert (r["last_cycle"], r["applications"], r["interviews_offered"], r["ranked"]) == (
            2026, 40, 4, 4)
        assert r["geography"] == "narrow" and r["statement"] == "generic"
        assert r["submitted"] == date(2025, 9, 20) and r["score_reported"] == date(2025, 10, 30)
        assert r["applications_planned"] == 85


async def test_a_bad_number_or_date_is_not_saved(reapply_path: Path) -> None:
    app = RankPlanApp(reapply_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_reapply(pilot)
        app.screen.query_one("#ra-last_cycle", Input).focus()
        await pilot.press("end", "backspace", "backspace")  # "20" is no Match year
        assert "a Match year such as 2026" in text_of(app, "#ra-last_cycle-hint")
        app.screen.query_one("#ra-submit_on", Input).focus()
        await pilot.press("end", "backspace", "backspace", *"40")  # 2027-09-4, then -40
        assert "no such date" in text_of(app, "#ra-submit_on-hint")
        assert app.plan.reapply.last_cycle == 2026
        assert app.plan.reapply.submit_on == date(2027, 9, 4)  # the last date it read as


async def test_letters_add_delete_and_undo(reapply_path: Path) -> None:
    app = RankPlanApp(reapply_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_reapply(pilot)
        app.screen.query_one("#ra-letters").focus()
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"[b]Dr. Kim[/]", "tab", "tab", *"2027-06-01", "enter")
        await pilot.pause()
        await pilot.press("ctrl+s")
        letters = saved(reapply_path)["reapply"]["letters"]
        assert letters[-1] == {"author": "[b]Dr. Kim[/]", "specialty": "Internal Medicine",
                               "date": date(2027, 6, 1), "status": "asked"}
        table = app.screen.query_one("#ra-letters")
        assert str(table.get_row_at(3)[0]) == "[b]Dr. Kim[/]"  # shown as typed, not as markup
        table.move_cursor(row=0)
        await pilot.press("d")
        await pilot.pause()
        await pilot.click("#ok")
        await pilot.pause()
        await pilot.press("ctrl+s")
        authors = [x["author"] for x in saved(reapply_path)["reapply"]["letters"]]
        assert authors == ["Dr. Ade Okafor", "Dr. Ruth Grant", "[b]Dr. Kim[/]"]
        await pilot.press("ctrl+z")
        await pilot.pause()
        await pilot.press("ctrl+s")
        authors = [x["author"] for x in saved(reapply_path)["reapply"]["letters"]]
        assert authors == ["Dr. Lena Lee", "Dr. Ade Okafor", "Dr. Ruth Grant", "[b]Dr. Kim[/]"]
        assert app.screen.query_one("#ra-letters").row_count == 4


async def test_advocates_add_edit_delete_and_undo(reapply_path: Path) -> None:
    app = RankPlanApp(reapply_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_reapply(pilot)
        app.screen.query_one("#ra-advocates").focus()
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"Dr. Ruiz", "tab", *"univ-a, Mercy Hospital", "enter")
        await pilot.pause()
        await pilot.press("ctrl+s")
        added = saved(reapply_path)["reapply"]["advocates"][-1]
        assert added == {"name": "Dr. Ruiz", "programs": ["univ-a", "Mercy Hospital"],
                         "status": "asked"}
        # delete the only advocate who agreed: RA08 appears; undo brings both back
        app.screen.query_one("#ra-advocates").move_cursor(row=0)
        await pilot.press("d")
        await pilot.pause()
        await pilot.click("#ok")
        await pilot.pause()
        assert "RA08" in findings_text(app)
        await pilot.press("ctrl+s")
        names = [a["name"] for a in saved(reapply_path)["reapply"]["advocates"]]
        assert names == ["Dr. Tomas Moreau", "Dr. Ruiz"]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert "RA08" not in findings_text(app)
        await pilot.press("ctrl+s")
        names = [a["name"] for a in saved(reapply_path)["reapply"]["advocates"]]
        assert names == ["Dr. Priya Patel", "Dr. Tomas Moreau", "Dr. Ruiz"]


async def test_a_cancelled_delete_keeps_the_entry(reapply_path: Path) -> None:
    app = RankPlanApp(reapply_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_reapply(pilot)
        app.screen.query_one("#ra-feedback").focus()
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert len(app.plan.reapply.feedback) == 2


async def test_changing_the_decision_reaches_the_file(reapply_path: Path) -> None:
    app = RankPlanApp(reapply_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_reapply(pilot)
        assert "▸ applies: A failed Step 1" in text_of(app, "#decision-rules")
        await choose(pilot, "#ra-decision", "pivot")
        await choose(pilot, "#ra-pivot_specialty", "Psychiatry")
        assert "apply to 60-100 programs" in text_of(app, "#target")
        await pilot.press("ctrl+s")
        r = saved(reapply_path)["reapply"]
        assert (r["decision"], r["pivot_specialty"]) == ("pivot", "Psychiatry")


async def test_a_schedule_edit_updates_the_reapply_findings(reapply_path: Path) -> None:
    """RA07 reads the schedule's test date: a schedule-only recompute must re-run it."""
    app = RankPlanApp(reapply_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert [f.code for f in app.findings if f.section is Section.REAPPLY] == ["RA02", "RA07"]
        app.plan.schedule.target_date = date(2027, 9, 1)
        app.plan_changed(only=Section.SCHEDULE)
        ra07 = [f.message for f in app.findings if f.code == "RA07"]
        assert len(ra07) == 2 and "reports about 2027-09-29" in ra07[1]


async def test_palette_and_help(reapply_path: Path) -> None:
    app = RankPlanApp(reapply_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_reapply(pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Reapply screen" in titles and "Add letter" in titles
        await pilot.press("f1")
        await pilot.pause()
        text = app.screen.markdown
        assert "# Reapply" in text and "RA09" in text


async def test_the_schedule_timeline_shows_the_planned_submission_and_letters(
        reapply_path: Path) -> None:
    async with on_screen(reapply_path, "f5") as (app, pilot):
        await pilot.pause()
        timeline = text_of(app, "#milestones")
        assert "2027-09-15  Submit ERAS (planned)" in timeline
        assert "2027-07-01  Letter: Dr. Lena Lee (promised)" in timeline
        lines = timeline.splitlines()
        assert [i for i, line in enumerate(lines) if "Letter: Dr. Lena Lee" in line][0] < \
            [i for i, line in enumerate(lines) if "Submit ERAS" in line][0]  # by date


async def test_editing_a_letter_changes_its_status(reapply_path: Path) -> None:
    app = RankPlanApp(reapply_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_reapply(pilot)
        table = app.screen.query_one("#ra-letters")
        table.focus()
        table.move_cursor(row=1)
        await pilot.press("enter")
        await pilot.pause()
        await choose(pilot, "#status", "uploaded")
        await pilot.click("#ok")
        await pilot.pause()
        assert str(table.get_row_at(1)[3]) == "uploaded"
        await pilot.press("ctrl+s")
        letter = saved(reapply_path)["reapply"]["letters"][1]
        assert (letter["author"], letter["status"]) == ("Dr. Ade Okafor", "uploaded")


async def test_a_new_reapplication_year_reads_whole_at_80_columns(demo_path: Path) -> None:
    """The Match year's example ("e.g. 2026") was cut off at 80 columns, and an empty score
    date said "enter when the score reported"."""
    from textual.widgets import Input

    app = RankPlanApp(demo_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_reapply(pilot)
        await pilot.press("n")
        await pilot.pause()
        for box in app.screen.query("#reapply-main Input"):
            if box.placeholder and box.region.width:
                assert len(box.placeholder) <= box.content_region.width, box.id
        text = text_of(app, "#autopsy-derived")
        assert "enter the day your score was reported" in text
        assert "enter how many programs you applied to" in text
        assert isinstance(app.focused, Input)
