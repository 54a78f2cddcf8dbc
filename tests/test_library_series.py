"""One entity across articles: what each says, its figures over time, disagreements, claims side by side."""

from __future__ import annotations

from pathlib import Path

import pytest

from fintech_tui.library.catalog import Library
from fintech_tui.library.periods import dated
from tests.library_helpers import entity, figure, write_article


@pytest.mark.parametrize(
    ("period", "article_date", "expected"),
    [
        ("2024年", "", ("2024-12-31", False)),
        ("2024年末", "", ("2024-12-31", False)),
        ("截至2024年6月", "", ("2024-06-30", False)),
        ("2024年第二季度", "", ("2024-06-30", False)),
        ("Q2 2024", "", ("2024-06-30", False)),
        ("2024 Q3", "", ("2024-09-30", False)),
        ("H1 2023", "", ("2023-06-30", False)),
        ("2023年上半年", "", ("2023-06-30", False)),
        ("as of June 2025", "", ("2025-06-30", False)),
        ("as of 3 March 2025", "", ("2025-03-03", False)),
        ("2025-3-1", "", ("2025-03-01", False)),
        ("FY2022", "", ("2022-12-31", False)),
        ("今年", "2021-3-22", ("2021-12-31", True)),
        ('今年2月 (February of "this year")', "2021-3-22", ("2021-02-28", True)),
        ("去年下半年", "2021-3-22", ("2020-12-31", True)),
        ("this year", "2024-01-05", ("2024-12-31", True)),
        ("今年", "", ("", False)),  # no article date: undated
        ("目前 (currently)", "2021-3-22", ("", False)),
        ("2024年13月", "", ("", False)),  # not a month
    ],
)
def test_periods_as_dates(period: str, article_date: str, expected: tuple[str, bool]) -> None:
    assert dated(period, article_date=article_date) == expected


@pytest.fixture
def library(tmp_path: Path) -> Path:
    root = tmp_path / "lib"
    cmb = "招商银行的掌上生活用户数超过1亿，月活4000万。"
    write_article(
        root,
        "one",
        cmb,
        date="2024-03-01",
        entities=[entity("life", "掌上生活", "CMB Life")],
        figures=[
            figure("u", "life", "Users", 100_000_000, period="2023年末", quote="用户数超过1亿"),
            figure("m", "life", "Monthly users", 40_000_000, period="今年", quote="月活4000万"),
        ],
        arguments=[
            {
                "id": "t",
                "role": "thesis",
                "claim": {"en": "Apps win."},
                "concerns": ["life"],
                "hedge": "opinion",
                "evidence": [{"para": "p1", "quote": "掌上生活"}],
            }
        ],
    )
    write_article(
        root,
        "two",
        "掌上生活用户数达1.2亿。",
        date="2024-06-01",
        entities=[entity("cmblife", "掌上生活", "CMB Life", summary="The bank's life app.")],
        figures=[figure("u2", "cmblife", "users", 120_000_000, period="Q4 2023", quote="用户数达1.2亿")],
    )
    write_article(
        root,
        "three",
        "掌上生活用户1亿（2024年6月）。",
        entities=[entity("x", "掌上生活", "CMB Life")],
        figures=[
            figure("u3", "x", "Users", 100_000_000, period="as of June 2024", quote="用户1亿"),
            figure("u4", "x", "Users", 1e8, quote="（2024年6月）", unit="users"),
        ],
    )
    return root


def test_across_gives_each_articles_summary_claims_figures_and_quotes(library: Path) -> None:
    with Library.open(library) as lib:
        shared = lib.shared_of("one.yaml", "life")
        assert shared is not None
        rows = {row.article.key: row for row in lib.across(shared.key)}
        assert set(rows) == {"one.yaml", "two.yaml", "three.yaml"}
        one = rows["one.yaml"]
        assert [c.id for c in one.claims] == ["t"] and one.claims[0].hedge == "opinion"
        assert [f.id for f in one.figures] == ["u", "m"]
        assert one.quotes[0].quote == "掌上生活" and one.quotes[0].number == 1 and one.quotes[0].para == "p1"
        assert rows["two.yaml"].summary.en == "The bank's life app."
        assert {m.en for m in lib.metrics(shared.key)} == {"Users", "Monthly users"}


def test_figures_over_time_in_period_order_with_disagreements(library: Path) -> None:
    with Library.open(library) as lib:
        shared = lib.shared_of("two.yaml", "cmblife")
        assert shared is not None
        points, disagreements = lib.figures_over_time(shared.key, "USERS")
        assert [(p.article, p.period_date) for p in points] == [
            ("one.yaml", "2023-12-31"),
            ("two.yaml", "2023-12-31"),
            ("three.yaml", "2024-06-30"),
            ("three.yaml", "2024-06-30"),
        ]
        assert points[3].period == "" and points[3].period_inferred  # dated by its quote
        assert points[0].period == "2023年末" and not points[0].period_inferred
        (disagreement,) = disagreements  # 1亿 and 1.2亿 for the end of 2023; one article twice is no disagreement
        assert disagreement.period == "2023-12-31"
        assert {p.value for p in disagreement.points} == {100_000_000, 120_000_000}
        monthly, none = lib.figures_over_time(shared.key, "Monthly users")
        assert [(p.period_date, p.period_inferred) for p in monthly] == [("2024-12-31", True)] and none == ()


def test_claims_side_by_side_by_entity_and_by_strategy(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    strategy = {
        "id": "s",
        "name": {"en": "Super app"},
        "summary": {"en": "x"},
        "evidence": [{"para": "p1", "quote": "超级应用"}],
    }
    for name, relation in (("a", "supports"), ("b", "opposes")):
        write_article(
            root,
            name,
            "超级应用支付宝。",
            entities=[entity("zfb", "支付宝", "Alipay")],
            strategies=[{**strategy, "name": {"en": "Super-App" if name == "b" else "Super app"}}],
            arguments=[
                {"id": "t", "role": "thesis", "claim": {"en": f"Thesis {name}"}},
                {
                    "id": "r",
                    "role": "reason",
                    "parent": "t",
                    "relation": relation,
                    "concerns": ["zfb"],
                    "claim": {"en": f"Reason {name}"},
                },
                {
                    "id": "q",
                    "role": "point",
                    "parent": "t",
                    "relation": "elaborates",
                    "strategies": ["s"],
                    "claim": {"en": f"Point {name}"},
                },
            ],
        )
    with Library.open(root) as lib:
        shared = lib.shared_of("a.yaml", "zfb")
        assert shared is not None
        by_entity = lib.side_by_side(["a.yaml", "b.yaml"], shared_key=shared.key)
        assert {k: [(c.id, c.relation) for c in v] for k, v in by_entity.items()} == {
            "a.yaml": [("r", "supports")],
            "b.yaml": [("r", "opposes")],
        }
        by_strategy = lib.side_by_side(["a.yaml", "b.yaml"], strategy="super app")
        assert {k: [c.id for c in v] for k, v in by_strategy.items()} == {"a.yaml": ["q"], "b.yaml": ["q"]}
