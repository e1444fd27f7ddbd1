"""Saving in the app (issue 12): retries after a cancelled quit, edits in a read-only
session, whatever the closing screens still had to pass on at exit."""

from __future__ import annotations

import tomllib
from pathlib import Path

from helpers import title_says

from rankplan.storage import files
from rankplan.tui import saving as saving_module
from rankplan.tui.app import RankPlanApp


def name_in(path: Path) -> str:
    return tomllib.loads(path.read_text(encoding="utf-8"))["profile"]["name"]


def messages(app: RankPlanApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_retries_go_on_after_a_cancelled_quit_during_a_failed_save(
        demo_path: Path, monkeypatch, full_disk) -> None:
    failing = full_disk
    monkeypatch.setattr(saving_module, "RETRY_DELAY", 0.3)
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("shift+tab", "end", *" X", "ctrl+q")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "ConfirmDialog"
        await pilot.press("escape")  # stay
        await pilot.pause()
        assert app.is_running
        assert app.sub_title.startswith("not saved")
        failing["on"] = False  # the disk has room again: the next retry must save
        await title_says(pilot, "saved")
        assert name_in(demo_path) == "Jordan Avery X"
        assert app.sub_title == "saved"


async def test_read_only_says_so_at_the_first_edit_and_in_the_header(demo_path: Path) -> None:
    before = demo_path.read_bytes()
    app = RankPlanApp(demo_path, read_only=True)
    async with app.run_test(size=(100, 30)) as pilot:
        assert app.sub_title == "read-only"
        assert not any("read-only" in m for m in messages(app))
        await pilot.press("shift+tab", "end", "X")
        await pilot.pause()
        said = [m for m in messages(app) if "read-only" in m]
        assert len(said) == 1 and "never saved" in said[0]
        assert app.sub_title == "READ-ONLY: changes are not saved"
        await pilot.press("Y", "Z")
        await pilot.pause()
        assert len([m for m in messages(app) if "read-only" in m]) == 1  # once, not per key
        assert app.unsaved_read_only_edits >= 1
    assert demo_path.read_bytes() == before


async def test_an_edit_the_screens_had_not_reported_yet_is_saved_at_exit(
        demo_path: Path) -> None:
    """The model changed but the app never heard (the screen's news was still queued when
    the app closed): the save at exit still writes it."""
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.plan.profile.name = "Changed quietly"  # no plan_changed(): nothing counted
        assert app._edits == app._saved_edits
    assert name_in(demo_path) == "Changed quietly"


async def test_leaving_without_edits_writes_nothing(demo_path: Path) -> None:
    before = demo_path.stat()
    app = RankPlanApp(demo_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
    after = demo_path.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert not files.backup_path(demo_path).exists()
