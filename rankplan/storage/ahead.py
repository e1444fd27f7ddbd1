"""Reading the plan file beside the start-up imports, in a forked child (issue 16).

Parsing and validating a 300-program file takes about as long as a tenth of start-up, and
all of it is Python holding the interpreter: a thread would not overlap it with importing
Textual. A child made by ``fork`` (it has the file's bytes already, and this module's code)
parses and validates them on another core while the parent imports; it sends back what
``read.loaded_from`` gave, pickled, through a pipe (memory only: nothing of the plan is
written anywhere), and exits. Whatever goes wrong there (no ``fork`` on this system, a child
that dies or sends something unreadable), the parent reads the bytes itself, as it did
before: the result, and every error message for a bad file, is the same either way.

The child has time to spare: at 300 programs it is done some 150 ms before the parent has
imported what the first frame needs. ``derive`` uses it: what the caller would otherwise work
out from a valid plan before its first frame (the app's findings, whose rules the parent
then imports only after that frame). It runs in the child only; without a child, or if it
fails there, the caller gets None and works it out itself.
"""

from __future__ import annotations

import os
import pickle
import signal
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

from rankplan.core.model import Plan
from rankplan.storage.read import Loaded, decode, loaded_from, read_plan


class Reading(NamedTuple):
    loaded: Loaded  # what read_plan(path) gives
    derived: Any = None  # what derive(plan) gave in the child; None if it did not run


def _nothing() -> None:
    pass


class Ahead(NamedTuple):
    """A reading begun. Call one of the two, once."""

    take: Callable[[], Reading]  # the reading, waited for if need be
    drop: Callable[[], None] = _nothing  # no reading wanted after all: the child goes


def read_ahead(path: Path, derive: Callable[[Plan], Any] | None = None) -> Ahead:
    """Start reading ``path``. ``take()`` gives what ``read_plan(path)`` gives, and, for a
    valid plan read in the child, what ``derive`` (which must not return None) gave for it
    there. ``drop()`` ends the reading unread (a start interrupted before it was taken, by
    a Ctrl+C during the imports): the child is stopped and reaped, and nothing is parsed
    here."""
    fork = getattr(os, "fork", None)
    if fork is None:
        return Ahead(lambda: Reading(read_plan(path)))
    try:
        data = path.read_bytes()
    except OSError:
        return Ahead(lambda: Reading(read_plan(path)))  # the same error, by the same code
    try:
        into, out = os.pipe()
    except OSError:
        return Ahead(lambda: Reading(loaded_from(data)))
    # A Ctrl+C reaches the whole process group. The child leaves it to the parent (whose
    # drop() stops it): SIGINT is blocked across the fork, so that none lands in the child
    # before it ignores them, in the libraries' after-fork hooks above all (filelock's
    # printed a traceback there). A SIGINT meant for the parent meanwhile waits, and is
    # raised in the parent once it can stop the child (below).
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        pid = fork()
    except OSError:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
        os.close(into)
        os.close(out)
        return Ahead(lambda: Reading(loaded_from(data)))
    if pid == 0:  # the child: read, send, and leave without running the parent's exit code
        status = 1
        try:
            signal.signal(signal.SIGINT, signal.SIG_IGN)
            signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
            os.close(into)
            loaded = loaded_from(data)
            derived = _derived(derive, loaded.plan)
            # Not the text: the parent decodes the bytes it has faster than it unpickles.
            payload = pickle.dumps((loaded.plan, loaded.errors, derived),
                                   pickle.HIGHEST_PROTOCOL)
            with os.fdopen(out, "wb") as pipe:
                pipe.write(payload)
            status = 0
        finally:
            os._exit(status)
    os.close(out)

    def take() -> Reading:
        with os.fdopen(into, "rb") as pipe:
            payload = pipe.read()
        _, status = os.waitpid(pid, 0)
        if status == 0:
            try:
                plan, errors, derived = pickle.loads(payload)  # noqa: S301 - our own child's
            except Exception:  # noqa: BLE001 - read it here instead
                pass
            else:
                text, _ = decode(data)  # as loaded_from decodes it ("" if it cannot)
                return Reading(Loaded(plan, errors, text or "", data), derived)
        return Reading(loaded_from(data))

    def drop() -> None:
        # The child only reads and sends: stopping it anywhere loses nothing. (Taking the
        # reading instead waited for it, and parsed the file here if a Ctrl+C had reached
        # the child too, as it reaches the whole foreground process group.)
        os.close(into)
        try:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        except (ProcessLookupError, ChildProcessError):  # reaped already: nothing to do
            pass

    # The parent only (the child never returns): a Ctrl+C held back since the fork is
    # raised here, once drop() exists to stop the child, which it would otherwise outlive.
    try:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
    except BaseException:
        drop()
        raise
    return Ahead(take, drop)


def _derived(derive: Callable[[Plan], Any] | None, plan: Plan | None) -> Any:
    """``derive(plan)`` in the child, or None: a failure there leaves the work to the
    caller, and the reading still counts."""
    if derive is None or plan is None:
        return None
    try:
        return derive(plan)
    except Exception:  # noqa: BLE001 - the caller works it out itself, and sees the error
        return None
