"""rankplan path and --version: which file is used, and the version line."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from rankplan import __version__
from rankplan.cli import main


def printed_path(capsys: pytest.CaptureFixture[str], argv: list[str]) -> Path:
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert out.endswith("\n") and out.count("\n") == 1, out
    return Path(out.strip())


def test_default_path_is_under_xdg_data_home(capsys) -> None:
    expected = Path(os.environ["XDG_DATA_HOME"]) / "rankplan" / "plan.toml"
    assert printed_path(capsys, ["path"]) == expected


def test_file_option_wins_over_the_default(capsys, tmp_path: Path) -> None:
    target = tmp_path / "mine.toml"
    assert printed_path(capsys, ["--file", str(target), "path"]) == target


def test_file_option_after_the_command_works_too(capsys, tmp_path: Path) -> None:
    target = tmp_path / "mine.toml"
    assert printed_path(capsys, ["path", "--file", str(target)]) == target


def test_rankplan_file_variable_wins_over_the_default(capsys, monkeypatch, tmp_path: Path) -> None:
    target = tmp_path / "from-env.toml"
    monkeypatch.setenv("RANKPLAN_FILE", str(target))
    assert printed_path(capsys, ["path"]) == target


def test_file_option_wins_over_the_variable(capsys, monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("RANKPLAN_FILE", str(tmp_path / "from-env.toml"))
    target = tmp_path / "from-option.toml"
    assert printed_path(capsys, ["--file", str(target), "path"]) == target


def test_path_does_not_create_the_file(capsys, tmp_path: Path) -> None:
    target = tmp_path / "mine.toml"
    printed_path(capsys, ["--file", str(target), "path"])
    assert not target.exists()


def test_version_prints_the_package_version_and_exits_0(capsys) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.strip() == f"rankplan {__version__}"
