"""A pane of thousands of items makes tree nodes only for what a reader can reach.

Under a closed node the items wait; opening the node, `--goto` or a link to
an item deep inside makes the nodes on the way, so every item stays reachable.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from fintech_tui.loader import load_pack
from fintech_tui.queries.index import PackIndex, Ref
from fintech_tui.tui.app import FintechApp
from fintech_tui.tui.widgets.item_tree import EXPAND_ALL_UP_TO
from fintech_tui.tui.widgets.panes import ArgumentsPane
from fintech_tui.util.synthetic import write_pack


@pytest.fixture(scope="module")
def big_index(tmp_path_factory: pytest.TempPathFactory) -> PackIndex:
    folder = tmp_path_factory.mktemp("big") / "pack"
    write_pack(8_000, folder)  # 2,400 arguments nested five to a parent
    return PackIndex(load_pack(Path(folder)))


def deepest_argument(index: PackIndex) -> Ref:
    depth = {a.id: len(index.breadcrumb(a)) for a in index.pack.arguments}
    return Ref("argument", max(depth, key=depth.__getitem__))


async def test_closed_nodes_hold_their_items_until_opened(big_index: PackIndex) -> None:
    app = FintechApp(big_index.pack, index=big_index)
    async with app.run_test(size=(120, 40)) as pilot:
        pane = app.screen.query_one(ArgumentsPane)
        assert len(pane.parent_of) == len(big_index.arguments) > EXPAND_ALL_UP_TO
        assert len(pane.nodes_by_ref) < len(pane.parent_of)  # not every argument is a node yet
        assert pane.border_subtitle == f"{len(big_index.arguments):,}"  # the count is of every item

        await pilot.press("4")
        closed = next(n for n in pane.nodes_by_ref.values() if n.allow_expand and not n.is_expanded)
        assert not closed.children
        pane.move_cursor(closed)
        await pilot.pause()
        await pilot.press("right")
        await pilot.pause()
        assert closed.is_expanded
        assert [child.data for child in closed.children] == [
            Ref("argument", reply.id)
            for reply in big_index.replies[closed.data.id]  # type: ignore[union-attr]
        ]


async def test_an_item_under_closed_nodes_opens_with_the_cursor_on_it(big_index: PackIndex) -> None:
    target = deepest_argument(big_index)
    app = FintechApp(big_index.pack, index=big_index, goto=target)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        pane = app.screen.query_one(ArgumentsPane)
        assert target in pane.nodes_by_ref
        assert pane.cursor_node is pane.nodes_by_ref[target]
        chain = big_index.breadcrumb(big_index.arguments[target.id])
        assert all(pane.nodes_by_ref[Ref("argument", a.id)].is_expanded for a in chain[:-1])
