"""Process policy of the command line: the garbage collector, and SIGTERM.

The policy holds only in the `iki` process itself (`main` turns it on), whose
life ends with the command; a program or test that calls the commands in its
own process keeps its collector as it is.
"""

from __future__ import annotations

import gc
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

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
    with _collector_off(freeze=False):
        yield


@contextmanager
def gc_kept() -> Iterator[None]:
    """Like `gc_paused`, for what a command loads and keeps until it ends.

    On leaving, everything then alive is moved to the collector's permanent
    generation (`gc.freeze`) instead of being scanned once more when the collector
    resumes: those passes over the loaded definitions or values free nothing, and
    took 0.14-0.23 s after loading 1,000 positions. Only the command line uses it;
    its process ends with the command.
    """
    with _collector_off(freeze=True):
        yield


@contextmanager
def _collector_off(*, freeze: bool) -> Iterator[None]:
    """The collector off inside the block (in the iki process only); on leaving,
    with `freeze`, what is alive moved to the permanent generation first."""
    if not _active:
        yield
        return
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if enabled:
            gc.enable()


class Terminated(BaseException):
    """SIGTERM arrived: unwinds like Ctrl-C, so every `finally` removes what it made.

    A BaseException, as KeyboardInterrupt is: no `except Exception` of a
    command swallows it on the way out.
    """


def _terminate(signum: int, frame: FrameType | None) -> None:
    raise Terminated()


@contextmanager
def terminated_on_sigterm() -> Iterator[None]:
    """Turn SIGTERM into `Terminated` while the block runs (the main thread only)."""
    if threading.current_thread() is not threading.main_thread() or \
            not hasattr(signal, "SIGTERM"):
        yield
        return
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
