"""Generate large, realistic rankplan plan files (schema 1, DESIGN §3) for performance tests.

Standard library only, so benchmarks can build their inputs without the package installed::

    from genplan import generate_plan
    text = generate_plan(300, seed=1)     # TOML text with 300 interviews

or from the command line::

    python tests/perf/genplan.py 300 [--seed S] [--output FILE]

Every key of the format is written (nothing is left to defaults), notes span several lines
and contain characters that need escaping, and the same seed always gives the same text.
All names are invented.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

__all__ = ["generate_plan", "main"]

# --------------------------------------------------------------------------- vocabulary

_PLACES = (
    "Alder", "Ashgrove", "Bayfield", "Birchwood", "Blue Heron", "Brookhaven", "Calder",
    "Cedar Falls", "Clearwater", "Copper Basin", "Cypress Point", "Driftwood", "Eastbrook",
    "Elmsworth", "Fairhaven", "Fox Run", "Glenmoor", "Granite Ridge", "Harborline", "Hawthorn",
    "Highmark", "Ironwood", "Juniper", "Kestrel", "Lakeshore", "Larkspur", "Lindenfield",
    "Maple Crest", "Marlow Valley", "Meadowbrook", "Millbrook", "Northgate", "Oakhurst",
    "Old Mill", "Pine Hollow", "Prairie View", "Quarry Hill", "Ravenna", "Redstone",
    "Riverbend", "Rosewood", "Saltmarsh", "Silver Lake", "Stonebridge", "Summit Trail",
    "Sycamore", "Thornbury", "Timberline", "Tall Pines", "Upland", "Valley Forge Road",
    "Westbrook", "Whitfield", "Willow Creek", "Wrenfield", "Yarrow", "Zephyr Bay",
)

# (name suffix, setting, short id tag)
_KINDS = (
    ("University Medical Center", "university", "umc"),
    ("University Hospital", "university", "uh"),
    ("State University Hospital", "university", "su"),
    ("Community Hospital", "community", "ch"),
    ("Memorial Hospital", "community", "mem"),
    ("General Hospital", "community", "gen"),
    ("Regional Medical Center", "affiliated", "rmc"),
    ("Health System", "affiliated", "hs"),
    ("Medical Center", "affiliated", "mc"),
)

_CITIES = (
    "Akron, OH", "Albany, NY", "Albuquerque, NM", "Allentown, PA", "Ann Arbor, MI",
    "Baltimore, MD", "Birmingham, AL", "Boise, ID", "Buffalo, NY", "Charleston, SC",
    "Chicago, IL", "Cincinnati, OH", "Cleveland, OH", "Columbus, OH", "Dallas, TX",
    "Dayton, OH", "Denver, CO", "Des Moines, IA", "Detroit, MI", "El Paso, TX", "Erie, PA",
    "Fresno, CA", "Grand Rapids, MI", "Greenville, SC", "Hartford, CT", "Houston, TX",
    "Indianapolis, IN", "Jacksonville, FL", "Kansas City, MO", "Knoxville, TN",
    "Las Vegas, NV", "Lexington, KY", "Little Rock, AR", "Louisville, KY", "Lubbock, TX",
    "Madison, WI", "Marquette, MI", "Memphis, TN", "Milwaukee, WI", "Minneapolis, MN",
    "Mobile, AL", "Newark, NJ", "Norfolk, VA", "Omaha, NE", "Orlando, FL", "Peoria, IL",
    "Phoenix, AZ", "Pittsburgh, PA", "Portland, ME", "Providence, RI", "Reno, NV",
    "Richmond, VA", "Rochester, NY", "Sacramento, CA", "Saint Louis, MO",
    "Salt Lake City, UT", "San Antonio, TX", "Scranton, PA", "Spokane, WA", "Syracuse, NY",
    "Tampa, FL", "Toledo, OH", "Tucson, AZ", "Tulsa, OK", "Wichita, KS", "Worcester, MA",
)

# (specialty, weight, track choices, id suffix, name label)
_SPECIALTIES = (
    ("Internal Medicine", 62, ("categorical",), "im", ""),
    ("Family Medicine", 16, ("categorical",), "fm", "Family Medicine"),
    ("Preliminary Medicine", 7, ("preliminary",), "prelim", "Preliminary Medicine"),
    ("Transitional Year", 5, ("transitional",), "ty", "Transitional Year"),
    ("Psychiatry", 5, ("categorical",), "psych", "Psychiatry"),
    ("Neurology", 5, ("categorical", "advanced"), "neuro", "Neurology"),
)

_FIRST = ("Jordan", "Riley", "Morgan", "Casey", "Avery", "Quinn", "Rowan", "Sasha", "Emerson",
          "Noor", "Priya", "Mateo", "Lena", "Tomasz", "Ines", "Kofi", "Mei", "Aarav")
_LAST = ("Avery", "Calloway", "Delgado", "Eastman", "Fairley", "Grayson", "Holloway",
         "Iverson", "Kowalczyk", "Lindqvist", "Mbeki", "Nakamura", "Okafor", "Pellegrini",
         "Quintero", "Ramanathan", "Sorensen", "Thibodeaux", "Vasquez", "Whitcombe")

# Note fragments. Some contain quotes, a backslash or non-ASCII on purpose: the writer and the
# validator must survive them.
_NOTE_LINES = (
    'PD opened with "walk me through what changed after the first attempt."',
    "Residents looked rested; nobody checked a pager during the lunch session.",
    "Program coordinator answered every email within a day.",
    "Strong ICU and cardiology months; night float is a week at a time, not blocks.",
    "Two hours from my partner's job, which matters more than I admit.",
    "Fellowship match list is modest but steady (mostly GI and hospitalist roles).",
    "Interviewer asked about Step 1 twice and did not look convinced by the answer.",
    'Chief resident said "a lot of us had a bump somewhere, it does not define you here."',
    "Board pass rate on the website is 100% for the last three years.",
    "Salary below the regional average; housing stipend makes up about half of it.",
    "Clinic is in a federally qualified health centre: great continuity, busy panels.",
    "Heard the program had an ACGME citation two years ago; ask what was fixed.",
    "Second-look day in January: bring questions about parental leave.",
    "Rural track option with a month of procedures \u2014 appealing if I stay in FM.",
    "Thank-you note sent; reply was a form email signed by the coordinator.",
    "Ambulatory weeks use a 4+1 schedule; electives can be done away.",
    "Call room Wi-Fi notes saved under C:\\notes\\interviews, copy them here later.",
    "The APD followed up personally and mentioned my quality-improvement project.",
    "Cost of living is low; the city felt quiet after 6 pm.",
    "Caf\u00e9 in the lobby is open all night, which residents mentioned more than once.",
    "Three interns this year are career changers; one retook Step 2.",
    "Felt like my answer about the failure ran long. Tighten it to two sentences.",
    "Mentor knows the program director from residency and offered to call.",
    "Program is expanding from 8 to 12 positions next year.",
)

_GOALS = (
    ("exam", "Book the test date only after two practice scores clear the margin"),
    ("exam", "Finish the first pass of the question bank with timed blocks"),
    ("clinical", "Two new letters in internal medicine from the hospitalist service"),
    ("clinical", "Keep a weekly clinic session going through Match Day"),
    ("signaling", "Ask my mentor to call the top three programs before rank meetings"),
    ("signaling", "Send each program director a short, specific update letter in January"),
    ("application", "Submit the application on the day it opens"),
    ("application", "Personal statement: address the failure in one paragraph, then move on"),
)

_ACTIVITIES_STUDY = ("study", "qbank")
_PRACTICE_FORMS = ("NBME 1", "UWSA 1", "NBME 2", "UWSA 2", "NBME 3", "Free 120", "NBME 4")

# --------------------------------------------------------------------------- TOML writing

_ESCAPES = {"\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r",
            '"': '\\"', "\\": "\\\\"}


def _escape_char(ch: str, keep_newline: bool) -> str:
    if keep_newline and ch == "\n":
        return ch
    if ch in _ESCAPES:
        return _ESCAPES[ch]
    code = ord(ch)
    if code < 0x20 or code == 0x7F:
        return f"\\u{code:04X}"
    return ch


def toml_str(value: str) -> str:
    """A TOML basic string (one line) holding ``value`` exactly."""
    return '"' + "".join(_escape_char(ch, False) for ch in value) + '"'


def toml_ml_str(value: str) -> str:
    """A TOML multi-line basic string holding ``value`` exactly.

    Every quote is escaped, so no run of three quotes can end the string early. The newline
    right after the opening delimiter is trimmed by TOML, so it only serves layout.
    """
    return '"""\n' + "".join(_escape_char(ch, True) for ch in value) + '"""'


def toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return toml_ml_str(value) if "\n" in value else toml_str(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{_key(k)} = {toml_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(f"cannot write {type(value).__name__} as TOML")


_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


def _key(key: str) -> str:
    return key if _BARE_KEY.match(key) else toml_str(key)


def _table(out: list[str], header: str, items: dict[str, Any]) -> None:
    out.append(header)
    for key, value in items.items():
        out.append(f"{_key(key)} = {toml_value(value)}")
    out.append("")


# --------------------------------------------------------------------------- domain helpers

def _suggest(debrief: dict[str, Any], failed_attempts: int) -> int:
    """Points of the DESIGN §2.1 rule table (only used to make a plausible rank order)."""
    points = {"curious": 1, "grilled": -2}.get(str(debrief["failure_discussion"]), 0)
    policy = debrief["board_policy"]
    if policy == "valued-rebound":
        points += 2
    elif policy == "first-attempt-required":
        points -= 2
    elif policy == "max-one-failure":
        points += -1 if failed_attempts <= 1 else -10
    points += min(2, len(debrief["takes_chances"]))
    if debrief["post_interview"] in ("personal-pd", "faculty-advocate"):
        points += 2
    if debrief["home_program"]:
        points += 2
    if debrief["my_answer"] in ("vague", "defensive"):
        points -= 1
    return points


def _colour(points: int) -> str:
    return "green" if points >= 2 else "red" if points <= -2 else "yellow"


def _weighted(rng: random.Random, pairs: tuple[tuple[Any, int], ...]) -> Any:
    values = [v for v, _ in pairs]
    weights = [w for _, w in pairs]
    return rng.choices(values, weights=weights, k=1)[0]


def _debrief(rng: random.Random, setting: str, is_home: bool) -> dict[str, Any]:
    grill_weight = 35 if setting == "university" else 15
    failure = _weighted(rng, (("curious", 30), ("neutral", 30), ("grilled", grill_weight),
                              ("not-mentioned", 20)))
    policy = _weighted(rng, (("none-heard", 55), ("first-attempt-required", 16),
                             ("max-one-failure", 15), ("valued-rebound", 14)))
    chances = sorted(rng.sample(("holistic-pd", "residents-with-bumps",
                                 "nontraditional-residents"), k=rng.choice((0, 0, 0, 1, 1, 2, 3))))
    post = _weighted(rng, (("none", 35), ("generic", 40), ("personal-pd", 15),
                           ("faculty-advocate", 10)))
    answer = _weighted(rng, (("", 15), ("owned", 60), ("vague", 17), ("defensive", 8)))
    felt = rng.randint(1, 5)
    if failure == "grilled":
        felt = max(1, felt - 2)
    return {
        "failure_discussion": failure,
        "board_policy": policy,
        "takes_chances": chances,
        "post_interview": post,
        "home_program": is_home,
        "my_answer": answer,
        "felt": felt,
    }


def _notes(rng: random.Random, index: int) -> str:
    lines = rng.sample(_NOTE_LINES, k=rng.randint(2, 5))
    mode = "Virtual" if rng.random() < 0.6 else "In-person"
    lines.insert(0, f"{mode} interview; program {index + 1} of the season.")
    return "\n".join(lines)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


# --------------------------------------------------------------------------- the plan

def generate_plan(n_programs: int, seed: int = 0) -> str:
    """Return the TOML text of a valid, fully filled schema-1 plan with ``n_programs`` interviews.

    The same ``n_programs`` and ``seed`` always give the same text.
    """
    if n_programs < 0:
        raise ValueError("n_programs must be >= 0")
    rng = random.Random(seed)
    out: list[str] = [
        f"# Generated by tests/perf/genplan.py: {n_programs} programs, seed {seed}.",
        "# Invented applicant and programs, for performance tests.",
        "schema = 1",
        "",
    ]

    # Profile -----------------------------------------------------------------------------
    first_fail = date(2024, 3, 1) + timedelta(days=rng.randint(0, 60))
    retake = first_fail + timedelta(days=rng.randint(70, 120))
    step2 = date(2025, 6, 1) + timedelta(days=rng.randint(0, 75))
    exams = [
        {"exam": "step1", "date": first_fail, "result": "fail", "score": 0},
        {"exam": "step1", "date": retake, "result": "pass", "score": 0},
        {"exam": "step2ck", "date": step2, "result": "pass", "score": rng.randint(228, 255)},
    ]
    failed_attempts = sum(1 for e in exams if e["result"] == "fail")
    _table(out, "[profile]", {
        "name": f"{rng.choice(_FIRST)} {rng.choice(_LAST)}",
        "applicant_type": _weighted(rng, (("us-md", 5), ("us-do", 3), ("img", 2))),
        "risk_profile": "P1",
        "specialty": "Internal Medicine",
        "backup_specialty": "Family Medicine",
        "graduation_year": 2026,
        "story_context": ("I failed Step 1 after a second year of passive review, "
                          "booking the exam before any practice score was safely above passing."),
        "story_changes": ("I moved to timed question blocks and NBME forms, met a tutor "
                          'weekly, and adopted a "no date until two scores clear the bar" rule.'),
        "story_evidence": ("I passed the retake, passed Step 2 CK on the first attempt, "
                           "and earned strong evaluations on my medicine sub-internship."),
        "advisor_view": rng.choice(("optimistic", "neutral", "pessimistic")),
    })
    for attempt in exams:
        _table(out, "[[profile.exams]]", attempt)

    # Specialty override, criteria, odds -------------------------------------------------
    _table(out, '[specialties."Internal Medicine"]', {"tier": "moderate", "baseline": 0.55})
    criteria_weights: dict[str, Any] = {
        "location": 3, "fit": 2.5, "training": 2, "family": 1.5, "research": 0}
    _table(out, "[criteria]", criteria_weights)
    _table(out, "[odds]", {"green": 3.0, "yellow": 1.0, "red": 0.25})

    # Programs ------------------------------------------------------------------------------
    spec_pairs = tuple((s, s[1]) for s in _SPECIALTIES)
    used_ids: set[str] = set()
    programs: list[dict[str, Any]] = []
    home_index = rng.randrange(n_programs) if n_programs else -1
    first_day = date(2026, 10, 1)
    for i in range(n_programs):
        spec, _, tracks, suffix, label = _weighted(rng, spec_pairs)
        if i == home_index:
            spec, tracks, suffix, label = "Internal Medicine", ("categorical",), "im", ""
        place = rng.choice(_PLACES)
        kind, setting, tag = rng.choice(_KINDS)
        name = f"{place} {kind}" + (f" {label}" if label else "")
        base = f"{_slug(place)}-{tag}-{suffix}"
        pid, k = base, 2
        while pid in used_ids:
            pid, k = f"{base}-{k}", k + 1
        used_ids.add(pid)
        debrief = _debrief(rng, setting, i == home_index)
        likelihood = rng.choice(("green", "yellow", "red")) if rng.random() < 0.12 else ""
        match_chance = round(rng.uniform(0.05, 0.9), 2) if rng.random() < 0.05 else -1.0
        programs.append({
            "id": pid,
            "name": name,
            "specialty": spec,
            "setting": setting,
            "track": rng.choice(tracks),
            "location": rng.choice(_CITIES),
            "interview_date": first_day + timedelta(days=rng.randint(0, 120)),
            "preference": _weighted(rng, (("high", 25), ("medium", 45), ("low", 30))),
            "likelihood": likelihood,
            "match_chance": match_chance,
            "would_not_attend": False,
            "notes": _notes(rng, i),
            "criteria": {c: rng.randint(1, 5) for c in criteria_weights},
            "_debrief": debrief,
        })

    for i in rng.sample(range(n_programs), k=round(n_programs * 0.03)):
        programs[i]["would_not_attend"] = True

    for prog in programs:
        debrief = prog.pop("_debrief")
        _table(out, "[[programs]]", prog)
        _table(out, "[programs.debrief]", debrief)
        prog["_points"] = _suggest(debrief, failed_attempts)

    # Rank list: preference first, then likelihood, with some personal noise ---------------
    pref_rank = {"high": 3.0, "medium": 1.5, "low": 0.0}
    colour_rank = {"green": 1.0, "yellow": 0.0, "red": -1.0}

    def sort_key(prog: dict[str, Any]) -> float:
        colour = prog["likelihood"] or _colour(prog["_points"])
        return -(pref_rank[prog["preference"]] + colour_rank[colour]
                 + rng.uniform(-1.2, 1.2))

    ranked = [p for p in programs if not p["would_not_attend"]]
    keys = {p["id"]: sort_key(p) for p in ranked}
    order = sorted((p["id"] for p in ranked), key=lambda pid: keys[pid])
    out.append("[rank_list]")
    out.append("order = [")
    out.extend(f"  {toml_str(str(pid))}," for pid in order)
    out.append("]")
    out.append("")

    # SOAP ----------------------------------------------------------------------------------
    soap = ["categorical-im", "categorical-fm", "prelim-medicine", "transitional",
            "categorical-psych", "categorical-peds", "prelim-surgery"]
    head, tail = soap[:2], soap[2:]
    rng.shuffle(tail)
    _table(out, "[soap]", {
        "order": head + tail[: rng.randint(2, len(tail))],
        "cv_ready": rng.random() < 0.7,
        "backup_statement_ready": rng.random() < 0.5,
        "advisor_talked": rng.random() < 0.5,
    })

    # Schedule ------------------------------------------------------------------------------
    target = date(2027, 4, 20) + timedelta(days=rng.randint(-14, 14))
    study_start = target - timedelta(weeks=12)
    _table(out, "[schedule]", {
        "exam": "step3",
        "target_date": target,
        "study_start": study_start,
        "report_by": date(2027, 6, 1),
        "score_lag_weeks": 4,
        "passing_score": 200,
        "margin": 10,
        "hours": {"morning": 4, "afternoon": 4, "evening": 2},
    })
    _table(out, "[schedule.week]", {
        "mon": [rng.choice(_ACTIVITIES_STUDY), "research", "qbank"],
        "tue": ["study", "work", rng.choice(("qbank", "exercise", ""))],
        "wed": ["clinical", "clinical", "exercise"],
        "thu": ["study", "mentor", "qbank"],
        "fri": ["study", "work", rng.choice(("exercise", ""))],
        "sat": [rng.choice(("practice-exam", "qbank", "study")), "rest", ""],
        "sun": ["off", "off", ""],
    })
    score = rng.randint(196, 206)
    for j in range(6):
        _table(out, "[[schedule.practice]]", {
            "date": study_start + timedelta(weeks=2 * j + 1),
            "form": _PRACTICE_FORMS[j],
            "score": score,
        })
        score += rng.randint(1, 7)

    # Goals and cycle -------------------------------------------------------------------------
    goal_due = (date(2027, 4, 1), date(2027, 2, 15), date(2026, 8, 28), date(2027, 3, 19),
                date(2027, 1, 15), date(2027, 1, 31), date(2026, 9, 3), date(2026, 8, 20))
    for (domain, title), due in zip(_GOALS, goal_due):
        _table(out, "[[goals]]", {
            "domain": domain,
            "title": title,
            "due": due,
            "done": due < date(2026, 10, 1) or rng.random() < 0.3,
        })
    _table(out, "[cycle]", {
        "applications_open": date(2026, 9, 3),
        "programs_review": date(2026, 9, 24),
        "rank_deadline": date(2027, 3, 3),
        "match_day": date(2027, 3, 19),
    })
    return "\n".join(out)


# --------------------------------------------------------------------------- command line

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Write a generated rankplan plan (schema 1) with N programs.")
    parser.add_argument("n", metavar="N", type=int, help="number of programs (NRMP maximum: 300)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--output", type=Path, help="file to write (default: stdout)")
    args = parser.parse_args(argv)
    if args.n < 0:
        parser.error("N must be 0 or more")
    text = generate_plan(args.n, seed=args.seed)
    if args.output is None:
        sys.stdout.write(text)
    else:
        args.output.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
