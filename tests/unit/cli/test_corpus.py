"""Every invalid file of the TOML conformance corpus: ``check`` exits 2, says where, writes nothing.

Each file is copied into a private folder first and checked in-process (fast). The corpus lives
outside the repository (helpers.CORPUS); without it these tests are skipped, saying why.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from helpers import CORPUS

from rankplan.cli import main

INVALID = CORPUS / "invalid"


def corpus_cases() -> list:
    if not INVALID.is_dir():
        return [pytest.param(None, marks=pytest.mark.skip(
            reason=f"TOML conformance corpus not found at {INVALID}"), id="corpus-missing")]
    files = sorted(p.relative_to(INVALID).as_posix() for p in INVALID.rglob("*") if p.is_file())
    return [pytest.param(rel, id=rel) for rel in files]


def test_corpus_holds_the_expected_files() -> None:
    if not INVALID.is_dir():
        pytest.skip(f"TOML conformance corpus not found at {INVALID}")
    files = [p for p in INVALID.rglob("*") if p.is_file()]
    assert len(files) > 400, "the invalid/ folder looks incomplete"
    assert any(p.suffix == ".multi" for p in files)


@pytest.mark.parametrize("rel", corpus_cases())
def test_invalid_toml_is_refused_with_a_location(
    rel: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / Path(rel).name
    shutil.copyfile(INVALID / rel, copy)
    before = copy.read_bytes(), copy.stat().st_mtime_ns

    assert main(["--file", str(copy), "check"]) == 2

    lines = capsys.readouterr().out.splitlines()
    located = re.compile(re.escape(str(copy)) + r"(:\d+:\d+: |: [^\s:]+: )\S")
    assert any(located.match(line) for line in lines), lines
    assert (copy.read_bytes(), copy.stat().st_mtime_ns) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [copy.name], "nothing else is written"
