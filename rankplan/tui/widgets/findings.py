"""The findings panel: the current findings, severity as a word and a colour."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from rankplan.core.findings import Finding, Section, Severity

SEVERITY_STYLE: dict[Severity, str] = {
    Severity.DANGER: "bold $text-error",
    Severity.WARNING: "bold $text-warning",
    Severity.INFO: "bold $text-accent",
}


def findings_content(findings: list[Finding], empty: str) -> Content:
    """Each finding as ``SEVERITY CODE`` over its message; the word carries the meaning."""
    if not findings:
        return Content.styled(empty, "italic $text-muted")
    parts: list[Content | tuple[str, str] | str] = []
    for i, finding in enumerate(findings):
        if i:
            parts.append("\n\n")
        parts.append((finding.severity.upper(), SEVERITY_STYLE[finding.severity]))
        parts.append(" ")
        parts.append((finding.code, "bold"))
        parts.append("\n")
        parts.append(finding.message)
    return Content.assemble(*parts)


class FindingsPanel(VerticalScroll, can_focus=True):
    """Findings of one section (or all), shown again by the app after every change."""

    DEFAULT_CSS = """
    FindingsPanel {
        border: round $primary 60%;
        border-title-color: $text;
        padding: 0 1;
        background: $surface;
    }
    FindingsPanel:focus { border: round $accent; }
    """

    def __init__(self, section: Section | None, *, title: str = "Findings", **kwargs) -> None:
        super().__init__(**kwargs)
        self.section = section
        self.border_title = title
        self._body = Static()

    def compose(self) -> ComposeResult:
        yield self._body

    def show(self, findings: list[Finding]) -> None:
        mine = [f for f in findings if self.section is None or f.section == self.section]
        self._body.update(findings_content(mine, "Nothing to flag here right now."))
        self.border_subtitle = f"{len(mine)} found" if mine else ""
