"""Stop cleanly when told to: SIGTERM, SIGHUP, SIGQUIT and SIGUSR1 end the process the way `q` or ctrl+c would.

Outside the explorer the signals raise SystemExit, so `finally` blocks run
and no half-written temporary file is left behind. While the explorer runs
they ask the app to exit through its own shutdown, which leaves the
alternate screen, turns mouse tracking off and shows the cursor again; the
default action would kill the process with the terminal still in app mode.
An app that has not ended STOP_GRACE seconds after the signal (its loop busy
or blocked, as when the terminal closed under it mid-write) is ended then,
and a second signal ends it at once: a stop signal is never ignored, and no
explorer lives on after its terminal has gone. Settings are saved as they
change, so nothing is lost.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

#: SIGQUIT (ctrl+backslash) and SIGUSR1 would otherwise end the process with the terminal in app mode.
STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGQUIT", "SIGUSR1") if hasattr(signal, name)
)

Handler = Callable[[int, Any], Any] | int | None
STOP_GRACE = 2.5  # seconds an app has to end by its own shutdown after a stop signal (ended within 3 s)


def _raise_exit(signum: int, _frame: Any) -> None:
    raise SystemExit(128 + signum)


@contextmanager
def exit_on_stop_signals() -> Iterator[None]:
    """While inside, the stop signals raise SystemExit(128 + signal); the old handlers return after."""
    previous: dict[int, Handler] = {}
    try:
        for signum in STOP_SIGNALS:
            previous[signum] = signal.signal(signum, _raise_exit)
    except ValueError:  # not the main thread (an embedding host): leave signals alone
        pass
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def run_app(app: Any) -> None:
    """Run a Textual app; a stop signal makes it exit normally, with return code 128 + signal."""
    import asyncio  # deferred: `check` and the other verbs never need an event loop

    loop = asyncio.new_event_loop()
    stopping: list[int] = []  # the signal being obeyed, once one came

    def stop(signum: int, _frame: Any) -> None:
        """Ask the app to exit; end the process if it has not within the grace, or on a second signal.
        A plain handler, not the loop's: it runs even while the loop is blocked."""
        code = 128 + signum
        if stopping:
            os._exit(128 + stopping[0])
        stopping.append(signum)
        deadline = threading.Timer(STOP_GRACE, os._exit, (code,))
        deadline.daemon = True  # an app that ends in time exits at once, never waiting for it
        deadline.start()
        loop.call_soon_threadsafe(app.exit, None, code)

    previous: dict[int, Handler] = {}
    try:
        for signum in STOP_SIGNALS:
            try:
                previous[signum] = signal.signal(signum, stop)
            except ValueError:  # not the main thread (an embedding host): leave signals alone
                break
        app.run(loop=loop)
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        loop.close()
