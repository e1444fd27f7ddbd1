"""Rendering in a helper process (``renderer.py``): the same text as in-process, the same
refusals, and a store that carries on in-process when the helper is gone."""

from __future__ import annotations

import copy
import gc
import io
import pickle
import sys
from pathlib import Path

import pytest

from rankplan.core import model as m
from rankplan.storage import document
from rankplan.storage.read import read_plan
from rankplan.storage.renderer import (
    HelperLost,
    HelperRenderer,
    LocalRenderer,
    serve,
)
from rankplan.storage.store import PlanStore, SaveOutcome


def edits(plan: m.Plan):
    """A few plans in a row, each a small change from the one before."""
    plan = copy.deepcopy(plan)
    plan.profile.name = "Renamed"
    yield copy.deepcopy(plan)
    plan.rank_list.order.reverse()
    yield copy.deepcopy(plan)
    plan.programs[0].notes = "one line\nand another"
    plan.programs[-1].criteria = {}
    yield copy.deepcopy(plan)
    plan.goals = []
    yield copy.deepcopy(plan)


def alive(helper: HelperRenderer) -> bool:
    return helper._proc.poll() is None


@pytest.fixture
def helper(demo_path: Path):
    made = HelperRenderer(demo_path)
    yield made
    made.close()


def test_the_helper_writes_what_the_local_renderer_writes(demo_path: Path, helper) -> None:
    text = demo_path.read_text(encoding="utf-8")
    plan = read_plan(demo_path).plan
    local = LocalRenderer(demo_path)
    local.open(text)
    helper.open(text)
    helper.prepare()
    for step in edits(plan):
        ours = helper.render(step)
        assert ours == local.render(step)
        assert helper.render(pickle.dumps(step)) == ours  # a pickle is taken as it is


def test_a_new_reading_starts_from_that_text(demo_path: Path, helper) -> None:
    plan = read_plan(demo_path).plan
    helper.open(demo_path.read_text(encoding="utf-8"))
    helper.render(plan)
    hand = "# by hand\nschema = 1\n\n[profile]\nname = \"Hand\"  # kept\n"
    helper.open(hand)
    small = m.Plan()
    small.profile.name = "Hand"
    assert helper.render(small) == hand


def test_the_helper_reports_text_that_would_not_read_back() -> None:
    """The child's loop, run here so a fault can be planted in the document writer."""
    requests = io.BytesIO()
    plan = m.Plan()
    plan.profile.name = "Ours"
    for request in (("open", "schema = 1\n"), ("render", pickle.dumps(plan)), ("nonsense",)):
        pickle.dump(request, requests)
    requests.seek(0)
    answers = io.BytesIO()
    real = document.update_document

    def wrong(doc, plan, previous=None):
        text, current = real(doc, plan, previous)
        return text.replace('"Ours"', '"Theirs"'), current

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(document, "update_document", wrong)
        serve(Path("plan.toml"), requests, answers)
    answers.seek(0)
    assert pickle.load(answers) == ("ok", None)
    kind, message = pickle.load(answers)
    assert kind == "roundtrip" and "does not read back" in message
    kind, message = pickle.load(answers)
    assert kind == "error" and "nonsense" in message


def test_the_store_carries_on_in_process_when_the_helper_dies(demo_path: Path) -> None:
    store = PlanStore.open(demo_path)
    try:
        store.prepare(helper=True)
        assert isinstance(store._renderer, HelperRenderer)
        plans = list(edits(store.plan))
        assert store.save(plans[0]).outcome is SaveOutcome.SAVED
        store._renderer._proc.kill()
        store._renderer._proc.wait()
        assert store.save(plans[1]).outcome is SaveOutcome.SAVED
        assert isinstance(store._renderer, LocalRenderer)
        assert read_plan(demo_path).plan == plans[1]
        assert store.save(plans[2]).outcome is SaveOutcome.SAVED
        assert read_plan(demo_path).plan == plans[2]
    finally:
        store.close()


def test_a_helper_that_cannot_start_leaves_the_store_in_process(demo_path: Path,
                                                                 monkeypatch) -> None:
    monkeypatch.setattr(sys, "executable", str(demo_path.parent / "no-such-python"))
    with pytest.raises(HelperLost):
        HelperRenderer(demo_path)
    store = PlanStore.open(demo_path)
    try:
        store.prepare(helper=True)
        assert isinstance(store._renderer, LocalRenderer)
        plan = next(edits(store.plan))
        assert store.save(plan).outcome is SaveOutcome.SAVED
        assert read_plan(demo_path).plan == plan
    finally:
        store.close()


def test_a_helper_that_fails_is_replaced(demo_path: Path) -> None:
    """An answer of a failure other than a refusal (a fault in the child) counts as lost."""
    store = PlanStore.open(demo_path)
    try:
        store.prepare(helper=True)
        helper = store._renderer
        plan = next(edits(store.plan))
        with pytest.raises(HelperLost):
            helper._call("no_such_job")
        assert not alive(helper)
        assert store.save(plan).outcome is SaveOutcome.SAVED
        assert read_plan(demo_path).plan == plan
    finally:
        store.close()


def test_closing_ends_the_helper(demo_path: Path) -> None:
    helper = HelperRenderer(demo_path)
    helper.open("schema = 1\n")
    assert alive(helper)
    helper.close()
    assert not alive(helper)
    with pytest.raises(HelperLost):
        helper.prepare()

    store = PlanStore.open(demo_path)
    store.prepare(helper=True)
    helper = store._renderer
    store.close()
    assert not alive(helper)


def test_a_forgotten_helper_ends_with_its_object(demo_path: Path) -> None:
    helper = HelperRenderer(demo_path)
    proc = helper._proc
    del helper
    gc.collect()
    assert proc.poll() is not None
