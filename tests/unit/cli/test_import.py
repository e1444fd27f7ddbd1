"""rankplan import CSV: under the lock, all or nothing, keeping the plan file's comments."""

from __future__ import annotations

from pathlib import Path

import pytest

from rankplan.cli import main
from rankplan.storage.read import read_plan
from rankplan.storage.store import PlanStore

GOOD = (
    "\ufeffname;specialty;preference;interview_date;notes\r\n"
    'Hôpital Nord;Internal Medicine;high;nov 30;"Two lines;\r\nof notes"\r\n'
    "Lakeshore Family Medicine;family medicine;medium;2026-12-04;\r\n"
)
BAD = (
    "name,preference,debrief.felt\n"
    "Fine,high,3\n"
    "Broken,hgih,3\n"
    "Also broken,low,9\n"
)


def snapshot(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


@pytest.fixture
def csv_file(tmp_path: Path):
    def write(text: str, name: str = "programs.csv", encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.write_bytes(text.encode(encoding))
        return path

    return write


def test_import_adds_the_programs_and_keeps_the_comments(capsys, demo_path: Path,
                                                        csv_file) -> None:
    before = read_plan(demo_path).plan
    assert main(["--file", str(demo_path), "import", str(csv_file(GOOD))]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"added 2 programs to {demo_path}\n")
    assert "2 of them are at the bottom of the rank list" in out
    after = read_plan(demo_path).plan
    assert after.programs[:-2] == before.programs
    north, lake = after.programs[-2:]
    assert north.name == "Hôpital Nord" and north.notes == "Two lines;\nof notes"
    assert lake.specialty == "Family Medicine"
    assert after.rank_list.order == [*before.rank_list.order, north.id, lake.id]
    text = demo_path.read_text(encoding="utf-8")
    assert text.startswith("# rankplan example plan (schema 1), opened by `rankplan demo`.")
    assert "# --- Rank list: program ids, rank 1 first" in text
    assert Path(f"{demo_path}.bak").exists(), "the usual backup before the first overwrite"


def test_a_bad_file_exits_2_reports_each_row_and_leaves_the_plan_as_it_was(
        capsys, demo_path: Path, csv_file) -> None:
    before = snapshot(demo_path)
    csv_path = csv_file(BAD)
    assert main(["--file", str(demo_path), "import", str(csv_path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert lines[0].startswith(f"{csv_path}:3:8: preference (cell B3): expected one of high")
    assert lines[1].startswith(f"{csv_path}:4:17: debrief.felt (cell C4): expected a number")
    assert lines[2] == "rankplan: nothing imported: fix the problems above and import again"
    assert snapshot(demo_path) == before
    assert not Path(f"{demo_path}.bak").exists()


def test_a_second_rankplan_holding_the_plan_makes_import_fail_clearly(
        capsys, demo_path: Path, csv_file) -> None:
    before = snapshot(demo_path)
    holder = PlanStore.open(demo_path)
    try:
        assert main(["--file", str(demo_path), "import", str(csv_file(GOOD))]) == 1
    finally:
        holder.close()
    err = capsys.readouterr().err
    assert err.startswith(f"rankplan: nothing imported: {demo_path} is open in another rankplan")
    assert snapshot(demo_path) == before
    assert main(["--file", str(demo_path), "import", str(csv_file(GOOD))]) == 0, \
        "once the other one lets go, the import works"


def test_an_invalid_plan_is_never_written(capsys, plan_file, csv_file) -> None:
    path = plan_file("schema = 1\nnot_a_key = 1\n")
    before = snapshot(path)
    assert main(["--file", str(path), "import", str(csv_file(GOOD))]) == 2
    err = capsys.readouterr().err
    assert f"{path}:2:1: not_a_key: unknown key" in err and "nothing imported" in err
    assert snapshot(path) == before


def test_import_into_a_new_plan_creates_it(capsys, tmp_path: Path, csv_file) -> None:
    path = tmp_path / "new" / "plan.toml"
    assert main(["--file", str(path), "import", str(csv_file(GOOD))]) == 0
    assert [p.name for p in read_plan(path).plan.programs] == [
        "Hôpital Nord", "Lakeshore Family Medicine"]


def test_a_bad_file_creates_no_new_plan(capsys, tmp_path: Path, csv_file) -> None:
    path = tmp_path / "new" / "plan.toml"
    assert main(["--file", str(path), "import", str(csv_file(BAD))]) == 2
    assert not path.exists() and not path.parent.exists()


def test_importing_the_same_sheet_twice_is_refused(capsys, demo_path: Path, csv_file) -> None:
    sheet = csv_file(GOOD)
    assert main(["--file", str(demo_path), "import", str(sheet)]) == 0
    before = snapshot(demo_path)
    assert main(["--file", str(demo_path), "import", str(sheet)]) == 2
    err = capsys.readouterr().err
    assert '"Hôpital Nord" (Internal Medicine, categorical) is already in the plan as ' in err
    assert snapshot(demo_path) == before


def test_a_csv_in_another_encoding_is_refused_at_the_byte(capsys, demo_path: Path,
                                                          csv_file) -> None:
    path = csv_file("name\nCafé Hospital\n", encoding="cp1252")
    assert main(["--file", str(demo_path), "import", str(path)]) == 2
    assert capsys.readouterr().err.startswith(f"{path}:2:4: not UTF-8 (byte 0xe9)")


def test_a_missing_csv_file(capsys, demo_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "nowhere.csv"
    assert main(["--file", str(demo_path), "import", str(path)]) == 2
    assert capsys.readouterr().err.startswith(f"rankplan: cannot read {path}: ")


def test_import_cannot_run_read_only(capsys, demo_path: Path, csv_file) -> None:
    before = snapshot(demo_path)
    assert main(["--file", str(demo_path), "--read-only", "import", str(csv_file(GOOD))]) == 2
    assert "cannot run --read-only" in capsys.readouterr().err
    assert snapshot(demo_path) == before


def test_round_trip_through_the_command_line(capsys, demo_path: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "programs.csv"
    assert main(["--file", str(demo_path), "export", "-o", str(sheet)]) == 0
    fresh = tmp_path / "fresh.toml"
    assert main(["--file", str(fresh), "import", str(sheet)]) == 0
    out = capsys.readouterr().out
    assert "added 9 programs" in out
    assert 'new criterion "location" with weight 1' in out
    assert read_plan(fresh).plan.programs == read_plan(demo_path).plan.programs


EUROPEAN = (
    "Programme;Interview Date;Final Score\r\n"
    "Hôpital Nord;02/11/2026;4,2\r\n"
)


def test_an_ambiguous_date_is_refused_naming_date_order(capsys, demo_path: Path,
                                                        csv_file) -> None:
    before = snapshot(demo_path)
    assert main(["--file", str(demo_path), "import", str(csv_file(EUROPEAN))]) == 2
    err = capsys.readouterr().err
    assert '"02/11/2026" reads two ways' in err and "--date-order" in err
    assert snapshot(demo_path) == before


@pytest.mark.parametrize(("order", "expected"), [("dmy", "2026-11-02"), ("mdy", "2026-02-11")])
def test_date_order_says_how_to_read_it(capsys, demo_path: Path, csv_file, order: str,
                                        expected: str) -> None:
    path = csv_file(EUROPEAN)
    assert main(["--file", str(demo_path), "import", str(path), "--date-order", order]) == 0
    out = capsys.readouterr().out
    assert 'column "Final Score" read past' in out
    program = read_plan(demo_path).plan.programs[-1]
    assert program.name == "Hôpital Nord"
    assert program.interview_date.isoformat() == expected


def test_date_order_takes_only_mdy_or_dmy(capsys, demo_path: Path, csv_file) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--file", str(demo_path), "import", str(csv_file(EUROPEAN)), "--date-order", "ymd"])
    assert exit_.value.code == 2


def test_a_busy_plan_says_to_close_the_other_window_not_to_use_read_only(
        capsys, demo_path: Path, csv_file) -> None:
    """Import writes the plan, so --read-only (which it refuses) is no way out."""
    other = PlanStore.open(demo_path)
    try:
        before = snapshot(demo_path)
        assert main(["--file", str(demo_path), "import", str(csv_file(GOOD))]) == 1
    finally:
        other.close()
    err = capsys.readouterr().err
    assert err.startswith(f"rankplan: nothing imported: {demo_path} is open in another")
    assert "--read-only" not in err
    assert "close it there first" in err
    assert snapshot(demo_path) == before
