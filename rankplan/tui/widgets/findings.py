"""The findings panel: the current findings, severity as a word and a colour."""

from __future__ import annotations

import textwrap

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from rankplan.core.findings import Finding, Section, Severity
from rankplan.core.text import visible
from rankplan.tui.contrast import readable_in
from rankplan.tui.literal import literal
from rankplan.tui.widgets.pass_style import PassStyle
from rankplan.tui.widgets.readable import ReadableStatic

SEVERITY_STYLE: dict[Severity, str] = {
    Severity.DANGER: "bold $text-error",
    Severity.WARNING: "bold $text-warning",
    Severity.INFO: "bold $text-accent",
}


def findings_content(findings: list[Finding], empty: str) -> Content:
    """Each finding as ``SEVERITY CODE`` over its message; the word carries the meaning."""
    if not findings:
        return Content.styled(empty, "italic $text-muted")
    parts: list[Content | tuple[str, str] | str] = []
    for i, finding in enumerate(findings):
        if i:
            parts.append("\n\n")
        parts.append((finding.severity.upper(), SEVERITY_STYLE[finding.severity]))
        parts.append(" ")
        parts.append((finding.code, "bold"))
        parts.append("\n")
        parts.append(literal(finding.message))  # quotes plan text: names, dates
    return Content.assemble(*parts)


class FindingsPanel(VerticalScroll, can_focus=True):
    """Findings of one section (or all), shown again by the app after every change."""

    DEFAULT_CSS = """
    FindingsPanel {
        border: round $primary 60%;
        border-title-color: $text;
        border-subtitle-color: $text;  /* "2 found" in the border's colour was 2.0:1 */
        padding: 0 1;
        background: $surface;
    }
    FindingsPanel:focus { border: round $accent; }
    """

    def __init__(self, section: Section | None, *, title: str = "Findings", **kwargs) -> None:
        super().__init__(**kwargs)
        self.section = section
        self.border_title = title
        self._body = ReadableStatic()
        self._shown: list[Finding] | None = None

    def compose(self) -> ComposeResult:
        yield self._body

    def show(self, findings: list[Finding]) -> None:
        mine = [f for f in findings if self.section is None or f.section == self.section]
        if mine == self._shown:
            return  # most edits leave the findings as they were: no redraw, no new layout
        self._shown = mine
        self._body.update(findings_content(mine, "Nothing to flag here right now."))
        self.border_subtitle = f"{len(mine)} found" if mine else ""


class FindingsList(PassStyle, ScrollView, can_focus=True):
    """Every finding, this screen's section first; enter (or a click) picks one.

    The scrollbar's gutter is kept even when no scrollbar shows, so the text is wrapped to
    the width it is drawn in (a scrollbar that came later covered its last letters).

    Line-rendered: each finding is wrapped once per width and cached, so a move that changes
    one message re-wraps one finding, not a hundred.
    """

    COMPONENT_CLASSES = {"findings--danger", "findings--warning", "findings--info",
                         "findings--code", "findings--cursor", "findings--empty"}
    DEFAULT_CSS = """
    FindingsList { height: 1fr; border: round $primary 60%; border-title-color: $text;
                   border-subtitle-color: $text; background: $surface; padding: 0 1;
                   scrollbar-gutter: stable; }
    FindingsList:focus { border: round $accent; }
    FindingsList > .findings--danger { color: $text-error; text-style: bold; }
    FindingsList > .findings--warning { color: $text-warning; text-style: bold; }
    FindingsList > .findings--info { color: $text-accent; text-style: bold; }
    FindingsList > .findings--code { text-style: bold; }
    FindingsList > .findings--cursor { background: $block-cursor-blurred-background; }
    FindingsList:focus > .findings--cursor { background: $block-cursor-background; }
    FindingsList > .findings--empty { color: $text-muted; text-style: italic; }
    """
    BINDINGS = [
        Binding("up", "step(-1)", "Previous", show=False, id="findings.previous"),
        Binding("down", "step(1)", "Next", show=False, id="findings.next"),
        Binding("enter", "choose", "Show program", id="findings.choose"),
    ]

    class Chosen(Message):
        def __init__(self, finding: Finding) -> None:
            super().__init__()
            self.finding = finding

    _border_row_only = False  # while the count is set (_show_count)

    def __init__(self, first: Section, **kwargs) -> None:
        super().__init__(**kwargs)
        self.first = first
        self.findings: list[Finding] = []
        self.highlighted: int | None = None
        self.border_title = "Findings"
        self._wrapped: dict[tuple[Finding, int], list[str]] = {}
        self._lines: list[tuple[int, int]] = []  # (finding index, line within it) per line
        self._width = 0

    def show(self, findings: list[Finding]) -> None:
        ordered = sorted(findings, key=lambda f: f.section != self.first)  # stable sort
        if ordered == self.findings:
            return
        before = self._lines_in_sight()
        self.findings = ordered
        if self.highlighted is not None:
            self.highlighted = min(self.highlighted, len(ordered) - 1) if ordered else None
        self._show_count(len(ordered))
        self._layout_lines(drawn=before)

    def _show_count(self, count: int) -> None:
        """"N found" on the bottom border. Textual's ``border_subtitle`` draws the whole
        widget again when set; the count is in the border's row alone, so only that row is."""
        subtitle = f"{count} found" if count else ""
        if subtitle == self.border_subtitle:
            return
        self._border_row_only = True
        try:
            self.border_subtitle = subtitle
        finally:
            self._border_row_only = False

    def refresh(self, *regions: Region, **kwargs) -> FindingsList:
        if self._border_row_only and not regions and not kwargs:
            offset, outer = self.content_offset, self.outer_size
            regions = (Region(-offset.x, outer.height - 1 - offset.y, outer.width, 1),)
        return super().refresh(*regions, **kwargs)

    def _wrap(self, finding: Finding) -> list[str]:
        key = (finding, self._width)
        lines = self._wrapped.get(key)
        if lines is None:
            body = textwrap.wrap(visible(finding.message), max(10, self._width)) or [""]
            lines = self._wrapped[key] = body
            if len(self._wrapped) > 4096:
                self._wrapped.clear()
        return lines

    def reset_height(self) -> None:
        """Let the height shrink to fit (on a new plan, not after every move)."""
        self._layout_lines(keep_height=False)

    def _lines_in_sight(self) -> list[tuple] | None:
        """What each line in sight shows, as a key that changes when its drawing does (None
        with no findings, where the one line says so, or with no lines in sight: its tab
        hidden, so the whole list is drawn again, as the odds chart is)."""
        if not self.findings or not self.scrollable_content_region.height:
            return None
        top = self.scroll_offset.y
        keys: list[tuple] = []
        for line in range(top, top + self.scrollable_content_region.height):
            if line >= len(self._lines) or self._lines[line][0] < 0:
                keys.append(())
                continue
            index, part = self._lines[line]
            finding = self.findings[index]
            shows = (finding.severity, finding.code) if part < 0 else self._wrap(finding)[part]
            keys.append((shows, index == self.highlighted))
        return keys

    def _layout_lines(self, keep_height: bool = True, drawn: list[tuple] | None = None) -> None:
        """The lines of the findings at the current width. ``drawn``: the lines in sight as
        drawn before (``_lines_in_sight``); only those that changed are drawn again (a move
        on the Rank list changes a finding or two, not the 14 lines in sight)."""
        width = self.scrollable_content_region.width or 30
        if width != self._width:
            drawn = None
        self._width = width
        lines: list[tuple[int, int]] = []
        for i, finding in enumerate(self.findings):
            if i:
                lines.append((-1, 0))  # a blank line between findings
            lines.append((i, -1))  # the heading
            lines.extend((i, j) for j in range(len(self._wrap(finding))))
        self._lines = lines
        # The height only grows between resets: a new height means a new layout of the whole
        # screen (tens of ms at 300 programs), and findings come and go with every move.
        height = max(1, len(lines), self.virtual_size.height if keep_height else 0)
        if self.virtual_size != Size(self._width, height):
            self.virtual_size = Size(self._width, height)
            drawn = None
        now = self._lines_in_sight() if drawn is not None else None
        if now is None or len(now) != len(drawn):  # type: ignore[arg-type]
            self.refresh()
            return
        top = self.scroll_offset.y
        for i, (was, shows) in enumerate(zip(drawn, now)):  # type: ignore[arg-type]
            if was != shows:
                self.refresh_line(top + i)

    def on_resize(self) -> None:
        self._layout_lines(keep_height=False)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line = y + self.scroll_offset.y
        base = self.rich_style
        if not self.findings:
            if line == 0:
                style = base + self.get_component_rich_style("findings--empty")
                return Strip([Segment("Nothing to flag right now.", style)]).adjust_cell_length(width, base)
            return Strip.blank(width, base)
        if line >= len(self._lines):
            return Strip.blank(width, base)
        index, part = self._lines[line]
        if index < 0:
            return Strip.blank(width, base)
        finding = self.findings[index]
        if index == self.highlighted:
            base = self._cursor_style(base)
        if part < 0:
            severity = self.get_component_rich_style(f"findings--{finding.severity.value}")
            code = self.get_component_rich_style("findings--code")
            segments = [Segment(finding.severity.upper(), self._readable(base + severity)),
                        Segment(" " + finding.code, self._readable(base + code))]
        else:
            segments = [Segment(self._wrap(finding)[part], self._readable(base))]
        return Strip(segments).adjust_cell_length(width, base)

    def _cursor_style(self, base: Style) -> Style:
        """The chosen finding's lines. In a theme of the terminal's own ANSI colours the
        terminal's text and background swapped (focused) or underlined: the theme's cursor
        colour behind the default text was 1.7:1 in ansi-dark, as in textual-light."""
        if self.app.current_theme.ansi:
            return base + (Style(reverse=True) if self.has_focus else Style(underline=True))
        return base + self.get_component_rich_style("findings--cursor")

    def _readable(self, style: Style) -> Style:
        """Text readable on its background in every theme (DESIGN §6), as the rank rows."""
        return readable_in(self.app, style)

    def _first_line(self, index: int) -> int:
        return next(i for i, (f, part) in enumerate(self._lines) if f == index and part < 0)

    def action_step(self, delta: int) -> None:
        if not self.findings:
            return
        current = -1 if self.highlighted is None else self.highlighted
        self.highlighted = max(0, min(current + delta, len(self.findings) - 1))
        first = self._first_line(self.highlighted)
        size = len(self._wrap(self.findings[self.highlighted])) + 1
        self.scroll_to_region(Region(0, first, 1, size), animate=False, immediate=True)
        self.refresh()

    def action_choose(self) -> None:
        if self.highlighted is not None and self.findings:
            self.post_message(self.Chosen(self.findings[self.highlighted]))

    def on_click(self, event: events.Click) -> None:
        line = event.y + self.scroll_offset.y
        if 0 <= line < len(self._lines) and self._lines[line][0] >= 0:
            self.highlighted = self._lines[line][0]
            self.refresh()
            self.action_choose()
