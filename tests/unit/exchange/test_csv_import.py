"""The CSV import: spreadsheet habits accepted, every problem located, all or nothing."""

from __future__ import annotations

import copy
from datetime import date

import pytest
from helpers import TODAY

from rankplan.core.model import (
    BoardPolicy,
    FailureDiscussion,
    Likelihood,
    Plan,
    Preference,
    Profile,
    Program,
    RankList,
    Setting,
    TakesChances,
    Track,
)
from rankplan.exchange.csv_cells import CsvError
from rankplan.exchange.csv_export import export_csv
from rankplan.exchange.csv_import import ImportResult, apply_import, decode_csv, import_csv
from rankplan.storage.document import plain
from rankplan.storage.validate import validate


def imported(plan: Plan, text: str) -> ImportResult:
    result = import_csv(plan, text, today=TODAY)
    assert isinstance(result, ImportResult), [e.render("in.csv") for e in result]
    return result


def refused(plan: Plan, text: str) -> list[str]:
    """The rendered errors of an import that must fail, after checking it changed nothing."""
    before = copy.deepcopy(plan)
    result = import_csv(plan, text, today=TODAY)
    assert isinstance(result, list), "the import was accepted, but should have been refused"
    assert result and all(isinstance(e, CsvError) for e in result)
    assert plan == before, "a refused import leaves the plan as it was"
    return [e.render("in.csv") for e in result]


def small_plan() -> Plan:
    return Plan(
        criteria={"location": 2.0, "fit": 3.0},
        programs=[Program(id="univ-a", name="University A")],
        rank_list=RankList(["univ-a"]),
    )


# -- round trips ---------------------------------------------------------------------------


def test_export_then_import_into_an_empty_plan_reproduces_the_programs(demo_plan: Plan) -> None:
    result = imported(Plan(), export_csv(demo_plan, TODAY))
    assert result.plan.programs == demo_plan.programs
    assert result.plan.rank_list == demo_plan.rank_list
    assert result.added == tuple(demo_plan.programs)
    # What the import cannot know: the criteria's weights (new ones get 1).
    assert result.new_criteria == tuple(demo_plan.criteria)
    assert result.plan.criteria == dict.fromkeys(demo_plan.criteria, 1.0)
    assert result.ignored == ("suggested_likelihood", "fit_score", "chance")


def test_import_into_a_plan_with_the_same_criteria_keeps_their_weights(demo_plan: Plan) -> None:
    target = Plan(criteria=dict(demo_plan.criteria))
    result = imported(target, export_csv(demo_plan, TODAY))
    assert result.new_criteria == ()
    assert result.plan.criteria == demo_plan.criteria


@pytest.mark.parametrize("seed", [1, 2])
def test_round_trip_of_a_generated_plan(seed: int, generate_plan, parse_plan) -> None:
    source = parse_plan(generate_plan(60, seed=seed))
    target = Plan(profile=Profile(specialty=source.profile.specialty),
                  specialties=copy.deepcopy(source.specialties),
                  criteria=dict(source.criteria))
    result = imported(target, export_csv(source, TODAY))
    assert result.plan.programs == source.programs
    ranked = [pid for pid in source.rank_list.order]
    attendable_unranked = [p.id for p in source.programs
                           if p.id not in ranked and not p.would_not_attend]
    # What the import cannot know: it ranks every program you would attend (add_program's rule).
    assert result.plan.rank_list.order == ranked + attendable_unranked


def test_the_result_is_a_valid_plan_file(demo_plan: Plan) -> None:
    result = imported(small_plan(), export_csv(demo_plan, TODAY))
    again, errors = validate(plain(result.plan))
    assert errors == [] and again == result.plan


def test_apply_import_changes_the_plan_in_place_to_the_result(demo_plan: Plan) -> None:
    target = small_plan()
    result = imported(target, export_csv(demo_plan, TODAY))
    apply_import(target, result)
    assert target == result.plan


# -- spreadsheet habits --------------------------------------------------------------------


def test_semicolons_a_bom_and_a_quoted_multi_line_note() -> None:
    text = ("\ufeffname;preference;notes;interview_date;match_chance\r\n"
            'Hôpital Nord;High;"Line one; still the note\r\nLine ""two""";11/30/2026;0,4\r\n'
            "Clinique Sud;low;;2026-12-02;35%\r\n")
    result = imported(small_plan(), text)
    north, south = result.added
    assert north.name == "Hôpital Nord" and north.preference is Preference.HIGH
    assert north.notes == 'Line one; still the note\nLine "two"'
    assert north.interview_date == date(2026, 11, 30)
    assert north.match_chance == 0.4
    assert south.match_chance == 0.35 and south.notes == ""
    assert result.plan.rank_list.order == ["univ-a", north.id, south.id]


def test_tab_separated_files_work_too() -> None:
    result = imported(Plan(), "name\tsetting\nA\tcommunity\n")
    assert result.added[0].setting is Setting.COMMUNITY


def test_empty_cells_mean_the_defaults() -> None:
    (program,) = imported(Plan(), "id,name,preference,likelihood,match_chance,debrief.felt\n"
                          ",Plain,,,,\n").added
    assert program == Program(id="plain", name="Plain")


@pytest.mark.parametrize("cell, value", [
    ("true", True), ("TRUE", True), ("Yes", True), ("y", True), ("1", True), ("x", True),
    ("X", True), ("false", False), ("no", False), ("N", False), ("0", False), ("", False),
])
def test_booleans_in_the_forms_spreadsheets_use(cell: str, value: bool) -> None:
    (program,) = imported(Plan(), f"name,debrief.home_program\nA,{cell}\n").added
    assert program.debrief.home_program is value


@pytest.mark.parametrize("cell", ["2026-11-02", "nov 2", "2 Nov 2026", "Nov 2, 2026",
                                  "November 2, 2026", "2026/11/02", "2026-11-02 00:00:00",
                                  "2-Nov-2026", "2-nov-26", "02.11.2026", "2.11.2026",
                                  "11/02/2026 0:00"])
def test_dates_in_forgiving_forms(cell: str) -> None:
    result = import_csv(Plan(), f'name,interview_date\nA,"{cell}"\n', today=TODAY,
                        date_order="mdy")
    assert isinstance(result, ImportResult), result
    (program,) = result.added
    assert program.interview_date == date(2026, 11, 2)


@pytest.mark.parametrize(("cell", "order"), [
    ("11/25/2026", None), ("25/11/2026", None), ("11/25/26", None), ("5/5/2026", None),
    ("11/02/2026", "mdy"), ("02/11/2026", "dmy"), ("2/11/26", "dmy"),
])
def test_dates_with_slashes_read_one_way_only(cell: str, order: str | None) -> None:
    result = import_csv(Plan(), f"Program;Interview Date\nA;{cell}\n", today=TODAY,
                        date_order=order)
    assert isinstance(result, ImportResult), [e.render("in.csv") for e in result]
    expected = date(2026, 5, 5) if cell == "5/5/2026" else None
    if expected is None:
        expected = date(2026, 11, 25) if "25" in cell else date(2026, 11, 2)
    assert result.added[0].interview_date == expected


def test_a_date_that_reads_two_ways_is_refused_naming_date_order() -> None:
    (error,) = refused(Plan(), "Program;Interview Date\nA;02/11/2026\n")
    assert error.startswith("in.csv:2:3: interview_date (cell B2): ")
    assert '"02/11/2026" reads two ways (February 11 or November 2)' in error
    assert "--date-order mdy" in error and "--date-order dmy" in error


@pytest.mark.parametrize("header", [
    "Program,Interview Date,Specialty,Preference,Notes",
    "Program Name,interview date,SPECIALTY,preference,notes",
    "Name,Date,Speciality,Pref,Comments",
    "programme,Interview_Date,specialty ,Preference:,Note",
    " name , interview-date , Specialty , PREFERENCE , Remarks ",
])
def test_header_spellings_spreadsheets_use(header: str) -> None:
    text = f"{header}\nUniversity A,2026-11-02,Family Medicine,High,Good fit\n"
    (program,) = imported(Plan(), text).added
    assert program.name == "University A"
    assert program.interview_date == date(2026, 11, 2)
    assert program.specialty == "Family Medicine"
    assert program.preference is Preference.HIGH
    assert program.notes == "Good fit"


RANKING_SHEET = [
    "Location Fit", "Program Reputation", "Research Opportunities", "Didactics",
    "Resident Happiness", "Call Schedule", "Salary & Benefits", "Fellowship Match",
    "Gut Feeling",
]


def test_the_ranking_spreadsheet_shape_imports_with_its_nine_criteria() -> None:
    rows = [
        ",".join(["Program", *RANKING_SHEET, "Final Score"]),
        ",".join(["University A", "5", "4", "3", "4", "5", "2", "3", "4", "5", "3.89"]),
        ",".join(["Community B", "3", "3", "2", "3", "4", "4", "3", "2", "4", "3.11"]),
        ",".join(["City C", "", "2", "1", "2", "3", "3", "4", "1", "2", "2.25"]),
    ]
    result = imported(Plan(), "\r\n".join(rows) + "\r\n")
    assert result.new_criteria == tuple(RANKING_SHEET)
    assert result.plan.criteria == dict.fromkeys(RANKING_SHEET, 1.0)
    first = result.added[0]
    assert first.name == "University A" and first.location == ""
    assert first.criteria == dict(zip(RANKING_SHEET, [5, 4, 3, 4, 5, 2, 3, 4, 5]))
    assert "Location Fit" not in result.added[2].criteria, "an empty score stays unscored"
    assert any('"Final Score" read past' in note for note in result.notes)


@pytest.mark.parametrize("header", ["Final Score", "Total", "Weighted Score", "Rank",
                                    "Overall Rank", "Score"])
def test_derived_columns_are_read_past_with_a_note(header: str) -> None:
    result = imported(Plan(), f"Program,{header}\nA,12.5\nB,3\n")
    assert [p.name for p in result.added] == ["A", "B"]
    assert result.plan.rank_list.order == [p.id for p in result.added], "in file order"
    assert result.notes == (f'column "{header}" read past: it is worked out from the others, '
                            "and rankplan works out its own figures",)


def test_a_score_column_with_scores_is_a_criterion() -> None:
    result = imported(small_plan(), "Program,Research Score,Location\nB,4,Boston\n")
    assert result.added[0].criteria == {"Research Score": 4}
    assert result.added[0].location == "Boston"


def test_an_unknown_column_without_scores_is_still_an_error() -> None:
    (error,) = refused(Plan(), "Program,Colour\nA,red\n")
    assert error.startswith('in.csv:1:9: unknown column "Colour"')


def test_an_empty_unknown_column_is_read_past_with_a_note() -> None:
    result = imported(Plan(), "Program,Location Fit\nA,\nB,\n")
    assert [p.name for p in result.added] == ["A", "B"]
    assert result.notes == ('column "Location Fit" read past: it is empty',)


def test_choices_in_any_case_and_with_spaces_for_hyphens() -> None:
    text = ("Name,Setting,Track,Likelihood,Debrief.Failure discussion,debrief.board_policy,"
            "debrief.takes_chances,Criteria.fit\n"
            "A, Community ,PRELIMINARY,Green,Not mentioned,valued_rebound,"
            '"Holistic PD, residents with bumps",4\n')
    (program,) = imported(small_plan(), text).added
    assert program.setting is Setting.COMMUNITY and program.track is Track.PRELIMINARY
    assert program.likelihood is Likelihood.GREEN
    assert program.debrief.failure_discussion is FailureDiscussion.NOT_MENTIONED
    assert program.debrief.board_policy is BoardPolicy.VALUED_REBOUND
    assert program.debrief.takes_chances == [TakesChances.HOLISTIC_PD,
                                             TakesChances.RESIDENTS_WITH_BUMPS]
    assert program.criteria == {"fit": 4}


def test_specialty_names_in_any_case_become_the_known_name() -> None:
    (program,) = imported(Plan(), "name,specialty\nA,family medicine\n").added
    assert program.specialty == "Family Medicine"


def test_blank_rows_and_trailing_empty_columns_are_skipped() -> None:
    result = imported(Plan(), "name,preference,,\r\n,,,\r\nA,high,,\r\n\r\nB,low,,\r\n")
    assert [p.name for p in result.added] == ["A", "B"]


def test_cells_name_the_row_a_spreadsheet_shows_blank_rows_and_all() -> None:
    (error,) = refused(Plan(), 'name,notes,preference\n\nA,"two\nlines",hgih\n')
    assert error.startswith("in.csv:4:8: preference (cell C3): ")


def test_a_header_only_file_adds_nothing() -> None:
    result = imported(small_plan(), "name,preference\r\n")
    assert result.added == () and result.plan == small_plan()


# -- ids and the rank list -------------------------------------------------------------------


def test_new_ids_come_from_the_names_and_never_collide() -> None:
    text = "id,name\n,Univ A\nuniv-a-3,Other\n,Univ. A (north)\n,Univ A!\n"
    result = imported(small_plan(), text.replace("Univ A!", "UNIV-A"))
    assert [p.id for p in result.added] == ["univ-a-2", "univ-a-3", "univ-a-north", "univ-a-4"]


def test_explicit_ids_are_kept_and_generated_ones_avoid_them() -> None:
    result = imported(Plan(), "id,name\n,Mercy\nmercy,Mercy General\n")
    assert [p.id for p in result.added] == ["mercy-2", "mercy"]


def test_new_programs_join_the_bottom_unless_you_would_not_attend() -> None:
    text = "name,would_not_attend\nA,\nB,yes\nC,no\n"
    result = imported(small_plan(), text)
    assert result.plan.rank_list.order == ["univ-a", "a", "c"]
    assert result.ranked == ("a", "c")


def test_rank_orders_the_new_programs_among_themselves() -> None:
    text = "rank,name\n3,C\n,Unranked\n1,A\n2,B\n"
    result = imported(small_plan(), text)
    assert result.plan.rank_list.order == ["univ-a", "a", "b", "c", "unranked"]


# -- refusals, each located ----------------------------------------------------------------


def test_a_malformed_file_changes_nothing_and_reports_each_bad_line() -> None:
    text = ("name,preference,interview_date,debrief.felt,match_chance,would_not_attend\n"
            "Good,high,2026-11-02,4,,no\n"
            "Bad pref,hgih,2026-11-02,4,,no\n"
            "Bad date,low,31/31/2026,4,,no\n"
            "Bad felt,low,,seven,,no\n"
            "Felt out of range,low,,9,,no\n"
            "Bad chance,low,,,1.5,no\n"
            "Bad bool,low,,,,maybe\n")
    errors = refused(small_plan(), text)
    assert errors == [
        'in.csv:3:10: preference (cell B3): expected one of high, medium, low; got "hgih"; '
        'did you mean "high"?',
        "in.csv:4:14: interview_date (cell C4): no such date: 31/31/2026 (month must be in 1..12)",
        'in.csv:5:15: debrief.felt (cell D5): expected a whole number from 1 to 5; got "seven"',
        "in.csv:6:24: debrief.felt (cell D6): expected a number from 1 to 5; got 9",
        "in.csv:7:18: match_chance (cell E7): expected a chance from 0 to 1 (0.7 or 70%), or "
        'empty to use the model; got "1.5"',
        "in.csv:8:17: would_not_attend (cell F8): expected true or false (yes/no, 1/0, or x for "
        'yes); got "maybe"',
    ]


def test_lines_count_the_lines_of_a_multi_line_note() -> None:
    text = 'name,notes,preference\nA,"one\ntwo\nthree",hgih\n'
    (error,) = refused(Plan(), text)
    assert error.startswith("in.csv:4:8: preference (cell C2): ")


def test_unknown_and_duplicate_columns_are_reported_in_the_header() -> None:
    errors = refused(small_plan(), "name,prefrence,felt,location,Name,colour\nA,high,3,x,B,red\n")
    assert errors == [
        'in.csv:1:6: unknown column "prefrence"; did you mean "preference"?',
        'in.csv:1:16: unknown column "felt"; did you mean "debrief.felt"?',
        'in.csv:1:30: the column "name" appears twice (also column A); keep one',
        'in.csv:1:35: unknown column "colour"; columns are named as the program keys of the '
        "plan file, such as name, specialty, preference, interview_date, criteria.<name> or "
        "debrief.felt",
    ]


def test_a_bare_criterion_name_with_scores_fills_that_criterion() -> None:
    result = imported(small_plan(), "name,Fit\nA,4\n")
    assert result.plan.programs[-1].criteria == {"fit": 4}
    assert result.new_criteria == ()
    assert result.notes == ('column "Fit" read as the criterion "fit" (scores from 1 to 5)',)


def test_an_id_already_in_the_plan_is_an_error_not_an_overwrite() -> None:
    (error,) = refused(small_plan(), "id,name\nuniv-a,University A again\n")
    assert error.startswith('in.csv:2:1: id (cell A2): the plan already has a program with the '
                            'id "univ-a" (University A); an import only adds programs')


def test_duplicate_ids_and_names_in_the_file_are_errors() -> None:
    errors = refused(Plan(), "id,name\nx,One\nx,Two\n,Same Name\n,same  name\n")
    assert errors == [
        'in.csv:3:1: id (cell A3): the id "x" is also on row 2; each program needs its own',
        'in.csv:5:2: name (cell B5): "same  name" (Internal Medicine, categorical) is also on '
        "row 4; remove one, or tell them apart (in the name, or with an id each)",
    ]


def test_rows_with_ids_of_their_own_may_share_a_name() -> None:
    result = imported(small_plan(), "id,name\nx,University A\ny,University A\n")
    assert [p.id for p in result.added] == ["x", "y"]


def test_a_name_already_in_the_plan_is_an_error() -> None:
    (error,) = refused(small_plan(), "name\nuniversity a\n")
    assert "is already in the plan as univ-a" in error


def test_the_same_name_on_another_track_is_another_program() -> None:
    result = imported(small_plan(), "name,track\nUniversity A,preliminary\n")
    assert result.added[0].id == "university-a"


def test_a_row_needs_a_name_or_an_id() -> None:
    (error,) = refused(Plan(), "name,preference\n,high\n")
    assert error == "in.csv:2:1: name (cell A2): every program needs a name (or an id)"


def test_values_are_checked_by_the_plan_files_own_rules() -> None:
    text = ("id,name,specialty,criteria.fit\n"
            "Bad Id,A,Internal Medicine,3\n"
            "b,B,Sports Medicine,3\n"
            "c,C,,6\n")
    errors = refused(small_plan(), text)
    assert errors[0] == ('in.csv:2:1: id (cell A2): expected lowercase letters, digits and "-" '
                         'only; got "Bad Id"')
    assert errors[1].startswith('in.csv:3:5: specialty (cell C3): unknown specialty '
                                '"Sports Medicine"')
    assert errors[2] == "in.csv:4:6: criteria.fit (cell D4): expected a score from 1 to 5; got 6"


def test_rank_conflicts_are_errors() -> None:
    errors = refused(Plan(), "rank,name,would_not_attend\n1,A,no\n1,B,no\n2,C,yes\nx,D,no\n")
    assert errors == [
        "in.csv:3:1: rank (cell A3): rank 1 is also on row 2; each rank is given once",
        "in.csv:4:1: rank (cell A4): a program you would not attend cannot be ranked: empty "
        "the rank or set would_not_attend to false",
        'in.csv:5:1: rank (cell A5): expected a rank: a whole number from 1; got "x"',
    ]


def test_a_new_criterion_is_added_with_weight_1_but_a_near_miss_is_a_typo() -> None:
    result = imported(small_plan(), "name,criteria.family\nA,4\n")
    assert result.new_criteria == ("family",)
    assert result.plan.criteria == {"location": 2.0, "fit": 3.0, "family": 1.0}
    (error,) = refused(small_plan(), "name,criteria.locaton\nA,4\n")
    assert error.startswith('in.csv:1:6: no criterion "locaton" in this plan; did you mean '
                            '"criteria.location"?')


def test_an_empty_criterion_column_adds_nothing() -> None:
    result = imported(small_plan(), "name,criteria.family\nA,\n")
    assert result.new_criteria == () and result.plan.criteria == small_plan().criteria


def test_more_cells_than_columns() -> None:
    (error,) = refused(Plan(), "name,preference\nA,high,extra\n")
    assert error.startswith("in.csv:2:8: row 2: this row has more cells than the first row")


def test_a_quote_left_open_is_reported_where_it_opens() -> None:
    (error,) = refused(Plan(), 'name,notes\nA,"never closed\nB,x\n')
    assert error.startswith('in.csv:2:3: this quoted cell is never closed')


def test_text_after_a_closing_quote() -> None:
    (error,) = refused(Plan(), 'name,notes\nA,"quoted" and more\n')
    assert error.startswith("in.csv:2:12: text after the closing quote")


def test_an_empty_file_and_a_file_without_a_name_column() -> None:
    assert refused(Plan(), "")[0].startswith("in.csv:1:1: the file is empty")
    assert refused(Plan(), "\ufeff\r\n\r\n")[0].startswith("in.csv:1:1: the file is empty")
    (error,) = refused(Plan(), "preference\nhigh\n")
    assert error.startswith("in.csv:1:1: the first row must name the columns")
    errors = refused(Plan(), "nmae,preference\nA,high\n")
    assert errors[0] == 'in.csv:1:1: unknown column "nmae"; did you mean "name"?'
    assert errors[1].startswith("in.csv:1:1: the first row must name the columns")


def test_a_column_without_a_name_but_with_values() -> None:
    (error,) = refused(Plan(), "name,,preference\nA,oops,high\n")
    assert error.startswith("in.csv:1:6: this column has no name")


# -- decoding --------------------------------------------------------------------------------


def test_decode_accepts_utf8_with_or_without_a_bom() -> None:
    assert decode_csv("name\nHôpital\n".encode()) == "name\nHôpital\n"
    assert decode_csv(b"\xef\xbb\xbfname\n") == "name\n"


def test_decode_refuses_another_encoding_at_the_byte() -> None:
    error = decode_csv("name\nCaf\xe9 Hospital\n".encode("cp1252"))
    assert isinstance(error, CsvError)
    assert (error.line, error.col) == (2, 4)
    assert "CSV UTF-8" in error.message


def test_decode_reads_excels_unicode_text_utf16_tab_separated() -> None:
    data = "name\tpreference\r\nHôpital\thigh\r\n".encode("utf-16")
    text = decode_csv(data)
    assert text == "name\tpreference\r\nHôpital\thigh\r\n"
    assert imported(Plan(), text).added[0].name == "Hôpital"
