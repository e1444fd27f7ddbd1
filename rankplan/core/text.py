"""Plan text made safe to show: control characters become visible escapes (DESIGN §4).

Text from the plan is data. Before it reaches a terminal, a report or a message, every C0
control character but tab and newline, DEL and every C1 control character is replaced by a
visible escape such as ``\\x1b``, so a name can never retitle the window or clear the screen.
"""

from __future__ import annotations

import re

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _escape(match: re.Match[str]) -> str:
    return f"\\x{ord(match.group()):02x}"


def visible(text: str) -> str:
    """``text`` with control characters (C0 but tab and newline, DEL, C1) shown as ``\\xNN``.

    A CR that ends a line (CRLF) is a line break, not a control character: it becomes LF."""
    return _CONTROL.sub(_escape, text.replace("\r\n", "\n"))


def one_line(text: str) -> str:
    """``visible(text)`` on one line, for output read line by line (``check``): a line break
    or a tab in plan text shows as ``\\n`` or ``\\t``."""
    return visible(text).replace("\n", "\\n").replace("\t", "\\t")


def has_control(text: str) -> bool:
    """True when ``text`` holds a character that :func:`visible` would escape."""
    return _CONTROL.search(text) is not None
