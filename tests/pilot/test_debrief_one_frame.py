"""Issue 16: a Debrief key is drawn in one frame. Choosing another interview fills the form
in the same turn as the list's cursor moves, and a tick in the form reaches the record, the
findings and the suggestion in the same turn as the box changes; before, each went through a
message that arrived after the first change had been drawn, and the user waited a second
frame (17-33 ms later) for the rest. The match odds, shown only on the Rank list, wait until
that frame is out."""

from __future__ import annotations

from pathlib import Path

from helpers import cells_written, on_each_drawing, on_screen, until
from textual._compositor import Compositor
from textual.widget import Widget
from textual.widgets import Input, TextArea

import rankplan.core.odds as odds_module
from rankplan.core.model import TakesChances
from rankplan.core.odds import match_odds
from rankplan.core.programs import set_would_not_attend
from rankplan.tui.app import RankPlanApp
from rankplan.tui.compositor import PlanCompositor
from rankplan.tui.widgets.choice import Choice
from rankplan.tui.widgets.checkbox import Checkbox
from rankplan.tui.widgets.interview_list import InterviewList


async def test_the_form_follows_the_cursor_in_the_same_turn(demo_path: Path) -> None:
    async with on_screen(demo_path, "f3") as (app, pilot):
        screen = app.screen
        table = screen.query_one(InterviewList)
        first = screen.current
        table.action_cursor_down()  # no await: no message has been handled yet
        second = table.current_id()
        assert second != first and screen.current == second
        assert screen.query_one("#p-name", Input).value == app.plan.program(second).name
        await pilot.press("up")
        await pilot.pause()
        assert screen.current == first
        assert screen.query_one("#p-name", Input).value == app.plan.program(first).name
        assert app._edits == 0  # filling the form is no edit


async def test_a_tick_reaches_the_record_and_the_suggestion_in_the_same_turn(
        demo_path: Path) -> None:
    async with on_screen(demo_path, "f3") as (app, pilot):
        screen = app.screen
        program = screen.program()
        box = screen.query_one("#tc-holistic-pd", Checkbox)
        assert not box.value and TakesChances.HOLISTIC_PD not in program.debrief.takes_chances
        suggestion = screen.query_one("#suggestion").shown.plain
        box.toggle()  # no await
        assert TakesChances.HOLISTIC_PD in program.debrief.takes_chances
        assert app._edits == 1 and app.save_state == "unsaved"
        assert screen.query_one("#suggestion").shown.plain != suggestion
        box.toggle()
        assert TakesChances.HOLISTIC_PD not in program.debrief.takes_chances
        assert app._edits == 2
        await pilot.pause()
        assert TakesChances.HOLISTIC_PD not in program.debrief.takes_chances  # no late echo
        assert app._edits == 2


async def test_a_debrief_edit_leaves_the_odds_until_its_frame_is_out(
        demo_path: Path, monkeypatch) -> None:
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f3")
        await pilot.pause(0.2)
        before = app.odds
        calls = []
        monkeypatch.setattr(odds_module, "match_odds",
                            lambda *a: (calls.append(1), match_odds(*a))[1])
        set_would_not_attend(app.plan, app.screen.program(), True)  # as the box does
        app.plan_changed()
        assert calls == []  # not between the key and its frame
        await pilot.pause(0.2)
        assert len(calls) == 1  # once it is out
        assert app.odds is not before
        assert app.odds == match_odds(app.plan)  # the figures of the plan as edited
        assert len(calls) == 1


async def test_keys_faster_than_messages_fill_the_form_once_each(demo_path: Path) -> None:
    """A held arrow: the list's messages for rows already left arrive late, and must not
    bring those records back into the form."""
    async with on_screen(demo_path, "f3") as (app, pilot):
        screen = app.screen
        table = screen.query_one(InterviewList)
        filled = []
        fill = screen._fill_form
        screen._fill_form = lambda: (filled.append(screen.current), fill())[1]
        table.action_cursor_down()
        table.action_cursor_down()
        third = table.current_id()
        assert filled == [filled[0], third]
        await pilot.pause()
        assert filled == [filled[0], third] and screen.current == third
        assert screen.query_one("#p-name", Input).value == app.plan.program(third).name


async def test_a_pick_reaches_the_record_in_the_same_turn_once(demo_path: Path) -> None:
    """Left and right step a Choice; its record follows at once, and once per step (the
    criteria's scores too, built again after ctrl+r)."""
    from rankplan.tui.widgets.choice import Choice

    async with on_screen(demo_path, "f3") as (app, pilot):
        screen = app.screen
        program = screen.program()
        felt = screen.query_one("#d-felt", Choice)
        before = program.debrief.felt
        felt.action_step(-1 if before > 1 else 1)  # no await
        assert program.debrief.felt == felt.value != before
        assert app._edits == 1
        await pilot.pause()
        assert program.debrief.felt == felt.value and app._edits == 1
        score = screen.query_one("#c-0", Choice)
        name = next(iter(app.plan.criteria))
        score.action_step(1 if score.value < 5 else -1)
        assert program.criteria.get(name, 0) == score.value and app._edits == 2
        await pilot.pause()
        assert app._edits == 2
        screen._criteria = []  # as after ctrl+r: the score rows are built again
        screen._build_criteria()
        await pilot.pause()
        score = screen.query_one("#c-0", Choice)
        assert score.value == program.criteria.get(name, 0)
        score.action_step(1 if score.value < 5 else -1)
        assert program.criteria.get(name, 0) == score.value and app._edits == 3
        await pilot.pause()
        assert app._edits == 3


async def test_fields_out_of_sight_follow_once_the_record_is_drawn(demo_path: Path) -> None:
    """At 80x24 the notes and the criteria are scrolled out of view: the key's turn leaves
    them, and they take the new record's values right after its frame, or as soon as focus
    moves (a key reaches a field only once it holds the record shown)."""
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        screen = app.screen
        notes = screen.query_one("#p-notes", TextArea)
        name = screen.query_one("#p-name", Input)
        assert screen.out_of_sight(notes) and not screen.out_of_sight(name)
        programs = [p for p in app.plan.programs if p.notes and p.notes != notes.text]
        assert len({p.notes for p in programs}) == len(programs) > 2  # notes all different
        table = screen.query_one(InterviewList)

        def select(program) -> None:
            table.move_cursor(row=table.get_row_index(program.id))
            assert name.value == program.name  # at once, in the key's turn
            assert notes.text != program.notes  # not yet: after the frame

        for program in programs[:2]:
            select(program)
            await until(pilot, lambda program=program: notes.text == program.notes)
            for i, criterion in enumerate(screen._criteria):
                choice = screen.query_one(f"#c-{i}", Choice)
                assert choice.value == program.criteria.get(criterion, 0)
        select(programs[2])
        screen.set_focus(notes)  # focus moving into a waiting field fills it first
        assert notes.text == programs[2].notes
        await pilot.pause()
        # The focused field never waits, even when scrolled out of view.
        screen.query_one("#debrief-form").scroll_home(animate=False, immediate=True)
        await pilot.pause()
        assert screen.out_of_sight(notes) and screen.focused is notes
        table.move_cursor(row=table.get_row_index(programs[0].id))
        assert notes.text == programs[0].notes
        assert app._edits == 0


async def test_a_record_change_draws_what_textual_would(demo_path: Path) -> None:
    """PlanCompositor draws only the widgets over a changed region, fewer than Textual's
    compositor, and writes the frame Textual's writes, character for character (but for
    cursor moves that write nothing): with a choice's list open over the form, too."""
    async with on_screen(demo_path, "f3") as (app, pilot):
        screen = app.screen
        compositor = screen._compositor
        assert isinstance(compositor, PlanCompositor)
        drawn: list[Widget] = []
        on_each_drawing(compositor.visible_widgets, drawn.append)
        for key in ("down", "down", "up", "picker"):
            if key == "picker":
                screen.query_one("#p-track", Choice).action_open()
            else:
                await pilot.press(key)
            await pilot.pause()
            # Repaint what a record change repaints, far apart: list rows, fields, suggestion.
            widgets = [screen.query_one(InterviewList), screen.query_one("#suggestion"),
                       *screen.query("#debrief-form Choice"), screen.query_one("#p-name"),
                       *screen.query("ChoicePicker")]
            regions = [w.region for w in widgets if not screen.out_of_sight(w)]
            assert len(regions) > 5
            frames, counts = [], []
            for draw in (Compositor.render_partial_update, PlanCompositor.render_partial_update):
                for widget in widgets:
                    widget.refresh()
                drawn.clear()
                compositor._dirty_regions.update(regions)
                update = draw(compositor)
                frames.append(cells_written(update.render_segments(app.console)))
                counts.append(len(drawn))
            assert frames[0] == frames[1]
            assert counts[1] < counts[0]
        assert screen.query("ChoicePicker")


async def test_a_record_change_wakes_no_field_and_the_screen_has_them_all(
        demo_path: Path) -> None:
    """The fields a record change sets go straight into the screen's next frame (through
    gather_repaints): none of their message loops is woken to pass the repaint on."""
    from rankplan.tui.widgets.gathered import Gathered

    async with on_screen(demo_path, "f3") as (app, pilot):
        screen = app.screen
        fields = [w for w in screen.query("#debrief-form *") if isinstance(w, Gathered)]
        assert len(fields) > 20
        await pilot.pause()
        table = screen.query_one(InterviewList)
        before = app.plan.program(screen.current)
        table.action_cursor_down()  # no await
        after = app.plan.program(screen.current)
        assert after is not before and after.name != before.name
        assert [w.id for w in fields if not w._message_queue.empty()] == []
        dirty = {w.id for w in screen._dirty_widgets}
        assert {"p-name", "record-title", "suggestion"} <= dirty
        await pilot.pause()
        assert screen.query_one("#p-name", Input).value == after.name
        assert after.name in screen.query_one("#record-title").shown.plain


async def test_a_new_width_keeps_the_record_in_the_form(demo_path: Path) -> None:
    """Columns of another width clear and redraw the list's rows. The cursor went to the
    first row and stayed there, and the form followed it to that row's record; the form
    must keep the record, and take no other on the way (a name field being edited went
    back to its start, the notes lost their undo)."""
    async with on_screen(demo_path, "f3") as (app, pilot):
        screen = app.screen
        table = screen.query_one(InterviewList)
        table.move_cursor(row=3)
        await pilot.pause()
        record = screen.current
        assert record == table.current_id() != app.plan.programs[0].id
        filled = []
        fill = screen._fill_form
        screen._fill_form = lambda: (filled.append(screen.current), fill())[1]
        layout = table._layout
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert table._layout != layout  # the narrow columns: the rows were redrawn
        assert filled == [] and screen.current == record == table.current_id()
