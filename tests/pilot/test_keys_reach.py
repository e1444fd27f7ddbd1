"""Keys that reach where they say: ctrl+g to the Debrief scores, and no app or screen key
swallowed by a text box (issue 17, item 17)."""

from __future__ import annotations

from pathlib import Path

from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Input, TextArea

from rankplan.tui.app import RankPlanApp
from rankplan.tui.keymap import bindings
from rankplan.tui.widgets.choice import Choice

# Keys a text box keeps on purpose: undo and redo act on its text (the help says so).
TEXT_KEEPS = {"ctrl+z", "ctrl+y"}


def text_box_keys() -> set[str]:
    keys: set[str] = set()
    for cls in (Input, TextArea):
        for klass in cls.__mro__:
            for item in klass.__dict__.get("BINDINGS", ()):
                item = item if isinstance(item, Binding) else Binding(*item)
                keys |= {k.strip() for k in item.key.split(",")}
    return keys


def shadowed() -> set[tuple[str, str]]:
    """(id, key) of the app's and screens' keys that a focused text box would take."""
    import rankplan.tui.keymap as keymap

    owners = {}
    for name in keymap.MODULES:
        module = __import__(name, fromlist=["*"])
        for value in vars(module).values():
            if isinstance(value, type) and (issubclass(value, Screen) or value is RankPlanApp):
                owners[value.__name__] = value
    boxes = text_box_keys()
    found = set()
    for b in bindings():
        cls = owners.get(b.owner)
        if cls is None:
            continue  # a widget's own keys act only while it has focus
        declared = next(x for x in cls.__dict__["BINDINGS"] if x.id == b.id)
        if declared.priority:
            continue
        found |= {(b.id, k.strip()) for k in b.keys.split(",")
                  if k.strip() in boxes and k.strip() not in TEXT_KEEPS}
    return found


def test_no_app_or_screen_key_is_swallowed_by_a_text_box() -> None:
    # ctrl+a stays the text box's "start of line" (as in a shell): no binding of ours uses it.
    assert not any("ctrl+a" in b.keys.split(",") for b in bindings())
    assert shadowed() - {("app.reapply", "f6")} == set()


def test_f6_reaches_the_reapply_screen_from_a_text_area() -> None:
    assert ("app.reapply", "f6") not in shadowed()


async def test_ctrl_g_goes_from_name_to_the_criteria_scores(demo_path: Path) -> None:
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        await pilot.press("enter")  # edit the selected interview: focus on its Name
        await pilot.pause()
        assert app.focused is app.screen.query_one("#p-name", Input)
        await pilot.press("ctrl+g")
        await pilot.pause()
        first = app.screen.query_one("#criteria-fields").query(Choice).first()
        assert app.focused is first and first.id == "c-0"
        assert "ctrl+g scores" in str(app.screen.query_one("#list-hint").render())
        program = app.screen.program()
        name = next(iter(app.plan.criteria))
        before = program.criteria.get(name, 0)
        await pilot.press("right" if before < 5 else "left")
        await pilot.pause()
        assert program.criteria.get(name, 0) != before
