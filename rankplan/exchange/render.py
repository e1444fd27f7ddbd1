"""One entry point for every export format, shared by the command line and the app."""

from __future__ import annotations

from datetime import date, datetime

from rankplan.core.model import Plan

# format -> the file extension it is saved with
EXTENSIONS: dict[str, str] = {"text": ".txt", "markdown": ".md", "csv": ".csv", "ics": ".ics",
                              "json": ".json"}


def render(fmt: str, plan: Plan, today: date, *, revised: datetime | None = None) -> str:
    """The plan in ``fmt`` (text, markdown, csv, ics or json). ``revised``: when the plan last
    changed (its file's modification time; default now), for the calendar's revisions."""
    if fmt == "json":
        from rankplan.exchange.json_export import export_json

        return export_json(plan, today)
    if fmt == "markdown":
        from rankplan.exchange.markdown import export_markdown

        return export_markdown(plan, today)
    if fmt == "csv":
        from rankplan.exchange.csv_export import export_csv

        return export_csv(plan, today)
    if fmt == "ics":
        from rankplan.exchange.ics import export_ics

        return export_ics(plan, today, revised=revised)
    from rankplan.exchange.text import export_text

    return export_text(plan, today)
