"""Export the plan (text, Markdown, CSV, iCalendar) and import programs from a CSV file.

Nothing here is imported at start-up: the CLI and the app import these modules inside the
commands that use them.
"""
