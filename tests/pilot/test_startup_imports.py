"""Nothing the first screen does not need is imported before the first frame."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date

import pytest
from helpers import DEMO, ROOT

from rankplan.core.rules import evaluate
from rankplan.storage.read import read_plan

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


# As the command line starts the app: the plan read, and its findings worked out, in the
# child that reads it ahead (storage/ahead.py). The rules and the odds come after the frame.
RULES = ["rankplan.core.rules", "rankplan.core.odds", "rankplan.core.schedule"]

def from_the_command_line(probe_class: str) -> str:
    """A child script that starts the app through ``cli.run_tui`` with ``probe_class`` (the
    source of a ``Probe`` subclass of the app's class, which fills ``seen``) in its place,
    headless, and prints ``[exit code, *seen]``."""
    return f"""
import json, sys
from pathlib import Path
import rankplan.tui.app as app_module
from rankplan import cli

seen = []

class Headless(app_module.RankPlanApp):
    def run(self, **kwargs):
        return super().run(headless=True, size=(80, 24))

{probe_class}
app_module.RankPlanApp = Probe  # what cli.run_tui imports and starts
code = cli.run_tui(Path(sys.argv[1]), read_only=sys.argv[2] == "read-only")
print(json.dumps([code, *seen]))
"""


CLI_CHILD = from_the_command_line("""
class Probe(Headless):
    def post_display_hook(self):
        super().post_display_hook()
        if not seen and not self._batch_count:
            seen.append(sorted(m for m in sys.modules if m.startswith(tuple(HEAVY))))
            seen.append([f.line() for f in self.findings])
            # help (F1) may come before the app imports the rules: its table lists them
            seen.append("| PR01 |" in self.screen.help_markdown())
            self.call_later(self.exit)
""")


def probe(tmp_path, plan, mode: str = "read-only", child: str = CHILD,
          heavy: list[str] = HEAVY):
    """What was imported, mounted and started when the first frame was handed over."""
    script = f"HEAVY = {heavy!r}\n{child}"
    out = subprocess.run(
        [sys.executable, "-c", script, str(plan), mode],
        capture_output=True, text=True, cwd=ROOT, timeout=60,
        env={"PYTHONPATH": str(ROOT), "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path),
             "XDG_DATA_HOME": str(tmp_path), "PATH": "/usr/bin:/bin",
             "RANKPLAN_TODAY": "2026-12-01"},
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


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no reading child here")
@pytest.mark.parametrize("mode", ["read-only", "writable"])
def test_started_from_the_command_line_the_rules_wait_for_the_first_frame(
        tmp_path, mode: str) -> None:
    """The findings on the first frame are the rules' own, worked out by the reading child:
    the interface imports no rule before its first frame."""
    plan = tmp_path / "plan.toml"
    plan.write_bytes(DEMO.read_bytes())
    code, loaded, lines, help_lists_rules = probe(tmp_path, plan, mode, CLI_CHILD,
                                                  HEAVY + RULES)
    assert code == 0
    assert help_lists_rules
    assert loaded == [], f"imported before the first frame: {loaded}"
    expected = evaluate(read_plan(plan).plan, date(2026, 12, 1))
    assert lines == [f.line() for f in expected]
    assert lines  # the demo plan has findings: the list is not empty by accident


BUILDS_CHILD = from_the_command_line("""
class Probe(Headless):
    async def _build_hidden(self, build):
        if not seen:  # the first screen built while idle
            seen.append("rankplan.core.rules" in sys.modules)
            self.call_later(self.exit)
""")


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no reading child here")
def test_what_an_edit_needs_is_imported_before_the_idle_builds(tmp_path) -> None:
    """The idle builds take a second or two: an edit made meanwhile must not import the
    rules between its key and its frame."""
    assert probe(tmp_path, DEMO, child=BUILDS_CHILD) == [0, True]


async def test_started_with_findings_the_app_shows_them_and_runs_no_rule(
        demo_path, monkeypatch) -> None:
    from rankplan.core import rules
    from rankplan.core.findings import Finding, Section, Severity
    from rankplan.tui.app import RankPlanApp
    from rankplan.tui.widgets.findings import FindingsPanel

    given = [Finding("PX99", Severity.WARNING, "as the reading child found it",
                     Section.PROFILE)]
    ran = []
    monkeypatch.setattr(rules, "evaluate", lambda *args: ran.append(args) or [])
    app = RankPlanApp(demo_path, today=date(2026, 12, 1), findings=given)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.findings == given
        assert ran == []
        panel = app.screen.query_one(FindingsPanel)
        assert "as the reading child found it" in str(panel.query_one("Static").render())
        assert panel.border_subtitle == "1 found"


async def test_the_odds_are_there_once_the_first_frame_is_out(demo_path) -> None:
    from rankplan.core.odds import match_odds
    from rankplan.tui.app import RankPlanApp

    app = RankPlanApp(demo_path)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app._odds is not None  # worked out after the first frame, unasked
        assert app.odds == match_odds(app.plan)
