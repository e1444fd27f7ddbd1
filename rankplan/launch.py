"""The ``rankplan`` command's first code. It imports nothing of its own before the
command line, so that a Ctrl+C from the start (Python's own start-up aside) ends the program
quietly."""

import sys

EXIT_INTERRUPTED = 130  # 128 + SIGINT: what a shell reports for a process a Ctrl+C stopped


def run() -> int:
    """``rankplan.cli.main``. A Ctrl+C before the app has the keyboard (the terminal still
    cooked, about the first half second) or during a command (check, export, import) ends
    the program as Python ends it on any uncaught KeyboardInterrupt: it finishes as usual
    (exit handlers included), then dies of the signal itself, so that a shell knows the user
    stopped it (status 130; a loop running rankplan stops too). Only the traceback, which
    looks like a crash, is left out. Every save is atomic: whatever the Ctrl+C cut short
    left the plan file as it was. (While the app runs, Ctrl+C is a key, and a SIGINT from
    elsewhere saves and exits as SIGTERM does.)"""
    try:
        from rankplan.cli import main

        return main()
    except KeyboardInterrupt:
        sys.excepthook = quiet_interrupt
        raise


def quiet_interrupt(kind, value, traceback) -> None:
    """``sys.excepthook`` that says nothing of a KeyboardInterrupt."""
    if not issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, value, traceback)
