"""Saving ``[reapply]`` keeps the user's comments; letters and advocates can be added,
edited and deleted, and the file always reads back as the plan (DESIGN §3, §5)."""

from __future__ import annotations

import copy
from datetime import date
from pathlib import Path

from reapply_example import FULL
from rankplan.core import model as m
from rankplan.storage.read import read_plan
from rankplan.storage.store import PlanStore, SaveOutcome


def save(path: Path, change) -> str:
    store = PlanStore.open(path)
    assert store.errors == [] and store.plan is not None
    plan = copy.deepcopy(store.plan)
    change(plan)
    try:
        assert store.save(plan).outcome is SaveOutcome.SAVED
    finally:
        store.close()
    loaded = read_plan(path)
    assert loaded.errors == [] and loaded.plan == plan
    return path.read_text()


def test_unchanged_reapply_saves_byte_identical(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(FULL)
    assert save(path, lambda plan: None) == FULL


def test_adding_editing_and_deleting_entries_keeps_the_comments(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(FULL)

    def change(plan: m.Plan) -> None:
        r = plan.reapply
        r.letters[0].status = m.LetterStatus.UPLOADED
        r.letters.append(m.Letter("Dr. Okafor", "Internal Medicine", date(2026, 8, 1)))
        r.advocates.append(m.Advocate("Dr. Ruiz", ["univ-a"], m.AdvocateStatus.CONTACTED))
        r.applications_planned = 100

    text = save(path, change)
    for comment in ("# the first letter", "# asked | promised | uploaded", "# my mentor",
                    "# last US clinical work", "# who said it"):
        assert comment in text
    assert 'status = "uploaded"               # asked | promised | uploaded' in text
    assert text.count("[[reapply.letters]]") == 2
    assert 'author = "Dr. Okafor"' in text and 'name = "Dr. Ruiz"' in text

    def delete_first(plan: m.Plan) -> None:
        plan.reapply.letters.pop(0)
        plan.reapply.advocates.pop()

    text = save(path, delete_first)
    assert "Dr. Lee" not in text and "Dr. Ruiz" not in text
    assert text.count("[[reapply.letters]]") == 1 and "# my mentor" in text

    text = save(path, lambda plan: plan.reapply.letters.clear())
    assert "[[reapply.letters]]" not in text and "[[reapply.advocates]]" in text


def test_starting_and_removing_reapply(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text("schema = 1  # mine\n")

    def start(plan: m.Plan) -> None:
        plan.reapply = m.Reapply(applications=45, letters=[m.Letter("Dr. Lee")])

    text = save(path, start)
    assert "[reapply]" in text and "[[reapply.letters]]" in text and "# mine" in text
    text = save(path, lambda plan: setattr(plan, "reapply", None))
    assert "reapply" not in text and text.startswith("schema = 1  # mine")


def test_clearing_a_date_removes_its_key(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(FULL)
    text = save(path, lambda plan: setattr(plan.reapply, "submit_on", None))
    assert "submit_on" not in text and "last_clinical = 2026-06-15" in text


def test_the_reapply_demo_saves_byte_identical(tmp_path: Path) -> None:
    source = Path(__file__).resolve().parents[3] / "rankplan" / "data" / "demo_reapply.toml"
    path = tmp_path / "plan.toml"
    path.write_bytes(source.read_bytes())
    assert save(path, lambda plan: None) == source.read_text()
