"""``PlanCompositor``: Textual's compositor, drawing less of what did not change.

Two habits of Textual's compositor cost the plan screens time on every key:

- It takes a repainted widget it does not see on screen for a new one and drops its map of
  every widget, which the next question about any widget's place rebuilds (about 5 ms on the
  Debrief form, where choosing another interview refills fields scrolled out of sight). A
  widget the map already holds is not new: the map stays.
- It draws every widget that overlaps the bounding box of a frame's changes. Choosing another
  interview changes the list on the left and fields down the form on the right, a box that
  covers the screen: some 55 widgets drawn for 20 that changed. Only the widgets that
  overlap a changed region are drawn here, each in the rows from its first changed one to
  its last. The lines written are the same: Textual writes only what lies inside the
  changed regions, and each cell there belongs to a widget that overlaps one of them, in
  one of the rows drawn.
"""

from __future__ import annotations

from textual._compositor import ChopsUpdate, Compositor
from textual.geometry import Region


class PlanCompositor(Compositor):
    def __init__(self) -> None:
        super().__init__()
        self._changed: list[Region] | None = None  # this frame's regions, while drawing it

    def update_widgets(self, widgets: set) -> None:
        known = not self._full_map_invalidated and widgets <= self._full_map.keys()
        super().update_widgets(widgets)
        if known:
            self._full_map_invalidated = False

    def out_of_sight(self, widget) -> bool:
        """Nothing of ``widget`` was in view in the last frame drawn (a scroll since then,
        not yet drawn, is not seen: one frame late)."""
        visible = self.visible_widgets
        return bool(visible) and widget not in visible

    def render_partial_update(self) -> ChopsUpdate | None:
        self._changed = list(self._dirty_regions)
        try:
            return super().render_partial_update()
        finally:
            self._changed = None

    def _get_renders(self, crop: Region | None = None):
        changed = self._changed
        if crop is None or changed is None or len(changed) < 2:
            yield from super()._get_renders(crop)
            return
        # Textual's own loop, but a widget is drawn when what shows of it overlaps a changed
        # region (Textual asks whether its container's visible part overlaps the crop), and
        # only in the rows from its first changed one to its last (Textual draws every row
        # of it, and writes only the changed ones).
        for widget, (region, clip) in self.visible_widgets.items():
            shown = region.intersection(clip)
            top = bottom = None
            for each in changed:
                if shown.overlaps(each):
                    y1, y2 = max(shown.y, each.y), min(shown.bottom, each.bottom)
                    top = y1 if top is None else min(top, y1)
                    bottom = y2 if bottom is None else max(bottom, y2)
            if top is None:
                continue
            rows = Region(shown.x, top, shown.width, bottom - top)
            yield region, rows, widget.render_lines(rows.translate(-region.offset))
