"""The benchmark registry and timer shared by bench/run.py and bench/bench_*.py."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Result:
    name: str
    ours: float
    baseline: float
    unit: str = "s/op"
    target: str = ""

    @property
    def ratio(self) -> float:
        return self.ours / self.baseline if self.baseline else float("inf")


def best_of(operation: Callable[[], object], *, rounds: int = 5, number: int = 20) -> float:
    """Seconds per call: the fastest of ``rounds`` rounds of ``number`` calls."""
    operation()  # warm caches and connections
    timings = []
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(number):
            operation()
        timings.append((time.perf_counter() - start) / number)
    return min(timings)


BENCHMARKS: dict[str, Callable[[], Result]] = {}


def benchmark(function: Callable[[], Result]) -> Callable[[], Result]:
    BENCHMARKS[function.__name__] = function
    return function
