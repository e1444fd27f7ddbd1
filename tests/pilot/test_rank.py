"""The Rank list by every key binding and by mouse drag; the saved order must follow."""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

import pytest
from helpers import on_screen, until
from keyburst import burst

from rankplan.tui.app import RankPlanApp
from rankplan.tui.screens.rank import RankScreen
from rankplan.tui.widgets.findings import FindingsList
from rankplan.tui.widgets.rank_table import RankTable

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "perf"))
from genplan import generate_plan  # noqa: E402


def saved_order(path: Path) -> list[str]:
    return tomllib.loads(path.read_text(encoding="utf-8"))["rank_list"]["order"]


def table(app) -> RankTable:
    return app.screen.query_one("#ranked", RankTable)


async def open_rank(pilot) -> list[str]:
    await pilot.press("f4")
    await pilot.pause()
    assert isinstance(pilot.app.screen, RankScreen)
    return list(pilot.app.plan.rank_list.order)


async def test_entering_focuses_the_list_with_the_first_program(demo_path: Path) -> None:
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(120, 40)) as pilot:
        order = await open_rank(pilot)
        assert app.focused is table(app)
        assert table(app).current_id() == order[0]
        await pilot.press("down", "down", "f2", "f4")
        await pilot.pause()
        assert table(app).current_id() == order[0]


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        (["shift+down"], [1, 0, 2]),
        (["alt+down"], [1, 0, 2]),
        (["J"], [1, 0, 2]),
        (["J", "J", "shift+up"], [1, 0, 2]),
        (["J", "alt+up"], [0, 1, 2]),
        (["J", "K"], [0, 1, 2]),
        (["down", "down", "shift+home"], [2, 0, 1]),
    ],
)
async def test_every_move_binding(demo_path: Path, keys, expected) -> None:
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(120, 40)) as pilot:
        order = await open_rank(pilot)
        await pilot.press(*keys)
        await pilot.pause()
        assert app.plan.rank_list.order[:3] == [order[i] for i in expected]
        moved = order[2] if keys[0] == "down" else order[0]
        assert table(app).current_id() == moved  # focus follows the moved program
        await pilot.press("ctrl+s")
        assert saved_order(demo_path) == app.plan.rank_list.order


async def test_shift_end_sends_to_the_bottom(demo_path: Path) -> None:
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(120, 40)) as pilot:
        order = await open_rank(pilot)
        await pilot.press("shift+end", "ctrl+s")
        assert saved_order(demo_path) == [*order[1:], order[0]]
        assert table(app).cursor == len(order) - 1


def expected_after(order: list[str], keys: list[str]) -> tuple[list[str], int]:
    """The order and cursor the keys must give, applied one by one from the first row."""
    order, cursor, last = list(order), 0, len(order) - 1
    for key in keys:
        if key in ("up", "down"):
            cursor = max(0, min(last, cursor + (1 if key == "down" else -1)))
            continue
        dst = {"shift+down": cursor + 1, "alt+down": cursor + 1, "J": cursor + 1,
               "shift+up": cursor - 1, "alt+up": cursor - 1, "K": cursor - 1,
               "shift+home": 0, "shift+end": last}[key]
        dst = max(0, min(last, dst))
        order.insert(dst, order.pop(cursor))
        cursor = dst
    return order, cursor


BURSTS = {
    "shift+down x10": ["shift+down"] * 10,
    "J x10": ["J"] * 10,
    "J x6, K x3": ["J"] * 6 + ["K"] * 3,
    "alt+down, shift+up, mixed": ["alt+down"] * 4 + ["shift+up"] * 2 + ["J", "K", "J"],
    "to the bottom and back": ["shift+end", "K", "K", "shift+home", "J", "J", "J"],
    "cursor, then moves": ["down", "down", "J", "J", "up", "K", "shift+end", "K"],
}


@pytest.mark.parametrize(
    ("size", "keys"),
    [*(pytest.param("demo", keys, id=f"demo-{name}") for name, keys in BURSTS.items()),
     *(pytest.param(300, BURSTS[name], id=f"300-{name}")
       for name in ("shift+down x10", "to the bottom and back"))],
)
async def test_keys_faster_than_redraws_each_move_the_moved_program(
    demo_path: Path, plan_file, size, keys
) -> None:
    """Key repeat: every key is queued before the first is handled (DESIGN §6)."""
    path = demo_path if size == "demo" else plan_file(generate_plan(size, seed=3))
    app = RankPlanApp(path)
    async with app.run_test(size=(120, 40)) as pilot:
        order = await open_rank(pilot)
        want, cursor = expected_after(order, keys)
        await burst(pilot, *keys)
        assert app.plan.rank_list.order == want
        assert [row.id for row in table(app).rows] == want
        assert table(app).cursor == cursor
        await pilot.press("ctrl+s")
        assert saved_order(path) == want


async def test_keys_typed_while_the_rank_list_loads_apply_once_it_is_ready(plan_file) -> None:
    """F4 at 300 programs builds the screen on first use; the moves typed right after it
    used to go to the Profile's name field (issue 12 item 15)."""
    path = plan_file(generate_plan(300, seed=3))
    app = RankPlanApp(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        name = app.plan.profile.name
        order = list(app.plan.rank_list.order)
        keys = ["J", "J", "J", "shift+down", "K"]
        want, cursor = expected_after(order, keys)
        await burst(pilot, "f4", *keys)
        assert isinstance(app.screen, RankScreen)
        assert app.plan.profile.name == name
        assert app.plan.rank_list.order == want
        assert table(app).cursor == cursor
        await pilot.press("ctrl+s")
        assert saved_order(path) == want


async def test_drag_moves_a_program_and_shows_where_it_lands(demo_path: Path) -> None:
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(120, 40)) as pilot:
        order = await open_rank(pilot)
        t = table(app)
        # line 0 is the "top" divider, row 0 is on line 1; line 3 is the "core" divider,
        # so row 3 is drawn on line 5
        await pilot.mouse_down("#ranked", offset=(12, 1))
        await pilot.hover("#ranked", offset=(12, 3))
        await pilot.hover("#ranked", offset=(12, 5))
        await pilot.pause()
        assert t._drag == (0, 3)
        assert app.plan.rank_list.order == order  # nothing moves before the release
        strip = t.render_line(5)
        assert "⇕" in "".join(seg.text for seg in strip)  # the drop marker
        await pilot.mouse_up("#ranked", offset=(12, 5))
        await pilot.pause()
        assert app.plan.rank_list.order[:4] == [order[1], order[2], order[3], order[0]]
        assert t.current_id() == order[0]
        await pilot.press("ctrl+s")
        assert saved_order(demo_path)[:4] == [order[1], order[2], order[3], order[0]]


async def test_escape_cancels_a_drag(demo_path: Path) -> None:
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(120, 40)) as pilot:
        order = await open_rank(pilot)
        await pilot.mouse_down("#ranked", offset=(12, 1))
        await pilot.hover("#ranked", offset=(12, 5))
        await pilot.press("escape")
        await pilot.mouse_up("#ranked", offset=(12, 5))
        await pilot.pause()
        assert app.plan.rank_list.order == order
        assert table(app)._drag is None


async def test_a_click_without_moving_only_selects(demo_path: Path) -> None:
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(120, 40)) as pilot:
        order = await open_rank(pilot)
        await pilot.click("#ranked", offset=(12, 2))
        await pilot.pause()
        assert app.plan.rank_list.order == order
        assert table(app).current_id() == order[1]


async def test_undo_and_redo_moves(demo_path: Path) -> None:
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(120, 40)) as pilot:
        order = await open_rank(pilot)
        await pilot.press("J")
        await pilot.pause()
        await pilot.press("J")
        await pilot.pause()
        after_two = list(app.plan.rank_list.order)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.plan.rank_list.order == [order[1], order[0], *order[2:]]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.plan.rank_list.order == order
        assert [r.id for r in table(app).rows] == order
        await pilot.press("ctrl+y", "ctrl+y")
        await pilot.pause()
        assert app.plan.rank_list.order == after_two


async def test_moves_after_other_edits_undo_one_by_one_and_autosave(demo_path: Path) -> None:
    """A move right after another edit closes that burst as a full undo step; later moves
    keep only the order. Each move undoes and redoes on its own, and the autosave writes
    the order of the step the plan is at."""
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(120, 40)) as pilot:
        order = await open_rank(pilot)
        await pilot.press("ctrl+o")
        await pilot.pause()
        app.screen.query_one("#soap-advisor_talked").focus()
        await pilot.press("space")  # an edit not yet closed into an undo step
        await pilot.pause()
        table(app).focus()
        await pilot.press("J")
        await pilot.pause()
        await pilot.press("J")
        moved = [order[1], order[2], order[0], *order[3:]]
        await until(pilot, lambda: saved_order(demo_path) == moved)  # the autosave
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.plan.rank_list.order == [order[1], order[0], *order[2:]]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.plan.rank_list.order == order  # (the toggle went with it: one burst)
        await pilot.press("ctrl+y", "ctrl+y")
        await pilot.pause()
        assert app.plan.rank_list.order == [order[1], order[2], order[0], *order[3:]]
        assert app.plan.soap.advisor_talked
        await pilot.press("ctrl+z")
        # the autosave writes the order of the step undone to
        await until(pilot, lambda: saved_order(demo_path) == [order[1], order[0], *order[2:]])


async def test_take_off_and_put_back(demo_path: Path) -> None:
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(120, 40)) as pilot:
        order = await open_rank(pilot)
        await pilot.press("x")
        await pilot.pause()
        assert order[0] not in app.plan.rank_list.order
        rest = app.screen.query_one("#unranked", RankTable)
        assert order[0] in [r.id for r in rest.rows]
        rest.focus()
        rest.select_index([r.id for r in rest.rows].index(order[0]))
        await pilot.press("r")
        await pilot.pause()
        assert app.plan.rank_list.order[-1] == order[0]
        await pilot.press("ctrl+s")
        assert saved_order(demo_path)[-1] == order[0]


async def test_findings_and_odds_update_after_a_move(plan_file) -> None:
    colours = ["green", "red", "red", "green", "red", "green"]
    programs = "".join(
        f'[[programs]]\nid = "p{i}"\nname = "P{i}"\nlikelihood = "{colour}"\n\n'
        for i, colour in enumerate(colours)
    )
    order = ", ".join(f'"p{i}"' for i in range(len(colours)))
    path = plan_file("schema = 1\n[profile]\nspecialty = \"Family Medicine\"\n\n" + programs
                     + f"[rank_list]\norder = [{order}]\n")
    app = RankPlanApp(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_rank(pilot)
        findings = app.screen.query_one(FindingsList)
        codes = lambda: [f.code for f in findings.findings]  # noqa: E731
        assert "RL02" not in codes() and "RL03" not in codes()  # exactly 2 reds in the top 4
        before = app.odds
        table(app).select_index(4)
        await pilot.press("K")  # the red at 5 moves to 4: three reds in a row, 3 in the top 4
        await pilot.pause()
        assert "RL02" in codes() and "RL03" in codes()
        assert app.odds.at_rank != before.at_rank
        assert abs(app.odds.p_matched - before.p_matched) < 1e-12  # order never changes whether
        sections = [f.section.value for f in findings.findings]
        assert sections == sorted(sections, key=lambda s: s != "rank")  # this screen's first
        await pilot.press("J")
        await pilot.pause()
        assert "RL02" not in codes() and "RL03" not in codes()


async def test_choosing_a_finding_selects_its_program(plan_file) -> None:
    path = plan_file('schema = 1\n[[programs]]\nid = "a"\nname = "A"\n\n[[programs]]\n'
                     'id = "b"\nname = "B"\n\n[rank_list]\norder = ["a"]\n')
    app = RankPlanApp(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_rank(pilot)
        findings = app.screen.query_one(FindingsList)
        rl04 = [i for i, f in enumerate(findings.findings) if f.code == "RL04"]
        assert rl04, findings.findings
        findings.focus()
        findings.highlighted = rl04[0]
        await pilot.press("enter")
        await pilot.pause()
        rest = app.screen.query_one("#unranked", RankTable)
        assert app.focused is rest and rest.current_id() == "b"


async def test_soap_plan_by_keys(demo_path: Path) -> None:
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_rank(pilot)
        await pilot.press("ctrl+o")
        await pilot.pause()
        soap = app.screen.query_one("#soap")
        assert app.focused is soap
        before = list(app.plan.soap.order)
        soap.highlighted = 0
        await pilot.press("J")
        await pilot.pause()
        assert app.plan.soap.order == [before[1], before[0], *before[2:]]
        soap.highlighted = len(before)  # the first option not in the plan
        await pilot.press("space")
        await pilot.pause()
        assert len(app.plan.soap.order) == len(before) + 1
        app.screen.query_one("#soap-advisor_talked").focus()
        await pilot.press("space", "ctrl+s")
        data = tomllib.loads(demo_path.read_text(encoding="utf-8"))["soap"]
        assert data["order"] == [o.value for o in app.plan.soap.order]
        assert data["advisor_talked"] is True


async def test_soap_space_works_on_focus(demo_path: Path) -> None:
    """Issue 17 item 8: space did nothing until an arrow key had highlighted an option."""
    async with on_screen(demo_path, "f4") as (app, pilot):
        await pilot.press("ctrl+o")
        await pilot.pause()
        soap = app.screen.query_one("#soap")
        assert app.focused is soap
        assert soap.highlighted == 0
        before = list(app.plan.soap.order)
        await pilot.press("space")  # takes the first option out of the plan
        await pilot.pause()
        assert app.plan.soap.order == before[1:]


async def test_soap_space_works_after_an_undo(demo_path: Path) -> None:
    """ctrl+z redrew the SOAP list without a highlight: space then did nothing."""
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        await pilot.press("ctrl+o")
        await pilot.pause()
        before = list(app.plan.soap.order)
        await pilot.press("space", "ctrl+z")
        await pilot.pause()
        assert app.plan.soap.order == before
        soap = app.screen.query_one("#soap")
        assert app.focused is soap and soap.highlighted is not None
        await pilot.press("space")
        await pilot.pause()
        assert app.plan.soap.order != before


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_findings_text_clear_of_the_scrollbar(demo_path: Path, size) -> None:
    """Issue 17 item 3: the scrollbar was drawn over the findings ("bottom of your li") when
    it came after the text was wrapped (a move that brings more findings)."""
    from rankplan.core.findings import Finding, Section, Severity

    app = RankPlanApp(demo_path)
    async with app.run_test(size=size) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        panel = app.screen.query_one(FindingsList)
        panel.show([])
        panel.reset_height()
        await pilot.pause()
        message = "Put a program you would attend at the bottom of your list as a safety net. " * 2
        panel.show([Finding(f"RL0{i}", Severity.WARNING, message, Section.RANK) for i in range(6)])
        await pilot.pause()
        await pilot.pause()
        assert panel.virtual_size.height > panel.scrollable_content_region.height  # it scrolls
        width = panel.scrollable_content_region.width
        assert panel.scrollable_content_region.right <= (
            panel.region.right - 1 - panel.styles.scrollbar_size_vertical)
        for y in range(len(panel._lines)):
            index, part = panel._lines[y]
            if index >= 0 and part >= 0:
                line = panel._wrap(panel.findings[index])[part]
                assert len(line) <= width, line


async def test_soap_checkbox_labels_whole_at_80_columns(demo_path: Path) -> None:
    """Issue 17: the SOAP checklist's labels were cut in the narrow side panel."""
    from textual.widgets import Checkbox

    app = RankPlanApp(demo_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        await pilot.press("ctrl+o")
        await pilot.pause()
        await pilot.pause()
        boxes = list(app.screen.query("#rank-right Checkbox").results(Checkbox))
        assert boxes
        for box in boxes:
            needed = len(str(box.label)) + 4  # button, space, label (its trailing space may go)
            assert box.size.width * box.size.height >= needed, str(box.label)
            assert box.region.right <= app.screen.query_one("#rank-right").region.right


def _table_text(table) -> str:
    return "\n".join(table.render_line(y).text for y in range(table.size.height))


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_an_empty_list_says_how_to_fill_it(plan_file, size) -> None:
    """A new plan's Rank list showed only its column headings: nothing said where programs
    come from."""
    app = RankPlanApp(plan_file("schema = 1\n"))
    async with app.run_test(size=size) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        table = app.screen.query_one("#ranked")
        text = " ".join(_table_text(table).split())
        assert "No programs yet. Add each interview on the Debrief screen (F3, then a)" in text
        assert all(len(line) <= table.size.width
                   for line in _table_text(table).splitlines())


async def test_a_list_with_nothing_ranked_says_how_to_rank(plan_file) -> None:
    app = RankPlanApp(plan_file('schema = 1\n[[programs]]\nid = "a"\nname = "A"\n'
                                '[rank_list]\norder = []\n'))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        text = " ".join(_table_text(app.screen.query_one("#ranked")).split())
        assert "Nothing ranked yet: in Not ranked below, r puts a program on the list." in text
        await pilot.press("tab")  # the Not ranked list
        await pilot.press("r")
        await pilot.pause()
        text = _table_text(app.screen.query_one("#ranked"))
        assert "Nothing ranked" not in text and "A" in text
