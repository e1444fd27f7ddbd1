"""Readable text in every theme (DESIGN §6: WCAG contrast 4.5:1 for body text, the selected
row included).

Themes give colours that do not always reach it: a theme's cursor text on its cursor colour
(3.1:1 in solarized), a "success" green on a light surface (2.5:1 in atom-one-light). ``readable``
keeps a colour's hue and moves it toward black or white until it reads.
"""

from __future__ import annotations

from functools import lru_cache

from rich.color import Color, ColorType
from rich.style import Style
from rich.terminal_theme import TerminalTheme
from textual.constants import DIM_FACTOR

MINIMUM = 4.5  # WCAG AA for body text

BLACK, WHITE = (0, 0, 0), (255, 255, 255)


def luminance(rgb: tuple[int, int, int]) -> float:
    """WCAG 2 relative luminance of an sRGB colour."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = rgb
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def ratio(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    """WCAG 2 contrast ratio, from 1 to 21."""
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def _mix(a: tuple[int, int, int], b: tuple[int, int, int], t: float) -> tuple[int, int, int]:
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b))  # type: ignore[return-value]


@lru_cache(maxsize=256)
def readable_rgb(fg: tuple[int, int, int], bg: tuple[int, int, int],
                 minimum: float = MINIMUM) -> tuple[int, int, int]:
    """``fg``, or the nearest colour on its way to white (a text lighter than ``bg``) or
    black (a darker one) that has at least ``minimum`` contrast with ``bg``; the other way
    when that one cannot get there."""
    if ratio(fg, bg) >= minimum:
        return fg
    poles = (WHITE, BLACK) if luminance(fg) >= luminance(bg) else (BLACK, WHITE)
    for pole in poles:
        if ratio(pole, bg) < minimum:
            continue
        for step in range(1, 21):
            mixed = _mix(fg, pole, step / 20)
            if ratio(mixed, bg) >= minimum:
                return mixed
    return max(poles, key=lambda pole: ratio(pole, bg))


def _rgb(color: Color | None, *, foreground: bool, dark: bool,
         palette: TerminalTheme) -> tuple[int, int, int]:
    """A colour as the terminal shows it: the default colours as the terminal's own (taken
    as white on black in a dark theme, black on white in a light one), the ANSI colours as
    ``palette`` (Textual's, for the theme's mode) has them."""
    if color is None or color.type is ColorType.DEFAULT:
        return (WHITE if foreground else BLACK) if dark else (BLACK if foreground else WHITE)
    return tuple(color.get_truecolor(palette, foreground=foreground))  # type: ignore[return-value]


@lru_cache(maxsize=512)
def readable(style: Style, *, dark: bool, palette: TerminalTheme) -> Style:
    """``style`` with its text readable on its background. A true colour moves toward black
    or white; an ANSI colour (whose value only the terminal knows) that does not read in
    ``palette`` gives way to the terminal's own text colour (the word is still there). Dim
    text is measured as Textual draws it, part way to the background; when that does not
    read, it comes back undimmed in the nearest colour that does (a struck-out interview's
    name was 3.2:1 in catppuccin-latte)."""
    fg = _rgb(style.color, foreground=True, dark=dark, palette=palette)
    bg = _rgb(style.bgcolor, foreground=False, dark=dark, palette=palette)
    if style.reverse:
        fg, bg = bg, fg
    if style.dim:  # Textual draws dim text part way to its background
        fg = _mix(bg, fg, DIM_FACTOR)
    if ratio(fg, bg) >= MINIMUM:
        return style
    if style.color is None or style.color.triplet is None:
        return style + Style(color=Color.default())
    return style + Style(color=Color.from_rgb(*readable_rgb(fg, bg)), dim=False)


def text_on(background: tuple[int, int, int],
            preferred: tuple[int, int, int]) -> tuple[int, int, int]:
    """White or black text for ``background``: ``preferred`` when it reads, else the one of
    the two that reads better (Textual's ``auto`` picks by brightness: white on solarized's
    blue, 3.7:1, where black is 5.7:1)."""
    other = BLACK if preferred == WHITE else WHITE
    if ratio(preferred, background) >= MINIMUM:
        return preferred
    return max((preferred, other), key=lambda text: ratio(text, background))


def readable_in(app, style: Style) -> Style:
    """``readable`` in ``app``'s current theme: its mode, and the ANSI palette Textual uses
    for that mode."""
    dark = app.current_theme.dark
    return readable(style, dark=dark,
                    palette=app.ansi_theme_dark if dark else app.ansi_theme_light)
