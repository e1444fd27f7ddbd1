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
- Among those, it draws the widgets hidden behind others where the frame changed: a form's
  row behind its changed field, the form and the screen behind everything. Here a widget
  whose changed cells are all covered by the widgets drawn in front of it is not drawn at
  all (10-11 rows and 4 containers on each Debrief record change, about 1.3 ms in a slow
  hour). Each part of a line Textual writes lies under one front-most widget, which is
  drawn; what a skipped widget would have drawn is never written. This takes a widget to
  draw every cell of the rows it is asked for, as Textual's styles cache (which pads each
  line to the widget's width) and ``Still`` do: a shorter line would leave its last cells
  to a widget behind that may have been skipped.
"""

from __future__ import annotations

from bisect import bisect_left, insort

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
        # region (Textual asks whether its container's visible part overlaps the crop), only
        # in the rows from its first changed one to its last (Textual draws every row of it,
        # and writes only the changed ones), and not at all when the widgets in front of it
        # (drawn first: the first line drawn in a cell wins) already cover every changed cell
        # it overlaps (a form row behind its changed field).
        written: dict[int, list[tuple[int, int]]] = {}  # row: its changed spans
        for each in changed:
            for y in range(each.y, each.bottom):
                written.setdefault(y, []).append((each.x, each.right))
        rows_written = sorted(written)
        drawn: dict[int, list[tuple[int, int]]] = {}  # row: the spans drawn on it so far
        for widget, (region, clip) in self.visible_widgets.items():
            shown = region.intersection(clip)
            lines = changed_rows(shown, rows_written, written)
            if not lines:
                continue
            x1, x2 = shown.x, shown.right
            if not any(shows_through(drawn.get(y), written[y], x1, x2) for y in lines):
                continue
            for y in lines:
                insort(drawn.setdefault(y, []), (x1, x2))
            top = lines[0]
            rows = Region(x1, top, shown.width, lines[-1] + 1 - top)
            yield region, rows, widget.render_lines(rows.translate(-region.offset))


def changed_rows(shown: Region, rows_written: list[int],
                 written: dict[int, list[tuple[int, int]]]) -> list[int]:
    """The changed rows (``rows_written``, ascending, with their spans in ``written``) from
    the first in which a changed span overlaps ``shown`` to the last: the rows of it to draw,
    none if no changed cell lies in it. (Asking each changed region whether it overlaps
    each widget took some 3 ms a Debrief record change: 70 widgets by 17 regions.)"""
    x1, y1, width, height = shown
    if width <= 0 or height <= 0:
        return []
    x2 = x1 + width
    lo, hi = bisect_left(rows_written, y1), bisect_left(rows_written, y1 + height)
    first = last = None
    for i in range(lo, hi):
        if any(start < x2 and end > x1 for start, end in written[rows_written[i]]):
            if first is None:
                first = i
            last = i
    return [] if first is None else rows_written[first:last + 1]


def shows_through(drawn: list[tuple[int, int]] | None, changed: list[tuple[int, int]],
                  x1: int, x2: int) -> bool:
    """True if a changed cell of a row between columns ``x1`` and ``x2`` is not covered by
    the ``drawn`` spans (sorted) of the widgets in front."""
    for start, end in changed:
        lo, hi = max(start, x1), min(end, x2)
        if lo < hi and not covers(drawn, lo, hi):
            return True
    return False


def covers(spans: list[tuple[int, int]] | None, x1: int, x2: int) -> bool:
    """True if the sorted ``spans`` together cover the columns from ``x1`` to ``x2``."""
    if not spans:
        return False
    reach = x1
    for start, end in spans:
        if start > reach:
            return False
        if end > reach:
            reach = end
            if reach >= x2:
                return True
    return reach >= x2
