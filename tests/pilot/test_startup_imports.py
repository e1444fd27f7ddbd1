"""Nothing the first screen does not need is imported before the first frame."""

from __future__ import annotations

import json
import subprocess
import sys

from helpers import DEMO, ROOT

HEAVY = [
    "tomlkit",  # the layout-keeping parse waits for a worker after the first frame
    "rankplan.storage.document",
    "rankplan.exchange",
    "rankplan.tui.screens.debrief",
    "rankplan.tui.screens.rank",
    "rankplan.tui.screens.schedule",
    "rankplan.tui.screens.help",
    "textual.widgets._markdown",
    "rankplan.tui.screens.profile_later",  # the exam table and the story come after it
    "textual.widgets._data_table",
    "textual.widgets._text_area",
]

CHILD = """
import json, sys
from pathlib import Path
from rankplan.tui.app import RankPlanApp

class Probe(RankPlanApp):
    loaded = None

    def post_display_hook(self):  # the first frame handed to the terminal
        if self.loaded is None:
            self.loaded = sorted(m for m in sys.modules if m.startswith(tuple(HEAVY)))

    def on_ready(self):
        self.exit()

app = Probe(Path(sys.argv[1]), read_only=True)
app.run(headless=True, size=(80, 24))
print(json.dumps(app.loaded))
"""


def test_first_frame_imports_nothing_heavy(tmp_path) -> None:
    script = f"HEAVY = {HEAVY!r}\n{CHILD}"
    out = subprocess.run(
        [sys.executable, "-c", script, str(DEMO)],
        capture_output=True, text=True, cwd=ROOT, timeout=60,
        env={"PYTHONPATH": str(ROOT), "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path),
             "PATH": "/usr/bin:/bin"},
    )
    assert out.returncode == 0, out.stderr
    loaded = json.loads(out.stdout.strip().splitlines()[-1])
    assert loaded == [], f"imported before the first frame: {loaded}"
