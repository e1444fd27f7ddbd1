"""What the Schedule says, read as a new user reads it: the readiness line said its verdict
twice ("NOT ENOUGH DATA  Not enough data: ..."), the timeline nested brackets ("(in 91 days
(13 weeks))"), and the empty practice table did not say how to add a score."""

from __future__ import annotations

from pathlib import Path

import pytest

from rankplan.tui.app import RankPlanApp
from rankplan.tui.screens.schedule import when


def text(app, selector: str) -> str:
    return str(app.screen.query_one(selector).render())


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_readiness_timeline_and_practice_hint(demo_path: Path, tmp_path: Path, size) -> None:
    for path in (demo_path, tmp_path / "new.toml"):
        app = RankPlanApp(path)
        async with app.run_test(size=size) as pilot:
            await pilot.press("f5")
            await pilot.pause()
            readiness = text(app, "#readiness")
            verdict, _, detail = readiness.partition("  ")
            assert verdict in ("READY", "NOT READY", "NOT ENOUGH DATA")
            assert not detail.lower().startswith(verdict.lower()), readiness
            timeline = text(app, "#milestones")
            assert "((" not in timeline and "))" not in timeline, timeline
            assert "weeks (" in timeline  # the demo's and a new plan's dates are months away
            hints = [str(w.render()) for w in app.screen.query(".hint-line")]
            practice = app.screen.query_one("#practice")
            below = practice.parent.children[practice.parent.children.index(practice) + 1]
            assert "a add" in str(below.render()) and str(below.render()) in hints


def test_when_says_weeks_then_days() -> None:
    assert when(0) == "today"
    assert when(1) == "in 1 day"
    assert when(-5) == "5 days ago"
    assert when(91) == "in 13 weeks (91 days)"
    assert when(-63) == "9 weeks ago (63 days)"
    assert when(91, exact=False) == "in 13 weeks"
    assert when(5, exact=False) == "in 5 days"


async def test_a_retake_for_this_match_is_told_about_its_report_by_date(plan_file) -> None:
    """Aiming at this Match's rank deadline, the timeline spoke of interviews lost (15%)."""
    path = plan_file('schema = 1\n\n[schedule]\nexam = "step3"\naim = "rank-deadline"\n'
                     "target_date = 2027-01-20\n")
    app = RankPlanApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f5")
        await pilot.pause()
        timeline = " ".join(text(app, "#milestones").split())
        assert "Score reports about 2027-02-17: in time for your report-by date 2027-03-01." in timeline
        assert "interviews" not in timeline


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_goal_titles_whole_and_status_in_sight(plan_file, size) -> None:
    """At 80x24 a goal showed 10 characters of its title ("Pass Step", "Rank list"), and an
    overdue date pushed the Done column out of the table."""
    from rankplan.core.model import Goal

    demo = (Path(__file__).resolve().parents[2] / "rankplan" / "data" / "demo.toml").read_text()
    path = plan_file(demo + '\n[[goals]]\ndomain = "exam"\ntitle = "Pass Step 3 on the first '
                     'attempt, then tell every program"\ndue = 2026-01-20\n')
    app = RankPlanApp(path)
    async with app.run_test(size=size) as pilot:
        await pilot.press("f5")
        await pilot.pause()
        await pilot.pause()
        table = app.screen.query_one("#goals")
        assert table.virtual_size.width <= table.scrollable_content_region.width
        assert not table.show_horizontal_scrollbar
        goals: list[Goal] = app.plan.goals
        width = {c.label.plain: c.get_render_width(table) - 2 * table.cell_padding
                 for c in table.columns.values()}
        statuses = []
        for i, goal in enumerate(goals):
            _, title, due = (str(c) for c in table.get_row_at(i))
            lines = title.split("\n")
            assert " ".join(lines) == goal.title  # every word, in order
            assert all(len(line) <= width["Goal"] for line in lines)
            assert table.ordered_rows[i].height >= len(lines)  # every line drawn
            assert all(len(line) <= width["Due"] for line in due.split("\n"))
            statuses.append(due)
        assert sum("✓ done" in d for d in statuses) == sum(g.done for g in goals)
        assert sum("OVERDUE" in d for d in statuses) == 1
