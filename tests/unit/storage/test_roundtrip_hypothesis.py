"""Any valid plan saves to a file that reads back as exactly that plan, also after edits.

The strategies build ``Plan`` objects that obey the validation rules of DESIGN §3 (unique
[a-z0-9-]+ ids, a rank order of existing ids, criteria scores only for the plan's criteria,
ranges), with texts that need escaping (quotes, backslashes, newlines, control characters,
non-ASCII) in strings and in keys.
"""

from __future__ import annotations

import copy
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import DEMO, FIXTURES
from rankplan.core import model as m
from rankplan.core.dates import EARLIEST, LATEST
from rankplan.core.specialties import BUILTIN
from rankplan.storage.read import read_plan
from rankplan.storage.store import PlanStore, SaveOutcome

SETTINGS = settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# Texts that stress escaping: quotes, backslashes, newlines, tabs, control characters,
# TOML syntax and non-ASCII (accents, CJK, emoji, right-to-left), besides anything at all.
TRICKY = st.sampled_from(
    ['"', "'", "\\", "\n", "\r\n", "\t", "\x00", "\x1b", "\x7f", "#", "=", "[", "]", "{",
     '"""', "'''", "\\n", "é", "中文", "🩺", "עברית", "\u2028", "\ufeff", " "]
)
TEXT = st.one_of(
    st.text(max_size=30),
    st.lists(st.one_of(TRICKY, st.text(max_size=5)), max_size=8).map("".join),
)
BARE = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-"
KEY = st.one_of(st.text(BARE, min_size=1, max_size=12), TEXT)  # bare and quoted keys
DATES = st.none() | st.dates(min_value=EARLIEST, max_value=LATEST)  # the dates a plan may hold
IDS = st.text("abcdefghijklmnopqrstuvwxyz0123456789-", min_size=1, max_size=12)
WEIGHT = st.floats(min_value=0, max_value=1e6, allow_nan=False) | st.integers(0, 10).map(float)
BUILTIN_NAMES = sorted(BUILTIN)


def enum(cls: type) -> st.SearchStrategy[Any]:
    return st.sampled_from(list(cls))


def unique_sublist(items: list[Any]) -> st.SearchStrategy[list[Any]]:
    """Some of ``items``, each at most once, in any order."""
    return st.lists(st.sampled_from(items), unique=True) if items else st.just([])


@st.composite
def specialties(draw: st.DrawFn) -> dict[str, m.SpecialtyEntry]:
    """Overrides of built-in specialties (either field may be left out) and new ones (both)."""
    out: dict[str, m.SpecialtyEntry] = {}
    for name in draw(st.lists(st.sampled_from(BUILTIN_NAMES), unique=True, max_size=3)):
        out[name] = m.SpecialtyEntry(
            tier=draw(st.none() | enum(m.Tier)),
            baseline=draw(st.none() | st.floats(0, 1)),
        )
    new_names = TEXT.filter(lambda s: s != "" and s not in BUILTIN)
    for name in draw(st.lists(new_names, unique=True, max_size=3)):
        out[name] = m.SpecialtyEntry(tier=draw(enum(m.Tier)), baseline=draw(st.floats(0, 1)))
    return out


def exam_attempts() -> st.SearchStrategy[m.ExamAttempt]:
    return st.builds(
        m.ExamAttempt,
        exam=enum(m.Exam),
        date=DATES,
        result=enum(m.ExamResult),
        score=st.one_of(st.just(0), st.integers(9, 300)),  # on every exam's scale
    )


def profiles(specialty_names: list[str]) -> st.SearchStrategy[m.Profile]:
    return st.builds(
        m.Profile,
        name=TEXT,
        applicant_type=enum(m.ApplicantType),
        risk_profile=enum(m.RiskProfile),
        specialty=st.sampled_from(specialty_names),
        backup_specialty=st.just("") | st.sampled_from(specialty_names),
        graduation_year=st.just(0) | st.integers(1950, 2100),
        story_context=TEXT,
        story_changes=TEXT,
        story_evidence=TEXT,
        advisor_view=enum(m.AdvisorView),
        exams=st.lists(exam_attempts(), max_size=3),
    )


def debriefs() -> st.SearchStrategy[m.Debrief]:
    return st.builds(
        m.Debrief,
        failure_discussion=enum(m.FailureDiscussion),
        board_policy=enum(m.BoardPolicy),
        takes_chances=unique_sublist(list(m.TakesChances)),
        post_interview=enum(m.PostInterview),
        home_program=st.booleans(),
        my_answer=enum(m.MyAnswer),
        felt=st.integers(1, 5),
    )


@st.composite
def programs(
    draw: st.DrawFn, pid: str, specialty_names: list[str], criteria: list[str]
) -> m.Program:
    scored = draw(unique_sublist(criteria))
    return m.Program(
        id=pid,
        name=draw(TEXT),
        specialty=draw(st.just("") | st.sampled_from(specialty_names)),
        setting=draw(enum(m.Setting)),
        track=draw(enum(m.Track)),
        location=draw(TEXT),
        interview_date=draw(DATES),
        preference=draw(enum(m.Preference)),
        likelihood=draw(enum(m.Likelihood)),
        match_chance=draw(st.just(-1.0) | st.floats(0, 1)),
        would_not_attend=draw(st.booleans()),
        notes=draw(TEXT),
        criteria={name: draw(st.integers(1, 5)) for name in scored},
        debrief=draw(debriefs()),
    )


def schedules() -> st.SearchStrategy[m.Schedule]:
    """A schedule as reading gives it: every slot of ``hours`` and every day of ``week``."""
    return st.builds(
        m.Schedule,
        exam=enum(m.Exam),
        aim=st.one_of(st.none(), enum(m.Aim)),
        target_date=DATES,
        study_start=DATES,
        report_by=DATES,
        score_lag_weeks=st.integers(0, 26),
        passing_score=st.one_of(st.none(), st.integers(9, 300)),
        margin=st.integers(0, 100),
        hours=st.fixed_dictionaries({slot: st.integers(0, 12) for slot in m.SLOTS}),
        week=st.fixed_dictionaries(
            {day: st.lists(enum(m.Activity), min_size=3, max_size=3) for day in m.DAYS}
        ),
        practice=st.lists(
            st.builds(m.Practice, date=DATES, form=TEXT, score=st.integers(9, 300)), max_size=3
        ),
    )


@st.composite
def plans(draw: st.DrawFn, max_programs: int = 6) -> m.Plan:
    own = draw(specialties())
    specialty_names = BUILTIN_NAMES + sorted(own)
    criteria = draw(st.dictionaries(KEY, WEIGHT, max_size=4))
    ids = draw(st.lists(IDS, unique=True, max_size=max_programs))
    program_list = [draw(programs(pid, specialty_names, list(criteria))) for pid in ids]
    return m.Plan(
        profile=draw(profiles(specialty_names)),
        specialties=own,
        criteria=criteria,
        odds=draw(st.builds(m.OddsSettings, green=WEIGHT, yellow=WEIGHT, red=WEIGHT)),
        programs=program_list,
        rank_list=m.RankList(order=draw(unique_sublist(ids))),
        soap=draw(
            st.builds(
                m.Soap,
                order=unique_sublist(list(m.SoapOption)),
                cv_ready=st.booleans(),
                backup_statement_ready=st.booleans(),
                advisor_talked=st.booleans(),
            )
        ),
        schedule=draw(schedules()),
        goals=draw(
            st.lists(
                st.builds(
                    m.Goal, domain=enum(m.GoalDomain), title=TEXT, due=DATES, done=st.booleans()
                ),
                max_size=3,
            )
        ),
        cycle=draw(
            st.builds(
                m.Cycle,
                applications_open=DATES,
                programs_review=DATES,
                rank_deadline=DATES,
                match_day=DATES,
            )
        ),
    )


# -- mutations, as the app makes them ------------------------------------------------------------


@st.composite
def mutated(draw: st.DrawFn, plan: m.Plan) -> m.Plan:
    """``plan`` after a few random edits of the kinds the screens make."""
    plan = copy.deepcopy(plan)
    specialty_names = BUILTIN_NAMES + sorted(n for n in plan.specialties if n not in BUILTIN)
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(
            st.sampled_from(
                [
                    "profile", "debrief", "append", "delete", "reorder-programs", "rank",
                    "dates", "clear-lists", "criteria", "schedule", "texts", "replace",
                ]
            )
        )
        ids = [p.id for p in plan.programs]
        if kind == "profile":
            plan.profile = draw(profiles(specialty_names))
        elif kind == "debrief" and plan.programs:
            program = draw(st.sampled_from(plan.programs))
            program.debrief = draw(debriefs())
        elif kind == "append":
            pid = draw(IDS.filter(lambda i: i not in ids))
            plan.programs.append(draw(programs(pid, specialty_names, list(plan.criteria))))
            if draw(st.booleans()):
                plan.rank_list.order.insert(draw(st.integers(0, len(plan.rank_list.order))), pid)
        elif kind == "delete" and plan.programs:
            gone = plan.programs.pop(draw(st.integers(0, len(plan.programs) - 1)))
            plan.rank_list.order = [pid for pid in plan.rank_list.order if pid != gone.id]
        elif kind == "reorder-programs":
            plan.programs = draw(st.permutations(plan.programs))
        elif kind == "rank":
            plan.rank_list.order = draw(unique_sublist(ids))
        elif kind == "dates":
            plan.cycle.match_day = draw(DATES)
            plan.schedule.target_date = draw(DATES)
            for program in plan.programs:
                program.interview_date = draw(DATES)
        elif kind == "clear-lists":
            plan.goals = []
            plan.profile.exams = []
            plan.schedule.practice = []
        elif kind == "criteria":
            plan.criteria = draw(st.dictionaries(KEY, WEIGHT, max_size=4))
            for program in plan.programs:
                scored = draw(unique_sublist(list(plan.criteria)))
                program.criteria = {name: draw(st.integers(1, 5)) for name in scored}
        elif kind == "schedule":
            plan.schedule = draw(schedules())
        elif kind == "texts":
            for program in plan.programs:
                program.notes = draw(TEXT)
            plan.profile.story_context = draw(TEXT)
        elif kind == "replace":
            plan = draw(plans())
            specialty_names = BUILTIN_NAMES + sorted(
                n for n in plan.specialties if n not in BUILTIN
            )
    return plan


# -- the properties -------------------------------------------------------------------------------


def saved_and_read(folder: Path, plans_to_save: list[m.Plan]) -> list[m.Plan | None]:
    """Save each plan in turn through one store on a new file; what reading gave after each."""
    path = folder / "plan.toml"
    store = PlanStore.open(path)
    back: list[m.Plan | None] = []
    try:
        for plan in plans_to_save:
            result = store.save(plan)
            assert result.outcome is SaveOutcome.SAVED
            loaded = read_plan(path)
            assert loaded.errors == []
            back.append(loaded.plan)
    finally:
        store.close()
    return back


@SETTINGS
@given(plan=plans())
def test_any_plan_saved_to_a_new_file_reads_back(plan: m.Plan) -> None:
    with tempfile.TemporaryDirectory() as folder:
        assert saved_and_read(Path(folder), [plan]) == [plan]


@SETTINGS
@given(data=st.data(), plan=plans())
def test_any_plan_saved_twice_with_edits_reads_back(data: st.DataObject, plan: m.Plan) -> None:
    second = data.draw(mutated(plan), label="edited")
    with tempfile.TemporaryDirectory() as folder:
        assert saved_and_read(Path(folder), [plan, second]) == [plan, second]


@SETTINGS
@given(data=st.data(), plan=plans())
def test_edits_saved_in_a_new_session_read_back(data: st.DataObject, plan: m.Plan) -> None:
    """The second save starts from the file the first one wrote, as after a restart."""
    second = data.draw(mutated(plan), label="edited")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.toml"
        assert saved_and_read(Path(folder), [plan]) == [plan]
        store = PlanStore.open(path)
        try:
            assert store.plan == plan
            store.save(second)
        finally:
            store.close()
        assert read_plan(path).plan == second


# A plan written with inline tables, inline arrays of tables and dotted keys throughout.
INLINE_PLAN = """\
schema = 1
profile = { name = "Inline Ian", specialty = "Pediatrics", exams = [{ exam = "step1", result = "fail", score = 0 }] }  # one line
criteria.fit = 2              # dotted keys
criteria."travel time" = 1
programs = [
  { id = "p-1", name = "One", criteria = { fit = 3 }, debrief = { felt = 4, takes_chances = ["holistic-pd"] } },  # first
  { id = "p-2", interview_date = 2026-10-01, preference = "low" },
]
rank_list = { order = ["p-2", "p-1"] }
goals = [{ title = "Letters", due = 2027-01-05, done = true }]

[schedule]
practice = [ { form = "NBME 10", score = 201, date = 2027-01-02 } ]
week.mon = ["study", "study", "rest"]
"""

# A plan whose tables come in parts: dotted keys, and sub-tables after other tables.
SPLIT_PLAN = """\
schema = 1
cycle.match_day = 2028-03-17      # dotted keys at the top
cycle.rank_deadline = 2028-03-01
criteria.fit = 2
criteria."travel time" = 1

[schedule]
target_date = 2027-07-20
study_start = 2027-04-26

[[programs]]
id = "p-1"
criteria.fit = 3
debrief.felt = 4
debrief.takes_chances = ["holistic-pd", "residents-with-bumps"]

[profile]
name = "Split Sam"

[schedule.week]                   # the schedule goes on after other tables
mon = ["study", "study", "rest"]

[[profile.exams]]
exam = "step1"
date = 2024-03-14

[schedule.hours]
morning = 3
"""

STARTING_FILES = {
    "split": SPLIT_PLAN,
    "demo": DEMO.read_text(encoding="utf-8"),
    "design": (FIXTURES / "design_example.toml").read_text(encoding="utf-8"),
    "inline": INLINE_PLAN,
}


@SETTINGS
@given(data=st.data(), start=st.sampled_from(sorted(STARTING_FILES)))
def test_random_edits_of_hand_written_files_read_back(data: st.DataObject, start: str) -> None:
    """Edits applied to files laid out by hand (not by rankplan) read back exactly."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.toml"
        path.write_text(STARTING_FILES[start], encoding="utf-8")
        store = PlanStore.open(path)
        try:
            assert store.errors == []
            edited = data.draw(mutated(store.plan), label="edited")
            assert store.save(edited).outcome is SaveOutcome.SAVED
            assert read_plan(path).plan == edited
            again = data.draw(mutated(edited), label="edited again")
            store.save(again)
            assert read_plan(path).plan == again
        finally:
            store.close()
