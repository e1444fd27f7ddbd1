"""Fixtures shared by the storage tests."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path

import pytest

from helpers import ROOT

from rankplan.storage.store import PlanStore

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


@pytest.fixture
def store(demo_path: Path):
    """An open store on a copy of the demo plan, closed after the test."""
    opened = PlanStore.open(demo_path)
    assert opened.errors == []
    yield opened
    opened.close()
