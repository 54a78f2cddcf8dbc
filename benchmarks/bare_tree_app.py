"""The baseline for interaction: a bare Textual Tree whose highlight updates a Static.

    python benchmarks/bare_tree_app.py [ITEMS]

`/` opens an Input under the tree; each keystroke filters the item names and
shows how many match, which is the least a search can do.
"""

import sys

from textual import on
from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Input, Static, Tree


class BareTreeApp(App[None]):
    BINDINGS = [("slash", "search", "Search")]

    def __init__(self, items: int) -> None:
        super().__init__()
        self.names = [f"Item {i} 公司" for i in range(items)]

    def compose(self) -> ComposeResult:
        yield Header()
        tree: Tree[str] = Tree("items")
        tree.show_root = False
        for name in self.names:
            tree.root.add_leaf(name, data=name)
        tree.root.expand()
        yield tree
        yield Static(id="detail")
        yield Footer()

    @on(Tree.NodeHighlighted)
    def show(self, event: Tree.NodeHighlighted[str]) -> None:
        self.query_one("#detail", Static).update(f"{event.node.data}\n\nThe detail of this item.")

    def action_search(self) -> None:
        search = Input(placeholder="search")
        self.mount(search, before="#detail")
        search.focus()

    @on(Input.Changed)
    def filter(self, event: Input.Changed) -> None:
        query = event.value.lower()
        found = [name for name in self.names if query in name.lower()]
        self.query_one("#detail", Static).update(f"{len(found):,} found: " + ", ".join(found[:20]))


if __name__ == "__main__":
    BareTreeApp(int(sys.argv[1]) if len(sys.argv) > 1 else 100).run()
