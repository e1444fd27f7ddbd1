"""``KeptStylesheet``: a CSS re-read with the same variables parses no source again; new
variables (another theme) parse every source with them."""

from __future__ import annotations

import pytest
from textual.color import Color
from textual.css import stylesheet as textual_stylesheet

from rankplan.tui.stylesheet import KeptStylesheet

CSS = "Static { color: $accent; }\n#title { background: $panel; }\n"


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Each source Textual's parser is run on."""
    seen: list[str] = []
    real = textual_stylesheet.parse

    def counted(scope, css, read_from, **kwargs):
        seen.append(read_from[0])
        return real(scope, css, read_from, **kwargs)

    monkeypatch.setattr(textual_stylesheet, "parse", counted)
    return seen


def sheet(accent: str) -> KeptStylesheet:
    stylesheet = KeptStylesheet(variables={"accent": accent, "panel": "#202020"})
    stylesheet.add_source(CSS, read_from=("app.tcss", ""))
    stylesheet.add_source("Label { color: $panel; }", read_from=("Label", "DEFAULT_CSS"),
                          is_default_css=True)
    stylesheet.parse()
    return stylesheet


def colour(stylesheet: KeptStylesheet) -> Color:
    rule = next(r for r in stylesheet.rules if "Static" in r.selector_names)
    return rule.styles.color


def test_a_reread_with_the_same_variables_parses_nothing_again(parses) -> None:
    stylesheet = sheet("#ff0000")
    assert sorted(parses) == ["Label", "app.tcss"]
    stylesheet.set_variables({"accent": "#ff0000", "panel": "#202020"})
    stylesheet.reparse()
    stylesheet.reparse()
    assert sorted(parses) == ["Label", "app.tcss"]
    assert colour(stylesheet) == Color.parse("#ff0000")


def test_new_variables_parse_every_source_with_them(parses) -> None:
    stylesheet = sheet("#ff0000")
    stylesheet.set_variables({"accent": "#00ff00", "panel": "#202020"})
    stylesheet.reparse()
    assert sorted(parses) == ["Label", "Label", "app.tcss", "app.tcss"]
    assert colour(stylesheet) == Color.parse("#00ff00")
    stylesheet.set_variables({"accent": "#ff0000", "panel": "#202020"})  # and back
    stylesheet.reparse()
    assert colour(stylesheet) == Color.parse("#ff0000")


def test_a_source_added_later_is_parsed_once(parses) -> None:
    stylesheet = sheet("#ff0000")
    stylesheet.add_source("Button { color: $accent; }", read_from=("Button", "DEFAULT_CSS"),
                          is_default_css=True)
    stylesheet.reparse()
    stylesheet.reparse()
    assert sorted(parses) == ["Button", "Label", "app.tcss"]


def test_an_error_leaves_the_rules_as_they_were() -> None:
    stylesheet = sheet("#ff0000")
    rules = list(stylesheet.rules)
    stylesheet.add_source("Static { color: $nowhere; }", read_from=("bad.tcss", ""))
    with pytest.raises(Exception):  # noqa: B017, PT011 - Textual's own error for it
        stylesheet.reparse()
    assert stylesheet.rules == rules
