"""``PassStyle``: a line-rendered widget's own Rich style, worked out once per drawing pass.

Textual's ``rich_style`` is not kept: each read walks the widget's ancestors and adds up
their backgrounds, colours and text styles (some 0.05 ms at the depth of the Rank list's
panels, more under a profiler). Our line-rendered widgets read it for each line, up to four
times a line, and a move on the Rank list drew 13 bars of the odds chart at 0.24 ms a bar.
Within one pass of ``render_lines`` no style can change, so the pass reads it once.
"""

from __future__ import annotations

from rich.style import Style
from textual.geometry import Region
from textual.strip import Strip


class PassStyle:
    """Mixed in before a Textual widget class; its ``render_line`` reads ``base_style``."""

    _pass_style: Style | None = None

    def render_lines(self, crop: Region) -> list[Strip]:
        self._pass_style = self.rich_style  # type: ignore[attr-defined]
        try:
            return super().render_lines(crop)  # type: ignore[misc]
        finally:
            self._pass_style = None

    @property
    def base_style(self) -> Style:
        """``rich_style``, as read at the start of this drawing pass (outside one, afresh)."""
        style = self._pass_style
        return self.rich_style if style is None else style  # type: ignore[attr-defined]
