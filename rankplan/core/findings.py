"""What a finding is, and the registry every rule joins (one small function per code)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from rankplan.core.model import Plan


class Severity(StrEnum):
    DANGER = "danger"
    WARNING = "warning"
    INFO = "info"


SEVERITY_ORDER: dict[Severity, int] = {Severity.DANGER: 0, Severity.WARNING: 1, Severity.INFO: 2}


class Section(StrEnum):
    PROFILE = "profile"
    DEBRIEF = "debrief"
    RANK = "rank"
    SCHEDULE = "schedule"
    REAPPLY = "reapply"


@dataclass(frozen=True)
class Finding:
    code: str
    severity: Severity
    message: str
    section: Section
    subjects: tuple[str, ...] = ()  # program ids the finding is about

    def line(self) -> str:
        """The finding as ``check`` prints it: ``CODE severity message``."""
        return f"{self.code} {self.severity} {self.message}"


@dataclass(frozen=True)
class Hit:
    """What a rule reports; the registry adds the code and the section."""

    message: str
    subjects: tuple[str, ...] = ()
    severity: Severity | None = None  # None = the rule's own severity


Check = Callable[[Plan, date], Iterable[Hit]]


@dataclass(frozen=True)
class Rule:
    code: str
    severity: Severity
    section: Section
    summary: str  # one line for the help screen
    check: Check


REGISTRY: dict[str, Rule] = {}


def rule(code: str, severity: Severity, section: Section, summary: str) -> Callable[[Check], Check]:
    """Register ``check`` under ``code``; a code may be registered once."""

    def register(check: Check) -> Check:
        if code in REGISTRY:
            raise ValueError(f"finding {code} is registered twice")
        REGISTRY[code] = Rule(code, severity, section, summary, check)
        return check

    return register


def finding_order(finding: Finding) -> tuple[int, str]:
    """Most severe first, then by code (a stable sort keeps each rule's own order)."""
    return SEVERITY_ORDER[finding.severity], finding.code


def run_rules(plan: Plan, today: date, rules: Iterable[Rule]) -> list[Finding]:
    found = [
        Finding(r.code, hit.severity or r.severity, hit.message, r.section, hit.subjects)
        for r in rules
        for hit in r.check(plan, today)
    ]
    found.sort(key=finding_order)
    return found
