"""The exams table (DESIGN §2.5): each exam's score scale and its pass mark by date.

Data, not logic: a change of pass mark is one more row here. Everything that reads a score
against "passing" asks this module, so a COMLEX score is read on the COMLEX scale.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rankplan.core.model import Exam, ExamAttempt, ExamResult, Schedule


@dataclass(frozen=True)
class PassMark:
    score: int
    since: date | None = None  # None = as far back as the table goes


@dataclass(frozen=True)
class ExamInfo:
    name: str  # short, as people say it: "Step 2 CK"
    low: int  # the scale, inclusive
    high: int
    marks: tuple[PassMark, ...]  # newest first
    note: str = ""

    @property
    def scale(self) -> str:
        return f"{self.low}-{self.high}"


EXAMS: dict[Exam, ExamInfo] = {
    Exam.STEP1: ExamInfo("Step 1", 1, 300, (PassMark(196),),
                         "reported pass/fail since 2022-01-26; practice forms still give "
                         "three-digit scores"),
    Exam.STEP2CK: ExamInfo("Step 2 CK", 1, 300,
                           (PassMark(218, date(2025, 7, 1)), PassMark(214))),
    Exam.STEP3: ExamInfo("Step 3", 1, 300, (PassMark(200, date(2024, 1, 1)), PassMark(198))),
    Exam.COMLEX1: ExamInfo("COMLEX Level 1", 9, 999, (PassMark(400),),
                           "reported pass/fail since 2022-05"),
    Exam.COMLEX2: ExamInfo("COMLEX Level 2-CE", 9, 999, (PassMark(400),)),
    Exam.COMLEX3: ExamInfo("COMLEX Level 3", 9, 999, (PassMark(350),)),
}

USMLE_ATTEMPT_LIMIT = 4  # attempts per Step
USMLE = frozenset({Exam.STEP1, Exam.STEP2CK, Exam.STEP3})


def pass_mark(exam: Exam, on: date | None = None) -> PassMark:
    """The mark that applied to a test on ``on``; the newest one when no date is given."""
    for mark in EXAMS[exam].marks:
        if on is None or mark.since is None or on >= mark.since:
            return mark
    return EXAMS[exam].marks[-1]


def in_scale(exam: Exam, score: int) -> bool:
    info = EXAMS[exam]
    return info.low <= score <= info.high


def scale_problem(exam: Exam, score: int) -> str | None:
    """Why ``score`` cannot be a score of ``exam``, or None when it can."""
    if in_scale(exam, score):
        return None
    info = EXAMS[exam]
    return f"a {info.name} score runs {info.scale}; {score} is outside it"


def passing_score(schedule: Schedule) -> int:
    """The schedule's passing score: its own, else the exam's mark on the test date."""
    if schedule.passing_score is not None:
        return schedule.passing_score
    return pass_mark(schedule.exam, schedule.target_date).score


def describe_mark(exam: Exam, on: date | None) -> str:
    """ "218, Step 2 CK pass mark since 2025-07-01" """
    mark = pass_mark(exam, on)
    since = f" since {mark.since.isoformat()}" if mark.since else ""
    return f"{mark.score}, {EXAMS[exam].name} pass mark{since}"


def exams_help() -> str:
    """The table for the help screen."""
    rows = []
    for exam, info in EXAMS.items():
        marks = "; ".join(
            f"{m.score} for tests on or after {m.since.isoformat()}" if m.since
            else (f"{m.score} before" if len(info.marks) > 1 else str(m.score))
            for m in info.marks
        )
        note = f" ({info.note})" if info.note else ""
        rows.append(f"| {info.name} | {info.scale} | {marks}{note} |")
    return "| exam | scale | pass mark |\n|---|---|---|\n" + "\n".join(rows)


def result_overdue(attempt: ExamAttempt, today: date) -> bool:
    """Still ``pending`` though its test date has passed: the user should set the result
    once it is out. Not a finding (DESIGN §2.2 names none for it): a hint on the Profile."""
    return (attempt.result is ExamResult.PENDING and attempt.date is not None
            and attempt.date < today)
