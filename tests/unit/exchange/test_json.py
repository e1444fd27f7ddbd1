"""The JSON export (DESIGN §4): its keys, its numbers, its order; read back with json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import TODAY

from rankplan import __version__
from rankplan.cli import main
from rankplan.core.model import Cycle, Likelihood, Program
from rankplan.core.odds import match_odds
from rankplan.core.rules import evaluate
from rankplan.demo import demo_text
from rankplan.exchange.json_export import export_json
from rankplan.storage.read import parse_text

TOP_KEYS = ["schema", "rankplan", "today", "plan", "findings", "odds"]
ODDS_KEYS = ["spread", "p_matched", "p_unmatched", "p_top3", "expected_rank", "by_outcome",
             "more_needed", "programs"]
OUTCOMES = ["primary", "backup", "preliminary"]


def demo():
    plan, errors = parse_text(demo_text())
    assert plan is not None, errors
    return plan


def test_every_key_of_the_contract_in_order() -> None:
    data = json.loads(export_json(demo(), TODAY))
    assert list(data) == TOP_KEYS
    assert (data["schema"], data["rankplan"], data["today"]) == (1, __version__, "2026-11-21")
    assert list(data["odds"]) == ODDS_KEYS
    assert list(data["odds"]["by_outcome"]) == OUTCOMES
    assert list(data["odds"]["more_needed"]) == OUTCOMES
    for program in data["odds"]["programs"]:
        assert list(program) == ["id", "rank", "chance", "at_rank", "value"]
    for finding in data["findings"]:
        assert list(finding) == ["code", "severity", "section", "message", "subjects"]


def test_numbers_match_the_model() -> None:
    plan = demo()
    data = json.loads(export_json(plan, TODAY))["odds"]
    odds = match_odds(plan)
    assert data["spread"] == plan.odds.spread == 1.75
    assert data["p_matched"] == pytest.approx(odds.p_matched, abs=1e-15)
    assert data["p_unmatched"] == pytest.approx(odds.p_unmatched, abs=1e-15)
    assert data["p_top3"] == pytest.approx(odds.p_top3, abs=1e-15)
    assert data["expected_rank"] == pytest.approx(odds.expected_rank, abs=1e-15)
    assert [p["id"] for p in data["programs"]] == list(plan.rank_list.order)
    assert [p["rank"] for p in data["programs"]] == list(range(1, len(odds.ids) + 1))
    for row, chance, at, value in zip(data["programs"], odds.chances, odds.at_rank, odds.values):
        assert (row["chance"], row["at_rank"], row["value"]) == pytest.approx((chance, at, value))
        assert 0.0 <= row["chance"] <= 1.0 and 0.0 <= row["value"] <= 1.0
    assert sum(data["by_outcome"].values()) == pytest.approx(data["p_matched"])
    assert all(v is None or isinstance(v, int) for v in data["more_needed"].values())


def test_findings_in_check_order() -> None:
    plan = demo()
    data = json.loads(export_json(plan, TODAY))
    assert [(f["code"], f["message"]) for f in data["findings"]] == [
        (f.code, f.message) for f in evaluate(plan, TODAY)]


def test_the_plan_as_plain_data_with_every_key() -> None:
    plan = demo()
    plan.programs.append(Program(id="bare"))
    data = json.loads(export_json(plan, TODAY))["plan"]
    bare = data["programs"][-1]
    assert bare["interview_date"] is None and bare["likelihood"] == ""
    assert bare["match_chance"] == -1.0 and bare["debrief"]["felt"] == 3
    assert data["odds"] == {"green": 3.0, "yellow": 1.0, "red": 0.25, "spread": 1.75}
    assert data["profile"]["exams"][0]["date"] == "2024-03-14"
    assert data["rank_list"]["order"] == plan.rank_list.order


def test_defaults_the_file_leaves_out_are_filled_in() -> None:
    plan = demo()
    plan.cycle = Cycle()
    plan.schedule.report_by = None
    plan.schedule.passing_score = None
    plan.schedule.aim = None
    data = json.loads(export_json(plan, TODAY))["plan"]
    assert data["cycle"] == {"applications_open": "2026-09-03", "programs_review": "2026-09-24",
                             "rank_deadline": "2027-03-01", "match_day": "2027-03-19"}
    assert data["schedule"]["aim"] in ("rank-deadline", "next-season")
    assert data["schedule"]["report_by"] is not None
    assert isinstance(data["schedule"]["passing_score"], int)


def test_stable_and_utf8_with_a_two_space_indent() -> None:
    plan = demo()
    plan.profile.name = "Zoë 林 \x1b]0;x\x07"
    first = export_json(plan, TODAY)
    assert first == export_json(plan, TODAY)
    assert '\n  "plan": {' in first and "Zoë 林" in first
    assert "\x1b" not in first and "\\u001b" in first  # a control character stays escaped
    assert json.loads(first)["plan"]["profile"]["name"] == plan.profile.name


def test_an_empty_list_and_no_backup() -> None:
    plan = demo()
    plan.rank_list.order.clear()
    plan.profile.backup_specialty = ""
    odds = json.loads(export_json(plan, TODAY))["odds"]
    assert odds["programs"] == [] and odds["p_matched"] == 0.0
    assert odds["expected_rank"] is None and odds["more_needed"]["backup"] is None


def test_the_command_line_writes_it(capsys, demo_path: Path, tmp_path: Path) -> None:
    assert main(["--file", str(demo_path), "export", "--format", "json"]) == 0
    out = capsys.readouterr().out
    assert list(json.loads(out)) == TOP_KEYS
    target = tmp_path / "plan.json"
    assert main(["--file", str(demo_path), "export", "--output", str(target)]) == 0
    assert json.loads(target.read_text(encoding="utf-8"))["odds"]["programs"]


def test_likelihood_names_are_the_files() -> None:
    plan = demo()
    plan.programs[0].likelihood = Likelihood.RED
    data = json.loads(export_json(plan, TODAY))["plan"]
    assert data["programs"][0]["likelihood"] == "red"
