"""Property tests: whatever bytes or YAML-like trees arrive, the loader answers
with a model or its own error — never another exception."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fintech_tui.loader import PackError, load_pack
from fintech_tui.model import Pack

SECTIONS = ["meta", "paragraphs", "outline", "entities", "strategies", "arguments", "figures", "glossary"]
FIELDS = [
    "id",
    "text",
    "kind",
    "name",
    "en",
    "zh",
    "parent",
    "evidence",
    "para",
    "quote",
    "aliases",
    "role",
    "relation",
    "first",
    "last",
    "title",
    "summary",
    "claim",
    "value",
    "metric",
    "as_written",
    "children",
]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.sampled_from(["p1", "a", "bank", "thesis", "supports", "section", "口袋生活", "[bold]x", "\x1b[31m"]),
)
trees = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.one_of(st.sampled_from(FIELDS), st.text(max_size=8)), children, max_size=5),
    ),
    max_leaves=30,
)
packs = st.dictionaries(st.sampled_from(SECTIONS), trees, max_size=len(SECTIONS))


def load_text(data: bytes) -> Pack | PackError:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "pack.yaml"
        path.write_bytes(data)
        try:
            return load_pack(path)
        except PackError as error:
            assert error.problems
            for problem in error.problems:
                assert "\n" not in str(problem)
            return error


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_random_bytes(data: bytes) -> None:
    assert isinstance(load_text(data), Pack | PackError)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(packs)
def test_random_yaml_trees(tree: dict[str, Any]) -> None:
    data = yaml.safe_dump(tree, allow_unicode=True).encode("utf-8")
    assert isinstance(load_text(data), Pack | PackError)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(list("{}[]:,-&*!|>'\"#%@` \n\tab1口")), max_size=120))
def test_random_yaml_like_text(text: str) -> None:
    assert isinstance(load_text(text.encode("utf-8")), Pack | PackError)
