"""The plan file: where it lives, how it is read and validated, and how it is saved safely."""
