"""A key bound to a table's own action runs in the table (issue 16): Textual passed it up
through every container to the app first, one message loop after another. A key bound to a
screen's action from the table still goes that long way (a dialog it opens, a screen it
dismisses, is handled in the app's loop)."""

from __future__ import annotations

import tomllib
from pathlib import Path

from textual import events
from textual.widgets import DataTable

from helpers import on_screen, until
from rankplan.tui import settings
from rankplan.tui.widgets.interview_list import InterviewList
from rankplan.tui.widgets.rank_table import RankTable


def reaching(node, kind: type) -> list:
    """The messages of ``kind`` that ``node`` handles from now on (its message signal)."""
    seen: list = []
    node.message_signal.subscribe(
        node, lambda message: seen.append(message) if isinstance(message, kind) else None,
        immediate=True)
    return seen


def keys(messages: list) -> list[str]:
    return [message.key for message in messages]


async def test_the_debrief_list_moves_without_the_key_going_up(demo_path: Path) -> None:
    async with on_screen(demo_path, "f3") as (app, pilot):
        screen = app.screen
        table = screen.query_one(InterviewList)
        assert screen.focused is table
        reached = reaching(screen, events.Key)
        highlights = reaching(screen, DataTable.RowHighlighted)
        first = screen.current
        await pilot.press("down")
        await pilot.pause()
        assert screen.current != first and screen.current == table.current_id()
        await pilot.press("up")
        await pilot.pause()
        assert screen.current == first
        assert reached == []
        assert highlights == []  # the list keeps its RowHighlighted: the screen watches
        # "s" is the screen's sort: it goes up to the app, and sorts.
        sort = screen.query_one(InterviewList).sort_key
        await pilot.press("s")
        await pilot.pause()
        assert keys(reached) == ["s"]
        assert screen.query_one(InterviewList).sort_key != sort


async def test_a_rank_move_runs_in_the_table_and_is_saved(demo_path: Path) -> None:
    async with on_screen(demo_path, "f4") as (app, pilot):
        screen = app.screen
        table = screen.focused
        assert isinstance(table, RankTable)
        reached = reaching(screen, events.Key)
        rank = list(app.plan.rank_list.order)
        await pilot.press("J")
        await pilot.pause()
        assert reached == []
        assert app.plan.rank_list.order == [rank[1], rank[0], *rank[2:]]
        app.flush()
        await until(pilot, lambda: app.save_state == "saved")
        saved = tomllib.loads(demo_path.read_text(encoding="utf-8"))
        assert saved["rank_list"]["order"] == [rank[1], rank[0], *rank[2:]]


async def test_a_remapped_table_key_takes_the_short_way_too(demo_path: Path) -> None:
    path = settings.keymap_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('"rank.move_down" = "n"\n', encoding="utf-8")
    async with on_screen(demo_path, "f4") as (app, pilot):
        reached = reaching(app.screen, events.Key)
        rank = list(app.plan.rank_list.order)
        await pilot.press("J")  # no longer bound
        await pilot.press("n")
        await pilot.pause()
        assert app.plan.rank_list.order == [rank[1], rank[0], *rank[2:]]
        assert keys(reached) == ["J"]  # unbound in the table: it went up, and did nothing


async def test_arrows_read_in_one_go_all_move_at_once(demo_path: Path, monkeypatch) -> None:
    """Keys that arrive together wait behind the one on its way (KeysInOrder). A key the
    list acts on itself lets them go as soon as it has run, not at the app's next look
    (each 4 ms later, held off here)."""
    from rankplan.tui import key_order

    monkeypatch.setattr(key_order, "LOOK_AGAIN", 30.0)
    async with on_screen(demo_path, "f3") as (app, pilot):
        table = app.screen.query_one(InterviewList)
        start = table.cursor_row
        for _ in range(3):
            app.post_message(events.Key("down", None))
        await pilot.pause()
        await pilot.pause()
        assert table.cursor_row == start + 3
        assert app.screen.current == table.current_id()


async def test_a_key_an_ancestor_handles_goes_up_as_before(demo_path: Path) -> None:
    """The screen's own escape (it clears a text selection) runs before the app's bindings
    in Textual. Escape during a press on the Rank list (a drag about to start) cancels the
    drag, the list's own binding, and still goes up to the screen."""
    async with on_screen(demo_path, "f4") as (app, pilot):
        table = app.focused
        assert isinstance(table, RankTable)
        reached = reaching(app.screen, events.Key)
        await pilot.mouse_down(table, offset=(6, 3))
        await pilot.pause()
        assert table._press is not None
        await pilot.press("escape")
        await pilot.pause()
        assert table._press is None and table._drag is None  # cancelled
        assert keys(reached) == ["escape"]
        assert app.focused is table


async def test_a_cursor_key_redraws_the_mouse_row_only_to_hide_its_cursor(
        demo_path: Path, monkeypatch) -> None:
    """Textual redraws the row under the mouse at every cursor key, to hide the mouse's
    faint cursor there; once it is hidden, a key redraws the rows it moves between only."""
    from helpers import spy

    async with on_screen(demo_path, "f3") as (app, pilot):
        table = app.screen.query_one(InterviewList)
        await pilot.hover(table, offset=(4, 6))  # the mouse over a row: its faint cursor
        await pilot.pause()
        assert table._show_hover_cursor
        rows = spy(monkeypatch, DataTable, "refresh_row")
        start = table.cursor_row
        await pilot.press("down")
        assert [args[0] for _, args in rows] == [table.hover_row, start, start + 1]
        rows.clear()
        await pilot.press("down")
        assert [args[0] for _, args in rows] == [start + 1, start + 2]
