"""Turning a plan into the text of its file, in this process or in a helper process.

Rendering keeps the user's tomlkit document, updates it from the plan, dumps it, and reads
the result back (tomllib plus validation) to check it is exactly the plan. At 300 programs
that is about 120 ms of Python, and parsing the document in the first place about 0.3 s.
Done in a thread, it holds Python's lock against the interface, and a key pressed meanwhile
waits (its p90 latency rose from 17 to 60 ms). ``HelperRenderer`` does the same work in a
child process that only ever talks to us through its pipes, so a save leaves the interface's
process free; the thread that waits for the answer sleeps in a read.

Both renderers have one interface: ``open(text)`` (a new reading of the file), ``prepare()``
(parse now), ``render(plan) -> str``. ``plan`` may be given pickled, as the undo history
keeps it, and then crosses to the helper untouched. The helper is a convenience: if it cannot
start or dies, ``PlanStore`` carries on with a ``LocalRenderer``.
"""

from __future__ import annotations

import os
import pickle
import re
import signal
import subprocess
import sys
import threading
import tomllib
import weakref
from pathlib import Path
from typing import IO, Any

from rankplan.core.model import Plan

PlanLike = Plan | bytes  # a plan, or its pickle
_LINE_END = re.compile(r"\r?\n")


class RoundTripError(Exception):
    """The text about to be written would not read back as the plan; nothing was written."""


class HelperLost(Exception):
    """The helper process cannot be reached (it did not start, or it died)."""


def _plan(plan: PlanLike) -> Plan:
    return pickle.loads(plan) if isinstance(plan, bytes) else plan


class LocalRenderer:
    """Renders in the calling thread."""

    def __init__(self, path: Path) -> None:
        self.path = path  # named in error messages only
        self._text = ""
        self._doc: Any = None
        # plain(plan) as last written into _doc; None = compare every field next time
        self._synced: dict | None = None
        self._crlf = False

    def open(self, text: str) -> None:
        self._text, self._doc, self._synced = text, None, None
        # A file written with CRLF keeps them on every line, new ones too (tomlkit writes
        # what it adds, multi-line notes included, with bare LF).
        first = text.find("\n")
        self._crlf = first > 0 and text[first - 1] == "\r"

    def prepare(self) -> None:
        if self._doc is None:
            from rankplan.storage.document import parse_document

            self._doc = parse_document(self._text)

    def render(self, plan: PlanLike) -> str:
        """The file text for ``plan``, checked to read back as exactly ``plan``."""
        from rankplan.storage.document import update_document
        from rankplan.storage.validate import validate

        plan = _plan(plan)
        self.prepare()
        synced, self._synced = self._synced, None  # if this fails, compare everything next time
        text, current = update_document(self._doc, plan, synced)
        if self._crlf:
            text = _LINE_END.sub("\r\n", text)
        try:
            back, errors = validate(tomllib.loads(text))
        except tomllib.TOMLDecodeError as exc:
            raise RoundTripError(f"the text to save does not parse: {exc}") from exc
        if back != plan:
            detail = "; ".join(e.render(self.path) for e in errors) or "values differ"
            raise RoundTripError(f"the text to save does not read back as the plan ({detail})")
        self._synced = current  # the document now holds exactly this plan
        return text

    def close(self) -> None:
        pass


class HelperRenderer:
    """Renders in a child process (``python -m rankplan.storage.renderer``).

    Requests and answers are pickles over the child's stdin and stdout, one answer per
    request, one request at a time (the store's lock sees to that). The child's stderr goes
    nowhere: it must never draw on the terminal the interface owns.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        root = str(Path(__file__).resolve().parent.parent.parent)  # the folder holding rankplan
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(
            p for p in (root, os.environ.get("PYTHONPATH", "")) if p)}
        try:
            self._proc = subprocess.Popen(
                [sys.executable, "-m", "rankplan.storage.renderer", str(path)],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                env=env,
            )
        except OSError as exc:
            raise HelperLost(f"could not start the helper: {exc}") from exc
        self._lock = threading.Lock()
        # Whatever happens to this object, the child gets its end of file and goes.
        self._finalizer = weakref.finalize(self, _stop, self._proc)

    @property
    def pid(self) -> int:
        return self._proc.pid

    def _call(self, *request: Any) -> Any:
        with self._lock:
            try:
                assert self._proc.stdin is not None and self._proc.stdout is not None
                pickle.dump(request, self._proc.stdin, protocol=pickle.HIGHEST_PROTOCOL)
                self._proc.stdin.flush()
                kind, value = pickle.load(self._proc.stdout)
            except (OSError, EOFError, pickle.UnpicklingError, ValueError) as exc:
                self.close()
                raise HelperLost(f"the helper process stopped answering ({exc!r})") from exc
        if kind == "roundtrip":
            raise RoundTripError(value)
        if kind == "error":  # a fault in the child: do not trust it with more work
            self.close()
            raise HelperLost(f"the helper failed: {value}")
        return value

    def open(self, text: str) -> None:
        self._call("open", text)

    def prepare(self) -> None:
        self._call("prepare")

    def render(self, plan: PlanLike) -> str:
        if isinstance(plan, Plan):
            plan = pickle.dumps(plan, protocol=pickle.HIGHEST_PROTOCOL)
        return self._call("render", plan)

    def close(self) -> None:
        self._finalizer()


def _stop(proc: subprocess.Popen) -> None:
    for stream in (proc.stdin, proc.stdout):
        if stream is not None:
            try:
                stream.close()
            except OSError:
                pass
    try:
        proc.wait(timeout=2)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def serve(path: Path, requests: IO[bytes], answers: IO[bytes]) -> None:
    """The helper's loop: answer each request until the other end closes."""
    renderer = LocalRenderer(path)
    while True:
        try:
            op, *args = pickle.load(requests)
        except EOFError:
            return
        try:
            answer: tuple[str, Any] = ("ok", getattr(renderer, op)(*args))
        except RoundTripError as exc:
            answer = ("roundtrip", str(exc))
        except Exception as exc:  # noqa: BLE001 - reported to the parent, which falls back
            answer = ("error", f"{type(exc).__name__}: {exc}")
        pickle.dump(answer, answers, protocol=pickle.HIGHEST_PROTOCOL)
        answers.flush()


# After SIGHUP or SIGTERM the helper keeps answering this long at most: the app gets the
# same signal (a closed terminal sends it to the whole process group), saves its last edits
# through the helper, then closes our stdin, which ends us sooner.
SIGNAL_GRACE = 10


def outlive_the_signals_of_the_group() -> None:
    """SIGHUP and SIGTERM: go on answering for SIGNAL_GRACE seconds more (SIGALRM's default
    action then ends the process); SIGINT (ctrl+c in the terminal) is the app's to handle."""

    def grace(_signum, _frame) -> None:
        left = signal.alarm(SIGNAL_GRACE)
        if left:  # a second signal does not stretch it: the first one's time stands
            signal.alarm(left)

    for signum in (signal.SIGHUP, signal.SIGTERM):
        signal.signal(signum, grace)
    signal.signal(signal.SIGINT, signal.SIG_IGN)


if __name__ == "__main__":
    outlive_the_signals_of_the_group()
    channel = sys.stdout.buffer
    sys.stdout = sys.stderr  # a stray print must not land in the answers
    serve(Path(sys.argv[1]), sys.stdin.buffer, channel)
