"""rankplan demo --save PATH: writes a valid example plan, and never replaces a file."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from rankplan.cli import main
from rankplan.storage.read import read_plan


def test_demo_save_writes_a_valid_plan(capsys, tmp_path: Path) -> None:
    target = tmp_path / "example.toml"
    assert main(["demo", "--save", str(target)]) == 0
    assert str(target) in capsys.readouterr().out
    loaded = read_plan(target)
    assert loaded.errors == []
    assert loaded.plan is not None and loaded.plan.programs, "the example has programs"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_demo_save_then_check_exits_0(capsys, tmp_path: Path) -> None:
    target = tmp_path / "example.toml"
    assert main(["demo", "--save", str(target)]) == 0
    capsys.readouterr()
    assert main(["--file", str(target), "check"]) == 0


def test_demo_save_does_not_touch_the_users_plan(capsys, tmp_path: Path) -> None:
    assert main(["demo", "--save", str(tmp_path / "example.toml")]) == 0
    capsys.readouterr()
    assert main(["path"]) == 0
    assert not Path(capsys.readouterr().out.strip()).exists()


def test_demo_save_refuses_to_replace_an_existing_file(capsys, plan_file) -> None:
    path = plan_file("schema = 1\nnot_a_key = true\n")  # an invalid plan: never written to
    before = path.read_bytes(), path.stat().st_mtime_ns
    assert main(["demo", "--save", str(path)]) == 2
    captured = capsys.readouterr()
    assert "already exists" in captured.err and str(path) in captured.err
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_demo_save_into_a_missing_folder_says_so_without_a_traceback(capsys, tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "folder" / "example.toml"
    assert main(["demo", "--save", str(target)]) == 2
    captured = capsys.readouterr()
    assert captured.err.startswith(f"rankplan: cannot write {target}")
    assert not target.exists()


def test_demo_reapply_save_writes_the_reapplicant_example(capsys, tmp_path: Path) -> None:
    target = tmp_path / "reapply.toml"
    assert main(["demo", "--reapply", "--save", str(target)]) == 0
    loaded = read_plan(target)
    assert loaded.errors == [] and loaded.plan is not None
    r = loaded.plan.reapply
    assert r is not None and r.specialty == "Internal Medicine" and r.last_cycle == 2026
    assert r.letters and r.advocates and r.feedback
    capsys.readouterr()
    assert main(["--file", str(target), "check"]) == 0
    assert "RA02 warning" in capsys.readouterr().out


def test_demo_without_reapply_has_none(capsys, tmp_path: Path) -> None:
    target = tmp_path / "example.toml"
    assert main(["demo", "--save", str(target)]) == 0
    assert read_plan(target).plan.reapply is None


def test_demo_reapply_opens_a_copy_of_the_second_example(monkeypatch) -> None:
    from rankplan import cli

    opened: list[Path] = []

    def run(path: Path, read_only: bool = False) -> int:
        opened.append(path)
        assert read_plan(path).plan.reapply is not None
        return 0

    monkeypatch.setattr(cli, "run_tui", run)
    assert main(["demo", "--reapply"]) == 0
    assert len(opened) == 1


@pytest.mark.parametrize("fails", [False, True])
def test_demo_leaves_no_temporary_folder_behind(monkeypatch, fails: bool) -> None:
    """Issue 17 item 12: the plan, its backup, lock and folder go when the demo ends."""
    from rankplan import cli
    from rankplan.storage.store import PlanStore

    folders: list[Path] = []

    def run(path: Path, read_only: bool = False) -> int:
        folders.append(path.parent)
        store = PlanStore.open(path)  # takes the lock, as the app does
        store.plan.profile.name = "Changed"
        store.save(store.plan)  # writes plan.toml.bak beside it
        store.close()
        assert path.with_name("plan.toml.bak").exists()
        if fails:
            raise RuntimeError("the app crashed")
        return 0

    monkeypatch.setattr(cli, "run_tui", run)
    if fails:
        with pytest.raises(RuntimeError):
            main(["demo"])
    else:
        assert main(["demo"]) == 0
    (folder,) = folders
    assert folder.name.startswith("rankplan-demo-")
    assert not folder.exists()
