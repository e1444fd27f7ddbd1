"""How the process ends after SIGHUP (its terminal closed) or SIGTERM, the plan saved first.

Textual writes to the terminal through one thread fed by a queue of at most 30 writes. When
the terminal is gone, that thread's next write fails (EIO) and the thread ends; the app's own
thread then blocks for ever on the 31st write (the screens closing, the terminal modes put
back), and the process outlives its terminal. ``unblock_output`` lifts that bound, so that
writes nobody will read cost a little memory instead of a hang, as soon as the writer
thread dies (``guard_output``) or a signal comes; ``last_resort`` ends the process if the
exit still waits for something else.
"""

from __future__ import annotations

import os
import sys
import threading


def unblock_output(driver: object) -> None:
    """Writes through ``driver`` never wait for its writer thread from now on (Textual's
    LinuxDriver and WindowsDriver; other drivers have no such queue and are left alone)."""
    writer = getattr(driver, "_writer_thread", None)
    queue = getattr(writer, "_queue", None)
    if queue is None:
        return
    with queue.mutex:
        # Not 0 ("no bound"): a put waiting already loops while its queue holds maxsize
        # items or more, and would wait on for ever.
        queue.maxsize = sys.maxsize
        queue.not_full.notify_all()  # a write waiting already goes ahead


def last_resort(seconds: float) -> None:
    """End the process in ``seconds`` with status 0 unless it has ended (a daemon thread: a
    normal exit does not wait for it). Only after a signal, once the plan is saved."""
    timer = threading.Timer(seconds, os._exit, (0,))
    timer.daemon = True
    timer.start()


def guard_output(driver: object) -> None:
    """When the driver's writer thread dies (its terminal gone), lift its queue's bound at
    once, before the app's thread can block on it: the signal that says the terminal is
    gone may come after 30 more writes. Other threads' deaths are reported as before."""
    if getattr(driver, "_writer_thread", None) is None:
        return
    report = threading.excepthook

    def hook(args: threading.ExceptHookArgs) -> None:
        # the writer of the moment: a suspend (ctrl+z, then fg) starts a new one
        if args.thread is getattr(driver, "_writer_thread", None):
            unblock_output(driver)  # and no report: it would go to the terminal that is gone
        else:
            report(args)

    threading.excepthook = hook
