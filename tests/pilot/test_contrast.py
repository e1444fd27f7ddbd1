"""Every built-in theme keeps the Rank list readable (DESIGN §6): WCAG 4.5:1 for the body
text and for the selected row, focused or not, read from the composed screen."""

from __future__ import annotations

from pathlib import Path

from rich.color import Color, ColorType
from rich.segment import Segment
from textual.theme import BUILTIN_THEMES

from rankplan.tui.app import RankPlanApp
from rankplan.tui.contrast import ratio, readable_rgb
from rankplan.tui.widgets.rank_table import RankHeader, RankTable

WHITE, BLACK = (255, 255, 255), (0, 0, 0)


def test_wcag_ratio_and_readable() -> None:
    assert round(ratio(WHITE, BLACK), 1) == 21.0
    assert round(ratio((0x77, 0x77, 0x77), WHITE), 2) == 4.48
    fixed = readable_rgb((0x98, 0xE0, 0x24), WHITE)  # a light green on white
    assert ratio(fixed, WHITE) >= 4.5 and fixed[1] > fixed[0]  # still green


def rgb(color: Color | None, *, foreground: bool, dark: bool, palette) -> tuple[int, int, int]:
    """A segment colour as the terminal shows it: the default colours as the terminal's own
    (white on black in a dark theme, black on white in a light one), the ANSI colours as
    Textual shows them when it draws them itself."""
    if color is None or color.type is ColorType.DEFAULT:
        return (WHITE if foreground else BLACK) if dark else (BLACK if foreground else WHITE)
    return tuple(color.get_truecolor(palette, foreground=foreground))


def colours(segment: Segment, dark: bool, palette) -> tuple[tuple, tuple]:
    style = segment.style
    fg = rgb(style.color, foreground=True, dark=dark, palette=palette)
    bg = rgb(style.bgcolor, foreground=False, dark=dark, palette=palette)
    return (bg, fg) if style.reverse else (fg, bg)


def problems_in(app, widget, theme: str, what: str, line: int | None = None) -> list[str]:
    """Every visible character of ``widget`` (or one of its lines) below 4.5:1."""
    dark = app.current_theme.dark
    palette = app.ansi_theme_dark if dark else app.ansi_theme_light
    strips = app.screen._compositor.render_strips()
    region = widget.content_region
    found = []
    for y in range(region.y, region.bottom):
        if line is not None and y != region.y + line:
            continue
        for segment in strips[y].crop(region.x, region.right):
            if not segment.text.strip():
                continue
            fg, bg = colours(segment, dark, palette)
            contrast = ratio(fg, bg)
            if fg == bg or contrast < 4.5:
                found.append(f"{theme} {what}: {segment.text.strip()[:12]!r} {contrast:.1f}:1")
    return found


def row_style(app, table: RankTable, line: int):
    strips = app.screen._compositor.render_strips()
    region = table.content_region
    segment = next(s for s in strips[region.y + line].crop(region.x, region.right)
                   if s.text.strip())
    return segment.style


async def test_every_theme_keeps_the_rank_list_readable(demo_path: Path) -> None:
    themes = sorted(BUILTIN_THEMES)
    assert {"textual-dark", "textual-light", "ansi-dark", "ansi-light"} <= set(themes)
    app = RankPlanApp(demo_path)
    problems: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        table = app.screen.query_one("#ranked", RankTable)
        header = app.screen.query_one(RankHeader)
        assert set(themes) <= set(app.available_themes)
        for theme in themes:
            app.theme = theme
            table.focus()
            await pilot.pause()
            cursor_line = table._line_of(table.cursor) - table.scroll_offset.y
            problems += problems_in(app, table, theme, "row")
            problems += problems_in(app, header, theme, "header")
            selected = problems_in(app, table, theme, "selected row", cursor_line)
            problems += selected
            other = table._line_of(1) - table.scroll_offset.y
            focused = row_style(app, table, cursor_line)
            assert focused != row_style(app, table, other), theme
            app.screen.set_focus(None)  # the list without focus still shows its selection
            await pilot.pause()
            problems += problems_in(app, table, theme, "selected row, unfocused", cursor_line)
            assert row_style(app, table, cursor_line) != row_style(app, table, other), theme
    assert problems == [], "\n".join(problems)


BOX = set("▔▁▄▀█▌▐▎▊▍▏▋▉▇▆▅▃▂━╸╺─│╭╮╰╯")  # borders, bars, scrollbars: not text


def text_problems(app, widget, what: str) -> list[str]:
    """Every character of text in ``widget``'s whole region (border titles included) below
    4.5:1; box-drawing and block characters are left out."""
    dark = app.current_theme.dark
    palette = app.ansi_theme_dark if dark else app.ansi_theme_light
    strips = app.screen._compositor.render_strips()
    region = widget.region.intersection(app.screen.region)  # what is on screen of it
    found = []
    for y in range(region.y, region.bottom):
        for segment in strips[y].crop(region.x, region.right):
            text = "".join(c for c in segment.text if c not in BOX).strip()
            if not text or text == "X":  # a ticked box's mark: a shared widget, 3:1 and up
                continue
            fg, bg = colours(segment, dark, palette)
            contrast = ratio(fg, bg)
            if contrast < 4.5:
                found.append(f"{app.theme} {what}: {text[:16]!r} {contrast:.1f}:1")
    return found


async def test_the_whole_rank_list_screen_is_readable_in_the_three_themes(
        demo_path: Path) -> None:
    """Beyond the rows: in textual-light the focused SOAP list's title was 1.3:1, the
    findings' "3 found" 1.4:1 and WARNING 3.0:1, the other tab's name 3.0:1; in
    textual-dark the SOAP list's highlighted option was 3.8:1."""
    app = RankPlanApp(demo_path)
    problems: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        body = app.screen.query_one("#rank-body")
        for theme in ("textual-dark", "textual-light", "ansi-dark"):
            app.theme = theme
            await pilot.pause()
            problems += text_problems(app, body, "rank list focused")
            app.screen.query_one("#rank-findings").focus()
            await pilot.press("down")
            await pilot.pause()
            problems += text_problems(app, body, "findings focused")
            await pilot.press("ctrl+o")  # the SOAP plan, its list focused
            await pilot.pause()
            problems += text_problems(app, body, "SOAP plan focused")
            app.screen.query_one("#soap-cv_ready").focus()
            await pilot.pause()
            problems += text_problems(app, body, "SOAP plan, a checkbox focused")
            await pilot.press("ctrl+o")
            await pilot.pause()
    assert problems == [], "\n".join(problems)


async def test_help_dialogs_and_footer_are_readable_in_the_three_themes(
        demo_path: Path) -> None:
    """Help headings were ANSI magenta (4.0:1 in textual-dark), a dialog's primary button
    3.8:1 there, a focused ▼ 1.2:1 and the footer's key letters 2.9:1 in textual-light."""
    from textual.containers import VerticalScroll

    from rankplan.tui.widgets.footer import KeyFooter

    app = RankPlanApp(demo_path)
    problems: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f4")
        for theme in ("textual-dark", "textual-light", "ansi-dark"):
            app.theme = theme
            await pilot.pause()
            problems += text_problems(app, app.screen.query_one(KeyFooter), "footer")
            await pilot.press("f1")
            await pilot.pause()
            problems += text_problems(app, app.screen.query_one(VerticalScroll), "help")
            await pilot.press("escape", "ctrl+e")
            await pilot.pause()
            dialog = app.screen.query_one("Dialog > Vertical")
            problems += text_problems(app, dialog, "export dialog")
            problems += text_problems(app, app.screen.query_one(KeyFooter), "dialog footer")
            await pilot.press("escape")
            await pilot.pause()
    assert problems == [], "\n".join(problems)


async def test_the_findings_count_reads_on_the_reapply_screen(demo_path: Path) -> None:
    """"2 found" was drawn in the border's colour: 2.0:1 in textual-dark, 2.8:1 in light."""
    from rankplan.tui.widgets.findings import FindingsPanel

    app = RankPlanApp(demo_path)
    problems: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f6", "n")
        await pilot.pause()
        panel = app.screen.query_one(FindingsPanel)
        assert panel.border_subtitle
        for theme in ("textual-dark", "textual-light", "ansi-dark"):
            app.theme = theme
            await pilot.pause()
            problems += [p for p in text_problems(app, panel, "findings panel")
                         if "found" in p]
    assert problems == [], "\n".join(problems)


async def test_the_title_bar_and_the_timeline_read_in_textual_light(demo_path: Path) -> None:
    """The save state was dimmed on the title bar (4.4:1 in textual-light) and the timeline's
    "today" line was in the accent colour (3.3:1 there)."""
    from rankplan.tui.widgets.title_bar import TitleBar

    app = RankPlanApp(demo_path)
    problems: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f5")
        for theme in ("textual-dark", "textual-light", "ansi-dark"):
            app.theme = theme
            await pilot.pause()
            await pilot.pause()
            problems += text_problems(app, app.screen.query_one(TitleBar), "title bar")
            problems += text_problems(app, app.screen.query_one("#milestones"), "timeline")
    assert problems == [], "\n".join(problems)


async def test_the_odds_chart_reads_focused_and_not_in_the_three_themes(
        demo_path: Path) -> None:
    """At 80x24 the chart is a Tab stop (its ranks do not all fit): its caption, rank
    numbers and figures read on its focus tint too."""
    app = RankPlanApp(demo_path)
    problems: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        chart = app.screen.query_one("#odds-chart")
        for theme in ("textual-dark", "textual-light", "ansi-dark"):
            app.theme = theme
            app.screen.query_one("#ranked").focus()
            await pilot.pause()
            problems += text_problems(app, chart, "odds chart")
            chart.focus()
            await pilot.pause()
            assert app.focused is chart
            problems += text_problems(app, chart, "odds chart focused")
    assert problems == [], "\n".join(problems)
