"""The real console entry: ``python -m rankplan`` in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from helpers import ROOT

from rankplan import __version__, cli


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "rankplan", *args],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=60, check=False,
    )


def test_python_m_rankplan_version() -> None:
    result = run("--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"rankplan {__version__}"


def test_python_m_rankplan_check_on_a_bad_file(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text("schema = 1\n[profile]\nname = \n", encoding="utf-8")
    before = path.read_bytes()
    result = run("--file", str(path), "check")
    assert result.returncode == 2, result.stderr
    assert result.stdout.startswith(f"{path}:3:")
    assert result.stderr == ""
    assert path.read_bytes() == before


def test_python_m_rankplan_path_follows_the_environment(tmp_path: Path) -> None:
    result = run("path")
    assert result.returncode == 0, result.stderr
    assert Path(result.stdout.strip()) == Path(os.environ["XDG_DATA_HOME"]) / "rankplan" / "plan.toml"


def test_the_command_line_owns_the_collector_only_while_the_app_runs(demo_path: Path,
                                                                     monkeypatch) -> None:
    """run_tui turns garbage collection off for start-up, collects the young generation less
    often and marks the app as owning the process (it freezes and re-enables collection once
    ready); afterwards collection is on again, as often as before."""
    import gc

    from rankplan.tui.app import RankPlanApp

    seen = {}

    def fake_run(self, *args, **kwargs):
        seen["collecting"] = gc.isenabled()
        seen["owns"] = self.owns_process
        seen["young"] = gc.get_threshold()[0]

    before = gc.get_threshold()
    monkeypatch.setattr(RankPlanApp, "run", fake_run)
    assert cli.run_tui(demo_path) == 0
    assert seen == {"collecting": False, "owns": True, "young": cli.YOUNG_OBJECTS}
    assert gc.isenabled()
    assert gc.get_threshold() == before
    assert RankPlanApp.owns_process is False  # apps made elsewhere (tests) never freeze


def test_a_ctrl_c_anywhere_in_the_command_ends_it_without_a_traceback(monkeypatch,
                                                                     capsys) -> None:
    """The KeyboardInterrupt goes on, so that Python ends the program by the signal as it
    does (a shell then knows the user stopped it), with a hook that prints nothing for it
    (and the usual traceback for anything else)."""
    import sys

    import pytest

    from rankplan import launch

    def interrupted(argv=None) -> int:
        print("partial output")
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "main", interrupted)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back after the test
    with pytest.raises(KeyboardInterrupt) as raised:
        launch.run()
    assert sys.excepthook is launch.quiet_interrupt
    sys.excepthook(raised.type, raised.value, raised.tb)
    out = capsys.readouterr()
    assert out.out == "partial output\n" and out.err == ""
    try:
        raise ValueError("a real fault")
    except ValueError as error:
        sys.excepthook(ValueError, error, error.__traceback__)
    assert "ValueError: a real fault" in capsys.readouterr().err
