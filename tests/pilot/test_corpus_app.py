"""Every file of TOML's invalid conformance corpus, opened by the app, is left untouched."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import CORPUS

from rankplan.tui.app import RankPlanApp
from rankplan.tui.screens.plan_error import PlanErrorScreen

INVALID = CORPUS / "invalid"


@pytest.mark.skipif(not INVALID.is_dir(), reason=f"TOML conformance corpus not found at {INVALID}")
async def test_the_app_never_writes_an_invalid_file(tmp_path: Path) -> None:
    files = sorted(p for p in INVALID.rglob("*") if p.is_file())
    assert len(files) > 500
    problems = []
    for source in files:
        folder = tmp_path / source.relative_to(INVALID).parent
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / source.name
        shutil.copy(source, path)
        before = (path.read_bytes(), path.stat().st_mtime_ns)
        app = RankPlanApp(path)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            if not isinstance(app.screen, PlanErrorScreen):
                problems.append(f"{source}: no error view")
            await pilot.press("ctrl+s", "ctrl+q")
        if (path.read_bytes(), path.stat().st_mtime_ns) != before:
            problems.append(f"{source}: written")
        if path.with_name(path.name + ".bak").exists():
            problems.append(f"{source}: a backup was made")
    assert problems == []
