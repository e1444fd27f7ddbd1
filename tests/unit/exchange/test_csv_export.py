"""The CSV export: a BOM, the program keys as columns, proper quoting, computed columns."""

from __future__ import annotations

import csv
import io

from helpers import TODAY

from rankplan.core.model import Debrief, Plan, Program, RankList, TakesChances
from rankplan.core.odds import match_odds
from rankplan.exchange.csv_export import export_csv

DEMO_HEADER = [
    "rank", "id", "name", "specialty", "setting", "track", "location", "interview_date",
    "preference", "likelihood", "match_chance", "would_not_attend", "notes",
    "criteria.location", "criteria.fit", "criteria.training", "criteria.family",
    "debrief.failure_discussion", "debrief.board_policy", "debrief.takes_chances",
    "debrief.post_interview", "debrief.home_program", "debrief.my_answer", "debrief.felt",
    "suggested_likelihood", "fit_score", "chance",
]


def rows(text: str) -> list[dict[str, str]]:
    """What a spreadsheet would read: decoded with the BOM dropped, parsed by ``csv``."""
    data = text.encode("utf-8")
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_starts_with_a_bom_and_names_the_columns_as_the_program_keys(demo_plan: Plan) -> None:
    text = export_csv(demo_plan, TODAY)
    assert text.startswith("\ufeffrank,id,name,")
    assert list(rows(text)[0]) == DEMO_HEADER


def test_one_row_per_program_in_plan_order_with_records_ending_in_crlf(demo_plan: Plan) -> None:
    text = export_csv(demo_plan, TODAY)
    read = rows(text)
    assert [r["id"] for r in read] == [p.id for p in demo_plan.programs]
    assert text.endswith("\r\n")
    assert text.count("\r\n") == len(demo_plan.programs) + 1, "line breaks in notes stay \\n"


def test_values_are_written_as_the_plan_file_writes_them(demo_plan: Plan) -> None:
    read = {r["id"]: r for r in rows(export_csv(demo_plan, TODAY))}
    alder = read["alder-street-im"]
    assert alder["interview_date"] == "2026-10-05"
    assert alder["match_chance"] == "0.7"
    assert alder["debrief.home_program"] == "true"
    assert alder["would_not_attend"] == "false"
    assert alder["criteria.fit"] == "5"
    assert read["calder-bay-im"]["match_chance"] == "", "-1 (use the model) is left empty"
    assert read["pine-hollow-fm"]["debrief.takes_chances"] == (
        "residents-with-bumps;nontraditional-residents")
    assert read["calder-bay-im"]["notes"].count("\n") == 2, "a multi-line note stays whole"


def test_rank_and_the_computed_columns(demo_plan: Plan) -> None:
    read = {r["id"]: r for r in rows(export_csv(demo_plan, TODAY))}
    odds = match_odds(demo_plan)
    for k, pid in enumerate(demo_plan.rank_list.order):
        assert read[pid]["rank"] == str(k + 1)
        assert float(read[pid]["chance"]) == round(odds.at_rank[k], 4)
    east = read["eastbrook-univ-im"]
    assert east["rank"] == "" and east["chance"] == ""
    assert east["suggested_likelihood"] == "red"
    assert read["kestrel-state-im"]["likelihood"] == "yellow"
    assert read["kestrel-state-im"]["suggested_likelihood"] == "green"
    assert read["alder-street-im"]["fit_score"] == "4.80"


def test_awkward_text_is_quoted_and_read_back_exactly() -> None:
    name = 'St. "Mary\'s", Hôpital; 東京'
    note = 'Line one, with a comma\nLine "two"\r\n\nLast; done'
    chances = [TakesChances.HOLISTIC_PD, TakesChances.RESIDENTS_WITH_BUMPS]
    program = Program(id="a", name=name, notes=note, debrief=Debrief(takes_chances=chances))
    plan = Plan(programs=[program], rank_list=RankList(["a"]))
    (read,) = rows(export_csv(plan, TODAY))
    assert read["name"] == name
    assert read["notes"] == note.replace("\r\n", "\n")  # one kind of line break
    assert read["debrief.takes_chances"] == "holistic-pd;residents-with-bumps"


def test_an_empty_plan_is_a_header_only() -> None:
    text = export_csv(Plan(), TODAY)
    assert text.count("\r\n") == 1
    assert rows(text) == []


# -- text from the plan is data (DESIGN §4) ------------------------------------------------------

FORMULAS = ["=1+1", "+41 22", "-5", "@SUM(A1)", "\tTabbed", '=HYPERLINK("http://x","y")',
            "'=already marked", "''=twice", "'plain apostrophe", "x=1"]


def test_a_cell_a_spreadsheet_would_run_as_a_formula_is_written_as_text() -> None:
    from rankplan.exchange.csv_import import import_csv

    programs = [Program(id=f"p{i}", name=name, notes=name) for i, name in enumerate(FORMULAS)]
    plan = Plan(programs=programs)
    read = rows(export_csv(plan, TODAY))
    assert [r["name"] for r in read] == [
        "'=1+1", "'+41 22", "'-5", "'@SUM(A1)", "'\tTabbed", "'=HYPERLINK(\"http://x\",\"y\")",
        "''=already marked", "'''=twice", "'plain apostrophe", "x=1",
    ]
    back = import_csv(Plan(), export_csv(plan, TODAY), today=TODAY)
    assert not isinstance(back, list), back
    assert [p.name for p in back.plan.programs] == [n.strip() for n in FORMULAS]
    assert [p.notes for p in back.plan.programs] == FORMULAS


def test_control_characters_reach_the_csv_as_visible_escapes() -> None:
    plan = Plan(criteria={"fit\x1b[8m": 1.0},
                programs=[Program(id="a", name="A\x1b]0;pwned\x07", notes="x\x1b[2Jy\x9b")])
    text = export_csv(plan, TODAY)
    assert "criteria.fit\\x1b[8m" in text.splitlines()[0]
    assert not any(c in text for c in "\x1b\x07\x9b")
    (read,) = rows(text)
    assert read["name"] == "A\\x1b]0;pwned\\x07"
    assert read["notes"] == "x\\x1b[2Jy\\x9b"
