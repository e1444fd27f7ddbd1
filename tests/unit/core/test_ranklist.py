"""The rank list as data: bands, ranked and unranked programs, moves, effective likelihoods."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rankplan.core.likelihood import _suggest, effective, suggest, suggested_likelihoods
from rankplan.core.model import (
    BoardPolicy,
    Debrief,
    ExamAttempt,
    ExamResult,
    FailureDiscussion,
    Likelihood,
    MyAnswer,
    Plan,
    PostInterview,
    Profile,
    Program,
    RankList,
    TakesChances,
)
from rankplan.core.ranklist import (
    Band,
    band_of,
    band_sizes,
    effective_likelihoods,
    move,
    rank,
    ranked,
    unrank,
    unranked,
)

# r -> (top, bottom), worked out by hand from DESIGN §2.2 with halves rounded up.
BANDS = {
    0: (0, 0),
    1: (1, 0),  # the top would be 2 but never more than r
    2: (2, 0),
    3: (2, 1),  # no core
    4: (2, 1),
    5: (2, 1),
    6: (2, 2),
    7: (2, 2),
    8: (2, 2),
    9: (2, 3),
    10: (3, 3),  # r/4 = 2.5 rounds up to 3
    11: (3, 3),
    12: (3, 4),
    13: (3, 4),
    14: (4, 4),
    20: (4, 6),
    30: (4, 10),
    100: (4, 33),
    300: (4, 100),
}


@pytest.mark.parametrize(("r", "sizes"), BANDS.items())
def test_band_sizes(r, sizes) -> None:
    assert band_sizes(r) == sizes


def test_bands_never_overlap_and_cover_the_list() -> None:
    for r in range(0, 400):
        top, bottom = band_sizes(r)
        assert 0 <= top <= min(4, r) and 0 <= bottom and top + bottom <= r
        bands = [band_of(i, r) for i in range(r)]
        assert bands == [Band.TOP] * top + [Band.CORE] * (r - top - bottom) + [Band.BOTTOM] * bottom


def test_band_of_names_each_band() -> None:
    assert [band_of(i, 10) for i in range(10)] == (
        [Band.TOP] * 3 + [Band.CORE] * 4 + [Band.BOTTOM] * 3
    )
    assert band_of(0, 1) is Band.TOP
    assert [band_of(i, 3) for i in range(3)] == [Band.TOP, Band.TOP, Band.BOTTOM]


@pytest.mark.parametrize(("index", "r"), [(0, 0), (3, 3), (-1, 3)])
def test_band_of_outside_the_list(index, r) -> None:
    with pytest.raises(IndexError):
        band_of(index, r)


# -- moves --------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("src", "dst", "expected"),
    [
        (0, 0, "abcde"),  # no-op
        (4, 4, "abcde"),
        (0, 1, "bacde"),  # one down
        (1, 0, "bacde"),  # one up
        (0, 4, "bcdea"),  # first to last
        (4, 0, "eabcd"),  # last to first
        (1, 3, "acdbe"),  # dst is the final index, moving down
        (3, 1, "adbce"),  # ... and moving up
    ],
)
def test_move(src, dst, expected) -> None:
    order = list("abcde")
    move(order, src, dst)
    assert "".join(order) == expected


@pytest.mark.parametrize(("src", "dst"), [(0, 5), (5, 0), (-1, 0), (0, -1)])
def test_move_outside_the_list_raises_and_changes_nothing(src, dst) -> None:
    order = list("abcde")
    with pytest.raises(IndexError):
        move(order, src, dst)
    assert order == list("abcde")


def test_move_in_an_empty_or_single_list() -> None:
    with pytest.raises(IndexError):
        move([], 0, 0)
    one = ["a"]
    move(one, 0, 0)
    assert one == ["a"]


@given(st.integers(1, 12).flatmap(
    lambda n: st.tuples(st.just(n), st.integers(0, n - 1), st.integers(0, n - 1))))
def test_move_keeps_the_others_in_order(case) -> None:
    n, src, dst = case
    order = [str(i) for i in range(n)]
    item = order[src]
    move(order, src, dst)
    assert order[dst] == item
    assert [x for x in order if x != item] == [str(i) for i in range(n) if i != src]


# -- ranked, unranked, rank, unrank ------------------------------------------------------------

def plan_abc(order: list[str]) -> Plan:
    programs = [Program(id=i, name=i.upper()) for i in ("a", "b", "c", "d")]
    return Plan(programs=programs, rank_list=RankList(order=list(order)))


def ids(programs: list[Program]) -> list[str]:
    return [p.id for p in programs]


def test_ranked_follows_the_order_and_unranked_the_plan() -> None:
    plan = plan_abc(["c", "a"])
    assert ids(ranked(plan)) == ["c", "a"]
    assert ids(unranked(plan)) == ["b", "d"]
    assert ranked(plan)[0] is plan.programs[2]  # the plan's own objects


def test_ranked_skips_an_id_no_program_has() -> None:
    plan = plan_abc(["c", "zz", "a"])
    assert ids(ranked(plan)) == ["c", "a"]


def test_unranked_includes_would_not_attend() -> None:
    plan = plan_abc(["a"])
    plan.programs[1].would_not_attend = True
    assert ids(unranked(plan)) == ["b", "c", "d"]


def test_rank_at_the_bottom_the_top_or_a_place() -> None:
    plan = plan_abc(["a", "b"])
    rank(plan, "c", None)
    assert plan.rank_list.order == ["a", "b", "c"]
    rank(plan, "d", 0)
    assert plan.rank_list.order == ["d", "a", "b", "c"]
    unrank(plan, "d")
    rank(plan, "d", 2)
    assert plan.rank_list.order == ["a", "b", "d", "c"]


def test_rank_past_the_end_is_the_bottom_and_negative_is_an_error() -> None:
    plan = plan_abc(["a"])
    rank(plan, "b", 99)
    assert plan.rank_list.order == ["a", "b"]
    with pytest.raises(IndexError):
        rank(plan, "c", -1)
    assert plan.rank_list.order == ["a", "b"]


def test_rank_an_already_ranked_program_moves_it() -> None:
    plan = plan_abc(["a", "b", "c"])
    rank(plan, "a", None)
    assert plan.rank_list.order == ["b", "c", "a"]
    rank(plan, "a", 0)
    assert plan.rank_list.order == ["a", "b", "c"]


def test_rank_clears_would_not_attend() -> None:
    plan = plan_abc([])
    plan.programs[0].would_not_attend = True
    rank(plan, "a")
    assert plan.rank_list.order == ["a"] and not plan.programs[0].would_not_attend


def test_rank_an_unknown_id_raises() -> None:
    plan = plan_abc([])
    with pytest.raises(KeyError):
        rank(plan, "zz")
    assert plan.rank_list.order == []


def test_unrank_keeps_the_program_and_ignores_one_not_ranked() -> None:
    plan = plan_abc(["a", "b"])
    unrank(plan, "a")
    unrank(plan, "c")
    assert plan.rank_list.order == ["b"]
    assert ids(plan.programs) == ["a", "b", "c", "d"]
    assert ids(unranked(plan)) == ["a", "c", "d"]


# -- effective likelihoods and the suggestion cache --------------------------------------------

debriefs = st.builds(
    Debrief,
    failure_discussion=st.sampled_from(FailureDiscussion),
    board_policy=st.sampled_from(BoardPolicy),
    takes_chances=st.lists(st.sampled_from(TakesChances), max_size=4),
    post_interview=st.sampled_from(PostInterview),
    home_program=st.booleans(),
    my_answer=st.sampled_from(MyAnswer),
    felt=st.integers(1, 5),
)


@given(debriefs, st.integers(0, 4))
def test_the_cached_suggestion_is_the_uncached_one(debrief, failures) -> None:
    assert suggest(debrief, failures) == _suggest(debrief, failures)
    assert suggested_likelihoods([debrief], failures) == [_suggest(debrief, failures).likelihood]


def test_the_cache_follows_edits_to_a_debrief() -> None:
    d = Debrief()
    assert suggest(d, 1).likelihood is Likelihood.YELLOW
    d.post_interview = PostInterview.PERSONAL_PD
    assert suggest(d, 1).likelihood is Likelihood.GREEN
    d.takes_chances.append(TakesChances.HOLISTIC_PD)  # an edit inside the list
    assert suggest(d, 1).total == 3
    d.board_policy = BoardPolicy.MAX_ONE_FAILURE
    assert suggest(d, 2).likelihood is Likelihood.RED  # the failure count is part of the key


@given(st.lists(st.tuples(debriefs, st.sampled_from(Likelihood)), max_size=8),
       st.integers(0, 3))
def test_effective_likelihoods_match_effective(rows, failures) -> None:
    plan = Plan(profile=Profile(exams=[ExamAttempt(result=ExamResult.FAIL)] * failures))
    plan.programs = [Program(id=f"p{i}", likelihood=lk, debrief=d)
                     for i, (d, lk) in enumerate(rows)]
    assert effective_likelihoods(plan, plan.programs) == [
        effective(plan, p) for p in plan.programs
    ]
