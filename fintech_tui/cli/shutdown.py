"""Stop cleanly when told to: SIGTERM, SIGHUP, SIGQUIT and SIGUSR1 end the process the way `q` or ctrl+c would.

Outside the explorer the signals raise SystemExit, so `finally` blocks run
and no half-written temporary file is left behind. While the explorer runs
they ask the app to exit through its own shutdown, which leaves the
alternate screen, turns mouse tracking off and shows the cursor again; the
default action would kill the process with the terminal still in app mode.
"""

from __future__ import annotations

import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

#: SIGQUIT (ctrl+backslash) and SIGUSR1 would otherwise end the process with the terminal in app mode.
STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGQUIT", "SIGUSR1") if hasattr(signal, name)
)

Handler = Callable[[int, Any], Any] | int | None


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
    previous: dict[int, Handler] = {}
    try:
        for signum in STOP_SIGNALS:
            handler = signal.getsignal(signum)
            try:
                loop.add_signal_handler(signum, app.exit, None, 128 + signum)
            except (NotImplementedError, RuntimeError, ValueError):
                continue
            previous[signum] = handler
        app.run(loop=loop)
    finally:
        for signum, handler in previous.items():
            loop.remove_signal_handler(signum)
            signal.signal(signum, handler)
        loop.close()
