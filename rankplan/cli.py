"""The command line of DESIGN §4."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from rankplan import __version__

if TYPE_CHECKING:  # only for annotations: the commands import what they use when they run
    from collections.abc import Callable
    from datetime import date, datetime

    from rankplan.core.findings import Finding
    from rankplan.core.model import Plan
    from rankplan.exchange.csv_cells import CsvError
    from rankplan.exchange.csv_import import ImportResult
    from rankplan.tui.app import RankPlanApp

EXIT_OK, EXIT_BUSY, EXIT_INVALID = 0, 1, 2
EXPORT_FORMATS = ("text", "markdown", "csv", "ics", "json")
SUFFIX_FORMATS = {".md": "markdown", ".markdown": "markdown", ".csv": "csv", ".ics": "ics",
                  ".json": "json"}


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--file", metavar="PATH", default=argparse.SUPPRESS,
        help="use the plan at PATH (default: $RANKPLAN_FILE, then the data folder)",
    )
    common.add_argument(
        "--read-only", action="store_true", default=argparse.SUPPRESS,
        help="open without saving (possible while another rankplan has the plan open)",
    )
    parser = argparse.ArgumentParser(
        prog="rankplan", parents=[common],
        description="Plan a residency rank list, interview debriefs and an exam retake, offline.",
    )
    parser.add_argument("--version", action="version", version=f"rankplan {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    demo = sub.add_parser("demo", parents=[common], help="open a copy of the example plan")
    demo.add_argument("--save", metavar="PATH", help="write the example plan to PATH and exit")
    demo.add_argument("--reapply", action="store_true",
                      help="the second example: a reapplicant after an unmatched cycle")
    sub.add_parser("check", parents=[common], help="validate the plan and list its findings")
    export = sub.add_parser(
        "export", parents=[common], help="write the plan as text, Markdown, CSV or a calendar",
        description="Write the plan for an advisor (text, Markdown), a spreadsheet (CSV: the "
        "programs) or a calendar app (ics: the weekly blocks, milestones and goal dates). "
        "Without --output it goes to standard output.",
    )
    export.add_argument(
        "--format", choices=EXPORT_FORMATS, default=None,
        help="text (the default), markdown, csv or ics; with --output, the file's extension "
        "(.md, .csv, .ics) chooses it when this is not given",
    )
    export.add_argument(
        "--output", "-o", metavar="FILE",
        help="write to FILE, replacing it whole if it exists (never the plan file itself); "
        "- or no --output writes to standard output",
    )
    imp = sub.add_parser(
        "import", parents=[common], help="add programs from a CSV file (a spreadsheet)",
        description="Add the programs of a CSV file to the plan. The first row names the "
        "columns as the plan file names the program keys (name, specialty, preference, "
        "interview_date, criteria.<name>, debrief.<key>, ...), as rankplan export --format "
        "csv writes them, or as spreadsheets name them (Program Name, Interview Date, Notes; "
        "any case). Another column of 1-5 scores is a criterion; a figure worked out from "
        "the others (Final Score, Rank) is read past. If any row is wrong, each problem is "
        "listed as CSV:LINE:COL and nothing is imported.",
    )
    imp.add_argument("csv", metavar="CSV", help="the CSV file to read (UTF-8, \",\" or \";\")")
    imp.add_argument(
        "--date-order", choices=("mdy", "dmy"), default=None,
        help="how to read a date with slashes that reads two ways (02/11/2026): mdy, month "
        "first (US), or dmy, day first; without it such a date is an error",
    )
    path = sub.add_parser("path", parents=[common], help="print the plan file's path")
    path.add_argument("--settings", action="store_true",
                      help="print the folder of settings.toml and keymap.toml instead")
    sub.add_parser("keys", parents=[common], help="list every key binding: id, keys, where, "
                   "what it does (remap them in keymap.toml)")
    return parser


class _PipeOut:
    """``sys.stdout`` while a command runs: when the reader goes away (``rankplan import
    x.csv | head -1``) the rest of the output goes nowhere and the command finishes as it
    would have, exit status and all, instead of ending in a BrokenPipeError traceback."""

    def __init__(self, stream) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            _stdout_to_nowhere()
            return len(text)

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            _stdout_to_nowhere()

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def _stdout_to_nowhere() -> None:
    """Point standard output at nothing, so that later writes and the flush at exit (of
    what is still buffered) do not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def main(argv: list[str] | None = None) -> int:
    stdout = sys.stdout
    sys.stdout = _PipeOut(stdout)
    try:
        return _main(argv)
    finally:
        sys.stdout.flush()
        sys.stdout = stdout


def _main(argv: list[str] | None) -> int:
    args = _parser().parse_args(argv)
    from rankplan.storage.paths import plan_path

    path = plan_path(getattr(args, "file", None))
    read_only = getattr(args, "read_only", False)
    if args.command == "path":
        if args.settings:
            from rankplan.tui.settings import config_folder

            print(config_folder())
        else:
            print(path)
        return EXIT_OK
    if args.command == "keys":
        return list_keys()
    if args.command == "check":
        return check(path)
    if args.command == "export":
        return export(path, args.format, args.output)
    if args.command == "import":
        if read_only:
            print("rankplan: import adds programs to the plan, so it cannot run --read-only",
                  file=sys.stderr)
            return EXIT_INVALID
        return import_programs(path, Path(args.csv), args.date_order)
    if args.command == "demo":
        if args.save:
            return save_demo(Path(args.save), reapply=args.reapply)
        from rankplan.demo import demo_session

        with demo_session(reapply=args.reapply) as demo:  # its folder goes at exit
            return run_tui(demo, read_only=read_only)
    return run_tui(path, read_only=read_only)


def list_keys() -> int:
    """``keys``: every binding (id, keys, where, what it does) and where the keymap goes."""
    from rankplan.tui.keymap import bindings
    from rankplan.tui.settings import keymap_path

    rows = [(b.id, b.keys, b.where, b.description) for b in bindings()]
    heads = ("id", "keys", "where", "does")
    widths = [max(len(r[i]) for r in [heads, *rows]) for i in range(3)]
    for row in [heads, *rows]:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths)) + "  " + row[3])
    print(f"\nRemap a key in {keymap_path()}, one line each, such as: \"app.rank\" = \"f9\" "
          "(several keys comma-separated).")
    return EXIT_OK


def save_demo(path: Path, reapply: bool = False) -> int:
    """``demo --save PATH``: write the example to a new file; never replace an existing one."""
    from rankplan.demo import write_demo

    if path.exists() or path.is_symlink():
        print(
            f"rankplan: {path} already exists; demo --save writes only to a new file "
            "(choose another path, or move that file away first)",
            file=sys.stderr,
        )
        return EXIT_INVALID
    return _write_file(path, lambda: write_demo(path, reapply=reapply), "the example plan")


def check(path: Path) -> int:
    """Validate ``path``: errors as ``PATH:LINE:COL: message`` (exit 2), else every finding."""
    from rankplan import clock
    from rankplan.core.rules import evaluate
    from rankplan.core.text import one_line
    from rankplan.storage.read import read_plan

    loaded = read_plan(path)
    if loaded.plan is None:
        for error in loaded.errors:
            print(error.render(path))  # one line, control characters made visible
        return EXIT_INVALID
    for finding in evaluate(loaded.plan, clock.today()):
        print(one_line(finding.line()))  # plan text in a message is data (DESIGN §4)
    return EXIT_OK


def export_format(chosen: str | None, output: str | None) -> str:
    """--format if given; else the output file's extension; else text."""
    if chosen:
        return chosen
    if output:
        return SUFFIX_FORMATS.get(Path(output).suffix.lower(), "text")
    return "text"


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False


def export(path: Path, fmt: str | None, output: str | None) -> int:
    """``export``: the plan in a format, to stdout or replacing FILE atomically."""
    from rankplan import clock
    from rankplan.storage.read import read_plan

    loaded = read_plan(path)
    if loaded.plan is None:
        for error in loaded.errors:
            print(error.render(path), file=sys.stderr)
        print(f"rankplan: nothing exported: {path} is not a valid plan (run rankplan check)",
              file=sys.stderr)
        return EXIT_INVALID
    fmt = export_format(fmt, output)
    from rankplan.exchange.render import render

    from rankplan.core.identity import ensure_identity

    ensure_identity(loaded.plan, str(path.resolve()))  # as the app would, until it is saved
    data = render(fmt, loaded.plan, clock.today(), revised=_modified(path)).encode("utf-8")
    if output is None or output == "-":
        return write_stdout(data)
    from rankplan.storage.files import atomic_write, backup_path, lock_path

    target = Path(output)
    if any(_same_file(target, p) for p in (path, backup_path(path), lock_path(path))):
        print(f"rankplan: {target} is the plan's own file; export writes to another file",
              file=sys.stderr)
        return EXIT_INVALID
    return _write_file(target, lambda: atomic_write(target, data), f"the {fmt} export")


def _modified(path: Path) -> datetime | None:
    """When the plan file was last written (for the calendar export's revisions)."""
    from datetime import UTC, datetime

    try:
        return datetime.fromtimestamp(path.stat().st_mtime, UTC)
    except (OSError, OverflowError, ValueError):
        return None


def _write_file(target: Path, write: Callable[[], None], what: str) -> int:
    """Run ``write`` (which writes ``target``) and say how it went, as an exit status."""
    try:
        write()
    except OSError as exc:
        print(f"rankplan: cannot write {target}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_INVALID
    print(f"wrote {what} to {target}")
    return EXIT_OK


def write_stdout(data: bytes) -> int:
    """Write bytes as they are (a CSV's BOM, an iCalendar file's CRLFs), whatever the locale.

    A reader that stops early (``rankplan export | head``) is not an error.
    """
    try:
        sys.stdout.flush()
        out = getattr(sys.stdout, "buffer", None)
        if out is None:  # a replaced stdout that takes text only
            sys.stdout.write(data.decode("utf-8"))
        else:
            out.write(data)
        sys.stdout.flush()
    except BrokenPipeError:
        # Point stdout at nothing so that the flush at exit does not complain again.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):
            pass
    return EXIT_OK


def import_programs(path: Path, csv_path: Path, date_order: str | None = None) -> int:
    """``import CSV``: add the programs of CSV to the plan (all or none), under the lock."""
    from rankplan import clock
    from rankplan.core.model import Plan
    from rankplan.exchange.csv_import import decode_csv, import_csv
    from rankplan.storage.errors import PlanBusyError
    from rankplan.storage.store import PlanStore, RoundTripError, SaveOutcome

    try:
        text = decode_csv(csv_path.read_bytes())
    except OSError as exc:
        print(f"rankplan: cannot read {csv_path}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_INVALID
    if not isinstance(text, str):
        print(text.render(csv_path), file=sys.stderr)
        return EXIT_INVALID
    today = clock.today()
    if not path.exists():  # check the file before a new, empty plan is created for it
        result = import_csv(Plan(), text, today=today, date_order=date_order)
        if isinstance(result, list):
            return _import_refused(csv_path, result)
    try:
        store = PlanStore.open(path)
    except PlanBusyError as exc:
        print(f"rankplan: nothing imported: {exc.path} is open in another rankplan window "
              f"(lock: {exc.lock_path}). Import writes the plan, so close it there first "
              "(or import from that window: Import programs from CSV in the command palette).",
              file=sys.stderr)
        return EXIT_BUSY
    except OSError as exc:
        print(f"rankplan: cannot open {path}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_INVALID
    try:
        if store.plan is None:
            for error in store.errors:
                print(error.render(path), file=sys.stderr)
            print(f"rankplan: nothing imported: {path} is not a valid plan (run rankplan check)",
                  file=sys.stderr)
            return EXIT_INVALID
        result = import_csv(store.plan, text, today=today, date_order=date_order)
        if isinstance(result, list):
            return _import_refused(csv_path, result)
        from rankplan.core.identity import ensure_identity

        ensure_identity(result.plan, str(path.resolve()))
        try:
            saved = store.save(result.plan)
        except (OSError, RoundTripError) as exc:
            print(f"rankplan: nothing imported: cannot save {path}: "
                  f"{getattr(exc, 'strerror', None) or exc}", file=sys.stderr)
            return EXIT_INVALID
    finally:
        store.close()
    if saved.outcome is SaveOutcome.CONFLICT:
        print(f"rankplan: {path} changed on disk while importing; the plan with the new "
              f"programs went to {saved.path} instead", file=sys.stderr)
        return EXIT_BUSY
    _report_import(path, result)
    return EXIT_OK


def _import_refused(csv_path: Path, errors: list[CsvError]) -> int:
    for error in errors:
        print(error.render(csv_path), file=sys.stderr)
    what = "problem" if len(errors) == 1 else "problems"
    print(f"rankplan: nothing imported: fix the {what} above and import again", file=sys.stderr)
    return EXIT_INVALID


def _report_import(path: Path, result: ImportResult) -> None:
    n = len(result.added)
    print(f"added {n} program{'s' * (n != 1)} to {path}")
    if result.ranked:
        r = len(result.ranked)
        print(f"{r} of them {'is' if r == 1 else 'are'} at the bottom of the rank list; "
              "order them on the Rank list screen")
    for note in result.notes:
        print(note)
    for name in result.new_criteria:
        print(f'new criterion "{name}" with weight 1: set its weight on the Debrief screen')


# Python collects the young generation each time 700 more objects are alive than were: a
# Debrief record change (Textual makes some 50 strips for a long suggestion, each with seven
# small caches) crosses that about once per key. At 300 programs that was 1.4 collections
# and 3.4 ms per key on average; collected every 5,000, 0.07 and 0.2 ms: most keys pay
# nothing, one in 14 about 3 ms (tests/perf/work.py --young N; figures in the README).
YOUNG_OBJECTS = 5000


def collect_young_less_often(young: int = YOUNG_OBJECTS) -> tuple[int, int, int]:
    """The collector's young generation collected every ``young`` objects, for the app's
    run; returns the thresholds before."""
    thresholds = gc.get_threshold()
    gc.set_threshold(young, *thresholds[1:])
    return thresholds


def run_tui(path: Path, *, read_only: bool = False) -> int:
    # Start-up makes objects that live as long as the app; the collector, walking them over
    # and over, took about 40 ms of the way to the first frame. It waits until the app is
    # ready, which freezes what exists and turns it back on (RankPlanApp.owns_process).
    gc.disable()
    thresholds = collect_young_less_often()
    try:
        return _run_tui(path, read_only)
    finally:
        gc.set_threshold(*thresholds)
        gc.enable()


def first_findings(plan: Plan, today: date) -> list[Finding]:
    """The app's findings at start, worked out in the child that reads the plan: the rules
    (some 25 ms of imports, and 3-9 ms of checks at 300 programs) stay out of the interface's
    way to its first frame, and it imports them once that frame is out."""
    from rankplan.core.rules import evaluate

    return evaluate(plan, today)


def build_app(path: Path, *, read_only: bool = False,
              subclass: Callable[[type[RankPlanApp]], type[RankPlanApp]] | None = None,
              ) -> RankPlanApp:
    """The app as ``rankplan`` starts it. The plan is read and validated on another core
    while Textual and the screens are imported, and its findings are worked out there
    (storage/ahead.py). Raises ``PlanBusyError`` and ``OSError`` as ``PlanStore.open``.

    ``subclass``: given the app's class once it is imported (after the reading has begun),
    gives the class to make instead (the benchmarks in tests/perf time the app this way)."""
    from functools import partial

    from rankplan import clock
    from rankplan.storage.store import PlanStore

    today = clock.today()
    store = PlanStore.open(path, read_only=read_only, ahead=True,
                           derive=partial(first_findings, today=today))
    try:
        from rankplan.tui.app import RankPlanApp

        app_class = subclass(RankPlanApp) if subclass else RankPlanApp
        findings = store.finish_reading()
        app = app_class(path, store=store, today=today, findings=findings)
    except BaseException:
        store.close()
        raise
    app.owns_process = True
    app.prebuild_screens = True
    return app


def _run_tui(path: Path, read_only: bool) -> int:
    from rankplan.storage.errors import PlanBusyError

    try:
        app = build_app(path, read_only=read_only)
    except PlanBusyError as exc:
        print(f"rankplan: {exc}", file=sys.stderr)
        return EXIT_BUSY
    except OSError as exc:
        print(f"rankplan: cannot open {path}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_INVALID
    try:
        app.run()
    finally:
        app.store.close()
    if edits := app.unsaved_read_only_edits:
        print(f"rankplan: {path} was open read-only: {edits} change{'s' * (edits != 1)} "
              "made on screen were not saved", file=sys.stderr)
    return app.return_code or EXIT_OK
