"""The ``rankplan`` command's first code. It imports nothing of its own before the
command line, so that a Ctrl+C from the start (Python's own start-up aside) ends the program
quietly."""

import os
import signal

EXIT_INTERRUPTED = 130  # 128 + SIGINT: what a shell reports for a process a Ctrl+C stopped


def run() -> int:
    """``rankplan.cli.main``. A Ctrl+C before the app has the keyboard (the terminal still
    cooked, about the first half second) or during a command (check, export, import) ends
    the program as Python ends it on an uncaught KeyboardInterrupt, by the signal itself, so
    that a shell knows the user stopped it (a loop running rankplan stops too), but without
    the traceback, which looks like a crash. Every save is atomic: whatever the Ctrl+C cut
    short left the plan file as it was. (While the app runs, Ctrl+C is a key, and a SIGINT
    from elsewhere saves and exits as SIGTERM does.)"""
    try:
        from rankplan.cli import main

        return main()
    except KeyboardInterrupt:
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGINT)
        return EXIT_INTERRUPTED  # where the signal does not end the process
