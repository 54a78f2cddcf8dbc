"""How good a first map `fintech-tui draft` makes: precision and recall per field on the evaluation set.

    python benchmarks/draft_quality.py                      # the table, per language and overall
    python benchmarks/draft_quality.py --details            # every miss and false positive
    python benchmarks/draft_quality.py --article en_wire_chime --details
    python benchmarks/draft_quality.py --articles zh_wire_duxiaoman,en_column_embedded
    python benchmarks/draft_quality.py --json               # machine output
    python benchmarks/draft_quality.py --set benchmarks/draft_eval_sealed   # another set, same rules
    python benchmarks/draft_quality.py --write-readme       # the table into README.md
    python benchmarks/draft_quality.py --rules-alone        # with both name dictionaries emptied

Each article in benchmarks/draft_eval/articles is drafted with `draft_pack` into a temporary
folder and its pack scored against benchmarks/draft_eval/truth/<stem>.yaml by the rules in
benchmarks/draft_eval/README.md (draft_scoring.py). Counts are summed over articles before
dividing (micro averages). CPU time is the drafting process's own (user + system), per
article; the first article pays for loading dictionaries, so it is reported apart.

`--rules-alone` drafts with the packaged name dictionaries emptied: every name must then be found
by the rules, as an invented firm or a newcomer no list knows must be on text nobody has seen.
The gap to the normal run is how much of the score the lists carry.
"""

from __future__ import annotations

import argparse
import datetime
import json
import platform
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from draft_scoring import FIELDS, Score, TruthError, read_pack, read_truth, score  # noqa: E402  (a sibling script)

EVAL = HERE / "draft_eval"
README = HERE.parent / "README.md"
BEGIN, END = "<!-- draft-quality -->", "<!-- /draft-quality -->"


@dataclass
class Article:
    """One article's scores, how long drafting took, and what went wrong if it failed."""

    stem: str
    language: str
    style: str
    chars: int
    cpu: float = 0.0
    scores: dict[str, Score] = field(default_factory=dict)
    error: str = ""


def articles(stems: list[str] | None = None, folder: Path = EVAL) -> list[tuple[Path, Path]]:
    """(article, truth) pairs in name order from `folder` (articles/ and truth/ inside it);
    `stems` keeps those named (all when None). A sealed set lives in its own folder so that it
    can be scored with the same rules without its files sitting beside the tuning set."""
    if not (folder / "truth").is_dir():
        raise TruthError(f"{folder}: no truth/ folder in this set")
    pairs = []
    for truth in sorted((folder / "truth").glob("*.yaml")):
        found = [p for p in (folder / "articles").glob(truth.stem + ".*") if p.suffix in (".txt", ".md")]
        if not found:
            raise TruthError(f"{truth}: no article {truth.stem}.txt or .md beside it")
        if stems is None or truth.stem in stems:
            pairs.append((found[0], truth))
    unknown = [s for s in stems or [] if s not in {truth.stem for _, truth in pairs}]
    if unknown:
        raise TruthError(f"no article named {', '.join(map(repr, unknown))} in {folder / 'truth'}")
    return pairs


def run(pairs: list[tuple[Path, Path]]) -> list[Article]:
    """Draft and score every article; a draft that fails scores zero and says why."""
    from fintech_tui.draft import draft_pack

    results = []
    with tempfile.TemporaryDirectory(prefix="draft-quality-") as tmp:
        for article, truth_path in pairs:
            truth = read_truth(truth_path)
            text = article.read_text(encoding="utf-8")
            result = Article(article.stem, truth["language"], str(truth.get("style", "")), len(text))
            folder = Path(tmp) / article.stem
            start = time.process_time()
            try:
                draft_pack(article, folder)
            except Exception as error:  # a failing draft is a result to report, not a crash
                result.error = f"{type(error).__name__}: {error}"
            result.cpu = time.process_time() - start
            result.scores = score(truth, read_pack(folder))
            results.append(result)
    return results


def total(results: list[Article]) -> dict[str, Score]:
    sums = {name: Score() for name in FIELDS}
    for result in results:
        for name in FIELDS:
            sums[name].add(result.scores[name])
    return sums


def groups(results: list[Article]) -> dict[str, list[Article]]:
    """Per language, then overall (a language with no article is left out)."""
    out = {lang: [r for r in results if r.language == lang] for lang in ("zh", "en")}
    return {**{k: v for k, v in out.items() if v}, "all": results}


def pct(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.0f} %"


def cpu_line(results: list[Article]) -> str:
    """CPU per article: the first of each language loads its finders (jieba and its dictionary for
    Chinese, the word lists for English); every later one shows the steady cost the issue bounds."""
    if not results:
        return ""
    seen: set[str] = set()
    first, rest = [], []
    for result in results:
        (rest if result.language in seen else first).append(result)
        seen.add(result.language)
    loads = ", ".join(f"{r.language} {r.cpu:.2f} s" for r in first)
    line = f"CPU to draft: the first article of each language {loads} (loads its finders)"
    if rest:
        mean = sum(r.cpu for r in rest) / len(rest)
        per_3k = sum(r.cpu for r in rest) / sum(r.chars for r in rest) * 3000
        line += (
            f"; after it {mean:.2f} s per article on average, max {max(r.cpu for r in rest):.2f} s, "
            f"{per_3k:.2f} s per 3,000 characters"
        )
    return line + "."


def counts(s: Score) -> str:
    """hits / drafted / truth, with the truth side's own hits where they are counted apart."""
    hits = f"{s.hits}" if s.truth_hits == s.hits else f"{s.hits} (found {s.truth_hits})"
    return f"{hits} / {s.drafted} / {s.truth}"


def table(results: list[Article]) -> str:
    """The Markdown table: precision and recall per field, per language and overall."""
    parts = groups(results)
    header = "| field | " + " | ".join(f"{k} P | {k} R" for k in parts) + " | hits / drafted / truth (all) |"
    rule = "| --- | " + " | ".join("---: | ---:" for _ in parts) + " | ---: |"
    sums = {k: total(v) for k, v in parts.items()}
    rows = [header, rule]
    for name in FIELDS:
        cells = " | ".join(f"{pct(s[name].precision)} | {pct(s[name].recall)}" for s in sums.values())
        every = sums["all"][name]
        rows.append(f"| {name} | {cells} | {counts(every)} |")
    return "\n".join(rows)


def report(results: list[Article]) -> str:
    counts = {k: len(v) for k, v in groups(results).items() if k != "all"}
    styles = sorted({r.style for r in results})
    lines = [
        f"Measured {datetime.date.today().isoformat()} on {platform.machine()}, Python {platform.python_version()}: "
        f"{len(results)} articles ({', '.join(f'{n} {k}' for k, n in counts.items())}; {', '.join(styles)}).",
        "",
        table(results),
        "",
        cpu_line(results),
    ]
    failed = [f"- {r.stem}: draft failed: {r.error}" for r in results if r.error]
    return "\n".join(lines + (["", *failed] if failed else []))


def details(results: list[Article]) -> str:
    """Per article and field: what the truth has that the draft missed (−) and what it added (+)."""
    out = []
    for result in results:
        out.append(f"== {result.stem} ({result.language}, {result.style}) ==")
        if result.error:
            out.append(f"  draft failed: {result.error}")
        for name in FIELDS:
            s = result.scores[name]
            if not s.misses and not s.extras:
                continue
            out.append(f"  {name}: P {pct(s.precision)}, R {pct(s.recall)} ({counts(s)})")
            out += [f"    − {miss}" for miss in s.misses]
            out += [f"    + {extra}" for extra in s.extras]
        out.append("")
    return "\n".join(out)


def as_json(results: list[Article]) -> dict[str, Any]:
    def fields(scores: dict[str, Score], full: bool) -> dict[str, Any]:
        out = {}
        for name, s in scores.items():
            item: dict[str, Any] = {
                "precision": s.precision,
                "recall": s.recall,
                "hits": s.hits,
                "recalled": s.truth_hits,
                "drafted": s.drafted,
                "truth": s.truth,
            }
            if full:
                item |= {"misses": s.misses, "extras": s.extras}
            out[name] = item
        return out

    return {
        "articles": [
            {
                "stem": r.stem,
                "language": r.language,
                "style": r.style,
                "chars": r.chars,
                "cpu_seconds": round(r.cpu, 4),
                "error": r.error,
                "fields": fields(r.scores, True),
            }
            for r in results
        ],
        "groups": {k: fields(total(v), False) for k, v in groups(results).items()},
        "cpu_after_first": [round(r.cpu, 4) for r in results[1:]],
    }


def write_readme(text: str) -> None:
    readme = README.read_text(encoding="utf-8")
    start, end = readme.find(BEGIN), readme.find(END)
    if start < 0 or end < start:
        raise SystemExit(f"draft_quality: {README} has no {BEGIN} … {END} markers")
    README.write_text(readme[: start + len(BEGIN)] + "\n" + text + "\n" + readme[end:], encoding="utf-8")


def chosen(article: str | None, several: str | None) -> list[str] | None:
    """The stems --article and --articles name together, or None for the whole set."""
    stems = ([article] if article else []) + [s.strip() for s in (several or "").split(",") if s.strip()]
    return stems or None


def empty_the_name_dictionaries() -> None:
    """Leave each language's name dictionary one entry no text holds, so only the rules find names."""
    from fintech_tui.draft import dictionary_zh, lexicon_en

    english = lexicon_en.dictionary()
    english.clear()
    english["Zzqxvw"] = ("Zzqxvw", "company")  # an empty alternation would match everywhere
    chinese = dictionary_zh.dictionary()
    chinese.clear()
    chinese["龘龘龘"] = dictionary_zh.Entry("company", ("龘龘龘",))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Score `fintech-tui draft` against the evaluation set.")
    parser.add_argument("--article", metavar="STEM", help="score one article (its file name without extension)")
    parser.add_argument(
        "--articles", metavar="STEM,STEM", help="score several articles together (comma-separated stems)"
    )
    parser.add_argument(
        "--set",
        metavar="FOLDER",
        type=Path,
        default=EVAL,
        help="score the set in FOLDER (its articles/ and truth/); the bundled draft_eval by default",
    )
    parser.add_argument("--details", action="store_true", help="list every miss (−) and false positive (+)")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("--write-readme", action="store_true", help="put the table into README.md")
    parser.add_argument(
        "--rules-alone", action="store_true", help="draft with the name dictionaries emptied (names no list knows)"
    )
    args = parser.parse_args(argv)
    if args.rules_alone and args.write_readme:
        print("draft_quality: --write-readme reports the normal run (drop --rules-alone)", file=sys.stderr)
        return 1
    if args.rules_alone:
        empty_the_name_dictionaries()
    try:
        results = run(articles(chosen(args.article, args.articles), args.set))
    except TruthError as error:
        print(f"draft_quality: {error}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(as_json(results), ensure_ascii=False, indent=1))
        return 0
    text = report(results)
    print(text)
    if args.details:
        print()
        print(details(results))
    if args.write_readme:
        if args.article or args.articles:
            print("draft_quality: --write-readme needs the whole set (drop --article)", file=sys.stderr)
            return 1
        if args.set.resolve() != EVAL:
            print("draft_quality: --write-readme reports the bundled set only (drop --set)", file=sys.stderr)
            return 1
        write_readme(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
