"""Adding a block and undoing it gives back the file byte for byte, and a new block is written
one blank line after the one before it (issue 17, item 7: blank lines piled up)."""

from __future__ import annotations

import copy
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from helpers import DEMO
from rankplan.core import model as m
from rankplan.core.programs import add_program, duplicate_program
from rankplan.storage.store import PlanStore, SaveOutcome

REAPPLY = DEMO.with_name("demo_reapply.toml")

EDITS: dict[str, tuple[Path, Callable[[m.Plan], None]]] = {
    "copy program": (DEMO, lambda plan: duplicate_program(plan, plan.programs[0])),
    "add program": (DEMO, lambda plan: add_program(plan, "Birch Hill")),
    "exam": (DEMO, lambda plan: plan.profile.exams.append(m.ExamAttempt())),
    "goal": (DEMO, lambda plan: plan.goals.append(m.Goal(title="Mock interview"))),
    "letter": (REAPPLY, lambda plan: plan.reapply.letters.append(m.Letter(author="Dr. Oak"))),
}


def _save(store: PlanStore, plan: m.Plan) -> str:
    assert store.save(copy.deepcopy(plan)).outcome is SaveOutcome.SAVED
    return store.path.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", EDITS)
def test_add_then_undo_leaves_the_file_byte_identical(name: str, tmp_path: Path) -> None:
    source, edit = EDITS[name]
    path = tmp_path / "plan.toml"
    shutil.copy(source, path)
    original = path.read_bytes()
    store = PlanStore.open(path)
    try:
        before = copy.deepcopy(store.plan)
        for _ in range(3):  # the blank lines grew at every round
            after = copy.deepcopy(before)
            edit(after)
            _save(store, after)
            _save(store, before)
            assert path.read_bytes() == original
    finally:
        store.close()


def test_new_blocks_come_one_blank_line_apart(tmp_path: Path) -> None:
    store = PlanStore.open(tmp_path / "plan.toml")
    try:
        plan = copy.deepcopy(store.plan)
        for title in ("A", "B", "C"):
            add_program(plan, title)
            plan.profile.exams.append(m.ExamAttempt())
            plan.goals.append(m.Goal(title=title))
            text = _save(store, plan)
        duplicate_program(plan, plan.programs[0])  # a reordering rebuilds the list
        text = _save(store, plan)
    finally:
        store.close()
    assert "\n\n\n" not in text.rstrip("\n")
    for header in ("[[programs]]", "[[profile.exams]]", "[[goals]]"):
        starts = [match.start() for match in re.finditer(re.escape(header), text)]
        assert len(starts) >= 3
        for start in starts:
            assert text[:start].endswith("\n\n") and not text[:start].endswith("\n\n\n")


def test_a_block_after_a_hand_written_one_gets_its_blank_line(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text('schema = 1\n[[goals]]\ntitle = "a"\n[[goals]]\ntitle = "b"\n')
    store = PlanStore.open(path)
    try:
        plan = copy.deepcopy(store.plan)
        plan.goals.append(m.Goal(title="c"))
        text = _save(store, plan)
    finally:
        store.close()
    assert 'title = "b"\n\n[[goals]]\n' in text
    assert text.startswith('schema = 1\n[[goals]]\ntitle = "a"\n[[goals]]\ntitle = "b"\n')
