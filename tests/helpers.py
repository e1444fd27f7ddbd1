"""Constants and small helpers shared by the tests (importable: tests/ is on pythonpath)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
DEMO = ROOT / "rankplan" / "data" / "demo.toml"
CORPUS = ROOT.parent / "shared" / "corpora" / "toml-test"
TODAY = date(2026, 11, 21)
