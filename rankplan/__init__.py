"""rankplan: an offline terminal planner for the residency Match after a failed board exam."""

__version__ = "0.1.0"
