"""Every screen, read whole (DESIGN §6: WCAG 4.5:1 for text in every theme): each screen of
the demo plan in textual-dark, textual-light and ansi-dark, with each of its widgets focused in
turn, and every character of text on the composed screen measured against its background."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.color import Color, ColorType
from rich.segment import Segment
from textual.filter import DIM_FACTOR

from rankplan.tui.app import RankPlanApp
from rankplan.tui.contrast import ratio
from rankplan.tui.widgets.choice import Choice, ChoicePicker

WHITE, BLACK = (255, 255, 255), (0, 0, 0)
THEMES = ["textual-dark", "textual-light", "ansi-dark"]


def not_text(character: str) -> bool:
    """Box-drawing characters and block elements (U+2500 to U+259F): borders, scrollbar
    thumbs, the odds chart's bars, half-block edges of buttons and boxes. They draw shapes in
    the colour around them on purpose and carry no words."""
    return "\u2500" <= character <= "\u259f"


def rgb(color: Color | None, *, foreground: bool, dark: bool, palette) -> tuple[int, int, int]:
    """A colour as the terminal shows it: the default colours as the terminal's own (white on
    black in a dark theme, black on white in a light one), ANSI colours as Textual's palette
    for the theme's mode has them (as ``readable_in`` takes them)."""
    if color is None or color.type is ColorType.DEFAULT:
        return (WHITE if foreground else BLACK) if dark else (BLACK if foreground else WHITE)
    return tuple(color.get_truecolor(palette, foreground=foreground))  # type: ignore[return-value]


def colours(segment: Segment, dark: bool, palette) -> tuple[tuple, tuple]:
    """The text and background colours a terminal shows for ``segment``: reverse swaps them,
    dim blends the text halfway to the background (as Textual's own dim filter does)."""
    style = segment.style
    fg = rgb(style.color, foreground=True, dark=dark, palette=palette)
    bg = rgb(style.bgcolor, foreground=False, dark=dark, palette=palette)
    if style.reverse:
        fg, bg = bg, fg
    if style.dim:
        fg = tuple(round(b + (f - b) * DIM_FACTOR) for f, b in zip(fg, bg))
    return fg, bg


def screen_problems(app, what: str, regions=None) -> dict[str, str]:
    """Every run of text on the composed screen (or in ``regions`` of it) below 4.5:1, each
    with where it was seen. Over a dialog or the help, only the dialog's own box: the screen
    behind it is dimmed on purpose and not meant to be read."""
    from textual.screen import ModalScreen

    dark = app.current_theme.dark
    palette = app.ansi_theme_dark if dark else app.ansi_theme_light
    screen = app.screen
    if regions is None:
        regions = ([child.region for child in screen.children]
                   if isinstance(screen, ModalScreen) else [screen.region])
    strips = screen._compositor.render_strips()
    found = {}
    measured = 0
    for region in regions:
        for y in range(region.y, min(region.bottom, len(strips))):
            for segment in strips[y].crop(region.x, region.right):
                text = "".join(c for c in segment.text if not not_text(c)).strip()
                if not text or segment.style is None:
                    continue
                measured += len(text)
                contrast = ratio(*colours(segment, dark, palette))
                if contrast < 4.5:
                    found.setdefault(f"{app.theme} {text[:24]!r} {contrast:.2f}:1",
                                     f"{what}, line {y}")
    assert measured > 10, f"{what}: only {measured} characters of text on the screen"
    return found


async def scan_focus(pilot, what: str) -> dict[str, str]:
    """The screen as it opens, then with each of its focusable widgets focused in turn, and
    the first ▼ field's list open."""
    app = pilot.app
    await pilot.pause()
    found = screen_problems(app, what)
    seen = set()
    opened = False
    for widget in list(app.screen.focus_chain):
        if widget in seen or not widget.is_mounted:
            continue
        seen.add(widget)
        widget.focus()
        widget.scroll_visible(animate=False)
        await pilot.pause()
        name = f"{what}, {type(widget).__name__}#{widget.id}"
        found = screen_problems(app, f"{name} focused") | found
        if isinstance(widget, Choice) and not opened:  # one open list a screen
            opened = True
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.focused, ChoicePicker)
            found = screen_problems(app, f"{name} open") | found
            await pilot.press("escape")
            await pilot.pause()
    return found


SCREENS = ["f2", "f3", "f4", "f5", "f6"]


# 80x24 lays the same widgets out narrower (about 30 s a theme on a loaded machine): once,
# in the theme that had the most faults; it found nothing 120x40 did not.
@pytest.mark.parametrize(("size", "theme"), [((120, 40), theme) for theme in THEMES]
                         + [((80, 24), "textual-light")],
                         ids=[f"120x40-{theme}" for theme in THEMES] + ["80x24-textual-light"])
async def test_every_screen_reads_in_the_three_themes(demo_path: Path, size, theme) -> None:
    app = RankPlanApp(demo_path)
    problems: dict[str, str] = {}
    async with app.run_test(size=size) as pilot:
        app.theme = theme
        for key in SCREENS:
            await pilot.press(key)
            await pilot.pause()
            await pilot.pause()
            problems = await scan_focus(pilot, key) | problems
            await pilot.press("f1")
            await pilot.pause()
            problems = screen_problems(app, f"{key} help") | problems
            await pilot.press("escape")
        await pilot.press("f6", "n")
        problems = await scan_focus(pilot, "f6 started") | problems
    assert not problems, "\n".join(f"{text} ({where})" for text, where in sorted(problems.items()))


async def test_the_primary_button_reads_in_every_builtin_theme(demo_path: Path) -> None:
    """Its label in white or black, whichever reads on the theme's primary colour: Textual's
    "auto" white was 3.7:1 on solarized's blue, 4.1:1 on atom-one-light's, and 1:1 on
    ansi-light's terminal background (white on white)."""
    from textual.theme import BUILTIN_THEMES

    app = RankPlanApp(demo_path)
    problems: dict[str, str] = {}
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f6")
        button = app.screen.query_one("#start")
        for theme in sorted(BUILTIN_THEMES):
            app.theme = theme
            button.focus()
            await pilot.pause()
            problems = screen_problems(app, "focused", [button.region]) | problems
            app.screen.set_focus(None)
            await pilot.pause()
            problems = screen_problems(app, "not focused", [button.region]) | problems
    assert not problems, "\n".join(f"{text} ({where})" for text, where in sorted(problems.items()))


BROKEN = 'schema = 1\n[profile]\nnmae = "Sam"\n'


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("backup", [False, True], ids=["no backup", "a backup"])
async def test_the_cannot_open_view_reads_in_the_three_themes(plan_file, theme, backup) -> None:
    """The view of a plan rankplan cannot read, with its disabled "No valid backup" button
    or with a backup to restore."""
    from helpers import DEMO

    from rankplan.tui.screens.plan_error import PlanErrorScreen

    path = plan_file(BROKEN)
    if backup:
        path.with_name("plan.toml.bak").write_text(DEMO.read_text())
    app = RankPlanApp(path)
    async with app.run_test(size=(120, 40)) as pilot:
        app.theme = theme
        await pilot.pause()
        assert isinstance(app.screen, PlanErrorScreen)
        problems = await scan_focus(pilot, "cannot open")
        await pilot.press("f1")
        await pilot.pause()
        problems = screen_problems(app, "cannot open help") | problems
    assert not problems, "\n".join(f"{text} ({where})" for text, where in sorted(problems.items()))


def dialogs(app) -> list:
    """One of each dialog, empty (their placeholders showing) where it can be."""
    from rankplan.tui.screens.dialogs import (
        ActivityMenu, ConfirmDialog, ConflictDialog, CriteriaDialog, ExamDialog, GoalDialog,
        NameDialog, PracticeDialog, SpecialtyDialog,
    )
    from rankplan.tui.screens.exchange_dialogs import ExportDialog, ImportDialog
    from rankplan.tui.screens.reapply_dialogs import AdvocateDialog, FeedbackDialog, LetterDialog

    path = app.store.path
    return [
        ConfirmDialog("Delete this?"), ExamDialog(None, app.today),
        SpecialtyDialog("Internal Medicine", None), NameDialog("Add an interview", "Program name"),
        CriteriaDialog(dict(app.store.plan.criteria)), PracticeDialog(None, app.today),
        GoalDialog(None, app.today), ActivityMenu("Mon morning"),
        ConflictDialog(path, path.with_name("plan.conflict.toml")), ExportDialog(app.today),
        ImportDialog(), FeedbackDialog(None), LetterDialog(None, app.today, "Internal Medicine"),
        AdvocateDialog(None),
    ]


@pytest.mark.parametrize("theme", THEMES)
async def test_every_dialog_reads_in_the_three_themes(demo_path: Path, theme) -> None:
    """Each dialog with each of its fields and buttons focused in turn: the primary button's
    focused label and the empty fields' placeholders among them."""
    app = RankPlanApp(demo_path)
    problems: dict[str, str] = {}
    async with app.run_test(size=(120, 40)) as pilot:
        app.theme = theme
        await pilot.press("f5")
        await pilot.pause()
        for dialog in dialogs(app):
            app.push_screen(dialog)
            await pilot.pause()
            problems = await scan_focus(pilot, type(dialog).__name__) | problems
            dialog.dismiss(None)
            await pilot.pause()
    assert not problems, "\n".join(f"{text} ({where})" for text, where in sorted(problems.items()))


def test_dim_text_is_measured_as_textual_draws_it() -> None:
    """Textual draws dim text part way to its background: a struck-out interview's name
    (dim) was 3.2:1 in catppuccin-latte though its colour alone read."""
    from rich.style import Style
    from rich.terminal_theme import DEFAULT_TERMINAL_THEME

    from rankplan.tui.contrast import readable

    text, surface = (0x5C, 0x5F, 0x77), (0xEC, 0xEF, 0xF3)
    style = Style(color=Color.from_rgb(*text), bgcolor=Color.from_rgb(*surface), dim=True)
    assert ratio(text, surface) >= 4.5
    drawn = tuple(round(b + (f - b) * DIM_FACTOR) for f, b in zip(text, surface))
    assert ratio(drawn, surface) < 4.5
    fixed = readable(style, dark=False, palette=DEFAULT_TERMINAL_THEME)
    assert not fixed.dim and ratio(tuple(fixed.color.triplet), surface) >= 4.5
    assert readable(style + Style(dim=False), dark=False,
                    palette=DEFAULT_TERMINAL_THEME) == style + Style(dim=False)


async def test_the_footer_and_a_struck_out_interview_read_in_every_builtin_theme(
        demo_path: Path) -> None:
    """The footer's descriptions were in the theme's footer colour as it comes (3.45:1 in
    atom-one-dark, 4.23:1 in tokyo-night); a struck-out (dim) interview 3.1:1 to 4.4:1 in
    seven themes (atom-one-dark, catppuccin-latte, nord, rose-pine-dawn among them)."""
    from textual.theme import BUILTIN_THEMES

    from rankplan.tui.widgets.footer import KeyFooter
    from rankplan.tui.widgets.interview_list import InterviewList

    app = RankPlanApp(demo_path)
    problems: dict[str, str] = {}
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        for theme in sorted(BUILTIN_THEMES):
            app.theme = theme
            await pilot.pause()
            regions = [app.screen.query_one(KeyFooter).region,
                       app.screen.query_one(InterviewList).region]
            problems = screen_problems(app, "f3", regions) | problems
    assert not problems, "\n".join(f"{text} ({where})" for text, where in sorted(problems.items()))
