"""Helpers for the schema tests: parse a plan text and look at what was refused."""

from __future__ import annotations

from textwrap import dedent

import pytest

from rankplan.storage.errors import PlanError
from rankplan.storage.read import parse_text

PATH = "plan.toml"


def refused(text: str) -> list[PlanError]:
    """The errors ``parse_text`` reports for ``text``, which it must refuse."""
    plan, errors = parse_text(dedent(text))
    assert plan is None, "the plan was accepted, but it should have been refused"
    assert errors, "the plan was refused without any error"
    return errors


@pytest.fixture
def only_error():
    """``only_error(text)``: the one error in ``text``, checked to render with its key path."""

    def run(text: str) -> PlanError:
        errors = refused(text)
        assert len(errors) == 1, [e.render(PATH) for e in errors]
        (error,) = errors
        assert error.line is None, "a schema error has no line; it names a key path"
        assert error.render(PATH) == f"{PATH}: {error.key_path}: {error.message}"
        return error

    return run


@pytest.fixture
def rendered():
    """``rendered(text)``: every error in ``text`` as ``check`` prints it."""

    def run(text: str) -> list[str]:
        return [e.render(PATH) for e in refused(text)]

    return run
