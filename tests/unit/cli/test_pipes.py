"""Every command that prints survives a reader that goes away (``rankplan ... | head -1``):
no BrokenPipeError traceback, the command's own exit status (issue 12 item 15)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ROOT

CSV = "name,specialty\nPipe General,Internal Medicine\n"


def run_into_a_closed_pipe(*args: str) -> tuple[int, str]:
    """Run ``python -m rankplan ARGS`` with its stdout a pipe already closed at our end."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first line is written
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "rankplan", *args],
            stdout=write_end, stderr=subprocess.PIPE, text=True, timeout=60, check=False,
            env={**os.environ, "PYTHONPATH": str(ROOT)}, cwd=ROOT,
        )
    finally:
        os.close(write_end)
    return proc.returncode, proc.stderr


@pytest.mark.parametrize("command", [
    ["import", "{csv}"], ["check"], ["export"], ["export", "--format", "csv"], ["path"],
    ["--version"], ["--help"], ["import", "--help"], ["demo", "--save", "{new}"],
])
def test_a_reader_that_goes_away_is_no_error(demo_path: Path, tmp_path: Path,
                                             command: list[str]) -> None:
    csv = tmp_path / "x.csv"
    csv.write_text(CSV, encoding="utf-8")
    args = [a.format(csv=csv, new=tmp_path / "new.toml") for a in command]

    status, err = run_into_a_closed_pipe("--file", str(demo_path), *args)

    assert "Traceback" not in err and "BrokenPipe" not in err, err
    assert status == 0, err
    if command == ["import", "{csv}"]:
        assert "Pipe General" in demo_path.read_text(encoding="utf-8")  # it did its work


def test_check_keeps_its_exit_status_when_the_reader_goes_away(plan_file) -> None:
    path = plan_file("schema = 1\nprofile = 3\n")
    status, err = run_into_a_closed_pipe("--file", str(path), "check")
    assert status == 2 and "Traceback" not in err, err
