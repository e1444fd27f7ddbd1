"""Issue 16: the plan as last read or saved is kept, so the next start need not parse the file
(110-150 ms at 300 programs); it is used only for the very bytes it was read from."""

from __future__ import annotations

import os
import pickle
import shutil
from pathlib import Path

import pytest

from helpers import DEMO
from rankplan.storage import read as read_module
from rankplan.storage import reading_cache
from rankplan.storage.read import read_plan
from rankplan.storage.store import PlanStore


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    path = tmp_path / "plan.toml"
    shutil.copy(DEMO, path)
    return path


@pytest.fixture
def parses(monkeypatch) -> list[str]:
    """Each parse of a plan text (a reading that did not come from the kept copy)."""
    seen: list[str] = []
    real = read_module.parse_text
    monkeypatch.setattr(read_module, "parse_text", lambda text: (seen.append(text), real(text))[1])
    return seen


def test_a_second_reading_of_the_same_bytes_takes_the_kept_plan(plan_file, parses) -> None:
    first = read_plan(plan_file, cached=True)
    assert len(parses) == 1 and first.plan is not None
    again = read_plan(plan_file, cached=True)
    assert len(parses) == 1  # not parsed again
    assert again.plan == first.plan and again.plan is not first.plan
    assert (again.text, again.data, again.errors) == (first.text, first.data, [])
    assert reading_cache.cache_file(plan_file).stat().st_mode & 0o777 == 0o600
    assert reading_cache.cache_file(plan_file).parent.stat().st_mode & 0o777 == 0o700


def test_other_bytes_are_parsed(plan_file, parses) -> None:
    read_plan(plan_file, cached=True)
    plan_file.write_text(plan_file.read_text().replace("Jordan", "Jordana", 1))
    changed = read_plan(plan_file, cached=True)
    assert len(parses) == 2
    assert changed.plan == read_plan(plan_file).plan  # as a plain reading gives it


def test_without_cached_nothing_is_kept_or_taken(plan_file, parses) -> None:
    read_plan(plan_file)
    read_plan(plan_file)
    assert len(parses) == 2
    assert not reading_cache.cache_file(plan_file).exists()


def test_an_invalid_plan_is_not_kept(tmp_path, parses) -> None:
    path = tmp_path / "bad.toml"
    path.write_text("schema = 'no'\n")
    assert read_plan(path, cached=True).errors
    assert not reading_cache.cache_file(path).exists()
    assert read_plan(path, cached=True).errors
    assert len(parses) == 2


@pytest.mark.parametrize("damage", ["truncated", "other code", "group-writable", "foreign class"])
def test_a_copy_that_cannot_be_trusted_is_not_used(plan_file, parses, damage,
                                                   monkeypatch) -> None:
    first = read_plan(plan_file, cached=True)
    copy = reading_cache.cache_file(plan_file)
    if damage == "truncated":
        copy.write_bytes(copy.read_bytes()[:-100])
    elif damage == "other code":  # an edited model or reader: another key
        monkeypatch.setattr(reading_cache, "_code_key", b"\0" * 16)
    elif damage == "group-writable":
        os.chmod(copy, 0o620)
    else:  # a pickle that would call something other than the model's classes
        head = copy.read_bytes()[:len(reading_cache.MAGIC) + 48]
        copy.write_bytes(head + pickle.dumps([os.getcwd]))
    again = read_plan(plan_file, cached=True)
    assert len(parses) == 2
    assert again.plan == first.plan


def test_a_save_keeps_the_plan_it_wrote_for_the_next_start(plan_file, parses) -> None:
    store = PlanStore.open(plan_file)
    try:
        plan = store.plan
        plan.profile.name = "Kept Name"
        store.save(pickle.dumps(plan))  # as the autosave gives it: the undo history's pickle
    finally:
        store.close()
    assert len(parses) == 1
    reopened = PlanStore.open(plan_file)
    try:
        assert len(parses) == 1  # the saved bytes were not parsed again
        assert reopened.plan == read_plan(plan_file).plan
        assert reopened.plan.profile.name == "Kept Name"
    finally:
        reopened.close()
