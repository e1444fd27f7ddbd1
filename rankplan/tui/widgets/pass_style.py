"""``PassStyle``: a line-rendered widget's own Rich style, worked out once per drawing pass.

Textual's ``rich_style`` is not kept: each read walks the widget's ancestors and adds up
their backgrounds, colours and text styles (some 0.05 ms at the depth of the Rank list's
panels, more under a profiler). Our line-rendered widgets read it for each line, up to four
times a line: a move on the Rank list drew 13 bars of the odds chart at 0.24 ms a bar.
Within one pass of ``render_lines`` no style can change, so the first read in a pass is kept
until the pass ends (a pass that finds all its lines cached reads nothing).
"""

from __future__ import annotations

from rich.style import Style
from textual.geometry import Region
from textual.strip import Strip

_NOT_READ = None


class PassStyle:
    """Mixed in before a Textual widget class."""

    _in_pass = False
    _pass_style: Style | None = None

    def render_lines(self, crop: Region) -> list[Strip]:
        outer = self._in_pass, self._pass_style
        self._in_pass, self._pass_style = True, _NOT_READ
        try:
            return super().render_lines(crop)  # type: ignore[misc]
        finally:
            self._in_pass, self._pass_style = outer

    @property
    def rich_style(self) -> Style:
        """Textual's ``rich_style``: within a drawing pass, as first read in it."""
        if not self._in_pass:
            return super().rich_style  # type: ignore[misc]
        if self._pass_style is _NOT_READ:
            self._pass_style = super().rich_style  # type: ignore[misc]
        return self._pass_style
