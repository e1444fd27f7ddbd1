"""The Rank list screen: order the programs, see the bands, the findings and the odds.

A move is one model call (``core.ranklist.move``); the app then recomputes findings and odds,
and this screen redraws only the rows between the old and the new position.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Static, TabbedContent, TabPane

from rankplan.core.findings import Finding, Section
from rankplan.core.likelihood import effective
from rankplan.core.model import Plan, Program
from rankplan.core.odds import MatchOdds
from rankplan.core.ranklist import band_sizes, move, rank, ranked, unrank, unranked
from rankplan.core.specialties import BUILTIN
from rankplan.core.words import more_needed_figure
from rankplan.tui.help_text import findings_help
from rankplan.tui.screens.base import PlanScreen
from rankplan.tui.widgets.checkbox import Checkbox
from rankplan.tui.widgets.findings import FindingsList
from rankplan.tui.widgets.form import readout
from rankplan.tui.widgets.odds_chart import OddsChart
from rankplan.tui.widgets.rank_table import RankHeader, RankRow, RankTable
from rankplan.tui.widgets.soap_list import SoapList
from rankplan.tui.widgets.title_bar import TitleBar
from rankplan.tui.widgets.footer import KeyFooter
from rankplan.tui.widgets.wrap_checkbox import WrapCheckbox

TRACK_SHORT = {"categorical": "cat", "preliminary": "prel", "transitional": "TY", "advanced": "adv"}
PREF_SHORT = {"high": "high", "medium": "med", "low": "low"}
SOAP_TICKS = {
    "cv_ready": "CV up to date",
    "backup_statement_ready": "statement for a backup specialty ready",
    "advisor_talked": "talked it through with an advisor",
}


ORDER_NOTE = "Order moves where you match, never whether."
# An empty list says how to fill it (a new plan showed only the column headings).
EMPTY_NO_PROGRAMS = ("No programs yet. Add each interview on the Debrief screen (F3, then a), "
                     "or import a spreadsheet (ctrl+p, Import programs from CSV): each new "
                     "program joins the bottom of this list.")
EMPTY_NONE_RANKED = "Nothing ranked yet: in Not ranked below, r puts a program on the list."


def odds_lines(odds: MatchOdds, plan: Plan) -> list[str]:
    """The odds panel's lines: the headline, the split by outcome, what more it takes."""
    expected = "-" if odds.expected_rank is None else f"{odds.expected_rank:.1f}"
    backup = plan.profile.backup_specialty
    names = {"primary": short_specialty(plan.profile.specialty),
             "backup": short_specialty(backup) if backup else "other", "preliminary": "prelim"}
    split = " · ".join(f"{names[k]} {p:.0%}" for k, p in odds.by_outcome.items()
                       if p >= 0.005 or k == "primary")
    more = " · ".join(f"{names[k]} {more_needed_figure(n)}"
                      for k, n in odds.more_needed.items() if k != "backup" or backup)
    return [
        f"Matched {odds.p_matched:.0%} · unmatched {odds.p_unmatched:.0%}",
        f"Top 3 {odds.p_top3:.0%} · expected rank {expected}",
        f"Into {split}",
        "More yellow for <10% unmatched:",
        more,
    ]


def short_specialty(name: str) -> str:
    words = [w for w in name.replace("-", " ").split() if w[0].isupper()]
    return "".join(w[0] for w in words)[:4] or name[:4]


class UnrankedTable(RankTable):
    """Programs in the plan but not on the list."""

    BINDINGS = [Binding("r,enter", "screen.rank_current", "Rank it", id="rank.add")]


class RankedTable(RankTable):
    BINDINGS = [Binding("x,delete", "screen.unrank_current", "Take off", id="rank.remove")]

    def move_requested(self, src: int, dst: int) -> None:
        # Applied now, not through a message: the next key (key repeat) reads the moved order.
        screen = self.screen
        if isinstance(screen, RankScreen):
            screen.move_program(src, dst)


class RankScreen(PlanScreen):
    BINDINGS = [
        Binding("question_mark", "app.help", "Help", show=False, id="rank.help"),
        Binding("ctrl+o", "show_tab", "Odds/SOAP", id="rank.tabs"),
    ]

    def action_show_tab(self) -> None:
        """Switch the right-hand panel between odds and findings, and the SOAP plan."""
        tabs = self.query_one(TabbedContent)
        tabs.active = "tab-soap" if tabs.active == "tab-odds" else "tab-odds"
        target = "#soap" if tabs.active == "tab-soap" else "#rank-findings"
        self.query_one(target).focus()

    @property
    def plan(self) -> Plan:
        return self.app.plan

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="rank-body"):
            with Vertical(id="rank-left"):
                yield Static("", id="rank-title", classes="panel-title")
                ranked_table = RankedTable(id="ranked")
                yield RankHeader(ranked_table, id="rank-columns")
                yield ranked_table
                yield Static("", id="unranked-title", classes="panel-title")
                yield UnrankedTable(ranked=False, id="unranked")
            with TabbedContent(id="rank-right"):
                with TabPane("Odds & findings", id="tab-odds"):
                    yield Static("", id="odds-summary")
                    yield Static("", id="odds-note")
                    yield OddsChart(id="odds-chart")
                    yield FindingsList(Section.RANK, id="rank-findings")
                with TabPane("SOAP plan", id="tab-soap"):
                    yield SoapList(id="soap")
                    for key, label in SOAP_TICKS.items():
                        yield WrapCheckbox(label, id=f"soap-{key}")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.app.plan_replaced.subscribe(self, lambda _plan: self.show_plan(), immediate=True)
        self.app.findings_changed.subscribe(self, self.show_derived, immediate=True)
        self.show_plan()
        self.query_one("#ranked", RankedTable).focus()

    def on_screen_resume(self) -> None:
        """Entering the screen: redraw (other screens may have changed names, signals or
        interviews) and put focus on the list with the first program selected."""
        table = self.query_one("#ranked", RankedTable)
        if table.cursor:
            table.cursor = 0
        if not self.plan_as_left:
            self.redraw()
        if self.focused is not table:  # each of these repaints, even when nothing moves
            table.focus()
        if table.scroll_y:
            table.scroll_home(animate=False, immediate=True)

    # -- showing -------------------------------------------------------------------------------

    def redraw(self) -> None:
        table = self.query_one("#ranked", RankedTable)
        self.show_plan(cursor_id=table.rows[0].id if table.rows else None)

    def _row(self, program: Program, chance: float | None,
             value: float | None = None) -> RankRow:
        return RankRow(
            id=program.id,
            name=program.name or program.id,
            specialty=short_specialty(program.specialty or self.plan.profile.specialty),
            track=TRACK_SHORT.get(program.track.value, program.track.value),
            preference=PREF_SHORT[program.preference.value],
            likelihood=effective(self.plan, program),
            chance=chance,
            value=value,
        )

    def show_plan(self, cursor_id: str | None = None) -> None:
        """Redraw both lists from the model (mount, undo, reload, rank or unrank)."""
        table = self.query_one("#ranked", RankedTable)
        other = self.query_one("#unranked", UnrankedTable)
        keep = cursor_id or table.current_id()
        odds: MatchOdds = self.app.odds
        programs = ranked(self.plan)
        specialties = {p.specialty or self.plan.profile.specialty for p in self.plan.programs}
        table.show_specialty = other.show_specialty = len(specialties) > 1
        top, bottom = band_sizes(len(programs))
        rows = [self._row(p, odds.at_rank[i], odds.values[i]) for i, p in enumerate(programs)]
        table.empty_text = EMPTY_NONE_RANKED if self.plan.programs else EMPTY_NO_PROGRAMS
        ids = [p.id for p in programs]
        table.set_rows(rows, top=top, bottom=bottom,
                       cursor=ids.index(keep) if keep in ids else table.cursor)
        rest = unranked(self.plan)
        other.set_rows([self._row(p, None) for p in rest])
        other.display = bool(rest)
        self.query_one("#unranked-title", Static).update(
            f"Not ranked ({len(rest)}): r puts one at the bottom of the list" if rest else "")
        self.query_one("#unranked-title").display = bool(rest)
        self.query_one("#soap", SoapList).show(self.plan.soap.order)
        self.query_one("#rank-findings", FindingsList).reset_height()
        with self.prevent(Checkbox.Changed):
            for key in SOAP_TICKS:
                self.query_one(f"#soap-{key}", Checkbox).value = getattr(self.plan.soap, key)
        self.show_derived(self.app.findings)

    def show_derived(self, findings: list[Finding]) -> None:
        """Findings and odds, after every change (only while this screen is shown)."""
        if not self.is_mounted or not self.in_sight:
            return
        odds: MatchOdds = self.app.odds
        r = len(odds.chances)
        readout(self.query_one("#rank-title", Static), wraps=False, content=(
            f"Rank list: {r} program{'s' * (r != 1)} · shift+↑↓ or drag to move · x take off"))
        # One line each, never wrapped: a move then changes figures, not the height, and
        # needs no new layout of the screen.
        readout(self.query_one("#odds-summary", Static), wraps=False,
                content="\n".join(odds_lines(odds, self.plan)))
        readout(self.query_one("#odds-note", Static), wraps=True,
                content="\n".join((ORDER_NOTE, *odds.caveats)))
        self.query_one("#odds-chart", OddsChart).show(odds.at_rank)
        self.query_one("#rank-findings", FindingsList).show(findings)

    # -- moves ---------------------------------------------------------------------------------

    def move_program(self, src: int, dst: int) -> None:
        """Move the program at rank index ``src`` to ``dst``: the model, then the rows.

        Called by the list as the key is handled, so a burst of keys applies in order, each
        to the order the previous one left."""
        table = self.query_one("#ranked", RankedTable)
        move(self.plan.rank_list.order, src, dst)
        self.app.order_changed()  # each move its own undo step
        lo, hi = min(src, dst), max(src, dst)
        programs = ranked(self.plan)
        odds: MatchOdds = self.app.odds
        table.apply_move(src, dst,
                         [self._row(programs[i], odds.at_rank[i], odds.values[i])
                          for i in range(lo, hi + 1)])

    def action_unrank_current(self) -> None:
        table = self.query_one("#ranked", RankedTable)
        pid = table.current_id()
        if pid is None:
            return
        self.app.settle()
        unrank(self.plan, pid)
        self.app.plan_changed()
        self.app.settle()
        self.show_plan()
        self.notify("Taken off the list; r in 'Not ranked' puts it back, ctrl+z undoes.",
                    timeout=3)

    def action_rank_current(self) -> None:
        other = self.query_one("#unranked", UnrankedTable)
        pid = other.current_id()
        if pid is None:
            return
        self.app.settle()
        rank(self.plan, pid, None)
        self.app.plan_changed()
        self.app.settle()
        self.show_plan(cursor_id=pid)
        if not other.rows:
            self.query_one("#ranked", RankedTable).focus()

    # -- findings and SOAP -----------------------------------------------------------------------

    @on(RankTable.CursorMoved, "#ranked")
    def _chart_follows(self, event: RankTable.CursorMoved) -> None:
        """The odds chart shows the rank the cursor is on (four ranks fit at 80x24)."""
        self.query_one("#odds-chart", OddsChart).follow(event.index + 1)

    @on(FindingsList.Chosen)
    def _finding(self, event: FindingsList.Chosen) -> None:
        for pid in event.finding.subjects:
            for table in (self.query_one("#ranked", RankedTable),
                          self.query_one("#unranked", UnrankedTable)):
                ids = [row.id for row in table.rows]
                if pid in ids:
                    table.focus()
                    table.select_index(ids.index(pid))
                    return

    @on(SoapList.Changed)
    def _soap(self, event: SoapList.Changed) -> None:
        self.plan.soap.order = event.order
        self.app.plan_changed()

    @on(Checkbox.Changed)
    def _soap_tick(self, event: Checkbox.Changed) -> None:
        key = (event.checkbox.id or "").removeprefix("soap-")
        if key in SOAP_TICKS and getattr(self.plan.soap, key) != event.value:
            setattr(self.plan.soap, key, event.value)
            self.app.plan_changed()

    # -- palette and help --------------------------------------------------------------------

    def commands(self) -> Iterable:
        from textual.app import SystemCommand

        yield SystemCommand("Move program up", "shift+up, alt+up or K",
                            lambda: self.query_one("#ranked", RankedTable).action_move(-1))
        yield SystemCommand("Move program down", "shift+down, alt+down or J",
                            lambda: self.query_one("#ranked", RankedTable).action_move(1))
        yield SystemCommand("Move program to the top", "shift+home",
                            lambda: self.query_one("#ranked", RankedTable).action_move_to(0))
        yield SystemCommand("Move program to the bottom", "shift+end",
                            lambda: self.query_one("#ranked", RankedTable).action_move_to(-1))
        yield SystemCommand("Take program off the list", "x in the rank list",
                            self.action_unrank_current)
        yield SystemCommand("Rank program", "r in the 'Not ranked' list", self.action_rank_current)

    def help_markdown(self) -> str:
        o = self.plan.odds
        table = "\n".join(f"| {s.name} | {s.tier} | {s.baseline:.0%} | {s.source} |"
                          for s in BUILTIN.values())
        return f"""\
# Rank list

Move the selected program with **shift+↑/↓**, **alt+↑/↓** or **K/J**; **shift+home/end**
sends it to the top or bottom. With the mouse, press on a program, drag it and let go; the
row shows where it will land, and **escape** cancels the drag. **x** takes a program off the
list; in *Not ranked*, **r** puts one back at the bottom. **ctrl+z** undoes a move.

## How the Match works

The Match places applicants with *applicant-proposing deferred acceptance*. For you this
means: moving a program up or down never changes **whether** you match, only **where**.
Adding a program you would attend never hurts you. So rankplan never asks you to drop a
program you would attend; put them in the order you truly prefer, then use the bands and
findings to check the list protects you.

## Bands

- **top** (reach): the first 2 to 4 places (a quarter of the list, at least 2, at most 4).
  Places you love even if the chance is lower; keep red "dream" picks to one or two.
- **core**: the bulk of the list: green and yellow programs you like.
- **bottom** (safety net): the last third: programs likely to rank you that you could live
  with. At least one should be green.

## Match odds

Each ranked row shows two figures:

- **here**: the chance that you match at that rank (the program takes you and none above it
  did). It moves when you reorder: putting a program higher gives it some of the chance of
  the programs it passes.
- **value**: how many percentage points your chance to match at all would drop without that
  program. It does not depend on the order, so a move never changes it: it shows what each
  program adds to the list.

The panel shows your chance to match and to go unmatched, the chance of a top-3 match, the
expected rank if you match, what you would match into (primary specialty, backup, or a
preliminary or transitional year only), and how many more yellow programs of each kind
would bring the chance of going unmatched under 10% ("+3", or ">20" when even twenty more
would not). Under it a bar per rank shows the chance of matching there; when the ranks do
not all fit, the chart follows the list's cursor, or **tab** to the chart and scroll it with
**↑/↓**, **pgup/pgdn**, **home/end**.

### The model, in plain words

Programs do not judge you independently: your file, your story and your letters are in
front of all of them. So the model gives you one hidden "strength of the file", the same
for every program, drawn from a bell curve whose width is `[odds] spread` (now {o.spread:g}).
For a given strength, each program takes you or not on its own; the odds average over all
strengths. This is why a long list helps less than intuition says: if the file is weak for
one program it tends to be weak for the others.

- Each specialty has a baseline B: the chance to match with ten yellow programs ranked and
  one failed attempt on record. Each program's chance starts from its specialty's B; green
  multiplies its odds by {o.green:g}, yellow by {o.yellow:g}, red by {o.red:g} (edit these
  in `[odds]`). A program's `match_chance`, if you set one, is its chance on its own.
- Going down the list you match at rank k if k takes you and none above did; you go
  unmatched if none does.

**Why spread 1.75.** The NRMP publishes how the chance to match grows with the number of
programs ranked (US seniors, rounded): 1 rank 55%, 2 ranks 70%, 3 ranks 78%, 5 ranks 86%,
7 ranks 90%, 10 ranks 93%, 15 ranks 95%. With a spread of 1.75 the model follows that curve
to within half a point. Programs taken as independent (spread 0, the model of earlier
versions) cannot follow it (their error is about 7 points), and they overstate long lists:
30 yellow Psychiatry programs give a 4% chance of going unmatched when independent, 17%
with the shared strength. Set `spread = 0` in `[odds]` to see the independent figures.

**What the figures do not cover.** B assumes one failed attempt: with more on record, read
the odds as an upper bound. Supplemental lists (a preliminary year with an advanced
position) and couples matching are not modelled.

The B values are rough: "advisors' ballpark" marks the figures the advisors give (their own
words: not exact data); "estimate" marks this project's interpolation by tier.

| specialty | tier | B | source |
|---|---|---|---|
{table}

## Findings

{findings_help(Section.RANK)}

## SOAP plan

If you do not match, the Supplemental Offer and Acceptance Program runs in Match week.
Order the options you would take (space adds or removes one, shift+↑/↓ moves it) and tick
what is ready.
"""
