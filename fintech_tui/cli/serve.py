"""`fintech-tui serve`: the explorer in a web browser, through textual-serve.

Whoever holds the WebSocket drives a real explorer on this machine (it can
write exports here), and browsers let any web page open a WebSocket to any
address. So a handshake is accepted only from a page this server handed
out: an `Origin` on a loopback name at this port, the address the browser
itself used when that is a literal IP (a name could be an attacker's domain
re-pointed at this machine), `--public-url`, or an `--allow-origin`; anything
else gets 403. The port is bound before anything is printed, so `--port 0`
shows the real port and a busy port is one line with no banner. Listening
beyond loopback prints a warning. The page tells the browser to connect back
to the host it used, so `--host 0.0.0.0` works from other machines.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import ipaddress
import os
import re
import shlex
import signal
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from fintech_tui.cli.arguments import pack_argument
from fintech_tui.cli.output import EXIT_OK, fail, load, say

# A Host header as browsers send it: a name or IPv4 address, or a bracketed IPv6 address, and a port.
_HOST_HEADER = re.compile(r"(?:[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?")


def serve_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port to listen on; 0 picks a free one (default: 8000)")
    parser.add_argument(
        "--public-url", metavar="URL", help="the address browsers use, when it differs (e.g. behind a proxy)"
    )
    parser.add_argument(
        "--allow-origin",
        metavar="ORIGIN",
        action="append",
        default=[],
        help="also accept browser connections from pages at ORIGIN (e.g. http://mybox.local:8000); repeatable",
    )
    parser.add_argument("--watch", action="store_true", help="each browser session reloads when the pack changes")
    pack_argument(parser)


def is_loopback(host: str) -> bool:
    """Whether `host` (a name or an address) stays on this machine."""
    host = host.strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _is_ip_literal(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def normal_origin(url: str) -> str:
    """scheme://host[:port] of a URL, lower-cased, with the scheme's default port left out."""
    parts = urlsplit(url.strip())
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}".removesuffix(":80" if parts.scheme == "http" else ":443")


def origin_allowed(origin: str | None, host_header: str, port: int, allowed: set[str]) -> bool:
    """Whether a WebSocket handshake with this Origin may drive the explorer."""
    if origin is None:
        return True  # not a browser; such a client could connect from anywhere it can reach the port
    if "*" in allowed:
        return True
    normal = normal_origin(origin)
    if normal in allowed:
        return True
    parts = urlsplit(normal)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return False
    try:
        origin_port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        return False
    if origin_port == port and is_loopback(parts.hostname):
        return True
    try:  # the very address the browser used, when it is a literal IP (no name to re-point)
        used = urlsplit(f"//{host_header.lower()}").hostname
    except ValueError:
        return False
    return bool(used) and _is_ip_literal(used or "") and normal == normal_origin(f"{parts.scheme}://{host_header}")


#: A stylesheet (a web font) the page would fetch from another server.
_LINK = re.compile(r"""<link\b[^>]*\bhref\s*=\s*["']?((?:https?:)?//[^"'\s>]*)[^>]*>""", re.IGNORECASE)
#: Where the page finds its own files (the served /static/ folder, under --public-url's path).
_STATIC = re.compile(r"""href\s*=\s*["']([^"']*/)css/xterm\.css["']""")


def self_contained(page: str) -> str:
    """The browser page with nothing to fetch from elsewhere: textual-serve's template links
    Roboto Mono from fonts.googleapis.com, which fails with no network and tells a third party
    who opened the explorer. The same font ships in textual-serve's static folder; the page
    gets it from there."""
    static = _STATIC.search(page)
    own = urlsplit(static.group(1)).netloc if static is not None else None

    def elsewhere(link: re.Match[str]) -> str:
        return "" if urlsplit(link.group(1)).netloc != own else link.group(0)

    page = _LINK.sub(elsewhere, page)
    if static is None or "</head>" not in page:
        return page
    source = f"{static.group(1)}fonts/RobotoMono-VariableFont_wght.ttf"
    font = f'<style>@font-face {{ font-family: "Roboto Mono"; src: url("{source}"); }}</style>'
    return page.replace("</head>", f"{font}\n</head>", 1)


def make_server(command: str, args: argparse.Namespace) -> Any:
    """A textual-serve Server with this module's origin check, URLs and quiet start."""
    from aiohttp import web
    from textual_serve.server import Server

    class GuardedServer(Server):
        def __init__(self) -> None:
            super().__init__(command, host=args.host, port=args.port, title="fintech-tui", public_url=args.public_url)
            self.fixed_url = args.public_url
            self.sessions: set[Any] = set()  # each session's explorer process, stopped with the server
            self.allowed = {normal_origin(o) if o != "*" else o for o in args.allow_origin}
            if args.public_url:
                self.allowed.add(normal_origin(args.public_url))

        async def on_startup(self, app: web.Application) -> None:
            """No banner here: `serve` prints its own once the port is bound."""

        async def handle_index(self, request: web.Request) -> web.StreamResponse:
            if self.fixed_url is None:
                if not _HOST_HEADER.fullmatch(request.host):
                    raise web.HTTPBadRequest(text="bad Host header")
                # The page's script and WebSocket go back to the host the browser used. No await
                # separates this from the page being rendered, so requests cannot mix their hosts.
                self.public_url = f"{request.scheme}://{request.host}"
            response: web.StreamResponse = await super().handle_index(request)
            if isinstance(response, web.Response) and response.text:
                response.text = self_contained(response.text)
            return response

        async def handle_websocket(self, request: web.Request) -> Any:
            origin = request.headers.get("Origin")
            if not origin_allowed(origin, request.host, self.port, self.allowed):
                say(f"fintech-tui: refused a browser connection from {origin!r} (see --allow-origin)", err=True)
                raise web.HTTPForbidden(text="this page's origin may not drive the explorer\n")
            # The first size comes in the query: clamped like every later resize.
            query = dict(request.query)
            for name, limit, default in (("width", MAX_COLUMNS, 80), ("height", MAX_ROWS, 24)):
                query[name] = str(clamp_size(query.get(name), limit, default))
            return await super().handle_websocket(request.clone(rel_url=request.rel_url.with_query(query)))

        async def _process_messages(self, websocket: Any, app_service: Any) -> None:
            """Clamp every resize to a screen's size; once the socket closes, the session must end."""
            forward = app_service.set_terminal_size

            async def clamped(width: object, height: object) -> None:
                await forward(clamp_size(width, MAX_COLUMNS, 80), clamp_size(height, MAX_ROWS, 24))

            app_service.set_terminal_size = clamped
            process = getattr(app_service, "_process", None)
            if process is not None:
                self.sessions.add(process)
            try:
                await super()._process_messages(websocket, app_service)
            finally:
                if process is not None:
                    asyncio.get_running_loop().create_task(end_session(process, SESSION_GRACE))

    return GuardedServer()


#: The largest screen a browser may ask for (a 4K display at a tiny font is about 600 x 200).
MAX_COLUMNS = 1000
MAX_ROWS = 500
#: Seconds a session may take to quit after its socket closes, or the server stops, before it is killed.
SESSION_GRACE = 3.0
#: Each session's explorer may use at most this much memory (KiB of address space) and CPU time (s).
SESSION_MEMORY_KIB = 4 * 1024 * 1024
SESSION_CPU_SECONDS = 4 * 3600


def clamp_size(value: object, limit: int, default: int) -> int:
    """A terminal size from a client, as a whole number of cells from 1 to `limit`."""
    try:
        number = int(value) if isinstance(value, (int, float, str)) and not isinstance(value, bool) else default
    except (ValueError, OverflowError):
        number = default
    return max(1, min(number, limit))


async def end_session(process: Any, grace: float) -> None:
    """Wait `grace` seconds for a session's explorer to quit, then terminate it, then kill it."""
    for step in ("wait", "terminate", "kill"):
        if process.returncode is not None:
            return
        if step != "wait":
            with contextlib.suppress(ProcessLookupError):
                getattr(process, step)()
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(process.wait(), grace)


def session_command(arguments: list[str]) -> str:
    """The shell command each session runs: the explorer, under a memory and CPU-time limit."""
    command = shlex.join(arguments)
    if os.name != "posix":
        return command
    return f"ulimit -v {SESSION_MEMORY_KIB} -t {SESSION_CPU_SECONDS} 2>/dev/null; exec {command}"


class BindError(Exception):
    """The address or port cannot be listened on; the message says why."""


async def serve_until_stopped(server: Any, host: str, port: int, announce: Any) -> None:
    """Bind, announce the real address, and serve until SIGINT, SIGTERM or SIGHUP."""
    from aiohttp import web

    runner = web.AppRunner(await server._make_app(), handle_signals=False, access_log=None)
    await runner.setup()
    try:
        try:
            await web.TCPSite(runner, host, port).start()
        except OSError as error:
            plain = os.strerror(error.errno) if error.errno and error.errno > 0 else error.strerror  # aiohttp wraps it
            raise BindError((plain or str(error)).lower()) from None
        server.port = runner.addresses[0][1]
        announce(server.port)
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for name in ("SIGINT", "SIGTERM", "SIGHUP"):
            if hasattr(signal, name):
                loop.add_signal_handler(getattr(signal, name), stop.set)
        await stop.wait()
    finally:
        # Sessions first: a busy explorer would otherwise hold up the shutdown (and outlive it).
        sessions = [p for p in getattr(server, "sessions", ()) if p.returncode is None]
        for process in sessions:
            with contextlib.suppress(ProcessLookupError):
                process.terminate()
        await asyncio.gather(*(end_session(process, SESSION_GRACE) for process in sessions))
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(runner.cleanup(), SESSION_GRACE)


def run_serve(args: argparse.Namespace) -> int:
    """`fintech-tui serve`: the same explorer in a browser, through textual-serve."""
    if not 0 <= args.port <= 65535:
        return fail(f"--port {args.port}: a port is a number from 0 to 65535")
    if not args.host.strip():  # an empty host binds every interface, and says http://:PORT
        return fail("--host needs an address: 127.0.0.1 (the default), or 0.0.0.0 for every interface")
    pack = load(args.pack)  # fail here, with the loader's errors, rather than in the browser
    if isinstance(pack, int):
        return pack
    try:
        import textual_serve  # noqa: F401
    except ImportError:
        return fail("serve needs textual-serve: pip install 'fintech-tui[serve]'")
    watch = ["--watch"] if args.watch else []
    command = session_command([sys.executable, "-m", "fintech_tui", *watch, str(Path(pack.origin).absolute())])
    server = make_server(command, args)

    def announce(port: int) -> None:
        shown = f"[{args.host}]" if ":" in args.host else args.host
        if not is_loopback(args.host):
            say(
                f"fintech-tui: warning: listening on {args.host}, beyond this machine: anyone who can reach "
                f"port {port} can use the explorer, which can write files here",
                err=True,
            )
        where = args.public_url or f"http://{shown}:{port}"
        say(f"fintech-tui: serving on {where} (ctrl+c to stop)", err=True)
        if sys.stderr is not None:
            sys.stderr.flush()

    try:
        asyncio.run(serve_until_stopped(server, args.host, args.port, announce))
    except BindError as error:
        return fail(f"cannot listen on {args.host} port {args.port}: {error}")
    return EXIT_OK
