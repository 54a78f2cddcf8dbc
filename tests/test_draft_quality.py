"""The draft-quality benchmark: its truth files quote their articles, and its scorer counts right.

The smoke run checks the report's shape and that every score is a share, never the scores
themselves (those are for benchmarks/draft_quality.py to report, not for the suite to judge).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from draft_scoring import FIELDS, read_truth, score  # noqa: E402  (a benchmark script, not a package)

from fintech_tui.draft.reading import read_article  # noqa: E402

EVAL = ROOT / "benchmarks" / "draft_eval"
TRUTHS = sorted((EVAL / "truth").glob("*.yaml"))
SEALED = ROOT / "benchmarks" / "draft_eval_sealed"
SEALED_TRUTHS = sorted((SEALED / "truth").glob("*.yaml"))


def article_of(truth: Path) -> Path:
    """The article beside a truth file: truth/<stem>.yaml belongs to articles/<stem>.txt or .md."""
    folder = truth.parent.parent / "articles"
    return next(p for p in folder.glob(truth.stem + ".*") if p.suffix in (".txt", ".md"))


def test_the_set_has_both_languages() -> None:
    languages = {read_truth(t)["language"] for t in TRUTHS}
    assert languages == {"zh", "en"}


def quote_problems(truth_path: Path) -> list[str]:
    """Every quoted snippet, name, heading and term of a truth file, as found (or not) in its article."""
    truth = read_truth(truth_path)
    paragraphs = [block.text for block in read_article(article_of(truth_path))]
    whole = "\n".join(paragraphs)
    names = {e["name"] for e in truth["entities"]}
    problems = []
    for figure in truth["figures"]:
        if not any(figure["context"] in p for p in paragraphs):
            problems.append(f"figure context not in one paragraph: {figure['context']}")
        elif figure["as_written"] not in figure["context"]:
            problems.append(f"as_written {figure['as_written']!r} not in its context {figure['context']!r}")
        if figure.get("subject") and figure["subject"] not in names:
            problems.append(f"subject {figure['subject']!r} is no entity's name")
    for claim in truth["claims"]:
        if not any(claim["context"] in p for p in paragraphs):
            problems.append(f"claim context not in one paragraph: {claim['context']}")
        problems += [f"concern {c!r} is no entity's name" for c in claim.get("concerns") or [] if c not in names]
    for entity in truth["entities"]:
        problems += [f"name not in the article: {f}" for f in [entity["name"], *entity["aliases"]] if f not in whole]
        if entity.get("parent") and entity["parent"] not in names:
            problems.append(f"parent {entity['parent']!r} is no entity's name")
    problems += [f"heading not in the article: {h['title']}" for h in truth["outline"] if h["title"] not in whole]
    problems += [f"term not in the article: {t}" for t in truth.get("glossary") or [] if t not in whole]
    return problems


@pytest.mark.parametrize("truth_path", TRUTHS, ids=lambda p: p.stem)
def test_every_truth_quotes_its_article_verbatim(truth_path: Path) -> None:
    problems = quote_problems(truth_path)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("truth_path", SEALED_TRUTHS, ids=lambda p: p.stem)
def test_every_sealed_truth_parses_and_quotes_its_article_verbatim(truth_path: Path) -> None:
    """The sealed set is scored once, at the end of a round: a misquote found then would spend it for nothing."""
    problems = quote_problems(truth_path) + vocabulary_problems(read_truth(truth_path))
    assert not problems, "\n".join(problems)


KINDS = {"company", "group", "bank", "product", "app", "organisation", "person"}
HEDGES = {None, "estimate", "prediction", "opinion", "possibility"}
ROLES = {"thesis", "point", "reason", "conclusion", "qualification", "observation"}
RELATIONS = {None, "supports", "opposes", "elaborates"}


def vocabulary_problems(truth: dict[str, Any]) -> list[str]:
    """Words outside the format's short lists: a misspelt hedge or kind would be scored as simply wrong."""
    problems = [f"kind {e['kind']!r} of {e['name']}" for e in truth["entities"] if e["kind"] not in KINDS]
    for figure in truth["figures"]:
        if figure.get("hedge") not in HEDGES:
            problems.append(f"hedge {figure.get('hedge')!r} at {figure['context']}")
        value = figure.get("value")
        if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))):
            problems.append(f"value {value!r} is no number at {figure['context']}")
    for claim in truth["claims"]:
        if claim.get("role") not in ROLES or claim.get("relation") not in RELATIONS or claim.get("hedge") not in HEDGES:
            problems.append(f"role, relation or hedge outside the format at {claim['context']}")
    return problems


def test_smoke_run_reports_every_field_as_shares() -> None:
    stems = [TRUTHS[0].stem, TRUTHS[-1].stem]
    for stem in stems:
        result = subprocess.run(
            [sys.executable, str(ROOT / "benchmarks" / "draft_quality.py"), "--json", "--article", stem],
            capture_output=True,
            text=True,
            timeout=300,
            cwd=ROOT,
        )
        assert result.returncode == 0, result.stderr
        data = json.loads(result.stdout)
        (article,) = data["articles"]
        assert article["stem"] == stem and not article["error"]
        assert set(article["fields"]) == set(FIELDS)
        for group in data["groups"].values():
            for name, item in group.items():
                for key in ("precision", "recall"):
                    assert item[key] is None or 0 <= item[key] <= 1, (name, key, item)


def test_table_names_every_field() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "draft_quality.py"), "--article", TRUTHS[0].stem, "--details"],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    for name in FIELDS:
        assert f"\n| {name} |" in result.stdout
    assert "CPU to draft" in result.stdout


def test_unknown_article_is_one_line_and_non_zero() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "draft_quality.py"), "--article", "no-such"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert result.returncode == 1 and result.stderr.count("\n") == 1 and "no-such" in result.stderr


def test_articles_option_scores_just_the_named_stems_together() -> None:
    stems = [TRUTHS[0].stem, TRUTHS[-1].stem]
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "draft_quality.py"), "--json", "--articles", ",".join(stems)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    assert [a["stem"] for a in json.loads(result.stdout)["articles"]] == stems


def test_articles_option_names_every_unknown_stem_in_one_line() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "draft_quality.py"), "--articles", f"{TRUTHS[0].stem},nope1,nope2"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert result.returncode == 1 and result.stderr.count("\n") == 1
    assert "nope1" in result.stderr and "nope2" in result.stderr


def test_set_option_reads_the_named_folder_and_refuses_one_without_truth(tmp_path: Path) -> None:
    from draft_quality import articles

    (tmp_path / "truth").mkdir()
    (tmp_path / "articles").mkdir()
    source = article_of(TRUTHS[0])
    truth, article = tmp_path / "truth" / "only.yaml", tmp_path / "articles" / ("only" + source.suffix)
    truth.write_bytes(TRUTHS[0].read_bytes())
    article.write_bytes(source.read_bytes())
    assert articles(None, tmp_path) == [(article, truth)]
    empty = tmp_path / "empty"
    empty.mkdir()
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "draft_quality.py"), "--set", str(empty)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert result.returncode == 1 and result.stderr.count("\n") == 1 and str(empty) in result.stderr


# ---------------------------------------------------------------- the scorer on tiny hand-made packs

TEXT = "招商银行（以下简称“招行”）营业收入1,682.6亿元，同比增长12%。"
TRUTH: dict[str, Any] = {
    "language": "zh",
    "meta": {"title": "t", "author": "", "date": ""},
    "outline": [],
    "entities": [
        {"name": "招商银行", "kind": "bank", "aliases": ["招行"], "parent": ""},
        {"name": "招银理财", "kind": "company", "aliases": [], "parent": "招商银行"},
    ],
    "figures": [
        {"context": "营业收入1,682.6亿元", "as_written": "1,682.6亿元", "value": 168260000000, "unit": "yuan"},
        {"context": "同比增长12%", "as_written": "12%", "value": 12, "unit": "%", "subject": "招商银行"},
    ],
    "claims": [],
    "glossary": [],
}


def pack(entities: list[dict[str, Any]], figures: list[dict[str, Any]]) -> dict[str, Any]:
    return {"paragraphs": [{"id": "p1", "text": TEXT}], "entities": entities, "figures": figures}


def fig(as_written: str, value: float, unit: str, **more: Any) -> dict[str, Any]:
    return {"as_written": as_written, "value": value, "unit": unit, "evidence": [{"para": "p1", "quote": TEXT}], **more}


def test_a_right_figure_counts_in_precision_and_recall() -> None:
    scores = score(TRUTH, pack([], [fig("12%", 12, "%")]))
    assert (scores["figures"].hits, scores["figures"].drafted, scores["figures"].truth) == (1, 1, 2)


def test_a_wrong_unit_is_a_match_but_not_right() -> None:
    scores = score(TRUTH, pack([], [fig("1,682.6亿", 168260000000, "")]))
    assert scores["figures"].hits == 0
    assert "unit" in scores["figures"].misses[0]


def test_unit_synonyms_and_scales_are_accepted() -> None:
    scores = score(TRUTH, pack([], [fig("1,682.6亿元", 1.6826e11, "元"), fig("12%", 12.0000001, "percent")]))
    assert scores["figures"].hits == 2


def test_an_alias_matches_its_entity_and_a_duplicate_does_not() -> None:
    drafted = [
        {"id": "zhaohang", "kind": "bank", "name": {"zh": "招行"}},
        {"id": "cmb", "kind": "company", "name": {"zh": "招商银行"}},
    ]
    scores = score(TRUTH, pack(drafted, []))
    names = scores["names"]
    assert (names.hits, names.drafted, names.truth) == (1, 2, 2)
    assert names.extras == ["招行"]  # the exact name is taken first, the alias form is then a duplicate
    assert scores["kinds"].hits == 0  # 招商银行 drafted as a company


def test_aliases_parents_and_subjects_go_through_the_matching() -> None:
    drafted = [
        {"id": "cmb", "kind": "bank", "name": {"zh": "招商银行"}, "aliases": [{"text": "招行"}]},
        {"id": "wm", "kind": "company", "name": {"zh": "招银理财"}, "parent": "cmb"},
    ]
    scores = score(TRUTH, pack(drafted, [fig("12%", 12, "%", subject="cmb")]))
    assert (scores["aliases"].hits, scores["parents"].hits, scores["subjects"].hits) == (1, 1, 1)


def test_a_missing_file_scores_zero_not_a_crash() -> None:
    truth = {**TRUTH, "claims": [{"context": "营业收入", "role": "thesis"}], "glossary": ["不良率"]}
    scores = score(truth, {})
    assert scores["claims"].recall == 0 and scores["claims"].precision == 0
    assert scores["glossary"].recall == 0 and scores["names"].recall == 0


def test_a_period_cut_inside_its_number_is_wrong() -> None:
    text = "Deposits reached $4 billion by the end of March 2027."
    truth = {
        **TRUTH,
        "language": "en",
        "entities": [],
        "figures": [
            {
                "context": "reached $4 billion",
                "as_written": "$4 billion",
                "value": 4e9,
                "unit": "USD",
                "period": "March 2027",
            }
        ],
    }

    def drafted_with(period: str) -> dict[str, Any]:
        figure = {"as_written": "$4 billion", "value": 4e9, "unit": "USD", "period": period}
        figure["evidence"] = [{"para": "p1", "quote": text}]
        return {"paragraphs": [{"id": "p1", "text": text}], "entities": [], "figures": [figure]}

    assert score(truth, drafted_with("March 20"))["periods"].hits == 0  # the year cut to a day
    assert score(truth, drafted_with("March 2"))["periods"].hits == 0
    assert score(truth, drafted_with("March 2027"))["periods"].hits == 1
    assert score(truth, drafted_with("the end of March 2027"))["periods"].hits == 1  # containment still counts
    assert score(truth, drafted_with("March"))["periods"].hits == 1  # a word, not a cut number


def test_alias_recall_counts_each_truth_pair_once_and_never_the_name() -> None:
    # The truth has one alias pair (招商银行 ← 招行); the draft repeats the name as an alias too.
    both = [{"id": "cmb", "kind": "bank", "name": {"zh": "招商银行股份有限公司"}, "aliases": ["招商银行", "招行"]}]
    aliases = score(TRUTH, pack(both, []))["aliases"]
    assert (aliases.hits, aliases.drafted, aliases.truth, aliases.recall) == (2, 2, 1, 1.0)
    # An alias that is only the truth's name, on an entity of another name, finds no truth pair.
    name_only = [{"id": "wm", "kind": "company", "name": {"zh": "招银理财"}, "aliases": ["招商银行"]}]
    aliases = score(TRUTH, pack(name_only, []))["aliases"]
    assert (aliases.hits, aliases.recall) == (0, 0.0)
    assert aliases.misses == ["招商银行 ← 招行"]


STEM = "zh_wire_duxiaoman"


def test_rules_alone_drafts_without_the_name_lists() -> None:
    """--rules-alone empties the dictionaries: names only a list knows (支付宝, 蚂蚁集团) go missing."""

    def names_of(*extra: str) -> dict[str, object]:
        result = subprocess.run(
            [sys.executable, str(ROOT / "benchmarks" / "draft_quality.py"), "--json", "--article", STEM, *extra],
            capture_output=True,
            text=True,
            timeout=300,
            cwd=ROOT,
        )
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)["articles"][0]["fields"]["names"]

    normal, alone = names_of(), names_of("--rules-alone")  # zh_wire_duxiaoman names 支付宝 and 蚂蚁集团
    assert alone["hits"] < normal["hits"]
    assert set(alone["misses"]) - set(normal["misses"])
