"""Words for the model's values, as the screens show them."""

from __future__ import annotations

from rankplan.core.model import (
    Activity,
    BoardPolicy,
    FailureDiscussion,
    Likelihood,
    MyAnswer,
    PostInterview,
    Setting,
    TakesChances,
    Track,
)
from rankplan.core.words import SOAP_WORDS

FAILURE_DISCUSSION = {
    FailureDiscussion.NOT_MENTIONED: "not mentioned",
    FailureDiscussion.CURIOUS: "curious: asked what changed",
    FailureDiscussion.NEUTRAL: "neutral: checked for insight",
    FailureDiscussion.GRILLED: "grilled: felt on trial",
}
BOARD_POLICY = {
    BoardPolicy.NONE_HEARD: "nothing said",
    BoardPolicy.VALUED_REBOUND: "valued your rebound",
    BoardPolicy.MAX_ONE_FAILURE: "at most one failure",
    BoardPolicy.FIRST_ATTEMPT_REQUIRED: "first attempt required",
}
TAKES_CHANCES = {
    TakesChances.HOLISTIC_PD: "PD looks at the whole applicant",
    TakesChances.RESIDENTS_WITH_BUMPS: "residents with academic bumps",
    TakesChances.NONTRADITIONAL_RESIDENTS: "IMG, DO or non-traditional residents",
}
POST_INTERVIEW = {
    PostInterview.NONE: "nothing",
    PostInterview.GENERIC: "generic email",
    PostInterview.PERSONAL_PD: "PD wrote to you personally",
    PostInterview.FACULTY_ADVOCATE: "faculty said they advocated",
}
MY_ANSWER = {
    MyAnswer.UNSET: "not noted",
    MyAnswer.OWNED: "owned it",
    MyAnswer.VAGUE: "vague",
    MyAnswer.DEFENSIVE: "defensive",
}
LIKELIHOOD = {
    Likelihood.UNSET: "use the suggestion",
    Likelihood.GREEN: "green: likely to rank you well",
    Likelihood.YELLOW: "yellow: neutral",
    Likelihood.RED: "red: unlikely",
}
SETTING = {Setting.UNSET: "not set", **{s: s.value for s in Setting if s.value}}
TRACK = {t: t.value for t in Track}

SOAP_OPTIONS = SOAP_WORDS

# One key, one letter and one colour per activity: the grid reads without colour too.
ACTIVITY_KEYS: dict[Activity, tuple[str, str, str, str]] = {
    # activity: (key, letter shown, short name, colour)
    Activity.STUDY: ("s", "S", "study", "#3b82f6"),
    Activity.QBANK: ("q", "Q", "qbank", "#6366f1"),
    Activity.PRACTICE_EXAM: ("p", "P", "exam", "#a855f7"),
    Activity.CLINICAL: ("c", "C", "clinic", "#10b981"),
    Activity.RESEARCH: ("r", "R", "resrch", "#14b8a6"),
    Activity.WORK: ("w", "W", "work", "#f59e0b"),
    Activity.MENTOR: ("m", "M", "mentor", "#ec4899"),
    Activity.EXERCISE: ("e", "E", "exerc", "#84cc16"),
    Activity.REST: ("z", "Z", "rest", "#64748b"),
    Activity.OFF: ("o", "O", "off", "#475569"),
    Activity.EMPTY: ("delete", "·", "", ""),
}
