"""Gauss-Hermite quadrature for expectations over a normal variable (pure Python).

E[f(θ)] for θ ~ Normal(0, σ²) is approximated by ``sum(w_i * f(σ * z_i))`` where the nodes
z_i and weights w_i come from :func:`normal_rule`. The weights add up to 1. The nodes are the
roots of the Hermite polynomial H_n, evaluated by the orthonormal recurrence (no overflow
even for n = 200), then scaled by √2 so that they serve the standard normal directly.
"""

from __future__ import annotations

import math
from functools import cache

_PIM4 = math.pi ** -0.25
_MAX_NEWTON = 100


def _hermite(n: int, x: float) -> tuple[float, float]:
    """(p_n(x), p_n'(x)) for the orthonormal Hermite polynomial of degree n."""
    p1, p2 = _PIM4, 0.0
    for j in range(1, n + 1):
        p3, p2 = p2, p1
        p1 = x * math.sqrt(2.0 / j) * p2 - math.sqrt((j - 1.0) / j) * p3
    return p1, math.sqrt(2.0 * n) * p2


def _refine(n: int, a: float, b: float, fa: float) -> float:
    """The root of p_n in [a, b] (p_n changes sign there): Newton kept inside the bracket."""
    x = 0.5 * (a + b)
    for _ in range(_MAX_NEWTON):
        f, df = _hermite(n, x)
        if f == 0.0:
            return x
        if (f < 0.0) == (fa < 0.0):
            a, fa = x, f
        else:
            b = x
        step = x - f / df if df else a - 1.0
        nxt = step if a < step < b else 0.5 * (a + b)
        if abs(nxt - x) <= 1e-15 * max(1.0, abs(x)):
            return nxt
        x = nxt
    return x


@cache
def hermite_rule(n: int) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """Nodes and weights of the n-point Gauss-Hermite rule (weight function e^{-x²}).

    The positive roots are bracketed by stepping out from 0 in steps smaller than any gap
    between roots (the gaps are never below about π / √(2n + 1)), each bracket is refined
    by a safeguarded Newton step, and the weights follow from the derivative there.
    """
    if n < 1:
        raise ValueError("a quadrature rule needs at least one node")
    step = 0.25 * math.pi / math.sqrt(2 * n + 1)
    positive: list[float] = []
    x = 0.5 * step if n % 2 else 0.0
    fx = _hermite(n, x)[0]
    while len(positive) < n // 2:
        y = x + step
        fy = _hermite(n, y)[0]
        if fy == 0.0 or (fy < 0.0) != (fx < 0.0):
            positive.append(y if fy == 0.0 else _refine(n, x, y, fx))
        x, fx = y, fy
    roots = [-r for r in reversed(positive)] + ([0.0] if n % 2 else []) + positive
    weights = [2.0 / _hermite(n, r)[1] ** 2 for r in roots]
    return tuple(roots), tuple(weights)


@cache
def normal_rule(n: int) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """Nodes z_i and weights w_i (adding up to 1) with E[f(Z)] ≈ Σ w_i f(z_i), Z ~ N(0, 1)."""
    roots, weights = hermite_rule(n)
    scale = 1.0 / math.sqrt(math.pi)
    return tuple(math.sqrt(2.0) * x for x in roots), tuple(w * scale for w in weights)
