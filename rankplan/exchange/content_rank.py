"""The RANK LIST, FINDINGS and MATCH ODDS sections."""

from __future__ import annotations

from datetime import date

from rankplan.core.criteria import program_fit
from rankplan.core.findings import Finding
from rankplan.core.likelihood import suggestion_for
from rankplan.core.model import Likelihood, Plan, Program
from rankplan.core.odds import MatchOdds, baseline_of, override
from rankplan.core.ranklist import band_of, band_sizes, ranked, unranked
from rankplan.exchange.blocks import (
    Align,
    Bars,
    Block,
    Column,
    Entry,
    Fields,
    Lines,
    Marker,
    Paragraph,
    Section,
    Subheading,
    Table,
)
from rankplan.exchange.words import days_from, number, percent, plural


def _bands(r: int) -> str:
    top, bottom = band_sizes(r)
    parts = [f"top {_span(1, top)}"]
    if r - top - bottom > 0:
        parts.append(f"core {_span(top + 1, r - bottom)}")
    if bottom:
        parts.append(f"bottom {_span(r - bottom + 1, r)}")
    return ", ".join(parts)


def _span(first: int, last: int) -> str:
    return str(first) if first == last else f"{first}-{last}"


def _likelihood_line(plan: Plan, program: Program) -> str:
    suggestion = suggestion_for(plan, program)
    reasons = "; ".join(r.label() for r in suggestion.reasons) or "no signals recorded"
    if program.likelihood is Likelihood.UNSET:
        return f"Likelihood: {suggestion.likelihood.value}, suggested by the debrief ({reasons})."
    if program.likelihood == suggestion.likelihood:
        return (f"Likelihood: {program.likelihood.value}, set by you; the debrief agrees "
                f"({reasons}).")
    return (f"Likelihood: {program.likelihood.value}, set by you; the debrief suggests "
            f"{suggestion.likelihood.value} ({reasons}).")


def _entry(plan: Plan, program: Program, today: date, odds: MatchOdds,
           rank: int | None) -> Entry:
    name = program.name or program.id
    where = ", ".join((program.specialty or plan.profile.specialty, program.track.value,
                       program.setting.value))
    if program.location:
        where += f"; {program.location}"
    details = [where]
    if program.interview_date:
        details.append(f"Interview: {program.interview_date.isoformat()} "
                       f"({days_from(today, program.interview_date)}).")
    details.append(f"Preference: {program.preference.value}. {_likelihood_line(plan, program)}")
    source = "your own estimate" if override(program) is not None else "the model"
    chance = (f"Chance this program takes you: {percent(odds.every_chance[program.id])} "
              f"({source})")
    if rank is not None:
        chance += (f"; chance you match here: {percent(odds.at_rank[rank - 1])}; without it "
                   f"P(matched) would drop {points(odds.values[rank - 1])} points.")
    else:
        chance += "; not on the rank list."
    details.append(chance)
    fit = program_fit(plan, program)
    if fit is not None:
        scores = ", ".join(f"{k} {v}" for k, v in program.criteria.items())
        details.append(f"Fit: {fit:.1f} of 5 ({scores}).")
    if program.would_not_attend:
        details.append("You would not attend this program.")
    title = f"{rank}. {name}" if rank is not None else f"Not ranked: {name}"
    return Entry(title, tuple(details), program.notes)


def rank_section(plan: Plan, odds: MatchOdds, today: date) -> Section:
    programs = ranked(plan)
    rest = unranked(plan)
    r, n = len(programs), len(plan.programs)
    blocks: list[Block] = []
    if not programs:
        blocks.append(Paragraph(f"No programs ranked yet ({plural(n, 'program')} in the plan)."))
    else:
        blocks.append(Paragraph(
            f"{r} of {plural(n, 'program')} ranked. Bands by position: {_bands(r)}. The order "
            "decides where you land, not whether you match."))
        rows = []
        own = False
        for i, (program, likelihood) in enumerate(zip(programs, odds.likelihoods)):
            mark = ""
            if program.likelihood is not Likelihood.UNSET:
                mark, own = "*", True
            rows.append((
                str(i + 1), band_of(i, r).value, program.name or program.id,
                program.preference.value, likelihood.value + mark, percent(odds.at_rank[i]),
                points(odds.values[i]),
            ))
        blocks.append(Table(
            (Column("Rank", Align.RIGHT), Column("Band"), Column("Program", wrap=True),
             Column("Pref"), Column("Likelihood"), Column("Here", Align.RIGHT),
             Column("Value", Align.RIGHT)),
            tuple(rows),
        ))
        note = ("Here: the chance you match at that rank; it moves when the order changes. "
                "Value: how many points P(matched) would drop without the program; the order "
                "never changes it.")
        if own:
            note += " *: likelihood set by you rather than suggested."
        blocks.append(Paragraph(note))
    if rest:
        blocks.append(Subheading("Not ranked"))
        blocks.append(Lines(tuple(
            f"{p.name or p.id}: "
            + ("you would not attend." if p.would_not_attend
               else "not on the list, and not marked as one you would not attend.")
            for p in rest)))
    if plan.programs:
        blocks.append(Subheading("Programs in detail"))
        if plan.criteria:
            weights = ", ".join(f"{k} {number(v)}" for k, v in plan.criteria.items())
            blocks.append(Paragraph(
                f"Fit is the mean of your criteria scores (1-5) weighted by: {weights}."))
        blocks += [_entry(plan, p, today, odds, i + 1) for i, p in enumerate(programs)]
        blocks += [_entry(plan, p, today, odds, None) for p in rest]
    return Section("RANK LIST", "Rank list", tuple(blocks))


def findings_section(findings: list[Finding]) -> Section:
    if not findings:
        blocks: tuple[Block, ...] = (Paragraph("No findings: nothing in the plan is flagged."),)
    else:
        blocks = (
            Paragraph("Most severe first (danger, warning, info), as rankplan check lists them."),
            Lines(tuple(f.line() for f in findings), Marker.NONE, hang=5),
        )
    return Section("FINDINGS", "Findings", blocks)


def points(x: float) -> str:
    """Percentage points with one decimal: 0.107 -> "10.7"."""
    return f"{x * 100:.1f}"


OUTCOME_LABELS = {"primary": "Primary specialty (categorical or advanced)",
                  "backup": "Another specialty (backup)",
                  "preliminary": "A preliminary or transitional year only"}


def _more_words(n: int | None) -> str:
    if n is None:
        return "more than 20 (even twenty more would not)"
    return "none: it is under 10% already" if n == 0 else f"{n} more"


def _assumptions(plan: Plan) -> str:
    programs = ranked(plan)
    names = dict.fromkeys(p.specialty or plan.profile.specialty for p in programs)
    if not names:
        names = {plan.profile.specialty: None}
    baselines = ", ".join(f"{name} {percent(baseline_of(plan, name))}" for name in names)
    o = plan.odds
    shared = (f"Every program sees the same file, so the model gives you one shared strength "
              f"(a bell curve of spread {number(o.spread)}) and, for each strength, an "
              "independent chance per program; the figures average over strengths. Spread "
              "1.75 follows the NRMP's published chance to match by number of programs ranked "
              "(1 rank 55%, 5 ranks 86%, 15 ranks 95%) to within half a point."
              if o.spread > 0 else
              "Spread 0: programs are taken as independent (the model of earlier versions), "
              "which overstates what a long list buys.")
    return (f"Assumptions: each specialty's baseline is the chance to match with ten yellow "
            f"programs ranked ({baselines}); likelihood multiplies a program's odds (green "
            f"x{number(o.green)}, yellow x{number(o.yellow)}, red x{number(o.red)}); a chance "
            f"you set yourself is that program's own chance. {shared} Baselines are advisors' "
            "ballpark figures and estimates, not published data.")


def odds_section(plan: Plan, odds: MatchOdds) -> Section:
    blocks: list[Block] = []
    if not odds.chances:
        blocks.append(Paragraph("Nothing is ranked, so there are no odds to show: an empty "
                                "list does not match."))
    else:
        expected = "-" if odds.expected_rank is None else f"{odds.expected_rank:.1f} (if you match)"
        blocks.append(Fields((
            ("P(matched)", percent(odds.p_matched)),
            ("P(unmatched)", percent(odds.p_unmatched)),
            ("P(top 3)", percent(odds.p_top3)),
            ("Expected rank", expected),
        )))
        blocks.append(Subheading("What you would match into"))
        blocks.append(Fields(tuple((OUTCOME_LABELS[k], percent(p))
                                   for k, p in odds.by_outcome.items())))
    blocks.append(Subheading("What more it takes"))
    backup = plan.profile.backup_specialty
    more = [(f"Yellow {plan.profile.specialty} programs", odds.more_needed["primary"])]
    if backup:
        more.append((f"Yellow {backup} programs", odds.more_needed["backup"]))
    more.append(("Yellow preliminary programs", odds.more_needed["preliminary"]))
    blocks.append(Paragraph("How many more programs of each kind would bring P(unmatched) "
                            "under 10%:"))
    blocks.append(Fields(tuple((label, _more_words(n)) for label, n in more)))
    blocks.append(Paragraph(_assumptions(plan)))
    blocks.append(Lines(odds.caveats))
    if odds.chances:
        blocks.append(Subheading("Chance of matching at each rank"))
        rows = [(str(k), p, percent(p)) for k, p in enumerate(odds.at_rank, 1)]
        rows.append(("unmatched", odds.p_unmatched, percent(odds.p_unmatched)))
        blocks.append(Bars(tuple(rows)))
        blocks.append(Paragraph("Moving a program changes where you are likely to land; only "
                                "which programs are on the list changes P(matched)."))
    return Section("MATCH ODDS", "Match odds", tuple(blocks))

