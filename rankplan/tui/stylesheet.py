"""The app's stylesheet: Textual's, which keeps what it parsed while the CSS variables stay.

Textual parses every CSS source again (the app's file and each widget's DEFAULT_CSS) each
time it re-reads its CSS, even with the same variables: in a fresh stylesheet, so that an
error leaves the old one in place, and with its parse cache emptied by ``set_variables``.
Before rankplan's first frame that happened three times (a saved theme, then the first
screen's mode): app.tcss alone took 8 ms a time, every source together 12-13 ms. This one
empties its cache only when the variables change, and a re-read takes the sources already
parsed with them from it; the fresh stylesheet and its error handling stay Textual's.
"""

from __future__ import annotations

from textual.cache import LRUCache
from textual.css.stylesheet import Stylesheet


class KeptStylesheet(Stylesheet):
    def __init__(self, *, variables: dict[str, str] | None = None) -> None:
        super().__init__(variables=variables)
        # Room for every source once all screens are built (Textual keeps 64).
        self._parse_cache = LRUCache(256)

    def set_variables(self, variables: dict[str, str]) -> None:
        if variables == self._variables:
            return  # the same: what was parsed with them holds
        super().set_variables(variables)

    def reparse(self) -> None:
        # Textual's reparse, but the new stylesheet starts from this one's parse cache (and
        # keeps it): it was made with the same variables (set_variables clears it).
        stylesheet = KeptStylesheet(variables=self._variables)
        stylesheet._parse_cache = self._parse_cache
        for read_from, (css, is_defaults, tie_breaker, scope) in self.source.items():
            stylesheet.add_source(css, read_from=read_from, is_default_css=is_defaults,
                                  tie_breaker=tie_breaker, scope=scope)
        try:
            stylesheet.parse()
        except Exception:
            self._invalid_css.update(stylesheet._invalid_css)
            raise
        self._rules = stylesheet.rules
        self._rules_map = None
        self.source = stylesheet.source
        self._require_parse = False
