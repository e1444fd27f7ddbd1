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
    first = None

    def post_display_hook(self):
        # Textual calls this after the displays it skips inside its start-up batch too; the
        # first outside the batch is the first frame handed to the terminal.
        super().post_display_hook()
        if self.loaded is None and not self._batch_count:
            self.loaded = sorted(m for m in sys.modules if m.startswith(tuple(HEAVY)))
            self.first = {
                "later parts": len(self.screen.query("LaterPart")),
                "helper": type(self.store._renderer).__name__,
                "odds worked out": getattr(self, "_odds", "?") is not None,
            }
            self.call_later(self.exit)

app = Probe(Path(sys.argv[1]), read_only=sys.argv[2] == "read-only")
app.run(headless=True, size=(80, 24))
print(json.dumps([app.loaded, app.first]))
"""


def probe(tmp_path, plan, mode: str = "read-only"):
    """What was imported, mounted and started when the first frame was handed over."""
    script = f"HEAVY = {HEAVY!r}\n{CHILD}"
    out = subprocess.run(
        [sys.executable, "-c", script, str(plan), mode],
        capture_output=True, text=True, cwd=ROOT, timeout=60,
        env={"PYTHONPATH": str(ROOT), "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path),
             "XDG_DATA_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    assert out.returncode == 0, out.stderr
    # The probe quits as soon as the first frame is out, as the deferred work begins: that
    # work must give way, not fail (the lower half mounting into a closing app did).
    assert "Traceback" not in out.stdout + out.stderr, out.stdout + out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_first_frame_imports_nothing_heavy(tmp_path) -> None:
    loaded, _ = probe(tmp_path, DEMO)
    assert loaded == [], f"imported before the first frame: {loaded}"


def test_the_lower_half_and_the_helper_wait_for_the_first_written_frame(tmp_path) -> None:
    """So do the match odds, which only the Rank list shows. Not merely the first display: Textual's first ones are skipped inside its start-up
    batch, and work queued behind them still comes before anything reaches the terminal."""
    plan = tmp_path / "plan.toml"
    plan.write_bytes(DEMO.read_bytes())
    loaded, first = probe(tmp_path, plan, "writable")
    assert first == {"later parts": 0, "helper": "LocalRenderer", "odds worked out": False}
    assert loaded == []


async def test_the_odds_are_there_once_the_first_frame_is_out(demo_path) -> None:
    from rankplan.core.odds import match_odds
    from rankplan.tui.app import RankPlanApp

    app = RankPlanApp(demo_path)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app._odds is not None  # worked out after the first frame, unasked
        assert app.odds == match_odds(app.plan)
