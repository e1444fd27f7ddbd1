"""The WEEKLY SCHEDULE, TIMELINE, PRACTICE EXAMS and GOALS sections."""

from __future__ import annotations

from datetime import date

from rankplan.core.exams import EXAMS, describe_mark, passing_score
from rankplan.core.model import DAYS, EXAM_LABELS, SLOTS, Aim, Goal, Plan
from rankplan.core.schedule import (
    describe_days,
    hours_by_activity,
    readiness,
    slot_hours,
    study_days,
    timeline,
    total_hours,
    week_slots,
)
from rankplan.exchange.blocks import Align, Block, Column, Fields, Paragraph, Section, Table
from rankplan.exchange.words import ACTIVITY_WORDS, DAY_NAMES, day, days_from, plural


def week_section(plan: Plan) -> Section:
    schedule = plan.schedule
    cells = {(d, s): a for d, s, a in week_slots(schedule)}
    columns = (Column("Day"),) + tuple(
        Column(f"{slot.capitalize()} ({slot_hours(schedule, slot)} h)") for slot in SLOTS)
    rows = tuple(
        (DAY_NAMES[d],) + tuple(ACTIVITY_WORDS[cells[d, s]] or "-" for s in SLOTS) for d in DAYS
    )
    hours = hours_by_activity(schedule)
    blocks: list[Block] = [Table(columns, rows)]
    if hours:
        each = ", ".join(f"{ACTIVITY_WORDS[a]} {h}" for a, h in hours.items())
        blocks.append(Paragraph(f"Hours per week: {each}; {total_hours(schedule)} in all."))
    else:
        blocks.append(Paragraph("The week is empty."))
    return Section("WEEKLY SCHEDULE", "Weekly schedule", tuple(blocks))


def _dated(when: date | None, today: date) -> str:
    return f"{when.isoformat()} ({days_from(today, when)})" if when else "not set"


AIM_WORDS = {Aim.RANK_DEADLINE: "this Match's rank deadline",
             Aim.NEXT_SEASON: "the season ahead"}


def timeline_section(plan: Plan, today: date) -> Section:
    schedule = plan.schedule
    tl = timeline(plan, today)
    advice = tl.recommendation
    start = _dated(tl.study_start, today)
    if tl.study_start_planned:
        start += f", back-planned from the {advice.weeks}-week recommendation"
    fields = [
        ("Exam", EXAM_LABELS[schedule.exam]),
        ("Aim", AIM_WORDS[tl.aim] + ("" if schedule.aim else " (worked out from the cycle)")),
        ("Test date", _dated(schedule.target_date, today)),
        ("Study start", start),
    ]
    days = study_days(schedule, today)
    if days is not None:
        # From the study start you set; else from today, which is not study time but the
        # time left (the back-planned start says when study begins).
        label = "Study time" if schedule.study_start else "Until the test"
        fields.append((label, describe_days(days)))
    fields += [
        ("Recommended", advice.reason),
        ("Latest safe test", _dated(tl.latest_safe_test, today)),
        ("Score report", _dated(tl.score_report, today) if tl.score_report else "not set"),
        ("Report by", _dated(tl.report_by, today)
         + ("" if schedule.report_by else ", from the aim")),
    ]
    rows = [(m.date.isoformat(), days_from(today, m.date), m.label) for m in tl.milestones]
    rows.insert(tl.today_index, (today.isoformat(), "today", "(today: this plan was exported)"))
    blocks: tuple[Block, ...] = (
        Fields(tuple(fields)),
        Table((Column("Date"), Column("When"), Column("Milestone", wrap=True)), tuple(rows)),
    )
    return Section("TIMELINE", "Timeline", blocks)


def practice_section(plan: Plan) -> Section:
    schedule = plan.schedule
    passing = passing_score(schedule)
    target = passing + schedule.margin
    source = (f"your own passing score {passing}" if schedule.passing_score is not None
              else f"passing score {describe_mark(schedule.exam, schedule.target_date)}")
    entries = sorted(schedule.practice, key=lambda p: (p.date is None, p.date or date.min))
    blocks: list[Block] = [Paragraph(
        f"Target: {target} ({source}, plus a margin of {schedule.margin}; scores on the "
        f"{EXAMS[schedule.exam].name} scale {EXAMS[schedule.exam].scale}).")]
    if entries:
        blocks.append(Table(
            (Column("Date"), Column("Form", wrap=True), Column("Score", Align.RIGHT),
             Column("Against target", Align.RIGHT)),
            tuple(
                (day(p.date), p.form or "-", str(p.score) if p.score else "-",
                 f"{p.score - target:+d}" if p.score else "-")
                for p in entries
            ),
        ))
    else:
        blocks.append(Paragraph("No practice exams recorded."))
    blocks.append(Paragraph(readiness(schedule).summary()))
    return Section("PRACTICE EXAMS", "Practice exams", tuple(blocks))


def goal_status(goal: Goal, today: date) -> str:
    if goal.done:
        return "done"
    if goal.due is None:
        return "open"
    if goal.due < today:
        return "overdue"
    return "due today" if goal.due == today else "open"


def goals_section(plan: Plan, today: date) -> Section:
    goals = sorted(plan.goals, key=lambda g: (g.due is None, g.due or date.min))
    if not goals:
        return Section("GOALS", "Goals", (Paragraph("No goals yet."),))
    done = sum(g.done for g in goals)
    overdue = sum(goal_status(g, today) == "overdue" for g in goals)
    blocks: tuple[Block, ...] = (
        Paragraph(f"{done} of {plural(len(goals), 'goal')} done; {overdue} overdue."),
        Table(
            (Column("Due"), Column("Domain"), Column("Status"), Column("Goal", wrap=True)),
            tuple((day(g.due), g.domain.value, goal_status(g, today), g.title or "(untitled)")
                  for g in goals),
        ),
    )
    return Section("GOALS", "Goals", blocks)

