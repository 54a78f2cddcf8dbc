"""One interface, two languages: every label from the message table, and none of
its English left on any screen in Chinese.

The English words looked for are taken from the table itself, so a label added
later is checked too. Words that also occur in the pack (its English names and
summaries are shown, dimmed, beside the Chinese) or in the table's own Chinese
(key names such as esc, --goto) cannot tell a label from content, and are left out.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from typing import Any

import msgspec
import pytest
from textual.binding import Binding
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from fintech_tui.i18n import MESSAGES, SINGULAR, counted, phrase
from fintech_tui.model import Pack, kinds
from fintech_tui.queries.index import PackIndex, Ref
from fintech_tui.tui.app import FintechApp
from fintech_tui.tui.key_table import places
from fintech_tui.tui.keymap import key_name, own_bindings
from fintech_tui.tui.widgets.pane_bar import PaneBar
from fintech_tui.tui.widgets.title_bar import TitleBar

LATIN_WORD = re.compile(r"[A-Za-z]{3,}")
FIELD = re.compile(r"\{[^}]*\}")
CJK = re.compile(r"[\u3400-\u9fff]")


def words(text: str) -> set[str]:
    """The Latin words of three letters or more in `text`, case folded ({fields} left out)."""
    return {word.casefold() for word in LATIN_WORD.findall(FIELD.sub("", text))}


def content_strings(value: Any) -> Iterator[str]:
    """Every string in the pack, however deep."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, msgspec.Struct):
        for name in value.__struct_fields__:
            yield from content_strings(getattr(value, name))
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from content_strings(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from content_strings(item)


def key_names() -> set[str]:
    """The words of every key as the help shows it (home, enter, ctrl): names, not labels."""
    names: set[str] = set()
    for _, cls, _ in places():
        for klass in cls.__mro__:
            for binding in Binding.make_bindings(klass.__dict__.get("BINDINGS", [])):
                names |= words(binding.key_display or key_name(binding.key))
    return names


def english_ui_words(pack: Pack) -> set[str]:
    """The table's English words that can only be a label: not Chinese-side, not content, not a key."""
    english = set().union(*(words(en) for en, _ in MESSAGES.values()))
    kept_in_chinese = set().union(*(words(zh) for _, zh in MESSAGES.values()))
    content = set().union(*(words(text) for text in content_strings(pack)))
    return english - kept_in_chinese - content - key_names()


#: Pack fields whose values are codes ("prediction", "bank"), not prose: shown only through the table.
CODE_FIELDS = {"hedge", "role", "relation", "kind"}


def prose_strings(value: Any, name: str = "") -> Iterator[str]:
    """Every string of the pack that is shown as it is written: not the coded values."""
    if isinstance(value, str):
        if name not in CODE_FIELDS:
            yield value
    elif isinstance(value, msgspec.Struct):
        for name in value.__struct_fields__:
            yield from prose_strings(getattr(value, name), name)
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from prose_strings(item, name)
    elif isinstance(value, dict):
        for item in value.values():
            yield from prose_strings(item, name)


def allowed_words(pack: Pack) -> set[str]:
    """Latin words a Chinese screen may show: the pack's prose and ids (a --goto link names them),
    the table's Chinese (esc, --goto), key names, and the item kinds a --goto link names."""
    allowed = set().union(*(words(text) for text in prose_strings(pack)))
    allowed |= set().union(*(words(zh) for _, zh in MESSAGES.values()))
    allowed |= {kind.name for kind in kinds()} | key_names()
    return allowed


def stray_words(fragments: list[str], allowed: set[str]) -> set[str]:
    """Latin words in the screen's text runs that are neither allowed nor an allowed word cut with …"""
    stray: set[str] = set()
    for fragment in fragments:
        for match in LATIN_WORD.finditer(FIELD.sub("", fragment)):
            word = match.group().casefold()
            cut = fragment[match.end() : match.end() + 1] in ("…", "")
            if word not in allowed and not (cut and any(a.startswith(word) for a in allowed)):
                stray.add(word)
    return stray


def chrome_words() -> set[str]:
    """The table's English words, less those its Chinese keeps (esc, --goto): none belongs
    in the footer, the title bar or the pane bar, which show no content words."""
    english = set().union(*(words(en) for en, _ in MESSAGES.values()))
    return english - set().union(*(words(zh) for _, zh in MESSAGES.values()))


TEXT_RUN = re.compile(r'<text class="terminal-[\w-]*?r\d+" x="[\d.]+" y="([\d.]+)"[^>]*>(.*?)</text>')


def screen_runs(app: FintechApp) -> list[tuple[float, str]]:
    """The screen's text runs (one style each) with their rows, read from one SVG export (the
    export is most of a language check's cost, so the lines and the runs share it)."""
    runs = TEXT_RUN.findall(app.export_screenshot())
    return [(float(y), html.unescape(text).replace("\xa0", " ")) for y, text in runs]


def lines_of(runs: list[tuple[float, str]]) -> list[str]:
    lines: dict[float, list[str]] = {}
    for y, text in runs:
        lines.setdefault(y, []).append(text)
    return ["".join(parts) for _, parts in sorted(lines.items())]


def screen_lines(app: FintechApp) -> list[str]:
    """The screen as text lines."""
    return lines_of(screen_runs(app))


def screen_fragments(app: FintechApp) -> list[str]:
    """The screen's text runs: table cells stay apart."""
    return [text for _, text in screen_runs(app)]


def footer_text(app: FintechApp) -> str:
    return " ".join(f"{key.key_display or key.key} {key.description}" for key in app.screen.query(FooterKey))


# -- the table --------------------------------------------------------------------


def test_every_message_has_both_languages_with_the_same_fields() -> None:
    for key, (en, zh) in MESSAGES.items():
        assert en and zh, key
        assert sorted(FIELD.findall(en)) == sorted(FIELD.findall(zh)), key
        assert not LATIN_WORD.fullmatch(zh.strip()), f"{key}: {zh!r} is not Chinese"


def test_a_count_of_one_takes_the_singular_in_english_only() -> None:
    assert phrase("series.title", "en", name="Alipay", metric="users", count=1) == "Alipay — users: 1 figure"
    assert phrase("series.title", "en", name="Alipay", metric="users", count=2) == "Alipay — users: 2 figures"
    assert phrase("search.library_many", "en", count=3, articles=1) == "3 results in 1 article"
    assert phrase("detail.more_paragraphs", "en", count=1).startswith("… 1 more paragraph (")
    assert phrase("library.title", "en", count="1", column="date", arrow="↑").startswith("1 article —")
    assert phrase("series.title", "zh", name="支付宝", metric="用户", count=1) == "支付宝 — 用户：1 个数据"
    assert counted(1, "glossary terms") == "1 glossary term" and counted(1200, "claims") == "1,200 claims"


def test_every_counted_english_noun_is_plural_in_the_table() -> None:
    """A noun after a count field in an English message is a plural the singular table knows,
    so no message shows "1 figures"."""
    counted_nouns = re.compile(r"\{(count|total|articles)\} (?:more )?([a-z]+)")
    unknown = {
        (key, noun)
        for key, (english, _) in MESSAGES.items()
        for noun in (found.group(2) for found in counted_nouns.finditer(english))
        if noun not in SINGULAR and noun not in {"of", "in", "more", "drafted"}  # words, not nouns
    }
    assert not unknown


def test_every_binding_is_worded_by_the_table() -> None:
    """A binding of ours has a meaning (its id) the table words in both languages."""
    for _, cls, _ in places():
        for binding in own_bindings(cls):
            assert binding.id is not None, f"{cls.__name__}: {binding.key} has no meaning"
            assert MESSAGES[f"key.{binding.id}"][0] == binding.description
            if binding.tooltip:
                assert MESSAGES[f"key.{binding.id}.tip"][0] == binding.tooltip


def test_every_place_and_kind_has_a_chinese_name() -> None:
    for _, cls, _ in places():
        title = getattr(cls, "WHERE", "") or getattr(cls, "HELP_TITLE", "")
        assert title in MESSAGES or cls.__name__ == "View", cls.__name__  # the base names no place
    for kind in kinds():
        assert CJK.search(kind.zh), kind.name


def test_every_outline_node_has_both_titles(bundled_pack: Pack) -> None:
    stack = list(bundled_pack.outline)
    while stack:
        node = stack.pop()
        assert node.title.en and node.title.zh, node.id
        stack.extend(node.children)


def test_the_word_lists_are_not_empty(bundled_pack: Pack) -> None:
    """The checks below only mean something if the labels leave words to look for."""
    looked_for = english_ui_words(bundled_pack)
    assert {"search", "quit", "keys", "language", "matrix", "outline", "evidence"} <= looked_for
    assert {"source", "companies", "back", "figures"} <= chrome_words()


# -- every screen in Chinese ---------------------------------------------------------

#: (name, where to start, keys to press): every screen and pane the explorer has.
SCREENS: list[tuple[str, Ref | None, list[str]]] = [
    ("outline", None, ["1"]),
    ("companies", None, ["2"]),
    ("strategies", None, ["3"]),
    ("arguments", None, ["4"]),
    ("links", Ref("entity", "cmb-life"), ["5"]),
    ("section", Ref("section", "s2-cmb"), []),
    ("entity", Ref("entity", "cmb"), []),
    ("strategy", Ref("strategy", "two-app"), []),
    ("argument", Ref("argument", "reason-platform"), []),
    ("argument-hedged", Ref("argument", "fanmi-own-traffic"), []),
    ("figure", Ref("figure", "cmb-life-monthly-devices"), []),
    ("figure-hedged", Ref("figure", "xhb-users-tens-of-millions"), []),
    ("term", None, []),  # filled in from the pack below
    ("paragraph", Ref("paragraph", "p04"), []),
    ("source-original", Ref("entity", "cmb-life"), ["s"]),
    ("source-restored", Ref("entity", "cmb-life"), ["s", "v"]),
    ("source-english", Ref("entity", "cmb-life"), ["s", "v", "v"]),
    ("source-side", Ref("entity", "cmb-life"), ["s", "v", "v", "v"]),
    ("matrix", None, ["m"]),
    ("matrix-evidence", None, ["m", "enter"]),
    ("figures", None, ["f"]),
    ("figures-sorted", None, ["f", "o"]),
    ("compare", Ref("entity", "cmb"), ["c"]),
    ("compare-hedged", Ref("entity", "alipay"), ["c"]),
    ("gaps", None, ["r"]),
    ("help", None, ["question_mark"]),
    ("search", None, ["slash", "z", "h", "i"]),
    ("palette", None, ["ctrl+p", "m"]),
    ("toast-mark", Ref("entity", "cmb"), ["x"]),
    ("toast-back", None, ["backspace"]),
    ("toast-one-marked", Ref("entity", "alipay"), ["x", "3", "j", "c"]),
]


@pytest.mark.parametrize("how", ["lang-zh", "t"])
@pytest.mark.parametrize("name, start, keys", SCREENS, ids=[s[0] for s in SCREENS])
async def test_no_english_label_on_any_screen_in_chinese(
    bundled_pack: Pack, name: str, start: Ref | None, keys: list[str], how: str
) -> None:
    """Started with --lang zh, or in English and switched with t before the screen is opened."""
    if name == "term":
        start = Ref("term", bundled_pack.glossary[0].id)
    app = FintechApp(bundled_pack, lang="zh" if how == "lang-zh" else "en", goto=start, fresh=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        if how == "t":
            await pilot.press("t")
            await pilot.pause()
            app.clear_notifications()  # the language toast is checked by its own screen
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        await pilot.pause(0.2)
        runs = screen_runs(app)
        lines = lines_of(runs)
        assert len(lines) > 20 and any(CJK.search(line) for line in lines)  # the screen was read
        found = {word for line in lines for word in words(line)} & english_ui_words(bundled_pack)
        assert not found, f"English labels on {name}: {sorted(found)}\n" + "\n".join(lines)
        typed = set(words("".join(k for k in keys if len(k) == 1)))  # what the test typed into the search
        stray = stray_words([text for _, text in runs], allowed_words(bundled_pack)) - typed
        assert not stray, f"English words from no label and no content on {name}: {sorted(stray)}\n" + "\n".join(lines)
        chrome = " ".join(
            [footer_text(app)]
            + [bar.render().plain for bar in app.screen.query(TitleBar)]
            + [bar.render().plain for bar in app.screen.query(PaneBar)]
        )
        assert not words(chrome) & chrome_words(), f"{name}: {chrome}"


def test_the_screens_listed_cover_every_kind_and_reading() -> None:
    covered = {start.kind for _, start, _ in SCREENS if start is not None} | {"term"}
    assert {kind.name for kind in kinds()} <= covered


# -- t switches everything at once -------------------------------------------------------


async def test_t_switches_the_footer_the_title_bar_and_the_panes_at_once_and_back(bundled_pack: Pack) -> None:
    app = FintechApp(bundled_pack, lang="en", fresh=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        english_footer = footer_text(app)
        assert phrase("key.search", "en") in english_footer and phrase("key.quit", "en") in english_footer
        assert bundled_pack.meta.title.en in app.screen.query_one(TitleBar).render().plain
        await pilot.press("t")
        await pilot.pause()
        chinese_footer = footer_text(app)
        for meaning in ("search", "source", "quit", "language"):
            assert phrase(f"key.{meaning}", "zh") in chinese_footer
        assert not words(chinese_footer) & chrome_words(), chinese_footer
        assert bundled_pack.meta.title.zh in app.screen.query_one(TitleBar).render().plain
        assert app.screen.query_one("#pane-0").border_title == f"1 {phrase('pane.outline', 'zh')}"
        assert phrase("pane.companies", "zh") in app.screen.query_one(PaneBar).render().plain
        outline = app.screen.query_one("#pane-0")
        labels = [node.label.plain for node in outline.nodes_by_ref.values()]  # type: ignore[attr-defined]
        assert all(CJK.search(label) for label in labels), labels  # every outline node, sub-sections too
        await pilot.press("t")
        await pilot.pause()
        assert footer_text(app) == english_footer
        assert bundled_pack.meta.title.en in app.screen.query_one(TitleBar).render().plain


async def test_the_language_is_remembered_in_the_settings(bundled_pack: Pack, tmp_path: Any) -> None:
    from fintech_tui.tui.settings import Settings

    path = tmp_path / "settings.json"
    app = FintechApp(bundled_pack, settings=Settings(path=path), fresh=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("q")
    app.save_settings()
    again = FintechApp(bundled_pack, settings=Settings.load(path), fresh=True)
    assert again.label_lang == "zh"


async def test_a_view_opened_in_chinese_has_a_chinese_footer(bundled_pack: Pack) -> None:
    app = FintechApp(bundled_pack, lang="zh", goto=Ref("entity", "cmb"), fresh=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        assert phrase("key.reading", "zh") in footer_text(app)
        assert phrase("key.close_view", "zh") in footer_text(app)
        assert isinstance(app.screen.query_one(Footer), Footer)


async def test_the_palette_and_the_theme_picker_prompt_in_chinese(bundled_pack: Pack) -> None:
    from textual.command import CommandInput

    app = FintechApp(bundled_pack, lang="zh", fresh=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert app.screen.query_one(CommandInput).placeholder == phrase("palette.placeholder", "zh")
        await pilot.press("escape")
        await pilot.pause()
        app.search_themes()
        await pilot.pause()
        assert app.screen.query_one(CommandInput).placeholder == phrase("palette.themes", "zh")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_term_detail_badge_calls_it_what_its_title_does(bundled_index: PackIndex, lang: str) -> None:
    """The detail of a glossary term is titled "Term" (术语); its badge says the same, not "glossary"."""
    from fintech_tui.render.detail import describe

    term = bundled_index.pack.glossary[0]
    detail = describe(bundled_index, Ref("term", term.id), lang)  # type: ignore[arg-type]
    badge = detail.body[0].plain.split()[0]
    [kind] = [kind for kind in kinds() if kind.name == "term"]
    expected = kind.zh if lang == "zh" else kind.title.lower()
    assert badge == expected
