"""A table drawn at its full height inside a scrolling page.

A table with a height limit inside a page that scrolls makes two scrollbars, one inside the
other, and a wheel or a key scrolls one or the other depending on where the pointer or cursor
is. A ``PageTable`` has no height limit: the page is the one thing that scrolls, and moving
the cursor scrolls the page so the cursor row stays in sight.
"""

from __future__ import annotations

from textual.geometry import Region, Spacing
from textual.widget import Widget

from rankplan.tui.widgets.readable_table import ReadableTable


def scrolling_page(widget: Widget) -> Widget | None:
    """The nearest ancestor of ``widget`` that scrolls vertically."""
    for node in widget.ancestors:
        if isinstance(node, Widget) and node.styles.overflow_y in ("auto", "scroll"):
            return node
    return None


class PageTable(ReadableTable):
    DEFAULT_CSS = "PageTable { height: auto; max-height: initial; }"

    def reveal_cursor(self) -> None:
        """Scroll the page so the cursor row (with a line or two around it) is in sight."""
        page = scrolling_page(self)
        if page is None or not self.row_count or not self.region:
            return
        row = self._get_row_region(self.cursor_row)
        top = self.content_region.y + row.y - int(self.scroll_y)
        y = top - page.scrollable_content_region.y + int(page.scroll_y)
        page.scroll_to_region(Region(0, y, 1, max(1, row.height)), spacing=Spacing(2, 0, 2, 0),
                              animate=False, immediate=True, force=True)

    def _scroll_cursor_into_view(self, animate: bool = False) -> None:
        super()._scroll_cursor_into_view(animate)
        if self.has_focus:
            self.reveal_cursor()
