"""Hostile packs, caches, paths and terminals: each attack gets a clear refusal, never a traceback.

Packs and cache folders are untrusted input: nothing read from them may run
code, hang, exhaust memory or drive the terminal. Most cases run the real
command line in a subprocess and check its exit status and exact message.
"""

from __future__ import annotations

import base64
import contextlib
import http.client
import os
import pickle
import re
import resource
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from fintech_tui.loader import PackError, cache, load_pack

from .conftest import TINY_PACK, PackWriter

ESC = "\x1b"


def run(
    *args: str, cwd: Path, env: dict[str, str] | None = None, timeout: float = 60, **kwargs: object
) -> subprocess.CompletedProcess[str]:
    """`python -m fintech_tui ARGS`, as a user runs it; `timeout` only guards against a hang."""
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "fintech_tui", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
        **kwargs,
    )


def one_line(result: subprocess.CompletedProcess[str]) -> str:
    """The single line a failure prints; fails the test if there is more, or a traceback."""
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


# -- 2. the cache holds data, never code --------------------------------------------------------


class _Planted:
    """A pickle that, if ever unpickled, leaves a file behind."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, ...]:
        return (Path.touch, (self.marker,))


def entries(cache_dir: Path) -> list[Path]:
    """The cache's entries: everything in its folder but the sealing secret."""
    return sorted(p for p in cache_dir.iterdir() if p.name != cache.SEAL_KEY)


def _cached_key(folder: Path, cache_dir: Path) -> str:
    """Load once so the pack is cached; return its key, leaving the cache folder empty."""
    load_pack(folder)
    [entry] = entries(cache_dir)
    entry.unlink()
    return entry.name.split(".")[0]


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    monkeypatch.setenv("FINTECH_TUI_CACHE", str(folder))
    return folder


def test_a_planted_pickle_never_runs(write_pack: PackWriter, cache_dir: Path, tmp_path: Path) -> None:
    folder = write_pack()
    marker = tmp_path / "pwned"
    payload = pickle.dumps(_Planted(marker))
    key = _cached_key(folder, cache_dir)
    for name in (f"{key}.pickle", f"{key}.json", f"{key}.msgpack"):
        (cache_dir / name).write_bytes(payload)
    assert load_pack(folder).meta.title.en == "A tiny article"
    assert not marker.exists()


def test_a_cache_entry_is_plain_json(write_pack: PackWriter, cache_dir: Path) -> None:
    load_pack(write_pack())
    [entry] = entries(cache_dir)
    assert entry.read_bytes().startswith(b"{") and b'"A tiny article"' in entry.read_bytes()


def test_a_cached_pack_is_the_pack_it_stored(write_pack: PackWriter, cache_dir: Path) -> None:
    figures = """
        figures:
          - {id: users, metric: {en: Users}, as_written: 数亿, value: 300000000, evidence: [{para: p2, quote: 数亿}]}
          - {id: share, metric: {en: Share}, as_written: "2.5", value: 2.5, evidence: [{para: p2, quote: 数亿}]}
        """
    folder = write_pack(**{"figures.yaml": figures})
    fresh = load_pack(folder)
    assert [entry.suffix for entry in entries(cache_dir)] == [cache.SUFFIX]
    cached = load_pack(folder)
    assert repr(cached) == repr(fresh)  # 300000000 stays an int, 2.5 a float
    assert [type(f.value) for f in cached.figures] == [int, float]


@pytest.mark.parametrize(
    "planted",
    [
        b'{"format": F, "version": "0", "key": "K", "pack": {}}',
        b"[1, 2, 3]",
        b'{"format": F, "version": "V", "key": "K", "pack": {"meta": {"title": {"en": 1}}, "paragraphs": []}}',
        b'{"format": F, "version": "V", "key": "other", "pack": {"meta": {"title": {}}, "paragraphs": []}}',
        b'{"format": 999, "version": "V", "key": "K", "pack": {"meta": {"title": {}}, "paragraphs": []}}',
        b'{"format": F, "version": "V", "key": "K", "pack": {"meta": {"title": {}}, "paragraphs": [], '
        b'"entities": [{"id": "x", "kind": "spaceship", "name": {}, "summary": {}, "evidence": []}]}}',
        b"[" * 100_000,
    ],
    ids=["old-version", "not-a-mapping", "wrong-type", "other-key", "other-format", "bad-choice", "deep"],
)
def test_a_cache_entry_of_the_wrong_shape_is_a_miss(write_pack: PackWriter, cache_dir: Path, planted: bytes) -> None:
    from fintech_tui import __version__

    folder = write_pack()
    key = _cached_key(folder, cache_dir)

    body = planted.replace(b'"V"', f'"{__version__}"'.encode()).replace(b'"K"', f'"{key}"'.encode())
    body = body.replace(b"F,", f"{cache.FORMAT},".encode())
    (cache_dir / f"{key}{cache.SUFFIX}").write_bytes(body)
    pack = load_pack(folder)
    assert pack.meta.title.en == "A tiny article" and len(pack.entities) == 2


def test_a_cache_folder_others_can_write_is_ignored(write_pack: PackWriter, cache_dir: Path) -> None:
    folder = write_pack()
    key = _cached_key(folder, cache_dir)
    cache_dir.chmod(0o777)
    load_pack(folder)
    assert not list(entries(cache_dir))  # nothing written
    cache_dir.chmod(0o700)
    load_pack(folder)
    cache_dir.chmod(0o777)
    assert cache.read(key, origin="x") is None  # nothing read


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a folder away needs root")
def test_a_cache_folder_owned_by_someone_else_is_ignored(write_pack: PackWriter, cache_dir: Path) -> None:
    os.chown(cache_dir, 65534, 65534)
    load_pack(write_pack())
    assert not list(entries(cache_dir))


# -- 3. the bytes hashed are the bytes parsed ---------------------------------------------------


def test_an_edit_during_a_load_is_never_cached_as_valid(
    write_pack: PackWriter, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = "meta:\n  titel: {en: A typo}\n"
    fixed = "meta:\n  title: {en: Fixed}\n"
    folder = write_pack(**{"meta.yaml": broken})
    meta = folder / "meta.yaml"
    hash_files = cache.key_for

    def hash_then_fix(*args: object) -> str | None:
        key = hash_files(*args)  # type: ignore[arg-type]
        meta.write_text(fixed, encoding="utf-8")  # the author saves the fix mid-load
        return key

    monkeypatch.setattr(cache, "key_for", hash_then_fix)
    with pytest.raises(PackError):  # what was hashed had the typo: that is what was judged
        load_pack(folder)
    monkeypatch.setattr(cache, "key_for", hash_files)
    meta.write_text(broken, encoding="utf-8")  # the typo comes back
    with pytest.raises(PackError):
        load_pack(folder)


# -- 4. only regular files, never more than the cap ---------------------------------------------


@pytest.mark.parametrize(("device", "kind"), [("/dev/zero", "a character device"), ("/dev/null", "a character device")])
def test_check_refuses_devices(tmp_path: Path, device: str, kind: str) -> None:
    result = run("check", device, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines()[0] == f"{device}: cannot read: {kind}, not a regular file"


def test_check_refuses_a_fifo_without_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "x.yaml"
    os.mkfifo(fifo)
    result = run("check", str(fifo), cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines()[0] == f"{fifo}: cannot read: a named pipe (FIFO), not a regular file"


def test_a_fifo_or_socket_inside_a_pack_is_reported(write_pack: PackWriter, tmp_path: Path) -> None:
    folder = write_pack()
    os.mkfifo(folder / "pipe.yaml")
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(folder / "sock.yml"))
        result = run("check", str(folder), cwd=tmp_path)
    assert result.returncode == 2
    assert f"{folder / 'pipe.yaml'}: cannot read: a named pipe (FIFO), not a regular file" in result.stderr
    assert f"{folder / 'sock.yml'}: cannot read: a socket, not a regular file" in result.stderr


def test_check_refuses_stdin(tmp_path: Path) -> None:
    result = run("check", "/dev/stdin", cwd=tmp_path, input="meta: {}\n")
    assert result.returncode == 2
    assert "not a regular file" in result.stderr.splitlines()[0]


def _small_memory() -> None:
    limit = 600 * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def test_a_huge_sparse_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    sparse = tmp_path / "huge.yaml"
    with open(sparse, "wb") as handle:
        handle.truncate(4 * 1024**3)
    started = time.perf_counter()
    result = run(
        "check", str(sparse), cwd=tmp_path, env={"FINTECH_TUI_CACHE": str(tmp_path / "c")}, preexec_fn=_small_memory
    )
    assert time.perf_counter() - started < 20
    assert result.returncode == 2, result.stderr
    assert result.stderr.splitlines()[0] == f"{sparse}: file is 4,294,967,296 bytes; the limit is 67,108,864"


def test_the_read_stops_at_the_cap_whatever_the_size_says(tmp_path: Path) -> None:
    from fintech_tui.util.safe_files import UnsafeFile, read_capped

    proc = Path("/proc/self/status")  # a regular file that reports size 0
    if not proc.exists():
        pytest.skip("needs /proc")
    assert read_capped(proc, 1 << 20)
    with pytest.raises(UnsafeFile, match="more than 16 bytes"):
        read_capped(proc, 16)


def test_upper_case_suffix_is_loaded_not_ignored(write_pack: PackWriter) -> None:
    folder = write_pack(**{"entities.yaml": None, "ENTITIES.YAML": TINY_PACK["entities.yaml"]})
    assert {e.id for e in load_pack(folder).entities} == {"cmb", "pocket"}


def test_a_file_of_a_million_mistakes_stops_at_the_problem_cap(tmp_path: Path) -> None:
    from fintech_tui.loader.problems import MAX_PROBLEMS

    bad = tmp_path / "bad.yaml"
    bad.write_text("meta: {title: {en: x}}\nparagraphs: [" + "1," * 1_000_000 + "1]\n", encoding="utf-8")
    env = {**os.environ, "FINTECH_TUI_CACHE": "off"}
    # 15 s of CPU on a quiet machine, minutes of wall time on a loaded one: the timeout guards a hang only
    result = run(
        "check", str(bad), cwd=tmp_path, env=env, timeout=600, preexec_fn=_small_memory
    )  # a problem each: 750 MB
    assert result.returncode == 2, result.stderr[-300:]
    lines = result.stderr.splitlines()
    assert len(lines) == MAX_PROBLEMS + 1, len(lines)  # each value was a problem: the first ones, then why it stopped
    assert lines[0].startswith(f"{bad}:2:") and "paragraphs[0]: expected a mapping" in lines[0]
    assert "stopped after 1,000 problems" in lines[-1] and "Traceback" not in result.stderr


def test_placing_a_problem_in_a_few_mb_of_values_stays_in_the_low_hundreds_of_mb(tmp_path: Path) -> None:
    """Locating problems re-reads the file for marks: kept in the document's shape, not a table
    of field paths (1.8M small values took 500 MB that way)."""
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "entities.yaml").write_text(
        "entities:\n  - id: x\n    kind: company\n    name: {en: X}\n    summary: {en: y}\n"
        "    aliases: [" + ",".join(["1"] * 1_800_000) + "]\n",
        encoding="utf-8",
    )
    env = {**os.environ, "FINTECH_TUI_CACHE": "off"}
    # The child's own peak, VmHWM, which exec resets: ru_maxrss from wait4 keeps the peak of the
    # forked pytest process from before exec, so late in a full run it measured pytest (~300 MB).
    peak_file = tmp_path / "peak"
    run_cli = (
        "import atexit, runpy, sys\n"
        "def peak():\n"
        "    status = open('/proc/self/status').read()\n"
        f"    open({str(peak_file)!r}, 'w').write(status.split('VmHWM:')[1].split()[0])\n"
        "atexit.register(peak)\n"
        f"sys.argv = ['fintech-tui', 'check', {str(pack)!r}]\n"
        "runpy.run_module('fintech_tui', run_name='__main__')\n"
    )
    process = subprocess.run(
        [sys.executable, "-c", run_cli],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        capture_output=False,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    stderr = process.stderr
    assert process.returncode == 2, stderr[-300:]
    assert "entities.yaml:6:17: entities[0].aliases[1]: expected a mapping, got the number 1" in stderr
    peak_mib = int(peak_file.read_text()) / 1024
    assert peak_mib < 250, f"peak {peak_mib:.0f} MiB"


# -- 6. numbers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (".nan", "expected a finite number, got nan"),
        (".inf", "expected a finite number, got inf"),
        ("-.inf", "expected a finite number, got -inf"),
        ("1.0e+400", "expected a finite number, got inf"),
        ("1" + "0" * 400, "number too large: at most 1e+18 either side of zero"),
        ("-1.0e+300", "number too large: at most 1e+18 either side of zero"),
        ("!!int abc", "not a valid integer: 'abc'"),
        ("!!float abc", "not a valid number: 'abc'"),
        ("!!bool maybe", "not a valid boolean: 'maybe'"),
        ("9" * 5000, "not a valid integer: '99999999999999999999… (5,000 characters)'"),
    ],
    ids=[
        "nan",
        "inf",
        "-inf",
        "float-overflow",
        "400-digits",
        "huge-float",
        "int-abc",
        "float-abc",
        "bool",
        "5000-digits",
    ],
)
def test_bad_numbers_are_located_content_errors(
    write_pack: PackWriter, tmp_path: Path, value: str, message: str
) -> None:
    figures = f"""
        figures:
          - id: users
            metric: {{en: Users}}
            as_written: 数亿用户
            value: {value}
            evidence:
              - {{para: p2, quote: 数亿用户}}
        """
    folder = write_pack(**{"figures.yaml": figures})
    result = run("check", str(folder), cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert result.stderr.splitlines()[0] == f"{folder / 'figures.yaml'}:5:12: figures[0].value: {message}"


def test_a_bad_number_in_a_text_field_is_located_too(write_pack: PackWriter, tmp_path: Path) -> None:
    folder = write_pack(**{"meta.yaml": "meta:\n  title: {en: T}\n  author: !!int abc\n"})
    result = run("check", str(folder), cwd=tmp_path)
    assert result.returncode == 2
    assert f"{folder / 'meta.yaml'}:3:11: meta.author: not a valid integer: 'abc'" in result.stderr


# -- 7. deep chains -----------------------------------------------------------------------------


def deep_pack(write_pack: PackWriter, depth: int, *, children_first: bool = False) -> Path:
    entities = ["entities:"]
    arguments = ["arguments:", "  - {id: a0, role: thesis, claim: {en: Thesis}}"]
    chain_e = [
        f"  - {{id: e{i}, kind: company, name: {{en: E{i}}}, summary: {{en: s}}, "
        f"evidence: [{{para: p1, quote: 招商银行}}]{f', parent: e{i - 1}' if i else ''}}}"
        for i in range(depth)
    ]
    chain_a = [
        f"  - {{id: a{i}, role: reason, parent: a{i - 1}, relation: supports, claim: {{en: Claim {i}}}}}"
        for i in range(1, depth)
    ]
    if children_first:
        chain_e.reverse()
        chain_a.reverse()
    return write_pack(
        **{
            "entities.yaml": "\n".join(entities + chain_e) + "\n",
            "arguments.yaml": "\n".join(arguments + chain_a) + "\n",
            "strategies.yaml": "strategies: []\n",
        }
    )


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_a_deep_chain_exports(write_pack: PackWriter, tmp_path: Path, fmt: str) -> None:
    folder = deep_pack(write_pack, 2000)
    result = run("export", "-f", fmt, str(folder), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Claim 1999" in result.stdout


def test_the_cycle_check_is_linear() -> None:
    from fintech_tui.loader.checks import PackChecker
    from fintech_tui.loader.locations import Locations
    from fintech_tui.model import Argument, Bilingual, Meta, Pack, Paragraph

    depth = 20_000
    chain = [
        Argument(f"a{i}", "reason", Bilingual("c"), parent=f"a{i - 1}", relation="supports")
        for i in range(depth, 0, -1)  # children first: every walk is as long as it gets
    ]
    arguments = (*chain, Argument("a0", "thesis", Bilingual("t")))
    pack = Pack(Meta(Bilingual("t")), (Paragraph("p", "x"),), arguments=arguments)
    checker = PackChecker(pack, Locations())
    started = time.perf_counter()
    checker.check_trees()
    assert time.perf_counter() - started < 4  # quadratic took over 10 s
    assert not checker.problems


async def test_the_deepest_item_of_a_chain_opens(write_pack: PackWriter) -> None:
    from fintech_tui.queries.index import Ref
    from fintech_tui.tui.app import FintechApp
    from fintech_tui.tui.widgets.item_tree import ItemTree

    pack = load_pack(deep_pack(write_pack, 1500))
    for ref in (Ref("argument", "a1499"), Ref("entity", "e1499")):
        app = FintechApp(pack, goto=ref)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.press("tab", "down", "enter")
            await pilot.pause()
            [node] = [tree.nodes_by_ref[ref] for tree in app.screen.query(ItemTree) if ref in tree.nodes_by_ref]
            depth = 0
            while node.parent is not None:
                node, depth = node.parent, depth + 1
            from fintech_tui.util.nesting import MAX_NESTING

            assert depth == MAX_NESTING + 1  # deeper levels are listed at the deepest one shown


def test_preorder_caps_depth_and_visits_each_item_once() -> None:
    from fintech_tui.util.nesting import nested_list, preorder

    children = {0: [1], 1: [2], 2: [0, 3]}  # a cycle 0 → 1 → 2 → 0
    walked = list(preorder([0], lambda n: children.get(n, []), max_depth=1))
    assert walked == [(0, 0), (1, 1), (2, 1), (3, 1)]
    assert nested_list([("a", 0), ("b", 1), ("c", 0)]) == "<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul>"


# -- helpers ------------------------------------------------------------------------------------


def test_stale_temporary_files_are_swept(tmp_path: Path) -> None:
    from fintech_tui.util.safe_files import TEMP_SUFFIX, sweep_temporaries

    stale = tmp_path / f".abc{TEMP_SUFFIX}"
    fresh = tmp_path / f".def{TEMP_SUFFIX}"
    other = tmp_path / "keep.json"
    for path in (stale, fresh, other):
        path.write_bytes(b"x" * 10)
    old = time.time() - 7200
    os.utime(stale, (old, old))
    os.utime(other, (old, old))
    assert sweep_temporaries(tmp_path) == 1
    assert not stale.exists() and fresh.exists() and other.exists()


# -- 8. nothing printed to a terminal carries control sequences ---------------------------------

TITLE = f"{ESC}]0;pwned\a"  # would retitle the terminal


def test_check_report_neutralises_content(write_pack: PackWriter, tmp_path: Path) -> None:
    entities = TINY_PACK["entities.yaml"].replace("en: Pocket Life", 'en: "Pocket\\e]0;pwned\\a Life"')
    folder = write_pack(**{"entities.yaml": entities})
    result = run("check", "--report", str(folder), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Pocket␛]0;pwned␇ Life" in result.stdout
    assert ESC not in result.stdout + result.stderr


#: Unicode's Bidi_Control characters, each of which reorders what a terminal shows around it.
BIDI = [
    "\u061c",
    "\u200e",
    "\u200f",
    "\u202a",
    "\u202b",
    "\u202c",
    "\u202d",
    "\u202e",
    "\u2066",
    "\u2067",
    "\u2068",
    "\u2069",
]


@pytest.mark.parametrize("bidi", BIDI, ids=[f"U+{ord(c):04X}" for c in BIDI])
def test_check_report_neutralises_every_bidi_control(write_pack: PackWriter, tmp_path: Path, bidi: str) -> None:
    entities = TINY_PACK["entities.yaml"].replace("en: Pocket Life", f'en: "Pocket {bidi}Life"')
    folder = write_pack(**{"entities.yaml": entities})
    result = run("check", "--report", str(folder), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Pocket \ufffdLife" in result.stdout
    assert bidi not in result.stdout + result.stderr


def test_json_export_escapes_what_would_drive_a_terminal(write_pack: PackWriter, tmp_path: Path) -> None:
    odd = "".join(BIDI) + "\x85\x7f\u2028"
    escaped = "".join(f"\\u{ord(c):04x}" for c in odd)  # YAML escapes: a raw DEL is not allowed in YAML
    entities = TINY_PACK["entities.yaml"].replace("en: Pocket Life", f'en: "Pocket {escaped}Life"')
    folder = write_pack(**{"entities.yaml": entities})
    result = run("export", "-f", "json", str(folder), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert not set(odd) & set(result.stdout)  # escaped as \\uXXXX, not written raw
    assert "\\u202e" in result.stdout
    copy = tmp_path / "copy.json"
    copy.write_text(result.stdout, encoding="utf-8")
    assert load_pack(copy).entities[1].name.en == f"Pocket {odd}Life"  # the same data loads back


def test_a_pack_path_is_neutralised(write_pack: PackWriter, tmp_path: Path) -> None:
    folder = write_pack(f"pack{TITLE}")
    result = run("check", str(folder), cwd=tmp_path)
    assert result.returncode == 0
    assert ESC not in result.stdout and "pack␛]0;pwned␇: valid" in result.stdout
    missing = run("check", str(tmp_path / f"gone{TITLE}"), cwd=tmp_path)
    assert missing.returncode == 1 and ESC not in missing.stderr  # a missing path is no invalid content


@pytest.mark.parametrize(
    "args",
    [("--goto", f"entity:{TITLE}"), ("--goto", f"{TITLE}:x"), ("check", "a", TITLE)],
    ids=["goto-id", "goto-kind", "extra-argument"],
)
def test_arguments_echoed_back_are_neutralised(tmp_path: Path, args: tuple[str, ...]) -> None:
    result = run(*args, cwd=tmp_path)
    assert result.returncode in (1, 2)
    assert ESC not in result.stderr and "\a" not in result.stderr
    assert "␛" in result.stderr or "\\x1b" in result.stderr


def test_new_neutralises_the_name(tmp_path: Path) -> None:
    result = run("new", f"p{TITLE}", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert ESC not in result.stdout and "p␛]0;pwned␇" in result.stdout
    assert (tmp_path / f"p{TITLE}" / "meta.yaml").exists()  # the folder itself has the name asked for


def test_draft_neutralises_the_folder_name(tmp_path: Path) -> None:
    pytest.importorskip("jieba")
    article = tmp_path / "article.txt"
    article.write_text("招商银行推出了掌上生活。\n支付宝有数亿用户。\n", encoding="utf-8")
    result = run("draft", str(article), f"d{TITLE}", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert ESC not in result.stdout and "created d␛]0;pwned␇/meta.yaml" in result.stdout


# -- 9. SIGTERM, SIGHUP, SIGQUIT and SIGUSR1 restore the terminal ----------------------------------


def _run_in_terminal_then(signum: int, cache: Path) -> tuple[bytes, int]:
    """Open the explorer in a pseudo-terminal, send `signum` once it is drawn; (output after, exit code)."""
    import fcntl
    import pty
    import select
    import struct
    import termios

    pid, fd = pty.fork()
    if pid == 0:  # the child: become the explorer
        os.environ.update(TERM="xterm-256color", FINTECH_TUI_CACHE=str(cache))
        os.execv(sys.executable, [sys.executable, "-m", "fintech_tui"])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))

    def read_for(seconds: float, until: bytes | None = None) -> bytes:
        out = b""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and (until is None or until not in out):
            ready, _, _ = select.select([fd], [], [], 0.2)
            if ready:
                try:
                    chunk = os.read(fd, 65536)
                except OSError:  # the child is gone
                    break
                if not chunk:
                    break
                out += chunk
        return out

    try:
        drawn = read_for(45, until=b"Outline")
        assert b"\x1b[?1049h" in drawn and b"Outline" in drawn  # in the alternate screen, drawn
        os.kill(pid, signum)
        after = read_for(20)
        _, status = os.waitpid(pid, 0)
    finally:
        os.close(fd)
    return after, os.waitstatus_to_exitcode(status)


@pytest.mark.parametrize("signum", [15, 1, 3, 10], ids=["SIGTERM", "SIGHUP", "SIGQUIT", "SIGUSR1"])
def test_stop_signals_restore_the_terminal(tmp_path: Path, signum: int) -> None:
    after, code = _run_in_terminal_then(signum, tmp_path / "cache")
    assert code == 128 + signum
    assert b"\x1b[?1049l" in after  # left the alternate screen
    assert b"\x1b[?1000l" in after  # mouse tracking off
    assert b"\x1b[?25h" in after  # cursor shown


BLOCKED_APP = """
import sys, time
from fintech_tui.cli.shutdown import run_app

class Blocked:
    def run(self, loop):  # the event loop never gets to run: a render or a write that does not return
        print("running", flush=True)
        time.sleep(60)

    def exit(self, result=None, return_code=0):
        raise AssertionError("the loop cannot run this")

run_app(Blocked())
"""


@pytest.mark.parametrize("signum", [15, 1], ids=["SIGTERM", "SIGHUP"])
def test_a_stop_signal_ends_an_explorer_whose_loop_is_blocked(signum: int) -> None:
    """A closed terminal (SIGHUP) or SIGTERM ends the process even when the app cannot shut down:
    before, the handler waited for the loop, and an explorer stuck mid-write lived on at 20 % CPU."""
    import signal as signals
    import subprocess

    from fintech_tui.cli.shutdown import STOP_GRACE

    child = subprocess.Popen([sys.executable, "-c", BLOCKED_APP], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and child.stdout.readline() == "running\n"
        sent = time.monotonic()
        child.send_signal(signals.Signals(signum))
        code = child.wait(timeout=STOP_GRACE + 20)  # before: 60 s of sleep, then the app's exit
        assert code == 128 + signum
        assert time.monotonic() - sent >= STOP_GRACE * 0.9  # the grace came first: the app had its chance
    finally:
        child.kill()
        child.wait()


def test_a_second_stop_signal_ends_it_at_once() -> None:
    import signal as signals
    import subprocess

    child = subprocess.Popen([sys.executable, "-c", BLOCKED_APP], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and child.stdout.readline() == "running\n"
        child.send_signal(signals.SIGTERM)
        time.sleep(0.3)
        child.send_signal(signals.SIGTERM)
        assert child.wait(timeout=2.5) == 128 + signals.SIGTERM  # within the grace: the second one ended it
    finally:
        child.kill()
        child.wait()


# -- 12. export never writes through links ------------------------------------------------------


def test_export_refuses_a_dangling_symlink_without_force(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.md"
    link = tmp_path / "out.md"
    link.symlink_to(target)
    result = run("export", "-o", str(link), cwd=tmp_path)
    assert result.returncode == 1
    assert one_line(result) == f"fintech-tui: {link} exists; pass --force to replace it"
    assert not target.exists()


@pytest.mark.parametrize("dangling", [True, False])
def test_export_force_replaces_the_link_not_its_target(tmp_path: Path, dangling: bool) -> None:
    target = tmp_path / "elsewhere.md"
    if not dangling:
        target.write_text("keep me", encoding="utf-8")
    link = tmp_path / "out.md"
    link.symlink_to(target)
    result = run("export", "-o", str(link), "--force", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert not link.is_symlink() and link.read_text(encoding="utf-8").startswith("# ")
    assert (target.read_text(encoding="utf-8") == "keep me") if not dangling else not target.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".fintech-tui-tmp")]


def test_export_into_a_missing_folder_is_one_plain_line(tmp_path: Path) -> None:
    out = tmp_path / "no" / "such" / "out.md"
    result = run("export", "-o", str(out), cwd=tmp_path)
    assert result.returncode == 1
    assert one_line(result) == f"fintech-tui: cannot write {out}: there is no folder {out.parent}"


@pytest.mark.parametrize("force", [False, True])
def test_export_onto_a_folder_is_one_plain_line(tmp_path: Path, force: bool) -> None:
    (tmp_path / "out").mkdir()
    result = run("export", "-o", "out", *(["--force"] if force else []), cwd=tmp_path)
    assert result.returncode == 1
    assert one_line(result) == "fintech-tui: cannot write out: it is a folder; name a file to write"


# -- 14. leftovers ------------------------------------------------------------------------------


def test_an_interrupted_cache_write_leaves_no_temporary_file(
    write_pack: PackWriter, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(*_: object, **__: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(cache.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        load_pack(write_pack())
    assert not list(entries(cache_dir))


def bytes_read_starting_the_command_line() -> int:
    """What a Python process has read (/proc's rchar) once the command line's entry is imported."""
    probe = "import fintech_tui.cli, pathlib; print(pathlib.Path('/proc/self/io').read_text())"
    report = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    return next(int(line.split()[1]) for line in report.splitlines() if line.startswith("rchar"))


def test_sigint_while_loading_prints_one_line(write_pack: PackWriter, tmp_path: Path) -> None:
    folder = deep_pack(write_pack, 40_000)
    size = sum(file.stat().st_size for file in folder.iterdir())
    start_up = bytes_read_starting_the_command_line()
    child = subprocess.Popen(
        [sys.executable, "-m", "fintech_tui", "check", str(folder)],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "FINTECH_TUI_CACHE": "off"},
    )
    # Interrupt once the pack's bytes are read: parsing and checking 40,000 items is still ahead,
    # however fast the machine (a fixed sleep raced the parser and sometimes lost). The bytes read
    # count Python's own start-up too, so what starting the command line reads is added to the size
    # (counting the pack alone once signalled a busy child still inside the interpreter's start-up).
    io_stats = Path(f"/proc/{child.pid}/io")
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and child.poll() is None:
        read = next((int(line.split()[1]) for line in io_stats.read_text().splitlines() if line.startswith("rchar")), 0)
        if read >= start_up + size:
            break
        time.sleep(0.01)
    child.send_signal(signal.SIGINT)
    out, err = child.communicate(timeout=60)
    assert child.returncode == 130
    assert err == "fintech-tui: interrupted\n" and out == ""


def test_an_ascii_terminal_does_not_crash_check(tmp_path: Path) -> None:
    result = run("check", "--report", cwd=tmp_path, env={"PYTHONIOENCODING": "ascii"})
    assert result.returncode == 0, result.stderr
    assert "valid \\u2014 33 paragraphs" in result.stdout


def _close_stdout() -> None:
    os.close(1)


@pytest.mark.parametrize("verb", ["export", "schema", "check"])
def test_a_closed_stdout_is_one_line(tmp_path: Path, verb: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "fintech_tui", verb],
        cwd=tmp_path,
        stderr=subprocess.PIPE,
        text=True,
        timeout=60,
        preexec_fn=_close_stdout,
    )
    assert result.returncode == 1
    assert result.stderr == "fintech-tui: standard output is closed\n"


@pytest.mark.parametrize("arguments", [["export"], ["--version"], ["--help"], ["check", "--help"]])
def test_a_full_disk_on_stdout_is_one_line(tmp_path: Path, arguments: list[str]) -> None:
    """Help and version text too: argparse alone would swallow the error and exit 0."""
    if not Path("/dev/full").exists():
        pytest.skip("needs /dev/full")
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "fintech_tui", *arguments],
            cwd=tmp_path,
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
        )
    assert result.returncode == 1
    assert result.stderr == "fintech-tui: cannot write to standard output: no space left on device\n"


def test_a_reader_that_went_away_is_not_an_error_message(tmp_path: Path) -> None:
    child = subprocess.Popen(
        [sys.executable, "-m", "fintech_tui", "export"], cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert child.stdout is not None and child.stderr is not None
    child.stdout.close()  # gone before the first byte, like `| true`
    err = child.stderr.read().decode()
    assert child.wait(timeout=60) == 1
    assert err == ""


# -- the command line ---------------------------------------------------------------------------


def test_a_mistyped_verb_is_named(tmp_path: Path) -> None:
    result = run("chek", cwd=tmp_path)
    assert result.returncode == 1
    assert one_line(result) == "fintech-tui: unknown verb or pack 'chek' — did you mean check?"


# -- 13. serve ------------------------------------------------------------------------------------


@contextlib.contextmanager
def serving(tmp_path: Path, *args: str) -> Iterator[tuple[int, list[str]]]:
    """`fintech-tui serve --port 0 ARGS`: the real port (read from the banner) and the lines before it."""
    pytest.importorskip("textual_serve")
    server = subprocess.Popen(
        [sys.executable, "-m", "fintech_tui", "serve", "--port", "0", *args],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert server.stderr is not None
    try:
        lines = []
        while not lines or "serving on" not in lines[-1]:
            line = server.stderr.readline()
            assert line, f"serve ended: {lines}"
            lines.append(line.rstrip("\n"))
        found = re.search(r":(\d+) \(ctrl\+c to stop\)$", lines[-1])
        assert found, lines
        yield int(found.group(1)), lines
    finally:
        server.terminate()
        server.wait(timeout=20)


def get(port: int, path: str, headers: dict[str, str]) -> tuple[int, str]:
    """One request on a fresh connection to 127.0.0.1: (status, body)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        body = response.read().decode("utf-8", "replace") if response.status != 101 else ""
        return response.status, body
    finally:
        connection.close()


def handshake(port: int, origin: str | None, host: str | None = None) -> int:
    """The status of a WebSocket handshake on /ws from a page at `origin`."""
    headers = {
        "Host": host or f"127.0.0.1:{port}",
        "Upgrade": "websocket",
        "Connection": "Upgrade",
        "Sec-WebSocket-Key": base64.b64encode(os.urandom(16)).decode(),
        "Sec-WebSocket-Version": "13",
    }
    if origin is not None:
        headers["Origin"] = origin
    return get(port, "/ws", headers)[0]


def test_serve_prints_the_real_port_once_bound(tmp_path: Path) -> None:
    with serving(tmp_path) as (port, lines):
        assert port != 0 and lines == [f"fintech-tui: serving on http://127.0.0.1:{port} (ctrl+c to stop)"]
        status, page = get(port, "/", {"Host": f"127.0.0.1:{port}"})  # no retry: bound before the banner
        assert status == 200 and f'data-session-websocket-url="ws://127.0.0.1:{port}/ws"' in page


def test_serve_refuses_foreign_origins(tmp_path: Path) -> None:
    with serving(tmp_path) as (port, _):
        assert handshake(port, "http://evil.example") == 403
        assert handshake(port, f"http://evil.example:{port}", host=f"evil.example:{port}") == 403  # DNS rebinding
        assert handshake(port, f"http://127.0.0.1:{port + 1 if port < 65535 else port - 1}") == 403  # another app
        assert handshake(port, "null") == 403
        assert handshake(port, f"http://127.0.0.1:{port}") == 101


def test_allow_origin_widens(tmp_path: Path) -> None:
    with serving(tmp_path, "--allow-origin", "http://Friend.example:8080/") as (port, _):
        assert handshake(port, "http://friend.example:8080") == 101
        assert handshake(port, "http://evil.example") == 403


def test_serve_beyond_loopback_warns_and_points_the_browser_back(tmp_path: Path) -> None:
    with serving(tmp_path, "--host", "0.0.0.0") as (port, lines):
        assert lines[0].startswith("fintech-tui: warning: listening on 0.0.0.0, beyond this machine")
        _, page = get(port, "/", {"Host": f"192.0.2.7:{port}"})  # as a browser on another machine asks
        assert f'data-session-websocket-url="ws://192.0.2.7:{port}/ws"' in page
        assert "127.0.0.1" not in page and "0.0.0.0" not in page
        assert handshake(port, f"http://192.0.2.7:{port}", host=f"192.0.2.7:{port}") == 101


def test_a_busy_port_is_one_line_and_no_banner(tmp_path: Path) -> None:
    pytest.importorskip("textual_serve")
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run("serve", "--port", str(port), cwd=tmp_path)
    assert result.returncode == 1
    assert one_line(result) == f"fintech-tui: cannot listen on 127.0.0.1 port {port}: address already in use"


INTERRUPTED_IMPORT = """
import sys
class Interrupt:
    def find_spec(self, name, path=None, target=None):
        if name == "fintech_tui.cli.dispatch":
            raise KeyboardInterrupt  # ctrl+c while the command line is still importing
sys.meta_path.insert(0, Interrupt())
from fintech_tui.cli import main
raise SystemExit(main(["check"]))
"""


def test_ctrl_c_while_the_command_line_imports_is_one_line() -> None:
    result = subprocess.run([sys.executable, "-c", INTERRUPTED_IMPORT], capture_output=True, text=True, timeout=60)
    assert result.returncode == 130
    assert result.stderr == "fintech-tui: interrupted\n"
