"""Reading the plan ahead, in a forked child, while the app is imported (issue 16): the
same reading as ``read_plan``, errors word for word, whatever goes wrong in the child."""

from __future__ import annotations

import os
import time
from datetime import date
from pathlib import Path

import pytest

from rankplan import cli
from rankplan.core.rules import evaluate
from rankplan.storage import ahead
from rankplan.storage.errors import PlanBusyError
from rankplan.storage.read import read_plan
from rankplan.storage.store import PlanStore

needs_fork = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork here")

FILES = {
    "valid": None,  # the demo plan
    "bad value": b"schema = 1\n[profile]\nname = 3\n",
    "bad toml": b"schema = 1\n[profile\nname = 'x'\n",
    "not utf-8": b"schema = 1\n# caf\xe9\n",
    "bom": b"\xef\xbb\xbfschema = 1\n",
    "empty": b"",
}


def plan_file(tmp_path: Path, demo_path: Path, kind: str) -> Path:
    if FILES[kind] is None:
        return demo_path
    path = tmp_path / "plan.toml"
    path.write_bytes(FILES[kind])
    return path


def same(reading, b) -> None:
    a = reading.loaded
    assert (a.plan, a.errors, a.text, a.data) == (b.plan, b.errors, b.text, b.data)


def test_a_fork_that_fails_leaves_no_pipe_open(demo_path: Path, monkeypatch) -> None:
    opened: list[int] = []
    real_pipe = os.pipe

    def pipe() -> tuple[int, int]:
        fds = real_pipe()
        opened.extend(fds)
        return fds

    def fork() -> int:
        raise OSError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "pipe", pipe)
    monkeypatch.setattr(os, "fork", fork)
    same(ahead.read_ahead(demo_path).take(), read_plan(demo_path))
    assert len(opened) == 2
    for fd in opened:
        with pytest.raises(OSError):
            os.fstat(fd)  # closed


@needs_fork
@pytest.mark.parametrize("kind", list(FILES))
def test_ahead_reads_what_read_plan_reads(kind: str, tmp_path: Path, demo_path: Path) -> None:
    path = plan_file(tmp_path, demo_path, kind)
    same(ahead.read_ahead(path).take(), read_plan(path))


def test_a_missing_file_says_what_read_plan_says(tmp_path: Path) -> None:
    path = tmp_path / "none.toml"
    same(ahead.read_ahead(path).take(), read_plan(path))


@needs_fork
def test_the_reading_is_done_in_another_process(tmp_path: Path, demo_path: Path,
                                                monkeypatch) -> None:
    where = tmp_path / "pid"
    real = ahead.loaded_from

    def spy(data: bytes):
        where.write_text(str(os.getpid()))
        return real(data)

    monkeypatch.setattr(ahead, "loaded_from", spy)
    loaded = ahead.read_ahead(demo_path).take().loaded
    assert loaded.ok
    assert int(where.read_text()) != os.getpid()


@needs_fork
def test_a_child_that_fails_leaves_the_reading_to_the_parent(tmp_path: Path, demo_path: Path,
                                                            monkeypatch) -> None:
    def broken(*args, **kwargs):
        raise RuntimeError("the child cannot send")

    monkeypatch.setattr(ahead.pickle, "dumps", broken)  # runs in the child only
    same(ahead.read_ahead(demo_path).take(), read_plan(demo_path))


@needs_fork
@pytest.mark.parametrize("close", ["drop", "store.close"])
def test_a_reading_dropped_stops_its_child_and_parses_nothing_here(
        close: str, tmp_path: Path, demo_path: Path, monkeypatch) -> None:
    """A quit before the first frame drops the reading. Taking it instead waited for the
    child, and parsed the file in the parent when the child had died (a Ctrl+C reaches the
    child too)."""
    readers = tmp_path / "readers"
    readers.mkdir()
    real = ahead.loaded_from

    def slow(data: bytes):
        (readers / str(os.getpid())).touch()
        time.sleep(20)  # the child is still reading when the reading is dropped
        (tmp_path / "read").touch()
        return real(data)

    monkeypatch.setattr(ahead, "loaded_from", slow)
    if close == "drop":
        reading = ahead.read_ahead(demo_path)
        wait_for(lambda: any(readers.iterdir()))
        reading.drop()
    else:
        store = PlanStore.open(demo_path, read_only=True, ahead=True)
        wait_for(lambda: any(readers.iterdir()))
        store.close()
    [child] = [int(each.name) for each in readers.iterdir()]
    assert child != os.getpid()  # nothing was parsed here
    assert not (tmp_path / "read").exists()  # the child was stopped, not waited for
    with pytest.raises(ProcessLookupError):
        os.kill(child, 0)  # stopped, and reaped: no zombie left


def wait_for(condition, limit: float = 30.0) -> None:
    waited = 0.0
    while not condition():
        assert waited < limit
        time.sleep(0.01)
        waited += 0.01


def test_a_reading_without_a_child_drops_without_reading(demo_path: Path, monkeypatch) -> None:
    def never(*args):
        raise AssertionError("read")

    monkeypatch.delattr(os, "fork", raising=False)
    monkeypatch.setattr(ahead, "read_plan", never)
    ahead.read_ahead(demo_path).drop()


def test_without_fork_the_parent_reads(demo_path: Path, monkeypatch) -> None:
    monkeypatch.delattr(os, "fork", raising=False)
    same(ahead.read_ahead(demo_path).take(), read_plan(demo_path))


@needs_fork
@pytest.mark.parametrize("kind", list(FILES))
def test_a_store_opened_ahead_holds_what_a_store_opened_at_once_holds(
        kind: str, tmp_path: Path, demo_path: Path) -> None:
    path = plan_file(tmp_path, demo_path, kind)
    at_once = PlanStore.open(path, read_only=True)
    later = PlanStore.open(path, read_only=True, ahead=True)
    assert later.plan is None and later.errors == []
    later.finish_reading()
    later.finish_reading()  # a second call changes nothing
    for name in ("plan", "errors", "_text", "_bom", "_fingerprint", "generation"):
        assert getattr(later, name) == getattr(at_once, name), name


def test_the_command_line_opens_the_plan_ahead(demo_path: Path, monkeypatch) -> None:
    asked = {}

    def open_(path, **kwargs):
        asked.update(kwargs)
        raise PlanBusyError(path, path)

    monkeypatch.setenv("RANKPLAN_TODAY", "2026-12-01")
    monkeypatch.setattr(PlanStore, "open", open_)
    assert cli.run_tui(demo_path) == cli.EXIT_BUSY
    assert asked.get("ahead") is True
    # ... and has the reading child work out the findings the app starts with
    plan = read_plan(demo_path).plan
    assert asked["derive"](plan) == evaluate(plan, date(2026, 12, 1))


# -- derive: work on the plan done in the child ------------------------------------------------


def count(plan) -> int:
    return len(plan.programs)


@needs_fork
def test_what_derive_gives_comes_from_the_child(tmp_path: Path, demo_path: Path) -> None:
    where = tmp_path / "pid"

    def derive(plan) -> list:
        where.write_text(str(os.getpid()))
        return evaluate(plan, date(2026, 12, 1))

    reading = ahead.read_ahead(demo_path, derive).take()
    same(reading, read_plan(demo_path))
    assert reading.derived == evaluate(read_plan(demo_path).plan, date(2026, 12, 1))
    assert reading.derived  # the demo plan has findings: a real list came through
    assert int(where.read_text()) != os.getpid()


@needs_fork
@pytest.mark.parametrize("kind", [k for k in FILES if k not in ("valid", "bom")])
def test_derive_runs_only_for_a_valid_plan(kind: str, tmp_path: Path, demo_path: Path) -> None:
    path = plan_file(tmp_path, demo_path, kind)
    reading = ahead.read_ahead(path, count).take()
    same(reading, read_plan(path))
    assert reading.derived is None


@needs_fork
def test_a_derive_that_fails_in_the_child_leaves_it_to_the_caller(
        tmp_path: Path, demo_path: Path, monkeypatch) -> None:
    where = tmp_path / "pid"  # who read last: the parent reads again if the child failed
    real = ahead.loaded_from

    def spy(data: bytes):
        where.write_text(str(os.getpid()))
        return real(data)

    def broken(plan):
        raise RuntimeError("a bug in a rule")

    monkeypatch.setattr(ahead, "loaded_from", spy)
    reading = ahead.read_ahead(demo_path, broken).take()
    same(reading, read_plan(demo_path))
    assert int(where.read_text()) != os.getpid()  # the child's reading still counts
    assert reading.derived is None


def test_without_a_child_nothing_is_derived(demo_path: Path, monkeypatch) -> None:
    monkeypatch.delattr(os, "fork", raising=False)
    reading = ahead.read_ahead(demo_path, count).take()
    same(reading, read_plan(demo_path))
    assert reading.derived is None


@needs_fork
def test_finish_reading_hands_back_what_was_derived_once(demo_path: Path) -> None:
    store = PlanStore.open(demo_path, read_only=True, ahead=True, derive=count)
    try:
        assert store.finish_reading() == len(read_plan(demo_path).plan.programs)
        assert store.finish_reading() is None  # taken already
    finally:
        store.close()


@needs_fork
def test_closing_a_store_opened_ahead_reaps_its_reader(demo_path: Path, monkeypatch) -> None:
    """Closed before finish_reading (the app never started): no child is left behind."""
    children: list[int] = []
    real_fork = os.fork

    def fork() -> int:
        pid = real_fork()
        if pid:
            children.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", fork)
    store = PlanStore.open(demo_path, ahead=True)
    store.close()
    assert len(children) == 1
    with pytest.raises(ChildProcessError):
        os.waitpid(children[0], os.WNOHANG)  # reaped already: not ours any more
