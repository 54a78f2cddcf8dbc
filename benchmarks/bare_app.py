"""The baseline for start-up: a bare Textual app with a header, a tree and a footer."""

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Tree


class BareApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Header()
        tree: Tree[None] = Tree("root")
        tree.root.add_leaf("leaf")
        yield tree
        yield Footer()


if __name__ == "__main__":
    BareApp().run()
