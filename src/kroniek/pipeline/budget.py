"""A per-article time budget: a runaway article ends with a catalogue error (E213), not a hung worker.

Two mechanisms work together, because neither alone covers every way of running kroniek:

- cooperative checks: the pipeline checks the budget after every stage and the nlp stage between
  the chunks of a long text (``check_budget()``), in any thread;
- a timer signal: in the main thread of a process (the CLI, ``kroniek ingest``, batch worker
  processes) an interval timer interrupts a stage that is stuck inside one long loop. A web server runs
  extraction in worker threads, where signals cannot be delivered; there the checks alone apply.

The budget is ``[input].time_budget_s`` seconds plus ``[input].time_budget_ms_per_char`` for every
character of the text (kroniek.extractor.Extractor.budget_for); ``time_budget_s = 0`` turns it off.
"""

from __future__ import annotations

import contextlib
import contextvars
import signal
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from types import FrameType

from kroniek.errors import InputError

SETTING = "[input].time_budget_s or [input].time_budget_ms_per_char"


@dataclass(frozen=True, slots=True)
class Budget:
    seconds: float
    article: str
    deadline: float  # time.monotonic() value

    def exceeded(self) -> InputError:
        return InputError("E213", article=self.article, seconds=f"{self.seconds:g}", setting=SETTING)


_current: contextvars.ContextVar[Budget | None] = contextvars.ContextVar("kroniek_time_budget", default=None)


def check_budget() -> None:
    """Raise E213 when the article being processed has used up its time budget."""
    budget = _current.get()
    if budget is not None and time.monotonic() > budget.deadline:
        raise budget.exceeded()


def _can_use_timer() -> bool:
    # Only the main thread receives signals, and only when nobody else owns SIGALRM (a test runner's
    # timeout plug-in, an application's own alarm) is it ours to use.
    return (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, None)
        and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    )


@contextlib.contextmanager
def time_budget(seconds: float | None, article: str) -> Iterator[None]:
    """Run the block under a budget of ``seconds`` (None or <= 0: unlimited) for ``article``."""
    if not seconds or seconds <= 0 or _current.get() is not None:
        yield  # no budget, or already inside one (the outer budget governs)
        return
    budget = Budget(float(seconds), article, time.monotonic() + float(seconds))
    token = _current.set(budget)
    use_timer = _can_use_timer()
    if use_timer:

        def on_alarm(_signum: int, _frame: FrameType | None) -> None:
            raise budget.exceeded()

        signal.signal(signal.SIGALRM, on_alarm)
        signal.setitimer(signal.ITIMER_REAL, float(seconds))
    try:
        yield
    finally:
        # The alarm fires at most once; should it fire right here, the inner finally still restores
        # the handler and the budget before its error leaves.
        try:
            if use_timer:
                signal.setitimer(signal.ITIMER_REAL, 0.0)
        finally:
            if use_timer:
                signal.signal(signal.SIGALRM, signal.SIG_DFL)
            _current.reset(token)
