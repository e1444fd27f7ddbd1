"""The text and Markdown exports of the demo plan, byte for byte (see golden/README.md)."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from helpers import TODAY

from rankplan.core.model import Plan
from rankplan.exchange.markdown import export_markdown
from rankplan.exchange.text import export_text

GOLDEN = Path(__file__).parent / "golden"
REGENERATE = os.environ.get("REGENERATE_GOLDEN") == "1"

EXPORTS: dict[str, Callable[[Plan, date], str]] = {
    "demo.txt": export_text,
    "demo.md": export_markdown,
}


@pytest.mark.parametrize("name", sorted(EXPORTS))
def test_demo_export_matches_its_golden_file(name: str, demo_plan: Plan) -> None:
    produced = EXPORTS[name](demo_plan, TODAY)
    path = GOLDEN / name
    if REGENERATE:
        path.write_bytes(produced.encode("utf-8"))
        pytest.skip(f"regenerated golden/{name}")
    assert path.exists(), f"{path} is missing: run with REGENERATE_GOLDEN=1 (golden/README.md)"
    expected = path.read_bytes().decode("utf-8")
    assert produced == expected, (
        f"the {name} export changed; if that is intended, regenerate the golden files "
        "with REGENERATE_GOLDEN=1 and review the diff (golden/README.md)"
    )


def test_golden_files_are_plain_lf_utf8() -> None:
    for name in EXPORTS:
        data = (GOLDEN / name).read_bytes()
        assert b"\r" not in data
        data.decode("utf-8")
        assert data.endswith(b"\n") and not data.endswith(b"\n\n")
