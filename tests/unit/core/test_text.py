"""Control characters in plan text become visible escapes (DESIGN §4)."""

from rankplan.core.text import has_control, visible


def test_escape_sequence_is_shown_not_run() -> None:
    assert visible("a\x1b]0;owned\x07b") == "a\\x1b]0;owned\\x07b"


def test_tab_newline_and_plain_text_pass() -> None:
    text = "Dr. Müller\tnotes\nline two ✓ 日本"
    assert visible(text) == text
    assert not has_control(text)


def test_del_and_c1_are_escaped() -> None:
    assert visible("x\x7fy\x85z\x9b") == "x\\x7fy\\x85z\\x9b"
    assert has_control("\x9b")


def test_carriage_return_is_escaped() -> None:
    assert visible("a\rb") == "a\\x0db"


def test_crlf_is_a_line_break() -> None:
    assert visible("one\r\ntwo") == "one\ntwo"


def test_one_line_keeps_a_line_read_line_by_line() -> None:
    from rankplan.core.text import one_line

    assert one_line("a\tb\nc\r\nd\x1b[2J") == "a\\tb\\nc\\nd\\x1b[2J"
    assert one_line("plain ✓") == "plain ✓"
