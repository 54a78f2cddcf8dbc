"""The CLI verbs beyond the explorer: export, schema, new, check --report, serve."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest
import yaml
from msgspec.structs import replace

from fintech_tui.loader import load_pack, pack_files
from fintech_tui.model import Pack
from fintech_tui.util.bundled import bundled_pack_path

from .test_cli import run


def test_json_export_loads_back_into_the_same_model(tmp_path: Path, bundled_pack: Pack) -> None:
    out = tmp_path / "pack.json"
    result = run("export", "--format", "json", "-o", str(out), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["meta"]["author"] == "蚂蚁蠕虫"
    again = load_pack(out, use_cache=False)
    assert replace(again, origin="") == replace(bundled_pack, origin="")  # origin: where each was loaded from


def test_export_never_overwrites_without_force(tmp_path: Path) -> None:
    out = tmp_path / "mine.md"
    out.write_text("my notes", encoding="utf-8")
    result = run("export", "-o", str(out), cwd=tmp_path)
    assert result.returncode == 1
    assert "exists; pass --force" in result.stderr
    assert out.read_text(encoding="utf-8") == "my notes"
    assert run("export", "-o", str(out), "--force", cwd=tmp_path).returncode == 0
    assert out.read_text(encoding="utf-8").startswith("# (restored) From Alipay")


class Collector(HTMLParser):
    """Collects tags and text, and fails on unbalanced structure."""

    VOID = {"meta", "br", "hr", "img", "link", "input"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.text: list[str] = []
        self.ids: set[str] = set()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(found["id"] or "")
        if found.get("href"):
            self.hrefs.append(found["href"] or "")
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, (tag, self.stack[-5:])
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_export_is_a_well_formed_standalone_page(tmp_path: Path, bundled_pack: Pack) -> None:
    result = run("export", "--format", "html", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    page = result.stdout
    assert page.startswith("<!DOCTYPE html>") and "<script" not in page
    parser = Collector()
    parser.feed(page.removeprefix("<!DOCTYPE html>"))
    parser.close()
    assert parser.stack == []
    text = "".join(parser.text)
    for entity in bundled_pack.entities:
        assert entity.name.zh in text
    internal = [h.removeprefix("#") for h in parser.hrefs if h.startswith("#")]
    assert internal and all(target in parser.ids for target in internal)


def test_html_export_escapes_content(write_pack, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = write_pack(**{"meta.yaml": 'meta:\n  title: {en: "<script>alert(1)</script> & [b]x[/b]"}\n'})
    result = run("export", "-f", "html", str(folder), cwd=tmp_path)
    assert "<script>alert(1)" not in result.stdout
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; [b]x[/b]" in result.stdout


def test_markdown_export_has_the_outline_and_quotes(tmp_path: Path) -> None:
    result = run("export", cwd=tmp_path)
    assert result.returncode == 0
    assert "## Outline" in result.stdout and "## Arguments" in result.stdout
    assert "> ¶16: “其Pocket Life最初旨在为信用卡用户提供服务”" in result.stdout


def test_schema_validates_every_bundled_file(tmp_path: Path) -> None:
    result = run("schema", cwd=tmp_path)
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    for file in pack_files(bundled_pack_path()):
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
        data = json.loads(json.dumps(data, default=str))  # dates as text, as the loader keeps them
        errors = list(validator.iter_errors(data))
        assert not errors, (file.name, errors[0].message)
    bad = {"entities": [{"id": "x", "kind": "spaceship"}]}
    assert list(validator.iter_errors(bad))
    derived = {"paragraphs": [{"id": "p1", "text": "正文", "number": 1}], "origin": "/elsewhere"}
    messages = sorted(error.message for error in validator.iter_errors(derived))  # the loader sets these
    assert len(messages) == 2 and "'number' was unexpected" in messages[0] and "'origin' was unexpected" in messages[1]


def test_new_scaffolds_a_valid_pack_and_never_overwrites(tmp_path: Path) -> None:
    result = run("new", "mypack", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert run("check", "mypack", cwd=tmp_path).returncode == 0
    again = run("new", "mypack", cwd=tmp_path)
    assert again.returncode == 1 and "already exists" in again.stderr


def test_check_report_lists_gaps(tmp_path: Path) -> None:
    result = run("check", "--report", cwd=tmp_path)
    assert result.returncode == 0
    assert "Entities mentioned only once" in result.stdout
    assert "Names in the text not resolved to any entity" in result.stdout


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_serve_answers_a_real_http_request(tmp_path: Path) -> None:
    pytest.importorskip("textual_serve")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "fintech_tui", "serve", "--port", str(port)],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as response:
                    body = response.read().decode("utf-8")
                    assert response.status == 200
                    break
            except OSError:
                assert server.poll() is None, server.stderr.read().decode() if server.stderr else ""
                assert time.monotonic() < deadline, "serve did not answer within 30 s"
                time.sleep(0.3)
        assert "fintech-tui" in body
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_markdown_export_shows_chinese_only_summaries_and_claims(write_pack, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = write_pack(
        **{
            "strategies.yaml": """
        strategies:
          - id: two-app
            name: {zh: 双应用}
            pursued_by: [cmb]
            summary: {zh: 两个应用的策略。}
            evidence:
              - {para: p1, quote: 应用}
        """,
            "arguments.yaml": """
        arguments:
          - id: thesis
            role: thesis
            claim: {zh: 应用很重要。}
        """,
        }
    )
    result = run("export", "-f", "md", str(folder), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "两个应用的策略。" in result.stdout
    assert "- 应用很重要。 *(thesis)*" in result.stdout
