"""Wrapping in terminal cells, in linear time (issue 12 item 13, issue 14 item 4)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rankplan.exchange import textwrap80
from rankplan.exchange.textwrap80 import clean, hanging, text_width, wrap

FAMILY = "👩\u200d👩\u200d👧"  # one emoji ZWJ sequence: five code points, two cells


def test_an_emoji_zwj_sequence_counts_as_the_two_cells_a_terminal_draws() -> None:
    assert text_width(FAMILY) == 2
    assert text_width("面接") == 4
    assert text_width("e\u0301") == 1


def test_a_long_word_of_emoji_is_cut_between_sequences_never_inside_one() -> None:
    lines = wrap(FAMILY * 30, 10)
    assert all(text_width(line) <= 10 for line in lines)
    assert "".join(lines) == FAMILY * 30
    assert all(line == FAMILY * 5 for line in lines)


def test_a_megabyte_word_is_cut_into_full_lines() -> None:
    word = "x" * 1_000_000
    lines = wrap(f"see {word} end", 80)
    assert lines[0] == "see " + "x" * 76
    assert all(len(line) <= 80 for line in lines)
    assert "".join(lines).replace(" ", "") == f"see{word}end"
    assert lines[-1].endswith(" end")


def test_a_long_word_costs_one_pass_over_it(monkeypatch) -> None:
    """The old wrapper measured what was left of the word after each cut: quadratic work
    (30 s for 1 MB). Count the characters measured: a few times the word's length at most."""
    measured = 0
    real = textwrap80.text_width

    def counting(text: str) -> int:
        nonlocal measured
        measured += len(text)
        return real(text)

    monkeypatch.setattr(textwrap80, "text_width", counting)
    for word in ("y" * 200_000, "面" * 50_000 + FAMILY * 1000):
        measured = 0
        lines = textwrap80.wrap(word, 40)
        assert all(real(line) <= 40 for line in lines)
        assert measured <= 3 * len(word)


def test_text_before_a_long_word_stays_on_its_line() -> None:
    lines = hanging("Notes: ", "       ", "ab " + "z" * 100, 30)
    assert lines[0] == "Notes: ab " + "z" * 20
    assert all(text_width(line) <= 30 for line in lines)


def test_control_characters_become_visible_escapes() -> None:
    assert clean("a\x1b]0;owned\x07b") == "a\\x1b]0;owned\\x07b"
    assert clean("x\r\ny\tz") == "x\ny    z"
    assert "\x9b" not in clean("\x9b2J")


def _fit_cell_by_cell(natural: list[int], wraps: list[bool], room: int) -> list[int]:
    """The table widths as first written: one cell at a time from the widest column."""
    from rankplan.exchange.text import MIN_COLUMN, MIN_WRAP_COLUMN

    widths = list(natural)
    while sum(widths) > room:
        candidates = [i for i, w in enumerate(widths) if wraps[i] and w > MIN_WRAP_COLUMN]
        if not candidates:
            candidates = [i for i, w in enumerate(widths) if w > MIN_COLUMN]
        if not candidates:
            break
        widths[max(candidates, key=widths.__getitem__)] -= 1
    return widths


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 90), st.booleans()), min_size=1, max_size=8),
       st.integers(1, 120))
def test_table_widths_are_worked_out_level_by_level_as_cell_by_cell(columns, room) -> None:
    from rankplan.exchange.text import _fit

    natural, wraps = [w for w, _ in columns], [b for _, b in columns]
    assert _fit(natural, wraps, room) == _fit_cell_by_cell(natural, wraps, room)


def test_a_megabyte_cell_in_a_table_gives_way_to_the_room_left() -> None:
    from rankplan.exchange.text import _fit

    assert _fit([1_000_000, 5, 8], [True, False, False], 76) == [63, 5, 8]
    assert _fit([1_000_000, 1_000_000], [False, False], 30) == [15, 15]
