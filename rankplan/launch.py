"""The ``rankplan`` command's first code. It imports nothing of its own, so that a Ctrl+C
from the very start (Python's own start-up aside) ends the program quietly."""

EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report a process a Ctrl+C stopped


def run() -> int:
    """``rankplan.cli.main``, and for a Ctrl+C before the app has the keyboard (its first
    half second, the terminal still cooked) or during a command, the exit status a shell
    expects instead of a traceback, which looks like a crash. Every save is atomic: whatever
    the Ctrl+C cut short left the plan file as it was."""
    try:
        from rankplan.cli import main

        return main()
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
