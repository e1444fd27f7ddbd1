"""The command palette: Textual's, without the work it does at every ctrl+p that rankplan's
screens do not need (issue 16: the palette within 1.2x a bare Textual app's)."""

from __future__ import annotations

from textual import events, on
from textual.command import Command, CommandInput, CommandList, DiscoveryHit
from textual.command import CommandPalette as TextualPalette
from textual.content import Content
from textual.screen import Screen
from textual.style import Style
from textual.system_commands import SystemCommandsProvider
from textual.widget import Widget
from textual.widgets import Input

from rankplan.tui.quitting import QuietAtQuit


class CommandPalette(QuietAtQuit, TextualPalette):
    """Textual's palette, made once and kept (the app builds it while idle after start-up,
    as it builds the screens, and shows the same one at every ctrl+p), with these costs of
    each opening taken out:

    - building it: Textual makes a new palette at each ctrl+p, composes, styles and lays it
      out, and restyles it all once more as it is shown;
    - the commands listed before anything is typed come in the palette's first frame.
      Textual gathers them in a worker after the palette is drawn, keeps the palette hidden
      until the worker is done, then draws it again, and again as the list settles (three
      to five frames, each at least 1/60 s apart). rankplan's are all the app's system
      commands (one provider, nothing to wait for), so they are listed as the palette is
      shown, in the order and with the lines Textual's provider gives them; when the list
      shows those commands already, only the actions behind them are swapped, and nothing
      is drawn again. Typing searches the Textual way;
    - the app's width breakpoints: a new screen gets them at its first Resize, and the class
      change restyled the whole palette a second time; nothing in it depends on the width;
    - a full layout of the screen underneath at that Resize: Textual lays out the screens
      below the top one at every Resize, and pushing a screen sends one at the same size
      (the palette covers the screen: app.tcss); a real resize still lays them out;
    - the list's scrollbar mounted only once the commands had come (about 20 of them, two
      lines each, overflow the list at 40 lines): the list scrolls (``overflow-y: scroll``)
      until the first key typed in the search box; from that key on the scrollbar shows
      only while the list overflows, as Textual's does. (A terminal tall enough for every
      command shows an empty scrollbar track beside the list until then.)
    """

    DEFAULT_CSS = """
    CommandPalette CommandList { overflow-y: scroll; }
    CommandPalette CommandList.-searched { overflow-y: auto; }
    """
    HORIZONTAL_BREAKPOINTS = []  # noqa: RUF012 - Textual's class attribute
    VERTICAL_BREAKPOINTS = []  # noqa: RUF012

    _listed_style: Style | None = None  # the help lines' style when they were made
    # Set by whoever pushes the palette (RankPlanApp.action_command_palette): the next
    # showing is an opening, set up afresh; a showing after a dialog over it keeps its state.
    opening = False

    def _on_mount(self, event: events.Mount) -> None:
        # Textual's CommandPalette._on_mount sets the palette up for the screen under it,
        # which a palette built ahead does not have yet: that is done at each showing
        # (on_screen_resume). Mount handlers of the classes below Textual's palette still
        # run; test_palette checks that these two are all of them.
        event.prevent_default()
        Screen._on_mount(self, event)
        Widget._on_mount(self, event)
        self._css_update_count = self.app._css_update_count  # styled as it mounted

    async def _on_resize(self, event: events.Resize) -> None:
        event.prevent_default()  # Textual's Screen._on_resize, without the screens below
        event.stop()
        self._screen_resized(event.size)
        for screen in self.app._background_screens:
            if screen._size != event.size:
                screen._screen_resized(event.size)

    @on(Input.Changed)
    def _searched(self) -> None:
        self.query_one(CommandList).add_class("-searched")  # overflow-y: auto (DEFAULT_CSS)

    async def on_screen_resume(self, event: events.ScreenResume) -> None:
        # Runs before Screen's own handler, which restyles the whole palette at every
        # showing, the first included (right after its mount styled it); it needs that
        # only if the CSS changed meanwhile (a theme).
        if self._css_update_count == self.app._css_update_count:
            event.refresh_styles = False
        self._css_update_count = self.app._css_update_count
        if self.opening:  # pushed by ctrl+p, not shown again as a dialog over it closes
            self.opening = False
            self.app.post_message(TextualPalette.Opened())
            await self.open_over(self.app.screen_stack[-2])

    async def open_over(self, screen: Screen) -> None:
        """Set the palette up as Textual's _on_mount sets a new one up: for ``screen``,
        with an empty search box and the commands listed."""
        for provider in self._providers:
            await provider._shutdown()
        self._calling_screen = screen
        match_style = self.get_visual_style("command-palette--highlight", partial=True)
        self._providers = [provider_class(screen, match_style)
                           for provider_class in self._provider_classes]
        for provider in self._providers:
            provider._post_init()
        self._cancel_gather_commands()
        self._stop_no_matches_countdown()
        self._stop_busy_countdown()  # a search cancelled by the last closing left it
        self._show_busy = False
        self._selected_command = None
        search = self.query_one(CommandInput)
        if search.value:
            with self.prevent(Input.Changed):
                search.value = ""
        self.query_one(CommandList).remove_class("-searched")
        if self._providers and all(type(provider) is SystemCommandsProvider
                                   for provider in self._providers):
            self._list_discovered()
        else:
            self._gather_commands("")  # Textual's worker, for providers of other kinds

    def _list_discovered(self) -> None:
        """What SystemCommandsProvider.discover yields, turned into the list's options as
        CommandPalette._gather_commands turns them, without the worker and its frames."""
        help_style = Style.from_styles(self.get_component_styles("command-palette--help-text"))
        hits = [DiscoveryHit(name, callback, help=help_text)
                for name, help_text, callback, discover
                in sorted(self.app.get_system_commands(self._calling_screen),
                          key=lambda command: command[0])
                if discover]
        command_list = self.query_one(CommandList)
        shown = command_list.options
        if help_style == self._listed_style and len(shown) == len(hits) and all(
                isinstance(option, Command) and isinstance(option.hit, DiscoveryHit)
                and (option.hit.text, option.hit.help) == (hit.text, hit.help)
                for option, hit in zip(shown, hits, strict=True)):
            for option, hit in zip(shown, hits, strict=True):
                option.hit = hit  # the same lines: only the action behind each changes
            if command_list.highlighted != 0:
                command_list.highlighted = 0
            self._list_visible = True
            self._hit_count = len(hits)
        else:
            self._listed_style = help_style
            self._refresh_command_list(command_list, [
                Command(self._prompt(hit, help_style), hit, id=str(index))
                for index, hit in enumerate(hits)], True)
        if command_list.scroll_offset:  # scrolled by the wheel last time: the first in sight
            command_list.scroll_home(animate=False, immediate=True)
        self.add_class("-ready")

    @staticmethod
    def _prompt(hit: DiscoveryHit, help_style: Style) -> Content:
        """An option's lines, as CommandPalette._gather_commands makes them."""
        prompt = Content.from_markup(str(hit.display))
        if not hit.help:
            return prompt
        return Content("\n").join(
            [prompt, Content.from_markup(hit.help).stylize_before(help_style)])
