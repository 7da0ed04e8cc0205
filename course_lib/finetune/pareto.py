"""The Pareto front of a comparison: the methods no other method beats on quality *and* cost.

Method A **dominates** B when A's quality is at least B's and its cost at most B's, and A is
strictly better in one of the two. The front is every method that nothing dominates: for each,
a better score costs more, and a lower cost scores less. Two methods with equal quality and cost
do not dominate each other, so both stay on the front.
"""

from __future__ import annotations

import math


def dominates(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """(quality, cost) ``a`` dominates ``b``: no worse in both, strictly better in one."""
    return a[0] >= b[0] and a[1] <= b[1] and (a[0] > b[0] or a[1] < b[1])


def pareto_front(quality, cost) -> list[bool]:
    """For each point, whether it is on the front (higher quality and lower cost are better).
    A point with a missing (NaN) quality or cost is never on it."""
    points = list(zip(map(float, quality), map(float, cost)))
    valid = [not (math.isnan(q) or math.isnan(c)) for q, c in points]
    return [ok and not any(v and dominates(other, point) for other, v in zip(points, valid))
            for point, ok in zip(points, valid)]
