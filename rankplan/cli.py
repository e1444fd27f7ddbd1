"""The command line of DESIGN §4."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rankplan import __version__

EXIT_OK, EXIT_BUSY, EXIT_INVALID = 0, 1, 2


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
    sub.add_parser("check", parents=[common], help="validate the plan and list its findings")
    sub.add_parser("path", parents=[common], help="print the plan file's path")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    from rankplan.storage.paths import plan_path

    path = plan_path(getattr(args, "file", None))
    read_only = getattr(args, "read_only", False)
    if args.command == "path":
        print(path)
        return EXIT_OK
    if args.command == "check":
        return check(path)
    if args.command == "demo":
        if args.save:
            return save_demo(Path(args.save))
        from rankplan.demo import demo_copy

        return run_tui(demo_copy(), read_only=read_only)
    return run_tui(path, read_only=read_only)


def save_demo(path: Path) -> int:
    """``demo --save PATH``: write the example to a new file; never replace an existing one."""
    from rankplan.demo import write_demo

    if path.exists() or path.is_symlink():
        print(
            f"rankplan: {path} already exists; demo --save writes only to a new file "
            "(choose another path, or move that file away first)",
            file=sys.stderr,
        )
        return EXIT_INVALID
    try:
        write_demo(path)
    except OSError as exc:
        print(f"rankplan: cannot write {path}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_INVALID
    print(f"wrote the example plan to {path}")
    return EXIT_OK


def check(path: Path) -> int:
    """Validate ``path``: errors as ``PATH:LINE:COL: message`` (exit 2), else every finding."""
    from rankplan import clock
    from rankplan.core.rules import evaluate
    from rankplan.storage.read import read_plan

    loaded = read_plan(path)
    if loaded.plan is None:
        for error in loaded.errors:
            print(error.render(path))
        return EXIT_INVALID
    for finding in evaluate(loaded.plan, clock.today()):
        print(finding.line())
    return EXIT_OK


def run_tui(path: Path, *, read_only: bool = False) -> int:
    from rankplan.storage.errors import PlanBusyError
    from rankplan.storage.store import PlanStore

    try:
        store = PlanStore.open(path, read_only=read_only)
    except PlanBusyError as exc:
        print(f"rankplan: {exc}", file=sys.stderr)
        return EXIT_BUSY
    except OSError as exc:
        print(f"rankplan: cannot open {path}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_INVALID
    from rankplan.tui.app import RankPlanApp

    app = RankPlanApp(path, store=store)
    try:
        app.run()
    finally:
        store.close()
    return app.return_code or EXIT_OK
