"""The command line, run as a user runs it: a real subprocess of the installed tool."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from fintech_tui import __version__
from fintech_tui.cli.dispatch import main

from .conftest import PackWriter


def run(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m fintech_tui ARGS` from a folder outside the source tree."""
    return subprocess.run(
        [sys.executable, "-m", "fintech_tui", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **(env or {})},
    )


def test_version(tmp_path: Path) -> None:
    result = run("--version", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.strip() == f"fintech-tui {__version__}"


def test_help_lists_the_verbs(tmp_path: Path) -> None:
    result = run("--help", cwd=tmp_path)
    assert result.returncode == 0
    assert "check" in result.stdout and "--goto" in result.stdout


def test_check_bundled_pack_from_another_folder(tmp_path: Path) -> None:
    result = run("check", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "valid — 33 paragraphs" in result.stdout
    assert result.stderr == ""


def test_check_invalid_pack_prints_every_problem_and_exits_2(tmp_path: Path, write_pack: PackWriter) -> None:
    folder = write_pack(
        **{
            "figures.yaml": """
        figures:
          - id: users
            metric: {en: Users}
            as_written: 数亿用户
            value: many
            sumary: x
            evidence:
              - {para: p2, quote: 不在这里}
        """
        }
    )
    result = run("check", str(folder), cwd=tmp_path)
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert any(line.endswith("figures[0].value: expected a number, got text 'many'") for line in lines)
    assert any("figures[0].sumary: unknown field" in line for line in lines)
    # the item is dropped for its bad value, but its quote is still checked in the same run
    assert any("figures[0].evidence[0].quote: quote not found verbatim in paragraph p2" in line for line in lines)
    assert lines[-1] == "fintech-tui: 3 problems; pack invalid"
    assert "Traceback" not in result.stderr


def test_explorer_on_a_missing_pack_exits_1_without_opening(tmp_path: Path) -> None:
    result = run(str(tmp_path / "missing"), cwd=tmp_path)
    assert result.returncode == 1
    assert "no such file or folder" in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_goto_is_a_clear_error(tmp_path: Path) -> None:
    result = run("--goto", "entity:nobody", cwd=tmp_path)
    assert result.returncode == 1
    assert "--goto entity:nobody: no such item" in result.stderr


def test_a_misspelt_goto_id_suggests_the_closest_one(tmp_path: Path) -> None:
    result = run("--goto", "entity:alipy", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.strip() == "fintech-tui: --goto entity:alipy: no such item; did you mean entity:alipay?"


@pytest.mark.app
def test_explorer_runs_headless_and_quits(tmp_path: Path) -> None:
    env = {"TEXTUAL_DRIVER": "textual.drivers.headless_driver:HeadlessDriver", "TEXTUAL_PRESS": "ctrl+q"}
    result = run(cwd=tmp_path, env=env)
    assert result.returncode == 0, result.stderr


def test_console_script_is_installed(tmp_path: Path) -> None:
    script = Path(sys.executable).with_name("fintech-tui")
    if not script.exists():
        pytest.skip("fintech-tui is not installed beside this interpreter")
    result = subprocess.run([str(script), "check"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


def test_unexpected_errors_are_one_line(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def explode(*_: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("fintech_tui.cli.dispatch.run_check", explode)
    monkeypatch.delenv("FINTECH_TUI_DEBUG", raising=False)
    assert main(["check"]) == 1
    err = capsys.readouterr().err
    assert err.strip() == "fintech-tui: RuntimeError: disk on fire (set FINTECH_TUI_DEBUG=1 for details)"


def test_check_names_the_bundled_pack_briefly(tmp_path: Path) -> None:
    result = run("check", cwd=tmp_path)
    assert result.stdout.startswith("bundled article: valid — "), result.stdout
    assert "site-packages" not in result.stdout and str(tmp_path) not in result.stdout


def test_check_counts_agree_in_number(tmp_path: Path, write_pack: PackWriter) -> None:
    folder = write_pack()
    result = run("check", str(folder), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"{folder}: valid — "), result.stdout
    assert "1 strategy," in result.stdout and "1 strategies" not in result.stdout
    assert "2 paragraphs" in result.stdout


def test_every_verb_row_resolves_and_is_listed_in_help(tmp_path: Path) -> None:
    from fintech_tui.cli.arguments import main_parser, verb_parser
    from fintech_tui.cli.verbs import VERBS, resolve, verb_summary

    epilog = main_parser().format_help()
    for verb in VERBS:
        assert callable(resolve(verb.run)), verb.name
        assert verb_parser(verb).prog == f"fintech-tui {verb.name}"
        assert f"{verb.name} ({verb_summary(verb)})" in " ".join(epilog.split())
