"""The plan's calendar as iCalendar (RFC 5545), for any calendar app.

- The week grid: one weekly recurring event per planned slot, from the study start to the
  day before the test (``RRULE:FREQ=WEEKLY;UNTIL=...``), at floating local times (morning
  08:00, afternoon 13:00, evening 18:00; as long as ``schedule.hours`` says). Rest and off
  blocks are marked free (``TRANSP:TRANSPARENT``).
- The timeline's milestones and the goals' due dates: all-day events.
- UIDs come from what an event is, not from when it was exported: ``week-mon-morning``,
  ``milestone-test``, ``milestone-practice-exam-2``, ``goal-<hash of the title>``. Importing a
  newer export again updates those events (a moved test date moves the event) instead of
  adding copies. A calendar never deletes on import, so an event the plan no longer has
  (a slot emptied, a fifth practice exam gone) stays there until deleted by hand.
- Written by hand rather than with a library: the file needs a few properties, text escaping
  and line folding, all in this module; a library would add three run-time dependencies and
  a tenth of a second of imports for that. The tests read the output with ``icalendar``.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from rankplan import __version__
from rankplan.core.model import DAYS, Activity, Plan
from rankplan.core.schedule import MilestoneKind, slot_hours, timeline, week_slots
from rankplan.exchange.words import ACTIVITY_WORDS, DAY_NAMES

SLOT_START: dict[str, time] = {"morning": time(8), "afternoon": time(13), "evening": time(18)}
FREE = {Activity.REST, Activity.OFF}
UID_SUFFIX = "@rankplan"
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

    def lines(self, stamp: str) -> list[str]:
        out = ["BEGIN:VEVENT", f"UID:{self.uid}{UID_SUFFIX}", f"DTSTAMP:{stamp}"]
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


def _duration(span: timedelta) -> str:
    minutes = int(span.total_seconds()) // 60
    hours, minutes = divmod(minutes, 60)
    return "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes or not hours else "")


def escape(text: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks escaped;
    control characters, which TEXT may not hold, dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(c for c in text if c in "\n\t" or unicodedata.category(c) != "Cc")
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


def _uid_part(text: str) -> str:
    return hashlib.sha256(text.strip().lower().encode("utf-8")).hexdigest()[:16]


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


def goal_events(plan: Plan) -> list[Event]:
    events = []
    seen: dict[str, int] = {}
    for goal in plan.goals:
        if goal.due is None:
            continue
        key = _uid_part(goal.title)
        seen[key] = seen.get(key, 0) + 1
        uid = f"goal-{key}" + (f"-{seen[key]}" if seen[key] > 1 else "")
        status = "done" if goal.done else "not done yet"
        events.append(Event(
            uid, f"Goal{' (done)' if goal.done else ''}: {goal.title or 'untitled'}", goal.due,
            description=f"A {goal.domain.value} goal, due {goal.due.isoformat()}; {status}. "
                        "From rankplan.",
            free=True,
        ))
    return events


def export_ics(plan: Plan, today: date) -> str:
    """The week's blocks, the milestones and the goals as an iCalendar file (CRLF lines)."""
    name = plan.profile.name.strip()
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//rankplan//rankplan {__version__}//EN",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{escape('Residency plan' + (f': {name}' if name else ''))}",
    ]
    stamp = f"{today:%Y%m%d}T000000Z"  # from the plan's today, so an export is reproducible
    for event in [*week_events(plan, today), *milestone_events(plan, today), *goal_events(plan)]:
        lines += event.lines(stamp)
    from rankplan.exchange.ics_reapply import reapply_events  # it imports Event from here

    for event in reapply_events(plan):  # letters' dates and the planned ERAS day (§2.6)
        lines += event.lines(stamp)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + CRLF for line in lines)
