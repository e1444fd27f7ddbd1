"""``PlanStore``: owns one plan file for a session (lock, read, save, conflicts).

Reading uses tomllib only. The tomlkit document that keeps the user's layout belongs to a
renderer (``renderer.py``): parsed later (``prepare``, after the first frame) or at the first
save, in this process or, for the app, in a helper process.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from filelock import FileLock, Timeout

from rankplan.core.model import Plan
from rankplan.storage import files
from rankplan.storage.errors import PlanBusyError, PlanError
from rankplan.storage.read import BOM, Loaded, read_plan
from rankplan.storage.renderer import (
    HelperLost,
    HelperRenderer,
    LocalRenderer,
    PlanLike,
    RoundTripError,
)

if TYPE_CHECKING:
    from rankplan.storage.ahead import Ahead

__all__ = ["PlanStore", "ReadOnlyError", "RoundTripError", "SaveOutcome", "SaveResult"]

NEW_PLAN_TEXT = """\
# rankplan plan file. rankplan saves it as you work; you may also edit it by hand
# (while rankplan is closed). Every key but schema is optional.
schema = 1
"""


class SaveOutcome(StrEnum):
    SAVED = "saved"
    CONFLICT = "conflict"  # the file changed on disk: ours went to a conflict copy
    STALE = "stale"  # the file was read again after this save began: nothing written


@dataclass(frozen=True)
class SaveResult:
    outcome: SaveOutcome
    path: Path  # where the plan was written


class ReadOnlyError(Exception):
    pass


class PlanStore:
    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        self.plan: Plan | None = None
        self.errors: list[PlanError] = []
        self.conflict_file: Path | None = None
        self._text = ""
        self._bom = False
        self._renderer: LocalRenderer | HelperRenderer = LocalRenderer(path)
        self._renderer_stale = True  # the renderer has not been given the current reading
        self._fingerprint: files.Fingerprint | None = None
        self._backed_up = False
        self._lock: FileLock | None = None
        self._io = threading.Lock()
        self.generation = 0  # one more at every reload: a save begun before it is stale
        self._reading: Ahead | None = None  # see open(ahead=True)

    # -- opening ------------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, *, read_only: bool = False, create: bool = True,
             ahead: bool = False, derive: Callable[[Plan], Any] | None = None) -> PlanStore:
        """Lock (unless read-only), create an empty plan if there is none, and read it.

        Raises ``PlanBusyError`` when another rankplan holds the lock. A file that does not
        validate is opened anyway, with ``errors`` set and saving refused.

        ``ahead``: the reading goes on beside what the caller does next (``ahead.py``), and
        ``plan`` and ``errors`` are set only at ``finish_reading()``, which also hands back
        what ``derive`` gave for the plan in the reading child (``ahead.read_ahead``).
        """
        store = cls(path, read_only=read_only)
        if not read_only:
            store._acquire_lock()
            files.remove_stale_temp_files(path)  # left by saves killed midway; ours only
        created = create and not read_only and not path.exists()
        if created:
            files.ensure_private_folder(path.parent)
            files.atomic_write(path, NEW_PLAN_TEXT.encode())
        if ahead:
            from rankplan.storage.ahead import read_ahead

            store._reading = read_ahead(path, derive)
        else:
            store.reload()
        store._backed_up = created  # a file made just now has nothing worth a backup
        return store

    def _acquire_lock(self) -> None:
        files.ensure_private_folder(self.path.parent)
        lock_file = files.lock_path(self.path)
        lock = FileLock(lock_file, timeout=0, mode=files.FILE_MODE)
        try:
            lock.acquire()
        except Timeout:
            raise PlanBusyError(self.path, lock_file) from None
        self._lock = lock

    def close(self) -> None:
        try:
            if self._reading is not None:  # opened ahead, never taken: stop the child reading
                self._reading, reading = None, self._reading
                reading.drop()
        finally:  # a second Ctrl+C in there still lets the lock go
            self._renderer.close()
            if self._lock is not None:
                self._lock.release()
                self._lock = None

    def finish_reading(self) -> Any:
        """Take the reading begun by ``open(ahead=True)`` (waiting for it if need be), and
        give what its ``derive`` gave (None when it did not run: the caller works it out)."""
        if self._reading is None:
            return None
        reading, self._reading = self._reading, None
        loaded, derived = reading.take()
        self.reload(loaded)
        return derived

    def reload(self, loaded: Loaded | None = None) -> None:
        """(Re)read the file from disk, forgetting the kept document and any conflict
        (``loaded``: that reading of the file, made already)."""
        with self._io:
            self.generation += 1
            if loaded is None:
                loaded = read_plan(self.path)
            self.plan, self.errors = loaded.plan, loaded.errors
            self._text = loaded.text
            self._bom = loaded.data.startswith(BOM)
            self._renderer_stale = True  # the renderer gets this reading before its next job
            self.conflict_file = None
            self._fingerprint = (
                files.Fingerprint.of_bytes(self.path, loaded.data) if loaded.data else None
            )

    def restore_backup(self, *, now: datetime | None = None) -> Path:
        """Make the backup the plan again: the unreadable file is renamed aside (it keeps its
        bytes: it is never written to), the backup's content written to the plan's own name
        atomically, and the result read. Returns where the broken file went.

        Raises ``OSError`` (nothing changed, or the broken file only moved aside and named in
        the error) and ``ValueError`` when there is no valid backup."""
        if self.read_only:
            raise ReadOnlyError(f"{self.path} is open read-only")
        backup = files.backup_path(self.path)
        loaded = read_plan(backup)
        if not loaded.ok:
            raise ValueError(f"{backup} is not a valid plan")
        with self._io:
            aside = files.broken_path(self.path, now or datetime.now())
            if aside.exists():
                raise FileExistsError(f"{aside} already exists")
            if self.path.exists():
                self.path.rename(aside)
            files.atomic_write(self.path, loaded.data, follow_symlinks=False,
                               mode=files.FILE_MODE)
        self.reload()
        self._backed_up = True  # the backup already holds this very content
        return aside

    @property
    def writable(self) -> bool:
        return self.plan is not None and not self.read_only

    # -- the tomlkit document ------------------------------------------------------------------

    def prepare(self, *, helper: bool = False) -> None:
        """Parse the document that keeps the user's layout (slow: call it off the first
        frame). With ``helper``, move that work, and every later rendering, to a helper
        process (the app does: see ``renderer.py``); if it cannot start, stay in-process."""
        with self._io:
            if helper and isinstance(self._renderer, LocalRenderer):
                try:
                    self._renderer = HelperRenderer(self.path)
                    self._renderer_stale = True
                except HelperLost:
                    pass
            self._with_renderer(lambda r: r.prepare())

    def _with_renderer(self, job):
        """Run ``job(renderer)`` on a renderer that holds the current reading. A helper that
        is lost is replaced by an in-process renderer and the job run again there."""
        for _attempt in range(2):
            renderer = self._renderer
            try:
                if self._renderer_stale:
                    renderer.open(self._text)
                    self._renderer_stale = False
                return job(renderer)
            except HelperLost:
                renderer.close()
                self._renderer = LocalRenderer(self.path)
                self._renderer_stale = True
        raise AssertionError("unreachable: the local renderer does not get lost")

    # -- saving -------------------------------------------------------------------------------

    def render(self, plan: PlanLike) -> str:
        """The file text for ``plan``, checked to read back as exactly ``plan``."""
        return self._with_renderer(lambda r: r.render(plan))

    def save(self, plan: PlanLike, *, now: datetime | None = None,
             generation: int | None = None) -> SaveResult:
        """Write ``plan`` (or its pickle) safely. Raises ``OSError`` (nothing lost: call
        again) or ``RoundTripError``; never leaves a partly written file. ``generation``: the
        ``self.generation`` the plan was taken at; after a reload such a save writes nothing."""
        if self.read_only:
            raise ReadOnlyError(f"{self.path} is open read-only")
        if self.plan is None:
            raise ReadOnlyError(f"{self.path} is not a valid plan; it is never written to")
        with self._io:
            if generation is not None and generation != self.generation:
                return SaveResult(SaveOutcome.STALE, self.path)
            text = self.render(plan)
            if text == self._text and self.conflict_file is None:
                # The file holds this text already (as read or last written): nothing to write.
                return SaveResult(SaveOutcome.SAVED, self.path)
            data = (BOM if self._bom else b"") + text.encode("utf-8")
            when = now or datetime.now()
            if self.conflict_file is None and self._changed_on_disk():
                self.conflict_file = files.conflict_path(self.path, when)
            if self.conflict_file is not None:
                files.write_conflict(self.conflict_file, self.path, data)
                return SaveResult(SaveOutcome.CONFLICT, self.conflict_file)
            if not self._backed_up and self.path.exists():
                files.write_backup(self.path)
                self._backed_up = True
            files.atomic_write(self.path, data,
                               before_replace=lambda: self._conflict_if_changed(when))
            if self.conflict_file is not None:  # changed while ours was being written
                return SaveResult(SaveOutcome.CONFLICT, self.conflict_file)
            self._fingerprint = files.Fingerprint.of_bytes(self.path, data)
            self._text = text
            return SaveResult(SaveOutcome.SAVED, self.path)

    def keep_ours(self, plan: PlanLike, *, now: datetime | None = None) -> tuple[SaveResult, Path | None]:
        """After a conflict, the user chose our version: write it over the file that was
        changed outside rankplan, and save to the file again from then on. What the file
        held is kept first beside it (``NAME.theirs-DATE.toml``: returned), so choosing
        wrong loses nothing."""
        if not self.writable:
            raise ReadOnlyError(f"{self.path} is open read-only")
        with self._io:
            when = now or datetime.now()
            text = self.render(plan)
            data = (BOM if self._bom else b"") + text.encode("utf-8")
            theirs: Path | None = None
            try:
                current = self.path.read_bytes()
            except FileNotFoundError:
                current = None
            if current is not None and current != data:
                theirs = files.theirs_path(self.path, when)
                files.write_conflict(theirs, self.path, current)
            files.atomic_write(self.path, data)
            self._fingerprint = files.Fingerprint.of_bytes(self.path, data)
            self._text = text
            self.conflict_file = None
            return SaveResult(SaveOutcome.SAVED, self.path), theirs

    def _conflict_if_changed(self, when: datetime) -> Path | None:
        """Run by the atomic write once ours is on disk, immediately before the replace: the
        whole comparison again, then a stat showing nothing touched the file since (so the
        window for an edit to be overwritten is one stat call to one rename). If the file
        changed, ours goes to a conflict copy instead: the path returned."""
        if self._unchanged_now():
            return None
        self.conflict_file = files.conflict_path(self.path, when)
        return self.conflict_file

    def _unchanged_now(self) -> bool:
        if self._fingerprint is None:
            return not self.path.exists()
        key = self._fingerprint.check(self.path)
        return key is not None and files.same_stat(self.path, key)

    def _changed_on_disk(self) -> bool:
        if self._fingerprint is None:
            return self.path.exists()
        return not self._fingerprint.matches(self.path)
