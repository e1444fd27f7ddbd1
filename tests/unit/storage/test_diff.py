"""The conflict view's differences: one row per key, by section (issue 17 item 20)."""

from __future__ import annotations

import copy

from helpers import DEMO
from rankplan.core import model as m
from rankplan.storage.diff import ABSENT, Difference, differences
from rankplan.storage.read import read_plan


def test_differences_by_section_and_key() -> None:
    ours = read_plan(DEMO).plan
    theirs = copy.deepcopy(ours)
    theirs.profile.name = "By Hand"
    theirs.programs[1].debrief.felt = 1
    gone = theirs.programs.pop(2)
    theirs.goals[0].title = "Changed"
    theirs.odds.green = 4.0
    theirs.profile.exams.append(m.ExamAttempt(result=m.ExamResult.PASS))
    rows = differences(ours, theirs)
    assert Difference("profile", "name", '"Jordan Avery"', '"By Hand"') in rows
    assert Difference("odds", "green", "3.0", "4.0") in rows
    assert Difference(f"programs: {ours.programs[1].id}", "debrief.felt",
                      str(ours.programs[1].debrief.felt), "1") in rows
    assert Difference(f"programs: {gone.id}", "", f'there ("{gone.name}")', ABSENT) in rows
    assert any(r.section == "goals #1" and r.key == "title" for r in rows)
    assert any(r.section.startswith("profile.exams #") and r.ours == ABSENT for r in rows)
    assert differences(ours, copy.deepcopy(ours)) == []


def test_a_key_the_file_lacks_is_not_there_and_an_empty_string_is_one(tmp_path) -> None:
    """A key deleted by hand showed as "" (the model's default), like a real empty string."""
    import re

    from rankplan.storage.diff import differences_with_file

    ours = read_plan(DEMO).plan
    program = ours.programs[0]
    text = DEMO.read_text(encoding="utf-8")
    text = text.replace(f'backup_specialty = "{ours.profile.backup_specialty}"\n', "", 1)
    text = text.replace(f'location = "{program.location}"\n', 'location = ""\n', 1)
    text = re.sub(r'notes = "Home program[^\n]*\n', "", text, count=1)
    path = tmp_path / "plan.toml"
    path.write_text(text, encoding="utf-8")
    rows, errors = differences_with_file(ours, path)
    assert errors == []
    by_key = {(r.section, r.key): (r.ours, r.theirs) for r in rows}
    assert by_key[("profile", "backup_specialty")] == (
        f'"{ours.profile.backup_specialty}"', ABSENT)
    assert by_key[(f"programs: {program.id}", "notes")][1] == ABSENT
    assert by_key[(f"programs: {program.id}", "location")] == (f'"{program.location}"', '""')
    assert len(rows) == 3  # a default the file lacks on both sides is no difference


def test_without_the_files_every_value_shows_as_the_model_holds_it() -> None:
    ours = read_plan(DEMO).plan
    theirs = copy.deepcopy(ours)
    theirs.profile.backup_specialty = ""
    assert differences(ours, theirs) == [
        Difference("profile", "backup_specialty", f'"{ours.profile.backup_specialty}"', '""')]
