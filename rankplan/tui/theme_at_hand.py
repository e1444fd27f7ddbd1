"""``ThemeAtHand``: the app's theme found without copying the table of themes.

Textual looks the current theme up for every line a widget draws (its ANSI colours), and
each look-up copies the table of registered themes and splits the theme's name on commas:
some 20 look-ups a key on the Debrief form, 0.3-0.4 ms in a slow hour. The app's theme is
always one registered name (Textual checks it when it is set), found here directly.
"""

from __future__ import annotations

from textual.theme import Theme


class ThemeAtHand:
    """Mixed in before Textual's ``App``."""

    @property
    def current_theme(self) -> Theme:
        theme = self._registered_themes.get(self.theme)  # type: ignore[attr-defined]
        return theme if theme is not None else super().current_theme  # type: ignore[misc]
