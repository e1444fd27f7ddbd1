"""Profile, Debrief and Schedule read in textual-dark, textual-light and ansi-dark (DESIGN §6:
WCAG 4.5:1 for text, the selected row included), read from the composed screen. Before: the
selected row of every table 3.8:1 in textual-dark, a done goal 1.2:1, the Debrief's yellow
likelihood 1.8:1 and the section titles 3.3:1 in textual-light, WARNING 3.0:1, the table
headers 3.7:1 in ansi-dark, a ticked box's X 3.2:1."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.color import Color, ColorType

from rankplan.tui.app import RankPlanApp
from rankplan.tui.contrast import ratio

WHITE, BLACK = (255, 255, 255), (0, 0, 0)
THEMES = ["textual-dark", "textual-light", "ansi-dark"]
SCREENS = {
    "f2": ["#exams", "#profile-form", "#profile-findings"],
    "f3": ["#interviews", "#debrief-form"],
    "f5": ["#practice", "#goals", "#schedule-main", "#schedule-findings"],
}
TABLES = {"#exams", "#interviews", "#practice", "#goals"}


def rgb(color: Color | None, *, foreground: bool, dark: bool, palette) -> tuple[int, int, int]:
    if color is None or color.type is ColorType.DEFAULT:
        return (WHITE if foreground else BLACK) if dark else (BLACK if foreground else WHITE)
    return tuple(color.get_truecolor(palette, foreground=foreground))


def problems_in(app, widget, what: str) -> list[str]:
    """Every visible character of ``widget`` below 4.5:1 (a box's half blocks aside: they are
    drawn in the colour around them on purpose)."""
    dark = app.current_theme.dark
    palette = app.ansi_theme_dark if dark else app.ansi_theme_light
    strips = app.screen._compositor.render_strips()
    region = widget.content_region.intersection(app.screen.region)
    found = []
    for y in range(region.y, region.bottom):
        for segment in strips[y].crop(region.x, region.right):
            text = "".join(c for c in segment.text if not "\u2580" <= c <= "\u259f").strip()
            if not text or text in "▼▔▁▎▊│─╭╮╰╯":
                continue
            style = segment.style
            fg = rgb(style.color, foreground=True, dark=dark, palette=palette)
            bg = rgb(style.bgcolor, foreground=False, dark=dark, palette=palette)
            if style.reverse:
                fg, bg = bg, fg
            contrast = ratio(fg, bg)
            if contrast < 4.5:
                found.append(f"{what}: {text[:12]!r} {contrast:.1f}:1")
    return found


@pytest.mark.parametrize("theme", THEMES)
async def test_my_screens_read_in_the_three_themes(plan_file, theme) -> None:
    demo = (Path(__file__).resolve().parents[2] / "rankplan" / "data" / "demo.toml").read_text()
    path = plan_file(demo + '\n[[goals]]\ndomain = "exam"\ntitle = "Pass Step 3"\n'
                     "due = 2026-01-20\n")  # overdue
    app = RankPlanApp(path)
    problems: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        app.theme = theme
        for key, selectors in SCREENS.items():
            await pilot.press(key)
            await pilot.pause()
            await pilot.pause()
            if key == "f3":  # a ticked box
                app.screen.query_one("#tc-holistic-pd").scroll_visible(animate=False)
                await pilot.pause()
                problems += problems_in(app, app.screen.query_one("#debrief-form"), f"{key} ticked")
            for selector in selectors:
                widget = app.screen.query_one(selector)
                if selector in TABLES:
                    widget.focus()  # the selected row in the cursor's colours
                    await pilot.pause()
                    widget.scroll_visible(animate=False, top=True)
                    await pilot.pause()
                problems += problems_in(app, widget, f"{theme} {key} {selector}")
    assert problems == [], "\n".join(sorted(set(problems)))
