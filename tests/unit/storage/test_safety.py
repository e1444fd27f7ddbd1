"""Saving safely against what else happens to the folder (issue 12): a hand edit landing
while ours is being written, links planted at the backup or conflict names, temporary files
of killed saves, the user's stricter mode, CRLF files."""

from __future__ import annotations

import copy
import os
from datetime import datetime
from pathlib import Path

import pytest
from storage_helpers import leftovers, mode, renamed

from rankplan.core import model as m
from rankplan.storage import files
from rankplan.storage.read import read_plan
from rankplan.storage.store import PlanStore, SaveOutcome

NOW = datetime(2026, 11, 21, 9, 30, 5)
CONFLICT = "plan.conflict-20261121-093005.toml"






def edit_right_before_replace(monkeypatch, path: Path, edit) -> list[str]:
    """Make ``edit(path)`` happen once, after our temporary file is written and flushed,
    the moment before the replace would run (the window of issue 12, item 1)."""
    done: list[str] = []
    real = files._flush_to_disk

    def flush_then_edit(fd: int) -> None:
        real(fd)
        if not done and os.readlink(f"/proc/self/fd/{fd}").startswith(
                str(path.parent / f".{path.name}.")):
            done.append("edited")
            edit(path)

    monkeypatch.setattr(files, "_flush_to_disk", flush_then_edit)
    return done


# -- item 1: an edit by hand while ours is being written -------------------------------------


@pytest.mark.parametrize("how", ["rewrite", "same-size-old-mtime", "append", "replace"])
def test_a_hand_edit_landing_while_ours_is_written_is_never_overwritten(
        store: PlanStore, monkeypatch, how: str) -> None:
    original = store.path.read_bytes()
    hand = original.replace(b"Jordan Avery", b"Jordan Ayers")

    def edit(path: Path) -> None:
        before = path.stat()
        if how == "rewrite":
            path.write_bytes(hand + b"# by hand\n")
        elif how == "same-size-old-mtime":
            path.write_bytes(hand)
            os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
        elif how == "append":
            with open(path, "ab") as handle:
                handle.write(b"# by hand\n")
        else:  # an editor that saves by renaming its own file into place
            other = path.with_name("editor-save")
            other.write_bytes(hand)
            os.replace(other, path)

    done = edit_right_before_replace(monkeypatch, store.path, edit)
    ours = renamed(store.plan, "Ours")

    result = store.save(ours, now=NOW)

    assert done == ["edited"]
    assert result.outcome is SaveOutcome.CONFLICT
    assert result.path == store.path.with_name(CONFLICT) == store.conflict_file
    assert store.path.read_bytes() != original  # the hand edit is there, untouched
    assert b"Ours" not in store.path.read_bytes()
    assert read_plan(result.path).plan == ours
    assert leftovers(store.path.parent) == []
    # and later saves keep going to the conflict copy
    again = renamed(store.plan, "Ours again")
    assert store.save(again).path == result.path
    assert read_plan(result.path).plan == again


def test_the_recheck_before_the_replace_lets_an_untouched_file_be_saved(store: PlanStore) -> None:
    ours = renamed(store.plan, "Ours")
    assert store.save(ours).outcome is SaveOutcome.SAVED
    assert read_plan(store.path).plan == ours
    assert list(store.path.parent.glob("*.conflict-*")) == []


def test_same_stat_sees_a_write_even_with_the_mtime_put_back(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_bytes(b"a = 1\n")
    key = files.stat_key(path.stat())
    assert files.same_stat(path, key)
    before = path.stat()
    path.write_bytes(b"a = 2\n")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert not files.same_stat(path, key)


# -- item 9: links planted at the backup or conflict names -----------------------------------


def test_a_symlink_planted_at_the_backup_name_is_replaced_not_followed(
        store: PlanStore, tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"precious")
    backup = files.backup_path(store.path)
    backup.symlink_to(victim)
    before = store.path.read_bytes()

    store.save(renamed(store.plan, "Ours"))

    assert victim.read_bytes() == b"precious"
    assert not backup.is_symlink()
    assert backup.read_bytes() == before
    assert mode(backup) == 0o600


def test_a_symlink_planted_at_the_conflict_name_is_replaced_not_followed(
        store: PlanStore, tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"precious")
    conflict = store.path.with_name(CONFLICT)
    conflict.symlink_to(victim)
    store.path.write_bytes(store.path.read_bytes() + b"# by hand\n")
    ours = renamed(store.plan, "Ours")

    result = store.save(ours, now=NOW)

    assert result.outcome is SaveOutcome.CONFLICT and result.path == conflict
    assert victim.read_bytes() == b"precious"
    assert not conflict.is_symlink()
    assert read_plan(conflict).plan == ours


def test_a_symlink_at_the_conflict_name_is_not_followed_in_the_late_recheck_either(
        store: PlanStore, tmp_path: Path, monkeypatch) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"precious")
    store.path.with_name(CONFLICT).symlink_to(victim)
    edit_right_before_replace(monkeypatch, store.path,
                              lambda p: p.write_bytes(p.read_bytes() + b"# by hand\n"))

    result = store.save(renamed(store.plan, "Ours"), now=NOW)

    assert result.outcome is SaveOutcome.CONFLICT
    assert victim.read_bytes() == b"precious"
    assert not result.path.is_symlink()


# -- item 14: temporary files of killed saves ------------------------------------------------


def test_temp_files_of_killed_saves_are_removed_at_the_next_start(demo_path: Path) -> None:
    folder = demo_path.parent
    ours = [".plan.toml.abc123_x.tmp", ".plan.toml.bak.zz9yy8xx.tmp",
            ".plan.conflict-20261121-093005.toml.k2j3h4g5.tmp"]
    others = [".other.toml.abc123_x.tmp",  # another file's
              ".plan.toml.tmp",  # not our pattern
              "plan.toml.abc123_x.tmp",  # not hidden: not ours
              ".plan.toml.ABCDEFGH.tmp",  # mkstemp never makes capitals
              ".plan.toml.abc123_x.tmp.keep"]
    for name in ours + others:
        (folder / name).write_bytes(b"half a save")
    (folder / "sub").mkdir()
    (folder / "sub" / ".plan.toml.abc123_x.tmp").write_bytes(b"another folder")

    PlanStore.open(demo_path).close()

    assert sorted(p.name for p in folder.iterdir() if p.name.endswith((".tmp", ".keep"))) == (
        sorted(others))
    assert (folder / "sub" / ".plan.toml.abc123_x.tmp").exists()


def test_a_read_only_open_removes_nothing(demo_path: Path) -> None:
    """Without the lock another rankplan may be saving right now: its temp file is live."""
    live = demo_path.parent / ".plan.toml.abc123_x.tmp"
    live.write_bytes(b"being written")
    PlanStore.open(demo_path, read_only=True).close()
    assert live.exists()


def test_a_symlink_with_our_temp_name_is_left_alone(demo_path: Path, tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"precious")
    link = demo_path.parent / ".plan.toml.abc123_x.tmp"
    link.symlink_to(victim)
    PlanStore.open(demo_path).close()
    assert link.is_symlink() and victim.read_bytes() == b"precious"


# -- item 15: modes and line endings -----------------------------------------------------------


def test_a_stricter_mode_is_kept_and_never_widened(store: PlanStore) -> None:
    store.path.chmod(0o400)
    store.save(renamed(store.plan, "A"))
    assert mode(store.path) == 0o400
    assert mode(files.backup_path(store.path)) == 0o400
    store.save(renamed(store.plan, "B"))
    assert mode(store.path) == 0o400
    assert read_plan(store.path).plan.profile.name == "B"


@pytest.mark.usefixtures("tmp_path")
def test_a_wider_mode_is_narrowed_to_0600_and_a_new_file_is_0600(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        wide = tmp_path / "wide.toml"
        wide.write_bytes(b"old")
        wide.chmod(0o664)
        files.atomic_write(wide, b"new")
        fresh = tmp_path / "fresh.toml"
        files.atomic_write(fresh, b"new")
    finally:
        os.umask(old)
    assert mode(wide) == 0o600
    assert mode(fresh) == 0o600


def test_a_crlf_file_keeps_crlf_on_every_line_multi_line_notes_too(plan_file) -> None:
    text = ('schema = 1\n\n[profile]\nname = "A"\n\n[[programs]]\nid = "p1"\nname = "One"\n'
            'notes = """\nfirst\nsecond"""\n').replace("\n", "\r\n")
    path = plan_file(text)
    path.write_bytes(text.encode())
    opened = PlanStore.open(path)
    try:
        plan = copy.deepcopy(opened.plan)
        plan.programs[0].notes = "line one\nline two\nline three"
        plan.programs.append(m.Program(id="p2", name="Two", notes="new\nnote"))
        opened.save(plan)
    finally:
        opened.close()
    data = path.read_bytes()
    assert b"line one\r\nline two\r\nline three" in data
    assert b"new\r\nnote" in data
    assert data.count(b"\n") == data.count(b"\r\n")
    assert read_plan(path).plan == plan


def test_an_lf_file_stays_lf(store: PlanStore) -> None:
    plan = copy.deepcopy(store.plan)
    plan.programs[0].notes = "a\nb"
    store.save(plan)
    assert b"\r" not in store.path.read_bytes()


def test_saving_the_plan_as_it_was_read_writes_nothing(store: PlanStore) -> None:
    """The app saves once more at exit, whatever it knows of edits: with none, the file (and
    its backup) stay untouched, and a hand edit made meanwhile gets no conflict copy."""
    before = store.path.stat()
    assert store.save(copy.deepcopy(store.plan)).outcome is SaveOutcome.SAVED
    after = store.path.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert not files.backup_path(store.path).exists()
    store.path.write_bytes(store.path.read_bytes() + b"# by hand\n")
    assert store.save(copy.deepcopy(store.plan)).outcome is SaveOutcome.SAVED
    assert store.path.read_bytes().endswith(b"# by hand\n")
    assert list(store.path.parent.glob("*.conflict-*")) == []


def test_a_late_conflict_through_a_symlinked_plan_goes_beside_the_link(
        demo_path: Path, tmp_path: Path, monkeypatch) -> None:
    """The temporary file sits beside the real file, the conflict copy beside the name the
    user opened: another folder, so it is written afresh there."""
    link = tmp_path / "linked.toml"
    link.symlink_to(demo_path)
    opened = PlanStore.open(link)
    try:
        edit_right_before_replace(monkeypatch, demo_path,
                                  lambda p: p.write_bytes(p.read_bytes() + b"# by hand\n"))
        ours = renamed(opened.plan, "Ours")
        result = opened.save(ours, now=datetime(2026, 11, 21, 9, 30, 5))
    finally:
        opened.close()
    assert result.outcome is SaveOutcome.CONFLICT
    assert result.path == tmp_path / "linked.conflict-20261121-093005.toml"
    assert read_plan(result.path).plan == ours
    assert demo_path.read_bytes().endswith(b"# by hand\n")
    assert leftovers(demo_path.parent) == leftovers(tmp_path) == []
