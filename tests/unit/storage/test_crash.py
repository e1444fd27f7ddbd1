"""A save killed at any moment leaves the plan file whole: the old version or the new one.

A child process saves two different valid plans, A and B, in turn through ``PlanStore``
(holding its own lock; this process opens no store) until it is SIGKILLed at a random
moment. After every kill the plan file (and the backup) must parse with tomllib, validate,
and be exactly A or B. A kill in the middle of a write may leave one temporary
``.plan.toml.*.tmp`` file beside it, never more, and a save that is not killed leaves none.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
import tomllib
from pathlib import Path

import pytest

from helpers import ROOT
from rankplan.core.model import Plan
from rankplan.storage.read import read_plan
from rankplan.storage.validate import validate

KILLS = 40
# Most kills land in a save (about 40 ms each for these plans), a few before the first one.
MAX_DELAY = 0.25
# A slow disk: each flush of a temporary file takes this long more, so that a good share of
# the kills land between writing the temporary file and moving it into place.
SLOW_FLUSH = 0.02

CHILD = textwrap.dedent(
    """
    import sys
    import time
    from pathlib import Path

    from rankplan.storage import files
    from rankplan.storage.read import read_plan
    from rankplan.storage.store import PlanStore, SaveOutcome

    path, a_file, b_file = (Path(arg) for arg in sys.argv[1:4])
    limit = int(sys.argv[4])  # 0: save until killed
    slow = float(sys.argv[5])
    flush = files._flush_to_disk

    def slow_flush(fd):
        time.sleep(slow)
        flush(fd)

    files._flush_to_disk = slow_flush
    plans = [read_plan(a_file).plan, read_plan(b_file).plan]
    store = PlanStore.open(path)
    print("ready", flush=True)
    saves = 0
    while limit == 0 or saves < limit:
        saves += 1
        result = store.save(plans[saves % 2])
        if result.outcome is not SaveOutcome.SAVED:
            sys.exit(f"unexpected save outcome: {result}")
    store.close()
    print("done", saves, flush=True)
    """
)


def start_child(path: Path, a_file: Path, b_file: Path, limit: int = 0) -> subprocess.Popen[str]:
    args = [str(path), str(a_file), str(b_file), str(limit), str(SLOW_FLUSH)]
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        text=True,
    )


def whole_plan(path: Path) -> Plan:
    """The plan in ``path``, read strictly; fails the test if the file is not whole."""
    data = path.read_bytes()
    parsed = tomllib.loads(data.decode("utf-8"))
    plan, errors = validate(parsed)
    assert errors == [], errors
    assert plan is not None
    return plan


def temp_files(folder: Path) -> set[str]:
    return {p.name for p in folder.glob(".plan.toml.*.tmp")}


@pytest.fixture
def plans(tmp_path: Path, generate_plan) -> tuple[Path, Path, Plan, Plan]:
    """Plans A and B, both valid and different, in files outside the plan's folder."""
    sources = tmp_path / "sources"
    sources.mkdir()
    a_file, b_file = sources / "a.toml", sources / "b.toml"
    a_file.write_text(generate_plan(12, seed=1), encoding="utf-8")
    b_file.write_text(generate_plan(12, seed=2), encoding="utf-8")
    a, b = read_plan(a_file).plan, read_plan(b_file).plan
    assert a is not None and b is not None and a != b
    return a_file, b_file, a, b


def test_killed_saves_always_leave_a_whole_file(tmp_path: Path, plans) -> None:
    a_file, b_file, a, b = plans
    folder = tmp_path / "plans"
    folder.mkdir(mode=0o700)
    path = folder / "plan.toml"
    path.write_bytes(a_file.read_bytes())
    seed = random.randrange(2**32)
    rng = random.Random(seed)
    allowed = {"plan.toml", "plan.toml.bak", "plan.toml.lock"}
    temps: set[str] = set()
    mid_write = 0

    for kill in range(KILLS):
        where = f"kill {kill + 1} of {KILLS} (seed {seed})"
        child = start_child(path, a_file, b_file)
        try:
            assert child.stdout.readline().strip() == "ready", child.stderr.read()
            time.sleep(rng.uniform(0, MAX_DELAY))
            child.send_signal(signal.SIGKILL)
            child.wait(timeout=10)
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()
            stderr = child.stderr.read()
            child.stdout.close()
            child.stderr.close()
        assert child.returncode == -signal.SIGKILL, f"{where}: child ended by itself: {stderr}"

        assert whole_plan(path) in (a, b), where
        backup = folder / "plan.toml.bak"
        if backup.exists():
            assert whole_plan(backup) in (a, b), where
        new_temps = temp_files(folder) - temps
        assert len(new_temps) <= 1, f"{where}: {sorted(new_temps)}"
        mid_write += len(new_temps)
        temps |= new_temps
        assert {p.name for p in folder.iterdir()} <= allowed | temps, where

    assert len(temps) <= KILLS
    assert mid_write > 0, "no kill landed in a write: the test did not test much"
    print(f"\n{KILLS} kills, {mid_write} in the middle of a write (seed {seed})")


def test_saves_that_finish_leave_no_temporary_files(tmp_path: Path, plans) -> None:
    a_file, b_file, a, b = plans
    folder = tmp_path / "plans"
    folder.mkdir(mode=0o700)
    path = folder / "plan.toml"
    path.write_bytes(a_file.read_bytes())

    child = start_child(path, a_file, b_file, limit=5)
    out, err = child.communicate(timeout=60)

    assert child.returncode == 0, err
    assert out.split() == ["ready", "done", "5"]
    assert whole_plan(path) == b  # the fifth save wrote plans[5 % 2]
    assert whole_plan(folder / "plan.toml.bak") == a
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["plan.toml", "plan.toml.bak", "plan.toml.lock"]
