"""The undo history keeps whole plans, or an earlier plan plus a new rank order."""

from __future__ import annotations

import pickle

from helpers import DEMO

from rankplan.storage.read import read_plan
from rankplan.tui.history import History


def demo():
    return read_plan(DEMO).plan


def test_a_reordered_step_gives_back_the_plan_with_that_order() -> None:
    plan = demo()
    history = History()
    history.record(plan)
    first = list(plan.rank_list.order)
    plan.rank_list.order.reverse()
    history.record_order(plan.rank_list.order)
    plan.rank_list.order.append(plan.rank_list.order.pop(0))
    history.record_order(plan.rank_list.order)  # built on the same pickle, not on a step
    assert history.plan(2) == plan
    assert history.plan(1).rank_list.order == first[::-1]
    assert history.plan(0).rank_list.order == first
    assert history.plan(2) is not history.plan(2)  # each a fresh copy to edit


def test_data_pickles_a_reordered_step_once_and_keeps_it() -> None:
    plan = demo()
    history = History()
    history.record(plan)
    plan.rank_list.order.reverse()
    history.record_order(plan.rank_list.order)
    data = history.data(1)
    assert pickle.loads(data) == plan
    assert history.data(1) is data
    assert history.plan(1) == plan


def test_a_new_step_after_undo_drops_the_steps_that_could_be_redone() -> None:
    plan = demo()
    history = History()
    history.record(plan)
    plan.profile.name = "B"
    history.record(plan)
    plan.rank_list.order.reverse()
    history.record_order(plan.rank_list.order)
    history.pos = 0  # two undos
    plan = history.plan(0)
    plan.profile.name = "C"
    history.record(plan)
    assert len(history) == 2 and history.pos == 1
    assert history.plan(1).profile.name == "C"
    plan.rank_list.order.reverse()
    history.record_order(plan.rank_list.order)
    assert history.plan(2).profile.name == "C"
    assert history.plan(2).rank_list.order == plan.rank_list.order
