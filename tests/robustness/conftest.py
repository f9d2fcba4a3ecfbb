"""Shared helpers for the crash-safety tests."""

from __future__ import annotations

import os
import random
import select
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

    A random delay alone may never outlast one write on a slow, busy machine
    (CI once saw no save finish in 200 rounds), so every fourth round first
    waits for the child to report a finished write, then kills at a random
    moment of the next one. That way both old and new versions are always
    on disk at some kill, whatever the machine's speed.
    """
    rng = random.Random(seed)
    seen = []
    for n in range(rounds):
        done_r, done_w = os.pipe()
        pid = os.fork()
        if pid == 0:  # child: write forever until killed
            try:
                os.close(done_r)
                i = n
                while True:
                    work(i)
                    os.write(done_w, b".")
                    i += 1
            finally:
                os._exit(0)
        os.close(done_w)
        try:
            if n % 4 == 3:
                ready, _, _ = select.select([done_r], [], [], 120)
                assert ready, "the writer never finished one write in 120 s"
            time.sleep(rng.uniform(0, max_delay))
        finally:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            os.close(done_r)
        seen.append(path.read_bytes())
    return seen


@pytest.fixture
def kill_rounds() -> int:
    """Kills per test: CI-friendly by default; LINKCHART_KILL_ROUNDS raises it for a long run."""
    return int(os.environ.get("LINKCHART_KILL_ROUNDS", "200"))
