"""The plan's calendar as iCalendar (RFC 5545), for any calendar app.

- The week grid: one weekly recurring event per planned slot, from the study start to the
  day before the test (``RRULE:FREQ=WEEKLY;UNTIL=...``), at floating local times (morning
  08:00, afternoon 13:00, evening 18:00; as long as ``schedule.hours`` says). Rest and off
  blocks are marked free (``TRANSP:TRANSPARENT``).
- The timeline's milestones, the interview dates and the goals' due dates: all-day events.
- UIDs are ``<kind>-<key>-<plan id>@rankplan`` and come from what an event is, not from when
  it was exported: ``week-mon-morning-<plan id>``, ``milestone-test-<plan id>``,
  ``interview-<program id>-<plan id>``, ``goal-<goal id>-<plan id>``. The plan id
  (``core.identity``) keeps two plans (or a plan and the demo) from overwriting each other's
  events; a goal's id keeps its event when it is renamed. Importing a newer export again
  updates those events (a moved test date moves the event) instead of adding copies. A
  calendar never deletes on import, so an event the plan no longer has (a slot emptied, a
  fifth practice exam gone) stays there until deleted by hand.
- Revisions, with no state kept between exports: every event's ``LAST-MODIFIED`` is the
  plan's revision time: when its file was last saved (the export's ``revised``), or midnight
  (UTC) of ``today`` if that is later, since a few dates follow today (the default cycle).
  ``SEQUENCE`` is that moment in whole seconds since 2020-01-01 UTC. Both only ever grow:
  an event that changed has a higher SEQUENCE than in any earlier export, so a calendar
  takes the update; an event that did not change may get a higher one too, which only
  rewrites it with the same content. A hash of the content would change with each edit but
  could go down, and a calendar ignores an update whose SEQUENCE is lower. ``DTSTAMP`` is
  the moment of the export, in UTC.
- Written by hand rather than with a library: the file needs a few properties, text escaping
  and line folding, all in this module; a library would add three run-time dependencies and
  a tenth of a second of imports for that. The tests read the output with ``icalendar``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from rankplan import __version__
from rankplan.core.identity import derived_plan_id
from rankplan.core.model import DAYS, Activity, Plan, Program
from rankplan.core.schedule import MilestoneKind, slot_hours, timeline, week_slots
from rankplan.core.text import visible
from rankplan.exchange.words import ACTIVITY_WORDS, DAY_NAMES

SLOT_START: dict[str, time] = {"morning": time(8), "afternoon": time(13), "evening": time(18)}
FREE = {Activity.REST, Activity.OFF}
UID_SUFFIX = "@rankplan"
SEQUENCE_EPOCH = datetime(2020, 1, 1, tzinfo=UTC)
LINE_OCTETS = 75  # RFC 5545 3.1: lines are folded at 75 octets, CRLF not counted
CRLF = "\r\n"


@dataclass(frozen=True)
class Event:
    uid: str
    summary: str
    start: date | datetime  # a date: an all-day event
    description: str = ""
    duration: timedelta | None = None  # for a timed event
    rrule: str = ""
    free: bool = False

    def lines(self, plan_id: str, stamp: Stamp) -> list[str]:
        out = ["BEGIN:VEVENT", f"UID:{self.uid}-{plan_id}{UID_SUFFIX}", f"DTSTAMP:{stamp.now}",
               f"LAST-MODIFIED:{stamp.revised}", f"SEQUENCE:{stamp.sequence}"]
        if isinstance(self.start, datetime):
            out.append(f"DTSTART:{self.start:%Y%m%dT%H%M%S}")
            out.append(f"DURATION:{_duration(self.duration or timedelta(hours=1))}")
        else:
            out.append(f"DTSTART;VALUE=DATE:{self.start:%Y%m%d}")
            out.append(f"DTEND;VALUE=DATE:{self.start + timedelta(days=1):%Y%m%d}")
        if self.rrule:
            out.append(f"RRULE:{self.rrule}")
        out.append(f"SUMMARY:{escape(self.summary)}")
        if self.description:
            out.append(f"DESCRIPTION:{escape(self.description)}")
        out.append(f"TRANSP:{'TRANSPARENT' if self.free else 'OPAQUE'}")
        out.append("END:VEVENT")
        return out


@dataclass(frozen=True)
class Stamp:
    """The export's times, as iCalendar writes them (see the module's notes)."""

    now: str  # DTSTAMP
    revised: str  # LAST-MODIFIED
    sequence: int  # SEQUENCE

    @classmethod
    def of(cls, today: date, revised: datetime | None, now: datetime | None) -> Stamp:
        now = _utc(now or datetime.now(UTC))
        moment = max(_utc(revised or now), datetime.combine(today, time(), UTC))
        moment = max(moment, SEQUENCE_EPOCH)
        return cls(f"{now:%Y%m%dT%H%M%SZ}", f"{moment:%Y%m%dT%H%M%SZ}",
                   int((moment - SEQUENCE_EPOCH).total_seconds()))


def _utc(moment: datetime) -> datetime:
    """A moment in UTC to the second (a naive one is taken as local time)."""
    return moment.astimezone(UTC).replace(microsecond=0)


def _duration(span: timedelta) -> str:
    minutes = int(span.total_seconds()) // 60
    hours, minutes = divmod(minutes, 60)
    return "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes or not hours else "")


def escape(text: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks escaped;
    control characters, which TEXT may not hold, shown as visible escapes (DESIGN §4)."""
    text = visible(text.replace("\r\n", "\n").replace("\r", "\n"))
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\n", "\\n"))


def fold(line: str) -> str:
    """A content line folded into lines of at most 75 octets (the leading space of a
    continuation counts). A character is never split, and neither is an escape such as
    ``\\,`` (some readers mishandle one cut across a fold)."""
    parts: list[str] = []
    current = ""
    size = 0
    for c in line:
        n = len(c.encode("utf-8"))
        limit = LINE_OCTETS if not parts else LINE_OCTETS - 1
        if current and size + n > limit:
            carry = ""
            backslashes = len(current) - len(current.rstrip("\\"))
            if backslashes % 2:  # the last character starts an escape: keep the pair whole
                current, carry = current[:-1], "\\"
            parts.append(current)
            current, size = carry, len(carry)
        current += c
        size += n
    parts.append(current)
    return (CRLF + " ").join(parts)


def week_events(plan: Plan, today: date) -> list[Event]:
    """The week grid, each planned slot recurring weekly through the study window."""
    schedule = plan.schedule
    tl = timeline(plan, today)
    start, end = tl.study_start, tl.plan_to
    if start is None or end is None or start >= end:
        return []
    last = end - timedelta(days=1)  # the day before the test: test day has its own event
    until = datetime.combine(last, time(23, 59, 59))
    events = []
    for day, slot, activity in week_slots(schedule):
        hours = slot_hours(schedule, slot)
        if activity is Activity.EMPTY or hours <= 0:
            continue
        first = start + timedelta(days=(DAYS.index(day) - start.weekday()) % 7)
        if first > last:
            continue
        events.append(Event(
            uid=f"week-{day}-{slot}",
            summary=ACTIVITY_WORDS[activity].capitalize(),
            start=datetime.combine(first, SLOT_START[slot]),
            duration=timedelta(hours=hours),
            rrule=f"FREQ=WEEKLY;UNTIL={until:%Y%m%dT%H%M%S}",
            description=(f"{DAY_NAMES[day]} {slot}, {hours} h: a block of your weekly "
                         f"schedule, every week from {start.isoformat()} until the day "
                         f"before {end.isoformat()}. From rankplan."),
            free=activity in FREE,
        ))
    return events


def milestone_events(plan: Plan, today: date) -> list[Event]:
    events = []
    count: dict[MilestoneKind, int] = {}
    for m in timeline(plan, today).milestones:
        count[m.kind] = count.get(m.kind, 0) + 1
        uid = f"milestone-{m.kind.value}"
        if m.kind is MilestoneKind.PRACTICE_EXAM:
            uid += f"-{count[m.kind]}"
        events.append(Event(uid, m.label, m.date,
                            description="A date of your back-planned timeline. From rankplan."))
    return events


def _article(word: str) -> str:
    return "An" if word[:1].lower() in "aeiou" else "A"


def goal_events(plan: Plan) -> list[Event]:
    """Each goal with a due date, keyed by its id (``core.identity``; by its place in the
    list for a goal that has none, as in a plan made outside rankplan)."""
    events = []
    for n, goal in enumerate(plan.goals, 1):
        if goal.due is None:
            continue
        status = "done" if goal.done else "not done yet"
        domain = goal.domain.value
        events.append(Event(
            f"goal-{goal.id or f'g{n}'}",
            f"Goal{' (done)' if goal.done else ''}: {goal.title or 'untitled'}", goal.due,
            description=f"{_article(domain)} {domain} goal, due {goal.due.isoformat()}; "
                        f"{status}. From rankplan.",
            free=True,
        ))
    return events


def _interview_text(program: Program, plan: Plan) -> str:
    parts = [program.specialty or plan.profile.specialty, program.track.value,
             program.location.strip()]
    return ("Interview day: " + ", ".join(p for p in parts if p)
            + f" ({program.id}). From rankplan.")


def interview_events(plan: Plan) -> list[Event]:
    """Each program's interview date, keyed by the program's id."""
    return [
        Event(f"interview-{p.id}", f"Interview: {p.name.strip() or p.id}", p.interview_date,
              description=_interview_text(p, plan))
        for p in plan.programs if p.interview_date is not None
    ]


def export_ics(plan: Plan, today: date, *, revised: datetime | None = None,
               now: datetime | None = None) -> str:
    """The week's blocks, the milestones, the interviews and the goals as an iCalendar file
    (CRLF lines). ``revised``: when the plan last changed (its file's modification time);
    ``now``: the moment of the export (both default to the clock)."""
    name = plan.profile.name.strip()
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//rankplan//rankplan {__version__}//EN",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{escape('Residency plan' + (f': {name}' if name else ''))}",
    ]
    plan_id = plan.plan_id or derived_plan_id("")  # a plan from elsewhere: see core.identity
    stamp = Stamp.of(today, revised, now)
    from rankplan.exchange.ics_reapply import reapply_events  # it imports Event from here

    for event in [*week_events(plan, today), *milestone_events(plan, today),
                  *interview_events(plan), *goal_events(plan),
                  *reapply_events(plan)]:  # letters' dates and the planned ERAS day (§2.6)
        lines += event.lines(plan_id, stamp)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + CRLF for line in lines)
