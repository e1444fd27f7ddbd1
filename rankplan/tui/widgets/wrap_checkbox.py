"""A checkbox whose label wraps onto more lines in a narrow form instead of being cut."""

from __future__ import annotations

from textual.geometry import Size

from rankplan.tui.widgets.checkbox import Checkbox  # enter never ticks it (DESIGN §6)


class WrapCheckbox(Checkbox):
    DEFAULT_CSS = """
    WrapCheckbox { width: 1fr; height: auto; text-wrap: wrap; text-overflow: fold; }
    """

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return max(1, self.render().get_height(self.styles, width))
