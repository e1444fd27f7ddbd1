"""A closed terminal (SIGHUP) or SIGTERM right after an edit loses nothing (issue 12 item 2):
the real app in a pseudo-terminal, its helper process and all."""

from __future__ import annotations

import os
import signal
import sys
import tomllib
from pathlib import Path

import pytest

from helpers import ROOT

sys.path.insert(0, str(ROOT / "tests"))
from perf.ttyapp import TtyApp  # noqa: E402


def name_in(path: Path) -> str:
    return tomllib.loads(path.read_text(encoding="utf-8"))["profile"]["name"]


@pytest.mark.parametrize("how", ["hang up", "SIGTERM", "SIGHUP", "SIGINT"])
def test_an_edit_just_before_the_terminal_closes_is_saved(demo_path: Path, how: str) -> None:
    app = TtyApp("--file", str(demo_path))
    try:
        assert app.read_until(b"Jordan Avery"), app.output[-500:]
        app.to_name()
        app.forget()
        app.type("QZQ")
        assert app.read_until(b"QZQ")  # on screen, so in the plan; the autosave is 0.5 s off
        if how == "hang up":
            app.hang_up()
        else:
            app.signal(getattr(signal, how))
        status = app.wait()
    finally:
        app.close()
    assert status == 0
    assert name_in(demo_path) == "Jordan AveryQZQ"
    assert not list(demo_path.parent.glob(".*.tmp"))


def children(pid: int) -> list[int]:
    """The processes ``pid`` has forked and not yet reaped (Linux's /proc)."""
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(each) for each in text.split()]


@pytest.mark.skipif(not Path(f"/proc/self/task/{os.getpid()}/children").exists(),
                    reason="needs Linux's /proc/PID/task/TID/children")
def test_ctrl_c_while_the_app_starts_stops_it_without_a_traceback(demo_path: Path) -> None:
    """Ctrl+C before the app has the keyboard (the terminal still cooked) reaches the whole
    process group as SIGINT. It printed a traceback from wherever the imports were, which
    looks like a crash, and the interface waited for the child reading the plan (which the
    Ctrl+C had stopped too) and parsed the plan itself on the way out. The moment is found,
    not timed: once the reading child exists, the interface is importing Textual."""
    import termios
    import time

    before = demo_path.read_bytes()
    app = TtyApp("--file", str(demo_path))
    try:
        end = time.monotonic() + 30
        while not (reader := children(app.pid)):
            assert time.monotonic() < end, "no reading child"
            time.sleep(0.002)
        if not termios.tcgetattr(app.fd)[3] & termios.ISIG:
            pytest.skip("the app had the keyboard already: Ctrl+C is a key there")
        app.type("\x03")  # as the terminal sends it: the line discipline signals the group
        status = app.wait()
    finally:
        app.close()
    assert status == -signal.SIGINT, app.output[-800:]  # it died of the signal, as shells expect
    assert b"Traceback" not in app.output
    assert demo_path.read_bytes() == before
    assert not Path(f"/proc/{reader[0]}").exists()  # the reading child is gone, reaped


def test_the_helper_keeps_answering_after_the_group_gets_sighup(demo_path: Path) -> None:
    """The terminal's SIGHUP reaches the helper too; it must outlive it long enough for the
    app's last save to go through it."""
    import os

    from rankplan.storage.renderer import HelperRenderer
    from rankplan.storage.read import read_plan

    loaded = read_plan(demo_path)
    helper = HelperRenderer(demo_path)
    try:
        helper.open(loaded.text)
        helper.prepare()
        for signum in (signal.SIGHUP, signal.SIGTERM, signal.SIGINT):
            os.kill(helper.pid, signum)
        plan = loaded.plan
        plan.profile.name = "After the signal"
        assert 'name = "After the signal"' in helper.render(plan)
        assert helper._proc.poll() is None
    finally:
        helper.close()


class _GoneTerminal:
    """A terminal that has closed: every write fails as a hung-up pty's does."""

    def write(self, text: str) -> int:
        raise OSError(5, "Input/output error")

    def flush(self) -> None:
        raise OSError(5, "Input/output error")

    def fileno(self) -> int:
        return 2


def test_writes_after_a_hang_up_never_block() -> None:
    """Textual's writer thread dies at its first write to a closed terminal; its queue holds
    30 writes, so the 31st blocked the app for ever on its way out (the hang behind the 5 s
    last resort). After unblock_output, every write returns, including one already waiting."""
    import threading

    from textual.drivers._writer_thread import MAX_QUEUED_WRITES, WriterThread

    from rankplan.tui.hangup import unblock_output

    class Driver:
        _writer_thread = WriterThread(_GoneTerminal())

    writer = Driver._writer_thread
    writer.run = lambda: None  # the thread as it is once its first write has failed: gone
    writer.start()
    writer.join()
    for _ in range(MAX_QUEUED_WRITES):
        writer.write("frame")
    waiting = threading.Thread(target=writer.write, args=("one more",), daemon=True)
    waiting.start()
    waiting.join(0.2)
    assert waiting.is_alive()  # blocked, as the app was
    unblock_output(Driver())
    waiting.join(5)
    assert not waiting.is_alive()
    done = threading.Thread(target=lambda: [writer.write("x") for _ in range(1000)], daemon=True)
    done.start()
    done.join(5)
    assert not done.is_alive()


def test_unblock_output_leaves_drivers_without_a_writer_alone() -> None:
    from rankplan.tui.hangup import unblock_output

    unblock_output(object())  # the headless driver, say: nothing to do, no error


def test_the_writer_dying_unblocks_its_queue_before_any_signal() -> None:
    """The terminal gone, the writer thread dies at its first write; with guard_output the
    app's writes never block, even before the SIGHUP is handled."""
    import threading

    from textual.drivers._writer_thread import MAX_QUEUED_WRITES, WriterThread

    from rankplan.tui.hangup import guard_output

    class Driver:
        _writer_thread = WriterThread(_GoneTerminal())

    before = threading.excepthook
    try:
        guard_output(Driver())
        writer = Driver._writer_thread
        writer.start()
        writer.write("first frame")  # fails: the thread dies, quietly
        writer.join(5)
        assert not writer.is_alive()
        many = threading.Thread(
            target=lambda: [writer.write("x") for _ in range(MAX_QUEUED_WRITES * 10)],
            daemon=True)
        many.start()
        many.join(5)
        assert not many.is_alive()
    finally:
        threading.excepthook = before
