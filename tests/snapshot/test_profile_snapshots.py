"""SVG snapshots of the Profile screen and the shell's views, at 80x24 and 120x40."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import press_then_steady

from rankplan.tui.app import RankPlanApp

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]



class TestProfile:
    @pytest.mark.parametrize("size", SIZES)
    def test_demo(self, snap_compare, demo_here: Path, size) -> None:
        assert snap_compare(RankPlanApp(demo_here), terminal_size=size,
                            run_before=press_then_steady())

    @pytest.mark.parametrize("size", SIZES)
    def test_findings_when_story_missing(self, snap_compare, demo_here: Path, size) -> None:
        text = demo_here.read_text(encoding="utf-8")
        start = text.index("story_evidence")
        end = text.index("\n", text.index('"', text.index('"', start) + 1) + 1)
        demo_here.write_text(text[:start] + 'story_evidence = ""\n' + text[end:], encoding="utf-8")
        assert snap_compare(RankPlanApp(demo_here), terminal_size=size,
                            run_before=press_then_steady())

    def test_exam_dialog(self, snap_compare, demo_here: Path) -> None:
        assert snap_compare(RankPlanApp(demo_here), terminal_size=(80, 24),
                            run_before=press_then_steady("ctrl+n"))

    def test_help(self, snap_compare, demo_here: Path) -> None:
        assert snap_compare(RankPlanApp(demo_here), terminal_size=(120, 40),
                            run_before=press_then_steady("f1"))


class TestPlanError:
    @pytest.mark.parametrize("size", SIZES)
    def test_invalid_file(self, snap_compare, tmp_path: Path, monkeypatch, size) -> None:
        monkeypatch.chdir(tmp_path)
        Path("plan.toml").write_text(
            'schema = 1\n[profile]\nnmae = "x"\n[[programs]]\nid = "a"\npreference = "hgih"\n',
            encoding="utf-8",
        )
        assert snap_compare(RankPlanApp(Path("plan.toml")), terminal_size=size,
                            run_before=press_then_steady())
