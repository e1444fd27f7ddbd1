"""``PassStyle``: a line-rendered widget's own Rich style, worked out once per drawing pass.

Textual's ``rich_style`` is not kept: each read walks the widget's ancestors and adds up
their backgrounds, colours and text styles (some 0.05 ms at the depth of the Rank list's
panels, more under a profiler). Our line-rendered widgets read it for each line, up to four
times a line, and Textual reads it again as it draws each line: a move on the Rank list drew
13 bars of the odds chart at 0.24 ms a bar. Within one pass of ``render_lines`` no style can
change, so ``rich_style`` is read once a pass and kept until the pass ends.
"""

from __future__ import annotations

from rich.style import Style
from textual.geometry import Region
from textual.strip import Strip


class PassStyle:
    """Mixed in before a Textual widget class."""

    _pass_style: Style | None = None

    def render_lines(self, crop: Region) -> list[Strip]:
        self._pass_style = self.rich_style
        try:
            return super().render_lines(crop)  # type: ignore[misc]
        finally:
            self._pass_style = None

    @property
    def rich_style(self) -> Style:
        """Textual's ``rich_style``: within a drawing pass, as read at its start."""
        style = self._pass_style
        return super().rich_style if style is None else style  # type: ignore[misc]
