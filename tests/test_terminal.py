"""What a reader sees in a real terminal (tmux), at 80×24, 120×40 and 200×60.

Pilot cannot see a cursor scrolled out of view or characters a popup left
behind; these tests run the explorer in tmux through the project's `drive`
tool and read the screen. They skip when tmux (or the tool) is missing.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from rich.cells import cell_len

from fintech_tui.i18n import phrase
from fintech_tui.queries.index import PackIndex

DRIVE = Path(os.environ.get("FINTECH_TUI_DRIVE", Path(__file__).resolve().parents[2] / "shared" / "tools" / "drive"))
if not DRIVE.exists():
    DRIVE = Path("/work/shared/tools/drive")

pytestmark = [
    pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux"),
    pytest.mark.skipif(not DRIVE.exists(), reason="needs the drive tool"),
    pytest.mark.terminal,  # tests/conftest.py groups these by module, size and language
    # A real terminal on a busy machine can miss a redraw by the time drive reads the screen;
    # a failure that is real fails all three runs.
    pytest.mark.flaky(reruns=2, reruns_delay=1),
]

SIZES = ["80x24", "120x40", "200x60"]


@contextmanager
def own_tmux_server() -> Iterator[dict[str, str]]:
    """An environment whose tmux commands talk to a server of their own: sessions of two test
    workers then never share a server (one server's sessions could swap sizes), so terminal tests
    run side by side rather than one at a time. The folder is short: a socket path has a limit."""
    with tempfile.TemporaryDirectory(prefix="ft-tmux-", dir="/tmp") as folder:
        env = {**os.environ, "TMUX_TMPDIR": folder}
        env.pop("TMUX", None)  # run from inside tmux, the tests still start their own server
        try:
            yield env
        finally:
            subprocess.run(["tmux", "kill-server"], env=env, capture_output=True, check=False, timeout=30)


CLOSING = "，。、；：？！）」》,"
THUMB = "▁▂▃▄▅▆▇█▔"


def drive(
    tmp_path: Path,
    size: str,
    steps: list[str],
    args: str = "",
    ready: str = "Names",
    starting: Callable[[], None] | None = None,
) -> list[list[str]]:
    """Run the explorer in tmux; the screens printed by each `screen` step, as lines.
    `starting` is called just before the explorer starts (after waiting for other sessions)."""
    env = {
        "XDG_CONFIG_HOME": tmp_path / "config",
        "XDG_DATA_HOME": tmp_path / "data",
        "FINTECH_TUI_CACHE": os.environ.get("FINTECH_TUI_CACHE", tmp_path / "cache"),
    }
    assignments = " ".join(f"{key}={shlex.quote(str(value))}" for key, value in env.items())
    # -u: a tmux server started from this process inherits its COLUMNS and LINES, which win over the real size
    command = f"env -u COLUMNS -u LINES {assignments} {shlex.quote(sys.executable)} -m fintech_tui --fresh {args}"
    width = int(size.split("x")[0])
    for attempt in range(3):  # tmux sessions started at the same moment can swap sizes: try again
        with own_tmux_server() as tmux_env:
            if starting is not None:
                starting()
                starting = None
            result = subprocess.run(
                [str(DRIVE), "-s", size, command, f"expect:{ready}", "wait:0.5", *steps, "key:q"],
                capture_output=True,
                text=True,
                timeout=120,
                check=False,
                env=tmux_env,
            )
        if f"expected '{ready}' on screen, not found" in result.stdout and attempt < 2:
            continue  # a busy machine: the explorer took longer to appear than drive waits; start again
        assert result.returncode == 0, result.stdout + result.stderr
        screens = [screen.splitlines() for screen in result.stdout.split("----\n") if screen.strip()]
        if all(max(map(cell_len, screen)) == width for screen in screens):
            return screens
    raise AssertionError(f"tmux did not give a {size} terminal:\n" + "\n".join(screens[0]))


def left(line: str, cells: int) -> str:
    """The first `cells` cells of a screen line."""
    out, used = "", 0
    for char in line:
        used += cell_len(char)
        if used > cells:
            break
        out += char
    return out


def segments(line: str) -> list[str]:
    """The texts between box borders on one screen line."""
    return [part.strip() for part in line.replace("╭", "│").replace("╰", "│").split("│")]


def last_company(index: PackIndex) -> str:
    """The label on the Names pane's last line: the last top-level entity's last descendant,
    the pane putting organisations and then people after the companies."""
    from fintech_tui.tui.widgets.panes import NAME_ORDER

    tops = [e for e in index.pack.entities if e.parent not in index.entities]
    entity = sorted(tops, key=lambda e: NAME_ORDER.get(e.kind, 0))[-1]
    while index.children_of.get(entity.id):
        entity = index.children_of[entity.id][-1]
    return entity.name.en[:12]


#: The screens of one session by name: each `screen:NAME` step's screen.
Tour = dict[str, list[str]]
#: What a tour does at a size: its steps, the explorer's arguments and the text that says it is ready.
Plan = tuple[list[str], str, str]


def tour(tmp_path: Path, size: str, plan: Plan) -> Tour:
    """Run one explorer session that visits several places; its screens by name.
    One session checking many things pays one start-up (2-4 s on a busy machine), not one per check."""
    steps, args, ready = plan
    names = [step.partition(":")[2] for step in steps if step.startswith("screen:")]
    plain = ["screen" if step.startswith("screen:") else step for step in steps]
    return dict(zip(names, drive(tmp_path, size, plain, args, ready), strict=True))


Toured = Callable[[Callable[[str], Plan], str], Tour]  # the `toured` fixture (tests/conftest.py)


def settled(goto: str) -> list[str]:
    """Steps that wait (up to 5 s each) until the first screen is whole: the detail of the item
    `goto` names (its copy hint) and the footer (a busy machine draws them seconds after the panes)."""
    return [f"expect:{goto}", "expect:^p"]


def showing(entity_id: str, lang: str = "en") -> str:
    """The step that waits until the detail view shows the bundled entity `entity_id`: the start of
    its summary (its first three words, or five characters in Chinese), which no pane label holds."""
    from fintech_tui.loader import load_pack
    from fintech_tui.util.bundled import bundled_pack_path

    summary = next(e.summary for e in load_pack(bundled_pack_path()).entities if e.id == entity_id)
    text = summary.zh if lang == "zh" and summary.zh else summary.en
    return "expect:" + (text[:5] if lang == "zh" else " ".join(text.split()[:3]))


# a query whose results shrink to none, each burst waited for
SHRINK = ["type:a", "wait:0.6", "type:lipayzzz", "expect:0 results", "wait:0.3"]
# the matrix in a language: its title, then its footer (drawn after the body on a busy machine)
MATRIX = {
    lang: ["expect:" + phrase("matrix.title", lang), "expect:esc " + phrase("key.close_view", lang)]
    for lang in ("en", "zh")
}


def view_search(lang: str) -> list[str]:
    """s on the item on show, then / inside the source view: a company found there opens in the explorer."""
    source = phrase("source.title.plain", lang).split(" — ")[0] + " — "
    steps = ["key:s", f"expect:{source}", "wait:0.3", "key:/", "wait:0.6", "type:口袋生活", "wait:0.8"]
    return [*steps, "key:Enter", showing("cmb-life", lang), "wait:0.3", "screen:view-search"]


def explorer_tour(size: str) -> Plan:
    """The English explorer without arguments, through every place this module's tests look at.
    Each part starts where the one before leaves the explorer; each step waits for what it should
    show (drive's expect, up to 5 s) rather than a fixed time a busy machine can overrun."""
    steps = [*settled("section:title"), "wait:0.5", "screen:start"]  # the search popup's "before"
    if size in SIZES:  # search over the outline, then over Companies (its first item under the cursor)
        steps += ["key:/", *SHRINK, "screen:popup-outline", "key:Escape", "wait:0.5"]
        steps += ["key:2", showing("alibaba"), "wait:0.5", "screen:companies"]
        steps += ["key:/", *SHRINK, "screen:popup-companies", "key:Escape", "wait:0.5"]
    steps += ["key:2", "key:j", showing("taobao"), "wait:0.3", "screen:second"]  # the second company
    if size in ("80x24", "120x40"):  # c on the third company, Alipay
        steps += ["key:j", showing("alipay"), "key:c", "expect:(serious-illness", "wait:0.3"]
        steps += ["screen:compare", "key:Escape", "wait:0.5"]
    if size in SIZES:  # G and g; then the first company (Alibaba) opened, and its source
        steps += ["key:2", "key:G", showing("author"), "wait:0.3", "screen:last"]
        steps += ["key:g", showing("alibaba"), "wait:0.3", "screen:first"]
        steps += ["key:Enter", "wait:0.5", "screen:alibaba", "key:s", "expect:Source — ", "wait:0.3"]
        steps += ["screen:alibaba-source", "key:Escape", "wait:0.5"]
    if size in ("80x24", "100x30", "120x40"):  # the matrix, then t inside it (and t again: English)
        steps += ["key:m", *MATRIX["en"], "wait:0.3", "screen:matrix", "key:t", *MATRIX["zh"], "wait:0.3"]
        steps += ["screen:matrix-zh", "key:t", *MATRIX["en"], "key:Escape", "wait:2"]  # the toast gone
    if size in ("120x40", "200x60"):  # e (no readings under the quotes), then ten down from Alibaba to Ele.me
        steps += ["key:2", "key:g", "key:e", *["key:j"] * 10, showing("eleme"), "wait:1", "screen:short"]
    if size in ("80x24", "120x40"):
        steps += view_search("en")
    return steps, "", "Names"


def chinese_tour(size: str) -> Plan:
    """The explorer started with --lang zh: its first screen, the matrix, then Companies."""
    steps = [*settled("section:title"), "screen:start", "key:m", *MATRIX["zh"], "wait:0.3", "screen:matrix"]
    steps += ["key:Escape", "wait:0.5", "key:2", showing("alibaba", "zh"), "wait:0.3", "screen:companies"]
    if size in ("80x24", "120x40"):
        steps += view_search("zh")
    return steps, "--lang zh", "大纲"


@pytest.mark.parametrize("size", SIZES)
def test_last_and_first_keep_the_pane_cursor_on_screen(toured: Toured, size: str, bundled_index: PackIndex) -> None:
    width = int(size.split("x")[0])
    panes = width // 2 if width < 100 else width * 2 // 5
    first = bundled_index.pack.entities[0].name.en[:12]
    last = last_company(bundled_index)
    screens = toured(explorer_tour, size)
    at_end, at_start = screens["last"], screens["first"]
    assert any(last in left(line, panes) for line in at_end), "\n".join(at_end)
    assert any(first in left(line, panes) for line in at_start), "\n".join(at_start)


@pytest.mark.parametrize("size", SIZES)
def test_chinese_text_breaks_at_the_right_places(toured: Toured, size: str) -> None:
    screens = toured(explorer_tour, size)
    for screen in (screens["alibaba"], screens["alibaba-source"]):  # Alibaba's detail, then its source
        for line in screen[1:-2]:  # between the title bar and the footer
            for part in segments(line):
                assert not part or part[0] not in CLOSING, line
                assert part.count("⟨") == part.count("⟩"), line
                assert not (part.startswith("¶") and part[1:].isdigit()), f"a lone ¶ number: {line}"


@pytest.mark.parametrize("size", ["120x40", "200x60"])
def test_short_detail_text_has_no_scrollbar_thumb(toured: Toured, size: str) -> None:
    # ten down from the first company, through long and short items to a short one (Ele.me);
    # e first: no readings under the quotes, so the item's view is short
    screen = toured(explorer_tour, size)["short"]
    body = []
    for line in screen[2:]:
        body.append(line)
        if line.rstrip().endswith("╯"):
            break
    assert body
    scrollbar = [line.rstrip()[-3:-1] for line in body]  # just inside the right border
    assert not any(char in THUMB for cells in scrollbar for char in cells), "\n".join(body)


@pytest.mark.parametrize("start", ["outline", "companies"])
@pytest.mark.parametrize("size", SIZES)
def test_a_shrinking_search_popup_leaves_nothing_behind(toured: Toured, size: str, start: str) -> None:
    screens = toured(explorer_tour, size)
    before = screens["start" if start == "outline" else "companies"]
    shrunk = screens[f"popup-{start}"]
    bottom = max(i for i, line in enumerate(shrunk) if "results" in line)  # the popup's lower edge
    for row in range(bottom + 1, len(shrunk) - 1):
        assert shrunk[row] == before[row], f"row {row}:\n{before[row]}\n{shrunk[row]}"


RENAMED = ("expect:renamed", "expect:renamed", "screen")  # two expects: up to ten seconds


def test_watch_shows_problems_without_a_keypress_and_clears_them(tmp_path: Path) -> None:
    import threading

    from tests.conftest import TINY_PACK

    pack = tmp_path / "pack"
    pack.mkdir()
    for name, body in TINY_PACK.items():
        (pack / name).write_text(textwrap.dedent(body).lstrip("\n"), encoding="utf-8")
    entities = pack / "entities.yaml"
    valid = entities.read_text(encoding="utf-8")
    # Each state is written several times, so a watcher that started late (a slow first start)
    # still sees it; the pack is valid when the app opens, and broken from 6 s to 16 s.
    broken_text = valid.replace("kind: app", "kind: nonsense")
    fixed_text = valid.replace("An app.", "A renamed app.")
    edits = [threading.Timer(at, entities.write_text, [broken_text, "utf-8"]) for at in (6.0, 7.0, 8.0, 9.0, 10.0)]
    edits += [threading.Timer(at, entities.write_text, [fixed_text, "utf-8"]) for at in (16.0, 17.0, 18.0)]

    def start_edits() -> None:  # the clock starts with the explorer, not while another test holds the terminal
        for edit in edits:
            edit.start()

    try:
        broken, fixed = drive(
            tmp_path,
            "100x30",
            [*("wait:5", "expect:last valid state", "screen"), *("wait:5", "key:2", "key:j"), *RENAMED],
            args=f"--watch {shlex.quote(str(pack))}",
            starting=start_edits,
        )
    finally:
        for edit in edits:
            edit.cancel()
    shown = " ".join(line.strip() for line in broken)
    assert "entities.yaml:9:11: entities[1].kind: expected one of" in shown, "\n".join(broken)
    assert any("Names" in line for line in broken), "the last valid state stays on screen"
    assert not any("last valid state" in line for line in fixed), "\n".join(fixed)
    assert any("A renamed app." in line for line in fixed), "\n".join(fixed)


@pytest.mark.parametrize("size", ["80x24", "120x40"])
def test_lang_zh_starts_in_chinese_with_no_english_footer_word(toured: Toured, size: str) -> None:
    from fintech_tui.i18n import MESSAGES, phrase

    screen = toured(chinese_tour, size)["companies"]
    text = "\n".join(screen)
    assert phrase("pane.outline", "zh") in text and phrase("pane.companies", "zh") in text
    footer = screen[-1]
    for meaning in ("search", "source", "quit"):
        assert phrase(f"key.{meaning}", "zh") in footer, footer
    english = {en for key, (en, _) in MESSAGES.items() if key.startswith("key.") and not key.endswith(".tip")}
    assert not [word for word in english if word in footer], footer
    assert max(cell_len(line) for line in screen) == int(size.split("x")[0])  # nothing pushed past the edge


@pytest.mark.parametrize(("size", "last"), [("80x24", "掌上生活"), ("120x40", "招商银行")])
def test_compare_shows_whole_words_and_names_in_columns_that_fit(toured: Toured, size: str, last: str) -> None:
    """c on Alipay: as many peers as fit side by side, the article's own pairing (CMB Life, from the title)
    among them even at 80 columns; no word or Chinese name broken, no column cut."""
    screen = toured(explorer_tour, size)["compare"]
    text = "\n".join(screen)
    assert "Alipay  支付宝" in text, text
    assert "(serious-illness" in text and "plan)" in text, text  # whole words, not "(serious-ill" / "ness"
    header = screen[2:7]
    assert any(last in line for line in header), "\n".join(header)  # the last column's name whole, not cut
    assert any("CMB Life" in line for line in header), "\n".join(header)


@pytest.mark.parametrize("size", ["80x24", "100x30"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_footer_never_cuts_a_key_word(toured: Toured, size: str, lang: str) -> None:
    """A footer too narrow for every key leaves the least needed out (they stay in ? and ctrl+p),
    rather than ending in "c Com"."""
    from fintech_tui.i18n import MESSAGES

    words = {pair[0 if lang == "en" else 1] for key, pair in MESSAGES.items() if key.startswith(("key.", "textual."))}
    screens = toured(explorer_tour if lang == "en" else chinese_tour, size)
    for screen in (screens["start"], screens["matrix"]):
        footer = screen[-1]
        keys, _, palette = footer.partition("▏")
        assert palette.strip().startswith("^p"), footer
        entries = [entry.strip() for entry in keys.split("  ") if entry.strip()]
        assert len(entries) >= 4, footer
        for entry in entries:
            assert entry.split(" ", 1)[1] in words, f"{entry!r} cut in: {footer}"


@pytest.mark.parametrize("size", ["80x24", "120x40"])
def test_t_in_the_matrix_switches_its_labels_to_chinese(toured: Toured, size: str) -> None:
    """m, then t inside the matrix: its title, corner, names and footer in Chinese, in place."""
    from fintech_tui.i18n import phrase

    screens = toured(explorer_tour, size)
    english, chinese = screens["matrix"], screens["matrix-zh"]
    assert phrase("matrix.title", "en") in "\n".join(english), "\n".join(english)
    text = "\n".join(chinese)
    assert phrase("matrix.title", "zh") in text, text  # (the toast covers the subtitle)
    if size == "120x40":  # at 80 columns the title bar is cut before the view's name
        assert phrase("view.matrix", "zh") in chinese[0], chinese[0]
    assert phrase("matrix.title", "en") not in text, text
    assert "支付宝" in text, text  # the names too, not only the labels
    footer = chinese[-1]
    assert phrase("key.close_view", "zh") in footer and phrase("key.close_view", "en") not in footer, footer
    assert max(cell_len(line) for line in chinese) == int(size.split("x")[0])


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("size", ["80x24", "120x40"])
def test_slash_in_the_source_view_finds_a_company_and_opens_it_in_the_explorer(
    toured: Toured, size: str, lang: str
) -> None:
    screen = toured(explorer_tour if lang == "en" else chinese_tour, size)["view-search"]
    text = "\n".join(screen)
    assert phrase("source.title.plain", lang).split(" — ")[0] + " — " not in text, "the source view is closed"
    assert "掌上生活" in text or "CMB Life" in text, text  # the company found, in the explorer's detail
    assert max(cell_len(line) for line in screen) == int(size.split("x")[0])


#: A cut label's "…" (at the end of its line in a box: then only padding, a scrollbar or the
#: border) with a space before it, after Chinese or after another space ("plan)  …"); an
#: argument's "…" glyph at the start of its label is followed by words, not the border.
CUT_AFTER_A_GAP = re.compile(r"[\u3400-\u9fff，。、：？！ ] …[ ▁▂▃▄▅▆▇█▔]*(?:[│╯╮]|$)")


@pytest.mark.parametrize("size", [*SIZES, "100x30"])  # 100 columns: the narrowest four-pane layout
def test_no_cut_label_ends_in_a_space_before_the_ellipsis(toured: Toured, size: str) -> None:
    """Lists cut long labels right after the last character that fits: "为什…", not "为什 …" nor "plan)  …"."""
    toured_screens = toured(explorer_tour, size)
    screens = [toured_screens["start"], toured_screens["second"]]  # the first screen, then the second company
    for screen in screens:
        for line in screen:
            assert not CUT_AFTER_A_GAP.search(line), line
    assert any("…" in line for screen in screens for line in screen)  # something was cut: the check saw it
