"""DESIGN §6: a checkbox changes only with space or a click, so every checkbox of the app is
``rankplan.tui.widgets.checkbox.Checkbox`` (Textual's own also toggles on enter)."""

from __future__ import annotations

import ast

from helpers import ROOT

TOGGLES = {"Checkbox", "ToggleButton", "RadioButton", "RadioSet", "Switch"}
OWN = ROOT / "rankplan" / "tui" / "widgets" / "checkbox.py"


def test_no_module_but_ours_uses_textuals_toggles() -> None:
    found = []
    for path in sorted((ROOT / "rankplan").rglob("*.py")):
        if path == OWN:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("textual"):
                found += [f"{path.relative_to(ROOT)}: {a.name}" for a in node.names
                          if a.name in TOGGLES]
            elif isinstance(node, ast.Attribute) and node.attr in TOGGLES and (
                    isinstance(node.value, ast.Name) and node.value.id == "widgets"):
                found.append(f"{path.relative_to(ROOT)}: widgets.{node.attr}")
    assert found == []


def test_our_checkbox_toggles_on_space_only() -> None:
    from rankplan.tui.widgets.checkbox import Checkbox

    keys = Checkbox._merged_bindings.key_to_bindings
    assert sorted(keys) == ["space"]
    assert [b.action for b in keys["space"]] == ["toggle_button"]
