"""A move on the Rank list draws again only what it changed (issue 16), and what stays on the
screen from before is what a fresh drawing would give.

The odds chart draws the bars whose chance changed (all of them when the largest changes,
since the bars are scaled to it); the findings list draws the lines in sight that changed and,
when the count changes, its bottom border's row. Each check after a key compares the lines
Textual keeps for a widget (what the terminal shows) with the widget drawn from nothing."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from helpers import lines_of, spy

from textual.dom import DOMNode
from textual.geometry import Region

from rankplan.core.findings import Finding, Section, Severity
from rankplan.tui.app import RankPlanApp
from rankplan.tui.widgets.findings import FindingsList
from rankplan.tui.widgets.odds_chart import OddsChart
from rankplan.tui.widgets.pass_style import PassStyle
from rankplan.tui.widgets.rank_table import RankTable

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "perf"))
from genplan import generate_plan  # noqa: E402


def kept_and_fresh(widget) -> tuple[list, list]:
    """The widget's lines as Textual keeps them, and as drawn from nothing."""
    crop = Region(0, 0, *widget.outer_size)
    kept = [list(strip) for strip in widget.render_lines(crop)]
    widget._styles_cache.clear()
    fresh = [list(strip) for strip in widget.render_lines(crop)]
    return kept, fresh


async def rank_screen(pilot):
    await pilot.press("f4")
    await pilot.pause()
    return pilot.app.screen


async def test_every_move_leaves_the_screen_as_a_fresh_drawing(tmp_path: Path,
                                                              monkeypatch) -> None:
    path = tmp_path / "plan.toml"
    # A plan whose findings change as its first programs move (RL findings name ranks).
    path.write_text(generate_plan(60, seed=7), encoding="utf-8")
    # Redraws of some lines, not the whole widget:
    partial = {kind: spy(monkeypatch, kind, "refresh_line") for kind in (FindingsList, OddsChart)}
    app = RankPlanApp(path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await rank_screen(pilot)
        findings = screen.query_one("#rank-findings", FindingsList)
        chart = screen.query_one("#odds-chart", OddsChart)
        ranked = screen.query_one("#ranked", RankTable)
        seen_findings, seen_odds = {tuple(findings.findings)}, {chart.values}
        scrolled = highlighted = False
        keys = ["J", "J", "K", "down", "J", "J", "K", "K", "up", "K", "J",
                "findings", "J", "K", "J",  # with a finding highlighted in the list
                "end", "K", "K", "J", "home", "J"]  # at the bottom: the chart scrolled
        for key in keys:
            if key == "findings":
                findings.focus()
                await pilot.press("down")
                ranked.focus()
            else:
                await pilot.press(key)
            await pilot.pause()
            seen_findings.add(tuple(findings.findings))
            seen_odds.add(chart.values)
            scrolled |= chart.scroll_offset.y > 0
            highlighted |= findings.highlighted is not None
            for widget in (ranked, findings, chart):
                kept, fresh = kept_and_fresh(widget)
                assert kept == fresh, (key, widget)
        # Not a vacuous pass: the moves changed the findings and the odds shown, some of
        # them were drawn line by line, with the chart scrolled and a finding highlighted.
        assert len(seen_findings) > 1 and len(seen_odds) > 1
        assert partial[FindingsList] and partial[OddsChart]
        assert scrolled and highlighted


async def test_the_chart_draws_only_the_bars_that_changed(demo_path: Path, monkeypatch) -> None:
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(120, 40)) as pilot:
        chart = (await rank_screen(pilot)).query_one("#odds-chart", OddsChart)
        values = list(chart.values)
        assert len(values) >= 5
        drawn = spy(monkeypatch, OddsChart, "render_line")
        top = values.index(max(values))
        changed = next(k for k in range(len(values)) if k != top)
        values[changed] /= 2  # a smaller bar, the largest as it was
        chart.show(tuple(values))
        await pilot.pause()
        assert lines_of(drawn, chart) == [changed + 1]  # line 0 is the caption
        drawn.clear()
        values[top] *= 1.1  # a new largest: every bar is scaled to it
        chart.show(tuple(values))
        await pilot.pause()
        assert set(range(1, len(values) + 1)) <= set(lines_of(drawn, chart))
        kept, fresh = kept_and_fresh(chart)
        assert kept == fresh


def finding(code: str, message: str) -> Finding:
    return Finding(code, Severity.WARNING, message, Section.RANK)


async def test_the_findings_list_draws_the_changed_lines_and_the_count(
        demo_path: Path, monkeypatch) -> None:
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(120, 40)) as pilot:
        panel = (await rank_screen(pilot)).query_one("#rank-findings", FindingsList)
        first = [finding("RL01", "one"), finding("RL02", "two"), finding("RL03", "three")]
        panel.show(first)
        await pilot.pause()
        drawn = spy(monkeypatch, FindingsList, "render_line")
        panel.show([first[0], finding("RL02", "two, reworded"), first[2]])
        await pilot.pause()
        # Line 0 "WARNING RL01", 1 "one", 2 blank, 3 "WARNING RL02", 4 the changed message.
        assert lines_of(drawn, panel) == [4]
        kept, fresh = kept_and_fresh(panel)
        assert kept == fresh
        drawn.clear()
        panel.show(first[:2])  # one finding fewer: its lines and the count
        await pilot.pause()
        assert sorted(lines_of(drawn, panel)) == [4, 6, 7]  # line 5, blank between findings, stays blank
        kept, fresh = kept_and_fresh(panel)
        assert kept == fresh
        bottom = "".join(segment.text for segment in kept[-1])
        assert "2 found" in bottom
        for shown in ([], first):  # to none (one line says so, no count) and back
            panel.show(shown)
            await pilot.pause()
            kept, fresh = kept_and_fresh(panel)
            assert kept == fresh
            assert ("3 found" in "".join(s.text for s in kept[-1])) == bool(shown)


async def test_a_pass_reads_the_widget_s_style_once(demo_path: Path, monkeypatch) -> None:
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(120, 40)) as pilot:
        chart = (await rank_screen(pilot)).query_one("#odds-chart", OddsChart)
        assert isinstance(chart, PassStyle)
        walks = []  # Textual's own rich_style, which walks the ancestors
        real = DOMNode.rich_style

        def rich_style(self):
            walks.append(self)
            return real.fget(self)

        monkeypatch.setattr(DOMNode, "rich_style", property(rich_style))
        drawn = spy(monkeypatch, OddsChart, "render_line")
        passes = spy(monkeypatch, OddsChart, "render_lines")
        chart.refresh()
        await pilot.pause()
        assert len(lines_of(drawn, chart)) >= 5  # the caption and the bars drawn again
        # Once a pass, not a line:
        assert 1 <= walks.count(chart) <= [who for who, _ in passes].count(chart)
        walks.clear()
        assert chart.rich_style == real.fget(chart)  # outside a pass: read afresh
        assert walks.count(chart) == 1


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_moves_made_with_the_odds_tab_hidden_show_when_it_comes_back(
        tmp_path: Path, size) -> None:
    """ctrl+o shows the SOAP plan in place of the odds and findings: moves made meanwhile
    change bars and findings that are not on screen (the chart then has no size to say
    which bars are in sight). Shown again, they are drawn as they are now. Four programs:
    every bar fits at both sizes, so the chart never scrolls to follow the cursor (which
    draws it whole)."""
    path = tmp_path / "plan.toml"
    path.write_text(generate_plan(4, seed=1), encoding="utf-8")
    app = RankPlanApp(path)
    async with app.run_test(size=size) as pilot:
        screen = await rank_screen(pilot)
        chart = screen.query_one("#odds-chart", OddsChart)
        findings = screen.query_one("#rank-findings", FindingsList)
        await pilot.press("ctrl+o")
        screen.query_one("#ranked", RankTable).focus()
        partial = 0  # moves that changed bars but not the largest: the bar-by-bar path
        assert chart.max_scroll_y == 0
        for key in ["down", "J"]:  # a move below the largest chance, not undone
            before = chart.values
            await pilot.press(key)
            await pilot.pause()
            partial += chart.values != before and max(chart.values) == max(before)
        assert partial
        await pilot.press("ctrl+o")
        await pilot.pause()
        for widget in (chart, findings):
            kept, fresh = kept_and_fresh(widget)
            assert kept == fresh, widget
