"""The schema key, and a file with many problems reporting all of them."""

from __future__ import annotations

from rankplan.core.model import SCHEMA_VERSION
from rankplan.storage.read import parse_text


def test_missing_schema_says_what_the_first_line_should_be(only_error) -> None:
    error = only_error('[profile]\nname = "Sam"\n')
    assert error.key_path == "schema"
    assert error.message == "missing: the first line of a plan file is schema = 1"


def test_newer_schema_says_a_newer_rankplan_made_it(only_error) -> None:
    error = only_error("schema = 2\n")
    assert error.key_path == "schema"
    assert "newer rankplan" in error.message
    assert "schema 2" in error.message
    assert f"reads schema {SCHEMA_VERSION}" in error.message
    assert "Upgrade rankplan" in error.message


def test_newer_schema_is_not_judged_by_the_old_rules(only_error) -> None:
    # Keys a later schema may add must not be reported as unknown: only the version is.
    error = only_error('schema = 2\n[profile]\npronouns = "they"\n')
    assert error.key_path == "schema"


def test_schema_zero_or_not_a_number(rendered) -> None:
    assert rendered("schema = 0\n") == ["plan.toml: schema: expected 1; got 0"]
    assert rendered('schema = "1"\n') == ['plan.toml: schema: expected 1; got "1"']
    assert rendered("schema = true\n") == ["plan.toml: schema: expected 1; got true"]


def test_schema_one_alone_is_a_valid_empty_plan() -> None:
    plan, errors = parse_text("schema = 1\n")
    assert errors == []
    assert plan is not None and plan.programs == []


def test_several_errors_are_all_reported(rendered) -> None:
    lines = rendered(
        """\
        schema = 1
        colour = "blue"
        [profile]
        risk_profile = "P9"
        graduation_year = "2025"
        [[programs]]
        id = "univ-a"
        preference = "hgih"
        [programs.debrief]
        felt = 6
        [[programs]]
        id = "univ-a"
        [rank_list]
        order = ["univ-z"]
        """
    )
    paths = sorted(line.split(": ")[1] for line in lines)
    assert paths == sorted(
        [
            "colour",
            "profile.risk_profile",
            "profile.graduation_year",
            "programs[0].preference",
            "programs[0].debrief.felt",
            "programs[1].id",
            "rank_list.order[0]",
        ]
    )
    assert all(line.startswith("plan.toml: ") for line in lines)
