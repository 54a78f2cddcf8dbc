"""The registries: a kind registered once shows up everywhere kinds are used."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import msgspec
import pytest

from fintech_tui.export import export_formats, exporter
from fintech_tui.loader import load_pack
from fintech_tui.model import Bilingual, Evidence, Kind, Pack, RefTo, kinds, register_kind, unregister_kind
from fintech_tui.queries.goto import resolve_goto
from fintech_tui.queries.index import PackIndex, Ref
from fintech_tui.queries.summary import count_items
from fintech_tui.render.detail import describe
from fintech_tui.render.labels import item_label

from .conftest import PackWriter


class Gadget(msgspec.Struct, frozen=True):
    """A toy kind: a device the article mentions."""

    id: str
    name: Bilingual
    maker: Annotated[str, RefTo("entity")] = ""
    evidence: tuple[Evidence, ...] = ()


class GadgetPack(Pack, frozen=True):
    """A pack with one more section, as a pack format with a new kind would have."""

    gadgets: tuple[Gadget, ...] = ()


@pytest.fixture
def gadget_kind() -> Iterator[Kind]:
    kind = register_kind(Kind("gadget", Gadget, "gadgets", "gadget", "gadgets", "小工具", "Gadget", "Gadgets"))
    yield kind
    unregister_kind("gadget")


@pytest.fixture
def gadget_pack(write_pack: PackWriter, gadget_kind: Kind) -> GadgetPack:
    tiny = load_pack(write_pack(), use_cache=False)
    sections = {name: getattr(tiny, name) for name in Pack.__struct_fields__}
    pager = Gadget("pager", Bilingual(en="Pocket pager", zh="口袋寻呼机"), "cmb", (Evidence("p1", "口袋生活"),))
    return GadgetPack(**sections, gadgets=(pager,))


def test_a_registered_kind_is_counted_by_check(gadget_pack: GadgetPack) -> None:
    counts = dict(count_items(gadget_pack))
    assert counts["gadget"] == 1
    assert list(counts)[-1] == "gadget"  # in the order of the pack's sections


def test_a_registered_kind_opens_with_goto(gadget_pack: GadgetPack) -> None:
    index = PackIndex(gadget_pack)
    ref = resolve_goto("gadget:pager", index)
    assert ref == Ref("gadget", "pager")
    assert index.get(ref) is gadget_pack.gadgets[0]
    assert index.citations["p1"][-1].ref == ref  # its evidence cites the paragraph


def test_a_registered_kind_is_found_by_search(gadget_pack: GadgetPack) -> None:
    index = PackIndex(gadget_pack)
    assert Ref("gadget", "pager") in index.search("寻呼机")
    assert Ref("gadget", "pager") in index.search("pocket pager")
    assert Ref("gadget", "pager") in index.search("xunhuji")  # pinyin of its Chinese name


def test_a_registered_kind_has_a_label_and_a_detail_view(gadget_pack: GadgetPack) -> None:
    index = PackIndex(gadget_pack)
    ref = Ref("gadget", "pager")
    assert "Pocket pager" in item_label(index, ref, "en", with_kind=True).plain
    assert item_label(index, ref, "en", with_kind=True).plain.startswith("Gadget")
    detail = describe(index, ref, "zh")
    assert detail.title.plain.startswith("口袋寻呼机")
    assert [(link.ref, link.kind) for link in detail.links] == [
        (Ref("entity", "cmb"), "item"),  # what its reference field names
        (Ref("paragraph", "p1"), "evidence"),
    ]


def test_a_registered_kind_is_in_every_export(gadget_pack: GadgetPack) -> None:
    for fmt in (fmt for fmt in export_formats() if fmt.whole_pack):  # not in views of one part
        text = exporter(fmt.name)(gadget_pack)
        assert "Pocket pager" in text and "口袋寻呼机" in text, fmt.name


def test_an_unknown_goto_kind_lists_the_registered_ones(gadget_pack: GadgetPack) -> None:
    with pytest.raises(ValueError, match="the kind must be one of") as error:
        resolve_goto("gizmo:x", PackIndex(gadget_pack))
    assert all(kind.name in str(error.value) for kind in kinds())
    assert "gadget" in str(error.value)


def test_registering_a_kind_twice_is_refused(gadget_kind: Kind) -> None:
    with pytest.raises(ValueError, match="already registered"):
        register_kind(gadget_kind)


def test_every_reference_names_a_registered_kind() -> None:
    from fintech_tui.model.plan import references

    names = {kind.name for kind in kinds()}
    declared = [spec.ref for kind in kinds() for spec in references(kind.cls)] + [
        spec.ref for spec in references(Evidence)
    ]
    assert declared and set(declared) <= names


def test_every_export_format_is_offered_by_the_cli_and_the_readme() -> None:
    from fintech_tui.cli.arguments import verb_parser
    from fintech_tui.cli.verbs import VERBS

    (export,) = [verb for verb in VERBS if verb.name == "export"]
    parser = verb_parser(export)
    choices = next(action.choices for action in parser._actions if action.dest == "format")
    names = [fmt.name for fmt in export_formats()]
    assert list(choices or []) == names
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    assert f"export -f {'|'.join(names)}" in readme


def test_the_cache_key_follows_the_model_shape(monkeypatch: pytest.MonkeyPatch, write_pack: PackWriter) -> None:
    from fintech_tui.loader import cache, pack_files
    from fintech_tui.model.plan import model_shape

    shape = model_shape()
    for kind in kinds():
        assert f"{kind.cls.__name__}(" in shape
    assert "'key-reason'" in shape and "RefTo(kind='entity')" in shape  # allowed values and references count too
    files = [(file.name, file.read_bytes()) for file in pack_files(write_pack())]
    before = cache.key_for(files)
    monkeypatch.setattr(cache, "model_fingerprint", lambda: "another shape")
    assert cache.key_for(files) != before


def test_evidence_links_say_so_and_other_links_open_items(bundled_index: PackIndex) -> None:
    detail = describe(bundled_index, Ref("entity", "cmb"), "en")
    kinds_by_group = {(link.group, link.kind) for link in detail.links}
    assert ("Evidence", "evidence") in kinds_by_group
    assert all(kind == "item" for group, kind in kinds_by_group if group != "Evidence")


def test_a_new_reference_field_gets_its_backlink_in_both_languages(gadget_pack: GadgetPack) -> None:
    """`maker` is declared RefTo("entity") and nothing else: the company's view lists the gadget."""
    index = PackIndex(gadget_pack)
    assert [(r.ref, r.field) for r in index.referrers[Ref("entity", "cmb")] if r.ref.kind == "gadget"] == [
        (Ref("gadget", "pager"), "maker")
    ]
    for lang, heading in (("en", "Gadget (maker)"), ("zh", "小工具（maker）")):
        detail = describe(index, Ref("entity", "cmb"), lang)  # type: ignore[arg-type]
        assert [link.group for link in detail.links if link.ref == Ref("gadget", "pager")] == [heading], lang


def test_the_generic_detail_view_speaks_chinese(gadget_pack: GadgetPack) -> None:
    index = PackIndex(gadget_pack)
    text = " ".join(str(part) for part in describe(index, Ref("gadget", "pager"), "zh").body)
    assert "小工具" in text and "gadget" not in text  # the kind's Chinese noun in its badge


def test_the_built_in_views_list_every_built_in_backlink_by_hand() -> None:
    """BACKLINKED_BY_HAND names no field that is gone (a field it names would lose its backlink)."""
    from fintech_tui.model.plan import references
    from fintech_tui.queries.index import BACKLINKED_BY_HAND

    declared = {(kind.name, spec.name) for kind in kinds() for spec in references(kind.cls)}
    assert declared >= BACKLINKED_BY_HAND
