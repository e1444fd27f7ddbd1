"""Fixtures for the exchange tests: the demo plan, a plan that stresses the layout, big plans."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from datetime import date

import pytest

from helpers import DEMO, ROOT
from rankplan.core.model import (
    Goal,
    GoalDomain,
    Likelihood,
    Plan,
    Practice,
    Preference,
    Profile,
    Program,
    RankList,
    Schedule,
)
from rankplan.storage.read import parse_text

GENPLAN = ROOT / "tests" / "perf" / "genplan.py"


def parse(text: str) -> Plan:
    plan, errors = parse_text(text)
    assert plan is not None, [e.render("plan.toml") for e in errors]
    return plan


@pytest.fixture
def parse_plan() -> Callable[[str], Plan]:
    """``parse_plan(text)``: the valid plan in ``text`` (the test fails if it is not valid)."""
    return parse


@pytest.fixture
def demo_plan() -> Plan:
    """The built-in example plan, freshly read (tests may change it)."""
    return parse(DEMO.read_text(encoding="utf-8"))


@pytest.fixture
def awkward_plan() -> Plan:
    """Everything that is hard to lay out: long and unbroken names, accents, wide CJK
    characters, tabs and an escape sequence in notes, many criteria, a two-digit rank list."""
    long_word = "Superlongnamewithoutanyspacesatallthatmustbecutsomewhere" * 2
    programs = [
        Program(id="p1", name=long_word, notes="See https://example.org/" + "x" * 120),
        Program(id="p2", name="Hôpital Saint-Éloi, Département de médecine interne",
                location="Montréal, QC", notes="Très bien.\n\tIndented with a tab.\n\n"
                "After a blank line. \x1b[31mNot red\x1b[0m."),
        Program(id="p3", name="東京大学医学部附属病院 総合内科 " * 3, location="東京",
                notes="面接はとても良かった。" * 12),
        Program(id="p4", name="Program | with * markdown _chars_ [x](y) <b>",
                notes="# not a heading\n- not a list\n1. not a list either"),
    ]
    programs += [Program(id=f"q{i}", name=f"Community Program {i}",
                         preference=Preference.LOW, likelihood=Likelihood.RED)
                 for i in range(5, 25)]
    criteria = {f"criterion with a rather long name {i}": float(i) for i in range(1, 7)}
    for p in programs[:4]:
        p.criteria = {name: 3 for name in criteria}
    return Plan(
        profile=Profile(name="Zoë 林 O'Brien-Ñúñez", story_context="x " * 200),
        criteria=criteria,
        programs=programs,
        rank_list=RankList(order=[p.id for p in programs]),
        schedule=Schedule(
            target_date=date(2027, 7, 20), report_by=date(2027, 9, 24),
            practice=[Practice(date(2027, 5, 1), "A practice form with a very long name " * 3,
                               230)],
        ),
        goals=[Goal(GoalDomain.CLINICAL, "A goal whose title is long " * 8, date(2026, 1, 1))],
    )


@pytest.fixture(scope="session")
def generate_plan() -> Callable[..., str]:
    """``generate_plan(n, seed)`` from tests/perf/genplan.py: a realistic, full plan text."""
    spec = importlib.util.spec_from_file_location("rankplan_exchange_genplan", GENPLAN)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.generate_plan
