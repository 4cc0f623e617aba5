"""The reading stage of an ingest run, in a child process or in this one.

Reading (parsing, extraction, language detection) needs no database, so on
a machine with two cores it runs in one child process while the main process writes: the two
stages overlap, and ingest of JSON Lines runs about 1.3x faster (docs/measurements.md). Results
cross a pipe in target order: a send blocks while the pipe is full, so memory stays flat, and
the ingest order, which decides "first seen", is the same as when reading in-process. Sends are
synchronous (no feeder thread, unlike multiprocessing.Queue), so everything a child sent before
it died is still read.

A child that dies (a crash in a C extension on some input) costs only the target it was
reading: that target is rejected and a new child goes on with the next one.
"""

from __future__ import annotations

import logging
import multiprocessing as mp
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from storylens.ingest import ReadContext, read_target
from storylens.model import Article, Reject

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Item:
    """One reader result."""

    result: Article | Reject


@dataclass(frozen=True, slots=True)
class TargetDone:
    target: str


Event = Item | TargetDone


def _events(target: str, ctx: ReadContext) -> Iterator[Event]:
    for result in read_target(target, ctx):
        yield Item(result)
    yield TargetDone(target)


def read_events(targets: list[str], ctx: ReadContext, *, child: bool) -> Iterator[Event]:
    """Every target's results, then its :class:`TargetDone`, in target order."""
    if not child or not targets:
        for target in targets:
            yield from _events(target, ctx)
        return
    yield from _from_children(targets, ctx)


# Events cross the pipe in lists: one send per event spent more time pickling and waking up
# than reading (JSON Lines ran at 0.7x). A target's last list is sent when it is done, so a
# crash never loses the results of targets already finished.
SEND_EVERY = 64


def _child_main(targets: list[str], ctx: ReadContext, out: Any) -> None:
    for target in targets:
        pending: list[Event] = []
        for event in _events(target, ctx):
            pending.append(event)
            if len(pending) >= SEND_EVERY or isinstance(event, TargetDone):
                out.send(pending)
                pending = []
    out.send(None)
    out.close()


def _context() -> Any:
    # fork starts in milliseconds and inherits the loaded models; elsewhere, spawn.
    return mp.get_context("fork" if sys.platform.startswith("linux") else "spawn")


def _from_children(targets: list[str], ctx: ReadContext) -> Iterator[Event]:
    mpc = _context()
    remaining = list(targets)
    while remaining:
        receiver, sender = mpc.Pipe(duplex=False)
        proc = mpc.Process(target=_child_main, args=(remaining, ctx, sender), daemon=True)
        proc.start()
        sender.close()  # the child holds the only write end: its exit means end of file here
        done = 0  # targets of `remaining` finished so far
        try:
            while True:
                try:
                    events = receiver.recv()
                except EOFError:  # the child ended without saying it had finished
                    proc.join()
                    target = remaining[done]
                    log.error(
                        "reader process died (exit code %s) reading %s", proc.exitcode, target
                    )
                    yield Item(
                        Reject(
                            target,
                            "the reader crashed on this input (exit code "
                            f"{proc.exitcode}); please report it",
                        )
                    )
                    yield TargetDone(target)
                    remaining = remaining[done + 1 :]  # a new child goes on with the rest
                    break
                if events is None:  # the child read everything
                    remaining = []
                    break
                for event in events:
                    if isinstance(event, TargetDone):
                        done += 1
                    yield event
        finally:
            if proc.is_alive():
                proc.terminate()
            proc.join()
            receiver.close()
