"""Attack the saving code of the real app at 300 programs (run by hand; not in the suite).

Each attack runs ``python -m rankplan`` in a pseudo-terminal (tests/perf/ttyapp.py) on a
plan from tests/perf/genplan.py and counts, per try, whether the promise of DESIGN §5 held:

  kill     kill -9 (the app, or its whole group with the helper) after an edit, at a random
           moment of the autosave or the moment it starts writing: the file must read back whole and valid, as the old plan
           or the new one; temporary files a kill leaves must be gone after the next start.
  hand     hand edits (appends in place, or an editor's renames) every few milliseconds all
           through the autosave after an edit: none may be overwritten, and the app's edit
           must be in the file or in a conflict copy.
  sighup   the terminal closed right after an edit (before its autosave): the edit is saved.
  moves    ten shift+down sent at once on the Rank list: the selected program must end ten
           rows lower and the others keep their order (in the file, after ctrl+q).

    .venv/bin/python tests/perf/attack.py [--tries 40] [--only kill,hand,sighup,moves]

Prints tried / survived / lost for each.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import statistics
import sys
import tempfile
import time
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parents[1])]

from genplan import generate_plan  # noqa: E402
from ttyapp import TtyApp  # noqa: E402

from rankplan.storage.read import read_plan  # noqa: E402
from rankplan.tui.saving import SIGNAL_EXIT_LIMIT  # noqa: E402

PROGRAMS = 300
SAVE_DELAY = 0.5  # the app's autosave delay (rankplan.tui.saving.SAVE_DELAY)


class Attack:
    def __init__(self, name: str, work: Path) -> None:
        self.name, self.work = name, work
        self.tried = self.survived = self.lost = 0
        self.notes: list[str] = []

    def result(self, ok: bool, note: str = "") -> None:
        self.tried += 1
        if ok:
            self.survived += 1
        else:
            self.lost += 1
            if note:
                self.notes.append(note)
        mark = "." if ok else "x"
        print(mark, end="", flush=True)

    def line(self) -> str:
        return f"{self.name:8} tried {self.tried:3}  survived {self.survived:3}  lost {self.lost:3}"


def fresh_folder(root: Path, name: str) -> tuple[Path, dict[str, str]]:
    folder = root / name
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "plans").mkdir(parents=True, mode=0o700)
    env = {"HOME": str(folder), "XDG_CONFIG_HOME": str(folder / "config"),
           "XDG_DATA_HOME": str(folder / "data")}
    return folder / "plans" / "plan.toml", env


def profile_name(path: Path) -> str | None:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))["profile"]["name"]
    except (OSError, ValueError, KeyError):
        return None


def start(path: Path, env: dict[str, str]) -> tuple[TtyApp, str]:
    """The app on ``path``, its first screen drawn; and the profile name it shows."""
    name = profile_name(path) or ""
    app = TtyApp("--file", str(path), env=env)
    if not app.read_until(name.encode()[:20], timeout=60):
        app.close()
        raise RuntimeError(f"the app did not start: {app.output[-400:]!r}")
    time.sleep(0.3)  # the first list field has focus by now (a plan with a name)
    app.to_name()
    app.forget()
    return app, name


def edit_name(app: TtyApp, token: str) -> None:
    app.type("end", token)
    if not app.read_until(token.encode(), timeout=20):
        raise RuntimeError("the edit did not show")


def watch_for_a_write(path: Path, deadline: float) -> bool:
    """Wait until the app starts writing: a temporary file (of the plan or of its backup)
    appears."""
    folder, prefix = path.parent, f".{path.name}."
    before = {p.name for p in temp_files(folder)}
    while time.monotonic() < deadline:
        for entry in os.scandir(folder):
            if (entry.name.startswith(prefix) and entry.name.endswith(".tmp")
                    and entry.name not in before):
                return True
    return False


def temp_files(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.startswith(".") and p.name.endswith(".tmp")]


# -- the attacks --------------------------------------------------------------------------------


def attack_kill(tries: int, root: Path, rng: random.Random) -> Attack:
    attack = Attack("kill -9", root)
    path, env = fresh_folder(root, "kill")
    path.write_text(generate_plan(PROGRAMS, seed=1), encoding="utf-8")
    kills_leaving = cleaned = 0
    for i in range(tries + 1):  # one start more, to see the last kill's leftovers go
        leftovers = set(temp_files(path.parent))
        app, before = start(path, env)
        cleaned += sum(not p.exists() for p in leftovers)
        still = {p for p in leftovers if p.exists()}
        if i == tries:
            app.type("ctrl+q")
            app.wait(30)
            app.close()
            break
        token = f"K{i:03d}"
        edit_name(app, token)
        if i % 4 < 2:  # while the save writes a temporary file
            watch_for_a_write(path, time.monotonic() + 5)
            time.sleep(rng.uniform(0, 0.002))
        else:  # at a random moment of the autosave
            time.sleep(rng.uniform(SAVE_DELAY - 0.05, SAVE_DELAY + 0.35))
        try:
            if i % 2:
                os.killpg(app.pid, signal.SIGKILL)  # the app and its helper
            else:
                os.kill(app.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        app.wait(10)
        app.close()
        time.sleep(0.1)  # the helper sees its end of file and goes
        loaded = read_plan(path)
        whole = loaded.plan is not None and loaded.plan.profile.name in (before, before + token)
        attack.result(whole, f"try {i}: {loaded.errors[:1] or loaded.plan.profile.name}")
        kills_leaving += bool(set(temp_files(path.parent)) - still)
    attack.notes.append(f"kills that left a temporary file: {kills_leaving}; temporary files "
                        f"removed at the next start: {cleaned}; left at the end: "
                        f"{len(temp_files(path.parent))}")
    return attack


def attack_hand(tries: int, root: Path, rng: random.Random) -> Attack:
    attack = Attack("hand", root)
    conflicts_with_ours = app_edit_gone = 0
    for i in range(tries):
        path, env = fresh_folder(root, f"hand-{i}")
        path.write_text(generate_plan(PROGRAMS, seed=2), encoding="utf-8")
        app, before = start(path, env)
        token = f"H{i:03d}"
        edit_name(app, token)
        # A burst of hand edits over the whole autosave, one every few milliseconds: each
        # must still be in the file at the end.
        marks: list[bytes] = []
        if i % 4 < 2:  # the first edit the moment the save starts writing (its worst moment)
            watch_for_a_write(path, time.monotonic() + 5)
        else:  # or at a random moment of it
            time.sleep(rng.uniform(SAVE_DELAY, SAVE_DELAY + 0.3))
        end = time.monotonic() + rng.uniform(0.02, 0.25)
        while time.monotonic() < end:
            mark = f"# edited by hand {i}.{len(marks)}\n".encode()
            marks.append(mark)
            if i % 2 == 0:
                with open(path, "ab") as handle:  # an edit in place
                    handle.write(mark)
            else:  # an editor that writes its own file and renames it into place
                other = path.with_name("plan.toml.editor")
                other.write_bytes(path.read_bytes() + mark)
                os.replace(other, path)
            time.sleep(rng.uniform(0.0005, 0.004))
        time.sleep(1.2)  # the autosave is over, and any save after it
        app.type("ctrl+q")
        if app.wait(30) is None:
            app.close()
        app.close()
        data = path.read_bytes()
        kept = all(mark in data for mark in marks)
        conflicts = list(path.parent.glob("plan.conflict-*.toml"))
        ours = before + token
        ours_kept = profile_name(path) == ours or any(
            profile_name(c) == ours for c in conflicts)
        conflicts_with_ours += bool(conflicts)
        # An editor that reads, changes and renames can itself drop a save that landed
        # between its read and its rename: counted apart, not as ours overwriting theirs.
        app_edit_gone += not ours_kept
        missing = sum(mark not in data for mark in marks)
        attack.result(kept, f"try {i}: {missing} of {len(marks)} hand edits overwritten")
    attack.notes.append(f"tries where the app's edit went to a conflict copy: "
                        f"{conflicts_with_ours}; where an editor's rename dropped the app's "
                        f"edit: {app_edit_gone}")
    return attack


def attack_sighup(tries: int, root: Path, rng: random.Random) -> Attack:
    attack = Attack("sighup", root)
    exits: list[float] = []
    for i in range(tries):
        path, env = fresh_folder(root, f"hup-{i}")
        path.write_text(generate_plan(PROGRAMS, seed=3), encoding="utf-8")
        app, before = start(path, env)
        token = f"S{i:03d}"
        edit_name(app, token)
        time.sleep(rng.uniform(0.0, 0.3))  # well inside the 0.5 s before the autosave
        hung_up = time.monotonic()
        app.hang_up()
        status = app.wait(30)
        took = time.monotonic() - hung_up
        app.close()
        saved = profile_name(path) == before + token
        attack.result(saved and status == 0, f"try {i}: saved {saved}, exit {status}")
        exits.append(took)
    # An exit at SIGNAL_EXIT_LIMIT was the last resort's, not the app's own way out.
    capped = sum(1 for took in exits if took >= SIGNAL_EXIT_LIMIT - 0.1)
    attack.notes.insert(0, f"exit after the hang-up: median {statistics.median(exits):.2f} s, "
                        f"slowest {max(exits):.2f} s, {capped} ended by the "
                        f"{SIGNAL_EXIT_LIMIT:.0f} s last resort")
    return attack


def attack_moves(tries: int, root: Path, rng: random.Random) -> Attack:
    attack = Attack("moves", root)
    for i in range(tries):
        path, env = fresh_folder(root, f"moves-{i}")
        path.write_text(generate_plan(PROGRAMS, seed=4), encoding="utf-8")
        order = tomllib.loads(path.read_text(encoding="utf-8"))["rank_list"]["order"]
        app, _ = start(path, env)
        app.type("f4")
        names = {p["id"]: p["name"] for p in tomllib.loads(
            path.read_text(encoding="utf-8"))["programs"]}
        app.read_until(names[order[1]].encode()[:20], timeout=30)
        time.sleep(1.0)  # the Rank list is drawn and takes keys
        app.type(*["shift+down"] * 10)  # at once: faster than any key repeat
        time.sleep(SAVE_DELAY + 1.5)
        app.type("ctrl+q")
        if app.wait(30) is None:
            app.close()
        app.close()
        expected = order[1:11] + order[:1] + order[11:]
        got = tomllib.loads(path.read_text(encoding="utf-8"))["rank_list"]["order"]
        where = got.index(order[0]) if order[0] in got else None
        attack.result(got == expected, f"try {i}: the first program ended at row {where}")
    return attack


ATTACKS = {"kill": attack_kill, "hand": attack_hand, "sighup": attack_sighup,
           "moves": attack_moves}
MINIMUM = {"kill": 40, "hand": 40, "sighup": 20, "moves": 20}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tries", type=int, help="tries per attack (default: 40, 40, 20, 20)")
    parser.add_argument("--only", default=",".join(ATTACKS), help="which attacks, comma separated")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    root = Path(tempfile.mkdtemp(prefix="rankplan-attack-"))
    results = []
    try:
        for name in args.only.split(","):
            tries = args.tries or MINIMUM[name]
            print(f"{name}: ", end="", flush=True)
            started = time.monotonic()
            attack = ATTACKS[name](tries, root, rng)
            print(f" ({time.monotonic() - started:.0f} s)")
            results.append(attack)
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
        else:
            print(f"work folder: {root}")
    print()
    for attack in results:
        print(attack.line())
        for note in attack.notes[:8]:
            print(f"    {note}")
    return 0 if all(a.lost == 0 for a in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
