"""The reapplication year's dates as all-day iCalendar events (DESIGN §2.6, §4): each
letter's date and the planned ERAS submission. UIDs come from what an event is: a letter
from its author (``letter-<hash>``), the submission ``reapply-submit``."""

from __future__ import annotations

import hashlib

from rankplan.core.model import Plan
from rankplan.exchange.ics import Event


def _uid_part(text: str) -> str:
    """A short stable key for a letter's author (letters carry no id of their own)."""
    return hashlib.sha256(text.strip().lower().encode("utf-8")).hexdigest()[:16]


def reapply_events(plan: Plan) -> list[Event]:
    r = plan.reapply
    if r is None:
        return []
    events: list[Event] = []
    if r.submit_on is not None:
        events.append(Event(
            "reapply-submit", "Submit ERAS", r.submit_on,
            description=f"The planned day to submit your application ({r.applications_planned} "
                        "programs planned). From rankplan.",
        ))
    seen: dict[str, int] = {}
    for letter in r.letters:
        if letter.date is None:
            continue
        key = _uid_part(letter.author)
        seen[key] = seen.get(key, 0) + 1
        uid = f"letter-{key}" + (f"-{seen[key]}" if seen[key] > 1 else "")
        who = letter.author or "a letter writer"
        field = f" ({letter.specialty})" if letter.specialty else ""
        events.append(Event(
            uid, f"Letter: {who}", letter.date,
            description=f"The letter from {who}{field}, {letter.status.value} so far. "
                        "From rankplan.",
            free=True,
        ))
    return events
