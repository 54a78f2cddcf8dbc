"""A second attack, none of it repeating test_attacks.py: each case runs the real command line.

Every case here failed before its fix: a symlinked cache folder was written
through, `--force` replaced devices, YAML 1.1 spellings rewrote text, and so on.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import re
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import PackWriter


def run(
    *args: str, cwd: Path, env: dict[str, str | None] | None = None, **kwargs: object
) -> subprocess.CompletedProcess[str]:
    """`python -m fintech_tui ARGS`, as a user runs it, with its own cache; None in `env` unsets."""
    merged = {**os.environ, "FINTECH_TUI_CACHE": str(cwd / "own-cache"), **(env or {})}
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "fintech_tui", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        env={name: value for name, value in merged.items() if value is not None},
        **kwargs,
    )


def one_line(result: subprocess.CompletedProcess[str]) -> str:
    """The single line a failure prints; fails the test if there is more, or a traceback."""
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


# -- the cache folder is checked itself, never through a link -------------------------------------


def test_a_symlinked_cache_folder_is_never_written_through(write_pack: PackWriter, tmp_path: Path) -> None:
    pack = write_pack()
    shared = tmp_path / "shared"
    victim = tmp_path / "victim"
    shared.mkdir()
    victim.mkdir(mode=0o700)
    (shared / "fintech-tui").symlink_to(victim)
    for _ in range(2):  # the second run would read what the first wrote
        result = run("check", str(pack), cwd=tmp_path, env={"FINTECH_TUI_CACHE": None, "XDG_CACHE_HOME": str(shared)})
        assert result.returncode == 0, result.stderr
    assert list(victim.iterdir()) == []


# -- export --force replaces only regular files and links, and keeps the mode ---------------------


def test_force_never_replaces_a_fifo(write_pack: PackWriter, tmp_path: Path) -> None:
    fifo = tmp_path / "out.md"
    os.mkfifo(fifo)
    result = run("export", "-o", str(fifo), "--force", str(write_pack()), cwd=tmp_path)
    assert result.returncode != 0
    assert "named pipe (FIFO), not a regular file" in one_line(result)
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_force_keeps_a_private_file_private(write_pack: PackWriter, tmp_path: Path) -> None:
    private = tmp_path / "out.md"
    private.write_text("old", encoding="utf-8")
    private.chmod(0o600)
    result = run("export", "-o", str(private), "--force", str(write_pack()), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "A tiny article" in private.read_text(encoding="utf-8")
    assert stat.S_IMODE(private.stat().st_mode) == 0o600


# -- aliases used as keys count against the alias limits; a problem line stays short ---------------


def _alias_key_pack(tmp_path: Path, key_chars: int, keys: int) -> Path:
    lines = ["meta:", "  title: {en: T}", "paragraphs:", "  - id: p1", f"    text: &s {'x' * key_chars}"]
    lines += ["  - id: p2", "    text: t", "    extra:"] + [f"      *s : {i}" for i in range(keys)]
    path = tmp_path / "pack.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_large_anchor_reused_as_a_key_is_refused_at_the_alias(tmp_path: Path) -> None:
    result = run("check", str(_alias_key_pack(tmp_path, 1_000_000, 300)), cwd=tmp_path)
    assert result.returncode == 2
    assert len(result.stderr) < 1000
    # the fifth 1 MB key passes the 4 MB limit
    assert "pack.yaml:13:7: refused: aliases repeat more than 4,000,000 characters of text" in result.stderr


def test_a_duplicate_alias_key_names_where_it_was_first_given(tmp_path: Path) -> None:
    result = run("check", str(_alias_key_pack(tmp_path, 1000, 3)), cwd=tmp_path)
    duplicates = [line for line in result.stderr.splitlines() if "duplicate key" in line]
    assert len(duplicates) == 2
    assert all(line.endswith("duplicate key (first given on line 9)") and len(line) < 200 for line in duplicates)


def test_a_huge_key_or_restored_text_gives_a_short_problem_line(write_pack: PackWriter, tmp_path: Path) -> None:
    source = f"""
        paragraphs:
          - id: p1
            text: 口袋生活是招商银行的应用。
            ? {"k" * 200_000}
            : v
          - id: p2
            text: 支付宝有数亿用户。
            restored: {"r" * 200_000}
        """
    result = run("check", str(write_pack(**{"source.yaml": source})), cwd=tmp_path)
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 3 and max(map(len, lines)) < 300, [line[:300] for line in lines]
    assert lines[1].endswith("is not explained by an alias, a glossary term or a restored note")


# -- serve: one client cannot make its explorer grow without limit; shutdown stops every session ---


def _children(pid: int) -> list[int]:
    """The processes `pid` started, and theirs (from /proc)."""
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        with contextlib.suppress(OSError):
            for child in map(int, (task / "children").read_text().split()):
                found += [child, *_children(child)]
    return found


def _rss_mb(pid: int) -> float:
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def _explorer_of(pid: int) -> int:
    """The session's explorer among serve's children, once it has started (within 30 s). A child
    still between fork and exec carries serve's own command line (and environment): not yet it."""
    serving = Path(f"/proc/{pid}/cmdline").read_bytes()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        for child in _children(pid):
            with contextlib.suppress(OSError):
                command = Path(f"/proc/{child}/cmdline").read_bytes()
                if b"fintech_tui" in command and command != serving:
                    return child
        time.sleep(0.2)
    raise AssertionError("no session started")


@pytest.mark.app
@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads /proc")
def test_a_serve_client_cannot_blow_up_its_explorer_and_sigterm_stops_it(
    write_pack: PackWriter, tmp_path: Path
) -> None:
    pytest.importorskip("textual_serve")
    aiohttp = pytest.importorskip("aiohttp")
    server = subprocess.Popen(
        [sys.executable, "-m", "fintech_tui", "serve", "--port", "0", str(write_pack())],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "FINTECH_TUI_CACHE": "off"},
    )
    assert server.stderr is not None
    try:
        banner = server.stderr.readline()
        port = int(re.search(r":(\d+) \(ctrl", banner).group(1))  # type: ignore[union-attr]

        async def attack() -> tuple[int, str, float]:
            url = f"http://127.0.0.1:{port}/ws?width=20000&height=20000"
            async with aiohttp.ClientSession() as session, session.ws_connect(url) as socket:
                explorer = await asyncio.to_thread(_explorer_of, server.pid)
                columns = Path(f"/proc/{explorer}/environ").read_bytes().split(b"\0")
                for _ in range(3):
                    await socket.send_json(["resize", {"width": 100_000_000, "height": 100_000_000}])
                    await socket.send_json(["resize", {"width": "wide", "height": None}])
                await asyncio.sleep(4)  # unclamped, the explorer had grown to 816 MB by now
                return explorer, next(v.decode() for v in columns if v.startswith(b"COLUMNS=")), _rss_mb(explorer)

        explorer, columns, rss = asyncio.run(asyncio.wait_for(attack(), 60))
        assert columns == "COLUMNS=1000"
        assert rss < 400, f"the explorer grew to {rss:.0f} MB"
        assert server.poll() is None
        started = time.monotonic()
        server.terminate()
        assert server.wait(timeout=15) == 0
        assert time.monotonic() - started < 10
        time.sleep(0.5)
        assert not Path(f"/proc/{explorer}").exists() or "zombie" in Path(f"/proc/{explorer}/status").read_text()
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()


# -- YAML 1.1 spellings never rewrite text; a number is read as YAML 1.2 reads it -------------------


def test_text_written_like_a_yaml_1_1_number_stays_as_written(tmp_path: Path) -> None:
    texts = ["1:30", "010", "0x1F", "1_000", "0b11", "+12", "1e-07", "-.5"]
    rows = "".join(f"  - {{id: p{i}, text: {text}}}\n" for i, text in enumerate(texts))
    pack = tmp_path / "pack.yaml"
    pack.write_text(f"meta:\n  title: {{en: T}}\nparagraphs:\n{rows}  - {{id: '8', text: eight}}\n", encoding="utf-8")
    result = run("export", "-f", "json", str(pack), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    paragraphs = json.loads(result.stdout)["paragraphs"]
    assert [p["text"] for p in paragraphs] == [*texts, "eight"]


def test_an_id_written_like_an_octal_number_does_not_become_another_id(tmp_path: Path) -> None:
    pack = tmp_path / "pack.yaml"
    body = "meta:\n  title: {en: T}\nparagraphs:\n  - {id: 010, text: a}\n  - {id: '8', text: b}\n"
    pack.write_text(body, encoding="utf-8")
    result = run("export", "-f", "json", str(pack), cwd=tmp_path)
    assert result.returncode == 0, result.stderr  # before: both were '8', a duplicate id
    assert [p["id"] for p in json.loads(result.stdout)["paragraphs"]] == ["010", "8"]


@pytest.mark.parametrize(
    ("written", "problem"),
    [
        ("1:30", "'1:30' is a number only in YAML 1.1 (90); write 90"),
        ("1_000", "'1_000' is a number only in YAML 1.1 (1000); write 1000"),
        ("010", "'010' is 8 in YAML 1.1 but 10 in YAML 1.2; write one"),
    ],
)
def test_a_number_field_refuses_what_yaml_1_1_alone_reads_as_a_number(
    write_pack: PackWriter, tmp_path: Path, written: str, problem: str
) -> None:
    figures = f"""
        figures:
          - {{id: users, metric: {{en: U}}, as_written: 数亿, value: {written}, evidence: [{{para: p2, quote: 数亿}}]}}
        """
    result = run("check", str(write_pack(**{"figures.yaml": figures})), cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines()[0].endswith(f"figures.yaml:2:57: figures[0].value: {problem}")


@pytest.mark.parametrize(("written", "value"), [("0x1F", 31), ("+12", 12), ("1e-07", 1e-07), ("0o17", 15)])
def test_a_number_field_reads_yaml_1_2_numbers(
    write_pack: PackWriter, tmp_path: Path, written: str, value: float
) -> None:
    figures = f"""
        figures:
          - {{id: users, metric: {{en: U}}, as_written: 数亿, value: {written}, evidence: [{{para: p2, quote: 数亿}}]}}
        """
    result = run("export", "-f", "json", str(write_pack(**{"figures.yaml": figures})), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["figures"][0]["value"] == value


# -- the cache's settings -------------------------------------------------------------------------


def test_cache_false_means_off_not_a_folder_named_false(write_pack: PackWriter, tmp_path: Path) -> None:
    result = run("check", str(write_pack()), cwd=tmp_path, env={"FINTECH_TUI_CACHE": "false"})
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "false").exists()


# -- a cache entry is checked again; anything wrong in it means the pack is read afresh ----------


def _deep_outline(pack: dict) -> None:  # type: ignore[type-arg]
    node = dict(pack["outline"][0], children=[])
    for depth in range(400):  # before: RecursionError in `export -f json`
        node = dict(node, id=f"n{depth}", children=[node])
    pack["outline"] = [node]


TAMPERINGS = {
    "evidence to no paragraph": lambda pack: pack["entities"][0]["evidence"][0].update(para="p99"),
    "a parent that is not there": lambda pack: pack["entities"][1].update(parent="ghost"),
    "no paragraphs": lambda pack: pack.update(paragraphs=[]),
    "a parent chain that loops": lambda pack: pack["arguments"][0].update(parent="because", relation="supports"),
    "paragraphs numbered wrong": lambda pack: pack["paragraphs"][0].update(number=7),
    "an outline 400 deep": _deep_outline,
    "an empty name": lambda pack: pack["entities"][0].update(name={"en": " ", "zh": ""}),
    "a number past the bound": lambda pack: pack["figures"][0].update(value=1e300),
}


@pytest.mark.parametrize(
    ("tamper", "form"),
    [
        pytest.param(tamper, form, id=f"{form}-{name}")
        for name, tamper in TAMPERINGS.items()
        for form in ("md", "html", "json")
        if (name, form) != ("paragraphs numbered wrong", "json")  # JSON leaves derived numbers out
    ],
)
def test_a_cache_entry_that_could_not_come_from_a_valid_pack_is_a_miss(
    write_pack: PackWriter, tmp_path: Path, tamper: object, form: str
) -> None:
    pack = write_pack()
    fresh = run("export", "-f", form, str(pack), cwd=tmp_path)  # fills the cache
    assert fresh.returncode == 0, fresh.stderr
    [entry] = (tmp_path / "own-cache").glob("*.json")
    stored = json.loads(entry.read_bytes())
    tamper(stored["pack"])  # type: ignore[operator]
    entry.write_text(json.dumps(stored), encoding="utf-8")
    result = run("export", "-f", form, str(pack), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == fresh.stdout


def test_an_entry_edited_by_hand_is_not_believed_even_when_it_is_consistent(
    write_pack: PackWriter, tmp_path: Path
) -> None:
    pack = write_pack()
    fresh = run("export", "-f", "md", str(pack), cwd=tmp_path)  # fills the cache
    [entry] = (tmp_path / "own-cache").glob("*.json")
    edited = entry.read_bytes().replace(b"A tiny article", b"A false title!")  # same length, still valid
    assert edited != entry.read_bytes()
    entry.write_bytes(edited)
    result = run("export", "-f", "md", str(pack), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == fresh.stdout and "A false title!" not in result.stdout  # its seal no longer fits


def test_an_entry_copied_from_another_cache_is_a_miss(write_pack: PackWriter, tmp_path: Path) -> None:
    pack, other = write_pack(), write_pack("other")
    run("check", str(pack), cwd=tmp_path)  # sealed with own-cache's secret
    elsewhere = tmp_path / "elsewhere"
    assert run("check", str(other), cwd=tmp_path, env={"FINTECH_TUI_CACHE": str(elsewhere)}).returncode == 0
    [entry] = (tmp_path / "own-cache").glob("*.json")
    copied = elsewhere / entry.name
    copied.write_bytes(entry.read_bytes())
    assert (elsewhere / "seal.key").read_bytes() != (tmp_path / "own-cache" / "seal.key").read_bytes()
    assert run("check", str(pack), cwd=tmp_path, env={"FINTECH_TUI_CACHE": str(elsewhere)}).returncode == 0
    assert copied.read_bytes() != entry.read_bytes()  # not used: the pack was read and sealed afresh


# -- settings.json is read like a pack file, and what a user wrote in it is never lost ------------

SETTINGS_PROBE = """
import sys, time
from pathlib import Path
from fintech_tui.tui.settings import Settings
started = time.monotonic()
settings = Settings.load(Path(sys.argv[1]))
settings.theme = "nord"
print(settings.writable, settings.save(), round(time.monotonic() - started, 1))
"""


def _load_and_save(path: Path) -> str:
    """Load the settings at `path` in a fresh process and save them: what it printed."""
    result = subprocess.run(
        [sys.executable, "-c", SETTINGS_PROBE, str(path)], capture_output=True, text=True, timeout=30
    )
    assert result.returncode == 0 and not result.stderr, result.stderr
    return result.stdout.split()[0] + " " + result.stdout.split()[1]


def test_settings_nested_past_any_limit_are_not_read_nor_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    body = b'{"theme": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"  # before: RecursionError
    path.write_bytes(body)
    assert _load_and_save(path) == "False False"
    assert path.read_bytes() == body


@pytest.mark.parametrize("kind", ["fifo", "zero"])
def test_a_settings_file_that_is_not_a_regular_file_is_not_read(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "settings.json"
    if kind == "fifo":
        os.mkfifo(path)  # before: the explorer hung at start
    else:
        path.symlink_to("/dev/zero")  # before: 6 GB in 30 s
    assert _load_and_save(path) == "False False"
    assert stat.S_ISFIFO(path.stat().st_mode) if kind == "fifo" else path.readlink() == Path("/dev/zero")


def test_a_huge_settings_file_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    last = ", ".join(f'"/packs/{i}": "entity:x"' for i in range(3_000_000))
    path.write_text(f'{{"last": {{{last}}}}}', encoding="utf-8")
    assert _load_and_save(path) == "False False"


def test_remembering_trims_many_entries_in_one_pass() -> None:
    from fintech_tui.tui.settings import MAX_PACKS, Settings

    settings = Settings(last={f"/packs/{i}": "entity:x" for i in range(300_000)})
    started = time.monotonic()
    settings.remember("/packs/new", "entity:y")  # before: one deletion at a time, quadratic
    assert time.monotonic() - started < 5
    assert len(settings.last) == MAX_PACKS and list(settings.last)[-2:] == ["/packs/299999", "/packs/new"]


def test_keys_written_by_hand_survive_a_save(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"mine": {"keep": [1, "two"]}, "theme": "dracula", "zz": null}', encoding="utf-8")
    assert _load_and_save(path) == "True True"
    assert json.loads(path.read_text(encoding="utf-8")) == {
        "mine": {"keep": [1, "two"]},
        "theme": "nord",
        "zz": None,
        "lang": "",
        "evidence_readings": True,
        "last": {},
    }


@pytest.mark.parametrize(
    "body", ['{"theme": 5}', '{"lang": "fr"}', '{"last": {"/p": 3}}', '{"evidence_readings": "yes"}']
)
def test_a_settings_file_with_a_value_of_the_wrong_type_is_never_overwritten(tmp_path: Path, body: str) -> None:
    path = tmp_path / "settings.json"
    path.write_text(body, encoding="utf-8")
    assert _load_and_save(path) == "False False"
    assert path.read_text(encoding="utf-8") == body


def test_a_symlinked_settings_file_is_written_to_its_target(tmp_path: Path) -> None:
    dotfiles = tmp_path / "dotfiles"
    dotfiles.mkdir()
    target = dotfiles / "fintech-tui.json"
    target.write_text('{"theme": "dracula"}', encoding="utf-8")
    target.chmod(0o600)
    link = tmp_path / "settings.json"
    link.symlink_to(target)
    before = target.stat().st_ino
    assert _load_and_save(link) == "True True"
    assert link.is_symlink() and link.readlink() == target  # before: replaced by a regular file
    assert json.loads(target.read_text(encoding="utf-8"))["theme"] == "nord"
    assert target.stat().st_ino != before  # renamed over, never written in place
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert sorted(p.name for p in dotfiles.iterdir()) == ["fintech-tui.json"]


# -- what the operating system refuses is one line naming the path and the cause -----------------

LONG = "a" * 300  # past NAME_MAX: ENAMETOOLONG


@pytest.mark.parametrize(
    "args",
    [
        ("check", LONG),
        ("export", "-o", f"{LONG}.md", "PACK"),
        ("new", LONG),
        ("draft", LONG, "out"),
        ("draft", "ARTICLE", LONG),
    ],
    ids=["check", "export", "new", "draft-article", "draft-folder"],
)
def test_a_path_too_long_is_one_line(write_pack: PackWriter, tmp_path: Path, args: tuple[str, ...]) -> None:
    article = tmp_path / "article.txt"
    article.write_text("招商银行有1000万用户。\n", encoding="utf-8")
    given = [str(write_pack()) if arg == "PACK" else str(article) if arg == "ARTICLE" else arg for arg in args]
    result = run(*given, cwd=tmp_path)
    assert result.returncode == 1
    line = one_line(result)
    assert line.endswith(": file name too long") and "more)…" in line and "DEBUG" not in line, line


def test_new_inside_a_file_names_the_path(tmp_path: Path) -> None:
    (tmp_path / "f").write_text("x", encoding="utf-8")
    result = run("new", "f/sub", cwd=tmp_path)
    assert result.returncode == 1
    assert one_line(result) == "fintech-tui: f/sub: not a directory"


@pytest.mark.parametrize("verb", ["new", "draft"])
def test_a_dangling_symlink_is_named_as_one(tmp_path: Path, verb: str) -> None:
    (tmp_path / "pack").symlink_to("elsewhere")
    article = tmp_path / "article.txt"
    article.write_text("招商银行有1000万用户。\n", encoding="utf-8")
    result = run(*(["new"] if verb == "new" else ["draft", str(article)]), "pack", cwd=tmp_path)
    assert result.returncode == 1
    assert one_line(result) == "fintech-tui: pack: a symlink to elsewhere, which does not exist; nothing was written"
    assert not (tmp_path / "elsewhere").exists()


def test_an_os_error_is_described_by_its_path_and_cause() -> None:
    from fintech_tui.cli.output import describe_os_error

    assert (
        describe_os_error(PermissionError(13, "Permission denied", "pack/a.yaml")) == "pack/a.yaml: permission denied"
    )


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads and writes regardless of permissions")
@pytest.mark.parametrize(
    ("mode", "args"), [(0o000, ("check", "pack")), (0o600, ("check", "pack")), (0o500, ("new", "pack/new"))]
)
def test_what_permissions_refuse_is_one_line(
    write_pack: PackWriter, tmp_path: Path, mode: int, args: tuple[str, ...]
) -> None:
    pack = write_pack()
    pack.chmod(mode)
    try:
        result = run(*args, cwd=tmp_path)
    finally:
        pack.chmod(0o700)
    assert result.returncode == 1
    assert one_line(result).endswith(": permission denied")


# -- the right message, once --------------------------------------------------------------------


def test_equals_and_double_angle_are_text_not_tags(write_pack: PackWriter, tmp_path: Path) -> None:
    source = """
        paragraphs:
          - id: p1
            text: 口袋生活是招商银行的应用。
          - id: p2
            text: 支付宝有数亿用户。
          - {id: p3, text: =, en: =}
          - {id: p4, text: <<, en: <<}
        """
    result = run("export", "-f", "json", str(write_pack(**{"source.yaml": source})), cwd=tmp_path)
    assert result.returncode == 0, result.stderr  # before: "tag:yaml.org,2002:value is not allowed"
    paragraphs = json.loads(result.stdout)["paragraphs"][2:]
    assert [(p["text"], p["en"]) for p in paragraphs] == [("=", "="), ("<<", "<<")]


def test_a_refused_tag_is_reported_once(write_pack: PackWriter, tmp_path: Path) -> None:
    source = """
        paragraphs:
          - id: p1
            text: !!python/object 口袋生活
          - id: p2
            text: 支付宝有数亿用户。
        """
    result = run("check", str(write_pack(**{"source.yaml": source})), cwd=tmp_path)
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert any(line.endswith("tag 'tag:yaml.org,2002:python/object' is not allowed") for line in lines)
    assert not any("got nothing (null)" in line for line in lines), lines


def test_an_empty_id_does_not_make_other_parents_loop(write_pack: PackWriter, tmp_path: Path) -> None:
    arguments = """
        arguments:
          - {id: '', role: thesis, claim: {en: Apps matter.}}
          - {id: thesis, role: thesis, claim: {en: Apps matter.}}
          - {id: because, role: reason, parent: thesis, relation: supports, claim: {en: Users.}}
        """
    result = run("check", str(write_pack(**{"arguments.yaml": arguments})), cwd=tmp_path)
    assert result.returncode == 2
    assert "loops back" not in result.stderr
    assert "'' is not a valid id" in result.stderr


def test_a_single_file_pack_that_is_a_list_gets_one_problem(tmp_path: Path) -> None:
    pack = tmp_path / "pack.yaml"
    pack.write_text("- meta: {}\n- paragraphs: []\n", encoding="utf-8")
    result = run("check", str(pack), cwd=tmp_path)
    assert result.returncode == 2
    first, last = result.stderr.splitlines()  # before: also missing 'meta' and 'paragraphs'
    assert first.endswith("pack.yaml:1:1: the top level must be a mapping of sections (meta, paragraphs, …)")
    assert last == "fintech-tui: 1 problem; pack invalid"


def test_an_output_name_with_a_newline_stays_on_one_line(write_pack: PackWriter, tmp_path: Path) -> None:
    result = run("export", "-o", "a\nb.md", str(write_pack()), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == "wrote a\u240ab.md\n"
    again = run("export", "-o", "a\nb.md", str(write_pack("again")), cwd=tmp_path)
    assert one_line(again) == "fintech-tui: a\u240ab.md exists; pass --force to replace it"


def test_serve_refuses_an_empty_host(write_pack: PackWriter, tmp_path: Path) -> None:
    result = run("serve", "--host", "", "--port", "0", str(write_pack()), cwd=tmp_path)
    assert result.returncode == 1
    assert one_line(result).startswith("fintech-tui: --host needs an address")


@pytest.mark.parametrize("number", ["9" * 5000])
def test_goto_a_paragraph_number_of_many_digits(write_pack: PackWriter, tmp_path: Path, number: str) -> None:
    result = run("--goto", f"paragraph:{number}", str(write_pack()), cwd=tmp_path)
    assert result.returncode == 1
    assert one_line(result).endswith(": the article has paragraphs ¶1 to ¶2")


# -- draft: bounded, and what it writes always loads ---------------------------------------------


def test_a_drafted_number_of_5000_digits_leaves_a_pack_that_loads(tmp_path: Path) -> None:
    pytest.importorskip("jieba")
    article = tmp_path / "article.txt"
    article.write_text(f"招商银行有{'9' * 5000}万用户。\n", encoding="utf-8")
    result = run("draft", str(article), "pack", cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]  # before: ValueError from the YAML writer
    assert "drafted 1 paragraph," in result.stdout and "problem" not in result.stderr
    figures = (tmp_path / "pack" / "figures.yaml").read_text(encoding="utf-8")
    assert "9" * 5000 in figures and "value: 9999" not in figures  # the words stay, the number goes


def test_an_article_whose_pack_would_not_load_is_refused_before_writing() -> None:
    from fintech_tui.draft.limits import MAX_NODES, within_limits
    from fintech_tui.draft.reading import ArticleError

    paragraphs = [{"id": f"p{i}", "text": "第一段。"} for i in range(MAX_NODES // 4)]
    with pytest.raises(ArticleError, match=r"too long to draft: source\.yaml would hold 2,500,003 values"):
        within_limits({"source.yaml": {"paragraphs": paragraphs}}, "article.txt")


@pytest.mark.parametrize(("kind", "said"), [("fifo", "a named pipe (FIFO)"), ("zero", "a character device")])
def test_draft_says_what_a_source_that_is_not_a_file_is(tmp_path: Path, kind: str, said: str) -> None:
    source = tmp_path / "article.txt"
    if kind == "fifo":
        os.mkfifo(source)
    else:
        source.symlink_to("/dev/zero")
    result = run("draft", str(source), "pack", cwd=tmp_path)
    assert result.returncode == 1
    assert one_line(result).endswith(f"article.txt: cannot read: {said}, not a regular file")  # not "no such file"


@pytest.mark.parametrize("single_file", [False, True])
def test_a_cache_folder_inside_the_pack_is_never_written(
    write_pack: PackWriter, tmp_path: Path, single_file: bool
) -> None:
    pack = write_pack()
    target = pack / "all.yaml" if single_file else pack
    if single_file:
        (pack / "all.yaml").write_text(
            "meta:\n  title: {en: T}\nparagraphs:\n  - {id: p1, text: t}\n", encoding="utf-8"
        )
        for other in pack.iterdir():
            if other.name != "all.yaml":
                other.unlink()
    before = sorted(p.name for p in pack.iterdir())
    result = run("check", str(target), cwd=pack, env={"FINTECH_TUI_CACHE": None, "XDG_CACHE_HOME": "."})
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in pack.iterdir()) == before  # before: a fintech-tui/ folder appeared


def test_the_cache_is_bounded_and_forgets_the_least_recently_used_first(
    write_pack: PackWriter, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fintech_tui.loader import cache, load_pack

    folder = tmp_path / "bounded"
    monkeypatch.setenv("FINTECH_TUI_CACHE", str(folder))
    packs = [write_pack(f"pack{i}", **{"meta.yaml": f"meta: {{title: {{en: Pack {i}}}}}"}) for i in range(4)]
    entries: list[Path] = []
    for pack in packs[:3]:
        known = set(folder.glob("*.json"))
        load_pack(pack)
        [new] = set(folder.glob("*.json")) - known
        entries.append(new)
        time.sleep(0.02)
    monkeypatch.setattr(cache, "MAX_CACHE_BYTES", max(e.stat().st_size for e in entries) * 3 + 10)  # room for three
    load_pack(packs[0])  # a hit: pack 0's entry is now the most recently used
    time.sleep(0.02)
    load_pack(packs[3])  # a fourth entry: the least recently used, pack 1's, goes
    assert len(list(folder.glob("*.json"))) == 3  # before: never evicted
    assert [entry.exists() for entry in entries] == [True, False, True]


@pytest.mark.parametrize("clause", ["招商银行有1000万用户，", "JPMorgan Chase has 10 million users, "])
def test_drafting_one_long_paragraph_takes_time_in_proportion_to_it(clause: str) -> None:
    """Twice the paragraph, at most three times the CPU time (before: each figure searched the whole
    paragraph for its sentence, subject and source, and 62 KB on one line took 25 s)."""
    pytest.importorskip("jieba")
    from fintech_tui.draft import draft_sections
    from fintech_tui.draft.reading import Block

    def cpu(repeats: int) -> float:
        started = time.process_time()
        sections = draft_sections([Block(clause * repeats)], "article.txt")
        assert len(sections["figures.yaml"]["figures"]) == repeats  # every figure read, none skipped
        return time.process_time() - started

    cpu(20)  # the dictionaries load once, outside the measure
    once, twice = cpu(900), cpu(1800)
    assert twice / once < 3, f"{once:.2f} s, then {twice:.2f} s for twice the text"


def test_drafting_a_long_markdown_table_takes_time_in_proportion_to_it() -> None:
    """A table in one Markdown paragraph, a firm per row and one short name on many rows: twice the
    rows, at most three times the CPU time (before: each row's name searched the whole table again
    for its other uses and tried every name found so far as its long form; 400 rows took 12 s)."""
    from fintech_tui.draft import draft_sections
    from fintech_tui.draft.reading import Block

    def firm(i: int) -> str:
        letters = ""
        while True:
            letters, i = letters + "bdfklmnprstvz"[i % 13], i // 13
            if not i:
                return f"Kor{letters} Capital"

    def cpu(rows: int) -> float:
        cells = "".join(
            f"| Acme | {i % 90 + 1}% || Acme | 3% || Acme | 4% || {firm(i)} | {i % 80 + 2}% |" for i in range(rows)
        )
        started = time.process_time()
        sections = draft_sections([Block("| Lender | Share ||---|---:|" + cells, marked=True)], "table.md")
        assert len(sections["figures.yaml"]["figures"]) == 4 * rows  # every cell read, none skipped
        assert len(sections["entities.yaml"]["entities"]) >= rows  # every row's firm named
        return time.process_time() - started

    cpu(5)  # the finders load once, outside the measure
    once, twice = cpu(60), cpu(120)
    assert twice / once < 3, f"{once:.2f} s, then {twice:.2f} s for twice the rows"


# -- what the tool writes loads back; a JSON pack is read as JSON ----------------------------------


def test_a_json_pack_written_by_json_dumps_loads_with_its_emoji(tmp_path: Path) -> None:
    pack = {
        "meta": {"title": {"en": "Banks \U0001f3e6"}},
        "paragraphs": [{"id": "p1", "text": "银行 \U0001f3e6 and a path C:\\ud83c\\udfe6"}],
        "figures": [{"id": "f1", "metric": {"en": "m"}, "as_written": "x", "value": 0.0000001,
                     "evidence": [{"para": "p1", "quote": "银行"}]}],
    }  # fmt: skip
    written = json.dumps(pack)
    assert "\\ud83c\\udfe6" in written and "1e-07" in written  # what json.dumps writes for 🏦 and 0.0000001
    (tmp_path / "pack.json").write_text(written, encoding="utf-8")
    result = run("export", "-f", "json", "pack.json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr  # before: "invalid Unicode character escape code"
    exported = json.loads(result.stdout)
    assert exported["meta"]["title"]["en"] == "Banks \U0001f3e6"
    assert exported["paragraphs"][0]["text"] == pack["paragraphs"][0]["text"]  # an escaped backslash stays one
    assert exported["figures"][0]["value"] == 0.0000001


def test_a_lone_surrogate_in_a_json_pack_is_one_located_problem(tmp_path: Path) -> None:
    (tmp_path / "pack.json").write_text(
        '{"meta": {"title": {"en": "T"}},\n "paragraphs": [{"id": "p1", "text": "half \\ud83c of it"}]}',
        encoding="utf-8",
    )
    result = run("check", "pack.json", cwd=tmp_path)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr and result.stderr.startswith("pack.json:2:"), result.stderr


def test_every_pack_format_export_loads_back_and_exports_again_the_same(write_pack: PackWriter, tmp_path: Path) -> None:
    from fintech_tui.export import export_formats

    figures = """
        figures:
          - id: users
            metric: {en: Users 🏦}
            as_written: 数亿用户
            value: 0.0000001
            evidence:
              - {para: p2, quote: 数亿用户}
          - id: big
            metric: {en: Big}
            as_written: 数亿用户
            value: 1.5e+17
            evidence:
              - {para: p2, quote: 数亿用户}
        """
    pack = write_pack(**{"figures.yaml": figures})
    formats = [fmt for fmt in export_formats() if fmt.pack]
    assert [fmt.name for fmt in formats] == ["json"]
    for fmt in formats:
        first, second = tmp_path / f"first{fmt.extension}", tmp_path / f"second{fmt.extension}"
        assert run("export", "-f", fmt.name, str(pack), "-o", str(first), cwd=tmp_path).returncode == 0
        checked = run("check", str(first), cwd=tmp_path)
        assert checked.returncode == 0, checked.stderr  # before: 1e-07 and 1.5e+17 were refused
        assert run("export", "-f", fmt.name, str(first), "-o", str(second), cwd=tmp_path).returncode == 0
        assert second.read_bytes() == first.read_bytes()


@pytest.mark.parametrize("ending", ["\r", "\r\n", "\n"], ids=["cr", "crlf", "lf"])
@pytest.mark.parametrize(("bad", "said"), [(b"\x00", "character U+0000 is not allowed"), (b"\xff", "not UTF-8")])
def test_a_bad_byte_is_placed_on_its_line_whatever_the_line_endings(
    tmp_path: Path, ending: str, bad: bytes, said: str
) -> None:
    lines = ["meta:", "  title: {en: T}", "paragraphs:", '  - {id: p1, text: "a_b"}']
    body = (ending.join(lines) + ending).encode().replace(b"_", bad)
    (tmp_path / "pack.yaml").write_bytes(body)
    result = run("check", "pack.yaml", cwd=tmp_path)
    assert result.returncode != 0
    assert result.stderr.startswith("pack.yaml:4:22: ") and said in result.stderr, result.stderr  # before: 1:…
