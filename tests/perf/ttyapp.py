"""Run the real ``rankplan`` in a pseudo-terminal and drive it with keys: a closed terminal
(SIGHUP), SIGTERM and kill -9 act on a real process group, as they do for a user.

Used by tests/unit/cli/test_signals.py and tests/perf/attack.py.
"""

from __future__ import annotations

import os
import pty
import select
import signal
import struct
import sys
import termios
import fcntl
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

KEYS = {
    "end": b"\x1b[F",
    "shift+tab": b"\x1b[Z",
    "home": b"\x1b[H",
    "ctrl+q": b"\x11",
    "f4": b"\x1bOS",
    "shift+down": b"\x1b[1;2B",
    "shift+up": b"\x1b[1;2A",
    "down": b"\x1b[B",
    "up": b"\x1b[A",
}


class TtyApp:
    """``python -m rankplan ARGS`` on a pty of ``size`` (columns, rows)."""

    def __init__(self, *args: str, size: tuple[int, int] = (120, 40),
                 env: dict[str, str] | None = None) -> None:
        environ = {**os.environ, **(env or {}), "TERM": "xterm-256color",
                   "PYTHONPATH": str(ROOT)}
        pid, fd = pty.fork()
        if pid == 0:  # the child: a session leader with this pty as its terminal
            try:
                os.execve(sys.executable, [sys.executable, "-m", "rankplan", *args], environ)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
        self.output = b""
        self.status: int | None = None

    def read_until(self, token: bytes, timeout: float = 30.0) -> bool:
        """Read the screen output until ``token`` appears in what came since the last
        ``forget()``."""
        end = time.monotonic() + timeout
        while token not in self.output:
            if time.monotonic() > end or self.fd < 0:
                return False
            ready, _, _ = select.select([self.fd], [], [], 0.05)
            if ready:
                try:
                    chunk = os.read(self.fd, 1 << 16)
                except OSError:
                    return False
                if not chunk:
                    return False
                self.output += chunk
        return True

    def forget(self) -> None:
        self.output = b""

    def drain(self) -> None:
        """Read whatever output is waiting (a full pty would block the app)."""
        while self.fd >= 0 and select.select([self.fd], [], [], 0)[0]:
            try:
                chunk = os.read(self.fd, 1 << 16)
            except OSError:
                return
            if not chunk:
                return
            self.output += chunk

    def to_name(self) -> None:
        """From where a plan with a name starts (Applicant type) to the end of the name
        field just above it. Focus by Tab selects the name: end, sent on its own (an end in
        the same read as the letters after it was handled after them), puts the cursor
        after it."""
        time.sleep(0.3)
        self.type("shift+tab")
        time.sleep(0.3)
        self.type("end")
        time.sleep(0.2)

    def type(self, *keys: str) -> None:
        for key in keys:
            os.write(self.fd, KEYS.get(key, key.encode()))

    def hang_up(self) -> None:
        """Close the terminal, as closing its window does: the kernel sends SIGHUP."""
        os.close(self.fd)
        self.fd = -1

    def signal(self, signum: int) -> None:
        os.kill(self.pid, signum)

    def wait(self, timeout: float = 30.0) -> int | None:
        """The exit status (as subprocess gives it), or None if still running."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = os.waitstatus_to_exitcode(status)
                return self.status
            self.drain()
            time.sleep(0.02)
        return None

    def close(self) -> None:
        """Make sure the app is gone (kill -9 if need be) and the pty closed."""
        if self.status is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.wait(10)
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1
