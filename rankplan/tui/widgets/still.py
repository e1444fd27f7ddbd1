"""``Still``: a widget that sits unchanged while the screen around it is redrawn.

Textual redraws every widget that overlaps the bounding box of a frame's changes. On the
Debrief form a record change touches fields from the name down to the notes, so every label
and row between them is drawn again, each through the same preamble (its colours worked out
from its ancestors, its line filters, its box) before Textual finds all its lines in its
cache: about 0.07 ms a widget, forty of them per record. A ``Still`` widget whose lines are
all cached and clean hands them back at once: the very strips Textual's cache would give.
Anything that would change them (a refresh, new styles, another size) marks them dirty or
clears the cache, and the ordinary path runs.
"""

from __future__ import annotations

from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.geometry import Region
from textual.strip import Strip


class Still:
    """Mixed in before a Textual widget class."""

    def render_lines(self, crop: Region) -> list[Strip]:
        cache = self._styles_cache  # type: ignore[attr-defined]
        if not cache._dirty_lines and cache._width == self.size.width:  # type: ignore[attr-defined]
            lines = cache._cache
            strips = [lines.get(y) for y in crop.line_range]
            if None not in strips:
                # The app's line filters, as Textual applies them (outside its cache; a strip
                # keeps what each filter made of it): in every theme but the ANSI ones, one
                # turns ANSI colours into the theme's.
                filters = self.app.get_line_filters()  # type: ignore[attr-defined]
                if filters:
                    background = self.background_colors[1]  # type: ignore[attr-defined]
                    for line_filter in filters:
                        strips = [strip.apply_filter(line_filter, background)  # type: ignore[union-attr]
                                  for strip in strips]
                x1, x2 = crop.column_span
                if (x1, x2) != (0, cache._width):
                    return [strip.crop(x1, x2) for strip in strips]  # type: ignore[union-attr]
                return strips  # type: ignore[return-value]
        return super().render_lines(crop)  # type: ignore[misc]


class StillHorizontal(Still, Horizontal):
    pass


class StillVertical(Still, Vertical):
    pass


class StillScroll(Still, VerticalScroll):
    pass
