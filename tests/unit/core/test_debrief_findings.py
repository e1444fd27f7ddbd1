"""DB01 and DB02, each raised and not raised."""

from __future__ import annotations

from helpers import TODAY

from rankplan.core.findings import Section
from rankplan.core.model import (
    Debrief,
    ExamAttempt,
    ExamResult,
    FailureDiscussion,
    Likelihood,
    MyAnswer,
    Plan,
    PostInterview,
    Profile,
    Program,
)
from rankplan.core.rules import evaluate


def codes(plan: Plan) -> list[str]:
    return [f.code for f in evaluate(plan, TODAY, Section.DEBRIEF)]


def plan_of(*programs: Program) -> Plan:
    return Plan(profile=Profile(exams=[ExamAttempt(result=ExamResult.FAIL)]),
                programs=list(programs))


def test_db01_green_against_a_red_suggestion() -> None:
    grilled = Debrief(failure_discussion=FailureDiscussion.GRILLED)
    plan = plan_of(Program(id="a", name="A", likelihood=Likelihood.GREEN, debrief=grilled))
    found = evaluate(plan, TODAY, Section.DEBRIEF)
    assert [f.code for f in found] == ["DB01"] and found[0].subjects == ("a",)
    assert "A" in found[0].message and "red" in found[0].message


def test_db01_red_against_green_and_not_one_step() -> None:
    warm = Debrief(post_interview=PostInterview.PERSONAL_PD)
    assert codes(plan_of(Program(id="a", likelihood=Likelihood.RED, debrief=warm))) == ["DB01"]
    assert codes(plan_of(Program(id="a", likelihood=Likelihood.YELLOW, debrief=warm))) == []
    assert codes(plan_of(Program(id="a", debrief=warm))) == []  # no override


def test_db02_vague_or_defensive_answer() -> None:
    for answer in (MyAnswer.VAGUE, MyAnswer.DEFENSIVE):
        assert codes(plan_of(Program(id="a", debrief=Debrief(my_answer=answer)))) == ["DB02"]
    for answer in (MyAnswer.OWNED, MyAnswer.UNSET):
        assert codes(plan_of(Program(id="a", debrief=Debrief(my_answer=answer)))) == []
