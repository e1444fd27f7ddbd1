"""The plan as last read or saved, kept so that the next start need not parse the file.

Reading a plan of 300 programs takes 110-150 ms before the first frame (``tomllib`` about
four fifths of it, validation the rest); unpickling the same ``Plan`` takes about 4 ms. So
each reading and each save keeps the plan, pickled, in the user's cache folder, with the
digest of the exact bytes it is the reading of. The next start uses it only when the file's
bytes have that digest and rankplan's reading code is the same (a key over its sources);
anything else (no copy, another digest, a copy that fails to load, a cache folder that is
not the user's own) reads the file as before. The file is always the truth: the copy is
made from it, and is only ever a faster way to the same ``Plan``.

One copy per plan file (named after the digest of its resolved path), written atomically,
mode 0600 in a 0700 folder. A failure to write is ignored: the next start just reads.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import stat
import tempfile
from pathlib import Path

import platformdirs

from rankplan import __version__

MAGIC = b"rankplan reading 1\n"
_ALLOWED = ("rankplan.core.", "datetime")  # what a kept plan is made of
_code_key: bytes | None = None


def _cache_folder() -> Path:
    return platformdirs.user_cache_path("rankplan") / "readings"


def cache_file(path: Path) -> Path:
    name = hashlib.blake2b(str(path.resolve()).encode("utf-8", "surrogateescape"),
                           digest_size=16).hexdigest()
    return _cache_folder() / f"{name}.pickle"


def code_key() -> bytes:
    """What the reading depends on: the version, and the size and time of every source of
    the model and of reading (an edited module gives another key)."""
    global _code_key
    if _code_key is None:
        here = Path(__file__).resolve().parent
        parts = [__version__]
        for folder in (here, here.parent / "core"):
            for entry in sorted(os.scandir(folder), key=lambda e: e.name):
                if entry.name.endswith(".py"):
                    st = entry.stat()
                    parts.append(f"{entry.name}:{st.st_size}:{st.st_mtime_ns}")
        _code_key = hashlib.blake2b("\n".join(parts).encode(), digest_size=16).digest()
    return _code_key


def _key(data: bytes) -> bytes:
    return code_key() + hashlib.blake2b(data, digest_size=32).digest()


class _PlanUnpickler(pickle.Unpickler):
    """Only the model's own classes and dates: a kept copy holds nothing else."""

    def find_class(self, module: str, name: str):  # noqa: ANN201 - pickle's signature
        if module.startswith(_ALLOWED):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"not part of a plan: {module}.{name}")


def load(path: Path, data: bytes):  # noqa: ANN201 - a Plan or None (no import of the model)
    """The plan that reading ``data`` (the bytes of ``path``) gives, if a copy is kept."""
    try:
        with open(cache_file(path), "rb") as f:
            st = os.fstat(f.fileno())
            if st.st_uid != os.getuid() or st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
                return None
            kept = f.read()
    except (OSError, ValueError):
        return None
    head = MAGIC + _key(data)
    if not kept.startswith(head):
        return None
    try:
        return _PlanUnpickler(io.BytesIO(kept[len(head):])).load()
    except Exception:  # noqa: BLE001 - a damaged copy is no copy
        return None


def keep(path: Path, data: bytes, plan_pickle: bytes) -> None:
    """Keep ``plan_pickle`` (the pickled reading of ``data``) for the next start."""
    target = cache_file(path)
    try:
        target.parent.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        target.parent.mkdir(mode=0o700, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".pickle")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(MAGIC + _key(data) + plan_pickle)
            os.replace(tmp, target)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        pass


def forget(path: Path) -> None:
    try:
        cache_file(path).unlink()
    except OSError:
        pass
