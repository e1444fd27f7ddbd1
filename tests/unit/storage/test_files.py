"""File safety of ``PlanStore`` (DESIGN §5 "Saving and loading"): private modes, atomic
replacement through symlinks, the backup, the lock, edits by hand while open, failed saves,
and files that are never written to."""

from __future__ import annotations

import copy
import errno
import os
import subprocess
import sys
import textwrap
from datetime import datetime
from pathlib import Path

import pytest

from helpers import ROOT
from storage_helpers import leftovers, mode, renamed

from rankplan.core import model as m
from rankplan.storage import document, files
from rankplan.storage.errors import PlanBusyError
from rankplan.storage.read import read_plan
from rankplan.storage.store import (
    NEW_PLAN_TEXT,
    PlanStore,
    ReadOnlyError,
    RoundTripError,
    SaveOutcome,
)

NOW = datetime(2026, 11, 21, 9, 30, 5)
LATER = datetime(2026, 11, 21, 10, 0, 0)






@pytest.fixture
def umask_zero():
    """Run with umask 0, so only rankplan's own modes can keep files private."""
    old = os.umask(0)
    yield
    os.umask(old)


def chmod_is_enforced(folder: Path) -> bool:
    """False when permissions do not stop writes here (running as root, some filesystems)."""
    probe = folder / ".probe"
    try:
        probe.write_bytes(b"")
    except PermissionError:
        return True
    probe.unlink()
    return False


# -- modes -------------------------------------------------------------------------------------


@pytest.mark.usefixtures("umask_zero")
def test_new_folder_is_0700_and_new_plan_is_0600(tmp_path: Path) -> None:
    path = tmp_path / "new" / "plan.toml"

    opened = PlanStore.open(path)
    opened.close()

    assert mode(path.parent) == 0o700
    assert mode(path) == 0o600
    assert path.read_text() == NEW_PLAN_TEXT
    assert mode(files.lock_path(path)) == 0o600


@pytest.mark.usefixtures("umask_zero")
def test_saved_plan_backup_and_conflict_copy_are_0600(demo_path: Path) -> None:
    demo_path.chmod(0o644)
    opened = PlanStore.open(demo_path)
    opened.save(renamed(opened.plan, "A"))
    assert mode(demo_path) == 0o600
    assert mode(files.backup_path(demo_path)) == 0o600

    demo_path.write_text(demo_path.read_text() + "# by hand\n")
    result = opened.save(renamed(opened.plan, "B"), now=NOW)
    opened.close()

    assert result.outcome is SaveOutcome.CONFLICT
    assert mode(result.path) == 0o600


@pytest.mark.usefixtures("umask_zero")
def test_every_folder_rankplan_creates_is_0700(tmp_path: Path) -> None:
    """Missing parents too (the XDG rule): a writable parent would expose the plan folder."""
    path = tmp_path / "one" / "two" / "three" / "plan.toml"

    PlanStore.open(path).close()

    assert [mode(tmp_path / p) for p in ("one", "one/two", "one/two/three")] == [0o700] * 3
    assert mode(path) == 0o600


def test_existing_folder_keeps_its_mode(tmp_path: Path) -> None:
    """rankplan makes its own folders private; it does not change one the user made."""
    folder = tmp_path / "mine"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)

    PlanStore.open(folder / "new" / "plan.toml").close()

    assert mode(folder) == 0o755
    assert mode(folder / "new") == 0o700


def test_atomic_write_replaces_the_target_of_a_symlink(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    target = real / "plan.toml"
    target.write_bytes(b"old")
    link = tmp_path / "plan.toml"
    link.symlink_to(target)

    files.atomic_write(link, b"new")

    assert link.is_symlink()
    assert os.readlink(link) == str(target)
    assert target.read_bytes() == b"new"
    assert mode(target) == 0o600
    assert leftovers(tmp_path) == leftovers(real) == []


def test_store_saves_through_a_symlink(demo_path: Path, tmp_path: Path) -> None:
    link = tmp_path / "linked.toml"
    link.symlink_to(demo_path)
    opened = PlanStore.open(link)
    plan = renamed(opened.plan, "Through the link")

    result = opened.save(plan)
    opened.close()

    assert result.outcome is SaveOutcome.SAVED
    assert link.is_symlink() and link.resolve() == demo_path
    assert read_plan(demo_path).plan == plan


def test_atomic_write_leaves_nothing_behind_when_it_fails(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "plan.toml"
    path.write_bytes(b"old")

    monkeypatch.setattr(files, "_flush_to_disk", _no_space)
    with pytest.raises(OSError, match="No space left"):
        files.atomic_write(path, b"new")

    assert path.read_bytes() == b"old"
    assert leftovers(tmp_path) == []


# -- the backup -----------------------------------------------------------------------------------


def test_backup_holds_the_file_as_it_was_before_the_first_save(store: PlanStore) -> None:
    original = store.path.read_bytes()
    backup = files.backup_path(store.path)
    assert not backup.exists()

    store.save(renamed(store.plan, "First"))

    assert backup.name == "plan.toml.bak"
    assert backup.read_bytes() == original


def test_backup_is_written_once_per_session(store: PlanStore) -> None:
    original = store.path.read_bytes()
    backup = files.backup_path(store.path)
    store.save(renamed(store.plan, "First"))
    first = store.path.read_bytes()
    assert first != original

    store.save(renamed(store.plan, "Second"))
    store.save(renamed(store.plan, "Third"))

    assert backup.read_bytes() == original

    third = store.path.read_bytes()
    store.close()
    again = PlanStore.open(store.path)
    again.save(renamed(again.plan, "Fourth"))
    again.close()
    assert backup.read_bytes() == third  # a new session backs up what it found


def test_a_plan_created_this_session_gets_no_backup_of_its_empty_self(tmp_path: Path) -> None:
    opened = PlanStore.open(tmp_path / "plan.toml")
    opened.save(renamed(opened.plan, "Me"))
    opened.close()
    assert not files.backup_path(opened.path).exists()

    again = PlanStore.open(tmp_path / "plan.toml")  # the next session backs up what it found
    before = again.path.read_text()
    again.save(renamed(again.plan, "You"))
    again.close()
    assert files.backup_path(again.path).read_text() == before


# -- the lock --------------------------------------------------------------------------------------


def test_second_open_is_busy(store: PlanStore) -> None:
    with pytest.raises(PlanBusyError) as caught:
        PlanStore.open(store.path)

    assert caught.value.path == store.path
    assert caught.value.lock_path == store.path.with_name("plan.toml.lock")
    assert str(store.path) in str(caught.value)


def test_read_only_open_works_beside_the_lock_and_refuses_to_save(store: PlanStore) -> None:
    before = store.path.read_bytes()

    viewer = PlanStore.open(store.path, read_only=True)

    assert viewer.plan == store.plan
    assert not viewer.writable
    with pytest.raises(ReadOnlyError):
        viewer.save(renamed(viewer.plan, "Nope"))
    assert store.path.read_bytes() == before
    assert not files.backup_path(store.path).exists()
    # the writer is not disturbed by the viewer
    assert store.save(renamed(store.plan, "Writer")).outcome is SaveOutcome.SAVED


def test_read_only_open_does_not_create_a_missing_plan(tmp_path: Path) -> None:
    path = tmp_path / "nothing" / "plan.toml"

    viewer = PlanStore.open(path, read_only=True)

    assert viewer.plan is None and viewer.errors
    assert not path.parent.exists()


def test_close_releases_the_lock(store: PlanStore) -> None:
    store.close()

    again = PlanStore.open(store.path)
    again.close()
    store.close()  # closing twice is harmless


LOCK_HOLDER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from rankplan.storage.store import PlanStore

    store = PlanStore.open(Path(sys.argv[1]))
    print("locked", flush=True)
    sys.stdin.readline()
    """
)


def test_lock_of_another_process_is_busy_and_freed_when_it_dies(demo_path: Path) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", LOCK_HOLDER, str(demo_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        cwd=ROOT,
        text=True,
    )
    try:
        assert child.stdout.readline().strip() == "locked"
        with pytest.raises(PlanBusyError):
            PlanStore.open(demo_path)
    finally:
        child.kill()
        child.wait(timeout=10)
        child.stdin.close()
        child.stdout.close()

    PlanStore.open(demo_path).close()


# -- edits by hand while the plan is open ----------------------------------------------------------


def test_edit_by_hand_sends_our_save_to_a_conflict_file(store: PlanStore) -> None:
    hand = store.path.read_text() + "\n# added by hand while rankplan ran\n"
    store.path.write_text(hand)
    ours = renamed(store.plan, "Ours")

    result = store.save(ours, now=NOW)

    conflict = store.path.with_name("plan.conflict-20261121-093005.toml")
    assert result.outcome is SaveOutcome.CONFLICT
    assert result.path == conflict == store.conflict_file
    assert store.path.read_text() == hand
    assert read_plan(conflict).plan == ours
    assert not files.backup_path(store.path).exists()
    assert leftovers(store.path.parent) == []


def test_later_saves_keep_going_to_the_conflict_file(store: PlanStore) -> None:
    hand = store.path.read_text().replace('name = "Jordan Avery"', 'name = "Edited by hand"')
    store.path.write_text(hand)
    store.save(renamed(store.plan, "Ours 1"), now=NOW)
    ours = renamed(store.plan, "Ours 2")

    result = store.save(ours, now=LATER)

    assert result.outcome is SaveOutcome.CONFLICT
    assert result.path.name == "plan.conflict-20261121-093005.toml"
    assert read_plan(result.path).plan == ours
    assert store.path.read_text() == hand
    assert sorted(p.name for p in store.path.parent.glob("*.conflict-*")) == [result.path.name]


def test_same_size_edit_with_the_old_mtime_is_still_seen(store: PlanStore) -> None:
    """Editors, sync tools and coarse clocks can keep the mtime; the content still decides."""
    before = store.path.stat()
    hand = store.path.read_bytes().replace(b"Jordan Avery", b"Jordan Ayers")
    assert len(hand) == before.st_size
    store.path.write_bytes(hand)
    os.utime(store.path, ns=(before.st_atime_ns, before.st_mtime_ns))

    result = store.save(renamed(store.plan, "Ours"), now=NOW)

    assert result.outcome is SaveOutcome.CONFLICT
    assert store.path.read_bytes() == hand


def test_touched_but_unchanged_file_is_no_conflict(store: PlanStore) -> None:
    stamp = store.path.stat().st_mtime_ns + 5_000_000_000
    os.utime(store.path, ns=(stamp, stamp))
    ours = renamed(store.plan, "Ours")

    result = store.save(ours)

    assert result.outcome is SaveOutcome.SAVED
    assert read_plan(store.path).plan == ours


def test_our_own_saves_are_no_conflict(store: PlanStore) -> None:
    for name in ("One", "Two", "Three"):
        result = store.save(renamed(store.plan, name), now=NOW)
        assert result.outcome is SaveOutcome.SAVED
    assert list(store.path.parent.glob("*.conflict-*")) == []


def test_plan_deleted_while_open_is_not_lost(store: PlanStore) -> None:
    store.path.unlink()
    ours = renamed(store.plan, "Ours")

    result = store.save(ours, now=NOW)

    assert read_plan(result.path).plan == ours


def test_reload_after_a_conflict_takes_the_file_and_saves_to_it_again(store: PlanStore) -> None:
    hand = store.path.read_text().replace('name = "Jordan Avery"', 'name = "Edited by hand"')
    store.path.write_text(hand)
    store.save(renamed(store.plan, "Ours"), now=NOW)

    store.reload()

    assert store.conflict_file is None
    assert store.plan.profile.name == "Edited by hand"
    theirs_then_ours = renamed(store.plan, "Merged")
    assert store.save(theirs_then_ours).outcome is SaveOutcome.SAVED
    assert read_plan(store.path).plan == theirs_then_ours


def test_conflict_name_for_a_file_without_toml_suffix(tmp_path: Path) -> None:
    plan = files.conflict_path(tmp_path / "plan.toml", NOW)
    other = files.conflict_path(tmp_path / "myplan", NOW)

    assert plan.name == "plan.conflict-20261121-093005.toml"
    assert other.name == "myplan.conflict-20261121-093005.toml"


# -- failed saves ----------------------------------------------------------------------------------


def test_save_into_a_read_only_folder_fails_cleanly_and_retries(store: PlanStore) -> None:
    folder = store.path.parent
    before = store.path.read_bytes()
    plan_before = copy.deepcopy(store.plan)
    ours = renamed(store.plan, "Ours")
    ours_before = copy.deepcopy(ours)
    folder.chmod(0o500)
    try:
        if not chmod_is_enforced(folder):
            pytest.skip("permissions are not enforced here (running as root?)")
        with pytest.raises(OSError):
            store.save(ours)
        assert store.path.read_bytes() == before
        assert store.plan == plan_before
        assert ours == ours_before
    finally:
        folder.chmod(0o700)
    assert leftovers(folder) == []

    result = store.save(ours)

    assert result.outcome is SaveOutcome.SAVED
    assert read_plan(store.path).plan == ours
    assert files.backup_path(store.path).read_bytes() == before


def test_denied_temp_file_fails_cleanly_and_retries(store: PlanStore, monkeypatch) -> None:
    """What a read-only folder does to a save, also when running as root."""
    before = store.path.read_bytes()
    ours = renamed(store.plan, "Ours")

    def denied(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    with monkeypatch.context() as patch:
        patch.setattr(files.tempfile, "mkstemp", denied)
        with pytest.raises(PermissionError):
            store.save(ours)

    assert store.path.read_bytes() == before
    assert not files.backup_path(store.path).exists()
    assert store.save(ours).outcome is SaveOutcome.SAVED
    assert read_plan(store.path).plan == ours
    assert files.backup_path(store.path).read_bytes() == before


def test_full_disk_on_save_keeps_the_file_and_the_plan_and_retries(
    store: PlanStore, monkeypatch
) -> None:
    """Works as root too: the replace of the plan file itself fails (after the backup)."""
    before = store.path.read_bytes()
    plan_before = copy.deepcopy(store.plan)
    ours = renamed(store.plan, "Ours")
    ours_before = copy.deepcopy(ours)
    real_replace = os.replace
    target = store.path.resolve()

    def replace(src, dst, **kwargs):
        if Path(dst) == target:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_replace(src, dst, **kwargs)

    with monkeypatch.context() as patch:
        patch.setattr(files.os, "replace", replace)
        with pytest.raises(OSError, match="No space left"):
            store.save(ours)

    assert store.path.read_bytes() == before
    assert store.plan == plan_before
    assert ours == ours_before
    assert leftovers(store.path.parent) == []

    result = store.save(ours)

    assert result.outcome is SaveOutcome.SAVED
    assert read_plan(store.path).plan == ours
    assert files.backup_path(store.path).read_bytes() == before


def test_failed_save_is_no_conflict_on_retry(store: PlanStore, monkeypatch) -> None:
    """A failed write must not leave the store thinking the file changed under it."""
    with monkeypatch.context() as patch:
        patch.setattr(files, "_flush_to_disk", _no_space)
        with pytest.raises(OSError):
            store.save(renamed(store.plan, "First try"))

    assert store.save(renamed(store.plan, "Second try")).outcome is SaveOutcome.SAVED


def _no_space(fd: int) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


# -- files that are never written to --------------------------------------------------------------

INVALID = {
    "toml-syntax": b"schema = 1\n[profile\nname = 'x'\n",
    "unknown-key": b'schema = 1\n[profile]\nnmae = "x"\n',
    "bad-value": b'schema = 1\n[[programs]]\nid = "a"\npreference = "hihg"\n',
    "rank-twice": b'schema = 1\n[[programs]]\nid = "a"\n[rank_list]\norder = ["a", "a"]\n',
    "no-schema": b'[profile]\nname = "x"\n',
    "newer-schema": b"schema = 2\n",
    "not-utf8": b'schema = 1\n[profile]\nname = "caf\xe9"\n',
    "empty": b"",
}


@pytest.mark.parametrize("data", list(INVALID.values()), ids=list(INVALID))
def test_invalid_file_opens_with_errors_and_is_never_written(plan_file, data: bytes) -> None:
    path = plan_file("")
    path.write_bytes(data)

    opened = PlanStore.open(path)
    try:
        assert opened.plan is None
        assert opened.errors
        assert not opened.writable
        with pytest.raises(ReadOnlyError):
            opened.save(m.Plan())
        with pytest.raises(ReadOnlyError):
            opened.save(m.Plan(), now=NOW)
    finally:
        opened.close()

    assert path.read_bytes() == data
    assert sorted(p.name for p in path.parent.iterdir()) == ["plan.toml", "plan.toml.lock"]


def test_invalid_file_made_valid_by_hand_is_writable_after_reload(plan_file) -> None:
    path = plan_file('schema = 1\n[profile]\nnmae = "x"\n')
    opened = PlanStore.open(path)
    assert not opened.writable
    path.write_text('schema = 1\n[profile]\nname = "x"\n')

    opened.reload()

    assert opened.writable
    ours = renamed(opened.plan, "y")
    assert opened.save(ours).outcome is SaveOutcome.SAVED
    assert read_plan(path).plan == ours
    opened.close()


# -- refusing to write what would not read back ----------------------------------------------------


def test_text_that_reads_back_differently_is_not_written(store: PlanStore, monkeypatch) -> None:
    before = store.path.read_bytes()
    real = document.update_document

    def wrong(doc, plan, previous=None):
        text, current = real(doc, plan, previous)
        return text.replace('name = "Ours"', 'name = "Someone else"'), current

    monkeypatch.setattr(document, "update_document", wrong)
    with pytest.raises(RoundTripError, match="does not read back"):
        store.save(renamed(store.plan, "Ours"))

    assert store.path.read_bytes() == before
    assert not files.backup_path(store.path).exists()
    assert leftovers(store.path.parent) == []


def test_text_that_does_not_parse_is_not_written(store: PlanStore, monkeypatch) -> None:
    before = store.path.read_bytes()
    monkeypatch.setattr(document, "update_document", lambda doc, plan, previous=None: ("schema = 1\n[profile\n", {}))

    with pytest.raises(RoundTripError, match="does not parse"):
        store.save(renamed(store.plan, "Ours"))

    assert store.path.read_bytes() == before
    assert not files.backup_path(store.path).exists()
    assert leftovers(store.path.parent) == []


def test_text_that_is_invalid_is_not_written(store: PlanStore, monkeypatch) -> None:
    before = store.path.read_bytes()
    monkeypatch.setattr(document, "update_document", lambda doc, plan, previous=None: ("schema = 1\nnope = 1\n", {}))

    with pytest.raises(RoundTripError, match="unknown key"):
        store.save(renamed(store.plan, "Ours"))

    assert store.path.read_bytes() == before


def test_save_works_again_after_a_round_trip_error(store: PlanStore, monkeypatch) -> None:
    with monkeypatch.context() as patch:
        patch.setattr(document, "update_document", lambda doc, plan, previous=None: ("schema = 1\n[x\n", {}))
        with pytest.raises(RoundTripError):
            store.save(renamed(store.plan, "Ours"))

    ours = renamed(store.plan, "Ours")
    assert store.save(ours).outcome is SaveOutcome.SAVED
    assert read_plan(store.path).plan == ours


def test_after_a_failed_write_the_next_save_compares_everything(store: PlanStore,
                                                                 monkeypatch) -> None:
    """A save skips fields unchanged since the last write; a failed write must not leave
    that shortcut trusting a document that holds the failed attempt's values."""
    store.save(renamed(store.plan, "A"))

    def full_disk(path, data, **kwargs):
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(files, "atomic_write", full_disk)
        with pytest.raises(OSError):
            store.save(renamed(store.plan, "B"))  # the kept document now says "B"

    back = renamed(store.plan, "A")  # the user undid it: "A" again, as last written
    assert store.save(back).outcome is SaveOutcome.SAVED
    assert read_plan(store.path).plan == back


def test_repeated_saves_in_one_session_write_only_what_changed(store: PlanStore) -> None:
    plan = store.plan
    for i in range(5):
        plan.profile.name = f"name {i}"
        if plan.programs:
            plan.programs[0].notes = f"note {i}"
        store.save(plan)
        assert read_plan(store.path).plan == plan


def test_a_save_begun_before_a_reload_writes_nothing(store: PlanStore) -> None:
    """The app snapshots the plan, then the user reloads the hand-edited file: the old
    snapshot must not be written over the reading the user chose to keep."""
    generation = store.generation
    stale = renamed(store.plan, "old snapshot")
    hand = store.path.read_text(encoding="utf-8") + "\n# edited by hand\n"
    store.path.write_text(hand, encoding="utf-8")
    store.reload()
    assert store.save(stale, generation=generation).outcome is SaveOutcome.STALE
    assert store.path.read_text(encoding="utf-8") == hand
