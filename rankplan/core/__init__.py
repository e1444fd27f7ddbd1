"""Pure domain logic: no textual, rich, tomlkit or I/O (a test enforces it)."""
