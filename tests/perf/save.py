"""Saving: how long a save takes, and proof that a save in flight does not delay keys.

    python tests/perf/save.py

Times PlanStore.save of generated plans (15 and 300 programs) after one change, then runs
the Rank list key-latency measurement twice at 300 programs: once as is, once with a save
started in the background (a worker thread) before every fifth key.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent.parent))
from genplan import generate_plan  # noqa: E402
from latency import TimedPlanApp, summary  # noqa: E402

from rankplan.storage.store import PlanStore  # noqa: E402


def time_saves(path: Path, rounds: int = 15) -> tuple[float, float]:
    """(first save with the tomlkit parse, median later save) in ms."""
    store = PlanStore.open(path)
    try:
        plan = store.plan
        t = time.perf_counter()
        plan.profile.name = "first"
        store.save(plan)
        first = time.perf_counter() - t
        later = []
        for i in range(rounds):
            plan.rank_list.order.append(plan.rank_list.order.pop(0))
            plan.profile.name = f"n{i}"
            t = time.perf_counter()
            store.save(plan)
            later.append(time.perf_counter() - t)
    finally:
        store.close()
    return first * 1000, statistics.median(later) * 1000


async def keys_with_saves(path: Path, presses: int, saving: bool) -> list[float]:
    app = TimedPlanApp(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f4")
        await pilot.pause(0.3)
        await app.workers.wait_for_complete()
        app.samples.clear()
        for i in range(presses):
            if saving and i % 5 == 0:
                app._unsnapped = True
                app._edits += 1
                app._autosave()  # a save now, in its worker thread
            await pilot.press(["J", "J", "K", "K"][i % 4])
            await pilot.pause()
        await app.workers.wait_for_complete()
        return list(app.samples)


async def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="rankplan-save-"))
    print("save (update the kept document, dump, re-read and compare, atomic write + fsync)")
    for n in (15, 300):
        path = folder / f"plan-{n}.toml"
        path.write_text(generate_plan(n), encoding="utf-8")
        first, later = time_saves(path)
        print(f"  {n:>3} programs: first save {first:7.1f} ms (includes the tomlkit parse), "
              f"then {later:6.1f} ms median")
    path = folder / "keys-300.toml"
    path.write_text(generate_plan(300), encoding="utf-8")
    quiet = summary(await keys_with_saves(path, 60, saving=False))
    busy = summary(await keys_with_saves(path, 60, saving=True))
    print("rank-list key to display at 300 programs (median / p90 ms)")
    print(f"  no save running:            {quiet[0]:6.2f} / {quiet[1]:6.2f}")
    print(f"  a save started every 5 keys: {busy[0]:6.2f} / {busy[1]:6.2f}")


if __name__ == "__main__":
    asyncio.run(main())
