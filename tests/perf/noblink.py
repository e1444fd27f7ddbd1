"""Run a Textual app with its text cursors steady: ``python noblink.py -m MODULE ARGS`` or
``python noblink.py SCRIPT ARGS``.

A text cursor blinks every half second whatever the keys do. In a pty, where every byte the
app writes is seen, a blink that falls within a key's quiet window (latency_pty.py's SETTLE)
would be taken for the key's last output. latency.py stops the blinks the same way."""

from __future__ import annotations

import os
import runpy
import sys

from textual.widgets import Input, TextArea

Input._toggle_cursor = lambda self: None  # type: ignore[method-assign]
TextArea._toggle_cursor_blink_visible = lambda self: None  # type: ignore[method-assign]

if __name__ == "__main__":
    if sys.argv[1] == "-m":
        module, sys.argv = sys.argv[2], [sys.argv[2], *sys.argv[3:]]
        runpy.run_module(module, run_name="__main__", alter_sys=True)
    else:
        script, sys.argv = sys.argv[1], sys.argv[1:]
        sys.path.insert(0, os.path.dirname(os.path.abspath(script)))  # as python SCRIPT does
        runpy.run_path(script, run_name="__main__")
