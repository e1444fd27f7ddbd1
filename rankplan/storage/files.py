"""File safety: private folders, atomic replacement, fingerprints, backup and conflict copies."""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
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


def atomic_write(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves the old file or the new, whole.

    A symlink is followed (the link stays, its target is replaced). The new file is 0600.
    """
    target = path.resolve()
    folder = target.parent
    fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            _flush_to_disk(handle.fileno())
        os.replace(tmp_name, target)
    except BaseException:
        try:
            os.unlink(tmp_name)
        except OSError:
            pass
        raise
    _fsync_folder(folder)


@dataclass(frozen=True)
class Fingerprint:
    """What the file looked like when read or last written, to spot edits by hand."""

    size: int
    sha256: str

    @classmethod
    def of_bytes(cls, path: Path, data: bytes) -> Fingerprint:
        return cls(path.stat().st_size, hashlib.sha256(data).hexdigest())

    def matches(self, path: Path) -> bool:
        """True if ``path`` still holds what this fingerprint saw.

        A new size settles it; otherwise the hash does, even when the mtime is the same: an
        edit of the same size can keep it (coarse timestamps, tools that restore it).
        """
        try:
            st = path.stat()
        except FileNotFoundError:
            return False
        if st.st_size != self.size:
            return False
        return hashlib.sha256(path.read_bytes()).hexdigest() == self.sha256


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


def conflict_path(path: Path, when: datetime) -> Path:
    stem = path.stem if path.suffix == ".toml" else path.name
    return path.with_name(f"{stem}.conflict-{when:%Y%m%d-%H%M%S}.toml")


def write_backup(path: Path) -> None:
    """Keep the file as it is now beside it as ``NAME.bak`` (0600, atomically)."""
    atomic_write(backup_path(path), path.resolve().read_bytes())
