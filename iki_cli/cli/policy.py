"""Process policy of the command line: the garbage collector around what a command loads.

The policy holds only in the `iki` process itself (`main` turns it on), whose
life ends with the command; a program or test that calls the commands in its
own process keeps its collector as it is.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_active = False


def activate() -> None:
    """Apply the policy from now on (called once by the console entry point)."""
    global _active
    _active = True


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a large input is read.

    Reading builds hundreds of thousands of objects that all stay alive: the
    collector's passes over them free nothing and took a fifth of the time.
    Whatever cycles the reading leaves are collected once it is resumed.
    """
    if not _active:
        yield
        return
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@contextmanager
def gc_kept() -> Iterator[None]:
    """Like `gc_paused`, for what a command loads and keeps until it ends.

    On leaving, everything then alive is moved to the collector's permanent
    generation (`gc.freeze`) instead of being scanned once more when the collector
    resumes: those passes over the loaded definitions or values free nothing, and
    took 0.14-0.23 s after loading 1,000 positions. Only the command line uses it;
    its process ends with the command.
    """
    if not _active:
        yield
        return
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()
