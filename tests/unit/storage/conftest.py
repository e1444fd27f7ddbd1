"""Fixtures shared by the storage tests."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable

import pytest

from helpers import ROOT

GENPLAN = ROOT / "tests" / "perf" / "genplan.py"


def _load_genplan():
    spec = importlib.util.spec_from_file_location("rankplan_tests_genplan", GENPLAN)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def generate_plan() -> Callable[..., str]:
    """``generate_plan(n, seed)`` from tests/perf/genplan.py: a realistic, full plan text."""
    return _load_genplan().generate_plan
