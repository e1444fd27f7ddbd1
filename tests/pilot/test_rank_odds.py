"""The Rank list's odds: the here and value columns and the panel follow every change."""

from __future__ import annotations

from pathlib import Path

from helpers import choose

from rankplan.core.model import Likelihood
from rankplan.core.odds import match_odds
from rankplan.tui.app import RankPlanApp
from rankplan.tui.screens.rank import RankScreen
from rankplan.tui.widgets.rank_table import RankTable


def table(app) -> RankTable:
    return app.screen.query_one("#ranked", RankTable)


def shown(app) -> dict[str, tuple[float | None, float | None]]:
    """Each ranked row as drawn: id -> (here, value)."""
    return {row.id: (row.chance, row.value) for row in table(app).rows}


def expected(app) -> dict[str, tuple[float, float]]:
    odds = match_odds(app.plan)  # computed afresh, not from the app's kept answer
    return {i: (c, v) for i, c, v in zip(odds.ids, odds.at_rank, odds.values)}


def assert_rows_match_model(app) -> None:
    rows, model = shown(app), expected(app)
    assert rows.keys() == model.keys()
    for pid, (here, value) in model.items():
        assert abs(rows[pid][0] - here) < 1e-9 and abs(rows[pid][1] - value) < 1e-9


def panel(app) -> str:
    return str(app.screen.query_one("#odds-summary").render())


async def open_rank(pilot) -> None:
    await pilot.press("f4")
    await pilot.pause()
    assert isinstance(pilot.app.screen, RankScreen)


async def test_a_move_changes_here_but_no_value(demo_path: Path) -> None:
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_rank(pilot)
        before = shown(app)
        matched = panel(app).splitlines()[0]
        await pilot.press("J")
        await pilot.pause()
        after = shown(app)
        first, second = app.plan.rank_list.order[:2]
        assert after[first][1] == before[first][1] and after[second][1] == before[second][1]
        assert after[second][0] != before[second][0]  # the one moved down matches less often
        assert_rows_match_model(app)
        assert panel(app).splitlines()[0] == matched  # P(matched) does not move
        assert "value" in app.screen.query_one("#rank-columns").render().plain


async def test_taking_a_program_off_lowers_the_others_values_and_the_total(
        demo_path: Path) -> None:
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_rank(pilot)
        p_before = app.odds.p_matched
        gone = app.plan.rank_list.order[0]
        await pilot.press("x")
        await pilot.pause()
        assert gone not in shown(app)
        assert app.odds.p_matched < p_before
        assert_rows_match_model(app)
        assert f"Matched {app.odds.p_matched:.0%}" in panel(app)


async def test_a_likelihood_change_on_debrief_reaches_the_rank_list(demo_path: Path) -> None:
    text = demo_path.read_text(encoding="utf-8")
    demo_path.write_text(text.replace("\nmatch_chance = 0.7\n", "\n"), encoding="utf-8")
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_rank(pilot)
        before = dict(shown(app))
        await pilot.press("f3")
        await pilot.pause()
        program = app.screen.program()
        assert program is not None
        target = Likelihood.RED if program.likelihood is not Likelihood.RED else Likelihood.GREEN
        await choose(pilot, "#p-likelihood", target)
        await open_rank(pilot)
        after = shown(app)
        assert after[program.id] != before[program.id]
        assert_rows_match_model(app)
        assert f"Matched {app.odds.p_matched:.0%}" in panel(app)


def chart_lines(app) -> list[str]:
    from rankplan.tui.widgets.odds_chart import OddsChart

    chart = app.screen.query_one("#odds-chart", OddsChart)
    return [line.text.rstrip() for line in (chart.render_line(y) for y in range(chart.size.height))]


async def test_every_rank_s_odds_can_be_read_by_keyboard_at_80x24(demo_path: Path) -> None:
    """At 80x24 the chart shows four ranks of eight: Tab reaches it and the keys scroll it
    (it was not focusable, so ranks 5-8 could only be seen with a mouse wheel)."""
    from rankplan.tui.widgets.odds_chart import OddsChart

    app = RankPlanApp(demo_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_rank(pilot)
        ranks = len(app.plan.rank_list.order)
        assert ranks == 8
        lines = chart_lines(app)
        assert lines[0].startswith(f"Ranks 1-4 of {ranks}") and "tab" in lines[0]
        for _ in range(6):
            if isinstance(app.focused, OddsChart):
                break
            await pilot.press("tab")
            await pilot.pause()
        assert isinstance(app.focused, OddsChart)
        seen: set[int] = set()
        for _ in range(ranks):
            seen |= {int(line.split()[0]) for line in chart_lines(app)[1:] if line.strip()}
            await pilot.press("down")
            await pilot.pause()
        assert seen == set(range(1, ranks + 1))
        assert chart_lines(app)[0].startswith(f"Ranks 5-8 of {ranks}")
        await pilot.press("home")
        await pilot.pause()
        assert chart_lines(app)[1].split()[0] == "1"
        await pilot.press("pagedown")
        await pilot.pause()
        assert chart_lines(app)[-1].split()[0] == "8"
        # the last rank's figure is the model's
        assert chart_lines(app)[-1].endswith(f"{app.odds.at_rank[-1]:.0%}")


async def test_the_chart_is_no_tab_stop_when_every_rank_fits(demo_path: Path) -> None:
    from rankplan.tui.widgets.odds_chart import CAPTION, OddsChart

    app = RankPlanApp(demo_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_rank(pilot)
        assert chart_lines(app)[0] == CAPTION
        assert len([line for line in chart_lines(app)[1:] if line.strip()]) == 8
        assert not any(isinstance(w, OddsChart) for w in app.screen.focus_chain)


async def test_the_chart_follows_the_rank_list_s_cursor_at_80x24(demo_path: Path) -> None:
    """Four of the demo's eight ranks fit at 80x24: moving down the list to rank 8 brings
    rank 8 into the chart, and going back up to rank 1 brings rank 1 back."""
    from rankplan.tui.app import RankPlanApp
    from rankplan.tui.widgets.odds_chart import OddsChart

    app = RankPlanApp(demo_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        chart = app.screen.query_one("#odds-chart", OddsChart)
        assert chart.in_sight() == (1, 4)
        await pilot.press(*["down"] * 7)
        await pilot.pause()
        first, last = chart.in_sight()
        assert first <= 8 <= last
        await pilot.press("home")
        await pilot.pause()
        assert chart.in_sight()[0] == 1
