"""The bare Textual app of bare.py with a key that changes its line: the reference for a key's
latency in a real terminal (latency_pty.py)."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.widgets import Footer, Header, Static

from bare import BareApp


class BareKeysApp(BareApp):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("hello", id="line")
        yield Footer()

    def on_key(self, event: events.Key) -> None:
        self.query_one("#line", Static).update(f"hello {event.key}")


if __name__ == "__main__":
    BareKeysApp().run()
