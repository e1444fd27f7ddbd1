"""File safety: private folders, atomic replacement, fingerprints, backup and conflict copies."""

from __future__ import annotations

import hashlib
import os
import re
import stat
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

FOLDER_MODE = 0o700
FILE_MODE = 0o600


def ensure_private_folder(folder: Path) -> None:
    """Create ``folder`` and any missing parents 0700 (whatever the umask; the XDG rule);
    a folder that already exists is left as it is."""
    missing: list[Path] = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for new in reversed(missing):
        try:
            new.mkdir(mode=FOLDER_MODE)
        except FileExistsError:  # made meanwhile by someone else: not ours to change
            continue
        os.chmod(new, FOLDER_MODE)


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # some platforms cannot open a folder; the replace itself is still atomic
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _flush_to_disk(fd: int) -> None:
    os.fsync(fd)
    if sys.platform == "darwin":  # fsync does not reach the drive on macOS
        import fcntl

        fcntl.fcntl(fd, fcntl.F_FULLFSYNC)


# Temporary files of our atomic writes: ".NAME.XXXXXXXX.tmp" (mkstemp's eight characters).
TEMP_SUFFIX = ".tmp"
_TEMP_NAME = re.compile(r"^\.(?P<name>.+)\.[a-z0-9_]{8}\.tmp$")


def _new_file_mode(target: Path) -> int:
    """0600 for a new file; an existing file keeps a stricter mode (0400 stays 0400): a
    save never widens what the user narrowed."""
    try:
        return stat.S_IMODE(target.stat().st_mode) & FILE_MODE
    except OSError:
        return FILE_MODE


def atomic_write(path: Path, data: bytes, *, follow_symlinks: bool = True,
                 mode: int | None = None,
                 before_replace: Callable[[], Path | None] | None = None) -> Path:
    """Replace ``path`` with ``data`` so that a crash leaves the old file or the new, whole.

    With ``follow_symlinks`` a symlink at ``path`` stays and its target is replaced; without,
    the link itself is replaced by the new file and whatever it pointed to is never touched.
    The new file is 0600, or ``mode``, or an existing file's stricter mode.
    ``before_replace`` runs after the data is on disk and just before the replace; it may
    return another path to put the file at instead (a conflict copy). Returns where the
    file went.
    """
    target = path.resolve() if follow_symlinks else path.absolute()
    folder = target.parent
    fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.",
                                    suffix=TEMP_SUFFIX)
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), _new_file_mode(target) if mode is None else mode)
            handle.write(data)
            handle.flush()
            _flush_to_disk(handle.fileno())
        if before_replace is not None and (elsewhere := before_replace()) is not None:
            return _put_elsewhere(tmp_name, elsewhere, data)
        os.replace(tmp_name, target)
    except BaseException:
        try:
            os.unlink(tmp_name)
        except OSError:
            pass
        raise
    _fsync_folder(folder)
    return target


def _put_elsewhere(tmp_name: str, path: Path, data: bytes) -> Path:
    """Move the written temporary file to ``path`` (not following a link there); across
    folders, write ``path`` afresh."""
    path = path.absolute()
    if path.parent == Path(tmp_name).parent:
        os.replace(tmp_name, path)
        _fsync_folder(path.parent)
        return path
    os.unlink(tmp_name)
    return atomic_write(path, data, follow_symlinks=False)


def remove_stale_temp_files(path: Path) -> list[Path]:
    """Remove the temporary files that killed saves of ``path`` left beside it (ours only:
    our name pattern, for this plan, its backup or its conflict copies, regular files of
    this user). Call only while holding the plan's lock. Returns what was removed."""
    removed: list[Path] = []
    names = {path.name, path.resolve().name}
    stems = {n[: -len(".toml")] if n.endswith(".toml") else n for n in names}
    for folder in {path.absolute().parent, path.resolve().parent}:
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            match = _TEMP_NAME.match(entry.name)
            if not match or not _is_ours(match["name"], names, stems):
                continue
            try:
                st = entry.stat(follow_symlinks=False)
                if not stat.S_ISREG(st.st_mode) or st.st_uid != os.getuid():
                    continue
                os.unlink(entry.path)
            except OSError:
                continue
            removed.append(Path(entry.path))
    return removed


def _is_ours(name: str, names: set[str], stems: set[str]) -> bool:
    if name in names or name in {n + ".bak" for n in names}:
        return True
    return any(re.fullmatch(re.escape(s) + r"\.(conflict|theirs)-\d{8}-\d{6}\.toml", name)
               for s in stems)


StatKey = tuple[int, int, int, int, int]  # device, inode, size, mtime and ctime in ns


def stat_key(st: os.stat_result) -> StatKey:
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def same_stat(path: Path, key: StatKey) -> bool:
    """True if ``path`` is still the very file ``key`` was taken from, untouched: any write
    to it, or a file moved into its place, changes the inode or the ctime, which no tool can
    set back. A stat call: cheap enough to run right before a replace."""
    try:
        return stat_key(path.stat()) == key
    except OSError:
        return False


@dataclass(frozen=True)
class Fingerprint:
    """What the file looked like when read or last written, to spot edits by hand."""

    size: int
    sha256: str

    @classmethod
    def of_bytes(cls, path: Path, data: bytes) -> Fingerprint:
        return cls(len(data), hashlib.sha256(data).hexdigest())

    def matches(self, path: Path) -> bool:
        """True if ``path`` still holds what this fingerprint saw."""
        return self.check(path) is not None

    def check(self, path: Path) -> StatKey | None:
        """If ``path`` still holds what this fingerprint saw, the stat of the file whose
        bytes were compared (for ``same_stat`` just before a replace); else None.

        A new size settles it; otherwise the hash does, even when the mtime is the same: an
        edit of the same size can keep it (coarse timestamps, tools that restore it).
        """
        try:
            with open(path, "rb") as handle:
                key = stat_key(os.fstat(handle.fileno()))
                if key[2] != self.size:
                    return None
                data = handle.read()
        except OSError:
            return None
        return key if hashlib.sha256(data).hexdigest() == self.sha256 else None


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


def conflict_path(path: Path, when: datetime) -> Path:
    stem = path.stem if path.suffix == ".toml" else path.name
    return path.with_name(f"{stem}.conflict-{when:%Y%m%d-%H%M%S}.toml")


def theirs_path(path: Path, when: datetime) -> Path:
    """Where the outside version of a plan is kept when the user keeps rankplan's over it."""
    stem = path.stem if path.suffix == ".toml" else path.name
    return path.with_name(f"{stem}.theirs-{when:%Y%m%d-%H%M%S}.toml")


def broken_path(path: Path, when: datetime) -> Path:
    """Where a plan that cannot be read is put aside when its backup takes its place."""
    stem = path.stem if path.suffix == ".toml" else path.name
    return path.with_name(f"{stem}.broken-{when:%Y%m%d-%H%M%S}.toml")


def write_backup(path: Path) -> None:
    """Keep the file as it is now beside it as ``NAME.bak`` (0600 or the plan's stricter
    mode, atomically; a symlink planted at the name is replaced, never followed)."""
    atomic_write(backup_path(path), path.resolve().read_bytes(), follow_symlinks=False,
                 mode=_new_file_mode(path.resolve()))


def write_conflict(path: Path, plan_path: Path, data: bytes) -> Path:
    """Write a conflict copy at ``path`` as ``write_backup`` writes the backup."""
    return atomic_write(path, data, follow_symlinks=False,
                        mode=_new_file_mode(plan_path.resolve()))
