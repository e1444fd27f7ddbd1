"""The plan, schema 1 (DESIGN §3), as plain dataclasses and enums.

Every field has the default the file format gives it, so an omitted key and a key set to its
default mean the same thing. Optional dates are ``None`` when the file does not set them.
Nothing here reads or writes files: storage turns TOML into these objects and back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

SCHEMA_VERSION = 1


class ApplicantType(StrEnum):
    US_MD = "us-md"
    US_DO = "us-do"
    IMG = "img"


class RiskProfile(StrEnum):
    P1 = "P1"
    P2 = "P2"
    P3 = "P3"
    P4 = "P4"
    P5 = "P5"


class AdvisorView(StrEnum):
    UNSET = ""
    OPTIMISTIC = "optimistic"
    NEUTRAL = "neutral"
    PESSIMISTIC = "pessimistic"


class Exam(StrEnum):
    STEP1 = "step1"
    STEP2CK = "step2ck"
    STEP3 = "step3"
    COMLEX1 = "comlex1"
    COMLEX2 = "comlex2"
    COMLEX3 = "comlex3"


EXAM_LABELS: dict[Exam, str] = {
    Exam.STEP1: "USMLE Step 1",
    Exam.STEP2CK: "USMLE Step 2 CK",
    Exam.STEP3: "USMLE Step 3",
    Exam.COMLEX1: "COMLEX Level 1",
    Exam.COMLEX2: "COMLEX Level 2-CE",
    Exam.COMLEX3: "COMLEX Level 3",
}


class ExamResult(StrEnum):
    PASS = "pass"
    FAIL = "fail"
    PENDING = "pending"


class Tier(StrEnum):
    LESS = "less"
    MODERATE = "moderate"
    HIGH = "high"


class Setting(StrEnum):
    UNIVERSITY = "university"
    COMMUNITY = "community"
    AFFILIATED = "affiliated"
    UNSET = ""  # not chosen yet: a program added in the app starts so (an omitted key: university)


class Track(StrEnum):
    CATEGORICAL = "categorical"
    PRELIMINARY = "preliminary"
    TRANSITIONAL = "transitional"
    ADVANCED = "advanced"


class Preference(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class Likelihood(StrEnum):
    UNSET = ""
    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"


class FailureDiscussion(StrEnum):
    CURIOUS = "curious"
    NEUTRAL = "neutral"
    GRILLED = "grilled"
    NOT_MENTIONED = "not-mentioned"


class BoardPolicy(StrEnum):
    NONE_HEARD = "none-heard"
    FIRST_ATTEMPT_REQUIRED = "first-attempt-required"
    MAX_ONE_FAILURE = "max-one-failure"
    VALUED_REBOUND = "valued-rebound"


class TakesChances(StrEnum):
    HOLISTIC_PD = "holistic-pd"
    RESIDENTS_WITH_BUMPS = "residents-with-bumps"
    NONTRADITIONAL_RESIDENTS = "nontraditional-residents"


class PostInterview(StrEnum):
    NONE = "none"
    GENERIC = "generic"
    PERSONAL_PD = "personal-pd"
    FACULTY_ADVOCATE = "faculty-advocate"


class MyAnswer(StrEnum):
    UNSET = ""
    OWNED = "owned"
    VAGUE = "vague"
    DEFENSIVE = "defensive"


class SoapOption(StrEnum):
    PRELIM_MEDICINE = "prelim-medicine"
    PRELIM_SURGERY = "prelim-surgery"
    TRANSITIONAL = "transitional"
    CATEGORICAL_FM = "categorical-fm"
    CATEGORICAL_IM = "categorical-im"
    CATEGORICAL_PSYCH = "categorical-psych"
    CATEGORICAL_PEDS = "categorical-peds"


class Activity(StrEnum):
    EMPTY = ""
    STUDY = "study"
    QBANK = "qbank"
    PRACTICE_EXAM = "practice-exam"
    CLINICAL = "clinical"
    RESEARCH = "research"
    WORK = "work"
    MENTOR = "mentor"
    EXERCISE = "exercise"
    REST = "rest"
    OFF = "off"


class Aim(StrEnum):
    """What the schedule aims at (DESIGN §2.5)."""

    RANK_DEADLINE = "rank-deadline"  # a score in before this Match's rank deadline
    NEXT_SEASON = "next-season"  # ready for the season ahead


class GoalDomain(StrEnum):
    EXAM = "exam"
    CLINICAL = "clinical"
    SIGNALING = "signaling"
    APPLICATION = "application"


class Geography(StrEnum):
    UNSET = ""
    NARROW = "narrow"
    REGIONAL = "regional"
    NATIONAL = "national"


class Statement(StrEnum):
    UNSET = ""
    GENERIC = "generic"
    TARGETED = "targeted"
    WEAK = "weak"
    ADDRESSES_FAILURE = "addresses-failure"


class Decision(StrEnum):
    UNSET = ""
    STAY = "stay"
    REBRAND = "rebrand"
    PIVOT = "pivot"


class GapYear(StrEnum):
    UNSET = ""
    RESEARCH = "research"
    PRELIM = "prelim"
    CLINICAL_JOB = "clinical-job"
    OTHER = "other"


class LetterStatus(StrEnum):
    ASKED = "asked"
    PROMISED = "promised"
    UPLOADED = "uploaded"


class AdvocateStatus(StrEnum):
    ASKED = "asked"
    AGREED = "agreed"
    CONTACTED = "contacted"


DAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
SLOTS: tuple[str, ...] = ("morning", "afternoon", "evening")

_A = Activity
DEFAULT_WEEK: dict[str, tuple[Activity, Activity, Activity]] = {
    "mon": (_A.STUDY, _A.RESEARCH, _A.EMPTY),
    "tue": (_A.STUDY, _A.WORK, _A.EMPTY),
    "wed": (_A.CLINICAL, _A.CLINICAL, _A.EMPTY),
    "thu": (_A.STUDY, _A.MENTOR, _A.EMPTY),
    "fri": (_A.STUDY, _A.WORK, _A.EMPTY),
    "sat": (_A.STUDY, _A.REST, _A.EMPTY),
    "sun": (_A.OFF, _A.OFF, _A.EMPTY),
}
DEFAULT_HOURS: dict[str, int] = {"morning": 4, "afternoon": 4, "evening": 2}


@dataclass
class ExamAttempt:
    exam: Exam = Exam.STEP1
    date: date | None = None
    result: ExamResult = ExamResult.PENDING
    score: int = 0  # 0 = no numeric score (pass/fail exams)


@dataclass
class Profile:
    name: str = ""
    applicant_type: ApplicantType = ApplicantType.US_MD
    risk_profile: RiskProfile = RiskProfile.P1
    specialty: str = "Internal Medicine"
    backup_specialty: str = ""  # "" = none
    graduation_year: int = 0  # 0 = not given
    story_context: str = ""
    story_changes: str = ""
    story_evidence: str = ""
    advisor_view: AdvisorView = AdvisorView.UNSET
    exams: list[ExamAttempt] = field(default_factory=list)


@dataclass
class SpecialtyEntry:
    """A ``[specialties."Name"]`` table: adds a specialty or overrides a built-in one."""

    tier: Tier | None = None
    baseline: float | None = None


@dataclass
class OddsSettings:
    green: float = 3.0
    yellow: float = 1.0
    red: float = 0.25
    spread: float = 1.75  # σ of the shared applicant factor (DESIGN §2.3); 0 = independent


@dataclass
class Debrief:
    failure_discussion: FailureDiscussion = FailureDiscussion.NOT_MENTIONED
    board_policy: BoardPolicy = BoardPolicy.NONE_HEARD
    takes_chances: list[TakesChances] = field(default_factory=list)
    post_interview: PostInterview = PostInterview.NONE
    home_program: bool = False
    my_answer: MyAnswer = MyAnswer.UNSET
    felt: int = 3  # 1..5


@dataclass
class Program:
    id: str
    name: str = ""
    specialty: str = ""  # "" = the profile's specialty
    setting: Setting = Setting.UNIVERSITY
    track: Track = Track.CATEGORICAL
    location: str = ""
    interview_date: date | None = None
    preference: Preference = Preference.MEDIUM
    likelihood: Likelihood = Likelihood.UNSET
    match_chance: float = -1.0  # -1 = use the model
    would_not_attend: bool = False
    notes: str = ""
    criteria: dict[str, int] = field(default_factory=dict)
    debrief: Debrief = field(default_factory=Debrief)


@dataclass
class RankList:
    order: list[str] = field(default_factory=list)


@dataclass
class Soap:
    order: list[SoapOption] = field(default_factory=list)
    cv_ready: bool = False
    backup_statement_ready: bool = False
    advisor_talked: bool = False


@dataclass
class Practice:
    date: date | None = None
    form: str = ""
    score: int = 0


@dataclass
class Schedule:
    exam: Exam = Exam.STEP2CK
    aim: Aim | None = None  # None = derived from the cycle and the plan (2.5)
    target_date: date | None = None
    study_start: date | None = None
    report_by: date | None = None  # None = follows the aim (2.5)
    score_lag_weeks: int = 4
    passing_score: int | None = None  # None = the exam's pass mark on target_date (2.5)
    margin: int = 10
    hours: dict[str, int] = field(default_factory=lambda: dict(DEFAULT_HOURS))
    week: dict[str, list[Activity]] = field(
        default_factory=lambda: {day: list(slots) for day, slots in DEFAULT_WEEK.items()}
    )
    practice: list[Practice] = field(default_factory=list)


@dataclass
class Goal:
    domain: GoalDomain = GoalDomain.EXAM
    title: str = ""
    due: date | None = None
    done: bool = False
    id: str = ""  # stable key for exports ("g3"); given by core.identity when empty


@dataclass
class Cycle:
    """Dates of the application cycle; ``None`` means "use the default cycle" (DESIGN §2.5)."""

    applications_open: date | None = None
    programs_review: date | None = None
    rank_deadline: date | None = None
    match_day: date | None = None


@dataclass
class Feedback:
    source: str = ""
    said: str = ""


@dataclass
class Letter:
    author: str = ""
    specialty: str = ""  # "" = not given
    date: date | None = None
    status: LetterStatus = LetterStatus.ASKED


@dataclass
class Advocate:
    name: str = ""
    programs: list[str] = field(default_factory=list)  # program ids, or names not in the plan
    status: AdvocateStatus = AdvocateStatus.ASKED


@dataclass
class Reapply:
    """``[reapply]``: the last unmatched cycle and the plan for the next (DESIGN §2.6)."""

    last_cycle: int = 0  # the Match year that went unmatched; 0 = not given
    cycles_unmatched: int = 1
    specialty: str = ""  # applied to last time; "" = not given
    applications: int = 0
    interviews_offered: int = 0
    interviews_attended: int = 0
    ranked: int = 0
    geography: Geography = Geography.UNSET
    submitted: date | None = None
    score_reported: date | None = None
    statement: Statement = Statement.UNSET
    decision: Decision = Decision.UNSET
    pivot_specialty: str = ""
    gap_year: GapYear = GapYear.UNSET
    gap_year_outputs: str = ""
    last_clinical: date | None = None
    applications_planned: int = 0
    submit_on: date | None = None
    feedback: list[Feedback] = field(default_factory=list)
    letters: list[Letter] = field(default_factory=list)
    advocates: list[Advocate] = field(default_factory=list)


@dataclass
class Plan:
    schema: int = SCHEMA_VERSION
    plan_id: str = ""  # stable identity for exports (calendar UIDs); see core.identity
    profile: Profile = field(default_factory=Profile)
    specialties: dict[str, SpecialtyEntry] = field(default_factory=dict)
    criteria: dict[str, float] = field(default_factory=dict)
    odds: OddsSettings = field(default_factory=OddsSettings)
    programs: list[Program] = field(default_factory=list)
    rank_list: RankList = field(default_factory=RankList)
    soap: Soap = field(default_factory=Soap)
    schedule: Schedule = field(default_factory=Schedule)
    goals: list[Goal] = field(default_factory=list)
    cycle: Cycle = field(default_factory=Cycle)
    reapply: Reapply | None = None  # None = no [reapply] table (not a reapplicant)

    def program(self, program_id: str) -> Program | None:
        for program in self.programs:
            if program.id == program_id:
                return program
        return None


RISK_PROFILE_TEXT: dict[RiskProfile, str] = {
    RiskProfile.P1: "Failed Step 1 once and passed it later; Step 2 CK passed with an average "
    "or below-average score.",
    RiskProfile.P2: "Passed Step 1; failed Step 2 CK, then passed it.",
    RiskProfile.P3: "Passed both, but after several attempts, with one score barely above "
    "the minimum.",
    RiskProfile.P4: "An IMG or DO graduate with a failed attempt, backed by strong clinical "
    "letters.",
    RiskProfile.P5: "A failed attempt plus another red flag, such as a leave of absence or a "
    "professionalism concern.",
}

APPLICANT_TYPE_LABELS: dict[ApplicantType, str] = {
    ApplicantType.US_MD: "US MD",
    ApplicantType.US_DO: "US DO",
    ApplicantType.IMG: "International graduate (IMG)",
}
