"""``[reapply]`` (DESIGN §3, §2.6): every key optional, each mistake named by its key path."""

from __future__ import annotations

from datetime import date
from textwrap import dedent

import pytest

from rankplan.core import model as m
from rankplan.storage.read import parse_text
from reapply_example import FULL


def accepted(text: str) -> m.Plan:
    plan, errors = parse_text(dedent(text))
    assert errors == [], [e.render("plan.toml") for e in errors]
    assert plan is not None
    return plan


def test_a_plan_without_reapply_has_none() -> None:
    assert accepted("schema = 1\n").reapply is None


def test_an_empty_reapply_table_takes_every_default() -> None:
    reapply = accepted("schema = 1\n[reapply]\n").reapply
    assert reapply == m.Reapply()
    assert reapply.cycles_unmatched == 1
    assert reapply.decision is m.Decision.UNSET
    assert reapply.letters == [] and reapply.advocates == [] and reapply.feedback == []


def test_the_design_example_reads_as_written() -> None:
    r = accepted(FULL).reapply
    assert r is not None
    assert (r.last_cycle, r.applications, r.interviews_offered, r.ranked) == (2026, 45, 3, 3)
    assert r.geography is m.Geography.REGIONAL and r.statement is m.Statement.GENERIC
    assert r.decision is m.Decision.REBRAND and r.gap_year is m.GapYear.PRELIM
    assert r.submitted == date(2025, 9, 20) and r.last_clinical == date(2026, 6, 15)
    assert r.feedback == [m.Feedback("home PD", "Step 2 came too late for most programs.")]
    assert r.letters == [
        m.Letter("Dr. Lee", "Internal Medicine", date(2026, 7, 1), m.LetterStatus.PROMISED)
    ]
    assert r.advocates[0].programs == ["univ-a", "Lakeside Community"]
    assert r.advocates[0].status is m.AdvocateStatus.AGREED


@pytest.mark.parametrize(
    ("line", "path", "words"),
    [
        ('decision = "pivott"', "reapply.decision", 'did you mean "pivot"'),
        ('geography = "global"', "reapply.geography", "narrow, regional, national"),
        ('statment = "weak"', "reapply.statment", 'unknown key; did you mean "statement"'),
        ("applications = -3", "reapply.applications", "from 0 to 9999"),
        ('submit_on = "2026-09-03"', "reapply.submit_on", "expected a date"),
        ("last_cycle = 26", "reapply.last_cycle", "a Match year such as 2026"),
        ('specialty = "Cardiology"', "reapply.specialty", 'unknown specialty "Cardiology"'),
        ('pivot_specialty = "Psych"', "reapply.pivot_specialty", "unknown specialty"),
    ],
)
def test_a_wrong_key_is_named_by_its_path(only_error, line: str, path: str, words: str) -> None:
    error = only_error(f"schema = 1\n[reapply]\n{line}\n")
    assert error.key_path == path
    assert words in error.message


@pytest.mark.parametrize(
    ("block", "path", "words"),
    [
        ('[[reapply.letters]]\nstatus = "sent"', "reapply.letters[0].status", "asked, promised, uploaded"),
        ('[[reapply.letters]]\nauthor = "A"\n[[reapply.letters]]\ndate = "soon"', "reapply.letters[1].date", "expected a date"),
        ('[[reapply.advocates]]\nstatus = "maybe"', "reapply.advocates[0].status", "asked, agreed, contacted"),
        ('[[reapply.advocates]]\nprograms = ["univ-a", ""]', "reapply.advocates[0].programs[1]", "a program id of the plan"),
        ('[[reapply.advocates]]\nprograms = "univ-a"', "reapply.advocates[0].programs", "expected an array"),
        ('[[reapply.feedback]]\nsaid_by = "PD"', "reapply.feedback[0].said_by", 'did you mean "said"'),
    ],
)
def test_a_wrong_list_entry_is_named_by_its_path(only_error, block: str, path: str, words: str) -> None:
    error = only_error(f"schema = 1\n[reapply]\n{block}\n")
    assert error.key_path == path
    assert words in error.message


def test_advocates_take_program_names_that_are_not_in_the_plan() -> None:
    plan = accepted('schema = 1\n[[reapply.advocates]]\nname = "Dr. P"\nprograms = ["Mercy Hospital"]\n')
    assert plan.reapply is not None
    assert plan.reapply.advocates[0].programs == ["Mercy Hospital"]
