"""The REAPPLY section (DESIGN §4, §2.6): shown only when the plan has ``[reapply]``."""

from __future__ import annotations

from datetime import date

from rankplan.core.model import Decision, Plan, Reapply
from rankplan.core.reapply import autopsy, decision_rules, season_ahead
from rankplan.core.targets import application_target
from rankplan.exchange.blocks import Block, Column, Fields, Lines, Paragraph, Section, Subheading, Table
from rankplan.exchange.words import day, percent, plural

DECISION_WORDS = {
    Decision.UNSET: "not decided yet",
    Decision.STAY: "stay in the same specialty",
    Decision.REBRAND: "rebrand (the same specialty, a broader and less competitive list)",
    Decision.PIVOT: "pivot to another specialty",
}
GAP_YEAR_WORDS = {"": "not chosen yet", "research": "research", "prelim": "preliminary year",
                  "clinical-job": "clinical job", "other": "other"}


def reapply_sections(plan: Plan, today: date) -> tuple[Section, ...]:
    """The REAPPLY section, or nothing for a plan without ``[reapply]``."""
    r = plan.reapply
    return () if r is None else (reapply_section(plan, r, today),)


def _last_cycle(plan: Plan, r: Reapply, today: date) -> list[tuple[str, str]]:
    a = autopsy(plan, r, today)
    match = f"{r.last_cycle} Match" if r.last_cycle else "year not given"
    rate = f" ({percent(a.interview_rate)} of applications)" if a.interview_rate is not None else ""
    if a.score_late is None:
        timing = day(r.score_reported)
    else:
        when = "after" if a.score_late else "before"
        timing = (f"{day(r.score_reported)}, {when} programs began reviewing on "
                  f"{a.review_began.isoformat()}")
    return [
        ("Last cycle", f"{match}, {r.specialty or plan.profile.specialty}; "
                       f"{plural(r.cycles_unmatched, 'Match', 'Matches')} unmatched so far"),
        ("Applications", f"{r.applications} ({r.geography.value or 'breadth not recorded'})"),
        ("Interviews", f"{r.interviews_offered} offered{rate}, {r.interviews_attended} "
                       f"attended, {r.ranked} ranked"),
        ("ERAS went in", day(r.submitted)),
        ("Score reported", timing),
        ("Statement", r.statement.value or "not recorded"),
    ]


def reapply_section(plan: Plan, r: Reapply, today: date) -> Section:
    blocks: list[Block] = [Fields(tuple(_last_cycle(plan, r, today)))]
    if r.feedback:
        blocks.append(Subheading("What you were told"))
        blocks.append(Lines(tuple(f"{f.source or 'someone'}: {f.said or '(nothing noted)'}"
                                  for f in r.feedback)))
    blocks.append(Subheading("The decision"))
    decision = DECISION_WORDS[r.decision]
    if r.decision is Decision.PIVOT and r.pivot_specialty:
        decision = f"pivot to {r.pivot_specialty}"
    blocks.append(Fields((("Decision", decision),)))
    applying = [text for applies, text in decision_rules(plan) if applies]
    if applying:
        blocks.append(Paragraph("What advisors say about a record like yours:"))
        blocks.append(Lines(tuple(applying)))
    season = season_ahead(plan, today)
    target = application_target(plan)
    blocks.append(Subheading("The year's plan"))
    gap = GAP_YEAR_WORDS[r.gap_year.value]
    if r.gap_year_outputs:
        gap += f"; it must produce: {r.gap_year_outputs}"
    blocks.append(Fields((
        ("Gap year", gap),
        ("Last US clinical", day(r.last_clinical)),
        ("Applications", f"{r.applications_planned or 'not planned yet'}; target: "
                         f"{target.line()}"),
        ("ERAS planned", f"{day(r.submit_on)}; applications open "
                         f"{day(season.applications_open)}"),
    )))
    blocks.append(Subheading("Letters"))
    if r.letters:
        blocks.append(Table(
            (Column("Author", wrap=True), Column("Specialty", wrap=True), Column("Date"),
             Column("Status")),
            tuple((x.author or "-", x.specialty or "-", day(x.date), x.status.value)
                  for x in r.letters),
        ))
    else:
        blocks.append(Paragraph("No letters planned yet."))
    blocks.append(Subheading("Advocates"))
    if r.advocates:
        blocks.append(Table(
            (Column("Name", wrap=True), Column("Programs", wrap=True), Column("Status")),
            tuple((x.name or "-", ", ".join(_program_name(plan, p) for p in x.programs) or "-",
                   x.status.value) for x in r.advocates),
        ))
    else:
        blocks.append(Paragraph("No advocates yet."))
    return Section("REAPPLY", "Reapply", tuple(blocks))


def _program_name(plan: Plan, pid: str) -> str:
    program = plan.program(pid)
    return (program.name or pid) if program else pid
