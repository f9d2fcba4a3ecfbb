"""Shared helpers for the crash-safety tests."""

from __future__ import annotations

import os
import random
import signal
import time
from collections.abc import Callable
from pathlib import Path

import pytest


def kill_at_random_moments(path: Path, work: Callable[[int], None], rounds: int, max_delay: float, seed: int) -> list[bytes]:
    """Fork a child that runs ``work(round)`` (which writes *path*), SIGKILL it after a random delay.

    Returns the file's bytes after every kill so the caller can check each one.
    Fork (not spawn) keeps a round to milliseconds: the child already has
    everything imported.
    """
    rng = random.Random(seed)
    seen = []
    for n in range(rounds):
        pid = os.fork()
        if pid == 0:  # child: write forever until killed
            try:
                i = n
                while True:
                    work(i)
                    i += 1
            finally:
                os._exit(0)
        time.sleep(rng.uniform(0, max_delay))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        seen.append(path.read_bytes())
    return seen


@pytest.fixture
def kill_rounds() -> int:
    """Kills per test: CI-friendly by default; LINKCHART_KILL_ROUNDS raises it for a long run."""
    return int(os.environ.get("LINKCHART_KILL_ROUNDS", "200"))
