"""Saving: how long a save takes, and proof that a save in flight does not delay keys.

    python tests/perf/save.py [--presses 60]

Times PlanStore.save of generated plans (15 and 300 programs) after one change, in this
process and through the helper process. Then measures Rank list keys at 300 programs, from
the moment each key event is made (so time spent waiting in the queue counts) to the next
display: with no save running; with a save started before every fifth key, rendered by the
helper process as the app does; and the same with rendering in a thread of the app's own
process, as before the helper existed.
"""

from __future__ import annotations

import argparse
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
from textual import events  # noqa: E402

from rankplan.storage.renderer import LocalRenderer  # noqa: E402
from rankplan.storage.store import PlanStore  # noqa: E402


class QueueTimedApp(TimedPlanApp):
    """Times each key from the creation of its event (its wait in the queue included)."""

    def key_started(self, event: events.Key) -> float:
        return event.time - time.monotonic() + time.perf_counter()  # Textual's clock

    def post_display_hook(self) -> None:
        # To the key's first display, not its last: the save's own display (the title's
        # "saved", some 250 ms on at 300 programs) often comes before the next key, and is
        # not the key's. A move on the Rank list takes one frame.
        first = self._last_display
        super().post_display_hook()
        if first is not None:
            self._last_display = first


def peak_rss_mib(pid: int) -> float | None:
    """A live process's peak resident memory (Linux only)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    kib = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM"))
    return kib / 1024


def time_saves(path: Path, helper: bool, rounds: int = 15) -> tuple[float, float, float | None]:
    """(first save, median later save) in ms, and the helper's peak memory in MiB. In-process,
    the first save parses the tomlkit document; with the helper, that parse happens before
    (as in the app, after the first frame), and the first save is its first rendering."""
    store = PlanStore.open(path)
    memory = None
    try:
        if helper:
            store.prepare(helper=True)
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
        if helper:
            memory = peak_rss_mib(store._renderer.pid)
    finally:
        store.close()
    return first * 1000, statistics.median(later) * 1000, memory


async def keys_with_saves(path: Path, presses: int, saving: bool,
                          helper: bool = True) -> list[float]:
    app = QueueTimedApp(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f4")
        await pilot.pause(0.3)
        await app.workers.wait_for_complete()
        if not helper:  # render in a thread of this process, as before the helper existed
            app.store._renderer.close()
            app.store._renderer = LocalRenderer(path)
            app.store._renderer_stale = True
            app.store.prepare()
        app.samples.clear()
        for i in range(presses):
            if saving and i % 5 == 0:
                app._unsnapped = True
                app._edits += 1
                app._autosave()  # a save now, in its worker thread
            await pilot.press(["J", "J", "K", "K"][i % 4])
            await pilot.pause()
        await app.workers.wait_for_complete()
        app.close_sample()
        return [seconds for _key, seconds in app.samples]


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--presses", type=int, default=60)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="rankplan-save-"))
    print("save (update the kept document, dump, re-read and compare, atomic write + fsync)")
    for n in (15, 300):
        path = folder / f"plan-{n}.toml"
        for helper in (False, True):
            path.write_text(generate_plan(n), encoding="utf-8")
            first, later, memory = time_saves(path, helper)
            where = "helper process" if helper else "in-process    "
            extra = f"; the helper's peak memory {memory:.1f} MiB" if memory else ""
            print(f"  {n:>3} programs, {where}: first save {first:7.1f} ms, "
                  f"then {later:6.1f} ms median{extra}")
    path = folder / "keys-300.toml"
    path.write_text(generate_plan(300), encoding="utf-8")
    n = args.presses
    quiet = summary(await keys_with_saves(path, n, saving=False))
    helper = summary(await keys_with_saves(path, n, saving=True))
    thread = summary(await keys_with_saves(path, n, saving=True, helper=False))
    print("rank-list key, from its event to the next display, at 300 programs (median / p90 ms)")
    print(f"  no save running:                         {quiet[0]:6.2f} / {quiet[1]:6.2f}")
    print(f"  a save every 5 keys, in the helper:      {helper[0]:6.2f} / {helper[1]:6.2f}")
    print(f"  a save every 5 keys, in a thread (old):  {thread[0]:6.2f} / {thread[1]:6.2f}")


if __name__ == "__main__":
    asyncio.run(main())
