"""``Choice`` on its own: where its list opens, what it announces, and its options."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from rankplan.tui.widgets.choice import Choice, ChoicePicker

OPTIONS = [(f"option {n}", n) for n in range(20)]


class OneChoice(App):
    CSS = "#spacer { height: 1fr; }"

    def __init__(self, at_bottom: bool) -> None:
        super().__init__()
        self.at_bottom = at_bottom
        self.changes: list[object] = []

    def compose(self) -> ComposeResult:
        with Vertical():
            if self.at_bottom:
                yield Static("", id="spacer")
            yield Choice(OPTIONS, value=3, id="choice")

    def on_choice_changed(self, event: Choice.Changed) -> None:
        self.changes.append(event.value)


async def test_the_list_opens_below_when_there_is_room() -> None:
    app = OneChoice(at_bottom=False)
    async with app.run_test(size=(60, 24)) as pilot:
        choice = app.query_one(Choice)
        choice.focus()
        await pilot.press("enter")
        picker = app.screen.query_one(ChoicePicker)
        assert picker.region.y == choice.region.bottom
        assert picker.region.height == 12 + 2  # at most 12 options show, then it scrolls
        assert picker.highlighted == 3  # on the current value


async def test_the_list_opens_above_at_the_bottom_of_the_screen() -> None:
    app = OneChoice(at_bottom=True)
    async with app.run_test(size=(60, 24)) as pilot:
        choice = app.query_one(Choice)
        choice.focus()
        await pilot.press("space")
        picker = app.screen.query_one(ChoicePicker)
        assert picker.region.bottom == choice.region.y  # the field itself stays visible
        await pilot.press("down", "down", "enter")
        assert choice.value == 5
        assert app.changes == [5]
        assert not app.screen.query(ChoicePicker)


async def test_only_the_user_s_picks_are_announced() -> None:
    app = OneChoice(at_bottom=False)
    async with app.run_test(size=(60, 24)) as pilot:
        choice = app.query_one(Choice)
        choice.value = 7
        await pilot.pause()
        assert app.changes == []
        assert choice.label == "option 7"
        choice.focus()
        await pilot.press("right", "right", "left")
        assert app.changes == [8, 9, 8]
        await pilot.press("enter", "escape")  # opened and closed: no change
        assert app.changes == [8, 9, 8]


async def test_new_options_keep_the_value_while_it_is_one_of_them() -> None:
    app = OneChoice(at_bottom=False)
    async with app.run_test(size=(60, 24)) as pilot:
        choice = app.query_one(Choice)
        choice.set_options([("three", 3), ("four", 4)])
        assert choice.value == 3 and choice.label == "three"
        choice.set_options([("ten", 10), ("eleven", 11)])
        assert choice.value == 10  # the old value is gone: the first option
        await pilot.pause()
        assert "ten" in str(choice.render())


async def test_a_second_choice_opens_while_the_first_list_is_open() -> None:
    class TwoChoices(App):
        def compose(self) -> ComposeResult:
            yield Choice(OPTIONS, value=1, id="one")
            yield Static("")
            yield Choice(OPTIONS, value=2, id="two")

    app = TwoChoices()
    async with app.run_test(size=(60, 30)) as pilot:
        await pilot.click("#one")
        await pilot.pause()
        assert app.screen.query_one(ChoicePicker).owner.id == "one"
        app.screen.query_one("#two").focus()
        await pilot.press("enter")
        await pilot.pause()
        pickers = list(app.screen.query(ChoicePicker))
        assert [p.owner.id for p in pickers] == ["two"]
        await pilot.press("down", "enter")
        assert app.screen.query_one("#two", Choice).value == 3
        assert app.screen.query_one("#one", Choice).value == 1


async def test_stepping_from_a_value_not_listed_lands_on_an_end() -> None:
    app = OneChoice(at_bottom=False)
    async with app.run_test(size=(60, 24)) as pilot:
        choice = app.query_one(Choice)
        choice.value = "not an option"
        choice.focus()
        await pilot.press("right")
        assert choice.value == 0
        choice.value = "not an option"
        await pilot.press("left")
        assert choice.value == 19


async def test_a_mouse_pick_leaves_the_form_where_it_was(demo_path) -> None:
    """Issue 17 item 21: picking a value with the mouse made the form jump (the list's removal
    handed focus to the notes at the bottom, and the form scrolled there)."""
    from rankplan.tui.app import RankPlanApp
    from rankplan.tui.widgets.choice import Choice, ChoicePicker

    app = RankPlanApp(demo_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        form = app.screen.query_one("#debrief-form")
        choice = app.screen.query_one("#p-likelihood", Choice)
        top = choice.region.y - form.region.y - 5  # scrolled part way, the field in view
        form.scroll_to(y=top, animate=False, immediate=True)
        await pilot.pause()
        assert form.scroll_y == top > 0
        before = choice.region
        await pilot.click(choice)
        await pilot.pause()
        picker = app.screen.query_one(ChoicePicker)
        await pilot.click(picker, offset=(3, 2))  # the second option: green
        await pilot.pause()
        await pilot.pause()
        assert not app.screen.query(ChoicePicker)
        assert app.focused is choice
        assert form.scroll_y == top
        assert choice.region == before
