"""RL01-RL11: each raised by one plan and not by a near miss."""

from __future__ import annotations

import pytest
from helpers import TODAY

from rankplan.core.findings import Finding, Section, Severity
from rankplan.core.model import (
    BoardPolicy,
    Debrief,
    ExamAttempt,
    ExamResult,
    Likelihood,
    Plan,
    PostInterview,
    Preference,
    Profile,
    Program,
    RankList,
    Soap,
    SoapOption,
)
from rankplan.core.rules import evaluate

G, Y, R = Likelihood.GREEN, Likelihood.YELLOW, Likelihood.RED
IM, FM, DERM = "Internal Medicine", "Family Medicine", "Dermatology"


def prog(pid: str, lk: Likelihood = Y, *, spec: str = "", pref: Preference = Preference.MEDIUM,
         policy: BoardPolicy = BoardPolicy.NONE_HEARD, post: PostInterview = PostInterview.NONE,
         home: bool = False, away: bool = False) -> Program:
    return Program(id=pid, name=f"Program {pid.upper()}", specialty=spec, likelihood=lk,
                   preference=pref, would_not_attend=away,
                   debrief=Debrief(board_policy=policy, post_interview=post, home_program=home))


def many(n: int, lk: Likelihood = Y, *, spec: str = "", prefix: str = "p") -> list[Program]:
    return [prog(f"{prefix}{i}", lk, spec=spec) for i in range(n)]


def plan_of(programs: list[Program], *, specialty: str = IM, backup: str = "",
            order: list[str] | None = None, soap: bool = True) -> Plan:
    """Every program ranked in the given order unless ``order`` says otherwise, and a SOAP
    plan in place unless ``soap`` is False (so RL06 stays out of the way)."""
    return Plan(
        profile=Profile(specialty=specialty, backup_specialty=backup,
                        exams=[ExamAttempt(result=ExamResult.FAIL)]),
        programs=programs,
        rank_list=RankList(order=[p.id for p in programs if not p.would_not_attend]
                           if order is None else order),
        soap=Soap(order=[SoapOption.CATEGORICAL_FM] if soap else []),
    )


def found(plan: Plan, code: str) -> list[Finding]:
    return [f for f in evaluate(plan, TODAY, Section.RANK) if f.code == code]


def raised(plan: Plan, code: str) -> bool:
    return bool(found(plan, code))


def test_every_rank_rule_is_in_the_rank_section() -> None:
    from rankplan.core.findings import REGISTRY

    codes = sorted(c for c, r in REGISTRY.items() if r.section is Section.RANK)
    assert codes == [f"RL{i:02d}" for i in range(1, 12)]


def test_a_plan_with_no_interviews_raises_no_rank_finding() -> None:
    assert evaluate(plan_of([], soap=False), TODAY, Section.RANK) == []


# -- RL01 ------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("specialty", "n", "expected"),
    [
        (IM, 5, True), (IM, 6, False),  # moderate
        (DERM, 5, True), (DERM, 6, False),  # high
        (FM, 3, True), (FM, 4, False),  # less
        (IM, 1, True),
    ],
)
def test_rl01_few_interviews(specialty, n, expected) -> None:
    plan = plan_of(many(n), specialty=specialty)
    assert raised(plan, "RL01") is expected


def test_rl01_message_and_severity() -> None:
    (f,) = found(plan_of(many(5)), "RL01")
    assert f.severity is Severity.DANGER
    assert "5 interviews" in f.message and IM in f.message and "SOAP" in f.message
    (f,) = found(plan_of(many(1), specialty=FM), "RL01")
    assert "Only 1 interview:" in f.message


def test_rl01_counts_unranked_interviews_too() -> None:
    programs = many(6)
    plan = plan_of(programs, order=["p0"])
    assert not raised(plan, "RL01")


# -- RL02 ------------------------------------------------------------------------------------

def test_rl02_three_reds_in_the_top_four() -> None:
    plan = plan_of([prog("a", R), prog("b", Y), prog("c", R), prog("d", R), prog("e", G)])
    (f,) = found(plan, "RL02")
    assert f.severity is Severity.WARNING and f.subjects == ("a", "c", "d")
    assert "Program A" in f.message and "Program D" in f.message


def test_rl02_two_reds_in_the_top_four_is_fine() -> None:
    plan = plan_of([prog("a", R), prog("b", Y), prog("c", R), prog("d", G), prog("e", R)])
    assert not raised(plan, "RL02")


def test_rl02_a_third_red_at_rank_five_is_fine() -> None:
    plan = plan_of([prog("a", R), prog("b", R), prog("c", G), prog("d", Y), prog("e", R)])
    assert not raised(plan, "RL02")


def test_rl02_uses_the_suggestion_when_unset() -> None:
    grilled = [prog(x, Likelihood.UNSET, policy=BoardPolicy.FIRST_ATTEMPT_REQUIRED)
               for x in "abc"]  # -2 each: red
    plan = plan_of([*grilled, prog("d", G)])
    assert raised(plan, "RL02")


# -- RL03 ------------------------------------------------------------------------------------

def test_rl03_three_reds_in_a_row() -> None:
    plan = plan_of([prog("a", G), prog("b", R), prog("c", R), prog("d", R), prog("e", G)])
    (f,) = found(plan, "RL03")
    assert f.subjects == ("b", "c", "d") and "ranks 2-4" in f.message


def test_rl03_two_reds_then_a_break_is_fine() -> None:
    plan = plan_of([prog("a", R), prog("b", R), prog("c", Y), prog("d", R), prog("e", R)])
    assert not raised(plan, "RL03")


def test_rl03_one_finding_per_run_including_at_the_end() -> None:
    lks = [R, R, R, G, Y, R, R, R, R]
    plan = plan_of([prog(f"x{i}", lk) for i, lk in enumerate(lks)])
    assert [f.subjects for f in found(plan, "RL03")] == [
        ("x0", "x1", "x2"), ("x5", "x6", "x7", "x8")]


# -- RL04 ------------------------------------------------------------------------------------

def test_rl04_one_warning_per_unranked_program_below_ten_interviews() -> None:
    programs = many(9)
    plan = plan_of(programs, order=[p.id for p in programs[2:]])
    hits = found(plan, "RL04")
    assert [f.subjects for f in hits] == [("p0",), ("p1",)]
    assert all(f.severity is Severity.WARNING for f in hits)
    assert "Program P0" in hits[0].message


def test_rl04_is_info_from_ten_interviews() -> None:
    programs = many(10)
    plan = plan_of(programs, order=[p.id for p in programs[1:]])
    (f,) = found(plan, "RL04")
    assert f.severity is Severity.INFO and f.subjects == ("p0",)


def test_rl04_not_for_would_not_attend() -> None:
    plan = plan_of([*many(6), prog("no", away=True)])
    assert not raised(plan, "RL04")


# -- RL05 ------------------------------------------------------------------------------------

def test_rl05_no_green_at_the_bottom_of_three() -> None:
    plan = plan_of([prog("a", G), prog("b", G), prog("c", Y)])
    (f,) = found(plan, "RL05")
    assert f.subjects == ("c",) and "rank 3" in f.message


def test_rl05_not_below_three_ranked() -> None:
    plan = plan_of([prog("a", R), prog("b", Y)])
    assert not raised(plan, "RL05")


def test_rl05_a_green_in_the_bottom_band_is_enough() -> None:
    plan = plan_of([prog("a", R), prog("b", Y), prog("c", G)])
    assert not raised(plan, "RL05")
    # nine ranked: the bottom band is ranks 7-9
    lks = [G, G, G, G, G, G, Y, R, Y]
    plan = plan_of([prog(f"x{i}", lk) for i, lk in enumerate(lks)])
    (f,) = found(plan, "RL05")
    assert f.subjects == ("x6", "x7", "x8") and "ranks 7-9" in f.message
    lks[7] = G
    assert not raised(plan_of([prog(f"x{i}", lk) for i, lk in enumerate(lks)]), "RL05")


# -- RL06 ------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("specialty", "n", "expected"),
    [(IM, 7, True), (IM, 8, False), (FM, 7, False), (FM, 2, False)],
)
def test_rl06_few_interviews_and_no_soap_plan(specialty, n, expected) -> None:
    plan = plan_of(many(n), specialty=specialty, soap=False)
    assert raised(plan, "RL06") is expected


def test_rl06_not_with_a_soap_plan() -> None:
    assert not raised(plan_of(many(3)), "RL06")


def test_rl06_high_tier_needs_backup_interviews() -> None:
    derm = many(10, spec=DERM)
    assert raised(plan_of(derm, specialty=DERM, soap=False), "RL06")  # no backup at all
    assert raised(plan_of(derm, specialty=DERM, backup=FM, soap=False), "RL06")
    with_fm = [*derm, prog("fm", spec=FM)]
    plan = plan_of(with_fm, specialty=DERM, backup=FM, soap=False)
    assert not raised(plan, "RL06")
    (f,) = found(plan_of(derm, specialty=DERM, backup=FM, soap=False), "RL06")
    assert "backup" in f.message and "SOAP" in f.message


# -- RL07 ------------------------------------------------------------------------------------

def test_rl07_four_long_shots_above_the_first_backup_program() -> None:
    programs = [*many(4, spec=DERM), prog("fm1", spec=FM), prog("d9", spec=DERM),
                prog("fm2", spec=FM)]
    (f,) = found(plan_of(programs, specialty=DERM, backup=FM), "RL07")
    assert f.subjects == ("p0", "p1", "p2", "p3", "fm1")
    assert "4 Dermatology programs" in f.message and "Program FM1" in f.message


def test_rl07_three_above_is_fine() -> None:
    programs = [*many(3, spec=DERM), prog("fm1", spec=FM), *many(5, spec=DERM, prefix="d")]
    assert not raised(plan_of(programs, specialty=DERM, backup=FM), "RL07")


def test_rl07_needs_a_ranked_backup_program_and_a_high_tier() -> None:
    unranked_fm = [*many(5, spec=DERM), prog("fm1", spec=FM)]
    plan = plan_of(unranked_fm, specialty=DERM, backup=FM, order=[f"p{i}" for i in range(5)])
    assert not raised(plan, "RL07")
    im = [*many(5), prog("fm1", spec=FM)]  # Internal Medicine is moderate
    assert not raised(plan_of(im, specialty=IM, backup=FM), "RL07")


def test_rl07_counts_programs_of_the_profile_specialty_left_blank() -> None:
    programs = [*many(4), prog("fm1", spec=FM)]  # "" = the profile's specialty
    assert raised(plan_of(programs, specialty=DERM, backup=FM), "RL07")


# -- RL08 ------------------------------------------------------------------------------------

def test_rl08_low_above_a_likely_high() -> None:
    plan = plan_of([prog("lo", pref=Preference.LOW), prog("m"),
                    prog("hi", Y, pref=Preference.HIGH)])
    (f,) = found(plan, "RL08")
    assert f.severity is Severity.INFO and f.subjects == ("lo", "hi")
    assert "Program LO" in f.message and "Program HI" in f.message


def test_rl08_not_for_a_red_high_or_a_low_below() -> None:
    red_high = plan_of([prog("lo", pref=Preference.LOW), prog("hi", R, pref=Preference.HIGH)])
    assert not raised(red_high, "RL08")
    below = plan_of([prog("hi", G, pref=Preference.HIGH), prog("lo", pref=Preference.LOW)])
    assert not raised(below, "RL08")
    medium = plan_of([prog("m", pref=Preference.MEDIUM), prog("hi", G, pref=Preference.HIGH)])
    assert not raised(medium, "RL08")


def test_rl08_one_finding_per_low_program() -> None:
    plan = plan_of([prog("lo1", pref=Preference.LOW), prog("hi1", G, pref=Preference.HIGH),
                    prog("lo2", pref=Preference.LOW), prog("hi2", Y, pref=Preference.HIGH),
                    prog("lo3", pref=Preference.LOW)])
    hits = found(plan, "RL08")
    assert [f.subjects for f in hits] == [("lo1", "hi1"), ("lo2", "hi2")]
    assert "1 other" in hits[0].message


# -- RL09 ------------------------------------------------------------------------------------

def warm(n: int) -> list[Program]:
    kinds = [dict(post=PostInterview.PERSONAL_PD), dict(post=PostInterview.FACULTY_ADVOCATE),
             dict(policy=BoardPolicy.VALUED_REBOUND), dict(home=True)]
    return [prog(f"w{i}", **kinds[i % 4]) for i in range(n)]


def test_rl09_many_interviews_and_positive_signals() -> None:
    plan = plan_of([*warm(3), *many(9)])
    (f,) = found(plan, "RL09")
    assert f.subjects == ("w0", "w1", "w2") and "3 of your 12" in f.message


def test_rl09_each_signal_counts() -> None:
    plan = plan_of([*warm(4)[1:], *many(9)])  # faculty-advocate, valued-rebound, home
    assert raised(plan, "RL09")


@pytest.mark.parametrize(
    ("warm_n", "other_n", "specialty"),
    [(2, 10, IM), (3, 8, IM), (3, 9, DERM)],  # too few signals; 11 interviews; high tier
)
def test_rl09_near_misses(warm_n, other_n, specialty) -> None:
    plan = plan_of([*warm(warm_n), *many(other_n)], specialty=specialty)
    assert not raised(plan, "RL09")


def test_rl09_generic_mail_is_not_a_signal() -> None:
    generic = [prog(f"g{i}", post=PostInterview.GENERIC) for i in range(3)]
    assert not raised(plan_of([*generic, *many(9)]), "RL09")


# -- RL10 ------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("r", "severity"),
    [(20, None), (21, Severity.INFO), (300, Severity.INFO), (301, Severity.DANGER)],
)
def test_rl10_list_length(r, severity) -> None:
    hits = found(plan_of(many(r)), "RL10")
    assert [f.severity for f in hits] == ([severity] if severity else [])


def test_rl10_messages_count_the_programs() -> None:
    (f,) = found(plan_of(many(21)), "RL10")
    assert "21 programs" in f.message and "(1 here)" in f.message
    (f,) = found(plan_of(many(301)), "RL10")
    assert "301 programs" in f.message and "300" in f.message and "1 over" in f.message


# -- RL11 ------------------------------------------------------------------------------------

@pytest.mark.parametrize("policy", [BoardPolicy.FIRST_ATTEMPT_REQUIRED,
                                    BoardPolicy.MAX_ONE_FAILURE])
def test_rl11_strict_policy_in_the_top_two(policy) -> None:
    plan = plan_of([prog("a"), prog("b", policy=policy), *many(3)])
    (f,) = found(plan, "RL11")
    assert f.subjects == ("b",) and "Program B at rank 2" in f.message


def test_rl11_not_at_rank_three() -> None:
    plan = plan_of([prog("a"), prog("b"), prog("c", policy=BoardPolicy.FIRST_ATTEMPT_REQUIRED)])
    assert not raised(plan, "RL11")


@pytest.mark.parametrize("counter", [dict(post=PostInterview.PERSONAL_PD),
                                     dict(post=PostInterview.FACULTY_ADVOCATE),
                                     dict(home=True)])
def test_rl11_a_counter_signal_lifts_it(counter) -> None:
    plan = plan_of([prog("a", policy=BoardPolicy.MAX_ONE_FAILURE, **counter), *many(3)])
    assert not raised(plan, "RL11")


def test_rl11_generic_mail_is_no_counter_signal() -> None:
    plan = plan_of([prog("a", policy=BoardPolicy.MAX_ONE_FAILURE, post=PostInterview.GENERIC)])
    assert raised(plan, "RL11")


# -- every message ---------------------------------------------------------------------------

def test_no_message_advises_dropping_a_program() -> None:
    plans = [
        plan_of(many(2), soap=False),
        plan_of([prog(f"r{i}", R, pref=Preference.LOW) for i in range(6)]
                + [prog("h", Y, pref=Preference.HIGH)], soap=False),
        plan_of([*many(5, spec=DERM), prog("fm", spec=FM)], specialty=DERM, backup=FM),
        plan_of([prog("a", policy=BoardPolicy.FIRST_ATTEMPT_REQUIRED), *warm(3), *many(301)]),
        plan_of(many(9), order=["p0"]),
    ]
    codes = set()
    for plan in plans:
        for f in evaluate(plan, TODAY, Section.RANK):
            codes.add(f.code)
            text = f.message.lower()
            assert not any(word in text for word in ("drop", "remove", "delete", "cut ")), f
            assert f.message.strip() and "\n" not in f.message
    assert codes == {f"RL{i:02d}" for i in range(1, 12)}  # each rule spoke at least once


def test_names_fall_back_to_ids() -> None:
    programs = [Program(id=x, likelihood=R) for x in ("aa", "bb", "cc")]
    (f,) = found(plan_of(programs), "RL03")
    assert "aa, bb, cc" in f.message


def test_long_name_lists_are_cut_short() -> None:
    plan = plan_of(many(10, R))
    (f,) = found(plan, "RL03")
    assert "and 6 more" in f.message and len(f.subjects) == 10


def test_only_rank_findings_depend_on_the_order() -> None:
    """The app re-runs only the rank rules after a move; that is right only if no other
    section's findings change when the order does."""
    import random
    import sys
    from pathlib import Path

    from rankplan.core.findings import Section
    from rankplan.core.rules import evaluate
    from rankplan.storage.read import parse_text

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "perf"))
    from genplan import generate_plan

    plan, _ = parse_text(generate_plan(60, seed=3))
    others = [f for f in evaluate(plan, TODAY) if f.section != Section.RANK]
    random.Random(1).shuffle(plan.rank_list.order)
    assert [f for f in evaluate(plan, TODAY) if f.section != Section.RANK] == others
