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
