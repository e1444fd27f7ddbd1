"""Tab goes from field to field, never to a screen's page (the scrolling container of its
form), which took a Tab stop of its own that showed nothing focused. Focus moving scrolls the
page, so Tab through the stops still brings every line of text on the page into sight."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.widgets import DataTable, Label, Static

from helpers import DEMO, ROOT
from rankplan.tui.app import RankPlanApp

REAPPLY_DEMO = ROOT / "rankplan" / "data" / "demo_reapply.toml"
PAGES = {"f2": "#profile-form", "f3": "#debrief-form", "f5": "#schedule-main",
         "f6": "#reapply-main"}


def texts(page) -> list:
    """The page's lines of text shown (labels, hints, titles, read-outs)."""
    return [w for w in page.query("Static, Label").results()
            if isinstance(w, (Static, Label)) and w.visible and w.region.height
            and str(w.render()).strip()]


def in_sight(widget, page) -> bool:
    return widget.region.overlaps(page.scrollable_content_region)


@pytest.mark.parametrize("plan", ["demo", "empty"])
@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
@pytest.mark.parametrize("key", list(PAGES))
async def test_no_tab_stop_on_a_page_and_every_line_comes_into_sight(tmp_path: Path, key,
                                                                     size, plan) -> None:
    folder = tmp_path / "plans"
    folder.mkdir(mode=0o700)
    path = folder / "plan.toml"
    if plan == "demo":
        shutil.copy(REAPPLY_DEMO if key == "f6" else DEMO, path)
    elif key == "f6":
        path.write_text("schema = 1\n\n[reapply]\n", encoding="utf-8")
    app = RankPlanApp(path)
    async with app.run_test(size=size) as pilot:
        await pilot.press(key)
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        page = app.screen.query_one(PAGES[key])
        assert page.scroll_y == 0  # each page opens at its top (its title in sight)
        chain = app.screen.focus_chain
        assert page not in chain
        stops = [w for w in chain if page in w.ancestors]
        if not page.display:  # the Debrief of a plan with no interviews yet
            return
        assert stops  # the page's own fields are the stops
        stops[0].focus()
        await pilot.pause()
        seen = set()
        for _ in range(len(chain) + 1):
            await pilot.wait_for_scheduled_animations()
            await pilot.pause()
            assert app.focused is not page
            seen |= {w for w in texts(page) if in_sight(w, page)}
            if isinstance(app.focused, DataTable):  # maybe taller than the page: its rows
                for _ in range(app.focused.row_count):
                    await pilot.press("down")
                    await pilot.wait_for_scheduled_animations()
                    await pilot.pause()
                    seen |= {w for w in texts(page) if in_sight(w, page)}
            await pilot.press("tab")
        missing = [str(w.render())[:40] for w in texts(page) if w not in seen]
        assert missing == []


async def test_the_cannot_open_view_keeps_the_stop_of_its_error_list_only(plan_file) -> None:
    """The view's page has buttons and a box to focus; its list of errors is read-only text
    with a scrollbar of its own, which only a Tab stop lets the keyboard scroll."""
    from rankplan.tui.screens.plan_error import PlanErrorScreen

    errors = "".join(f"nmae{n} = 1\n" for n in range(30))
    path = plan_file(f"schema = 1\n[profile]\n{errors}")
    app = RankPlanApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PlanErrorScreen)
        chain = app.screen.focus_chain
        assert app.screen.query_one("#error-box") not in chain
        errors_list = app.screen.query_one("#error-list")
        assert errors_list in chain and errors_list.max_scroll_y > 0
        errors_list.focus()
        await pilot.press("pagedown")
        await pilot.pause()
        assert errors_list.scroll_y > 0
