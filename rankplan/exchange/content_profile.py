"""The PROFILE and SOAP PLAN sections."""

from __future__ import annotations

from rankplan.core.model import (
    APPLICANT_TYPE_LABELS,
    EXAM_LABELS,
    RISK_PROFILE_TEXT,
    AdvisorView,
    Plan,
)
from rankplan.core.specialties import resolve
from rankplan.core.targets import application_target
from rankplan.exchange.blocks import (
    Align,
    Block,
    Checklist,
    Column,
    Fields,
    Lines,
    Marker,
    Paragraph,
    Section,
    Subheading,
    Table,
)
from rankplan.exchange.words import SOAP_WORDS, TIER_WORDS, day, percent


def describe_specialty(plan: Plan, name: str) -> str:
    spec = resolve(plan, name)
    if spec is None:
        return name
    return f"{name} ({TIER_WORDS[spec.tier]}; baseline {percent(spec.baseline)})"


def profile_section(plan: Plan) -> Section:
    p = plan.profile
    backup = describe_specialty(plan, p.backup_specialty) if p.backup_specialty else "none"
    fields = [
        ("Name", p.name or "(not given)"),
        ("Applicant type", APPLICANT_TYPE_LABELS[p.applicant_type]),
        ("Risk profile", f"{p.risk_profile.value}: {RISK_PROFILE_TEXT[p.risk_profile]}"),
        ("Specialty", describe_specialty(plan, p.specialty)),
        ("Backup specialty", backup),
        ("Graduation year", str(p.graduation_year) if p.graduation_year else "(not given)"),
    ]
    if p.advisor_view is not AdvisorView.UNSET:
        fields.append(("Advisor's view", p.advisor_view.value))
    fields.append(("Applications", application_target(plan).line()))
    blocks: list[Block] = [Fields(tuple(fields)), Subheading("Exams")]
    if p.exams:
        blocks.append(Table(
            (Column("Exam"), Column("Date"), Column("Result"), Column("Score", Align.RIGHT)),
            tuple(
                (EXAM_LABELS[a.exam], day(a.date), a.result.value, str(a.score) if a.score else "-")
                for a in p.exams
            ),
        ))
    else:
        blocks.append(Paragraph("No exam attempts recorded."))
    blocks.append(Subheading("The failure story"))
    blocks.append(Fields((
        ("What happened", p.story_context or "(not written yet)"),
        ("What changed", p.story_changes or "(not written yet)"),
        ("What proves it", p.story_evidence or "(not written yet)"),
    )))
    return Section("PROFILE", "Profile", tuple(blocks))


def soap_section(plan: Plan) -> Section:
    soap = plan.soap
    blocks: list[Block] = []
    if soap.order:
        blocks.append(Paragraph(
            "If Match Day leaves you without a position, apply in the Supplemental Offer and "
            "Acceptance Program (SOAP) for these, best first:"))
        blocks.append(Lines(tuple(SOAP_WORDS[o] for o in soap.order), Marker.NUMBER))
    else:
        blocks.append(Paragraph("No SOAP options chosen yet."))
    blocks.append(Checklist((
        (soap.cv_ready, "CV ready"),
        (soap.backup_statement_ready, "Personal statement for the backup ready"),
        (soap.advisor_talked, "Talked the SOAP plan through with an advisor"),
    )))
    return Section("SOAP PLAN", "SOAP plan", tuple(blocks))
