"""Regenerate the SVG screenshots in this folder from the demo plan.

    python screenshots/make.py

Each screen at 120x40 (the Reapply screen from the second example), the rank list in the middle of a mouse drag, and the help. "Today"
is fixed and the settings live in a temporary folder, so the pictures change only when the
interface does.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TODAY = "2026-11-21"
SIZE = (120, 40)


async def shoot(name: str, keys: list[str], drag: bool = False,
                demo: str = "demo.toml") -> None:
    from rankplan.tui.app import RankPlanApp

    with tempfile.TemporaryDirectory() as folder:
        plan = Path(folder) / "plan.toml"
        shutil.copy(ROOT / "rankplan" / "data" / demo, plan)
        os.chdir(folder)
        app = RankPlanApp(Path("plan.toml"))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            if keys:
                await pilot.press(*keys)
                await pilot.pause()
            if drag:
                await pilot.mouse_down("#ranked", offset=(12, 1))
                await pilot.hover("#ranked", offset=(12, 3))
                await pilot.hover("#ranked", offset=(12, 6))
            await app.workers.wait_for_complete()
            for widget in app.screen.query("Input, TextArea").results():
                widget.cursor_blink = False
            await pilot.pause()
            app.save_screenshot(f"{name}.svg", str(HERE))
        os.chdir(ROOT)
    print(f"screenshots/{name}.svg")


async def main() -> None:
    home = tempfile.mkdtemp(prefix="rankplan-shots-")
    os.environ.update(RANKPLAN_TODAY=TODAY, XDG_CONFIG_HOME=home, XDG_DATA_HOME=home)
    sys.path.insert(0, str(ROOT))
    await shoot("profile", [])
    await shoot("debrief", ["f3", "down", "down", "down", "down"])
    await shoot("rank-list", ["f4"])
    await shoot("rank-list-drag", ["f4"], drag=True)
    await shoot("schedule", ["f5"])
    await shoot("help", ["f4", "f1"])
    await shoot("reapply", ["f6"], demo="demo_reapply.toml")  # the second example
    shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    asyncio.run(main())
