"""Shared fixtures: the bundled pack, a tiny valid pack, and a pack writer; the fast layer's marker."""

from __future__ import annotations

import inspect
import os
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from fintech_tui.loader import load_pack
from fintech_tui.model import Pack
from fintech_tui.queries.index import PackIndex
from fintech_tui.util.bundled import bundled_pack_path

#: Modules whose plain tests still run the explorer or the tools in other processes (a real
#: terminal, a web server, start-up probes, ruff and mypy): left out of the fast layer.
OUTSIDE_THE_FAST_LAYER = {
    "test_attacks",
    "test_benchmark",
    "test_readings_terminal",
    "test_startup_imports",
    "test_terminal",
    "test_tooling",
    "test_verbs",
}


@pytest.hookimpl(tryfirst=True)  # before xdist names each item's group in its node id
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark `fast` every test that builds no Textual app: not a coroutine (Pilot tests are, under
    Hypothesis too), no snapshot, not marked `app`, and not in a module that runs the explorer
    in another process, nor one of the real-terminal group."""
    for item in items:
        if not isinstance(item, pytest.Function):
            continue
        inner = getattr(getattr(item.function, "hypothesis", None), "inner_test", item.function)
        if (
            not inspect.iscoroutinefunction(inner)
            and "snap_compare" not in item.fixturenames
            and item.get_closest_marker("app") is None
            and item.get_closest_marker("terminal") is None
            and item.module.__name__.rpartition(".")[2] not in OUTSIDE_THE_FAST_LAYER
        ):
            item.add_marker(pytest.mark.fast)
        if item.get_closest_marker("terminal") is not None:
            item.add_marker(pytest.mark.xdist_group(terminal_group(item)))


def terminal_group(item: pytest.Function) -> str:
    """The tests that read one real-terminal tour (a module's session at one size in one language)
    run in one worker, so the tour is driven once; other groups go to whichever worker is free."""
    params = getattr(item, "callspec", None)
    chosen = params.params if params is not None else {}
    module = item.module.__name__.rpartition(".")[2]
    return "-".join(["tmux", module, *(str(chosen[key]) for key in ("size", "lang") if key in chosen)])


#: A small but complete pack: every section, every kind of reference.
TINY_PACK = {
    "meta.yaml": """
        meta:
          title: {en: A tiny article, zh: 小文章}
          author: Tester
        """,
    "source.yaml": """
        paragraphs:
          - id: p1
            text: 口袋生活是招商银行的应用。
          - id: p2
            text: 支付宝有数亿用户。
        """,
    "outline.yaml": """
        outline:
          - id: all
            kind: section
            first: p1
            last: p2
            title: {en: Everything}
            summary: {en: The whole text.}
        """,
    "entities.yaml": """
        entities:
          - id: cmb
            kind: bank
            name: {zh: 招商银行, en: China Merchants Bank}
            summary: {en: A bank.}
            evidence:
              - {para: p1, quote: 招商银行}
          - id: pocket
            kind: app
            parent: cmb
            name: {zh: 掌上生活, en: Pocket Life}
            aliases:
              - {text: 口袋生活, note: garbled}
            summary: {en: An app.}
            evidence:
              - {para: p1, quote: 口袋生活}
        """,
    "strategies.yaml": """
        strategies:
          - id: two-app
            name: {en: Two apps}
            pursued_by: [cmb]
            summary: {en: Two apps.}
            evidence:
              - {para: p1, quote: 应用}
        """,
    "arguments.yaml": """
        arguments:
          - id: thesis
            role: thesis
            claim: {en: Apps matter.}
            evidence:
              - {para: p2, quote: 数亿用户}
          - id: because
            role: reason
            parent: thesis
            relation: supports
            concerns: [pocket]
            strategies: [two-app]
            claim: {en: Because of users.}
        """,
    "figures.yaml": """
        figures:
          - id: users
            metric: {en: Users}
            as_written: 数亿用户
            evidence:
              - {para: p2, quote: 数亿用户}
        """,
    "glossary.yaml": """
        glossary:
          - id: app
            term: 应用
            meaning: {en: app}
        """,
}

PackWriter = Callable[..., Path]


@pytest.fixture(scope="session", autouse=True)
def private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Keep the pack cache of the test run away from the user's own."""
    folder = tmp_path_factory.mktemp("cache")
    previous = os.environ.get("FINTECH_TUI_CACHE")
    os.environ["FINTECH_TUI_CACHE"] = str(folder)
    yield folder
    if previous is None:
        del os.environ["FINTECH_TUI_CACHE"]
    else:
        os.environ["FINTECH_TUI_CACHE"] = previous


@pytest.fixture(autouse=True)
def private_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep the settings file and screenshots of the test run away from the user's own."""
    home = tmp_path_factory.mktemp("xdg")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    return home


@pytest.fixture(scope="session")
def bundled_pack() -> Pack:
    return load_pack(bundled_pack_path())


@pytest.fixture(scope="session")
def bundled_index(bundled_pack: Pack) -> PackIndex:
    return PackIndex(bundled_pack)


@pytest.fixture
def write_pack(tmp_path: Path) -> PackWriter:
    """Write the tiny pack into a folder, with some files replaced or removed.

    `write_pack(**{"entities.yaml": "..."})` replaces a file; passing None drops it.
    Text is dedented; bytes are written as they are.
    """

    def write(folder: str = "pack", **overrides: str | bytes | None) -> Path:
        root = tmp_path / folder
        root.mkdir()
        files: dict[str, str | bytes | None] = {**TINY_PACK, **overrides}
        for name, body in files.items():
            if body is None:
                continue
            path = root / name
            if isinstance(body, bytes):
                path.write_bytes(body)
            else:
                path.write_text(textwrap.dedent(body).lstrip("\n"), encoding="utf-8")
        return root

    return write


_TOURS: dict[tuple[str, str], dict[str, list[str]]] = {}


@pytest.fixture
def toured(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Callable[..., dict[str, list[str]]]:
    """`toured(plan, size)`: the real-terminal session `plan` makes at `size`, its screens by name
    (tests/test_terminal.py's `tour`), driven once for every test that reads it (they run in one
    worker: conftest's terminal_group) and again when a test reruns, so a redraw a busy machine missed is not
    read twice."""
    from tests.test_terminal import Plan, tour

    def get(plan: Callable[[str], Plan], size: str) -> dict[str, list[str]]:
        key = (f"{plan.__module__}.{plan.__qualname__}", size)
        if key not in _TOURS or getattr(request.node, "execution_count", 1) > 1:
            _TOURS[key] = tour(tmp_path_factory.mktemp(plan.__name__), size, plan(size))
        return _TOURS[key]

    return get
