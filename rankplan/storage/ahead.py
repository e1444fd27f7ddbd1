"""Reading the plan file beside the start-up imports, in a forked child (issue 16).

Parsing and validating a 300-program file takes about as long as a tenth of start-up, and
all of it is Python holding the interpreter: a thread would not overlap it with importing
Textual. A child made by ``fork`` (it has the file's bytes already, and this module's code)
parses and validates them on another core while the parent imports; it sends back what
``read.loaded_from`` gave, pickled, through a pipe (memory only: nothing of the plan is
written anywhere), and exits. Whatever goes wrong there (no ``fork`` on this system, a child
that dies or sends something unreadable), the parent reads the bytes itself, as it did
before: the result, and every error message for a bad file, is the same either way.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable
from pathlib import Path

from rankplan.storage.read import Loaded, loaded_from, read_plan


def read_ahead(path: Path) -> Callable[[], Loaded]:
    """Start reading ``path``; the function returned gives what ``read_plan(path)`` gives
    (call it once)."""
    fork = getattr(os, "fork", None)
    if fork is None:
        return lambda: read_plan(path)
    try:
        data = path.read_bytes()
    except OSError:
        return lambda: read_plan(path)  # the same error, reported by the same code
    try:
        into, out = os.pipe()
    except OSError:
        return lambda: loaded_from(data)
    try:
        pid = fork()
    except OSError:
        os.close(into)
        os.close(out)
        return lambda: loaded_from(data)
    if pid == 0:  # the child: read, send, and leave without running the parent's exit code
        status = 1
        try:
            os.close(into)
            loaded = loaded_from(data)
            payload = pickle.dumps((loaded.plan, loaded.errors, loaded.text),
                                   pickle.HIGHEST_PROTOCOL)
            with os.fdopen(out, "wb") as pipe:
                pipe.write(payload)
            status = 0
        finally:
            os._exit(status)
    os.close(out)

    def result() -> Loaded:
        with os.fdopen(into, "rb") as pipe:
            payload = pipe.read()
        _, status = os.waitpid(pid, 0)
        if status == 0:
            try:
                plan, errors, text = pickle.loads(payload)  # noqa: S301 - our own child's
            except Exception:  # noqa: BLE001 - read it here instead
                pass
            else:
                return Loaded(plan, errors, text, data)
        return loaded_from(data)

    return result
