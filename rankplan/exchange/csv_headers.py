"""Header cells as spreadsheet users write them: which column each one means.

- A header is matched without regard to case, spaces, hyphens, underscores or punctuation
  ("Interview Date", "interview-date" and "INTERVIEW_DATE:" are one column), and under the
  names spreadsheets use ("Program Name", "Programme", "Date", "Speciality", "Comments"...).
- A column worked out from the others ("Final Score", "Total", "Weighted Score", "Overall
  Rank") is read past with a note: the plan works such figures out itself. The ``rank``
  column that ``rankplan export`` writes (in those letters) is the exception: it orders the
  new programs.
- Any other column whose values are all whole numbers from 1 to 5 is a criterion
  (``criteria.<name>``): the plan's own when the name matches one, else a new one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rankplan.exchange.columns import CRITERIA, RANK

ALIASES: dict[str, str] = {
    spelling: column
    for column, spellings in {
        "id": "id program_id programid code program_code",
        "name": "name program program_name programme programme_name program_title "
                "residency_program residency institution hospital",
        "specialty": "specialty speciality specialty_name field discipline",
        "setting": "setting program_type type",
        "track": "track position position_type",
        "location": "location city city_state place",
        "interview_date": "interview_date interview date interview_day date_of_interview "
                          "interview_on interviewed",
        "preference": "preference pref my_preference",
        "likelihood": "likelihood",
        "match_chance": "match_chance match_probability chance_of_matching",
        "would_not_attend": "would_not_attend not_attending wont_attend would_not_go",
        "notes": "notes note comments comment remarks thoughts",
    }.items()
    for spelling in spellings.split()
}

# Words that mark a figure worked out from other columns, whatever its values ...
_DERIVED = re.compile(r"(^|_)(final|total|overall|weighted|composite|average|avg|mean|sum)(_|$)")
# ... and words that do so unless the values are 1-5 scores ("Research Score" is a criterion).
_FIGURE = re.compile(r"(^|_)(score|points|rank|ranking|percentile|percent)(_|$)")


def key(raw: str) -> str:
    """A header as a lookup key: "Interview Date:" -> "interview_date"."""
    text = re.sub(r"[^\w\s.-]", "", raw.strip().lower())
    return re.sub(r"[\s_-]+", "_", text).strip("_")


def alias(raw: str) -> str | None:
    """The column a spreadsheet's header names, or None."""
    return ALIASES.get(key(raw))


def derived(raw: str) -> bool:
    """Whether the header names a figure worked out from other columns ("Final Score"), or
    a spreadsheet's own "Rank" (any spelling but the ``rank`` of rankplan's export)."""
    k = key(raw)
    return _DERIVED.search(k) is not None or (k == RANK and raw.strip() != RANK)


def figure(raw: str) -> bool:
    """Whether the header names a figure ("Score", "Points"): derived unless its values are
    1-5 scores."""
    return _FIGURE.search(key(raw)) is not None


def scores_only(values: Iterable[str], read_score) -> bool:
    """Whether every non-empty value is a score from 1 to 5 (and there is one at least)."""
    seen = False
    for value in values:
        if not value.strip():
            continue
        try:
            score = read_score(value)
        except ValueError:
            return False
        if not 1 <= score <= 5:
            return False
        seen = True
    return seen


def criterion(raw: str, existing: Iterable[str]) -> str:
    """The criterion a score column fills: the plan's own when the names match (case and
    spaces aside), else the header as written."""
    name = " ".join(raw.split())
    for known in existing:
        if key(known) == key(name):
            return known
    return name


def as_criterion_column(raw: str, existing: Iterable[str]) -> str:
    return CRITERIA + criterion(raw, existing)
