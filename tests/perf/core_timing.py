"""How long the per-keypress recomputation takes: every finding plus the match odds.

Not a test (tests/perf is left out of the pytest run); a quick figure to watch::

    python tests/perf/core_timing.py            # 300 programs (the NRMP maximum)
    python tests/perf/core_timing.py 300 --rules  # and each rule on its own

The best of several rounds is reported, with the median beside it: other work on the machine
only ever makes a round slower, so the best is the closest to the code's own cost.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent.parent)]

from genplan import generate_plan  # noqa: E402

from rankplan.core.findings import REGISTRY  # noqa: E402
from rankplan.core.odds import match_odds  # noqa: E402
from rankplan.core.ranklist import move  # noqa: E402
from rankplan.core.rules import evaluate  # noqa: E402
from rankplan.storage.read import parse_text  # noqa: E402

TODAY = date(2026, 11, 21)


def per_call(fn, number: int = 50, rounds: int = 40) -> tuple[float, float]:
    """(best, median) microseconds per call of ``fn``."""
    fn()  # warm the caches, as the app's first keypress would
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(number):
            fn()
        times.append((time.perf_counter() - start) / number * 1e6)
    return min(times), statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=300, help="programs (default 300)")
    parser.add_argument("--rules", action="store_true", help="also time each rule")
    args = parser.parse_args(argv)

    plan, errors = parse_text(generate_plan(args.n, seed=1))
    if plan is None:
        print("the generated plan is not valid:", *errors, sep="\n  ")
        return 1
    print(f"{len(plan.programs)} programs, {len(plan.rank_list.order)} ranked, "
          f"{len(evaluate(plan, TODAY))} findings")

    state = {"odds": match_odds(plan), "step": 1}

    def odds_after_move() -> None:
        """One move down or up by one (alternating), then the odds from the previous answer:
        what the app does after J or K."""
        order, k = plan.rank_list.order, len(plan.rank_list.order) // 2
        move(order, k, k + state["step"])
        state["step"] = -state["step"]
        state["odds"] = match_odds(plan, state["odds"])

    rows = [
        ("evaluate", lambda: evaluate(plan, TODAY)),
        ("match_odds", lambda: match_odds(plan)),
        ("after move", odds_after_move),
        ("both", lambda: (evaluate(plan, TODAY), match_odds(plan))),
    ]
    if args.rules:
        rows += [(code, lambda r=r: list(r.check(plan, TODAY))) for code, r in REGISTRY.items()]
    for name, fn in rows:
        best, median = per_call(fn)
        print(f"{name:>11}: {best:7.0f} us best, {median:7.0f} us median")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
