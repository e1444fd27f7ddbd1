"""A checkbox shows its state as a glyph, not only as the colour of its mark (DESIGN §6).

Textual's checkbox draws the same "X" whether on or off and tells them apart by colour alone.
``install()``, run once as the app module loads, makes every checkbox of the app (Textual's and
any subclass, such as the Enter-safe one in ``checkbox.py``) draw "X" when on and a blank
when off, inside the same half-block box. Radio buttons keep their own dot.
"""

from __future__ import annotations

ON, OFF = "X", " "


def _inner(self) -> str:
    return ON if self.value else OFF


def install() -> None:
    from textual.widgets import Checkbox

    if not isinstance(Checkbox.__dict__.get("BUTTON_INNER"), property):
        Checkbox.BUTTON_INNER = property(_inner)  # type: ignore[assignment]
