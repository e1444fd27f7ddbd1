"""``KeptLines``: a field of a few values draws each value once, and again from memory.

Choosing another interview on the Debrief form changes a dozen choices and boxes, and
Textual draws each changed one afresh: its colours worked out from its ancestors, its line
drawn, then padded and styled by its styles cache (0.25-0.3 ms a field in a slow hour, some
3 ms a record). Such a field shows one of a few values: walking down the list, the same
few lines come back again and again. A ``KeptLines`` widget keeps the lines it drew for
each value, and hands them back when it is asked for the same lines of the same value in
the same look:

- the value, and whatever the widget says names its text (``kept_key``);
- the rows asked for and the widget's size;
- the widget's own styles as they stand (a style set from code counts, which refreshes the
  widget without restyling it);
- its ancestors' backgrounds, which show through it and do not restyle it;
- the theme and the app's line filters.

Anything else that changes a widget's look (focus, hover, a class, a theme) restyles it,
and a restyle forgets every line kept. A selection is drawn the long way.
"""

from __future__ import annotations

from collections.abc import Hashable

from textual.geometry import Region
from textual.strip import Strip

KEPT_LOOKS = 32  # looks kept per widget: more are forgotten all at once


class KeptLines:
    """Mixed in before a Textual widget class."""

    _kept: dict[tuple, list[Strip]] | None = None

    def kept_key(self) -> Hashable:
        """What names the widget's text: its value (and label, if the widget's text can
        change without a restyle)."""
        raise NotImplementedError

    def render_lines(self, crop: Region) -> list[Strip]:
        if self.text_selection is not None:  # type: ignore[attr-defined]
            return super().render_lines(crop)  # type: ignore[misc]
        app = self.app  # type: ignore[attr-defined]
        look = (self.kept_key(), crop, self.size, self.styles._cache_key,  # type: ignore[attr-defined]
                self.background_colors, app.theme,  # type: ignore[attr-defined]
                tuple(map(id, app.get_line_filters())))
        kept = self._kept
        if kept is None:
            kept = self._kept = {}
        strips = kept.get(look)
        if strips is not None:
            # The styles cache holds another value's lines now: drawn again if asked.
            self._styles_cache.clear()  # type: ignore[attr-defined]
            return strips
        strips = super().render_lines(crop)  # type: ignore[misc]
        if len(kept) >= KEPT_LOOKS:
            kept.clear()
        kept[look] = strips
        return strips

    def notify_style_update(self) -> None:
        super().notify_style_update()  # type: ignore[misc]
        if self._kept:
            self._kept.clear()
