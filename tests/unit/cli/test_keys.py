"""rankplan keys (every binding with its id) and rankplan path --settings."""

from __future__ import annotations

import os
import re
from collections import Counter
from pathlib import Path

from rankplan.cli import main
from rankplan.tui.keymap import bindings


def test_path_settings_prints_the_folder_of_settings_and_keymap(capsys) -> None:
    assert main(["path", "--settings"]) == 0
    out = capsys.readouterr().out
    assert out == str(Path(os.environ["XDG_CONFIG_HOME"]) / "rankplan") + "\n"


def test_every_binding_has_an_id_and_none_twice_in_one_place() -> None:
    found = bindings()
    assert len(found) > 60
    assert [b for b in found if not b.id] == []
    assert all(re.fullmatch(r"[a-z]+\.[a-z_-]+", b.id) for b in found), found
    assert all(b.where for b in found), [b.id for b in found if not b.where]
    twice = [key for key, n in Counter((b.where, b.id) for b in found).items() if n > 1]
    assert twice == []


def test_keys_lists_every_binding_with_keys_place_and_description(capsys) -> None:
    assert main(["keys"]) == 0
    lines = capsys.readouterr().out.splitlines()
    rows = {line.split()[0]: line for line in lines[1:] if line.strip() and "." in line.split()[0]}
    for b in bindings():
        assert b.id in rows
        assert b.keys in rows[b.id] and b.description in rows[b.id] and b.where in rows[b.id]
    assert re.search(r'"app\.rank" = "f9"', lines[-1])
    assert "keymap.toml" in lines[-1]
    # the walk found the widgets' bindings too, not only the screens'
    assert {"rank.move_up", "week.copy", "soap.toggle", "choice.open", "app.rank"} <= set(rows)
